"""English path (blank tokenizer, no parse): quote marks plus "X said" / "said X" patterns."""

from __future__ import annotations

import pytest

from cronicar.analyze.context import Context
from cronicar.analyze.nlp import get_nlp
from cronicar.analyze import timex
from cronicar.analyze.quotes import extract
from cronicar.model import DocDate

CASES = [
    ('"We will build the wall," Donald Trump said on Tuesday.', "direct", "We will build the wall,", "Donald Trump"),
    ('"It is over," said Hillary Clinton.', "direct", "It is over,", "Hillary Clinton"),
    ('Hillary Clinton spoke in Ohio. "We are stronger together," she said.', "direct", "We are stronger together,",
     "Hillary Clinton"),
    ("Mike Pence said that the debate went well.", "indirect", "the debate went well", "Mike Pence"),
    ("According to Tim Kaine, the plan will create jobs.", "indirect", "the plan will create jobs", "Tim Kaine"),
    ('Senator Bernie Sanders said: "This is a rigged economy."', "direct", "This is a rigged economy.", "Bernie Sanders"),
    # party/state tag after the name
    ('"It is a dog whistle," Rep. Gwen Moore (D-Wis.) said Friday.', "direct", "It is a dog whistle,", "Gwen Moore"),
    # a long apposition chain between the quote and the verb
    ('"It is an invasion of the state domain," Scott Pruitt, the Republican attorney general of Oklahoma, '
     'one of the states suing the EPA, said at a Washington event.', "direct", "It is an invasion of the state domain,",
     "Scott Pruitt"),
    # gerund cue: the name right before it, or the subject of the sentence
    ('The ad uses footage of Hillary Clinton asking, "Why aren\'t I 50 points ahead?"', "direct",
     "Why aren't I 50 points ahead?", "Hillary Clinton"),
    ('During a speech in Ohio, Donald Trump attacked his rival, saying, "She is trigger-happy."', "direct",
     "She is trigger-happy.", "Donald Trump"),
    # the quote completes a clause of the sentence: one mixed (indirect) record, as PolNeAR annotates it
    ('The deal "looks out for the needs of Wall Street first," Bernie Sanders wrote.', "indirect",
     'The deal "looks out for the needs of Wall Street first,"', "Bernie Sanders"),
    # English drops 'that': a clause (opener + finite verb) right after the speech verb
    ("Donald Trump says Hillary Clinton is lying about her support for the trade deal.", "indirect",
     "Hillary Clinton is lying about her support for the trade deal", "Donald Trump"),
    ("Mr. Grassley said he would seek changes to the program.", "indirect",
     "he would seek changes to the program", "Grassley"),
    ("Figueroa said the campaign planned to bus in supporters.", "indirect",
     "the campaign planned to bus in supporters", "Figueroa"),
    # a subject pronoun opens the clause whatever its verb ("turned", "met"), contractions included
    ("Marley Anderson said she turned out at her first caucus Saturday to support Bernie Sanders.", "indirect",
     "she turned out at her first caucus Saturday to support Bernie Sanders", "Marley Anderson"),
    ("Sanders says he’d continue Obama’s actions if elected president.", "indirect",
     "he’d continue Obama’s actions if elected president", "Sanders"),
    # a name, then appositions, then the verb: the name speaks
    ("Marley Anderson, 21, a junior from Las Vegas, said she turned out at her first caucus.", "indirect",
     "she turned out at her first caucus", "Marley Anderson"),
    # inside a relative clause the statement ends with it
    ("Barkley, who said he typically votes democratic, was not impressed.", "indirect",
     "he typically votes democratic", "Barkley"),
    # a role held for someone else speaks, not the one it serves
    ("A spokesman for Clinton said the campaign would not comment.", "indirect",
     "the campaign would not comment", "A spokesman for Clinton"),
    ("A senior adviser to Trump said the campaign would not comment.", "indirect",
     "the campaign would not comment", "A senior adviser to Trump"),
    # the reported clause first, then its speaker and verb
    ("The van left Ground Zero before the police arrived, a source said.", "indirect",
     "The van left Ground Zero before the police arrived", "a source"),
    ("The agency lost track of the money, sources said.", "indirect",
     "The agency lost track of the money", "sources"),
]

# a speech verb with a phrase, not a clause, after it: no record; other voices keep their quotes
NOT_CLAUSES = [
    "He said the same thing in a statement.",
    "Obama told his advisers to figure out how to cut emissions.",
    "The senator said in a statement on Monday.",
]


def _quotes(text: str) -> list:  # type: ignore[type-arg]
    """Quotes as the pipeline extracts them: after the time expressions (dates are adjuncts)."""
    doc, dct = get_nlp("en")(text), DocDate.parse("2016-10-01")
    return extract(Context(doc=doc, text=text, dct=dct, lang="en", timexes=timex.tag(text, dct, "en", doc=doc)))


@pytest.mark.parametrize("text", NOT_CLAUSES)
def test_no_reported_clause(text: str) -> None:
    assert _quotes(text) == []


def test_a_clause_without_that_stops_before_another_voice() -> None:
    text = ("Some in the crowd booed, and when Rubio said it was great to be home, a man yelled "
            "\u201cStay there!\u201d")
    got = {(q.kind, text[q.content[0]:q.content[1]]) for q in _quotes(text)}
    assert ("direct", "Stay there!") in got
    assert ("indirect", "it was great to be home") in got


def test_inverted_speaker_after_a_quote_is_the_speaker() -> None:
    text = ('"That is treason," said Cruz constituent Dan Golvach when asked about Lindsey Graham.')
    qs = _quotes(text)
    assert [q.kind for q in qs] == ["direct"]  # "when asked about…" is not a reported clause
    assert qs[0].cue is not None and text[qs[0].cue[0]:qs[0].cue[1]] == "said"
    m = qs[0].speaker_mention  # the phrase after "said" (the name finder keeps "Cruz" of it)
    assert m is not None and m[0] == text.index("Cruz constituent")

# signed quotes, descriptions and pronouns: (text, content, speaker mention as written)
MENTIONS = [
    ('Readers wrote to us.\n"Mr. Trump is clueless about our struggles."\u2015 Stephanie Egan\n'
     '"He must stop portraying us as gangsters." \u2015 Carla Sanchez', "Mr. Trump is clueless about our struggles.",
     "Stephanie Egan"),
    ('Asked about the plan, the 34-year-old mother of three replied, "It is meant to help mothers."',
     "It is meant to help mothers.", "the 34-year-old mother of three"),
    ('Small groups of protesters marched through the streets while chanting, "Hands up, don\'t shoot."',
     "Hands up, don't shoot.", "Small"),
    ('"The debt has been paid," the Times wrote. "His fortunes have changed," it further wrote.',
     "His fortunes have changed,", "it"),
    ('"My reaction, that was outrageous," Obama\'s former campaign strategist said in an interview.',
     "My reaction, that was outrageous,", "Obama's former campaign strategist"),
    ('"They are 100 percent wrong," said 9/11 widow Terry Strada.', "They are 100 percent wrong,",
     "Terry Strada"),
    ('"Donald is an amazing leader," said the 46-year-old.', "Donald is an amazing leader,", "the 46-year-old"),
    ('"Did he lose 20 minutes? Probably," said one former senior agency official.',
     "Did he lose 20 minutes? Probably,", "one former senior agency official"),
    ('Trump called on her to resign from her post and said, "Her mind is shot!"', "Her mind is shot!", "Trump"),
    ('The campaign wrote to donors. "Friend, let me be blunt. I can beat her," the email read.',
     "Friend, let me be blunt. I can beat her,", "the email"),
    ('Her bill went nowhere.\n\n"Multinationals pay zero taxes."\n\n- Sanders.\n\nThis is a complex issue.',
     "Multinationals pay zero taxes.", "Sanders"),
    ('Tiegen was troubled by the emails. "It just puts lives in jeopardy," he wondered.',
     "It just puts lives in jeopardy,", "he"),
    ('Charlotte remains under a state of emergency. Protesters marching through the streets chanted '
     '"What curfew?" and kept going.', "What curfew?", "Protesters"),
    # no-break spaces (common in web text) do not split the speaker phrase
    ('NBC\'s Chuck Todd asked the frontrunner about the tweet. "Did you know it was Mussolini?" Todd\u00a0asked '
     'the real estate mogul.', "Did you know it was Mussolini?", "Todd"),
    ('"Paul\'s knowledge is about 20 years old," said a longtime adviser to Trump, who declined to be identified.',
     "Paul's knowledge is about 20 years old,", "a longtime adviser to Trump"),
    ('Here in Columbia, Sanders stepped up his emphasis on justice issues, saying, "We have got to achieve it."',
     "We have got to achieve it.", "Sanders"),
    ('As the crowd cheered, his wife whispered to him: "They are still with you."', "They are still with you.",
     "his wife"),
    # a colon introduction, across a paragraph break, with or without a speech verb
    ('That is, when the moderators yielded, Cruz called them on it:\n\n"The questions illustrate why people '
     'distrust the media."', "The questions illustrate why people distrust the media.", "Cruz"),
    ('Kelly responded pointedly, with a smile: "Can happen when you are 45."', "Can happen when you are 45.", "Kelly"),
    ('The email goes on to say: "Trump wants to write racism into our law books."',
     "Trump wants to write racism into our law books.", "The email"),
    ('This is HuffPollster for Wednesday.\n\nRED STATES OUTNUMBER BLUE - Jeffrey M. Jones: "Twenty states are solidly Republican."',
     "Twenty states are solidly Republican.", "Jeffrey M. Jones"),
]


@pytest.mark.parametrize("text,content,mention", MENTIONS)
def test_quotes_english_speaker_mentions(text: str, content: str, mention: str) -> None:
    doc = get_nlp("en")(text)
    quotes = extract(Context(doc=doc, text=text, dct=None, lang="en"))
    hits = [q for q in quotes if text[q.content[0] : q.content[1]] == content]
    assert hits, [text[q.content[0] : q.content[1]] for q in quotes]
    m = hits[0].speaker_mention
    assert m is not None and text[m[0] : m[1]] == mention, (m and text[m[0] : m[1]], hits[0].speaker)


@pytest.mark.parametrize("text,kind,content,speaker", CASES)
def test_quotes_english_patterns(text: str, kind: str, content: str, speaker: str) -> None:
    doc = get_nlp("en")(text)
    quotes = extract(Context(doc=doc, text=text, dct=DocDate.parse("2016-10-01"), lang="en"))
    hits = [q for q in quotes if text[q.content[0] : q.content[1]] == content]
    assert hits, [text[q.content[0] : q.content[1]] for q in quotes]
    assert hits[0].kind == kind
    assert hits[0].speaker == speaker
    assert hits[0].when == {"value": "2016-10-01", "interval": ["2016-10-01", "2016-10-01"]}


@pytest.mark.parametrize("text", [
    'The so-called "deal" was signed on Monday by the two companies.',
    'She read "War and Peace" twice.',
    'In an interview on CBS\'s "Face the Nation," House Speaker Paul Ryan said the shootings demand more listening.',
])
def test_quotes_english_titles_are_not_direct_quotes(text: str) -> None:
    doc = get_nlp("en")(text)
    assert [q for q in extract(Context(doc=doc, text=text, dct=None, lang="en")) if q.kind == "direct"] == []


def test_quotes_english_scare_quotes_are_not_statements() -> None:
    text = 'The so-called "deal" was signed on Monday by the two companies.'
    doc = get_nlp("en")(text)
    assert extract(Context(doc=doc, text=text, dct=None, lang="en")) == []


def test_quotes_english_split_quote_shares_the_cue() -> None:
    """'"A," Robinson said, "B"' — both segments carry the same cue and speaker (one PolNeAR relation)."""
    text = ('"If the last three nominees do not want to get on that stage," Rashad Robinson said, '
            '"why would corporate brands want to align themselves with Trump?"')
    doc = get_nlp("en")(text)
    quotes = extract(Context(doc=doc, text=text, dct=None, lang="en"))
    assert len(quotes) == 2
    assert {(q.cue, q.speaker) for q in quotes} == {(quotes[1].cue, "Rashad Robinson")}
    assert quotes[0].cue is not None and text[quotes[0].cue[0] : quotes[0].cue[1]] == "said"


def test_a_colon_after_a_clause_without_that_keeps_its_quote() -> None:
    text = ('His wife warned him to act "presidential," but Trump said he responded: '
            '"When you have incoming, you can\'t be too presidential."')
    got = {(q.kind, text[q.content[0]:q.content[1]], q.speaker) for q in _quotes(text)}
    assert ("indirect", "he responded", "Trump") in got
    assert ("direct", "When you have incoming, you can't be too presidential.", "Trump") in got


def test_an_abbreviation_that_ends_the_sentence_ends_the_statement() -> None:
    text = ("Bush says he’s going to await results after the polls close at 7 p.m. He says \u201cit’s "
            "interesting that a lot of people claim they’re undecided this late.\u201d")
    got = [(q.kind, text[q.content[0]:q.content[1]]) for q in _quotes(text)]
    assert got == [("indirect", "he’s going to await results after the polls close at 7 p.m."),
                   ("direct", "it’s interesting that a lot of people claim they’re undecided this late.")]


def test_a_parenthetical_cue_is_not_a_clause_of_the_verb_before_it() -> None:
    text = "He sincerely believes, he said, that the deal is good."
    got = [(text[q.cue[0]:q.cue[1]], text[q.content[0]:q.content[1]]) for q in _quotes(text) if q.cue]
    assert got == [("said", "the deal is good")]  # not 'believes' -> "he said"


def test_a_date_between_the_verb_and_a_clause_without_that() -> None:
    text = "Top Republican Party donor Sheldon Adelson said on Friday he met presidential candidate Donald Trump."
    got = [(text[q.content[0]:q.content[1]], q.speaker, q.when["value"]) for q in _quotes(text)]
    # the article is of Saturday 2016-10-01: "on Friday" is the day before, and the statement's date
    assert got == [("he met presidential candidate Donald Trump", "Sheldon Adelson", "2016-09-30")]


def test_a_pronoun_does_not_point_back_to_a_demonym_source() -> None:
    """Without NER a two-word name counts as a person, but not one the gazetteer knows for a place:
    "according to South Korean intelligence" gives no person that a later "He" could mean."""
    from cronicar.analyze.pipeline import analyze

    text = ("Foreign Minister Sergei Lavrov met reporters in Moscow. North Korea sent troops to Kursk, "
            "according to South Korean intelligence. He said the talks had gone well.")
    a = analyze(text, DocDate.parse("2025-10-28"), "en")
    said = [q for q in a.quotes if text[q.content[0]:q.content[1]].startswith("the talks")]
    assert said and said[0].speaker == "Sergei Lavrov"
    assert ("South Korean", "GPE", "South Korea") in {(m.text, m.label, m.canonical) for m in a.entities}


def test_a_title_tells_the_gender_a_pronoun_needs() -> None:
    """English names carry no gender here; "Ms." and "Mr." do: "she" after "Lavrov told her" is
    the woman the article titled, not the last man named."""
    text = ('North Korean Foreign Minister Choe Son Hui met Russian Foreign Minister Sergei Lavrov in Moscow. '
            'Ms. Choe thanked Russia for its support. Sergei Lavrov told her that the alliance would deepen. '
            '"We will stand with Russia until victory," she said.')
    quotes = extract(Context(doc=get_nlp("en")(text), text=text, dct=None, lang="en"))
    said = [q for q in quotes if text[q.content[0]:q.content[1]].startswith("We will stand")]
    assert said and said[0].speaker == "Choe Son Hui"
    told = [q for q in quotes if text[q.content[0]:q.content[1]] == "the alliance would deepen"]
    assert told and told[0].speaker == "Sergei Lavrov"

-- cronicar store, schema version 1.
-- Articles and their per-article annotations (written once per article, in one transaction),
-- then the cross-article layer that linking maintains: canonical entities, events (clusters of
-- event mentions with their sources) and stories.  Offsets index articles.text (normalized text).

CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,            -- content hash (model.article_id)
    source TEXT NOT NULL,           -- path or URL it came from
    external_id TEXT,               -- id given by the input (JSON "id"), if any
    title TEXT,
    url TEXT,
    date TEXT NOT NULL,             -- ISO, granularity kept: 2024-11 stays a month
    date_start TEXT NOT NULL,       -- first day the date may denote
    date_end TEXT NOT NULL,         -- last day
    lang TEXT NOT NULL,
    text TEXT NOT NULL,             -- normalized text; every offset indexes it
    sentences TEXT NOT NULL,        -- JSON [[start, end], ...]
    story_id TEXT,
    ingested_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_date ON articles(date_start);
CREATE INDEX IF NOT EXISTS articles_story ON articles(story_id);

CREATE TABLE IF NOT EXISTS timexes (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL, type TEXT NOT NULL, value TEXT NOT NULL, mod TEXT,
    int_start TEXT, int_end TEXT, rule TEXT,
    PRIMARY KEY (article_id, start, "end")
);

CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY,            -- model.entity_key: "person:serghei-lavrov", "gpe:rusia"
    name TEXT NOT NULL,
    type TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS entity_aliases (
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    PRIMARY KEY (entity_id, alias)
);
CREATE TABLE IF NOT EXISTS mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL, label TEXT NOT NULL,
    entity_id TEXT NOT NULL REFERENCES entities(id),
    PRIMARY KEY (article_id, start, "end")
);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id);

CREATE TABLE IF NOT EXISTS quotes (
    id TEXT PRIMARY KEY,            -- article_id + content start
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    cue_start INTEGER, cue_end INTEGER,
    speaker_start INTEGER, speaker_end INTEGER,
    speaker TEXT, speaker_entity TEXT,
    addressee TEXT, media_source TEXT,
    when_value TEXT, when_start TEXT, when_end TEXT
);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_entity);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id);

CREATE TABLE IF NOT EXISTS event_mentions (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
    sent_start INTEGER NOT NULL, sent_end INTEGER NOT NULL,
    type TEXT NOT NULL, summary TEXT NOT NULL,
    participants TEXT NOT NULL,     -- JSON list of entity names
    place TEXT,
    when_value TEXT, when_start TEXT, when_end TEXT,
    event_id TEXT,                  -- cluster, set by linking
    UNIQUE (article_id, trigger_start)
);
CREATE INDEX IF NOT EXISTS event_mentions_event ON event_mentions(event_id);

CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,
    story_id TEXT,
    type TEXT NOT NULL, summary TEXT NOT NULL,
    when_value TEXT, when_start TEXT, when_end TEXT,
    place TEXT,
    participants TEXT NOT NULL      -- JSON list of entity names
);
CREATE INDEX IF NOT EXISTS events_story ON events(story_id);

CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    first_date TEXT, last_date TEXT
);

-- Full-text search (owned by cronicar.serve.search, which fills it at write time through
-- index_article): one row per article (title + text) and per event (summary).  ``kind`` is
-- 'article' or 'event', ``ref`` the article or event id; remove_diacritics lets "rusia" find "Rusia"
-- and "sefa" find "Șefa".
CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5(
    kind UNINDEXED, ref UNINDEXED, title, body,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- cronicar store, schema version 5 (store/db.py MIGRATIONS brings older files here).  Every table
-- of the store is here; no other module creates one.
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
    lead_day INTEGER,               -- 1: an undated lead act, of its article's day for linking only
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

-- The linker's memory (link/): what later articles are compared with.  Written and read only
-- through store/linking.py and store/entities.py.
-- A word of a full person name -> the entity (link/persons: a bare "Kim" finds "Kim Jong Un").
CREATE TABLE IF NOT EXISTS person_tokens (
    token TEXT NOT NULL, entity_id TEXT NOT NULL, PRIMARY KEY (token, entity_id)
);
-- A language-free key -> the entity (link/variants: "cc:KP", "city:Pyongyang", "p:sergei lavrov").
CREATE TABLE IF NOT EXISTS entity_keys (
    key TEXT NOT NULL, entity_id TEXT NOT NULL, PRIMARY KEY (key, entity_id)
);
-- A story's profile (link/index): entity and term counts, the centroid vector, corpus statistics.
CREATE TABLE IF NOT EXISTS story_entities (
    entity_id TEXT NOT NULL, story_id TEXT NOT NULL, n INTEGER NOT NULL DEFAULT 0,
    last_date TEXT, PRIMARY KEY (entity_id, story_id)
);
CREATE INDEX IF NOT EXISTS story_entities_story ON story_entities(story_id, n);
CREATE INDEX IF NOT EXISTS story_entities_recent ON story_entities(entity_id, last_date);
CREATE TABLE IF NOT EXISTS story_terms (
    term TEXT NOT NULL, story_id TEXT NOT NULL, n INTEGER NOT NULL DEFAULT 0,
    last_date TEXT, PRIMARY KEY (term, story_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS story_terms_story ON story_terms(story_id, n);
CREATE INDEX IF NOT EXISTS story_terms_recent ON story_terms(term, last_date);
CREATE TABLE IF NOT EXISTS term_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS link_counts (key TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS story_profiles (
    story_id TEXT PRIMARY KEY, size INTEGER NOT NULL, last_date TEXT,
    ents TEXT NOT NULL, terms TEXT NOT NULL, vec BLOB
);
CREATE INDEX IF NOT EXISTS story_profiles_recent ON story_profiles(last_date);
CREATE TABLE IF NOT EXISTS article_vectors (article_id TEXT PRIMARY KEY, vec BLOB NOT NULL);
-- An article's subject terms and entity keys (link/evidence: does a story's latest article share them).
CREATE TABLE IF NOT EXISTS article_link_terms (
    article_id TEXT PRIMARY KEY, terms TEXT NOT NULL, ents TEXT NOT NULL
) WITHOUT ROWID;

-- Full-text search: one document per article (title + text) and per event (summary), ranked
-- by bm25.  ``search_docs`` gives each document a stable integer key (an explicit INTEGER PRIMARY
-- KEY, which VACUUM never renumbers); ``search_fts`` is an external-content FTS5 table over the
-- view ``search_source``, so the text is stored once (in articles/events) and (re)indexing one
-- document is a rowid look-up, never a scan.  The triggers keep the index in the writing
-- transaction whatever code writes articles or events: write with INSERT/UPDATE/DELETE, never
-- INSERT OR REPLACE on these two tables (REPLACE deletes without firing the delete triggers).
-- ``remove_diacritics 2`` folds ă â î ș ț (and ş ţ), so "sefa diplomatiei" finds "șefa diplomației".
CREATE TABLE IF NOT EXISTS search_docs (
    doc INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,             -- 'article' or 'event'
    ref TEXT NOT NULL,              -- the article's or the event's id
    UNIQUE (kind, ref)
);
CREATE VIEW IF NOT EXISTS search_source(doc, title, body) AS
    SELECT d.doc, coalesce(a.title, ''), a.text FROM search_docs d JOIN articles a ON a.id = d.ref
     WHERE d.kind = 'article'
    UNION ALL
    SELECT d.doc, '', e.summary FROM search_docs d JOIN events e ON e.id = d.ref WHERE d.kind = 'event';
CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
    title, body, content = 'search_source', content_rowid = 'doc',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER IF NOT EXISTS search_article_added AFTER INSERT ON articles BEGIN
    INSERT INTO search_docs(kind, ref) VALUES ('article', new.id);
    INSERT INTO search_fts(rowid, title, body)
        SELECT doc, coalesce(new.title, ''), new.text FROM search_docs WHERE kind = 'article' AND ref = new.id;
END;
CREATE TRIGGER IF NOT EXISTS search_article_changed AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO search_fts(search_fts, rowid, title, body)
        SELECT 'delete', doc, coalesce(old.title, ''), old.text FROM search_docs WHERE kind = 'article' AND ref = old.id;
    INSERT INTO search_fts(rowid, title, body)
        SELECT doc, coalesce(new.title, ''), new.text FROM search_docs WHERE kind = 'article' AND ref = old.id;
END;
CREATE TRIGGER IF NOT EXISTS search_article_removed AFTER DELETE ON articles BEGIN
    INSERT INTO search_fts(search_fts, rowid, title, body)
        SELECT 'delete', doc, coalesce(old.title, ''), old.text FROM search_docs WHERE kind = 'article' AND ref = old.id;
    DELETE FROM search_docs WHERE kind = 'article' AND ref = old.id;
END;
CREATE TRIGGER IF NOT EXISTS search_event_added AFTER INSERT ON events BEGIN
    INSERT INTO search_docs(kind, ref) VALUES ('event', new.id);
    INSERT INTO search_fts(rowid, title, body)
        SELECT doc, '', new.summary FROM search_docs WHERE kind = 'event' AND ref = new.id;
END;
CREATE TRIGGER IF NOT EXISTS search_event_changed AFTER UPDATE OF summary ON events BEGIN
    INSERT INTO search_fts(search_fts, rowid, title, body)
        SELECT 'delete', doc, '', old.summary FROM search_docs WHERE kind = 'event' AND ref = old.id;
    INSERT INTO search_fts(rowid, title, body)
        SELECT doc, '', new.summary FROM search_docs WHERE kind = 'event' AND ref = old.id;
END;
CREATE TRIGGER IF NOT EXISTS search_event_removed AFTER DELETE ON events BEGIN
    INSERT INTO search_fts(search_fts, rowid, title, body)
        SELECT 'delete', doc, '', old.summary FROM search_docs WHERE kind = 'event' AND ref = old.id;
    DELETE FROM search_docs WHERE kind = 'event' AND ref = old.id;
END;

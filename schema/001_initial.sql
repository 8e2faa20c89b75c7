-- dyad knowledge graph, schema version 1. Migrations run in file order; PRAGMA user_version
-- holds the number of the last one applied (docs/store.md).

-- Articles that were ingested, with a hash of their content so a re-run can skip them.
CREATE TABLE articles (
  id           TEXT PRIMARY KEY,
  title        TEXT NOT NULL DEFAULT '',
  url          TEXT NOT NULL DEFAULT '',
  source       TEXT NOT NULL DEFAULT '',
  date         TEXT NOT NULL DEFAULT '',   -- publication day, YYYY-MM-DD, or ''
  content_hash TEXT NOT NULL,
  ingested_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- Actors as coded: a CAMEO code with the entity it belongs to and a canonical name.
CREATE TABLE actors (
  code   TEXT NOT NULL,
  name   TEXT NOT NULL,
  entity TEXT NOT NULL,
  PRIMARY KEY (code, name)
);
CREATE INDEX actors_entity ON actors (entity);
CREATE INDEX actors_name ON actors (name COLLATE NOCASE);

-- One row per real-world event: the same source and target codes, CAMEO code and date reported
-- by any number of articles (the names are those of the first report). Counts are kept as
-- GDELT keeps them.
CREATE TABLE events (
  id             INTEGER PRIMARY KEY,
  source_code    TEXT NOT NULL,
  source_name    TEXT NOT NULL,
  source_entity  TEXT NOT NULL,
  target_code    TEXT NOT NULL,
  target_name    TEXT NOT NULL,
  target_entity  TEXT NOT NULL,
  cameo          TEXT NOT NULL,
  action         TEXT NOT NULL,
  quad_class     INTEGER NOT NULL,
  goldstein      REAL NOT NULL,
  date           TEXT NOT NULL,            -- YYYY-MM-DD, YYYY-MM, YYYY or '' (unknown)
  date_precision TEXT NOT NULL,            -- day, month, year or ''
  num_mentions   INTEGER NOT NULL DEFAULT 0,
  num_articles   INTEGER NOT NULL DEFAULT 0,
  num_sources    INTEGER NOT NULL DEFAULT 0,
  UNIQUE (source_code, target_code, cameo, date)
);
CREATE INDEX events_date ON events (date);
CREATE INDEX events_source ON events (source_entity, date);
CREATE INDEX events_target ON events (target_entity, date);

-- Every sentence that reports an event, with its evidence and the dictionaries that coded it.
CREATE TABLE mentions (
  id             INTEGER PRIMARY KEY,
  event_id       INTEGER NOT NULL REFERENCES events (id),
  article_id     TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  sentence_index INTEGER NOT NULL,
  field          TEXT NOT NULL,            -- title or text
  sentence       TEXT NOT NULL,
  source_text    TEXT,
  source_begin   INTEGER,
  source_end     INTEGER,
  target_text    TEXT,
  target_begin   INTEGER,
  target_end     INTEGER,
  trigger_begin  INTEGER NOT NULL,
  trigger_end    INTEGER NOT NULL,
  rule           TEXT NOT NULL,
  negated        INTEGER NOT NULL,
  factual        INTEGER NOT NULL,
  fingerprint    TEXT NOT NULL
);
CREATE INDEX mentions_event ON mentions (event_id);
CREATE INDEX mentions_article ON mentions (article_id);

-- Problems with the input, kept so that a long ingest can be audited afterwards.
CREATE TABLE diagnostics (
  id         INTEGER PRIMARY KEY,
  severity   TEXT NOT NULL,
  file       TEXT NOT NULL,
  line       INTEGER,
  article_id TEXT NOT NULL,
  message    TEXT NOT NULL,
  excerpt    TEXT NOT NULL,
  at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

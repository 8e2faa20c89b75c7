-- dyad knowledge graph, schema version 2: facts about the database itself.

-- `stamp` is a random token that every committed write replaces. A cache of the database's
-- contents (the graph snapshot, docs/store.md) records the stamp it was made from and is used
-- only while the stamp is unchanged: unlike a counter, a token cannot come back after a backup
-- is restored and written to again.
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO meta (key, value) VALUES ('stamp', lower(hex(randomblob(16))));

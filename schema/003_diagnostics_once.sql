-- dyad knowledge graph, schema version 3: each problem with the input is recorded once.

-- Re-running an ingest (after an interruption, or on a grown corpus) reads the broken records
-- again; their diagnostics were stored a second time. A diagnostic is now one row per
-- severity, place, article and message, whatever the number of runs that met it.
DELETE FROM diagnostics
WHERE id NOT IN (SELECT min(id) FROM diagnostics
                 GROUP BY severity, file, ifnull(line, -1), article_id, message);
CREATE UNIQUE INDEX diagnostics_once
  ON diagnostics (severity, file, ifnull(line, -1), article_id, message);

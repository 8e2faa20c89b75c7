#!/usr/bin/env bash
# The worked example of docs/distributed.md: the presidential releases split in four, coded by
# GNU parallel (as a cluster's mappers would), the records loaded with ingest --events; then
# the same corpus ingested directly, and the two graphs compared table by table.
#   tools/distributed-example.sh [CORPUS.jsonl] [WORKDIR]
# Needs a built dyad (tools/demo.sh), GNU parallel (apt-get install parallel) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/presidential-releases/releases-2021-2022.jsonl}
work=${2:-$(mktemp -d)}
dyad=$PWD/build/dyad
mkdir -p "$work/parts"
rm -f "$work"/*.db "$work"/parts/*

# 1. Split the corpus into four parts of whole lines, and code each part on its own: each
#    `dyad extract` is a pure filter from standard input to standard output.
split -n l/4 -d --additional-suffix=.jsonl "$corpus" "$work/parts/part-"
time parallel --jobs 4 "$dyad -q extract --jobs 1 --format records - < {} > {.}.records" \
  ::: "$work"/parts/part-*.jsonl

# 2. Build the graph from the parts' records, in the parts' order.
time "$dyad" -q ingest --events --db "$work/distributed.db" "$work"/parts/part-*.records

# 3. The direct way, and the comparison.
time "$dyad" -q ingest --db "$work/direct.db" "$corpus"
python3 - "$work/direct.db" "$work/distributed.db" <<'PY'
import sqlite3, sys
queries = {
    "articles": "SELECT id, title, url, source, date, content_hash FROM articles ORDER BY id",
    "events": "SELECT * FROM events ORDER BY id",
    "mentions": "SELECT * FROM mentions ORDER BY id",
    "actors": "SELECT * FROM actors ORDER BY code, name",
}
a, b = (sqlite3.connect(path) for path in sys.argv[1:3])
same = True
for table, query in queries.items():
    x, y = a.execute(query).fetchall(), b.execute(query).fetchall()
    print(f"{table:9} direct {len(x):6}  distributed {len(y):6}  {'same' if x == y else 'DIFFERENT'}")
    same &= x == y
sys.exit(0 if same else 1)
PY
echo "distributed-example: the two graphs are the same ($work)"

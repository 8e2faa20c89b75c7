#!/usr/bin/env bash
# One run of dyad's corpus-scale numbers (docs/performance.md): extraction speed on one
# thread and on all cores, and an ingest of a generated corpus, with peak memory.
#   tools/bench/report.sh [SIZE]   SIZE of the generated corpus (default 1G; 200M is quicker)
# Needs a Release build (tools/demo.sh), ../shared and python3; writes scratch files to $TMPDIR.
set -euo pipefail
cd "$(dirname "$0")/../.."
size=${1:-1G}
releases=../shared/corpus/presidential-releases/releases-2021-2022.jsonl
tmp=${TMPDIR:-/tmp}
corpus=$tmp/dyad-report-$size.jsonl
db=$tmp/dyad-report-$size.db
cores=$(nproc)
[ -f "$releases" ] || { echo "report: no $releases" >&2; exit 1; }

# "MB/s" and "events" from dyad's summary line; peak RSS from GNU time (-f %M, KiB).
run() {  # run LABEL COMMAND...: prints a table row
  local label=$1
  shift
  local log=$tmp/dyad-report.log
  /usr/bin/time -f "rss %M" "$@" >/dev/null 2>"$log" || true
  local rss mbs line
  rss=$(awk '/^rss/ {printf "%.0f", $2 / 1024}' "$log")
  line=$(grep -E "MB/s|events/s" "$log" | tail -1)
  echo "| $label | ${line#dyad: info: } | $rss MiB |"
}

echo "dyad corpus-scale report, $(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m)"
echo
echo "## Extraction, one thread, in process (dyad_bench, $(du -h "$releases" | cut -f1) of releases)"
echo
build/tools/bench/dyad_bench --benchmark_filter=ExtractCorpus 2>/dev/null |
  awk '/BM_ExtractCorpus/ {for (i = 1; i <= NF; i++) if ($i ~ /=/) print "- " $i}'
echo
python3 tools/bench/recombine_corpus.py "$releases" --size "$size" --out "$corpus" 2>&1 |
  sed 's/^/generated: /'
echo
echo "## The dyad program (summary line of each run; peak resident memory)"
echo
echo "| run | dyad's summary | peak RSS |"
echo "|---|---|---|"
run "extract releases, --jobs 1" build/dyad extract --jobs 1 "$releases"
run "extract releases, --jobs $cores" build/dyad extract --jobs "$cores" "$releases"
run "extract generated $size, --jobs 1" build/dyad extract --jobs 1 "$corpus"
run "extract generated $size, --jobs $cores" build/dyad extract --jobs "$cores" "$corpus"
rm -f "$db" "$db-wal" "$db-shm" "$db-graph"
run "ingest generated $size, --jobs $cores" build/dyad ingest --jobs "$cores" --db "$db" "$corpus"
rm -f "$corpus" "$db" "$db-wal" "$db-shm" "$db-graph"

#!/usr/bin/env bash
# Tries every fault and hostile input dyad is tested against, and writes the table of
# docs/reliability.md from what the tests themselves record (RecordTrial in
# tests/test_support.h), with the fuzzers' own counts.
#   tools/reliability.sh [--no-fuzz]   (about 15 minutes here; --no-fuzz: 2)
# Needs the test build (tools/test.sh); the fuzzers need clang (tools/fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/tests/dyad_tests ] || { echo "reliability: no build/tests/dyad_tests; run tools/test.sh" >&2; exit 1; }
log=$(mktemp)
trap 'rm -f "$log"' EXIT
DYAD_RELIABILITY_LOG=$log build/tests/dyad_tests \
  --gtest_filter='HostileInputTest.*:StoreFaults.*:Targets/FuzzReplay.*:ExportTest.*:ExportCommandTest.Bad*' \
  >/dev/null || { echo "reliability: a test failed; its row says so" >&2; }
if [ "${1:-}" != "--no-fuzz" ]; then
  tools/fuzz.sh
  for t in jsonl events text dictionary query; do
    units=$(sed -n 's/^stat::number_of_executed_units: *//p' build-fuzz/"$t".log | tail -1)
    printf 'fuzzing\tlibFuzzer on the %s target (clang, ASan and UBSan)\t%s\t0\t0\tclean\n' \
      "$t" "$units" >>"$log"
  done
fi
out=docs/reliability.md
{
  sed -n '1,/^<!-- table -->$/p' "$out"
  echo
  echo "Produced by \`tools/reliability.sh\` on $(date -u +%Y-%m-%d) ($(nproc) cores, $(uname -m)):"
  echo
  echo "| kind | fault or input | tries | crashes | events lost or doubled | outcome |"
  echo "|---|---|---|---|---|---|"
  awk -F '\t' '{printf "| %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6}' "$log"
  echo
  echo "<!-- end of table -->"
  sed -n '/^<!-- end of table -->$/,$p' "$out" | tail -n +2
} >"$out.new"
mv "$out.new" "$out"
echo "reliability: wrote $out ($(wc -l <"$log") rows)" >&2

#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, with AddressSanitizer and UBSan) and runs each from its
# seed corpus for a fixed number of inputs (docs/reliability.md).
#   tools/fuzz.sh [RUNS] [TARGET...]   RUNS inputs for each TARGET (default: all seven, each
#                                      for its own count below, about a minute each here)
# A crash stops the run with the input saved as build-fuzz/crashes/TARGET-crash-*: fix the
# bug, then move the file to tests/fuzz/crashes/TARGET/, where every test build replays it.
set -euo pipefail
cd "$(dirname "$0")/.."
declare -A default_runs=([jsonl]=50000 [events]=20000 [text]=20000 [dictionary]=8000 [query]=20000
  [conllu]=50000 [model]=20000)
runs=${1:-}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(jsonl events text dictionary query conllu model)
tools/deps.sh --test
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDYAD_FUZZ=ON \
  -DDYAD_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]/#/fuzz_}"
mkdir -p build-fuzz/crashes
for t in "${targets[@]}"; do
  work=$(mktemp -d)  # the seeds and what the fuzzer adds to them; the seeds stay as they are
  cp tests/fuzz/corpus/"$t"/* "$work"/
  n=${runs:-${default_runs[$t]}}
  echo "fuzz: $t, $n inputs" >&2
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    build-fuzz/tests/fuzz/fuzz_"$t" -runs="$n" -max_len=16384 -timeout=30 \
    -rss_limit_mb=3072 -seed=1 -print_final_stats=1 \
    -artifact_prefix=build-fuzz/crashes/"$t"- "$work" 2>build-fuzz/"$t".log ||
    { tail -40 build-fuzz/"$t".log >&2; rm -rf "$work"; exit 1; }
  grep -E "^stat::(number_of_executed_units|peak_rss_mb)|^Done" build-fuzz/"$t".log >&2 || true
  rm -rf "$work"
done

#!/usr/bin/env bash
# Installs what is missing, builds dyad with its tests, and runs them (ctest).
#   tools/test.sh             release build, warnings as errors
#   tools/test.sh --sanitize  the same, then again under AddressSanitizer + UBSan
#   tools/test.sh --ci        the same as --sanitize, then the fuzzers (tools/fuzz.sh): CI
# Tests that read ../shared skip with a message when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/deps.sh --test
# playwright-core drives Chromium in the browser test (tests/browser); without it, that test
# is skipped with a message.
if [ ! -d tests/browser/node_modules/playwright-core ]; then
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error) ||
    echo "dyad: npm ci failed: the browser test will be skipped" >&2
fi
jobs=$(nproc)
run() {
  local dir=$1
  shift
  cmake -S . -B "$dir" -DDYAD_WERROR=ON "$@" >/dev/null
  cmake --build "$dir" -j"$jobs"
  (cd "$dir" && ctest --output-on-failure -j"$jobs")
}
run build -DCMAKE_BUILD_TYPE=Release
if [ "${1:-}" = "--sanitize" ] || [ "${1:-}" = "--ci" ]; then
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    run build-sanitize -DCMAKE_BUILD_TYPE=Debug -DDYAD_SANITIZE=ON -DDYAD_BUILD_BENCHMARKS=OFF
fi
if [ "${1:-}" = "--ci" ]; then
  tools/fuzz.sh
fi

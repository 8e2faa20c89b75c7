#!/usr/bin/env bash
# Installs what is missing, builds dyad, and codes the sample corpus that ships with it
# (tests/data/sample/): a JSONL corpus with a few deliberately broken lines, and a plain-text
# web article. Events are printed as a table; diagnostics go to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target dyad
echo "== dyad extract --format table tests/data/sample/news.jsonl"
build/dyad extract --format table tests/data/sample/news.jsonl || true
echo
echo "== dyad extract --format table --date 2023-09-05 tests/data/sample/summit-article.txt"
build/dyad extract --format table --date 2023-09-05 tests/data/sample/summit-article.txt

#!/usr/bin/env bash
# Instructions extraction takes a byte of input, counted by valgrind (cachegrind), which a
# shared machine's timing noise does not touch: `dyad extract --jobs 1` on the first ARTICLES
# releases, less the same run on the first one alone (start-up and the dictionaries' load).
#   tools/bench/instructions.sh [ARTICLES]   (default 150; about a minute)
# Needs a Release build (tools/demo.sh), ../shared and valgrind (apt-get install valgrind).
set -euo pipefail
cd "$(dirname "$0")/../.."
articles=${1:-150}
releases=../shared/corpus/presidential-releases/releases-2021-2022.jsonl
[ -f "$releases" ] || { echo "instructions: no $releases (../shared absent?)" >&2; exit 1; }
command -v valgrind >/dev/null || { echo "instructions: valgrind not installed" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
head -n "$articles" "$releases" >"$tmp/many.jsonl"
head -n 1 "$releases" >"$tmp/one.jsonl"
count() {  # count FILE: instructions of one extraction run
  valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
    build/dyad -q extract --jobs 1 "$1" 2>&1 >/dev/null | sed -n 's/.*I *refs: *//p' | tr -d ,
}
many=$(count "$tmp/many.jsonl")
one=$(count "$tmp/one.jsonl")
bytes=$(($(wc -c <"$tmp/many.jsonl") - $(wc -c <"$tmp/one.jsonl")))
echo "extraction of $articles releases ($(wc -c <"$tmp/many.jsonl") bytes): $(((many - one) / 1000000)) million instructions, $(((many - one) / bytes)) a byte"

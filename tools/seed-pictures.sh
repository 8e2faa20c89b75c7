#!/usr/bin/env bash
# Draws the pictures of the seed article that docs/export.md and the README show: its timeline
# and Russia's ego network. Needs a built dyad (tools/demo.sh) and ../shared.
#   tools/seed-pictures.sh [OUTPUT_DIR]   (default docs/img)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/img}
seed=../shared/corpus/seed/putin-trump-call.txt
[ -f "$seed" ] || { echo "seed-pictures: no $seed" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
build/dyad -q ingest --db "$work/seed.db" --id putin-trump-call --date 2016-11-15 "$seed"
build/dyad -q export timeline --db "$work/seed.db" --by day --format svg -o "$out/seed-timeline.svg"
build/dyad -q export network RUS --db "$work/seed.db" --format svg -o "$out/seed-russia.svg"
echo "seed-pictures: wrote $out/seed-timeline.svg and $out/seed-russia.svg"

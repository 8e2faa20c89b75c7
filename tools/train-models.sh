#!/usr/bin/env bash
# Rebuilds dyad's shipped syntax models from the Universal Dependencies English treebanks in
# ../shared/reference/ud-english (docs/syntax.md). Deterministic: run twice, the same bytes.
#   tools/train-models.sh [DYAD] [OUTDIR]   defaults: build/dyad, src/syntax/data
# Then prints each model's accuracy on the treebanks' test files, which training never reads.
set -euo pipefail
cd "$(dirname "$0")/.."
dyad=${1:-build/dyad}
out=${2:-src/syntax/data}
ud=${DYAD_SHARED_DIR:-../shared}/reference/ud-english
[ -f "$ud/en_ewt-train.conllu" ] || { echo "train-models: no treebanks in $ud" >&2; exit 1; }
[ -x "$dyad" ] || { echo "train-models: build dyad first ($dyad)" >&2; exit 1; }
mkdir -p "$out"
"$dyad" train tagger --train "$ud/en_ewt-train.conllu" --train "$ud/en_gum-train.conllu" \
  --dev "$ud/en_ewt-dev.conllu" --iterations 8 --seed 1 -o "$out/tagger.model"
"$dyad" train parser --train "$ud/en_ewt-train.conllu" --train "$ud/en_gum-train.conllu" \
  --dev "$ud/en_ewt-dev.conllu" --tagger "$out/tagger.model" --iterations 10 --seed 1 \
  -o "$out/parser.model"
for test in en_ewt-test en_gum-test; do
  "$dyad" syntax eval --tagger "$out/tagger.model" --parser "$out/parser.model" "$ud/$test.conllu"
done

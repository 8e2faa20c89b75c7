#!/usr/bin/env bash
# One-thread and all-core extraction speed on the presidential releases, as a shared machine
# allows: RUNS interleaved pairs of `dyad extract --jobs 1` and `--jobs N`, each figure the
# program's own summary (input MB over wall time), with the slowest, median and fastest run,
# and the median of the per-pair ratios (docs/performance.md).
#   tools/bench/extract_speed.sh [RUNS] [N]   (default 10 pairs, N = number of cores)
# Needs a Release build (tools/demo.sh) and ../shared.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-10}
jobs=${2:-$(nproc)}
releases=../shared/corpus/presidential-releases/releases-2021-2022.jsonl
[ -f "$releases" ] || { echo "extract_speed: no $releases (../shared absent?)" >&2; exit 1; }
[ -x build/dyad ] || { echo "extract_speed: no build/dyad; run tools/demo.sh first" >&2; exit 1; }

rate() {  # rate JOBS: the MB/s of dyad's summary line
  build/dyad extract --jobs "$1" "$releases" 2>&1 >/dev/null | grep -o '[0-9.]* MB/s' | cut -d' ' -f1
}
pairs=$(for _ in $(seq "$runs"); do echo "$(rate 1) $(rate "$jobs")"; done)
summary() {  # summary COLUMN: slowest / median / fastest
  echo "$pairs" | awk -v c="$1" '{print $c}' | sort -n |
    awk '{v[NR] = $1} END {printf "%s / %s / %s", v[1], (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), v[NR]}'
}
ratio=$(echo "$pairs" | awk '{print $2 / $1}' | sort -n |
  awk '{v[NR] = $1} END {printf "%.2f", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2)}')
echo "extraction of $(du -h "$releases" | cut -f1) of releases, $runs runs each, MB/s slowest / median / fastest"
echo "- --jobs 1: $(summary 1)"
echo "- --jobs $jobs: $(summary 2)"
echo "- median ratio of a pair: ${ratio}x"

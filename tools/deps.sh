#!/usr/bin/env bash
# Installs the Debian 12 packages dyad needs to build and run, when they are missing.
#   tools/deps.sh         to build dyad and draw its pictures (graphviz)
#   tools/deps.sh --test  and to test it: GoogleTest, Chromium and Node.js for the browser test,
#                         clang and its libFuzzer runtime for the fuzzers (tools/fuzz.sh)
set -euo pipefail
packages=(cmake make g++ pkg-config libboost-graph-dev rapidjson-dev libsqlitecpp-dev
          libsqlite3-dev libspdlog-dev libfmt-dev libcli11-dev libgtest-dev libgmock-dev
          libbenchmark-dev zlib1g-dev libzstd-dev python3 graphviz)
if [ "${1:-}" = "--test" ]; then
  packages+=(chromium libxml2-utils clang libclang-rt-14-dev)
  # Node.js may come from elsewhere than Debian (nodesource): only when there is none.
  command -v node >/dev/null || packages+=(nodejs)
  command -v npm >/dev/null || packages+=(npm)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "dyad: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

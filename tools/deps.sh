#!/usr/bin/env bash
# Installs the Debian 12 packages dyad needs to build and test, when they are missing.
set -euo pipefail
packages=(cmake make g++ pkg-config libboost-graph-dev rapidjson-dev libsqlitecpp-dev
          libsqlite3-dev libspdlog-dev libfmt-dev libcli11-dev libgtest-dev libgmock-dev
          libbenchmark-dev python3)
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

#!/usr/bin/env bash
# Installs what Newsdex needs to build and test, from Debian's packages.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config
  libxapian-dev xapian-tools
  libboost-program-options-dev
  nlohmann-json3-dev
  libgumbo-dev libxml2-dev libarchive-dev zlib1g-dev libuchardet-dev libcld2-dev
  libxxhash-dev
  libjemalloc-dev
  libcpp-httplib-dev
  chromium wrk
  libgtest-dev
  clang libclang-rt-14-dev
  python3
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# The browser test's driver (tests/browser): Debian's node and npm unless a node is there.
if ! command -v npm >/dev/null; then
  sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get install -y -qq --no-install-recommends nodejs npm
fi
here=$(cd "$(dirname "$0")/.." && pwd)
# Without it the browser test is skipped, not failed: a missing registry stops nothing else.
npm ci --prefix "$here/tests/browser" --no-audit --no-fund --silent ||
  echo "install-deps: npm ci in tests/browser failed; the browser test will be skipped" >&2

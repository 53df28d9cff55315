#!/usr/bin/env bash
# README command 1: install dependencies, build, index corpus/ into the default
# database, and run a sample search.
# The demo has its own build folder, build-demo/, so it never changes the options of the
# test build in build/ (scripts/test.sh): the two commands work in either order.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build-demo -G Ninja -DCMAKE_BUILD_TYPE=Release -DNEWSDEX_BUILD_TESTS=OFF \
  -DNEWSDEX_BUILD_BENCH=OFF -DNEWSDEX_SANITIZE=OFF -DNEWSDEX_FUZZ=OFF
cmake --build build-demo
build-demo/indexer/newsdex-index corpus/
build-demo/searcher/newsdex-search --limit 5 Taurus

#!/usr/bin/env bash
# README command 1: install dependencies, build, index corpus/ into the default
# database, and run a sample search.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DNEWSDEX_BUILD_TESTS=OFF
cmake --build build
build/indexer/newsdex-index corpus/
build/searcher/newsdex-search --limit 5 Taurus

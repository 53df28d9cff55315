#!/usr/bin/env bash
# README command 2: install dependencies, build, and run the whole test suite twice:
# in a normal build and in an AddressSanitizer + UndefinedBehaviorSanitizer build, with
# each reader's fuzz target run briefly in between.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
jobs=$(nproc)

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSDEX_WERROR=ON
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs"

# Every reader's libFuzzer target for a short, bounded time (Clang builds them; without
# Clang this step says so and is skipped). scripts/fuzz.sh SECONDS runs them longer.
scripts/fuzz.sh "${NEWSDEX_FUZZ_SECONDS:-5}"

cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DNEWSDEX_SANITIZE=ON -DNEWSDEX_WERROR=ON
cmake --build build-asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs"

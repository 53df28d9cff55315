#!/usr/bin/env bash
# README command 2: install dependencies, build, and run the whole test suite twice:
# in a normal build and in an AddressSanitizer + UndefinedBehaviorSanitizer build, with
# each reader's fuzz target run briefly in between.
# Every option a build relies on is set here, whatever an earlier configure left in the
# cache, and ctest fails when it finds no test (--no-tests=error): a build configured
# without tests cannot pass by running nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
jobs=$(nproc)
common=(-G Ninja -DNEWSDEX_BUILD_TESTS=ON -DNEWSDEX_WERROR=ON -DNEWSDEX_FUZZ=OFF -DNEWSDEX_BUILD_BENCH=OFF)

cmake -S . -B build "${common[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSDEX_SANITIZE=OFF
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure --no-tests=error -j "$jobs"

# Every reader's libFuzzer target for a short, bounded time (Clang builds them; without
# Clang this step says so and is skipped). scripts/fuzz.sh SECONDS runs them longer.
scripts/fuzz.sh "${NEWSDEX_FUZZ_SECONDS:-5}"

cmake -S . -B build-asan "${common[@]}" -DCMAKE_BUILD_TYPE=Debug -DNEWSDEX_SANITIZE=ON
cmake --build build-asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure --no-tests=error -j "$jobs"

#!/usr/bin/env bash
# The main-text extraction benchmark in one command: builds newsdex-index and the two
# helpers (Release, in build-bench/, or $NEWSDEX_BENCH_BUILD), then indexes the 990
# annotated pages of ../shared/corpora/trafilatura-eval (or $NEWSDEX_SHARED_DIR/corpora)
# and scores the stored text. Skips (exit 0) when the pages are not there.
#   bench/extraction.sh [--worst 20] [--speed-rounds 3] [--baseline-speed-bin PATH] [--json FILE]
# See bench/README.md, "Main-text extraction".
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$(realpath -m "${NEWSDEX_BENCH_BUILD:-$root/build-bench}")"
corpus="${NEWSDEX_SHARED_DIR:-$root/../shared}/corpora/trafilatura-eval"
if [[ ! -f "$corpus/evaldata.json" ]]; then
    echo "extraction: skipped: no benchmark pages at $corpus (set NEWSDEX_SHARED_DIR)"
    exit 0
fi
if [[ -z "${NEWSDEX_BENCH_BUILD:-}" ]]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
          -DNEWSDEX_BUILD_TESTS=OFF -DNEWSDEX_BUILD_BENCH=ON > /dev/null
fi
cmake --build "$build" --target newsdex-index newsdex-bench-dump-articles newsdex-bench-html-speed > /dev/null
cd "$root/bench"
PYTHONDONTWRITEBYTECODE=1 exec python3 -m extraction --corpus "$corpus" --bin-dir "$build" "$@"

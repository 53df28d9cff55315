#!/usr/bin/env bash
# The relevance benchmark in one command: builds newsdex-index, newsdex-search and the
# plain-Xapian baseline (Release, in build-bench/), then runs the harness over the
# standard test collections in ../shared/corpora (or $NEWSDEX_SHARED_DIR/corpora).
# With no arguments it runs the generalisation study (--study: four collections, four query
# forms each, the candidate settings, leave-one-collection-out), keeping the generated
# databases in build-bench/relevance-work for the next run. Extra arguments go to the
# harness instead, e.g.:
#   bench/relevance.sh --config 'classic=--weighting bm25:k1=1.2,b=0.75' --keywords 3
# See bench/README.md; `python3 -m relevance --help` (from bench/) lists the options.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${NEWSDEX_BENCH_BUILD:-$root/build-bench}"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DNEWSDEX_BUILD_TESTS=OFF -DNEWSDEX_BUILD_BENCH=ON > /dev/null
cmake --build "$build" -j 2 --target newsdex-index newsdex-search newsdex-bench-xapian-defaults \
    newsdex-bench-search
cd "$root/bench"
if [ $# -eq 0 ]; then set -- --study --workdir "$build/relevance-work"; fi
PYTHONDONTWRITEBYTECODE=1 exec python3 -m relevance --bin-dir "$build" "$@"

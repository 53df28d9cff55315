#!/usr/bin/env bash
# The snippet benchmark in one command: newsdex's snippets against Xapian's own
# MSet::snippet() on the same hits of the same queries (see bench/README.md).
# Not part of the test suite. Extra arguments go to newsdex-snippet-bench, e.g. --sweep.
#
#   bench/snippets/run.sh                 # NEWSDEX_SHARED_DIR defaults to ../shared
set -euo pipefail
cd "$(dirname "$0")/../.."
shared="${NEWSDEX_SHARED_DIR:-$(pwd)/../shared}"
if [[ ! -d "$shared/corpora" || ! -f "$shared/bench/make-news-corpus.py" || ! -f "$shared/bench/queries.txt" ]]; then
  echo "snippet bench: skipped: no shared corpora and bench inputs under $shared (set NEWSDEX_SHARED_DIR)"
  exit 0
fi

data=bench/data
build=build-bench
db="$data/snippets-db"

# 1. The normalised news corpus (deterministic; about a minute the first time).
if [[ ! -f "$data/news.jsonl" ]]; then
  python3 "$shared/bench/make-news-corpus.py" --out "$data"
fi

# 2. An optimised build with the benchmark programs.
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DNEWSDEX_BUILD_BENCH=ON -DNEWSDEX_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" >/dev/null

# 3. The corpus indexed by newsdex-index (kept for later runs; rebuilt when the corpus changes).
if [[ ! -d "$db" || "$data/news.jsonl" -nt "$db" ]]; then
  rm -rf "$db"
  echo "snippet bench: indexing $data/news-txt (a few minutes; warnings in $data/index.log)" >&2
  status=0
  "$build/indexer/newsdex-index" --db "$db" "$data/news-txt" 2>"$data/index.log" >&2 || status=$?
  # 1 only means some files were skipped (named in the log); anything else is a failure.
  if (( status > 1 )); then cat "$data/index.log" >&2; exit "$status"; fi
fi

# 4. The benchmark; its report also goes to bench/out/.
mkdir -p bench/out
"$build/bench/newsdex-snippet-bench" --db "$db" \
  --queries "$shared/bench/queries.txt" --queries bench/snippets/queries.txt \
  --jsonl "$data/news.jsonl" "$@" | tee "bench/out/snippets-$(date +%Y%m%d-%H%M%S).md"

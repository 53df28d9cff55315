#!/usr/bin/env bash
# Builds the libFuzzer targets with Clang (ASan + UBSan) and runs each for SECONDS.
#   scripts/fuzz.sh                 every target for 10 s (scripts/test.sh runs 5 s each)
#   scripts/fuzz.sh 3600 html feed  the HTML and feed readers for an hour each
# New inputs that reach new code are kept in build-fuzz/corpus/<target>/ and reused by
# the next run; a crashing input is saved as build-fuzz/artifacts/<target>-crash-* and
# the script fails. Replay one with: build-fuzz/fuzz/fuzz_<target> <file>.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
[[ $# -gt 0 ]] && shift
all=(text jsonl json html feed warc csv sgml smart container structured)
targets=("${@:-${all[@]}}")
declare -A seeds=([text]=text [jsonl]=json [json]=json [html]=html [feed]=feeds [warc]=warc
                  [csv]=csv [sgml]=collections [smart]=collections [container]=archives)
# The structure-aware target reads recipes, not files: its seeds are its own.
seed_dir() { [[ $1 == structured ]] && echo fuzz/seeds/structured || echo "corpus/${seeds[$1]}"; }

if ! command -v clang++ >/dev/null; then
  echo "fuzz.sh: clang++ not found (apt-get install clang); fuzz targets not run" >&2
  exit 0
fi
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang \
  -DCMAKE_CXX_COMPILER=clang++ -DNEWSDEX_FUZZ=ON -DNEWSDEX_BUILD_TESTS=OFF >/dev/null
cmake --build build-fuzz --target "${targets[@]/#/fuzz_}"
mkdir -p build-fuzz/artifacts
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for t in "${targets[@]}"; do
  mkdir -p "build-fuzz/corpus/$t"
  echo "== fuzz_$t for ${seconds}s"
  log="build-fuzz/fuzz-$t.log"
  status=0
  build-fuzz/fuzz/fuzz_"$t" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=3072 -max_len=262144 \
    -print_final_stats=1 -artifact_prefix="build-fuzz/artifacts/$t-" \
    "build-fuzz/corpus/$t" "$(seed_dir "$t")" tests/data/broken >"$log" 2>&1 || status=$?
  # libFuzzer's progress lines stay in the log; its findings are shown.
  grep -E "^(INFO: seed corpus|stat::number_of_executed_units|==[0-9]+==ERROR|SUMMARY|    #[0-9]+ )" "$log" || true
  if [[ $status -ne 0 ]]; then
    echo "fuzz.sh: fuzz_$t failed (exit $status): see $log and build-fuzz/artifacts/" >&2
    exit 1
  fi
done

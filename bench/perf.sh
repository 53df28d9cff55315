#!/usr/bin/env bash
# The performance benchmark in one command (issue 7; see bench/README.md, "Performance"):
#   1. installs what it measures with, when missing (apt-get): omindex (xapian-omega),
#      hyperfine, sqlite3, libsqlite3-dev, libbenchmark-dev;
#   2. builds Newsdex in Release with the in-process harness (build-release/);
#   3. makes the real news corpus with ../shared/bench/make-news-corpus.py (once);
#   4. runs bench/perf (Python, standard library): indexing by Newsdex, omindex and SQLite
#      FTS5; query latency in-process (Google Benchmark) and per process (hyperfine);
#      synthetic corpora at --scales; prints a Markdown report and writes it to bench/out/.
#
#   bench/perf.sh                      # full: the real corpus (3 rounds), 100k and 1M synthetic
#   bench/perf.sh --quick              # smoke run: 3,000 real articles, 1 round, 10k synthetic
#   bench/perf.sh --scales 100000      # full real corpus, one synthetic scale
#   bench/perf.sh --real-limit 5000 --runs 1 --scales ''
# Other options go to `python3 -m perf` (from bench/): --reps, --cli-runs, --seed, --no-cli, ...
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${NEWSDEX_PERF_BUILD:-$root/build-release}"
data="$root/bench/data"
args=()
quick=0
for a in "$@"; do [[ $a == --quick ]] && quick=1 || args+=("$a"); done
if ((quick)); then
  # Later options win (argparse), so --quick can be combined with e.g. --scales 20000.
  args=(--real-limit 3000 --runs 1 --scales 10000 --reps 5 --cli-runs 3 --cli-warmup 1 "${args[@]}")
fi

# 0. The shared corpora, looked for first so that a checkout without them stops at once
#    (the synthetic corpora are modelled on the real one, so nothing can run without it).
source "$root/bench/find_shared.sh"
if [[ -z $shared ]]; then
  echo "perf: skipped: no ../shared/bench/make-news-corpus.py (the shared corpora are not here; set NEWSDEX_SHARED_DIR)"
  exit 0
fi

# 1. Tools, from Debian's packages.
need=()
command -v omindex >/dev/null || need+=(xapian-omega)
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v sqlite3 >/dev/null || need+=(sqlite3)
for p in libbenchmark-dev libsqlite3-dev xapian-tools; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if ((${#need[@]})); then
  echo "perf: installing ${need[*]} (apt-get)" >&2
  sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi

# 2. Release build with the harness (tests off: this is not the test build).
echo "perf: building Release in $build" >&2
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DNEWSDEX_BUILD_TESTS=OFF -DNEWSDEX_BUILD_BENCH=ON >/dev/null
nice cmake --build "$build" -j 2 --target newsdex-index newsdex-search newsdex-perf-bench >&2

# 3. The real corpus.
maker="$shared/bench/make-news-corpus.py"
# Up to date: made completely (MANIFEST.tsv is written last) after the maker last changed.
if [[ ! -f $data/MANIFEST.tsv || ! -d $data/news-txt || ! -f $data/news.jsonl || $maker -nt $data/MANIFEST.tsv ]]; then
  echo "perf: making the real corpus in $data (about a minute)" >&2
  python3 "$maker" --src "$shared/corpora" --out "$data"
else
  echo "perf: real corpus in $data is up to date ($(grep ^TOTAL "$data/MANIFEST.tsv" | cut -f2) articles)" >&2
fi

# 4. Measure and report.
cd "$root/bench"
PYTHONDONTWRITEBYTECODE=1 exec nice python3 -m perf --bin-dir "$build" --data "$data" --out "$root/bench/out" \
  --command "bench/perf.sh $*" "${args[@]}"

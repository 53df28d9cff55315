#!/usr/bin/env bash
# The web server under load (issue 17; see bench/README.md, "Web server"), in one command:
#   1. installs wrk (Debian) when missing;
#   2. builds newsdex-index and newsdex-web (Release, in build-release/, or the build
#      folder named by $NEWSDEX_PERF_BUILD);
#   3. makes the real news corpus from ../shared (as bench/perf.sh does) and indexes it;
#   4. starts newsdex-web on a free loopback port and, while newsdex-index rebuilds the
#      database again and again in the background, runs wrk with a fixed mix of the
#      benchmark's queries (../shared/bench/queries.txt: /api/search, 10 hits with
#      snippets) at 1, 8 and 64 connections, then the HTML page (facets, timeline) at 8;
#   5. prints requests/s, p50 and p99 latency and failed requests as a Markdown table
#      (also written to bench/out/web.md). Fails when any request failed.
#
#   bench/web.sh                  # 20 s per run
#   NEWSDEX_WEB_SECONDS=5 bench/web.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${NEWSDEX_PERF_BUILD:-$root/build-release}"
data="$root/bench/data"
seconds="${NEWSDEX_WEB_SECONDS:-20}"

source "$root/bench/find_shared.sh"
if [[ -z $shared ]]; then
  echo "web bench: skipped: no ../shared/bench/make-news-corpus.py (set NEWSDEX_SHARED_DIR)"
  exit 0
fi

if ! command -v wrk >/dev/null; then
  sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >&2
fi

if [[ ! -f $build/CMakeCache.txt ]]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DNEWSDEX_BUILD_TESTS=OFF >/dev/null
fi
nice cmake --build "$build" -j 2 --target newsdex-index newsdex-web >&2

maker="$shared/bench/make-news-corpus.py"
if [[ ! -f $data/MANIFEST.tsv || ! -d $data/news-txt || $maker -nt $data/MANIFEST.tsv ]]; then
  echo "web bench: making the real corpus in $data (about a minute)" >&2
  python3 "$maker" --src "$shared/corpora" --out "$data" >&2
fi

work=$(mktemp -d)
# The database is kept between runs (the rebuilds keep it current): indexing 48k
# articles takes minutes on a busy machine.
db="$root/bench/out/web-db"
server="" indexer=""
cleanup() {
  [[ -n $indexer ]] && kill "$indexer" 2>/dev/null
  [[ -n $server ]] && kill "$server" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
echo "web bench: indexing $(grep ^TOTAL "$data/MANIFEST.tsv" | cut -f2) articles" >&2
[[ -d $db ]] || "$build/indexer/newsdex-index" --db "$db" "$data/news-txt" >&2

"$build/web/newsdex-web" --db "$db" --listen 127.0.0.1:0 --threads 8 2>"$work/access.log" &
server=$!
for _ in $(seq 100); do grep -q serving "$work/access.log" && break; sleep 0.1; done
base=$(sed -n 's|.*serving \(http://[^ ]*\)/$|\1|p' "$work/access.log" | head -1)
[[ -n $base ]] || { echo "web bench: newsdex-web did not start" >&2; cat "$work/access.log" >&2; exit 1; }

# The query mix: every query of the benchmark set, in its order, round and round.
python3 - "$shared/bench/queries.txt" "$work/mix.lua" <<'PY'
import sys, urllib.parse
queries = [line.rstrip("\n").split("\t")[2] for line in open(sys.argv[1]) if line[:1].isdigit()]
paths = ['"/api/search?limit=10&q=%s"' % urllib.parse.quote(q) for q in queries]
pages = ['"/?q=%s"' % urllib.parse.quote(q) for q in queries]
with open(sys.argv[2], "w") as out:
    out.write("local api = {%s}\nlocal page = {%s}\n" % (", ".join(paths), ", ".join(pages)))
    out.write("""local paths = os.getenv("NEWSDEX_WEB_MIX") == "page" and page or api
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
""")
PY

# Re-indexing all the while: each --rebuild writes a new index and switches to it.
( while true; do "$build/indexer/newsdex-index" --db "$db" --rebuild "$data/news-txt" >/dev/null 2>&1 || true; done ) &
indexer=$!

row() {  # mix connections
  local mix=$1 c=$2 threads=$(( $2 < 2 ? 1 : 2 ))
  NEWSDEX_WEB_MIX=$mix wrk -t"$threads" -c"$c" -d"${seconds}s" --latency -s "$work/mix.lua" "$base" >"$work/wrk.txt"
  local rps p50 p99 non2xx errors
  rps=$(awk '/^Requests\/sec/ {print $2}' "$work/wrk.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$work/wrk.txt"); non2xx=${non2xx:-0}
  errors=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$work/wrk.txt"); errors=${errors:-0}
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$mix" "$c" "$rps" "$p50" "$p99" "$non2xx" "$errors"
  echo $(( non2xx + errors )) >> "$work/failed"
}
{
  echo "Web server, $(grep ^TOTAL "$data/MANIFEST.tsv" | cut -f2) articles, ${seconds} s a run, newsdex-index --rebuild looping in the background ($(nproc) cores):"
  echo
  echo "| mix | connections | requests/s | p50 | p99 | non-2xx | socket errors |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
  row api 1
  row api 8
  row api 64
  row page 8
} > "$work/report.md"
cat "$work/report.md"
kill "$indexer"; indexer=""
failed_total=$(awk '{n += $1} END {print n + 0}' "$work/failed")
requests=$(grep -c '"GET' "$work/access.log" || true)
echo
echo "($requests requests logged; failed in all: $failed_total; statuses:" \
     "$(awk '/"GET/ {print $(NF-2)}' "$work/access.log" | sort | uniq -c | tr -s ' ' | tr '\n' ',')" \
     "$(grep -v '"GET' "$work/access.log" | grep -v serving | head -3))"
mkdir -p "$root/bench/out"
cp "$work/report.md" "$root/bench/out/web.md"
(( failed_total == 0 ))

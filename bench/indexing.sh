#!/usr/bin/env bash
# Indexing figures for issue 4, on the normalised real news corpus (48,418 articles,
# 56.7 MB; made by ../shared/bench/make-news-corpus.py, one .txt per article):
#   - articles/s and MB/s with --jobs 1 and --jobs 2 (fresh database each run),
#   - a second run over the unchanged tree vs. the first run (nothing re-read),
#   - duplicates found.
# Prints medians over RUNS runs and the ratios, from one invocation.
#
# Usage: bench/indexing.sh [BUILD_DIR (default build)] [RUNS (default 3)]
# Env:   NEWSDEX_BENCH_DATA  where the corpus is/goes (default /tmp/newsdex-bench-data)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
runs=${2:-3}
data=${NEWSDEX_BENCH_DATA:-/tmp/newsdex-bench-data}
indexer="$build/indexer/newsdex-index"
[[ -x $indexer ]] || { echo "no $indexer: build first" >&2; exit 2; }
if [[ ! -d $data/news-txt ]]; then
  maker=../shared/bench/make-news-corpus.py
  [[ -f $maker ]] || { echo "skipped: no ../shared/bench (the shared corpora are not here)"; exit 0; }
  python3 "$maker" --out "$data"
fi
corpus="$data/news-txt"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The VM drops page cache when idle: read the inputs right before each timed run.
warm() { find "$corpus" -type f -print0 | xargs -0 cat >/dev/null; }

# run LABEL DB ARGS...: one timed run; appends "label seconds articles_per_s mb_per_s" to results.
run() {
  local label=$1 db=$2; shift 2
  warm
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  local out
  out=$( { /usr/bin/time -f "TIME %e RSS %M" "$indexer" --db "$db" --progress-interval 0 "$@" "$corpus"; } 2>&1 )
  local secs rss line
  secs=$(grep -o 'TIME [0-9.]*' <<<"$out" | cut -d' ' -f2)
  rss=$(grep -o 'RSS [0-9]*' <<<"$out" | cut -d' ' -f2)
  line=$(grep '^indexed ' <<<"$out")
  echo "$label $secs $rss $load | $line" >>"$work/results"
  echo "  $label: ${secs} s, peak RSS $((rss / 1024)) MiB, load $load :: $line" >&2
}

for ((i = 1; i <= runs; i++)); do
  echo "run $i/$runs" >&2
  rm -rf "$work/db1" "$work/db2"
  run jobs1 "$work/db1" --jobs 1
  run jobs2 "$work/db2" --jobs 2
  run rerun "$work/db2" --jobs 2
done
du -sh "$work/db2" | awk '{print "database size: " $1}' >&2
"$indexer" --db "$work/db2" --stats | grep -E '^(articles|duplicates|size on disk)' >&2

python3 - "$work/results" "$(find "$corpus" -type f -print0 | xargs -0 cat | wc -c)" <<'PY'
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    label, secs, rss, load, _, summary = line.split(" ", 5)
    arts = int(re.search(r"indexed (\d+) articles", summary).group(1))
    rows.setdefault(label, []).append((float(secs), int(rss), float(load), arts, summary.strip()))
mb = int(sys.argv[2]) / 1e6
med = {k: statistics.median(r[0] for r in v) for k, v in rows.items()}
print(f"corpus: {mb:.1f} MB; medians of {len(rows['jobs1'])} run(s)")
print(f"{'run':<10}{'seconds':>9}{'articles/s':>12}{'MB/s':>8}{'peak RSS':>11}{'load':>7}")
for k in ("jobs1", "jobs2", "rerun"):
    v = rows[k]
    arts = v[0][3]
    rss = statistics.median(r[1] for r in v) / 1024
    load = statistics.median(r[2] for r in v)
    rate = arts / med[k] if k != "rerun" else 0
    print(f"{k:<10}{med[k]:>9.2f}{rate:>12.0f}{(mb / med[k] if k != 'rerun' else 0):>8.2f}{rss:>9.0f} MiB{load:>7.2f}")
print(f"--jobs 2 / --jobs 1 articles/s: {med['jobs1'] / med['jobs2']:.2f}x")
print(f"second run / first run time:    {med['rerun'] / med['jobs2']:.4f} ({med['rerun']:.2f} s vs {med['jobs2']:.2f} s)")
print("first run summary:", rows["jobs2"][0][4])
print("second run summary:", rows["rerun"][0][4])
PY

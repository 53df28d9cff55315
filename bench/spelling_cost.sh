#!/usr/bin/env bash
# What the spelling dictionary costs at index time: indexes a folder of articles RUNS times
# with it (the default) and RUNS times with --no-spelling, alternating, each into a fresh
# database; prints the median wall and CPU (user+sys) times, their ratios, and the database
# sizes. CPU time is the steadier figure on a shared machine.
#   bench/spelling_cost.sh [FOLDER] [RUNS]
# FOLDER defaults to ../shared/corpora/bbc when present (2,225 BBC articles), else corpus/.
set -euo pipefail
cd "$(dirname "$0")/.."
folder=${1:-}
if [[ -z $folder ]]; then
  folder=corpus
  [[ -d ../shared/corpora/bbc ]] && folder=../shared/corpora/bbc
fi
[[ -d $folder ]] || { echo "no such folder: $folder" >&2; exit 2; }
runs=${2:-5}
indexer=build/indexer/newsdex-index
[[ -x $indexer ]] || { echo "build first: cmake --build build" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
run() {  # run NAME [FLAGS...]: "wall cpu" seconds for one fresh index
  local name=$1; shift
  rm -rf "$work/$name"
  local TIMEFORMAT='%R %U %S' t
  t=$( { time "$indexer" --quiet --db "$work/$name" "$@" "$folder" >/dev/null 2>&1; } 2>&1 ) || true
  awk '{printf "%.3f %.3f\n", $1, $2 + $3}' <<<"$t"
}

with=() without=()
for ((i = 0; i < runs; i++)); do
  with+=("$(run with)")
  without+=("$(run without --no-spelling)")
done
m_with=$(printf '%s\n' "${with[@]}" | cut -d' ' -f1 | median)
m_without=$(printf '%s\n' "${without[@]}" | cut -d' ' -f1 | median)
c_with=$(printf '%s\n' "${with[@]}" | cut -d' ' -f2 | median)
c_without=$(printf '%s\n' "${without[@]}" | cut -d' ' -f2 | median)
size_with=$(du -sk "$work/with" | cut -f1)
size_without=$(du -sk "$work/without" | cut -f1)
echo "folder: $folder ($(find "$folder" -type f | wc -l) files), $runs runs each"
awk -v w="$m_with" -v o="$m_without" \
  'BEGIN {printf "median wall time:  %.2f s with spelling, %.2f s without (x%.2f)\n", w, o, w / o}'
awk -v w="$c_with" -v o="$c_without" \
  'BEGIN {printf "median CPU time:   %.2f s with spelling, %.2f s without (x%.2f)\n", w, o, w / o}'
awk -v w="$size_with" -v o="$size_without" \
  'BEGIN {printf "database size:     %d KiB with spelling, %d KiB without (x%.2f)\n", w, o, w / o}'

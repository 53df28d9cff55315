#!/usr/bin/env bash
# Golden CLI tests, in the style of notmuch's test suite: run one invocation of a real
# program, scrub what varies between machines and runs, and compare stdout, stderr and the
# exit status WHOLE against cases/NAME.out, .err and .status (so an extra or doubled line
# fails, unlike a contains() check).
#   run.sh setup INDEX_BIN WORK CORPUS DATA   index a copy of corpus/ into WORK/db
#   run.sh case  INDEX_BIN SEARCH_BIN WORK CASES NAME
# A case file cases/NAME.cmd holds one line: `index ARGS` or `search ARGS`, where @DB@ is
# the shared database, @CORPUS@ its copy of corpus/, @WORK@ the folder holding both (and
# tests/data/synonyms.txt) and @TMP@ a fresh folder for this case.
# Scrubbed: @WORK@ for paths, @SCORE@ for JSON scores, @TIMING@ for the summary's timings,
# @VERSION@ for the Xapian version, @SCRUBBED@ for --stats' size on disk and last update. Dates need no scrubbing: every file of the copy is
# dated 2024-01-15 12:00 UTC, so articles without a date of their own get that one.
# NEWSDEX_GOLDEN_UPDATE=1 rewrites the expected files from what the programs print: after a
# deliberate change of output or ranking, `NEWSDEX_GOLDEN_UPDATE=1 ctest --test-dir build -R
# golden` and review the diff (the doubled-line self-test then fails, as it must).
set -euo pipefail
mode=$1; shift
if [[ $mode == setup ]]; then
  index=$1 work=$2 corpus=$3 data=$4
  rm -rf "$work" && mkdir -p "$work"
  cp -r "$corpus" "$work/corpus"
  cp "$data/synonyms.txt" "$work/synonyms.txt"
  find "$work/corpus" -exec touch -d '2024-01-15 12:00:00 UTC' {} +
  "$index" --db "$work/db" --jobs 1 --quiet "$work/corpus"
  exit 0
fi
index=$1 search=$2 work=$3 cases=$4 name=$5
tmp=$(mktemp -d "$work/case-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
line=$(<"$cases/$name.cmd")
line=${line//@DB@/$work/db}
line=${line//@CORPUS@/$work/corpus}
line=${line//@TMP@/$tmp}
line=${line//@WORK@/$work}
eval "set -- $line"
program=$1; shift
case $program in
  index) bin=$index ;;
  search) bin=$search ;;
  *) echo "run.sh: $name.cmd: unknown program $program" >&2; exit 2 ;;
esac
status=0
(cd "$tmp" && NO_COLOR=1 "$bin" "$@" >"$tmp/.out" 2>"$tmp/.err") || status=$?
scrub() {
  sed -E -e "s#$tmp#@TMP@#g" -e "s#$work#@WORK@#g" \
      -e 's/"score":[-0-9.e+]+/"score":@SCORE@/g' \
      -e 's/[0-9.]+ s, [0-9.]+ articles\/s, [0-9.]+ MB\/s/@TIMING@/g' \
      -e 's/\(Xapian [0-9.]+\)/(Xapian @VERSION@)/g' \
      -e 's/^(size on disk|last update): .*/\1: @SCRUBBED@/' "$1"
}
if [[ ${NEWSDEX_GOLDEN_UPDATE:-} == 1 ]]; then
  scrub "$tmp/.out" >"$cases/$name.out"
  scrub "$tmp/.err" >"$cases/$name.err"
  echo "$status" >"$cases/$name.status"
  exit 0
fi
failed=0
diff -u --label "expected $name.out" --label "actual stdout" "$cases/$name.out" <(scrub "$tmp/.out") || failed=1
diff -u --label "expected $name.err" --label "actual stderr" "$cases/$name.err" <(scrub "$tmp/.err") || failed=1
expected=$(<"$cases/$name.status")
if [[ $status != "$expected" ]]; then
  echo "$name: exit status $status, expected $expected" >&2
  failed=1
fi
exit $failed

# Sourced by the benchmarks: sets $shared to the team's shared folder (with
# bench/make-news-corpus.py), or "" when it is not here. ../shared sits beside the main
# checkout, which for a git worktree is not this folder's parent: look beside both,
# after $NEWSDEX_SHARED_DIR. Needs $root (the checkout).
shared=""
main_checkout="$(dirname "$(git -C "$root" rev-parse --path-format=absolute --git-common-dir 2>/dev/null || echo "$root/.git")")"
for d in "${NEWSDEX_SHARED_DIR:-}" "$root/../shared" "$main_checkout/../shared"; do
  if [[ -n $d && -f $d/bench/make-news-corpus.py ]]; then shared="$(cd "$d" && pwd)"; break; fi
done

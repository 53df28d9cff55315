#!/usr/bin/env bash
# The browser test of newsdex-web (a ctest; see tests/CMakeLists.txt): indexes the team's
# corpus and a hostile article, starts newsdex-web on a free loopback port and runs
# e2e.mjs in Debian's chromium. Exits 77 (ctest: skipped) without chromium or
# node_modules; `scripts/install-deps.sh` installs both.
# Usage: run.sh NEWSDEX_INDEX NEWSDEX_WEB CORPUS_DIR OUTPUT_DIR
set -euo pipefail
index=$1 web=$2 corpus=$3 out=$4
here=$(cd "$(dirname "$0")" && pwd)
if [[ ! -x /usr/bin/chromium ]] || ! command -v node >/dev/null; then
  echo "browser test skipped: no /usr/bin/chromium or node (scripts/install-deps.sh installs them)"; exit 77
fi
if [[ ! -d $here/node_modules/playwright-core ]]; then
  echo "browser test skipped: no playwright-core (run: npm ci --prefix tests/browser)"; exit 77
fi
work=$(mktemp -d)
server=""
cleanup() { [[ -n $server ]] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
mkdir -p "$work/in" "$out"
cp -r "$corpus" "$work/in/corpus"
cat > "$work/in/hostile.json" <<'JSON'
{"status": "ok", "articles": [{
  "title": "Payload <script>alert('title')</script> <img src=x onerror=alert(1)>",
  "author": "Eve <b onmouseover=alert(3)>O'Hara</b>",
  "url": "javascript:alert('url')",
  "publishedAt": "2024-05-02T10:00:00Z",
  "source": {"name": "<i>Attack</i> Weekly"},
  "content": "A payload of grain reached the silo late on Monday, two weeks behind schedule, because the rail line from the plains had flooded in three places."}]}
JSON
# A plain-text article keeps its body's tags as text (the JSON reader strips them).
cat > "$work/in/hostile.txt" <<'TEXT'
Title: Second payload <script>alert("t2")</script>

The ferry <script>alert('body')</script> payload and <img src=x onerror=alert(2)> in the text of a report on the harbour, where the ferry service resumed on Tuesday after repairs to the pier.
TEXT
"$index" --db "$work/db" "$work/in" >/dev/null
"$web" --db "$work/db" --listen 127.0.0.1:0 2>"$work/server.log" &
server=$!
for _ in $(seq 100); do
  grep -q "serving" "$work/server.log" && break
  sleep 0.1
done
base=$(sed -n 's|.*serving \(http://[^ ]*\)/$|\1|p' "$work/server.log" | head -1)
[[ -n $base ]] || { echo "newsdex-web did not start:"; cat "$work/server.log"; exit 1; }
node "$here/e2e.mjs" "$base" "$out"
# SIGTERM stops it cleanly: exit status 0.
kill -TERM "$server"
wait "$server"
status=$?
server=""
echo "newsdex-web stopped with status $status; screenshots in $out"
exit "$status"

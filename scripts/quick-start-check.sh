#!/usr/bin/env bash
# The README's Quick start, run as written on whatever node is on PATH (CI gives it Node 20):
# `npm ci && npm start`, then the served site must answer with its home page and its search index,
# and the scripts must have run on the Node 24 that npm ci put into node_modules/.bin.
#   --no-install   skip `npm ci` (when the caller has just run it)
set -euo pipefail
cd "$(dirname "$0")/.."
port=4321
url="http://127.0.0.1:$port"

echo "quick start: system node $(node --version 2>/dev/null || echo none), npm $(npm --version)"
[ "${1:-}" = "--no-install" ] || npm ci --no-audit --no-fund

bundled="$(node_modules/.bin/node --version 2>/dev/null || true)"
case "$bundled" in
  v24.*) echo "quick start: scripts run on node_modules/.bin/node $bundled" ;;
  *) echo "quick start: node_modules/.bin/node is '${bundled:-missing}', not Node 24. Fix: check optionalDependencies in package.json lists this platform's node package." >&2; exit 1 ;;
esac

if curl -sf -o /dev/null "$url/"; then
  echo "quick start: port $port is already in use. Fix: stop the server on it first." >&2
  exit 1
fi

log="$(mktemp)"
set -m # the server gets its own process group, so one kill stops npm, astro and node
npm start >"$log" 2>&1 &
server=$!
set +m
stop() { kill -- -"$server" 2>/dev/null || true; }
trap stop EXIT

for _ in $(seq 1 300); do
  if curl -sf -o /dev/null "$url/"; then break; fi
  if ! kill -0 "$server" 2>/dev/null; then
    echo "quick start: npm start exited before serving. Its output:" >&2
    cat "$log" >&2
    exit 1
  fi
  sleep 1
done

check() {
  local path="$1" expect="$2" body
  body="$(curl -sf "$url$path")" || { echo "quick start: GET $path failed" >&2; exit 1; }
  grep -q "$expect" <<<"$body" || { echo "quick start: GET $path does not contain '$expect'" >&2; exit 1; }
  echo "quick start: GET $path ok"
}
check / '<title>'
check /papers/vaswani2017attention/ 'Attention Is All You Need'
check /pagefind/pagefind.js 'pagefind'
grep -q 'Node.js v2[0-3]\.[0-9.]* is not supported' "$log" && { echo "quick start: Astro ran on an old Node" >&2; exit 1; }
echo "quick start: passed"

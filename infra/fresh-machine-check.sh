#!/usr/bin/env bash
# Checks the README's two commands on a clean clone, the way a new machine
# sees them: with --remove-redis (root, Debian/Ubuntu) the redis-server
# package is removed first, so the commands must install it themselves.
# Not part of CI: it changes the machine's packages.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
if [ "${1:-}" = "--remove-redis" ]; then
  apt-get remove -y redis-server redis-tools >/dev/null
fi
if command -v redis-server >/dev/null; then
  echo "note: redis-server is installed; run with --remove-redis to check the install path"
fi
work=$(mktemp -d)
start_pid=
trap '[ -n "$start_pid" ] && kill -INT -- "-$start_pid" 2>/dev/null || true' EXIT
git clone -q "$repo" "$work/clone"
cd "$work/clone"

echo "== npm install && npm test"
npm install >"$work/install.log" 2>&1
npm test 2>&1 | tee "$work/test.log" | grep -E '^tests: ' 

echo "== npm install && npm start (stopped with SIGINT once the seeds are done)"
# Its own process group, so that SIGINT reaches npm and troopwatch as Ctrl-C would.
setsid npm start >"$work/start.log" 2>&1 &
start_pid=$!
for _ in $(seq 1 120); do
  grep -q 'troopwatch is running' "$work/start.log" && break
  sleep 1
done
for _ in $(seq 1 60); do
  node dist/cli.js status --json | node -e '
    const s = JSON.parse(require("fs").readFileSync(0, "utf8"));
    process.exit(s.articles.done >= 5 && s.pendingSeeds === 0 ? 0 : 1);' && break
  sleep 1
done
node dist/cli.js alerts
kill -INT -- "-$start_pid"
wait "$start_pid" || true
start_pid=
grep -q 'Shutting down the embedded redis-server' "$work/start.log"
echo "ok: both commands work on a clean clone (logs in $work)"

#!/usr/bin/env bash
# README's "Production" section, followed literally: copy this checkout to a temporary
# directory, run the README's install-and-release block there (a fresh virtualenv from
# requirements.lock, migrate, collectstatic, sync_site, check --deploy) against a fresh
# PostgreSQL database and Redis when one answers, start the Procfile's web (gunicorn) and
# worker processes on 127.0.0.1, and expect 200 from / and /healthz. Then the backup
# restore check (deploy/restore_check.sh) in the same install. Removes all it made.
# Skips (exit 0) when PostgreSQL is not reachable.
#   deploy/production_check.sh        CHECK_DB=sokra_check CHECK_PORT=8108
#                                     CHECK_REDIS_URL=redis://127.0.0.1:6379/0
set -euo pipefail
cd "$(dirname "$0")/.."
. deploy/lib.sh

db=${CHECK_DB:-sokra_check}
port=${CHECK_PORT:-8108}
redis_url=${CHECK_REDIS_URL:-redis://127.0.0.1:6379/0}
if ! postgres_reachable; then
  echo "production check: PostgreSQL is not reachable at $PG_URL; skipped."
  exit 0
fi

work=$(mktemp -d)
SERVER_PID=""
WORKER_PID=""
cleanup() {
  stop_pid "$SERVER_PID"
  stop_pid "$WORKER_PID"
  drop_db "$db"
  rm -rf "$work"
}
trap cleanup EXIT

echo "== Production check in $work/site (database $db)"
mkdir "$work/site"
git ls-files -z --cached --others --exclude-standard | xargs -0 tar -cf - | tar -xf - -C "$work/site"
cd "$work/site"
recreate_db "$db"
production_env "$db" "$work/var"
# Only to save CI time, the README's pip lines staying as they are: skip bytecode
# compilation (pip reads PIP_NO_COMPILE=0 as --no-compile; =1 would compile).
export PIP_NO_COMPILE=0 PIP_DISABLE_PIP_VERSION_CHECK=1

# The README's block, word for word.
block=$(sed -n '/<!-- production-check: begin -->/,/<!-- production-check: end -->/p' README.md \
  | sed '/^<!--/d; /^```/d')
[ -n "$block" ] || { echo "production check: README has no production-check block" >&2; exit 1; }
if python3 - "$redis_url" <<'PY' 2> /dev/null
import socket, sys, urllib.parse
url = urllib.parse.urlsplit(sys.argv[1])
socket.create_connection((url.hostname, url.port or 6379), timeout=2).close()
PY
then
  export REDIS_URL="$redis_url"
  echo "== Redis at $redis_url"
else
  echo "== No Redis at $redis_url: the database cache stands in (as production does without REDIS_URL)"
fi
echo "== The README's block ($SECONDS s)"
bash -euo pipefail -c "PS4='+ [\${SECONDS}s] '; set -x; $block"
echo "== Procfile's web and worker ($SECONDS s)"

PATH="$work/site/.venv/bin:$PATH"
start_web "$port"
bash -c "exec $(sed -n 's/^worker: //p' Procfile)" > "$VAR_DIR/worker.log" 2>&1 &
WORKER_PID=$!
home=$(fetch_status "$port" /)
health=$(fetch_status "$port" /healthz)
if [ "$home" != 200 ] || [ "$health" != 200 ] || ! kill -0 "$WORKER_PID" 2> /dev/null; then
  echo "production check: FAILED: / answered $home, /healthz $health" >&2
  cat "$VAR_DIR/web.log" "$VAR_DIR/worker.log" >&2
  exit 1
fi
echo "production check: gunicorn and a worker run; / and /healthz answer 200 ($SECONDS s)."
stop_pid "$SERVER_PID"
stop_pid "$WORKER_PID"
SERVER_PID=""
WORKER_PID=""

CHECK_DB="$db" CHECK_DB_MIGRATED=1 RESTORE_PORT=$((port + 1)) deploy/restore_check.sh

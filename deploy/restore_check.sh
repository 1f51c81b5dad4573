#!/usr/bin/env bash
# Backup and restore, tried end to end: migrate a fresh PostgreSQL database, load the
# demo content, pg_dump it (custom format, as deploy/backup.sh does), restore the dump
# into an empty database and serve the home page from the restored copy with
# production settings (DEBUG off, gunicorn on 127.0.0.1). Drops both databases after.
#
# Run from a checkout with its virtualenv active or in .venv (make install), after
# collectstatic when VAR_DIR is given; skips (exit 0) when PostgreSQL is not reachable.
#   deploy/restore_check.sh            CHECK_DB=sokra_check RESTORE_PORT=8109
set -euo pipefail
cd "$(dirname "$0")/.."
. deploy/lib.sh

source_db=${CHECK_DB:-sokra_check}
restore_db=${CHECK_DB:-sokra_check}_restore
port=${RESTORE_PORT:-8109}
if ! postgres_reachable; then
  echo "restore check: PostgreSQL is not reachable at $PG_URL; skipped."
  exit 0
fi
[ -d .venv/bin ] && PATH="$PWD/.venv/bin:$PATH"

own_var_dir=""
if [ -z "${VAR_DIR:-}" ]; then
  own_var_dir=$(mktemp -d)
fi
var_dir=${VAR_DIR:-$own_var_dir}
SERVER_PID=""
cleanup() {
  stop_pid "$SERVER_PID"
  drop_db "$source_db"
  drop_db "$restore_db"
  [ -n "$own_var_dir" ] && rm -rf "$own_var_dir"
  rm -f "$var_dir/restore-check.dump"
}
trap cleanup EXIT

echo "== Restore check: demo content into $source_db, dump, restore into $restore_db ($SECONDS s)"
production_env "$source_db" "$var_dir"
if [ "${CHECK_DB_MIGRATED:-}" != 1 ]; then  # production_check.sh has just migrated it
  recreate_db "$source_db"
  python manage.py migrate --no-input -v0
fi
python manage.py load_demo_content > /dev/null
python manage.py sync_site > /dev/null
[ -f "$var_dir/static/staticfiles.json" ] || python manage.py collectstatic --no-input -v0
echo "== pg_dump, pg_restore ($SECONDS s)"
pg_dump --format=custom --no-owner --file="$var_dir/restore-check.dump" "$DATABASE_URL"

recreate_db "$restore_db"
pg_restore --no-owner --exit-on-error --dbname="$PG_URL/$restore_db" "$var_dir/restore-check.dump"
pages_before=$(psql "$PG_URL/$source_db" -tAc 'SELECT count(*) FROM wagtailcore_page')
pages_after=$(psql "$PG_URL/$restore_db" -tAc 'SELECT count(*) FROM wagtailcore_page')
if [ "$pages_before" != "$pages_after" ]; then
  echo "restore check: FAILED: $pages_before pages dumped, $pages_after restored" >&2
  exit 1
fi
drop_db "$source_db"  # the site below can only be reading the restored copy

production_env "$restore_db" "$var_dir"
echo "== Serving the restored copy ($SECONDS s)"
start_web "$port"
status=$(fetch_status "$port" /)
if [ "$status" != 200 ]; then
  echo "restore check: FAILED: the home page from the restored database answered $status" >&2
  cat "$var_dir/web.log" >&2
  exit 1
fi
echo "restore check: $pages_after pages restored; the home page answers 200 from the restored database."

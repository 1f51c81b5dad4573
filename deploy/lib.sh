# Shared by production_check.sh and restore_check.sh: PostgreSQL helpers, a production
# environment for a local check, and serving/fetching the home page.

PG_URL=${PG_URL:-postgres://postgres@127.0.0.1:5432}
export PGOPTIONS="-c client_min_messages=warning"

postgres_reachable() { psql "$PG_URL/postgres" -qtAc 'SELECT 1' > /dev/null 2>&1; }
recreate_db() { psql "$PG_URL/postgres" -qc "DROP DATABASE IF EXISTS \"$1\"" -c "CREATE DATABASE \"$1\"" > /dev/null; }
drop_db() { psql "$PG_URL/postgres" -qc "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" > /dev/null 2>&1 || true; }

# The settings an operator puts in /etc/sokra/env (README's table), with values for a
# check on this machine: the public address is https://, so the requests below say
# what the HTTPS proxy in front would say (Host, X-Forwarded-Proto).
production_env() {
  export DJANGO_SETTINGS_MODULE=cms.settings.production
  export SECRET_KEY="check-$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')"
  export ALLOWED_HOSTS=osallisuus.example.org
  export BASE_URL=https://osallisuus.example.org
  export DATABASE_URL="$PG_URL/$1"
  export VAR_DIR="$2"
  export EMAIL_BACKEND=django.core.mail.backends.locmem.EmailBackend
  export ANYMAIL_WEBHOOK_SECRET="check:$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')"
}

# Start gunicorn with the Procfile's web line on 127.0.0.1:$1; its pid goes in $SERVER_PID.
start_web() {
  local command
  command=$(sed -n 's/^web: //p' Procfile)
  PORT=$1 BIND_ADDRESS=127.0.0.1 WEB_CONCURRENCY=2 bash -c "exec $command" > "$VAR_DIR/web.log" 2>&1 &
  SERVER_PID=$!
}

# GET a path through the port as the HTTPS proxy would; prints the status code.
fetch_status() {
  python3 - "$1" "$2" <<'PY'
import sys, time, urllib.error, urllib.request
port, path = sys.argv[1], sys.argv[2]
request = urllib.request.Request(
    f"http://127.0.0.1:{port}{path}",
    headers={"Host": "osallisuus.example.org", "X-Forwarded-Proto": "https"},
)
for _ in range(60):
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            print(response.status)
            break
    except urllib.error.HTTPError as error:
        print(error.code)
        break
    except OSError:
        time.sleep(1)
else:
    print("unreachable")
PY
}

stop_pid() { [ -n "${1:-}" ] && kill "$1" 2> /dev/null && wait "$1" 2> /dev/null || true; }

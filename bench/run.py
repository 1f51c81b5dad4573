"""`make bench`: the site's figures on a production-like instance, printed as a table.

Builds the instance in /tmp/sokra-bench (production settings, DEBUG off, the demo
content plus bench/scale_data.py's items; PostgreSQL when DATABASE_URL is set, else a
SQLite file there), serves it with the Procfile's gunicorn line and 2 workers, loads
each page with wrk (bench/load.py) and prints req/s, p50, p99, the ratio to a static
file of the home page's size served by the same gunicorn, and each page's queries and
bytes (bench/pages.py). Then the feed's serialisation CPU, registrations per second
(bench/registrations.py) and newsletter sending with the worker's peak memory
(bench/newsletters_send.py). Figures are for a person to read, never asserted."""

import argparse
import json
import os
import secrets
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import load  # noqa: E402 (after the path above)

WORKDIR = Path("/tmp/sokra-bench")  # noqa: S108 (the benchmark's throwaway instance)
PYTHON = sys.executable
STATIC_PATH = "/static/bench-home-size.html"
# The anonymous page cache's switch (environment variable, "off", "on"). The cached pass
# runs only when the settings have PAGE_CACHE (bench/pages.py reports it).
PAGE_CACHE_SWITCH = ("PAGE_CACHE", "0", "1")


def out(line=""):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def environment(port):
    database = os.environ.get("DATABASE_URL") or f"sqlite:///{WORKDIR / 'bench.sqlite3'}"
    return {
        **os.environ,
        "PATH": f"{Path(PYTHON).parent}:{os.environ.get('PATH', '')}",
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "BASE_URL": f"http://127.0.0.1:{port}",
        "DATABASE_URL": database,
        "VAR_DIR": str(WORKDIR),
        "SECURE_SSL_REDIRECT": "0",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "ANYMAIL_WEBHOOK_SECRET": f"bench:{secrets.token_urlsafe(24)}",
        "LOG_LEVEL": "WARNING",
    }


def run(env, *command, capture=False):
    result = subprocess.run(  # noqa: S603 (our own commands)
        [PYTHON, *command], cwd=ROOT, env=env, check=True, capture_output=capture, text=True
    )
    return result.stdout


def report(env, *command):
    """Another benchmark script, its output in the table's place; a failure is printed,
    not raised, so the figures before it still count."""
    result = subprocess.run(  # noqa: S603 (our own commands)
        [PYTHON, *command], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    out(result.stdout.rstrip())
    if result.returncode:
        out(f"FAILED (exit {result.returncode}): {result.stderr.strip().splitlines()[-1:]}")


def build(env, args):
    began = time.perf_counter()
    run(env, "manage.py", "migrate", "--no-input", "-v0")
    run(env, "manage.py", "load_demo_content", capture=True)
    run(env, "manage.py", "collectstatic", "--no-input", "-v0")
    scale = ["--news", str(args.news), "--events", str(args.events)]
    run(env, "-m", "bench.scale_data", *scale, "--subscribers", str(args.subscribers))
    out(f"instance built in {time.perf_counter() - began:.0f} s: {env['DATABASE_URL']}")


def start_web(env, port):
    """The Procfile's web line with 2 workers, as deploy/lib.sh's start_web runs it."""
    line = next(
        entry.split(": ", 1)[1]
        for entry in (ROOT / "Procfile").read_text().splitlines()
        if entry.startswith("web: ")
    )
    web_env = {**env, "PORT": str(port), "BIND_ADDRESS": "127.0.0.1", "WEB_CONCURRENCY": "2"}
    log = (WORKDIR / "web.log").open("w")
    server = subprocess.Popen(  # noqa: S603
        ["/bin/bash", "-c", f"exec {line}"], cwd=ROOT, env=web_env, stdout=log, stderr=log
    )
    for _ in range(120):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{STATIC_PATH}", timeout=5):
                return server
        except OSError:
            time.sleep(0.5)
    server.terminate()
    raise SystemExit(f"gunicorn did not answer; see {WORKDIR / 'web.log'}")


def write_static_file(size):
    path = WORKDIR / "static" / STATIC_PATH.rsplit("/", 1)[1]
    body = b"<!doctype html><title>static</title>"
    path.write_bytes(body + b"x" * max(0, size - len(body)))


def load_pages(env, port, args, measured):
    """wrk over the static file and every page; returns rows for the table."""
    base = f"http://127.0.0.1:{port}"
    headers = ["X-Forwarded-Proto: https"]
    server = start_web(env, port)
    try:
        rows = []
        targets = [{"label": "static file", "path": STATIC_PATH}, *measured["pages"]]
        for target in targets:
            urllib.request.urlopen(base + target["path"], timeout=60).read()  # noqa: S310 (warm)
            result = load.load(
                base + target["path"],
                seconds=args.seconds,
                connections=args.connections,
                headers=headers,
            )
            rows.append({**target, **result})
        return rows
    finally:
        server.terminate()
        server.wait()


def print_pages(title, rows):
    static_rps = rows[0]["rps"]
    out(f"\n{title}")
    out(
        f"{'page':<20} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'× static':>9}"
        f" {'queries':>8} {'bytes':>9} {'errors':>7}"
    )
    for row in rows:
        queries = row.get("queries", "")
        size = row.get("bytes", "")
        if not row["rps"]:
            out(f"{row['label']:<20} no answer within the run {queries:>31} {size:>9}")
            continue
        out(
            f"{row['label']:<20} {row['rps']:>8.1f} {row['p50_ms']:>8.1f} {row['p99_ms']:>8.1f}"
            f" {row['rps'] / static_rps:>9.3f} {queries:>8} {size:>9} {row['errors']:>7}"
        )


def measure_and_load(title, env, args):
    """One pass over the pages; returns what bench/pages.py measured in-process."""
    measured = json.loads(run(env, "-m", "bench.pages", capture=True))
    write_static_file(measured["pages"][0]["bytes"])
    print_pages(title, load_pages(env, args.port, args, measured))
    return measured


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5, help="wrk duration per URL")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--port", type=int, default=8090)
    parser.add_argument("--news", type=int, default=1_000)
    # The feed's figure is for 1,000 events (bench/pages.py reports how many it had).
    parser.add_argument("--events", type=int, default=1_000)
    parser.add_argument("--subscribers", type=int, default=10_000)
    args = parser.parse_args()

    WORKDIR.mkdir(parents=True, exist_ok=True)
    env = environment(args.port)
    build(env, args)
    name, off, on = PAGE_CACHE_SWITCH
    measured = measure_and_load("pages, page cache off", {**env, name: off}, args)
    if measured["page_cache_setting"]:
        measure_and_load("pages, page cache on", {**env, name: on}, args)
    else:
        out("(no page cache setting in this build: the cached pass is skipped)")
    feed = measured["feed"]
    out(
        f"\nfeed of {feed['events']} events, CPU: serialised (bytes not cached, queries"
        f" included) {feed['serialise_ms']:.0f} ms; a request for its cached bytes"
        f" {feed['cached_request_ms']:.1f} ms; a 304 {feed['not_modified_ms']:.2f} ms"
    )
    out("\nregistrations (bench/registrations.py, 8 clients):")
    report(env, "bench/registrations.py", "--clients", "8")
    out(f"\nnewsletters (bench/newsletters_send.py, {args.subscribers} recipients):")
    report(env, "bench/newsletters_send.py", "--subscribers", str(args.subscribers))


if __name__ == "__main__":
    main()

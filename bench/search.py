"""Search at scale on SQLite: Wagtail's own database backend against the site's
(cms/search/sqlite.py) on the same index, and the search page itself.

Builds a SQLite instance in var/bench-search (the demo content, bench/scale_data.py's news
items, then `update_index`, so the scaled pages really are searched), then times a common
word (in nearly every news item) and a rare one: the best of five runs of the count and the
first page of ten, as the search page asks them. Figures for a person to read, never asserted.

    .venv/bin/python -m bench.search [--news 1000] [--rebuild]"""

import argparse
import os
import shutil
import subprocess
import sys
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKDIR = ROOT / "var" / "bench-search"
BACKENDS = {"Wagtail": "wagtail.search.backends.database", "site": "cms.search.backend"}
QUERIES = {"common word": "kahvila", "rare word": "uutisia"}


def environment():
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{WORKDIR / 'db.sqlite3'}",
        "VAR_DIR": str(WORKDIR),
        "LOG_LEVEL": "WARNING",
    }


def build(news):
    shutil.rmtree(WORKDIR, ignore_errors=True)
    WORKDIR.mkdir(parents=True)
    for command in (
        ["manage.py", "migrate", "--no-input", "-v0"],
        ["manage.py", "load_demo_content"],
        ["-m", "bench.scale_data", "--news", str(news), "--events", "0", "--subscribers", "0"],
        ["manage.py", "update_index"],
    ):
        subprocess.run(  # noqa: S603 (our own commands)
            [sys.executable, *command], cwd=ROOT, env=environment(), check=True, capture_output=True
        )


def best_of(runs, action):
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    return min(times)


def first_page(backend, words):
    from wagtail.models import Locale, Page

    pages = Page.objects.live().filter(locale=Locale.objects.get(language_code="fi"))
    results = backend.search(words, pages)
    return results.count(), list(results[:10])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--news", type=int, default=1_000)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    if args.rebuild or not (WORKDIR / "db.sqlite3").exists():
        build(args.news)
    os.environ.update(environment())
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.test import Client

    from wagtail.search.backends import get_search_backend

    from cms.search.stemming import search_keys

    for label, word in QUERIES.items():
        words = " ".join(search_keys(word, "fi"))
        for name, path in BACKENDS.items():
            backend = get_search_backend(path)
            hits = first_page(backend, words)[0]
            seconds = best_of(5, partial(first_page, backend, words))
            print(f"{label} ({hits} hits), {name} backend: {seconds * 1000:.0f} ms")  # noqa: T201
        client = Client(HTTP_HOST="127.0.0.1")
        seconds = best_of(5, partial(client.get, "/haku/", {"q": word}))
        print(f"{label}, the search page /haku/: {seconds * 1000:.0f} ms")  # noqa: T201


if __name__ == "__main__":
    main()

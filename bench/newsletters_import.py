"""Benchmark, not a test: import a CSV of subscribers as the background task does and
print the time, the queries and the tasks it queued.

A tenth of the rows are people already on another list (updated), a few are
unsubscribed from the list (rejected). Uses its own SQLite file under /tmp unless
DATABASE_URL is set (e.g. the `bench` PostgreSQL database of `make bench`).
Run: `.venv/bin/python bench/newsletters_import.py --rows 5000`.
"""

import argparse
import io
import os
import secrets
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKDIR = Path("/tmp/newsletters-import-bench")  # noqa: S108 (its own throwaway database)


def setup_django():
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(60),
            "ALLOWED_HOSTS": "localhost",
            "BASE_URL": "https://uutiskirje.example.org",
            "VAR_DIR": str(WORKDIR),
            "LOG_LEVEL": "WARNING",
        }
    )
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{WORKDIR / 'bench.sqlite3'}")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def create_data(rows):
    """The list, the people already known, and the CSV text."""
    from django.core.management import call_command

    from newsletters.models import MailingList, Subscriber, Subscription

    call_command("migrate", verbosity=0)
    Subscriber.objects.filter(email__endswith="@import-bench.example.org").delete()
    MailingList.objects.filter(slug__startswith="import-bench").delete()
    target = MailingList.objects.create(name="Tuonti", slug="import-bench")
    other = MailingList.objects.create(name="Muu", slug="import-bench-other")
    known = Subscriber.objects.bulk_create(
        Subscriber(email=f"lukija{n}@import-bench.example.org") for n in range(0, rows, 10)
    )
    Subscription.objects.bulk_create(
        Subscription(
            subscriber=s,
            mailing_list=target if n % 20 == 0 else other,
            status="unsubscribed" if n % 20 == 0 else "active",
        )
        for n, s in enumerate(known)
    )
    lines = ["email;name;organisation;language"]
    lines += [f"lukija{n}@import-bench.example.org;Lukija {n};Yhdistys ry;FI" for n in range(rows)]
    return target, "\n".join(lines) + "\n"


class Upload(io.BytesIO):
    @property
    def size(self):
        return len(self.getvalue())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=5000)
    args = parser.parse_args()
    if "DATABASE_URL" not in os.environ:
        shutil.rmtree(WORKDIR, ignore_errors=True)
        WORKDIR.mkdir(parents=True)
    setup_django()

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from django_tasks.signals import task_enqueued

    from newsletters.models import SubscriberImport
    from newsletters.services import csv_io

    target, text = create_data(args.rows)
    queued = []
    task_enqueued.connect(lambda sender, task_result, **kw: queued.append(task_result))
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as captured:
        job = csv_io.create_import(Upload(text.encode()), target, "Benchmark")
        csv_io.run_import(job.pk)
    elapsed = time.perf_counter() - started
    job = SubscriberImport.objects.get(pk=job.pk)
    print(  # noqa: T201 (a benchmark prints its figures)
        f"CSV import of {args.rows} rows on {connection.vendor}: {elapsed:.2f} s, "
        f"{len(captured)} queries ({len(captured) / args.rows:.3f} a row), "
        f"{len(queued)} tasks queued; accepted {job.accepted}, updated {job.updated}, "
        f"rejected {len(job.rejected)}"
    )


if __name__ == "__main__":
    main()

"""Benchmark (not a test): registrations per second with parallel clients.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/registrations.py

Each client is a thread with its own database connection calling the same service the
registration view calls, so every registration takes the event's row lock, counts the
seats and queues its e-mail. Prints throughput and checks no seat was oversold. The
event it creates is deleted afterwards."""

import argparse
import datetime
import os
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")


def out(line):
    sys.stdout.write(line + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--per-client", type=int, default=50)
    parser.add_argument("--capacity", type=int, default=150)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    call_command("migrate", verbosity=0, interactive=False)

    from wagtail.models import Site

    from events.models import EventIndexPage, EventPage, EventType, Registration
    from events.registrations import services

    site = Site.objects.filter(is_default_site=True).first()
    parent = EventIndexPage.objects.first() or (site.root_page if site else None)
    if parent is None:
        sys.exit("Load the demo content first (manage.py load_demo_content).")
    event_type, _ = EventType.objects.get_or_create(slug="bench", defaults={"name_fi": "Bench"})
    start = timezone.now() + datetime.timedelta(days=30)
    event = EventPage(
        title="Benchmark event",
        slug=f"bench-{int(time.time())}",
        lead="Benchmark.",
        event_type=event_type,
        start=start,
        end=start + datetime.timedelta(hours=2),
        registration_enabled=True,
        capacity=args.capacity,
    )
    parent.specific.add_child(instance=event)
    event.save_revision().publish()

    errors = []
    busy = []

    def client(number):
        try:
            for n in range(args.per_client):
                data = {"name": f"Bench {number}-{n}", "email": f"bench{number}-{n}@example.org"}
                try:
                    services.register(event.event, data, language="fi")
                except services.RegistrationBusy:
                    busy.append(1)
        except Exception as error:  # reported below; one failed client should not hide others
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began

    total = args.clients * args.per_client
    registrations = Registration.objects.filter(event=event.event)
    confirmed = registrations.confirmed().count()
    waiting = registrations.waiting().count()
    backend = settings.TASKS["default"]["BACKEND"].rsplit(".", 1)[-1]
    out(f"database: {connection.vendor}, task backend: {backend}")
    out(f"clients: {args.clients}, registrations attempted: {total}, capacity: {args.capacity}")
    out(f"elapsed: {elapsed:.2f} s, throughput: {total / elapsed:.1f} registrations/s")
    out(f"confirmed: {confirmed}, waiting: {waiting}, busy retries: {len(busy)}")
    out(f"oversold: {'YES' if confirmed > args.capacity else 'no'}, errors: {len(errors)}")
    registrations.delete()  # they protect their event
    EventPage.objects.get(pk=event.pk).delete()
    if errors or confirmed > args.capacity:
        sys.exit(1)


if __name__ == "__main__":
    main()

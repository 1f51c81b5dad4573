"""Benchmark, not a test: send one issue to many subscribers with the real task worker
(`manage.py db_worker`) three times: through anymail's test backend as a batch ESP
(without the outbox), through an anymail backend the send must fall back to one message
per recipient for, and through Django's SMTP backend to a local SMTP sink on 127.0.0.1
(bench/smtp_sink.py; NEWSLETTER_SEND_CONNECTIONS parallel connections, each reused).

Prints recipients per second (from the send's own start and finish times), the
worker's peak resident memory and, for SMTP, how many connections the sink saw.

Then a slow mail server: a sink taking --slow-seconds to accept each message, a lease
shorter than one batch takes (2 s; the heartbeat thread renews it every 0.5 s), two
workers and the resume job (`resume_sends --every 1`) running at once; prints how many
copies each address received, as the sink counted them ("1×30": thirty addresses, one
copy each). Uses
its own SQLite file under /tmp, never the dev database. Run: `make bench` or
`.venv/bin/python bench/newsletters_send.py --subscribers 10000`.
"""

import argparse
import os
import secrets
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKDIR = Path("/tmp/newsletters-bench")  # noqa: S108 (its own throwaway database)


def bench_environment(email_env):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "localhost",
        "BASE_URL": "https://uutiskirje.example.org",
        "VAR_DIR": str(WORKDIR),
        "DATABASE_URL": f"sqlite:///{WORKDIR / 'bench.sqlite3'}",
        "LOG_LEVEL": "WARNING",
        "NEWSLETTER_RATE_LIMIT": "0",
        **email_env,
    }


def setup_django(env):
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def create_data(subscriber_count):
    from django.core.management import call_command

    from wagtail.models import Locale, Page, Site

    from cms.models import HomePage
    from newsletters.models import MailingList, NewsletterIndexPage, Subscriber, Subscription

    call_command("migrate", verbosity=0)
    Locale.objects.get_or_create(language_code="fi")
    root = Page.get_first_root_node()
    home = HomePage(title="Osallisuutta kaikille", slug="etusivu-bench")
    root.add_child(instance=home)
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    index = NewsletterIndexPage(title="Uutiskirje", slug="uutiskirje")
    home.add_child(instance=index)
    mailing_list = MailingList.objects.create(name="Osallisuutta päätöksiin", slug="opp")
    Subscriber.objects.bulk_create(
        Subscriber(email=f"lukija{n}@example.org", name=f"Lukija {n}")
        for n in range(subscriber_count)
    )
    Subscription.objects.bulk_create(
        Subscription(subscriber=s, mailing_list=mailing_list, status="active")
        for s in Subscriber.objects.all()
    )
    return index, mailing_list


def new_issue(index, title):
    from wagtail.rich_text import RichText

    from newsletters.models import NewsletterIssuePage

    paragraph = "<p>" + "Osallisuus on kokemus kuulumisesta yhteisöön. " * 20 + "</p>"
    issue = NewsletterIssuePage(
        title=title,
        lead="Kevään numerossa kokemusasiantuntijuus ja uusi tutkimus.",
        body=[
            ("heading", {"text": "Ajankohtaista", "level": "h2"}),
            ("paragraph", RichText(paragraph * 3)),
            (
                "research_items",
                {
                    "heading": "Uutta tutkimusta",
                    "items": [
                        {
                            "citation": f"Tutkija, T. (2025). Osa {n}.",
                            "summary": "Tiivistelmä tutkimuksesta.",
                            "link": "https://example.org/",
                        }
                        for n in range(5)
                    ],
                },
            ),
            (
                "call_to_action",
                {"text": "Lue lisää", "page": None, "external_url": "https://example.org/"},
            ),
        ],
    )
    index.add_child(instance=issue)
    issue.save_revision().publish()
    return issue


def peak_memory_kib(pid, stop, result):
    """Poll the worker's VmHWM (peak resident set) until it exits."""
    while not stop.is_set():
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    result[0] = max(result[0], int(line.split()[1]))
        except (FileNotFoundError, ProcessLookupError):
            break
        time.sleep(0.02)


def run_worker(env):
    command = [
        sys.executable,
        "manage.py",
        "db_worker",
        "--batch",
        "--no-reload",
        "--no-startup-delay",
        "--interval",
        "0.1",
    ]
    worker = subprocess.Popen(command, cwd=ROOT, env=env)  # noqa: S603
    stop, peak = threading.Event(), [0]
    watcher = threading.Thread(target=peak_memory_kib, args=(worker.pid, stop, peak))
    watcher.start()
    worker.wait()
    stop.set()
    watcher.join()
    if worker.returncode:
        raise SystemExit(f"worker failed with {worker.returncode}")
    return peak[0]


def measure(label, index, mailing_list, env):
    from newsletters.models import Delivery, Send
    from newsletters.services import sending

    issue = new_issue(index, f"Benchmark {label}")
    send = sending.create_send(issue, [mailing_list])
    peak_kib = run_worker(env)
    send = Send.objects.get(pk=send.pk)
    sent = Delivery.objects.filter(send=send, status="sent").count()
    seconds = (send.finished_at - send.started_at).total_seconds()
    print(  # noqa: T201
        f"{label:<24} {sent:>6} recipients in {seconds:6.2f} s = {sent / seconds:7.0f} per second;"
        f" worker peak memory {peak_kib / 1024:.0f} MiB (status {send.status})"
    )
    return sent


def smtp_sink(delay=0):
    sys.path.insert(0, str(ROOT))
    from bench.smtp_sink import Sink

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sink = Sink(port, delay=delay)
    sink.start()
    return sink


def copies_table(copies):
    """ "1×28, 2×2": how many addresses received how many copies."""
    histogram = Counter(copies.values())
    return ", ".join(f"{n}×{histogram[n]}" for n in sorted(histogram)) or "nothing received"


def measure_slow_smtp(index, recipients, seconds, common):
    """A send through a slow SMTP server while two workers and the resume job run."""
    from newsletters.models import MailingList, Send, Subscriber, Subscription
    from newsletters.services import sending

    mailing_list = MailingList.objects.create(name="Hidas palvelin", slug="hidas")
    Subscription.objects.bulk_create(
        Subscription(subscriber=s, mailing_list=mailing_list, status="active")
        for s in Subscriber.objects.order_by("pk")[:recipients]
    )
    sink = smtp_sink(delay=seconds)
    env = bench_environment(
        {
            **common,
            "NEWSLETTER_BATCH_SIZE": "10",
            "NEWSLETTER_LEASE_SECONDS": "2",
            "NEWSLETTER_HEARTBEAT_SECONDS": "0.5",
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(sink.port),
        }
    )
    issue = new_issue(index, "Benchmark slow SMTP")
    send = sending.create_send(issue, [mailing_list])
    worker = [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay"]
    resume = [sys.executable, "manage.py", "resume_sends", "--every", "1"]
    quiet = {"cwd": ROOT, "env": env, "stdout": subprocess.DEVNULL}
    processes = [subprocess.Popen(command, **quiet) for command in (worker, worker, resume)]  # noqa: S603
    began = time.monotonic()
    try:
        while time.monotonic() - began < 600:
            status = Send.objects.get(pk=send.pk).status
            if status not in {Send.Status.SCHEDULED, Send.Status.SENDING}:
                break
            time.sleep(0.5)
        seconds_taken = time.monotonic() - began
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait()
        sink.stop()
    print(  # noqa: T201
        f"slow SMTP {seconds:g} s/msg, lease 2 s, 2 workers + resume job:"
        f" {recipients} recipients, copies per address: {copies_table(sink.copies)}"
        f" ({seconds_taken:.0f} s, status {status})"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--slow-seconds", type=float, default=1.5)
    parser.add_argument("--slow-recipients", type=int, default=30)
    args = parser.parse_args()

    shutil.rmtree(WORKDIR, ignore_errors=True)
    WORKDIR.mkdir(parents=True)
    sink = smtp_sink()
    common = {
        "NEWSLETTER_BATCH_SIZE": str(args.batch_size),
        "NEWSLETTER_SEND_CONNECTIONS": str(args.connections),
    }
    anymail_env = bench_environment(
        {**common, "EMAIL_BACKEND": "bench.anymail_sink.NoOutboxEmailBackend"}
    )
    per_recipient_env = bench_environment(
        {**common, "EMAIL_BACKEND": "bench.anymail_sink.PerRecipientEmailBackend"}
    )
    smtp_env = bench_environment(
        {
            **common,
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(sink.port),
        }
    )
    setup_django(anymail_env)
    index, mailing_list = create_data(args.subscribers)
    print(  # noqa: T201
        f"{args.subscribers} subscribers, batches of {args.batch_size},"
        f" {args.connections} connections, SQLite in {WORKDIR}"
    )
    try:
        measure("anymail batch", index, mailing_list, anymail_env)
        measure("anymail per recipient", index, mailing_list, per_recipient_env)
        measure("SMTP to a local sink", index, mailing_list, smtp_env)
        print(  # noqa: T201
            f"SMTP sink received {sink.counts['messages']} messages over"
            f" {sink.counts['connections']} connections"
        )
    finally:
        sink.stop()
    measure_slow_smtp(index, args.slow_recipients, args.slow_seconds, common)


if __name__ == "__main__":
    main()

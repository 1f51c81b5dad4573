"""`make run` runs the scheduled jobs too (issue 24): with nothing but the processes it
starts, a registrant's reminder is queued, sent and links to BASE_URL.

The test asks make for the commands of `make run` (`make -n run`), starts its task
worker and its scheduled-jobs line as they are, with the development settings, against
a copy of the test database holding an event whose reminder is due, and waits for the
reminder in the outbox directory."""

import os
import re
import shlex
import signal
import sqlite3
import subprocess
import time
from datetime import timedelta
from email import message_from_bytes, policy
from pathlib import Path

from django.db import connection
from django.utils import timezone

from cms.factories import make_site
from tests.events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory

ROOT = Path(__file__).resolve().parents[2]
BASE_URL = "http://127.0.0.1:8344"
WAIT_SECONDS = 180


def make_run_commands():
    """The background processes `make run` starts beside the web server, as make runs them."""
    dry_run = subprocess.run(
        ["make", "--no-print-directory", "-n", "run"],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return [
        line.strip()
        for line in re.findall(r"^\s*([^\n&]*manage\.py [^\n&]*)&", dry_run.stdout, re.M)
    ]


def seed_due_reminder():
    """A published event starting in two hours, reminding 24 hours ahead: due now."""
    index = EventIndexPageFactory(parent=make_site())
    start = timezone.now() + timedelta(hours=2)
    event = EventPageFactory(
        parent=index,
        registration_enabled=True,
        reminder_hours=24,
        start=start,
        end=start + timedelta(hours=1),
    )
    event.save_revision().publish()
    RegistrationFactory(event=event, email="muistutus@example.org")


def database_url_for_processes(tmp_path):
    """The test database, where other processes can open it: a file copy of SQLite's
    in-memory one, PostgreSQL's own."""
    if connection.vendor == "sqlite":
        path = tmp_path / "db.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(path) as target:
            connection.connection.backup(target)
        return f"sqlite:///{path}"
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def start(command, env, log):
    return subprocess.Popen(  # noqa: S603
        shlex.split(command),
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # the worker's autoreloader has a child: stop them all
    )


def stop(process):
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=60)


def wait_for_reminder(outbox):
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        for path in outbox.glob("*.eml"):
            message = message_from_bytes(path.read_bytes(), policy=policy.default)
            if message["To"] == "muistutus@example.org":
                return message
        time.sleep(1)
    return None


def test_make_run_starts_the_scheduled_jobs_and_a_due_reminder_goes_out(transactional_db, tmp_path):
    commands = make_run_commands()
    assert any("run_scheduled_jobs" in command for command in commands), commands
    seed_due_reminder()
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env |= {
        "DATABASE_URL": database_url_for_processes(tmp_path),
        "VAR_DIR": str(tmp_path),
        "BASE_URL": BASE_URL,
    }

    log_path = tmp_path / "processes.log"
    with log_path.open("wb") as log:
        processes = [start(command, env, log) for command in commands]
        try:
            reminder = wait_for_reminder(tmp_path / "outbox")
        finally:
            for process in processes:
                stop(process)

    assert reminder is not None, log_path.read_text()[-3000:]
    text = reminder.get_body(preferencelist=("plain",)).get_content()
    assert f"{BASE_URL}/" in text
    assert "127.0.0.1:8000" not in text

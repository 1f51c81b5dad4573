"""Two `db_worker` processes on one queue: each task runs exactly once."""

import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from django.db import connection

import pytest
from django_tasks_db.models import DBTaskResult

from tests.deploy.worker_tasks import note_run

ROOT = Path(__file__).resolve().parents[2]
TASKS = 50


def start_worker(worker_id, database_url):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.dev"}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    env["DATABASE_URL"] = database_url
    return subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--no-reload",
            "--no-startup-delay",
            "--interval",
            "0.1",
            "--worker-id",
            worker_id,
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks")
def test_two_workers_run_each_task_exactly_once(transactional_db, settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    log_path = tmp_path / "runs.log"
    for number in range(TASKS):
        note_run.enqueue(number, str(log_path))

    db = connection.settings_dict
    url = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    workers = [start_worker(name, url) for name in ("worker-a", "worker-b")]
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if not DBTaskResult.objects.exclude(status__in=["SUCCESSFUL", "FAILED"]).exists():
                break
            time.sleep(0.5)
    finally:
        for worker in workers:
            worker.terminate()
        errors = [worker.communicate(timeout=30)[1].decode() for worker in workers]

    runs = Counter(int(line) for line in log_path.read_text().split())
    assert runs == Counter(range(TASKS)), errors
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == TASKS
    # Both workers took tasks, so the queue really was shared between them.
    worker_ids = {
        wid for ids in DBTaskResult.objects.values_list("worker_ids", flat=True) for wid in ids
    }
    assert worker_ids == {"worker-a", "worker-b"}

"""A task for the two-worker test: it notes each run in a file both workers append to."""

import time

from django_tasks import task


@task()
def note_run(number, log_path):
    time.sleep(0.1)  # long enough that both workers are busy at once
    with open(log_path, "a") as log:
        log.write(f"{number}\n")

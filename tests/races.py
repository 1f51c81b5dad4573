"""Races with real parallel writers: jobs run in threads, each with its own database
connection, released at the same moment. Used where the tests race registrations for
the last seats and newsletter workers for one send (on PostgreSQL, and on SQLite's write
lock)."""

import threading

from django.db import connection


def all_at_once(*jobs, timeout=60):
    """Run the jobs in threads, each with its own database connection, released together;
    returns the exceptions they raised (for the test to assert on), waiting up to `timeout`
    seconds for each thread."""
    barrier = threading.Barrier(len(jobs))
    errors = []

    def run(job):
        try:
            barrier.wait()
            job()
        except Exception as error:  # collected and asserted on by the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    return errors

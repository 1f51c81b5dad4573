"""`run_scheduled_jobs`, run every minute by cron or a timer, starts each job once per interval."""

from datetime import timedelta
from io import StringIO

from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

import pytest
import time_machine

from cms.models import ScheduledJobRun
from cms.outbox import queue_email

pytestmark = pytest.mark.django_db


def run_jobs():
    out = StringIO()
    call_command("run_scheduled_jobs", stdout=out)
    return out.getvalue()


def started():
    return dict(ScheduledJobRun.objects.values_list("name", "last_started_at"))


def test_every_existing_periodic_command_is_scheduled(settings):
    names = {name for name, _ in settings.SCHEDULED_JOBS}
    assert {
        "send_queued_email",
        "send_event_reminders",
        "resume_sends",
        "apply_retention",
    } <= names


def test_the_first_run_starts_every_job():
    output = run_jobs()
    assert "e-mail(s) queued for sending" in output
    assert "reminder(s)" in output
    assert "Newsletter sends enqueued" in output
    assert all(started().values())


def test_running_twice_in_the_same_minute_starts_nothing_again():
    run_jobs()
    first = started()
    assert run_jobs() == ""
    assert started() == first


def test_a_minute_later_the_minute_jobs_run_but_the_daily_one_waits():
    run_jobs()
    with time_machine.travel(timezone.now() + timedelta(seconds=60)):
        output = run_jobs()
    assert "e-mail(s) queued" in output
    assert "events.Registration:" not in output
    with time_machine.travel(timezone.now() + timedelta(days=1)):
        assert "events.Registration:" in run_jobs()


def test_a_queued_message_is_sent_once_however_often_the_jobs_run(
    django_capture_on_commit_callbacks,
):
    # The outbox starts every send once the transaction commits (at once in the job's
    # autocommit; here the test's transaction holds them until the callbacks run).
    with django_capture_on_commit_callbacks(execute=True):
        queue_email(
            to="someone@example.org", subject="Hello", text="Hi", purpose="test", key="once"
        )
        run_jobs()
        with time_machine.travel(timezone.now() + timedelta(minutes=5)):
            run_jobs()
            run_jobs()
    assert len(mail.outbox) == 1


def test_a_failing_job_does_not_stop_the_others_and_is_due_again(settings):
    settings.SCHEDULED_JOBS = [("no_such_command", 3600), ("send_queued_email", 60)]
    with pytest.raises(CommandError, match="no_such_command"):
        run_jobs()
    runs = started()
    assert runs["send_queued_email"] is not None
    assert runs["no_such_command"] is None

import datetime

import pytest

from events.calendars.state import event_schedule_changed
from events.models import Event

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("commit_callbacks")]


def test_sequence_rises_when_the_time_changes_and_registrants_are_told(event):
    told = []

    def listen(sender, **kwargs):
        told.append(kwargs)

    event_schedule_changed.connect(listen, weak=False)

    event.start += datetime.timedelta(hours=1)
    event.end += datetime.timedelta(hours=1)
    event.save_revision().publish()

    assert Event.objects.get(pk=event.event_id).sequence == 1
    assert told[-1]["sequence"] == 1
    event_schedule_changed.disconnect(listen)


def test_sequence_stays_when_only_the_text_changes(event):
    event.lead = "Uusi kuvaus."
    event.save_revision().publish()

    assert Event.objects.get(pk=event.event_id).sequence == 0


def test_sequence_never_falls_when_an_older_revision_is_published(event):
    old_revision = event.latest_revision
    event.start += datetime.timedelta(days=1)
    event.end += datetime.timedelta(days=1)
    event.save_revision().publish()

    # What the admin's "revert" does: the old version in the form, then published.
    old_revision.as_object().save_revision().publish()

    assert Event.objects.get(pk=event.event_id).sequence == 2

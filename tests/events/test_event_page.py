import datetime
import zoneinfo

from django.core.exceptions import ValidationError
from django.utils import translation

import pytest

from events.formatting import event_when
from events.models import EventPage
from tests.events.factories import EventPageFactory

pytestmark = pytest.mark.django_db
HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")


def test_event_must_end_after_it_starts(index):
    event = EventPageFactory(parent=index)
    event.end = event.start

    with pytest.raises(ValidationError) as error:
        event.full_clean()

    assert "end" in error.value.message_dict


def test_on_site_event_needs_a_venue(index):
    event = EventPageFactory(parent=index)
    event.attendance_mode = EventPage.AttendanceMode.ONSITE

    with pytest.raises(ValidationError) as error:
        event.full_clean()

    assert "venue_name" in error.value.message_dict


def test_upcoming_lists_events_that_have_not_ended_soonest_first(index):
    later = EventPageFactory(parent=index)
    sooner = EventPageFactory(parent=index, start=later.start - datetime.timedelta(days=2))
    EventPageFactory(
        parent=index,
        start=later.start - datetime.timedelta(days=30),
        end=later.start - datetime.timedelta(days=29, hours=23),
    )

    now = later.start - datetime.timedelta(days=5)
    assert list(EventPage.objects.upcoming(now=now)) == [sooner, later]


def test_event_time_is_written_the_finnish_way(index):
    event = EventPageFactory(
        parent=index,
        start=datetime.datetime(2025, 10, 7, 9, 30, tzinfo=HELSINKI),
        end=datetime.datetime(2025, 10, 7, 11, 0, tzinfo=HELSINKI),
    )

    with translation.override("fi"):
        assert event_when(event) == "ti 7.10.2025 klo 9.30–11.00"


def test_event_page_never_shows_the_join_link(client, index):
    event = EventPageFactory(parent=index)

    html = client.get(event.url).content.decode()

    assert event.title in html
    assert "teams.example.org" not in html


def test_calendar_uid_survives_slug_changes_and_moves(index):
    event = EventPageFactory(parent=index, slug="vanha")
    uid = event.calendar_uid

    event.slug = "uusi"
    event.save_revision().publish()
    event.refresh_from_db()

    assert event.calendar_uid == uid

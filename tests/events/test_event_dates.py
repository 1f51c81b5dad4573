"""An event's dates stay in the years 2000–2100: far outside them (a typed or exported
9999) converting to local time overflows and the event's edit page broke."""

import datetime
import zoneinfo

from django.core.exceptions import ValidationError
from django.urls import reverse

import pytest

from tests.events.factories import EventPageFactory

pytestmark = pytest.mark.django_db
HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")


@pytest.mark.parametrize(
    ("field", "moment"),
    [
        ("start", datetime.datetime(9999, 12, 31, 21, tzinfo=datetime.UTC)),
        ("end", datetime.datetime(9999, 12, 31, 21, tzinfo=datetime.UTC)),
        ("start", datetime.datetime(1999, 12, 31, 12, tzinfo=HELSINKI)),
    ],
)
def test_event_outside_2000_to_2100_cannot_be_saved(index, field, moment):
    event = EventPageFactory.build(
        start=datetime.datetime(2027, 2, 3, 9, tzinfo=HELSINKI),
        end=datetime.datetime(2027, 2, 3, 11, tzinfo=HELSINKI),
    )
    setattr(event, field, moment)
    if field == "start":
        event.end = moment + datetime.timedelta(hours=2)

    with pytest.raises(ValidationError) as error:
        event.clean()

    assert field in error.value.message_dict
    assert "2000" in error.value.message_dict[field][0]


def test_edit_page_opens_for_the_last_moment_the_model_accepts(admin_client, index):
    last = datetime.datetime(2100, 12, 31, 23, 59, tzinfo=HELSINKI)
    event = EventPageFactory(parent=index, start=last - datetime.timedelta(hours=2), end=last)
    event.full_clean()

    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[event.pk]))

    assert response.status_code == 200

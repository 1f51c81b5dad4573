"""What the page admin tells an editor about events: what unpublishing does to the
registrants before it happens, and when each event takes place in the explorer."""

import datetime
import re

from django.urls import reverse
from django.utils import timezone

import pytest

from events.models import EventPage, Registration
from tests.events.factories import (
    EventPageFactory,
    EventSeriesPageFactory,
    RegistrationFactory,
)

pytestmark = pytest.mark.django_db

START = datetime.datetime(2027, 2, 5, 13, 0, tzinfo=datetime.UTC)


@pytest.fixture
def event(index):
    event = EventPageFactory(
        parent=index,
        title="Osallistu ja osallista!",
        registration_enabled=True,
        start=START,
        end=START + datetime.timedelta(hours=2),
    )
    event.save_revision().publish()
    return event


def test_the_unpublish_screen_says_how_many_registrants_get_a_cancellation(
    client, admin_user, event
):
    RegistrationFactory.create_batch(2, event=event)
    RegistrationFactory(event=event, status=Registration.Status.CANCELLED)
    client.force_login(admin_user)

    html = client.get(reverse("wagtailadmin_pages:unpublish", args=[event.pk])).content.decode()

    warning = html[html.index('id="unpublish-registrants"') :]
    told = warning[warning.index("<strong>") : warning.index("</strong>")]
    assert re.search(r"\b2\b", told)  # the two active ones, not the cancelled one
    assert 'name="registrations_confirmed"' in html


def test_confirming_the_unpublish_screen_unpublishes_in_one_step(client, admin_user, event):
    RegistrationFactory.create_batch(2, event=event)
    client.force_login(admin_user)

    client.post(
        reverse("wagtailadmin_pages:unpublish", args=[event.pk]),
        {"registrations_confirmed": "1"},
    )

    assert not EventPage.objects.get(pk=event.pk).live
    assert Registration.objects.filter(event=event.event).count() == 2


def test_an_event_without_registrants_unpublishes_without_the_warning(client, admin_user, event):
    client.force_login(admin_user)

    html = client.get(reverse("wagtailadmin_pages:unpublish", args=[event.pk])).content.decode()

    assert 'id="unpublish-registrants"' not in html


def test_the_explorer_of_an_event_index_shows_when_events_take_place(
    client, admin_user, index, event
):
    series = EventSeriesPageFactory(parent=index)
    client.force_login(admin_user)

    response = client.get(reverse("wagtailadmin_explore", args=[index.pk]))
    html = response.content.decode()

    start = timezone.localtime(START)
    assert f"{start.day}.{start.month}.{start.year}" in html
    assert event.title in html and series.title in html  # every kind of child is listed
    assert reverse("wagtailadmin_explore", args=[index.pk]) + "?ordering=event_start" in html


def test_the_event_explorer_sorts_and_searches_by_when(client, admin_user, index, event):
    later = EventPageFactory(parent=index, title="Myöhempi kahvila", start=START.replace(year=2028))
    client.force_login(admin_user)
    url = reverse("wagtailadmin_explore", args=[index.pk])

    html = client.get(url, {"ordering": "-event_start"}).content.decode()
    searched = client.get(url, {"q": "kahvila"})

    assert html.index(later.title) < html.index(event.title)
    assert searched.status_code == 200

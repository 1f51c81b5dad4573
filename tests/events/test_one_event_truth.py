"""One truth per event: its facts, SEQUENCE, seats and calendar state are the same
whatever the language, every change that adds seats serves the waiting list first,
and withdrawing an event tells everyone and keeps the record."""

import datetime

from django.core import mail
from django.urls import reverse
from django.utils import translation

import pytest
import time_machine
from icalendar import Calendar

from cms.factories import translate
from events.admin_forms import SHARED_HELP
from events.models import EventPage, Registration
from tests.events.conftest import NOW
from tests.events.factories import EventPageFactory, RegistrationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]


@pytest.fixture
def index(index, home):
    """The shared index under a home page in Swedish and English (the `event` fixture
    translates the index itself)."""
    translate(home, "sv", title="Startsida", slug="sv")
    translate(home, "en", title="Home", slug="en")
    return index


@pytest.fixture
def event(index, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        event = EventPageFactory(
            parent=index,
            start=NOW + datetime.timedelta(days=7),
            end=NOW + datetime.timedelta(days=7, hours=2),
            registration_enabled=True,
            capacity=2,
        )
        event.save_revision().publish()
        translate(index, "sv", title="Evenemang", slug="evenemang")
        translate(index, "en", title="Events", slug="events")
    return event


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish a page and run what its commit queued (tasks, e-mails)."""

    def publish(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        return EventPage.objects.get(pk=page.pk)

    return publish


def invitation(message):
    part = next(p for p in message.attachments if p.get_content_type() == "text/calendar")
    return part.get_param("method"), Calendar.from_ical(part.get_payload(decode=True))


def feed_vevent(client, language="fi"):
    with translation.override(language):
        response = client.get(reverse("events:feed"))
    assert response.status_code == 200
    return Calendar.from_ical(response.content).walk("VEVENT")[0]


# (1) one record, many translations ------------------------------------------------------


def test_moving_the_finnish_page_moves_every_translation_and_tells_everyone_once(
    client, event, publish
):
    swedish = translate(event, "sv", title="Kafé")
    english = translate(event, "en", title="Café")
    RegistrationFactory(event=event, email="fi@example.org", language="fi")
    RegistrationFactory(event=event, email="sv@example.org", language="sv")
    RegistrationFactory(
        event=event, email="jono@example.org", language="en", status=Registration.Status.WAITING
    )
    mail.outbox.clear()

    event.start += datetime.timedelta(hours=3)
    event.end += datetime.timedelta(hours=3)
    publish(event)

    for page in (swedish, english):
        page.refresh_from_db()
        assert (page.start, page.end) == (event.start, event.end)
    assert sorted(m.to[0] for m in mail.outbox) == [
        "fi@example.org",
        "jono@example.org",
        "sv@example.org",
    ]
    feed = feed_vevent(client)
    swedish_feed = feed_vevent(client, "sv")
    assert swedish_feed["SEQUENCE"] == feed["SEQUENCE"] == 1
    assert swedish_feed["DTSTART"].dt == feed["DTSTART"].dt == event.start
    for message in mail.outbox:
        if message.to == ["jono@example.org"]:
            assert not any(p.get_content_type() == "text/calendar" for p in message.attachments)
            continue
        method, calendar = invitation(message)
        vevent = calendar.walk("VEVENT")[0]
        assert method == "REQUEST"
        assert vevent["UID"] == feed["UID"]
        assert vevent["SEQUENCE"] == feed["SEQUENCE"]
        assert vevent["DTSTART"].dt == feed["DTSTART"].dt
    swedish_mail = next(m for m in mail.outbox if m.to == ["sv@example.org"])
    assert "Kafé" in swedish_mail.subject


def test_a_fact_changed_on_the_swedish_page_changes_the_event_in_every_language(event, publish):
    swedish = translate(event, "sv", title="Kafé")
    RegistrationFactory(event=event, email="fi@example.org")
    mail.outbox.clear()

    swedish.start += datetime.timedelta(days=1)
    swedish.end += datetime.timedelta(days=1)
    swedish.capacity = 50
    publish(swedish)

    finnish = EventPage.objects.get(pk=event.pk)
    assert finnish.start == swedish.start and finnish.capacity == 50
    assert finnish.event_id == swedish.event_id
    assert [m.to for m in mail.outbox] == [["fi@example.org"]]


def test_every_language_edits_the_facts_and_is_told_they_are_shared(
    client, admin_user, event, publish
):
    swedish = translate(event, "sv", title="Kafé")
    client.force_login(admin_user)

    edit = reverse("wagtailadmin_pages:edit", args=[swedish.pk])
    form = client.get(edit).context["form"]

    assert not form.fields["start"].disabled
    assert form.initial["capacity"] == 2
    assert str(SHARED_HELP) in str(form.fields["capacity"].help_text)


def test_the_swedish_series_page_shows_the_seats_of_the_event(client, index, publish):
    from tests.events.factories import EventSeriesPageFactory

    series = EventSeriesPageFactory(parent=index)
    event = EventPageFactory(
        parent=series,
        start=NOW + datetime.timedelta(days=3),
        end=NOW + datetime.timedelta(days=3, hours=1),
        registration_enabled=True,
        capacity=3,
    )
    publish(event)
    translate(index, "sv", title="Evenemang", slug="evenemang")
    swedish_series = translate(series, "sv", title="Serie", slug="serie")
    translate(event, "sv", title="Kafé")
    RegistrationFactory.create_batch(2, event=event)

    with translation.override("sv"):
        html = client.get(swedish_series.url).content.decode()

    assert "Platser kvar: 1" in html


# (2) added seats go to the waiting list first -------------------------------------------


def test_raising_capacity_promotes_the_first_waiting_in_order_and_mails_them(event, publish):
    RegistrationFactory.create_batch(2, event=event)
    waiting = [
        RegistrationFactory(
            event=event,
            status=Registration.Status.WAITING,
            created_at=NOW - datetime.timedelta(minutes=10 - n),
        )
        for n in range(3)
    ]
    mail.outbox.clear()

    event.capacity = 4
    publish(event)

    statuses = [Registration.objects.get(pk=r.pk).status for r in waiting]
    assert statuses == ["confirmed", "confirmed", "waiting"]
    assert [m.to for m in mail.outbox] == [[waiting[0].email], [waiting[1].email]]


def test_staff_deleting_a_confirmed_registration_promotes_the_first_waiting(
    event, django_capture_on_commit_callbacks
):
    confirmed = RegistrationFactory.create_batch(2, event=event)
    first = RegistrationFactory(event=event, status=Registration.Status.WAITING)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        confirmed[0].delete()

    assert Registration.objects.get(pk=first.pk).is_confirmed
    assert [m.to for m in mail.outbox] == [[first.email]]


# (3) and (11) withdrawing an event ------------------------------------------------------


def withdraw_by_unpublishing(event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        event.unpublish()


def test_unpublishing_tells_every_registrant_and_keeps_the_event_as_cancelled_in_the_feed(
    client, event, django_capture_on_commit_callbacks
):
    confirmed = RegistrationFactory(event=event, email="fi@example.org")
    waiting = RegistrationFactory(
        event=event, email="jono@example.org", status=Registration.Status.WAITING
    )
    mail.outbox.clear()

    withdraw_by_unpublishing(event, django_capture_on_commit_callbacks)

    assert sorted(m.to[0] for m in mail.outbox) == ["fi@example.org", "jono@example.org"]
    method, calendar = invitation(next(m for m in mail.outbox if m.to == ["fi@example.org"]))
    assert method == "CANCEL"
    assert calendar.walk("VEVENT")[0]["SEQUENCE"] == 1
    vevent = feed_vevent(client)
    assert vevent["STATUS"] == "CANCELLED"
    assert vevent["SEQUENCE"] == 1
    assert Registration.objects.filter(pk__in=[confirmed.pk, waiting.pk]).count() == 2


def test_withdrawn_event_leaves_the_feeds_after_thirty_days(
    client, event, django_capture_on_commit_callbacks
):
    withdraw_by_unpublishing(event, django_capture_on_commit_callbacks)

    with time_machine.travel(NOW + datetime.timedelta(days=31), tick=False):
        response = client.get(reverse("events:feed"))

    assert Calendar.from_ical(response.content).walk("VEVENT") == []


def test_registrants_own_page_says_the_withdrawn_event_is_cancelled_without_join_link(
    client, event, django_capture_on_commit_callbacks
):
    from events.registrations.links import manage_url

    registration = RegistrationFactory(event=event)
    withdraw_by_unpublishing(event, django_capture_on_commit_callbacks)

    html = client.get(manage_url(registration)).content.decode()

    assert "Tämä tapahtuma on peruttu." in html
    assert "Paikkasi on varmistettu." not in html
    assert "teams.example.org" not in html


def test_deleting_an_event_with_registrations_asks_and_withdraws_it_instead(
    client, admin_user, event, django_capture_on_commit_callbacks
):
    registration = RegistrationFactory(event=event, email="fi@example.org")
    mail.outbox.clear()
    client.force_login(admin_user)
    url = reverse("wagtailadmin_pages:delete", args=[event.pk])

    asked = client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"withdraw_instead": "1"})

    assert "1" in asked.content.decode() and asked.status_code == 200
    assert EventPage.objects.filter(pk=event.pk, live=False).exists()
    assert Registration.objects.filter(pk=registration.pk).exists()
    assert invitation(mail.outbox[-1])[0] == "CANCEL"
    assert feed_vevent(client)["STATUS"] == "CANCELLED"


def test_deleting_a_page_with_registered_events_below_it_is_refused(
    client, admin_user, index, event
):
    registration = RegistrationFactory(event=event)
    client.force_login(admin_user)

    client.post(reverse("wagtailadmin_pages:delete", args=[index.pk]))

    assert EventPage.objects.filter(pk=event.pk, live=True).exists()
    assert Registration.objects.filter(pk=registration.pk).exists()


def test_unpublishing_an_event_with_registrations_asks_with_the_count_first(
    client, admin_user, event
):
    RegistrationFactory.create_batch(3, event=event)
    client.force_login(admin_user)
    url = reverse("wagtailadmin_pages:unpublish", args=[event.pk])

    asked = client.post(url)

    assert asked.status_code == 200
    assert "3" in asked.content.decode()
    assert EventPage.objects.get(pk=event.pk).live
    client.post(url, {"registrations_confirmed": "1"})
    assert not EventPage.objects.get(pk=event.pk).live


def test_waiting_list_hears_when_the_time_changes(event, publish):
    RegistrationFactory.create_batch(2, event=event)
    waiting = RegistrationFactory(event=event, status=Registration.Status.WAITING)
    mail.outbox.clear()

    event.start += datetime.timedelta(days=1)
    event.end += datetime.timedelta(days=1)
    publish(event)

    assert len(mail.outbox) == 3
    told = next(m for m in mail.outbox if m.to == [waiting.email])
    assert "muuttunut" in told.subject.lower() or "Muutos" in told.subject


# (10) "already registered" --------------------------------------------------------------


def test_already_registered_sends_the_link_once_per_hour_however_often_posted(
    client, event, django_capture_on_commit_callbacks
):
    from tests.events.factories import registration_data

    url = reverse("events:register", args=[event.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, registration_data(1))
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        for _attempt in range(5):
            client.post(url, registration_data(1))
    sent_first_hour = len(mail.outbox)
    later = time_machine.travel(NOW + datetime.timedelta(hours=1), tick=False)
    with later, django_capture_on_commit_callbacks(execute=True):
        client.post(url, registration_data(1))

    assert sent_first_hour == 1
    assert len(mail.outbox) == 2

"""One event record: whatever language a page is written, edited, translated or reverted
in, the event has one set of facts, one seat count, one queue and one calendar state."""

import datetime

from django.core import mail
from django.utils import translation

import pytest
import time_machine
from wagtail.models import Locale

from events.models import Event, EventPage, Registration
from events.models.seats import seats_of
from events.registrations import services
from tests.events.factories import EventIndexPageFactory, EventPageFactory, registration_data
from tests.factories import translate

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 11, 2, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def index(home):
    index = EventIndexPageFactory(parent=home)
    translate(home, "sv", title="Startsida", slug="sv")
    translate(index, "sv", title="Evenemang", slug="evenemang")
    return index


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    def publish(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        return EventPage.objects.get(pk=page.pk)

    return publish


def make_event(index, publish, **facts):
    event = EventPageFactory(
        parent=index,
        start=NOW + datetime.timedelta(days=7),
        end=NOW + datetime.timedelta(days=7, hours=2),
        registration_enabled=True,
        **facts,
    )
    return publish(event)


def register(page, n, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        data = {k: v for k, v in registration_data(n).items() if k != "consent"}
        return services.register(page.event, data, language=page.locale.language_code)


def test_a_fact_changed_on_the_finnish_page_is_found_by_a_swedish_search(
    client, index, publish, django_capture_on_commit_callbacks
):
    event = make_event(index, publish, attendance_mode="onsite", municipality="Kuopio")
    translate(event, "sv", title="Kafé om delaktighet")

    event.municipality = "Joensuu"
    publish(event)

    with translation.override("sv"):
        found = client.get("/sv/sok/", {"q": "Joensuu"}).content.decode()
        gone = client.get("/sv/sok/", {"q": "Kuopio"}).content.decode()
    assert "Kafé om delaktighet" in found
    assert "Kafé om delaktighet" not in gone


def test_an_event_written_in_swedish_then_translated_to_finnish_keeps_one_queue(
    index, publish, django_capture_on_commit_callbacks
):
    swedish_index = index.get_translation(Locale.objects.get(language_code="sv"))
    swedish = make_event(swedish_index, publish, capacity=1, title="Kafé")
    first = register(swedish, 1, django_capture_on_commit_callbacks).registration
    waiting = register(swedish, 2, django_capture_on_commit_callbacks).registration

    finnish = translate(swedish, "fi", title="Kahvila")
    again = register(finnish, 2, django_capture_on_commit_callbacks)
    third = register(finnish, 3, django_capture_on_commit_callbacks).registration

    assert finnish.event_id == swedish.event_id
    assert not again.created and again.registration.pk == waiting.pk
    assert Registration.objects.filter(email__iexact="maija2@example.org").count() == 1
    assert (first.status, waiting.status, third.status) == ("confirmed", "waiting", "waiting")
    assert third.waiting_position() == 2
    assert seats_of(finnish) == seats_of(swedish)
    assert (seats_of(finnish).confirmed, seats_of(finnish).waiting) == (1, 2)

    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(first)

    waiting.refresh_from_db()
    third.refresh_from_db()
    assert waiting.is_confirmed and third.waiting_position() == 1


def test_reverting_the_finnish_page_changes_every_language_and_tells_registrants_once(
    index, publish, django_capture_on_commit_callbacks
):
    event = make_event(index, publish)
    swedish = translate(event, "sv", title="Kafé")
    old_revision = EventPage.objects.get(pk=event.pk).latest_revision
    moved = event.start + datetime.timedelta(hours=2)
    event.start, event.end = moved, moved + datetime.timedelta(hours=2)
    event = publish(event)
    register(swedish, 1, django_capture_on_commit_callbacks)
    mail.outbox.clear()

    # What the admin's revert does: the old version in the editor, then published.
    publish(old_revision.as_object())

    swedish = EventPage.objects.get(pk=swedish.pk)
    assert swedish.start == NOW + datetime.timedelta(days=7)
    assert EventPage.objects.get(pk=event.pk).start == swedish.start
    assert [m.to for m in mail.outbox] == [["maija1@example.org"]]
    assert Event.objects.get(pk=event.event_id).sequence == 2


def test_an_old_draft_in_one_language_never_undoes_a_newer_change_in_another(
    index, publish, django_capture_on_commit_callbacks
):
    event = make_event(index, publish, capacity=10)
    swedish = translate(event, "sv", title="Kafé")
    swedish.title = "Kafé (utkast)"
    swedish_draft = swedish.save_revision()

    event.capacity = 20
    publish(event)
    with django_capture_on_commit_callbacks(execute=True):
        swedish_draft.publish()

    assert EventPage.objects.get(pk=swedish.pk).title == "Kafé (utkast)"
    assert Event.objects.get(pk=event.event_id).capacity == 20


def test_a_draft_does_not_change_the_live_event_until_published(index, publish):
    event = make_event(index, publish, capacity=10)

    event.capacity = 30
    event.save_revision()

    assert Event.objects.get(pk=event.event_id).capacity == 10
    assert EventPage.objects.get(pk=event.pk).get_latest_revision_as_object().capacity == 30


def test_a_copied_page_is_a_new_event_with_its_own_record(index, publish):
    event = make_event(index, publish, capacity=10)

    copy = event.copy(update_attrs={"slug": "kopio", "title": "Kopio"}).specific
    copy.capacity = 5
    copy.save()

    assert copy.event_id != event.event_id
    assert Event.objects.get(pk=event.event_id).capacity == 10
    assert copy.start == event.start

"""One event record: whatever language a page is written, edited, translated or reverted
in, the event has one set of facts, one seat count, one queue and one calendar state."""

import datetime

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest
import time_machine

from cms.factories import translate
from events.models import Event, EventPage, Registration
from events.models.seats import seats_of
from events.registrations import services
from tests.events.conftest import NOW
from tests.events.factories import EventPageFactory, registration_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]


@pytest.fixture
def index(index, home):
    """The shared index, with the home page and itself in Swedish."""
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


def admin_form(page, **changes):
    """What the page editor posts for `page`, with `changes`, to publish it."""
    local = timezone.localtime
    data = {
        "title": page.title,
        "slug": page.slug,
        "lead": page.lead,
        "event_type": page.event_type_id,
        "start": local(page.start).strftime("%Y-%m-%d %H:%M"),
        "end": local(page.end).strftime("%Y-%m-%d %H:%M"),
        "status": page.status,
        "attendance_mode": page.attendance_mode,
        "online_platform": page.online_platform,
        "online_join_url": page.online_join_url,
        "language": page.language,
        "registration_enabled": "on",
        "capacity": page.capacity or "",
        "waiting_list_enabled": "on",
        "reminder_hours": page.reminder_hours,
        "speakers": inline_formset([]),
        "registration_questions": inline_formset([]),
        "body": streamfield([]),
        "action-publish": "action-publish",
        **changes,
    }
    return nested_form_data(data)


def test_the_swedish_editor_changes_the_event_for_every_language(
    admin_client, index, publish, django_capture_on_commit_callbacks
):
    event = make_event(index, publish, capacity=10)
    swedish = translate(event, "sv", title="Kafé")

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtailadmin_pages:edit", args=[swedish.pk]),
            admin_form(swedish, capacity=40, title="Kafé om delaktighet"),
        )

    assert response.status_code == 302
    assert EventPage.objects.get(pk=event.pk).capacity == 40
    assert EventPage.objects.get(pk=event.pk).title == event.title
    assert EventPage.objects.get(pk=swedish.pk).title == "Kafé om delaktighet"


def test_a_page_added_in_the_editor_creates_its_record(admin_client, index, publish):
    template = make_event(index, publish, capacity=10)
    add = reverse("wagtailadmin_pages:add", args=["events", "eventpage", index.pk])

    response = admin_client.post(add, admin_form(template, title="Uusi", slug="uusi", capacity=8))

    assert response.status_code == 302
    page = EventPage.objects.get(slug="uusi")
    assert page.live and page.event_id != template.event_id
    assert page.event.translation_key == page.translation_key and page.capacity == 8


def test_an_invalid_fact_is_refused_by_the_editor_and_changes_nothing(admin_client, index, publish):
    event = make_event(index, publish, capacity=10)
    edit = reverse("wagtailadmin_pages:edit", args=[event.pk])

    response = admin_client.post(edit, admin_form(event, end=admin_form(event)["start"]))

    assert response.status_code == 200
    assert "end" in response.context["form"].errors
    assert Event.objects.get(pk=event.event_id).end == event.end


def test_revision_compare_and_revert_screens_show_the_facts(admin_client, index, publish):
    event = make_event(index, publish, capacity=10)
    first = EventPage.objects.get(pk=event.pk).latest_revision
    event.capacity = 12
    event = publish(event)

    compare = reverse(
        "wagtailadmin_pages:revisions_compare",
        args=[event.pk, first.pk, event.latest_revision.pk],
    )
    revert = reverse("wagtailadmin_pages:revisions_revert", args=[event.pk, first.pk])

    assert admin_client.get(compare).status_code == 200
    assert admin_client.get(revert).context["form"].initial["capacity"] == 10


def test_previewing_a_changed_fact_changes_nothing_stored(admin_client, index, publish):
    event = make_event(index, publish, capacity=10)
    preview = reverse("wagtailadmin_pages:preview_on_edit", args=[event.pk])

    posted = admin_client.post(preview, admin_form(event, capacity=99))
    shown = admin_client.get(preview)

    assert posted.json()["is_valid"] and shown.status_code == 200
    assert Event.objects.get(pk=event.event_id).capacity == 10


def test_a_scheduled_revision_changes_the_facts_when_it_goes_live(
    index, publish, django_capture_on_commit_callbacks
):
    event = make_event(index, publish, capacity=10)
    event.capacity = 15
    event.go_live_at = NOW + datetime.timedelta(hours=1)
    event.save_revision(approved_go_live_at=event.go_live_at)

    later = time_machine.travel(NOW + datetime.timedelta(hours=2), tick=False)
    with later, django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled")

    assert Event.objects.get(pk=event.event_id).capacity == 15

"""Publishing a new event while Wagtail's autosave is still creating it (issue 24): the
editor's publish and the background save are two POSTs of one add form, and in either
order, or at once, they make one page, published (cms/page_creation.py)."""

import datetime
import time

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from events.admin_forms import EventPageForm
from events.models import Event, EventPage
from tests.events.factories import EventTypeFactory
from tests.races import all_at_once

AUTOSAVE = {"Accept": "application/json"}


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=["events", "eventpage", index.pk])


def new_event_form(client, index, **changes):
    """What the add form posts for a new café: the hidden creation token is the one the
    form was rendered with, as in the browser."""
    token = client.get(add_url(index)).context["form"]["creation_token"].value()
    start = timezone.localtime() + datetime.timedelta(days=10)
    data = {
        "title": "Etäkahvila: osallisuus arjessa",
        "slug": "etakahvila-osallisuus-arjessa",
        "lead": "Jaetaan kokemuksia osallisuustyöstä.",
        "event_type": EventTypeFactory().pk,
        "start": start.strftime("%Y-%m-%d %H:%M"),
        "end": (start + datetime.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"),
        "status": "scheduled",
        "attendance_mode": "online",
        "online_platform": "Teams",
        "language": "fi",
        "waiting_list_enabled": "on",
        "reminder_hours": 24,
        "speakers": inline_formset([]),
        "registration_questions": inline_formset([]),
        "body": streamfield([]),
        "creation_token": token,
        **changes,
    }
    return nested_form_data(data)


def publishing(data):
    return {**data, "action-publish": "action-publish"}


def the_only_page(index):
    pages = EventPage.objects.child_of(index)
    assert pages.count() == 1
    return pages.get()


@pytest.mark.django_db
def test_publish_posted_to_the_add_url_after_autosave_publishes_the_autosaved_page(
    admin_client, index
):
    data = new_event_form(admin_client, index)

    autosave = admin_client.post(add_url(index), data, headers=AUTOSAVE)
    publish = admin_client.post(add_url(index), publishing(data))

    assert autosave.status_code == 200
    assert publish.status_code == 302, "the publish was refused: slug already in use"
    page = the_only_page(index)
    assert page.live and not page.has_unpublished_changes
    assert Event.objects.count() == 1


@pytest.mark.django_db
def test_autosave_arriving_after_the_publish_changes_nothing(admin_client, index):
    data = new_event_form(admin_client, index)

    publish = admin_client.post(add_url(index), publishing(data))
    late_autosave = admin_client.post(add_url(index), data, headers=AUTOSAVE)

    assert publish.status_code == 302
    assert late_autosave.status_code == 400
    assert late_autosave.json()["error_code"] == "invalid_revision"
    assert late_autosave.json()["error_message"] == "Tallentaminen korvaisi uudemman version."
    page = the_only_page(index)
    assert page.live and not page.has_unpublished_changes


@pytest.mark.django_db
def test_a_later_autosave_of_the_add_form_saves_the_same_page_and_moves_the_form_on(
    admin_client, index
):
    """The add form shown again (a refused publish) keeps its token: its autosaves save
    the page already created and point the form at its edit URL, as Wagtail's own first
    autosave does."""
    data = new_event_form(admin_client, index)
    admin_client.post(add_url(index), data, headers=AUTOSAVE)

    again = admin_client.post(add_url(index), {**data, "lead": "Uusi johdanto."}, headers=AUTOSAVE)

    page = the_only_page(index)
    assert again.status_code == 200
    assert again.json()["url"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert page.get_latest_revision_as_object().lead == "Uusi johdanto."


@pytest.mark.django_db
def test_another_add_form_with_a_taken_slug_is_still_refused(admin_client, index):
    """Only the form that created the page continues it: a second new event with the
    same slug is a new page, refused as before."""
    first = new_event_form(admin_client, index)
    admin_client.post(add_url(index), first, headers=AUTOSAVE)

    second = admin_client.post(add_url(index), publishing(new_event_form(admin_client, index)))

    assert second.status_code == 200
    assert "slug" in second.context["form"].errors
    assert not the_only_page(index).live


@pytest.fixture
def slow_form(monkeypatch):
    """Validating the form takes a while, so that without the lock both requests pass
    the slug check before either creates the page (then one answered 500, "slug already
    in use"; seen failing that way)."""
    clean = EventPageForm.clean

    def slow_clean(form):
        cleaned = clean(form)
        time.sleep(0.3)
        return cleaned

    monkeypatch.setattr(EventPageForm, "clean", slow_clean)


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="races need PostgreSQL row locks")
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("slow_form")
def test_publish_and_autosave_at_once_make_one_published_page(index):
    user = get_user_model().objects.create_superuser("toimittaja", "toimittaja@example.org", "x")
    editor, background = Client(), Client()
    for client in (editor, background):
        client.force_login(user)
    data = new_event_form(editor, index)
    answers = {}

    def publish():
        answers["publish"] = editor.post(add_url(index), publishing(data))

    def autosave():
        answers["autosave"] = background.post(add_url(index), data, headers=AUTOSAVE)

    errors = all_at_once(publish, autosave)

    assert errors == [], f"on {connection.vendor}"
    assert answers["publish"].status_code == 302
    assert answers["autosave"].status_code in (200, 400)
    page = the_only_page(index)
    assert page.live


@pytest.mark.django_db
def test_an_autosave_of_a_new_event_with_only_its_title_is_refused_not_a_server_error(
    admin_client, index
):
    """Drafts defer required fields, but the event record cannot be stored without its
    type and times: until they are filled, autosave says so and stores nothing."""
    data = new_event_form(admin_client, index, event_type="", start="", end="")

    autosave = admin_client.post(add_url(index), data, headers=AUTOSAVE)
    draft = admin_client.post(add_url(index), data)

    assert autosave.status_code == 400
    assert autosave.json()["error_code"] == "validation_error"
    assert draft.status_code == 200
    assert draft.context["form"].errors.keys() >= {"event_type", "start", "end"}
    assert not EventPage.objects.child_of(index).exists()
    assert not Event.objects.exists()

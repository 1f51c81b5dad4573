"""An extra registration question the editor added and left empty (issue 24): autosave
does not store it, and a draft that already holds one publishes without it, instead of
failing the next day on "This field is required"."""

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest

from events.models import EventPage, RegistrationQuestion
from tests.events.test_event_record import admin_form, make_event

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]

AUTOSAVE = {"Accept": "application/json"}
EMPTY = {"label": "", "help_text": "", "kind": "text", "choices": ""}


@pytest.fixture
def publish():
    def publish(page):
        page.save_revision().publish()
        return EventPage.objects.get(pk=page.pk)

    return publish


def with_questions(event, *questions, **changes):
    data = admin_form(event, **changes)
    data = {k: v for k, v in data.items() if not k.startswith("registration_questions-")}
    return {**data, **nested_form_data({"registration_questions": inline_formset(questions)})}


def drafting(data):
    return {k: v for k, v in data.items() if k != "action-publish"}


def test_autosave_does_not_store_an_empty_question(admin_client, index, publish):
    event = make_event(index, publish)
    edit = reverse("wagtailadmin_pages:edit", args=[event.pk])

    answer = admin_client.post(edit, drafting(with_questions(event, EMPTY)), headers=AUTOSAVE)

    assert answer.status_code == 200
    draft = EventPage.objects.get(pk=event.pk).get_latest_revision_as_object()
    assert list(draft.registration_questions.all()) == []


def test_autosave_keeps_a_question_with_words(admin_client, index, publish):
    event = make_event(index, publish)
    edit = reverse("wagtailadmin_pages:edit", args=[event.pk])
    question = {**EMPTY, "label": "Ruokavalio"}

    admin_client.post(edit, drafting(with_questions(event, question)), headers=AUTOSAVE)

    draft = EventPage.objects.get(pk=event.pk).get_latest_revision_as_object()
    assert [q.label for q in draft.registration_questions.all()] == ["Ruokavalio"]


def test_a_draft_holding_an_empty_question_publishes_without_it(admin_client, index, publish):
    """Drafts autosaved before the fix hold the empty question; the editor sees it
    again and publishes the form as it stands."""
    event = make_event(index, publish)
    event.registration_questions.add(RegistrationQuestion(label=""))
    event.save_revision()
    edit = reverse("wagtailadmin_pages:edit", args=[event.pk])
    assert admin_client.get(edit).context["form"].formsets["registration_questions"].forms

    answer = admin_client.post(edit, with_questions(event, EMPTY, title="Päivitetty"))

    assert answer.status_code == 302, answer.context and answer.context["form"].errors
    page = EventPage.objects.get(pk=event.pk)
    assert page.live and page.title == "Päivitetty"
    assert not page.registration_questions.exists()


def test_a_question_without_its_label_is_still_refused(admin_client, index, publish):
    """Choices are real work: the question is kept and its missing label reported."""
    event = make_event(index, publish)
    edit = reverse("wagtailadmin_pages:edit", args=[event.pk])
    question = {**EMPTY, "kind": "choice", "choices": "Kasvis\nVegaani"}

    answer = admin_client.post(edit, with_questions(event, question))

    assert answer.status_code == 200
    errors = answer.context["form"].formsets["registration_questions"].errors
    assert errors[0]["label"] == ["Tämä kenttä on pakollinen."]

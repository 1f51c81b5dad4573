import datetime
import io

from django.core import mail
from django.core.management import call_command
from django.db import OperationalError
from django.urls import reverse
from django.utils import translation

import pytest
import time_machine

from cms.factories import translate
from cms.models import OutgoingEmail
from events.models import EmailDelivery, Registration, RegistrationQuestion
from events.models.seats import seats_of
from events.registrations import services, views
from events.registrations.links import registration_token
from tests.events.conftest import NOW
from tests.events.factories import (
    EventPageFactory,
    RegistrationFactory,
    registration_data,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]


@pytest.fixture
def event(index):
    event = EventPageFactory(
        parent=index,
        start=NOW + datetime.timedelta(days=7),
        end=NOW + datetime.timedelta(days=7, hours=2),
        registration_enabled=True,
        capacity=2,
    )
    event.save_revision().publish()
    return event


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """Post the registration form and run what the view queued after its commit."""

    def post(event, n=0, **fields):
        url = reverse("events:register", args=[event.pk])
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, registration_data(n, **fields))

    return post


def test_registering_confirms_a_seat_and_mails_an_invitation_with_the_join_link(post, event):
    response = post(event)

    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.is_confirmed
    message = mail.outbox[-1]
    assert message.to == ["maija0@example.org"]
    assert "teams.example.org" in message.body
    assert "teams.example.org" in message.alternatives[0].content
    invite = next(
        part for part in message.attachments if part.get_content_type() == "text/calendar"
    )
    assert invite.get_param("method") == "REQUEST"
    ics = invite.get_payload(decode=True).decode()
    assert "METHOD:REQUEST" in ics
    assert f"UID:{event.calendar_uid}" in ics
    assert "ATTENDEE" in ics and "ORGANIZER" in ics
    assert EmailDelivery.objects.get().message.status == OutgoingEmail.Status.SENT


def test_full_event_puts_people_on_the_waiting_list_with_their_position(client, post, event):
    for n in range(3):
        post(event, n)

    waiting = Registration.objects.waiting().get()
    assert waiting.waiting_position() == 1
    assert "teams.example.org" not in mail.outbox[-1].body
    response = client.get(reverse("events:manage", args=[registration_token(waiting)]))
    assert "teams.example.org" not in response.content.decode()


def test_second_registration_with_same_email_takes_no_seat(post, event):
    post(event)
    response = post(event, 0, email="MAIJA0@example.org")

    assert response.status_code == 200
    assert Registration.objects.count() == 1
    assert EmailDelivery.objects.last().kind == EmailDelivery.Kind.LINK
    assert mail.outbox[-1].to == ["maija0@example.org"]


def test_cancelling_frees_the_seat_for_the_first_on_the_waiting_list(
    client, post, event, django_capture_on_commit_callbacks
):
    for n in range(3):
        post(event, n)
    first = Registration.objects.confirmed().first()

    url = reverse("events:manage", args=[registration_token(first)])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "cancel"})

    first.refresh_from_db()
    assert first.is_cancelled
    promoted = Registration.objects.get(email="maija2@example.org")
    assert promoted.is_confirmed
    assert mail.outbox[-1].to == ["maija2@example.org"]
    assert "teams.example.org" in mail.outbox[-1].body


def test_full_event_without_waiting_list_says_so(post, event):
    event.waiting_list_enabled = False
    event.save_revision().publish()
    RegistrationFactory.create_batch(2, event=event)

    response = post(event)

    assert response.status_code == 409
    assert "täynnä" in response.content.decode()


def test_tampered_link_shows_a_friendly_page(client, event):
    registration = RegistrationFactory(event=event)
    token = registration_token(registration) + "x"

    response = client.get(reverse("events:manage", args=[token]))

    assert response.status_code == 400


def test_reminder_goes_out_once_even_when_the_task_runs_twice(
    event, django_capture_on_commit_callbacks
):
    RegistrationFactory(event=event)
    with (
        time_machine.travel(event.start - datetime.timedelta(hours=20), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.send_due_reminders()
        services.send_due_reminders()

    reminders = EmailDelivery.objects.filter(kind=EmailDelivery.Kind.REMINDER)
    assert reminders.count() == 1
    assert len(mail.outbox) == 1


def test_lock_wait_timeout_asks_to_try_again_and_saves_nothing(post, event, monkeypatch):
    def busy(event_pk):
        raise OperationalError("canceling statement due to lock timeout")

    monkeypatch.setattr(services, "_locked_event", busy)

    response = post(event)

    assert response.status_code == 429
    assert "yritä uudelleen" in response.content.decode()
    assert not Registration.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field_error"),
    [
        ({"email": "ei-osoite"}, "muodossa nimi@example.org"),
        ({"name": ""}, "Anna nimesi"),
        ({"needs": "x" * 1001}, "1000"),
        ({"consent": ""}, "tietosuojaseloste"),
    ],
)
def test_bad_input_is_answered_with_a_clear_message(post, event, fields, field_error):
    response = post(event, **fields)

    assert response.status_code == 400
    assert field_error in response.content.decode()
    assert not Registration.objects.exists()


def test_a_refused_registration_says_error_first_in_the_page_title(post, event):
    response = post(event, email="ei-osoite")

    assert "<title>Virhe: " in response.content.decode()


def test_script_in_answers_is_stored_and_shown_as_text(client, post, event):
    post(event, needs="<script>alert(1)</script>")
    registration = Registration.objects.get()

    html = client.get(reverse("events:manage", args=[registration_token(registration)]))

    assert registration.needs == "<script>alert(1)</script>"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html.content.decode()
    assert "<script>alert(1)" not in html.content.decode()


def test_bots_filling_the_honeypot_are_turned_away(post, event):
    response = post(event, homepage="https://spam.example.org")

    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_too_many_registrations_from_one_address_are_slowed_down(post, event, monkeypatch):
    monkeypatch.setattr(views.ADDRESS_LIMIT, "limit", 3)
    responses = [post(event, n).status_code for n in range(4)]

    assert responses[-1] == 429
    assert Registration.objects.count() == 3


def test_one_person_posting_again_and_again_is_slowed_down(post, event):
    responses = [post(event, 0).status_code for _attempt in range(6)]

    assert responses[:5] == [302, 200, 200, 200, 200]
    assert responses[-1] == 429
    assert len(mail.outbox) == 2  # the confirmation, then the link once this hour


def test_an_office_behind_one_address_can_register_many_people(post, event):
    event.capacity = None
    event.save_revision().publish()

    responses = [post(event, n).status_code for n in range(12)]

    assert responses == [302] * 12


def test_unpublished_event_takes_no_registrations(post, event):
    event.unpublish()

    response = post(event)

    assert response.status_code == 404
    assert not Registration.objects.exists()


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"status": "cancelled"}, "peruttu"),
        ({"registration_enabled": False}, "ei ota ilmoittautumisia"),
        ({"registration_closes": NOW - datetime.timedelta(hours=1)}, "päättynyt"),
        ({"registration_opens": NOW + datetime.timedelta(days=1)}, "alkaa"),
    ],
)
def test_closed_registration_says_why(post, event, change, reason):
    for name, value in change.items():
        setattr(event, name, value)
    event.save_revision().publish()

    response = post(event)

    assert response.status_code == 409
    assert reason in response.content.decode()


def test_past_event_takes_no_registrations(post, event):
    with time_machine.travel(event.end + datetime.timedelta(hours=1), tick=False):
        response = post(event)

    assert response.status_code == 409
    assert not Registration.objects.exists()


def test_registrant_can_change_their_answers(client, event):
    registration = RegistrationFactory(event=event)
    url = reverse("events:manage", args=[registration_token(registration)])

    response = client.post(url, {"action": "change", "name": "Uusi Nimi", "organisation": "THL"})

    assert response.status_code == 302
    registration.refresh_from_db()
    assert (registration.name, registration.organisation) == ("Uusi Nimi", "THL")


def test_expired_personal_link_shows_a_friendly_page(client, event):
    registration = RegistrationFactory(event=event)
    token = registration_token(registration)

    with time_machine.travel(NOW + datetime.timedelta(days=500), tick=False):
        response = client.get(reverse("events:manage", args=[token]))

    assert response.status_code == 400
    assert "linkki ei toimi" in response.content.decode().lower()


def test_e_mail_is_kept_while_the_mail_server_is_down_and_sent_on_the_next_attempt(
    event, monkeypatch, django_capture_on_commit_callbacks
):
    registration = RegistrationFactory(event=event)

    def broken_send(self, fail_silently=False):
        raise ConnectionError("SMTP down")

    with monkeypatch.context() as patched:
        patched.setattr("django.core.mail.EmailMultiAlternatives.send", broken_send)
        with django_capture_on_commit_callbacks(execute=True):
            delivery = services.queue_email(registration, EmailDelivery.Kind.CONFIRMATION)
    message = OutgoingEmail.objects.get(pk=delivery.message_id)
    assert message.status == OutgoingEmail.Status.QUEUED
    assert "SMTP down" in message.last_error
    assert mail.outbox == []

    with (
        time_machine.travel(NOW + datetime.timedelta(minutes=2), tick=False),
        django_capture_on_commit_callbacks(execute=True),  # the command's sends: after commit
    ):
        call_command("send_queued_email", stdout=io.StringIO())

    message.refresh_from_db()
    assert message.status == OutgoingEmail.Status.SENT
    assert message.attempts == 2
    assert mail.outbox[-1].to == [registration.email]
    assert "invite.ics" in str(mail.outbox[-1].message())


def test_reminder_moves_with_the_event(event, django_capture_on_commit_callbacks):
    RegistrationFactory(event=event)
    with django_capture_on_commit_callbacks(execute=True):
        with time_machine.travel(event.start - datetime.timedelta(hours=20), tick=False):
            services.send_due_reminders()
        event.start += datetime.timedelta(days=7)
        event.end += datetime.timedelta(days=7)
        event.save_revision().publish()
        with time_machine.travel(event.start - datetime.timedelta(hours=30), tick=False):
            assert services.send_due_reminders() == 0
        with time_machine.travel(event.start - datetime.timedelta(hours=2), tick=False):
            assert services.send_due_reminders() == 1

    assert EmailDelivery.objects.filter(kind=EmailDelivery.Kind.REMINDER).count() == 2


def test_reminder_carries_the_join_link(event, django_capture_on_commit_callbacks):
    RegistrationFactory(event=event)
    with (
        time_machine.travel(event.start - datetime.timedelta(hours=2), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.send_due_reminders()

    assert "teams.example.org" in mail.outbox[-1].body


def test_anonymisation_blanks_personal_data_and_keeps_counts(event):
    RegistrationFactory.create_batch(2, event=event, needs="Gluteeniton")
    RegistrationFactory(event=event, status=Registration.Status.CANCELLED)

    assert services.anonymise_registrations(days=90, now=event.end) == 0
    later = event.end + datetime.timedelta(days=91)
    assert services.anonymise_registrations(days=90, now=later) == 3

    registrations = Registration.objects.filter(event=event.event)
    assert set(registrations.values_list("email", flat=True)) == {""}
    assert set(registrations.values_list("needs", flat=True)) == {""}
    assert seats_of(event).confirmed == 2
    assert registrations.counts()["cancelled"] == 1


def test_extra_questions_are_asked_and_required_ones_enforced(post, event):
    event.registration_questions.add(
        RegistrationQuestion(
            label="Ruokavalio", kind="choice", choices="Seka\nKasvis", required=True
        )
    )
    event.save_revision().publish()
    question = RegistrationQuestion.objects.get()

    missing = post(event, 0)
    answered = post(event, 1, **{question.field_name: "Kasvis"})

    assert missing.status_code == 400
    assert answered.status_code == 302
    assert Registration.objects.get().answers == {str(question.key): "Kasvis"}


def test_swedish_page_shares_the_seats_and_mails_in_swedish(client, post, event):
    translate(event.get_parent().get_parent().specific, "sv", title="Startsida", slug="sv")
    swedish = translate(event, "sv", title="Kafé på svenska")
    RegistrationFactory.create_batch(2, event=event)

    html = client.get(swedish.url).content.decode()
    assert "Fullt" in html

    with translation.override("sv"):
        response = post(swedish)

    assert response.status_code == 302
    registration = Registration.objects.get(email="maija0@example.org")
    assert registration.event_id == event.event_id and registration.is_waiting
    assert registration.language == "sv"
    assert mail.outbox[-1].subject == "Du står i kö: Kafé på svenska"


def test_event_page_with_registration_form_needs_few_queries(
    client, event, django_assert_max_num_queries
):
    RegistrationFactory.create_batch(5, event=event)
    client.get(event.url)

    with django_assert_max_num_queries(30):
        response = client.get(event.url)

    assert response.status_code == 200


def test_rate_limit_counts_each_visitor_behind_the_proxy_on_its_own(
    client, event, settings, monkeypatch
):
    settings.TRUSTED_PROXY_COUNT = 1
    monkeypatch.setattr(views.ADDRESS_LIMIT, "limit", 3)
    url = reverse("events:register", args=[event.pk])
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for n in range(3):
        client.post(url, registration_data(n), HTTP_X_FORWARDED_FOR="192.0.2.1", **proxy)

    other = client.post(url, registration_data(9), HTTP_X_FORWARDED_FOR="192.0.2.2", **proxy)
    again = client.post(url, registration_data(8), HTTP_X_FORWARDED_FOR="192.0.2.1", **proxy)

    assert other.status_code == 302
    assert again.status_code == 429
    assert again["Retry-After"] == "600"


def test_language_switch_on_a_failed_form_opens_the_event_page_not_a_405(client, post, event):
    """The switcher turns the POST address of a failed form into a GET in another language."""
    translate(event.get_parent().get_parent().specific, "sv", title="Startsida", slug="sv")
    swedish = translate(event, "sv", title="Kafé på svenska")
    assert post(event, email="").status_code == 400
    with translation.override("sv"):  # also keeps the request's Swedish out of later tests
        address = reverse("events:register", args=[event.pk])
        response = client.get(address)

    assert address.startswith("/sv/")
    assert response.status_code == 302
    assert response["Location"] == swedish.url + "#registration-heading"
    assert not Registration.objects.exists()


def _translate_question(page, **fields):
    """Change the one question of `page` (a translation) and publish it."""
    question = page.registration_questions.get()
    for name, value in fields.items():
        setattr(question, name, value)
    page.registration_questions = [question]
    page.save_revision().publish()
    return question


def test_a_question_worded_on_the_swedish_page_is_one_question_in_every_language(
    client, admin_user, post, event
):
    event.registration_questions.add(
        RegistrationQuestion(label="Mitä odotat kahvilalta?", help_text="Vapaasti", kind="text")
    )
    event.save_revision().publish()
    translate(event.get_parent().get_parent().specific, "sv", title="Startsida", slug="sv")
    swedish = translate(event, "sv", title="Kafé på svenska")
    question = _translate_question(
        swedish, label="Vad väntar du dig av kaféet?", help_text="Fritt formulerat"
    )
    finnish_question = event.registration_questions.get()
    assert question.key == finnish_question.key  # copied for translation: one question

    swedish_form = client.get(swedish.url).content.decode()
    finnish_form = client.get(event.url).content.decode()
    assert "Vad väntar du dig av kaféet?" in swedish_form and "Fritt formulerat" in swedish_form
    assert "Mitä odotat kahvilalta?" not in swedish_form and "Vapaasti" not in swedish_form
    assert "Mitä odotat kahvilalta?" in finnish_form and "Vapaasti" in finnish_form

    assert post(event, 0, **{finnish_question.field_name: "Vertaistukea"}).status_code == 302
    with translation.override("sv"):
        assert post(swedish, 1, **{question.field_name: "Kamratstöd"}).status_code == 302

    key = str(question.key)
    answers = {r.language: r.answers for r in Registration.objects.all()}
    assert answers == {"fi": {key: "Vertaistukea"}, "sv": {key: "Kamratstöd"}}
    client.force_login(admin_user)
    listing = client.get(reverse("events_registrations", args=[event.pk])).content.decode()
    assert listing.count("<dt>Mitä odotat kahvilalta?</dt>") == 2
    assert "Vad väntar du dig av kaféet?" not in listing
    assert "Vertaistukea" in listing and "Kamratstöd" in listing
    swedish_listing = client.get(reverse("events_registrations", args=[swedish.pk])).content
    assert swedish_listing.decode().count("<dt>Vad väntar du dig av kaféet?</dt>") == 2


def test_a_swedish_registrant_reads_their_answers_worded_in_swedish(client, post, event):
    event.registration_questions.add(
        RegistrationQuestion(label="Mitä odotat kahvilalta?", kind="text")
    )
    event.save_revision().publish()
    translate(event.get_parent().get_parent().specific, "sv", title="Startsida", slug="sv")
    swedish = translate(event, "sv", title="Kafé på svenska")
    question = _translate_question(swedish, label="Vad väntar du dig av kaféet?")
    with translation.override("sv"):
        post(swedish, 1, **{question.field_name: "Kamratstöd"})
        registration = Registration.objects.get()
        html = client.get(reverse("events:manage", args=[registration_token(registration)]))

    html = html.content.decode()
    assert "Vad väntar du dig av kaféet?" in html and "Kamratstöd" in html
    assert "Mitä odotat kahvilalta?" not in html


def test_a_withdrawn_event_says_cancelled_to_its_registrants_with_no_cancel_or_join(
    client, event, django_capture_on_commit_callbacks
):
    registration = RegistrationFactory(event=event)
    manage = reverse("events:manage", args=[registration_token(registration)])

    with django_capture_on_commit_callbacks(execute=True):
        event.unpublish()

    message = mail.outbox[-1]
    with translation.override("fi"):
        cancelled = translation.gettext("This event has been cancelled.")
        subject = translation.gettext("Cancelled: %(title)s") % {"title": event.title}
    assert message.to == [registration.email] and message.subject == subject
    assert cancelled in message.body
    assert "teams.example.org" not in message.body
    assert manage not in message.body and manage not in message.alternatives[0].content
    response = client.get(manage)
    html = response.content.decode()
    assert response.status_code == 200
    assert cancelled in html
    assert 'value="cancel"' not in html and 'value="change"' not in html
    assert "teams.example.org" not in html
    assert client.post(manage, {"action": "cancel"}).status_code == 200
    registration.refresh_from_db()
    assert registration.is_confirmed  # nothing to cancel: the event itself is


def test_an_address_mail_cannot_be_sent_to_gets_a_field_error_and_stores_nothing(event, post):
    """Before: `maija@exa\ufffdmple.org` was registered; its mail failed forever."""
    response = post(event, email="maija@exa\ufffdmple.org")

    assert response.status_code == 400
    assert "email" in response.context["form"].errors
    assert not Registration.objects.exists()
    assert not OutgoingEmail.objects.exists()

"""After a save in the page admin that mails people, the editor is told how many were
told and of what (issue 24): the waiting list promoted into a raised capacity, a new
time or place, a cancellation, a withdrawal by unpublishing or by "delete"."""

import datetime

from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from django.utils import timezone

import pytest

from events.models import EventPage, Registration
from events.registrations import services
from tests.events.conftest import NOW
from tests.events.factories import EventPageFactory, RegistrationFactory
from tests.events.test_event_record import admin_form

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen", "commit_callbacks")]

START = NOW + datetime.timedelta(days=7)


@pytest.fixture
def event(index):
    """Capacity 2: two confirmed, two waiting, one cancelled and one anonymised (who is
    counted in the seats but is nobody to write to)."""
    event = EventPageFactory(
        parent=index,
        registration_enabled=True,
        capacity=2,
        start=START,
        end=START + datetime.timedelta(hours=2),
    )
    event.save_revision().publish()
    RegistrationFactory.create_batch(2, event=event)
    RegistrationFactory.create_batch(2, event=event, status=Registration.Status.WAITING)
    RegistrationFactory(event=event, status=Registration.Status.CANCELLED)
    erased = RegistrationFactory(event=event)
    services.anonymise(Registration.objects.filter(pk=erased.pk), timezone.now())
    mail.outbox.clear()
    return EventPage.objects.get(pk=event.pk)


@pytest.fixture
def editor(client, admin_user):
    client.force_login(admin_user)
    return client


def said(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def publish(editor, event, **changes):
    return editor.post(
        reverse("wagtailadmin_pages:edit", args=[event.pk]), admin_form(event, **changes)
    )


def test_a_raised_capacity_says_how_many_on_the_waiting_list_got_a_seat(editor, event):
    response = publish(editor, event, capacity=5)

    assert "2 jonossa ollutta sai paikan ja viestin." in said(response)
    assert len(mail.outbox) == 2


def test_one_promoted_is_said_in_the_singular(editor, event):
    response = publish(editor, event, capacity=4)

    assert "1 jonossa ollut sai paikan ja viestin." in said(response)


def test_a_new_time_says_how_many_registrants_are_told(editor, event):
    later = timezone.localtime(event.start + datetime.timedelta(hours=1))

    response = publish(
        editor,
        event,
        start=later.strftime("%Y-%m-%d %H:%M"),
        end=(later + datetime.timedelta(hours=2)).strftime("%Y-%m-%d %H:%M"),
    )

    assert "4 ilmoittautunutta saa tiedon ajan muutoksesta." in said(response)
    assert len(mail.outbox) == 4  # the two confirmed and the two waiting


def test_a_cancellation_says_how_many_registrants_are_told(editor, event):
    response = publish(editor, event, status=EventPage.Status.CANCELLED)

    assert "4 ilmoittautunutta saa tiedon tapahtuman peruuntumisesta." in said(response)
    assert len(mail.outbox) == 4


def test_text_edits_say_nothing_about_anyone_told(editor, event):
    response = publish(editor, event, lead="Uusi kuvaus.")

    assert not [text for text in said(response) if "saa tiedon" in text or "jonossa" in text]
    assert mail.outbox == []


def test_unpublishing_says_how_many_registrants_are_told(editor, event):
    response = editor.post(
        reverse("wagtailadmin_pages:unpublish", args=[event.pk]), {"registrations_confirmed": "1"}
    )

    assert "4 ilmoittautunutta saa tiedon tapahtuman peruuntumisesta." in said(response)
    assert len(mail.outbox) == 4


def test_withdrawing_instead_of_deleting_says_how_many_registrants_are_told(editor, event):
    response = editor.post(
        reverse("wagtailadmin_pages:delete", args=[event.pk]), {"withdraw_instead": "1"}
    )

    assert "4 ilmoittautunutta saa tiedon tapahtuman peruuntumisesta." in said(response)
    assert len(mail.outbox) == 4

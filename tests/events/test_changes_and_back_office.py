import csv
import datetime
import io

from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse

from wagtail.models import GroupPagePermission

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from cms.models import OutgoingEmail
from events.models import EmailDelivery, Registration
from tests.events.factories import EventPageFactory, RegistrationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("commit_callbacks")]


@pytest.fixture
def event(index):
    event = EventPageFactory(parent=index, registration_enabled=True, capacity=1)
    event.save_revision().publish()
    RegistrationFactory(event=event, name="Maija Meikäläinen", email="maija@example.org")
    RegistrationFactory(
        event=event,
        name="Matti Virtanen",
        email="matti@example.org",
        status=Registration.Status.WAITING,
        needs='=HYPERLINK("http://evil.example.org")',
    )
    mail.outbox.clear()
    return event


def invitation(message):
    part = next(p for p in message.attachments if p.get_content_type() == "text/calendar")
    return part, Calendar.from_ical(part.get_payload(decode=True))


def test_moving_the_event_sends_registrants_an_update_with_a_higher_sequence(event):
    event.start += datetime.timedelta(hours=2)
    event.end += datetime.timedelta(hours=2)
    event.save_revision().publish()

    assert sorted(m.to[0] for m in mail.outbox) == ["maija@example.org", "matti@example.org"]
    confirmed = next(m for m in mail.outbox if m.to == ["maija@example.org"])
    waiting = next(m for m in mail.outbox if m.to == ["matti@example.org"])
    assert not any(p.get_content_type() == "text/calendar" for p in waiting.attachments)
    part, calendar = invitation(confirmed)
    assert part.get_param("method") == "REQUEST"
    vevent = calendar.walk("VEVENT")[0]
    assert vevent["UID"] == event.calendar_uid
    assert vevent["SEQUENCE"] == 1
    assert "teams.example.org" in confirmed.body
    assert "teams.example.org" not in waiting.body


def test_cancelling_the_event_sends_a_cancellation_to_everyone(event):
    event.status = event.Status.CANCELLED
    event.save_revision().publish()

    assert sorted(m.to[0] for m in mail.outbox) == ["maija@example.org", "matti@example.org"]
    confirmed = next(m for m in mail.outbox if m.to == ["maija@example.org"])
    part, calendar = invitation(confirmed)
    assert part.get_param("method") == "CANCEL"
    assert str(calendar["METHOD"]) == "CANCEL"
    assert calendar.walk("VEVENT")[0]["STATUS"] == "CANCELLED"
    assert "teams.example.org" not in confirmed.body


def test_text_edits_send_nothing(event):
    event.lead = "Uusi kuvaus."
    event.save_revision().publish()

    assert mail.outbox == []


def staff(django_user_model, event, *, codenames=()):
    user = django_user_model.objects.create_user("toimittaja", password="x")
    group = Group.objects.create(name="Toimittajat")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        group.permissions.add(Permission.objects.get(codename=codename))
    GroupPagePermission.objects.create(group=group, page=event, permission_type="change")
    user.groups.add(group)
    return user


def test_editors_without_the_permission_see_counts_but_no_personal_data(
    client, django_user_model, event
):
    client.force_login(staff(django_user_model, event))

    response = client.get(reverse("events_registrations", args=[event.pk]))
    html = response.content.decode()

    assert response.status_code == 200
    assert 'id="count-confirmed">1 / 1' in html
    assert 'id="count-waiting">1' in html
    assert "maija@example.org" not in html and "Maija" not in html
    export = client.get(reverse("events_registration_export", args=[event.pk, "csv"]))
    assert export.status_code == 403
    assert b"maija@example.org" not in export.content


def test_users_with_the_permission_see_search_and_export_registrants(
    client, django_user_model, event
):
    user = staff(django_user_model, event, codenames=["view_registration", "change_registration"])
    client.force_login(user)

    html = client.get(reverse("events_registrations", args=[event.pk]) + "?q=matti").content
    assert b"matti@example.org" in html and b"maija@example.org" not in html

    response = client.get(reverse("events_registration_export", args=[event.pk, "csv"]))
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[1][:2] == ["Maija Meikäläinen", "maija@example.org"]
    assert rows[2][5].startswith("'=")

    response = client.get(reverse("events_registration_export", args=[event.pk, "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["B3"].value == "matti@example.org"


def test_people_who_cannot_edit_the_event_are_refused(client, django_user_model, event):
    user = django_user_model.objects.create_user("lukija", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    response = client.get(reverse("events_registrations", args=[event.pk]))

    assert response.status_code == 302  # Wagtail's "permission denied" redirect


def test_staff_cancel_promotes_the_waiting_list(client, admin_user, event):
    client.force_login(admin_user)
    maija = Registration.objects.get(email="maija@example.org")

    client.post(reverse("events_registration_action", args=[maija.pk, "cancel"]))

    assert Registration.objects.get(email="matti@example.org").is_confirmed
    assert "matti@example.org" in [m.to[0] for m in mail.outbox]


def test_staff_mark_attendance_and_message_confirmed_registrants(client, admin_user, event):
    client.force_login(admin_user)
    maija = Registration.objects.get(email="maija@example.org")

    client.post(reverse("events_registration_action", args=[maija.pk, "attended"]))
    client.post(
        reverse("events_registration_message", args=[event.pk]),
        {"subject": "Materiaalit", "body": "Tallenne on nyt katsottavissa."},
    )

    assert Registration.objects.filter(event=event.event).counts()["attended"] == 1
    assert [m.subject for m in mail.outbox] == ["Materiaalit"]
    assert mail.outbox[0].to == ["maija@example.org"]


def test_staff_add_a_registration_by_hand(client, admin_user, event):
    client.force_login(admin_user)

    client.post(
        reverse("events_registration_add", args=[event.pk]),
        {"name": "Liisa Lisätty", "email": "liisa@example.org"},
    )

    added = Registration.objects.get(email="liisa@example.org")
    assert added.added_by_staff and added.is_waiting


def test_staff_send_failed_e_mails_again(client, admin_user, event):
    maija = Registration.objects.get(email="maija@example.org")
    failed = OutgoingEmail.objects.create(
        to=maija.email,
        subject="Ilmoittautuminen vahvistettu",
        text="Paikkasi on varmistettu.",
        purpose="events.confirmation",
        status=OutgoingEmail.Status.FAILED,
        attempts=5,
    )
    EmailDelivery.objects.create(
        registration=maija, kind=EmailDelivery.Kind.CONFIRMATION, message=failed
    )
    client.force_login(admin_user)
    assert (
        "Lähetä epäonnistuneet"
        in client.get(reverse("events_registrations", args=[event.pk])).content.decode()
    )

    client.post(reverse("events_registration_retry_emails", args=[event.pk]))

    failed.refresh_from_db()
    assert failed.status == OutgoingEmail.Status.SENT
    assert mail.outbox[-1].to == ["maija@example.org"]


def test_event_pages_in_the_admin_link_to_their_registrations(client, admin_user, event):
    client.force_login(admin_user)

    html = client.get(reverse("wagtailadmin_pages:edit", args=[event.pk])).content.decode()

    assert reverse("events_registrations", args=[event.pk]) in html

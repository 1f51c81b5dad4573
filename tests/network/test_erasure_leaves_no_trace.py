"""Erasure is complete: a person who used every public form (event registration,
newsletter subscription and its confirmation, member sign-in, a participation-week
submission, the event survey) and whose records staff edited in the admin is erased,
then the whole database is dumped and holds neither their address nor their name, in
any case. Wagtail's own tables are part of the dump: the admin log's labels and data,
revisions, search index entries."""

import datetime
import io
import json
import re
import zoneinfo

from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from wagtail.models import ModelLogEntry, Revision

import pytest
import time_machine
from bs4 import BeautifulSoup

from cms.models import Region
from events.models import (
    Registration,
    Submission,
    SurveyAnswer,
    SurveyInvitation,
    SurveyVersion,
)
from events.surveys import services as surveys
from network.models import Member
from newsletters.models import Subscriber, Subscription
from tests.events.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    EventTypeFactory,
    ParticipationWeekPageFactory,
)
from tests.newsletters.factories import MailingListFactory

# Each request's on-commit work (the outbox's send task) runs as the request ends.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("committed")]

HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")
NOW = datetime.datetime(2026, 12, 1, 12, tzinfo=HELSINKI)
EMAIL = "Kielo.Varpunen@Example.org"
NAME = "Kielo Väinämö Varpunen"
OTHER_EMAIL = "toinen.ihminen@example.org"


def link_in_last_mail(pattern):
    return re.search(pattern, mail.outbox[-1].body).group(0)


def resubmit_admin_form(client, url, **changes):
    """Post an admin edit form back as the admin rendered it, with `changes`: what a
    member of staff does when they correct a field and press Save."""
    page = client.get(url)
    assert page.status_code == 200, url
    soup = BeautifulSoup(page.content, "html.parser")
    form = next(
        form
        for form in soup.find_all("form")
        if form.get("method", "").lower() == "post"
        and form.find("input", {"name": "csrfmiddlewaretoken"})
        and form.find(["input", "select", "textarea"], {"name": re.compile(r"^(?!csrf)")})
        and not form.get("action", "").endswith("/logout/")
    )
    data = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.get("type") in {"submit", "button", "file"}:
            continue
        if field.name == "select":
            chosen = [
                o.get("value", o.text) for o in field.find_all("option") if o.has_attr("selected")
            ]
            if field.has_attr("multiple"):
                data[name] = chosen
            elif chosen:
                data[name] = chosen[0]
        elif field.name == "textarea":
            data[name] = field.text
        elif field.get("type") in {"checkbox", "radio"}:
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        else:
            data[name] = field.get("value", "")
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, (url, response.content.decode()[:3000])
    return response


def database_dump():
    """Every row of every table, as `dumpdata` writes it (base managers, so nothing is
    filtered out)."""
    out = io.StringIO()
    call_command("dumpdata", all=True, stdout=out)
    return json.loads(out.getvalue())


def _strings(value):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, str):
        yield value


def _traces(dump, text):
    """Where in the dump `text` appears, ignoring case: model, primary key, the value."""
    needle = text.lower()
    return [
        (row["model"], row["pk"], string[:200])
        for row in dump
        for string in _strings(row["fields"])
        if needle in string.lower()
    ]


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser("staff", "staff@example.org", "pw")


def test_a_person_who_used_every_form_and_was_edited_by_staff_leaves_no_trace(
    home, staff, django_capture_on_commit_callbacks
):
    visitor = Client()
    admin = Client()
    admin.force_login(staff)
    region = Region.objects.create(name_fi="Keski-Suomi", slug="keski-suomi")
    event_type = EventTypeFactory(slug="tyopaja", name_fi="Työpaja")
    newsletter = MailingListFactory()

    with time_machine.travel(NOW, tick=False):
        index = EventIndexPageFactory(parent=home)
        event = EventPageFactory(
            parent=index,
            start=NOW + datetime.timedelta(days=2),
            end=NOW + datetime.timedelta(days=2, hours=2),
            registration_enabled=True,
            capacity=10,
        )
        event.save_revision().publish()
        week = ParticipationWeekPageFactory(parent=index)
        week.save_revision().publish()

        # Registration for an event.
        response = visitor.post(
            reverse("events:register", args=[event.pk]),
            {
                "name": NAME,
                "email": EMAIL,
                "organisation": f"{NAME} Oy",
                "needs": f"{NAME} tarvitsee induktiosilmukan.",
                "consent": "on",
            },
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        # Someone else, who must stay.
        visitor2 = Client()
        visitor2.post(
            reverse("events:register", args=[event.pk]),
            {"name": "Toinen Ihminen", "email": OTHER_EMAIL, "consent": "on"},
        )

        # Newsletter subscription and its confirmation.
        response = visitor.post(
            reverse("newsletters:subscribe"),
            {
                "subscribe-email": EMAIL,
                "subscribe-name": NAME,
                "subscribe-mailing_lists": [newsletter.pk],
            },
        )
        assert response.status_code == 302
        response = visitor.post(link_in_last_mail(r"https?://\S+/vahvista/\S+/"))
        assert response.status_code == 200

        # Participation-week submission, the person's own name as the organiser.
        response = visitor.post(
            week.submit_url,
            {
                "organiser_name": NAME,
                "contact_name": NAME,
                "contact_email": EMAIL,
                "title": "Osallisuuskahvila kirjastossa",
                "description": f"Tule juttelemaan. Kysy {NAME}lta.",
                "event_type": event_type.pk,
                "start": "2027-02-02T10:00",
                "end": "2027-02-02T12:00",
                "attendance_mode": "onsite",
                "venue_name": "Pääkirjasto",
                "street_address": "Vapaudenkatu 39",
                "municipality": "Jyväskylä",
                "region": region.pk,
                "language": "fi",
                "accessibility_info": f"Kysy esteettömyydestä: {EMAIL.lower()}",
                "link": "",
                "website": "",
            },
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        submission = Submission.objects.get(contact_email=EMAIL)
        assert submission.status == Submission.Status.PENDING

        # Staff edit the person's records in the admin: each save is logged by Wagtail.
        member = Member.objects.get(email__iexact=EMAIL)
        subscriber = Subscriber.objects.get(email__iexact=EMAIL)
        subscription = Subscription.objects.get(subscriber=subscriber)
        resubmit_admin_form(
            admin,
            reverse("wagtailsnippets_network_member:edit", args=[member.pk]),
            name=NAME,
        )
        resubmit_admin_form(
            admin,
            reverse("wagtailsnippets_newsletters_subscriber:edit", args=[subscriber.pk]),
            organisation="Jyväskylän kaupunki",
        )
        resubmit_admin_form(
            admin,
            reverse("wagtailsnippets_newsletters_subscription:edit", args=[subscription.pk]),
        )
        resubmit_admin_form(
            admin,
            reverse("participation_week_submissions:edit", args=[submission.pk]),
            municipality="Jyväskylä",
        )

    # The event ends; its survey is answered. (Invitation and answer are stored by the
    # services the hourly job and the survey page call: both are being moved to the
    # event record elsewhere. The answer holds no person by design.)
    with time_machine.travel(event.end + datetime.timedelta(hours=3), tick=False):
        registration = Registration.objects.get(email__iexact=EMAIL)
        invitation = SurveyInvitation.objects.create(
            registration=registration, event=registration.event, version=SurveyVersion.current()
        )
        statements = invitation.version.statement_texts()
        surveys.record_answer(invitation, {pk: 4 for pk, _text in statements}, "Hyvä tilaisuus.")
        assert SurveyAnswer.objects.count() == 1

        # Member sign-in.
        response = visitor.post(reverse("network:sign_in_request"), {"email": EMAIL.lower()})
        assert response.status_code == 302
        response = visitor.post(link_in_last_mail(r"http://testserver/\S*kirjaudu/\S+/"))
        assert response["Location"] == reverse("network:my_page")

        staff_edits = ModelLogEntry.objects.filter(user=staff).count()
        assert staff_edits >= 4
        before = database_dump()
        assert _traces(before, EMAIL) and _traces(before, NAME)  # the check can see them
        assert any(EMAIL.lower() in entry.label.lower() for entry in ModelLogEntry.objects.all())

        # The person deletes themselves on My page.
        response = visitor.post(reverse("network:delete"), {"confirm": "on"})
        assert response.status_code == 200

    after = database_dump()
    leftovers = [*_traces(after, EMAIL), *_traces(after, NAME), *_traces(after, "Varpunen")]
    assert leftovers == [], "\n".join(map(str, leftovers))
    # What is not the person's stays: the other registrant, the audit trail of staff edits
    # (who did what, when), the counts.
    assert _traces(after, OTHER_EMAIL)
    assert ModelLogEntry.objects.filter(user=staff).count() == staff_edits
    assert Registration.objects.count() == 2
    assert Subscriber.objects.count() == 1
    assert SurveyAnswer.objects.count() == 1
    assert Submission.objects.count() == 1


def test_revisions_of_a_registered_record_are_forgotten_with_it(home):
    """No snippet that holds a person keeps revisions today; should one start to, its
    revisions (full copies of the record) go with the person."""
    from django.contrib.contenttypes.models import ContentType

    from network.members import data_rights

    member = Member.objects.create(email=EMAIL, name=NAME)
    subscriber = Subscriber.objects.create(email=EMAIL, name=NAME, member=member)
    content_type = ContentType.objects.get_for_model(Subscriber)
    Revision.objects.create(
        content_type=content_type,
        base_content_type=content_type,
        object_id=str(subscriber.pk),
        content={"email": EMAIL, "name": NAME},
        object_str=EMAIL,
    )

    data_rights.erase(member)

    assert not Revision.objects.filter(
        object_id=str(subscriber.pk), content_type=content_type
    ).exists()
    assert _traces(database_dump(), EMAIL) == []

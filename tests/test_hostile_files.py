"""A corpus of hostile files (NUL bytes, deep nesting, huge fields, bad encodings,
unbalanced quotes) sent to every upload endpoint and every ESP webhook: none may answer
5xx, and none may leave anything half-saved.

Upload endpoints: the .ics import, the subscriber CSV import, the network spreadsheet
import (CSV and XLSX). Webhooks: anymail's 14 tracking URLs, each served and configured.
"""

import base64

from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest
from anymail import urls as anymail_urls

from events.models import EventPage, ImportedEvent
from network.models import Organisation, Project
from newsletters.models import Subscriber, SubscriberImport
from tests.events.factories import EventIndexPageFactory, EventTypeFactory
from tests.newsletters.factories import MailingListFactory

pytestmark = [
    pytest.mark.django_db,
    # The SendinBlue URL is deprecated and SendGrid unsupported: anymail warns per call.
    pytest.mark.filterwarnings("ignore::anymail.exceptions.AnymailDeprecationWarning"),
    pytest.mark.filterwarnings("ignore::anymail.exceptions.AnymailNotSupportedWarning"),
]

HUGE = "x" * 200_000
DEEP = "[" * 100_000 + "]" * 100_000


def ics(*lines):
    event = "".join(f"{line}\r\n" for line in lines)
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\n"
        f"{event}END:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode("utf-8", "surrogateescape")


def vevent(**props):
    base = {
        "UID": "hostile@example.org",
        "SUMMARY": "Vihamielinen",
        "DTSTART": "20270210T093000Z",
        "DTEND": "20270210T110000Z",
    }
    return ics(*(f"{k.replace('_', '-')}:{v}" for k, v in {**base, **props}.items() if v))


ICS_CORPUS = {
    "nul_summary": vevent(SUMMARY="Vihamielinen\x00tapahtuma"),
    "nul_description": vevent(DESCRIPTION="a\x00b"),
    "nul_uid": vevent(UID="nul\x00@example.org"),
    "nul_location": vevent(LOCATION="Sali\x00 1"),
    "nul_bytes_everywhere": b"BEGIN:VCALENDAR\r\n" + b"\x00" * 5000,
    "date_start_datetime_end": ics(
        "UID:mixed@example.org",
        "SUMMARY:Sekava",
        "DTSTART;VALUE=DATE:20270210",
        "DTEND:20270211T100000Z",
    ),
    "huge_summary": vevent(SUMMARY=HUGE),
    "huge_description": vevent(DESCRIPTION="<b>" * 60_000),
    "not_utf8": vevent(SUMMARY="Hyv\udce4"),
    "utf16": "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".encode("utf-16"),
    "deep_nesting": b"BEGIN:VCALENDAR\r\n" + b"BEGIN:VEVENT\r\n" * 20_000,
    "unclosed_quote_param": vevent(**{'DTSTART;TZID="Europe/Helsinki': "20270210T093000"}),
    "unbalanced_components": b"BEGIN:VCALENDAR\r\nEND:VEVENT\r\nEND:VEVENT\r\n",
}

CSV_HEADER = "email;name;organisation;language\n"
CSV_CORPUS = {
    "nul_cell": CSV_HEADER + "ni\x00l@example.org;Nul;;fi\n",
    "nul_header": "em\x00ail;name\n",
    "huge_field": CSV_HEADER + f"iso@example.org;{HUGE};;fi\n",
    "huge_unquoted_line": CSV_HEADER + HUGE + "\n",
    "huge_quoted_field": CSV_HEADER + f'iso@example.org;"{HUGE}";;fi\n',
    "unclosed_quote": CSV_HEADER + 'eka@example.org;"Eka;;fi\ntoka@example.org;Toka;;fi\n',
    "stray_quote": CSV_HEADER + 'eka@example.org;"Eka"x;;fi\n',
    "not_utf8": (CSV_HEADER + "ä@example.org;Ä;;fi\n").encode("cp1252"),
    "utf16": (CSV_HEADER + "a@example.org;A;;fi\n").encode("utf-16"),
    "undeliverable_address": CSV_HEADER + "maija@exa\ufffdmple.org;Maija;;fi\n",
    "deep_nesting": CSV_HEADER + DEEP[:50_000] + "\n",
    "only_delimiters": CSV_HEADER + ";" * 50_000 + "\n",
    "carriage_returns": CSV_HEADER.replace("\n", "\r") + "\r" * 10_000,
}

NETWORK_HEADER = "name,implementer,implementer_type,regions,start_date,end_date,contact_email\n"
NETWORK_CORPUS = {
    "nul_cell.csv": NETWORK_HEADER + "Hanke\x00,Yhdistys,,,,,\n",
    "huge_field.csv": NETWORK_HEADER + f"Hanke,{HUGE},,,,,\n",
    "huge_quoted_field.csv": NETWORK_HEADER + f'Hanke,"{HUGE}",,,,,\n',
    "unclosed_quote.csv": NETWORK_HEADER + 'Hanke,"Yhdistys,,,,,\nToinen,Yhdistys,,,,,\n',
    "not_utf8.csv": (NETWORK_HEADER + "Hanke\x81\x8d,Yhdistys,,,,,\n").encode("latin-1"),
    "deep_nesting.csv": NETWORK_HEADER + DEEP[:50_000] + ",,,,,,\n",
    "undeliverable_address.csv": NETWORK_HEADER + "Hanke,Yhdistys,,,,,maija@exa\ufffdmple.org\n",
    "garbage.xlsx": b"PK\x03\x04" + b"\x00" * 1000,
    "nul.xlsx": b"\x00" * 1000,
}


def as_bytes(data):
    return data if isinstance(data, bytes) else data.encode("utf-8")


@pytest.fixture
def index(home):
    return EventIndexPageFactory(parent=home)


@pytest.mark.parametrize("name", ICS_CORPUS)
def test_ics_import_never_answers_5xx_or_half_saves(admin_client, index, name):
    response = admin_client.post(
        reverse("events_import_ics"),
        {
            "file": SimpleUploadedFile("ohjelma.ics", ICS_CORPUS[name], "text/calendar"),
            "parent": index.pk,
            "event_type": EventTypeFactory().pk,
        },
    )

    assert response.status_code < 500
    report = response.context["report"]
    if report is None:  # refused as a whole
        assert response.status_code == 400
    saved = EventPage.objects.count()
    assert saved == ImportedEvent.objects.count()
    assert saved == (len(report.created) if report else 0)
    if name.startswith("nul") or name == "date_start_datetime_end":
        assert saved == 0 and (report is None or report.rejected)


@pytest.mark.parametrize("name", CSV_CORPUS)
def test_subscriber_import_never_answers_5xx_or_half_saves(
    admin_client, name, django_capture_on_commit_callbacks
):
    mailing_list = MailingListFactory()
    file = SimpleUploadedFile("tilaajat.csv", as_bytes(CSV_CORPUS[name]), "text/csv")

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("newsletters_admin:import"),
            {"mailing_list": mailing_list.pk, "file": file, "consent_text": "Messuilla"},
        )

    assert response.status_code in (302, 400)
    for job in SubscriberImport.objects.all():  # ran, and kept no copy of the file
        assert job.status == SubscriberImport.Status.FINISHED and job.content == ""
        assert job.processed_rows == job.total_rows
    if name == "unclosed_quote":
        assert list(Subscriber.objects.values_list("email", flat=True)) == ["toka@example.org"]
    elif name not in ("not_utf8", "utf16"):
        assert not Subscriber.objects.exists()


@pytest.fixture
def network_staff(client, django_user_model):
    user = django_user_model.objects.create_user("tuoja", password="x", is_staff=True)
    group = Group.objects.create(name="Tuojat")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(
            codename__in=["add_project", "change_project", "add_organisation"]
        ),
    )
    user.groups.add(group)
    client.force_login(user)
    return client


@pytest.mark.parametrize("name", NETWORK_CORPUS)
def test_network_import_never_answers_5xx_or_half_saves(network_staff, name):
    file = SimpleUploadedFile(name, as_bytes(NETWORK_CORPUS[name]))

    response = network_staff.post(
        reverse("network_admin:import"), {"kind": "projects", "file": file}
    )

    assert response.status_code < 500
    report = response.context["report"]
    created = len(report.created) if report else 0
    assert Project.objects.count() == created
    if name in ("unclosed_quote.csv", "undeliverable_address.csv") or name.startswith("nul"):
        assert created == 0
    assert Organisation.objects.count() <= created


TRACKING = [p for p in anymail_urls.urlpatterns if p.name.endswith("tracking_webhook")]
ESPS = [str(p.pattern).split("/")[0] for p in TRACKING]
ESP_KEYS = [
    "MAILGUN_WEBHOOK_SIGNING_KEY",
    "MAILERSEND_SIGNING_SECRET",
    "MANDRILL_WEBHOOK_KEY",
    "POSTAL_WEBHOOK_KEY",
    "UNISENDER_GO_API_KEY",
]
WEBHOOK_CORPUS = {
    "deep_nesting": DEEP,
    "deep_object": '{"a":' * 50_000 + "1" + "}" * 50_000,
    "deep_in_a_string_field": '{"Type":"Notification","MessageId":"1","Message":"'
    + "[" * 100_000
    + '"}',
    "nul": '{"event": "bounce\x00", "email": "a\x00@example.org"}',
    "nul_bytes": "\x00" * 1000,
    "huge_field": '{"event": "' + "x" * 2_000_000 + '"}',
    "not_utf8": b'{"event": "\xff\xfe"}',
    "utf16": '{"event": "bounce"}'.encode("utf-16"),
    "unbalanced_quote": '{"event": "bounce, "email": "a@example.org"}',
    "unbalanced_brackets": "]]]]}}}}" * 1000,
    "form_encoded_deep": "mandrill_events=" + "%5B" * 100_000,
}


@pytest.mark.parametrize("name", WEBHOOK_CORPUS)
@pytest.mark.parametrize("pattern", TRACKING, ids=ESPS)
def test_webhooks_never_answer_5xx_or_record_anything(client, settings, pattern, name):
    from newsletters.models import DeliveryEvent

    settings.NEWSLETTER_WEBHOOK_ESPS = ESPS
    settings.ANYMAIL = {"WEBHOOK_SECRET": "hook:secret", **dict.fromkeys(ESP_KEYS, "key")}
    body = WEBHOOK_CORPUS[name]
    content_type = (
        "application/x-www-form-urlencoded" if name.startswith("form") else "application/json"
    )

    response = client.generic(
        "POST",
        reverse(f"newsletters:anymail:{pattern.name}"),
        as_bytes(body),
        content_type=content_type,
        HTTP_AUTHORIZATION="Basic " + base64.b64encode(b"hook:secret").decode(),
        HTTP_X_AMZ_SNS_MESSAGE_TYPE="Notification",
        HTTP_X_AMZ_SNS_MESSAGE_ID="1",
    )

    assert response.status_code < 500
    assert not DeliveryEvent.objects.exists()

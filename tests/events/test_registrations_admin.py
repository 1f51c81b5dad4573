"""The registrations screen staff work in: who came, who moves, who gets a message,
and the spreadsheet they open in Finnish Excel."""

import csv
import datetime
import io
import re

from django.urls import reverse
from django.utils.translation import gettext, override

import pytest
from openpyxl import load_workbook

from cms.factories import translate
from cms.models import SiteSettings
from cms.models.pages import StandardPage
from events.models import Registration, RegistrationQuestion
from events.registrations import exports, services
from tests.events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(index):
    event = EventPageFactory(
        parent=index, title="Etäkahvila Kuopiossa", registration_enabled=True, capacity=2
    )
    question = RegistrationQuestion(page=event, label="Mitä odotat kahvilalta?")
    event.registration_questions.add(question)
    event.save_revision().publish()
    question = RegistrationQuestion.objects.get(page=event)
    RegistrationFactory(
        event=event,
        name="Maija Meikäläinen",
        email="maija@example.org",
        answers={str(question.key): "Vertaistukea"},
    )
    RegistrationFactory(event=event, name="Pekka Paikallinen", email="pekka@example.org")
    RegistrationFactory(
        event=event,
        name="Matti Virtanen",
        email="matti@example.org",
        status=Registration.Status.WAITING,
    )
    return event


def registration(email):
    return Registration.objects.get(email=email)


def test_the_screen_is_headed_by_the_event_and_shows_answers(client, admin_user, event):
    client.force_login(admin_user)

    html = client.get(reverse("events_registrations", args=[event.pk])).content.decode()

    assert re.search(r"<h1[^>]*>\s*(<[^>]+>\s*)*Etäkahvila Kuopiossa", html)
    assert "Mitä odotat kahvilalta?" in html and "Vertaistukea" in html


def test_rows_have_no_move_dropdown_and_waiting_rows_offer_no_attendance(client, admin_user, event):
    client.force_login(admin_user)
    matti = registration("matti@example.org")

    html = client.get(reverse("events_registrations", args=[event.pk])).content.decode()

    assert 'id="move-' not in html
    assert html.count('name="target"') == 0  # no other events: no move control at all
    assert reverse("events_registration_action", args=[matti.pk, "attended"]) not in html
    assert reverse("events_registration_action", args=[matti.pk, "promote"]) in html


def test_a_waiting_registrant_cannot_be_marked_attended(client, admin_user, event):
    client.force_login(admin_user)
    matti = registration("matti@example.org")

    client.post(reverse("events_registration_action", args=[matti.pk, "attended"]))

    assert not registration("matti@example.org").attended


def test_bulk_marks_ticked_confirmed_registrants_attended(client, admin_user, event):
    client.force_login(admin_user)
    ticked = [registration(e).pk for e in ("maija@example.org", "matti@example.org")]

    client.post(
        reverse("events_registration_bulk", args=[event.pk]),
        {"action": "attended", "registration": ticked},
    )

    assert registration("maija@example.org").attended
    assert not registration("matti@example.org").attended  # waiting: held no seat
    assert not registration("pekka@example.org").attended  # not ticked


def test_bulk_ignores_registrations_of_other_events(client, admin_user, event):
    other = EventPageFactory(parent=event.get_parent(), registration_enabled=True)
    stranger = RegistrationFactory(event=other, email="vieras@example.org")
    client.force_login(admin_user)

    client.post(
        reverse("events_registration_bulk", args=[event.pk]),
        {"action": "attended", "registration": [stranger.pk]},
    )

    stranger.refresh_from_db()
    assert not stranger.attended


def test_bulk_moves_ticked_registrations_to_another_event(client, admin_user, event):
    other = EventPageFactory(
        parent=event.get_parent(), title="Toinen kahvila", registration_enabled=True
    )
    other.save_revision().publish()
    client.force_login(admin_user)
    matti = registration("matti@example.org")

    client.post(
        reverse("events_registration_bulk", args=[event.pk]),
        {"action": "move", "target": other.pk, "registration": [matti.pk]},
    )

    matti.refresh_from_db()
    assert matti.is_cancelled
    assert Registration.objects.get(event=other.event).email == "matti@example.org"


def test_message_form_says_send_and_counts_the_recipients(client, admin_user, event):
    client.force_login(admin_user)

    with override("fi"):
        html = client.get(reverse("events_registration_message", args=[event.pk])).content
        button = gettext("Send the message")
    html = html.decode()

    assert f">{button}</button>" in html
    assert re.search(r'id="form-intro">[^<]*\b2\b', html)  # Maija and Pekka, not Matti


def test_xlsx_export_has_real_dates_and_a_readable_privacy_notice(client, admin_user, event, home):
    notice = home.add_child(instance=StandardPage(title="Tietosuojaseloste", slug="tietosuoja"))
    notice.save_revision().publish()
    notice.refresh_from_db()
    settings = SiteSettings.for_site(home.get_site())
    settings.privacy_page = notice
    settings.save()
    Registration.objects.filter(email="maija@example.org").update(
        consent_version=services.privacy_notice_version(settings)
    )
    client.force_login(admin_user)

    response = client.get(reverse("events_registration_export", args=[event.pk, "xlsx"]))

    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = {row[1].value: row for row in sheet.iter_rows(min_row=2)}
    maija = rows["maija@example.org"]
    assert isinstance(maija[8].value, datetime.datetime)
    assert maija[9].value.startswith("Tietosuojaseloste (")
    assert "revision" not in maija[9].value
    assert maija[10].value == "Vertaistukea"


def test_csv_export_is_separated_by_semicolons(client, admin_user, event):
    client.force_login(admin_user)

    response = client.get(reverse("events_registration_export", args=[event.pk, "csv"]))

    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[1][:2] == ["Maija Meikäläinen", "maija@example.org"]
    assert rows[1][-1] == "Vertaistukea"


def test_the_xlsx_export_is_offered_first(client, admin_user, event):
    client.force_login(admin_user)

    html = client.get(reverse("events_registrations", args=[event.pk])).content.decode()

    xlsx = html.index(reverse("events_registration_export", args=[event.pk, "xlsx"]))
    assert xlsx < html.index(reverse("events_registration_export", args=[event.pk, "csv"]))


@pytest.fixture
def swedish(event, home):
    """The event translated to Swedish, its question worded in Swedish."""
    translate(home, "sv", title="Startsida", slug="sv")
    swedish = translate(event, "sv", title="Distanskafé i Kuopio")
    question = swedish.registration_questions.get()
    question.label = "Vad väntar du dig av kaféet?"
    swedish.registration_questions = [question]
    swedish.save_revision().publish()
    return swedish


def csv_rows(client, page):
    response = client.get(reverse("events_registration_export", args=[page.pk, "csv"]))
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_answers_given_on_the_swedish_and_finnish_pages_share_one_column(
    client, admin_user, event, swedish
):
    question = swedish.registration_questions.get()
    RegistrationFactory(
        event=swedish,
        name="Sara Svensson",
        email="sara@example.org",
        language="sv",
        answers={str(question.key): "Kamratstöd"},
    )
    client.force_login(admin_user)

    finnish_rows = csv_rows(client, event)
    swedish_rows = csv_rows(client, swedish)

    assert len(finnish_rows[0]) == len(exports.HEADERS) + 1  # one column for the question
    assert finnish_rows[0][-1] == "Mitä odotat kahvilalta?"
    assert swedish_rows[0][-1] == "Vad väntar du dig av kaféet?"
    for rows in (finnish_rows, swedish_rows):
        answers = {row[1]: row[-1] for row in rows[1:]}
        assert answers["maija@example.org"] == "Vertaistukea"
        assert answers["sara@example.org"] == "Kamratstöd"
        assert len(rows) == 5  # Maija, Pekka, Matti and Sara: one event


def test_a_chosen_option_is_worded_in_the_language_of_the_export(client, admin_user, home):
    index = EventIndexPageFactory(parent=home)
    event = EventPageFactory(parent=index, title="Kahvila", registration_enabled=True)
    event.registration_questions.add(
        RegistrationQuestion(label="Juoma", kind="choice", choices="Kahvi\nTee")
    )
    event.save_revision().publish()
    translate(home, "sv", title="Startsida", slug="sv")
    swedish = translate(event, "sv", title="Kafé")
    question = swedish.registration_questions.get()
    question.label, question.choices = "Dryck", "Kaffe\nTe"
    swedish.registration_questions = [question]
    swedish.save_revision().publish()
    key = str(question.key)
    RegistrationFactory(event=event, email="fi@example.org", answers={key: "Kahvi"})
    RegistrationFactory(event=event, email="sv@example.org", language="sv", answers={key: "Te"})
    client.force_login(admin_user)

    finnish = {row[1]: row[-1] for row in csv_rows(client, event)[1:]}
    in_swedish = {row[1]: row[-1] for row in csv_rows(client, swedish)[1:]}

    assert finnish == {"fi@example.org": "Kahvi", "sv@example.org": "Tee"}
    assert in_swedish == {"fi@example.org": "Kaffe", "sv@example.org": "Te"}


def test_the_swedish_page_lists_every_registrant_of_the_event(client, admin_user, swedish):
    client.force_login(admin_user)

    html = client.get(reverse("events_registrations", args=[swedish.pk])).content.decode()

    assert "Maija Meikäläinen" in html and "Matti Virtanen" in html
    assert "<dt>Vad väntar du dig av kaféet?</dt><dd>Vertaistukea</dd>" in html


def test_staff_add_a_registration_in_the_language_of_the_page(client, admin_user, swedish):
    client.force_login(admin_user)

    client.post(
        reverse("events_registration_add", args=[swedish.pk]),
        {"name": "Sara Svensson", "email": "sara@example.org"},
    )

    sara = registration("sara@example.org")
    assert sara.event_id == swedish.event_id and sara.language == "sv"


def test_an_event_is_never_offered_as_a_move_to_itself_in_another_language(
    client, admin_user, event, swedish
):
    other = EventPageFactory(parent=event.get_parent(), title="Toinen kahvila")
    other.registration_enabled = True
    other.save_revision().publish()
    client.force_login(admin_user)

    html = client.get(reverse("events_registrations", args=[event.pk])).content.decode()

    targets = html[html.index('id="bulk-move-target"') :]
    targets = targets[: targets.index("</select>")]
    assert f'value="{other.pk}"' in targets
    assert f'value="{swedish.pk}"' not in targets and f'value="{event.pk}"' not in targets


def test_an_action_on_a_row_returns_to_the_language_it_was_taken_in(client, admin_user, swedish):
    client.force_login(admin_user)
    matti = registration("matti@example.org")

    response = client.post(
        reverse("events_registration_action", args=[matti.pk, "promote"]), {"page": swedish.pk}
    )

    assert response["Location"] == reverse("events_registrations", args=[swedish.pk])
    assert registration("matti@example.org").is_confirmed

"""Withdrawal is one act: unpublishing or deleting any language's page of an event with
registrants asks once, naming the languages going offline and the people told; then
the event is withdrawn in every language, each registrant hears once, and every
language's page keeps answering, saying that the event was cancelled."""

import datetime

from django.core import mail
from django.urls import reverse

from wagtail.models import PageViewRestriction

import pytest
from icalendar import Calendar

from cms.factories import translate
from events.models import EmailDelivery, Event, EventPage, Registration
from tests.events.conftest import NOW
from tests.events.factories import EventPageFactory, RegistrationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]
EMAILS = ["eka@example.org", "toka@example.org", "jono@example.org"]


@pytest.fixture
def index(index, home):
    """The shared index, with the home page and itself in Swedish."""
    translate(home, "sv", title="Startsida", slug="sv")
    translate(index, "sv", title="Evenemang", slug="evenemang")
    return index


@pytest.fixture
def pages(index, django_capture_on_commit_callbacks):
    """A full Finnish and Swedish event: two confirmed registrants and one waiting."""
    with django_capture_on_commit_callbacks(execute=True):
        finnish = EventPageFactory(
            parent=index,
            title="Osallisuuskahvila",
            start=NOW + datetime.timedelta(days=7),
            end=NOW + datetime.timedelta(days=7, hours=2),
            registration_enabled=True,
            capacity=2,
            waiting_list_enabled=True,
        )
        finnish.save_revision().publish()
        swedish = translate(finnish, "sv", title="Delaktighetskafé", slug="delaktighetskafe")
    RegistrationFactory(event=finnish, email=EMAILS[0])
    RegistrationFactory(event=finnish, email=EMAILS[1], language="sv")
    RegistrationFactory(event=finnish, email=EMAILS[2], status=Registration.Status.WAITING)
    mail.outbox.clear()
    return {"fi": EventPage.objects.get(pk=finnish.pk), "sv": EventPage.objects.get(pk=swedish.pk)}


def methods_by_recipient():
    found = {}
    for message in mail.outbox:
        for part in message.attachments:
            if getattr(part, "get_content_type", lambda: "")() == "text/calendar":
                calendar = Calendar.from_ical(part.get_payload(decode=True))
                found.setdefault(message.to[0], []).append(str(calendar["METHOD"]))
    return found


def assert_withdrawn_everywhere_and_told_once(client, pages, urls):
    assert not EventPage.objects.filter(pk__in=[p.pk for p in pages.values()], live=True)
    assert Event.objects.get(pk=pages["fi"].event_id).withdrawn_at is not None
    assert methods_by_recipient() == {email: ["CANCEL"] for email in EMAILS}
    for registration in Registration.objects.filter(event_id=pages["fi"].event_id):
        kinds = registration.deliveries.values_list("kind", flat=True)
        assert list(kinds.filter(kind=EmailDelivery.Kind.EVENT_CANCELLED)) == [
            EmailDelivery.Kind.EVENT_CANCELLED
        ]
    swedish = client.get(urls["sv"])
    finnish = client.get(urls["fi"])
    assert swedish.status_code == 200 and finnish.status_code == 200
    html = swedish.content.decode()
    assert "Evenemanget har ställts in." in html
    assert "Tämä tapahtuma on peruttu." in finnish.content.decode()
    for page_html in (html, finnish.content.decode()):
        assert 'id="registration-heading"' not in page_html
        assert reverse("events:register", args=[pages["fi"].pk]) not in page_html
        assert reverse("events:register", args=[pages["sv"].pk]) not in page_html
        assert "registration__seats" not in page_html
        assert "kön är öppen" not in page_html and "jono on auki" not in page_html.lower()
        assert '<meta name="robots" content="noindex">' in page_html


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_unpublishing_either_language_asks_once_then_withdraws_every_language(
    client, admin_client, pages, language, django_capture_on_commit_callbacks
):
    urls = {code: page.url for code, page in pages.items()}
    url = reverse("wagtailadmin_pages:unpublish", args=[pages[language].pk])

    screen = admin_client.get(url).content.decode()
    asked = admin_client.post(url)

    for html in (screen, asked.content.decode()):
        languages = html[html.index('id="withdrawal-languages"') :].split("</p>")[0]
        assert "Suomi" in languages and "Svenska" in languages
        told = html[html.index('id="withdrawal-registrants"') :].split("</p>")[0]
        assert "3" in told
    assert asked.status_code == 200
    assert EventPage.objects.filter(pk__in=[p.pk for p in pages.values()], live=True).count() == 2
    assert not mail.outbox

    with django_capture_on_commit_callbacks(execute=True):
        done = admin_client.post(url, {"registrations_confirmed": "1"})

    assert done.status_code == 302
    assert_withdrawn_everywhere_and_told_once(client, pages, urls)


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_deleting_a_translation_is_refused_and_withdraws_the_event_instead(
    client, admin_client, pages, language, django_capture_on_commit_callbacks
):
    urls = {code: page.url for code, page in pages.items()}
    url = reverse("wagtailadmin_pages:delete", args=[pages[language].pk])

    asked = admin_client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(url, {"withdraw_instead": "1"})

    languages = asked[asked.index('id="withdrawal-languages"') :].split("</p>")[0]
    assert "Suomi" in languages and "Svenska" in languages
    assert EventPage.objects.filter(pk__in=[p.pk for p in pages.values()]).count() == 2
    assert_withdrawn_everywhere_and_told_once(client, pages, urls)


def test_deleting_a_page_of_a_withdrawn_event_is_still_refused(
    admin_client, pages, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        pages["fi"].unpublish()

    response = admin_client.post(reverse("wagtailadmin_pages:delete", args=[pages["sv"].pk]))

    assert response.status_code == 200
    assert 'name="withdraw_instead"' not in response.content.decode()
    assert EventPage.objects.filter(pk=pages["sv"].pk).exists()


def test_a_withdrawn_event_behind_a_login_is_not_shown_to_anonymous_visitors(
    client, index, pages, django_capture_on_commit_callbacks
):
    PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)
    url = pages["fi"].url
    with django_capture_on_commit_callbacks(execute=True):
        pages["fi"].unpublish()

    response = client.get(url)

    assert response.status_code == 302
    assert "Osallisuuskahvila" not in response.content.decode()


def test_an_unpublished_event_that_was_not_withdrawn_still_answers_404(client, index):
    past = EventPageFactory(
        parent=index,
        start=NOW - datetime.timedelta(days=7),
        end=NOW - datetime.timedelta(days=7, hours=-2),
    )
    past.save_revision().publish()
    url = past.url

    past.unpublish()  # an event that has ended is archived, not withdrawn

    assert Event.objects.get(pk=past.event_id).withdrawn_at is None
    assert client.get(url).status_code == 404


def test_a_translation_never_published_stays_hidden_after_withdrawal(
    client, index, pages, django_capture_on_commit_callbacks
):
    english_index = translate(index.get_parent(), "en", title="Home", slug="en")
    translate(index, "en", title="Events", slug="events")
    draft = pages["fi"].copy_for_translation(english_index.locale, copy_parents=True, alias=False)
    assert not draft.live and draft.first_published_at is None
    with django_capture_on_commit_callbacks(execute=True):
        pages["fi"].unpublish()

    assert client.get(draft.url).status_code == 404


def test_the_page_cache_serves_the_cancelled_page_after_withdrawal(
    settings, client, pages, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE = True
    url = pages["sv"].url
    before = client.get(url)
    assert "Evenemanget har ställts in." not in before.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        pages["fi"].unpublish()

    assert "Evenemanget har ställts in." in client.get(url).content.decode()

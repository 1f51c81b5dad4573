import io
import re

from django.core.management import call_command

from wagtail.models import Page, Site

import pytest

from cms.models import (
    ContactsPage,
    HomePage,
    NewsPage,
    Person,
    ResearchMessagePage,
    SiteSettings,
)

pytestmark = pytest.mark.django_db


def test_demo_content_loads_a_translated_site_and_is_idempotent(client):
    """One test, as loading the demo takes most of its time."""
    call_command("load_demo_content", stdout=io.StringIO())
    pages_after_first_run = Page.objects.count()
    people_after_first_run = Person.objects.count()

    call_command("load_demo_content", stdout=io.StringIO())

    assert Page.objects.count() == pages_after_first_run
    assert Person.objects.count() == people_after_first_run
    home = Site.objects.get(is_default_site=True).root_page.specific
    assert isinstance(home, HomePage)
    assert {p.locale.language_code for p in home.get_translations(inclusive=True)} == {
        "fi",
        "sv",
        "en",
    }
    settings = SiteSettings.for_site(home.get_site())
    assert settings.accessibility_page is not None
    assert settings.contact_email.endswith("@example.org")
    assert all(person.email.endswith("@example.org") for person in Person.objects.all())
    for url in ("/", "/en/about-us/", "/sv/dataskydd/", "/ajankohtaista/", "/sv/aktuellt/"):
        assert client.get(url).status_code == 200, url
    assert_news_research_and_contacts_in_menu_order(client)
    assert_events_are_translated_and_the_rest_says_so(client)
    assert not NewsPage.objects.exclude(hero_image=None).exists()
    assert_accessibility_statement_follows_the_model(settings.accessibility_page)


def assert_accessibility_statement_follows_the_model(statement):
    """What was assessed, when, how, known gaps, feedback and the one supervisory authority,
    in every language."""
    for translation in statement.get_translations(inclusive=True).specific():
        text = str(translation.body)
        headings = [
            block.value["text"] for block in translation.body if block.block_type == "heading"
        ]
        assert len(headings) == 5, translation.locale
        assert "2026" in text and "axe-core" in text and "WCAG 1.2.2" in text
        assert "saavutettavuus@example.org" in text
        assert "Traficom" in text
        assert "aluehallintovirasto" not in text.lower()


def assert_news_research_and_contacts_in_menu_order(client):
    finnish = {"locale__language_code": "fi"}
    assert NewsPage.objects.filter(**finnish).count() == 12
    assert NewsPage.objects.filter(locale__language_code="en").count() == 12
    assert ResearchMessagePage.objects.filter(**finnish).count() == 3
    contacts = ContactsPage.objects.get(slug="yhteystiedot")
    swedish = contacts.get_translations().get(locale__language_code="sv")
    assert swedish.slug == "kontakt" and isinstance(swedish.specific, ContactsPage)
    home = Site.objects.get(is_default_site=True).root_page
    menu = [page.slug for page in home.get_children().in_menu()]
    assert menu == [
        "ajankohtaista",
        "tapahtumat",
        "tutkimusviestit",
        "hankkeet",
        "osallisuuden-palaset",
        "tietoa-meista",
        "uutiskirje",
        "yhteystiedot",
    ]
    assert "Liisa Lahtinen" in client.get("/yhteystiedot/").content.decode()


def assert_events_are_translated_and_the_rest_says_so(client):
    """The coordination's events have Swedish and English pages; organisations'
    participation-week events stay Finnish, linked with lang="fi" and "(in Finnish)"."""
    swedish = client.get("/sv/evenemang/").content.decode()
    assert 'href="/sv/evenemang/alla-med-webbinarium/"' in swedish
    assert 'href="/tapahtumat/kaikki-mukaan-webinaari/"' not in swedish
    english = client.get("/en/events/").content.decode()
    assert 'href="/en/events/everyone-on-board-webinar/"' in english
    assert re.search(
        r'<a href="/tapahtumat/osallisuusviikko/[^"]+/"><span lang="fi">[^<]+</span> '
        r'<span class="language-note">\(in Finnish\)</span></a>',
        english,
    )
    week = client.get("/en/events/participation-week/").content.decode()
    assert "<h1>Participation Week" in week and 'class="event-card__title"' in week

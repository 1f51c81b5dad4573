"""The Swedish and English event pages, with an untranslated event among them, pass
axe-core: the Finnish title carries lang="fi" (WCAG 3.1.2)."""

import datetime

from django.utils import timezone

import pytest

from cms.factories import translate
from tests.browser.axe import assert_accessible
from tests.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_swedish_and_english_event_pages_are_accessible(page, home):
    index = EventIndexPageFactory(parent=home)
    start = timezone.now() + datetime.timedelta(days=7)
    cafe = EventPageFactory(
        parent=index, title="Kahvila", start=start, end=start + datetime.timedelta(hours=2)
    )
    EventPageFactory(
        parent=index,
        title="Vain suomeksi",
        start=start + datetime.timedelta(days=1),
        end=start + datetime.timedelta(days=1, hours=2),
    )
    for language, home_title, index_title, cafe_title in (
        ("sv", "Startsida", "Evenemang", "Kafé"),
        ("en", "Inclusion", "Events", "Café"),
    ):
        translate(home, language, title=home_title, slug=home_title.lower())
        translate(index, language, title=index_title, slug=index_title.lower())
        translate(cafe, language, title=cafe_title, slug=f"cafe-{language}")

    for url in ("/sv/evenemang/", "/en/events/", "/en/events/cafe-en/"):
        page.goto(url)
        assert_accessible(page)
    page.goto("/en/events/")
    link = page.get_by_role("link", name="Vain suomeksi (in Finnish)")
    assert link.locator('[lang="fi"]').inner_text() == "Vain suomeksi"

"""An event page and a news page write dates the same way in each language."""

import datetime
import zoneinfo

import pytest

from cms.factories import translate
from tests.cms.factories import NewsIndexPageFactory, NewsPageFactory
from tests.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db
HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")


@pytest.fixture
def pages(home):
    for language, title in (("sv", "Startsida"), ("en", "Inclusion")):
        translate(home, language, title=title, slug=title.lower())
    index = EventIndexPageFactory(parent=home)
    event = EventPageFactory(
        parent=index,
        start=datetime.datetime(2024, 2, 6, 13, 0, tzinfo=HELSINKI),
        end=datetime.datetime(2024, 2, 6, 15, 0, tzinfo=HELSINKI),
    )
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=home), date=datetime.date(2024, 2, 5))
    pages = {"fi": (event, news)}
    for language in ("sv", "en"):
        pages[language] = (
            translate(event, language, slug=f"event-{language}"),
            translate(news, language, slug=f"news-{language}"),
        )
    return pages


@pytest.mark.parametrize(
    ("language", "when", "date"),
    [
        ("fi", "ti 6.2.2024 klo 13.00–15.00", "5.2.2024"),
        ("sv", "tis 6.2.2024 kl. 13.00–15.00", "5.2.2024"),
        ("en", "Tue 6 February 2024, 13:00–15:00", "5 February 2024"),
    ],
)
def test_event_and_news_pages_write_dates_in_their_language(client, pages, language, when, date):
    event, news = pages[language]

    assert f"<dd>{when}</dd>" in client.get(event.url).content.decode()
    assert f">{date}</time>" in client.get(news.url).content.decode()

import datetime
import json
import re

import pytest

from tests.cms.factories import (
    ImageFactory,
    NewsPageFactory,
    ResearchIndexPageFactory,
    ResearchItemFactory,
    ResearchMessagePageFactory,
    publish,
)
from tests.factories import StandardPageFactory
from tests.test_query_budget import QUERY_BUDGET

pytestmark = pytest.mark.django_db


def json_ld(html):
    return json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    )


def test_home_shows_the_three_latest_news_and_the_latest_research_message(client, home, news_index):
    for day in range(1, 6):
        NewsPageFactory(parent=news_index, title=f"Uutinen {day}", date=datetime.date(2024, 1, day))
    research_index = ResearchIndexPageFactory(parent=home)
    issue = ResearchMessagePageFactory.build(title="Tutkimusviesti syyskuu 2023")
    issue.research_items.add(ResearchItemFactory.build())
    research_index.add_child(instance=issue)
    publish(issue)

    html = client.get("/").content.decode()

    assert [f">Uutinen {n}<" in html for n in (5, 4, 3, 2)] == [True, True, True, False]
    assert "Tutkimusviesti syyskuu 2023" in html
    assert f'href="{news_index.url}rss/"' in html


def test_home_renders_highlights_and_the_newsletter_call_to_action(client, home):
    about = StandardPageFactory(parent=home, title="Tietoa meistä", slug="tietoa-meista")
    subscribe = StandardPageFactory(parent=home, title="Uutiskirje", slug="uutiskirje")
    home.highlights = [("highlight", {"page": about, "title": "", "text": "Keitä olemme."})]
    home.newsletter_page = subscribe
    home.newsletter_text = "Osallisuutta päätöksiin ilmestyy neljä kertaa vuodessa."
    publish(home)

    html = client.get("/").content.decode()

    assert f'<a href="{about.url}">Tietoa meistä</a>' in html
    assert "Keitä olemme." in html
    assert 'class="section cta"' in html
    assert f'<a class="button" href="{subscribe.url}">Tilaa uutiskirje</a>' in html


def test_home_without_newsletter_page_has_no_call_to_action(client, home):
    assert 'class="section cta"' not in client.get("/").content.decode()


def test_home_describes_the_site_with_a_search_action(client, home):
    data = json_ld(client.get("/").content.decode())

    assert data["@type"] == "WebSite"
    assert data["potentialAction"]["target"]["urlTemplate"] == "http://testserver/haku/?q={query}"


def test_home_hero_image_is_served_as_webp_with_a_fallback(client, home):
    home.hero_image = ImageFactory(description="Ihmisiä kahvilassa")
    publish(home)

    html = client.get("/").content.decode()

    assert "<picture><source" in html and 'type="image/webp"' in html
    assert 'alt="Ihmisiä kahvilassa"' in html


def test_home_queries_stay_within_budget_whatever_the_number_of_news(
    client, news_index, django_assert_max_num_queries
):
    def queries_for(total):
        while news_index.get_children().count() < total:
            NewsPageFactory(parent=news_index, hero_image=ImageFactory())
        client.get("/")
        with django_assert_max_num_queries(QUERY_BUDGET) as captured:
            assert client.get("/").status_code == 200
        return len(captured)

    assert queries_for(3) == queries_for(20)

import datetime

import feedparser
import pytest

from cms.models import ResearchMessagePage
from tests.cms.factories import (
    ResearchItemFactory,
    ResearchMessagePageFactory,
    publish,
)

pytestmark = pytest.mark.django_db


def issue_with_items(research_index, title, issue_date, *item_titles):
    fields = {"title": title} if title else {}
    issue = ResearchMessagePageFactory.build(issue_date=issue_date, **fields)
    for item_title in item_titles:
        issue.research_items.add(ResearchItemFactory.build(title=item_title))
    research_index.add_child(instance=issue)
    return publish(issue)


def test_research_message_renders_its_items_with_citation_and_link(client, research_index):
    issue = issue_with_items(
        research_index, "Tutkimusviesti syyskuu 2023", datetime.date(2023, 9, 1), "Niukkuus"
    )

    html = client.get(issue.url).content.decode()

    assert "<h1>Tutkimusviesti syyskuu 2023</h1>" in html
    assert '<h2 id="item-' in html and ">Niukkuus</h2>" in html
    assert "Keto, A. &amp; Niemi, L. (2023). <cite>Yhteiskuntapolitiikka</cite>." in html
    assert 'href="https://doi.org/10.1000/xyz123"' in html
    assert "Avoimesti saatavilla" in html


def test_research_message_is_creatable_only_under_its_index(home, research_index):
    assert ResearchMessagePage.can_create_at(research_index)
    assert not ResearchMessagePage.can_create_at(home)


def test_index_lists_issues_by_year_newest_first(client, research_index):
    issue_with_items(research_index, "Tammikuu 2022", datetime.date(2022, 1, 1), "A")
    issue_with_items(research_index, "Syyskuu 2023", datetime.date(2023, 9, 1), "B")
    issue_with_items(research_index, "Toukokuu 2023", datetime.date(2023, 5, 1), "C")

    html = client.get(research_index.url).content.decode()

    assert html.index('<h2 id="year-2023">2023</h2>') < html.index('<h2 id="year-2022">2022</h2>')
    assert html.index("Syyskuu 2023") < html.index("Toukokuu 2023") < html.index("Tammikuu 2022")


def test_research_feed_is_valid_rss_with_the_items_in_each_issue(client, research_index):
    issue_with_items(research_index, "Syyskuu 2023", datetime.date(2023, 9, 1), "Niukkuus")

    html = client.get(research_index.url).content.decode()
    feed = feedparser.parse(client.get(research_index.url + "rss/").content)

    assert (
        f'type="application/rss+xml" title="Tutkimusviestit (RSS)" href="{research_index.url}rss/"'
        in html
    )
    assert not feed.bozo and feed.version == "rss20"
    assert feed.entries[0].title == "Syyskuu 2023"
    assert "Niukkuus" in feed.entries[0].summary


def test_research_items_are_found_by_search(client, research_index):
    issue_with_items(research_index, "Syyskuu 2023", datetime.date(2023, 9, 1), "Karttasivusto")

    html = client.get("/haku/?q=karttasivusto").content.decode()

    assert "Syyskuu 2023" in html
    assert "Tutkimusviesti" in html  # labelled by type


def test_research_item_link_falls_back_to_doi_then_urn():
    assert ResearchItemFactory.build(url="", doi="10.5555/x").link == "https://doi.org/10.5555/x"
    item = ResearchItemFactory.build(url="", doi="", urn="URN:ISBN:978-952-343-000-1")
    assert item.link == "https://urn.fi/URN:ISBN:978-952-343-000-1"


def test_index_queries_do_not_grow_with_issues(
    client, research_index, django_assert_max_num_queries
):
    def queries_for(total):
        while ResearchMessagePage.objects.count() < total:
            issue_with_items(research_index, None, datetime.date(2023, 1, 1), "A", "B")
        client.get(research_index.url)  # warms the per-process caches (content types, sites)
        with django_assert_max_num_queries(INDEX_BUDGET) as captured:
            client.get(research_index.url)
        return len(captured)

    assert queries_for(3) == queries_for(20)


INDEX_BUDGET = 16

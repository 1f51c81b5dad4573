"""Listings make the same number of queries, within the budget, for 1, 12 or 100 items:
news articles on the home page and the news index, projects in the directory (with facets)
and on a region's page. (Events: tests/events/test_query_counts.py.)"""

import pytest

from cms.models import Region
from tests.cms.factories import ImageFactory, NewsIndexPageFactory, NewsPageFactory
from tests.network.factories import ProjectDirectoryPageFactory, ProjectFactory
from tests.test_query_budget import QUERY_BUDGET, queries_for

pytestmark = pytest.mark.django_db


def counts_with_1_12_and_100(client, url, add):
    counts, total = [], 0
    for wanted in (1, 12, 100):
        add(total, wanted)
        total = wanted
        counts.append(queries_for(client, url))
    return counts


@pytest.mark.parametrize("url", ["/", "/ajankohtaista/"])
def test_home_and_news_index_queries_are_the_same_for_1_12_and_100_articles(client, home, url):
    news_index = NewsIndexPageFactory(parent=home, slug="ajankohtaista")

    def add(have, wanted):
        for _ in range(have, wanted):
            NewsPageFactory(parent=news_index, hero_image=ImageFactory())

    counts = counts_with_1_12_and_100(client, url, add)

    assert counts[0] == counts[1] == counts[2] <= QUERY_BUDGET


@pytest.mark.parametrize("path", ["", "?status=running&region=pohjois-savo", "alue/pohjois-savo/"])
def test_directory_queries_are_the_same_for_1_12_and_100_projects(client, home, path):
    savo = Region.objects.create(slug="pohjois-savo", name_fi="Pohjois-Savo")
    directory = ProjectDirectoryPageFactory(parent=home)

    def add(have, wanted):
        for _ in range(have, wanted):
            ProjectFactory(regions=[savo])

    counts = counts_with_1_12_and_100(client, directory.url + path, add)

    assert counts[0] == counts[1] == counts[2] <= QUERY_BUDGET

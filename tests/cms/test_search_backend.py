"""The site's SQLite search backend (cms/search/sqlite.py): a subclass of Wagtail's."""

from importlib.metadata import version

from django.db import connection
from django.test.utils import CaptureQueriesContext

import wagtail
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

import pytest

from tests.cms.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def test_written_for_this_wagtail_and_modelsearch():
    """The compiler overrides `SQLiteSearchQueryCompiler.search` of these versions; on an
    upgrade, compare it with the new one (and whether upstream now ranks this way)."""
    assert wagtail.__version__ == "8.0.1"
    assert version("modelsearch") == "1.3.2"


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 ranking is SQLite's")
def test_a_page_of_results_matches_once_in_one_statement(news_index):
    for number in range(15):
        NewsPageFactory(parent=news_index, title=f"Kahvila {number}", lead="Kahvila.")
    pages = Page.objects.live()

    with CaptureQueriesContext(connection) as queries:
        results = list(get_search_backend().search("kahvila", pages)[:10])

    matching = [q["sql"] for q in queries if " MATCH " in q["sql"]]
    assert len(results) == 10
    assert [sql.count(" MATCH ") for sql in matching] == [1]


def test_results_are_ranked_by_relevance(news_index):
    NewsPageFactory(parent=news_index, title="Syksyn ohjelma", lead="Lopuksi kahvila.")
    NewsPageFactory(parent=news_index, title="Kahvila", lead="Kahvila kahvila kahvila.")
    NewsPageFactory(parent=news_index, title="Kevään ohjelma", lead="Kahvila ja työpaja.")

    results = get_search_backend().search("kahvila", Page.objects.live())

    assert [page.title for page in results][0] == "Kahvila"
    assert len(results) == 3

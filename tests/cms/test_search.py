from django.db import connection

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

import pytest

from cms.factories import translate
from tests.cms.factories import NewsPageFactory
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_search_finds_pages_and_labels_them_by_type(client, home, news_index):
    NewsPageFactory(parent=news_index, title="Osallisuusviikko alkaa", lead="Viikko alkaa.")
    StandardPageFactory(parent=home, title="Osallisuusviikon ohjeet", slug="ohjeet")

    html = client.get("/haku/", {"q": "osallisuusviikko"}).content.decode()

    assert '<h1 id="search-heading">Haku</h1>' in html
    assert "Osallisuusviikko alkaa" in html
    assert '<span class="search-result__type">Uutinen</span>' in html


def test_search_lists_only_pages_in_the_active_language(client, home):
    about = StandardPageFactory(parent=home, title="Tietoa verkostosta", slug="tietoa")
    translate(home, "sv", title="Delaktighet för alla")
    translate(about, "sv", title="Om nätverket verkostosta", slug="om")

    finnish = client.get("/haku/", {"q": "verkostosta"}).content.decode()
    swedish = client.get("/sv/sok/", {"q": "verkostosta"}).content.decode()

    assert "Tietoa verkostosta" in finnish and "Om nätverket" not in finnish
    assert "Om nätverket verkostosta" in swedish and "Tietoa verkostosta" not in swedish


def test_search_paginates_ten_results_to_a_page(client, news_index):
    for number in range(12):
        NewsPageFactory(parent=news_index, title=f"Kahvila {number}")

    first = client.get("/haku/", {"q": "kahvila"}).content.decode()
    second = client.get("/haku/", {"q": "kahvila", "page": 2}).content.decode()

    assert "12 tulosta haulla ”kahvila”" in first
    assert first.count('class="search-result"') == 10
    assert second.count('class="search-result"') == 2
    assert 'href="?q=kahvila&amp;page=2"' in first


def test_promoted_results_come_first(client, home):
    privacy = StandardPageFactory(parent=home, title="Tietosuojaseloste", slug="tietosuoja")
    SearchPromotion.objects.create(
        query=Query.get("gdpr"), page=privacy, description="Miten käsittelemme tietojasi."
    )

    html = client.get("/haku/", {"q": "GDPR"}).content.decode()

    assert "Suosittelemme" in html
    assert f'<a class="search-result__title" href="{privacy.url}">Tietosuojaseloste</a>' in html
    assert "Miten käsittelemme tietojasi." in html


@pytest.mark.parametrize(
    "params",
    [
        {"q": "a" * 5000},
        {"q": "kahvila\x00; DROP TABLE"},
        {"q": "kahvila", "page": "-1"},
        {"q": "kahvila", "page": "x"},
        {"q": "&|!():*"},
        {"q": ""},
    ],
)
def test_hostile_or_empty_queries_answer_normally(client, home, params):
    assert client.get("/haku/", params).status_code == 200


def test_search_answers_only_get(client, home):
    assert client.post("/haku/", {"q": "x"}).status_code == 405


@pytest.mark.postgres
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="Finnish stemming needs PostgreSQL full-text search"
)
def test_finnish_stemming_finds_kahvila_by_kahvilat(client, news_index):
    NewsPageFactory(
        parent=news_index, title="Etäkahvila syksyllä", lead="Tervetuloa kahvilaan keskustelemaan."
    )
    NewsPageFactory(parent=news_index, title="Uusi kahvila avataan", lead="Avajaiset perjantaina.")

    html = client.get("/haku/", {"q": "kahvilat"}).content.decode()

    assert "Uusi kahvila avataan" in html  # "kahvilat" and "kahvila" share the stem
    assert "Etäkahvila syksyllä" in html  # found by "kahvilaan" in its lead

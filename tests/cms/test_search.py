from django.db import connection
from django.test.utils import CaptureQueriesContext

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
    assert "<mark>Osallisuusviikko</mark> alkaa" in html
    assert '<span class="search-result__type">Uutinen</span>' in html


def test_search_lists_only_pages_in_the_active_language(client, home):
    about = StandardPageFactory(parent=home, title="Tietoa verkostosta", slug="tietoa")
    translate(home, "sv", title="Delaktighet för alla")
    translate(about, "sv", title="Om nätverket verkostosta", slug="om")

    finnish = client.get("/haku/", {"q": "verkostosta"}).content.decode()
    swedish = client.get("/sv/sok/", {"q": "verkostosta"}).content.decode()

    assert "Tietoa <mark>verkostosta</mark>" in finnish and "Om nätverket" not in finnish
    assert "Om nätverket <mark>verkostosta</mark>" in swedish and "Tietoa" not in swedish


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


@pytest.mark.parametrize(
    ("title", "lead", "query"),
    [
        ("Uusi kahvila avataan", "Avajaiset perjantaina.", "kahviloissa"),
        ("Etäkahvila syksyllä", "Tervetuloa kahvilaan keskustelemaan.", "kahvilat"),
        ("Osallisuusviikko 5.–8.2.2024", "Ohjelma julkaistaan pian.", "osallisuusviikolla"),
        ("Palvelusafari", "Nuorten vaikuttamisen väline.", "palvelusafarin"),
    ],
)
def test_finnish_inflected_word_finds_its_page(client, news_index, title, lead, query):
    NewsPageFactory(parent=news_index, title=title, lead=lead)
    NewsPageFactory(parent=news_index, title="Muuta", lead="Ei liity hakuun.")

    html = client.get("/haku/", {"q": query}).content.decode()

    assert "1 tulos haulla" in html
    assert 'href="/ajankohtaista/muuta/"' not in html


@pytest.mark.parametrize(
    ("language", "path", "title", "query"),
    [
        ("sv", "/sv/sok/", "Kaféer för projektarbetare", "kafé"),
        ("sv", "/sv/sok/", "Nätverk i Österbotten", "nätverken"),
        ("en", "/en/search/", "Network meetings in spring", "meeting"),
    ],
)
def test_swedish_and_english_pages_are_stemmed_in_their_own_language(
    client, home, language, path, title, query
):
    about = StandardPageFactory(parent=home, title="Tietoa", slug="tietoa")
    translate(home, language, title="Home")
    translate(about, language, title=title, slug="about", lead="–")

    html = client.get(path, {"q": query}).content.decode()

    assert f'<a class="search-result__title" href="/{language}/about/">' in html


def test_an_inflected_word_finds_a_page_by_its_tag(client, news_index):
    page = NewsPageFactory(parent=news_index, title="Syksyn ohjelma", lead="Tulossa.")
    page.tags.add("Kahvilat")
    page.save()
    page.save_revision().publish()

    html = client.get("/haku/", {"q": "kahvilassa"}).content.decode()

    assert "1 tulos haulla" in html


def test_matched_words_are_marked_in_the_title_and_lead(client, news_index):
    NewsPageFactory(
        parent=news_index, title="Kahvilat jatkuvat", lead="Syksyn kahviloissa puhutaan työstä."
    )

    html = client.get("/haku/", {"q": "kahvila"}).content.decode()

    assert "<mark>Kahvilat</mark> jatkuvat" in html
    assert "Syksyn <mark>kahviloissa</mark> puhutaan työstä." in html


def test_marking_escapes_the_page_text(client, news_index):
    NewsPageFactory(parent=news_index, title="Kahvila <b>", lead="<script>kahvila</script>")

    html = client.get("/haku/", {"q": "kahvila"}).content.decode()

    assert "&lt;script&gt;<mark>kahvila</mark>&lt;/script&gt;" in html


def test_search_page_queries_do_not_grow_with_the_results(client, news_index):
    def queries_for_search():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/haku/", {"q": "kahvila"}).status_code == 200
        return len(queries)

    NewsPageFactory(parent=news_index, title="Kahvila", lead="Yksi.")
    client.get("/haku/", {"q": "kahvila"})  # the site's settings are created on first use
    few = queries_for_search()
    for number in range(14):
        NewsPageFactory(parent=news_index, title=f"Kahvila {number}", lead="Monta.")
    many = queries_for_search()

    assert few == many <= 12


def test_search_request_writes_nothing(client, home):
    privacy = StandardPageFactory(parent=home, title="Tietosuojaseloste", slug="tietosuoja")
    SearchPromotion.objects.create(query=Query.get("gdpr"), page=privacy, description="Tiedot.")
    client.get("/haku/", {"q": "tietosuoja"})  # the site's settings are created on first use

    with CaptureQueriesContext(connection) as queries:
        client.get("/haku/", {"q": "GDPR tietosuojaseloste"})
        client.get("/haku/", {"q": "jotain muuta"})

    writes = [q["sql"] for q in queries if not q["sql"].lstrip().upper().startswith("SELECT")]
    assert writes == []
    assert list(Query.objects.values_list("query_string", flat=True)) == ["gdpr"]

import datetime

from django.core.exceptions import ValidationError

import feedparser
import pytest

from cms.factories import translate
from cms.models import NewsPage
from tests.cms.factories import (
    ImageFactory,
    NewsPageFactory,
    PersonFactory,
    publish,
)

pytestmark = pytest.mark.django_db


def test_news_page_renders_its_fields(client, news_index):
    author = PersonFactory(name="Aino Esimerkki")
    article = NewsPageFactory(
        parent=news_index,
        title="Osallisuusviikko alkaa",
        date=datetime.date(2020, 10, 9),
        lead="Viikko kokoaa tapahtumat.",
        hero_image=ImageFactory(),
        body=[
            ("paragraph", "<p>Tervetuloa mukaan.</p>"),
            ("quote", {"quote": "Kaikki mukaan.", "attribution": "Hankejohtaja"}),
        ],
    )
    article.authors.add(author)
    article.tags.add("osallisuus")
    publish(article)

    response = client.get(article.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Osallisuusviikko alkaa</h1>" in html
    assert "9.10.2020" in html
    assert "Aino Esimerkki" in html
    assert "Tervetuloa mukaan." in html
    assert "<blockquote>" in html
    assert 'type="image/webp"' in html
    assert '"@type": "NewsArticle"' in html
    assert f'href="{news_index.url}?tag=osallisuus"' in html


def test_news_page_is_creatable_only_under_the_news_index(home, news_index):
    assert NewsPage.can_create_at(news_index)
    assert not NewsPage.can_create_at(home)


def test_hero_image_without_alt_text_is_refused_unless_decorative(news_index):
    article = NewsPageFactory.build(hero_image=ImageFactory(description=""))
    with pytest.raises(ValidationError) as error:
        article.clean()
    assert "hero_image" in error.value.message_dict

    article.hero_image = ImageFactory(description="", is_decorative=True)
    article.clean()


def test_index_lists_newest_first_and_paginates(client, news_index):
    for day in range(1, 13):
        NewsPageFactory(parent=news_index, title=f"Uutinen {day}", date=datetime.date(2024, 3, day))

    first = client.get(news_index.url).content.decode()
    second = client.get(news_index.url + "?page=2").content.decode()

    assert first.count('class="card news-card"') == 10
    assert first.index(">Uutinen 12<") < first.index(">Uutinen 11<")
    assert ">Uutinen 2<" not in first
    assert ">Uutinen 2<" in second and ">Uutinen 1<" in second
    assert second.count('class="card news-card"') == 2


def test_index_filters_by_tag(client, news_index):
    tagged = NewsPageFactory(parent=news_index, title="Kahvila alkaa")
    tagged.tags.add("kahvilat")
    publish(tagged)
    NewsPageFactory(parent=news_index, title="Muu uutinen")

    html = client.get(news_index.url + "?tag=kahvilat").content.decode()

    assert "Kahvila alkaa" in html
    assert "Muu uutinen" not in html


def test_unknown_tag_or_page_answers_without_error(client, news_index):
    NewsPageFactory(parent=news_index)

    assert client.get(news_index.url + "?tag=ei-ole").status_code == 404
    assert client.get(news_index.url + "?tag=a%00b").status_code == 404
    assert client.get(news_index.url + "?page=x%00y").status_code == 200
    assert client.get(news_index.url + "?page=999").status_code == 200


def test_rss_and_atom_feeds_are_valid_and_discoverable(client, news_index):
    article = NewsPageFactory(
        parent=news_index, title="Uusi verkosto", date=datetime.date(2024, 2, 5)
    )
    article.authors.add(PersonFactory(name="Aino Esimerkki"))
    article.tags.add("verkosto")
    publish(article)

    html = client.get(news_index.url).content.decode()
    rss = feedparser.parse(client.get(news_index.url + "rss/").content)
    atom = feedparser.parse(client.get(news_index.url + "atom/").content)

    assert (
        f'type="application/rss+xml" title="Ajankohtaista (RSS)" href="{news_index.url}rss/"'
        in html
    )
    assert 'type="application/atom+xml"' in html
    assert not rss.bozo and rss.version == "rss20"
    assert not atom.bozo and atom.version == "atom10"
    for feed in (rss, atom):
        entry = feed.entries[0]
        assert entry.title == "Uusi verkosto"
        assert entry.link == "http://testserver" + article.url
        assert entry.published_parsed[:3] == (2024, 2, 4)  # midnight in Helsinki, in UTC
        assert [tag.term for tag in entry.tags] == ["verkosto"]
    assert rss.entries[0].author == "Aino Esimerkki"


def test_news_index_queries_do_not_grow_with_articles(
    client, news_index, django_assert_max_num_queries
):
    def queries_for(total):
        while NewsPage.objects.count() < total:
            NewsPageFactory(parent=news_index, hero_image=ImageFactory())
        client.get(news_index.url)  # creates the renditions and warms the per-process caches
        with django_assert_max_num_queries(NEWS_INDEX_BUDGET) as captured:
            assert client.get(news_index.url).status_code == 200
        return len(captured)

    assert queries_for(3) == queries_for(20)


def test_article_queries_do_not_grow_with_authors_and_tags(
    client, news_index, django_assert_max_num_queries
):
    article = NewsPageFactory(parent=news_index, hero_image=ImageFactory())

    def queries_for(total):
        article.authors.set(PersonFactory.create_batch(total))
        article.tags.set([f"aihe-{n}" for n in range(total)])
        publish(article)
        client.get(article.url)
        with django_assert_max_num_queries(ARTICLE_BUDGET) as captured:
            assert client.get(article.url).status_code == 200
        return len(captured)

    assert queries_for(1) == queries_for(10)


NEWS_INDEX_BUDGET = 18
ARTICLE_BUDGET = 22


def test_dates_are_written_as_each_language_writes_them(client, home, news_index):
    article = NewsPageFactory(parent=news_index, date=datetime.date(2020, 10, 9))
    translate(home, "sv", title="Delaktighet för alla")
    translate(home, "en", title="Inclusion for everyone")
    swedish = translate(article, "sv", title="Caféer", slug="cafeer")
    english = translate(article, "en", title="Cafés", slug="cafes")

    assert ">9.10.2020</time>" in client.get(article.url).content.decode()
    assert ">9.10.2020</time>" in client.get(swedish.url).content.decode()
    assert ">9 October 2020</time>" in client.get(english.url).content.decode()

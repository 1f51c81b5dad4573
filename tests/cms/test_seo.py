import datetime
import json
import re

import pytest

from cms.factories import translate
from tests.cms.factories import ImageFactory, NewsIndexPageFactory, NewsPageFactory, publish
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home):
    page = StandardPageFactory(
        parent=home, title="Tietoa meistä", slug="tietoa-meista", lead="Keitä olemme ja miksi."
    )
    translate(home, "sv", title="Delaktighet för alla")
    translate(page, "sv", title="Om oss", slug="om-oss")
    return page


def test_page_head_has_description_canonical_and_hreflang_alternates(client, about):
    html = client.get(about.url).content.decode()

    assert '<meta name="description" content="Keitä olemme ja miksi.">' in html
    assert '<link rel="canonical" href="http://testserver/tietoa-meista/">' in html
    assert '<link rel="alternate" hreflang="fi" href="http://testserver/tietoa-meista/">' in html
    assert '<link rel="alternate" hreflang="sv" href="http://testserver/sv/om-oss/">' in html
    assert 'hreflang="x-default" href="http://testserver/tietoa-meista/"' in html
    assert '<link rel="alternate" hreflang="en"' not in html  # no English translation yet


def test_page_head_has_open_graph_and_twitter_cards_with_an_image(client, about):
    html = client.get(about.url).content.decode()

    assert '<meta property="og:title" content="Tietoa meistä">' in html
    assert '<meta property="og:locale" content="fi_FI">' in html
    assert (
        'property="og:image" content="http://testserver/static/cms/img/social-default.png"' in html
    )
    assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_social_image_is_a_rendition_of_the_pages_own_image(client, about):
    about.social_image = ImageFactory()
    publish(about)

    html = client.get(about.url).content.decode()

    assert re.search(r'og:image" content="http://testserver/media/images/.+fill-1200x630', html)


def test_news_article_is_described_as_a_news_article(client, home):
    index = NewsIndexPageFactory(parent=home)
    article = NewsPageFactory(
        parent=index, title="Osallisuusviikko", date=datetime.date(2024, 2, 5), lead="Alkaa."
    )

    html = client.get(article.url).content.decode()
    data = json.loads(re.search(r'application/ld\+json">(.*?)</script>', html).group(1))

    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Osallisuusviikko"
    assert data["datePublished"] == "2024-02-05"
    assert '<meta property="og:type" content="article">' in html


def test_json_ld_cannot_break_out_of_its_script_element(client, home):
    page = StandardPageFactory(parent=home, title="</script><script>alert(1)</script>", slug="x")

    html = client.get(page.url).content.decode()

    assert "<script>alert(1)" not in html
    assert "\\u003C/script\\u003E" in html


def test_sitemap_lists_every_live_page_in_every_language(client, about):
    StandardPageFactory(parent=home_of(about), title="Luonnos", slug="luonnos", live=False)

    xml = client.get("/sitemap.xml").content.decode()

    assert "<loc>http://testserver/</loc>" in xml
    assert "<loc>http://testserver/tietoa-meista/</loc>" in xml
    assert "<loc>http://testserver/sv/</loc>" in xml
    assert "<loc>http://testserver/sv/om-oss/</loc>" in xml
    assert "luonnos" not in xml


def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_the_admin(client, home):
    response = client.get("/robots.txt")

    text = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text


def home_of(page):
    return page.get_parent()

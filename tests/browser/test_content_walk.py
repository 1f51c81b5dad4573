import datetime

import pytest

from cms.factories import make_site
from cms.models import Region
from tests.browser.axe import assert_accessible
from tests.browser.fixtures import new_page
from tests.browser.public_site import shared_site
from tests.cms.factories import (
    ContactsPageFactory,
    ImageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PersonFactory,
    ResearchIndexPageFactory,
    ResearchItemFactory,
    ResearchMessagePageFactory,
    publish,
)

# One site and server for the module (the tests only read it).
pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    with shared_site(django_db_blocker, build_site) as served:
        yield served


@pytest.fixture
def page(browser, site):
    with new_page(browser, site[0]) as page:
        yield page


def build_site():
    """News to walk to and search for, contacts and research; returns the latter's paths."""
    home = make_site()
    news(home)
    return contacts_and_research(home)


def news(home):
    news_index = NewsIndexPageFactory(parent=home)
    article = NewsPageFactory(
        parent=news_index,
        title="Etelä- ja Länsi-Suomen kahvilat alkavat",
        date=datetime.date(2020, 9, 21),
        hero_image=ImageFactory(),
        body=[
            ("paragraph", "<p>Ensimmäinen kahvila pidetään 9.10.2020.</p>"),
            ("quote", {"quote": "Tervetuloa mukaan.", "attribution": "Aluekoordinaattori"}),
        ],
    )
    article.authors.add(PersonFactory(name="Päivi Heikkinen"))
    article.tags.add("kahvilat")
    publish(article)
    NewsPageFactory(parent=news_index, title="Osallisuusviikko alkaa")


def test_reader_walks_from_home_to_an_article_and_searches(page):
    page.goto("/")
    assert_accessible(page)

    page.get_by_role("navigation", name="Päävalikko").get_by_role(
        "link", name="Ajankohtaista"
    ).click()
    page.wait_for_url("**/ajankohtaista/")
    assert page.get_by_role("heading", level=1).inner_text() == "Ajankohtaista"
    assert_accessible(page)

    page.get_by_role("link", name="Etelä- ja Länsi-Suomen kahvilat alkavat").click()
    page.wait_for_url("**/etela-ja-lansi-suomen-kahvilat-alkavat/")
    assert "21.9.2020" in page.locator(".article__meta").inner_text()
    assert_accessible(page)

    page.get_by_role("searchbox", name="Hae sivustolta").fill("kahvilat")
    page.get_by_role("search").get_by_role("button", name="Hae").first.click()
    page.wait_for_url("**/haku/?q=kahvilat")
    assert page.get_by_role("heading", level=1).inner_text() == "Haku"
    assert page.get_by_role("link", name="Etelä- ja Länsi-Suomen kahvilat alkavat").is_visible()
    assert_accessible(page)


def contacts_and_research(home):
    uusimaa = Region.objects.create(name_fi="Uusimaa", slug="uusimaa")
    PersonFactory(name="Liisa Lahtinen", role="national")
    PersonFactory(name="Eeva Laine", role="regional", region=uusimaa)
    PersonFactory(name="Antti Mäkelä", role="regional")
    contacts = ContactsPageFactory(parent=home)
    research_index = ResearchIndexPageFactory(parent=home)
    issue = ResearchMessagePageFactory.build(title="Tutkimusviesti syyskuu 2023")
    issue.research_items.add(ResearchItemFactory.build())
    research_index.add_child(instance=issue)
    publish(issue)
    return [contacts.url, research_index.url, issue.url]


def test_contacts_and_research_pages_are_accessible(page, site):
    for url in site[1]:
        page.goto(url)
        assert page.get_by_role("heading", level=1).count() == 1
        assert_accessible(page)

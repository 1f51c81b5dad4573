import datetime

import pytest

from tests.browser.axe import assert_accessible
from tests.cms.factories import (
    ImageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PersonFactory,
    publish,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reader_walks_from_home_to_an_article_and_searches(page, home):
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


def test_contacts_and_research_pages_are_accessible(page, home):
    from cms.models import Region
    from tests.cms.factories import (
        ContactsPageFactory,
        ResearchIndexPageFactory,
        ResearchItemFactory,
        ResearchMessagePageFactory,
    )

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

    for url in (contacts.url, research_index.url, issue.url):
        page.goto(url)
        assert page.get_by_role("heading", level=1).count() == 1
        assert_accessible(page)

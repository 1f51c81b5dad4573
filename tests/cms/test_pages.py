import pytest

from cms.models import ContactsPage, NewsIndexPage, Person, ResearchIndexPage
from tests.cms.factories import ContactsPageFactory, ImageFactory, PersonFactory
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_standard_page_shows_breadcrumbs_and_its_section(client, home):
    about = StandardPageFactory(parent=home, title="Tietoa meistä", slug="tietoa-meista")
    funding = StandardPageFactory(parent=about, title="Rahoitus", slug="rahoitus")
    StandardPageFactory(parent=about, title="Osallisuuden osa-alueet", slug="osa-alueet")

    about_html = client.get(about.url).content.decode()
    funding_html = client.get(funding.url).content.decode()

    assert 'aria-labelledby="section-nav-heading"' in about_html
    assert ">Rahoitus</a>" in about_html and ">Osallisuuden osa-alueet</a>" in about_html
    assert f'<li><a href="{about.url}">Tietoa meistä</a></li>' in funding_html  # breadcrumb
    assert f'<a href="{funding.url}" aria-current="page">Rahoitus</a>' in funding_html
    assert ">Osallisuuden osa-alueet</a>" in funding_html  # sibling


def test_contacts_page_groups_people_by_role_and_coordinators_by_region(client, home):
    from cms.models import Region

    north = Region.objects.create(name_fi="Pohjois-Pohjanmaa", slug="pp", sort_order=2)
    south = Region.objects.create(name_fi="Uusimaa", slug="uusimaa", sort_order=1)
    PersonFactory(name="Liisa Lahtinen", role="national", title="Hankejohtaja")
    PersonFactory(name="Päivi Heikkinen", role="regional", region=north)
    PersonFactory(name="Eeva Laine", role="regional", region=south, email="eeva@example.org")
    PersonFactory(name="Piilotettu", show_on_contacts_page=False)
    page = ContactsPageFactory(parent=home)

    html = client.get(page.url).content.decode()

    assert html.index("Valtakunnallinen koordinaatio") < html.index("Aluekoordinaattorit")
    assert html.index("<h3>Uusimaa</h3>") < html.index("<h3>Pohjois-Pohjanmaa</h3>")
    assert html.index("Eeva Laine") < html.index("Päivi Heikkinen")
    assert '<a href="mailto:eeva@example.org">eeva@example.org</a>' in html
    assert 'href="tel:+358400000000"' in html
    assert "Hankejohtaja" in html
    assert "Piilotettu" not in html


def test_contacts_page_queries_do_not_grow_with_people(client, home, django_assert_max_num_queries):
    page = ContactsPageFactory(parent=home)

    def queries_for(total):
        for _ in range(total - Person.objects.count()):
            PersonFactory(photo=ImageFactory())
        client.get(page.url)
        with django_assert_max_num_queries(CONTACTS_BUDGET) as captured:
            client.get(page.url)
        return len(captured)

    assert queries_for(3) == queries_for(20)


def test_index_pages_live_only_under_the_home_page(home):
    about = StandardPageFactory(parent=home, slug="tietoa-meista")

    assert NewsIndexPage.can_create_at(home) and ResearchIndexPage.can_create_at(home)
    assert not NewsIndexPage.can_create_at(about)
    assert ContactsPage.can_create_at(about)


CONTACTS_BUDGET = 16

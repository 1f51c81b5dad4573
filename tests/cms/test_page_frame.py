import re

import pytest

from cms.factories import translate
from cms.models import SiteSettings
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home):
    return StandardPageFactory(parent=home, title="Tietoa meistä", slug="tietoa-meista")


def test_home_page_is_finnish_with_landmarks_and_skip_link(client, home):
    response = client.get("/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fi">' in html
    assert '<a class="skip-link" href="#main">Siirry sisältöön</a>' in html
    assert '<main id="main"' in html
    assert "<header" in html and "<footer" in html
    assert len(re.findall(r"<h1[ >]", html)) == 1


def test_main_menu_lists_menu_pages_and_marks_the_current_one(client, about):
    html = client.get(about.url).content.decode()

    assert f'<a href="{about.url}" aria-current="page">Tietoa meistä</a>' in html


def test_language_switcher_leads_to_the_translation(client, home, about):
    translate(home, "sv", title="Delaktighet för alla")
    swedish = translate(about, "sv", title="Om oss", slug="om-oss")

    html = client.get(about.url).content.decode()

    assert swedish.url == "/sv/om-oss/"
    assert '<a href="/sv/om-oss/" lang="sv" hreflang="sv">Svenska</a>' in html


def test_language_switcher_falls_back_to_the_home_page_of_that_language(client, home, about):
    translate(home, "en", title="Inclusion for everyone")

    html = client.get(about.url).content.decode()

    assert '<a href="/en/" lang="en" hreflang="en">English</a>' in html


def test_swedish_page_is_served_in_swedish(client, home):
    translate(home, "sv", title="Delaktighet för alla")

    response = client.get("/sv/")

    html = response.content.decode()
    assert '<html lang="sv">' in html
    assert "Hoppa till innehållet" in html
    assert "<h1>Delaktighet för alla</h1>" in html


def test_footer_shows_funding_text_and_required_page_links(client, home, about):
    settings = SiteSettings.for_site(home.get_site())
    settings.accessibility_page = about
    settings.privacy_page = about
    settings.funding_text = "Rahoittaa Euroopan sosiaalirahasto."
    settings.save()

    html = client.get("/").content.decode()

    assert "Rahoittaa Euroopan sosiaalirahasto." in html
    assert f'<a href="{about.url}">Saavutettavuusseloste</a>' in html
    assert f'<a href="{about.url}">Tietosuojaseloste</a>' in html
    assert 'alt="Euroopan unionin osarahoittama"' in html


def test_unknown_page_answers_404_in_the_page_frame(client, home):
    response = client.get("/ei-ole-olemassa/")

    assert response.status_code == 404
    assert "Sivua ei löytynyt" in response.content.decode()

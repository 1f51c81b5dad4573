import pytest

from cms.factories import make_site, translate
from tests.browser.axe import assert_accessible
from tests.browser.fixtures import new_page
from tests.browser.public_site import shared_site
from tests.factories import StandardPageFactory

# One site and server for the module (the tests only read it).
pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def build_home():
    home = make_site()
    translate(home, "sv", title="Delaktighet för alla")
    StandardPageFactory(parent=home, title="Tietoa meistä", slug="tietoa-meista")


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    with shared_site(django_db_blocker, build_home) as served:
        yield served


@pytest.fixture
def page(browser, site):
    with new_page(browser, site[0]) as page:
        yield page


def test_home_page_is_accessible_and_switches_language(page):
    page.goto("/")

    assert page.locator("html").get_attribute("lang") == "fi"
    assert page.get_by_role("navigation", name="Päävalikko").is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Svenska").click()
    page.wait_for_url("**/sv/")
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.get_by_role("heading", level=1).inner_text() == "Delaktighet för alla"
    assert_accessible(page)


def test_page_fits_a_320_pixel_screen_and_menu_opens(page):
    page.set_viewport_size({"width": 320, "height": 640})

    page.goto("/")

    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 320
    link = page.get_by_role("link", name="Tietoa meistä")
    assert not link.is_visible()
    page.get_by_role("button", name="Valikko").click()
    assert link.is_visible()


def test_skip_link_moves_focus_to_the_content(page):
    page.goto("/")

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Siirry sisältöön")
    assert skip.evaluate("element => element === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

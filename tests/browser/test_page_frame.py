import pytest

from tests.browser.axe import assert_accessible
from tests.factories import StandardPageFactory, translate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_page_is_accessible_and_switches_language(page, home):
    translate(home, "sv", title="Delaktighet för alla")
    StandardPageFactory(parent=home, title="Tietoa meistä", slug="tietoa-meista")

    page.goto("/")

    assert page.locator("html").get_attribute("lang") == "fi"
    assert page.get_by_role("navigation", name="Päävalikko").is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Svenska").click()
    page.wait_for_url("**/sv/")
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.get_by_role("heading", level=1).inner_text() == "Delaktighet för alla"
    assert_accessible(page)


def test_page_fits_a_320_pixel_screen_and_menu_opens(page, home):
    StandardPageFactory(parent=home, title="Tietoa meistä", slug="tietoa-meista")
    page.set_viewport_size({"width": 320, "height": 640})

    page.goto("/")

    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 320
    link = page.get_by_role("link", name="Tietoa meistä")
    assert not link.is_visible()
    page.get_by_role("button", name="Valikko").click()
    assert link.is_visible()


def test_skip_link_moves_focus_to_the_content(page, home):
    page.goto("/")

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Siirry sisältöön")
    assert skip.evaluate("element => element === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

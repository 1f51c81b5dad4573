"""Every public page type in Finnish, Swedish and English at 1280 and 375 px has no
axe-core violation of any impact; the pages people judge the site by are saved as
screenshots (var/screenshots/, or $SCREENSHOT_DIR) for a person to look at.

One site and one live server serve the whole module; a test is one language at one
width, walking all page types, so a failure lists every page that has a problem."""

import json

import pytest

from tests.browser.axe import axe_violations
from tests.browser.public_site import LANGUAGES, SCREENSHOT_DIR, WIDTHS, shared_site

# The site is built once for the module (committed); each test runs in a transaction
# that is rolled back, so it leaves the shared site as it found it.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SCREENSHOTS = ("home", "event index", "event page", "programme", "subscribe")


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    with shared_site(django_db_blocker) as served:
        yield served


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_has_no_axe_violation_of_any_impact(browser, site, language, width):
    server_url, addresses = site
    context = browser.new_context(
        base_url=server_url, viewport={"width": width, "height": 900}, locale="fi-FI"
    )
    page = context.new_page()
    problems = {}
    for name, paths in addresses.items():
        response = page.goto(paths[language])
        assert response.status == 200, (name, paths[language], response.status)
        problems.update(check(page, name))
        if name in SCREENSHOTS:
            SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
            file_name = f"{name.replace(' ', '-')}-{language}-{width}.png"
            page.screenshot(path=SCREENSHOT_DIR / file_name, full_page=True)
        if name == "event page":
            # The registration form as it comes back after an empty submit.
            page.locator(".registration-form button[type=submit]").press("Enter")
            page.wait_for_selector("#error-summary")
            problems.update(check(page, "registration form with errors"))
    context.close()
    assert not problems, json.dumps(problems, indent=2, ensure_ascii=False)


def check(page, name):
    """{page: violations} for a page that has any: the page's language and horizontal
    scrolling (which 375 px must not need) count as violations too."""
    found = [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:3]}
        for v in axe_violations(page, impacts=None)
    ]
    width = page.viewport_size["width"]
    if page.evaluate("document.documentElement.scrollWidth") > width:
        found.append({"id": "horizontal-scroll", "url": page.url})
    return {f"{name} {page.url}": found} if found else {}

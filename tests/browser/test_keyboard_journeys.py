"""Registration, newsletter subscription and participation-week submission with the
keyboard only (no mouse, no filling by selector): an empty submit puts focus on the
error summary, which is announced (role=alert), and the form then goes through to its
thank-you page, whose notice is a live region."""

import pytest

from tests.browser.public_site import shared_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    with shared_site(django_db_blocker) as served:
        yield served


@pytest.fixture
def keyboard_page(browser, site):
    server_url, addresses = site
    context = browser.new_context(base_url=server_url, locale="fi-FI")
    page = context.new_page()
    page.addresses = addresses
    yield page
    context.close()


def tab_to(page, selector, limit=80):
    """Press Tab until the focused element matches `selector`."""
    for _press in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("selector => document.activeElement.matches(selector)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def type_into(page, selector, text):
    tab_to(page, selector)
    page.keyboard.type(text)


def submit_empty_and_expect_the_summary(page, submit_selector):
    tab_to(page, submit_selector)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    focused = page.evaluate(
        "() => ({id: document.activeElement.id, role: document.activeElement.getAttribute('role'),"
        " links: document.activeElement.querySelectorAll('a[href^=\"#\"]').length})"
    )
    assert focused["id"] == "error-summary"
    assert focused["role"] == "alert"
    assert focused["links"] > 0


def expect_thanks(page, url_part):
    page.wait_for_load_state()
    summary = page.locator("#error-summary")
    assert url_part in page.url, summary.all_inner_texts() or page.url
    assert page.locator("main [role=status]").count() == 1
    assert page.locator("h1[role=status], h2[role=status]").count() == 0


def test_registration_with_the_keyboard_only(keyboard_page):
    page = keyboard_page
    page.goto(page.addresses["event page"]["fi"])
    submit_empty_and_expect_the_summary(page, ".registration-form button[type=submit]")

    type_into(page, "#id_name", "Maija Meikäläinen")
    type_into(page, "#id_email", "maija@example.org")
    tab_to(page, "#id_consent")
    page.keyboard.press("Space")
    tab_to(page, ".registration-form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    expect_thanks(page, "/ilmoittautuminen/valmis/")


def test_newsletter_subscription_with_the_keyboard_only(keyboard_page):
    page = keyboard_page
    page.goto(page.addresses["subscribe"]["fi"])
    submit_empty_and_expect_the_summary(page, ".subscribe-form button[type=submit]")

    type_into(page, "#id_subscribe-email", "lukija@example.org")
    tab_to(page, "input[name=subscribe-mailing_lists]")
    if not page.evaluate("document.activeElement.checked"):  # the only list comes ticked
        page.keyboard.press("Space")
    tab_to(page, ".subscribe-form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    expect_thanks(page, "/uutiskirjeet/tilaa/kiitos/")
    assert "Tarkista sähköpostisi" in page.title()


def test_participation_week_submission_with_the_keyboard_only(keyboard_page):
    page = keyboard_page
    page.goto(page.addresses["submission form"]["fi"])
    submit_empty_and_expect_the_summary(page, "button[name=save]")

    type_into(page, "#id_organiser_name", "Kuopion Osallisuusyhdistys ry")
    type_into(page, "#id_contact_name", "Ville Väisänen")
    type_into(page, "#id_contact_email", "ville@example.org")
    type_into(page, "#id_title", "Kaupunkikävely Kuopiossa")
    type_into(page, "#id_description", "Kävelemme yhdessä ja kuulemme asukkaiden ideoita.")
    type_into(page, "#id_event_type", "W")  # a closed select picks the option typed
    # Chromium's date-time field takes its parts as digits, in the browser's order.
    type_into(page, "#id_start", "020220271300")
    type_into(page, "#id_end", "020220271500")
    assert page.input_value("#id_start") == "2027-02-02T13:00"
    tab_to(page, "input[name=attendance_mode]")
    while page.evaluate("document.activeElement.value") != "onsite":
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    type_into(page, "#id_venue_name", "Kuopion tori")
    type_into(page, "#id_municipality", "Kuopio")
    type_into(page, "#id_region", "P")
    tab_to(page, "button[name=save]")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    expect_thanks(page, "/ilmoita/kiitos/")
    assert page.title().startswith("Kiitos, saimme tapahtumasi")
    page.reload()  # a GET address: reloading sends nothing again
    assert page.title().startswith("Kiitos, saimme tapahtumasi")

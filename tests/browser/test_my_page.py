"""A member asks for a sign-in link, opens My page with it and cancels a
registration there, in Finnish, Swedish and English, with no serious or critical
axe-core violation on any page of the way."""

import re

from django.core import mail

import pytest

from cms.factories import make_site
from events.models import Registration
from network.models import Member
from tests.browser.axe import assert_accessible
from tests.browser.fixtures import new_page
from tests.browser.public_site import shared_site
from tests.events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory

# One site and server for the module: one member and registration per language, so a
# test's cancellation leaves the others' as they were. On SQLite the server writes in
# the test's transaction: commit_callbacks sends the sign-in e-mail as a commit would.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db,
    pytest.mark.usefixtures("commit_callbacks"),
]

WORDS = {
    "fi": {
        "prefix": "/",
        "email": "Sähköpostiosoite",
        "send": "Lähetä minulle kirjautumislinkki",
        "sent": "Tarkista sähköpostisi",
        "open": "Avaa Oma sivu",
        "my_page": "Oma sivu",
        "cancel": "Peru ilmoittautuminen",
        "cancelled": "Ilmoittautumisesi on peruttu",
    },
    "sv": {
        "prefix": "/sv/",
        "email": "E-postadress",
        "send": "Skicka mig en inloggningslänk",
        "sent": "Kolla din e-post",
        "open": "Öppna Min sida",
        "my_page": "Min sida",
        "cancel": "Avboka anmälan",
        "cancelled": "Din anmälan har avbokats",
    },
    "en": {
        "prefix": "/en/",
        "email": "E-mail address",
        "send": "Send me a sign-in link",
        "sent": "Check your e-mail",
        "open": "Open My page",
        "my_page": "My page",
        "cancel": "Cancel registration",
        "cancelled": "Your registration has been cancelled",
    },
}


def build_registrations():
    event = EventPageFactory(
        parent=EventIndexPageFactory(parent=make_site()),
        title="Digiosallisuuden etäkahvila",
        registration_enabled=True,
    )
    registrations = {}
    for language in WORDS:
        email = f"maija.{language}@example.org"
        member = Member.objects.create(email=email, name="Maija Meikäläinen")
        registrations[language] = RegistrationFactory(event=event, member=member, email=email)
    return registrations


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    with shared_site(django_db_blocker, build_registrations) as served:
        yield served


@pytest.fixture
def page(browser, site):
    with new_page(browser, site[0]) as page:
        yield page


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_request_a_link_open_my_page_and_cancel_a_registration(page, site, language):
    words = WORDS[language]
    server_url, registrations = site
    registration = registrations[language]

    page.goto(words["prefix"] + "oma-sivu/kirjaudu/")
    assert page.locator("html").get_attribute("lang") == language
    assert_accessible(page)
    page.get_by_label(words["email"]).fill(registration.email)
    page.get_by_role("button", name=words["send"]).click()
    assert page.get_by_role("heading", level=1).inner_text() == words["sent"]
    assert_accessible(page)

    message = next(m for m in reversed(mail.outbox) if m.to == [registration.email])
    link = re.search(r"http://testserver(/\S+)", message.body).group(1)
    page.goto(server_url + link)
    assert_accessible(page)
    page.get_by_role("button", name=words["open"]).click()
    assert page.get_by_role("heading", level=1).inner_text() == words["my_page"]
    assert "Digiosallisuuden etäkahvila" in page.content()
    assert_accessible(page)

    page.get_by_role("button", name=words["cancel"]).click()
    assert page.get_by_text(words["cancelled"]).first.is_visible()
    assert_accessible(page)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED

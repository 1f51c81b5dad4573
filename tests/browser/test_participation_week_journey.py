from django.contrib.auth import get_user_model
from django.urls import reverse

import pytest
from icalendar import Calendar

from cms.factories import make_site
from cms.models import Region
from tests.browser.axe import assert_accessible
from tests.browser.fixtures import new_page
from tests.browser.public_site import shared_site
from tests.events.factories import (
    EventIndexPageFactory,
    EventTypeFactory,
    ParticipationWeekPageFactory,
)

# One site and server for the module. Only the first test writes (a submission and its
# approval), and nothing the other tests look at depends on it.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def build_week():
    week = ParticipationWeekPageFactory(parent=EventIndexPageFactory(parent=make_site()))
    week.save_revision().publish()
    EventTypeFactory(name_fi="Työpaja", slug="tyopaja")
    Region.objects.create(name_fi="Pohjois-Savo", slug="pohjois-savo")
    get_user_model().objects.create_superuser("moderaattori", "mod@example.org", "salasana-123")
    return week


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    with shared_site(django_db_blocker, build_week) as served:
        yield served


@pytest.fixture
def week(site):
    return site[1]


@pytest.fixture
def page(browser, site):
    with new_page(browser, site[0]) as page:
        yield page


def test_submitted_event_is_approved_in_the_admin_and_reaches_programme_and_feed(page, week):
    page.goto(week.url)
    assert_accessible(page)
    page.get_by_role("link", name="Ilmoita oma tapahtumasi").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Ilmoita tapahtuma ohjelmaan"

    page.get_by_role("button", name="Lähetä tapahtuma").click()
    assert page.get_by_role("alert").is_visible()
    assert_accessible(page)

    page.fill("#id_organiser_name", "Kuopion Osallisuusyhdistys ry")
    page.fill("#id_contact_name", "Ville Väisänen")
    page.fill("#id_contact_email", "ville@example.org")
    page.fill("#id_title", "Kaupunkikävely Kuopiossa")
    page.fill("#id_description", "Kävelemme yhdessä ja kuulemme asukkaiden ideoita.")
    page.select_option("#id_event_type", label="Työpaja")
    page.fill("#id_start", "2027-02-03T13:00")
    page.fill("#id_end", "2027-02-03T15:00")
    page.get_by_label("Paikan päällä", exact=True).check()
    page.fill("#id_venue_name", "Kuopion tori")
    page.fill("#id_municipality", "Kuopio")
    page.select_option("#id_region", label="Pohjois-Savo")
    page.get_by_role("button", name="Lähetä tapahtuma").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Kiitos, saimme tapahtumasi"
    assert_accessible(page)

    page.goto(reverse("wagtailadmin_login"))
    page.fill("#id_username", "moderaattori")
    page.fill("#id_password", "salasana-123")
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/admin/")
    page.goto(reverse("participation_week_submissions:index"))
    page.get_by_role("link", name="Kaupunkikävely Kuopiossa").first.click()
    page.locator("#id_create").check()  # the organiser is new to the network
    page.get_by_role("button", name="Hyväksy ja julkaise").click()
    page.wait_for_url("**/participation-week-submissions/")

    page.goto(week.url)
    assert page.get_by_role("link", name="Kaupunkikävely Kuopiossa").is_visible()
    assert "1 tapahtuma" in page.locator(".week-facts").inner_text()
    assert_accessible(page)
    page.get_by_label("Verkossa vai paikan päällä").select_option("online")
    page.get_by_role("button", name="Näytä tapahtumat").click()
    assert page.get_by_role("link", name="Kaupunkikävely Kuopiossa").count() == 0

    feed = page.request.get(reverse("events:participation_week_feed", args=[week.pk]))
    assert feed.headers["content-type"] == "text/calendar; charset=utf-8"
    summaries = [str(e["SUMMARY"]) for e in Calendar.from_ical(feed.body()).walk("VEVENT")]
    assert summaries == ["Kaupunkikävely Kuopiossa"]
    assert b"ville@example.org" not in feed.body()


def test_subscribe_control_opens_without_javascript_and_is_accessible(browser, site, week):
    with new_page(browser, site[0], java_script_enabled=False) as page:
        page.goto(week.url)
        webcal = page.get_by_role("link", name="Apple-kalenteri ja Outlook tietokoneella")
        assert not webcal.is_visible()
        page.get_by_text("Tilaa kalenteri").click()

        assert webcal.get_attribute("href").startswith("webcal://")
        field = page.get_by_label("Kalenterin osoite muihin ohjelmiin")
        assert field.input_value().endswith(".ics")


def test_feed_builder_is_accessible_and_offers_a_copy_button(page, week):
    page.goto(reverse("events:feed_builder"))
    page.get_by_label("Tapahtumatyyppi").select_option(label="Työpaja")
    page.get_by_role("button", name="Hae kalenterin osoite").click()

    address = page.get_by_label("Kalenterin osoite muihin ohjelmiin").input_value()
    assert address.endswith("/kalenteri/tapahtumat.ics?type=tyopaja")
    assert page.get_by_role("button", name="Kopioi osoite").is_visible()
    assert_accessible(page)

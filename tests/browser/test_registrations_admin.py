"""Event staff in the Wagtail admin: the registrations table fits a 1,400 px window and
a member of the event staff group downloads the spreadsheet (someone without the
registration permission is refused it: tests/test_admin_refusals.py)."""

import io

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

import pytest
from openpyxl import load_workbook

from events.models import Registration, RegistrationQuestion
from tests.events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The event staff group; a data migration creates it on main with these permissions
# (and more). Made here if it is missing so the test does not depend on it.
EVENT_STAFF = "Tapahtumavastaavat"
EVENT_STAFF_PERMISSIONS = ["access_admin", "view_registration", "change_registration"]
PASSWORD = "salasana-123"


@pytest.fixture
def event(home):
    index = EventIndexPageFactory(parent=home)
    event = EventPageFactory(
        parent=index,
        title="Osallisuus Pohjois-Pohjanmaalla: alueellinen verkostotapaaminen",
        registration_enabled=True,
        capacity=3,
    )
    event.registration_questions.add(
        RegistrationQuestion(page=event, label="Mihin työpajaan osallistut iltapäivällä?")
    )
    event.save_revision().publish()
    other = EventPageFactory(
        parent=index,
        title="Etelä- ja Länsi-Suomen kahvila: digiosallisuuden edistäminen",
        registration_enabled=True,
    )
    other.save_revision().publish()
    question = RegistrationQuestion.objects.get(page=event)
    for n in range(5):
        RegistrationFactory(
            event=event,
            name=f"Kaisa-Maria Pitkänimi-Virtanen {n}",
            email=f"kaisa-maria.pitkanimi-virtanen.{n}@sosiaalinen-osallisuus.example.org",
            organisation="Sosiaalisen osallisuuden edistämisen koordinaatiohanke",
            needs="Pyörätuolipaikka ja gluteeniton ruokavalio",
            answers={str(question.key): "Kokemusasiantuntijuus vaikuttamisen välineenä"},
            status=Registration.Status.CONFIRMED if n < 3 else Registration.Status.WAITING,
        )
    return event


def user_in_group(django_user_model, username, group_name, codenames):
    group, _ = Group.objects.get_or_create(name=group_name)
    for codename in codenames:
        group.permissions.add(Permission.objects.get(codename=codename))
    user = django_user_model.objects.create_user(username, f"{username}@example.org", PASSWORD)
    user.groups.add(group)
    return user


def log_in(page, username):
    page.goto(reverse("wagtailadmin_login"))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/admin/")


def test_event_staff_export_registrations_from_a_table_that_fits_1400_px(
    page, event, django_user_model
):
    user_in_group(django_user_model, "tapahtumat", EVENT_STAFF, EVENT_STAFF_PERMISSIONS)
    page.set_viewport_size({"width": 1400, "height": 900})
    log_in(page, "tapahtumat")

    page.goto(reverse("events_registrations", args=[event.pk]))

    assert page.get_by_role("heading", level=1).inner_text().startswith(event.title)
    table = page.locator("table.registrations-listing")
    assert table.bounding_box()["width"] <= 1400
    assert page.evaluate("document.documentElement.scrollWidth") <= 1400
    assert table.get_by_text("Kokemusasiantuntijuus vaikuttamisen välineenä").count() == 5
    with page.expect_download() as download:
        page.locator("a[href$='export.xlsx']").click()
    workbook = load_workbook(io.BytesIO(download.value.path().read_bytes()))
    emails = [row[1].value for row in workbook.active.iter_rows(min_row=2)]
    assert len(emails) == 5 and emails[0].startswith("kaisa-maria")

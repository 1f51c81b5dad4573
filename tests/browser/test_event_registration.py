"""A member finds an event, registers, opens the e-mailed link, cancels, and the
person on the waiting list gets the seat."""

import datetime
import re

from django.core import mail
from django.utils import timezone

import pytest

from events.models import Registration
from events.registrations import services
from tests.browser.axe import assert_accessible
from tests.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def personal_link(address):
    message = next(m for m in reversed(mail.outbox) if m.to == [address])
    return re.search(r"http://\S+/ilmoittautuminen/\S+/", message.body).group(0)


def test_register_cancel_and_the_waiting_list_moves_up(page, home, live_server):
    index = EventIndexPageFactory(parent=home)
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=10)
    event = EventPageFactory(
        parent=index,
        title="Digiosallisuuden etäkahvila",
        start=start,
        end=start + datetime.timedelta(hours=1, minutes=30),
        registration_enabled=True,
        capacity=1,
    )
    event.save_revision().publish()

    page.goto(index.url)
    assert_accessible(page)
    page.get_by_label("Hae tapahtumia").fill("kahvila")
    page.get_by_role("button", name="Näytä tapahtumat").click()
    page.get_by_role("link", name="Digiosallisuuden etäkahvila").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Digiosallisuuden etäkahvila"
    assert "Paikkoja jäljellä: 1" in page.content()
    assert_accessible(page)

    page.get_by_role("button", name="Ilmoittaudu").click()
    assert page.get_by_role("heading", name="Tarkista lomake").is_visible()
    assert_accessible(page)
    page.get_by_label("Nimi").fill("Maija Meikäläinen")
    page.get_by_label("Sähköposti").fill("maija@example.org")
    page.get_by_label("Olen lukenut tietosuojaselosteen").check()
    page.get_by_role("button", name="Ilmoittaudu").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Ilmoittautumisesi onnistui"
    assert_accessible(page)

    services.register(
        event.event, {"name": "Matti Virtanen", "email": "matti@example.org"}, language="fi"
    )
    assert Registration.objects.get(email="matti@example.org").is_waiting

    page.goto(personal_link("maija@example.org").replace("http://testserver", live_server.url))
    assert "Paikkasi on varmistettu" in page.content()
    assert "teams.example.org" in page.content()
    assert_accessible(page)
    page.get_by_role("button", name="Peru ilmoittautuminen").click()
    assert page.get_by_text("Ilmoittautumisesi on peruttu").first.is_visible()

    page.goto(personal_link("matti@example.org").replace("http://testserver", live_server.url))
    assert "Paikkasi on varmistettu" in page.content()
    assert "Sait paikan" in mail.outbox[-1].subject

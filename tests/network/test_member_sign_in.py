"""A member reaches My page with a link e-mailed to their address: signed, expiring,
single-use and good for that one member only."""

import datetime
import re

from django.core import mail
from django.urls import reverse

import pytest
import time_machine

from network.members.sign_in import make_token
from network.models import Member

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("committed")]

REQUEST_URL = reverse("network:sign_in_request")
MY_PAGE = reverse("network:my_page")


@pytest.fixture
def member(home):
    return Member.objects.create(email="Maija.Meikalainen@example.org", name="Maija Meikäläinen")


def ask_for_link(client, email, address="192.0.2.10"):
    return client.post(REQUEST_URL, {"email": email}, REMOTE_ADDR=address)


def link_in(message):
    return re.search(r"http://testserver/\S+", message.body).group(0)


def test_known_address_gets_a_link_that_opens_my_page(client, member):
    response = ask_for_link(client, "maija.meikalainen@EXAMPLE.org")

    assert response.status_code == 302
    assert response["Location"] == reverse("network:sign_in_sent")
    assert [message.to for message in mail.outbox] == [["Maija.Meikalainen@example.org"]]
    link = link_in(mail.outbox[0])
    assert client.get(link).status_code == 200
    assert client.post(link)["Location"] == MY_PAGE
    page = client.get(MY_PAGE)
    assert page.status_code == 200
    assert "Maija.Meikalainen@example.org" in page.content.decode()


def test_unknown_address_gets_the_same_answer_and_no_mail(client, member):
    known = ask_for_link(client, "maija.meikalainen@example.org")
    unknown = ask_for_link(client, "nobody@example.org")

    assert (unknown.status_code, unknown["Location"]) == (known.status_code, known["Location"])
    assert [message.to for message in mail.outbox] == [["Maija.Meikalainen@example.org"]]


def test_link_works_once(client, member):
    ask_for_link(client, member.email)
    link = link_in(mail.outbox[0])
    client.post(link)

    other_browser = type(client)()

    assert other_browser.post(link).status_code == 400
    assert other_browser.get(MY_PAGE)["Location"] == REQUEST_URL


def test_link_expires_after_thirty_minutes(client, member):
    start = datetime.datetime(2026, 12, 1, 10, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False):
        token = make_token(member)
    link = reverse("network:sign_in", args=[token])

    with time_machine.travel(start + datetime.timedelta(minutes=31), tick=False):
        assert client.post(link).status_code == 400
    with time_machine.travel(start + datetime.timedelta(minutes=29), tick=False):
        assert client.post(link).status_code == 302


def test_tampered_or_truncated_link_is_refused(client, member):
    token = make_token(member)
    forged = [token[:-1] + ("A" if token[-1] != "A" else "B"), token[:20], "x" * 1000, "::"]

    for bad in forged:
        response = client.post(reverse("network:sign_in", args=[bad]))
        assert response.status_code == 400, bad
    assert client.get(MY_PAGE)["Location"] == REQUEST_URL


def test_link_opens_only_the_member_it_was_sent_to(client, member):
    other = Member.objects.create(email="toinen@example.org")
    token = make_token(member)

    client.post(reverse("network:sign_in", args=[token]))
    page = client.get(MY_PAGE).content.decode()

    assert member.email in page
    assert other.email not in page


def test_link_stops_working_when_the_address_changes(client, member):
    token = make_token(member)
    member.email = "uusi@example.org"
    member.save()

    assert client.post(reverse("network:sign_in", args=[token])).status_code == 400


def test_form_sends_to_one_address_only(client, member):
    response = ask_for_link(client, "maija.meikalainen@example.org, toinen@example.org")

    assert response.status_code == 400
    assert mail.outbox == []


def test_one_address_or_one_client_cannot_flood_inboxes(client, member):
    statuses = [ask_for_link(client, member.email).status_code for _ in range(4)]
    assert statuses == [302, 302, 302, 429]
    assert len(mail.outbox) == 3

    many = [ask_for_link(client, f"osoite{n}@example.org", "192.0.2.99") for n in range(21)]
    assert [response.status_code for response in many][-2:] == [302, 429]


def test_signing_out_ends_the_members_session(client, member):
    client.post(reverse("network:sign_in", args=[make_token(member)]))

    client.post(reverse("network:sign_out"))

    assert client.get(MY_PAGE)["Location"] == REQUEST_URL


def test_an_address_mail_cannot_be_sent_to_gets_a_400_and_sends_nothing(client):
    from cms.models import OutgoingEmail

    response = ask_for_link(client, "maija@exa\ufffdmple.org")

    assert response.status_code == 400
    assert not OutgoingEmail.objects.exists() and mail.outbox == []

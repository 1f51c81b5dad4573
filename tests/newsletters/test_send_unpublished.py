"""Sending an unpublished issue (issue 24): the sending screen says before any submit
that the issue is unpublished, a refused submit keeps the chosen lists and time, and
"publish and send" publishes the latest revision when the send is confirmed, for those
who may publish the issue."""

from django.contrib.auth.models import Permission
from django.urls import reverse

from wagtail.models import GroupPagePermission

import pytest

from newsletters.models import Send
from tests.newsletters.conftest import refused
from tests.newsletters.factories import NewsletterIssuePageFactory

pytestmark = pytest.mark.django_db

LATER = "2099-03-01T09:30"


@pytest.fixture
def draft(index):
    issue = NewsletterIssuePageFactory(parent=index, title="Uutiskirje 1/2099", live=False)
    issue.lead = "Viimeisin luonnos"
    issue.save_revision()
    return issue


@pytest.fixture
def publisher(sender, index):
    """The sender may also publish pages below the newsletter index."""
    group = sender.groups.get()
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=index, permission=Permission.objects.get(codename=codename)
        )
    return sender


def send_url(issue):
    return reverse("newsletters_admin:send", args=[issue.pk])


def test_the_sending_screen_says_the_issue_is_unpublished_before_any_submit(
    client, publisher, draft
):
    content = client.get(reverse("newsletters_admin:issue", args=[draft.pk])).content.decode()

    assert "Tätä numeroa ei ole vielä julkaistu" in content
    assert "Julkaise ja lähetä" in content


def test_without_publish_permission_the_screen_says_whom_to_ask(client, sender, draft):
    content = client.get(reverse("newsletters_admin:issue", args=[draft.pk])).content.decode()

    assert "Tätä numeroa ei ole vielä julkaistu" in content
    assert "Pyydä joku, jolla on oikeus julkaista numero" in content
    assert 'name="publish"' not in content


def test_a_refused_send_keeps_the_chosen_lists_and_time(
    client, publisher, draft, mailing_list, subscribers
):
    response = client.post(
        send_url(draft), {"mailing_lists": [mailing_list.pk], "scheduled_at": LATER}
    )

    content = response.content.decode()
    assert response.status_code == 400
    assert "Numeroa ei ole julkaistu, joten sitä ei lähetetty." in content
    assert f'value="{mailing_list.pk}" id="id_mailing_lists_0" checked' in content
    assert f'value="{LATER}"' in content
    assert 'name="publish"' in content
    assert not Send.objects.exists()


def test_publish_and_send_publishes_the_latest_revision_when_confirmed(
    client, publisher, draft, mailing_list, subscribers
):
    data = {"mailing_lists": [mailing_list.pk], "scheduled_at": LATER, "publish": "1"}

    confirmation = client.post(send_url(draft), data)
    draft.refresh_from_db()
    assert confirmation.status_code == 200
    assert "Numeron viimeisin versio julkaistaan, kun vahvistat." in confirmation.content.decode()
    assert not draft.live

    response = client.post(send_url(draft), {**data, "confirm": "1"})

    draft.refresh_from_db()
    assert response.status_code == 302
    assert draft.live
    assert draft.lead == "Viimeisin luonnos"
    send = Send.objects.get()
    assert send.status == Send.Status.SCHEDULED
    assert send.created_by == publisher


def test_publish_and_send_is_refused_to_those_who_may_not_publish(
    client, sender, draft, mailing_list, subscribers
):
    data = {"mailing_lists": [mailing_list.pk], "publish": "1", "confirm": "1"}

    response = client.post(send_url(draft), data)

    draft.refresh_from_db()
    assert refused(response)
    assert not draft.live
    assert not Send.objects.exists()


def test_a_publish_that_fails_validation_sends_nothing(
    client, publisher, draft, mailing_list, subscribers
):
    draft.title = ""
    draft.save_revision(clean=False)  # drafts may be incomplete; publishing may not
    data = {"mailing_lists": [mailing_list.pk], "publish": "1", "confirm": "1"}

    response = client.post(send_url(draft), data)

    draft.refresh_from_db()
    assert response.status_code == 400
    assert "Numeroa ei voitu julkaista" in response.content.decode()
    assert not draft.live
    assert not Send.objects.exists()

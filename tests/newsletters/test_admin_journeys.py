"""The communicators' back office (issue 13): drafts in tests and previews, a clear
way to sending, refusing an empty send, and sending given to a group."""

from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse

import pytest

from cms.roles import EXISTING_GROUP_GRANTS, ROLES
from newsletters.models import Send
from tests.newsletters.factories import MailingListFactory

pytestmark = pytest.mark.django_db


def edit_draft(issue, text):
    """A revision saved but not published, as the editor's Save draft leaves it."""
    draft = issue.get_latest_revision_as_object()
    draft.body = [("paragraph", f"<p>{text}</p>")]
    draft.save_revision()


def test_a_test_send_shows_the_draft_not_the_published_issue(client, sender, issue):
    issue.save_revision().publish()
    edit_draft(issue, "Luonnoksen uusi kappale")

    client.post(
        reverse("newsletters_admin:send_test", args=[issue.pk]),
        {"addresses": "testi@example.org"},
    )

    (message,) = mail.outbox
    assert "Luonnoksen uusi kappale" in message.body
    assert "Hyvä lukija" not in message.body


def test_email_preview_of_the_draft_opens_without_the_preview_panel(client, sender, issue):
    edit_draft(issue, "Luonnoksen uusi kappale")

    response = client.get(reverse("newsletters_admin:email_preview", args=[issue.pk]))

    assert response.status_code == 200
    assert "Luonnoksen uusi kappale" in response.content.decode()


def test_sending_to_a_list_without_subscribers_is_refused_with_a_reason(client, sender, issue):
    empty = MailingListFactory(name="Tyhjä lista")

    response = client.post(
        reverse("newsletters_admin:send", args=[issue.pk]),
        {"mailing_lists": [empty.pk], "confirm": "1"},
    )

    assert response.status_code == 400
    assert "valituilla listoilla ei ole aktiivisia" in response.content.decode()
    assert not Send.objects.exists()


def test_scheduling_uses_the_browsers_own_date_time_field(client, sender, issue):
    """Wagtail's picker covered the submit button and rewrote a typed time (issue 24)."""
    response = client.get(reverse("newsletters_admin:issue", args=[issue.pk]))

    html = response.content.decode()
    assert 'type="datetime-local"' in html
    assert "initDateTimeChooser(" not in html


def test_issue_edit_form_has_a_send_button(admin_client, issue):
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[issue.pk])).content.decode()

    sending_url = reverse("newsletters_admin:issue", args=[issue.pk])
    assert f'button--icon" href="{sending_url}"' in html


def test_the_newsletters_menu_lists_the_issues(admin_client, issue):
    response = admin_client.get(reverse("newsletter_issues:index"))

    assert response.status_code == 200
    assert issue.title in response.content.decode()


def test_group_editor_offers_the_sending_permissions(admin_client):
    add_send = Permission.objects.get(content_type__app_label="newsletters", codename="add_send")

    html = admin_client.get(reverse("wagtailusers_groups:add")).content.decode()

    assert f'value="{add_send.pk}"' in html


def test_ready_made_groups_exist_with_finnish_names():
    communicators = Group.objects.get(name="Viestijät")
    event_staff = Group.objects.get(name="Tapahtumavastaavat")

    assert communicators.permissions.filter(codename="add_send").exists()
    assert communicators.permissions.filter(codename="change_submission").exists()
    assert communicators.page_permissions.filter(permission__codename="publish_page").exists()
    assert event_staff.permissions.filter(codename="view_registration").exists()
    assert not event_staff.permissions.filter(codename="add_send").exists()
    moderators = Group.objects.get(name="Moderators")
    assert moderators.permissions.filter(codename="change_submission").exists()


def dotted(permissions):
    return {f"{p.content_type.app_label}.{p.codename}" for p in permissions}


@pytest.mark.parametrize("name", list(ROLES))
def test_the_migrated_groups_hold_what_cms_roles_describes(name):
    """The migration keeps its own frozen table; a role changed in cms/roles.py
    without a migration that applies it fails here."""
    role = ROLES[name]
    group = Group.objects.get(name=name)

    assert dotted(group.permissions.select_related("content_type")) == set(role["permissions"])
    assert {
        gpp.permission.codename
        for gpp in group.page_permissions.filter(page__depth=1).select_related("permission")
    } == set(role["page_permissions"])
    assert dotted(
        gcp.permission
        for gcp in group.collection_permissions.filter(collection__depth=1).select_related(
            "permission__content_type"
        )
    ) == set(role["collection_permissions"])
    for other, permissions in EXISTING_GROUP_GRANTS.items():
        granted = dotted(Group.objects.get(name=other).permissions.select_related("content_type"))
        assert set(permissions) <= granted


def test_a_communicator_may_send_and_someone_without_the_group_may_not(
    client, django_user_model, issue, mailing_list, subscribers
):
    outsider = django_user_model.objects.create_user("ulkopuolinen", password="pw")
    communicator = django_user_model.objects.create_user("viestija", password="pw")
    communicator.groups.add(Group.objects.get(name="Viestijät"))
    send_url = reverse("newsletters_admin:send", args=[issue.pk])
    form = {"mailing_lists": [mailing_list.pk], "confirm": "1"}

    client.force_login(outsider)
    client.post(send_url, form)
    assert not Send.objects.exists()

    client.force_login(communicator)
    client.post(send_url, form)
    assert Send.objects.get().created_by == communicator

"""Fixtures shared by the newsletter tests."""

from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.urls import reverse

import pytest

from tests.newsletters.factories import (
    MailingListFactory,
    NewsletterIndexPageFactory,
    NewsletterIssuePageFactory,
    SubscriptionFactory,
)

ANYMAIL_TEST = "anymail.backends.test.EmailBackend"


@pytest.fixture(autouse=True)
def _newsletter_settings(settings):
    cache.clear()
    settings.ANYMAIL = {"WEBHOOK_SECRET": "hook:secret"}
    settings.NEWSLETTER_RATE_LIMIT = 0


@pytest.fixture
def mailing_list(db):
    return MailingListFactory(name="Osallisuutta päätöksiin", slug="osallisuutta-paatoksiin")


@pytest.fixture
def index(home):
    return NewsletterIndexPageFactory(parent=home)


@pytest.fixture
def issue(index):
    return NewsletterIssuePageFactory(parent=index)


@pytest.fixture
def subscribers(mailing_list):
    """Five active subscribers of the list."""
    return [SubscriptionFactory(mailing_list=mailing_list).subscriber for _ in range(5)]


@pytest.fixture
def subscription(mailing_list):
    return SubscriptionFactory(mailing_list=mailing_list)


def login(client, django_user_model, *codenames):
    """Sign the client in as a user of the admin with these permissions."""
    user = django_user_model.objects.create_user(
        "viestija", email="viestija@example.org", password="pw"
    )
    group = Group.objects.create(name="Testiryhmä")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        group.permissions.add(Permission.objects.get(codename=codename))
    user.groups.add(group)
    client.force_login(user)
    return user


@pytest.fixture
def sender(client, django_user_model):
    """Signed in with the permissions to see and start sends."""
    return login(client, django_user_model, "view_send", "add_send")


def refused(response):
    """Wagtail answers a permission error with a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )

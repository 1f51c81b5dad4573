from django.core.cache import cache

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

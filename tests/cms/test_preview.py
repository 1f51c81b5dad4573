"""Wagtail's preview panel frames the preview: it must be allowed to (issue 13)."""

import pytest

from tests.cms.factories import NewsIndexPageFactory, NewsPageFactory
from tests.newsletters.factories import NewsletterIndexPageFactory, NewsletterIssuePageFactory

pytestmark = pytest.mark.django_db


def test_preview_may_be_framed_by_the_site_itself(home):
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=home))

    response = news.make_preview_request(None, "")

    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_public_pages_still_refuse_every_frame(client, home):
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=home))

    response = client.get(news.url)

    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_email_preview_allows_the_mails_inline_styles_and_the_web_preview_does_not(home):
    issue = NewsletterIssuePageFactory(parent=NewsletterIndexPageFactory(parent=home))

    email = issue.make_preview_request(None, "email")
    web = issue.make_preview_request(None, "")

    assert "style-src 'self' 'unsafe-inline'" in email["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in email["Content-Security-Policy"]
    assert "'unsafe-inline'" not in web["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in web["Content-Security-Policy"], web.headers

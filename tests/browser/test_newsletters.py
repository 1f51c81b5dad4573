import re
from urllib.parse import urlsplit

from django.core import mail

import pytest

from newsletters.models import Subscription
from newsletters.services import sending
from tests.browser.axe import assert_accessible
from tests.newsletters.factories import (
    MailingListFactory,
    NewsletterIndexPageFactory,
    NewsletterIssuePageFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def path_of(url):
    return urlsplit(url).path


def test_subscribe_confirm_receive_and_unsubscribe_with_one_click(page, home):
    mailing_list = MailingListFactory(name="Osallisuutta päätöksiin")
    index = NewsletterIndexPageFactory(parent=home, show_in_menus=True)
    issue = NewsletterIssuePageFactory(parent=index, title="Osallisuutta päätöksiin 1/2025")

    page.goto(index.url)
    assert_accessible(page)
    page.get_by_label("Sähköpostiosoite").fill("lukija@example.org")
    page.get_by_role("button", name="Tilaa uutiskirje").click()
    page.wait_for_url("**/uutiskirjeet/tilaa/kiitos/")
    assert page.get_by_role("heading", level=1).inner_text() == "Tarkista sähköpostisi"
    assert_accessible(page)

    confirm = re.search(r"https?://\S+/vahvista/\S+/", mail.outbox[-1].body).group(0)
    page.goto(path_of(confirm))
    assert_accessible(page)
    page.get_by_role("button", name="Vahvista tilaus").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Tilaus vahvistettu"
    assert_accessible(page)
    assert Subscription.objects.get().status == Subscription.Status.ACTIVE
    page.get_by_role("link", name="Muuta uutiskirjeasetuksiasi").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Uutiskirjeasetukset"
    assert_accessible(page)

    mail.outbox.clear()
    sending.create_send(issue, [mailing_list])
    (message,) = mail.outbox
    assert message.to == ["lukija@example.org"]
    view_in_browser = re.search(r"Avaa selaimessa\s+<(\S+)>", message.body).group(1)
    page.goto(path_of(view_in_browser))
    assert page.get_by_role("heading", level=1).inner_text() == issue.title
    assert_accessible(page)

    unsubscribe = re.search(r"<(https?://[^>]+)>", message.extra_headers["List-Unsubscribe"])
    page.goto(path_of(unsubscribe.group(1)))
    assert_accessible(page)
    assert Subscription.objects.get().status == Subscription.Status.ACTIVE

    response = page.request.post(
        path_of(unsubscribe.group(1)), form={"List-Unsubscribe": "One-Click"}
    )
    assert response.status == 200
    assert Subscription.objects.get().status == Subscription.Status.UNSUBSCRIBED


def test_subscribe_errors_are_summarised_and_accessible(page, home):
    MailingListFactory(name="Osallisuutta päätöksiin")

    page.goto("/uutiskirjeet/tilaa/")
    page.get_by_label("Sähköpostiosoite").fill("ei-osoite")
    page.get_by_role("button", name="Tilaa uutiskirje").click()

    assert page.get_by_role("alert").is_visible()
    assert "nimi@example.org" in page.get_by_role("alert").inner_text()
    assert_accessible(page)

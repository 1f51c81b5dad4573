"""The communicators' newsletter and moderation journeys in the admin (issue 13)."""

from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

import pytest

from cms.factories import translate
from cms.roles import COMMUNICATORS
from events.models import Submission
from newsletters.models import Send
from tests.browser.test_admin_preview import sign_in
from tests.cms.factories import NewsIndexPageFactory, NewsPageFactory, publish
from tests.events.factories import EventIndexPageFactory
from tests.newsletters.factories import (
    MailingListFactory,
    NewsletterIndexPageFactory,
    NewsletterIssuePageFactory,
    SubscriptionFactory,
)
from tests.test_admin_refusals import pending_submission

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "salasana-123"


@pytest.fixture
def communicator(home, django_user_model):
    user = django_user_model.objects.create_user("viestija", "viestija@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=COMMUNICATORS))
    return user


@pytest.fixture
def issue(home):
    return NewsletterIssuePageFactory(
        parent=NewsletterIndexPageFactory(parent=home), title="Uutiskirje 1/2027"
    )


def open_sending_screen(page, issue):
    """From the issue's edit form, through its send button."""
    page.goto(reverse("wagtailadmin_pages:edit", args=[issue.pk]))
    sending_url = reverse("newsletters_admin:issue", args=[issue.pk])
    page.locator(f'a.button[href="{sending_url}"]').click()
    page.wait_for_url(f"**{sending_url}")


def test_a_test_send_carries_the_unpublished_draft(page, communicator, issue):
    sign_in(page, "viestija", PASSWORD)
    page.goto(reverse("wagtailadmin_pages:edit", args=[issue.pk]))
    page.locator("#id_lead").fill("Luonnoksen johdanto, jota ei ole julkaistu")
    page.get_by_role("button", name="Tallenna luonnos").click()
    page.wait_for_load_state()

    open_sending_screen(page, issue)
    page.get_by_label("Testiosoitteet").fill("testi@example.org")
    page.get_by_role("button", name="Lähetä testi").click()
    page.wait_for_load_state()

    (message,) = mail.outbox
    assert message.to == ["testi@example.org"]
    assert "Luonnoksen johdanto, jota ei ole julkaistu" in message.body
    issue.refresh_from_db()
    assert issue.lead != "Luonnoksen johdanto, jota ei ole julkaistu"


def test_prefill_offers_finnish_content_pages_and_adds_the_chosen(page, communicator, issue, home):
    news = NewsIndexPageFactory(parent=home)
    chosen = publish(NewsPageFactory(parent=news, title="Valittu uutinen"))
    publish(NewsPageFactory(parent=news, title="Ohitettu uutinen"))
    translate(chosen, "sv", title="Svensk nyhet")
    EventIndexPageFactory(parent=home, title="Tapahtumat")
    MailingListFactory(name="Osallisuutta päätöksiin", language="fi")
    sign_in(page, "viestija", PASSWORD)

    open_sending_screen(page, issue)
    page.get_by_label("Edellisen numeron jälkeen listalla").select_option(
        label="Osallisuutta päätöksiin"
    )
    page.get_by_role("button", name="Esitäytä luonnos").click()
    page.locator("button[name=choose]").wait_for()
    offered = page.locator("label:has(input[name=pages])").all_inner_texts()
    assert sorted(text.split(" (")[0].strip() for text in offered) == [
        "Ohitettu uutinen",
        "Valittu uutinen",
    ]
    page.locator("label", has_text="Valittu uutinen").locator("input").check()
    page.locator("input[name=upcoming_events]").uncheck()
    page.locator("button[name=choose]").click()
    page.wait_for_url(f"**{reverse('wagtailadmin_pages:edit', args=[issue.pk])}")

    issue.refresh_from_db()
    draft = issue.get_latest_revision_as_object()
    assert [
        block.value["page"].pk for block in draft.body if block.block_type == "featured_page"
    ] == [chosen.pk]


def test_a_communicator_sends_a_newsletter_and_moderates_a_submission(
    page, communicator, issue, home
):
    mailing_list = MailingListFactory(name="Osallisuutta päätöksiin")
    SubscriptionFactory(mailing_list=mailing_list)
    submission = pending_submission(home)
    sign_in(page, "viestija", PASSWORD)

    open_sending_screen(page, issue)
    page.get_by_label("Osallisuutta päätöksiin").check()
    page.get_by_role("button", name="Jatka vahvistukseen").click()
    page.locator("button[name=confirm]").click()
    page.wait_for_load_state()
    assert Send.objects.get().created_by == communicator

    page.goto(reverse("participation_week_submissions:review", args=[submission.pk]))
    page.locator("#id_create").check()  # the organiser is new to the network
    page.get_by_role("button", name="Hyväksy ja julkaise").click()
    page.wait_for_url("**/participation-week-submissions/")
    submission.refresh_from_db()
    assert submission.status == Submission.Status.APPROVED

"""The communicators' newsletter and moderation journeys in the admin (issue 13)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

import pytest

from cms.factories import make_site, translate
from cms.roles import COMMUNICATORS
from events.models import Submission
from newsletters.models import Send
from tests.browser.fixtures import new_page
from tests.browser.public_site import shared_site
from tests.browser.test_admin_preview import sign_in
from tests.cms.factories import NewsIndexPageFactory, NewsPageFactory, publish
from tests.newsletters.factories import (
    MailingListFactory,
    NewsletterIndexPageFactory,
    NewsletterIssuePageFactory,
    SubscriptionFactory,
)
from tests.test_admin_refusals import pending_submission

# One site and server for the module; each test has its own issue and mailing list, so
# what one test saves, sends or approves (on PostgreSQL it stays until the module ends)
# is not what another reads. On SQLite the server writes in the test's transaction:
# commit_callbacks sends the newsletter as a commit would.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db,
    pytest.mark.usefixtures("commit_callbacks"),
]
PASSWORD = "salasana-123"
# The event that the moderation test approves: a Finnish page published after the
# prefill list's last issue, so pre-fill rightly offers it when that test ran first.
APPROVED_EVENT = "Kaupunkikävely Kuopiossa"


def build_journeys():
    home = make_site()
    user = get_user_model().objects.create_user("viestija", "viestija@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=COMMUNICATORS))
    newsletters = NewsletterIndexPageFactory(parent=home)
    issues = {
        name: NewsletterIssuePageFactory(parent=newsletters, title=f"Uutiskirje {n}/2027")
        for n, name in enumerate(("draft", "prefill", "send"), start=1)
    }
    news = NewsIndexPageFactory(parent=home)
    chosen = publish(NewsPageFactory(parent=news, title="Valittu uutinen"))
    publish(NewsPageFactory(parent=news, title="Ohitettu uutinen"))
    translate(chosen, "sv", title="Svensk nyhet")
    MailingListFactory(name="Osallisuutta päätöksiin", language="fi")
    SubscriptionFactory(mailing_list=MailingListFactory(name="Kuntien osallisuuskirje"))
    issues["unpublished"] = NewsletterIssuePageFactory(
        parent=newsletters, title="Uutiskirje 4/2027", live=False
    )
    return {
        "communicator": user,
        "issues": issues,
        "chosen": chosen,
        "submission": pending_submission(home),  # with the event index upcoming events need
    }


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    with shared_site(django_db_blocker, build_journeys) as served:
        yield served


@pytest.fixture
def page(browser, site):
    with new_page(browser, site[0]) as page:
        yield page


@pytest.fixture
def built(site):
    return site[1]


def open_sending_screen(page, issue):
    """From the issue's edit form, through its send button."""
    page.goto(reverse("wagtailadmin_pages:edit", args=[issue.pk]))
    sending_url = reverse("newsletters_admin:issue", args=[issue.pk])
    page.locator(f'a.button[href="{sending_url}"]').click()
    page.wait_for_url(f"**{sending_url}")


def test_a_test_send_carries_the_unpublished_draft(page, built):
    issue = built["issues"]["draft"]
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


def test_prefill_offers_finnish_content_pages_and_adds_the_chosen(page, built):
    issue, chosen = built["issues"]["prefill"], built["chosen"]
    sign_in(page, "viestija", PASSWORD)

    open_sending_screen(page, issue)
    page.get_by_label("Edellisen numeron jälkeen listalla").select_option(
        label="Osallisuutta päätöksiin"
    )
    page.get_by_role("button", name="Esitäytä luonnos").click()
    page.locator("button[name=choose]").wait_for()
    offered = page.locator("label:has(input[name=pages])").all_inner_texts()
    titles = {text.split(" (")[0].strip() for text in offered} - {APPROVED_EVENT}
    assert sorted(titles) == [
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


def assert_nothing_covers(button):
    """The element at the button's centre is the button: no open picker lies over it."""
    button.scroll_into_view_if_needed()
    covered = button.evaluate(
        """button => {
            const box = button.getBoundingClientRect();
            const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
            return !button.contains(top);
        }"""
    )
    assert not covered


def test_an_unpublished_issue_keeps_the_choices_and_is_sent_by_publish_and_send(page, built):
    issue = built["issues"]["unpublished"]
    sign_in(page, "viestija", PASSWORD)

    open_sending_screen(page, issue)
    assert page.get_by_text("Tätä numeroa ei ole vielä julkaistu").is_visible()
    page.get_by_label("Kuntien osallisuuskirje").check()
    page.locator("#id_scheduled_at").click()  # Wagtail's picker opened here, over the button
    page.locator("#id_scheduled_at").fill("2099-03-01T09:30")
    submit = page.get_by_role("button", name="Jatka vahvistukseen")
    assert_nothing_covers(submit)
    submit.click()

    page.get_by_role("alert").wait_for()
    assert (
        "Numeroa ei ole julkaistu, joten sitä ei lähetetty."
        in page.get_by_role("alert").inner_text()
    )
    assert page.get_by_label("Kuntien osallisuuskirje").is_checked()
    assert page.locator("#id_scheduled_at").input_value() == "2099-03-01T09:30"
    assert not Send.objects.filter(issue=issue).exists()

    page.get_by_role("button", name="Julkaise ja lähetä").click()
    page.get_by_text("Numeron viimeisin versio julkaistaan, kun vahvistat.").wait_for()
    page.locator("button[name=confirm]").click()
    page.wait_for_url(f"**{reverse('newsletters_admin:issue', args=[issue.pk])}")

    assert page.get_by_text("Lähetys ajastettu.").is_visible()
    issue.refresh_from_db()
    assert issue.live
    send = Send.objects.get(issue=issue)
    assert send.status == Send.Status.SCHEDULED
    assert [mailing_list.name for mailing_list in send.mailing_lists.all()] == [
        "Kuntien osallisuuskirje"
    ]


def test_a_communicator_sends_a_newsletter_and_moderates_a_submission(page, built):
    issue, submission = built["issues"]["send"], built["submission"]
    sign_in(page, "viestija", PASSWORD)

    open_sending_screen(page, issue)
    page.get_by_label("Kuntien osallisuuskirje").check()
    page.get_by_role("button", name="Jatka vahvistukseen").click()
    page.locator("button[name=confirm]").click()
    page.wait_for_load_state()
    assert Send.objects.get(issue=issue).created_by == built["communicator"]

    page.goto(reverse("participation_week_submissions:review", args=[submission.pk]))
    page.locator("#id_create").check()  # the organiser is new to the network
    page.get_by_role("button", name="Hyväksy ja julkaise").click()
    page.wait_for_url("**/participation-week-submissions/")
    submission.refresh_from_db()
    assert submission.status == Submission.Status.APPROVED

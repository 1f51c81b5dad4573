"""The communicators' newsletter and moderation journeys in the admin (issue 13)."""

import datetime

from django.apps import apps
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

import pytest

from cms.models import Region
from cms.roles import COMMUNICATORS, apply_roles
from events.models import Submission
from newsletters.models import Send
from tests.browser.test_admin_preview import sign_in
from tests.cms.factories import NewsIndexPageFactory, NewsPageFactory, publish
from tests.events.factories import (
    EventIndexPageFactory,
    EventTypeFactory,
    ParticipationWeekPageFactory,
)
from tests.factories import translate
from tests.newsletters.factories import (
    MailingListFactory,
    NewsletterIndexPageFactory,
    NewsletterIssuePageFactory,
    SubscriptionFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "salasana-123"


@pytest.fixture
def communicator(home, django_user_model):
    # Transactional tests flush what the migration made: make the groups again.
    apply_roles(apps)
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


def pending_submission(home):
    week = ParticipationWeekPageFactory(parent=EventIndexPageFactory(parent=home))
    week.save_revision().publish()
    return Submission.objects.create(
        week=week,
        organiser_name="Kuopion Osallisuusyhdistys ry",
        contact_name="Ville Väisänen",
        contact_email="ville@example.org",
        title="Kaupunkikävely Kuopiossa",
        description="Kävelemme yhdessä.",
        event_type=EventTypeFactory(name_fi="Työpaja", slug="tyopaja"),
        start=datetime.datetime(2027, 2, 3, 13, tzinfo=datetime.UTC),
        end=datetime.datetime(2027, 2, 3, 15, tzinfo=datetime.UTC),
        attendance_mode="online",
        region=Region.objects.create(name_fi="Pohjois-Savo", slug="pohjois-savo"),
        language="fi",
    )


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


def test_without_the_group_sending_and_moderation_are_refused(
    page, communicator, issue, home, django_user_model
):
    submission = pending_submission(home)
    other = django_user_model.objects.create_user("muu", "muu@example.org", PASSWORD)
    other.groups.add(Group.objects.get(name="Tapahtumavastaavat"))
    sign_in(page, "muu", PASSWORD)

    page.goto(reverse("newsletters_admin:issue", args=[issue.pk]))
    assert page.locator("#id_mailing_lists").count() == 0
    page.goto(reverse("participation_week_submissions:review", args=[submission.pk]))
    assert page.get_by_role("button", name="Hyväksy ja julkaise").count() == 0
    assert Submission.objects.get().status == Submission.Status.PENDING

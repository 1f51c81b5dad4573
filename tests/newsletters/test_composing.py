import datetime
import zoneinfo

from django.urls import reverse
from django.utils import timezone

import pytest
import time_machine

from cms.factories import translate
from newsletters.blocks import IssueBlock
from newsletters.emails import render_issue
from newsletters.models import NewsletterIssuePage, Send
from newsletters.services import composing
from tests.cms.factories import NewsIndexPageFactory, NewsPageFactory
from tests.events.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    EventSeriesPageFactory,
    EventTypeFactory,
)
from tests.factories import StandardPageFactory
from tests.newsletters.factories import MailingListFactory, NewsletterIssuePageFactory

pytestmark = pytest.mark.django_db


def publish(page):
    page.save_revision().publish()
    return page


def test_prefill_offers_pages_published_since_the_lists_last_issue(home, index, mailing_list):
    news = NewsIndexPageFactory(parent=home)
    with time_machine.travel("2025-01-10 12:00 +0200"):
        publish(NewsPageFactory(parent=news, title="Vanha uutinen"))
        previous = NewsletterIssuePageFactory(parent=index)
        Send.objects.create(issue=previous, status="finished", finished_at=timezone.now())
        Send.objects.get().mailing_lists.set([mailing_list])
    with time_machine.travel("2025-02-10 12:00 +0200"):
        publish(NewsPageFactory(parent=news, title="Uusi uutinen"))

        offered = composing.candidates(mailing_list)

    assert [page.title for page in offered] == ["Uusi uutinen"]


def test_prefill_offers_only_content_pages_in_the_lists_language(home, index):
    news = NewsIndexPageFactory(parent=home)
    events = EventIndexPageFactory(parent=home)
    finnish_news = publish(NewsPageFactory(parent=news, title="Uutinen"))
    publish(EventPageFactory(parent=events, title="Etäkahvila"))
    publish(EventSeriesPageFactory(parent=events, title="Kahvilasarja"))
    publish(StandardPageFactory(parent=home, title="Tietoa meistä"))
    swedish = translate(finnish_news, "sv", title="Nyhet")
    finnish = MailingListFactory(language="fi")
    svenska = MailingListFactory(language="sv")

    assert {page.title for page in composing.candidates(finnish)} == {"Uutinen", "Etäkahvila"}
    assert [page.pk for page in composing.candidates(svenska)] == [swedish.pk]


def test_prefill_adds_only_the_chosen_pages_as_a_draft(home, index, mailing_list):
    news = NewsIndexPageFactory(parent=home)
    chosen = publish(NewsPageFactory(parent=news, title="Valittu"))
    publish(NewsPageFactory(parent=news, title="Ohitettu"))
    issue = NewsletterIssuePageFactory(parent=index, body=[])

    added = composing.prefill_issue(issue, [chosen])

    draft = issue.get_latest_revision_as_object()
    titles = [b.value.display_title() for b in draft.body if b.block_type == "featured_page"]
    assert added == 1
    assert titles == ["Valittu"]
    issue.refresh_from_db()
    assert issue.has_unpublished_changes
    assert composing.prefill_issue(issue, [chosen]) == 0


def test_prefill_can_be_limited_to_page_types(settings, home, index, mailing_list):
    settings.NEWSLETTER_PREFILL_PAGE_TYPES = ["cms.HomePage"]
    publish(NewsPageFactory(parent=NewsIndexPageFactory(parent=home), title="Uutinen"))

    assert not composing.candidates(mailing_list)


def test_a_page_becomes_a_draft_issue_without_retyping(home, index):
    research = StandardPageFactory(
        parent=home,
        title="Tutkimusviesti 3/2025",
        lead="Kuukauden tutkimukset.",
        body=[
            ("heading", {"text": "Uutta tutkimusta", "level": "h2"}),
            ("paragraph", "<p>Osallisuus ja työllisyys.</p>"),
        ],
    )

    issue = composing.issue_from_page(research, index)

    assert issue.title == "Tutkimusviesti 3/2025"
    assert issue.lead == "Kuukauden tutkimukset."
    assert [b.block_type for b in issue.body] == ["heading", "paragraph"]
    assert not issue.live


def test_admin_makes_an_issue_from_a_page_for_permitted_editors(admin_client, home, index):
    research = StandardPageFactory(parent=home, title="Tutkimusviesti 4/2025")
    url = reverse("newsletters_admin:issue_from_page", args=[research.pk])

    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url)

    issue = NewsletterIssuePage.objects.get(title="Tutkimusviesti 4/2025")
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[issue.pk])


def test_admin_prefill_needs_edit_permission(client, django_user_model, index, mailing_list):
    from tests.newsletters.conftest import login, refused

    issue = NewsletterIssuePageFactory(parent=index, body=[])
    login(client, django_user_model, "view_send")

    response = client.post(
        reverse("newsletters_admin:prefill", args=[issue.pk]), {"mailing_list": mailing_list.pk}
    )

    assert refused(response)


def test_admin_prefill_lets_the_editor_choose_before_adding(
    admin_client, home, index, mailing_list
):
    news = NewsIndexPageFactory(parent=home)
    chosen = publish(NewsPageFactory(parent=news, title="Valittu uutinen"))
    publish(NewsPageFactory(parent=news, title="Ohitettu uutinen"))
    issue = NewsletterIssuePageFactory(parent=index, body=[])
    url = reverse("newsletters_admin:prefill", args=[issue.pk])

    offer = admin_client.post(url, {"mailing_list": mailing_list.pk})
    added = admin_client.post(
        url, {"mailing_list": mailing_list.pk, "pages": [chosen.pk], "choose": "1"}
    )

    assert "Ohitettu uutinen" in offer.content.decode()
    assert not issue.get_latest_revision_as_object().body
    assert added["Location"] == reverse("wagtailadmin_pages:edit", args=[issue.pk])
    issue.refresh_from_db()
    draft = issue.get_latest_revision_as_object()
    assert [block.value["page"].pk for block in draft.body] == [chosen.pk]


def test_admin_prefill_refuses_pages_it_did_not_offer(admin_client, home, index, mailing_list):
    about = publish(StandardPageFactory(parent=home, title="Tietoa meistä"))
    issue = NewsletterIssuePageFactory(parent=index, body=[])

    admin_client.post(
        reverse("newsletters_admin:prefill", args=[issue.pk]),
        {"mailing_list": mailing_list.pk, "pages": [about.pk], "choose": "1"},
    )

    issue.refresh_from_db()
    assert not issue.get_latest_revision_as_object().body


def test_prefill_adds_one_block_of_upcoming_events_not_each_event(home, index, mailing_list):
    events = EventIndexPageFactory(parent=home)
    EventPageFactory(parent=events, title="Etäkahvila joulukuussa")
    issue = NewsletterIssuePageFactory(parent=index, body=[])

    assert composing.prefill_issue(issue, [], upcoming_events=True) == 0
    composing.prefill_issue(issue, [], upcoming_events=True)

    draft = issue.get_latest_revision_as_object()
    assert [block.block_type for block in draft.body] == ["upcoming_events"]
    assert [event.title for event in draft.body[0].value.events()] == ["Etäkahvila joulukuussa"]


def test_upcoming_events_block_follows_its_filters_and_skips_past_and_cancelled(home, index):
    events = EventIndexPageFactory(parent=home)
    webinar = EventTypeFactory(name_fi="Webinaari")
    cafe = EventTypeFactory(name_fi="Etäkahvila")
    EventPageFactory(parent=events, title="Tuleva webinaari", event_type=webinar)
    EventPageFactory(parent=events, title="Tuleva kahvila", event_type=cafe)
    EventPageFactory(
        parent=events, title="Peruttu webinaari", event_type=webinar, status="cancelled"
    )
    past_start = timezone.now() - datetime.timedelta(days=3)
    EventPageFactory(
        parent=events,
        title="Mennyt webinaari",
        event_type=webinar,
        start=past_start,
        end=past_start + datetime.timedelta(hours=1),
    )
    block = IssueBlock().child_blocks["upcoming_events"]

    value = block.to_python({"count": 5, "event_type": webinar.pk})

    assert [event.title for event in value.events()] == ["Tuleva webinaari"]


def test_issue_email_lists_upcoming_events_without_their_join_links(home, index):
    events = EventIndexPageFactory(parent=home)
    EventPageFactory(parent=events, title="Digiosallisuuden kahvila")
    issue = NewsletterIssuePageFactory(parent=index, body=[])
    issue.body = [("upcoming_events", IssueBlock().child_blocks["upcoming_events"].to_python({}))]
    issue.save_revision().publish()

    rendered = render_issue(issue)

    assert "Digiosallisuuden kahvila" in rendered.html
    assert "Digiosallisuuden kahvila" in rendered.text
    assert "Tulevat tapahtumat" in rendered.html
    assert "teams.example.org" not in rendered.html + rendered.text


HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")


@pytest.fixture
def events_published_today(home):
    """Two events published on 1.10.2030: a café ahead and a webinar already held."""
    events = EventIndexPageFactory(parent=home)
    with time_machine.travel("2030-10-01 12:00 +0300"):
        for title, day in (("Etäkahvila lokakuussa", 9), ("Webinaari syyskuussa", 16)):
            start = datetime.datetime(2030, 10 if day == 9 else 9, day, 9, 30, tzinfo=HELSINKI)
            publish(
                EventPageFactory(
                    parent=events,
                    title=title,
                    start=start,
                    end=start + datetime.timedelta(hours=1, minutes=30),
                )
            )


def test_prefill_dates_events_by_their_start_and_sets_past_ones_apart(
    client, admin_user, index, mailing_list, events_published_today
):
    issue = NewsletterIssuePageFactory(parent=index, body=[])

    with time_machine.travel("2030-10-01 12:05 +0300"):
        client.force_login(admin_user)
        response = client.post(
            reverse("newsletters_admin:prefill", args=[issue.pk]), {"mailing_list": mailing_list.pk}
        )

    content = response.content.decode()
    upcoming = "Etäkahvila lokakuussa (ke 9.10.2030 klo 9.30–11.00)"
    past = "Webinaari syyskuussa (ma 16.9.2030 klo 9.30–11.00)"
    assert upcoming in content
    assert past in content
    assert "1.10.2030" not in content
    assert content.index("Tulevat tapahtumat") < content.index(upcoming)
    assert content.index(upcoming) < content.index("Menneet tapahtumat: jo pidetty")
    assert content.index("Menneet tapahtumat: jo pidetty") < content.index(past)


def test_prefill_adds_chosen_upcoming_and_past_events_as_featured_pages(
    client, admin_user, index, mailing_list, events_published_today
):
    issue = NewsletterIssuePageFactory(parent=index, body=[])
    offer = composing.offer(mailing_list, now=datetime.datetime(2030, 10, 1, tzinfo=HELSINKI))
    (upcoming,), (past,) = offer.upcoming_events, offer.past_events

    with time_machine.travel("2030-10-01 12:05 +0300"):
        client.force_login(admin_user)
        client.post(
            reverse("newsletters_admin:prefill", args=[issue.pk]),
            {
                "mailing_list": mailing_list.pk,
                "events": [upcoming.pk],
                "past_events": [past.pk],
                "choose": "1",
            },
        )

    issue.refresh_from_db()
    draft = issue.get_latest_revision_as_object()
    featured = [b.value["page"].title for b in draft.body if b.block_type == "featured_page"]
    assert featured == ["Etäkahvila lokakuussa", "Webinaari syyskuussa"]
    assert offer.pages == []

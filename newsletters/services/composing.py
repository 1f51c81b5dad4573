"""Helping editors compose: pre-filling an issue with what was published since the
list's last issue, and turning a page (e.g. a research message) into an issue."""

from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Max

from wagtail.models import Page

from events.listing import live_events_in_language
from events.models import EventPage
from newsletters.blocks import IssueBlock
from newsletters.models import NewsletterIssuePage, Send

PREFILL_LIMIT = 50


def last_issue_time(mailing_list):
    latest = Send.objects.filter(mailing_lists=mailing_list, status=Send.Status.FINISHED).aggregate(
        latest=Max("finished_at")
    )["latest"]
    return latest or datetime(2000, 1, 1, tzinfo=UTC)


def candidates(mailing_list):
    """What pre-fill offers for the list: live content pages in the list's language
    first published since its last issue, newest first. The types are
    NEWSLETTER_PREFILL_PAGE_TYPES ("app_label.Model": news, research messages, events)."""
    types = [
        ContentType.objects.get_by_natural_key(*name.lower().split("."))
        for name in settings.NEWSLETTER_PREFILL_PAGE_TYPES
    ]
    pages = Page.objects.live().filter(
        first_published_at__gt=last_issue_time(mailing_list),
        content_type__in=types,
        locale__language_code=mailing_list.language,
    )
    return pages.order_by("-first_published_at")[:PREFILL_LIMIT]


@dataclass
class PrefillOffer:
    """What pre-fill offers, in three groups: an event is dated by its own start (its
    publish date says nothing to readers), and one already held is set apart."""

    pages: list
    upcoming_events: list
    past_events: list


def offer(mailing_list, now=None):
    found = list(candidates(mailing_list))
    event_ids = [page.pk for page in found if page.specific_class is EventPage]
    events = EventPage.objects.filter(pk__in=event_ids).with_record()
    return PrefillOffer(
        pages=[page for page in found if page.pk not in event_ids],
        upcoming_events=list(events.upcoming(now=now)),
        past_events=list(events.past(now=now)),
    )


def prefill_issue(issue, pages, upcoming_events=False, user=None):
    """Add a featured-page block for each page the editor chose (and, if asked, one
    upcoming-events block), saved as a draft revision. Returns how many pages were added."""
    draft = issue.get_latest_revision_as_object()
    featured = {
        block.value["page"].pk
        for block in draft.body
        if block.block_type == "featured_page" and block.value.get("page")
    }
    added = [page for page in pages if page.pk not in featured]
    for page in added:
        draft.body.append(("featured_page", {"page": page, "title": "", "lead": ""}))
    events_added = upcoming_events and _add_upcoming_events(draft)
    if added or events_added:
        draft.save_revision(user=user)
    return len(added)


def _add_upcoming_events(draft):
    """An upcoming-events block, once, when the site has events ahead."""
    if any(block.block_type == "upcoming_events" for block in draft.body):
        return False
    if not live_events_in_language().upcoming().exists():
        return False
    block = draft.body.stream_block.child_blocks["upcoming_events"]
    draft.body.append(("upcoming_events", block.to_python({})))
    return True


def issue_from_page(page, index, user=None):
    """A draft issue with the page's title, lead and those body blocks an issue also has
    (headings, text, images, research items), so a research message is not retyped."""
    specific = page.specific
    issue_block = IssueBlock()
    body = []
    for item in getattr(getattr(specific, "body", None), "raw_data", []):
        child = issue_block.child_blocks.get(item["type"])
        if child is None:
            continue
        try:
            child.clean(child.to_python(item["value"]))
        except (ValidationError, TypeError, KeyError, ValueError):
            continue
        body.append({"type": item["type"], "value": item["value"]})
    issue = NewsletterIssuePage(
        title=specific.title, lead=getattr(specific, "lead", "")[:600], body=body, live=False
    )
    index.add_child(instance=issue)
    issue.save_revision(user=user)
    return issue

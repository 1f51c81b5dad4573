"""Helping editors compose: pre-filling an issue with what was published since the
list's last issue, and turning a page (e.g. a research message) into an issue."""

from datetime import UTC, datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Max

from wagtail.models import Page

from events.listing import live_events_in_language
from events.models import EventPage
from newsletters.blocks import IssueBlock
from newsletters.models import NewsletterIndexPage, NewsletterIssuePage, Send

PREFILL_LIMIT = 20


def last_issue_time(mailing_list):
    latest = Send.objects.filter(mailing_lists=mailing_list, status=Send.Status.FINISHED).aggregate(
        latest=Max("finished_at")
    )["latest"]
    return latest or datetime(2000, 1, 1, tzinfo=UTC)


def pages_since(moment):
    """Live content pages first published after `moment`, newest first. Which page types
    count is NEWSLETTER_PREFILL_PAGE_TYPES ("app_label.model"); by default every type
    but the home page and the newsletter's own."""
    pages = Page.objects.live().filter(first_published_at__gt=moment, depth__gt=2)
    names = settings.NEWSLETTER_PREFILL_PAGE_TYPES
    if names:
        types = [ContentType.objects.get_by_natural_key(*name.lower().split(".")) for name in names]
        pages = pages.filter(content_type__in=types)
    else:
        # Events come in through the upcoming-events block instead.
        own = ContentType.objects.get_for_models(
            NewsletterIndexPage, NewsletterIssuePage, EventPage
        )
        pages = pages.exclude(content_type__in=own.values())
    return pages.order_by("-first_published_at")[:PREFILL_LIMIT]


def prefill_issue(issue, mailing_list, user=None):
    """Add a featured-page block for each page published since the list's last issue,
    saved as a draft revision for the editor to curate. Returns how many were added."""
    draft = issue.get_latest_revision_as_object()
    featured = {
        block.value["page"].pk
        for block in draft.body
        if block.block_type == "featured_page" and block.value.get("page")
    }
    added = [page for page in pages_since(last_issue_time(mailing_list)) if page.pk not in featured]
    for page in added:
        draft.body.append(("featured_page", {"page": page, "title": "", "lead": ""}))
    events_added = _add_upcoming_events(draft)
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

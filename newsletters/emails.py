"""Building newsletter e-mail: the issue as responsive HTML with inlined CSS and a
plain-text alternative, the per-recipient links, and the double opt-in message.

Every link in a message is absolute from BASE_URL (cms.links): pages through
`page_url`, whatever the Wagtail Site record says, and any root-relative address left
in the HTML (an image rendition, a document) is completed as the last step.
"""

import re
from dataclasses import dataclass
from email.utils import parseaddr
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

import css_inline
from inscriptis import get_text
from inscriptis.css_profiles import CSS_PROFILES
from inscriptis.model.config import ParserConfig
from inscriptis.model.tag import CustomHtmlTagHandlerMapping

from cms.links import absolute_url, page_url
from cms.outbox import queue_email
from newsletters.tokens import make_token

CSS_FILE = Path(__file__).parent / "templates" / "newsletters" / "emails" / "issue.css"
MERGE_FIELDS = ("preferences_url", "unsubscribe_url")
HTML_LINE_CHARS = 300  # at most 4 bytes a character: well under the 998-byte line limit
TEXT_LINE_CHARS = 76
# href="/…" or src="/…", but not protocol-relative "//host/…".
ROOT_RELATIVE = re.compile(r'(\s(?:href|src)=")(/(?!/)[^"]*)"')


@lru_cache(maxsize=1)
def _inliner():
    # Keep the <style> element too: its media queries make the mail responsive.
    return css_inline.CSSInliner(keep_style_tags=True)


def merge_field(name):
    """The placeholder for one recipient's value: the sending service fills it in or
    rewrites it to the ESP's merge syntax (newsletters.services.esp)."""
    return "{{" + name + "}}"


def _link_start(state, attrs):
    state.link_target = attrs.get("href", "")


def _link_end(state):
    """A link as "text <address>": the delimiters RFC 3986 (appendix C) suggests for
    addresses in plain text, which mail clients turn into links even when wrapped."""
    if state.link_target:
        state.tags[-1].write(f" <{state.link_target}>")


@lru_cache(maxsize=1)
def _text_config():
    # Images as their alt text; the layout tables of the HTML read as plain blocks.
    return ParserConfig(
        css=CSS_PROFILES["strict"],
        display_images=True,
        custom_html_tag_handler_mapping=CustomHtmlTagHandlerMapping(
            start_tag_mapping={"a": _link_start}, end_tag_mapping={"a": _link_end}
        ),
    )


@dataclass
class RenderedIssue:
    subject: str
    html: str
    text: str
    language: str


def render_issue(issue, links=None):
    """The issue as sent. `links` fills the per-recipient links; without it the ESP's
    merge fields stay in place for the ESP to fill."""
    language = issue.locale.language_code
    links = links or {name: merge_field(name) for name in MERGE_FIELDS}
    context = {
        "issue": issue,
        "language": language,
        "view_url": page_url(issue),
        "css": CSS_FILE.read_text(),
        **links,
    }
    with translation.override(language):
        html = absolute_links(render_to_string("newsletters/emails/issue.html", context))
    text = html_to_text(html)
    html = wrap_lines(_inliner().inline(html), HTML_LINE_CHARS)
    return RenderedIssue(issue.title, html, wrap_lines(text, TEXT_LINE_CHARS), language)


def absolute_links(html):
    """Complete every root-relative href and src from BASE_URL."""
    return ROOT_RELATIVE.sub(lambda match: f'{match[1]}{absolute_url(match[2])}"', html)


def html_to_text(html):
    """The plain-text part, made from the HTML so it says the same: link addresses
    kept, entities decoded, blank lines between blocks, no trailing spaces."""
    lines = [line.rstrip() for line in get_text(html, _text_config()).splitlines()]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return text.strip() + "\n"


def wrap_lines(text, width):
    """Break lines longer than `width` at spaces. Plain text reads better at 76, and
    mail lines over 998 bytes force quoted-printable encoding of the whole part, which
    nearly doubled the time to build each SMTP message."""
    lines = []
    for line in text.split("\n"):
        while len(line) > width:
            cut = line.rfind(" ", 0, width)
            if cut <= 0:
                break
            lines.append(line[:cut])
            line = line[cut + 1 :]
        lines.append(line)
    return "\n".join(lines)


def preview_issue_html(issue):
    """What a recipient sees, with example links, for the admin preview."""
    return render_issue(issue, links=recipient_links(0, [])).html


def fill_links(rendered, links):
    """(html, text) with the merge fields replaced by one recipient's links, for
    backends that send each recipient their own message."""
    html, text = rendered.html, rendered.text
    for name, value in links.items():
        html = html.replace(merge_field(name), value)
        text = text.replace(merge_field(name), value)
    return html, text


def recipient_links(subscriber_id, list_ids, issue_id=None):
    return link_maker()(subscriber_id, list_ids, issue_id)


def link_maker():
    """A function giving one recipient's links in the active language. URLs are
    reversed once and the tokens put in by string replacement: reversing twice per
    recipient was a third of the sending time of a large list."""
    placeholder = "TOKEN"
    preferences = absolute_url(reverse("newsletters:preferences", args=[placeholder]))
    unsubscribe = absolute_url(reverse("newsletters:unsubscribe", args=[placeholder]))

    def links(subscriber_id, list_ids, issue_id=None):
        return {
            "preferences_url": preferences.replace(
                placeholder, make_token("preferences", subscriber_id)
            ),
            "unsubscribe_url": unsubscribe.replace(
                placeholder, make_token("unsubscribe", subscriber_id, list_ids, issue_id)
            ),
        }

    return links


def list_headers(unsubscribe_url, list_id):
    """RFC 2369/2919/8058 headers for one recipient of a bulk message."""
    token = unsubscribe_url.rstrip("/").rsplit("/", 1)[-1]
    mailto = f"mailto:{unsubscribe_address()}?subject=unsubscribe%20{token}"
    return {
        "List-Unsubscribe": f"<{unsubscribe_url}>, <{mailto}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": list_id,
    }


def unsubscribe_address():
    return (
        getattr(settings, "NEWSLETTER_UNSUBSCRIBE_ADDRESS", "")
        or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    )


def queue_confirmation(subscriber, mailing_lists):
    """Store the double opt-in e-mail, with its signed, expiring confirmation link, in
    the outbox (cms.outbox), which sends it after the caller's transaction commits."""
    token = make_token("confirm", subscriber.pk, [m.pk for m in mailing_lists])
    with translation.override(subscriber.language):
        url = absolute_url(reverse("newsletters:confirm", args=[token]))
        context = {"subscriber": subscriber, "mailing_lists": mailing_lists, "confirm_url": url}
        return queue_email(
            to=subscriber.email,
            subject=render_to_string("newsletters/emails/confirm_subject.txt", context).strip(),
            text=render_to_string("newsletters/emails/confirm.txt", context),
            html=render_to_string("newsletters/emails/confirm.html", context),
            purpose="newsletters.confirm",
            language=subscriber.language,
        )

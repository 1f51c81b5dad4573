"""StreamField blocks for newsletter issues, and the subscribe block any page may place."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from cms.blocks import CallToActionBlock, HeadingBlock
from cms.links import page_url
from events.listing import live_events_in_language
from events.models import EventPage


class FeaturedPageValue(blocks.StructValue):
    """The chosen page's title, lead and image, so templates need no lookups. The
    editor's own title and lead, when given, win."""

    @property
    def target(self):
        page = self.get("page")
        return page.specific if page else None

    def display_title(self):
        return self.get("title") or (self.target.title if self.target else "")

    def display_lead(self):
        target = self.target
        return (
            self.get("lead")
            or getattr(target, "lead", "")
            or getattr(target, "search_description", "")
        )

    def image(self):
        return getattr(self.target, "social_image", None)

    def url(self):
        return page_url(self.target) if self.target else ""


class FeaturedPageBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("page"))
    title = blocks.CharBlock(
        label=_("title"), required=False, max_length=200, help_text=_("The page's title if empty.")
    )
    lead = blocks.TextBlock(
        label=_("lead"), required=False, max_length=600, help_text=_("The page's lead if empty.")
    )

    class Meta:
        icon = "doc-full-inverse"
        template = "newsletters/blocks/featured_page_block.html"
        value_class = FeaturedPageValue
        label = _("featured page")
        description = _("A news item, research message or event from the site.")


class ResearchItemBlock(blocks.StructBlock):
    citation = blocks.CharBlock(label=_("citation"), max_length=500)
    summary = blocks.TextBlock(label=_("summary"), max_length=2000)
    link = blocks.URLBlock(
        label=_("link"), required=False, help_text=_("Address, URN or DOI link of the work.")
    )

    class Meta:
        icon = "doc-empty"


class ResearchItemsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=200, default=_("New research"))
    items = blocks.ListBlock(ResearchItemBlock(), label=_("items"))

    class Meta:
        icon = "list-ul"
        template = "newsletters/blocks/research_items_block.html"
        label = _("research items")
        description = _("Citations with a short summary and a link.")
        preview_value = {
            "heading": "Uutta tutkimusta",
            "items": [
                {
                    "citation": "Virtanen, A. (2025). Osallisuus arjessa.",
                    "summary": "Tutkimus kokemuksellisesta osallisuudesta.",
                    "link": "https://example.org/",
                }
            ],
        }


class UpcomingEventsValue(blocks.StructValue):
    """The events are picked when the issue is rendered, so a scheduled issue lists
    what is upcoming on the day it goes out."""

    def events(self):
        events = (
            live_events_in_language().upcoming().exclude(event__status=EventPage.Status.CANCELLED)
        )
        if self.get("event_type"):
            events = events.filter(event__event_type=self["event_type"])
        if self.get("region"):
            events = events.filter(event__region=self["region"])
        return events[: self.get("count") or 5]


class UpcomingEventsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=200, default=_("Upcoming events"))
    count = blocks.IntegerBlock(label=_("how many"), min_value=1, max_value=10, default=5)
    event_type = SnippetChooserBlock(
        "events.EventType", label=_("only this event type"), required=False
    )
    region = SnippetChooserBlock("cms.Region", label=_("only this region"), required=False)

    class Meta:
        icon = "date"
        template = "newsletters/blocks/upcoming_events_block.html"
        value_class = UpcomingEventsValue
        label = _("upcoming events")
        description = _("The next events from the site, picked by the filters when sent.")


class IssueBlock(blocks.StreamBlock):
    """The body of a newsletter issue; every block renders on the web and in e-mail."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("text"),
        features=["bold", "italic", "link", "ol", "ul"],
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        description=_("Text with links and lists."),
    )
    image = ImageBlock(
        label=_("image"),
        template="blocks/image_block.html",
        description=_("An image with its alt text."),
    )
    featured_page = FeaturedPageBlock()
    research_items = ResearchItemsBlock()
    upcoming_events = UpcomingEventsBlock()
    call_to_action = CallToActionBlock()


class SubscribeBlock(blocks.StructBlock):
    """The subscribe form, for any page type that wants to offer the newsletter."""

    heading = blocks.CharBlock(label=_("heading"), max_length=200, default=_("Subscribe"))
    text = blocks.TextBlock(label=_("text"), required=False, max_length=600)

    class Meta:
        icon = "mail"
        template = "newsletters/blocks/subscribe_block.html"
        label = _("subscribe form")
        description = _("The newsletter subscribe form.")
        preview_value = {"heading": "Tilaa uutiskirje", "text": ""}

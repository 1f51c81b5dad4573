"""RSS 2.0 and Atom feeds of the news and the research messages.

The index pages serve these from their own routes (`rss/`, `atom/`), so every language
gets its own feed at its own address. The index is passed in; nothing here imports models.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import strip_tags

from cms.links import absolute_url

FEED_LENGTH = 20


def start_of_day(day):
    """A publication date as an aware datetime at midnight in Helsinki, as feeds need times."""
    return datetime.datetime.combine(day, datetime.time(), tzinfo=ZoneInfo(settings.TIME_ZONE))


class IndexFeed(Feed):
    """A feed of an index page's children; the request and index come from the route."""

    def __call__(self, request, *args, index=None, **kwargs):
        self.request = request
        return super().__call__(request, index=index)

    def get_object(self, request, index):
        return index

    def title(self, index):
        return index.title

    def link(self, index):
        return index.get_full_url(self.request)

    def description(self, index):
        return index.lead or index.title

    def feed_url(self, index):
        return absolute_url(self.request.get_full_path())

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_updateddate(self, item):
        return item.last_published_at


class NewsRssFeed(IndexFeed):
    feed_type = Rss201rev2Feed

    def items(self, index):
        return index.news().prefetch_related("authors", "tagged_items__tag")[:FEED_LENGTH]

    def item_description(self, item):
        return item.lead

    def item_pubdate(self, item):
        return start_of_day(item.date)

    def item_author_name(self, item):
        return ", ".join(person.name for person in item.authors.all()) or None

    def item_categories(self, item):
        return [tagged.tag.name for tagged in item.tagged_items.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, index):
        return self.description(index)


class ResearchFeed(IndexFeed):
    feed_type = Rss201rev2Feed

    def items(self, index):
        return index.issues().prefetch_related("research_items")[:FEED_LENGTH]

    def item_description(self, item):
        """The lead and the titles of the issue's research items, as plain text."""
        titles = "; ".join(research.title for research in item.research_items.all())
        return " ".join(filter(None, [item.lead or strip_tags(item.intro), titles]))

    def item_pubdate(self, item):
        return start_of_day(item.issue_date)

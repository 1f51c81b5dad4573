"""The events' public tools on the site's *Tools* page and in the footer (`cms.tools`),
and their views that are not pages in the sitemap."""

from django.utils.translation import gettext_lazy as _

from cms.sitemaps import register_view
from cms.tools import register_tool


def register():
    register_tool(
        "participation-indicator",
        title=_("Participation indicator"),
        description=_("How included the participants of our events have felt, from the survey."),
        url="events:survey_results",
        order=20,
    )
    register_tool(
        "calendar-feeds",
        title=_("Calendar subscriptions"),
        description=_("Subscribe to the events you choose in your own calendar."),
        url="events:feed_builder",
        order=40,
    )
    register_view("events:survey_results")
    register_view("events:feed_builder")

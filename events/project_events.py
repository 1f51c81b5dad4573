"""The events of a project, on the project's page in the network directory. `network`
does not import events: this module adds the section to the directory's registry."""

from django.utils import timezone

from events.listing import live_events_in_language
from network.project_sections import register_project_section

PAST_SHOWN = 5


def project_events_section(request, project):
    """The project's upcoming events and its latest past ones, in the reader's language.
    Projects are linked on the event record, so an event shows in every language."""
    events = live_events_in_language().filter(event__projects=project)
    now = timezone.now()
    upcoming = list(events.upcoming(now=now))
    past = list(events.past(now=now)[:PAST_SHOWN])
    return "events/includes/project_events.html", {"upcoming": upcoming, "past": past}


def register():
    register_project_section(project_events_section)

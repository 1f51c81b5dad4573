"""The events of a project, on the project's page in the network directory. `network`
does not import events: this module adds the section to the directory's registry."""

from django.utils import timezone

from events.listing import live_events_in_language
from network.project_sections import register_project_section

PAST_SHOWN = 5


def project_events_section(request, project):
    """The project's upcoming events and its latest past ones, in the reader's language."""
    events = (
        live_events_in_language()
        .filter(projects=project)
        .select_related("event_type")
        .order_by("start")
    )
    now = timezone.now()
    upcoming = list(events.filter(end__gte=now))
    past = list(events.filter(end__lt=now).order_by("-start")[:PAST_SHOWN])
    return "events/includes/project_events.html", {"upcoming": upcoming, "past": past}


def register():
    register_project_section(project_events_section)

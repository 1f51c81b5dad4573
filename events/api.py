"""Open data of the events: upcoming events as read-only JSON, each once (in Finnish
where it is translated), with its page's absolute address. Only what the public pages
show: never the join link, never anything about registrants."""

from django.conf import settings
from django.db.models import Q

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers

from cms.api import OpenDataViewSet, QueryFilter, router
from cms.links import page_url
from cms.models import Region
from events.listing import live_events_in_language
from events.models import Event, EventPage


def _label(name):
    """The fact's own name (the schema's title), as the record's field has it."""
    return Event._meta.get_field(name).verbose_name


class EventSerializer(serializers.ModelSerializer):
    """A page's words, and its event's facts read from the one record (`page.event`)."""

    event_type = serializers.SlugRelatedField(
        source="event.event_type", label=_label("event_type"), slug_field="slug", read_only=True
    )
    start = serializers.DateTimeField(source="event.start", label=_label("start"), read_only=True)
    end = serializers.DateTimeField(source="event.end", label=_label("end"), read_only=True)
    all_day = serializers.BooleanField(
        source="event.all_day", label=_label("all_day"), read_only=True
    )
    status = serializers.ChoiceField(
        source="event.status", label=_label("status"), choices=Event.Status.choices, read_only=True
    )
    attendance_mode = serializers.ChoiceField(
        source="event.attendance_mode",
        label=_label("attendance_mode"),
        choices=Event.AttendanceMode.choices,
        read_only=True,
    )
    venue_name = serializers.CharField(
        source="event.venue_name", label=_label("venue_name"), read_only=True
    )
    municipality = serializers.CharField(
        source="event.municipality", label=_label("municipality"), read_only=True
    )
    language = serializers.ChoiceField(
        source="event.language",
        label=_label("language"),
        choices=Event.Language.choices,
        read_only=True,
    )
    region = serializers.SlugRelatedField(
        source="event.region",
        label=_label("region"),
        slug_field="slug",
        read_only=True,
        allow_null=True,
    )
    themes = serializers.SlugRelatedField(
        source="event.themes", label=_label("themes"), slug_field="slug", many=True, read_only=True
    )
    projects = serializers.SlugRelatedField(
        source="event.projects",
        label=_label("projects"),
        slug_field="slug",
        many=True,
        read_only=True,
    )
    url = serializers.SerializerMethodField()

    class Meta:
        model = EventPage
        fields = [
            "id",
            "title",
            "lead",
            "event_type",
            "start",
            "end",
            "all_day",
            "status",
            "attendance_mode",
            "venue_name",
            "municipality",
            "language",
            "region",
            "themes",
            "projects",
            "url",
        ]

    def get_url(self, event) -> str:
        return page_url(event)


# Each filter's condition for a list of slugs; a regional whole also matches the
# events of its counties, as in the event filters and the directory.
FILTERS = {
    "region": lambda slugs: Region.q_within("event__region", slugs, "__slug__in"),
    "theme": lambda slugs: Q(event__themes__slug__in=slugs),
    "project": lambda slugs: Q(event__projects__slug__in=slugs),
}


@extend_schema_view(
    retrieve=extend_schema(
        parameters=[OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH)]
    ),
)
class UpcomingEventViewSet(OpenDataViewSet):
    """Events that have not ended yet, soonest first."""

    serializer_class = EventSerializer
    # Ids are database integers: a longer number is no event (404), never an overflow.
    lookup_value_regex = r"[0-9]{1,18}"
    query_filters = tuple(
        QueryFilter(name, f"Slug of a {name}; repeat to match any of several") for name in FILTERS
    )

    def get_queryset(self):
        events = live_events_in_language(settings.LANGUAGE_CODE).upcoming()
        if self.action == "list":
            for name, values in self.filter_values().items():
                if values:
                    condition = FILTERS[name]
                    events = events.filter(pk__in=EventPage.objects.filter(condition(values)))
        return events.select_related("event__region").prefetch_related(
            "event__themes", "event__projects"
        )


router.register("events", UpcomingEventViewSet, basename="event")

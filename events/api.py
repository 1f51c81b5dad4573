"""Open data of the events: upcoming events as read-only JSON, each once (in Finnish
where it is translated), with its page's absolute address. Only what the public pages
show: never the join link, never anything about registrants."""

from django.conf import settings
from django.db.models import Q

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from cms.api import router
from cms.links import page_url
from events.listing import live_events_in_language
from events.models import EventPage

MAX_VALUES = 30


class EventSerializer(serializers.ModelSerializer):
    event_type = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    region = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    themes = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    projects = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
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


FILTERS = {
    "region": "region__slug__in",
    "theme": "themes__slug__in",
    "project": "projects__slug__in",
}


@extend_schema_view(
    retrieve=extend_schema(
        parameters=[OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH)]
    ),
    list=extend_schema(
        parameters=[
            OpenApiParameter(
                name, OpenApiTypes.STR, many=True, description=f"Slug of a {name}; repeatable"
            )
            for name in FILTERS
        ]
    ),
)
class UpcomingEventViewSet(viewsets.ReadOnlyModelViewSet):
    """Events that have not ended yet, soonest first."""

    serializer_class = EventSerializer

    def get_queryset(self):
        events = live_events_in_language(settings.LANGUAGE_CODE).upcoming()
        if self.action == "list":
            for name, lookup in FILTERS.items():
                values = [v for v in self.request.query_params.getlist(name)[:MAX_VALUES] if v]
                values = [value for value in values if value.isprintable()]
                if values:
                    events = events.filter(pk__in=EventPage.objects.filter(Q(**{lookup: values})))
        return events.select_related("event_type", "region").prefetch_related("themes", "projects")


router.register("events", UpcomingEventViewSet, basename="event")

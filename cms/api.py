"""The open-data API's one router. Each of the site's apps lists its read-only endpoints
in its own `api.py`, imported here when the URLs load (as Wagtail finds `wagtail_hooks`),
so `cms` never imports the apps."""

import re
from dataclasses import dataclass
from importlib import import_module
from importlib.util import find_spec
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.http import Http404, JsonResponse
from django.urls import include, path, re_path
from django.utils.translation import gettext as _

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema_serializer
from drf_spectacular.views import SpectacularAPIView
from rest_framework import exceptions, serializers, viewsets
from rest_framework.reverse import reverse
from rest_framework.routers import APIRootView, DefaultRouter


class OpenDataRootView(APIRootView):
    """The API's front page lists its endpoints and, so a client can find what every
    endpoint answers, the OpenAPI schema."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        response.data["schema"] = reverse("api:schema", request=request)
        return response


router = DefaultRouter()
router.APIRootView = OpenDataRootView

# A query parameter is repeated at most this often, and a slug is at most this long.
MAX_VALUES = 30
MAX_SLUG_LENGTH = 100
SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"


@extend_schema_serializer(many=False)
class ErrorSerializer(serializers.Serializer):
    """The body of every answer that is not a 200: REST framework's `detail` message."""

    detail = serializers.CharField(help_text="What went wrong, in the site's language")


@dataclass(frozen=True)
class QueryFilter:
    """A repeatable query parameter whose values are slugs, or one of `choices`. The same
    description documents it in the schema and checks it: a value the schema does not
    allow answers 400 with a message, never a quietly ignored filter."""

    name: str
    description: str
    choices: tuple = ()

    def parameter(self):
        if self.choices:
            item = {"type": "string", "enum": list(self.choices)}
        else:
            item = {"type": "string", "pattern": SLUG_PATTERN, "maxLength": MAX_SLUG_LENGTH}
        schema = {"type": "array", "items": item, "maxItems": MAX_VALUES}
        return OpenApiParameter(
            self.name, schema, description=self.description, style="form", explode=True
        )

    def values(self, params):
        """The parameter's values in `params`, or ParseError (400) naming what is allowed."""
        values = params.getlist(self.name)
        if len(values) > MAX_VALUES:
            raise exceptions.ParseError(
                _("Give %(name)s at most %(count)s times.")
                % {"name": self.name, "count": MAX_VALUES}
            )
        if self.choices:
            if not set(values) <= set(self.choices):
                raise exceptions.ParseError(
                    _("Each %(name)s must be one of: %(choices)s.")
                    % {"name": self.name, "choices": ", ".join(self.choices)}
                )
        elif not all(valid_slug(value) for value in values):
            raise exceptions.ParseError(
                _(
                    "Each %(name)s must be a slug: up to %(length)s letters a–z, digits, "
                    "hyphens and underscores."
                )
                % {"name": self.name, "length": MAX_SLUG_LENGTH}
            )
        return list(dict.fromkeys(values))


def valid_slug(value):
    return re.fullmatch(SLUG_PATTERN.strip("^$"), value) and len(value) <= MAX_SLUG_LENGTH


class OpenDataSchema(AutoSchema):
    """Every operation documents every answer it gives: 200, 404 (no such item, or a page
    past the last) and, for a listing, 400 (a query parameter the schema does not allow),
    each failure with a message; and a listing's `query_filters` as its parameters."""

    def get_override_parameters(self):
        parameters = super().get_override_parameters()
        if self._is_listing():
            parameters = [*parameters, *(f.parameter() for f in self.view.query_filters)]
        return parameters

    def get_response_serializers(self):
        responses = {
            200: super().get_response_serializers(),
            404: OpenApiResponse(ErrorSerializer, description="No such item, or no such page"),
        }
        if self._is_listing():
            responses[400] = OpenApiResponse(
                ErrorSerializer, description="A query parameter has a value the API does not take"
            )
        return responses

    def _is_listing(self):
        return getattr(self.view, "action", None) == "list"


class OpenDataViewSet(viewsets.ReadOnlyModelViewSet):
    """A read-only endpoint of the open data; a listing declares its `query_filters`."""

    schema = OpenDataSchema()
    query_filters = ()

    def get_object(self):
        """No such item: the same translated message as any other 404 of the API, not
        Django's English "No Project matches the given query"."""
        try:
            return super().get_object()
        except Http404:
            raise exceptions.NotFound from None

    def filter_values(self):
        """{name: [values]} of the listing's filters, each checked (400 if not allowed)."""
        params = self.request.query_params
        return {
            query_filter.name: query_filter.values(params) for query_filter in self.query_filters
        }


def not_found(request):
    """Any other address under /api/: the same JSON 404 the endpoints give."""
    return JsonResponse({"detail": str(exceptions.NotFound.default_detail)}, status=404)


def load_app_endpoints():
    """Import `<app>.api` of every app of this project (not of installed libraries)."""
    for app in apps.get_app_configs():
        if Path(app.path).parent == settings.BASE_DIR and find_spec(f"{app.name}.api"):
            import_module(f"{app.name}.api")


def only_open_data(endpoints, **kwargs):
    """drf-spectacular preprocessing hook: the schema (and its deploy check) covers the
    open-data API, not the Wagtail admin's internal API."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/")]


def api_urls():
    load_app_endpoints()
    return [
        path("schema/", SpectacularAPIView.as_view(), name="schema"),
        path("", include(router.urls)),
        # Ends with a slash, so CommonMiddleware still adds a missing one first.
        re_path(r"^.*/$", not_found),
    ]

"""The open-data API's one router. Each of the site's apps lists its read-only endpoints
in its own `api.py`, imported here when the URLs load (as Wagtail finds `wagtail_hooks`),
so `cms` never imports the apps."""

from importlib import import_module
from importlib.util import find_spec
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.urls import include, path

from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

router = DefaultRouter()


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
    ]

"""The open-data API as one of the site's tools, with its OpenAPI schema beside it, so
people who reuse the data find both from the footer."""

from django.utils.translation import gettext_lazy as _

from cms import tools


def register():
    tools.register_tool(
        "open-data",
        title=_("Open data (API)"),
        description=_("The projects, practice models and events as open data in JSON."),
        url="api:api-root",
        order=90,
        more=[(_("The API's description (OpenAPI schema)"), "api:schema")],
    )

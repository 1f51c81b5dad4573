"""The survey in the Wagtail admin: statements as snippets, results by event, type,
region or month, and the same table as CSV for the coordination's reporting."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms import spreadsheets
from events.models import SurveyStatement
from events.surveys import results

VIEW_PERMISSION = "events.view_surveyanswer"
ADMIN_GROUPINGS = ("event", "type", "region", "month")


class SurveyStatementViewSet(SnippetViewSet):
    model = SurveyStatement
    icon = "list-ol"
    list_display = ["text_fi", "sort_order", "active"]
    add_to_admin_menu = False


def _grouping(request):
    by = request.GET.get("by", "event")
    return by if by in ADMIN_GROUPINGS else "event"


def survey_results(request):
    if not request.user.has_perm(VIEW_PERMISSION):
        raise PermissionDenied
    by = _grouping(request)
    rows = results.summarise(by, with_statements=True)
    names = results.statement_names()
    for row in rows:
        row.means = [row.statements.get(pk) for pk in names]
    context = {
        "page_title": _("Participation survey"),
        "rows": rows,
        "by": by,
        "groupings": [(key, results.GROUPINGS[key][0]) for key in ADMIN_GROUPINGS],
        "group_title": results.GROUPINGS[by][0],
        "statements": list(names.items()),
        "min_answers": results.MIN_ANSWERS,
        "csv_url": reverse("events_survey_results_csv") + f"?by={by}",
    }
    return TemplateResponse(request, "events/surveys/admin_results.html", context)


def survey_results_csv(request):
    """The table as CSV, written like every export (cms.spreadsheets): statement texts
    and group labels are editors' and organisers' words, so they are escaped too."""
    if not request.user.has_perm(VIEW_PERMISSION):
        raise PermissionDenied
    by = _grouping(request)
    names = results.statement_names()
    header = [str(results.GROUPINGS[by][0]), _("Answers"), _("Indicator (1–5)"), *names.values()]
    rows = [header]
    for row in results.summarise(by, with_statements=True):
        if not row.shown:
            rows.append([row.label, _("fewer than %(count)s") % {"count": results.MIN_ANSWERS}])
            continue
        means = [_decimal(row.statements.get(pk)) for pk in names]
        rows.append([row.label, row.count, _decimal(row.indicator), *means])
    return spreadsheets.csv_response(rows, f"osallisuuskysely-{by}.csv")


def _decimal(value):
    return "" if value is None else f"{value:.2f}".replace(".", ",")


class ResultsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


def register():
    register_snippet(SurveyStatementViewSet)

    @hooks.register("register_admin_urls")
    def survey_urls():
        return [
            path("events/survey/", survey_results, name="events_survey_results"),
            path("events/survey/csv/", survey_results_csv, name="events_survey_results_csv"),
        ]

    @hooks.register("register_reports_menu_item")
    def results_menu_item():
        return ResultsMenuItem(
            gettext_lazy("Participation survey"),
            reverse("events_survey_results"),
            icon_name="list-ol",
            order=900,
        )

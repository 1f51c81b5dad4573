"""The coordinators' view in the admin: shared assessments of their region, each
result, and the anonymous aggregate of all."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render

from network.assessments import coordinators, summary
from network.assessments.results import result_context


def _require_permission(user):
    if not user.has_perm(coordinators.PERMISSION):
        raise PermissionDenied


def index(request):
    _require_permission(request.user)
    shared = (
        coordinators.visible_to(request.user)
        .select_related("project")
        .order_by("project__name", "stage")
    )
    source = coordinators.aggregate_source()
    context = {
        "assessments": shared,
        "aggregate": summary.aggregate(source) if source is not None else None,
        "minimum": coordinators.AGGREGATE_MINIMUM,
    }
    return render(request, "network/admin/assessments.html", context)


def detail(request, pk):
    """A shared assessment of the coordinator's region; any other is not found."""
    _require_permission(request.user)
    assessment = get_object_or_404(
        coordinators.visible_to(request.user)
        .select_related("revision", "project")
        .prefetch_related("answers"),
        pk=pk,
    )
    return render(request, "network/admin/assessment.html", result_context(assessment, team=False))

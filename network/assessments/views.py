"""The team's assessment pages and the anonymous reflection sheet.

Only a signed-in member of the project's team sees or edits its assessments; to
anyone else the project's assessment does not exist (404), so the pages do not tell
which projects have one.
"""

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from network.assessments import services, summary
from network.assessments.forms import AnswerForm
from network.assessments.results import result_context
from network.members.sign_in import current_member
from network.models import Assessment, QuestionSet, Stage


def _team_project(request, slug):
    """(member, project) when the signed-in member is on the project's team."""
    member = current_member(request)
    if member is None:
        return None, None
    project = get_object_or_404(member.projects.all(), slug=slug)
    return member, project


def _stage(stage):
    if stage not in Stage.values:
        raise Http404
    return stage


def _sign_in_first():
    return HttpResponseRedirect(reverse("network:sign_in_request"))


def _result_url(project, stage):
    return reverse("network:assessment_result", args=[project.slug, stage])


@never_cache
@require_http_methods(["GET", "POST"])
def edit(request, slug, stage):
    member, project = _team_project(request, slug)
    if member is None:
        return _sign_in_first()
    stage = _stage(stage)
    assessment = (
        Assessment.objects.filter(project=project, stage=stage)
        .select_related("revision")
        .prefetch_related("answers")
        .first()
    )
    if assessment is not None and assessment.is_finished:
        return HttpResponseRedirect(_result_url(project, stage))
    question_set = assessment.question_set() if assessment else QuestionSet.current()
    if question_set is None:
        raise Http404
    initial = summary.answers_by_key(assessment) if assessment else {}
    data = request.POST if request.method == "POST" else None
    form = AnswerForm(summary.parts_of(question_set), data, initial_answers=initial)
    if request.method == "POST" and form.is_valid():
        assessment = assessment or services.start(project, stage, question_set)
        finish = request.POST.get("action") == "finish"
        services.save_answers(assessment, form.answers(), finish=finish)
        if finish:
            messages.success(request, _("The assessment is finished."))
            return HttpResponseRedirect(_result_url(project, stage))
        messages.success(request, _("Draft saved. You can continue later."))
        return HttpResponseRedirect(request.path)
    context = {
        "project": project,
        "stage_label": Stage(stage).label,
        "question_set": question_set,
        "form": form,
    }
    status = 400 if form.errors else 200
    return render(request, "network/assessments/edit.html", context, status=status)


@never_cache
def result(request, slug, stage):
    member, project = _team_project(request, slug)
    if member is None:
        return _sign_in_first()
    assessment = get_object_or_404(
        Assessment.objects.select_related("revision", "project").prefetch_related("answers"),
        project=project,
        stage=_stage(stage),
    )
    context = result_context(assessment, team=True)
    return render(request, "network/assessments/result.html", context)


@require_POST
def share(request, slug, stage):
    member, project = _team_project(request, slug)
    if member is None:
        return _sign_in_first()
    assessment = get_object_or_404(Assessment.objects.finished(), project=project, stage=stage)
    shared = request.POST.get("shared") == "1"
    services.set_shared(assessment, shared)
    if shared:
        messages.success(request, _("The result is now shared with the coordinators."))
    else:
        messages.success(request, _("The result is no longer shared with the coordinators."))
    return HttpResponseRedirect(_result_url(project, stage))


@require_http_methods(["GET", "POST"])
def reflection_sheet(request):
    """The questions for anyone, without signing in. A POST shows the summary of the
    ratings given and stores nothing: no rows, no session."""
    question_set = (
        QuestionSet.objects.prefetch_related("questions").order_by("-created_at", "-pk").first()
    )
    if question_set is None:
        raise Http404
    parts = summary.parts_of(question_set)
    data = request.POST if request.method == "POST" else None
    form = AnswerForm(parts, data, rating_required=True)
    context = {"question_set": question_set, "form": form}
    if form.is_bound and form.is_valid():
        context["summaries"] = summary.summarise(parts, form.ratings())
    status = 400 if form.errors else 200
    return render(request, "network/assessments/reflection_sheet.html", context, status=status)

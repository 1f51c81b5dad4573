"""The public survey page behind the e-mailed link, and the published results."""

from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from events.surveys import results, services
from events.surveys.forms import SurveyForm
from events.surveys.links import LinkProblem, invitation_from_token

TEMPLATES = "events/surveys/"


@require_http_methods(["GET", "POST"])
def answer(request, token):
    try:
        invitation = invitation_from_token(token)
    except LinkProblem as problem:
        context = {"message": str(problem)}
        return render(request, TEMPLATES + "problem.html", context, status=410)
    event = invitation.event.page_in(get_language())
    form = SurveyForm(request.POST or None, version=invitation.version)
    if request.method == "POST" and form.is_valid():
        services.record_answer(invitation, form.ratings(), form.cleaned_data["comment"])
        return redirect("events:survey_thanks")
    status = 400 if form.is_bound else 200
    context = {"form": form, "event": event}
    return render(request, TEMPLATES + "form.html", context, status=status)


@require_safe
def thanks(request):
    return render(request, TEMPLATES + "thanks.html")


@require_safe
def published_results(request):
    """The network's participation indicator over time and by event type; only groups
    with at least `results.MIN_ANSWERS` answers are shown."""
    by_quarter = results.by_quarter()
    context = {
        "by_quarter": by_quarter,
        "chart": results.indicator_chart(by_quarter),
        "by_type": results.summarise("type"),
        "min_answers": results.MIN_ANSWERS,
        "title": _("Participation indicator"),
    }
    return render(request, TEMPLATES + "results.html", context)

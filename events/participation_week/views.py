"""Public views of a participation week: the submission form and the submitter's own
page behind a signed link, at plain URLs of the events app (events/urls.py). The week's
page shows its programme itself (events/participation_week/programme.py)."""

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from cms.client_address import client_address
from cms.ratelimit import too_many_requests
from events.models import ParticipationWeekPage, Submission
from events.participation_week import services
from events.participation_week.forms import SubmissionForm
from events.participation_week.links import submission_from_token

TEMPLATES = "events/participation_week/"


def _week(week_id):
    """The published week a form belongs to; a restricted or unpublished week has none."""
    week = ParticipationWeekPage.objects.live().public().filter(pk=week_id).first()
    if week is None:
        raise Http404
    return week


def _is_open(week):
    """Whether the week's page is published and public, as its forms require."""
    return ParticipationWeekPage.objects.live().public().filter(pk=week.pk).exists()


def submit(request, week_id):
    week = _week(week_id)
    context = week.get_context(request)
    if not week.submissions_open:
        return TemplateResponse(request, TEMPLATES + "submissions_closed.html", context, status=403)
    form = SubmissionForm(request.POST or None, instance=Submission(week=week))
    if request.method == "POST":
        address = client_address(request)
        if services.SUBMISSIONS.exceeded(address):
            message = _("Too many submissions from your address. Please try again in an hour.")
            return too_many_requests(request, message, retry_after=services.SUBMISSIONS.window)
        if form.is_bot:
            # Looks accepted, stores nothing: bots get no hint of what gave them away.
            return _thanks(request, week)
        if form.is_valid():
            services.SUBMISSIONS.hit(address)
            services.receive(form.save(commit=False))
            return _thanks(request, week)
    form.describe_fields()
    context.update({"form": form, "action": "submit"})
    status = 400 if form.is_bound else 200
    return TemplateResponse(request, TEMPLATES + "submission_form.html", context, status=status)


def _thanks(request, week, *, updated=False):
    """Redirect after a successful POST, so a reload or Back never sends the event again."""
    url = week.submitted_url
    return redirect(url + "?muutettu=1" if updated else url)


def submitted(request, week_id):
    """The thank-you notice, on a GET address of its own."""
    context = _week(week_id).get_context(request)
    context["updated"] = request.GET.get("muutettu") == "1"
    return TemplateResponse(request, TEMPLATES + "submitted.html", context)


@never_cache
def manage(request, token):
    """Edit or withdraw a submission; only the signed link from the e-mail opens it.
    Never cached: the page is one organiser's, even where it shows no form."""
    submission = submission_from_token(token)
    if submission is None or not _is_open(submission.week):
        message = _(
            "This link is not valid or has expired. Contact the participation week's "
            "organisers if you need to change your event."
        )
        return TemplateResponse(
            request, TEMPLATES + "problem.html", {"message": message}, status=404
        )
    week = submission.week
    context = week.get_context(request)
    context["submission"] = submission
    if submission.status == Submission.Status.WITHDRAWN:
        return TemplateResponse(request, TEMPLATES + "withdrawn.html", context)
    form = SubmissionForm(request.POST or None, instance=submission)
    if request.method == "POST":
        if "withdraw" in request.POST:
            services.withdraw(submission)
            # The same signed address now shows the withdrawn notice on GET.
            return redirect(request.path)
        if form.is_valid():
            services.resubmit(form.save(commit=False))
            return _thanks(request, week, updated=True)
    form.describe_fields()
    context.update({"form": form, "action": "manage"})
    status = 400 if form.is_bound else 200
    return TemplateResponse(request, TEMPLATES + "submission_form.html", context, status=status)

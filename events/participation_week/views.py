"""Public views of a participation week: the programme, the submission form and the
submitter's own page behind a signed link. The page model routes to them."""

import itertools

from django.db.models import Count
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from cms.client_address import client_address
from events.filtering import EventFilterForm
from events.models import Submission
from events.participation_week import services
from events.participation_week.forms import SubmissionForm
from events.participation_week.links import submission_from_token

TEMPLATES = "events/participation_week/"
# A week's programme is a few dozen events: no theme filter, which few submitters set.
PROGRAMME_FILTERS = ("q", "type", "region", "format", "language")


def programme(request, week):
    """The week's events day by day, with filters and search; one query for the events."""
    all_events = week.programme()
    form = EventFilterForm(request.GET, fields=PROGRAMME_FILTERS)
    events = list(form.apply(all_events))
    days = [
        (day, list(group))
        for day, group in itertools.groupby(
            events, key=lambda event: timezone.localtime(event.start).date()
        )
    ]
    totals = all_events.order_by().aggregate(
        events=Count("pk"), organisers=Count("organiser", distinct=True)
    )
    context = week.get_context(request)
    context.update(
        {
            "filter_form": form,
            "days": days,
            "shown_count": len(events),
            "event_count": totals["events"],
            "organiser_count": totals["organisers"],
        }
    )
    return TemplateResponse(request, TEMPLATES + "participation_week_page.html", context)


def submit(request, week):
    context = week.get_context(request)
    if not week.submissions_open:
        return TemplateResponse(request, TEMPLATES + "submissions_closed.html", context, status=403)
    form = SubmissionForm(request.POST or None, instance=Submission(week=week))
    if request.method == "POST":
        address = client_address(request)
        if services.SUBMISSIONS.exceeded(address):
            context["message"] = _(
                "Too many submissions from your address. Please try again in an hour."
            )
            response = TemplateResponse(request, TEMPLATES + "problem.html", context, status=429)
            response["Retry-After"] = str(services.SUBMISSIONS.window)
            return response
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
    url = week.get_url(request) + week.reverse_subpage("submitted")
    return redirect(url + "?muutettu=1" if updated else url)


def submitted(request, week):
    """The thank-you notice, on a GET address of its own."""
    context = week.get_context(request)
    context["updated"] = request.GET.get("muutettu") == "1"
    return TemplateResponse(request, TEMPLATES + "submitted.html", context)


@never_cache
def manage(request, week, token):
    """Edit or withdraw a submission; only the signed link from the e-mail opens it.
    Never cached: the page is one organiser's, even where it shows no form."""
    context = week.get_context(request)
    submission = submission_from_token(token)
    if submission is None or submission.week_id != week.pk:
        context["message"] = _(
            "This link is not valid or has expired. Contact the participation week's "
            "organisers if you need to change your event."
        )
        return TemplateResponse(request, TEMPLATES + "problem.html", context, status=404)
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

"""Background tasks: thin wrappers over the services."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from django_tasks import task

from newsletters.emails import absolute_url
from newsletters.models import NewsletterIssuePage, Send
from newsletters.services import csv_io, sending


@task(takes_context=True)
def send_issue(context, send_id):
    # The task's id names the worker on the batches it claims, so a task whose worker
    # was killed can be marked failed when its batches are handed out again.
    sending.run_send(send_id, worker=str(context.task_result.id))


@task()
def run_import(import_id):
    csv_io.run_import(import_id)


@task()
def send_test_issue(issue_id, addresses):
    """The draft being edited (the latest revision), not the published issue: a test
    is for checking changes before they go out."""
    issue = NewsletterIssuePage.objects.get(pk=issue_id)
    sending.send_test(issue.get_latest_revision_as_object(), addresses)


@task()
def notify_send_paused(send_id):
    """Tell the sender that their send stopped instead of letting it look finished."""
    send = Send.objects.select_related("issue", "created_by").get(pk=send_id)
    if send.created_by is None or not send.created_by.email:
        return
    url = absolute_url(reverse("newsletters_admin:issue", args=[send.issue_id]))
    with translation.override(settings.LANGUAGE_CODE):
        context = {"send": send, "url": url}
        send_mail(
            render_to_string("newsletters/emails/paused_subject.txt", context).strip(),
            render_to_string("newsletters/emails/paused.txt", context),
            None,
            [send.created_by.email],
        )

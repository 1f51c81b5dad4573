"""Background tasks: thin wrappers over the services."""

from django_tasks import task

from newsletters.models import NewsletterIssuePage
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

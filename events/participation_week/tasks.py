"""Background work of the participation week: e-mails to submitters."""

from django_tasks import task


@task()
def send_submission_email(submission_id, kind):
    from events.participation_week import emails

    emails.send_submission_email(submission_id, kind)

"""Submissions made before submissions linked their member get linked now, the member
created when new, so My page and the personal-data registry find them too."""

from django.db import migrations


def link_submissions(apps, schema_editor):
    Member = apps.get_model("network", "Member")
    Submission = apps.get_model("events", "Submission")
    unlinked = Submission.objects.filter(member__isnull=True).exclude(contact_email="")
    for submission in unlinked.iterator():
        email = submission.contact_email.strip()
        member = Member.objects.filter(email__iexact=email).first()
        if member is None:
            member = Member.objects.create(email=email, name=submission.contact_name)
        Submission.objects.filter(pk=submission.pk).update(member=member)


class Migration(migrations.Migration):
    dependencies = [("events", "0008_submission_member")]

    operations = [migrations.RunPython(link_submissions, migrations.RunPython.noop)]

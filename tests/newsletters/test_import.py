"""CSV import of subscribers: checked at upload, imported by a task in bulk, with a
progress page and a report of every row."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest
from django_tasks.signals import task_enqueued

from newsletters.models import Subscriber, SubscriberImport, Subscription
from newsletters.services import csv_io
from tests.newsletters.factories import SubscriptionFactory
from tests.newsletters.test_admin import login, refused

pytestmark = pytest.mark.django_db


def upload(text, name="tilaajat.csv"):
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


def post_import(client, mailing_list, file, consent="Messuilla 2025"):
    return client.post(
        reverse("newsletters_admin:import"),
        {"mailing_list": mailing_list.pk, "file": file, "consent_text": consent},
    )


@pytest.fixture
def staff(client, django_user_model):
    return login(client, django_user_model, "add_subscriber")


def test_csv_import_reports_accepted_updated_and_rejected_rows(
    client, staff, mailing_list, django_capture_on_commit_callbacks
):
    SubscriptionFactory(mailing_list=mailing_list, subscriber__email="vanha@example.org")
    SubscriptionFactory(
        mailing_list=mailing_list, subscriber__email="peruttu@example.org", status="unsubscribed"
    )
    csv = (
        "email;name;organisation;language\n"
        "uusi@example.org;Uusi Ihminen;Yhdistys ry;fi\n"
        "vanha@example.org;Vanha;;\n"
        "peruttu@example.org;Peruttu;;\n"
        "ei-osoite;Rikki;;\n"
        "uusi@example.org;Kahdesti;;\n"
        "kieli@example.org;Kieli;;de\n"
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = post_import(client, mailing_list, upload(csv))
    response = client.get(response["Location"])

    content = response.content.decode()
    assert '<span data-count="accepted">1</span>' in content
    assert '<span data-count="updated">1</span>' in content
    assert '<span data-count="rejected">4</span>' in content
    assert "ei tilattu uudelleen" in content
    assert 'data-import-status="finished"' in content
    new = Subscriber.objects.get(email="uusi@example.org")
    assert new.source == Subscriber.Source.IMPORT
    assert new.member.email == "uusi@example.org"
    assert new.subscriptions.get().consent_text == "Messuilla 2025"
    peruttu = Subscription.objects.get(subscriber__email="peruttu@example.org")
    assert peruttu.status == Subscription.Status.UNSUBSCRIBED
    assert SubscriberImport.objects.get().content == ""  # no copy of the addresses is kept


def test_the_upload_answers_at_once_and_the_import_runs_after(client, staff, mailing_list):
    """Nothing is imported inside the request: the task starts once it has committed."""
    response = post_import(client, mailing_list, upload("email\nuusi@example.org\n"))

    job = SubscriberImport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("newsletters_admin:import_progress", args=[job.pk])
    assert not Subscriber.objects.exists()
    progress = client.get(response["Location"]).content.decode()
    assert 'data-import-status="queued"' in progress
    assert 'http-equiv="refresh"' in progress


def test_language_codes_are_read_case_insensitively(mailing_list):
    job = make_import(mailing_list, "email,language\na@example.org,FI\nb@example.org,Sv\n")

    csv_io.run_import(job.pk)

    languages = dict(Subscriber.objects.values_list("email", "language"))
    assert languages == {"a@example.org": "fi", "b@example.org": "sv"}


def test_a_known_address_in_other_case_is_updated_not_duplicated(mailing_list):
    SubscriptionFactory(mailing_list=mailing_list, subscriber__email="vanha@example.org")
    job = make_import(mailing_list, "email\nVANHA@example.org\n")

    csv_io.run_import(job.pk)

    job.refresh_from_db()
    assert (job.accepted, job.updated, job.rejected) == (0, 1, [])
    assert Subscriber.objects.count() == 1


def test_a_pending_subscription_is_activated_with_the_imports_consent(mailing_list):
    SubscriptionFactory(
        mailing_list=mailing_list, subscriber__email="odottaa@example.org", status="pending"
    )
    job = make_import(mailing_list, "email\nodottaa@example.org\n")

    csv_io.run_import(job.pk)

    subscription = Subscription.objects.get()
    assert subscription.status == Subscription.Status.ACTIVE
    assert subscription.consent_source == "import"


def make_import(mailing_list, text):
    return csv_io.create_import(upload(text), mailing_list, "Messuilla 2025")


def csv_of(count, start=0):
    rows = [
        f"tilaaja{n}@example.org;Tilaaja {n};Yhdistys ry;fi" for n in range(start, start + count)
    ]
    return "email;name;organisation;language\n" + "\n".join(rows) + "\n"


def queries_to_import(mailing_list, text):
    job = make_import(mailing_list, text)
    with CaptureQueriesContext(connection) as captured:
        csv_io.run_import(job.pk)
    return len(captured)


def test_queries_grow_with_batches_not_with_rows(settings, mailing_list, monkeypatch):
    """Before: 14 queries a row, 70,000 for 5,000 rows."""
    monkeypatch.setattr(csv_io, "BATCH_SIZE", 50)

    one_batch = queries_to_import(mailing_list, csv_of(50))
    three_batches = queries_to_import(mailing_list, csv_of(150, start=1000))
    five_batches = queries_to_import(mailing_list, csv_of(250, start=2000))

    per_batch = (five_batches - three_batches) / 2
    assert three_batches - one_batch == 2 * per_batch
    assert per_batch <= 12  # whatever the batch size (50 rows here)
    assert Subscriber.objects.count() == 450


def test_no_task_is_queued_per_row(mailing_list):
    """Before: three reference-index tasks per row, which kept the worker from sending
    confirmation mails for minutes."""
    queued = []

    def record(sender, task_result, **kwargs):
        queued.append(task_result.task.name)

    task_enqueued.connect(record)
    try:
        csv_io.run_import(make_import(mailing_list, csv_of(100)).pk)
    finally:
        task_enqueued.disconnect(record)

    assert queued == []
    assert Subscriber.objects.count() == 100


def test_an_import_runs_once_even_if_its_task_runs_twice(mailing_list):
    job = make_import(mailing_list, csv_of(3))

    csv_io.run_import(job.pk)
    csv_io.run_import(job.pk)

    job.refresh_from_db()
    assert (job.accepted, job.updated, job.processed_rows) == (3, 0, 3)


def test_csv_import_refuses_a_file_that_is_not_text(client, staff, mailing_list):
    file = SimpleUploadedFile("kuva.csv", b"\xff\xfe\x00binary", content_type="text/csv")

    response = post_import(client, mailing_list, file)

    assert response.status_code == 400
    assert "UTF-8" in response.content.decode()
    assert not SubscriberImport.objects.exists()


def test_csv_import_refuses_a_file_without_an_email_column(client, staff, mailing_list):
    response = post_import(client, mailing_list, upload("nimi;kieli\nMatti;fi\n"))

    assert response.status_code == 400
    assert "email" in response.content.decode()
    assert not SubscriberImport.objects.exists()


def test_csv_import_needs_permission(client, django_user_model, mailing_list):
    login(client, django_user_model)
    job = make_import(mailing_list, csv_of(1))

    assert refused(client.get(reverse("newsletters_admin:import")))
    assert refused(client.get(reverse("newsletters_admin:import_progress", args=[job.pk])))

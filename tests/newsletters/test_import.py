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
from tests.newsletters.conftest import login, refused
from tests.newsletters.factories import SubscriptionFactory

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


# Hostile files. Before: a NUL answered 500 (PostgreSQL refuses it in text), a 200 KB
# field crashed the task with csv.Error and left the job "running" with its addresses
# kept, and an unclosed quote merged the next row into one field unreported.
HEADER = "email;name;organisation;language\n"


def import_and_report(client, mailing_list, text, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_import(client, mailing_list, upload(text))
    assert response.status_code == 302
    job = SubscriberImport.objects.get()
    return job, client.get(response["Location"]).content.decode()


def test_a_nul_character_refuses_the_file_with_400(client, staff, mailing_list):
    text = HEADER + "eka@example.org;Eka;;fi\ntoka@example.org;To\x00ka;;fi\n"

    response = post_import(client, mailing_list, upload(text))

    assert response.status_code == 400
    assert "NUL" in response.content.decode() and "3" in response.content.decode()
    assert not SubscriberImport.objects.exists()
    assert not Subscriber.objects.exists()


def test_a_200_kb_field_is_a_rejected_row_and_the_rest_is_imported(
    client, staff, mailing_list, django_capture_on_commit_callbacks
):
    text = HEADER + "eka@example.org;Eka;;fi\n" + f"toka@example.org;{'x' * 200_000};;fi\n"
    text += "kolmas@example.org;Kolmas;;fi\n"

    job, content = import_and_report(client, mailing_list, text, django_capture_on_commit_callbacks)

    job.refresh_from_db()
    assert job.status == SubscriberImport.Status.FINISHED and job.content == ""
    assert job.rejected == [[3, "too_long"]]
    assert set(Subscriber.objects.values_list("email", flat=True)) == {
        "eka@example.org",
        "kolmas@example.org",
    }
    assert '<span data-count="rejected">1</span>' in content


def test_an_unclosed_quote_is_a_rejected_row_and_swallows_nothing(
    client, staff, mailing_list, django_capture_on_commit_callbacks
):
    text = HEADER + 'eka@example.org;"Eka Ihminen;;fi\ntoka@example.org;Toka;;fi\n'
    text += 'kolmas@example.org;"Kolmas" Ihminen;;fi\n'

    job, content = import_and_report(client, mailing_list, text, django_capture_on_commit_callbacks)

    job.refresh_from_db()
    assert job.rejected == [[2, "unreadable"], [4, "unreadable"]]
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["toka@example.org"]
    assert '<span data-count="rejected">2</span>' in content


def test_a_quoted_value_with_the_delimiter_is_still_read(mailing_list):
    job = make_import(mailing_list, HEADER + '"eka@example.org";"Ihminen; Eka";"Yhdistys";fi\n')

    csv_io.run_import(job.pk)

    assert Subscriber.objects.get().name == "Ihminen; Eka"


def test_a_file_the_reader_cannot_get_through_ends_failed_without_its_addresses(mailing_list):
    """Before: reading the rows was outside the task's try, and the job stayed running."""
    job = SubscriberImport.objects.create(
        mailing_list=mailing_list,
        consent_text="Messuilla",
        content=HEADER + "eka@example.org;Eka;;fi\n",
    )

    def crash(*args):
        raise RuntimeError("boom")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(csv_io, "read_rows", crash)  # as csv.Error did on a 200 KB field
        with pytest.raises(RuntimeError):
            csv_io.run_import(job.pk)

    job.refresh_from_db()
    assert job.status == SubscriberImport.Status.FAILED
    assert job.content == "" and job.error == "RuntimeError" and job.finished_at


def test_an_import_whose_worker_died_ends_failed_with_the_reason_shown(client, staff, mailing_list):
    from datetime import timedelta

    from django.utils import timezone

    job = make_import(mailing_list, csv_of(3))
    SubscriberImport.objects.filter(pk=job.pk).update(
        status=SubscriberImport.Status.RUNNING,
        heartbeat_at=timezone.now() - csv_io.STALLED_AFTER - timedelta(seconds=1),
    )
    alive = make_import(mailing_list, csv_of(3, start=10))
    SubscriberImport.objects.filter(pk=alive.pk).update(
        status=SubscriberImport.Status.RUNNING, heartbeat_at=timezone.now()
    )

    content = client.get(reverse("newsletters_admin:import_progress", args=[job.pk]))

    job.refresh_from_db()
    assert job.status == SubscriberImport.Status.FAILED and job.content == ""
    assert "taustaprosessi pysähtyi" in content.content.decode()  # "worker stopped"
    alive.refresh_from_db()
    assert alive.status == SubscriberImport.Status.RUNNING and alive.content


def test_the_scheduled_sweep_ends_stalled_imports(mailing_list):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    job = make_import(mailing_list, csv_of(3))
    SubscriberImport.objects.filter(pk=job.pk).update(
        status=SubscriberImport.Status.RUNNING,
        heartbeat_at=timezone.now() - timedelta(hours=1),
    )

    call_command("fail_stalled_imports", stdout=None)

    job.refresh_from_db()
    assert job.status == SubscriberImport.Status.FAILED and job.content == ""


def test_an_address_mail_cannot_be_sent_to_is_a_rejected_row(mailing_list):
    job = make_import(mailing_list, HEADER + "maija@exa\ufffdmple.org;Maija;;fi\n")

    csv_io.run_import(job.pk)

    job.refresh_from_db()
    assert job.rejected == [[2, "invalid"]]
    assert not Subscriber.objects.exists()

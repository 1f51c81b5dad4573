import datetime
import re
import zoneinfo

from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Site

import pytest
from icalendar import Calendar

from cms.models import OutgoingEmail, Region
from events.models import EventPage, Submission
from events.participation_week import services
from network.models import Organisation
from tests.events.factories import (
    EventTypeFactory,
    ParticipationWeekPageFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]
HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")
NOW = datetime.datetime(2026, 12, 1, 12, tzinfo=HELSINKI)


@pytest.fixture(autouse=True)
def committed(django_capture_on_commit_callbacks, monkeypatch):
    """Runs on-commit work (the e-mail tasks) as soon as a service or request ends, as
    it would after the real transaction commits."""

    def run_at_commit(function):
        def wrapper(*args, **kwargs):
            with django_capture_on_commit_callbacks(execute=True):
                return function(*args, **kwargs)

        return wrapper

    for name in ("approve", "reject"):
        monkeypatch.setattr(services, name, run_at_commit(getattr(services, name)))
    monkeypatch.setattr(Client, "post", run_at_commit(Client.post))


@pytest.fixture
def week(index):
    week = ParticipationWeekPageFactory(parent=index)
    week.save_revision().publish()
    return week


@pytest.fixture
def event_type():
    return EventTypeFactory(slug="tyopaja", name_fi="Työpaja")


@pytest.fixture
def region():
    return Region.objects.create(name_fi="Keski-Suomi", slug="keski-suomi")


@pytest.fixture
def form_data(event_type, region):
    return {
        "organiser_name": "Jyväskylän Osallisuusyhdistys ry",
        "contact_name": "Maija Meikäläinen",
        "contact_email": "maija@example.org",
        "title": "Osallisuuskahvila kirjastossa",
        "description": "Tule juttelemaan osallisuudesta.\n\nKahvitarjoilu.",
        "event_type": event_type.pk,
        "start": "2027-02-02T10:00",
        "end": "2027-02-02T12:00",
        "attendance_mode": "onsite",
        "venue_name": "Jyväskylän pääkirjasto",
        "street_address": "Vapaudenkatu 39",
        "municipality": "Jyväskylä",
        "region": region.pk,
        "language": "fi",
        "accessibility_info": "Esteetön sisäänkäynti.",
        "link": "https://osallisuus.example.org/kahvila",
        "website": "",
    }


def submit(client, week, data, address="192.0.2.10"):
    return client.post(week.submit_url, data, REMOTE_ADDR=address)


def manage_link(message):
    return re.search(r"https?://\S+/ilmoitus/\S+/", message.body).group(0)


def test_submission_waits_for_moderation_and_sends_an_edit_link(client, week, form_data):
    response = submit(client, week, form_data)

    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.status == Submission.Status.PENDING
    assert not EventPage.objects.child_of(week).exists()
    assert mail.outbox[-1].to == ["maija@example.org"]
    assert "/osallisuusviikko/ilmoitus/" in manage_link(mail.outbox[-1])


def test_thank_you_page_is_a_get_address_so_a_reload_sends_nothing_again(client, week, form_data):
    response = submit(client, week, form_data)

    thanks = client.get(response["Location"])
    client.get(response["Location"])

    assert response["Location"] == week.submitted_url
    html = thanks.content.decode()
    assert "<title>Kiitos, saimme tapahtumasi – Osallisuusviikko 2027" in html
    assert 'class="notice notice--success" role="status"' in html
    assert Submission.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_bad_link_gets_one_message_that_says_what_to_write(client, week, form_data):
    form_data["link"] = "kahvila kirjastossa"

    response = submit(client, week, form_data)

    [error] = response.context["form"].errors["link"]
    assert "https://" in error
    assert response.content.decode().count(error) == 2  # in the summary and at the field


def test_event_outside_the_week_is_refused_with_a_message(client, week, form_data):
    form_data["start"] = "2027-03-02T10:00"
    form_data["end"] = "2027-03-02T12:00"

    response = submit(client, week, form_data)

    assert response.status_code == 400
    assert "Valitse aika viikon ajalta" in response.content.decode()
    assert not Submission.objects.exists()


def test_a_refused_submission_says_error_first_in_the_page_title(client, week, form_data):
    form_data["title"] = ""

    response = submit(client, week, form_data)

    assert response.status_code == 400
    assert "<title>Virhe: " in response.content.decode()


def test_html_is_stripped_and_only_web_links_are_accepted(client, week, form_data):
    form_data["title"] = "<script>alert(1)</script>Kahvila <b>kaikille</b>"
    form_data["link"] = "javascript:alert(1)"

    response = submit(client, week, form_data)

    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
    form_data["link"] = "https://example.org/"
    submit(client, week, form_data)
    assert Submission.objects.get().title == "alert(1)Kahvila kaikille"


def test_too_long_field_is_refused(client, week, form_data):
    form_data["description"] = "x" * 2001

    assert submit(client, week, form_data).status_code == 400
    assert not Submission.objects.exists()


def test_honeypot_submission_looks_accepted_but_is_not_stored(client, week, form_data):
    form_data["website"] = "http://spam.example.org"

    response = submit(client, week, form_data)

    assert response.status_code == 302
    assert response["Location"] == week.submitted_url
    assert not Submission.objects.exists()
    assert not mail.outbox


def test_one_address_cannot_flood_the_moderation_queue(client, week, form_data):
    for _ in range(services.SUBMISSIONS.limit):
        assert submit(client, week, form_data).status_code == 302

    response = submit(client, week, form_data)

    assert response.status_code == 429
    # The site's one 429 page (cms.ratelimit.too_many_requests), with the week's reason.
    assert "cms/too_many_requests.html" in [t.name for t in response.templates]
    assert "Osoitteestasi on tullut liian monta ilmoitusta." in response.content.decode()
    assert Submission.objects.count() == services.SUBMISSIONS.limit
    assert submit(client, week, form_data, address="192.0.2.99").status_code == 302


def test_behind_the_proxy_each_visitor_has_a_limit_of_their_own(settings, client, week, form_data):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"

    def via_proxy(visitor):
        return client.post(
            week.submit_url, form_data, REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=visitor
        )

    for _ in range(services.SUBMISSIONS.limit):
        assert via_proxy("198.51.100.7").status_code == 302
    limited = via_proxy("198.51.100.7")

    assert limited.status_code == 429
    assert limited["Retry-After"] == str(services.SUBMISSIONS.window)
    assert via_proxy("198.51.100.8").status_code == 302


def test_the_edit_link_is_stored_and_sent_from_base_url(settings, client, week, form_data):
    settings.BASE_URL = "https://osallisuus.example.org"
    Site.objects.update(hostname="localhost", port=80)

    submit(client, week, form_data)

    stored = OutgoingEmail.objects.get(purpose="events.week-submission.received")
    assert stored.status == OutgoingEmail.Status.SENT
    assert manage_link(mail.outbox[-1]).startswith("https://osallisuus.example.org/")
    assert "localhost" not in mail.outbox[-1].body


def test_approved_submission_is_in_the_programme_and_feed_without_contact_details(
    client, week, form_data
):
    submit(client, week, form_data)
    submission = Submission.objects.get()

    event = services.approve(submission, create_organisation=True)

    assert event.get_full_url() in mail.outbox[-1].body
    html = client.get(week.url).content.decode()
    assert "Osallisuuskahvila kirjastossa" in html
    assert "Jyväskylän Osallisuusyhdistys ry" in html
    feed = client.get(reverse("events:participation_week_feed", args=[week.pk]))
    calendar = Calendar.from_ical(feed.content)
    assert [str(v["SUMMARY"]) for v in calendar.walk("VEVENT")] == ["Osallisuuskahvila kirjastossa"]
    for private in (b"maija@example.org", b"Maija"):
        assert private not in feed.content
        assert private.decode() not in html


def test_edit_through_the_signed_link_goes_back_to_moderation(client, week, form_data):
    submit(client, week, form_data)
    submission = Submission.objects.get()
    event = services.approve(submission)
    link = manage_link(mail.outbox[0])

    form_data["title"] = "Osallisuuskahvila siirtyy"
    form_data["start"] = "2027-02-03T10:00"
    form_data["end"] = "2027-02-03T12:00"
    response = client.post(link, form_data, follow=True)

    assert response.redirect_chain == [(week.submitted_url + "?muutettu=1", 302)]
    assert "Kiitos, saimme muutoksesi" in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == Submission.Status.PENDING
    event.refresh_from_db()
    assert event.title == "Osallisuuskahvila kirjastossa"
    services.approve(submission)
    event.refresh_from_db()
    assert event.title == "Osallisuuskahvila siirtyy"
    assert event.sequence == 1


def test_withdrawn_event_is_cancelled_in_the_feed(client, week, form_data):
    submit(client, week, form_data)
    services.approve(Submission.objects.get(), create_organisation=True)

    link = manage_link(mail.outbox[0])
    response = client.post(link, {"withdraw": "1"}, follow=True)

    assert response.redirect_chain == [(link.removeprefix("http://testserver"), 302)]
    assert "Tapahtuma on peruttu" in response.content.decode()
    assert Submission.objects.get().status == Submission.Status.WITHDRAWN
    feed = client.get(reverse("events:participation_week_feed", args=[week.pk]))
    assert Calendar.from_ical(feed.content).walk("VEVENT")[0]["STATUS"] == "CANCELLED"


def test_forged_or_foreign_link_is_refused(client, week):
    response = client.get(reverse("events:week_submission", args=["bm90LXNpZ25lZA"]))

    assert response.status_code == 404
    assert "Linkki ei ole voimassa" in response.content.decode()


def test_the_forms_are_plain_urls_and_the_old_addresses_below_the_week_lead_there(
    client, week, form_data
):
    assert week.submit_url == reverse("events:week_submit", args=[week.pk])
    assert not week.submit_url.startswith(week.url)
    submit(client, week, form_data)
    token = manage_link(mail.outbox[-1]).rstrip("/").rpartition("/")[2]

    old_form = client.get(week.url + "ilmoita/")
    old_thanks = client.get(week.url + "ilmoita/kiitos/?muutettu=1")
    old_link = client.get(week.url + f"ilmoitus/{token}/")

    assert (old_form.status_code, old_form["Location"]) == (301, week.submit_url)
    assert old_thanks["Location"] == week.submitted_url + "?muutettu=1"
    assert old_link["Location"] == reverse("events:week_submission", args=[token])
    assert client.get(old_link["Location"]).status_code == 200
    assert client.get(week.submit_url).status_code == 200


def test_an_unpublished_week_takes_no_submissions(client, week, form_data):
    week.unpublish()

    assert client.get(week.submit_url).status_code == 404
    assert submit(client, week, form_data).status_code == 404
    assert not Submission.objects.exists()


def test_rejection_tells_the_submitter_why(client, week, form_data):
    submit(client, week, form_data)

    services.reject(Submission.objects.get(), "Tapahtuma ei liity osallisuuteen.")

    assert "Tapahtuma ei liity osallisuuteen." in mail.outbox[-1].body
    assert not EventPage.objects.child_of(week).exists()


def test_programme_filters_search_and_counts(client, week, form_data, region):
    submit(client, week, form_data)
    services.approve(Submission.objects.get(), create_organisation=True)
    form_data.update(
        title="Verkkowebinaari osallisuudesta",
        organiser_name="Oulun kaupunki",
        attendance_mode="online",
        venue_name="",
        street_address="",
        municipality="",
        language="sv",
    )
    submit(client, week, form_data)
    services.approve(Submission.objects.pending().get(), create_organisation=True)

    everything = client.get(week.url).content.decode()
    online = client.get(week.url + "?format=online").content.decode()
    swedish_search = client.get(week.url + "?language=sv&q=webinaari").content.decode()
    nothing = client.get(week.url + "?q=olematon").content.decode()

    assert "2 tapahtumaa" in everything and "2 järjestäjää" in everything
    assert "Verkkowebinaari" in online and "Osallisuuskahvila" not in online
    assert "Verkkowebinaari" in swedish_search
    assert "Verkkowebinaari" not in nothing
    assert client.get(week.url + "?region=nowhere&format=x").status_code == 200


def test_admin_review_approves_and_dashboard_counts_pending(admin_client, client, week, form_data):
    submit(client, week, form_data)
    submission = Submission.objects.get()

    dashboard = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    review_url = reverse("participation_week_submissions:review", args=[submission.pk])
    response = admin_client.post(review_url, {"approve": "1", "create": "on"})

    assert (
        "1 osallisuusviikon tapahtuma odottaa" in dashboard
        or "1 participation-week event" in dashboard
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == Submission.Status.APPROVED
    assert submission.event.live


def test_admin_rejection_needs_a_reason(admin_client, client, week, form_data):
    submit(client, week, form_data)
    submission = Submission.objects.get()
    review_url = reverse("participation_week_submissions:review", args=[submission.pk])

    assert admin_client.post(review_url, {"reason": ""}).status_code == 200
    assert admin_client.post(review_url, {"reason": "Ei sovi"}).status_code == 302
    submission.refresh_from_db()
    assert submission.status == Submission.Status.REJECTED


def test_review_needs_moderation_permission(client, django_user_model, week, form_data):
    submit(client, week, form_data)
    user = django_user_model.objects.create_user("toimittaja", password="x")
    client.force_login(user)
    review_url = reverse(
        "participation_week_submissions:review", args=[Submission.objects.get().pk]
    )

    assert client.post(review_url, {"approve": "1"}).status_code in (302, 403)
    assert Submission.objects.get().status == Submission.Status.PENDING


def test_approving_a_submission_outside_the_moved_week_asks_for_an_edit(
    admin_client, client, week, form_data
):
    submit(client, week, form_data)
    submission = Submission.objects.get()
    week.start_date = datetime.date(2027, 3, 1)
    week.end_date = datetime.date(2027, 3, 5)
    week.save_revision().publish()
    review_url = reverse("participation_week_submissions:review", args=[submission.pk])

    response = admin_client.post(review_url, {"approve": "1", "create": "on"})

    assert response.status_code == 302
    assert Submission.objects.get().status == Submission.Status.PENDING


def add_approved_events(week, form_data, count):
    fields = {k: v for k, v in form_data.items() if k not in ("event_type", "region", "website")}
    for number in range(count):
        day = 2 + number % 3
        submission = Submission.objects.create(
            week=week,
            **{
                **fields,
                "title": f"Tapahtuma {number}",
                "event_type_id": form_data["event_type"],
                "region_id": form_data["region"],
                "start": datetime.datetime(2027, 2, day, 10, tzinfo=HELSINKI),
                "end": datetime.datetime(2027, 2, day, 12, tzinfo=HELSINKI),
            },
        )
        services.approve(submission, notify=False)


def test_programme_query_count_does_not_grow_with_events(client, week, form_data):
    def queries_for_programme():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(week.url).status_code == 200
        return len(captured)

    add_approved_events(week, form_data, 2)
    queries_for_programme()  # fills the site root paths cache, as any earlier visit would
    few = queries_for_programme()
    add_approved_events(week, form_data, 20)
    queries_for_programme()  # publishing emptied the shared cache of sites and locales

    assert queries_for_programme() == few


def test_moderator_lists_pending_submissions_and_edits_one(admin_client, client, week, form_data):
    submit(client, week, form_data)
    submission = Submission.objects.get()

    listing = admin_client.get(reverse("participation_week_submissions:index") + "?status=pending")
    edit = admin_client.get(reverse("participation_week_submissions:edit", args=[submission.pk]))

    assert (
        listing.status_code == 200 and "Osallisuuskahvila kirjastossa" in listing.content.decode()
    )
    assert edit.status_code == 200 and "maija@example.org" in edit.content.decode()


# Moderation: organiser matching, slugs, finding submissions -------------------------


def review(admin_client, submission, data):
    url = reverse("participation_week_submissions:review", args=[submission.pk])
    return admin_client.post(url, {"approve": "1", **data})


def test_approving_without_choosing_the_organiser_creates_nothing(
    admin_client, client, week, form_data
):
    submit(client, week, form_data)
    submission = Submission.objects.get()

    response = review(admin_client, submission, {})

    assert response.status_code == 400
    assert not Organisation.objects.exists()
    assert Submission.objects.get().status == Submission.Status.PENDING


def test_moderator_matches_the_typed_name_to_an_existing_organisation(
    admin_client, client, week, form_data
):
    existing = Organisation.objects.create(name="Osallisuusyhdistys Jyväskylä ry")
    submit(client, week, form_data)
    submission = Submission.objects.get()

    page = admin_client.get(
        reverse("participation_week_submissions:review", args=[submission.pk])
    ).content.decode()
    review(admin_client, submission, {"organisation": existing.pk})

    assert "Osallisuusyhdistys Jyväskylä ry" in page[page.index('id="similar-organisations"') :]
    assert Organisation.objects.count() == 1
    assert Submission.objects.get().event.specific.organiser == existing


def test_moderator_confirms_adding_a_new_organisation(admin_client, client, week, form_data):
    submit(client, week, form_data)

    review(admin_client, Submission.objects.get(), {"create": "on"})

    organisation = Organisation.objects.get()
    assert organisation.name == "Jyväskylän Osallisuusyhdistys ry"
    assert Submission.objects.get().event.specific.organiser == organisation


def test_approved_page_slug_is_the_title_with_a_number_only_on_a_clash(
    admin_client, client, week, form_data
):
    submit(client, week, form_data)
    submit(client, week, {**form_data, "contact_email": "toinen@example.org"}, "192.0.2.11")
    first, second = Submission.objects.order_by("pk")

    services.approve(first, create_organisation=True)
    services.approve(second, create_organisation=True)

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.event.slug == "osallisuuskahvila-kirjastossa"
    assert second.event.slug == "osallisuuskahvila-kirjastossa-2"


def test_submissions_list_filters_by_status_and_finds_a_contact_e_mail(
    admin_client, client, week, form_data
):
    submit(client, week, form_data)
    other = {**form_data, "title": "Hylätty kävely", "contact_email": "ville@example.org"}
    submit(client, week, other, "192.0.2.11")
    services.reject(Submission.objects.get(title="Hylätty kävely"), "Ei sovi")
    index = reverse("participation_week_submissions:index")

    pending = admin_client.get(index, {"status": "pending"}).content.decode()
    found = admin_client.get(index, {"q": "ville@example.org"}).content.decode()

    assert "Osallisuuskahvila kirjastossa" in pending and "Hylätty kävely" not in pending
    assert "Hylätty kävely" in found and "Osallisuuskahvila kirjastossa" not in found


def test_a_contact_address_mail_cannot_be_sent_to_gets_a_field_error(client, week, form_data):
    response = submit(client, week, {**form_data, "contact_email": "maija@exa\ufffdmple.org"})

    assert response.status_code == 400
    assert "contact_email" in response.context["form"].errors
    assert not Submission.objects.exists()
    assert not OutgoingEmail.objects.exists()

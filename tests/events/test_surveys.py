"""The participation survey after events: who is asked, the single-use signed link,
answers that cannot be traced to a person, versioned wording and the five-answer rule."""

import datetime
import io
import re

from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import call_command
from django.db import connection, models
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.users.models import UserProfile

import pytest
import time_machine

from events.models import (
    Registration,
    SurveyAnswer,
    SurveyInvitation,
    SurveyRating,
    SurveyStatement,
    SurveyVersion,
)
from events.surveys import results, services
from events.surveys.links import TOKEN_MAX_AGE
from tests.events.conftest import NOW
from tests.events.factories import (
    EventPageFactory,
    EventTypeFactory,
    RegistrationFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]
LINK = re.compile(r"http://testserver/kysely/([^/\s]+)/")


def ended_event(index, *, hours_ago=3, **fields):
    end = NOW - datetime.timedelta(hours=hours_ago)
    return EventPageFactory(
        parent=index, start=end - datetime.timedelta(hours=2), end=end, **fields
    )


@pytest.fixture
def event(index):
    return ended_event(index)


def invite(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return services.invite_attendees()


def survey_links():
    return [LINK.search(message.body).group(0) for message in mail.outbox]


def answers_for(client, version=None):
    version = version or SurveyVersion.objects.order_by("-number").first()
    data = {f"statement_{item['id']}": "4" for item in version.statements}
    data["comment"] = "Hyvä tilaisuus."
    return data


def test_confirmed_registrants_of_an_ended_event_are_asked_once(
    event, django_capture_on_commit_callbacks
):
    RegistrationFactory(event=event, email="a@example.org")
    RegistrationFactory(event=event, email="b@example.org")
    RegistrationFactory(event=event, status=Registration.Status.WAITING)
    RegistrationFactory(event=event, status=Registration.Status.CANCELLED)

    first = invite(django_capture_on_commit_callbacks)
    again = invite(django_capture_on_commit_callbacks)

    assert (first, again) == (2, 0)
    assert sorted(message.to[0] for message in mail.outbox) == ["a@example.org", "b@example.org"]
    assert all(link.startswith("http://testserver/kysely/") for link in survey_links())


def test_when_attendance_was_marked_only_attendees_are_asked(
    event, django_capture_on_commit_callbacks
):
    RegistrationFactory(event=event, email="came@example.org", attended=True)
    RegistrationFactory(event=event, email="stayed-home@example.org")

    invite(django_capture_on_commit_callbacks)

    assert [message.to for message in mail.outbox] == [["came@example.org"]]


def test_events_not_yet_ended_or_long_past_are_not_surveyed(
    index, django_capture_on_commit_callbacks
):
    RegistrationFactory(event=ended_event(index, hours_ago=0))
    RegistrationFactory(event=ended_event(index, hours_ago=24 * 8))

    assert invite(django_capture_on_commit_callbacks) == 0


def test_the_scheduled_job_sends_the_survey(event, django_capture_on_commit_callbacks):
    RegistrationFactory(event=event)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_surveys", stdout=io.StringIO())

    assert len(mail.outbox) == 1


@pytest.fixture
def link(event, django_capture_on_commit_callbacks):
    RegistrationFactory(event=event)
    invite(django_capture_on_commit_callbacks)
    return survey_links()[0].removeprefix("http://testserver")


def test_an_answer_is_stored_and_the_link_works_once(client, link):
    page = client.get(link)
    response = client.post(link, answers_for(client))
    again = client.post(link, answers_for(client))

    assert page.status_code == 200 and "Tunsin olevani tervetullut." in page.content.decode()
    assert response.status_code == 302 and response.url == reverse("events:survey_thanks")
    answer = SurveyAnswer.objects.get()
    assert answer.indicator == 4 and answer.comment == "Hyvä tilaisuus."
    assert SurveyRating.objects.filter(answer=answer).count() == 8
    assert again.status_code == 410 and "on jo vastattu" in again.content.decode()
    assert SurveyAnswer.objects.count() == 1


def test_a_tampered_or_expired_link_is_refused_with_a_message(client, link):
    tampered = client.get(link[:-3] + "xyz/")
    with time_machine.travel(NOW + datetime.timedelta(seconds=TOKEN_MAX_AGE + 60)):
        expired = client.get(link)

    assert tampered.status_code == 410 and "ei kelpaa" in tampered.content.decode()
    assert expired.status_code == 410 and "päättynyt" in expired.content.decode()


@pytest.mark.parametrize("bad", [{"statement_x": "9"}, {"rating": "7"}, {}])
def test_a_bad_or_incomplete_answer_is_refused_and_nothing_stored(client, link, bad):
    data = answers_for(client)
    first = next(name for name in data if name.startswith("statement_"))
    data[first] = bad.get("rating", "")
    data.update(bad)

    response = client.post(link, data)

    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    assert not SurveyAnswer.objects.exists()
    assert not SurveyInvitation.objects.get().answered


def test_a_refused_answer_says_error_first_in_the_page_title(client, link):
    data = answers_for(client)
    data[next(name for name in data if name.startswith("statement_"))] = "9"

    response = client.post(link, data)

    assert response.status_code == 400
    assert "<title>Virhe: " in response.content.decode()


def test_no_stored_answer_can_be_joined_back_to_a_person(client, link):
    invitation = SurveyInvitation.objects.get()
    before = {
        field.attname: getattr(invitation, field.attname) for field in invitation._meta.fields
    }

    client.post(link, answers_for(client))

    invitation.refresh_from_db()
    after = {field.attname: getattr(invitation, field.attname) for field in invitation._meta.fields}
    changed = {name for name in after if after[name] != before[name]}
    assert changed == {"answered"}  # no time of answering, no pointer to the answer
    for model in (SurveyAnswer, SurveyRating):
        for field in model._meta.get_fields():
            target = getattr(field, "related_model", None)
            assert target not in (Registration, SurveyInvitation), (model, field.name)
            assert not isinstance(field, models.DateTimeField | models.DateField), field.name
            assert target is None or target._meta.model_name not in ("member", "user")
    assert isinstance(SurveyAnswer.objects.get().pk, type(SurveyAnswer._meta.pk.default()))


def test_an_answer_keeps_the_wording_it_answered_after_an_edit(
    client, link, event, django_capture_on_commit_callbacks
):
    client.post(link, answers_for(client))
    statement = SurveyStatement.objects.get(text_fi="Tunsin olevani tervetullut.")
    statement.text_fi = "Minut otettiin hyvin vastaan."
    statement.save()
    RegistrationFactory(event=event, email="later@example.org")

    invite(django_capture_on_commit_callbacks)

    old, new = SurveyVersion.objects.order_by("number")
    assert SurveyAnswer.objects.get().version == old
    assert old.statements[0]["fi"] == "Tunsin olevani tervetullut."
    assert new.statements[0]["fi"] == "Minut otettiin hyvin vastaan."
    assert SurveyInvitation.objects.get(registration__email="later@example.org").version == new


def answer_many(event, count, rating=4):
    """Answers to `event` (a page): they belong to its record."""
    version = SurveyVersion.current()
    for _n in range(count):
        answer = SurveyAnswer.objects.create(event=event.event, version=version, indicator=rating)
        SurveyRating.objects.bulk_create(
            SurveyRating(answer=answer, statement=item["id"], value=rating)
            for item in version.statements
        )


@pytest.fixture
def analyst(client, django_user_model):
    user = django_user_model.objects.create_user("analyytikko", password="x")
    group = Group.objects.create(name="Raportoijat")
    for codename in ("access_admin", "view_surveyanswer"):
        group.permissions.add(Permission.objects.get(codename=codename))
    user.groups.add(group)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return client


def test_results_need_five_answers_in_the_admin_the_csv_and_the_public_page(analyst, index):
    few = ended_event(
        index, title="Pieni kahvila", event_type=EventTypeFactory(name_fi="Kahvila", name_en="Café")
    )
    enough = ended_event(
        index,
        title="Iso webinaari",
        event_type=EventTypeFactory(name_fi="Webinaari", name_en="Webinar"),
    )
    answer_many(few, 4, rating=2)
    answer_many(enough, 5, rating=5)

    admin_html = analyst.get(reverse("events_survey_results")).content.decode()
    csv_text = analyst.get(reverse("events_survey_results_csv") + "?by=type").content.decode()
    public = analyst.get(reverse("events:survey_results")).content.decode()

    assert "fewer than 5 answers" in admin_html and "5.00" in admin_html
    assert "2.00" not in admin_html
    lines = csv_text.lstrip("\ufeff").splitlines()
    assert lines[0].startswith("Event type;Answers;Indicator (1–5);")
    assert any(line.startswith("Webinar;5;5,00;5,00") for line in lines)
    assert any(line.startswith("Café;fewer than 5") for line in lines)
    assert "Webinaari" in public and "Kahvila" not in public
    assert "<svg" in public and "2026 Q4" in public


def test_results_are_hidden_from_staff_without_the_permission(client, django_user_model):
    user = django_user_model.objects.create_user("toimittaja", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    for name in ("events_survey_results", "events_survey_results_csv"):
        response = client.get(reverse(name))
        # Wagtail answers a refused admin view with a redirect and a message.
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_result_queries_do_not_grow_with_answers(analyst, index):
    def count_queries():
        with CaptureQueriesContext(connection) as captured:
            analyst.get(reverse("events_survey_results"))
            analyst.get(reverse("events:survey_results"))
        return len(captured)

    answer_many(ended_event(index), 5)
    count_queries()  # the first request fills per-process caches (locales, site)
    small = count_queries()
    for _n in range(4):
        answer_many(ended_event(index), 6)

    assert count_queries() == small


def test_chart_bars_are_drawn_to_the_one_to_five_scale():
    rows = [results.Row(key=None, label="2026 Q4", count=5, indicator=3.5)]

    chart = results.indicator_chart(rows)

    bar = chart["bars"][0]
    level = {line["level"]: line["y"] for line in chart["gridlines"]}
    assert bar["y"] + bar["height"] == level[1]
    assert bar["height"] == (level[1] - level[5]) * (3.5 - 1) / 4

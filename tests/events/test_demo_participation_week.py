import io

from django.core import mail
from django.core.management import call_command

import pytest

from events.models import EventPage, ParticipationWeekPage, Submission

pytestmark = pytest.mark.django_db


def test_demo_week_has_a_programme_and_a_moderation_queue_and_loads_once(client):
    call_command("load_demo_content", stdout=io.StringIO())
    call_command("load_demo_content", stdout=io.StringIO())

    week = ParticipationWeekPage.objects.get(locale__language_code="fi")
    assert Submission.objects.approved().count() >= 20
    assert Submission.objects.pending().count() >= 3
    assert EventPage.objects.child_of(week).live().count() == Submission.objects.approved().count()
    assert len({s.region_id for s in Submission.objects.approved()}) >= 10
    assert all(s.contact_email.endswith("@example.org") for s in Submission.objects.all())
    assert not mail.outbox
    response = client.get(week.url)
    assert response.status_code == 200
    assert "Voset-kahvila" in response.content.decode()
    swedish = week.get_translations().get(locale__language_code="sv")
    assert 'lang="fi">Voset-kahvila' in client.get(swedish.url).content.decode()

"""Anyone can use the questions as a reflection sheet: a summary, and nothing stored."""

from django.contrib.sessions.models import Session
from django.urls import reverse

import pytest

from network.models import Answer, Assessment, QuestionSet
from tests.network.assessments.conftest import answer_data, ratings_by_area

pytestmark = pytest.mark.django_db

SHEET = reverse("network:reflection_sheet")


def test_the_sheet_shows_all_questions_without_signing_in(client, home):
    page = client.get(SHEET).content.decode()

    assert page.count('type="radio"') == 24 * 4
    assert QuestionSet.current().questions.first().text_fi in page


def test_the_summary_is_shown_and_nothing_is_stored(client, home):
    data = answer_data(ratings_by_area({"oma-elama": 2}), {0: "Oma pohdinta"})
    sessions = Session.objects.count()

    response = client.post(SHEET, data)

    assert response.status_code == 200
    page = response.content.decode()
    assert "summary-heading" in page
    assert "7 / 7" in page
    assert Assessment.objects.count() == 0
    assert Answer.objects.count() == 0
    assert Session.objects.count() == sessions
    assert "sessionid" not in response.cookies

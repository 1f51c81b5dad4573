"""Anyone can use the questions as a reflection sheet: a summary, and nothing stored."""

from django.contrib.sessions.models import Session
from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from network.models import Answer, Assessment, QuestionSet
from tests.network.assessments.conftest import answer_data, questions, ratings_by_area

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


def test_each_answer_box_is_named_by_its_own_question_inside_its_fieldset(client, home):
    soup = BeautifulSoup(client.get(SHEET).content, "html.parser")

    boxes = soup.select("form.assessment textarea")
    assert len(boxes) == 24
    for box, question in zip(boxes, questions(), strict=True):
        fieldset = box.find_parent("fieldset")
        legend, label = (soup.find(id=ref) for ref in box["aria-labelledby"].split())
        assert legend.parent is fieldset
        assert question.text_fi in legend.get_text()
        assert label is soup.find("label", attrs={"for": box["id"]})
        assert label.find_parent("fieldset") is fieldset
    labels = [soup.find("label", attrs={"for": box["id"]}).get_text() for box in boxes]
    assert len(set(labels)) == 24
    assert labels[2] == "Vastauksenne kysymykseen 3"


def test_an_empty_sheet_asks_for_a_rating_instead_of_an_all_zero_summary(client, home):
    response = client.post(SHEET, answer_data(texts={0: "Pelkkä teksti"}))

    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find(id="summary") is None
    summary = soup.find(id="error-summary")
    assert summary["tabindex"] == "-1"
    assert summary.find_parent("form") is not None
    link = summary.find("a")
    assert "Arvioi vähintään yksi kysymys" in link.get_text()
    first_radio = soup.find(id=link["href"].removeprefix("#"))
    assert first_radio["name"] == f"q{questions()[0].pk}-rating"
    fieldset = first_radio.find_parent("fieldset")
    error = soup.find(id=fieldset["aria-describedby"].split()[-1])
    assert "Arvioi vähintään yksi kysymys" in error.get_text()

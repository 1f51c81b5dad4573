"""A team saves its assessment as a draft, finishes it later, and reads the result:
the summary per part, the change since the earlier stage and practice models for the
weakest areas; finished, it can be shared with the coordinators."""

import re

from django.urls import reverse

import pytest

from network.assessments import summary
from network.models import Answer, Assessment, ParticipationArea, Stage
from tests.network.assessments.conftest import (
    answer_data,
    edit_url,
    questions,
    ratings_by_area,
    result_url,
)
from tests.network.factories import PracticeModelFactory

pytestmark = pytest.mark.django_db


def test_a_draft_is_saved_and_shown_again_to_continue(team, project):
    response = team.post(edit_url(project), answer_data({0: 3}, {1: "Etsivä työ."}))

    assert response.status_code == 302
    assessment = Assessment.objects.get(project=project, stage="planning")
    assert assessment.status == Assessment.Status.DRAFT
    page = team.get(edit_url(project)).content.decode()
    first = questions()[0]
    checked = rf'<input(?=[^>]*id="id_q{first.pk}-rating_2")(?=[^>]*checked)[^>]*>'
    assert re.search(checked, page)
    assert "Etsivä työ." in page
    assert Answer.objects.get(assessment=assessment, question_key=first.pk).rating == 3


def test_finishing_locks_the_answers_and_shows_the_result(team, project):
    team.post(edit_url(project), answer_data({0: 3}))

    response = team.post(edit_url(project), answer_data({0: 4, 1: 2}, action="finish"))

    assert response.status_code == 302
    assert response["Location"] == result_url(project)
    assessment = Assessment.objects.get(project=project)
    assert assessment.is_finished and assessment.finished_at
    assert team.get(edit_url(project))["Location"] == result_url(project)
    team.post(edit_url(project), answer_data({0: 1}, action="finish"))
    assert Answer.objects.get(assessment=assessment, question_key=questions()[0].pk).rating == 4


def test_a_rating_outside_the_scale_is_refused_with_a_message(team, project):
    response = team.post(edit_url(project), answer_data({0: 9}))

    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    assert not Assessment.objects.exists()


def test_an_unknown_stage_is_not_found(team, project):
    assert team.get(edit_url(project, "whenever")).status_code == 404


def test_summary_per_part_is_the_mean_of_the_rated_questions(team, project):
    ratings = ratings_by_area({"oma-elama": 1, "yhteiskehittaminen": 3})
    ratings[7] = 4  # the first co-development question
    team.post(edit_url(project), answer_data(ratings, action="finish"))

    summaries = summary.summarise_assessment(Assessment.objects.get())

    by_slug = {s.area.slug: s for s in summaries}
    assert [s.area.slug for s in summaries] == [
        "oma-elama",
        "yhteiskehittaminen",
        "omaehtoinen-toiminta",
        "yhteinen-hyva",
        "rakenteet",
    ]
    assert (by_slug["oma-elama"].rated, by_slug["oma-elama"].questions) == (7, 7)
    assert by_slug["oma-elama"].mean == 1
    assert by_slug["yhteiskehittaminen"].mean == pytest.approx((4 + 6 * 3) / 7)
    assert by_slug["rakenteet"].mean is None


def test_the_result_compares_with_the_earlier_stage_and_shows_chart_and_table(team, project):
    team.post(edit_url(project), answer_data(ratings_by_area({"oma-elama": 1}), action="finish"))
    later = ratings_by_area({"oma-elama": 3, "rakenteet": 2})
    team.post(edit_url(project, "implementation"), answer_data(later, action="finish"))

    page = team.get(result_url(project, "implementation")).content.decode()

    assert '<svg role="img" aria-labelledby="chart-title chart-desc"' in page
    assert "<table" in page and "<caption>" in page
    assert "+2,0" in page  # own life: 1 → 3
    assessment = Assessment.objects.get(stage="implementation")
    own_life = summary.compare(
        summary.summarise_assessment(assessment), summary.earlier_assessments(assessment)
    )[0]
    assert own_life.earlier == [(Stage.PLANNING.label, 1.0, 2.0)]


def test_the_result_links_practice_models_of_the_weakest_areas(team, project, library):
    weak = ParticipationArea.objects.get(slug="rakenteet")
    strong = ParticipationArea.objects.get(slug="oma-elama")
    PracticeModelFactory(name="Kumppanuuspöytä").participation_areas.add(weak)
    PracticeModelFactory(name="Valtaajat").participation_areas.add(strong)
    ratings = ratings_by_area({"oma-elama": 4, "rakenteet": 1, "yhteinen-hyva": 4})
    team.post(edit_url(project), answer_data(ratings, action="finish"))

    page = team.get(result_url(project)).content.decode()

    assert "Kumppanuuspöytä" in page
    assert "/kumppanuuspoyta/" in page
    assert "Valtaajat" not in page


def test_the_team_shares_a_finished_result_and_can_stop_sharing(team, project):
    share = reverse("network:assessment_share", args=[project.slug, "planning"])
    team.post(edit_url(project), answer_data({0: 2}))
    assert team.post(share, {"shared": "1"}).status_code == 404  # a draft is not shared

    team.post(edit_url(project), answer_data({0: 2}, action="finish"))
    team.post(share, {"shared": "1"})
    assert Assessment.objects.get().shared_with_coordinators
    team.post(share, {"shared": "0"})
    assert not Assessment.objects.get().shared_with_coordinators


def test_my_page_lists_the_projects_stages_with_their_state(team, project):
    team.post(edit_url(project), answer_data({0: 2}, action="finish"))
    team.post(edit_url(project, "implementation"), answer_data({0: 2}))

    page = team.get(reverse("network:my_page")).content.decode()

    assert 'id="assessments"' in page
    assert result_url(project) in page
    assert edit_url(project, "implementation") in page
    assert edit_url(project, "evaluation") in page

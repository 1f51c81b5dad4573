"""What a result page shows: the summary per part with the change since earlier
stages, the answers with the wording they were given to, and practice models of the
weakest areas. Shared by the team's page and the coordinators' view."""

from network.assessments import summary
from network.assessments.chart import bar_chart
from network.models import PracticeModel, Rating

PRACTICE_MODELS_SHOWN = 6


def practice_models_for(areas):
    if not areas:
        return []
    found = PracticeModel.objects.filter(participation_areas__in=areas).distinct()
    return list(found.order_by("name")[:PRACTICE_MODELS_SHOWN])


def answered_parts(parts, answers):
    """Each part with (number, question, rating label, text) rows."""
    labels = dict(Rating.choices)
    rows = []
    for part in parts:
        questions = []
        for number, question in part.questions:
            answer = answers.get(question.pk)
            rating = labels.get(answer.rating, "") if answer else ""
            questions.append((number, question, rating, answer.text if answer else ""))
        rows.append((part.area, questions))
    return rows


def result_context(assessment, *, team):
    parts = summary.parts_of(assessment.question_set())
    answers = summary.answers_by_key(assessment)
    ratings = {key: a.rating for key, a in answers.items() if a.rating}
    summaries = summary.summarise(parts, ratings)
    earlier = summary.earlier_assessments(assessment)
    summary.compare(summaries, earlier)
    weakest = summary.weakest_areas(summaries)
    return {
        "assessment": assessment,
        "project": assessment.project,
        "summaries": summaries,
        "chart": bar_chart(summaries, assessment.get_stage_display()),
        "earlier_stages": [other.get_stage_display() for other in earlier],
        "answered_parts": answered_parts(parts, answers),
        "weakest": weakest,
        "practice_models": practice_models_for(weakest),
        "team": team,
    }

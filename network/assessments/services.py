"""Saving a team's answers: a draft any number of times, then finishing it."""

from django.db import transaction
from django.utils import timezone

from network.models import Answer, Assessment


def start(project, stage, question_set):
    """The project's assessment for the stage, started on the newest questions."""
    assessment, _created = Assessment.objects.get_or_create(
        project=project,
        stage=stage,
        defaults={"revision": question_set.current_revision()},
    )
    return assessment


@transaction.atomic
def save_answers(assessment, answers, *, finish=False):
    """Store {question key: (rating, text)} in a fixed number of queries, however many
    questions there are; finishing marks the assessment done."""
    rows = [
        Answer(assessment=assessment, question_key=key, rating=rating, text=text)
        for key, (rating, text) in answers.items()
    ]
    Answer.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["assessment", "question_key"],
        update_fields=["rating", "text"],
    )
    if finish:
        assessment.status = Assessment.Status.FINISHED
        assessment.finished_at = timezone.now()
    assessment.save()


def set_shared(assessment, shared):
    assessment.shared_with_coordinators = shared
    assessment.save(update_fields=["shared_with_coordinators", "updated_at"])

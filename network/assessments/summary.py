"""Per-part summaries of answers, and the change between a project's stages.

Questions come from a question set as it was (a revision), so each assessment is
summed up with the parts its own questions belonged to, even after an edit. Means and
changes keep their full precision; they are rounded once, where they are written
(network.assessments.numbers).
"""

from dataclasses import dataclass, field

from network.models import Assessment, ParticipationArea, Rating, Stage

STAGE_ORDER = list(Stage.values)
HIGHEST = max(Rating.values)


@dataclass
class Part:
    """One part (area of participation) of the questions and its questions, numbered."""

    area: ParticipationArea
    questions: list = field(default_factory=list)  # (number, question)


def parts_of(question_set, areas=None):
    """The parts of a question set in the order of its questions, with one query for the
    areas (the questions of a revision carry only the area's key) unless `areas`, a
    {pk: area} of them all, is given."""
    questions = list(question_set.questions.all())
    if areas is None:
        areas = ParticipationArea.objects.in_bulk({q.part_id for q in questions})
    parts = {}
    for number, question in enumerate(questions, start=1):
        # An area deleted since the revision was saved still groups its questions.
        area = areas.get(question.part_id) or ParticipationArea(pk=question.part_id, name_fi="–")
        part = parts.setdefault(question.part_id, Part(area))
        part.questions.append((number, question))
    return list(parts.values())


@dataclass
class PartSummary:
    area: ParticipationArea
    questions: int
    rated: int
    mean: float | None
    earlier: list = field(default_factory=list)  # (stage label, mean or None, change or None)

    @property
    def share(self):
        """The mean as a fraction of the highest rating, for the bar's length."""
        return (self.mean or 0) / HIGHEST


def summarise(parts, ratings):
    """A summary per part from {question key: rating}."""
    summaries = []
    for part in parts:
        given = [ratings[q.pk] for _, q in part.questions if ratings.get(q.pk)]
        mean = sum(given) / len(given) if given else None
        summaries.append(PartSummary(part.area, len(part.questions), len(given), mean))
    return summaries


def ratings_of(assessment):
    return {a.question_key: a.rating for a in assessment.answers.all() if a.rating}


def summarise_assessment(assessment, areas=None):
    return summarise(parts_of(assessment.question_set(), areas), ratings_of(assessment))


def earlier_assessments(assessment):
    """The project's finished assessments of the stages before this one."""
    before = STAGE_ORDER[: STAGE_ORDER.index(assessment.stage)]
    found = (
        Assessment.objects.finished()
        .filter(project_id=assessment.project_id, stage__in=before)
        .select_related("revision")
        .prefetch_related("answers")
    )
    return sorted(found, key=lambda a: STAGE_ORDER.index(a.stage))


def compare(summaries, earlier):
    """Add to each part its mean at each earlier stage and the change since then."""
    for other in earlier:
        means = {s.area.pk: s.mean for s in summarise_assessment(other)}
        for summary in summaries:
            before = means.get(summary.area.pk)
            change = None
            if before is not None and summary.mean is not None:
                change = summary.mean - before
            summary.earlier.append((other.get_stage_display(), before, change))
    return summaries


def weakest_areas(summaries, count=2):
    """The rated parts with the lowest means (below the highest rating)."""
    rated = [s for s in summaries if s.mean is not None and s.mean < HIGHEST]
    return [s.area for s in sorted(rated, key=lambda s: s.mean)[:count]]


def aggregate(assessments):
    """The mean per part over many assessments, naming none of them; the areas are
    fetched once for all."""
    areas = ParticipationArea.objects.in_bulk()
    totals = {}
    for assessment in assessments:
        for summary in summarise_assessment(assessment, areas):
            if summary.mean is not None:
                entry = totals.setdefault(summary.area.pk, [summary.area, 0.0, 0])
                entry[1] += summary.mean
                entry[2] += 1
    return [
        PartSummary(area, 0, count, total / count)
        for area, total, count in sorted(totals.values(), key=lambda e: e[0].sort_order)
    ]


def answers_by_key(assessment):
    return {a.question_key: a for a in assessment.answers.all()}

"""A project team's self-assessment with the helper questions at one stage.

The assessment belongs to the project, not to the member who typed it: the whole team
edits it, and it holds no personal data. It points at the revision of the question set
it answers; an answer names its question by the question's key in that revision.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .projects import Project
from .question_sets import QuestionSet


class Stage(models.TextChoices):
    PLANNING = "planning", _("Planning")
    IMPLEMENTATION = "implementation", _("Implementation")
    EVALUATION = "evaluation", _("Evaluation")


class Rating(models.IntegerChoices):
    # A context: "Starting" is also a project's status, in other words.
    NOT_YET = 1, pgettext_lazy("self-rating", "Not yet")
    STARTING = 2, pgettext_lazy("self-rating", "Starting")
    IN_PLACE = 3, pgettext_lazy("self-rating", "In place")
    ESTABLISHED = 4, pgettext_lazy("self-rating", "Established")


class AssessmentQuerySet(models.QuerySet):
    def finished(self):
        return self.filter(status=Assessment.Status.FINISHED)

    def shared(self):
        return self.finished().filter(shared_with_coordinators=True)

    def in_regions(self, regions):
        """Assessments of projects in any of `regions` (each project once)."""
        return self.filter(project__regions__in=regions).distinct()


class Assessment(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        FINISHED = "finished", _("Finished")

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="assessments"
    )
    stage = models.CharField(_("stage"), max_length=20, choices=Stage)
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("question set version"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    shared_with_coordinators = models.BooleanField(_("shared with the coordinators"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["project", "created_at"]
        verbose_name = _("helper-question assessment")
        verbose_name_plural = _("helper-question assessments")
        permissions = [
            ("view_shared_assessment", _("Can see the assessments projects share")),
        ]
        constraints = [
            models.UniqueConstraint(fields=["project", "stage"], name="network_assessment_stage"),
        ]

    def __str__(self):
        return f"{self.project} – {self.get_stage_display()}"

    @property
    def is_finished(self):
        return self.status == self.Status.FINISHED

    def question_set(self):
        """The question set as it was when this assessment was started. Built from the
        revision without checking each question's links, which would cost two queries
        per question; `summary.parts_of` fetches the parts at once."""
        return QuestionSet.from_serializable_data(self.revision.content, check_fks=False)


class Answer(models.Model):
    assessment = models.ForeignKey(
        Assessment, verbose_name=_("assessment"), on_delete=models.CASCADE, related_name="answers"
    )
    question_key = models.PositiveIntegerField(_("question"))
    rating = models.PositiveSmallIntegerField(_("rating"), choices=Rating, null=True, blank=True)
    text = models.TextField(_("answer"), blank=True, max_length=4000)

    class Meta:
        ordering = ["assessment", "question_key"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "question_key"], name="network_answer_question"
            ),
        ]

    def __str__(self):
        return f"{self.assessment} #{self.question_key}"

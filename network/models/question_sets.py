"""The 24 helper questions (osallisuuden apukysymykset) as an editable, versioned set.

Editors revise the wording in the admin. Every save stores a Wagtail revision of the
whole set with its questions, and an assessment keeps the revision it answered, so an
answer is always shown with the wording the team saw, however the set changes later.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, RevisionMixin

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from .practice_models import ParticipationArea


def _localized(obj, field):
    """The field in the active language, falling back to Finnish."""
    return getattr(obj, f"{field}_{get_language()}", "") or getattr(obj, f"{field}_fi")


class QuestionSet(RevisionMixin, ClusterableModel):
    """The questions in their parts; the newest set is the one teams answer."""

    name = models.CharField(_("name"), max_length=200)
    intro_fi = models.TextField(_("introduction in Finnish"), blank=True)
    intro_sv = models.TextField(_("introduction in Swedish"), blank=True)
    intro_en = models.TextField(_("introduction in English"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [FieldPanel("intro_fi"), FieldPanel("intro_sv"), FieldPanel("intro_en")],
            heading=_("Introduction"),
        ),
        InlinePanel("questions", heading=_("Questions"), label=_("question")),
    ]

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("helper question set")
        verbose_name_plural = _("helper question sets")

    def __str__(self):
        return self.name

    @property
    def intro(self):
        return _localized(self, "intro")

    @classmethod
    def current(cls):
        return cls.objects.first()

    def current_revision(self):
        """The revision an assessment started now answers; saved on first need, as the
        set seeded by a migration has none yet."""
        return self.latest_revision or self.save_revision(log_action=False)


class Question(Orderable):
    """One helper question, in the part (area of participation) it belongs to."""

    question_set = ParentalKey(QuestionSet, related_name="questions", on_delete=models.CASCADE)
    part = models.ForeignKey(
        ParticipationArea, verbose_name=_("part"), on_delete=models.PROTECT, related_name="+"
    )
    text_fi = models.TextField(_("question in Finnish"))
    text_sv = models.TextField(_("question in Swedish"), blank=True)
    text_en = models.TextField(_("question in English"), blank=True)
    examples_fi = models.TextField(_("examples in Finnish"), blank=True)
    examples_sv = models.TextField(_("examples in Swedish"), blank=True)
    examples_en = models.TextField(_("examples in English"), blank=True)

    panels = [
        FieldPanel("part"),
        MultiFieldPanel(
            [FieldPanel("text_fi"), FieldPanel("text_sv"), FieldPanel("text_en")],
            heading=_("Question"),
        ),
        MultiFieldPanel(
            [FieldPanel("examples_fi"), FieldPanel("examples_sv"), FieldPanel("examples_en")],
            heading=_("Examples"),
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("helper question")
        verbose_name_plural = _("helper questions")

    def __str__(self):
        return self.text_fi[:80]

    @property
    def text(self):
        return _localized(self, "text")

    @property
    def examples(self):
        return _localized(self, "examples")

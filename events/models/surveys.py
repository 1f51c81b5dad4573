"""The participation survey sent after events: statements editors word, the versions
answers keep, the invitations sent, and answers that cannot be traced to a person.

An invitation knows whom it was sent to; an answer knows only its event and the
wording it answered. Nothing joins the two: the answer has a random key (no sequence
to line up with invitations), no time of its own, and the invitation keeps only that
it was used, not when.
"""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

SCALE = range(1, 6)


class SurveyStatement(models.Model):
    """One statement rated from 1 (fully disagree) to 5 (fully agree)."""

    text_fi = models.CharField(_("statement in Finnish"), max_length=300)
    text_sv = models.CharField(_("statement in Swedish"), max_length=300, blank=True)
    text_en = models.CharField(_("statement in English"), max_length=300, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)
    active = models.BooleanField(
        _("in use"), default=True, help_text=_("Only statements in use are asked.")
    )

    panels = [
        FieldPanel("text_fi"),
        FieldPanel("text_sv"),
        FieldPanel("text_en"),
        FieldPanel("sort_order"),
        FieldPanel("active"),
    ]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("survey statement")
        verbose_name_plural = _("survey statements")

    def __str__(self):
        return self.text_fi

    def wording(self):
        return {"id": self.pk, "fi": self.text_fi, "sv": self.text_sv, "en": self.text_en}


class SurveyVersion(models.Model):
    """The statements exactly as asked; a new version whenever an editor changes them,
    so every answer can be read with the words its respondent saw."""

    number = models.PositiveIntegerField(_("version"), unique=True)
    statements = models.JSONField(_("statements"))
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("survey version")
        verbose_name_plural = _("survey versions")

    def __str__(self):
        return str(self.number)

    @classmethod
    def current(cls):
        """The version matching the statements in use now, made if they have changed;
        None when no statement is in use (then no survey is sent)."""
        wording = [statement.wording() for statement in SurveyStatement.objects.filter(active=True)]
        if not wording:
            return None
        with transaction.atomic():
            latest = cls.objects.select_for_update().order_by("-number").first()
            if latest and latest.statements == wording:
                return latest
            number = latest.number + 1 if latest else 1
            return cls.objects.create(number=number, statements=wording)

    def statement_texts(self, language=None):
        """(statement id, its words in the language) for each statement of this version."""
        language = language or get_language()
        return [(item["id"], item.get(language) or item["fi"]) for item in self.statements]


class SurveyInvitation(models.Model):
    """That a registrant was asked, once; the registration is kept so nobody is asked
    twice, and is blanked with it when the registration is anonymised."""

    registration = models.OneToOneField(
        "events.Registration",
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="survey_invitation",
    )
    event = models.ForeignKey(
        "events.Event", verbose_name=_("event"), on_delete=models.CASCADE, related_name="+"
    )
    version = models.ForeignKey(
        SurveyVersion, verbose_name=_("version"), on_delete=models.PROTECT, related_name="+"
    )
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    answered = models.BooleanField(_("answered"), default=False)

    class Meta:
        verbose_name = _("survey invitation")
        verbose_name_plural = _("survey invitations")

    def __str__(self):
        return f"{self.event_id}/{self.pk}"


class SurveyAnswer(models.Model):
    """One respondent's answer: their event, the wording, the indicator and the free
    text. No person, no time: see the module docstring."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.PROTECT,
        related_name="survey_answers",
    )
    version = models.ForeignKey(
        SurveyVersion, verbose_name=_("version"), on_delete=models.PROTECT, related_name="answers"
    )
    indicator = models.DecimalField(_("indicator"), max_digits=3, decimal_places=2)
    comment = models.TextField(_("free text"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")

    def __str__(self):
        return str(self.indicator)


class SurveyRating(models.Model):
    answer = models.ForeignKey(
        SurveyAnswer, verbose_name=_("answer"), on_delete=models.CASCADE, related_name="ratings"
    )
    statement = models.PositiveIntegerField(_("statement"))
    value = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    class Meta:
        verbose_name = _("survey rating")
        verbose_name_plural = _("survey ratings")
        constraints = [
            models.UniqueConstraint(
                fields=["answer", "statement"], name="one_rating_per_statement"
            ),
            models.CheckConstraint(
                condition=models.Q(value__gte=1, value__lte=5), name="rating_between_1_and_5"
            ),
        ]

    def __str__(self):
        return str(self.value)

"""The registrations of one event as a spreadsheet: XLSX with real date cells (what
staff open first), or CSV separated by semicolons, which Finnish Excel expects, both
written (and escaped against formulas) by cms.spreadsheets.

Every row carries the answers to the event's extra questions and a readable line
about the privacy notice the person agreed to."""

import re

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import Revision

from cms import spreadsheets
from cms.dates import format_date
from events.models import Registration, RegistrationQuestion

STORED_CONSENT = re.compile(r"^page (\d+), revision (\d+)$")

HEADERS = [
    gettext_lazy("Name"),
    gettext_lazy("E-mail"),
    gettext_lazy("Organisation"),
    gettext_lazy("Project"),
    gettext_lazy("Region"),
    gettext_lazy("Accessibility or dietary needs"),
    gettext_lazy("Status"),
    gettext_lazy("Attended"),
    gettext_lazy("Registered"),
    gettext_lazy("Privacy notice agreed to"),
]


class ConsentDescriptions:
    """Turns the stored "page 9, revision 7" into "Tietosuojaseloste (5.2.2024)":
    the notice's title and the date of the revision the person saw. Each revision
    is looked up once per export."""

    def __init__(self):
        self._seen = {}

    def __call__(self, stored):
        match = STORED_CONSENT.match(stored or "")
        if match is None:
            return _("no privacy notice") if stored in ("", "none") else stored
        revision_id = int(match.group(2))
        if revision_id not in self._seen:
            self._seen[revision_id] = self._describe(revision_id)
        return self._seen[revision_id]

    @staticmethod
    def _describe(revision_id):
        revision = Revision.objects.filter(pk=revision_id).first()
        if revision is None:
            return _("a privacy notice version that no longer exists")
        day = format_date(revision.created_at)
        return f"{revision.object_str} ({day})"


def answers_of(registration, questions, choices=None):
    """The registrant's answers in the order the page being read asks the questions.
    Answers are stored under each question's key, so an answer given on the Swedish page
    is found through the Finnish page's question too; `choices` (from `choice_wording`)
    rewords a chosen option in the reader's language."""
    choices = choices or {}
    values = []
    for question in questions:
        value = registration.answers.get(str(question.key), "")
        if question.kind == RegistrationQuestion.Kind.CHECKBOX:
            value = _("Yes") if value else _("No")
        elif question.kind == RegistrationQuestion.Kind.CHOICE:
            value = choices.get(question.key, {}).get(value, value)
        values.append(str(value or ""))
    return values


def choice_wording(questions):
    """{question key: {an option as any language words it: as `questions` word it}}:
    the options of one question are translated in the same order, so the n-th option
    of the Swedish question is the n-th of the Finnish one (one query)."""
    own = {q.key: q.choice_list for q in questions if q.kind == RegistrationQuestion.Kind.CHOICE}
    wording = {key: {} for key in own}
    if not own:
        return wording
    translations = RegistrationQuestion.objects.filter(
        key__in=list(own), kind=RegistrationQuestion.Kind.CHOICE
    ).only("key", "choices")
    for translation in translations:
        mine = own[translation.key]
        for position, option in enumerate(translation.choice_list):
            if position < len(mine):
                wording[translation.key].setdefault(option, mine[position])
    for key, mine in own.items():
        wording[key].update({option: option for option in mine})
    return wording


def rows(page):
    """The header and one row per registration of the event, whatever language each
    registrant used: one column per question, worded as `page` (the page being exported)
    words it. The registration time stays a datetime."""
    questions = list(page.registration_questions.all())
    choices = choice_wording(questions)
    describe = ConsentDescriptions()
    yield [str(header) for header in HEADERS] + [q.label for q in questions]
    registrations = Registration.objects.filter(event_id=page.event_id)
    registrations = registrations.select_related("project", "region")
    for registration in registrations.order_by("created_at", "pk"):
        yield [
            registration.name,
            registration.email,
            registration.organisation,
            str(registration.project or ""),
            str(registration.region or ""),
            registration.needs,
            registration.get_status_display(),
            _("Yes") if registration.attended else _("No"),
            timezone.localtime(registration.created_at).replace(tzinfo=None),
            describe(registration.consent_version),
            *answers_of(registration, questions, choices),
        ]


def xlsx_response(event):
    return spreadsheets.xlsx_response(
        rows(event), f"registrations-{event.pk}.xlsx", sheet_title=_("Registrations")
    )


def csv_response(event):
    return spreadsheets.csv_response(rows(event), f"registrations-{event.pk}.csv")

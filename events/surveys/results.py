"""Survey results by event, event type, region or period, in a fixed number of queries.

Small-number protection: a group with fewer than `MIN_ANSWERS` answers shows no
figures anywhere (admin, CSV, public page), as a handful of answers could identify
the people who gave them."""

from dataclasses import dataclass, field

from django.db.models import Avg, Count, F
from django.db.models.functions import TruncMonth, TruncQuarter
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cms.dates import format_date, format_year_month
from cms.models import Region
from events.models import Event, EventType, SurveyAnswer, SurveyRating, SurveyVersion

MIN_ANSWERS = 5

GROUPINGS = {
    "event": (_("Event"), F("event")),
    "type": (_("Event type"), F("event__event_type")),
    "region": (_("Region"), F("event__region")),
    "month": (_("Month"), TruncMonth("event__start")),
    "quarter": (_("Quarter"), TruncQuarter("event__start")),
}


@dataclass
class Row:
    key: object
    label: str
    count: int
    indicator: float | None
    statements: dict = field(default_factory=dict)

    @property
    def shown(self):
        return self.count >= MIN_ANSWERS


def _labels(by, keys):
    keys = [key for key in keys if key is not None]
    if by == "event":
        events = Event.objects.filter(pk__in=keys).prefetch_related("pages")
        return {event.pk: f"{_title(event)} ({format_date(event.local_start)})" for event in events}
    if by == "type":
        return {item.pk: str(item) for item in EventType.objects.filter(pk__in=keys)}
    if by == "region":
        return {item.pk: str(item) for item in Region.objects.filter(pk__in=keys)}
    if by == "quarter":
        return {key: f"{key.year} Q{(key.month - 1) // 3 + 1}" for key in keys}
    return {key: format_year_month(key) for key in keys}


def _title(event):
    """The event's title in the reader's language (Finnish when not translated)."""
    page = event.page_in(get_language())
    return page.title if page else str(_("Deleted event"))


def summarise(by, answers=None, *, with_statements=False):
    """Rows of (group, number of answers, mean indicator), newest period or largest
    group first; with per-statement means when asked (one more query)."""
    _title, expression = GROUPINGS[by]
    answers = SurveyAnswer.objects.all() if answers is None else answers
    grouped = (
        answers.annotate(group=expression)
        .values("group")
        .annotate(count=Count("pk"), indicator=Avg("indicator"))
        .order_by()
    )
    figures = list(grouped)
    labels = _labels(by, [item["group"] for item in figures])
    rows = [
        Row(
            key=item["group"],
            label=labels.get(item["group"], str(_("Not given"))),
            count=item["count"],
            indicator=round(float(item["indicator"]), 2) if item["count"] >= MIN_ANSWERS else None,
        )
        for item in figures
    ]
    if with_statements:
        _add_statement_means(rows, by, answers)
    if by in ("month", "quarter"):
        return sorted(rows, key=lambda row: row.key or 0)
    return sorted(rows, key=lambda row: (-row.count, row.label))


def _add_statement_means(rows, by, answers):
    _title, expression = GROUPINGS[by]
    if isinstance(expression, F):
        expression = F("answer__" + expression.name)
    else:
        expression = expression.__class__("answer__event__start")
    means = (
        SurveyRating.objects.filter(answer__in=answers)
        .annotate(group=expression)
        .values("group", "statement")
        .annotate(mean=Avg("value"))
        .order_by()
    )
    by_key = {row.key: row for row in rows if row.shown}
    for item in means:
        row = by_key.get(item["group"])
        if row is not None:
            row.statements[item["statement"]] = round(float(item["mean"]), 2)


def statement_names():
    """Every statement id ever asked, with its latest Finnish wording."""
    names = {}
    for version in SurveyVersion.objects.order_by("number"):
        names.update({item["id"]: item["fi"] for item in version.statements})
    return names


def by_quarter():
    """The indicator per quarter, only quarters with enough answers: the chart's data."""
    return [row for row in summarise("quarter") if row.shown]


def indicator_chart(rows, *, bar_width=36, gap=24, plot_height=180, left=40):
    """Geometry of a bar chart of `rows`' indicators on the 1–5 scale, for the SVG
    template (kept here so the template only places what is computed)."""

    def y_of(value):
        return round(10 + plot_height * (5 - float(value)) / 4, 1)

    bars = []
    for position, row in enumerate(rows):
        x = left + gap + position * (bar_width + gap)
        top = y_of(row.indicator)
        bars.append(
            {
                "x": x,
                "y": top,
                "height": round(y_of(1) - top, 1),
                "centre": x + bar_width // 2,
                "label": row.label,
            }
        )
    return {
        "width": left + gap + len(rows) * (bar_width + gap),
        "height": plot_height + 40,
        "left": left,
        "bar_width": bar_width,
        "gridlines": [{"level": level, "y": y_of(level)} for level in range(1, 6)],
        "bars": bars,
    }

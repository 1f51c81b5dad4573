"""Event times as people in each language write them: "ti 9.10.2025 klo 9.30–11.00"."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _


def _day(value):
    return date_format(value, "D j.n.Y")


def _time(value):
    return date_format(value, "G.i")


def event_when(event):
    start, end = timezone.localtime(event.start), timezone.localtime(event.end)
    if event.all_day:
        if start.date() == end.date():
            return _day(start)
        return f"{_day(start)}–{_day(end)}"
    if start.date() == end.date():
        return _("%(day)s at %(start)s–%(end)s") % {
            "day": _day(start),
            "start": _time(start),
            "end": _time(end),
        }
    return _("%(start_day)s at %(start)s – %(end_day)s at %(end)s") % {
        "start_day": _day(start),
        "start": _time(start),
        "end_day": _day(end),
        "end": _time(end),
    }

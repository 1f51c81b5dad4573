"""Dates and times as text, in the active language's formats (`cms/formats`).

Every date the site shows in Python code goes through here, so a page, a feed and an
e-mail never disagree about how "5.2.2024 klo 13.00" is written in a language."""

import datetime

from django.utils import timezone
from django.utils.formats import date_format


def _local(value):
    """Aware datetimes in the site's time zone; dates and naive values as they are."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def format_date(value):
    """fi/sv "5.2.2024", en "5 February 2024"."""
    return date_format(_local(value), "DATE_FORMAT")


def format_time(value):
    """fi/sv "13.00", en "13:00"."""
    return date_format(_local(value), "TIME_FORMAT")


def format_datetime(value):
    """fi "5.2.2024 klo 13.00", sv "5.2.2024 kl. 13.00", en "5 February 2024, 13:00"."""
    return date_format(_local(value), "DATETIME_FORMAT")


def format_short_date(value):
    """A spreadsheet's date cell: the short form a spreadsheet program reads back as a date."""
    return date_format(_local(value), "SHORT_DATE_FORMAT")


def format_short_datetime(value):
    """A spreadsheet's date-time cell, read back as one by a spreadsheet program."""
    return date_format(_local(value), "SHORT_DATETIME_FORMAT")


def format_year_month(value):
    """fi "helmikuu 2024", sv "februari 2024", en "February 2024"."""
    return date_format(_local(value), "YEAR_MONTH_FORMAT")


def format_month_day(value):
    """fi/sv "5.2.", en "5 February": the first day of a range in one year."""
    return date_format(_local(value), "MONTH_DAY_FORMAT")


def format_date_range(first, last):
    """fi/sv "5.–8.2.2024", en "5–8 February 2024"; across months "5.2.–8.3.2024" and
    "5 February–8 March 2024"; one date when they agree."""
    first, last = _local(first), _local(last)
    if first == last:
        return format_date(first)
    if first.year != last.year:
        return f"{format_date(first)}–{format_date(last)}"
    if first.month != last.month:
        return f"{format_month_day(first)}–{format_date(last)}"
    return f"{date_format(first, 'DAY_FORMAT')}–{format_date(last)}"


def weekday(value):
    """fi "ti", sv "tis", en "Tue": events name the day, so readers need no calendar."""
    return date_format(_local(value), "D")


def format_span(start, end, all_day=False):
    """When an event happens: fi "ma 5.2.2024 klo 13.00–15.00", over days
    "ma 5.2.2024 klo 13.00 – ti 6.2.2024 klo 15.00", all-day "ma 5.2.2024"."""
    start, end = _local(start), _local(end)
    if all_day:
        first, last = start.date(), end.date()
        if first == last:
            return f"{weekday(first)} {format_date(first)}"
        return f"{weekday(first)} {format_date(first)}–{weekday(last)} {format_date(last)}"
    if start.date() == end.date():
        return f"{weekday(start)} {format_datetime(start)}–{format_time(end)}"
    return f"{weekday(start)} {format_datetime(start)} – {weekday(end)} {format_datetime(end)}"

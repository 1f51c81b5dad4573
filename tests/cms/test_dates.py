"""One date format per language, from the locale's format modules (cms/formats)."""

import datetime
import re
import zoneinfo
from pathlib import Path

from django.utils import translation

import pytest

from cms.dates import format_date, format_date_range, format_datetime, format_span

HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")
# 11.00 UTC is 13.00 in Helsinki: the site's time zone, whatever the server's.
MOMENT = datetime.datetime(2024, 2, 5, 11, 0, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fi", "5.2.2024 klo 13.00"), ("sv", "5.2.2024 kl. 13.00"), ("en", "5 February 2024, 13:00")],
)
def test_a_moment_is_written_as_each_language_writes_it(language, expected):
    with translation.override(language):
        assert format_datetime(MOMENT) == expected


@pytest.mark.parametrize(
    ("language", "day", "week"),
    [
        ("fi", "5.2.2024", "5.–8.2.2024"),
        ("sv", "5.2.2024", "5.–8.2.2024"),
        ("en", "5 February 2024", "5–8 February 2024"),
    ],
)
def test_dates_and_ranges_follow_the_language(language, day, week):
    with translation.override(language):
        assert format_date(datetime.date(2024, 2, 5)) == day
        assert format_date_range(datetime.date(2024, 2, 5), datetime.date(2024, 2, 8)) == week


def test_an_event_over_two_days_names_both_days():
    end = MOMENT + datetime.timedelta(days=1, hours=2)

    with translation.override("en"):
        assert format_span(MOMENT, end) == "Mon 5 February 2024, 13:00 – Tue 6 February 2024, 15:00"


ROOT = Path(__file__).resolve().parents[2]
APPS = ("cms", "events", "network", "newsletters")
# Patterns that are the same in every language: one unit (a day's number, a year, the
# locale's own month or weekday name) or a machine value (<time datetime>, URL
# parameters, element ids).
LANGUAGE_NEUTRAL_PATTERNS = {"Y", "j", "M", "D", "l", "Y-m", "Y-m-d", "Ymd"}


def test_python_code_formats_dates_only_through_cms_dates():
    calls = re.compile(r"\b(?:date_format|time_format)\(")

    offenders = [
        str(path.relative_to(ROOT))
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        if path != ROOT / "cms" / "dates.py" and calls.search(path.read_text())
    ]

    assert not offenders, f"Use cms.dates (format_date, format_datetime…): {offenders}"


def test_templates_use_named_date_formats_not_literal_patterns():
    pattern = re.compile(r"""\|date:["']([^"']*)["']""")

    offenders = [
        f"{path.relative_to(ROOT)}: {found}"
        for app in APPS
        for path in (ROOT / app).rglob("templates/**/*.html")
        for found in pattern.findall(path.read_text())
        if not found.endswith("_FORMAT") and found not in LANGUAGE_NEUTRAL_PATTERNS
    ]

    assert not offenders, f'Use |date:"DATE_FORMAT" and the other named formats: {offenders}'

"""One date format per language, from the locale's format modules (cms/formats)."""

import datetime
import zoneinfo

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

"""English as written in Europe: 5 February 2024, 13:00 (never the US 02/05/2024)."""

from django.conf.locale.en.formats import *  # noqa: F403  (input formats, separators)

DATE_FORMAT = SHORT_DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = SHORT_DATETIME_FORMAT = "j F Y, H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
# A day of the month: a range within one month ("5–8 February 2024"), the month calendar.
DAY_FORMAT = "j"

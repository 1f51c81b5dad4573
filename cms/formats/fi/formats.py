"""Finnish: 5.2.2024 klo 13.00 (Kielitoimiston ohjepankki)."""

from django.conf.locale.fi.formats import *  # noqa: F403  (input formats, separators)

DATE_FORMAT = SHORT_DATE_FORMAT = "j.n.Y"
TIME_FORMAT = "G.i"
DATETIME_FORMAT = SHORT_DATETIME_FORMAT = r"j.n.Y \k\l\o G.i"
MONTH_DAY_FORMAT = "j.n."
YEAR_MONTH_FORMAT = "F Y"
# A day of the month: a range within one month ("5.–8.2.2024"), the month calendar.
DAY_FORMAT = "j."

"""The years an event may fall in.

Dates far outside them are typing or export mistakes (0001, 9999), and near the
ends of the calendar converting to local time or adding a day overflows, which
broke the event's edit page. The import and the page's validation both use these."""

from django.utils.translation import gettext as _

FIRST_YEAR = 2000
LAST_YEAR = 2100


def in_range(moment):
    """Whether a date or datetime falls in the years events may have."""
    return FIRST_YEAR <= moment.year <= LAST_YEAR


def out_of_range_message():
    return _("Events must fall between the years %(first)s and %(last)s.") % {
        "first": FIRST_YEAR,
        "last": LAST_YEAR,
    }

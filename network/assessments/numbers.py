"""How a mean rating and its change are written: one decimal, rounded half up, in the
reader's number format ("2,3"). The chart and the table both ask here, so a mean of
16/7 reads 2,3 in both (the chart used to cut it to 2,2 while the table rounded it)."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format

MISSING = "–"
ONE_DECIMAL = Decimal("0.1")


def _rounded(value):
    """Rounded from the value as written (repr), so 2.25 is 2,3 like a person rounds it."""
    return Decimal(repr(value)).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def mean(value):
    """A mean rating, or a dash for a part nobody rated."""
    if value is None:
        return MISSING
    return number_format(_rounded(value), 1)


def change(value):
    """A change between stages, signed when it is one at the precision shown."""
    if value is None:
        return MISSING
    rounded = _rounded(value)
    text = number_format(rounded, 1)
    return f"+{text}" if rounded > 0 else text

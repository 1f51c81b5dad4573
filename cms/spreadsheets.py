"""Every spreadsheet that comes into the site and every one that leaves it.

Reading: staff upload what their spreadsheet program wrote, and Finnish Excel writes
semicolons in Windows-1252 unless told otherwise, so a CSV file may be UTF-8 (with or
without a byte-order mark) or Windows-1252, separated by semicolons or commas; an XLSX
workbook is read from its first sheet. Hostile or broken files are refused with a
reason staff can act on (a NUL character, bytes of no known encoding), and a line the
CSV reader cannot take as one row (a quotation mark never closed, a value too long) is
reported by its number instead of being merged with the lines after it. What to do
with such a line (skip and report it, or refuse the file) is the caller's decision.

Writing: what we export is opened in Excel, which runs a cell that starts like a
formula, and the cells hold what the public typed; so every text cell is escaped, and
a CSV file has a byte-order mark and semicolons, which is what Finnish Excel needs to
open it as UTF-8 columns rather than one line of mojibake.
"""

import codecs
import csv
import datetime
import io
import re
import zipfile
from dataclasses import dataclass

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from cms.dates import format_short_date, format_short_datetime

MAX_RECORD = 100_000
DELIMITERS = (";", ",")
TOO_LONG = "too_long"
UNREADABLE = "unreadable"

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
XLSX_DATETIME = "d.m.yyyy h:mm"
XLSX_DATE = "d.m.yyyy"
# A text cell starting with one of these is run as a formula by Excel or LibreOffice
# (tab and carriage return too, after the program trims them): OWASP's CSV injection.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

LINE_BREAK = re.compile(r"\r\n|\r|\n")
QUOTED = re.compile(r'"[^"]*"')
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class UnreadableFile(ValueError):
    """The upload cannot be read as a spreadsheet; the message says why."""


# Reading


def read_bytes(upload, *, max_bytes):
    """The upload's bytes, refused over max_bytes before anything is read."""
    if upload.size > max_bytes:
        raise UnreadableFile(
            _("The file is larger than %(size)s MB.") % {"size": max_bytes // (1024 * 1024)}
        )
    return upload.read()


def decode(data):
    """The text of a CSV file: UTF-8, with its byte-order mark dropped, else Windows-1252
    (what Excel's plain "CSV" writes in Finland). A NUL character refuses the file with
    its line: PostgreSQL cannot store one and no spreadsheet program writes one, so it
    means a binary or UTF-16 file."""
    if data.startswith(UTF16_BOMS):
        raise UnreadableFile(_("The file is not UTF-8 or Windows-1252 text."))
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # bytes that Windows-1252 leaves undefined (0x81, 0x8D, …)
        raise UnreadableFile(_("The file is not UTF-8 or Windows-1252 text."))
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise UnreadableFile(
            _("Row %(row)s contains a NUL character: this is not a CSV text file.") % {"row": line}
        )
    return text


def read_text(upload, *, max_bytes):
    """The decoded text of an uploaded CSV file, for callers that keep it to read later."""
    return decode(read_bytes(upload, max_bytes=max_bytes))


def sniff_delimiter(line):
    """Semicolon or comma, whichever the header row has more of outside quotation marks."""
    bare = QUOTED.sub("", line)
    return max(DELIMITERS, key=bare.count)


@dataclass(frozen=True)
class Table:
    """An uploaded sheet: the lower-cased column names of its first row, and its
    other rows as (row number, {column: value}) or, for a line that could not be read
    as one row, (row number, TOO_LONG or UNREADABLE). Rows are numbered as the
    spreadsheet program numbers them, the header being row 1; empty rows are skipped
    but counted."""

    columns: list
    records: object  # an iterator of (row number, values or reason)

    def rows(self):
        width = len(self.columns)
        for number, values in self.records:
            if isinstance(values, str):
                yield number, values
                continue
            values = [cell_text(value) for value in values]
            if not any(values):
                continue
            # Like csv.DictReader: values past the header's are dropped, missing ones blank.
            values = (values + [""] * width)[:width]
            pairs = zip(self.columns, values, strict=True)
            yield number, {name: value for name, value in pairs if name}

    def checked_rows(self, *, max_rows=None):
        """Every row, the file refused at the first line that could not be read (rather
        than imported in part) or when it has more than max_rows rows."""
        rows = []
        for number, row in self.rows():
            if isinstance(row, str):
                raise UnreadableFile(
                    _(
                        "Row %(row)s could not be read: check its quotation marks and the "
                        "length of its values."
                    )
                    % {"row": number}
                )
            rows.append((number, row))
            if max_rows is not None and len(rows) > max_rows:
                raise UnreadableFile(_("The file has more than %(max)s rows.") % {"max": max_rows})
        return rows


def csv_table(text, *, multiline=True, max_record=MAX_RECORD):
    """The table of a CSV text, its delimiter sniffed from the first line.

    multiline: a quoted value may hold line breaks (a project's summary does). Without
    it every line is a row of its own, and a line with a quotation mark left open is
    reported at once (subscriber data has no line breaks in values)."""
    lines = LINE_BREAK.split(text)
    if lines[-1] == "":
        lines.pop()
    delimiter = sniff_delimiter(lines[0] if lines else "")
    records = csv_records(lines, delimiter, multiline=multiline, max_record=max_record)
    first = next(records, (1, []))[1]
    columns = [] if isinstance(first, str) else [cell_text(name).lower() for name in first]
    return Table(columns, records)


def csv_records(lines, delimiter, *, multiline, max_record):
    """(row number, values or reason) for the lines of a CSV file.

    A line with an odd number of quotation marks opens a quoted value; with multiline
    it is joined with the next lines until the value closes. If it never closes, or the
    joined lines are not exactly one valid row, only the first line is reported and
    reading goes on at the next: an unclosed quote costs one row, not every row after
    it, and nothing is merged silently. Each line is joined at most twice, so this
    stays linear whatever the file."""
    index, number = 0, 0
    while index < len(lines):
        number += 1
        line = lines[index]
        if len(line) > max_record:
            yield number, TOO_LONG
            index += 1
            continue
        parts, length, end = [line], len(line), index + 1
        open_quote = line.count('"') % 2
        while open_quote and multiline and end < len(lines) and length <= max_record:
            parts.append(lines[end])
            length += len(lines[end]) + 1
            open_quote ^= lines[end].count('"') % 2
            end += 1
        if open_quote or length > max_record:
            yield number, UNREADABLE
            index += 1
            continue
        try:
            parsed = list(
                csv.reader([part + "\n" for part in parts], delimiter=delimiter, strict=True)
            )
        except csv.Error:  # a misplaced quote, a value over csv's field limit
            parsed = []
        if len(parsed) != 1:
            yield number, UNREADABLE
            index += 1
            continue
        yield number, parsed[0]
        index = end


def xlsx_table(data):
    """The table of an XLSX workbook's first sheet; dates stay dates until cell_text."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise UnreadableFile(_("The file is not an Excel (XLSX) workbook.")) from error
    records = enumerate(workbook.worksheets[0].iter_rows(values_only=True), start=1)
    first = next(records, (1, ()))[1]
    return Table([cell_text(name).lower() for name in first], records)


def read_table(upload, *, max_bytes, multiline=True, max_record=MAX_RECORD):
    """The table of an uploaded CSV or XLSX file (by its name); UnreadableFile if it
    is neither, or has no header row."""
    data = read_bytes(upload, max_bytes=max_bytes)
    if upload.name.lower().endswith(".xlsx"):
        table = xlsx_table(data)
    else:
        table = csv_table(decode(data), multiline=multiline, max_record=max_record)
    if not any(table.columns):
        raise UnreadableFile(_("The file has no header row."))
    return table


def cell_text(value):
    """A cell as stripped one-line text; a date as ISO 8601, which every import reads."""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return " ".join(str(value).split()) if value is not None else ""


# Writing


def safe_cell(value):
    """A text cell a spreadsheet program shows as text instead of running it as a
    formula (CSV injection): the values come from public forms."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _local(value):
    """A moment as the site's wall-clock time: what staff expect, and XLSX has no zones."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.make_naive(value)
    return value


def _csv_cell(value):
    if isinstance(value, datetime.datetime):
        return format_short_datetime(value)
    if isinstance(value, datetime.date):
        return format_short_date(value)
    if value is None:
        return ""
    return safe_cell(value if isinstance(value, int | float) else str(value))


def _attachment(response, filename):
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


class _Line:
    """A file for csv.writer whose write returns the line, to stream it."""

    def write(self, line):
        return line


def csv_lines(rows):
    """The CSV text of rows (a header row first), line by line: a byte-order mark,
    semicolons, every text cell escaped, dates in the active language's short format."""
    writer = csv.writer(_Line(), delimiter=";")
    yield "\ufeff"
    for row in rows:
        yield writer.writerow([_csv_cell(cell) for cell in row])


def csv_response(rows, filename, *, stream=False):
    """rows as a CSV download named filename; streamed (rows read as it is sent) for
    listings that may be long."""
    if stream:
        response = StreamingHttpResponse(csv_lines(rows), content_type=CSV_TYPE)
    else:
        response = HttpResponse("".join(csv_lines(rows)), content_type=CSV_TYPE)
    return _attachment(response, filename)


def xlsx_response(rows, filename, *, sheet_title):
    """rows as an XLSX download: dates and times stay real date cells, text cells are
    escaped, and nothing is stored as a formula."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=str(sheet_title)[:31])
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, safe_cell(_local(value)))
            if isinstance(value, datetime.datetime):
                cell.number_format = XLSX_DATETIME
            elif isinstance(value, datetime.date):
                cell.number_format = XLSX_DATE
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _attachment(HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE), filename)

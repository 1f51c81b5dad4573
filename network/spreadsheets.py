"""Reading the rows of an uploaded CSV or XLSX file as dictionaries keyed by the
lower-cased header, whatever the spreadsheet program wrote (UTF-8 with or without BOM,
Windows-1252, comma or semicolon separated)."""

import csv
import datetime
import io
import zipfile

from django.utils.translation import gettext as _

from openpyxl import load_workbook

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 5000


class UnreadableFile(ValueError):
    """The upload is not a CSV or XLSX file we can read; the message says why."""


def read_rows(upload):
    """(row number, {column: text}) for every non-empty row below the header."""
    if upload.size > MAX_BYTES:
        raise UnreadableFile(_("The file is larger than 10 MB."))
    data = upload.read()
    is_xlsx = upload.name.lower().endswith(".xlsx")
    table = xlsx_table(data) if is_xlsx else csv_table(data)
    header = [str(cell or "").strip().lower() for cell in next(table, [])]
    if not any(header):
        raise UnreadableFile(_("The file has no header row."))
    rows = []
    for number, cells in enumerate(table, start=2):
        values = [text(cell) for cell in cells]
        if any(values):
            rows.append((number, dict(zip(header, values, strict=False))))
        if len(rows) > MAX_ROWS:
            raise UnreadableFile(_("The file has more than %(max)s rows.") % {"max": MAX_ROWS})
    return rows


def text(cell):
    if isinstance(cell, datetime.datetime):
        return cell.date().isoformat()
    if isinstance(cell, datetime.date):
        return cell.isoformat()
    return " ".join(str(cell).split()) if cell is not None else ""


def csv_table(data):
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            decoded = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # bytes that Windows-1252 leaves undefined (0x81, 0x8D, …)
        raise UnreadableFile(_("The file is not UTF-8 or Windows-1252 text."))
    if "\x00" in decoded:
        raise UnreadableFile(_("The file is not a CSV file."))
    first_line = decoded.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    return checked_rows(csv.reader(io.StringIO(decoded), delimiter=delimiter, strict=True))


def checked_rows(reader):
    """The reader's rows; a row it cannot read (a value over csv's 128 KB limit, a
    quotation mark never closed or misplaced) refuses the file, naming the line, rather
    than a crash or rows silently merged."""
    while True:
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise UnreadableFile(
                _(
                    "Line %(line)s could not be read (%(error)s): check its quotation "
                    "marks and the length of its values."
                )
                % {"line": reader.line_num, "error": error}
            ) from error


def xlsx_table(data):
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise UnreadableFile(_("The file is not an Excel (XLSX) workbook.")) from error
    return iter(workbook.worksheets[0].iter_rows(values_only=True))

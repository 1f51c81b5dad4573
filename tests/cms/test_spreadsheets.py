"""cms.spreadsheets, the one reader of uploaded spreadsheets and writer of exported ones:
what Excel writes in Finland is read right, and what we write cannot run a formula."""

import csv
import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest
from openpyxl import load_workbook

from cms import spreadsheets
from cms.spreadsheets import UnreadableFile, csv_table, decode, read_table
from events.models import SurveyAnswer, SurveyVersion
from network.models import Member
from tests.events.factories import EventIndexPageFactory, EventPageFactory, EventTypeFactory

HEADER = "name;organisation\n"


def upload(data, name="taulukko.csv"):
    return SimpleUploadedFile(name, data)


def rows_of(text, **options):
    return list(csv_table(text, **options).rows())


def test_windows_1252_file_is_read_with_its_umlauts():
    data = "nimi;kunta\nPöllö Äijälä;Jyväskylä\n".encode("cp1252")

    table = read_table(upload(data), max_bytes=1024)

    assert table.columns == ["nimi", "kunta"]
    assert list(table.rows()) == [(2, {"nimi": "Pöllö Äijälä", "kunta": "Jyväskylä"})]


def test_the_byte_order_mark_is_not_part_of_the_first_column_name():
    data = "\ufeffemail,name\nmaija@example.org,Maija\n".encode()

    table = read_table(upload(data), max_bytes=1024)

    assert table.columns == ["email", "name"]
    assert list(table.rows()) == [(2, {"email": "maija@example.org", "name": "Maija"})]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "name;organisation\nMaija;Yhdistys, ry\n",
            {"name": "Maija", "organisation": "Yhdistys, ry"},
        ),
        (
            "name,organisation\nMaija,Yhdistys; ry\n",
            {"name": "Maija", "organisation": "Yhdistys; ry"},
        ),
        (
            '"Sukunimi, etunimi, titteli";x\nMeikäläinen;1\n',
            {"sukunimi, etunimi, titteli": "Meikäläinen", "x": "1"},
        ),
    ],
    ids=["semicolon", "comma", "quoted comma in a semicolon header"],
)
def test_the_delimiter_is_sniffed_from_the_header(text, expected):
    assert rows_of(text) == [(2, expected)]


def test_a_nul_character_refuses_the_file_naming_its_row():
    with pytest.raises(UnreadableFile, match="Rivillä 3 on NUL-merkki"):
        decode(b"a;b\n1;2\n3;\x004\n")


def test_utf16_and_undefined_bytes_are_refused_not_guessed():
    for data in ("a;b\n".encode("utf-16"), b"a;b\nHanke\x81;x\n"):
        with pytest.raises(UnreadableFile, match="ei ole UTF-8- eikä Windows-1252-tekstiä"):
            decode(data)


def test_an_unclosed_quote_costs_its_own_line_and_merges_nothing():
    text = HEADER + 'Eka;"Yhdistys\nToka;Seura\nKolmas;"Kerho" ry\nNeljäs;Piiri\n'

    for multiline in (True, False):
        assert rows_of(text, multiline=multiline) == [
            (2, spreadsheets.UNREADABLE),
            (3, {"name": "Toka", "organisation": "Seura"}),
            (4, spreadsheets.UNREADABLE),
            (5, {"name": "Neljäs", "organisation": "Piiri"}),
        ]


def test_a_quoted_value_may_hold_line_breaks_only_when_multiline():
    text = HEADER + 'Eka;"Yhdistys\nry"\nToka;Seura\n'

    assert rows_of(text) == [
        (2, {"name": "Eka", "organisation": "Yhdistys ry"}),
        (3, {"name": "Toka", "organisation": "Seura"}),
    ]
    assert rows_of(text, multiline=False)[0] == (2, spreadsheets.UNREADABLE)


def test_a_huge_value_is_a_too_long_line_not_a_crash():
    text = HEADER + f"Eka;{'x' * 200_000}\nToka;Seura\n"

    assert rows_of(text) == [
        (2, spreadsheets.TOO_LONG),
        (3, {"name": "Toka", "organisation": "Seura"}),
    ]


def test_checked_rows_refuse_the_file_at_the_first_bad_line():
    table = csv_table(HEADER + 'Eka;"Yhdistys\nToka;Seura\n')

    with pytest.raises(UnreadableFile, match="Riviä 2 ei voitu lukea"):
        table.checked_rows()


def test_a_file_without_a_header_row_is_refused():
    with pytest.raises(UnreadableFile):
        read_table(upload(b"\n\n"), max_bytes=1024)


FORMULAS = ["=1+2", "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1"]


def csv_cells(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_formula_cells_are_escaped_in_csv():
    response = spreadsheets.csv_response([["value"], *([value] for value in FORMULAS)], "x.csv")

    cells = [row[0] for row in csv_cells(response)[1:]]
    assert cells == ["'" + value for value in FORMULAS]


def test_formula_cells_are_text_in_xlsx():
    rows = [["value"], *([value] for value in FORMULAS), [datetime.datetime(2027, 2, 5, 13, 0)]]

    response = spreadsheets.xlsx_response(rows, "x.xlsx", sheet_title="Taulukko")

    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert values[:-1] == ["'" + value for value in FORMULAS]
    assert values[-1] == datetime.datetime(2027, 2, 5, 13, 0)
    assert sheet["A8"].number_format == spreadsheets.XLSX_DATETIME


def test_plain_values_and_numbers_are_written_as_they_are():
    response = spreadsheets.csv_response([["a", "b", "c"], ["Maija; ry", 5, None]], "x.csv")

    assert csv_cells(response)[1] == ["Maija; ry", "5", ""]


def test_the_download_is_named_even_when_the_name_is_not_ascii():
    response = spreadsheets.csv_response([["a"]], "ilmoittautumiset-kesä.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''ilmoittautumiset-kes%C3%A4.csv"
    )
    plain = spreadsheets.csv_response([["a"]], "hankkeet.csv")
    assert plain["Content-Disposition"] == 'attachment; filename="hankkeet.csv"'


@pytest.mark.django_db
def test_the_survey_export_escapes_a_formula_in_a_label(admin_client, home):
    """Before: the survey CSV wrote its labels as they were, so an event type named
    like a formula ran in Excel."""
    formula = '=HYPERLINK("https://example.org","x")'
    event_type = EventTypeFactory(name_fi=formula, name_sv=formula, name_en=formula)
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home), event_type=event_type)
    SurveyAnswer.objects.create(event=event.event, version=SurveyVersion.current(), indicator=4)

    response = admin_client.get(reverse("events_survey_results_csv") + "?by=type")

    labels = [row[0] for row in csv_cells(response)[1:]]
    assert labels == ["'" + formula]
    assert response["Content-Disposition"] == 'attachment; filename="osallisuuskysely-type.csv"'


@pytest.mark.django_db
def test_a_snippet_listing_exports_csv_like_every_export(admin_client, settings):
    """Before: Wagtail's own CSV, with commas, no byte-order mark and the name as typed."""
    settings.TIME_ZONE = "Europe/Helsinki"
    member = Member.objects.create(email="maija@example.org", name="=HYPERLINK(1)")
    Member.objects.filter(pk=member.pk).update(
        created_at=datetime.datetime(2027, 2, 5, 11, 0, tzinfo=datetime.UTC)
    )

    response = admin_client.get(reverse("wagtailsnippets_network_member:list"), {"export": "csv"})

    header, row = csv_cells(response)
    assert header[:2] == ["Sähköposti", "Nimi"]
    assert row[:2] == ["maija@example.org", "'=HYPERLINK(1)"]
    assert row[-1] == "5.2.2027 klo 13.00"
    assert response["Content-Disposition"].startswith("attachment; filename=")

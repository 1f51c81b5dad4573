"""cms.spreadsheets, the one reader of uploaded spreadsheets: what Excel writes in
Finland is read right, and a broken line is reported, never merged."""

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from cms import spreadsheets
from cms.spreadsheets import UnreadableFile, csv_table, decode, read_table

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

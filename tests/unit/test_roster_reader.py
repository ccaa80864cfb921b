"""Reading class lists: spreadsheet CSVs in their common shapes, and OneRoster ``users.csv``."""

from __future__ import annotations

import codecs
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from slc_tui.core.fields import GRADES, is_valid_id
from slc_tui.core.ids import slug, unique_id
from slc_tui.core.roster import MAX_ROSTER_ROWS, BadRow, RosterRow, read_roster
from slc_tui.core.roster_columns import grade_from_text
from tests.unit.test_fuzz_strategies import FUZZ, NASTY_STRINGS, is_clean

ONEROSTER_HEADER = (
    "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,"
    "givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password"
)


def oneroster_row(given_name: str, family: str, grades: str, **changes: str) -> str:
    cells = {
        "sourcedId": f"u-{given_name}",
        "status": "active",
        "dateLastModified": "2026-08-01T00:00:00Z",
        "enabledUser": "true",
        "orgSourcedIds": "school-1",
        "role": "student",
        "username": given_name.lower(),
        "userIds": "",
        "givenName": given_name,
        "familyName": family,
        "middleName": "",
        "identifier": "1234",
        "email": "",
        "sms": "",
        "phone": "",
        "agentSourcedIds": "",
        "grades": grades,
        "password": "",
    }
    cells.update(changes)
    return ",".join(f'"{v}"' if "," in v else v for v in cells.values())


def students(text: str, encoding: str = "utf-8") -> list[tuple[int, str, str, str]]:
    roster = read_roster(text.encode(encoding))
    return [(row.line, row.name, row.grade, row.student_id) for row in roster.rows]


def bad(text: str | bytes) -> list[str]:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return [row.where("list.csv") for row in read_roster(raw).bad]


# -- spreadsheets --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        "Name,Grade",
        "name,grade",
        "Student Name,Year",
        "Full name,Class level",
        "STUDENT_NAME,GRADE_LEVEL",
        "Pupil,Year group",
    ],
)
def test_a_name_column_in_its_common_spellings(header: str) -> None:
    assert students(f"{header}\nMaya López,2\nLeo Chen,K\n") == [
        (2, "Maya López", "2", ""),
        (3, "Leo Chen", "K", ""),
    ]


@pytest.mark.parametrize(
    "header",
    [
        "First Name,Last Name,Grade",
        "First,Last,Grade",
        "Given name,Family name,Grade",
        "Forename,Surname,Grade",
        "first_name,last_name,grade",
    ],
)
def test_first_and_last_name_columns(header: str) -> None:
    assert students(f"{header}\nMaya,López,2\nCher,,5\n") == [
        (2, "Maya López", "2", ""),
        (3, "Cher", "5", ""),
    ]


def test_ids_semicolons_bom_and_crlf() -> None:
    text = "\ufeffStudent ID;Name;Grade\r\nMAYA;Maya López;2\r\nleo-5;Leo;3\r\n"
    assert students(text) == [(2, "Maya López", "2", "maya"), (3, "Leo", "3", "leo-5")]


def test_windows_1252_as_excel_writes_it() -> None:
    text = "Name;Grade\r\nZoë Müller;4\r\nJosé “Pepe” García;5\r\n"
    assert students(text, "cp1252") == [
        (2, "Zoë Müller", "4", ""),
        (3, "José “Pepe” García", "5", ""),
    ]


def test_utf16_with_a_bom_and_tabs_as_excel_unicode_text() -> None:
    raw = codecs.BOM_UTF16_LE + "Name\tGrade\r\nZoë\t1\r\n".encode("utf-16-le")
    assert [(r.name, r.grade) for r in read_roster(raw).rows] == [("Zoë", "1")]


def test_lines_count_as_a_spreadsheet_shows_rows() -> None:
    text = 'Name,Grade\n"Maya\nLópez",2\n\n,,\nLeo,\n"Chen, Ada",3\n'
    roster = read_roster(text.encode())
    assert [(r.line, r.name) for r in roster.rows] == [(2, "Maya López"), (6, "Ada Chen")]
    assert [b.where("list.csv") for b in roster.bad] == [
        "list.csv:5: no grade (the grade cell is empty)"
    ]


def test_every_reason_of_a_bad_row_is_named() -> None:
    text = "Name,Grade,ID\n,13,Not An Id\nMaya,3rd,ok\nX,Year 4,\n" + "Y" * 301 + ",2,\n"
    assert bad(text) == [
        "list.csv:2: no name (the name cell is empty); grade '13' is not K or 1-12; "
        "id 'Not An Id' must be lowercase letters, digits, '-' or '_' (at most 64)",
        "list.csv:5: the name is longer than 300 characters",
    ]


def test_a_sep_line_sets_the_delimiter_and_is_hidden_like_excel_does() -> None:
    assert students("sep=;\nName;Grade\nAda, the first;2\n") == [(2, "the first Ada", "2", "")]


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "list.csv: is empty"),
        (b"\n\n ,\n", "list.csv: is empty"),
        (b"Colour,Size\nred,2\n", "list.csv:1: no column of names"),
        (b"Name,Age\nMaya,7\n", "list.csv:1: no Grade column"),
        (b"PK\x03\x04\x14\x00", "list.csv: is an Excel workbook (.xlsx)"),
        (b"\xd0\xcf\x11\xe0\xa1", "list.csv: is an old Excel workbook (.xls)"),
        (b"Name,Grade\n\x81\x8d,2\n", "list.csv: is neither UTF-8 nor Windows-1252"),
        (codecs.BOM_UTF8 + b"Name\xff", "list.csv: is not UTF-8 text"),
        (b"Name,Grade\n" + b"x" * 200_000 + b",2\n", "list.csv:2: cannot be read as CSV"),
    ],
    ids=lambda value: value[:20] if isinstance(value, bytes) else None,
)
def test_a_file_that_is_no_class_list_says_why(raw: bytes, reason: str) -> None:
    (found,) = bad(raw)
    assert found.startswith(reason), found


def test_too_many_rows_are_refused_as_a_whole() -> None:
    text = "Name,Grade\n" + "".join(f"S{n},2\n" for n in range(MAX_ROSTER_ROWS + 1))
    roster = read_roster(text.encode())
    assert roster.rows == ()
    assert "more than 5,000" in roster.bad[0].reason


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("K", "K"),
        ("kindergarten", "K"),
        ("KG", "K"),
        ("PK", "K"),
        ("TK", "K"),
        ("0", "K"),
        ("01", "1"),
        ("3.0", "3"),
        ("3rd", "3"),
        ("Grade 7", "7"),
        ("Year 12", "12"),
        ("gr. 4", "4"),
        ("13", None),
        ("UG", None),
        ("IT", None),
        ("twelve", None),
        ("", None),
    ],
)
def test_grades(text: str, grade: str | None) -> None:
    assert grade_from_text(text) == grade


# -- OneRoster -------------------------------------------------------------------------------------


def test_oneroster_users_active_students_only() -> None:
    lines = [
        ONEROSTER_HEADER,
        oneroster_row("Maya", "López", "KG"),
        oneroster_row("Ms", "Okafor", "", role="teacher"),
        oneroster_row("Old", "Leaver", "03", status="tobedeleted"),
        oneroster_row("Off", "Line", "03", enabledUser="false"),
        oneroster_row("Leo", "Chen", "03,04", status=""),
        oneroster_row("Ada", "Lovelace", "UG"),
        oneroster_row("", "", "05"),
    ]
    roster = read_roster("\n".join(lines).encode())
    assert roster.kind == "oneroster"
    assert [(r.line, r.name, r.grade, r.student_id) for r in roster.rows] == [
        (2, "Maya López", "K", ""),
        (6, "Leo Chen", "3", ""),
    ]
    assert roster.skipped == (3, 4, 5)
    assert [b.where("users.csv") for b in roster.bad] == [
        "users.csv:7: grade 'UG' is not K or 1-12",
        "users.csv:8: no name (givenName and familyName are empty)",
    ]


# -- properties ------------------------------------------------------------------------------------

cells = st.one_of(
    st.sampled_from(["Maya López", "Leo", "", " ", "K", "3", "13", "x,y", 'q"uote', "Zoë"]),
    st.sampled_from(NASTY_STRINGS),
    st.text(max_size=8),
)
headers = st.one_of(
    st.sampled_from(
        [["Name", "Grade"], ["First name", "Surname", "Grade", "ID"], ["Year", "Name", "notes"]]
    ),
    st.lists(
        st.sampled_from(
            ["Name", "First name", "Surname", "Grade", "ID", "Year", "notes", "", "role", "grades"]
        ),
        min_size=1,
        max_size=5,
    ),
)


def csv_text(header: list[str], rows: list[list[str]], delimiter: str) -> str:
    def cell(value: str) -> str:
        if any(c in value for c in (delimiter, '"', "\n", "\r")):
            return '"' + value.replace('"', '""') + '"'
        return value

    return "\r\n".join(delimiter.join(cell(v) for v in row) for row in [header, *rows]) + "\r\n"


@FUZZ
@given(st.binary(max_size=400))
def test_any_bytes_give_rows_or_reasons_never_an_exception(raw: bytes) -> None:
    roster = read_roster(raw)
    check_roster(roster.rows, roster.bad)


@FUZZ
@given(
    headers,
    st.lists(st.lists(cells, max_size=6), max_size=8),
    st.sampled_from([",", ";", "\t"]),
    st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
)
def test_every_row_with_something_in_it_is_a_student_or_named_bad(
    header: list[str], rows: list[list[str]], delimiter: str, encoding: str
) -> None:
    assume(any(name for name in header))  # else the first row with something is the heading
    raw = csv_text(header, rows, delimiter).encode(encoding, "replace")
    roster = read_roster(raw)
    check_roster(roster.rows, roster.bad)
    if any(b.line <= 1 for b in roster.bad):  # the file as a whole was refused
        return
    seen = {row.line for row in roster.rows} | {b.line for b in roster.bad}
    filled = {
        number
        for number, row in enumerate(rows, start=2)
        if any(value.encode(encoding, "replace").decode(encoding).strip() for value in row)
    }
    assert seen == filled


def check_roster(rows: tuple[RosterRow, ...], bad_rows: tuple[BadRow, ...]) -> None:
    lines = [row.line for row in rows] + [b.line for b in bad_rows if b.line]
    assert len(lines) == len(set(lines))
    for row in rows:
        assert row.name and row.name == row.name.strip() and is_clean(row.name)
        assert "\n" not in row.name and "\t" not in row.name
        assert row.grade in GRADES
        assert row.student_id == "" or is_valid_id(row.student_id)
    for found in bad_rows:
        assert found.reason and found.where("f.csv").isprintable()


@FUZZ
@given(st.lists(st.sampled_from(["Maya", "maya", "Zoë", "王芳", "", "-", "a" * 80]), max_size=12))
def test_ids_made_from_names_are_valid_and_unique(names: list[str]) -> None:
    taken: set[str] = set()
    for name in names:
        made = unique_id(slug(name), taken)
        assert made not in taken
        taken.add(made)
    assert all(is_valid_id(made) for made in taken)


def test_slug() -> None:
    expected: dict[str, Any] = {
        "Zoë O'Brien": "zoe-obrien",
        "  Maya   López ": "maya-lopez",
        "Straße": "strasse",
        "王芳": "student",
        "Łukasz Øster": "lukasz-oster",
    }
    assert {name: slug(name) for name in expected} == expected
    assert len(slug("x" * 200)) == 60
    assert unique_id("a" * 64, {"a" * 64}) == "a" * 62 + "-2"

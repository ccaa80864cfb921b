"""The family's take-home copy as PDF, HTML and text (teacher/take_home.py and the export
renderers): read back with pypdf and html.parser, never trusted by their size alone."""

from __future__ import annotations

import io
import logging
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from PIL import Image
from pypdf import PdfReader

from slc_tui.core.class_folder import load_class_folder
from slc_tui.core.classinfo import ClassInfo
from slc_tui.core.portfolio import Portfolio
from slc_tui.export.document import ConferenceDocument
from slc_tui.export.take_home_copy import PrintPicture, TakeHomeCopy
from slc_tui.export.take_home_html import take_home_html
from slc_tui.export.take_home_pdf import take_home_pdf
from slc_tui.teacher.take_home import take_home_bytes, write_take_home
from tests.factories import class_data, make_class, piece_data, portfolio_data, record_data
from tests.unit.test_fuzz_records import any_records
from tests.unit.test_fuzz_strategies import FUZZ

PIECES = ("butterfly", "story", "arrays")
COLOURS = {"butterfly": "orange", "story": "skyblue", "arrays": "seagreen", "volcano": "red"}


def write_jpeg(path: Path, colour: str, size: tuple[int, int] = (800, 600)) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, colour).save(path, format="JPEG", quality=90)
    return path


@pytest.fixture
def photo_class(tmp_path: Path) -> Path:
    """Maya's three pieces and Leo's one, each with its own JPEG picture."""
    maya = portfolio_data(
        "maya", pieces=[piece_data(p, image=f"maya/{p}.jpg") for p in PIECES], chosen=list(PIECES)
    )
    leo = portfolio_data(
        "leo",
        name="Leo Chen",
        pieces=[piece_data("volcano", student_id="leo", image="leo/volcano.jpg")],
    )
    root = make_class(tmp_path / "room12", [maya, leo], images=False)
    for piece in PIECES:
        write_jpeg(root / "portfolios" / "maya" / f"{piece}.jpg", COLOURS[piece])
    write_jpeg(root / "portfolios" / "leo" / "volcano.jpg", COLOURS["volcano"])
    return root


def maya_record(**changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = record_data(
        "maya",
        student_name="Maya López",
        follow_up=True,
        commitment="We will read together every night.",
        said={
            "piece:butterfly": "I drew every stage and labelled them.",
            "piece:story": "My dragon story has a twist.",
            "questions": "This is about the bullying at lunch.",
        },
        strengths=["I am kind.", "I keep trying."],
        next_steps=["Neat handwriting."],
        goals=[{"goal": "Read a chapter book.", "how": "Read every night.", "by": "2027-03"}],
        goal_commitments=["Library on Saturdays."],
    )
    record.update(changes)
    return record


def class_and_portfolio(root: Path, student_id: str = "maya") -> tuple[ClassInfo, Portfolio]:
    folder = load_class_folder(root)
    portfolio = folder.portfolio(student_id)
    assert portfolio is not None
    return folder.info, portfolio


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def pdf_images(data: bytes) -> int:
    """How many image XObjects the PDF's pages draw."""
    return sum(len(page.images) for page in PdfReader(io.BytesIO(data)).pages)


def plain_copy(record: dict[str, Any], **changes: Any) -> TakeHomeCopy:
    return TakeHomeCopy(ConferenceDocument.from_record(record), **changes)


# -- PDF ---------------------------------------------------------------------------------------


def test_pdf_holds_the_conference_the_pictures_and_the_contact(photo_class: Path) -> None:
    info, portfolio = class_and_portfolio(photo_class)
    data = take_home_bytes(maya_record(), "pdf", info, portfolio)
    assert data.startswith(b"%PDF-")
    text = pdf_text(data)
    for expected in (
        "Maya López's conference",
        "22 November 2026",
        "Room 12",
        "Fall 2026",
        "My butterfly",
        "I drew every stage and labelled them.",
        "I am kind.",
        "Neat handwriting.",
        "Read a chapter book.",
        "March 2027",
        "Read every night.",
        "Library on Saturdays.",
        "We will read together every night.",
        "Your contact: Ms. Okafor",
        "Student",
        "Family",
    ):
        assert expected in text, expected
    assert "bullying" not in text  # what the follow-up is about never goes home
    assert pdf_images(data) == 3
    assert 1 <= len(PdfReader(io.BytesIO(data)).pages) <= 2


def test_pdf_holds_no_other_childs_data(photo_class: Path) -> None:
    info, leo = class_and_portfolio(photo_class, "leo")
    leo_record = record_data(
        "leo",
        student_name="Leo Chen",
        commitment="Leo's family will build a volcano.",
        goal_commitments=["Leo's dad reads with him."],
    )
    leo_record["chosen"], leo_record["chosen_titles"] = ["volcano"], ["My volcano"]
    _, maya = class_and_portfolio(photo_class)
    text = pdf_text(take_home_bytes(maya_record(), "pdf", info, maya))
    assert "Leo" not in text and "volcano" not in text
    leo_text = pdf_text(take_home_bytes(leo_record, "pdf", info, leo))
    assert "Leo Chen" in leo_text and "Maya" not in leo_text


def test_no_follow_up_no_contact_line(photo_class: Path) -> None:
    info, portfolio = class_and_portfolio(photo_class)
    text = pdf_text(take_home_bytes(maya_record(follow_up=False), "pdf", info, portfolio))
    assert "Teacher: Ms. Okafor" in text
    assert "private" not in text and "Your contact" not in text


def test_accents_vietnamese_and_cyrillic_print_and_emoji_are_left_out(
    caplog: pytest.LogCaptureFixture,
) -> None:
    words = ["Zoë Ñandú çà", "Tiếng Việt: Con bướm rất đẹp", "Русский: бабочка Ёж"]
    record = maya_record(
        student_name="Nguyễn Thị Ánh 🦋",
        strengths=words,
        commitment="We will read 📚 together 👩‍👩‍👧 every night 👍🏽.",
    )
    with caplog.at_level(logging.WARNING):
        text = pdf_text(take_home_pdf(plain_copy(record)))
    for word in ["Nguyễn Thị Ánh's conference", *words]:
        assert word in text, word
    assert "We will read together every night." in text  # no gap left by the emoji
    assert not any(ord(char) > 0xFFFF for char in text)
    assert not [r for r in caplog.records if "missing" in r.getMessage()]  # no empty boxes


def test_missing_and_damaged_pictures_give_a_copy_without_them(photo_class: Path) -> None:
    pictures = photo_class / "portfolios" / "maya"
    (pictures / "story.jpg").unlink()
    good = (pictures / "arrays.jpg").read_bytes()
    (pictures / "arrays.jpg").write_bytes(good[: len(good) // 3])  # cut off
    info, portfolio = class_and_portfolio(photo_class)
    data = take_home_bytes(maya_record(), "pdf", info, portfolio)
    assert pdf_images(data) == 1
    text = pdf_text(data)
    assert text.count("could not be printed") == 2
    assert "My story" in text and "My arrays" in text


def test_a_piece_without_a_picture_has_no_placeholder(tmp_path: Path) -> None:
    maya = portfolio_data("maya", pieces=[piece_data(p, image=None) for p in PIECES])
    info, portfolio = class_and_portfolio(make_class(tmp_path / "c", [maya]))
    data = take_home_bytes(maya_record(), "pdf", info, portfolio)
    assert pdf_images(data) == 0
    assert "could not be printed" not in pdf_text(data)


def test_a_huge_photo_is_made_small(tmp_path: Path) -> None:
    maya = portfolio_data("maya", pieces=[piece_data("butterfly", image="maya/big.jpg")])
    root = make_class(tmp_path / "c", [maya], images=False)
    write_jpeg(root / "portfolios" / "maya" / "big.jpg", "orange", (4000, 3000))
    info, portfolio = class_and_portfolio(root)
    record = maya_record(chosen=["butterfly"], chosen_titles=["My butterfly"])
    data = take_home_bytes(record, "pdf", info, portfolio)
    (image,) = PdfReader(io.BytesIO(data)).pages[0].images
    assert max(image.image.size) <= 720


@pytest.mark.parametrize(("paper", "size"), [("a4", (595, 842)), ("letter", (612, 792))])
def test_the_paper_comes_from_the_class(
    photo_class: Path, paper: str, size: tuple[int, int]
) -> None:
    _, portfolio = class_and_portfolio(photo_class)
    info = ClassInfo(name="Room 12", teacher="Ms. Okafor", paper=paper)
    data = take_home_bytes(maya_record(), "pdf", info, portfolio)
    box = PdfReader(io.BytesIO(data)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size


def test_long_unbroken_text_wraps_onto_more_pages() -> None:
    record = maya_record(
        strengths=["x" * 2000, "word " * 400], said={"piece:butterfly": "y" * 2000}
    )
    data = take_home_pdf(plain_copy(record))
    text = pdf_text(data)
    assert text.count("x") >= 2000 and "Your contact" in text
    assert len(PdfReader(io.BytesIO(data)).pages) >= 2


def test_an_unfinished_conference_says_so() -> None:
    text = pdf_text(take_home_pdf(plain_copy(maya_record(status="in_progress"))))
    assert "not finished" in text


@settings(FUZZ, max_examples=30, deadline=None)
@given(any_records)
def test_any_record_gets_a_pdf_and_an_html_copy(record: dict[str, Any]) -> None:
    copy = plain_copy(record, pictures={"butterfly": None})
    assert take_home_pdf(copy).startswith(b"%PDF-")
    take_home_html(copy).encode("utf-8")


# -- HTML --------------------------------------------------------------------------------------


class _Page(HTMLParser):
    """What a browser would make of the page: elements, attributes and text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(name, value or "") for name, value in attrs]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def test_html_is_self_contained_with_three_pictures(photo_class: Path) -> None:
    info, portfolio = class_and_portfolio(photo_class)
    page = parsed(take_home_bytes(maya_record(), "html", info, portfolio).decode("utf-8"))
    sources = [value for name, value in page.attrs if name == "src"]
    assert len(sources) == 3
    assert all(src.startswith("data:image/jpeg;base64,") for src in sources)
    assert len(set(sources)) == 3
    links = [value for name, value in page.attrs if name in ("href", "src", "action")]
    assert not [link for link in links if not link.startswith("data:")]
    assert "link" not in page.tags and "script" not in page.tags
    text = " ".join(page.text)
    assert "Maya López's conference" in text and "Your contact: Ms. Okafor" in text
    assert "bullying" not in text


def test_html_shows_hostile_text_as_text() -> None:
    hostile = '<script>alert("x")</script> <img src=https://evil.example/x.png> & "quotes"'
    record = maya_record(student_name=hostile, strengths=[hostile], commitment=hostile)
    page_text = take_home_html(plain_copy(record))
    page = parsed(page_text)
    assert "script" not in page.tags
    assert page.tags.count("img") == 0
    assert sum(hostile in chunk for chunk in page.text) >= 3  # shown, character for character
    assert "evil.example" not in " ".join(value for _, value in page.attrs)


def test_html_prints_on_the_class_paper() -> None:
    assert "size: letter" in take_home_html(plain_copy(maya_record(), paper="letter"))
    assert "size: A4" in take_home_html(plain_copy(maya_record()))


def test_html_keeps_a_picture_given_as_bytes() -> None:
    jpeg = io.BytesIO()
    Image.new("RGB", (30, 20), "red").save(jpeg, format="JPEG")
    picture = PrintPicture(jpeg.getvalue(), 30, 20)
    page = parsed(take_home_html(plain_copy(maya_record(), pictures={"butterfly": picture})))
    assert page.tags.count("img") == 1


# -- writing -----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["pdf", "html", "txt"])
def test_copies_are_written_by_the_naming_rule(photo_class: Path, fmt: str) -> None:
    info, portfolio = class_and_portfolio(photo_class)
    results = photo_class / "results"
    record = maya_record()
    path = write_take_home(record, fmt, info, portfolio, results)  # type: ignore[arg-type]
    assert path == results / "take-home" / f"maya-2026-11-22.{fmt}"
    assert (path.stat().st_mode & 0o777) == 0o600
    assert "Maya" in (pdf_text(path.read_bytes()) if fmt == "pdf" else path.read_text("utf-8"))


def test_a_copy_can_go_where_asked(photo_class: Path, tmp_path: Path) -> None:
    info, portfolio = class_and_portfolio(photo_class)
    out = tmp_path / "new folder" / "for the fridge.pdf"
    assert write_take_home(maya_record(), "pdf", info, portfolio, tmp_path, out) == out
    assert pdf_images(out.read_bytes()) == 3


def test_class_json_paper_is_read_and_checked() -> None:
    from slc_tui.core.classinfo import parse_class_info
    from slc_tui.core.problems import ProblemList

    problems = ProblemList("class.json")
    assert parse_class_info(class_data(paper="letter"), problems) == ClassInfo(
        name="Room 12", teacher="Ms. Okafor", term="Fall 2026", paper="letter"
    )
    assert parse_class_info(class_data(), problems).paper == "a4"  # type: ignore[union-attr]
    assert not list(problems)
    info = parse_class_info(class_data(paper="A3"), problems)
    assert info is not None and info.paper == "a4"
    assert [(p.field, p.message) for p in problems] == [
        ("paper", 'must be "a4" or "letter", not \'A3\'')
    ]
    assert ClassInfo(name="Room 12", paper="letter").to_json()["paper"] == "letter"


def test_the_paper_can_be_set_in_the_class_settings() -> None:
    from slc_tui.core.class_documents import ClassDocument

    document = ClassDocument(class_data(), label="class.json")
    document.set_settings(paper="letter")
    checked = document.check()
    assert checked.ok and checked.value is not None and checked.value.paper == "letter"
    document.set_settings(paper="legal")
    assert [p.field for p in document.check().problems if p.is_error] == ["paper"]

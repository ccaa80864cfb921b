"""The family's take-home copy in the language the conference was led in (the record's
``language``, else the class's, else English): every heading, the dates in words (Babel),
the HTML ``lang`` and the PDF's ``/Lang``; an unknown language gives the English copy."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from slc_tui.core import i18n
from slc_tui.core.classinfo import ClassInfo
from slc_tui.core.i18n import ENGLISH, Translation, translation
from slc_tui.export.dates import format_long_date
from slc_tui.store.results import ResultsStore
from slc_tui.teacher.take_home import copy_language, take_home_bytes, write_latest_take_home
from tests.factories import make_class, piece_data, portfolio_data, record_data
from tests.unit.test_take_home import (
    COLOURS,
    PIECES,
    class_and_portfolio,
    maya_record,
    parsed,
    pdf_text,
    write_jpeg,
)

#: Every English heading and label the copy can print (none may be left in a translation).
ENGLISH_WORDS = (
    "conference",
    "Thank you",
    "The work",
    "What Maya said",
    "Glows",
    "Grows",
    "goals",
    "By when",
    "What we will do at home",
    "A private talk",
    "Your contact",
    "We talked",
    "Student",
    "Family",
    "Keep this",
    "Page 1 of",
    "November",
    "March",
)

SPANISH = (
    "La conferencia de Maya López",
    "22 de noviembre de 2026",
    "¡Gracias por venir! Esto es lo que Maya compartió hoy con ustedes.",
    "Los trabajos que compartió Maya",
    "Lo que dijo Maya",
    "Lo que Maya hace bien",
    "Lo que Maya está aprendiendo",
    "Las metas de Maya",
    "Plazo: marzo de 2027",
    "Cómo: Read every night.",  # the child's own words stay as typed
    "En casa: Library on Saturdays.",
    "Lo que haremos en casa",
    "Una conversación privada",
    "Su contacto: Ms. Okafor",
    "Estudiante",
    "Familia",
    "Docente",
    "vean y díganle a Maya algo que hizo bien",
    "Página 1 de",
)

FRENCH = (
    "Rencontre menée par Maya López",
    "22 novembre 2026",
    "Merci d’être venus\u00a0! Voici ce que vous a présenté Maya aujourd’hui.",
    "Les travaux présentés par Maya",
    "Ce qu’en dit Maya",
    "Ses réussites",
    "Ses apprentissages en cours",
    "Ses objectifs",
    "Échéance\u00a0: mars 2027",
    "À la maison\u00a0: Library on Saturdays.",
    "Ce que nous ferons à la maison",
    "Un entretien privé",
    "Votre contact\u00a0: Ms. Okafor",
    "Élève",
    "Famille",
    "Enseignant(e)",
    "félicitez Maya",
    "Page 1 sur",
)

EXPECTED = {"es": SPANISH, "fr": FRENCH}


@pytest.fixture(autouse=True)
def _own_user_data(slc_data_dir: Path) -> None:
    """The user's ``languages/`` is looked in too: keep it a fresh, empty one."""
    i18n._cache.clear()


@pytest.fixture
def photo_class(tmp_path: Path) -> Path:
    """Maya's three pieces, each with its own JPEG picture."""
    pieces = [piece_data(p, image=f"maya/{p}.jpg") for p in PIECES]
    maya = portfolio_data("maya", pieces=pieces, chosen=list(PIECES))
    root = make_class(tmp_path / "room12", [maya], images=False)
    for piece in PIECES:
        write_jpeg(root / "portfolios" / "maya" / f"{piece}.jpg", COLOURS[piece])
    return root


def flat(text: str) -> str:
    """Text as read back, every run of white space one space (a line may wrap anywhere)."""
    return " ".join(text.replace("\u00a0", " \u00a0 ").split()).replace(" \u00a0 ", "\u00a0")


def pdf_lang(data: bytes) -> str:
    return str(PdfReader(io.BytesIO(data)).trailer["/Root"]["/Lang"])


@pytest.mark.parametrize("code", ["es", "fr"])
def test_the_pdf_speaks_the_conference_s_language(photo_class: Path, code: str) -> None:
    info, portfolio = class_and_portfolio(photo_class)
    data = take_home_bytes(maya_record(language=code), "pdf", info, portfolio)
    text = flat(pdf_text(data))
    for expected in EXPECTED[code]:
        assert flat(expected) in text, expected
    for english in ENGLISH_WORDS:
        assert english not in text, english
    assert "bullying" not in text
    assert pdf_lang(data) == code


@pytest.mark.parametrize("code", ["es", "fr"])
def test_the_html_speaks_the_conference_s_language(photo_class: Path, code: str) -> None:
    info, portfolio = class_and_portfolio(photo_class)
    page_text = take_home_bytes(maya_record(language=code), "html", info, portfolio).decode()
    page = parsed(page_text)
    assert ("lang", code) in page.attrs
    text = flat(" ".join(page.text))
    for expected in EXPECTED[code]:
        if not expected.startswith(("Page", "Página")):  # the page footer is the PDF's own
            assert flat(expected) in text, expected
    for english in ENGLISH_WORDS:
        assert english not in text, english


def test_the_text_copy_speaks_it_too(photo_class: Path) -> None:
    info, portfolio = class_and_portfolio(photo_class)
    text = take_home_bytes(maya_record(language="es"), "txt", info, portfolio).decode()
    assert text.startswith("La conferencia de Maya — 22 de noviembre de 2026\n")
    assert "- Read a chapter book. (para marzo de 2027)" in text
    assert "  Cómo: Read every night." in text
    assert "Para «Read a chapter book.»: Library on Saturdays." in text
    assert "Conversación privada con el o la docente: sí" in text
    for english in ("conference", "does well", "How:", "(by ", "follow-up", "Keep this"):
        assert english not in text, english


@pytest.mark.parametrize("fmt", ["pdf", "html", "txt"])
def test_an_unknown_language_gives_the_english_copy(photo_class: Path, fmt: str) -> None:
    info, portfolio = class_and_portfolio(photo_class)
    data = take_home_bytes(maya_record(language="tlh"), fmt, info, portfolio)  # type: ignore[arg-type]
    text = pdf_text(data) if fmt == "pdf" else data.decode()
    assert "Maya" in text and "22 November 2026" in text
    assert "Glows: what Maya does well" in text or "What Maya does well" in text
    if fmt == "pdf":
        assert pdf_lang(data) == "en" and "Page 1 of" in text
    if fmt == "html":
        assert ("lang", "en") in parsed(text).attrs


@pytest.mark.parametrize(
    ("saved", "class_language", "expected"),
    [
        ("es", "fr", "es"),  # the record's, whatever the class speaks
        (None, "fr", "fr"),  # a record from before slc kept it: the class's
        ("", "fr", "fr"),
        ("not a code!", "es", "es"),
        ("en", "fr", "en"),
        ("fr-CA", "en", "fr-CA"),  # found through fr.po
        ("tlh", "fr", "en"),  # no catalog anywhere: shown in English, so printed in it
        (None, "tlh", "en"),
        (42, "en", "en"),
    ],
)
def test_which_language_a_copy_speaks(saved: object, class_language: str, expected: str) -> None:
    record: dict[str, Any] = record_data("maya")
    if saved is not None:
        record["language"] = saved
    found = copy_language(record, ClassInfo(name="Room 12", language=class_language))
    assert found.code == expected
    if expected == "en":
        assert found is ENGLISH


def test_the_class_s_own_catalog_is_used(tmp_path: Path) -> None:
    """``slc take-home`` reads the class's ``languages/`` (a teacher's wording wins)."""
    root = make_class(tmp_path / "room12", [portfolio_data("maya")])
    (root / "languages").mkdir()
    (root / "languages" / "es.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: es\\n"\n\n'
        'msgid "{name}\'s conference"\nmsgstr "Conferencia de {name}"\n',
        encoding="utf-8",
    )
    ResultsStore(root / "results").save(record_data("maya", language="es"))
    path = write_latest_take_home(root, root / "results", "maya", "pdf")
    text = flat(pdf_text(path.read_bytes()))
    assert "Conferencia de Maya" in text  # the class's
    assert "Lo que Maya hace bien" in text  # the rest from the bundled catalog


def test_dates_in_words() -> None:
    spanish, french = translation("es")[0], translation("fr")[0]
    assert format_long_date("2026-03-14T09:00:00", spanish) == "14 de marzo de 2026"
    assert format_long_date("2026-03-14", french) == "14 mars 2026"
    assert format_long_date(date(2026, 3, 14), french) == "14 mars 2026"
    assert format_long_date("2027-03", spanish) == "marzo de 2027"
    assert format_long_date("2027-03", french) == "mars 2027"
    assert format_long_date("next spring", french) == "next spring"
    assert format_long_date("2026-02-31", french) == "31 February 2026"  # not a day: as before
    # English is as it always was, with or without a translation; a language Babel does
    # not know gets the English words rather than an error.
    assert format_long_date("2026-03-14") == "14 March 2026"
    assert format_long_date("2026-03-14", ENGLISH) == "14 March 2026"
    assert format_long_date("2027-03", Translation("tlh")) == "March 2027"

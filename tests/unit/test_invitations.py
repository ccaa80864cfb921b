"""The invitations to conference night: one slip per family (its words), and the PDF read
back with pypdf."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date
from typing import Any

from pypdf import PdfReader

from slc_tui.core.classinfo import ClassInfo
from slc_tui.core.schedule import Placement, Plan
from slc_tui.core.schedule_settings import settings_from_text
from slc_tui.core.schedule_times import TimeRange, parse_clock
from slc_tui.export import invitation_words as words
from slc_tui.export.dates import day_in_words
from slc_tui.export.invitations import invitations
from slc_tui.export.invitations_pdf import SLIPS_PER_PAGE, invitations_pdf

CLASS = ClassInfo(name="Room 12 — Maple Class", teacher="Ms. Okafor")


def span(text: str) -> TimeRange:
    start, end = text.split("-")
    return TimeRange(parse_clock(start), parse_clock(end))


def evening(**changes: Any) -> Any:
    values: dict[str, Any] = {
        "day": "2026-11-12",
        "start": "14:00",
        "end": "18:00",
        "slot_minutes": 30,
        "families_per_slot": 3,
        "rotate_minutes": 10,
        "room": "Room 12",
    }
    values.update(changes)
    settings, problems = settings_from_text(**values)
    assert settings is not None, problems
    return settings


def at(student_id: str, name: str, slot: str, turn: str | None, **more: Any) -> Placement:
    return Placement(student_id, name, span(slot), span(turn) if turn else None, **more)


def a_night(**changes: Any) -> Plan:
    """Maya and Leo López one family (one turn), the Nguyens a family in two slots, Sam
    alone for a private talk, Ava on her own."""
    placements = (
        at("maya", "Maya López", "14:00-14:30", "14:10-14:20", family="lopez"),
        at("leo", "Leo López", "14:00-14:30", "14:10-14:20", family=" LOPEZ "),
        at("ava", "Ava Chen", "14:00-14:30", "14:20-14:30"),
        at("mia", "Mia Nguyen", "14:30-15:00", "14:30-14:40", family="nguyen"),
        at("an", "An Nguyen", "15:00-15:30", "15:00-15:10", family="nguyen"),
        at("sam", "Sam Lee", "15:30-16:00", "15:30-16:00", private=True),
    )
    return Plan(evening(**changes), placements)


def slip_of(plan: Plan, name: str) -> Any:
    found = [slip for slip in invitations(plan, CLASS).slips if name in slip.names]
    assert len(found) == 1, f"{name} is on {len(found)} slips"
    return found[0]


def rows(slip: Any) -> dict[str, tuple[str, ...]]:
    return {row.label: row.lines for row in slip.rows}


def arrive(slip: Any) -> str:
    (time,) = [row for row in slip.rows if row.label == words.TIME]
    assert all(row.note == "" for row in slip.rows if row is not time)
    return str(time.note)


def pdf_pages(data: bytes) -> list[str]:
    assert data.startswith(b"%PDF-")
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def titles(text: str) -> int:
    """How many slips begin in ``text`` (the footer says "invitations")."""
    return len(re.findall(f"^{words.TITLE}$", text, flags=re.MULTILINE))


# -- the slips' words ------------------------------------------------------------------------


def test_one_slip_per_family_in_the_order_of_the_names() -> None:
    content = invitations(a_night(), CLASS)
    assert [slip.names for slip in content.slips] == [
        ("Ava Chen",),
        ("Leo López", "Maya López"),  # a family's children in time order, then by name
        ("Mia Nguyen", "An Nguyen"),
        ("Sam Lee",),
    ]
    assert content.slips[0].class_line == "Room 12 — Maple Class · Teacher: Ms. Okafor"
    assert content.paper == "a4"


def test_brothers_and_sisters_share_one_slip_and_one_time() -> None:
    lopez = slip_of(a_night(), "Maya López")
    assert set(lopez.names) == {"Maya López", "Leo López"}  # "lopez" and " LOPEZ " are one
    assert rows(lopez)[words.CHILDREN] == ("Leo López, Maya López",)
    assert rows(lopez)[words.TIME] == ("14:10–14:20 with the teacher",)
    assert arrive(lopez) == "Please arrive at 14:00 and plan to stay until 14:30."
    assert lopez.expect.startswith(words.EXPECT_CHILDREN)
    assert lopez.reply_for == "Reply for: Leo López, Maya López"


def test_brothers_and_sisters_in_different_slots_each_have_their_time() -> None:
    nguyen = slip_of(a_night(), "An Nguyen")
    assert rows(nguyen)[words.TIME] == (
        "Mia Nguyen: 14:30–15:00, with the teacher 14:30–14:40",
        "An Nguyen: 15:00–15:30, with the teacher 15:00–15:10",
    )
    assert arrive(nguyen) == ""  # each line says when


def test_a_child_alone_the_day_in_words_the_room_and_what_to_expect() -> None:
    ava = slip_of(a_night(), "Ava Chen")
    assert rows(ava) == {
        words.CHILD: ("Ava Chen",),
        words.DAY: ("Thursday 12 November 2026",),
        words.TIME: ("14:20–14:30 with the teacher",),
        words.ROOM: ("Room 12",),
    }
    assert "It takes about 30 minutes" in ava.expect
    assert words.EXPECT_PRIVATE_OFFER in ava.expect and ava.private == ""


def test_a_private_talk_is_said_and_has_the_whole_slot() -> None:
    sam = slip_of(a_night(), "Sam Lee")
    assert sam.private == words.PRIVATE
    assert rows(sam)[words.TIME] == ("15:30–16:00",)
    assert arrive(sam) == "" and words.EXPECT_PRIVATE_OFFER not in sam.expect


def test_without_rotation_or_room() -> None:
    settings = evening(rotate_minutes=None, families_per_slot=1, room="")
    plan = Plan(settings, (at("ava", "Ava Chen", "14:00-14:30", None),))
    (slip,) = invitations(plan, ClassInfo(name="Maple")).slips
    assert rows(slip) == {
        words.CHILD: ("Ava Chen",),
        words.DAY: ("Thursday 12 November 2026",),
        words.TIME: ("14:00–14:30",),
    }
    assert arrive(slip) == "" and words.EXPECT_ROTATING not in slip.expect
    assert invitations(plan, ClassInfo(name="Maple")).slips[0].class_line == "Maple"


def test_days_in_words() -> None:
    assert day_in_words(date(2026, 11, 12)) == "Thursday 12 November 2026"
    assert day_in_words(date(2027, 2, 28)) == "Sunday 28 February 2027"


# -- the PDF ---------------------------------------------------------------------------------


def test_the_pdf_has_every_family_once_three_to_a_page() -> None:
    pages = pdf_pages(invitations_pdf(a_night(), CLASS))
    assert len(pages) == 2  # four families, three slips a page
    text = "\n".join(pages)
    assert titles(text) == 4
    for page in pages:  # whole slips only: each page's slips end on that page
        assert titles(page) == page.count(words.SIGNATURE) <= SLIPS_PER_PAGE
    for name in ("Maya López", "Leo López", "Ava Chen", "Mia Nguyen", "An Nguyen", "Sam Lee"):
        assert name in text
    assert "Thursday 12 November 2026" in text and "Room 12" in text
    assert "14:10–14:20 with the teacher" in text
    assert text.count(words.PRIVATE) == 1
    assert "Ms. Okafor" in text and "Page 1 of 2" in text


def test_names_the_font_cannot_draw_show_the_childs_id_and_accents_print() -> None:
    plan = a_night()
    plan = replace(
        plan,
        placements=(
            at("wang-xiaoming", "王小明", "14:00-14:30", "14:00-14:10"),
            at("zoe", "Zoë Müller 🦋", "14:00-14:30", "14:10-14:20"),
            at("an", "Nguyễn Thị An", "14:00-14:30", "14:20-14:30"),
        ),
    )
    text = "\n".join(pdf_pages(invitations_pdf(plan, CLASS)))
    assert "wang-xiaoming" in text and "王" not in text
    assert "Zoë Müller" in text and "🦋" not in text
    assert "Nguyễn Thị An" in text


def test_letter_paper_and_a_long_name_that_wraps() -> None:
    long_name = "Maximiliana " * 12 + "Okonkwo-Featherstonehaugh"
    plan = Plan(evening(), (at("max", long_name.strip(), "14:00-14:30", "14:00-14:10"),))
    data = invitations_pdf(plan, replace(CLASS, paper="letter"))
    reader = PdfReader(io.BytesIO(data))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    text = reader.pages[0].extract_text()
    assert "Featherstonehaugh" in text and titles(text) == 1


def test_many_families_each_once_on_whole_pages() -> None:
    settings = evening(end="22:00", families_per_slot=1, rotate_minutes=None)
    slots = settings.slots()
    placements = tuple(
        Placement(f"child-{n}", f"Child {n:04d}", slots[n % len(slots)]) for n in range(120)
    )
    pages = pdf_pages(invitations_pdf(Plan(settings, placements), CLASS))
    assert len(pages) == 40
    found = re.findall(r"Reply for: (Child \d{4})", "\n".join(pages))
    assert sorted(found) == sorted({p.name for p in placements})


# -- each family's language ----------------------------------------------------------------


def test_each_slip_is_in_its_family_s_language_the_rest_in_the_class_s() -> None:
    from slc_tui.core.i18n import translation

    spanish, french = translation("es")[0], translation("fr")[0]
    plan = a_night()
    content = invitations(plan, CLASS, spanish, {"an": french, "maya": french})
    by_name = {slip.names[0]: slip for slip in content.slips}
    assert by_name["Ava Chen"].title == "Invitación a la conferencia"
    assert rows(by_name["Ava Chen"])["Día"] == ("jueves, 12 de noviembre de 2026",)
    # The Nguyens' slip is in the language An's portfolio gives for the family.
    nguyen = by_name["Mia Nguyen"]
    assert nguyen.title == "Invitation à la rencontre"
    assert rows(nguyen)["Jour"] == ("jeudi 12 novembre 2026",)
    assert nguyen.reply_for == "Réponse pour : Mia Nguyen, An Nguyen"
    # Maya's family language is the López slip's, though Leo comes first on it.
    assert by_name["Leo López"].can_you_come == "Pouvez-vous venir ?"
    text = "\n".join(pdf_pages(invitations_pdf(plan, CLASS, spanish, {"an": french})))
    assert "Invitación a la conferencia" in text and "Invitation à la rencontre" in text
    assert "Invitaciones a las conferencias" in text  # the footer, in the class's language
    assert "Conference invitation" not in text


def test_slc_schedule_writes_slips_in_the_families_languages(tmp_path: Any) -> None:
    from pathlib import Path

    from slc_tui.teacher.schedule import plan_class_schedule, write_schedule
    from tests.factories import make_class, portfolio_data

    maya = portfolio_data("maya", name="Maya López")
    maya["student"]["family_language"] = "es"
    root = make_class(Path(tmp_path) / "room", [maya, portfolio_data("sam", name="Sam Lee")])
    settings = evening(end="15:00")
    write_schedule(plan_class_schedule(root, settings))
    pages = pdf_pages((root / "invitations.pdf").read_bytes())
    text = "\n".join(pages)
    assert "Invitación a la conferencia" in text and "Conference invitation" in text


def test_a_catalog_that_got_the_page_number_wrong_prints_the_english_one() -> None:
    from pathlib import Path

    from slc_tui.core.i18n import ENGLISH, Translation

    broken = Translation(
        "de",
        messages={words.PAGE: "Seite {seite} von {pages}"},
        fallback=ENGLISH,
        source=Path("de.po"),
    )
    text = "\n".join(pdf_pages(invitations_pdf(a_night(), CLASS, broken)))
    assert "Page 1 of 2" in text and "Seite" not in text

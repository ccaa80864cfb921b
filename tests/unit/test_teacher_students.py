"""The student list's services: rows, removing a child, and one portfolio in the editor
(drafts, saves, pictures brought in)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from slc_tui.core.json_document import Refused
from slc_tui.store.follow_ups import FollowUpMarks
from slc_tui.store.presence import ConferenceClaim
from slc_tui.store.results import ResultsStore
from slc_tui.teacher.drafts import TeacherDrafts
from slc_tui.teacher.portfolio_edit import PortfolioEdit, open_for_editing, shape_problems
from slc_tui.teacher.portfolios import bring_picture, open_portfolio
from slc_tui.teacher.saving import ChangedOnDisk
from slc_tui.teacher.students import (
    StudentOpenElsewhere,
    removal_plan,
    remove_student,
    student_rows,
)
from tests.factories import (
    FIXED_NOW,
    make_class,
    portfolio_data,
    record_data,
    write_json,
    write_png,
)


@pytest.fixture
def room(tmp_path: Path) -> Path:
    return make_class(
        tmp_path / "room",
        [
            portfolio_data("maya", name="Maya López"),
            portfolio_data("leo", name="Leo [b]Chen[/b]", grade="5", pieces=[]),
        ],
    )


def results(room: Path) -> Path:
    return room / "results"


# -- the rows ------------------------------------------------------------------------------------


def test_rows_name_every_file_with_its_pieces_and_problems(room: Path) -> None:
    write_json(room / "portfolios" / "zed.json", {"format": "slc-portfolio/1", "student": 3})
    rows = student_rows(room)
    assert [(r.student_id, r.name, r.grade, r.pieces, r.usable) for r in rows] == [
        ("leo", "Leo [b]Chen[/b]", "5", 0, True),
        ("maya", "Maya López", "2", 3, True),
        ("zed", "zed", "", 0, False),
    ]
    assert (rows[0].errors, rows[0].warnings, rows[0].problem) == (
        0,
        1,
        "pieces: no pieces of work yet",
    )
    assert rows[2].errors == 1 and rows[2].problem.startswith("student: ")


# -- removing ------------------------------------------------------------------------------------


def test_removing_forgets_the_records_and_deletes_the_portfolio_and_pictures(room: Path) -> None:
    store = ResultsStore(results(room))
    record = record_data("maya", follow_up=True)
    store.save(record)
    store.save(record_data("leo"))
    marks = FollowUpMarks(results(room))
    marks.mark_done("maya", str(record["id"]))
    TeacherDrafts(results(room)).keep("portfolios/maya.json", "{}", "x", FIXED_NOW)
    shared = write_png(room / "pictures" / "class-photo.png")
    plan = removal_plan(room, results(room), "maya")
    assert (plan.picture_files, plan.results_files) == (3, 2)  # the results and a backup
    assert plan.describe() == [
        "portfolios/maya.json",
        "the 3 file(s) in portfolios/maya/",
        "2 file(s) of conference records and take-home copies",
    ]
    removed = remove_student(room, results(room), "maya")
    assert not (room / "portfolios" / "maya.json").exists()
    assert not (room / "portfolios" / "maya").exists()
    assert len(removed.deleted) == 6 and removed.warnings == []
    assert store.records_for("maya") == [] and store.records_for("leo") != []
    assert "maya" not in marks.read()
    assert TeacherDrafts(results(room)).find("portfolios/maya.json", "x") is None
    assert shared.exists() and (room / "portfolios" / "leo.json").exists()
    assert [row.student_id for row in student_rows(room)] == ["leo"]


def test_a_child_whose_conference_is_open_elsewhere_is_not_removed(room: Path) -> None:
    elsewhere = ConferenceClaim(results(room), "maya")
    assert elsewhere.acquire() is None
    with pytest.raises(StudentOpenElsewhere, match="open in another window"):
        remove_student(room, results(room), "maya")
    assert (room / "portfolios" / "maya.json").exists()
    elsewhere.release()


def test_a_pictures_folder_that_is_a_link_is_not_followed(room: Path, tmp_path: Path) -> None:
    outside = write_png(tmp_path / "elsewhere" / "keep.png")
    (room / "portfolios" / "leo").symlink_to(outside.parent, target_is_directory=True)
    plan = removal_plan(room, results(room), "leo")
    assert plan.pictures_folder is None and plan.describe()[0] == "portfolios/leo.json"
    remove_student(room, results(room), "leo")
    assert outside.exists()
    assert not (room / "portfolios" / "leo.json").exists()


def test_removing_refuses_what_is_not_an_id(room: Path) -> None:
    with pytest.raises(ValueError):
        remove_student(room, results(room), "../maya")


# -- pictures brought in -------------------------------------------------------------------------


def test_a_picture_is_copied_in_but_the_portfolio_is_not_changed(
    room: Path, tmp_path: Path
) -> None:
    before = (room / "portfolios" / "maya.json").read_bytes()
    photo = write_png(tmp_path / "My photos" / "leaf drawing.png")
    brought = bring_picture(room, "maya", f"'{photo}'")
    assert (brought.image, brought.copied, brought.title) == (
        "maya/leaf drawing.png",
        True,
        "Leaf drawing",
    )
    assert brought.stored.read_bytes() == photo.read_bytes()
    assert (room / "portfolios" / "maya.json").read_bytes() == before
    inside = bring_picture(room, "maya", room / "portfolios" / "maya" / "story.png")
    assert (inside.image, inside.copied) == ("maya/story.png", False)
    text = tmp_path / "notes.png"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(Refused, match="not a supported image"):
        bring_picture(room, "maya", text)
    assert not (room / "portfolios" / "maya" / "notes.png").exists()


# -- the editor's portfolio ----------------------------------------------------------------------


def test_a_draft_is_kept_offered_back_and_dropped_when_saved(room: Path) -> None:
    opening = open_for_editing(room, results(room), "maya")
    assert opening.draft is None and opening.open_elsewhere is None
    edit = opening.edit
    edit.document.update_piece(0, title="Le papillon [rouge]")
    assert edit.changed
    edit.keep_draft(FIXED_NOW)
    again = open_for_editing(room, results(room), "maya")
    assert again.draft is not None and not again.draft.based_on_changed
    assert again.draft_time(FIXED_NOW.date()) == "14:03"
    assert again.draft_time(date(2026, 12, 1)) == "2026-11-22 14:03"
    again.edit.resume(again.draft)
    assert again.edit.document.data["pieces"][0]["title"] == "Le papillon [rouge]"
    copy = again.edit.copy_to_save()
    assert again.edit.save(copy) == []
    again.edit.saved(copy)  # the draft goes with the save
    assert not again.edit.changed
    assert open_for_editing(room, results(room), "maya").draft is None
    saved = json.loads((room / "portfolios" / "maya.json").read_text(encoding="utf-8"))
    assert saved["pieces"][0]["title"] == "Le papillon [rouge]"


def test_an_older_draft_never_replaces_a_newer_one(room: Path) -> None:
    edit = open_for_editing(room, results(room), "maya").edit
    edit.document.set_student(name="First")
    older = edit.snapshot()
    edit.document.set_student(name="Second")
    edit.keep(edit.snapshot(), FIXED_NOW)
    edit.keep(older, FIXED_NOW)  # a worker that was late
    draft = open_for_editing(room, results(room), "maya").draft
    assert draft is not None and '"Second"' in draft.text


def test_a_draft_identical_to_the_file_is_not_offered(room: Path) -> None:
    edit = open_for_editing(room, results(room), "maya").edit
    text = edit.document.to_text()
    TeacherDrafts(results(room)).keep("portfolios/maya.json", text, "old", FIXED_NOW)
    assert open_for_editing(room, results(room), "maya").draft is None


def test_a_draft_of_a_file_changed_since_asks_before_replacing(room: Path) -> None:
    edit = open_for_editing(room, results(room), "maya").edit
    edit.document.set_student(learner="Mine")
    edit.keep_draft(FIXED_NOW)
    theirs = open_portfolio(room, "maya")  # another window saves meanwhile
    theirs.set_student(name="Theirs")
    edit.save(theirs)
    opening = open_for_editing(room, results(room), "maya")
    assert opening.draft is not None and opening.draft.based_on_changed
    opening.edit.resume(opening.draft)
    with pytest.raises(ChangedOnDisk):
        opening.edit.save(opening.edit.copy_to_save())
    copy = opening.edit.copy_to_save()
    opening.edit.save(copy, replace_changes=True)
    opening.edit.saved(copy)
    saved = json.loads((room / "portfolios" / "maya.json").read_text(encoding="utf-8"))
    assert saved["student"]["learner"] == "Mine" and saved["student"]["name"] == "Maya López"
    assert open_for_editing(room, results(room), "maya").draft is None


def test_throwing_changes_away_deletes_the_pictures_copied_for_them(
    room: Path, tmp_path: Path
) -> None:
    edit = open_for_editing(room, results(room), "maya").edit
    kept = edit.bring_picture(write_png(tmp_path / "kept.png"))
    edit.document.add_piece("Kept", image=kept.image)
    copy = edit.copy_to_save()
    edit.save(copy)
    edit.saved(copy)
    unsaved = edit.bring_picture(write_png(tmp_path / "unsaved.png"))
    edit.document.add_piece("Unsaved", image=unsaved.image)
    edit.keep_draft(FIXED_NOW)
    assert edit.discard() == [unsaved.stored]
    assert kept.stored.exists() and not unsaved.stored.exists()
    assert open_for_editing(room, results(room), "maya").draft is None


def test_a_portfolio_the_editor_would_damage_is_refused_by_field(room: Path) -> None:
    data = portfolio_data("maya", strengths=["Kind", 3], goals={"goal": "x"})
    data["pieces"].append("not a piece")
    write_json(room / "portfolios" / "maya.json", data)
    with pytest.raises(Refused) as refused:
        open_for_editing(room, results(room), "maya")
    fields = [problem.field for problem in refused.value.problems]
    assert fields == ["goals", "pieces[3]", "strengths[1]"]
    document = open_portfolio(room, "leo")
    assert shape_problems(document) == []
    assert "goals" in document.data  # the check adds nothing to the file


def test_a_broken_draft_is_not_offered(room: Path) -> None:
    original = open_portfolio(room, "maya").base_text
    TeacherDrafts(results(room)).keep("portfolios/maya.json", "[1, 2", original, FIXED_NOW)
    assert open_for_editing(room, results(room), "maya").draft is None
    edit = PortfolioEdit(room, results(room), open_portfolio(room, "maya"))
    assert not edit.changed


def test_removing_takes_the_child_out_of_the_schedule(room: Path) -> None:
    from slc_tui.cli import main

    command = ["schedule", str(room), "--day", "2026-12-03", "--from", "14:00", "--to", "16:00"]
    assert main([*command, "--slot", "20"]) == 0
    assert "maya" in (room / "schedule.json").read_text(encoding="utf-8")
    removed = remove_student(room, results(room), "maya")
    assert removed.warnings == []
    assert "maya" not in (room / "schedule.json").read_text(encoding="utf-8")
    assert "leo" in (room / "schedule.json").read_text(encoding="utf-8")
    assert "Maya" not in (room / "schedule.ics").read_text(encoding="utf-8")
    invitations = "".join(p.extract_text() for p in PdfReader(room / "invitations.pdf").pages)
    assert "Maya" not in invitations and "Leo [b]Chen[/b]" in invitations
    assert room / "invitations.pdf" not in removed.deleted  # remade, not deleted
    removed = remove_student(room, results(room), "leo")  # the last child: no invitations
    assert room / "invitations.pdf" in removed.deleted
    assert not (room / "invitations.pdf").exists()

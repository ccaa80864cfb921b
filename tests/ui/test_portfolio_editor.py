"""The portfolio editor: typing a title like a parent, a picture added by a pasted path, a
refused save naming the field, a draft that survives, a conference open elsewhere, a file
changed meanwhile, leaving with unsaved changes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList, Static, TabbedContent, TextArea

from slc_tui.store.presence import ConferenceClaim
from slc_tui.teacher.drafts import TeacherDrafts
from slc_tui.teacher.portfolios import open_portfolio, save_portfolio
from slc_tui.ui.app import SlcApp, create_app
from slc_tui.ui.screens.choice_dialog import ChoiceDialog
from slc_tui.ui.screens.teacher.picture_dialog import PictureDialog, PictureTree
from slc_tui.ui.screens.teacher.portfolio_editor import PortfolioEditorScreen
from slc_tui.ui.screens.teacher.students import StudentsScreen
from tests.factories import make_class, portfolio_data, write_png
from tests.ui.helpers import FrozenClock, settle, static_text, type_text, wait_until

LABEL = "portfolios/maya.json"


@pytest.fixture
def room(tmp_path: Path, slc_data_dir: Path) -> Path:
    return make_class(tmp_path / "room", [portfolio_data("maya", name="Maya López")])


def app_for(room: Path) -> SlcApp:
    return create_app(room, room / "results", clock=FrozenClock())


def on_disk(room: Path) -> dict[str, Any]:
    data = json.loads((room / LABEL).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def notes(app: SlcApp) -> list[str]:
    return [n.message for n in app._notifications]


def editor(app: SlcApp) -> PortfolioEditorScreen:
    screen = app.screen
    assert isinstance(screen, PortfolioEditorScreen)
    return screen


def text_of(app: SlcApp, selector: str) -> str:
    return static_text(app.screen.query_one(selector, Static))


async def open_editor(app: SlcApp, pilot: Pilot[Any]) -> None:
    """Desk (F3), Students (S), Enter on Maya: the editor, its piece list focused."""
    await settle(app, pilot)
    for key in ("f3", "s"):
        await pilot.press(key)
        await settle(app, pilot)
    assert isinstance(app.screen, StudentsScreen)
    await wait_until(pilot, lambda: app.screen.query_one(DataTable).row_count == 1, what="rows")
    await pilot.press("enter")
    await settle(app, pilot)


async def picture_dialog(app: SlcApp, pilot: Pilot[Any]) -> PictureDialog:
    """The picture dialog, once up (its folder reader never ends: no ``settle`` here)."""
    await wait_until(pilot, lambda: isinstance(app.screen, PictureDialog), what="the dialog")
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, PictureDialog)
    return dialog


async def until_saved(app: SlcApp, pilot: Pilot[Any]) -> None:
    await wait_until(pilot, lambda: "Saved" in text_of(app, "#portfolio-status"), what="saved")


async def test_a_title_typed_like_a_parent_lands_and_is_saved(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(app, pilot)
        assert isinstance(app.screen.focused, OptionList)  # the piece list: no text box yet
        await type_text(pilot, " (2026) [b]")  # typed on the list: it lands in the title
        title = app.screen.query_one("#piece-title", Input)
        assert title.has_focus and title.value == "My butterfly (2026) [b]"
        await pilot.press("ctrl+u")  # clear it, and type the sentence again
        await type_text(pilot, "Cycle de vie [rouge] ")
        await pilot.press("é", "t", "é")
        assert title.value == "Cycle de vie [rouge] été"
        listing = app.screen.query_one("#piece-list", OptionList)
        assert "1. Cycle de vie [rouge] été" in str(listing.get_option_at_index(0).prompt)
        assert "Unsaved changes" in text_of(app, "#portfolio-status")
        await pilot.press("ctrl+s")
        await until_saved(app, pilot)
        assert on_disk(room)["pieces"][0]["title"] == "Cycle de vie [rouge] été"
        assert on_disk(room)["pieces"][0]["id"] == "butterfly"  # ids never change
        assert f"Saved {LABEL}." in notes(app)
        await pilot.press("escape")  # nothing unsaved: no question
        await settle(app, pilot)
        assert isinstance(app.screen, StudentsScreen)


async def test_a_new_piece_gets_its_title_typed_straight_away(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(app, pilot)
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        title = app.screen.query_one("#piece-title", Input)
        assert title.has_focus and title.value == ""
        await type_text(pilot, "Fractions poster")
        await pilot.click("#piece-subject")
        await type_text(pilot, "Math")
        await pilot.press("ctrl+s")
        await until_saved(app, pilot)
        new = {"id": "piece", "title": "Fractions poster", "subject": "Math"}
        assert on_disk(room)["pieces"][-1] == new


async def test_a_refused_save_names_the_field_and_writes_nothing(room: Path) -> None:
    before = (room / LABEL).read_bytes()
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(app, pilot)
        await pilot.click("#piece-date")
        await pilot.press("end", "ctrl+u")
        await type_text(pilot, "3 Oct")
        await pilot.click("#piece-list")
        await pilot.press("down", "enter")  # the second piece; Enter: the keyboard to its title
        assert app.screen.query_one("#piece-title", Input).has_focus
        await pilot.press("ctrl+u")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: "Not saved" in text_of(app, "#portfolio-status"), what="no")
        problems = text_of(app, "#portfolio-problems")
        assert "nothing was written" in problems
        assert "pieces[0].date: must be YYYY-MM-DD or YYYY-MM, not '3 Oct'" in problems
        assert "pieces[1].title: is required (it is empty)" in problems
        assert (room / LABEL).read_bytes() == before
        assert any(n.startswith("Not saved: pieces[0].date") for n in notes(app))


async def test_the_check_runs_as_the_teacher_types(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(app, pilot)
        assert not app.screen.query_one("#portfolio-problems", Static).display
        await pilot.press("f2")
        name = app.screen.query_one("#student-name-box", Input)
        assert name.has_focus
        await pilot.press("ctrl+u")
        await wait_until(
            pilot,
            lambda: "student.name: is required" in text_of(app, "#portfolio-problems"),
            what="the problem named",
        )
        await type_text(pilot, "Maya")
        problems = app.screen.query_one("#portfolio-problems", Static)
        await wait_until(pilot, lambda: not problems.display, what="no problems")


async def test_a_picture_added_by_a_pasted_path_is_copied_in(room: Path, tmp_path: Path) -> None:
    photo = write_png(tmp_path / "My photos" / "volcano model.png")
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(app, pilot)
        await pilot.press("ctrl+o")
        dialog = await picture_dialog(app, pilot)
        box = dialog.query_one("#picture-path", Input)
        assert box.has_focus
        box.post_message(events.Paste(f"'{photo}'"))  # what a terminal types for a drop
        await pilot.pause()
        assert box.value == f"'{photo}'"
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, PortfolioEditorScreen)
        copy = room / "portfolios" / "maya" / "volcano model.png"
        await wait_until(pilot, copy.exists, what="the copy")
        assert copy.read_bytes() == photo.read_bytes()
        await wait_until(
            pilot,
            lambda: app.screen.query_one("#piece-title", Input).value == "Volcano model",
            what="the new piece",
        )
        assert text_of(app, "#piece-picture-path") == "maya/volcano model.png"
        await pilot.press("ctrl+s")
        await until_saved(app, pilot)
        assert on_disk(room)["pieces"][-1]["image"] == "maya/volcano model.png"


async def test_a_file_that_is_no_picture_is_refused_by_name(room: Path, tmp_path: Path) -> None:
    notes_file = tmp_path / "notes.png"
    notes_file.write_text("not a picture", encoding="utf-8")
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(app, pilot)
        await pilot.click("#piece-pictures")
        dialog = await picture_dialog(app, pilot)
        dialog.query_one("#picture-path", Input).value = str(notes_file)
        await pilot.press("enter")
        await settle(app, pilot)
        await wait_until(pilot, lambda: "not added" in text_of(app, "#portfolio-status"), what="no")
        assert any(str(notes_file) in n and "not a supported image" in n for n in notes(app))
        assert len(app.screen.query_one("#piece-list", OptionList).options) == 3
        assert not (room / "portfolios" / "maya" / "notes.png").exists()


async def test_the_file_browser_starts_at_home_and_picks_a_picture(
    room: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    write_png(home / "leaf.png")
    (home / "notes.txt").parent.mkdir(parents=True, exist_ok=True)
    (home / "notes.txt").write_text("x", encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(app, pilot)
        await pilot.click("#piece-picture")  # "Choose…" for this piece
        dialog = await picture_dialog(app, pilot)
        tree = dialog.query_one(PictureTree)
        assert Path(tree.path) == home
        await wait_until(pilot, lambda: bool(tree.root.children), what="the tree")
        assert [str(node.label) for node in tree.root.children] == ["leaf.png"]  # pictures only
        tree.focus()
        await pilot.press("down", "enter")
        await settle(app, pilot)
        await wait_until(
            pilot,
            lambda: text_of(app, "#piece-picture-path") == "maya/leaf.png",
            what="the picture",
        )
        assert app.screen.query_one("#piece-title", Input).value == "My butterfly"


async def test_a_draft_survives_and_is_offered_back(room: Path) -> None:
    before = (room / LABEL).read_bytes()
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(app, pilot)
        await pilot.press("f4")
        strengths = app.screen.query_one("#strengths-box", TextArea)
        assert strengths.has_focus
        strengths.move_cursor(strengths.document.end)
        await pilot.press("enter")
        await type_text(pilot, "Explains her thinking")
        drafts = TeacherDrafts(room / "results")
        await wait_until(pilot, lambda: drafts.path_for(LABEL).exists(), what="the draft")
    # The app ends here without saving, as if the laptop died: the file is unchanged.
    assert (room / LABEL).read_bytes() == before
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(app, pilot)
        assert isinstance(app.screen, ChoiceDialog)
        question = static_text(app.screen.query_one("#dialog-question", Static))
        assert question.startswith("Carry on with the changes from 15:30?")
        await pilot.press("enter")  # carry on
        await settle(app, pilot)
        assert "Carrying on" in text_of(app, "#portfolio-status")
        await pilot.press("f4")
        text = app.screen.query_one("#strengths-box", TextArea).text
        assert text.splitlines()[-1] == "Explains her thinking"
        await pilot.press("ctrl+s")
        await until_saved(app, pilot)
        assert on_disk(room)["strengths"][-1] == "Explains her thinking"
        await wait_until(pilot, lambda: not drafts.path_for(LABEL).exists(), what="dropped")


async def test_leaving_with_unsaved_changes_asks_and_can_throw_them_away(room: Path) -> None:
    before = (room / LABEL).read_bytes()
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(app, pilot)
        await type_text(pilot, "!")
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, ChoiceDialog)
        assert "Your changes to Maya López's portfolio are not saved" in static_text(
            app.screen.query_one("#dialog-question", Static)
        )
        await pilot.press("escape")  # keep editing
        await settle(app, pilot)
        assert isinstance(app.screen, PortfolioEditorScreen)
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.click("#drop")
        await settle(app, pilot)
        assert isinstance(app.screen, StudentsScreen)
    assert (room / LABEL).read_bytes() == before
    assert not TeacherDrafts(room / "results").path_for(LABEL).exists()


async def test_save_and_close_from_the_question(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(app, pilot)
        await type_text(pilot, "!")
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("enter")  # "Save" is the first choice: saved, then closed
        await settle(app, pilot)
        await wait_until(pilot, lambda: isinstance(app.screen, StudentsScreen), what="closed")
        assert on_disk(room)["pieces"][0]["title"] == "My butterfly!"


async def test_editing_while_the_conference_is_open_elsewhere_is_told(room: Path) -> None:
    elsewhere = ConferenceClaim(room / "results", "maya")
    assert elsewhere.acquire() is None
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(app, pilot)
        banner = text_of(app, "#portfolio-elsewhere")
        assert banner.startswith(
            "⚠ Maya López's conference is open in another window on this computer"
        )
        assert "it keeps its portfolio; what you save reaches the next conference" in banner
        await type_text(pilot, "!")
        await pilot.press("ctrl+s")  # saving is still allowed
        await until_saved(app, pilot)
        assert any("picks it up at the next child" in n for n in notes(app))
    assert on_disk(room)["pieces"][0]["title"] == "My butterfly!"
    elsewhere.release()


async def test_a_file_changed_meanwhile_asks_whose_changes_to_keep(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(app, pilot)
        await type_text(pilot, "!")
        theirs = open_portfolio(room, "maya")  # another window saves meanwhile
        theirs.set_student(name="Maya L.")
        save_portfolio(room, theirs)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, ChoiceDialog)
        assert "was changed somewhere else" in static_text(
            app.screen.query_one("#dialog-question", Static)
        )
        await pilot.click("#theirs")
        await settle(app, pilot)
        await wait_until(
            pilot, lambda: "dropped" in text_of(app, "#portfolio-status"), what="theirs shown"
        )
        assert app.screen.query_one("#piece-title", Input).value == "My butterfly"
        assert app.screen.query_one(TabbedContent).active == "tab-pieces"
        await type_text(pilot, "?")
        theirs = open_portfolio(room, "maya")
        theirs.set_student(learner="Changed again")
        save_portfolio(room, theirs)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await pilot.click("#replace")
        await until_saved(app, pilot)
    data = on_disk(room)
    assert data["pieces"][0]["title"] == "My butterfly?"
    assert data["student"]["name"] == "Maya L."  # read again after "theirs"


async def test_with_the_mouse_pieces_move_are_chosen_and_removed_goals_added(
    room: Path,
) -> None:
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(app, pilot)
        await pilot.click("#piece-down")  # the butterfly goes below the story
        await pilot.pause()
        assert editor(app).edit.document.piece_ids() == ["story", "butterfly", "arrays"]
        for row in range(3):  # tick all three, then a fourth made from nothing: refused
            listing = app.screen.query_one("#piece-list", OptionList)
            listing.highlighted = row
            await pilot.pause()
            await pilot.click("#piece-chosen")
            await settle(app, pilot)  # (a loaded machine: each click lands before the next)
        await pilot.click("#piece-new")
        await settle(app, pilot)
        await type_text(pilot, "Extra")
        await settle(app, pilot)
        await pilot.click("#piece-chosen")
        await wait_until(
            pilot,
            lambda: "chosen: at most 3 pieces may be chosen" in text_of(app, "#portfolio-problems"),
            what="the limit named",
        )
        await pilot.click("#piece-remove")  # the new piece goes again (asked first)
        await settle(app, pilot)
        await pilot.click("#remove")
        await settle(app, pilot)
        assert editor(app).edit.document.piece_ids() == ["story", "butterfly", "arrays"]
        await pilot.click("#--content-tab-tab-goals")
        await pilot.pause()
        await pilot.click("#goal-add")
        await settle(app, pilot)
        await type_text(pilot, "Read two chapters a week")
        await pilot.click("#portfolio-save")
        await until_saved(app, pilot)
    data = on_disk(room)
    assert [p["id"] for p in data["pieces"]] == ["story", "butterfly", "arrays"]
    assert data["chosen"] == ["story", "butterfly", "arrays"]
    assert data["goals"][-1] == {"goal": "Read two chapters a week"}


async def test_keep_as_draft_closes_and_the_changes_come_back(room: Path) -> None:
    before = (room / LABEL).read_bytes()
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(app, pilot)
        await type_text(pilot, "?")
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.click("#keep")
        await settle(app, pilot)
        assert isinstance(app.screen, StudentsScreen)
        assert (room / LABEL).read_bytes() == before
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ChoiceDialog)  # "Carry on with the changes from…?"
        await pilot.press("escape")  # Escape carries on: nothing is lost
        await settle(app, pilot)
        assert app.screen.query_one("#piece-title", Input).value == "My butterfly?"


async def test_pictures_dragged_onto_the_editor_become_pieces(room: Path, tmp_path: Path) -> None:
    first = write_png(tmp_path / "drop" / "bean plant.png")
    second = write_png(tmp_path / "drop" / "bean plant 2.png")
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(app, pilot)
        await pilot.press("f2")
        app.screen.query_one("#piece-list").focus()  # (not a text box: the drop is not typed)
        await pilot.press("f3")
        drop = f"{str(first).replace(' ', chr(92) + ' ')} {str(second).replace(' ', chr(92) + ' ')}"
        app.screen.post_message(events.Paste(drop))  # what a terminal types for two files
        listing = app.screen.query_one("#piece-list", OptionList)
        await wait_until(pilot, lambda: listing.option_count == 5, what="two new pieces")
        assert (room / "portfolios" / "maya" / "bean plant 2.png").exists()
        assert app.screen.query_one("#piece-title", Input).value == "Bean plant 2"

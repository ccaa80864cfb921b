"""The student list is painted from the cheap index, before the portfolios are read in full;
what the full read finds wrong shows a moment later, and a child picked meanwhile gets the
fully read portfolio (issue 15)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import OptionList, Static

from slc_tui import session as session_module
from slc_tui.core.class_folder import ClassFolder, load_class_folder
from slc_tui.ui.app import SlcApp, create_app
from slc_tui.ui.screens.conference import ConferenceScreen
from slc_tui.ui.screens.picker import PickerScreen
from tests.factories import make_class, portfolio_data
from tests.ui.helpers import FrozenClock, settle, static_text, wait_until

pytestmark = pytest.mark.usefixtures("slc_data_dir")


@pytest.fixture
def full_read_held(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The session's full read of a class waits until the event is set (set at the end)."""
    go = threading.Event()

    def held(root: Path) -> ClassFolder:
        assert go.wait(30), "the full read was never let go"
        return load_class_folder(root)

    monkeypatch.setattr(session_module, "load_class_folder", held)
    yield go
    go.set()


def _class(root: Path) -> Path:
    """Aaron, whose file is cut off after his student (usable to the index only), Maya and
    Sam."""
    make_class(root, [portfolio_data("maya"), portfolio_data("sam", name="Sam Okoro")])
    text = json.dumps(portfolio_data("aaron", name="Aaron Kim"), indent=2)
    (root / "portfolios" / "aaron.json").write_text(text[: len(text) // 2], encoding="utf-8")
    return root


def _listed(app: SlcApp) -> list[str | None]:
    screen = app.screen
    if not isinstance(screen, PickerScreen):
        return []
    found = screen.query(OptionList)
    if not found:  # not composed yet
        return []
    students = found.first()
    return [students.get_option_at_index(i).id for i in range(students.option_count)]


async def test_the_list_shows_before_the_full_read_and_then_what_it_found(
    tmp_path: Path, full_read_held: threading.Event
) -> None:
    root = _class(tmp_path / "room")
    app = create_app(root, root / "results", clock=FrozenClock())
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: len(_listed(app)) == 3, what="the list from the index")
        assert app.session is not None and not app.session.folder.complete
        assert _listed(app) == ["aaron", "maya", "sam"]
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        assert not picker.check_action("show_problems", ())  # nothing found wrong yet
        await pilot.press("down")  # on Maya
        full_read_held.set()
        await settle(app, pilot)
        assert app.session.folder.complete
        assert _listed(app) == ["maya", "sam"]
        students = picker.query_one(OptionList)
        assert students.highlighted is not None
        assert students.get_option_at_index(students.highlighted).id == "maya"  # still
        notice = static_text(picker.query_one("#picker-notice", Static))
        assert "1 portfolio(s) left out of this list" in notice
        assert picker.check_action("show_problems", ())  # F2 shows it


async def test_a_child_picked_before_the_full_read_gets_the_fully_read_portfolio(
    tmp_path: Path, full_read_held: threading.Event
) -> None:
    root = _class(tmp_path / "room")
    app = create_app(root, root / "results", clock=FrozenClock())
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: len(_listed(app)) == 3, what="the list from the index")
        await pilot.press("down", "enter")  # Maya
        await pilot.pause(0.1)
        assert isinstance(app.screen, PickerScreen) and app.conference is None  # reading
        full_read_held.set()
        await wait_until(pilot, lambda: isinstance(app.screen, ConferenceScreen), what="Maya's")
        assert app.conference is not None
        assert app.conference.portfolio == load_class_folder(root).portfolio("maya")

"""The footer of keys is rebuilt only when the keys it shows change (Textual's rebuilt itself
three or four times after every step change), and still follows the language and the step."""

from __future__ import annotations

from typing import Any

import pytest

from slc_tui.ui.widgets.key_footer import KeyFooter
from tests.ui.conftest import AppFactory
from tests.ui.helpers import screen_text, settle


def _count_rebuilds(monkeypatch: pytest.MonkeyPatch) -> list[KeyFooter]:
    rebuilt: list[KeyFooter] = []
    original = KeyFooter.recompose

    async def recompose(self: KeyFooter) -> None:
        rebuilt.append(self)
        await original(self)

    monkeypatch.setattr(KeyFooter, "recompose", recompose)
    return rebuilt


async def test_a_step_change_showing_the_same_keys_does_not_rebuild_the_footer(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    rebuilt = _count_rebuilds(monkeypatch)
    app = make_app("maya")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        conference: Any = app.conference
        assert conference.step.kind.value == "welcome"
        footer = app.screen.query_one(KeyFooter)
        shown_before = footer._keys_shown()
        rebuilt.clear()
        await pilot.press("ctrl+n")  # welcome → review: the same keys
        await settle(app, pilot)
        assert conference.step.kind.value != "welcome"
        assert footer._keys_shown() == shown_before
        assert rebuilt == []
        for key in ("tab", "tab", "tab"):  # the keyboard moves: bindings refreshed each time
            await pilot.press(key)
        await settle(app, pilot)
        assert rebuilt == []


async def test_the_footer_is_rebuilt_once_in_the_new_language(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    rebuilt = _count_rebuilds(monkeypatch)
    app = make_app("maya")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        footer_line = screen_text(app).splitlines()[-1]
        assert "Next" in footer_line, footer_line
        rebuilt.clear()
        app.switch_language("es")
        await settle(app, pilot)
        footer_line = screen_text(app).splitlines()[-1]
        assert "Siguiente" in footer_line, footer_line
        assert len(rebuilt) == 1

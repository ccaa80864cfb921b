"""A portfolio of 40 pieces: the gallery shows its first cards at once, then all of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from slc_tui.ui.app import create_app
from slc_tui.ui.steps.choose import CARDS_PER_BATCH, FIRST_CARDS, ChooseStep
from slc_tui.ui.widgets.piece_card import PieceCard
from tests.factories import make_class, portfolio_data
from tests.ui.helpers import FrozenClock, current_step, settle, step_on_screen

PIECES = [f"piece-{n:02d}" for n in range(40)]


async def test_a_big_gallery_arrives_in_batches_and_every_card_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    batches: list[int] = []
    mount_more = ChooseStep._mount_more

    def counting(screen: ChooseStep) -> None:
        batches.append(len(screen.query(PieceCard)))
        mount_more(screen)

    monkeypatch.setattr(ChooseStep, "_mount_more", counting)
    class_dir = make_class(tmp_path / "room", [portfolio_data("leo", name="Leo", pieces=PIECES)])
    app = create_app(class_dir, tmp_path / "results", student_id="leo", clock=FrozenClock())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        assert isinstance(current_step(app), ChooseStep)
        # The screen came with the first cards; the rest came a few at a time, after paints.
        assert batches[0] == FIRST_CARDS
        assert batches == list(range(FIRST_CARDS, len(PIECES), CARDS_PER_BATCH))
        cards = list(step_on_screen(app).query(PieceCard))
        assert [card.piece.id for card in cards] == PIECES  # all of them, in order
        assert cards[0].has_focus
        last = cards[-1]
        last.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.conference is not None
        assert "piece-39" in app.conference.chosen
        await pilot.press("up")
        assert app.screen.focused is not last

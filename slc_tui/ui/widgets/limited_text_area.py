"""A text box that stops at a length limit and shows how close it is."""

from __future__ import annotations

from typing import Any

from textual.widgets import TextArea
from textual.widgets.text_area import EditResult, Location

from slc_tui.core.i18n import fill
from slc_tui.core.text import MAX_TEXT_LENGTH

#: Show the "N / limit" counter once the text is this share of the limit.
COUNTER_FROM = 0.8


class LimitedTextArea(TextArea):
    """A soft-wrapping TextArea that refuses text beyond ``limit`` characters.

    Typing and pasting stop at the limit (a paste is cut to fit, and the box says
    so); once the text is near the limit a counter shows in the bottom border, so
    the limit is visible before it is reached. Text set by the program is cut too.
    """

    DEFAULT_CSS = """
    LimitedTextArea { border-subtitle-color: $text-muted; }
    LimitedTextArea.-full { border-subtitle-color: $warning; }
    """

    def __init__(self, text: str = "", *, limit: int = MAX_TEXT_LENGTH, **kwargs: Any) -> None:
        self.limit = limit
        super().__init__(text[:limit], **kwargs)

    def _replace_via_keyboard(
        self, insert: str, start: Location, end: Location
    ) -> EditResult | None:
        room = self.limit - (len(self.text) - len(self.get_text_range(start, end)))
        if len(insert) > room:
            insert = insert[: max(room, 0)]
            self.app.bell()
            if not insert and start == end:
                self._show_count()
                return None
        return super()._replace_via_keyboard(insert, start, end)

    def load_text(self, text: str) -> None:
        """Replace the whole text (cut to the limit)."""
        super().load_text(text[: self.limit])

    def _on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._show_count()

    def on_mount(self) -> None:
        """Show the counter for text that is already long."""
        self._show_count()

    def _show_count(self) -> None:
        length = len(self.text)
        full = length >= self.limit
        self.set_class(full, "-full")
        if full:
            self.border_subtitle = fill(
                "{length} / {limit} — full", length=length, limit=self.limit
            )
        elif length >= self.limit * COUNTER_FROM:
            self.border_subtitle = f"{length} / {self.limit}"
        else:
            self.border_subtitle = ""

"""The typing rule on the teacher's editors (docs/typing.md): a printable key pressed on a
list, a button or a file browser goes to the screen's text box instead of being dropped.

The box is the one typed in last on the screen, else the screen's main box; the keyboard
moves there with the key, so the rest of the words follow. Space still presses a button or
opens a folder when it is the first key pressed there (see
:class:`~slc_tui.ui.typing_router.TypingRouter`); keys in a drop-down list that is open
stay there (it finds an entry by its first letters).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import events
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Select

from slc_tui.ui.typing_router import EDITING_KEYS, TypingRouter, put_cursor_at_end, takes_text


def text_box(*, placeholder: str = "", id: str, disabled: bool = False) -> Input:
    """A one-line box of a teacher screen. Getting the keyboard never selects its text: a
    key sent there (by the rule above, or typed at once) must not replace the words."""
    return Input(placeholder=placeholder, id=id, disabled=disabled, select_on_focus=False)


class DeskTyping:
    """Applies the rule on ``screen``; ``main_box`` gives the box typing goes to when none
    was typed in yet (None: a printable key there is left alone)."""

    def __init__(self, screen: Screen[Any], main_box: Callable[[], Input | None]) -> None:
        self.screen = screen
        self.main_box = main_box
        self.router = TypingRouter()
        self.last_box: Input | None = None

    def route_key(self, key: events.Key) -> bool:
        """True when ``key`` was typed into a text box rather than the widget with the
        keyboard (the screen's ``route_key`` calls this for every key)."""
        focused = self.screen.focused
        if isinstance(focused, Input) and (key.is_printable or key.key in EDITING_KEYS):
            self.last_box = focused
        if _in_open_select(focused) or not self.router.redirects(focused, key):
            return False
        box = self._box()
        if box is None:
            return False
        if box is not self.last_box and not box.has_focus:
            put_cursor_at_end(box)
        self.last_box = box
        box.focus()
        box._forward_event(events.Key(key.key, key.character))
        return True

    def _box(self) -> Input | None:
        box = self.last_box
        if box is None or not box.is_attached or not box.display or not takes_text(box):
            box = self.main_box()
        if box is None or not box.display or not takes_text(box):
            return None
        return box


def _in_open_select(widget: Widget | None) -> bool:
    return widget is not None and any(
        isinstance(node, Select) and node.expanded for node in widget.ancestors_with_self
    )

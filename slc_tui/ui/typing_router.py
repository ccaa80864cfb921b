"""Where typing goes during a conference, whatever has the keyboard.

The rule (docs/typing.md says it for families and teachers):

- Keys pressed in a text box stay there.
- A printable key pressed on anything that cannot take text (a picture card, a checkbox, a
  list, a button, a scroll area) goes to the step's text box instead: the box typed in last
  on this step, else the step's main box. The keyboard moves there with it, so the rest of
  the sentence follows.
- Space still picks a card, ticks a box or presses a button when the family is clearly
  choosing: it is the first key pressed there and the keyboard did not come from typing
  (letters typed in a text box, then Tab or Enter), or Space or Enter was just pressed on
  that same thing. Enter and the mouse always pick, tick and press.
- On a step with no text box a printable key is not dropped silently: the step says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeGuard

from textual import events
from textual.widget import Widget
from textual.widgets import Input

from slc_tui.ui.widgets.text_box_stand_in import TextBoxStandIn

if TYPE_CHECKING:
    from textual.widgets import TextArea

#: Keys that move the keyboard out of a text box without ending "typing": a sentence
#: typed, then Tab.
MOVING_KEYS = frozenset({"tab", "shift+tab", "enter"})

#: Keys that change the text in a box, besides printable ones (a box they are pressed in is
#: "the box typed in last").
EDITING_KEYS = frozenset({"backspace", "delete"})

#: Keys that pick, tick or press the thing the keyboard is on.
CHOOSING_KEYS = frozenset({"space", "enter"})


def takes_text(widget: Widget | None) -> bool:
    """True for a text box that can be typed in now (or a stand-in for one, which hands
    what is typed to the box)."""
    if _is_text_area(widget):
        return not widget.read_only and not widget.disabled
    return isinstance(widget, Input | TextBoxStandIn) and not widget.disabled


def _is_text_area(widget: Widget | None) -> TypeGuard[TextArea]:
    from textual.widgets import TextArea  # (not before a key: see text_box_stand_in)

    return isinstance(widget, TextArea)


def put_cursor_at_end(box: Input | TextArea | TextBoxStandIn) -> None:
    """Move the box's cursor after its last character (a stand-in's box is empty)."""
    if isinstance(box, Input):
        box.cursor_position = len(box.value)
    elif not isinstance(box, TextBoxStandIn):
        box.move_cursor(box.document.end)


class TypingRouter:
    """Applies the rule above to each key before the widget with the keyboard sees it.

    One router per conference screen; :meth:`reset` when a step arrives.
    """

    def __init__(self) -> None:
        self._last_focus: Widget | None = None  # what had the keyboard at the last key
        self._typing = False  # letters went into a text box, and only Tab/Enter since
        self._choosing: Widget | None = None  # Space/Enter was just let through on this

    def reset(self) -> None:
        """A new step is on screen: nobody is typing or choosing yet."""
        self._last_focus = None
        self._typing = False
        self._choosing = None

    def redirects(self, focused: Widget | None, key: events.Key) -> bool:
        """True when ``key`` belongs in the step's text box rather than in ``focused``
        (the widget with the keyboard); False lets it reach ``focused`` as usual."""
        moved = focused is not self._last_focus
        came_from_typing = self._typing
        self._last_focus = focused
        if focused is None or takes_text(focused):
            if key.is_printable:
                self._typing = True
            elif key.key not in MOVING_KEYS:
                self._typing = False
            self._choosing = None
            return False
        if not key.is_printable or (
            key.key == "space" and ((moved and not came_from_typing) or self._choosing is focused)
        ):
            self._choosing = focused if key.key in CHOOSING_KEYS else None
            self._typing = False  # a key pressed here, away from any text box
            return False
        self._choosing = None
        self._typing = True
        return True

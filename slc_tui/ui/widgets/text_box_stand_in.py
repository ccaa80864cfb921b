"""An empty text box drawn without Textual's TextArea, until the real box takes its place.

Importing, building and styling Textual's TextArea is about 15 ms of a child's first step,
which is painted before anything else can be done. When the first step's notes box is empty,
the step draws it with this widget instead: the same border, placeholder and cursor, from the
same rules (``DEFAULT_CSS`` below is TextArea's, for what an empty box shows). Just after the
first paint (:data:`AFTER_THE_PAINT`), or at the first key, the real box is made, mounted
hidden, and swapped in. Keys and pastes that reach the stand-in before then are handed to the
real box, in the order they came, as if it had had them (keys the box does not use go on
from it to the screen, as they would). The app's own keys (Ctrl+N, F1, …) act at once, as
always: a step left with Ctrl+N before its box is made gets the box (without the keyboard)
for what was typed in it, unless the step is gone by then (within a refresh of Next).
``tests/ui/test_text_box_stand_in.py`` holds that the two boxes look the same.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.content import Content
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget

#: The stand-in's id; the real box has the one it is made with.
STAND_IN_ID = "notes-stand-in"
#: Seconds from the first paint to making the real box (unless a key comes first): time for
#: the frame to be written out. Textual writes frames from a thread, which waits for the
#: interpreter lock while this thread works: making the box straight after the paint kept the
#: frame from the terminal for several milliseconds.
AFTER_THE_PAINT = 0.05


class TextBoxStandIn(Widget, can_focus=True):
    """Draws an empty TextArea showing ``placeholder``, then becomes the box ``make_box``
    makes (once, just after the screen is first painted)."""

    COMPONENT_CLASSES = {"text-box-stand-in--cursor", "text-box-stand-in--placeholder"}

    # TextArea's DEFAULT_CSS (textual 8.2.8), for an empty box: no gutter, selection,
    # brackets or suggestions to show.
    DEFAULT_CSS = """
    TextBoxStandIn {
        width: 1fr;
        height: 1fr;
        border: tall $border-blurred;
        padding: 0 1;
        color: $foreground;
        background: $surface;
        pointer: text;
        & .text-box-stand-in--cursor {
            text-style: $input-cursor-text-style;
        }
        & .text-box-stand-in--placeholder {
            color: $text 40%;
        }
        &:focus {
            border: tall $border;
        }
        &:ansi {
            .text-box-stand-in--cursor {
                color: $input-cursor-foreground;
                background: $input-cursor-background;
                text-style: reverse;
            }
        }
        &:dark {
            .text-box-stand-in--cursor {
                color: $input-cursor-foreground;
                background: $input-cursor-background;
            }
        }
        &:light {
            .text-box-stand-in--cursor {
                color: $text 90%;
                background: $foreground 70%;
            }
        }
    }
    """

    def __init__(self, placeholder: str, make_box: Callable[[], Widget]) -> None:
        super().__init__(id=STAND_IN_ID)
        self.placeholder = placeholder
        self._make_box = make_box
        self._box: Widget | None = None
        self._making = False
        self._held: list[events.Key | events.Paste] = []

    def on_mount(self) -> None:
        """Make the real box once the screen is painted and on the terminal."""
        self.call_after_refresh(self.set_timer, AFTER_THE_PAINT, self._start_making)

    def _start_making(self) -> None:
        if not self._making:
            self._making = True
            self.call_later(self._mount_box)

    def _leaving(self) -> bool:
        """True once this stand-in is going, or its step is no longer on screen."""
        return (
            not self.is_attached
            or self._pruning
            or not all(
                node.display for node in self.ancestors_with_self if isinstance(node, Widget)
            )
        )

    async def _mount_box(self) -> None:
        # Run in this widget's own turn, so keys it was sent earlier are already held.
        parent = self.parent
        if not isinstance(parent, Widget) or (self._leaving() and not self._held):
            return  # (a step being left needs its box only for what was typed in it)
        box = self._make_box()
        box.display = False
        await parent.mount(box, after=self)
        self._box = box
        # Keys sent here while the box was being mounted are now in this widget's queue:
        # handing over after them keeps every key in order.
        self.call_later(self._hand_over)

    def _hand_over(self) -> None:
        box = self._box
        if box is None or not self.is_attached or self._pruning:
            return  # (gone with its step)
        had_focus = self.screen.focused is self and not self._leaving()
        box.display = True
        self.display = False
        if had_focus:
            box.focus(scroll_visible=False)
        for event in self._held:
            box._forward_event(event)
        self._held.clear()
        self.remove()

    def _take(self, event: events.Key | events.Paste) -> None:
        event.stop()
        event.prevent_default()
        copy: events.Key | events.Paste = (
            events.Key(event.key, event.character)
            if isinstance(event, events.Key)
            else events.Paste(event.text)
        )
        if self._box is not None and self._box.is_attached and not self._held:
            self._box._forward_event(copy)
        else:
            self._held.append(copy)
            self._start_making()  # (now, not after the wait: the keys show sooner)

    async def _on_key(self, event: events.Key) -> None:
        self._take(event)

    def _on_paste(self, event: events.Paste) -> None:
        self._take(event)

    def render_line(self, y: int) -> Strip:
        """One line of an empty TextArea: the placeholder, wrapped, with the cursor on its
        first character while the box has the keyboard (as ``TextArea.render_line``)."""
        lines = Content.from_text(self.placeholder).wrap(self.content_size.width)
        if y < len(lines):
            content = lines[y].stylize(self.get_visual_style("text-box-stand-in--placeholder"))
            if y == 0 and self.has_focus:
                cursor = self.get_component_rich_style("text-box-stand-in--cursor")
                content = content.stylize(Style.from_rich_style(cursor), 0, 1)
            return Strip(content.render_segments(self.visual_style), content.cell_length)
        return Strip.blank(self.size.width, self.rich_style)

"""A checkbox that reads as ticked or not at a glance, in colour and without."""

from __future__ import annotations

from textual.content import Content
from textual.style import Style
from textual.widgets import Checkbox


class TickBox(Checkbox):
    """A checkbox drawn as ``[✔]`` when ticked and ``[ ]`` when not.

    Textual's own draws a dim ``X`` on a coloured block either way, which reads as ticked
    at 80×24 and cannot be told apart at all without colour; the mark itself says it here.
    Ticked, it also has a green frame (Checkbox sets the ``-on`` class).
    """

    DEFAULT_CSS = """
    TickBox { width: auto; }
    TickBox.-on { border: tall $success; }
    TickBox.-on:focus { border: tall $success; }
    """

    @property
    def _button(self) -> Content:
        """``[✔]`` (bold) or ``[ ]``: the mark, not the colour, tells on from off."""
        if self.value:
            return Content.assemble(("[✔]", Style(bold=True)), " ")
        return Content("[ ] ")

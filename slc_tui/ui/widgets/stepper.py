"""Where we are in the conference: a row of dots and the current step's name."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class Stepper(Static):
    """``● ● ◉ ○ ○  3/10 My work 1 of 3``: done, current and coming steps (the dots drawn
    close together, ``●●◉○○``, when the label would not fit otherwise: a label in Spanish
    or French is longer than in English)."""

    DEFAULT_CSS = """
    Stepper { height: 1; width: 1fr; }
    """

    def __init__(self, labels: list[str], index: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.labels = labels
        self.index = index

    def show(self, labels: list[str], index: int) -> None:
        """Move to step ``index`` (the labels change once the pieces are picked)."""
        self.labels = labels
        self.index = index
        self.refresh()

    def render(self) -> Text:
        """Dots for every step, then the current step's label."""
        text = self._text(" ")
        width = self.content_size.width
        if width and text.cell_len > width:
            return self._text("")
        return text

    def _text(self, gap: str) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        for position in range(len(self.labels)):
            if position < self.index:
                text.append("●" + gap, style="green")
            elif position == self.index:
                text.append("◉" + gap, style="bold yellow")
            else:
                text.append("○" + gap, style="dim")
        text.append(f" {self.index + 1}/{len(self.labels)} ", style="dim")
        text.append(self.labels[self.index], style="bold")
        return text

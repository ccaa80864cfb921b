"""Where we are in the conference: a row of dots and the current step's name."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class Stepper(Static):
    """``● ● ◉ ○ ○  3/10 My work 1 of 3``: done, current and coming steps."""

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
        text = Text(no_wrap=True, overflow="ellipsis")
        for position in range(len(self.labels)):
            if position < self.index:
                text.append("● ", style="green")
            elif position == self.index:
                text.append("◉ ", style="bold yellow")
            else:
                text.append("○ ", style="dim")
        text.append(f" {self.index + 1}/{len(self.labels)} ", style="dim")
        text.append(self.labels[self.index], style="bold")
        return text

"""The child's own notes, shown as things they can say."""

from __future__ import annotations

from rich.text import Text
from textual.content import Content
from textual.widgets import Static

from slc_tui.core.i18n import _, fill


class TalkingPoints(Static):
    """A titled list of ``label: text`` lines, each with a speech bubble."""

    DEFAULT_CSS = """
    TalkingPoints { height: auto; padding: 0 1; border: round $primary 60%; }
    """

    def __init__(
        self,
        points: list[tuple[str, str]],
        *,
        title: str | None = None,
        id: str | None = None,
    ) -> None:
        """``points`` and ``title`` are in the active language (by default a title that
        says these are things to say)."""
        super().__init__(self._render_points(points), id=id)
        if title is None:
            title = _("Things I can say")
        self.border_title = Content(title)  # the words as written, never markup
        #: What 🔊 reads out: each point's label and text, one per line.
        self.spoken_text = "\n".join(
            fill("{label}:", label=label) + " " + body if label else body for label, body in points
        )

    @staticmethod
    def _render_points(points: list[tuple[str, str]]) -> Text:
        text = Text()
        if not points:
            text.append(_("(nothing written yet — talk about it in your own words)"), style="dim")
        for index, (label, body) in enumerate(points):
            if index:
                text.append("\n")
            if label:
                # TRANSLATORS: a talking point's label before its text ("Why I chose it: …").
                text.append(fill("{label}:", label=label) + " ", style="bold")
            text.append(body)
        return text

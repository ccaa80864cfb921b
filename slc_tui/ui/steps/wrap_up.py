"""``wrap_up``: the whole record on one screen, a thank-you, and where it was saved."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Static

from slc_tui.core.conference import Conference
from slc_tui.core.i18n import _, fill
from slc_tui.ui.messages import TakeHomeRequested
from slc_tui.ui.plain_text import plain
from slc_tui.ui.served import served
from slc_tui.ui.steps.base import StepBody


def record_text(conference: Conference) -> Text:
    """The record of the conference as it will be saved, laid out to read aloud (its
    headings in the active language)."""
    from slc_tui.core.record import to_record
    from slc_tui.export.document import ConferenceDocument

    doc = ConferenceDocument.from_record(to_record(conference))
    text = Text()

    def section(title: str, lines: list[str]) -> None:
        text.append(f"{title}\n", style="bold underline")
        for line in lines or ["—"]:
            text.append(f"{_INDENT}• {line}\n")
        text.append("\n")

    section(_("My work"), [_piece_line(piece.title, piece.said) for piece in doc.pieces])
    section(_("My strengths"), list(doc.strengths))
    section(_("My next steps"), list(doc.next_steps))
    goals = []
    for goal in doc.goals:
        line = goal.goal + (f" — {goal.how}" if goal.how else "")
        if goal.by:
            line += " " + fill("(by {when})", when=goal.by)
        if goal.at_home:
            line += f"\n{_INDENT * 2}" + fill("At home: {what}", what=goal.at_home)
        goals.append(line)
    section(_("My goals"), goals)
    section(_("Questions we talked about"), list(doc.parent_questions))
    section(_("At home, my family will"), doc.home_lines)
    if doc.follow_up:
        followed = _("📩 A private follow-up with the teacher was requested.")
        text.append(followed + "\n", style="bold")
    return text


#: One step of indentation in the record.
_INDENT = "  "


def _piece_line(title: str, said: str) -> str:
    """A piece's title and, under it, what the child said about it."""
    if not said:
        return title
    # TRANSLATORS: what the child said about a piece, in the language's quotation marks.
    quoted = fill("“{words}”", words=" ".join(said.split()))
    return f"{title}\n{_INDENT * 2}{quoted}"


class WrapUpStep(StepBody):
    """The end: everything we agreed, saved."""

    def headline(self) -> str:
        """Thanks the family by the child's name."""
        name = self.conference.portfolio.student.first_name
        return fill("🎉 Thank you for coming to {name}'s conference!", name=name)

    def next_label(self) -> str:
        """Next finishes the conference."""
        return _("✔ Finish")

    def compose(self) -> ComposeResult:
        """The record and where it is saved."""
        with VerticalScroll(id="record-scroll"):
            yield Static(record_text(self.conference), id="record")
        with Horizontal(id="wrap-up-bar"):
            if self.context.practice:
                yield Static(
                    plain(_("🎭 Practice: nothing was saved or printed.")), id="saved-where"
                )
                return
            saving = fill("💾 Saving in {folder} …", folder=self.context.results_dir)
            yield Static(plain(saving), id="saved-where")
            yield Button(plain(_("🖨 Take-home copy")), id="take-home")

    @on(Button.Pressed, "#take-home")
    def _take_home(self) -> None:
        self.post_message(TakeHomeRequested())

    #: What the line under the record says: where the record is, and the family's copy.
    _saved_line = ""
    _copy_line = ""

    def show_take_home(self, path: str) -> None:
        """Say where the family's copy was written (under where the record is)."""
        self.query_one("#take-home", Button).label = plain(_("🖨 Copy written ✔"))
        self._copy_line = fill("🖨 Take-home copy: {path}", path=path)
        self._show_where()

    def show_saved(self, path: str, when: str) -> None:
        """Say exactly where the record is, once it is on disk."""
        super().show_saved(path, when)
        if served():  # slc serve: "this computer" would be the child's Chromebook
            where = fill(
                "💾 Saved on the teacher's laptop at {when}:\n{path}", when=when, path=path
            )
        else:
            where = fill("💾 Saved on this computer at {when}:\n{path}", when=when, path=path)
        self._saved_line = where
        self._show_where()

    def _show_where(self) -> None:
        lines = [line for line in (self._saved_line, self._copy_line) if line]
        for where in self.query("#saved-where").results(Static):
            where.update(plain("\n".join(lines)))

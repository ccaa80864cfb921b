"""The teacher's view of what is wrong in the class folder: every problem, file and field,
and the children left out of the student list because their portfolio cannot be used."""

from __future__ import annotations

from typing import Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from slc_tui.core.class_folder import ClassFolder, relative_name
from slc_tui.core.i18n import N_, _, fill
from slc_tui.ui.languages import TranslatedBindings
from slc_tui.ui.plain_text import plain
from slc_tui.ui.stylesheets import use_stylesheet


def problems_text(folder: ClassFolder) -> str:
    """The report, as plain lines: who is left out (by file, with the first reason), then
    every problem as ``slc validate`` prints it (the problems themselves in English, as
    ``slc validate`` says them)."""
    lines: list[str] = []
    left_out = folder.left_out
    if left_out:
        lines.append(fill("Left out of the student list ({n}):", n=len(left_out)))
        for entry in left_out:
            first = next((p for p in entry.problems if p.is_error), None)
            reason = _("cannot be used") if first is None else first.message
            if first is not None and first.field:
                reason = f"{first.field}: {reason}"
            lines.append(f"  • {relative_name(entry.path, folder.root)} — {reason}")
        lines.append("")
    problems = folder.all_problems
    lines.append(fill("Every problem ({n}), as  slc validate  shows them:", n=len(problems)))
    lines.extend(f"  {problem}" for problem in problems)
    if not problems:
        lines.append("  " + _("none"))
    return "\n".join(lines)


class ProblemsScreen(TranslatedBindings, ModalScreen[None]):
    """What is wrong in the class folder, for the teacher (Escape or Close to go back)."""

    BINDINGS = [Binding("escape", "close", N_("Close"), id="close-problems")]

    def __init__(self, folder: ClassFolder) -> None:
        super().__init__(classes="dialog")
        self.folder = folder

    def _post_register(self, app: App[Any]) -> None:
        """Registered with the app: the student list's stylesheet first (``ui/stylesheets.py``:
        it styles the problems)."""
        use_stylesheet(app, "picker.tcss")
        super()._post_register(app)

    def compose(self) -> ComposeResult:
        """The report, scrollable, and a Close button."""
        with Vertical(id="problems-box"):
            title = fill("⚠ Problems in the class folder of {name}", name=self.folder.info.name)
            yield Static(plain(title), id="problems-title")
            with VerticalScroll(id="problems-scroll"):
                yield Static(plain(problems_text(self.folder)), id="problems-text")
            yield Button(_("Close"), id="close-problems", variant="primary")

    def on_mount(self) -> None:
        """The list scrolls with the arrow keys."""
        self.query_one("#problems-scroll").focus()

    def on_button_pressed(self) -> None:
        """Close."""
        self.dismiss(None)

    def action_close(self) -> None:
        """Escape: close."""
        self.dismiss(None)

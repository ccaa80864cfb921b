"""The portfolio editor: one child's portfolio in five tabs, saved only when it would pass
``slc validate``, every change kept as a draft meanwhile.

- Each change is kept as a draft (in a thread, :data:`DRAFT_AFTER` seconds after the last
  one) and the document checked as ``slc validate`` would; what it would refuse is listed
  under the tabs, by field.
- Ctrl+S saves (in a thread): refused with the fields named and nothing written, or saved
  atomically; a file changed on disk meanwhile asks whose changes to keep.
- Escape with unsaved changes asks first. A child's conference open on another screen is
  named at the top: it keeps the portfolio it started with.
- Typing on something that takes no text (a list, a button, a tab) goes to the tab's text
  box typed in last, or its main box (:mod:`slc_tui.ui.typing_router`).
"""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import (
    Button,
    Checkbox,
    Input,
    Select,
    Static,
    TabbedContent,
    TabPane,
    TextArea,
)

from slc_tui.core.i18n import N_, _, fill, nfill
from slc_tui.core.json_document import Refused
from slc_tui.core.portfolio_document import PortfolioDocument
from slc_tui.core.problems import Problem
from slc_tui.session import ClassSession
from slc_tui.teacher.file_edits import Snapshot
from slc_tui.teacher.portfolio_edit import EditorOpening, PortfolioEdit, open_for_editing
from slc_tui.teacher.saving import ChangedOnDisk
from slc_tui.ui.languages import TranslatedBindings
from slc_tui.ui.plain_text import plain
from slc_tui.ui.screens.choice_dialog import ChoiceDialog
from slc_tui.ui.screens.teacher import TEACHER_CSS
from slc_tui.ui.screens.teacher.piece_pane import PictureWanted, PiecesPane
from slc_tui.ui.screens.teacher.portfolio_panes import (
    EditorPane,
    GoalsPane,
    ListsPane,
    PortfolioEdited,
    PromptsPane,
    StudentPane,
    text_of,
)
from slc_tui.ui.typing_router import EDITING_KEYS, TypingRouter, put_cursor_at_end, takes_text
from slc_tui.ui.widgets.key_footer import KeyFooter

#: Seconds after the last change before the draft is kept and the document checked.
DRAFT_AFTER = 0.4
#: The tabs: (pane id, label, key).
TABS = (
    ("tab-student", N_("Student"), "f2"),
    ("tab-pieces", N_("Pieces"), "f3"),
    ("tab-lists", N_("Strengths & next steps"), "f4"),
    ("tab-goals", N_("Goals"), "f5"),
    ("tab-prompts", N_("Prompts"), "f6"),
)
#: What Space ticks, presses or opens (elsewhere it is typed, like any letter).
SPACE_ACTS_ON = (Button, Checkbox, Select)
#: Problems listed under the tabs before "and N more".
PROBLEMS_SHOWN = 3


def problem_line(problem: Problem) -> str:
    """``pieces[2].title: is required`` (the file is the one open)."""
    return f"{problem.field}: {problem.message}" if problem.field else problem.message


class PortfolioEditorScreen(TranslatedBindings, Screen[None]):
    """``opening`` (from :func:`~slc_tui.teacher.portfolio_edit.open_for_editing`), its
    draft already carried on or thrown away."""

    CSS_PATH = TEACHER_CSS

    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), id="portfolio-save", priority=True),
        Binding("escape", "close", N_("Close"), id="portfolio-close"),
        *(
            Binding(
                key, f"show_tab('{pane}')", label, id=f"portfolio-{pane}", priority=True, show=False
            )
            for pane, label, key in TABS
        ),
    ]

    def __init__(self, session: ClassSession, opening: EditorOpening) -> None:
        super().__init__(id="portfolio-editor")
        self.session = session
        self.opening = opening
        self.edit: PortfolioEdit = opening.edit
        self.typing = TypingRouter()
        self._last_box: dict[str, Input | TextArea] = {}
        self._changes = 0
        self._timer: Timer | None = None
        self._close_after_save = False
        self._refused_seq = -1  # the change a refused save was taken at (its list stays)

    @property
    def name_shown(self) -> str:
        """The child's name as the file has it now (the id when it has none)."""
        return text_of(self.edit.document.data.get("student"), "name") or self.edit.student_id

    def compose(self) -> ComposeResult:
        """Title, conference warning, tabs, problems, buttons and status, footer."""
        document = self.edit.document
        today = self.session.clock().date()
        with Vertical(id="portfolio-box"):
            title = fill("✎ {name}'s portfolio — {file}", name=self.name_shown, file=document.label)
            yield Static(plain(title), id="portfolio-title")
            yield Static("", id="portfolio-elsewhere")
            with TabbedContent(id="portfolio-tabs"):
                for tab, label, key in TABS:
                    with TabPane(f"{_(label)} {key.upper()}", id=tab):
                        yield self._pane(tab, today)
            yield Static("", id="portfolio-problems")
            with Horizontal(id="portfolio-bar"):
                yield Button(_("Save (Ctrl+S)"), id="portfolio-save", variant="primary")
                yield Button(_("Close (Esc)"), id="portfolio-close")
                yield Static("", id="portfolio-status")
        yield KeyFooter()

    def _pane(self, tab: str, today: date) -> EditorPane:
        document = self.edit.document
        pane_id = tab.replace("tab-", "pane-")
        if tab == "tab-student":
            return StudentPane(document, id=pane_id)
        if tab == "tab-pieces":
            return PiecesPane(document, id=pane_id)
        if tab == "tab-lists":
            return ListsPane(document, id=pane_id)
        if tab == "tab-goals":
            return GoalsPane(document, today, id=pane_id)
        return PromptsPane(document, id=pane_id)

    def on_mount(self) -> None:
        """Say where the conference is open, how things stand; check the document."""
        self._show_elsewhere()
        self._show_problems([])
        changed = self.edit.changed
        self._status(_("● Carrying on with unsaved changes") if changed else _("No changes yet"))
        self.query_one(TabbedContent).active = "tab-pieces"
        self.call_after_refresh(self._arrive)
        self._check_soon()

    def _arrive(self) -> None:
        listing = self.query("#piece-list")
        if listing:
            listing.first().focus()

    def _show_elsewhere(self) -> None:
        other = self.opening.open_elsewhere
        banner = self.query_one("#portfolio-elsewhere", Static)
        banner.display = other is not None
        if other is not None:
            from slc_tui.teacher.open_conferences import where_open

            banner.update(
                plain(
                    fill(
                        "⚠ {name}'s conference is open {where}: it keeps its portfolio; what "
                        "you save reaches the next conference.",
                        name=self.name_shown,
                        where=where_open(other),
                    )
                )
            )

    def _status(self, text: str) -> None:
        self.query_one("#portfolio-status", Static).update(plain(text))

    def _show_problems(self, problems: list[Problem], heading: str = "") -> None:
        box = self.query_one("#portfolio-problems", Static)
        box.display = bool(problems)
        if not problems:
            box.update("")
            return
        lines = [heading or _("⚠ Not ready to save — slc validate would refuse:")]
        lines += [f"  {problem_line(p)}" for p in problems[:PROBLEMS_SHOWN]]
        if len(problems) > PROBLEMS_SHOWN:
            more = len(problems) - PROBLEMS_SHOWN
            lines.append("  " + nfill("(and {n} more)", "(and {n} more)", more))
        box.update(plain("\n".join(lines)))

    # -- tabs and typing -----------------------------------------------------------------------

    def _tab_pane(self, tab: str) -> EditorPane:
        return self.query_one(f"#{tab}", TabPane).query_one(EditorPane)

    def action_show_tab(self, tab: str) -> None:
        """Show ``tab``; the keyboard goes to its main box (or its list)."""
        self.query_one(TabbedContent).active = tab
        pane = self._tab_pane(tab)
        target: Widget | None = self._last_box.get(tab) or pane.main_box()
        if tab == "tab-pieces":
            target = self.query_one("#piece-list")
        if target is not None and target.focusable:
            target.focus()

    def route_key(self, key: events.Key) -> bool:
        """Called by the app for every key before the widget with the keyboard sees it:
        True when the key was typed into the tab's text box instead."""
        focused = self.focused
        tabs = self.query(TabbedContent)
        if not tabs:
            return False  # being built again
        tab = tabs.first().active
        pane = self._tab_pane(tab)
        if (
            (key.is_printable or key.key in EDITING_KEYS)
            and takes_text(focused)
            and isinstance(focused, Input | TextArea)
            and pane in focused.ancestors
        ):
            self._last_box[tab] = focused
        redirect = self.typing.redirects(focused, key)
        if key.key == "space" and not isinstance(focused, SPACE_ACTS_ON):
            redirect = not takes_text(focused)  # a list or a tab: Space does nothing there
        if not redirect:
            return False
        last = self._last_box.get(tab)
        box = last if last is not None and last.is_attached and takes_text(last) else None
        box = box or pane.main_box()
        if box is None or not takes_text(box):
            self._status(_("Nothing to type in here yet: add one first (+ New)."))
            return True
        if box is not last and not box.has_focus:
            put_cursor_at_end(box)
        self._last_box[tab] = box
        box.focus()
        box._forward_event(events.Key(key.key, key.character))
        return True

    # -- changes, drafts, checks ---------------------------------------------------------------

    @on(PortfolioEdited)
    def _edited(self, message: PortfolioEdited) -> None:
        message.stop()
        self._changes += 1
        self._status(_("● Unsaved changes (kept as a draft)"))
        self._check_soon()

    def _check_soon(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DRAFT_AFTER, self._keep_and_check)

    def _keep_and_check(self) -> None:
        self._timer = None
        edit = self.edit
        self.keep_and_check(edit.snapshot(), edit.copy_to_save(), self._changes)

    @work(thread=True, group="portfolio-draft", exit_on_error=False)
    def keep_and_check(self, snapshot: Snapshot, document: PortfolioDocument, seq: int) -> None:
        """Keep ``snapshot`` as the draft and check ``document`` (a copy taken at change
        ``seq``), in a thread."""
        edit, app = self.edit, self.app
        try:
            edit.keep(snapshot, self.session.clock())
        except OSError as error:
            message = fill(
                "Your changes could not be kept as a draft: {error}. Save soon.", error=error
            )
            app.call_from_thread(app.notify, message, severity="warning", timeout=10)
        problems = edit.problems(document)
        app.call_from_thread(self._checked, seq, problems)

    def _checked(self, seq: int, problems: list[Problem]) -> None:
        if seq == self._changes and seq != self._refused_seq:
            self._show_problems(problems)

    def on_unmount(self) -> None:
        """A change not yet kept as a draft is kept now (the app may be closing)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
            with contextlib.suppress(OSError):
                self.edit.keep_draft(self.session.clock())

    # -- saving --------------------------------------------------------------------------------

    @on(Button.Pressed, "#portfolio-save")
    def action_save(self) -> None:
        """Check and save in a thread."""
        self._status(_("Saving…"))
        self.save(self.edit.copy_to_save(), self._changes)

    @work(thread=True, exclusive=True, group="portfolio-save", exit_on_error=False)
    def save(self, copy: PortfolioDocument, seq: int, replace_changes: bool = False) -> None:
        """Save ``copy`` (of the document, taken at change ``seq``)."""
        from slc_tui.teacher.open_conferences import conference_open

        app = self.app
        try:
            warnings = self.edit.save(copy, replace_changes=replace_changes)
        except ChangedOnDisk:
            app.call_from_thread(self._changed_on_disk)
            return
        except Refused as refused:
            app.call_from_thread(self._refused, list(refused.problems), seq)
            return
        except OSError as error:
            app.call_from_thread(self._not_saved, f"{error.filename or ''} {error}".strip())
            return
        elsewhere = conference_open(self.session.results_dir, self.edit.student_id)
        app.call_from_thread(self._saved, copy, warnings, elsewhere is not None)

    def _saved(self, copy: PortfolioDocument, warnings: list[Problem], open_now: bool) -> None:
        self.edit.saved(copy)  # drops the draft, unless something was typed since
        when = self.session.clock().strftime("%H:%M")
        changed_since = self.edit.changed
        if changed_since:
            self._status(fill("✓ Saved at {time} · changed since", time=when))
        else:
            self._status(fill("✓ Saved at {time}", time=when))
        self._show_problems([])
        label = self.edit.document.label
        message = fill("Saved {file}.", file=label)
        if open_now:
            message += " " + _("The conference open elsewhere picks it up at the next child.")
        if warnings:
            message += " " + nfill(
                "{n} warning(s): {problem}",
                "{n} warning(s): {problem}",
                len(warnings),
                problem=problem_line(warnings[0]),
            )
        self.app.notify(message, timeout=6)
        if self._close_after_save:
            self.dismiss(None)

    def _refused(self, problems: list[Problem], seq: int) -> None:
        self._close_after_save = False
        self._refused_seq = seq
        count = len(problems)
        self._status(
            nfill(
                "✗ Not saved: {n} thing(s) to mend (listed above)",
                "✗ Not saved: {n} thing(s) to mend (listed above)",
                count,
            )
        )
        self._show_problems(problems, _("✗ Not saved — nothing was written. Mend first:"))
        first = problem_line(problems[0]) if problems else ""
        self.app.notify(fill("Not saved: {reason}", reason=first), severity="error", timeout=6)

    def _not_saved(self, reason: str) -> None:
        self._close_after_save = False
        self._status(_("✗ Not saved (your changes are kept as a draft)"))
        self.app.notify(fill("Not saved: {reason}", reason=reason), severity="error", timeout=15)

    def _changed_on_disk(self) -> None:
        label = self.edit.document.label
        question = fill(
            "{file} was changed somewhere else (another window?) since you opened it. "
            "Whose changes should it keep?",
            file=label,
        )
        choices = [
            ("replace", _("Replace with mine")),
            ("theirs", _("Keep theirs")),
            ("cancel", _("Not now")),
        ]

        def answered(choice: str | None) -> None:
            if choice == "replace":
                self._status(_("Saving…"))
                self.save(self.edit.copy_to_save(), self._changes, replace_changes=True)
            elif choice == "theirs":
                self.reopen()
            else:
                self._close_after_save = False
                self._status(_("Not saved: the file changed elsewhere (your changes are kept)"))

        self.app.push_screen(ChoiceDialog(question, choices, cancel="cancel"), answered)

    @work(thread=True, exclusive=True, group="portfolio-save", exit_on_error=False)
    def reopen(self) -> None:
        """Drop this editor's changes and show the file as it is on disk."""
        session, edit, app = self.session, self.edit, self.app
        try:
            edit.discard()
            opening = open_for_editing(session.folder.root, session.results_dir, edit.student_id)
        except (Refused, OSError) as error:
            app.call_from_thread(self._not_saved, str(error))
            return
        app.call_from_thread(self._reopened, opening)

    def _reopened(self, opening: EditorOpening) -> None:
        self.opening, self.edit = opening, opening.edit
        self._changes += 1
        self._last_box.clear()
        self.run_worker(self._rebuild(), group="portfolio-rebuild")

    async def _rebuild(self) -> None:
        await self.recompose()
        self.on_mount()
        self._status(_("Showing the file as it is now (your changes were dropped)"))

    # -- pictures and removing a piece ---------------------------------------------------------

    def on_paste(self, event: events.Paste) -> None:
        """A paste (or files dragged onto the window) that no text box took: pictures
        become new pieces; other text goes to the tab's text box."""
        from slc_tui.teacher.pasted_paths import pasted_paths
        from slc_tui.teacher.pictures import looks_like_picture

        event.stop()
        paths = pasted_paths(event.text)
        if paths and all(looks_like_picture(path) for path in paths):
            self.action_show_tab("tab-pieces")
            self._status(_("Copying the picture into the class folder…"))
            self.bring_pictures([str(path) for path in paths], None)
            return
        tabs = self.query(TabbedContent)
        pane = self._tab_pane(tabs.first().active) if tabs else None
        box = pane.main_box() if pane is not None else None
        if box is not None and takes_text(box):
            box.focus()
            box._forward_event(events.Paste(event.text))

    @on(PictureWanted)
    def _picture_wanted(self, message: PictureWanted) -> None:
        from slc_tui.ui.screens.teacher.picture_dialog import PictureDialog

        message.stop()
        index = message.index
        if index is None:
            title = _("Add pictures: one new piece each")
        else:
            title = _("Picture for this piece")
        dialog = PictureDialog(Path.home(), several=index is None, title=title)

        def picked(paths: object) -> None:  # (list[str]: the dialog's answer)
            if isinstance(paths, list) and paths:
                self._status(_("Copying the picture into the class folder…"))
                self.bring_pictures(paths, index)

        self.app.push_screen(dialog, picked)

    @work(thread=True, group="portfolio-picture", exit_on_error=False)
    def bring_pictures(self, paths: list[str], index: int | None) -> None:
        """Check each picture and copy it into the class folder (in a thread)."""
        app = self.app
        for path in paths:
            try:
                brought = self.edit.bring_picture(path)
            except Refused as refused:
                reason = "; ".join(str(problem) for problem in refused.problems)
                app.call_from_thread(self._picture_refused, reason)
                return
            except (OSError, ValueError) as error:
                app.call_from_thread(self._picture_refused, f"{path}: {error}")
                return
            app.call_from_thread(self._picture_brought, index, brought.image, brought.title)

    def _picture_brought(self, index: int | None, image: str, title: str) -> None:
        self.query_one(PiecesPane).use_picture(index, image, title)
        self.app.notify(fill("Picture added: portfolios/{image}", image=image), timeout=5)

    def _picture_refused(self, reason: str) -> None:
        self._status(_("✗ Picture not added"))
        message = fill("Picture not added: {reason}", reason=reason)
        self.app.notify(message, severity="error", timeout=12)

    @on(Button.Pressed, "#piece-remove")
    def _remove_piece(self) -> None:
        pane = self.query_one(PiecesPane)
        if pane.current is None:
            return
        title = pane.current_title()
        if title:
            question = fill(
                "Remove the piece “{title}” and the child's notes about it? "
                "(Its picture stays in the class folder; nothing is saved until you save.)",
                title=title,
            )
        else:
            question = _(
                "Remove the piece “this piece” and the child's notes about it? "
                "(Its picture stays in the class folder; nothing is saved until you save.)"
            )

        def answered(choice: str | None) -> None:
            if choice == "remove":
                pane.remove_current()

        choices = [("keep", _("Keep it")), ("remove", _("✕ Remove the piece"))]
        self.app.push_screen(ChoiceDialog(question, choices, cancel="keep"), answered)

    # -- leaving -------------------------------------------------------------------------------

    @on(Button.Pressed, "#portfolio-close")
    def action_close(self) -> None:
        """Back to the student list; unsaved changes are asked about first."""
        if not self.edit.changed:
            self.dismiss(None)
            return
        question = fill(
            "Your changes to {name}'s portfolio are not saved. (Escape: stay here.)",
            name=self.name_shown,
        )
        choices = [("save", _("Save")), ("keep", _("Keep as draft")), ("drop", _("Throw away"))]

        def answered(choice: str | None) -> None:
            if choice == "save":
                self._close_after_save = True
                self.action_save()
            elif choice == "keep":
                self.keep_and_close(self.edit.snapshot())
            elif choice == "drop":
                self.discard_and_close()

        self.app.push_screen(ChoiceDialog(question, choices, cancel="stay"), answered)

    @work(thread=True, exclusive=True, group="portfolio-save", exit_on_error=False)
    def keep_and_close(self, snapshot: Snapshot) -> None:
        """Keep the changes as a draft (offered back next time), then close."""
        if self._timer is not None:
            self.app.call_from_thread(self._timer.stop)
        self._timer = None
        try:
            self.edit.keep(snapshot, self.session.clock())
        except OSError as error:
            reason = fill("the draft cannot be kept: {error}", error=error)
            self.app.call_from_thread(self._not_saved, reason)
            return
        self.app.call_from_thread(self.dismiss, None)

    @work(thread=True, exclusive=True, group="portfolio-save", exit_on_error=False)
    def discard_and_close(self) -> None:
        """Drop the draft (and the pictures copied in for it), then close."""
        if self._timer is not None:
            self.app.call_from_thread(self._timer.stop)
        self._timer = None
        self.edit.discard()
        self.app.call_from_thread(self.dismiss, None)

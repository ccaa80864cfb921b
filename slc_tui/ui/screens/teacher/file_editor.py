"""What the teacher's editors of a class file share: open it in a thread (offering back a
draft an earlier editor left), keep the edit as a draft while it is typed, save it in a
thread (refusals name the field; a file changed meanwhile is asked about), and ask before
leaving changes unsaved.

A subclass says how to read and write its file (:meth:`FileEditorScreen.read_file`,
:meth:`~FileEditorScreen.write_file`), shows the document (:meth:`~FileEditorScreen.show_document`)
and calls :meth:`~FileEditorScreen.edited` after each change it makes to it. The status
line is ``#editor-status``; the buttons ``#editor-save`` and ``#editor-back``.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from textual import events, on, work
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Button, Input, Static

from slc_tui.core.i18n import N_, _, fill, nfill
from slc_tui.core.json_document import JsonDocument, Refused
from slc_tui.core.problems import Problem
from slc_tui.session import ClassSession
from slc_tui.teacher.drafts import Draft
from slc_tui.teacher.file_edits import FileEdit, Snapshot
from slc_tui.teacher.saving import ChangedOnDisk
from slc_tui.ui.languages import TranslatedBindings
from slc_tui.ui.plain_text import plain
from slc_tui.ui.screens.choice_dialog import ChoiceDialog
from slc_tui.ui.screens.teacher import TEACHER_CSS
from slc_tui.ui.screens.teacher.typing import DeskTyping

D = TypeVar("D", bound=JsonDocument)

#: Seconds after the last change before the draft is written.
DRAFT_AFTER = 0.3
#: What is asked when the file changed on disk meanwhile, by how it changed (``{file}``).
CHANGED_QUESTIONS = {
    "changed": N_(
        "{file} was changed by someone else since it was opened (in another window?). "
        "Replace it with your version, or keep theirs and throw your changes away?"
    ),
    "gone": N_(
        "{file} was moved or deleted since it was opened (in another window?). "
        "Replace it with your version, or keep theirs and throw your changes away?"
    ),
    "exists": N_(
        "{file} already exists: not replaced (in another window?). "
        "Replace it with your version, or keep theirs and throw your changes away?"
    ),
}
#: What the status line says when the teacher answers "Not now".
CHANGED_NOT_SAVED = {
    "changed": N_("Not saved: {file} was changed by someone else since it was opened."),
    "gone": N_("Not saved: {file} was moved or deleted since it was opened."),
    "exists": N_("Not saved: {file} already exists: not replaced."),
}


class FileEditorScreen(TranslatedBindings, Screen[None], Generic[D]):
    """An editor of one class file (see the module's docstring)."""

    CSS_PATH = TEACHER_CSS

    #: The question on leaving with changes unsaved, naming what the file holds (marked
    #: with ``N_``: translated when asked).
    LEAVE_QUESTION = N_("Your changes to the file are not saved. (Escape: stay here.)")

    def __init__(self, session: ClassSession, *, id: str) -> None:
        super().__init__(id=id)
        self.session = session
        self.edit: FileEdit[D] | None = None
        self.saving = False
        self._leave_after_save = False
        self._draft_timer: Timer | None = None
        self._draft_failed = False
        self.typing = DeskTyping(self, self.main_box)

    @property
    def class_name(self) -> str:
        """The class's name, as the class folder was last read."""
        return self.session.folder.info.name

    # -- for subclasses -------------------------------------------------------------------

    def main_box(self) -> Input | None:
        """Where typing goes when no box was typed in yet (docs/typing.md)."""
        return None

    def read_file(self) -> FileEdit[D]:
        """Open the file (in a worker); Refused when it cannot be read."""
        raise NotImplementedError

    def write_file(self, document: D, replace: bool) -> tuple[Problem, ...]:
        """Check and save ``document`` (in a worker); its warnings."""
        raise NotImplementedError

    def show_document(self) -> None:
        """Show :attr:`edit`'s document (just opened, or taken from a draft)."""

    def before_save(self) -> None:
        """Finish whatever is half-typed before a save."""

    def show_refused(self, problems: tuple[Problem, ...]) -> None:
        """Point at the field the first of ``problems`` names."""

    def after_save(self) -> None:
        """The file was saved and the class read again."""

    def show_unreadable(self) -> None:
        """The file cannot be edited here: nothing should take typing."""

    # -- typing -------------------------------------------------------------------------------

    def route_key(self, key: events.Key) -> bool:
        """Printable keys on a list or a button go to a text box (the app calls this)."""
        return self.typing.route_key(key)

    def say(self, text: str) -> None:
        """Show ``text`` (plain) in the status line."""
        self.query_one("#editor-status", Static).update(plain(text))

    # -- opening ------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="editor-open", exit_on_error=False)
    def open_file(self) -> None:
        """Read the file and look for a draft, in a thread."""
        try:
            edit = self.read_file()
            draft = edit.draft()
        except Refused as refused:
            self.app.call_from_thread(self._unreadable, refused.problems)
            return
        except OSError as error:
            problem = Problem(str(error.filename or ""), "", error.strerror or str(error))
            self.app.call_from_thread(self._unreadable, (problem,))
            return
        self.app.call_from_thread(self._opened, edit, draft)

    def _unreadable(self, problems: tuple[Problem, ...]) -> None:
        first = str(problems[0]) if problems else _("cannot be read")
        self.say(
            fill(
                "⚠ {problem}. Mend the file by hand (or move it away) to edit it here.",
                problem=first,
            )
        )
        self.query_one("#editor-save", Button).disabled = True
        self.show_unreadable()

    def _opened(self, edit: FileEdit[D], draft: Draft | None) -> None:
        self.edit = edit
        if draft is None:
            self._show_opened("")
            return
        when = draft.written.replace("T", " ")[:16]
        question = fill(
            "{file} has changes that were never saved (kept as a draft at {time}). "
            "Carry on with them?",
            file=edit.file,
            time=when,
        )
        if draft.based_on_changed:
            question += " " + fill(
                "{file} was changed since: saving will ask before replacing it.", file=edit.file
            )

        def answered(choice: str | None) -> None:
            if choice == "drop":
                edit.drop_draft()
                self._show_opened(_("The draft was thrown away."))
            elif edit.take_draft(draft):
                self._show_opened(_("Carrying on with the draft: Save keeps it."))
            else:
                self._show_opened(
                    fill("⚠ The draft of {file} could not be read: not used.", file=edit.file)
                )

        self.app.push_screen(
            ChoiceDialog(
                question,
                [("draft", _("Carry on with them")), ("drop", _("Throw them away"))],
                cancel="draft",
            ),
            answered,
        )

    def _show_opened(self, note: str) -> None:
        self.show_document()
        assert self.edit is not None
        self.say(note or fill("Editing {file}: Ctrl+S saves.", file=self.edit.file))
        self.refresh_bindings()

    # -- drafts -------------------------------------------------------------------------------

    def edited(self) -> None:
        """The document was changed: keep it as a draft soon."""
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(DRAFT_AFTER, self._keep_draft)

    def _keep_draft(self) -> None:
        self._draft_timer = None
        if self.edit is not None:
            self.write_draft(self.edit, self.edit.snapshot())

    @work(thread=True, group="editor-draft", exit_on_error=False)
    def write_draft(self, edit: FileEdit[D], snapshot: Snapshot) -> None:
        """Write the draft in a thread (a failure is told once)."""
        try:
            edit.keep(snapshot, self.session.clock())
        except OSError as error:
            if not self._draft_failed:
                self._draft_failed = True
                message = fill(
                    "Your changes can't be kept as a draft ({reason}): save them soon.",
                    reason=error.strerror or error,
                )
                self.app.call_from_thread(self.app.notify, message, severity="warning")

    # -- saving -------------------------------------------------------------------------------

    @on(Button.Pressed, "#editor-save")
    def action_save(self) -> None:
        """Check and save the file (in a thread)."""
        self._save(replace=False)

    def _save(self, replace: bool) -> None:
        edit = self.edit
        if edit is None or self.saving:
            return
        self.before_save()
        if not edit.changed and not replace:
            self.say(fill("Nothing to save: {file} is as it was.", file=edit.file))
            if self._leave_after_save:
                self.dismiss(None)
            return
        self.saving = True
        self.say(fill("Saving {file}…", file=edit.file))
        self.save_copy(edit, edit.copy_to_save(), replace)

    @work(thread=True, exclusive=True, group="editor-save", exit_on_error=False)
    def save_copy(self, edit: FileEdit[D], document: D, replace: bool) -> None:
        """Save in a thread, then read the class again (the app shows the change)."""
        try:
            warnings = self.write_file(document, replace)
        except ChangedOnDisk as changed:
            self.app.call_from_thread(self._changed_on_disk, changed)
            return
        except Refused as refused:
            self.app.call_from_thread(self._refused, refused.problems)
            return
        except OSError as error:
            self.app.call_from_thread(self._failed, f"{edit.file}: {error.strerror or error}")
            return
        self.session.refresh()
        self.app.call_from_thread(self._saved, edit, document, warnings)

    def _saved(self, edit: FileEdit[D], document: D, warnings: tuple[Problem, ...]) -> None:
        self.saving = False
        edit.saved(document)
        self.app.clear_notifications()  # (a refusal shown before is out of date)
        when = self.session.clock().strftime("%H:%M:%S")
        if warnings:
            said = nfill(
                "✓ Saved {file} at {time} ({n} warning(s): slc validate lists them).",
                "✓ Saved {file} at {time} ({n} warning(s): slc validate lists them).",
                len(warnings),
                file=edit.file,
                time=when,
            )
        else:
            said = fill("✓ Saved {file} at {time}.", file=edit.file, time=when)
        self.say(said)
        self.after_save()
        if self._leave_after_save:
            self.dismiss(None)

    def _refused(self, problems: tuple[Problem, ...]) -> None:
        self.saving = False
        self._leave_after_save = False
        first = str(problems[0]) if problems else _("refused")
        if len(problems) > 1:
            self.say(
                nfill(
                    "⚠ Not saved: {problem} (and {n} more)",
                    "⚠ Not saved: {problem} (and {n} more)",
                    len(problems) - 1,
                    problem=first,
                )
            )
        else:
            self.say(fill("⚠ Not saved: {problem}", problem=first))
        self.app.notify(
            "\n".join(str(problem) for problem in problems),
            title=_("Not saved: nothing was written"),
            severity="error",
            timeout=15,
        )
        self.show_refused(problems)

    def _failed(self, message: str) -> None:
        self.saving = False
        self._leave_after_save = False
        self.say(fill("⚠ Not saved: {reason}. Your changes are kept as a draft.", reason=message))
        self.app.notify(fill("Not saved: {reason}", reason=message), severity="error", timeout=15)

    def _changed_on_disk(self, changed: ChangedOnDisk) -> None:
        self.saving = False
        edit = self.edit
        if edit is None:
            return
        question = fill(CHANGED_QUESTIONS[changed.how], file=edit.file)
        not_saved = fill(CHANGED_NOT_SAVED[changed.how], file=edit.file)

        def answered(choice: str | None) -> None:
            if choice == "replace":
                self._save(replace=True)
                return
            self._leave_after_save = False
            if choice == "theirs":
                edit.drop_draft()
                self.edit = None
                self.say(fill("Reading {file} again…", file=edit.file))
                self.open_file()
            else:
                self.say(not_saved)

        self.app.push_screen(
            ChoiceDialog(
                question,
                [
                    ("replace", _("Replace with mine")),
                    ("theirs", _("Keep theirs")),
                    ("cancel", _("Not now")),
                ],
            ),
            answered,
        )

    # -- leaving ------------------------------------------------------------------------------

    @on(Button.Pressed, "#editor-back")
    def _back_pressed(self) -> None:
        self.action_back()

    def action_back(self) -> None:
        """Back to the desk; unsaved changes are asked about first."""
        edit = self.edit
        if self.saving:
            self._leave_after_save = True
            self.say(_("Saving first, then back to the desk…"))
            return
        if edit is None or not edit.changed:
            self.dismiss(None)
            return

        def answered(choice: str | None) -> None:
            if choice == "save":
                self._leave_after_save = True
                self._save(replace=False)
            elif choice == "keep":
                try:
                    edit.keep_draft(self.session.clock())
                except OSError as error:
                    self.say(
                        fill("⚠ The draft can't be kept: {reason}", reason=error.strerror or error)
                    )
                    return
                self.dismiss(None)
            elif choice == "drop":
                edit.drop_draft()
                self.dismiss(None)

        self.app.push_screen(
            ChoiceDialog(
                _(self.LEAVE_QUESTION),
                [("save", _("Save")), ("keep", _("Keep as draft")), ("drop", _("Throw away"))],
                cancel="stay",
            ),
            answered,
        )

"""Prompts: the class's Help prompts for each step, the questions suggested to parents and
the ideas for home, beside the built-in ones of a grade band to copy from.

The teacher picks a list, then types in the box under it: the words go into the list as
they are typed (Enter finishes the prompt, Escape puts it back as it was). Enter or a click
on a prompt edits it; Ctrl+↑/↓ move it, Delete removes it (Ctrl+Z puts it back). Enter or a
click on a built-in prompt copies it. The edit is kept as a draft while it is typed
(:class:`~slc_tui.teacher.file_edits.FileEdit`) and offered back if slc stopped before
Save; Save checks ``prompts.json`` as ``slc validate`` reads it and writes it atomically.
The rules are in :mod:`slc_tui.teacher.prompt_lists`; this screen only shows them.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from slc_tui.core.class_documents import PromptsDocument
from slc_tui.core.default_prompts import GradeBand
from slc_tui.core.i18n import N_, _, fill, nfill, number_text
from slc_tui.core.problems import Problem
from slc_tui.core.text import MAX_TEXT_LENGTH
from slc_tui.session import ClassSession
from slc_tui.teacher.file_edits import FileEdit
from slc_tui.teacher.prompt_lists import (
    LISTS_BY_ID,
    PROMPT_LISTS,
    PromptsEditor,
    Removed,
    default_texts,
    list_at,
    text_problem,
    usual_band,
)
from slc_tui.ui.plain_text import plain
from slc_tui.ui.screens.teacher.file_editor import FileEditorScreen
from slc_tui.ui.screens.teacher.typing import text_box
from slc_tui.ui.widgets.key_footer import KeyFooter

ADD_PLACEHOLDER = N_("Type a new prompt, then Enter")


@dataclass
class Typing:
    """The prompt the box is writing into: ``index`` of ``list_id``; ``before`` is its text
    before (None for a prompt the box is adding)."""

    list_id: str
    index: int
    before: str | None


class PromptsScreen(FileEditorScreen[PromptsDocument]):
    """The class's prompts; Escape goes back to the teacher's desk."""

    LEAVE_QUESTION = N_("Your changes to the prompts are not saved. (Escape: stay here.)")
    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="prompts-back"),
        Binding("ctrl+s", "save", N_("Save"), id="prompts-save"),
        Binding("ctrl+up", "move(-1)", N_("Move up"), id="prompts-move-up"),
        Binding("ctrl+down", "move(1)", N_("Move down"), id="prompts-move-down"),
        Binding("delete", "remove", N_("Remove"), id="prompts-remove"),
        Binding("ctrl+z", "undo", N_("Put back"), id="prompts-undo", show=False),
        Binding("ctrl+r", "copy_all", N_("Copy all built-in"), id="prompts-copy-all", show=False),
    ]

    def __init__(self, session: ClassSession) -> None:
        super().__init__(session, id="prompts")
        self.editor: PromptsEditor | None = None
        self.list_id = PROMPT_LISTS[0].id
        grades = [portfolio.student.grade for portfolio in session.folder.portfolios]
        self.band = usual_band(grades)
        self.typing_into: Typing | None = None
        self.removed: Removed | None = None

    def compose(self) -> ComposeResult:
        """Title, the list and band pickers, the class's list and the built-in one, the
        status line and buttons, footer."""
        with Vertical(id="prompts-box"):
            title = fill("🍎 Prompts — {name}", name=self.class_name)
            yield Static(plain(title), id="prompts-title")
            with Horizontal(id="prompts-pickers"):
                yield Select(
                    [(plist.label, plist.id) for plist in PROMPT_LISTS],
                    value=self.list_id,
                    allow_blank=False,
                    id="prompts-list",
                )
                yield Select(
                    [
                        (fill("Built-in for grades {band}", band=band.value), band)
                        for band in GradeBand
                    ],
                    value=self.band,
                    allow_blank=False,
                    id="prompts-band",
                )
            with Horizontal(id="prompts-columns"):
                with Vertical(id="prompts-class-column"):
                    yield OptionList(id="prompts-class")
                    yield text_box(placeholder=_(ADD_PLACEHOLDER), id="prompts-input")
                    with Horizontal(classes="prompts-buttons"):
                        yield Button(
                            _("▲ Up"),
                            id="prompts-up",
                            compact=True,
                            tooltip=_("Move up (Ctrl+↑)"),
                        )
                        yield Button(
                            _("▼ Down"),
                            id="prompts-down",
                            compact=True,
                            tooltip=_("Move down (Ctrl+↓)"),
                        )
                        yield Button(_("✕ Remove"), id="prompts-remove", compact=True)
                        yield Button(_("↶ Put back"), id="prompts-put-back", compact=True)
                with Vertical(id="prompts-default-column"):
                    yield OptionList(id="prompts-defaults")
                    with Horizontal(classes="prompts-buttons"):
                        yield Button(_("← Copy"), id="prompts-copy", compact=True)
                        yield Button(_("← Copy all (Ctrl+R)"), id="prompts-copy-all", compact=True)
            with Horizontal(classes="editor-bottom"):
                yield Static(_("Reading prompts.json…"), id="editor-status")
                yield Button(_("💾 Save (Ctrl+S)"), id="editor-save", compact=True)
                yield Button(_("Back (Esc)"), id="editor-back", compact=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        """Read the file in a thread; the box has the keyboard."""
        self.query_one("#prompts-input", Input).focus()
        self._show_defaults()
        self._fit_buttons()
        self.open_file()

    def main_box(self) -> Input | None:
        """Typing goes to the prompt box (see docs/typing.md)."""
        return self.query_one("#prompts-input", Input)

    # -- the file (FileEditorScreen calls these) -------------------------------------------

    def read_file(self) -> FileEdit[PromptsDocument]:
        """Open ``prompts.json`` (a new one when the class has none)."""
        from slc_tui.teacher.class_files import open_prompts

        return FileEdit(open_prompts(self.session.folder.root), self.session.results_dir)

    def write_file(self, document: PromptsDocument, replace: bool) -> tuple[Problem, ...]:
        """Save ``prompts.json`` (in a worker)."""
        from slc_tui.teacher.class_files import save_prompts

        return save_prompts(document, replace_changes=replace)

    def show_document(self) -> None:
        """Show the lists of the document just opened (or taken from a draft)."""
        assert self.edit is not None
        self.editor = PromptsEditor(self.edit.document)
        self.typing_into = None
        self.removed = None
        typed = self.query_one("#prompts-input", Input).value  # while the file was read
        self._clear_box()
        self._show_list()
        if typed and self._editable():
            self.query_one("#prompts-input", Input).value = typed  # a new prompt, as typed

    def show_unreadable(self) -> None:
        """``prompts.json`` cannot be read: nothing to type into or copy to."""
        self.query_one("#prompts-input", Input).disabled = True
        self._fit_buttons()

    def before_save(self) -> None:
        """The prompt being typed is finished first."""
        self._finish_typing()

    def show_refused(self, problems: tuple[Problem, ...]) -> None:
        """Go to the list (and prompt) the first problem names."""
        for problem in problems:
            plist, index = list_at(problem.field)
            if plist is not None:
                self._switch_list(plist.id)
                if index is not None and index < len(self._texts()):
                    self.query_one("#prompts-class", OptionList).highlighted = index
                    self.query_one("#prompts-class", OptionList).focus()
                return

    # -- showing ------------------------------------------------------------------------------

    def _texts(self) -> tuple[str, ...]:
        return self.editor.texts(self.list_id) if self.editor is not None else ()

    def _show_list(self, highlight: int | None = None) -> None:
        """Fill the class's column with the list picked (``highlight``: that prompt)."""
        column = self.query_one("#prompts-class", OptionList)
        plist = LISTS_BY_ID[self.list_id]
        texts = self._texts()
        unusable = self.editor.unusable.get(self.list_id) if self.editor is not None else None
        column.border_title = plain(
            fill("This class: {list} ({n})", list=plist.label, n=len(texts))
        )
        column.clear_options()
        if unusable:
            column.add_option(Option(plain(f"⚠ {unusable}"), disabled=True))
        elif texts:
            column.add_options(
                Option(plain(f"{number}. {text}")) for number, text in enumerate(texts, 1)
            )
        else:
            column.add_option(Option(plain(_empty_note(plist.is_step)), disabled=True))
        if texts and not unusable:
            column.highlighted = min(highlight or 0, len(texts) - 1)
        self.query_one("#prompts-input", Input).disabled = self.editor is None or bool(unusable)
        self._fit_buttons()

    def _show_defaults(self) -> None:
        column = self.query_one("#prompts-defaults", OptionList)
        column.border_title = plain(fill("Built-in, grades {band}", band=self.band.value))
        column.clear_options()
        column.add_options(Option(plain(text)) for text in default_texts(self.list_id, self.band))
        column.highlighted = 0 if column.option_count else None

    def _fit_buttons(self) -> None:
        ready = self.editor is not None and self.list_id not in self.editor.unusable
        has_items = ready and bool(self._texts())
        for button_id in ("#prompts-up", "#prompts-down", "#prompts-remove"):
            self.query_one(button_id, Button).disabled = not has_items
        self.query_one("#prompts-put-back", Button).disabled = self.removed is None
        for button_id in ("#prompts-copy", "#prompts-copy-all"):
            self.query_one(button_id, Button).disabled = not ready
        self.refresh_bindings()

    def _highlighted(self) -> int | None:
        column = self.query_one("#prompts-class", OptionList)
        index = column.highlighted
        return index if index is not None and index < len(self._texts()) else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Move and Remove work on the highlighted prompt of the class's list."""
        if action == "move":
            usable = self._editable() and self._highlighted() is not None
            return True if usable else None
        if action == "remove":
            on_list = self.focused is self.query_one("#prompts-class", OptionList)
            return (
                True if on_list and self._editable() and self._highlighted() is not None else None
            )
        if action == "undo":
            return True if self.removed is not None else None
        if action == "copy_all":
            return True if self._editable() else None
        return super().check_action(action, parameters)

    def _editable(self) -> bool:
        return self.editor is not None and self.list_id not in self.editor.unusable

    # -- picking a list or a band ------------------------------------------------------------

    @on(Select.Changed, "#prompts-list")
    def _list_picked(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value != self.list_id:
            self._switch_list(event.value)

    def _switch_list(self, list_id: str) -> None:
        self._finish_typing()
        self.list_id = list_id
        picker = self.query_one("#prompts-list", Select)
        if picker.value != list_id:
            picker.value = list_id
        self._show_list()
        self._show_defaults()

    @on(Select.Changed, "#prompts-band")
    def _band_picked(self, event: Select.Changed) -> None:
        if isinstance(event.value, GradeBand) and event.value != self.band:
            self.band = event.value
            self._show_defaults()

    # -- typing a prompt ----------------------------------------------------------------------

    @on(Input.Changed, "#prompts-input")
    def _typed(self, event: Input.Changed) -> None:
        """The words go into the list as they are typed."""
        editor, typing = self.editor, self.typing_into
        if editor is None or not self._editable():
            return
        if typing is None:
            if not event.value:
                return
            index = editor.add(self.list_id, event.value)
            self.typing_into = typing = Typing(self.list_id, index, None)
            self._show_list(highlight=index)
        elif typing.list_id == self.list_id and event.value != self._texts()[typing.index]:
            editor.set_text(typing.list_id, typing.index, event.value)
            self._show_prompt(typing.index)
        else:
            return
        self._say_typing(typing)
        self.edited()

    def _show_prompt(self, index: int) -> None:
        column = self.query_one("#prompts-class", OptionList)
        column.replace_option_prompt_at_index(index, plain(f"{index + 1}. {self._texts()[index]}"))
        column.highlighted = index

    def _say_typing(self, typing: Typing) -> None:
        number = typing.index + 1
        if typing.before is None:
            self.say(fill("New prompt {number}: Enter ends it, Esc undoes it.", number=number))
        else:
            self.say(fill("Prompt {number}: Enter ends it, Esc undoes it.", number=number))

    @on(Input.Submitted, "#prompts-input")
    def _entered(self) -> None:
        if self.typing_into is None:
            self.say(_("Type a prompt first (or Enter on a prompt in the list to change it)."))
            return
        self._finish_typing()

    def _finish_typing(self) -> None:
        """The prompt being typed is done: an empty one is taken out, a long one named."""
        typing, editor = self.typing_into, self.editor
        if typing is None or editor is None:
            return
        self.typing_into = None
        text = editor.texts(typing.list_id)[typing.index]
        number = typing.index + 1
        if not text.strip():
            editor.remove(typing.list_id, typing.index)
            self.say(_("The empty prompt was left out."))
            self.edited()
        elif text_problem(text):  # too long
            length, limit = number_text(len(text)), number_text(MAX_TEXT_LENGTH)
            self.say(
                fill(
                    "⚠ Prompt {number} is too long ({length} characters; the limit is "
                    "{limit}): Save will refuse it.",
                    number=number,
                    length=length,
                    limit=limit,
                )
            )
        else:
            self.say(fill("Prompt {number} done: Ctrl+S saves the list.", number=number))
        self._clear_box()
        if typing.list_id == self.list_id:
            self._show_list(highlight=typing.index)

    def _cancel_typing(self) -> bool:
        """Escape while typing: the prompt goes back to how it was; True if there was one."""
        typing, editor = self.typing_into, self.editor
        if typing is None or editor is None:
            return False
        self.typing_into = None
        if typing.before is None:
            editor.remove(typing.list_id, typing.index)
            self.say(_("The new prompt was left out."))
        else:
            editor.set_text(typing.list_id, typing.index, typing.before)
            self.say(fill("Prompt {number} is back as it was.", number=typing.index + 1))
        self._clear_box()
        self._show_list(highlight=typing.index)
        self.edited()
        return True

    def _clear_box(self) -> None:
        box = self.query_one("#prompts-input", Input)
        box.value = ""
        box.placeholder = _(ADD_PLACEHOLDER)

    @on(OptionList.OptionSelected, "#prompts-class")
    def _edit_prompt(self, event: OptionList.OptionSelected) -> None:
        """Enter or a click on a prompt: the box changes it."""
        self._finish_typing()
        index = event.option_index
        texts = self._texts()
        if not self._editable() or index >= len(texts):
            return
        self.typing_into = typing = Typing(self.list_id, index, texts[index])
        box = self.query_one("#prompts-input", Input)
        box.value = texts[index]
        box.placeholder = fill("Prompt {number}", number=index + 1)
        box.cursor_position = len(box.value)
        box.focus()
        self._say_typing(typing)

    # -- moving, removing, copying ----------------------------------------------------------

    @on(Button.Pressed, "#prompts-up")
    def _up_pressed(self) -> None:
        self.action_move(-1)

    @on(Button.Pressed, "#prompts-down")
    def _down_pressed(self) -> None:
        self.action_move(1)

    def action_move(self, step: int) -> None:
        """Move the highlighted prompt (or the one being typed) up (-1) or down (1)."""
        typing = self.typing_into
        self._finish_typing()
        index = self._highlighted() if typing is None else typing.index
        if self.editor is None or index is None or not self._editable():
            return
        if index >= len(self._texts()):  # (an empty prompt just left out)
            return
        to = self.editor.move(self.list_id, index, index + step)
        self._show_list(highlight=to)
        self.say(fill("Prompt {number} is now prompt {to}.", number=index + 1, to=to + 1))
        if to != index:
            self.edited()

    @on(Button.Pressed, "#prompts-remove")
    def action_remove(self) -> None:
        """Take the highlighted prompt out (Ctrl+Z or "Put back" undoes it)."""
        self._finish_typing()
        index = self._highlighted()
        if self.editor is None or index is None or not self._editable():
            return
        self.removed = self.editor.remove(self.list_id, index)
        self._show_list(highlight=index)
        self.query_one("#prompts-class", OptionList).focus()
        self.say(fill("Removed “{text}”: Ctrl+Z puts it back.", text=_short(self.removed.text)))
        self.edited()

    @on(Button.Pressed, "#prompts-put-back")
    def action_undo(self) -> None:
        """Put the prompt removed last back where it was."""
        removed, editor = self.removed, self.editor
        if removed is None or editor is None:
            return
        self._finish_typing()
        self.removed = None
        index = editor.put_back(removed)
        self._switch_list(removed.list_id)
        self._show_list(highlight=index)
        self.say(fill("“{text}” is back.", text=_short(removed.text)))
        self.edited()

    @on(OptionList.OptionSelected, "#prompts-defaults")
    @on(Button.Pressed, "#prompts-copy")
    def _copy_pressed(self) -> None:
        column = self.query_one("#prompts-defaults", OptionList)
        texts = default_texts(self.list_id, self.band)
        if column.highlighted is not None and column.highlighted < len(texts):
            self._copy([texts[column.highlighted]])

    @on(Button.Pressed, "#prompts-copy-all")
    def action_copy_all(self) -> None:
        """Copy every built-in prompt of the band into the class's list."""
        self._copy(list(default_texts(self.list_id, self.band)))

    def _copy(self, texts: list[str]) -> None:
        self._finish_typing()
        if self.editor is None or not self._editable():
            return
        added, already = self.editor.copy_in(self.list_id, texts)
        self._show_list(highlight=len(self._texts()) - 1)
        if added:
            self.edited()
        if added and already:
            self.say(
                nfill(
                    "Copied {n} prompt(s); {already} were there already.",
                    "Copied {n} prompt(s); {already} were there already.",
                    added,
                    already=already,
                )
            )
        elif added:
            self.say(
                nfill(
                    "Copied {n} prompt(s) into this class's list.",
                    "Copied {n} prompt(s) into this class's list.",
                    added,
                )
            )
        else:
            self.say(_("Already in this class's list: nothing copied."))

    # -- leaving -------------------------------------------------------------------------------

    def action_back(self) -> None:
        """Escape: first puts back a prompt being typed, then leaves (asking about changes)."""
        if self._cancel_typing():
            return
        super().action_back()


def _empty_note(is_step: bool) -> str:
    if is_step:
        return _("None yet: conferences show the built-in prompts. Type one below or copy one.")
    return _("None yet: conferences show the built-in ones. Type one below or copy one.")


def _short(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= 20 else line[:19] + "…"

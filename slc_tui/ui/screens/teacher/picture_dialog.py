"""Pick pictures for a piece: a file browser that starts at the home folder (folders and
pictures only), or a path pasted, typed or dragged in (terminals type a dragged file's path).

Dismisses with the paths picked (as typed: the teacher service cleans and checks them),
or an empty list.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DirectoryTree, Input, Static

from slc_tui.core.i18n import N_, _, nfill
from slc_tui.teacher.pasted_paths import pasted_paths
from slc_tui.teacher.pictures import looks_like_picture
from slc_tui.ui.languages import TranslatedBindings
from slc_tui.ui.plain_text import plain
from slc_tui.ui.screens.teacher import TEACHER_CSS


class PictureTree(DirectoryTree):
    """Folders and the pictures slc can show; hidden files left out. Backspace shows the
    folder above."""

    BINDINGS = [Binding("backspace", "screen.up", N_("Folder up"), id="picture-tree-up")]

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        """Folders and pictures, not hidden ones."""
        shown = []
        for path in paths:
            if path.name.startswith("."):
                continue
            try:
                if path.is_dir() or (looks_like_picture(path) and path.is_file()):
                    shown.append(path)
            except OSError:
                continue
        return shown


class PictureDialog(TranslatedBindings, ModalScreen[list[str]]):
    """``several``: a drop of several files is taken whole (one piece each)."""

    CSS_PATH = TEACHER_CSS

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="picture-cancel")]

    def __init__(self, start: Path, *, several: bool = True, title: str = "") -> None:
        super().__init__(classes="dialog")
        self.start = start
        self.several = several
        self.title_text = title or _("Add pictures: one new piece each")

    def compose(self) -> ComposeResult:
        """The path box, the folder shown, the tree, the buttons."""
        with Vertical(id="picture-box"):
            yield Static(plain(f"🖼 {self.title_text}"), id="picture-title")
            yield Input(
                placeholder=_("Paste or drag a picture here, or pick one below"),
                id="picture-path",
                select_on_focus=False,
            )
            yield Static("", id="picture-message")
            yield Static(plain(str(self.start)), id="picture-folder")
            yield PictureTree(self.start, id="picture-tree")
            with Horizontal(id="picture-buttons"):
                yield Button(_("Use this picture"), id="picture-use", variant="primary")
                yield Button(_("↑ Folder up (⌫)"), id="picture-folder-up")
                yield Button(_("Cancel (Esc)"), id="picture-cancel")

    def on_mount(self) -> None:
        """A path pasted or dragged in lands in the box: the keyboard starts there."""
        self.query_one("#picture-path", Input).focus()

    def _say(self, text: str) -> None:
        self.query_one("#picture-message", Static).update(plain(text))

    @on(Input.Submitted, "#picture-path")
    @on(Button.Pressed, "#picture-use")
    def _use(self) -> None:
        """The path in the box, else the picture picked in the tree."""
        text = self.query_one("#picture-path", Input).value
        if text.strip():
            self._use_text(text)
            return
        node = self.query_one(PictureTree).cursor_node
        path = node.data.path if node is not None and node.data is not None else None
        if path is not None and not path.is_dir():
            self.dismiss([str(path)])
        else:
            self._say(_("Pick a picture below (Enter on it), or paste its path in the box."))

    def _use_text(self, text: str) -> None:
        paths = pasted_paths(text)
        if len(paths) == 1 and paths[0].is_dir():
            self._open_folder(paths[0])
            self.query_one("#picture-path", Input).value = ""
            return
        if not self.several and len(paths) > 1:
            self._say(
                nfill(
                    "That is {n} files: one picture here, please.",
                    "That is {n} files: one picture here, please.",
                    len(paths),
                )
            )
            return
        self.dismiss([str(path) for path in paths] if len(paths) > 1 else [text])

    @on(Input.Changed, "#picture-path")
    def _typed(self) -> None:
        self._say("")

    @on(DirectoryTree.FileSelected)
    def _file(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self.dismiss([str(event.path)])

    @on(DirectoryTree.DirectorySelected)
    def _folder(self, event: DirectoryTree.DirectorySelected) -> None:
        event.stop()
        self.query_one("#picture-folder", Static).update(plain(str(event.path)))

    @on(Button.Pressed, "#picture-folder-up")
    def action_up(self) -> None:
        """Show the folder above the one shown."""
        tree = self.query_one(PictureTree)
        self._open_folder(Path(tree.path).parent)

    def _open_folder(self, folder: Path) -> None:
        tree = self.query_one(PictureTree)
        tree.path = folder
        self.query_one("#picture-folder", Static).update(plain(str(folder)))
        self._say("")

    @on(Button.Pressed, "#picture-cancel")
    def action_cancel(self) -> None:
        """Nothing picked."""
        self.dismiss([])

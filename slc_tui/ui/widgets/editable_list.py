"""A list of short texts the child or parent can edit, add to and remove from."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input

from slc_tui.core.i18n import N_, _
from slc_tui.core.text import MAX_LINE_LENGTH
from slc_tui.ui.messages import ItemRemoved
from slc_tui.ui.plain_text import plain

#: The "add" box's placeholder when the list is given none.
ADD_PLACEHOLDER = N_("Type a new one and press Enter")


class ItemRow(Horizontal):
    """One editable entry with a remove button (both three rows high: easy to hit)."""

    DEFAULT_CSS = """
    ItemRow { height: auto; }
    ItemRow > Input { width: 1fr; }
    ItemRow > Button { min-width: 7; width: 7; }
    """

    def __init__(self, text: str, placeholder: str) -> None:
        super().__init__()
        self.text = text
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        """The text box and a ✕ button."""
        yield Input(
            self.text,
            placeholder=self.placeholder,
            max_length=MAX_LINE_LENGTH,
            select_on_focus=False,
        )
        yield Button("✕", classes="remove", tooltip=plain(_("Remove this one")))

    @property
    def box(self) -> Input:
        """The row's text box."""
        return self.query_one(Input)


class EditableList(Vertical):
    """Rows of text boxes plus an "add" box; posts :class:`EditableList.Changed` on edits.

    Enter in a row moves to the next row (from the last, to the add box); Enter in the add
    box adds its text. ✕ removes a row, moves the keyboard to a neighbour and posts
    :class:`~slc_tui.ui.messages.ItemRemoved`, whose ``undo`` puts the row back.
    """

    DEFAULT_CSS = """
    EditableList { height: auto; }
    EditableList > .add-row { height: auto; }
    EditableList > .add-row > Input { width: 1fr; }
    EditableList > .add-row > Button { min-width: 9; }
    """

    @dataclass
    class Changed(Message):
        """The items changed; ``items`` is the whole list now."""

        editable_list: EditableList
        items: list[str]

        @property
        def control(self) -> EditableList:
            """The list that changed (lets ``@on(..., "#id")`` match)."""
            return self.editable_list

    def __init__(
        self,
        items: list[str],
        *,
        add_placeholder: str | None = None,
        item_placeholder: str = "",
        max_items: int = 20,
        id: str | None = None,
    ) -> None:
        """``add_placeholder`` is in the active language (by default a general one)."""
        super().__init__(id=id)
        self.initial_items = items
        self.add_placeholder = _(ADD_PLACEHOLDER) if add_placeholder is None else add_placeholder
        self.item_placeholder = item_placeholder
        self.max_items = max_items

    def compose(self) -> ComposeResult:
        """Existing items, then the add box."""
        for item in self.initial_items:
            yield ItemRow(item, self.item_placeholder)
        with Horizontal(classes="add-row"):
            yield Input(
                placeholder=self.add_placeholder,
                max_length=MAX_LINE_LENGTH,
                classes="add-input",
                select_on_focus=False,
            )
            yield Button(plain(_("+ Add")), classes="add")

    @property
    def add_box(self) -> Input:
        """The box a new item is typed into."""
        return self.query_one(".add-input", Input)

    def focus_add_box(self) -> None:
        """Put the cursor in the "add" box (adding is what a child usually wants here)."""
        self.add_box.focus()

    @property
    def items(self) -> list[str]:
        """The current texts, empty ones left out.

        Text still waiting in the add box counts too: words typed are never lost
        because nobody pressed Enter.
        """
        texts = [row.box.value.strip() for row in self.query(ItemRow)]
        pending = self.add_box.value.strip()
        if pending and pending not in texts:
            texts.append(pending)
        return [text for text in texts if text]

    def _changed(self) -> None:
        self.post_message(self.Changed(self, self.items))

    async def add_item(self, text: str) -> bool:
        """Append ``text`` as a new row (False when empty, a duplicate, or the list is full)."""
        text = text.strip()
        rows = [row.box.value.strip() for row in self.query(ItemRow)]
        if not text or text in rows or len(rows) >= self.max_items:
            return False
        await self.mount(ItemRow(text, self.item_placeholder), before=self.query_one(".add-row"))
        self._changed()
        return True

    @on(Input.Submitted, ".add-input")
    @on(Button.Pressed, ".add")
    async def _add_from_box(self, event: Input.Submitted | Button.Pressed) -> None:
        event.stop()
        box = self.add_box
        if await self.add_item(box.value):
            box.value = ""
        box.focus()

    @on(Input.Submitted)
    def _next_box(self, event: Input.Submitted) -> None:
        """Enter in a row: on to the next row, or from the last one to the add box."""
        event.stop()
        rows = list(self.query(ItemRow))
        for index, row in enumerate(rows):
            if row.box is event.input:
                (rows[index + 1].box if index + 1 < len(rows) else self.add_box).focus()
                return

    @on(Button.Pressed, ".remove")
    async def _remove(self, event: Button.Pressed) -> None:
        event.stop()
        row = event.button.parent
        rows = list(self.query(ItemRow))
        if not isinstance(row, ItemRow) or row not in rows:
            return
        index, text = rows.index(row), row.box.value
        rows.remove(row)
        await row.remove()
        # The keyboard goes to the row now in its place, else the one before, else "add".
        neighbour = rows[min(index, len(rows) - 1)].box if rows else self.add_box
        neighbour.focus()
        self._changed()

        async def undo() -> None:
            await self._put_back(index, text)

        self.post_message(ItemRemoved(text.strip() or _("an empty line"), undo))

    async def _put_back(self, index: int, text: str) -> None:
        """Undo a removal: the row goes back at ``index`` (or last) and takes the keyboard."""
        if not self.is_attached:
            return
        rows = list(self.query(ItemRow))
        row = ItemRow(text, self.item_placeholder)
        before = rows[index] if index < len(rows) else self.query_one(".add-row")
        await self.mount(row, before=before)
        row.box.focus()
        self._changed()

    @on(Input.Changed)
    def _edited(self, event: Input.Changed) -> None:
        event.stop()
        self._changed()

"""A list of short texts the child or parent can edit, add to and remove from."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input

from slc_tui.core.text import MAX_LINE_LENGTH


class ItemRow(Horizontal):
    """One editable entry with a remove button."""

    DEFAULT_CSS = """
    ItemRow { height: auto; margin-bottom: 1; }
    ItemRow > Input { width: 1fr; background: $boost; }
    ItemRow > Input:focus { background: $primary 30%; }
    ItemRow > Button { min-width: 5; width: 5; }
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
            compact=True,
            select_on_focus=False,
        )
        yield Button("✕", classes="remove", tooltip="Remove this one", compact=True)


class EditableList(Vertical):
    """Rows of text boxes plus an "add" box; posts :class:`EditableList.Changed` on edits."""

    DEFAULT_CSS = """
    EditableList { height: auto; }
    EditableList > .add-row { height: auto; }
    EditableList > .add-row > Input { width: 1fr; background: $boost; }
    EditableList > .add-row > Input:focus { background: $primary 30%; }
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
        add_placeholder: str = "Type a new one and press Enter",
        item_placeholder: str = "",
        max_items: int = 20,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.initial_items = items
        self.add_placeholder = add_placeholder
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
                compact=True,
                select_on_focus=False,
            )
            yield Button("+ Add", classes="add", compact=True)

    def focus_add_box(self) -> None:
        """Put the cursor in the "add" box (adding is what a child usually wants here)."""
        self.query_one(".add-input", Input).focus()

    @property
    def items(self) -> list[str]:
        """The current texts, empty ones left out.

        Text still waiting in the add box counts too: words typed are never lost
        because nobody pressed Enter.
        """
        texts = [row.query_one(Input).value.strip() for row in self.query(ItemRow)]
        pending = self.query_one(".add-input", Input).value.strip()
        if pending and pending not in texts:
            texts.append(pending)
        return [text for text in texts if text]

    def _changed(self) -> None:
        self.post_message(self.Changed(self, self.items))

    async def add_item(self, text: str) -> bool:
        """Append ``text`` as a new row (False when empty, a duplicate, or the list is full)."""
        text = text.strip()
        rows = [row.query_one(Input).value.strip() for row in self.query(ItemRow)]
        if not text or text in rows or len(rows) >= self.max_items:
            return False
        await self.mount(ItemRow(text, self.item_placeholder), before=self.query_one(".add-row"))
        self._changed()
        return True

    @on(Input.Submitted, ".add-input")
    @on(Button.Pressed, ".add")
    async def _add_from_box(self, event: Input.Submitted | Button.Pressed) -> None:
        event.stop()
        box = self.query_one(".add-input", Input)
        if await self.add_item(box.value):
            box.value = ""
        box.focus()

    @on(Button.Pressed, ".remove")
    async def _remove(self, event: Button.Pressed) -> None:
        event.stop()
        row = event.button.parent
        if isinstance(row, ItemRow):
            await row.remove()
            self._changed()

    @on(Input.Changed)
    def _edited(self, event: Input.Changed) -> None:
        event.stop()
        self._changed()

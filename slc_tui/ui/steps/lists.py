"""``strengths`` and ``next_steps``: lists the child reads out and can change."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input

from slc_tui.core.i18n import N_, _
from slc_tui.core.steps import StepKind
from slc_tui.ui.steps.base import StepBody
from slc_tui.ui.widgets.editable_list import EditableList


class ListStep(StepBody):
    """A step whose content is an editable list of short texts."""

    KIND: ClassVar[StepKind]
    #: The "add" box's placeholder (marked with ``N_``: translated when shown).
    ADD_PLACEHOLDER = N_("Type another one and press Enter")

    def compose(self) -> ComposeResult:
        """The list, scrollable."""
        with VerticalScroll(id="list-scroll", can_focus=False):
            yield EditableList(
                self.conference.items(self.KIND),
                add_placeholder=_(self.ADD_PLACEHOLDER),
                id="items",
            )

    def main_box(self) -> Input:
        """The "add" box: arrive ready to add one more (the others are a Shift+Tab away)."""
        return self.query_one(EditableList).add_box

    def spoken_text(self) -> str:
        """The list as it is now, one item a line."""
        return "\n".join(self.conference.items(self.KIND))

    @on(EditableList.Changed, "#items")
    def _items_changed(self, event: EditableList.Changed) -> None:
        self.conference.set_items(self.KIND, event.items)
        self.edited()


class StrengthsStep(ListStep):
    """What I am good at."""

    KIND = StepKind.STRENGTHS
    HEADLINE = N_("💪 What I am good at (my strengths)")
    ADD_PLACEHOLDER = N_("Add a strength and press Enter")


class NextStepsStep(ListStep):
    """What I want to get better at."""

    KIND = StepKind.NEXT_STEPS
    HEADLINE = N_("🌱 What I am working on (my next steps)")
    ADD_PLACEHOLDER = N_("Add something to get better at and press Enter")

"""``questions``: suggested questions for the parent, and room to type their own."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from slc_tui.core.i18n import N_, _
from slc_tui.core.steps import StepKind
from slc_tui.ui.plain_text import plain
from slc_tui.ui.steps.base import StepBody
from slc_tui.ui.widgets.editable_list import EditableList


class QuestionsStep(StepBody):
    """The parent's turn to ask; a list of ideas helps parents who don't know what to ask."""

    HEADLINE = N_("❓ Grown-ups: what would you like to ask? Pick an idea or type your own.")

    def compose(self) -> ComposeResult:
        """Ideas on the left, the questions asked on the right."""
        with Horizontal(id="questions-layout"):
            with Vertical(id="ideas-column"):
                yield Label(plain(_("Ideas (click to ask)")), classes="column-title")
                yield OptionList(
                    *(
                        Option(plain(text), id=f"q{index}")
                        for index, text in enumerate(self.context.parent_questions)
                    ),
                    id="question-ideas",
                )
            with Vertical(id="asked-column"):
                yield Label(plain(_("Questions we talked about")), classes="column-title")
                with VerticalScroll(can_focus=False):
                    yield EditableList(
                        self.conference.items(StepKind.QUESTIONS),
                        add_placeholder=_("Type your own question and press Enter"),
                        id="asked",
                    )

    def main_box(self) -> Input:
        """The box for the parent's own question: the keyboard starts there."""
        return self.query_one("#asked", EditableList).add_box

    @on(OptionList.OptionSelected, "#question-ideas")
    async def _pick_idea(self, event: OptionList.OptionSelected) -> None:
        text = str(event.option.prompt)
        if await self.query_one("#asked", EditableList).add_item(text):
            self.flash(_("Added ✔"))
        else:
            self.flash(_("Already on the list"))

    @on(EditableList.Changed, "#asked")
    def _asked_changed(self, event: EditableList.Changed) -> None:
        self.conference.set_items(StepKind.QUESTIONS, event.items)
        self.edited()

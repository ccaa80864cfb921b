"""``commitment``: how the parent will help at home, per goal or overall; private follow-up."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Checkbox, Input, Label, OptionList, TextArea
from textual.widgets.option_list import Option

from slc_tui.core.i18n import N_, _, fill
from slc_tui.core.text import MAX_TEXT_LENGTH
from slc_tui.ui.plain_text import plain
from slc_tui.ui.steps.base import StepBody
from slc_tui.ui.widgets.limited_text_area import LimitedTextArea
from slc_tui.ui.widgets.tick_box import TickBox


class CommitmentStep(StepBody):
    """The parent types what they will do at home; ideas are one click away."""

    HEADLINE = N_("🏠 Grown-ups: how will you help at home?")

    def compose(self) -> ComposeResult:
        """Ideas on the left; the commitment and per-goal help on the right; the follow-up
        box across the bottom, always in sight (Space there straight after typing goes to
        the text, not to the box: see ``ui/typing_router.py``)."""
        with Horizontal(id="commitment-layout"):
            with Vertical(id="ideas-column"):
                yield Label(plain(_("Ideas (click to add)")), classes="column-title")
                yield OptionList(
                    *(
                        Option(plain(text), id=f"i{n}")
                        for n, text in enumerate(self.context.commitment_ideas)
                    ),
                    id="commitment-ideas",
                )
            with VerticalScroll(id="commitment-column", can_focus=False):
                yield Label(plain(_("At home, I will…")), classes="column-title")
                yield LimitedTextArea(
                    self.conference.commitment,
                    id="commitment",
                    soft_wrap=True,
                    tab_behavior="focus",
                    placeholder=_("Type here how you will help (any language)"),
                )
                for index, goal, pledge in self.conference.agreed_goals():
                    yield Label(
                        plain(fill("🎯 To help with “{goal}”:", goal=goal.goal or goal.how)),
                        classes="goal-label",
                    )
                    yield Input(
                        pledge,
                        id=f"goal-commitment-{index}",
                        placeholder=_("(optional)"),
                        max_length=MAX_TEXT_LENGTH,
                        classes="goal-commitment",
                        compact=True,
                        select_on_focus=False,
                    )
        yield TickBox(
            plain(_("A grown-up would like a private follow-up with the teacher")),
            self.conference.follow_up,
            id="follow-up",
        )

    def main_box(self) -> TextArea:
        """The parent types here first; the ideas are a Shift+Tab away."""
        return self.query_one("#commitment", TextArea)

    @on(Input.Submitted, ".goal-commitment")
    def _next_box(self, event: Input.Submitted) -> None:
        """Enter in a goal's box: on to the next goal's (from the last, to Next)."""
        boxes = list(self.query(".goal-commitment").results(Input))
        at = boxes.index(event.input) if event.input in boxes else len(boxes)
        (boxes[at + 1] if at + 1 < len(boxes) else self.screen.query_one("#next")).focus()

    def _store(self) -> None:
        self.conference.set_commitment(
            self.query_one("#commitment", TextArea).text,
            {
                int((box.id or "-0").rsplit("-", 1)[1]): box.value
                for box in self.query(".goal-commitment").results(Input)
            },
            self.query_one("#follow-up", Checkbox).value,
        )
        self.edited()

    @on(TextArea.Changed, "#commitment")
    @on(Input.Changed, ".goal-commitment")
    @on(Checkbox.Changed, "#follow-up")
    def _changed(self) -> None:
        self._store()

    @on(OptionList.OptionSelected, "#commitment-ideas")
    def _add_idea(self, event: OptionList.OptionSelected) -> None:
        box = self.query_one("#commitment", TextArea)
        idea = str(event.option.prompt)
        if idea in box.text:
            self.flash(_("Already added"))
            return
        box.text = f"{box.text.rstrip()}\n{idea}".strip() if box.text.strip() else idea
        box.move_cursor(box.document.end)
        self.flash(_("Added ✔ — change the words if you like"))

"""The parts of the portfolio editor but the pieces: the student, strengths and next steps,
goal drafts, this child's own Help prompts.

Each pane changes the :class:`~slc_tui.core.portfolio_document.PortfolioDocument` it is
given as the teacher types (only when a value really differs from the document's, so
filling a box changes nothing) and posts :class:`PortfolioEdited`; the editor screen keeps
the draft and checks the document. Lists are edited one item per line.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from slc_tui.core.fields import GRADES
from slc_tui.core.i18n import N_, _, fill
from slc_tui.core.portfolio_document import PortfolioDocument
from slc_tui.core.steps import STEP_LABELS, StepKind
from slc_tui.ui.plain_text import plain
from slc_tui.ui.screens.teacher.student_dialog import grade_options
from slc_tui.ui.widgets.month_picker import MonthPicker


class PortfolioEdited(Message):
    """A pane changed the document."""


def text_of(obj: Any, key: str) -> str:
    """``obj[key]`` when it is text, else "" (the file may hold anything)."""
    value = obj.get(key) if isinstance(obj, dict) else None
    return value if isinstance(value, str) else ""


def items_of(obj: Any, key: str) -> list[Any]:
    """``obj[key]`` when it is a list, else []."""
    value = obj.get(key) if isinstance(obj, dict) else None
    return value if isinstance(value, list) else []


def as_lines(items: list[Any]) -> str:
    """A list of texts as one line each (a line break inside an item becomes a space)."""
    return "\n".join(" ".join(str(item).splitlines()) for item in items)


def from_lines(text: str) -> list[str]:
    """The non-empty lines of ``text``, trimmed: the items of a list edited one per line."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class EditorPane(Vertical):
    """One part of the editor, editing ``document``."""

    def __init__(self, document: PortfolioDocument, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.document = document

    def main_box(self) -> Input | TextArea | None:
        """Where typing goes when it is typed on something else in this pane."""
        return None

    def edited(self) -> None:
        """Tell the editor the document changed."""
        self.post_message(PortfolioEdited())

    @on(Input.Submitted)
    def _enter_moves_on(self, event: Input.Submitted) -> None:
        """Enter in a one-line box moves to the next thing to fill in."""
        event.stop()
        self.screen.focus_next()


# -- the student ------------------------------------------------------------------------------


class StudentPane(EditorPane):
    """Name, grade, learner statement (the id is shown: it never changes)."""

    def compose(self) -> ComposeResult:
        """The three fields and the id."""
        student = self.document.data.get("student")
        grade = text_of(student, "grade")
        if isinstance(student, dict) and isinstance(student.get("grade"), int):
            grade = str(student["grade"])
        with VerticalScroll(classes="pane-scroll"):
            yield Label(_("Name"), classes="field-label")
            yield Input(
                text_of(student, "name"),
                id="student-name-box",
                select_on_focus=False,
                compact=True,
            )
            yield Label(_("Grade"), classes="field-label")
            yield Select(
                grade_options(),
                value=grade if grade in GRADES else Select.NULL,
                allow_blank=grade not in GRADES,
                prompt=_("— pick a grade —"),
                id="student-grade",
            )
            yield Label(_("Learner statement (how I learn best)"), classes="field-label")
            yield TextArea(text_of(student, "learner"), id="student-learner", soft_wrap=True)
            student_id = text_of(student, "id")
            yield Static(
                plain(fill("Id: {id} (it never changes: their records use it)", id=student_id)),
                id="student-id-note",
            )

    def main_box(self) -> Input | TextArea | None:
        """The name."""
        return self.query_one("#student-name-box", Input)

    @on(Input.Changed, "#student-name-box")
    def _name_typed(self, event: Input.Changed) -> None:
        if event.value != text_of(self.document.data.get("student"), "name"):
            self.document.set_student(name=event.value)
            self.edited()

    @on(Select.Changed, "#student-grade")
    def _grade_picked(self, event: Select.Changed) -> None:
        value = event.value
        student = self.document.data.get("student")
        current = student.get("grade") if isinstance(student, dict) else None
        if isinstance(value, str) and value != current:
            self.document.set_student(grade=value)
            self.edited()

    @on(TextArea.Changed, "#student-learner")
    def _learner_typed(self, event: TextArea.Changed) -> None:
        text = event.text_area.text
        if text != text_of(self.document.data.get("student"), "learner"):
            self.document.set_student(learner=text)
            self.edited()


# -- strengths and next steps -----------------------------------------------------------------


class ListsPane(EditorPane):
    """Strengths and next steps, one per line."""

    def compose(self) -> ComposeResult:
        """Two boxes."""
        data = self.document.data
        yield Label(_("Strengths — one per line"), classes="field-label")
        yield TextArea(as_lines(items_of(data, "strengths")), id="strengths-box")
        yield Label(_("Next steps — one per line"), classes="field-label")
        yield TextArea(as_lines(items_of(data, "next_steps")), id="next-steps-box")

    def main_box(self) -> Input | TextArea | None:
        """The strengths."""
        return self.query_one("#strengths-box", TextArea)

    @on(TextArea.Changed, "#strengths-box")
    def _strengths(self, event: TextArea.Changed) -> None:
        items = from_lines(event.text_area.text)
        if items != items_of(self.document.data, "strengths"):
            self.document.set_strengths(items)
            self.edited()

    @on(TextArea.Changed, "#next-steps-box")
    def _next_steps(self, event: TextArea.Changed) -> None:
        items = from_lines(event.text_area.text)
        if items != items_of(self.document.data, "next_steps"):
            self.document.set_next_steps(items)
            self.edited()


# -- goal drafts ------------------------------------------------------------------------------


class GoalDraftRow(Vertical):
    """One goal draft: what, how, by when; move and remove buttons."""

    def __init__(self, index: int, goal: dict[str, Any], today: date) -> None:
        super().__init__(classes="goal-row")
        self.index = index
        self.goal = goal
        self.today = today

    def compose(self) -> ComposeResult:
        """The three fields and the buttons."""
        number = self.index + 1
        goal, how, by = (_field_label(text) for text in (N_("Goal"), N_("How"), N_("By")))
        with Horizontal(classes="goal-top"):
            yield Label(fill("Goal {number}", number=number), classes="goal-number")
            yield Button("↑", classes="goal-up", tooltip=_("Move up"))
            yield Button("↓", classes="goal-down", tooltip=_("Move down"))
            yield Button("✕", classes="goal-remove", tooltip=_("Remove this goal"))
        with Horizontal(classes="goal-line"):
            yield goal
            yield Input(
                text_of(self.goal, "goal"),
                placeholder=_("What they want to get better at"),
                classes="goal-goal",
                select_on_focus=False,
                compact=True,
            )
        with Horizontal(classes="goal-line"):
            yield how
            yield Input(
                text_of(self.goal, "how"),
                placeholder=_("How they will get there"),
                classes="goal-how",
                select_on_focus=False,
                compact=True,
            )
        with Horizontal(classes="goal-line"):
            yield by
            yield MonthPicker(text_of(self.goal, "by"), self.today, classes="goal-by")


#: The goal rows' labels ("Goal", "How", "By") are this wide, or as wide as the longest
#: translated one and a space.
GOAL_LABEL_WIDTH = 5


def _field_label(text: str) -> Label:
    """A goal row's label in the active language, as wide as the longest of them."""
    longest = max(cell_len(_(label)) for label in (N_("Goal"), N_("How"), N_("By")))
    label = Label(_(text), classes="goal-field-label")
    if longest + 1 > GOAL_LABEL_WIDTH:
        label.styles.width = longest + 1
    return label


class GoalsPane(EditorPane):
    """The goal drafts the child starts from (they can change them in the conference)."""

    BINDINGS = [Binding("ctrl+n", "add_goal", N_("New goal"), id="portfolio-new-goal")]

    def __init__(self, document: PortfolioDocument, today: date, **kwargs: Any) -> None:
        super().__init__(document, **kwargs)
        self.today = today

    def compose(self) -> ComposeResult:
        """The rows and an add button."""
        with VerticalScroll(id="goals-list", classes="pane-scroll"):
            yield from self._rows()
            yield Button(_("+ Add a goal draft (Ctrl+N)"), id="goal-add")

    def _rows(self) -> list[GoalDraftRow]:
        goals = items_of(self.document.data, "goals")
        return [GoalDraftRow(index, goal, self.today) for index, goal in enumerate(goals)]

    def main_box(self) -> Input | TextArea | None:
        """The first goal."""
        return next(iter(self.query(".goal-goal").results(Input)), None)

    async def rebuild(self, focus: int) -> None:
        """Show the goals again after one was added, moved or removed; the keyboard goes
        to goal ``focus`` (to the add button when there is no such goal)."""
        scroll = self.query_one("#goals-list", VerticalScroll)
        await self.query(GoalDraftRow).remove()
        await scroll.mount_all(self._rows(), before="#goal-add")
        boxes = list(self.query(".goal-goal").results(Input))
        if 0 <= focus < len(boxes):
            boxes[focus].focus()
        else:
            self.query_one("#goal-add", Button).focus()

    @on(Button.Pressed, "#goal-add")
    async def action_add_goal(self) -> None:
        """A new empty goal at the end; the keyboard goes to it."""
        index = self.document.add_goal("")
        self.edited()
        await self.rebuild(focus=index)

    @on(Button.Pressed, ".goal-up, .goal-down, .goal-remove")
    async def _row_button(self, event: Button.Pressed) -> None:
        row = next(a for a in event.button.ancestors if isinstance(a, GoalDraftRow))
        count = len(items_of(self.document.data, "goals"))
        if event.button.has_class("goal-remove"):
            self.document.remove_goal(row.index)
            target = min(row.index, count - 2)
        else:
            target = row.index + (-1 if event.button.has_class("goal-up") else 1)
            if not 0 <= target < count:
                return
            self.document.move_goal(row.index, target)
        self.edited()
        await self.rebuild(focus=target)

    @on(Input.Changed, ".goal-goal, .goal-how")
    def _typed(self, event: Input.Changed) -> None:
        row = next(a for a in event.input.ancestors if isinstance(a, GoalDraftRow))
        key = "goal" if event.input.has_class("goal-goal") else "how"
        goals = items_of(self.document.data, "goals")
        if row.index < len(goals) and event.value != text_of(goals[row.index], key):
            self.document.update_goal(row.index, **{key: event.value})
            self.edited()

    @on(Select.Changed, ".goal-by")
    def _month(self, event: Select.Changed) -> None:
        row = next(a for a in event.select.ancestors if isinstance(a, GoalDraftRow))
        goals = items_of(self.document.data, "goals")
        value = event.value if isinstance(event.value, str) else ""
        if row.index < len(goals) and value != text_of(goals[row.index], "by"):
            self.document.update_goal(row.index, by=value)
            self.edited()


# -- this child's own prompts -----------------------------------------------------------------


class PromptsPane(EditorPane):
    """The Help prompts of one step at a time (one per line)."""

    def _first_step(self) -> str:
        """The first step this child has prompts for (My work when none)."""
        prompts = self.document.data.get("prompts")
        for kind in STEP_LABELS:
            if items_of(prompts, kind.value):
                return kind.value
        return StepKind.PIECE.value

    def compose(self) -> ComposeResult:
        """A step picker, a hint, the step's prompts."""
        first = self._first_step()
        yield Label(_("Step"), classes="field-label")
        yield Select(self._step_options(), value=first, allow_blank=False, id="prompt-step")
        yield Static(
            _(
                "This child's own Help prompts for the step, one per line. "
                "Without any, Help shows the class's prompts."
            ),
            id="prompts-hint",
        )
        yield TextArea(self._text(first), id="child-prompts-box")

    def _step_options(self) -> list[tuple[str, str]]:
        options = []
        for kind, label in STEP_LABELS.items():
            count = len(items_of(self.document.data.get("prompts"), kind.value))
            shown = _(label)
            options.append((f"{shown} ({count})" if count else shown, kind.value))
        return options

    def _text(self, step: str) -> str:
        return as_lines(items_of(self.document.data.get("prompts"), step))

    @property
    def step(self) -> str:
        """The step whose prompts are shown."""
        value = self.query_one("#prompt-step", Select).value
        return value if isinstance(value, str) else StepKind.PIECE.value

    def main_box(self) -> Input | TextArea | None:
        """The prompts."""
        return self.query_one("#child-prompts-box", TextArea)

    @on(Select.Changed, "#prompt-step")
    def _step_changed(self) -> None:
        box = self.query_one("#child-prompts-box", TextArea)
        with box.prevent(TextArea.Changed):
            box.load_text(self._text(self.step))

    @on(TextArea.Changed, "#child-prompts-box")
    def _typed(self, event: TextArea.Changed) -> None:
        items = from_lines(event.text_area.text)
        step = self.step
        if items != items_of(self.document.data.get("prompts"), step):
            self.document.set_prompts(step, items)
            self.edited()
            select = self.query_one("#prompt-step", Select)
            with select.prevent(Select.Changed):
                select.set_options(self._step_options())
                select.value = step

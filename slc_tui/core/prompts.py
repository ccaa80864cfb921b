"""Teacher prompts: ``prompts.json`` and the student → class → built-in lookup."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from slc_tui.core.default_prompts import (
    COMMITMENT_IDEAS,
    PARENT_QUESTIONS,
    STEP_PROMPTS,
    grade_band,
)
from slc_tui.core.fields import read_document, read_text_list
from slc_tui.core.portfolio import Portfolio, parse_step_prompts
from slc_tui.core.problems import ProblemList

PROMPTS_FORMAT = "slc-prompts/1"
PromptSource = Literal["student", "class", "default"]
#: Built-in prompts are added when the student's and class's together have fewer than this.
ENOUGH_PROMPTS = 3


@dataclass(frozen=True)
class ClassPrompts:
    """What a class's ``prompts.json`` holds."""

    steps: dict[str, tuple[str, ...]] = field(default_factory=dict)
    parent_questions: tuple[str, ...] = ()
    commitment_ideas: tuple[str, ...] = ()


@dataclass(frozen=True)
class Prompt:
    """One prompting question and where it came from."""

    text: str
    source: PromptSource


def parse_prompts(data: Any, problems: ProblemList) -> ClassPrompts | None:
    """Build :class:`ClassPrompts` from a parsed ``prompts.json``."""
    known = {"steps", "parent_questions", "commitment_ideas"}
    obj = read_document(data, PROMPTS_FORMAT, known, problems)
    if obj is None:
        return None
    return ClassPrompts(
        steps=parse_step_prompts(obj.get("steps"), "steps", problems),
        parent_questions=tuple(read_text_list(obj, "parent_questions", "", problems)),
        commitment_ideas=tuple(read_text_list(obj, "commitment_ideas", "", problems)),
    )


def default_prompts_json(grade: str = "3") -> dict[str, Any]:
    """A ``prompts.json`` object holding the built-in prompts, for a teacher to edit."""
    band = grade_band(grade)
    return {
        "format": PROMPTS_FORMAT,
        "steps": {step: list(texts) for step, texts in STEP_PROMPTS[band].items()},
        "parent_questions": list(PARENT_QUESTIONS[band]),
        "commitment_ideas": list(COMMITMENT_IDEAS[band]),
    }


def _merge(groups: list[tuple[PromptSource, tuple[str, ...]]]) -> list[Prompt]:
    seen: set[str] = set()
    merged: list[Prompt] = []
    for source, texts in groups:
        if source == "default" and len(merged) >= ENOUGH_PROMPTS:
            break
        for text in texts:
            if text.casefold() not in seen:
                seen.add(text.casefold())
                merged.append(Prompt(text, source))
    return merged


def help_prompts(step_id: str, portfolio: Portfolio, class_prompts: ClassPrompts) -> list[Prompt]:
    """The fallback prompts for a step: the student's first, then the class's, then built-ins.

    Built-in prompts (chosen by the student's grade band) are added only when the
    student's and the class's together give fewer than three.
    """
    band = grade_band(portfolio.student.grade)
    return _merge(
        [
            ("student", portfolio.prompts.get(step_id, ())),
            ("class", class_prompts.steps.get(step_id, ())),
            ("default", STEP_PROMPTS[band].get(step_id, ())),
        ]
    )


def parent_questions(portfolio: Portfolio, class_prompts: ClassPrompts) -> list[str]:
    """Suggested questions for the parent: the class's, else the grade band's defaults."""
    if class_prompts.parent_questions:
        return list(class_prompts.parent_questions)
    return list(PARENT_QUESTIONS[grade_band(portfolio.student.grade)])


def commitment_ideas(portfolio: Portfolio, class_prompts: ClassPrompts) -> list[str]:
    """Ideas for how a parent can help at home: the class's, else the defaults."""
    if class_prompts.commitment_ideas:
        return list(class_prompts.commitment_ideas)
    return list(COMMITMENT_IDEAS[grade_band(portfolio.student.grade)])

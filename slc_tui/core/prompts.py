"""Teacher prompts: ``prompts.json`` and the student → class → built-in lookup.

The student's and the class's prompts are shown as the teacher wrote them, in whatever
language that was; the built-in ones (:mod:`slc_tui.core.default_prompts`, English in the
code) are translated into the conference's language: the active one (these are called on
the UI thread, with the conference's language in use), or the ``language`` given.

A list of class prompts that are all built-in ones, copied into ``prompts.json`` (``slc
new-class`` does, in the class's language ``written_in``), counts as built-in: a Spanish
family in an English class reads it in Spanish. A list with prompts the teacher wrote stays
as written, all of it.
"""

from __future__ import annotations

from dataclasses import field
from typing import Any, Literal

from slc_tui.core.default_prompts import (
    COMMITMENT_IDEAS,
    PARENT_QUESTIONS,
    STEP_PROMPTS,
    grade_band,
)
from slc_tui.core.fast_dataclass import fast_dataclass
from slc_tui.core.fields import read_document, read_text_list
from slc_tui.core.i18n import Translation, active
from slc_tui.core.portfolio import Portfolio, parse_step_prompts
from slc_tui.core.problems import ProblemList

PROMPTS_FORMAT = "slc-prompts/1"
PromptSource = Literal["student", "class", "default"]
#: Built-in prompts are added when the student's and class's together have fewer than this.
ENOUGH_PROMPTS = 3


@fast_dataclass
class ClassPrompts:
    """What a class's ``prompts.json`` holds."""

    steps: dict[str, tuple[str, ...]] = field(default_factory=dict)
    parent_questions: tuple[str, ...] = ()
    commitment_ideas: tuple[str, ...] = ()


@fast_dataclass
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


def _translated(texts: tuple[str, ...], language: Translation | None) -> tuple[str, ...]:
    """Built-in ``texts`` in ``language`` (the active language when None)."""
    into = language if language is not None else active()
    return tuple(into.gettext(text) for text in texts)


def _built_in_messages() -> frozenset[str]:
    """Every built-in prompt, question and idea of every grade band (in English)."""
    texts: set[str] = set()
    for band in STEP_PROMPTS.values():
        for prompts in band.values():
            texts.update(prompts)
    for lists in (PARENT_QUESTIONS, COMMITMENT_IDEAS):
        for ideas in lists.values():
            texts.update(ideas)
    return frozenset(texts)


_BUILT_IN = _built_in_messages()


def _as_spoken(
    texts: tuple[str, ...], language: Translation | None, written_in: Translation | None
) -> tuple[str, ...]:
    """The teacher's ``texts`` in ``language`` when every one is a built-in prompt (in
    English, or in ``written_in``, the language the class's prompts were copied in), else
    all as written: one list never mixes the teacher's language and the family's."""
    into = language if language is not None else active()
    back = {}
    if written_in is not None:
        back = {written_in.gettext(message): message for message in _BUILT_IN}
    messages = [text if text in _BUILT_IN else back.get(text) for text in texts]
    if not texts or None in messages:
        return texts
    return tuple(into.gettext(message) for message in messages if message is not None)


def default_prompts_json(grade: str = "3", language: Translation | None = None) -> dict[str, Any]:
    """A ``prompts.json`` object holding the built-in prompts, for a teacher to edit, in
    ``language`` (the active language when None: a new class's should be the class's)."""
    band = grade_band(grade)
    return {
        "format": PROMPTS_FORMAT,
        "steps": {
            step: list(_translated(texts, language)) for step, texts in STEP_PROMPTS[band].items()
        },
        "parent_questions": list(_translated(PARENT_QUESTIONS[band], language)),
        "commitment_ideas": list(_translated(COMMITMENT_IDEAS[band], language)),
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


def help_prompts(
    step_id: str,
    portfolio: Portfolio,
    class_prompts: ClassPrompts,
    language: Translation | None = None,
    written_in: Translation | None = None,
) -> list[Prompt]:
    """The fallback prompts for a step: the student's first, then the class's, then built-ins.

    Built-in prompts (chosen by the student's grade band) are added only when the
    student's and the class's together give fewer than three, in ``language`` (the active
    language when None); the student's and the class's are kept as written.
    """
    band = grade_band(portfolio.student.grade)
    return _merge(
        [
            ("student", _as_spoken(portfolio.prompts.get(step_id, ()), language, written_in)),
            ("class", _as_spoken(class_prompts.steps.get(step_id, ()), language, written_in)),
            ("default", _translated(STEP_PROMPTS[band].get(step_id, ()), language)),
        ]
    )


def parent_questions(
    portfolio: Portfolio,
    class_prompts: ClassPrompts,
    language: Translation | None = None,
    written_in: Translation | None = None,
) -> list[str]:
    """Suggested questions for the parent: the class's (as written, built-in ones in
    ``language``), else the grade band's defaults in ``language`` (the active one when None)."""
    if class_prompts.parent_questions:
        return list(_as_spoken(class_prompts.parent_questions, language, written_in))
    return list(_translated(PARENT_QUESTIONS[grade_band(portfolio.student.grade)], language))


def commitment_ideas(
    portfolio: Portfolio,
    class_prompts: ClassPrompts,
    language: Translation | None = None,
    written_in: Translation | None = None,
) -> list[str]:
    """Ideas for how a parent can help at home: the class's (as written, built-in ones in
    ``language``), else the defaults in ``language`` (the active language when None)."""
    if class_prompts.commitment_ideas:
        return list(_as_spoken(class_prompts.commitment_ideas, language, written_in))
    return list(_translated(COMMITMENT_IDEAS[grade_band(portfolio.student.grade)], language))

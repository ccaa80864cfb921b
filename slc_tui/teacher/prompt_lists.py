"""The class's prompts as lists a teacher edits: one per step, parent questions and ideas for
home; and the built-in defaults of each grade band beside them, to copy from.

:class:`PromptsEditor` changes a :class:`~slc_tui.core.class_documents.PromptsDocument` in
place (every key it does not know stays). A list that ``prompts.json`` holds in a shape slc
cannot edit without losing words (a number among the texts, say) is left alone: the editor
says why and which field.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from slc_tui.core.class_documents import PromptsDocument
from slc_tui.core.default_prompts import (
    COMMITMENT_IDEAS,
    PARENT_QUESTIONS,
    STEP_PROMPTS,
    GradeBand,
    grade_band,
)
from slc_tui.core.fields import json_type
from slc_tui.core.i18n import N_, _, fill, number_text
from slc_tui.core.steps import STEP_LABELS, StepKind
from slc_tui.core.text import MAX_TEXT_LENGTH

PARENT_QUESTIONS_ID = "parent_questions"
COMMITMENT_IDEAS_ID = "commitment_ideas"


@dataclass(frozen=True)
class PromptList:
    """One list of ``prompts.json``: ``field`` is how problems name it (``steps.piece``);
    ``name`` is its name in English, marked with ``N_`` (a step's label for a step)."""

    id: str
    name: str
    field: str

    @property
    def is_step(self) -> bool:
        """True for a step's Help prompts (the others are parent questions and ideas)."""
        return self.field.startswith("steps.")

    @property
    def label(self) -> str:
        """The list's name in the active language: ``Step: Hello``, ``Parent questions``."""
        if self.is_step:
            return fill("Step: {label}", label=_(self.name))
        return _(self.name)


#: Every list, in conference order, then the parent's two.
PROMPT_LISTS: tuple[PromptList, ...] = (
    *(PromptList(kind.value, STEP_LABELS[kind], f"steps.{kind.value}") for kind in StepKind),
    PromptList(PARENT_QUESTIONS_ID, N_("Parent questions"), PARENT_QUESTIONS_ID),
    PromptList(COMMITMENT_IDEAS_ID, N_("Ideas for home"), COMMITMENT_IDEAS_ID),
)
LISTS_BY_ID = {plist.id: plist for plist in PROMPT_LISTS}


def default_texts(list_id: str, band: GradeBand) -> tuple[str, ...]:
    """The built-in prompts of ``band`` for the list ``list_id``."""
    if list_id == PARENT_QUESTIONS_ID:
        return PARENT_QUESTIONS[band]
    if list_id == COMMITMENT_IDEAS_ID:
        return COMMITMENT_IDEAS[band]
    return STEP_PROMPTS[band].get(list_id, ())


def usual_band(grades: Iterable[str]) -> GradeBand:
    """The grade band most of the class is in (3-5 for a class with no students yet)."""
    bands = Counter(grade_band(grade) for grade in grades)
    if not bands:
        return GradeBand.PRIMARY
    order = list(GradeBand)
    return max(bands, key=lambda band: (bands[band], -order.index(band)))


def text_problem(text: str) -> str:
    """Why ``text`` cannot be a prompt ("" when it can)."""
    if not text.strip():
        return _("is empty")
    if len(text) > MAX_TEXT_LENGTH:
        length, limit = number_text(len(text)), number_text(MAX_TEXT_LENGTH)
        return fill(
            "is too long ({length} characters; the limit is {limit})", length=length, limit=limit
        )
    return ""


def list_at(field: str) -> tuple[PromptList | None, int | None]:
    """The list (and item) a problem's field names: ``steps.piece[2]`` → (piece, 2)."""
    name, _, rest = field.partition("[")
    plist = next((p for p in PROMPT_LISTS if p.field == name), None)
    index = rest.rstrip("]")
    return plist, int(index) if index.isdigit() else None


@dataclass(frozen=True)
class Removed:
    """A prompt taken out of a list, to put back where it was."""

    list_id: str
    index: int
    text: str


class PromptsEditor:
    """Edits the lists of ``document``; each change is made in the document at once."""

    def __init__(self, document: PromptsDocument) -> None:
        self.document = document
        self._lists: dict[str, list[str]] = {}
        #: Lists that cannot be edited here, and why (``steps.piece: must be …``).
        self.unusable: dict[str, str] = {}
        self._read()

    def _read(self) -> None:
        steps = self.document.data.get("steps")
        steps_problem = ""
        if steps is not None and not isinstance(steps, dict):
            steps_problem = _shape_problem("steps", NOT_AN_OBJECT, steps)
        for plist in PROMPT_LISTS:
            if plist.is_step:
                if steps_problem:
                    self.unusable[plist.id] = steps_problem
                    continue
                value = (steps or {}).get(plist.id)
            else:
                value = self.document.data.get(plist.id)
            if value is None:
                self._lists[plist.id] = []
            elif isinstance(value, list) and all(isinstance(item, str) for item in value):
                self._lists[plist.id] = list(value)
            else:
                self.unusable[plist.id] = _shape_problem(plist.field, NOT_A_LIST, value)

    def texts(self, list_id: str) -> tuple[str, ...]:
        """The prompts of ``list_id`` as the document holds them now."""
        return tuple(self._lists.get(list_id, ()))

    def _write(self, list_id: str) -> None:
        texts = self._lists[list_id]
        if list_id == PARENT_QUESTIONS_ID:
            self.document.set_parent_questions(texts)
        elif list_id == COMMITMENT_IDEAS_ID:
            self.document.set_commitment_ideas(texts)
        else:
            self.document.set_step_prompts(list_id, texts)

    def _editable(self, list_id: str) -> list[str]:
        if list_id in self.unusable:
            raise ValueError(self.unusable[list_id])
        return self._lists[list_id]

    def add(self, list_id: str, text: str) -> int:
        """Add ``text`` at the end of ``list_id``; its index (ValueError: list unusable)."""
        texts = self._editable(list_id)
        texts.append(text)
        self._write(list_id)
        return len(texts) - 1

    def set_text(self, list_id: str, index: int, text: str) -> None:
        """Change prompt ``index`` of ``list_id`` to ``text``."""
        self._editable(list_id)[index] = text
        self._write(list_id)

    def remove(self, list_id: str, index: int) -> Removed:
        """Take prompt ``index`` out of ``list_id`` (:meth:`put_back` undoes it)."""
        text = self._editable(list_id).pop(index)
        self._write(list_id)
        return Removed(list_id, index, text)

    def put_back(self, removed: Removed) -> int:
        """Put a removed prompt back where it was (or at the end); its index now."""
        texts = self._editable(removed.list_id)
        index = min(removed.index, len(texts))
        texts.insert(index, removed.text)
        self._write(removed.list_id)
        return index

    def move(self, list_id: str, index: int, to: int) -> int:
        """Move prompt ``index`` of ``list_id`` to ``to`` (kept within the list); its index."""
        texts = self._editable(list_id)
        to = max(0, min(to, len(texts) - 1))
        if to != index:
            texts.insert(to, texts.pop(index))
            self._write(list_id)
        return to

    def copy_in(self, list_id: str, texts: Iterable[str]) -> tuple[int, int]:
        """Add each of ``texts`` the list does not hold yet (compared ignoring case);
        (how many were added, how many were there already)."""
        current = self._editable(list_id)
        seen = {text.casefold().strip() for text in current}
        added = already = 0
        for text in texts:
            key = text.casefold().strip()
            if key in seen:
                already += 1
                continue
            seen.add(key)
            current.append(text)
            added += 1
        if added:
            self._write(list_id)
        return added, already


NOT_AN_OBJECT = N_(
    "{field}: must be an object, not {type}: mend prompts.json by hand to edit it here"
)
NOT_A_LIST = N_(
    "{field}: must be a list of text, not {type}: mend prompts.json by hand to edit it here"
)


def _shape_problem(field: str, message: str, value: Any) -> str:
    return fill(message, field=field, type=json_type(value))

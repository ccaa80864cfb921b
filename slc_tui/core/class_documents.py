"""``prompts.json`` and ``class.json`` opened for editing (see :mod:`.json_document`)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, Self

from slc_tui.core.classinfo import ClassInfo, parse_class_info
from slc_tui.core.json_document import Checked, JsonDocument, put, text_list
from slc_tui.core.problems import ProblemList
from slc_tui.core.prompts import PROMPTS_FORMAT, ClassPrompts, parse_prompts
from slc_tui.core.steps import STEP_IDS


class PromptsDocument(JsonDocument):
    """The class's ``prompts.json``: Help prompts per step, parent questions, commitment ideas."""

    @classmethod
    def new(cls, *, label: str, path: Path | None = None) -> Self:
        """An empty ``prompts.json`` (its file does not exist yet)."""
        return cls({"format": PROMPTS_FORMAT}, label=label, path=path)

    def set_step_prompts(self, step_id: str, texts: Iterable[str]) -> None:
        """Replace the class's Help prompts for ``step_id`` (ValueError if not a step)."""
        if step_id not in STEP_IDS:
            raise ValueError(f"{step_id!r} is not a step id")
        put(self._object("steps"), step_id, text_list(texts))

    def set_parent_questions(self, texts: Iterable[str]) -> None:
        """Replace the questions suggested to parents."""
        put(self.data, "parent_questions", text_list(texts))

    def set_commitment_ideas(self, texts: Iterable[str]) -> None:
        """Replace the ideas for how a family can help at home."""
        put(self.data, "commitment_ideas", text_list(texts))

    def check(self) -> Checked[ClassPrompts]:
        """Read the text this document would write as ``slc validate`` reads the file."""
        problems = ProblemList(self.label)
        text, data = self.checked_text(problems)
        prompts = None if problems.has_errors else parse_prompts(data, problems)
        return Checked(text, prompts, problems)


class ClassDocument(JsonDocument):
    """The class's ``class.json``: name, teacher, term, minutes, language and paper size."""

    @classmethod
    def new(cls, info: ClassInfo, *, label: str, path: Path | None = None) -> Self:
        """The ``class.json`` of ``info`` (its file does not exist yet)."""
        return cls(info.to_json(), label=label, path=path)

    def set_settings(
        self,
        *,
        name: str | None = None,
        teacher: str | None = None,
        term: str | None = None,
        minutes: int | str | None = None,
        language: str | None = None,
        paper: str | None = None,
    ) -> None:
        """Change any of the class's settings; the others stay as they are.

        ``minutes`` given as text (what an editor's box holds: ``"20"``, ``"twenty"``) is
        kept as a number when it is one, else as the text, so :meth:`check` names it.
        """
        if isinstance(minutes, str):
            number = minutes.strip()
            minutes = int(number) if number.isascii() and number.isdigit() else minutes
        changes: dict[str, Any] = {
            "name": name,
            "teacher": teacher,
            "term": term,
            "minutes": minutes,
            "language": language,
            "paper": paper,
        }
        for key, value in changes.items():
            if value is not None:
                put(self.data, key, value)

    def check(self) -> Checked[ClassInfo]:
        """Read the text this document would write as ``slc validate`` reads the file."""
        problems = ProblemList(self.label)
        text, data = self.checked_text(problems)
        info = None if problems.has_errors else parse_class_info(data, problems)
        return Checked(text, info, problems)

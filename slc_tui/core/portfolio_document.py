"""A portfolio file opened for editing: the student, pieces, choices, goals and prompts.

Pieces and goals are addressed by their position in the file's lists, the same position
problems name (``pieces[2].title``) and :attr:`Piece.index <slc_tui.core.portfolio.Piece>`
holds. Piece ids never change once made: conference records refer to them.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, Self

from slc_tui.core.fields import join
from slc_tui.core.ids import slug, unique_id
from slc_tui.core.json_document import (
    Checked,
    JsonDocument,
    Refused,
    move_item,
    put,
    text_list,
)
from slc_tui.core.portfolio import (
    PIECE_NOTE_FIELDS,
    PORTFOLIO_FORMAT,
    Portfolio,
    RealPaths,
    parse_portfolio,
)
from slc_tui.core.problems import Problem, ProblemList
from slc_tui.core.steps import STEP_IDS

#: The text fields of a piece that the editor changes (its ``id`` stays).
PIECE_FIELDS = ("title", "subject", "date", "image", *PIECE_NOTE_FIELDS)
#: The fields of a goal.
GOAL_FIELDS = ("goal", "how", "by")


class PortfolioDocument(JsonDocument):
    """``portfolios/ID.json`` as written, with the edits a teacher makes."""

    @classmethod
    def new(
        cls, student_id: str, name: str, grade: str, *, label: str, path: Path | None = None
    ) -> Self:
        """A new portfolio with no pieces yet (its file does not exist)."""
        data: dict[str, Any] = {
            "format": PORTFOLIO_FORMAT,
            "student": {"id": student_id, "name": name, "grade": grade},
            "pieces": [],
        }
        return cls(data, label=label, path=path)

    # -- the student ---------------------------------------------------------------------------

    def set_student(
        self, *, name: str | None = None, grade: str | None = None, learner: str | None = None
    ) -> None:
        """Change the student's name, grade or learner statement (the id stays)."""
        student = self._object("student")
        for key, value in (("name", name), ("grade", grade), ("learner", learner)):
            if value is not None:
                put(student, key, value)

    # -- pieces --------------------------------------------------------------------------------

    def piece_ids(self) -> list[str]:
        """The ids of the pieces in the file, in order (items without a text id left out)."""
        pieces = self.data.get("pieces")
        if not isinstance(pieces, list):
            return []
        return [p["id"] for p in pieces if isinstance(p, dict) and isinstance(p.get("id"), str)]

    def add_piece(self, title: str, *, piece_id: str | None = None, **fields: str) -> int:
        """Add a piece at the end; returns its position.

        Without ``piece_id`` the id is made from the title, unique in this portfolio.
        ``fields`` are any of :data:`PIECE_FIELDS` but ``title``; empty ones are left out.
        """
        _check_keys(fields, PIECE_FIELDS)
        pieces = self._list("pieces")
        made = piece_id or unique_id(slug(title, fallback="piece"), set(self.piece_ids()))
        piece: dict[str, Any] = {"id": made, "title": title}
        for key in PIECE_FIELDS:
            if key in fields:
                put(piece, key, fields[key])
        pieces.append(piece)
        return len(pieces) - 1

    def update_piece(self, index: int, **fields: str) -> None:
        """Change fields of the piece at ``index`` (any of :data:`PIECE_FIELDS`)."""
        _check_keys(fields, PIECE_FIELDS)
        piece = self._item("pieces", index)
        for key, value in fields.items():
            put(piece, key, value)

    def remove_piece(self, index: int) -> None:
        """Remove the piece at ``index``; its id leaves ``chosen`` too."""
        pieces = self._list("pieces")
        removed = pieces.pop(index)
        chosen = self.data.get("chosen")
        if isinstance(removed, dict) and isinstance(chosen, list):
            chosen[:] = [item for item in chosen if item != removed.get("id")]

    def move_piece(self, index: int, to: int) -> None:
        """Move the piece at ``index`` to position ``to``."""
        move_item(self._list("pieces"), index, to)

    def set_chosen(self, piece_ids: Iterable[str]) -> None:
        """Pre-choose the pieces the child talks about (at most three, in order)."""
        put(self.data, "chosen", text_list(piece_ids))

    # -- strengths, next steps, goals, prompts -------------------------------------------------

    def set_strengths(self, texts: Iterable[str]) -> None:
        """Replace the strengths."""
        put(self.data, "strengths", text_list(texts))

    def set_next_steps(self, texts: Iterable[str]) -> None:
        """Replace the next steps."""
        put(self.data, "next_steps", text_list(texts))

    def add_goal(self, goal: str, how: str = "", by: str = "") -> int:
        """Add a goal draft at the end; returns its position."""
        goals = self._list("goals")
        item: dict[str, Any] = {"goal": goal}
        put(item, "how", how)
        put(item, "by", by)
        goals.append(item)
        return len(goals) - 1

    def update_goal(
        self, index: int, *, goal: str | None = None, how: str | None = None, by: str | None = None
    ) -> None:
        """Change the goal draft at ``index``."""
        item = self._item("goals", index)
        for key, value in (("goal", goal), ("how", how), ("by", by)):
            if value is not None:
                put(item, key, value)

    def remove_goal(self, index: int) -> None:
        """Remove the goal draft at ``index``."""
        self._list("goals").pop(index)

    def move_goal(self, index: int, to: int) -> None:
        """Move the goal draft at ``index`` to position ``to``."""
        move_item(self._list("goals"), index, to)

    def set_prompts(self, step_id: str, texts: Iterable[str]) -> None:
        """Replace this child's own Help prompts for ``step_id`` (ValueError if not a step)."""
        if step_id not in STEP_IDS:
            raise ValueError(f"{step_id!r} is not a step id")
        put(self._object("prompts"), step_id, text_list(texts))

    # -- checking ------------------------------------------------------------------------------

    def check(self, class_root: Path, paths: RealPaths | None = None) -> Checked[Portfolio]:
        """Read the text this document would write as ``slc validate`` reads the file.

        Picture paths are resolved (they must exist inside ``class_root``) but the pictures
        are not decoded here. A ``student.id`` that differs from the file's name is a warning.
        """
        problems = ProblemList(self.label)
        text, data = self.checked_text(problems)
        portfolio = None
        if not problems.has_errors:
            portfolio_dir = self.path.parent if self.path else class_root
            portfolio = parse_portfolio(
                data, problems, portfolio_dir=portfolio_dir, class_root=class_root, paths=paths
            )
        path = self.path
        if portfolio is not None and path is not None and portfolio.student.id != path.stem:
            problems.warning(
                "student.id", f"is {portfolio.student.id!r} but the file is {path.name}"
            )
        return Checked(text, portfolio, problems)

    # -- helpers -------------------------------------------------------------------------------

    def _item(self, key: str, index: int) -> dict[str, Any]:
        """The object at ``index`` of the list under ``key`` (Refused when not an object)."""
        items = self._list(key)
        value = items[index]
        if not isinstance(value, dict):
            field = join(key, index if index >= 0 else len(items) + index)
            raise Refused([Problem(self.label, field, "must be an object: mend the file by hand")])
        return value


def _check_keys(fields: dict[str, str], allowed: tuple[str, ...]) -> None:
    unknown = sorted(set(fields) - set(allowed))
    if unknown:
        raise ValueError(f"not a field slc edits: {', '.join(unknown)}")

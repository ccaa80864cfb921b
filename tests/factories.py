"""Builders for class folders, portfolios and images used across the test suite.

Plain functions (no pytest): ``make_class(tmp_path, portfolios=[...])`` writes a whole
class folder; ``portfolio_data()`` / ``piece_data()`` build the JSON objects to put in it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

#: A fixed moment for tests that need "now" (no microseconds: records keep seconds).
FIXED_NOW = datetime(2026, 11, 22, 14, 3, 11)

DEFAULT_PIECES = ("butterfly", "story", "arrays")


def write_png(path: Path, size: tuple[int, int] = (4, 4), color: str = "orange") -> Path:
    """Write a tiny PNG at ``path`` (parents created)."""
    from PIL import Image

    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, color).save(path, format="PNG")
    return path


def write_json(path: Path, data: Any, *, bom: bool = False) -> Path:
    """Write ``data`` as UTF-8 JSON (optionally with a byte-order mark)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, indent=2)
    path.write_bytes(("\ufeff" if bom else "").encode("utf-8") + text.encode("utf-8"))
    return path


def piece_data(piece_id: str, *, student_id: str = "maya", **changes: Any) -> dict[str, Any]:
    """A valid piece object; ``image`` defaults to ``STUDENT/PIECE.png``."""
    piece: dict[str, Any] = {
        "id": piece_id,
        "title": f"My {piece_id}",
        "subject": "Science",
        "date": "2026-10-03",
        "image": f"{student_id}/{piece_id}.png",
        "why_chosen": f"I chose {piece_id} because I worked hard.",
        "what_i_did": "I drew each stage.",
        "skills": "Observing, labelling.",
        "proud_of": "The colours.",
        "next_time": "Add more detail.",
    }
    piece.update(changes)
    return piece


def portfolio_data(
    student_id: str = "maya",
    *,
    name: str = "Maya López",
    grade: str | int = "2",
    pieces: Iterable[str] | list[dict[str, Any]] = DEFAULT_PIECES,
    **changes: Any,
) -> dict[str, Any]:
    """A valid ``slc-portfolio/1`` object. ``pieces`` may be ids or full piece objects."""
    piece_list = [
        piece if isinstance(piece, dict) else piece_data(piece, student_id=student_id)
        for piece in pieces
    ]
    data: dict[str, Any] = {
        "format": "slc-portfolio/1",
        "student": {
            "id": student_id,
            "name": name,
            "grade": grade,
            "learner": "I learn best by building things.",
        },
        "pieces": piece_list,
        "strengths": ["I am kind.", "I keep trying."],
        "next_steps": ["Neat handwriting."],
        "goals": [{"goal": "Read a chapter book.", "how": "Read every night.", "by": "2027-03"}],
    }
    data.update(changes)
    return data


def class_data(**changes: Any) -> dict[str, Any]:
    """A valid ``class.json`` object."""
    data: dict[str, Any] = {
        "format": "slc-class/1",
        "name": "Room 12",
        "teacher": "Ms. Okafor",
        "term": "Fall 2026",
        "minutes": 20,
        "language": "en",
    }
    data.update(changes)
    return data


def make_class(
    root: Path,
    portfolios: Iterable[Mapping[str, Any]] | Mapping[str, Any] = (),
    *,
    class_info: Mapping[str, Any] | None = None,
    prompts: Mapping[str, Any] | None = None,
    images: bool = True,
) -> Path:
    """Write a class folder at ``root`` and return it.

    ``portfolios`` is a list of portfolio objects (written as ``portfolios/ID.json``
    by student id) or a mapping ``{file stem: object}`` to choose the file names.
    With ``images`` every relative piece image that stays inside the folder is
    created as a tiny PNG.
    """
    root.mkdir(parents=True, exist_ok=True)
    write_json(root / "class.json", dict(class_info) if class_info is not None else class_data())
    if prompts is not None:
        write_json(root / "prompts.json", dict(prompts))
    folder = root / "portfolios"
    folder.mkdir(exist_ok=True)
    if isinstance(portfolios, Mapping):
        named = list(portfolios.items())
    else:
        named = [(str(p["student"]["id"]), p) for p in portfolios]
    for stem, data in named:
        write_json(folder / f"{stem}.json", dict(data))
        if images:
            _write_piece_images(folder, data)
    return root


def _write_piece_images(folder: Path, data: Mapping[str, Any]) -> None:
    pieces = data.get("pieces")
    if not isinstance(pieces, list):
        return
    for piece in pieces:
        image = piece.get("image") if isinstance(piece, dict) else None
        if not isinstance(image, str) or not image or image.startswith("/") or ".." in image:
            continue
        target = folder / image
        if not target.exists():
            write_png(target)


def record_data(
    student_id: str = "maya",
    *,
    started: str = "2026-11-22T15:30:00",
    minutes: int = 18,
    done: bool = True,
    follow_up: bool = False,
    commitment: str = "We will read together every night.",
    record_id: str | None = None,
    **changes: Any,
) -> dict[str, Any]:
    """A saved ``slc-record/1`` conference of ``student_id`` (finished ``minutes`` after
    ``started`` when ``done``), as the app writes it."""
    start = datetime.fromisoformat(started)
    end = (start + timedelta(minutes=minutes)).isoformat(timespec="seconds")
    record: dict[str, Any] = {
        "format": "slc-record/1",
        "id": record_id or f"{student_id}-{start:%Y%m%d%H%M}",
        "student_id": student_id,
        "student_name": student_id.capitalize(),
        "grade": "2",
        "class_name": "Room 12",
        "term": "Fall 2026",
        "status": "done" if done else "in_progress",
        "step": "wrap_up" if done else "strengths",
        "choosing": False,
        "started": started,
        "updated": end,
        "finished": end if done else None,
        "chosen": list(DEFAULT_PIECES),
        "chosen_titles": [f"My {piece}" for piece in DEFAULT_PIECES],
        "said": {"welcome": "I like building things."},
        "strengths": ["I am kind."],
        "next_steps": ["Neat handwriting."],
        "goals": [{"goal": "Read a chapter book.", "how": "Read every night.", "by": "2027-03"}],
        "parent_questions": ["What do you enjoy most?"],
        "commitment": commitment,
        "goal_commitments": ["Take Maya to the library on Saturdays."],
        "follow_up": follow_up,
    }
    record.update(changes)
    return record

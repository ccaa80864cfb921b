"""``roster_import_1000_s`` and ``portfolio_save_p95_ms``: the teacher's services, in process."""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from pathlib import Path

from bench.datagen import FIRST_NAMES, LAST_NAMES, class_json, sentence, write_json

GRADE_CELLS = ("K", "KG", "1", "2", "3rd", "Grade 4", "5", "06", "7", "8", "Year 9", "10")


def write_roster(path: Path, rows: int, seed: int) -> Path:
    """A spreadsheet's class list of ``rows`` students as Excel writes it on Windows:
    ``;``-separated Windows-1252 with First name, Last name and Grade columns (every tenth row
    with a student number), names repeating so that ids must be made unique."""
    rng = random.Random(seed)
    lines = ["First name;Last name;Grade;Student ID"]
    for number in range(rows):
        student_id = f"n{number:05d}" if number % 10 == 0 else ""
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        lines.append(f"{first};{last};{rng.choice(GRADE_CELLS)};{student_id}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


def roster_import_time(class_dir: Path, roster: Path) -> tuple[float, float, int]:
    """Import ``roster`` into the new class ``class_dir`` as ``slc roster import`` does:
    (seconds to plan, seconds to write, portfolios written)."""
    from slc_tui.teacher.roster import apply_roster_import, plan_roster_import

    write_json(class_dir / "class.json", class_json("Imported class"))
    start = time.perf_counter()
    plan = plan_roster_import(class_dir, roster)
    planned = time.perf_counter()
    done = apply_roster_import(plan)
    written = time.perf_counter()
    if plan.refused or done.refused or len(done.created) != len(plan.students):
        raise RuntimeError(f"the import refused rows: {plan.refused_lines()[:3]}")
    return planned - start, written - planned, len(done.created)


def portfolio_save_times(
    class_dir: Path, student_ids: Sequence[str], saves_each: int, seed: int
) -> list[float]:
    """Open each student's portfolio, then edit and save it ``saves_each`` times as the editor
    does (``save_portfolio``: checked, pictures decoded unless unchanged since checked, written
    atomically). The first save of each portfolio decodes its pictures. Seconds per save."""
    from slc_tui.teacher.portfolios import open_portfolio, save_portfolio

    rng = random.Random(seed)
    times: list[float] = []
    for student_id in student_ids:
        document = open_portfolio(class_dir, student_id)
        for number in range(saves_each):
            edit = number % 3
            if edit == 0:
                document.set_strengths([sentence(rng, 6) for _ in range(3)])
            elif edit == 1:
                document.update_piece(number % 4, why_chosen=sentence(rng, 14))
            else:
                document.update_goal(0, how=sentence(rng, 10))
            start = time.perf_counter()
            save_portfolio(class_dir, document)
            times.append(time.perf_counter() - start)
    return times

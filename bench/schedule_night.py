"""``schedule_1000_ms``: ``slc schedule`` planning and writing conference night, in process."""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

#: The night planned: 08:00-20:00 with a lunch break, 44 slots of 15 minutes of 40 families
#: (1,760 places) for the 950 families of the 1,000-student class.
NIGHT: dict[str, Any] = {
    "day": "2026-11-12",
    "start": "08:00",
    "end": "20:00",
    "slot_minutes": 15,
    "families_per_slot": 40,
    "rotate_minutes": None,
    "breaks": ("12:00-13:00",),
}


def write_requests(path: Path, student_ids: Sequence[str], seed: int) -> Path:
    """A requests CSV as a school's form tool exports it (``;``, Windows-1252): every tenth
    pair of students one family, one in five with a requested time or range, one in a hundred a
    private talk."""
    rng = random.Random(seed)
    lines = ["Student ID;Family;Requested time;Private"]
    for number, student_id in enumerate(student_ids):
        family = f"fam-{number // 2}" if number % 20 < 2 else ""
        when = ""
        if rng.random() < 0.2:
            hour = rng.randrange(8, 19)
            when = f"{hour}:{rng.choice(('00', '15', '30', '45'))}"
            if rng.random() < 0.5:
                when += f"-{hour + 1}:30"
        private = "yes" if rng.random() < 0.01 else ""
        lines.append(f"{student_id};{family};{when};{private}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


def schedule_time(class_dir: Path, requests: Path, *, fresh: bool) -> tuple[float, float, int]:
    """Plan ``class_dir``'s night with ``requests`` and write ``schedule.json``,
    ``schedule.ics`` and ``invitations.pdf``, as ``slc schedule`` does (``fresh``: with no
    earlier schedule; else over the one there, keeping its slots): (seconds to plan, seconds
    to write, children placed)."""
    from slc_tui.core.schedule_settings import settings_from_text
    from slc_tui.teacher.schedule import plan_class_schedule, write_schedule

    if fresh:
        for name in ("schedule.json", "schedule.ics", "invitations.pdf"):
            (class_dir / name).unlink(missing_ok=True)
    start = time.perf_counter()
    settings, problems = settings_from_text(**NIGHT)
    if settings is None:
        raise RuntimeError(f"bad settings: {problems}")
    planned = plan_class_schedule(class_dir, settings, requests_file=requests)
    made = time.perf_counter()
    if planned.refusals:
        raise RuntimeError(f"the plan was refused: {planned.refusals[:3]}")
    write_schedule(planned)
    written = time.perf_counter()
    return made - start, written - made, len(planned.plan.placements)

"""``save_*``: the app's autosave (``ClassSession.snapshot`` + ``ClassSession.save``) timed with
few and with many conferences already stored in the class."""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from bench.datagen import sentence


def autosave_times(
    folder: Any, results_dir: Path, student_ids: Sequence[str], saves: int, seed: int
) -> list[float]:
    """Lead conferences of a few of ``student_ids`` (a new one every 10 saves), typing a little
    between autosaves as a family would, and time each autosave. Returns seconds per save.

    ``folder`` is the class folder loaded by ``slc_tui.core.class_folder.load_class_folder``.
    """
    from slc_tui.session import ClassSession

    rng = random.Random(seed)
    moment = datetime(2026, 11, 23, 15, 30)
    session = ClassSession(folder, results_dir, lambda: moment)
    times: list[float] = []
    conference: Any = None
    for number in range(saves):
        if number % 10 == 0:
            conference = session.start(rng.choice(student_ids))
            for piece in conference.portfolio.pieces[: conference.pieces_required]:
                if piece.id not in conference.chosen:
                    conference.toggle_piece(piece.id)
        elif not conference.is_last and number % 3 == 0:
            conference.next(moment)
        conference.say(conference.step.key, sentence(rng, rng.randrange(5, 40)))
        moment += timedelta(seconds=20)
        start = time.perf_counter()
        session.save(session.snapshot(conference), number + 1)
        times.append(time.perf_counter() - start)
    return times

"""A writer process for the store's kill and two-writer tests.

Saves conference-like records through ``ResultsStore`` in a loop and prints one
line per save *after* ``save()`` has returned, flushed at once::

    READY <writer>                       (before the first save)
    ACK <student> <record_id> <seq>      (one per finished save)

``seq`` grows by one per save of this writer (it continues from the highest seq
of the writer's records already on disk, so a restarted writer keeps counting
up) and is stored in the record, so a reader can check that no acknowledged
save went missing. About half the saves update an existing record of this writer
(replacing it with a higher seq); the text of each record has a varying length,
so files grow and shrink.

``--unsafe`` exists only to show that the tests can fail; it swaps in a known-bad
behaviour: ``truncate`` (truncate the file, then write), ``overwrite`` (TinyDB's
stock way: write over the old bytes, fsync, then truncate) or ``nolock`` (no
inter-process lock).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from slc_tui.store import results
from slc_tui.store.results import ResultsStore

MAX_RECORDS_PER_STUDENT = 6
WORDS = ("butterfly", "wings", "colours", "story", "arrays", "Zoë", "中文", "practice", "goal")


def _unsafe_write(mode: str) -> None:
    def write_in_place(path: Path, payload: bytes) -> None:
        if mode == "truncate":
            with open(path, "wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            return
        with open(path, "r+b" if path.exists() else "w+b") as handle:
            handle.seek(0)
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
            handle.truncate()

    def write_file_and_backup(path: Path, backup: Path, payload: bytes) -> None:
        write_in_place(path, payload)
        write_in_place(backup, payload)

    vars(results)["write_file_and_backup"] = write_file_and_backup


@contextlib.contextmanager
def _no_lock(*_args: object, **_kwargs: object) -> Iterator[None]:
    yield


def _text(rng: random.Random, seq: int) -> str:
    """Text whose length swings between a few bytes and a few kilobytes."""
    length = (seq * 37 + rng.randrange(400)) % 600
    return " ".join(rng.choice(WORDS) for _ in range(length))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("results_dir", type=Path)
    parser.add_argument("--writer", required=True)
    parser.add_argument("--students", required=True, help="comma-separated ids")
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--seconds", type=float, default=0.0, help="stop after; 0: never")
    parser.add_argument("--unsafe", choices=("truncate", "overwrite", "nolock"))
    args = parser.parse_args()
    if args.unsafe in ("truncate", "overwrite"):
        _unsafe_write(args.unsafe)
    elif args.unsafe == "nolock":
        vars(results)["student_file_lock"] = _no_lock

    rng = random.Random(args.seed)
    students: list[str] = args.students.split(",")
    store = ResultsStore(args.results_dir)
    mine: dict[str, list[dict[str, Any]]] = {s: [] for s in students}
    seq = 0
    for student in students:
        for record in store.records_for(student):
            if record.get("writer") == args.writer:
                mine[student].append(record)
                seq = max(seq, int(record["seq"]))

    print(f"READY {args.writer}", flush=True)
    deadline = time.monotonic() + args.seconds if args.seconds else None
    while deadline is None or time.monotonic() < deadline:
        seq += 1
        student = rng.choice(students)
        own = mine[student]
        if own and (len(own) >= MAX_RECORDS_PER_STUDENT or rng.random() < 0.5):
            record = rng.choice(own)
        else:
            record = {
                "format": "slc-record/1",
                "id": uuid.UUID(int=rng.getrandbits(128)).hex,
                "student_id": student,
                "writer": args.writer,
                "started": f"2026-11-22T14:{len(own):02d}:00",
                "status": "in_progress",
            }
            own.append(record)
        record.update(seq=seq, step=f"step-{seq}", said={"piece": _text(rng, seq)})
        store.save(record)
        print(f"ACK {student} {record['id']} {seq}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

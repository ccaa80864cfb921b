"""Parent side of the store's subprocess tests: start writers, collect their acks, check."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from slc_tui.store.results import ResultsStore

WRITER_SCRIPT = Path(__file__).with_name("writer.py")


@dataclass
class Acks:
    """Every save a writer acknowledged: the highest acked seq of each record."""

    count: int = 0
    seq_of: dict[str, int] = field(default_factory=dict)
    student_of: dict[str, str] = field(default_factory=dict)

    def add_lines(self, lines: list[str]) -> int:
        """Take in ``ACK <student> <record_id> <seq>`` lines; return how many there were."""
        added = 0
        for line in lines:
            parts = line.split()
            if len(parts) != 4 or parts[0] != "ACK":
                continue
            _, student, record_id, seq = parts
            self.seq_of[record_id] = max(self.seq_of.get(record_id, 0), int(seq))
            self.student_of[record_id] = student
            added += 1
        self.count += added
        return added

    def missing_from(self, store: ResultsStore) -> list[str]:
        """Problems: acknowledged saves that ``store`` does not hold (reading every file)."""
        stored: dict[str, int] = {}
        for student in sorted(set(self.student_of.values())):
            for record in store.records_for(student):  # raises CorruptResultsFile
                stored[str(record["id"])] = int(record["seq"])
        problems = []
        for record_id, seq in sorted(self.seq_of.items()):
            student = self.student_of[record_id]
            if record_id not in stored:
                problems.append(f"{student}/{record_id}: acked seq {seq}, record is gone")
            elif stored[record_id] < seq:
                problems.append(
                    f"{student}/{record_id}: acked seq {seq}, stored {stored[record_id]}"
                )
        return problems


class Writer:
    """One ``writer.py`` subprocess whose stdout lines are collected by a thread."""

    def __init__(
        self,
        results_dir: Path,
        writer: str,
        students: list[str],
        seed: int,
        *,
        seconds: float = 0.0,
        unsafe: str | None = None,
        stderr_path: Path,
    ) -> None:
        command = [
            sys.executable,
            str(WRITER_SCRIPT),
            str(results_dir),
            f"--writer={writer}",
            f"--students={','.join(students)}",
            f"--seed={seed}",
            f"--seconds={seconds}",
        ]
        if unsafe:
            command.append(f"--unsafe={unsafe}")
        self.stderr_path = stderr_path
        self._stderr = open(stderr_path, "ab")  # noqa: SIM115 - closed in finish()
        self.process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=self._stderr, text=True, encoding="utf-8"
        )
        self.lines: list[str] = []
        self._ready = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.startswith("READY"):
                self._ready.set()
            self.lines.append(line.rstrip("\n"))
        self._ready.set()  # at EOF too, so nobody waits forever

    def wait_ready(self, timeout: float = 20.0) -> None:
        """Wait until the writer is about to make its first save (or has died)."""
        if not self._ready.wait(timeout):
            raise TimeoutError(f"writer did not start; see {self.stderr_path}")
        if self.process.poll() is not None and not any(
            line.startswith("READY") for line in self.lines
        ):
            raise RuntimeError(f"writer died at start: {self.stderr_text()}")

    def kill(self) -> None:
        """SIGKILL the writer, without warning."""
        self.process.send_signal(signal.SIGKILL)

    def finish(self, timeout: float = 30.0) -> list[str]:
        """Wait for the process to end and its output to be read; return all lines."""
        try:
            self.process.wait(timeout)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            self._reader.join(timeout)
            self._stderr.close()
        return self.lines

    def stderr_text(self) -> str:
        """What the writer wrote to stderr (for failure messages)."""
        self._stderr.flush()
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")[-2000:]


def wait_all(writers: list[Writer], deadline: float) -> None:
    """Wait for every writer to exit by itself before ``deadline`` (monotonic)."""
    for writer in writers:
        writer.finish(max(0.1, deadline - time.monotonic()))

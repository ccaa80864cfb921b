"""One lock per student's results file (and one for the teacher PIN), shared by threads *and*
processes.

Two copies of the app may run on one class folder (two terminals, or two laptops
on a shared folder). TinyDB has no lock between processes, and every save is a
read-modify-write of the whole file, so without one a save can silently undo
another. :func:`student_file_lock` holds a :class:`filelock.FileLock` on
``<results>/.locks/<student_id>.lock`` for the length of one read-modify-write;
:func:`named_file_lock` does the same for another file of the results folder (the teacher
PIN's checks take turns on ``.locks/teacher.pin.lock``).

The lock files stay behind after use (removing a lock file is itself racy); the
folder is owner-only (0o700), the lock files too (0o600). Locks taken with
``flock`` are released by the operating system if the holder dies, so a killed
writer never blocks the next one. Network file systems may not honour them.
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from slc_tui.core.i18n import fill
from slc_tui.store.private_paths import make_private_dir

__all__ = [
    "DEFAULT_LOCK_TIMEOUT",
    "LOCKS_DIR_NAME",
    "ResultsBusy",
    "named_file_lock",
    "student_file_lock",
]

LOCKS_DIR_NAME = ".locks"
"""The hidden folder, inside the results folder, that holds the lock files."""

DEFAULT_LOCK_TIMEOUT = 10.0
"""Seconds to wait for another writer before giving up with :class:`ResultsBusy`."""

_LOCK_FILE_MODE = 0o600


class ResultsBusy(TimeoutError):
    """Another writer held a student's results file for longer than the timeout.

    A :class:`TimeoutError`, hence an ``OSError``: callers that already catch
    ``OSError`` around a save report it too. ``path`` is the results file that
    could not be locked, ``timeout`` the seconds waited. Nothing was written; the
    save can simply be tried again.
    """

    def __init__(self, path: Path, timeout: float) -> None:
        self.path = Path(path)
        self.timeout = timeout
        message = fill(
            "{file} is being saved by another copy of the app (waited {seconds} s); "
            "try again in a moment",
            file=self.path.name,
            seconds=format(timeout, "g"),
        )
        super().__init__(errno.EBUSY, message)
        self.filename = str(self.path)

    def __str__(self) -> str:
        """The plain-words message (without the ``[Errno …]`` prefix)."""
        return str(self.strerror)


def lock_path_for(results_dir: Path, student_id: str) -> Path:
    """The lock file guarding ``<results_dir>/<student_id>.json``."""
    return Path(results_dir) / LOCKS_DIR_NAME / f"{student_id}.lock"


@contextmanager
def student_file_lock(
    results_dir: Path, student_id: str, timeout: float = DEFAULT_LOCK_TIMEOUT
) -> Iterator[None]:
    """Hold the inter-process lock of one student's results file.

    Creates the locks folder (0o700) and lock file (0o600) when missing. Raises
    :class:`ResultsBusy` after ``timeout`` seconds of waiting. ``student_id``
    must already be validated (it becomes part of a file name).
    """
    target = Path(results_dir) / f"{student_id}.json"
    with _held(lock_path_for(results_dir, student_id), target, timeout):
        yield


@contextmanager
def named_file_lock(
    results_dir: Path, file_name: str, timeout: float = DEFAULT_LOCK_TIMEOUT
) -> Iterator[None]:
    """Hold the inter-process lock of ``results_dir/file_name`` (a name with a dot in it,
    such as ``teacher.pin``, so it can never be a student's lock): ``.locks/NAME.lock``."""
    if "." not in file_name or "/" in file_name:
        raise ValueError(f"not a lockable file name: {file_name!r}")
    lock_file = Path(results_dir) / LOCKS_DIR_NAME / f"{file_name}.lock"
    with _held(lock_file, Path(results_dir) / file_name, timeout):
        yield


@contextmanager
def _held(lock_file: Path, target: Path, timeout: float) -> Iterator[None]:
    import filelock  # here, not at the top: reading results (and starting up) needs no lock

    make_private_dir(lock_file.parent)
    lock = filelock.FileLock(lock_file, timeout=timeout, mode=_LOCK_FILE_MODE)
    try:
        lock.acquire()
    except filelock.Timeout as exc:
        raise ResultsBusy(target, timeout) from exc
    try:
        yield
    finally:
        lock.release()

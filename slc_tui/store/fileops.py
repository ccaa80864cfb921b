"""Small crash-safe file operations used by the results store.

Every operation here either completes or leaves the files it touches as they
were: new content is written to a hidden temporary file in the same folder and
renamed into place with :func:`os.replace`, which readers see as one step.

Temporary files are named ``.<target name>.<random>.tmp`` so that a writer that
was killed part-way leaves something recognisable, which
:func:`remove_stale_temp_files` can clear out later (under the target's lock).
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterable
from pathlib import Path

__all__ = [
    "FileIdentity",
    "file_identity",
    "fsync_directory",
    "keep_copy_under_new_name",
    "remove_stale_temp_files",
    "replace_with_link_or_copy",
    "temp_prefix",
    "write_bytes_atomically",
    "write_file_and_backup",
]

FileIdentity = tuple[int, int, int, int]
"""``(device, inode, size, mtime_ns)``: enough to tell whether a path still names the
very file that was read."""

_PRIVATE_FILE_MODE = 0o600
_NEW_FILE_FLAGS = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)  # Windows: no newline translation
)
_TEMP_NAME_ATTEMPTS = 100


def file_identity(stat: os.stat_result) -> FileIdentity:
    """Return the :data:`FileIdentity` of a ``stat`` result."""
    return stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns


def temp_prefix(target_name: str) -> str:
    """The prefix of every temporary file written on the way to ``target_name``."""
    return f".{target_name}."


def _temp_path(target: Path) -> Path:
    """A new random temporary name next to ``target``: ``.<name>.<12 hex digits>.tmp``."""
    return target.with_name(f"{temp_prefix(target.name)}{os.urandom(6).hex()}.tmp")


def _create_temp_file(target: Path) -> tuple[int, Path]:
    """Create a new temporary file (mode 0o600) next to ``target``; return its fd and path."""
    for _ in range(_TEMP_NAME_ATTEMPTS):
        temp = _temp_path(target)
        try:
            return os.open(temp, _NEW_FILE_FLAGS, _PRIVATE_FILE_MODE), temp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name next to {target}")  # pragma: no cover


def fsync_directory(directory: Path) -> None:
    """Flush a directory entry to disk (best effort; a no-op where unsupported)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_bytes_atomically(
    path: Path, data: bytes, *, durable: bool = True, overwrite: bool = True
) -> None:
    """Replace ``path`` with ``data`` so that readers see either old or new bytes.

    The bytes go to a hidden temporary file (mode 0o600) in the same folder, which
    is flushed, fsynced and then renamed onto ``path`` with :func:`os.replace`.
    The folder is fsynced afterwards (best effort). On any failure the temporary
    file is removed and the original file is left untouched. ``durable=False`` skips
    both fsyncs: still atomic, but a power cut may lose it (for notes that do not matter).
    ``overwrite=False`` makes a new file only: FileExistsError when ``path`` exists (the
    temporary file is hard-linked to ``path``, which never replaces a file; where links are
    unsupported, ``path`` is checked just before the rename).
    """
    path = Path(path)
    directory = path.parent
    fd, tmp_name = _create_temp_file(path)
    _fill(fd, tmp_name, data, durable=durable)
    try:
        if overwrite or not _link_new(tmp_name, path):
            os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    if durable:
        fsync_directory(directory)


def write_chunks_atomically(path: Path, chunks: Iterable[bytes]) -> None:
    """Replace ``path`` with the bytes of ``chunks``, written one after the other (never all
    in memory at once), as :func:`write_bytes_atomically` does: on any failure, also one
    raised while the chunks are made, the temporary file is removed and ``path`` is left as
    it was."""
    path = Path(path)
    fd, tmp_name = _create_temp_file(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    fsync_directory(path.parent)


def _link_new(temp: Path, path: Path) -> bool:
    """Hard-link ``temp`` to the new name ``path`` and drop ``temp``: True when done, False
    where links are unsupported and ``path`` does not exist. FileExistsError if it does."""
    try:
        os.link(temp, path)
    except FileExistsError:
        raise
    except OSError:
        if os.path.lexists(path):
            raise FileExistsError(errno.EEXIST, "File exists", str(path)) from None
        return False
    with contextlib.suppress(OSError):
        os.unlink(temp)
    return True


def _fill(fd: int, path: Path | str, data: bytes, *, durable: bool = True) -> None:
    """Write ``data`` to the new file ``path`` open as ``fd``, flush and (``durable``)
    fsync it, and close it; on any failure the file is removed."""
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise


def _write_temp_file(target: Path, data: bytes) -> Path:
    """Write ``data`` to a new temporary file next to ``target``, fsynced; return its path."""
    fd, temp = _create_temp_file(target)
    _fill(fd, temp, data)
    return temp


def write_file_and_backup(path: Path, backup: Path, data: bytes) -> None:
    """Atomically replace both ``path`` and ``backup`` with ``data`` (two separate files).

    Both temporary files are written and fsynced before either is renamed into place,
    ``path`` first, and the folder is fsynced once at the end. A failure before the
    renames leaves both files as they were; a crash between them leaves ``path`` new
    and ``backup`` one version behind (both valid). The two are never hard links of
    one another, so damage done to one in place cannot reach the other.
    """
    path, backup = Path(path), Path(backup)
    temps = [_write_temp_file(path, data)]
    try:
        temps.append(_write_temp_file(backup, data))
        os.replace(temps[0], path)
        os.replace(temps[1], backup)
    except BaseException:
        for temp in temps:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        raise
    fsync_directory(path.parent)


def _link_to_fresh_temp(source: Path, target: Path) -> Path:
    """Hard-link ``source`` to a new hidden temporary name next to ``target``.

    Raises ``OSError`` when hard links are not supported (or ``source`` is gone).
    """
    for _ in range(_TEMP_NAME_ATTEMPTS):
        temp = _temp_path(target)
        try:
            os.link(source, temp)
        except FileExistsError:
            continue
        return temp
    raise FileExistsError(f"no free temporary name next to {target}")  # pragma: no cover


def replace_with_link_or_copy(
    source: Path, target: Path, expected: FileIdentity, data: bytes
) -> None:
    """Make ``target`` an atomic copy of ``source``, whose verified content is ``data``.

    ``expected`` is the identity ``source`` had when ``data`` was read from it. The
    cheap way is a hard link to a temporary name that is renamed onto ``target``
    (no bytes are copied and nothing needs an fsync: the data is already on disk).
    If hard links are unsupported, or ``source`` has changed since it was read,
    ``data`` itself is written to ``target`` atomically instead.
    """
    try:
        temp = _link_to_fresh_temp(source, target)
    except OSError:
        write_bytes_atomically(target, data)
        return
    try:
        if file_identity(os.stat(temp)) == expected:
            os.replace(temp, target)
        else:
            write_bytes_atomically(target, data)
    finally:
        # Renaming a link onto another link of the same file does nothing at all,
        # so the temporary name may still be there.
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)


def keep_copy_under_new_name(source: Path, stem: str) -> Path:
    """Keep the current ``source`` file under a new name that clashes with nothing.

    The name is ``<stem>.json``, then ``<stem>-2.json``, ``<stem>-3.json``… (the
    first one that does not exist yet). A hard link is tried first (instant and
    atomic); where links are unsupported the bytes are copied into a file created
    exclusively with mode 0o600 and fsynced. ``source`` itself is left in place.
    Returns the new path.
    """
    directory = source.parent
    data: bytes | None = None
    for attempt in range(1, 1000):
        suffix = "" if attempt == 1 else f"-{attempt}"
        candidate = directory / f"{stem}{suffix}.json"
        try:
            os.link(source, candidate)
        except FileExistsError:
            continue
        except OSError:
            if data is None:
                data = source.read_bytes()
            try:
                _write_new_file(candidate, data)
            except FileExistsError:
                continue
        fsync_directory(directory)
        return candidate
    raise FileExistsError(f"no free name for a copy of {source}")  # pragma: no cover


def _write_new_file(path: Path, data: bytes) -> None:
    """Create ``path`` (it must not exist) with ``data``, mode 0o600, fsynced."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _PRIVATE_FILE_MODE)
    _fill(fd, path, data)


def remove_stale_temp_files(directory: Path, target_name: str) -> list[Path]:
    """Delete leftover temporary files of writes to ``directory/target_name``.

    Only safe while holding the lock that every writer of ``target_name`` takes
    (otherwise a live writer's temporary file could vanish under it). Returns the
    paths removed.
    """
    prefix = temp_prefix(target_name)
    removed: list[Path] = []
    try:
        names = os.listdir(directory)
    except FileNotFoundError:
        return removed
    for name in names:
        if name.startswith(prefix) and name.endswith(".tmp"):
            path = directory / name
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed.append(path)
    return removed

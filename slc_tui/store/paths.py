"""Where slc's files live: the bundled sample class, results, the per-user data folder.

Normally a class keeps its results next to its portfolios, in ``CLASS/results``.
The bundled sample class (inside the installed package) and class folders the
user cannot write to get a per-user results folder instead, under
:func:`default_user_data_dir`.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

import platformdirs

from slc_tui.store.fileops import write_bytes_atomically
from slc_tui.store.private_paths import make_private_dir

__all__ = [
    "DATA_DIR_ENV",
    "SAMPLE_CLASS_NAME",
    "bundled_sample_dir",
    "cannot_write_reason",
    "default_user_data_dir",
    "results_dir_for",
    "seed_results",
    "user_results_dir",
]

DATA_DIR_ENV = "SLC_DATA_DIR"
"""Environment variable that overrides the per-user data folder (tests set it)."""

_APP_NAME = "slc"

SAMPLE_CLASS_NAME = "sample-class"


def bundled_sample_dir() -> Path:
    """The sample class shipped with slc (read-only when installed)."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (
        here / "data" / SAMPLE_CLASS_NAME,  # installed: the package slc_tui.data
        here.parent / "data" / SAMPLE_CLASS_NAME,  # a checkout (or an editable install)
    ):
        if candidate.is_dir():
            return candidate
    from importlib import resources  # anything else (~10 ms to import: only then)

    try:
        candidate = Path(str(resources.files("slc_tui.data"))) / SAMPLE_CLASS_NAME
        if candidate.is_dir():
            return candidate
    except ModuleNotFoundError:
        pass
    return here.parent / "data" / SAMPLE_CLASS_NAME


def default_user_data_dir() -> Path:
    """Return the per-user data folder: ``$SLC_DATA_DIR`` if set, else the platform's."""
    override = os.environ.get(DATA_DIR_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    return platformdirs.user_data_path(_APP_NAME, appauthor=False)


#: A folder of extra translations (``CODE.po``), in a class folder and in the user's data folder.
LANGUAGES_DIR = "languages"


def language_folders(class_dir: Path) -> list[Path]:
    """Where translations are looked for, most specific first: the class folder's
    ``languages/``, then the user's data folder's (the bundled ones come after)."""
    return [class_dir / LANGUAGES_DIR, default_user_data_dir() / LANGUAGES_DIR]


def _safe_folder_name(class_dir: Path) -> str:
    """Name a per-user folder after a class folder: readable slug + short path hash."""
    resolved = class_dir.resolve()
    ascii_name = unicodedata.normalize("NFKD", resolved.name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:40].strip("-")
    digest = sha256_hex(os.fsencode(resolved))[:10]
    return f"{slug or 'class'}-{digest}"


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data``, in hex. From CPython's own small module where it has one
    (``_sha256``, ``_sha2`` from Python 3.12): ``hashlib`` loads OpenSSL, about 3 ms of every
    start-up, for the same digest."""
    try:
        from _sha256 import sha256  # type: ignore[import-not-found]  # (no stubs)
    except ImportError:
        try:
            from _sha2 import sha256  # type: ignore[import-not-found]
        except ImportError:  # a Python built without them
            from hashlib import sha256
    return str(sha256(data).hexdigest())


def _is_writable(class_dir: Path) -> bool:
    """True if results can be written under ``class_dir`` (and its ``results/``, if any)."""
    if not os.access(class_dir, os.W_OK):
        return False
    results = class_dir / "results"
    return not results.exists() or os.access(results, os.W_OK)


def user_results_dir(class_dir: Path) -> Path:
    """The per-user results folder for ``class_dir`` (under :func:`default_user_data_dir`)."""
    return default_user_data_dir() / "classes" / _safe_folder_name(Path(class_dir)) / "results"


def cannot_write_reason(results_dir: Path) -> str | None:
    """Why results cannot be written in ``results_dir`` (made if missing), or None when a
    file can be created there: the test is a real write, so a read-only disk, a missing
    permission or a path through a file are all found (``os.access`` misses some)."""
    try:
        make_private_dir(results_dir)
        with tempfile.NamedTemporaryFile(dir=results_dir, prefix=".slc-probe-"):
            pass
    except OSError as error:
        return error.strerror or str(error)
    return None


def results_dir_for(class_dir: Path, bundled_sample_dir: Path, override: Path | None) -> Path:
    """Choose the results folder for a class folder.

    - ``override`` (e.g. from ``--results``) wins when given;
    - the bundled sample class, or a class folder that is not writable, gets
      ``default_user_data_dir()/classes/<name>-<hash>/results`` (the hash of the
      resolved class path keeps two classes with the same name apart);
    - otherwise ``class_dir/results``.
    """
    if override is not None:
        return Path(override)
    class_dir = Path(class_dir)
    if class_dir.resolve() == Path(bundled_sample_dir).resolve() or not _is_writable(class_dir):
        return user_results_dir(class_dir)
    return class_dir / "results"


def seed_results(source_results: Path, target: Path) -> None:
    """Copy the ``*.json`` results of ``source_results`` into ``target`` if it has none.

    Used so the bundled sample class's pre-recorded previous conference shows up
    in its per-user results folder. Does nothing when ``target`` already holds
    results (so a family's work is never overwritten) or the source is missing.
    Copies are written atomically with mode 0o600; ``target`` is created 0o700.
    """
    source_results, target = Path(source_results), Path(target)
    if target.is_dir() and any(p.is_file() for p in target.glob("*.json")):
        return
    if not source_results.is_dir():
        return
    sources = sorted(p for p in source_results.glob("*.json") if p.is_file())
    if not sources:
        return
    make_private_dir(target)
    for source in sources:
        write_bytes_atomically(target / source.name, source.read_bytes())

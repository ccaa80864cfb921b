"""The layering of ARCHITECTURE.md, enforced: each layer imports only what it may.

Imports are checked in a fresh interpreter (``sys.modules`` after importing every
module of a package); the widget rule is a static check of the source.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import slc_tui

PACKAGE_DIR = Path(slc_tui.__file__).resolve().parent

PROBE = """
import importlib, json, pkgutil, sys
imported = []
for target in sys.argv[2:]:
    module = importlib.import_module(target)
    imported.append(target)
    if sys.argv[1] == "walk" and hasattr(module, "__path__"):
        for info in pkgutil.walk_packages(module.__path__, target + "."):
            importlib.import_module(info.name)
            imported.append(info.name)
print(json.dumps({"imported": imported, "loaded": sorted(sys.modules)}))
"""


def import_in_fresh_interpreter(*targets: str, walk: bool = True) -> tuple[list[str], set[str]]:
    """Import ``targets`` (and, with ``walk``, every submodule) in a new Python.

    Returns the modules imported on purpose and every module then in ``sys.modules``.
    """
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "walk" if walk else "one", *targets],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    return report["imported"], set(report["loaded"])


def offenders(loaded: set[str], forbidden: tuple[str, ...]) -> list[str]:
    """The forbidden top-level packages (or sub-packages) found in ``loaded``."""
    return sorted(
        name for name in forbidden if any(m == name or m.startswith(name + ".") for m in loaded)
    )


LAYERS = [
    # package, forbidden imports, fewest modules the walk must find
    (
        "slc_tui.core",
        (
            "textual",
            "tinydb",
            "PIL",
            "slc_tui.ui",
            "slc_tui.store",
            "slc_tui.media",
            "slc_tui.export",
        ),
        10,
    ),
    ("slc_tui.store", ("textual", "slc_tui.ui"), 3),
    ("slc_tui.teacher", ("textual", "slc_tui.ui"), 5),
    ("slc_tui.export", ("textual", "tinydb", "slc_tui.ui"), 2),
    ("slc_tui.media", ("textual", "slc_tui.ui"), 3),
    ("slc_tui.teacher", ("textual", "slc_tui.ui"), 5),
]


@pytest.mark.parametrize(("package", "forbidden", "at_least"), LAYERS, ids=[p[0] for p in LAYERS])
def test_layer_does_not_import_what_it_must_not(
    package: str, forbidden: tuple[str, ...], at_least: int
) -> None:
    imported, loaded = import_in_fresh_interpreter(package)
    assert len(imported) >= at_least, f"the walk found too few modules: {imported}"
    assert offenders(loaded, forbidden) == [], f"{package} pulled in a forbidden module"


def test_cli_stays_light() -> None:
    """``slc validate`` must start fast: importing the CLI loads no Textual, TinyDB or Pillow."""
    _, loaded = import_in_fresh_interpreter("slc_tui.cli", walk=False)
    assert "slc_tui.cli" in loaded
    assert offenders(loaded, ("textual", "tinydb", "PIL", "slc_tui.ui")) == []
    assert offenders(loaded, ("aiohttp", "textual_serve", "slc_tui.serve")) == []


def test_the_server_loads_no_textual_and_the_app_no_server() -> None:
    """``slc serve`` runs one light process (aiohttp, textual-serve) and starts the app in
    others: the server loads no Textual, TinyDB or Pillow; ``slc open`` no aiohttp."""
    imported, loaded = import_in_fresh_interpreter("slc_tui.serve")
    assert "slc_tui.serve.server" in imported and "aiohttp" in loaded
    assert offenders(loaded, ("textual", "tinydb", "PIL", "slc_tui.session")) == []
    _, app = import_in_fresh_interpreter("slc_tui.ui.app", walk=False)
    assert offenders(app, ("aiohttp", "textual_serve", "slc_tui.serve")) == []


def test_session_does_not_import_textual() -> None:
    _, loaded = import_in_fresh_interpreter("slc_tui.session", walk=False)
    assert "slc_tui.store.results" in loaded  # the probe really imported the store
    assert offenders(loaded, ("textual", "slc_tui.ui")) == []


def test_the_app_starts_without_tinydb_pillow_or_export_code() -> None:
    """What `slc open --student` imports before its first step is painted (issue 4)."""
    _, loaded = import_in_fresh_interpreter("slc_tui.ui.app", walk=False)
    _, first_step = import_in_fresh_interpreter("slc_tui.ui.steps.welcome", walk=False)
    assert offenders([*loaded, *first_step], ("tinydb", "PIL", "slc_tui.export")) == []


def test_probe_sees_textual_when_it_is_imported() -> None:
    """The check above can fail: importing the UI does load Textual."""
    _, loaded = import_in_fresh_interpreter("slc_tui.ui.app", walk=False)
    assert offenders(loaded, ("textual",)) == ["textual"]


# -- widgets never write files -------------------------------------------------------------------

WRITING_METHODS = {"write_text", "write_bytes"}
FILE_OPENING_MODULES = {"os", "io", "codecs", "builtins", "gzip", "bz2", "lzma"}


def file_writing_calls(source: str) -> list[str]:
    """Every ``open(``, ``os.open(``, ``.write_text(``, ``.write_bytes(`` call and store import."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id == "open":
                found.append(f"line {node.lineno}: open(")
            elif isinstance(func, ast.Attribute) and func.attr in WRITING_METHODS:
                found.append(f"line {node.lineno}: .{func.attr}(")
            elif (
                isinstance(func, ast.Attribute)
                and func.attr == "open"
                and isinstance(func.value, ast.Name)
                and func.value.id in FILE_OPENING_MODULES
            ):
                found.append(f"line {node.lineno}: {func.value.id}.open(")
        elif isinstance(node, ast.Import):
            found.extend(
                f"line {node.lineno}: import {alias.name}"
                for alias in node.names
                if alias.name == "slc_tui.store" or alias.name.startswith("slc_tui.store.")
            )
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            absolute = module == "slc_tui.store" or module.startswith("slc_tui.store.")
            names = {alias.name for alias in node.names}
            relative_store = node.level > 0 and (
                module.split(".")[-1] == "store" or "store" in names
            )
            if absolute or relative_store or (module == "slc_tui" and "store" in names):
                found.append(f"line {node.lineno}: from {'.' * node.level}{module} import ...")
    return found


def test_the_static_check_catches_writes() -> None:
    bad = """
from slc_tui.store.results import ResultsStore
import slc_tui.store
from slc_tui import store
from ...store import results
open("x", "w")
path.write_text("x")
Path("y").write_bytes(b"")
os.open("z", 1)
"""
    assert len(file_writing_calls(bad)) == 8
    fine = "from slc_tui.core.text import clean_text\nImage.open(path)\nself.post_message(m)\n"
    assert file_writing_calls(fine) == []


def test_widgets_never_write_files() -> None:
    widgets = sorted((PACKAGE_DIR / "ui" / "widgets").glob("*.py"))
    assert len(widgets) >= 3, "no widgets found: the check would pass vacuously"
    problems = {
        path.name: calls
        for path in widgets
        if (calls := file_writing_calls(path.read_text(encoding="utf-8")))
    }
    assert problems == {}


#: The one place that writes files (every other module goes through its atomic write), and
#: the safe picture opener (it opens files with ``os.open`` to read them).
FILE_WRITERS = {"store/fileops.py", "media/safe_image.py"}


def writes_outside_the_atomic_write(source: str) -> list[str]:
    """Calls that write a file themselves: ``open(..., "w"/"a"/"x"/"+")``, ``os.open(``,
    ``.write_text(`` and ``.write_bytes(`` (but a class's own ``self.write_bytes``)."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id == "open":
            mode = node.args[1] if len(node.args) > 1 else None
            mode = mode or next((k.value for k in node.keywords if k.arg == "mode"), None)
            text = "r" if mode is None else mode.value if isinstance(mode, ast.Constant) else "?"
            if not isinstance(text, str) or set(text) & set("wax+?"):
                found.append(f"line {node.lineno}: open(..., {text!r})")
        elif isinstance(func, ast.Attribute):
            on_self = isinstance(func.value, ast.Name) and func.value.id == "self"
            if func.attr == "write_text" or (func.attr == "write_bytes" and not on_self):
                found.append(f"line {node.lineno}: .{func.attr}(")
            elif func.attr == "open" and isinstance(func.value, ast.Name) and func.value.id == "os":
                found.append(f"line {node.lineno}: os.open(")
    return found


def test_the_write_check_catches_writes() -> None:
    bad = """
open("x", "w")
open(path, mode="ab")
open(path, chosen_mode)
path.write_text("x")
Path("y").write_bytes(b"")
os.open("z", 1)
"""
    assert len(writes_outside_the_atomic_write(bad)) == 6
    fine = 'open(path, "rb")\nopen(path)\nself.write_bytes(b"")\nImage.open(path)\n'
    assert writes_outside_the_atomic_write(fine) == []


def test_every_file_slc_writes_goes_through_the_atomic_write() -> None:
    modules = sorted(PACKAGE_DIR.rglob("*.py"))
    assert len(modules) >= 60, "too few modules found: the check would pass vacuously"
    problems = {
        relative: writes
        for path in modules
        if (relative := path.relative_to(PACKAGE_DIR).as_posix()) not in FILE_WRITERS
        and (writes := writes_outside_the_atomic_write(path.read_text(encoding="utf-8")))
    }
    assert problems == {}

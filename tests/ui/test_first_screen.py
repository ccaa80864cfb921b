"""A child's first step stays light: it imports, builds and styles only what it shows.

``startup_ratio`` (``bench/run.py``) compares ``slc open CLASS --student ID`` with a bare
Textual app; what it gained (see ``bench/startup_profile.py``) would creep back unseen. So, in
a fresh interpreter, at the moment the first step is first painted: no module of what is not
on screen, no widget that is not shown, no rule set of the other screens' stylesheets, and no
class of slc's made by ``@dataclass`` (which compiles its methods: ``core/fast_dataclass``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

#: Imported when first used, never on the way to a child's first step.
NOT_AT_START = (
    "PIL",
    "hashlib",  # (OpenSSL: store/paths hashes with CPython's own SHA-256)
    "fpdf",
    "babel",
    "slc_tui.teacher",
    "slc_tui.export",
    "slc_tui.media.speech",
    "slc_tui.media.safe_image",
    "slc_tui.store.recovery",
    "slc_tui.core.schedule_times",
    "slc_tui.core.teacher_pin",
    "slc_tui.ui.doors",
    "slc_tui.ui.screens.choice_dialog",
    "slc_tui.ui.screens.language_menu",
    "slc_tui.ui.screens.picker",
    "slc_tui.ui.screens.pin_dialog",
    "slc_tui.ui.screens.problems",
    "slc_tui.ui.screens.teacher",
    "slc_tui.ui.steps.choose",
    "slc_tui.ui.steps.piece",
    "slc_tui.ui.widgets.help_panel",
    "slc_tui.ui.widgets.image_preview",
    "textual.widgets._text_area",  # (the empty notes box is drawn by a stand-in)
)
#: The conference screen's nodes on the welcome step, headless: the screen; the top bar and
#: its name, stepper, saved badge and clock; the middle, the step's column, headline, step,
#: talking points and notes box (its stand-in); the navigation bar and its Back, Help,
#: message, language and Next; the footer, not counting its keys (no help panel, Undo or 🔊:
#: they are made when first shown).
MAX_NODES = 19
#: Rule sets in the stylesheet then: Textual's and the app's for what is on screen (the
#: student list's and the other steps' are read when they are first shown): 152, or 160 once
#: Textual's footer keys are made (before the first paint or after it, as it happens).
MAX_RULE_SETS = 165

_FIRST_PAINT = """
import json, os, sys
from pathlib import Path
from textual.app import App
from textual.widgets import Footer

seen = {}
display = App._display

def first_paint(app, screen, update):
    # Every paint goes through App._display (headless too, where nothing is written).
    display(app, screen, update)
    if update is not None and not seen and type(screen).__name__ == "ConferenceScreen":
        seen.update(
            modules=sorted(sys.modules),
            nodes=len([  # (the footer's keys are made on Textual's own schedule, and every
                # app's screen has Textual's toast rack and tooltip: none is counted)
                node for node in screen.walk_children(with_self=True)
                if not any(isinstance(above, Footer) for above in node.ancestors)
                and node.id not in ("textual-toastrack", "textual-tooltip")
            ]),
            rule_sets=len(app.stylesheet.rules),
            sources=[Path(path).name for path, _ in app.stylesheet.source],
            compiled_dataclasses=sorted(  # (@dataclass compiles its methods: fast_dataclass)
                f"{name}.{value.__qualname__}"
                for name, module in list(sys.modules.items())
                if name.startswith("slc_tui")
                for value in list(vars(module).values())
                if isinstance(value, type) and value.__module__ == name
                and getattr(getattr(value, "__dataclass_params__", None), "init", False)
            ),
        )
        print(json.dumps(seen), flush=True)
        os._exit(0)

App._display = first_paint
run = App.run
App.run = lambda app, *args, **kwargs: run(app, headless=True, size=(80, 24))  # no terminal

from slc_tui.cli import main  # the whole way `slc open` goes: the command line, the folders

main(["open", "--student", "maya"])
"""


def first_paint(tmp_path: Path) -> dict[str, object]:
    """What a fresh interpreter holds when Maya's first step is first painted."""
    env = {**os.environ, "SLC_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run(
        [sys.executable, "-c", _FIRST_PAINT],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    seen: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen, "the first step was not painted"
    return seen


def test_the_first_step_is_painted_with_only_what_it_shows(tmp_path: Path) -> None:
    seen = first_paint(tmp_path)
    modules = seen["modules"]
    assert isinstance(modules, list)
    early = [m for m in modules if any(m == n or m.startswith(n + ".") for n in NOT_AT_START)]
    assert early == []
    assert isinstance(seen["nodes"], int) and seen["nodes"] <= MAX_NODES
    assert isinstance(seen["rule_sets"], int) and seen["rule_sets"] <= MAX_RULE_SETS
    sources = seen["sources"]
    assert isinstance(sources, list)
    assert "slc.tcss" in sources
    assert "picker.tcss" not in sources and "steps.tcss" not in sources
    assert seen["compiled_dataclasses"] == []


def test_the_floor_app_is_the_first_screen_in_stock_widgets(tmp_path: Path) -> None:
    """``bench/floor_app.py`` (what ``bench.startup_profile --instructions`` counts as the
    floor of this screen) keeps to the first step's nodes: the same ids in the same places."""
    from bench.startup_profile import counts

    def shape(seen: dict[str, object]) -> list[str]:
        names = seen["node_names"]
        assert isinstance(names, list)
        return [name.partition("#")[2] for name in names]

    floor, slc = counts("floor", tmp_path), counts("slc", tmp_path)
    assert shape(floor) == shape(slc)

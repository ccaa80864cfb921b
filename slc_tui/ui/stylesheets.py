"""Stylesheets read when what they style first appears, not at start-up.

The app's ``slc.tcss`` holds only what the first screen (and the dialogs) need; the student
list's styles are in ``picker.tcss`` and those of the steps after the welcome in
``steps.tcss``. A screen or step that names one of them reads it into the app's stylesheet
when it is first registered, before it is styled. The rules rank as the app's own CSS does
(a widget's ``DEFAULT_CSS`` would rank below every app rule), so they apply exactly as they
did from ``slc.tcss``. (A screen's ``CSS_PATH`` would read it too, but Textual then parses
every stylesheet again and restyles every widget.)
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from textual.app import App

_HERE = Path(__file__).parent


@cache
def _text(name: str) -> str:
    return (_HERE / name).read_text(encoding="utf-8")


def use_stylesheet(app: App[Any], name: str) -> None:
    """Add ``name`` (a ``.tcss`` file next to this module) to ``app``'s stylesheet, once.

    Call it before the widgets it styles are registered: widgets styled already are not
    styled again.
    """
    path = str(_HERE / name)
    if not app.stylesheet.has_source(path):
        app.stylesheet.add_source(_text(name), read_from=(path, ""))

"""The columns of the desk's tables in the active language: a heading is written in English
(marked with ``N_``) and translated when the table is made; a fixed width grows to fit a
translated heading longer than the English one (so no heading is cut)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len

from slc_tui.core.i18n import _

#: A column: key, heading, width (None: the rest of the table's width).
Column = tuple[str, str, int | None]


def translated_columns(columns: Iterable[Column]) -> list[Column]:
    """``columns`` with their headings translated, each fixed width at least its heading's."""
    shown: list[Column] = []
    for key, heading, width in columns:
        text = _(heading)
        shown.append((key, text, None if width is None else max(width, cell_len(text))))
    return shown

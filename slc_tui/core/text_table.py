"""Plain-text tables for the command line: columns padded by terminal cells (CJK counts
two), a rule under the heading."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

__all__ = ["MAX_COLUMN_WIDTH", "cell_width", "text_table"]

#: A column wider than this is not padded further (long names just push the row on).
MAX_COLUMN_WIDTH = 32


def text_table(rows: Sequence[Sequence[str]]) -> list[str]:
    """``rows`` (the first is the heading) as lines of padded columns."""
    widths = [
        min(MAX_COLUMN_WIDTH, max(cell_width(row[column]) for row in rows))
        for column in range(len(rows[0]))
    ]
    lines = []
    for number, row in enumerate(rows):
        pairs = zip(row, widths, strict=True)
        cells = [cell + " " * (width - cell_width(cell)) for cell, width in pairs]
        lines.append("  ".join(cells).rstrip())
        if number == 0:
            lines.append("  ".join("-" * width for width in widths))
    return lines


def cell_width(text: str) -> int:
    """Terminal cells ``text`` takes: wide (CJK) characters two, combining marks none."""
    return sum(
        0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1
        for char in text
    )

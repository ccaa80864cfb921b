"""Shared fixtures. Builders live in ``tests/factories.py``; keep this file small and additive."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.factories import make_class, portfolio_data


@pytest.fixture(autouse=True)
def _english_again() -> Iterator[None]:
    """Each test starts and ends in English: an app of a French class, or a test, leaves its
    language active for the next test in the same process otherwise."""
    from slc_tui.core import i18n

    i18n.use(i18n.ENGLISH)
    yield
    i18n.use(i18n.ENGLISH)


@pytest.fixture
def slc_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point ``SLC_DATA_DIR`` at a temporary folder so nothing touches the real user data."""
    folder = tmp_path / "user-data"
    monkeypatch.setenv("SLC_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def class_dir(tmp_path: Path) -> Path:
    """A valid class folder with Maya (3 pieces) and Leo (5 pieces, none chosen)."""
    return make_class(
        tmp_path / "room12",
        [
            portfolio_data("maya"),
            portfolio_data(
                "leo",
                name="Leo Chen",
                grade="5",
                pieces=["poem", "volcano", "fractions", "map", "bridge"],
            ),
        ],
    )

"""``write_bytes_atomically(..., overwrite=False)``: a new file, never one that is there."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from slc_tui.store.fileops import write_bytes_atomically


def leftovers(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.endswith(".tmp"))


@pytest.mark.parametrize("links", [True, False], ids=["hard links", "no hard links"])
def test_a_new_file_is_written_and_an_existing_one_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, links: bool
) -> None:
    if not links:  # a FAT-formatted USB stick, say

        def no_link(*_: object) -> None:
            raise PermissionError("links are not supported here")

        monkeypatch.setattr(os, "link", no_link)
    target = tmp_path / "maya.json"
    write_bytes_atomically(target, b"new", overwrite=False)
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o600
    with pytest.raises(FileExistsError):
        write_bytes_atomically(target, b"other", overwrite=False)
    assert target.read_bytes() == b"new"
    assert leftovers(tmp_path) == []
    write_bytes_atomically(target, b"replaced")  # the default still replaces
    assert target.read_bytes() == b"replaced"

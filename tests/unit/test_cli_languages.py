"""``slc languages``: every catalog a class can use, how complete, and the broken ones named."""

from __future__ import annotations

from pathlib import Path

import pytest

from slc_tui.cli import main
from slc_tui.core.i18n import BUNDLED_DIR
from slc_tui.teacher.languages import language_rows, template_messages
from tests.factories import make_class, portfolio_data

pytestmark = pytest.mark.usefixtures("slc_data_dir")


def test_the_bundled_languages_are_complete(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["languages"]) == 0
    out = capsys.readouterr().out
    total = len(template_messages())
    assert total > 20
    for name in ("English", "Español", "Français"):
        assert f"{name}" in out
    assert out.count(f"100% ({total}/{total})") == 3


def test_a_class_catalog_is_listed_with_how_much_it_translates(
    tmp_path: Path, slc_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_class(tmp_path / "room", [portfolio_data("maya")])
    (root / "languages").mkdir()
    (root / "languages" / "vi.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: vi\\n"\n\nmsgid "Next"\nmsgstr "Tiếp"\n\n'
        'msgid "Not a message of slc"\nmsgstr "Không"\n',
        encoding="utf-8",
    )
    (slc_data_dir / "languages").mkdir(parents=True)
    (slc_data_dir / "languages" / "de.po").write_text('garbage "\n', encoding="utf-8")
    assert main(["languages", str(root)]) == 1  # the broken one
    captured = capsys.readouterr()
    total = len(template_messages())
    assert f"Tiếng Việt  {100 // total}% (1/{total})" in captured.out
    assert "this class" in captured.out
    assert f"{slc_data_dir / 'languages' / 'de.po'}: line 1:" in captured.err
    rows = {row.code: row for row in language_rows(root)}
    assert rows["vi"].translated == 1 and rows["de"].problem
    assert rows["es"].path == BUNDLED_DIR / "es.po"


def test_a_missing_class_folder_is_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["languages", str(tmp_path / "nowhere")]) == 1
    assert "class folder not found" in capsys.readouterr().err

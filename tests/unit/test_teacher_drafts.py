"""Teacher drafts: half-finished edits survive a crash and come back when the file opens."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from slc_tui.teacher.drafts import DRAFTS_DIR, TeacherDrafts
from tests.factories import FIXED_NOW


def test_a_draft_comes_back_until_the_file_is_saved(tmp_path: Path) -> None:
    drafts = TeacherDrafts(tmp_path / "results")
    original = '{"format": "slc-portfolio/1"}\n'
    path = drafts.keep("portfolios/maya.json", '{"edited": "Señora [b]x[/b]"}', original, FIXED_NOW)
    assert path.parent == tmp_path / "results" / DRAFTS_DIR
    assert path.stat().st_mode & 0o077 == 0
    draft = drafts.find("portfolios/maya.json", original)
    assert draft is not None and draft.text == '{"edited": "Señora [b]x[/b]"}'
    assert not draft.based_on_changed and draft.written.startswith("2026")
    assert drafts.find("portfolios/leo.json", original) is None
    drafts.drop("portfolios/maya.json")
    assert drafts.find("portfolios/maya.json", original) is None


def test_a_draft_of_a_file_changed_since_is_marked(tmp_path: Path) -> None:
    drafts = TeacherDrafts(tmp_path)
    drafts.keep("prompts.json", "new", "old", FIXED_NOW)
    draft = drafts.find("prompts.json", "changed elsewhere")
    assert draft is not None and draft.based_on_changed
    drafts.keep("portfolios/ana.json", "new file", None, FIXED_NOW)
    found = drafts.find("portfolios/ana.json", None)
    assert found is not None and not found.based_on_changed


def test_a_damaged_draft_is_no_draft(tmp_path: Path) -> None:
    drafts = TeacherDrafts(tmp_path)
    path = drafts.keep("class.json", "x", "y", FIXED_NOW)
    path.write_bytes(b"\x00not json")
    assert drafts.find("class.json", "y") is None


@settings(max_examples=50, deadline=None)
@given(st.text(min_size=1, max_size=80))
def test_every_file_name_gets_its_own_draft_inside_the_folder(name: str) -> None:
    drafts = TeacherDrafts(Path("/r"))
    path = drafts.path_for(name)
    assert path.parent == Path("/r") / DRAFTS_DIR
    assert path != drafts.path_for(name + "x")

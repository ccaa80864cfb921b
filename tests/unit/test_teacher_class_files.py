"""The prompts and class settings editors' services: lists edited in place, the defaults to
copy from, settings refused by field, and drafts that survive a crash."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from slc_tui.core.class_documents import ClassDocument, PromptsDocument
from slc_tui.core.classinfo import language_code_problem
from slc_tui.core.default_prompts import PARENT_QUESTIONS, STEP_PROMPTS, GradeBand
from slc_tui.core.json_document import Refused
from slc_tui.teacher.class_files import open_class_settings, open_prompts, save_prompts
from slc_tui.teacher.class_settings import SettingsForm, fill, form_of, save_settings
from slc_tui.teacher.file_edits import FileEdit
from slc_tui.teacher.prompt_lists import (
    PROMPT_LISTS,
    PromptsEditor,
    default_texts,
    list_at,
    text_problem,
    usual_band,
)
from slc_tui.teacher.saving import ChangedOnDisk
from tests.factories import FIXED_NOW, make_class, portfolio_data, write_json


def read(path: Path) -> object:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture
def room(tmp_path: Path) -> Path:
    return make_class(tmp_path / "room", [portfolio_data("maya")], images=False)


# -- prompts ---------------------------------------------------------------------------------------


def test_lists_are_edited_in_place_and_unknown_keys_stay(room: Path) -> None:
    write_json(
        room / "prompts.json",
        {
            "format": "slc-prompts/1",
            "house_style": {"font": "big"},
            "steps": {"piece": ["What is it?", "Who helped?"], "x-note": 1},
            "parent_questions": ["Any worries?"],
        },
    )
    editor = PromptsEditor(open_prompts(room))
    assert editor.texts("piece") == ("What is it?", "Who helped?")
    assert editor.unusable == {}
    index = editor.add("piece", "Qué [b]color[/b] usaste?")
    editor.set_text("piece", 0, "What is it, señora?")
    assert editor.move("piece", index, 0) == 0
    assert editor.move("piece", 0, -5) == 0  # kept within the list
    removed = editor.remove("piece", 2)
    assert removed.text == "Who helped?"
    assert editor.put_back(removed) == 2
    editor.remove("parent_questions", 0)
    save_prompts(editor.document)
    assert read(room / "prompts.json") == {
        "format": "slc-prompts/1",
        "house_style": {"font": "big"},
        "steps": {
            "piece": ["Qué [b]color[/b] usaste?", "What is it, señora?", "Who helped?"],
            "x-note": 1,
        },
        "parent_questions": [],
    }


def test_defaults_are_copied_once_each(room: Path) -> None:
    editor = PromptsEditor(open_prompts(room))
    band = GradeBand.EARLY
    first = STEP_PROMPTS[band]["piece"][0]
    assert default_texts("piece", band) == STEP_PROMPTS[band]["piece"]
    assert default_texts("parent_questions", band) == PARENT_QUESTIONS[band]
    assert editor.copy_in("piece", [first]) == (1, 0)
    added, already = editor.copy_in("piece", default_texts("piece", band))
    assert (added, already) == (len(STEP_PROMPTS[band]["piece"]) - 1, 1)
    assert editor.texts("piece") == STEP_PROMPTS[band]["piece"]


def test_a_list_slc_cannot_edit_is_named_and_left_alone(room: Path) -> None:
    write_json(room / "prompts.json", {"format": "slc-prompts/1", "steps": {"goals": ["a", 7]}})
    editor = PromptsEditor(open_prompts(room))
    assert editor.unusable == {
        "goals": "steps.goals: must be a list of text, not a list: mend prompts.json by hand "
        "to edit it here"
    }
    with pytest.raises(ValueError, match=r"steps\.goals"):
        editor.add("goals", "more")
    editor.add("piece", "fine")
    assert editor.document.data["steps"]["goals"] == ["a", 7]


def test_lists_fields_bands_and_prompt_text() -> None:
    assert [p.id for p in PROMPT_LISTS][:2] == ["welcome", "review"]
    assert [p.id for p in PROMPT_LISTS][-2:] == ["parent_questions", "commitment_ideas"]
    plist, index = list_at("steps.piece[2]")
    assert plist is not None and plist.id == "piece" and index == 2
    plist, index = list_at("parent_questions")
    assert plist is not None and plist.id == "parent_questions" and index is None
    assert list_at("format") == (None, None)
    assert usual_band(["K", "1", "7", "2"]) is GradeBand.EARLY
    assert usual_band([]) is GradeBand.PRIMARY
    assert usual_band(["4", "7"]) is GradeBand.PRIMARY  # a tie: the younger band
    assert text_problem("  ") == "is empty"
    assert "too long" in text_problem("x" * 2001)
    assert text_problem("Why?") == ""


# -- class settings --------------------------------------------------------------------------------


def test_settings_are_saved_as_typed_and_refused_by_field(room: Path) -> None:
    document = open_class_settings(room)
    before = (room / "class.json").read_bytes()
    form = form_of(document)
    assert form == SettingsForm("Room 12", "Ms. Okafor", "Fall 2026", "20", "en")
    fill(document, SettingsForm("Salle [12]", "Mme Côté", "Automne 2026", "200", "fr"))
    with pytest.raises(Refused) as refused:
        save_settings(document)
    assert [(p.field, p.message) for p in refused.value.problems] == [
        ("minutes", "must be a whole number of minutes from 5 to 120, not 200")
    ]
    fill(document, SettingsForm("", "Mme Côté", "Automne 2026", "twenty", "French"))
    with pytest.raises(Refused) as refused:
        save_settings(document)
    assert [p.field for p in refused.value.problems] == ["minutes", "name", "language"]
    assert (room / "class.json").read_bytes() == before  # nothing written
    fill(document, SettingsForm("Salle [12]", "Mme Côté", "Automne 2026", " 25 ", "fr-CA"))
    save_settings(document)
    saved = read(room / "class.json")
    assert isinstance(saved, dict)
    assert (saved["name"], saved["minutes"], saved["language"]) == ("Salle [12]", 25, "fr-CA")


def test_language_codes() -> None:
    assert language_code_problem("en") == ""
    assert language_code_problem("zh-Hant") == ""
    assert language_code_problem("English") != ""
    assert language_code_problem("") != ""


# -- drafts ----------------------------------------------------------------------------------------


def test_a_draft_survives_until_saved_and_a_clean_edit_keeps_none(room: Path) -> None:
    results = room / "results"
    edit = FileEdit(open_class_settings(room), results)
    assert edit.keep_draft(FIXED_NOW) is None  # nothing changed: no draft
    fill(edit.document, SettingsForm("Room 12b", "Ms. Okafor", "Fall 2026", "2", "en"))
    assert edit.changed
    assert edit.keep_draft(FIXED_NOW) is not None
    # The app is killed; a new editor opens the file and is offered the draft back.
    again = FileEdit(open_class_settings(room), results)
    draft = again.draft()
    assert draft is not None and not draft.based_on_changed
    assert again.take_draft(draft)
    assert form_of(again.document).name == "Room 12b"
    assert form_of(again.document).minutes == "2"
    fill(again.document, SettingsForm("Room 12b", "Ms. Okafor", "Fall 2026", "25", "en"))
    to_save = again.copy_to_save()
    save_settings(to_save)
    fill(again.document, SettingsForm("Room 12c", "Ms. Okafor", "Fall 2026", "25", "en"))
    again.saved(to_save)  # typed on while it was saved: the draft stays
    assert again.changed and again.draft() is not None
    again.keep_draft(FIXED_NOW)
    draft = again.draft()
    assert draft is not None and not draft.based_on_changed
    to_save = again.copy_to_save()
    save_settings(to_save)
    again.saved(to_save)
    assert not again.changed and again.draft() is None


def test_an_older_snapshot_never_replaces_a_newer_draft(room: Path) -> None:
    edit = FileEdit(open_class_settings(room), room / "results")
    fill(edit.document, SettingsForm("One", "", "", "20", "en"))
    first = edit.snapshot()
    fill(edit.document, SettingsForm("Two", "", "", "20", "en"))
    second = edit.snapshot()
    edit.keep(second, FIXED_NOW)
    assert edit.keep(first, FIXED_NOW) is None  # a late worker
    draft = edit.draft()
    assert draft is not None and '"Two"' in draft.text
    late = edit.snapshot()
    edit.drop_draft()  # thrown away while a worker was still to write ``late``
    assert edit.keep(late, FIXED_NOW) is None and edit.draft() is None
    fill(edit.document, SettingsForm("Three", "", "", "20", "en"))
    assert edit.keep_draft(FIXED_NOW) is not None  # typing after it is kept again


def test_a_draft_of_an_older_file_asks_before_replacing_it(room: Path) -> None:
    results = room / "results"
    edit = FileEdit(open_prompts(room), results)  # no prompts.json yet
    edit.document.set_parent_questions(["Mine?"])
    edit.keep_draft(FIXED_NOW)
    write_json(room / "prompts.json", {"format": "slc-prompts/1", "parent_questions": ["Theirs?"]})
    again = FileEdit(open_prompts(room), results)
    draft = again.draft()
    assert draft is not None and draft.based_on_changed
    assert again.take_draft(draft)
    with pytest.raises(ChangedOnDisk):
        save_prompts(again.document)
    save_prompts(again.document, replace_changes=True)
    assert read(room / "prompts.json") == {
        "format": "slc-prompts/1",
        "parent_questions": ["Mine?"],
    }


def test_a_draft_that_is_not_json_is_not_taken(room: Path) -> None:
    results = room / "results"
    edit = FileEdit(open_class_settings(room), results)
    edit.drafts.keep("class.json", "{not json", edit.document.base_text, FIXED_NOW)
    draft = edit.draft()
    assert draft is not None
    assert not edit.take_draft(draft)
    assert form_of(edit.document).name == "Room 12"
    edit.drop_draft()
    assert edit.draft() is None


def test_new_prompts_document_is_not_changed_until_edited(room: Path) -> None:
    edit = FileEdit(open_prompts(room), room / "results")
    assert isinstance(edit.document, PromptsDocument) and not edit.changed
    assert isinstance(FileEdit(open_class_settings(room), room).document, ClassDocument)

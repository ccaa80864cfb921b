"""The teacher's portfolio services: students, saves, pictures added, pasted paths."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from slc_tui.core.json_document import Refused
from slc_tui.store.fileops import write_bytes_atomically
from slc_tui.teacher.class_files import (
    open_class_settings,
    open_prompts,
    save_class_settings,
    save_prompts,
)
from slc_tui.teacher.pasted_paths import clean_pasted_path, pasted_paths
from slc_tui.teacher.portfolios import (
    add_student,
    add_work,
    open_portfolio,
    rename_student,
    save_portfolio,
    title_from_file_name,
)
from slc_tui.teacher.saving import ChangedOnDisk
from tests.factories import make_class, portfolio_data, write_png


def read(path: Path) -> dict[str, object]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.fixture
def room(tmp_path: Path) -> Path:
    maya = portfolio_data("maya")
    maya["colour"] = "green"  # unknown to slc: kept
    return make_class(tmp_path / "room", [maya])


# -- students ------------------------------------------------------------------------------------


def test_add_student_makes_a_new_portfolio_with_an_id_from_the_name(room: Path) -> None:
    document = add_student(room, "Maya Chen", "4")
    assert document.path == room / "portfolios" / "maya-chen.json"
    assert read(document.path)["student"] == {"id": "maya-chen", "name": "Maya Chen", "grade": "4"}
    again = add_student(room, "Maya", "1")
    assert again.path is not None and again.path.name == "maya-2.json"


def test_add_student_never_replaces_a_portfolio(room: Path) -> None:
    before = (room / "portfolios" / "maya.json").read_bytes()
    with pytest.raises(Refused, match="already exists"):
        add_student(room, "Someone", "2", student_id="maya")
    with pytest.raises(Refused, match=r"student\.id"):
        add_student(room, "Someone", "2", student_id="Not Valid")
    with pytest.raises(Refused, match=r"student\.grade"):
        add_student(room, "Someone", "14")
    assert (room / "portfolios" / "maya.json").read_bytes() == before
    assert sorted(p.name for p in (room / "portfolios").glob("*.json")) == ["maya.json"]


def test_rename_keeps_the_id_and_every_other_key(room: Path) -> None:
    path = room / "portfolios" / "maya.json"
    before = read(path)
    rename_student(room, "maya", "Maya López-Chen")
    after = read(path)
    assert after["student"] == {**before["student"], "name": "Maya López-Chen"}
    assert list(after) == list(before)
    assert after["colour"] == "green"


# -- saving --------------------------------------------------------------------------------------


def test_a_refused_save_writes_nothing_and_names_the_field(room: Path) -> None:
    path = room / "portfolios" / "maya.json"
    before = path.read_bytes()
    document = open_portfolio(room, "maya")
    document.update_piece(2, title="")
    with pytest.raises(Refused) as refused:
        save_portfolio(room, document)
    assert [str(p) for p in refused.value.problems] == [
        "portfolios/maya.json: pieces[2].title: is required (it is empty)"
    ]
    assert path.read_bytes() == before


def test_a_picture_the_app_cannot_show_refuses_the_save(room: Path) -> None:
    (room / "portfolios" / "maya" / "notes.png").write_text("not a picture", encoding="utf-8")
    document = open_portfolio(room, "maya")
    document.update_piece(0, image="maya/notes.png")
    with pytest.raises(Refused, match=r"pieces\[0\]\.image: not a supported image"):
        save_portfolio(room, document)


def test_a_save_returns_warnings_and_the_next_save_works(room: Path) -> None:
    document = open_portfolio(room, "maya")
    document.set_strengths(["I am brave."])
    warnings = save_portfolio(room, document)
    assert [str(p) for p in warnings] == [
        "portfolios/maya.json: colour: warning: unknown field (ignored)"
    ]
    document.set_next_steps(["Spelling."])
    save_portfolio(room, document)
    assert read(room / "portfolios" / "maya.json")["next_steps"] == ["Spelling."]


def test_a_change_made_meanwhile_is_not_overwritten(room: Path) -> None:
    path = room / "portfolios" / "maya.json"
    mine = open_portfolio(room, "maya")
    theirs = open_portfolio(room, "maya")
    theirs.set_strengths(["Theirs."])
    save_portfolio(room, theirs)
    mine.set_strengths(["Mine."])
    with pytest.raises(ChangedOnDisk, match="changed by someone else"):
        save_portfolio(room, mine)
    assert read(path)["strengths"] == ["Theirs."]
    save_portfolio(room, mine, replace_changes=True)
    assert read(path)["strengths"] == ["Mine."]
    path.unlink()
    with pytest.raises(ChangedOnDisk, match="moved or deleted"):
        save_portfolio(room, mine)


def test_an_unreadable_portfolio_is_refused_by_name(room: Path) -> None:
    (room / "portfolios" / "zoe.json").write_text("[1, 2", encoding="utf-8")
    with pytest.raises(Refused, match=r"portfolios/zoe\.json: line 1, column 6"):
        open_portfolio(room, "zoe")
    with pytest.raises(Refused, match="no student 'nobody'"):
        open_portfolio(room, "nobody")
    with pytest.raises(Refused, match="is not a student id"):
        open_portfolio(room, "../class")


def test_prompts_and_class_settings_are_saved_in_place(room: Path) -> None:
    prompts = open_prompts(room)
    assert prompts.base_text is None  # the class has no prompts.json yet
    prompts.set_parent_questions(["What surprised you?"])
    save_prompts(prompts)
    assert read(room / "prompts.json") == {
        "format": "slc-prompts/1",
        "parent_questions": ["What surprised you?"],
    }
    settings = open_class_settings(room)
    settings.set_settings(minutes=3)
    with pytest.raises(Refused, match="minutes"):
        save_class_settings(settings)
    settings.set_settings(minutes=30, term="Spring 2027")
    save_class_settings(settings)
    assert read(room / "class.json")["minutes"] == 30
    assert list(read(room / "class.json")) == [
        "format",
        "name",
        "teacher",
        "term",
        "minutes",
        "language",
    ]


# -- adding work ---------------------------------------------------------------------------------


def test_add_work_copies_each_picture_and_makes_a_piece(room: Path, tmp_path: Path) -> None:
    drawing = write_png(tmp_path / "photos" / "my_best-drawing.png")
    clash = write_png(room / "portfolios" / "maya" / "volcano.png", color="red")
    other = write_png(tmp_path / "photos" / "volcano.png", color="blue")
    added = add_work(room, "maya", [f"'{drawing}'", other], subject="Art")
    assert [(a.piece_id, a.title, a.image.name, a.copied) for a in added] == [
        ("my-best-drawing", "My best drawing", "my_best-drawing.png", True),
        ("volcano", "Volcano", "volcano-2.png", True),
    ]
    assert clash.read_bytes() != other.read_bytes() == added[1].image.read_bytes()
    pieces = read(room / "portfolios" / "maya.json")["pieces"]
    assert isinstance(pieces, list)
    assert pieces[-2:] == [
        {
            "id": "my-best-drawing",
            "title": "My best drawing",
            "subject": "Art",
            "image": "maya/my_best-drawing.png",
        },
        {"id": "volcano", "title": "Volcano", "subject": "Art", "image": "maya/volcano-2.png"},
    ]


def test_a_picture_already_in_the_class_folder_is_not_copied(room: Path) -> None:
    inside = write_png(room / "photos" / "leaf.png")
    (added,) = add_work(room, "maya", [inside], title="Leaf")
    assert added.copied is False and added.image == inside.resolve()
    pieces = read(room / "portfolios" / "maya.json")["pieces"]
    assert isinstance(pieces, list) and pieces[-1]["image"] == "../photos/leaf.png"


def test_one_bad_file_means_nothing_is_added(room: Path, tmp_path: Path) -> None:
    path = room / "portfolios" / "maya.json"
    before = path.read_bytes()
    good = write_png(tmp_path / "good.png")
    text = tmp_path / "notes.png"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(Refused) as refused:
        add_work(room, "maya", [good, text, tmp_path / "gone.jpg", tmp_path])
    assert [str(p) for p in refused.value.problems] == [
        f"{text}: not a supported image (allowed: PNG, JPEG, GIF, WebP, BMP)",
        f"{tmp_path / 'gone.jpg'}: file not found",
        f"{tmp_path}: is a folder, not a picture",
    ]
    assert path.read_bytes() == before
    assert not (room / "portfolios" / "maya" / "good.png").exists()


def test_a_save_that_is_refused_after_copying_removes_the_copies(
    room: Path, tmp_path: Path
) -> None:
    document = open_portfolio(room, "maya")
    document.set_chosen(["nope"])  # a mistake already in the file: the save is refused
    write_bytes_atomically(room / "portfolios" / "maya.json", document.to_bytes())
    picture = write_png(tmp_path / "cat.png")
    with pytest.raises(Refused, match=r"chosen\[0\]"):
        add_work(room, "maya", [picture])
    assert not (room / "portfolios" / "maya" / "cat.png").exists()


def test_a_title_given_is_numbered_from_the_second_picture(room: Path, tmp_path: Path) -> None:
    pictures = [write_png(tmp_path / f"p{n}.png") for n in range(3)]
    added = add_work(room, "maya", pictures, title="Fractions")
    assert [(a.piece_id, a.title) for a in added] == [
        ("fractions", "Fractions"),
        ("fractions-2", "Fractions (2)"),
        ("fractions-3", "Fractions (3)"),
    ]


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("my_best-drawing.png", "My best drawing"),
        ("IMG_2041.JPG", "IMG 2041"),
        ("volcano.final.v2.jpg", "Volcano final v2"),
        (".png", "Png"),
        ("___.png", "Picture"),
        ("émile's  story.webp", "Émile's story"),
    ],
)
def test_title_from_file_name(name: str, title: str) -> None:
    assert title_from_file_name(name) == title


# -- pasted and dragged paths --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("'/path/with spaces.png'", "/path/with spaces.png"),
        ('"/path/with spaces.png"', "/path/with spaces.png"),
        ("/path/with\\ spaces\\ \\(1\\).png", "/path/with spaces (1).png"),
        ("file:///path/with%20spaces.png", "/path/with spaces.png"),
        ("file://localhost/tmp/a.png", "/tmp/a.png"),
        ("  /tmp/a.png \n", "/tmp/a.png"),
        ("~/a.png", os.path.expanduser("~/a.png")),
    ],
)
def test_clean_pasted_path(text: str, expected: str) -> None:
    assert clean_pasted_path(text) == Path(expected)


def test_pasted_paths_of_a_drop_of_several_files(tmp_path: Path) -> None:
    spaced = write_png(tmp_path / "my photo.png")
    assert pasted_paths(str(spaced)) == [spaced]  # unquoted, but it exists as it stands
    assert pasted_paths(f"'{spaced}' {tmp_path}/b\\ c.png") == [spaced, tmp_path / "b c.png"]
    assert pasted_paths("'unbalanced.png") == [Path("'unbalanced.png")]
    assert pasted_paths("   ") == []

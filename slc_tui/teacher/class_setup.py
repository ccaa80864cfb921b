"""Making a new class folder for a teacher (``slc new-class``); every file written atomically."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from slc_tui.core.class_folder import CLASS_FILE, PORTFOLIOS_DIR, PROMPTS_FILE, RESULTS_DIR
from slc_tui.core.classinfo import ClassInfo
from slc_tui.core.i18n import fill, translation
from slc_tui.core.portfolio import PORTFOLIO_FORMAT
from slc_tui.core.prompts import default_prompts_json
from slc_tui.store.fileops import write_bytes_atomically
from slc_tui.store.paths import bundled_sample_dir
from slc_tui.store.private_paths import PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, make_private_dir

TEACHER_README = """\
# {name}: a class folder for slc

This folder holds everything slc needs to run student-led conferences for one class.

- `class.json`: the class name, teacher, term and how many minutes a conference lasts.
- `prompts.json`: the prompting questions shown when a child presses **Help**, the questions
  suggested to parents, and ideas for how families can help at home. Edit them freely.
- `portfolios/ID.json`: one file per student (see `portfolios/example.json`). Each lists the
  student's pieces of work with pictures under `portfolios/`, their strengths, next steps and
  goals. The file name must match `student.id`.
- `results/`: what slc saves during conferences. Do not edit by hand.

Check your files with `slc validate {folder}` and open the class with `slc open {folder}`.
Export the conferences with `slc export {folder} --format csv --out conferences.csv`.
"""


class ClassFolderExists(Exception):
    """The target folder already holds files; nothing was written."""


def _write_json(path: Path, data: dict[str, Any]) -> None:
    write_bytes_atomically(path, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode())


def _example_portfolio(sample_images: list[Path]) -> dict[str, Any]:
    titles = ["My best drawing", "A story I wrote", "My maths work"]
    pieces = []
    for number, (title, image) in enumerate(zip(titles, sample_images, strict=False), start=1):
        pieces.append(
            {
                "id": f"piece-{number}",
                "title": title,
                "subject": ["Art", "Writing", "Maths"][number - 1],
                "date": "2026-10-01",
                "image": f"example/{image.name}",
                "why_chosen": "I chose it because I worked hard on it.",
                "what_i_did": "Write what the task was and what you did.",
                "skills": "Which skills did you use?",
                "proud_of": "What are you proud of?",
                "next_time": "What would you do differently next time?",
            }
        )
    return {
        "format": PORTFOLIO_FORMAT,
        "student": {
            "id": "example",
            "name": "Example Student",
            "grade": "3",
            "learner": "I learn best when I can try things with my hands.",
        },
        "pieces": pieces,
        "strengths": ["I am a kind friend.", "I keep trying when something is hard."],
        "next_steps": ["Writing neatly.", "Remembering my times tables."],
        "goals": [
            {
                "goal": "Read a chapter book by myself.",
                "how": "Read 15 minutes every night.",
                "by": "2027-03",
            }
        ],
        "prompts": {"piece": ["Show where you started and where you finished."]},
    }


def create_class(
    folder: Path, *, sample: bool = False, name: str = "", grade: str = "3", language: str = "en"
) -> Path:
    """Make a class folder at ``folder`` (which must be missing or empty).

    With ``sample`` it is a copy of the bundled sample class; otherwise a fresh class in
    ``language`` with the default prompts (in that language when slc has it) and one example
    portfolio.
    """
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ClassFolderExists(fill("{folder} already exists and is not empty", folder=folder))
    source = bundled_sample_dir()
    make_private_dir(folder)
    if sample:
        _copy_folder(source, folder)
        _make_owner_only(folder)
        return folder
    info = ClassInfo(name=name or folder.name, teacher="", term="", minutes=20, language=language)
    _write_json(folder / CLASS_FILE, info.to_json())
    spoken, _unreadable = translation(language)
    _write_json(folder / PROMPTS_FILE, default_prompts_json(grade, spoken))
    example_dir = folder / PORTFOLIOS_DIR / "example"
    example_dir.mkdir(parents=True)
    images = sorted((source / PORTFOLIOS_DIR).glob("*/*.png"))[:3]
    for image in images:
        write_bytes_atomically(example_dir / image.name, image.read_bytes())
    _write_json(folder / PORTFOLIOS_DIR / "example.json", _example_portfolio(images))
    (folder / RESULTS_DIR).mkdir()
    readme = TEACHER_README.format(name=info.name, folder=folder)
    write_bytes_atomically(folder / "README.md", readme.encode())
    _make_owner_only(folder)
    return folder


def _copy_folder(source: Path, target: Path) -> None:
    """Copy every file under ``source`` into ``target``, each written atomically (caches and
    links left out)."""
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if "__pycache__" in relative.parts or path.is_symlink() or not path.is_file():
            continue
        make_private_dir((target / relative).parent)
        write_bytes_atomically(target / relative, path.read_bytes())


def _make_owner_only(folder: Path) -> None:
    """Children's work and names: folders 0o700 and files 0o600 (what we just wrote)."""
    folder.chmod(PRIVATE_DIR_MODE)
    for path in folder.rglob("*"):
        if path.is_symlink():
            continue
        path.chmod(PRIVATE_DIR_MODE if path.is_dir() else PRIVATE_FILE_MODE)

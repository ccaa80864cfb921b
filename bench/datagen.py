"""Make the benchmark's data in a scratch folder: photos, class folders and stored conferences.

Nothing here is committed: every file is generated, deterministically (fixed seeds), on each run.

- Photos look like phone photos to a JPEG codec: soft shapes and gradients, a mid-frequency
  texture and per-channel sensor noise, saved at quality 90 with an EXIF block (one in four is a
  portrait shot stored sideways, EXIF orientation 6). At 12 MP they are about 5 MB each.
- A few distinct photos are made and hard-linked (copied where links fail) under many names, so
  every piece has its own path: a cache keyed on path and mtime sees them as different pictures.
- Stored conferences are real records (built with ``slc_tui.core`` and written with
  ``ResultsStore.save``), so they follow whatever format and layout the store uses.
"""

from __future__ import annotations

import io
import json
import os
import random
import shutil
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from PIL import Image, ImageChops, ImageDraw, ImageFilter

FIRST_NAMES = (
    "Ava", "Liam", "Maya", "Noah", "Zoë", "Omar", "Chloé", "Ethan", "Amara", "Lucas",
    "Sofía", "Kenji", "Priya", "Mateo", "Hana", "Oliver", "Aisha", "Finn", "Leila", "Tomás",
)  # fmt: skip
LAST_NAMES = (
    "Nguyen", "Okafor", "García", "Smith", "Kowalski", "Haddad", "Müller", "Tanaka", "Patel",
    "Rossi", "O'Brien", "Ivanova", "Mensah", "Dubois", "Silva", "Kim", "Novak", "Ahmed",
)  # fmt: skip
SUBJECTS = ("Science", "Writing", "Math", "Art", "Reading", "Social studies", "Music")
_TALK = (
    "I worked hard on the colours and the labels and I checked every part twice before "
    "I handed it in because my teacher said a good scientist looks again and my partner "
    "helped me find a better way to show the steps so next time I will plan it first and "
    "ask more questions about what the reader needs to know"
)
WORDS = tuple(_TALK.split())
CLASS_TERM = "Fall 2026"
PAST_TERMS = (
    "Fall 2022", "Spring 2023", "Fall 2023", "Spring 2024", "Fall 2024",
    "Spring 2025", "Fall 2025", "Spring 2026",
)  # fmt: skip


# -- pictures -----------------------------------------------------------------------------


def make_photo(seed: int, size: tuple[int, int], quality: int = 90) -> bytes:
    """A photo-like JPEG of ``size`` (see the module docstring)."""
    rng = random.Random(seed)
    width, height = size
    small_size = (max(8, width // 8), max(8, height // 8))
    channels = [
        Image.linear_gradient("L")
        .rotate(rng.uniform(0, 360), resample=Image.Resampling.BICUBIC)
        .resize(small_size, Image.Resampling.BICUBIC)
        for _ in range(3)
    ]
    small = Image.merge("RGB", channels)
    draw = ImageDraw.Draw(small)
    for _ in range(60):
        x0, y0 = rng.randrange(small_size[0]), rng.randrange(small_size[1])
        box = [x0, y0, x0 + rng.randrange(4, small_size[0] // 3), y0 + rng.randrange(4, 150)]
        colour = tuple(rng.randrange(40, 220) for _ in range(3))
        shape = rng.choice(("ellipse", "rectangle", "polygon"))
        if shape == "ellipse":
            draw.ellipse(box, fill=colour)
        elif shape == "rectangle":
            draw.rectangle(box, fill=colour)
        else:
            points = [(rng.randrange(small_size[0]), rng.randrange(small_size[1])) for _ in "abcd"]
            draw.polygon(points, fill=colour)
    small = small.filter(ImageFilter.GaussianBlur(1.5))
    picture = small.resize(size, Image.Resampling.BICUBIC)
    texture_size = (max(2, width // 4), max(2, height // 4))
    texture = Image.merge(
        "RGB",
        [
            Image.effect_noise(texture_size, 40).resize(size, Image.Resampling.BICUBIC)
            for _ in range(3)
        ],
    )
    picture = ImageChops.add(picture, texture, scale=1, offset=-128)
    noise = Image.merge("RGB", [Image.effect_noise(size, 6) for _ in range(3)])
    picture = ImageChops.add(picture, noise, scale=1, offset=-128)
    exif = Image.Exif()
    exif[0x010F] = "BenchCam"  # Make
    exif[0x0110] = "Model 12"  # Model
    exif[0x0112] = 6 if seed % 4 == 3 else 1  # Orientation
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=quality, exif=exif)
    return buffer.getvalue()


def make_drawing(seed: int, size: tuple[int, int]) -> bytes:
    """A flat-colour PNG, like a scanned child's drawing."""
    rng = random.Random(seed)
    picture = Image.new("RGB", size, (250, 248, 240))
    draw = ImageDraw.Draw(picture)
    for _ in range(25):
        x0, y0 = rng.randrange(size[0]), rng.randrange(size[1])
        box = [x0, y0, x0 + rng.randrange(5, size[0] // 2), y0 + rng.randrange(5, size[1] // 2)]
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.ellipse(box, outline=colour, width=3) if seed % 2 else draw.rectangle(box, fill=colour)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return buffer.getvalue()


def write_sources(folder: Path, blobs: Iterable[tuple[str, bytes]]) -> list[Path]:
    """Write each ``(name, bytes)`` under ``folder``; returns the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, blob in blobs:
        path = folder / name
        path.write_bytes(blob)
        paths.append(path)
    return paths


def link(source: Path, target: Path) -> Path:
    """Hard-link ``source`` to ``target`` (a copy where links are not possible)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
    return target


# -- class folders ------------------------------------------------------------------------


def write_json(path: Path, data: Any) -> Path:
    """Write ``data`` as indented UTF-8 JSON (parents created)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def sentence(rng: random.Random, words: int = 14) -> str:
    """A plausible sentence a child might say."""
    start = rng.randrange(len(WORDS) - words)
    text = " ".join(WORDS[start : start + words])
    return text[0].upper() + text[1:] + "."


def class_json(name: str) -> dict[str, Any]:
    """A ``class.json`` for the benchmark's classes."""
    return {
        "format": "slc-class/1",
        "name": name,
        "teacher": "Ms. Bench",
        "term": CLASS_TERM,
        "minutes": 20,
        "language": "en",
    }


def piece_json(rng: random.Random, piece_id: str, image: str, index: int) -> dict[str, Any]:
    """One piece of work with every talking point filled in."""
    return {
        "id": piece_id,
        "title": f"{rng.choice(SUBJECTS)} project {index + 1}",
        "subject": rng.choice(SUBJECTS),
        "date": f"2026-{rng.randrange(9, 12):02d}-{rng.randrange(1, 29):02d}",
        "image": image,
        "why_chosen": sentence(rng),
        "what_i_did": sentence(rng, 20),
        "skills": sentence(rng, 6),
        "proud_of": sentence(rng, 10),
        "next_time": sentence(rng, 12),
    }


def portfolio_json(
    rng: random.Random,
    student_id: str,
    name: str,
    images: Sequence[str],
    *,
    chosen: bool,
) -> dict[str, Any]:
    """A full ``slc-portfolio/1`` object with one piece per image."""
    pieces = [
        piece_json(rng, f"piece-{number + 1:02d}", image, number)
        for number, image in enumerate(images)
    ]
    data: dict[str, Any] = {
        "format": "slc-portfolio/1",
        "student": {
            "id": student_id,
            "name": name,
            "grade": str(rng.randrange(1, 9)),
            "learner": sentence(rng, 10),
        },
        "pieces": pieces,
        "strengths": [sentence(rng, 6) for _ in range(3)],
        "next_steps": [sentence(rng, 6) for _ in range(2)],
        "goals": [
            {"goal": sentence(rng, 6), "how": sentence(rng, 10), "by": "2027-03"} for _ in range(2)
        ],
    }
    if chosen and len(pieces) >= 3:
        data["chosen"] = [piece["id"] for piece in pieces[:3]]
    return data


def photo_class(root: Path, photos: Sequence[Path], pieces: int, student_id: str) -> Path:
    """A class with one student whose portfolio has ``pieces`` photos and no ``chosen``.

    Every piece gets its own hard link of one of ``photos``, so every path is new.
    """
    rng = random.Random(7)
    write_json(root / "class.json", class_json("Photo class"))
    folder = root / "portfolios"
    images = _linked_photos(folder, student_id, photos, pieces)
    data = portfolio_json(rng, student_id, "Ava Thompson", images, chosen=False)
    write_json(folder / f"{student_id}.json", data)
    return root


def _linked_photos(
    folder: Path, student_id: str, photos: Sequence[Path], pieces: int, first: int = 0
) -> list[str]:
    """``pieces`` new hard links under ``folder/student_id/`` of ``photos`` in turn (starting
    at the ``first``-th); returns their paths relative to ``folder``."""
    images = []
    for index in range(pieces):
        name = f"{student_id}/piece-{index + 1:02d}.jpg"
        link(photos[(first + index) % len(photos)], folder / name)
        images.append(name)
    return images


def night_class(root: Path, photos: Sequence[Path], students: int, pieces: int) -> list[str]:
    """A class of ``students`` children (different names), each with ``pieces`` photos and no
    ``chosen``: a conference night led one child after another. Returns the student ids.

    Every piece gets its own hard link of one of ``photos``, so every path is new.
    """
    rng = random.Random(13)
    write_json(root / "class.json", class_json("Night class"))
    folder = root / "portfolios"
    ids = []
    for number in range(students):
        student_id = f"n{number + 1:02d}"
        images = _linked_photos(folder, student_id, photos, pieces, first=number)
        name = f"{FIRST_NAMES[number % len(FIRST_NAMES)]} {rng.choice(LAST_NAMES)}"
        data = portfolio_json(rng, student_id, name, images, chosen=False)
        write_json(folder / f"{student_id}.json", data)
        ids.append(student_id)
    return ids


def big_class(root: Path, students: int, pictures: Sequence[Path], per_student: int) -> list[str]:
    """A class of ``students`` portfolios, each with ``per_student`` small pictures.

    Returns the student ids. The pictures are hard links of ``pictures`` (round robin).
    """
    rng = random.Random(11)
    write_json(root / "class.json", class_json("Big class"))
    folder = root / "portfolios"
    ids = []
    for number in range(students):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        student_id = f"s{number + 1:04d}"
        images = []
        for index in range(per_student):
            source = pictures[(number * per_student + index) % len(pictures)]
            name = f"{student_id}/work-{index + 1}{source.suffix}"
            link(source, folder / name)
            images.append(name)
        data = portfolio_json(rng, student_id, f"{first} {last}", images, chosen=number % 2 == 0)
        write_json(folder / f"{student_id}.json", data)
        ids.append(student_id)
    return ids


# -- stored conferences -------------------------------------------------------------------


def conference_record(
    class_dir: Path, student_id: str, started: datetime, term: str, *, done: bool, seed: int
) -> dict[str, Any]:
    """A realistic record of ``student_id``'s conference, built by ``slc_tui.core``."""
    folder = _load_class(class_dir)
    portfolio = folder.portfolio(student_id)
    if portfolio is None:
        raise KeyError(student_id)
    from slc_tui.core.conference import Conference
    from slc_tui.core.record import to_record
    from slc_tui.core.steps import StepKind

    rng = random.Random(seed)
    conference = Conference.start(portfolio, folder.info, started)
    for piece in portfolio.pieces[: conference.pieces_required]:
        if piece.id not in conference.chosen:
            conference.toggle_piece(piece.id)
    moment = started
    while not conference.is_last and (done or rng.random() < 0.7):
        conference.say(conference.step.key, sentence(rng, rng.randrange(8, 30)))
        if conference.step.kind is StepKind.QUESTIONS:
            conference.set_items(StepKind.QUESTIONS, [sentence(rng, 8), sentence(rng, 9)])
        if conference.step.kind is StepKind.COMMITMENT:
            conference.set_commitment(sentence(rng, 16), {0: sentence(rng, 8)}, False)
        moment += timedelta(minutes=2)
        conference.next(moment)
    conference.updated = moment
    record = to_record(conference)
    record["term"] = term
    return record


def write_results_like(
    results_dir: Path, templates: Sequence[Sequence[dict[str, Any]]], student_ids: Sequence[str]
) -> int:
    """A results file for each of ``student_ids`` holding copies of the conferences of
    ``templates`` (each child the next list of them, round robin), given the child's ids,
    written as the store writes a results file (a TinyDB document): a class of thousands
    gets its results in seconds, not by leading each conference. Returns how many."""
    results_dir.mkdir(parents=True, exist_ok=True)
    written = 0
    for number, student_id in enumerate(student_ids):
        table = {}
        for key, template in enumerate(templates[number % len(templates)], start=1):
            record = json.loads(json.dumps(template))
            record["student_id"] = student_id
            record["id"] = f"{student_id}-{key}"
            table[str(key)] = record
        text = json.dumps({"conferences": table}, ensure_ascii=False)
        (results_dir / f"{student_id}.json").write_text(text, encoding="utf-8")
        written += len(table)
    return written


_CLASS_CACHE: dict[Path, Any] = {}


def _load_class(class_dir: Path) -> Any:
    from slc_tui.core.class_folder import load_class_folder

    if class_dir not in _CLASS_CACHE:
        _CLASS_CACHE[class_dir] = load_class_folder(class_dir)
    return _CLASS_CACHE[class_dir]


def term_start(term: str) -> datetime:
    """A plausible conference day in ``term``."""
    season, year = term.split()
    return datetime(int(year), 11 if season == "Fall" else 4, 14, 15, 30)


def store_conferences(
    class_dir: Path, results_dir: Path, student_ids: Sequence[str], total: int
) -> int:
    """Save ``total`` conferences spread over ``student_ids`` with ``ResultsStore.save``.

    Each student gets ``total // len(student_ids)`` (the first few one more), oldest term first;
    most are finished, some of this term are still in progress. Returns how many were saved.
    """
    from slc_tui.store.results import ResultsStore

    terms = [*PAST_TERMS, CLASS_TERM]
    per_student, extra = divmod(total, len(student_ids))

    def save_student(number: int) -> int:
        store = ResultsStore(results_dir)
        student_id = student_ids[number]
        count = per_student + (1 if number < extra else 0)
        for index in range(count):
            term = terms[max(0, len(terms) - count + index)]  # the newest is this term's
            started = term_start(term) + timedelta(days=index, minutes=number % 97)
            done = term != CLASS_TERM or number % 3 != 0
            record = conference_record(
                class_dir, student_id, started, term, done=done, seed=number * 1000 + index
            )
            store.save(record)
        return count

    _load_class(class_dir)  # once, before the threads share it
    with ThreadPoolExecutor(max_workers=4) as pool:
        return sum(pool.map(save_student, range(len(student_ids))))

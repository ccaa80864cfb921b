"""Hypothesis strategies and checks shared by the ``test_fuzz_*`` modules.

Pure random JSON rarely gets past a loader's first ``isinstance`` check, so besides
:data:`json_values` there are *near-valid* documents: the right keys, each value
usually right and sometimes replaced by junk (wrong types, bad ids, dates and
grades, huge lists, odd image paths). The test at the bottom checks that these
strategies really reach deep code (portfolios load with pieces, a choice, goals...).

Every fuzz test uses the ``slc-fuzz`` profile: a bounded, derandomised run so CI is
fast and reproducible. Run with ``--hypothesis-show-statistics`` to see the counts.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from slc_tui.core.classinfo import CLASS_FORMAT
from slc_tui.core.fields import GRADES, is_valid_date, is_valid_id
from slc_tui.core.portfolio import PIECE_NOTE_FIELDS, PORTFOLIO_FORMAT, Portfolio, parse_portfolio
from slc_tui.core.problems import Problem, ProblemList
from slc_tui.core.prompts import PROMPTS_FORMAT
from slc_tui.core.steps import STEP_IDS

settings.register_profile(
    "slc-fuzz",
    max_examples=200,
    deadline=None,
    derandomize=True,  # the same examples on every run: CI failures reproduce locally
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
#: Decorate each property with this (the profile is not loaded globally: other tests
#: keep their own settings).
FUZZ = settings.get_profile("slc-fuzz")
#: For properties whose examples cost more (files written, several documents each).
FUZZ_DISK = settings(FUZZ, max_examples=100)
#: For properties that write a whole class folder per example.
FUZZ_FOLDER = settings(FUZZ, max_examples=50)

# -- text ------------------------------------------------------------------------------------

NASTY_STRINGS = [
    "",
    " ",
    "\x00",
    "\x1b[31mred\x1b[0m",
    "line\r\nbreak\rx",
    "tab\there",
    "\ud800",
    "a\udfffb",
    "\u202eevil.png",
    "\ufeffbom",
    "\x85\u2028\u2029",
    "NaN",
    "null",
    "e\u0301",
    "👩\u200d👩\u200d👧\u200d👦 👍🏽",
    "مرحبا 123 שלום",
    "中文",
]
#: Just past the line and text limits (made by ``map``: a long literal in a strategy's
#: repr makes Hypothesis slow).
long_texts = st.sampled_from([301, 2001, 10_001]).map(lambda n: "y" * n)

texts = st.one_of(
    st.text(max_size=20),
    st.text(st.characters(categories=["Cc", "Cf", "Zl", "Zp", "Mn", "Co"]), max_size=8),
    st.sampled_from(NASTY_STRINGS),
    st.tuples(st.text(max_size=8), st.sampled_from(NASTY_STRINGS)).map("".join),
    long_texts,
)
#: Text a teacher would write: usable after cleaning (names, titles, notes).
good_texts = st.one_of(
    st.sampled_from(["Maya López", "محمد ٣", "李雷", "Zoë 🦋", "Ängel\nline two", "O'Neil"]),
    st.text(st.characters(categories=["L", "N", "Zs", "So"]), min_size=1, max_size=20).filter(
        str.strip
    ),
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(),  # NaN and infinities too: parse functions get them from Python callers
    texts,
)

#: Any JSON-like value (plus NaN / infinity): null, booleans, numbers, text, lists, objects.
json_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(texts, children, max_size=4),
    max_leaves=12,
)
#: A wrong value for a field: cheaper than :data:`json_values` (no recursion), used where
#: a near-valid document needs many of them.
junk = st.one_of(
    scalars, st.lists(scalars, max_size=3), st.dictionaries(texts, scalars, max_size=3)
)


def mostly(valid: st.SearchStrategy[Any], wrong: st.SearchStrategy[Any] = junk) -> Any:
    """``valid`` five times in six, otherwise ``wrong`` (by default :data:`junk`).

    (``st.one_of(valid, valid, ..., junk)`` is not weighted like that: measured, the
    repeated branch came out far less often than five times in six.)
    """
    return st.sampled_from([True] * 5 + [False]).flatmap(lambda ok: valid if ok else wrong)


def rarely_wrong(valid: st.SearchStrategy[Any], wrong: st.SearchStrategy[Any] = junk) -> Any:
    """``valid`` nine times in ten: for the fields that decide whether a file loads at all."""
    return st.sampled_from([True] * 9 + [False]).flatmap(lambda ok: valid if ok else wrong)


def huge_list(item: st.SearchStrategy[Any]) -> st.SearchStrategy[list[Any]]:
    """A list at or around the 500-item limit (or far past it), made cheaply by repetition."""
    return st.builds(lambda x, n: [x] * n, item, st.sampled_from([500, 501, 1000]))


#: What a list field holds when a hand gets it wrong: things that do not iterate, or
#: iterate as something else (a text's letters, an object's keys).
NOT_LISTS = st.sampled_from([5, -1.5, True, "text", {"goal": "x"}, None, 0])


def lists_of(item: st.SearchStrategy[Any], min_size: int = 0, max_size: int = 5) -> Any:
    """Mostly a short list of ``item``; sometimes a huge one, not a list at all, or junk."""
    choice = st.sampled_from(["short"] * 7 + ["huge", "not a list", "junk"])
    strategies = {
        "short": st.lists(item, min_size=min_size, max_size=max_size),
        "huge": huge_list(item),
        "not a list": NOT_LISTS,
        "junk": junk,
    }
    return choice.flatmap(strategies.__getitem__)


# -- fields ----------------------------------------------------------------------------------

PIECE_IDS = ["butterfly", "story", "arrays", "a", "b-2"]
bad_ids = st.one_of(
    st.sampled_from(["Maya", "", "-x", "../x", "maya\n", "ma ya", "ı", "١", "a" * 65]),
    texts,
    junk,
)
any_ids = st.from_regex(r"[a-z0-9][a-z0-9_-]{0,63}", fullmatch=True)
#: Piece ids: mostly from a small pool, so that ``chosen`` and duplicates hit them.
piece_ids = mostly(st.sampled_from(PIECE_IDS), st.one_of(any_ids, bad_ids))
student_ids = rarely_wrong(st.sampled_from(["maya", "leo"]) | any_ids, bad_ids)
dates = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.dates().map(lambda d: d.isoformat()[:7]),
    st.sampled_from(
        ["2026-02-30", "2026-13", "2026-00-10", "0000-01-01", "10/03/2026", "٢٠٢٦-10", "2026-10 "]
    ),
)
grades = st.one_of(st.sampled_from(GRADES), st.integers(1, 12))
bad_grades = st.one_of(
    st.sampled_from(["k", "0", "13", "K ", "१", "2.0", 2.0, True]), st.integers(-2, 14), junk
)
ODD_IMAGES: list[str] = [
    "maya/butterfly.png",
    "maya\\butterfly.png",
    "./maya/../maya/butterfly.png",
    "maya//butterfly.png",
    "/etc/passwd",
    "../../etc/passwd",
    "../outside.png",
    "~/x.png",
    "~",
    "a\x00b.png",
    "\ud800.png",
    "C:\\x.png",
    "C:x.png",
    "\\\\server\\share\\x.png",
    "http://example.com/x.png",
    "file:///etc/passwd",
    "maya/out-link.png",
    "maya/loop.png",
    "maya/fifo.png",
    "maya/dir.png",
    "maya",
    ".",
    "..",
    "💡/🦋.png",
]
images = st.one_of(
    st.sampled_from(ODD_IMAGES),
    st.sampled_from([300, 1001]).map(lambda n: "n" * n + ".png"),  # a name too long for the OS
    st.just(400).map(lambda n: "/".join(["d"] * n)),
    st.lists(
        st.sampled_from(["..", ".", "maya", "~", "", "a b", "💡", "x.png", "\\"]), max_size=5
    ).map("/".join),
)

# -- documents -------------------------------------------------------------------------------


def _doc(fmt: str, required: dict[str, Any], optional: dict[str, Any]) -> st.SearchStrategy[Any]:
    """A near-valid document of ``fmt``, sometimes with an unknown key."""
    keys = st.one_of(st.sampled_from(["colour", "$schema", "\x1b[2J", "\ud800"]), long_texts)
    extra = st.dictionaries(keys, junk, max_size=2)
    doc = st.fixed_dictionaries(
        {"format": rarely_wrong(st.just(fmt)), **required}, optional={**optional, "extra": extra}
    )
    return doc.map(lambda d: {**{k: v for k, v in d.items() if k != "extra"}, **d.get("extra", {})})


pieces = st.fixed_dictionaries(
    {"id": piece_ids, "title": mostly(good_texts, texts)},
    optional={
        "subject": mostly(good_texts, texts),
        "date": mostly(dates),
        "image": mostly(images),
        **{name: mostly(good_texts, texts) for name in PIECE_NOTE_FIELDS},
        "rating": junk,
    },
)
goals = st.fixed_dictionaries(
    {"goal": mostly(good_texts, texts)},
    optional={"how": mostly(good_texts, texts), "by": mostly(dates)},
)
step_prompts = st.dictionaries(
    mostly(st.sampled_from(sorted(STEP_IDS)), texts),
    lists_of(mostly(good_texts, texts)),
    max_size=4,
)

portfolios = _doc(
    PORTFOLIO_FORMAT,
    {
        "student": rarely_wrong(
            st.fixed_dictionaries(
                {
                    "id": student_ids,
                    "name": rarely_wrong(good_texts, texts),
                    "grade": rarely_wrong(grades, bad_grades),
                },
                optional={"learner": mostly(good_texts, texts), "pet": junk},
            )
        ),
        "pieces": lists_of(pieces, min_size=1, max_size=6),
        # Always there (junk includes null, the same as leaving the key out).
        "chosen": lists_of(mostly(st.sampled_from(PIECE_IDS)), min_size=1, max_size=3),
        "strengths": lists_of(mostly(good_texts, texts)),
        "next_steps": lists_of(mostly(good_texts, texts)),
        "goals": lists_of(goals, min_size=1),
        "prompts": mostly(step_prompts),
    },
    {},
)
class_files = _doc(
    CLASS_FORMAT,
    {"name": mostly(good_texts, texts)},
    {
        "teacher": mostly(good_texts, texts),
        "term": mostly(good_texts, texts),
        "minutes": mostly(st.integers(0, 200)),
        "language": mostly(st.sampled_from(["en", "fr", "ar", "toolong" * 3])),
        "paper": mostly(st.sampled_from(["a4", "letter", "A4"])),
    },
)
prompt_files = _doc(
    PROMPTS_FORMAT,
    {},
    {
        "steps": mostly(step_prompts),
        "parent_questions": lists_of(mostly(good_texts, texts)),
        "commitment_ideas": lists_of(mostly(good_texts, texts)),
    },
)

# -- checks ----------------------------------------------------------------------------------


def is_clean(text: str) -> bool:
    """True for text as the loaders keep it: NFC, no controls but ``\\n``/``\\t``, UTF-8-safe."""
    text.encode("utf-8")  # raises on a lone surrogate
    controls = {c for c in text if unicodedata.category(c) == "Cc"}
    return unicodedata.is_normalized("NFC", text) and controls <= {"\n", "\t"}


def check_problems(problems: list[Problem], file: str) -> None:
    """Every problem names ``file`` (and its field) and prints as one clean line."""
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.file == file
        assert problem.severity in ("error", "warning")
        assert problem.message
        text = str(problem)
        prefix = f"{file}: {problem.field}: " if problem.field else f"{file}: "
        assert text.startswith(prefix), text
        assert text.replace("\u200d", "").isprintable(), text  # ZWJ: part of emoji
        assert len(text) < 1500
        text.encode("utf-8")


def check_portfolio(portfolio: Portfolio, root: Path) -> None:
    """A loaded portfolio keeps every rule of docs/portfolio-format.md."""
    student = portfolio.student
    assert is_valid_id(student.id)
    assert student.grade in GRADES
    assert student.name and student.name == student.name.strip() and is_clean(student.name)
    assert is_clean(student.learner)
    assert len(portfolio.pieces) <= 500
    piece_ids = [piece.id for piece in portfolio.pieces]
    assert len(set(piece_ids)) == len(piece_ids)
    for piece in portfolio.pieces:
        assert is_valid_id(piece.id)
        assert piece.title and is_clean(piece.title)
        assert all(is_clean(getattr(piece, name)) for name in PIECE_NOTE_FIELDS)
        assert piece.date == "" or is_valid_date(piece.date)
        if piece.image_path is not None:
            assert piece.image_path.is_relative_to(root.resolve())
            assert piece.image_path.is_file()
    assert set(portfolio.chosen) <= set(piece_ids)
    assert len(set(portfolio.chosen)) == len(portfolio.chosen) <= 3
    for goal in portfolio.goals:
        assert goal.goal and is_clean(goal.goal) and is_clean(goal.how)
        assert goal.by == "" or is_valid_date(goal.by)
    assert set(portfolio.prompts) <= STEP_IDS
    texts_kept = [*portfolio.strengths, *portfolio.next_steps]
    texts_kept += [t for group in portfolio.prompts.values() for t in group]
    assert all(t and is_clean(t) for t in texts_kept)
    json.dumps([student.name, texts_kept], ensure_ascii=False).encode("utf-8")


# -- the strategies reach deep code ------------------------------------------------------------


def test_near_valid_portfolios_reach_deep_code(tmp_path: Path) -> None:
    """Over the fuzz run, many portfolios load with pieces and a choice, and many are refused."""
    seen: Counter[str] = Counter()

    @FUZZ_DISK
    @given(portfolios)
    def run(data: Any) -> None:
        problems = ProblemList("p.json")
        found = parse_portfolio(data, problems, portfolio_dir=tmp_path, class_root=tmp_path)
        seen["examples"] += 1
        seen["refused" if found is None else "loaded"] += 1
        if found is not None:
            seen["2+ pieces"] += len(found.pieces) >= 2
            seen["chosen"] += bool(found.chosen)
            seen["goals"] += bool(found.goals)
            seen["prompts"] += bool(found.prompts)
        seen["piece problems"] += any(p.field.startswith("pieces[") for p in problems)

    run()
    assert seen["examples"] >= 100
    for outcome in (
        "refused",
        "loaded",
        "2+ pieces",
        "chosen",
        "goals",
        "prompts",
        "piece problems",
    ):
        assert seen[outcome] >= 3, seen

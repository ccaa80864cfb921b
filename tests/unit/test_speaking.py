"""Which language a document or screen speaks, found one way everywhere (``i18n.speaking``),
and a language code that is not one reads no file."""

from __future__ import annotations

from pathlib import Path

from slc_tui.core import i18n
from slc_tui.core.classinfo import parse_class_info
from slc_tui.core.problems import ProblemList


def test_a_language_with_a_catalog_is_spoken_and_english_or_none_is_english() -> None:
    assert i18n.speaking("es").code == "es"
    assert i18n.speaking(" fr ").code == "fr"
    for code in ("en", "en-GB", "de", "", "  ", "../../x", None, 42):
        assert i18n.speaking(code) is i18n.ENGLISH, code


def test_a_code_naming_a_path_reads_nothing_outside_the_folders(tmp_path: Path) -> None:
    languages = tmp_path / "class" / "languages"
    languages.mkdir(parents=True)
    (tmp_path / "class" / "x.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: x\\n"\n\nmsgid "Next ▶"\nmsgstr "PWNED"\n',
        encoding="utf-8",
    )
    found, problems = i18n.translation("../x", [languages])
    assert found is i18n.ENGLISH and problems == ()
    assert found.gettext("Next ▶") == "Next ▶"


def test_a_class_language_that_is_not_a_code_is_named_and_english_used() -> None:
    problems = ProblemList("class.json")
    data = {"format": "slc-class/1", "name": "Room 12", "language": "../../evil"}
    info = parse_class_info(data, problems)
    assert info is not None and info.language == "en"
    [problem] = list(problems)
    assert problem.field == "language" and not problem.is_error

"""Translations (``core/i18n.py``) and the bundled catalogs (``tools/catalogs.py check``):
every message of the code in every catalog, falling back per message, never crashing."""

from __future__ import annotations

from pathlib import Path

import pytest

from slc_tui.core import i18n
from slc_tui.core.i18n import ENGLISH, Translation, catalog_paths, normalise_code, translation
from tools.catalogs import LANGUAGES, extract, gaps

CATALOG = """\
msgid ""
msgstr ""
"Language: {code}\\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\\n"

msgid "Hello"
msgstr "Bonjour"

msgid "Next"
msgstr ""

#, fuzzy
msgid "Back"
msgstr "Arrière"

msgid "Thank you, {name}!"
msgstr "Merci, {nom} !"

msgid "{n} piece"
msgid_plural "{n} pieces"
msgstr[0] "{n} travail"
msgstr[1] "{n} travaux"
"""


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    i18n._cache.clear()


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_bundled_catalog_has_every_message(code: str) -> None:
    template = extract()
    assert len(template) > 0
    problems = [str(gap) for gap in gaps(code, template)]
    assert problems == [], f"{len(problems)} problem(s); run python -m tools.catalogs update"


def test_a_partial_catalog_falls_back_to_english_per_message(tmp_path: Path) -> None:
    (tmp_path / "xx.po").write_text(CATALOG.replace("{code}", "xx"), encoding="utf-8")
    found, problems = translation("xx", [tmp_path])
    assert problems == ()
    assert found.gettext("Hello") == "Bonjour"
    assert found.gettext("Next") == "Next"  # empty
    assert found.gettext("Back") == "Back"  # fuzzy
    assert found.gettext("Never translated") == "Never translated"
    assert found.nfill("{n} piece", "{n} pieces", 1) == "1 travail"
    assert found.nfill("{n} piece", "{n} pieces", 3) == "3 travaux"
    assert found.nfill("{n} piece", "{n} pieces", 0) == "0 travail"  # French: 0 is singular
    # The catalog renamed a placeholder: the English is used, nothing raised.
    assert found.fill("Thank you, {name}!", name="Maya") == "Thank you, Maya!"


def test_a_class_catalog_overrides_the_bundled_one_message_by_message(tmp_path: Path) -> None:
    (tmp_path / "fr.po").write_text(CATALOG.replace("{code}", "fr"), encoding="utf-8")
    bundled, _ = translation("fr")
    ours, _ = translation("fr", [tmp_path])
    assert ours.gettext("Hello") == "Bonjour"
    assert ours.source == tmp_path / "fr.po"
    assert ours.fallback is not None and ours.fallback.source == bundled.source


@pytest.mark.parametrize(
    "text",
    ["not a catalog at all\x00\xff", 'msgid "unclosed', "", "msgid 1\nmsgstr\n"],
)
def test_a_broken_catalog_is_reported_and_english_used(tmp_path: Path, text: str) -> None:
    (tmp_path / "vi.po").write_bytes(text.encode("latin-1"))
    found, problems = translation("vi", [tmp_path])
    assert found.gettext("Hello") == "Hello"
    for problem in problems:
        assert str(problem).startswith(str(tmp_path / "vi.po"))


def test_a_regional_code_finds_its_base_language(tmp_path: Path) -> None:
    (tmp_path / "fr.po").write_text(CATALOG.replace("{code}", "fr"), encoding="utf-8")
    assert normalise_code("fr_ca") == "fr-CA" and normalise_code("ES") == "es"
    assert catalog_paths("fr-CA", [tmp_path])[0] == tmp_path / "fr.po"
    assert translation("fr_CA", [tmp_path])[0].gettext("Hello") == "Bonjour"


def test_english_reads_no_catalog_and_unknown_languages_are_english() -> None:
    english, problems = translation("en")
    assert english is ENGLISH and problems == ()
    klingon, _ = translation("tlh")
    assert klingon.gettext("Hello") == "Hello" and klingon.code == "tlh"


def test_the_active_language_is_what_underscore_speaks(tmp_path: Path) -> None:
    (tmp_path / "fr.po").write_text(CATALOG.replace("{code}", "fr"), encoding="utf-8")
    try:
        i18n.use(translation("fr", [tmp_path])[0])
        assert i18n._("Hello") == "Bonjour"
        assert i18n.nfill("{n} piece", "{n} pieces", 2) == "2 travaux"
    finally:
        i18n.use(ENGLISH)
    assert i18n._("Hello") == "Hello"
    assert isinstance(i18n.active(), Translation)


def test_a_folder_named_as_typed_and_resolved_reads_its_catalogs_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "room" / "languages").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    typed = translation("es", [Path("room") / "languages"])
    assert translation("es", [tmp_path.resolve() / "room" / "languages"]) is typed

"""Keep the message catalogs in step with the code (a developer's tool, not run by slc).

    python -m tools.catalogs update   # slc.pot from the code; en/es/fr.po brought up to date
    python -m tools.catalogs check    # what is missing, empty or fuzzy in each catalog
    python -m tools.catalogs todo es  # the messages es.po still lacks, as JSON to fill in
    python -m tools.catalogs fill es FILE.json  # put those translations into es.po

``todo`` prints ``{"message": ""}`` (``{"singular": ["", ""]}`` for plurals) for each message
without a translation; ``fill`` takes the same object back with the blanks filled.

``update`` extracts every message marked with ``_``, ``N_``, ``gettext``, ``ngettext``,
``fill`` / ``nfill`` (of a :class:`~slc_tui.core.i18n.Translation`) from ``slc_tui/``
into ``slc_tui/locale/slc.pot``, then updates each ``CODE.po`` from it with Babel: new
messages are added empty, gone ones dropped, translations kept. ``en.po`` is the messages
themselves. Translators fill the empty ``msgstr`` lines (see docs/translating.md).
"""

from __future__ import annotations

import argparse
import copy
import io
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po, write_po

from slc_tui.core.i18n import BUNDLED_DIR, placeholders

SOURCE = Path(__file__).resolve().parent.parent / "slc_tui"
TEMPLATE = BUNDLED_DIR / "slc.pot"
#: The bundled catalogs (besides the template).
LANGUAGES = ("en", "es", "fr")
KEYWORDS = {
    **DEFAULT_KEYWORDS,
    "N_": None,
    "fill": None,
    "nfill": (1, 2),
}
_WIDTH = 100
STAMP = datetime(2026, 12, 1, tzinfo=UTC)
#: The classic gettext plural rules (CLDR's extra "millions" form is left out: a class
#: never counts a million of anything, and translators fill two forms, not three).
PLURAL_FORMS = {
    "en": (2, "(n != 1)"),
    "es": (2, "(n != 1)"),
    "fr": (2, "(n > 1)"),
}
HEADER = """\
# {language} messages of slc, the student-led conference app.
# Translators: fill each empty msgstr (see docs/translating.md).
# This file is distributed under the same license as slc (MIT).
#"""


def new_catalog(code: str | None = None) -> Catalog:
    """An empty catalog of slc (the template when ``code`` is None)."""
    from babel import Locale

    name = Locale.parse(code).english_name if code else "Template for the"
    catalog = Catalog(
        locale=code,
        project="slc",
        version="0.2",
        domain="slc",
        fuzzy=False,
        header_comment=HEADER.format(language=name),
        copyright_holder="the slc authors",
        msgid_bugs_address="the slc maintainers",
        last_translator="slc translators",
        language_team=f"{name} (slc)" if code else "",
        # Fixed, so that two branches adding messages do not clash on the header.
        creation_date=STAMP,
        revision_date=STAMP,
    )
    if code in PLURAL_FORMS:
        catalog._num_plurals, catalog._plural_expr = PLURAL_FORMS[code]
    return catalog


def extract() -> Catalog:
    """Every marked message of ``slc_tui/``, with where it is used."""
    catalog = new_catalog()
    found = extract_from_dir(
        str(SOURCE),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("TRANSLATORS:",),
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in found:
        if not message or (isinstance(message, tuple) and not message[0]):
            continue
        location = (f"slc_tui/{filename}", lineno)
        catalog.add(message, None, [location], auto_comments=comments, context=context)
    return catalog


def read(path: Path) -> Catalog:
    """The catalog at ``path``."""
    with path.open("rb") as stream:
        return read_po(stream)


def write(catalog: Catalog, path: Path) -> None:
    """Write ``catalog`` to ``path`` (sorted by message, without line numbers)."""
    out = io.BytesIO()
    write_po(out, catalog, width=_WIDTH, sort_output=True, include_lineno=False)
    path.write_bytes(out.getvalue())


def update() -> None:
    """Write the template and bring every bundled catalog up to date with it."""
    template = extract()
    write(template, TEMPLATE)
    for code in LANGUAGES:
        path = BUNDLED_DIR / f"{code}.po"
        catalog = read(path) if path.exists() else new_catalog(code)
        if code in PLURAL_FORMS:
            catalog._num_plurals, catalog._plural_expr = PLURAL_FORMS[code]
        # (update() may put the template's own messages into the catalog: give each a copy)
        catalog.update(copy.deepcopy(template), no_fuzzy_matching=True, update_header_comment=False)
        catalog.creation_date = catalog.revision_date = STAMP
        catalog.obsolete.clear()
        if code == "en":
            for message in catalog:
                if message.id:
                    message.string = message.id
                    message.flags.discard("fuzzy")
        write(catalog, path)


@dataclass(frozen=True)
class Gap:
    """Something wrong with one message of one catalog."""

    code: str
    message: str
    problem: str

    def __str__(self) -> str:
        return f"{self.code}.po: {self.message!r}: {self.problem}"


def gaps(code: str, template: Catalog | None = None) -> Iterator[Gap]:
    """What ``CODE.po`` lacks against the code: messages missing, empty or fuzzy, and
    translations whose ``{placeholders}`` differ from the message's."""
    wanted = template if template is not None else extract()
    path = BUNDLED_DIR / f"{code}.po"
    if not path.exists():
        yield Gap(code, "", "the catalog is missing")
        return
    catalog = read(path)
    for message in wanted:
        if not message.id:
            continue
        found = catalog.get(message.id, message.context)
        shown = message.id[0] if isinstance(message.id, tuple) else message.id
        if found is None:
            yield Gap(code, shown, "missing")
            continue
        if found.fuzzy:
            yield Gap(code, shown, "fuzzy")
        strings = found.string if isinstance(found.string, tuple) else (found.string,)
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        if not all(strings):
            yield Gap(code, shown, "not translated")
            continue
        expected = set().union(*(placeholders(i) for i in ids))
        for string in strings:
            if not placeholders(string) <= expected:
                yield Gap(code, shown, f"has placeholders {sorted(placeholders(string))}")


def todo(code: str) -> dict[str, str | list[str]]:
    """The messages ``CODE.po`` has no translation for (fuzzy ones too), blank."""
    catalog = read(BUNDLED_DIR / f"{code}.po")
    blanks: dict[str, str | list[str]] = {}
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            if isinstance(message.id, tuple):
                blanks[str(message.id[0])] = [""] * catalog.num_plurals
            else:
                blanks[str(message.id)] = ""
    return blanks


def fill_in(code: str, translations: dict[str, str | list[str]]) -> list[str]:
    """Put ``translations`` into ``CODE.po``; returns the messages it does not have."""
    path = BUNDLED_DIR / f"{code}.po"
    catalog = read(path)
    by_first = {(m.id[0] if isinstance(m.id, tuple) else m.id): m for m in catalog if m.id}
    unknown: list[str] = []
    for key, value in translations.items():
        message = by_first.get(key)
        if message is None:
            unknown.append(key)
            continue
        message.string = tuple(value) if isinstance(value, list) else value
        message.flags.discard("fuzzy")
    write(catalog, path)
    return unknown


def main(argv: list[str] | None = None) -> int:
    """Run one of the commands above."""
    parser = argparse.ArgumentParser(prog="python -m tools.catalogs", description=__doc__)
    parser.add_argument("command", choices=("update", "check", "todo", "fill"))
    parser.add_argument("code", nargs="?", help="a language: es, fr")
    parser.add_argument("file", nargs="?", type=Path, help="the JSON to fill in from")
    args = parser.parse_args(argv)
    if args.command == "update":
        update()
        return 0
    if args.command == "todo":
        print(json.dumps(todo(args.code), ensure_ascii=False, indent=1))
        return 0
    if args.command == "fill":
        unknown = fill_in(args.code, json.loads(args.file.read_text(encoding="utf-8")))
        for key in unknown:
            print(f"not in {args.code}.po (run update first?): {key!r}", file=sys.stderr)
        return 1 if unknown else 0
    template = extract()
    problems = [gap for code in LANGUAGES for gap in gaps(code, template)]
    for gap in problems:
        print(gap)
    print(f"{len(problems)} problem(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())

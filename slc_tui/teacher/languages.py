"""Which languages a class's conferences can be led in, and how complete each catalog is
(``slc languages``): the bundled catalogs, those dropped into the user's data folder's
``languages/`` and the class folder's ``languages/``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from slc_tui.core import i18n
from slc_tui.core.i18n import BUNDLED_DIR, N_, CatalogUnreadable, read_catalog
from slc_tui.store.paths import default_user_data_dir, language_folders

__all__ = ["LanguageRow", "language_rows", "template_messages"]

TEMPLATE = BUNDLED_DIR / "slc.pot"
# TRANSLATORS: where a catalog was found, as "this class: /home/…/room12/languages/vi.po".
THIS_CLASS = N_("this class")
DATA_FOLDER = N_("your data folder")
BUNDLED = N_("bundled")
BUILT_IN = N_("built in")


@dataclass(frozen=True)
class LanguageRow:
    """One catalog: its language, where it is, and how much of slc it translates."""

    code: str
    name: str
    #: ``bundled``, ``your data folder``, ``this class`` or ``built in``, in the active
    #: language.
    where: str
    path: Path
    translated: int
    total: int
    problem: str = ""

    @property
    def percent(self) -> int:
        """How much of slc the catalog translates, in whole per cent (rounded down)."""
        return 100 * self.translated // self.total if self.total else 0


def template_messages() -> set[str]:
    """Every message of slc (from the bundled template ``slc.pot``), by its first form."""
    from babel.messages.pofile import read_po

    with TEMPLATE.open("rb") as stream:
        catalog = read_po(stream)
    return {str(m.id[0] if isinstance(m.id, tuple) else m.id) for m in catalog if m.id}


def language_rows(class_dir: Path | None) -> list[LanguageRow]:
    """Every catalog found, English first: the class's, the user's, then the bundled ones
    (a class catalog is used before a bundled one of the same language)."""
    wanted = template_messages()
    places: list[tuple[Path, str]] = []
    if class_dir is not None:
        places.append((language_folders(class_dir)[0], THIS_CLASS))
    places.append((default_user_data_dir() / "languages", DATA_FOLDER))
    places.append((BUNDLED_DIR, BUNDLED))
    total = len(wanted)
    built_in = i18n._(BUILT_IN)
    rows = [LanguageRow("en", i18n.language_name("en"), built_in, TEMPLATE, total, total)]
    for folder, where in places:
        try:
            paths = sorted(folder.glob("*.po"))
        except OSError:
            continue
        for path in paths:
            code = i18n.normalise_code(path.stem)
            if code == i18n.SOURCE_LANGUAGE and folder == BUNDLED_DIR:
                continue  # the messages themselves: the "built in" row
            rows.append(_row(path, code, i18n._(where), wanted))
    return rows


def _row(path: Path, code: str, where: str, wanted: set[str]) -> LanguageRow:
    name = i18n.language_name(code)
    try:
        found = read_catalog(path, code, fallback=None)
    except CatalogUnreadable as error:
        return LanguageRow(code, name, where, path, 0, len(wanted), str(error))
    done = {m for m in found.messages if m in wanted} | {m for m in found.plurals if m in wanted}
    return LanguageRow(code, name, where, path, len(done), len(wanted))

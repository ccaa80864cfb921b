"""Translations: English in the code, one gettext ``.po`` catalog per other language.

Messages are marked in the code with :func:`_` (translated now, in the active language),
:func:`N_` (marked only: a constant, translated where it is shown), :func:`ngettext` and
:func:`fill` (translated, then its ``{placeholders}`` filled). A :class:`Translation`'s
``gettext``, ``ngettext``, ``fill`` and ``nfill`` translate into one given language (a
take-home copy made in a worker, in the language its conference ended in).

Catalogs are found by language code (``fr-CA``, then its base ``fr``) in the folders given,
most specific first (a class folder's ``languages/``, the user's data folder's
``languages/``), then among the bundled ones (:data:`BUNDLED_DIR`). Each is read with Babel
when first asked for (so a dropped ``.po`` needs no build step, and English needs no Babel at
all). A message missing, empty or fuzzy in a catalog falls back to the next catalog of the
language, then to English; a catalog that cannot be read is reported and skipped, never raised.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import field
from pathlib import Path

from slc_tui.core.fast_dataclass import fast_dataclass

__all__ = [
    "BUNDLED_DIR",
    "ENGLISH",
    "N_",
    "SOURCE_LANGUAGE",
    "CatalogProblem",
    "Translation",
    "_",
    "active",
    "available_codes",
    "catalog_paths",
    "fill",
    "filled",
    "is_language_code",
    "language_name",
    "nfill",
    "ngettext",
    "normalise_code",
    "number_text",
    "speaking",
    "translation",
    "use",
]

#: The language the messages are written in.
SOURCE_LANGUAGE = "en"
#: The catalogs shipped with slc (``CODE.po``, and ``slc.pot``, the template).
BUNDLED_DIR = Path(__file__).resolve().parent.parent / "locale"
#: A ``.po`` larger than this is not read (a catalog of every slc message is ~300 KB).
MAX_CATALOG_BYTES = 8 * 1024 * 1024
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
#: A language code as slc's files write it: ``en``, ``es``, ``fr-CA``, ``zh-Hant``.
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")


@fast_dataclass
class CatalogProblem:
    """A catalog that could not be read (and so was left out), and why."""

    path: Path
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def _english_plural(n: int) -> int:
    return 0 if n == 1 else 1


@fast_dataclass
class Translation:
    """The messages of one language (from one catalog), falling back to ``fallback``."""

    code: str
    messages: Mapping[str, str] = field(default_factory=dict)
    plurals: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    plural: Callable[[int], int] = _english_plural
    fallback: Translation | None = None
    source: Path | None = None

    def gettext(self, message: str) -> str:
        """``message`` in this language (English when no catalog has it)."""
        found = self.messages.get(message)
        if found:
            return found
        return self.fallback.gettext(message) if self.fallback is not None else message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """The form of ``singular``/``plural`` for ``n`` in this language."""
        forms = self.plurals.get(singular)
        if forms:
            try:
                index = self.plural(n)
            except (ArithmeticError, TypeError, ValueError):
                index = -1
            if 0 <= index < len(forms) and forms[index]:
                return forms[index]
        if self.fallback is not None:
            return self.fallback.ngettext(singular, plural, n)
        return singular if n == 1 else plural

    def fill(self, message: str, /, **values: object) -> str:
        """``message`` translated, its ``{placeholders}`` filled; when the translation's
        placeholders are not the message's (a catalog mistake), the English is used."""
        return _filled(self.gettext(message), message, values)

    def nfill(self, singular: str, plural: str, n: int, /, **values: object) -> str:
        """:meth:`ngettext` with its placeholders filled (``n`` among them)."""
        english = singular if n == 1 else plural
        return _filled(self.ngettext(singular, plural, n), english, {"n": n, **values})

    @property
    def locale_name(self) -> str:
        """The code as Babel's locales spell it (``fr_CA``)."""
        return self.code.replace("-", "_")


def filled(translated: str, english: str, /, **values: object) -> str:
    """``translated`` (``english`` as a catalog gave it) with its placeholders filled, or
    ``english`` filled when the catalog got them wrong."""
    return _filled(translated, english, values)


def _filled(translated: str, english: str, values: Mapping[str, object]) -> str:
    try:
        return translated.format(**values)
    except (KeyError, IndexError, ValueError, AttributeError):
        return english.format(**values)


ENGLISH = Translation(SOURCE_LANGUAGE)

_active: Translation = ENGLISH
_cache: dict[tuple[str, tuple[Path, ...]], tuple[Translation, tuple[CatalogProblem, ...]]] = {}
_cache_lock = threading.Lock()


def _(message: str) -> str:
    """``message`` in the active language."""
    return _active.gettext(message)


def N_(message: str) -> str:
    """``message`` unchanged: marks a constant for the catalogs; translate it where shown."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The active language's form of ``singular``/``plural`` for ``n``."""
    return _active.ngettext(singular, plural, n)


def fill(message: str, /, **values: object) -> str:
    """``message`` in the active language with its ``{placeholders}`` filled."""
    return _active.fill(message, **values)


def nfill(singular: str, plural: str, n: int, /, **values: object) -> str:
    """The active language's form for ``n`` with its placeholders (``{n}`` too) filled."""
    return _active.nfill(singular, plural, n, **values)


def number_text(value: int, language: Translation | None = None) -> str:
    """``value`` with its digits grouped as ``language`` (the active one when None) groups
    them: ``12,345`` in English (and in a language with no catalog, whose messages are
    English too), ``12.345``, ``12 345`` from Babel's locale data for another. The no-break
    spaces some languages group with are plain spaces here: messages are printed as they
    are, and a problem's message shows any other space as an escape."""
    into = language if language is not None else _active
    if into.source is None or into.code.split("-")[0] == SOURCE_LANGUAGE:
        return f"{value:,}"
    from babel import UnknownLocaleError
    from babel.numbers import format_decimal

    try:
        grouped = format_decimal(value, locale=into.locale_name)
    except (UnknownLocaleError, ValueError, TypeError):
        return f"{value:,}"
    return grouped.replace("\u202f", " ").replace("\u00a0", " ")


def active() -> Translation:
    """The language the screens speak now."""
    return _active


def use(language: Translation) -> None:
    """Make ``language`` the active one (called on the UI thread only)."""
    global _active
    _active = language


def normalise_code(code: str) -> str:
    """``fr_ca`` → ``fr-CA``; ``ES`` → ``es``."""
    parts = re.split(r"[-_]", code.strip())
    if not parts or not parts[0]:
        return SOURCE_LANGUAGE
    head, rest = parts[0].lower(), parts[1:]
    return "-".join([head, *(p.upper() if len(p) == 2 else p.title() for p in rest)])


def _candidates(code: str) -> list[str]:
    """The catalog names to look for, most specific first: ``fr-CA.po``, ``fr_CA.po``, ``fr.po``."""
    code = normalise_code(code)
    names = [f"{code}.po", f"{code.replace('-', '_')}.po"]
    if "-" in code:
        names.append(f"{code.split('-')[0]}.po")
    return list(dict.fromkeys(names))


def catalog_paths(code: str, folders: Sequence[Path] = ()) -> list[Path]:
    """Every catalog of ``code`` in ``folders`` then the bundled ones, most specific first."""
    found: list[Path] = []
    for folder in [*folders, BUNDLED_DIR]:
        for name in _candidates(code):
            path = folder / name
            if path.is_file() and path not in found:
                found.append(path)
    return found


def available_codes(folders: Sequence[Path] = ()) -> list[str]:
    """Every language with a catalog in ``folders`` or bundled (English first), by code."""
    codes = [SOURCE_LANGUAGE]
    for folder in [*folders, BUNDLED_DIR]:
        try:
            names = sorted(path.stem for path in folder.glob("*.po"))
        except OSError:
            continue
        codes.extend(normalise_code(name) for name in names)
    return list(dict.fromkeys(codes))


#: The bundled languages' own names, known without loading Babel's locale data (the 🌐
#: button is on the first screen a child sees).
_OWN_NAMES = {"en": "English", "es": "Español", "fr": "Français"}


def language_name(code: str) -> str:
    """The language's own name for itself (``Español``, ``Français``, ``Tiếng Việt``),
    from Babel's locale data; the code when Babel does not know it."""
    if normalise_code(code) in _OWN_NAMES:
        return _OWN_NAMES[normalise_code(code)]
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(normalise_code(code), sep="-")
        name = locale.get_display_name(locale) or code
    except (UnknownLocaleError, ValueError, TypeError):
        return code
    return name[:1].upper() + name[1:]


def is_language_code(code: str) -> bool:
    """True for a language code as slc's files write it, such as ``en`` or ``fr-CA``
    (surrounding spaces allowed; ``fr_CA`` or ``ES`` are read too, but not written so)."""
    return bool(_LANGUAGE_CODE.fullmatch(code.strip()))


def speaking(code: object, folders: Iterable[Path] = ()) -> Translation:
    """What a document or screen for ``code`` speaks: its translation from the catalogs in
    ``folders`` and the bundled ones; English (no catalog read) when ``code`` is English,
    not a language code at all, or a language no catalog is found for."""
    if not isinstance(code, str) or normalise_code(code).split("-")[0] == SOURCE_LANGUAGE:
        return ENGLISH
    found, _problems = translation(code, folders)  # (a catalog that cannot be read: left out)
    return found if found.source is not None else ENGLISH


def translation(
    code: str, folders: Iterable[Path] = ()
) -> tuple[Translation, tuple[CatalogProblem, ...]]:
    """The translation into ``code`` from its catalogs in ``folders`` and the bundled ones
    (English alone needs none), and the catalogs that could not be read. Cached. A ``code``
    that is not a language code reads no file (it could name one outside the folders): its
    translation is English."""
    code = normalise_code(code)
    if not _LANGUAGE_CODE.fullmatch(code):
        return ENGLISH, ()
    # (resolved: a class folder named as typed and as resolved is one cache entry)
    key = (code, tuple(Path(folder).resolve() for folder in folders))
    with _cache_lock:
        cached = _cache.get(key)
    if cached is not None:
        return cached
    paths = catalog_paths(code, key[1])
    if code == SOURCE_LANGUAGE:  # the bundled en.po is the messages themselves
        paths = [p for p in paths if p.parent != BUNDLED_DIR]
    chain: Translation = ENGLISH
    problems: list[CatalogProblem] = []
    for path in reversed(paths):  # the least specific first, each falling back on the last
        try:
            chain = read_catalog(path, code, chain)
        except CatalogUnreadable as error:
            problems.append(CatalogProblem(path, str(error)))
    if chain is ENGLISH and code != SOURCE_LANGUAGE:
        chain = Translation(code, fallback=ENGLISH)
    result = (chain, tuple(problems))
    with _cache_lock:
        _cache[key] = result
    return result


class CatalogUnreadable(Exception):
    """A ``.po`` file could not be read: the message says why."""


def read_catalog(path: Path, code: str, fallback: Translation | None = ENGLISH) -> Translation:
    """The messages of the catalog at ``path`` (Babel's ``read_po``), translated ones only
    (not empty, not fuzzy); raises :class:`CatalogUnreadable`."""
    from babel.messages.pofile import PoFileError, read_po

    try:
        if path.stat().st_size > MAX_CATALOG_BYTES:
            raise CatalogUnreadable(f"is larger than {MAX_CATALOG_BYTES // (1024 * 1024)} MB")
        with path.open("rb") as stream:
            catalog = read_po(stream, ignore_obsolete=True, abort_invalid=True)
    except CatalogUnreadable:
        raise
    except PoFileError as error:  # Babel's message ends "on LINE" (counted from 0)
        what = str(error).rsplit(" on ", 1)[0]
        line = getattr(error, "lineno", -1) + 1
        raise CatalogUnreadable(f"line {line}: {what} (not a gettext catalog?)") from error
    except OSError as error:
        raise CatalogUnreadable(f"cannot be read ({error.strerror or error})") from error
    except Exception as error:  # Babel's parse errors are of several kinds
        raise CatalogUnreadable(f"is not a gettext catalog ({error})") from error
    messages: dict[str, str] = {}
    plurals: dict[str, tuple[str, ...]] = {}
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, tuple | list):
            forms = tuple(str(s) for s in (message.string or ()))
            if any(forms):
                plurals[str(message.id[0])] = forms
        elif isinstance(message.string, str) and message.string:
            messages[str(message.id)] = message.string
    return Translation(
        code, messages, plurals, _plural_rule(catalog.plural_expr), fallback, source=path
    )


def _plural_rule(expression: str | None) -> Callable[[int], int]:
    """The catalog's ``Plural-Forms`` rule as a function (English's when it has none)."""
    import gettext

    if not expression:
        return _english_plural
    try:
        return gettext.c2py(expression)
    except (ValueError, SyntaxError):
        return _english_plural


def placeholders(text: str) -> set[str]:
    """The ``{names}`` in ``text`` (for checking a translation keeps them)."""
    return {
        match.group(1) for match in _PLACEHOLDER.finditer(text.replace("{{", "").replace("}}", ""))
    }

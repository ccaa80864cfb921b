"""Days and months in words, in the language of a copy: English as slc has always written
it ("22 November 2026", "Thursday 12 November 2026", "March 2027"), other languages from
Babel's locale data (imported only for them: "22 de noviembre de 2026", "jeudi 12 novembre
2026", "mars 2027"). A language Babel does not know gets the English."""

from __future__ import annotations

import re
from datetime import date, datetime

from slc_tui.core.i18n import ENGLISH, SOURCE_LANGUAGE, Translation

__all__ = ["day_in_words", "format_long_date"]

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def day_in_words(day: date, language: Translation = ENGLISH) -> str:
    """``Thursday 12 November 2026``; in another language Babel's full date (``jeudi 12
    novembre 2026``, ``jueves, 12 de noviembre de 2026``)."""
    if language.code.split("-")[0] != SOURCE_LANGUAGE:
        from babel import UnknownLocaleError
        from babel.dates import format_date

        try:
            return format_date(day, format="full", locale=language.locale_name)
        except (UnknownLocaleError, ValueError):
            pass
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def format_long_date(value: object, language: Translation | None = None) -> str:
    """Turn ``"2026-11-22"`` (or a datetime) into ``"22 November 2026"``; ``"2027-03"``
    into ``"March 2027"``, in words of ``language`` (English when None): ``"22 de
    noviembre de 2026"``, ``"mars 2027"``, from Babel's locale data (imported only for a
    language other than English; English when Babel does not know the language). Anything
    else is returned as text, unchanged."""
    if isinstance(value, datetime | date):
        return _long_date(value.year, value.month, value.day, language)
    text = "" if value is None else str(value).strip()
    match = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?", text)
    if match and 1 <= int(match.group(2)) <= 12:
        day = int(match.group(3)) if match.group(3) else None
        return _long_date(int(match.group(1)), int(match.group(2)), day, language)
    return text


def _long_date(year: int, month: int, day: int | None, language: Translation | None) -> str:
    """The day (or the month, when ``day`` is None) in words of ``language``."""
    english = f"{MONTHS[month - 1]} {year}"
    if day is not None:
        english = f"{day} {english}"
    if language is None or language.code.split("-")[0] == SOURCE_LANGUAGE:
        return english
    from babel import UnknownLocaleError
    from babel.dates import format_date, format_skeleton

    try:
        when = date(year, month, day or 1)
        if day is None:
            return format_skeleton("yMMMM", when, locale=language.locale_name)
        return format_date(when, format="long", locale=language.locale_name)
    except (UnknownLocaleError, ValueError, TypeError):  # not a day, or a language Babel lacks
        return english

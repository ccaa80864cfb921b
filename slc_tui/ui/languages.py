"""Screens in the active language: binding names translated where they are shown (the 🌐
menu a family picks the conference's language from is ``ui/screens/language_menu.py``)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual.binding import ActiveBinding, Binding

from slc_tui.core.i18n import _

if TYPE_CHECKING:
    from textual.screen import Screen

    _Base = Screen[Any]  # (Any: mixed into screens of every result type)
else:
    _Base = object


class TranslatedBindings(_Base):
    """A screen whose footer (and key panel) names its keys in the active language: the
    bindings are written in English, and translated each time they are shown."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The screen's active bindings, their descriptions translated."""
        found = super().active_bindings
        return {
            key: active._replace(binding=_translated(active.binding))
            for key, active in found.items()
        }


def _translated(binding: Binding) -> Binding:
    if not binding.description:
        return binding
    return replace(binding, description=_(binding.description))

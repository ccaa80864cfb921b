"""Words from files and from typing, for the screen: always plain text, never markup.

Textual reads a ``str`` given to a Static, Label, Button, border title or list option as
markup: ``[/]`` would raise, ``[b]`` turn bold and ``[@click=app.quit]`` run an action when
clicked. slc hands every text it did not write itself to Textual as a ``Content`` made here,
so brackets are just characters. (Notifications are plain too: see ``SlcApp.notify``.)
"""

from __future__ import annotations

from textual.content import Content


def plain(text: str) -> Content:
    """``text`` exactly as written, never read as markup."""
    return Content(text)

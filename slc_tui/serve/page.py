"""The page each tab opens: textual-serve's own, asking nothing of any other host.

Its template links a web font from Google Fonts; here that link is replaced by the same
font (Roboto Mono) from textual-serve's own ``static/fonts``, preloaded so the terminal
measures its cells with it. The page also gets a title, gives the terminal the keyboard once
the app has drawn, and downloads take-home copies itself (see the script). Any other outside
address left in the page stops ``slc serve`` from starting (:class:`PageRefused`), so a new
textual-serve cannot quietly bring one back.
"""

from __future__ import annotations

import re
from pathlib import Path

TEMPLATE = "app_index.html"
FONT_FILE = "fonts/RobotoMono-VariableFont_wght.ttf"

_OUTSIDE_FONT = re.compile(
    r"<link\s+rel=\"stylesheet\"\s+href=\"https://fonts\.googleapis\.com/[^\"]*\"\s*/?>"
)
#: ``href="http…"``, ``src="//…"``, ``url(https:…)``: something fetched from another host.
_OUTSIDE_ADDRESS = re.compile(
    r"(?:href|src)\s*=\s*[\"']((?:https?:)?//[^\"']*)|url\(\s*[\"']?((?:https?:)?//[^\"')]*)"
)

#: In place of the outside font's link (a Jinja template: ``{{ … }}`` is filled per page).
_LOCAL_FONT = """<title>{{ application.name }}</title>
    <link rel="preload" href="{{ config.static.url }}FONT_FILE" as="font"
          type="font/ttf" crossorigin />
    <style>
      @font-face {
        font-family: "Roboto Mono";
        src: url("{{ config.static.url }}FONT_FILE") format("truetype");
        font-weight: 100 700;
      }
    </style>
    <script>
      // A take-home copy is downloaded from this page: textual.js would open a new tab for
      // it, which the pop-up blocker stops when the copy took a few seconds to make.
      const openWindow = window.open.bind(window);
      window.open = (url, ...rest) => {
        if (!String(url).includes("/download/")) return openWindow(url, ...rest);
        const link = Object.assign(document.createElement("a"), { href: url, download: "" });
        document.body.append(link);
        link.click();
        link.remove();
        return null;
      };
      // Once the app has drawn, give it the keyboard (no click needed before typing; the
      // page's own focus came before its websocket was open, so the app never heard it).
      window.addEventListener("load", () => {
        const ready = setInterval(() => {
          if (!document.body.classList.contains("-first-byte")) return;
          clearInterval(ready);
          const keys = document.querySelector(".xterm-helper-textarea");
          if (keys) { keys.blur(); keys.focus(); }
        }, 50);
      });
    </script>""".replace("FONT_FILE", FONT_FILE)


class PageRefused(RuntimeError):
    """textual-serve's page asks another host for something slc cannot replace."""


def index_template(templates_dir: Path, statics_dir: Path) -> str:
    """textual-serve's page template with the font served by the laptop.

    Raises:
        PageRefused: the template or the font is not what this was written for.
    """
    page = (templates_dir / TEMPLATE).read_text(encoding="utf-8")
    page, replaced = _OUTSIDE_FONT.subn(_LOCAL_FONT, page, count=1)
    outside = _OUTSIDE_ADDRESS.search(page)
    if not replaced or outside or not (statics_dir / FONT_FILE).is_file():
        where = f": it asks for {outside.group(1) or outside.group(2)}" if outside else ""
        raise PageRefused(f"textual-serve's page is not the one slc knows{where}")
    return page

"""The 🌐 button names the language spoken, whatever it was before (its width follows)."""

from __future__ import annotations

from tests.ui.conftest import AppFactory
from tests.ui.helpers import screen_text, settle


async def test_the_button_names_each_language_in_full(make_app: AppFactory) -> None:
    app = make_app("maya")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        for code, name in (("es", "🌐 Español"), ("en", "🌐 English"), ("fr", "🌐 Français")):
            app.switch_language(code)
            await settle(app, pilot)
            nav = screen_text(app).splitlines()[21]
            assert name in nav, nav

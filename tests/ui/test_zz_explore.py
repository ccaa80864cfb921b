from tests.ui.helpers import settle, screen_text
from textual.widgets import DataTable

async def test_explore(make_app, results_dir):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        print(type(app.screen), app.focused)
        table = app.screen.query_one(DataTable)
        print(table.get_row_index("maya"), table.cursor_row)
        await pilot.press("down", "down", "enter")
        await settle(app, pilot)
        print(type(app.screen), app.focused, app.conference.step)
        await pilot.press("H", "i", " ", "M")
        print(repr(app.focused.text))
        for i in range(9):
            await pilot.press("ctrl+n")
            await settle(app, pilot)
            print(app.conference.step, app.focused)
        print(screen_text(app))

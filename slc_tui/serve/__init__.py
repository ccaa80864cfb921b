"""``slc serve``: the app in a browser, one app process per tab (textual-serve on aiohttp).

``server.py`` runs the web server and each tab's ``slc open``; ``access.py`` lets in only
requests that carry the launch's token; ``page.py`` is the page, with nothing loaded from
outside the laptop; ``network.py`` finds the laptop's address and draws its QR code.
Only ``cli.py`` imports this package, inside ``cmd_serve``.
"""

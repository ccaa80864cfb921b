"""No one let in by accident: every request must carry the launch's token.

The printed address carries it (``/?token=…``); the page it opens then gets it as a cookie
(HttpOnly, SameSite=Strict), which its websocket, static files and downloads send back.
Anything else gets :data:`REFUSAL` (HTTP 403) before a handler runs, so no app process is
started for it.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable

from aiohttp import web
from aiohttp.typedefs import Middleware

#: The query parameter of the printed address, and the cookie the page keeps it in.
TOKEN_PARAMETER = "token"
COOKIE = "slc_access"
#: Random bytes in a token (128 bits: not guessed in the life of a conference night).
TOKEN_BYTES = 16

REFUSAL = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>slc</title></head>
<body style="font: 1.4rem sans-serif; max-width: 36rem; margin: 4rem auto; line-height: 1.5">
<p>This address is missing its key, or the key is old. Please ask your teacher for the
address shown on the teacher's laptop.</p>
</body></html>
"""

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def new_token() -> str:
    """A fresh token for one launch of ``slc serve``."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def same_token(given: str | None, token: str) -> bool:
    """True when ``given`` is ``token`` (compared in constant time)."""
    if given is None:
        return False
    return hmac.compare_digest(given.encode("utf-8", "replace"), token.encode("utf-8"))


def refusal() -> web.Response:
    """The plain page every request without the token gets."""
    return web.Response(
        status=403, text=REFUSAL, content_type="text/html", headers=_PRIVATE_HEADERS
    )


def token_check(token: str) -> Middleware:
    """An aiohttp middleware letting in only requests with ``token`` (query or cookie)."""

    @web.middleware
    async def check(request: web.Request, handler: Handler) -> web.StreamResponse:
        in_query = same_token(request.query.get(TOKEN_PARAMETER), token)
        if not (in_query or same_token(request.cookies.get(COOKIE), token)):
            return refusal()
        response = await handler(request)
        if not response.prepared:  # (a websocket is already answered)
            response.headers["Referrer-Policy"] = "no-referrer"
            if response.content_type == "text/html":  # the page: not kept in a cache
                response.headers["Cache-Control"] = "no-store"
            if in_query:
                response.set_cookie(COOKIE, token, httponly=True, samesite="Strict", path="/")
        return response

    return check


#: Sent with the refusal (the page it lets in gets the same): no address passed on as a
#: referrer, nothing kept in a cache.
_PRIVATE_HEADERS = {"Referrer-Policy": "no-referrer", "Cache-Control": "no-store"}

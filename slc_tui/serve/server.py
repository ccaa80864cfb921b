"""The web server of ``slc serve``: textual-serve's, behind the token check, with one
``slc open`` per browser tab.

textual-serve runs a command line in a shell for each websocket (:func:`tab_command`: this
Python's ``-m slc_tui open CLASS``, quoted, ``exec``-ed so the shell leaves nothing behind).
A tab's process (:class:`TabProcess`) is told it is served (:data:`SERVED_ENV`) and, when
its tab closes or the server stops, is hung up on like a closed terminal window (SIGHUP):
slc then saves what is on screen before it ends. textual-serve's own way, a "quit" message,
would end the app without that last save.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import shlex
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from slc_tui.serve.access import token_check
from slc_tui.serve.page import TEMPLATE, index_template
from slc_tui.ui.served import SERVED_ENV

log = logging.getLogger(__name__)

#: The largest terminal a tab may ask for (columns, lines): a bigger one is cut to this.
MAX_SIZE = (400, 150)
#: Seconds a tab's process gets to save and end once hung up on.
STOP_SECONDS = 8.0


class ServeFailed(Exception):
    """The server could not start (the message says why, for the teacher)."""


def tab_command(class_dir: Path, python: str = sys.executable) -> str:
    """The shell command line textual-serve runs for each tab."""
    words = [python, "-m", "slc_tui", "open", str(class_dir)]
    if os.name == "nt":
        return subprocess.list2cmdline(words)
    return "exec " + shlex.join(words)


class TabProcess(AppService):
    """One browser tab's ``slc open``."""

    _hung_up = False

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width, height)
        environment[SERVED_ENV] = "1"
        return environment

    @property
    def pid(self) -> int | None:
        """The app's process id (the shell ``exec``-ed it), once started."""
        return self._process.pid if self._process is not None else None

    async def stop(self) -> None:
        """Hang up on the app (it saves, then ends) and wait until it has ended (killed
        after :data:`STOP_SECONDS`)."""
        process, hangup = self._process, getattr(signal, "SIGHUP", None)
        if self._task is None or process is None or hangup is None:
            await super().stop()
            return
        task = self._task
        await self._download_manager.cancel_app_downloads(app_service_id=self.app_service_id)
        if not self._hung_up and process.returncode is None:
            self._hung_up = True
            with contextlib.suppress(ProcessLookupError):
                process.send_signal(hangup)
        await task
        self._task = None
        try:
            await asyncio.wait_for(process.wait(), STOP_SECONDS)
        except TimeoutError:  # (slc ends itself seconds after saving: this is a hung one)
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            await process.wait()

    async def run(self) -> None:
        """Relay the app until it ends, then close the tab's websocket (the page says the
        session ended and offers to start again)."""
        await super().run()
        with contextlib.suppress(Exception):
            await self.remote_close()


class ClassServer(Server):
    """textual-serve's server for one class folder, letting in only ``token``."""

    def __init__(self, class_dir: Path, host: str, port: int, token: str, title: str) -> None:
        super().__init__(tab_command(class_dir), host=host, port=port, title=title)
        self.token = token
        self.tabs: set[TabProcess] = set()

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(token_check(self.token))
        page = index_template(Path(self.templates_path), Path(self.statics_path))
        aiohttp_jinja2.setup(app, loader=jinja2.DictLoader({TEMPLATE: page}))
        return app

    async def on_startup(self, app: web.Application) -> None:
        """(The command line says where to go; textual-serve's banner is not printed.)"""

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """A tab connected: start its app and relay between the two until either ends."""
        websocket = web.WebSocketResponse(heartbeat=15)
        width = max(10, min(to_int(request.query.get("width", "80"), 80), MAX_SIZE[0]))
        height = max(5, min(to_int(request.query.get("height", "24"), 24), MAX_SIZE[1]))
        tab: TabProcess | None = None

        async def close() -> None:
            await websocket.close()

        try:
            await websocket.prepare(request)
            tab = TabProcess(
                self.command,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=close,
                download_manager=self.download_manager,
                debug=self.debug,
            )
            self.tabs.add(tab)
            await tab.start(width, height)
            await self._process_messages(websocket, tab)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # a broken connection: the tab's app is stopped below
            log.warning("a tab's connection failed: %s", error)
        finally:
            if tab is not None:
                await tab.stop()
                self.tabs.discard(tab)
        return websocket

    async def serve_until_stopped(self, announce: Callable[[str], None]) -> None:
        """Listen, call ``announce`` with the address to open (token included), and serve
        until SIGINT, SIGTERM or SIGHUP; then stop every tab's app (each saves first).

        Raises:
            ServeFailed: the address cannot be listened on (e.g. the port is taken).
        """
        stop = _stop_on_signals()  # before the address is out: a Ctrl+C at once still stops
        runner = web.AppRunner(await self._make_app(), access_log=None, shutdown_timeout=2.0)
        await runner.setup()
        try:
            site = web.TCPSite(runner, self.host, self.port)
            try:
                await site.start()
            except OSError as error:
                raise ServeFailed(_bind_problem(self.host, self.port, error)) from error
            self.port = _bound_port(site, self.port)
            self.public_url = f"http://{self.host}:{self.port}"
            announce(f"{self.public_url}/?token={self.token}")
            await stop.wait()
            await self.stop_tabs()
        finally:
            await runner.cleanup()

    async def stop_tabs(self) -> None:
        """Hang up on every tab's app and wait (a while) until they have ended."""
        stopping = [tab.stop() for tab in list(self.tabs)]
        if stopping:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.gather(*stopping), STOP_SECONDS + 2)


def _stop_on_signals() -> asyncio.Event:
    """An event set on SIGINT (Ctrl+C), SIGTERM or SIGHUP (the terminal closed)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(number, stop.set)
    return stop


def _bound_port(site: web.TCPSite, asked: int) -> int:
    """The port really listened on (``asked``, or the one the system chose for 0)."""
    server = site._server  # aiohttp keeps the asyncio server here
    sockets = getattr(server, "sockets", None) or []
    return int(sockets[0].getsockname()[1]) if sockets else asked


def _bind_problem(host: str, port: int, error: OSError) -> str:
    """Why listening failed, with what to try."""
    import errno

    if error.errno == errno.EADDRINUSE:
        return f"port {port} is already in use (another slc serve?): try --port {port + 1}"
    if error.errno == errno.EACCES:
        return f"port {port} needs administrator rights: use a port above 1023 (--port 8000)"
    return f"cannot listen on {host}:{port}: {error.strerror or error}"


def serve_class(
    class_dir: Path, host: str, port: int, token: str, title: str, announce: Callable[[str], None]
) -> None:
    """Serve ``class_dir`` on ``host``:``port`` until stopped (see
    :meth:`ClassServer.serve_until_stopped`)."""
    server = ClassServer(class_dir, host, port, token, title)
    asyncio.run(server.serve_until_stopped(announce))

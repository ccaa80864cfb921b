"""A widget that shows a portfolio picture, decoded off the UI thread.

Pillow and ``slc_tui.media`` are imported only inside the loader thread, so importing this module
(and starting the app) does not load Pillow.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich import box
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.panel import Panel
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.filter import ANSIToTruecolor, LineFilter
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget
from textual.worker import Worker, WorkerState

from slc_tui.core.i18n import N_, _

if TYPE_CHECKING:
    from slc_tui.media.halfblock import HalfBlockImage

__all__ = ["ImagePreview"]

#: Thumbnail bound: enough detail for a full-screen preview (240 columns × 120 lines).
THUMBNAIL_MAX_SIZE = (240, 240)

_LoadResult = tuple["HalfBlockImage | None", "PictureStrips | None", "str | None"]

#: At most two pictures decode at once (a gallery of 60 does not start 60 decoders that
#: fight the UI thread for the interpreter and hold 60 photos in memory together).
_DECODING = threading.BoundedSemaphore(2)

#: Why a picture is not shown when the loader gives no reason (translated where shown).
UNREADABLE = N_("it could not be read")


class ImagePreview(Widget):
    """Shows one picture scaled to fit, centred; or a calm note when it cannot be shown.

    The picture is decoded in a thread worker. Until then the widget says "Loading picture…".
    When loading ends (either way) ``loaded`` becomes True and an :class:`ImagePreview.Loaded`
    message is posted; a load whose worker is cancelled starts again. With ``path=None`` the
    widget shows ``problem`` (or "No picture").
    """

    DEFAULT_CSS = """
    ImagePreview {
        width: 1fr;
        height: 1fr;
        content-align: center middle;
    }
    ImagePreview > .image-preview--message {
        color: $text-muted;
        text-style: italic;
    }
    ImagePreview > .image-preview--placeholder {
        color: $text-muted;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "image-preview--message",
        "image-preview--placeholder",
    }

    class Loaded(Message):
        """Posted when the preview finished loading; ``problem`` is None on success."""

        def __init__(self, preview: ImagePreview, problem: str | None) -> None:
            super().__init__()
            self.preview = preview
            self.problem = problem

        @property
        def control(self) -> ImagePreview:
            """The preview that finished loading."""
            return self.preview

    def __init__(
        self,
        path: Path | None,
        problem: str | None = None,
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.path = path
        self.problem = problem
        self.loaded = False
        self._picture: HalfBlockImage | None = None
        self._strips: PictureStrips | None = None
        self._worker: Worker[_LoadResult] | None = None
        #: The size it will be shown at, when told before it is laid out (:meth:`expect`).
        self._expected = (0, 0)
        self._lines_worker: Worker[PictureStrips] | None = None

    def on_mount(self) -> None:
        """Start loading the picture once layout has given the widget its size."""
        self.call_after_refresh(self._start_loading)

    def show(self, path: Path | None, problem: str | None = None) -> None:
        """Switch to another picture (or to a problem note when ``path`` is None)."""
        self.path = path
        self.problem = problem
        if self.is_mounted:
            self._start_loading()

    def expect(self, size: Size) -> None:
        """It will be shown at ``size`` (content cells): a preview built ahead of time, hidden,
        has no size until the paint that shows it, so its lines are made for this size now,
        in a thread, instead of then (see :mod:`slc_tui.ui.layout_ahead`)."""
        self._expected = (size.width, size.height)
        self._make_lines_ahead()

    def _make_lines_ahead(self) -> None:
        """Make the lines for the size expected, in a thread, once the picture is loaded."""
        picture, cells = self._picture, self._expected
        if picture is None or not all(cells):
            return  # nothing to draw yet, or no size told: the loader (or the paint) makes them
        if self._strips is not None and self._strips.size == cells:
            return
        self._lines_worker = self.run_worker(
            lambda: PictureStrips(picture, *cells),
            name="picture lines",
            group="image-lines",
            exclusive=True,
            thread=True,
            exit_on_error=False,
        )

    def get_line_filters(self) -> Sequence[LineFilter]:
        """The app's line filters, less Textual's ANSI-to-true-colour one while a picture is
        drawn: every cell of a picture has a colour of its own, in true colour already, so
        that filter changes nothing there but costs most of the paint of a picture (each
        cell's style looked up, and missed, in its cache). Other filters (the monochrome
        look, ``NO_COLOR``) still apply. ``tests/ui/test_picture_paint.py`` checks that the
        cells drawn are the same."""
        filters = super().get_line_filters()
        if self._picture is None:
            return filters
        return [
            line_filter for line_filter in filters if not isinstance(line_filter, ANSIToTruecolor)
        ]

    def render_line(self, y: int) -> Strip:
        """Line ``y`` of the picture, centred (made once per size, in the loader thread when
        the size is known then); a note or placeholder is rendered the usual way."""
        if self._picture is None:
            return super().render_line(y)
        size = (self.size.width, self.size.height)
        if self._strips is None or self._strips.size != size:
            self._strips = PictureStrips(self._picture, *size)
        return self._strips.line(y, self.visual_style.rich_style)

    def render(self) -> RenderableType:
        """A loading note, or a placeholder explaining the problem (pictures are drawn by
        :meth:`render_line`)."""
        if self.path is None:
            if self.problem is None:
                return self._message(_("No picture"))
            return self._placeholder(self.problem, None)
        if not self.loaded:
            return self._message(_("Loading picture…"))
        return self._placeholder(self.problem or UNREADABLE, self.path.name)

    def _start_loading(self) -> None:
        if not self.is_attached:
            return
        self._picture = None
        self._strips = None
        self.loaded = False
        if self.path is None:
            self._finish(None, None, self.problem)
            return
        self.problem = None
        self.refresh()
        path = self.path
        size = self.content_size
        cells = (size.width, size.height) if size else self._expected
        self._worker = self.run_worker(
            lambda: _load_picture(path, cells),
            name=f"load {path.name}",
            group="image",
            exclusive=True,
            thread=True,
            exit_on_error=False,
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Take the loader thread's result (on the UI thread)."""
        if event.worker is self._lines_worker:
            event.stop()
            self._take_lines(event)
            return
        if event.worker is not self._worker:
            return
        event.stop()
        if event.state == WorkerState.SUCCESS:
            result = event.worker.result
            if result is None:
                result = (None, None, UNREADABLE)
            self._finish(*result)
        elif event.state == WorkerState.ERROR:
            self._finish(None, None, UNREADABLE)
        elif event.state == WorkerState.CANCELLED:
            # Cancelled from outside (a newer load of this preview is not this worker, and a
            # removed preview gets no messages): load again rather than stay on "Loading…".
            self._worker = None
            self.call_after_refresh(self._start_loading)

    def _take_lines(self, event: Worker.StateChanged) -> None:
        """Lines made by :meth:`expect`: kept unless the picture changed meanwhile, or lines
        for the size it has on screen are there already."""
        if event.state != WorkerState.SUCCESS:
            return
        self._lines_worker = None
        strips = event.worker.result
        shown = (self.size.width, self.size.height)
        if (
            isinstance(strips, PictureStrips)
            and strips.picture is self._picture
            and (self._strips is None or self._strips.size != shown)
        ):
            self._strips = strips

    def _finish(
        self, picture: HalfBlockImage | None, strips: PictureStrips | None, problem: str | None
    ) -> None:
        self._worker = None
        self._picture = picture
        self._strips = strips
        self.problem = problem
        self.loaded = True
        if not self.size:  # loaded before it was told its size: the lines are made now
            self._make_lines_ahead()
        self.refresh()
        self.post_message(self.Loaded(self, problem))

    def _message(self, text: str) -> Text:
        return Text(text, style=self.get_component_rich_style("image-preview--message"))

    def _placeholder(self, reason: str, file_name: str | None) -> RenderableType:
        style = self.get_component_rich_style("image-preview--placeholder")
        body = Text(justify="center")
        body.append(_("🖼  Picture can't be shown") + "\n", style="bold")
        # The reason as the active language has it, when a catalog does (the loader's
        # reasons are English messages; one no catalog knows is shown as it is).
        reason = _(reason)
        body.append(reason[:1].upper() + reason[1:])
        if file_name:
            body.append(f"\n{file_name}", style="italic")
        panel = Panel(body, box=box.ROUNDED, expand=False, style=style, padding=(0, 2))
        return _NaturalHeight(panel)


class _NaturalHeight:
    """Render a renderable at its own height, ignoring the height Textual offers.

    Without this a Panel would stretch to fill the whole widget.
    """

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.renderable)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from console.render(self.renderable, options.reset_height())


class PictureStrips:
    """A picture's lines at one widget size, centred, as Textual strips (made once: drawing
    a picture then costs Textual no Rich rendering at all)."""

    def __init__(self, picture: HalfBlockImage, width: int, height: int) -> None:
        from slc_tui.media.halfblock import fit_size

        self.picture = picture
        self.size = (width, height)
        self.top = 0
        self.left = 0
        self.cols = 0
        self.segments: list[list[Segment]] = []
        self._style: Style | None = None
        self._lines: list[Strip] = []
        if width < 1 or height < 1:
            return
        image = picture.image
        self.cols, lines = fit_size(image.width, image.height, width, height)
        self.top = (height - lines) // 2
        self.left = (width - self.cols) // 2
        self.segments = picture.lines_at(self.cols, lines)

    def line(self, y: int, style: Style) -> Strip:
        """Line ``y`` of the widget, ``style`` (the widget's) around the picture."""
        if style != self._style:  # the first time, or the widget's colours changed
            self._style = style
            margin = [Segment(" " * self.left, style)] if self.left else []
            width = self.left + self.cols
            self._lines = [Strip([*margin, *line], width) for line in self.segments]
        index = y - self.top
        if 0 <= index < len(self._lines):
            return self._lines[index]
        return Strip.blank(self.size[0], style)


def _load_picture(path: Path, cells: tuple[int, int]) -> _LoadResult:
    """Runs in a thread: decode (via the cache) and make the lines for the current size
    (a widget built ahead of time, hidden, has no size yet: its lines are made when shown)."""
    from slc_tui.media.halfblock import HalfBlockImage
    from slc_tui.media.safe_image import ImageProblem
    from slc_tui.media.thumbnail_cache import get_thumbnail

    with _DECODING:
        try:
            thumbnail = get_thumbnail(path, THUMBNAIL_MAX_SIZE)
        except ImageProblem as problem:
            return None, None, problem.reason
        picture = HalfBlockImage(thumbnail)
        strips = PictureStrips(picture, *cells) if cells[0] > 0 and cells[1] > 0 else None
    return picture, strips, None

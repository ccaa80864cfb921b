"""What every conference step is: the middle of the conference screen for one step.

The conference screen (``ui/screens/conference.py``) keeps the top bar, Back/Help/Next, the
help panel and the footer on screen for the whole conference; each step only swaps this
middle part. A step reads the conference and says what changed with messages. A step may be
built ahead of time, hidden, while the step before it is on screen: what belongs to being
shown (the keyboard, messages in the navigation bar) waits for :meth:`StepBody.arrive`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual import events
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Input

from slc_tui.core import i18n
from slc_tui.core.conference import Conference
from slc_tui.core.fast_dataclass import fast_dataclass
from slc_tui.core.i18n import N_, _
from slc_tui.core.prompts import Prompt
from slc_tui.core.steps import Step
from slc_tui.ui.messages import ConferenceEdited, Flash
from slc_tui.ui.stylesheets import use_stylesheet
from slc_tui.ui.typing_router import put_cursor_at_end, takes_text
from slc_tui.ui.widgets.text_box_stand_in import TextBoxStandIn

if TYPE_CHECKING:
    from textual.widgets import TextArea  # (imported when a box is made: see notes_box)

    TextBox = Input | TextArea | TextBoxStandIn

#: Said when a letter is typed on a step that has no text box.
NOTHING_TO_TYPE_IN = N_("Nothing to type here: press ◀ Back to change something.")


@fast_dataclass
class StepContext:
    """What the app hands every step besides the conference."""

    help_prompts: list[Prompt]
    clock: Callable[[], datetime]
    parent_questions: list[str]
    commitment_ideas: list[str]
    results_dir: str
    previous_locked: bool = False
    #: A rehearsal: nothing is saved or printed.
    practice: bool = False


class StepBody(Vertical):
    """Base class of the steps: subclasses yield their content in ``compose``."""

    DEFAULT_CSS = """
    StepBody { height: 1fr; }
    """

    #: The big friendly question at the top of the step (marked with ``N_``: it is
    #: translated when shown).
    HEADLINE = ""

    #: The stylesheet read when the first step of this kind is registered (see
    #: ``ui/stylesheets.py``); "" for none beyond the app's.
    STYLESHEET: ClassVar[str] = "steps.tcss"

    def __init__(
        self,
        conference: Conference,
        context: StepContext,
        step: Step | None = None,
        *,
        first_screen: bool = False,
    ) -> None:
        """A step of ``conference``: ``step``, or the one it is on now (``first_screen``: the
        first step the app paints, whose empty notes box is drawn by a stand-in until the
        real one is made, after the paint)."""
        step = step or conference.step
        super().__init__(classes=f"step-body step-{step.kind.value}")
        self.conference = conference
        self.context = context
        self.step = step
        self.first_screen = first_screen
        #: The conference's contents when this step was made (see ``Conference.contents``).
        #: Its widgets are composed later, so they show these contents or newer ones: an
        #: edit in between makes the step look out of date, never the other way round.
        self.built_from = conference.contents()
        self._contents_told = self.built_from
        #: The text box last typed in on this step (where stray letters go first).
        self.last_box: TextBox | None = None
        #: The language this step is built in: its words are put in its widgets when they
        #: are made, so after 🌐 a step built in another language is built again.
        self.language = i18n.active().code

    def _post_register(self, app: App[Any]) -> None:
        """Registered with the app: its stylesheet first, so that it styles this step."""
        if self.STYLESHEET:
            use_stylesheet(app, self.STYLESHEET)
        super()._post_register(app)

    def is_current_for(
        self, conference: Conference, context: StepContext, step: Step | None = None
    ) -> bool:
        """True when this step, built earlier, shows what it would show if built now as
        ``step`` (by default the conference's current step), in the active language."""
        return (
            self.conference is conference
            and self.language == i18n.active().code
            and self.step == (step or conference.step)
            and self.context == context
            and self.built_from == conference.contents()
        )

    def headline(self) -> str:
        """The headline for this step, in the active language (subclasses may personalise
        it)."""
        return _(self.HEADLINE) if self.HEADLINE else ""

    def next_label(self) -> str:
        """The Next button's text."""
        return _("Next ▶")

    def spoken_text(self) -> str:
        """What 🔊 reads out after the headline: the step's talking points (a step may say
        more, such as its list)."""
        from slc_tui.ui.widgets.talking_points import TalkingPoints

        return "\n".join(points.spoken_text for points in self.query(TalkingPoints))

    def main_box(self) -> TextBox | None:
        """The step's main text box: where the keyboard starts and stray letters go (the
        notes box by default, or its stand-in while it stands in: it hands keys on in
        order; None when the step has no text box)."""
        stand_in = self.query_one_optional(TextBoxStandIn)
        if stand_in is not None and stand_in.display:
            return stand_in
        # (not queried by its class, which is imported only when the first box is made)
        return cast("TextArea | None", self.query_one_optional("#notes"))

    def typing_box(self) -> TextBox | None:
        """Where a letter typed on something that cannot take text goes: the box last
        typed in on this step, if it is still there, else :meth:`main_box`."""
        last = self.last_box
        if last is not None and last.is_attached and last.display and takes_text(last):
            return last
        return self.main_box()

    def type_into_box(self, key: events.Key) -> None:
        """Type ``key`` into :meth:`typing_box` and give that box the keyboard (a step
        without a text box says so instead)."""
        box = self.typing_box()
        if box is None:
            self.flash(_(NOTHING_TO_TYPE_IN))
            return
        if box is not self.last_box and not box.has_focus:
            put_cursor_at_end(box)
        self.last_box = box
        box.focus()
        box._forward_event(events.Key(key.key, key.character))

    def arrive(self) -> None:
        """The step is now on screen: the keyboard starts in the main box (after its
        text), or on the first thing that takes focus when the step has no text box."""
        box = self.main_box()
        if box is not None:
            put_cursor_at_end(box)
            # Scrolled into view once laid out: scrolling while the step's height is still
            # being worked out moved a pane whose box was already in view.
            box.focus(scroll_visible=False)
            self.call_after_refresh(box.scroll_visible, animate=False)
            return
        for widget in self.query("*"):
            if widget.focusable:
                widget.focus()
                return

    def notes_box(self, placeholder: str) -> Widget:
        """A text box whose words are kept as what was said at this step (``placeholder``
        already in the active language): on the first screen, while it is empty, a
        stand-in that becomes the box after the first paint."""
        said = self.conference.said.get(self.step.key, "")

        def make() -> TextArea:
            from slc_tui.ui.widgets.limited_text_area import LimitedTextArea

            return LimitedTextArea(
                said,
                id="notes",
                soft_wrap=True,
                show_line_numbers=False,
                tab_behavior="focus",
                placeholder=placeholder,
                max_checkpoints=200,
            )

        if self.first_screen and not said:
            return TextBoxStandIn(placeholder, make)
        return make()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """The notes box's words are what was said at this step."""
        if event.text_area.id == "notes":
            self.conference.say(self.step.key, event.text_area.text)
            self.edited()

    def edited(self) -> None:
        """Tell the app the conference changed (it autosaves shortly) - if it did: widgets
        report their first value too (an Input does when it is made), which changes nothing."""
        contents = self.conference.contents()
        if contents != self._contents_told:
            self._contents_told = contents
            self.post_message(ConferenceEdited())

    def flash(self, text: str) -> None:
        """Show a short message in the navigation bar."""
        self.post_message(Flash(text))

    def show_saved(self, path: str, when: str) -> None:
        """The conference was written to disk (a step may say where)."""

    def compose(self) -> ComposeResult:
        """The step's own content."""
        yield from ()

"""The questions asked before a conference opens: is it open elsewhere, carry on or start
again, and (for teacher-only things) the teacher PIN."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App

from slc_tui.core.conference import Conference
from slc_tui.core.i18n import _, fill
from slc_tui.session import ClassSession
from slc_tui.ui.screens.choice_dialog import ChoiceDialog
from slc_tui.ui.screens.pin_dialog import PinDialog

if TYPE_CHECKING:
    from slc_tui.teacher.access import TeacherAccess

#: Wrong PINs allowed before the PIN dialog gives up.
PIN_TRIES = 3


class Doors:
    """Asks the family or the teacher, in dialogs, on behalf of the app (call from a worker),
    in the language active when each question is asked (the class's, from the student list)."""

    def __init__(self, app: App[Any], session: ClassSession) -> None:
        self.app = app
        self.session = session

    @property
    def access(self) -> TeacherAccess:
        """The class's teacher PIN (imported when first asked: not on the start-up path)."""
        from slc_tui.teacher.access import teacher_access

        return teacher_access(self.session)

    async def claim(self, student_id: str, name: str) -> bool:
        """Hold the student's conference for this screen; if it is open on another
        screen, say so and let the family cancel (True: go ahead). A results folder that
        cannot be written is named, and nothing opens."""
        try:
            other = await asyncio.to_thread(self.session.claim, student_id)
        except OSError as error:
            self.app.notify(
                fill(
                    "Can't open {name}'s conference: nothing can be saved in {folder} "
                    "({reason}). Please tell the teacher.",
                    name=name,
                    folder=self.session.results_dir,
                    reason=error.strerror or error,
                ),
                title=_("Can't save here"),
                severity="error",
                timeout=20,
            )
            return False
        if other is None:
            return True
        answer: str = await self.app.push_screen_wait(
            ChoiceDialog(
                other.sentence(name)
                + "\n"
                + _("Opening it here as well could mix up what is typed."),
                [("cancel", _("Cancel")), ("anyway", _("Open here anyway"))],
            )
        )
        if answer != "anyway":
            return False
        await asyncio.to_thread(self.session.claim, student_id, True)
        return True

    async def save_elsewhere(self, reason: str, own: Path) -> bool:
        """The results folder cannot be written: offer the user's own folder (True: use it)."""
        answer: str = await self.app.push_screen_wait(
            ChoiceDialog(
                fill(
                    "slc can't save conferences in {folder}\n({reason}).\n\n"
                    "Save this class's conferences in your own folder instead?\n{own}",
                    folder=self.session.results_dir,
                    reason=reason,
                    own=own,
                ),
                [("own", _("Save in my folder")), ("no", _("Not now"))],
            )
        )
        return answer == "own"

    async def choose_conference(self, student_id: str, name: str) -> Conference | None:
        """Resume, restart or start (asking the family), or None when they cancel."""
        unfinished = await asyncio.to_thread(self.session.unfinished_record, student_id)
        if unfinished is not None:
            answer: str = await self.app.push_screen_wait(
                ChoiceDialog(
                    fill(
                        "{name} has a conference that isn't finished yet.\n"
                        "Carry on where you stopped?",
                        name=name,
                    ),
                    [
                        ("resume", _("▶ Carry on")),
                        ("new", _("Start again")),
                        ("cancel", _("Cancel")),
                    ],
                )
            )
            if answer == "resume":
                return await asyncio.to_thread(self.session.resume, student_id, unfinished)
            if answer != "new":
                return None
            await asyncio.to_thread(self.session.abandon, unfinished)
        elif await asyncio.to_thread(self.session.status, student_id) == "done":
            if await asyncio.to_thread(self.access.is_set):
                reason = fill(
                    "{name}'s conference is done. Teacher: type the PIN to start a new one.",
                    name=name,
                )
                return await self._with_pin(reason, partial(self.session.start, student_id))
            answer = await self.app.push_screen_wait(
                ChoiceDialog(
                    fill("{name}'s conference is already done.\nStart a new one?", name=name),
                    [("new", _("Start a new conference")), ("cancel", _("Cancel"))],
                )
            )
            if answer != "new":
                return None
        return await asyncio.to_thread(self.session.start, student_id)

    async def teacher_says_yes(self, reason: str) -> bool:
        """Ask for the teacher PIN (three tries); True when it is right.

        A wait due after wrong PINs (shared with the ``slc`` command) shows in the dialog
        from the start; while it lasts every try is refused without being checked.
        """
        error = await asyncio.to_thread(self.access.wait)
        for _attempt in range(PIN_TRIES):
            pin = await self.app.push_screen_wait(PinDialog(reason, error))
            if pin is None:
                return False
            answer = await asyncio.to_thread(self.access.check, pin)
            if answer.outcome == "ok":
                return True
            if answer.outcome in ("damaged", "unavailable"):
                self.app.notify(
                    fill(
                        "{problem} Teacher: set a new PIN with  slc set-pin",
                        problem=answer.message,
                    )
                    if answer.outcome == "damaged"
                    else answer.message,
                    severity="error",
                    timeout=15,
                )
                return False
            self.app.bell()
            error = answer.message
        return False

    async def _with_pin(self, reason: str, then: Callable[[], Conference]) -> Conference | None:
        """``then()`` in a thread once the teacher PIN is right, else None."""
        if await self.teacher_says_yes(reason):
            return await asyncio.to_thread(then)
        return None

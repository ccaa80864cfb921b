"""The service the app owns: one class folder, its results, and the conference being led.

Screens never touch files; they call the app, which calls this. Nothing here imports
Textual, so the whole save/resume path is testable without a terminal.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

from slc_tui.core import i18n
from slc_tui.core.class_folder import (
    ClassFolder,
    FolderStamp,
    folder_stamp,
    load_class_folder,
    refreshed_class_folder,
)
from slc_tui.core.conference import Conference
from slc_tui.core.fast_dataclass import fast_dataclass
from slc_tui.core.i18n import Translation
from slc_tui.core.portfolio import Portfolio, Student
from slc_tui.core.record import (
    ABANDONED,
    conference_status,
    from_record,
    last_finished,
    resume_point,
    to_record,
)
from slc_tui.store.claims import ClaimLost as ClaimLost
from slc_tui.store.claims import OpenElsewhere
from slc_tui.store.results import ResultsStore
from slc_tui.store.tinydb_document import CorruptResultsFile as CorruptResultsFile

if TYPE_CHECKING:  # imported when first used: not on the start-up path
    from slc_tui.core.class_index import ListedStudent
    from slc_tui.core.schedule_times import TimeRange
    from slc_tui.core.tonight import TonightSchedule
    from slc_tui.store.presence import ConferenceClaim
    from slc_tui.store.recovery import Recovery


Status = Literal["not started", "in progress", "done", "unreadable"]


@fast_dataclass
class PickerRow:
    """One line of the student picker: who, how far their conference got and, when
    ``schedule.json`` plans today, their time with the teacher and whether they are next."""

    student: Student
    status: Status
    time: TimeRange | None = None
    next: bool = False


def speak_class_language(class_dir: Path) -> None:
    """Make the class's language (from its ``class.json``) the active one before the class
    is read, so that what is found wrong in its files is said in it (English needs no
    catalog: nothing is read for it)."""
    from slc_tui.core.class_folder import load_class_info
    from slc_tui.store.paths import language_folders

    info, _problems = load_class_info(class_dir)
    language = i18n.speaking(info.language, language_folders(class_dir))
    if language is not i18n.ENGLISH:
        i18n.use(language)


class ClassSession:
    """A class folder opened for conferences, with the results store it writes to."""

    def __init__(
        self,
        folder: ClassFolder,
        results_dir: Path,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.folder = folder
        self.store = ResultsStore(results_dir)
        self.clock = clock
        self._save_lock = threading.Lock()
        self._last_saved_seq: dict[str, int] = {}
        self._claim: ConferenceClaim | None = None
        self._recoveries: list[Recovery] = []
        self._stamp: FolderStamp | None = None
        #: Who is in the class, from the cheap index, while the folder is not read whole.
        self._listed: list[ListedStudent] | None = None
        self._read_lock = threading.Lock()  # one thread reads the class files at a time
        self._tonight: TonightSchedule | None = None  # made when the list is first shown

    @classmethod
    def open(
        cls, class_dir: Path, results_dir: Path, clock: Callable[[], datetime] = datetime.now
    ) -> ClassSession:
        """Load ``class_dir`` (problems are collected, never raised)."""
        stamp = folder_stamp(class_dir.resolve())  # before reading: a change meanwhile shows
        session = cls(load_class_folder(class_dir), results_dir, clock)
        session._stamp = stamp
        return session

    @classmethod
    def open_for_student(
        cls,
        class_dir: Path,
        results_dir: Path,
        student_id: str,
        clock: Callable[[], datetime] = datetime.now,
    ) -> ClassSession:
        """The class with only ``student_id``'s portfolio read, so their conference opens
        in a time that does not grow with the class (:meth:`read_whole_class` reads the
        rest); the whole class when their file cannot be found by its name."""
        session = cls.open_student_only(class_dir, results_dir, student_id, clock)
        return session or cls.open(class_dir, results_dir, clock)

    @classmethod
    def open_student_only(
        cls,
        class_dir: Path,
        results_dir: Path,
        student_id: str,
        clock: Callable[[], datetime] = datetime.now,
    ) -> ClassSession | None:
        """As :meth:`open_for_student`, but None (and nothing more read) when the child's
        file cannot be found by its name."""
        from slc_tui.core.class_folder import load_one_student

        folder = load_one_student(class_dir, student_id)
        return None if folder is None else cls(folder, results_dir, clock)

    @classmethod
    def open_for_list(
        cls, class_dir: Path, results_dir: Path, clock: Callable[[], datetime] = datetime.now
    ) -> ClassSession:
        """The class with only who is in it read (each portfolio's ``student``: see
        :mod:`slc_tui.core.class_index`), so the student list shows in a time that hardly
        grows with the class; :meth:`read_whole_class` reads the portfolios in full."""
        from slc_tui.core.class_folder import MAX_PORTFOLIOS, PORTFOLIOS_DIR, load_class_files
        from slc_tui.core.class_index import list_students

        folder = load_class_files(class_dir)
        session = cls(folder, results_dir, clock)
        session._listed = list_students(folder.root / PORTFOLIOS_DIR, MAX_PORTFOLIOS)
        return session

    def read_whole_class(self) -> bool:
        """Read the rest of a class opened for one child or for its list (True when it
        was not read yet)."""
        with self._read_lock:
            if self.folder.complete:
                return False
            root = self.folder.root
            stamp = folder_stamp(root)
            self.folder = load_class_folder(root)
            self._stamp = stamp
            self._listed = None
            return True

    def refresh(self) -> bool:
        """Read again the class files changed since they were read (the teacher edited them,
        here or in another window); True when something changed. A conference already
        started keeps the portfolio it started with."""
        with self._read_lock:
            if self._stamp is None:
                return False
            now = folder_stamp(self.folder.root)
            if now == self._stamp:
                return False
            self.folder = refreshed_class_folder(self.folder, self._stamp, now)
            self._stamp = now
            return True

    def bring_up_to_date(self) -> None:
        """The whole class read, and read again where its files changed since."""
        if not self.read_whole_class():
            self.refresh()

    def cannot_write(self) -> str | None:
        """Why nothing can be saved in the results folder, or None when saves can go there."""
        from slc_tui.store.paths import cannot_write_reason

        return cannot_write_reason(self.results_dir)

    def moved_to(self, results_dir: Path) -> ClassSession:
        """The same class, saving in ``results_dir`` instead (nothing may be claimed)."""
        moved = ClassSession(self.folder, results_dir, self.clock)
        moved._stamp, moved._listed = self._stamp, self._listed
        return moved

    @property
    def results_dir(self) -> Path:
        """Where this class's results are written."""
        return self.store.results_dir

    def claim(self, student_id: str, force: bool = False) -> OpenElsewhere | None:
        """Hold ``student_id``'s conference for this screen, or say where else it is open.

        Any conference held before is let go first. ``force`` takes it regardless.
        """
        from slc_tui.store.presence import ConferenceClaim

        self.release_claim()
        claim = ConferenceClaim(self.results_dir, student_id, self.clock())
        other = claim.acquire(force, self.clock())
        if other is None:
            self._claim = claim
        return other

    def touch_claim(self) -> None:
        """Tell other screens the held conference is still open here."""
        if self._claim is not None:
            self._claim.touch(self.clock())

    def release_claim(self, student_id: str | None = None) -> None:
        """Let other screens open the conference this screen held (only if it is
        ``student_id``'s, when given: a late save must not let go of the next child's)."""
        claim = self._claim
        if claim is None or (student_id is not None and claim.student_id != student_id):
            return
        claim.release()
        self._claim = None

    def _check_still_ours(self, student_id: str) -> None:
        """Raise :class:`ClaimLost` when another screen took ``student_id``'s conference
        over after this one opened it (checked before every save of it)."""
        claim = self._claim
        if claim is not None and claim.student_id == student_id:
            other = claim.taken_over()
            if other is not None:
                raise ClaimLost(student_id, other)

    # -- languages ----------------------------------------------------------------------

    def language_folders(self) -> list[Path]:
        """Where this class's extra translations are (see :mod:`slc_tui.core.i18n`)."""
        from slc_tui.store.paths import language_folders

        return language_folders(self.folder.root)

    def translation(self, code: str) -> Translation:
        """The translation into ``code`` (read from its catalogs when first asked for, then
        cached; a catalog that cannot be read is left out)."""
        return i18n.translation(code, self.language_folders())[0]

    def languages(self) -> list[str]:
        """The languages a conference can be led in: English, the class's, then every
        language with a catalog (bundled, in the class folder or the user's data folder)."""
        codes = [i18n.SOURCE_LANGUAGE, i18n.normalise_code(self.folder.info.language)]
        codes += i18n.available_codes(self.language_folders())
        return list(dict.fromkeys(codes))

    def picker_rows(self, read_whole: bool = True) -> list[PickerRow]:
        """Every usable student with their conference status, in name order, or in the
        order of their times when ``schedule.json`` plans today (the class files changed
        since they were read are read again first; a class opened for one child is read
        whole). ``read_whole=False``: a class opened for its list is not read whole
        first: its students are those of the index."""
        if read_whole or self._listed is None:
            self.bring_up_to_date()
        listed = self._listed
        if listed is not None:
            students = [entry.student for entry in listed]
        else:
            students = [portfolio.student for portfolio in self.folder.portfolios]
        term = self.folder.info.term
        # (the schedule modules are not on the start-up path)
        from slc_tui.core.tonight import TonightSchedule, tonight_order

        if self._tonight is None:
            self._tonight = TonightSchedule(self.folder.root)
        times = self._tonight.times(self.clock().date())
        by_id = {student.id: student for student in students}
        rows = [
            PickerRow(by_id[i], self.status(i, term), times.get(i))
            for i in tonight_order(list(by_id), times)
        ]
        return self.with_next(rows)

    def with_next(self, rows: list[PickerRow]) -> list[PickerRow]:
        """``rows`` with who is next marked as of now (see :mod:`slc_tui.core.tonight`)."""
        times = {r.student.id: r.time for r in rows if r.time is not None}
        if not times:
            return rows
        ids = [(r.student.id, r.status) for r in rows]
        from slc_tui.core.tonight import next_up

        upcoming = next_up(ids, times, self.clock())
        return [replace(r, next=r.student.id == upcoming) for r in rows]

    def status(self, student_id: str, term: str | None = None) -> Status:
        """How far ``student_id``'s conference got this term ("unreadable" when their
        results file is damaged)."""
        try:
            records = self._records(student_id)
        except (CorruptResultsFile, OSError):
            return "unreadable"
        status = conference_status(records, self.folder.info.term if term is None else term)
        return cast(Status, status)

    def _records(self, student_id: str) -> list[dict[str, Any]]:
        """The student's records (only ever their own); a damaged results file (also one
        holding another student's conference) is recovered first (kept aside, repaired)
        and the recovery remembered for the teacher."""
        try:
            return self.store.records_for(student_id)
        except CorruptResultsFile:
            recovery = self.store.recover(student_id)
            if recovery is not None:
                with self._save_lock:
                    self._recoveries.append(recovery)
            return self.store.records_for(student_id)

    def start_without_questions(
        self, student_id: str, claim: bool = True, repair: bool = True
    ) -> Conference | None:
        """Start ``student_id``'s conference when opening it asks nothing: it is not open
        elsewhere, nothing is unfinished, it is not done. Else None (and nothing held).

        ``claim=False``: do not hold it (nor check it is open elsewhere) yet: the caller
        claims it before saving anything. ``repair=False``: a damaged results file is left
        as it is (None: it is repaired when the conference is opened another way).
        """
        portfolio = self.folder.portfolio(student_id)
        if portfolio is None or (claim and self.claim(student_id) is not None):
            return None
        read = self._records if repair else self.store.records_for
        try:
            records: list[dict[str, Any]] | None = read(student_id)
        except (CorruptResultsFile, OSError):
            records = None
        term = self.folder.info.term
        if (
            records is None
            or resume_point(records, term) is not None
            or conference_status(records, term) == "done"
        ):
            self.release_claim()
            return None
        # The records just read give last time's conference: no second read.
        return Conference.start(portfolio, self.folder.info, self.clock(), last_finished(records))

    def start_practice(self, student_id: str) -> Conference | None:
        """A rehearsal of ``student_id``'s conference with their own portfolio (and last
        time's conference to look back on): nothing is claimed, repaired or saved for it.
        None when the child has no usable portfolio."""
        portfolio = self.folder.portfolio(student_id)
        if portfolio is None:
            return None
        try:
            previous = last_finished(self.store.records_for(student_id))
        except (CorruptResultsFile, OSError):  # read only: a damaged file is left as it is
            previous = None
        return Conference.start(portfolio, self.folder.info, self.clock(), previous)

    def take_recoveries(self) -> list[Recovery]:
        """Damaged results files recovered since last asked (to tell the teacher once)."""
        with self._save_lock:
            taken, self._recoveries = self._recoveries, []
        return taken

    def unfinished_record(self, student_id: str) -> dict[str, Any] | None:
        """This term's unfinished conference of ``student_id``, to offer to carry on."""
        return resume_point(self._records(student_id), self.folder.info.term)

    def previous_record(self, student_id: str, exclude_id: str = "") -> dict[str, Any] | None:
        """The newest finished conference (for the ``review`` step), other than ``exclude_id``."""
        return last_finished(self._records(student_id), exclude_id)

    def abandon(self, record: dict[str, Any]) -> None:
        """Set aside an unfinished conference when the family starts again (it is kept)."""
        self.save({**record, "status": ABANDONED})

    def start(self, student_id: str) -> Conference:
        """A fresh conference for ``student_id`` (KeyError if there is no usable portfolio)."""
        portfolio = self._portfolio(student_id)
        previous = self.previous_record(student_id)
        return Conference.start(portfolio, self.folder.info, self.clock(), previous)

    def resume(self, student_id: str, record: dict[str, Any]) -> Conference:
        """Rebuild ``student_id``'s conference saved in ``record``, exactly where it stopped.

        Raises ValueError if ``record`` is not ``student_id``'s (the records this session
        reads for a student never are), KeyError if the student has no usable portfolio.
        """
        if record.get("student_id") != student_id:
            raise ValueError(f"that conference is not {student_id}'s")
        portfolio = self._portfolio(student_id)
        previous = self.previous_record(student_id, exclude_id=str(record.get("id")))
        conference = from_record(record, portfolio, self.folder.info, previous)
        conference.resumed(self.clock())
        return conference

    def _portfolio(self, student_id: str) -> Portfolio:
        portfolio = self.folder.portfolio(student_id)
        if portfolio is None:
            raise KeyError(student_id)
        return portfolio

    def snapshot(self, conference: Conference) -> dict[str, Any]:
        """The record to save now (cheap; taken on the UI thread, written elsewhere)."""
        conference.updated = self.clock()
        return to_record(conference)

    def save(self, record: dict[str, Any], seq: int = 0) -> Path:
        """Write ``record`` atomically. Thread-safe; a save older than one already written
        (a lower ``seq`` for the same conference) is skipped so saves never go backwards.

        A results file found damaged (something broke it while the app was open) is
        repaired on the way, ``record`` saved into it, and the recovery remembered for
        the teacher (:meth:`take_recoveries`).
        """
        with self._save_lock:
            self._check_still_ours(str(record.get("student_id")))
            record_id = str(record["id"])
            if seq and seq < self._last_saved_seq.get(record_id, 0):
                return self.store.results_dir / f"{record['student_id']}.json"
            path, recovery = self.store.save_recovering(record)
            if recovery is not None:
                self._recoveries.append(recovery)
            if seq:
                self._last_saved_seq[record_id] = seq
            return path


# -- what the app writes outside a conference's results (the ui reaches the store only here)


def write_crash_log(results_dir: Path, error: BaseException, context: str = "") -> Path | None:
    """Log ``error`` for the teacher (see :func:`slc_tui.store.crash_log.write_crash_log`)."""
    from slc_tui.store import crash_log

    return crash_log.write_crash_log(results_dir, error, context)


def crash_message(saved: bool | None, log: Path | None) -> str:
    """What the family reads after a crash (see :func:`slc_tui.store.crash_log.crash_message`)."""
    from slc_tui.store import crash_log

    return crash_log.crash_message(saved, log)


def write_rescue_file(records: list[dict[str, Any]]) -> Path | None:
    """Keep ``records`` that could not be saved in the user's data folder (see
    :func:`slc_tui.store.rescue.write_rescue_file`); None if even that failed."""
    from slc_tui.store import rescue

    return rescue.write_rescue_file(records)


def own_results_dir(class_dir: Path) -> Path:
    """The per-user results folder of ``class_dir``, for when its own cannot be written."""
    from slc_tui.store.paths import user_results_dir

    return user_results_dir(class_dir)

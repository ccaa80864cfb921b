"""The ``slc`` command line: argument parsing and exit codes, nothing more.

Exit codes: 0 success, 1 invalid input or a failed command, 2 bad usage.

A command about a class folder speaks the class's ``language`` (its messages, and the
problems found in its files); any other, English. ``slc open`` and ``slc serve`` leave it
to the app, and argparse's help and usage are English.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from slc_tui import __version__
from slc_tui.core import i18n
from slc_tui.core.i18n import N_, _, fill, nfill
from slc_tui.store.paths import bundled_sample_dir

if TYPE_CHECKING:  # imported when a command needs it: not on the start-up path
    from slc_tui.core.i18n import Translation
    from slc_tui.teacher.access import TeacherAccess
    from slc_tui.teacher.schedule import SchedulePlan

DESCRIPTION = """\
slc lets a child lead their own parent-teacher conference on a classroom laptop.

With no command, slc opens the bundled sample class."""

EPILOG = """\
examples:
  slc                                   open the sample class
  slc new-class ~/room12                make a class folder to fill in
  slc validate ~/room12                 check every file, naming file and field
  slc open ~/room12 --student maya      go straight to Maya's conference
  slc serve ~/room12 --lan              the app in the Chromebooks' browsers
  slc export ~/room12 --format csv --out conferences.csv
  slc schedule ~/room12 --day 2026-11-12 --from 14:00 --to 18:45 --slot 30 \\
      --families-per-slot 3 --rotate 10 --break 16:00-16:30 --requests requests.csv \
      --room "Room 12"                  plan conference night: schedule.json, .ics and
                                        invitations.pdf
  slc forget ~/room12 maya              delete Maya's records (teacher PIN)
  slc take-home ~/room12 maya           print Maya's take-home copy as a PDF
  slc report ~/room12                   the class report after the night, as a PDF
  slc languages ~/room12                the languages conferences can be led in
"""

#: The rule for a new teacher PIN, in words (kept here too: importing the teacher services
#: would slow every start-up for a help text; the help stays English, the prompt is translated).
NEW_PIN_RULE = N_("6 or more digits, or a passphrase of 10 or more characters")
#: The commands whose language is the app's own business (it sets the class's itself, and
#: ``slc open`` reads no catalog before its first screen is painted).
_APP_COMMANDS = (None, "open", "serve")


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser (its help is the CLI's documentation).

    Every command is listed, but only the command ``argv`` names has its arguments added
    (every command's, when ``argv`` is None or names none): building them all would cost
    each start of the app a few milliseconds.
    """
    parser = argparse.ArgumentParser(
        prog="slc",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"slc {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    named = next((arg for arg in argv or () if not arg.startswith("-")), None)
    every = argv is None or named not in _COMMANDS
    for name, (description, add_arguments) in _COMMANDS.items():
        command = commands.add_parser(name, help=description)
        if every or name == named:
            add_arguments(command)
    return parser


def _open_arguments(cmd: argparse.ArgumentParser) -> None:
    """``slc open``."""
    cmd.add_argument(
        "class_dir",
        nargs="?",
        type=Path,
        metavar="CLASS_DIR",
        help="the class folder (default: the bundled sample class)",
    )
    cmd.add_argument("--student", metavar="ID", help="go straight to this student's conference")
    cmd.add_argument(
        "--results", type=Path, metavar="DIR", help="save results here instead of CLASS_DIR/results"
    )


def _new_class_arguments(cmd: argparse.ArgumentParser) -> None:
    """``slc new-class``."""
    cmd.add_argument("folder", type=Path, metavar="DIR")
    cmd.add_argument("--sample", action="store_true", help="copy the bundled sample class")
    cmd.add_argument("--name", default="", help="the class name (default: the folder name)")
    cmd.add_argument(
        "--pin",
        help=f"the teacher PIN: {NEW_PIN_RULE} (default: asked for in a terminal)",
    )
    cmd.add_argument(
        "--grade",
        default="3",
        choices=["K", *map(str, range(1, 13))],
        help="grade whose default prompts go in prompts.json (default: 3)",
    )
    cmd.add_argument(
        "--language",
        default="en",
        metavar="CODE",
        help="the class's language, such as en, es or fr (default: en); prompts.json in it",
    )


def _validate_arguments(cmd: argparse.ArgumentParser) -> None:
    """``slc validate``."""
    cmd.add_argument("path", type=Path, metavar="PATH")


def _export_arguments(cmd: argparse.ArgumentParser) -> None:
    """``slc export``."""
    cmd.add_argument("class_dir", type=Path, metavar="CLASS_DIR")
    cmd.add_argument("--format", choices=["csv", "json"], required=True, dest="fmt")
    cmd.add_argument("--out", type=Path, metavar="FILE", help="write here (default: stdout)")
    cmd.add_argument("--results", type=Path, metavar="DIR", help="read results from here")
    cmd.add_argument("--pin", help="the teacher PIN (default: asked for)")


def _set_pin_arguments(cmd: argparse.ArgumentParser) -> None:
    """``slc set-pin``."""
    cmd.add_argument("class_dir", type=Path, metavar="CLASS_DIR")
    cmd.add_argument("--pin", help=f"the new PIN: {NEW_PIN_RULE} (default: asked for)")
    cmd.add_argument("--old-pin", help="the current PIN, if one is set (default: asked for)")
    cmd.add_argument("--results", type=Path, metavar="DIR", help="the class's results folder")


def _forget_arguments(cmd: argparse.ArgumentParser) -> None:
    """``slc forget``."""
    cmd.add_argument("class_dir", type=Path, metavar="CLASS_DIR")
    cmd.add_argument("student_id", metavar="STUDENT_ID")
    cmd.add_argument("--pin", help="the teacher PIN (default: asked for)")
    cmd.add_argument("--results", type=Path, metavar="DIR", help="the class's results folder")


def _languages_arguments(cmd: argparse.ArgumentParser) -> None:
    """``slc languages``."""
    cmd.add_argument(
        "class_dir", nargs="?", type=Path, metavar="CLASS_DIR", help="include its languages/"
    )


def _serve_arguments(cmd: argparse.ArgumentParser) -> None:
    """``slc serve``."""
    cmd.add_argument(
        "class_dir",
        nargs="?",
        type=Path,
        metavar="CLASS_DIR",
        help="the class folder (default: the bundled sample class)",
    )
    cmd.add_argument(
        "--port", type=int, default=8000, help="the port to listen on (default: 8000; 0: any)"
    )
    cmd.add_argument(
        "--lan",
        action="store_true",
        help="listen on the laptop's network address, for other computers (teacher PIN)",
    )
    cmd.add_argument("--pin", help="the teacher PIN, for --lan (default: asked for)")


def _schedule_arguments(cmd: argparse.ArgumentParser) -> None:
    """``slc schedule``."""
    cmd.add_argument("class_dir", type=Path, metavar="CLASS", help="the class folder")
    cmd.add_argument("--day", required=True, metavar="YYYY-MM-DD", help="the day")
    cmd.add_argument(
        "--from", required=True, dest="start", metavar="HH:MM", help="when the first slot starts"
    )
    cmd.add_argument("--to", required=True, dest="end", metavar="HH:MM", help="when it all ends")
    cmd.add_argument("--slot", required=True, type=int, metavar="MINUTES", help="a slot's length")
    cmd.add_argument(
        "--families-per-slot",
        type=int,
        default=1,
        metavar="N",
        help="families in the room at once; brothers and sisters count once (default 1)",
    )
    cmd.add_argument(
        "--rotate", type=int, metavar="MINUTES", help="each family's turn with the teacher"
    )
    cmd.add_argument(
        "--break",
        action="append",
        default=[],
        dest="breaks",
        metavar="HH:MM-HH:MM",
        help="kept free (repeat for more breaks)",
    )
    cmd.add_argument(
        "--requests",
        type=Path,
        metavar="FILE.csv",
        help="a CSV of student id or name, family id, requested time, private talk",
    )
    cmd.add_argument(
        "--room",
        metavar="TEXT",
        help='where the conferences are, e.g. "Room 12" (default: as before; "" for none)',
    )
    cmd.add_argument(
        "--replan", action="store_true", help="place every family afresh (default: keep slots)"
    )


def _roster_arguments(roster_cmd: argparse.ArgumentParser) -> None:
    """``slc roster import``."""
    roster_commands = roster_cmd.add_subparsers(dest="roster_command", metavar="import")
    roster_commands.required = True
    import_cmd = roster_commands.add_parser(
        "import",
        help="make a portfolio for every student in a spreadsheet's CSV or OneRoster users.csv",
    )
    import_cmd.add_argument("class_dir", type=Path, metavar="CLASS", help="the class folder")
    import_cmd.add_argument(
        "roster_file", type=Path, metavar="FILE", help="the class list, CSV (at most 10 MiB)"
    )
    import_cmd.add_argument("--dry-run", action="store_true", help="only say what would be created")


def _add_work_arguments(work_cmd: argparse.ArgumentParser) -> None:
    """``slc add-work``."""
    work_cmd.add_argument("class_dir", type=Path, metavar="CLASS", help="the class folder")
    work_cmd.add_argument("student_id", metavar="STUDENT_ID", help="whose portfolio")
    work_cmd.add_argument(
        "images", nargs="+", metavar="IMAGE", help="pictures: PNG, JPEG, GIF, WebP or BMP"
    )
    work_cmd.add_argument("--title", help="the pieces' title (default: from each file name)")
    work_cmd.add_argument("--subject", help="the pieces' subject")


def _take_home_arguments(take_home_cmd: argparse.ArgumentParser) -> None:
    """``slc take-home``."""
    take_home_cmd.add_argument("class_dir", type=Path, metavar="CLASS", help="the class folder")
    take_home_cmd.add_argument("student_id", metavar="STUDENT_ID", help="whose conference")
    take_home_cmd.add_argument(
        "--format",
        choices=["pdf", "html", "txt"],
        default="pdf",
        dest="fmt",
        help="pdf (default), self-contained html, or plain txt",
    )
    take_home_cmd.add_argument(
        "--out", type=Path, metavar="FILE", help="write here (default: RESULTS/take-home/)"
    )
    take_home_cmd.add_argument("--results", type=Path, metavar="DIR", help="read results from here")
    take_home_cmd.add_argument("--pin", help="the teacher PIN (default: asked for)")


def _report_arguments(cmd: argparse.ArgumentParser) -> None:
    """``slc report``."""
    cmd.add_argument("class_dir", type=Path, metavar="CLASS", help="the class folder")
    cmd.add_argument(
        "--out",
        type=Path,
        metavar="FILE.pdf",
        help="write here (default: RESULTS/exports/report-YYYY-MM-DD.pdf)",
    )
    cmd.add_argument("--results", type=Path, metavar="DIR", help="read results from here")
    cmd.add_argument("--pin", help="the teacher PIN (default: asked for)")


#: Every command in the order ``slc -h`` lists them: its one-line help, and what adds its
#: arguments.
_COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None]]] = {
    "open": ("open a class folder in the conference app", _open_arguments),
    "serve": ("the app in a browser: Chromebooks, the classroom's big screen", _serve_arguments),
    "new-class": ("make a new class folder", _new_class_arguments),
    "validate": ("check a class folder or one portfolio", _validate_arguments),
    "export": ("export every saved conference", _export_arguments),
    "set-pin": ("set or change the class's teacher PIN", _set_pin_arguments),
    "forget": ("delete every record of one student (teacher PIN)", _forget_arguments),
    "schedule": (
        "plan conference night: every child in a slot (schedule.json, .ics, invitations.pdf)",
        _schedule_arguments,
    ),
    "roster": ("import a class list (see: slc roster -h)", _roster_arguments),
    "add-work": (
        "add pictures of work to a student's portfolio, one piece each",
        _add_work_arguments,
    ),
    "take-home": (
        "write a family's take-home copy of their latest conference",
        _take_home_arguments,
    ),
    "report": (
        "the class report: follow-ups, every child's goals and promises (PDF)",
        _report_arguments,
    ),
    "languages": (
        "the languages conferences can be led in, and how complete each is",
        _languages_arguments,
    ),
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    # Start-up makes a great many objects that live for good: collecting them over and
    # over only slows the first screen. The app re-enables collection once it is painted.
    gc.disable()
    try:
        return _run(argv)
    finally:
        gc.enable()


def _run(argv: Sequence[str] | None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(arguments).parse_args(arguments)
    if args.command not in (None, "open"):
        gc.enable()
        _quiet_when_the_reader_goes()
    spoken = i18n.active()
    try:
        if args.command not in _APP_COMMANDS:
            language = _class_language(args)
            if language is not None:
                i18n.use(language)
        return _command(args)
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug: calm words on screen, the traceback in a log
        from slc_tui.store.crash_log import report_crash

        report_crash(_crash_log_dir(args), error, f"slc {args.command or 'open'}")
        return 1
    finally:
        i18n.use(spoken)


def _command(args: argparse.Namespace) -> int:
    """Run the command ``args`` name."""
    if args.command == "new-class":
        return cmd_new_class(
            args.folder, args.sample, args.name, args.grade, args.pin, args.language
        )
    if args.command == "set-pin":
        return cmd_set_pin(args.class_dir, args.pin, args.old_pin, args.results)
    if args.command == "forget":
        return cmd_forget(args.class_dir, args.student_id, args.pin, args.results)
    if args.command == "validate":
        return cmd_validate(args.path)
    if args.command == "export":
        return cmd_export(args.class_dir, args.fmt, args.out, args.results, args.pin)
    if args.command == "take-home":
        return cmd_take_home(
            args.class_dir, args.student_id, args.fmt, args.out, args.results, args.pin
        )
    if args.command == "report":
        return cmd_report(args.class_dir, args.out, args.results, args.pin)
    if args.command == "open":
        return cmd_open(args.class_dir, args.student, args.results)
    if args.command == "languages":
        return cmd_languages(args.class_dir)
    if args.command == "serve":
        return cmd_serve(args.class_dir, args.port, args.lan, args.pin)
    if args.command == "schedule":
        return cmd_schedule(args)
    if args.command == "roster":
        return cmd_roster_import(args.class_dir, args.roster_file, args.dry_run)
    if args.command == "add-work":
        return cmd_add_work(args.class_dir, args.student_id, args.images, args.title, args.subject)
    return cmd_open(None, None, None)


def _quiet_when_the_reader_goes() -> None:
    """``slc roster import … | head``: end quietly when the reader of the output stops
    reading, as other commands do, rather than report a crash (no SIGPIPE on Windows)."""
    import signal

    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)


def _crash_log_dir(args: argparse.Namespace) -> Path | None:
    """The results folder of the class the command was about (else the per-user folder)."""
    from slc_tui.store.paths import default_user_data_dir

    try:
        class_dir = getattr(args, "class_dir", None) or getattr(args, "path", None)
        if class_dir is not None and Path(class_dir).is_dir():
            return _results_dir(Path(class_dir), getattr(args, "results", None))
        return default_user_data_dir()
    except Exception:
        return None


def _class_folder_of(args: argparse.Namespace) -> Path | None:
    """The class folder the command is about: ``class_dir``, or for ``slc validate`` the
    folder given or the class folder of the portfolio file given (None when there is none)."""
    if args.command == "validate":
        from slc_tui.core.class_folder import PORTFOLIOS_DIR

        path = Path(args.path).expanduser()
        if path.is_dir():
            return path
        if not path.is_file():
            return None
        parent = path.resolve().parent
        return parent.parent if parent.name == PORTFOLIOS_DIR else parent
    class_dir = getattr(args, "class_dir", None)
    return Path(class_dir).expanduser() if class_dir is not None else None


def _class_language(args: argparse.Namespace) -> Translation | None:
    """The translation the command speaks: the class's ``language`` (``--language`` for
    ``slc new-class``), found in the class folder's ``languages/``, the user's and the
    bundled catalogs; None for English (no catalog is read then), a language no catalog is
    found for, a class folder with no usable ``class.json`` or no class folder at all."""
    try:
        if args.command == "new-class":
            folder, code = Path(args.folder).expanduser(), str(args.language)
        else:
            from slc_tui.core.class_folder import CLASS_FILE, load_class_info

            found = _class_folder_of(args)
            if found is None or not (found / CLASS_FILE).is_file():
                return None
            folder = found
            code = load_class_info(folder)[0].language
        from slc_tui.store.paths import language_folders

        language = i18n.speaking(code, language_folders(folder))
        return None if language is i18n.ENGLISH else language
    except (OSError, ValueError):  # a folder that cannot be looked at: said by the command
        return None


def _error(message: str) -> int:
    print(f"slc: {message}", file=sys.stderr)
    return 1


def _results_dir(class_dir: Path, override: Path | None) -> Path:
    from slc_tui.store.paths import results_dir_for

    return results_dir_for(class_dir, bundled_sample_dir(), override)


def cmd_open(class_dir: Path | None, student: str | None, results: Path | None) -> int:
    """Open the app on ``class_dir`` (or the sample class)."""
    from slc_tui.core.class_folder import CLASS_FILE
    from slc_tui.store.paths import seed_results

    sample = bundled_sample_dir()
    folder = (class_dir or sample).expanduser()
    if not (folder / CLASS_FILE).is_file():
        return _error(
            f"{folder} is not a class folder (no {CLASS_FILE}); make one with: slc new-class DIR"
        )
    results_dir = _results_dir(folder, results)
    notice = ""
    is_sample = folder.resolve() == sample.resolve() and results is None
    if is_sample:
        seed_results(sample / "results", results_dir)
        notice = f"This is the sample class. Results are saved in {results_dir}"
    from slc_tui.ui.served import results_notice, served

    if served():  # a browser tab of slc serve, maybe on a Chromebook
        notice = results_notice(results_dir, is_sample)
    from slc_tui.ui.app import create_app

    app = create_app(
        folder, results_dir, student_id=student, notice=notice, freeze_objects=not gc.isenabled()
    )
    app.run()
    return app.return_code or 0


def cmd_serve(class_dir: Path | None, port: int, lan: bool, pin: str | None = None) -> int:
    """``slc serve``: the app in browsers, one app process per tab, until Ctrl+C; with
    ``lan`` on the laptop's network address (teacher PIN if one is set)."""
    from slc_tui.core.class_folder import CLASS_FILE, load_class_info
    from slc_tui.store.paths import seed_results

    sample = bundled_sample_dir()
    folder = (class_dir or sample).expanduser().resolve()
    if not (folder / CLASS_FILE).is_file():
        return _error(
            f"{folder} is not a class folder (no {CLASS_FILE}); make one with: slc new-class DIR"
        )
    if not 0 <= port <= 65535:
        return _error(f"--port: {port} is not a port (1 to 65535, or 0 for any free one)")
    results_dir = _results_dir(folder, None)
    if folder == sample.resolve():
        seed_results(sample / "results", results_dir)
    host = "127.0.0.1"
    if lan:
        refused = _teacher_only(results_dir, pin, "serve")
        if refused:
            return _error(refused)
        from slc_tui.serve.network import lan_address

        found = lan_address()
        if found is None:
            return _error(
                "this laptop has no network address: join the classroom's network, "
                "or serve to this laptop only (without --lan)"
            )
        host = found
    from slc_tui.serve.access import new_token
    from slc_tui.serve.page import PageRefused
    from slc_tui.serve.server import ServeFailed, serve_class

    info, _ = load_class_info(folder)

    def announce(address: str) -> None:
        _announce_serving(address, info.name, results_dir, lan)

    try:
        serve_class(folder, host, port, new_token(), f"{info.name} · slc", announce)
    except (ServeFailed, PageRefused) as failed:
        return _error(str(failed))
    print("slc serve stopped.", flush=True)
    return 0


def _announce_serving(address: str, name: str, results_dir: Path, lan: bool) -> None:
    """Where to go, the QR code (with ``lan``), what the key means and where results go."""
    if lan:
        print(f"Serving {name} to the classroom's network.")
        print("On a Chromebook, type this address in the browser (or scan the code):\n")
    else:
        print(f"Serving {name} to browsers on this laptop only (for Chromebooks: --lan).")
        print("Open this address in a browser:\n")
    print(f"    {address}\n")
    if lan:
        from slc_tui.serve.network import qr_lines

        print("\n".join(qr_lines(address, colour=sys.stdout.isatty())) + "\n")
    print(
        "The address holds a key made for this launch: whoever has it can open the class's\n"
        "conferences, so share it only in the classroom. Without it, the page is refused."
    )
    print(f"Results are saved on this laptop, in {results_dir}")
    print("Press Ctrl+C to stop: each conference open in a tab is saved first.", flush=True)


def _ask(prompt: str) -> str | None:
    """Ask for a PIN without echoing it (None when there is no terminal to ask in)."""
    import getpass

    if not sys.stdin.isatty():
        return None
    return getpass.getpass(prompt)


def _new_pin(given: str | None) -> tuple[str | None, str | None]:
    """(the new PIN or None, an error): from ``--pin`` or asked for in a terminal (twice,
    and again while it breaks the rule)."""
    from slc_tui.core.teacher_pin import new_pin_problem

    if given is not None:
        problem = new_pin_problem(given)
        return (None, problem) if problem else (given, None)
    while True:
        pin = _ask(fill("Choose a teacher PIN ({rule}; Enter for none): ", rule=_(NEW_PIN_RULE)))
        if not pin:
            return None, None
        problem = new_pin_problem(pin)
        if problem is None:
            break
        print(f"slc: {problem}", file=sys.stderr)
    if _ask(_("Type it again: ")) != pin:
        return None, _("the two PINs are not the same")
    return pin, None


def _pin_refusal(access: TeacherAccess, pin: str) -> str | None:
    """None if ``pin`` is the teacher PIN, else why not, in words (a wait after wrong PINs,
    shared with the app, refuses it unchecked)."""
    answer = access.check(pin)
    return None if answer.outcome == "ok" else answer.short


#: What each command guarded by the teacher PIN asks for it with, and says without it.
_PIN_WORDS = {
    "export": (
        N_("Teacher PIN to export: "),
        N_("export needs the teacher PIN: give --pin, or run slc in a terminal to be asked"),
    ),
    "forget": (
        N_("Teacher PIN to forget a student: "),
        N_(
            "forget a student needs the teacher PIN: give --pin, or run slc in a terminal"
            " to be asked"
        ),
    ),
    "take-home": (
        N_("Teacher PIN to print a take-home copy: "),
        N_(
            "print a take-home copy needs the teacher PIN: give --pin, or run slc in a"
            " terminal to be asked"
        ),
    ),
    "report": (
        N_("Teacher PIN to make the class report: "),
        N_(
            "make the class report needs the teacher PIN: give --pin, or run slc in a"
            " terminal to be asked"
        ),
    ),
    "serve": (
        "Teacher PIN to serve the class to the network: ",
        "serve the class to the network needs the teacher PIN: give --pin, or run slc in a"
        " terminal to be asked",
    ),
}


def _teacher_only(results_dir: Path, given: str | None, command: str) -> str | None:
    """None if the teacher may run ``command`` (right PIN, or no PIN set), else why not."""
    from slc_tui.teacher.access import TeacherAccess

    access = TeacherAccess(results_dir)
    if not access.is_set():
        return None
    prompt, needed = _PIN_WORDS[command]
    pin = given if given is not None else _ask(_(prompt))
    if pin is None:
        return _(needed)
    return _pin_refusal(access, pin)


def cmd_new_class(
    folder: Path, sample: bool, name: str, grade: str, pin: str | None, language: str = "en"
) -> int:
    """``slc new-class``."""
    from slc_tui.core.class_folder import RESULTS_DIR
    from slc_tui.core.classinfo import language_code_problem
    from slc_tui.teacher.access import TeacherAccess
    from slc_tui.teacher.class_setup import ClassFolderExists, create_class

    if language_code_problem(language):
        return _error(f"--language {language_code_problem(language)}")
    new_pin, problem = _new_pin(pin)
    if problem:
        return _error(problem)
    try:
        create_class(folder.expanduser(), sample=sample, name=name, grade=grade, language=language)
        if new_pin:
            TeacherAccess(folder.expanduser() / RESULTS_DIR).set_pin(new_pin)
    except ClassFolderExists as exists:
        return _error(str(exists))
    except OSError as error:
        return _error(_cannot(N_("cannot create {file}: {reason}"), folder, error))
    if sample:
        print(fill("Made a copy of the sample class in {folder}.", folder=folder))
    else:
        print(fill("Made a new class folder in {folder}.", folder=folder))
    if not new_pin:
        print(fill("No teacher PIN set yet: set one with  slc set-pin {folder}", folder=folder))
    print(
        fill(
            "Next: edit {folder}/class.json and {folder}/portfolios/, then run:"
            " slc validate {folder}",
            folder=folder,
        )
    )
    return 0


def _cannot(message: str, where: object, error: OSError) -> str:
    """``message`` (``cannot … {file}: {reason}``, marked by the caller) with the file and
    the system's reason."""
    return fill(message, file=where, reason=error.strerror or error)


def _teacher_class(
    class_dir: Path, results: Path | None, pin: str | None, command: str
) -> tuple[Path, Path] | int:
    """The class folder (``~`` expanded) and its results folder, for a command only the
    teacher may run; or the exit code, once the reason it may not go on is printed."""
    class_dir = class_dir.expanduser()
    if not class_dir.is_dir():
        return _not_a_folder(class_dir)
    results_dir = _results_dir(class_dir, results)
    refused = _teacher_only(results_dir, pin, command)
    if refused:
        return _error(refused)
    return class_dir, results_dir


def _not_a_folder(folder: Path) -> int:
    """``slc: FOLDER: class folder not found``."""
    return _error(fill("{folder}: class folder not found", folder=folder))


def _not_a_class(folder: Path, file: str) -> int:
    """``slc: FOLDER is not a class folder (no class.json): slc new-class DIR``."""
    return _error(
        fill(
            "{folder} is not a class folder (no {file}): slc new-class DIR",
            folder=folder,
            file=file,
        )
    )


def cmd_set_pin(class_dir: Path, pin: str | None, old_pin: str | None, results: Path | None) -> int:
    """``slc set-pin``: set the teacher PIN, or change it (the old one is needed)."""
    from slc_tui.core.teacher_pin import new_pin_problem
    from slc_tui.teacher.access import TeacherAccess

    class_dir = class_dir.expanduser()
    if not class_dir.is_dir():
        return _not_a_folder(class_dir)
    access = TeacherAccess(_results_dir(class_dir, results))
    problem = new_pin_problem(pin) if pin is not None else None
    if problem:  # said before the current PIN is asked for (and counted)
        return _error(problem)
    if access.is_set():
        old = old_pin if old_pin is not None else _ask(_("Current teacher PIN: "))
        if old is None:
            return _error(_("changing the PIN needs the current one: give --old-pin"))
        answer = access.check(old)
        if answer.outcome == "damaged":
            damaged = answer.message.rstrip(".")
            print("slc: " + fill("{problem}; replacing it.", problem=damaged), file=sys.stderr)
        elif answer.outcome != "ok":
            return _error(answer.short)
    new_pin, problem = _new_pin(pin)
    if problem or not new_pin:
        return _error(problem or _("no PIN given: nothing changed"))
    try:
        path = access.set_pin(new_pin)
    except OSError as error:
        return _error(_cannot(N_("cannot write {file}: {reason}"), access.path, error))
    print(fill("Teacher PIN saved (only its salted hash) in {file}", file=path))
    return 0


def cmd_forget(class_dir: Path, student_id: str, pin: str | None, results: Path | None) -> int:
    """``slc forget``: delete every record of one student (teacher PIN required)."""
    from slc_tui.core.fields import is_valid_id
    from slc_tui.teacher.access import TeacherAccess
    from slc_tui.teacher.forget import (
        FollowUpsUnreadable,
        ScheduleUnreadable,
        StudentOpenElsewhere,
        forget,
    )

    class_dir = class_dir.expanduser()
    if not class_dir.is_dir():
        return _not_a_folder(class_dir)
    if not is_valid_id(student_id):
        return _error(fill("{id} is not a student id", id=repr(student_id)))
    results_dir = _results_dir(class_dir, results)
    if not TeacherAccess(results_dir).is_set():
        return _error(
            fill(
                "forgetting a student needs a teacher PIN; set one with: slc set-pin {folder}",
                folder=class_dir,
            )
        )
    refused = _teacher_only(results_dir, pin, "forget")
    if refused:
        return _error(refused)
    try:
        deleted = forget(results_dir, student_id, class_dir=class_dir)
    except StudentOpenElsewhere as open_elsewhere:
        return _error(str(open_elsewhere))
    except OSError as error:
        return _error(_cannot(N_("cannot delete {file}: {reason}"), error.filename, error))
    except FollowUpsUnreadable as damaged:
        return _error(
            fill(
                "{id}'s records were deleted, not their follow-up mark: {problem}",
                id=student_id,
                problem=damaged,
            )
        )
    except ScheduleUnreadable as damaged:
        return _error(
            fill(
                "{id}'s records were deleted, not their schedule entry: {problem}",
                id=student_id,
                problem=damaged,
            )
        )
    for path in deleted:
        print(fill("deleted {file}", file=path))
    for path in deleted.rewritten:
        print(fill("took {id} out of {file}", id=student_id, file=path))
    if deleted.rewritten:
        done = fill(
            "Forgot {id}: {count} file(s) deleted, taken out of the schedule.",
            id=student_id,
            count=len(deleted),
        )
    else:
        done = fill("Forgot {id}: {count} file(s) deleted.", id=student_id, count=len(deleted))
    print(done, file=sys.stderr)
    return 0


def cmd_validate(path: Path) -> int:
    """``slc validate``: every problem on its own line; exit 1 if any is an error."""
    from slc_tui.teacher.validation import validate_path

    try:
        problems, checked = validate_path(path.expanduser())
    except FileNotFoundError:
        return _error(fill("{file}: not found", file=path))
    for problem in problems:
        print(problem)
    errors = sum(problem.is_error for problem in problems)
    warnings = len(problems) - errors
    summary = fill(
        "{errors} error(s), {warnings} warning(s) in {checked}",
        errors=errors,
        warnings=warnings,
        checked=checked,
    )
    print(("✗ " if errors else "✓ ") + summary, file=sys.stderr)
    return 1 if errors else 0


def cmd_export(
    class_dir: Path, fmt: str, out: Path | None, results: Path | None, pin: str | None = None
) -> int:
    """``slc export``: every saved conference as CSV or JSON (teacher PIN if one is set)."""
    from slc_tui.teacher.export import ExportFailed, check_readable, export_chunks, export_to

    opened = _teacher_class(class_dir, results, pin, "export")
    if isinstance(opened, int):
        return opened
    class_dir, results_dir = opened
    kind: Literal["csv", "json"] = "csv" if fmt == "csv" else "json"
    try:
        if out is None:  # every file checked first: the screen never gets half an export
            check_readable(results_dir)
            for chunk in export_chunks(results_dir, kind):
                sys.stdout.write(chunk)
            return 0
        count = export_to(results_dir, kind, out.expanduser())
    except ExportFailed as failed:
        return _error(str(failed))
    print(fill("Exported {count} conference(s) to {file}", count=count, file=out), file=sys.stderr)
    return 0


def cmd_take_home(
    class_dir: Path,
    student_id: str,
    fmt: str,
    out: Path | None,
    results: Path | None,
    pin: str | None = None,
) -> int:
    """``slc take-home``: the copy of a student's latest finished conference (teacher PIN
    if one is set)."""
    from slc_tui.teacher.take_home import TakeHomeFailed, write_latest_take_home

    opened = _teacher_class(class_dir, results, pin, "take-home")
    if isinstance(opened, int):
        return opened
    class_dir, results_dir = opened
    kind: Literal["pdf", "html", "txt"] = (
        "html" if fmt == "html" else "txt" if fmt == "txt" else "pdf"
    )
    try:
        path = write_latest_take_home(
            class_dir, results_dir, student_id, kind, out.expanduser() if out else None
        )
    except TakeHomeFailed as failed:
        return _error(str(failed))
    print(fill("Take-home copy written to {file}", file=path))
    return 0


def cmd_report(
    class_dir: Path, out: Path | None, results: Path | None, pin: str | None = None
) -> int:
    """``slc report``: the class report as a PDF (teacher PIN if one is set)."""
    from datetime import date

    from slc_tui.teacher.report import ReportFailed, write_class_report

    opened = _teacher_class(class_dir, results, pin, "report")
    if isinstance(opened, int):
        return opened
    class_dir, results_dir = opened
    try:
        written = write_class_report(
            class_dir, results_dir, date.today(), out.expanduser() if out else None
        )
    except ReportFailed as failed:
        return _error(str(failed))
    for problem in written.problems:
        print(f"slc: {problem}", file=sys.stderr)
    print(
        nfill(
            "Class report ({n} children) written to {file}",
            "Class report ({n} children) written to {file}",
            written.children,
            file=written.path,
        )
    )
    return 0


def cmd_languages(class_dir: Path | None) -> int:
    """``slc languages``: each catalog found, with how much of slc it translates; exit 1
    when one cannot be read (conferences in it show English)."""
    from slc_tui.core.text_table import text_table
    from slc_tui.teacher.languages import TEMPLATE, language_rows

    if class_dir is not None:
        class_dir = class_dir.expanduser()
        if not class_dir.is_dir():
            return _not_a_folder(class_dir)
    rows = language_rows(class_dir)
    # TRANSLATORS: the headings of the table slc languages prints.
    table = [(_("Code"), _("Language"), _("Translated"), _("Where"))]
    for row in rows:
        done = (
            fill(
                "{percent}% ({translated}/{total})",
                percent=row.percent,
                translated=row.translated,
                total=row.total,
            )
            if not row.problem
            else _("unreadable")
        )
        table.append((row.code, row.name, done, f"{row.where}: {row.path}"))
    print("\n".join(text_table(table)))
    for row in rows:
        if row.problem:
            print(f"slc: {row.path}: {row.problem}", file=sys.stderr)
    print(_("A partial catalog shows English for each message it lacks; see docs/translating.md."))
    print(fill("To start a new language, translate the template: {file}", file=TEMPLATE))
    return 1 if any(row.problem for row in rows) else 0


def cmd_roster_import(class_dir: Path, roster_file: Path, dry_run: bool) -> int:
    """``slc roster import``: a portfolio per student of a class list; exit 1 if a row was
    refused."""
    from slc_tui.core.class_folder import CLASS_FILE
    from slc_tui.teacher.roster import apply_roster_import, plan_roster_import

    class_dir = class_dir.expanduser()
    if not (class_dir / CLASS_FILE).is_file():
        return _not_a_class(class_dir, CLASS_FILE)
    plan = plan_roster_import(class_dir, roster_file.expanduser(), str(roster_file))
    students, refused = list(plan.students), plan.refused_lines()
    if not dry_run:
        done = apply_roster_import(plan)
        students = list(done.created)
        refused += [bad.where(plan.source) for bad in done.refused]
    for student in students:
        grade = fill("grade {grade}", grade=student.grade)
        print(f"{student.student_id}\t{student.name}\t{grade}\t{student.path}")
    for line in refused:
        print(line, file=sys.stderr)
    print(_roster_summary(len(students), len(refused), len(plan.skipped), dry_run), file=sys.stderr)
    return 1 if refused else 0


def _roster_summary(made: int, refused: int, skipped: int, dry_run: bool) -> str:
    """``Created 2 portfolio(s); 1 row(s) refused[; 3 row(s) skipped …].`` (``Would create …
    (dry run: nothing written).``)"""
    if dry_run:
        text = fill(
            "Would create {made} portfolio(s); {refused} row(s) refused", made=made, refused=refused
        )
    else:
        text = fill(
            "Created {made} portfolio(s); {refused} row(s) refused", made=made, refused=refused
        )
    if skipped:
        text += fill("; {skipped} row(s) skipped (not active students)", skipped=skipped)
    return text + (_(" (dry run: nothing written).") if dry_run else ".")


def cmd_add_work(
    class_dir: Path, student_id: str, images: list[str], title: str | None, subject: str | None
) -> int:
    """``slc add-work``: one piece per picture; nothing added if any file is refused."""
    from slc_tui.core.json_document import Refused
    from slc_tui.teacher.portfolios import add_work, portfolio_label

    class_dir = class_dir.expanduser()
    if not class_dir.is_dir():
        return _not_a_folder(class_dir)
    try:
        added = add_work(class_dir, student_id, images, title=title, subject=subject)
    except Refused as refused:
        for problem in refused.problems:
            print(f"slc: {problem}", file=sys.stderr)
        return _error(_("nothing was added"))
    except (OSError, ValueError) as error:
        where = getattr(error, "filename", None) or class_dir
        reason = getattr(error, "strerror", None) or error
        return _error(
            fill(
                "cannot add the work: {file}: {reason}; nothing was added",
                file=where,
                reason=reason,
            )
        )
    for piece in added:
        print(f"{piece.piece_id}\t{piece.title}\t{piece.image}")
    label = portfolio_label(student_id)
    print(fill("Added {count} piece(s) to {file}.", count=len(added), file=label), file=sys.stderr)
    return 0


def cmd_schedule(args: argparse.Namespace) -> int:
    """``slc schedule``: plan conference night, print it, write ``schedule.json``,
    ``schedule.ics`` and ``invitations.pdf``; exit 1 (nothing written) on bad options,
    unreadable requests or when a child has no slot."""
    from slc_tui.core.class_folder import CLASS_FILE
    from slc_tui.core.schedule_settings import settings_from_text
    from slc_tui.core.schedule_table import schedule_lines
    from slc_tui.teacher.schedule import ScheduleRefused, plan_class_schedule, write_schedule

    class_dir = args.class_dir.expanduser()
    if not (class_dir / CLASS_FILE).is_file():
        return _not_a_class(class_dir, CLASS_FILE)
    settings, problems = settings_from_text(
        day=args.day,
        start=args.start,
        end=args.end,
        slot_minutes=args.slot,
        families_per_slot=args.families_per_slot,
        rotate_minutes=args.rotate,
        breaks=args.breaks,
        room=args.room or "",
    )
    if settings is None:
        for field, message in problems:
            option = _SCHEDULE_OPTIONS.get(field.split("[")[0], field)
            print(f"slc: {option}: {message}", file=sys.stderr)
        return _error(_("nothing planned"))
    requests = args.requests.expanduser() if args.requests is not None else None
    try:
        planned = plan_class_schedule(
            class_dir,
            settings,
            requests_file=requests,
            requests_label=str(args.requests) if args.requests is not None else None,
            replan=args.replan,
            keep_room=args.room is None,
        )
        print("\n".join(schedule_lines(planned.plan)))
        for line in (*planned.left_out, *planned.bad_requests):
            print(f"slc: {line}", file=sys.stderr)
        if planned.refusals:
            return _error(fill("nothing written: {why}", why=_schedule_refusal(planned)))
        written = write_schedule(planned)
    except ScheduleRefused as refused:
        for reason in refused.reasons:
            print(f"slc: {reason}", file=sys.stderr)
        return _error(_("nothing planned or written"))
    except OSError as error:
        return _error(_cannot(N_("cannot write {file}: {reason}"), error.filename, error))
    names = [str(path) for path in written]
    if len(names) > 1:
        wrote = fill("Wrote {files} and {last}.", files=", ".join(names[:-1]), last=names[-1])
    else:
        wrote = fill("Wrote {file}.", file=names[0])
    print(wrote, file=sys.stderr)
    return 0


#: The option of ``slc schedule`` behind each field of ``schedule.json``.
_SCHEDULE_OPTIONS = {
    "day": "--day",
    "from": "--from",
    "to": "--to",
    "slot_minutes": "--slot",
    "families_per_slot": "--families-per-slot",
    "rotate_minutes": "--rotate",
    "breaks": "--break",
    "room": "--room",
}


def _schedule_refusal(planned: SchedulePlan) -> str:
    """Why a plan was not written, in a few words."""
    reasons = []
    if planned.bad_requests:
        reasons.append(_("the requests could not all be used (see above)"))
    if planned.plan.unplaced:
        reasons.append(
            fill(
                "{count} child(ren) have no slot: give more time (--from, --to), shorter slots"
                " or more families per slot",
                count=len(planned.plan.unplaced),
            )
        )
    return "; ".join(reasons)

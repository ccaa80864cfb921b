"""The ``slc`` command line: argument parsing and exit codes, nothing more.

Exit codes: 0 success, 1 invalid input or a failed command, 2 bad usage.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Sequence
from pathlib import Path

from slc_tui import __version__
from slc_tui.locations import bundled_sample_dir

DESCRIPTION = """\
slc lets a child lead their own parent-teacher conference on a classroom laptop.

With no command, slc opens the bundled sample class."""

EPILOG = """\
examples:
  slc                                   open the sample class
  slc new-class ~/room12                make a class folder to fill in
  slc validate ~/room12                 check every file, naming file and field
  slc open ~/room12 --student maya      go straight to Maya's conference
  slc export ~/room12 --format csv --out conferences.csv
"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (its help is the CLI's documentation)."""
    parser = argparse.ArgumentParser(
        prog="slc",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"slc {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    open_cmd = commands.add_parser("open", help="open a class folder in the conference app")
    open_cmd.add_argument(
        "class_dir",
        nargs="?",
        type=Path,
        metavar="CLASS_DIR",
        help="the class folder (default: the bundled sample class)",
    )
    open_cmd.add_argument(
        "--student", metavar="ID", help="go straight to this student's conference"
    )
    open_cmd.add_argument(
        "--results", type=Path, metavar="DIR", help="save results here instead of CLASS_DIR/results"
    )

    new_cmd = commands.add_parser("new-class", help="make a new class folder")
    new_cmd.add_argument("folder", type=Path, metavar="DIR")
    new_cmd.add_argument("--sample", action="store_true", help="copy the bundled sample class")
    new_cmd.add_argument("--name", default="", help="the class name (default: the folder name)")
    new_cmd.add_argument(
        "--grade",
        default="3",
        choices=["K", *map(str, range(1, 13))],
        help="grade whose default prompts go in prompts.json (default: 3)",
    )

    validate_cmd = commands.add_parser("validate", help="check a class folder or one portfolio")
    validate_cmd.add_argument("path", type=Path, metavar="PATH")

    export_cmd = commands.add_parser("export", help="export every saved conference")
    export_cmd.add_argument("class_dir", type=Path, metavar="CLASS_DIR")
    export_cmd.add_argument("--format", choices=["csv", "json"], required=True, dest="fmt")
    export_cmd.add_argument("--out", type=Path, metavar="FILE", help="write here (default: stdout)")
    export_cmd.add_argument("--results", type=Path, metavar="DIR", help="read results from here")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        if args.command == "new-class":
            return cmd_new_class(args.folder, args.sample, args.name, args.grade)
        if args.command == "validate":
            return cmd_validate(args.path)
        if args.command == "export":
            return cmd_export(args.class_dir, args.fmt, args.out, args.results)
        if args.command == "open":
            return cmd_open(args.class_dir, args.student, args.results)
        return cmd_open(None, None, None)
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug: calm words on screen, the traceback in a log
        from slc_tui.crash_log import report_crash

        report_crash(_crash_log_dir(args), error, f"slc {args.command or 'open'}")
        return 1


def _crash_log_dir(args: argparse.Namespace) -> Path | None:
    """The results folder of the class the command was about (else the per-user folder)."""
    from slc_tui.store.locations import default_user_data_dir

    try:
        class_dir = getattr(args, "class_dir", None) or getattr(args, "path", None)
        if class_dir is not None and Path(class_dir).is_dir():
            return _results_dir(Path(class_dir), getattr(args, "results", None))
        return default_user_data_dir()
    except Exception:
        return None


def _error(message: str) -> int:
    print(f"slc: {message}", file=sys.stderr)
    return 1


def _results_dir(class_dir: Path, override: Path | None) -> Path:
    from slc_tui.store.locations import results_dir_for

    return results_dir_for(class_dir, bundled_sample_dir(), override)


def cmd_open(class_dir: Path | None, student: str | None, results: Path | None) -> int:
    """Open the app on ``class_dir`` (or the sample class)."""
    from slc_tui.core.class_folder import CLASS_FILE
    from slc_tui.store.locations import seed_results

    sample = bundled_sample_dir()
    folder = (class_dir or sample).expanduser()
    if not (folder / CLASS_FILE).is_file():
        return _error(
            f"{folder} is not a class folder (no {CLASS_FILE}); make one with: slc new-class DIR"
        )
    results_dir = _results_dir(folder, results)
    notice = ""
    if folder.resolve() == sample.resolve() and results is None:
        seed_results(sample / "results", results_dir)
        notice = f"This is the sample class. Results are saved in {results_dir}"
    from slc_tui.ui.app import create_app

    app = create_app(folder, results_dir, student_id=student, notice=notice)
    app.run()
    return app.return_code or 0


def cmd_new_class(folder: Path, sample: bool, name: str, grade: str) -> int:
    """``slc new-class``."""
    from slc_tui.class_setup import ClassFolderExists, create_class

    try:
        create_class(folder.expanduser(), sample=sample, name=name, grade=grade)
    except ClassFolderExists as exists:
        return _error(str(exists))
    except OSError as error:
        return _error(f"cannot create {folder}: {error.strerror or error}")
    what = "a copy of the sample class" if sample else "a new class folder"
    print(f"Made {what} in {folder}.")
    print(
        f"Next: edit {folder}/class.json and {folder}/portfolios/, then run: slc validate {folder}"
    )
    return 0


def cmd_validate(path: Path) -> int:
    """``slc validate``: every problem on its own line; exit 1 if any is an error."""
    from slc_tui.validation import validate_path

    try:
        problems, checked = validate_path(path.expanduser())
    except FileNotFoundError:
        return _error(f"{path}: not found")
    for problem in problems:
        print(problem)
    errors = sum(problem.is_error for problem in problems)
    warnings = len(problems) - errors
    summary = f"{errors} error(s), {warnings} warning(s) in {checked}"
    print(("✗ " if errors else "✓ ") + summary, file=sys.stderr)
    return 1 if errors else 0


def cmd_export(class_dir: Path, fmt: str, out: Path | None, results: Path | None) -> int:
    """``slc export``: every saved conference as CSV or JSON."""
    from slc_tui.export.tabular import records_to_csv, records_to_json
    from slc_tui.store.atomic_storage import CorruptResultsFile, write_bytes_atomically
    from slc_tui.store.results import ResultsStore

    class_dir = class_dir.expanduser()
    if not class_dir.is_dir():
        return _error(f"{class_dir}: class folder not found")
    try:
        records = ResultsStore(_results_dir(class_dir, results)).all_records()
    except CorruptResultsFile as corrupt:
        return _error(f"{corrupt.path}: {corrupt.reason}")
    except OSError as error:
        return _error(f"cannot read results in {error.filename or results}: {error.strerror}")
    buffer = io.StringIO(newline="")
    count = records_to_csv(records, buffer) if fmt == "csv" else records_to_json(records, buffer)
    if out is None:
        sys.stdout.write(buffer.getvalue())
    else:
        try:
            write_bytes_atomically(out.expanduser(), buffer.getvalue().encode("utf-8"))
        except OSError as error:
            return _error(f"cannot write {out}: {error.strerror or error}")
        print(f"Exported {count} conference(s) to {out}", file=sys.stderr)
    return 0

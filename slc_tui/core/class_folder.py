"""Loading a whole class folder: ``class.json``, ``prompts.json`` and ``portfolios/*.json``."""

from __future__ import annotations

from dataclasses import field, replace
from pathlib import Path

from slc_tui.core.classinfo import ClassInfo, parse_class_info
from slc_tui.core.fast_dataclass import fast_dataclass
from slc_tui.core.i18n import _, fill, number_text
from slc_tui.core.json_files import read_json_file
from slc_tui.core.portfolio import Portfolio, RealPaths, parse_portfolio
from slc_tui.core.problems import Problem, ProblemList
from slc_tui.core.prompts import ClassPrompts, parse_prompts

CLASS_FILE = "class.json"
PROMPTS_FILE = "prompts.json"
PORTFOLIOS_DIR = "portfolios"
RESULTS_DIR = "results"
#: More portfolio files than this in one class are refused (a class is ~30 students).
MAX_PORTFOLIOS = 5000


@fast_dataclass
class StudentEntry:
    """One portfolio file: the portfolio if usable, and what was wrong with it."""

    path: Path
    portfolio: Portfolio | None
    problems: tuple[Problem, ...] = ()
    #: The file whose portfolio has the same student id, when this one was refused for it.
    duplicate_of: str = ""


@fast_dataclass
class ClassFolder:
    """Everything read from a class folder, with every problem found on the way."""

    root: Path
    info: ClassInfo
    prompts: ClassPrompts
    students: tuple[StudentEntry, ...]
    problems: tuple[Problem, ...] = field(default=())
    #: False for a folder read for one child only (:func:`load_one_student`) or with no
    #: portfolio yet (:func:`load_class_files`): the rest of the class is still to be read.
    complete: bool = True

    @property
    def portfolios(self) -> list[Portfolio]:
        """The usable portfolios, in name order."""
        return [entry.portfolio for entry in self.students if entry.portfolio is not None]

    def portfolio(self, student_id: str) -> Portfolio | None:
        """The portfolio of ``student_id``, or None."""
        for portfolio in self.portfolios:
            if portfolio.student.id == student_id:
                return portfolio
        return None

    @property
    def left_out(self) -> list[StudentEntry]:
        """Portfolio files that could not be used (their children are not in the list)."""
        return [entry for entry in self.students if entry.portfolio is None]

    @property
    def all_problems(self) -> list[Problem]:
        """Class-level problems followed by every portfolio's."""
        found = list(self.problems)
        for entry in self.students:
            found.extend(entry.problems)
        return found


def relative_name(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` with forward slashes, or as given if outside it."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def load_portfolio_file(
    path: Path, class_root: Path, paths: RealPaths | None = None
) -> StudentEntry:
    """Read and validate one portfolio file inside ``class_root``.

    ``paths`` is shared by the files of one load, so the folders their pictures sit in are
    resolved once (see :class:`~slc_tui.core.portfolio.RealPaths`).
    """
    problems = ProblemList(relative_name(path, class_root))
    data = read_json_file(path, problems)
    portfolio = None
    if not problems.has_errors:  # the file was read (its JSON may still be null)
        portfolio = parse_portfolio(
            data, problems, portfolio_dir=path.parent, class_root=class_root, paths=paths
        )
    if portfolio is not None:
        portfolio = _with_source(portfolio, path)
        if portfolio.student.id != path.stem:
            problems.warning(
                "student.id",
                fill(
                    "is {id} but the file is {file}",
                    id=repr(portfolio.student.id),
                    file=path.name,
                ),
            )
    return StudentEntry(path, portfolio, tuple(problems))


def _with_source(portfolio: Portfolio, path: Path) -> Portfolio:
    from dataclasses import replace

    return replace(portfolio, source=path)


def load_class_info(root: Path) -> tuple[ClassInfo, ProblemList]:
    """``root``'s ``class.json`` alone (the folder's name as the class's when it cannot be
    used), with its problems."""
    root = root.resolve()
    class_problems = ProblemList(CLASS_FILE)
    info: ClassInfo | None = None
    if not root.is_dir():
        class_problems.error("", fill("class folder not found: {folder}", folder=root))
    else:
        data = read_json_file(root / CLASS_FILE, class_problems)
        if not class_problems.has_errors:
            info = parse_class_info(data, class_problems)
    return info or ClassInfo(name=root.name), class_problems


def _load_prompts(root: Path) -> tuple[ClassPrompts, ProblemList]:
    prompt_problems = ProblemList(PROMPTS_FILE)
    prompts: ClassPrompts | None = None
    if (root / PROMPTS_FILE).exists():
        data = read_json_file(root / PROMPTS_FILE, prompt_problems)
        if not prompt_problems.has_errors:
            prompts = parse_prompts(data, prompt_problems)
    return prompts or ClassPrompts(), prompt_problems


def load_class_files(root: Path) -> ClassFolder:
    """``class.json`` and ``prompts.json`` only: a folder with no portfolio read yet (not
    :attr:`~ClassFolder.complete`)."""
    root = root.resolve()
    info, class_problems = load_class_info(root)
    prompts, prompt_problems = _load_prompts(root)
    return ClassFolder(
        root=root,
        info=info,
        prompts=prompts,
        students=(),
        problems=(*class_problems, *prompt_problems),
        complete=False,
    )


def load_one_student(root: Path, student_id: str) -> ClassFolder | None:
    """``class.json``, ``prompts.json`` and ``portfolios/STUDENT_ID.json`` only, so that one
    child's conference can open before the rest of the class is read (the folder is not
    :attr:`~ClassFolder.complete`). None when that file does not hold that child's usable
    portfolio (the whole class must be read to find it)."""
    root = root.resolve()
    path = root / PORTFOLIOS_DIR / f"{student_id}.json"
    if not path.is_file():
        return None
    entry = load_portfolio_file(path, root)
    if entry.portfolio is None or entry.portfolio.student.id != student_id:
        return None
    return replace(load_class_files(root), students=(entry,))


def load_class_folder(root: Path) -> ClassFolder:
    """Read a class folder. Never raises for bad content: problems are collected instead."""
    root = root.resolve()
    info, class_problems = load_class_info(root)
    prompts, prompt_problems = _load_prompts(root)
    students, folder_problems = _load_portfolios(root)
    students = _drop_duplicate_ids(students)
    return ClassFolder(
        root=root,
        info=info,
        prompts=prompts,
        students=tuple(students),
        problems=(*class_problems, *prompt_problems, *folder_problems),
    )


def _load_portfolios(root: Path) -> tuple[list[StudentEntry], ProblemList]:
    problems = ProblemList(PORTFOLIOS_DIR)
    folder = root / PORTFOLIOS_DIR
    if not folder.is_dir():
        if root.is_dir():
            problems.error("", _("folder not found (put one ID.json file per student in it)"))
        return [], problems
    paths = sorted(folder.glob("*.json"))
    if len(paths) > MAX_PORTFOLIOS:
        problems.error(
            "",
            fill(
                "holds {count} portfolios; the limit is {limit}",
                count=number_text(len(paths)),
                limit=number_text(MAX_PORTFOLIOS),
            ),
        )
        paths = paths[:MAX_PORTFOLIOS]
    real_paths = RealPaths()
    entries = [load_portfolio_file(path, root, real_paths) for path in paths]
    entries.sort(
        key=lambda e: (e.portfolio.student.name.casefold() if e.portfolio else "", e.path.name)
    )
    return entries, problems


def _drop_duplicate_ids(entries: list[StudentEntry]) -> list[StudentEntry]:
    seen: dict[str, str] = {}
    result: list[StudentEntry] = []
    for entry in entries:
        portfolio = entry.portfolio
        if portfolio is not None and portfolio.student.id in seen:
            other = seen[portfolio.student.id]
            problem = Problem(
                relative_name(entry.path, entry.path.parent.parent),
                "student.id",
                fill("{id} is also used by {file}", id=repr(portfolio.student.id), file=other),
            )
            result.append(StudentEntry(entry.path, None, (*entry.problems, problem), other))
            continue
        if portfolio is not None:
            seen[portfolio.student.id] = entry.path.name
        result.append(entry)
    return result


#: When each file of a class folder last changed: relative name → (mtime in ns, size).
FolderStamp = dict[str, tuple[int, int]]


def folder_stamp(root: Path) -> FolderStamp:
    """The stamp of ``class.json``, ``prompts.json`` and every ``portfolios/*.json`` (files
    that cannot be looked at are left out: loading them names the problem)."""
    stamp: FolderStamp = {}
    folder = root / PORTFOLIOS_DIR
    paths = [root / CLASS_FILE, root / PROMPTS_FILE]
    if folder.is_dir():
        paths.extend(sorted(folder.glob("*.json"))[:MAX_PORTFOLIOS])
    for path in paths:
        try:
            found = path.stat()
        except OSError:
            continue
        stamp[relative_name(path, root)] = (found.st_mtime_ns, found.st_size)
    return stamp


def refreshed_class_folder(
    folder: ClassFolder, before: FolderStamp, now: FolderStamp
) -> ClassFolder:
    """``folder`` brought up to date with the files whose stamp changed from ``before`` to
    ``now``: only those portfolios are read again (a whole new load if ``class.json`` or
    ``prompts.json`` changed, or the folder's problems were about the folder itself)."""
    if now == before:
        return folder
    if any(before.get(name) != now.get(name) for name in (CLASS_FILE, PROMPTS_FILE)):
        return load_class_folder(folder.root)
    if any(problem.file == PORTFOLIOS_DIR for problem in folder.problems):
        return load_class_folder(folder.root)
    root = folder.root
    kept = {
        relative_name(entry.path, root): entry
        for entry in folder.students
        if before.get(relative_name(entry.path, root)) == now.get(relative_name(entry.path, root))
    }
    real_paths = RealPaths()
    entries = [
        kept.get(name) or load_portfolio_file(root / name, root, real_paths)
        for name in now
        if name.startswith(f"{PORTFOLIOS_DIR}/")
    ]
    # An entry refused only as a duplicate may be usable now that the other file changed.
    entries = [
        load_portfolio_file(entry.path, root, real_paths)
        if entry.portfolio is None and _refused_as_duplicate(entry)
        else entry
        for entry in entries
    ]
    entries.sort(
        key=lambda e: (e.portfolio.student.name.casefold() if e.portfolio else "", e.path.name)
    )
    return replace(folder, students=tuple(_drop_duplicate_ids(entries)))


def _refused_as_duplicate(entry: StudentEntry) -> bool:
    return bool(entry.duplicate_of)

"""``payequity letters`` and ``payequity statements``: the employee's own documents (DESIGN §7).

Both read the pay data and run the survey as far as the averages go (equal work, equal value,
EU indicators), suppress it as the public edition is (:func:`privacy.aggregate_tables`), and
write one PDF per employee named by the employee's pseudonym: ``letters/`` (with
``register.csv`` of every request and, on request, the yearly ``notice.pdf``) and
``statements/``. Each folder is replaced atomically; ``letters`` keeps the earlier letters and
every earlier request of the register it replaces.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .._pseudonym import pseudonym, read_key
from ..config import SurveyConfig, load_config
from ..exceptions import DataFileError, ParameterError, PayEquityError
from ..io import PayData
from ..privacy import (
    Art7Figures,
    Letter,
    Statement,
    categories_of,
    letter_for,
    overdue,
    statement_for,
    update_register,
)
from ..report import LetterWords, letter_pdf, notice_pdf, statement_pdf
from ._files import csv_bytes, survey_tables
from ._output import Staged, check_inputs_outside, write_all
from ._progress import progress_bar
from ._requests import read_ids_file, read_register, read_requests, review_inputs
from ._run import resolve_timestamp
from ._steps import SURVEY_STEPS, RunContext, run_steps
from ._view import aggregate_view

__all__ = [
    "LettersRun",
    "StatementsRun",
    "overdue_requests",
    "write_letters",
    "write_statements",
]

_AVERAGE_STEPS = ("load data", "job evaluation", "equal work", "equal value", "EU indicators")


@dataclass(frozen=True)
class LettersRun:
    """What ``payequity letters`` did.

    Attributes
    ----------
    letters : dict of Letter
        By employee id: what each letter says (:class:`payequity.privacy.Letter`).
    register : DataFrame
        ``letters/register.csv`` as written (every request, pseudonymised).
    files : dict of str
        Employee id → the letter's file, relative to ``out_dir``.
    """

    config: SurveyConfig
    out_dir: Path
    letters: dict[str, Letter]
    register: pd.DataFrame
    files: dict[str, str]
    written: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notice: bool = False
    recorded_only: bool = False

    def describe(self) -> str:
        """What the command prints: letters written, the register's state, warnings."""
        if self.recorded_only:
            lines = [
                f"recorded the requests as open in {self.out_dir / 'letters' / 'register.csv'}"
                " (no letters written)"
            ]
        else:
            n = len(self.letters)
            lines = [
                f"wrote {n} letter{'s' if n != 1 else ''} (Art. 7) to {self.out_dir / 'letters'}"
            ]
        if self.notice:
            lines.append("wrote letters/notice.pdf, the yearly notice of the right to information")
        counts = self.register["status"].value_counts()
        lines.append(
            f"register: {len(self.register)} requests ("
            + ", ".join(f"{n} {s}" for s, n in counts.items())
            + ")"
        )
        lines += [f"warning: {w}" for w in self.warnings]
        return "\n".join(lines)


@dataclass(frozen=True)
class StatementsRun:
    """What ``payequity statements`` did: the statements by employee id and their files."""

    config: SurveyConfig
    out_dir: Path
    statements: dict[str, Statement]
    files: dict[str, str]
    written: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def describe(self) -> str:
        rated = sum(1 for s in self.statements.values() if s.rated)
        with_raise = sum(
            1 for s in self.statements.values() if any(j.proposal is not None for j in s.jobs)
        )
        lines = [
            f"wrote {len(self.statements)} pay-talk statements to {self.out_dir / 'statements'} "
            f"({rated} with ratings, {with_raise} with a proposed raise)"
        ]
        lines += [f"warning: {w}" for w in self.warnings]
        return "\n".join(lines)


@dataclass(frozen=True)
class _Basis:
    """The pay data and the averages every letter and statement of a batch quotes."""

    data: PayData
    figures: Art7Figures
    categories: pd.Series
    criteria: Any
    words: LetterWords
    key: str


def _basis(cfg: SurveyConfig, created: dt.datetime, purpose: str) -> _Basis:
    key = read_key(cfg.privacy.key_file, purpose=purpose)
    ctx = RunContext(
        cfg, "public", key, int(cfg.survey.year), created, cfg.output.dir, cfg.archive.dir, ()
    )
    state: dict[str, Any] = {}
    steps = tuple(s for s in SURVEY_STEPS if s.name in _AVERAGE_STEPS)
    run_steps(steps, ctx, state, {})
    data, evaluation = state["data"], state["evaluation"]
    tables = survey_tables(state)
    if evaluation is not None:
        tables["job_evaluation"] = evaluation.table
    agg = aggregate_view(cfg, data, tables, {})
    categories, basis = categories_of(data.frame, evaluation, cfg.analysis.categories)
    criteria = None
    if cfg.review.criteria is not None:
        from ..review import load_criteria

        criteria = load_criteria(cfg.review.criteria)
    words = LetterWords(
        str(cfg.survey.language),
        str(cfg.data.currency),
        str(cfg.survey.organisation),
        cfg.survey.reference_date,
        cfg.letters.contact,
    )
    k = int(cfg.privacy.min_cell)
    figures = Art7Figures(agg.tables, basis, data.frame, k, categories)
    return _Basis(data, figures, categories, criteria, words, key)


def write_letters(
    config: SurveyConfig | str | Path,
    *,
    ids: Iterable[str] | None = None,
    ids_file: str | Path | None = None,
    requests: str | Path | pd.DataFrame | None = None,
    request_date: str | dt.date | None = None,
    notice: bool = False,
    register_only: bool = False,
    out: str | Path | None = None,
    timestamp: str | dt.datetime | None = None,
) -> LettersRun:
    """Answer requests for pay information (Art. 7): one letter per employee, the register.

    Parameters
    ----------
    config : SurveyConfig or path
    ids, ids_file, requests
        Who asked: employee ids (as in the pay file's employee_id column), a text file of ids
        (one a line), or a CSV/XLSX with ``employee_id`` and optionally ``request_date``.
    request_date : date or ISO string
        When the requests came in (for ``requests`` rows without their own date).
    notice : bool
        Also write ``letters/notice.pdf``, the yearly notice of the right (F-F2).
    register_only : bool
        Record the requests as open without writing letters (answer them later).
    out : path, optional
        Overrides ``output.dir``.
    timestamp : ISO string or datetime, optional
        The answer's date and the PDFs' timestamp (None: ``SOURCE_DATE_EPOCH`` or now).

    Returns
    -------
    LettersRun

    Examples
    --------
    >>> import os, tempfile
    >>> os.environ.setdefault("PAYEQUITY_PSEUDONYM_KEY", "example-key")
    'example-key'
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     done = write_letters("data/sample/survey.toml", ids=["100018"],
    ...                          request_date="2026-12-31", out=tmp,
    ...                          timestamp="2027-01-15T09:00:00Z")
    >>> done.register[["request_date", "deadline", "status"]].values.tolist()
    [['2026-12-31', '2027-02-28', 'answered']]
    """
    cfg = config if isinstance(config, SurveyConfig) else load_config(config)
    out_dir = Path(out).resolve() if out is not None else cfg.output.dir
    created = resolve_timestamp(timestamp)
    today = created.date()
    asked = _requests(ids, ids_file, requests, request_date)
    if asked.empty and not notice:
        raise ParameterError(
            "no requests given; name who asked with --ids, --ids-file or --requests (or write "
            "only the yearly notice with --notice)"
        )
    check_inputs_outside(_inputs(cfg, ids_file, requests), [out_dir / "letters"])
    basis = _basis(cfg, created, "write letters (their file names are pseudonyms)")
    frame = basis.data.frame
    known = set(frame["employee_id"].astype(str))
    unknown = [i for i in asked["employee_id"] if i not in known]
    warnings: list[str] = []
    if unknown and not register_only:
        where = asked.loc[asked["employee_id"] == unknown[0], "where"].iloc[0]
        raise DataFileError(
            f"{where}: employee {unknown[0]!r} is not in the pay data "
            f"({basis.data.provenance.file}); check the id against its employee_id column, or "
            "record the request with --register-only and answer it by hand"
        )
    letters: dict[str, Letter] = {}
    files: dict[str, bytes] = {}
    names: dict[str, str] = {}
    if not register_only:
        for row in asked.itertuples(index=False):
            letter = letter_for(
                row.employee_id,
                frame,
                basis.figures,
                basis.categories,
                key=basis.key,
                request_date=row.request_date,
                answered=today,
                criteria=basis.criteria.as_records() if basis.criteria is not None else (),
                band_width=cfg.job_evaluation.band_width,
                min_cell=int(cfg.privacy.min_cell),
                unit_column=basis.data.unit_column,
            )
            letters[row.employee_id] = letter
            names[row.employee_id] = f"letters/{letter.pseudonym}.pdf"
            files[names[row.employee_id]] = letter_pdf(letter, basis.words, created)
    if notice:
        year, k = int(cfg.survey.year), int(cfg.privacy.min_cell)
        files["letters/notice.pdf"] = notice_pdf(basis.words, year, created, k)
    batch = pd.DataFrame(
        {
            "employee_id": [pseudonym(i, basis.key) for i in asked["employee_id"]],
            "request_date": list(asked["request_date"]),
            "answered": [not register_only] * len(asked),
            "note": ["not in the pay data" if i in unknown else "" for i in asked["employee_id"]],
        }
    )
    previous = read_register(out_dir / "letters" / "register.csv")
    register = update_register(previous, batch, today)
    files["letters/register.csv"] = csv_bytes(register)
    _keep_earlier(out_dir / "letters", files)
    if not register_only:
        late = [x for x in letters.values() if x.deadline < today]
        if late:
            first = min(x.deadline for x in late).isoformat()
            warnings.append(
                f"{len(late)} of the {len(letters)} letters written now answer a request after "
                f"its two-month deadline (the earliest deadline was {first})"
            )
    warnings += [f"employee {i!r} is not in the pay data: recorded as open" for i in unknown]
    warnings += overdue_lines(register, today)
    warnings += _stale(cfg, asked)
    written = write_all([Staged(out_dir, files, ["letters"], "output.dir")])[0]
    return LettersRun(
        cfg, out_dir, letters, register, names, written, warnings, notice, register_only
    )


def write_statements(
    config: SurveyConfig | str | Path,
    *,
    ids: Iterable[str] | None = None,
    unit: str | None = None,
    out: str | Path | None = None,
    timestamp: str | dt.datetime | None = None,
    progress: bool | str = False,
) -> StatementsRun:
    """Write the pay-talk statements: one per employee (all, those named, or one unit's).

    The ratings come from ``review.ratings`` against ``review.criteria``; the proposed raise
    from ``review/raises.csv`` of the output folder when ``payequity review`` has been run.
    Without ratings a statement is still written and says none are registered.

    Examples
    --------
    >>> import os, tempfile
    >>> os.environ.setdefault("PAYEQUITY_PSEUDONYM_KEY", "example-key")
    'example-key'
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     done = write_statements("data/sample/survey.toml", ids=["100018"], out=tmp,
    ...                             timestamp="2027-02-01T09:00:00Z")
    >>> done.statements["100018"].rated
    True
    """
    cfg = config if isinstance(config, SurveyConfig) else load_config(config)
    if ids is not None and unit is not None:
        raise ParameterError("give --ids or --unit, not both")
    out_dir = Path(out).resolve() if out is not None else cfg.output.dir
    check_inputs_outside(_inputs(cfg), [out_dir / "statements"])
    created = resolve_timestamp(timestamp)
    bar = progress_bar(progress, 0, "payequity statements", unit="PDF")
    bar.set_postfix_str("averages")
    basis = _basis(cfg, created, "write pay-talk statements (their file names are pseudonyms)")
    data = basis.data
    frame = data.frame
    chosen = _chosen(frame, data.unit_column, ids, unit)
    ratings, review, warnings = review_inputs(cfg, basis.criteria, frame, out_dir)
    statements: dict[str, Statement] = {}
    files: dict[str, bytes] = {}
    names: dict[str, str] = {}
    effective = cfg.review.effective_date.isoformat() if cfg.review.effective_date else ""
    bar.total = len(chosen)
    bar.update(0)
    for employee in chosen:
        bar.set_postfix_str(f"statement {employee}" if progress == "lines" else "")
        s = statement_for(
            employee,
            frame,
            basis.figures,
            basis.categories,
            key=basis.key,
            ratings=ratings,
            criteria=basis.criteria,
            review=review,
            effective_date=effective,
            pot_pct=cfg.review.pot_pct,
            band_width=cfg.job_evaluation.band_width,
            min_cell=int(cfg.privacy.min_cell),
            unit_column=data.unit_column,
        )
        statements[employee] = s
        names[employee] = f"statements/{s.pseudonym}.pdf"
        files[names[employee]] = statement_pdf(s, basis.words, created)
        bar.update()
    bar.close()
    written = write_all([Staged(out_dir, files, ["statements"], "output.dir")])[0]
    return StatementsRun(cfg, out_dir, statements, names, written, warnings)


def _stale(cfg: SurveyConfig, asked: pd.DataFrame) -> list[str]:
    """A letter gives the pay of the survey's reference date: say so when that is long before
    the request (the employee asks about their pay now)."""
    ref = pd.Timestamp(cfg.survey.reference_date).date()
    if asked.empty:
        return []
    gap = (max(asked["request_date"]) - ref).days
    if gap <= 183:
        return []
    return [
        f"the pay data is as of {ref.isoformat()}, {gap // 30} months before the latest request; "
        "the letters give that pay — load a recent export (data.path, survey.reference_date) "
        "to answer with today's pay"
    ]


def _chosen(
    frame: pd.DataFrame, unit_column: str, ids: Iterable[str] | None, unit: str | None
) -> list[str]:
    everyone = frame["employee_id"].astype(str)
    if unit is not None:
        units = frame[unit_column].astype(str)
        if unit not in set(units):
            some = sorted(set(units))
            raise ParameterError(
                f"--unit {unit!r} is not a unit of the pay data; give one of its {len(some)} "
                f"units, e.g. {some[0]!r}"
            )
        return list(dict.fromkeys(everyone[units == unit]))
    if ids is None:
        return list(dict.fromkeys(everyone))
    wanted = [str(i).strip() for i in ids if str(i).strip()]
    missing = [i for i in wanted if i not in set(everyone)]
    if missing:
        raise ParameterError(
            f"--ids: employee {missing[0]!r} is not in the pay data; check the id against its "
            "employee_id column"
        )
    return list(dict.fromkeys(wanted))


def _requests(
    ids: Iterable[str] | None,
    ids_file: str | Path | None,
    requests: str | Path | pd.DataFrame | None,
    request_date: str | dt.date | None,
) -> pd.DataFrame:
    """Who asked and when: ``employee_id``, ``request_date`` (date), ``where`` (for messages)."""
    given = [x is not None for x in (ids, ids_file, requests)]
    if sum(given) > 1:
        raise ParameterError("give one of --ids, --ids-file and --requests")
    date = _date(request_date, "--request-date") if request_date is not None else None
    if requests is not None:
        return read_requests(requests, date)
    if ids_file is not None:
        rows = read_ids_file(Path(ids_file))
    else:
        rows = [(str(i).strip(), "--ids") for i in ids or () if str(i).strip()]
    if rows and date is None:
        raise ParameterError(
            "--request-date is needed: the date the request came in (YYYY-MM-DD); the deadline "
            "is two months after it"
        )
    return pd.DataFrame(
        {
            "employee_id": [r[0] for r in rows],
            "request_date": [date] * len(rows),
            "where": [r[1] for r in rows],
        }
    ).drop_duplicates(["employee_id", "request_date"])


def _date(value: str | dt.date, where: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ParameterError(f"{where} {value!r} is not a date; use YYYY-MM-DD") from None


def _keep_earlier(folder: Path, files: dict[str, bytes]) -> None:
    """Letters of earlier requests stay: the folder is replaced, so they are carried over."""
    if not folder.is_dir():
        return
    for path in sorted(folder.glob("*.pdf")):
        files.setdefault(f"letters/{path.name}", path.read_bytes())


def overdue_lines(register: pd.DataFrame, today: dt.date) -> list[str]:
    late = overdue(register, today)
    if not len(late):
        return []
    return [
        f"letters/register.csv: {len(late)} request{'s' if len(late) > 1 else ''} for pay "
        f"information (Art. 7) past the two-month deadline with no letter (the earliest due "
        f"{late['deadline'].min()}); answer with payequity letters"
    ]


def overdue_requests(
    cfg: SurveyConfig, out_dir: Path | None = None, today: dt.date | None = None
) -> list[str]:
    """Warnings for requests in ``<output>/letters/register.csv`` past their deadline; a
    register that cannot be read is a warning too (``validate`` and ``run`` print them)."""
    path = (out_dir or cfg.output.dir) / "letters" / "register.csv"
    try:
        register = read_register(path)
    except PayEquityError as exc:
        return [str(exc)]
    if register is None:
        return []
    return overdue_lines(register, today or dt.date.today())


def _inputs(cfg: SurveyConfig, *extra: Any) -> list[Path]:
    paths = [
        cfg.data.path,
        cfg.job_evaluation.path,
        cfg.review.criteria,
        cfg.review.ratings,
        cfg.privacy.key_file,
        cfg.path,
        *(e for e in extra if isinstance(e, str | Path)),
    ]
    return [Path(p) for p in paths if p is not None]

"""``payequity review``: the salary review from survey.toml to the ``review/`` folder.

Reads the pay data, the criteria and ratings (or the managers' proposals), last year's action
plan when part of the pot is reserved for it, and the explanations register; runs
:func:`payequity.review.salary_review`; and replaces ``review/`` atomically (DESIGN §7):
``summary.csv``, ``payroll_import.csv``, one workbook per manager in ``managers/``, and the checks
as CSV files.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .._pseudonym import read_key
from ..config import SurveyConfig, load_config
from ..exceptions import ConfigError, DataFileError
from ..io import load_survey
from ..privacy import check_audience, needs_key, review_tables
from ..report import manager_workbook, slugs
from ..review import ReviewResult, salary_review
from ._files import csv_bytes
from ._output import Staged, check_inputs_outside, write_all
from ._run import resolve_timestamp
from ._steps import equal_work_options, evaluation_for, require_rows

__all__ = ["run_review", "ReviewRun", "NO_MANAGER"]

NO_MANAGER = "no-manager"  # workbook of rows with neither manager_id nor a unit manager


@dataclass(frozen=True)
class ReviewRun:
    """What ``payequity review`` did: the config, the result, the folder and the files."""

    config: SurveyConfig
    result: ReviewResult
    out_dir: Path
    written: list[str] = field(default_factory=list)
    plan_file: Path | None = None

    def describe(self) -> str:
        """What ``payequity review`` prints: pots, flags and warnings in a few lines."""
        return review_text(self)


def run_review(
    config: SurveyConfig | str | Path,
    *,
    out: str | Path | None = None,
    timestamp: str | dt.datetime | None = None,
    audience: str | None = None,
) -> ReviewRun:
    """Run the salary review the config describes and write ``<output>/review/``.

    ``audience`` (None = ``report.audience``): hr gets every file and the managers' workbooks;
    union the tables under pseudonyms, without the payroll import and the workbooks; manager
    and public the aggregates with small cells suppressed (:func:`privacy.review_tables`).
    Non-hr audiences need the pseudonym key.

    Examples
    --------
    >>> import tempfile, payequity as pe
    >>> from payequity.pipeline import run_review
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = pe.run("data/sample/survey.toml", out=tmp, only="data")
    ...     r = run_review("data/sample/survey.toml", out=tmp)
    ...     print(sorted(p for p in r.written if not p.startswith("review/managers/"))[:3])
    ['review/flags.csv', 'review/gender.csv', 'review/payroll_import.csv']
    """
    cfg = config if isinstance(config, SurveyConfig) else load_config(config)
    r = cfg.review
    if r.proposals is None and (r.criteria is None or r.ratings is None):
        raise ConfigError(
            f"{cfg.path}: [review] needs criteria and ratings (or proposals, the managers' "
            "proposed salaries); add them to survey.toml"
        )
    if r.pot_pct is None and r.pot_per_head is None:
        raise ConfigError(
            f"{cfg.path}: [review] has no pot; set review.pot_pct (e.g. 3.0) or review.pot_per_head"
        )
    if r.effective_date is None:
        raise ConfigError(
            f"{cfg.path}: review.effective_date is not set; set the date the new salaries apply "
            'from, e.g. effective_date = "2027-04-01"'
        )
    audience = check_audience(audience or cfg.report.audience)
    key = (
        read_key(cfg.privacy.key_file, purpose=f"write {audience} output")
        if needs_key(audience)
        else None
    )
    out_dir = Path(out).resolve() if out is not None else cfg.output.dir
    check_inputs_outside(_inputs(cfg), [out_dir / "review"])
    created = resolve_timestamp(timestamp)
    data = require_rows(load_survey(cfg))
    evaluation = evaluation_for(cfg, data)
    plan, plan_file = _plan(cfg, out_dir, out is not None)
    from ..actions import load_explanations

    register = load_explanations(
        cfg.actions.explanations, explicit=cfg.is_explicit("actions.explanations")
    )
    result = salary_review(
        data,
        ratings=r.ratings,
        criteria=r.criteria,
        pot_pct=r.pot_pct,
        pot_per_head=r.pot_per_head,
        guarantee=r.guarantee,
        cap=r.cap,
        pot_unit=r.pot_unit,
        matrix=None if r.matrix == "default" else _matrix_path(cfg, r.matrix),
        proposals=r.proposals,
        action_plan=plan,
        action_plan_share=r.action_plan_share,
        evaluation=evaluation,
        explanations=register,
        survey_options=equal_work_options(cfg),
        effective_date=r.effective_date,
    )
    files = review_files(result, cfg, created, audience, key)
    written = write_all([Staged(out_dir, files, ["review"], "output.dir")])[0]
    return ReviewRun(cfg, result, out_dir, written, plan_file)


def review_files(
    result: ReviewResult,
    cfg: SurveyConfig,
    created: dt.datetime,
    audience: str = "hr",
    key: str | None = None,
) -> dict[str, bytes]:
    """Every file of ``review/`` the audience gets, as bytes (:func:`privacy.review_tables`);
    the managers' workbooks only for hr."""
    tables = {
        "summary": result.units,
        "payroll_import": result.payroll_import(),
        "raises": result.table,
        "flags": result.flags,
        "gender": result.gender,
        "ratings_by_gender": result.ratings,
        "regression": result.regression,
        "spread": result.spread,
        "whatif": result.changes,
    }
    f = result.data.frame
    ids = set(f["employee_id"].astype(str)) if "employee_id" in f else set()
    if "manager_id" in f:
        ids |= set(f["manager_id"].dropna().astype(str)) - {""}
    tables, _ = review_tables(
        tables, audience, key=key, ids=ids, min_cell=int(cfg.privacy.min_cell)
    )
    files = {f"review/{name}.csv": csv_bytes(t) for name, t in tables.items()}
    if audience != "hr":
        return files
    t = result.table.copy()
    if "job_title" in result.data.frame.columns:
        t.insert(3, "job_title", result.data.frame["job_title"].astype(str).to_numpy())
    managers = t["manager"].where(t["manager"] != "", NO_MANAGER)
    names = slugs(sorted(managers.unique()))
    criteria = result.criteria.as_records() if result.criteria is not None else []
    titles = {}  # job code → title, for the checks of jobs a manager's own staff do not hold
    if "job_title" in t.columns:
        titles = dict(zip(t["job_code"].astype(str), t["job_title"], strict=True))
    headcount = _headcount(t)
    pots = dict(
        zip(result.units["unit"].astype(str), result.units["pot"].astype(float), strict=True)
    )
    method = _method(result)
    for manager, rows in t.groupby(managers, sort=True):
        flags = _relevant(result.flags, rows)
        files[f"review/managers/{names[manager]}.xlsx"] = manager_workbook(
            rows,
            manager=str(manager),
            criteria=criteria,
            checks=flags,
            organisation=cfg.survey.organisation,
            year=_review_year(cfg),
            language=cfg.survey.language,
            created=created,
            job_titles=titles,
            headcount=headcount,
            pots=pots,
            method=method,
        )
    return files


def _headcount(t: pd.DataFrame) -> dict[tuple[str, str], int]:
    """Employments by (unit, job code): job "" for every job, unit "" for the organisation."""
    units, jobs = t["unit"].astype(str), t["job_code"].astype(str)
    out = {("", j): int(n) for j, n in jobs.value_counts().items()}
    out.update({(u, ""): int(n) for u, n in units.value_counts().items()})
    out.update({(u, j): int(n) for (u, j), n in pd.crosstab(units, jobs).stack().items() if n})
    out[("", "")] = len(t)
    return out


def _method(result: ReviewResult) -> dict[str, object]:
    """How the proposal was made, for the managers' About sheet: the settings, the rating
    scale and the merit matrix."""
    s = result.settings
    keys = ("mode", "pot_unit", "pot_pct", "pot_per_head", "guarantee", "cap", "action_plan_share")
    out: dict[str, object] = {k: s.get(k) for k in keys}
    c = result.criteria
    if c is not None:
        out.update(
            scale_min=c.scale_min,
            scale_max=c.scale_max,
            expected=c.expected,
            labels=list(c.labels),
            labels_en=list(c.labels_en),
        )
    if result.matrix is not None:
        out["matrix"] = {int(k): tuple(v) for k, v in result.matrix.multipliers.items()}
        out["bounds"] = tuple(result.matrix.bounds)
    return out


def _review_year(cfg: SurveyConfig) -> int:
    """The review's year: that of the effective date (a survey of 2026 is reviewed in 2027)."""
    when = cfg.review.effective_date
    return int(when.year) if when is not None else int(cfg.survey.year)


def _relevant(flags: pd.DataFrame, rows: pd.DataFrame) -> pd.DataFrame:
    """The flags of the manager's units, and the organisation's flags; an organisation-wide
    widened gap only when the manager's staff hold one of its jobs."""
    jobs = set(rows["job_code"])
    keep = flags["unit"].isin(set(rows["unit"]))
    org = flags["unit"] == ""
    about_jobs = flags["subject"].map(lambda k: bool(set(str(k).split("/")[1:-1]) & jobs))
    keep |= org & ((flags["check"] != "widens_gap") | about_jobs)
    return flags[keep]


def _inputs(cfg: SurveyConfig) -> list[Path]:
    r = cfg.review
    paths = [
        cfg.data.path,
        cfg.job_evaluation.path,
        cfg.actions.explanations,
        r.criteria,
        r.ratings,
        r.proposals,
        cfg.path,
    ]
    return [Path(p) for p in paths if p is not None]


def _matrix_path(cfg: SurveyConfig, value: str) -> Path:
    return (cfg.base_dir / value).resolve()


def _plan(cfg: SurveyConfig, out_dir: Path, trial: bool) -> tuple[pd.DataFrame | None, Path | None]:
    """The action plan of this survey year: the hr archive first, else the output folder."""
    if cfg.review.action_plan_share <= 0:
        return None, None
    year = str(cfg.survey.year)
    archive = out_dir / "archive" if trial else cfg.archive.dir
    for path in (archive / year / "data" / "action_plan.csv", out_dir / "data" / "action_plan.csv"):
        if path.is_file():
            try:
                plan = pd.read_csv(
                    path,
                    dtype={"employee_id": str, "job_code": str, "unit": str, "comparator_job": str},
                    keep_default_na=False,
                )
            except (pd.errors.ParserError, UnicodeDecodeError, ValueError) as exc:
                raise DataFileError(
                    f"{path}: cannot read the action plan ({exc}); rerun payequity run"
                ) from None
            missing = {"year", "adjustment_monthly", "employee_id", "job_code"} - set(plan.columns)
            if missing:
                raise DataFileError(
                    f"{path}: not an action plan (lacks {', '.join(sorted(missing))}); rerun "
                    "payequity run"
                )
            return plan, path
    raise DataFileError(
        f"review.action_plan_share = {cfg.review.action_plan_share:g} reserves part of the pot for "
        f"the action plan, but no action plan of {year} was found ({archive / year / 'data'} or "
        f"{out_dir / 'data'}); run `payequity run` first, or set action_plan_share = 0"
    )


def review_text(run: ReviewRun) -> str:
    """What the CLI prints: pots, flags and warnings in a few lines."""
    res = run.result
    u = res.units
    lines = [
        f"salary review ({res.settings['mode']}): {len(u)} pots, {u['pot'].sum():,.0f} kr a month; "
        f"raises cost {u['total_raises'].sum():,.2f} kr (Σ raise·fte); "
        f"{int(res.table['eligible'].sum())} of {len(res.table)} employments take part",
    ]
    if run.plan_file is not None:
        lines.append(
            f"action plan from {run.plan_file}: {u['plan_adjustments'].sum():,.0f} kr of "
            f"{u['plan_reserve'].sum():,.0f} kr reserved"
        )
    g = res.gender[res.gender["scope"] == "organisation"].set_index("gender")
    if {"F", "M"} <= set(g.index):
        lines.append(
            f"mean raise: women {g.loc['F', 'mean_raise_pct']:.2f} %, men "
            f"{g.loc['M', 'mean_raise_pct']:.2f} %"
        )
    counts = res.flags["check"].value_counts()
    lines.append(
        "gender check: " + (", ".join(f"{n} {k}" for k, n in counts.items()) or "nothing flagged")
    )
    org = res.flags[res.flags["unit"] == ""]
    lines += [f"  FLAG {m}" for m in org["message"]]
    lines += [f"warning: {w}" for w in res.warnings]
    n_books = sum(1 for w in run.written if w.startswith("review/managers/"))
    lines.append(f"wrote review/ ({n_books} manager workbooks) to {run.out_dir}")
    return "\n".join(lines)

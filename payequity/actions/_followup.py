"""Following up last year's action plan, and the gaps year over year (DL 3:13; DESIGN §7).

:func:`follow_up` compares last year's plan (year Y−1) with what happened to pay between last
year's snapshot and this year's data: one row per measure with what was planned, what was
realised net of the general raise, and a status (``done``, ``partly``, ``not_done``, ``left``).
:func:`year_over_year` collects the organisation-wide figures of every archived year.

The rules (``docs/dev/actions-contract.md``, "Follow-up"):

* ``planned``: percent of last year's pay due by the end of Y−1 — Σ ``adjustment_monthly`` of
  the plan rows with ``year ≤ Y−1``, as percent of ``pay_before``;
* a person is *present both years* when the same (``employee_id``, ``job_code``) is in the
  snapshot and in this year's data; their change is ``100·(base_salary_Y / base_salary_Y−1 − 1)``;
* the *general raise* of a job is the median change among the people present both years in that
  job (organisation-wide) that no measure of the plan covers, or, when the job has none, the
  median among all such people in the organisation;
* ``realised``: what the measure added beyond the general raise. Each person covered and present
  both years got ``beyond = pay_Y − pay_Y−1 · (1 + general raise of their job)`` kronor; a
  measure's ``realised_kr`` (full-time kronor per person, as ``adjustment_monthly``) is the
  mean of ``beyond`` over its people — for a person measure the person's — and ``realised`` is
  that as percent of their mean pay of Y−1. People covered by two measures (a person measure
  inside a group measure's job, a unit's group measure inside the organisation's) got both
  steps: the kronor are then shared out by least squares over everyone covered, so each measure
  keeps its own; measures covering exactly the same people cannot be told apart (the note says
  so and their joint raise is shared in proportion to what each planned);
* measures with nothing due by Y−1 are left out: they are followed up the year a step is due;
* ``status``: ``left`` when nobody covered is present both years; ``done`` when
  ``realised ≥ planned − tolerance``; ``partly`` when ``realised > tolerance``; else
  ``not_done``. The tolerance is one krona (payroll rounds to whole kronor) as percent of the
  previous pay (the person's, or the mean over the people covered present both years).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._format import fmt_kr, fmt_pct
from .._summary import Summary
from ..exceptions import (
    ConfigError,
    DataFileError,
    InsufficientDataError,
    ParameterError,
    ParameterTypeError,
    SchemaError,
)
from ..io import as_text, detect_decimal, parse_numbers, read_table

if TYPE_CHECKING:
    from ..io import PayData

__all__ = [
    "FOLLOW_UP_COLUMNS",
    "YEAR_OVER_YEAR_COLUMNS",
    "FollowUpResult",
    "check_plan_years",
    "covered_positions",
    "follow_up",
    "general_raises",
    "plan_frame",
    "plan_measures",
]

#: Columns of ``data/follow_up.csv`` / :attr:`FollowUpResult.table`, in order.
FOLLOW_UP_COLUMNS: tuple[str, ...] = (
    "measure_id",
    "job_code",
    "planned",
    "realised",
    "status",
    "kind",
    "unit",
    "employee_id",
    "comparator_job",
    "planned_kr",
    "realised_kr",
    "general_raise_pct",
    "n_people",
    "cost_planned",
    "cost_realised",
    "note",
)
#: Columns of :attr:`YearOverYear.table`, in order.
YEAR_OVER_YEAR_COLUMNS: tuple[str, ...] = (
    "year",
    "raw_mean_gap_pct",
    "raw_median_gap_pct",
    "adjusted_gap_pct",
    "ci_low",
    "ci_high",
    "n_equal_work_flagged",
    "n_equal_value_flagged",
    "n_measures",
    "plan_cost_yearly",
)
STATUSES: tuple[str, ...] = ("done", "partly", "not_done", "left")
KINDS: tuple[str, ...] = ("person", "equal_value")
#: Payroll overhead used when the plan does not reveal its own (every step zero).
DEFAULT_OVERHEAD = 0.40
_EPS = 1e-9  # floating point slack in the status comparisons

PLAN_TEXT = ("measure_id", "job_code", "employee_id", "comparator_job", "kind", "unit")
PLAN_NUMBERS = (
    "year",
    "adjustment_monthly",
    "cost_yearly",
    "first_found_year",
    "due_year",
    "fte_total",
    "pay_before",
)
SNAPSHOT_TEXT = ("employee_id", "job_code", "unit")
SNAPSHOT_NUMBERS = ("fte", "base_salary")
CURRENT_TEXT = ("employee_id", "job_code")
CURRENT_NUMBERS = ("base_salary",)


# --- reading the inputs ------------------------------------------------------------------------


def _table_of(
    source: Any,
    label: str,
    text: tuple[str, ...],
    numbers: tuple[str, ...],
    fix: str,
    optional: tuple[str, ...] = (),
) -> tuple[pd.DataFrame, str]:
    """``source`` (DataFrame, PayData, ActionPlan or a file) as text and float columns.

    Returns the frame (a fresh RangeIndex, ``_row`` = the file's row number or the frame's
    position + 2) and the name used in messages.
    """
    if hasattr(source, "table") and isinstance(source.table, pd.DataFrame):
        source = source.table
    elif hasattr(source, "frame") and isinstance(source.frame, pd.DataFrame):
        source = source.frame
    if isinstance(source, str | Path):
        raw = read_table(Path(source), key=label)
        cells, name = raw.cells, str(source)
        decimal = "," if raw.delimiter == ";" else detect_decimal(cells)
        rows = cells.index.to_numpy(dtype="int64")
    elif isinstance(source, pd.DataFrame):
        cells, name, decimal = source, label, "."
        rows = np.arange(2, len(source) + 2)
    else:
        raise ParameterTypeError(
            f"{label} must be a DataFrame or the path of a CSV/XLSX file, got "
            f"{type(source).__name__}; pass one of those"
        )
    lower = {str(c).strip().lower(): c for c in cells.columns}
    for col in (*text, *numbers):
        if col not in lower:
            raise SchemaError(f"{name}: column {col!r} is missing; {fix}")
    out = pd.DataFrame({"_row": rows})
    for col in (*text, *(c for c in optional if c in lower)):
        out[col] = as_text(cells[lower[col]].astype(object)).to_numpy(dtype=object)
    for col in numbers:
        values = cells[lower[col]]
        if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
            out[col] = values.to_numpy(dtype=float)
            continue
        parsed, invalid = parse_numbers(values.astype(object).reset_index(drop=True), decimal)
        if invalid.any():
            i = int(np.flatnonzero(invalid.to_numpy())[0])
            raise DataFileError(
                f"{name}, row {rows[i]}: {col} = {values.iloc[i]!r} is not a number; correct it"
            )
        out[col] = parsed.to_numpy(dtype=float)
    return out, name


def plan_frame(plan: Any, label: str = "plan") -> tuple[pd.DataFrame, str]:
    """Last year's plan table, validated row by row (kind, ids, numbers)."""
    fix = "pass last year's action plan (data/action_plan.csv of its run, or ActionPlan.table)"
    p, name = _table_of(plan, label, PLAN_TEXT, PLAN_NUMBERS, fix)
    for i in range(len(p)):
        row = p.iloc[i]
        where = f"{name}, row {row['_row']}"
        if row["measure_id"] == "":
            raise DataFileError(f"{where}: measure_id is empty; every row needs its measure's id")
        if row["kind"] not in KINDS:
            raise DataFileError(
                f"{where}: kind = {row['kind']!r} is not one of {', '.join(KINDS)}; correct it"
            )
        if row["kind"] == "person" and row["employee_id"] == "":
            raise DataFileError(f"{where}: a person measure without employee_id; fill it in")
        if row["job_code"] == "":
            raise DataFileError(f"{where}: job_code is empty; fill it in")
        for col in ("year", "first_found_year", "adjustment_monthly"):
            if not math.isfinite(row[col]):
                raise DataFileError(f"{where}: {col} is empty; fill it in")
    return p, name


def check_plan_years(p: pd.DataFrame, name: str, year: int) -> None:
    """A plan followed up in ``year`` is the plan of ``year − 1``: nothing found later, no step
    scheduled before it (a run's first possible year is its own)."""
    last = year - 1
    late = p[p["first_found_year"] > last]
    if len(late):
        r = late.iloc[0]
        raise ConfigError(
            f"{name}, row {r['_row']}: measure {r['measure_id']} was found in "
            f"{int(r['first_found_year'])}, after {last}; following up {year} needs the plan "
            f"of {last} (archive/{last}/data/action_plan.csv)"
        )
    early = p[p["year"] < last]
    if len(early):
        r = early.iloc[0]
        raise ConfigError(
            f"{name}, row {r['_row']}: measure {r['measure_id']} has a step in "
            f"{int(r['year'])}, before {last}: this is not the plan of {last}; pass "
            f"archive/{last}/data/action_plan.csv to follow up {year}"
        )


def plan_measures(p: pd.DataFrame, year: int, overhead: float | None) -> pd.DataFrame:
    """One row per measure (first-seen order): what it is, what was due by ``year − 1``."""
    due = p["year"] <= year - 1
    first = p.drop_duplicates("measure_id").set_index("measure_id")
    m = first[["kind", "job_code", "unit", "employee_id", "comparator_job", "pay_before"]].copy()
    m["planned_kr"] = p[due].groupby("measure_id", sort=False)["adjustment_monthly"].sum()
    m["cost_planned"] = p[due].groupby("measure_id", sort=False)["cost_yearly"].sum()
    m[["planned_kr", "cost_planned"]] = m[["planned_kr", "cost_planned"]].fillna(0.0)
    if overhead is None:  # the plan's own: cost_yearly = adjustment·fte_total·12·(1 + overhead)
        base = p["adjustment_monthly"] * p["fte_total"] * 12
        ok = (base > 0) & np.isfinite(p["cost_yearly"])
        ratio = (p["cost_yearly"] / base.where(ok)) - 1
        per = ratio.groupby(p["measure_id"], sort=False).median()
        fallback = float(ratio.median()) if ok.any() else DEFAULT_OVERHEAD
        m["overhead"] = per.reindex(m.index).fillna(fallback)
    else:
        if not (isinstance(overhead, int | float) and 0 <= overhead <= 5):
            raise ParameterError(
                f"overhead must be a number in [0, 5] (0.40 = 40 % payroll overhead), got "
                f"{overhead!r}; pass such a number, or None for the plan's own"
            )
        m["overhead"] = float(overhead)
    return m


def _scope(frame: pd.DataFrame, job: str, unit: str) -> np.ndarray:
    """Rows of the job, within ``unit`` when set (matched on ``unit`` or ``unit_path``)."""
    mask = frame["job_code"].to_numpy() == job
    if unit:
        in_unit = frame["unit"].to_numpy() == unit
        if "unit_path" in frame.columns:
            in_unit |= frame["unit_path"].to_numpy() == unit
        mask &= in_unit
    return mask


def covered_positions(m: pd.DataFrame, frame: pd.DataFrame, name: str) -> dict[str, np.ndarray]:
    """Positions in ``frame`` (last year's people) that each measure covers."""
    ids = frame["employee_id"].to_numpy()
    out = {}
    for mid, r in m.iterrows():
        if r["kind"] == "person":
            mask = (ids == r["employee_id"]) & (frame["job_code"].to_numpy() == r["job_code"])
            who = f"employee {r['employee_id']} in job {r['job_code']}"
        else:
            mask = _scope(frame, r["job_code"], r["unit"])
            who = f"job {r['job_code']}" + (f" in unit {r['unit']}" if r["unit"] else "")
        if not mask.any():
            raise DataFileError(
                f"{name}: measure {mid} covers {who}, who is not in it; pass last year's "
                "snapshot (archive/<year − 1>/snapshot.csv), the data the plan was made from"
            )
        out[str(mid)] = np.flatnonzero(mask)
    return out


def _kronor_by_measure(
    covered: dict[str, np.ndarray], stays: np.ndarray, beyond: np.ndarray
) -> tuple[dict[str, float], dict[str, list[str]]]:
    """Full-time kronor per month each measure added per person, from the people covered who
    stayed: least squares on ``beyond = Σ (the measures covering the person)``.

    Without overlaps this is the mean of ``beyond`` over the measure's people; a person covered
    by a person measure and a group measure got both steps, and each measure gets its own
    share. Measures that cover exactly the same people cannot be told apart: the least-squares
    solution of least norm splits their joint raise, and they are returned as linked.
    """
    ids = [mid for mid, pos in covered.items() if stays[pos].any()]
    if not ids:
        return {}, {}
    people = np.unique(np.concatenate([pos[stays[pos]] for pos in covered.values()]))
    where = {p: i for i, p in enumerate(people)}
    a = np.zeros((len(people), len(ids)))
    for j, mid in enumerate(ids):
        pos = covered[mid]
        a[[where[p] for p in pos[stays[pos]]], j] = 1.0
    solution = np.linalg.lstsq(a, beyond[people], rcond=None)[0]
    w, v = np.linalg.eigh(a.T @ a)
    null = v[:, w < 1e-9 * max(float(w.max()), 1.0)]
    shared = null @ null.T  # projection on the null space: the same whatever its basis
    linked = {
        mid: [ids[k] for k in np.flatnonzero(np.abs(shared[j]) > 1e-8) if k != j]
        for j, mid in enumerate(ids)
    }
    return {mid: float(x) for mid, x in zip(ids, solution, strict=True)}, linked


def _share_linked(
    realised: dict[str, float], linked: dict[str, list[str]], planned: pd.Series
) -> None:
    """Measures on the same people share their joint raise in proportion to what each planned
    (least squares alone would split it evenly)."""
    done: set[str] = set()
    for mid, others in linked.items():
        if not others or mid in done:
            continue
        group = [mid, *others]
        done.update(group)
        total = sum(realised[g] for g in group)
        weights = [float(planned.get(g, 0.0)) for g in group]
        if sum(weights) > 0:
            for g, w in zip(group, weights, strict=True):
                realised[g] = total * w / sum(weights)


def _unique_people(frame: pd.DataFrame, name: str) -> None:
    dup = frame.duplicated(["employee_id", "job_code"])
    if dup.any():
        r = frame[dup].iloc[0]
        raise DataFileError(
            f"{name}, row {r['_row']}: employee {r['employee_id']} has more than one row in job "
            f"{r['job_code']}; the follow-up matches people on (employee_id, job_code)"
        )


def general_raises(
    jobs: np.ndarray, change: np.ndarray, uncovered: np.ndarray
) -> tuple[dict[str, float], float]:
    """Median change by job among ``uncovered`` stayers (``change`` finite), and overall."""
    use = uncovered & np.isfinite(change)
    s = pd.Series(change[use], index=jobs[use])
    by_job = {str(k): float(v) for k, v in s.groupby(level=0, sort=True).median().items()}
    return by_job, float(np.median(change[use])) if use.any() else float("nan")


# --- the follow-up -----------------------------------------------------------------------------


@dataclass(frozen=True, repr=False)
class FollowUpResult:
    """Last year's action plan followed up: one row per measure in :attr:`table`.

    Attributes
    ----------
    table : DataFrame
        :data:`FOLLOW_UP_COLUMNS`. ``planned``, ``realised`` and ``general_raise_pct`` are
        percent of last year's pay; ``planned_kr``, ``realised_kr`` full-time kronor per month
        and person; ``n_people`` the people covered present both years; ``cost_planned``
        Σ ``cost_yearly`` of the rows due by Y−1; ``cost_realised`` what the realised raise
        costs a year (``realised_kr`` · Σ fte of ``n_people`` · 12 · (1 + overhead)); ``note``
        why a figure needs a look (left, moved job, organisation's raise used, nothing due).
    year : int
        The year followed up (Y); the plan is from Y−1.
    general_raise_pct : float
        The organisation's general raise (median among people present both years without a
        measure).
    settings : dict
        ``overhead`` as used (None: the plan's own), the sources' names.
    """

    table: pd.DataFrame
    year: int
    general_raise_pct: float = float("nan")
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def counts(self) -> dict[str, int]:
        """Measures by status, every status present (``done, partly, not_done, left``)."""
        vc = self.table["status"].value_counts()
        return {s: int(vc.get(s, 0)) for s in STATUSES}

    def summary(self) -> Summary:
        t = self.table
        c = self.counts
        facts = [
            ("plan followed up", f"{self.year - 1} (followed up in {self.year})"),
            ("measures", str(len(t))),
            (
                "done / partly / not done / left",
                f"{c['done']} / {c['partly']} / {c['not_done']} / {c['left']}",
            ),
            ("general raise (organisation)", fmt_pct(self.general_raise_pct, 2)),
            ("cost planned (per year)", fmt_kr(float(t["cost_planned"].sum()))),
            ("cost realised (per year)", fmt_kr(float(t["cost_realised"].sum()))),
        ]
        cols = ["measure_id", "job_code", "planned", "realised", "status", "note"]
        open_ = t[t["status"].isin(["partly", "not_done"])][cols]
        return Summary(
            "Follow-up of last year's action plan", facts, [("Not done or partly done", open_)]
        )

    def _repr_html_(self) -> str:
        return self.summary()._repr_html_()

    def __repr__(self) -> str:
        c = self.counts
        return (
            f"<FollowUpResult {self.year - 1} plan: {len(self.table)} measures, {c['done']} done,"
            f" {c['partly']} partly, {c['not_done']} not done, {c['left']} left>"
        )


def follow_up(
    plan: Any,
    previous: Any,
    current: PayData | pd.DataFrame,
    *,
    year: int,
    overhead: float | None = None,
) -> FollowUpResult:
    """Follow up last year's action plan against this year's pay (rules in the module docstring).

    Parameters
    ----------
    plan : DataFrame, ActionPlan or path
        Last year's (Y−1) plan table (``data/action_plan.csv`` of that run), one row per measure
        and year. A plan with a measure found after Y−1 or a step before Y−1 is refused
        (:class:`~payequity.exceptions.ConfigError`).
    previous : DataFrame, PayData or path
        Last year's snapshot (``archive/<Y−1>/snapshot.csv``): ``employee_id, job_code, unit,
        fte, base_salary`` (``gender`` and ``monthly_pay`` may be there; they are not used).
        Every person and job the plan covers must be in it.
    current : PayData or DataFrame
        This year's pay data (``employee_id, job_code, base_salary`` are used).
    year : int
        This year, Y.
    overhead : float, optional
        Payroll overhead for ``cost_realised``. None (default) takes the plan's own from its
        rows, ``cost_yearly / (adjustment_monthly · fte_total · 12) − 1`` (median per measure;
        measures whose steps are all zero take the plan's median, or 0.40 when no row shows
        it), so planned and realised costs compare like with like.

    Returns
    -------
    FollowUpResult

    Examples
    --------
    >>> import pandas as pd
    >>> plan = pd.DataFrame({
    ...     "measure_id": ["2026-person-1"], "job_code": ["A"], "employee_id": ["1"],
    ...     "comparator_job": [""], "year": [2026], "adjustment_monthly": [600.0],
    ...     "cost_yearly": [10080.0], "first_found_year": [2026], "due_year": [2026],
    ...     "kind": ["person"], "unit": ["U"], "fte_total": [1.0], "pay_before": [30000.0]})
    >>> before = pd.DataFrame({"employee_id": ["1", "2", "3"], "job_code": "A", "unit": "U",
    ...                        "fte": 1.0, "base_salary": [30000.0, 30000.0, 40000.0]})
    >>> after = before.assign(base_salary=[31200.0, 30600.0, 40800.0])  # 2 % for the others
    >>> res = follow_up(plan, before, after, year=2027)
    >>> row = res.table.iloc[0]
    >>> round(float(row["planned"]), 4), round(float(row["realised"]), 4), row["status"]
    (2.0, 2.0, 'done')
    >>> res.counts
    {'done': 1, 'partly': 0, 'not_done': 0, 'left': 0}
    """
    year = _year(year)
    p, plan_name = plan_frame(plan)
    check_plan_years(p, plan_name, year)
    m = plan_measures(p, year, overhead)
    snap_fix = "the snapshot needs employee_id, job_code, unit, fte, base_salary"
    s, snap_name = _table_of(
        previous, "previous", SNAPSHOT_TEXT, SNAPSHOT_NUMBERS, snap_fix, optional=("unit_path",)
    )
    cur_fix = "pass this year's PayData (employee_id, job_code, base_salary)"
    c, cur_name = _table_of(current, "current", CURRENT_TEXT, CURRENT_NUMBERS, cur_fix)
    _unique_people(s, snap_name)
    _unique_people(c, cur_name)
    for name, frame in ((snap_name, s), (cur_name, c)):
        bad = ~(frame["base_salary"] > 0)
        if bad.any():
            r = frame[bad].iloc[0]
            raise DataFileError(
                f"{name}, row {r['_row']}: base_salary of employee {r['employee_id']} is missing "
                "or not positive; correct it"
            )
    covered = covered_positions(m, s, snap_name)
    # last year's people: their change to this year, when present both years in the same job
    now = c.set_index(["employee_id", "job_code"])["base_salary"]
    key = pd.MultiIndex.from_arrays([s["employee_id"], s["job_code"]])
    new = now.reindex(key).to_numpy(dtype=float)
    old = s["base_salary"].to_numpy(dtype=float)
    change = 100.0 * (new / old - 1.0)
    stays = np.isfinite(change)
    is_covered = np.zeros(len(s), dtype=bool)
    for pos in covered.values():
        is_covered[pos] = True
    jobs = s["job_code"].to_numpy()
    by_job, org = general_raises(jobs, change, ~is_covered)
    if (stays & is_covered).any() and not math.isfinite(org):
        raise InsufficientDataError(
            f"{cur_name}: nobody is present both years without a measure, so the general raise "
            "cannot be measured; check that the snapshot and this year's data share employee ids"
        )
    # kronor each covered stayer got beyond the general raise of their job
    general = np.array([by_job.get(j, org) for j in jobs], dtype=float)
    beyond = new - old * (1.0 + general / 100.0)
    realised_kr, linked = _kronor_by_measure(covered, stays, beyond)
    _share_linked(realised_kr, linked, m["planned_kr"])
    fte = s["fte"].to_numpy(dtype=float)

    rows = []
    for mid, r in m.iterrows():
        pos = covered[str(mid)]
        here = pos[stays[pos]]
        pay_before = r["pay_before"]
        if not (math.isfinite(pay_before) and pay_before > 0):  # blank: the snapshot's pay
            pay_before = float(old[pos].mean())
        planned = 100.0 * r["planned_kr"] / pay_before
        job_raise = by_job.get(r["job_code"])
        notes = []
        if r["planned_kr"] == 0:  # nothing due yet: followed up the year its first step is due
            continue
        row = {
            "measure_id": mid,
            "job_code": r["job_code"],
            "planned": planned,
            "kind": r["kind"],
            "unit": r["unit"],
            "employee_id": r["employee_id"],
            "comparator_job": r["comparator_job"],
            "planned_kr": float(r["planned_kr"]),
            "general_raise_pct": job_raise if job_raise is not None else org,
            "n_people": len(here),
            "cost_planned": float(r["cost_planned"]),
        }
        if len(here) == 0:
            if r["kind"] == "person" and r["employee_id"] in set(c["employee_id"]):
                moved = c.loc[c["employee_id"] == r["employee_id"], "job_code"].iloc[0]
                notes.append(f"still employed, now in job {moved}: follow up by hand")
            else:
                notes.append("nobody covered is still in the job")
            row |= {
                "realised": float("nan"),
                "status": "left",
                "realised_kr": float("nan"),
                "cost_realised": float("nan"),
            }
            rows.append(row | {"note": "; ".join(notes)})
            continue
        if job_raise is None:
            notes.append("general raise of the organisation (nobody else in the job)")
        kr = realised_kr[str(mid)]
        pay = float(old[here].mean())
        realised = 100.0 * kr / pay
        tolerance = 100.0 / pay
        if realised >= planned - tolerance - _EPS:
            status = "done"
        elif realised > tolerance + _EPS:
            status = "partly"
        else:
            status = "not_done"
        if len(here) < len(pos):
            notes.append(f"{len(pos) - len(here)} of {len(pos)} covered have left")
        if linked.get(str(mid)):
            notes.append(
                f"cannot be told apart from {', '.join(linked[str(mid)])} (the same people): "
                "their joint raise is shared in proportion to what each planned; check by hand"
            )
        row |= {
            "realised": realised,
            "status": status,
            "realised_kr": kr,
            "cost_realised": kr * float(fte[here].sum()) * 12 * (1 + r["overhead"]),
            "note": "; ".join(notes),
        }
        rows.append(row)
    table = pd.DataFrame(rows, columns=list(FOLLOW_UP_COLUMNS))
    numbers = [
        "planned",
        "realised",
        "planned_kr",
        "realised_kr",
        "general_raise_pct",
        "cost_planned",
        "cost_realised",
    ]
    table = table.astype({c: float for c in numbers} | {"n_people": "int64"})
    settings = {"overhead": overhead, "plan": plan_name, "previous": snap_name, "current": cur_name}
    return FollowUpResult(table, year, org, settings)


def _year(year: Any) -> int:
    if isinstance(year, bool) or not isinstance(year, int | np.integer):
        raise ConfigError(f"year must be a whole number like 2027, got {year!r}")
    return int(year)


# --- year over year ----------------------------------------------------------------------------

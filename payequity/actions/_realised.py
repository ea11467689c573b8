"""Reading last year's plan and measuring what happened to pay: the inputs and the arithmetic
of :func:`~payequity.actions.follow_up` (``_followup.py``; the rules are in its docstring and in
``docs/dev/actions-contract.md``, "Follow-up").

:func:`plan_frame`, :func:`check_plan_years`, :func:`plan_measures` (which steps are due),
:func:`covered_positions` and :func:`general_raises` are public through ``payequity.actions`` so
the sample generator (``datasets.generate(plan=...)``) realises a plan exactly as the follow-up
measures it. :func:`raise_tolerances` and :func:`allocate_lift` are the follow-up's own.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..exceptions import ConfigError, DataFileError, ParameterError, ParameterTypeError, SchemaError
from ..io import as_text, detect_decimal, parse_numbers, read_table

__all__ = [
    "allocate_lift",
    "check_plan_years",
    "covered_positions",
    "general_raises",
    "plan_frame",
    "plan_measures",
    "raise_tolerances",
    "reference_date_of",
    "unique_people",
]

KINDS: tuple[str, ...] = ("person", "equal_value")
#: Payroll overhead used when the plan does not reveal its own (every step zero).
DEFAULT_OVERHEAD = 0.40
#: The smallest tolerance of the status rule, in percentage points.
MIN_TOLERANCE = 0.1

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
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


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
    position + 2) and the name used in messages. ``optional`` text columns are read when there.
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


def _iso_date(text: str) -> dt.date | None:
    if not _ISO_DATE.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def plan_frame(plan: Any, label: str = "plan") -> tuple[pd.DataFrame, str]:
    """Last year's plan table, validated row by row (kind, ids, numbers, effective_date).

    ``effective_date`` comes back as ISO text for every row: the plan's, or — when the plan has
    no such column (plans made before it) or the cell is blank — 31 December of the step's
    ``year``.
    """
    fix = "pass last year's action plan (data/action_plan.csv of its run, or ActionPlan.table)"
    p, name = _table_of(plan, label, PLAN_TEXT, PLAN_NUMBERS, fix, optional=("effective_date",))
    if "effective_date" not in p.columns:
        p["effective_date"] = ""
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
        if row["effective_date"] == "":
            p.iloc[i, p.columns.get_loc("effective_date")] = f"{int(row['year']):04d}-12-31"
        elif _iso_date(row["effective_date"]) is None:
            raise DataFileError(
                f"{where}: effective_date = {row['effective_date']!r} is not a date like "
                "2027-04-01; correct it (blank: 31 December of the step's year)"
            )
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


def reference_date_of(value: Any, year: int) -> dt.date:
    """This year's reference date: ``value`` (a date or ISO text), or 1 September of ``year``
    (the sample's reference date) when None."""
    if value is None:
        return dt.date(year, 9, 1)
    if isinstance(value, dt.datetime):  # pd.Timestamp too
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _iso_date(value.strip()) is not None:
        return dt.date.fromisoformat(value.strip())
    raise ConfigError(
        f"reference_date must be a date like {year}-09-01, got {value!r}; pass this year's "
        "survey reference date (survey.reference_date)"
    )


def plan_measures(
    p: pd.DataFrame, year: int, overhead: float | None, *, reference_date: Any = None
) -> pd.DataFrame:
    """One row per measure (first-seen order): what it is and what is due at ``year``'s
    follow-up — the steps with ``effective_date`` ≤ ``reference_date`` (this year's; None: 1
    September of ``year``). ``planned_kr``/``cost_planned`` sum the due steps, ``n_due`` counts
    them, ``overhead`` is the one used for ``cost_realised``."""
    ref = reference_date_of(reference_date, year).isoformat()
    due = p["effective_date"].to_numpy(dtype=object) <= ref  # ISO text sorts as dates
    first = p.drop_duplicates("measure_id").set_index("measure_id")
    m = first[["kind", "job_code", "unit", "employee_id", "comparator_job", "pay_before"]].copy()
    steps = p[due].groupby("measure_id", sort=False)
    m["planned_kr"] = steps["adjustment_monthly"].sum()
    m["cost_planned"] = steps["cost_yearly"].sum()
    m["n_due"] = steps.size()
    m[["planned_kr", "cost_planned", "n_due"]] = m[["planned_kr", "cost_planned", "n_due"]].fillna(
        0.0
    )
    m["n_due"] = m["n_due"].astype("int64")
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


def _in_unit(frame: pd.DataFrame, unit: str) -> np.ndarray:
    """Rows in ``unit`` (matched on ``unit`` or ``unit_path``)."""
    in_unit = frame["unit"].to_numpy() == unit
    if "unit_path" in frame.columns:
        in_unit |= frame["unit_path"].to_numpy() == unit
    return in_unit


def covered_positions(m: pd.DataFrame, frame: pd.DataFrame, name: str) -> dict[str, np.ndarray]:
    """Positions in ``frame`` (last year's people) that each measure covers."""
    ids = frame["employee_id"].astype(str).to_numpy()
    jobs = frame["job_code"].astype(str).to_numpy()
    # the positions of each (employee, job) and each job, found once: a scan of the whole
    # frame per measure took seconds when a large employer's plan had thousands of measures
    people = pd.Series(np.arange(len(frame))).groupby([ids, jobs], sort=False).indices
    by_job = pd.Series(np.arange(len(frame))).groupby(jobs, sort=False).indices
    none = np.array([], dtype=np.int64)
    out = {}
    for mid, r in m.iterrows():
        if r["kind"] == "person":
            pos = people.get((str(r["employee_id"]), str(r["job_code"])), none)
            who = f"employee {r['employee_id']} in job {r['job_code']}"
        else:
            pos = by_job.get(str(r["job_code"]), none)
            if r["unit"]:
                pos = pos[_in_unit(frame.iloc[pos], r["unit"])]
            who = f"job {r['job_code']}" + (f" in unit {r['unit']}" if r["unit"] else "")
        if not len(pos):
            raise DataFileError(
                f"{name}: measure {mid} covers {who}, who is not in it; pass last year's "
                "snapshot (archive/<year − 1>/snapshot.csv), the data the plan was made from"
            )
        out[str(mid)] = np.sort(np.asarray(pos, dtype=np.int64))
    return out


def unique_people(frame: pd.DataFrame, name: str) -> None:
    """Refuse a person with two rows in one job (the follow-up matches on both)."""
    dup = frame.duplicated(["employee_id", "job_code"])
    if dup.any():
        r = frame[dup].iloc[0]
        raise DataFileError(
            f"{name}, row {r['_row']}: employee {r['employee_id']} has more than one row in job "
            f"{r['job_code']}; the follow-up matches people on (employee_id, job_code)"
        )


# --- measuring ---------------------------------------------------------------------------------


def general_raises(
    jobs: np.ndarray, change: np.ndarray, uncovered: np.ndarray
) -> tuple[dict[str, float], float]:
    """Median change by job among ``uncovered`` stayers (``change`` finite), and overall."""
    use = uncovered & np.isfinite(change)
    s = pd.Series(change[use], index=jobs[use])
    by_job = {str(k): float(v) for k, v in s.groupby(level=0, sort=True).median().items()}
    return by_job, float(np.median(change[use])) if use.any() else float("nan")


def _half_iqr(x: np.ndarray) -> float:
    q1, q3 = np.percentile(x, [25, 75])  # linear interpolation between the sorted values
    return float(q3 - q1) / 2


def raise_tolerances(
    jobs: np.ndarray, change: np.ndarray, uncovered: np.ndarray
) -> tuple[dict[str, float], float]:
    """The status rule's tolerance (percentage points) by job and overall: max(0.1, half the
    interquartile range of the changes) over the same people :func:`general_raises` takes
    the median of."""
    use = uncovered & np.isfinite(change)
    s = pd.Series(change[use], index=jobs[use])
    by_job = {
        str(k): max(MIN_TOLERANCE, _half_iqr(v.to_numpy()))
        for k, v in s.groupby(level=0, sort=True)
    }
    org = max(MIN_TOLERANCE, _half_iqr(change[use])) if use.any() else float("nan")
    return by_job, org


def allocate_lift(
    m: pd.DataFrame, covered: dict[str, np.ndarray], stays: np.ndarray, beyond: np.ndarray
) -> tuple[dict[str, float], dict[str, list[str]], dict[str, list[str]]]:
    """Share each covered stayer's ``beyond`` (kronor above the general raise) among the
    measures with a step due that cover them, narrowest first: person measures, then group
    measures by the number of people they cover, then plan order. For each person, every
    measure but the last in that order takes at most its ``planned_kr`` (all of a negative
    lift); the last takes the rest.

    Returns each measure's mean share over its stayers (full-time kronor per month, NaN when
    none stayed), and for each measure the narrower and the broader measures it shares people
    with.
    """
    rank = {str(mid): i for i, mid in enumerate(m.index)}
    due = [mid for mid in covered if m.loc[mid, "n_due"] > 0]
    order = sorted(
        due, key=lambda mid: (m.loc[mid, "kind"] != "person", len(covered[mid]), rank[mid])
    )
    left = np.zeros(len(stays), dtype="int64")
    for mid in order:
        left[covered[mid]] += 1
    rest = np.where(stays, beyond, np.nan)
    seen: dict[int, list[str]] = {}
    realised: dict[str, float] = {}
    narrower: dict[str, list[str]] = {}
    for mid in order:
        pos = covered[mid]
        left[pos] -= 1
        here = pos[stays[pos]]
        cap = float(m.loc[mid, "planned_kr"])
        take = np.where(left[here] == 0, rest[here], np.minimum(rest[here], cap))
        rest[here] -= take
        realised[mid] = float(take.mean()) if len(here) else float("nan")
        before: dict[str, None] = {}
        for p in here:
            before.update(dict.fromkeys(seen.get(int(p), [])))
            seen.setdefault(int(p), []).append(mid)
        narrower[mid] = list(before)
    broader: dict[str, list[str]] = {mid: [] for mid in order}
    for mid in order:
        for other in narrower[mid]:
            broader[other].append(mid)
    return realised, narrower, broader

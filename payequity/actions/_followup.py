"""Following up last year's action plan (DL 3:13; DESIGN §7 ``data/follow_up.csv``).

:func:`follow_up` compares last year's plan (year Y−1) with what happened to pay between last
year's snapshot and this year's data: one row per measure with what was due, what was realised
net of the general raise, the tolerance and a status (``done``, ``partly``, ``not_done``,
``left``). Reading the plan and the arithmetic are in ``_realised.py``; :func:`year_over_year`
(``_history.py``) collects the organisation-wide figures of every archived year.

The rules (``docs/dev/actions-contract.md``, "Follow-up"):

* *due*: a step (a row of the plan) is due at year Y's follow-up when its ``effective_date`` ≤
  Y's reference date (``reference_date=``, default the current data's; 1 September of Y when
  neither gives one). A plan without ``effective_date`` (or a blank cell) takes 31 December of
  the step's ``year``: the steps of Y−1 are due, those of Y are not;
* ``planned``: Σ ``adjustment_monthly`` of the due steps, as percent of ``pay_before``. A
  measure with no step due is left out: it is followed up the year a step is due;
* a person is *present both years* when the same (``employee_id``, ``job_code``) is in the
  snapshot and in this year's data; their change is ``100·(base_salary_Y / base_salary_Y−1 − 1)``;
* the *general raise* of a job is the median change among the people present both years in that
  job (organisation-wide) that no measure of the plan covers, or, when the job has none, the
  median among all such people in the organisation;
* ``realised``: percent change minus the general raise. Each person covered and present both
  years got ``lift = pay_Y − pay_Y−1 · (1 + general raise of their job)`` kronor. A person
  covered by several measures with a step due: the lift goes to the narrowest first — a person
  measure before a group measure (group measures: fewer people covered first, then plan
  order) — each taking at most what it planned (its due kronor; all of a negative lift), the
  last the rest. A measure's ``realised_kr`` is the mean of its share over its people (for a
  person measure the person's), ``realised`` that as percent of their mean pay of Y−1;
* ``tolerance`` = max(0.1, half the interquartile range of the changes of the people the
  general raise was taken from) percentage points: the job's people without a measure, or
  the organisation's when the job has none (quartiles by linear interpolation);
* ``status``: ``left`` when nobody covered is present both years; else ``done`` when
  ``realised ≥ planned − tolerance``; else ``not_done`` when ``realised ≤ tolerance``; else
  ``partly``. When ``planned ≤ 2·tolerance`` both could hold: done wins and the note says to
  check by hand.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._format import fmt_kr, fmt_pct
from .._summary import Summary
from ..exceptions import ConfigError, DataFileError, InsufficientDataError
from ._realised import (
    _table_of,
    allocate_lift,
    check_plan_years,
    covered_positions,
    general_raises,
    plan_frame,
    plan_measures,
    raise_tolerances,
    reference_date_of,
    unique_people,
)

if TYPE_CHECKING:
    import datetime as dt

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
    "tolerance",
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
_EPS = 1e-9  # floating point slack in the status comparisons

SNAPSHOT_TEXT = ("employee_id", "job_code", "unit")
SNAPSHOT_NUMBERS = ("fte", "base_salary")
CURRENT_TEXT = ("employee_id", "job_code")
CURRENT_NUMBERS = ("base_salary",)


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
        Σ ``cost_yearly`` of the due steps; ``cost_realised`` what the realised raise costs a
        year (``realised_kr`` · Σ fte of ``n_people`` · 12 · (1 + overhead)); ``note`` why a
        figure needs a look (left, moved job, organisation's raise used, lift shared with an
        overlapping measure); ``tolerance`` the status rule's, in percentage points.
    year : int
        The year followed up (Y); the plan is from Y−1.
    general_raise_pct : float
        The organisation's general raise (median among people present both years without a
        measure).
    settings : dict
        ``overhead`` as used (None: the plan's own), ``reference_date`` (ISO; steps effective
        on or before it were due), the sources' names.
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
    reference_date: dt.date | str | None = None,
) -> FollowUpResult:
    """Follow up last year's action plan against this year's pay (rules in the module docstring).

    Parameters
    ----------
    plan : DataFrame, ActionPlan or path
        Last year's (Y−1) plan table (``data/action_plan.csv`` of that run), one row per measure
        and step. A plan with a measure found after Y−1 or a step before Y−1 is refused
        (:class:`~payequity.exceptions.ConfigError`). ``effective_date`` is optional (plans
        made before it: 31 December of the step's ``year``).
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
    reference_date : date or ISO text, optional
        This year's reference date: the steps effective on or before it are due. Default
        ``current.reference_date`` (a :class:`~payequity.io.PayData`'s), else 1 September of
        ``year``.

    Returns
    -------
    FollowUpResult

    Examples
    --------
    >>> import pandas as pd
    >>> plan = pd.DataFrame({
    ...     "measure_id": ["2026-person-1"], "job_code": ["A"], "employee_id": ["1"],
    ...     "comparator_job": [""], "year": [2027], "adjustment_monthly": [600.0],
    ...     "cost_yearly": [10080.0], "first_found_year": [2026], "due_year": [2027],
    ...     "effective_date": ["2027-04-01"], "kind": ["person"], "unit": ["U"],
    ...     "fte_total": [1.0], "pay_before": [30000.0]})
    >>> before = pd.DataFrame({"employee_id": ["1", "2", "3"], "job_code": "A", "unit": "U",
    ...                        "fte": 1.0, "base_salary": [30000.0, 30000.0, 40000.0]})
    >>> after = before.assign(base_salary=[31200.0, 30600.0, 40800.0])  # 2 % for the others
    >>> res = follow_up(plan, before, after, year=2027, reference_date="2027-09-01")
    >>> row = res.table.iloc[0]
    >>> round(float(row["planned"]), 4), round(float(row["realised"]), 4), row["status"]
    (2.0, 2.0, 'done')
    >>> res.counts
    {'done': 1, 'partly': 0, 'not_done': 0, 'left': 0}
    """
    year = _year(year)
    if reference_date is None and not isinstance(current, pd.DataFrame):  # a PayData's
        reference_date = getattr(current, "reference_date", None)
    ref = reference_date_of(reference_date, year)
    p, plan_name = plan_frame(plan)
    check_plan_years(p, plan_name, year)
    m = plan_measures(p, year, overhead, reference_date=ref)
    snap_fix = "the snapshot needs employee_id, job_code, unit, fte, base_salary"
    s, snap_name = _table_of(
        previous, "previous", SNAPSHOT_TEXT, SNAPSHOT_NUMBERS, snap_fix, optional=("unit_path",)
    )
    cur_fix = "pass this year's PayData (employee_id, job_code, base_salary)"
    c, cur_name = _table_of(current, "current", CURRENT_TEXT, CURRENT_NUMBERS, cur_fix)
    unique_people(s, snap_name)
    unique_people(c, cur_name)
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
    tol_job, tol_org = raise_tolerances(jobs, change, ~is_covered)
    if (stays & is_covered).any() and not math.isfinite(org):
        raise InsufficientDataError(
            f"{cur_name}: nobody is present both years without a measure, so the general raise "
            "cannot be measured; check that the snapshot and this year's data share employee ids"
        )
    # kronor each covered stayer got beyond the general raise of their job, shared out
    general = np.array([by_job.get(j, org) for j in jobs], dtype=float)
    lift = new - old * (1.0 + general / 100.0)
    realised_kr, narrower, broader = allocate_lift(m, covered, stays, lift)
    fte = s["fte"].to_numpy(dtype=float)
    employees = set(c["employee_id"])

    rows = []
    for mid, r in m.iterrows():
        if r["n_due"] == 0:  # nothing due yet: followed up the year a step is due
            continue
        pos = covered[str(mid)]
        here = pos[stays[pos]]
        pay_before = r["pay_before"]
        if not (math.isfinite(pay_before) and pay_before > 0):  # blank: the snapshot's pay
            pay_before = float(old[pos].mean())
        job_raise = by_job.get(r["job_code"])
        tolerance = tol_job.get(r["job_code"], tol_org)
        notes = []
        row = {
            "measure_id": mid,
            "job_code": r["job_code"],
            "planned": 100.0 * r["planned_kr"] / pay_before,
            "kind": r["kind"],
            "unit": r["unit"],
            "employee_id": r["employee_id"],
            "comparator_job": r["comparator_job"],
            "planned_kr": float(r["planned_kr"]),
            "general_raise_pct": job_raise if job_raise is not None else org,
            "n_people": len(here),
            "cost_planned": float(r["cost_planned"]),
            "tolerance": tolerance,
        }
        if len(here) == 0:
            if r["kind"] == "person" and r["employee_id"] in employees:
                moved = c.loc[c["employee_id"] == r["employee_id"], "job_code"].iloc[0]
                notes.append(f"still employed, now in job {moved}: follow up by hand")
            else:
                notes.append("nobody covered is still in the job")
            row |= {"realised": float("nan"), "status": "left", "realised_kr": float("nan")}
            rows.append(row | {"cost_realised": float("nan"), "note": "; ".join(notes)})
            continue
        if job_raise is None:
            notes.append("general raise of the organisation (nobody else in the job)")
        kr = realised_kr[str(mid)]
        realised = 100.0 * kr / float(old[here].mean())
        if realised >= row["planned"] - tolerance - _EPS:
            status = "done"
        elif realised <= tolerance + _EPS:
            status = "not_done"
        else:
            status = "partly"
        if row["planned"] <= 2 * tolerance:
            notes.append(
                "what was due is within twice the tolerance of the general raise: done and not "
                "done cannot be told apart; check by hand"
            )
        if len(here) < len(pos):
            notes.append(f"{len(pos) - len(here)} of {len(pos)} covered have left")
        if narrower.get(str(mid)):
            notes.append(
                f"shares people with {', '.join(narrower[str(mid)])}: their lift counts there "
                "first, up to what it planned"
            )
        if broader.get(str(mid)):
            notes.append(
                f"shares people with {', '.join(broader[str(mid)])}: the lift counts here first, "
                "up to what this measure planned"
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
        "tolerance",
    ]
    table = table.astype({c: float for c in numbers} | {"n_people": "int64"})
    settings = {
        "overhead": overhead,
        "reference_date": ref.isoformat(),
        "plan": plan_name,
        "previous": snap_name,
        "current": cur_name,
    }
    return FollowUpResult(table, year, org, settings)


def _year(year: Any) -> int:
    if isinstance(year, bool) or not isinstance(year, int | np.integer):
        raise ConfigError(f"year must be a whole number like 2027, got {year!r}")
    return int(year)

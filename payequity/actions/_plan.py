"""The action plan (F-B7, DL 3:10 and 3:13 p. 4–5): what each unjustified difference costs to
correct, and when, within three years.

Two kinds of measure come from the items that need action (see :mod:`payequity.actions._explain`):

* ``person``: one person lifted to the target level of an equal-work item (the largest lift when
  several items name the same person), in whole kronor of full-time base salary;
* ``equal_value``: the female-dominated job lifted to its comparator's mean pay (the largest
  shortfall among the comparators that need action, on either pay measure), for everyone in the
  job. An organisation-wide measure comes first; a unit's measure adds only what its own gap
  needs beyond that.

Each measure's cost per year is ``adjustment · Σfte · 12 · (1 + overhead)``. The schedule pays
every measure as soon as possible: without a budget all in the survey year; with
``yearly_budget`` year by year, earliest due year first, larger measures first, splitting a
measure across years in whole kronor. A measure is due ``first_found_year + 3`` at the latest
(the year it first entered a plan, read from last year's plan); a later due year, or a budget
too small to pay everything by its due year, is refused with the budget that would do.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .._format import fmt_kr
from .._summary import Summary
from ..exceptions import ConfigError

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from ..io import PayData
    from ._explain import Assessment

__all__ = ["PLAN_COLUMNS", "ActionPlan", "action_plan", "measure_key"]

PLAN_COLUMNS = [
    "measure_id",
    "job_code",
    "employee_id",
    "comparator_job",
    "year",
    "adjustment_monthly",
    "cost_yearly",
    "first_found_year",
    "due_year",
    "kind",
    "unit",
    "item_keys",
    "n_people",
    "fte_total",
    "pay_before",
    "target_pay",
    "adjustment_total",
    "reason",
]
MEASURE_COLUMNS = [
    c for c in PLAN_COLUMNS if c not in ("year", "adjustment_monthly", "cost_yearly")
]
MAX_YEARS = 3  # DL 3:10: adjustments within three years
_REASON_ORDER = {"gender_related": 0, "unclear": 1, "unexplained": 2}


@dataclass(frozen=True, repr=False)
class ActionPlan:
    """The costed action plan (``data/action_plan.csv``).

    Attributes
    ----------
    table : DataFrame
        One row per measure and year, columns :data:`PLAN_COLUMNS`.
    measures : DataFrame
        One row per measure (the schedule summed): the measure columns plus ``cost_yearly``
        (the yearly cost once fully paid) and ``years`` (e.g. "2026–2027").
    overhead, yearly_budget : float
    year : int
        The survey year, the first year a step can be paid.
    warnings : list of str
    """

    table: pd.DataFrame
    measures: pd.DataFrame
    year: int
    overhead: float
    yearly_budget: float | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def cost_yearly(self) -> float:
        """The yearly cost of the whole plan once every step is paid, overhead included."""
        return float(self.table["cost_yearly"].sum()) if len(self.table) else 0.0

    @property
    def by_year(self) -> pd.DataFrame:
        """Cost of each year's new steps (``cost_yearly``) and measures touched, by year."""
        if self.table.empty:
            return pd.DataFrame(columns=["year", "cost_yearly", "n_measures"])
        g = self.table.groupby("year")
        return pd.DataFrame(
            {
                "year": g.size().index.astype(int),
                "cost_yearly": g["cost_yearly"].sum().to_numpy(),
                "n_measures": g["measure_id"].nunique().to_numpy(),
            }
        )

    def summary(self, language: str = "sv") -> Summary:
        m = self.measures
        facts = [
            ("survey year", str(self.year)),
            (
                "measures",
                f"{len(m)} ({int((m['kind'] == 'person').sum()) if len(m) else 0} "
                f"person, {int((m['kind'] == 'equal_value').sum()) if len(m) else 0} "
                "equal value)",
            ),
            ("yearly cost when fully paid", fmt_kr(self.cost_yearly, 0, language)),
            ("overhead", f"{self.overhead:g}"),
            (
                "yearly budget",
                fmt_kr(self.yearly_budget, 0, language)
                if self.yearly_budget is not None
                else "none",
            ),
            ("last due year", str(int(m["due_year"].max())) if len(m) else "–"),
        ]
        facts += [("warning", w) for w in self.warnings]
        return Summary("Action plan", facts, [("Cost by year", self.by_year)])

    def _repr_html_(self) -> str:
        return self.summary()._repr_html_()

    def __repr__(self) -> str:
        return self.summary().as_text()

    def plot(self, ax: Axes | None = None, *, language: str = "sv") -> Axes:
        """Cost of the plan by year and kind of measure (:func:`charts.plot_action_plan`)."""
        from ..charts import plot_action_plan

        return plot_action_plan(self, ax=ax, language=language)


def measure_key(measure_id: str) -> tuple[int, str, str]:
    """``"2026-person-100157"`` → ``(2026, "person", "100157")``.

    Examples
    --------
    >>> measure_key("2025-equal_value-/201010")
    (2025, 'equal_value', '/201010')
    """
    parts = str(measure_id).split("-", 2)
    if len(parts) != 3 or not parts[0].isdigit():
        raise ConfigError(
            f"measure_id {measure_id!r} is not <year>-<kind>-<key>; check the previous plan"
        )
    return int(parts[0]), parts[1], parts[2]


def action_plan(
    assessment: Assessment,
    data: PayData | pd.DataFrame,
    *,
    year: int,
    overhead: float = 0.40,
    yearly_budget: float | None = None,
    previous: pd.DataFrame | None = None,
    due_years: Mapping[str, int] | None = None,
) -> ActionPlan:
    """Cost and schedule the measures for every item that needs action.

    Parameters
    ----------
    assessment : Assessment
        From :func:`payequity.actions.assess`.
    data : PayData or DataFrame
        The pay data the survey ran on (fte, base salary and job of the people covered).
    year : int
        The survey year: the first year a step can be paid.
    overhead : float
        Payroll overhead on top of pay (0.40 = 40 %; set your own: arbetsgivaravgifter,
        pension and insurance).
    yearly_budget : float, optional
        Kronor a year for new steps (the yearly cost of the steps started that year).
    previous : DataFrame, optional
        Last year's plan (``action_plan.csv``): measures found earlier keep their id and
        ``first_found_year``.
    due_years : mapping, optional
        measure_id (or its key) → the year it must be fully paid; at most
        ``first_found_year + 3`` and not before ``year``.

    Returns
    -------
    ActionPlan

    Examples
    --------
    >>> import payequity as pe
    >>> from payequity.actions import assess
    >>> data = pe.datasets.generate(600, seed=1)
    >>> plan = action_plan(assess(pe.equal_work(data)), data, year=2026)
    >>> row = plan.table.iloc[0]
    >>> bool(row["cost_yearly"] == row["adjustment_monthly"] * row["fte_total"] * 12 * 1.4)
    True
    """
    if overhead < 0 or not math.isfinite(overhead):
        raise ConfigError(f"actions.overhead = {overhead!r} must be 0 or more (0.40 = 40 %)")
    if yearly_budget is not None and (yearly_budget < 0 or not math.isfinite(yearly_budget)):
        raise ConfigError(f"actions.yearly_budget = {yearly_budget!r} must be 0 or more kronor")
    frame = data.frame if hasattr(data, "frame") else data
    unit_col = getattr(data, "unit_column", "unit_path" if "unit_path" in frame else "unit")
    measures = pd.concat(
        [
            _person_measures(assessment, frame, unit_col),
            _value_measures(assessment, frame, unit_col),
        ],
        ignore_index=True,
    )
    warnings: list[str] = []
    measures = _identify(measures, year, previous, due_years, warnings)
    table = _schedule(measures, year, overhead, yearly_budget)
    summed = _measures_summary(table, measures)
    return ActionPlan(table, summed, int(year), float(overhead), yearly_budget, warnings)


def _person_measures(assessment: Assessment, frame: pd.DataFrame, unit_col: str) -> pd.DataFrame:
    lifts = assessment.lifts
    if lifts.empty:
        return pd.DataFrame(columns=MEASURE_COLUMNS)
    t = assessment.table
    status = dict(zip(zip(t["item_kind"], t["item_key"], strict=True), t["status"], strict=True))
    # one measure per person and job: the largest lift any item asks for in that job
    best = lifts.sort_values("lift", ascending=False, kind="stable")
    keys = lifts.groupby(["employee_id", "work_group"])["item_key"].agg(
        lambda s: ";".join(sorted(set(s)))
    )
    best = best.drop_duplicates(["employee_id", "work_group"])
    best = best.sort_values(["employee_id", "work_group"], kind="stable")
    best = best.assign(
        item_keys=[
            keys[(e, w)] for e, w in zip(best["employee_id"], best["work_group"], strict=True)
        ]
    )
    people = frame[["employee_id", "work_group", "job_code", "fte", "base_salary", unit_col]]
    people = people.rename(columns={unit_col: "person_unit"}).drop_duplicates(
        ["employee_id", "work_group"]
    )
    m = best.merge(people, on=["employee_id", "work_group"], how="left", validate="one_to_one")
    missing = m["job_code"].isna()
    if missing.any():
        raise ConfigError(
            f"employee {m.loc[missing, 'employee_id'].iloc[0]!r} of the survey is not in the pay "
            "data; run the plan on the data the survey ran on"
        )
    adjustment = np.ceil(m["lift"].to_numpy(float) - 1e-9)  # whole kronor, never short
    reasons = []
    for eid, keys_ in zip(m["employee_id"], m["item_keys"], strict=True):
        own = status.get(("person", str(eid)), "unexplained")
        group = [status.get(("equal_work", k), "unexplained") for k in keys_.split(";")]
        reasons.append(min([own, *group], key=lambda s: _REASON_ORDER.get(s, 9)))
    return pd.DataFrame(
        {
            "kind": "person",
            "key": m["employee_id"].astype(str).to_numpy(),
            "job_code": m["job_code"].astype(str).to_numpy(),
            "employee_id": m["employee_id"].astype(str).to_numpy(),
            "comparator_job": "",
            "unit": m["person_unit"].astype(str).to_numpy(),
            "item_keys": m["item_keys"].to_numpy(),
            "n_people": 1,
            "fte_total": m["fte"].to_numpy(float),
            "pay_before": m["base_salary"].to_numpy(float),
            "adjustment_total": adjustment,
            "reason": reasons,
        }
    )


def _value_measures(assessment: Assessment, frame: pd.DataFrame, unit_col: str) -> pd.DataFrame:
    t = assessment.table
    act = t[(t["item_kind"] == "equal_value") & t["needs_action"].astype(bool)].copy()
    if act.empty:
        return pd.DataFrame(columns=MEASURE_COLUMNS)
    rows, org = [], {}
    for unit in sorted(act["unit"].unique(), key=lambda u: (u != "", u)):  # organisation first
        scope = frame if unit == "" else frame[frame[unit_col].astype(str) == unit]
        here = act[act["unit"] == unit]
        for job, pairs in here.groupby("group", sort=True):
            in_job = scope[scope["job_code"].astype(str) == job]
            # comparator level = fd mean / (1 + gap), gap = (fd − cmp)/cmp on that pay measure
            fd_mean = pairs["pay_measure"].map(lambda p, s=in_job: float(s[p].mean()))
            need = fd_mean * (1 / (1 + pairs["gap_pct"].astype(float) / 100) - 1)
            i = int(np.argmax(need.to_numpy()))
            needed = float(need.iloc[i]) - (org.get(job, 0.0) if unit else 0.0)
            if needed <= 0:
                continue
            adjustment = math.ceil(needed - 1e-9)
            if not unit:
                org[job] = adjustment
            reason = min(pairs["status"], key=lambda s: _REASON_ORDER.get(s, 9))
            rows.append(
                {
                    "kind": "equal_value",
                    "key": f"{unit}/{job}",
                    "job_code": job,
                    "employee_id": "",
                    "comparator_job": str(pairs["comparator"].iloc[i]),
                    "unit": unit,
                    "item_keys": ";".join(sorted(pairs["item_key"])),
                    "n_people": len(in_job),
                    "fte_total": float(in_job["fte"].sum()),
                    "pay_before": float(in_job["base_salary"].mean()),
                    "adjustment_total": float(adjustment),
                    "reason": reason,
                }
            )
    return pd.DataFrame(rows, columns=["key", *MEASURE_COLUMNS])


def _identify(
    measures: pd.DataFrame,
    year: int,
    previous: pd.DataFrame | None,
    due_years: Mapping[str, int] | None,
    warnings: list[str],
) -> pd.DataFrame:
    """measure_id, first_found_year and due_year; person keys made unique per job if needed."""
    if measures.empty:
        return pd.DataFrame(columns=MEASURE_COLUMNS)
    m = measures.copy()
    dup = m.duplicated(["kind", "key"], keep=False)
    m.loc[dup, "key"] = m.loc[dup, "key"] + "/" + m.loc[dup, "job_code"]
    found: dict[tuple[str, str], int] = {}
    if previous is not None and len(previous):
        if "measure_id" not in previous.columns:
            raise ConfigError("the previous action plan has no measure_id column; is it one?")
        for mid in previous["measure_id"].astype(str).unique():
            y, kind, key = measure_key(mid)
            found[(kind, key)] = min(y, found.get((kind, key), y))
    m["first_found_year"] = [
        min(found.get((k, key), year), year) for k, key in zip(m["kind"], m["key"], strict=True)
    ]
    m["measure_id"] = [
        f"{y}-{k}-{key}"
        for y, k, key in zip(m["first_found_year"], m["kind"], m["key"], strict=True)
    ]
    m["due_year"] = m["first_found_year"] + MAX_YEARS
    for name, due in (due_years or {}).items():
        hit = (m["measure_id"] == name) | (m["key"] == name)
        if not hit.any():
            raise ConfigError(f"due year given for {name!r}, which is not a measure of this plan")
        latest = int(m.loc[hit, "first_found_year"].iloc[0]) + MAX_YEARS
        if int(due) > latest:
            raise ConfigError(
                f"measure {name}: due year {int(due)} is later than {latest} (first found "
                f"{latest - MAX_YEARS} + {MAX_YEARS}); DL 3:10 allows at most three years"
            )
        if int(due) < year:
            raise ConfigError(
                f"measure {name}: due year {int(due)} is before the survey year {year}"
            )
        m.loc[hit, "due_year"] = int(due)
    late = m[m["due_year"] < year]
    if len(late):
        warnings.append(
            f"{len(late)} measures were due before {year} (e.g. {late['measure_id'].iloc[0]}); "
            f"they are scheduled in full in {year}"
        )
    return m


def _schedule(m: pd.DataFrame, year: int, overhead: float, budget: float | None) -> pd.DataFrame:
    """Pay each measure as early as the budget allows, earliest due year first."""
    if m.empty:
        return pd.DataFrame(columns=PLAN_COLUMNS)
    m = m.reset_index(drop=True)
    m["target_pay"] = m["pay_before"].astype(float) + m["adjustment_total"].astype(float)
    weight = m["fte_total"].to_numpy(float) * 12 * (1 + overhead)
    due = np.maximum(m["due_year"].to_numpy(int), year)
    steps = _greedy(m["adjustment_total"].to_numpy(float), weight, due, year, budget, m)
    if steps is None:
        need = _minimum_budget(m["adjustment_total"].to_numpy(float), weight, due, year, m)
        raise ConfigError(
            f"actions.yearly_budget = {budget:,.0f} kr is too small to pay every measure by its "
            f"due year (at most three years after it was first found); at least {need:,.0f} kr "
            "a year is needed".replace(",", " ")
        )
    rows = []
    for (i, y), kr in sorted(steps.items()):
        r = m.loc[i]
        rows.append(
            {
                **{c: r[c] for c in MEASURE_COLUMNS},
                "year": y,
                "adjustment_monthly": kr,
                "cost_yearly": kr * r["fte_total"] * 12 * (1 + overhead),
            }
        )
    out = pd.DataFrame(rows, columns=PLAN_COLUMNS)
    for c in ("year", "first_found_year", "due_year", "n_people"):
        out[c] = out[c].astype(int)
    return out.sort_values(["measure_id", "year"], kind="stable").reset_index(drop=True)


def _greedy(
    total: np.ndarray,
    weight: np.ndarray,
    due: np.ndarray,
    year: int,
    budget: float | None,
    m: pd.DataFrame,
) -> dict[tuple[int, int], float] | None:
    if budget is None:
        return {(i, year): float(total[i]) for i in range(len(total)) if total[i] > 0}
    left = total.astype(float).copy()
    order = sorted(
        range(len(total)), key=lambda i: (due[i], -total[i] * weight[i], m.loc[i, "measure_id"])
    )
    steps: dict[tuple[int, int], float] = {}
    for y in range(year, int(due.max()) + 1):
        room = float(budget)
        for i in order:
            if left[i] <= 0:
                continue
            kr = min(left[i], math.floor(room / weight[i] + 1e-9)) if weight[i] > 0 else left[i]
            if kr > 0:
                steps[(i, y)] = float(kr)
                left[i] -= kr
                room -= kr * weight[i]
        if np.any((left > 0) & (due <= y)):
            return None
    return steps


def _minimum_budget(
    total: np.ndarray, weight: np.ndarray, due: np.ndarray, year: int, m: pd.DataFrame
) -> float:
    """The smallest whole-krona yearly budget the schedule can keep to (bisection)."""
    lo, hi = 0.0, float(np.sum(total * weight)) + 1.0
    while hi - lo > 1:
        mid = math.floor((lo + hi) / 2)
        if _greedy(total, weight, due, year, mid, m) is None:
            lo = mid
        else:
            hi = mid
    return math.ceil(hi)


def _measures_summary(table: pd.DataFrame, measures: pd.DataFrame) -> pd.DataFrame:
    cols = MEASURE_COLUMNS + ["cost_yearly", "years"]
    if table.empty:
        return pd.DataFrame(columns=cols)
    g = table.groupby("measure_id", sort=False)
    years = g["year"].agg(lambda s: f"{s.min()}" if s.min() == s.max() else f"{s.min()}–{s.max()}")
    out = g.first()[MEASURE_COLUMNS[1:]].reset_index()
    out["cost_yearly"] = g["cost_yearly"].sum().to_numpy()
    out["years"] = years.to_numpy()
    return out[cols]

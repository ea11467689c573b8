"""The action plan (F-B7, DL 3:10 and 3:13 p. 4–5): what each unjustified difference costs to
correct, and when, within three years.

The measures (:mod:`payequity.actions._measures`) come from the items that need action (see
:mod:`payequity.actions._explain`): ``person`` measures lift people of an equal-work item to its
target level; ``equal_value`` measures lift a whole female-dominated job, at most to the pay line
of the jobs that are not female-dominated at its own value (see ``_measures``). Every item that
needs action and gets no measure is listed with the reason (:attr:`ActionPlan.unmeasured`).

Each measure's cost per year is ``adjustment · Σfte · 12 · (1 + overhead)``. Each step takes
effect at a pay review after the survey's reference date (:mod:`payequity.actions._schedule`):
without a budget every measure in full at the first review; with ``yearly_budget`` review by
review, splitting a measure in whole kronor. A measure is due ``first_found_year + 3`` at the
latest (the year it first entered a plan, read from last year's plan); a later due year, or a
budget too small to pay everything by its due year, is refused with the budget that would do.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd

from .._format import fmt_kr, fmt_pct
from .._summary import Summary
from ..exceptions import ConfigError
from ..survey import frame_and_unit
from ._measures import (
    UNMEASURED_REASONS,
    person_measures,
    unmeasured_work,
    value_measures,
)
from ._schedule import (
    MAX_YEARS,
    first_review_date,
    responsible_for,
    review_date,
    schedule,
    unit_names,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from ..io import PayData
    from ._explain import Assessment

__all__ = ["PLAN_COLUMNS", "UNMEASURED_REASONS", "ActionPlan", "action_plan", "measure_key"]

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
    "effective_date",
    "responsible",
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
    c
    for c in PLAN_COLUMNS
    if c not in ("year", "adjustment_monthly", "cost_yearly", "effective_date")
]


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
        The survey year.
    first_date : date
        The pay review the first steps take effect at (after the survey's reference date).
    payroll_yearly : float
        The yearly pay bill of the people surveyed, ``Σ base_salary · fte · 12 · (1 +
        overhead)``, to show the plan's cost as a share of it.
    unmeasured : DataFrame
        ``item_kind, item_key, reason``: items that need action but get no measure, and why
        (:data:`UNMEASURED_REASONS`).
    group_target : str
        How group measures are targeted: "pay_line" (with a job evaluation) or
        "comparator_mean".
    warnings : list of str
    """

    table: pd.DataFrame
    measures: pd.DataFrame
    year: int
    overhead: float
    yearly_budget: float | None = None
    warnings: list[str] = field(default_factory=list)
    first_date: dt.date | None = None
    payroll_yearly: float = float("nan")
    unmeasured: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=["item_kind", "item_key", "reason"])
    )
    group_target: str = "comparator_mean"

    @property
    def cost_yearly(self) -> float:
        """The yearly cost of the whole plan once every step is paid, overhead included."""
        return float(self.table["cost_yearly"].sum()) if len(self.table) else 0.0

    @property
    def payroll_share(self) -> float:
        """The yearly cost once fully paid as a share (0–1) of the yearly pay bill."""
        if not self.payroll_yearly or not math.isfinite(self.payroll_yearly):
            return float("nan")
        return self.cost_yearly / self.payroll_yearly

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
            ("share of the yearly pay bill", fmt_pct(100 * self.payroll_share, 2, language)),
            ("first pay review", str(self.first_date) if self.first_date else "–"),
            ("items needing action without a measure", str(len(self.unmeasured))),
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
    evaluation: Any = None,
    reference_date: dt.date | None = None,
    first_date: dt.date | None = None,
    responsible: str = "HR",
    language: str = "sv",
) -> ActionPlan:
    """Cost and schedule the measures for every item that needs action.

    Parameters
    ----------
    assessment : Assessment
        From :func:`payequity.actions.assess`.
    data : PayData or DataFrame
        The pay data the survey ran on (fte, base salary and job of the people covered).
    year : int
        The survey year.
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
        ``first_found_year + 3`` and not before the first pay review.
    evaluation : JobEvaluation, optional
        The job evaluation: group measures lift a female-dominated job at most to the pay line
        of the jobs that are not female-dominated at its own value. Without it, to the
        comparator's mean pay.
    reference_date : date, optional
        The survey's reference date (default: ``data.reference_date``); no step takes effect on
        or before it.
    first_date : date, optional
        The pay review the first steps take effect at (``actions.first_date``); default the
        1 April after the reference date. Later steps follow a year apart.
    responsible : str
        Who carries out organisation-wide measures (``actions.responsible``); a unit's measures
        are the unit manager's.
    language : {"sv", "en"}
        Language of the ``responsible`` column.

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
    >>> row["effective_date"]
    '2027-04-01'
    """
    if overhead < 0 or not math.isfinite(overhead):
        raise ConfigError(f"actions.overhead = {overhead!r} must be 0 or more (0.40 = 40 %)")
    if yearly_budget is not None and (yearly_budget < 0 or not math.isfinite(yearly_budget)):
        raise ConfigError(f"actions.yearly_budget = {yearly_budget!r} must be 0 or more kronor")
    frame, unit_col = frame_and_unit(data)
    if reference_date is None:
        reference_date = getattr(data, "reference_date", None)
    first = first_review_date(reference_date, first_date, int(year))
    unmeasured: list[dict] = []
    measures = pd.concat(
        [
            person_measures(assessment, frame, unit_col),
            value_measures(assessment, frame, unit_col, evaluation, unmeasured),
        ],
        ignore_index=True,
    )
    left_out = unmeasured_work(assessment, measures, unmeasured)
    warnings: list[str] = []
    measures = _identify(measures, year, previous, due_years, warnings, first.year)
    names = unit_names(frame[unit_col].astype(str))
    measures["responsible"] = [
        responsible_for(u, responsible, language, names) for u in measures["unit"].astype(str)
    ]
    table = _schedule(measures, first, overhead, yearly_budget)
    fte = frame["fte"].astype(float) if "fte" in frame else 1.0
    payroll = float((frame["base_salary"].astype(float) * fte).sum()) * 12 * (1 + overhead)
    return ActionPlan(
        table,
        _measures_summary(table),
        int(year),
        float(overhead),
        yearly_budget,
        warnings,
        first,
        payroll,
        left_out,
        "pay_line" if evaluation is not None else "comparator_mean",
    )


def _identify(
    measures: pd.DataFrame,
    year: int,
    previous: pd.DataFrame | None,
    due_years: Mapping[str, int] | None,
    warnings: list[str],
    start: int,
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
        if int(due) < start:
            raise ConfigError(
                f"measure {name}: due year {int(due)} is before the first pay review, in {start}"
            )
        m.loc[hit, "due_year"] = int(due)
    late = m[m["due_year"] < start]
    if len(late):
        warnings.append(
            f"{len(late)} measures were due before {start} (e.g. {late['measure_id'].iloc[0]}); "
            f"they are scheduled in full at the first pay review, in {start}"
        )
    return m


def _schedule(
    m: pd.DataFrame, first: dt.date, overhead: float, budget: float | None
) -> pd.DataFrame:
    """One row per measure and pay review, as early as the budget allows."""
    if m.empty:
        return pd.DataFrame(columns=PLAN_COLUMNS)
    m = m.reset_index(drop=True)
    m["target_pay"] = m["pay_before"].astype(float) + m["adjustment_total"].astype(float)
    weight = m["fte_total"].to_numpy(float) * 12 * (1 + overhead)
    steps = schedule(
        m["adjustment_total"].to_numpy(float),
        weight,
        m["due_year"].to_numpy(int),
        first.year,
        budget,
        list(m["measure_id"]),
    )
    rows = []
    for (i, y), kr in sorted(steps.items()):
        r = m.loc[i]
        rows.append(
            {
                **{c: r[c] for c in MEASURE_COLUMNS},
                "year": y,
                "effective_date": review_date(first, y).isoformat(),
                "adjustment_monthly": kr,
                "cost_yearly": kr * r["fte_total"] * 12 * (1 + overhead),
            }
        )
    out = pd.DataFrame(rows, columns=PLAN_COLUMNS)
    for c in ("year", "first_found_year", "due_year", "n_people"):
        out[c] = out[c].astype(int)
    return out.sort_values(["measure_id", "year"], kind="stable").reset_index(drop=True)


def _measures_summary(table: pd.DataFrame) -> pd.DataFrame:
    cols = MEASURE_COLUMNS + ["cost_yearly", "years"]
    if table.empty:
        return pd.DataFrame(columns=cols)
    g = table.groupby("measure_id", sort=False)
    years = g["year"].agg(lambda s: f"{s.min()}" if s.min() == s.max() else f"{s.min()}–{s.max()}")
    out = g.first()[MEASURE_COLUMNS[1:]].reset_index()
    out["cost_yearly"] = g["cost_yearly"].sum().to_numpy()
    out["years"] = years.to_numpy()
    return out[cols]

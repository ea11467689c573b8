"""The salary review (löneöversyn): shared salary criteria, ratings, the pot, the merit matrix,
and the gender check of the proposal before pay is set (job-evaluation.md §3–§4).

:func:`salary_review` turns the managers' ratings into proposed raises (or checks the managers'
own proposals), meets each unit's pot to the krona, and checks the result for gender before
anything is decided: raises by gender at equal rating, the ratings themselves, pay spread, and
the equal-work and equal-value gaps recomputed on the proposed salaries (what-if).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .._summary import Summary
from ..exceptions import ConfigError
from ..io import PayData
from . import _checks as checks
from ._criteria import Criteria, load_criteria, load_ratings
from ._merit import MeritMatrix, PotError
from ._stages import (
    REVIEW_COLUMNS,
    SUMMARY_COLUMNS,
    _eligibility,
    _managers,
    _manual,
    _matrix,
    _merit,
    _overlay,
    _pot_units,
    _pots,
    _rate,
    _summarise,
    _whatif,
)

__all__ = [
    "salary_review",
    "ReviewResult",
    "load_criteria",
    "load_ratings",
    "MeritMatrix",
    "PotError",
    "REVIEW_COLUMNS",
    "SUMMARY_COLUMNS",
]


@dataclass(frozen=True)
class ReviewResult:
    """A salary-review proposal and its gender check.

    Attributes
    ----------
    table : DataFrame
        One row per employment, :data:`REVIEW_COLUMNS` then ``rating_<criterion>`` columns.
        Raises are whole full-time kronor a month; ``cost = raise · fte``.
    units : DataFrame
        One row per pot (:data:`SUMMARY_COLUMNS`); ``0 ≤ pot − total_raises < 1`` in matrix mode.
    gender, ratings, regression, spread, changes : DataFrame
        The checks: raises by gender (organisation, unit, job), rating levels by gender, the
        regression of the raise on rating, band and gender, P10/P50/P90 before and after, and
        the survey's items before and after the proposal (what-if).
    flags : DataFrame
        What calls for a second look before the decision (``_review_checks.FLAG_COLUMNS``).
    warnings : list of str
    model : statsmodels result or None
        The organisation-wide regression of the raise.
    """

    table: pd.DataFrame
    units: pd.DataFrame
    gender: pd.DataFrame
    ratings: pd.DataFrame
    regression: pd.DataFrame
    spread: pd.DataFrame
    changes: pd.DataFrame
    flags: pd.DataFrame
    warnings: list[str]
    data: PayData = field(repr=False)
    criteria: Criteria | None = None
    matrix: MeritMatrix | None = None
    settings: Mapping[str, Any] = field(default_factory=dict)
    model: Any = field(default=None, repr=False)
    after: PayData = field(default=None, repr=False)  # the data with the new salaries

    @property
    def pot(self) -> float:
        return float(self.units["pot"].sum())

    @property
    def total_raises(self) -> float:
        return float(self.units["total_raises"].sum())

    def apply(self) -> PayData:
        """The pay data after the review: base salary (and monthly pay) at the new level.

        Examples
        --------
        >>> import payequity as pe
        >>> data = pe.datasets.generate(300, seed=2)
        >>> ratings = pd.DataFrame({"employee_id": data.frame["employee_id"].unique(),
        ...                         "results": 3})
        >>> crit = {"criterion": [{"id": "results", "name": "Resultat", "weight": 1}]}
        >>> r = pe.salary_review(data, ratings=ratings, criteria=crit, pot_pct=3.0, whatif=False)
        >>> after = r.apply()
        >>> bool((after.frame["base_salary"] >= data.frame["base_salary"]).all())
        True
        """
        return self.after

    def payroll_import(self, effective_date: dt.date | str | None = None) -> pd.DataFrame:
        """``employee_id, new_base_salary, effective_date, job_code, raise`` for every
        employment whose salary changes, for the payroll system."""
        t = self.table[self.table["raise"] != 0]
        when = self.settings.get("effective_date") if effective_date is None else effective_date
        return pd.DataFrame(
            {
                "employee_id": t["employee_id"].to_numpy(),
                "new_base_salary": t["new_base_salary"].round(2).to_numpy(),
                "effective_date": str(when) if when is not None else "",
                "job_code": t["job_code"].to_numpy(),
                "raise": t["raise"].to_numpy(),
            }
        )

    def summary(self) -> Summary:
        t = self.table[self.table["eligible"]]
        g = self.gender[self.gender["scope"] == "organisation"].set_index("gender")
        facts = [
            ("mode", self.settings.get("mode", "matrix")),
            ("pots", f"{len(self.units)} ({self.settings.get('pot_unit', 'unit')})"),
            ("pot, kr a month", f"{self.pot:,.0f}"),
            ("raises, kr a month (Σ raise·fte)", f"{self.total_raises:,.2f}"),
            ("people taking part", f"{len(t)} of {len(self.table)} employments"),
            (
                "mean raise women / men, %",
                f"{g.loc['F', 'mean_raise_pct']:.2f} / {g.loc['M', 'mean_raise_pct']:.2f}"
                if {"F", "M"} <= set(g.index)
                else "n/a",
            ),
            ("flags", str(len(self.flags))),
        ]
        tables = [("Flags", self.flags[["unit", "check", "message"]])]
        if self.warnings:
            tables.append(("Warnings", pd.DataFrame({"warning": self.warnings})))
        return Summary("Salary review", facts, tables)

    def _repr_html_(self) -> str:
        return self.summary()._repr_html_()

    def plot(self, ax: Any = None, *, language: str = "sv") -> Any:
        """Raise in percent by overall rating and gender (``charts.plot_review_raises``)."""
        from ..charts import plot_review_raises

        labels = None
        if self.criteria is not None:
            labels = [self.criteria.label(lv, language) for lv in self.criteria.levels]
        return plot_review_raises(self.table, ax=ax, language=language, labels=labels)


def salary_review(
    data: PayData | pd.DataFrame,
    *,
    ratings: str | Path | pd.DataFrame | None = None,
    criteria: str | Path | Mapping[str, Any] | Criteria | None = None,
    pot_pct: float | None = None,
    pot_per_head: float | None = None,
    guarantee: float = 0,
    cap: float | None = None,
    matrix: str | Path | Mapping[str, Any] | MeritMatrix | None = None,
    pot_unit: str = "unit",
    proposals: str | Path | pd.DataFrame | None = None,
    action_plan: pd.DataFrame | None = None,
    action_plan_share: float = 0.0,
    evaluation: Any = None,
    explanations: Any = None,
    survey_options: Mapping[str, Any] | None = None,
    whatif: bool = True,
    effective_date: dt.date | str | None = None,
) -> ReviewResult:
    """Propose raises from ratings and a merit matrix (or check managers' proposals), meet each
    pot to the krona, and check the proposal for gender before it is decided.

    Parameters
    ----------
    data : PayData or DataFrame
        Canonical pay data; ``is_manager`` picks managers' criteria, ``manager_id`` the workbook.
    ratings : path or DataFrame
        ``employee_id`` and one column per criterion (:func:`load_ratings`).
    criteria : path, mapping or Criteria
        The criteria catalogue (TOML; :func:`load_criteria`), its scale and eligibility rule.
    pot_pct, pot_per_head : float
        The pot of each unit: ``pot_pct`` percent of Σ(base_salary · fte) of the people taking
        part, or ``pot_per_head`` kronor per full-time head (Σ fte; a part-timer counts pro rata).
    guarantee, cap : float
        The smallest and largest merit raise in full-time kronor (guarantee first; a cap hands
        the rest to the others). A guarantee the pot cannot pay, or caps that cannot spend it,
        raise :class:`PotError`.
    matrix : None, "default", path, mapping or MeritMatrix
        Multipliers by rating level and compa-ratio band (midpoint = the job's median base salary
        in the organisation). None takes the criteria file's ``[matrix]``, else the default of
        job-evaluation.md §3.4.
    pot_unit : str
        "unit" (the lowest unit), "organisation" (one pot) or a column of the data.
    proposals : path or DataFrame, optional
        Manual mode: the managers' proposed salaries (:func:`~payequity.review._proposals.load_proposals`)
        are checked instead of computed; a pot overrun is flagged.
    action_plan, action_plan_share : DataFrame, float
        Reserve ``action_plan_share`` of each pot for the action plan's adjustments (the plan's
        first year; ``data/action_plan.csv``); the rest goes by merit. Adjustments beyond the
        reserve are scaled down (warning); an unused reserve goes to merit.
    evaluation : JobEvaluation, optional
        For the equal-value what-if.
    explanations : ExplanationRegister, DataFrame or path, optional
        Items explained as not gender-related are justified; without it every flagged item is
        treated as unjustified.
    survey_options : mapping, optional
        Keyword arguments of :func:`payequity.equal_work` for the what-if (pay measures,
        controls, thresholds). Default: both pay measures and the function's defaults.
    whatif : bool
        Recompute the survey on the proposed salaries.
    effective_date : date or str, optional
        The date the new salaries apply from (payroll import).

    Returns
    -------
    ReviewResult

    Examples
    --------
    >>> import payequity as pe
    >>> data = pe.datasets.generate(300, seed=2)
    >>> ratings = pd.DataFrame({"employee_id": data.frame["employee_id"].unique(),
    ...                         "results": 2})
    >>> crit = {"criterion": [{"id": "results", "name": "Resultat", "weight": 1}]}
    >>> r = pe.salary_review(data, ratings=ratings, criteria=crit, pot_pct=3.0, guarantee=300,
    ...                      whatif=False)
    >>> bool(((r.units["pot"] - r.units["total_raises"]).between(0, 1 - 1e-9)).all())
    True
    >>> int(r.table["raise"].min()) >= 300
    True
    """
    data = data if isinstance(data, PayData) else PayData.from_frame(data)
    if (pot_pct is None) == (pot_per_head is None):
        raise ConfigError("set review.pot_pct or review.pot_per_head (one of them) for the pot")
    if proposals is None and (ratings is None or criteria is None):
        raise ConfigError(
            "the review needs review.criteria and review.ratings, or review.proposals (the "
            "managers' proposed salaries)"
        )
    if not 0 <= action_plan_share <= 1:
        raise ConfigError(f"action_plan_share = {action_plan_share}; give a share from 0 to 1")
    crit = load_criteria(criteria) if criteria is not None else None
    mx = _matrix(matrix, crit)
    f = data.frame
    warnings: list[str] = []
    t = pd.DataFrame(index=f.index)
    t["unit"] = _pot_units(f, pot_unit, data.unit_column)
    t["data_unit"] = f[data.unit_column].astype(str)
    for c in ("employee_id", "job_code", "gender"):
        t[c] = f[c].astype(str)
    t["fte"] = f["fte"].astype(float) if "fte" in f else 1.0
    t["manager"] = _managers(f, data.unit_column)
    t["eligible"], t["reason"] = _eligibility(f, crit)
    if (t["manager"] == "").any():
        warnings.append(
            f"{int((t['manager'] == '').sum())} employments have no manager "
            "(manager_id, or a manager in the unit); their rows go to no-manager"
        )
    rated = _rate(t, f, ratings, crit, warnings)
    t["base_salary"] = f["base_salary"].astype(float)
    t["compa_ratio"] = t["base_salary"] / f.groupby("job_code")["base_salary"].transform("median")
    t["cr_band"] = [mx.band(cr) for cr in t["compa_ratio"]]
    levels = t["rating_level"].fillna(0).astype(int)  # <NA> only for people not taking part
    t["multiplier"] = [
        mx.multiplier(lv, b) if e and lv else 0.0
        for lv, b, e in zip(levels, t["cr_band"], t["eligible"], strict=True)
    ]
    units = _pots(t, pot_pct, pot_per_head)
    t["plan_adjustment"], t["plan_need"] = 0, 0.0
    if action_plan is not None and len(action_plan) and action_plan_share > 0:
        _overlay(t, units, action_plan, action_plan_share, warnings, effective_date)
    else:
        units["plan_reserve"], units["plan_adjustments"] = 0.0, 0.0
    notes: dict[Any, list[str]] = {i: [] for i in t.index}
    if proposals is None:
        t["merit_raise"] = _merit(t, units, guarantee, cap, notes)
    else:
        t["merit_raise"] = _manual(t, f, proposals, guarantee, cap, notes)
    t["raise"] = t["plan_adjustment"] + t["merit_raise"]
    t["raise_pct"] = 100 * t["raise"] / t["base_salary"]
    t["new_base_salary"] = t["base_salary"] + t["raise"]
    t["cost"] = t["raise"] * t["fte"]
    for i in t.index:
        if not t.at[i, "eligible"]:
            notes[i].insert(0, "not_eligible")
        elif t.at[i, "rated"] != "all" and crit is not None:
            notes[i].insert(0, "not_rated" if t.at[i, "rated"] == "none" else "partly_rated")
        if t.at[i, "plan_adjustment"]:
            notes[i].append("plan")
        if t.at[i, "raise"] < 0:
            notes[i].append("decrease")
    t["notes"] = [";".join(notes[i]) for i in t.index]
    table = pd.concat([t[REVIEW_COLUMNS], rated], axis=1).reset_index(drop=True)
    units = _summarise(table, units)
    return _check(
        table,
        units,
        data,
        crit,
        mx,
        warnings,
        evaluation,
        explanations,
        survey_options,
        whatif,
        {
            "mode": "matrix" if proposals is None else "proposals",
            "pot_unit": pot_unit,
            "pot_pct": pot_pct,
            "pot_per_head": pot_per_head,
            "guarantee": guarantee,
            "cap": cap,
            "action_plan_share": action_plan_share,
            "effective_date": effective_date,
        },
    )


def _check(
    table: pd.DataFrame,
    units: pd.DataFrame,
    data: PayData,
    crit: Criteria | None,
    mx: MeritMatrix,
    warnings: list[str],
    evaluation: Any,
    explanations: Any,
    survey_options: Mapping[str, Any] | None,
    whatif: bool,
    settings: dict[str, Any],
) -> ReviewResult:
    part = table[table["eligible"] | (table["raise"] != 0)]
    # the manager's merit decision is what may be biased; the plan's equity adjustments are not
    merit = part.assign(
        raise_=part["merit_raise"], raise_pct=100 * part["merit_raise"] / part["base_salary"]
    )
    merit = merit.drop(columns="raise").rename(columns={"raise_": "raise"})
    after = checks.apply_raises(
        data, pd.Series(table["new_base_salary"].to_numpy(), index=data.frame.index)
    )
    gender = checks.gender_raises(merit)
    levels = crit.levels if crit is not None else sorted(mx.multipliers)
    ratings = checks.rating_distribution(part, levels) if crit is not None else pd.DataFrame()
    regression, model = checks.raise_regression(merit)
    spread = checks.spread(
        data.frame, after.frame, pd.Series(table["unit"].to_numpy(), index=data.frame.index)
    )
    changes = (
        _whatif(data, after, evaluation, explanations, survey_options)
        if whatif
        else pd.DataFrame(columns=checks.WHATIF_COLUMNS)
    )
    flags = checks.flags(merit, units, gender, regression, changes)
    counts = flags.groupby("unit").size()
    units["n_flags"] = units["unit"].map(counts).fillna(0).astype(int)
    return ReviewResult(
        table,
        units,
        gender,
        ratings,
        regression,
        spread,
        changes,
        flags,
        warnings,
        data,
        crit,
        mx,
        settings,
        model,
        after,
    )

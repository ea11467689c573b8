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

import numpy as np
import pandas as pd

from .._summary import Summary
from ..exceptions import ConfigError, SchemaError
from ..io import PayData
from . import _checks as checks
from ._criteria import Criteria, level_of, load_criteria, load_ratings, overall_rating, read_toml
from ._merit import MeritMatrix, PotError, distribute
from ._proposals import load_proposals

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

REVIEW_COLUMNS = [
    "unit",
    "employee_id",
    "job_code",
    "gender",
    "fte",
    "manager",
    "eligible",
    "reason",
    "rating",
    "rating_level",
    "rated",
    "compa_ratio",
    "cr_band",
    "multiplier",
    "base_salary",
    "plan_adjustment",
    "merit_raise",
    "raise",
    "raise_pct",
    "new_base_salary",
    "cost",
    "notes",
]
SUMMARY_COLUMNS = [
    "unit",
    "pot",
    "total_raises",
    "n_employees",
    "n_eligible",
    "n_rated",
    "payroll",
    "pot_pct",
    "plan_reserve",
    "plan_adjustments",
    "merit_pot",
    "remainder",
    "mean_raise_pct_women",
    "mean_raise_pct_men",
    "n_flags",
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
    t["plan_adjustment"] = 0
    if action_plan is not None and len(action_plan) and action_plan_share > 0:
        _overlay(t, units, action_plan, action_plan_share, warnings)
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


def _matrix(matrix: Any, crit: Criteria | None) -> MeritMatrix:
    if isinstance(matrix, MeritMatrix):
        return matrix
    if matrix is None:
        return (
            crit.matrix if crit is not None and crit.matrix is not None else MeritMatrix.default()
        )
    if isinstance(matrix, Mapping):
        return MeritMatrix.from_mapping(matrix, "matrix")
    if str(matrix) == "default":
        return MeritMatrix.default()
    path = Path(matrix)
    spec = read_toml(path, "review.matrix")
    return MeritMatrix.from_mapping(spec.get("matrix", spec), str(path))


def _pot_units(f: pd.DataFrame, pot_unit: str, unit_column: str) -> pd.Series:
    if pot_unit == "unit":
        return f[unit_column].astype(str)
    if pot_unit == "organisation":
        return pd.Series("", index=f.index)
    if pot_unit not in f.columns:
        raise ConfigError(
            f"pot_unit = {pot_unit!r} is no column of the pay data; use unit, organisation or a "
            "mapped column"
        )
    return f[pot_unit].fillna("").astype(str)


def _managers(f: pd.DataFrame, unit_column: str) -> pd.Series:
    """manager_id, else the unit's manager (someone else in the unit with is_manager)."""
    own = (
        f["manager_id"].fillna("").astype(str)
        if "manager_id" in f
        else pd.Series("", index=f.index)
    )
    if "is_manager" not in f:
        return own
    heads = f[f["is_manager"].fillna(False).astype(bool)].sort_values("employee_id")
    by_unit = heads.groupby(unit_column)["employee_id"].apply(list).to_dict()
    out = own.copy()
    for i in own.index[own == ""]:
        others = [m for m in by_unit.get(f.at[i, unit_column], []) if m != f.at[i, "employee_id"]]
        out[i] = str(others[0]) if others else ""
    return out


def _eligibility(f: pd.DataFrame, crit: Criteria | None) -> tuple[pd.Series, pd.Series]:
    eligible = pd.Series(True, index=f.index)
    reason = pd.Series("", index=f.index)
    for column, allowed in crit.eligibility.items() if crit else []:
        if column not in f.columns:
            raise SchemaError(
                f"{crit.source}: [eligibility] names {column!r}, which the pay data lacks; map it "
                "in [data.columns] or remove the rule"
            )
        values = f[column].fillna("").astype(str)
        out = ~values.isin(allowed)
        reason = reason.where(~(out & eligible), column + " = " + values)
        eligible &= ~out
    return eligible, reason


def _rate(
    t: pd.DataFrame, f: pd.DataFrame, ratings: Any, crit: Criteria | None, warnings: list[str]
) -> pd.DataFrame:
    """Fill rating, rating_level and rated; return the ``rating_<id>`` columns."""
    if crit is None or ratings is None:
        t["rating"], t["rated"] = np.nan, "none"
        t["rating_level"] = pd.array([pd.NA] * len(t), dtype="Int64")
        return pd.DataFrame(index=t.index)
    r, w = load_ratings(ratings, crit)
    warnings += w
    unknown = sorted(set(r["employee_id"]) - set(t["employee_id"]))
    if unknown:
        warnings.append(
            f"{len(unknown)} rated employees are not in the pay data (first: "
            f"{', '.join(unknown[:3])}); their ratings are not used"
        )
    per = t[["employee_id"]].merge(r, on="employee_id", how="left").set_axis(t.index)
    manager = (
        f["is_manager"].fillna(False).astype(bool).to_numpy()
        if "is_manager" in f
        else np.zeros(len(f), bool)
    )
    t["rating"], t["rated"] = overall_rating(per, manager, crit)
    for c in crit.criteria:
        wrong = per[c.id].notna().to_numpy() & np.array([not c.applies(bool(m)) for m in manager])
        if wrong.any():
            who = "managers" if c.applies_to == "staff" else "staff who are not managers"
            warnings.append(
                f"{int(wrong.sum())} {who} are rated on {c.id!r}, which applies to "
                f"{c.applies_to} only; those ratings are not used"
            )
    levels = [level_of(s, crit) if s == s else crit.expected for s in t["rating"]]
    t["rating_level"] = pd.Series(levels, index=t.index, dtype="Int64").where(t["eligible"], pd.NA)
    none = int((t["eligible"] & (t["rated"] == "none")).sum())
    if none:
        warnings.append(
            f"{none} people taking part are not rated; they get the expected level "
            f"{crit.expected} ({crit.label(crit.expected, 'en')})"
        )
    return per[crit.ids].add_prefix("rating_")


def _pots(t: pd.DataFrame, pot_pct: float | None, pot_per_head: float | None) -> pd.DataFrame:
    e = t[t["eligible"]]
    g = e.assign(pay=e["base_salary"] * e["fte"]).groupby("unit")
    units = pd.DataFrame({"unit": sorted(t["unit"].unique())}).set_index("unit")
    units["payroll"] = g["pay"].sum()
    units["fte"] = g["fte"].sum()
    units = units.fillna(0.0)
    if pot_pct is not None:
        units["pot"] = units["payroll"] * pot_pct / 100
    else:
        units["pot"] = units["fte"] * pot_per_head
    units["pot_pct"] = np.where(
        units["payroll"] > 0,
        100 * units["pot"] / units["payroll"].where(units["payroll"] > 0, 1),
        np.nan,
    )
    return units


def _overlay(
    t: pd.DataFrame, units: pd.DataFrame, plan: pd.DataFrame, share: float, warnings: list[str]
) -> None:
    """Plan adjustments of the plan's first year, paid from the reserve of each pot."""
    steps = plan[plan["year"] == plan["year"].min()]
    need = pd.Series(0.0, index=t.index)
    for _, m in steps.iterrows():
        eid, job = str(m.get("employee_id", "") or ""), str(m.get("job_code", "") or "")
        if eid and eid != "nan":
            hit = t["employee_id"] == eid
            hit &= (t["job_code"] == job) if job and job != "nan" else True
        else:
            hit = t["job_code"] == job
            unit = str(m.get("unit", "") or "")
            if unit and unit != "nan":
                hit &= t["unit"] == unit  # a unit's measure; "" = the whole organisation
        need[hit] += float(m["adjustment_monthly"])
    units["plan_reserve"] = units["pot"] * share
    cost = (need * t["fte"]).groupby(t["unit"]).sum().reindex(units.index, fill_value=0.0)
    scale = np.minimum(1.0, units["plan_reserve"] / cost.where(cost > 0, np.inf))
    short = cost[cost > units["plan_reserve"] + 1e-9]
    for unit, c in short.items():
        warnings.append(
            f"the action plan needs {c:,.0f} kr a month in {unit or 'the organisation'} "
            f"but the reserve is {units.at[unit, 'plan_reserve']:,.0f} kr: adjustments "
            "are scaled down; the rest is left for the next review"
        )
    adj = np.floor(need * t["unit"].map(scale).fillna(1.0) + 1e-9).astype(np.int64)
    t["plan_adjustment"] = adj
    units["plan_adjustments"] = (
        (adj * t["fte"]).groupby(t["unit"]).sum().reindex(units.index, fill_value=0.0)
    )


def _merit(
    t: pd.DataFrame,
    units: pd.DataFrame,
    guarantee: float,
    cap: float | None,
    notes: dict[Any, list[str]],
) -> pd.Series:
    out = pd.Series(0, index=t.index, dtype=np.int64)
    units["merit_pot"] = units["pot"] - units["plan_adjustments"]
    for unit, rows in t[t["eligible"]].groupby("unit"):
        payroll = units.at[unit, "payroll"]
        pct = units.at[unit, "merit_pot"] / payroll if payroll else 0.0
        raw = pct * rows["multiplier"].to_numpy() * rows["base_salary"].to_numpy()
        where = f"unit {unit}" if unit else "the organisation"
        out[rows.index] = distribute(
            raw,
            rows["fte"].to_numpy(),
            units.at[unit, "merit_pot"],
            guarantee=guarantee,
            cap=cap,
            where=where,
        )
        for i in rows.index:
            if (
                guarantee
                and out[i] <= np.ceil(guarantee - 1e-9)
                and raw[rows.index.get_loc(i)] < guarantee
            ):
                notes[i].append("guarantee")
            if cap is not None and out[i] >= np.floor(cap + 1e-9):
                notes[i].append("capped")
    return out


def _manual(
    t: pd.DataFrame,
    f: pd.DataFrame,
    proposals: Any,
    guarantee: float,
    cap: float | None,
    notes: dict[Any, list[str]],
) -> pd.Series:
    raises = load_proposals(proposals, f)
    merit = raises.fillna(0.0) - t["plan_adjustment"]  # the plan's adjustment is part of a proposal
    for i in t.index:
        if raises[i] != raises[i] and t.at[i, "eligible"]:
            notes[i].append("no_proposal")
        if merit[i] < 0 and t.at[i, "plan_adjustment"] > 0:
            notes[i].append("below_plan")  # the proposal undoes an equity adjustment
        elif t.at[i, "eligible"] and raises[i] == raises[i] and merit[i] < guarantee:
            notes[i].append("below_guarantee")
        if t.at[i, "eligible"] and cap is not None and merit[i] > cap:
            notes[i].append("above_cap")
    return merit.astype(float)


def _summarise(table: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    g = table.groupby("unit")
    units = units.copy()
    units["total_raises"] = g["cost"].sum()
    units["n_employees"] = g["employee_id"].nunique()
    units["n_eligible"] = table[table["eligible"]].groupby("unit")["employee_id"].nunique()
    units["n_rated"] = (
        table[table["eligible"] & (table["rated"] != "none")]
        .groupby("unit")["employee_id"]
        .nunique()
    )
    if "merit_pot" not in units:
        units["merit_pot"] = units["pot"] - units["plan_adjustments"]
    units["remainder"] = units["pot"] - units["total_raises"]
    e = table[table["eligible"]]
    for gender, col in (("F", "mean_raise_pct_women"), ("M", "mean_raise_pct_men")):
        units[col] = e[e["gender"] == gender].groupby("unit")["raise_pct"].mean()
    units["n_flags"] = 0
    units = units.reset_index()
    for c in ("n_employees", "n_eligible", "n_rated"):
        units[c] = units[c].fillna(0).astype(int)
    return units[SUMMARY_COLUMNS]


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


def _whatif(
    before: PayData,
    after: PayData,
    evaluation: Any,
    explanations: Any,
    options: Mapping[str, Any] | None,
) -> pd.DataFrame:
    from ..survey import equal_value, equal_work

    kw = {"pay": ["base_salary", "monthly_pay"], **dict(options or {})}
    results = {}
    for stage, d in (("before", before), ("after", after)):
        ew = [equal_work(d, **kw), *equal_work(d, by="unit", **kw).values()]
        ev = []
        if evaluation is not None:
            vkw = {"pay": kw["pay"], "gap_threshold": kw.get("gap_threshold", 0.02)}
            ev = [
                equal_value(d, evaluation, **vkw),
                *equal_value(d, evaluation, by="unit", **vkw).values(),
            ]
        results[stage] = {"equal_work": ew, "equal_value": ev}
    statuses = None
    if explanations is not None:
        from ..actions import assess

        a = assess(
            results["after"]["equal_work"], results["after"]["equal_value"] or None, explanations
        )
        statuses = dict(zip(a.table["item_key"], a.table["status"], strict=True))
    return checks.whatif(results["before"], results["after"], statuses)

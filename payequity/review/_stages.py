"""The stages of :func:`salary_review`: who takes part, ratings, pots, the plan's reserve,
merit or manual raises, the summary per unit, the gender check and the what-if survey."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..exceptions import ConfigError, SchemaError
from ..io import PayData
from . import _checks as checks
from ._criteria import Criteria, level_of, load_ratings, overall_rating, read_toml
from ._merit import MeritMatrix, distribute
from ._proposals import load_proposals

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
    "plan_need",
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
    if crit is not None and len(f) and not eligible.any():
        rules = "; ".join(f"{c} in {list(v)}" for c, v in crit.eligibility.items())
        raise ConfigError(
            f"{crit.source}: [eligibility] ({rules}) leaves nobody in the pay data taking part; "
            "widen the rules or check the values of those columns"
        )
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


def plan_steps(plan: pd.DataFrame, effective_date: Any = None) -> pd.DataFrame:
    """The plan's steps this review pays: those taking effect at the review's effective date
    when the plan is dated (``effective_date``), else the plan's first year."""
    if effective_date is not None and "effective_date" in plan.columns:
        return plan[plan["effective_date"].astype(str) == str(effective_date)]
    return plan[plan["year"] == plan["year"].min()]


def _overlay(
    t: pd.DataFrame,
    units: pd.DataFrame,
    plan: pd.DataFrame,
    share: float,
    warnings: list[str],
    effective_date: Any = None,
) -> None:
    """Plan adjustments of the steps taking effect at this review, paid from each pot's
    reserve."""
    steps = plan_steps(plan, effective_date)
    if steps.empty and len(plan):
        dates = ", ".join(sorted(set(plan.get("effective_date", plan["year"]).astype(str))))
        warnings.append(
            f"no step of the action plan takes effect at this review ({effective_date}); the "
            f"plan's steps take effect on {dates}: the reserve goes to individual pay setting"
        )
    need = pd.Series(0.0, index=t.index)
    for _, m in steps.iterrows():
        eid, job = str(m.get("employee_id", "") or ""), str(m.get("job_code", "") or "")
        if eid and eid != "nan":
            hit = t["employee_id"] == eid
            hit &= (t["job_code"] == job) if job and job != "nan" else True
        else:
            hit = t["job_code"] == job
            unit = str(m.get("unit", "") or "")
            if unit and unit != "nan":  # a unit's measure, on the data's units, not the pots'
                hit &= t.get("data_unit", t["unit"]) == unit
        need[hit] += float(m["adjustment_monthly"])
    units["plan_reserve"] = units["pot"] * share
    cost = (need * t["fte"]).groupby(t["unit"]).sum().reindex(units.index, fill_value=0.0)
    units["plan_need"] = cost
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
    t["plan_need"] = need  # the plan's whole adjustment, before the reserve scales it down
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

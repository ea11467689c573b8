"""The result objects as a manager or public edition's documents may read them.

The documents of an aggregate audience read the suppressed data files (``run.tables``), and the
result objects behind their charts and sentences are rebuilt on those tables: each ``.table``
is the suppressed one, person-level frames (the people behind equal work, the plan's person
rows, the lifts, the Oaxaca draws) are emptied. What stays whole are organisation-wide scalars
(the raw and adjusted gap, the plan's totals) — aggregates of the whole organisation.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pandas as pd

from ..config import SurveyConfig
from ..io import PayData
from ..privacy import AudienceTables, aggregate_tables, complement, job_counts

__all__ = ["aggregate_view", "audience_results", "suppression_facts"]


def aggregate_view(
    cfg: SurveyConfig, data: PayData, tables: dict[str, pd.DataFrame], org_gap: dict[str, Any]
) -> AudienceTables:
    """The data files as the manager and public editions get them — and as the employee's
    letters and statements quote them, so those reveal nothing the public edition does not."""
    return aggregate_tables(
        tables,
        org_gap,
        counts=job_counts(data.frame, data.unit_column),
        min_cell=int(cfg.privacy.min_cell),
        language=str(cfg.survey.language),
        categories=str(cfg.analysis.categories),
    )


def _rows(table: pd.DataFrame, unit: str) -> pd.DataFrame:
    return table[table["unit"].fillna("").astype(str) == unit].reset_index(drop=True)


def audience_results(results: Any, agg: AudienceTables) -> Any:
    """``results`` (a ``SurveyResults``) rebuilt on the suppressed tables of ``agg``."""
    t = agg.tables
    work, value = t["equal_work"], t.get("equal_value")

    def ew(r: Any, unit: str) -> Any:
        return replace(r, table=_rows(work, unit), people=r.people.iloc[0:0], models={})

    def ev(r: Any, unit: str) -> Any:
        return r if r is None or value is None else replace(r, table=_rows(value, unit))

    by_unit = {u: ew(r, u) for u, r in results.equal_work_by_unit.items()}
    skipped = getattr(results.equal_work_by_unit, "skipped", None)
    changes: dict[str, Any] = {
        "equal_work": ew(results.equal_work, ""),
        "equal_work_by_unit": by_unit
        if skipped is None
        else type(results.equal_work_by_unit)(by_unit, {u: why for u, why in skipped.items()}),
        "equal_value": ev(results.equal_value, ""),
        "equal_value_by_unit": {u: ev(r, u) for u, r in results.equal_value_by_unit.items()},
        "eu": replace(results.eu, table=t["eu_indicators"]),
    }
    og = results.org_gap
    if og.oaxaca is not None and agg.org_gap.get("oaxaca"):
        terms = pd.DataFrame(agg.org_gap["oaxaca"]["table"])
        oax = replace(og.oaxaca, table=terms, draws=None, coef=og.oaxaca.coef.iloc[0:0])
        changes["org_gap"] = replace(og, oaxaca=oax)
    plan = results.action_plan
    person = plan.measures.get("kind", pd.Series(dtype=str)).astype(str) == "person"
    changes["action_plan"] = replace(
        plan,
        table=t["action_plan"],
        measures=plan.measures[~person.to_numpy()].reset_index(drop=True)
        if len(plan.measures)
        else plan.measures,
    )
    if results.follow_up is not None and "follow_up" in t:
        changes["follow_up"] = replace(results.follow_up, table=t["follow_up"])
    if results.art10 is not None and "art10" in t:
        changes["art10"] = replace(results.art10, table=t["art10"])
    changes["remediation"] = None  # left out of these editions (privacy.DERIVED_FILES)
    changes["explanations"] = replace(
        results.explanations, table=t["explanations"], lifts=results.explanations.lifts.iloc[0:0]
    )
    return replace(results, **changes)


def suppression_facts(
    cfg: Any,
    agg: AudienceTables,
    scope: str | None,
    plan: pd.DataFrame,
    follow_up: pd.DataFrame | None = None,
) -> dict[str, Any]:
    """What the manifest says of the suppression: the rule, cells per table, rows left out, and
    the measures shown without amounts, as aggregates (``plan``: the hr plan table).

    ``hidden_measures``: the measures this edition shows no amounts for, organisation-wide —
    ``persons`` (every person measure: people raised individually) and ``small_groups`` (group
    measures of groups too small to show), each with people and measures, and ``total`` of
    both, with the yearly cost too — in all, ``by_year`` and ``by_unit``. A cost only where at
    least ``min_cell`` people stand behind it (one person's cost is their raise), and units' and
    years' costs complemented so the total gives no small one's back. ``person_follow_up``: last year's
    person measures by status (``follow_up``: the hr follow-up table), counts only.
    """
    k = int(cfg.privacy.min_cell)
    shown = agg.tables.get("action_plan", pd.DataFrame(columns=["measure_id", "cost_yearly"]))
    small = set(shown.loc[shown["cost_yearly"].isna(), "measure_id"].astype(str))
    ids = plan["employee_id"].fillna("").astype(str)
    hidden = plan[(ids != "") | plan["measure_id"].astype(str).isin(small)].copy()
    # a person counts once; a small group measure counts its people
    hidden["who"] = hidden["employee_id"].fillna("").astype(str)
    group = hidden["who"] == ""
    hidden.loc[group, "who"] = hidden.loc[group, "measure_id"].astype(str)
    hidden["unit"] = hidden["unit"].fillna("").astype(str)

    def total(rows: pd.DataFrame) -> dict[str, Any]:
        first = rows.drop_duplicates("who")
        n = int(pd.to_numeric(first["n_people"], errors="coerce").fillna(1).sum())
        cost = float(rows["cost_yearly"].sum()) if n >= k else None
        return {"n_people": n, "n_measures": int(rows["measure_id"].nunique()), "cost_yearly": cost}

    def parts(rows: pd.DataFrame) -> dict[str, Any]:
        out = {
            "persons": total(rows[~rows["who"].isin(small)]),
            "small_groups": total(rows[rows["who"].isin(small)]),
            "total": total(rows),
        }
        # only the total's cost: with a part's, the total less it would give the other part
        for p in ("persons", "small_groups"):
            out[p]["cost_yearly"] = None
        return out

    by_unit = {u: parts(r) for u, r in hidden.groupby("unit", sort=True)}
    whole = parts(hidden)
    by_year = {str(y): parts(r) for y, r in hidden.groupby("year", sort=True)}
    # the years add up to the total as the units do
    _complement_units({y: v["total"] for y, v in by_year.items()}, whole["total"], k)
    _complement_units({u: v["total"] for u, v in by_unit.items()}, whole["total"], k)
    statuses: dict[str, int] = {}
    if follow_up is not None and len(follow_up):
        fu = follow_up[follow_up["measure_id"].astype(str).str.contains("-person-", regex=False)]
        statuses = {str(s): int(n) for s, n in fu["status"].value_counts().sort_index().items()}
    return {
        "min_cell": k,
        "unit": scope,
        "person_follow_up": statuses,
        "cells": agg.counts(),
        "rows_left_out": {name: int(v) for name, v in sorted(agg.dropped.items()) if v},
        "files_left_out": ["exclusions.csv", "people.csv", "remediation_curve.csv"],
        "hidden_measures": whole
        | {
            "by_year": by_year,
            "by_unit": by_unit,
        },
    }


def _complement_units(by_unit: dict[str, dict], whole: dict[str, Any], k: int) -> None:
    """Hide more units' costs so the total minus the shown ones gives no small unit's back."""
    if whole["cost_yearly"] is None or len(by_unit) < 2:
        return
    rows = [{"unit": "", "n": whole["n_people"], "cost": whole["cost_yearly"]}]
    rows += [{"unit": u, "n": v["n_people"], "cost": v["cost_yearly"]} for u, v in by_unit.items()]
    frame = pd.DataFrame(rows).assign(key=0)

    def hide(i: object, column: str, reason: str) -> None:
        frame.at[i, "cost"] = None
        u = str(frame.at[i, "unit"])
        if u:
            by_unit[u]["cost_yearly"] = None
        else:
            whole["cost_yearly"] = None

    complement(frame, "cost", "n", ["key"], k, hide)

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

from ..privacy import AudienceTables

__all__ = ["audience_results", "suppression_facts"]


def _rows(table: pd.DataFrame, unit: str) -> pd.DataFrame:
    return table[table["unit"].fillna("").astype(str) == unit].reset_index(drop=True)


def audience_results(results: Any, agg: AudienceTables, scope: str | None) -> Any:
    """``results`` (a ``SurveyResults``) rebuilt on the suppressed tables of ``agg``."""
    t = agg.tables
    work, value = t["equal_work"], t.get("equal_value")

    def ew(r: Any, unit: str) -> Any:
        return replace(r, table=_rows(work, unit), people=r.people.iloc[0:0], models={})

    def ev(r: Any, unit: str) -> Any:
        return r if r is None or value is None else replace(r, table=_rows(value, unit))

    def keep(u: str) -> bool:
        return scope is None or u == scope

    by_unit = {u: ew(r, u) for u, r in results.equal_work_by_unit.items() if keep(u)}
    skipped = getattr(results.equal_work_by_unit, "skipped", None)
    changes: dict[str, Any] = {
        "equal_work": ew(results.equal_work, ""),
        "equal_work_by_unit": by_unit
        if skipped is None
        else type(results.equal_work_by_unit)(
            by_unit, {u: why for u, why in skipped.items() if keep(u)}
        ),
        "equal_value": ev(results.equal_value, ""),
        "equal_value_by_unit": {
            u: ev(r, u) for u, r in results.equal_value_by_unit.items() if keep(u)
        },
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
    changes["explanations"] = replace(
        results.explanations, table=t["explanations"], lifts=results.explanations.lifts.iloc[0:0]
    )
    return replace(results, **changes)


def suppression_facts(cfg: Any, agg: AudienceTables, scope: str | None) -> dict[str, Any]:
    """What the manifest says of the suppression: the rule, cells per table, rows left out."""
    return {
        "min_cell": int(cfg.privacy.min_cell),
        "unit": scope,
        "cells": agg.counts(),
        "rows_left_out": {k: int(v) for k, v in sorted(agg.dropped.items()) if v},
        "files_left_out": ["exclusions.csv", "people.csv"],
    }

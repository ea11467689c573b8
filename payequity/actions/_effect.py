"""What the plan leaves: each comparison's gap after every measure is paid in full, on the basis
its flag used (the adjusted gap, refitted, where the regression flagged it; the raw gap
otherwise), so a reader sees whether the plan closes what it was made for."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..survey import adjusted_gap, frame_and_unit
from ._realised import covered_positions

if TYPE_CHECKING:
    from ._explain import Assessment
    from ._plan import ActionPlan

__all__ = ["gaps_after"]

AFTER_COLUMNS = ["item_kind", "item_key", "gap_after_pct", "basis"]


def _raised(frame: pd.DataFrame, plan: ActionPlan) -> np.ndarray:
    """Kronor a month each employment gains when the whole plan is paid: each measure's
    adjustment on the people it covers, as the follow-up reads them."""
    lift = np.zeros(len(frame))
    m = plan.measures.set_index("measure_id")
    for mid, pos in covered_positions(m, frame, "the pay data").items():
        lift[pos] += float(m.at[mid, "adjustment_total"])
    return lift


def gaps_after(
    assessment: Assessment, plan: ActionPlan, data: Any, work: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Each flagged comparison's gap once the plan is paid (``gap_after_pct``, same sign and
    scale as the item's gap: equal work 100·(women − men)/men, adjusted where the regression
    flagged it; equal value the female-dominated job against the comparator). ``work``: the
    equal-work tables (organisation and units; ``flag_rule`` and ``controls`` tell the basis);
    without it every gap is raw.

    Examples
    --------
    >>> import payequity as pe
    >>> from payequity.actions import action_plan, assess
    >>> data = pe.datasets.generate(600, seed=1)
    >>> items = assess(pe.equal_work(data))
    >>> after = gaps_after(items, action_plan(items, data, year=2026), data)
    >>> list(after.columns)
    ['item_kind', 'item_key', 'gap_after_pct', 'basis']
    """
    frame, unit_col = frame_and_unit(data)
    t = assessment.table
    items = t[t["item_kind"].isin(["equal_work", "equal_value"]) & t["flagged"].astype(bool)]
    if items.empty:
        return pd.DataFrame(columns=AFTER_COLUMNS)
    lift = _raised(frame, plan)
    basis: dict[tuple[str, str, str], str | None] = {}
    if work is not None and len(work):
        for w in work.itertuples():
            if str(w.flag_rule) == "regression":
                key = ("" if pd.isna(w.unit) else str(w.unit), str(w.work_group), w.pay_measure)
                basis[key] = "" if pd.isna(w.controls) else str(w.controls)
    after = frame.copy()
    for pay in ("base_salary", "monthly_pay"):
        if pay in after:
            after[pay] = after[pay].astype(float) + lift
    rows = []
    # split once: a boolean filter of the whole frame per item cost seconds on large employers
    units = dict(tuple(after.groupby(after[unit_col].astype(str), sort=False)))
    for r in items.itertuples():
        scope = after if r.unit == "" else units.get(r.unit, after.iloc[:0])
        if r.item_kind == "equal_work":
            controls = basis.get((r.unit, str(r.group), r.pay_measure))
            gap, how = _work_gap(scope, str(r.group), r.pay_measure, controls)
        else:
            fd = scope.loc[scope["job_code"].astype(str) == str(r.group), r.pay_measure]
            cmp = scope.loc[scope["job_code"].astype(str) == str(r.comparator), r.pay_measure]
            gap, how = 100 * (fd.mean() / cmp.mean() - 1), "raw"
        rows.append([r.item_kind, r.item_key, float(gap), how])
    return pd.DataFrame(rows, columns=AFTER_COLUMNS)


def _work_gap(scope: pd.DataFrame, group: str, pay: str, controls: str | None) -> tuple[float, str]:
    """The raw gap, or (``controls`` not None: the regression flagged it) the adjusted one."""
    g = scope[scope["work_group"].astype(str) == group]
    women, men = g.loc[g["gender"] == "F", pay], g.loc[g["gender"] == "M", pay]
    if controls is None:
        raw = 100 * (women.mean() / men.mean() - 1) if len(women) and len(men) else np.nan
        return float(raw), "raw"
    fit = adjusted_gap(g, pay=pay, controls=[c for c in controls.split() if c])
    return float(fit.gap_pct), "adjusted"

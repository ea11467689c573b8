"""How much of the action plan's first step the salary review's reserve pays (DL 3:10 asks for
the corrections to be funded; ``review.action_plan_share`` sets the reserve)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..exceptions import ConfigError
from ..io import PayData
from ._criteria import load_criteria
from ._stages import _eligibility, _overlay, _pot_units, _pots

__all__ = ["plan_funding"]

FUNDING_COLUMNS = ["unit", "pot", "plan_reserve", "plan_need", "plan_paid", "shortfall"]


def plan_funding(
    data: PayData | pd.DataFrame,
    action_plan: pd.DataFrame,
    *,
    share: float,
    pot_pct: float | None = None,
    pot_per_head: float | None = None,
    pot_unit: str = "unit",
    criteria: Any = None,
    effective_date: Any = None,
) -> pd.DataFrame:
    """The review's reserve against the plan's first step, per pot, in kronor a month.

    The same pots and reserve :func:`salary_review` uses: ``pot`` (``pot_pct`` % of Σ
    base_salary·fte of those taking part, or ``pot_per_head``·Σ fte), ``plan_reserve`` (``share``
    of it), ``plan_need`` (Σ adjustment·fte of the steps taking effect at the review's
    ``effective_date``, else of the plan's first year), ``plan_paid`` (what
    the review pays: the need, scaled down to the reserve and rounded down per person) and
    ``shortfall`` (need − paid, left for a later review).

    Examples
    --------
    >>> import pandas as pd
    >>> import payequity as pe
    >>> data = pe.datasets.generate(300, seed=1)
    >>> plan = pd.DataFrame({"employee_id": [str(data.frame["employee_id"].iloc[0])],
    ...     "job_code": [str(data.frame["job_code"].iloc[0])], "unit": [""], "year": [2027],
    ...     "adjustment_monthly": [10_000_000.0]})
    >>> f = plan_funding(data, plan, share=0.25, pot_pct=3.0, pot_unit="organisation")
    >>> bool(f["shortfall"].iloc[0] > 0)
    True
    """
    if (pot_pct is None) == (pot_per_head is None):
        raise ConfigError("set review.pot_pct or review.pot_per_head (one of them) for the pot")
    if not 0 <= share <= 1:
        raise ConfigError(f"action_plan_share = {share}; give a share from 0 to 1")
    data = data if isinstance(data, PayData) else PayData.from_frame(data)
    f = data.frame
    crit = load_criteria(criteria) if criteria is not None else None
    t = pd.DataFrame(index=f.index)
    t["unit"] = _pot_units(f, pot_unit, data.unit_column)
    t["data_unit"] = f[data.unit_column].astype(str)
    for c in ("employee_id", "job_code"):
        t[c] = f[c].astype(str)
    t["fte"] = f["fte"].astype(float) if "fte" in f else 1.0
    t["base_salary"] = f["base_salary"].astype(float)
    t["eligible"], _ = _eligibility(f, crit)
    units = _pots(t, pot_pct, pot_per_head)
    if action_plan is None or action_plan.empty:
        units["plan_reserve"] = units["pot"] * share
        units["plan_need"] = units["plan_adjustments"] = 0.0
    else:  # the need stands whatever the share: only the reserve depends on it
        _overlay(t, units, action_plan, share, [], effective_date)
    out = units.reset_index()
    out["plan_paid"] = out["plan_adjustments"]
    out["shortfall"] = (out["plan_need"] - out["plan_paid"]).clip(lower=0.0)
    return out[FUNDING_COLUMNS]

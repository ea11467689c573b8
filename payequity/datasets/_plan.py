"""Realising last year's action plan in the generated next year (``datasets.generate(previous=,
plan=, realise=)``): the people a measure covers get exactly the general raise the follow-up
measures plus the paid share of the steps due by the year's reference date (1 September), so
the follow-up sees done / partly / not_done."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from ..exceptions import InsufficientDataError, ParameterError

__all__ = ["_apply_plan", "_realise_plan"]


def _realise_plan(
    plan: Any, realise: Mapping[str, float] | None, year: int
) -> tuple[pd.DataFrame, dict[str, float]]:
    """Last year's plan as one row per measure and each measure's fraction paid; a measure
    ``realise`` leaves out is paid in full. What is due is what the follow-up of ``year`` finds
    due: the steps effective by the generated year's reference date, 1 September of ``year``
    (a plan without ``effective_date``: the steps of ``year − 1``)."""
    from ..actions import check_plan_years, plan_frame, plan_measures

    p, name = plan_frame(plan)
    check_plan_years(p, name, year)
    measures = plan_measures(p, year, None, reference_date=date(year, 9, 1))
    fractions = dict.fromkeys(measures.index.astype(str), 1.0)
    for mid, frac in (realise or {}).items():
        if str(mid) not in fractions:
            raise ParameterError(
                f"realise names measure {mid!r}, which is not in the plan; use values of the "
                "plan's measure_id column"
            )
        if isinstance(frac, bool) or not isinstance(frac, int | float) or not 0 <= frac <= 1:
            raise ParameterError(
                f"realise[{mid!r}] must be a fraction in [0, 1], got {frac!r}; give the share "
                "of the step paid (1 = all, 0 = none)"
            )
        fractions[str(mid)] = float(frac)
    return measures, fractions


def _apply_plan(
    f: pd.DataFrame,
    old: np.ndarray,
    stay: np.ndarray,
    measures: pd.DataFrame,
    fractions: dict[str, float],
) -> None:
    """Give the people the plan covers who stay exactly the general raise the follow-up
    measures (median raise in the job among stayers without a measure, else the
    organisation's) plus the paid fraction of each covering measure's due kronor (a person
    under a person measure and a group measure gets both); in place, no random draws."""
    from ..actions import covered_positions, general_raises

    covered = covered_positions(measures, f, "previous frame")
    is_covered = np.zeros(len(f), dtype=bool)
    extra = np.zeros(len(f))
    for mid, pos in covered.items():
        is_covered[pos] = True
        extra[pos] += fractions[mid] * float(measures.loc[mid, "planned_kr"])
    new = f["base_salary"].to_numpy(dtype=float).copy()
    change = np.where(stay, new / old - 1.0, np.nan)
    jobs = f["job_code"].to_numpy()
    by_job, org = general_raises(jobs, change, ~is_covered)
    lift = stay & is_covered
    if lift.any() and not np.isfinite(org):
        raise InsufficientDataError(
            "nobody in the previous frame stays without a measure, so the general raise "
            "(measured on those people) is undefined; realise a plan that covers fewer people "
            "or generate from a larger previous year"
        )
    raise_ = np.array([by_job.get(j, org) for j in jobs[lift]])
    new[lift] = np.floor(old[lift] * (1.0 + raise_) + extra[lift] + 0.5)
    f["base_salary"] = new

"""The measures of the action plan, before they are scheduled: who is lifted, to what level.

* ``person``: one person lifted to the target level of an equal-work item (the largest lift when
  several items name the same person), in whole kronor of full-time base salary (the target:
  see :mod:`payequity.actions._explain`). When nobody of the lower-paid gender is below the
  target, the item gets no measure and says so.
* ``equal_value``: the female-dominated job lifted for everyone in it. The target of each pair
  that needs action is the comparator's mean pay when the comparator's job value is no higher
  than the female-dominated job's; when it is higher, the pay line of the jobs that are not
  female-dominated (mean pay on job value, weighted by head count) at the female-dominated job's
  own value, never above the comparator's mean. The measure lifts to the highest pair target. An
  organisation-wide measure comes first; a unit's measure adds only what its own gap needs
  beyond that. Without a job evaluation the comparator's mean is the target.

Every item needing action that gets no measure is listed with the reason (``unmeasured``).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..exceptions import ConfigError

if TYPE_CHECKING:
    from ._explain import Assessment

#: Why an item that needs action has no measure of its own.
UNMEASURED_REASONS = {
    "no_one_below_target": (
        "ingen av det lägre betalda könet har lägre lön än målnivån (se metod); "
        "skillnaden behöver ändå en förklaring",
        "nobody of the lower-paid gender is paid below the target level (see methods); the "
        "difference still needs an explanation",
    ),
    "at_pay_line": (
        "yrket har redan minst den lön som yrken utan kvinnodominans har vid dess värde "
        "(lönelinjen); jämförelseyrket har högre värde",
        "the job already has at least the pay jobs without a female majority have at its value "
        "(the pay line); the comparator has a higher value",
    ),
    "covered_by_organisation": (
        "täcks av åtgärden för hela organisationen",
        "covered by the organisation-wide measure",
    ),
}
_REASON_ORDER = {"gender_related": 0, "unclear": 1, "unexplained": 2}
MEASURE_FIELDS = [
    "kind",
    "key",
    "job_code",
    "employee_id",
    "comparator_job",
    "unit",
    "item_keys",
    "n_people",
    "fte_total",
    "pay_before",
    "adjustment_total",
    "reason",
]


def _best_reason(statuses: Any) -> str:
    return min(statuses, key=lambda s: _REASON_ORDER.get(s, 9))


def person_measures(assessment: Assessment, frame: pd.DataFrame, unit_col: str) -> pd.DataFrame:
    """One measure per person and job: the largest lift any item asks for in that job."""
    lifts = assessment.lifts
    if lifts.empty:
        return pd.DataFrame(columns=MEASURE_FIELDS)
    t = assessment.table
    status = dict(zip(zip(t["item_kind"], t["item_key"], strict=True), t["status"], strict=True))
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
    people = people.astype({"employee_id": str, "work_group": str})
    best = best.astype({"employee_id": str, "work_group": str})
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
        reasons.append(_best_reason([own, *group]))
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


def pay_lines(evaluation: Any) -> dict[str, tuple[float, float]]:
    """Per pay measure, (intercept, slope) of the evaluation's pay line
    (:meth:`JobEvaluation.pay_line`); empty without an evaluation or a line."""
    out = {}
    for pay in ("base_salary", "monthly_pay"):
        fit = evaluation.pay_line(pay) if hasattr(evaluation, "pay_line") else None
        if fit is not None:
            out[pay] = (float(fit.params[0]), float(fit.params[1]))
    return out


def value_measures(
    assessment: Assessment,
    frame: pd.DataFrame,
    unit_col: str,
    evaluation: Any,
    unmeasured: list[dict],
) -> pd.DataFrame:
    """Group measures on female-dominated jobs (see the module docstring for the target)."""
    t = assessment.table
    act = t[(t["item_kind"] == "equal_value") & t["needs_action"].astype(bool)].copy()
    if act.empty:
        return pd.DataFrame(columns=MEASURE_FIELDS)
    lines = pay_lines(evaluation)
    points: dict[str, float] = {}
    if evaluation is not None and "points" in getattr(evaluation, "table", {}):
        ev = evaluation.table
        points = dict(zip(ev["job_code"].astype(str), ev["points"].astype(float), strict=True))
    rows, org = [], {}
    for unit in sorted(act["unit"].unique(), key=lambda u: (u != "", u)):  # organisation first
        scope = frame if unit == "" else frame[frame[unit_col].astype(str) == unit]
        here = act[act["unit"] == unit]
        for job, pairs in here.groupby("group", sort=True):
            in_job = scope[scope["job_code"].astype(str) == job]
            need = []
            for p in pairs.itertuples():
                fd_mean = float(in_job[p.pay_measure].mean())
                # comparator level = fd mean / (1 + gap), gap = (fd − cmp)/cmp on that measure
                cmp_mean = fd_mean / (1 + float(p.gap_pct) / 100)
                target = cmp_mean
                v_fd, v_cmp = points.get(str(job)), points.get(str(p.comparator))
                line = lines.get(p.pay_measure)
                if line and v_fd is not None and v_cmp is not None and v_cmp > v_fd:
                    target = min(cmp_mean, line[0] + line[1] * v_fd)
                need.append(target - fd_mean)
            need_s = pd.Series(need, index=pairs.index)
            i = int(np.argmax(need_s.to_numpy()))
            needed = float(need_s.iloc[i]) - (org.get(job, 0.0) if unit else 0.0)
            if needed <= 1e-9:
                why = "at_pay_line" if float(need_s.max()) <= 1e-9 else "covered_by_organisation"
                unmeasured += [
                    {"item_kind": "equal_value", "item_key": k, "reason": why}
                    for k in pairs["item_key"]
                ]
                continue
            adjustment = math.ceil(needed - 1e-9)
            if not unit:
                org[job] = adjustment
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
                    "reason": _best_reason(pairs["status"]),
                }
            )
    return pd.DataFrame(rows, columns=MEASURE_FIELDS)


def unmeasured_work(
    assessment: Assessment, measures: pd.DataFrame, unmeasured: list[dict]
) -> pd.DataFrame:
    """Every item needing action without a measure, with its reason."""
    t = assessment.table
    act = t[t["needs_action"].astype(bool) & (t["item_kind"] == "equal_work")]
    covered: set[str] = set()
    for keys in measures["item_keys"].astype(str):
        covered.update(keys.split(";"))
    rows = list(unmeasured)
    for k in act["item_key"]:
        if k not in covered:
            rows.append({"item_kind": "equal_work", "item_key": k, "reason": "no_one_below_target"})
    return pd.DataFrame(rows, columns=["item_kind", "item_key", "reason"])

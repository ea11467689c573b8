"""What an employee's pay-talk statement (lönesamtal) holds (DESIGN §5, §7).

For the yearly pay talk, the employee and their manager see: the employee's ratings against the
shared salary criteria with the criteria's text, their pay against the range of their job and of
their value band, the proposed raise when a salary review has been run, and the same Art. 7
averages as a letter (:mod:`._letters`). No other employee's pay: a range is a set of
percentiles over everyone in the job or band, the median only from 5 people and P10/P90 only from
21 (DESIGN §5), so a small job says so instead of a number; the averages come from the public
edition.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from .._pseudonym import pseudonym
from ..exceptions import ParameterError
from ._letters import Art7Figures, Employment, employments
from ._suppress import MIN_MEDIAN, MIN_PERCENTILE

ROUNDING = 100  # kronor: ranges are shown to the nearest hundred

__all__ = [
    "PayRange",
    "Proposal",
    "Rating",
    "Statement",
    "StatementJob",
    "pay_range",
    "statement_for",
]


@dataclass(frozen=True)
class PayRange:
    """Full-time monthly base pay across a job or a value band: P10, median, P90 to the nearest
    hundred (None where too few people stand behind the figure)."""

    kind: str  # "job" or "band"
    code: str
    n: int
    p10: float | None
    median: float | None
    p90: float | None


@dataclass(frozen=True)
class Rating:
    """One criterion's rating of the employee (``level`` None: not rated on it)."""

    criterion: Mapping[str, Any]  # id, name, name_en, description, description_en, weight
    level: float | None


@dataclass(frozen=True)
class Proposal:
    """The salary review's proposal for one employment (full-time kronor a month)."""

    eligible: bool
    reason: str
    raise_monthly: float
    raise_pct: float
    new_base_salary: float
    effective_date: str
    pot_pct: float | None = None  # the pot as a share of the pay bill, when set so


@dataclass(frozen=True)
class StatementJob:
    employment: Employment
    job_range: PayRange
    band_range: PayRange | None
    proposal: Proposal | None


@dataclass(frozen=True)
class Statement:
    """Everything a pay-talk statement says; :mod:`payequity.report` renders it.

    ``ratings`` is empty when no ratings are registered for the employee (``rated`` False);
    ``scale`` holds the rating scale (min, max, expected, labels, labels_en) when criteria exist.
    """

    employee_id: str
    pseudonym: str
    gender: str
    jobs: tuple[StatementJob, ...]
    ratings: tuple[Rating, ...]
    rated: bool
    scale: Mapping[str, Any]
    criteria: tuple[Mapping[str, Any], ...]
    equal_value_basis: str
    band_width: float
    min_cell: int


def pay_range(values: pd.Series, kind: str, code: str) -> PayRange:
    """P10, median and P90 of ``values`` with DESIGN §5's minimum counts, rounded to the
    nearest hundred: a median of an odd number of people is one of them's pay, so the range
    is shown as an indication, never as anyone's exact pay.

    Examples
    --------
    >>> r = pay_range(pd.Series([30010.0, 31020, 32030, 33040, 34050]), "job", "1")
    >>> r.n, r.median, r.p10
    (5, 32000.0, None)
    """
    v = pd.to_numeric(values, errors="coerce").dropna()
    n = len(v)
    median = _hundred(v.median()) if n >= MIN_MEDIAN else None
    wide = n >= MIN_PERCENTILE
    p10 = _hundred(v.quantile(0.10)) if wide else None
    p90 = _hundred(v.quantile(0.90)) if wide else None
    return PayRange(kind, str(code), n, p10, median, p90)


def _hundred(x: float) -> float:
    return float(ROUNDING * round(float(x) / ROUNDING))


def statement_for(
    employee_id: str,
    frame: pd.DataFrame,
    figures: Art7Figures,
    categories: pd.Series,
    *,
    key: str,
    ratings: pd.DataFrame | None = None,
    criteria: Any = None,
    review: pd.DataFrame | None = None,
    effective_date: str = "",
    pot_pct: float | None = None,
    band_width: float = 120,
    min_cell: int = 5,
    unit_column: str = "unit",
) -> Statement:
    """The pay-talk statement of one employee.

    Parameters
    ----------
    ratings : DataFrame, optional
        ``employee_id`` and one column per criterion id (``review.load_ratings``).
    criteria : Criteria, optional
        The catalogue (``review.load_criteria``).
    review : DataFrame, optional
        The salary review's table (``ReviewResult.table``): the proposal per employment.
    """
    jobs = employments(employee_id, frame, figures, categories, unit_column)
    if not jobs:
        raise ParameterError(f"employee {employee_id!r} is not in the pay data")
    out = []
    for job in jobs:
        p = job.pay
        in_job = frame["job_code"].astype(str) == p.job_code
        band = None
        if p.category is not None:
            band = pay_range(frame.loc[categories == p.category, "base_salary"], "band", p.category)
        out.append(
            StatementJob(
                job,
                pay_range(frame.loc[in_job, "base_salary"], "job", p.job_code),
                band,
                _proposal(review, employee_id, p.job_code, effective_date, pot_pct),
            )
        )
    records = tuple(criteria.as_records()) if criteria is not None else ()
    found: tuple[Rating, ...] = ()
    if ratings is not None and criteria is not None:
        mine = ratings[ratings["employee_id"].astype(str) == str(employee_id)]
        if len(mine):
            row = mine.iloc[0]
            found = tuple(
                Rating(c, float(row[c["id"]]) if pd.notna(row.get(c["id"])) else None)
                for c in records
            )
    scale: dict[str, Any] = {}
    if criteria is not None:
        scale = {
            "min": criteria.scale_min,
            "max": criteria.scale_max,
            "expected": criteria.expected,
            "labels": list(criteria.labels),
            "labels_en": list(criteria.labels_en),
        }
    gender = str(frame.loc[frame["employee_id"].astype(str) == str(employee_id), "gender"].iloc[0])
    return Statement(
        employee_id=str(employee_id),
        pseudonym=pseudonym(str(employee_id), key),
        gender=gender,
        jobs=tuple(out),
        ratings=found,
        rated=any(r.level is not None for r in found),
        scale=scale,
        criteria=records,
        equal_value_basis=figures.basis,
        band_width=float(band_width),
        min_cell=int(min_cell),
    )


def _proposal(
    review: pd.DataFrame | None,
    employee_id: str,
    job_code: str,
    effective_date: str,
    pot_pct: float | None,
) -> Proposal | None:
    if review is None or not len(review):
        return None
    t = review[
        (review["employee_id"].astype(str) == str(employee_id))
        & (review["job_code"].astype(str) == str(job_code))
    ]
    if not len(t):
        return None
    r = t.iloc[0]
    return Proposal(
        eligible=bool(r["eligible"]),
        reason=str(r.get("reason", "") or ""),
        raise_monthly=float(r["raise"]),
        raise_pct=float(r["raise_pct"]),
        new_base_salary=float(r["new_base_salary"]),
        effective_date=str(effective_date),
        pot_pct=pot_pct,
    )

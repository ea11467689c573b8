"""When each measure of the action plan is paid: at pay reviews after the survey, within three
years (DL 3:10), as early as the yearly budget allows.

A step takes effect at a pay review: the first at ``first_date`` (never on or before the survey's
reference date; by default the 1 April after it), the next ones on the same day a year later.
Without a budget every measure is paid in full at the first review. With ``yearly_budget`` the
reviews are filled in order, earliest due year first, larger measures first, splitting a measure
across reviews in whole kronor; a budget too small to pay everything by its due year is refused
with the budget that would do.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable

import numpy as np

from ..exceptions import ConfigError

MAX_YEARS = 3  # DL 3:10: adjustments within three years


def first_review_date(
    reference_date: dt.date | None, first_date: dt.date | None, year: int
) -> dt.date:
    """The first pay review a step can take effect at (see the module docstring)."""
    if first_date is not None:
        if reference_date is not None and first_date <= reference_date:
            raise ConfigError(
                f"actions.first_date = {first_date} is not after the survey's reference date "
                f"{reference_date}; a correction takes effect at a pay review after the survey"
            )
        if first_date.year > year + MAX_YEARS:
            raise ConfigError(
                f"actions.first_date = {first_date} is more than {MAX_YEARS} years after the "
                f"survey year {year}; DL 3:10 allows at most three years"
            )
        return first_date
    if reference_date is None:
        return dt.date(year + 1, 4, 1)
    april = dt.date(reference_date.year, 4, 1)
    return april if april > reference_date else dt.date(reference_date.year + 1, 4, 1)


def review_date(first: dt.date, year: int) -> dt.date:
    """The pay review of ``year``: ``first``'s day and month (28 February for a 29th)."""
    try:
        return first.replace(year=year)
    except ValueError:
        return first.replace(year=year, day=28)


def schedule(
    total: np.ndarray,
    weight: np.ndarray,
    due: np.ndarray,
    start: int,
    budget: float | None,
    ids: list[str],
) -> dict[tuple[int, int], float]:
    """(measure index, year) → kronor a month, from ``start`` on; refused when the budget is too
    small to pay every measure by its due year."""
    due = np.maximum(due, start)
    steps = _greedy(total, weight, due, start, budget, ids)
    if steps is None:
        need = _minimum_budget(total, weight, due, start, ids)
        raise ConfigError(
            f"actions.yearly_budget = {budget:,.0f} kr is too small to pay every measure by its "
            f"due year (at most three years after it was first found); at least {need:,.0f} kr "
            "a year is needed".replace(",", " ")
        )
    return steps


def _greedy(
    total: np.ndarray,
    weight: np.ndarray,
    due: np.ndarray,
    start: int,
    budget: float | None,
    ids: list[str],
) -> dict[tuple[int, int], float] | None:
    if budget is None:
        return {(i, start): float(total[i]) for i in range(len(total)) if total[i] > 0}
    left = total.astype(float).copy()
    order = sorted(range(len(total)), key=lambda i: (due[i], -total[i] * weight[i], ids[i]))
    steps: dict[tuple[int, int], float] = {}
    for y in range(start, int(due.max()) + 1):
        room = float(budget)
        for i in order:
            if left[i] <= 0:
                continue
            kr = min(left[i], math.floor(room / weight[i] + 1e-9)) if weight[i] > 0 else left[i]
            if kr > 0:
                steps[(i, y)] = float(kr)
                left[i] -= kr
                room -= kr * weight[i]
        if np.any((left > 0) & (due <= y)):
            return None
    return steps


def _minimum_budget(
    total: np.ndarray, weight: np.ndarray, due: np.ndarray, start: int, ids: list[str]
) -> float:
    """The smallest whole-krona yearly budget the schedule can keep to (bisection)."""
    lo, hi = 0.0, float(np.sum(total * weight)) + 1.0
    while hi - lo > 1:
        mid = math.floor((lo + hi) / 2)
        if _greedy(total, weight, due, start, mid, ids) is None:
            lo = mid
        else:
            hi = mid
    return math.ceil(hi)


def unit_names(units: Iterable[str]) -> dict[str, str]:
    """Each unit's own name (the last part of its path), the whole path where names collide."""
    full = sorted({str(u) for u in units if str(u)})
    leaf = {u: u.rsplit("/", 1)[-1] for u in full}
    count = Counter(leaf.values())
    return {u: (name if count[name] == 1 else u) for u, name in leaf.items()}


def responsible_for(unit: str, default: str, language: str, names: dict[str, str]) -> str:
    """Who carries out a measure: the unit's manager for a unit's people and jobs, else
    ``default`` (``actions.responsible``)."""
    if not unit:
        return default
    name = names.get(str(unit), str(unit))
    return f"Enhetschef, {name}" if language == "sv" else f"Unit manager, {name}"

"""The salary review's files as each audience gets them (DESIGN §5, §7 ``review/``).

hr: every file, the managers' workbooks included. union: the same tables with keyed pseudonyms
for employee and manager ids; the payroll import (for the payroll system, with real ids) and
the managers' workbooks (each manager's working file) are left out. manager and public:
aggregates only — the unit summary, raises by gender, ratings by gender, the raise regression
and the pay spread — with small cells written empty; the per-person raises, the payroll
import, the workbooks, the flags (free text naming groups' figures) and the what-if of each
comparison (its gaps follow the survey's own suppression) are left out.

Rules for the aggregates: a gender's figures from ``min_cell`` people (median from 5), with
complementary suppression of the mean raise over units-vs-organisation and jobs-vs-unit; a
rating distribution only for a group of ``min_cell``; the regression where both genders have
``min_cell``; the spread's median from 5 and P10/P90 from 21 people; a unit's pay bill, pot and
raises from ``min_cell`` people, complemented so the sum over units gives no small unit's back.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from .._pseudonym import pseudonym
from ..review import GENDER_COLUMNS
from ._audiences import sees_people
from ._suppress import MIN_MEDIAN, MIN_PERCENTILE, cell_blanker, complement

__all__ = ["REVIEW_AGGREGATES", "review_tables"]

# the review files a manager or public edition gets
REVIEW_AGGREGATES = ("summary", "gender", "ratings_by_gender", "regression", "spread")
# a gender's figures in ``gender.csv``: the columns after its head count
_GENDER_FIGURES = GENDER_COLUMNS[GENDER_COLUMNS.index("n") + 1 :]
_POT = [
    "pot",
    "total_raises",
    "payroll",
    "plan_reserve",
    "plan_adjustments",
    "merit_pot",
    "remainder",
]


def review_tables(
    tables: dict[str, pd.DataFrame],
    audience: str,
    *,
    key: str | None = None,
    ids: set[str] | None = None,
    min_cell: int = 5,
) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """The review's tables (by file stem) as ``audience`` may see them, and the suppressed cells
    (``table``, ``row``, ``column``, ``reason``).

    ``ids``: the employee and manager ids of the pay data (the union's pseudonyms replace them
    wherever they stand).

    Examples
    --------
    >>> t = {"regression": pd.DataFrame({"scope": ["unit"], "unit": ["A"], "n_women": [3],
    ...      "n_men": [9], "coef_female": [0.01]}), "raises": pd.DataFrame()}
    >>> out, cells = review_tables(t, "public")
    >>> sorted(out), out["regression"]["coef_female"].isna().tolist()
    (['regression'], [True])
    """
    cells: list[tuple[str, object, str, str]] = []
    frame = pd.DataFrame(columns=["table", "row", "column", "reason"])
    if audience == "hr":
        return dict(tables), frame
    if sees_people(audience):  # the union
        return _union(tables, key or "", ids or set()), frame
    out = {k: t.reset_index(drop=True).copy() for k, t in tables.items() if k in REVIEW_AGGREGATES}

    def blanker(name: str) -> Callable[[object, str, str], None]:
        return cell_blanker(out[name], name, cells)

    if "gender" in out:
        _gender(out["gender"], min_cell, blanker("gender"))
    if "ratings_by_gender" in out:
        _ratings(out["ratings_by_gender"], min_cell, blanker("ratings_by_gender"))
    if "regression" in out:
        t, blank = out["regression"], blanker("regression")
        for i in t.index:
            if min(float(t.at[i, "n_women"]), float(t.at[i, "n_men"])) < min_cell:
                for column in ("coef_female", "se", "p_value", "ci_low", "ci_high"):
                    blank(i, column, "small")
    if "spread" in out:
        t, blank = out["spread"], blanker("spread")
        n = pd.to_numeric(t["n"], errors="coerce").fillna(0)
        for i in t.index:
            if n[i] < MIN_MEDIAN:
                blank(i, "p50", "median")
            if n[i] < MIN_PERCENTILE:
                for column in ("p10", "p90", "p90_p10"):
                    blank(i, column, "percentile")
    if "summary" in out:
        _summary(out["summary"], out.get("gender"), min_cell, blanker("summary"))
    return out, pd.DataFrame(cells, columns=frame.columns)


_ID_COLUMNS = ("employee_id", "manager", "manager_id", "subject")


def _union(tables: dict[str, pd.DataFrame], key: str, ids: set[str]) -> dict[str, pd.DataFrame]:
    """Every table but the payroll import, each id in an id column (a flag's subject may be a
    person) as its pseudonym."""

    def hide(v: object) -> object:
        return pseudonym(str(v), key) if str(v) in ids else v

    out = {}
    for name, t in tables.items():
        if name == "payroll_import":
            continue
        t = t.copy()
        for column in t.columns:
            if column in _ID_COLUMNS:
                t[column] = t[column].map(hide)
        out[name] = t
    return out


def _gender(t: pd.DataFrame, k: int, blank: Callable) -> None:
    n = pd.to_numeric(t["n"], errors="coerce").fillna(0)
    for i in t.index[n < k]:
        for column in _GENDER_FIGURES:
            blank(i, column, "small")
    for i in t.index[n < MIN_MEDIAN]:
        for column in ("median_raise", "median_raise_pct"):
            blank(i, column, "median")
    # the mean raise: units add up to the organisation, a unit's jobs to the unit
    unit = t["unit"].fillna("").astype(str)
    scope = t["scope"].astype(str)
    levels = [
        (scope.isin(["organisation", "unit"]), unit.where(scope == "unit", ""), ["gender"]),
    ]
    for u in sorted(set(unit[scope == "job"])):
        rows = ((scope == "unit") | (scope == "job")) & (unit == u)
        cell = t["job_code"].fillna("").astype(str).where(scope == "job", "")
        levels.append((rows, cell, ["gender"]))
    for rows, cell, keys in levels:
        frame = pd.DataFrame(
            {"unit": cell[rows], "gender": t.loc[rows, "gender"], "n": n[rows]}, index=t.index[rows]
        )
        frame["value"] = t.loc[rows, "mean_raise"]

        def hide(i: object, column: str, reason: str, frame: pd.DataFrame = frame) -> None:
            frame.at[i, "value"] = np.nan
            for c in _GENDER_FIGURES:
                blank(i, c, reason)

        complement(frame, "value", "n", keys, k, hide)


def _ratings(t: pd.DataFrame, k: int, blank: Callable) -> None:
    """A group's rating distribution only from ``min_cell`` people: fewer, and the levels say
    each person's rating."""
    group = [t["scope"].astype(str), t["unit"].fillna("").astype(str), t["gender"].astype(str)]
    size = t.groupby(group)["n"].transform("sum")
    for i in t.index[size < k]:
        for column in ("n", "share"):
            blank(i, column, "small")


def _summary(t: pd.DataFrame, gender: pd.DataFrame | None, k: int, blank: Callable) -> None:
    n = pd.to_numeric(t["n_employees"], errors="coerce").fillna(0)
    for i in t.index[n < k]:
        for column in _POT:
            blank(i, column, "small")
    if gender is not None:  # a gender's mean raise in a unit: from min_cell people
        g = gender[gender["scope"].astype(str) == "unit"]
        count = {
            (str(u), str(s)): float(c)
            for u, s, c in zip(g["unit"], g["gender"], g["n"], strict=True)
        }
        for i in t.index:
            for code, column in (("F", "mean_raise_pct_women"), ("M", "mean_raise_pct_men")):
                if count.get((str(t.at[i, "unit"]), code), 0) < k:
                    blank(i, column, "small")
    # the units' pay bills add up to the organisation's, which the survey publishes
    frame = pd.DataFrame({"unit": t["unit"].astype(str), "n": n, "value": t["payroll"]})
    whole = pd.DataFrame(
        {"unit": [""], "n": [float(n.sum())], "value": [1.0]}, index=[len(t) + 10**6]
    )
    frame = pd.concat([frame, whole]).assign(key=0)

    def hide(i: object, column: str, reason: str) -> None:
        frame.at[i, "value"] = np.nan
        if i in t.index:
            for c in _POT:
                blank(i, c, reason)

    complement(frame, "value", "n", ["key"], k, hide)

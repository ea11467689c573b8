"""Small-cell suppression of the equal-work table for the manager and public audiences (DESIGN §5).

A gender's pay figures in a row are written empty when fewer than ``min_cell`` people of that
gender stand behind them, and so are the other gender's (DESIGN §5: a cell with fewer than
``min_cell`` of either gender): the action plan raises the few to the other gender's mean, so
that mean would be their pay after it. Medians need 5, P10 and P90 need 21, and the lowest and
highest pay are never shown to these audiences. A gap (women's pay against men's) is blank wherever either
gender's mean is, since the gap and one mean give the other back.

Complementary suppression: the organisation-wide row of a work group and pay measure is the
margin of that group's unit rows (n·mean of the organisation = the sum over its units, where every
unit has a row). A single suppressed unit cell could be recovered as the organisation's total
minus the published units, so more unit cells are suppressed (the smallest first) until the
suppressed ones together are at least two cells and ``min_cell`` people, or, when the units run
out, the organisation's cell goes too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..exceptions import ParameterError

__all__ = ["GAP_COLUMNS", "Suppression", "cell_blanker", "complement", "suppress_equal_work"]

GENDERS = ("women", "men")
MIN_MEDIAN = 5  # DESIGN §5: medians need n ≥ 5
MIN_PERCENTILE = 21  # P10/P90 need n ≥ 21
# a gap is one gender's mean against the other's: blank with either mean
GAP_COLUMNS = [
    "women_pct_of_men",
    "adjusted_gap_pct",
    "ci_low",
    "ci_high",
    "coef",
    "se",
    "min_detectable_gap_pct",
    "p_value",
    "p_adjusted",
]


@dataclass(frozen=True)
class Suppression:
    """The suppressed table and what was suppressed.

    Attributes
    ----------
    table : DataFrame
        The input with suppressed cells set to NaN.
    cells : DataFrame
        One row per suppressed cell: ``row`` (the table's index), ``column``, ``reason``
        (``small`` – fewer than min_cell of the gender; ``pair`` – fewer than min_cell of the
        other gender of the comparison; ``median``, ``percentile``, ``extreme`` –
        the statistic's own minimum, or never for min/max; ``gap`` – a gap whose mean is
        suppressed; ``complementary`` – suppressed so a margin does not give another cell back).
    """

    table: pd.DataFrame
    cells: pd.DataFrame

    @property
    def count(self) -> int:
        """Number of suppressed cells that held a value."""
        return len(self.cells)


def suppress_equal_work(table: pd.DataFrame, *, min_cell: int = 5) -> Suppression:
    """Suppress the small cells of an ``equal_work`` table (DESIGN §5).

    Parameters
    ----------
    table : DataFrame
        ``data/equal_work.csv``'s columns (``unit`` empty = organisation-wide); at least
        ``unit, work_group, pay_measure, n_women, n_men, mean_women, mean_men``.
    min_cell : int
        The fewest people of a gender behind a published figure (``privacy.min_cell``).

    Returns
    -------
    Suppression

    Examples
    --------
    >>> t = pd.DataFrame({"unit": ["", "A", "B"], "work_group": "1", "pay_measure": "base_salary",
    ...                   "n_women": [12, 2, 10], "n_men": [12, 6, 6],
    ...                   "mean_women": [30000.0, 31000.0, 29800.0],
    ...                   "mean_men": [32000.0, 32000.0, 32000.0]})
    >>> s = suppress_equal_work(t, min_cell=5)
    >>> s.table["mean_women"].tolist()
    [30000.0, nan, nan]
    >>> sorted(set(s.cells["reason"]))
    ['complementary', 'pair', 'small']
    """
    if min_cell < 1:
        raise ParameterError(f"min_cell={min_cell}: give a whole number of at least 1")
    missing = {"unit", "work_group", "pay_measure", "n_women", "n_men"} - set(table.columns)
    if missing:
        raise ParameterError(f"the equal-work table lacks {sorted(missing)}")
    out = table.copy()
    found: list[tuple[str, object, str, str]] = []
    blank = cell_blanker(out, "equal_work", found)

    counts = {g: pd.to_numeric(out[f"n_{g}"], errors="coerce").fillna(0) for g in GENDERS}
    for g, other in zip(GENDERS, reversed(GENDERS), strict=True):
        n = counts[g]
        for i in out.index[n < min_cell]:
            for stat in ("mean", "median", "p10", "p90", "min", "max"):
                blank(i, f"{stat}_{g}", "small")
        # a comparison with a small gender shows neither: the plan raises the few to the
        # other gender's mean, which would be their pay after it
        few = (counts[other] > 0) & (counts[other] < min_cell)
        for i in out.index[few]:
            for stat in ("mean", "median", "p10", "p90", "min", "max"):
                blank(i, f"{stat}_{g}", "pair")
        for i in out.index[n < MIN_MEDIAN]:
            blank(i, f"median_{g}", "median")
        for i in out.index[n < MIN_PERCENTILE]:
            blank(i, f"p10_{g}", "percentile")
            blank(i, f"p90_{g}", "percentile")
        for i in out.index:
            blank(i, f"min_{g}", "extreme")
            blank(i, f"max_{g}", "extreme")
    for g in GENDERS:
        if f"mean_{g}" in out.columns:
            complement(out, f"mean_{g}", f"n_{g}", ["work_group", "pay_measure"], min_cell, blank)
    for g in GENDERS:
        if f"mean_{g}" in out.columns:
            for i in out.index[out[f"mean_{g}"].isna()]:
                for column in GAP_COLUMNS:
                    blank(i, column, "gap")
    frame = pd.DataFrame([c[1:] for c in found], columns=["row", "column", "reason"])
    return Suppression(table=out, cells=frame)


def cell_blanker(
    frame: pd.DataFrame, name: str, cells: list[tuple[str, object, str, str]]
) -> Callable[[object, str, str], None]:
    """``blank(row, column, reason)``: write a cell of ``frame`` empty (in place) and record
    ``(name, row, column, reason)`` in ``cells``; a cell already empty, or a column the frame
    lacks, is left alone."""

    def blank(i: object, column: str, reason: str) -> None:
        if column in frame.columns and pd.notna(frame.at[i, column]):
            frame.at[i, column] = np.nan
            cells.append((name, i, column, reason))

    return blank


def complement(
    out: pd.DataFrame,
    value: str,
    count: str,
    keys: list[str],
    min_cell: int,
    blank: Callable[[object, str, str], None],
) -> None:
    """Suppress unit cells (smallest first), or the organisation's, until no margin gives a
    single suppressed cell back.

    ``out`` has a ``unit`` column (empty = the organisation, the margin of its units) and one
    row per ``keys`` and unit; ``value`` is a mean over ``count`` people, ``blank(row, column,
    reason)`` suppresses a cell.
    """
    unit = out["unit"].fillna("").astype(str).str.strip()
    for _, rows in out.groupby(keys, sort=False):
        org = rows.index[unit[rows.index] == ""]
        units = rows.index[unit[rows.index] != ""]
        if len(org) != 1 or len(units) == 0 or pd.isna(out.at[org[0], value]):
            continue
        size = pd.to_numeric(out.loc[units, count], errors="coerce").fillna(0)
        units = units[(size > 0).to_numpy()]  # a unit without the people hides nothing
        hidden = [i for i in units if pd.isna(out.at[i, value])]
        if not hidden:
            continue
        shown = sorted(
            (i for i in units if pd.notna(out.at[i, value])),
            key=lambda i: (float(out.at[i, count]), str(out.at[i, "unit"])),
        )
        people = float(sum(float(out.at[i, count]) for i in hidden))
        # people of the margin in no listed unit: their value is never published, so the
        # margin minus the shown units gives the hidden cells only together with theirs
        total = pd.to_numeric(out.at[org[0], count], errors="coerce")
        rest = float(total) - float(size.sum()) if pd.notna(total) else 0.0
        if rest >= 1:
            hidden = [*hidden, None]
            people += rest
        while (len(hidden) < 2 or people < min_cell) and shown:
            i = shown.pop(0)
            blank(i, value, "complementary")
            hidden.append(i)
            people += float(out.at[i, count])
        if len(hidden) < 2 or people < min_cell:
            blank(org[0], value, "complementary")

"""Standardvägning: women's pay as % of men's after direct standardisation (MI / SCB).

The method of Medlingsinstitutet and SCB as law-and-method.md §6 records it (SCB
Statistikdatabasen footnotes to tables LonStandVagdYrk4 and LE0201 Tema29; F-G1 in §7):
the mean pay of each sex is computed in every cell (a combination of, e.g., age group and
occupation), each sex's cell means are weighted by the **total number of employees, both
sexes, in the cell**, and women's standardised pay is expressed as a % of men's::

    std_s = Σ_c n_c · mean_{s,c} / Σ_c n_c      ratio = 100 · std_F / std_M
    unexplained gap = 100 − ratio

The unexplained gap is "oförklarad i statistisk mening" — **not a measure of discrimination**.
How the official statistics treat cells holding one sex only was not found (§6, unconfirmed);
here such cells are left out of the standardised figure and reported separately.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._summary import Summary
from .._validation import require_gender_codes
from ..exceptions import InsufficientDataError, SchemaError

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from ..io import PayData

__all__ = ["StandardizedResult", "age_groups", "standardized_ratio"]

CELL_COLUMNS = [
    "n_women",
    "n_men",
    "n",
    "mean_women",
    "mean_men",
    "women_pct_of_men",
    "both_sexes",
    "weight",
]
AGE_LABELS = ["–29", "30–39", "40–49", "50–"]


def age_groups(age: pd.Series) -> pd.Series:
    """The four age groups of the official statistics: –29, 30–39, 40–49, 50– (§6).

    An ordered categorical (so tables sort young to old); a missing age gives NaN.

    Examples
    --------
    >>> age_groups(pd.Series([29.0, 30, 39.9, 40, 50, None])).tolist()
    ['–29', '30–39', '30–39', '40–49', '50–', nan]
    """
    a = pd.to_numeric(age, errors="coerce")
    return pd.cut(a, [-np.inf, 30, 40, 50, np.inf], right=False, labels=AGE_LABELS)


@dataclass(frozen=True, repr=False)
class StandardizedResult:
    """Raw and standardised women's pay as % of men's, with the cells behind them.

    Attributes
    ----------
    table : DataFrame
        One row per cell: the cell columns, then ``n_women, n_men, n, mean_women, mean_men,
        women_pct_of_men, both_sexes, weight`` (``weight`` = n / Σ n over the cells with both
        sexes; NaN for one-sex cells, which the standardised figure leaves out).
    raw_ratio_pct : float
        100 · mean pay of women / mean pay of men, over every employee.
    standardized_ratio_pct : float
        100 · std_F / std_M over the cells with both sexes.
    unexplained_gap_pct : float
        100 − standardized_ratio_pct (positive when women earn less, as MI reports it).
    cells : tuple of str
    settings : dict
    """

    table: pd.DataFrame
    raw_ratio_pct: float
    standardized_ratio_pct: float
    unexplained_gap_pct: float
    cells: tuple[str, ...]
    settings: dict[str, Any] = field(default_factory=dict)
    model: Any = None

    @property
    def one_sex_cells(self) -> pd.DataFrame:
        """Cells holding only women or only men (not in the standardised figure)."""
        return self.table[~self.table["both_sexes"]]

    @property
    def n_cells_one_sex(self) -> int:
        return len(self.one_sex_cells)

    @property
    def n_one_sex(self) -> int:
        """Head count in the one-sex cells."""
        return int(self.one_sex_cells["n"].sum())

    @property
    def raw_gap_pct(self) -> float:
        """100 − raw_ratio_pct."""
        return 100 - self.raw_ratio_pct

    def summary(self) -> Summary:
        both = self.table[self.table["both_sexes"]]
        facts = [
            ("cells", " × ".join(self.cells) or "(none: everyone in one cell)"),
            ("pay", str(self.settings.get("pay"))),
            ("women's pay as % of men's, raw", _pct(self.raw_ratio_pct)),
            ("women's pay as % of men's, standardised", _pct(self.standardized_ratio_pct)),
            ("unexplained gap (100 − standardised)", _pct(self.unexplained_gap_pct)),
            ("cells with both sexes", f"{len(both)} ({int(both['n'].sum())} employees)"),
            ("one-sex cells (left out)", f"{self.n_cells_one_sex} ({self.n_one_sex} employees)"),
            ("note", "unexplained in a statistical sense, not a measure of discrimination"),
        ]
        if self.settings.get("n_missing_cell"):
            facts.append(
                (
                    "employees with a missing cell value (left out)",
                    str(self.settings["n_missing_cell"]),
                )
            )
        return Summary(
            "Standardised pay ratio (standardvägning, MI/SCB)",
            facts,
            [("One-sex cells", self.one_sex_cells), ("Cells", self.table)],
        )

    def _repr_html_(self) -> str:
        return self.summary()._repr_html_()

    def __repr__(self) -> str:
        return (
            f"<StandardizedResult raw {_pct(self.raw_ratio_pct)}, standardised "
            f"{_pct(self.standardized_ratio_pct)} over {len(self.table)} cells>"
        )

    def plot(self, ax: Axes | None = None, **kwargs: Any) -> Axes:
        """Raw against standardised (:func:`payequity.charts.plot_standardized`)."""
        from ..charts import plot_standardized

        return plot_standardized(self, ax=ax, **kwargs)


def _pct(v: float) -> str:
    return "–" if np.isnan(v) else f"{v:.1f} %"


def _ratio(w: float, m: float) -> float:
    return float(100 * w / m) if np.isfinite(w) and np.isfinite(m) and m != 0 else np.nan


def standardized_ratio(
    data: PayData | pd.DataFrame,
    *,
    cells: Sequence[str] | str = ("age_group", "job_code"),
    pay: str = "monthly_pay",
) -> StandardizedResult:
    """Women's pay as % of men's, raw and standardised by cell (standardvägning).

    Follows law-and-method.md §6 (Medlingsinstitutet/SCB direct standardisation; SCB
    Statistikdatabasen, LonStandVagdYrk4, LE0201 Tema29): cell means per sex, each weighted by
    the cell's total head count (both sexes), ``ratio = 100 · std_F / std_M``. See the module
    docstring. The result is not a measure of discrimination.

    Parameters
    ----------
    data : PayData or DataFrame
        ``gender`` (F/M), the pay column and the cell columns.
    cells : sequence of str
        Cell columns. ``"age_group"`` is derived from ``age`` (–29, 30–39, 40–49, 50–); any
        other column is used as it is. ``()`` puts everyone in one cell.
    pay : str
        The pay column; default ``monthly_pay`` (full-time monthly pay with fixed
        supplements; MI's concept also includes variable supplements).

    Returns
    -------
    StandardizedResult
        One-sex cells are reported (``one_sex_cells``, ``n_cells_one_sex``, ``n_one_sex``) and
        left out of the standardised figure; employees with a missing cell value likewise.

    Examples
    --------
    >>> df = pd.DataFrame({"gender": ["F", "F", "M", "F", "M", "M"],
    ...                    "job_code": ["a", "a", "a", "b", "b", "c"],
    ...                    "monthly_pay": [30000.0, 32000, 33000, 40000, 44000, 60000]})
    >>> res = standardized_ratio(df, cells=["job_code"])
    >>> round(res.raw_ratio_pct, 1), round(res.standardized_ratio_pct, 1), res.n_one_sex
    (74.5, 92.5, 1)
    """
    cells = (cells,) if isinstance(cells, str) else tuple(cells)
    frame = data.frame if hasattr(data, "frame") else data
    for col in ("gender", pay):
        if col not in frame.columns:
            raise SchemaError(f"standardized_ratio needs a {col!r} column in the pay data")
    require_gender_codes(frame)
    f = frame[["gender", pay]].copy()
    for c in cells:
        if c == "age_group" and "age" in frame.columns:
            f[c] = age_groups(frame["age"])
        elif c == "age_group" and c not in frame.columns:
            raise SchemaError(
                "cell 'age_group' is derived from an 'age' column, which the pay data lacks; "
                "add age (or birth_year with a reference date) or leave age_group out of cells"
            )
        elif c not in frame.columns:
            raise SchemaError(f"cell column {c!r} is not in the pay data")
        else:
            f[c] = frame[c]
    missing_pay = int(f[pay].isna().sum())
    if missing_pay:
        raise SchemaError(f"{pay!r} is missing in {missing_pay} rows; fill it in or drop the rows")
    female = f["gender"] == "F"
    if not female.any() or female.all():
        raise InsufficientDataError("standardized_ratio needs both women and men in the data")
    raw = _ratio(f.loc[female, pay].mean(), f.loc[~female, pay].mean())
    missing = f[list(cells)].isna().any(axis=1) if cells else pd.Series(False, index=f.index)
    g = f[~missing].assign(_key=0)
    keys = list(cells) or ["_key"]
    stats = g.groupby(keys + ["gender"], sort=True, observed=True)[pay].agg(["size", "mean"])
    table = stats.unstack("gender")
    table.columns = [f"{s}_{g}" for s, g in table.columns]
    for col in ("size_F", "size_M", "mean_F", "mean_M"):
        if col not in table.columns:
            table[col] = np.nan
    table = table.reset_index()
    out = table[list(cells)].copy()
    out["n_women"] = table["size_F"].fillna(0).astype(int)
    out["n_men"] = table["size_M"].fillna(0).astype(int)
    out["n"] = out["n_women"] + out["n_men"]
    out["mean_women"] = table["mean_F"].astype(float)
    out["mean_men"] = table["mean_M"].astype(float)
    out["women_pct_of_men"] = 100 * out["mean_women"] / out["mean_men"]
    out["both_sexes"] = (out["n_women"] > 0) & (out["n_men"] > 0)
    total = out.loc[out["both_sexes"], "n"].sum()
    out["weight"] = np.where(out["both_sexes"], out["n"] / total if total else np.nan, np.nan)
    both = out[out["both_sexes"]]
    std_f = float((both["weight"] * both["mean_women"]).sum()) if len(both) else np.nan
    std_m = float((both["weight"] * both["mean_men"]).sum()) if len(both) else np.nan
    ratio = _ratio(std_f, std_m)
    settings = {
        "pay": pay,
        "weights": "total head count of the cell (both sexes)",
        "n_missing_cell": int(missing.sum()),
        "standardized_women": std_f,
        "standardized_men": std_m,
    }
    return StandardizedResult(out.reset_index(drop=True), raw, ratio, 100 - ratio, cells, settings)

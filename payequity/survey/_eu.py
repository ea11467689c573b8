"""EU Pay Transparency Directive (EU) 2023/970, Article 9: the indicators (a)–(g).

Pay levels (DESIGN §5; Directive Art. 3(1)(b): gross annual and the corresponding gross hourly
pay), per employment::

    annual        = 12·fte·monthly_pay + variable_pay        component "all"
    annual basic  = 12·fte·base_salary                        component "basic"
    annual compl. = 12·fte·supplements + variable_pay         component "complementary"
    hourly (each) = annual (each) / (52·weekly_hours·fte)

Every gap uses the directive's sign and the men's denominator (Art. 3(1)(c), (e)):
``100·(men − women)/men``, positive when women earn less. Shares are percentages (0–100).

Which indicator on which pay level (the directive leaves it open; law-and-method.md §3.5):

* (a) mean and (c) median gap: annual and hourly, component "all";
* (b) mean and (d) median gap of complementary components: annual and hourly, among the
  workers who **receive** complementary components (as the UK bonus gap, reg. 2(1)); who
  receives them is (e), so (b) and (d) compare amounts, not incidence;
* (e) share of women and of men receiving complementary components (> 0): no pay level;
* (f) share of women and men in each quartile pay band: annual and hourly (the issue asks for
  both; hourly is the UK method and the one to read first, since annual pay ranks part-timers
  by their working time rather than their pay — ``quartiles`` holds the hourly bands);
* (g) mean gap per category of workers, by component basic, complementary (recipients, as (b))
  and all: annual and hourly.

Medians are computed per sex and then compared (F-D2); with an even count the median is the
mean of the two middle values. Annual pay is the full-year equivalent of the pay at the
reference date (12 monthly payments), so joiners and leavers are not pro-rated (F-D4 asks for a
reference period: a run on the reference date's pay is a snapshot).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._summary import Summary
from .._validation import require_gender_codes
from ..exceptions import (
    ConfigError,
    ParameterError,
    ParameterKeyError,
    ParameterTypeError,
    SchemaError,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from ..io import PayData
    from ..jobeval import JobEvaluation

__all__ = ["IndicatorResult", "eu_indicators", "pay_levels", "pay_quartiles"]

TABLE_COLUMNS = ["indicator", "category", "component", "pay_level", "gender", "quartile", "value"]
EXTRA_COLUMNS = ["n_women", "n_men", "pay_women", "pay_men"]
QUARTILE_COLUMNS = [
    "quartile",
    "n",
    "n_women",
    "n_men",
    "share_women_pct",
    "share_men_pct",
    "min_hourly",
    "max_hourly",
]
QUARTILE_TIES = ("uk_reg13", "sequential")
LEVELS = ("annual", "hourly")
COMPONENTS = ("basic", "complementary", "all")
TIE_DECIMALS = 6  # hourly rates equal to within 10⁻⁶ kr are the same rate
_DEFAULTS = {"fte": 1.0, "supplements": 0.0, "variable_pay": 0.0, "weekly_hours": 40.0}


def pay_levels(frame: pd.DataFrame) -> pd.DataFrame:
    """Annual and hourly pay by component: columns ``annual_basic`` … ``hourly_all``.

    Examples
    --------
    >>> f = pd.DataFrame({"fte": [0.5], "base_salary": [30000.0], "supplements": [1000.0],
    ...                   "monthly_pay": [31000.0], "variable_pay": [5200.0],
    ...                   "weekly_hours": [40.0]})
    >>> pay_levels(f).iloc[0].round(2).tolist()
    [180000.0, 11200.0, 191200.0, 173.08, 10.77, 183.85]
    """
    fte = frame["fte"].to_numpy(float)
    annual = {
        "basic": 12 * fte * frame["base_salary"].to_numpy(float),
        "complementary": 12 * fte * frame["supplements"].to_numpy(float)
        + frame["variable_pay"].to_numpy(float),
        "all": 12 * fte * frame["monthly_pay"].to_numpy(float)
        + frame["variable_pay"].to_numpy(float),
    }
    hours = 52 * frame["weekly_hours"].to_numpy(float) * fte
    out = {f"annual_{c}": v for c, v in annual.items()}
    out |= {f"hourly_{c}": v / hours for c, v in annual.items()}
    return pd.DataFrame(out, index=frame.index)


def pay_quartiles(
    hourly: np.ndarray, female: np.ndarray, ties: str = "uk_reg13", order: np.ndarray | None = None
) -> pd.DataFrame:
    """Women and men in each quartile pay band (Art. 3(1)(f); UK reg. 13).

    Workers are ranked by hourly pay, lowest first, and cut into four groups of equal head
    count; when n is not a multiple of 4 the leftover workers go to the lowest bands (sizes
    for n = 9, 10, 11: 3-2-2-2, 3-3-2-2, 3-3-3-2), the convention law-and-method.md §5 cites.

    ``ties="uk_reg13"`` (reg. 13, as law-and-method.md §5 states it: where people on the same
    hourly rate straddle a boundary, the male/female proportion at that rate is kept equal in
    each band). Reading: the seats the tied group fills in each band are taken by women and
    men in the group's own proportion, exactly, so head counts in a band may be fractional
    (a group of 1 woman and 2 men with one seat in band 1 puts 1/3 woman and 2/3 man there);
    the band sizes stay those of the equal split. Rates are ties when equal to 10⁻⁶ kr.
    ``ties="sequential"``: no tie rule; tied workers are ordered by ``order`` (e.g. employee
    id; default: input order), each counted whole in one band.

    Returns ``quartile`` (1 = lowest … 4), ``n``, ``n_women``, ``n_men``, ``share_women_pct``,
    ``share_men_pct``, ``min_hourly``, ``max_hourly``.

    Examples
    --------
    >>> q = pay_quartiles(np.array([1.0, 2, 2, 2, 5, 6, 7, 8]),
    ...                   np.array([0, 1, 0, 0, 1, 1, 0, 1], bool))
    >>> q["n_women"].round(3).tolist(), q["share_women_pct"].round(1).tolist()
    ([0.333, 0.667, 2.0, 1.0], [16.7, 33.3, 100.0, 50.0])
    """
    if ties not in QUARTILE_TIES:
        raise ParameterError(
            f"quartile_ties must be one of {list(QUARTILE_TIES)}, got {ties!r}; pass one of those"
        )
    hourly = np.asarray(hourly, float)
    female = np.asarray(female, bool)
    n = len(hourly)
    sizes = np.array([n // 4 + (q < n % 4) for q in range(4)])
    bounds = np.concatenate([[0], np.cumsum(sizes)])
    if ties == "uk_reg13":  # one group per distinct rate, ascending
        rate, inv = np.unique(np.round(hourly, TIE_DECIMALS), return_inverse=True)
        g_size = np.bincount(inv, minlength=len(rate)).astype(float)
        g_women = np.bincount(inv, weights=female.astype(float), minlength=len(rate))
    else:  # one group per worker, ties in the given order
        keys = pd.DataFrame(
            {
                "rate": np.round(hourly, TIE_DECIMALS),
                "order": np.arange(n) if order is None else np.asarray(order),
            }
        )
        idx = keys.sort_values(["rate", "order"], kind="stable").index.to_numpy()
        rate, g_size, g_women = hourly[idx], np.ones(n), female[idx].astype(float)
    hi = np.cumsum(g_size)
    lo = hi - g_size
    rows = []
    for q in range(4):
        seats = np.clip(np.minimum(hi, bounds[q + 1]) - np.maximum(lo, bounds[q]), 0, None)
        with np.errstate(invalid="ignore", divide="ignore"):
            women = float(np.sum(np.where(seats > 0, seats * g_women / g_size, 0.0)))
        size = int(sizes[q])
        inside = rate[seats > 0]
        rows.append(
            {
                "quartile": q + 1,
                "n": size,
                "n_women": women,
                "n_men": size - women,
                "share_women_pct": 100 * women / size if size else np.nan,
                "share_men_pct": 100 * (size - women) / size if size else np.nan,
                "min_hourly": float(inside.min()) if len(inside) else np.nan,
                "max_hourly": float(inside.max()) if len(inside) else np.nan,
            }
        )
    return pd.DataFrame(rows, columns=QUARTILE_COLUMNS)


def _gap(women: np.ndarray, men: np.ndarray, stat: str) -> tuple[float, float, float]:
    """(gap, women's statistic, men's statistic); NaN when a sex is absent."""
    f = getattr(np, stat)
    w = float(f(women)) if len(women) else np.nan
    m = float(f(men)) if len(men) else np.nan
    gap = 100 * (m - w) / m if len(women) and len(men) and m != 0 else np.nan
    return gap, w, m


@dataclass(frozen=True, repr=False)
class IndicatorResult:
    """The Article 9 indicators (a)–(g) in the long format of ``eu_indicators.csv``.

    Attributes
    ----------
    table : DataFrame
        ``indicator, category, component, pay_level, gender, quartile, value`` (DESIGN §7; empty
        strings where a field does not apply), then ``n_women, n_men`` (the head counts a row is
        computed from; fractional in (f) under the tie rule) and ``pay_women, pay_men`` (the
        means or medians a gap compares). ``value`` is a gap in % of men's pay or a share in %.
    quartiles : DataFrame
        The hourly pay quartiles: ``quartile, n, n_women, n_men, share_women_pct,
        share_men_pct, min_hourly, max_hourly``.
    settings : dict
        The choices used (categories, tie rule, median rule, complementary definition).
    reason : str
        Why some indicators are empty (a sex absent), else "".
    """

    table: pd.DataFrame
    quartiles: pd.DataFrame
    settings: dict[str, Any] = field(default_factory=dict)
    reason: str = ""
    model: Any = None

    def value(
        self,
        indicator: str,
        pay_level: str = "hourly",
        *,
        component: str | None = None,
        category: str = "",
        gender: str = "",
        quartile: str | int = "",
    ) -> float:
        """One value of the table, e.g. ``value("a", "annual")`` or ``value("e", gender="F")``."""
        t = self.table
        sel = (t["indicator"] == indicator) & (t["category"] == str(category))
        sel &= (t["gender"] == gender) & (t["quartile"] == str(quartile))
        if indicator not in ("e",):
            sel &= t["pay_level"] == pay_level
        if component is not None:
            sel &= t["component"] == component
        hits = t.loc[sel, "value"]
        if len(hits) != 1:
            raise ParameterKeyError(
                f"{len(hits)} rows match indicator {indicator!r} (pay_level={pay_level!r}, "
                f"component={component!r}, category={category!r}, gender={gender!r}, "
                f"quartile={quartile!r}); "
                + ("be more specific" if len(hits) else "pick values that occur in .table")
            )
        return float(hits.iloc[0])

    @property
    def mean_gap_pct(self) -> float:
        """(a) on hourly pay."""
        return self.value("a", "hourly")

    @property
    def median_gap_pct(self) -> float:
        """(c) on hourly pay."""
        return self.value("c", "hourly")

    def summary(self) -> Summary:
        s = self.settings
        facts = [("women / men", f"{s.get('n_women', 0)} / {s.get('n_men', 0)}")]
        names = {
            "a": "(a) mean gap",
            "b": "(b) mean gap, complementary (recipients)",
            "c": "(c) median gap",
            "d": "(d) median gap, complementary (recipients)",
        }
        for ind, label in names.items():
            a, h = (self.value(ind, lvl) for lvl in LEVELS)
            facts.append((f"{label}, annual / hourly", f"{_pct(a)} / {_pct(h)}"))
        facts.append(
            (
                "(e) receiving complementary, women / men",
                f"{_pct(self.value('e', gender='F'))} / {_pct(self.value('e', gender='M'))}",
            )
        )
        facts += [
            ("categories (g)", str(s.get("categories"))),
            ("quartile ties", str(s.get("quartile_ties"))),
            ("gap sign", "100·(men − women)/men; positive = women earn less"),
        ]
        if s.get("n_without_category"):
            facts.append(
                ("employees without a category (left out of g)", str(s["n_without_category"]))
            )
        if self.reason:
            facts.append(("note", self.reason))
        g = self.table[self.table["indicator"] == "g"]
        g = g.pivot_table(
            index="category",
            columns=["pay_level", "component"],
            values="value",
            sort=False,
            dropna=False,
        )
        g.columns = [f"{lvl}_{comp}_gap_pct" for lvl, comp in g.columns]
        g = g.round(1)
        quart = self.quartiles[["quartile", "n", "share_women_pct", "share_men_pct"]]
        return Summary(
            "EU pay transparency, Article 9 indicators",
            facts,
            [
                ("(f) hourly pay quartiles", quart),
                ("(g) mean gap by category of workers", g.reset_index()),
            ],
        )

    def _repr_html_(self) -> str:
        return self.summary()._repr_html_()

    def __repr__(self) -> str:
        return f"<IndicatorResult (a) hourly {_pct(self.mean_gap_pct)}, {len(self.table)} rows>"

    def plot(self, ax: Axes | None = None, **kwargs: Any) -> Axes:
        """Women and men per pay quartile (:func:`payequity.charts.plot_quartiles`)."""
        from ..charts import plot_quartiles

        return plot_quartiles(self, ax=ax, **kwargs)


def _pct(v: float) -> str:
    return "–" if np.isnan(v) else f"{v:.1f} %"


def _prepare(data: PayData | pd.DataFrame) -> pd.DataFrame:
    frame = data.frame if hasattr(data, "frame") else data
    for col in ("gender", "base_salary"):
        if col not in frame.columns:
            raise SchemaError(f"eu_indicators needs a {col!r} column; load data with load_pay_data")
    f = frame.copy()
    for col, default in _DEFAULTS.items():  # a column the data lacks takes its default;
        if col not in f.columns:  # a missing value in a column it has is an error below
            f[col] = default
    if "monthly_pay" not in f.columns:
        f["monthly_pay"] = f["base_salary"] + f["supplements"]
    require_gender_codes(f)
    need = ["fte", "base_salary", "monthly_pay", "weekly_hours"]
    bad = (f[need] <= 0).any(axis=1) | f[need].isna().any(axis=1)
    bad |= (f[["supplements", "variable_pay"]] < 0).any(axis=1)
    bad |= f[["supplements", "variable_pay"]].isna().any(axis=1)
    if bad.any():
        raise SchemaError(
            f"{int(bad.sum())} rows have fte, pay or weekly_hours ≤ 0, missing or negative "
            "components; load data with load_pay_data"
        )
    return f


def _categories(
    frame: pd.DataFrame, evaluation: JobEvaluation | None, categories: str
) -> pd.Series:
    if categories == "band":
        if evaluation is None:
            raise ConfigError(
                "categories='band' needs a job evaluation: pass evaluation= (job_evaluation.path "
                "in survey.toml) or name a data column as categories (analysis.categories)"
            )
        if "job_code" not in frame.columns:
            raise SchemaError("categories='band' needs a 'job_code' column in the pay data")
        t = evaluation.table
        bands = pd.Series(
            t["band"].astype(int).astype(str).to_numpy(), index=t["job_code"].astype(str).to_numpy()
        )
        return frame["job_code"].astype(str).map(bands)
    if categories not in frame.columns:
        raise SchemaError(
            f"categories column {categories!r} is not in the pay data; use 'band' (with "
            "evaluation=) or the name of a column"
        )
    col = frame[categories]
    return col.astype(str).where(col.notna())


def _sort_key(values: list[str]) -> list[str]:
    try:
        return sorted(values, key=float)
    except ValueError:
        return sorted(values)


def eu_indicators(
    data: PayData | pd.DataFrame,
    *,
    evaluation: JobEvaluation | None = None,
    categories: str | None = "band",
    quartile_ties: str = "uk_reg13",
) -> IndicatorResult:
    """The gender pay gap indicators of Article 9(1)(a)–(g) of Directive (EU) 2023/970.

    Definitions, pay levels and the choices the directive leaves open are in the module
    docstring (:mod:`payequity.survey._eu`): gaps are ``100·(men − women)/men``; complementary =
    ``supplements + variable_pay``; (b), (d) and the complementary part of (g) are among
    recipients; (f) is on hourly pay.

    Parameters
    ----------
    data : PayData or DataFrame
        Canonical pay data: ``gender`` (F/M), ``base_salary``, and where present ``fte``,
        ``supplements``, ``monthly_pay``, ``variable_pay``, ``weekly_hours`` (defaults 1, 0,
        base + supplements, 0, 40), ``job_code`` (for bands), ``employee_id``.
    evaluation : JobEvaluation, optional
        Required with ``categories="band"``: each job's equal-value band is its category.
    categories : str or None
        ``"band"``, or the name of a data column holding employer-defined categories of
        workers (Art. 3(1)(h)). Employees without a category are left out of (g) only.
        None: no categories of workers are defined, so (g) is not computed (and says so).
    quartile_ties : {"uk_reg13", "sequential"}
        The tie rule at quartile boundaries; see :func:`pay_quartiles`.

    Returns
    -------
    IndicatorResult

    Examples
    --------
    >>> df = pd.DataFrame({"gender": ["F", "F", "M", "M"], "grade": ["A", "A", "A", "B"],
    ...                    "base_salary": [30000.0, 34000, 36000, 40000],
    ...                    "supplements": [0.0, 1000, 2000, 0], "fte": [1.0, 0.5, 1, 1]})
    >>> res = eu_indicators(df, categories="grade")
    >>> round(res.value("a", "hourly"), 2), round(res.value("e", gender="F"), 1)
    (16.67, 50.0)
    >>> list(res.table.columns[:7])
    ['indicator', 'category', 'component', 'pay_level', 'gender', 'quartile', 'value']
    """
    if quartile_ties not in QUARTILE_TIES:
        raise ParameterError(
            f"quartile_ties must be one of {list(QUARTILE_TIES)}, got {quartile_ties!r}; pass "
            "one of those"
        )
    if categories is not None and not isinstance(categories, str):
        raise ParameterTypeError(
            f"categories must be 'band', a column name or None, got {categories!r}; pass one "
            "of those"
        )
    frame = _prepare(data)
    if categories is None:  # no categories of workers: (g) cannot be computed
        cat = pd.Series(np.nan, index=frame.index, dtype=object)
    else:
        cat = _categories(frame, evaluation, categories)
    levels = pay_levels(frame)
    female = (frame["gender"] == "F").to_numpy()
    receives = levels["annual_complementary"].to_numpy() > 0
    rows: list[dict[str, Any]] = []

    def gap_row(ind: str, mask: np.ndarray, col: str, stat: str, category: str = "") -> None:
        level, component = col.split("_")
        v = levels[col].to_numpy()
        w, m = v[mask & female], v[mask & ~female]
        gap, pw, pm = _gap(w, m, stat)
        rows.append(
            {
                "indicator": ind,
                "category": category,
                "component": component,
                "pay_level": level,
                "gender": "",
                "quartile": "",
                "value": gap,
                "n_women": len(w),
                "n_men": len(m),
                "pay_women": pw,
                "pay_men": pm,
            }
        )

    everyone = np.ones(len(frame), bool)
    for ind, stat in (("a", "mean"), ("b", "mean"), ("c", "median"), ("d", "median")):
        component = "all" if ind in "ac" else "complementary"
        for level in LEVELS:
            gap_row(ind, everyone if ind in "ac" else receives, f"{level}_{component}", stat)
    n_w, n_m = int(female.sum()), int((~female).sum())
    for g, sel, n in (("F", female, n_w), ("M", ~female, n_m)):
        rows.append(
            {
                "indicator": "e",
                "category": "",
                "component": "complementary",
                "pay_level": "",
                "gender": g,
                "quartile": "",
                "value": 100 * receives[sel].sum() / n if n else np.nan,
                "n_women": n_w,
                "n_men": n_m,
                "pay_women": np.nan,
                "pay_men": np.nan,
            }
        )
    order = frame["employee_id"].astype(str).to_numpy() if "employee_id" in frame else None
    quart = pay_quartiles(levels["hourly_all"].to_numpy(), female, quartile_ties, order)
    annual_q = pay_quartiles(levels["annual_all"].to_numpy(), female, quartile_ties, order)
    for level, table_q in (("annual", annual_q), ("hourly", quart)):
        for q in table_q.itertuples(index=False):
            for g, share in (("F", q.share_women_pct), ("M", q.share_men_pct)):
                rows.append(
                    {
                        "indicator": "f",
                        "category": "",
                        "component": "all",
                        "pay_level": level,
                        "gender": g,
                        "quartile": str(q.quartile),
                        "value": share,
                        "n_women": q.n_women,
                        "n_men": q.n_men,
                        "pay_women": np.nan,
                        "pay_men": np.nan,
                    }
                )
    has_cat = cat.notna().to_numpy()
    cat_values = cat.to_numpy()
    for c in _sort_key(list(cat.dropna().unique())):
        in_c = has_cat & (cat_values == c)
        for component in COMPONENTS:
            mask = in_c & receives if component == "complementary" else in_c
            for level in LEVELS:
                gap_row("g", mask, f"{level}_{component}", "mean", c)
    table = pd.DataFrame(rows, columns=TABLE_COLUMNS + EXTRA_COLUMNS)
    table["value"] = table["value"].astype(float)
    reason = "" if n_w and n_m else "the data do not hold both women and men; gaps are empty"
    if categories is None:
        reason = (reason + "; " if reason else "") + (
            "(g) not computed: no categories of workers (give a job evaluation or a column)"
        )
    settings = {
        "categories": categories,
        "quartile_ties": quartile_ties,
        "median": "mean of the two middle values when the count is even",
        "complementary": "supplements + variable_pay; (b), (d), (g) among recipients (> 0)",
        "quartile_pay": "annual and hourly (the quartiles attribute: hourly)",
        "annual_basis": "12 × the monthly pay at the reference date (not pro-rated)",
        "n_women": n_w,
        "n_men": n_m,
        "n_without_category": int((~has_cat).sum()),
    }
    return IndicatorResult(table, quart, settings, reason)

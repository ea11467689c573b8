"""Adjusted pay gaps: one OLS of (log) pay on a group indicator plus controls, and Logib.

:func:`adjusted_gap` follows DESIGN §5. :func:`logib` is the Swiss federal standard analysis
model (Logib Module 1) as the R package ``logib`` (GitHub admin-ebg/logib) computes it, with
its datalist reader and checks at the end of this module.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .._summary import Summary
from ..exceptions import InsufficientDataError, ParameterError, ParameterTypeError, SchemaError
from ._datalist import _prepare, _read_datalist

COV_TYPES = ("nonrobust", "HC0", "HC1", "HC2", "HC3")
TABLE_COLUMNS = ["term", "coef", "se", "t_value", "p_value", "ci_low", "ci_high"]
_Y, _X = "__pay__", "__other__"  # internal names of the response and the group indicator


@dataclass(frozen=True, eq=False, repr=False)
class GapResult:
    """An adjusted gap (DESIGN §5); ``gap_pct``, ``ci_low``, ``ci_high`` on a 0–100 scale.

    ``coef``, ``se``, ``t_value``, ``p_value`` (two-sided, t with ``df_resid``) belong to the
    indicator of ``other`` (the non-reference value of ``group``), on the model scale. ``table``
    has ``term, coef, se, t_value, p_value, ci_low, ci_high`` per term (model scale); a term
    collinear with earlier ones is dropped as R's ``lm`` does and shows NaN. ``model`` is the
    statsmodels result; ``kennedy`` says whether ``gap_pct`` is Kennedy-corrected.
    """

    coef: float
    se: float
    t_value: float
    p_value: float
    df_resid: float
    r_squared: float
    n: int
    gap_pct: float
    ci_low: float
    ci_high: float
    model: Any
    table: pd.DataFrame
    group: str
    reference: Any
    other: Any
    controls: tuple[str, ...]
    log: bool
    confidence: float
    kennedy: bool

    def _facts(self, d: int) -> list[tuple[str, str]]:
        level, p = f"{100 * self.confidence:g} %", max(d - 2, 1)
        return [
            ("pay", "log pay" if self.log else "pay"),
            ("group", f"{self.group} = {self.other} against {self.reference} (reference)"),
            ("controls", ", ".join(self.controls) or "none"),
            ("n", str(self.n)),
            ("coefficient", f"{self.coef:.{d}f} (SE {self.se:.{d}f})"),
            ("t, df, p", f"{self.t_value:.{d}f}, {self.df_resid:g}, {self.p_value:.3g}"),
            ("R²", f"{self.r_squared:.{d}f}"),
            ("gap", f"{self.gap_pct:.{p}f} %" + (" (Kennedy)" if self.kennedy else "")),
            (f"{level} CI", f"{self.ci_low:.{p}f} % to {self.ci_high:.{p}f} %"),
            ("covariance", str(getattr(self.model, "cov_type", ""))),
        ]

    def summary(self, decimals: int = 3) -> Summary:
        """The figures as a :class:`~payequity._summary.Summary` (prints as text, renders HTML)."""
        table = self.table.round(decimals)
        return Summary("Adjusted pay gap", self._facts(decimals), [("Coefficients", table)])

    def _repr_html_(self) -> str:
        return self.summary()._repr_html_()

    def __repr__(self) -> str:
        return (
            f"<{type(self).__name__} {self.group}={self.other} vs {self.reference}: "
            f"{self.gap_pct:.1f} % [{self.ci_low:.1f}, {self.ci_high:.1f}], "
            f"p={self.p_value:.3g}, n={self.n}>"
        )

    def plot(self, ax: Any = None, **kwargs: Any) -> Any:
        """Draw the gap and its CI against 0; see :func:`payequity.charts.plot_gap`."""
        from ..charts import plot_gap

        return plot_gap(self, ax=ax, **kwargs)


RATINGS = {  # Logib's four ratings since January 2024 (package v0.2)
    "not_significant": "Not significant: the gap may be explained by objective factors.",
    "within_target": "Significant, within the target value of 2.5 %.",
    "above_target": "Significant, above the target value of 2.5 % (within the limit value 5 %).",
    "above_limit": "Significant, above the limit value of 5 %.",
}


@dataclass(frozen=True, eq=False, repr=False)
class LogibResult(GapResult):
    """Logib's standard analysis model: a :class:`GapResult` for ``sex`` F against M.

    ``gap_pct = 100·kennedy``; ``ci_low``, ``ci_high`` = ``100·(exp(coef ± t·se) − 1)``.
    ``kennedy`` (a float here, a flag on :class:`GapResult`) is the Kennedy estimate as the R
    package reports it, a fraction: ``exp(coef)/exp(se²/2) − 1`` (−0.026: women earn 2.6 %
    less). ``rating``: ``not_significant`` (two-sided t test, α = 0.05), else by
    ``floor(1000·|kennedy|)/1000``: ``within_target`` (≤ 2.5 %), ``above_target`` (≤ 5 %) or
    ``above_limit``; texts in :data:`RATINGS`. ``data``: the analysed rows with the derived
    columns; ``excluded``: ``row, personal_number, column, reason``, one line per problem;
    ``n_total``: rows in the datalist; ``standard_hours``: the most frequent weekly hours.
    """

    kennedy: float  # type: ignore[assignment]
    rating: str
    data: pd.DataFrame
    excluded: pd.DataFrame
    n_total: int
    standard_hours: float

    def summary(self, decimals: int = 3) -> Summary:
        """Figures as the R package's ``summary()`` prints them, plus the coefficient table."""
        n_f = int((self.data["sex"] == "F").sum())
        k = self.kennedy
        facts = [
            ("employees", str(self.n_total)),
            ("included", f"{self.n} ({n_f} women, {self.n - n_f} men)"),
            (
                "result",
                f"Under otherwise equal circumstances women earn {abs(100 * k):.1f} % "
                f"{'more' if k > 0 else 'less'} than men.",
            ),
            ("rating", RATINGS[self.rating]),
            ("Kennedy estimate", f"{k:.{decimals}f}"),
        ] + self._facts(decimals)[3:]
        tables = [("Coefficients", self.table.round(decimals)), ("Excluded", self.excluded)]
        return Summary("Logib standard analysis model", facts, tables)


def _rating(p_value: float, kennedy: float) -> str:
    """Logib's rating (since 2024): significance first, then ``floor(1000·|k|)/1000`` bands."""
    size = math.floor(abs(kennedy) * 1000) / 1000
    if p_value > 0.05:
        return "not_significant"
    return "within_target" if size <= 0.025 else "above_target" if size <= 0.05 else "above_limit"


def _independent(x: np.ndarray, tol: float = 1e-7) -> np.ndarray:
    """Columns not (numerically) a combination of earlier ones, like R's ``lm`` pivoting."""
    keep = np.zeros(x.shape[1], dtype=bool)
    basis = np.empty((x.shape[0], 0))
    for j in range(x.shape[1]):
        resid = x[:, j].astype(float)
        for _ in range(2):  # orthogonalise twice for stability
            resid = resid - basis @ (basis.T @ resid)
        norm, size = np.linalg.norm(resid), np.linalg.norm(x[:, j])
        if size > 0 and norm > tol * size:
            keep[j] = True
            basis = np.column_stack([basis, resid / norm])
    return keep


def _fit(formula: str, work: pd.DataFrame, cov_type: str, level: float) -> tuple[Any, Any]:
    """OLS through the formula API; aliased columns are dropped (NaN in the table) as R does."""
    import statsmodels.api as sm
    import statsmodels.formula.api as smf

    spec = smf.ols(formula, work)
    names = list(spec.exog_names)
    keep = _independent(spec.exog)
    if names[-1] == _X and not keep[-1]:
        raise InsufficientDataError("the group indicator is collinear with the controls")
    if keep.all():
        res = spec.fit(cov_type=cov_type, use_t=True)
    else:
        exog = pd.DataFrame(spec.exog[:, keep], columns=np.array(names)[keep], index=work.index)
        res = sm.OLS(spec.endog, exog).fit(cov_type=cov_type, use_t=True)
    ci = res.conf_int(1 - level)
    cols = [res.params, res.bse, res.tvalues, res.pvalues, ci[0], ci[1]]
    values = {k: v.reindex(names).to_numpy() for k, v in zip(TABLE_COLUMNS[1:], cols, strict=True)}
    table = pd.DataFrame({"term": names} | values)
    return res, table


def _fields(res: Any, table: Any, log: bool, kennedy: bool, level: float, mean: float) -> dict:
    from scipy import stats

    coef, se, df = float(res.params[_X]), float(res.bse[_X]), float(res.df_resid)
    tq = float(stats.t.ppf(0.5 + level / 2, df))
    if log:
        gap = 100 * (math.exp(coef - se**2 / 2 if kennedy else coef) - 1)
        lo, hi = (100 * (math.exp(coef + s * tq * se) - 1) for s in (-1, 1))
    else:
        gap = 100 * coef / mean
        lo, hi = (100 * (coef + s * tq * se) / mean for s in (-1, 1))
    return dict(
        coef=coef,
        se=se,
        t_value=float(res.tvalues[_X]),
        p_value=float(res.pvalues[_X]),
        df_resid=df,
        r_squared=float(res.rsquared),
        n=int(res.nobs),
        gap_pct=gap,
        ci_low=lo,
        ci_high=hi,
        model=res,
        table=table,
    )


def adjusted_gap(
    data: Any,
    *,
    pay: str = "base_salary",
    group: str = "gender",
    reference: Any = "M",
    controls: str | list[str] | tuple[str, ...] = (),
    log: bool = True,
    cov_type: str = "nonrobust",
    kennedy: bool = False,
    confidence: float = 0.95,
) -> GapResult:
    """The gap of the non-reference group, adjusted for controls, by OLS (DESIGN §5).

    Fits ``log(pay) ~ controls + [group ≠ reference]`` (``pay`` itself with ``log=False``)
    with statsmodels' formula API; a control collinear with earlier terms is dropped as R's
    ``lm`` does (NaN in the table).

    Parameters
    ----------
    data : PayData or DataFrame
    pay : str
        The pay column (positive when ``log``).
    group, reference : str, object
        Any column with exactly two values, and its reference value.
    controls : sequence of str
        Numeric columns, or ``"C(col)"`` for a categorical one; any column name works.
    log : bool
        ``gap_pct = 100·(exp(coef) − 1)``, else ``100·coef / mean pay of the reference group``.
    cov_type : {"nonrobust", "HC0", "HC1", "HC2", "HC3"}
        Passed to statsmodels; tests and intervals use the t distribution throughout.
    kennedy : bool
        ``gap_pct = 100·(exp(coef − se²/2) − 1)`` (Kennedy 1981); log pay only.
    confidence : float
        CI ``100·(exp(coef ± t·se) − 1)``, or ``100·(coef ± t·se) / mean`` when not ``log``.

    Returns
    -------
    GapResult
        ``table``: ``term, coef, se, t_value, p_value, ci_low, ci_high`` (model scale); the
        group's row is ``group[T.other]``.

    Raises
    ------
    SchemaError
        A column absent, missing values in a used column (nothing is dropped silently), a
        group column without exactly two values or without ``reference``, non-positive log pay.
    InsufficientDataError
        No residual degrees of freedom, or the group collinear with the controls.

    Examples
    --------
    >>> df = pd.DataFrame({"gender": ["F", "F", "M", "M"], "pay": [29000, 31000, 39000, 41000]})
    >>> res = adjusted_gap(df, pay="pay")
    >>> print(f"{res.gap_pct:.1f} %, coefficient {res.coef:.4f}, df {res.df_resid:g}")
    -25.0 %, coefficient -0.2879, df 2
    >>> import payequity as pe
    >>> res = adjusted_gap(pe.datasets.load_sample(), controls=["age", "C(work_group)"])
    >>> res.n, bool(res.ci_low < res.gap_pct < res.ci_high), list(res.table.columns)[:3]
    (4000, True, ['term', 'coef', 'se'])
    """
    frame = getattr(data, "frame", data)
    if not isinstance(frame, pd.DataFrame):
        raise ParameterTypeError(
            f"adjusted_gap needs a PayData or a DataFrame, got {type(data).__name__}; pass "
            "load_pay_data(...) or a pandas DataFrame"
        )
    controls = (controls,) if isinstance(controls, str) else tuple(controls)
    if cov_type not in COV_TYPES:
        options = ", ".join(map(repr, COV_TYPES))
        raise ParameterError(
            f"The 'cov_type' parameter of adjusted_gap must be one of {options}. "
            f"Got {cov_type!r} instead."
        )
    if not 0 < confidence < 1:
        raise ParameterError(
            f"'confidence' must be between 0 and 1, got {confidence!r}; pass e.g. 0.95"
        )
    if kennedy and not log:
        raise ParameterError("kennedy=True applies to log pay only; use log=True")
    parsed = []
    for term in controls:
        m = re.fullmatch(r"\s*C\((.+)\)\s*", term)
        parsed.append((m.group(1).strip() if m else term, bool(m)))
    needed = list(dict.fromkeys([pay, group, *(c for c, _ in parsed)]))
    absent = [c for c in needed if c not in frame.columns]
    if absent:
        raise SchemaError(f"adjusted_gap: no column {', '.join(map(repr, absent))} in the data")
    for c in needed:
        if k := int(frame[c].isna().sum()):
            raise SchemaError(
                f"column {c!r} has {k} missing value(s) in {len(frame)} rows; "
                "fill or drop them first (adjusted_gap drops nothing)"
            )
    values = list(pd.unique(frame[group]))
    if len(values) != 2 or reference not in values:
        shown = ", ".join(map(repr, sorted(values, key=str)[:10])) + (", …" * (len(values) > 10))
        raise SchemaError(
            f"The 'reference' parameter of adjusted_gap must be one of two values "
            f"of column {group!r}, which has {len(values)} value(s): {shown}. "
            f"Got {reference!r}."
        )
    other = values[1] if values[0] == reference else values[0]
    y = pd.to_numeric(frame[pay], errors="coerce").astype(float)
    bad = int(y.isna().sum()) if not log else int((~(y > 0)).sum())
    if bad:
        raise SchemaError(
            f"column {pay!r} has {bad} value(s) that are not "
            f"{'positive numbers (log pay)' if log else 'numbers'}"
        )
    work = pd.DataFrame(index=frame.index)
    terms = []
    for col, categorical in parsed:
        if not categorical and not pd.api.types.is_numeric_dtype(frame[col]):
            raise SchemaError(
                f"control {col!r} is not numeric; write 'C({col})' to use it as "
                "a categorical control"
            )
        work[col] = frame[col] if categorical else frame[col].astype(float)
        terms.append(f"C(Q({col!r}))" if categorical else f"Q({col!r})")
    work[_Y] = np.log(y) if log else y
    work[_X] = (frame[group] != reference).astype(float)
    if len(work) - len(terms) - 2 < 1:
        raise InsufficientDataError(f"{len(work)} rows are too few for {len(terms)} control(s)")
    res, table = _fit(f"{_Y} ~ " + " + ".join([*terms, _X]), work, cov_type, confidence)
    names = {f"Q({c!r})": c for c, _ in parsed} | {_X: f"{group}[T.{other}]"}
    for old, new in names.items():
        table["term"] = table["term"].str.replace(old, new, regex=False)
    ref_mean = float(y[frame[group] == reference].mean())
    fields = _fields(res, table, log, kennedy, confidence, ref_mean)
    return GapResult(
        **fields,
        group=group,
        reference=reference,
        other=other,
        controls=controls,
        log=log,
        confidence=confidence,
        kennedy=kennedy,
    )


def logib(
    datalist: Any, *, reference_year: int, reference_month: int, usual_weekly_hours: float = 40
) -> LogibResult:
    """The Swiss Logib standard analysis model (Module 1), as the R package ``logib`` runs it.

    OLS with classical SEs of ``ln(standardised pay) ~ years_of_training + years_of_service +
    years_of_earning + years_of_earning² + level_of_requirements + professional_position +
    sex``; the two factors have their highest code as base. Only population code 1 is
    analysed; rows with an error-level problem (R's ``check_data``, importance 1) are left out
    and listed in ``excluded``. Age (age, birth year, birth date) and service (years, entry
    year, entry date: Excel YEARFRAC to the first day after the reference month) are detected
    as R does without ``age_spec``/``entry_date_spec``.

    Parameters
    ----------
    datalist : str, Path or DataFrame
        The official datalist (xlsx, de/fr/it/en; the header row is found wherever it is), or
        a DataFrame with its columns in that order or under the R package's column names
        (``personal_number``, ``age``, ``sex``, … ``population``: :data:`LOGIB_COLUMNS`).
    reference_year, reference_month : int
    usual_weekly_hours : float
        Fills missing weekly hours.

    Returns
    -------
    LogibResult

    Raises
    ------
    SchemaError
        Not a Logib datalist.
    InsufficientDataError
        Fewer than 50 valid employees, or not both women and men.

    Examples
    --------
    >>> rng = np.random.default_rng(3)
    >>> n = 80
    >>> datalist = pd.DataFrame({"personal_number": range(1, n + 1),
    ...     "age": rng.integers(20, 64, n), "sex": rng.choice(["F", "M"], n),
    ...     "years_of_service": rng.integers(0, 5, n), "training": rng.integers(1, 9, n),
    ...     "professional_function": "clerk", "level_of_requirements": rng.integers(3, 7, n),
    ...     "professional_position": rng.integers(3, 6, n), "activity_rate": 100,
    ...     "paid_hours": 0, "basic_wage": rng.normal(6000, 300, n).round(),
    ...     "allowances": 0, "monthly_wage_13": 500, "special_payments": 0,
    ...     "weekly_hours": 40, "annual_hours": 2088, "population": 1})
    >>> res = logib(datalist, reference_year=2019, reference_month=1)
    >>> res.n, res.df_resid, res.rating
    (80, 69.0, 'not_significant')
    """
    raw = _read_datalist(datalist)
    data, excluded, mfww = _prepare(raw, reference_year, reference_month, usual_weekly_hours)
    n_f = int((data["sex"] == "F").sum())
    if len(data) < 50 or n_f in (0, len(data)):
        raise InsufficientDataError(
            f"Logib needs at least 50 valid employees, women and men; "
            f"got {len(data)} ({n_f} women) of {len(raw)}"
        )
    controls = ["years_of_training", "years_of_service", "years_of_earning", "years_of_earning2"]
    for col in ("level_of_requirements", "professional_position"):
        levels = sorted(data[col].unique())
        if len(levels) > 1:  # one level only: absorbed by the intercept
            controls.append(f"C({col}, Treatment({levels[-1]}))")
    work = data.assign(
        **{_Y: np.log(data["standardized_salary"]), _X: (data["sex"] == "F").astype(float)}
    )
    res, table = _fit(f"{_Y} ~ " + " + ".join([*controls, _X]), work, "nonrobust", 0.95)
    table["term"] = (
        table["term"]
        .str.replace(r"C\((\w+), Treatment\(\d+\)\)", r"\1", regex=True)
        .str.replace(_X, "sex[T.F]", regex=False)
    )
    fields = _fields(res, table, True, True, 0.95, np.nan)
    k = math.exp(fields["coef"]) / math.exp(fields["se"] ** 2 / 2) - 1
    rating = _rating(fields["p_value"], k)
    return LogibResult(
        **fields,
        group="sex",
        reference="M",
        other="F",
        controls=tuple(re.sub(r", Treatment\(\d+\)", "", c) for c in controls),
        log=True,
        confidence=0.95,
        kennedy=k,
        rating=rating,
        data=data,
        excluded=excluded,
        n_total=len(raw),
        standard_hours=mfww,
    )


# --- the Logib datalist (R: read_official_excel, transform_data, check_data) -----------------

"""Small statistical building blocks shared by the survey analyses."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

POWER = 0.80  # for the minimum detectable gap
ALPHA = 0.05


@dataclass(frozen=True)
class GroupFit:
    """OLS of log pay on a female indicator and controls, within one group."""

    coef: float
    se: float
    t_value: float
    p_value: float
    df_resid: float
    ci_low: float  # on the percent scale, 100·(exp(coef ± t·se) − 1)
    ci_high: float
    gap_pct: float
    controls: list[str]
    model: Any


def fit_gender_gap(
    y: np.ndarray,
    female: np.ndarray,
    x: pd.DataFrame,
    *,
    cov_type: str = "nonrobust",
    confidence: float = 0.95,
) -> GroupFit | None:
    """Fit ``log pay ~ female + controls``; None when too few observations for the model.

    Controls enter in the order given; one that is collinear with those before it (or that would
    leave fewer than two residual degrees of freedom) is skipped, so a small group still gets its
    log-pay gap tested and ``controls`` says which were used.
    """
    import statsmodels.api as sm
    from scipy import stats

    n = len(y)
    base = np.column_stack([np.ones(n), female.astype(float)])
    if np.linalg.matrix_rank(base) < 2:
        return None
    # add controls one by one, keeping those that add information (a collinear one is skipped,
    # the others stay), while at least two residual degrees of freedom remain
    cols: list[str] = []
    design = base
    for c in x.columns:
        trial = np.column_stack([design, x[c].to_numpy(float)])
        if n - trial.shape[1] >= 2 and np.linalg.matrix_rank(trial) == trial.shape[1]:
            design, cols = trial, [*cols, c]
    if n - design.shape[1] < 1:
        return None
    model = sm.OLS(y, design).fit(cov_type=cov_type)
    coef, se = float(model.params[1]), float(model.bse[1])
    df = float(model.df_resid)
    if not np.isfinite(se) or se == 0:
        t_value, p = np.nan, np.nan
    else:
        t_value = coef / se
        p = float(2 * stats.t.sf(abs(t_value), df))
    tq = stats.t.ppf(0.5 + confidence / 2, df)
    return GroupFit(
        coef=coef,
        se=se,
        t_value=t_value,
        p_value=p,
        df_resid=df,
        ci_low=100 * (np.exp(coef - tq * se) - 1),
        ci_high=100 * (np.exp(coef + tq * se) - 1),
        gap_pct=100 * (np.exp(coef) - 1),
        controls=cols,
        model=model,
    )


def min_detectable_gap_pct(
    se: float, df: float, *, alpha: float = ALPHA, power: float = POWER
) -> float:
    """The smallest gap (percent) a two-sided test at ``alpha`` detects with ``power``.

    ``mde = (t_{1−α/2} + t_{power}) · se`` on the log scale, reported as ``100·(exp(mde) − 1)``.

    Examples
    --------
    >>> round(min_detectable_gap_pct(0.01, 1e9), 3)  # (1.960 + 0.842)·0.01 = 0.02802
    2.841
    """
    from scipy import stats

    if not np.isfinite(se) or df <= 0:
        return np.nan
    mde = (stats.t.ppf(1 - alpha / 2, df) + stats.t.ppf(power, df)) * se
    return float(100 * (np.exp(mde) - 1))


def benjamini_hochberg(p: pd.Series) -> pd.Series:
    """BH-adjusted p-values (NaN stays NaN), via statsmodels.

    Examples
    --------
    >>> benjamini_hochberg(pd.Series([0.01, 0.04, 0.03, None])).round(4).tolist()
    [0.03, 0.04, 0.04, nan]
    """
    from statsmodels.stats.multitest import multipletests

    out = pd.Series(np.nan, index=p.index)
    ok = p.notna()
    if ok.any():
        out[ok] = multipletests(p[ok].to_numpy(float), method="fdr_bh")[1]
    return out


def percentile(values: np.ndarray, q: float) -> float:
    """Percentile with linear interpolation (numpy's default, type 7); NaN when empty."""
    return float(np.percentile(values, q)) if len(values) else np.nan

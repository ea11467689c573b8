"""Equal work (lika arbete, DL 3:9 p. 1): women and men in the same work group (DESIGN §5).

For every work group with both genders: descriptive pay figures by gender; where both genders
reach ``min_per_gender``, a log-pay regression on a female indicator and the controls, tested
with Benjamini–Hochberg across the regression-tested groups of the same unit and pay measure;
otherwise the raw rule ``|women_pct_of_men − 100| > 100·gap_threshold``. And per person: the pay
a gender-neutral model of the group expects, and the deviation from it.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ._stats import benjamini_hochberg, fit_gender_gap, min_detectable_gap_pct, percentile

TABLE_COLUMNS = [
    "unit",
    "work_group",
    "pay_measure",
    "n_women",
    "n_men",
    "mean_women",
    "mean_men",
    "median_women",
    "median_men",
    "women_pct_of_men",
    "adjusted_gap_pct",
    "ci_low",
    "ci_high",
    "p_value",
    "p_adjusted",
    "needs_assessment",
    "flagged",
    "min_women",
    "min_men",
    "max_women",
    "max_men",
    "p10_women",
    "p10_men",
    "p90_women",
    "p90_men",
    "regression_tested",
    "flag_rule",
    "coef",
    "se",
    "df_resid",
    "controls",
    "min_detectable_gap_pct",
]
PEOPLE_COLUMNS = [
    "unit",
    "work_group",
    "pay_measure",
    "employee_id",
    "gender",
    "pay",
    "expected_pay",
    "deviation_pct",
    "flagged",
]


def equal_work_table(
    frame: pd.DataFrame,
    unit: str,
    *,
    pays: list[str],
    group: str,
    controls: list[str],
    min_per_gender: int,
    fdr: float,
    gap_threshold: float,
    person_threshold: float,
    cov_type: str,
) -> tuple[pd.DataFrame, pd.DataFrame, dict[tuple[str, str, str], Any]]:
    """Rows of ``equal_work.csv`` and the people table for one unit ("" = organisation)."""
    rows, people, models = [], [], {}
    present = [c for c in controls if c in frame.columns]
    parts = sorted(frame.groupby(group, sort=False), key=lambda kv: str(kv[0]))
    arrays = [
        (
            str(g),
            sub["gender"].to_numpy() == "F",
            sub["employee_id"].to_numpy(),
            sub[present].to_numpy(float) if present else np.empty((len(sub), 0)),
            sub,
        )
        for g, sub in parts
    ]
    for pay in pays:
        block = []
        for g, female, ids, x, sub in arrays:
            y = sub[pay].to_numpy(float)
            ctl = _usable(x, present)
            row, fit = _group_row(
                y, female, x, ctl, present, unit, g, pay, min_per_gender, cov_type
            )
            if fit is not None:
                models[(unit, g, pay)] = fit.model
            block.append(row)
            people.append(_people(y, female, ids, x, ctl, present, unit, g, pay, person_threshold))
        block_df = pd.DataFrame(block, columns=TABLE_COLUMNS)
        tested = block_df["regression_tested"].astype(bool)
        block_df.loc[tested, "p_adjusted"] = benjamini_hochberg(block_df.loc[tested, "p_value"])
        raw_gap = (block_df["women_pct_of_men"] - 100).abs() > 100 * gap_threshold
        needs = block_df["needs_assessment"].astype(bool)
        flagged_reg = tested & (block_df["p_adjusted"] < fdr)
        block_df["flagged"] = flagged_reg | (~tested & needs & raw_gap)
        block_df["flag_rule"] = np.where(~needs, "", np.where(tested, "regression", "raw"))
        rows.append(block_df)
    table = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(columns=TABLE_COLUMNS)
    table["needs_assessment"] = table["needs_assessment"].astype(bool)
    table["regression_tested"] = table["regression_tested"].astype(bool)
    columns = list(zip(*people, strict=True)) if people else [[] for _ in PEOPLE_COLUMNS]
    people_df = pd.DataFrame(
        {
            c: np.concatenate(v) if len(v) else []
            for c, v in zip(PEOPLE_COLUMNS, columns, strict=True)
        }
    )
    return table, people_df, models


def _usable(x: np.ndarray, names: list[str]) -> list[int]:
    """Indices of controls with no missing value and some variance in this group."""
    return [i for i in range(len(names)) if np.isfinite(x[:, i]).all() and np.ptp(x[:, i]) > 0]


def _group_row(
    y: np.ndarray,
    female: np.ndarray,
    x: np.ndarray,
    ctl: list[int],
    names: list[str],
    unit: str,
    g: str,
    pay: str,
    min_per_gender: int,
    cov_type: str,
) -> tuple[dict[str, Any], Any]:
    w, m = y[female], y[~female]
    row: dict[str, Any] = {c: np.nan for c in TABLE_COLUMNS}
    row.update(unit=unit, work_group=g, pay_measure=pay, n_women=len(w), n_men=len(m))
    for name, vals in (("women", w), ("men", m)):
        row[f"mean_{name}"] = float(vals.mean()) if len(vals) else np.nan
        row[f"median_{name}"] = percentile(vals, 50)
        row[f"min_{name}"] = float(vals.min()) if len(vals) else np.nan
        row[f"max_{name}"] = float(vals.max()) if len(vals) else np.nan
        row[f"p10_{name}"] = percentile(vals, 10)
        row[f"p90_{name}"] = percentile(vals, 90)
    both = len(w) > 0 and len(m) > 0
    row["women_pct_of_men"] = 100 * row["mean_women"] / row["mean_men"] if both else np.nan
    row["needs_assessment"] = both
    row["regression_tested"] = False
    row["controls"] = ""
    fit = None
    if len(w) >= min_per_gender and len(m) >= min_per_gender:
        xdf = pd.DataFrame(x[:, ctl], columns=[names[i] for i in ctl])
        fit = fit_gender_gap(np.log(y), female, xdf, cov_type=cov_type)
        if fit is not None and np.isfinite(fit.p_value):
            row.update(
                adjusted_gap_pct=fit.gap_pct,
                ci_low=fit.ci_low,
                ci_high=fit.ci_high,
                p_value=fit.p_value,
                coef=fit.coef,
                se=fit.se,
                df_resid=fit.df_resid,
                controls=" ".join(fit.controls),
                regression_tested=True,
                min_detectable_gap_pct=min_detectable_gap_pct(fit.se, fit.df_resid),
            )
        else:
            fit = None
    if fit is None and both and len(y) >= 3:
        # not regression-tested: what a test of this size could detect, from the group's spread
        se = float(np.std(np.log(y), ddof=1)) * np.sqrt(1 / len(w) + 1 / len(m))
        row["min_detectable_gap_pct"] = min_detectable_gap_pct(se, len(y) - 2)
    return row, fit


def _people(
    y: np.ndarray,
    female: np.ndarray,
    ids: np.ndarray,
    x: np.ndarray,
    ctl: list[int],
    names: list[str],
    unit: str,
    g: str,
    pay: str,
    threshold: float,
) -> tuple[np.ndarray, ...]:
    """Expected pay from a gender-neutral model of the group, and each person's deviation."""
    logy = np.log(y)
    ctl = list(ctl)
    while ctl and len(y) - (len(ctl) + 1) < 2:
        ctl = ctl[:-1]
    if ctl:
        design = np.column_stack([np.ones(len(y)), x[:, ctl]])
        beta = np.linalg.lstsq(design, logy, rcond=None)[0]  # least squares, as OLS
        fitted = design @ beta
    else:
        fitted = np.full(len(y), logy.mean() if len(y) else np.nan)
    expected = np.exp(fitted)
    deviation = 100 * (y / expected - 1)
    n = len(y)
    return (
        np.full(n, unit, dtype=object),
        np.full(n, g, dtype=object),
        np.full(n, pay, dtype=object),
        ids.astype(object),
        np.where(female, "F", "M").astype(object),
        y,
        expected,
        deviation,
        (deviation < -100 * threshold) & (n >= 2),
    )

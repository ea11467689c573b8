"""Job evaluation (arbetsvärdering): job values, equal-value bands, gender composition, bias checks.

:func:`evaluate_jobs` scores jobs with a factor model (or takes external points), puts them in
equal-value bands, lists pairs near band edges, joins head counts and the share of women from the
pay data (female- and male-dominated jobs, DESIGN §5) and runs the bias checks of
job-evaluation.md §1.11. Jobs in the pay data without an evaluation are listed, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._summary import Summary
from .._validation import require_gender_codes
from ..exceptions import DataFileError, ParameterError, SchemaError
from ..io import RawTable, as_text, blank, parse_flags, parse_numbers, read_table
from ._checks import bias_checks
from ._model import JobModel, load_job_model

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from ..io import PayData

__all__ = ["JobEvaluation", "evaluate_jobs", "assign_bands", "equal_value_pairs"]

TABLE_COLUMNS = [
    "job_code",
    "points",
    "band",
    "n",
    "n_women",
    "share_women",
    "female_dominated",
    "male_dominated",
]
CHECK_COLUMNS = ["check", "subject", "value", "threshold", "flagged", "message"]


def assign_bands(points: pd.Series | np.ndarray, band_width: float) -> np.ndarray:
    """Band k holds points in (k·W, (k+1)·W]; band 0 also holds 0 (DESIGN §3.2).

    Examples
    --------
    >>> assign_bands(np.array([0, 120, 120.5, 240, 241]), 120).tolist()
    [0, 0, 1, 1, 2]
    """
    p = np.asarray(points, dtype=float)
    return np.maximum(np.ceil(np.round(p / band_width, 9)) - 1, 0).astype(int)


def equal_value_pairs(table: pd.DataFrame, band_width: float, pay: str | None) -> pd.DataFrame:
    """The comparisons of DESIGN §5 at a band width: female-dominated job × job that is not.

    With ``pay`` (a mean-pay column of ``table``): comparators paid more in the same band
    (``equal_value``) or a lower band (``lower_value_higher_pay``). Without pay: every
    comparator in the same band.
    """
    t = table.assign(_band=assign_bands(table["points"], band_width))
    fd_mask = t["female_dominated"].fillna(False).astype(bool)
    pairs = t[fd_mask].merge(t[~fd_mask], how="cross", suffixes=("_fd", "_cmp"))
    same = pairs["_band_cmp"] == pairs["_band_fd"]
    if pay is not None and f"{pay}_fd" in pairs:
        keep = (pairs[f"{pay}_cmp"] > pairs[f"{pay}_fd"]) & (
            pairs["_band_cmp"] <= pairs["_band_fd"]
        )
    else:
        keep = same
    pairs = pairs[keep]
    return pd.DataFrame(
        {
            "female_dominated_job": pairs["job_code_fd"].to_numpy(),
            "comparator_job": pairs["job_code_cmp"].to_numpy(),
            "kind": np.where(same[keep], "equal_value", "lower_value_higher_pay"),
            "band_fd": pairs["_band_fd"].to_numpy(int),
            "band_cmp": pairs["_band_cmp"].to_numpy(int),
        }
    ).reset_index(drop=True)


@dataclass(frozen=True, repr=False)
class JobEvaluation:
    """Job values, bands and gender composition of an evaluation (DESIGN §3.2, §6).

    Attributes
    ----------
    table : DataFrame
        ``job_code, points, band, n, n_women, share_women, female_dominated, male_dominated``,
        then points per factor, then ``job_title, n_evaluators, mean_base_salary,
        mean_monthly_pay, override_reason``.
    levels : DataFrame or None
        The level per job and sub-factor (median over evaluators); None for external points.
    edge_pairs : DataFrame
        ``job_a, job_b, points_a, points_b, band_a, band_b, difference``: jobs in different bands
        within ``tolerance`` points of each other, for manual review.
    unevaluated : DataFrame
        ``job_code, n, n_women``: jobs in the pay data with no evaluation.
    checks : DataFrame
        ``check, subject, value, threshold, flagged, message``: the bias checks.
    job_model : JobModel or None
        The factor model (None for external points).
    model : statsmodels result or None
        The pay line: mean pay on points over the jobs that are not female-dominated, weighted
        by head count (None without pay data).
    """

    table: pd.DataFrame
    levels: pd.DataFrame | None
    edge_pairs: pd.DataFrame
    unevaluated: pd.DataFrame
    checks: pd.DataFrame
    job_model: JobModel | None
    band_width: float
    tolerance: float
    settings: dict[str, Any] = field(default_factory=dict)
    evaluator_points: pd.DataFrame | None = None

    @property
    def external(self) -> bool:
        return self.job_model is None

    @property
    def has_pay(self) -> bool:
        return bool(self.table["n"].fillna(0).gt(0).any())

    def pairs(
        self, band_width: float | None = None, pay: str | None = "base_salary"
    ) -> pd.DataFrame:
        """Female-dominated/comparator pairs at ``band_width`` (default: this evaluation's)."""
        col = f"mean_{pay}" if pay and self.has_pay else None
        t = self.table[self.table["n"].fillna(0) > 0] if col else self.table
        return equal_value_pairs(t, band_width or self.band_width, col)

    @property
    def model(self) -> Any:
        """The pay line (WLS of mean base pay on points over jobs not female-dominated)."""
        return self.pay_line("base_salary")

    def pay_line(self, pay: str = "base_salary") -> Any:
        """The pay line of ``pay`` (``base_salary`` or ``monthly_pay``): WLS of the jobs' mean
        pay on points over the jobs that are not female-dominated, weighted by head count;
        None without pay data or with fewer than two distinct values."""
        t = self.table
        if f"mean_{pay}" not in t.columns:
            return None
        other = t[~t["female_dominated"].fillna(False).astype(bool) & (t["n"].fillna(0) > 0)]
        other = other.dropna(subset=["points", f"mean_{pay}"])
        if len(other) < 2 or other["points"].nunique() < 2:
            return None
        import statsmodels.api as sm

        x = sm.add_constant(other["points"].to_numpy(float))
        y = other[f"mean_{pay}"].to_numpy(float)
        return sm.WLS(y, x, weights=other["n"].to_numpy(float)).fit()

    @property
    def n_jobs(self) -> int:
        return len(self.table)

    @property
    def weighting_ratio(self) -> float:
        """The ILO weighting test's ratio (NaN when it could not run)."""
        c = self.checks[self.checks["check"] == "weighting_test"]
        return float(c["value"].iloc[0]) if len(c) else float("nan")

    @property
    def not_in_data(self) -> list[str]:
        """Evaluated jobs with nobody in the pay data (their dominance is unknown)."""
        if not self.settings.get("has_data"):
            return []
        return self.table.loc[self.table["n"].fillna(0) == 0, "job_code"].tolist()

    def sensitivity(self) -> pd.DataFrame:
        """How the female-dominated/comparator pairs change at half and double the band width.

        Counts both kinds of comparison (same band, lower band paid more). Returns
        ``band_width, n_pairs, added, removed, changed`` (against the configured width).
        """
        key = ["female_dominated_job", "comparator_job", "kind"]
        base = {tuple(r) for r in self.pairs()[key].itertuples(index=False)}
        rows = []
        for w in (self.band_width / 2, self.band_width, self.band_width * 2):
            got = {tuple(r) for r in self.pairs(w)[key].itertuples(index=False)}
            added, removed = len(got - base), len(base - got)
            rows.append(
                {
                    "band_width": w,
                    "n_pairs": len(got),
                    "added": added,
                    "removed": removed,
                    "changed": added + removed,
                }
            )
        return pd.DataFrame(rows)

    @property
    def flagged_checks(self) -> pd.DataFrame:
        return self.checks[self.checks["flagged"].astype(bool)]

    def summary(self) -> Summary:
        t = self.table
        fd = int(t["female_dominated"].fillna(False).astype(bool).sum())
        md = int(t["male_dominated"].fillna(False).astype(bool).sum())
        facts = [
            ("model", self.job_model.name if self.job_model else "external points"),
            ("jobs evaluated", str(len(t))),
            ("jobs in pay data without evaluation", str(len(self.unevaluated))),
            ("bands", f"{t['band'].nunique()} used, width {self.band_width:g} points"),
            ("female- / male-dominated jobs", f"{fd} / {md}"),
            (
                "pairs near a band edge",
                f"{len(self.edge_pairs)} (within {self.tolerance:g} points)",
            ),
            ("bias checks flagged", f"{len(self.flagged_checks)} of {len(self.checks)}"),
        ]
        if self.has_pay:
            sens = self.sensitivity().set_index("band_width")["n_pairs"]
            facts.append(
                ("comparisons at ½ / 1 / 2 × band width", " / ".join(str(int(v)) for v in sens))
            )
        if self.not_in_data:
            facts.append(("evaluated jobs nobody holds", ", ".join(self.not_in_data)))
        show = [c for c in TABLE_COLUMNS + ["job_title"] if c in t.columns]
        tables = [("Jobs", t[show]), ("Bias checks flagged", self.flagged_checks)]
        if len(self.unevaluated):
            tables.append(("Jobs without evaluation", self.unevaluated))
        return Summary("Job evaluation", facts, tables)

    def _repr_html_(self) -> str:
        return self.summary()._repr_html_()

    def describe(self) -> str:
        """The evaluation in a few lines, as ``payequity validate`` and ``run`` print it."""
        from ._describe import describe

        return describe(self)

    def __repr__(self) -> str:
        return (
            f"<JobEvaluation {len(self.table)} jobs, {self.table['band'].nunique()} bands of "
            f"{self.band_width:g} points, {len(self.flagged_checks)} checks flagged>"
        )

    def plot(self, ax: Axes | None = None, **kwargs: Any) -> Axes:
        """Job value against mean pay; see :func:`payequity.charts.plot_value_vs_pay`."""
        from ..charts import plot_value_vs_pay

        return plot_value_vs_pay(self, ax=ax, **kwargs)


def evaluate_jobs(
    jobs: pd.DataFrame | str | Path,
    *,
    model: str | Path | JobModel = "default",
    data: PayData | pd.DataFrame | None = None,
    band_width: float = 120,
    tolerance: float = 60,
    female_dominated_share: float = 0.60,
    inclusive: bool = True,
    male_dominated_share: float = 0.40,
    weight_floor: float = 0.05,
) -> JobEvaluation:
    """Evaluate jobs with a factor model (or external points) and join the pay data.

    Parameters
    ----------
    jobs : DataFrame or path
        One row per job — or per job and evaluator, with an ``evaluator`` column — holding
        ``job_code`` and either a level for every sub-factor of the model (the sub-factor ids as
        headers) or a ``points`` column (external scores, any scale). Optional: ``job_title``,
        ``female_dominated_override`` (yes/no) with ``override_reason``.
    model : str, path or JobModel
        ``"default"`` (alias ``"eige_2026_default"``), ``"equal_weights"`` or a model TOML.
    data : PayData or DataFrame, optional
        Pay data with ``job_code`` and ``gender``: head counts, share of women, mean pay.
    band_width, tolerance : float
        Equal-value band width and the edge-review distance, in points.
    female_dominated_share, inclusive, male_dominated_share : float, bool, float
        A job is female-dominated when its share of women is ≥ (``inclusive``) or > the share,
        male-dominated when ≤ ``male_dominated_share``.
    weight_floor : float
        Minimum weight share of each of the four criteria (bias check).

    Returns
    -------
    JobEvaluation

    Examples
    --------
    >>> import pandas as pd
    >>> from payequity import evaluate_jobs
    >>> jobs = pd.DataFrame({"job_code": ["a", "b"], "points": [100, 130]})
    >>> ev = evaluate_jobs(jobs, band_width=120, tolerance=60)
    >>> ev.table[["job_code", "band"]].values.tolist(), len(ev.edge_pairs)
    ([['a', 0], ['b', 1]], 1)
    """
    _check_args(band_width, tolerance, female_dominated_share, male_dominated_share)
    raw = _raw(jobs)
    where = str(raw.path) + (f" (sheet {raw.sheet!r})" if raw.sheet else "")
    cells = raw.cells
    if cells.empty:
        raise DataFileError(f"{where}: no jobs in the file; add one row per job (and evaluator)")
    decimal = "," if raw.delimiter == ";" else "."
    if "job_code" not in cells.columns:
        raise SchemaError(f"{where}: no job_code column; the first row must name the columns")
    codes = as_text(cells["job_code"])
    missing = blank(cells["job_code"])
    if missing.any():
        row = int(missing[missing].index[0])
        raise DataFileError(f"{where} row {row}: job_code is empty; fill it in or remove the row")
    has_evaluator = "evaluator" in cells.columns
    if has_evaluator:
        evaluators = as_text(cells["evaluator"])
        if (evaluators == "").any():
            row = int(evaluators[evaluators == ""].index[0])
            raise DataFileError(
                f"{where} row {row}: evaluator is empty; name who rated the job (a role will do)"
            )
        twice = pd.Series(list(zip(codes, evaluators, strict=True)), index=codes.index)
        if twice.duplicated().any():
            first = twice[twice.duplicated(keep=False)]
            rows = first[first == first.iloc[0]].index
            raise DataFileError(
                f"{where}: job {first.iloc[0][0]} is rated by {first.iloc[0][1]!r} in rows "
                f"{', '.join(map(str, rows))}; keep one rating per evaluator"
            )
    elif codes.duplicated().any():
        first = codes[codes.duplicated(keep=False)].iloc[0]
        rows = codes[codes == first].index
        raise DataFileError(
            f"{where}: job {first} is evaluated in rows {', '.join(map(str, rows))}; "
            "add an evaluator column or keep one row per job"
        )
    jm = model if isinstance(model, JobModel) else load_job_model(model)
    sub_ids = jm.subfactor_ids
    present = [s for s in sub_ids if s in cells.columns]
    external = not present and "points" in cells.columns
    if present and "points" in cells.columns:
        raise SchemaError(
            f"{where}: has both sub-factor levels and a points column; keep the levels (scored "
            "with the model) or only points (external scores)"
        )
    if not external and len(present) < len(sub_ids):
        lacking = [s for s in sub_ids if s not in cells.columns]
        raise SchemaError(
            f"{where}: lacks sub-factor columns {', '.join(lacking)} of model {jm.name!r}; add "
            "them, or give external scores in a points column"
        )
    per_row = _row_points(cells, codes, jm, external, decimal, where)
    by_job = per_row.groupby("job_code", sort=False)
    agg_cols = ["points"] if external else sub_ids
    med = by_job[agg_cols].median()
    levels = None if external else med[sub_ids]
    table = pd.DataFrame({"job_code": med.index})
    if external:
        table["points"] = med["points"].to_numpy()
    else:
        sub_points = pd.DataFrame({s.id: jm.points(s, med[s.id]) for s in jm.subfactors})
        table["points"] = sub_points.sum(axis=1).to_numpy()
        for f in jm.factors:
            table[f.id] = sub_points[[s.id for s in f.subfactors]].sum(axis=1).to_numpy()
    table.insert(2, "band", assign_bands(table["points"], band_width))
    if "job_title" in cells.columns:
        titles = as_text(cells["job_title"]).groupby(codes).first()
        table["job_title"] = table["job_code"].map(titles).fillna("")
    table["n_evaluators"] = (
        by_job.size().reindex(table["job_code"]).to_numpy() if has_evaluator else np.nan
    )
    table, unevaluated = _join_pay(table, data)
    table = _dominance(
        table, cells, codes, where, female_dominated_share, inclusive, male_dominated_share
    )
    first = TABLE_COLUMNS + ([] if external else [f.id for f in jm.factors])
    table = table[first + [c for c in table.columns if c not in first]]
    evaluator_points = (
        per_row.assign(band=assign_bands(per_row["points"], band_width)) if has_evaluator else None
    )
    checks = bias_checks(table, levels, jm, external, weight_floor, evaluator_points, band_width)
    return JobEvaluation(
        table=table.reset_index(drop=True),
        levels=levels,
        edge_pairs=_edge_pairs(table, tolerance),
        unevaluated=unevaluated,
        checks=checks,
        job_model=None if external else jm,
        band_width=float(band_width),
        tolerance=float(tolerance),
        settings={
            "female_dominated_share": female_dominated_share,
            "inclusive": inclusive,
            "male_dominated_share": male_dominated_share,
            "weight_floor": weight_floor,
            "source": where,
            "sha256": raw.sha256,
            "rows": len(cells),
            "has_data": data is not None,
        },
        evaluator_points=evaluator_points,
    )


def _check_args(band_width: float, tolerance: float, fd_share: float, md_share: float) -> None:
    if not (np.isfinite(band_width) and band_width > 0):
        raise ParameterError(
            f"band_width must be a positive number of points, got {band_width!r}; pass e.g. 120"
        )
    if not (np.isfinite(tolerance) and tolerance >= 0):
        raise ParameterError(f"tolerance must be ≥ 0 points, got {tolerance!r}; pass e.g. 60")
    if not 0.5 <= fd_share <= 1:
        raise ParameterError(
            f"female_dominated_share must be in [0.5, 1], got {fd_share!r}; pass e.g. 0.60"
        )
    if not 0 <= md_share < fd_share or md_share > 0.5:
        raise ParameterError(
            f"male_dominated_share must be in [0, 0.5] and below female_dominated_share, got "
            f"{md_share!r}; pass e.g. 0.40"
        )


def _raw(jobs: pd.DataFrame | str | Path) -> RawTable:
    if isinstance(jobs, pd.DataFrame):
        cells = jobs.reset_index(drop=True).astype(object)
        cells = cells.where(cells.notna(), "")
        cells.index = pd.Index(range(2, len(cells) + 2), name="source_row")
        cells.columns = [str(c).strip() for c in cells.columns]
        cells["job_code"] = cells["job_code"].map(str) if "job_code" in cells else None
        return RawTable(cells, Path("<DataFrame>"), "", "frame")
    raw = read_table(jobs, key="job_evaluation.path")
    raw.cells.columns = [str(c).strip() for c in raw.cells.columns]
    return raw


def _row_points(
    cells: pd.DataFrame, codes: pd.Series, jm: JobModel, external: bool, decimal: str, where: str
) -> pd.DataFrame:
    """Levels (or external points) per row, validated; one-line error on the first bad cell."""
    out = pd.DataFrame({"job_code": codes})
    if "evaluator" in cells.columns:
        out["evaluator"] = as_text(cells["evaluator"])
    targets = [("points", None)] if external else [(s.id, s) for s in jm.subfactors]
    for col, sub in targets:
        num, invalid = parse_numbers(cells[col], decimal)
        if sub is None:
            bad = invalid | num.isna() | (num < 0) | ~np.isfinite(num.fillna(0))
            want = "a number ≥ 0"
        else:
            lo, hi = jm.level_range(sub)
            bad = invalid | num.isna() | (num < lo) | (num > hi) | (num % 1 != 0)
            want = f"a whole level {lo}–{hi}"
        if bad.any():
            row = int(bad[bad].index[0])
            value = as_text(cells.loc[[row], col]).iloc[0]
            raise DataFileError(
                f"{where} row {row} (job {codes[row]}): {col} = {value!r} is not {want}; fix it"
                + (f" ({int(bad.sum())} such cells)" if bad.sum() > 1 else "")
            )
        out[col] = num
    if external:
        out["points"] = out["points"].astype(float)
    else:
        out["points"] = sum(jm.points(s, out[s.id]) for s in jm.subfactors)
    return out


def _join_pay(table: pd.DataFrame, data: Any) -> tuple[pd.DataFrame, pd.DataFrame]:
    empty = pd.DataFrame(
        {
            "job_code": pd.Series(dtype=str),
            "n": pd.Series(dtype=int),
            "n_women": pd.Series(dtype=int),
        }
    )
    if data is None:
        for c in ("n", "n_women"):
            table[c] = pd.array([pd.NA] * len(table), dtype="Int64")
        table["share_women"] = np.nan
        return table, empty
    frame = data.frame if hasattr(data, "frame") else data
    for col in ("job_code", "gender"):
        if col not in frame.columns:
            raise SchemaError(f"the pay data has no {col!r} column; load it with load_pay_data")
    require_gender_codes(frame)
    frame = frame.assign(job_code=frame["job_code"].astype(str))
    counts = frame.groupby("job_code").agg(
        n=("gender", "size"), n_women=("gender", lambda g: int((g == "F").sum()))
    )
    for pay in ("base_salary", "monthly_pay"):
        if pay in frame.columns:
            counts[f"mean_{pay}"] = frame.groupby("job_code")[pay].mean()
    t = table.merge(counts, left_on="job_code", right_index=True, how="left")
    t["n"] = t["n"].fillna(0).astype(int)
    t["n_women"] = t["n_women"].fillna(0).astype(int)
    t["share_women"] = np.where(t["n"] > 0, t["n_women"] / t["n"].where(t["n"] > 0, 1), np.nan)
    missing = counts[~counts.index.isin(table["job_code"])]
    unevaluated = missing[["n", "n_women"]].rename_axis("job_code").reset_index()
    return t, unevaluated.sort_values("job_code").reset_index(drop=True)


def _dominance(
    t: pd.DataFrame,
    cells: pd.DataFrame,
    codes: pd.Series,
    where: str,
    fd_share: float,
    inclusive: bool,
    md_share: float,
) -> pd.DataFrame:
    eps = 1e-12  # 3 of 5 women is exactly 0.6, whatever the float arithmetic says
    share = t["share_women"]
    fd = share >= fd_share - eps if inclusive else share > fd_share + eps
    md = share <= md_share + eps
    fd = pd.array(np.where(share.isna(), pd.NA, fd), dtype="boolean")
    md = pd.array(np.where(share.isna(), pd.NA, md), dtype="boolean")
    t["female_dominated"], t["male_dominated"] = fd, md
    t["override_reason"] = ""
    orphan = "override_reason" in cells.columns and "female_dominated_override" not in cells
    if orphan and (as_text(cells["override_reason"]) != "").any():
        raise DataFileError(
            f"{where}: has override_reason but no female_dominated_override column; add the "
            "override (yes/no) or remove the reasons"
        )
    if "female_dominated_override" in cells.columns:
        col = cells["female_dominated_override"]
        given = ~blank(col)
        flags, bad = parse_flags(col)
        bad &= given
        if bad.any():
            row = int(bad[bad].index[0])
            raise DataFileError(
                f"{where} row {row}: female_dominated_override = {as_text(col[[row]]).iloc[0]!r};"
                " write yes or no (or leave it empty)"
            )
        reasons = as_text(cells["override_reason"]) if "override_reason" in cells else None
        if reasons is not None and ((reasons != "") & ~given).any():
            row = int(reasons[(reasons != "") & ~given].index[0])
            raise DataFileError(
                f"{where} row {row} (job {codes[row]}): override_reason without a "
                "female_dominated_override; write yes or no, or remove the reason"
            )
        chosen = pd.Series(flags[given].astype(bool).to_numpy(), index=codes[given].to_numpy())
        split = chosen.groupby(level=0).nunique()
        if (split > 1).any():
            raise DataFileError(
                f"{where}: job {split[split > 1].index[0]} has both yes and no in "
                "female_dominated_override; agree on one"
            )
        for row in given[given].index:
            if reasons is None or not reasons[row]:
                raise DataFileError(
                    f"{where} row {row} (job {codes[row]}): female_dominated_override needs an "
                    "override_reason; write why the share of women is overridden"
                )
            i = t.index[t["job_code"] == codes[row]]
            t.loc[i, "female_dominated"] = bool(flags[row])
            if bool(flags[row]):
                t.loc[i, "male_dominated"] = False
            t.loc[i, "override_reason"] = reasons[row]
    return t


def _edge_pairs(t: pd.DataFrame, tolerance: float) -> pd.DataFrame:
    p = t[["job_code", "points", "band"]].sort_values("points").reset_index(drop=True)
    rows = []
    values = p.to_numpy()
    for i in range(len(values)):
        for j in range(i + 1, len(values)):
            diff = values[j][1] - values[i][1]
            if diff > tolerance + 1e-9:
                break
            if values[i][2] != values[j][2]:
                rows.append(
                    (
                        values[i][0],
                        values[j][0],
                        values[i][1],
                        values[j][1],
                        values[i][2],
                        values[j][2],
                        diff,
                    )
                )
    return pd.DataFrame(
        rows, columns=["job_a", "job_b", "points_a", "points_b", "band_a", "band_b", "difference"]
    )

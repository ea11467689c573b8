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

from ._jobmodel import JobModel, load_job_model
from ._read import RawTable, as_text, blank, parse_flags, parse_numbers, read_table
from ._summary import Summary
from .exceptions import DataFileError, SchemaError

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from .io import PayData

__all__ = ["JobEvaluation", "evaluate_jobs", "assign_bands", "equal_value_pairs"]

TABLE_COLUMNS = ["job_code", "points", "band", "n", "n_women", "share_women", "female_dominated",
                 "male_dominated"]  # fmt: skip
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
    """Female-dominated job × non-female-dominated job in the same band (DESIGN §5 pairing).

    With ``pay`` (a mean-pay column of ``table``) only comparators paid more are kept.
    """
    t = table.assign(_band=assign_bands(table["points"], band_width))
    fd = t[t["female_dominated"].fillna(False).astype(bool)]
    other = t[~t["female_dominated"].fillna(False).astype(bool)]
    pairs = fd.merge(other, on="_band", suffixes=("_fd", "_cmp"))
    if pay is not None and f"{pay}_fd" in pairs:
        pairs = pairs[pairs[f"{pay}_cmp"] > pairs[f"{pay}_fd"]]
    return (
        pairs[["job_code_fd", "job_code_cmp", "_band"]]
        .rename(
            columns={
                "job_code_fd": "female_dominated_job",
                "job_code_cmp": "comparator_job",
                "_band": "band",
            }  # fmt: skip
        )
        .reset_index(drop=True)
    )


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
    model : JobModel or None
        The factor model (None for external points).
    """

    table: pd.DataFrame
    levels: pd.DataFrame | None
    edge_pairs: pd.DataFrame
    unevaluated: pd.DataFrame
    checks: pd.DataFrame
    model: JobModel | None
    band_width: float
    tolerance: float
    settings: dict[str, Any] = field(default_factory=dict)
    evaluator_points: pd.DataFrame | None = None

    @property
    def external(self) -> bool:
        return self.model is None

    @property
    def has_pay(self) -> bool:
        return bool(self.table["n"].fillna(0).gt(0).any())

    def pairs(
        self, band_width: float | None = None, pay: str | None = "base_salary"
    ) -> pd.DataFrame:
        """Female-dominated/comparator pairs at ``band_width`` (default: this evaluation's)."""
        col = f"mean_{pay}" if pay and self.has_pay else None
        t = self.table.rename(columns={col: col}) if col else self.table
        return equal_value_pairs(t, band_width or self.band_width, col)

    def sensitivity(self) -> pd.DataFrame:
        """How the female-dominated/comparator pairs change at half and double the band width.

        Returns ``band_width, n_pairs, added, removed, changed`` (added/removed against the
        configured width).
        """
        key = ["female_dominated_job", "comparator_job"]
        base = {tuple(r) for r in self.pairs()[key].itertuples(index=False)}
        rows = []
        for w in (self.band_width / 2, self.band_width, self.band_width * 2):
            got = {tuple(r) for r in self.pairs(w)[key].itertuples(index=False)}
            added, removed = len(got - base), len(base - got)
            rows.append({"band_width": w, "n_pairs": len(got), "added": added,
                         "removed": removed, "changed": added + removed})  # fmt: skip
        return pd.DataFrame(rows)

    @property
    def flagged_checks(self) -> pd.DataFrame:
        return self.checks[self.checks["flagged"].astype(bool)]

    def summary(self) -> Summary:
        t = self.table
        fd = int(t["female_dominated"].fillna(False).astype(bool).sum())
        md = int(t["male_dominated"].fillna(False).astype(bool).sum())
        facts = [
            ("model", self.model.name if self.model else "external points"),
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
        show = [c for c in TABLE_COLUMNS + ["job_title"] if c in t.columns]
        tables = [("Jobs", t[show]), ("Bias checks flagged", self.flagged_checks)]
        if len(self.unevaluated):
            tables.append(("Jobs without evaluation", self.unevaluated))
        return Summary("Job evaluation", facts, tables)

    def _repr_html_(self) -> str:
        return self.summary()._repr_html_()

    def __repr__(self) -> str:
        return (
            f"<JobEvaluation {len(self.table)} jobs, {self.table['band'].nunique()} bands of "
            f"{self.band_width:g} points, {len(self.flagged_checks)} checks flagged>"
        )

    def plot(self, ax: Axes | None = None, **kwargs: Any) -> Axes:
        """Job value against mean pay; see :func:`payequity.charts.plot_value_vs_pay`."""
        from .charts import plot_value_vs_pay

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
    raw = _raw(jobs)
    where = str(raw.path)
    cells = raw.cells
    decimal = "," if raw.delimiter == ";" else "."
    if "job_code" not in cells.columns:
        raise SchemaError(f"{where}: no job_code column; the first row must name the columns")
    codes = as_text(cells["job_code"])
    missing = blank(cells["job_code"])
    if missing.any():
        row = int(missing[missing].index[0])
        raise DataFileError(f"{where} row {row}: job_code is empty; fill it in or remove the row")
    has_evaluator = "evaluator" in cells.columns
    if not has_evaluator and codes.duplicated().any():
        dup = codes[codes.duplicated(keep=False)]
        raise DataFileError(
            f"{where}: job {dup.iloc[0]} is evaluated in rows {', '.join(map(str, dup.index))}; "
            "add an evaluator column or keep one row per job"
        )
    jm = model if isinstance(model, JobModel) else load_job_model(model)
    sub_ids = jm.subfactor_ids
    present = [s for s in sub_ids if s in cells.columns]
    external = not present and "points" in cells.columns
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
    table = _dominance(table, cells, codes, where, female_dominated_share, inclusive,
                       male_dominated_share)  # fmt: skip
    first = TABLE_COLUMNS + ([] if external else [f.id for f in jm.factors])
    table = table[first + [c for c in table.columns if c not in first]]
    evaluator_points = per_row if has_evaluator else None
    checks = _checks(table, levels, jm, external, weight_floor, evaluator_points, band_width)
    return JobEvaluation(
        table=table.reset_index(drop=True),
        levels=levels,
        edge_pairs=_edge_pairs(table, tolerance),
        unevaluated=unevaluated,
        checks=checks,
        model=None if external else jm,
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
        },
        evaluator_points=evaluator_points,
    )


def _raw(jobs: pd.DataFrame | str | Path) -> RawTable:
    if isinstance(jobs, pd.DataFrame):
        cells = jobs.reset_index(drop=True).astype(object)
        cells = cells.where(cells.notna(), "")
        cells.index = pd.Index(range(2, len(cells) + 2), name="source_row")
        cells.columns = [str(c).strip() for c in cells.columns]
        return RawTable(cells, Path("<DataFrame>"), "", "frame")
    raw = read_table(jobs)
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
            bad = invalid | num.isna() | (num < 0)
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
    empty = pd.DataFrame({"job_code": pd.Series(dtype=str), "n": pd.Series(dtype=int),
                          "n_women": pd.Series(dtype=int)})  # fmt: skip
    if data is None:
        for c in ("n", "n_women"):
            table[c] = pd.array([pd.NA] * len(table), dtype="Int64")
        table["share_women"] = np.nan
        return table, empty
    frame = data.frame if hasattr(data, "frame") else data
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
                rows.append((values[i][0], values[j][0], values[i][1], values[j][1],
                             values[i][2], values[j][2], diff))  # fmt: skip
    return pd.DataFrame(rows, columns=["job_a", "job_b", "points_a", "points_b", "band_a",
                                       "band_b", "difference"])  # fmt: skip


def _checks(
    t: pd.DataFrame,
    levels: pd.DataFrame | None,
    jm: JobModel,
    external: bool,
    weight_floor: float,
    per_evaluator: pd.DataFrame | None,
    band_width: float,
) -> pd.DataFrame:
    from ._jobchecks import bias_checks

    return bias_checks(t, levels, jm, external, weight_floor, per_evaluator, band_width)

"""Equal value (likvärdigt arbete, DL 3:9 p. 2–3): female-dominated jobs against comparators.

Each female-dominated job (decided organisation-wide by the job evaluation) is paired with each
job that is not female-dominated and has a higher mean pay, in the same band (``equal_value``)
or a lower band (``lower_value_higher_pay``); ``pay_gap_pct = 100·(fd − cmp)/cmp``, flagged
below ``−100·gap_threshold`` (DESIGN §5).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

TABLE_COLUMNS = [
    "unit",
    "female_dominated_job",
    "comparator_job",
    "kind",
    "pay_measure",
    "value_fd",
    "value_cmp",
    "mean_pay_fd",
    "mean_pay_cmp",
    "pay_gap_pct",
    "flagged",
    "band_fd",
    "band_cmp",
    "n_fd",
    "n_cmp",
    "share_women_fd",
    "share_women_cmp",
]


def equal_value_table(
    frame: pd.DataFrame, jobs: pd.DataFrame, unit: str, *, pays: list[str], gap_threshold: float
) -> pd.DataFrame:
    """Rows of ``equal_value.csv`` for one unit ("" = organisation).

    ``jobs`` is the evaluation table (``job_code, points, band, female_dominated``, ...).
    """
    counts = frame.groupby("job_code").size()
    rows = []
    for pay in pays:
        mean = frame.groupby("job_code")[pay].mean()
        j = jobs[jobs["job_code"].isin(mean.index)].copy()
        j["mean_pay"] = j["job_code"].map(mean).astype(float)  # float even when j is empty
        j["n_here"] = j["job_code"].map(counts)
        fd_mask = j["female_dominated"].fillna(False).astype(bool)
        fd, other = j[fd_mask], j[~fd_mask]
        pairs = fd.merge(other, how="cross", suffixes=("_fd", "_cmp"))
        pairs = pairs[pairs["mean_pay_cmp"] > pairs["mean_pay_fd"]]
        kind = np.where(
            pairs["band_cmp"] == pairs["band_fd"],
            "equal_value",
            np.where(pairs["band_cmp"] < pairs["band_fd"], "lower_value_higher_pay", ""),
        )
        pairs = pairs.assign(kind=kind)[kind != ""]
        gap = 100 * (pairs["mean_pay_fd"] - pairs["mean_pay_cmp"]) / pairs["mean_pay_cmp"]
        rows.append(
            pd.DataFrame(
                {
                    "unit": unit,
                    "female_dominated_job": pairs["job_code_fd"].to_numpy(),
                    "comparator_job": pairs["job_code_cmp"].to_numpy(),
                    "kind": pairs["kind"].to_numpy(),
                    "pay_measure": pay,
                    "value_fd": pairs["points_fd"].to_numpy(float),
                    "value_cmp": pairs["points_cmp"].to_numpy(float),
                    "mean_pay_fd": pairs["mean_pay_fd"].to_numpy(float),
                    "mean_pay_cmp": pairs["mean_pay_cmp"].to_numpy(float),
                    "pay_gap_pct": gap.to_numpy(float),
                    "flagged": (gap < -100 * gap_threshold).to_numpy(),
                    "band_fd": pairs["band_fd"].to_numpy(int),
                    "band_cmp": pairs["band_cmp"].to_numpy(int),
                    "n_fd": pairs["n_here_fd"].to_numpy(int),
                    "n_cmp": pairs["n_here_cmp"].to_numpy(int),
                    # the organisation-wide shares that decide female-dominated
                    "share_women_fd": pairs["share_women_fd"].to_numpy(float),
                    "share_women_cmp": pairs["share_women_cmp"].to_numpy(float),
                },
                columns=TABLE_COLUMNS,
            )
        )
    table = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(columns=TABLE_COLUMNS)
    order = {"equal_value": 0, "lower_value_higher_pay": 1}
    table = table.sort_values(
        ["pay_measure", "kind", "female_dominated_job", "comparator_job"],
        key=lambda s: s.map(order) if s.name == "kind" else s,
        kind="stable",
    )
    return table.reset_index(drop=True)

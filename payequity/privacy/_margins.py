"""A value band's averages as the margin of its jobs' (DESIGN §5, complementary suppression).

The public edition shows, per value band, the women's and men's average pay (EU indicator (g))
and, per job, the women's and men's average full-time monthly pay (``equal_work``). A band's
people are its jobs' people, so the band's total less the jobs shown is the pay of the jobs
not shown; where those are one job, or fewer than ``min_cell`` people of a gender, the band's
figure for that gender is withheld too. (The two are different pay measures — annual with
part-time and variable pay against full-time monthly — so the difference is exact only for
full-time staff without variable pay; it is treated as exact.)
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

__all__ = ["band_margins"]


def band_margins(
    eu: pd.DataFrame,
    work: pd.DataFrame | None,
    evaluation: pd.DataFrame | None,
    min_cell: int,
    blank: Callable[[object, str, str], None],
) -> None:
    """Withhold a band's pay figure of a gender (every row of indicator (g) for the band) where
    its jobs' published figures would give one job, or fewer than ``min_cell`` people, back.

    ``work``: the equal-work table (its organisation rows, work group = job); ``evaluation``:
    the job-evaluation table (``job_code``, ``band``); ``blank(row, column, reason)``.

    Examples
    --------
    >>> eu = pd.DataFrame({"indicator": ["g"], "category": ["0"], "component": ["all"],
    ...                    "n_women": [14], "n_men": [10], "pay_women": [1.0], "pay_men": [1.0]})
    >>> work = pd.DataFrame({"unit": ["", ""], "work_group": ["A", "B"],
    ...                      "pay_measure": "monthly_pay", "n_women": [6, 8], "n_men": [2, 8],
    ...                      "mean_women": [None, 2.0], "mean_men": [None, 2.0]})
    >>> ev = pd.DataFrame({"job_code": ["A", "B"], "band": [0, 0]})
    >>> hidden = []
    >>> band_margins(eu, work, ev, 5, lambda i, c, r: hidden.append(c))
    >>> hidden
    ['pay_women', 'pay_men']
    """
    if work is None or evaluation is None or not len(work) or not len(evaluation):
        return
    bands = dict(
        zip(
            evaluation["job_code"].astype(str),
            pd.to_numeric(evaluation["band"], errors="coerce").astype("Int64").astype(str),
            strict=True,
        )
    )
    org = work[work["unit"].fillna("").astype(str) == ""].copy()
    org["band"] = org["work_group"].astype(str).map(bands)
    g_rows = eu.index[eu["indicator"].astype(str) == "g"]
    cats = eu.loc[g_rows, "category"].fillna("").astype(str)
    for gender in ("women", "men"):
        n_col, mean = f"n_{gender}", f"mean_{gender}"
        for band in sorted(set(cats)):
            rows = g_rows[(cats == band).to_numpy()]
            if eu.loc[rows, f"pay_{gender}"].isna().all():
                continue
            total = int(pd.to_numeric(eu.loc[rows, n_col], errors="coerce").max())
            parts = org[org["band"] == band]
            if not len(parts):
                continue
            per = parts.groupby(parts["work_group"].astype(str)).agg(
                n=(n_col, "max"), shown=(mean, lambda s: s.notna().any())
            )
            per = per[per["n"] > 0]
            shown = int(per.loc[per["shown"], "n"].sum())
            if shown == 0:
                continue  # nothing published to take away from the band's figure
            hidden_cells = int((~per["shown"]).sum())
            people = total - shown
            rest = people - int(per.loc[~per["shown"], "n"].sum())
            cells = hidden_cells + (1 if rest >= 1 else 0)
            if people > 0 and (cells < 2 or people < min_cell):
                for i in rows:
                    blank(i, f"pay_{gender}", "complementary")

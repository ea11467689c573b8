"""The main gaps year over year, from the archive (DESIGN §7: archived runs by year).

:func:`year_over_year` reads ``org_gap.json``, ``equal_work.csv``, ``equal_value.csv`` and
``action_plan.csv`` of every archived year before this one and adds this year's figures.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._summary import Summary
from ..exceptions import ConfigError, DataFileError, SchemaError
from ._followup import YEAR_OVER_YEAR_COLUMNS, _year

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["YearOverYear", "year_over_year"]


@dataclass(frozen=True, repr=False)
class YearOverYear:
    """The organisation-wide figures of every archived year, and this year's.

    Attributes
    ----------
    table : DataFrame
        :data:`YEAR_OVER_YEAR_COLUMNS`, one row per year, oldest first. Gaps from
        ``org_gap.json`` (percent, women − men); ``n_equal_work_flagged`` and
        ``n_equal_value_flagged`` count the flagged comparisons at organisation level only
        (``unit`` empty; a group or pair flagged on both pay measures counts once); ``n_measures`` the distinct measures of that year's
        plan, ``plan_cost_yearly`` Σ ``cost_yearly`` of all its steps (the yearly cost once paid). A file
        that is missing gives NaN (counts are floats for that reason).
    missing : dict
        Year → the files that were not there.
    """

    table: pd.DataFrame
    missing: dict[int, list[str]] = field(default_factory=dict)

    def summary(self) -> Summary:
        t = self.table
        facts = [("years", ", ".join(str(int(y)) for y in t["year"]) or "none")]
        for y, files in self.missing.items():
            facts.append((f"missing in {y}", ", ".join(files)))
        return Summary("Year over year", facts, [("Figures by year", t)])

    def _repr_html_(self) -> str:
        return self.summary()._repr_html_()

    def __repr__(self) -> str:
        years = [int(y) for y in self.table["year"]]
        span = f"{years[0]}–{years[-1]}" if years else "no years"
        return f"<YearOverYear {span}, {len(years)} years>"

    def plot(self, ax: Axes | None = None, *, language: str = "sv") -> Axes:
        """Raw mean, raw median and adjusted gap by year (:func:`plot_year_over_year`)."""
        from ..charts import plot_year_over_year

        return plot_year_over_year(self, ax=ax, language=language)


def _flag_count(frame: pd.DataFrame | None) -> float:
    """Flagged comparisons at organisation level (unit empty or NaN), a group or pair flagged
    on either pay measure counted once; NaN without a table."""
    if frame is None:
        return float("nan")
    if "flagged" not in frame.columns:
        raise SchemaError("an equal work/value table without a 'flagged' column; pass the table")
    unit = frame["unit"] if "unit" in frame.columns else pd.Series("", index=frame.index)
    org = unit.isna() | (unit.astype(str).str.strip() == "")
    flagged = frame["flagged"].map(
        lambda v: v if isinstance(v, bool | np.bool_) else str(v).strip().lower() in ("true", "1")
    )
    hit = frame[(org & flagged.astype(bool)).to_numpy()]
    keys = [c for c in ("work_group", "female_dominated_job", "comparator_job") if c in hit]
    return float(len(hit.drop_duplicates(keys)) if keys else len(hit))


def _plan_figures(plan: pd.DataFrame | None, year: int) -> tuple[float, float]:
    if plan is None:
        return float("nan"), float("nan")
    if hasattr(plan, "table"):
        plan = plan.table
    for col in ("measure_id", "year", "cost_yearly"):
        if col not in plan.columns:
            raise SchemaError(f"action plan of {year}: column {col!r} is missing")
    # the plan's whole yearly cost once paid: its steps take effect at pay reviews after the
    # survey, so none may fall in the survey year itself
    cost = pd.to_numeric(plan["cost_yearly"], errors="coerce")
    return float(plan["measure_id"].nunique()), float(cost.sum())


def _year_row(year: int, gap: dict | None, ew, ev, plan) -> dict[str, Any]:
    gap = gap or {}

    def num(k: str) -> float:
        v = gap.get(k)
        return float(v) if isinstance(v, int | float) and not isinstance(v, bool) else math.nan

    n_measures, cost = _plan_figures(plan, year)
    return {
        "year": year,
        **{k: num(k) for k in YEAR_OVER_YEAR_COLUMNS[1:6]},
        "n_equal_work_flagged": _flag_count(ew),
        "n_equal_value_flagged": _flag_count(ev),
        "n_measures": n_measures,
        "plan_cost_yearly": cost,
    }


def _read_archived(folder: Path) -> tuple[tuple[Any, ...], list[str]]:
    data = folder / "data"
    missing = []
    gap = None
    path = data / "org_gap.json"
    if path.is_file():
        try:
            gap = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise DataFileError(f"{path}: not readable as JSON ({exc}); restore it") from None
    else:
        missing.append("org_gap.json")
    frames = []
    for name in ("equal_work.csv", "equal_value.csv", "action_plan.csv"):
        path = data / name
        if not path.is_file():
            missing.append(name)
            frames.append(None)
            continue
        try:
            frames.append(pd.read_csv(path, dtype={"unit": str, "measure_id": str}))
        except (OSError, ValueError) as exc:
            raise DataFileError(f"{path}: not readable as CSV ({exc}); restore it") from None
    return (gap, *frames), missing


def year_over_year(
    archive_dir: str | Path,
    *,
    year: int,
    current: dict[str, Any] | None = None,
) -> YearOverYear:
    """Collect the organisation-wide figures of the archived years before ``year``, and this one.

    Parameters
    ----------
    archive_dir : path
        The archive (``archive.dir``): folders ``<y>/data/`` with ``org_gap.json``,
        ``equal_work.csv``, ``equal_value.csv`` and ``action_plan.csv``. Every folder named by a
        year before ``year`` is read; a missing file leaves its figures NaN (not an error), a
        missing archive gives no earlier years.
    year : int
        This year.
    current : dict, optional
        This year's results, not yet archived: ``org_gap`` (a dict like ``org_gap.json``),
        ``equal_work`` and ``equal_value`` (the tables), ``action_plan`` (the plan table or
        None); a key left out counts as a missing file. Without ``current`` the archived folder
        of ``year`` is read when there is one.

    Returns
    -------
    YearOverYear

    Examples
    --------
    >>> import pandas as pd, tempfile
    >>> ew = pd.DataFrame({"unit": ["", "", "X"], "flagged": [True, False, True]})
    >>> now = {"org_gap": {"raw_mean_gap_pct": -4.0, "adjusted_gap_pct": -1.0},
    ...        "equal_work": ew, "equal_value": None, "action_plan": None}
    >>> with tempfile.TemporaryDirectory() as archive:
    ...     res = year_over_year(archive, year=2027, current=now)
    >>> row = res.table.iloc[0]
    >>> int(row["year"]), float(row["raw_mean_gap_pct"]), float(row["n_equal_work_flagged"])
    (2027, -4.0, 1.0)
    """
    year = _year(year)
    archive = Path(archive_dir)
    rows, missing = [], {}
    folders = (
        sorted((int(d.name), d) for d in archive.iterdir() if d.is_dir() and d.name.isdigit())
        if archive.is_dir()
        else []
    )
    for y, folder in folders:
        if y > year or (y == year and current is not None):
            continue
        (gap, ew, ev, plan), gone = _read_archived(folder)
        rows.append(_year_row(y, gap, ew, ev, plan))
        if gone:
            missing[y] = gone
    if current is not None:
        unknown = set(current) - {"org_gap", "equal_work", "equal_value", "action_plan"}
        if unknown:
            raise ConfigError(
                f"current has unknown keys {', '.join(sorted(unknown))}; use org_gap, "
                "equal_work, equal_value, action_plan"
            )

        def table(key: str) -> pd.DataFrame | None:
            v = current.get(key)
            return v.table if v is not None and hasattr(v, "table") else v

        rows.append(
            _year_row(
                year,
                current.get("org_gap"),
                table("equal_work"),
                table("equal_value"),
                table("action_plan"),
            )
        )
        gone = [
            k
            for k in ("org_gap", "equal_work", "equal_value", "action_plan")
            if current.get(k) is None
        ]
        if gone:
            missing[year] = gone
    t = pd.DataFrame(rows, columns=list(YEAR_OVER_YEAR_COLUMNS))
    t = t.astype({c: float for c in YEAR_OVER_YEAR_COLUMNS[1:]} | {"year": "int64"})
    return YearOverYear(t.sort_values("year", kind="stable").reset_index(drop=True), missing)

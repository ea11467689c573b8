"""The year-over-year chart: raw mean, raw median and adjusted gap per year, against 0.

Same style as :mod:`payequity.charts` (Okabe–Ito colours, a new figure when ``ax`` is None,
numbers the Swedish way unless ``language="en"``). The three lines differ by marker and line
style as well as colour, so the chart reads in black and white. matplotlib is imported inside
the function and nothing calls ``plt.show()``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._format import fmt_pct
from ..exceptions import InsufficientDataError

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_year_over_year"]

_TEXT = {
    "sv": {
        "title": "Löneskillnaden år för år",
        "y": "Kvinnors lön jämfört med mäns",
        "x": "År",
        "raw_mean": "Ojusterat, medellön",
        "raw_median": "Ojusterat, medianlön",
        "adjusted": "Justerat (regression)",
        "ci": "Justerat: 95 % konfidensintervall",
        "latest": "{year}: {value}",
        "note": "Månadslön inkl. tillägg, hela organisationen. Under 0 = kvinnor tjänar mindre.",
    },
    "en": {
        "title": "The pay gap year by year",
        "y": "Women's pay compared with men's",
        "x": "Year",
        "raw_mean": "Raw, mean pay",
        "raw_median": "Raw, median pay",
        "adjusted": "Adjusted (regression)",
        "ci": "Adjusted: 95% confidence interval",
        "latest": "{year}: {value}",
        "note": "Monthly pay with supplements, whole organisation. Below 0 = women earn less.",
    },
}


def _y_pct_formatter(language: str, ax: Axes):  # noqa: ANN202 - a matplotlib Formatter
    """Percent ticks on the y axis with as many decimals as the tick step needs."""
    from matplotlib.ticker import FuncFormatter

    def fmt(v: float, _pos: int) -> str:
        ticks = ax.get_yticks()
        step = float(np.min(np.diff(ticks))) if len(ticks) > 1 else 1.0
        decimals = 0 if step >= 1 else 1 if step >= 0.1 else 2
        v = 0.0 if abs(v) < 10 ** -(decimals + 1) else v
        return fmt_pct(v, decimals, language)

    return FuncFormatter(fmt)


def plot_year_over_year(result: Any, *, ax: Axes | None = None, language: str = "sv") -> Axes:
    """Draw the organisation-wide gaps of each year (a ``YearOverYear`` or its table).

    Raw mean gap (blue circles, solid), raw median gap (green hollow squares, dashed) and adjusted
    gap (vermillion diamonds, dash-dot) with its confidence interval as error bars and, between
    consecutive years that have one, a shaded band; a black line marks no gap. Years are whole-number ticks;
    the legend gives each line's latest value ("−2,6 %" in Swedish, "−2.6%" with
    ``language="en"``). One year is enough.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"year": [2026, 2027], "raw_mean_gap_pct": [-5.0, -4.2],
    ...                   "raw_median_gap_pct": [-3.0, -2.6], "adjusted_gap_pct": [-1.0, -0.8],
    ...                   "ci_low": [-1.6, -1.3], "ci_high": [-0.4, -0.3]})
    >>> ax = plot_year_over_year(t)
    >>> [tick.get_text() for tick in ax.get_xticklabels()]
    ['2026', '2027']
    >>> ax.get_legend().get_texts()[1].get_text()
    'Ojusterat, medianlön (2027: −2,6\\xa0%)'
    """
    from ._base import OKABE_ITO, _axes

    text = _TEXT.get(language, _TEXT["sv"])
    table = result.table if hasattr(result, "table") else pd.DataFrame(result)
    if table.empty:
        raise InsufficientDataError("no year to plot: the archive and this year have no figures")
    t = table.sort_values("year", kind="stable")
    years = t["year"].to_numpy(dtype=int)

    def col(name: str) -> np.ndarray:
        if name not in t.columns:
            return np.full(len(t), np.nan)
        return pd.to_numeric(t[name], errors="coerce").to_numpy(dtype=float)

    ax = _axes(ax, size=(8, 4.8))
    ax.axhline(0, color="black", linewidth=0.9, zorder=1)
    series = [
        ("raw_mean_gap_pct", "raw_mean", OKABE_ITO["blue"], "o", "-"),
        ("raw_median_gap_pct", "raw_median", OKABE_ITO["green"], "s", "--"),
        ("adjusted_gap_pct", "adjusted", OKABE_ITO["vermillion"], "D", "-."),
    ]
    lo, hi = col("ci_low"), col("ci_high")
    has_ci = np.isfinite(lo) & np.isfinite(hi)
    shown: list[np.ndarray] = []
    for name, key, colour, marker, style in series:
        y = col(name)
        ok = np.isfinite(y)
        if not ok.any():
            continue
        last = int(np.flatnonzero(ok)[-1])
        latest = text["latest"].format(year=years[last], value=fmt_pct(y[last], 1, language))
        label = f"{text[key]} ({latest})"
        # connect the years that have a value; markers hollow for the raw median (B/W)
        face = "white" if key == "raw_median" else colour
        ax.plot(
            years[ok],
            y[ok],
            color=colour,
            linestyle=style,
            linewidth=1.8,
            marker=marker,
            markersize=7,
            markerfacecolor=face,
            markeredgecolor=colour,
            label=label,
            zorder=3,
        )
        shown.append(y[ok])
        if key == "adjusted" and has_ci.any():
            yy = np.where(has_ci, y, np.nan)
            err = np.vstack([yy - lo, hi - yy])
            ax.errorbar(
                years[has_ci],
                yy[has_ci],
                yerr=err[:, has_ci],
                fmt="none",
                ecolor=colour,
                elinewidth=1.2,
                capsize=5,
                capthick=1.2,
                zorder=2,
                label=text["ci"],
            )
            if has_ci.sum() >= 2:  # a band between consecutive years that have an interval
                ax.fill_between(
                    years,
                    np.where(has_ci, lo, np.nan),
                    np.where(has_ci, hi, np.nan),
                    color=colour,
                    alpha=0.12,
                    linewidth=0,
                    zorder=1,
                )
            shown += [lo[has_ci], hi[has_ci]]
    values = np.concatenate(shown + [np.array([0.0])])
    top, bottom = float(np.max(values)), float(np.min(values))
    pad = 0.15 * (top - bottom) if top > bottom else 1.0
    ax.set_ylim(bottom - pad, top + pad)
    ax.set_xticks(years, [str(y) for y in years])
    ax.set_xlim(years.min() - 0.5, years.max() + 0.5)
    ax.yaxis.set_major_formatter(_y_pct_formatter(language, ax))
    ax.set_ylabel(text["y"])
    ax.set_xlabel(text["x"])
    ax.set_title(text["title"], loc="left")
    if ax.get_legend_handles_labels()[0]:
        ax.legend(loc="best", fontsize=8.5, frameon=True, framealpha=1.0, edgecolor="none")
    ax.text(0, -0.18, text["note"], transform=ax.transAxes, fontsize=7.5, color="#444444", va="top")
    return ax

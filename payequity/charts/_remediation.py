"""The remediation curve: what each budget buys in remaining pay gap.

Same style as :mod:`payequity.charts` (Okabe–Ito colours, readable in black and white through
markers and line styles, a new figure when ``ax`` is None, numbers the Swedish way unless
``language="en"``); matplotlib is imported inside the function and nothing calls ``plt.show()``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from .._format import fmt_kr, fmt_number, fmt_pct
from ..exceptions import InsufficientDataError

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_remediation_curve"]

_TEXT = {
    "sv": {
        "title": "Kostnad och kvarvarande löneskillnad",
        "x": "Kostnad per år, inkl. {overhead} lönebikostnader",
        "y": "Kvarvarande löneskillnad",
        "max": "Största gapet i en grupp",
        "mean": "Genomsnitt, viktat efter antal",
        "target": "Mål: {target}",
        "budget": "Budget: {budget}",
        "one": "Kvarvarande skillnad",
        "note": "Skillnad i procent av det gynnade könets medellön i gruppen ({gap}); {n}.",
        "groups": ("{n} grupp", "{n} grupper"),
        "raw": "rå skillnad i medellön",
        "adjusted": "justerad med {controls}",
    },
    "en": {
        "title": "Cost and remaining pay gap",
        "x": "Cost per year, incl. {overhead} payroll overhead",
        "y": "Remaining pay gap",
        "max": "Largest gap in a group",
        "mean": "Mean, weighted by head count",
        "target": "Target: {target}",
        "budget": "Budget: {budget}",
        "one": "Remaining gap",
        "note": "Gap in percent of the advantaged gender's mean pay in the group ({gap}); {n}.",
        "groups": ("{n} group", "{n} groups"),
        "raw": "raw difference in mean pay",
        "adjusted": "adjusted for {controls}",
    },
}


def plot_remediation_curve(
    result: Any, *, ax: Axes | None = None, language: str = "sv", points: int = 11
) -> Axes:
    """Remaining gap against yearly cost for budgets from 0 to the cost of the target.

    Two lines from :meth:`RemediationResult.curve`: the largest remaining gap of any group
    (vermillion, squares, solid) and the mean weighted by head count of the disadvantaged
    gender (blue, open circles, dash-dot; left out when there is one group, as it equals the
    largest); the target is a dashed black line and a given budget a dotted vertical.

    Parameters
    ----------
    result : RemediationResult
    ax : matplotlib.axes.Axes, optional
        Draw here; None makes a new figure.
    language : {"sv", "en"}
    points : int
        Budgets on the curve (solved one by one).

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import pandas as pd
    >>> from payequity.actions._optimise import optimise_remediation
    >>> df = pd.DataFrame({"employee_id": list("abcd"), "gender": list("FFMM"),
    ...                    "work_group": "g", "fte": [0.5, 1, 1, 1],
    ...                    "base_salary": [28000.0, 28000, 30000, 30000]})
    >>> ax = plot_remediation_curve(optimise_remediation(df, groups=["g"]))
    >>> ax.get_ylabel(), ax.xaxis.get_major_formatter()(1200000, 0)
    ('Kvarvarande löneskillnad', '1\\xa0200\\xa0000\\xa0kr')
    """
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    from ._base import _CONTROL_NAMES, OKABE_ITO, _axes, _kr_formatter

    text = _TEXT.get(language, _TEXT["sv"])
    curve = result.curve(points)
    if curve.empty:
        raise InsufficientDataError("no group to remedy, so no curve to plot")
    ax = _axes(ax, size=(8, 4.8))
    x = curve["cost_yearly"].to_numpy(float)
    single = len(result.groups) == 1  # then the largest gap is the mean: one line
    ax.plot(
        x,
        curve["max_remaining_gap_pct"],
        color=OKABE_ITO["vermillion"],
        marker="s",
        markersize=6,
        linewidth=1.8,
        linestyle="-",
        label=text["one" if single else "max"],
        zorder=3,
    )
    if not single:
        ax.plot(
            x,
            curve["mean_remaining_gap_pct"],
            color=OKABE_ITO["blue"],
            marker="o",
            markersize=6,
            markerfacecolor="white",
            markeredgewidth=1.5,
            linewidth=1.8,
            linestyle="-.",
            label=text["mean"],
            zorder=3,
        )
    target = float(result.target_gap_pct)
    ax.axhline(
        target,
        color="black",
        linestyle="--",
        linewidth=1.0,
        zorder=2,
        label=text["target"].format(target=fmt_pct(target, 1, language)),
    )
    if result.budget is not None:
        ax.axvline(
            result.budget,
            color="#666666",
            linestyle=":",
            linewidth=1.2,
            zorder=2,
            label=text["budget"].format(budget=fmt_kr(result.budget, 0, language)),
        )
    top = float(np.nanmax(curve["max_remaining_gap_pct"].to_numpy(float)))
    low = min(0.0, target)
    ax.set_ylim(low - 0.04 * (top - low or 1), top + 0.12 * (top - low or 1))
    right = max(float(x.max()), float(result.budget or 0)) or 1.0
    ax.set_xlim(-0.03 * right, 1.04 * right)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=5, min_n_ticks=3))
    ax.xaxis.set_major_formatter(_kr_formatter(language, "SEK"))

    def pct(v: float, _pos: int) -> str:
        ticks = ax.get_yticks()
        step = float(np.min(np.diff(ticks))) if len(ticks) > 1 else 1.0
        decimals = 0 if step >= 1 else 1 if step >= 0.1 else 2
        return fmt_pct(0.0 if abs(v) < 10 ** -(decimals + 1) else v, decimals, language)

    ax.yaxis.set_major_formatter(FuncFormatter(pct))
    overhead = 100 * result.settings.get("overhead", 0.0)
    ax.set_xlabel(text["x"].format(overhead=fmt_pct(overhead, 0, language)))
    ax.set_ylabel(text["y"])
    # the legend above the plot, where it cannot hide a line
    ax.legend(
        loc="lower left",
        bbox_to_anchor=(0.0, 1.02),
        ncol=2,
        fontsize=8,
        frameon=False,
        borderaxespad=0,
        handlelength=3,
    )
    rows = (len(ax.get_legend_handles_labels()[1]) + 1) // 2
    ax.set_title(text["title"], loc="left", pad=12 + 14 * rows)
    names = _CONTROL_NAMES.get(language, {})
    controls = [names.get(c, c) for c in result.settings.get("controls") or []]
    gap = (
        text["adjusted"].format(controls=", ".join(controls))
        if result.gap == "adjusted"
        else text["raw"]
    )
    count = len(result.groups)
    n = text["groups"][count != 1].format(n=fmt_number(count, 0, language))
    ax.annotate(
        text["note"].format(gap=gap, n=n),
        (0, 0),
        xycoords="axes fraction",
        xytext=(0, -44),
        textcoords="offset points",
        fontsize=7.5,
        color="#444444",
        va="top",
    )
    return ax

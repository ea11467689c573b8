"""The action plan chart: the yearly cost of each year's new steps, by kind of measure.

Same style as :mod:`payequity.charts`; matplotlib is imported inside the function and nothing
calls ``plt.show()``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._format import fmt_kr

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_action_plan"]

_TEXT = {
    "sv": {
        "title": "Handlingsplanens kostnad: nya lönejusteringar per år",
        "y": "Årskostnad inkl. lönebikostnader",
        "x": "År",
        "person": "Individuella justeringar (lika arbete)",
        "equal_value": "Justeringar av kvinnodominerade yrken (likvärdigt arbete)",
        "none": "Inga åtgärder behövs",
    },
    "en": {
        "title": "Cost of the action plan: new adjustments by year",
        "y": "Yearly cost incl. payroll overhead",
        "x": "Year",
        "person": "Individual adjustments (equal work)",
        "equal_value": "Adjustments of female-dominated jobs (equal value)",
        "none": "No measures needed",
    },
}


def plot_action_plan(plan: Any, *, ax: Axes | None = None, language: str = "sv") -> Axes:
    """Stacked bars of the yearly cost of each year's steps, person and equal-value measures.

    Every bar carries its total in kronor; the hatching tells the kinds apart in black and
    white. A suppressed amount (an aggregate edition: NaN) counts as nothing.

    Examples
    --------
    >>> import payequity as pe
    >>> from payequity.actions import action_plan, assess
    >>> data = pe.datasets.generate(600, seed=1)
    >>> ax = plot_action_plan(action_plan(assess(pe.equal_work(data)), data, year=2026))
    >>> ax.get_xlabel()
    'År'
    """
    from ._base import OKABE_ITO, _axes, _kr_formatter

    text = _TEXT[language]
    ax = _axes(ax, (8, 4.5))
    t = plan.table
    if t.empty:
        ax.text(0.5, 0.5, text["none"], ha="center", va="center", transform=ax.transAxes)
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_title(text["title"], loc="left")
        return ax
    years = list(range(int(t["year"].min()), int(t["year"].max()) + 1))
    bottom = [0.0] * len(years)
    styles = {"person": (OKABE_ITO["blue"], ""), "equal_value": (OKABE_ITO["orange"], "//")}
    for kind, (colour, hatch) in styles.items():
        by = t[t["kind"] == kind].groupby("year")["cost_yearly"].sum()
        values = [float(by.get(y, 0.0)) for y in years]
        if not any(values):
            continue
        ax.bar(
            years,
            values,
            bottom=bottom,
            color=colour,
            hatch=hatch,
            edgecolor="white",
            label=text[kind],
            width=0.6,
        )
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    for y, total in zip(years, bottom, strict=True):
        ax.annotate(
            fmt_kr(total, 0, language),
            (y, total),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=9,
        )
    ax.set_xticks(years, [str(y) for y in years])
    ax.set_ylim(0, max(bottom) * 1.15 or 1)
    ax.yaxis.set_major_formatter(_kr_formatter(language, "SEK"))
    ax.set_xlabel(text["x"])
    ax.set_ylabel(text["y"], fontsize=9)
    ax.set_title(text["title"], loc="left")
    ax.legend(frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.14), fontsize=9)
    return ax

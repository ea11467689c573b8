"""Pay spread by gender within equal-work groups: P10–P90 with the median, and for readers who
may see people (hr, union) the lowest and highest pay and every person's pay as a point."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from .._format import fmt_number
from ..exceptions import InsufficientDataError
from ._base import OKABE_ITO, _axes, _fit_ticks, _kr_formatter
from ._groups import _shown_note

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = ["plot_pay_spread"]

_TEXT = {
    "sv": {
        "title": "Lönespridning per kön i flaggade grupper",
        "x": "Lön per månad, heltid",
        "women": "Kvinnor",
        "men": "Män",
        "range": "P10–P90 med median",
        "extremes": "Lägsta–högsta lön",
        "person": "En person",
        "one": "1 person",
        "few": "{n} personer (för få för P10–P90)",
        "base_salary": "grundlön",
        "monthly_pay": "månadslön",
        "hidden": "{who} visas inte: för få kvinnor eller män, direkt eller via andra siffror",
        "median_only": "bara median: för få för P10–P90",
    },
    "en": {
        "title": "Pay spread by gender in flagged groups",
        "x": "Monthly pay, full time",
        "women": "Women",
        "men": "Men",
        "range": "P10–P90 with median",
        "extremes": "Lowest–highest pay",
        "person": "One person",
        "one": "1 person",
        "few": "{n} people (too few for P10–P90)",
        "base_salary": "base salary",
        "monthly_pay": "monthly pay",
        "hidden": "{who} not shown: too few women or men, directly or through other figures",
        "median_only": "median only: too few for P10–P90",
    },
}
MIN_SPREAD = 5  # a gender with fewer people in a group has no P10–P90 (nor a median marker over
# its people): the percentiles of two or three people say nothing
_STYLE = {  # as in plot_pay_by_gender: women filled vermillion triangles, men open blue squares
    "F": ("women", 0.2, "^", OKABE_ITO["vermillion"], "black", OKABE_ITO["vermillion"]),
    "M": ("men", -0.2, "s", "white", OKABE_ITO["blue"], OKABE_ITO["blue"]),
}


def plot_pay_spread(
    result: Any,
    *,
    ax: Axes | None = None,
    unit: str | None = None,
    people: pd.DataFrame | None = None,
    extremes: bool = False,
    flagged_only: bool = True,
    language: str = "sv",
    labels: dict[str, str] | None = None,
    currency: str = "SEK",
    limit: int = 20,
) -> Axes:
    """The pay spread of women and men in each flagged equal-work group and pay measure.

    Per group and gender a thick line runs from P10 to P90 with a marker at the median. A
    gender of fewer than five people (``MIN_SPREAD``) has no P10–P90 line: with ``people`` each
    person is a small marker of the gender's shape, otherwise the median is a single marker;
    a note says how many ("1 person", "2 personer (för få för P10–P90)"). With ``extremes`` a
    thin line runs from the lowest to the highest pay; with ``people`` (the person rows of
    ``people.csv``: unit, work_group, pay_measure, gender, pay) every person is a small point,
    in a strip beside the thick line and drawn above it.

    Parameters
    ----------
    result : EqualWorkResult or DataFrame
        The equal-work table (``equal_work.csv``: P10, median, P90, min and max by gender).
    unit : str, optional
        The unit to draw; default the organisation-wide groups ("").
    people : DataFrame, optional
        Individual pay, drawn as points (only for readers who may see people).
    extremes : bool
        Draw the lowest and highest pay (only for readers who may see people).
    flagged_only : bool
        Only the flagged groups (each flagged pay measure of a group is a row of its own).
    labels : dict, optional
        Work-group code → name.
    limit : int
        The most rows drawn: beyond it, the largest groups (by head count), with a note that
        says how many of how many are shown.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> t = pd.DataFrame({"unit": [""], "work_group": ["A"], "pay_measure": ["base_salary"],
    ...     "flagged": [True], "n_women": [5], "n_men": [1], "p10_women": [30000],
    ...     "median_women": [31000], "p90_women": [33000], "p10_men": [34000],
    ...     "median_men": [34000], "p90_men": [34000]})
    >>> plot_pay_spread(t).get_title(loc="left")
    'Lönespridning per kön i flaggade grupper'
    """
    from matplotlib.lines import Line2D
    from matplotlib.transforms import blended_transform_factory, offset_copy

    text = _TEXT.get(language, _TEXT["sv"])
    t = getattr(result, "table", result).copy()
    t["unit"] = t["unit"].fillna("").astype(str)
    t = t[t["unit"] == (unit or "")]
    if flagged_only:
        t = t[t["flagged"].astype(bool)]
    if t.empty:
        raise InsufficientDataError("no flagged equal-work group to draw the pay spread of")
    total = len(t)  # beyond ``limit`` rows the chart is unreadable: the largest groups
    t = t.assign(_n=t["n_women"] + t["n_men"]).sort_values("_n", ascending=False).head(limit)
    t = t.sort_values(["work_group", "pay_measure"]).reset_index(drop=True)
    own = ax is None
    ax = _axes(ax, size=(8, 1.9 + 0.78 * len(t)))
    _shown_note(ax, len(t), total, language)
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    persons = _people(people, unit or "")
    rng = np.random.default_rng(0)  # the points' small vertical jitter: the same every run
    notes = []  # (annotation, lowest value of its row): moved left if it runs off the axes
    hidden = 0  # genders of a row with nothing to draw (suppressed)
    for k, r in t.iterrows():
        y0 = -float(k)
        for code, (who, off, marker, face, edge, line) in _STYLE.items():
            y = y0 + off
            n = _int(r.get(f"n_{who}"))
            med = _num(r.get(f"median_{who}"))
            small = n < MIN_SPREAD  # too few for P10–P90: no bar, no median marker over the people
            pay = None
            if persons is not None:
                pay = persons.get((str(r["work_group"]), str(r["pay_measure"]), code))
            shown = pay is not None and len(pay) > 0
            if shown and not small:  # a strip beside the bar, on the side away from the other
                ax.scatter(  # gender, above everything: no point hides under the bar or median
                    pay,
                    y + np.sign(off) * 0.11 + rng.uniform(-0.04, 0.04, len(pay)),
                    s=7,
                    color=line,
                    alpha=0.55,
                    linewidths=0,
                    zorder=6,
                )
            lo, hi = _num(r.get(f"min_{who}")), _num(r.get(f"max_{who}"))
            if extremes and n > 1 and not np.isnan(lo) and not np.isnan(hi):
                ax.plot([lo, hi], [y, y], color=line, linewidth=0.8, zorder=3)
                if not (shown and small):  # else the people are the lowest and highest
                    ax.scatter([lo, hi], [y, y], marker="|", s=60, color=line, zorder=3)
            p10, p90 = _num(r.get(f"p10_{who}")), _num(r.get(f"p90_{who}"))
            if not small and not np.isnan(p10) and not np.isnan(p90):
                ax.plot([p10, p90], [y, y], color=line, linewidth=3.2, alpha=0.85, zorder=4)
            if shown and small:  # each person, in the gender's marker, instead of a median
                ax.scatter(
                    pay,
                    np.full(len(pay), y),
                    marker=marker,
                    s=9,
                    facecolors=face,
                    edgecolors=edge,
                    linewidths=0.6,
                    zorder=6,
                )
            elif not np.isnan(med):
                ax.scatter(
                    [med], [y], marker=marker, s=55, facecolors=face, edgecolors=edge, zorder=5
                )
            drawn = (
                shown
                or (extremes and n > 1 and not np.isnan(lo) and not np.isnan(hi))
                or (not small and not np.isnan(p10) and not np.isnan(p90))
                or not np.isnan(med)
            )
            if n >= 1 and not drawn:  # suppressed (an aggregate edition): say so on its line
                ax.annotate(
                    text["hidden"].format(who=text[who]),
                    (0, y),
                    xycoords=blended_transform_factory(ax.transAxes, ax.transData),
                    xytext=(4, 0),
                    textcoords="offset points",
                    va="center",
                    fontsize=7.5,
                    color="#333333",
                )
                hidden += 1
            elif not small and np.isnan(p10) and not np.isnan(med):  # P10/P90 suppressed
                note = ax.annotate(
                    text["median_only"],
                    (med, y),
                    xytext=(7, 0),
                    textcoords="offset points",
                    va="center",
                    fontsize=7.5,
                    color="#333333",
                )
                notes.append((note, med, y))
            if small and n >= 1:
                values = [med, *((lo, hi) if extremes else ()), *(pay if shown else ())]
                values = [float(v) for v in values if not np.isnan(v)]
                if values:
                    note = ax.annotate(
                        text["one"] if n == 1 else text["few"].format(n=n),
                        (max(values), y),
                        xytext=(7, 0),
                        textcoords="offset points",
                        va="center",
                        fontsize=7.5,
                        color="#333333",
                    )
                    notes.append((note, min(values), y))
    if hidden == 2 * len(t):
        if own:
            import matplotlib.pyplot as plt

            plt.close(ax.figure)
        raise InsufficientDataError("every figure of the flagged groups' pay spread is suppressed")
    names = [
        f"{(labels or {}).get(str(g), str(g))}\n{text.get(str(m), str(m))} "
        f"({fmt_number(_int(w), 0, language)} + {fmt_number(_int(mn), 0, language)})"
        for g, m, w, mn in zip(
            t["work_group"], t["pay_measure"], t["n_women"], t["n_men"], strict=True
        )
    ]
    ax.set_yticks(-np.arange(len(t)), names, fontsize=8.5)
    ax.set_ylim(-len(t) + 0.45, 0.55)
    for k in range(1, len(t)):
        ax.axhline(-k + 0.5, color="#cccccc", linewidth=0.6)
    _fit_ticks(ax.xaxis, per_tick=1.0)
    ax.xaxis.set_major_formatter(_kr_formatter(language, currency))
    ax.set_xlabel(text["x"])
    handles = [
        Line2D(
            [],
            [],
            marker="^",
            color=OKABE_ITO["vermillion"],
            markeredgecolor="black",
            linewidth=3.2,
            markersize=7,
            label=text["women"],
        ),
        Line2D(
            [],
            [],
            marker="s",
            color=OKABE_ITO["blue"],
            markerfacecolor="white",
            markeredgecolor=OKABE_ITO["blue"],
            linewidth=3.2,
            markersize=6,
            label=text["men"],
        ),
        Line2D([], [], color="#555555", linewidth=3.2, label=text["range"]),
    ]
    if extremes:
        handles.append(
            Line2D(
                [],
                [],
                color="#555555",
                linewidth=0.8,
                marker="|",
                markersize=8,
                label=text["extremes"],
            )
        )
    if persons is not None:
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                linestyle="",
                color="#555555",
                alpha=0.6,
                markersize=3,
                label=text["person"],
            )
        )
    ax.legend(
        handles=handles,
        loc="lower left",
        # in points above the axes (the note of shown groups sits below it), whatever the height
        bbox_to_anchor=(0.0, 1.0),
        bbox_transform=offset_copy(ax.transAxes, fig=ax.figure, y=11, units="points"),
        ncol=len(handles),
        fontsize=7.5,
        frameon=False,
        borderaxespad=0,
        handlelength=2.2,
    )
    ax.set_title(text["title"], loc="left", pad=32)
    _keep_inside(ax, notes)
    return ax


def _keep_inside(ax: Axes, notes: list) -> None:
    """Move a note ("2 personer") that would run past the right of the axes to the left of
    its row's lowest value."""
    if not notes:
        return
    fig = ax.figure
    fig.canvas.draw()
    if fig.get_layout_engine() is not None:  # freeze the layout: the check holds when saved
        fig.set_layout_engine("none")
    renderer = fig.canvas.get_renderer()
    right = ax.get_window_extent(renderer).x1
    for note, low, y in notes:
        if note.get_window_extent(renderer).x1 > right:
            note.xy = (low, y)
            note.set_position((-7, 0))
            note.set_horizontalalignment("right")


def _people(
    people: pd.DataFrame | None, unit: str
) -> dict[tuple[str, str, str], np.ndarray] | None:
    """(work group, pay measure, gender) → the pay of each person in the unit's groups."""
    if people is None or people.empty:
        return None
    p = people[people["unit"].fillna("").astype(str) == unit]
    return {
        (str(g), str(m), str(s)): np.sort(x["pay"].to_numpy(dtype=float))
        for (g, m, s), x in p.groupby(["work_group", "pay_measure", "gender"])
    }


def _num(v: Any) -> float:
    try:
        return float(v)
    except (TypeError, ValueError):
        return float("nan")


def _int(v: Any) -> int:
    x = _num(v)
    return 0 if np.isnan(x) else int(x)

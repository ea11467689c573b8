"""Equal work and equal value: gaps by group, pay by gender, female-dominated jobs against comparators."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from .._format import fmt_pct
from ..exceptions import InsufficientDataError
from ._base import (
    _CONTROL_NAMES,
    _GAP_TEXT,
    OKABE_ITO,
    _axes,
    _fit_ticks,
    _hidden_words,
    _kr_formatter,
    _pct_formatter,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_equal_value", "plot_gap_by_group", "plot_pay_by_gender"]


def _unit(table, unit: str | None) -> str:  # noqa: ANN001 - DataFrame
    """The unit to draw: as given, else the table's only unit, else the organisation ("")."""
    if unit is not None:
        return unit
    units = table["unit"].unique()
    return str(units[0]) if len(units) == 1 else ""


def _rows(table, unit: str, pay: str, limit: int):  # noqa: ANN001, ANN202 - DataFrame in, out
    t = table[(table["unit"] == unit) & (table["pay_measure"] == pay)]
    t = t[t["needs_assessment"].astype(bool)]
    # flagged first, then the largest groups, so a long list keeps what matters
    t = t.assign(_n=t["n_women"] + t["n_men"]).sort_values(["flagged", "_n"], ascending=False)
    return t.head(limit).iloc[::-1], len(t)


def _shown_note(
    ax: Axes, shown: int, total: int, language: str, hidden: str = "", n_hidden: int = 0
) -> None:
    """A line above the axes: how many of how many groups are shown (``total`` counts the
    ``n_hidden`` suppressed ones too), and what is hidden."""
    parts = []
    if shown + n_hidden < total:  # some left out for room, not only suppressed
        parts.append(
            f"Visar {shown} av {total} grupper: flaggade och största först"
            if language == "sv"
            else f"Showing {shown} of {total} groups: flagged and largest first"
        )
    if hidden:
        parts.append(hidden)
    if parts:
        text = ". ".join(parts)
        ax.text(
            0.0,
            1.0,
            text,
            transform=ax.transAxes,
            ha="left",
            va="bottom",
            fontsize=7,
            color="#555555",
        )


def plot_gap_by_group(
    result: Any,
    *,
    ax: Axes | None = None,
    unit: str | None = None,
    pay: str = "base_salary",
    language: str = "sv",
    limit: int = 30,
    labels: dict[str, str] | None = None,
) -> Axes:
    """Women's pay as % of men's per work group: adjusted (with CI) or raw, flags marked.

    Regression-tested groups show ``100 + adjusted_gap_pct`` with its confidence interval
    (filled circles); the others their raw ratio (open diamonds). Flagged groups are drawn in
    vermillion with a bold label. ``labels`` maps work-group codes to names.
    """
    text = _GAP_TEXT.get(language, _GAP_TEXT["sv"])
    table = result.table
    where = _unit(table, unit)
    # a group whose figure is suppressed (an aggregate edition: NaN) is left out, and counted
    t, total = _rows(table[_gap_value(table).notna().to_numpy()], where, pay, limit)
    hidden = _rows(table, where, pay, limit)[1] - total
    if t.empty:
        raise InsufficientDataError("no work group with both women and men to plot")
    ax = _axes(ax, size=(8, max(3.4, 0.32 * len(t) + 2.2)))
    y = np.arange(len(t))
    tested = t["regression_tested"].astype(bool).to_numpy()
    flagged = t["flagged"].astype(bool).to_numpy()
    value = _gap_value(t).to_numpy(float)
    colour = np.where(flagged, OKABE_ITO["vermillion"], "#333333")
    lo = (100 + t["ci_low"]).to_numpy()
    hi = (100 + t["ci_high"]).to_numpy()
    for i in np.where(tested)[0]:
        ax.plot([lo[i], hi[i]], [y[i], y[i]], color=colour[i], linewidth=1.6, zorder=2)
    ax.scatter(value[tested], y[tested], marker="o", s=36, c=colour[tested], zorder=3)
    ax.scatter(
        value[~tested],
        y[~tested],
        marker="D",
        s=30,
        facecolors="white",
        edgecolors=colour[~tested],
        linewidths=1.3,
        zorder=3,
    )
    ax.axvline(100, color="black", linewidth=0.8)
    names = [(labels or {}).get(g, g) for g in t["work_group"]]
    ax.set_yticks(
        y, [f"{n} ({w}+{m})" for n, w, m in zip(names, t["n_women"], t["n_men"], strict=True)]
    )
    for tick, f in zip(ax.get_yticklabels(), flagged, strict=True):
        if f:
            tick.set_fontweight("bold")
            tick.set_color(OKABE_ITO["vermillion"])
    _fit_ticks(ax.xaxis)
    ax.xaxis.set_major_formatter(_pct_formatter(language, ax))
    ax.set_xlabel(text["x"])
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    from matplotlib.lines import Line2D

    controls = [
        _CONTROL_NAMES.get(language, {}).get(c, c) for c in result.settings.get("controls", [])
    ]
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            color="#333333",
            label=text["adjusted"].format(controls=", ".join(controls))
            if controls
            else text["unadjusted"],
        ),
        Line2D(
            [],
            [],
            marker="D",
            linestyle="",
            markerfacecolor="white",
            markeredgecolor="#333333",
            label=text["raw"],
        ),
        Line2D([], [], marker="o", linestyle="", color=OKABE_ITO["vermillion"], label=text["flag"]),
    ]
    ax.legend(
        handles=handles,
        loc="lower left",
        bbox_to_anchor=(0.0, 1.04),
        fontsize=7.5,
        frameon=False,
        ncol=1,
        borderaxespad=0,
    )
    ax.set_title(text["title"], loc="left", pad=62)
    # of all the groups: those drawn, and the suppressed ones said apart
    _shown_note(ax, len(t), total + hidden, language, _hidden_words(hidden, language), hidden)
    return ax


def _gap_value(t):  # noqa: ANN001, ANN202 - DataFrame in, Series out
    """The women's pay as % of men's a group is drawn at: adjusted where regression-tested."""
    tested = t["regression_tested"].astype(bool)
    adjusted = 100 + t["adjusted_gap_pct"].astype(float)
    return adjusted.where(tested, t["women_pct_of_men"].astype(float))


def plot_pay_by_gender(
    result: Any,
    *,
    ax: Axes | None = None,
    data: Any = None,
    unit: str | None = None,
    pay: str = "base_salary",
    language: str = "sv",
    limit: int = 20,
    labels: dict[str, str] | None = None,
    currency: str = "SEK",
) -> Axes:
    """Pay by gender per work group: P10–P90 bars with the median, women above men.

    Drawn from the result's table (P10, median, P90 by gender), so no person-level data is
    needed; women are filled vermillion, men open blue.
    """
    text = _GAP_TEXT.get(language, _GAP_TEXT["sv"])
    t, total = _rows(result.table, _unit(result.table, unit), pay, limit)
    if t.empty:
        raise InsufficientDataError("no work group with both women and men to plot")
    ax = _axes(ax, size=(8, max(3.4, 0.42 * len(t) + 2.0)))
    y = np.arange(len(t))
    for who, off, face, edge in (
        ("women", 0.17, OKABE_ITO["vermillion"], "black"),
        ("men", -0.17, "white", OKABE_ITO["blue"]),
    ):
        ax.hlines(y + off, t[f"p10_{who}"], t[f"p90_{who}"], color=edge, linewidth=1.4)
        ax.scatter(
            t[f"median_{who}"],
            y + off,
            marker="s" if who == "men" else "^",
            s=42,
            facecolors=face,
            edgecolors=edge,
            zorder=3,
            label=text[who],
        )
    names = [(labels or {}).get(g, g) for g in t["work_group"]]
    ax.set_yticks(
        y, [f"{n} ({w}+{m})" for n, w, m in zip(names, t["n_women"], t["n_men"], strict=True)]
    )
    for tick, f in zip(ax.get_yticklabels(), t["flagged"].astype(bool), strict=True):
        if f:
            tick.set_fontweight("bold")
            tick.set_color(OKABE_ITO["vermillion"])
    _fit_ticks(ax.xaxis, per_tick=1.0)
    ax.xaxis.set_major_formatter(_kr_formatter(language, currency))
    ax.set_xlabel(
        text["dist_x"] + (" (P10–median–P90)" if language == "en" else " (P10–median–P90)")
    )
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=2, fontsize=8, frameon=False)
    ax.set_title(text["dist_title"], loc="left", pad=22)
    _shown_note(ax, len(t), total, language)
    return ax


def plot_equal_value(
    result: Any,
    *,
    ax: Axes | None = None,
    unit: str | None = None,
    pay: str = "base_salary",
    language: str = "sv",
    labels: dict[str, str] | None = None,
    threshold: float | None = None,
) -> Axes:
    """The pay gap of each female-dominated/comparator pair, flagged pairs in vermillion."""
    text = _GAP_TEXT.get(language, _GAP_TEXT["sv"])
    t = result.table
    unit = _unit(t, unit) if len(t) else ""
    t = t[(t["unit"] == unit) & (t["pay_measure"] == pay)].sort_values("pay_gap_pct").iloc[::-1]
    # a pair whose gap is suppressed (an aggregate edition: NaN) is left out, and counted
    shown = t["pay_gap_pct"].notna()
    hidden = int((~shown).sum())
    t = t[shown]
    if t.empty:
        raise InsufficientDataError("no female-dominated/comparator pair to plot")
    ax = _axes(ax, size=(8, max(2.2, 0.35 * len(t) + 1.4)))
    y = np.arange(len(t))
    flagged = t["flagged"].astype(bool).to_numpy()
    ax.barh(
        y,
        t["pay_gap_pct"],
        height=0.55,
        edgecolor="black",
        linewidth=0.6,
        color=np.where(flagged, OKABE_ITO["vermillion"], "#bbbbbb"),
    )
    ax.set_ylim(-0.5 - 0.4 * max(1, 4 - len(t)), len(t) - 0.5 + 0.4 * max(1, 4 - len(t)))
    name = lambda c: (labels or {}).get(c, c)  # noqa: E731
    ax.set_yticks(
        y,
        [
            f"{name(a)} – {name(b)} · {text[k]}"
            for a, b, k in zip(
                t["female_dominated_job"], t["comparator_job"], t["kind"], strict=True
            )
        ],
    )
    low = min(float(t["pay_gap_pct"].min()), -100 * result.settings.get("gap_threshold", 0.02))
    ax.set_xlim(low * 1.18 - 0.5, max(0.5, float(t["pay_gap_pct"].max()) * 1.18))
    for yi, v in zip(y, t["pay_gap_pct"], strict=True):  # the value just beyond the bar's end
        ax.text(
            v,
            yi,
            f" {fmt_pct(v, 1, language)} ",
            va="center",
            ha="right" if v < 0 else "left",
            fontsize=7.5,
        )
    thr = 100 * (threshold if threshold is not None else result.settings.get("gap_threshold", 0.02))
    ax.axvline(-thr, color="black", linestyle=":", linewidth=0.9)
    ax.axvline(0, color="black", linewidth=0.8)
    _fit_ticks(ax.xaxis)
    ax.xaxis.set_major_formatter(_pct_formatter(language, ax))
    ax.set_xlabel(text["ev_x"])
    note = _hidden_words(
        hidden, language, ("jämförelse", "jämförelser", "comparison", "comparisons")
    )
    ax.set_title(text["ev_title"], loc="left", pad=16 if note else None)
    _shown_note(ax, 0, 0, language, note)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    return ax

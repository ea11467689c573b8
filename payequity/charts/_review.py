"""The salary review chart: mean raise in percent by rating level, women beside men.

Same style as :mod:`payequity.charts` (Okabe–Ito colours; women filled vermillion, men open and
hatched blue, so the chart reads in black and white; a new figure when ``ax`` is None; numbers
the Swedish way unless ``language="en"``). matplotlib is imported inside the function and
nothing calls ``plt.show()``.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._format import fmt_number, fmt_pct
from ..exceptions import ParameterError, SchemaError
from ._base import _GAP_TEXT, _axes
from ._eu import _MEN, _WOMEN
from ._yoy import _y_pct_formatter

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_review_raises"]

_TEXT = {
    "sv": {
        "title": "Höjning i procent efter bedömning och kön",
        "x": "Samlad bedömning",
        "y": "Genomsnittlig höjning, %",
        "mean": "Genomsnitt för alla: {value}",
        "n": "n = {n}",
        "none": "Inga bedömda medarbetare",
        "women": _GAP_TEXT["sv"]["women"],
        "men": _GAP_TEXT["sv"]["men"],
    },
    "en": {
        "title": "Raise in percent by rating and gender",
        "x": "Overall rating",
        "y": "Mean raise, %",
        "mean": "Mean for everyone: {value}",
        "n": "n = {n}",
        "none": "No rated employees",
        "women": _GAP_TEXT["en"]["women"],
        "men": _GAP_TEXT["en"]["men"],
    },
}
_COLUMNS = ("rating_level", "gender", "raise_pct", "eligible")
_SIZE = (8, 4.8)
_WIDTH = 0.38  # of each bar; the pair fills 0.76 of a level's slot


def _rated(table: pd.DataFrame) -> pd.DataFrame:
    """Eligible rows with a rating level and a finite raise_pct, level as int."""
    missing = [c for c in _COLUMNS if c not in table.columns]
    if missing:
        if table.empty:
            return pd.DataFrame({c: [] for c in _COLUMNS})
        raise SchemaError(f"the review table has no column {', '.join(missing)}")
    eligible = table["eligible"].astype("boolean").fillna(False).astype(bool)
    pct = pd.to_numeric(table["raise_pct"], errors="coerce").astype(float)
    level = pd.to_numeric(table["rating_level"], errors="coerce")
    keep = (eligible & level.notna() & np.isfinite(pct)).to_numpy()
    return pd.DataFrame(
        {
            "rating_level": level[keep].astype(int).to_numpy(),
            "gender": table["gender"].astype(str).to_numpy()[keep],
            "raise_pct": pct[keep].to_numpy(),
        }
    )


def _levels(rated: pd.DataFrame, labels: list[str] | None) -> list[int]:
    """Every level from the lowest to the highest; with ``labels``, the scale they name."""
    lo, hi = int(rated["rating_level"].min()), int(rated["rating_level"].max())
    if labels is None:
        return list(range(lo, hi + 1))
    start = min(1, lo)  # the scale starts at 1 (criteria.toml) unless someone is rated lower
    if hi > start + len(labels) - 1:
        raise ParameterError(
            f"labels: {len(labels)} given, one per level from {start}, but the table has level "
            f"{hi}; give one label per level up to {hi}, or labels=None"
        )
    return list(range(start, start + len(labels)))


def _legend(ax: Axes, handles: list[Any], names: list[str], ncol: int) -> Any:
    """The legend above the axes, left-aligned with them."""
    return ax.legend(
        handles,
        names,
        loc="lower left",
        bbox_to_anchor=(0, 1.0),
        ncol=ncol,
        frameon=False,
        fontsize=8.5,
        borderaxespad=0.2,
    )


def _tidy(ax: Axes, tags: list[Any], men: list[Any], counts: list[Any], legend: Any) -> None:
    """Fit the labels to the bars and the legend to the axes, so that nothing overlaps.

    Labels of neighbouring bars are one bar width apart: value and n labels shrink to a bar's
    width; if a value still does not fit, the men's values move up a line; if an n does not,
    it breaks after "n =". A legend wider than the axes goes to one column. The title and the
    level names make room for the legend and the n labels, and the y range for the values.
    """
    fig = ax.figure
    fig.canvas.draw()  # the layout and a renderer
    renderer = fig.canvas.get_renderer()
    pts = 72 / fig.dpi
    if legend.get_window_extent(renderer).width > ax.get_window_extent(renderer).width:
        legend = _legend(ax, legend.legend_handles, [t.get_text() for t in legend.texts], 1)
        fig.canvas.draw()
    title = ax.set_title(
        ax.get_title(loc="left"),
        loc="left",
        pad=legend.get_window_extent(renderer).height * pts + 9,
    )
    box = title.get_window_extent(renderer)
    if box.x1 > fig.bbox.x1:  # too long for a narrow figure: on two lines or more
        chars = int(len(title.get_text()) * (fig.bbox.x1 - box.x0) / box.width) - 1
        title.set_text(textwrap.fill(title.get_text(), max(chars, 12)))
    (x0, _), (x1, _) = ax.transData.transform([(0, 0), (_WIDTH, 0)])
    room = abs(x1 - x0) - 3 / pts  # a bar less a small gap, in pixels

    def widest(texts: list[Any]) -> float:
        return max(t.get_window_extent(renderer).width for t in texts)

    def shrink(texts: list[Any], size: float, smallest: float) -> bool:
        fitted = max(smallest, min(size, size * room / widest(texts)))
        for t in texts:
            t.set_fontsize(fitted)
        return widest(texts) <= room

    if not shrink(tags, 8.5, 6.0):
        for t in men:  # a line further from the bar than the women's
            high = t.get_window_extent(renderer).height * pts + 1
            dx, dy = t.xyann
            t.xyann = (dx, dy + high if dy > 0 else dy - high)
    if not shrink(counts, 7.5, 6.5):
        for t in counts:  # "n =" above the number
            t.set_text(t.get_text().replace(" = ", " =\n", 1))
            t.set_fontsize(7.5)
        shrink(counts, 7.5, 5.5)
    high = max(t.get_window_extent(renderer).height for t in counts) * pts
    ax.tick_params(axis="x", pad=high + 7)
    for _ in range(3):  # widen the y range until every value label is inside the axes
        fig.canvas.draw()
        frame = ax.get_window_extent(renderer)
        boxes = [t.get_window_extent(renderer) for t in tags]
        over = max(b.y1 for b in boxes) - frame.y1 + 2
        under = frame.y0 - min(b.y0 for b in boxes) + 2
        if over <= 0 and under <= 0:
            break
        lo, hi = ax.get_ylim()
        per_px = (hi - lo) / frame.height
        ax.set_ylim(lo - max(under, 0) * per_px * 1.2, hi + max(over, 0) * per_px * 1.2)


def _empty(ax: Axes, text: dict[str, str]) -> Axes:
    ax.text(
        0.5, 0.5, text["none"], ha="center", va="center", transform=ax.transAxes, color="#444444"
    )
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_title(text["title"], loc="left")
    return ax


def plot_review_raises(
    table: pd.DataFrame,
    ax: Axes | None = None,
    *,
    language: str = "sv",
    labels: list[str] | None = None,
) -> Axes:
    """Grouped bars of the mean raise in percent per rating level, women beside men.

    Uses the eligible rows of a ``ReviewResult.table`` that have a ``rating_level`` (and a
    finite ``raise_pct``). Each bar is the plain mean of ``raise_pct`` over the employments
    in it, labelled with its value ("2,8 %"); its head count ("n = 34") is written under it.
    A gender with nobody at a level has no bar there. A thin dashed line marks the mean over
    every rated eligible row, its value in the legend. A table with nobody rated gives an
    Axes that says so.

    Parameters
    ----------
    table : pandas.DataFrame
        ``ReviewResult.table``: columns ``rating_level``, ``gender`` ("F"/"M"),
        ``raise_pct`` and ``eligible``.
    ax : matplotlib.axes.Axes, optional
        Draw here; None makes a new figure.
    language : {"sv", "en"}
    labels : list of str, optional
        One name per level of the scale from 1 (``criteria.toml`` ``[scale] labels``), wrapped
        to fit; the x ticks are then every level of the scale. Without it, the levels from the
        lowest to the highest in the table, as numbers.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> t = pd.DataFrame({"rating_level": pd.array([1, 2, 2, 3], dtype="Int64"),
    ...                   "gender": list("FFMM"), "raise_pct": [0.5, 2.0, 3.0, 4.0],
    ...                   "raise": [150, 600, 900, 1200], "fte": 1.0, "eligible": True})
    >>> ax = plot_review_raises(t)
    >>> [float(p.get_height()) for p in ax.patches]
    [0.5, 2.0, 3.0, 4.0]
    >>> ax.get_ylabel()
    'Genomsnittlig höjning, %'
    """
    from matplotlib.lines import Line2D

    text = _TEXT.get(language, _TEXT["sv"])
    ax = _axes(ax, _SIZE)
    rated = _rated(table)
    if rated.empty:
        return _empty(ax, text)
    levels = _levels(rated, labels)
    x = np.arange(len(levels), dtype=float)
    means = rated.groupby(["gender", "rating_level"])["raise_pct"].agg(["mean", "size"])
    overall = float(rated["raise_pct"].mean())
    shown = [overall]
    tags: list[Any] = []  # value labels
    men: list[Any] = []  # the men's value labels
    counts: list[Any] = []  # n labels
    for code, offset, style, name in (
        ("F", -_WIDTH / 2, _WOMEN, "women"),
        ("M", _WIDTH / 2, _MEN, "men"),
    ):
        rows = [
            (xi, means.loc[(code, lv)])
            for xi, lv in zip(x, levels, strict=True)
            if (code, lv) in means.index
        ]
        if not rows:
            continue
        xs = np.array([xi + offset for xi, _ in rows])
        values = np.array([float(r["mean"]) for _, r in rows])
        ax.bar(xs, values, width=_WIDTH, linewidth=1.0, label=text[name], zorder=2, **style)
        shown += list(values)
        for xi, v, (_, r) in zip(xs, values, rows, strict=True):
            up = v >= 0
            tag = ax.annotate(
                fmt_pct(v, 1, language),
                (xi, v),
                xytext=(0, 3 if up else -3),
                textcoords="offset points",
                ha="center",
                va="bottom" if up else "top",
                fontsize=8.5,
                zorder=5,
                bbox=dict(
                    boxstyle="round,pad=0.1", facecolor="white", edgecolor="none", alpha=0.85
                ),
            )
            tags.append(tag)
            if code == "M":
                men.append(tag)
            counts.append(
                ax.annotate(
                    text["n"].format(n=fmt_number(int(r["size"]), 0, language)),
                    (xi, 0),
                    xycoords=("data", "axes fraction"),
                    xytext=(0, -4),
                    textcoords="offset points",
                    ha="center",
                    va="top",
                    fontsize=7.5,
                    color="#444444",
                    annotation_clip=False,
                )
            )
    ax.axhline(overall, color="#222222", linewidth=0.9, linestyle="--", zorder=3)
    top, bottom = max(max(shown), 0.0), min(min(shown), 0.0)
    span = (top - bottom) or 1.0
    ax.set_ylim(bottom - (0.18 * span if bottom < 0 else 0), top + 0.18 * span)
    ax.set_xlim(-0.6, len(levels) - 0.4)
    ax.axhline(0, color="black", linewidth=0.8, zorder=3)
    if labels is None:
        names = [str(lv) for lv in levels]
    else:  # about 13 characters per inch at 9 pt; wrap each name to its level's width
        fig_width = ax.figure.get_figwidth() * ax.get_position().width
        chars = max(8, int(13 * fig_width / len(levels)))
        names = [
            textwrap.fill(str(labels[lv - levels[0]]), chars, break_long_words=False)
            for lv in levels
        ]
    ax.set_xticks(x, names, fontsize=9 if labels is not None else None, linespacing=1.1)
    ax.tick_params(axis="x", length=0, pad=16)  # room for the n labels under the bars
    ax.yaxis.set_major_formatter(_y_pct_formatter(language, ax))
    ax.set_xlabel(text["x"])
    ax.set_ylabel(text["y"])
    ax.set_title(text["title"], loc="left", pad=24)
    handles, names_ = ax.get_legend_handles_labels()
    handles.append(Line2D([], [], color="#222222", linewidth=0.9, linestyle="--"))
    names_.append(text["mean"].format(value=fmt_pct(overall, 1, language)))
    legend = _legend(ax, handles, names_, ncol=3)
    if counts:  # anyone coded F or M
        _tidy(ax, tags, men, counts, legend)
    return ax

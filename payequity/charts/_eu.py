"""Charts for the EU Article 9 indicators and the standardised pay ratio.

Same style as :mod:`payequity.charts`: Okabe–Ito colours, and women and men also differ by fill
and hatching so the charts read in black and white; Swedish labels by default, numbers the
Swedish way ("48,0 %"). matplotlib is imported inside the functions; nothing calls
``plt.show()``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from .._format import fmt_number, fmt_pct
from ..exceptions import InsufficientDataError
from ._base import OKABE_ITO, _axes, _hidden_words, _note_below

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_quartiles", "plot_standardized"]

_TEXT = {
    "sv": {
        "q_title": "Kvinnor och män i varje lönekvartil (timlön)",
        "q_y": "Andel av kvartilen",
        "quartile": "Kvartil {q}",
        "lowest": "(lägst)",
        "highest": "(högst)",
        "women": "Kvinnor",
        "men": "Män",
        "s_title": "Kvinnors lön i procent av mäns",
        "raw": "Ovägd",
        "std": "Standardvägd",
        "s_x": "Kvinnors lön i procent av mäns",
        "equal": "Lika lön",
        "s_note": "Standardvägd över {cells}: {n} celler med båda könen; {k} celler med ett kön "
        "({p} anställda) ingår inte. Skillnaden är oförklarad i statistisk mening, inte ett "
        "mått på diskriminering.",
        "age_group": "åldersgrupp",
        "job_code": "yrke",
    },
    "en": {
        "q_title": "Women and men in each pay quartile (hourly pay)",
        "q_y": "Share of the quartile",
        "quartile": "Quartile {q}",
        "lowest": "(lowest)",
        "highest": "(highest)",
        "women": "Women",
        "men": "Men",
        "s_title": "Women's pay as a percentage of men's",
        "raw": "Raw",
        "std": "Standardised",
        "s_x": "Women's pay as a percentage of men's",
        "equal": "Equal pay",
        "s_note": "Standardised over {cells}: {n} cells with both sexes; {k} one-sex cells "
        "({p} employees) left out. The gap is unexplained in a statistical sense, not a "
        "measure of discrimination.",
        "age_group": "age group",
        "job_code": "job",
    },
}
_WOMEN = dict(color=OKABE_ITO["vermillion"], edgecolor="black", hatch="")
_MEN = dict(color="white", edgecolor=OKABE_ITO["blue"], hatch="///")


def _pct_axis(axis: Any, language: str) -> None:
    from matplotlib.ticker import FuncFormatter

    axis.set_major_formatter(FuncFormatter(lambda v, _: fmt_pct(v, 0, language)))


def _label(ax: Axes, x: float, y: float, value: float, language: str, **kw: Any) -> None:
    style = dict(ha="center", va="center", fontsize=8.5, color="black", zorder=4) | kw
    ax.text(
        x,
        y,
        fmt_pct(value, 1, language),
        bbox=dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none", alpha=0.85),
        **style,
    )


def plot_quartiles(result: Any, *, ax: Axes | None = None, language: str = "sv") -> Axes:
    """Share of women and men in each hourly pay quartile: stacked bars (Art. 9(1)(f)).

    Women are the filled vermillion lower part of each bar, men the hatched upper part; each
    part is labelled with its share ("48,0 %") and each bar with its head count.

    Parameters
    ----------
    result : IndicatorResult
        From :func:`payequity.eu_indicators` (uses ``result.quartiles``).
    ax : matplotlib Axes, optional
    language : {"sv", "en"}

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> from payequity.survey._eu import eu_indicators
    >>> df = pd.DataFrame({"gender": list("FFMMFMMF"), "grade": list("AAAABBBB"),
    ...                    "base_salary": [25000.0, 26000, 27000, 28000, 29000, 30000, 31000,
    ...                                    32000]})
    >>> ax = plot_quartiles(eu_indicators(df, categories="grade"))
    >>> ax.get_ylabel()
    'Andel av kvartilen'
    """
    text = _TEXT.get(language, _TEXT["sv"])
    q = result.quartiles
    if not (q["n"] > 0).any():
        raise InsufficientDataError("no employees to divide into pay quartiles")
    # a quartile whose share is suppressed (an aggregate edition: NaN) has no bar, and is counted
    hidden = q["share_women_pct"].isna() | q["share_men_pct"].isna()
    if (hidden | (q["n"] == 0)).all():
        raise InsufficientDataError("every pay quartile's shares are suppressed")
    ax = _axes(ax, size=(7, 4.8))
    x = np.arange(len(q))
    women = q["share_women_pct"].where(~hidden, 0).fillna(0).to_numpy(float)
    men = q["share_men_pct"].where(~hidden, 0).fillna(0).to_numpy(float)
    ax.bar(x, women, width=0.62, linewidth=1.0, label=text["women"], zorder=2, **_WOMEN)
    ax.bar(x, men, bottom=women, width=0.62, linewidth=1.0, label=text["men"], zorder=2, **_MEN)
    for i, row in enumerate(q.itertuples(index=False)):
        if row.n == 0 or hidden.iloc[i]:  # a suppressed share (NaN) has no label
            continue
        _label(ax, x[i], women[i] / 2, women[i], language)
        _label(ax, x[i], women[i] + men[i] / 2, men[i], language)
    names = []
    for row in q.itertuples(index=False):
        extra = {1: text["lowest"], len(q): text["highest"]}.get(row.quartile, "")
        names.append(
            f"{text['quartile'].format(q=row.quartile)} {extra}".strip()
            + f"\nn = {fmt_number(row.n, 0, language)}"
        )
    ax.set_xticks(x, names)
    ax.set_ylim(0, 100)
    _pct_axis(ax.yaxis, language)
    ax.set_ylabel(text["q_y"])
    k = int((hidden & (q["n"] > 0)).sum())
    if k:
        _note_below(
            ax, _hidden_words(k, language, ("kvartil", "kvartiler", "quartile", "quartiles"))
        )
    ax.set_title(text["q_title"], loc="left", pad=24)
    ax.legend(
        loc="lower left",
        bbox_to_anchor=(0, 1.0),
        ncol=2,
        frameon=False,
        fontsize=8.5,
        borderaxespad=0.2,
    )
    return ax


def plot_standardized(result: Any, *, ax: Axes | None = None, language: str = "sv") -> Axes:
    """Women's pay as % of men's: raw against standardised (standardvägning).

    Two horizontal bars, the raw one hatched and open, the standardised one filled blue, each
    labelled with its value; a line marks equal pay (100 %). A note under the chart names the
    cells, the one-sex cells left out and that the gap is not a measure of discrimination.

    Parameters
    ----------
    result : StandardizedResult
        From :func:`payequity.standardized_ratio`.
    ax : matplotlib Axes, optional
    language : {"sv", "en"}

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> from payequity.survey._standard import standardized_ratio
    >>> df = pd.DataFrame({"gender": list("FFMFM"), "job_code": list("aaabb"),
    ...                    "monthly_pay": [30000.0, 32000, 33000, 40000, 44000]})
    >>> ax = plot_standardized(standardized_ratio(df, cells=["job_code"]))
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['Ovägd', 'Standardvägd']
    """
    text = _TEXT.get(language, _TEXT["sv"])
    values = np.array([result.raw_ratio_pct, result.standardized_ratio_pct], float)
    if np.isnan(values).all():
        raise InsufficientDataError("neither ratio could be computed; both sexes are needed")
    ax = _axes(ax, size=(7, 3.2))
    ax.grid(False)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    y = np.array([1.0, 0.0])
    styles = [
        dict(color="white", edgecolor="#333333", hatch="\\\\\\"),
        dict(color=OKABE_ITO["blue"], edgecolor="black", hatch=""),
    ]
    for yi, v, style in zip(y, values, styles, strict=True):
        if np.isnan(v):
            continue
        ax.barh(yi, v, height=0.55, linewidth=1.0, zorder=2, **style)
        _label(ax, v - 1.5, yi, v, language, ha="right", fontweight="bold")
    ax.axvline(100, color="black", linewidth=1.0, linestyle="--", zorder=3)
    ax.text(101, 1.45, text["equal"], ha="left", va="bottom", fontsize=8)
    ax.set_yticks(y, [text["raw"], text["std"]])
    ax.set_ylim(-0.5, 1.7)
    ax.set_xlim(0, max(115.0, float(np.nanmax(values)) + 12))
    _pct_axis(ax.xaxis, language)
    ax.set_xlabel(text["s_x"])
    ax.set_title(text["s_title"], loc="left")
    cells = " × ".join(text.get(c, c) for c in result.cells) or "–"
    both = int(result.table["both_sexes"].sum())
    note = text["s_note"].format(cells=cells, n=both, k=result.n_cells_one_sex, p=result.n_one_sex)
    import textwrap

    ax.annotate(
        textwrap.fill(note, 90),
        xy=(0, 0),
        xycoords="axes fraction",
        xytext=(0, -42),
        textcoords="offset points",
        ha="left",
        va="top",
        fontsize=7,
        color="#444444",
        annotation_clip=False,
    )
    return ax

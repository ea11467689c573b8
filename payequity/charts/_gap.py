"""The adjusted-gap chart: the estimate and its confidence interval as a point-range against 0.

Same style as :mod:`payequity.charts` (Okabe–Ito colours, a new figure when ``ax`` is None,
numbers the Swedish way unless ``language="en"``); matplotlib is imported inside the function
and nothing calls ``plt.show()``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._format import fmt_pct

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_gap"]

_TEXT = {
    "sv": {
        "title": "Justerad löneskillnad",
        "logib": "Logib standardmodell (Kennedy)",
        "x": "Skillnad i lön mot referensgruppen",
        "row": "{other} jämfört med {reference}",
        "ci": "{level} % konfidensintervall: {lo} till {hi}",
        "controls": "Kontroller: {controls}",
        "none": "inga",
        "names": {"F": "Kvinnor", "M": "män", "K": "Kvinnor"},
    },
    "en": {
        "title": "Adjusted pay gap",
        "logib": "Logib standard model (Kennedy)",
        "x": "Pay difference from the reference group",
        "row": "{other} compared with {reference}",
        "ci": "{level}% confidence interval: {lo} to {hi}",
        "controls": "Controls: {controls}",
        "none": "none",
        "names": {"F": "Women", "M": "men", "K": "Women"},
    },
}


def plot_gap(result: Any, *, ax: Axes | None = None, language: str = "sv") -> Axes:
    """Draw an adjusted gap (``GapResult`` or ``LogibResult``) with its CI against 0.

    The point is ``gap_pct``, the bar ``ci_low``–``ci_high``, both on the percent scale; a
    vertical line marks no gap. The point is vermillion when the CI excludes 0, blue otherwise.
    The value is written the Swedish way ("−2,6 %") unless ``language="en"`` ("−2.6%").

    Examples
    --------
    >>> import pandas as pd
    >>> from payequity.survey._gap import adjusted_gap
    >>> df = pd.DataFrame({"gender": list("FFFMMM"), "pay": [29, 30, 31, 39, 40, 41]})
    >>> ax = plot_gap(adjusted_gap(df, pay="pay"))
    >>> ax.texts[0].get_text().split("\\n")[0]
    '−25,0\\xa0%'
    """
    from ._base import OKABE_ITO, _axes

    text = _TEXT.get(language, _TEXT["sv"])
    ax = _axes(ax, size=(7.5, 2.6))
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    est, lo, hi = result.gap_pct, result.ci_low, result.ci_high
    significant = lo > 0 or hi < 0
    colour = OKABE_ITO["vermillion"] if significant else OKABE_ITO["blue"]
    ax.axvline(0, color="black", linewidth=0.8, zorder=1)
    ax.plot([lo, hi], [0, 0], color=colour, linewidth=2.2, solid_capstyle="butt", zorder=2)
    ax.plot([lo, hi], [0, 0], linestyle="", marker="|", markersize=12, color=colour, zorder=2)
    ax.plot([est], [0], marker="o", markersize=9, color=colour, markeredgecolor="black", zorder=3)
    level = fmt_pct(100 * result.confidence, 0, language).replace("\u00a0%", "").rstrip("%")
    # two decimals when a bound would otherwise read "−0,0 %"
    dec = 2 if min(abs(lo), abs(hi), abs(est)) < 0.05 else 1
    ci = text["ci"].format(
        level=level, lo=fmt_pct(lo, dec, language), hi=fmt_pct(hi, dec, language)
    )
    ax.annotate(
        f"{fmt_pct(est, dec, language)}\n{ci}",
        (est, 0),
        xytext=(0, 14),
        textcoords="offset points",
        ha="center",
        va="bottom",
        fontsize=9,
        bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5},
        zorder=4,
    )
    span = max(hi, 0) - min(lo, 0) or 1.0
    ax.set_xlim(min(lo, 0) - 0.25 * span, max(hi, 0) + 0.25 * span)
    ax.set_ylim(-1, 1.6)
    names = text["names"]
    other, reference = str(result.other), str(result.reference)
    row = text["row"].format(
        other=names.get(other, other), reference=names.get(reference, reference)
    )
    ax.set_yticks([0], [row])
    from matplotlib.ticker import FuncFormatter

    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: fmt_pct(v, 1, language)))
    ax.set_xlabel(text["x"])
    is_logib = type(result).__name__ == "LogibResult"
    ax.set_title(text["logib"] if is_logib else text["title"], loc="left")
    if not is_logib:
        from ._base import _CONTROL_NAMES

        names_c = _CONTROL_NAMES.get(language, {})
        controls = ", ".join(names_c.get(c, c) for c in result.controls) or text["none"]
        ax.text(
            0,
            -0.32,
            text["controls"].format(controls=controls),
            transform=ax.transAxes,
            fontsize=7.5,
            color="#444444",
            va="top",
        )
    return ax

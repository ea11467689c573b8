"""Chart of an Oaxaca–Blinder decomposition: what the controls explain, and what they do not.

Same style as :mod:`payequity.charts`: Okabe–Ito colours, the unexplained part hatched so that
the chart reads in black and white, Swedish labels by default, matplotlib imported inside.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .._format import fmt_number
from ._base import _CONTROL_NAMES, OKABE_ITO, _axes

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from ..survey import DecompositionResult

__all__ = ["plot_decomposition"]

_TEXT = {
    "sv": {
        "explained": "Förklarad del",
        "unexplained": "Oförklarad del",
        "endowments": "Förklarad del (egenskaper)",
        "coefficients": "Oförklarad del (koefficienter)",
        "interaction": "Interaktion",
        "gap": "Total löneskillnad",
        "total": "{part}, totalt",
        "x_log": "Bidrag till löneskillnaden, log-poäng (100 × Δ log lön ≈ procent)",
        "x_pct": "Bidrag till löneskillnaden, procent av medellönen för {ref}",
        "title": "Löneskillnaden {other} − {ref}: förklarad och oförklarad del",
        "sub": "Oaxaca–Blinder, {kind}. Negativt = lägre lön för {other}",
        "ci": "Linjer: 95 % bootstrapintervall",
        "twofold": "tvåfaldig, {weights}",
        "threefold": "trefaldig",
        "pooled": "poolade vikter",
        "reference": "referensgruppens vikter",
        "other": "den andra gruppens vikter",
        "half": "vikter 0,5/0,5",
        "cotton": "gruppstorleksvikter",
        "F": "kvinnor",
        "M": "män",
        "Intercept": "konstant",
        "work_group": "arbetsgrupp",
        "job_code": "yrke",
        "unit": "enhet",
    },
    "en": {
        "explained": "Explained part",
        "unexplained": "Unexplained part",
        "endowments": "Explained part (endowments)",
        "coefficients": "Unexplained part (coefficients)",
        "interaction": "Interaction",
        "gap": "Total pay gap",
        "total": "{part}, total",
        "x_log": "Contribution to the pay gap, log points (100 × Δ log pay ≈ percent)",
        "x_pct": "Contribution to the pay gap, percent of the mean pay of {ref}",
        "title": "The pay gap {other} − {ref}: explained and unexplained",
        "sub": "Oaxaca–Blinder, {kind}. Negative = {other} paid less",
        "ci": "Lines: 95% bootstrap intervals",
        "twofold": "twofold, {weights}",
        "threefold": "threefold",
        "pooled": "pooled weights",
        "reference": "reference-group weights",
        "other": "other-group weights",
        "half": "weights 0.5/0.5",
        "cotton": "group-size weights",
        "F": "women",
        "M": "men",
        "Intercept": "constant",
        "work_group": "work group",
        "job_code": "job",
        "unit": "unit",
    },
}


def _name(variable: str, text: dict[str, str], language: str) -> str:
    column = variable[2:-1] if variable.startswith("C(") and variable.endswith(")") else variable
    return _CONTROL_NAMES.get(language, {}).get(column, text.get(column, column))


def plot_decomposition(
    result: DecompositionResult, *, ax: Axes | None = None, language: str = "sv"
) -> Axes:
    """Horizontal bars: the explained part per control, then the totals and the unexplained part.

    Values are in log points × 100 (``log=True``) or in percent of the reference group's mean
    pay (``log=False``), as the x label says. The explained parts are solid blue, the unexplained
    part hatched vermillion (threefold: the interaction dotted orange), the gap dark grey; a
    categorical control is one bar (its dummies summed). With a bootstrap, lines show the 95 %
    intervals.

    Parameters
    ----------
    result : DecompositionResult
    ax : matplotlib.axes.Axes, optional
        Drawn on a new figure when None.
    language : {"sv", "en"}

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> from payequity.survey._oaxaca import decompose
    >>> df = pd.DataFrame({"gender": list("FFFMMM"), "pay": [30, 31, 33, 32, 34, 35],
    ...                    "tenure": [1, 2, 4, 3, 5, 6]})
    >>> ax = plot_decomposition(decompose(df, pay="pay", controls=["tenure"]), language="en")
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['tenure', 'Explained part, total', 'Unexplained part', 'Total pay gap']
    """
    from matplotlib.patches import Patch
    from matplotlib.transforms import ScaledTranslation

    text = _TEXT.get(language, _TEXT["sv"])
    scale = 100.0 if result.log else 100.0 / result.mean_reference
    first = "endowments" if result.kind == "threefold" else "explained"
    by_var = _with_table_ci(result, result.by_variable())
    totals = result.totals.set_index("component")
    styles = {
        "part": dict(facecolor=OKABE_ITO["blue"], edgecolor="black"),
        "explained": dict(facecolor=OKABE_ITO["blue"], edgecolor="black"),
        "unexplained": dict(facecolor=OKABE_ITO["vermillion"], edgecolor="black", hatch="///"),
        "interaction": dict(facecolor=OKABE_ITO["orange"], edgecolor="black", hatch=".."),
        "gap": dict(facecolor="#444444", edgecolor="black"),
    }
    bars: list[tuple[str, float, float, float, str]] = []  # label, value, low, high, style
    for row in by_var[by_var["component"] == first].itertuples():
        bars.append(
            (_name(row.variable, text, language), row.value, row.ci_low, row.ci_high, "part")
        )
    parts = [
        first,
        *(["coefficients", "interaction"] if result.kind == "threefold" else ["unexplained"]),
    ]
    for component in parts:
        label = text[component]
        style = {"explained": "explained", "endowments": "explained"}.get(component, component)
        if component == first:
            label = text["total"].format(part=label) if len(bars) else label
        elif component == "coefficients":
            style = "unexplained"
        row = totals.loc[component]
        bars.append((label, row["value"], row["ci_low"], row["ci_high"], style))
    bars.append((text["gap"], *totals.loc["gap", ["value", "ci_low", "ci_high"]], "gap"))

    ax = _axes(ax, size=(8, max(3.0, 0.42 * len(bars) + 1.8)))
    y = np.arange(len(bars))[::-1]  # the first bar at the top
    values = np.array([b[1] for b in bars], dtype=float) * scale
    low = np.array([b[2] for b in bars], dtype=float) * scale
    high = np.array([b[3] for b in bars], dtype=float) * scale
    for yi, value, bar in zip(y, values, bars, strict=True):
        ax.barh(yi, value, height=0.6, linewidth=0.7, **styles[bar[4]])
    has_ci = np.isfinite(low) & np.isfinite(high)
    if has_ci.any():
        ax.errorbar(
            values[has_ci],
            y[has_ci],
            xerr=[values[has_ci] - low[has_ci], high[has_ci] - values[has_ci]],
            fmt="none",
            ecolor="black",
            elinewidth=1,
            capsize=3,
        )
    ends = np.where(has_ci, np.where(values < 0, low, high), values)
    for yi, value, end in zip(y, values, ends, strict=True):
        ax.text(
            end,
            yi,
            f" {fmt_number(value, 2, language)} ",
            va="center",
            fontsize=7.5,
            ha="right" if value < 0 else "left",
        )
    span = max(float(np.nanmax(np.abs(np.r_[values, low, high]))), 1e-9)
    ax.set_xlim(
        min(-0.05 * span, float(np.nanmin(np.r_[values, low])) - 0.3 * span),
        max(0.05 * span, float(np.nanmax(np.r_[values, high])) + 0.3 * span),
    )
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_yticks(y, [b[0] for b in bars])
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)

    other = text.get(str(result.other), str(result.other))
    ref = text.get(str(result.reference), str(result.reference))
    ax.set_xlabel(text["x_log"] if result.log else text["x_pct"].format(ref=ref))
    kind = text[result.kind].format(weights=text[result.weights])
    sub = text["sub"].format(kind=kind, other=other)
    ax.set_title(text["title"].format(other=other, ref=ref) + "\n" + sub, loc="left", fontsize=10)
    handles = [
        Patch(**styles["explained"], label=text[first]),
        Patch(**styles["unexplained"], label=text[parts[1]]),
    ]
    if result.kind == "threefold":
        handles.append(Patch(**styles["interaction"], label=text["interaction"]))
    handles.append(Patch(**styles["gap"], label=text["gap"]))
    below = ax.transAxes + ScaledTranslation(0, -40 / 72, ax.figure.dpi_scale_trans)
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, 0),
        ncol=2,
        bbox_transform=below,
        fontsize=8,
        frameon=False,
        title_fontsize=7.5,
        title=text["ci"] if has_ci.any() else None,
    )
    return ax


def _with_table_ci(result: DecompositionResult, by_var):  # noqa: ANN001, ANN202 - DataFrames
    """Without the bootstrap draws (a manager or public edition: its terms table sums each
    categorical control into one row), a variable's interval is its term's in the table."""
    t = result.table
    if getattr(result, "draws", None) is not None or not {"ci_low", "ci_high"} <= set(t.columns):
        return by_var
    ci = t.drop_duplicates(["component", "term"]).set_index(["component", "term"])
    by_var = by_var.copy()
    for i, row in by_var.iterrows():
        key = (row["component"], row["variable"])
        if key in ci.index and np.isnan(row["ci_low"]) and np.isnan(row["ci_high"]):
            by_var.loc[i, ["ci_low", "ci_high"]] = ci.loc[key, ["ci_low", "ci_high"]].to_numpy(
                float
            )
    return by_var

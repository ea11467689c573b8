"""Charts: ``plot_*(result, *, ax=None, ...) -> Axes``, one style for every chart.

Colour-blind safe (Okabe–Ito) and readable in black and white: groups differ by marker shape
and fill as well as colour. Labels in Swedish by default (``language="en"`` for English),
numbers the Swedish way. matplotlib is imported inside the functions, so ``import payequity``
stays light; nothing here calls ``plt.show()``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .._format import fmt_kr, fmt_pct

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["OKABE_ITO", "place_labels"]

OKABE_ITO = {
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "green": "#009E73",
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
}


def _axes(ax: Axes | None, size: tuple[float, float] = (9, 5.5)) -> Axes:
    import matplotlib.pyplot as plt

    if ax is None:  # a new figure, never a stale current one
        _, ax = plt.subplots(figsize=size, layout="constrained")
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    return ax


def place_labels(
    ax: Axes,
    xs: np.ndarray,
    ys: np.ndarray,
    names: np.ndarray,
    order: np.ndarray,
    sizes: np.ndarray | None = None,
) -> int:
    """Label points without overlap: try eight offsets per label, skip a label with no room.

    Labels avoid each other, the legend, the axes' edges and the other markers (``sizes`` are
    scatter areas in points²).

    Returns the number of labels left out (the caller's table lists every point anyway).
    """
    fig = ax.figure
    fig.canvas.draw()  # positions and the renderer
    renderer = fig.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    taken = [ax.get_legend().get_window_extent(renderer)] if ax.get_legend() else []
    from matplotlib.text import Text
    from matplotlib.transforms import Bbox

    centres = ax.transData.transform(np.column_stack([xs, ys]))
    radius = np.sqrt(sizes if sizes is not None else np.full(len(xs), 36.0)) / 2 * fig.dpi / 72
    markers = [
        Bbox.from_extents(x - r, y - r, x + r, y + r)
        for (x, y), r in zip(centres, radius, strict=True)
    ]
    offsets = [(8, 0), (-8, 0), (0, 10), (0, -10)] + [
        (round(r * np.cos(a)), round(r * np.sin(a)))
        for r in (16, 24, 34, 46, 60, 76, 94)
        for a in np.linspace(0, 2 * np.pi, 12, endpoint=False)
    ]  # near spots first; farther ones get a leader line
    skipped = 0
    for i in order:
        for dx, dy in offsets:
            ha = "left" if dx > 0 else "right" if dx < 0 else "center"
            far = abs(dx) + abs(dy) > 12  # beyond the nearest spot: a thin line shows the owner
            label = ax.annotate(
                names[i],
                (xs[i], ys[i]),
                xytext=(dx, dy),
                textcoords="offset points",
                fontsize=6.5,
                ha=ha,
                va="center",
                color="#222222",
                zorder=4,
                arrowprops=dict(arrowstyle="-", color="#888888", lw=0.5, shrinkA=0, shrinkB=3)
                if far
                else None,
            )
            label.update_positions(renderer)
            box = Text.get_window_extent(label, renderer)  # the text alone, not its leader line
            inside = frame.contains(box.x0, box.y0) and frame.contains(box.x1, box.y1)
            others = (m for j, m in enumerate(markers) if j != i)
            if (
                inside
                and not any(box.overlaps(b) for b in taken)
                and not any(box.overlaps(m) for m in others)
            ):
                taken.append(box)
                break
            label.remove()
        else:
            skipped += 1
    return skipped


_CONTROL_NAMES = {
    "sv": {
        "tenure_years": "anställningstid",
        "age": "ålder",
        "education": "utbildning",
        "C(work_group)": "arbetsgrupp",
        "C(job_code)": "yrke",
    },
    "en": {
        "tenure_years": "tenure",
        "age": "age",
        "education": "education",
        "C(work_group)": "work group",
        "C(job_code)": "job",
    },
}
_GAP_TEXT = {
    "sv": {
        "x": "Kvinnors lön i procent av mäns",
        "title": "Lika arbete: kvinnors lön i % av mäns",
        "adjusted": "Justerat för {controls} (95 % konfidensintervall)",
        "unadjusted": "Logaritmerad lön utan kontroller (95 % konfidensintervall)",
        "raw": "Rå kvot (för få för regression)",
        "flag": "Flaggad",
        "equal": "Lika lön",
        "dist_title": "Lön per kön och arbetsgrupp",
        "dist_x": "Lön per månad, heltid",
        "women": "Kvinnor",
        "men": "Män",
        "ev_title": "Likvärdigt arbete: kvinnodominerade yrken mot jämförelseyrken",
        "ev_x": "Löneskillnad i procent (negativ = kvinnodominerat yrke har lägre lön)",
        "equal_value": "Lika värde",
        "lower_value_higher_pay": "Lägre värde, högre lön",
    },
    "en": {
        "x": "Women's pay as a percentage of men's",
        "title": "Equal work: women's pay as % of men's",
        "adjusted": "Adjusted for {controls} (95% confidence interval)",
        "unadjusted": "Log pay without controls (95% confidence interval)",
        "raw": "Raw ratio (too few for a regression)",
        "flag": "Flagged",
        "equal": "Equal pay",
        "dist_title": "Pay by gender and work group",
        "dist_x": "Monthly pay, full time",
        "women": "Women",
        "men": "Men",
        "ev_title": "Equal value: female-dominated jobs against comparators",
        "ev_x": "Pay gap in percent (negative = the female-dominated job is paid less)",
        "equal_value": "Equal value",
        "lower_value_higher_pay": "Lower value, higher pay",
    },
}


def _pct_formatter(language: str, ax: Axes | None = None):  # noqa: ANN202 - a Formatter
    """Percent ticks with as many decimals as the tick step needs (no "−0 %", no repeats)."""
    from matplotlib.ticker import FuncFormatter

    def fmt(v: float, _pos: int) -> str:
        ticks = ax.get_xticks() if ax is not None else []
        step = float(np.min(np.diff(ticks))) if len(ticks) > 1 else 1.0
        decimals = 0 if step >= 1 else 1 if step >= 0.1 else 2
        v = 0.0 if abs(v) < 10 ** -(decimals + 1) else v
        return fmt_pct(v, decimals, language)

    return FuncFormatter(fmt)


def _kr_formatter(language: str, currency: str):  # noqa: ANN202 - a matplotlib Formatter
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _: fmt_kr(v, 0, language, currency))


# charts of the organisation-wide statistics live beside their analyses; re-exported here

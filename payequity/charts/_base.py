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
    *,
    fontsize: float = 6.5,
) -> int:
    """Label points without overlap: greedy, in ``order``, each label at the first free spot
    of rings of spots around its marker; a label with no free spot is left out.

    A spot is free when the label (with a small margin) stays inside the axes and touches no
    other label, no marker (``sizes``: scatter areas in points²; its own included) and not the
    legend, and when its leader line — drawn for spots beyond the nearest ring — crosses no
    label, no other leader line and no other marker. The figure's layout is fixed first, so that saving it later
    cannot move the points under their labels.

    Returns the number of labels left out (the caller's table lists every point anyway).
    """
    placer = _LabelPlacer(ax, xs, ys, sizes, fontsize=fontsize)
    return sum(not placer.place(i, str(names[i])) for i in order)


class _LabelPlacer:
    """The state of :func:`place_labels`: what is taken so far (labels, leader lines, markers,
    the legend), so labels of several passes — names, then numbers — never overlap."""

    def __init__(
        self,
        ax: Axes,
        xs: np.ndarray,
        ys: np.ndarray,
        sizes: np.ndarray | None = None,
        *,
        fontsize: float = 6.5,
    ):
        from matplotlib.transforms import Bbox

        fig = ax.figure
        fig.canvas.draw()  # positions and the renderer
        if fig.get_layout_engine() is not None:  # freeze the layout: later draws keep axes put
            fig.set_layout_engine("none")
        self.ax, self.xs, self.ys, self.fontsize = ax, np.asarray(xs), np.asarray(ys), fontsize
        self.renderer = fig.canvas.get_renderer()
        self.px = fig.dpi / 72  # pixels per point
        self.frame = ax.get_window_extent(self.renderer)
        legend = ax.get_legend()
        self.taken = [legend.get_window_extent(self.renderer)] if legend is not None else []
        self.leaders: list = []
        self.centres = ax.transData.transform(np.column_stack([self.xs, self.ys]))
        area = np.asarray(sizes) if sizes is not None else np.full(len(self.xs), 36.0)
        self.radius = np.sqrt(area) / 2  # points
        self.markers = [
            Bbox.from_extents(x - r * self.px, y - r * self.px, x + r * self.px, y + r * self.px)
            for (x, y), r in zip(self.centres, self.radius, strict=True)
        ]

    def place(
        self,
        i: int,
        name: str,
        rings: tuple[float, ...] = (0, 8, 16, 26, 38),
        *,
        crossing: bool = False,
    ) -> bool:
        """Label point ``i`` at the first free spot on ``rings`` (points beyond the nearest
        spot); False, and nothing drawn, when every spot is taken. A leader line never crosses a
        label; ``crossing`` lets it cross other leader lines and markers."""
        from matplotlib.text import Text

        margin = 1.5 * self.px
        for ring in rings:
            for angle in _ANGLES[0] if ring == 0 else _ANGLES[1]:
                d = self.radius[i] + 2.5 + ring  # from the marker's centre, in points
                dx, dy = d * np.cos(angle), d * np.sin(angle)
                ha = "left" if dx > 0.3 * d else "right" if dx < -0.3 * d else "center"
                va = "bottom" if dy > 0.3 * d else "top" if dy < -0.3 * d else "center"
                far = ring > 0  # beyond the nearest ring: a thin line shows the owner
                label = self.ax.annotate(
                    name,
                    (self.xs[i], self.ys[i]),
                    xytext=(dx, dy),
                    textcoords="offset points",
                    fontsize=self.fontsize,
                    ha=ha,
                    va=va,
                    color="#222222",
                    zorder=4,
                    arrowprops=dict(arrowstyle="-", color="#888888", lw=0.5, shrinkA=0, shrinkB=2)
                    if far
                    else None,
                )
                label.update_positions(self.renderer)
                box = Text.get_window_extent(label, self.renderer)  # the text, not its leader
                padded = box.padded(margin)
                line = None
                if far:  # the leader as drawn: from the marker to the text's centre
                    cx, cy = self.centres[i]
                    line = _clipped(cx, cy, box)
                if (
                    self.frame.contains(box.x0, box.y0)
                    and self.frame.contains(box.x1, box.y1)
                    and not any(padded.overlaps(b) for b in self.taken)
                    and not any(padded.overlaps(m) for m in self.markers)
                    and not any(ld.intersects_bbox(padded, filled=True) for ld in self.leaders)
                    and (
                        line is None
                        or (
                            not any(
                                line.intersects_bbox(b.padded(2 * margin), filled=True)
                                for b in self.taken
                            )
                            and (
                                crossing
                                or not any(
                                    line.intersects_bbox(m, filled=True)
                                    for k, m in enumerate(self.markers)
                                    if k != i and not m.contains(*self.centres[i])
                                )
                            )
                            and (
                                crossing
                                or not any(
                                    line.intersects_path(ld, filled=False) for ld in self.leaders
                                )
                            )
                        )
                    )
                ):
                    self.taken.append(box)
                    if line is not None:
                        self.leaders.append(line)
                    return True
                label.remove()
        return False


def _clipped(cx: float, cy: float, box):  # noqa: ANN001, ANN202 - Bbox in, Path out
    """The segment from (cx, cy) towards the centre of ``box``, ending at the box's edge."""
    from matplotlib.path import Path

    mx, my = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2
    dx, dy = mx - cx, my - cy
    t = 0.0  # the segment enters the box once both coordinates are inside it
    for d, half in ((dx, box.width / 2), (dy, box.height / 2)):
        if abs(d) > 1e-9:
            t = max(t, 1 - half / abs(d))
    return Path([[cx, cy], [cx + t * dx, cy + t * dy]])


# The directions tried around a marker: on the nearest ring right, left, above, below, then the
# diagonals; on the rings farther out (labels with a leader line) sixteen directions.
_ANGLES = (
    np.deg2rad([0, 180, 90, 270, 30, 150, 210, 330]),
    np.linspace(0, 2 * np.pi, 16, endpoint=False),
)


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


def _fit_ticks(axis, per_tick: float = 0.85) -> None:  # noqa: ANN001 - a matplotlib Axis
    """Nice ticks on an x ``axis``, as many as fit its width at ``per_tick`` inches each, so
    that tick labels such as "−2,5 %" or "32 000 kr" never run together however narrow the
    axes end up after the layout (long group names can leave little room)."""
    from matplotlib.ticker import MaxNLocator

    class _Fit(MaxNLocator):
        def __call__(self):  # noqa: ANN204 - the ticks
            ax = self.axis.axes
            inches = ax.get_position().width * ax.figure.get_figwidth()
            self.set_params(nbins=max(2, int(inches / per_tick)))
            return super().__call__()

    axis.set_major_locator(_Fit(nbins="auto", steps=[1, 2, 2.5, 5, 10]))


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


def _hidden_words(hidden: int, language: str, what: tuple[str, str, str, str] | None = None) -> str:
    """ "3 grupper visas inte: för få kvinnor eller män, direkt eller via andra siffror": the
    points left out of a chart of an aggregate edition, whose figures are suppressed (DESIGN
    §5); ``what`` names them (Swedish one/many, English one/many); "" when none."""
    if hidden <= 0:
        return ""
    one_sv, many_sv, one_en, many_en = what or ("grupp", "grupper", "group", "groups")
    if language == "sv":
        return (
            f"{hidden} {one_sv if hidden == 1 else many_sv} visas inte: för få kvinnor eller "
            "män, direkt eller via andra siffror"
        )
    return (
        f"{hidden} {one_en if hidden == 1 else many_en} not shown: too few women or men, "
        "directly or through other figures"
    )


def _note_below(ax: Axes, note: str) -> None:
    """A note under the chart, below the x label."""
    ax.annotate(
        note,
        xy=(0, 0),
        xycoords=("axes fraction", ax.xaxis.label),
        xytext=(0, -5),
        textcoords="offset points",
        ha="left",
        va="top",
        fontsize=7,
        color="#333333",
    )

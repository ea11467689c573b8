"""Charts: ``plot_*(result, *, ax=None, ...) -> Axes``, one style for every chart.

Colour-blind safe (Okabe–Ito) and readable in black and white: groups differ by marker shape
and fill as well as colour. Labels in Swedish by default (``language="en"`` for English),
numbers the Swedish way. matplotlib is imported inside the functions, so ``import payequity``
stays light; nothing here calls ``plt.show()``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from ._format import fmt_kr, fmt_pct
from .exceptions import InsufficientDataError

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from .jobeval import JobEvaluation

__all__ = ["plot_value_vs_pay", "OKABE_ITO"]

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

_TEXT = {
    "sv": {
        "x": "Arbetsvärde (poäng)",
        "y": "Medellön per månad, heltid",
        "title": "Arbetsvärde och lön per yrke",
        "fd": "Kvinnodominerat ({share} kvinnor)",
        "md": "Mansdominerat ({share} kvinnor)",
        "mixed": "Övriga yrken",
        "line": "Lönelinje över ej kvinnodominerade yrken",
        "band": "Band {k}",
        "size": "Ytan visar antal anställda",
    },
    "en": {
        "x": "Job value (points)",
        "y": "Mean monthly pay, full time",
        "title": "Job value and pay by job",
        "fd": "Female-dominated ({share} women)",
        "md": "Male-dominated ({share} women)",
        "mixed": "Other jobs",
        "line": "Pay line over jobs not female-dominated",
        "band": "Band {k}",
        "size": "Marker area shows head count",
    },
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
    from matplotlib.transforms import Bbox

    centres = ax.transData.transform(np.column_stack([xs, ys]))
    radius = np.sqrt(sizes if sizes is not None else np.full(len(xs), 36.0)) / 2 * fig.dpi / 72
    markers = [Bbox.from_extents(x - r, y - r, x + r, y + r)
               for (x, y), r in zip(centres, radius, strict=True)]  # fmt: skip
    offsets = [(8, 0), (-8, 0), (0, 10), (0, -10), (10, 10), (-10, -10), (10, -10), (-10, 10),
               (14, 0), (-14, 0), (0, 16), (0, -16)]  # fmt: skip
    skipped = 0
    for i in order:
        for dx, dy in offsets:
            ha = "left" if dx > 0 else "right" if dx < 0 else "center"
            label = ax.annotate(names[i], (xs[i], ys[i]), xytext=(dx, dy),
                                textcoords="offset points", fontsize=6.5, ha=ha, va="center",
                                color="#222222", zorder=4)  # fmt: skip
            box = label.get_window_extent(renderer)
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


def plot_value_vs_pay(
    evaluation: JobEvaluation,
    *,
    ax: Axes | None = None,
    pay: str = "base_salary",
    language: str = "sv",
    label_jobs: bool = True,
    currency: str = "SEK",
    scatter_kw: dict[str, Any] | None = None,
) -> Axes:
    """Job points against mean pay, one marker per job sized by head count.

    Female-dominated jobs are filled triangles, male-dominated jobs open squares, other jobs
    open circles; the pay line is a head-count-weighted least-squares line over the jobs that
    are not female-dominated. Dotted verticals mark the equal-value band edges.

    Parameters
    ----------
    evaluation : JobEvaluation
        Evaluated with ``data=`` so that jobs have head counts and mean pay.
    pay : {"base_salary", "monthly_pay"}
    language : {"sv", "en"}
    label_jobs : bool
        Write each job's title (or code) beside its marker.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from payequity import datasets, evaluate_jobs
    >>> data = datasets.load_sample()
    >>> ev = evaluate_jobs("data/sample/job_evaluation.csv", data=data)
    >>> ax = plot_value_vs_pay(ev)
    >>> ax.get_xlabel()
    'Arbetsvärde (poäng)'
    """
    from matplotlib.lines import Line2D
    from matplotlib.ticker import FuncFormatter

    text = _TEXT.get(language, _TEXT["sv"])
    t = evaluation.table
    col = f"mean_{pay}"
    if col not in t.columns or not (t["n"].fillna(0) > 0).any():
        raise InsufficientDataError(
            "the job evaluation has no pay data; call evaluate_jobs(..., data=pay_data)"
        )
    t = t[t["n"].fillna(0) > 0]
    ax = _axes(ax)
    fd = t["female_dominated"].fillna(False).astype(bool)
    md = t["male_dominated"].fillna(False).astype(bool) & ~fd
    area = 25 + 400 * t["n"] / t["n"].max()
    groups = [
        (fd, dict(marker="^", facecolor=OKABE_ITO["vermillion"], edgecolor="black")),
        (md, dict(marker="s", facecolor="white", edgecolor=OKABE_ITO["blue"])),
        (~fd & ~md, dict(marker="o", facecolor="white", edgecolor="#444444")),
    ]
    for mask, style in groups:
        if mask.any():
            ax.scatter(t.loc[mask, "points"], t.loc[mask, col], s=area[mask], linewidth=1.2,
                       zorder=3, **(style | (scatter_kw or {})))  # fmt: skip
    other = t[~fd]
    xs = np.linspace(t["points"].min(), t["points"].max(), 50)
    if len(other) >= 2 and other["points"].nunique() >= 2:
        slope, icept = np.polyfit(other["points"], other[col], 1, w=np.sqrt(other["n"]))
        ax.plot(xs, icept + slope * xs, color="black", linewidth=1.2, linestyle="--", zorder=2)
    w = evaluation.band_width
    lo, hi = ax.get_xlim()
    ymax = ax.get_ylim()[1]
    for k in range(int(lo // w) + 1, int(hi // w) + 1):
        ax.axvline(k * w, color="#999999", linewidth=0.7, linestyle=":", zorder=1)
    for k in range(max(int(lo // w), 0), int(hi // w) + 1):
        mid = (k + 0.5) * w
        if lo < mid < hi:
            ax.text(mid, ymax, text["band"].format(k=k), ha="center", va="bottom", fontsize=8,
                    color="#555555")  # fmt: skip
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: fmt_kr(v, 0, language, currency)))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.0f}"))
    ax.set_xlabel(text["x"])
    ax.set_ylabel(text["y"])
    ax.set_title(text["title"], loc="left", pad=16)
    share = evaluation.settings.get("female_dominated_share", 0.6)
    md_share = evaluation.settings.get("male_dominated_share", 0.4)
    ge = "≥" if evaluation.settings.get("inclusive", True) else ">"
    handles = [
        Line2D([], [], marker="^", linestyle="", markerfacecolor=OKABE_ITO["vermillion"],
               markeredgecolor="black", markersize=8,
               label=text["fd"].format(share=f"{ge} {fmt_pct(100 * share, 0, language)}")),
        Line2D([], [], marker="s", linestyle="", markerfacecolor="white",
               markeredgecolor=OKABE_ITO["blue"], markersize=8,
               label=text["md"].format(share=f"≤ {fmt_pct(100 * md_share, 0, language)}")),
        Line2D([], [], marker="o", linestyle="", markerfacecolor="white",
               markeredgecolor="#444444", markersize=8, label=text["mixed"]),
        Line2D([], [], color="black", linestyle="--", label=text["line"]),
    ]  # fmt: skip
    ax.legend(handles=handles, loc="upper left", fontsize=8, frameon=False,
              title=text["size"], title_fontsize=7.5)  # fmt: skip
    if label_jobs:
        names = t["job_title"] if "job_title" in t.columns else t["job_code"]
        names = names.where(names.astype(str) != "", t["job_code"])
        order = np.argsort(-t["n"].to_numpy(), kind="stable")  # biggest jobs get a label first
        place_labels(ax, t["points"].to_numpy(), t[col].to_numpy(), names.astype(str).to_numpy(),
                     order, area.to_numpy())  # fmt: skip
    return ax

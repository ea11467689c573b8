"""Charts: ``plot_*(result, *, ax=None, ...) -> Axes``, one style for every chart.

Colour-blind safe (Okabe–Ito) and readable in black and white: groups differ by marker shape
and fill as well as colour. Labels in Swedish by default (``language="en"`` for English),
numbers the Swedish way. matplotlib is imported inside the functions, so ``import payequity``
stays light; nothing here calls ``plt.show()``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from .._format import fmt_kr, fmt_number, fmt_pct
from ..exceptions import InsufficientDataError

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from ..jobeval import JobEvaluation

__all__ = [
    "OKABE_ITO",
    "plot_equal_value",
    "plot_gap_by_group",
    "plot_pay_by_gender",
    "plot_value_vs_pay",
]

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
        "people": "{n} anställda",
        "unlabelled": "{n} yrken utan etikett (för trångt); se tabellen",
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
        "people": "{n} employees",
        "unlabelled": "{n} jobs not labelled (no room); see the table",
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
    if col not in t.columns:
        raise InsufficientDataError(
            "the job evaluation has no pay data; call evaluate_jobs(..., data=pay_data)"
        )
    if not (t["n"].fillna(0) > 0).any():
        raise InsufficientDataError("no evaluated job has anyone in the pay data; check job codes")
    t = t[t["n"].fillna(0) > 0]
    ax = _axes(ax)
    fd = t["female_dominated"].fillna(False).astype(bool)
    md = t["male_dominated"].fillna(False).astype(bool) & ~fd
    area = 25 + 400 * t["n"] / t["n"].max()
    styles = {
        "fd": dict(marker="^", facecolor=OKABE_ITO["vermillion"], edgecolor="black"),
        "md": dict(marker="s", facecolor="white", edgecolor=OKABE_ITO["blue"]),
        "other": dict(marker="o", facecolor="white", edgecolor="#444444"),
    }
    kind = np.where(fd, "fd", np.where(md, "md", "other"))
    # biggest first, so a small job is never hidden inside a big one
    for i in np.argsort(-area.to_numpy(), kind="stable"):
        ax.scatter(
            t["points"].iloc[i],
            t[col].iloc[i],
            s=area.iloc[i],
            linewidth=1.2,
            zorder=3 + i / 1000,
            **(styles[kind[i]] | (scatter_kw or {})),
        )
    fit = evaluation.model if pay == "base_salary" else None
    if fit is not None:
        xs = np.linspace(t["points"].min(), t["points"].max(), 50)
        ax.plot(
            xs,
            fit.params[0] + fit.params[1] * xs,
            color="black",
            linewidth=1.2,
            linestyle="--",
            zorder=2,
        )
    w = evaluation.band_width
    lo, hi = ax.get_xlim()
    ymax = ax.get_ylim()[1]
    if (hi - lo) / w <= 30:  # band edges only where they can be read
        for k in range(int(lo // w) + 1, int(hi // w) + 1):
            ax.axvline(k * w, color="#999999", linewidth=0.7, linestyle=":", zorder=1)
        for k in range(max(int(lo // w), 0), int(hi // w) + 1):
            mid = (k + 0.5) * w
            if lo < mid < hi:
                ax.text(
                    mid,
                    ymax,
                    text["band"].format(k=k),
                    ha="center",
                    va="bottom",
                    fontsize=8,
                    color="#555555",
                )
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: fmt_kr(v, 0, language, currency)))
    ax.xaxis.set_major_formatter(
        FuncFormatter(lambda v, _: fmt_number(v, 2, language).rstrip("0").rstrip(",."))
    )
    ax.set_xlabel(text["x"])
    ax.set_ylabel(text["y"])
    ax.set_title(text["title"], loc="left", pad=16)
    share = evaluation.settings.get("female_dominated_share", 0.6)
    md_share = evaluation.settings.get("male_dominated_share", 0.4)
    ge = "≥" if evaluation.settings.get("inclusive", True) else ">"
    handles = [
        Line2D(
            [],
            [],
            marker="^",
            linestyle="",
            markerfacecolor=OKABE_ITO["vermillion"],
            markeredgecolor="black",
            markersize=8,
            label=text["fd"].format(share=f"{ge} {fmt_pct(100 * share, 0, language)}"),
        ),
        Line2D(
            [],
            [],
            marker="s",
            linestyle="",
            markerfacecolor="white",
            markeredgecolor=OKABE_ITO["blue"],
            markersize=8,
            label=text["md"].format(share=f"≤ {fmt_pct(100 * md_share, 0, language)}"),
        ),
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markerfacecolor="white",
            markeredgecolor="#444444",
            markersize=8,
            label=text["mixed"],
        ),
        Line2D([], [], color="black", linestyle="--", label=text["line"]),
    ]
    n_max = int(t["n"].max())
    for n in sorted({n_max, max(1, round(n_max / 4, -1) or n_max // 4)}, reverse=True):
        size = np.sqrt(25 + 400 * n / n_max)  # marker size in points from the scatter area
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                linestyle="",
                markerfacecolor="#dddddd",
                markeredgecolor="#777777",
                markersize=size,
                label=text["people"].format(n=fmt_number(n, 0, language)),
            )
        )
    ax.legend(handles=handles, loc="upper left", fontsize=8, frameon=False, labelspacing=0.9)
    if label_jobs:
        names = t["job_title"] if "job_title" in t.columns else t["job_code"]
        names = names.where(names.astype(str) != "", t["job_code"])
        order = np.argsort(-t["n"].to_numpy(), kind="stable")  # biggest jobs get a label first
        skipped = place_labels(
            ax,
            t["points"].to_numpy(),
            t[col].to_numpy(),
            names.astype(str).to_numpy(),
            order,
            area.to_numpy(),
        )
        if skipped:
            ax.text(
                1.0,
                -0.13,
                text["unlabelled"].format(n=skipped),
                transform=ax.transAxes,
                ha="right",
                va="top",
                fontsize=7,
                color="#555555",
            )
    return ax


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


def _shown_note(ax: Axes, shown: int, total: int, language: str) -> None:
    if shown < total:
        text = (
            f"Visar {shown} av {total} grupper: flaggade och största först"
            if language == "sv"
            else f"Showing {shown} of {total} groups: flagged and largest first"
        )
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
    t, total = _rows(result.table, _unit(result.table, unit), pay, limit)
    if t.empty:
        raise InsufficientDataError("no work group with both women and men to plot")
    ax = _axes(ax, size=(8, max(3.4, 0.32 * len(t) + 2.2)))
    y = np.arange(len(t))
    tested = t["regression_tested"].astype(bool).to_numpy()
    flagged = t["flagged"].astype(bool).to_numpy()
    value = np.where(tested, 100 + t["adjusted_gap_pct"], t["women_pct_of_men"])
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
    _shown_note(ax, len(t), total, language)
    return ax


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
    ax.xaxis.set_major_formatter(_pct_formatter(language, ax))
    ax.set_xlabel(text["ev_x"])
    ax.set_title(text["ev_title"], loc="left")
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    return ax


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
_ELSEWHERE = {
    "plot_quartiles": "._eu",
    "plot_standardized": "._eu",
    "plot_gap": "._gap",
    "plot_decomposition": "._oaxaca",
    "plot_action_plan": "._plan",
    "plot_remediation_curve": "._remediation",
    "plot_year_over_year": "._yoy",
    "plot_review_raises": "._review",
}


def __getattr__(name: str) -> Any:
    if name in _ELSEWHERE:
        import importlib

        return getattr(importlib.import_module(_ELSEWHERE[name], __package__), name)
    raise AttributeError(f"module 'payequity.charts' has no attribute {name!r}")

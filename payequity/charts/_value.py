"""Job value against pay: one point per job, female- and male-dominated jobs marked."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from .._format import fmt_kr, fmt_number, fmt_pct
from ..exceptions import InsufficientDataError
from ._base import OKABE_ITO, _axes, _hidden_words, _LabelPlacer, _note_below

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from ..jobeval import JobEvaluation

__all__ = ["plot_value_vs_pay"]

_TEXT = {
    "sv": {
        "x": "Arbetsvärde (poäng)",
        "y": {
            "base_salary": "Medel grundlön per månad, heltid",
            "monthly_pay": "Medel månadslön per månad, heltid",
        },
        "title": "Arbetsvärde och lön per yrke",
        "fd": "Kvinnodominerat ({share} kvinnor)",
        "md": "Mansdominerat ({share} kvinnor)",
        "mixed": "Övriga yrken",
        "line": "Lönelinje över ej kvinnodominerade yrken",
        "band": "Band {k}",
        "people": "{n} anställda",
        "unlabelled": "{n} yrken utan etikett (för trångt); se tabellen",
        "unlabelled_one": "1 yrke utan etikett (för trångt); se tabellen",
        "key": "Numrerade yrken:",
    },
    "en": {
        "x": "Job value (points)",
        "y": {
            "base_salary": "Mean monthly base salary, full time",
            "monthly_pay": "Mean monthly pay, full time",
        },
        "title": "Job value and pay by job",
        "fd": "Female-dominated ({share} women)",
        "md": "Male-dominated ({share} women)",
        "mixed": "Other jobs",
        "line": "Pay line over jobs not female-dominated",
        "band": "Band {k}",
        "people": "{n} employees",
        "unlabelled": "{n} jobs not labelled (no room); see the table",
        "unlabelled_one": "1 job not labelled (no room); see the table",
        "key": "Numbered jobs:",
    },
}


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
    from matplotlib import patheffects
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
    # a job whose mean pay is suppressed (an aggregate edition: NaN) is left out, and counted
    hidden = int(t[col].isna().sum())
    t = t[t[col].notna()]
    if t.empty:
        raise InsufficientDataError("every job's mean pay is suppressed")
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
    # biggest first, so a small job is never hidden inside a big one: the later a marker is
    # drawn the higher its zorder, and a white halo sets it off from the one beneath
    halo = [patheffects.withStroke(linewidth=3.2, foreground="white")]
    markers = []  # (row, collection) in drawing order
    for rank, i in enumerate(np.argsort(-area.to_numpy(), kind="stable")):
        markers.append(
            (
                i,
                ax.scatter(
                    t["points"].iloc[i],
                    t[col].iloc[i],
                    s=area.iloc[i],
                    linewidth=1.2,
                    zorder=3 + rank / 1000,
                    path_effects=halo,
                    **(styles[kind[i]] | (scatter_kw or {})),
                ),
            )
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
    if (hi - lo) / w <= 30:  # band edges only where they can be read
        for k in range(int(lo // w) + 1, int(hi // w) + 1):
            ax.axvline(k * w, color="#999999", linewidth=0.7, linestyle=":", zorder=1)
        _band_names(ax, w, lo, hi, text["band"])
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: fmt_kr(v, 0, language, currency)))
    ax.xaxis.set_major_formatter(
        FuncFormatter(lambda v, _: fmt_number(v, 2, language).rstrip("0").rstrip(",."))
    )
    ax.set_xlabel(text["x"])
    ax.set_ylabel(text["y"].get(pay, text["y"]["base_salary"]))
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
    legend = ax.legend(
        handles=handles,
        loc="upper left",
        fontsize=8,
        labelspacing=0.9,
        frameon=True,  # white and framed: the band lines and grid never run through it
        facecolor="white",
        edgecolor="#cccccc",
        framealpha=1.0,
    )
    legend.set_zorder(6)
    xs = _dodge(ax, markers, t["points"].to_numpy(float))
    note = _hidden_words(hidden, language, ("yrke", "yrken", "job", "jobs"))
    if label_jobs:
        names = t["job_title"] if "job_title" in t.columns else t["job_code"]
        names = names.where(names.astype(str) != "", t["job_code"]).astype(str).to_numpy()
        _label_jobs(ax, xs, t[col].to_numpy(), names, t["n"], area, text, note)
    elif note:
        _note_below(ax, note)
    return ax


def _band_names(ax: Axes, w: float, lo: float, hi: float, name: str) -> None:
    """ "Band k" above the axes, centred on the visible part of each band; left out where
    that part is narrower than the name, so that no name runs past the axes."""
    from matplotlib.transforms import blended_transform_factory

    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    top = blended_transform_factory(ax.transData, ax.transAxes)
    for k in range(max(int(lo // w), 0), int(hi // w) + 1):
        a, b = max(k * w, lo), min((k + 1) * w, hi)
        if b <= a:
            continue
        label = ax.text(
            (a + b) / 2,
            1.0,
            name.format(k=k),
            transform=top,
            ha="center",
            va="bottom",
            fontsize=8,
            color="#555555",
            clip_on=False,
        )
        box = label.get_window_extent(renderer)
        x0, x1 = ax.transData.transform([(a, 0), (b, 0)])[:, 0]
        width = (x1 - x0) / max(frame.width, 1) * ax.get_position().width  # figure fraction
        if box.width / fig.bbox.width > width * 0.95:
            label.remove()


def _dodge(ax: Axes, markers: list, xs: np.ndarray) -> np.ndarray:
    """Move markers that (nearly) share a spot a few points apart sideways, so that each one
    drawn beneath another still shows at least its own radius; returns the x values drawn, in
    the table's order.

    ``markers`` are (table row, scatter collection of one point) in drawing order. The layout
    is fixed first, so that the distances measured here are those of the saved figure."""
    fig = ax.figure
    fig.canvas.draw()
    if fig.get_layout_engine() is not None:
        fig.set_layout_engine("none")
    px = fig.dpi / 72
    pos = np.array([m.get_offsets()[0] for _, m in markers], dtype=float)
    centre = ax.transData.transform(pos)
    r = np.array([np.sqrt(m.get_sizes()[0]) / 2 * px for _, m in markers])
    for _ in range(20):  # a few rounds: one move may crowd a third marker
        moved = False
        for lower in range(len(markers)):
            for upper in range(lower + 1, len(markers)):
                dx = centre[lower, 0] - centre[upper, 0]
                dy = centre[lower, 1] - centre[upper, 1]
                out = max(abs(dx), abs(dy)) + r[lower] - r[upper]  # how far it sticks out
                need = max(4 * px, 0.6 * r[lower])
                if out >= need - 1e-6:
                    continue
                side = np.sign(dx) or (1.0 if pos[lower, 1] >= pos[upper, 1] else -1.0)
                shift = (need - out) / 2 + 0.25
                centre[lower, 0] += side * shift
                centre[upper, 0] -= side * shift
                moved = True
        if not moved:
            break
    drawn = ax.transData.inverted().transform(centre)
    out = np.asarray(xs, dtype=float).copy()
    for (row, m), p in zip(markers, drawn, strict=True):
        m.set_offsets([p])
        out[row] = p[0]
    return out


def _label_jobs(ax: Axes, xs, ys, names, n, area, text: dict, note: str = "") -> None:  # noqa: ANN001 - arrays
    """Each job's name beside its marker, without overlap; where a crowd leaves no room, a
    number instead, with a key under the chart, so that every job can be found."""
    placer = _LabelPlacer(ax, xs, ys, np.asarray(area))
    order = np.argsort(-np.asarray(n), kind="stable")  # the biggest jobs get a name first
    missing = [i for i in order if not placer.place(i, names[i], rings=(0, 8, 16, 26))]
    key = []
    for i in sorted(missing, key=lambda i: (xs[i], ys[i])):  # numbered from left to right
        number = str(len(key) + 1)
        if placer.place(i, number, rings=(0, 5, 10, 16, 24, 34, 46), crossing=True):
            key.append(f"{number} {names[i]}")
    lines = [" · ".join(key[k : k + 6]) for k in range(0, len(key), 6)]
    skipped = len(missing) - len(key)
    if skipped:
        lines.append(text["unlabelled_one" if skipped == 1 else "unlabelled"].format(n=skipped))
    if note:
        lines.append(note)
    if lines:
        _note_below(ax, (text["key"] + " " if key else "") + "\n".join(lines))

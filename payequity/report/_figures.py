"""The report's charts as PNG files: each chart of :mod:`payequity.charts`, drawn for a run.

Every function returns ``{file name: PNG bytes}`` and closes its figures; a chart that has
nothing to draw is left out (the report's text says so instead).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from ..exceptions import PayEquityError

__all__ = ["draw", "figure_png"]

DPI = 150


def figure_png(plot: Callable[[], Any]) -> bytes | None:
    """Run ``plot()`` (returning an Axes) and return the figure as PNG, or None when the chart
    has nothing to show."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    try:
        ax = plot()
    except PayEquityError:  # e.g. no group with both genders: nothing to draw
        plt.close("all")
        return None
    fig = ax.figure
    buf = io.BytesIO()
    # tight bounds: long tick labels or titles never run off the image
    fig.savefig(
        buf,
        format="png",
        dpi=DPI,
        metadata={"Software": None},
        bbox_inches="tight",
        pad_inches=0.08,
    )
    plt.close(fig)
    return buf.getvalue()


def draw(run: Any, unit: str | None, language: str) -> dict[str, bytes]:
    """The charts of the overview (``unit`` None) or of one unit."""
    from .. import charts

    r = run.results
    labels = job_labels(run)
    todo: dict[str, Callable[[], Any]] = {
        "gap_by_group.png": lambda: charts.plot_gap_by_group(
            r["equal_work"] if unit is None else r["equal_work_by_unit"][unit],
            language=language,
            labels=labels,
            limit=25,
        ),
    }
    work = run.tables["equal_work"]
    if work["flagged"].astype(bool)[work["unit"].fillna("").astype(str) == (unit or "")].any():
        todo["pay_spread.png"] = lambda: _spread(run, unit, language, labels)
    value = r.get("equal_value") if unit is None else r.get("equal_value_by_unit", {}).get(unit)
    if value is not None and len(value.table):
        todo["equal_value.png"] = lambda: charts.plot_equal_value(
            value, language=language, labels=labels
        )
    if unit is None:
        if run.evaluation is not None:
            todo["value_vs_pay.png"] = lambda: run.evaluation.plot(language=language)
        if r.get("oaxaca") is not None:
            todo["oaxaca.png"] = lambda: charts.plot_decomposition(r["oaxaca"], language=language)
        todo["quartiles.png"] = lambda: charts.plot_quartiles(r["eu"], language=language)
        if len(r["action_plan"].table):
            todo["action_plan.png"] = lambda: charts.plot_action_plan(
                r["action_plan"], language=language
            )
        if r.get("remediation") is not None:
            todo["remediation.png"] = lambda: charts.plot_remediation_curve(
                r["remediation"], language=language
            )
        if len(r["year_over_year"].table):
            todo["year_over_year.png"] = lambda: charts.plot_year_over_year(
                r["year_over_year"], language=language
            )
    out = {}
    for name, plot in todo.items():
        png = figure_png(plot)
        if png is not None:
            out[name] = png
    return out


def _spread(run: Any, unit: str | None, language: str, labels: dict[str, str]) -> Any:
    """The pay spread of the flagged groups; the lowest and highest pay and each person only
    for readers who may see people (hr, union: DESIGN §5)."""
    from .. import charts
    from ..privacy import sees_people

    people = sees_people(run.manifest["audience"])
    r = run.results
    result = r["equal_work"] if unit is None else r["equal_work_by_unit"].get(unit)
    return charts.plot_pay_spread(
        run.tables["equal_work"],
        unit=unit or "",
        people=getattr(result, "people", None) if people else None,  # people.csv: only ""
        extremes=people,
        language=language,
        labels=labels,
        currency=str(run.config.data.currency),
    )


def job_titles(run: Any) -> dict[str, str]:
    """Job code → job title: the pay data's first title of each code, else the job evaluation's;
    codes whose title is only the code again are left out."""
    titles: dict[str, str] = {}
    for frame in (run.data.frame, run.tables.get("job_evaluation")):
        if frame is None or not {"job_code", "job_title"} <= set(frame.columns):
            continue
        first = frame.dropna(subset=["job_title"]).groupby("job_code")["job_title"].first()
        for code, title in first.items():
            if str(title).strip() and str(title) != str(code):
                titles.setdefault(str(code), str(title))
    return titles


def job_labels(run: Any) -> dict[str, str]:
    """Job code → "Title (code)" for the jobs that have a title (see :func:`job_titles`)."""
    return {code: f"{title} ({code})" for code, title in job_titles(run).items()}

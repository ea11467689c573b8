"""The report's charts as PNG files: each chart of :mod:`payequity.charts`, drawn for a run.

Every function returns ``{file name: PNG bytes}`` and closes its figures; a chart that has
nothing to draw is left out (the report's text says so instead).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import replace
from types import SimpleNamespace
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
    from ..privacy import sees_people

    r = run.results
    labels = job_labels(run)
    # manager and public: every chart from the suppressed data files (run.tables) and the
    # results rebuilt on them, never from the person-level pay data (DESIGN §5)
    aggregate = not sees_people(run.manifest["audience"])
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
        if run.evaluation is not None and not aggregate:
            todo["value_vs_pay.png"] = lambda: run.evaluation.plot(language=language)
        elif run.evaluation is not None and run.tables.get("job_evaluation") is not None:
            # the job means as published: a suppressed mean (NaN) is not drawn, and the pay
            # line is fitted over the published means only
            published = replace(run.evaluation, table=run.tables["job_evaluation"])
            todo["value_vs_pay.png"] = lambda: charts.plot_value_vs_pay(
                published, language=language, currency=str(run.config.data.currency)
            )
        if r.get("oaxaca") is not None:
            todo["oaxaca.png"] = lambda: charts.plot_decomposition(r["oaxaca"], language=language)
        todo["quartiles.png"] = lambda: charts.plot_quartiles(
            _published_quartiles(run) if aggregate else r["eu"], language=language
        )
        # an aggregate edition's plan has no person measures: a chart of the rest would show
        # half the cost; the time plan's table gives the whole
        if len(r["action_plan"].table) and not aggregate:
            todo["action_plan.png"] = lambda: charts.plot_action_plan(
                r["action_plan"],
                language=language,
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


def _published_quartiles(run: Any) -> Any:
    """The pay quartiles (Art. 9(1)(f), hourly pay) as ``eu_indicators`` publishes them, in the
    shape :func:`payequity.charts.plot_quartiles` reads (``.quartiles``)."""
    import pandas as pd

    t = run.tables["eu_indicators"]
    f = t[(t["indicator"].astype(str) == "f") & (t["pay_level"].astype(str) == "hourly")]
    f = f.assign(quartile=pd.to_numeric(f["quartile"], errors="coerce"))
    rows = []
    for q, part in f.groupby("quartile", sort=True):
        share = {str(g): float(v) for g, v in zip(part["gender"], part["value"], strict=True)}
        first = part.iloc[0]
        n = pd.to_numeric(pd.Series([first["n_women"], first["n_men"]]), errors="coerce")
        rows.append(
            {
                "quartile": int(q),
                "n": int(n.fillna(0).sum()),
                "n_women": n.iloc[0],
                "n_men": n.iloc[1],
                "share_women_pct": share.get("F", float("nan")),
                "share_men_pct": share.get("M", float("nan")),
            }
        )
    columns = ["quartile", "n", "n_women", "n_men", "share_women_pct", "share_men_pct"]
    return SimpleNamespace(quartiles=pd.DataFrame(rows, columns=columns))


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

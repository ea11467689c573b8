"""What a reader of the report's charts would trip over: markers hidden under others, labels on
leader lines or outside the axes, tick labels running together, a legend over the data, an
axis that names the wrong pay, P10/P90 of two people."""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")

from payequity import datasets, evaluate_jobs  # noqa: E402

ANGSSKOLAN = "Barn- och utbildningsförvaltningen/Ängsskolan"


@pytest.fixture(scope="module")
def evaluation():
    return evaluate_jobs("data/sample/job_evaluation.csv", data=datasets.load_sample())


def _saved(ax):
    """Save as the report does (tight bounds, 150 dpi), then the renderer of the saved state."""
    fig = ax.figure
    fig.savefig(io.BytesIO(), format="png", dpi=150, bbox_inches="tight")
    fig.canvas.draw()
    return fig.canvas.get_renderer()


def _close(ax) -> None:
    import matplotlib.pyplot as plt

    plt.close(ax.figure)


# --- job value against pay ----------------------------------------------------------------------


def _markers(ax):
    """(zorder, display box) of each one-point marker of the value chart."""
    from matplotlib.collections import PathCollection
    from matplotlib.transforms import Bbox

    px = ax.figure.dpi / 72
    out = []
    for c in ax.collections:
        if isinstance(c, PathCollection) and len(c.get_offsets()) == 1:
            r = np.sqrt(c.get_sizes()[0]) / 2 * px
            x, y = ax.transData.transform(c.get_offsets())[0]
            out.append((c.get_zorder(), Bbox.from_extents(x - r, y - r, x + r, y + r)))
    return out


@pytest.mark.parametrize("language", ["sv", "en"])
def test_no_job_marker_is_hidden_under_another(evaluation, language):
    from payequity.charts import plot_value_vs_pay

    ax = plot_value_vs_pay(evaluation, language=language)
    _saved(ax)
    markers = _markers(ax)
    assert len(markers) == int((evaluation.table["n"].fillna(0) > 0).sum())
    assert len({z for z, _ in markers}) == len(markers)  # a strict drawing order
    px = ax.figure.dpi / 72
    for za, a in markers:
        for zb, b in markers:
            if za >= zb or not a.overlaps(b):
                continue
            # a is drawn beneath b: it must stick out from under b by at least 2 points
            out = max(a.x1 - b.x1, b.x0 - a.x0, a.y1 - b.y1, b.y0 - a.y0)
            assert out >= 2 * px, f"a marker at {a.bounds} hides under one at {b.bounds}"
    _close(ax)


def test_a_small_job_on_a_big_one_is_drawn_on_top(evaluation):
    """Kock (54 people, 304 points) lies on Undersköterska (604 people, 307 points)."""
    from payequity.charts import plot_value_vs_pay

    ax = plot_value_vs_pay(evaluation)
    _saved(ax)
    markers = sorted(_markers(ax), key=lambda m: m[1].width)
    for i, (z_small, small) in enumerate(markers):
        for z_big, big in markers[i + 1 :]:
            if big.width > small.width + 1e-6 and small.overlaps(big):
                assert z_small > z_big
    _close(ax)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_leader_lines_cross_no_label_and_labels_stay_inside(evaluation, language):
    from matplotlib.text import Annotation, Text

    from payequity.charts import plot_value_vs_pay

    ax = plot_value_vs_pay(evaluation, language=language)
    renderer = _saved(ax)
    frame = ax.get_window_extent(renderer)
    labels = [a for a in ax.get_children() if isinstance(a, Annotation) and a.get_text().strip()]
    labels = [a for a in labels if a.xycoords == "data"]
    boxes = [Text.get_window_extent(a, renderer) for a in labels]
    assert len(boxes) >= 20
    for box in boxes:
        assert frame.x0 <= box.x0 and box.x1 <= frame.x1
        assert frame.y0 <= box.y0 and box.y1 <= frame.y1
    for a in labels:
        if a.arrow_patch is None:
            continue
        path = a.arrow_patch.get_path()
        for other, box in zip(labels, boxes, strict=True):
            if other is not a:
                assert not path.intersects_bbox(box, filled=True), (
                    f"the leader of {a.get_text()!r} crosses {other.get_text()!r}"
                )
    _close(ax)


def test_the_value_chart_legend_is_framed_and_band_names_stay_inside(evaluation):
    from payequity.charts import plot_value_vs_pay

    ax = plot_value_vs_pay(evaluation)
    renderer = _saved(ax)
    legend = ax.get_legend()
    frame = legend.get_frame()
    assert legend.get_frame_on() and frame.get_alpha() in (None, 1.0)
    assert matplotlib.colors.to_hex(frame.get_facecolor()) == "#ffffff"
    lines = [ln for ln in ax.lines if ln.get_linestyle() == ":"]  # the band edges
    assert lines and legend.get_zorder() > max(ln.get_zorder() for ln in lines)
    axes = ax.get_window_extent(renderer)
    bands = [t for t in ax.texts if t.get_text().startswith("Band ")]
    assert len(bands) >= 5
    for t in bands:
        box = t.get_window_extent(renderer)
        assert axes.x0 - 0.5 <= box.x0 and box.x1 <= axes.x1 + 0.5, t.get_text()
    _close(ax)


@pytest.mark.parametrize(
    ("pay", "language", "word"),
    [
        ("base_salary", "sv", "grundlön"),
        ("monthly_pay", "sv", "månadslön"),
        ("base_salary", "en", "base salary"),
        ("monthly_pay", "en", "monthly pay"),
    ],
)
def test_the_value_axis_names_the_pay_plotted(evaluation, pay, language, word):
    from payequity.charts import plot_value_vs_pay

    ax = plot_value_vs_pay(evaluation, pay=pay, language=language)
    assert word in ax.get_ylabel().lower()
    assert ("grundlön" in ax.get_ylabel()) == (pay == "base_salary" and language == "sv")
    _close(ax)


# --- tick labels --------------------------------------------------------------------------------


def _tick_overlaps(ax) -> list[tuple[str, str]]:
    renderer = _saved(ax)
    ticks = [t for t in ax.get_xticklabels() if t.get_visible() and t.get_text()]
    lo, hi = ax.get_xlim()
    ticks = [t for t in ticks if min(lo, hi) <= t.get_position()[0] <= max(lo, hi)]
    boxes = [t.get_window_extent(renderer) for t in ticks]
    return [
        (ticks[i].get_text(), ticks[j].get_text())
        for i in range(len(boxes))
        for j in range(i + 1, len(boxes))
        if boxes[i].padded(2).overlaps(boxes[j])
    ]


def _charts(run, unit):
    from payequity import charts
    from payequity.report._figures import job_labels

    r = run.results
    labels = job_labels(run)
    work = r["equal_work"] if unit is None else r["equal_work_by_unit"][unit]
    value = r["equal_value"] if unit is None else r["equal_value_by_unit"][unit]
    ew = run.tables["equal_work"]
    return {
        "gap_by_group": lambda: charts.plot_gap_by_group(work, labels=labels, limit=25),
        "pay_by_gender": lambda: charts.plot_pay_by_gender(work, labels=labels),
        "equal_value": lambda: charts.plot_equal_value(value, labels=labels),
        "pay_spread": lambda: charts.plot_pay_spread(
            ew, unit=unit or "", people=work.people, extremes=True, labels=labels
        ),
    }


@pytest.mark.parametrize("unit", [None, ANGSSKOLAN])
@pytest.mark.parametrize("chart", ["gap_by_group", "pay_by_gender", "equal_value", "pay_spread"])
def test_x_tick_labels_never_run_together(sample_run, unit, chart):
    ax = _charts(sample_run, unit)[chart]()
    assert _tick_overlaps(ax) == []
    assert len([t for t in ax.get_xticklabels() if t.get_text()]) >= 2
    _close(ax)


def test_the_angsskolan_equal_value_ticks_were_crowded_and_are_not():
    """The unit's pair: a long name leaves the axes narrow; "−2,5 %−2,0 %…" ran together."""
    import pandas as pd

    from payequity.charts import plot_equal_value

    class Result:
        settings = {"gap_threshold": 0.02}
        table = pd.DataFrame(
            {
                "unit": ["U"],
                "pay_measure": ["base_salary"],
                "pay_gap_pct": [-0.6],
                "flagged": [False],
                "female_dominated_job": ["Barnskötare (341040)"],
                "comparator_job": ["Vaktmästare (421020)"],
                "kind": ["equal_value"],
            }
        )

    for width in (8, 7, 6):
        ax = plot_equal_value(Result(), unit="U")
        ax.figure.set_size_inches(width, 2.2)
        assert _tick_overlaps(ax) == [], width
        _close(ax)


# --- the pay spread of small groups -------------------------------------------------------------


def _spread_table():
    import pandas as pd

    return pd.DataFrame(
        {
            "unit": [""],
            "work_group": ["G"],
            "pay_measure": ["base_salary"],
            "flagged": [True],
            "n_women": [2],
            "n_men": [22],
            "p10_women": [31791.0],
            "median_women": [33114.0],
            "p90_women": [34437.0],
            "min_women": [31497.0],
            "max_women": [34731.0],
            "p10_men": [31000.0],
            "median_men": [34000.0],
            "p90_men": [37000.0],
            "min_men": [30000.0],
            "max_men": [39000.0],
        }
    )


def _people():
    import pandas as pd

    rng = np.random.default_rng(1)
    men = rng.uniform(30000, 39000, 22)
    return pd.DataFrame(
        {
            "unit": "",
            "work_group": "G",
            "pay_measure": "base_salary",
            "gender": ["F", "F"] + ["M"] * 22,
            "pay": [31497.0, 34731.0, *men],
        }
    )


def _women_row(ax):
    """The artists drawn on the women's row (y = +0.2) of the one-group chart."""
    from matplotlib.collections import PathCollection

    lines = [
        ln
        for ln in ax.lines
        if len(ln.get_ydata()) and np.allclose(np.asarray(ln.get_ydata(), float), 0.2)
    ]
    dots = [
        c
        for c in ax.collections
        if isinstance(c, PathCollection)
        and len(c.get_offsets())
        and np.allclose(np.asarray(c.get_offsets())[:, 1], 0.2, atol=0.1)
    ]
    return lines, dots


@pytest.mark.parametrize("people", [True, False])
def test_a_gender_of_two_has_no_p10_p90_and_no_median_over_its_people(people):
    from payequity.charts import plot_pay_spread

    ax = plot_pay_spread(_spread_table(), people=_people() if people else None, extremes=people)
    lines, dots = _women_row(ax)
    assert not [ln for ln in lines if ln.get_linewidth() > 2], "a P10–P90 bar for 2 people"
    xs = [x for ln in lines for x in ln.get_xdata()]
    assert 31791.0 not in xs and 34437.0 not in xs
    medians = [c for c in dots if c.get_sizes()[0] >= 40]
    if people:  # each person, above everything else on the row; no median marker
        assert medians == []
        persons = [c for c in dots if c.get_sizes()[0] < 10]
        pay = sorted(x for c in persons for x in np.asarray(c.get_offsets())[:, 0])
        assert pay == [31497.0, 34731.0]
        top = max(a.get_zorder() for a in [*lines, *dots] if a not in persons)
        assert all(c.get_zorder() > top for c in persons)
    else:  # only the median
        assert [tuple(c.get_offsets()[0]) for c in medians] == [(33114.0, 0.2)]
    notes = [t.get_text() for t in ax.texts if "2 personer" in t.get_text()]
    assert notes, "no note says the women are too few for P10–P90"
    _close(ax)


def test_people_of_a_large_group_are_drawn_above_the_bar_and_median(sample_run):
    from payequity.charts import plot_pay_spread

    ew = sample_run.tables["equal_work"]
    people = sample_run.results["equal_work"].people
    ax = plot_pay_spread(ew, people=people, extremes=True)
    small = [c for c in ax.collections if len(c.get_sizes()) and c.get_sizes()[0] < 10]
    others = [a for a in [*ax.lines, *ax.collections] if a not in small]
    assert small and min(c.get_zorder() for c in small) > max(a.get_zorder() for a in others)
    _close(ax)


def test_sample_two_women_fastighetstekniker_show_no_spread(sample_run):
    """The sample's Fastighetstekniker: 2 women, 22 men; flagged."""
    from payequity.charts import plot_pay_spread

    ew = sample_run.tables["equal_work"]
    org = ew[(ew["unit"].fillna("") == "") & ew["flagged"].astype(bool)]
    org = org.sort_values(["work_group", "pay_measure"]).reset_index(drop=True)
    small = org[org["n_women"] < 5]
    assert len(small), "the sample has no flagged group with fewer than 5 women"
    ax = plot_pay_spread(ew)
    for k in small.index:
        y = -float(k) + 0.2
        bars = [
            ln
            for ln in ax.lines
            if ln.get_linewidth() > 2 and np.allclose(np.asarray(ln.get_ydata(), float), y)
        ]
        assert bars == []
    _close(ax)


def test_a_long_list_of_flagged_groups_draws_the_largest_and_says_so():
    import matplotlib

    matplotlib.use("Agg")
    import pandas as pd

    from payequity import charts

    k = 30  # 30 flagged groups of 1..30 women and as many men: the 20 largest are 11..30
    t = pd.DataFrame(
        {
            "unit": "",
            "work_group": [f"g{i:02d}" for i in range(1, k + 1)],
            "pay_measure": "base_salary",
            "flagged": True,
            "n_women": range(1, k + 1),
            "n_men": range(1, k + 1),
            **{
                f"{s}_{g}": 30000.0 + (1000 if g == "men" else 0)
                for s in ("median", "p10", "p90", "min", "max")
                for g in ("women", "men")
            },
        }
    )
    ax = charts.plot_pay_spread(t, language="en", extremes=True)
    names = [tick.get_text() for tick in ax.get_yticklabels()]
    assert len(names) == 20
    assert all(any(f"g{i:02d}" in n for n in names) for i in range(11, k + 1))
    assert not any("g10" in n for n in names)
    texts = [x.get_text() for x in ax.texts]
    assert "Showing 20 of 30 groups: flagged and largest first" in texts
    fig = ax.figure
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    boxes = [ax.title, ax.get_legend(), *ax.texts]
    ext = [b.get_window_extent(r) for b in boxes]
    clash = [
        (i, j) for i in range(len(ext)) for j in range(i + 1, len(ext)) if ext[i].overlaps(ext[j])
    ]
    assert clash == []  # title, legend and the note stand apart
    import matplotlib.pyplot as plt

    plt.close("all")

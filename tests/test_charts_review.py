"""The salary review chart: mean raise in percent by rating level and gender."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.axes import Axes

from payequity import charts
from payequity.charts._review import plot_review_raises
from payequity.exceptions import SchemaError


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def table(rows: list[tuple]) -> pd.DataFrame:
    """(rating_level, gender, raise_pct, eligible) rows as a ReviewResult.table would have them."""
    level, gender, pct, eligible = zip(*rows, strict=True) if rows else ([], [], [], [])
    return pd.DataFrame(
        {
            "gender": list(gender),
            "fte": 1.0,
            "eligible": pd.array(eligible, dtype=bool),
            "rating_level": pd.array(level, dtype="Int64"),
            "raise": [round(300 * p) for p in pct],
            "raise_pct": np.array(pct, dtype=float),
        }
    )


@pytest.fixture
def tiny() -> pd.DataFrame:
    return table(
        [
            (1, "F", 0.5, True),
            (1, "F", 1.0, True),  # women at 1: 0.75
            (2, "F", 2.0, True),
            (2, "F", 3.0, True),
            (2, "F", 4.0, True),  # women at 2: 3.0
            (2, "M", 2.5, True),  # men at 2: 2.5
            (3, "M", 3.2, True),
            (3, "M", 4.0, True),  # men at 3: 3.6
            (3, "F", 9.0, False),  # not eligible: left out
            (None, "M", 9.0, True),  # not rated: left out
        ]
    )


def texts(ax: Axes) -> list[str]:
    return [t.get_text() for t in ax.texts]


def test_bar_heights_are_the_means(tiny):
    ax = plot_review_raises(tiny)
    assert isinstance(ax, Axes)
    bars = {round(p.get_x() + p.get_width() / 2, 2): p.get_height() for p in ax.patches}
    # women left of each level's centre, men right; no bar for men at 1 or women at 3
    assert bars == pytest.approx({-0.19: 0.75, 0.81: 3.0, 1.19: 2.5, 2.19: 3.6})
    assert len(ax.patches) == 4
    (mean_line,) = [ln for ln in ax.lines if ln.get_linestyle() == "--"]
    overall = (0.5 + 1.0 + 2.0 + 3.0 + 4.0 + 2.5 + 3.2 + 4.0) / 8
    assert mean_line.get_ydata()[0] == pytest.approx(overall)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["1", "2", "3"]


def test_labels_swedish(tiny):
    ax = plot_review_raises(tiny)
    labels = texts(ax)
    for value in ("0,8\u00a0%", "3,0\u00a0%", "2,5\u00a0%", "3,6\u00a0%"):
        assert value in labels
    assert sorted(t for t in labels if t.startswith("n =")) == ["n = 1", "n = 2", "n = 2", "n = 3"]
    assert not any("nan" in t or "n = 0" in t for t in labels)
    assert ax.get_title(loc="left") == "Höjning i procent efter bedömning och kön"
    assert ax.get_xlabel() == "Samlad bedömning"
    assert ax.get_ylabel() == "Genomsnittlig höjning, %"
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["Kvinnor", "Män", "Genomsnitt för alla: 2,5\u00a0%"]
    ax.figure.canvas.draw()
    ticks = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
    assert ticks and all(t.endswith("\u00a0%") and "." not in t for t in ticks)


def test_labels_english(tiny):
    ax = plot_review_raises(tiny, language="en")
    labels = texts(ax)
    assert "0.8%" in labels and "3.6%" in labels and "n = 3" in labels
    assert ax.get_title(loc="left") == "Raise in percent by rating and gender"
    assert ax.get_xlabel() == "Overall rating"
    assert ax.get_ylabel() == "Mean raise, %"
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["Women", "Men", "Mean for everyone: 2.5%"]


def test_thousands_in_n_are_grouped_the_swedish_way():
    rows = [(2, "F", 2.0, True)] * 1234 + [(2, "M", 2.0, True)] * 5
    labels = texts(plot_review_raises(table(rows)))
    assert any(t.replace("\n", " ") == "n = 1\u00a0234" for t in labels)


def test_level_labels_cover_the_scale_and_are_wrapped(tiny):
    names = [
        "Når inte förväntan",
        "God (förväntad nivå)",
        "Mycket god",
        "Utmärkt prestation som överträffar alla mål under hela året",
    ]
    ax = plot_review_raises(tiny, labels=names)
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert len(ticks) == 4 and ticks[0].replace("\n", " ") == names[0]
    assert "\n" in ticks[3] and ticks[3].replace("\n", " ") == names[3]
    assert len(ax.patches) == 4  # nobody at level 4: a tick, no bar
    with pytest.raises(ValueError, match="labels"):
        plot_review_raises(tiny, labels=names[:2])


def test_draws_on_a_given_axes(tiny):
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.5), layout="constrained")
    assert plot_review_raises(tiny, right) is right
    assert plot_review_raises(tiny, ax=left, language="en") is left
    assert len(right.patches) == 4 and len(left.patches) == 4
    assert len(fig.axes) == 2


def test_narrow_axes_keep_labels_apart():
    rng = np.random.default_rng(1)
    rows = [
        (int(lv), g, float(p), True)
        for lv, g, p in zip(
            rng.integers(1, 6, 4000),
            rng.choice(["F", "M"], 4000),
            rng.normal(2.5, 1, 4000),
            strict=True,
        )
    ]
    fig, ax = plt.subplots(figsize=(4, 3), layout="constrained")
    plot_review_raises(table(rows), ax)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in ax.texts]
    for i, a in enumerate(boxes):
        assert not any(a.overlaps(b) for b in boxes[i + 1 :])


@pytest.mark.parametrize(
    "empty",
    [
        table([]),
        pd.DataFrame(),
        table([(None, "F", 2.0, True), (3, "M", 2.0, False)]),  # nobody both eligible and rated
    ],
)
def test_nobody_rated_gives_a_message(empty):
    ax = plot_review_raises(empty)
    assert isinstance(ax, Axes) and not ax.patches
    assert texts(ax) == ["Inga bedömda medarbetare"]
    en = plot_review_raises(empty, language="en")
    assert texts(en) == ["No rated employees"]
    assert en.get_title(loc="left") == "Raise in percent by rating and gender"


def test_missing_column_is_a_schema_error(tiny):
    with pytest.raises(SchemaError, match="raise_pct"):
        plot_review_raises(tiny.drop(columns="raise_pct"))


def test_reexported_from_charts():
    assert charts.plot_review_raises is plot_review_raises

"""decompose(): Oaxaca–Blinder against statsmodels, a hand-computed case, invariants, contract."""

from __future__ import annotations

import dataclasses
import warnings

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from statsmodels.stats.oaxaca import OaxacaBlinder

from payequity._summary import Summary
from payequity.exceptions import InsufficientDataError, PayEquityWarning, SchemaError
from payequity.survey._oaxaca import WEIGHTS, DecompositionResult, decompose

TOL = 1e-6
CONTROLS = ["tenure", "age", "C(level)"]
# our weights -> statsmodels two_fold(...) keywords, with women (the other group) as its
# first group ("f") and swap=False, so that its gap = mean(f) − mean(s) = women − men
SM_TWO_FOLD = {
    "pooled": {"two_fold_type": "pooled"},
    "half": {"two_fold_type": "reimers"},
    "cotton": {"two_fold_type": "cotton"},
    "reference": {"two_fold_type": "self_submitted", "submitted_weight": 0},  # β* = β_s = β_men
    "other": {"two_fold_type": "self_submitted", "submitted_weight": 1},  # β* = β_f = β_women
}


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    """Two groups with different means of the controls and different returns to them."""
    rng = np.random.default_rng(0)
    n = 500
    female = rng.random(n) < 0.6
    tenure = rng.uniform(0, 30, n) - 4 * female
    age = rng.uniform(22, 65, n)
    level = rng.choice(["a", "b", "c"], n, p=[0.5, 0.3, 0.2])
    level = np.where(female & (rng.random(n) < 0.3), "a", level)
    bump = pd.Series(level).map({"a": 0.0, "b": 0.10, "c": 0.25}).to_numpy()
    log_pay = (
        10.2
        + (0.012 - 0.004 * female) * tenure
        + 0.002 * age
        + bump
        - 0.03 * female
        + rng.normal(0, 0.05, n)
    )
    return pd.DataFrame(
        {
            "gender": np.where(female, "F", "M"),
            "pay": np.exp(log_pay),
            "tenure": tenure.clip(0),
            "age": age,
            "level": level,
        }
    )


def _statsmodels(frame: pd.DataFrame, *, natural: bool = False) -> OaxacaBlinder:
    """OaxacaBlinder on the same design. ``natural=False``: indicator 0 = women, so women are
    its first group, with swap=False; ``natural=True``: 1 = women and the default swap=True."""
    exog = pd.DataFrame({"group": (frame["gender"] == ("F" if natural else "M")).astype(float)})
    exog["const"] = 1.0
    exog[["tenure", "age"]] = frame[["tenure", "age"]]
    for level in ("b", "c"):
        exog[f"level_{level}"] = (frame["level"] == level).astype(float)
    return OaxacaBlinder(np.log(frame["pay"]), exog, "group", hasconst=True, swap=natural)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


# --- statsmodels ---------------------------------------------------------------------------


@pytest.mark.parametrize("weights", WEIGHTS)
def test_two_fold_matches_statsmodels(frame, weights):
    unexplained, explained, gap = _statsmodels(frame).two_fold(**SM_TWO_FOLD[weights]).params
    res = decompose(frame, pay="pay", controls=CONTROLS, weights=weights)
    assert res.gap < 0  # women are paid less in this data: the sign convention is exercised
    assert res.gap == pytest.approx(gap, abs=TOL)
    assert res.explained == pytest.approx(explained, abs=TOL)
    assert res.unexplained == pytest.approx(unexplained, abs=TOL)


def test_three_fold_matches_statsmodels(frame):
    endowments, coefficients, interaction, gap = _statsmodels(frame).three_fold().params
    res = decompose(frame, pay="pay", controls=CONTROLS, kind="threefold")
    assert res.endowments == pytest.approx(endowments, abs=TOL)
    assert res.coefficients == pytest.approx(coefficients, abs=TOL)
    assert res.interaction == pytest.approx(interaction, abs=TOL)
    assert res.gap == pytest.approx(gap, abs=TOL)
    assert res.explained == pytest.approx(endowments, abs=TOL)
    assert res.unexplained == pytest.approx(coefficients + interaction, abs=TOL)


@pytest.mark.parametrize("weights", ["pooled", "half", "cotton"])
def test_statsmodels_default_swap_is_men_minus_women(frame, weights):
    """statsmodels' default (swap=True) reports a positive gap, men − women: ours negated."""
    sm_type = SM_TWO_FOLD[weights]["two_fold_type"]
    unexplained, explained, gap = (
        _statsmodels(frame, natural=True).two_fold(two_fold_type=sm_type).params
    )
    res = decompose(frame, pay="pay", controls=CONTROLS, weights=weights)
    assert gap > 0
    assert (-res.gap, -res.explained, -res.unexplained) == pytest.approx(
        (gap, explained, unexplained), abs=TOL
    )


@pytest.mark.parametrize("weights", WEIGHTS)
def test_detailed_terms_match_statsmodels_fits(frame, weights):
    """Each term from statsmodels' own group fits, means and β* (after two_fold)."""
    sm = _statsmodels(frame)
    sm.two_fold(**SM_TWO_FOLD[weights])
    m_o, m_r = sm.exog_f_mean, sm.exog_s_mean
    b_o, b_r, b = sm._f_model.params, sm._s_model.params, sm.t_params
    res = decompose(frame, pay="pay", controls=CONTROLS, weights=weights)
    table = res.table.set_index(["component", "term"])["value"]
    explained = table["explained"].to_numpy()
    unexplained = table["unexplained"].to_numpy()
    np.testing.assert_allclose(explained, ((m_o - m_r) * b)[1:], atol=TOL)
    np.testing.assert_allclose(unexplained, m_o * (b_o - b) + m_r * (b - b_r), atol=TOL)
    assert list(table["unexplained"].index) == [
        "Intercept",
        "tenure",
        "age",
        "C(level)[T.b]",
        "C(level)[T.c]",
    ]


# --- a hand-computed case --------------------------------------------------------------------


@pytest.fixture
def tiny() -> pd.DataFrame:
    return pd.DataFrame(
        {"gender": ["M", "M", "M", "F", "F"], "pay": [30000.0, 32000.0, 34000.0, 29000.0, 31000.0]}
    )


@pytest.mark.parametrize("weights", WEIGHTS)
def test_no_controls_everything_is_unexplained(tiny, weights):
    gap = np.mean(np.log([29000, 31000])) - np.mean(np.log([30000, 32000, 34000]))
    res = decompose(tiny, pay="pay", weights=weights)
    assert res.gap == pytest.approx(gap, abs=1e-12)
    assert res.explained == 0
    assert res.unexplained == pytest.approx(gap, abs=1e-12)
    assert res.table[["component", "term"]].values.tolist() == [["unexplained", "Intercept"]]
    assert (res.n_reference, res.n_other) == (3, 2)
    sm = OaxacaBlinder(
        np.log(tiny["pay"]),
        pd.DataFrame({"g": (tiny["gender"] == "M") * 1.0, "const": 1.0}),
        "g",
        swap=False,
    ).two_fold(**SM_TWO_FOLD[weights])
    assert sm.params == pytest.approx((res.unexplained, res.explained, res.gap), abs=TOL)


def test_log_false_decomposes_mean_pay(tiny):
    res = decompose(tiny, pay="pay", log=False)
    assert res.gap == pytest.approx(30000 - 32000)
    assert res.mean_reference == pytest.approx(32000)


# --- invariants ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["twofold", "threefold"])
@pytest.mark.parametrize("weights", WEIGHTS)
def test_parts_add_up(frame, weights, kind):
    res = decompose(frame, pay="pay", controls=CONTROLS, weights=weights, kind=kind)
    assert res.explained + res.unexplained == pytest.approx(res.gap, abs=1e-12)
    sums = res.table.groupby("component")["value"].sum()
    totals = res.totals.set_index("component")["value"]
    for component, value in sums.items():
        assert value == pytest.approx(totals[component], abs=1e-12)
    parts = totals.drop("gap").sum()
    assert parts == pytest.approx(res.gap, abs=1e-12)


def test_threefold_explained_equals_reference_weights(frame):
    three = decompose(frame, pay="pay", controls=CONTROLS, kind="threefold")
    two = decompose(frame, pay="pay", controls=CONTROLS, weights="reference")
    assert (three.explained, three.unexplained) == pytest.approx((two.explained, two.unexplained))
    assert three.weights == "reference"


def test_swapping_the_reference_flips_the_sign(frame):
    men = decompose(frame, pay="pay", controls=CONTROLS, weights="reference")
    women = decompose(frame, pay="pay", controls=CONTROLS, reference="F", weights="other")
    assert (women.gap, women.explained) == pytest.approx((-men.gap, -men.explained))
    pooled_m = decompose(frame, pay="pay", controls=CONTROLS)
    pooled_f = decompose(frame, pay="pay", controls=CONTROLS, reference="F")
    assert pooled_f.explained == pytest.approx(-pooled_m.explained)
    assert (pooled_f.other, pooled_f.reference) == ("M", "F")


def test_categorical_base_level(frame):
    """First sorted level is the base; a categorical's summed explained part ignores it."""
    res = decompose(frame, pay="pay", controls=CONTROLS)
    assert "C(level)[T.a]" not in set(res.table["term"])
    reordered = frame.assign(level=pd.Categorical(frame["level"], categories=["c", "a", "b"]))
    other = decompose(reordered, pay="pay", controls=CONTROLS)
    assert "C(level)[T.c]" not in set(other.table["term"])
    first, second = (
        r.by_variable().set_index(["component", "variable"])["value"] for r in (res, other)
    )
    assert first["explained", "C(level)"] == pytest.approx(second["explained", "C(level)"])
    assert other.explained == pytest.approx(res.explained)


def test_pay_data_input(frame):
    class Holder:  # anything with .frame, as PayData
        def __init__(self, frame: pd.DataFrame) -> None:
            self.frame = frame

    a = decompose(Holder(frame), pay="pay", controls=CONTROLS)
    b = decompose(frame, pay="pay", controls=CONTROLS)
    pd.testing.assert_frame_equal(a.table, b.table)


# --- bootstrap -------------------------------------------------------------------------------


def test_bootstrap_is_deterministic_and_contains_the_estimate(frame):
    a = decompose(frame, pay="pay", controls=CONTROLS, bootstrap_reps=200, seed=3)
    b = decompose(frame, pay="pay", controls=CONTROLS, bootstrap_reps=200, seed=3)
    c = decompose(frame, pay="pay", controls=CONTROLS, bootstrap_reps=200, seed=4)
    pd.testing.assert_frame_equal(a.table, b.table)
    pd.testing.assert_frame_equal(a.totals, b.totals)
    assert not np.allclose(a.totals["ci_low"], c.totals["ci_low"])
    for t in (a.table, a.totals):
        assert t[["ci_low", "ci_high"]].notna().all().all()
        assert (t["ci_low"] <= t["value"]).all()
        assert (t["value"] <= t["ci_high"]).all()
    assert a.draws.shape == (200, len(a.table) + len(a.totals))
    assert a.table["value"].equals(decompose(frame, pay="pay", controls=CONTROLS).table["value"])


def test_no_bootstrap_gives_nan_intervals(frame):
    res = decompose(frame, pay="pay", controls=CONTROLS)
    assert res.table[["ci_low", "ci_high"]].isna().all().all()
    assert res.totals[["ci_low", "ci_high"]].isna().all().all()
    assert res.draws is None


# --- errors and warnings ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "kwargs", "error", "match"),
    [
        (
            lambda f: f.assign(gender=["F", "M", "X"] * (len(f) // 3) + ["F"] * (len(f) % 3)),
            {},
            SchemaError,
            r"column 'gender' must have exactly two values.*3: 'F', 'M', 'X'",
        ),
        (
            None,
            {"reference": "K"},
            SchemaError,
            r"must be one of 'F', 'M' \(values of column 'gender'\)\. Got 'K'",
        ),
        (
            lambda f: f.assign(tenure=f["tenure"].where(f.index > 1)),
            {},
            SchemaError,
            r"column 'tenure' \(control 'tenure'\) has 2 missing values",
        ),
        (
            lambda f: f.assign(level=f["level"].where(f.index != 7)),
            {},
            SchemaError,
            r"column 'level' \(control 'C\(level\)'\) has 1 missing values",
        ),
        (
            lambda f: f.assign(pay=f["pay"].where(f.index != 0)),
            {},
            SchemaError,
            r"column 'pay' \(the pay column\) has 1 missing",
        ),
        (lambda f: f.drop(columns="age"), {}, SchemaError, r"column 'age' .* is not in the data"),
        (None, {"controls": ["level"]}, SchemaError, r"write 'C\(level\)'"),
        (
            lambda f: f.assign(pay=f["pay"].where(f.index != 5, 0.0)),
            {},
            SchemaError,
            r"'pay' has 1 values ≤ 0",
        ),
        (None, {"weights": "neumark"}, ValueError, r"'weights' parameter of decompose .*'cotton'"),
        (None, {"kind": "fourfold"}, ValueError, r"'kind' parameter"),
        (None, {"bootstrap_reps": -1}, ValueError, r"bootstrap_reps"),
        (
            lambda f: pd.concat([f[f["gender"] == "M"], f[f["gender"] == "F"].head(1)]),
            {},
            InsufficientDataError,
            r"gender='F' has 1 rows",
        ),
    ],
)
def test_errors_are_one_line_and_name_the_problem(frame, change, kwargs, error, match):
    data = change(frame.copy()) if change else frame
    with pytest.raises(error, match=match) as info:
        decompose(data, pay="pay", **({"controls": CONTROLS} | kwargs))
    assert "\n" not in str(info.value)


def test_not_a_frame():
    with pytest.raises(SchemaError, match="PayData or a pandas DataFrame"):
        decompose([1, 2, 3])


def test_rank_deficiency_warns_only_when_it_matters(frame):
    # level "d" only among men: harmless for pooled weights, not for weights using β_women
    data = frame.assign(
        level=np.where((frame["gender"] == "M") & (frame.index % 9 == 0), "d", frame["level"])
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        decompose(data, pay="pay", controls=CONTROLS)
    with pytest.warns(PayEquityWarning, match=r"1 terms all zero within gender='F'.*T\.d"):
        decompose(data, pay="pay", controls=CONTROLS, weights="other")
    with pytest.warns(PayEquityWarning, match="collinear controls within"):
        decompose(frame.assign(t2=2 * frame["tenure"]), pay="pay", controls=[*CONTROLS, "t2"])


# --- the result contract ---------------------------------------------------------------------


def test_result_contract(frame, capsys):
    res = decompose(frame, pay="pay", controls=CONTROLS, bootstrap_reps=20)
    assert isinstance(res, DecompositionResult)
    assert res.table.columns.tolist() == ["component", "term", "value", "ci_low", "ci_high"]
    assert set(res.table["component"]) == {"explained", "unexplained"}
    assert (res.weights, res.kind, res.n_reference + res.n_other) == ("pooled", "twofold", 500)
    with pytest.raises(dataclasses.FrozenInstanceError):
        res.gap = 0.0
    summary = res.summary()
    assert isinstance(summary, Summary)
    print(summary)
    out = capsys.readouterr().out
    assert "Oaxaca–Blinder decomposition" in out
    assert "unexplained" in out
    assert "C(level)" in out
    assert "<table" in res._repr_html_()
    assert "\n" not in repr(res)
    assert repr(res).startswith("<DecompositionResult twofold, pooled: gap -0.")
    assert np.isnan(res.endowments)
    assert res.coef.loc["tenure", "coef_reference"] > 0


def test_plot_returns_axes_swedish_by_default(frame):
    from matplotlib.axes import Axes

    res = decompose(frame, pay="pay", controls=CONTROLS, bootstrap_reps=20)
    ax = res.plot()
    assert isinstance(ax, Axes)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == [
        "tenure",
        "ålder",
        "level",
        "Förklarad del, totalt",
        "Oförklarad del",
        "Total löneskillnad",
    ]
    assert "log-poäng" in ax.get_xlabel()
    bars = [p for p in ax.patches if p.get_height() == pytest.approx(0.6)]
    assert len(bars) == 6
    assert any(b.get_hatch() for b in bars)  # the unexplained part reads in black and white
    gap_bar = next(b for b in bars if b.get_y() == pytest.approx(-0.3))
    assert gap_bar.get_width() == pytest.approx(100 * res.gap)


def test_plot_english_threefold_on_given_axes(frame):
    res = decompose(frame, pay="pay", controls=CONTROLS, kind="threefold", log=False)
    _, given = plt.subplots()
    ax = res.plot(ax=given, language="en")
    assert ax is given
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert "Unexplained part (coefficients)" in labels
    assert "Interaction" in labels
    assert "percent of the mean pay of men" in ax.get_xlabel()
    assert "women − men" in ax.get_title(loc="left")


def test_duplicate_controls_keep_the_identity_and_match_statsmodels():
    """A control given twice is rank-deficient: the minimum-norm solution still adds up."""
    from payequity import datasets

    data = datasets.load_sample()
    with pytest.warns(PayEquityWarning, match="collinear controls"):
        res = decompose(data, pay="monthly_pay", controls=["age", "age"])
    once = decompose(data, pay="monthly_pay", controls=["age"])
    assert res.explained + res.unexplained == pytest.approx(res.gap, abs=1e-12)
    assert res.explained == pytest.approx(once.explained, abs=1e-10)
    assert res.table["value"].abs().max() < 1


def test_too_small_groups_are_refused_and_models_are_kept():
    from payequity import datasets
    from payequity.exceptions import InsufficientDataError

    data = datasets.load_sample().frame
    tiny = pd.concat([data[data["gender"] == "M"].head(3), data[data["gender"] == "F"].head(50)])
    with pytest.raises(InsufficientDataError, match="gender='M' has 3 rows, too few for"):
        decompose(tiny, controls=["age", "tenure_years", "C(work_group)"])
    res = decompose(data, controls=["age"])
    assert set(res.model) == {"reference", "other", "pooled"}
    assert res.model["pooled"].params.iloc[-1] == pytest.approx(res.model["pooled"].params["group"])

"""adjusted_gap against hand computations and statsmodels directly (DESIGN §5)."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pandas as pd
import pytest
import statsmodels.formula.api as smf
from scipy import stats

from payequity._summary import Summary
from payequity.charts._gap import plot_gap
from payequity.exceptions import InsufficientDataError, SchemaError
from payequity.survey._gap import TABLE_COLUMNS, GapResult, adjusted_gap


@pytest.fixture
def frame() -> pd.DataFrame:
    rng = np.random.default_rng(42)
    n = 200
    gender = rng.choice(["F", "M"], n)
    tenure = rng.uniform(0, 30, n)
    group = rng.choice(["a", "b", "c"], n)
    pay = 30000 * np.exp(
        0.01 * tenure
        + np.select([group == "b", group == "c"], [0.1, 0.2], 0.0)
        - 0.03 * (gender == "F")
        + rng.normal(0, 0.05, n)
    )
    return pd.DataFrame({"gender": gender, "pay": pay, "years in job": tenure, "wg": group})


def test_no_controls_is_the_difference_of_mean_log_pay(frame):
    res = adjusted_gap(frame, pay="pay")
    logs = np.log(frame["pay"])
    diff = logs[frame["gender"] == "F"].mean() - logs[frame["gender"] == "M"].mean()
    assert res.coef == pytest.approx(diff, abs=1e-12)
    assert res.gap_pct == pytest.approx(100 * (math.exp(diff) - 1), abs=1e-10)
    assert res.n == len(frame) and res.df_resid == len(frame) - 2
    assert (res.group, res.reference, res.other, res.log, res.kennedy) == (
        "gender",
        "M",
        "F",
        True,
        False,
    )


def test_ci_formula(frame):
    res = adjusted_gap(frame, pay="pay", controls=["years in job"], confidence=0.90)
    t = stats.t.ppf(0.95, res.df_resid)
    assert res.ci_low == pytest.approx(100 * (math.exp(res.coef - t * res.se) - 1), abs=1e-10)
    assert res.ci_high == pytest.approx(100 * (math.exp(res.coef + t * res.se) - 1), abs=1e-10)
    assert res.ci_low < res.gap_pct < res.ci_high
    row = res.table.set_index("term").loc["gender[T.F]"]
    assert row["ci_low"] == pytest.approx(res.coef - t * res.se)  # the table: model scale
    assert res.t_value == pytest.approx(res.coef / res.se)
    assert res.p_value == pytest.approx(2 * stats.t.sf(abs(res.t_value), res.df_resid))


def test_linear_pay_divides_by_the_reference_mean(frame):
    res = adjusted_gap(frame, pay="pay", log=False)
    f, m = (frame.loc[frame["gender"] == g, "pay"].mean() for g in "FM")
    assert res.coef == pytest.approx(f - m, rel=1e-10)
    assert res.gap_pct == pytest.approx(100 * (f - m) / m, rel=1e-10)
    t = stats.t.ppf(0.975, res.df_resid)
    assert res.ci_high == pytest.approx(100 * (res.coef + t * res.se) / m, rel=1e-10)


def test_kennedy_changes_the_point_estimate_only(frame):
    plain = adjusted_gap(frame, pay="pay", controls=["C(wg)"])
    corrected = adjusted_gap(frame, pay="pay", controls=["C(wg)"], kennedy=True)
    expected = 100 * (math.exp(plain.coef - plain.se**2 / 2) - 1)
    assert corrected.gap_pct == pytest.approx(expected, abs=1e-12)
    assert corrected.gap_pct < plain.gap_pct
    assert (corrected.ci_low, corrected.ci_high) == (plain.ci_low, plain.ci_high)
    assert corrected.kennedy is True
    with pytest.raises(ValueError, match="log pay only"):
        adjusted_gap(frame, pay="pay", log=False, kennedy=True)


@pytest.mark.parametrize("cov_type", ["nonrobust", "HC0", "HC3"])
def test_matches_statsmodels_directly(frame, cov_type):
    res = adjusted_gap(frame, pay="pay", controls=["years in job", "C(wg)"], cov_type=cov_type)
    work = frame.assign(female=(frame["gender"] == "F").astype(float), tenure=frame["years in job"])
    direct = smf.ols("np.log(pay) ~ C(wg) + tenure + female", work).fit(
        cov_type=cov_type, use_t=True
    )
    assert res.coef == pytest.approx(direct.params["female"], rel=1e-10)
    assert res.se == pytest.approx(direct.bse["female"], rel=1e-10)
    assert res.p_value == pytest.approx(direct.pvalues["female"], rel=1e-8)
    assert res.r_squared == pytest.approx(direct.rsquared, rel=1e-10)
    assert res.model.cov_type == cov_type
    if cov_type == "HC3":
        classical = adjusted_gap(frame, pay="pay", controls=["years in job", "C(wg)"])
        assert res.se != pytest.approx(classical.se)


def test_table_is_tidy_and_names_odd_columns(frame):
    res = adjusted_gap(frame, pay="pay", controls=["years in job", "C(wg)"])
    assert list(res.table.columns) == TABLE_COLUMNS
    assert res.table["term"].tolist() == [
        "Intercept",
        "C(wg)[T.b]",
        "C(wg)[T.c]",
        "years in job",
        "gender[T.F]",
    ]
    assert res.table["coef"].iloc[-1] == res.coef
    assert res.controls == ("years in job", "C(wg)")


def test_reference_flips_the_sign(frame):
    m = adjusted_gap(frame, pay="pay", reference="F")
    f = adjusted_gap(frame, pay="pay")
    assert m.coef == pytest.approx(-f.coef) and m.other == "M"


def test_any_two_valued_group(frame):
    data = frame.assign(union=np.where(frame["wg"] == "a", "yes", "no"))
    res = adjusted_gap(data, pay="pay", group="union", reference="no")
    assert res.table["term"].iloc[-1] == "union[T.yes]"


def test_group_not_binary_or_reference_absent(frame):
    with pytest.raises(SchemaError, match=r"column 'wg', which has 3 value\(s\): 'a', 'b', 'c'"):
        adjusted_gap(frame, pay="pay", group="wg", reference="a")
    with pytest.raises(SchemaError, match="'gender'.*Got 'K'"):
        adjusted_gap(frame, pay="pay", reference="K")


def test_missing_values_are_an_error_naming_column_and_count(frame):
    frame.loc[[3, 7, 9], "years in job"] = np.nan
    with pytest.raises(SchemaError, match="column 'years in job' has 3 missing value") as err:
        adjusted_gap(frame, pay="pay", controls=["years in job"])
    assert "\n" not in str(err.value)
    with pytest.raises(SchemaError, match="no column 'salary'"):
        adjusted_gap(frame, pay="salary")


def test_bad_pay_and_bad_controls(frame):
    frame.loc[0, "pay"] = 0
    with pytest.raises(SchemaError, match="1 value.*positive"):
        adjusted_gap(frame, pay="pay")
    assert adjusted_gap(frame, pay="pay", log=False).n == len(frame)
    with pytest.raises(SchemaError, match=r"write 'C\(wg\)'"):
        adjusted_gap(frame, pay="pay", log=False, controls=["wg"])
    with pytest.raises(ValueError, match="'cov_type'.*Got 'HC9'"):
        adjusted_gap(frame, pay="pay", cov_type="HC9")


def test_collinear_group_and_too_few_rows(frame):
    data = frame.assign(female=(frame["gender"] == "F").astype(int))
    with pytest.raises(InsufficientDataError, match="collinear"):
        adjusted_gap(data, pay="pay", controls=["female"])
    with pytest.raises(InsufficientDataError, match="too few"):
        adjusted_gap(frame.iloc[:3], pay="pay", controls=["years in job"])


def test_aliased_control_is_dropped_like_r(frame):
    data = frame.assign(double=2 * frame["years in job"])
    res = adjusted_gap(data, pay="pay", controls=["years in job", "double"])
    one = adjusted_gap(data, pay="pay", controls=["years in job"])
    assert res.coef == pytest.approx(one.coef) and res.df_resid == one.df_resid
    assert res.table.set_index("term")["coef"].isna().tolist() == [False, False, True, False]


def test_paydata_input():
    import payequity as pe

    data = pe.datasets.load_sample()
    res = adjusted_gap(data, controls=["age", "C(work_group)"])
    assert res.n == len(data.frame) and -20 < res.gap_pct < 20


def test_result_object(frame):
    res = adjusted_gap(frame, pay="pay", controls=["C(wg)"])
    assert isinstance(res, GapResult)
    with pytest.raises(dataclasses.FrozenInstanceError):
        res.coef = 0.0  # type: ignore[misc]
    summary = res.summary()
    assert isinstance(summary, Summary)
    assert "gender = F against M" in str(summary) and "C(wg)" in str(summary)
    assert "<table>" in res._repr_html_()
    assert repr(res).startswith("<GapResult gender=F vs M:") and "\n" not in repr(res)


def test_plot_labels_swedish_and_english(frame):
    res = adjusted_gap(frame, pay="pay")
    ax = res.plot()
    label = ax.texts[0].get_text()
    assert label.startswith("−") and "," in label.split("\n")[0] and "\u00a0%" in label
    assert ax.get_yticklabels()[0].get_text() == "Kvinnor jämfört med män"
    en = plot_gap(res, language="en")
    assert en.texts[0].get_text().split("\n")[0] == f"{res.gap_pct:.1f}%".replace("-", "−")
    assert en is not ax and en.figure is not ax.figure
    import matplotlib.pyplot as plt

    fig, given = plt.subplots()
    assert res.plot(ax=given) is given
    plt.close("all")

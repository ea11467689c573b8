"""Standardvägning (MI/SCB direct standardisation, law-and-method.md §6, F-G1): a hand fixture."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from payequity._summary import Summary
from payequity.exceptions import InsufficientDataError, SchemaError
from payequity.survey._standard import StandardizedResult, age_groups, standardized_ratio

# Three cells (age group × job):
#   –29 / J1:   F 20000 (25), F 22000 (29), M 24000 (28)           n = 3
#   30–39 / J1: F 30000 (30), M 30000 (35), M 32000 (39), M 34000 (31)   n = 4
#   50– / J2:   M 50000 (55)                                       one sex only
FIXTURE = pd.DataFrame(
    {
        "gender": ["F", "F", "M", "F", "M", "M", "M", "M"],
        "age": [25, 29, 28, 30, 35, 39, 31, 55],
        "job_code": ["J1", "J1", "J1", "J1", "J1", "J1", "J1", "J2"],
        "monthly_pay": [20000.0, 22000, 24000, 30000, 30000, 32000, 34000, 50000],
    }
)


@pytest.fixture(scope="module")
def res() -> StandardizedResult:
    return standardized_ratio(FIXTURE)


def test_standardised_ratio_by_hand(res):
    # cell means: –29/J1 F 21000, M 24000; 30–39/J1 F 30000, M 32000
    # weights = total head count of the cell (both sexes): 3 and 4
    # std_F = (3·21000 + 4·30000)/7 = 183000/7;  std_M = (3·24000 + 4·32000)/7 = 200000/7
    # ratio = 100·183000/200000 = 91.5;  unexplained gap = 8.5
    assert res.standardized_ratio_pct == pytest.approx(91.5)
    assert res.unexplained_gap_pct == pytest.approx(8.5)
    assert res.settings["standardized_women"] == pytest.approx(183000 / 7)
    assert res.settings["standardized_men"] == pytest.approx(200000 / 7)
    # other weightings give other numbers, so a wrong method fails here:
    # men's cell counts (1, 3): 100·(21000 + 3·30000)/(24000 + 3·32000) = 92.5
    # women's cell counts (2, 1): 100·(2·21000 + 30000)/(2·24000 + 32000) = 90.0
    assert res.standardized_ratio_pct not in (pytest.approx(92.5), pytest.approx(90.0))


def test_raw_ratio_over_everyone(res):
    # women (20000 + 22000 + 30000)/3 = 24000; men (24000+30000+32000+34000+50000)/5 = 34000
    assert res.raw_ratio_pct == pytest.approx(100 * 24000 / 34000)
    assert res.raw_gap_pct == pytest.approx(100 - 100 * 24000 / 34000)


def test_one_sex_cells_reported_separately(res):
    assert res.n_cells_one_sex == 1 and res.n_one_sex == 1
    one = res.one_sex_cells.iloc[0]
    assert (one["age_group"], one["job_code"], one["n_men"], one["n_women"]) == ("50–", "J2", 1, 0)
    assert np.isnan(one["weight"])
    t = res.table
    assert t["age_group"].astype(str).tolist() == ["–29", "30–39", "50–"]
    assert t["n"].tolist() == [3, 4, 1]
    assert t.loc[t["both_sexes"], "weight"].tolist() == pytest.approx([3 / 7, 4 / 7])
    assert t["mean_women"].iloc[:2].tolist() == pytest.approx([21000, 30000])


def test_age_groups_boundaries():
    got = age_groups(pd.Series([16, 29, 29.9, 30, 39, 40, 49, 50, 67, None]))
    assert got.astype(object).tolist()[:9] == [
        "–29",
        "–29",
        "–29",
        "30–39",
        "30–39",
        "40–49",
        "40–49",
        "50–",
        "50–",
    ]
    assert pd.isna(got.iloc[9])


def test_missing_age_is_an_error_naming_the_column():
    with pytest.raises(SchemaError, match="'age'"):
        standardized_ratio(FIXTURE.drop(columns="age"))
    with pytest.raises(SchemaError, match="'unit'"):
        standardized_ratio(FIXTURE, cells=("job_code", "unit"))
    with pytest.raises(InsufficientDataError):
        standardized_ratio(FIXTURE[FIXTURE["gender"] == "M"])


def test_other_cells_and_no_cells():
    # job only: J1 F (20000+22000+30000)/3 = 24000, M (24000+30000+32000+34000)/4 = 30000,
    # one cell with both sexes → standardised = 100·24000/30000 = 80; J2 is one-sex
    by_job = standardized_ratio(FIXTURE, cells="job_code")
    assert by_job.standardized_ratio_pct == pytest.approx(80.0)
    # no cells: everyone in one cell → standardised = raw
    none = standardized_ratio(FIXTURE, cells=())
    assert none.standardized_ratio_pct == pytest.approx(none.raw_ratio_pct)


def test_missing_cell_values_are_left_out_and_counted():
    df = pd.concat(
        [
            FIXTURE,
            pd.DataFrame(
                {"gender": ["F"], "age": [np.nan], "job_code": ["J1"], "monthly_pay": [99000.0]}
            ),
        ]
    )
    got = standardized_ratio(df)
    assert got.settings["n_missing_cell"] == 1
    assert got.standardized_ratio_pct == pytest.approx(91.5)  # unchanged
    assert got.raw_ratio_pct == pytest.approx(100 * (171000 / 4) / 34000)  # raw counts everyone


def test_summary_html_and_plot(res):
    import matplotlib.pyplot as plt

    s = res.summary()
    assert isinstance(s, Summary)
    assert "not a measure of discrimination" in str(s)
    assert "<table>" in res._repr_html_()
    assert "91.5 %" in repr(res)
    ax = res.plot()
    labels = {t.get_text() for t in ax.texts}
    assert {"91,5\u00a0%", "70,6\u00a0%"} <= labels
    plt.close(ax.figure)
    ax = res.plot(language="en")
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Raw", "Standardised"]
    plt.close(ax.figure)


def test_sample_payData():
    from payequity import datasets

    got = standardized_ratio(datasets.load_sample())
    assert 80 < got.standardized_ratio_pct < 110
    assert got.table["n"].sum() + got.settings["n_missing_cell"] == len(datasets.load_sample())


def test_odd_gender_codes_are_refused_not_dropped():
    import pandas as pd

    from payequity import standardized_ratio
    from payequity.exceptions import SchemaError

    df = pd.DataFrame(
        {
            "gender": ["F", "M", "K"],
            "monthly_pay": [30000.0, 31000, 32000],
            "job_code": ["x", "x", "x"],
        }
    )
    with pytest.raises(SchemaError, match=r"gender in the pay data holds \['K'\], not F/M"):
        standardized_ratio(df, cells=("job_code",))

"""logib against the R package's published result on its own example datalist."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from payequity.exceptions import InsufficientDataError, SchemaError
from payequity.survey._datalist import LOGIB_COLUMNS, _yearfrac
from payequity.survey._gap import RATINGS, GapResult, LogibResult, _rating, logib

REFERENCE = json.loads((Path(__file__).parent / "reference" / "logib_example.json").read_text())
CALL = {
    k: REFERENCE["call"][k] for k in ("reference_year", "reference_month", "usual_weekly_hours")
}


@pytest.fixture(scope="module")
def example(shared) -> Path:
    return shared / REFERENCE["file"]


@pytest.fixture(scope="module")
def result(example) -> LogibResult:
    return logib(example, **CALL)


@pytest.fixture(scope="module")
def sheet(example) -> pd.DataFrame:
    """The example datalist as a plain DataFrame (header row as column titles)."""
    return pd.read_excel(example, sheet_name="data_sheet_template")


def _published(res: LogibResult) -> dict[str, float]:
    """The figures the R test compares, rounded the same way."""
    d = REFERENCE["decimals"]
    return {
        "coef_sex_f": round(res.coef, d),
        "se_sex_f": round(res.se, d),
        "df_resid": res.df_resid,
        "r_squared": round(res.r_squared, d),
        "abs_t_sex_f": round(abs(res.t_value), d),
        "kennedy": float(f"{res.kennedy:.{d}f}"),
    }


def test_matches_the_published_result(result):
    assert _published(result) == REFERENCE["expected"]
    assert result.table.set_index("term").loc["sex[T.F]", "coef"] == result.coef


def test_result_fields(result):
    assert isinstance(result, GapResult)
    assert (result.n, result.n_total, result.standard_hours) == (280, 285, 40.0)
    assert result.kennedy == pytest.approx(math.exp(result.coef) / math.exp(result.se**2 / 2) - 1)
    assert result.gap_pct == pytest.approx(100 * result.kennedy)
    assert result.ci_low == pytest.approx(
        100 * (math.exp(result.coef - 1.968855 * result.se) - 1), abs=1e-4
    )  # t(0.975, 267)
    # significant, floor(1000·0.02612)/1000 = 0.026 > 0.025: above the target value
    assert result.p_value < 0.05 and result.rating == "above_target"
    assert result.model.cov_type == "nonrobust" and result.log and result.confidence == 0.95


def test_model_terms_and_base_levels(result):
    terms = result.table["term"].tolist()
    assert "level_of_requirements[T.7]" not in terms  # the highest code is the base
    assert "professional_position[T.5]" not in terms
    assert {"level_of_requirements[T.3]", "professional_position[T.1]", "years_of_earning2"} <= set(
        terms
    )
    # level 3 = positions 1–3 exactly in this file: R's lm aliases position 3 (NA); so do we
    assert result.table.set_index("term").loc["professional_position[T.3]"].isna().all()


def test_covariates(result):
    d = result.data
    assert (d["population"] == 1).all()
    table = {1: 17, 2: 15, 3: 14, 4: 15, 5: 13, 6: 12, 7: 11, 8: 7}
    assert d["years_of_training"].tolist() == d["training"].map(table).tolist()
    expected = np.maximum(d["age"] - d["years_of_training"] - 6, 0)
    assert (d["years_of_earning"] == expected).all()
    assert (d["years_of_earning2"] == expected**2).all()
    part = d[d["activity_rate"] == 80].iloc[0]
    total = part[["basic_wage", "allowances", "monthly_wage_13", "special_payments"]].sum()
    assert part["standardized_salary"] == pytest.approx(total / 0.8)
    hourly = d[d["personal_number"] == 285].iloc[0]  # 46.5 paid hours, activity rate 0
    assert hourly["fte"] == pytest.approx(12 * 46.5 / (52 * 40))


def test_excluded_rows(result):
    ex = result.excluded
    assert list(ex.columns) == ["row", "personal_number", "column", "reason"]
    assert sorted(ex["personal_number"].unique()) == [195, 230, 256, 257, 284]  # population 2/3
    assert set(ex["reason"]) == {"missing level_of_requirements", "missing professional_position"}


def test_dataframe_in_the_datalist_layout(sheet, result):
    assert _published(logib(sheet, **CALL)) == REFERENCE["expected"]
    named = sheet.iloc[:, :17].set_axis(LOGIB_COLUMNS[:17], axis=1)
    assert logib(named, **CALL).coef == pytest.approx(result.coef, abs=1e-14)


def test_birth_year_and_entry_year(sheet, result):
    years = sheet.copy()
    years.iloc[:, 1] = 2019 - years.iloc[:, 1]
    years.iloc[:, 3] = 2019 - years.iloc[:, 3]
    assert logib(years, **CALL).coef == pytest.approx(result.coef, abs=1e-14)


def test_header_found_below_title_rows_and_german_sheet(example, tmp_path, result):
    import openpyxl

    book = openpyxl.load_workbook(example)
    ws = book["data_sheet_template"]
    ws.insert_rows(1, amount=3)
    ws["A1"] = "Lohngleichheitsanalyse 2019"
    ws.title = "Vorlage_Datenblatt"
    path = tmp_path / "moved.xlsx"
    book.save(path)
    assert logib(path, **CALL).coef == pytest.approx(result.coef, abs=1e-14)


def test_not_a_datalist(tmp_path, sheet):
    path = tmp_path / "other.xlsx"
    sheet.to_excel(path, sheet_name="Pay", index=False)
    with pytest.raises(SchemaError, match="no Logib data sheet.*Pay"):
        logib(path, **CALL)
    with pytest.raises(SchemaError, match="has 5 columns"):
        logib(sheet.iloc[:, :5], **CALL)


def test_invalid_rows_are_left_out_with_a_reason(sheet, result):
    bad = sheet.copy()
    bad.iloc[0, 4] = 9  # training code 9
    bad.iloc[1, 16] = 2  # population 2, otherwise complete
    bad.iloc[2, 8] = 60  # activity rate and paid hours both non-zero
    bad.iloc[2, 9] = 10
    res = logib(bad, **CALL)
    reasons = res.excluded.set_index("personal_number")["reason"]
    assert reasons[1] == "training is not a code 1–8"
    assert reasons[2] == "population code is not 1"
    assert reasons[3] == "activity rate and paid hours both non-zero"
    assert res.n == result.n - 3


def test_too_few_employees(sheet):
    with pytest.raises(InsufficientDataError, match="at least 50 valid employees"):
        logib(sheet.iloc[:40], **CALL)


def test_standard_hours_highest_on_a_tie(sheet):
    tie = sheet.copy()
    tie.iloc[::2, 14] = 42
    tie.iloc[1::2, 14] = 40
    assert (tie.iloc[:, 14] == 42).sum() == (tie.iloc[:, 14] == 40).sum() + 1
    assert logib(tie, **CALL).standard_hours == 42.0
    tie.iloc[0, 14] = 41  # now 142 × 42 and 142 × 40: the highest value wins
    assert logib(tie, **CALL).standard_hours == 42.0


def test_yearfrac_like_the_r_package():
    assert _yearfrac(dt.date(2019, 1, 1), dt.date(2019, 2, 1)) == round(31 / 365, 5)
    assert _yearfrac(dt.date(2019, 2, 1), dt.date(2019, 1, 1)) == round(31 / 365, 5)
    assert _yearfrac(dt.date(2010, 2, 15), dt.date(2019, 2, 1)) == round(3273 * 10 / 3652, 5)
    assert _yearfrac(dt.date(2019, 6, 1), dt.date(2020, 3, 1)) == round(274 / 366, 5)
    # R's feb29_between counts 366 days for any end after February, leap year or not
    assert _yearfrac(dt.date(2018, 6, 1), dt.date(2019, 3, 1)) == round(273 / 366, 5)
    assert _yearfrac(dt.date(2019, 1, 1), dt.date(2019, 1, 1)) == 0


def test_entry_dates_use_yearfrac_to_the_next_month(sheet):
    dates = sheet.copy()
    entry = [dt.datetime(2019 - int(y), 1, 15) for y in dates.iloc[:, 3]]
    dates[dates.columns[3]] = entry
    res = logib(dates, **CALL)
    first = res.data.iloc[0]
    assert first["years_of_service"] == _yearfrac(entry[0].date(), dt.date(2019, 2, 1))


@pytest.mark.parametrize(
    ("p", "k", "rating"),
    [
        (0.06, -0.08, "not_significant"),
        (0.01, -0.0259, "within_target"),
        (0.01, 0.025, "within_target"),
        (0.01, -0.0261, "above_target"),
        (0.01, -0.0509, "above_target"),
        (0.01, -0.051, "above_limit"),
    ],
)
def test_rating_bands(p, k, rating):
    assert _rating(p, k) == rating
    assert rating in RATINGS


def test_summary_and_plot(result):
    text = str(result.summary())
    assert "women earn 2.6 % less than men" in text
    assert RATINGS["above_target"] in text and "Excluded" in text
    assert repr(result).startswith("<LogibResult sex=F vs M: -2.6 %")
    ax = result.plot(language="en")
    assert ax.texts[0].get_text().startswith("−2.6%")
    assert ax.get_title(loc="left") == "Logib standard model (Kennedy)"
    import matplotlib.pyplot as plt

    plt.close("all")

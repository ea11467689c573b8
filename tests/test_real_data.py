"""Real public data (Montgomery County, MD; DESIGN §9): row accounting and published figures."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from payequity import load_pay_data
from payequity.io._read import file_sha256

REFERENCE = json.loads(
    (Path(__file__).parent / "reference" / "montgomery_county.json").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def grade(shared):
    ref = REFERENCE["grade"]
    path = shared / "data" / ref["file"]
    assert file_sha256(path) == ref["sha256"]
    return load_pay_data(
        path,
        columns={
            "gender": "Gender",
            "unit": "Department",
            "job_code": "Grade",
            "base_salary": "Base_Salary",
            "supplements": "Longevity_Pay",
            "variable_pay": "Overtime_Pay",
        },
        values={"gender": {"Female": "F", "Male": "M"}},
        pay_period="annual",
        currency="USD",
    )


@pytest.fixture(scope="module")
def salaries_2017(shared):
    ref = REFERENCE["salaries_2017"]
    path = shared / "data" / ref["file"]
    assert file_sha256(path) == ref["sha256"]
    return load_pay_data(
        path,
        columns={
            "gender": "Gender",
            "unit": "Department",
            "job_code": "Employee Position Title",
            "base_salary": "Current Annual Salary",
            "variable_pay": "2017 Overtime Pay",
            "hire_date": "Date First Hired",
            "employment_form": "Assignment Category",
        },
        pay_period="annual",
        date_format="%m/%d/%Y",
        reference_date="2017-12-31",
        currency="USD",
    )


def test_grade_file_row_accounting_and_published_figures(grade):
    ref = REFERENCE["grade"]
    p = grade.provenance
    assert (p.rows_read, p.rows_kept, p.rows_excluded) == (ref["rows"], ref["rows"], 0)
    assert p.details["generated_ids"] is True
    f = grade.frame
    assert f["employee_id"].iloc[0] == "row-2"
    assert f["employee_id"].is_unique
    assert (f["gender"] == "F").sum() == ref["women"]
    assert (f["gender"] == "M").sum() == ref["men"]
    assert f["unit"].nunique() == ref["departments"]
    assert f["job_code"].nunique() == ref["grades"]
    annual = f.groupby("gender")["base_salary"].agg(["mean", "median"]) * 12
    for g in ("F", "M"):
        assert annual.loc[g, "mean"] == pytest.approx(ref["mean_annual_base"][g], abs=0.5)
        assert annual.loc[g, "median"] == pytest.approx(ref["median_annual_base"][g], abs=0.5)
    # annual pay: base and supplements divided by 12, overtime (variable pay) not
    row = f.iloc[0]
    assert row["base_salary"] == pytest.approx(175873 / 12)
    assert row["variable_pay"] == 0
    # the other source columns stay, usable as controls or regrouping keys
    assert {"Division", "Department_Name", "Total_pay"} <= set(f.columns)
    assert set(grade.warnings["warning"]) == {"pay_outside_job_range"}


def test_2017_file_row_accounting_dates_and_published_figures(salaries_2017):
    ref = REFERENCE["salaries_2017"]
    p = salaries_2017.provenance
    assert p.rows_read == ref["rows"]
    assert p.rows_read == p.rows_kept + p.rows_excluded
    # one row has negative overtime pay (-2430.11): excluded with its reason, not dropped silently
    ex = salaries_2017.exclusions
    assert ex[["source_row", "column", "value", "reason"]].values.tolist() == [
        [5145, "2017 Overtime Pay", "-2430.11", "invalid_pay"]
    ]
    f = salaries_2017.frame
    assert (f["gender"] == "F").sum() == ref["women"]
    assert (f["gender"] == "M").sum() == ref["men"] - 1
    assert f["job_code"].nunique() == ref["position_titles"]
    assert f["unit"].nunique() == ref["departments"]
    years = f["hire_date"].dt.year
    assert (years.min(), years.max()) == tuple(ref["first_hired_years"])
    assert (f["tenure_years"] >= 0).all()
    assert set(f["employment_form"]) == {"Fulltime-Regular", "Parttime-Regular"}
    annual = f.groupby("gender")["base_salary"].mean() * 12
    assert annual["F"] == pytest.approx(ref["mean_annual_salary"]["F"], abs=0.5)
    # the published men's mean includes the excluded row (annual salary 159 601.76)
    men_total = annual["M"] * (ref["men"] - 1) + 159601.76
    assert men_total / ref["men"] == pytest.approx(ref["mean_annual_salary"]["M"], abs=0.5)


@pytest.mark.pdf
def test_example_config_for_real_data_validates(shared, tmp_path):
    """The shipped docs/examples config works through load_config and the CLI."""
    from payequity.cli import main

    text = (Path(__file__).parent.parent / "docs/examples/montgomery/survey.toml").read_text(
        "utf-8"
    )
    text = text.replace("../../../../shared/data/", (shared / "data").as_posix() + "/").replace(
        "../../../reports/", (tmp_path / "reports").as_posix() + "/"
    )
    cfg = tmp_path / "survey.toml"
    cfg.write_text(text, encoding="utf-8")
    assert main(["validate", str(cfg), "--quiet", "--strict"]) == 0
    assert main(["run", str(cfg), "--quiet", "--timestamp", "2025-01-01T00:00:00Z"]) == 0
    manifest = json.loads((tmp_path / "reports/montgomery/manifest.json").read_text("utf-8"))
    assert manifest["inputs"][0]["rows_read"] == REFERENCE["grade"]["rows"]


def test_salary_review_on_real_data_meets_every_pot(salaries_2017):
    """Montgomery County has no ratings: everyone at the expected level still gets raises that
    meet each department's pot to the krona, above a guarantee; the CLI says what is
    missing instead of failing."""
    import payequity as pe

    crit = {
        "criterion": [{"id": "results", "name": "Results", "weight": 1}],
        "eligibility": {"employment_form": ["Fulltime-Regular"]},
    }
    r = pe.salary_review(
        salaries_2017,
        ratings=pd.DataFrame({"employee_id": []}),
        criteria=crit,
        pot_pct=2.5,
        guarantee=50,
        whatif=False,
    )
    u = r.units[r.units["n_eligible"] > 0]
    f = salaries_2017.frame
    assert len(u) == f.loc[f["employment_form"] == "Fulltime-Regular", "unit"].nunique()
    assert ((u["pot"] - u["total_raises"]).between(0, 1 - 1e-9)).all()
    e = r.table[r.table["eligible"]]
    assert (e["raise"] >= 50).all() and (e["rated"] == "none").all()
    assert (r.table.loc[~r.table["eligible"], "raise"] == 0).all()
    assert any("not rated" in w for w in r.warnings)


def test_review_without_ratings_says_what_is_missing(capsys):
    from payequity.cli import main

    cfg = Path(__file__).parent.parent / "docs/examples/montgomery/survey.toml"
    assert main(["review", str(cfg), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "[review] needs criteria and ratings" in err and len(err.strip().splitlines()) == 1

"""Row rules of DESIGN §3.1: exclusions, keys, warnings, fte, dates, pay period, derived columns."""

from __future__ import annotations

import datetime as dt

import pytest

from payequity import load_pay_data
from payequity.exceptions import DataFileError

HEAD = "Anst.nr;Kön;Enhet;Befattningskod;Månadslön heltid;Syssgrad %;Födelseår;Anst.datum\n"
COLS = {
    "employee_id": "Anst.nr",
    "gender": "Kön",
    "unit": "Enhet",
    "job_code": "Befattningskod",
    "base_salary": "Månadslön heltid",
    "fte": "Syssgrad %",
    "birth_year": "Födelseår",
    "hire_date": "Anst.datum",
}
VALUES = {"gender": {"K": "F", "M": "M"}}
REF = dt.date(2026, 9, 1)


def load(write, body: str, **kw):
    return load_pay_data(
        write("pay.csv", HEAD + body), columns=COLS, values=VALUES, reference_date=REF, **kw
    )


def reasons(data) -> dict[int, str]:
    return dict(zip(data.exclusions["source_row"], data.exclusions["reason"], strict=True))


def warnings(data, kind: str) -> list[int]:
    w = data.warnings
    return w.loc[w["warning"] == kind, "source_row"].tolist()


def test_every_exclusion_reason_once(write):
    body = (
        "1;K;A;x;30000;100;1980;2010-01-01\n"  # 2 kept
        "2;;A;x;30000;100;1980;2010-01-01\n"  # 3 missing_gender
        "3;X;A;x;30000;100;1980;2010-01-01\n"  # 4 unmapped_gender
        "4;K;A;;30000;100;1980;2010-01-01\n"  # 5 missing_job_code
        "5;K;;x;30000;100;1980;2010-01-01\n"  # 6 missing_unit
        "6;K;A;x;0;100;1980;2010-01-01\n"  # 7 invalid_pay (zero)
        "7;K;A;x;-100;100;1980;2010-01-01\n"  # 8 invalid_pay (negative)
        "8;K;A;x;;100;1980;2010-01-01\n"  # 9 invalid_pay (blank)
        "9;K;A;x;30000;0;1980;2010-01-01\n"  # 10 invalid_fte (zero)
        "10;K;A;x;30000;abc;1980;2010-01-01\n"  # 11 invalid_fte (text)
        "11;K;A;x;30000;100;1980;2010-13-45\n"  # 12 invalid_date
        "12;K;A;x;30000;100;19x0;2010-01-01\n"  # 13 invalid_date (birth year)
        "13;M;A;x;30000;100;1980;2010-01-01\n"  # 14 duplicate_key
        "13;M;A;x;31000;100;1980;2010-01-01\n"  # 15 duplicate_key
        "14;M;A;x;30000;50;1980;2010-01-01\n"  # 16 conflicting_person (gender)
        "14;K;A;y;30000;50;1980;2010-01-01\n"  # 17 conflicting_person
        "15;M;A;x;30000;50;1970;2010-01-01\n"  # 18 conflicting_person (birth year)
        "15;M;A;y;30000;50;1971;2010-01-01\n"  # 19 conflicting_person
        "16;M;A;x;30000;60;1980;2010-01-01\n"  # 20 kept: two employments
        "16;M;A;y;30000;40;1980;2010-01-01\n"  # 21 kept
    )
    data = load(write, body)
    assert reasons(data) == {
        3: "missing_gender",
        4: "unmapped_gender",
        5: "missing_job_code",
        6: "missing_unit",
        7: "invalid_pay",
        8: "invalid_pay",
        9: "invalid_pay",
        10: "invalid_fte",
        11: "invalid_fte",
        12: "invalid_date",
        13: "invalid_date",
        14: "duplicate_key",
        15: "duplicate_key",
        16: "conflicting_person",
        17: "conflicting_person",
        18: "conflicting_person",
        19: "conflicting_person",
    }
    p = data.provenance
    assert (p.rows_read, p.rows_kept, p.rows_excluded) == (20, 3, 17)
    assert list(data.frame.index) == [2, 20, 21]
    assert data.frame.loc[[20, 21], "job_code"].tolist() == ["x", "y"]
    ex = data.exclusions.set_index("source_row")
    assert ex.loc[4, "value"] == "X"
    assert ex.loc[4, "column"] == "Kön"
    assert ex.loc[11, "column"] == "Syssgrad %"
    assert ex.loc[11, "value"] == "abc"
    assert ex.loc[14, "employee_id"] == "13"


def test_first_reason_wins_and_each_row_counted_once(write):
    data = load(write, "1;;A;;abc;0;x;y\n2;M;A;x;30000;100;1980;2010-01-01\n")
    assert reasons(data) == {2: "missing_gender"}
    assert data.provenance.rows_read == 2


def test_warnings_on_kept_rows(write):
    body = (
        "1;K;A;x;30000;120;1980;2010-01-01\n"  # fte_over_1, fte_sum_over_1_5 (1.2 + 0.5)
        "1;K;A;y;30000;50;1980;2010-01-01\n"
        "2;M;A;x;30000;100;2012;2025-01-01\n"  # age 14
        "3;M;A;x;90000;100;1950;1975-01-01\n"  # age 76; pay > 2 x median 30000
        "4;K;A;x;30000;100;1980;2027-01-01\n"  # hired after the reference date
    )
    data = load(write, body)
    assert data.provenance.rows_excluded == 0
    assert warnings(data, "fte_over_1") == [2]
    assert warnings(data, "fte_sum_over_1_5") == [2, 3]
    assert warnings(data, "age_outside_16_70") == [4, 5]
    assert warnings(data, "pay_outside_job_range") == [5]
    assert warnings(data, "hire_date_after_reference_date") == [6]
    assert data.frame.loc[6, "tenure_years"] == 0


def test_derived_age_tenure_and_monthly_pay(write):
    data = load(write, "1;K;A;x;30000;100;1980;2016-09-01\n2;M;A;x;31000;75;1990;20200301\n")
    f = data.frame
    assert f["age"].tolist() == [46.0, 36.0]
    # 2016-09-01 → 2026-09-01 is 3652 days (three leap days: 2020, 2024 ... and 2016 is before)
    assert f.loc[2, "tenure_years"] == pytest.approx(3652 / 365.25)
    assert f.loc[3, "tenure_years"] == pytest.approx(
        (dt.date(2026, 9, 1) - dt.date(2020, 3, 1)).days / 365.25
    )
    assert f["fte"].tolist() == [1.0, 0.75]
    assert f["monthly_pay"].tolist() == [30000.0, 31000.0]
    assert f["work_group"].tolist() == ["x", "x"]
    assert f["weekly_hours"].tolist() == [40.0, 40.0]


def test_no_reference_date_no_age_or_tenure(write):
    data = load_pay_data(
        write("pay.csv", HEAD + "1;K;A;x;30000;100;1980;2016-09-01\n"), columns=COLS, values=VALUES
    )
    assert "age" not in data.frame.columns
    assert "tenure_years" not in data.frame.columns


@pytest.mark.parametrize(
    ("header", "cells", "fte_unit", "expected", "unit"),
    [
        ("Syssgrad %", ["100", "75", "87,5"], None, [1.0, 0.75, 0.875], "percent"),  # header %
        ("Syssgrad", ["100", "75", "50"], None, [1.0, 0.75, 0.5], "percent"),  # median > 1.5
        ("Syssgrad", ["1", "0,75", "0,5"], None, [1.0, 0.75, 0.5], "fraction"),
        ("Syssgrad", ["1", "1", "1"], "percent", [0.01, 0.01, 0.01], "percent"),  # as told
    ],
)
def test_fte_percent_or_fraction(write, header, cells, fte_unit, expected, unit):
    text = f"Anst.nr;Kön;Enhet;Befattningskod;Månadslön heltid;{header}\n" + "".join(
        f"{i};K;A;x;30000;{c}\n" for i, c in enumerate(cells)
    )
    cols = {k: v for k, v in COLS.items() if k not in ("birth_year", "hire_date")} | {"fte": header}
    opts = {"fte_unit": fte_unit} if fte_unit else {}
    data = load_pay_data(write("pay.csv", text), columns=cols, values=VALUES, **opts)
    assert data.frame["fte"].tolist() == expected
    assert data.provenance.details["fte_unit"] == unit


def test_fte_over_one_and_a_half_is_invalid(write):
    data = load(write, "1;K;A;x;30000;151;1980;2010-01-01\n2;K;A;x;30000;150;1980;2010-01-01\n")
    assert reasons(data) == {2: "invalid_fte"}


def test_dates_iso_compact_and_excel_serials(write):
    body = (
        "1;K;A;x;30000;100;1980;2016-09-01\n"
        "2;K;A;x;30000;100;1980;20160901\n"
        "3;K;A;x;30000;100;1980;42614\n"  # Excel serial of 2016-09-01
        "4;K;A;x;30000;100;1980;2016-09-01 00:00:00\n"
    )
    data = load(write, body)
    assert {d.date() for d in data.frame["hire_date"]} == {dt.date(2016, 9, 1)}


def test_other_date_styles_need_date_format(write):
    body = "1;K;A;x;30000;100;1980;09/01/2016\n2;K;A;x;30000;100;1980;12/31/2016\n"
    with pytest.raises(DataFileError, match=r"'Anst.datum'.*09/01/2016.*data.date_format"):
        load(write, body)
    data = load(write, body + "3;K;A;x;30000;100;1980;31/12/2016\n", date_format="%m/%d/%Y")
    assert [d.date() for d in data.frame["hire_date"]] == [
        dt.date(2016, 9, 1),
        dt.date(2016, 12, 31),
    ]
    assert reasons(data) == {4: "invalid_date"}


def test_annual_pay_divided_by_twelve_never_variable_pay(write):
    text = "id;sex;unit;job;salary;bonus;extra\n1;F;A;x;360000;12000;6000\n"
    cols = {
        "employee_id": "id",
        "gender": "sex",
        "unit": "unit",
        "job_code": "job",
        "base_salary": "salary",
        "variable_pay": "bonus",
        "supplements": "extra",
    }
    data = load_pay_data(write("pay.csv", text), columns=cols, pay_period="annual")
    row = data.frame.iloc[0]
    assert (row["base_salary"], row["supplements"], row["variable_pay"]) == (
        30000.0,
        500.0,
        12000.0,
    )


def test_generated_ids_when_no_id_column(write):
    text = "sex,unit,job,salary\nF,A,x,30000\nM,A,x,30000\n"
    cols = {"gender": "sex", "unit": "unit", "job_code": "job", "base_salary": "salary"}
    data = load_pay_data(write("pay.csv", text), columns=cols)
    assert data.frame["employee_id"].tolist() == ["row-2", "row-3"]
    assert data.provenance.details["generated_ids"] is True


def test_blank_id_gets_a_row_id_and_a_warning(write):
    data = load(write, ";K;A;x;30000;100;1980;2010-01-01\n")
    assert data.frame["employee_id"].tolist() == ["row-2"]
    assert warnings(data, "generated_id") == [2]


def test_gender_words_understood_without_a_mapping(write):
    text = "id;kön;enhet;kod;lön\n1;Kvinna;A;x;30000\n2;man;A;x;30000\n3;Female;A;x;1\n4;MALE;A;x;1\n5;?;A;x;1\n"
    cols = {
        "employee_id": "id",
        "gender": "kön",
        "unit": "enhet",
        "job_code": "kod",
        "base_salary": "lön",
    }
    data = load_pay_data(write("pay.csv", text), columns=cols)
    assert data.frame["gender"].tolist() == ["F", "M", "F", "M"]
    assert reasons(data) == {6: "unmapped_gender"}


def test_rows_read_equals_kept_plus_excluded_and_blank_lines_skipped(write):
    data = load(write, "\n1;K;A;x;30000;100;1980;2010-01-01\n\n;;;;;;;\n2;K;A;;1;1;1;1\n\n")
    p = data.provenance
    # a row of empty cells (";;;;;;;") is blank like an empty line
    assert p.rows_read == p.rows_kept + p.rows_excluded == 2
    assert p.details["blank_rows_skipped"] == 4

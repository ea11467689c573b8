"""Edge cases found in review: each once lost a row, leaked a personnummer or crashed."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from payequity import load_pay_data
from payequity.exceptions import DataFileError, PseudonymKeyError

SV = {
    "employee_id": "Anst.nr",
    "gender": "Kön",
    "unit": "Enhet",
    "job_code": "Kod",
    "base_salary": "Lön",
}
VALUES = {"gender": {"K": "F", "M": "M"}}
HEAD = "Anst.nr;Kön;Enhet;Kod;Lön\n"


def load(write, body, head=HEAD, cols=SV, **kw):
    return load_pay_data(write("pay.csv", head + body), columns=cols, values=VALUES, **kw)


def test_unclosed_quote_is_refused_not_swallowing_rows(write):
    body = '1;K;"A;x;30000\n2;M;A;x;31000\n3;M;A;x;31000\n4;K;A;x;32000\n'
    with pytest.raises(DataFileError, match=r"row 2 has a quote .* not closed"):
        load(write, body)


def test_a_legitimate_multiline_cell_is_kept_and_rows_are_lines(write):
    head = "Anst.nr;Kön;Enhet;Kod;Lön;Not\n"
    body = '1;K;A;x;30000;"rad ett\nrad två"\n2;M;A;x;31000;\n'
    data = load(write, body, head=head)
    assert data.provenance.rows_read == 2
    assert list(data.frame.index) == [2, 4]  # source_row is the line a record starts on


def test_trailing_delimiters_in_header(write):
    data = load(write, "1;K;A;x;30000;;\n", head="Anst.nr;Kön;Enhet;Kod;Lön;;\n")
    assert data.provenance.rows_kept == 1
    assert not [c for c in data.frame.columns if c == "" or c.startswith("column_")]


def test_personnummer_masked_in_kept_text_columns(write):
    data = load(write, "1;K;A 19800101-1234;19800101-1234;30000\n2;M;A;x;31000\n")
    assert data.frame["unit"].tolist() == ["A [personnummer]", "A"]
    assert data.frame["job_code"].tolist() == ["[personnummer]", "x"]
    assert (data.warnings["warning"] == "personnummer_masked").sum() == 2


def test_personnummer_in_a_numeric_extra_column_is_masked(write):
    head = "Anst.nr;Kön;Enhet;Kod;Lön;Ref\n"
    data = load(write, "1;K;A;x;30000;8001011234\n2;M;A;x;31000;17\n3;M;A;x;31000;18\n", head=head)
    assert data.frame["Ref"].tolist() == ["[personnummer]", "17", "18"]


@pytest.mark.parametrize("token", ["K-800101-1234", "800101\u20131234", "800101 -- 1234"])
def test_personnummer_variants(write, token):
    head = "Anst.nr;Kön;Enhet;Kod;Lön;Not\n"
    data = load(write, f"1;K;A;x;30000;{token}\n2;K;A;x;1;ok\n3;K;A;x;1;bra\n", head=head)
    if token == "800101 -- 1234":  # not a personnummer shape: kept as written
        assert data.frame["Not"].iloc[0] == token
    else:
        assert "1234" not in data.frame["Not"].iloc[0]


def test_duplicate_key_excludes_every_row_of_the_key(write):
    data = load(write, "3;K;A;x;30000\n3;K;A;x;abc\n4;M;A;x;30000\n")
    assert dict(zip(data.exclusions["source_row"], data.exclusions["reason"], strict=True)) == {
        2: "duplicate_key",
        3: "duplicate_key",
    }


def test_manager_column_of_personnummer_is_named(write, monkeypatch):
    monkeypatch.delenv("PAYEQUITY_PSEUDONYM_KEY", raising=False)
    head = "Anst.nr;Kön;Enhet;Kod;Lön;Chef\n"
    body = "1;K;A;x;30000;19800101-1234\n2;M;A;x;31000;19750505-4321\n"
    with pytest.raises(PseudonymKeyError, match=r"column 'Chef' \(manager_id\)"):
        load(write, body, head=head, cols=SV | {"manager_id": "Chef"})


def test_decomposed_unicode_header_matches(write):
    nfd = "Anst.nr;Ko\u0308n;Enhet;Kod;Lo\u0308n\n"
    data = load(write, "1;K;A;x;30000\n", head=nfd)
    assert data.provenance.rows_kept == 1


def test_title_row_above_the_header_gets_a_hint(write):
    with pytest.raises(DataFileError, match="the first row holds only 'Lönelista 2026'.*title"):
        load(write, HEAD + "1;K;A;x;30000\n", head="Lönelista 2026\n")


@pytest.mark.parametrize(
    ("cells", "expected"),
    [(["100 %", "75%", "50"], [1.0, 0.75, 0.5]), (["0.500", "1.000", "0.750"], [0.5, 1.0, 0.75])],
)
def test_fte_percent_signs_and_leading_zero_decimals(write, cells, expected):
    head = "Anst.nr;Kön;Enhet;Kod;Lön;Syssgrad\n"
    body = "".join(f"{i};K;A;x;30000;{c}\n" for i, c in enumerate(cells))
    data = load(write, body, head=head, cols=SV | {"fte": "Syssgrad"})
    assert data.frame["fte"].tolist() == expected


def test_implausible_dates(write):
    head = "Anst.nr;Kön;Enhet;Kod;Lön;Född;Anställd\n"
    body = "1;K;A;x;30000;1980;2015\n2;K;A;x;30000;1980;1899-12-31\n3;K;A;x;30000;1960;1990-01-01\n"
    data = load(
        write,
        body,
        head=head,
        cols=SV | {"birth_year": "Född", "hire_date": "Anställd"},
        reference_date="2026-09-01",
    )
    # "2015" is no Excel serial of a plausible date (1920–2100): excluded, not 1905-07-07
    assert data.exclusions[["source_row", "reason"]].values.tolist() == [[2, "invalid_date"]]
    w = data.warnings
    assert w.loc[w["warning"] == "implausible_hire_date", "source_row"].tolist() == [3]
    assert data.frame.loc[4, "hire_date"] == pd.Timestamp(dt.date(1990, 1, 1))


def test_xlsx_chartsheet_and_cells_right_of_the_header(tmp_path):
    import openpyxl
    from openpyxl.chart import BarChart

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Lön"
    ws.append(["Anst.nr", "Kön", "Enhet", "Kod", "Lön"])
    ws.append([1, "K", "A", "x", 30000])
    ws.append([None, None, None, None, None, "stray note"])
    cs = wb.create_chartsheet("Diagram", 0)
    cs.add_chart(BarChart())
    path = tmp_path / "pay.xlsx"
    wb.save(path)
    with pytest.raises(DataFileError, match="sheet 'Diagram' is a chart, not a table"):
        load_pay_data(path, columns=SV, values=VALUES)
    data = load_pay_data(path, columns=SV, values=VALUES, sheet="Lön")
    p = data.provenance
    assert (p.rows_read, p.rows_kept, p.rows_excluded) == (2, 1, 1)  # the stray row is counted
    assert data.frame["column_6"].tolist() == [""]


def test_parquet_with_index_and_time_zone(tmp_path):
    frame = pd.DataFrame(
        {
            "Anst.nr": ["1", "2"],
            "Kön": ["K", "M"],
            "Enhet": ["A", "A"],
            "Kod": ["x", "x"],
            "Lön": [30000.0, 31000.0],
            "Anställd": pd.to_datetime(["2020-01-01", "2021-06-01"]).tz_localize(
                "Europe/Stockholm"
            ),
        }
    ).set_index("Anst.nr")
    path = tmp_path / "pay.parquet"
    frame.to_parquet(path, index=True)
    data = load_pay_data(path, columns=SV | {"hire_date": "Anställd"}, values=VALUES)
    assert data.frame["employee_id"].tolist() == ["1", "2"]
    assert data.frame["hire_date"].dt.year.tolist() == [2019, 2021]  # UTC of midnight in Sweden


def test_bad_date_format_through_the_api(write):
    with pytest.raises(DataFileError, match="date_format '%Q' is not a date format"):
        load(
            write,
            "1;K;A;x;30000;01/02/2020\n",
            head="Anst.nr;Kön;Enhet;Kod;Lön;D\n",
            cols=SV | {"hire_date": "D"},
            date_format="%Q",
        )

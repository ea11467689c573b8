"""Reading rules of DESIGN §3.1: encodings, delimiters, number styles, XLSX, Parquet, mapping.

Each test writes a small hand-made file and states the rows it expects kept and excluded.
"""

from __future__ import annotations

import pandas as pd
import pytest

from payequity import load_pay_data
from payequity.exceptions import DataFileError, PayEquityError, SchemaError

SV = {
    "employee_id": "Anst.nr",
    "gender": "Kön",
    "unit": "Enhet",
    "job_code": "Befattningskod",
    "base_salary": "Månadslön heltid",
}
SV_VALUES = {"gender": {"K": "F", "M": "M"}}
SV_TEXT = (
    "Anst.nr;Kön;Enhet;Befattningskod;Månadslön heltid\n"
    "1;K;Hemtjänst Norr;207010;31 250\n"
    "2;M;Hemtjänst Norr;207010;32500,50\n"
    "3;K;Hemtjänst Syd;207010;33.100,75\n"
)


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("cp1252", "cp1252")],
)
def test_encodings_detected(write, encoding, expected):
    data = load_pay_data(write("pay.csv", SV_TEXT, encoding), columns=SV, values=SV_VALUES)
    assert data.provenance.details["encoding"] == expected
    assert data.provenance.rows_kept == 3
    assert list(data.frame["unit"]) == ["Hemtjänst Norr", "Hemtjänst Norr", "Hemtjänst Syd"]


def test_swedish_numbers_space_nbsp_and_dot_thousands(write):
    text = (
        SV_TEXT + "4;M;Hemtjänst Syd;207010;34\u00a0000\n5;M;Hemtjänst Syd;207010;35\u202f000 kr\n"
    )
    data = load_pay_data(write("pay.csv", text), columns=SV, values=SV_VALUES)
    assert data.provenance.details["delimiter"] == ";"
    assert data.provenance.details["decimal"] == ","
    assert list(data.frame["base_salary"]) == [31250.0, 32500.5, 33100.75, 34000.0, 35000.0]


def test_comma_delimiter_decimal_point_and_quotes(write):
    text = (
        "id,sex,dept,job,salary\n"
        '1,F,"Health, Adult",A1,"1,234.50"\n'
        "2,M,Police,A1,2345.25\n"
        "3,F,Police,A1,12.5.3\n"
    )
    cols = {
        "employee_id": "id",
        "gender": "sex",
        "unit": "dept",
        "job_code": "job",
        "base_salary": "salary",
    }
    data = load_pay_data(write("pay.csv", text), columns=cols)
    assert data.provenance.details["delimiter"] == ","
    assert list(data.frame["base_salary"]) == [1234.5, 2345.25]
    assert data.frame["unit"].iloc[0] == "Health, Adult"
    ex = data.exclusions.iloc[0]
    assert (ex["source_row"], ex["reason"], ex["value"]) == (4, "invalid_pay", "12.5.3")


def test_tab_delimiter_with_detected_decimal_comma(write):
    text = SV_TEXT.replace(";", "\t")
    data = load_pay_data(write("pay.tsv", text), columns=SV, values=SV_VALUES)
    assert data.provenance.details["delimiter"] == "\t"
    # "32500,50" (a comma and two decimals) is never a thousands separator: decimal comma
    assert data.provenance.details["decimal"] == ","
    assert list(data.frame["base_salary"]) == [31250.0, 32500.5, 33100.75]
    # told otherwise, "32500,50" is not a number in a decimal-point file
    data = load_pay_data(write("pay.tsv", text), columns=SV, values=SV_VALUES, decimal=".")
    assert data.provenance.rows_kept == 1
    assert set(data.exclusions["reason"]) == {"invalid_pay"}


def test_comma_file_keeps_decimal_point(write):
    text = 'id,sex,unit,job,salary\n1,F,A,x,1250.50\n2,M,A,x,"1,250"\n'
    cols = {
        "employee_id": "id",
        "gender": "sex",
        "unit": "unit",
        "job_code": "job",
        "base_salary": "salary",
    }
    data = load_pay_data(write("pay.csv", text), columns=cols)
    assert data.provenance.details["decimal"] == "."
    assert list(data.frame["base_salary"]) == [1250.5, 1250.0]


def test_semicolon_file_with_decimal_point_override(write):
    text = "Anst.nr;Kön;Enhet;Befattningskod;Månadslön heltid\n1;K;A;x;31250.50\n2;M;A;x;1,5\n"
    data = load_pay_data(write("pay.csv", text), columns=SV, values=SV_VALUES, decimal=".")
    assert list(data.frame["base_salary"]) == [31250.5]
    assert data.exclusions["reason"].tolist() == ["invalid_pay"]


def test_dots_in_a_decimal_comma_file(write):
    # alone, "32.500" is Swedish for thirty-two thousand five hundred
    text = "Anst.nr;Kön;Enhet;Befattningskod;Månadslön heltid\n1;K;A;x;32.500\n2;M;A;x;1.250.000\n"
    data = load_pay_data(write("pay.csv", text), columns=SV, values=SV_VALUES)
    assert list(data.frame["base_salary"]) == [32500.0, 1250000.0]
    # a column that also holds "32.50" uses dots as decimal points, for all its cells
    text = "Anst.nr;Kön;Enhet;Befattningskod;Månadslön heltid\n1;K;A;x;32.500\n2;M;A;x;32.50\n"
    data = load_pay_data(write("pay.csv", text), columns=SV, values=SV_VALUES)
    assert list(data.frame["base_salary"]) == [32.5, 32.5]


def test_xlsx_sheet_by_name_and_row_numbers(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Info"
    ws.append(["This sheet is not the data"])
    ws2 = wb.create_sheet("Lön")
    ws2.append(["Anst.nr", "Kön", "Enhet", "Befattningskod", "Månadslön heltid", "Syssgrad %"])
    ws2.append([101, "K", "A", 207010, 31000, 100])
    ws2.append([None, None, None, None, None, None])  # a blank row inside the data
    ws2.append([102, "M", "A", 207010, "abc", 75])
    ws2.append([103, "M", "A", 207010, 32000.5, 50])
    path = tmp_path / "pay.xlsx"
    wb.save(path)
    cols = SV | {"fte": "Syssgrad %"}
    with pytest.raises(SchemaError, match=r"sheet 'Info'.*set data.sheet.*Lön\)"):
        load_pay_data(path, columns=cols, values=SV_VALUES)  # first sheet has no such column
    data = load_pay_data(path, columns=cols, values=SV_VALUES, sheet="Lön")
    p = data.provenance
    assert (p.rows_read, p.rows_kept, p.rows_excluded) == (3, 2, 1)
    assert p.details["blank_rows_skipped"] == 1
    assert data.exclusions[["source_row", "reason"]].values.tolist() == [[4, "invalid_pay"]]
    assert list(data.frame.index) == [2, 5]
    assert list(data.frame["employee_id"]) == ["101", "103"]
    assert list(data.frame["job_code"]) == ["207010", "207010"]
    assert list(data.frame["fte"]) == [1.0, 0.5]
    with pytest.raises(DataFileError, match="no sheet 'Löner'"):
        load_pay_data(path, columns=cols, sheet="Löner")


def test_parquet(tmp_path):
    frame = pd.DataFrame(
        {
            "Anst.nr": ["1", "2", "3"],
            "Kön": ["K", "M", "K"],
            "Enhet": ["A", "A", "B"],
            "Befattningskod": ["x", "x", None],
            "Månadslön heltid": [30000.0, 31000.0, 32000.0],
        }
    )
    path = tmp_path / "pay.parquet"
    frame.to_parquet(path)
    data = load_pay_data(path, columns=SV, values=SV_VALUES)
    assert data.provenance.rows_kept == 2
    assert data.exclusions[["source_row", "reason"]].values.tolist() == [[4, "missing_job_code"]]


def test_supplements_summed_and_value_mapping(write):
    text = (
        "Anst.nr;Kön;Enhet;Befattningskod;Månadslön heltid;Fast tillägg;Ansvarstillägg;Form\n"
        "1;K;A;x;30000;500;1 000;TV\n"
        "2;M;A;x;30000;;250,50;VIS\n"
        "3;M;A;x;30000;;-5;TV\n"
    )
    cols = SV | {"supplements": ["Fast tillägg", "Ansvarstillägg"], "employment_form": "Form"}
    vals = SV_VALUES | {"employment_form": {"TV": "Tillsvidare", "VIS": "Visstid"}}
    data = load_pay_data(write("pay.csv", text), columns=cols, values=vals)
    assert list(data.frame["supplements"]) == [1500.0, 250.5]
    assert list(data.frame["monthly_pay"]) == [31500.0, 30250.5]
    assert list(data.frame["employment_form"]) == ["Tillsvidare", "Visstid"]
    ex = data.exclusions.iloc[0]
    assert (ex["column"], ex["value"], ex["reason"]) == ("Ansvarstillägg", "-5", "invalid_pay")


def test_unit_path_joined_from_two_columns_and_extra_columns_kept(write):
    text = (
        "Anst.nr;Kön;Förvaltning;Enhet;Befattningskod;Månadslön heltid;Utbildningsår;Division\n"
        "1;K;Socialförvaltningen;Administration;x;30000;3;N\n"
        "2;M;Kommunledningsförvaltningen;Administration;x;30000;4,5;S\n"
    )
    cols = SV | {"unit_path": ["Förvaltning", "Enhet"]}
    data = load_pay_data(write("pay.csv", text), columns=cols, values=SV_VALUES)
    assert data.unit_column == "unit_path"
    assert list(data.frame["unit_path"]) == [
        "Socialförvaltningen/Administration",
        "Kommunledningsförvaltningen/Administration",
    ]
    # unmapped columns keep their names; all-numeric ones become numbers
    assert list(data.frame["Utbildningsår"]) == [3.0, 4.5]
    assert list(data.frame["Division"]) == ["N", "S"]


def test_header_matching_is_forgiving_about_case_and_spaces(write):
    text = " anst.nr ;KÖN;enhet;befattningskod;månadslön HELTID\n1;K;A;x;30000\n"
    data = load_pay_data(write("pay.csv", text), columns=SV, values=SV_VALUES)
    assert data.provenance.rows_kept == 1


def test_missing_header_names_the_key_and_closest(write):
    text = "Anst.nr;Kon;Enhet;Befattningskod;Månadslön heltid\n1;K;A;x;30000\n"
    with pytest.raises(
        SchemaError, match=r"'Kön' \(data.columns.gender\) not found; closest header: 'Kon'"
    ):
        load_pay_data(write("pay.csv", text), columns=SV)


def test_required_column_not_mapped(write):
    with pytest.raises(SchemaError, match="base_salary not mapped"):
        load_pay_data(
            write("pay.csv", SV_TEXT), columns={k: v for k, v in SV.items() if k != "base_salary"}
        )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"just one column\n1\n", "delimiter"),
        ("a;b\n1;2\n".encode("utf-16"), "UTF-16"),
        (b"\x00\x01\x02binary", "not a text file"),
        (b"a;b;c\n1;2;3;4\n", "row 2 has 4 fields"),
    ],
)
def test_unreadable_files_raise_one_line_errors(write, content, message):
    with pytest.raises(PayEquityError, match=message) as info:
        load_pay_data(write("pay.csv", content), columns=SV)
    assert "\n" not in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(DataFileError, match="no such data file"):
        load_pay_data(tmp_path / "nope.csv", columns=SV)


def test_unknown_loader_option_is_named(write):
    with pytest.raises(TypeError, match="did you mean 'delimiter'"):
        load_pay_data(write("pay.csv", SV_TEXT), columns=SV, delimeter=";")


def test_identity_mapping_when_headers_are_canonical(write):
    text = "employee_id,gender,unit,job_code,base_salary\n1,F,A,x,30000\n2,M,A,x,31000\n"
    data = load_pay_data(write("pay.csv", text))
    assert data.provenance.rows_kept == 2
    assert set(data.provenance.mapping) == {
        "employee_id",
        "gender",
        "unit",
        "job_code",
        "base_salary",
    }

"""Personnummer handling (DESIGN §3.1): drop, pseudonymise, mask; never in any output."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from payequity import load_pay_data
from payequity.exceptions import PseudonymKeyError, SchemaError
from payequity.io._personnummer import is_personnummer, mask_text

COLS = {"gender": "Kön", "unit": "Enhet", "job_code": "Kod", "base_salary": "Lön"}
VALUES = {"gender": {"K": "F", "M": "M"}}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("19800101-1234", True),
        ("198001011234", True),
        ("800101-1234", True),
        ("800101+1234", True),  # over 100 years old
        ("8001011234", True),
        ("800161-1234", True),  # samordningsnummer: day + 60
        ("19801301-1234", False),  # month 13
        ("19800230-1234", False),  # 30 February
        ("100001", False),
        ("1234567", False),
        ("2026-09-01", False),
    ],
)
def test_is_personnummer(value, expected):
    assert is_personnummer(value) is expected


def test_mask_text_keeps_the_rest():
    text, n = mask_text("Ring 0701234567 eller se 19800101-1234; anst.nr 100001")
    # 0701234567 has a valid date part (07-01-23): masked too; a phone number is no loss
    assert n == 2
    assert "19800101-1234" not in text
    assert "100001" in text


def test_column_mostly_personnummer_is_dropped_and_recorded(write):
    text = (
        "Anst.nr;Pnr;Kön;Enhet;Kod;Lön;Notering\n"
        "1;19800101-1234;K;A;x;30000;ring 800101-1234\n"
        "2;19750505-4321;M;A;x;31000;\n"
        "3;;K;A;x;32000;ok\n"
    )
    data = load_pay_data(
        write("pay.csv", text), columns=COLS | {"employee_id": "Anst.nr"}, values=VALUES
    )
    assert data.provenance.dropped_columns == ["Pnr"]
    assert "Pnr" not in data.frame.columns
    assert data.frame["Notering"].tolist() == ["ring [personnummer]", "", "ok"]
    flat = data.frame.astype(str).to_csv() + data.warnings.to_csv() + data.exclusions.to_csv()
    assert "1234" not in flat.replace("row-", "")


def test_id_column_of_personnummer_needs_a_key(write, monkeypatch):
    monkeypatch.delenv("PAYEQUITY_PSEUDONYM_KEY", raising=False)
    text = "Pnr;Kön;Enhet;Kod;Lön;Chef\n19800101-1234;K;A;x;30000;19750505-4321\n19750505-4321;M;A;x;40000;\n"
    path = write("pay.csv", text)
    cols = COLS | {"employee_id": "Pnr", "manager_id": "Chef"}
    with pytest.raises(PseudonymKeyError, match=r"'Pnr' \(employee_id\) holds personnummer.*key"):
        load_pay_data(path, columns=cols, values=VALUES)
    data = load_pay_data(path, columns=cols, values=VALUES, pseudonym_key="hemlig")
    want = hmac.new(b"hemlig", b"19800101-1234", hashlib.sha256).hexdigest()[:12]
    boss = hmac.new(b"hemlig", b"19750505-4321", hashlib.sha256).hexdigest()[:12]
    assert data.frame["employee_id"].tolist() == [want, boss]
    assert data.frame["manager_id"].tolist() == [boss, ""]  # links survive pseudonymisation
    assert data.provenance.details["pseudonymised"] == ["employee_id", "manager_id"]
    # the environment variable works as well
    monkeypatch.setenv("PAYEQUITY_PSEUDONYM_KEY", "hemlig\n")
    assert load_pay_data(path, columns=cols, values=VALUES).frame["employee_id"].iloc[0] == want


def test_a_stray_personnummer_as_id_is_not_kept(write):
    text = "Anst.nr;Kön;Enhet;Kod;Lön\n1;K;A;x;30000\n19800101-1234;M;A;x;31000\n3;K;A;x;30500\n"
    data = load_pay_data(
        write("pay.csv", text), columns=COLS | {"employee_id": "Anst.nr"}, values=VALUES
    )
    assert data.frame["employee_id"].tolist() == ["1", "row-3", "3"]
    assert set(data.warnings["warning"]) == {"personnummer_masked", "generated_id"}
    assert "1234" not in data.warnings.to_csv()


def test_exclusion_values_are_masked(write):
    text = "Anst.nr;Kön;Enhet;Kod;Lön\n1;19800101-1234;A;x;30000\n2;K;A;x;1\n3;M;A;x;1\n"
    data = load_pay_data(
        write("pay.csv", text), columns=COLS | {"employee_id": "Anst.nr"}, values=VALUES
    )
    assert data.exclusions["value"].tolist() == ["[personnummer]"]


def test_a_required_column_of_personnummer_is_refused(write):
    text = "Anst.nr;Kön;Enhet;Kod;Lön\n1;19800101-1234;A;x;30000\n"
    with pytest.raises(SchemaError, match="'Kön' mapped to gender holds personnummer"):
        load_pay_data(write("pay.csv", text), columns=COLS | {"employee_id": "Anst.nr"})

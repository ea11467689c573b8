"""Property: garbage in CSV cells never escapes as anything but a PayEquityError, loses no row."""

from __future__ import annotations

import csv
import io

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from payequity import load_pay_data
from payequity.exceptions import PayEquityError
from payequity.io import EXCLUSION_REASONS

HEADER = [
    "Anst.nr",
    "Kön",
    "Enhet",
    "Kod",
    "Lön",
    "Syssgrad %",
    "Tillägg",
    "Född",
    "Anställd",
    "Chef",
    "Not",
]
GOOD = ["1", "K", "A", "x", "30000", "100", "0", "1980", "2010-01-01", "Nej", ""]
COLS = {
    "employee_id": "Anst.nr",
    "gender": "Kön",
    "unit": "Enhet",
    "job_code": "Kod",
    "base_salary": "Lön",
    "fte": "Syssgrad %",
    "supplements": "Tillägg",
    "birth_year": "Född",
    "hire_date": "Anställd",
    "is_manager": "Chef",
}

garbage = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=12),
    st.sampled_from(
        [
            "",
            " ",
            ";",
            '"',
            "\n",
            "\r\n",
            "1,5",
            "1.234,5",
            "-1",
            "0",
            "1e309",
            "nan",
            "NaN",
            "inf",
            "19800101-1234",
            "٣٠٠٠٠",
            "３００００",
            "99999999",
            "2026-02-30",
            "00000000",
            "K",
            "M",
            "x",
        ]
    ),
)


@st.composite
def tables(draw):
    n = draw(st.integers(1, 8))
    rows = []
    for i in range(n):
        row = list(GOOD)
        row[0] = str(i + 1)
        for j in draw(st.lists(st.integers(0, len(HEADER) - 1), max_size=5)):
            row[j] = draw(garbage)
        rows.append(row)
    return rows


@pytest.mark.slow
@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=tables())
def test_garbage_cells_are_accounted_for(tmp_path_factory, rows):
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";")  # CRLF: cells with \r or \n get quoted
    writer.writerow(HEADER)
    writer.writerows(rows)
    path = tmp_path_factory.mktemp("g") / "pay.csv"
    path.write_bytes(buf.getvalue().encode("utf-8"))
    try:
        data = load_pay_data(
            path, columns=COLS, values={"gender": {"K": "F", "M": "M"}}, reference_date="2026-09-01"
        )
    except PayEquityError as exc:
        assert "\n" not in str(exc)  # noqa: PT017 - any PayEquityError is an allowed outcome
        return
    p = data.provenance
    blank = sum(1 for r in rows if not any(c.strip() for c in r))
    assert p.rows_read == len(rows) - blank
    assert p.details["blank_rows_skipped"] == blank
    assert p.rows_read == p.rows_kept + p.rows_excluded == len(data.frame) + len(data.exclusions)
    assert set(data.exclusions["reason"]) <= set(EXCLUSION_REASONS)
    assert data.exclusions["source_row"].is_unique
    assert not set(data.exclusions["source_row"]) & set(data.frame.index)
    f = data.frame
    assert np.isfinite(f[["base_salary", "supplements", "fte"]].to_numpy()).all()
    assert ((f["base_salary"] > 0) & (f["fte"] > 0) & (f["fte"] <= 1.5)).all()
    assert set(f["gender"]) <= {"F", "M"}
    assert "19800101-1234" not in (
        f.astype(str).to_csv() + data.exclusions.to_csv() + data.warnings.to_csv()
    )

"""survey.xlsx from the data files: sheets, headers, formats, values, determinism (DESIGN §7)."""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from conftest import shared_dir

from payequity.report._workbook import FORMATS, SHEETS, org_gap_table, write_workbook_tables

TEXT_IDS = [
    "unit",
    "work_group",
    "job_code",
    "employee_id",
    "comparator_job",
    "female_dominated_job",
    "measure_id",
    "item_key",
    "group",
    "comparator",
    "category",
]
KR, PCT = FORMATS["kr"][0], FORMATS["pct"][0]


def _read_csv(path: Path) -> pd.DataFrame:
    if path.stem == "exclusions":
        return pd.read_csv(path, dtype=str)
    return pd.read_csv(path, dtype=dict.fromkeys(TEXT_IDS, str))


@pytest.fixture(scope="module")
def run(sample_run):
    """The sample's run (conftest; data files only: they and ``run.tables`` are the same in a
    full run and at any timestamp)."""
    return sample_run


@pytest.fixture(scope="module")
def tables(run):
    data = run.out_dir / "data"
    found = {p.stem: _read_csv(p) for p in sorted(data.glob("*.csv"))}
    found["org_gap"] = json.loads((data / "org_gap.json").read_text(encoding="utf-8"))
    return found


@pytest.fixture(scope="module")
def book(tables):
    return openpyxl.load_workbook(io.BytesIO(write_workbook_tables(tables)))


def _header(ws) -> list[str]:
    return [c.value for c in ws[1]]


def _same(expected, got) -> bool:
    """A CSV value (as pandas reads it) against the cell value openpyxl reads back."""
    if expected is None or (isinstance(expected, float) and math.isnan(expected)):
        return got is None
    if isinstance(got, dt.datetime):
        return dt.date.fromisoformat(str(expected)[:10]) == got.date()
    if isinstance(expected, bool) or isinstance(got, bool):
        return bool(expected) == got
    return expected == got


def test_a_sheet_per_data_file_named_by_its_stem_after_the_about_sheet(book, tables):
    assert book.sheetnames[0] == "Om"
    assert set(book.sheetnames[1:]) == set(tables)
    known = [s for s in SHEETS if s in tables]
    assert book.sheetnames[1 : len(known) + 1] == known
    about = book["Om"]
    listed = {about.cell(r, 1).value: about.cell(r, 3).value for r in range(4, 4 + len(tables))}
    assert listed["equal_work"] == len(tables["equal_work"])
    assert about.cell(4, 1).hyperlink.location == "'equal_work'!A1"


def test_headers_are_swedish_by_default_and_english_on_request(book, tables):
    assert _header(book["equal_work"])[:4] == ["Enhet", "Arbetsgrupp", "Lönemått", "Antal kvinnor"]
    assert "Medellön kvinnor" in _header(book["equal_work"])
    assert _header(book["org_gap"]) == [
        "Nyckel",
        "Värde",
        "Konfidensintervall, nedre",
        "Konfidensintervall, övre",
    ]
    en = openpyxl.load_workbook(io.BytesIO(write_workbook_tables(tables, language="en")))
    assert en.sheetnames[0] == "About"
    assert _header(en["equal_work"])[:4] == ["Unit", "Work group", "Pay measure", "Women (n)"]
    assert en["equal_work"].cell(2, 6).number_format == FORMATS["kr"][1]
    with pytest.raises(ValueError, match="language"):
        write_workbook_tables(tables, language="de")


def test_every_known_column_has_a_translated_header(book, tables):
    for stem, frame in tables.items():
        if isinstance(frame, pd.DataFrame):
            untranslated = set(frame.columns) & set(_header(book[stem])) - {"Budget", "Status"}
            assert not untranslated, (stem, untranslated)


def test_header_row_is_bold_frozen_and_filterable(book, tables):
    for stem in tables:
        ws = book[stem]
        assert ws.freeze_panes == "A2", stem
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}"
        assert all(c.font.b for c in ws[1]), stem
        assert all(ws.column_dimensions[c.column_letter].width >= 6 for c in ws[1]), stem


def test_cells_hold_the_csv_values_at_full_precision(book, tables):
    for stem, frame in tables.items():
        if not isinstance(frame, pd.DataFrame):
            continue
        ws = book[stem]
        assert ws.max_row == len(frame) + 1, stem
        for j, column in enumerate(frame.columns, start=1):
            got = (
                [c.value for c in next(ws.iter_cols(j, j, 2, len(frame) + 1))] if len(frame) else []
            )
            bad = [(e, g) for e, g in zip(frame[column], got, strict=True) if not _same(e, g)]
            assert not bad, (stem, column, bad[:3])


def test_numbers_are_numbers_with_swedish_formats(book, tables):
    ew = tables["equal_work"]
    cols = {name: i for i, name in enumerate(ew.columns, start=1)}
    ws = book["equal_work"]
    for name, fmt in [
        ("mean_women", KR),
        ("median_men", KR),
        ("p90_men", KR),
        ("women_pct_of_men", PCT),
        ("adjusted_gap_pct", PCT),
        ("ci_low", PCT),
        ("p_value", "0.0000"),
        ("p_adjusted", "0.0000"),
        ("n_women", "0"),
    ]:
        cells = [ws.cell(r, cols[name]) for r in range(2, ws.max_row + 1)]
        filled = [c for c in cells if c.value is not None]
        assert filled, name
        assert all(c.data_type == "n" and c.number_format == fmt for c in filled), name
    assert ws.cell(2, cols["mean_women"]).value == ew["mean_women"].iloc[0]
    assert ws.cell(2, cols["flagged"]).data_type == "b"
    assert ws.cell(2, cols["work_group"]).data_type == "s"  # codes stay text
    job = book["job_evaluation"]
    share = _header(job).index("Andel kvinnor") + 1
    assert job.cell(2, share).number_format == "0.0 %"  # a 0–1 fraction: Excel's own percent
    assert 0 <= job.cell(2, share).value <= 1
    plan = book["action_plan"]
    head = _header(plan)
    row = {h: plan.cell(2, i).value for i, h in enumerate(head, start=1)}
    fmt = {h: plan.cell(2, i).number_format for i, h in enumerate(head, start=1)}
    assert row["År"] == tables["action_plan"]["year"].iloc[0] and fmt["År"] == "0"
    assert fmt["Kostnad per år"] == KR and fmt["Summa sysselsättningsgrad"] == "0.00"
    eu = book["eu_indicators"]
    assert eu.cell(2, 7).number_format == PCT
    assert eu.cell(2, 7).value == tables["eu_indicators"]["value"].iloc[0]
    date = book["samverkan"].cell(2, 1)
    assert date.is_date and date.number_format == "yyyy-mm-dd"


def test_org_gap_is_a_key_value_sheet_with_the_oaxaca_terms(book, tables):
    ws = book["org_gap"]
    rows = {r[0].value: r for r in ws.iter_rows(min_row=2)}
    gap = tables["org_gap"]
    assert rows["adjusted_gap_pct"][1].value == gap["adjusted_gap_pct"]
    assert rows["adjusted_gap_pct"][1].number_format == PCT
    assert rows["p_value"][1].number_format == "0.0000"
    assert rows["n"][1].value == gap["n"] and rows["n"][1].number_format == "0"
    assert rows["controls"][1].value == ", ".join(gap["controls"])
    assert rows["oaxaca.explained"][1].value == gap["oaxaca"]["explained"]
    term = gap["oaxaca"]["table"][0]
    cells = rows[f"oaxaca.{term['component']}.{term['term']}"]
    assert [c.value for c in cells[1:]] == [term["value"], term["ci_low"], term["ci_high"]]
    assert list(org_gap_table(gap)["key"])[:3] == [
        "raw_mean_gap_pct",
        "raw_median_gap_pct",
        "adjusted_gap_pct",
    ]


def test_empty_tables_give_a_header_only_sheet(book, tables):
    assert tables["exclusions"].empty
    assert book["exclusions"].max_row == 1
    assert _header(book["exclusions"]) == [
        "Rad i källfilen",
        "Anställnings-id",
        "Kolumn",
        "Värde",
        "Orsak",
    ]
    empty = pd.DataFrame(columns=["measure_id", "planned", "realised", "status"])
    ws = openpyxl.load_workbook(io.BytesIO(write_workbook_tables({"follow_up": empty})))[
        "follow_up"
    ]
    assert ws.max_row == 1 and ws.freeze_panes == "A2"


def test_follow_up_unknown_columns_and_awkward_values():
    follow = pd.DataFrame(
        {
            "measure_id": ["2025-person-7"],
            "planned": [3.5],
            "realised": [1.25],
            "status": ["partly"],
            "extra_col": ["=1+1"],
            "n_things": [4.0],
            "ratio": [float("inf")],
            "flagged": ["True"],
        }
    )
    other = pd.DataFrame({"when": pd.to_datetime(["2026-01-02"]), "x": [1.5]})
    book = openpyxl.load_workbook(
        io.BytesIO(
            write_workbook_tables(
                {"zzz_custom": other, "follow_up": follow}, notes={"follow_up": "Från förra året"}
            )
        )
    )
    assert book.sheetnames == ["Om", "follow_up", "zzz_custom"]
    ws = book["follow_up"]
    assert _header(ws)[:4] == ["Åtgärds-id", "Planerad höjning", "Genomförd höjning", "Status"]
    assert ws["B2"].value == 3.5 and ws["B2"].number_format == PCT
    assert ws["E1"].value == "extra_col"
    assert ws["E2"].value == "=1+1" and ws["E2"].data_type == "s"  # text, never a formula
    assert ws["F2"].value == 4 and ws["F2"].number_format == "0"
    assert ws["G2"].value is None  # inf: no value Excel could hold
    assert ws["H2"].value is True
    custom = book["zzz_custom"]
    assert _header(custom) == ["when", "x"] and custom["A2"].is_date
    assert book["Om"]["D4"].value == "Från förra året"


def test_same_tables_give_the_same_bytes(tables, tmp_path):
    first = write_workbook_tables(tables, tmp_path / "survey.xlsx", title="Sundby kommun 2026")
    assert first == write_workbook_tables(tables, title="Sundby kommun 2026")
    assert (tmp_path / "survey.xlsx").read_bytes() == first
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {i.date_time for i in z.infolist()} == {(2000, 1, 1, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode()
    assert "2000-01-01T00:00:00Z" in core and "Sundby kommun 2026" in core
    later = dt.datetime(2026, 10, 30, 12, tzinfo=dt.UTC)
    stamped = write_workbook_tables(tables, created=later)
    assert stamped == write_workbook_tables(tables, created=later) != first
    with zipfile.ZipFile(io.BytesIO(stamped)) as z:
        assert "2026-10-30T12:00:00Z" in z.read("docProps/core.xml").decode()


def test_tables_in_memory_give_the_values_of_the_csv_files(run, book):
    memory = dict(run.tables)
    memory["org_gap"] = run.results["org_gap"]
    direct = openpyxl.load_workbook(io.BytesIO(write_workbook_tables(memory)))
    assert direct.sheetnames == book.sheetnames
    for stem in book.sheetnames:
        got = [[c.value for c in row] for row in direct[stem].iter_rows()]
        want = [[c.value for c in row] for row in book[stem].iter_rows()]
        assert got == want, stem


def test_output_folder_with_the_workbook_meets_the_contract(run, tables, tmp_path):
    tool = shared_dir() / "tools" / "check_contract.py"
    if not tool.exists():
        pytest.skip(f"{tool} not found")
    shutil.copytree(run.out_dir / "data", tmp_path / "data")
    write_workbook_tables(tables, tmp_path / "survey.xlsx")
    done = subprocess.run(
        [sys.executable, str(tool), str(tmp_path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 contract problems" in done.stdout


def test_every_sheet_prints_landscape_one_page_wide():
    table = pd.DataFrame({"unit": ["A"] * 3, "work_group": ["1", "2", "3"], "flagged": [True] * 3})
    book = openpyxl.load_workbook(io.BytesIO(write_workbook_tables({"equal_work": table})))
    for ws in book.worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0, ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
    assert book["equal_work"].print_title_rows == "$1:$1"

"""The manager's salary-review workbook: sheets, rows, formats, totals, notes, language, bytes."""

from __future__ import annotations

import datetime as dt
import io
import math

import numpy as np
import openpyxl
import pandas as pd
import pytest

from payequity.report._manager_workbook import manager_workbook
from payequity.report._workbook import FORMATS, _lines

CREATED = dt.datetime(2026, 3, 1, 8, 30, tzinfo=dt.UTC)
KR, PCT = FORMATS["kr"][0], FORMATS["pct"][0]
SV = KR[: KR.index("]") + 1] if KR.startswith("[$") else ""  # the house Swedish locale prefix
# long Swedish header words are broken by hand where Swedish breaks them
ID, FTE = "Anställnings-\nnummer", "Sysselsätt-\nningsgrad"
CRITERIA = [
    {
        "id": "results",
        "name": "Resultat och måluppfyllelse",
        "name_en": "Results and goals",
        "description": "Når uppsatta mål.",
        "description_en": "Reaches the goals set.",
        "weight": 0.6,
        "applies_to": "all",
    },
    {
        "id": "leadership",
        "name": "Ledarskap",
        "name_en": "Leadership",
        "description": "Leder och utvecklar.",
        "description_en": "Leads and develops.",
        "weight": 0.4,
        "applies_to": "managers",
    },
]


def _rows() -> pd.DataFrame:
    """Four employments, deliberately unsorted: rated, not rated, capped, not eligible."""
    nan = np.nan
    return pd.DataFrame(
        {
            "unit": ["Skola B", "Skola A", "Skola A", "Skola A"],
            "employee_id": ["103", "102", "101", "104"],
            "job_code": ["ADM", "LAR", "LAR", "ADM"],
            "gender": ["F", "M", "F", "M"],
            "fte": [0.5, 0.75, 1.0, 1.0],
            "manager": ["C1"] * 4,
            "eligible": [True, True, True, False],
            "reason": ["", "", "", "Visstid"],
            "rating": [3.6, nan, 2.6, nan],
            "rating_level": pd.array([4, 2, 3, pd.NA], dtype="Int64"),
            "rated": ["all", "none", "all", "none"],
            "compa_ratio": [1.123, 0.951, 0.876, 1.0],
            "cr_band": ["high", "mid", "low", "mid"],
            "multiplier": [1.2, 1.0, 1.4, nan],
            "base_salary": [35000, 30000, 28000, 31000],
            "plan_adjustment": [500, 0, 0, 0],
            "merit_raise": [700, 600, 950, 0],
            "raise": [1200, 600, 950, 0],
            "raise_pct": [100 * 1200 / 35000, 2.0, 100 * 950 / 28000, 0.0],
            "new_base_salary": [36200, 30600, 28950, 31000],
            "cost": [600.0, 450.0, 950.0, 0.0],
            "notes": ["capped;plan", "not_rated", "", "not_eligible"],
            "rating_results": [4.0, nan, 3.0, nan],
            "rating_leadership": [3.0, nan, nan, nan],
            "job_title": ["Administratör", "Lärare", "Lärare", "Administratör"],
        }
    )


def _checks() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "unit": ["Skola A", "Skola C"],
            "check": ["raise_gap", "raise_gap"],
            "subject": ["LAR", "LAR"],
            "message": ["Women get 1.2 pp less than men", "Other unit"],
            "message_sv": ["Kvinnor får 1,2 procentenheter mindre än män", "Annan enhet"],
        }
    )


def _book(language="sv", checks=None, rows=None, created=CREATED) -> bytes:
    return manager_workbook(
        _rows() if rows is None else rows,
        manager="C1",
        criteria=CRITERIA,
        checks=_checks() if checks is None else checks,
        organisation="Exempelkommun",
        year=2026,
        language=language,
        created=created,
    )


def _open(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def _table(ws) -> tuple[list[str], list[list]]:
    """Header and data rows of sheet 1 (the data ends at the first blank row)."""
    head = [c.value for c in ws[1]]
    body = []
    for row in ws.iter_rows(min_row=2):
        if all(c.value is None for c in row):
            break
        body.append(list(row))
    return head, body


def _column(ws, name: str) -> list:
    head, body = _table(ws)
    return [r[head.index(name)] for r in body]


@pytest.fixture(scope="module")
def sv() -> openpyxl.Workbook:
    return _open(_book())


@pytest.fixture(scope="module")
def en() -> openpyxl.Workbook:
    return _open(_book("en"))


def test_sheet_names(sv, en):
    assert sv.sheetnames == ["Lönerevision", "Kriterier", "Kontroller", "Om"]
    assert en.sheetnames == ["Salary review", "Criteria", "Checks", "About"]


def test_exactly_these_employees_sorted(sv):
    ids = [c.value for c in _column(sv["Lönerevision"], ID)]
    assert ids == ["104", "101", "102", "103"]  # unit, job_code, employee_id
    assert all(c.data_type == "s" for c in _column(sv["Lönerevision"], ID))


def test_swedish_headers_in_order(sv):
    head, _ = _table(sv["Lönerevision"])
    assert head == [
        "Enhet",
        ID,
        "Befattningskod",
        "Befattning",
        "Kön",
        FTE,
        "Resultat och måluppfyllelse",
        "Ledarskap",
        "Samlad bedömning",
        "Nivå",
        "Lön i % av befatt-\nningens median",
        "Nuvarande lön",
        "Åtgärd lönekart-\nläggning",
        "Föreslagen höjning",
        "Höjning %",
        "Ny lön",
        "Noteringar",
        "Din motivering",
    ]
    ws = sv["Lönerevision"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:R5"


def test_english_headers(en):
    head, _ = _table(en["Salary review"])
    assert head[:6] == ["Unit", "Employee ID", "Job code", "Job title", "Gender", "FTE"]
    assert head[6:8] == ["Results and goals", "Leadership"]
    assert head[8:] == [
        "Overall rating",
        "Level",
        "Pay as % of the job's median",
        "Current salary",
        "Pay survey adjustment",
        "Proposed raise",
        "Raise %",
        "New salary",
        "Notes",
        "Your reasoning",
    ]
    # one gender code set in every workbook (_vocabulary.GENDER): words, not K/F/M
    assert [c.value for c in _column(en["Salary review"], "Gender")] == [
        "Man",
        "Woman",
        "Man",
        "Woman",
    ]
    assert _column(en["Salary review"], "Current salary")[0].number_format == FORMATS["kr"][1]


def test_no_job_title_column_without_job_titles():
    ws = _open(_book(rows=_rows().drop(columns="job_title")))["Lönerevision"]
    head, _ = _table(ws)
    assert "Befattning" not in head and head[3] == "Kön"


def test_numbers_are_numeric_with_formats(sv):
    ws = sv["Lönerevision"]
    # "Ny lön" and "Höjning %" are formulas of the raise now (tests/test_manager_workbook_excel.py
    # checks their references and values); they keep the kronor and percent formats
    for name, fmt in (("Ny lön", KR), ("Höjning %", PCT)):
        cells = _column(ws, name)
        assert cells and all(str(c.value).startswith("=") for c in cells), name
        assert all(c.number_format == fmt for c in cells), name
    expected = {
        "Nuvarande lön": KR,
        "Åtgärd lönekart-\nläggning": KR,
        "Föreslagen höjning": KR,
        "Samlad bedömning": FORMATS["dec"][0],
        "Lön i % av befatt-\nningens median": PCT,  # on the 0–100 scale: "87,6 %"
        FTE: SV + "0 %",  # the house share format, whole percent
    }
    for name, fmt in expected.items():
        cells = [c for c in _column(ws, name) if c.value is not None]
        assert cells, name
        for cell in cells:
            assert isinstance(cell.value, int | float) and not isinstance(cell.value, bool), name
            assert cell.number_format == fmt, name
    by_id = {r[1].value: r for r in _table(ws)[1]}
    head = _table(ws)[0]
    row = by_id["103"]
    assert row[head.index(FTE)].value == 0.5
    assert row[head.index("Lön i % av befatt-\nningens median")].value == pytest.approx(112.3)
    assert row[head.index("Höjning %")].value == "=100*N5/L5"  # 100 · 1200 / 35000
    assert row[head.index("Resultat och måluppfyllelse")].value == 4
    assert row[head.index("Resultat och måluppfyllelse")].number_format == FORMATS["int"][0]
    assert row[head.index("Nivå")].value == 4
    assert row[head.index("Kön")].value == "Kvinna"
    # not rated: no ratings, no overall score, the expected level; not eligible: no level
    assert by_id["102"][head.index("Samlad bedömning")].value is None
    assert by_id["102"][head.index("Ledarskap")].value is None
    assert by_id["102"][head.index("Nivå")].value == 2
    assert by_id["104"][head.index("Nivå")].value is None


def test_total_row_is_cost_per_month_by_hand(sv, en):
    by_hand = 1200 * 0.5 + 600 * 0.75 + 950 * 1.0 + 0 * 1.0  # = 2000.0
    for book, sheet, label in (
        (sv, "Lönerevision", "Kostnad/månad"),
        (en, "Salary review", "Cost/month"),
    ):
        ws = book[sheet]
        head, _ = _table(ws)
        col = head.index("Föreslagen höjning" if book is sv else "Proposed raise") + 1
        assert all(ws.cell(6, j).value is None for j in range(1, len(head) + 1))  # blank row
        assert ws.cell(8, 1).value.startswith(label)
        # a formula now (Σ raise × FTE over the four rows), so an edit recalculates; its value
        # by hand is checked against the cells in tests/test_manager_workbook_excel.py
        assert ws.cell(8, col).value == "=SUMPRODUCT(N2:N5,F2:F5)"
        raises = [ws.cell(r, col).value for r in range(2, 6)]
        ftes = [ws.cell(r, head.index(FTE if book is sv else "FTE") + 1).value for r in range(2, 6)]
        assert sum(r * f for r, f in zip(raises, ftes, strict=True)) == pytest.approx(by_hand)
        assert ws.cell(8, col).number_format == FORMATS["kr"][book is en]
        assert ws.cell(7, col).value == "=COUNTA(B2:B5)"
        assert all(ws.cell(r, j).value is None for r in (7, 8) for j in range(2, col))


def test_notes_translated(sv, en):
    notes = {c.value for c in _column(sv["Lönerevision"], "Noteringar")}
    assert notes == {"tak, åtgärd enligt handlingsplan", "ej bedömd", None, "omfattas ej (Visstid)"}
    notes_en = [c.value for c in _column(en["Salary review"], "Notes")]
    assert notes_en == ["not eligible (Visstid)", None, "not rated", "capped, action plan measure"]


def test_criteria_sheet(sv, en):
    # no Id column (the ratings file's header is HR's business); weights in % of the criteria
    # that apply to a person: staff are rated on results alone, managers on both (0.6 : 0.4)
    ws = sv["Kriterier"]
    assert [c.value for c in ws[1]] == [
        "Kriterium",
        "Beskrivning",
        "Gäller",
        "Vikt för medarbetare",
        "Vikt för chefer",
    ]
    assert [c.value for c in ws[2]] == [
        "Resultat och måluppfyllelse",
        "Når uppsatta mål.",
        "alla",
        100.0,
        60.0,
    ]
    assert [c.value for c in ws[3]] == ["Ledarskap", "Leder och utvecklar.", "chefer", None, 40.0]
    assert ws["E3"].number_format == SV + '0" %"'  # "40 %", whole percent
    assert ws["D2"].number_format == SV + '0" %"'  # "100 %"
    shown = " ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)
    assert "results" not in shown and "leadership" not in shown and "Id " not in shown
    assert "100 %" in shown  # the note: the weights add up to 100 %
    assert [c.value for c in en["Criteria"][3]] == [
        "Leadership",
        "Leads and develops.",
        "managers",
        None,
        40.0,
    ]


def test_checks_sheet_shows_only_these_units(sv, en):
    ws = sv["Kontroller"]
    assert "innan beslut" in ws["A2"].value and "chef" in ws["A3"].value
    assert ws["A4"].value == (
        "Kontrollerna gäller förslaget som HR skickade; HR gör dem igen när du har lämnat "
        "tillbaka filen."
    )
    assert [c.value for c in ws[7]] == [
        "Gäller dina medarbetare",
        "Enhet",
        "Kontroll",
        "Avser",
        "Meddelande",
    ]
    assert [c.value for c in ws[8]] == [
        "Ja",  # Lärare (LAR) in Skola A: the manager's own staff
        "Skola A",
        "raise_gap",  # not a check the review knows: left as it is
        "Lärare (LAR)",  # a job code in words with the title of rows["job_title"]
        "Kvinnor får 1,2 procentenheter mindre än män",
    ]
    assert ws.max_row == 8  # Skola C is not this manager's
    assert en["Checks"]["E8"].value == "Women get 1.2 pp less than men"
    assert en["Checks"]["A4"].value.startswith("The checks are of the proposal HR sent you")
    assert "before" in en["Checks"]["A2"].value and "manager" in en["Checks"]["A3"].value


def test_checks_sheet_when_nothing_flagged():
    empty = pd.DataFrame(columns=["unit", "check", "subject", "message", "message_sv"])
    ws = _open(_book(checks=empty))["Kontroller"]
    assert ws["A7"].value == "Jämställdhetskontrollen flaggade ingenting i dina enheter."
    ws = _open(_book("en", checks=empty))["Checks"]
    assert ws["A7"].value == "The gender check flagged nothing in your units."


def test_about_sheet(sv, en):
    ws = sv["Om"]
    facts = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(3, 9)}
    assert facts["Organisation"] == "Exempelkommun" and facts["År"] == 2026
    assert facts["Chef (id)"] == "C1" and facts["Antal medarbetare"] == 4
    assert facts["Skapad"] == dt.datetime(2026, 3, 1, 9, 30)  # 08:30 UTC in Swedish time
    assert ws["B8"].number_format == "yyyy-mm-dd hh:mm"  # no "UTC" after it
    text = " ".join(str(c.value) for row in ws.iter_rows(min_row=9) for c in row if c.value)
    assert "dialog med HR" in text and "Inget är beslutat" in text
    text_en = " ".join(str(c.value) for row in en["About"].iter_rows() for c in row if c.value)
    assert "dialogue with HR" in text_en and "Nothing is decided" in text_en


def test_deterministic_bytes():
    assert _book() == _book()
    assert _book("en") == _book("en")
    assert _book() != _book(created=CREATED + dt.timedelta(days=1))


def test_column_widths_fit_headers(sv, en):
    for ws in (sv["Lönerevision"], en["Salary review"]):
        height = ws.row_dimensions[1].height
        lines = max(2, int(height // 15) - 1)  # the upright criteria make the header row tall
        assert lines >= 5, height
        for cell in ws[1]:
            if cell.alignment.text_rotation == 90:  # a criterion, upright over its ratings
                continue
            width = ws.column_dimensions[cell.column_letter].width
            longest = max(len(w) for w in cell.value.split())
            assert width >= longest + 2, cell.value
            assert width >= min(len(cell.value), math.ceil(len(cell.value) / lines) + 2), cell.value
            assert 15 * _lines(cell.value, width) <= height, cell.value


def test_empty_rows_and_bad_language():
    ws = _open(_book(rows=_rows().iloc[0:0]))["Lönerevision"]
    assert ws.cell(4, 14).value == 0 and ws.cell(3, 14).value == 0
    with pytest.raises(ValueError, match="language"):
        _book("de")

"""The manager's workbook in a spreadsheet program: what the manager may edit, the formulas that
recalculate, protection, validation, headers, checks in words, print settings, and the round
trip of an edited workbook through ``review.proposals``.

openpyxl writes formulas without cached results, so the formulas are evaluated here by a small
evaluator of the few forms the workbook uses, from the cells they reference, and compared with
the values the review computed in Python.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

import payequity as pe
from payequity.exceptions import SchemaError
from payequity.report._manager_workbook import _lines, manager_workbook
from payequity.report._workbook import FORMATS
from payequity.review._proposals import load_proposals

CREATED = dt.datetime(2026, 3, 1, 8, 30, tzinfo=dt.UTC)
CRITERIA = [
    {
        "id": "results",
        "name": "Resultat och måluppfyllelse",
        "name_en": "Results and goals",
        "description": "Når uppsatta mål.",
        "description_en": "Reaches the goals set.",
        "weight": 0.5,
        "applies_to": "all",
    },
    {
        "id": "citizen_focus",
        "name": "Brukar- och medborgarfokus, bemötande",
        "name_en": "Focus on users and citizens, manner",
        "description": "Bemöter brukare med respekt.",
        "description_en": "Treats users with respect.",
        "weight": 0.25,
        "applies_to": "all",
    },
    {
        "id": "cooperation",
        "name": "Samarbete och kommunikation",
        "name_en": "Cooperation and communication",
        "description": "Samarbetar.",
        "description_en": "Cooperates.",
        "weight": 0.25,
        "applies_to": "all",
    },
]


def _rows() -> pd.DataFrame:
    """Four employments of two units; two have an action-plan adjustment in their raise."""
    nan = np.nan
    base = [28000.0, 30500.0, 35000.0, 31000.0]
    plan = [700, 0, 500, 0]
    need = [1000.0, 0.0, 500.0, 0.0]  # the plan's whole adjustment: 101 gets part of it now
    merit = [600, 950, 700, 0]
    fte = [1.0, 0.75, 0.5, 1.0]
    raises = [p + m for p, m in zip(plan, merit, strict=True)]
    return pd.DataFrame(
        {
            "unit": ["Omsorg/Hemtjänst Öster", "Omsorg/Hemtjänst Öster", "Skola A", "Skola A"],
            "employee_id": ["101", "102", "103", "104"],
            "job_code": ["152010", "152010", "LAR", "ADM"],
            "job_title": ["Undersköterska", "Undersköterska", "Lärare", "Administratör"],
            "gender": ["F", "M", "F", "M"],
            "fte": fte,
            "manager": ["C1"] * 4,
            "eligible": [True, True, True, False],
            "reason": ["", "", "", "employment_form = Visstid"],
            "rating": [2.5, 3.0, 3.75, nan],
            "rating_level": pd.array([3, 3, 4, pd.NA], dtype="Int64"),
            "rated": ["all", "all", "all", "none"],
            "compa_ratio": [0.9, 1.05, 1.1, 1.0],
            "cr_band": ["mid", "mid", "mid", "mid"],
            "multiplier": [1.0, 1.0, 1.2, nan],
            "base_salary": base,
            "plan_adjustment": plan,
            "plan_need": need,
            "merit_raise": merit,
            "raise": raises,
            "raise_pct": [100 * r / b for r, b in zip(raises, base, strict=True)],
            "new_base_salary": [b + r for b, r in zip(base, raises, strict=True)],
            "cost": [r * f for r, f in zip(raises, fte, strict=True)],
            "notes": ["plan", "", "plan", "not_eligible"],
            "rating_results": [3.0, 3.0, 4.0, nan],
            "rating_citizen_focus": [2.0, 3.0, 4.0, nan],
            "rating_cooperation": [2.0, 3.0, 3.0, nan],
        }
    )


def _checks() -> pd.DataFrame:
    """Every form of subject the review writes, and one it does not."""
    subjects = [
        ("", "widens_gap", "/152010/base_salary"),  # equal work, whole organisation
        ("Skola A", "widens_gap", "Skola A/LAR/monthly_pay"),  # equal work in a unit
        ("Skola A", "widens_gap", "Skola A/LAR/ADM/base_salary"),  # equal value in a unit
        ("Skola A", "lower_raise_equal_rating", "LAR"),  # a job code alone
        ("Skola A", "above_median_share", ""),  # no subject
        ("Skola A", "widens_gap", "Skola A/999/base_salary"),  # a job without a title here
        ("Skola A", "widens_gap", "Skola A/LAR/hourly_pay"),  # unknown pay measure: literal
        ("Omsorg/Hemtjänst Öster", "rating_gap", "Omsorg/Hemtjänst Öster/311010/base_salary"),
    ]
    return pd.DataFrame(
        {
            "unit": [u for u, _, _ in subjects],
            "check": [c for _, c, _ in subjects],
            "subject": [s for _, _, s in subjects],
            "message": [f"message {i}" for i in range(len(subjects))],
            "message_sv": [f"meddelande {i}" for i in range(len(subjects))],
        }
    )


def _book(language: str = "sv", rows: pd.DataFrame | None = None, **kw) -> bytes:
    kw = {"criteria": CRITERIA, "checks": _checks(), **kw}
    return manager_workbook(
        _rows() if rows is None else rows,
        manager="C1",
        organisation="Exempelkommun",
        year=2027,
        language=language,
        created=CREATED,
        **kw,
    )


@pytest.fixture(scope="module")
def sv() -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(_book()))


@pytest.fixture(scope="module")
def en() -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(_book("en")))


def _letters(ws) -> dict[str, str]:
    """Header → column letter of sheet 1; a word broken by hand over two lines joined again."""
    return {re.sub(r"-\n", "", str(c.value)): c.column_letter for c in ws[1] if c.value}


_REF = re.compile(r"([A-Z]{1,3})(\d+)")


def _value(ws, ref: str) -> float:
    value = ws[ref].value
    if isinstance(value, str) and value.startswith("="):
        return _evaluate(ws, value)
    return 0.0 if value is None else value


def _cells(ws, area: str) -> list:
    first, last = area.split(":")
    (c1, r1), (c2, r2) = _REF.fullmatch(first).groups(), _REF.fullmatch(last).groups()
    assert c1 == c2, area  # the workbook's ranges are one column each
    return [_value(ws, f"{c1}{r}") for r in range(int(r1), int(r2) + 1)]


def _evaluate(ws, formula: str) -> float:
    """The value of one of the workbook's formulas from the cells it references."""
    body = formula.removeprefix("=")
    if m := re.fullmatch(r"SUMPRODUCT\(([A-Z]+\d+:[A-Z]+\d+),([A-Z]+\d+:[A-Z]+\d+)\)", body):
        a, b = _cells(ws, m[1]), _cells(ws, m[2])
        return sum(x * y for x, y in zip(a, b, strict=True))
    if m := re.fullmatch(r"COUNTA\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)", body):
        values = [ws[f"{m[1]}{r}"].value for r in range(int(m[2]), int(m[4]) + 1)]
        return sum(v not in (None, "") for v in values)
    arithmetic = _REF.sub(lambda r: repr(float(_value(ws, r[0]))), body)
    assert re.fullmatch(r"[\d.+\-*/() e]+", arithmetic), formula
    return eval(arithmetic)  # noqa: S307 - digits and operators only, checked above


def test_the_staff_sheet_stays_first_and_active(sv, en):
    assert sv.sheetnames[0] == "Lönerevision" and sv.active.title == "Lönerevision"
    assert en.sheetnames[0] == "Salary review" and en.active.title == "Salary review"


def test_only_the_proposal_cells_are_unlocked_and_marked(sv):
    for ws in sv.worksheets:
        cells = [c for row in ws.iter_rows() for c in row]  # reading creates no cells
        open_cells = {c.coordinate for c in cells if not c.protection.locked}
        if ws.title == "Lönerevision":
            at = _letters(ws)
            raise_col, reasons = at["Föreslagen höjning"], at["Din motivering"]
            # the raise of everyone taking part (104 is on a fixed-term contract: not eligible),
            # and the manager's reasons beside every row
            taking_part = [r for r in range(2, 6) if ws[f"B{r}"].value != "104"]
            assert len(taking_part) == 3
            assert open_cells == {f"{raise_col}{r}" for r in taking_part} | {
                f"{reasons}{r}" for r in range(2, 6)
            }
            for ref in open_cells:
                assert ws[ref].fill.fgColor.rgb == "00FFF2CC"  # light yellow
            # nothing else on the sheet is yellow
            yellow = {
                c.coordinate
                for c in cells
                if c.fill.fill_type == "solid" and c.fill.fgColor.rgb == "00FFF2CC"
            }
            assert yellow == open_cells
        else:
            assert open_cells == set(), ws.title


def test_every_sheet_is_protected_without_a_password(sv, en):
    for book in (sv, en):
        for ws in book.worksheets:
            p = ws.protection
            assert p.sheet is True and p.password is None, ws.title
            # in SheetProtection True forbids: filtering and sizing are allowed, the rest is not
            assert p.autoFilter is False and p.formatColumns is False and p.formatRows is False
            assert p.sort is True and p.insertRows is True and p.deleteRows is True
            assert p.formatCells is True and p.selectLockedCells is False


def test_the_proposal_range_is_validated_in_the_workbook_language(sv, en):
    for book, sheet, words in (
        (
            sv,
            "Lönerevision",
            ("Föreslagen höjning", "Åtgärd lönekartläggning", "hela", "Nuvarande lön"),
        ),
        (
            en,
            "Salary review",
            ("Proposed raise", "Pay survey adjustment", "whole", "Current salary"),
        ),
    ):
        ws = book[sheet]
        at = _letters(ws)
        rules = ws.data_validations.dataValidation
        assert len(rules) == 1
        rule = rules[0]
        assert str(rule.sqref) == f"{at[words[0]]}2:{at[words[0]]}5"
        assert rule.type == "whole" and rule.operator == "between"
        # at least the row's own plan adjustment (relative to the first cell of the range), at
        # most 30 % of the current salary (never below the plan adjustment)
        assert rule.formula1 == f"{at[words[1]]}2"
        assert rule.formula2 == f"MAX({at[words[1]]}2,0.3*{at[words[3]]}2)"
        assert rule.showInputMessage and rule.showErrorMessage and rule.errorStyle == "stop"
        assert not rule.allowBlank
        assert rule.promptTitle == words[0] and len(rule.promptTitle) <= 32
        assert words[2] in rule.prompt.lower() and len(rule.prompt) <= 255
        assert rule.errorTitle and len(rule.error) <= 255
    assert "Åtgärd lönekartläggning" in sv["Lönerevision"].data_validations.dataValidation[0].error
    assert "kronor" in en["Salary review"].data_validations.dataValidation[0].error


def test_new_pay_and_raise_pct_are_formulas_of_the_row(sv, en):
    rows = _rows()
    for book, sheet, heads in (
        (sv, "Lönerevision", ("Nuvarande lön", "Föreslagen höjning", "Höjning %", "Ny lön")),
        (en, "Salary review", ("Current salary", "Proposed raise", "Raise %", "New salary")),
    ):
        ws = book[sheet]
        at = _letters(ws)
        base, raise_, pct, new = (at[h] for h in heads)
        for r in range(2, 6):
            assert ws[f"{pct}{r}"].value == f"=100*{raise_}{r}/{base}{r}"
            assert ws[f"{new}{r}"].value == f"={base}{r}+{raise_}{r}"
            assert ws[f"{pct}{r}"].number_format == FORMATS["pct"][book is en]
            assert ws[f"{new}{r}"].number_format == FORMATS["kr"][book is en]
            # the value Excel shows equals the review's own number
            expected = rows.set_index("employee_id").loc[ws[f"B{r}"].value]
            assert _evaluate(ws, ws[f"{pct}{r}"].value) == pytest.approx(expected["raise_pct"])
            assert _evaluate(ws, ws[f"{new}{r}"].value) == expected["new_base_salary"]


def test_totals_are_formulas_over_the_table(sv, en):
    rows = _rows()
    cost = float((rows["raise"] * rows["fte"]).sum())
    payroll = float((rows["new_base_salary"] * rows["fte"]).sum())
    assert cost == pytest.approx(1300 + 950 * 0.75 + 1200 * 0.5)  # by hand: 2612.5
    for book, sheet, (raise_head, new_head, fte_head) in (
        (sv, "Lönerevision", ("Föreslagen höjning", "Ny lön", "Sysselsättningsgrad")),
        (en, "Salary review", ("Proposed raise", "New salary", "FTE")),
    ):
        ws = book[sheet]
        at = _letters(ws)
        r, n, f = at[raise_head], at[new_head], at[fte_head]
        assert all(ws.cell(6, j).value is None for j in range(1, ws.max_column + 1))
        assert ws[f"{r}7"].value == "=COUNTA(B2:B5)"
        assert ws[f"{r}8"].value == f"=SUMPRODUCT({r}2:{r}5,{f}2:{f}5)"
        assert ws[f"{n}9"].value == f"=SUMPRODUCT({n}2:{n}5,{f}2:{f}5)"
        assert _evaluate(ws, ws[f"{r}7"].value) == 4
        assert _evaluate(ws, ws[f"{r}8"].value) == pytest.approx(cost)
        assert _evaluate(ws, ws[f"{n}9"].value) == pytest.approx(payroll)
        assert ws[f"{r}8"].number_format == ws[f"{n}9"].number_format == FORMATS["kr"][book is en]
    assert sv["Lönerevision"]["A9"].value.startswith("Lönesumma/månad efter revisionen")


def test_an_edit_changes_what_the_formulas_give(sv):
    book = openpyxl.load_workbook(io.BytesIO(_book()))
    ws = book["Lönerevision"]
    at = _letters(ws)
    ws[f"{at['Föreslagen höjning']}3"] = 2000  # employee 102, base 30 500, FTE 0.75
    assert _evaluate(ws, ws[f"{at['Ny lön']}3"].value) == 32500
    assert _evaluate(ws, ws[f"{at['Höjning %']}3"].value) == pytest.approx(100 * 2000 / 30500)
    assert _evaluate(ws, ws[f"{at['Föreslagen höjning']}8"].value) == pytest.approx(
        1300 + 2000 * 0.75 + 1200 * 0.5
    )


@pytest.mark.parametrize("language", ["sv", "en"])
def test_headers_are_never_clipped(language):
    book = openpyxl.load_workbook(io.BytesIO(_book(language)))
    rows = [(book.worksheets[0], 1), (book.worksheets[1], 1), (book.worksheets[2], 7)]
    upright = 0
    for ws, r in rows:
        height = ws.row_dimensions[r].height or 15
        for cell in ws[r]:
            if cell.value is None:
                continue
            width = ws.column_dimensions[cell.column_letter].width
            text = str(cell.value)
            assert cell.alignment.wrap_text, (ws.title, text)
            if cell.alignment.text_rotation == 90:  # a criterion upright over its ratings:
                upright += 1  # its lines run up the row's height, side by side across the column
                line = max(16, *(len(w) for w in text.split()))
                assert height >= 6.5 * line + 16, (text, height)  # room for the filter button
                assert width >= 3 * _lines(text, line + 2) and width <= 10, (text, width)
                continue
            lines = _lines(text, width)
            assert width >= max(len(w) for w in text.split()) + 2, (ws.title, text)
            assert (width - 2) * lines >= len(text), (ws.title, text)
            assert height >= 15 * lines, (ws.title, text, height, lines)
    assert upright == len(CRITERIA)
    head = [c.value for c in book.worksheets[0][1]]
    names = [c["name_en" if language == "en" else "name"] for c in CRITERIA]
    assert all(name in head for name in names)
    assert book.worksheets[0].row_dimensions[1].height >= 30  # the long names take two lines


def test_the_lines_estimate_wraps_word_by_word():
    assert _lines("Ny lön", 10) == 1
    assert _lines("Resultat och måluppfyllelse", 17) == 2  # "Resultat och" / "måluppfyllelse"
    assert _lines("Brukar- och medborgarfokus, bemötande", 17) == 3
    assert _lines("x" * 25, 12) == 3  # a word wider than the column breaks inside
    assert _lines("", 10) == 1


def test_checks_are_in_words_with_job_titles(sv, en):
    ws = sv["Kontroller"]
    assert [c.value for c in ws[7]] == [
        "Gäller dina medarbetare",
        "Enhet",
        "Kontroll",
        "Avser",
        "Meddelande",
    ]
    table = [[c.value for c in row] for row in ws.iter_rows(min_row=8, min_col=2, max_col=4)]
    # the manager's own flags first (job 152010, LAR, ADM and the unit Skola A are theirs),
    # then the others in the review's order; units by their own name
    assert table == [
        [
            "Hela organisationen",
            "Ökar en oförklarad skillnad",
            "Undersköterska (152010), grundlön, hela organisationen",
        ],
        ["Skola A", "Ökar en oförklarad skillnad", "Lärare (LAR), månadslön"],
        [
            "Skola A",
            "Ökar en oförklarad skillnad",
            "Lärare (LAR) jämfört med Administratör (ADM), grundlön",
        ],
        ["Skola A", "Lägre höjning för kvinnor vid samma bedömning", "Lärare (LAR)"],
        ["Skola A", "Andel över medianhöjningen", None],
        ["Skola A", "Ökar en oförklarad skillnad", "Skola A/LAR/hourly_pay"],
        ["Skola A", "Ökar en oförklarad skillnad", "999, grundlön"],
        ["Hemtjänst Öster", "Bedömningarna skiljer sig mellan könen", "311010, grundlön"],
    ]
    assert [c.value for c in ws["E"][7:9]] == ["Meddelande 0", "Meddelande 1"]
    en_table = [
        [c.value for c in row] for row in en["Checks"].iter_rows(min_row=8, min_col=2, max_col=4)
    ]
    assert en_table[0] == [
        "Whole organisation",
        "Widens an unexplained gap",
        "Undersköterska (152010), base salary, whole organisation",  # titles as in the data
    ]
    assert en_table[2][2] == "Lärare (LAR) compared with Administratör (ADM), base salary"
    assert en_table[3][1] == "Lower raises for women at equal rating"
    # no raw key or code word is left where the review wrote one of its forms
    shown = " ".join(str(v) for row in table[:5] + table[6:] for v in row)
    assert "base_salary" not in shown and "monthly_pay" not in shown and "/152010/" not in shown


def test_job_titles_of_jobs_outside_the_staff_come_from_job_titles():
    book = openpyxl.load_workbook(
        io.BytesIO(_book(job_titles={"311010": "Sjuksköterska", "LAR": "Annan titel"}))
    )
    subjects = [c.value for c in book["Kontroller"]["D"][7:]]
    assert subjects[-1] == "Sjuksköterska (311010), grundlön"
    assert subjects[1] == "Lärare (LAR), månadslön"  # the staff's own titles come first


def test_gender_is_one_code_set_across_workbooks(sv, en):
    from payequity.report._vocabulary import GENDER

    at = _letters(sv["Lönerevision"])
    genders = [sv["Lönerevision"][f"{at['Kön']}{r}"].value for r in range(2, 6)]
    # rows sorted by unit, job code, id: 101 F, 102 M, 104 M (ADM), 103 F (LAR)
    assert genders == [GENDER["F"][0], GENDER["M"][0], GENDER["M"][0], GENDER["F"][0]]
    assert genders == ["Kvinna", "Man", "Man", "Kvinna"]
    at = _letters(en["Salary review"])
    assert en["Salary review"][f"{at['Gender']}2"].value == "Woman"


def test_print_setup_on_every_sheet(sv, en):
    titles = {"Lönerevision": "$1:$1", "Kriterier": "$1:$1", "Kontroller": "$7:$7", "Om": None}
    for book in (sv, en):
        for ws, title_rows in zip(book.worksheets, titles.values(), strict=True):
            s = ws.page_setup
            assert s.orientation == "landscape" and str(s.paperSize) == ws.PAPERSIZE_A4, ws.title
            assert s.fitToWidth == 1 and s.fitToHeight == 0, ws.title
            assert ws.sheet_properties.pageSetUpPr.fitToPage is True, ws.title
            assert ws.print_title_rows == title_rows, ws.title
            # 0.4 inches left and right: 277 mm of the page print
            assert ws.page_margins.left == ws.page_margins.right == 0.4, ws.title
            assert "C1, Exempelkommun" in ws.oddHeader.center.text, ws.title


def test_the_about_sheet_explains_the_yellow_cells_and_the_rule(sv, en):
    text = " ".join(str(c.value) for row in sv["Om"].iter_rows() for c in row if c.value)
    assert "gula cellerna" in text and "Föreslagen höjning" in text
    assert "Åtgärd lönekartläggning" in text and "inte vara lägre" in text
    assert "formler" in text and "utan lösenord" in text
    legend = next(c for row in sv["Om"].iter_rows() for c in row if c.value == "Gul cell")
    assert legend.fill.fgColor.rgb == "00FFF2CC"
    text_en = " ".join(str(c.value) for row in en["About"].iter_rows() for c in row if c.value)
    assert "yellow cells" in text_en and "without a password" in text_en


def test_still_byte_reproducible():
    assert _book() == _book() and _book("en") == _book("en")


def _frame() -> pd.DataFrame:
    rows = _rows()
    return rows[["employee_id", "job_code", "base_salary"]]


def _edit(data: bytes, path: Path, raises: dict[str, int]) -> Path:
    """Change the proposed raise of some employees with openpyxl, as a manager would in Excel."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    ws = book.worksheets[0]
    head = [c.value for c in ws[1]]
    col = next(i for i, h in enumerate(head, 1) if h in ("Föreslagen höjning", "Proposed raise"))
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, 2).value in raises:
            ws.cell(r, col).value = raises[ws.cell(r, 2).value]
    book.save(path)
    return path


@pytest.mark.parametrize("language", ["sv", "en"])
def test_an_edited_workbook_reads_back_as_proposals(tmp_path, language):
    edits = {"101": 2100, "103": 500}
    path = _edit(_book(language), tmp_path / "c1.xlsx", edits)
    got = load_proposals(path, _frame())
    expected = _rows()["raise"].astype(float).tolist()
    expected[0], expected[2] = 2100.0, 500.0
    assert got.tolist() == expected  # the edits, and today's raise for the others


def test_an_unedited_workbook_reads_back_as_the_review_proposed(tmp_path):
    path = tmp_path / "c1.xlsx"
    path.write_bytes(_book())
    assert load_proposals(path, _frame()).tolist() == _rows()["raise"].astype(float).tolist()


def test_plain_proposal_files_with_both_columns_are_still_refused(tmp_path):
    both = pd.DataFrame({"Anst.nr": ["101"], "Ny lön": [30000], "Höjning": [2000]})
    with pytest.raises(SchemaError, match="not both"):
        load_proposals(both, _frame())
    path = tmp_path / "both.xlsx"
    both.to_excel(path, index=False)
    with pytest.raises(SchemaError, match="not both"):
        load_proposals(path, _frame())
    # a workbook whose new-salary column is only partly formulas is not the manager's
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Anst.nr", "Föreslagen höjning", "Ny lön"])
    ws.append(["101", 900, "=27000+900"])
    ws.append(["102", 900, 31400])
    book.save(tmp_path / "mixed.xlsx")
    with pytest.raises(SchemaError, match="not both"):
        load_proposals(tmp_path / "mixed.xlsx", _frame())


def test_an_edited_workbook_drives_a_review_with_an_action_plan(tmp_path):
    """The manager edits the total raise; the plan's adjustment stays inside it."""
    ids = list("abcdefghijkl")
    frame = pd.DataFrame(
        {
            "employee_id": ids,
            "gender": list("FFFFFFMMMMMM"),
            "unit": "U",
            "job_code": "J",
            "base_salary": 30000.0,
        }
    )
    ratings = pd.DataFrame({"employee_id": ids, "results": 2, "cooperation": 3})
    crit = {
        "scale": {"min": 1, "max": 4, "expected": 2},
        "criterion": [
            {"id": "results", "name": "Resultat", "weight": 1},
            {"id": "cooperation", "name": "Samarbete", "weight": 1},
        ],
    }
    plan = pd.DataFrame(
        {"employee_id": list("abc"), "job_code": "J", "unit": "", "year": 2026,
         "adjustment_monthly": 1500}
    )  # fmt: skip
    kw = {"pot_pct": 3, "action_plan": plan, "action_plan_share": 0.5, "whatif": False}
    first = pe.salary_review(frame, ratings=ratings, criteria=crit, **kw)
    data = manager_workbook(
        first.table,
        manager="",
        criteria=first.criteria.as_records(),
        checks=first.flags,
        organisation="Exempelkommun",
        year=2027,
        created=CREATED,
    )
    before = first.table.set_index("employee_id")
    assert before.loc["a", "plan_adjustment"] > 0
    edits = {"a": int(before.loc["a", "plan_adjustment"]) + 250, "g": 1234}
    path = _edit(data, tmp_path / "edited.xlsx", edits)
    second = pe.salary_review(frame, ratings=ratings, criteria=crit, proposals=path, **kw)
    after = second.table.set_index("employee_id")
    expected = before["raise"].astype(float).copy()
    for k, v in edits.items():
        expected[k] = v
    assert after["raise"].astype(float).to_dict() == expected.to_dict()
    assert (after["plan_adjustment"] == before["plan_adjustment"]).all()
    assert after.loc["a", "merit_raise"] == 250
    assert not after["notes"].str.contains("below_plan|no_proposal").any()


@pytest.mark.slow  # a generated sample reviewed twice, end to end
def test_an_edited_workbook_round_trips_through_review_proposals(tmp_path):
    from payequity.cli import main

    ts = "2027-03-01T08:00:00Z"
    assert main(["sample", "--out", str(tmp_path), "--employees", "200", "--units", "8"]) == 0
    cfg = tmp_path / "survey.toml"
    toml = cfg.read_text(encoding="utf-8").replace(
        "action_plan_share = 0.25", "action_plan_share = 0"
    )
    cfg.write_text(toml, encoding="utf-8")
    assert main(["review", str(cfg), "--quiet", "--timestamp", ts]) == 0
    books = sorted((tmp_path / "reports/review/managers").glob("*.xlsx"))
    book = max(books, key=lambda p: openpyxl.load_workbook(p).worksheets[0].max_row)
    ws = openpyxl.load_workbook(book).worksheets[0]
    ids = [ws.cell(r, 2).value for r in range(2, 5)]
    edits = dict(zip(ids, (2222, 3333, 444), strict=True))
    _edit(book.read_bytes(), tmp_path / "edited.xlsx", edits)
    text = {"employee_id": str, "manager": str}
    before = pd.read_csv(tmp_path / "reports/review/raises.csv", dtype=text)
    staff = set(before.loc[before["manager"] == book.stem, "employee_id"])
    cfg.write_text(toml.replace("[review]\n", '[review]\nproposals = "edited.xlsx"\n'), "utf-8")
    assert main(["review", str(cfg), "--quiet", "--timestamp", ts]) == 0
    after = pd.read_csv(tmp_path / "reports/review/raises.csv", dtype=text)
    mine = after[after["employee_id"].isin(staff)].set_index("employee_id")
    old = before[before["employee_id"].isin(staff)].set_index("employee_id")
    assert len(mine) == len(staff) >= 3
    for eid, value in edits.items():
        assert mine.loc[eid, "raise"] == value
    rest = sorted(staff - set(edits))
    assert (mine.loc[rest, "raise"] == old.loc[rest, "raise"]).all()


# ---- the unit manager's reading (findings 18–25) ---------------------------------------------


def _open(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def _widths(ws) -> dict[str, tuple[float, bool]]:
    """Column letter → (width, hidden), groups of equal columns spread out."""
    out = {}
    for dim in ws.column_dimensions.values():
        for j in range(dim.min or 1, (dim.max or dim.min or 1) + 1):
            out[openpyxl.utils.get_column_letter(j)] = (dim.width, bool(dim.hidden))
    return out


def _printed_pt(ws) -> float:
    """The size 11-point text prints at, one A4 landscape page wide: 277 mm over the visible
    columns at about 1.9 mm a width unit (Calibri's digit and the cell's padding)."""
    visible = sum(w for w, hidden in _widths(ws).values() if not hidden)
    return 11 * min(1.0, 277 / (visible * 1.9))


def _sample_rows() -> tuple[pd.DataFrame, list[dict]]:
    """A realistic manager: the sample's six criteria, full unit paths, long job titles, notes
    of a plan adjustment cut short and of a fixed-term employee."""
    criteria = pe.review.load_criteria("data/sample/criteria.toml").as_records()
    rows = pd.concat([_rows()] * 5, ignore_index=True)
    rows["employee_id"] = [str(100100 + i) for i in range(len(rows))]
    rows["unit"] = [
        "Barn- och utbildningsförvaltningen/Förvaltningskontoret",
        "Barn- och utbildningsförvaltningen/Förskoleområde Väster",
    ] * 10
    rows["job_title"] = ["Nämndsekreterare", "Förvaltningsassistent"] * 10
    rows["reason"] = ["", "", "", "employment_form = Visstid"] * 5
    rows["base_salary"] = 41299.0
    rows["new_base_salary"] = rows["base_salary"] + rows["raise"]
    for c in criteria:
        rows[f"rating_{c['id']}"] = 3.0
    return rows, criteria


def test_units_are_shown_by_their_own_name():
    rows = _rows()
    rows["unit"] = [
        "Vård/Hemtjänst Öster",
        "Vård/Hemtjänst Öster",
        "Skola/Administration",
        "Kultur/Administration",  # two units called Administration: the whole path
    ]
    ws = _open(_book(rows=rows))["Lönerevision"]
    col = _letters(ws)["Enhet"]
    shown = {ws[f"{col}{r}"].value for r in range(2, 6)}
    assert shown == {"Hemtjänst Öster", "Skola/Administration", "Kultur/Administration"}
    checks = _open(_book(rows=rows))["Kontroller"]
    assert "Vård/Hemtjänst Öster" not in {c.value for c in checks["B"]}


def test_columns_not_needed_on_paper_are_folded(sv):
    ws = sv["Lönerevision"]
    at, widths = _letters(ws), _widths(sv["Lönerevision"])
    for head in ("Befattningskod", "Samlad bedömning"):
        assert widths[at[head]][1], head
        assert ws.column_dimensions[at[head]].outlineLevel == 1, head
    assert ws.sheet_format.outlineLevelCol == 1
    hidden = {h for h, c in at.items() if widths[c][1]}
    assert hidden == {"Befattningskod", "Samlad bedömning"}
    assert "Befattningskod och Samlad bedömning är dolda kolumner" in _texts(sv["Om"])
    # without job titles the code is all the sheet says of the job: it stays on paper
    book = _open(_book(rows=_rows().drop(columns="job_title")))
    ws = book["Lönerevision"]
    assert not _widths(ws)[_letters(ws)["Befattningskod"]][1]
    assert _widths(ws)[_letters(ws)["Samlad bedömning"]][1]
    text = _texts(book["Om"])
    assert "Samlad bedömning är en dold kolumn" in text and "Befattningskod" not in text


def test_the_proposal_prints_large_enough_to_read():
    """Finding 18: 21 columns, a 58-wide unit path and a 45-wide note printed at 3.4 pt."""
    rows, criteria = _sample_rows()
    for language in ("sv", "en"):
        ws = _open(_book(language, rows=rows, criteria=criteria))[_SHEET[language]]
        assert _printed_pt(ws) >= 6.5, (language, _printed_pt(ws))
        at, widths = _letters(ws), _widths(ws)
        for c in criteria:  # one-digit ratings under upright names
            name = c["name_en"] if language == "en" else c["name"]
            assert widths[at[name]][0] <= 10, name
            assert ws[f"{at[name]}1"].alignment.text_rotation == 90, name
            assert ws[f"{at[name]}2"].value == 3
        unit = at["Unit" if language == "en" else "Enhet"]
        assert ws[f"{unit}2"].value == "Förskoleområde Väster"  # the unit's own name
        assert widths[unit][0] <= 22


_SHEET = {"sv": "Lönerevision", "en": "Salary review"}


def test_checks_say_whether_they_concern_your_staff():
    ws = _open(_book())["Kontroller"]
    own = [c.value for c in ws["A"][7:]]
    subjects = [c.value for c in ws["D"][7:]]
    mine = {"152010", "LAR", "ADM"}  # the manager's own job codes; Skola A holds LAR and ADM
    for flag, words in zip(subjects, own, strict=True):
        jobs = set(re.findall(r"\b(?:\d{6}|LAR|ADM|999)\b", str(flag)))
        assert (words == "Ja") == (not jobs or bool(jobs & mine)), (flag, words)
    assert own == ["Ja"] * 6 + ["Nej – gäller andra chefers förslag i enheten"] * 2  # yours first
    assert _open(_book("en"))["Checks"]["A15"].value == (
        "No – concerns other managers' proposals in the unit"
    )
    # with the review's headcount a flag of a job or unit shared with other managers is partly
    # yours: the manager has 103 (LAR) and 104 (ADM) of Skola A's ten
    headcount = {
        ("", ""): 40,
        ("", "152010"): 2,
        ("Skola A", ""): 10,
        ("Skola A", "LAR"): 1,
        ("Skola A", "ADM"): 3,
        ("Omsorg/Hemtjänst Öster", ""): 2,
    }
    checks = pd.concat(
        [
            _checks(),
            pd.DataFrame(
                {
                    "unit": ["Omsorg/Hemtjänst Öster"],
                    "check": ["below_plan"],
                    "subject": [""],
                    "value": [2],
                    "message": ["2 proposals in Omsorg/Hemtjänst Öster are below ..."],
                    "message_sv": ["2 förslag i Omsorg/Hemtjänst Öster ligger under ..."],
                }
            ),
        ],
        ignore_index=True,
    )
    rows = _rows()
    rows.loc[0, "notes"] = "plan;below_plan"  # 101: one of the two proposals below the plan
    ws = _open(_book(rows=rows, checks=checks, headcount=headcount))["Kontroller"]
    got = [(r[0].value, r[2].value, r[3].value) for r in ws.iter_rows(min_row=8, max_col=4)]
    no = "Nej – gäller andra chefers förslag i enheten"
    widens = "Ökar en oförklarad skillnad"
    assert got == [
        ("Ja", widens, "Undersköterska (152010), grundlön, hela organisationen"),
        ("Ja", widens, "Lärare (LAR), månadslön"),
        ("Ja", "Lägre höjning för kvinnor vid samma bedömning", "Lärare (LAR)"),
        ("Ja", widens, "Skola A/LAR/hourly_pay"),
        (
            "Delvis – 2 av 4 i enheten",
            widens,
            "Lärare (LAR) jämfört med Administratör (ADM), grundlön",
        ),
        ("Delvis – 2 av 10 i enheten", "Andel över medianhöjningen", None),
        ("Delvis – 1 av 2 i enheten", "Under handlingsplanens justering", None),
        (no, widens, "999, grundlön"),
        (no, "Bedömningarna skiljer sig mellan könen", "311010, grundlön"),
    ]
    note = ws["A5"].value
    assert note.startswith("Gäller dina medarbetare: Ja") and "underlag för dialogen med HR" in note


def test_check_messages_are_sentences_without_the_unit():
    """The review's messages (payequity/review/_checks.py) begin in lower case and name the
    unit's whole path, which stands in the Enhet column already."""
    checks = pd.DataFrame(
        {
            "unit": ["Skola A", "Skola A", "Skola A", ""],
            "check": ["above_median_share", "widens_gap", "below_plan", "regression_gender"],
            "subject": ["", "Skola A/LAR/base_salary", "", ""],
            "message": [
                "in unit Skola A fewer women get a raise above the median (36% of women, 50% "
                "of men)",
                "the proposal widens an unexplained gap — equal work, job LAR: women's base "
                "salary as a percentage of men's 98.3 → 97.3",
                "1 proposals in Skola A are below the action plan's adjustment: the proposal "
                "undoes an equal-pay correction",
                "in the organisation being a woman lowers the raise by 0.50 percentage points",
            ],
            "message_sv": [
                "i enheten Skola A får färre kvinnor en höjning över medianen (36 % av "
                "kvinnorna, 50 % av männen)",
                "förslaget ökar en oförklarad skillnad — lika arbete, befattning LAR: kvinnornas "
                "grundlön i procent av männens 98,3 → 97,3",
                "1 förslag i Skola A ligger under handlingsplanens lönejustering: förslaget tar "
                "tillbaka en jämställdhetsåtgärd",
                "i hela organisationen ger kön kvinna 0,50 procentenheter lägre höjning",
            ],
        }
    )
    ws = _open(_book(checks=checks))["Kontroller"]
    sv = {r[2].value: r[4].value for r in ws.iter_rows(min_row=8)}  # check → message
    assert sv == {
        "Andel över medianhöjningen": "I enheten får färre kvinnor en höjning över medianen "
        "(36 % av kvinnorna, 50 % av männen)",
        "Ökar en oförklarad skillnad": "Lika arbete, befattning LAR: kvinnornas grundlön i "
        "procent av männens 98,3 → 97,3",
        "Under handlingsplanens justering": "1 förslag i enheten ligger under handlingsplanens "
        "lönejustering: förslaget tar tillbaka en jämställdhetsåtgärd",
        "Kön påverkar höjningen": "I hela organisationen ger kön kvinna 0,50 procentenheter "
        "lägre höjning",
    }
    ws = _open(_book("en", checks=checks))["Checks"]
    en = {r[2].value: r[4].value for r in ws.iter_rows(min_row=8)}
    assert en["Share above the median raise"] == (
        "In the unit fewer women get a raise above the median (36% of women, 50% of men)"
    )
    assert en["Widens an unexplained gap"].startswith("Equal work, job LAR: women's base salary")
    assert en["Below the action plan"].startswith("1 proposals in the unit are below")


def test_pay_position_is_in_percent_of_the_jobs_median(sv, en):
    for book, sheet, head in (
        (sv, "Lönerevision", "Lön i % av befattningens median"),
        (en, "Salary review", "Pay as % of the job's median"),
    ):
        ws = book[sheet]
        col = _letters(ws)[head]
        by_id = {ws[f"B{r}"].value: ws[f"{col}{r}"] for r in range(2, 6)}
        assert by_id["101"].value == pytest.approx(90.0)  # compa-ratio 0.9: "90,0 %"
        assert by_id["103"].value == pytest.approx(110.0)
        assert by_id["101"].number_format == FORMATS["pct"][book is en]
    shown = " ".join(str(c.value) for c in sv["Lönerevision"][1])
    assert "compa" not in shown.lower()


def test_the_criteria_sheet_has_no_code_words_and_weights_in_percent(sv, en):
    ws = sv["Kriterier"]
    assert [c.value for c in ws[1]] == ["Kriterium", "Beskrivning", "Gäller", "Vikt"]
    table = [[c.value for c in row] for row in ws.iter_rows(min_row=2, max_row=4)]
    assert [r[3] for r in table] == [50.0, 25.0, 25.0]  # 0.5, 0.25, 0.25: "50 %", "25 %"
    assert ws["D2"].number_format == FORMATS["pct"][0].replace("0.0", "0")
    every = " ".join(
        str(c.value)
        for book in (sv, en)
        for row in book.worksheets[1].iter_rows()
        for c in row
        if c.value is not None
    )  # noqa: E501
    for code in ("results", "citizen_focus", "cooperation", "Id"):
        assert code not in every.split(), code
    assert "kolumnrubriken i betygsfilen" not in every and "ratings file" not in every


@pytest.mark.parametrize(
    ("utc", "local"),
    [
        (dt.datetime(2026, 10, 30, 12, 0, tzinfo=dt.UTC), dt.datetime(2026, 10, 30, 13, 0)),
        (dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC), dt.datetime(2026, 6, 1, 14, 0)),
    ],
)
def test_created_is_shown_in_swedish_time(utc, local):
    data = manager_workbook(
        _rows(), manager="C1", criteria=CRITERIA, checks=_checks(),
        organisation="Exempelkommun", year=2027, created=utc,
    )  # fmt: skip
    book = _open(data)
    ws = book["Om"]
    cell = next(ws.cell(r, 2) for r in range(1, 12) if ws.cell(r, 1).value == "Skapad")
    assert cell.value == local
    assert cell.number_format == "yyyy-mm-dd hh:mm"  # "2026-10-30 13:00", no "UTC"
    assert book.properties.created == utc.replace(tzinfo=None)  # the file keeps UTC
    assert data == manager_workbook(
        _rows(), manager="C1", criteria=CRITERIA, checks=_checks(),
        organisation="Exempelkommun", year=2027, created=utc,
    )  # fmt: skip


_METHOD = {
    "mode": "matrix",
    "pot_unit": "unit",
    "pot_pct": 3.0,
    "pot_per_head": None,
    "guarantee": 300,
    "cap": None,
    "action_plan_share": 0.25,
    "scale_min": 1,
    "scale_max": 4,
    "expected": 2,
    "labels": ["Når inte förväntan", "God (förväntad nivå)", "Mycket god", "Utmärkt"],
    "labels_en": ["Below expectations", "Good (expected level)", "Very good", "Excellent"],
    "matrix": {4: (1.9, 1.5, 1.2), 3: (1.4, 1.2, 0.9), 2: (1.2, 1.0, 0.7), 1: (0.3, 0.0, 0.0)},
    "bounds": (0.9, 1.1),
}


def _texts(ws) -> str:
    return " ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)


def test_weights_are_whole_percent_where_they_are_whole():
    """The sample's weights: 25/20/20/15/20 % for staff, the same over 1.3 for managers."""
    criteria = pe.review.load_criteria("data/sample/criteria.toml").as_records()
    ws = _open(_book(criteria=criteria))["Kriterier"]
    assert [c.value for c in ws[1]][3:] == ["Vikt för medarbetare", "Vikt för chefer"]
    staff = [ws.cell(r, 4).value for r in range(2, 8)]
    managers = [ws.cell(r, 5).value for r in range(2, 8)]
    assert staff == [25.0, 20.0, 20.0, 15.0, 20.0, None]
    assert managers == pytest.approx([100 * w / 1.3 for w in (0.25, 0.2, 0.2, 0.15, 0.2, 0.3)])
    assert ws["D2"].number_format == FORMATS["pct"][0].replace("0.0", "0")  # "25 %"
    assert ws["E2"].number_format == FORMATS["pct"][0]  # "19,2 %"


def test_the_about_sheet_says_how_the_proposal_was_made():
    ws = _open(_book(method=_METHOD))["Om"]
    text = _texts(ws)
    assert "1 – Når inte förväntan, 2 – God (förväntad nivå), 3 – Mycket god, 4 – Utmärkt" in text
    assert "Nivå är den samlade bedömningen avrundad till närmaste hela steg" in text
    assert "medianlönen för samma befattning" in text and "under 90 %" in text
    assert "3 % av lönesumman" in text and "25 % av löneutrymmet går först" in text
    assert "Garantibelopp: alla som omfattas får minst 300\u00a0kr i månaden för heltid" in text
    head = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Nivå")
    assert [ws.cell(head, j).value for j in range(1, 5)] == [
        "Nivå",
        "Lön under 90 %",
        "90–110 %",
        "Lön över 110 %",
    ]
    rows = [[ws.cell(r, j).value for j in range(1, 5)] for r in range(head + 1, head + 5)]
    assert rows[0] == ["4 – Utmärkt", 1.9, 1.5, 1.2] and rows[3][0] == "1 – Når inte förväntan"
    assert ws.cell(head + 1, 2).number_format == FORMATS["pts"][0]  # "1,9"
    en = _texts(_open(_book("en", method=_METHOD))["About"])
    assert "at least SEK 300 a month" in en and "4 – Excellent" in en
    manual = _texts(_open(_book(method={**_METHOD, "mode": "proposals"}))["Om"])
    assert "chefernas egna förslag" in manual and "Lön under 90 %" not in manual


def test_the_pot_stands_below_the_totals_when_the_units_are_the_managers_alone(tmp_path):
    pots = {"Omsorg/Hemtjänst Öster": 2000.0, "Skola A": 1500.5}
    alone = {("Omsorg/Hemtjänst Öster", ""): 2, ("Skola A", ""): 2}
    data = _book(headcount=alone, pots=pots)
    ws = _open(data)["Lönerevision"]
    col = _letters(ws)["Föreslagen höjning"]
    assert [ws.cell(r, 1).value for r in (10, 11, 12)] == [
        "Löneutrymme (enheternas pott)",
        "Använt (kostnad/månad)",
        "Kvar",
    ]
    assert ws[f"{col}10"].value == 3500.5
    assert ws[f"{col}11"].value == f"={col}8"  # the cost total above
    assert ws[f"{col}12"].value == f"={col}10-{col}11"
    assert _evaluate(ws, ws[f"{col}12"].value) == pytest.approx(3500.5 - 2612.5)
    ws[f"{col}3"] = 2000  # an edit: 102 (FTE 0.75) from 950 to 2000
    assert _evaluate(ws, ws[f"{col}12"].value) == pytest.approx(3500.5 - 2612.5 - 1050 * 0.75)
    assert all(ws[f"{col}{r}"].number_format == FORMATS["kr"][0] for r in (10, 11, 12))
    path = tmp_path / "pot.xlsx"
    path.write_bytes(data)
    assert load_proposals(path, _frame()).tolist() == _rows()["raise"].astype(float).tolist()
    assert "Löneutrymmet räknas per enhet" not in _texts(_open(data)["Om"])
    # Skola A has a third employment in another manager's workbook: no pot of this manager's
    shared = _open(_book(headcount={**alone, ("Skola A", ""): 3}, pots=pots))
    assert shared["Lönerevision"].max_row == 9
    assert "Löneutrymmet räknas per enhet, och dina enheter har medarbetare med en annan chef" in (
        _texts(shared["Om"])
    )


def test_a_plan_adjustment_cut_short_says_what_is_left(sv, en):
    ws = sv["Lönerevision"]
    col = _letters(ws)["Noteringar"]
    notes = {ws[f"B{r}"].value: ws[f"{col}{r}"].value for r in range(2, 6)}
    # 101: 700 of the plan's 1 000 kr now (the reserve was short); 103: the plan in full
    assert notes["101"] == "700 av handlingsplanens 1\u00a0000\u00a0kr; resten vid nästa revision"
    assert notes["103"] == "åtgärd enligt handlingsplan"
    ws = en["Salary review"]
    en_notes = [ws[f"{_letters(ws)['Notes']}{r}"].value for r in range(2, 6)]
    assert "SEK 700 of the action plan's SEK 1,000; the rest at the next review" in en_notes


def test_the_review_keeps_the_plans_whole_adjustment_beside_the_part_paid():
    ids = list("abcdefghijkl")
    frame = pd.DataFrame(
        {"employee_id": ids, "gender": list("FFFFFFMMMMMM"), "unit": "U", "job_code": "J",
         "base_salary": 30000.0}
    )  # fmt: skip
    ratings = pd.DataFrame({"employee_id": ids, "results": 2})
    crit = {"criterion": [{"id": "results", "name": "Resultat", "weight": 1}]}
    plan = pd.DataFrame(
        {"employee_id": list("abc"), "job_code": "J", "unit": "", "year": 2026,
         "adjustment_monthly": 1500}
    )  # fmt: skip
    # pot 3 % of 360 000 = 10 800; a quarter (2 700) for a plan that needs 4 500: 60 % of it
    r = pe.salary_review(
        frame, ratings=ratings, criteria=crit, pot_pct=3, action_plan=plan,
        action_plan_share=0.25, whatif=False,
    )  # fmt: skip
    t = r.table.set_index("employee_id")
    assert t.loc["a", "plan_need"] == 1500 and t.loc["a", "plan_adjustment"] == 900
    assert t.loc["d", "plan_need"] == 0 and t.loc["d", "plan_adjustment"] == 0
    ws = _open(
        manager_workbook(
            r.table, manager="", criteria=r.criteria.as_records(), checks=r.flags,
            organisation="Exempelkommun", year=2027, created=CREATED,
        )
    )["Lönerevision"]  # fmt: skip
    col = _letters(ws)["Noteringar"]
    assert (
        ws[f"{col}2"].value
        == "900 av handlingsplanens 1\u00a0500\u00a0kr; resten vid nästa revision"
    )


def test_the_managers_reasons_are_free_text_and_ignored_on_return(tmp_path, sv, en):
    for book, sheet, (notes, reasons) in (
        (sv, "Lönerevision", ("Noteringar", "Din motivering")),
        (en, "Salary review", ("Notes", "Your reasoning")),
    ):
        ws = book[sheet]
        head = [c.value for c in ws[1]]
        assert head[-2:] == [notes, reasons]  # right after the notes
        col = _letters(ws)[reasons]
        for r in range(2, 6):
            cell = ws[f"{col}{r}"]
            assert cell.value is None and not cell.protection.locked
            assert cell.fill.fgColor.rgb == "00FFF2CC" and cell.alignment.wrap_text
        validated = " ".join(str(v.sqref) for v in ws.data_validations.dataValidation)
        assert col not in re.findall(r"[A-Z]+", validated)  # free text: no validation
    # a manager explains an edit; the workbook still reads back as proposals
    book = _open(_book())
    ws = book["Lönerevision"]
    at = _letters(ws)
    ws[f"{at['Föreslagen höjning']}3"] = 1500
    ws[f"{at['Din motivering']}3"] = "Tar nytt ansvar för schemat; 1 500 kr, se samtal 12/3."
    ws[f"{at['Din motivering']}5"] = "=ingen formel, bara text"
    ws[f"{at['Din motivering']}5"].data_type = "s"
    book.save(tmp_path / "reasons.xlsx")
    got = load_proposals(tmp_path / "reasons.xlsx", _frame()).tolist()
    expected = _rows()["raise"].astype(float).tolist()
    expected[1] = 1500.0  # row 3 is employee 102
    assert got == expected


def test_a_person_not_taking_part_cannot_be_given_a_raise(sv):
    ws = sv["Lönerevision"]
    col = _letters(ws)["Föreslagen höjning"]
    row = next(r for r in range(2, 6) if ws[f"B{r}"].value == "104")  # fixed-term: not eligible
    cell = ws[f"{col}{row}"]
    assert cell.protection.locked and cell.fill.fill_type is None and cell.value == 0
    assert "omfattas ej" in ws[f"{_letters(ws)['Noteringar']}{row}"].value


def _accepts(ws, row: int, value: int) -> bool:
    """Whether the proposal cell of ``row`` takes ``value``, as Excel reads the validation: the
    rule's relative references moved from its first row to ``row``."""
    rule = ws.data_validations.dataValidation[0]
    low = _value(ws, rule.formula1.replace("2", str(row)))
    m = re.fullmatch(r"MAX\(([A-Z]+)2,([\d.]+)\*([A-Z]+)2\)", rule.formula2)
    high = max(_value(ws, f"{m[1]}{row}"), float(m[2]) * _value(ws, f"{m[3]}{row}"))
    return float(value).is_integer() and low <= value <= high


def test_the_validation_stops_a_slipped_digit(sv, en):
    ws = sv["Lönerevision"]
    rows = {ws[f"B{r}"].value: r for r in range(2, 6)}
    r = rows["101"]  # base 28 000, plan adjustment 700
    assert _accepts(ws, r, 1500) and _accepts(ws, r, 700) and _accepts(ws, r, 8400)
    assert not _accepts(ws, r, 15000)  # 1 500 typed with a zero too many: over 30 %
    assert not _accepts(ws, r, 699)  # below the plan adjustment
    assert not _accepts(ws, r, 1500.5)
    rule = ws.data_validations.dataValidation[0]
    assert "högst 30 % av nuvarande lön" in rule.error and "30 %" in rule.prompt
    assert len(rule.error) <= 255 and len(rule.prompt) <= 255
    assert (
        "at most 30 % of the current salary"
        in en["Salary review"].data_validations.dataValidation[0].error
    )  # noqa: E501


def test_headers_are_words_and_the_old_and_new_id_headers_both_read(sv, tmp_path):
    at = _letters(sv["Lönerevision"])
    assert {"Anställningsnummer", "Sysselsättningsgrad"} <= set(at)
    assert not {"Anst.nr", "Syssgrad"} & set(at)
    frame = _frame()
    for header in ("Anst.nr", "Anställningsnummer", "Anställnings-\nnummer", "employee_id"):
        got = load_proposals(pd.DataFrame({header: ["101"], "Föreslagen höjning": [900]}), frame)
        assert got.tolist()[0] == 900.0, header


def test_the_pipeline_hands_the_workbook_the_headcount_and_the_method():
    from payequity.pipeline._review import _headcount, _method

    frame = pd.DataFrame(
        {"employee_id": list("abcdef"), "gender": list("FFFMMM"), "unit": list("UUUVVV"),
         "job_code": list("JJKJJK"), "base_salary": 30000.0}
    )  # fmt: skip
    ratings = pd.DataFrame({"employee_id": list("abcdef"), "results": 3})
    crit = {
        "scale": {"min": 1, "max": 4, "expected": 2, "labels": ["a", "b", "c", "d"]},
        "criterion": [{"id": "results", "name": "Resultat", "weight": 1}],
    }
    r = pe.salary_review(
        frame, ratings=ratings, criteria=crit, pot_pct=3, guarantee=200, whatif=False
    )  # noqa: E501
    count = _headcount(r.table)
    assert count[("", "")] == 6 and count[("U", "")] == 3 and count[("U", "J")] == 2
    assert count[("", "K")] == 2 and count[("V", "K")] == 1
    method = _method(r)
    assert method["mode"] == "matrix" and method["guarantee"] == 200 and method["pot_pct"] == 3
    assert method["labels"] == ["a", "b", "c", "d"] and method["bounds"] == (0.9, 1.1)
    assert method["matrix"][4] == (1.9, 1.5, 1.2)

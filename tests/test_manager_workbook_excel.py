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
    return manager_workbook(
        _rows() if rows is None else rows,
        manager="C1",
        criteria=CRITERIA,
        checks=_checks(),
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
    """Header → column letter of sheet 1."""
    return {c.value: c.column_letter for c in ws[1]}


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
        open_cells = {
            c.coordinate
            for row in ws.iter_rows()
            for c in row
            if c.value is not None and not c.protection.locked
        }
        if ws.title == "Lönerevision":
            raise_col = _letters(ws)["Föreslagen höjning"]
            assert open_cells == {f"{raise_col}{r}" for r in range(2, 6)}
            for ref in open_cells:
                assert ws[ref].fill.fgColor.rgb == "00FFF2CC"  # light yellow
            # nothing else on the sheet is yellow
            yellow = {
                c.coordinate
                for row in ws.iter_rows()
                for c in row
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
        (sv, "Lönerevision", ("Föreslagen höjning", "Åtgärd lönekartläggning", "hela")),
        (en, "Salary review", ("Proposed raise", "Pay survey adjustment", "whole")),
    ):
        ws = book[sheet]
        at = _letters(ws)
        rules = ws.data_validations.dataValidation
        assert len(rules) == 1
        rule = rules[0]
        assert str(rule.sqref) == f"{at[words[0]]}2:{at[words[0]]}5"
        assert rule.type == "whole" and rule.operator == "greaterThanOrEqual"
        # at least the row's own plan adjustment (relative to the first cell of the range)
        assert rule.formula1 == f"{at[words[1]]}2"
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
        (sv, "Lönerevision", ("Föreslagen höjning", "Ny lön", "Syssgrad")),
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
    rows = [(book.worksheets[0], 1), (book.worksheets[1], 1), (book.worksheets[2], 5)]
    for ws, r in rows:
        height = ws.row_dimensions[r].height or 15
        for cell in ws[r]:
            if cell.value is None:
                continue
            width = ws.column_dimensions[cell.column_letter].width
            text = str(cell.value)
            lines = _lines(text, width)
            assert cell.alignment.wrap_text, (ws.title, text)
            assert width >= max(len(w) for w in text.split()) + 2, (ws.title, text)
            assert (width - 2) * lines >= len(text), (ws.title, text)
            assert height >= 15 * lines, (ws.title, text, height, lines)
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
    assert [c.value for c in ws[5]] == ["Enhet", "Kontroll", "Avser", "Meddelande"]
    table = [[c.value for c in row] for row in ws.iter_rows(min_row=6, max_col=3)]
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
        ["Skola A", "Ökar en oförklarad skillnad", "999, grundlön"],
        ["Skola A", "Ökar en oförklarad skillnad", "Skola A/LAR/hourly_pay"],
        [
            "Omsorg/Hemtjänst Öster",
            "Bedömningarna skiljer sig mellan könen",
            "311010, grundlön",
        ],
    ]
    assert [c.value for c in ws["D"][5:7]] == ["meddelande 0", "meddelande 1"]
    en_table = [[c.value for c in row] for row in en["Checks"].iter_rows(min_row=6, max_col=3)]
    assert en_table[0] == [
        "Whole organisation",
        "Widens an unexplained gap",
        "Undersköterska (152010), base salary, whole organisation",  # titles as in the data
    ]
    assert en_table[2][2] == "Lärare (LAR) compared with Administratör (ADM), base salary"
    assert en_table[3][1] == "Lower raises for women at equal rating"
    # no raw key or code word is left where the review wrote one of its forms
    shown = " ".join(str(v) for row in table[:6] for v in row)
    assert "base_salary" not in shown and "monthly_pay" not in shown and "/152010/" not in shown


def test_job_titles_of_jobs_outside_the_staff_come_from_job_titles():
    book = openpyxl.load_workbook(
        io.BytesIO(_book(job_titles={"311010": "Sjuksköterska", "LAR": "Annan titel"}))
    )
    subjects = [c.value for c in book["Kontroller"]["C"][5:]]
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
    titles = {"Lönerevision": "$1:$1", "Kriterier": "$1:$1", "Kontroller": "$5:$5", "Om": None}
    for book in (sv, en):
        for ws, title_rows in zip(book.worksheets, titles.values(), strict=True):
            s = ws.page_setup
            assert s.orientation == "landscape" and str(s.paperSize) == ws.PAPERSIZE_A4, ws.title
            assert s.fitToWidth == 1 and s.fitToHeight == 0, ws.title
            assert ws.sheet_properties.pageSetUpPr.fitToPage is True, ws.title
            assert ws.print_title_rows == title_rows, ws.title


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

"""One salary-review workbook per manager: ``review/managers/<slug>.xlsx`` (DESIGN §7).

Four sheets: the proposal for the manager's staff (one row per employment, totals below), the
pay criteria, the gender-check flags for the manager's units (job-evaluation.md §3.5: the check
is made before the decision, which stays with the manager) and an "Om"/"About" sheet that says
how to use the file. Numbers stay numbers with the house formats of :mod:`payequity.report._workbook`;
the same inputs and ``created`` give the same bytes.

The workbook is meant to be edited and returned. The manager edits one column, "Föreslagen
höjning" ("Proposed raise"): the *total* full-time monthly raise in kronor, the action plan's
adjustment ("Åtgärd lönekartläggning", shown beside it) included. That is what
``review.proposals`` reads as ``raise`` (:func:`payequity.review.load_proposals`), so a returned
workbook is a proposals file as it stands. Those cells alone are unlocked and light yellow; their
validation accepts whole kronor no lower than the row's plan adjustment (an equal-pay correction
a manager's proposal must not undo: the review flags it ``below_plan``), with an input and an
error message in the workbook's language. "Höjning %", "Ny lön" and the totals below the table are
formulas, so an edit recalculates. Every sheet is protected without a password (nothing is
overwritten by mistake, yet anyone may lift it); filtering and column widths and row heights stay
allowed; sorting does not (Excel refuses to sort locked cells on a protected sheet anyway). Each
sheet prints landscape on A4, one page wide; a table's header row repeats on every page. The Om
sheet says all this to the manager.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ..exceptions import ParameterError
from ..review import CHECK_LABELS
from ._manager_words import (
    ABOUT,
    APPLIES,
    CHECKS,
    CRITERIA_HEAD,
    CRITERIA_NOTE,
    INPUT,
    MEASURES,
    NOTES,
    REASON_WORDS,
    TOTALS,
    VERSUS,
)
from ._vocabulary import FORMATS, GENDER
from ._workbook import _BOLD, _FILL, _HEAD, _cell, _lines, _print_setup, _put, _save, _utc, _width

__all__ = ["manager_workbook"]

_LANG = {"sv": 0, "en": 1}
_SHEETS = {
    "review": ("Lönerevision", "Salary review"),
    "criteria": ("Kriterier", "Criteria"),
    "checks": ("Kontroller", "Checks"),
    "about": ("Om", "About"),
}
# column of ReviewResult.table → (Swedish header, English header, kind); criteria go after "fte"
_COLUMNS: list[tuple[str, str, str, str]] = [
    ("unit", "Enhet", "Unit", "id"),
    ("employee_id", "Anst.nr", "Employee ID", "id"),
    ("job_code", "Befattningskod", "Job code", "id"),
    ("job_title", "Befattning", "Job title", "text"),
    ("gender", "Kön", "Gender", "gender"),
    ("fte", "Syssgrad", "FTE", "fte"),
    ("rating", "Samlad bedömning", "Overall rating", "dec"),
    ("rating_level", "Nivå", "Level", "int"),
    ("compa_ratio", "Löneläge (compa-ratio)", "Compa-ratio", "dec"),
    ("base_salary", "Nuvarande lön", "Current salary", "kr"),
    ("plan_adjustment", "Åtgärd lönekartläggning", "Pay survey adjustment", "kr"),
    ("raise", "Föreslagen höjning", "Proposed raise", "kr"),
    ("raise_pct", "Höjning %", "Raise %", "pct"),
    ("new_base_salary", "Ny lön", "New salary", "kr"),
    ("notes", "Noteringar", "Notes", "notes"),
]
# columns that are formulas of the row (placeholders: the column letters by column name, r = row);
# the percent format is a literal " %" on the 0–100 scale, hence the 100
_FORMULAS = {
    "raise_pct": "=100*{raise}{r}/{base_salary}{r}",
    "new_base_salary": "={base_salary}{r}+{raise}{r}",
}
_SUMMED = ("raise", "fte", "new_base_salary")
_FMT = {"fte": ("0 %", "0%"), "rating": ("0", "0")}
_WRAP = Alignment(wrap_text=True, vertical="top")
_EDIT = PatternFill("solid", fgColor="FFF2CC")  # light yellow: the cells a manager may change
_OPEN = Protection(locked=False)
_LINE = 15.0  # points per line of 11-point text
_NOTES_WIDTH = 45  # the notes column wraps beyond this


def manager_workbook(
    rows: pd.DataFrame,
    *,
    manager: str,
    criteria: list[dict],
    checks: pd.DataFrame,
    organisation: str,
    year: int,
    language: str = "sv",
    created: dt.datetime,
    job_titles: Mapping[str, str] | None = None,
) -> bytes:
    """Write one manager's salary-review workbook as .xlsx bytes.

    Parameters
    ----------
    rows : DataFrame
        The manager's staff: a slice of ``ReviewResult.table`` (columns as in
        ``docs/dev/review-contract.md``, with ``rating_<criterion id>`` columns; may also hold
        ``job_title``). Sorted here by unit, job code and employee id.
    manager : str
        The manager id whose workbook this is.
    criteria : list of dict
        The pay criteria, each with ``id, name, name_en, description, description_en, weight,
        applies_to`` (``all | managers | staff``).
    checks : DataFrame
        Gender-check flags with ``unit, check, subject, message, message_sv``; only the units of
        ``rows`` (and rows with an empty unit, meaning the whole organisation) are shown, the
        subject (a survey item key ``<unit>/<job code>/<pay measure>``, or a job code) in words
        with job titles. May be empty.
    organisation, year
        Shown on the About sheet and in the title.
    language : {"sv", "en"}
        Language of every text a user reads and of the currency in the number formats.
    created : datetime
        Creation time stored in the file and shown on the About sheet (UTC); fixes the bytes.
    job_titles : mapping of str to str, optional
        Job code → title, for the checks' subjects: a flag may name a job none of ``rows``
        holds. The titles in ``rows["job_title"]`` come first.

    Returns
    -------
    bytes
        The workbook with the sheets "Lönerevision", "Kriterier", "Kontroller" and "Om"
        ("Salary review", "Criteria", "Checks", "About" in English). Sheet 1 has one row per
        employment with a frozen, filterable header; the proposed raise is the one editable
        column (validated), "Höjning %" and "Ny lön" are formulas of it, and below a blank row
        stand the number of employments, the cost per month (Σ raise · fte) and the payroll after
        the review (Σ new salary · fte), as formulas too. Every sheet is protected without a
        password and prints one page wide.
    """
    if language not in _LANG:
        raise ParameterError(f"language={language!r}: give 'sv' or 'en'")
    lang = _LANG[language]
    created = _utc(created)
    rows = _sorted(rows)
    wb = Workbook()
    _review_sheet(wb.active, rows, criteria, lang)
    _criteria_sheet(wb.create_sheet(), criteria, lang)
    _checks_sheet(wb.create_sheet(), checks, rows, job_titles or {}, lang)
    _about_sheet(wb.create_sheet(), rows, manager, organisation, year, created, lang)
    for ws in wb.worksheets:
        _protect(ws)
        _print_setup(ws)
    wb.active = 0
    wb.properties.title = f"{ABOUT[lang][0].format(year=year)} – {manager}"
    wb.properties.creator = "payequity"
    wb.properties.language = "sv-SE" if lang == 0 else "en-GB"
    wb.properties.created = wb.properties.modified = created
    return _save(wb, created)


def _sorted(rows: pd.DataFrame) -> pd.DataFrame:
    """By unit, job_code, employee_id: numbers as numbers, anything else as text."""
    by = [c for c in ("unit", "job_code", "employee_id") if c in rows.columns]

    def key(s: pd.Series) -> pd.Series:
        return s if pd.api.types.is_numeric_dtype(s) else s.astype(str)

    return rows.sort_values(by, kind="mergesort", key=key).reset_index(drop=True) if by else rows


def _protect(ws: Any) -> None:
    """Protected without a password. In SheetProtection an attribute set to True *forbids* the
    action, so False allows it: filtering and sizing columns and rows stay open."""
    ws.protection.sheet = True
    ws.protection.autoFilter = False
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def _fit_height(ws: Any, row: int, texts: list[tuple[Any, float]], line: float = _LINE) -> None:
    """Set the row's height to its tallest wrapped cell: (text, column width) pairs."""
    n = max((_lines(text, width) for text, width in texts), default=1)
    ws.row_dimensions[row].height = line * n + (2 if n > 1 else 0)


def _head(ws: Any, row: int, heads: list[str]) -> None:
    for j, head in enumerate(heads, start=1):
        cell = ws.cell(row, j, head)
        cell.data_type = "s"
        cell.font, cell.fill, cell.alignment = _BOLD, _FILL, _HEAD


def _head_width(head: str) -> int:
    """Wide enough for the header in two lines, and for its longest word (the header row is
    as tall as its longest header needs)."""
    longest = max((len(w) for w in head.split()), default=0)
    return max(longest, math.ceil(len(head) / 2)) + 3


def _value(raw: Any, kind: str, lang: int, reason: Any = None) -> tuple[Any, str | None]:
    """(cell value, number format) of one cell of sheet 1."""
    if kind == "gender":
        value = _cell(raw, "text")
        return (GENDER[value][lang] if value in GENDER else value), None
    if kind == "notes":
        return _notes(raw, reason, lang), None
    if kind == "rating":  # ratings are whole numbers on the scale; keep others as they are
        value = _cell(raw, "num")
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return value, (_FMT["rating"][lang] if isinstance(value, int) else "0.0")
    return _cell(raw, kind), (FORMATS.get(kind) or _FMT.get(kind) or (None, None))[lang]


def _notes(raw: Any, reason: Any, lang: int) -> str:
    text = _cell(raw, "text")
    codes = [c.strip() for c in text.split(";") if c.strip()] if isinstance(text, str) else []
    words = []
    for code in codes:
        word = NOTES[code][lang] if code in NOTES else code
        why = _cell(reason, "text")
        if code == "not_eligible" and isinstance(why, str) and why.strip():
            column, _, value = why.partition(" = ")
            label = REASON_WORDS[lang].get(column.strip(), column.strip())
            word = f"{word} ({label} {value.strip()})" if value else f"{word} ({why.strip()})"
        words.append(word)
    return ", ".join(words)


def _columns(rows: pd.DataFrame, criteria: list[dict], lang: int) -> list[tuple[str, str, str]]:
    """(column of rows, header, kind) of sheet 1, the criteria after the FTE."""
    cols: list[tuple[str, str, str]] = []
    for name, sv, en, kind in _COLUMNS:
        if name == "job_title" and name not in rows.columns:
            continue
        cols.append((name, (sv, en)[lang], kind))
        if name == "fte":
            for c in criteria:
                label = str((c.get("name_en") or c["name"]) if lang else c["name"])
                cols.append((f"rating_{c['id']}", label, "rating"))
    return cols


def _review_sheet(ws: Any, rows: pd.DataFrame, criteria: list[dict], lang: int) -> None:
    ws.title = _SHEETS["review"][lang]
    cols = _columns(rows, criteria, lang)
    at = {name: get_column_letter(j) for j, (name, _, _) in enumerate(cols, start=1)}
    reasons = rows["reason"].tolist() if "reason" in rows.columns else [None] * len(rows)
    _head(ws, 1, [head for _, head, _ in cols])
    heads = []
    totals = _sums(rows)
    for j, (name, head, kind) in enumerate(cols, start=1):
        values = rows[name].tolist() if name in rows.columns else [None] * len(rows)
        # room for the totals below, and a digit more where an edit can change the value
        widths = [_head_width(head)] + [_width(v, "kr") + 2 for v in totals.get(name, [])]
        spare = 1 if name == "raise" or name in _FORMULAS else 0
        for i, raw in enumerate(values, start=2):
            value, fmt = _value(raw, kind, lang, reasons[i - 2])
            widths.append(
                _width(value, "kr" if kind == "kr" else "num" if kind == "dec" else kind) + spare
            )
            if name in _FORMULAS:  # the value written today, now recalculated from the raise
                cell = ws.cell(i, j, _FORMULAS[name].format(r=i, **at))
                cell.number_format = fmt
            else:
                _put(ws, i, j, value, fmt)
            if name == "raise":
                cell = ws.cell(i, j)
                cell.protection, cell.fill = _OPEN, _EDIT
        width = min(max(widths) + (kind == "notes"), _NOTES_WIDTH if kind == "notes" else 60)
        ws.column_dimensions[get_column_letter(j)].width = width
        heads.append((head, width))
        if kind == "notes":  # wrapped, so the sheet prints less wide; the rows grow to fit
            for i in range(2, len(values) + 2):
                note = ws.cell(i, j)
                note.alignment = Alignment(
                    horizontal="left", wrap_text=True, indent=1
                )  # clear of "Ny lön"
                if _lines(note.value, width - 1) > 1:  # the indent takes about a character
                    _fit_height(ws, i, [(note.value, width - 1)])
    _fit_height(ws, 1, heads)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{len(rows) + 1}"
    ws.print_title_rows = "1:1"
    _validation(ws, len(rows), at, lang)
    _totals(ws, len(rows), at, lang)


def _sums(rows: pd.DataFrame) -> dict[str, list[float]]:
    """The totals below the table as today's values (the cells hold formulas), by column."""
    number = {c: pd.to_numeric(rows[c], errors="coerce").fillna(0.0) for c in _SUMMED if c in rows}
    if len(number) < len(_SUMMED):
        return {}
    cost = float((number["raise"] * number["fte"]).sum())
    return {
        "raise": [len(rows), cost],
        "new_base_salary": [float((number["new_base_salary"] * number["fte"]).sum())],
    }


def _validation(ws: Any, n: int, at: dict[str, str], lang: int) -> None:
    """Whole kronor, at least the row's plan adjustment (a relative reference: Excel reads it
    from the range's first cell, row by row)."""
    if not n:
        return
    title, prompt, error_title, error = INPUT[lang]
    rule = DataValidation(
        type="whole",
        operator="greaterThanOrEqual",
        formula1=f"{at['plan_adjustment']}2",
        allow_blank=False,
        showInputMessage=True,
        showErrorMessage=True,
        errorStyle="stop",
        promptTitle=title,
        prompt=prompt,
        errorTitle=error_title,
        error=error,
    )
    rule.add(f"{at['raise']}2:{at['raise']}{n + 1}")
    ws.add_data_validation(rule)


def _totals(ws: Any, n: int, at: dict[str, str], lang: int) -> None:
    """Below a blank row, outside the filter range; the labels run over the empty cells."""
    ranges = {name: f"{c}2:{c}{n + 1}" for name, c in at.items()}
    for i, (labels, column, formula, kind) in enumerate(TOTALS, start=n + 3):
        ws.cell(i, 1, labels[lang]).font = _BOLD
        j = list(at).index(column) + 1
        cell = ws.cell(i, j, formula.format(**ranges) if n else 0)
        cell.number_format, cell.font = FORMATS[kind][lang], _BOLD


def _criteria_sheet(ws: Any, criteria: list[dict], lang: int) -> None:
    ws.title = _SHEETS["criteria"][lang]
    _head(ws, 1, list(CRITERIA_HEAD[lang]))
    names = [str((c.get("name_en") or c["name"]) if lang else c["name"]) for c in criteria]
    longest = max((len(str(c["id"])) for c in criteria), default=2)
    widest = max(map(len, names), default=10)
    widths = (longest + 3, min(widest + 3, 40), 80, 8, 30)
    for col, width in zip("ABCDE", widths, strict=True):
        ws.column_dimensions[col].width = width
    for i, (c, name) in enumerate(zip(criteria, names, strict=True), start=2):
        text = (c.get("description_en") or c.get("description")) if lang else c.get("description")
        applies = str(c.get("applies_to", "all"))
        values = (
            str(c["id"]),
            name,
            str(text or ""),
            _cell(c.get("weight"), "num"),
            APPLIES[applies][lang] if applies in APPLIES else applies,
        )
        for j, value in enumerate(values, start=1):
            _put(ws, i, j, value, "0.00" if j == 4 else None)
            ws.cell(i, j).alignment = _WRAP
        _fit_height(ws, i, [(values[j], widths[j]) for j in (0, 1, 2, 4)])
    ws.cell(len(criteria) + 3, 1, CRITERIA_NOTE[lang]).font = Font(italic=True)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:E{len(criteria) + 1}"
    ws.print_title_rows = "1:1"


def _subject(raw: Any, unit: str, titles: dict[str, str], lang: int, whole: str) -> Any:
    """A check's subject in words: "Undersköterska (152010), grundlön, hela organisationen".

    The subject is a survey item key ``<unit path>/<job code>/<pay measure>`` (equal value:
    ``<unit path>/<job code>/<comparator job>/<pay measure>``; an empty unit path is the whole
    organisation), or a job code alone, or empty. Any other form stays as it is. A unit's
    path is not repeated: it stands in the Enhet column beside the subject.
    """
    text = _cell(raw, "id")
    text = "" if text is None else str(text).strip()
    if not text:
        return None

    def job(code: str) -> str:
        return f"{titles[code]} ({code})" if titles.get(code) else code

    if "/" not in text:
        return job(text)
    if not text.startswith(f"{unit}/"):
        return text
    *jobs, measure = text[len(unit) + 1 :].split("/")
    if measure not in MEASURES or len(jobs) not in (1, 2) or not all(jobs):
        return text
    words = f"{VERSUS[lang].join(map(job, jobs))}, {MEASURES[measure][lang]}"
    return f"{words}, {whole[0].lower()}{whole[1:]}" if not unit else words


def _checks_sheet(
    ws: Any, checks: pd.DataFrame, rows: pd.DataFrame, job_titles: Mapping[str, str], lang: int
) -> None:
    title, line1, line2, heads, none, whole = CHECKS[lang]
    ws.title = _SHEETS["checks"][lang]
    units = {str(u) for u in rows["unit"].dropna()} if "unit" in rows.columns else set()
    titles: dict[str, str] = {}
    if {"job_code", "job_title"} <= set(rows.columns):
        for code, name in zip(rows["job_code"], rows["job_title"], strict=True):
            code, name = _cell(code, "id"), _cell(name, "text")
            if code is not None and isinstance(name, str) and name.strip():
                titles.setdefault(str(code).strip(), name.strip())
    for code, name in job_titles.items():
        if isinstance(name, str) and name.strip():
            titles.setdefault(str(code).strip(), name.strip())
    shown = checks.iloc[0:0] if checks is None else checks
    if len(shown) and "unit" in shown.columns:
        unit = shown["unit"].fillna("").astype(str).str.strip()
        shown = shown[unit.isin(units) | (unit == "")]
    message = "message" if lang else "message_sv"
    records = []
    for rec in shown.to_dict("records"):
        unit = _cell(rec.get("unit"), "id")
        unit = "" if unit is None else str(unit).strip()
        check = str(rec.get("check") or "")
        label = CHECK_LABELS.get(check, (check, check))[1 - lang]  # (English, Swedish)
        text = _cell(rec.get(message), "text") or _cell(rec.get("message"), "text")
        subject = _subject(rec.get("subject"), unit, titles, lang, whole)
        records.append((unit or whole, _cell(label, "text"), subject, text))
    widths = [len(h) + 3 for h in heads]
    for values in records:
        for j, value in enumerate(values):
            widths[j] = max(widths[j], _width(value, "text"))
    widths = [min(w, cap) for w, cap in zip(widths, (40, 30, 45, 80), strict=True)]
    if sum(widths) < 100:  # room for the lines above the table
        widths[3] += 100 - sum(widths)
    for col, width in zip("ABCD", widths, strict=True):
        ws.column_dimensions[col].width = width
    for r, (text, font) in enumerate(
        ((title, Font(bold=True, size=14)), (line1, None), (line2, None)), start=1
    ):
        _banner(ws, r, text, sum(widths), font)
    if not records:
        _banner(ws, 5, none, sum(widths), _BOLD)
        return
    _head(ws, 5, list(heads))
    _fit_height(ws, 5, list(zip(heads, widths, strict=True)))
    for i, values in enumerate(records, start=6):
        for j, value in enumerate(values, start=1):
            _put(ws, i, j, value, None)
            ws.cell(i, j).alignment = _WRAP
        _fit_height(ws, i, list(zip(values, widths, strict=True)))
    ws.freeze_panes = "A6"
    ws.auto_filter.ref = f"A5:D{len(records) + 5}"
    ws.print_title_rows = "5:5"


def _banner(ws: Any, row: int, text: str, width: float, font: Font | None, last: str = "D") -> None:
    """A line of text across columns A..last, wrapped (merged cells do not grow by themselves)."""
    cell = ws.cell(row, 1, text)
    cell.alignment = _WRAP
    if font is not None:
        cell.font = font
    ws.merge_cells(f"A{row}:{last}{row}")
    size = font.size if font is not None and font.size else 11
    _fit_height(ws, row, [(text, width * 11 / size)], _LINE * size / 11)


def _about_sheet(
    ws: Any,
    rows: pd.DataFrame,
    manager: str,
    organisation: str,
    year: int,
    created: dt.datetime,
    lang: int,
) -> None:
    title, labels, how, steps, change, legend, yellow, rules = ABOUT[lang]
    ws.title = _SHEETS["about"][lang]
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 90
    ws.cell(1, 1, title.format(year=year)).font = Font(bold=True, size=14)
    staff = rows["employee_id"].nunique() if "employee_id" in rows.columns else len(rows)
    values = (organisation, int(year), manager, int(staff), len(rows), created)
    for i, (label, value) in enumerate(zip(labels, values, strict=True), start=3):
        ws.cell(i, 1, label).font = _BOLD
        _put(ws, i, 2, value, 'yyyy-mm-dd hh:mm "UTC"' if isinstance(value, dt.datetime) else None)
        ws.cell(i, 2).alignment = Alignment(horizontal="left")
    first = len(labels) + 4
    ws.cell(first, 1, how).font = _BOLD
    for i, step in enumerate(steps, start=first + 1):
        _banner(ws, i, step, 112, None, "B")
    first += len(steps) + 2
    ws.cell(first, 1, change).font = _BOLD
    key = ws.cell(first + 1, 1, legend)
    key.fill, key.alignment = _EDIT, _WRAP
    ws.cell(first + 1, 2, yellow).alignment = _WRAP
    _fit_height(ws, first + 1, [(yellow, 90)])
    for i, text in enumerate(rules, start=first + 2):
        _banner(ws, i, text, 112, None, "B")

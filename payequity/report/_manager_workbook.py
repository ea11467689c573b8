"""One salary-review workbook per manager: ``review/managers/<slug>.xlsx`` (DESIGN §7).

Four sheets: the proposal for the manager's staff (one row per employment, totals below), the
pay criteria, the gender-check flags for the manager's units (job-evaluation.md §3.5: the check
is made before the decision, which stays with the manager) and an "Om"/"About" sheet that says
how to use the file and how the proposal was made. Numbers stay numbers with the house formats
of :mod:`payequity.report._workbook`; the same inputs and ``created`` give the same bytes.

The workbook is meant to be edited and returned. The manager edits one column, "Föreslagen
höjning" ("Proposed raise"): the *total* full-time monthly raise in kronor, the action plan's
adjustment ("Åtgärd lönekartläggning", shown beside it) included. That is what
``review.proposals`` reads as ``raise`` (:func:`payequity.review.load_proposals`), so a returned
workbook is a proposals file as it stands. Those cells (of the people taking part in the review)
and the free-text column "Din motivering" beside the notes, which ``load_proposals`` ignores, are
the only unlocked cells, light yellow. The raise's validation accepts whole kronor from the
row's plan adjustment (an equal-pay correction a manager's proposal must not undo: the review
flags it ``below_plan``) to 30 % of the current salary (a slipped digit), with an input and an
error message in the workbook's language. "Höjning %", "Ny lön" and the totals below the table
are formulas, so an edit recalculates; where the manager's units are theirs alone, their pot,
what is used of it and what is left stand below the totals, as formulas too. Every sheet is
protected without a password (nothing is overwritten by mistake, yet anyone may lift it);
filtering and column widths and row heights stay allowed; sorting does not (Excel refuses to
sort locked cells on a protected sheet anyway).

Sheet 1 prints landscape on A4, one page wide, large enough to read: units by their own name,
the job code and the overall rating's decimals folded away (one click to unfold), the criteria's
headers turned upright over one-digit columns, long Swedish header words broken where Swedish
breaks them. Every table's header row repeats on every page.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.page import PageMargins

from .._format import fmt_kr, fmt_number
from ..actions import unit_names
from ..exceptions import ParameterError
from ._manager_sheets import (
    BOLD,
    CAP_PCT,
    EDIT,
    OPEN,
    about_sheet,
    checks_sheet,
    criteria_sheet,
    fit_height,
    head_row,
)
from ._manager_words import ABOUT, COLUMNS, INPUT, NOTES, PLAN_PART, POT, REASON_WORDS, TOTALS
from ._vocabulary import FORMATS, GENDER
from ._workbook import _cell, _lines, _print_setup, _put, _save, _utc, _width

__all__ = ["manager_workbook"]

_LANG = {"sv": 0, "en": 1}
_LANGUAGE = ("sv", "en")
_SHEETS = ("Lönerevision", "Salary review")
# columns that are formulas of the row (placeholders: the column letters by column name, r = row);
# the percent format is a literal " %" on the 0–100 scale, hence the 100
_FORMULAS = {
    "raise_pct": "=100*{raise}{r}/{base_salary}{r}",
    "new_base_salary": "={base_salary}{r}+{raise}{r}",
}
_SUMMED = ("raise", "fte", "new_base_salary")
_FOLDED = ("job_code", "rating")  # on screen one click away, not on paper
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")  # a row's cells line up with its first line of wrapped text
_NOTE = Alignment(horizontal="left", vertical="top", wrap_text=True, indent=1)  # clear of "Ny lön"
_UPRIGHT = Alignment(text_rotation=90, wrap_text=True, horizontal="center", vertical="top")
# the wrapped text columns' widest (the manager's free text: always); the rest fit their values
_TEXT_WIDTH = {"unit": 22, "title": 18, "notes": 22, "free": 18}
_WIDTH_KIND = {"compa": "pct", "dec": "num", "unit": "text", "title": "text", "free": "text"}
_UPRIGHT_LINE = 16  # characters in a line of an upright criterion header
_PT_PER_CHAR = 6.5  # points a bold 11-point character takes, generously (upright headers)
_PT_PER_LINE = 15.0  # points per line of 11-point text
_UNITS_PER_LINE = 3  # column width a line of upright 11-point text takes (a width unit ≈ 5¼ pt)
_MARGIN = 0.4  # inches left and right: 277 mm of an A4 landscape page print


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
    headcount: Mapping[tuple[str, str], int] | None = None,
    pots: Mapping[str, float] | None = None,
    method: Mapping[str, Any] | None = None,
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
        Gender-check flags with ``unit, check, subject, message, message_sv`` (and ``value``);
        only the units of ``rows`` (and rows with an empty unit, meaning the whole organisation)
        are shown, the subject (a survey item key ``<unit>/<job code>/<pay measure>``, or a job
        code) in words with job titles, each flag marked by whether it concerns the manager's
        own staff, theirs first. May be empty.
    organisation, year
        Shown on the About sheet and in the page headers.
    language : {"sv", "en"}
        Language of every text a user reads and of the currency in the number formats.
    created : datetime
        Creation time stored in the file (UTC) and shown on the About sheet in Swedish time;
        fixes the bytes.
    job_titles : mapping of str to str, optional
        Job code → title, for the checks' subjects: a flag may name a job none of ``rows``
        holds. The titles in ``rows["job_title"]`` come first.
    headcount : mapping of (unit, job code) to int, optional
        Employments in the whole review by unit and job (``""`` for every job; unit ``""`` for the
        whole organisation): whether a flag concerns this manager's staff wholly or in part, and
        whether the manager's units are theirs alone. Without it the rows are taken as the units.
    pots : mapping of str to float, optional
        Each unit's pot (kronor a month). Shown below the totals, with what is used and left,
        when every unit of ``rows`` is this manager's alone (``headcount``); else the About
        sheet says why not.
    method : mapping, optional
        How the proposal was made, for the About sheet: ``mode`` ("matrix" | "proposals"),
        ``scale_min, scale_max, expected, labels, labels_en`` (the rating scale), ``matrix``
        (level → three multipliers), ``bounds`` (the pay position's band edges),
        ``guarantee, cap, pot_pct, pot_per_head, action_plan_share``. Missing keys are left out.

    Returns
    -------
    bytes
        The workbook with the sheets "Lönerevision", "Kriterier", "Kontroller" and "Om"
        ("Salary review", "Criteria", "Checks", "About" in English). Sheet 1 has one row per
        employment with a frozen, filterable header; the proposed raise is the one editable
        amount (validated), "Höjning %" and "Ny lön" are formulas of it, and below a blank row
        stand the number of employments, the cost per month (Σ raise · fte) and the payroll after
        the review (Σ new salary · fte), as formulas too. Every sheet is protected without a
        password and prints one page wide.
    """
    if language not in _LANG:
        raise ParameterError(f"language={language!r}: give 'sv' or 'en'")
    lang = _LANG[language]
    created = _utc(created)
    rows = _sorted(rows)
    units = [str(u) for u in rows["unit"].dropna()] if "unit" in rows.columns else []
    names = unit_names(units)
    alone = _alone(rows, headcount)
    known = bool(pots) and alone and set(units) <= set(pots or {})
    shown_pots = {u: float(pots[u]) for u in set(units)} if pots and known else None
    wb = Workbook()
    _review_sheet(wb.active, rows, criteria, lang, names, shown_pots)
    criteria_sheet(wb.create_sheet(), criteria, lang)
    checks_sheet(wb.create_sheet(), checks, rows, job_titles or {}, lang, names, headcount)
    notes = dict(method or {})
    notes["shared"] = bool(pots) and shown_pots is None
    notes["folded"] = 2 if "job_title" in rows.columns else 1  # Befattningskod too, or not
    about_sheet(wb.create_sheet(), rows, manager, organisation, year, created, lang, notes)
    title = ABOUT[lang][0].format(year=year) + f" {manager}, {organisation}"
    for ws in wb.worksheets:
        _protect(ws)
        _print_setup(ws, title, lang)
        ws.page_margins = PageMargins(left=_MARGIN, right=_MARGIN, top=0.75, bottom=0.75)
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


def _alone(rows: pd.DataFrame, headcount: Mapping[tuple[str, str], int] | None) -> bool:
    """Whether every unit of ``rows`` has no employment in any other manager's workbook."""
    if headcount is None or "unit" not in rows.columns or rows.empty:
        return False
    mine = rows["unit"].astype(str).value_counts()
    return all(headcount.get((unit, ""), -1) == n for unit, n in mine.items())


def _protect(ws: Any) -> None:
    """Protected without a password. In SheetProtection an attribute set to True *forbids* the
    action, so False allows it: filtering and sizing columns and rows stay open."""
    ws.protection.sheet = True
    ws.protection.autoFilter = False
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def _value(raw: Any, kind: str, lang: int) -> tuple[Any, str | None]:
    """(cell value, number format) of one cell of sheet 1."""
    if kind == "gender":
        value = _cell(raw, "text")
        return (GENDER[value][lang] if value in GENDER else value), None
    if kind in ("unit", "title", "free"):
        value = _cell(raw, "text")
        return (None if value in (None, "") else str(value)), None
    if kind == "rating":  # ratings are whole numbers on the scale; keep others as they are
        value = _cell(raw, "num")
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return value, FORMATS["int" if isinstance(value, int) else "pts"][lang]
    if kind == "compa":  # a ratio to the job's median, shown in % of it
        value = _cell(raw, "num")
        return (100 * value if isinstance(value, int | float) else value), FORMATS["pct"][lang]
    if kind == "fte":  # a fraction shown as a whole percent
        return _cell(raw, "num"), FORMATS["share"][lang].replace("0.0", "0")
    return _cell(raw, kind), FORMATS[kind][lang] if kind in FORMATS else None


def _notes(row: Mapping[str, Any], lang: int) -> str:
    text = _cell(row.get("notes"), "text")
    codes = [c.strip() for c in text.split(";") if c.strip()] if isinstance(text, str) else []
    words = []
    for code in codes:
        word = NOTES[code][lang] if code in NOTES else code
        why = _cell(row.get("reason"), "text")
        if code == "not_eligible" and isinstance(why, str) and why.strip():
            column, _, value = why.partition(" = ")
            label = REASON_WORDS[lang].get(column.strip(), column.strip())
            word = f"{word} ({label} {value.strip()})" if value else f"{word} ({why.strip()})"
        need, paid = _cell(row.get("plan_need"), "num"), _cell(row.get("plan_adjustment"), "num")
        if code == "plan" and isinstance(need, int | float) and isinstance(paid, int | float):
            need = math.floor(need + 1e-9)
            if need > paid:  # a short reserve paid part of the plan's adjustment
                language = _LANGUAGE[lang]
                word = PLAN_PART[lang].format(
                    paid=fmt_number(paid, 0, language),
                    paid_kr=fmt_kr(paid, 0, language),
                    need_kr=fmt_kr(need, 0, language),
                )
        words.append(word)
    return ", ".join(words)


def _columns(rows: pd.DataFrame, criteria: list[dict], lang: int) -> list[tuple[str, str, str]]:
    """(column of rows, header, kind) of sheet 1, the criteria after the FTE."""
    cols: list[tuple[str, str, str]] = []
    for name, sv, en, kind in COLUMNS:
        if name == "job_title" and name not in rows.columns:
            continue
        cols.append((name, (sv, en)[lang], kind))
        if name == "fte":
            for c in criteria:
                label = str((c.get("name_en") or c["name"]) if lang else c["name"])
                cols.append((f"rating_{c['id']}", label, "rating"))
    return cols


def _upright(head: str) -> tuple[int, int]:
    """(lines, column width) of a criterion's header turned upright."""
    line = max([_UPRIGHT_LINE, *map(len, head.split())])
    lines = _lines(head, line + 2)
    return lines, max(4, _UNITS_PER_LINE * lines)


def _room(width: float) -> int:
    """The width :func:`_lines` needs to count the lines of plain 11-point text in a column
    ``width`` wide: a width unit is a digit, and a digit is a little wider than the average
    letter (about 1.1 letters a unit, a unit less for the cell's margins)."""
    return int(1.1 * (width - 1)) + 2


def _header_width(head: str, lines: int) -> int:
    """Wide enough for the header's longest word in bold, and for the whole header in ``lines``
    lines (the filter button sits below the text, in the header's last line)."""
    words = head.split()
    width = max(max((len(w) for w in words), default=0), math.ceil(len(head) / lines)) + 2
    while _lines(head, width) > lines or (width - 2) * _lines(head, width) < len(head):
        width += 1
    return width


def _review_sheet(
    ws: Any,
    rows: pd.DataFrame,
    criteria: list[dict],
    lang: int,
    names: Mapping[str, str],
    pots: Mapping[str, float] | None,
) -> None:
    ws.title = _SHEETS[lang]
    cols = _columns(rows, criteria, lang)
    at = {name: get_column_letter(j) for j, (name, _, _) in enumerate(cols, start=1)}
    records = rows.to_dict("records")
    upright = [head for _, head, kind in cols if kind == "rating"]
    longest = max((max([_UPRIGHT_LINE, *map(len, h.split())]) for h in upright), default=0)
    height = math.ceil(longest * _PT_PER_CHAR) + 16 if upright else 0  # + the filter button
    lines = max(2, int(height // _PT_PER_LINE) - 1)  # the lines upright headers make room for
    head_row(ws, 1, [head for _, head, _ in cols])
    heads = []
    totals = _sums(rows)
    folded = "job_title" in rows.columns  # the title says it on paper; the code stays a click away
    wrapped = []
    for j, (name, head, kind) in enumerate(cols, start=1):
        letter = get_column_letter(j)
        if kind == "rating":
            width = _upright(head)[1]
            ws.cell(1, j).alignment = _UPRIGHT
        else:
            widths = [_header_width(head, lines)]
            widths += [_width(v, "kr") + 2 for v in totals.get(name, [])]  # the totals below
            spare = 1 if name == "raise" or name in _FORMULAS else 0  # an edit may add a digit
            for rec in records:
                value, _ = _cell_of(rec, name, kind, lang, names)
                widths.append(_width(value, _WIDTH_KIND.get(kind, kind)) + spare)
            width = max(widths)
            if kind in _TEXT_WIDTH:
                cap = _TEXT_WIDTH[kind]
                width = cap if kind == "free" else min(max(width, widths[0]), max(cap, widths[0]))
                wrapped.append((j, width - (kind in ("notes", "free"))))  # the indent
            heads.append((head, width))
        wraps = kind in _TEXT_WIDTH
        for i, rec in enumerate(records, start=2):
            value, fmt = _cell_of(rec, name, kind, lang, names)
            if name in _FORMULAS:  # the value written today, now recalculated from the raise
                cell = ws.cell(i, j, _FORMULAS[name].format(r=i, **at))
                cell.number_format = fmt
            else:
                _put(ws, i, j, value, fmt)
            cell = ws.cell(i, j)
            if kind == "free" or (name == "raise" and _takes_part(rec)):
                cell.protection, cell.fill = OPEN, EDIT
            cell.alignment = _NOTE if kind in ("notes", "free") else _WRAP if wraps else _TOP
        ws.column_dimensions[letter].width = width
        if name in _FOLDED and (name != "job_code" or folded):
            ws.column_dimensions[letter].outlineLevel = 1
            ws.column_dimensions[letter].hidden = True
            # openpyxl writes outlineLevelCol from max_outline, which it learns only after
            ws.column_dimensions.max_outline = ws.sheet_format.outlineLevelCol = 1
    for i in range(2, len(records) + 2):  # rows grow to their tallest wrapped cell
        texts = [(ws.cell(i, j).value, _room(w)) for j, w in wrapped if ws.cell(i, j).value]
        if any(_lines(t, w) > 1 for t, w in texts):
            fit_height(ws, i, texts)
    fit_height(ws, 1, heads)
    ws.row_dimensions[1].height = max(ws.row_dimensions[1].height or 0, height)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{len(rows) + 1}"
    ws.print_title_rows = "1:1"
    _validation(ws, len(rows), at, lang)
    _totals(ws, len(rows), at, lang, pots)


def _cell_of(
    rec: Mapping[str, Any], name: str, kind: str, lang: int, names: Mapping[str, str]
) -> tuple[Any, str | None]:
    """(value, number format) of one column of one row of sheet 1."""
    if kind == "notes":
        return _notes(rec, lang) or None, None
    if kind == "unit":
        unit = _cell(rec.get(name), "text")
        return (names.get(str(unit), str(unit)) if unit not in (None, "") else None), None
    return _value(rec.get(name), kind, lang)


def _takes_part(rec: Mapping[str, Any]) -> bool:
    """Whether the row's person takes part in the review (the eligibility rule)."""
    eligible = rec.get("eligible", True)
    return bool(eligible) if eligible is not None and eligible == eligible else True


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
    """Whole kronor from the row's plan adjustment to 30 % of the current salary (relative
    references: Excel reads them from the range's first cell, row by row); the upper bound is
    never below the plan adjustment."""
    if not n:
        return
    title, prompt, error_title, error = INPUT[lang]
    plan, base = f"{at['plan_adjustment']}2", f"{at['base_salary']}2"
    rule = DataValidation(
        type="whole",
        operator="between",
        formula1=plan,
        formula2=f"MAX({plan},{CAP_PCT / 100:g}*{base})",
        allow_blank=False,
        showInputMessage=True,
        showErrorMessage=True,
        errorStyle="stop",
        promptTitle=title,
        prompt=prompt.format(cap=CAP_PCT),
        errorTitle=error_title,
        error=error.format(cap=CAP_PCT),
    )
    rule.add(f"{at['raise']}2:{at['raise']}{n + 1}")
    ws.add_data_validation(rule)


def _totals(
    ws: Any, n: int, at: dict[str, str], lang: int, pots: Mapping[str, float] | None
) -> None:
    """Below a blank row, outside the filter range; the labels run over the empty cells. Then
    the pot, what the proposal uses of it and what is left, when the units are the manager's."""
    ranges = {name: f"{c}2:{c}{n + 1}" for name, c in at.items()}
    first = n + 3
    for i, (labels, column, formula, kind) in enumerate(TOTALS, start=first):
        ws.cell(i, 1, labels[lang]).font = BOLD
        j = list(at).index(column) + 1
        cell = ws.cell(i, j, formula.format(**ranges) if n else 0)
        cell.number_format, cell.font = FORMATS[kind][lang], BOLD
    if pots is None:
        return
    col = at["raise"]
    cost = f"{col}{first + 1}"  # the cost/month total above
    row = first + len(TOTALS)
    values = (round(sum(pots.values()), 2), f"={cost}", f"={col}{row}-{col}{row + 1}")
    for i, (label, value) in enumerate(zip(POT[lang], values, strict=True), start=row):
        ws.cell(i, 1, label).font = BOLD
        cell = ws.cell(i, list(at).index("raise") + 1, value)
        cell.number_format, cell.font = FORMATS["kr"][lang], BOLD

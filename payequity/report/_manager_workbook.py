"""One salary-review workbook per manager: ``review/managers/<slug>.xlsx`` (DESIGN §7).

Four sheets: the proposal for the manager's staff (one row per employment, totals below), the
pay criteria, the gender-check flags for the manager's units (job-evaluation.md §3.5: the check
is made before the decision, which stays with the manager) and an "Om"/"About" sheet that says
how to use the file. Numbers stay numbers with the house formats of :mod:`payequity.report._workbook`;
the same inputs and ``created`` give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from ..exceptions import ParameterError
from ..review import CHECK_LABELS
from ._workbook import _BOLD, _FILL, _HEAD, FORMATS, _cell, _put, _save, _utc, _width

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
_FMT = {"fte": ("0 %", "0%"), "rating": ("0", "0")}
_GENDER = ({"F": "K", "M": "M"}, {"F": "F", "M": "M"})
_NOTES = {
    "not_rated": ("ej bedömd", "not rated"),
    "partly_rated": ("delvis bedömd", "partly rated"),
    "not_eligible": ("omfattas ej", "not eligible"),
    "guarantee": ("garantibelopp", "guarantee"),
    "capped": ("tak", "capped"),
    "plan": ("åtgärd enligt handlingsplan", "action plan measure"),
    "below_guarantee": ("under garantin", "below the guarantee"),
    "above_cap": ("över taket", "above the cap"),
    "decrease": ("sänkt lön", "pay decrease"),
    "no_proposal": ("inget förslag", "no proposal"),
    "below_plan": ("under handlingsplanens justering", "below the action plan's adjustment"),
}
_REASON_WORDS = ({"employment_form": "anställningsform"}, {"employment_form": "employment form"})
_TOTALS = (
    ("Antal anställningar", "Employments"),
    ("Kostnad/månad (Σ höjning × syssgrad)", "Cost/month (Σ raise × FTE)"),
)
_APPLIES = {
    "all": ("alla", "everyone"),
    "managers": ("chefer", "managers"),
    "staff": ("medarbetare utan chefsuppdrag", "staff who are not managers"),
}
_CRITERIA_HEAD = (
    ("Id", "Kriterium", "Beskrivning", "Vikt", "Gäller"),
    ("Id", "Criterion", "Description", "Weight", "Applies to"),
)
_CRITERIA_NOTE = (
    "Vikterna räknas om så att de kriterier som gäller för en person tillsammans väger 1. "
    "Id är kolumnrubriken i betygsfilen.",
    "The weights are rescaled so that the criteria that apply to a person add up to 1. "
    "Id is the column header in the ratings file.",
)
_CHECKS = (
    (
        "Jämställdhetskontroll av lönerevisionsförslaget",
        "Förslaget kontrolleras ur jämställdhetssynpunkt innan beslut fattas. Flaggorna nedan är "
        "underlag för dialog med HR.",
        "Beslutet om varje lön fattas fortfarande av dig som chef.",
        ("Enhet", "Kontroll", "Avser", "Meddelande"),
        "Jämställdhetskontrollen flaggade ingenting i dina enheter.",
        "Hela organisationen",
    ),
    (
        "Gender check of the salary review proposal",
        "The proposal is checked for gender bias before any decision is made. The flags below are "
        "input for the dialogue with HR.",
        "The decision on each salary still rests with you as the manager.",
        ("Unit", "Check", "Subject", "Message"),
        "The gender check flagged nothing in your units.",
        "Whole organisation",
    ),
)
_ABOUT = (
    (
        "Lönerevision {year} – förslag för chef",
        ("Organisation", "År", "Chef (id)", "Antal medarbetare", "Antal anställningar", "Skapad"),
        "Så använder du arbetsboken",
        (
            "1. Gå igenom förslaget på bladet Lönerevision: bedömningen per kriterium, den samlade "
            "bedömningen, löneläget och den föreslagna höjningen.",
            "2. Läs bladet Kontroller: jämställdhetskontrollen av förslaget görs innan beslut.",
            "3. Justera förslaget i dialog med HR; beslutet om lönen är ditt.",
            "4. Inget är beslutat förrän HR har läst in de beslutade lönerna i lönesystemet.",
            "Belopp är månadslöner i kronor för heltid; kostnaden per månad är höjningen gånger "
            "sysselsättningsgraden.",
        ),
    ),
    (
        "Salary review {year} – proposal for the manager",
        ("Organisation", "Year", "Manager (id)", "Staff", "Employments", "Created"),
        "How to use this workbook",
        (
            "1. Review the proposal on the Salary review sheet: the rating per criterion, the overall "
            "rating, the pay position and the proposed raise.",
            "2. Read the Checks sheet: the gender check of the proposal is made before the decision.",
            "3. Adjust the proposal in dialogue with HR; the decision on pay is yours.",
            "4. Nothing is decided until HR has imported the decided salaries into the payroll system.",
            "Amounts are full-time monthly salaries in kronor; the cost per month is the raise times "
            "the FTE.",
        ),
    ),
)
_WRAP = Alignment(wrap_text=True, vertical="top")


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
        ``rows`` (and rows with an empty unit, meaning the whole organisation) are shown. May be
        empty.
    organisation, year
        Shown on the About sheet and in the title.
    language : {"sv", "en"}
        Language of every text a user reads and of the currency in the number formats.
    created : datetime
        Creation time stored in the file and shown on the About sheet (UTC); fixes the bytes.

    Returns
    -------
    bytes
        The workbook with the sheets "Lönerevision", "Kriterier", "Kontroller" and "Om"
        ("Salary review", "Criteria", "Checks", "About" in English). Sheet 1 has one row per
        employment with a frozen, filterable header and, below a blank row, the number of
        employments and the cost per month (Σ raise · fte) in the raise column.
    """
    if language not in _LANG:
        raise ParameterError(f"language={language!r}: give 'sv' or 'en'")
    lang = _LANG[language]
    created = _utc(created)
    rows = _sorted(rows)
    wb = Workbook()
    _review_sheet(wb.active, rows, criteria, lang)
    _criteria_sheet(wb.create_sheet(), criteria, lang)
    _checks_sheet(wb.create_sheet(), checks, rows, lang)
    _about_sheet(wb.create_sheet(), rows, manager, organisation, year, created, lang)
    wb.properties.title = f"{_ABOUT[lang][0].format(year=year)} – {manager}"
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


def _head(ws: Any, row: int, heads: list[str]) -> None:
    for j, head in enumerate(heads, start=1):
        cell = ws.cell(row, j, head)
        cell.data_type = "s"
        cell.font, cell.fill, cell.alignment = _BOLD, _FILL, _HEAD


def _head_width(head: str) -> int:
    """Wide enough for the header in at most two lines, and for its longest word."""
    longest = max((len(w) for w in head.split()), default=0)
    return max(longest, len(head) if len(head) <= 22 else math.ceil(len(head) / 2)) + 3


def _value(raw: Any, kind: str, lang: int, reason: Any = None) -> tuple[Any, str | None]:
    """(cell value, number format) of one cell of sheet 1."""
    if kind == "gender":
        value = _cell(raw, "text")
        return (_GENDER[lang].get(value, value) if isinstance(value, str) else value), None
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
        word = _NOTES[code][lang] if code in _NOTES else code
        why = _cell(reason, "text")
        if code == "not_eligible" and isinstance(why, str) and why.strip():
            column, _, value = why.partition(" = ")
            label = _REASON_WORDS[lang].get(column.strip(), column.strip())
            word = f"{word} ({label} {value.strip()})" if value else f"{word} ({why.strip()})"
        words.append(word)
    return ", ".join(words)


def _review_sheet(ws: Any, rows: pd.DataFrame, criteria: list[dict], lang: int) -> None:
    ws.title = _SHEETS["review"][lang]
    cols: list[tuple[str, str, str]] = []  # (column of rows, header, kind)
    for name, sv, en, kind in _COLUMNS:
        if name == "job_title" and name not in rows.columns:
            continue
        cols.append((name, (sv, en)[lang], kind))
        if name == "fte":
            for c in criteria:
                label = str((c.get("name_en") or c["name"]) if lang else c["name"])
                cols.append((f"rating_{c['id']}", label, "rating"))
    reasons = rows["reason"].tolist() if "reason" in rows.columns else [None] * len(rows)
    _head(ws, 1, [head for _, head, _ in cols])
    long_head = False
    for j, (name, head, kind) in enumerate(cols, start=1):
        values = rows[name].tolist() if name in rows.columns else [None] * len(rows)
        widths = [_head_width(head)]
        long_head |= widths[0] - 3 < len(head)
        for i, raw in enumerate(values, start=2):
            value, fmt = _value(raw, kind, lang, reasons[i - 2])
            _put(ws, i, j, value, fmt)
            widths.append(_width(value, "kr" if kind == "kr" else "num" if kind == "dec" else kind))
        ws.column_dimensions[get_column_letter(j)].width = min(max(widths), 60)
    if long_head:
        ws.row_dimensions[1].height = 30
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{len(rows) + 1}"
    ws.print_title_rows = "1:1"
    # totals below a blank row, outside the filter range: labels run over the empty cells
    raise_col = next(j for j, (name, _, _) in enumerate(cols, start=1) if name == "raise")
    cost = 0.0
    if len(rows) and {"raise", "fte"} <= set(rows.columns):
        cost = float((rows["raise"].astype(float) * rows["fte"].astype(float)).sum())
    first = len(rows) + 3
    for i, (labels, value, fmt) in enumerate(
        ((_TOTALS[0], len(rows), "0"), (_TOTALS[1], cost, FORMATS["kr"][lang]))
    ):
        ws.cell(first + i, 1, labels[lang]).font = _BOLD
        _put(ws, first + i, raise_col, value, fmt)
        ws.cell(first + i, raise_col).font = _BOLD


def _criteria_sheet(ws: Any, criteria: list[dict], lang: int) -> None:
    ws.title = _SHEETS["criteria"][lang]
    _head(ws, 1, list(_CRITERIA_HEAD[lang]))
    names = [str((c.get("name_en") or c["name"]) if lang else c["name"]) for c in criteria]
    for i, (c, name) in enumerate(zip(criteria, names, strict=True), start=2):
        text = (c.get("description_en") or c.get("description")) if lang else c.get("description")
        applies = str(c.get("applies_to", "all"))
        values = (
            str(c["id"]),
            name,
            str(text or ""),
            _cell(c.get("weight"), "num"),
            _APPLIES[applies][lang] if applies in _APPLIES else applies,
        )
        for j, value in enumerate(values, start=1):
            _put(ws, i, j, value, "0.00" if j == 4 else None)
        ws.cell(i, 3).alignment = _WRAP
    ws.cell(len(criteria) + 3, 1, _CRITERIA_NOTE[lang]).font = Font(italic=True)
    longest = max((len(str(c["id"])) for c in criteria), default=2)
    widest = max(map(len, names), default=10)
    for col, width in zip("ABCDE", (longest + 3, min(widest + 3, 40), 80, 8, 30), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:E{len(criteria) + 1}"


def _checks_sheet(ws: Any, checks: pd.DataFrame, rows: pd.DataFrame, lang: int) -> None:
    title, line1, line2, heads, none, whole = _CHECKS[lang]
    ws.title = _SHEETS["checks"][lang]
    ws.cell(1, 1, title).font = Font(bold=True, size=14)
    ws.cell(2, 1, line1)
    ws.cell(3, 1, line2)
    units = {str(u) for u in rows["unit"].dropna()} if "unit" in rows.columns else set()
    shown = checks.iloc[0:0] if checks is None else checks
    if len(shown) and "unit" in shown.columns:
        unit = shown["unit"].fillna("").astype(str).str.strip()
        shown = shown[unit.isin(units) | (unit == "")]
    message = "message" if lang else "message_sv"
    widths = [len(h) + 3 for h in heads]
    if not len(shown):
        ws.cell(5, 1, none).font = _BOLD
    else:
        _head(ws, 5, list(heads))
        for i, rec in enumerate(shown.to_dict("records"), start=6):
            text = _cell(rec.get(message), "text") or _cell(rec.get("message"), "text")
            unit = _cell(rec.get("unit"), "id")
            unit = whole if unit is None or str(unit).strip() == "" else unit
            check = str(rec.get("check") or "")
            label = CHECK_LABELS.get(check, (check, check))[0 if lang else 1]
            values = (unit, _cell(label, "text"), _cell(rec.get("subject"), "id"), text)
            for j, value in enumerate(values, start=1):
                _put(ws, i, j, value, None)
                widths[j - 1] = max(widths[j - 1], _width(value, "text"))
            ws.cell(i, 4).alignment = _WRAP
        ws.freeze_panes = "A6"
        ws.auto_filter.ref = f"A5:D{len(shown) + 5}"
    for col, width, cap in zip("ABCD", widths, (30, 30, 30, 90), strict=True):
        ws.column_dimensions[col].width = min(width, cap)


def _about_sheet(
    ws: Any,
    rows: pd.DataFrame,
    manager: str,
    organisation: str,
    year: int,
    created: dt.datetime,
    lang: int,
) -> None:
    title, labels, how, steps = _ABOUT[lang]
    ws.title = _SHEETS["about"][lang]
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
        _put(ws, i, 1, step, None)
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 40

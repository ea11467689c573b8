"""Sheets 2–4 of a manager's salary-review workbook: the criteria, the gender checks, About.

Written by :func:`payequity.report._manager_workbook.manager_workbook`, which owns sheet 1 (the
proposal) and the whole file. Texts come from :mod:`._manager_words`, number formats from the
house :data:`~payequity.report._vocabulary.FORMATS`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pandas as pd
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.worksheet.pagebreak import Break

from .._format import fmt_kr, fmt_number
from ..review import CHECK_LABELS
from ._manager_words import (
    ABOUT,
    APPLIES,
    CHECKS,
    CRITERIA_HEAD,
    CRITERIA_NOTE,
    FOLDED,
    MEASURES,
    MESSAGE_TRIM,
    METHOD,
    OWN,
    VERSUS,
)
from ._vocabulary import FORMATS
from ._workbook import _FILL, _HEAD, _cell, _lines, _put, _width

__all__ = [
    "BOLD",
    "CAP_PCT",
    "EDIT",
    "OPEN",
    "about_sheet",
    "checks_sheet",
    "criteria_sheet",
    "fit_height",
    "head_row",
]

# every font named in full: a font of bold alone ("<b/>") is drawn in the program's own default
# (a serif, wider than the body, in LibreOffice), not the workbook's Calibri
_CALIBRI = {"name": "Calibri", "family": 2, "scheme": "minor"}
BOLD = Font(**_CALIBRI, size=11, bold=True)
_TITLE = Font(**_CALIBRI, size=14, bold=True)
_ITALIC = Font(**_CALIBRI, size=11, italic=True)
CAP_PCT = 30  # the highest raise the proposal cells accept, in % of the current salary
EDIT = PatternFill("solid", fgColor="FFF2CC")  # light yellow: the cells a manager may change
OPEN = Protection(locked=False)
_WRAP = Alignment(wrap_text=True, vertical="top")
_LINE = 15.0  # points per line of 11-point text
_LANGUAGE = ("sv", "en")
_SHEETS = {"criteria": ("Kriterier", "Criteria"), "checks": ("Kontroller", "Checks")}
_ABOUT = ("Om", "About")
_ZONE = "Europe/Stockholm"  # the time the About sheet shows: the organisation's own
_CHECK_WIDTHS = (20, 22, 26, 34, 60)  # caps: concerns you, unit, check, subject, message
_ABOUT_WIDTHS = {"A": 26, "B": 18, "C": 16, "D": 16, "E": 60}  # 136: one A4 page wide


def fit_height(ws: Any, row: int, texts: list[tuple[Any, float]], line: float = _LINE) -> None:
    """Set the row's height to its tallest wrapped cell: (text, column width) pairs."""
    n = max((_lines(text, width) for text, width in texts), default=1)
    ws.row_dimensions[row].height = line * n + (2 if n > 1 else 0)


def head_row(ws: Any, row: int, heads: list[str]) -> None:
    for j, head in enumerate(heads, start=1):
        cell = ws.cell(row, j, head)
        cell.data_type = "s"
        cell.font, cell.fill, cell.alignment = BOLD, _FILL, _HEAD


def banner(ws: Any, row: int, text: str, width: float, font: Font | None, last: str) -> None:
    """A line of text across columns A..last, wrapped (merged cells do not grow by themselves)."""
    cell = ws.cell(row, 1, text)
    cell.alignment = _WRAP
    if font is not None:
        cell.font = font
    ws.merge_cells(f"A{row}:{last}{row}")
    size = font.size if font is not None and font.size else 11
    fit_height(ws, row, [(text, width * 11 / size)], _LINE * size / 11)


def _percent(value: float, lang: int) -> str:
    """A number as few decimals as it needs (at most two), in the workbook's language."""
    decimals = next((d for d in (0, 1) if abs(round(value, d) - value) < 1e-9), 2)
    return fmt_number(value, decimals, _LANGUAGE[lang])


def _kr(value: Any, lang: int) -> str:
    """Kronor in words: "300 kr", "SEK 300"."""
    return fmt_kr(float(value), 0, _LANGUAGE[lang])


# ---- Kriterier -------------------------------------------------------------------------------


def _weights(criteria: list[dict], managers: bool) -> list[float | None]:
    """Each criterion's weight in % of those that apply to a manager (or to other staff)."""
    applies = [
        str(c.get("applies_to", "all")) in ("all", "managers" if managers else "staff")
        for c in criteria
    ]
    total = sum(float(c["weight"]) for c, a in zip(criteria, applies, strict=True) if a)
    return [
        100 * float(c["weight"]) / total if a and total > 0 else None
        for c, a in zip(criteria, applies, strict=True)
    ]


def criteria_sheet(ws: Any, criteria: list[dict], lang: int) -> None:
    ws.title = _SHEETS["criteria"][lang]
    name_head, text_head, applies_head, one, two = CRITERIA_HEAD[lang]
    split = any(str(c.get("applies_to", "all")) != "all" for c in criteria)
    weights = [_weights(criteria, False), _weights(criteria, True)] if split else []
    if not split:
        total = sum(float(c["weight"]) for c in criteria) or 1.0
        weights = [[100 * float(c["weight"]) / total for c in criteria]]
    heads = [name_head, text_head, applies_head, *(two if split else one)]
    pct = FORMATS["pct"][lang]  # "25 %" where every weight of a column is whole, else "19,2 %"
    whole = [all(w is None or abs(w - round(w)) < 1e-9 for w in col) for col in weights]
    fmts = [pct.replace("0.0", "0") if w else pct for w in whole]
    head_row(ws, 1, heads)
    names = [str((c.get("name_en") or c["name"]) if lang else c["name"]) for c in criteria]
    widest = max(map(len, names), default=10)
    widths = [min(widest + 3, 36), 70, 16] + [max(len(w) for w in h.split()) + 4 for h in heads[3:]]
    for j, width in enumerate(widths, start=1):
        ws.column_dimensions[chr(64 + j)].width = width
    fit_height(ws, 1, list(zip(heads, widths, strict=True)))
    for i, (c, name) in enumerate(zip(criteria, names, strict=True), start=2):
        text = (c.get("description_en") or c.get("description")) if lang else c.get("description")
        applies = str(c.get("applies_to", "all"))
        values = [
            name,
            str(text or ""),
            APPLIES[applies][lang] if applies in APPLIES else applies,
            *(w[i - 2] for w in weights),
        ]
        for j, value in enumerate(values, start=1):
            _put(ws, i, j, value, fmts[j - 4] if j > 3 else None)
            ws.cell(i, j).alignment = _WRAP
        fit_height(ws, i, [(values[j], widths[j]) for j in range(3)])
    note = ws.cell(len(criteria) + 3, 1, CRITERIA_NOTE[lang])
    note.font = _ITALIC
    last = chr(64 + len(heads))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{last}{len(criteria) + 1}"
    ws.print_title_rows = "1:1"


# ---- Kontroller ------------------------------------------------------------------------------


def _jobs(text: str, unit: str) -> list[str]:
    """The job codes a check's subject names: a survey item key's jobs, or a job code alone."""
    if not text:
        return []
    if "/" not in text:
        return [text]
    if not text.startswith(f"{unit}/"):
        return []
    return [j for j in text[len(unit) + 1 :].split("/")[:-1] if j]


def _subject(text: str, unit: str, titles: dict[str, str], lang: int, whole: str) -> Any:
    """A check's subject in words: "Undersköterska (152010), grundlön, hela organisationen".

    The subject is a survey item key ``<unit path>/<job code>/<pay measure>`` (equal value:
    ``<unit path>/<job code>/<comparator job>/<pay measure>``; an empty unit path is the whole
    organisation), or a job code alone, or empty. Any other form stays as it is. A unit's
    path is not repeated: it stands in the Enhet column beside the subject.
    """
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


def _message(text: Any, unit: str, lang: int) -> Any:
    """A check's message as a sentence, without what the Kontroll and Enhet columns say."""
    if not isinstance(text, str) or not text.strip():
        return None
    prefixes, forms = MESSAGE_TRIM[lang]
    for prefix in prefixes:
        text = text.removeprefix(prefix)
    for form, plain in forms if unit else ():
        text = text.replace(form.format(unit=unit), plain)
    return text[:1].upper() + text[1:]


def _own(
    rec: Mapping[str, Any],
    unit: str,
    jobs: list[str],
    rows: pd.DataFrame,
    headcount: Mapping[tuple[str, str], int] | None,
    lang: int,
) -> tuple[int, str]:
    """(rank, words): whether the flag concerns the people of this workbook — yes (0), partly
    (1: a flag of a whole unit or job some of whose people have another manager) or no (2)."""
    yes, partly, no, (in_unit, in_org) = OWN[lang]
    where = in_unit if unit else in_org
    scope = rows[rows["unit"].astype(str) == unit] if unit and "unit" in rows.columns else rows
    if rec.get("check") == "below_plan" and "notes" in scope.columns:
        n = int(scope["notes"].astype(str).str.contains("below_plan", regex=False).sum())
        value = _cell(rec.get("value"), "num")
        total = int(value) if isinstance(value, int | float) else n
    elif jobs:
        codes = scope["job_code"].astype(str) if "job_code" in scope.columns else pd.Series([])
        n = int(codes.isin(jobs).sum())
        total = sum(headcount.get((unit, j), 0) for j in jobs) if headcount is not None else n
    else:
        n = len(scope)
        total = headcount.get((unit, ""), n) if headcount is not None else n
    if n == 0:
        return 2, no.format(where=where)
    if n >= total:
        return 0, yes
    return 1, partly.format(n=n, total=total, where=where)


def checks_sheet(
    ws: Any,
    checks: pd.DataFrame | None,
    rows: pd.DataFrame,
    job_titles: Mapping[str, str],
    lang: int,
    names: Mapping[str, str],
    headcount: Mapping[tuple[str, str], int] | None,
) -> None:
    title, lines, heads, none, whole = CHECKS[lang]
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
    shown = pd.DataFrame(columns=["unit"]) if checks is None else checks
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
        subject = _cell(rec.get("subject"), "id")
        subject = "" if subject is None else str(subject).strip()
        rank, own = _own(rec, unit, _jobs(subject, unit), rows, headcount, lang)
        words = _subject(subject, unit, titles, lang, whole)
        where = names.get(unit, unit) if unit else whole
        records.append(
            (rank, (own, where, _cell(label, "text"), words, _message(text, unit, lang)))
        )
    records = [values for _, values in sorted(records, key=lambda r: r[0])]  # stable: yours first
    widths = [max(len(w) for w in h.split()) + 3 for h in heads]
    for values in records:
        for j, value in enumerate(values):
            widths[j] = max(widths[j], _width(value, "text"))
    widths = [min(w, cap) for w, cap in zip(widths, _CHECK_WIDTHS, strict=True)]
    if sum(widths) < 120:  # room for the lines above the table
        widths[-1] += 120 - sum(widths)
    for j, width in enumerate(widths):
        ws.column_dimensions[chr(65 + j)].width = width
    last = chr(64 + len(heads))
    banner(ws, 1, title, sum(widths), _TITLE, last)
    for r, line in enumerate(lines, start=2):
        banner(ws, r, line, sum(widths), None, last)
    first = len(lines) + 3
    if not records:
        banner(ws, first, none, sum(widths), BOLD, last)
        return
    head_row(ws, first, list(heads))
    fit_height(ws, first, list(zip(heads, widths, strict=True)))
    for i, values in enumerate(records, start=first + 1):
        for j, value in enumerate(values, start=1):
            _put(ws, i, j, value, None)
            ws.cell(i, j).alignment = _WRAP
        fit_height(ws, i, list(zip(values, widths, strict=True)))
    ws.freeze_panes = f"A{first + 1}"
    ws.auto_filter.ref = f"A{first}:{last}{len(records) + first}"
    ws.print_title_rows = f"{first}:{first}"


# ---- Om --------------------------------------------------------------------------------------


def _local(created: dt.datetime) -> tuple[dt.datetime, str]:
    """The creation time (naive UTC) in Swedish time, and its number format's tail; UTC where
    the system has no time zone data."""
    try:
        zone = ZoneInfo(_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return created, ' "UTC"'
    return created.replace(tzinfo=dt.UTC).astimezone(zone).replace(tzinfo=None), ""


def _method(method: Mapping[str, Any], lang: int) -> tuple[list[str], list[list[Any]]]:
    """How the proposal was made in sentences, and the matrix (head row, then one row a level)."""
    w = METHOD[lang]
    lines: list[str] = []
    lo, hi = (_percent(100 * b, lang) for b in method.get("bounds", (0.9, 1.1)))
    labels = (method.get("labels_en") if lang else None) or method.get("labels") or ()
    low = method.get("scale_min")

    def label(level: int) -> str:
        i = int(level) - int(low) if low is not None else -1
        return f"{level} – {labels[i]}" if 0 <= i < len(labels) else str(level)

    if low is not None and method.get("scale_max") is not None:
        levels = range(int(low), int(method["scale_max"]) + 1)
        words = ": " + ", ".join(map(label, levels)) if labels else ""
        lines.append(w["scale"].format(min=low, max=method["scale_max"], labels=words))
        lines.append(w["rating"].format(expected=label(method.get("expected", low))))
    bands = " " + w["bands"].format(lo=lo, hi=hi) if method.get("bounds") is not None else ""
    lines.append(w["position"] + bands)
    shared = [w["shared"]] if method.get("shared") else []  # why no pot below the totals
    if method.get("mode") != "matrix":
        lines += ([w["proposals"]] if method.get("mode") == "proposals" else []) + shared
    else:  # the pot, its share for the plan, the guarantee and cap, then the matrix below
        who = w["who"].get(str(method.get("pot_unit", "unit")), w["who"][""])
        if method.get("pot_pct") is not None:
            pct = _percent(float(method["pot_pct"]), lang)
            lines.append(w["pot_pct"].format(who=who, pct=pct))
        elif method.get("pot_per_head") is not None:
            kr = _kr(method["pot_per_head"], lang)
            lines.append(w["pot_kr"].format(who=who, kr=kr))
        lines += shared
        if float(method.get("action_plan_share") or 0) > 0:
            share = _percent(100 * float(method["action_plan_share"]), lang)
            lines.append(w["share"].format(share=share))
        if float(method.get("guarantee") or 0) > 0:
            lines.append(w["guarantee"].format(g=_kr(method["guarantee"], lang)))
        if method.get("cap") is not None:
            lines.append(w["cap"].format(cap=_kr(method["cap"], lang)))
        lines.append(w["matrix"])
    matrix: list[list[Any]] = []
    if method.get("mode") == "matrix" and method.get("matrix"):
        matrix.append([h.format(lo=lo, hi=hi) for h in w["head"]])
        for level in sorted(method["matrix"], key=int, reverse=True):
            matrix.append([label(int(level)), *(float(x) for x in method["matrix"][level])])
    return lines, matrix


def about_sheet(
    ws: Any,
    rows: pd.DataFrame,
    manager: str,
    organisation: str,
    year: int,
    created: dt.datetime,
    lang: int,
    method: Mapping[str, Any],
) -> None:
    title, labels, how, steps, change, legend, yellow, rules = ABOUT[lang]
    ws.title = _ABOUT[lang]
    for col, width in _ABOUT_WIDTHS.items():
        ws.column_dimensions[col].width = width
    wide, rest = sum(_ABOUT_WIDTHS.values()), sum(_ABOUT_WIDTHS.values()) - _ABOUT_WIDTHS["A"]
    ws.cell(1, 1, title.format(year=year)).font = _TITLE
    staff = rows["employee_id"].nunique() if "employee_id" in rows.columns else len(rows)
    when, tail = _local(created)
    values = (organisation, int(year), manager, int(staff), len(rows), when)
    for i, (label, value) in enumerate(zip(labels, values, strict=True), start=3):
        ws.cell(i, 1, label).font = BOLD
        stamp = FORMATS["date"][lang] + " hh:mm" + tail
        _put(ws, i, 2, value, stamp if isinstance(value, dt.datetime) else None)
        ws.cell(i, 2).alignment = Alignment(horizontal="left")
    row = len(labels) + 4
    ws.cell(row, 1, how).font = BOLD
    for i, step in enumerate(steps, start=row + 1):
        banner(ws, i, step, wide, None, "E")
    row += len(steps) + 2
    ws.cell(row, 1, change).font = BOLD
    key = ws.cell(row + 1, 1, legend)
    key.fill, key.alignment = EDIT, _WRAP
    ws.cell(row + 1, 2, yellow).alignment = _WRAP
    ws.merge_cells(f"B{row + 1}:E{row + 1}")
    fit_height(ws, row + 1, [(yellow, rest)])
    folded, them = FOLDED[lang][int(method.get("folded", 2))]
    for i, text in enumerate(rules, start=row + 2):
        banner(ws, i, text.format(cap=CAP_PCT, folded=folded, them=them), wide, None, "E")
    row += len(rules) + 3
    lines, matrix = _method(method, lang)
    ws.row_breaks.append(Break(id=row - 1))  # how the proposal was made: a page of its own
    ws.cell(row, 1, METHOD[lang]["title"]).font = BOLD
    for i, text in enumerate(lines, start=row + 1):
        banner(ws, i, text, wide, None, "E")
    row += len(lines) + 2
    if matrix:
        head_row(ws, row, matrix[0])
        fit_height(ws, row, list(zip(matrix[0], _ABOUT_WIDTHS.values(), strict=False)))
        for i, values in enumerate(matrix[1:], start=row + 1):
            for j, value in enumerate(values, start=1):
                _put(ws, i, j, value, FORMATS["pts"][lang] if j > 1 else None)
                ws.cell(i, j).alignment = _WRAP if j == 1 else Alignment(horizontal="center")

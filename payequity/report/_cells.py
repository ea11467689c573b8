"""Cells, widths, print setup and saving shared by ``survey.xlsx`` and the managers' workbooks."""

from __future__ import annotations

import datetime as dt
import io
import math
import zipfile
from typing import Any

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.writer.excel import ExcelWriter

from ._vocabulary import _WIDTH

_BOLD = Font(name="Calibri", bold=True)  # named: unnamed bold falls back to a serif
_FILL = PatternFill("solid", fgColor="D9D9D9")
_HEAD = Alignment(wrap_text=True, vertical="top")
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")
_NUMERIC = {"kr", "kr2", "pct", "share", "p", "coef", "int", "dec", "pts", "num"}
_BOOL_TEXT = {"true": True, "false": False}


def _cell(value: Any, kind: str) -> Any:
    """A value Excel can hold: numbers as numbers, NaN/inf → None, text stays text."""
    if isinstance(value, np.generic):
        value = value.item()
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if kind == "bool":
        if isinstance(value, str):
            return _BOOL_TEXT.get(value.strip().lower(), value)
        return bool(value) if isinstance(value, int | float) else value
    if kind == "date":
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip()[:10])
            except ValueError:
                return value
        if isinstance(value, dt.datetime) and value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value
    if isinstance(value, str) and kind in _NUMERIC:
        try:
            number = float(value.replace("\u2212", "-"))
        except ValueError:
            return value
        return _cell(number, kind)
    if isinstance(value, float) and kind in ("int", "id") and value.is_integer():
        return int(value)
    return value


def _text(value: str) -> str:
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return value if len(value) <= 32767 else value[:32766] + "…"


def _put(ws: Any, row: int, col: int, value: Any, fmt: str | None) -> None:
    if isinstance(value, str):
        cell = ws.cell(row, col, _text(value))
        cell.data_type = "s"  # never a formula or an error code, whatever the text begins with
        return
    cell = ws.cell(row, col, value)
    if isinstance(value, float):
        cell._value = repr(value)  # openpyxl writes "%.16g", one digit short of a round trip
    if fmt and value is not None and not isinstance(value, bool):
        cell.number_format = fmt
    elif isinstance(value, int) and not isinstance(value, bool):
        cell.number_format = "0"


def _lines(text: Any, width: float) -> int:
    """Lines ``text`` takes wrapped word by word in a column ``width`` characters wide (a
    little narrower than the column, for the cell's margins and bold type); each line break in
    the text starts a new line."""
    room = max(int(width) - 2, 1)
    total = 0
    for paragraph in str(text or "").split("\n"):
        lines, used = 1, 0
        for word in paragraph.split():
            if used and used + 1 + len(word) > room:
                lines, used = lines + 1, 0
            used += len(word) + (1 if used else 0)
            while used > room:  # a word wider than the column breaks inside
                lines, used = lines + 1, used - room
        total += lines
    return total


def _header_width(head: str) -> int:
    """Wide enough for the header in at most three lines, and for its longest word."""
    longest = max((len(w) for w in head.split()), default=0)
    return max(longest, math.ceil(len(head) / 3), 6) + 2


def _print_setup(ws: Any, title: str = "", lang: int = 0) -> None:
    """Printable as a reader expects: landscape, one page wide, as many pages tall as needed
    (the header row repeats on each, see ``print_title_rows``); each page says what it is:
    the sheet and the title at the top, the page number at the foot."""
    top = "&A" + (f" – {title.replace('&', '&&')}" if title else "")
    ws.oddHeader.center.text = top
    ws.oddFooter.center.text = ("Sida &P av &N", "Page &P of &N")[lang]
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _width(value: Any, kind: str) -> int:
    if value is None:
        return 0
    if isinstance(value, str):
        return len(value.split("\n", 1)[0]) + 2
    if kind in ("kr", "kr2") and isinstance(value, int | float):
        return len(f"{abs(value):,.0f}") + (7 if kind == "kr2" else 4)
    if isinstance(value, int | float) and not isinstance(value, bool) and kind not in _WIDTH:
        return len(f"{abs(value):,.2f}") + 2
    return _WIDTH.get(kind, 10)


def _utc(when: dt.datetime) -> dt.datetime:
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC).replace(tzinfo=None)
    return when.replace(microsecond=0)


def _save(wb: Workbook, created: dt.datetime) -> bytes:
    """openpyxl's save without the clock: zip entries get ``created`` as their time too."""
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).write_data()
    stamp = max(created, dt.datetime(1980, 1, 1)).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type, fixed.create_system = zipfile.ZIP_DEFLATED, 0
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()

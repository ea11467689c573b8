"""Reading a source file into raw cells, and parsing cells into numbers, dates and flags.

Everything here works on the raw values as they stand in the file (strings for CSV, Python
objects for XLSX and Parquet); :mod:`payequity.io` maps and validates them.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..exceptions import DataFileError

ENCODINGS = ("utf-8-sig", "utf-8", "cp1252")
DELIMITERS = (";", ",", "\t")
_SPACES = " \u00a0\u202f"
_EXCEL_EPOCH = pd.Timestamp("1899-12-30")


@dataclass
class RawTable:
    """The cells of a source file, one row per non-blank record, all as read."""

    cells: pd.DataFrame  # index = source_row (1-based sheet row, header = 1)
    path: Path
    sha256: str
    fmt: str  # csv xlsx parquet
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    blank_rows: list[int] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def read_table(
    path: str | Path,
    *,
    sheet: str | int | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    key: str = "data.path",
) -> RawTable:
    """Read CSV, XLSX or Parquet into raw cells (see :class:`RawTable`).

    ``key`` names the config key of the file in messages.
    """
    path = Path(path)
    if not path.is_file():
        raise DataFileError(f"{path}: no such data file; check {key} in survey.toml")
    suffix = path.suffix.lower()
    digest = file_sha256(path)
    if suffix in (".xlsx", ".xlsm"):
        cells, sheet_name, blanks, names = _read_xlsx(path, sheet)
        return RawTable(
            cells, path, digest, "xlsx", sheet=sheet_name, blank_rows=blanks, sheets=names
        )
    if suffix in (".parquet", ".pq"):
        cells = _read_parquet(path)
        return RawTable(cells, path, digest, "parquet")
    if suffix == ".xls":
        raise DataFileError(f"{path}: old .xls workbooks are not read; save it as .xlsx or CSV")
    raw = path.read_bytes()
    enc = encoding or detect_encoding(raw, path)
    try:
        text = raw.decode(enc)
    except UnicodeDecodeError as exc:
        raise DataFileError(
            f"{path}: byte {exc.start} is not valid {enc}; set data.encoding to the file's encoding"
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    delim = delimiter or detect_delimiter(text, path)
    cells, blanks = _read_csv_text(text, delim, path)
    return RawTable(cells, path, digest, "csv", encoding=enc, delimiter=delim, blank_rows=blanks)


def detect_decimal(cells: pd.DataFrame) -> str:
    """Decimal mark of a file that is not ``;``-separated: "," when cells like ``32500,50``
    (a comma and one or two decimals: never a thousands separator) outnumber ``32500.50``."""
    comma = dot = 0
    for col in cells.columns:
        text = cells[col]
        if not all_text(text):
            text = text[text.map(lambda v: isinstance(v, str))]
        text = text.astype(str).str.strip()
        comma += int(text.str.fullmatch(r"-?\d+,\d{1,2}").sum())
        dot += int(text.str.fullmatch(r"-?\d+\.\d{1,2}").sum())
    return "," if comma > dot else "."


def detect_encoding(raw: bytes, path: Path) -> str:
    """utf-8-sig (BOM), else utf-8, else cp1252."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DataFileError(f"{path}: UTF-16 text is not read; save it as UTF-8 (CSV UTF-8)")
    if b"\x00" in raw[:4096]:
        raise DataFileError(
            f"{path}: not a text file (it holds NUL bytes); export it as CSV or XLSX"
        )
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        raw.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        raise DataFileError(
            f"{path}: neither UTF-8 nor cp1252 text; save it as UTF-8 or set data.encoding"
        ) from None


def detect_delimiter(text: str, path: Path) -> str:
    """The delimiter among ; , tab that splits the first lines into the most fields.

    Several lines are read, so a title line above the header does not hide the delimiter.
    """
    lines = [line for line in text.splitlines()[:50] if line.strip()][:10]
    if not lines:
        raise DataFileError(f"{path}: the file is empty; export it again")
    counts = {d: max(len(next(csv.reader([ln], delimiter=d))) for ln in lines) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    if counts[best] < 2:
        raise DataFileError(
            f"{path}: cannot tell the delimiter (no ; , or tab in the first lines); set "
            "data.delimiter"
        )
    return best


def _read_csv_text(text: str, delim: str, path: Path) -> tuple[pd.DataFrame, list[int]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    records: list[tuple[int, list[str]]] = []  # (first physical line, cells)
    line = 1
    try:
        for rec in reader:
            records.append((line, rec))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise DataFileError(
            f"{path}: line {reader.line_num}: {exc}; check quoting in the file"
        ) from None
    start = next((i for i, (_, r) in enumerate(records) if any(c.strip() for c in r)), None)
    if start is None:
        raise DataFileError(f"{path}: the file is empty; export it again")
    header = _header(records[start][1], path)
    width = len(header)
    rows, index, blanks = [], [], []
    for first, rec in records[start + 1 :]:
        if not any(c.strip() for c in rec):
            blanks.append(first)
            continue
        _check_swallowed(rec, first, delim, width, path)
        if len(rec) > width and any(c.strip() for c in rec[width:]):
            if width == 1:
                raise DataFileError(
                    f"{path}: the first row holds only {header[0]!r}: if that is a title, remove "
                    "it so the header row comes first"
                )
            raise DataFileError(
                f"{path}: row {first} has {len(rec)} fields but the header has {width}; "
                "check the delimiter (data.delimiter) and quoting"
            )
        rows.append((rec + [""] * width)[:width])
        index.append(first)
    cells = pd.DataFrame(
        rows, columns=header, index=pd.Index(index, name="source_row"), dtype=object
    )
    return _drop_empty_unnamed(cells), blanks


def _check_swallowed(rec: list[str], first: int, delim: str, width: int, path: Path) -> None:
    """An unclosed quote makes one cell swallow the rows after it: refuse, never lose them."""
    for cell in rec:
        if "\n" not in cell and "\r" not in cell:
            continue
        later = cell.replace("\r\n", "\n").replace("\r", "\n").split("\n")[1:]
        if any(part.count(delim) >= max(1, (width - 1) // 2) for part in later):
            raise DataFileError(
                f'{path}: row {first} has a quote (") that is not closed, so it swallows the '
                "lines after it; close or remove the quote"
            )


def _header(raw: list[Any], path: Path) -> list[str]:
    """Header names: stripped, NFC-normalised (Mac exports decompose å ä ö), unique, named."""
    header = [unicodedata.normalize("NFC", "" if h is None else str(h)).strip() for h in raw]
    if not any(header):
        raise DataFileError(f"{path}: the header row is empty; the first row must name the columns")
    dup = sorted({h for h in header if h and header.count(h) > 1})
    if dup:
        raise DataFileError(f"{path}: header repeats {dup}; give each column its own name")
    return [h or f"column_{i + 1}" for i, h in enumerate(header)]


def _drop_empty_unnamed(cells: pd.DataFrame) -> pd.DataFrame:
    """Unnamed columns with no value at all (trailing delimiters) carry nothing: leave them out."""
    empty = [c for c in cells.columns if c.startswith("column_") and blank(cells[c]).all()]
    return cells.drop(columns=empty)


def _read_xlsx(
    path: Path, sheet: str | int | None
) -> tuple[pd.DataFrame, str, list[int], list[str]]:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise DataFileError(
            f"{path}: not a readable XLSX workbook ({exc}); save it again"
        ) from None
    try:
        names = wb.sheetnames
        if sheet is None:
            name = names[0]
        elif isinstance(sheet, int):
            if not 0 <= sheet < len(names):
                raise DataFileError(f"{path}: no sheet number {sheet}; sheets are {names}")
            name = names[sheet]
        elif sheet in names:
            name = sheet
        else:
            raise DataFileError(f"{path}: no sheet {sheet!r}; set data.sheet to one of {names}")
        ws = wb[name]
        if not hasattr(ws, "iter_rows"):
            raise DataFileError(
                f"{path}: sheet {name!r} is a chart, not a table; set data.sheet to the data sheet"
                f" ({', '.join(names)})"
            )
        records = [list(r) for r in ws.iter_rows(values_only=True)]
    finally:
        wb.close()
    start = next((i for i, r in enumerate(records) if any(_filled(c) for c in r)), None)
    if start is None:
        raise DataFileError(f"{path}: sheet {name!r} is empty")
    # cells right of the header still count: the table is as wide as its widest row
    width = max(
        max((j + 1 for j, c in enumerate(r) if _filled(c)), default=0) for r in records[start:]
    )
    head = list(records[start]) + [None] * width
    header = _header(head[:width], path)
    width = len(header)
    rows, index, blanks = [], [], []
    for i, rec in enumerate(records[start + 1 :], start=start + 2):
        rec = (list(rec) + [None] * width)[:width]
        if not any(_filled(c) for c in rec):
            blanks.append(i)
            continue
        rows.append(["" if c is None else c for c in rec])
        index.append(i)
    # trailing blank rows are sheet padding, not records
    blanks = [b for b in blanks if index and b < index[-1]]
    cells = pd.DataFrame(
        rows, columns=header, index=pd.Index(index, name="source_row"), dtype=object
    )
    cells = _drop_empty_unnamed(cells)
    return cells, name, blanks, list(names)


def _filled(value: Any) -> bool:
    return value is not None and str(value).strip() != ""


def _read_parquet(path: Path) -> pd.DataFrame:
    try:
        frame = pd.read_parquet(path)
    except Exception as exc:  # pyarrow raises several kinds for a broken file
        raise DataFileError(f"{path}: not a readable Parquet file ({exc})") from None
    if not isinstance(frame.index, pd.RangeIndex) or frame.index.name is not None:
        frame = frame.reset_index()  # an id saved as the index is a column to the user
    for col in frame.columns:
        if isinstance(frame[col].dtype, pd.DatetimeTZDtype):
            frame[col] = frame[col].dt.tz_convert(None)
    frame = frame.astype(object).where(frame.notna(), "")
    frame.index = pd.Index(range(2, len(frame) + 2), name="source_row")
    frame.columns = _header(list(frame.columns), path)
    return frame


# --- parsing cells ---------------------------------------------------------------------------

_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?")
_CURRENCY = re.compile(r"^(?:SEK|kr|USD|EUR|\$|€)\s*|\s*(?:SEK|kr|kr\.|:-|USD|EUR|\$|€)$", re.I)


def header_delimiter(path: Path) -> str | None:
    """A register's header names its columns, so the delimiter that splits it most is the one
    (its free-text cells may well hold more commas than the header has semicolons)."""
    if path.suffix.lower() not in (".csv", ".txt", ".tsv", ""):
        return None
    with open(path, "rb") as fh:
        first = fh.readline().decode("utf-8", errors="replace")
    counts = {d: first.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else None


def all_text(values: pd.Series) -> bool:
    """True when every cell is a string (always so for CSV), so vectorised paths apply."""
    return pd.api.types.infer_dtype(values, skipna=False) in ("string", "empty")


def as_text(values: pd.Series) -> pd.Series:
    """Raw cells as stripped strings: blanks "", whole floats without ".0", dates ISO."""
    if all_text(values):
        return values.astype(str).str.strip()
    return values.map(plain_text)


def plain_text(v: Any) -> str:
    """One raw cell as stripped text (blank → "", 3.0 → "3", dates as ISO)."""
    if v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NaT or v is pd.NA:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, pd.Timestamp | dt.datetime):
        return v.strftime("%Y-%m-%d")
    return str(v).strip()


def blank(values: pd.Series) -> pd.Series:
    """True where a raw cell is empty."""
    return as_text(values) == ""


def parse_numbers(values: pd.Series, decimal: str) -> tuple[pd.Series, pd.Series]:
    """Parse raw cells to floats.

    Returns ``(numbers, invalid)``: blanks are NaN and not invalid; text that is not a number in
    the file's style is NaN and invalid. Thousands separators: space, no-break space, narrow
    no-break space, or the other of ``.``/``,`` when grouped by three digits.
    """
    out = pd.Series(np.nan, index=values.index, dtype=float)
    if all_text(values):
        is_num = pd.Series(False, index=values.index)
    else:
        is_num = values.map(
            lambda v: isinstance(v, int | float | np.number) and not isinstance(v, bool)
        )
    if is_num.any():
        out[is_num] = values[is_num].astype(float)
    rest = values[~is_num]
    invalid = pd.Series(False, index=values.index)
    if rest.empty:
        return out, invalid
    t = rest.astype("string").fillna("").str.strip()
    t = t.str.replace(_CURRENCY, "", regex=True).str.strip()
    t = t.str.replace("\u2212", "-", regex=False)  # typographic minus
    sep = "." if decimal == "," else ","
    if decimal == "," and not t.str.contains(",", regex=False).any():
        # a column whose dots can only be decimal points ("0.500", "32.50") uses them so
        # throughout, "1.000" included: one column, one style
        dots = t.str.fullmatch(r"[-+]?(?:0\.\d+|\d+\.\d{1,2}|\d+\.\d{4,})")
        if dots.fillna(False).any():
            decimal, sep = ".", ","
    # a thousands group never starts with 0: "0.500" is a decimal, "1.500" fifteen hundred
    group = (
        rf"[-+]?[1-9]\d{{0,2}}(?:[{_SPACES}{re.escape(sep)}]\d{{3}})+(?:{re.escape(decimal)}\d+)?"
    )
    grouped = t.str.fullmatch(group).fillna(False)
    t = t.where(~grouped, t.str.replace(rf"[{_SPACES}{re.escape(sep)}]", "", regex=True))
    if decimal == ",":
        t = t.str.replace(",", ".", regex=False)
    ok = t.str.fullmatch(_NUMBER.pattern).fillna(False)
    empty = t == ""
    parsed = pd.to_numeric(t.where(ok), errors="coerce")
    out[rest.index] = parsed.astype(float)
    invalid[rest.index] = ~ok & ~empty
    infinite = np.isinf(out)  # "1e309" or an Excel overflow is no amount
    out[infinite] = np.nan
    return out, invalid | infinite


def parse_dates(
    values: pd.Series, date_format: str | None, *, column: str, path: Path | str
) -> tuple[pd.Series, pd.Series]:
    """Parse raw cells to dates (datetime64).

    ISO (``2026-09-01``, optionally with a time), ``YYYYMMDD`` and Excel serial numbers are
    detected; any other style needs ``date_format`` (strptime codes, e.g. ``%m/%d/%Y``). When most
    values are in no detected style and no format is given, a :class:`DataFileError` names the
    column and the fix. Returns ``(dates, invalid)``.
    """
    out = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
    empty = blank(values)
    is_str = (
        pd.Series(True, index=values.index)
        if all_text(values)
        else values.map(lambda v: isinstance(v, str))
    )
    s = values[is_str & ~empty].astype(str).str.strip()
    if len(s):
        parsed = pd.Series(pd.NaT, index=s.index, dtype="datetime64[ns]")
        if date_format:
            try:
                got = pd.to_datetime(s, format=date_format, errors="coerce")
            except ValueError as exc:
                raise DataFileError(
                    f"{path}: date_format {date_format!r} is not a date format ({exc}); use "
                    'strptime codes such as "%m/%d/%Y"'
                ) from None
            parsed = got.astype(parsed.dtype)
        for pattern, fmt, cut in ((_ISO, "%Y-%m-%d", 10), (r"\d{8}", "%Y%m%d", 8)):
            todo = parsed.isna() & s.str.fullmatch(pattern)
            if todo.any():
                got = pd.to_datetime(s[todo].str[:cut], format=fmt, errors="coerce")
                parsed[todo] = got.astype(parsed.dtype)
        todo = parsed.isna() & s.str.fullmatch(r"\d{1,5}(?:[.,]\d+)?")
        if todo.any():
            serial = s[todo].str.replace(",", ".").astype(float)
            ok = (serial >= SERIAL_RANGE[0]) & (serial <= SERIAL_RANGE[1])
            days = pd.to_timedelta(serial[ok].astype(int), unit="D")
            parsed[ok[ok].index] = (_EXCEL_EPOCH + days).astype(parsed.dtype)
        out[s.index] = parsed
    for idx, v in values[~is_str & ~empty].items():  # XLSX dates and numbers
        got = _parse_date(v, date_format)
        if got is not None:
            out[idx] = got
    invalid = out.isna() & ~empty
    n = int((~empty).sum())
    styled = values[invalid].map(lambda v: bool(_OTHER_STYLE.fullmatch(str(v).strip())))
    if date_format is None and n and invalid.sum() > n / 2 and styled.any():
        example = values[invalid][styled].iloc[0]
        raise DataFileError(
            f"{path or 'the data'}: column {column!r} holds dates like {str(example)!r} that "
            'are not ISO, YYYYMMDD or Excel serials; set data.date_format (e.g. "%m/%d/%Y")'
        )
    return out, invalid


_ISO = r"\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
_OTHER_STYLE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?:\s.*)?|\d{1,2}\s*\w+\s*\d{2,4}")


def _parse_date(v: Any, date_format: str | None) -> pd.Timestamp | None:
    if isinstance(v, pd.Timestamp | dt.datetime):
        return pd.Timestamp(v).normalize()
    if isinstance(v, dt.date):
        return pd.Timestamp(v)
    if isinstance(v, int | float | np.number) and not isinstance(v, bool):
        return _from_serial(float(v))
    s = str(v).strip()
    if date_format:
        try:
            return pd.Timestamp(dt.datetime.strptime(s, date_format)).normalize()
        except ValueError:
            pass
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?", s):
            return pd.Timestamp(dt.datetime.fromisoformat(s)).normalize()
        if re.fullmatch(r"\d{8}", s):
            return pd.Timestamp(dt.datetime.strptime(s, "%Y%m%d"))
    except ValueError:
        return None
    if re.fullmatch(r"\d{1,5}(?:[.,]\d+)?", s):
        return _from_serial(float(s.replace(",", ".")))
    return None


SERIAL_RANGE = (7306, 73415)  # Excel serials of 1920-01-01 and 2100-12-31: plausible HR dates


def _from_serial(x: float) -> pd.Timestamp | None:
    if SERIAL_RANGE[0] <= x <= SERIAL_RANGE[1]:
        return (_EXCEL_EPOCH + pd.Timedelta(days=int(x))).normalize()
    return None


_TRUE = {"ja", "j", "yes", "y", "true", "sant", "1", "x", "chef"}
_FALSE = {"nej", "n", "no", "false", "falskt", "0", ""}


def parse_flags(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Parse yes/no cells (Ja/Nej, yes/no, true/false, 1/0, x/blank). Returns (flags, invalid)."""
    text = values.map(
        lambda v: str(v).strip().lower() if not isinstance(v, bool) else str(v).lower()
    )
    text = text.replace({"1.0": "1", "0.0": "0"})
    flags = pd.Series(pd.NA, index=values.index, dtype="boolean")
    flags[text.isin(_TRUE)] = True
    flags[text.isin(_FALSE)] = False
    invalid = ~text.isin(_TRUE | _FALSE)
    return flags, invalid

"""Managers' proposed salaries (the review's manual mode): reading and matching to the pay data.

The file (``review.proposals``, CSV or XLSX) has ``employee_id``, optionally ``job_code`` (needed
for a person with two employments) and either ``new_base_salary`` (the proposed full-time monthly
salary) or ``raise`` (the proposed full-time raise in kronor, the action plan's adjustment
included). Swedish headers are accepted (Anst.nr or Anställningsnummer, Befattningskod, Ny lön,
Höjning), and those of the manager's workbook (``review/managers/<manager>.xlsx``, Swedish or
English): an edited workbook is read as it is, its free-text column "Din motivering" ignored.
Of an XLSX the first sheet is read; rows without an employee id (the workbook's totals) are
skipped. A workbook whose new-salary column is all formulas (the manager's workbook computes it
from the raise) is read by its raise column.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd

from ..exceptions import DataFileError, SchemaError
from ..io import as_text
from ._criteria import read_cells

__all__ = ["load_proposals"]

_ALIASES = {
    "employee_id": ("employee_id", "anst.nr", "anstnr", "anställningsnummer", "employee id"),
    "job_code": ("job_code", "befattningskod", "aid", "job code"),
    "new_base_salary": (
        "new_base_salary",
        "ny lön",
        "ny månadslön",
        "föreslagen lön",
        "ny_lon",
        "new salary",
    ),
    "raise": ("raise", "höjning", "föreslagen höjning", "lönehöjning", "proposed raise"),
}


def load_proposals(source: str | Path | pd.DataFrame, frame: pd.DataFrame) -> pd.Series:
    """The proposed full-time raise of each employment in ``frame`` (NaN = no proposal).

    Examples
    --------
    >>> frame = pd.DataFrame({"employee_id": ["1", "2"], "job_code": ["a", "a"],
    ...                       "base_salary": [30000.0, 32000.0]})
    >>> load_proposals(pd.DataFrame({"Anst.nr": ["1"], "Ny lön": ["30 900"]}), frame).tolist()
    [900.0, nan]
    """
    where, cells = read_cells(source, "review.proposals")
    headers = {_header(h): h for h in cells.columns}
    col = {k: next((headers[a] for a in v if a in headers), None) for k, v in _ALIASES.items()}
    if col["employee_id"] is None:
        raise SchemaError(f"{where}: no employee_id column (or Anst.nr); add it")
    if col["new_base_salary"] and col["raise"] and _formulas(source, col["new_base_salary"]):
        col["new_base_salary"] = None  # the workbook computes it from the raise: read the raise
    amount = col["new_base_salary"] or col["raise"]
    if amount is None or (col["new_base_salary"] and col["raise"]):
        raise SchemaError(
            f"{where}: give one column new_base_salary (Ny lön) or raise (Höjning), not "
            + ("both" if amount else "neither")
        )
    ids = as_text(cells[col["employee_id"]])
    jobs = as_text(cells[col["job_code"]]) if col["job_code"] else pd.Series("", index=ids.index)
    text = as_text(cells[amount]).str.replace(r"[\s\u00a0]|kr", "", regex=True)
    values = pd.to_numeric(text.str.replace(",", ".", regex=False), errors="coerce")
    keys = frame.reset_index()[["employee_id", "job_code"]].astype(str)
    out = pd.Series(np.nan, index=frame.index)
    seen: dict[tuple[str, str], int] = {}
    for row in cells.index:
        eid, job = ids[row], jobs[row]
        if not eid:
            continue
        if pd.isna(values[row]):
            raise DataFileError(
                f"{where}, row {row}: {cells.loc[row, amount]!r} is not an amount in kronor; fix it"
            )
        match = keys["employee_id"] == eid
        if job:
            match &= keys["job_code"] == job
        hits = np.flatnonzero(match.to_numpy())
        if len(hits) == 0:
            raise DataFileError(
                f"{where}, row {row}: employee {eid}{f' in job {job}' if job else ''} is not in "
                "the pay data; correct the id or remove the row"
            )
        if len(hits) > 1:
            raise DataFileError(
                f"{where}, row {row}: employee {eid} has {len(hits)} employments; add a job_code "
                "column saying which one"
            )
        if (eid, job) in seen:
            raise DataFileError(
                f"{where}, rows {seen[(eid, job)]} and {row}: two proposals for employee {eid}; "
                "keep one"
            )
        seen[(eid, job)] = row
        i = frame.index[hits[0]]
        base = float(frame.loc[i, "base_salary"])
        out[i] = values[row] - base if col["new_base_salary"] else values[row]
    return out


def _header(text: object) -> str:
    """A header as the aliases spell it: lower case, single spaces, and a word broken over two
    lines with a hyphen joined again (the manager's workbook writes "Anställnings-⏎nummer")."""
    joined = re.sub(r"-[ \t]*\r?\n\s*", "", str(text))
    return " ".join(joined.split()).lower()


def _formulas(source: str | Path | pd.DataFrame, header: str) -> bool:
    """Whether the column ``header`` of an XLSX file's first sheet holds formulas in every filled
    cell below its header (the cells are read as values, which openpyxl leaves empty when the
    file was written without cached results)."""
    if isinstance(source, pd.DataFrame) or Path(source).suffix.lower() not in (".xlsx", ".xlsm"):
        return False
    import openpyxl

    try:
        wb = openpyxl.load_workbook(source, read_only=True, data_only=False)
    except Exception:  # read_cells has read it already; a second failure is no reason to stop
        return False
    try:
        ws = wb[wb.sheetnames[0]]
        column, found = None, False
        for row in ws.iter_rows(values_only=True):
            if column is None:
                texts = [unicodedata.normalize("NFC", str(v or "")).strip() for v in row]
                if any(texts):  # the header: the first row with anything in it, as read_table
                    if header not in texts:
                        return False
                    column = texts.index(header)
                continue
            value = row[column] if column < len(row) else None
            if value is None or str(value).strip() == "":
                continue
            if not (isinstance(value, str) and value.startswith("=")):
                return False
            found = True
        return found
    finally:
        wb.close()

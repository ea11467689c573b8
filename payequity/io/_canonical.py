"""Mapping raw cells onto the canonical columns, with the row rules of DESIGN §3.1.

Each rule either excludes a row with a reason (the first reason found wins, so every excluded
row is counted once) or records a warning on a kept row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._pseudonym import pseudonym
from . import _personnummer as pnr
from ._read import as_text, blank, parse_dates, parse_flags, parse_numbers, plain_text

TEXT = (
    "employee_id",
    "gender",
    "unit",
    "unit_path",
    "job_code",
    "work_group",
    "job_title",
    "education",
    "employment_form",
    "manager_id",
)
ORDER = (
    "employee_id",
    "gender",
    "unit",
    "unit_path",
    "job_code",
    "work_group",
    "job_title",
    "fte",
    "base_salary",
    "supplements",
    "monthly_pay",
    "variable_pay",
    "weekly_hours",
    "birth_year",
    "age",
    "hire_date",
    "tenure_years",
    "education",
    "employment_form",
    "is_manager",
    "manager_id",
    "leave_days",
)
_GENDER_WORDS = {
    "f": "F",
    "k": "F",
    "kvinna": "F",
    "kvinnor": "F",
    "female": "F",
    "woman": "F",
    "w": "F",
    "m": "M",
    "man": "M",
    "män": "M",
    "male": "M",
}


class Rows:
    """Collects the first exclusion reason per row, and warnings on rows."""

    def __init__(self, index: pd.Index):
        self.reason = pd.Series("", index=index, dtype=object)
        self.column = pd.Series("", index=index, dtype=object)
        self.value = pd.Series("", index=index, dtype=object)
        self.warn: list[pd.DataFrame] = []

    def exclude(self, mask: pd.Series, reason: str, column: str, values: pd.Series) -> None:
        new = mask.reindex(self.reason.index, fill_value=False).astype(bool) & (self.reason == "")
        if new.any():
            self.reason[new] = reason
            self.column[new] = column
            self.value[new] = values.reindex(self.reason.index)[new].map(cell_text)

    @property
    def kept(self) -> pd.Series:
        return self.reason == ""

    def warning(self, mask: pd.Series, kind: str, column: str, values: pd.Series) -> None:
        mask = mask.reindex(self.reason.index, fill_value=False).astype(bool)
        if mask.any():
            shown = values.reindex(mask.index)[mask].map(cell_text)
            self.warn.append(
                pd.DataFrame({"column": column, "value": shown, "warning": kind}, index=shown.index)
            )


def cell_text(v: Any) -> str:
    """A raw cell as text for messages and files, personnummer masked."""
    text = plain_text(v)
    return pnr.mask_text(text)[0] if any(ch.isdigit() for ch in text) else text


def map_columns(
    cells: pd.DataFrame,
    mapping: Mapping[str, list[str]],
    values: Mapping[str, Mapping[str, Any]],
    rows: Rows,
    *,
    decimal: str,
    opts: dict[str, Any],
    path: Path,
    key: str | None,
) -> pd.DataFrame:
    """Return the canonical columns for every source row, recording exclusions and warnings."""
    out = pd.DataFrame(index=cells.index)
    details: dict[str, Any] = {}

    def text(canonical: str) -> pd.Series:
        parts = [as_text(cells[h]) for h in mapping[canonical]]
        joined = parts[0]
        for p in parts[1:]:
            joined = joined.str.cat(p, sep="/").str.strip("/").str.replace("//", "/")
        vmap = {str(k): str(v) for k, v in values.get(canonical, {}).items()}
        return joined.map(lambda v: vmap.get(v, v)) if vmap else joined

    def safe_text(canonical: str) -> pd.Series:
        """A text column with personnummer tokens masked (and a warning per masked row)."""
        vals = text(canonical)
        has = pnr.contains_personnummer(vals)
        if has.any():
            rows.warning(has, "personnummer_masked", mapping[canonical][0], vals)
            vals = vals.where(~has, vals[has].map(lambda v: pnr.mask_text(v)[0]))
        return vals

    def numbers(canonical: str, *, blank_zero: bool) -> tuple[pd.Series, pd.Series, str]:
        """Sum of the mapped columns; returns (value, invalid, header of the first invalid)."""
        total = pd.Series(0.0, index=cells.index)
        any_filled = pd.Series(False, index=cells.index)
        invalid = pd.Series(False, index=cells.index)
        where = pd.Series(mapping[canonical][0], index=cells.index, dtype=object)
        vmap = {str(k): v for k, v in values.get(canonical, {}).items()}
        for h in mapping[canonical]:
            raw = cells[h]
            if vmap:
                raw = as_text(raw).map(lambda v: vmap.get(v, v))
            num, bad = parse_numbers(raw, decimal)
            bad |= num < 0
            where[bad & ~invalid] = h
            invalid |= bad
            any_filled |= num.notna()
            total = total + num.fillna(0.0)
        if not blank_zero:
            total = total.where(any_filled)
        return total, invalid, where

    # identity and required text columns
    if "employee_id" in mapping:
        ids = text("employee_id")
        if key is not None:
            ids = ids.map(lambda v: pseudonym(v, key) if v else v)
        else:
            has = pnr.contains_personnummer(ids)
            rows.warning(has, "personnummer_masked", mapping["employee_id"][0], ids)
            ids = ids.where(~has, "")
        missing_id = ids == ""
        rows.warning(missing_id, "generated_id", mapping["employee_id"][0], ids)
        ids = ids.where(~missing_id, "row-" + cells.index.astype(str).to_series(index=cells.index))
    else:
        ids = "row-" + cells.index.astype(str).to_series(index=cells.index)
    out["employee_id"] = ids

    out["job_code"] = safe_text("job_code")
    # the row key (DESIGN §3.1): every row of a key that occurs twice is excluded, whatever else
    keyed = out["job_code"] != ""
    dup = keyed & out[["employee_id", "job_code"]].duplicated(keep=False)
    id_header = mapping.get("employee_id", ["employee_id"])[0]
    rows.exclude(dup, "duplicate_key", id_header, out["employee_id"])
    gender_raw = text("gender")
    if values.get("gender"):
        gender = gender_raw.where(gender_raw.isin(["F", "M"]), None)
        vmap = {str(k): str(v) for k, v in values["gender"].items()}
        gender = gender.fillna(gender_raw.map(vmap))
    else:
        gender = gender_raw.str.casefold().map(_GENDER_WORDS)
    g_header = mapping["gender"][0]
    raw_gender = cells[g_header]
    rows.exclude(gender_raw == "", "missing_gender", g_header, raw_gender)
    rows.exclude(gender.isna(), "unmapped_gender", g_header, raw_gender)
    out["gender"] = gender.fillna("")

    rows.exclude(out["job_code"] == "", "missing_job_code", mapping["job_code"][0], out["job_code"])
    out["unit"] = safe_text("unit")
    rows.exclude(out["unit"] == "", "missing_unit", mapping["unit"][0], out["unit"])
    if "unit_path" in mapping:
        out["unit_path"] = safe_text("unit_path")
        rows.exclude(
            out["unit_path"] == "", "missing_unit", mapping["unit_path"][0], out["unit_path"]
        )

    # pay
    annual = opts.get("pay_period", "monthly") == "annual"
    base, bad, where = numbers("base_salary", blank_zero=False)
    bad |= base.isna() | (base <= 0)
    h = mapping["base_salary"][0]
    rows.exclude(bad, "invalid_pay", h, cells[h])
    out["base_salary"] = base / 12 if annual else base
    for canonical in ("supplements", "variable_pay"):
        if canonical in mapping:
            val, bad, where = numbers(canonical, blank_zero=True)
            for header in dict.fromkeys(where[bad]):
                rows.exclude(bad & (where == header), "invalid_pay", header, cells[header])
            val = val.where(~bad)
            out[canonical] = val / 12 if annual and canonical == "supplements" else val
        else:
            out[canonical] = 0.0

    # employment rate and hours
    if "fte" in mapping:
        h = mapping["fte"][0]
        raw = as_text(cells[h])
        pct_cells = raw.str.endswith("%")
        fte, bad = parse_numbers(raw.str.rstrip("%").str.strip(), decimal)
        unit = opts.get("fte_unit")
        if unit is None:
            median = float(np.nanmedian(fte)) if fte.notna().any() else 1.0
            percent = h.rstrip().endswith("%") or pct_cells.any() or median > 1.5
            unit = "percent" if percent else "fraction"
        details["fte_unit"] = unit
        if unit == "percent":
            fte = fte / 100
        bad |= fte.isna() | (fte <= 0) | (fte > 1.5)
        rows.exclude(bad, "invalid_fte", h, cells[h])
        rows.warning(~bad & (fte > 1), "fte_over_1", h, cells[h])
        rows.warning(~bad & (fte < 0.05), "fte_below_5_percent", h, cells[h])
        out["fte"] = fte.where(~bad)
    else:
        out["fte"] = 1.0
    if "weekly_hours" in mapping:
        h = mapping["weekly_hours"][0]
        hours, bad, _ = numbers("weekly_hours", blank_zero=False)
        empty = hours.isna() & ~bad
        bad |= (hours <= 0) | (hours > 80)
        rows.exclude(bad, "invalid_fte", h, cells[h])
        rows.warning(empty, "weekly_hours_defaulted_40", h, cells[h])
        out["weekly_hours"] = hours.where(~bad).fillna(40.0).where(~bad)
    else:
        out["weekly_hours"] = 40.0

    # dates
    if "hire_date" in mapping:
        h = mapping["hire_date"][0]
        dates, bad = parse_dates(cells[h], opts.get("date_format"), column=h, path=path)
        rows.exclude(bad, "invalid_date", h, cells[h])
        out["hire_date"] = dates
    if "birth_year" in mapping:
        h = mapping["birth_year"][0]
        year, bad = parse_numbers(cells[h], decimal)
        looks_date = bad | (year > 9999)
        if looks_date.any():
            dates, _ = parse_dates(cells[h][looks_date], opts.get("date_format"), column=h, path="")
            year[looks_date] = dates.dt.year
            bad = year.isna() & ~blank(cells[h])
        bad |= (year < 1900) | (year > 2100) | (year % 1 != 0)
        rows.exclude(bad, "invalid_date", h, cells[h])
        out["birth_year"] = year.where(~bad).astype("Int64")

    # optional columns
    for canonical in ("job_title", "education", "employment_form", "work_group"):
        if canonical in mapping:
            out[canonical] = safe_text(canonical)
    if "manager_id" in mapping:
        mid = text("manager_id")
        if key is not None:  # ids and manager ids share one pseudonym space
            mid = mid.map(lambda v: pseudonym(v, key) if v else v)
        has = pnr.contains_personnummer(mid)
        rows.warning(has, "personnummer_masked", mapping["manager_id"][0], mid)
        out["manager_id"] = mid.where(~has, "")
    if "is_manager" in mapping:
        h = mapping["is_manager"][0]
        flags, bad = parse_flags(cells[h])
        rows.warning(bad, "invalid_value", h, cells[h])
        out["is_manager"] = flags
    for canonical in ("leave_days", "age", "tenure_years"):
        if canonical in mapping:
            h = mapping[canonical][0]
            num, bad, _ = numbers(canonical, blank_zero=False)
            rows.warning(bad, "invalid_value", h, cells[h])
            out[canonical] = num.where(~bad)
    out.attrs["details"] = details
    return out


def derive_columns(
    frame: pd.DataFrame,
    cells: pd.DataFrame,
    mapping: Mapping[str, list[str]],
    rows: Rows,
    *,
    ref: dt.date | None,
    opts: dict[str, Any],
) -> pd.DataFrame:
    """Derived columns, the key rules and the warnings that need the whole table."""
    if "work_group" not in frame.columns:
        frame["work_group"] = frame["job_code"]
    frame["monthly_pay"] = frame["base_salary"] + frame["supplements"]
    if ref is not None:
        ts = pd.Timestamp(ref)
        if "birth_year" in frame.columns and "age" not in mapping:
            frame["age"] = (ref.year - frame["birth_year"]).astype("Float64").astype(float)
        if "hire_date" in frame.columns and "tenure_years" not in mapping:
            days = (ts - frame["hire_date"]).dt.days
            after = days < 0
            h = mapping["hire_date"][0]
            rows.warning(after, "hire_date_after_reference_date", h, cells[h])
            early = frame["hire_date"].dt.year < 1940
            if "birth_year" in frame.columns:
                early |= (frame["hire_date"].dt.year - frame["birth_year"]).lt(15).fillna(False)
            rows.warning(early.fillna(False), "implausible_hire_date", h, cells[h])
            frame["tenure_years"] = days.clip(lower=0) / 365.25
    if "age" in frame.columns:
        h = mapping.get("age", mapping.get("birth_year", ["age"]))[0]
        odd = (frame["age"] < 16) | (frame["age"] > 70)
        rows.warning(odd.fillna(False), "age_outside_16_70", h, frame["age"])

    # a person's rows must agree on who they are, among the rows still kept
    id_header = mapping.get("employee_id", ["employee_id"])[0]
    k = frame[rows.kept]
    person = ["gender"] + (["birth_year"] if "birth_year" in frame.columns else [])
    conflict = pd.Series(False, index=k.index)
    for col in person:
        conflict |= k.groupby("employee_id")[col].transform("nunique") > 1
    rows.exclude(
        conflict.reindex(frame.index, fill_value=False),
        "conflicting_person",
        id_header,
        frame["employee_id"],
    )

    k = frame[rows.kept]
    over = k.groupby("employee_id")["fte"].transform("sum") > 1.5
    rows.warning(over, "fte_sum_over_1_5", mapping.get("fte", ["fte"])[0], k["fte"])
    median = k.groupby("job_code")["base_salary"].transform("median")
    outside = (k["base_salary"] < 0.5 * median) | (k["base_salary"] > 2 * median)
    h = mapping["base_salary"][0]
    rows.warning(outside, "pay_outside_job_range", h, cells[h])

    first = [c for c in ORDER if c in frame.columns]
    return frame[first + [c for c in frame.columns if c not in first]]


def extra_column(values: pd.Series, decimal: str, rows: Rows, column: str) -> pd.Series:
    """An unmapped source column: numbers when every filled cell is one, else masked text.

    Personnummer are looked for first, so a number column holding a few of them becomes text
    with those masked rather than floats that still carry them.
    """
    text = as_text(values)
    has = pnr.contains_personnummer(text)
    if not has.any():
        numbers, invalid = parse_numbers(values, decimal)
        if (text != "").any() and not invalid.any():
            return numbers
        return text
    rows.warning(has, "personnummer_masked", column, text)
    return text.where(~has, text.map(cell_text))

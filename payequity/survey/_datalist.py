"""The Logib datalist: the official Excel template read, checked and prepared for :func:`logib`.

Columns, sheets and derived variables as the R package ``logib`` (GitHub admin-ebg/logib) reads
them: age and years of service as year fractions at the reference month, training years by
education level, the standard weekly hours as the most frequent ones.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

import numpy as np
import pandas as pd

from ..exceptions import ParameterError, SchemaError

LOGIB_COLUMNS = (
    "personal_number",
    "age",
    "sex",
    "years_of_service",
    "training",
    "professional_function",
    "level_of_requirements",
    "professional_position",
    "activity_rate",
    "paid_hours",
    "basic_wage",
    "allowances",
    "monthly_wage_13",
    "special_payments",
    "weekly_hours",
    "annual_hours",
    "population",
    "remarks",
    *(f"additional_{i}" for i in range(1, 6)),
)
LOGIB_SHEETS = (
    "data_sheet_template",
    "vorlage_datenblatt",
    "modèle_de_feuille_de_données",
    "modello_del_foglio_di_dati",
)
TRAINING_YEARS = {1: 17, 2: 15, 3: 14, 4: 15, 5: 13, 6: 12, 7: 11, 8: 7}
_NUMERIC = LOGIB_COLUMNS[8:17] + ("training", "level_of_requirements", "professional_position")
_MANDATORY = LOGIB_COLUMNS[:8] + ("basic_wage", "population")


def _read_datalist(datalist: Any) -> pd.DataFrame:
    """The datalist's rows under the R package's column names, values as read."""
    if isinstance(datalist, pd.DataFrame):
        if set(LOGIB_COLUMNS[:17]) <= set(datalist.columns):
            return datalist.reset_index(drop=True)
        raw, where = datalist, "the DataFrame"
    else:
        name = getattr(datalist, "name", str(datalist))
        sheets = pd.read_excel(datalist, sheet_name=None, header=None, engine="openpyxl")
        sheet = next((s for s in sheets if s.strip().casefold() in LOGIB_SHEETS), None)
        if sheet is None:
            raise SchemaError(
                f"{name}: no Logib data sheet ('data_sheet_template' or its de/fr/it "
                f"name); its sheets: {', '.join(map(str, sheets))}"
            )
        grid = sheets[sheet]
        titles = grid.iloc[:50, :23].map(lambda v: isinstance(v, str) and bool(v.strip()))
        found = np.flatnonzero(titles.sum(axis=1).to_numpy() >= 15)  # the header: column titles
        if not len(found):
            raise SchemaError(f"{name}: no header row in the first 50 rows of sheet {sheet!r}")
        raw, where = grid.iloc[found[0] + 1 :], f"{name}, sheet {sheet!r}"
    if raw.shape[1] < 17:
        raise SchemaError(
            f"{where} has {raw.shape[1]} columns; a Logib datalist has 23 "
            "(at least the first 17, in the official order)"
        )
    raw = raw.iloc[:, :23].set_axis(LOGIB_COLUMNS[: min(23, raw.shape[1])], axis=1)
    return raw.dropna(how="all", subset=list(LOGIB_COLUMNS[:17])).reset_index(drop=True)


def _yearfrac(a: dt.date, b: dt.date) -> float:
    """Excel YEARFRAC, basis 1, as the R package's ``yearfrac`` computes it (quirks included)."""
    a, b = min(a, b), max(a, b)
    if a.year == b.year or (a.year + 1 == b.year and (a.month, a.day) >= (b.month, b.day)):
        if a.year == b.year or a.month <= 2:
            long = calendar.isleap(a.year)
        else:  # R's feb29_between: true for any end after February
            long = b.month > 2 or (b.month == 2 and b.day == 29)
        return round((b - a).days / (366 if long else 365), 5)
    days = (dt.date(b.year + 1, 1, 1) - dt.date(a.year, 1, 1)).days
    return round((b - a).days * (b.year - a.year + 1) / days, 5)


def _years(s: pd.Series, year: int, until: dt.date | None) -> pd.Series:
    """Age (``until`` None) or years of service from a count, a 4-digit year or a date."""
    dates = pd.api.types.is_datetime64_any_dtype(s)
    num = pd.Series(np.nan, index=s.index) if dates else pd.to_numeric(s, errors="coerce")
    if num[s.notna()].notna().all():
        digits = num.dropna().abs().map(lambda v: len(str(int(v))))
        if (digits == 4).all():
            return year - num
        if (digits < 4).all():
            return num
        raise SchemaError(f"column {s.name!r} mixes 4-digit years with counts; use one format")
    dates = pd.to_datetime(s.where(num.isna()), errors="coerce", dayfirst=True, format="mixed")
    if until is None:
        return (year - dates.dt.year).astype(float)
    return dates.map(lambda d: np.nan if pd.isna(d) else _yearfrac(d.date(), until)).astype(float)


def _prepare(raw: pd.DataFrame, year: int, month: int, hours: float | None) -> tuple:
    """Derived columns, the rows to analyse, the excluded rows with reasons, standard hours."""
    if month not in range(1, 13):
        raise ParameterError(
            f"'reference_month' must be a month 1–12, got {month!r}; pass the month the pay "
            "refers to, e.g. reference_month=9"
        )
    d = raw.copy()
    problems = []
    for c in _NUMERIC:
        d[c] = pd.to_numeric(raw[c], errors="coerce")
        problems.append((d[c].isna() & raw[c].notna(), c, f"{c} is not a number"))
    for c in ("allowances", "monthly_wage_13", "special_payments", "activity_rate", "paid_hours"):
        d[c] = d[c].fillna(0)
    if d["weekly_hours"].isna().any() and hours is None:
        raise SchemaError("weekly hours are missing; give usual_weekly_hours")
    d["weekly_hours"] = d["weekly_hours"].fillna(hours)
    d["sex"] = raw["sex"].map(lambda v: v.strip() if isinstance(v, str) else v)
    until = dt.date(year + month // 12, month % 12 + 1, 1)  # first day after the reference month
    d["age"] = age = _years(raw["age"], year, None)
    d["years_of_service"] = yos = _years(raw["years_of_service"], year, until)
    ar, ph, bw, wh = (d[c] for c in ("activity_rate", "paid_hours", "basic_wage", "weekly_hours"))

    def code(c: str, top: int) -> pd.Series:
        return d[c].notna() & ~d[c].isin(range(1, top + 1))

    problems += [(raw[c].isna(), c, f"missing {c}") for c in _MANDATORY] + [
        (
            raw["personal_number"].notna() & raw["personal_number"].duplicated(keep=False),
            "personal_number",
            "duplicate personal number",
        ),
        (age.notna() & (age != age.round()), "age", "age is not a whole number"),
        ((age < 13) | (age > 100), "age", "age is not between 13 and 100"),
        (raw["sex"].notna() & ~d["sex"].isin(["F", "M"]), "sex", "sex is neither 'F' nor 'M'"),
        ((yos < 0) | (yos > 85), "years_of_service", "years of service not between 0 and 85"),
        (age - yos < 13, "years_of_service", "entry age (age − years of service) below 13"),
        (code("training", 8), "training", "training is not a code 1–8"),
        ((ar < 0) | (ar > 150), "activity_rate", "activity rate not between 0 and 150 %"),
        ((ph < 0) | (ph > 300), "paid_hours", "paid hours not between 0 and 300"),
        ((ar > 0) & (ph > 0), "paid_hours", "activity rate and paid hours both non-zero"),
        ((ar == 0) & (ph == 0), "activity_rate", "activity rate and paid hours both zero"),
        (bw < 0, "basic_wage", "basic wage is negative"),
        ((bw == 0) & ((ar > 0) | (ph > 0)), "basic_wage", "basic wage is zero"),
        *[
            (d[c] < 0, c, f"{c} is negative")
            for c in ("allowances", "monthly_wage_13", "special_payments")
        ],
        ((wh < 1) | (wh > 100), "weekly_hours", "weekly hours not between 1 and 100"),
        (code("population", 5), "population", "population is not a code 1–5"),
        (code("level_of_requirements", 8), "level_of_requirements", "level is not a code 1–8"),
        (code("professional_position", 5), "professional_position", "position is not a code 1–5"),
    ]
    invalid = np.logical_or.reduce([m.fillna(False).to_numpy(bool) for m, _, _ in problems])
    other = (d["population"] != 1).to_numpy() & ~invalid
    problems.append((pd.Series(other, index=d.index), "population", "population code is not 1"))
    excluded = pd.DataFrame(
        [
            (i + 1, raw.at[i, "personal_number"], c, why)
            for m, c, why in problems
            for i in np.flatnonzero(m.fillna(False).to_numpy(bool))
        ],
        columns=["row", "personal_number", "column", "reason"],
    ).sort_values("row", kind="stable", ignore_index=True)
    counts = wh.value_counts()
    mfww = float(max(counts.index[counts == counts.max()]))  # most frequent, highest on a tie
    if mfww == 0:  # hourly contracts only: most frequent annual hours / 52
        counts = d["annual_hours"].value_counts()
        mfww = float(max(counts.index[counts == counts.max()])) / 52
    d["fte"] = wh * ar / (100 * mfww)
    d.loc[d["fte"] == 0, "fte"] = 12 * ph / (52 * mfww)
    pay = d["basic_wage"] + d["allowances"] + d["monthly_wage_13"] + d["special_payments"]
    d["standardized_salary"] = pay / d["fte"]
    d["years_of_training"] = d["training"].map(TRAINING_YEARS)
    d["years_of_earning"] = (age - d["years_of_training"] - 6).clip(lower=0)
    d["years_of_earning2"] = d["years_of_earning"] ** 2
    data = d[~invalid & ~other].copy()
    for c in ("training", "level_of_requirements", "professional_position", "population"):
        data[c] = data[c].astype(int)
    return data, excluded, mfww

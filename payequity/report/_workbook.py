"""The workbook ``survey.xlsx`` (DESIGN §7): every data file as a sheet, for people who filter.

One sheet per data file, named by its stem, after an "Om"/"About" sheet that says what each
holds. Headers are in the report language; the cells keep the values of the CSV files at full
precision, as numbers, booleans and dates with Swedish-looking formats ("32 500 kr", "96,4 %").
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.writer.excel import ExcelWriter

__all__ = ["COLUMNS", "SHEETS", "org_gap_table", "write_workbook_tables"]

# kind → number format (Swedish, English). Stored codes use Excel's neutral syntax; Excel shows
# the reader's own separators, so '#,##0 "kr"' reads "32 500 kr" in a Swedish Excel. Percentages
# on the 0–100 scale get a literal " %" (Excel's % format would multiply by 100); shares that are
# fractions (0–1) get Excel's % format, which does.
FORMATS = {
    "kr": ('#,##0 "kr"', '"SEK "#,##0'),
    "kr2": ('#,##0.00 "kr"', '"SEK "#,##0.00'),
    "pct": ('0.0" %"', '0.0"%"'),
    "share": ("0.0 %", "0.0%"),
    "p": ("0.0000", "0.0000"),
    "coef": ("0.0000", "0.0000"),
    "int": ("0", "0"),
    "dec": ("0.00", "0.00"),
    "pts": ("0.0", "0.0"),
    "num": ("#,##0.00", "#,##0.00"),
    "date": ("yyyy-mm-dd", "yyyy-mm-dd"),
}
_WIDTH = {
    "pct": 9,
    "share": 9,
    "p": 8,
    "coef": 9,
    "int": 7,
    "dec": 8,
    "pts": 8,
    "num": 11,
    "date": 11,
    "bool": 7,
}

#: Column name → (Swedish header, English header, kind). Kinds: kr/kr2 kronor, pct 0–100 percent,
#: share 0–1 fraction, p p-value, coef log points, int counts/years, dec/pts decimals, date,
#: bool, id (text, or whole numbers), text.
COLUMNS: dict[str, tuple[str, str, str]] = {
    "unit": ("Enhet", "Unit", "id"),
    "work_group": ("Arbetsgrupp", "Work group", "id"),
    "pay_measure": ("Lönemått", "Pay measure", "text"),
    "n_women": ("Antal kvinnor", "Women (n)", "int"),
    "n_men": ("Antal män", "Men (n)", "int"),
    "mean_women": ("Medellön kvinnor", "Mean pay, women", "kr"),
    "mean_men": ("Medellön män", "Mean pay, men", "kr"),
    "median_women": ("Medianlön kvinnor", "Median pay, women", "kr"),
    "median_men": ("Medianlön män", "Median pay, men", "kr"),
    "women_pct_of_men": ("Kvinnors lön i % av mäns", "Women's pay as % of men's", "pct"),
    "adjusted_gap_pct": ("Justerad löneskillnad", "Adjusted pay gap", "pct"),
    "ci_low": ("Konfidensintervall, nedre", "Confidence interval, lower", "pct"),
    "ci_high": ("Konfidensintervall, övre", "Confidence interval, upper", "pct"),
    "p_value": ("p-värde", "p-value", "p"),
    "p_adjusted": ("Justerat p-värde (FDR)", "Adjusted p-value (FDR)", "p"),
    "needs_assessment": ("Kräver bedömning", "Needs assessment", "bool"),
    "flagged": ("Flaggad", "Flagged", "bool"),
    "min_women": ("Lägsta lön kvinnor", "Minimum pay, women", "kr"),
    "min_men": ("Lägsta lön män", "Minimum pay, men", "kr"),
    "max_women": ("Högsta lön kvinnor", "Maximum pay, women", "kr"),
    "max_men": ("Högsta lön män", "Maximum pay, men", "kr"),
    "p10_women": ("10:e percentil kvinnor", "10th percentile, women", "kr"),
    "p10_men": ("10:e percentil män", "10th percentile, men", "kr"),
    "p90_women": ("90:e percentil kvinnor", "90th percentile, women", "kr"),
    "p90_men": ("90:e percentil män", "90th percentile, men", "kr"),
    "regression_tested": ("Prövad med regression", "Regression tested", "bool"),
    "flag_rule": ("Flaggningsregel", "Flag rule", "text"),
    "coef": ("Koefficient (log)", "Coefficient (log)", "coef"),
    "se": ("Standardfel (log)", "Standard error (log)", "coef"),
    "df_resid": ("Frihetsgrader", "Residual degrees of freedom", "int"),
    "controls": ("Kontrollvariabler", "Controls", "text"),
    "min_detectable_gap_pct": ("Minsta upptäckbara skillnad", "Minimum detectable gap", "pct"),
    "female_dominated_job": ("Kvinnodominerat arbete", "Female-dominated job", "id"),
    "comparator_job": ("Jämförelsearbete", "Comparator job", "id"),
    "kind": ("Typ", "Kind", "text"),
    "value_fd": ("Arbetsvärde, kvinnodominerat", "Job value, female-dominated", "pts"),
    "value_cmp": ("Arbetsvärde, jämförelse", "Job value, comparator", "pts"),
    "mean_pay_fd": ("Medellön, kvinnodominerat", "Mean pay, female-dominated", "kr"),
    "mean_pay_cmp": ("Medellön, jämförelse", "Mean pay, comparator", "kr"),
    "pay_gap_pct": ("Löneskillnad", "Pay gap", "pct"),
    "band_fd": ("Värdeintervall, kvinnodominerat", "Value band, female-dominated", "int"),
    "band_cmp": ("Värdeintervall, jämförelse", "Value band, comparator", "int"),
    "n_fd": ("Antal, kvinnodominerat", "Headcount, female-dominated", "int"),
    "n_cmp": ("Antal, jämförelse", "Headcount, comparator", "int"),
    "share_women_fd": (
        "Andel kvinnor, kvinnodominerat",
        "Share of women, female-dominated",
        "share",
    ),
    "share_women_cmp": ("Andel kvinnor, jämförelse", "Share of women, comparator", "share"),
    "indicator": ("Indikator", "Indicator", "id"),
    "category": ("Kategori", "Category", "id"),
    "component": ("Lönedel", "Pay component", "text"),
    "pay_level": ("Årslön/timlön", "Annual/hourly", "text"),
    "gender": ("Kön", "Gender", "text"),
    "quartile": ("Kvartil", "Quartile", "int"),
    "value": ("Värde", "Value", "num"),
    "pay_women": ("Lön kvinnor", "Pay, women", "kr2"),
    "pay_men": ("Lön män", "Pay, men", "kr2"),
    "n": ("Antal", "Headcount", "int"),
    "share_women_pct": ("Andel kvinnor", "Share of women", "pct"),
    "share_men_pct": ("Andel män", "Share of men", "pct"),
    "min_hourly": ("Lägsta timlön", "Lowest hourly pay", "kr2"),
    "max_hourly": ("Högsta timlön", "Highest hourly pay", "kr2"),
    "source_row": ("Rad i källfilen", "Source row", "int"),
    "employee_id": ("Anställnings-id", "Employee ID", "id"),
    "column": ("Kolumn", "Column", "text"),
    "reason": ("Orsak", "Reason", "text"),
    "item_kind": ("Typ av post", "Item kind", "text"),
    "item_key": ("Post", "Item", "id"),
    "text": ("Förklaring", "Explanation", "text"),
    "evidence": ("Underlag", "Evidence", "text"),
    "gender_related": ("Könsrelaterad", "Gender-related", "text"),
    "author": ("Upprättad av", "Author", "text"),
    "date": ("Datum", "Date", "date"),
    "source": ("Källa", "Source", "text"),
    "status": ("Status", "Status", "text"),
    "needs_action": ("Kräver åtgärd", "Needs action", "bool"),
    "group": ("Grupp", "Group", "id"),
    "comparator": ("Jämförelse", "Comparator", "id"),
    "gap_pct": ("Löneskillnad", "Pay gap", "pct"),
    "register_row": ("Rad i registret", "Register row", "int"),
    "job_code": ("Arbetskod", "Job code", "id"),
    "points": ("Poäng", "Points", "pts"),
    "band": ("Värdeintervall", "Value band", "int"),
    "share_women": ("Andel kvinnor", "Share of women", "share"),
    "female_dominated": ("Kvinnodominerat", "Female-dominated", "bool"),
    "male_dominated": ("Mansdominerat", "Male-dominated", "bool"),
    "skills": ("Kunskaper och färdigheter", "Skills", "pts"),
    "responsibility": ("Ansvar", "Responsibility", "pts"),
    "effort": ("Ansträngning", "Effort", "pts"),
    "working_conditions": ("Arbetsförhållanden", "Working conditions", "pts"),
    "job_title": ("Befattning", "Job title", "text"),
    "n_evaluators": ("Antal värderare", "Evaluators", "int"),
    "mean_base_salary": ("Medel grundlön", "Mean base salary", "kr"),
    "mean_monthly_pay": ("Medel månadslön", "Mean monthly pay", "kr"),
    "override_reason": ("Skäl till ändring", "Override reason", "text"),
    "pay": ("Lön", "Pay", "kr"),
    "expected_pay": ("Förväntad lön", "Expected pay", "kr"),
    "deviation_pct": ("Avvikelse från förväntad lön", "Deviation from expected pay", "pct"),
    "measure_id": ("Åtgärds-id", "Measure ID", "id"),
    "year": ("År", "Year", "int"),
    "adjustment_monthly": ("Justering per månad", "Monthly adjustment", "kr"),
    "cost_yearly": ("Kostnad per år", "Yearly cost", "kr"),
    "first_found_year": ("Först upptäckt år", "Year first found", "int"),
    "due_year": ("Klar senast år", "Due year", "int"),
    "item_keys": ("Poster", "Items", "text"),
    "n_people": ("Antal personer", "People", "int"),
    "fte_total": ("Summa sysselsättningsgrad", "Total FTE", "dec"),
    "pay_before": ("Lön före", "Pay before", "kr"),
    "target_pay": ("Mållön", "Target pay", "kr"),
    "adjustment_total": ("Total justering", "Total adjustment", "kr"),
    "planned": ("Planerad höjning", "Planned raise", "pct"),
    "realised": ("Genomförd höjning", "Realised raise", "pct"),
    "planned_kr": ("Planerad höjning i kronor", "Planned raise in kronor", "kr"),
    "realised_kr": ("Genomförd höjning i kronor", "Realised raise in kronor", "kr"),
    "general_raise_pct": ("Allmän löneökning", "General raise", "pct"),
    "cost_planned": ("Planerad kostnad", "Planned cost", "kr"),
    "cost_realised": ("Genomförd kostnad", "Realised cost", "kr"),
    "note": ("Anmärkning", "Note", "text"),
    "raw_mean_gap_pct": ("Rå löneskillnad, medel", "Raw pay gap, mean", "pct"),
    "raw_median_gap_pct": ("Rå löneskillnad, median", "Raw pay gap, median", "pct"),
    "n_equal_work_flagged": ("Flaggade, lika arbete", "Flagged, equal work", "int"),
    "n_equal_value_flagged": ("Flaggade, likvärdigt arbete", "Flagged, equal value", "int"),
    "n_measures": ("Antal åtgärder", "Measures", "int"),
    "plan_cost_yearly": ("Handlingsplanens kostnad per år", "Plan cost per year", "kr"),
    "budget": ("Budget", "Budget", "kr"),
    "max_remaining_gap_pct": ("Största kvarvarande skillnad", "Largest remaining gap", "pct"),
    "mean_remaining_gap_pct": ("Genomsnittlig kvarvarande skillnad", "Mean remaining gap", "pct"),
    "area": ("Område", "Area", "text"),
    "item": ("Punkt", "Item", "text"),
    "description": ("Beskrivning", "Description", "text"),
    "gender_neutral": ("Könsneutral", "Gender-neutral", "text"),
    "assessment": ("Bedömning", "Assessment", "text"),
    "action": ("Åtgärd", "Action", "text"),
    "participants": ("Deltagare", "Participants", "text"),
    "topic": ("Ämne", "Topic", "text"),
    "information_given": ("Lämnad information", "Information given", "text"),
    "law": ("Lagrum", "Legal basis", "text"),
    "required": ("Krävs", "Required", "bool"),
    "detail": ("Detaljer", "Detail", "text"),
    "label": ("Benämning", "Label", "text"),
    "mean_gap_pct": ("Genomsnittlig löneskillnad", "Mean pay gap", "pct"),
    "gap_reached": ("Tröskeln nådd", "Threshold reached", "bool"),
    "justified": ("Motiverad", "Justified", "bool"),
    "reporting_date": ("Rapporteringsdatum", "Reporting date", "date"),
    "deadline": ("Tidsfrist", "Deadline", "date"),
    "deadline_passed": ("Tidsfristen passerad", "Deadline passed", "bool"),
    "triggered": ("Gemensam lönebedömning krävs", "Joint pay assessment required", "bool"),
    "key": ("Nyckel", "Key", "text"),
    "pot": ("Lönepott", "Pay pot", "kr"),
    "total_raises": ("Summa höjningar", "Total raises", "kr"),
    "n_employees": ("Antal anställda", "Employees", "int"),
    "new_base_salary": ("Ny grundlön", "New base salary", "kr"),
    "effective_date": ("Gäller från", "Effective date", "date"),
}
# the same name meaning something else in one file
_OVERRIDE: dict[tuple[str, str], tuple[str, str, str]] = {
    ("eu_indicators", "value"): ("Värde", "Value", "pct"),
    ("exclusions", "value"): ("Värde", "Value", "text"),
    ("rules_and_practice", "item"): ("Bestämmelse", "Rule", "text"),
    ("explanations", "category"): ("Kategori", "Category", "text"),
    ("org_gap", "ci_low"): ("Konfidensintervall, nedre", "Confidence interval, lower", "coef"),
    ("org_gap", "ci_high"): ("Konfidensintervall, övre", "Confidence interval, upper", "coef"),
}

#: Sheet order and what each holds (Swedish, English); other stems follow in the given order.
SHEETS: dict[str, tuple[str, str]] = {
    "equal_work": (
        "Lika arbete: lön för kvinnor och män per arbetsgrupp (tom enhet = hela organisationen)",
        "Equal work: women's and men's pay per work group (empty unit = whole organisation)",
    ),
    "people": (
        "Individer i lika arbete: lön, förväntad lön och avvikelse",
        "People in the equal-work analysis: pay, expected pay and deviation",
    ),
    "equal_value": (
        "Likvärdigt arbete: kvinnodominerade arbeten mot arbeten av lika eller lägre värde",
        "Equal value: female-dominated jobs against jobs of equal or lower value",
    ),
    "job_evaluation": (
        "Arbetsvärdering: poäng, värdeintervall och könsfördelning per arbete",
        "Job evaluation: points, value band and gender mix per job",
    ),
    "org_gap": (
        "Hela organisationen: rå och justerad löneskillnad; Oaxaca–Blinder i log-enheter",
        "Whole organisation: raw and adjusted gap; Oaxaca–Blinder in log points",
    ),
    "eu_indicators": (
        "EU-direktivet 2023/970 art. 9: indikatorerna a–g",
        "EU Directive 2023/970 art. 9: indicators a–g",
    ),
    "art10": (
        "EU-direktivet art. 10: gemensam lönebedömning per kategori",
        "EU Directive art. 10: joint pay assessment per category",
    ),
    "explanations": (
        "Förklaringar och bedömningar av skillnaderna",
        "Explanations and assessments of the gaps",
    ),
    "action_plan": (
        "Handlingsplan: lönejusteringar, kostnad och tidplan",
        "Action plan: pay adjustments, cost and time plan",
    ),
    "remediation_curve": ("Kostnad mot kvarvarande löneskillnad", "Cost against the remaining gap"),
    "follow_up": ("Uppföljning av förra årets handlingsplan", "Follow-up of last year's plan"),
    "year_over_year": ("Utvecklingen år för år", "Year over year"),
    "rules_and_practice": (
        "Bestämmelser och praxis om lön och andra villkor",
        "Rules and practice on pay and other conditions",
    ),
    "samverkan": ("Samverkan med arbetstagarorganisationerna", "Cooperation with the unions"),
    "documentation": (
        "Dokumentationskrav (diskrimineringslagen 3 kap.)",
        "Documentation checklist (Discrimination Act ch. 3)",
    ),
    "exclusions": ("Rader som inte kom med i analysen, och varför", "Rows left out, and why"),
}
_ABOUT = {
    "sv": (
        "Om",
        "Lönekartläggning – tabeller",
        ("Blad", "Innehåll", "Rader", "Anmärkning"),
        "Värdena är desamma som i data/<blad>.csv, med full precision. Belopp i kronor; "
        "procent på skalan 0–100; tom cell = uppgift saknas.",
    ),
    "en": (
        "About",
        "Pay survey – tables",
        ("Sheet", "Contents", "Rows", "Note"),
        "The values are those of data/<sheet>.csv, at full precision. Amounts in kronor; "
        "percentages on the 0–100 scale; an empty cell = no value.",
    ),
}
_BOLD = Font(bold=True)
_FILL = PatternFill("solid", fgColor="D9D9D9")
_HEAD = Alignment(wrap_text=True, vertical="top")
_NUMERIC = {"kr", "kr2", "pct", "share", "p", "coef", "int", "dec", "pts", "num"}
_LANGUAGES = {"sv": ("svenska", "Swedish"), "en": ("engelska", "English")}
_BOOL_TEXT = {"true": True, "false": False}
_EPOCH = dt.datetime(2000, 1, 1)
_FIRST = {
    k: i
    for i, k in enumerate(
        (
            "raw_mean_gap_pct",
            "raw_median_gap_pct",
            "adjusted_gap_pct",
            "ci_low",
            "ci_high",
            "p_value",
            "n",
            "pay_measure",
            "controls",
            "gap",
            "explained",
            "unexplained",
            "weights",
            "units",
        )
    )
}


def write_workbook_tables(
    tables: Mapping[str, pd.DataFrame | Mapping[str, Any]],
    path: str | Path | None = None,
    *,
    language: str = "sv",
    title: str = "",
    notes: Mapping[str, str] | None = None,
    created: dt.datetime | None = None,
) -> bytes:
    """Write result tables as an .xlsx workbook: an "Om"/"About" sheet, then a sheet per table.

    Parameters
    ----------
    tables : mapping of str to DataFrame
        Data file stem (``"equal_work"``) → the table as written to ``data/<stem>.csv``. A
        mapping instead of a DataFrame (the ``org_gap.json`` dict) is flattened by
        :func:`org_gap_table`. Known stems come in the order of :data:`SHEETS`, others after.
    path : str or Path, optional
        Also write the bytes here.
    language : {"sv", "en"}
        Headers, the About sheet and the currency in the number formats.
    title : str
        First line of the About sheet and the document title.
    notes : mapping of str to str, optional
        Stem → a note shown beside that sheet on the About sheet.
    created : datetime, optional
        Creation time stored in the file (UTC); default 2000-01-01, so that the same tables
        always give the same bytes.

    Returns
    -------
    bytes
        The workbook. Headers are bold, frozen and filterable; numbers stay numbers (kronor
        ``#,##0 "kr"``, percentages ``0.0" %"``, p-values ``0.0000``), booleans stay booleans,
        dates are dates and missing values are empty cells.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"unit": ["Skola"], "mean_women": [32500.0], "flagged": [True]})
    >>> data = write_workbook_tables({"equal_work": table})
    >>> data[:2], data == write_workbook_tables({"equal_work": table})
    (b'PK', True)
    """
    if language not in _ABOUT:
        raise ValueError(f"language={language!r}: give 'sv' or 'en'")
    lang = 0 if language == "sv" else 1
    created = _utc(created or _EPOCH)
    frames = {str(k): org_gap_table(v) if isinstance(v, Mapping) else v for k, v in tables.items()}
    order = [s for s in SHEETS if s in frames] + [s for s in frames if s not in SHEETS]
    wb = Workbook()
    about = wb.active
    names = _sheet_names(order)
    for stem in order:
        _write_table(wb.create_sheet(names[stem]), stem, frames[stem], lang)
    _write_about(about, order, names, frames, language, title, notes or {})
    wb.properties.title = title or _ABOUT[language][1]
    wb.properties.creator = "payequity"
    wb.properties.language = "sv-SE" if language == "sv" else "en-GB"
    wb.properties.created = wb.properties.modified = created
    data = _save(wb, created)
    if path is not None:
        Path(path).write_bytes(data)
    return data


def org_gap_table(org_gap: Mapping[str, Any]) -> pd.DataFrame:
    """Flatten ``org_gap.json`` into rows of ``key, value, ci_low, ci_high``.

    Top-level numbers keep their key (``adjusted_gap_pct``, ``ci_low``, ``p_value``, ``n``);
    lists of words are joined with ", "; nested dicts get dotted keys (``oaxaca.explained``);
    the Oaxaca term table gives one row per ``oaxaca.<component>.<term>`` with its interval in
    ``ci_low``/``ci_high`` (log points, women − men).

    Examples
    --------
    >>> org_gap_table({"n": 4, "oaxaca": {"gap": -0.02, "table": [{"component": "explained",
    ...     "term": "age", "value": 0.1, "ci_low": 0.0, "ci_high": 0.2}]}}).values.tolist()
    [['n', 4, nan, nan], ['oaxaca.gap', -0.02, nan, nan], ['oaxaca.explained.age', 0.1, 0.0, 0.2]]
    """
    rows: list[tuple[str, Any, float, float]] = []
    nan = float("nan")

    def walk(prefix: str, obj: Mapping[str, Any]) -> None:
        items = sorted(obj.items(), key=lambda kv: _FIRST.get(kv[0], len(_FIRST)))
        for k, v in items:  # numbers and words first, then nested parts, then term tables
            if not isinstance(v, Mapping) and not _is_records(v):
                text = ", ".join(str(x) for x in v) if isinstance(v, list | tuple) else v
                rows.append((f"{prefix}{k}", text, nan, nan))
        for k, v in items:
            if isinstance(v, Mapping):
                walk(f"{prefix}{k}.", v)
        for k, v in items:
            for i, rec in enumerate(v if _is_records(v) else []):
                name = ".".join(str(rec[c]) for c in ("component", "term") if c in rec)
                rows.append(
                    (
                        f"{prefix}{name or f'{k}.{i}'}",
                        rec.get("value"),
                        rec.get("ci_low", nan),
                        rec.get("ci_high", nan),
                    )
                )

    walk("", org_gap)
    keys, values, lows, highs = zip(*rows, strict=True) if rows else ((), (), (), ())
    return pd.DataFrame(
        {
            "key": pd.Series(keys, dtype=object),
            "value": pd.Series(values, dtype=object),
            "ci_low": pd.Series(lows, dtype=float),
            "ci_high": pd.Series(highs, dtype=float),
        }
    )


def _is_records(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, Mapping) for v in value)


def _column(stem: str, name: str, dtype: Any) -> tuple[str, str, str]:
    """(sv header, en header, kind) of a column: known, overridden, or guessed from name/dtype."""
    if (stem, name) in _OVERRIDE:
        return _OVERRIDE[stem, name]
    if name in COLUMNS:
        return COLUMNS[name]
    base, _, suffix = name.rpartition("_")
    if base in COLUMNS and suffix in _LANGUAGES:  # label_sv → "Benämning (svenska)"
        sv, en, kind = COLUMNS[base]
        return f"{sv} ({_LANGUAGES[suffix][0]})", f"{en} ({_LANGUAGES[suffix][1]})", kind
    if name.endswith("_pct"):
        kind = "pct"
    elif name.endswith(("_date", "_at")):
        kind = "date"
    elif name.startswith("n_") or name.endswith("_year"):
        kind = "int"
    elif name.startswith(("mean_", "median_", "min_", "max_", "p10_", "p90_", "cost_")):
        kind = "kr"
    else:
        types = pd.api.types
        tests = [
            (types.is_bool_dtype, "bool"),
            (types.is_integer_dtype, "int"),
            (types.is_float_dtype, "num"),
            (types.is_datetime64_any_dtype, "date"),
        ]
        kind = next((k for test, k in tests if test(dtype)), "text")
    return name, name, kind


def _org_gap_kind(key: Any) -> str:
    key = str(key)
    if key.startswith("oaxaca."):
        return "coef"
    if key.endswith("_pct") or key in ("ci_low", "ci_high"):
        return "pct"
    return {"p_value": "p", "n": "int"}.get(key, "num")


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


def _write_table(ws: Any, stem: str, frame: pd.DataFrame, lang: int) -> None:
    columns = [str(c) for c in frame.columns]
    for j, (name, dtype) in enumerate(zip(columns, frame.dtypes, strict=True), start=1):
        head = _column(stem, name, dtype)
        cell = ws.cell(1, j, head[lang])
        cell.data_type = "s"
        cell.font, cell.fill, cell.alignment = _BOLD, _FILL, _HEAD
        kind = head[2]
        values = frame.iloc[:, j - 1].tolist()
        keys = frame["key"].tolist() if stem == "org_gap" and "key" in frame else None
        widths = [min(len(head[lang]), 30) + 3]
        for i, raw in enumerate(values, start=2):
            k = _org_gap_kind(keys[i - 2]) if keys is not None and name == "value" else kind
            value = _cell(raw, k)
            fmt = FORMATS[k][lang] if k in FORMATS else None
            _put(ws, i, j, value, fmt)
            widths.append(_width(value, k))
        ws.column_dimensions[get_column_letter(j)].width = min(max(widths), 60)
    last = get_column_letter(max(len(columns), 1))
    ws.freeze_panes = "A2"
    if columns:
        ws.auto_filter.ref = f"A1:{last}{len(frame) + 1}"
        ws.print_title_rows = "1:1"


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


def _write_about(
    ws: Any,
    order: list[str],
    names: dict[str, str],
    frames: Mapping[str, pd.DataFrame],
    language: str,
    title: str,
    notes: Mapping[str, str],
) -> None:
    sheet, default_title, heads, footer = _ABOUT[language]
    ws.title = sheet
    ws.cell(1, 1, _text(title or default_title)).font = Font(bold=True, size=14)
    for j, head in enumerate(heads, start=1):
        cell = ws.cell(3, j, head)
        cell.font, cell.fill = _BOLD, _FILL
    lang = 0 if language == "sv" else 1
    for i, stem in enumerate(order, start=4):
        link, quoted = ws.cell(i, 1, names[stem]), names[stem].replace("'", "''")
        link.data_type = "s"
        link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{quoted}'!A1")
        link.style = "Hyperlink"
        _put(ws, i, 2, SHEETS[stem][lang] if stem in SHEETS else "", None)
        ws.cell(i, 3, len(frames[stem])).number_format = "0"
        _put(ws, i, 4, notes.get(stem, ""), None)
    ws.cell(len(order) + 5, 1, footer).font = Font(italic=True)
    for col, width in zip("ABCD", (22, 90, 8, 50), strict=True):
        ws.column_dimensions[col].width = width


def _sheet_names(order: list[str]) -> dict[str, str]:
    """Excel's rules (≤ 31 characters, no []:*?/\\); our stems pass unchanged."""
    names: dict[str, str] = {}
    used = {"om", "about"}
    for stem in order:
        name = re.sub(r"[\[\]:*?/\\]", "_", stem).strip("'")[:31] or "table"
        base, n = name, 2
        while name.lower() in used:
            name, n = f"{base[:28]}_{n}", n + 1
        used.add(name.lower())
        names[stem] = name
    return names


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

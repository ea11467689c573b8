"""The workbook ``survey.xlsx`` (DESIGN §7): every data file as a sheet, for people who filter.

One sheet per data file, named in the report language ("Lika arbete"), after an "Om"/"About"
sheet that maps each sheet to its data file. Headers and category words are in the report
language (``not_flagged`` → "Ej flaggad", ``F`` → "Kvinna", True → "Ja"), each job code has its
title in the column beside it, and every percentage is on the 0–100 scale. Numbers keep the
values of the data files at full precision, with Swedish-looking formats ("32 500 kr",
"96,4 %"); dates are dates. Columns of technical detail (the regression's coefficient and
standard error, the spread's extremes) are grouped and folded, so the sheet prints readably on
one landscape page width; one click on "+" shows them.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink

from ..exceptions import ParameterError
from ._cells import (
    _BOLD,
    _FILL,
    _HEAD,
    _TOP,
    _WRAP,
    _cell,
    _header_width,
    _lines,
    _print_setup,
    _put,
    _save,
    _text,
    _utc,
    _width,
)
from ._sheet_words import (
    BOOL,
    DATA_FILES,
    SHEET_NAMES,
    TITLE_COLUMNS,
    VALUES,
    WHOLE,
    controls_words,
    key_words,
    org_gap_value,
    org_gap_words,
)
from ._vocabulary import _OVERRIDE, COLUMNS, FORMATS, SHEETS

__all__ = ["COLUMNS", "SHEETS", "org_gap_table", "write_workbook_tables"]

_ABOUT = {
    "sv": (
        "Om",
        "Lönekartläggning – tabeller",
        ("Blad", "Datafil", "Innehåll", "Rader", "Anmärkning"),
        (
            "Varje blad har samma rader och tal som sin datafil, med full precision. Koderna i "
            "datafilerna står här som ord, och befattningen står i kolumnen bredvid varje "
            "arbetskod. Belopp i kronor per månad vid heltid där inget annat sägs; procent på "
            'skalan 0–100; tom cell = uppgift saknas; Enhet "Hela organisationen" = '
            "jämförelsen gjord över alla enheter.",
            "Löneskillnad = 100 × (kvinnors lön − mäns lön) / mäns lön: negativ när kvinnor har "
            "lägre lön. Bladen EU-indikatorer och EU art. 10 följer direktivets definition, "
            "100 × (män − kvinnor) / män: positiv när kvinnor har lägre lön.",
            "Justerad löneskillnad: skillnaden när kontrollvariablerna (se kolumnen "
            "Kontrollvariabler) hålls lika, med regression på logaritmerad lön, prövad där båda "
            "könen har tillräckligt många personer; "
            '"p-värde justerat för många test" följer Benjamini–Hochberg. Flaggningsregel: '
            '"Justerad (regression)" = flaggad när den justerade skillnaden är statistiskt '
            'säkerställd; "Rå skillnad" = i mindre grupper, flaggad när medellönerna skiljer '
            "mer än gränsen.",
            "Kolumner med teknisk detalj (regressionens koefficient och standardfel, lägsta och "
            "högsta lön, percentiler, koder och id) är grupperade och dolda: klicka på + ovanför "
            "kolumnerna för att visa dem.",
        ),
        "Tomt: inga rader",
    ),
    "en": (
        "About",
        "Pay survey – tables",
        ("Sheet", "Data file", "Contents", "Rows", "Note"),
        (
            "Each sheet has the rows and numbers of its data file, at full precision. The data "
            "files' codes are shown here as words, and the job title stands in the column next "
            "to each job code. Amounts in kronor a month at full time unless said otherwise; "
            'percentages on the 0–100 scale; an empty cell = no value; Unit "Whole '
            'organisation" = the comparison made across all units.',
            "Pay gap = 100 × (women's pay − men's pay) / men's pay: negative when women earn "
            "less. The EU indicators and EU Art. 10 sheets follow the directive's definition, "
            "100 × (men − women) / men: positive when women earn less.",
            "Adjusted pay gap: the gap with the controls (see the Controls column) held equal, "
            "by a regression on log pay, tested where both genders have enough people; "
            '"p-value adjusted '
            'for multiple tests" follows Benjamini–Hochberg. Flag rule: "Adjusted '
            '(regression)" = flagged when the adjusted gap is statistically significant; '
            '"Raw gap" = in smaller groups, flagged when the means differ by more than the '
            "threshold.",
            "Columns of technical detail (the regression's coefficient and standard error, the "
            "lowest and highest pay, percentiles, codes and ids) are grouped and hidden: click + "
            "above the columns to show them.",
        ),
        "Empty: no rows",
    ),
}
# Columns folded away by default, per sheet (still there, one click away).
_SPREAD = [f"{s}_{g}" for s in ("min", "max", "p10", "p90") for g in ("women", "men")]
_MODEL = ["regression_tested", "coef", "se", "df_resid", "controls", "min_detectable_gap_pct"]
_DETAIL = {
    "equal_work": set(_SPREAD + _MODEL),
    "equal_value": {"band_fd", "band_cmp", "share_women_fd", "share_women_cmp"},
    "explanations": {"item_key", "register_row", "source", "author", "date"},
    "action_plan": {"measure_id", "item_keys", "first_found_year", "fte_total", "adjustment_total"},
    "org_gap": {"key"},
    "documentation": {"item"},
}
# Stems where an empty unit means the whole organisation.
_ORG_UNIT = {"equal_work", "people", "equal_value", "explanations", "action_plan"}
_WRAP_AT = 28
_WRAP_PROSE = 40  # columns of sentences get more room
_PROSE = {"text", "assessment", "description", "detail", "information_given", "evidence"}
_LANGUAGES = {"sv": ("svenska", "Swedish"), "en": ("engelska", "English")}
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
    titles: Mapping[str, Any] | None = None,
    units: Mapping[str, str] | None = None,
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
    titles : mapping, optional
        Job code → job title; each job code column gets a title column beside it. Or
        ``{"job": {code: title}, "work_group": {group: title}}`` when work groups are not job
        codes (a work group's title is shown only where it has one).
    units : mapping of str to str, optional
        Employee id → the unit the person works in, shown beside each person on the people
        sheet (whose own unit column is the unit of the analysis: empty = organisation-wide).

    Returns
    -------
    bytes
        The workbook. Headers are bold, wrapped, frozen and filterable; numbers stay numbers
        (kronor ``#,##0 "kr"``, percentages ``0.0" %"``, p-values ``0.0000``), yes/no and codes
        are words, dates are dates and missing values are empty cells. Every sheet prints
        landscape on A4, one page wide, the header row on each page.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"unit": ["Skola"], "mean_women": [32500.0], "flagged": [True]})
    >>> data = write_workbook_tables({"equal_work": table})
    >>> data[:2], data == write_workbook_tables({"equal_work": table})
    (b'PK', True)
    >>> import io, openpyxl
    >>> sheet = openpyxl.load_workbook(io.BytesIO(data))["Lika arbete"]
    >>> [c.value for c in sheet[2]]
    ['Skola', 32500.0, 'Ja']
    """
    if language not in _ABOUT:
        raise ParameterError(f"language={language!r}: give 'sv' or 'en'")
    lang = 0 if language == "sv" else 1
    created = _utc(created or _EPOCH)
    frames = {str(k): org_gap_table(v) if isinstance(v, Mapping) else v for k, v in tables.items()}
    order = [s for s in SHEETS if s in frames] + [s for s in frames if s not in SHEETS]
    wb = Workbook()
    about = wb.active
    names = _sheet_names(order, lang)
    for stem in order:
        ws = wb.create_sheet(names[stem])
        _write_table(ws, stem, frames[stem], lang, titles or {}, units or {})
    empty = {s: _ABOUT[language][4] for s in order if frames[s].empty}
    _write_about(about, order, names, frames, language, title, {**empty, **(notes or {})})
    for ws in wb.worksheets:
        _print_setup(ws, title or _ABOUT[language][1], lang)
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


def _write_table(
    ws: Any, stem: str, frame: pd.DataFrame, lang: int, titles: Mapping, units: Mapping
) -> None:
    columns = _sheet_columns(stem, frame, lang, titles, units)
    keys = [str(k) for k in frame["key"]] if stem == "org_gap" and "key" in frame else None
    lines, wrapped = 1, []
    for j, (name, head, kind, values) in enumerate(columns, start=1):
        cell = ws.cell(1, j, head)
        cell.data_type = "s"
        cell.font, cell.fill, cell.alignment = _BOLD, _FILL, _HEAD
        widths = [_header_width(head)]
        for i, raw in enumerate(values, start=2):
            k = _org_gap_kind(keys[i - 2]) if keys is not None and name == "value" else kind
            value = _cell(raw, k)
            fmt = FORMATS[k][lang] if k in FORMATS else None
            _put(ws, i, j, value, fmt)
            widths.append(_width(value, k))
        width = min(max(widths), 60)
        folded = name in _DETAIL.get(stem, ())
        wrap_at = _WRAP_PROSE if name in _PROSE else 45 if name == "unit" else _WRAP_AT
        if width > wrap_at and kind in ("text", "id") and not folded:  # long text wraps
            width = wrap_at
            wrapped.append(j)
        letter = get_column_letter(j)
        ws.column_dimensions[letter].width = width
        lines = max(lines, math.ceil(len(head) / max(width - 2, 1)))
        if folded:  # grouped and folded: one click on + shows them
            ws.column_dimensions[letter].outlineLevel = 1
            ws.column_dimensions[letter].hidden = True
            # openpyxl writes sheetFormatPr (outlineLevelCol, which Excel needs to show the +)
            # before the columns it learns the level from: tell it first
            ws.column_dimensions.max_outline = 1
    if lines > 1:
        ws.row_dimensions[1].height = 15 * min(lines, 4)
    if wrapped:  # rows grow with the wrapped text: every cell at the top, wrapped ones wrap
        for row in ws.iter_rows(min_row=2, max_row=len(frame) + 1):
            for cell in row:
                cell.alignment = _WRAP if cell.column in wrapped else _TOP
            # Excel and LibreOffice keep a stored row height; none stored = one line, so give it
            tall = max(
                _lines(
                    row[j - 1].value, int(ws.column_dimensions[get_column_letter(j)].width * 1.2)
                )
                for j in wrapped
            )
            if tall > 1:
                ws.row_dimensions[row[0].row].height = 14.5 * tall + 1
    last = get_column_letter(max(len(columns), 1))
    ws.freeze_panes = "A2"
    if columns:
        ws.auto_filter.ref = f"A1:{last}{len(frame) + 1}"
        ws.print_title_rows = "1:1"


def _sheet_columns(
    stem: str, frame: pd.DataFrame, lang: int, titles: Mapping, units: Mapping | None = None
) -> list[tuple[str, str, str, list]]:
    """(column name, header, kind, values) of a sheet: codes in words, titles beside job codes,
    booleans as Ja/Nej, fractions on the 0–100 scale, one language of a bilingual pair."""
    names = [str(c) for c in frame.columns]
    out: list[tuple[str, str, str, list]] = []
    keys = [str(k) for k in frame["key"]] if stem == "org_gap" and "key" in frame else []
    groups = dict(_titles_for("work_group", titles))  # C(work_group)[T.<code>] in the models
    for source, name in _language_columns(names, lang):
        head = _column(stem, name, frame[source].dtype)
        kind, values = head[2], frame[source].tolist()
        raw = values
        words = VALUES.get((stem, name)) or VALUES.get(("*", name))
        if stem == "org_gap" and name == "value":
            values = [org_gap_value(k, v, lang) for k, v in zip(keys, values, strict=True)]
        elif name == "unit" and stem in _ORG_UNIT:
            values = [v if isinstance(v, str) and v.strip() else WHOLE[lang] for v in values]
        elif stem == "explanations" and name == "comparator":  # a gender, a job or an item
            values = [
                key_words(_word(v, words, lang), lang) if isinstance(v, str) else v for v in values
            ]
            kind = "text"
        elif words:
            values = [_word(v, words, lang) for v in values]
            kind = "text"
        elif name == "controls":
            values = [controls_words(v, lang, groups) if isinstance(v, str) else v for v in values]
        if kind == "bool":
            values = [_yes_no(v, lang) for v in values]
            kind = "text"
        elif kind == "share":  # one percent scale in the workbook: 0–100
            values = [_hundred(v) for v in values]
            kind = "pct"
        out.append((name, head[lang], kind, values))
        if stem == "people" and name == "employee_id" and units:
            where = [units.get(str(v)) if isinstance(v, str | int) else None for v in values]
            out.append(("workplace", ("Arbetsplats", "Workplace")[lang], "id", where))
        if stem == "org_gap" and name == "key":
            what = ("Beskrivning", "Description")[lang]
            out.append(("key_words", what, "text", [org_gap_words(k, lang, groups) for k in keys]))
        lookup = _titles_for(name, titles)
        if name in TITLE_COLUMNS and lookup and "job_title" not in names:
            title = [_title(v, lookup) for v in raw]
            out.append((f"{name}_title", TITLE_COLUMNS[name][lang], "text", title))
    return out


def _titles_for(column: str, titles: Mapping) -> Mapping:
    """The code → title lookup of a column: work groups have their own when given."""
    if "job" not in titles or not isinstance(titles["job"], Mapping):
        return titles
    return titles.get("work_group", {}) if column in ("work_group", "group") else titles["job"]


def _language_columns(names: list[str], lang: int) -> list[tuple[str, str]]:
    """(source column, shown name): of ``x``/``x_sv``/``x_en`` only the report language's."""
    mine, other = ("sv", "en") if lang == 0 else ("en", "sv")
    shown = []
    for name in names:
        base, _, suffix = name.rpartition("_")
        if base and suffix in ("sv", "en"):
            if suffix == mine:
                shown.append((name, base))
        elif f"{name}_{mine}" not in names:
            shown.append((name, name))
    if "job_code" in names and "job_title" in names:  # the title beside its code
        title = next(c for c in shown if c[1] == "job_title")
        shown.remove(title)
        shown.insert(next(i for i, c in enumerate(shown) if c[1] == "job_code") + 1, title)
    return shown


def _word(value: Any, words: Mapping[str, tuple[str, str]], lang: int) -> Any:
    if isinstance(value, str) and value.strip() in words:
        return words[value.strip()][lang]
    return value


def _yes_no(value: Any, lang: int) -> Any:
    flag = _cell(value, "bool")
    return BOOL[flag][lang] if isinstance(flag, bool) else flag


def _hundred(value: Any) -> Any:
    number = _cell(value, "num")
    return 100 * number if isinstance(number, int | float) else number


def _title(value: Any, titles: Mapping) -> str | None:
    """The job title of a code, or of the job code inside an item key ("/101010/base_salary")."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    text = str(value).strip()
    if text in titles:
        return str(titles[text])
    return next((str(titles[p]) for p in reversed(text.split("/")) if p in titles), None)


def _write_about(
    ws: Any,
    order: list[str],
    names: dict[str, str],
    frames: Mapping[str, pd.DataFrame],
    language: str,
    title: str,
    notes: Mapping[str, str],
) -> None:
    sheet, default_title, heads, footer, _ = _ABOUT[language]
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
        _put(ws, i, 2, DATA_FILES.get(stem, f"data/{stem}.csv"), None)
        _put(ws, i, 3, SHEETS[stem][lang] if stem in SHEETS else "", None)
        ws.cell(i, 4, len(frames[stem])).number_format = "0"
        _put(ws, i, 5, notes.get(stem, ""), None)
        ws.cell(i, 3).alignment = Alignment(wrap_text=True, vertical="top")
        tall = _lines(ws.cell(i, 3).value, 70 * 1.3)
        if tall > 1:
            ws.row_dimensions[i].height = 14.5 * tall + 1
    for k, line in enumerate(footer):  # merged across the table, wrapped, tall enough
        row = len(order) + 5 + k
        ws.cell(row, 1, line).font = Font(italic=True)
        ws.cell(row, 1).alignment = _WRAP
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=5)
        ws.row_dimensions[row].height = 14.5 * _lines(line, 24 + 26 + 70 + 8 + 40) + 2
    for col, width in zip("ABCDE", (24, 26, 70, 8, 40), strict=True):
        ws.column_dimensions[col].width = width


def _sheet_names(order: list[str], lang: int) -> dict[str, str]:
    """The report language's name of each sheet, or the stem; Excel's rules (≤ 31 characters,
    no []:*?/\\, unique ignoring case)."""
    names: dict[str, str] = {}
    used = {"om", "about"}
    for stem in order:
        wanted = SHEET_NAMES[stem][lang] if stem in SHEET_NAMES else stem
        name = re.sub(r"[\[\]:*?/\\]", "_", wanted).strip("'")[:31] or "table"
        base, n = name, 2
        while name.lower() in used:
            name, n = f"{base[:28]}_{n}", n + 1
        used.add(name.lower())
        names[stem] = name
    return names

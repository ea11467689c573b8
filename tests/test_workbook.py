"""survey.xlsx from the data files: sheets, headers, formats, values, determinism (DESIGN §7)."""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from conftest import shared_dir

from payequity.report._sheet_words import SHEET_NAMES, VALUES, key_words
from payequity.report._workbook import (
    FORMATS,
    SHEETS,
    _column,
    org_gap_table,
    write_workbook_tables,
)

TEXT_IDS = [
    "unit",
    "work_group",
    "job_code",
    "employee_id",
    "comparator_job",
    "female_dominated_job",
    "measure_id",
    "item_key",
    "group",
    "comparator",
    "category",
]
KR, PCT = FORMATS["kr"][0], FORMATS["pct"][0]


def _read_csv(path: Path) -> pd.DataFrame:
    if path.stem == "exclusions":
        return pd.read_csv(path, dtype=str)
    return pd.read_csv(path, dtype=dict.fromkeys(TEXT_IDS, str))


@pytest.fixture(scope="module")
def run(sample_run):
    """The sample's run (conftest; data files only: they and ``run.tables`` are the same in a
    full run and at any timestamp)."""
    return sample_run


@pytest.fixture(scope="module")
def tables(run):
    data = run.out_dir / "data"
    found = {p.stem: _read_csv(p) for p in sorted(data.glob("*.csv"))}
    found["org_gap"] = json.loads((data / "org_gap.json").read_text(encoding="utf-8"))
    return found


@pytest.fixture(scope="module")
def titles(tables):
    je = tables["job_evaluation"]
    return dict(zip(je["job_code"], je["job_title"], strict=True))


@pytest.fixture(scope="module")
def units(run):
    f = run.data.frame
    return dict(zip(f["employee_id"].astype(str), f["unit"].astype(str), strict=True))


@pytest.fixture(scope="module")
def book(tables, titles, units):
    return _Book(write_workbook_tables(tables, titles=titles, units=units))


class _Book:
    """The workbook, its sheets also reachable by data file stem (``book["equal_work"]``)."""

    def __init__(self, data: bytes, lang: int = 0) -> None:
        self.wb = openpyxl.load_workbook(io.BytesIO(data))
        self.lang = lang
        self.sheetnames = self.wb.sheetnames
        self.worksheets = self.wb.worksheets

    def __getitem__(self, stem: str):
        if stem in SHEET_NAMES:
            return self.wb[SHEET_NAMES[stem][self.lang]]
        return self.wb[stem]


def _header(ws) -> list[str]:
    return [c.value for c in ws[1]]


def _col(ws, header: str) -> list:
    j = _header(ws).index(header) + 1
    return [ws.cell(i, j).value for i in range(2, ws.max_row + 1)]


def _same(expected, got) -> bool:
    """A CSV value (as pandas reads it) against the cell value openpyxl reads back."""
    if expected is None or (isinstance(expected, float) and math.isnan(expected)):
        return got is None
    if isinstance(got, dt.datetime):
        return dt.date.fromisoformat(str(expected)[:10]) == got.date()
    if isinstance(expected, bool) or isinstance(got, bool):
        return bool(expected) == got
    return expected == got


def test_a_sheet_per_data_file_named_in_the_report_language_after_the_about_sheet(book, tables):
    assert book.sheetnames[0] == "Om"
    assert set(tables) <= set(SHEET_NAMES)
    assert book.sheetnames[1:] == [SHEET_NAMES[s][0] for s in SHEETS if s in tables]
    about = book.wb["Om"]
    assert [c.value for c in about[3]] == ["Blad", "Datafil", "Innehåll", "Rader", "Anmärkning"]
    listed = {
        about.cell(r, 1).value: (about.cell(r, 2).value, about.cell(r, 4).value)
        for r in range(4, 4 + len(tables))
    }
    assert listed["Lika arbete"] == ("data/equal_work.csv", len(tables["equal_work"]))
    assert listed["Hela organisationen"][0] == "data/org_gap.json"
    assert {file for file, _ in listed.values()} == {
        "data/org_gap.json" if s == "org_gap" else f"data/{s}.csv" for s in tables
    }
    assert about.cell(4, 1).hyperlink.location == "'Lika arbete'!A1"
    for name, stem in [("Lika arbete", "equal_work"), ("Förklaringar", "explanations")]:
        assert name == SHEET_NAMES[stem][0] and len(name) <= 31


def test_headers_are_swedish_by_default_and_english_on_request(book, tables):
    assert _header(book["equal_work"])[:4] == ["Enhet", "Arbetsgrupp", "Befattning", "Lönemått"]
    assert "Medellön kvinnor" in _header(book["equal_work"])
    assert _header(book["org_gap"]) == [
        "Nyckel",
        "Beskrivning",
        "Värde",
        "Konfidensintervall, nedre",
        "Konfidensintervall, övre",
    ]
    en = _Book(write_workbook_tables(tables, language="en"), lang=1)
    assert en.sheetnames[:3] == ["About", "Equal work", "People"]
    assert _header(en["equal_work"])[:4] == ["Unit", "Work group", "Pay measure", "Women (n)"]
    assert en["equal_work"].cell(2, 6).number_format == FORMATS["kr"][1]
    with pytest.raises(ValueError, match="language"):
        write_workbook_tables(tables, language="de")


def test_every_known_column_has_a_translated_header(book, tables):
    for stem, frame in tables.items():
        if isinstance(frame, pd.DataFrame):
            untranslated = set(frame.columns) & set(_header(book[stem])) - {"Budget", "Status"}
            assert not untranslated, (stem, untranslated)


def test_header_row_is_bold_frozen_and_filterable(book, tables):
    for stem in tables:
        ws = book[stem]
        assert ws.freeze_panes == "A2", stem
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}"
        assert all(c.font.b for c in ws[1]), stem
        assert all(ws.column_dimensions[c.column_letter].width >= 6 for c in ws[1]), stem


ORG_UNIT = {"equal_work", "people", "equal_value", "explanations", "action_plan"}


def _expected(stem: str, column: str, kind: str, value):
    """What the sheet shows for a CSV value: a word for a code, Ja/Nej, a fraction × 100."""
    words = VALUES.get((stem, column)) or VALUES.get(("*", column))
    empty = value is None or (isinstance(value, float) and math.isnan(value))
    if column == "unit" and empty and stem in ORG_UNIT:
        return "Hela organisationen"
    if stem == "explanations" and column == "comparator" and isinstance(value, str):
        return key_words(words[value][0] if value in words else value, 0)
    if column == "controls" and isinstance(value, str):
        return {"tenure_years age": "anställningstid, ålder"}.get(value, value)
    if words and isinstance(value, str) and value in words:
        return words[value][0]
    if kind == "bool" and not (isinstance(value, float) and math.isnan(value)):
        return {"true": "Ja", "false": "Nej"}.get(str(value).lower(), value)
    if kind == "share" and isinstance(value, float) and not math.isnan(value):
        return 100 * value
    return value


def test_cells_hold_the_csv_values_with_codes_as_words(book, tables):
    shown_words = 0
    for stem, frame in tables.items():
        if not isinstance(frame, pd.DataFrame):
            continue
        ws = book[stem]
        assert ws.max_row == len(frame) + 1, stem
        for column in frame.columns:
            if column.endswith(("_sv", "_en")) or f"{column}_sv" in frame.columns:
                continue  # one language of a pair: test_one_language_of_a_bilingual_pair
            head, _, kind = _column(stem, column, frame[column].dtype)
            got = _col(ws, head) if len(frame) else []
            want = [_expected(stem, column, kind, v) for v in frame[column]]
            bad = [(e, g) for e, g in zip(want, got, strict=True) if not _same(e, g)]
            assert not bad, (stem, column, bad[:3])
            words = VALUES.get((stem, column)) or VALUES.get(("*", column)) or {}
            left = {g for g in got if isinstance(g, str)} & set(words)
            assert not left - {"Person", "Man"}, (stem, column, left)  # same in both
            shown_words += sum(
                isinstance(g, str) and g in {w[0] for w in words.values()} for g in got
            )
    assert shown_words > 1000


def test_no_code_words_and_titles_beside_codes(book, tables, titles):
    for stem in ("equal_work", "explanations", "action_plan", "people", "equal_value"):
        ws = book[stem]
        text = {c.value for row in ws.iter_rows(min_row=2) for c in row if isinstance(c.value, str)}
        for code in ("not_flagged", "base_salary", "monthly_pay", "equal_work", "regression"):
            assert code not in text, (stem, code)
        assert not {"F", "M", "True", "False"} & text, stem
    ws = book["equal_work"]
    for code, title in zip(_col(ws, "Arbetsgrupp"), _col(ws, "Befattning"), strict=True):
        assert title == titles[code]
    ev = book["equal_value"]
    assert _col(ev, "Befattning, kvinnodominerat") == [
        titles[c] for c in _col(ev, "Kvinnodominerat arbete")
    ]
    ex = book["explanations"]
    pairs = zip(_col(ex, "Jämförelse"), _col(ex, "Jämförelse, befattning"), strict=True)
    seen = 0
    for key, title in pairs:
        if key.startswith(("Kvinnor lägre", "Män lägre")):  # equal work: the gender paid less
            assert title is None
        elif key:
            assert title == titles[[p for p in re.split(r"[/, ]+", key) if p in titles][-1]], key
            seen += 1
            assert "_" not in key, key  # an item key in words: "…, 351015, månadslön"
    assert seen > 10
    assert set(_col(book["people"], "Kön")) == {"Kvinna", "Man"}


def test_one_language_of_a_bilingual_pair(book, tables):
    doc = tables["documentation"]
    sv = book["documentation"]
    assert _header(sv) == ["Kod", "Lagrum", "Krävs", "Status", "Benämning", "Detaljer"]
    assert _col(sv, "Detaljer") == doc["detail_sv"].tolist()
    assert _col(sv, "Benämning") == doc["label_sv"].tolist()
    en = _Book(write_workbook_tables(tables, language="en"), lang=1)["documentation"]
    assert _header(en) == ["Code", "Legal basis", "Required", "Status", "Detail", "Label"]
    assert _col(en, "Detail") == doc["detail"].tolist()
    assert _col(en, "Status")[0] in {
        "Present",
        "Incomplete",
        "Missing",
        "Documented elsewhere",
        "Not required",
    }


def test_technical_detail_is_folded_not_gone(book, tables):
    ws = book["equal_work"]
    head = _header(ws)
    for name, hidden in [
        ("Koefficient (log)", True),
        ("10:e percentil kvinnor", True),
        ("Medellön kvinnor", False),
        ("Flaggad", False),
    ]:
        dim = ws.column_dimensions[ws.cell(1, head.index(name) + 1).column_letter]
        assert bool(dim.hidden) is hidden and (dim.outlineLevel == 1) is hidden, name


def test_numbers_are_numbers_with_swedish_formats(book, tables):
    ew = tables["equal_work"]
    ws = book["equal_work"]
    cols = {name: _header(ws).index(_column("equal_work", name, None)[0]) + 1 for name in ew}
    for name, fmt in [
        ("mean_women", KR),
        ("median_men", KR),
        ("p90_men", KR),
        ("women_pct_of_men", PCT),
        ("adjusted_gap_pct", PCT),
        ("ci_low", PCT),
        ("p_value", FORMATS["p"][0]),
        ("p_adjusted", FORMATS["p"][0]),
        ("n_women", "0"),
    ]:
        cells = [ws.cell(r, cols[name]) for r in range(2, ws.max_row + 1)]
        filled = [c for c in cells if c.value is not None]
        assert filled, name
        assert all(c.data_type == "n" and c.number_format == fmt for c in filled), name
    assert ws.cell(2, cols["mean_women"]).value == ew["mean_women"].iloc[0]
    assert ws.cell(2, cols["flagged"]).value in ("Ja", "Nej")
    assert ws.cell(2, cols["work_group"]).data_type == "s"  # codes stay text
    job = book["job_evaluation"]
    share = _header(job).index("Andel kvinnor") + 1
    assert job.cell(2, share).number_format == PCT  # one percent scale: 0–100 everywhere
    first = tables["job_evaluation"]["share_women"].iloc[0]
    assert job.cell(2, share).value == pytest.approx(100 * first, rel=1e-15)
    assert 1 < job.cell(2, share).value <= 100
    plan = book["action_plan"]
    head = _header(plan)
    row = {h: plan.cell(2, i).value for i, h in enumerate(head, start=1)}
    fmt = {h: plan.cell(2, i).number_format for i, h in enumerate(head, start=1)}
    assert row["År"] == tables["action_plan"]["year"].iloc[0] and fmt["År"] == "0"
    assert fmt["Kostnad per år (inkl. lönebikostnader)"] == KR
    assert fmt["Summa sysselsättningsgrad"] == FORMATS["dec"][0]
    eu = book["eu_indicators"]
    assert eu.cell(2, 7).number_format == PCT
    assert eu.cell(2, 7).value == tables["eu_indicators"]["value"].iloc[0]
    date = book["samverkan"].cell(2, 1)
    assert date.is_date and date.number_format == "yyyy-mm-dd"


def test_org_gap_is_a_key_value_sheet_with_the_oaxaca_terms(book, tables):
    ws = book["org_gap"]
    rows = {r[0].value: r for r in ws.iter_rows(min_row=2)}
    gap = tables["org_gap"]
    assert rows["adjusted_gap_pct"][1].value == "Justerad löneskillnad (%)"
    assert rows["adjusted_gap_pct"][2].value == gap["adjusted_gap_pct"]
    assert rows["adjusted_gap_pct"][2].number_format == PCT
    assert rows["p_value"][2].number_format == FORMATS["p"][0] == "[$-41D]0.0000"
    assert rows["n"][2].value == gap["n"] and rows["n"][2].number_format == "0"
    assert gap["controls"] == ["tenure_years", "age", "C(work_group)"]
    assert rows["controls"][2].value == "anställningstid, ålder, yrke (arbetsgrupp)"
    assert rows["pay_measure"][2].value == "Månadslön"
    assert rows["oaxaca.explained"][2].value == gap["oaxaca"]["explained"]
    term = gap["oaxaca"]["table"][0]
    cells = rows[f"oaxaca.{term['component']}.{term['term']}"]
    assert [c.value for c in cells[2:]] == [term["value"], term["ci_low"], term["ci_high"]]
    assert cells[1].value == "Oaxaca–Blinder, förklarad del: anställningstid"
    dummy = rows["oaxaca.explained.C(work_group)[T.152010]"][1].value
    assert dummy == "Oaxaca–Blinder, förklarad del: yrke (arbetsgrupp): Administratör (152010)"
    assert list(org_gap_table(gap)["key"])[:3] == [
        "raw_mean_gap_pct",
        "raw_median_gap_pct",
        "adjusted_gap_pct",
    ]


def test_empty_tables_give_a_header_only_sheet(book, tables):
    assert tables["exclusions"].empty
    assert book["exclusions"].max_row == 1
    assert _header(book["exclusions"]) == [
        "Rad i källfilen",
        "Anställnings-id",
        "Kolumn",
        "Värde",
        "Orsak",
    ]
    empty = pd.DataFrame(columns=["measure_id", "planned", "realised", "status"])
    ws = openpyxl.load_workbook(io.BytesIO(write_workbook_tables({"follow_up": empty})))[
        "Uppföljning"
    ]
    assert ws.max_row == 1 and ws.freeze_panes == "A2"


def test_follow_up_unknown_columns_and_awkward_values():
    follow = pd.DataFrame(
        {
            "measure_id": ["2025-person-7"],
            "planned": [3.5],
            "realised": [1.25],
            "status": ["partly"],
            "extra_col": ["=1+1"],
            "n_things": [4.0],
            "ratio": [float("inf")],
            "flagged": ["True"],
        }
    )
    other = pd.DataFrame({"when": pd.to_datetime(["2026-01-02"]), "x": [1.5]})
    book = openpyxl.load_workbook(
        io.BytesIO(
            write_workbook_tables(
                {"zzz_custom": other, "follow_up": follow}, notes={"follow_up": "Från förra året"}
            )
        )
    )
    assert book.sheetnames == ["Om", "Uppföljning", "zzz_custom"]
    ws = book["Uppföljning"]
    assert _header(ws)[:4] == ["Åtgärds-id", "Planerad höjning", "Genomförd höjning", "Status"]
    assert ws["B2"].value == 3.5 and ws["B2"].number_format == PCT
    assert ws["E1"].value == "extra_col"
    assert ws["E2"].value == "=1+1" and ws["E2"].data_type == "s"  # text, never a formula
    assert ws["F2"].value == 4 and ws["F2"].number_format == "0"
    assert ws["G2"].value is None  # inf: no value Excel could hold
    assert ws["D2"].value == "Delvis"  # a status code as a word
    assert ws["H2"].value == "Ja"
    custom = book["zzz_custom"]
    assert _header(custom) == ["when", "x"] and custom["A2"].is_date
    assert book["Om"]["E4"].value == "Från förra året"
    assert book["Om"]["B4"].value == "data/follow_up.csv"


def test_same_tables_give_the_same_bytes(tables, tmp_path):
    first = write_workbook_tables(tables, tmp_path / "survey.xlsx", title="Sundby kommun 2026")
    assert first == write_workbook_tables(tables, title="Sundby kommun 2026")
    assert (tmp_path / "survey.xlsx").read_bytes() == first
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {i.date_time for i in z.infolist()} == {(2000, 1, 1, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode()
    assert "2000-01-01T00:00:00Z" in core and "Sundby kommun 2026" in core
    later = dt.datetime(2026, 10, 30, 12, tzinfo=dt.UTC)
    stamped = write_workbook_tables(tables, created=later)
    assert stamped == write_workbook_tables(tables, created=later) != first
    with zipfile.ZipFile(io.BytesIO(stamped)) as z:
        assert "2026-10-30T12:00:00Z" in z.read("docProps/core.xml").decode()


def test_tables_in_memory_give_the_values_of_the_csv_files(run, book, titles, units):
    memory = dict(run.tables)
    memory["org_gap"] = run.results["org_gap"]
    data = write_workbook_tables(memory, titles=titles, units=units)
    direct = openpyxl.load_workbook(io.BytesIO(data))
    assert direct.sheetnames == book.sheetnames
    for stem in book.sheetnames:
        got = [[c.value for c in row] for row in direct[stem].iter_rows()]
        want = [[c.value for c in row] for row in book[stem].iter_rows()]
        assert got == want, stem


def test_output_folder_with_the_workbook_meets_the_contract(run, tables, tmp_path):
    tool = shared_dir() / "tools" / "check_contract.py"
    if not tool.exists():
        pytest.skip(f"{tool} not found")
    shutil.copytree(run.out_dir / "data", tmp_path / "data")
    write_workbook_tables(tables, tmp_path / "survey.xlsx")
    done = subprocess.run(
        [sys.executable, str(tool), str(tmp_path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 contract problems" in done.stdout


def test_every_sheet_prints_landscape_one_page_wide():
    table = pd.DataFrame({"unit": ["A"] * 3, "work_group": ["1", "2", "3"], "flagged": [True] * 3})
    book = openpyxl.load_workbook(io.BytesIO(write_workbook_tables({"equal_work": table})))
    for ws in book.worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0, ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
    assert book["Lika arbete"].print_title_rows == "$1:$1"


def test_long_text_wraps_in_a_column_that_prints(book, tables):
    ws = book["explanations"]
    j = _header(ws).index("Förklaring") + 1
    letter = ws.cell(1, j).column_letter
    assert ws.column_dimensions[letter].width == 40
    longest = max(range(2, ws.max_row + 1), key=lambda i: len(ws.cell(i, j).value or ""))
    assert len(ws.cell(longest, j).value) > 120
    assert ws.cell(longest, j).alignment.wrap_text
    assert ws.row_dimensions[longest].height >= 14.5 * 3  # three lines or more, not one
    ws = book["action_plan"]  # rows of short text next to rows of long text
    wrapped = [c.column for c in ws[2] if c.alignment.wrap_text]
    width = {k: ws.column_dimensions[ws.cell(1, k).column_letter].width for k in wrapped}
    assert wrapped and all(w <= 45 for w in width.values())

    def longest(i: int) -> float:  # the longest wrapped text, in column widths
        return max(len(str(ws.cell(i, k).value or "")) / width[k] for k in wrapped)

    rows = range(2, ws.max_row + 1)
    short = [i for i in rows if longest(i) <= 0.9]
    long = [i for i in rows if longest(i) >= 1.5]
    assert len(short) > 10 and len(long) > 10
    assert all(ws.row_dimensions[i].height is None for i in short)  # one line: default height
    assert all(ws.row_dimensions[i].height >= 29 for i in long)  # two lines or more


def test_reader_aids_sign_workplace_titles_pages(book, tables, units):
    about = book.wb["Om"]
    text = " ".join(str(c.value) for row in about.iter_rows() for c in row if c.value)
    assert "negativ när kvinnor har lägre lön" in text  # the sign, once for every sheet
    assert "positiv när kvinnor har lägre lön" in text  # and the directive's, named
    eu = _header(book["eu_indicators"])
    assert any("positiv = kvinnor lägre" in h for h in eu)
    people = book["people"]
    ids, places = _col(people, "Anställnings-id"), _col(people, "Arbetsplats")
    assert all(place == units[i] for i, place in zip(ids, places, strict=True))
    assert set(_col(people, "Enhet")) >= {"Hela organisationen"}
    job = _header(book["job_evaluation"])
    assert job[:2] == ["Arbetskod", "Befattning"]  # the title beside its code
    for stem, header in [("org_gap", "Nyckel"), ("documentation", "Kod")]:
        ws = book[stem]
        letter = ws.cell(1, _header(ws).index(header) + 1).column_letter
        assert ws.column_dimensions[letter].hidden and ws.sheet_format.outlineLevelCol == 1
    ws = book["equal_work"]
    assert ws.oddHeader.center.text == "&A – Lönekartläggning – tabeller"
    assert ws.oddFooter.center.text == "Sida &P av &N"
    empty = [r for r in about.iter_rows(min_row=4) if r[0].value == "Undantagna rader"][0]
    assert empty[3].value == 0 and empty[4].value == "Tomt: inga rader"
    titled = _Book(write_workbook_tables(tables, title="Sundby kommun 2026"))["equal_work"]
    assert titled.oddHeader.center.text == "&A – Sundby kommun 2026"

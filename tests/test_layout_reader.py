"""What a fresh reader found in the layout (a union representative signing the overview, a unit
manager, an English HR consultant): room to write an opinion and whole signature blocks, a unit's
report acknowledged by its manager instead of signed by every union, a one-line personal-data
notice, no ordinary word hyphenated in a narrow column while others have room, a short basis
column with a group's rows kept together, captions that say which analysis, a methods annex
without paths and, in a unit's report, without the settings, and register text said to be in
Swedish in an English report."""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader

from payequity.actions import unit_names
from payequity.exceptions import PayEquityError
from payequity.report import overview_pdf
from payequity.report._annex import setting_rows
from payequity.report._content import document
from payequity.report._layout import REGISTER_NOTE
from payequity.report._render import unit_pdf
from payequity.report._typst import render_pdf

TS = datetime(2026, 10, 30, tzinfo=UTC)
HYPHENATED = re.compile(r"(\w+)[\u00ad-]\s*\n\s*(\w+)")  # a word broken at a line end
SOFT = re.compile(r"(\w+)\u00ad\s*(\w+)")  # a word broken by hyphenation (a soft hyphen)
UNIONS = ["Kommunal", "Vision", "Vårdförbundet", "Sveriges Ingenjörer"]


def _pages(pdf: bytes) -> list[str]:
    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages]


def _doc(blocks: list[dict], lang: str = "sv", **extra) -> dict:
    return {
        "lang": lang,
        "title": "Lönekartläggning 2026",
        "organisation": "Exempelkommun",
        "sections": [{"title": "Tabeller", "blocks": blocks}],
        **extra,
    }


def _english(run):
    cfg = run.config
    survey = {**cfg.sections["survey"], "language": "en"}
    return dataclasses.replace(
        run, config=dataclasses.replace(cfg, sections={**cfg.sections, "survey": survey})
    )


def _units(run) -> list[str]:
    return sorted(set(run.data.frame[run.data.unit_column].astype(str)))


def _soder(run) -> str:
    return next(u for u in _units(run) if u.endswith("Hemtjänst Söder"))


def _section(doc: dict, title: str) -> dict:
    return next(s for s in doc["sections"] if s["title"] == title)


def _tables(doc: dict) -> list[dict]:
    return [b for s in doc["sections"] for b in s["blocks"] if b["type"] == "table"]


def _broken(text: str) -> set[str]:
    """Every word hyphenated at a line end."""
    return {a + b for a, b in HYPHENATED.findall(text)} | {a + b for a, b in SOFT.findall(text)}


@pytest.fixture(scope="module")
def overview_sv(sample_run) -> list[str]:
    pdf, _ = overview_pdf(sample_run)
    return _pages(pdf)


@pytest.fixture(scope="module")
def soder_sv(sample_run) -> list[str]:
    pdf, _ = unit_pdf(sample_run, _soder(sample_run))
    return _pages(pdf)


# --- A: the signatures of the overview ---------------------------------------------------------


def test_each_union_has_room_for_its_opinion_and_may_attach_a_sheet(sample_run):
    block = next(
        b
        for b in _section(document(sample_run), "Underskrifter")["blocks"]
        if b["type"] == "signatures"
    )
    assert [p["role"] for p in block["parties"][1:]] == [f"För {u}" for u in UNIONS]
    assert all("(vid behov på bilaga)" in p["opinion"] for p in block["parties"][1:])
    en = next(
        b
        for b in _section(document(_english(sample_run)), "Signatures")["blocks"]
        if b["type"] == "signatures"
    )
    assert all("(attach a sheet if needed)" in p["opinion"] for p in en["parties"][1:])


def _signature_pages(n: int) -> list[str]:
    parties = [{"role": "För arbetsgivaren", "lines": ["Namnteckning", "Ort och datum"]}] + [
        {
            "role": f"För Förbund {i}",
            "lines": ["Namnteckning", "Namnförtydligande", "Ort och datum"],
            "opinion": "Organisationens yttrande eller reservation (vid behov på bilaga)",
        }
        for i in range(1, n)
    ]
    pdf, _ = render_pdf(
        _doc([{"type": "signatures", "parties": parties}]), timestamp=TS, strict=True
    )
    return _pages(pdf)[2:]  # after the cover and the contents


@pytest.mark.pdf
def test_signature_blocks_stay_whole_and_none_is_alone_on_the_last_page():
    pages = _signature_pages(5)
    assert len(pages) == 2
    first, last = pages
    # whole blocks: each block's role and its lines are on one page
    for page in pages:
        for i in range(1, 5):
            if f"Förbund {i}" in page:
                assert page.count("yttrande eller reservation") >= 1
    assert last.count("För ") == 3  # the lone fifth block takes the row before it along
    assert last.count("Ort och datum") == 3 and first.count("Ort och datum") == 2
    # the opinion box is tall: two rows of blocks (the intro above) take most of a page
    assert len(_signature_pages(4)) == 1


@pytest.mark.pdf
def test_the_overview_is_signed_by_every_union_in_whole_blocks(overview_sv):
    start = next(
        i
        for i, p in enumerate(overview_sv)
        if "Underskrifter Lönekartläggningen" in " ".join(p.split())
    )
    pages = overview_sv[start:]
    text = " ".join(" ".join(pages).split())
    for u in UNIONS:
        assert f"För {u}" in text
    assert text.count("(vid behov på bilaga)") == len(UNIONS)
    assert sum(p.count("För ") for p in pages[-1:]) >= 2  # never one block alone


# --- B: a unit's report: the unit manager's acknowledgement ------------------------------------


def test_a_units_report_is_acknowledged_by_its_manager_not_signed_by_the_unions(sample_run):
    unit = _soder(sample_run)
    doc = document(sample_run, unit)
    last = doc["sections"][-1]
    assert last["title"] == "Tagit del av"
    assert "Underskrifter" not in [s["title"] for s in doc["sections"]]
    (block,) = [b for b in last["blocks"] if b["type"] == "signatures"]
    (party,) = block["parties"]
    assert party["role"] == "Enhetschef, Hemtjänst Söder"
    assert party["lines"] == ["Namnteckning", "Namnförtydligande", "Datum"]
    assert "opinion" not in party
    en = document(_english(sample_run), unit)["sections"][-1]
    assert en["title"] == "Acknowledged"
    (party,) = next(b for b in en["blocks"] if b["type"] == "signatures")["parties"]
    assert party["role"] == "Unit manager, Hemtjänst Söder"


def test_a_unit_whose_name_is_shared_is_acknowledged_under_its_whole_path(sample_run):
    names = unit_names(_units(sample_run))
    shared = [u for u, n in names.items() if n == u and "/" in u]
    assert shared  # the sample has two "Förvaltningskontoret"
    last = document(sample_run, shared[0])["sections"][-1]
    (party,) = next(b for b in last["blocks"] if b["type"] == "signatures")["parties"]
    assert party["role"] == f"Enhetschef, {shared[0]}"


@pytest.mark.pdf
def test_the_unit_pdf_ends_with_the_acknowledgement(soder_sv):
    last = " ".join(" ".join(soder_sv[-2:]).split())
    assert "Tagit del av" in last and "Enhetschef, Hemtjänst Söder" in last
    assert "Sveriges Ingenjörer" not in last and "För Kommunal" not in last
    assert "Underskrifter" not in " ".join(soder_sv)


# --- C: the personal-data notice on one line ----------------------------------------------------


@pytest.mark.pdf
def test_the_personal_data_notice_is_one_line_on_every_page(overview_sv):
    for page in overview_sv:
        line = next(x for x in page.splitlines() if "personuppgifter" in x)
        assert line.rstrip().endswith(("behov.", "dataskyddsförordningen")), line


@pytest.mark.pdf
def test_a_long_notice_is_set_smaller_to_stay_on_one_line():
    # longer than the line at 8.5 pt: such a notice once left "utan behov." alone on a line
    notice = (
        "Innehåller personuppgifter: lön och åtgärder för enskilda anställda. Hanteras enligt "
        "dataskyddsförordningen; lämna inte vidare. Slut."
    )
    pdf, _ = render_pdf(
        _doc([{"type": "text", "text": "x"}], confidential=notice), timestamp=TS, strict=True
    )
    for page in _pages(pdf):
        line = next(x for x in page.splitlines() if "personuppgifter" in x)
        assert line.rstrip().endswith("Slut."), line


# --- D: no ordinary word hyphenated in a narrow column ------------------------------------------


READER_WORDS = {
    "ingångslöner",
    "marknadstillägg",
    "Dokumenteras",
    "Ofullständig",
    "standardvägt",
    "kommuner",
    "månad",
}


@pytest.mark.pdf
def test_no_short_word_of_a_narrow_column_is_hyphenated_in_the_overview(overview_sv):
    text = "\n".join(overview_sv)
    assert all(w in text.replace("\u00ad", "") for w in READER_WORDS - {"månad"})
    assert _broken(text) & READER_WORDS == set()


@pytest.mark.pdf
@pytest.mark.parametrize("given", [True, False])
def test_a_column_of_short_words_gets_its_longest_word_from_the_others_slack(given):
    rows = [
        ["Tillägg", "Ja", "Bedömd som könsneutral i utformning och tillämpning. " * 2, ""],
        ["Tillägg", "Oklart", "Tilläggen går oftare till män.", "Dokumentera marknadstillägg"],
        ["Lönepolicy", "Oklart", "Individuellt utan underlag.", "Inför riktlinje för ingångslöner"],
    ] * 3
    block = {
        "type": "table",
        "columns": ["Område", "Könsneutral", "Bedömning", "Åtgärd"],
        "rows": rows,
    }
    if given:  # the short column given a wide share, the one of long words a narrow one
        block["widths"] = [1, 2.5, 4, 0.4]
    pdf, _ = render_pdf(_doc([block]), timestamp=TS, strict=True)
    text = "\n".join(_pages(pdf))
    assert _broken(text) & {"marknadstillägg", "ingångslöner", "utformning", "tillämpning"} == set()


@pytest.mark.pdf
def test_a_short_cell_column_does_not_stay_wide_while_another_wraps():
    # "Ja" given half the line: the long text beside it takes what "Ja" does not need
    long = "ett långt stycke text som annars bryts på många rader " * 3
    block = {"type": "table", "columns": ["Svar", "Text"], "rows": [["Ja", long]], "widths": [1, 1]}
    pdf, _ = render_pdf(_doc([block]), timestamp=TS, strict=True)
    body = _pages(pdf)[2]
    lines = [x for x in body.splitlines() if "stycke" in x or "långt" in x or "text" in x]
    assert len(lines) <= 2, lines  # half the line would take four


# --- E: a short basis column, a group's rows together -------------------------------------------


def test_the_equal_work_table_says_its_basis_shortly_and_explains_it(sample_run):
    for run, adjusted, raw in (
        (sample_run, "Justerad", "Rå"),
        (_english(sample_run), "Adjusted", "Raw"),
    ):
        doc = document(run)
        table = next(t for t in _tables(doc) if t["columns"][0] in ("Grupp", "Group"))
        j = table["columns"].index("Grund" if run is sample_run else "Basis")
        assert {r[j] for r in table["rows"]} == {adjusted, raw}
        assert table["merge"] == [0]
        assert f"{adjusted} är" in table["note"] or f"{adjusted} is" in table["note"]
        assert f"{raw} är" in table["note"] or f"{raw} is" in table["note"]


@pytest.mark.pdf
def test_merged_rows_stay_together_on_a_page():
    rows = [
        [f"Yrke {i // 2:02d}", "Grundlön" if i % 2 == 0 else "Månadslön", "1"] for i in range(140)
    ]
    rows = rows[:1] + rows  # an odd row first, so a page would otherwise break inside a pair
    rows[0] = ["Ensam", "Grundlön", "1"]
    block = {
        "type": "table",
        "columns": ["Grupp", "Lönebegrepp", "Antal"],
        "rows": rows,
        "merge": [0],
    }
    pdf, _ = render_pdf(_doc([block]), timestamp=TS, strict=True)
    pages = _pages(pdf)[2:]
    assert len(pages) >= 3
    for k, page in enumerate(pages):
        pay = [w for w in page.split() if w in ("Grundlön", "Månadslön")]
        if pay:  # a page starts with a group's first row and ends with its last
            assert pay[-1] == "Månadslön" and (k == 0 or pay[0] == "Grundlön"), page
    assert sum(page.count("Yrke ") for page in pages) == 70  # each group named once


def test_merge_must_list_column_indexes():
    block = {"type": "table", "columns": ["a", "b"], "rows": [["x", "y"]], "merge": [2]}
    with pytest.raises(PayEquityError, match="merge must be a list of column indexes"):
        render_pdf(_doc([block]), timestamp=TS)


@pytest.mark.pdf
def test_no_equal_work_group_is_split_across_pages(sample_run, overview_sv):
    doc = document(sample_run)
    table = next(t for t in _tables(doc) if t["columns"][0] == "Grupp")
    starts = [i for i, p in enumerate(overview_sv) if "Tabell 1." in p]
    end = next(i for i, p in enumerate(overview_sv) if "Skillnad: den skillnad flaggan" in p)
    pages = overview_sv[starts[0] : end + 1]
    assert len(pages) <= 2  # 62 rows on two pages, not three
    for page in pages:
        pay = [w for w in page.split() if w in ("Grundlön", "Månadslön")]
        if pay:
            assert pay[0] == "Grundlön" and pay[-1] == "Månadslön"
    assert len(table["rows"]) == 2 * len({r[0] for r in table["rows"]})


# --- F: captions say which analysis -------------------------------------------------------------


def test_the_units_flagged_comparisons_say_which_analysis(sample_run):
    captions = [t.get("caption", "") for t in _tables(document(sample_run))]
    within = [c for c in captions if c.startswith("Flaggade jämförelser inom enheterna")]
    assert "Flaggade jämförelser inom enheterna (lika arbete)" in within
    assert "Flaggade jämförelser inom enheterna (likvärdigt arbete)" in within
    assert len(within) == len(set(within))


# --- G: the methods annex -----------------------------------------------------------------------


def test_the_settings_show_folders_by_name_only(sample_run):
    cfg = {"output": {"dir": "../../../../tmp/rv2/out"}, "archive": {"dir": "/srv/archive/"}}
    rows = {r[2]: r[1] for r in setting_rows(cfg, "sv")}
    assert rows == {"output.dir": "out", "archive.dir": "archive"}
    settings = next(
        t for t in _tables(document(sample_run)) if "Nyckel i survey.toml" in t["columns"]
    )
    assert not any(".." in c or "/" in c for r in settings["rows"] for c in r[1:2])


def test_a_units_annex_refers_to_the_overviews_settings_and_keeps_the_terms(sample_run):
    for run, sentence in (
        (sample_run, "Inställningarna redovisas i översiktens bilaga Metod och inställningar"),
        (
            _english(sample_run),
            "The settings are listed in the overview's annex Methods and settings",
        ),
    ):
        annex = document(run, _soder(run))["sections"]
        annex = next(
            s for s in annex if s["title"] in ("Metod och inställningar", "Methods and settings")
        )
        tables = [b for b in annex["blocks"] if b["type"] == "table"]
        assert not any("survey.toml" in " ".join(t["columns"]) for t in tables)
        assert any(b["type"] == "text" and sentence in b["text"] for b in annex["blocks"])
        terms = tables[0]
        assert terms["columns"][0] in ("Begrepp", "Term") and len(terms["rows"]) >= 10
        assert not any("EU" in r[1] for r in terms["rows"])  # the unit's report has no EU section
    overview = _section(document(sample_run), "Metod och inställningar")
    assert any("EU-avsnittet" in r[1] for r in overview["blocks"][0]["rows"])


# --- H, I: English -----------------------------------------------------------------------------


def test_english_tables_of_register_text_say_it_is_in_swedish(sample_run):
    en = _tables(document(_english(sample_run)))
    register = [t for t in en if "sv" in (t.get("lang") or [])]
    assert len(register) >= 3  # rules and practice, explanations, samverkan
    assert all(REGISTER_NOTE in t["note"] for t in register)
    assert not any(REGISTER_NOTE in (t.get("note") or "") for t in en if t not in register)
    assert not any(REGISTER_NOTE in (t.get("note") or "") for t in _tables(document(sample_run)))


def test_english_terms_say_fte_in_capitals(sample_run):
    annex = _section(document(_english(sample_run)), "Methods and settings")
    terms = " ".join(r[1] for r in annex["blocks"][0]["rows"])
    assert "× FTE ×" in terms and not re.search(r"\bfte\b", terms)

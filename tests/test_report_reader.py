"""What a fresh reader needs (a union representative signing the overview, a unit manager reading
the unit's report, an English HR consultant): the people of a unit in its own report, an annex
that lets each raise be checked, a cost line that cannot be misread, counts in the right number,
log points with their percent, the EU section in plain words, glosses of Swedish institutions in
English, and measure counts that say what they count."""

from __future__ import annotations

import dataclasses
import io
import math
import os
import re

import pytest
from pypdf import PdfReader

import payequity as pe
from payequity import datasets
from payequity.report import overview_pdf, unit_pdf
from payequity.report._content import document
from payequity.report._front import cost_words, measures_count, women_men
from payequity.report._org import EU_OFF, log_points
from payequity.report._sections import Writer
from payequity.report._spread import MIN_SPREAD

TS = "2026-09-30T12:00:00Z"
HS = "Vård- och omsorgsförvaltningen/Hemtjänst Söder"
ANG = "Barn- och utbildningsförvaltningen/Ängsskolan"
ANNEX_SV, ANNEX_EN = "Bilaga: åtgärder per person", "Annex: measures by person"


def _english(run):
    cfg = run.config
    survey = {**cfg.sections["survey"], "language": "en"}
    return dataclasses.replace(
        run, config=dataclasses.replace(cfg, sections={**cfg.sections, "survey": survey})
    )


def _as(run, audience: str):
    """The run as an edition for ``audience`` (the tables as they are; for the code paths)."""
    return dataclasses.replace(run, manifest={**run.manifest, "audience": audience})


def _blocks(x):
    for b in x.get("blocks", []):
        yield b
        if b.get("type") == "section":
            yield from _blocks(b)


def _strings(x):
    if isinstance(x, str):
        yield x
    elif isinstance(x, dict):
        for k, v in x.items():
            if k not in ("type", "file", "align", "tone", "size", "width", "level"):
                yield from _strings(v)
    elif isinstance(x, list):
        for v in x:
            yield from _strings(v)


def _section(doc, title):
    return next((s for s in doc["sections"] if s["title"] == title), None)


def _tables(section):
    return [b for b in _blocks(section) if b.get("type") == "table"]


def _text(doc) -> str:
    return " ".join(" ".join(_strings(doc["sections"])).split())


def _annex(doc, title=ANNEX_SV):
    section = _section(doc, title)
    assert section is not None, [s["title"] for s in doc["sections"]]
    (table,) = _tables(section)
    return table


@pytest.fixture(scope="module")
def docs(sample_run):
    return {
        "overview": document(sample_run),
        HS: document(sample_run, HS),
        ANG: document(sample_run, ANG),
    }


@pytest.fixture(scope="module")
def docs_en(sample_run):
    run = _english(sample_run)
    return {"overview": document(run, None, {}), HS: document(run, HS, {})}


# 1. the unit's people in the unit's report ----------------------------------------------------


def test_a_unit_report_lists_its_own_people_in_an_annex(sample_run, docs):
    plan = sample_run.tables["action_plan"]
    for unit in (HS, ANG):
        table = _annex(docs[unit])
        col = table["columns"].index("Anst.nr")
        shown = {r[col] for r in table["rows"]}
        own = plan[(plan["unit"] == unit) & (plan["kind"] == "person")]
        assert shown == set(own["employee_id"].astype(str)), unit
        assert table.get("groups") is None  # all one unit
        text = _text(docs[unit])
        assert "Personerna listas i översiktens bilaga" not in text
        assert "Varje person finns i bilagan Åtgärder per person sist i denna rapport." in text


def test_editions_without_people_have_no_annex_and_say_so(sample_run):
    run = _as(sample_run, "manager")
    doc = document(run, HS)
    assert _section(doc, ANNEX_SV) is None
    text = _text(doc)
    assert "Enskilda personer och små gruppers belopp visas bara i underlag för HR" in text
    assert "sist i denna rapport" not in text


@pytest.fixture(scope="module")
def union_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("union")
    datasets.generate(700, n_units=8, seed=2, out=folder)
    toml = folder / "survey.toml"
    toml.write_text(toml.read_text("utf-8") + "\n[analysis]\nbootstrap_reps = 0\n", "utf-8")
    old = os.environ.get("PAYEQUITY_PSEUDONYM_KEY")
    os.environ["PAYEQUITY_PSEUDONYM_KEY"] = "hemlig"
    try:
        return pe.run(toml, audience="union", only="data", timestamp=TS)
    finally:
        if old is None:
            del os.environ["PAYEQUITY_PSEUDONYM_KEY"]
        else:
            os.environ["PAYEQUITY_PSEUDONYM_KEY"] = old


def test_a_union_unit_report_shows_pseudonyms_with_the_real_gender(union_run):
    plan = union_run.tables["action_plan"]
    people = plan[plan["kind"] == "person"]
    assert len(people)
    unit = people["unit"].value_counts().index[0]
    table = _annex(document(union_run, unit))
    col, g = table["columns"].index("Pseudonym"), table["columns"].index("Kön")
    real = set(union_run.data.frame["employee_id"].astype(str))
    shown = [r[col] for r in table["rows"]]
    assert set(shown) == set(people.loc[people["unit"] == unit, "employee_id"].astype(str))
    assert not set(shown) & real  # pseudonyms, not employee numbers
    # the gender is the person's own, looked up through the plan as computed
    computed = union_run.results["action_plan"].table
    pseudo_to_real = dict(
        zip(plan["employee_id"], computed["employee_id"].astype(str), strict=True)
    )
    gender = dict(
        zip(
            union_run.data.frame["employee_id"].astype(str),
            union_run.data.frame["gender"].astype(str),
            strict=True,
        )
    )
    for r in table["rows"]:
        want = {"F": "Kvinna", "M": "Man"}[gender[pseudo_to_real[r[col]]]]
        assert r[g] == want


# 2. the annex lets a raise be checked ---------------------------------------------------------


def test_the_annex_has_the_columns_to_check_a_raise(sample_run, docs):
    table = _annex(docs["overview"])
    cols = table["columns"]
    for c in ("Kön", "Syss.grad", "Grundlön före", "Höjning per månad", "Grundlön efter"):
        assert c in cols
    assert "Jämförelse som gav höjningen" in cols
    plan = sample_run.tables["action_plan"]
    assert plan["year"].nunique() == 1 and plan["due_year"].nunique() == 1  # the sample's
    assert "År" not in cols and "Senast" not in cols  # constant: said once in the note
    year, due = int(plan["year"].iloc[0]), int(plan["due_year"].iloc[0])
    assert f"Alla höjningar görs {year} och ska vara genomförda senast {due}." in table["note"]
    overhead = sample_run.results["action_plan"].overhead
    w = Writer(sample_run, None, set())
    assert f"lönebikostnader på {w.pct(100 * overhead, 0)})" in table["note"]
    assert "Höjning per månad × sysselsättningsgrad × 12" in table["note"]


def _kr(s: str) -> float:
    return float(re.sub(r"[^\d]", "", s))


def test_the_cost_can_be_rebuilt_from_each_row(sample_run, docs):
    table = _annex(docs[HS])
    cols = table["columns"]
    overhead = sample_run.results["action_plan"].overhead
    fte, before, raise_, after, cost = (
        cols.index(c)
        for c in (
            "Syss.grad",
            "Grundlön före",
            "Höjning per månad",
            "Grundlön efter",
            "Kostnad per år",
        )
    )
    assert table["rows"]
    for r in table["rows"]:
        share = float(r[fte].replace("\u00a0", " ").split()[0].replace(",", ".")) / 100
        assert _kr(r[after]) == _kr(r[before]) + _kr(r[raise_])
        assert math.isclose(_kr(r[cost]), _kr(r[raise_]) * share * 12 * (1 + overhead), abs_tol=2)


def test_the_annex_names_the_comparison_in_words(sample_run, docs):
    table = _annex(docs["overview"])
    col, g = table["columns"].index("Jämförelse som gav höjningen"), table["columns"].index("Kön")
    said = [r[col] for r in table["rows"]]
    assert all(re.search(r"\) i (enheten|hela organisationen)(; |$)", s) for s in said), said
    assert any("i enheten" in s for s in said)
    assert any("i hela organisationen" in s for s in said)
    assert not any(re.search(r"[/;]\w*equal_work|^/", s) for s in said)  # no item keys
    assert {r[g] for r in table["rows"]} <= {"Kvinna", "Man"}
    assert {r[g] for r in table["rows"]} == {"Kvinna", "Man"}  # the sample raises both


# 3. the cost line -----------------------------------------------------------------------------


def test_the_cost_line_keeps_the_pay_bill_in_brackets(sample_run, docs, docs_en):
    w = Writer(sample_run, None, set())
    assert cost_words(w, 20738214, 2244017856) == (
        f"{w.kr(20738214)} per år ({w.pct(0.92, 2)} av lönesumman, som är {w.kr(2244017856)} "
        "per år inkl. lönebikostnader)"
    )
    text = _text(docs["overview"])
    assert re.search(
        r"kr per år \(\d,\d\d % av lönesumman, som är [\d\s\u00a0\u202f]+ kr per år", text
    )
    assert "kr: 0," not in text
    text_en = _text(docs_en["overview"])
    assert re.search(r" a year \(\d\.\d\d\W?% of the pay bill, which is ", text_en), text_en[:3000]


# 4. counts of women and men in the right number ------------------------------------------------


def test_counts_of_women_and_men_agree_in_number(sample_run, docs):
    w = Writer(sample_run, None, set())
    assert women_men(w, 7, 1) == "7 kvinnor och 1 man"
    assert women_men(w, 1, 2) == "1 kvinna och 2 män"
    assert women_men(w, 3, 0, skip_zero=True) == "3 kvinnor"
    en = Writer(_english(sample_run), None, set())
    assert women_men(en, 1, 1) == "1 woman and 1 man"
    text = _text(docs[ANG])
    assert not re.search(r"\b1 män\b|\b1 kvinnor\b", text)
    assert re.search(r"\b\d+ kvinnor och 1 man höjs", text)  # Ängsskolan raises one man


# 5. log points with their percent, and the jargon explained -------------------------------------


def test_log_points_carry_their_percent(sample_run, docs, docs_en):
    w = Writer(sample_run, None, set())
    assert log_points(w, -0.0223) == f"−2,23 log-poäng (≈ {w.pct(-2.2)})"
    assert w.pct(100 * math.expm1(-0.0223)) == w.pct(-2.2)
    text = _text(docs["overview"])
    assert "(≈ %)" not in text and "(≈ −" in text
    assert "Oaxaca–Blinder är en statistisk metod" in text
    assert text.index("Oaxaca–Blinder är en statistisk metod") < text.index("log-poäng (≈")
    assert "100 × (e^(log-poäng/100) − 1)" in text
    assert "(≈ %)" not in _text(docs_en["overview"])


# 6. pay spread ----------------------------------------------------------------------------------


def test_p10_and_p90_need_five_people(sample_run, docs):
    section = _section(docs[HS], "Lika arbete")
    table = next(t for t in _tables(section) if "P10" in t["columns"])
    n, p10, p90 = (table["columns"].index(c) for c in ("Antal", "P10", "P90"))
    small = 0
    for r in table["rows"]:
        for count, a, b in zip(*(r[i].split("\n") for i in (n, p10, p90)), strict=True):
            if int(count) < MIN_SPREAD:
                small += 1
                assert a == b == "–", r
    assert small  # Undersköterska's 2 men in Hemtjänst Söder
    assert "P10 och P90 visas för minst 5 personer" in table["note"]
    assert "Lön per månad omräknad till heltid" in table["note"]
    assert "som i datafilen" not in table["note"] and "Månadslön per heltid" not in table["note"]
    assert "Här står medianerna; medellönerna står i tabellen" in table["note"]


# 7. EU section when the module is off ----------------------------------------------------------


def test_the_eu_section_speaks_plainly_when_the_module_is_off(sample_run, docs):
    assert not sample_run.config.analysis.eu_directive
    section = _section(docs["overview"], "EU:s lönetransparensdirektiv, artikel 9")
    text = " ".join(_strings(section))
    assert EU_OFF[0] in text
    assert "EU-modulen" not in text and "(publiceras)" not in text


# 8. glosses in English --------------------------------------------------------------------------


def test_english_glosses_swedish_institutions_where_first_used(docs_en):
    doc = docs_en["overview"]
    for word, gloss in (
        ("HÖK", "the central collective agreements for municipalities"),
        ("OB-tillägg", "unsocial-hours supplement"),
        ("Medlingsinstitutet", "the Swedish National Mediation Office"),
        ("SCB", "Statistics Sweden"),
        ("samverkan", "consultation with the unions"),
    ):
        texts = [" ".join(_strings(s)) for s in doc["sections"]]
        first = next(i for i, t in enumerate(texts) if re.search(rf"\b{word}\b", t))
        # glossed in the section it first appears in, or at the end of the one before it
        assert gloss in texts[first] or gloss in texts[first - 1][-400:], word
        assert sum(gloss in t for t in texts) == 1, word  # once


def test_swedish_has_no_english_glosses(docs):
    text = _text(docs["overview"])
    assert "Statistics Sweden" not in text and "unsocial-hours" not in text


# 9. measure counts say what they count --------------------------------------------------------


def test_measure_counts_say_people_and_jobs(sample_run, docs):
    w = Writer(sample_run, None, set())
    assert measures_count(w, 319, 2) == "321 åtgärder (319 personer och 2 yrken)"
    assert measures_count(w, 1, 0) == "1 åtgärd (1 person)"
    m = sample_run.results["action_plan"].measures
    people, jobs = int((m["kind"] == "person").sum()), int((m["kind"] == "equal_value").sum())
    said = measures_count(w, people, jobs)
    text = _text(docs["overview"])
    assert text.count(said) >= 3  # the summary, the plan's facts and its time plan
    assert f"Handlingsplan: åtgärder {w.num(people + jobs)}:" not in text


# the same, in the PDFs -------------------------------------------------------------------------


def _pdf_text(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return " ".join(
        " ".join((p.extract_text() or "").replace("\u00a0", " ").split()) for p in pages
    )


@pytest.mark.pdf
def test_the_unit_pdf_prints_its_annex(sample_run):
    text = _pdf_text(unit_pdf(sample_run, HS)[0])
    assert ANNEX_SV in text and "Grundlön efter" in text
    assert "Personerna listas i översiktens bilaga" not in text
    overview = _pdf_text(overview_pdf(sample_run)[0])
    assert "(≈ %)" not in overview and "EU-modulen" not in overview

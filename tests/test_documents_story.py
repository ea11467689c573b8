"""The documents tell the plan's story (issue 14): every step dated after the reference date and
within three years, every flagged comparison in a unit's table with a measure or the reason it
has none, the review's reserve against the first step in the summary, counts that agree."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest
from pypdf import PdfReader

import payequity as pe
from payequity import datasets
from payequity.report._content import document

TS = "2026-09-30T12:00:00Z"


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    folder = tmp_path_factory.mktemp("story")
    datasets.generate(700, n_units=8, seed=2, out=folder)
    toml = folder / "survey.toml"
    toml.write_text(toml.read_text("utf-8") + "\n[analysis]\nbootstrap_reps = 0\n", "utf-8")
    return pe.run(toml, timestamp=TS)


def _blocks(section):
    for b in section["blocks"]:
        yield b
        if b.get("type") == "section":
            yield from _blocks(b)


def _section(doc, title):
    return next(s for s in doc["sections"] if s["title"] == title)


def test_every_step_takes_effect_after_the_reference_date_within_three_years(small):
    plan = pd.read_csv(small.out_dir / "data" / "action_plan.csv", dtype=str)
    assert len(plan)
    ref = small.config.survey.reference_date
    dates = pd.to_datetime(plan["effective_date"]).dt.date
    assert (dates > ref).all()
    assert (dates <= ref.replace(year=ref.year + 3)).all()
    # the sample's review takes effect 1 April of the next year: the plan's first review
    assert set(plan["effective_date"]) == {dt.date(ref.year + 1, 4, 1).isoformat()}
    assert (plan["year"].astype(int) == ref.year + 1).all()
    assert plan["responsible"].str.len().gt(0).all()


def test_every_flagged_comparison_in_a_unit_table_has_a_measure_or_a_reason(small):
    units = sorted(small.manifest["units"])
    checked = 0
    for unit in units:
        doc = document(small, unit)
        section = _section(doc, "Förklaringar")
        tables = [b for b in _blocks(section) if b.get("type") == "table"]
        for t in tables:
            col = t["columns"].index("Åtgärd")
            for row in t["rows"]:
                checked += 1
                measure = row[col]
                assert "höjs" in measure or measure.startswith("Ingen åtgärd: "), (unit, row)
    assert checked > 0


@pytest.mark.pdf
def test_summary_counts_comparisons_once_and_reports_the_reserve(small):
    pdf = (small.out_dir / "pdf" / "overview.pdf").read_bytes()
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages[2:4])
    text = " ".join(text.split())
    work = pd.read_csv(small.out_dir / "data" / "equal_work.csv", dtype={"work_group": str})
    org = work[work["unit"].isna() & work["needs_assessment"]]
    # one comparison per group, however many pay measures it is tested on
    assert f"kvinnor och män) {org['work_group'].nunique()}" in text
    flagged = org.groupby("work_group")["flagged"].any().sum()
    assert f"Lika arbete: flaggade i organisationen {flagged}" in text
    assert "Första steget" in text and "kr per månad" in text
    assert "Lägre värderat arbete med högre lön" in text


def test_sample_angsskolan_plan_and_table_agree(sample_run):
    """The reader's case: Ängsskolan's plan raised 3 Behandlingsassistenter with no flagged item
    of theirs (an organisation-wide explanation copied down) and left the flagged Administratör
    item without a measure or a word."""
    unit = "Barn- och utbildningsförvaltningen/Ängsskolan"
    doc = document(sample_run, unit)
    table = next(b for b in _blocks(_section(doc, "Förklaringar")) if b.get("type") == "table")
    what, lower = table["columns"].index("Jämförelse"), table["columns"].index("Lägre lön")
    rows = {r[what]: r for r in table["rows"]}
    col = table["columns"].index("Åtgärd")
    assert "Behandlingsassistent (351015)" not in rows  # not flagged in the unit
    admin = rows["Administratör (152010)"]
    assert admin[lower] == "Män"  # the one man earns less
    assert "höjs" in admin[col] or admin[col].startswith("Ingen åtgärd: ")
    plan = sample_run.tables["action_plan"]
    own = plan[(plan["unit"] == unit) & (plan["job_code"] == "351015")]
    # only people raised through the organisation-wide group, never through the unit's item
    assert all(
        not any(k.startswith(unit) for k in str(keys).split(";")) for keys in own["item_keys"]
    )


@pytest.mark.pdf
def test_every_date_in_the_plan_section_is_after_the_reference_date_within_three_years(small):
    import re

    pages = PdfReader(io.BytesIO((small.out_dir / "pdf" / "overview.pdf").read_bytes())).pages
    text = " ".join(p.extract_text() for p in pages)
    start = text.index("Handlingsplan\nSkillnader som saknar förklaring")
    end = text.index("Uppföljning\n", start)
    dates = {dt.date.fromisoformat(d) for d in re.findall(r"\d{4}-\d{2}-\d{2}", text[start:end])}
    ref = small.config.survey.reference_date
    assert dates
    assert all(ref < d <= ref.replace(year=ref.year + 3) for d in dates), dates

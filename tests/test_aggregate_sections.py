"""The manager and public editions' report sections (DESIGN §5): nothing person-level, the
person measures as one aggregate line with the true plan totals, small groups' figures left out
and said to be, the suppression explained in the methods annex, and no signature blocks where
the edition is a copy for information.

Renders without charts (``document`` + ``render_pdf``): the public overview of the sample and a
manager's report of a unit where one person is raised (fewer than ``min_cell``)."""

from __future__ import annotations

import io
import re

import pandas as pd
import pytest
from conftest import SAMPLE, SAMPLE_TS
from pypdf import PdfReader

from payequity.report._content import document
from payequity.report._typst import render_pdf

pytestmark = pytest.mark.pdf

#: A unit of the sample where one person is raised individually and a group has 2 men.
SMALL_UNIT = "Barn- och utbildningsförvaltningen/Förskoleområde Söder"


def _text(run, unit=None) -> str:
    pdf, _ = render_pdf(document(run, unit, {}))
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def _flat(text: str) -> str:
    """The text on one line, hyphenation at line ends undone, spaces made plain."""
    text = re.sub(r"-\n", "", text).replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def public(tmp_path_factory):
    import payequity as pe

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PAYEQUITY_PSEUDONYM_KEY", "testkey")
        out = tmp_path_factory.mktemp("public")
        run = pe.run(
            SAMPLE / "survey.toml", audience="public", out=out, only="data", timestamp=SAMPLE_TS
        )
    return run, _text(run)


@pytest.fixture(scope="module")
def manager_unit(tmp_path_factory):
    import payequity as pe

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PAYEQUITY_PSEUDONYM_KEY", "testkey")
        out = tmp_path_factory.mktemp("manager")
        run = pe.run(
            SAMPLE / "survey.toml",
            audience="manager",
            unit=SMALL_UNIT,
            out=out,
            only="data",
            timestamp=SAMPLE_TS,
        )
    return run, _text(run, SMALL_UNIT)


def _employee_ids() -> set[str]:
    pay = pd.read_csv(SAMPLE / "pay.csv", sep=";", dtype=str, encoding="utf-8-sig")
    # an id that is also a job code (shown with every job's name) says nothing
    return set(pay["Anst.nr"].dropna()) - set(pay["Befattningskod"].dropna())


PERSONNUMMER = re.compile(r"(?<!\d)(?<!\d[.,])(?:\d{2})?\d{6}[-+]?\d{4}(?!\d|[.,]\d)")


def _leaked_ids(text: str) -> set[str]:
    """Employee ids from the pay file in the text, and any personnummer-shaped string."""
    words = set(re.findall(r"\b\d{5,}\b", text))  # ids stand alone; amounts have spaces
    return (words & _employee_ids()) | set(PERSONNUMMER.findall(text))


def test_public_overview_has_no_person_level_rows(public):
    _, text = public
    flat = _flat(text)
    assert not _leaked_ids(text)
    body = flat[: flat.index("Metod och inställningar Begrepp")]  # the annex names the id column
    for person_level in ("Åtgärder per person", "Anst.nr", "Pseudonym", "Grundlön efter"):
        assert person_level not in body
    assert "Individuella justeringar per yrke" not in body  # a job's sum of a few raises


def test_public_overview_gives_the_person_measures_as_one_line_with_true_totals(public):
    run, text = public
    flat = _flat(text)
    hm = run.manifest["suppression"]["hidden_measures"]
    pm = hm["total"]
    groups = run.tables["action_plan"]  # as written: small groups' amounts empty
    small_groups = int(groups["adjustment_total"].isna().sum())
    assert hm["small_groups"]["n_measures"] == small_groups
    people = hm["persons"]["n_people"]
    line = re.search(
        r"Åtgärder utan belopp i den här utgåvan: individuella lönejusteringar för ([\d ]+) "
        r"personer och justeringen av 1 yrke med få anställda \(2 personer\); tillsammans "
        r"([\d ]+) kr per år",
        flat,
    )
    assert line, "the aggregate line of the individual adjustments"
    assert int(line.group(1).replace(" ", "")) == people
    assert int(line.group(2).replace(" ", "")) == round(pm["cost_yearly"])
    total = float(groups["cost_yearly"].fillna(0).sum()) + pm["cost_yearly"]
    said = f"{round(total):,}".replace(",", " ")
    assert f"kostnad per år inkl. lönebikostnader {said} kr per år" in flat  # the true total
    assert f"{people} personer höjs individuellt" in flat


def test_public_overview_marks_and_explains_what_it_leaves_out(public):
    _, text = public
    flat = _flat(text)
    assert "visas inte (–)" in flat  # the tables' suppression notes
    assert "yrket höjs (beloppet visas inte: få anställda)" in flat
    annex = flat[flat.index("Små grupper: vad denna utgåva inte visar", flat.index("Metod och")) :]
    for rule in (
        "minst 5 personer av det könet",
        "Medianlön visas från 5 personer",
        "visas från 21 personer",
        "Lägsta och högsta lön visas aldrig",
        "kan räknas fram ur summor, totaler",
        "HR:s utgåva",
    ):
        assert rule in annex
    assert not re.search(r"\b(privacy|min_cell)\b", annex.split("Tabell")[0])


def test_public_overview_is_not_signed(public):
    _, text = public
    tail = _flat(text)[_flat(text).rindex("Underskrifter") :]
    assert "Denna utgåva undertecknas inte" in tail
    assert "Namnteckning" not in tail


def test_manager_unit_report_hides_a_small_units_raises(manager_unit):
    run, text = manager_unit
    flat = _flat(text)
    pm = run.manifest["suppression"]["hidden_measures"]["by_unit"][SMALL_UNIT]["total"]
    assert pm["n_people"] < run.config.privacy.min_cell and pm["cost_yearly"] is None
    assert not _leaked_ids(text)
    assert (
        "Åtgärder utan belopp i den här utgåvan: individuella lönejusteringar för 1 person; "
        "kostnaden visas inte" in flat
    )
    assert "summan visas inte (bygger på färre än 5 personer)" in flat
    assert "Vad enhetens pott behöver till handlingsplanen" in flat  # the pot: not in kronor
    assert "de under målnivån höjs individuellt" in flat
    plan = flat[flat.index("Handlingsplan: åtgärder") :]
    assert not re.search(r"\d kr per (år|månad)", plan.split("Metod och inställningar")[0])
    # the manager still acknowledges the unit's report
    assert "Tagit del av" in flat and "Namnteckning" in flat


def test_an_edition_whose_plan_has_only_person_measures_renders(public):
    """Montgomery's public edition: every measure is a person's, so the plan's rows are none;
    the explanations section once selected no columns from the empty plan and failed."""
    from dataclasses import replace

    run, _ = public
    tables = dict(run.tables)
    tables["action_plan"] = tables["action_plan"].iloc[0:0]
    doc = document(replace(run, tables=tables), None, {})
    assert any("Handlingsplan" in str(s.get("title")) for s in doc["sections"])

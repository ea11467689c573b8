"""Signatures and notices (issue 15, deliverables 1–2): each union organisation of the samverkan
log signs on its own line with room for its opinion, the signatures come last, and the hr
edition says on every page that it holds personal data."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from pypdf import PdfReader

from payequity.actions import load_samverkan, union_organisations, unit_names
from payequity.report import render_unit
from payequity.report._content import document

UNIONS = ["Kommunal", "Vision", "Vårdförbundet", "Sveriges Ingenjörer"]


def test_the_sample_log_names_four_organisations(sample_run):
    log, warnings = load_samverkan(sample_run.config.actions.samverkan)
    assert warnings == []
    assert union_organisations(log) == UNIONS


def test_participants_convention_without_the_column():
    log = pd.DataFrame(
        {"participants": ["HR-chef; Kommunal, Vision", "HR; Vision, Akademikerförbundet SSR"]}
    )
    assert union_organisations(log) == ["Kommunal", "Vision", "Akademikerförbundet SSR"]
    assert union_organisations(pd.DataFrame({"participants": ["HR-chef"]})) == []


def test_each_organisation_signs_last_with_room_for_its_opinion(sample_run):
    doc = document(sample_run)
    last = doc["sections"][-1]
    assert last["title"] == "Underskrifter"
    block = next(b for b in last["blocks"] if b.get("type") == "signatures")
    roles = [p["role"] for p in block["parties"]]
    assert roles == ["För arbetsgivaren"] + [f"För {u}" for u in UNIONS]
    for party in block["parties"]:
        assert party["lines"][0] == "Namnteckning"
    assert all("yttrande eller reservation" in p["opinion"] for p in block["parties"][1:])
    assert "opinion" not in block["parties"][0]


@pytest.mark.pdf
def test_hr_notice_on_every_page_and_signatures_in_the_pdf(sample_run, tmp_path):
    # A unit's report ends with its manager's acknowledgement; the unions sign the overview
    # (their signatures in the PDF: tests/test_layout_reader.py).
    unit = str(sample_run.data.frame[sample_run.data.unit_column].iloc[0])
    path = tmp_path / "unit.pdf"
    render_unit(sample_run, unit, path)
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages]
    assert all("Innehåller personuppgifter" in p for p in pages)
    last = " ".join(" ".join(pages[-2:]).split())  # the section may start a page earlier
    assert "Tagit del av" in last and "Underskrifter" not in last
    for u in UNIONS:
        assert f"För {u}" not in last
    own = unit_names(sample_run.data.frame[sample_run.data.unit_column].astype(str))[unit]
    assert f"Enhetschef, {own}" in last
    assert last.count("Namnteckning") == 1
    assert "Organisationens yttrande eller reservation" not in last

"""The reports people read (issue 7): PDFs read back with pypdf, the workbook, the yearly run."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from pypdf import PdfReader

import payequity as pe
from payequity import datasets
from payequity._format import fmt_kr, fmt_pct
from payequity.report import overview_pdf, slug, slugs, unit_pdf

TS = "2026-10-30T12:00:00Z"
HEADINGS = [
    "Sammanfattning",
    "Bestämmelser och praxis",
    "Lika arbete",
    "Likvärdigt arbete",
    "Löneskillnader i hela organisationen",
    "Nationella jämförelsetal",
    "EU:s lönetransparensdirektiv, artikel 9",
    "Förklaringar",
    "Handlingsplan",
    "Uppföljning",
    "Dokumentation enligt diskrimineringslagen",
    "Metod och inställningar",
    "Underskrifter",
]


def _text(pdf: bytes) -> list[str]:
    """Each page's text, whitespace (also no-break spaces) collapsed."""
    import io

    reader = PdfReader(io.BytesIO(pdf))
    return [" ".join((p.extract_text() or "").replace("\u00a0", " ").split()) for p in reader.pages]


def _norm(s: str) -> str:
    return " ".join(s.replace("\u00a0", " ").split())


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """A small municipality run in full: data, workbook and PDFs."""
    folder = tmp_path_factory.mktemp("report")
    datasets.generate(700, n_units=8, seed=2, out=folder)
    toml = folder / "survey.toml"
    toml.write_text(toml.read_text("utf-8") + "\n[analysis]\nbootstrap_reps = 0\n", "utf-8")
    run = pe.run(toml, timestamp=TS)
    return folder, run


@pytest.mark.pdf
def test_overview_has_every_section_and_no_typst_warning(small):
    _, run = small
    pdf, warnings = overview_pdf(run, strict=True)
    assert warnings == []
    pages = _text(pdf)
    text = " ".join(pages)
    for heading in HEADINGS:
        assert heading in text, heading
    assert "UTKAST" in pages[0].replace(" ", "")  # the stamp is letter-spaced
    assert "Underlag för HR" in pages[0]
    assert "Innehåll" in pages[1]
    assert f"Sida 3 av {len(pages)}" in pages[2]
    assert "inte ett mått på diskriminering" in text  # F-G2


@pytest.mark.pdf
def test_overview_figures_equal_the_result_tables(small):
    _, run = small
    text = " ".join(_text(overview_pdf(run)[0]))
    og = run.results["org_gap"]
    assert (
        _norm(
            f"Kvinnors medellön i procent av mäns (månadslön) {fmt_pct(100 + og['raw_mean_gap_pct'])}"
        )
        in text
    )
    assert _norm(f"Ojusterad skillnad, medellön {fmt_pct(og['raw_mean_gap_pct'])}") in text
    ew = run.tables["equal_work"]
    org = ew[ew["unit"].fillna("") == ""]
    k = org.loc[org["flagged"], "work_group"].nunique()  # comparisons, not pay measures
    said = {0: "Ingen jämförelse är flaggad.", 1: "1 jämförelse är flaggad:"}
    assert _norm(said.get(k, f"{k} jämförelser är flaggade:")) in text
    for r in org[org["flagged"]].itertuples():  # each flagged group's figures in its row
        assert (
            _norm(f"{fmt_kr(r.mean_women)} {fmt_kr(r.mean_men)} {fmt_pct(r.women_pct_of_men)}")
            in text
        )
    plan = run.results["action_plan"]
    assert _norm(fmt_kr(plan.cost_yearly)) in text  # the plan's yearly cost, however worded
    for r in plan.measures[plan.measures["kind"] == "person"].head(5).itertuples():
        assert _norm(f"{r.employee_id} ") in text  # the annex lists each person (hr)


@pytest.mark.pdf
def test_unit_pdfs_cover_every_unit_and_match_the_manifest(small):
    folder, run = small
    out = folder / "reports"
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    units = sorted(set(run.data.frame[run.data.unit_column]))
    assert sorted(manifest["units"]) == units
    for rel in manifest["units"].values():
        assert (out / rel).is_file(), rel
    unit = units[0]
    pages = _text((out / manifest["units"][unit]).read_bytes())
    assert _norm(f"Enhet: {unit}") in pages[0]
    text = " ".join(pages)
    # a unit's report ends with its manager's acknowledgement; the unions sign the overview
    assert "Lika arbete" in text and "Tagit del av" in text and "Underskrifter" not in text
    assert "Nationella jämförelsetal" not in text  # organisation-wide sections stay in the overview
    _, warnings = unit_pdf(run, unit, strict=True)
    assert warnings == []
    tool = _contract_tool()
    result = subprocess.run([sys.executable, str(tool), str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def _contract_tool():
    from conftest import shared_dir

    tool = shared_dir() / "tools" / "check_contract.py"
    if not tool.is_file():
        pytest.skip("shared tools not found")
    return tool


@pytest.mark.pdf
def test_workbook_reopens_with_a_sheet_per_data_file(small):
    from openpyxl import load_workbook

    folder, _ = small
    wb = load_workbook(folder / "reports" / "survey.xlsx")
    about = wb["Om"]
    rows = range(4, about.max_row + 1)
    files = {about.cell(r, 2).value: about.cell(r, 1).value for r in rows if about.cell(r, 2).value}
    data = (folder / "reports" / "data").iterdir()
    assert {f"data/{p.name}" for p in data} <= set(files)  # each data file's sheet, by name
    assert set(files.values()) <= set(wb.sheetnames)
    ws = wb[files["data/equal_work.csv"]]
    assert ws.title == "Lika arbete"
    assert ws.freeze_panes == "A2"
    assert ws.cell(1, 1).value == "Enhet"


@pytest.mark.pdf
def test_union_pdf_is_confidential_on_every_page_and_pseudonymised(small, tmp_path, monkeypatch):
    folder, run = small
    monkeypatch.setenv("PAYEQUITY_PSEUDONYM_KEY", "k")
    union = pe.run(
        folder / "survey.toml", audience="union", out=tmp_path / "u", only="pdf", timestamp=TS
    )
    pages = _text((tmp_path / "u" / "pdf" / "overview.pdf").read_bytes())
    assert all("Sekretess" in p for p in pages)
    ids = set(run.data.frame["employee_id"])
    words = set(re.findall(r"\b\d{6}\b", " ".join(pages)))
    assert not (words & ids)
    assert not (tmp_path / "u" / "data").exists()  # --only pdf wrote no data files
    assert union.manifest["audience"] == "union"


@pytest.mark.pdf
def test_only_parts_replace_only_their_part(small, tmp_path):
    folder, _ = small
    out = tmp_path / "o"
    pe.run(folder / "survey.toml", out=out, only="data", timestamp=TS)
    assert (out / "data").is_dir() and not (out / "pdf").exists()
    assert not (out / "survey.xlsx").exists()
    before = (out / "data" / "equal_work.csv").read_bytes()
    pe.run(folder / "survey.toml", out=out, only="xlsx", timestamp=TS)
    assert (out / "survey.xlsx").is_file() and not (out / "pdf").exists()
    assert (out / "data" / "equal_work.csv").read_bytes() == before


@pytest.mark.pdf
def test_cli_exit_codes_and_messages(small, tmp_path):
    folder, _ = small

    def cli(*args):
        return subprocess.run(
            [sys.executable, "-m", "payequity", *args], capture_output=True, text=True
        )

    ok = cli(
        "run",
        str(folder / "survey.toml"),
        "--out",
        str(tmp_path / "c"),
        "--only",
        "pdf",
        "--timestamp",
        TS,
        "--quiet",
    )
    assert ok.returncode == 0, ok.stderr
    assert (tmp_path / "c" / "pdf" / "overview.pdf").is_file()
    bad = cli("run", str(folder / "survey.toml"), "--only", "word")
    assert bad.returncode == 2 and "word" in bad.stderr
    missing = cli("run", str(tmp_path / "nope.toml"))
    assert missing.returncode == 1 and "nope.toml" in missing.stderr
    assert "Traceback" not in missing.stderr
    hr_unit = cli("run", str(folder / "survey.toml"), "--unit", "X", "--out", str(tmp_path / "m"))
    assert hr_unit.returncode == 1 and "--audience manager" in hr_unit.stderr


def test_slugs_follow_design():
    assert slug("Vård- och omsorgsförvaltningen/Hemtjänst Öster") == (
        "vard-och-omsorgsforvaltningen-hemtjanst-oster"
    )
    assert len(slug("x" * 200)) == 73
    names = slugs(["Å/B", "A-B"])
    assert names["Å/B"] != names["A-B"] and names["Å/B"].startswith("a-b-")


@pytest.mark.pdf
def test_english_report_with_the_eu_module(small, tmp_path):
    import shutil

    folder, _ = small
    work = tmp_path / "en"
    shutil.copytree(folder, work, ignore=shutil.ignore_patterns("reports"))
    toml = work / "survey.toml"
    text = toml.read_text("utf-8").replace('language = "sv"', 'language = "en"')
    text = text.replace(
        "[analysis]\n", '[analysis]\neu_directive = true\nreporting_date = "2026-01-15"\n'
    )
    toml.write_text(text, "utf-8")
    run = pe.run(toml, only="pdf", timestamp=TS)
    pages = _text((work / "reports" / "pdf" / "overview.pdf").read_bytes())
    joined = " ".join(pages)
    for heading in (
        "Summary",
        "Equal work",
        "Work of equal value",
        "Action plan",
        "Methods and settings",
        "Signatures",
        "National reference figures",
    ):
        assert heading in joined, heading
    assert "not yet in force in Swedish law" in pages[0]  # the banner on the cover
    assert "(g) Gap in mean hourly pay by category" in joined
    assert "confirmed by management after consulting the workers' representatives" in joined
    og = run.results["org_gap"]
    assert _norm(f"Unadjusted gap, mean {fmt_pct(og['raw_mean_gap_pct'], 1, 'en')}") in joined
    assert "Sammanfattning" not in joined

"""The yearly run's actions end to end: register across re-runs, archive, next year's follow-up."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pandas as pd
import pytest

import payequity as pe
from payequity import datasets

pytestmark = pytest.mark.slow  # yearly runs end to end, re-runs and the next year

TS = "2026-10-30T12:00:00Z"
HEADER = "item_kind;item_key;category;text;evidence;gender_related;author;date\n"


def _fast(folder):
    """No Oaxaca bootstrap: these tests are about the actions, not the standard errors."""
    toml = folder / "survey.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8") + "\n[analysis]\nbootstrap_reps = 0\n", encoding="utf-8"
    )


def _read(path):
    return pd.read_csv(path, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def year1(tmp_path_factory):
    """A small sample (2026) run once, without registers."""
    folder = tmp_path_factory.mktemp("y2026")
    data = datasets.generate(900, seed=4, out=folder)
    for name in ("explanations.csv", "samverkan.csv", "rules_and_practice.csv"):
        (folder / name).unlink(missing_ok=True)
    _fast(folder)
    run = pe.run(folder / "survey.toml", only="data", timestamp=TS)
    return folder, data, run


def test_first_run_writes_the_action_files_and_archives_them(year1):
    folder, _, run = year1
    out = folder / "reports"
    for name in (
        "explanations",
        "action_plan",
        "rules_and_practice",
        "samverkan",
        "documentation",
        "year_over_year",
    ):
        assert (out / "data" / f"{name}.csv").is_file(), name
    archive = folder / "reports" / "archive" / "2026"
    assert (archive / "data" / "action_plan.csv").read_bytes() == (
        out / "data" / "action_plan.csv"
    ).read_bytes()
    assert (archive / "snapshot.csv").is_file()
    plan = _read(out / "data" / "action_plan.csv")
    items = _read(out / "data" / "explanations.csv")
    unexplained = items[(items["flagged"] == "True") & (items["status"] == "unexplained")]
    assert len(unexplained) and len(plan)
    assert run.results["documentation"].table.set_index("item")["status"]["follow_up"] == "missing"
    result = subprocess.run(
        [sys.executable, str(pe_shared_tool()), str(out)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def pe_shared_tool():
    from conftest import shared_dir

    tool = shared_dir() / "tools" / "check_contract.py"
    if not tool.is_file():
        pytest.skip("shared tools not found")
    return tool


def test_an_explanation_survives_a_re_run(year1, tmp_path):
    folder, _, _ = year1
    work = tmp_path / "work"
    shutil.copytree(folder, work, ignore=shutil.ignore_patterns("reports"))
    items = _read(folder / "reports" / "data" / "explanations.csv")
    target = items[(items["item_kind"] == "equal_work") & (items["flagged"] == "True")].iloc[0]
    key = target["item_key"]
    (work / "explanations.csv").write_text(
        HEADER + f"equal_work;{key};experience;Längre erfarenhet i yrket;Personalakter;nej;HR;"
        "2026-10-20\n",
        encoding="utf-8",
    )
    for _attempt in range(2):  # the same explanation, run after run
        run = pe.run(work / "survey.toml", only="data", timestamp=TS)
        got = _read(work / "reports" / "data" / "explanations.csv").set_index(
            ["item_kind", "item_key"]
        )
        row = got.loc[("equal_work", key)]
        assert (row["status"], row["source"], row["register_row"]) == ("explained", "person", "2")
        plan = _read(work / "reports" / "data" / "action_plan.csv")
        assert not plan["item_keys"].str.split(";").map(lambda ks: key in ks).any()
        archived = _read(work / "reports" / "archive" / "2026" / "data" / "explanations.csv")
        assert key in set(archived.loc[archived["status"] == "explained", "item_key"])
        assert (work / "reports" / "archive" / "2026" / "registers" / "explanations.csv").is_file()
    assert (
        run.results["explanations"]
        .table.set_index("item_key")
        .loc[key, "text"]
        .startswith("Längre")
    )


def test_next_year_follows_up_last_years_plan(year1, tmp_path):
    folder, data, _ = year1
    plan = pd.read_csv(
        folder / "reports" / "data" / "action_plan.csv",
        dtype={"employee_id": str, "job_code": str, "unit": str, "comparator_job": str},
        keep_default_na=False,
    )
    # people who stay into 2027 (the same seed draws the same leavers with or without a plan)
    stays = set(datasets.generate(seed=5, year=2027, previous=data).frame["employee_id"])
    person = plan[(plan["kind"] == "person") & plan["employee_id"].isin(stays)]
    people = list(dict.fromkeys(person["measure_id"]))
    assert len(people) >= 6
    realise = dict(zip(people[:6], [1.0, 1.0, 0.5, 0.5, 0.0, 0.0], strict=True))
    nxt = tmp_path / "y2027"
    datasets.generate(seed=5, year=2027, previous=data, plan=plan, realise=realise, out=nxt)
    _fast(nxt)
    shutil.copytree(folder / "reports" / "archive", nxt / "reports" / "archive")
    run = pe.run(nxt / "survey.toml", only="data", timestamp="2027-10-30T12:00:00Z")
    fu = _read(nxt / "reports" / "data" / "follow_up.csv").set_index("measure_id")
    expected = {1.0: "done", 0.5: "partly", 0.0: "not_done"}
    for m, share in realise.items():
        assert fu.loc[m, "status"] == expected[share], (m, fu.loc[m].to_dict())
    assert set(fu["status"]) <= {"done", "partly", "not_done", "left"}
    yoy = _read(nxt / "reports" / "data" / "year_over_year.csv")
    assert yoy["year"].tolist() == ["2026", "2027"]
    doc = run.results["documentation"].table.set_index("item")
    assert doc.loc["follow_up", "status"] == "present"
    # measures still needed keep the id and first year of last year's plan
    new = _read(nxt / "reports" / "data" / "action_plan.csv")
    kept = set(new["measure_id"]) & set(plan["measure_id"])
    assert all(m.startswith("2026-") for m in kept)
    assert (new.loc[new["measure_id"].isin(kept), "first_found_year"] == "2026").all()


def test_union_run_pseudonymises_the_plan(year1, tmp_path, monkeypatch):
    folder, _, _ = year1
    monkeypatch.setenv("PAYEQUITY_PSEUDONYM_KEY", "test-key")
    run = pe.run(
        folder / "survey.toml", audience="union", out=tmp_path / "u", only="data", timestamp=TS
    )
    plan = _read(tmp_path / "u" / "data" / "action_plan.csv")
    ids = set(run.data.frame["employee_id"])
    person = plan[plan["kind"] == "person"]
    assert len(person) and not set(person["employee_id"]) & ids
    assert person["employee_id"].str.fullmatch(r"[0-9a-f]{12}").all()
    items = _read(tmp_path / "u" / "data" / "explanations.csv")
    assert not set(items.loc[items["item_kind"] == "person", "item_key"]) & ids


def test_configured_register_that_is_missing_stops_the_run(year1, tmp_path):
    folder, _, _ = year1
    work = tmp_path / "w"
    shutil.copytree(folder, work, ignore=shutil.ignore_patterns("reports"))
    toml = (work / "survey.toml").read_text(encoding="utf-8")
    (work / "survey.toml").write_text(
        toml + '\n[actions]\nexplanations = "förklaringar.csv"\n', encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-m", "payequity", "run", str(work / "survey.toml"), "--quiet"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "förklaringar.csv: no such file" in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_reads_the_registers(tmp_path):
    from conftest import SAMPLE

    work = tmp_path / "s"
    shutil.copytree(SAMPLE, work)
    ok = subprocess.run(
        [sys.executable, "-m", "payequity", "validate", str(work / "survey.toml")],
        capture_output=True,
        text=True,
    )
    assert ok.returncode == 0 and "explanations: 6 rows" in ok.stdout
    (work / "explanations.csv").write_text(
        HEADER + "equal_work;/351015/base_salary;other;x;;kanske;;\n", encoding="utf-8"
    )
    bad = subprocess.run(
        [sys.executable, "-m", "payequity", "validate", str(work / "survey.toml")],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 1
    assert "explanations.csv, row 2: gender_related = 'kanske' is not one of" in bad.stderr
    assert "Traceback" not in bad.stderr

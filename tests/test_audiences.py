"""The four audiences on the files they get (issue 16, DESIGN §5): what each may see, an attack
on every suppressed cell through the published margins, no id or personnummer-shaped string in
the manager and public editions, and pseudonyms stable across years with one key only."""

from __future__ import annotations

import json
import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import payequity as pe
from payequity.cli import main
from payequity.report import write_workbook

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"
TS = "2026-09-30T12:00:00Z"
PERSONNUMMER = re.compile(r"(?<!\d)(?<!\d[.,])(?:\d{2})?\d{6}[-+]?\d{4}(?!\d|[.,]\d)")
K = 5


@pytest.fixture(scope="module")
def editions(tmp_path_factory):
    out = tmp_path_factory.mktemp("all")
    mp = pytest.MonkeyPatch()
    mp.setenv("PAYEQUITY_PSEUDONYM_KEY", "nyckel-ett")
    try:
        run = pe.run(SAMPLE / "survey.toml", audience="all", out=out, only="data", timestamp=TS)
    finally:
        mp.undo()
    return out, run


@pytest.fixture(scope="module")
def ids():
    pay = pd.read_csv(SAMPLE / "pay.csv", dtype=str, sep=";", encoding="utf-8-sig")
    return set(pay["Anst.nr"].dropna())


def _texts(folder: Path) -> dict[str, str]:
    """Every file's text: CSV and JSON as they are, the workbook's cells joined."""
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.suffix in (".csv", ".json"):
            out[str(path.relative_to(folder))] = path.read_text("utf-8")
        elif path.suffix == ".xlsx":
            wb = openpyxl.load_workbook(path, read_only=True)
            cells = [
                str(v)
                for ws in wb.worksheets
                for row in ws.iter_rows(values_only=True)
                for v in row
            ]
            out[str(path.relative_to(folder))] = "\n".join(c for c in cells if c != "None")
    return out


def test_all_writes_the_four_side_by_side_each_saying_whom_it_is_for(editions):
    out, run = editions
    for audience in ("hr", "union", "manager", "public"):
        man = json.loads((out / audience / "manifest.json").read_text("utf-8"))
        assert man["audience"] == audience
        assert set(run.editions) == {"hr", "union", "manager", "public"}
    assert (out / "archive" / "2026" / "data" / "people.csv").is_file()  # hr archives, once
    assert not (out / "public" / "archive").exists()


def test_person_level_files_only_for_hr_and_union(editions):
    out, _ = editions
    for audience, sees in (("hr", True), ("union", True), ("manager", False), ("public", False)):
        for name in ("exclusions.csv", "people.csv"):
            assert (out / audience / "data" / name).is_file() is sees, (audience, name)
    for audience in ("manager", "public"):
        plan = pd.read_csv(out / audience / "data" / "action_plan.csv", dtype=str)
        assert "employee_id" in plan.columns and plan["employee_id"].isna().all()
        assert not plan["kind"].eq("person").any()
        items = pd.read_csv(out / audience / "data" / "explanations.csv", dtype=str)
        assert not items["item_kind"].eq("person").any()
        man = json.loads((out / audience / "manifest.json").read_text("utf-8"))
        assert man["suppression"]["min_cell"] == K
        assert man["suppression"]["cells"]["equal_work"] > 0
        assert man["suppression"]["rows_left_out"]["action_plan"] > 0


def test_no_id_and_no_personnummer_in_the_manager_and_public_editions(editions, ids):
    out, run = editions
    for audience in ("manager", "public"):
        folder = out / audience
        (folder / "survey.xlsx").write_bytes(write_workbook(run.editions[audience]))
        texts = _texts(folder)
        assert "survey.xlsx" in texts and "data/equal_work.csv" in texts
        for name, text in texts.items():
            assert not PERSONNUMMER.search(text), (audience, name)
            tokens = set(re.findall(r"[0-9A-Za-z-]+", text))
            leaked = ids & tokens - _codes(run)
            assert not leaked, (audience, name, sorted(leaked)[:5])
    # the union's files do carry people, under pseudonyms
    union = (out / "union" / "data" / "people.csv").read_text("utf-8")
    assert not (ids & set(re.findall(r"\d+", union)) - _codes(run))


def _codes(run) -> set[str]:
    """Job codes and other numbers that may look like an id (the sample's are six digits)."""
    f = run.data.frame
    return set(f["job_code"].astype(str)) | set(f["work_group"].astype(str))


def _published(folder: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    ew = pd.read_csv(folder / "data" / "equal_work.csv", dtype={"work_group": str})
    ev = pd.read_csv(folder / "data" / "equal_value.csv", dtype={"female_dominated_job": str})
    return ew, ev


def test_no_published_mean_rests_on_fewer_than_min_cell_of_a_gender(editions):
    out, run = editions
    f = run.data.frame
    for audience in ("manager", "public"):
        ew, ev = _published(out / audience)
        for g in ("women", "men"):
            shown = ew[ew[f"mean_{g}"].notna()]
            assert (shown[f"n_{g}"] >= K).all()
            assert ew[[f"min_{g}", f"max_{g}"]].isna().all().all()
            assert (ew.loc[ew[f"p10_{g}"].notna(), f"n_{g}"] >= 21).all()
        # a job mean (both genders) only where each gender present has K people
        counts = pe.privacy.job_counts(f)
        by = {(u, j): (w, m) for u, j, w, m in counts.itertuples(index=False)}
        for side, job in (("fd", "female_dominated_job"), ("cmp", "comparator_job")):
            for r in ev[ev[f"mean_pay_{side}"].notna()].itertuples():
                w, m = by[(r.unit if isinstance(r.unit, str) else "", str(getattr(r, job)))]
                assert (w == 0 or w >= K) and (m == 0 or m >= K) and w + m >= K


def _recover(published: pd.DataFrame, hr: pd.DataFrame, mean: str, count: str, keys: list[str]):
    """The attack: for each group, the organisation's n·mean minus the published units' gives
    the hidden units' total; it names a hidden cell when one cell (or fewer than K people) is
    hidden. Returns the cells recovered, with the true value."""
    found = []
    unit = published["unit"].fillna("").astype(str)
    for _, rows in published.groupby(keys):
        org = rows[unit[rows.index] == ""]
        units = rows[unit[rows.index] != ""]
        if org.empty or units.empty or pd.isna(org[mean].iloc[0]):
            continue
        hidden = units[units[mean].isna() & (units[count] > 0)]
        if hidden.empty:
            continue
        shown = units.drop(hidden.index)
        rest = float(org[count].iloc[0] * org[mean].iloc[0]) - float(
            (shown[count] * shown[mean]).sum()
        )
        if len(hidden) == 1 or hidden[count].sum() < K:
            i = hidden.index[0]
            found.append((i, rest / float(hidden[count].sum()), hr.at[i, mean]))
    return found


def test_no_suppressed_cell_comes_back_from_the_organisation_vs_units_margins(editions):
    out, _ = editions
    hr_ew, hr_ev = _published(out / "hr")
    for audience in ("manager", "public"):
        ew, ev = _published(out / audience)
        assert len(ew) == len(hr_ew)  # same rows, same order: the hr value is the truth
        for g in ("women", "men"):
            got = _recover(ew, hr_ew, f"mean_{g}", f"n_{g}", ["work_group", "pay_measure"])
            assert got == [], got[:3]
        # the job means of equal value: one cell per (unit, job, pay measure)
        cells = ev.drop_duplicates(["unit", "female_dominated_job", "pay_measure"]).copy()
        truth = hr_ev.loc[cells.index]
        got = _recover(cells, truth, "mean_pay_fd", "n_fd", ["female_dominated_job", "pay_measure"])
        assert got == [], got[:3]
    # the attack works where only the small cells were blanked: the test can fail
    naive = hr_ew.copy()
    for g in ("women", "men"):
        naive.loc[naive[f"n_{g}"] < K, f"mean_{g}"] = float("nan")
    assert any(
        _recover(naive, hr_ew, f"mean_{g}", f"n_{g}", ["work_group", "pay_measure"])
        for g in ("women", "men")
    )


@pytest.mark.pdf
def test_a_manager_run_for_one_unit(tmp_path, monkeypatch, editions):
    monkeypatch.setenv("PAYEQUITY_PSEUDONYM_KEY", "nyckel-ett")
    unit = "Vård- och omsorgsförvaltningen/Hemtjänst Söder"
    args = ["run", str(SAMPLE / "survey.toml"), "--out", str(tmp_path), "--only", "data,pdf"]
    assert main([*args, "--audience", "manager", "--unit", unit, "--quiet", "--timestamp", TS]) == 0
    man = json.loads((tmp_path / "manifest.json").read_text("utf-8"))
    assert man["suppression"]["unit"] == unit
    assert list(man["units"]) == [unit]  # its PDF only, beside the overview
    assert [p.name for p in (tmp_path / "pdf" / "units").iterdir()] == [
        Path(man["units"][unit]).name
    ]
    # the data files are the manager edition's whole: the public one has every unit's anyway
    whole = editions[0] / "manager" / "data" / "equal_work.csv"
    assert (tmp_path / "data" / "equal_work.csv").read_bytes() == whole.read_bytes()
    assert main([*args, "--audience", "manager", "--unit", "Ingen enhet", "--quiet"]) == 1
    assert main([*args, "--unit", unit, "--quiet"]) == 1  # hr with --unit: say what to add


def test_pseudonyms_stable_across_years_with_one_key_and_not_with_another(tmp_path, monkeypatch):
    def union(key: str, year: int) -> pd.DataFrame:
        monkeypatch.setenv("PAYEQUITY_PSEUDONYM_KEY", key)
        out = tmp_path / f"{key}-{year}"
        args = ["run", str(SAMPLE / "survey.toml"), "--audience", "union", "--year", str(year)]
        assert main([*args, "--out", str(out), "--only", "data", "--quiet"]) == 0
        return pd.read_csv(out / "data" / "people.csv", dtype=str)

    a, b, c = union("ett", 2026), union("ett", 2027), union("två", 2026)
    assert (a["employee_id"].str.fullmatch(r"[0-9a-f]{12}")).all()
    assert set(a["employee_id"]) == set(b["employee_id"])  # same ids, same key: same names
    assert not set(a["employee_id"]) & set(c["employee_id"])  # another key: none in common


def test_a_non_hr_run_without_a_key_exits_1_with_the_fix(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("PAYEQUITY_PSEUDONYM_KEY", raising=False)
    for audience in ("union", "manager", "public", "all"):
        args = ["run", str(SAMPLE / "survey.toml"), "--audience", audience, "--out", str(tmp_path)]
        assert main([*args, "--quiet"]) == 1
        err = capsys.readouterr().err
        assert "PAYEQUITY_PSEUDONYM_KEY" in err and "privacy.key_file" in err
    assert not any(tmp_path.iterdir())  # nothing written


def test_every_edition_meets_the_contract(editions, shared):
    import subprocess
    import sys

    out, _ = editions
    tool = shared / "tools" / "check_contract.py"
    for audience in ("hr", "union", "manager", "public"):
        done = subprocess.run(
            [sys.executable, str(tool), str(out / audience)], capture_output=True, text=True
        )
        assert done.returncode == 0 and "0 contract problems" in done.stdout, (
            audience,
            done.stdout[-500:],
        )


def test_no_hidden_gender_mean_comes_back_from_a_published_job_mean(editions):
    """The attack across files: a job's mean over both genders (equal_value, job_evaluation),
    its people's count and one gender's published mean give the other gender's back."""
    out, run = editions
    counts = pe.privacy.job_counts(run.data.frame)
    n_job = {(u, j): w + m for u, j, w, m in counts.itertuples(index=False)}

    def files(folder: Path) -> tuple:
        je = pd.read_csv(folder / "data" / "job_evaluation.csv", dtype={"job_code": str})
        return (*_published(folder), je)

    def attack(ew: pd.DataFrame, ev: pd.DataFrame, je: pd.DataFrame) -> list:
        means = {}
        for side, job in (("fd", "female_dominated_job"), ("cmp", "comparator_job")):
            for r in ev.itertuples():
                unit = r.unit if isinstance(r.unit, str) else ""
                means[(unit, str(getattr(r, job)), r.pay_measure)] = getattr(r, f"mean_pay_{side}")
        for r in je.itertuples():
            means[("", r.job_code, "base_salary")] = r.mean_base_salary
            means[("", r.job_code, "monthly_pay")] = r.mean_monthly_pay
        found = []
        for r in ew.itertuples():
            unit = r.unit if isinstance(r.unit, str) else ""
            job = means.get((unit, r.work_group, r.pay_measure))
            if (
                job is None
                or pd.isna(job)
                or n_job.get((unit, r.work_group)) != r.n_women + r.n_men
            ):
                continue
            shown = [pd.notna(r.mean_women), pd.notna(r.mean_men)]
            if sum(shown) == 1:
                found.append((unit, r.work_group, r.pay_measure))
        return found

    for audience in ("manager", "public"):
        assert attack(*files(out / audience)) == []
    # where only the small gender means are blanked and job means all shown, the attack works
    ew, ev, je = files(out / "hr")
    for g in ("women", "men"):
        ew.loc[ew[f"n_{g}"] < K, f"mean_{g}"] = float("nan")
    assert attack(ew, ev, je)


def test_no_hidden_plan_cost_comes_back_from_the_manifest(editions):
    out, _ = editions
    for audience in ("manager", "public"):
        hm = json.loads((out / audience / "manifest.json").read_text("utf-8"))["suppression"]
        hm = hm["hidden_measures"]
        assert hm["persons"]["cost_yearly"] is None and hm["small_groups"]["cost_yearly"] is None
        assert hm["total"]["cost_yearly"] is not None  # the plan's true total stays
        for parts in (hm["by_unit"], hm["by_year"]):
            totals = [v["total"] for v in parts.values()]
            hidden = [t for t in totals if t["cost_yearly"] is None and t["n_people"]]
            # the total less the shown ones gives the hidden ones only together
            assert len(hidden) != 1 and (not hidden or sum(t["n_people"] for t in hidden) >= K)
            for t in totals:
                assert t["cost_yearly"] is None or t["n_people"] >= K


def test_a_personnummer_typed_into_a_register_reaches_only_hr(tmp_path, monkeypatch):
    import shutil

    folder = tmp_path / "sample"
    shutil.copytree(SAMPLE, folder)
    rules = folder / "rules_and_practice.csv"
    text = rules.read_text("utf-8-sig").replace(
        "Bedömd som könsneutral i utformning och tillämpning.",
        "Bedömd av 19800101-1234, könsneutral.",
        1,
    )
    rules.write_text(text, "utf-8")
    monkeypatch.setenv("PAYEQUITY_PSEUDONYM_KEY", "nyckel-ett")
    out = tmp_path / "out"
    run = pe.run(folder / "survey.toml", audience="all", out=out, only="data", timestamp=TS)
    assert run.editions
    for audience, sees in (("hr", True), ("union", False), ("manager", False), ("public", False)):
        written = (out / audience / "data" / "rules_and_practice.csv").read_text("utf-8")
        assert ("19800101-1234" in written) is sees, audience
        assert ("[personnummer]" in written) is not sees, audience

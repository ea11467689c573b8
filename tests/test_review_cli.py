"""``payequity review`` end to end on a generated sample: run the survey, then the review;
the review/ folder against DESIGN §7 and each manager's workbook against the pay file."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from payequity.cli import main

pytestmark = pytest.mark.slow  # a generated sample, its survey run and review, end to end

ROOT = Path(__file__).resolve().parents[1]
TS = "2027-03-01T08:00:00Z"


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory):
    base = tmp_path_factory.mktemp("review")
    assert main(["sample", "--out", str(base), "--employees", "700", "--units", "10"]) == 0
    cfg = base / "survey.toml"
    assert main(["run", str(cfg), "--only", "data", "--quiet", "--timestamp", TS]) == 0
    assert main(["review", str(cfg), "--quiet", "--timestamp", TS]) == 0
    return base, base / "reports"


def test_review_folder_meets_the_contract(reviewed):
    base, out = reviewed
    res = subprocess.run(
        [sys.executable, str(ROOT.parent / "shared/tools/check_contract.py"), str(out)],
        capture_output=True,
        text=True,
    )
    if not (ROOT.parent / "shared/tools/check_contract.py").exists():
        pytest.skip("../shared is not beside the repository")
    assert res.returncode == 0, res.stdout
    assert "absent: review/summary.csv" not in res.stdout
    s = pd.read_csv(out / "review/summary.csv", keep_default_na=False)
    assert list(s.columns[:4]) == ["unit", "pot", "total_raises", "n_employees"]
    assert ((s["pot"] - s["total_raises"]) >= 0).all() and (
        (s["pot"] - s["total_raises"]) < 1
    ).all()
    pay = pd.read_csv(base / "pay.csv", sep=";", dtype=str)
    assert set(s["unit"]) == set(pay["Förvaltning"] + "/" + pay["Enhet"])


def test_payroll_import_has_the_decided_salaries(reviewed):
    base, out = reviewed
    imp = pd.read_csv(out / "review/payroll_import.csv", dtype={"employee_id": str})
    assert list(imp.columns[:3]) == ["employee_id", "new_base_salary", "effective_date"]
    assert (imp["effective_date"] == "2027-04-01").all()
    raises = pd.read_csv(out / "review/raises.csv", dtype={"employee_id": str})
    moved = raises[raises["raise"] != 0]
    assert len(imp) == len(moved)
    assert (
        imp["new_base_salary"].to_numpy() == (moved["base_salary"] + moved["raise"]).to_numpy()
    ).all()


def _staff_by_manager(base: Path) -> dict[str, set[str]]:
    """Independently of the code: Chefens anst.nr, else the unit's Chef (not oneself)."""
    pay = pd.read_csv(base / "pay.csv", sep=";", dtype=str, keep_default_na=False)
    pay["unit"] = pay["Förvaltning"] + "/" + pay["Enhet"]
    heads = pay[pay["Chef"] == "Ja"].groupby("unit")["Anst.nr"].apply(sorted).to_dict()
    out: dict[str, set[str]] = {}
    for _, r in pay.iterrows():
        boss = r["Chefens anst.nr"] or next(
            (h for h in heads.get(r["unit"], []) if h != r["Anst.nr"]), "no-manager"
        )
        out.setdefault(boss, set()).add(r["Anst.nr"])
    return out


def test_each_manager_workbook_holds_exactly_that_managers_staff(reviewed):
    base, out = reviewed
    expected = _staff_by_manager(base)
    books = sorted((out / "review/managers").glob("*.xlsx"))
    assert {p.stem for p in books} == set(expected)
    for path in books:
        wb = openpyxl.load_workbook(io.BytesIO(path.read_bytes()))
        ws = wb["Lönerevision"]
        header = [c.value for c in ws[1]]
        col = header.index("Anställnings-\nnummer") + 1  # the word broken where Swedish does
        ids = {
            str(ws.cell(row=i, column=col).value)
            for i in range(2, ws.max_row + 1)
            if ws.cell(row=i, column=2).value is not None
        }
        ids.discard("None")
        assert ids == expected[path.stem], path.name
        assert {"Kriterier", "Kontroller", "Om"} <= set(wb.sheetnames)


def test_review_is_byte_identical_with_the_same_timestamp(reviewed):
    base, out = reviewed
    before = {p.name: p.read_bytes() for p in (out / "review").rglob("*") if p.is_file()}
    assert main(["review", str(base / "survey.toml"), "--quiet", "--timestamp", TS]) == 0
    after = {p.name: p.read_bytes() for p in (out / "review").rglob("*") if p.is_file()}
    assert before == after


def test_review_prints_pots_and_flags(reviewed, capsys):
    base, _ = reviewed
    assert main(["review", str(base / "survey.toml"), "--timestamp", TS]) == 0
    text = capsys.readouterr().out
    assert "salary review (matrix): 10 pots" in text
    assert "gender check:" in text and "manager workbooks" in text


def test_review_errors_are_one_line_exit_1(reviewed, tmp_path, capsys):
    base, _ = reviewed
    toml = (base / "survey.toml").read_text(encoding="utf-8")
    cases = [
        (toml.replace('effective_date = "2027-04-01"\n', ""), "review.effective_date is not set"),
        (toml.replace("pot_pct = 3.0\n", ""), "has no pot"),
        (toml.replace('ratings = "ratings.csv"\n', ""), "needs criteria and ratings"),
        (toml.replace('"reports', '"elsewhere'), "no action plan of 2026 was found"),
    ]
    for i, (text, message) in enumerate(cases):
        cfg = base / f"case{i}.toml"
        cfg.write_text(text, encoding="utf-8")
        assert main(["review", str(cfg), "--quiet"]) == 1
        err = capsys.readouterr().err
        assert message in err and len(err.strip().splitlines()) == 1, err


def _review_as(base: Path, audience: str, monkeypatch) -> Path:
    """The review of the generated sample for ``audience``, in a folder of its own."""
    monkeypatch.setenv("PAYEQUITY_PSEUDONYM_KEY", "nyckel")
    out = base / f"review-{audience}"
    cfg = base / "survey.toml"
    assert main(["run", str(cfg), "--only", "data", "--quiet", "--out", str(out)]) == 0
    args = ["review", str(cfg), "--quiet", "--out", str(out), "--audience", audience]
    assert main([*args, "--timestamp", TS]) == 0
    return out / "review"


def test_the_review_for_the_union_has_pseudonyms_and_no_payroll_import(reviewed, monkeypatch):
    base, out = reviewed
    folder = _review_as(base, "union", monkeypatch)
    assert not (folder / "payroll_import.csv").exists() and not (folder / "managers").exists()
    hr = pd.read_csv(out / "review" / "raises.csv", dtype=str)
    union = pd.read_csv(folder / "raises.csv", dtype=str)
    assert union["employee_id"].str.fullmatch(r"[0-9a-f]{12}").all()
    assert not set(union["employee_id"]) & set(hr["employee_id"])
    assert (union["job_code"] == hr["job_code"]).all()  # only the ids change
    assert (union["raise"] == hr["raise"]).all()


def test_the_review_for_the_public_holds_aggregates_with_small_cells_empty(reviewed, monkeypatch):
    base, out = reviewed
    folder = _review_as(base, "public", monkeypatch)
    assert sorted(p.stem for p in folder.iterdir()) == [
        "gender",
        "ratings_by_gender",
        "regression",
        "spread",
        "summary",
    ]
    ids = set(pd.read_csv(out / "review" / "raises.csv", dtype=str)["employee_id"])
    for path in folder.iterdir():
        tokens = set(path.read_text("utf-8").replace(",", " ").split())
        assert not ids & tokens, path.name
    g = pd.read_csv(folder / "gender.csv")
    assert g.loc[g["n"] < 5, "mean_raise"].isna().all()
    assert g["mean_raise"].notna().any()
    # the attack on the mean raise: the organisation's n·mean minus the shown units' gives
    # back no single hidden unit
    for gender, rows in g[g["scope"].isin(["organisation", "unit"])].groupby("gender"):
        org = rows[rows["scope"] == "organisation"].iloc[0]
        units = rows[(rows["scope"] == "unit") & (rows["n"] > 0)]
        hidden = units[units["mean_raise"].isna()]
        assert len(hidden) != 1 and (hidden.empty or hidden["n"].sum() >= 5), gender
        assert pd.notna(org["mean_raise"])
    r = pd.read_csv(folder / "regression.csv")
    small = (r["n_women"] < 5) | (r["n_men"] < 5)
    assert r.loc[small, "coef_female"].isna().all()
    s = pd.read_csv(folder / "spread.csv")
    assert s.loc[s["n"] < 21, ["p10", "p90"]].isna().all().all()
    summary = pd.read_csv(folder / "summary.csv")
    assert summary.loc[summary["n_employees"] < 5, "payroll"].isna().all()
    assert len(summary.loc[summary["payroll"].isna()]) != 1  # the sum gives no one unit back

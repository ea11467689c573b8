"""Statistical and structural properties of the sample generator (payequity.datasets)."""

from __future__ import annotations

import csv
import json
import tomllib
from datetime import date

import numpy as np
import pandas as pd
import pytest

from payequity import datasets as ds
from payequity.datasets import _jobs as sj

REF = pd.Timestamp("2026-09-01")
SEEDS = range(5)


@pytest.fixture(scope="module")
def sample() -> tuple[pd.DataFrame, list[dict]]:
    return ds.generate_frame(4000, seed=0)


@pytest.fixture(scope="module")
def frames() -> list[pd.DataFrame]:
    return [ds.generate_frame(4000, seed=s)[0] for s in SEEDS]


def _forv(frame: pd.DataFrame) -> pd.Series:
    return frame["unit_path"].str.split("/").str[0]


def _log_gap(frame: pd.DataFrame, job: str) -> float:
    """Within-job gender coefficient (percent) of log base pay, controlling tenure and age."""
    f = frame[frame["job_code"] == job]
    tenure = ((REF - f["hire_date"]).dt.days / 365.25).clip(upper=20)
    age = (2026 - f["birth_year"]).clip(25, 55)
    x = np.column_stack([np.ones(len(f)), f["gender"].eq("F"), tenure, age]).astype(float)
    coef = np.linalg.lstsq(x, np.log(f["base_salary"].to_numpy()), rcond=None)[0][1]
    return 100.0 * (np.exp(coef) - 1.0)


# --- catalogue ---------------------------------------------------------------------------------


def test_catalogue_points_follow_the_default_model():
    assert len(sj.SUBFACTORS) == len(sj.WEIGHTS) == len(sj.MAX_LEVELS) == 14
    assert sum(sj.WEIGHTS) == 100
    assert sj.job_points(sj.MAX_LEVELS) == pytest.approx(1200.0)
    assert sj.subfactor_points(5, 1) == pytest.approx(28.8)  # resp_people 12 % / 5 levels
    assert 25 <= len(sj.JOBS) <= 35
    assert len({j.code for j in sj.JOBS}) == len(sj.JOBS)
    for job in sj.JOBS:
        assert len(job.code) == 6
        assert job.code.isdigit()
        assert job.code[0] != "0"
        assert all(0 <= lv <= m for lv, m in zip(job.levels, sj.MAX_LEVELS, strict=True))
        assert abs(job.market_pct) <= 3.0
        assert job.points % 120 != 0  # no job on a band edge
        expected = sum(
            1200 * w / 100 * lv / m
            for w, lv, m in zip(sj.WEIGHTS, job.levels, sj.MAX_LEVELS, strict=True)
        )
        assert job.points == pytest.approx(expected)
    assert sj.band(120.0) == 0
    assert sj.band(120.01) == 1
    assert sj.band(0.0) == 0


def test_pay_levels_are_realistic_and_rise_with_points():
    level = {j.title: j.pay_level for j in sj.JOBS}
    assert 26_000 <= level["Lokalvårdare"] <= 28_000
    assert 30_000 <= level["Undersköterska"] <= 33_000
    assert 37_000 <= level["Förskollärare"] <= 40_000
    assert 41_000 <= level["Grundskollärare"] <= 45_000
    assert 55_000 <= level["Rektor"] <= 65_000
    jobs = sorted(sj.JOBS, key=lambda j: j.points)
    assert np.corrcoef([j.points for j in jobs], np.log([j.pay_level for j in jobs]))[0, 1] > 0.98


# --- structure -------------------------------------------------------------------------------


def test_deterministic():
    a, inj_a = ds.generate_frame(800, seed=3)
    b, inj_b = ds.generate_frame(800, seed=3)
    pd.testing.assert_frame_equal(a, b)
    assert inj_a == inj_b
    c, _ = ds.generate_frame(800, seed=4)
    assert not a["base_salary"].equals(c["base_salary"])


@pytest.mark.parametrize(("n", "units"), [(4000, None), (500, None), (1234, 30), (160, 8)])
def test_sizes(n, units):
    frame, _ = ds.generate_frame(n, units, seed=1)
    assert len(frame) == n
    assert list(frame.columns) == list(ds.COLUMNS)
    assert _forv(frame).nunique() == 8
    expected_units = units if units is not None else max(8, round(n / 70))
    assert frame["unit_path"].nunique() == expected_units
    assert frame["employee_id"].is_unique
    assert set(frame["employee_id"]) == {str(100001 + i) for i in range(n)}


def test_bad_sizes():
    with pytest.raises(ValueError, match="at least 8"):
        ds.generate_frame(1000, 5)
    with pytest.raises(ValueError, match="2 \\* n_units"):
        ds.generate_frame(100, 60)


def test_organisation(sample):
    frame, _ = sample
    size = _forv(frame).value_counts()
    assert set(size.index[:2]) == {
        "Barn- och utbildningsförvaltningen",
        "Vård- och omsorgsförvaltningen",
    }
    assert 25 <= frame["job_code"].nunique() <= 35
    assert frame.groupby("unit")["unit_path"].nunique().max() > 1  # repeated enhet names
    assert not frame["unit_path"].str.count("/").ne(1).any()


def test_managers(sample):
    frame, _ = sample
    managers = frame[frame["is_manager"]]
    assert managers.groupby("unit_path").size().eq(1).all()
    assert managers["unit_path"].nunique() == frame["unit_path"].nunique()
    head = managers.set_index("unit_path")["employee_id"]
    staff = frame[~frame["is_manager"]]
    assert (staff["manager_id"] == staff["unit_path"].map(head)).all()
    chiefs = managers[managers["manager_id"] == ""]
    assert len(chiefs) == 8
    assert chiefs["job_code"].eq(sj.CHIEF).all()
    chief_of = chiefs.set_index(_forv(chiefs))["employee_id"]
    others = managers[managers["manager_id"] != ""]
    assert (others["manager_id"] == _forv(others).map(chief_of)).all()
    assert set(frame.loc[frame["is_manager"], "job_code"]) == {
        sj.CHIEF,
        sj.UNIT_MANAGER,
        sj.PRINCIPAL,
    }
    assert (
        not frame.loc[~frame["is_manager"], "job_code"]
        .isin([sj.CHIEF, sj.UNIT_MANAGER, sj.PRINCIPAL])
        .any()
    )


def test_person_fields(sample):
    frame, _ = sample
    age = 2026 - frame["birth_year"]
    assert age.between(19, 67).all()
    assert frame["fte"].gt(0).all()
    assert frame["fte"].le(1).all()
    assert frame["fte"].lt(1).mean() > 0.2  # part-time is common
    assert frame["hire_date"].dtype == "datetime64[ns]"
    assert frame["hire_date"].le(REF).all()
    assert (frame["hire_date"].dt.year - frame["birth_year"]).ge(18).all()
    tenure = (REF - frame["hire_date"]).dt.days / 365.25
    assert 3 <= tenure.median() <= 10
    assert (
        frame["supplements"] == frame["fixed_supplement"] + frame["responsibility_supplement"]
    ).all()
    assert frame[["supplements", "variable_pay"]].ge(0).all().all()
    assert 0.8 < frame["supplements"].eq(0).mean() < 0.99
    assert 0.5 < frame["variable_pay"].eq(0).mean() < 0.9
    assert (frame["base_salary"] % 1 == 0).all()
    assert frame["base_salary"].gt(20_000).all()
    assert set(frame["weekly_hours"]) == {40.0, 38.25, 35.0}
    assert set(frame["employment_form"]) == {"Tillsvidare", "Visstid"}
    assert frame["employment_form"].eq("Tillsvidare").mean() > 0.85
    assert set(frame["gender"]) == {"F", "M"}
    assert 0.7 < frame["gender"].eq("F").mean() < 0.85


# --- gender effects ----------------------------------------------------------------------------


def test_no_gender_effect(frames):
    pooled = []
    for seed in SEEDS:
        frame, injected = ds.generate_frame(4000, seed=seed, gender_effect=False)
        assert injected == []
        with_gaps = frames[seed]
        same = ~frame["job_code"].isin([ds.EQUAL_WORK_JOB, ds.EQUAL_VALUE_JOB])
        pd.testing.assert_frame_equal(
            frame.drop(columns="base_salary"), with_gaps.drop(columns="base_salary")
        )
        assert frame.loc[same, "base_salary"].equals(with_gaps.loc[same, "base_salary"])
        pooled.append(frame)
    f = pd.concat(pooled, ignore_index=True)
    jobs = pd.get_dummies(f["job_code"], drop_first=True).to_numpy(float)
    x = np.column_stack([np.ones(len(f)), f["gender"].eq("F").astype(float), jobs])
    coef = np.linalg.lstsq(x, np.log(f["base_salary"].to_numpy()), rcond=None)[0][1]
    assert abs(coef) < 0.01


def test_injected_records(sample):
    _, injected = sample
    assert injected == [
        {"kind": "equal_work", "unit": "", "work_group": ds.EQUAL_WORK_JOB, "gap_pct": -6.0},
        {
            "kind": "equal_value",
            "unit": "",
            "female_dominated_job": ds.EQUAL_VALUE_JOB,
            "comparator_job": ds.EQUAL_VALUE_COMPARATOR,
            "gap_pct": -10.0,
        },
    ]


def test_equal_work_gap_realised(frames, sample):
    frame, injected = sample
    job = injected[0]["work_group"]
    group = frame[frame["job_code"] == job]
    assert len(group) >= 60
    assert 0.3 <= group["gender"].eq("F").mean() <= 0.7
    for f in frames:
        assert _log_gap(f, job) == pytest.approx(injected[0]["gap_pct"], abs=2.5)
    # no other job has a systematic gender gap
    other = [
        _log_gap(frame, j)
        for j in frame["job_code"].unique()
        if j != job and frame["job_code"].eq(j).sum() > 100
    ]
    assert max(abs(g) for g in other) < 2.0


def test_equal_value_gap_realised(frames, sample):
    _, injected = sample
    gap = injected[1]
    fd, cmp = sj.JOBS_BY_CODE[gap["female_dominated_job"]], sj.JOBS_BY_CODE[gap["comparator_job"]]
    assert fd.band == cmp.band
    assert fd.points % 120 != 0
    assert cmp.points % 120 != 0
    assert int(fd.points // 120) == int(cmp.points // 120)
    realised = []
    for f in frames:
        share = f.groupby("job_code")["gender"].agg(lambda s: s.eq("F").mean())
        assert share[fd.code] >= 0.6
        assert share[cmp.code] < 0.6
        pay = f.groupby("job_code")["base_salary"].mean()
        assert pay[cmp.code] > pay[fd.code]
        realised.append(100.0 * (pay[fd.code] / pay[cmp.code] - 1.0))
        assert realised[-1] == pytest.approx(gap["gap_pct"], abs=3.0)
    assert np.mean(realised) == pytest.approx(gap["gap_pct"], abs=1.5)


def test_only_the_injected_pair_is_an_equal_value_gap(frames):
    """Apart from the injected pair, no female-dominated job earns over 2 % less than a
    non-female-dominated job in the same or a lower band (the sample is clean)."""
    for f in frames[:3]:
        t = f.groupby("job_code").agg(
            pay=("base_salary", "mean"), women=("gender", lambda s: s.eq("F").mean())
        )
        t["band"] = [sj.JOBS_BY_CODE[c].band for c in t.index]
        flagged = {
            (a, b)
            for a, ra in t[t["women"] >= 0.6].iterrows()
            for b, rb in t[t["women"] < 0.6].iterrows()
            if rb["band"] <= ra["band"] and ra["pay"] < 0.98 * rb["pay"]
        }
        assert flagged == {(ds.EQUAL_VALUE_JOB, ds.EQUAL_VALUE_COMPARATOR)}


# --- next year -------------------------------------------------------------------------------


def test_next_year(sample):
    prev, _ = sample
    nxt, injected = ds.generate_frame(seed=9, year=2027, previous_frame=prev)
    assert len(nxt) == len(prev)
    assert nxt["employee_id"].is_unique
    assert injected == sample[1]
    stay = prev.merge(nxt, on="employee_id", suffixes=("", "_new"))
    assert 0.88 < len(stay) / len(prev) < 0.96
    assert (stay["birth_year"] == stay["birth_year_new"]).all()
    assert (stay["hire_date"] == stay["hire_date_new"]).all()
    assert (stay["job_code"] == stay["job_code_new"]).all()
    raise_ = stay["base_salary_new"] / stay["base_salary"] - 1
    assert raise_.median() == pytest.approx(0.03, abs=0.003)
    assert raise_.std() > 0.005
    new = nxt[~nxt["employee_id"].isin(prev["employee_id"])]
    assert new["hire_date"].gt(pd.Timestamp("2026-09-01")).all()
    assert new["hire_date"].le(pd.Timestamp("2027-09-01")).all()
    assert (2027 - nxt["birth_year"]).between(19, 67).all()
    slots = ["unit_path", "job_code", "is_manager"]
    assert nxt.groupby(slots).size().equals(prev.groupby(slots).size())
    head = nxt[nxt["is_manager"]].set_index("unit_path")["employee_id"]
    staff = nxt[~nxt["is_manager"]]
    assert (staff["manager_id"] == staff["unit_path"].map(head)).all()
    assert _log_gap(nxt, ds.EQUAL_WORK_JOB) == pytest.approx(-6.0, abs=2.5)
    with pytest.raises(ValueError, match="hire dates after"):
        ds.generate_frame(year=2026, previous_frame=nxt)


# --- files -------------------------------------------------------------------------------------


def test_write_sample(tmp_path, sample):
    frame, injected = sample
    ds.write_sample(frame, injected, tmp_path, output_dir="out", archive_dir="out/archive")
    raw = (tmp_path / "pay.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" not in raw
    with open(tmp_path / "pay.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header == [
        "Anst.nr",
        "Kön",
        "Födelseår",
        "Förvaltning",
        "Enhet",
        "Befattningskod",
        "Befattning",
        "Syssgrad %",
        "Månadslön heltid",
        "Fast tillägg",
        "Ansvarstillägg",
        "Rörlig lön (år)",
        "Veckoarbetstid",
        "Anställningsdatum",
        "Anställningsform",
        "Chef",
        "Chefens anst.nr",
    ]
    assert len(body) == len(frame)
    col = {name: [r[i] for r in body] for i, name in enumerate(header)}
    assert set(col["Kön"]) == {"K", "M"}
    assert set(col["Chef"]) == {"Ja", "Nej"}
    assert "87,5" in col["Syssgrad %"]
    assert "100" in col["Syssgrad %"]
    assert {"40", "38,25"} <= set(col["Veckoarbetstid"])
    assert all(
        v.isdigit() for v in col["Månadslön heltid"] + col["Fast tillägg"] + col["Ansvarstillägg"]
    )
    assert any("," in v and len(v.split(",")[1]) == 2 for v in col["Rörlig lön (år)"])
    assert all(date.fromisoformat(v) for v in col["Anställningsdatum"])
    keys = [(r[3], r[4], r[0]) for r in body]
    assert keys == sorted(keys)
    assert col["Chefens anst.nr"].count("") == 8
    text = (tmp_path / "injected_gaps.json").read_text(encoding="utf-8")
    assert text == json.dumps(injected, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    survey = tomllib.loads((tmp_path / "survey.toml").read_text(encoding="utf-8"))
    assert survey["survey"] == {
        "organisation": "Exempelkommun",
        "year": 2026,
        "reference_date": "2026-09-01",
        "language": "sv",
    }
    assert survey["data"]["path"] == "pay.csv"
    assert survey["data"]["columns"] == {
        "employee_id": "Anst.nr",
        "gender": "Kön",
        "birth_year": "Födelseår",
        "unit": "Enhet",
        "unit_path": ["Förvaltning", "Enhet"],
        "job_code": "Befattningskod",
        "job_title": "Befattning",
        "fte": "Syssgrad %",
        "base_salary": "Månadslön heltid",
        "supplements": ["Fast tillägg", "Ansvarstillägg"],
        "variable_pay": "Rörlig lön (år)",
        "weekly_hours": "Veckoarbetstid",
        "hire_date": "Anställningsdatum",
        "employment_form": "Anställningsform",
        "is_manager": "Chef",
        "manager_id": "Chefens anst.nr",
    }
    assert survey["data"]["values"]["gender"] == {"K": "F", "M": "M"}
    assert survey["output"] == {"dir": "out"}
    assert survey["archive"] == {"dir": "out/archive"}


def test_files_byte_identical(tmp_path):
    for name in ("a", "b"):
        ds.write_sample(*ds.generate_frame(600, seed=5), tmp_path / name)
    for file in ("pay.csv", "injected_gaps.json", "survey.toml"):
        assert (tmp_path / "a" / file).read_bytes() == (tmp_path / "b" / file).read_bytes()


def test_main(tmp_path, capsys):
    assert (
        ds.main(
            ["--employees", "300", "--seed", "2", "--out", str(tmp_path), "--reports-dir", "rep"]
        )
        == 0
    )
    assert "300 employees" in capsys.readouterr().out
    survey = tomllib.loads((tmp_path / "survey.toml").read_text(encoding="utf-8"))
    assert survey["output"]["dir"] == "rep"
    assert survey["archive"]["dir"] == "rep/archive"
    assert ds.main(["--employees", "300", "--units", "3", "--out", str(tmp_path / "x")]) == 2
    assert not (tmp_path / "x").exists()

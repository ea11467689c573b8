"""The committed sample municipality equals the generator's output (DESIGN §9), and runs."""

from __future__ import annotations

import json
import tomllib

import pandas as pd
import pytest
from conftest import SAMPLE

import payequity as pe
from payequity import datasets


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample")
    datasets.generate(out=out)  # the committed sample uses the defaults
    return out


def test_committed_pay_csv_equals_generator(regenerated):
    kw = {
        "sep": ";",
        "decimal": ",",
        "encoding": "utf-8-sig",
        "dtype": str,
        "keep_default_na": False,
    }
    committed = pd.read_csv(SAMPLE / "pay.csv", **kw)
    fresh = pd.read_csv(regenerated / "pay.csv", **kw)
    assert list(committed.columns) == list(fresh.columns)
    assert committed.shape == fresh.shape
    numeric = ["Syssgrad %", "Månadslön heltid", "Fast tillägg", "Ansvarstillägg",
               "Rörlig lön (år)", "Veckoarbetstid"]  # fmt: skip
    for col in committed.columns:
        if col in numeric:
            a = pd.to_numeric(committed[col].str.replace(",", "."), errors="coerce")
            b = pd.to_numeric(fresh[col].str.replace(",", "."), errors="coerce")
            pd.testing.assert_series_equal(a, b, check_exact=False, rtol=1e-9, atol=1e-6)
        else:
            assert committed[col].tolist() == fresh[col].tolist(), col


def test_committed_job_evaluation_equals_generator(regenerated):
    def rows(p):
        return (p / "job_evaluation.csv").read_text("utf-8").splitlines()

    assert rows(SAMPLE) == rows(regenerated)


def test_committed_injected_gaps_and_config_equal_generator(regenerated):
    def gaps(p):
        return json.loads((p / "injected_gaps.json").read_text("utf-8"))

    a, b = gaps(SAMPLE), gaps(regenerated)
    assert len(a) == len(b)
    for x, y in zip(a, b, strict=True):
        assert x.keys() == y.keys()
        for k in x:
            assert x[k] == (pytest.approx(y[k]) if isinstance(y[k], float) else y[k])

    def cfg(p):
        raw = tomllib.loads((p / "survey.toml").read_text("utf-8"))
        raw.pop("output"), raw.pop("archive")
        return raw

    assert cfg(SAMPLE) == cfg(regenerated)


def test_sample_loads_without_exclusions_and_rows_match_lines():
    lines = [ln for ln in (SAMPLE / "pay.csv").read_text("utf-8-sig").splitlines() if ln.strip()]
    data = datasets.load_sample()
    p = data.provenance
    assert p.rows_read == len(lines) - 1
    assert p.rows_excluded == 0
    assert data.unit_column == "unit_path"
    assert data.frame["unit_path"].str.count("/").eq(1).all()
    assert data.frame["job_code"].nunique() >= 25


def test_demo_manifest_counts_the_data_lines(tmp_path):
    lines = [ln for ln in (SAMPLE / "pay.csv").read_text("utf-8-sig").splitlines() if ln.strip()]
    result = pe.run(
        SAMPLE / "survey.toml", out=tmp_path, only="data", timestamp="2026-09-30T12:00:00Z"
    )
    manifest = json.loads((tmp_path / "manifest.json").read_text("utf-8"))
    assert manifest["inputs"][0]["rows_read"] == len(lines) - 1 == result.data.provenance.rows_read
    # every input is hashed (F-I3): the registers beside survey.toml and the config itself
    paths = {i["path"]: i for i in manifest["inputs"]}
    assert (
        paths["explanations.csv"]["rows_read"] == 6 and len(paths["samverkan.csv"]["sha256"]) == 64
    )
    assert len(manifest["config_sha256"]) == 64


@pytest.mark.parametrize("name", ["explanations.csv", "samverkan.csv", "rules_and_practice.csv"])
def test_committed_registers_equal_generator(regenerated, name):
    assert (SAMPLE / name).read_text("utf-8") == (regenerated / name).read_text("utf-8")


def test_sample_registers_read_cleanly_and_explain_the_injected_gap():
    from payequity.actions import load_explanations, load_rules_and_practice, load_samverkan

    reg = load_explanations(SAMPLE / "explanations.csv")
    assert reg.warnings == []
    t = reg.table.set_index("item_key")
    assert t.loc["/351015/base_salary", "gender_related"] == "yes"  # stays in the plan
    assert t.loc["/201010/171010/base_salary", "gender_related"] == "unclear"
    rules, warnings = load_rules_and_practice(SAMPLE / "rules_and_practice.csv")
    assert len(rules) >= 10 and warnings == [] and (rules["gender_neutral"] != "").all()
    meetings, warnings = load_samverkan(SAMPLE / "samverkan.csv")
    assert len(meetings) == 3 and warnings == []

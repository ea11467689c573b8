"""The committed sample municipality equals the generator's output (DESIGN §9), and runs."""

from __future__ import annotations

import json
import tomllib

import pandas as pd
import pytest
from conftest import SAMPLE

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
    numeric = [
        "Syssgrad %",
        "Månadslön heltid",
        "Fast tillägg",
        "Ansvarstillägg",
        "Rörlig lön (år)",
        "Veckoarbetstid",
    ]
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


def test_demo_manifest_counts_the_data_lines(sample_run):
    lines = [ln for ln in (SAMPLE / "pay.csv").read_text("utf-8-sig").splitlines() if ln.strip()]
    result = sample_run  # pe.run(SAMPLE / "survey.toml", only="data", timestamp=SAMPLE_TS)
    manifest = json.loads((result.out_dir / "manifest.json").read_text("utf-8"))
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


# --- salary review inputs (issue 8): criteria.toml and ratings.csv -----------------------------


def _ratings(folder):
    kw = {"sep": ";", "encoding": "utf-8-sig", "dtype": {"employee_id": str}}
    return pd.read_csv(folder / "ratings.csv", **kw)


@pytest.mark.parametrize("name", ["criteria.toml", "ratings.csv"])
def test_committed_review_inputs_equal_generator(regenerated, name):
    raw = (SAMPLE / name).read_bytes()
    assert b"\r" not in raw and raw.startswith(b"\xef\xbb\xbf") == (name == "ratings.csv")
    if name == "criteria.toml":
        parse = lambda p: tomllib.loads((p / name).read_text("utf-8"))  # noqa: E731
    else:
        parse = lambda p: (p / name).read_text("utf-8-sig").splitlines()  # noqa: E731
    assert parse(SAMPLE) == parse(regenerated)


def test_sample_review_config_and_criteria():
    from payequity.config import load_config

    review = load_config(SAMPLE / "survey.toml").review
    assert review.criteria == (SAMPLE / "criteria.toml").resolve()
    assert review.ratings == (SAMPLE / "ratings.csv").resolve()
    assert (review.pot_pct, review.guarantee, review.action_plan_share) == (3.0, 300, 0.25)
    assert str(review.effective_date) == "2027-04-01"
    text = (SAMPLE / "criteria.toml").read_text("utf-8")
    assert text.startswith("# Illustrativa exempeldata")
    cfg = tomllib.loads(text)
    assert cfg["scale"]["expected"] == 2 and len(cfg["scale"]["labels_en"]) == 4
    assert cfg["eligibility"] == {"employment_form": ["Tillsvidare"]}
    assert cfg["matrix"]["bounds"] == [0.90, 1.10]
    assert cfg["matrix"]["multipliers"]["1"] == [0.3, 0.0, 0.0]
    crit = cfg["criterion"]
    assert sum(c["weight"] for c in crit if c["applies_to"] == "all") == pytest.approx(1.0)
    assert [(c["id"], c["weight"]) for c in crit if c["applies_to"] == "managers"] == [
        ("leadership", 0.30)
    ]
    assert all(c["description"] and c["description_en"] and c["name_en"] for c in crit)
    assert list(_ratings(SAMPLE).columns) == ["employee_id", *(c["id"] for c in crit)]


def test_sample_ratings_are_valid_and_gender_neutral():
    ratings = _ratings(SAMPLE)
    kw = {"sep": ";", "encoding": "utf-8-sig", "dtype": str}
    pay = pd.read_csv(SAMPLE / "pay.csv", **kw).drop_duplicates("Anst.nr").set_index("Anst.nr")
    ids = ratings["employee_id"]
    assert ids.is_unique and ids.is_monotonic_increasing and ids.isin(pay.index).all()
    unrated = pay.index.difference(ids)
    assert 1 <= len(unrated) <= 0.01 * len(pay)  # recent hires, not rated yet
    hired = pd.to_datetime(pay.loc[unrated, "Anställningsdatum"])
    assert (hired > pd.Timestamp("2026-03-01")).all()
    values = ratings.drop(columns="employee_id")
    lines = (SAMPLE / "ratings.csv").read_text("utf-8-sig").splitlines()[1:]
    cells = [c for line in lines for c in line.split(";")[1:]]
    assert set(cells) == {"", "1", "2", "3", "4"}  # whole numbers on the scale, blank if missing
    manager = pay.loc[ids, "Chef"].eq("Ja").to_numpy()
    assert (ratings["leadership"].notna().to_numpy() == manager).all()
    shared = values.drop(columns="leadership")
    assert 5 <= shared.isna().any(axis=1).sum() <= 0.01 * len(ratings)  # partly rated
    assert (shared.isna().sum(axis=1) <= 1).all()
    overall = values.mean(axis=1).groupby(pay.loc[ids, "Kön"].to_numpy()).mean()
    assert abs(overall["K"] - overall["M"]) < 0.15
    assert 2.2 < values.mean().mean() < 2.7


def test_sample_ratings_deterministic_and_one_row_per_person():
    from payequity.datasets._review import sample_ratings

    frame, _ = datasets.generate_frame(300, seed=4)
    a = sample_ratings(frame, seed=4)
    pd.testing.assert_frame_equal(a, sample_ratings(frame.sample(frac=1, random_state=1), 4))
    assert not a.equals(sample_ratings(frame, seed=5))
    second = frame.iloc[[0]].assign(is_manager=True, job_code="999999")  # a second employment
    both = sample_ratings(pd.concat([frame, second]), seed=4)
    assert both["employee_id"].is_unique and len(both) == len(a)
    assert both.loc[both["employee_id"] == frame["employee_id"].iloc[0], "leadership"].notna().all()

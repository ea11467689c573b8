"""The run as named steps, its typed results, the organisation-wide gap object, the privacy rules."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from conftest import SAMPLE, SAMPLE_TS

import payequity as pe
from payequity.exceptions import ConfigError
from payequity.pipeline import SURVEY_STEPS, SurveyResults
from payequity.privacy import (
    bound_by_confidentiality,
    check_audience,
    needs_key,
    pseudonymise_exclusions,
    pseudonymise_ids,
    pseudonymise_measures,
    pseudonymises,
    sees_people,
)
from payequity.survey import OrgGapResult, org_gap


def test_steps_are_named_and_chained():
    given = set()
    for step in SURVEY_STEPS:
        missing = [n for n in step.needs if n not in given]
        assert not missing, f"step {step.name!r} needs {missing} before any step gives them"
        given.update(step.gives)
    assert [s.name for s in SURVEY_STEPS][:2] == ["load data", "job evaluation"]


def test_run_times_every_step_and_types_its_results(sample_run):
    names = [s.name for s in SURVEY_STEPS]
    assert list(sample_run.timings)[: len(names)] == names
    assert all(t >= 0 for t in sample_run.timings.values())
    r = sample_run.results
    assert isinstance(r, SurveyResults)
    assert isinstance(r.org_gap, OrgGapResult)
    assert r["equal_work"] is r.equal_work and r.get("follow_up") is r.follow_up
    assert r.adjusted_gap is r.org_gap.adjusted and r["oaxaca"] is r.org_gap.oaxaca
    with pytest.raises(KeyError):
        r["no_such_result"]


def test_org_gap_json_is_the_result_object(sample_run):
    written = json.loads((sample_run.out_dir / "data" / "org_gap.json").read_text("utf-8"))
    og = sample_run.results.org_gap
    assert written["adjusted_gap_pct"] == og.adjusted.gap_pct == og["adjusted_gap_pct"]
    assert written["oaxaca"]["explained"] == og.oaxaca.explained
    assert written["controls"] == og.controls == ["tenure_years", "age", "C(work_group)"]
    assert set(written) == set(og)  # the mapping reads as the file


def test_org_gap_by_hand():
    """Raw gaps against hand-computed means and medians; the adjusted gap is the survey's."""
    frame = pd.DataFrame(
        {
            "employee_id": [str(i) for i in range(8)],
            "gender": ["F", "F", "F", "F", "M", "M", "M", "M"],
            "work_group": ["a", "a", "b", "b", "a", "a", "b", "b"],
            "monthly_pay": [30000.0, 31000, 40000, 41000, 32000, 33000, 42000, 45000],
        }
    )
    res = org_gap(frame, controls=(), bootstrap_reps=0)
    women, men = (30000 + 31000 + 40000 + 41000) / 4, (32000 + 33000 + 42000 + 45000) / 4
    assert res.raw_mean_gap_pct == pytest.approx(100 * (women - men) / men)
    assert res.raw_median_gap_pct == pytest.approx(100 * (35500 - 37500) / 37500)
    gap = pe.adjusted_gap(frame, pay="monthly_pay", controls=["C(work_group)"])
    assert res.adjusted_gap_pct == pytest.approx(gap.gap_pct)
    assert res.table.set_index("measure").loc["adjusted_gap_pct", "value"] == pytest.approx(
        gap.gap_pct
    )
    assert "Organisation-wide gap" in str(res.summary())


def test_org_gap_without_a_model_keeps_the_raw_gaps():
    frame = pd.DataFrame(
        {
            "employee_id": ["1", "2"],
            "gender": ["F", "M"],
            "work_group": ["a", "a"],
            "monthly_pay": [30000.0, 32000.0],
        }
    )
    res = org_gap(frame, controls=(), bootstrap_reps=0)
    assert res.adjusted is None and res.note.startswith("not estimated")
    assert res["adjusted_gap_pct"] is None and res["oaxaca"] is None
    assert res.raw_mean_gap_pct == pytest.approx(-6.25)


def test_audiences():
    assert [sees_people(a) for a in ("hr", "union", "manager", "public")] == [1, 1, 0, 0]
    assert [pseudonymises(a) for a in ("hr", "union")] == [False, True]
    assert bound_by_confidentiality("union") and not bound_by_confidentiality("hr")
    assert needs_key("union") and not needs_key("hr")
    assert check_audience("hr") == "hr"
    assert check_audience("public") == "public"  # aggregates with small cells suppressed
    with pytest.raises(ConfigError, match="not one of"):
        check_audience("board")


def test_pseudonymisation_of_person_rows():
    key = "k"
    ids = pseudonymise_ids(pd.Series(["100", ""]), key)
    assert ids.iloc[1] == "" and len(ids.iloc[0]) == 12 and ids.iloc[0] != "100"
    excl = pd.DataFrame(
        {
            "source_row": [2, 3],
            "employee_id": ["100", "101"],
            "column": ["Anst.nr", "Chef"],
            "value": ["100", "555"],
            "reason": ["duplicate_key", "invalid_pay"],
        }
    )
    out = pseudonymise_exclusions(excl, key, ["Chef"])
    assert out["employee_id"].iloc[0] == ids.iloc[0]
    assert out["value"].tolist()[0] == ids.iloc[0]  # the id stood in the bad cell
    assert out["value"].iloc[1] != "555"  # a manager id is an id too
    plan = pd.DataFrame(
        {
            "measure_id": ["2026-person-100", "2026-equal_value-/201010"],
            "employee_id": ["100", ""],
            "note": ["linked to 2026-person-100", ""],
        }
    )
    p = pseudonymise_measures(plan, key, ["employee_id"])
    assert p["measure_id"].tolist() == [f"2026-person-{ids.iloc[0]}", "2026-equal_value-/201010"]
    assert p["note"].iloc[0] == f"linked to 2026-person-{ids.iloc[0]}"
    assert np.all(plan["employee_id"] == ["100", ""])  # the input is left as it was


@pytest.mark.pdf
def test_unit_pdfs_rendered_in_parallel_are_the_bytes_rendered_one_by_one(tmp_path, monkeypatch):
    """The unit PDFs go to a pool of processes (issue 18); each must be the PDF this process
    renders itself."""
    from payequity.pipeline._parallel import unit_pdfs, workers_for
    from payequity.report import unit_pdf

    run = pe.run(SAMPLE / "survey.toml", out=tmp_path, only="data", timestamp=SAMPLE_TS)
    units = sorted(run.results["equal_work_by_unit"])[:3]
    monkeypatch.setenv("PAYEQUITY_WORKERS", "2")
    assert workers_for(len(units)) == 2
    parallel = dict(unit_pdfs(run, units))
    assert list(parallel) == units
    for u in units:
        assert parallel[u] == unit_pdf(run, u)[0]
    monkeypatch.setenv("PAYEQUITY_WORKERS", "two")
    with pytest.raises(pe.PayEquityError, match="PAYEQUITY_WORKERS"):
        workers_for(3)

"""Job evaluation (issue 3): models, points by hand, bands, dominance, bias checks, sensitivity."""

from __future__ import annotations

import copy
import tomllib
from importlib import resources

import numpy as np
import pandas as pd
import pytest

from payequity import JobEvaluation, evaluate_jobs, load_job_model
from payequity.exceptions import DataFileError, SchemaError
from payequity.jobeval._model import JobModelError, model_from_dict

SUBS = [
    "knowledge",
    "communication",
    "problem_solving",
    "planning",
    "physical_skills",
    "resp_people",
    "resp_equipment",
    "resp_information",
    "resp_finance",
    "mental_effort",
    "emotional_effort",
    "physical_effort",
    "environment",
    "working_hours",
]
DEFAULT = tomllib.loads(
    resources.files("payequity").joinpath("models/default.toml").read_text("utf-8")
)


def jobs(**levels: list[int]) -> pd.DataFrame:
    """One row per job; unspecified sub-factors at level 0."""
    codes = list(levels)
    frame = pd.DataFrame(0, index=range(len(codes)), columns=SUBS)
    for i, code in enumerate(codes):
        frame.loc[i, SUBS[: len(levels[code])]] = levels[code]
    return frame.assign(job_code=codes)


def people(spec: dict[str, tuple[int, int, float]]) -> pd.DataFrame:
    """Pay data: {job: (women, men, mean pay)}."""
    rows = []
    for job, (w, m, pay) in spec.items():
        rows += [{"job_code": job, "gender": "F", "base_salary": pay}] * w
        rows += [{"job_code": job, "gender": "M", "base_salary": pay}] * m
    return pd.DataFrame(rows)


# --- models ------------------------------------------------------------------------------------


def test_default_model_is_the_table_of_1_12():
    m = load_job_model("default")
    assert m.name == "eige_2026_default" and load_job_model("eige_2026_default").name == m.name
    assert m.subfactor_ids == SUBS
    assert m.total_points == 1200 and m.level_base == 0
    assert m.factor_weights() == {
        "skills": 40,
        "responsibility": 35,
        "effort": 15,
        "working_conditions": 10,
    }
    top = [m.points(s, m.level_range(s)[1]) for s in m.subfactors]
    assert top == pytest.approx([144, 96, 96, 72, 72, 144, 84, 96, 96, 60, 72, 48, 84, 36])
    assert [s.n_levels for s in m.subfactors] == [9] + [6] * 13
    # points per level (§1.12 last column): knowledge 18.0, communication 19.2, ...
    per_level = [m.points(s, 1) for s in m.subfactors]
    assert per_level == pytest.approx(
        [18, 19.2, 19.2, 14.4, 14.4, 28.8, 16.8, 19.2, 19.2, 12, 14.4, 9.6, 16.8, 7.2]
    )
    table = m.points_table()
    assert len(table) == 9 + 13 * 6 and table["description"].str.len().gt(0).all()


def test_equal_weights_model():
    m = load_job_model("equal_weights")
    assert all(s.weight == pytest.approx(100 / 14) for s in m.subfactors)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["factors"].pop(2),
            r"factor 'effort' \(Ansträngning\) is missing.*cannot be removed",
        ),
        (
            lambda d: d["factors"][0]["subfactors"][0].update(weight=20),
            r"weights sum to 108 %, not 100 % \(skills 48 %.*adjust",
        ),
        (
            lambda d: d["factors"][1]["subfactors"][0].update(levels=["only one"]),
            r"sub-factor 'resp_people' \(factor 'responsibility'\) has 1 levels; give 2–9",
        ),
        (
            lambda d: d["factors"][0]["subfactors"][0].update(levels=["x"] * 10),
            r"sub-factor 'knowledge' \(factor 'skills'\) has 10 levels; give 2–9",
        ),
        (
            lambda d: d["factors"][3]["subfactors"][1].update(id="environment"),
            "sub-factor id 'environment' is used twice",
        ),
        (
            lambda d: (
                [s.update(weight=0) for s in d["factors"][3]["subfactors"]]
                and d["factors"][0]["subfactors"][0].update(weight=22)
            ),
            r"factor 'working_conditions' \(Arbetsförhållanden\) has weight 0",
        ),
        (
            lambda d: d["factors"][0]["subfactors"][0].update(weight=-1),
            "weight must be a number ≥ 0",
        ),
    ],
)
def test_model_validation_messages(change, message):
    raw = copy.deepcopy(DEFAULT)
    change(raw)
    with pytest.raises(JobModelError, match=message):
        model_from_dict(raw, where="model 'test'")


def test_unknown_model_name_and_file(tmp_path):
    with pytest.raises(
        JobModelError, match="unknown job-evaluation model 'defualt'; did you mean 'default'"
    ):
        load_job_model("defualt")
    with pytest.raises(JobModelError, match="not found"):
        load_job_model(tmp_path / "mine.toml")
    (tmp_path / "bad.toml").write_text("total_points = [", encoding="utf-8")
    with pytest.raises(JobModelError, match="not valid TOML"):
        load_job_model(tmp_path / "bad.toml")


def test_an_extra_factor_is_allowed(tmp_path):
    raw = copy.deepcopy(DEFAULT)
    raw["factors"][0]["subfactors"][0]["weight"] = 7
    raw["factors"].append(
        {
            "id": "digital",
            "subfactors": [
                {"id": "digital_tools", "weight": 5, "levels": [{"sv": "a", "en": "a"}] * 3}
            ],
        }
    )
    m = model_from_dict(raw)
    assert m.factor_weights()["digital"] == 5 and len(m.subfactors) == 15


# --- points, bands, edges ------------------------------------------------------------------------


def test_points_by_hand_for_two_jobs():
    # job a: knowledge 4 → 1200·12 %·4/8 = 72; communication 3 → 96·3/5 = 57.6;
    # problem_solving 2 → 38.4; planning 1 → 14.4; physical_skills 0; resp_people 5 → 144;
    # resp_equipment 0; resp_information 2 → 38.4; resp_finance 0; mental 3 → 36;
    # emotional 5 → 72; physical 4 → 38.4; environment 2 → 33.6; working_hours 5 → 36.
    # Skills 182.4, responsibility 182.4, effort 146.4, conditions 69.6; total 580.8 → band 4.
    # job b: knowledge 8 → 144, resp_finance 5 → 96: total 240, exactly the top of band 1.
    ev = evaluate_jobs(
        jobs(a=[4, 3, 2, 1, 0, 5, 0, 2, 0, 3, 5, 4, 2, 5], b=[8, 0, 0, 0, 0, 0, 0, 0, 5])
    )
    t = ev.table.set_index("job_code")
    assert t.loc["a", "points"] == pytest.approx(580.8)
    assert t.loc[
        "a", ["skills", "responsibility", "effort", "working_conditions"]
    ].tolist() == pytest.approx([182.4, 182.4, 146.4, 69.6])
    assert t.loc["b", "points"] == pytest.approx(240)
    assert (t.loc["a", "band"], t.loc["b", "band"]) == (4, 1)
    assert list(ev.table.columns[:12]) == [
        "job_code",
        "points",
        "band",
        "n",
        "n_women",
        "share_women",
        "female_dominated",
        "male_dominated",
        "skills",
        "responsibility",
        "effort",
        "working_conditions",
    ]


def test_band_edges_and_tolerance_list():
    pts = pd.DataFrame({"job_code": list("abcdef"), "points": [0, 120, 120.5, 175, 240, 300.5]})
    ev = evaluate_jobs(pts, band_width=120, tolerance=60)
    assert ev.table["band"].tolist() == [0, 0, 1, 1, 1, 2]
    pairs = {(r.job_a, r.job_b) for r in ev.edge_pairs.itertuples()}
    # different bands and at most 60 points apart: a–c is 120.5, e–f 60.5, too far
    assert pairs == {("b", "c"), ("b", "d")}
    assert ev.edge_pairs.loc[ev.edge_pairs["job_a"] == "b", "difference"].tolist() == pytest.approx(
        [0.5, 55]
    )


@pytest.mark.parametrize(("inclusive", "expected"), [(True, True), (False, False)])
def test_three_of_five_women_is_sixty_percent(inclusive, expected):
    ev = evaluate_jobs(
        jobs(x=[4], y=[5]),
        data=people({"x": (3, 2, 30000), "y": (2, 3, 31000)}),
        inclusive=inclusive,
    )
    t = ev.table.set_index("job_code")
    assert t.loc["x", "share_women"] == 0.6
    assert bool(t.loc["x", "female_dominated"]) is expected
    assert bool(t.loc["y", "male_dominated"]) is True  # 2 of 5 = 40 % ≤ 40 %
    assert (t.loc["x", "n"], t.loc["x", "n_women"]) == (5, 3)


def test_jobs_without_evaluation_are_listed_and_absent_jobs_kept():
    ev = evaluate_jobs(jobs(x=[4], gone=[2]), data=people({"x": (3, 1, 30000), "new": (2, 2, 1)}))
    assert ev.unevaluated.values.tolist() == [["new", 4, 2]]
    t = ev.table.set_index("job_code")
    assert t.loc["gone", "n"] == 0 and pd.isna(t.loc["gone", "share_women"])
    assert pd.isna(t.loc["gone", "female_dominated"])


def test_override_needs_a_reason():
    j = jobs(x=[4]).assign(female_dominated_override=["yes"], override_reason=[""])
    with pytest.raises(
        DataFileError, match=r"row 2 \(job x\): female_dominated_override needs an override_reason"
    ):
        evaluate_jobs(j, data=people({"x": (1, 3, 30000)}))
    j["override_reason"] = ["historically a women's job; 2025 hires skew the share"]
    ev = evaluate_jobs(j, data=people({"x": (1, 3, 30000)}))
    row = ev.table.iloc[0]
    assert bool(row["female_dominated"]) and not bool(row["male_dominated"])
    assert row["override_reason"].startswith("historically")


def test_external_points_any_scale(write):
    ext = pd.DataFrame({"job_code": ["a", "b", "c"], "points": [41.5, 48, 55]})
    ev = evaluate_jobs(ext, band_width=10, tolerance=5)
    assert ev.external and ev.job_model is None and ev.levels is None
    assert ev.table["points"].tolist() == [41.5, 48.0, 55.0]
    assert ev.table["band"].tolist() == [4, 4, 5]
    assert (
        ev.checks.loc[ev.checks["check"] == "weighting_test", "message"]
        .iloc[0]
        .startswith("not run")
    )
    with pytest.raises(DataFileError, match=r"row 3 \(job b\): points = 'x' is not a number"):
        evaluate_jobs(ext.assign(points=["1", "x", "2"]))
    # a Swedish CSV (BAS points with decimal commas)
    path = write("bas.csv", "job_code;points\na;41,5\nb;48\n")
    assert evaluate_jobs(path, band_width=10).table["points"].tolist() == [41.5, 48.0]


def test_bad_levels_and_missing_columns_are_named():
    j = jobs(a=[4], b=[9])  # knowledge tops at 8
    with pytest.raises(
        DataFileError, match=r"row 3 \(job b\): knowledge = '9' is not a whole level 0–8"
    ):
        evaluate_jobs(j)
    with pytest.raises(SchemaError, match="lacks sub-factor columns working_hours"):
        evaluate_jobs(jobs(a=[1]).drop(columns="working_hours"))
    with pytest.raises(
        DataFileError, match="job a is evaluated in rows 2, 3; add an evaluator column"
    ):
        evaluate_jobs(pd.concat([jobs(a=[1]), jobs(a=[2])]))


def test_evaluators_median_count_and_spread():
    three = pd.concat([jobs(a=[4, 2]), jobs(a=[5, 2]), jobs(a=[6, 2])]).assign(
        evaluator=["HR", "chef", "facket"]
    )
    two = pd.concat([jobs(b=[1]), jobs(b=[1])]).assign(evaluator=["HR", "chef"])
    ev = evaluate_jobs(pd.concat([three, two]))
    t = ev.table.set_index("job_code")
    assert t.loc["a", "points"] == pytest.approx(90 + 2 * 19.2)  # median knowledge 5 → 90
    assert t.loc["a", "n_evaluators"] == 3 and t.loc["b", "n_evaluators"] == 2
    flagged = ev.flagged_checks
    assert flagged.loc[flagged["check"] == "evaluators", "subject"].tolist() == ["b"]
    spread = ev.checks[ev.checks["check"] == "evaluator_spread"].set_index("subject")
    assert spread.loc["a", "value"] == pytest.approx(36)  # 72+38.4 … 108+38.4
    assert spread.loc["a", "flagged"]  # 110.4 is in band 0, 128.4 and 146.4 in band 1
    assert "b" not in spread.index


def test_evaluator_spread_flagged_across_bands():
    j = pd.concat([jobs(a=[6]), jobs(a=[7]), jobs(a=[8])]).assign(evaluator=["x", "y", "z"])
    # 108, 126, 144 points: evaluators' totals fall in bands 0 and 1
    spread = evaluate_jobs(j).checks.set_index("check").loc["evaluator_spread"]
    assert spread["flagged"] and spread["value"] == pytest.approx(36)


def test_a_biased_model_fails_the_weighting_test():
    # female-dominated care job scores high on people and emotional effort, male-dominated
    # technical job on equipment and physical effort; the biased model weights the latter
    raw = copy.deepcopy(DEFAULT)
    weights = dict(zip(SUBS, [12, 8, 8, 6, 6, 12, 7, 8, 8, 5, 6, 4, 7, 3], strict=True))
    weights |= {
        "resp_people": 2,
        "emotional_effort": 1,
        "communication": 3,
        "resp_equipment": 20,
        "physical_effort": 14,
        "problem_solving": 5,
    }
    for f in raw["factors"]:
        for s in f["subfactors"]:
            s["weight"] = weights[s["id"]]
    biased = model_from_dict(raw)
    assert sum(weights.values()) == 100
    j = jobs(
        care=[4, 4, 2, 2, 1, 5, 0, 1, 0, 2, 5, 3, 3, 4],
        tech=[5, 1, 4, 2, 3, 0, 5, 2, 1, 3, 0, 4, 3, 2],
    )
    data = people({"care": (9, 1, 31000), "tech": (1, 9, 36000)})
    fair = evaluate_jobs(j, data=data).checks.set_index("check").loc["weighting_test"]
    bad = evaluate_jobs(j, model=biased, data=data).checks.set_index("check").loc["weighting_test"]
    assert not fair["flagged"] and fair["value"] >= 0.8
    # care scores higher on communication, resp_people, emotional_effort, working_hours;
    # tech on knowledge, problem_solving, physical_skills, resp_equipment, resp_information,
    # resp_finance, mental_effort, physical_effort (planning, environment tie).
    # default: (8+12+6+3)/4 = 7.25 vs (12+8+6+7+8+8+5+4)/8 = 7.25 → ratio 1.0
    assert fair["value"] == pytest.approx(1.0)
    # biased: (3+2+1+3)/4 = 2.25 vs (12+5+6+20+8+8+5+14)/8 = 9.75 → 0.2308
    assert bad["flagged"]
    assert bad["value"] == pytest.approx(2.25 / 9.75)


def test_factor_under_weight_floor_and_zero_subfactor_flagged():
    raw = copy.deepcopy(DEFAULT)
    wc = raw["factors"][3]["subfactors"]
    wc[0]["weight"], wc[1]["weight"] = 3, 0  # working conditions 3 % < 5 %
    raw["factors"][0]["subfactors"][0]["weight"] = 19
    checks = evaluate_jobs(jobs(a=[1], b=[2]), model=model_from_dict(raw)).flagged_checks
    assert {("factor_weight", "working_conditions"), ("subfactor_weight", "working_hours")} <= set(
        zip(checks["check"], checks["subject"], strict=True)
    )


def test_band_sensitivity_counts_changed_pairs():
    pts = pd.DataFrame({"job_code": ["fd", "c1", "c2", "c3"], "points": [100, 110, 200, 300]})
    data = people(
        {"fd": (9, 1, 30000), "c1": (2, 8, 31000), "c2": (5, 5, 32000), "c3": (1, 9, 33000)}
    )
    ev = evaluate_jobs(pts, data=data, band_width=120)
    # W=60: bands 1,1,3,4 → fd~c1; W=120: 0,0,1,2 → fd~c1; W=240: 0,0,0,1 → fd~c1, fd~c2
    s = ev.sensitivity().set_index("band_width")
    assert s["n_pairs"].tolist() == [1, 1, 2]
    assert s.loc[240, "added"] == 1 and s.loc[60, "changed"] == 0
    assert ev.pairs().values.tolist() == [["fd", "c1", "equal_value", 0, 0]]
    # a comparator of lower value paid more counts too (DESIGN §5)
    low = evaluate_jobs(pts.assign(points=[250, 110, 200, 300]), data=data, band_width=120)
    assert low.pairs().values.tolist() == [
        ["fd", "c1", "lower_value_higher_pay", 2, 0],
        ["fd", "c2", "lower_value_higher_pay", 2, 1],
        ["fd", "c3", "equal_value", 2, 2],
    ]


def test_result_object_contract():
    ev = evaluate_jobs(
        "data/sample/job_evaluation.csv", data=__import__("payequity").datasets.load_sample()
    )
    assert isinstance(ev, JobEvaluation)
    assert "Job evaluation" in str(ev.summary()) and "<table" in ev._repr_html_()
    assert repr(ev).startswith("<JobEvaluation 31 jobs")
    with pytest.raises(AttributeError):
        ev.table = None  # frozen
    ax = ev.plot()
    assert ax.get_xlabel() == "Arbetsvärde (poäng)"
    points = sum(len(c.get_offsets()) for c in ax.collections)
    assert points == (ev.table["n"] > 0).sum()
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[0] == "Kvinnodominerat (≥ 60\u00a0% kvinnor)"
    assert (
        ev.plot(language="en").get_ylabel() == "Mean monthly base salary, full time"
    )  # the measure plotted
    import matplotlib.pyplot as plt

    plt.close("all")


def test_sample_evaluation_matches_the_generator():
    from payequity import datasets
    from payequity.datasets import _jobs as sj

    ev = evaluate_jobs("data/sample/job_evaluation.csv", data=datasets.load_sample())
    t = ev.table.set_index("job_code")
    for job in sj.JOBS:
        assert t.loc[job.code, "points"] == pytest.approx(job.points)
    assert len(ev.unevaluated) == 0
    # the injected equal-value pair: sjuksköterska and ingenjör share a band
    assert ev.pairs().values.tolist() == [["201010", "171010", "equal_value", 5, 5]]
    assert np.isfinite(ev.checks.set_index("check").loc["weighting_test", "value"])


# --- edge cases found in review -------------------------------------------------------------------


def test_evaluators_are_counted_by_name():
    same = pd.concat([jobs(f=[3])] * 3).assign(evaluator=["A", "B", "A"])
    with pytest.raises(DataFileError, match="job f is rated by 'A' in rows 2, 4; keep one rating"):
        evaluate_jobs(same)
    with pytest.raises(DataFileError, match="row 3: evaluator is empty"):
        evaluate_jobs(pd.concat([jobs(f=[3])] * 2).assign(evaluator=["A", ""]))


def test_duplicate_rows_message_names_only_that_job():
    ext = pd.DataFrame({"job_code": ["a", "b", "a", "b", "c"], "points": [1, 2, 3, 4, 5]})
    with pytest.raises(DataFileError, match=r"job a is evaluated in rows 2, 4; add an evaluator"):
        evaluate_jobs(ext)


def test_levels_and_points_together_and_an_empty_file(write):
    with pytest.raises(SchemaError, match="both sub-factor levels and a points column"):
        evaluate_jobs(jobs(a=[1]).assign(points=[18]))
    path = write("je.csv", "job_code;points\n")
    with pytest.raises(DataFileError, match="no jobs in the file"):
        evaluate_jobs(path)


def test_missing_evaluation_file_names_its_key(tmp_path):
    with pytest.raises(DataFileError, match="check job_evaluation.path"):
        evaluate_jobs(tmp_path / "nope.csv")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["factors"][0]["subfactors"][0].update(weight=float("nan")),
            "weight must be a number",
        ),
        (
            lambda d: d["factors"].append(copy.deepcopy(d["factors"][0])),
            "factor id 'skills' is used twice",
        ),
        (
            lambda d: d.update(level_bse=1),
            "unknown key 'level_bse' in the model; did you mean 'level_base'",
        ),
        (lambda d: d.update(level_base=True), "level_base must be 0"),
        (
            lambda d: d["factors"][0]["subfactors"][0]["levels"][0].pop("en"),
            "level 0 text of 'knowledge' must be",
        ),
        (lambda d: d["factors"][0].update(id=7), "id 7 must be a name"),
    ],
)
def test_more_model_rules(change, message):
    raw = copy.deepcopy(DEFAULT)
    change(raw)
    with pytest.raises(JobModelError, match=message):
        model_from_dict(raw)


def test_evaluated_jobs_nobody_holds_are_reported():
    ev = evaluate_jobs(jobs(x=[4], ghost=[2]), data=people({"x": (3, 1, 30000)}))
    assert ev.not_in_data == ["ghost"]
    assert "ghost" in str(ev.summary())


def test_plain_dataframe_pay_data_is_checked():
    data = people({"x": (3, 2, 30000)})
    with pytest.raises(SchemaError, match=r"gender in the pay data holds \['K'\], not F/M"):
        evaluate_jobs(jobs(x=[4]), data=data.assign(gender=data["gender"].replace({"F": "K"})))
    with pytest.raises(SchemaError, match="no 'gender' column"):
        evaluate_jobs(jobs(x=[4]), data=data.drop(columns="gender"))
    numeric = pd.DataFrame({"job_code": [101, 101], "points": [300, 300]}).iloc[:1]
    ev = evaluate_jobs(numeric, data=data.assign(job_code=101))
    assert ev.table["n"].tolist() == [5]


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"band_width": 0}, "band_width must be a positive"),
        ({"band_width": float("inf")}, "band_width must be a positive"),
        ({"tolerance": -1}, "tolerance must be"),
        ({"female_dominated_share": 0.3}, "female_dominated_share must be in"),
        ({"male_dominated_share": 0.55}, "male_dominated_share must be in"),
    ],
)
def test_argument_validation(kw, message):
    with pytest.raises(ValueError, match=message):
        evaluate_jobs(jobs(a=[1]), **kw)


def test_override_conflicts_are_refused():
    two = pd.concat([jobs(a=[3])] * 2).assign(
        evaluator=["A", "B"], female_dominated_override=["yes", "no"], override_reason=["r", "r"]
    )
    with pytest.raises(DataFileError, match="job a has both yes and no"):
        evaluate_jobs(two)
    orphan = jobs(a=[3]).assign(female_dominated_override=[""], override_reason=["why"])
    with pytest.raises(DataFileError, match="override_reason without a female_dominated_override"):
        evaluate_jobs(orphan)


def test_band_width_out_of_scale_is_flagged():
    ext = pd.DataFrame({"job_code": list("abcd"), "points": [0.2, 0.4, 0.6, 0.9]})
    checks = evaluate_jobs(ext).flagged_checks
    assert checks["check"].tolist() == ["band_scale"]
    assert (
        "set job_evaluation.band_width to about a tenth of the scale" in checks["message"].iloc[0]
    )


def test_model_is_the_pay_line_and_scalars():
    ev = evaluate_jobs(
        jobs(a=[2], b=[4], c=[6]),
        data=people({"a": (1, 2, 30000), "b": (1, 3, 33000), "c": (1, 1, 36000)}),
    )
    # a, b, c at 36, 72, 108 points; pay rises 3 000 per 36 points exactly
    assert ev.model.params[1] == pytest.approx(3000 / 36)
    assert ev.n_jobs == 3
    assert np.isnan(ev.weighting_ratio)  # no female-dominated job: not run

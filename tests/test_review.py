"""The salary review's arithmetic and checks, on hand-built data and generated samples
(job-evaluation.md §3.4–§3.5)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import payequity as pe
from payequity.exceptions import ConfigError, DataFileError, SchemaError
from payequity.review._merit import MeritMatrix, PotError, distribute

CRIT = {
    "scale": {"min": 1, "max": 4, "expected": 2},
    "criterion": [
        {"id": "results", "name": "Resultat", "weight": 3},
        {"id": "cooperation", "name": "Samarbete", "weight": 1},
        {"id": "leadership", "name": "Ledarskap", "weight": 2, "applies_to": "managers"},
    ],
}


def _three(**extra):
    """One unit, one job (median 40 000): compa-ratios 0.75 (low), 1.00 (mid), 1.25 (high)."""
    frame = pd.DataFrame(
        {
            "employee_id": ["a", "b", "c"],
            "gender": ["F", "M", "F"],
            "unit": "U",
            "job_code": "J",
            "base_salary": [30000, 40000, 50000],
            "fte": [1.0, 1.0, 0.5],
        }
    )
    ratings = pd.DataFrame(
        {"employee_id": ["a", "b", "c"], "results": [4, 2, 3], "cooperation": [4, 2, 3]}
    )
    return pe.salary_review(
        frame, ratings=ratings, criteria=CRIT, pot_pct=3.0, whatif=False, **extra
    ).table.set_index("employee_id")


def test_distribution_matches_the_formula_by_hand():
    # multipliers 1.9 (4, low), 1.0 (2, mid), 0.9 (3, high); pot = 3 % of 95 000 = 2 850
    # raw = 0.03·m·base = 1710, 1200, 1350; k = 2850 / (1710 + 1200 + 0.5·1350) = 0.79498
    # exact 1359.41, 953.97, 1073.22 → floors cost 2848.5; +1 to b (0.97, fte 1), +1 to c (fte .5)
    t = _three()
    assert t["multiplier"].tolist() == [1.9, 1.0, 0.9]
    assert t["cr_band"].tolist() == ["low", "mid", "high"]
    assert t["raise"].tolist() == [1359, 954, 1074]
    assert float(t["cost"].sum()) == 2850.0


def test_guarantee_paid_first_then_the_rest_by_share():
    # floor 1000·2.5 = 2500; excess 710, 200, 350 (cost 1085); k = 350/1085
    # exact 1229.03, 1064.52, 1112.90 → floors cost 2849; c gets +1 twice (fte .5 fits the 1 kr)
    t = _three(guarantee=1000)
    assert t["raise"].tolist() == [1229, 1064, 1114]
    assert float(t["cost"].sum()) == 2850.0


def test_cap_hands_the_rest_to_the_others():
    # a capped at 1200; 1650 left over b and c: k = 1650/1875 → 1056, 1188
    t = _three(cap=1200)
    assert t["raise"].tolist() == [1200, 1056, 1188]
    assert "capped" in t.loc["a", "notes"]


def test_caps_below_the_pot_and_a_pot_below_the_guarantee_are_errors():
    with pytest.raises(PotError, match="cap of 1100 kr for all 3 people"):
        _three(cap=1100)
    with pytest.raises(PotError, match="smaller than the guarantee"):
        _three(guarantee=1200)


@given(
    shares=st.lists(st.floats(0, 5000), min_size=1, max_size=40),
    seed=st.integers(0, 10_000),
    guarantee=st.sampled_from([0, 250, 450.5]),
    cap=st.sampled_from([None, 1500, 2400]),
    pot_per_fte=st.floats(300, 1500),
)
def test_pot_is_met_to_the_krona_and_limits_hold(shares, seed, guarantee, cap, pot_per_fte):
    fte = np.random.default_rng(seed).choice([0.25, 0.5, 0.75, 0.8, 1.0], len(shares))
    pot = pot_per_fte * fte.sum()
    try:
        r = distribute(np.array(shares), fte, pot, guarantee=guarantee, cap=cap)
    except PotError:
        g = np.ceil(guarantee)
        absorb = np.array(shares) - g > 1e-6  # who can take more than the guarantee
        absorb = absorb if absorb.any() else np.ones(len(shares), bool)
        room = np.inf if cap is None else (cap - g) * fte[absorb].sum()
        assert pot < g * fte.sum() or pot > g * fte.sum() + room
        return
    assert 0 <= pot - float((r * fte).sum()) < 1
    assert (r >= np.ceil(guarantee)).all()
    if cap is not None:
        assert (r <= cap).all()


@pytest.fixture(scope="module")
def small():
    data = pe.datasets.generate(900, n_units=8, seed=4)
    ids = data.frame["employee_id"].unique()
    rng = np.random.default_rng(0)
    ratings = pd.DataFrame(
        {
            "employee_id": ids,
            "results": rng.integers(1, 5, len(ids)),
            "cooperation": rng.integers(1, 5, len(ids)),
            "leadership": 3,
        }
    )
    return data, ratings


def test_every_unit_pot_met_to_the_krona_on_a_generated_sample(small):
    data, ratings = small
    for kw in (
        {"pot_pct": 2.7, "guarantee": 350},
        {"pot_per_head": 985, "guarantee": 450},
        {"pot_pct": 3.1, "cap": 2500},
    ):
        r = pe.salary_review(data, ratings=ratings, criteria=CRIT, whatif=False, **kw)
        u = r.units
        assert len(u) == data.frame[data.unit_column].nunique()
        assert ((u["pot"] - u["total_raises"]) >= 0).all()
        assert ((u["pot"] - u["total_raises"]) < 1).all()
        e = r.table[r.table["eligible"]]
        assert (e["merit_raise"] >= np.ceil(kw.get("guarantee", 0))).all()
        assert (e["merit_raise"] <= kw.get("cap", np.inf)).all()
        recomputed = (r.table["raise"] * r.table["fte"]).groupby(r.table["unit"]).sum()
        np.testing.assert_allclose(u.set_index("unit")["total_raises"], recomputed)
    # pot per head counts a part-timer pro rata
    f = data.frame
    fte = f.groupby(data.unit_column)["fte"].sum()
    np.testing.assert_allclose(r.units.set_index("unit")["pot"] * 0 + 0, 0)
    r2 = pe.salary_review(data, ratings=ratings, criteria=CRIT, pot_per_head=985, whatif=False)
    np.testing.assert_allclose(r2.units.set_index("unit")["pot"], fte * 985)


def test_one_organisation_pot(small):
    data, ratings = small
    r = pe.salary_review(
        data, ratings=ratings, criteria=CRIT, pot_pct=3.0, pot_unit="organisation", whatif=False
    )
    assert r.units["unit"].tolist() == [""]
    f = data.frame
    assert r.pot == pytest.approx(0.03 * float((f["base_salary"] * f["fte"]).sum()))
    assert 0 <= r.pot - r.total_raises < 1


def test_overall_rating_weights_and_managers_criteria():
    frame = pd.DataFrame(
        {
            "employee_id": ["m", "s", "u"],
            "gender": ["F", "M", "F"],
            "unit": "U",
            "job_code": ["B", "J", "J"],
            "base_salary": [50000, 30000, 31000],
            "is_manager": [True, False, False],
        }
    )
    ratings = pd.DataFrame(
        {
            "employee_id": ["m", "s"],
            "Resultat": [4, 3],
            "cooperation": [2, 2],
            "leadership": [1, None],
        }
    )
    t = pe.salary_review(frame, ratings=ratings, criteria=CRIT, pot_pct=3, whatif=False).table
    t = t.set_index("employee_id")
    assert t.loc["m", "rating"] == pytest.approx((3 * 4 + 2 + 2 * 1) / 6)  # leadership counts
    assert t.loc["s", "rating"] == pytest.approx((3 * 3 + 2) / 4)  # and not for staff
    assert t.loc["s", "rating_level"] == 3  # 2.75 rounds half up to 3
    assert t.loc["u", "rated"] == "none" and t.loc["u", "rating_level"] == 2  # expected level
    assert t.loc["u", "notes"] == "not_rated"
    assert t.loc["s", "manager"] == "m"  # the unit's manager when manager_id is absent


def test_eligibility_is_a_rule_in_the_criteria():
    crit = {**CRIT, "eligibility": {"employment_form": ["Tillsvidare"]}}
    frame = pd.DataFrame(
        {
            "employee_id": ["a", "b", "c"],
            "gender": ["F", "M", "F"],
            "unit": "U",
            "job_code": "J",
            "base_salary": [30000, 31000, 32000],
            "employment_form": ["Tillsvidare", "Visstid", "Tillsvidare"],
        }
    )
    ratings = pd.DataFrame({"employee_id": ["a", "b", "c"], "results": 2, "cooperation": 2})
    r = pe.salary_review(frame, ratings=ratings, criteria=crit, pot_pct=3, whatif=False)
    t = r.table.set_index("employee_id")
    assert t.loc["b", "raise"] == 0 and not t.loc["b", "eligible"]
    assert t.loc["b", "reason"] == "employment_form = Visstid"
    assert r.units["payroll"].iloc[0] == 62000  # the pot counts the people taking part
    with pytest.raises(SchemaError, match="employment_form"):
        pe.salary_review(
            frame.drop(columns="employment_form"),
            ratings=ratings,
            criteria=crit,
            pot_pct=3,
            whatif=False,
        )


def _uniform_ratings(data, level=3):
    return pd.DataFrame(
        {"employee_id": data.frame["employee_id"].unique(), "results": level, "cooperation": level}
    )


def test_lower_raises_for_women_at_equal_ratings_are_flagged(small):
    data, _ = small
    f = data.frame
    ratings = _uniform_ratings(data)
    pct = np.where(f["gender"] == "F", 0.02, 0.03)
    proposals = pd.DataFrame(
        {
            "employee_id": f["employee_id"],
            "job_code": f["job_code"],
            "raise": (f["base_salary"] * pct).round(),
        }
    )
    r = pe.salary_review(
        data, ratings=ratings, criteria=CRIT, pot_pct=3.0, proposals=proposals, whatif=False
    )
    org = r.flags[r.flags["unit"] == ""]
    assert {"lower_raise_equal_rating", "regression_gender"} <= set(org["check"])
    gap = org.set_index("check").loc["lower_raise_equal_rating", "value"]
    assert gap == pytest.approx(-1.0, abs=0.01)
    assert "lägre höjning" in org.set_index("check").loc["lower_raise_equal_rating", "message_sv"]
    # the same raise for everyone is not flagged
    same = proposals.assign(raise_=(f["base_salary"] * 0.025).round().to_numpy())
    same = same.drop(columns="raise").rename(columns={"raise_": "raise"})
    r2 = pe.salary_review(
        data, ratings=ratings, criteria=CRIT, pot_pct=3.0, proposals=same, whatif=False
    )
    assert not r2.flags["check"].isin(["lower_raise_equal_rating", "regression_gender"]).any()


def test_manual_mode_checks_pot_guarantee_and_cap():
    frame = pd.DataFrame(
        {
            "employee_id": ["a", "b", "c", "d"],
            "gender": ["F", "M", "F", "M"],
            "unit": "U",
            "job_code": "J",
            "base_salary": [30000, 31000, 32000, 33000],
        }
    )
    proposals = pd.DataFrame({"Anst.nr": ["a", "b", "c"], "Ny lön": ["30 100", "33 000", "32500"]})
    r = pe.salary_review(
        frame, pot_pct=3.0, proposals=proposals, guarantee=200, cap=1500, whatif=False
    )
    t = r.table.set_index("employee_id")
    assert t["raise"].tolist() == [100, 2000, 500, 0]
    assert t.loc["a", "notes"] == "below_guarantee"
    assert t.loc["b", "notes"] == "above_cap"
    assert t.loc["d", "notes"] == "no_proposal"
    # pot 3 % of 126 000 = 3 780; proposals cost 2 600: no overrun
    assert "pot_overrun" not in set(r.flags["check"])
    big = proposals.assign(**{"Ny lön": ["32 000", "33 000", "34 000"]})
    r = pe.salary_review(frame, pot_pct=3.0, proposals=big, whatif=False)
    over = r.flags.set_index("check").loc["pot_overrun"]
    assert over["value"] == pytest.approx(2000 + 2000 + 2000 - 3780)


def test_proposal_errors_name_the_row():
    frame = pd.DataFrame(
        {
            "employee_id": ["a", "a"],
            "gender": ["F", "F"],
            "unit": "U",
            "job_code": ["J", "K"],
            "base_salary": [30000, 31000],
            "fte": [0.5, 0.5],
        }
    )
    with pytest.raises(DataFileError, match="row 2: employee a has 2 employments"):
        pe.salary_review(
            frame,
            pot_pct=3,
            proposals=pd.DataFrame({"employee_id": ["a"], "raise": [100]}),
            whatif=False,
        )
    with pytest.raises(DataFileError, match="row 3: employee zz is not in the pay data"):
        pe.salary_review(
            frame,
            pot_pct=3,
            proposals=pd.DataFrame(
                {"employee_id": ["a", "zz"], "job_code": ["J", ""], "raise": [1, 2]}
            ),
            whatif=False,
        )
    with pytest.raises(DataFileError, match=r"row 2: .*'x' is not an amount"):
        pe.salary_review(
            frame,
            pot_pct=3,
            proposals=pd.DataFrame({"employee_id": ["a"], "job_code": ["J"], "raise": ["x"]}),
            whatif=False,
        )


def test_action_plan_overlay_reserves_part_of_the_pot():
    frame = pd.DataFrame(
        {
            "employee_id": list("abcd"),
            "gender": ["F", "F", "M", "M"],
            "unit": "U",
            "job_code": ["N", "N", "E", "E"],
            "base_salary": [30000, 30000, 34000, 34000],
        }
    )
    ratings = pd.DataFrame({"employee_id": list("abcd"), "results": 2, "cooperation": 2})
    plan = pd.DataFrame(
        {
            "measure_id": ["2026-person-a", "2026-person-a"],
            "employee_id": ["a", "a"],
            "job_code": ["N", "N"],
            "unit": "",
            "year": [2026, 2027],
            "adjustment_monthly": [900, 500],
        }
    )
    # pot 3 % of 128 000 = 3 840; reserve 25 % = 960 ≥ a's 900 of 2026: paid in full
    r = pe.salary_review(
        frame,
        ratings=ratings,
        criteria=CRIT,
        pot_pct=3,
        action_plan=plan,
        action_plan_share=0.25,
        whatif=False,
    )
    t = r.table.set_index("employee_id")
    assert t.loc["a", "plan_adjustment"] == 900 and "plan" in t.loc["a", "notes"]
    assert r.units["plan_adjustments"].iloc[0] == 900
    assert float(t["merit_raise"].sum()) == 3840 - 900  # the unused reserve goes to merit
    assert 0 <= r.pot - r.total_raises < 1
    # a reserve of 10 % = 384 scales the adjustment down and says so
    r = pe.salary_review(
        frame,
        ratings=ratings,
        criteria=CRIT,
        pot_pct=3,
        action_plan=plan,
        action_plan_share=0.10,
        whatif=False,
    )
    assert r.table.set_index("employee_id").loc["a", "plan_adjustment"] == 384
    assert any("scaled down" in w for w in r.warnings)


@pytest.mark.slow
def test_whatif_equals_the_survey_on_the_applied_data():
    data = pe.load_survey("data/sample/survey.toml")
    from payequity.config import load_config
    from payequity.pipeline import evaluation_for

    evaluation = evaluation_for(load_config("data/sample/survey.toml"), data)
    r = pe.salary_review(
        data,
        ratings="data/sample/ratings.csv",
        criteria="data/sample/criteria.toml",
        pot_pct=3.0,
        guarantee=300,
        evaluation=evaluation,
    )
    after = r.apply()
    assert (
        after.frame["base_salary"] - data.frame["base_salary"] == r.table["raise"].to_numpy()
    ).all()
    pay = ["base_salary", "monthly_pay"]
    ew = pd.concat(
        [
            pe.equal_work(after, pay=pay).table,
            *[x.table for x in pe.equal_work(after, pay=pay, by="unit").values()],
        ]
    )
    ev = pd.concat(
        [
            pe.equal_value(after, evaluation, pay=pay).table,
            *[x.table for x in pe.equal_value(after, evaluation, pay=pay, by="unit").values()],
        ]
    )
    c = r.changes
    w = c[c["item_kind"] == "equal_work"].set_index(["unit", "group", "pay_measure"])
    ew = ew.assign(unit=ew["unit"].fillna("")).set_index(["unit", "work_group", "pay_measure"])
    np.testing.assert_allclose(
        w["after"].reindex(ew.index).to_numpy(float), ew["women_pct_of_men"].to_numpy(float)
    )
    assert (w["flagged_after"].reindex(ew.index).to_numpy() == ew["flagged"].to_numpy()).all()
    v = c[c["item_kind"] == "equal_value"].set_index(["unit", "group", "comparator", "pay_measure"])
    ev = ev.assign(unit=ev["unit"].fillna("")).set_index(
        ["unit", "female_dominated_job", "comparator_job", "pay_measure"]
    )
    np.testing.assert_allclose(
        v["after"].reindex(ev.index).to_numpy(float), ev["pay_gap_pct"].to_numpy(float)
    )
    # the spread after is the spread of the applied data
    s = r.spread[(r.spread["unit"] == "") & (r.spread["stage"] == "after")].iloc[0]
    assert s["p90_p10"] == pytest.approx(
        after.frame["base_salary"].quantile(0.9) / after.frame["base_salary"].quantile(0.1)
    )
    # a widened gap is flagged with its key, and only when unexplained
    widened = c[c["widens"]]
    subjects = r.flags.loc[r.flags["check"] == "widens_gap", "subject"]
    assert subjects.is_unique and set(subjects) <= set(widened["item_key"])
    items = widened.drop_duplicates(["item_kind", "unit", "group", "comparator"])
    assert len(subjects) == len(items)  # one flag per item, not per pay measure
    assert (widened["flagged_before"] | widened["flagged_after"]).all()


def test_widening_an_explained_gap_is_not_flagged():
    from payequity.review._checks import whatif

    class R:  # a stand-in equal-work result
        def __init__(self, pct, flagged):
            self.table = pd.DataFrame(
                {
                    "unit": [""],
                    "work_group": ["J"],
                    "pay_measure": ["base_salary"],
                    "women_pct_of_men": [pct],
                    "flagged": [flagged],
                }
            )

    before, after = {"equal_work": [R(95.0, True)]}, {"equal_work": [R(94.0, True)]}
    assert whatif(before, after, None)["widens"].tolist() == [True]
    assert whatif(before, after, {"/J/base_salary": "explained"})["widens"].tolist() == [False]
    assert whatif(before, after, {"/J/base_salary": "unexplained"})["widens"].tolist() == [True]
    narrower = {"equal_work": [R(96.0, True)]}
    assert whatif(before, narrower, None)["widens"].tolist() == [False]
    tiny = {"equal_work": [R(94.95, True)]}  # less than 0.1 percentage point is noise
    assert whatif(before, tiny, None)["widens"].tolist() == [False]


def test_criteria_errors_name_the_key(tmp_path):
    bad = [
        ({"criterion": [{"id": "Results", "name": "R", "weight": 1}]}, "lower-case identifier"),
        ({"criterion": [{"id": "r", "name": "R", "weight": 0}]}, "weight = 0"),
        (
            {"criterion": [{"id": "r", "name": "R", "weight": 1, "applies_to": "boss"}]},
            "use all, managers or staff",
        ),
        ({"criterion": [{"id": "r", "name": "R", "wieght": 1}]}, "did you mean 'weight'"),
        (
            {"criterion": [{"id": "r", "weight": 1, "applies_to": "managers"}]},
            "no criterion applies to staff",
        ),
        (
            {"scale": {"min": 1, "max": 4, "expected": 5}, "criterion": [{"id": "r", "weight": 1}]},
            "expected between",
        ),
        (
            {"criterion": [{"id": "r", "weight": 1}], "matrix": {"multipliers": {"4": [1, 2]}}},
            "three multipliers",
        ),
        (
            {"criterion": [{"id": "r", "weight": 1}], "matrix": {"multipliers": {"4": [1, 1, 1]}}},
            "no row for level 1",
        ),
    ]
    for spec, message in bad:
        with pytest.raises(ConfigError, match=message):
            pe.load_criteria(spec)
    path = tmp_path / "criteria.toml"
    path.write_text("[[criterion]]\nid = 'r'\nweight = = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="criteria.toml: not valid TOML"):
        pe.load_criteria(path)


def test_ratings_errors_name_file_row_and_column(tmp_path):
    crit = pe.load_criteria(CRIT)
    path = tmp_path / "ratings.csv"
    path.write_text("employee_id;results;cooperation\n1;3;2\n2;5;2\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"ratings.csv, row 3: results = '5' is not a rating"):
        pe.load_ratings(path, crit)
    path.write_text("employee_id;resluts\n1;3\n", encoding="utf-8")
    with pytest.raises(SchemaError, match="did you mean 'results'"):
        pe.load_ratings(path, crit)
    path.write_text("Anst.nr;Resultat;Samarbete\n1;3;\n1;2;2\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="rows 2 and 3: employee 1 is rated twice"):
        pe.load_ratings(path, crit)


def test_pot_settings_are_checked():
    frame = pd.DataFrame(
        {
            "employee_id": ["a"],
            "gender": ["F"],
            "unit": "U",
            "job_code": "J",
            "base_salary": [30000],
        }
    )
    with pytest.raises(ConfigError, match="pot_pct or review.pot_per_head"):
        pe.salary_review(frame, ratings=frame[["employee_id"]], criteria=CRIT, whatif=False)
    with pytest.raises(ConfigError, match="needs review.criteria and review.ratings"):
        pe.salary_review(frame, pot_pct=3, whatif=False)
    with pytest.raises(ConfigError, match="no column of the pay data"):
        pe.salary_review(
            frame,
            ratings=frame[["employee_id"]],
            criteria=CRIT,
            pot_pct=3,
            pot_unit="district",
            whatif=False,
        )


def test_merit_matrix_default_is_the_documented_one():
    m = MeritMatrix.default()
    assert m.multipliers[4] == (1.9, 1.5, 1.2) and m.multipliers[1] == (0.3, 0.0, 0.0)
    assert (m.band(0.8999), m.band(0.90), m.band(1.10), m.band(1.1001)) == (
        "low",
        "mid",
        "mid",
        "high",
    )


def test_result_displays_and_plots(small):
    import matplotlib

    matplotlib.use("Agg")
    data, ratings = small
    r = pe.salary_review(data, ratings=ratings, criteria=CRIT, pot_pct=3.0, whatif=False)
    assert "Salary review" in str(r.summary()) and "<table>" in r._repr_html_()
    ax = r.plot()
    assert ax.get_title(loc="left").startswith("Höjning i procent")
    assert r.model is not None and "female" in r.model.params.index
    imp = r.payroll_import("2027-04-01")
    assert list(imp.columns[:3]) == ["employee_id", "new_base_salary", "effective_date"]
    assert (imp["effective_date"] == "2027-04-01").all()


def test_a_score_of_exactly_half_rounds_up_despite_float_error():
    # weights 0.25/0.20/0.20/0.15/0.20 and ratings 4,2,2,2,2 give 2.4999999999999996 in floats
    from payequity.review._criteria import level_of, load_criteria

    crit = load_criteria("data/sample/criteria.toml")
    weights = [c.weight for c in crit.criteria if c.applies(False)]
    score = sum(w * r for w, r in zip(weights, [4, 2, 2, 2, 2], strict=True)) / sum(weights)
    assert score != 2.5 and score == pytest.approx(2.5)
    assert level_of(score, crit) == 3
    assert level_of(1.5, crit) == 2 and level_of(1.49, crit) == 1


def test_plan_adjustments_are_not_read_as_merit_bias_and_cannot_be_undone_silently():
    frame = pd.DataFrame(
        {
            "employee_id": list("abcdefghijkl"),
            "gender": list("FFFFFFMMMMMM"),
            "unit": "U",
            "job_code": "J",
            "base_salary": 30000.0,
        }
    )
    ratings = pd.DataFrame({"employee_id": list("abcdefghijkl"), "results": 2, "cooperation": 2})
    plan = pd.DataFrame(
        {
            "employee_id": list("abc"),
            "job_code": "J",
            "unit": "",
            "year": 2026,
            "adjustment_monthly": 1500,
        }
    )
    # an equity lift for three women is not "women get higher raises at equal rating"
    r = pe.salary_review(
        frame,
        ratings=ratings,
        criteria=CRIT,
        pot_pct=3,
        action_plan=plan,
        action_plan_share=0.5,
        whatif=False,
    )
    assert r.table.set_index("employee_id").loc["a", "plan_adjustment"] == 1500
    g = r.gender[r.gender["scope"] == "organisation"].set_index("gender")
    assert g.loc["F", "mean_raise_pct"] == pytest.approx(g.loc["M", "mean_raise_pct"], abs=0.01)
    # a proposal below the plan's adjustment is noted and flagged
    proposals = pd.DataFrame({"employee_id": list("abcdefghijkl"), "raise": [200] + [900] * 11})
    r = pe.salary_review(
        frame, pot_pct=3, proposals=proposals, action_plan=plan, action_plan_share=0.5, whatif=False
    )
    t = r.table.set_index("employee_id")
    assert t.loc["a", "merit_raise"] == -1300 and "below_plan" in t.loc["a", "notes"]
    assert "below_plan" in set(r.flags["check"])

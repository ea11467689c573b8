"""The action plan tells one true story (issue 14): dated at pay reviews after the survey,
group measures to the pay line at the job's own value, every item needing action either
measured or given a reason, no unit group planned on the organisation's word alone."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import payequity as pe
from payequity.actions import action_plan, assess
from payequity.exceptions import ConfigError
from payequity.review import plan_funding


def _frame(rows, unit="U"):
    f = pd.DataFrame(rows, columns=["employee_id", "gender", "job_code", "base_salary", "fte"])
    return f.assign(
        unit=unit, work_group=f["job_code"], supplements=0.0, monthly_pay=f["base_salary"]
    )


def _jobs(spec):
    """spec: (job, n_women, n_men, pay) → rows with equal pay inside each job."""
    rows = []
    for job, nw, nm, pay in spec:
        rows += [(f"{job}f{i}", "F", job, pay, 1.0) for i in range(nw)]
        rows += [(f"{job}m{i}", "M", job, pay, 1.0) for i in range(nm)]
    return _frame(rows)


def _value_plan(n_pay):
    # N: female-dominated, 250 points, pay n_pay. E: 350 points (same 120-point band, 240–359),
    # 33 000. L: 50 points, 23 000. The pay line of the jobs that are not female-dominated
    # (E and L, 5 people each): 23 000 + (33 000 − 23 000)/300 · (p − 50); at 250 points
    # 23 000 + 200 · 33.333… = 29 666.67 kr.
    frame = _jobs([("N", 5, 0, n_pay), ("E", 0, 5, 33000), ("L", 0, 5, 23000)])
    jobs = pd.DataFrame({"job_code": ["N", "E", "L"], "points": [250, 350, 50]})
    ev = pe.evaluate_jobs(jobs, data=frame)
    value = pe.equal_value(frame, ev)
    items = assess(pe.equal_work(frame), value)
    return items, action_plan(items, frame, year=2026, overhead=0.4, evaluation=ev), value


def test_group_measure_lifts_to_the_pay_line_at_the_jobs_own_value():
    items, plan, value = _value_plan(28000)
    assert value.table.query("comparator_job == 'E'")["flagged"].all()
    row = plan.table.iloc[0]
    # need 29 666.67 − 28 000 = 1 666.67 → 1 667 whole kronor (not 5 000 to E's mean)
    assert (row["kind"], row["job_code"], row["comparator_job"]) == ("equal_value", "N", "E")
    assert row["adjustment_monthly"] == 1667
    assert row["target_pay"] == 29667
    assert plan.group_target == "pay_line"
    # without the evaluation the comparator's mean: 33 000 − 28 000
    frame = _jobs([("N", 5, 0, 28000), ("E", 0, 5, 33000), ("L", 0, 5, 23000)])
    old = action_plan(items, frame, year=2026)
    assert old.table.iloc[0]["adjustment_monthly"] == 5000
    assert old.group_target == "comparator_mean"


def test_job_already_on_the_pay_line_gets_no_measure_but_a_reason():
    items, plan, _ = _value_plan(30000)  # above the line's 29 666.67, below E's 33 000
    assert plan.table.empty
    reasons = plan.unmeasured.set_index("item_key")["reason"]
    assert set(reasons) == {"at_pay_line"}
    assert "/N/E/base_salary" in reasons.index


def test_comparator_of_lower_value_paid_more_is_the_target():
    # L2: 200 points (lower than N's 250, same band 120–239? no: band 240–359 holds N only)
    # so use a comparator in the same band with lower value: E2 at 245 points paid 31 000
    frame = _jobs([("N", 5, 0, 28000), ("E2", 0, 5, 31000), ("L", 0, 5, 23000)])
    jobs = pd.DataFrame({"job_code": ["N", "E2", "L"], "points": [250, 245, 50]})
    ev = pe.evaluate_jobs(jobs, data=frame)
    items = assess(pe.equal_work(frame), pe.equal_value(frame, ev))
    plan = action_plan(items, frame, year=2026, evaluation=ev)
    assert plan.table.iloc[0]["adjustment_monthly"] == 3000  # to E2's mean: it is worth less


def test_steps_take_effect_at_pay_reviews_after_the_reference_date():
    items, _, value = _value_plan(28000)
    frame = _jobs([("N", 5, 0, 28000), ("E", 0, 5, 33000), ("L", 0, 5, 23000)])
    ref = dt.date(2026, 9, 1)
    plan = action_plan(items, frame, year=2026, reference_date=ref)
    assert set(plan.table["effective_date"]) == {"2027-04-01"}
    assert set(plan.table["year"]) == {2027}
    assert set(plan.table["responsible"]) == {"HR"}
    plan = action_plan(items, frame, year=2026, reference_date=ref, first_date=dt.date(2026, 10, 1))
    assert set(plan.table["effective_date"]) == {"2026-10-01"}
    with pytest.raises(ConfigError, match="not after the survey's reference date"):
        action_plan(items, frame, year=2026, reference_date=ref, first_date=ref)
    # a budget spreads the steps over the following reviews, a year apart, within three years
    budget = action_plan(
        items, frame, year=2026, reference_date=ref, yearly_budget=120000, overhead=0.0
    )
    # 5 000 kr × 5 fte × 12 = 300 000 a year in all: 120 000 + 120 000 + 60 000
    by = budget.table.groupby("effective_date")["cost_yearly"].sum()
    assert by.to_dict() == {"2027-04-01": 120000, "2028-04-01": 120000, "2029-04-01": 60000}


def test_small_group_lifts_to_the_other_genders_mean():
    # 4 women at 33 000, 1 man at 31 000: too few men for a regression; the raw rule flags
    # women at 106.45 % of men. The man is lifted to the women's mean: 33 000 (+2 000).
    frame = _jobs([("A", 4, 0, 33000)])
    frame = pd.concat([frame, _frame([("am", "M", "A", 31000, 1.0)])], ignore_index=True)
    work = pe.equal_work(frame, controls=[])
    assert bool(work.table["flagged"].iloc[0])
    plan = action_plan(assess(work), frame, year=2026)
    assert plan.table.set_index("employee_id").loc["am", "adjustment_monthly"] == 2000
    assert plan.unmeasured.empty


def test_flagged_item_with_nobody_below_the_target_states_why():
    # women 30 000 ×3 and 42 000 (mean 33 000), one man at 31 000: men earn less (raw rule),
    # but with target = the women's median, 30 000, the man is already above it
    frame = _frame(
        [(f"a{i}", "F", "A", p, 1.0) for i, p in enumerate([30000, 30000, 30000, 42000])]
        + [("am", "M", "A", 31000, 1.0)]
    )
    work = pe.equal_work(frame, controls=[])
    assert bool(work.table["flagged"].iloc[0])
    plan = action_plan(assess(work, target="median"), frame, year=2026)
    assert plan.table.empty
    assert set(plan.unmeasured["reason"]) == {"no_one_below_target"}
    assert set(plan.unmeasured["item_key"]) == {"/A/base_salary"}


def test_organisation_explanation_does_not_plan_an_unflagged_unit_group():
    # unit U1: women 29 000 vs men 30 000 (flagged, raw); unit U2: equal pay (not flagged)
    u1 = _frame(
        [(f"a{i}", "F", "A", 29000, 1.0) for i in range(4)]
        + [(f"b{i}", "M", "A", 30000, 1.0) for i in range(4)],
        unit="U1",
    )
    u2 = _frame(
        [(f"c{i}", "F", "A", 30000, 1.0) for i in range(4)]
        + [(f"d{i}", "M", "A", 30000, 1.0) for i in range(4)],
        unit="U2",
    )
    frame = pd.concat([u1, u2], ignore_index=True)
    org = pe.equal_work(frame, controls=[], min_per_gender=5)
    units = pe.equal_work(frame, controls=[], min_per_gender=5, by="unit")
    register = pd.DataFrame(
        {
            "item_kind": ["equal_work"],
            "item_key": ["/A/base_salary"],
            "category": ["other"],
            "text": ["Ingen saklig grund."],
            "gender_related": ["yes"],
        }
    )
    items = assess([org, units], explanations=register)
    t = items.table.set_index("item_key")
    assert t.loc["U2/A/base_salary", "status"] == "not_flagged"
    assert not t.loc["U2/A/base_salary", "needs_action"]
    assert t.loc["U1/A/base_salary", "source"] == "inherited"
    plan = action_plan(items, frame, year=2026)
    assert not plan.table["employee_id"].str.startswith(("c", "d")).any()


def test_review_reserve_against_the_first_step_in_kronor():
    frame = _jobs([("N", 5, 5, 30000)])
    plan = pd.DataFrame(
        {
            "employee_id": ["Nf0", "Nf1"],
            "job_code": ["N", "N"],
            "unit": ["U", "U"],
            "year": [2027, 2027],
            "adjustment_monthly": [2000.0, 1000.0],
        }
    )
    # pot 3 % of 10 · 30 000 = 9 000; reserve 25 % = 2 250; need 3 000; paid: scaled by 0.75
    # and rounded down per person: 1 500 + 750 = 2 250; shortfall 750
    f = plan_funding(frame, plan, share=0.25, pot_pct=3.0, pot_unit="organisation")
    row = f.iloc[0]
    assert (row["pot"], row["plan_reserve"], row["plan_need"]) == (9000, 2250, 3000)
    assert (row["plan_paid"], row["shortfall"]) == (2250, 750)


def test_review_pays_only_the_steps_taking_effect_at_its_date():
    frame = _jobs([("N", 5, 5, 30000)])
    plan = pd.DataFrame(
        {
            "employee_id": ["Nf0"],
            "job_code": ["N"],
            "unit": ["U"],
            "year": [2027],
            "effective_date": ["2027-04-01"],
            "adjustment_monthly": [1000.0],
        }
    )
    hit = plan_funding(frame, plan, share=0.5, pot_pct=3.0, effective_date="2027-04-01")
    assert hit["plan_need"].sum() == 1000
    miss = plan_funding(frame, plan, share=0.5, pot_pct=3.0, effective_date="2027-10-01")
    assert miss["plan_need"].sum() == 0


def test_funding_need_stands_whatever_the_share_and_the_pots():
    # a group measure of 1 000 kr on job N in unit U: 10 people, fte 1 → need 10 000 kr
    frame = _jobs([("N", 5, 5, 30000)])
    plan = pd.DataFrame(
        {
            "employee_id": [""],
            "job_code": ["N"],
            "unit": ["U"],
            "year": [2027],
            "adjustment_monthly": [1000.0],
        }
    )
    none = plan_funding(frame, plan, share=0.0, pot_pct=3.0)
    assert none["plan_need"].sum() == 10000 and none["plan_reserve"].sum() == 0
    assert none["shortfall"].sum() == 10000
    # one pot for the organisation: the unit's measure is still found on the data's unit
    org = plan_funding(frame, plan, share=0.5, pot_pct=3.0, pot_unit="organisation")
    assert org["plan_need"].sum() == 10000
    # pot 3 % of 300 000 = 9 000, reserve 4 500, paid 4 500 (450 each), short 5 500
    assert (org["plan_paid"].sum(), org["shortfall"].sum()) == (4500, 5500)
    with pytest.raises(ConfigError, match="pot_pct or review.pot_per_head"):
        plan_funding(frame, plan, share=0.5)
    with pytest.raises(ConfigError, match="from 0 to 1"):
        plan_funding(frame, plan, share=1.5, pot_pct=3.0)

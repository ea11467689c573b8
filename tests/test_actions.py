"""The explanations register and the costed action plan (issue 6), checked by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import payequity as pe
from payequity.actions import action_plan, assess, load_explanations
from payequity.exceptions import ConfigError, DataFileError, SchemaError

HEADER = "item_kind;item_key;category;text;evidence;gender_related;author;date\n"


def _frame(rows):
    """rows: (id, gender, group, base, fte) → a canonical frame, one unit."""
    f = pd.DataFrame(rows, columns=["employee_id", "gender", "work_group", "base_salary", "fte"])
    return f.assign(
        unit="U", job_code=f["work_group"], supplements=0.0, monthly_pay=f["base_salary"]
    )


@pytest.fixture
def small():
    # group A: men 30 000 ×3; women 28 000 (fte 1), 29 000 (fte 0.5), 31 000 (fte 1)
    # women's mean 29 333.3 = 97.78 % of men's: |−2.22| > 2 → flagged by the raw rule
    rows = [
        ("m1", "M", "A", 30000, 1),
        ("m2", "M", "A", 30000, 1),
        ("m3", "M", "A", 30000, 1),
        ("w1", "F", "A", 28000, 1),
        ("w2", "F", "A", 29000, 0.5),
        ("w3", "F", "A", 31000, 1),
        # group B: no difference, not flagged
        ("m4", "M", "B", 25000, 1),
        ("m5", "M", "B", 25000, 1),
        ("w4", "F", "B", 25000, 1),
        ("w5", "F", "B", 25000, 1),
    ]
    return _frame(rows)


def _work(frame):
    return pe.equal_work(frame, min_per_gender=4, controls=[])


def test_unexplained_flag_ends_in_the_plan_with_cost_by_hand(small):
    items = assess(_work(small), target="mean")
    t = items.table.set_index("item_key")
    assert t.loc["/A/base_salary", "status"] == "unexplained"
    assert bool(t.loc["/A/base_salary", "needs_action"])
    assert t.loc["/B/base_salary", "status"] == "not_flagged"
    assert t.loc["/B/base_salary", "text"].startswith("Automatisk bedömning")
    plan = action_plan(items, small, year=2026, overhead=0.40)
    p = plan.table.set_index("employee_id")
    # lifted to the men's mean 30 000: w1 by 2 000, w2 by 1 000, w3 (above) not at all
    assert sorted(p.index) == ["w1", "w2"]
    assert p.loc["w1", "adjustment_monthly"] == 2000
    assert p.loc["w2", "adjustment_monthly"] == 1000
    assert p.loc["w1", "cost_yearly"] == pytest.approx(2000 * 1.0 * 12 * 1.40)  # 33 600
    assert p.loc["w2", "cost_yearly"] == pytest.approx(1000 * 0.5 * 12 * 1.40)  # 8 400
    assert plan.cost_yearly == pytest.approx(42000)
    assert p.loc["w1", "measure_id"] == "2026-person-w1"
    # no reference date on a bare frame: the first pay review is 1 April of the next year
    assert (p["due_year"] == 2029).all() and (p["year"] == 2027).all()
    assert (p["effective_date"] == "2027-04-01").all()
    assert p.loc["w1", "reason"] == "unexplained"
    assert p.loc["w1", "comparator_job"] == ""
    assert list(plan.table.columns[:9]) == [
        "measure_id",
        "job_code",
        "employee_id",
        "comparator_job",
        "year",
        "adjustment_monthly",
        "cost_yearly",
        "first_found_year",
        "due_year",
    ]


def test_an_explanation_takes_the_item_out_of_the_plan(small, write):
    reg = write(
        "explanations.csv",
        HEADER + "equal_work;/A/base_salary;experience;"
        "Kvinnorna är nyanställda;Anställningsdatum i HR-systemet;nej;HR;2026-10-01\n",
    )
    items = assess(_work(small), explanations=reg, target="mean")
    row = items.table.set_index("item_key").loc["/A/base_salary"]
    assert (row["status"], row["source"], row["category"]) == ("explained", "person", "experience")
    assert row["register_row"] == 2
    assert action_plan(items, small, year=2026).table.empty


@pytest.mark.parametrize(("answer", "status"), [("ja", "gender_related"), ("oklart", "unclear")])
def test_related_or_unclear_stays_in_the_plan(small, write, answer, status):
    reg = write("e.csv", HEADER + f"equal_work;/A/base_salary;other;Okänd orsak;;{answer};;\n")
    items = assess(_work(small), explanations=reg, target="mean")
    assert items.table.set_index("item_key").loc["/A/base_salary", "status"] == status
    plan = action_plan(items, small, year=2026)
    assert set(plan.table["reason"]) == {status}


def test_a_person_explained_as_not_gender_related_leaves_the_plan(small, write):
    reg = write("e.csv", HEADER + "person;w1;performance;Prövotid;Beslut 2026-03;nej;Chef;\n")
    plan = action_plan(assess(_work(small), explanations=reg, target="mean"), small, year=2026)
    assert list(plan.table["employee_id"]) == ["w2"]


def test_expected_target_without_regression_is_the_other_genders_mean(small):
    # group A has 3 of each gender, below min_per_gender = 4: no regression, raw rule. Up to
    # the men's mean 30 000, w1 lacks 2 000 and w2 1 000 (w3, 31 000, none): 3 000 in all, but
    # the raw gap is 3 × (30 000 − 29 333.33) = 2 000, so each gets 2/3 of their distance:
    # w1 1 333.33 → 1 334, w2 666.67 → 667 whole kronor, and the means meet at 30 000
    plan = action_plan(assess(_work(small)), small, year=2026).table.set_index("employee_id")
    assert sorted(plan.index) == ["w1", "w2"]
    assert plan.loc["w1", "adjustment_monthly"] == 1334
    assert plan.loc["w2", "adjustment_monthly"] == 667


def test_expected_target_is_the_regressions_pay_for_the_other_gender():
    # log pay ~ female (no controls): the prediction for a woman as a man is exp(intercept),
    # the men's geometric mean; every woman below it is lifted toward it
    men = [29900, 30000, 30100] * 2
    women = [28400, 28500, 28600, 28500, 28500, 30500]
    rows = [(f"m{i}", "M", "A", p, 1.0) for i, p in enumerate(men)]
    rows += [(f"w{i}", "F", "A", p, 1.0) for i, p in enumerate(women)]
    frame = _frame(rows)
    work = pe.equal_work(frame, controls=[], min_per_gender=3)
    assert bool(work.table["flagged"].iloc[0]) and bool(work.table["regression_tested"].iloc[0])
    geo = math.exp(sum(math.log(v) for v in men) / len(men))
    # ≈ 30 000 − var/(2·30 000) = 30 000 − (2/3·100²)/60 000 = 29 999.889
    assert geo == pytest.approx(29999.8889, abs=1e-3)
    items = assess(work)
    lifts = items.lifts.set_index("employee_id")
    assert "w5" not in lifts.index  # 30 500 is above the men's level
    # lifting w0–w4 all the way to 29 999.89 would put the women's log mean above the men's:
    # every lift is the same share k of the distance, chosen so that (no controls) the
    # women's mean log pay equals the men's and the adjusted gap is zero
    share = lifts["lift"] / (geo - lifts["pay"])
    assert share.min() == pytest.approx(share.max()) and 0 < share.iloc[0] < 1
    after = [math.log(v + lifts["lift"].get(f"w{i}", 0.0)) for i, v in enumerate(women)]
    assert sum(after) / 6 == pytest.approx(sum(math.log(v) for v in men) / 6, abs=1e-12)
    plan = action_plan(items, frame, year=2026).table.set_index("employee_id")
    assert plan.loc["w0", "adjustment_monthly"] == math.ceil(lifts.loc["w0", "lift"] - 1e-9)
    # paid in whole kronor (rounded up), the adjusted gap is closed to within a krona
    paid = frame.set_index("employee_id")["base_salary"].add(
        plan["adjustment_monthly"], fill_value=0
    )
    gap = pe.adjusted_gap(frame.assign(base_salary=paid.loc[frame["employee_id"]].to_numpy()))
    assert 0 <= gap.gap_pct < 0.01


def test_due_year_later_than_three_years_is_refused(small):
    items = assess(_work(small), target="mean")
    ok = action_plan(items, small, year=2026, due_years={"2026-person-w1": 2029})
    assert set(ok.table["due_year"]) == {2029}
    with pytest.raises(ConfigError, match="later than 2029"):
        action_plan(items, small, year=2026, due_years={"2026-person-w1": 2030})
    # found in 2024 (last year's plan): due 2027 at the latest
    previous = pd.DataFrame({"measure_id": ["2024-person-w1"]})
    plan = action_plan(items, small, year=2026, previous=previous)
    row = plan.table.set_index("employee_id").loc["w1"]
    assert (row["measure_id"], row["first_found_year"], row["due_year"]) == (
        "2024-person-w1",
        2024,
        2027,
    )
    with pytest.raises(ConfigError, match="later than 2027"):
        action_plan(items, small, year=2026, previous=previous, due_years={"w1": 2028})


def test_budget_spreads_the_steps_and_refuses_too_little(small):
    items = assess(_work(small), target="mean")
    # costs: w1 2 000 kr × 1 × 16.8 = 33 600; w2 1 000 kr × 0.5 × 16.8 = 8 400 (a year each)
    plan = action_plan(items, small, year=2026, yearly_budget=20000)
    by = plan.table.groupby("year")["cost_yearly"].sum()
    assert (by <= 20000 + 1e-9).all()
    paid = plan.table.groupby("employee_id")["adjustment_monthly"].sum()
    assert paid.to_dict() == {"w1": 2000, "w2": 1000}
    assert plan.table["year"].max() <= 2029
    w1 = plan.table[plan.table["employee_id"] == "w1"]
    assert w1["year"].min() == 2027  # as soon as possible: the first pay review is used
    assert set(plan.table["effective_date"]) <= {"2027-04-01", "2028-04-01", "2029-04-01"}
    # 42 000 kr over the three reviews 2027–2029 needs at least 14 000 kr a year
    with pytest.raises(ConfigError, match=r"at least 14 0\d\d kr"):
        action_plan(items, small, year=2026, yearly_budget=5000)


def test_overdue_measure_is_paid_in_full_this_year(small):
    items = assess(_work(small), target="mean")
    plan = action_plan(
        items, small, year=2026, previous=pd.DataFrame({"measure_id": ["2021-person-w1"]})
    )
    row = plan.table.set_index("employee_id").loc["w1"]
    assert (row["year"], row["due_year"]) == (2027, 2024)
    assert "due before 2027" in plan.warnings[0]


def test_equal_value_group_measure_lifts_the_job_to_its_comparator():
    # F-job "N" (female-dominated) mean 30 000, comparator "E" mean 33 000, same band
    rows = [(f"n{i}", "F" if i < 4 else "M", "N", 30000, 1.0 if i else 0.5) for i in range(5)]
    rows += [(f"e{i}", "M" if i < 4 else "F", "E", 33000, 1.0) for i in range(5)]
    frame = _frame(rows).assign(job_code=lambda f: f["work_group"])
    jobs = pd.DataFrame({"job_code": ["N", "E"], "points": [300, 310]})
    ev = pe.evaluate_jobs(jobs, data=frame)
    value = pe.equal_value(frame, ev)
    assert value.table["flagged"].all()
    items = assess(pe.equal_work(frame), value)
    plan = action_plan(items, frame, year=2026, overhead=0.5)
    row = plan.table.iloc[0]
    assert (row["kind"], row["job_code"], row["comparator_job"]) == ("equal_value", "N", "E")
    assert row["measure_id"] == "2026-equal_value-/N"
    assert row["adjustment_monthly"] == 3000
    assert row["fte_total"] == 4.5 and row["n_people"] == 5
    assert row["cost_yearly"] == pytest.approx(3000 * 4.5 * 12 * 1.5)


def test_register_checks(write):
    bad = write("e.csv", HEADER + "equal_work;/A/base_salary;lön;x;;nej;;\n")
    with pytest.raises(SchemaError, match=r"e.csv, row 2: category = 'lön' is not one of"):
        load_explanations(bad)
    dup = write("d.csv", HEADER + "equal_work;/A/base_salary;other;x;;nej;;\n" * 2)
    with pytest.raises(SchemaError, match="rows 2, 3: two explanations"):
        load_explanations(dup)
    with pytest.raises(SchemaError, match="column 'gender_related' is missing"):
        load_explanations(write("m.csv", "item_kind;item_key;category;text\n"))
    with pytest.raises(DataFileError, match="no such file"):
        load_explanations(write("x.csv", "").with_name("absent.csv"))
    empty = load_explanations(write("y.csv", "").with_name("absent.csv"), explicit=False)
    assert empty.table.empty and "not found" in empty.warnings[0]
    warn = write(
        "w.csv",
        HEADER + "equal_work;/A/base_salary;marknad;Svårrekryterat;;nej;;\n"
        "equal_work;/B/base_salary;other;De har olika arbetsuppgifter;;nej;;\n",
    )
    w = load_explanations(warn).warnings
    assert "market explains '/A/base_salary' without evidence" in w[0]
    assert "regroup them through work_group" in w[1]


def test_automatic_rows_are_not_read_back(small, write, tmp_path):
    items = assess(_work(small), target="mean")
    path = tmp_path / "copied.csv"
    items.table.to_csv(path, index=False)  # the user copies data/explanations.csv as the register
    again = assess(_work(small), explanations=path, target="mean")
    t = again.table.set_index("item_key")
    assert t.loc["/B/base_salary", "source"] == "automatic"
    assert t.loc["/A/base_salary", "status"] == "unexplained"  # its empty row explains nothing


def test_orphan_explanations_are_kept_and_warned(small, write):
    reg = write("e.csv", HEADER + "equal_work;/Z/base_salary;other;x;;nej;;\n")
    items = assess(_work(small), explanations=reg, target="mean")
    assert items.table.set_index("item_key").loc["/Z/base_salary", "status"] == "no_item"
    assert any("match no item" in w for w in items.warnings)


def test_a_person_in_two_flagged_jobs_gets_two_measures():
    rows = [
        ("m1", "M", "A", 30000, 1),
        ("m2", "M", "A", 30000, 1),
        ("w1", "F", "A", 29000, 1),
        ("p", "F", "A", 28000, 0.5),
        ("m3", "M", "B", 40000, 1),
        ("m4", "M", "B", 40000, 1),
        ("w2", "F", "B", 39000, 1),
        ("p", "F", "B", 37000, 0.5),
    ]
    frame = _frame(rows)
    plan = action_plan(assess(_work(frame), target="mean"), frame, year=2026)
    p = plan.table[plan.table["employee_id"] == "p"].set_index("job_code")
    assert p.loc["A", "adjustment_monthly"] == 2000 and p.loc["B", "adjustment_monthly"] == 3000
    assert set(p["measure_id"]) == {"2026-person-p/A", "2026-person-p/B"}


def test_a_yes_on_an_unflagged_item_puts_it_in_the_plan(small, write):
    reg = write(
        "e.csv", HEADER + "equal_work;/B/base_salary;other;Lika lön men ojämn tillämpning;;ja;;\n"
    )
    frame = small.copy()
    frame.loc[frame["employee_id"] == "w4", "base_salary"] = 24800  # 99.6 %: not flagged
    items = assess(_work(frame), explanations=reg, target="mean")
    row = items.table.set_index("item_key").loc["/B/base_salary"]
    assert (bool(row["flagged"]), row["status"], bool(row["needs_action"])) == (
        False,
        "gender_related",
        True,
    )
    plan = action_plan(items, frame, year=2026)
    assert plan.table.set_index("employee_id").loc["w4", "adjustment_monthly"] == 200


def test_an_edited_automatic_row_is_read(small, tmp_path):
    items = assess(_work(small), target="mean")
    table = items.table.copy()
    b = table["item_key"] == "/A/base_salary"
    table.loc[b, ["category", "text", "gender_related"]] = ["experience", "Nyanställda", "no"]
    table.loc[b, "source"] = "missing"  # left as the run wrote it
    path = tmp_path / "e.csv"
    table.to_csv(path, index=False)
    again = assess(_work(small), explanations=path, target="mean")
    assert again.table.set_index("item_key").loc["/A/base_salary", "status"] == "explained"


def test_units_inherit_the_organisations_explanation_unless_they_have_their_own(write):
    rows = []
    for unit in ("U1", "U2"):
        rows += [(f"{unit}m{i}", "M", "A", 30000, 1) for i in range(3)]
        rows += [(f"{unit}w{i}", "F", "A", 28500, 1) for i in range(3)]
    frame = _frame(rows).assign(unit=lambda f: f["employee_id"].str[:2])
    work = [
        pe.equal_work(frame, min_per_gender=4, controls=[]),
        pe.equal_work(frame, min_per_gender=4, controls=[], by="unit"),
    ]
    reg = write(
        "e.csv",
        HEADER + "equal_work;/A/base_salary;experience;Kortare erfarenhet;;"
        "nej;;\nequal_work;U2/A/base_salary;other;Oklart i U2;;oklart;;\n",
    )
    t = assess(work, explanations=reg, target="mean").table.set_index("item_key")
    assert (t.loc["U1/A/base_salary", "source"], t.loc["U1/A/base_salary", "status"]) == (
        "inherited",
        "explained",
    )
    assert t.loc["U2/A/base_salary", "status"] == "unclear"


def test_a_single_unit_is_not_surveyed_twice(small):
    work = [_work(small), pe.equal_work(small, min_per_gender=4, controls=[], by="unit")]
    items = assess(work, target="mean").table
    assert set(items.loc[items["item_kind"] == "equal_work", "unit"]) == {""}

"""Following up last year's action plan, and the gaps year over year (payequity.actions._followup)."""

from __future__ import annotations

import json

import matplotlib
import numpy as np
import pandas as pd
import pytest

from payequity import datasets
from payequity._summary import Summary
from payequity.actions._followup import (
    FOLLOW_UP_COLUMNS,
    YEAR_OVER_YEAR_COLUMNS,
    FollowUpResult,
    follow_up,
)
from payequity.actions._history import year_over_year
from payequity.exceptions import ConfigError, DataFileError, SchemaError

matplotlib.use("Agg")

PLAN_COLUMNS = [
    "measure_id",
    "job_code",
    "employee_id",
    "comparator_job",
    "year",
    "adjustment_monthly",
    "cost_yearly",
    "first_found_year",
    "due_year",
    "kind",
    "unit",
    "item_keys",
    "n_people",
    "fte_total",
    "pay_before",
    "target_pay",
    "adjustment_total",
    "reason",
]
OVERHEAD = 0.40


def _row(mid, kind, job, *, year, adj, fte_total, pay_before, emp="", cmp="", unit="", n=1):
    return {
        "measure_id": mid,
        "job_code": job,
        "employee_id": emp,
        "comparator_job": cmp,
        "year": year,
        "adjustment_monthly": adj,
        "cost_yearly": adj * fte_total * 12 * (1 + OVERHEAD),
        "first_found_year": 2026,
        "due_year": 2028,
        "kind": kind,
        "unit": unit,
        "item_keys": emp or f"{unit}/{job}/{cmp}",
        "n_people": n,
        "fte_total": fte_total,
        "pay_before": pay_before,
        "target_pay": pay_before + 2 * adj,
        "adjustment_total": 2 * adj,
        "reason": "unexplained",
    }


# --- (a) a tiny case by hand -------------------------------------------------------------------
#
# 2026 snapshot (job A: people 1–6, job B: 7–9, job C: 10–12). Measures of the 2026 plan:
#   m1 person 1 (A): 600 kr in 2026 and 600 in 2027      → 2 % due by 2026
#   m2 person 2 (A, fte 0.5): 800 kr in 2026              → 2 % due
#   m3 person 3 (A): 500 kr in 2026; person 3 leaves      → left
#   m4 group, all of job B: 1 000 kr in 2026; 9 leaves   → 1 000 / 22 000 due
#   m5 group, job A in unit U2 (3, 5, 6): 300 kr in 2027 only → nothing due by 2026
#   m6 person 7 (B, also in m4): 200 kr in 2026; 7 gets both steps, 8 only m4's
# Without a measure and present both years: 4 (A, +2 %), 10, 11, 12 (C, +3 %): job A's general
# raise is 2 %, the organisation's the median of 2, 3, 3, 3 = 3 % (job B has nobody else).

M1, M2, M3 = "2026-person-1", "2026-person-2", "2026-person-3"
M4, M5 = "2026-equal_value-/B", "2026-equal_value-U2/A"
M6 = "2026-person-7"


def _tiny_plan() -> pd.DataFrame:
    rows = [
        _row(
            M1,
            "person",
            "A",
            emp="1",
            unit="U1",
            year=2026,
            adj=600.0,
            fte_total=1.0,
            pay_before=30000.0,
        ),
        _row(
            M1,
            "person",
            "A",
            emp="1",
            unit="U1",
            year=2027,
            adj=600.0,
            fte_total=1.0,
            pay_before=30000.0,
        ),
        _row(
            M2,
            "person",
            "A",
            emp="2",
            unit="U1",
            year=2026,
            adj=800.0,
            fte_total=0.5,
            pay_before=40000.0,
        ),
        _row(
            M3,
            "person",
            "A",
            emp="3",
            unit="U2",
            year=2026,
            adj=500.0,
            fte_total=1.0,
            pay_before=25000.0,
        ),
        _row(
            M4,
            "equal_value",
            "B",
            cmp="C",
            year=2026,
            adj=1000.0,
            fte_total=2.5,
            pay_before=22000.0,
            n=3,
        ),
        _row(
            M5,
            "equal_value",
            "A",
            cmp="C",
            unit="U2",
            year=2027,
            adj=300.0,
            fte_total=3.0,
            pay_before=30333.0,
            n=3,
        ),
        _row(
            M6,
            "person",
            "B",
            emp="7",
            unit="U1",
            year=2026,
            adj=200.0,
            fte_total=1.0,
            pay_before=20000.0,
        ),
    ]
    return pd.DataFrame(rows, columns=PLAN_COLUMNS)


def _tiny_snapshot() -> pd.DataFrame:
    people = [  # employee_id, job, unit, gender, fte, base_salary
        ("1", "A", "U1", "F", 1.0, 30000),
        ("2", "A", "U1", "F", 0.5, 40000),
        ("3", "A", "U2", "F", 1.0, 25000),
        ("4", "A", "U1", "M", 1.0, 30000),
        ("5", "A", "U2", "M", 1.0, 32000),
        ("6", "A", "U2", "F", 1.0, 34000),
        ("7", "B", "U1", "F", 1.0, 20000),
        ("8", "B", "U2", "F", 1.0, 22000),
        ("9", "B", "U2", "F", 0.5, 24000),
        ("10", "C", "U1", "M", 1.0, 50000),
        ("11", "C", "U1", "M", 1.0, 60000),
        ("12", "C", "U2", "M", 1.0, 40000),
    ]
    s = pd.DataFrame(
        people, columns=["employee_id", "job_code", "unit", "gender", "fte", "base_salary"]
    )
    s["base_salary"] = s["base_salary"].astype(float)
    s["monthly_pay"] = s["base_salary"]
    return s


def _tiny_current(**pay: float) -> pd.DataFrame:
    new = {  # 3 and 9 left, 13 is new; m5's people 5 and 6 get job A's 2 %
        "1": 30000 * 1.02 + 600,
        "2": 40000 * 1.02 + 400,
        "4": 30600,
        "5": 32640,
        "6": 34680,
        "7": 20000 * 1.03 + 1000 + 200,
        "8": 22000 * 1.03 + 1000,
        "10": 51500,
        "11": 61800,
        "12": 41200,
        "13": 40000,
    }
    new |= pay
    jobs = {
        "1": "A",
        "2": "A",
        "4": "A",
        "5": "A",
        "6": "A",
        "7": "B",
        "8": "B",
        "10": "C",
        "11": "C",
        "12": "C",
        "13": "B",
    }
    units = {
        "1": "U1",
        "2": "U1",
        "4": "U1",
        "5": "U2",
        "6": "U2",
        "7": "U1",
        "8": "U2",
        "10": "U1",
        "11": "U1",
        "12": "U2",
        "13": "U2",
    }
    return pd.DataFrame(
        {
            "employee_id": list(new),
            "job_code": [jobs[k] for k in new],
            "unit": [units[k] for k in new],
            "gender": "F",
            "base_salary": [float(round(v)) for v in new.values()],
        }
    )


def test_tiny_case_by_hand():
    res = follow_up(_tiny_plan(), _tiny_snapshot(), _tiny_current(), year=2027)
    assert isinstance(res, FollowUpResult)
    t = res.table
    assert list(t.columns) == list(FOLLOW_UP_COLUMNS)
    # one row per measure with something due by 2026, plan order (M5's step is in 2027: it is
    # followed up next year)
    assert t["measure_id"].tolist() == [M1, M2, M3, M4, M6]
    r = t.set_index("measure_id")
    assert r["status"].to_dict() == {M1: "done", M2: "partly", M3: "left", M4: "done", M6: "done"}
    assert res.counts == {"done": 3, "partly": 1, "not_done": 0, "left": 1}
    assert res.general_raise_pct == pytest.approx(3.0)

    # m1: 600 of 30 000 due (the 2027 step is not); +4 % against job A's 2 %
    assert r.loc[M1, "planned"] == pytest.approx(2.0)
    assert r.loc[M1, "realised"] == pytest.approx(2.0)
    assert r.loc[M1, "planned_kr"] == 600
    assert r.loc[M1, "realised_kr"] == pytest.approx(600)
    assert r.loc[M1, "general_raise_pct"] == pytest.approx(2.0)
    assert r.loc[M1, "cost_planned"] == pytest.approx(600 * 12 * 1.4)
    assert r.loc[M1, "cost_realised"] == pytest.approx(600 * 12 * 1.4)
    # m2: +3 % against 2 %: 1 of the 2 % due; fte 0.5
    assert r.loc[M2, "planned"] == pytest.approx(2.0)
    assert r.loc[M2, "realised"] == pytest.approx(1.0)
    assert r.loc[M2, "realised_kr"] == pytest.approx(400)
    assert r.loc[M2, "cost_planned"] == pytest.approx(800 * 0.5 * 12 * 1.4)
    assert r.loc[M2, "cost_realised"] == pytest.approx(400 * 0.5 * 12 * 1.4)
    # m3: the person left
    assert r.loc[M3, "planned"] == pytest.approx(2.0)
    assert np.isnan(r.loc[M3, "realised"])
    assert r.loc[M3, "n_people"] == 0
    assert r.loc[M3, "cost_planned"] == pytest.approx(500 * 12 * 1.4)
    # m4: 7 and 8 stayed, 9 left; beyond the organisation's 3 %, 8 got 1 000 kr and 7 got
    # 1 200 (m4 and m6 together): m4 added 1 000 a person, as percent of their mean pay
    assert r.loc[M4, "planned"] == pytest.approx(100 * 1000 / 22000)
    assert r.loc[M4, "realised"] == pytest.approx(100 * 1000 / 21000)
    assert r.loc[M4, "general_raise_pct"] == pytest.approx(3.0)
    assert r.loc[M4, "n_people"] == 2
    assert r.loc[M4, "realised_kr"] == pytest.approx(1000)
    assert r.loc[M4, "cost_planned"] == pytest.approx(1000 * 2.5 * 12 * 1.4)
    assert r.loc[M4, "cost_realised"] == pytest.approx(1000 * 2 * 12 * 1.4)
    assert "1 of 3 covered have left" in r.loc[M4, "note"]
    assert "organisation" in r.loc[M4, "note"]
    assert (r.loc[M4, "kind"], r.loc[M4, "comparator_job"], r.loc[M4, "unit"]) == (
        "equal_value",
        "C",
        "",
    )
    # m5: unit U2 of job A (3, 5, 6); nothing due by 2026; 5 and 6 got the job's 2 %
    assert M5 not in r.index
    # m6: 7's 1 200 kr beyond the general raise less m4's 1 000
    assert r.loc[M6, "realised_kr"] == pytest.approx(200)
    assert r.loc[M6, "realised"] == pytest.approx(1.0)
    assert r.loc[M6, "planned"] == pytest.approx(1.0)
    assert r.loc[M6, "general_raise_pct"] == pytest.approx(3.0)


def test_tiny_case_tolerance_floor():
    # job A's general raise is person 4's alone (the only one without a measure): the
    # interquartile range of one change is 0, so the tolerance is the floor, 0.1 percentage
    # points: 30 kr of person 1's 30 000, 40 kr of person 2's 40 000
    plan, snap = _tiny_plan(), _tiny_snapshot()

    def table(**pay):
        return follow_up(plan, snap, _tiny_current(**pay), year=2027).table.set_index("measure_id")

    assert table()["tolerance"].to_dict() == pytest.approx(
        {M1: 0.1, M2: 0.1, M3: 0.1, M4: 0.125, M6: 0.125}  # B: the organisation's, see below
    )
    assert table(**{"1": 31170.0}).loc[M1, "status"] == "done"  # 1.9 % of 2 %: 2 − 0.1
    assert table(**{"1": 31169.0}).loc[M1, "status"] == "partly"
    assert table(**{"2": 40840.0}).loc[M2, "status"] == "not_done"  # 0.1 % above the 2 %
    assert table(**{"2": 40841.0}).loc[M2, "status"] == "partly"
    assert table(**{"2": 40700.0}).loc[M2, "status"] == "not_done"  # below the general raise
    # the organisation's changes without a measure: 4 (2 %), 10, 11, 12 (3 %): quartiles 2.75
    # and 3 (linear interpolation), half the range 0.125 > 0.1; job B has nobody without one


def test_files_give_the_same_result(tmp_path):
    plan, snap, cur = _tiny_plan(), _tiny_snapshot(), _tiny_current()
    plan.to_csv(tmp_path / "action_plan.csv", index=False, lineterminator="\n")
    snap.to_csv(tmp_path / "snapshot.csv", index=False, lineterminator="\n")
    a = follow_up(plan, snap, cur, year=2027).table
    b = follow_up(
        tmp_path / "action_plan.csv", str(tmp_path / "snapshot.csv"), cur, year=2027
    ).table
    pd.testing.assert_frame_equal(a, b)
    # a fixed overhead instead of the plan's own
    c = follow_up(plan, snap, cur, year=2027, overhead=0.0).table.set_index("measure_id")
    assert c.loc[M1, "cost_realised"] == pytest.approx(600 * 12)


def test_summary_and_html():
    res = follow_up(_tiny_plan(), _tiny_snapshot(), _tiny_current(), year=2027)
    s = res.summary()
    assert isinstance(s, Summary)
    assert "3 / 1 / 0 / 1" in str(s)
    assert M2 in str(s)  # listed as not done or partly done
    assert res._repr_html_() == s._repr_html_()
    assert "<FollowUpResult 2026 plan: 5 measures" in repr(res)


def test_bad_inputs_are_refused_with_the_fix(tmp_path):
    plan, snap, cur = _tiny_plan(), _tiny_snapshot(), _tiny_current()
    with pytest.raises(SchemaError, match="column 'pay_before' is missing"):
        follow_up(plan.drop(columns="pay_before"), snap, cur, year=2027)
    snap.drop(columns="fte").to_csv(tmp_path / "snapshot.csv", index=False)
    with pytest.raises(SchemaError, match=r"snapshot\.csv: column 'fte' is missing"):
        follow_up(plan, tmp_path / "snapshot.csv", cur, year=2027)
    with pytest.raises(SchemaError, match="'base_salary'"):
        follow_up(plan, snap, cur.drop(columns="base_salary"), year=2027)
    with pytest.raises(ConfigError, match="step in 2026, before 2027"):
        follow_up(plan, snap, cur, year=2028)  # a 2026 plan is not the plan of 2027
    with pytest.raises(ConfigError, match="found in 2026, after 2025"):
        follow_up(plan, snap, cur, year=2026)
    with pytest.raises(DataFileError, match="employee 1 in job A, who is not in it"):
        follow_up(plan, snap[snap["employee_id"] != "1"], cur, year=2027)
    bad = plan.copy()
    bad.loc[0, "kind"] = "group"
    with pytest.raises(DataFileError, match="row 2: kind = 'group'"):
        follow_up(bad, snap, cur, year=2027)
    for err in (SchemaError, ConfigError, DataFileError):
        assert issubclass(err, ValueError)


def test_person_measure_takes_the_shared_lift_first():
    plan = _tiny_plan()
    plan = plan[plan["measure_id"].isin([M1, M6]) | (plan["measure_id"] == M4)].copy()
    plan.loc[plan["measure_id"] == M4, "unit"] = "U1"  # m4 now covers 7 alone, as m6 does
    r = follow_up(plan, _tiny_snapshot(), _tiny_current(), year=2027).table.set_index("measure_id")
    # 8 now has no measure: job B's general raise is 8's, 23 660 / 22 000; 7's lift beyond it
    lift = 21800 - 20000 * 23660 / 22000  # 290.91 kr
    # the person measure m6 takes it first, up to the 200 kr it planned; m4 the rest
    assert (r.loc[M4, "planned_kr"], r.loc[M6, "planned_kr"]) == (1000, 200)
    assert r.loc[M6, "realised_kr"] == pytest.approx(200)
    assert r.loc[M4, "realised_kr"] == pytest.approx(lift - 200)
    assert r.loc[M4, "realised"] == pytest.approx(100 * (lift - 200) / 20000)  # 0.45 %
    # one person without a measure in job B: tolerance 0.1; m4 planned 1000 / 22 000 = 4.5 %
    assert r.loc[M4, "tolerance"] == pytest.approx(0.1)
    assert r[["status"]].loc[[M6, M4], "status"].tolist() == ["done", "partly"]
    assert f"shares people with {M6}: their lift counts there first" in r.loc[M4, "note"]
    assert f"shares people with {M4}: the lift counts here first" in r.loc[M6, "note"]
    assert "shares" not in r.loc[M1, "note"]


def test_person_who_changed_job_counts_as_left():
    cur = _tiny_current()
    cur.loc[cur["employee_id"] == "1", "job_code"] = "C"
    r = follow_up(_tiny_plan(), _tiny_snapshot(), cur, year=2027).table.set_index("measure_id")
    assert r.loc[M1, "status"] == "left"
    assert "now in job C" in r.loc[M1, "note"]


# --- (b) the test: two generated years -------------------------------------------------


def _person_rows(people: pd.DataFrame, adj: float = 1500.0) -> pd.DataFrame:
    rows = []
    for r in people.itertuples():
        for y in range(2026, 2030):
            row = _row(
                f"2026-person-{r.employee_id}",
                "person",
                r.job_code,
                emp=r.employee_id,
                unit=r.unit_path,
                year=y,
                adj=adj,
                fte_total=r.fte,
                pay_before=r.base_salary,
            )
            rows.append(
                row
                | {
                    "due_year": 2029,
                    "target_pay": r.base_salary + 4 * adj,
                    "adjustment_total": 4 * adj,
                }
            )
    return pd.DataFrame(rows, columns=PLAN_COLUMNS)


@pytest.fixture(scope="module")
def two_years():
    y2026 = datasets.generate(600, seed=1)
    probe = datasets.generate(seed=1, year=2027, previous=y2026)  # the same draws, no plan
    f = y2026.frame
    stayers = f[f["employee_id"].isin(probe.frame["employee_id"]) & ~f["is_manager"]]
    job = stayers["job_code"].value_counts().index[0]  # the biggest job: others set its raise
    people = stayers[stayers["job_code"] == job].sort_values("employee_id").head(3)
    return y2026, probe, people


def test_follow_up_finds_done_partly_and_not_done_between_two_generated_years(two_years):
    y2026, probe, people = two_years
    plan = _person_rows(people)
    m1, m2, m3 = (f"2026-person-{e}" for e in people["employee_id"])
    realise = {m1: 1.0, m2: 0.5, m3: 0.0}
    y2027 = datasets.generate(seed=1, year=2027, previous=y2026, plan=plan, realise=realise)
    assert y2027.reference_date.year == 2027
    assert set(people["employee_id"]) <= set(y2027.frame["employee_id"])  # they stayed
    # the plan touches nobody else: every other pay, and every other person, as without it
    a = probe.frame.set_index("employee_id")["base_salary"]
    b = y2027.frame.set_index("employee_id")["base_salary"]
    assert a.index.equals(b.index)
    assert set(a.index[a != b]) <= set(people["employee_id"])

    snapshot = y2026.frame[
        ["employee_id", "job_code", "unit", "gender", "fte", "base_salary", "monthly_pay"]
    ]
    res = follow_up(plan, snapshot, y2027, year=2027)
    t = res.table.set_index("measure_id")
    assert t["status"].to_dict() == {m1: "done", m2: "partly", m3: "not_done"}
    assert res.counts == {"done": 1, "partly": 1, "not_done": 1, "left": 0}
    old = people.set_index("employee_id")["base_salary"]
    for mid, frac in realise.items():
        pay = old[mid.rsplit("-", 1)[1]]
        tolerance = 100 / pay
        assert t.loc[mid, "planned"] == pytest.approx(100 * 1500 / pay)
        assert abs(t.loc[mid, "realised"] - frac * t.loc[mid, "planned"]) <= tolerance / 2
        assert abs(t.loc[mid, "realised_kr"] - frac * 1500) <= 0.5 + 1e-9
    assert t["n_people"].tolist() == [1, 1, 1]
    assert t["cost_planned"].tolist() == pytest.approx([1500 * f * 12 * 1.4 for f in people["fte"]])


def test_generated_group_measure_and_leavers():
    prev, _ = datasets.generate_frame(500, seed=4)
    probe, _ = datasets.generate_frame(seed=4, year=2027, previous_frame=prev)
    job = datasets.EQUAL_VALUE_JOB
    scope = prev[prev["job_code"] == job]
    plan = pd.DataFrame(
        [
            _row(
                "2026-equal_value-/fd",
                "equal_value",
                job,
                cmp=datasets.EQUAL_VALUE_COMPARATOR,
                year=2026,
                adj=900.0,
                fte_total=float(scope["fte"].sum()),
                pay_before=float(scope["base_salary"].mean()),
                n=len(scope),
            ),
            _row(
                "2026-person-x",
                "person",
                "A",
                emp="x",
                year=2026,
                adj=1.0,
                fte_total=1.0,
                pay_before=1.0,
            ),
        ],
        columns=PLAN_COLUMNS,
    )
    with pytest.raises(DataFileError, match="employee x in job A"):
        datasets.generate_frame(seed=4, year=2027, previous_frame=prev, plan=plan)
    plan = plan.iloc[:1]
    mid = plan["measure_id"].iloc[0]
    nxt, _ = datasets.generate_frame(
        seed=4, year=2027, previous_frame=prev, plan=plan, realise={mid: 0.5}
    )
    assert nxt["employee_id"].tolist() == probe["employee_id"].tolist()
    left = ~scope["employee_id"].isin(nxt["employee_id"])
    assert 0 < left.sum() < len(scope)  # some of the job left (the test needs both)
    res = follow_up(plan, prev, nxt, year=2027)
    row = res.table.iloc[0]
    assert row["status"] == "partly"
    assert row["n_people"] == (~left).sum()
    assert f"{left.sum()} of {len(scope)} covered have left" in row["note"]
    # every stayer got the organisation's raise plus half the step, to the krona
    stay = scope[~left].set_index("employee_id")["base_salary"]
    now = nxt.set_index("employee_id")["base_salary"].reindex(stay.index)
    g = res.table.iloc[0]["general_raise_pct"] / 100
    assert np.abs(now - (stay * (1 + g) + 450)).max() <= 0.5 + 1e-6
    # without realise, the plan is paid in full
    full, _ = datasets.generate_frame(seed=4, year=2027, previous_frame=prev, plan=plan)
    assert follow_up(plan, prev, full, year=2027).table.iloc[0]["status"] == "done"


def test_generate_refuses_bad_realise(two_years):
    y2026, _, people = two_years
    plan = _person_rows(people)
    mid = plan["measure_id"].iloc[0]
    with pytest.raises(ValueError, match="'2026-person-nobody', which is not in the plan"):
        datasets.generate(
            seed=1, year=2027, previous=y2026, plan=plan, realise={"2026-person-nobody": 1.0}
        )
    with pytest.raises(ValueError, match=r"fraction in \[0, 1\], got 1.5"):
        datasets.generate(seed=1, year=2027, previous=y2026, plan=plan, realise={mid: 1.5})
    with pytest.raises(ValueError, match="realise needs the plan"):
        datasets.generate(seed=1, year=2027, previous=y2026, realise={mid: 1.0})
    with pytest.raises(ValueError, match="plan needs previous_frame"):
        datasets.generate_frame(300, seed=1, plan=plan)
    with pytest.raises(ConfigError, match="before 2027"):
        datasets.generate(
            seed=1,
            year=2028,
            previous=datasets.generate(seed=1, year=2027, previous=y2026),
            plan=plan,
        )


# --- (c) year over year ------------------------------------------------------------------------


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def archive(tmp_path):
    a = tmp_path / "archive"
    gap25 = {
        "raw_mean_gap_pct": -6.0,
        "raw_median_gap_pct": -4.0,
        "adjusted_gap_pct": -2.0,
        "ci_low": -3.0,
        "ci_high": -1.0,
        "p_value": 0.001,
        "n": 100,
        "oaxaca": {"explained": -0.03},
    }
    _write(a / "2025/data/org_gap.json", json.dumps(gap25))
    _write(
        a / "2025/data/equal_work.csv",
        "unit,work_group,pay_measure,flagged\n,1,base_salary,True\n,1,monthly_pay,True\n"
        ",2,base_salary,False\nX,1,base_salary,True\n",
    )
    _write(
        a / "2025/data/equal_value.csv",
        "unit,female_dominated_job,comparator_job,flagged\n,1,2,True\n,3,2,False\nX,1,2,True\n",
    )
    _write(
        a / "2025/data/action_plan.csv",
        "measure_id,year,cost_yearly\nm1,2025,100.5\nm1,2026,100\nm2,2025,50\n",
    )
    gap26 = {
        "raw_mean_gap_pct": -5.0,
        "raw_median_gap_pct": -3.5,
        "adjusted_gap_pct": -1.5,
        "ci_low": None,
        "ci_high": None,
    }
    _write(a / "2026/data/org_gap.json", json.dumps(gap26))
    _write(
        a / "2026/data/equal_work.csv",
        "unit,work_group,pay_measure,flagged\n,1,base_salary,False\n",
    )
    _write(a / "notes/readme.txt", "not a year")
    _write(a / "2030/data/org_gap.json", json.dumps(gap25))  # after this year: left out
    return a


def test_year_over_year_by_hand(archive):
    ev = pd.DataFrame({"unit": [np.nan, "", "Y"], "flagged": [True, True, True]})
    plan = pd.DataFrame(
        {
            "measure_id": ["a", "a", "b", "c"],
            "year": [2027, 2028, 2027, 2028],
            "cost_yearly": [10.0, 10.0, 5.0, 7.0],
        }
    )
    current = {
        "org_gap": {
            "raw_mean_gap_pct": -4.0,
            "raw_median_gap_pct": -3.0,
            "adjusted_gap_pct": -1.0,
            "ci_low": -1.5,
            "ci_high": -0.5,
        },
        "equal_work": pd.DataFrame({"unit": ["", ""], "flagged": [True, True]}),
        "equal_value": ev,
        "action_plan": plan,
    }
    res = year_over_year(archive, year=2027, current=current)
    nan = np.nan
    expected = pd.DataFrame(
        [
            # 2025: group 1 is flagged on both pay measures: one comparison
            # plan cost: every step's yearly cost, 100.5 + 100 + 50 (2025); 10 + 10 + 5 + 7 (2027)
            [2025, -6.0, -4.0, -2.0, -3.0, -1.0, 1.0, 1.0, 2.0, 250.5],
            [2026, -5.0, -3.5, -1.5, nan, nan, 0.0, nan, nan, nan],
            [2027, -4.0, -3.0, -1.0, -1.5, -0.5, 2.0, 2.0, 3.0, 32.0],
        ],
        columns=list(YEAR_OVER_YEAR_COLUMNS),
    )
    pd.testing.assert_frame_equal(res.table, expected)
    assert res.missing == {2026: ["equal_value.csv", "action_plan.csv"]}
    assert "2025, 2026, 2027" in str(res.summary())
    # without current, this year's archived folder (if any) is read; later ones never
    only = year_over_year(archive, year=2026)
    assert only.table["year"].tolist() == [2025, 2026]
    assert year_over_year(archive.parent / "none", year=2027).table.empty


def test_year_over_year_chart(archive, tmp_path):
    import matplotlib.pyplot as plt

    current = {
        "org_gap": {
            "raw_mean_gap_pct": -4.0,
            "raw_median_gap_pct": -3.0,
            "adjusted_gap_pct": -1.0,
            "ci_low": -1.5,
            "ci_high": -0.5,
        }
    }
    res = year_over_year(archive, year=2027, current=current)
    ax = res.plot()
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2025", "2026", "2027"]
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels[0] == "Ojusterat, medellön (2027: −4,0\u00a0%)"
    assert len(labels) == 4  # three lines and the confidence band
    ax.figure.canvas.draw()
    ticks = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
    assert any("\u00a0%" in t and "−" in t for t in ticks)
    ax.figure.savefig(tmp_path / "yoy.png")
    plt.close(ax.figure)
    en = res.plot(language="en")
    assert en.get_legend().get_texts()[2].get_text() == "Adjusted (regression) (2027: −1.0%)"
    plt.close(en.figure)
    one = year_over_year(tmp_path / "empty", year=2027, current=current).plot()
    assert [t.get_text() for t in one.get_xticklabels()] == ["2027"]
    plt.close(one.figure)

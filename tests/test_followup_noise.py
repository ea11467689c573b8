"""The follow-up's revised rules (DESIGN §7 follow_up.csv): steps due by effective_date, the
person measure first in an overlap, and a tolerance from the spread of the general raise, so
that rounding noise does not turn not done into partly (payequity.actions._followup/_realised).
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

import payequity as pe
from payequity import datasets
from payequity.actions import PLAN_COLUMNS
from payequity.actions._followup import FOLLOW_UP_COLUMNS, follow_up
from payequity.exceptions import ConfigError, DataFileError
from payequity.io import PayData

COLUMNS = PLAN_COLUMNS
OVERHEAD = 0.40


def _step(mid, kind, job, *, eff, adj, pay_before, fte_total=1.0, emp="", cmp="", n=1):
    """One row of a 2026 plan (the new format): the step takes effect on ``eff``."""
    return {
        "measure_id": mid,
        "job_code": job,
        "employee_id": emp,
        "comparator_job": cmp,
        "year": int(eff[:4]),
        "adjustment_monthly": adj,
        "cost_yearly": adj * fte_total * 12 * (1 + OVERHEAD),
        "first_found_year": 2026,
        "due_year": 2028,
        "effective_date": eff,
        "responsible": "HR",
        "kind": kind,
        "unit": "",
        "item_keys": emp or f"/{job}/{cmp}",
        "n_people": n,
        "fte_total": fte_total,
        "pay_before": pay_before,
        "target_pay": pay_before + adj,
        "adjustment_total": adj,
        "reason": "unexplained",
    }


# --- a tiny two-job case, every figure by hand -------------------------------------------------
#
# 2026 snapshot: job A a1–a6 at 30 000, job B b1–b4 at 20 000, job C c1–c3 at 40 000.
# The 2026 plan (followed up in 2027, reference date 2027-09-01):
#   PA person a1: 1 500 kr effective 2027-04-01 (due) and 500 kr effective 2027-10-01 (not due)
#   GB group, all of job B: 600 kr effective 2026-12-01 (due); b4 leaves
#   PB person b1 (inside GB): 900 kr effective 2027-04-01 (due)
#   NB person b2 (inside GB): 300 kr effective 2027-11-01: nothing due, not in the table
# Changes 2026 → 2027 of the people without a measure:
#   job A: a2–a6 +1, +2, +2.5, +3, +5 %: median 2.5; quartiles 2 and 3 → tolerance 0.5
#   job C: c1–c3 +3, +3, +4 % (nobody in C has a measure)
#   organisation: 1, 2, 2.5, 3, 3, 3, 4, 5: median 3; quartiles (linear) 2.375 and 3.25 →
#   tolerance 0.875 / 2 = 0.4375. Job B has nobody without a measure: it takes these.
PA, GB, PB, NB = "2026-person-a1", "2026-equal_value-/B", "2026-person-b1", "2026-person-b2"


def _plan() -> pd.DataFrame:
    rows = [
        _step(PA, "person", "A", emp="a1", eff="2027-04-01", adj=1500.0, pay_before=30000.0),
        _step(PA, "person", "A", emp="a1", eff="2027-10-01", adj=500.0, pay_before=30000.0),
        _step(GB, "equal_value", "B", cmp="A", eff="2026-12-01", adj=600.0, pay_before=20000.0)
        | {"fte_total": 4.0, "n_people": 4, "cost_yearly": 600 * 4 * 12 * 1.4},
        _step(PB, "person", "B", emp="b1", eff="2027-04-01", adj=900.0, pay_before=20000.0),
        _step(NB, "person", "B", emp="b2", eff="2027-11-01", adj=300.0, pay_before=20000.0),
    ]
    return pd.DataFrame(rows, columns=COLUMNS)


def _snapshot() -> pd.DataFrame:
    pay = {"A": 30000.0, "B": 20000.0, "C": 40000.0}
    ids = [f"a{i}" for i in range(1, 7)] + [f"b{i}" for i in range(1, 5)] + ["c1", "c2", "c3"]
    return pd.DataFrame(
        {
            "employee_id": ids,
            "job_code": [i[0].upper() for i in ids],
            "unit": "U",
            "gender": "F",
            "fte": 1.0,
            "base_salary": [pay[i[0].upper()] for i in ids],
        }
    )


def _current(**pay: float) -> pd.DataFrame:
    new = {
        "a1": 30000 * 1.025 + 1400,  # A's 2.5 % and 1 400 of the 1 500 kr due: 32 150
        "a2": 30300.0,
        "a3": 30600.0,
        "a4": 30750.0,
        "a5": 30900.0,
        "a6": 31500.0,
        "b1": 20000 * 1.03 + 1500,  # the organisation's 3 %, PB's 900 and GB's 600: 22 100
        "b2": 20000 * 1.03 + 600,
        "b3": 20000 * 1.03 + 550,
        "c1": 41200.0,
        "c2": 41200.0,
        "c3": 41600.0,
    } | pay
    return pd.DataFrame(
        {
            "employee_id": list(new),
            "job_code": [k[0].upper() for k in new],
            "base_salary": [float(round(v)) for v in new.values()],
        }
    )


def _table(plan=None, current=None, **kw) -> pd.DataFrame:
    plan = _plan() if plan is None else plan
    current = _current() if current is None else current
    res = follow_up(plan, _snapshot(), current, year=2027, **kw)
    return res.table.set_index("measure_id")


def test_two_jobs_by_hand():
    res = follow_up(_plan(), _snapshot(), _current(), year=2027)
    assert list(res.table.columns) == list(FOLLOW_UP_COLUMNS)
    assert list(FOLLOW_UP_COLUMNS[:5]) == [
        "measure_id",
        "job_code",
        "planned",
        "realised",
        "status",
    ]
    assert FOLLOW_UP_COLUMNS[-1] == "tolerance"
    assert res.settings["reference_date"] == "2027-09-01"  # no date in a DataFrame: 1 September
    assert res.general_raise_pct == pytest.approx(3.0)
    t = res.table.set_index("measure_id")
    assert t.index.tolist() == [PA, GB, PB]  # NB has nothing due
    # PA: 1 500 of 30 000 due = 5 %; realised 1 400 / 30 000 = 4.667 ≥ 5 − 0.5 → done
    # (the old one-krona rule said partly)
    assert t.loc[PA, "planned"] == pytest.approx(5.0)
    assert t.loc[PA, "planned_kr"] == 1500
    assert t.loc[PA, "cost_planned"] == pytest.approx(1500 * 12 * 1.4)
    assert t.loc[PA, "realised"] == pytest.approx(100 * 1400 / 30000)
    assert t.loc[PA, "general_raise_pct"] == pytest.approx(2.5)
    assert t.loc[PA, "tolerance"] == pytest.approx(0.5)
    # PB: b1's lift is 1 500 beyond the 3 %; PB takes its 900 first: 4.5 % of 4.5 % → done
    assert t.loc[PB, "realised_kr"] == pytest.approx(900)
    assert t.loc[PB, "realised"] == pytest.approx(4.5)
    assert t.loc[PB, "tolerance"] == pytest.approx(0.4375)
    # GB: b1's remaining 600, b2's 600 (NB, not due, takes nothing), b3's 550; b4 left
    assert t.loc[GB, "realised_kr"] == pytest.approx((600 + 600 + 550) / 3)
    assert t.loc[GB, "realised"] == pytest.approx(100 * 1750 / 3 / 20000)  # 2.917 ≥ 3 − 0.4375
    assert t.loc[GB, "planned"] == pytest.approx(3.0)
    assert t.loc[GB, "tolerance"] == pytest.approx(0.4375)
    assert t.loc[GB, "n_people"] == 3
    assert t.loc[GB, "cost_realised"] == pytest.approx(1750 / 3 * 3 * 12 * 1.4)
    assert t["status"].to_dict() == {PA: "done", GB: "done", PB: "done"}
    assert "general raise of the organisation" in t.loc[GB, "note"]
    assert "1 of 4 covered have left" in t.loc[GB, "note"]
    assert f"shares people with {PB}: their lift counts there first" in t.loc[GB, "note"]
    assert f"shares people with {GB}: the lift counts here first" in t.loc[PB, "note"]


def test_the_tolerance_decides_done_partly_and_not_done():
    def status(mid, **pay):
        return _table(current=_current(**pay)).loc[mid, "status"]

    # PA, due 5 %, tolerance 0.5 (150 kr of 30 000) above A's 30 750
    assert status(PA, a1=30750 + 1350) == "done"  # 4.5 = 5 − 0.5
    assert status(PA, a1=30750 + 1349) == "partly"
    assert status(PA, a1=30750 + 151) == "partly"
    assert status(PA, a1=30750 + 150) == "not_done"  # 0.5 = the tolerance
    assert status(PA, a1=30750 - 500) == "not_done"
    # b1 lifted 1 000: PB takes 900 (done), GB gets 100 from b1: (100 + 600 + 550) / 3 =
    # 416.7 kr = 2.08 %, between 0.4375 and 3 − 0.4375 → partly
    t = _table(current=_current(b1=20600 + 1000))
    assert t.loc[PB, "status"] == "done"
    assert t.loc[GB, "realised"] == pytest.approx(100 * 1250 / 3 / 20000)
    assert t.loc[GB, "status"] == "partly"
    # b1 lifted 700: all of it is PB's (3.5 % of 4.5: partly), nothing left for GB from b1
    t = _table(current=_current(b1=20600 + 700))
    assert (t.loc[PB, "realised"], t.loc[PB, "status"]) == (pytest.approx(3.5), "partly")
    assert t.loc[GB, "realised_kr"] == pytest.approx((0 + 600 + 550) / 3)
    # b1 got less than the general raise: PB takes the whole (negative) lift, GB nothing
    t = _table(current=_current(b1=20600 - 200))
    assert t.loc[PB, "realised_kr"] == pytest.approx(-200)
    assert t.loc[PB, "status"] == "not_done"
    assert t.loc[GB, "realised_kr"] == pytest.approx((0 + 600 + 550) / 3)
    # nothing done anywhere in job B: each 20 600 give or take the tolerance's 87 kr
    t = _table(current=_current(b1=20600 + 80, b2=20600 - 80, b3=20600 + 87))
    assert t.loc[[PB, GB], "status"].tolist() == ["not_done", "not_done"]


def test_due_steps_follow_the_reference_date():
    # 1 October: PA's second step (2027-10-01) is due too: 2 000 kr = 6.67 %; 4.67 is partly
    t = _table(reference_date="2027-10-01")
    assert t.loc[PA, "planned_kr"] == 2000
    assert t.loc[PA, "planned"] == pytest.approx(100 * 2000 / 30000)
    assert t.loc[PA, "status"] == "partly"
    # the same from the reference date of a PayData
    frame = _current().assign(gender="F", unit="U")
    data = PayData.from_frame(frame, reference_date="2027-10-01")
    pd.testing.assert_frame_equal(_table(current=data), t)
    # an explicit date wins over the data's
    assert _table(current=data, reference_date="2027-09-01").loc[PA, "planned_kr"] == 1500
    # 31 March: only GB's step (2026-12-01) is due; b1's whole 1 500 counts for GB
    t = _table(reference_date=date(2027, 3, 31))
    assert t.index.tolist() == [GB]
    assert t.loc[GB, "realised_kr"] == pytest.approx((1500 + 600 + 550) / 3)
    assert t.loc[GB, "status"] == "done"
    with pytest.raises(ConfigError, match="reference_date must be a date like 2027-09-01"):
        _table(reference_date="1 September")


def test_a_plan_without_effective_date_takes_31_december_of_the_year():
    old = _plan().drop(columns=["effective_date", "responsible"])
    # PA and PB (year 2027) fall due on 2027-12-31, after 2027-09-01; GB (2026) is due
    t = _table(plan=old)
    assert t.index.tolist() == [GB]
    pd.testing.assert_frame_equal(t, _table(reference_date="2027-03-31"))
    # a blank cell is the same as no column
    blank = _plan().assign(effective_date="")
    pd.testing.assert_frame_equal(_table(plan=blank), t)
    bad = _plan()
    bad.loc[2, "effective_date"] = "1/4/2027"
    with pytest.raises(DataFileError, match="row 4: effective_date = '1/4/2027' is not a date"):
        _table(plan=bad)


def test_files_give_the_same_result(tmp_path):
    _plan().to_csv(tmp_path / "action_plan.csv", index=False)
    _snapshot().to_csv(tmp_path / "snapshot.csv", index=False)
    a = follow_up(tmp_path / "action_plan.csv", tmp_path / "snapshot.csv", _current(), year=2027)
    pd.testing.assert_frame_equal(a.table.set_index("measure_id"), _table())


# --- the issue: a generated next year with rounding noise ---------------------------------------
#
# Year one: 3 000 generated employees. Three jobs each get a group measure of 4 % of the job's
# mean pay (effective 2027-04-01; a second, equal step on 2027-10-01 is not due yet) and a person
# measure of 10 % for three women in them who stay. Job 1's plan is carried out fully, job 2's
# half, job 3's not at all. Then noise: every stayer's raise ± 0.3 % (uniform), every pay to the
# nearest 100 kr.
#   job 1: a woman's lift is P + G: her person measure takes P (exactly what it planned: done);
#          G is left for the group measure → done.
#   job 2: a woman's lift is (P + G) / 2 ≈ 7 % < P = 10 %: all of it is her person measure's:
#          7 of 10 % → partly; the group gets G / 2 = 2 % from everybody else → partly.
#   job 3: lifts are noise only (|·| ≤ ~0.5 %) under a tolerance of ~0.8 → not_done.
# Every job is covered by its group measure, so all three take the organisation's general raise
# and tolerance from everyone else who stays.


def _noisy(data: PayData, previous: PayData, seed: int) -> PayData:
    rng = np.random.default_rng(seed)
    f = data.frame.copy()
    old = f["employee_id"].map(previous.frame.set_index("employee_id")["base_salary"])
    scatter = rng.uniform(-0.003, 0.003, len(f))
    pay = np.where(old.notna(), old * (f["base_salary"] / old + scatter), f["base_salary"])
    f["base_salary"] = np.round(pay / 100) * 100
    return PayData.from_frame(f, reference_date=data.reference_date)


@pytest.fixture(scope="module")
def year_one():
    y2026 = datasets.generate(3000, seed=2)
    probe = datasets.generate(seed=2, year=2027, previous=y2026)  # the same leavers as with a plan
    return y2026, set(probe.frame["employee_id"])


def _noise_plan(y2026: PayData, stays: set[str]) -> tuple[pd.DataFrame, list[str]]:
    f = y2026.frame
    big = f.groupby("job_code").size()
    jobs = [str(j) for j in big[big >= 40].index[:3]]
    rows = []
    for job in jobs:
        scope = f[f["job_code"] == job]
        mean = float(scope["base_salary"].mean())
        for eff in ("2027-04-01", "2027-10-01"):
            g = _step(
                f"2026-equal_value-/{job}",
                "equal_value",
                job,
                cmp="X",
                eff=eff,
                adj=float(round(0.04 * mean)),
                pay_before=mean,
                fte_total=float(scope["fte"].sum()),
                n=len(scope),
            )
            rows.append(g)
        women = scope[scope["employee_id"].isin(stays) & scope["gender"].eq("F")]
        for r in women.sort_values("employee_id").head(3).itertuples():
            rows.append(
                _step(
                    f"2026-person-{r.employee_id}",
                    "person",
                    job,
                    emp=r.employee_id,
                    eff="2027-04-01",
                    adj=float(round(0.10 * r.base_salary)),
                    pay_before=float(r.base_salary),
                    fte_total=float(r.fte),
                )
            )
    return pd.DataFrame(rows, columns=COLUMNS), jobs


def test_rounding_noise_gives_done_partly_and_not_done(year_one):
    y2026, stays = year_one
    plan, jobs = _noise_plan(y2026, stays)
    share = dict(zip(jobs, (1.0, 0.5, 0.0), strict=True))
    measures = plan.drop_duplicates("measure_id").set_index("measure_id")["job_code"]
    realise = {m: share[j] for m, j in measures.items()}
    exact = datasets.generate(seed=2, year=2027, previous=y2026, plan=plan, realise=realise)
    assert exact.reference_date == date(2027, 9, 1)
    y2027 = _noisy(exact, y2026, seed=7)
    res = follow_up(plan, y2026.frame, y2027, year=2027)
    t = res.table.set_index("measure_id")
    assert len(t) == 12 and (t["n_people"] > 0).all()
    expected = {job: s for job, s in zip(jobs, ("done", "partly", "not_done"), strict=True)}
    assert t["status"].to_dict() == {m: expected[measures[m]] for m in t.index}
    # only the first group step (4 %) was due, and the generator realised only that one
    group = t[t["kind"] == "equal_value"]
    assert group["planned"].to_numpy() == pytest.approx([4.0] * 3, abs=0.01)
    assert group["realised"].to_numpy() == pytest.approx([4.0, 1.85, 0.0], abs=0.35)
    # job 1's women: their person measure got exactly what it planned; job 2's about 7 of 10 %
    person = t[t["kind"] == "person"]
    first = person[person["job_code"] == jobs[0]]
    assert first["realised"].to_numpy() == pytest.approx(first["planned"].to_numpy())
    second = person[person["job_code"] == jobs[1]]
    assert second["realised"].to_numpy() == pytest.approx([7.0] * 3, abs=1.0)
    # the general raise and tolerance: the median and half the interquartile range of the
    # changes of everyone who stayed outside the three jobs
    before = y2026.frame.set_index("employee_id")
    after = y2027.frame.set_index("employee_id")
    others = [e for e in after.index if e in before.index and before.at[e, "job_code"] not in jobs]
    change = 100 * (after.loc[others, "base_salary"] / before.loc[others, "base_salary"] - 1)
    q1, q3 = np.percentile(change, [25, 75])
    assert res.general_raise_pct == pytest.approx(float(np.median(change)))
    assert t["tolerance"].to_numpy() == pytest.approx([max(0.1, (q3 - q1) / 2)] * 12)
    assert 0.6 < t["tolerance"].iloc[0] < 1.0
    # job 1's group measure fell short of its plan by more than one krona, in noise alone:
    # the old rule (tolerance one krona) called it partly
    g1 = group[group["job_code"] == jobs[0]].iloc[0]
    assert g1["realised"] < g1["planned"] - 100 / plan["pay_before"].iloc[0]


def test_real_plan_with_noise(year_one):
    # the plan the survey makes (assess → action_plan; steps effective 2027-04-01, or of year
    # 2026 for a plan without effective_date): job 201010 has an organisation-wide group measure
    # and person measures inside it, carried out fully; 351015 has only person measures, not
    # carried out at all; the rest of the plan half
    y2026, _ = year_one
    ev = pe.evaluate_jobs("data/sample/job_evaluation.csv", data=y2026)
    work = [pe.equal_work(y2026), pe.equal_work(y2026, by="unit")]
    value = [pe.equal_value(y2026, ev), pe.equal_value(y2026, ev, by="unit")]
    plan = pe.action_plan(pe.assess(work, value), y2026, year=2026).table
    measures = plan.drop_duplicates("measure_id").set_index("measure_id")
    share = {"201010": 1.0, "351015": 0.0}
    realise = {m: share.get(j, 0.5) for m, j in measures["job_code"].items()}
    exact = datasets.generate(seed=2, year=2027, previous=y2026, plan=plan, realise=realise)
    t = follow_up(plan, y2026.frame, _noisy(exact, y2026, seed=11), year=2027).table
    t = t[t["status"] != "left"].set_index("measure_id")
    full = t[t["job_code"] == "201010"]
    assert "equal_value" in set(full["kind"]) and (full["kind"] == "person").sum() >= 5
    assert (full["status"] == "done").all()
    none = t[t["job_code"] == "351015"]
    clear = none["planned"] > 2 * none["tolerance"]  # else done and not done are one
    assert clear.sum() >= 20
    assert (none.loc[clear, "status"] == "not_done").all()
    assert none.loc[~clear, "note"].str.contains("cannot be told apart").all()
    half = t[~t["job_code"].isin(list(share))]
    big = half["planned"] > 2 * half["tolerance"] + 2  # half of it is well inside both
    assert big.sum() >= 10
    assert (half.loc[big, "status"] == "partly").all()

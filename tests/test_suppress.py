"""Small-cell suppression of the equal-work table (DESIGN §5): hand cases, and an attack that
tries to recover each suppressed mean from the organisation-vs-units margins of the sample."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from payequity.exceptions import ParameterError
from payequity.privacy._suppress import suppress_equal_work


def _table(n_women, n_men, mean_women, mean_men, units=None):
    k = len(n_women)
    return pd.DataFrame(
        {
            "unit": units or [""] + [f"U{i}" for i in range(1, k)],
            "work_group": "101010",
            "pay_measure": "base_salary",
            "n_women": n_women,
            "n_men": n_men,
            "mean_women": mean_women,
            "mean_men": mean_men,
            "median_women": mean_women,
            "median_men": mean_men,
            "p10_women": mean_women,
            "p90_women": mean_women,
            "min_men": mean_men,
            "max_men": mean_men,
            "women_pct_of_men": [100 * a / b for a, b in zip(mean_women, mean_men, strict=True)],
        }
    )


def test_a_gender_below_min_cell_loses_its_figures_and_the_gap():
    t = _table([30, 3, 27], [30, 12, 18], [30000.0, 31000.0, 29900.0], [32000.0] * 3)
    s = suppress_equal_work(t, min_cell=5).table
    assert math.isnan(s.at[1, "mean_women"]) and math.isnan(s.at[1, "median_women"])
    assert math.isnan(s.at[1, "women_pct_of_men"])  # the gap and men's mean give women's back
    # the 12 men's mean goes too: the plan raises the 3 women to it (DESIGN §5: either gender)
    assert math.isnan(s.at[1, "mean_men"])
    assert s.at[0, "mean_men"] == 32000.0  # U2's men go with U1's: the margin would give them


def test_statistic_minimums_and_no_extremes():
    t = _table([40, 6, 34], [40, 25, 15], [30000.0, 30500.0, 29900.0], [32000.0] * 3)
    s = suppress_equal_work(t, min_cell=5)
    out = s.table
    assert out.at[1, "median_women"] == 30500.0  # 6 ≥ 5
    assert math.isnan(out.at[1, "p10_women"]) and math.isnan(out.at[1, "p90_women"])  # 6 < 21
    assert out.at[0, "p10_women"] == 30000.0  # 40 ≥ 21
    assert out[["min_men", "max_men"]].isna().all().all()  # never for manager/public
    assert set(s.cells["reason"]) >= {"percentile", "extreme"}


def test_one_suppressed_unit_pulls_a_second_one_with_it():
    # organisation 20 women = 2 (U1) + 8 (U2) + 10 (U3): U1 alone could be recovered
    t = _table([20, 2, 8, 10], [20, 6, 7, 7], [30000.0, 26000.0, 30500.0, 30400.0], [32000.0] * 4)
    s = suppress_equal_work(t, min_cell=5)
    hidden = s.table["mean_women"].isna()
    assert hidden.tolist() == [False, True, True, False]  # U2 is the smallest of the rest
    reasons = s.cells.set_index(["row", "column"])["reason"]
    assert reasons[(1, "mean_women")] == "small"
    assert reasons[(2, "mean_women")] == "complementary"


def test_with_no_unit_left_to_hide_the_organisation_goes():
    t = _table([8, 3, 5], [8, 6, 6], [30000.0, 29000.0, 30600.0], [32000.0] * 3)
    out = suppress_equal_work(t, min_cell=5).table
    # U1 (3) is small; U2 (5) hidden with it still leaves 8 ≥ 5 people in two cells: enough
    assert out["mean_women"].isna().tolist() == [False, True, True]
    t = _table([4, 2, 2], [8, 6, 2], [30000.0, 29000.0, 31000.0], [32000.0] * 3)
    out = suppress_equal_work(t, min_cell=5).table
    assert out["mean_women"].isna().all()  # 4 women in all: nothing about them is shown


def test_bad_min_cell_and_missing_columns_are_refused():
    t = _table([8, 3, 5], [8, 6, 6], [30000.0, 29000.0, 30600.0], [32000.0] * 3)
    with pytest.raises(ParameterError, match="min_cell"):
        suppress_equal_work(t, min_cell=0)
    with pytest.raises(ParameterError, match="n_women"):
        suppress_equal_work(t.drop(columns="n_women"))


def _recoverable(table: pd.DataFrame, original: pd.DataFrame, g: str, min_cell: int) -> list:
    """The suppressed unit means an attacker gets back from the published margin: the
    organisation's n·mean minus the published units', when it covers one suppressed cell or
    fewer than min_cell people."""
    found = []
    unit = table["unit"].fillna("").astype(str)
    for _, rows in table.groupby(["work_group", "pay_measure"]):
        org = rows[unit[rows.index] == ""]
        units = rows[unit[rows.index] != ""]
        if org.empty or units.empty or pd.isna(org[f"mean_{g}"].iloc[0]):
            continue
        hidden = units[units[f"mean_{g}"].isna() & (units[f"n_{g}"] > 0)]
        if hidden.empty:
            continue
        shown = units.drop(hidden.index)
        rest = float(org[f"n_{g}"].iloc[0] * org[f"mean_{g}"].iloc[0]) - float(
            (shown[f"n_{g}"] * shown[f"mean_{g}"]).sum()
        )
        if len(hidden) == 1 or hidden[f"n_{g}"].sum() < min_cell:
            i = hidden.index[0]
            guess = rest / float(hidden[f"n_{g}"].sum())
            found.append((i, guess, original.at[i, f"mean_{g}"]))
    return found


@pytest.mark.parametrize("min_cell", [3, 5, 10])
def test_no_suppressed_mean_of_the_sample_can_be_recovered_from_the_margins(sample_run, min_cell):
    ew = sample_run.tables["equal_work"]
    s = suppress_equal_work(ew, min_cell=min_cell)
    assert s.count > 0
    for g in ("women", "men"):
        assert _recoverable(s.table, ew, g, min_cell) == []
        n = pd.to_numeric(s.table[f"n_{g}"])
        shown = s.table.loc[s.table[f"mean_{g}"].notna(), f"n_{g}"]
        assert (pd.to_numeric(shown) >= min_cell).all()  # every shown mean has enough people
        assert (n == pd.to_numeric(ew[f"n_{g}"])).all()  # counts stay
    # the attack works on the table before complementary suppression: the test can fail
    naive = ew.copy()
    for g in ("women", "men"):
        naive.loc[pd.to_numeric(naive[f"n_{g}"]) < min_cell, f"mean_{g}"] = np.nan
    assert any(_recoverable(naive, ew, g, min_cell) for g in ("women", "men"))


def test_aggregate_tables_by_hand():
    from payequity.privacy import aggregate_tables, job_counts

    people = pd.DataFrame(
        {
            "unit": ["A"] * 12 + ["B"] * 6,
            "job_code": ["fd"] * 10 + ["cmp"] * 2 + ["fd"] * 6,
            "gender": ["F"] * 8 + ["M"] * 2 + ["M"] * 2 + ["F"] * 6,
        }
    )
    counts = job_counts(people)
    ev = pd.DataFrame(
        {
            "unit": ["", "A"],
            "female_dominated_job": ["fd", "fd"],
            "comparator_job": ["cmp", "cmp"],
            "pay_measure": "base_salary",
            "mean_pay_fd": [30000.0, 29000.0],
            "mean_pay_cmp": [33000.0, 33000.0],
            "pay_gap_pct": [-9.1, -12.1],
            "n_fd": [16, 10],
            "n_cmp": [2, 2],
        }
    )
    plan = pd.DataFrame(
        {
            "measure_id": ["2026-equal_value-A/fd", "2026-person-7"],
            "job_code": ["fd", "fd"],
            "employee_id": ["", "7"],
            "comparator_job": ["cmp", ""],
            "unit": ["A", "A"],
            "n_people": [10, 1],
            "pay_before": [29000.0, 28000.0],
            "target_pay": [33000.0, 29000.0],
            "adjustment_monthly": [4000.0, 1000.0],
            "adjustment_total": [4000.0, 1000.0],
            "cost_yearly": [1.0e6, 1.7e4],
            "kind": ["equal_value", "person"],
        }
    )
    fu = pd.DataFrame(
        {
            "measure_id": ["2025-equal_value-/x", "2025-person-9"],
            "n_people": [3, 1],
            "realised": [2.0, 1.0],
            "status": ["done", "done"],
            "unit": ["", "A"],
        }
    )
    og = {
        "oaxaca": {
            "table": [
                {
                    "component": "explained",
                    "term": "age",
                    "value": 0.01,
                    "ci_low": 0.0,
                    "ci_high": 0.02,
                },
                {"component": "explained", "term": "C(work_group)[T.a]", "value": 0.02},
                {"component": "explained", "term": "C(work_group)[T.b]", "value": -0.005},
            ]
        }
    }
    out = aggregate_tables(
        {"equal_value": ev, "action_plan": plan, "follow_up": fu, "people": plan},
        og,
        counts=counts,
        min_cell=5,
    )
    t = out.tables
    assert "people" not in t
    # cmp has 2 men: its mean would give them back; fd in A has 2 men among 10: blank too
    assert t["equal_value"][["mean_pay_cmp", "mean_pay_fd", "pay_gap_pct"]].isna().all().all()
    assert t["action_plan"]["measure_id"].tolist() == ["2026-equal_value-A/fd"]
    assert t["action_plan"][["pay_before", "cost_yearly"]].isna().all().all()
    assert t["follow_up"]["status"].tolist() == ["done"]  # the status stays
    assert t["follow_up"]["realised"].isna().all()  # 3 people's raises do not
    assert out.dropped == {"action_plan": 1, "follow_up": 1}
    terms = out.org_gap["oaxaca"]["table"]
    assert [(r["term"], round(r["value"], 3)) for r in terms] == [
        ("age", 0.01),
        ("C(work_group)", 0.015),
    ]
    assert out.counts()["equal_value"] == 6  # two rows × two means and the gap


def test_aggregate_tables_mask_a_personnummer_in_free_text():
    from payequity.privacy import aggregate_tables, job_counts

    rules = pd.DataFrame(
        {"item": ["Lönesättning"], "assessment": ["Se 19800101-1234 och 850101+1234"]}
    )
    counts = job_counts(pd.DataFrame({"unit": ["A"], "job_code": ["1"], "gender": ["F"]}))
    out = aggregate_tables({"rules_and_practice": rules}, {}, counts=counts)
    text = out.tables["rules_and_practice"].at[0, "assessment"]
    assert text == "Se [personnummer] och [personnummer]"
    assert out.cells["reason"].tolist() == ["personnummer"]

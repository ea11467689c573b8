"""The remediation optimiser (issue 6): against brute force, hand computations and the sample."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

from payequity import datasets, equal_work
from payequity.actions._optimise import (
    CURVE_COLUMNS,
    GROUP_COLUMNS,
    TABLE_COLUMNS,
    RemediationResult,
    optimise_remediation,
)
from payequity.exceptions import ConfigError, InsufficientDataError, PayEquityError, SchemaError

STEP = 50.0  # kronor: the brute-force grid
YEAR = 12 * 1.4  # a krona a month for a year, with the default 40 % overhead


def frame(rows: list[tuple]) -> pd.DataFrame:
    """(employee_id, gender, work_group, fte, base_salary[, tenure_years]) rows as pay data."""
    cols = ["employee_id", "gender", "work_group", "fte", "base_salary", "tenure_years"]
    f = pd.DataFrame(rows, columns=cols[: len(rows[0])])
    f["employee_id"] = f["employee_id"].astype(str)
    f["unit"] = "A"
    return f


# group a: men's mean 32 000, at a 2.5 % target the women's mean must reach 31 200 (3 500 kr in
# all); group b: men's mean 42 000, target mean 40 950 (1 400 kr in all). Every bound (men's
# mean − pay) is a multiple of 50 kr, so the optimum lies on the 50 kr grid.
SMALL = frame(
    [
        ("a1", "F", "a", 0.5, 29000.0),
        ("a2", "F", "a", 1.0, 30100.0),
        ("a3", "F", "a", 0.7, 31000.0),
        ("a4", "M", "a", 1.0, 31000.0),
        ("a5", "M", "a", 1.0, 33000.0),
        ("b1", "F", "b", 1.0, 40000.0),
        ("b2", "F", "b", 0.6, 40500.0),
        ("b3", "M", "b", 1.0, 40000.0),
        ("b4", "M", "b", 1.0, 42000.0),
        ("b5", "M", "b", 1.0, 44000.0),
    ]
)
TARGET = 2.5


def enumerate_group(df: pd.DataFrame, name: str) -> tuple[np.ndarray, np.ndarray, int]:
    """Every raise vector on the grid (0 … men's mean − pay) of a group's women, vectorised:
    its yearly cost and its gap above the target, computed from the new pays."""
    sub = df[df["work_group"] == name]
    women, men = sub[sub["gender"] == "F"], sub[sub["gender"] == "M"]
    mean_men = men["base_salary"].mean()
    pay = women["base_salary"].to_numpy()
    caps = mean_men - pay
    assert np.allclose(caps / STEP, np.round(caps / STEP))  # the grid reaches every bound
    axes = [np.arange(0.0, c + STEP / 2, STEP) for c in caps]
    raises = np.stack([m.ravel() for m in np.meshgrid(*axes, indexing="ij")], axis=1)
    cost = raises @ women["fte"].to_numpy() * YEAR
    gap = 100 * (mean_men - (pay + raises).mean(axis=1)) / mean_men
    return cost, gap, len(pay)


def test_min_cost_equals_brute_force():
    res = optimise_remediation(SMALL, groups=["a", "b"], target_gap_pct=TARGET)
    brute = 0.0
    for name in ("a", "b"):  # without a budget the groups do not interact: sum of the minima
        cost, gap, _ = enumerate_group(SMALL, name)
        feasible = gap <= TARGET + 1e-9
        brute += cost[feasible].min()
    assert res.cost_yearly == pytest.approx(brute, rel=1e-6)
    assert res.groups["gap_after_pct"].to_numpy() == pytest.approx([TARGET, TARGET], abs=1e-7)


def test_budget_mode_equals_brute_force():
    # a point of gap, head-count weighted, costs mean_adv·fte·n/100 kronor of monthly raise per
    # person: a1 (32 000·0.5) first, to her bound 3 000; a3 (32 000·0.7) for the 500 group a
    # still needs; then b2 (42 000·0.6) for what is left, 700. (Weighting shortfall in kronor
    # instead would take b2, the lower fte, before a3.)
    budget = (3000 * 0.5 + 500 * 0.7 + 700 * 0.6) * YEAR
    res = optimise_remediation(SMALL, groups=["a", "b"], target_gap_pct=TARGET, budget=budget)
    # brute force: Σ n·(gap − target)⁺ over both groups within the budget; each group's
    # cheapest-for-its-shortfall front, then every pair of the fronts within the budget
    fronts = []
    for name in ("a", "b"):
        cost, gap, n = enumerate_group(SMALL, name)
        short = n * np.clip(gap - TARGET, 0, None)
        order = np.argsort(cost, kind="stable")
        fronts.append((cost[order], np.minimum.accumulate(short[order])))
    (cost_a, short_a), (cost_b, short_b) = fronts
    left = budget * (1 + 1e-12) - cost_a
    ok = left >= 0
    best_b = np.searchsorted(cost_b, left[ok], side="right") - 1
    brute = (short_a[ok] + short_b[best_b]).min()
    g = res.groups
    lp = float((g["n_disadvantaged"] * (g["gap_after_pct"] - TARGET).clip(lower=0)).sum())
    assert lp == pytest.approx(brute, rel=1e-6)
    assert brute > 1  # the budget binds: the test is not the trivial zero
    assert res.cost_yearly <= budget * (1 + 1e-9)
    raised = res.table.set_index("employee_id")["raise_monthly"]
    assert raised.to_dict() == pytest.approx({"a1": 3000, "a2": 0, "a3": 500, "b1": 0, "b2": 700})


def test_lower_fte_raised_first_by_hand():
    # men's mean 30 000; a 2 % target needs the women's mean at 29 400: 2 800 kr in all. The
    # half-time woman costs half as much per krona, so she gets her bound (2 000), the other 800.
    df = frame(
        [
            (1, "F", "g", 0.5, 28000.0),
            (2, "F", "g", 1.0, 28000.0),
            (3, "M", "g", 1.0, 29000.0),
            (4, "M", "g", 1.0, 31000.0),
        ]
    )
    res = optimise_remediation(df, groups=["g"], target_gap_pct=2.0)
    assert res.table["raise_monthly"].tolist() == pytest.approx([2000, 800])
    assert res.table["new_pay"].tolist() == pytest.approx([30000, 28800])
    assert res.cost_yearly == pytest.approx((2000 * 0.5 + 800 * 1.0) * 12 * 1.4)  # 30 240
    assert res.table["cost_yearly"].tolist() == pytest.approx([16800, 13440])
    no_overhead = optimise_remediation(df, groups=["g"], target_gap_pct=2.0, overhead=0)
    assert no_overhead.cost_yearly == pytest.approx(1800 * 12)
    row = res.groups.iloc[0]
    assert (row["disadvantaged"], row["n_disadvantaged"]) == ("F", 2)
    assert row["gap_before_pct"] == pytest.approx(100 * 2000 / 30000)
    assert row["gap_after_pct"] == pytest.approx(2.0)
    # a cap of 5 % of pay (1 400 kr) moves the rest to the full-time woman: 1 400 + 1 400
    capped = optimise_remediation(df, groups=["g"], target_gap_pct=2.0, max_raise_pct=5)
    assert capped.table["raise_monthly"].tolist() == pytest.approx([1400, 1400])


def test_men_behind_are_raised():
    df = frame(
        [
            (1, "M", "g", 1.0, 28000.0),
            (2, "M", "g", 1.0, 29000.0),
            (3, "F", "g", 1.0, 30000.0),
            (4, "F", "g", 1.0, 31000.0),
        ]
    )
    res = optimise_remediation(df, groups=["g"])
    assert res.groups.iloc[0]["disadvantaged"] == "M"
    assert res.table["gender"].tolist() == ["M", "M"]
    assert res.table["new_pay"].mean() == pytest.approx(30500)


@pytest.fixture(scope="module")
def sample():
    return datasets.load_sample()


def gaps_from_new_pay(data, res: RemediationResult, controls=()) -> dict[str, float]:
    """Each remedied group's gap, recomputed from the pay data with the raises applied."""
    f = data.frame.copy()
    new = res.table.set_index(["employee_id", "group"])["new_pay"]
    key = pd.MultiIndex.from_arrays([f["employee_id"], f["work_group"]])
    f["base_salary"] = np.where(key.isin(new.index), new.reindex(key).to_numpy(), f["base_salary"])
    out = {}
    for g in res.groups.itertuples():
        sub = f[f["work_group"] == g.group]
        dis = (sub["gender"] == g.disadvantaged).to_numpy()
        mean_adv = sub.loc[~dis, "base_salary"].mean()
        if not controls:
            out[g.group] = 100 * (mean_adv - sub.loc[dis, "base_salary"].mean()) / mean_adv
            continue
        x = sm.add_constant(np.column_stack([dis.astype(float), sub[list(controls)]]))
        coef = sm.OLS(sub["base_salary"].to_numpy(), x).fit().params[1]
        out[g.group] = -100 * coef / mean_adv
    return out


@pytest.mark.parametrize(
    ("gap", "controls", "target"),
    [("raw", (), 0.0), ("raw", (), 1.5), ("adjusted", ("tenure_years", "age"), 1.0)],
)
def test_constraints_hold_on_the_sample(sample, gap, controls, target):
    res = optimise_remediation(sample, gap=gap, controls=controls, target_gap_pct=target)
    flagged = equal_work(sample).flagged
    assert sorted(res.groups["group"]) == sorted(flagged["work_group"])
    assert list(res.table.columns) == TABLE_COLUMNS
    assert list(res.groups.columns[: len(GROUP_COLUMNS)]) == GROUP_COLUMNS
    assert (res.table["raise_monthly"] >= 0).all()
    adv = res.groups.set_index("group")["mean_advantaged"]
    raised = res.table[res.table["raise_monthly"] > 0]
    assert (raised["new_pay"] <= raised["group"].map(adv) + 1e-6).all()
    after = gaps_from_new_pay(sample, res, controls)
    assert max(after.values()) <= target + 1e-6
    assert after == pytest.approx(
        res.groups.set_index("group")["gap_after_pct"].to_dict(), abs=1e-6
    )
    assert res.cost_yearly == pytest.approx(res.table["cost_yearly"].sum())
    assert res.table["cost_yearly"].to_numpy() == pytest.approx(
        (res.table["raise_monthly"] * res.table["fte"] * 12 * 1.4).to_numpy()
    )
    assert res.model is not None and res.model.status == 0


def test_adjusted_not_worse_than_a_grid(sample):
    # brute force on a 50 kr grid for an adjusted gap: the LP is never dearer than the best grid
    # point, and the grid is within one step per person of it (gaps by lstsq, independently)
    df = frame(
        [
            (1, "F", "g", 0.5, 30000.0, 2.0),
            (2, "F", "g", 1.0, 30200.0, 6.0),
            (3, "F", "g", 0.8, 30900.0, 9.0),
            (4, "M", "g", 1.0, 30600.0, 1.0),
            (5, "M", "g", 1.0, 31800.0, 5.0),
            (6, "M", "g", 1.0, 32400.0, 10.0),
        ]
    )
    res = optimise_remediation(
        df, groups=["g"], gap="adjusted", controls=["tenure_years"], target_gap_pct=1.0
    )
    women = df[df["gender"] == "F"]
    mean_men = df.loc[df["gender"] == "M", "base_salary"].mean()
    axes = [np.arange(0.0, mean_men - p + 1e-9, STEP) for p in women["base_salary"]]
    raises = np.stack([m.ravel() for m in np.meshgrid(*axes, indexing="ij")], axis=1)
    y = np.tile(df["base_salary"].to_numpy()[:, None], len(raises))
    y[:3] += raises.T
    x = np.column_stack([np.ones(6), df["gender"] == "F", df["tenure_years"]]).astype(float)
    coef = np.linalg.lstsq(x, y, rcond=None)[0][1]
    cost = raises @ women["fte"].to_numpy() * YEAR
    brute = cost[-100 * coef / mean_men <= 1.0 + 1e-9].min()
    assert res.cost_yearly <= brute * (1 + 1e-9)
    assert brute <= res.cost_yearly + STEP * YEAR * 3
    assert res.groups.iloc[0]["gap_before_pct"] > 2
    assert res.groups.iloc[0]["gap_after_pct"] == pytest.approx(1.0, abs=1e-7)


def test_budget_mode_and_the_curve(sample):
    full = optimise_remediation(sample).cost_yearly
    for share in (0.0, 0.1, 0.5, 0.9):
        res = optimise_remediation(sample, budget=share * full)
        assert res.cost_yearly <= share * full + 1e-6
        assert (res.groups["gap_after_pct"] <= res.groups["gap_before_pct"] + 1e-9).all()
    assert optimise_remediation(sample, budget=2 * full).cost_yearly == pytest.approx(full)
    curve = optimise_remediation(sample, budget=0.5 * full).curve(points=9)
    assert list(curve.columns) == CURVE_COLUMNS and len(curve) == 9
    assert curve["budget"].iloc[-1] == pytest.approx(full)
    assert (curve["cost_yearly"] <= curve["budget"] + 1e-6).all()
    for col in ("max_remaining_gap_pct", "mean_remaining_gap_pct"):
        assert (np.diff(curve[col]) <= 1e-9).all(), col
    before = optimise_remediation(sample, budget=0).groups
    assert curve["max_remaining_gap_pct"].iloc[0] == pytest.approx(before["gap_before_pct"].max())
    assert curve["max_remaining_gap_pct"].iloc[-1] == pytest.approx(0, abs=1e-6)


def test_infeasible_target_is_a_clear_error(sample):
    with pytest.raises(PayEquityError, match=r"group '351015'.*max_raise_pct") as err:
        optimise_remediation(sample, groups=["351015"], max_raise_pct=1)
    assert isinstance(err.value, ConfigError) and "\n" not in str(err.value)
    # with a budget the same bounds give the least remaining gap instead of an error
    res = optimise_remediation(sample, groups=["351015"], max_raise_pct=1, budget=1e9)
    assert 0 < res.groups.iloc[0]["gap_after_pct"] < res.groups.iloc[0]["gap_before_pct"]
    assert (res.table["raise_monthly"] <= res.table["pay"] * 0.01 + 1e-6).all()


def test_groups_from_a_result_a_list_or_a_unit(sample):
    by_default = optimise_remediation(sample)
    from_result = optimise_remediation(sample, groups=equal_work(sample))
    assert from_result.cost_yearly == pytest.approx(by_default.cost_yearly)
    unit = "Socialförvaltningen/HVB Solrosen"
    per_unit = optimise_remediation(sample, groups=equal_work(sample, by="unit")[unit])
    assert set(per_unit.table["unit"]) == {unit} and set(by_default.table["unit"]) == {""}
    in_unit = sample.frame[sample.frame["unit_path"] == unit]
    assert set(per_unit.table["employee_id"]) <= set(in_unit["employee_id"])
    assert optimise_remediation(sample, unit=unit).cost_yearly == pytest.approx(
        per_unit.cost_yearly
    )


def test_bad_input_names_the_fix(sample):
    with pytest.raises(ConfigError, match="'nope' is not in the 'work_group'"):
        optimise_remediation(sample, groups=["nope"])
    with pytest.raises(ConfigError, match="unit 'Nowhere'"):
        optimise_remediation(sample, unit="Nowhere")
    odd = SMALL.assign(gender=SMALL["gender"].replace({"F": "K"}))
    with pytest.raises(SchemaError, match="not F/M"):
        optimise_remediation(odd, groups=["a"])
    with pytest.raises(ValueError, match="gap must be"):
        optimise_remediation(SMALL, groups=["a"], gap="log")
    with pytest.raises(ValueError, match="controls apply to gap='adjusted'"):
        optimise_remediation(SMALL, groups=["a"], controls=["tenure_years"])
    one_gender = SMALL[SMALL["gender"] == "F"]
    with pytest.raises(ConfigError, match="only one gender"):
        optimise_remediation(one_gender, groups=["a"])


def test_result_object(sample):
    res = optimise_remediation(sample, budget=1e6)
    text = str(res.summary())
    assert "1\u00a0000\u00a0000\u00a0kr" in text and "351015" in text
    assert "<table" in res._repr_html_()
    assert repr(res).startswith("<RemediationResult 3 groups")
    with pytest.raises(AttributeError):
        res.cost_yearly = 0  # frozen
    empty = optimise_remediation(SMALL, groups=[])
    assert empty.cost_yearly == 0 and empty.table.empty and empty.curve().empty


def test_chart(sample):
    import matplotlib.pyplot as plt
    from matplotlib.axes import Axes

    from payequity.charts._remediation import plot_remediation_curve

    res = optimise_remediation(sample, budget=1.5e6, target_gap_pct=1.0)
    ax = res.plot()
    assert isinstance(ax, Axes)
    assert (
        ax.get_xlabel().startswith("Kostnad per år")
        and ax.get_ylabel() == "Kvarvarande löneskillnad"
    )
    assert ax.get_title(loc="left")
    assert len(ax.get_lines()) == 4  # max, mean, the target, the budget
    assert ax.get_lines()[2].get_ydata()[0] == pytest.approx(1.0)  # the target line
    assert ax.xaxis.get_major_formatter()(1_200_000, 0) == "1\u00a0200\u00a0000\u00a0kr"
    en = plot_remediation_curve(res, language="en")
    assert en.get_ylabel() == "Remaining pay gap" and en.get_xlabel().startswith("Cost per year")
    with pytest.raises(InsufficientDataError):
        plot_remediation_curve(optimise_remediation(SMALL, groups=[]))
    plt.close("all")

"""EU Article 9 indicators (a)–(g): golden values computed by hand (F-D1 … F-D4)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from payequity._summary import Summary
from payequity.exceptions import ConfigError, SchemaError
from payequity.survey._eu import TABLE_COLUMNS, IndicatorResult, eu_indicators, pay_quartiles


def people(rows: list[tuple], **extra: list) -> pd.DataFrame:
    """(gender, base_salary, supplements, variable_pay[, fte, weekly_hours]) per row."""
    cols = ["gender", "base_salary", "supplements", "variable_pay", "fte", "weekly_hours"]
    full = [r + (1.0, 40.0)[len(r) - 4 :] for r in rows]
    df = pd.DataFrame(full, columns=cols)
    df["monthly_pay"] = df["base_salary"] + df["supplements"]
    df["employee_id"] = [f"e{i:02d}" for i in range(len(df))]
    for k, v in extra.items():
        df[k] = v
    return df


# Full time, 40 h: annual = 12·monthly + variable, hourly = annual / 2080.
#           base  supp  var      monthly  annual   complementary (12·supp + var)
ASYMMETRIC = people(
    [
        ("F", 20000, 0, 0),  # 20000   240000        0
        ("F", 24000, 1000, 0),  # 25000   300000    12000
        ("F", 40000, 5000, 6000),  # 45000   546000    66000
        ("M", 30000, 0, 0),  # 30000   360000        0
        ("M", 38000, 2000, 0),  # 40000   480000    24000
        ("M", 44000, 0, 12000),  # 44000   540000    12000
        ("M", 65000, 5000, 30000),  # 70000   870000    90000
    ],
    grade=["A"] * 7,
)


@pytest.fixture(scope="module")
def asym() -> IndicatorResult:
    return eu_indicators(ASYMMETRIC, categories="grade")


def test_mean_gap_uses_mens_denominator(asym):
    # women: (240000 + 300000 + 546000) / 3 = 362000; men: 2250000 / 4 = 562500
    # gap = 100·(562500 − 362000)/562500 = 35.6444…  (women's denominator would give 55.39)
    expected = 100 * 200500 / 562500
    assert asym.value("a", "annual") == pytest.approx(expected)
    assert asym.value("a", "hourly") == pytest.approx(expected)  # everyone 2080 h
    assert asym.value("a", "annual") != pytest.approx(100 * 200500 / 362000)
    row = asym.table.query("indicator == 'a' and pay_level == 'annual'").iloc[0]
    assert (row["pay_women"], row["pay_men"]) == pytest.approx((362000, 562500))
    assert asym.mean_gap_pct == pytest.approx(expected)


def test_median_gap_odd_and_even_counts(asym):
    # women (odd n = 3): median 300000; men (even n = 4): (480000 + 540000)/2 = 510000
    # gap = 100·(510000 − 300000)/510000 = 41.176…  (women's denominator: 70.0)
    assert asym.value("c", "annual") == pytest.approx(100 * 210000 / 510000)
    assert asym.median_gap_pct == pytest.approx(100 * 210000 / 510000)


def test_complementary_gaps_among_recipients(asym):
    # recipients: women 12000, 66000 → mean 39000, median 39000 (even n: midpoint)
    #             men 24000, 12000, 90000 → mean 42000, median 24000 (odd n)
    # (b) 100·(42000 − 39000)/42000 = 7.142…   (women's denominator: 7.69)
    # (d) 100·(24000 − 39000)/24000 = −62.5    (women's denominator: −38.46)
    assert asym.value("b", "annual") == pytest.approx(100 * 3000 / 42000)
    assert asym.value("d", "annual") == pytest.approx(-62.5)
    assert asym.value("b", "hourly") == pytest.approx(100 * 3000 / 42000)
    b = asym.table.query("indicator == 'b' and pay_level == 'annual'").iloc[0]
    assert (b["n_women"], b["n_men"], b["component"]) == (2, 3, "complementary")


def test_share_receiving_complementary(asym):
    # women 2 of 3 = 66.67 %; men 3 of 4 = 75 %
    assert asym.value("e", gender="F") == pytest.approx(200 / 3)
    assert asym.value("e", gender="M") == pytest.approx(75.0)


def test_annual_versus_hourly_with_part_timers():
    # F1 fte 0.5, 40 h, base 26000:        annual 12·0.5·26000 = 156000, hours 52·40·0.5 = 1040
    #                                      hourly 156000/1040 = 150
    # F2 fte 1, 37.5 h, base 30000, var 30000: annual 360000 + 30000 = 390000, hours 1950
    #                                      hourly 200
    # M1 fte 1, 40 h, base 31200:          annual 374400, hours 2080, hourly 180
    # M2 fte 0.8, 40 h, base 32500:        annual 12·0.8·32500 = 312000, hours 1664, hourly 187.5
    df = people(
        [
            ("F", 26000, 0, 0, 0.5, 40),
            ("F", 30000, 0, 30000, 1.0, 37.5),
            ("M", 31200, 0, 0, 1.0, 40),
            ("M", 32500, 0, 0, 0.8, 40),
        ],
        grade=["A"] * 4,
    )
    res = eu_indicators(df, categories="grade")
    # annual: women 273000, men 343200 → 100·70200/343200 = 20.4545…
    assert res.value("a", "annual") == pytest.approx(100 * 70200 / 343200)
    # hourly: women 175, men 183.75 → 100·8.75/183.75 = 4.7619…
    assert res.value("a", "hourly") == pytest.approx(100 * 8.75 / 183.75)
    # (g) hourly basic: F2 360000/1950 = 184.615…, F1 150 → women 167.3077; men 180, 187.5
    basic_w = (150 + 360000 / 1950) / 2
    g = res.value("g", "hourly", component="basic", category="A")
    assert g == pytest.approx(100 * (183.75 - basic_w) / 183.75)
    # complementary hourly: only F2 receives, 30000/1950 = 15.38; no man → NaN
    assert np.isnan(res.value("g", "hourly", component="complementary", category="A"))


def quartile_data(genders: str, pay: list[float] | None = None) -> pd.DataFrame:
    pay = pay or [20000 + 1000 * i for i in range(len(genders))]  # ascending, distinct
    return people(
        [(g, p, 0, 0) for g, p in zip(genders, pay, strict=True)], grade=["A"] * len(genders)
    )


def shares(res: IndicatorResult, gender: str = "F") -> list[float]:
    return [res.value("f", gender=gender, quartile=q) for q in range(1, 5)]


@pytest.mark.parametrize(
    ("genders", "sizes", "women"),
    [
        # n = 8 = 4·2: sizes 2-2-2-2; FF | MF | MM | FM
        ("FFMFMMFM", [2, 2, 2, 2], [2, 1, 0, 1]),
        # n = 9 = 4·2 + 1: leftover to the lowest band, 3-2-2-2; FFM | FM | MF | MF
        ("FFMFMMFMF", [3, 2, 2, 2], [2, 1, 1, 1]),
        # n = 10 = 4·2 + 2: 3-3-2-2; FFM | FMM | FM | FF
        ("FFMFMMFMFF", [3, 3, 2, 2], [2, 1, 1, 2]),
        # n = 11 = 4·2 + 3: 3-3-3-2; MMM | FMF | FFF | MF
        ("MMMFMFFFFMF", [3, 3, 3, 2], [0, 2, 3, 1]),
    ],
)
def test_quartile_counts_for_each_remainder(genders, sizes, women):
    res = eu_indicators(quartile_data(genders), categories="grade")
    q = res.quartiles
    assert q["n"].tolist() == sizes
    assert q["n_women"].tolist() == pytest.approx(women)
    assert q["n_men"].tolist() == pytest.approx([s - w for s, w in zip(sizes, women, strict=True)])
    assert shares(res) == pytest.approx([100 * w / s for w, s in zip(women, sizes, strict=True)])
    assert np.add(shares(res), shares(res, "M")) == pytest.approx([100] * 4)


def test_quartile_tie_across_a_boundary_uk_reg13():
    # n = 8, sizes 2-2-2-2. Ranked: M(20000) | F, M, M all on 21000 | 23000 F … 26000 M.
    # The tied group takes positions 1–3: one seat in Q1 (position 1), two in Q2 (2, 3).
    # It holds 1 woman and 2 men, so each seat is 1/3 woman, 2/3 man:
    #   Q1: M + 1/3 F + 2/3 M → women 1/3, share 16.67 %
    #   Q2: 2/3 F + 4/3 M      → women 2/3, share 33.33 %
    #   Q3: F(23000), F(24000) → 100 %;  Q4: M(25000), F(26000) → 50 %
    genders = "MFMMFFMF"
    pay = [20000, 21000, 21000, 21000, 23000, 24000, 25000, 26000]
    res = eu_indicators(quartile_data(genders, pay), categories="grade")
    q = res.quartiles
    assert q["n_women"].tolist() == pytest.approx([1 / 3, 2 / 3, 2, 1])
    assert shares(res) == pytest.approx([100 / 6, 100 / 3, 100, 50])
    assert shares(res, "M") == pytest.approx([500 / 6, 200 / 3, 0, 50])
    # without the tie rule, the tied woman (id e01, first) takes the Q1 seat: 50 % / 0 %
    seq = eu_indicators(quartile_data(genders, pay), categories="grade", quartile_ties="sequential")
    assert shares(seq) == pytest.approx([50, 0, 100, 50])


def test_tie_spanning_three_bands_n10():
    # n = 10, sizes 3-3-2-2, boundaries after positions 3, 6, 8.
    # Positions 5–8 share one rate; the group has 1 woman and 3 men (F at position 5).
    # Seats: Q2 one (5), Q3 two (6, 7), Q4 one (8) → women 0.25, 0.5, 0.25 from the group.
    # Others: 0 F, 1 F, 2 M (Q1: 2 F); 3 M, 4 F (Q2: 1 F + 0.25); 9 F (Q4: 1 F + 0.25).
    genders = "FFMMFFMMMF"
    pay = [20000, 21000, 22000, 23000, 24000, 30000, 30000, 30000, 30000, 40000]
    q = pay_quartiles(np.array(pay, float), np.array([g == "F" for g in genders]))
    assert q["n"].tolist() == [3, 3, 2, 2]
    assert q["n_women"].tolist() == pytest.approx([2, 1.25, 0.5, 1.25])
    assert q["share_women_pct"].tolist() == pytest.approx([200 / 3, 125 / 3, 25, 62.5])
    assert q["min_hourly"].iloc[2] == q["max_hourly"].iloc[2] == 30000


def test_quartiles_rank_hourly_not_annual_pay():
    # a half-time woman on a high monthly rate: annual lowest, hourly highest
    df = people(
        [("M", 20000, 0, 0), ("M", 21000, 0, 0), ("M", 22000, 0, 0), ("F", 50000, 0, 0, 0.5, 40)],
        grade=["A"] * 4,
    )
    res = eu_indicators(df, categories="grade")
    assert shares(res) == pytest.approx([0, 0, 0, 100])


def test_category_g_with_a_one_gender_category():
    # Category A (fte 1, 40 h → everything ×12 a year, /2080 an hour):
    #   F base 30000 supp 1000 var 0     basic 360000  compl. 12000  all 372000
    #   F base 32000 supp 0    var 6000  basic 384000  compl.  6000  all 390000
    #   M base 34000 supp 2000 var 12000 basic 408000  compl. 36000  all 444000
    #   M base 36000 supp 0    var 0     basic 432000  compl.     0  all 432000
    # basic: women 372000, men 420000 → 100·48000/420000 = 11.43
    # complementary (recipients): women 9000, men 36000 → 100·27000/36000 = 75
    # all: women 381000, men 438000 → 100·57000/438000 = 13.01
    # Category B: one woman only → NaN, no crash.
    df = people(
        [
            ("F", 30000, 1000, 0),
            ("F", 32000, 0, 6000),
            ("M", 34000, 2000, 12000),
            ("M", 36000, 0, 0),
            ("F", 25000, 0, 0),
        ],
        grade=["A", "A", "A", "A", "B"],
    )
    res = eu_indicators(df, categories="grade")
    for level in ("annual", "hourly"):
        got = {
            c: res.value("g", level, component=c, category="A")
            for c in ("basic", "complementary", "all")
        }
        assert got == pytest.approx(
            {"basic": 100 * 48000 / 420000, "complementary": 75.0, "all": 100 * 57000 / 438000}
        )
    b = res.table.query("indicator == 'g' and category == 'B'")
    assert len(b) == 6 and b["value"].isna().all()
    assert (b["n_women"].max(), b["n_men"].max()) == (1, 0)


def test_band_categories_need_an_evaluation():
    from payequity import evaluate_jobs

    df = ASYMMETRIC.assign(job_code=["j1", "j1", "j2", "j1", "j1", "j2", "x"])
    with pytest.raises(ConfigError, match="needs a job evaluation"):
        eu_indicators(df)
    jobs = pd.DataFrame({"job_code": ["j1", "j2"], "points": [100, 300]})
    res = eu_indicators(df, evaluation=evaluate_jobs(jobs, band_width=120))
    g = res.table[res.table["indicator"] == "g"]
    assert g["category"].unique().tolist() == ["0", "2"]  # j1 band 0, j2 band 2
    assert res.settings["n_without_category"] == 1  # job x is not evaluated
    with pytest.raises(SchemaError, match="'nope'"):
        eu_indicators(df, categories="nope")
    with pytest.raises(ValueError, match="quartile_ties"):
        eu_indicators(df, categories="grade", quartile_ties="fair")


def test_table_is_the_csv_long_format(asym):
    t = asym.table
    assert list(t.columns[:7]) == TABLE_COLUMNS
    assert set(t["indicator"]) == set("abcdefg")
    for col in ("category", "component", "pay_level", "gender", "quartile"):
        assert t[col].map(type).eq(str).all(), col
    a = t[t["indicator"] == "a"]
    assert a["quartile"].eq("").all() and a["gender"].eq("").all() and a["category"].eq("").all()
    assert sorted(a["pay_level"]) == ["annual", "hourly"]
    assert t.loc[t["indicator"] == "e", "pay_level"].eq("").all()
    f = t[t["indicator"] == "f"]
    assert len(f) == 16 and set(f["pay_level"]) == {"annual", "hourly"}  # 4 quartiles × 2 sexes × 2
    assert set(t["component"]) == {"basic", "complementary", "all"}
    assert set(t["pay_level"]) == {"annual", "hourly", ""}


def test_one_gender_data_gives_nan_not_a_crash():
    res = eu_indicators(quartile_data("FFFFF"), categories="grade")
    assert np.isnan(res.value("a", "hourly")) and np.isnan(res.value("e", gender="M"))
    assert res.reason
    assert shares(res) == pytest.approx([100, 100, 100, 100])


def test_summary_html_and_plot(asym):
    import matplotlib.pyplot as plt

    s = asym.summary()
    assert isinstance(s, Summary)
    assert "(a) mean gap" in str(s)
    assert "<table>" in asym._repr_html_()
    assert "IndicatorResult" in repr(asym)
    ax = asym.plot()
    texts = [t.get_text() for t in ax.texts]
    # n = 7 → 2-2-2-1 by hourly pay: F F | M M | M F | M
    assert {"100,0\u00a0%", "50,0\u00a0%", "0,0\u00a0%"} <= set(texts)
    assert ax.get_legend() is not None
    plt.close(ax.figure)
    ax = asym.plot(language="en")
    assert ax.get_legend().get_texts()[0].get_text() == "Women"
    plt.close(ax.figure)


def test_sample_runs_with_bands():
    from payequity import datasets, evaluate_jobs

    data = datasets.load_sample()
    ev = evaluate_jobs("data/sample/job_evaluation.csv", data=data)
    res = eu_indicators(data, evaluation=ev)
    q = res.quartiles
    assert q["n"].sum() == len(data.frame)
    assert q["n_women"].sum() == pytest.approx((data.frame["gender"] == "F").sum())
    assert -100 < res.value("a", "hourly") < 100


def test_annual_quartiles_rank_by_annual_pay():
    """(f) on annual pay: a part-timer with the top hourly rate ranks low on annual pay."""
    df = pd.DataFrame(
        {
            "gender": ["F", "M", "M", "M"],
            "base_salary": [40000.0, 30000, 31000, 32000],
            "fte": [0.5, 1.0, 1.0, 1.0],
        }
    )
    t = eu_indicators(df, categories=None).table
    f = t[(t["indicator"] == "f") & (t["gender"] == "F")].set_index(["pay_level", "quartile"])
    # hourly: F has the highest rate → top quartile; annual: 12·0.5·40000 = 240000 is lowest
    assert f.loc[("hourly", "4"), "value"] == 100.0
    assert f.loc[("annual", "1"), "value"] == 100.0


def test_missing_values_and_odd_genders_are_refused():
    df = pd.DataFrame({"gender": ["F", "M"], "base_salary": [30000.0, 31000], "fte": [1.0, None]})
    with pytest.raises(SchemaError, match="1 rows have fte"):
        eu_indicators(df, categories=None)
    with pytest.raises(SchemaError, match=r"gender in the pay data holds \['K'\], not F/M"):
        eu_indicators(df.assign(gender=["K", "M"], fte=1.0), categories=None)

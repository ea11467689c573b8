"""Documentation: registers, head count and tier, the Art. 10 trigger, the DL 3:13/3:14 checklist."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from payequity._summary import Summary
from payequity.actions._checklist import Evidence, documentation_checklist
from payequity.actions._documentation import (
    AREAS,
    ART10_COLUMNS,
    CHECKLIST_COLUMNS,
    RULES_FIELDS,
    art10_trigger,
    documentation_tier,
    headcount_january,
    load_rules_and_practice,
    load_samverkan,
    rules_template,
)
from payequity.exceptions import ConfigError, DataFileError, SchemaError
from payequity.survey._eu import eu_indicators

SURVEY = [
    "results",
    "rules_and_practice",
    "adjustments",
    "cost",
    "time_plan",
    "follow_up",
    "cooperation",
]
ACTIVE_MEASURES = ["risks_obstacles", "other_measures"]


# ---------------------------------------------------------------- head count and tier


def staff(at_jan1: int, later: int = 3) -> pd.DataFrame:
    """``at_jan1`` people employed at 1 January 2026 and ``later`` people hired after it.

    Person p0 has two employments (counted once); p1 was hired on 1 January itself (counts).
    """
    hires = [f"{2000 + i % 25}-0{1 + i % 9}-15" for i in range(at_jan1)]
    hires[1] = "2026-01-01"
    ids = [f"p{i}" for i in range(at_jan1)]
    ids, hires = ["p0", *ids], ["2011-05-01", *hires]
    ids += [f"n{i}" for i in range(later)]
    hires += ["2026-01-02", "2026-03-01", "2026-08-31"][:later]
    return pd.DataFrame({"employee_id": ids, "hire_date": pd.to_datetime(hires)})


FULL = Evidence(
    equal_work_done=True,
    equal_value_done=True,
    n_flagged=2,
    rules_rows=16,
    samverkan_rows=4,
    follow_up={"done": 2, "partly": 0},
)


@pytest.mark.parametrize(("n", "tier"), [(9, "none"), (10, "3:14"), (24, "3:14"), (25, "3:13")])
def test_checklist_per_tier_at_the_boundaries(n, tier):
    data = staff(n)
    count, note = headcount_january(data, 2026)
    assert data["employee_id"].nunique() == n + 3  # the late hires are in the export …
    assert count == n  # … but not counted
    assert "lower bound" in note
    assert documentation_tier(count) == tier
    res = documentation_checklist(documentation_tier(count), FULL)
    t = res.table.set_index("item")
    required = t.index[t["required"]].tolist()
    if tier == "none":
        assert required == []
        assert (t["status"] == "not_required").all()
        assert t.loc["results", "detail"].startswith("not required (fewer than 10 employees)")
        assert "would be present" in t.loc["results", "detail"]
    elif tier == "3:14":
        assert required == SURVEY
        assert (t.loc[SURVEY, "status"] == "present").all()
        assert (t.loc[ACTIVE_MEASURES, "status"] == "not_required").all()
    else:
        assert required == ACTIVE_MEASURES + SURVEY
        assert (t.loc[ACTIVE_MEASURES, "status"] == "external").all()
    assert t.loc["joint_pay_assessment", "status"] == "not_required"  # EU module off
    assert res.complete and res.missing == []


def test_headcount_without_hire_dates_counts_everyone_and_override_wins():
    df = pd.DataFrame({"employee_id": ["a", "a", "b", "c"]})
    n, note = headcount_january(df, 2026)
    assert n == 3 and "no hire_date" in note
    assert headcount_january(df, 2026, override=40) == (
        40,
        "40 employees at 1 January 2026, as given in the config",
    )
    with pytest.raises(ConfigError, match="whole number"):
        headcount_january(df, 2026, override=-1)
    with pytest.raises(SchemaError, match="employee_id"):
        headcount_january(pd.DataFrame({"x": [1]}), 2026)


def test_headcount_counts_rows_without_a_hire_date():
    df = pd.DataFrame(
        {
            "employee_id": ["a", "b", "c"],
            "hire_date": pd.to_datetime(["2020-01-01", None, "2026-02-01"]),
        }
    )
    n, note = headcount_january(df, 2026)
    assert n == 2 and "1 without a hire date counted" in note


def test_tier_rejects_negative_counts_and_unknown_tiers():
    with pytest.raises(ConfigError):
        documentation_tier(-1)
    with pytest.raises(ConfigError, match="tier must be one of"):
        documentation_checklist("3:15", FULL)
    assert documentation_checklist(25, FULL).tier == "3:13"


# ---------------------------------------------------------------- checklist statuses


def status(evidence: Evidence, tier: str = "3:13") -> pd.DataFrame:
    return documentation_checklist(tier, evidence).table.set_index("item")


def test_checklist_table_columns_and_labels():
    res = documentation_checklist("3:13", FULL)
    assert list(res.table.columns) == CHECKLIST_COLUMNS
    assert res.table["label_sv"].str.len().gt(0).all()
    assert isinstance(res.summary(), Summary)
    assert "Samverkan" in res.summary("sv").as_text()
    assert "<table" in res._repr_html_()


def test_no_measures_needed_is_present():
    t = status(replace(FULL, n_flagged=3, n_measures=0))
    for item in ("adjustments", "cost", "time_plan"):
        assert t.loc[item, "status"] == "present"
        assert "no flagged item needs action" in t.loc[item, "detail"]
    t = status(replace(FULL, n_flagged=0))
    assert "nothing flagged" in t.loc["adjustments", "detail"]


def test_first_year_without_archive_misses_the_follow_up():
    res = documentation_checklist("3:14", replace(FULL, follow_up=None))
    t = res.table.set_index("item")
    assert t.loc["follow_up", "status"] == "missing"
    assert "by hand" in t.loc["follow_up", "detail"]
    assert "no archive" in t.loc["follow_up", "detail"]
    assert not res.complete and res.missing == ["follow_up"]
    t = status(replace(FULL, follow_up=None, previous_year_archived=True))
    assert "holds no action plan" in t.loc["follow_up", "detail"]
    t = status(replace(FULL, follow_up={"done": 1, "not_done": 2}))
    assert t.loc["follow_up", "status"] == "present"
    assert "not_done 2" in t.loc["follow_up", "detail"]


def test_unexplained_differences_leave_results_and_adjustments_incomplete():
    ev = replace(FULL, n_flagged=5, n_flagged_unassessed=2, n_measures=2, plan_cost_yearly=84000.0)
    res = documentation_checklist("3:13", ev)
    t = res.table.set_index("item")
    assert t.loc["results", "status"] == "incomplete"
    assert t.loc["adjustments", "status"] == "incomplete"
    assert t.loc["cost", "status"] == "present" and "84,000" in t.loc["cost", "detail"]
    assert res.missing == ["results", "adjustments"]


def test_measures_statuses():
    base = replace(FULL, n_flagged=4, n_needing_action=2)
    t = status(base)  # needs action, empty plan
    assert (t.loc[["adjustments", "cost", "time_plan"], "status"] == "missing").all()
    t = status(replace(base, n_measures=2))  # no cost computed
    assert t.loc["cost", "status"] == "missing" and t.loc["adjustments", "status"] == "present"
    t = status(replace(base, n_measures=2, plan_cost_yearly=1.0, max_due_ok=False))
    assert t.loc["time_plan", "status"] == "incomplete"


def test_survey_rules_and_cooperation_statuses():
    t = status(replace(FULL, equal_value_done=False, equal_value_reason="no job evaluation"))
    assert t.loc["results", "status"] == "incomplete"
    assert "no job evaluation" in t.loc["results", "detail"]
    t = status(replace(FULL, equal_work_done=False))
    assert t.loc["results", "status"] == "missing"
    assert (t.loc[["adjustments", "cost", "time_plan"], "status"] == "missing").all()
    t = status(replace(FULL, rules_rows=0, samverkan_rows=0))
    assert t.loc["rules_and_practice", "status"] == "missing"
    assert t.loc["cooperation", "status"] == "missing"
    t = status(replace(FULL, rules_unassessed=3, samverkan_incomplete=1))
    assert t.loc["rules_and_practice", "status"] == "incomplete"
    assert t.loc["cooperation", "status"] == "incomplete"


def test_joint_pay_assessment_item_follows_the_eu_module():
    eu = replace(FULL, eu_directive=True)
    assert status(eu).loc["joint_pay_assessment", "status"] == "incomplete"
    t = status(replace(eu, art10_triggered=("2",)))
    assert t.loc["joint_pay_assessment", "status"] == "external"
    assert "categories 2" in t.loc["joint_pay_assessment", "detail"]
    assert (
        status(replace(eu, art10_triggered=())).loc["joint_pay_assessment", "status"] == "present"
    )
    none = status(replace(eu, art10_triggered=("2",)), tier="none")
    assert none.loc["joint_pay_assessment", "status"] == "not_required"


# ---------------------------------------------------------------- Article 10


def g_table(values: dict[str, float]) -> pd.DataFrame:
    rows = [
        {
            "indicator": "g",
            "category": c,
            "component": comp,
            "pay_level": lvl,
            "gender": "",
            "quartile": "",
            "value": v if comp == "all" and lvl == "hourly" else 99,
            "n_women": 4,
            "n_men": 3,
        }
        for c, v in values.items()
        for comp in ("basic", "all")
        for lvl in ("annual", "hourly")
    ]
    return pd.DataFrame(rows)


LATE = {"reporting_date": "2027-06-07", "as_of": "2027-12-08"}


def test_art10_threshold_499_not_flagged_500_flagged():
    res = art10_trigger(
        g_table({"1": 4.99, "2": 5.00, "3": 5.0 - 1e-12, "4": float("nan")}), **LATE
    )
    assert list(res.table.columns) == ART10_COLUMNS
    assert res.table["gap_reached"].tolist() == [False, True, True, False]
    assert res.categories == ["2", "3"] and res.triggered
    assert res.table["n_women"].tolist() == [4] * 4


def test_art10_counts_a_difference_either_way():
    res = art10_trigger(g_table({"1": -5.0, "2": -4.99}), **LATE)
    assert res.table["gap_reached"].tolist() == [True, False]
    assert res.categories == ["1"]


def test_art10_on_eu_indicators_output():
    # hourly gap exactly 5 %: men 40 000, women 38 000, same hours
    df = pd.DataFrame(
        {
            "gender": ["F", "F", "M", "M"],
            "grade": ["A", "A", "A", "A"],
            "base_salary": [38000.0, 38000, 40000, 40000],
        }
    )
    ind = eu_indicators(df, categories="grade")
    res = art10_trigger(ind, **LATE)
    assert res.table["category"].tolist() == ["A"]
    assert res.table["mean_gap_pct"].iloc[0] == pytest.approx(5.0)
    assert res.categories == ["A"]
    assert res.table[["n_women", "n_men"]].iloc[0].tolist() == [2, 2]


def test_art10_justified_category_is_not_triggered():
    expl = pd.DataFrame(
        {
            "item_kind": ["eu_category", "eu_category", "equal_work"],
            "item_key": ["1", "2", "1"],
            "gender_related": ["no", "yes", "no"],
        }
    )
    res = art10_trigger(g_table({"1": 8.0, "2": 8.0, "3": 8.0}), expl, **LATE)
    assert res.table["justified"].tolist() == [True, False, False]
    assert res.categories == ["2", "3"]


def test_art10_deadline_strictly_more_than_six_months():
    g = g_table({"1": 6.0})
    at = art10_trigger(g, reporting_date="2027-06-07", as_of="2027-12-07")
    assert at.deadline.isoformat() == "2027-12-07" and at.months_since_reporting == 6
    assert not at.triggered and not at.table["deadline_passed"].iloc[0]
    after = art10_trigger(g, reporting_date="2027-06-07", as_of="2027-12-08")
    assert after.triggered
    # month end: six months after 31 August is the last day of February
    eom = art10_trigger(g, reporting_date="2027-08-31", as_of="2028-02-29")
    assert eom.deadline.isoformat() == "2028-02-29" and not eom.triggered
    assert art10_trigger(g, reporting_date="2027-08-31", as_of="2028-03-01").triggered


def test_art10_without_reporting_date_is_never_triggered():
    res = art10_trigger(g_table({"1": 30.0}), as_of="2030-01-01")
    assert not res.triggered and res.table["gap_reached"].all()
    assert "reporting_date" in res.note and res.deadline is None
    assert res.table["deadline"].eq("").all()
    assert isinstance(res.summary(), Summary) and "<table" in res._repr_html_()


def test_art10_bad_inputs():
    with pytest.raises(SchemaError, match="eu_indicators"):
        art10_trigger(pd.DataFrame({"x": [1]}), as_of="2030-01-01")
    with pytest.raises(SchemaError, match="gender_related"):
        art10_trigger(g_table({"1": 6.0}), pd.DataFrame({"item_key": ["1"]}), **LATE)
    with pytest.raises(ConfigError, match="as_of = None is not a date"):
        art10_trigger(g_table({"1": 6.0}), reporting_date="2027-06-07", as_of=None)
    with pytest.raises(ConfigError, match="reporting_date = 'soon'"):
        art10_trigger(g_table({"1": 6.0}), reporting_date="soon", as_of="2027-06-07")
    with pytest.raises(ConfigError, match="pay_level"):
        art10_trigger(g_table({"1": 6.0}), pay_level="weekly", **LATE)


# ---------------------------------------------------------------- registers


def test_rules_register_accepts_swedish_words(write):
    path = write(
        "rules_and_practice.csv",
        "Område;Area;Item;Gender_neutral;Assessment;Action\n"
        "x;Kollektivavtal;HÖK;Ja;ok;\n"
        "x;lönepolicy;Lönepolicy;NEJ;criteria vague;rewrite\n"
        "x;Lönekriterier;Kriterier;oklart;;\n"
        "x;tillägg;OB;;;\n"
        "x;Förmåner;Pension;nej;;\n"
        "x;annat;Arbetstid;unclear;;\n"
        "x;collective agreement;Lokalt avtal;yes;;\n",
    )
    frame, warnings = load_rules_and_practice(path)
    assert frame["area"].tolist() == [
        "collective_agreement",
        "pay_policy",
        "salary_criteria",
        "supplements",
        "benefits",
        "other",
        "collective_agreement",
    ]
    assert frame["gender_neutral"].tolist() == ["yes", "no", "unclear", "", "no", "unclear", "yes"]
    assert frame["Område"].tolist() == ["x"] * 7  # the user's own column travels along
    assert warnings == [
        "rules_and_practice.csv: no gender_neutral assessment in rows 5; assess each rule",
        "rules_and_practice.csv: gender_neutral = no but no action in rows 6; say what will change",
    ]


def test_rules_register_bad_choice_names_file_and_row(write):
    path = write(
        "rules_and_practice.csv",
        "area;item;gender_neutral;assessment\npay_policy;Policy;ja;ok\nsupplements;OB;kanske;?\n",
    )
    with pytest.raises(SchemaError, match=r"rules_and_practice\.csv, row 3: gender_neutral"):
        load_rules_and_practice(path)


@pytest.mark.parametrize("loader", [load_rules_and_practice, load_samverkan])
def test_missing_register_default_empty_explicit_error(tmp_path, loader):
    path = tmp_path / "absent.csv"
    frame, warnings = loader(path, explicit=False)
    assert frame.empty and "source_row" in frame.columns
    assert len(warnings) == 1 and "counted as empty" in warnings[0]
    with pytest.raises(DataFileError, match="absent.csv: no such file"):
        loader(path, explicit=True)


def test_samverkan_blank_date_or_participants_warns_with_row(write):
    path = write(
        "samverkan.csv",
        "date,participants,topic,information_given\n"
        "2026-03-02,HR; Kommunal; Vision,Plan for the survey,Pay data per group\n"
        ",Kommunal,Results,Equal-work tables\n"
        "2026-05-10,,Action plan,Cost estimate\n",
    )
    frame, warnings = load_samverkan(path)
    assert frame["date"].tolist() == ["2026-03-02", "", "2026-05-10"]
    assert len(warnings) == 2
    assert warnings[0].startswith("samverkan.csv, row 3: date blank")
    assert warnings[1].startswith("samverkan.csv, row 4: participants blank")


def test_template_covers_every_area_and_reads_back(write):
    sv, en = rules_template(), rules_template("en")
    assert set(sv["area"]) == set(AREAS) and list(sv["area"]) == list(en["area"])
    assert list(sv.columns) == [f.name for f in RULES_FIELDS]
    assert sv[["gender_neutral", "assessment"]].eq("").all().all()
    items = " ".join(sv["item"])
    for word in (
        "HÖK",
        "Lönepolicy",
        "lönekriterier",
        "Arbetsvärdering",
        "OB",
        "beredskap",
        "Ansvarstillägg",
        "Marknadstillägg",
        "Övertid",
        "pension",
        "Friskvård",
        "cykel",
        "Ledighet",
        "nyanställning",
    ):
        assert word.lower() in items.lower(), word
    assert en["item"].str.isascii().sum() >= len(en) - 1  # English text (HÖK keeps its name)
    frame, warnings = load_rules_and_practice(write("r.csv", sv.to_csv(index=False)))
    assert len(frame) == len(sv) and frame["item"].tolist() == sv["item"].tolist()
    assert "no gender_neutral assessment" in warnings[0]
    with pytest.raises(ConfigError):
        rules_template("de")

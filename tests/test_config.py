"""survey.toml (DESIGN §4): defaults, path resolution, and errors tested by message."""

from __future__ import annotations

import datetime as dt

import pytest

from payequity import load_config
from payequity.exceptions import ConfigError

MINIMAL = """
[survey]
organisation = "Exempelkommun"
year = 2026
reference_date = "2026-09-01"
[data]
path = "pay.csv"
[data.columns]
employee_id = "Anst.nr"
gender = "Kön"
unit = "Enhet"
job_code = "Befattningskod"
base_salary = "Månadslön heltid"
[data.values.gender]
K = "F"
M = "M"
[output]
dir = "../reports"
"""


def cfg(tmp_path, text: str = MINIMAL, extra: str = ""):
    folder = tmp_path / "survey"
    folder.mkdir(exist_ok=True)
    path = folder / "survey.toml"
    path.write_text(text + extra, encoding="utf-8")
    return load_config(path)


def test_defaults_of_every_section(tmp_path):
    c = cfg(tmp_path)
    assert c.survey.language == "sv"
    assert c.survey.reference_date == dt.date(2026, 9, 1)
    assert c.data.pay_period == "monthly"
    assert c.data.currency == "SEK"
    assert c.data.encoding is None
    assert c.data.fte_unit is None
    assert c.job_evaluation.model == "default"
    assert c.job_evaluation.path is None
    assert (c.job_evaluation.band_width, c.job_evaluation.tolerance) == (120.0, 60.0)
    assert c.job_evaluation.weight_floor == 0.05
    a = c.analysis
    assert (a.female_dominated_share, a.female_dominated_inclusive, a.male_dominated_share) == (
        0.60,
        True,
        0.40,
    )
    assert a.controls == ["tenure_years", "age"]
    assert (a.min_per_gender, a.fdr, a.gap_threshold, a.person_threshold) == (3, 0.05, 0.02, 0.05)
    assert (a.cov_type, a.bootstrap_reps, a.seed) == ("nonrobust", 499, 0)
    assert (a.categories, a.quartile_ties, a.eu_directive, a.reporting_date) == (
        "band",
        "uk_reg13",
        False,
        None,
    )
    assert c.actions.overhead == 0.40
    assert c.actions.yearly_budget is None
    assert c.actions.explanations == tmp_path / "survey" / "explanations.csv"
    assert not c.is_explicit("actions.explanations")
    r = c.review
    assert (r.criteria, r.pot_pct, r.guarantee, r.cap, r.matrix, r.action_plan_share) == (
        None,
        None,
        0.0,
        None,
        "default",
        0.0,
    )
    assert (c.privacy.min_cell, c.privacy.key_file) == (5, None)
    assert (c.report.audience, c.report.status) == ("hr", "draft")
    assert c.archive.dir == tmp_path / "survey" / "archive"


def test_paths_resolve_against_the_config_folder(tmp_path):
    c = cfg(tmp_path)
    assert c.data.path == tmp_path / "survey" / "pay.csv"
    assert c.output.dir == tmp_path / "reports"
    assert c.to_dict()["output"]["dir"] == "../reports"
    assert c.to_dict()["data"]["path"] == "pay.csv"


def test_explicit_keys_are_known(tmp_path):
    c = cfg(tmp_path, extra='[actions]\nexplanations = "förklaringar.xlsx"\n')
    assert c.is_explicit("actions.explanations")
    assert c.actions.explanations.name == "förklaringar.xlsx"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("[analysis]\nfdrr = 0.1\n", "unknown key analysis.fdrr; did you mean analysis.fdr?"),
        ("[analyses]\nfdr = 0.1\n", "unknown section analyses; did you mean analysis?"),
        ('[analysis]\nfdr = "0.1"\n', r"analysis.fdr must be a number, got '0.1' \(str\)"),
        ("[analysis]\nmin_per_gender = 2.5\n", "analysis.min_per_gender must be a whole number"),
        ("[analysis]\nfdr = 2\n", r"analysis.fdr = 2 is outside \[1e-09, 1\]"),
        ("[analysis]\neu_directive = 1\n", "analysis.eu_directive must be true or false"),
        ('[analysis]\ncontrols = "age"\n', "analysis.controls must be a list of strings"),
        ('[analysis]\ncov_type = "HC4"\n', "analysis.cov_type must be one of.*did you mean 'HC"),
        ('[report]\naudience = "unions"\n', "report.audience must be one of.*did you mean 'union'"),
        ('[analysis]\nreporting_date = "1 juni"\n', "analysis.reporting_date must be a date"),
        (
            "[analysis]\nmale_dominated_share = 0.5\nfemale_dominated_share = 0.5\n",
            "male_dominated_share must be below",
        ),
        ("[review]\npot_pct = 3.0\npot_per_head = 900\n", "pot_pct or review.pot_per_head"),
    ],
)
def test_errors_name_the_key_and_the_fix(tmp_path, extra, message):
    with pytest.raises(ConfigError, match=message) as info:
        cfg(tmp_path, extra=extra)
    assert "survey.toml" in str(info.value)
    assert "\n" not in str(info.value)


def test_unknown_column_key_suggests_canonical(tmp_path):
    text = MINIMAL.replace('job_code = "Befattningskod"', 'jobcode = "Befattningskod"')
    with pytest.raises(
        ConfigError, match="unknown key data.columns.jobcode; did you mean data.columns.job_code"
    ):
        cfg(tmp_path, text)


def test_required_keys(tmp_path):
    with pytest.raises(ConfigError, match="required key survey.year is missing; add it under"):
        cfg(tmp_path, MINIMAL.replace("year = 2026\n", ""))
    with pytest.raises(ConfigError, match="data.columns lacks base_salary"):
        cfg(tmp_path, MINIMAL.replace('base_salary = "Månadslön heltid"\n', ""))
    with pytest.raises(ConfigError, match="required key output.dir is missing"):
        cfg(tmp_path, MINIMAL.replace('[output]\ndir = "../reports"\n', ""))


def test_gender_values_must_map_to_f_or_m(tmp_path):
    with pytest.raises(ConfigError, match=r"data.values.gender maps to \['W'\]"):
        cfg(tmp_path, MINIMAL.replace('K = "F"', 'K = "W"'))


def test_not_toml_and_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="not valid TOML"):
        cfg(tmp_path, "[survey\n")
    with pytest.raises(ConfigError, match="no such config file"):
        load_config(tmp_path / "nope.toml")


def test_a_list_of_columns_is_accepted(tmp_path):
    text = MINIMAL.replace("[data.values.gender]", 'supplements = ["A", "B"]\n[data.values.gender]')
    assert cfg(tmp_path, text).data.columns["supplements"] == ["A", "B"]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("[analysis]\nfdr = nan\n", "analysis.fdr must be a finite number"),
        ("[actions]\nyearly_budget = inf\n", "actions.yearly_budget must be a finite number"),
        ("[job_evaluation]\nband_width = nan\n", "job_evaluation.band_width must be a finite"),
        ('[survey]\npath = "x.csv"\n', "unknown key survey.path; did you mean data.path?"),
    ],
)
def test_non_finite_numbers_and_keys_in_the_wrong_section(tmp_path, extra, message):
    text = (
        MINIMAL.replace("[survey]\n", "[survey]\n" + extra.split("\n", 1)[1])
        if extra.startswith("[survey]")
        else MINIMAL + extra
    )
    with pytest.raises(ConfigError, match=message):
        cfg(tmp_path, text)


@pytest.mark.parametrize("fmt", ["%Q", "%Y-%"])
def test_bad_date_format_is_named(tmp_path, fmt):
    text = MINIMAL.replace('path = "pay.csv"', f'path = "pay.csv"\ndate_format = "{fmt}"')
    with pytest.raises(ConfigError, match="data.date_format .* is not a date format"):
        cfg(tmp_path, text)

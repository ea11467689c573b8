"""What a union representative reads (issue 14): every table shows the gap its flag is based on,
counts count comparisons, the three analyses of DL 3:9 are always reported, the EU figures are
labelled as the directive's and said in words, and no setting key, file name or Python value
appears before the methods annex ("Metod och inställningar"), where each setting is said in
words with its value and its key."""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

import payequity as pe
from payequity._format import fmt_kr, fmt_pct
from payequity.report import overview_pdf, unit_pdf
from payequity.report._vocabulary import SETTINGS

TS = "2026-09-30T12:00:00Z"
KEY = re.compile(
    r"\b(survey|data|job_evaluation|analysis|actions|review|privacy|report|output|archive)"
    r"\.[a-z_]+\b"
)
FILE = re.compile(r"\b\w+\.(csv|toml|json|xlsx)\b")
PYTHON = re.compile(r"\b(True|False|None|nan)\b")
NONE_LOWER = (
    "Inga fall: inget kvinnodominerat arbete har lägre lön än ett lägre värderat arbete som "
    "inte är kvinnodominerat."
)
THIRD = "Lägre värderat arbete med högre lön"
UNIT = "Barn- och utbildningsförvaltningen/Sjövikskolan"  # equal-value cases, none of lower value


def _text(pdf: bytes) -> str:
    """The PDF's text, whitespace collapsed and words hyphenated at a line end joined."""
    pages = PdfReader(io.BytesIO(pdf)).pages
    text = " ".join(
        " ".join((p.extract_text() or "").replace("\u00a0", " ").split()) for p in pages
    )
    return _join(text)


def _join(s: str) -> str:
    return re.sub(r"(\w)[-\u00ad] (\w)", r"\1\2", " ".join(s.replace("\u00a0", " ").split()))


def _before_annex(text: str, heading: str = "Metod och inställningar") -> str:
    """The text before the methods annex's heading (not its line in the contents)."""
    m = re.search(rf"\d+ {heading} (?!\.)", text)
    assert m, f"no section headed {heading!r}"
    return text[: m.start()]


def _hits(text: str) -> list[str]:
    return [m.group(0) for pat in (KEY, FILE, PYTHON) for m in pat.finditer(text)]


@pytest.fixture(scope="module")
def sample_pdfs(sample_run):
    """The sample's overview and one unit's report, as text."""
    return _text(overview_pdf(sample_run)[0]), _text(unit_pdf(sample_run, UNIT)[0])


def _lower_value_survey(folder: Path) -> Path:
    """A female-dominated job FD1 (300 points) paid less than M1, a male-dominated job of lower
    value (150 points), in unit Norr, and than M2, of equal value (310 points), in unit Söder.
    No birth years or hire dates: the regressions have no controls."""
    rows, n = ["id;kon;enhet;yrke;lon"], 0
    for unit, job, gender, count, pay in (
        ("Norr", "FD1", "K", 10, 30000),
        ("Norr", "FD1", "M", 2, 30000),
        ("Söder", "FD1", "K", 10, 30000),
        ("Söder", "FD1", "M", 2, 30000),
        ("Norr", "M1", "K", 1, 33000),
        ("Norr", "M1", "M", 9, 33000),
        ("Söder", "M2", "K", 3, 34000),
        ("Söder", "M2", "M", 7, 34000),
    ):
        for i in range(count):
            n += 1
            rows.append(f"{n};{gender};{unit};{job};{pay + 100 * i}")
    (folder / "pay.csv").write_text("\n".join(rows) + "\n", "utf-8")
    (folder / "jobs.csv").write_text("job_code;points\nFD1;300\nM1;150\nM2;310\n", "utf-8")
    toml = folder / "survey.toml"
    toml.write_text(
        '[survey]\norganisation = "Testkommun"\nyear = 2026\nreference_date = "2026-09-01"\n'
        '[data]\npath = "pay.csv"\n[data.columns]\nemployee_id = "id"\ngender = "kon"\n'
        'unit = "enhet"\njob_code = "yrke"\nbase_salary = "lon"\n'
        '[data.values.gender]\nK = "F"\nM = "M"\n[job_evaluation]\npath = "jobs.csv"\n'
        '[output]\ndir = "reports"\n',
        "utf-8",
    )
    return toml


@pytest.fixture(scope="module")
def lower_value(tmp_path_factory):
    """The hand-built survey's run and its overview and unit reports, as text."""
    run = pe.run(
        _lower_value_survey(tmp_path_factory.mktemp("lower_value")), only="data", timestamp=TS
    )
    texts = {"": _text(overview_pdf(run)[0])}
    texts.update({u: _text(unit_pdf(run, u)[0]) for u in ("Norr", "Söder")})
    return run, texts


def _assert_words_only_before_the_annex(text: str) -> None:
    before = _before_annex(text)
    shown = [before[max(0, before.find(h) - 60) : before.find(h) + 40] for h in _hits(before)]
    assert shown == []
    assert "Minst 60 % kvinnor" in text[len(before) :]  # the annex says the share as a share


@pytest.mark.pdf
def test_no_key_file_name_or_python_value_before_the_methods_annex(sample_pdfs, lower_value):
    for text in (*sample_pdfs, lower_value[1]["Norr"], lower_value[1]["Söder"]):
        _assert_words_only_before_the_annex(text)


@pytest.mark.pdf
def test_no_file_name_before_the_annex_when_the_registers_are_missing(lower_value):
    _assert_words_only_before_the_annex(lower_value[1][""])


@pytest.mark.pdf
def test_the_third_analysis_has_its_heading_and_says_when_there_are_no_cases(
    sample_run, sample_pdfs
):
    ev = sample_run.tables["equal_value"]
    assert not (ev["kind"] == "lower_value_higher_pay").any()  # the sample has none
    for text in sample_pdfs:
        section = text[text.index(f"{THIRD} Här jämförs") :]
        assert section.index(NONE_LOWER) < 400, section[:500]
    # the equal-value analysis keeps its own heading: cases in the overview and in the unit
    overview, unit = sample_pdfs
    for text in (overview, unit):
        assert "Kvinnodominerat arbete mot arbete av lika värde" in _before_annex(text)


@pytest.mark.pdf
def test_a_lower_valued_better_paid_comparator_shows_a_row(lower_value):
    run, texts = lower_value
    t = run.tables["equal_value"]
    lower = t[(t["kind"] == "lower_value_higher_pay") & (t["pay_measure"] == "base_salary")]
    assert set(lower["unit"]) == {"", "Norr"} and set(lower["comparator_job"]) == {"M1"}
    for unit in ("", "Norr"):
        r = lower[lower["unit"] == unit].iloc[0]
        section = texts[unit][texts[unit].index(f"{THIRD} Här jämförs") :]
        gap = fmt_pct(r.pay_gap_pct)
        row = f"FD1 M1 300 / 150 Grundlön {int(r.n_fd)} / {int(r.n_cmp)} "
        row += f"{fmt_kr(r.mean_pay_fd)} {fmt_kr(r.mean_pay_cmp)} {gap} Ja"
        assert _join(row) in section, section[:900]
        assert (
            _join(f"FD1 har {fmt_pct(abs(r.pay_gap_pct))} lägre lön än M1 på grundlön") in section
        )
        assert NONE_LOWER not in section[:600]
    # Söder has an equal-value case but none of lower value: its report says so
    soder = texts["Söder"]
    assert "FD1 M2 300 / 310 Grundlön" in soder
    assert soder[soder.index(f"{THIRD} Här jämförs") :].index(NONE_LOWER) < 400


@pytest.mark.pdf
def test_the_equal_work_table_shows_the_gap_its_flag_is_based_on(sample_run, sample_pdfs):
    overview = sample_pdfs[0]
    ew = sample_run.tables["equal_work"]
    org = ew[(ew["unit"].fillna("") == "") & ew["flagged"].astype(bool)]
    assert set(org["flag_rule"]) == {"regression", "raw"}  # both bases are exercised
    for r in org.itertuples():
        adjusted = r.flag_rule == "regression"
        gap = r.adjusted_gap_pct if adjusted else r.women_pct_of_men - 100
        basis = "Justerad" if adjusted else "Rå"  # short; the table's note says which is which
        lower = "Kvinnor" if round(gap, 1) < 0 else "Män"
        row = f"{fmt_kr(r.mean_women)} {fmt_kr(r.mean_men)} {fmt_pct(r.women_pct_of_men)} "
        row += f"{fmt_pct(gap)} {basis} {lower}"
        assert _join(row) in overview, row
    for header in ("Skillnad Grund", "Lägre lön"):
        assert header in overview
    # Kock: flagged on the adjusted gap (3,2 %), not the raw one (2,5 %)
    assert "102,5 % 3,2 % Justerad Män 0,049 Ja" in overview


@pytest.mark.pdf
def test_counts_count_comparisons_and_each_flagged_gap_is_said_in_words(sample_run, sample_pdfs):
    overview = sample_pdfs[0]
    ew = sample_run.tables["equal_work"]
    org = ew[(ew["unit"].fillna("") == "") & ew["needs_assessment"].astype(bool)]
    k = org.loc[org["flagged"].astype(bool), "work_group"].nunique()
    assert k < int(org["flagged"].sum())  # a group flagged on both pay measures counts once
    assert f"Grupper med både kvinnor och män: {org['work_group'].nunique()} jämförelser." in (
        overview
    )
    assert f"{k} jämförelser är flaggade:" in overview
    assert (
        "Behandlingsassistent (351015), flaggad för grundlön och månadslön: kvinnor har "
        "5,5 % lägre lön än män på grundlön" in overview
    )
    assert "1 jämförelse, flaggad:" in overview  # equal value: one pair of jobs, both measures
    assert not re.search(r"\b1 jämförelser\b", overview)


@pytest.mark.pdf
def test_the_eu_figures_are_labelled_as_the_directives_and_said_in_words(sample_run, sample_pdfs):
    overview = sample_pdfs[0]
    t = sample_run.results["eu"].table
    a = t[(t["indicator"] == "a") & (t["pay_level"] == "annual") & (t["category"].fillna("") == "")]
    d = float(a["value"].iloc[0])
    assert d > 0  # men earn more: positive by the directive's sign
    assert "enligt direktivets definition, som andel av männens lön, positiv när män har" in (
        overview
    )
    said = f"{fmt_pct(d)} räknat på årslön (kvinnor har {fmt_pct(d)} lägre lön än män)"
    assert _join(said) in overview
    assert _join(f"årslön {fmt_pct(d)} kvinnor har {fmt_pct(d)} lägre lön än män") in overview


@pytest.mark.pdf
def test_controls_are_named_as_the_run_used_them(sample_pdfs, lower_value):
    overview, unit = sample_pdfs
    for text in (overview, unit):
        assert "logaritmerad lön där anställningstid och ålder hålls lika" in text
    _, texts = lower_value  # no birth years or hire dates: no controls
    for text in texts.values():
        assert "logaritmerad lön utan kontroller" in text
        assert "anställningstid och ålder" not in _before_annex(text)
    assert "före och efter att yrke (arbetsgrupp) hålls lika" in texts[""]


@pytest.mark.pdf
def test_the_confidence_interval_is_spelled_out_where_ki_first_appears(sample_pdfs):
    for text in sample_pdfs:
        first = re.search(r"\bKI\b", text)
        if first:
            assert "konfidensintervall" in text[max(0, first.start() - 40) : first.start()]


@pytest.mark.pdf
def test_the_methods_annex_says_each_setting_its_value_and_its_key(sample_pdfs):
    annex = sample_pdfs[0][len(_before_annex(sample_pdfs[0])) :]
    assert "Inställning Värde Nyckel i survey.toml" in annex
    for row in (
        "Andel kvinnor som gör ett yrke kvinnodominerat 60 % analysis.female_dominated_share",
        "Avsnitt och banderoll om EU-direktivet Nej analysis.eu_directive",
        "Exakt på gränsen räknas som kvinnodominerat Ja analysis.female_dominated_inclusive",
        "Lönebikostnader 40 % actions.overhead",
        "Antal anställda vid årets början – actions.headcount",
    ):
        assert row in annex, row
    assert not PYTHON.search(annex)


def _strings(x):
    if isinstance(x, str):
        yield x
    elif isinstance(x, dict):
        for k, v in x.items():
            if k not in ("type", "file", "align", "tone", "size", "width", "level"):
                yield from _strings(v)
    elif isinstance(x, list):
        for v in x:
            yield from _strings(v)


def test_english_reports_say_settings_in_words_and_report_the_three_analyses(sample_run):
    from payequity.report._content import document

    cfg = sample_run.config
    survey = {**cfg.sections["survey"], "language": "en"}
    run = dataclasses.replace(
        sample_run, config=dataclasses.replace(cfg, sections={**cfg.sections, "survey": survey})
    )
    for unit in (None, UNIT):
        doc = document(run, unit, {})
        titles = [s["title"] for s in doc["sections"]]
        annex = titles.index("Methods and settings")
        before = " ".join([*_strings(doc["cover_facts"]), *_strings(doc["sections"][:annex])])
        assert _hits(before) == []
        assert "Lower-valued work paid more" in before
        assert (
            "No cases: no female-dominated work is paid less than lower-valued work that is "
            "not female-dominated." in before
        )
        annex_text = " ".join(_strings(doc["sections"][annex]))
        # the settings (with their keys) in the overview's annex; a unit's refers to it
        settings = "Key in survey.toml" if unit is None else "listed in the overview's annex"
        assert settings in annex_text and "Sammanfattning" not in before


def test_every_setting_has_words_in_both_languages(shared):
    """Every key of DESIGN §4's settings table, and every key a config holds, has a meaning in
    Swedish and in English for the methods annex."""
    design = (shared / "DESIGN.md").read_text("utf-8")
    table = design[design.index("| key | default | meaning |") :].split("\n\n")[0]
    listed = set()
    for line in table.splitlines()[2:]:
        prefix = ""
        for part in re.split(r"[,/]", line.split("|")[1]):
            part = part.strip()
            if "." in part:
                prefix = part.rsplit(".", 1)[0]
            listed.add(".".join((part if "." in part else f"{prefix}.{part}").split(".")[:2]))
    assert len(listed) > 50
    config = pe.load_config("data/sample/survey.toml").to_dict()
    used = {f"{s}.{k}" for s, values in config.items() for k in values}
    for key in sorted(listed | used):
        assert key in SETTINGS, key
        sv, en, _ = SETTINGS[key]
        assert sv and en and key not in (sv, en), key

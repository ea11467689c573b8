"""The employee's own documents: Art. 7 letters, their register, the notice, pay-talk statements.

A hand-made municipality of 71 people in five jobs, every salary distinct and no multiple of a
hundred, so a figure in a document can be traced to the people behind it:

- jobs 100 (8 women, 6 men), 300 (7, 7), 400 (10, 10) and 500 (6, 6): averages shown;
- job 200 (2 women, 9 men): too few women, so neither gender's average is shown;
- jobs 100 and 200 share value band 1 (points 150 and 170, band width 120): the band's average
  less job 100's would give job 200's back, so the band's averages are withheld too;
- jobs 300, 400 and 500 are alone in bands 3, 5 and 6: the organisation's average less the
  bands shown would give band 1 back, so the smallest other band (6) is withheld as well;
- a job's annual and hourly averages: the organisation's average for a gender less the jobs
  shown would give job 200's back, so the smallest other job of that gender goes too (women:
  job 500; men: job 100).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader

from payequity.cli import main
from payequity.pipeline import write_letters, write_statements
from payequity.privacy import deadline, update_register

KEY = "letters-test-key"
TS = "2026-12-08T09:00:00Z"
JOBS = {
    "100": ("Undersköterska", 8, 6),
    "200": ("Brandman", 2, 9),
    "300": ("Lärare", 7, 7),
    "400": ("Socionom", 10, 10),
    "500": ("Ingenjör", 6, 6),
}
POINTS = {"100": 150, "200": 170, "300": 400, "400": 650, "500": 780}
HOSTILE = '#set page(width: 1cm) = "=HYPERLINK(x)" ../../etc'


def _people() -> pd.DataFrame:
    rows, i = [], 0
    for code, (title, women, men) in JOBS.items():
        for gender, n in (("K", women), ("M", men)):
            for _ in range(n):
                i += 1
                rows.append(
                    {
                        "employee_id": str(5000 + i),
                        "gender": gender,
                        "unit": HOSTILE if code == "300" else "Vård och omsorg",
                        "job_code": code,
                        "job_title": title,
                        "fte": 100 if i % 3 else 75,
                        "base_salary": 28000 + 173 * i + 11,
                        "supplement": 250 + 7 * i if i % 2 else 0,
                        "variable_pay": 1300 + 31 * i if i % 4 == 0 else 0,
                    }
                )
    return pd.DataFrame(rows)


CONFIG = """
[survey]
organisation = "Testkommun"
year = 2026
reference_date = "2026-09-01"
[data]
path = "pay.csv"
[data.columns]
employee_id = "employee_id"
gender = "gender"
unit = "unit"
job_code = "job_code"
job_title = "job_title"
fte = "fte"
base_salary = "base_salary"
supplements = "supplement"
variable_pay = "variable_pay"
[data.values.gender]
K = "F"
M = "M"
[job_evaluation]
path = "job_evaluation.csv"
{review}
[output]
dir = "reports"
[archive]
dir = "reports/archive"
"""
REVIEW = """
[review]
criteria = "criteria.toml"
ratings = "ratings.csv"
pot_pct = 3.0
effective_date = "2027-04-01"
"""
CRITERIA = """
[scale]
min = 1
max = 4
expected = 2
labels = ["Når inte förväntan", "God", "Mycket god", "Utmärkt"]
[[criterion]]
id = "results"
name = "Resultat"
description = "Når målen för verksamheten."
weight = 0.5
[[criterion]]
id = "cooperation"
name = "Samarbete"
description = "Samarbetar med kollegor."
weight = 0.5
"""


def _folder(root: Path, review: bool = True) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    people = _people()
    people.to_csv(root / "pay.csv", index=False)
    pd.DataFrame({"job_code": list(POINTS), "points": list(POINTS.values())}).to_csv(
        root / "job_evaluation.csv", index=False
    )
    (root / "survey.toml").write_text(CONFIG.format(review=REVIEW if review else ""), "utf-8")
    (root / "criteria.toml").write_text(CRITERIA, "utf-8")
    rated = people["employee_id"].iloc[:30]  # the last nine are not rated
    pd.DataFrame(
        {"employee_id": rated, "results": [1 + k % 4 for k in range(30)], "cooperation": 3}
    ).to_csv(root / "ratings.csv", index=False)
    return root


@pytest.fixture(autouse=True)
def key(monkeypatch):
    monkeypatch.setenv("PAYEQUITY_PSEUDONYM_KEY", KEY)


@pytest.fixture(scope="module")
def town(tmp_path_factory) -> Path:
    return _folder(tmp_path_factory.mktemp("town"))


def _id(job: str, gender: str, k: int = 0) -> str:
    p = _people()
    return str(p[(p["job_code"] == job) & (p["gender"] == gender)]["employee_id"].iloc[k])


def _text(path: Path) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


def _kr(x: float, decimals: int = 0) -> str:
    """Swedish money as the documents print it, spaces plain."""
    s = f"{x:,.{decimals}f}".replace(",", " ").replace(".", ",")
    return s + " kr"


# --- the deadline and the register ----------------------------------------------------------


@pytest.mark.parametrize(
    ("asked", "due"),
    [
        ("2026-10-01", "2026-12-01"),
        ("2026-12-31", "2027-02-28"),  # no 31 February: the month's last day
        ("2027-12-31", "2028-02-29"),  # a leap year
        ("2026-08-31", "2026-10-31"),
        ("2026-07-31", "2026-09-30"),
    ],
)
def test_the_deadline_is_two_calendar_months_at_month_ends_the_last_day(asked, due):
    assert deadline(dt.date.fromisoformat(asked)).isoformat() == due


def test_the_register_flags_a_request_past_its_deadline():
    asked = pd.DataFrame(
        {
            "employee_id": ["a", "b", "c"],
            "request_date": [dt.date(2026, 9, 1), dt.date(2026, 11, 20), dt.date(2026, 9, 2)],
            "answered": [False, False, True],
            "note": ["", "", ""],
        }
    )
    r = update_register(None, asked, dt.date(2026, 12, 8)).set_index("employee_id")
    assert r.loc["a", "status"] == "past_due"  # due 2026-11-01, no letter
    assert r.loc["b", "status"] == "open"  # due 2027-01-20
    assert r.loc["c", "status"] == "answered_late"  # due 2026-11-02, answered 2026-12-08
    # a later day turns the open request past due; the earlier rows are kept
    later = update_register(r.reset_index(), asked.iloc[:0], dt.date(2027, 1, 21))
    assert later.set_index("employee_id").loc["b", "status"] == "past_due"
    assert len(later) == 3


def test_letters_run_and_validate_warn_about_a_request_past_due(town, tmp_path, capsys):
    out = tmp_path / "out"
    code = main(
        [
            "letters",
            str(town / "survey.toml"),
            "--ids",
            "9999",
            "--register-only",
            "--request-date",
            "2026-09-01",
            "--out",
            str(out),
            "--timestamp",
            TS,
        ]
    )
    assert code == 0
    said = capsys.readouterr().out
    assert "past the two-month deadline" in said and "2026-11-01" in said
    register = pd.read_csv(out / "letters" / "register.csv", dtype=str, keep_default_na=False)
    assert register[["deadline", "status", "note"]].values.tolist() == [
        ["2026-11-01", "past_due", "not in the pay data"]
    ]
    assert "9999" not in (out / "letters" / "register.csv").read_text()  # a pseudonym only
    assert (
        main(
            [
                "run",
                str(town / "survey.toml"),
                "--only",
                "data",
                "--out",
                str(out),
                "--timestamp",
                TS,
            ]
        )
        == 0
    )
    assert "past the two-month deadline" in capsys.readouterr().out


def test_an_unknown_id_stops_the_letters_with_the_fix(town, tmp_path, capsys):
    args = [
        "letters",
        str(town / "survey.toml"),
        "--ids",
        "9999",
        "--request-date",
        "2026-11-01",
        "--out",
        str(tmp_path),
    ]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "'9999' is not in the pay data" in err and "--register-only" in err
    assert not (tmp_path / "letters").exists()


def test_letters_need_the_key(town, tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("PAYEQUITY_PSEUDONYM_KEY")
    for command in (
        ["letters", "--ids", _id("100", "K"), "--request-date", "2026-11-01"],
        ["statements", "--ids", _id("100", "K")],
    ):
        args = [command[0], str(town / "survey.toml"), *command[1:], "--out", str(tmp_path)]
        assert main(args) == 1
        assert "PAYEQUITY_PSEUDONYM_KEY" in capsys.readouterr().err
    assert not any(tmp_path.iterdir())


# --- what a letter says ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def letters(town, tmp_path_factory):
    out = tmp_path_factory.mktemp("letters")
    ids = [_id("200", "K"), _id("300", "M", 2), _id("100", "K", 1), _id("500", "M")]
    (town / "ids.txt").write_text("\n".join(ids) + "\n# end\n", "utf-8")
    with pytest.MonkeyPatch.context() as mp:  # the autouse key fixture is per test
        mp.setenv("PAYEQUITY_PSEUDONYM_KEY", KEY)
        return write_letters(
            town / "survey.toml",
            ids_file=town / "ids.txt",
            request_date="2026-10-15",
            notice=True,
            out=out,
            timestamp=TS,
        )


@pytest.mark.pdf
def test_a_letter_in_a_too_small_category_says_so_instead_of_a_number(letters):
    who = _id("200", "K")  # one of the two women firefighters
    letter = letters.letters[who]
    same, value = letter.employments[0].same_work, letter.employments[0].equal_value
    assert (same.n_women, same.n_men) == (2, 9) and same.withheld
    assert same.means["monthly_pay"] == (None, None)  # the men's too: the pair rule
    assert value.withheld and value.means["annual"] == (None, None)  # band 1 less job 100
    text = _text(letters.out_dir / letters.files[who])
    assert "Gruppen har bara 2 kvinnor" in text and "minst 5 av varje kön" in text
    assert text.count("lämnas inte ut") >= 4  # both genders, both comparisons
    p = _people()
    firefighters = p[p["job_code"] == "200"]
    pay = firefighters["base_salary"] + firefighters["supplement"]
    assert _kr(pay[firefighters["gender"] == "M"].mean()) not in text


@pytest.mark.pdf
def test_a_band_whose_figures_would_give_another_back_is_withheld_and_says_why(letters):
    who = _id("500", "M")  # band 6: the organisation's average less bands 3 and 5 gives band 1
    job = letters.letters[who].employments[0]
    assert job.equal_value.withheld and job.equal_value.means["annual"] == (None, None)
    # same work: the monthly averages are the public edition's; the women's annual and hourly
    # are withheld, since the organisation's average for women less the jobs shown would give
    # job 200's two women back (job 500's six are the fewest women shown); the men's are shown
    # (job 100's six men are withheld beside job 200's nine instead: a tie broken by the code)
    same = job.same_work.means
    assert None not in same["monthly_pay"]
    assert same["annual"][0] is None and same["annual"][1] is not None
    text = _text(letters.out_dir / letters.files[who])
    assert "tillsammans med andra siffror som arbetsgivaren publicerar" in text


@pytest.mark.pdf
def test_a_letter_gives_own_pay_and_the_averages_computed_by_hand(letters):
    who = _id("300", "M", 2)
    p = _people().set_index("employee_id")
    me = p.loc[who]
    monthly = me["base_salary"] + me["supplement"]
    fte = me["fte"] / 100
    annual = 12 * fte * monthly + me["variable_pay"]
    hourly = annual / (52 * 40 * fte)
    teachers = p[p["job_code"] == "300"]
    month = teachers["base_salary"] + teachers["supplement"]
    year = 12 * teachers["fte"] / 100 * month + teachers["variable_pay"]
    hour = year / (52 * 40 * teachers["fte"] / 100)
    women = teachers["gender"] == "K"
    letter = letters.letters[who]
    job = letter.employments[0]
    assert job.pay.annual == pytest.approx(annual) and job.pay.hourly == pytest.approx(hourly)
    assert job.same_work.means["monthly_pay"] == pytest.approx(
        (month[women].mean(), month[~women].mean())
    )
    # band 3 holds job 300 only: its full-time monthly averages are the job's
    assert job.equal_value.means["monthly_pay"] == pytest.approx(
        (month[women].mean(), month[~women].mean())
    )
    for level, values in (("annual", year), ("hourly", hour)):  # job 300 withheld for no one
        assert job.same_work.means[level] == pytest.approx(
            (values[women].mean(), values[~women].mean())
        )
    assert job.equal_value.means["annual"] == pytest.approx(
        (year[women].mean(), year[~women].mean())
    )
    assert job.equal_value.means["hourly"] == pytest.approx(
        (hour[women].mean(), hour[~women].mean())
    )
    text = _text(letters.out_dir / letters.files[who])
    for figure in (
        _kr(monthly),
        _kr(annual),
        _kr(hourly, 2),
        _kr(month[women].mean()),
        _kr(year[~women].mean()),
        _kr(hour[women].mean(), 2),
    ):
        assert figure in text, figure
    assert "2026-10-15" in text and "2026-12-15" in text  # the request and its deadline
    assert HOSTILE in text  # the unit's name printed as written, not as markup


@pytest.mark.pdf
def test_no_other_employees_pay_in_any_letter_or_statement(letters, town, tmp_path):
    statements = write_statements(town / "survey.toml", out=tmp_path, timestamp=TS)
    p = _people()
    monthly = p["base_salary"] + p["supplement"]
    annual = 12 * p["fte"] / 100 * monthly + p["variable_pay"]
    figures = {
        eid: {_kr(b), _kr(m), _kr(a), _kr(m * f / 100)}
        for eid, b, m, a, f in zip(
            p["employee_id"], p["base_salary"], monthly, annual, p["fte"], strict=True
        )
    }
    documents = [(eid, letters.out_dir / f) for eid, f in letters.files.items()]
    documents += [(eid, tmp_path / f) for eid, f in statements.files.items()]
    assert len(documents) == 4 + len(p)
    for owner, path in documents:
        text = _text(path)
        for other, theirs in figures.items():
            if other != owner:
                leaked = [x for x in theirs if x in text and x not in figures[owner]]
                assert not leaked, (owner, other, leaked)


def test_the_register_of_a_batch_and_the_next_batch_keeps_both(letters, town):
    register = letters.register
    assert set(register["deadline"]) == {"2026-12-15"}  # asked 2026-10-15
    assert set(register["status"]) == {"answered"}  # on 2026-12-08
    assert set(register["letter_date"]) == {"2026-12-08"}
    again = write_letters(
        town / "survey.toml",
        ids=[_id("100", "M")],
        request_date="2026-12-01",
        out=letters.out_dir,
        timestamp=TS,
    )
    assert len(again.register) == len(register) + 1
    assert (letters.out_dir / letters.files[_id("200", "K")]).is_file()  # earlier letters stay
    assert (letters.out_dir / "letters" / "notice.pdf").is_file()


@pytest.mark.pdf
def test_the_notice_tells_of_the_right_the_deadline_and_small_groups(letters):
    text = _text(letters.out_dir / "letters" / "notice.pdf")
    for words in (
        "artikel 7",
        "senast två månader",
        "färre än 5 kvinnor",
        "din egen lön",
        "artikel 25",
    ):
        assert words in text


# --- the pay-talk statement ------------------------------------------------------------------


@pytest.mark.pdf
def test_a_statement_with_ratings_and_a_proposed_raise(town, tmp_path):
    assert main(["review", str(town / "survey.toml"), "--out", str(tmp_path), "--quiet"]) == 0
    who = _id("100", "K", 1)
    done = write_statements(town / "survey.toml", ids=[who], out=tmp_path, timestamp=TS)
    s = done.statements[who]
    assert s.rated and [r.level for r in s.ratings] == [2.0, 3.0]
    raises = pd.read_csv(tmp_path / "review" / "raises.csv", dtype={"employee_id": str})
    mine = raises[raises["employee_id"] == who].iloc[0]
    proposal = s.jobs[0].proposal
    assert proposal.raise_monthly == mine["raise"]
    text = _text(tmp_path / done.files[who])
    assert "Resultat" in text and "Når målen för verksamheten." in text and "2 – God" in text
    assert _kr(mine["new_base_salary"]) in text and "2027-04-01" in text
    # the job's range: 14 people, a median but no P10/P90 (they need 21)
    job = s.jobs[0].job_range
    base = _people().query("job_code == '100'")["base_salary"]
    assert job.n == 14 and job.median == 100 * round(base.median() / 100) and job.p10 is None


@pytest.mark.pdf
def test_a_statement_without_ratings_is_written_and_says_so(tmp_path):
    town = _folder(tmp_path / "town", review=False)
    who = _id("300", "K")
    done = write_statements(town / "survey.toml", unit=HOSTILE, out=tmp_path / "out", timestamp=TS)
    assert len(done.statements) == 14  # everyone in the unit
    s = done.statements[who]
    assert not s.rated and s.jobs[0].proposal is None
    text = _text(tmp_path / "out" / done.files[who])
    assert "inga bedömningar är registrerade" in text


def test_statements_for_someone_not_rated_say_no_ratings_are_registered(town, tmp_path):
    who = _id("300", "M", 6)  # among the last nine: not in ratings.csv
    s = write_statements(town / "survey.toml", ids=[who], out=tmp_path, timestamp=TS)
    assert not s.statements[who].rated


# --- the letters tell no more than the public edition ---------------------------------------


def test_every_average_in_a_letter_is_the_public_editions(letters, town, tmp_path):
    import payequity as pe

    public = pe.run(
        town / "survey.toml", audience="public", out=tmp_path, only="data", timestamp=TS
    )
    ew, eu = public.tables["equal_work"], public.tables["eu_indicators"]
    org = ew[(ew["unit"].fillna("") == "") & (ew["pay_measure"] == "monthly_pay")]
    g = eu[(eu["indicator"] == "g") & (eu["component"] == "all")]
    for letter in letters.letters.values():
        job = letter.employments[0]
        row = org[org["work_group"].astype(str) == job.pay.work_group].iloc[0]
        published = tuple(None if pd.isna(v) else v for v in (row["mean_women"], row["mean_men"]))
        assert job.same_work.means["monthly_pay"] == pytest.approx(published)
        for level in ("annual", "hourly"):
            r = g[(g["category"].astype(str) == job.pay.category) & (g["pay_level"] == level)]
            pair = tuple(None if pd.isna(v) else v for v in r[["pay_women", "pay_men"]].iloc[0])
            assert job.equal_value.means[level] == pytest.approx(pair)


def test_requests_file_with_dates_and_a_bad_row(town, tmp_path, capsys):
    good = _id("100", "K")
    (tmp_path / "req.csv").write_bytes(
        f"Anst.nr;request_date\n{good};2026-11-02\n{_id('100', 'M')};\n".encode("cp1252")
    )
    args = [
        "letters",
        str(town / "survey.toml"),
        "--requests",
        str(tmp_path / "req.csv"),
        "--out",
        str(tmp_path / "out"),
        "--timestamp",
        TS,
    ]
    assert main(args) == 1  # the second row has no date and no --request-date was given
    assert "row 3" in capsys.readouterr().err
    assert main([*args, "--request-date", "2026-11-20"]) == 0
    register = pd.read_csv(tmp_path / "out" / "letters" / "register.csv", dtype=str)
    assert sorted(register["request_date"]) == ["2026-11-02", "2026-11-20"]
    (tmp_path / "bad.csv").write_text(f"employee_id,request_date\n{good},2 november\n", "utf-8")
    bad = [
        "letters",
        str(town / "survey.toml"),
        "--requests",
        str(tmp_path / "bad.csv"),
        "--out",
        str(tmp_path / "out2"),
    ]
    assert main(bad) == 1
    err = capsys.readouterr().err
    assert "row 2" in err and "YYYY-MM-DD" in err


def test_letters_usage_errors_say_what_to_give(town, tmp_path, capsys):
    base = ["letters", str(town / "survey.toml"), "--out", str(tmp_path)]
    assert main(base) == 1
    assert "--ids, --ids-file or --requests" in capsys.readouterr().err
    assert main([*base, "--ids", _id("100", "K")]) == 1
    assert "--request-date is needed" in capsys.readouterr().err
    assert main([*base, "--notice"]) == 0  # the yearly notice alone
    assert (tmp_path / "letters" / "notice.pdf").is_file()
    assert (
        main(["statements", str(town / "survey.toml"), "--unit", "Nowhere", "--out", str(tmp_path)])
        == 1
    )
    assert "is not a unit" in capsys.readouterr().err


def test_validate_warns_about_a_request_past_due_in_the_output_folder(tmp_path, capsys):
    town = _folder(tmp_path / "town", review=False)
    args = [
        "letters",
        str(town / "survey.toml"),
        "--ids",
        _id("100", "K"),
        "--register-only",
        "--request-date",
        "2026-01-05",
        "--quiet",
    ]
    assert main(args) == 0
    assert (town / "reports" / "letters" / "register.csv").is_file()
    assert main(["validate", str(town / "survey.toml")]) == 0
    out = capsys.readouterr().out
    assert "past the two-month deadline" in out and "2026-03-05" in out

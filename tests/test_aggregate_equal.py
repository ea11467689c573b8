"""The equal-work and equal-value parts of a public edition's PDFs, and its charts (DESIGN §5):
no pay figure of a small group in the text, a dash and a note where a figure is suppressed,
sentences that say a figure is not shown instead of quoting it, and charts that leave the
suppressed points out and say so."""

from __future__ import annotations

import io
import math

import numpy as np
import pandas as pd
import pytest
from conftest import SAMPLE, SAMPLE_TS
from pypdf import PdfReader

import payequity as pe
from payequity import charts
from payequity._format import fmt_number
from payequity.report._figures import draw
from payequity.report._render import overview_pdf, unit_pdf

pytestmark = pytest.mark.pdf

NOTE = "visas inte (–)"  # Writer.suppressed_note: "N värden visas inte (–): ..."


def _text(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return " ".join(p.extract_text() or "" for p in pages).replace("\u00a0", " ")


@pytest.fixture(scope="module")
def public(tmp_path_factory):
    """A public run of the sample (data files only), its overview and one unit's PDF text: the
    unit with the most equal-work comparisons where a gender has 1–4 people."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PAYEQUITY_PSEUDONYM_KEY", "k")
        run = pe.run(
            SAMPLE / "survey.toml",
            audience="public",
            out=tmp_path_factory.mktemp("public"),
            only="data",
            timestamp=SAMPLE_TS,
        )
        work = run.tables["equal_work"]
        small = work[
            work["unit"].fillna("").astype(str).ne("")
            & work["needs_assessment"].astype(bool)
            & (work["n_men"].between(1, 4) | work["n_women"].between(1, 4))
        ]
        unit = small["unit"].astype(str).value_counts().sort_index().idxmax()
        overview, _ = overview_pdf(run)
        one, _ = unit_pdf(run, unit)
        yield {"run": run, "unit": unit, "overview": _text(overview), "unit_text": _text(one)}


def _small_figures(run, unit: str) -> set[str]:
    """The mean and median pay (base salary and monthly pay) of each gender with 1–4 people in
    a work group of ``unit`` ("" = the organisation), written the Swedish way ("33 226")."""
    f = run.data.frame
    if unit:
        f = f[f[run.data.unit_column].astype(str) == unit]
    out = set()
    for _, group in f.groupby("work_group"):
        if group["gender"].nunique() < 2:
            continue  # a group with one gender is not compared
        for _, people in group.groupby("gender"):
            if 1 <= len(people) <= 4:
                for measure in ("base_salary", "monthly_pay"):
                    for value in (people[measure].mean(), people[measure].median()):
                        out.add(fmt_number(float(value), 0).replace("\u00a0", " "))
    return out


def test_no_small_group_pay_in_the_unit_report(public):
    figures = _small_figures(public["run"], public["unit"])
    assert figures  # the sample has such groups: the test tests something
    text = public["unit_text"]
    assert not [x for x in figures if x in text]


def test_no_small_group_pay_in_the_overview(public):
    figures = _small_figures(public["run"], "")
    assert figures
    assert not [x for x in figures if x in public["overview"]]


def test_suppressed_cells_are_dashed_and_counted(public):
    for text in (public["overview"], public["unit_text"]):
        assert NOTE in text
    # the unit's equal-work table: a dash for each hidden mean, and the note counts them
    run, unit = public["run"], public["unit"]
    work = run.tables["equal_work"]
    rows = work[(work["unit"].fillna("") == unit) & work["needs_assessment"].astype(bool)]
    cells = run.suppressed[run.suppressed["table"] == "equal_work"]
    shown = cells[
        cells["row"].isin(rows.index)
        & cells["column"].isin(["mean_women", "mean_men", "women_pct_of_men"])
    ]
    regression = rows.index[rows["flag_rule"].astype(str) == "regression"]
    raw = rows.index.difference(regression)
    # a regression row's dashes: its gap, p-value and the gender paid less (from the gap)
    n = len(shown) + int(
        (
            cells["row"].isin(regression) & cells["column"].isin(["adjusted_gap_pct", "p_adjusted"])
        ).sum()
    )
    n += int((cells["row"].isin(regression) & (cells["column"] == "adjusted_gap_pct")).sum())
    # a raw row's gap and the gender paid less come from the ratio
    n += 2 * int((cells["row"].isin(raw) & (cells["column"] == "women_pct_of_men")).sum())
    assert n > 0
    assert f"{n} värden visas inte (–)" in public["unit_text"]


def test_sentences_do_not_quote_a_suppressed_gap(public):
    run, unit = public["run"], public["unit"]
    work = run.tables["equal_work"]
    here = work[(work["unit"].fillna("") == unit) & work["flagged"].astype(bool)]
    hidden = here["women_pct_of_men"].isna()
    if hidden.any():
        assert "visas inte eftersom gruppen har för få kvinnor eller män" in public["unit_text"]
    assert " – på grundlön" not in public["unit_text"]  # no dash where a figure would be


def test_the_charts_render_and_say_what_they_leave_out(public):
    run, unit = public["run"], public["unit"]
    overview = draw(run, None, "sv")
    for name in ("gap_by_group.png", "value_vs_pay.png", "quartiles.png", "oaxaca.png"):
        assert overview[name].startswith(b"\x89PNG")
    here = draw(run, unit, "en")  # no crash on a unit whose figures are mostly suppressed
    assert set(here) <= {"gap_by_group.png", "pay_spread.png", "equal_value.png"}
    if "gap_by_group.png" not in here:  # every group's gap suppressed: the text says so
        assert "Diagrammet visas inte: varje jämförelse här bygger på för få" in public["unit_text"]
    ax = charts.plot_gap_by_group(run.results["equal_work"], language="sv", limit=100)
    notes = " ".join(t.get_text() for t in ax.texts)
    work = run.tables["equal_work"]
    org = work[
        (work["unit"].fillna("") == "")
        & (work["pay_measure"] == "base_salary")
        & work["needs_assessment"].astype(bool)
    ]
    value = np.where(
        org["regression_tested"].astype(bool),
        100 + org["adjusted_gap_pct"],
        org["women_pct_of_men"],
    )
    hidden = int(np.isnan(value).sum())
    assert hidden and f"{hidden} grupper visas inte: för få kvinnor eller män" in notes
    assert len(ax.get_yticks()) == len(org) - hidden


def test_value_vs_pay_draws_only_published_job_means(public):
    run = public["run"]
    from dataclasses import replace

    published = run.tables["job_evaluation"]
    ax = charts.plot_value_vs_pay(replace(run.evaluation, table=published), language="en")
    drawn = {round(float(c.get_offsets()[0][1]), 2) for c in ax.collections if len(c.get_offsets())}
    shown = published.loc[published["n"] > 0, "mean_base_salary"]
    assert drawn == {round(float(v), 2) for v in shown.dropna()}
    secret = run.evaluation.table.set_index("job_code")["mean_base_salary"]
    hidden = published.loc[published["mean_base_salary"].isna() & (published["n"] > 0), "job_code"]
    assert len(hidden)
    assert not drawn & {round(float(secret[j]), 2) for j in hidden}
    notes = " ".join(t.get_text() for t in ax.texts)
    assert f"{len(hidden)} jobs not shown: too few women or men" in notes


def test_pay_spread_of_an_aggregate_edition_shows_no_extremes_or_people(public):
    from payequity.exceptions import InsufficientDataError

    run = public["run"]
    work = run.tables["equal_work"]
    drawn = 0
    for unit in (public["unit"], ""):  # the small unit, and the organisation
        flagged = work[(work["unit"].fillna("") == unit) & work["flagged"].astype(bool)]
        published = pd.concat(
            [flagged[f"{f}_{g}"] for f in ("p10", "median", "p90") for g in ("women", "men")]
        ).dropna()
        if flagged.empty:
            continue
        if published.empty:  # every figure suppressed: no chart, said by the report
            with pytest.raises(InsufficientDataError):
                charts.plot_pay_spread(work, unit=unit, language="sv")
            continue
        ax = charts.plot_pay_spread(work, unit=unit, language="sv")
        xs = [float(x) for c in ax.collections for x, _ in c.get_offsets()]
        data = [line for line in ax.lines if line.get_transform() == ax.transData]
        xs += [float(x) for line in data for x in line.get_xdata()]
        assert xs  # the published medians are drawn
        assert all(any(math.isclose(x, v) for v in published) for x in xs)
        drawn += 1
    assert drawn  # the organisation's flagged groups have published figures

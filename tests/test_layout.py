"""The layout a union representative reads (issue deliverables 3 and 4): long tables grouped by
unit under heading rows, names never hyphenated (Swedish names set in Swedish in an English
report), amounts never split, no row split across pages, no orphaned group heading, chart labels
that never overlap, and the pay spread of each flagged equal-work group."""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import UTC, datetime

import numpy as np
import pytest
from pypdf import PdfReader

from payequity import datasets, evaluate_jobs
from payequity._format import fmt_kr, fmt_number
from payequity.actions import unit_names
from payequity.exceptions import PayEquityError
from payequity.report import overview_pdf
from payequity.report._content import document
from payequity.report._layout import grouped
from payequity.report._typst import render_pdf

TS = datetime(2026, 10, 30, tzinfo=UTC)
HYPHENATED = re.compile(r"(\w+)[\u00ad-]\s*\n\s*(\w+)")  # a word broken at a line end


def _pages(pdf: bytes) -> list[str]:
    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages]


def _doc(blocks: list[dict], lang: str = "sv") -> dict:
    return {
        "lang": lang,
        "title": "Lönekartläggning 2026",
        "organisation": "Exempelkommun",
        "sections": [{"title": "Tabeller", "blocks": blocks}],
    }


def _english(run):
    """The same run, its report in English."""
    cfg = run.config
    survey = {**cfg.sections["survey"], "language": "en"}
    return dataclasses.replace(
        run, config=dataclasses.replace(cfg, sections={**cfg.sections, "survey": survey})
    )


def _audience(run, audience: str):
    return dataclasses.replace(run, manifest={**run.manifest, "audience": audience})


def _tables(doc: dict, title: str) -> list[dict]:
    section = next(s for s in doc["sections"] if s["title"] == title)
    return [b for b in section["blocks"] if b["type"] == "table"]


def _name_words(run) -> set[str]:
    """Every word of a job title or a unit name (the pieces between spaces, "/" and "-")."""
    f = run.data.frame
    names = set(f["job_title"].dropna().astype(str)) | set(f[run.data.unit_column].astype(str))
    return {w for n in names for w in re.split(r"[\s/()-]+", n) if len(w) > 3}


# --- the template: groups, rows kept whole, validation -----------------------------------------


def test_grouped_rows_start_a_group_where_the_label_changes():
    rows, groups = grouped([("A", ["1"]), ("A", ["2"]), ("B", ["3"]), ("A", ["4"])])
    assert rows == [["1"], ["2"], ["3"], ["4"]]
    assert groups == [
        {"label": "A", "start": 0},
        {"label": "B", "start": 2},
        {"label": "A", "start": 3},
    ]


@pytest.mark.pdf
def test_a_grouped_table_repeats_its_group_heading_and_never_orphans_it():
    rows, groups = grouped(
        (f"Enhet {g}", [f"Yrke {g}-{i}", f"{30000 + 10 * i} kr"])
        for g in range(12)
        for i in range(9)
    )
    block = {"type": "table", "columns": ["Yrke", "Lön"], "rows": rows, "groups": groups}
    pdf, warnings = render_pdf(_doc([block]), timestamp=TS, strict=True)
    assert warnings == []
    pages = [p for p in _pages(pdf) if "Yrke" in p]
    assert len(pages) >= 3
    for page in pages:
        labels = re.findall(r"Enhet (\d+)", page)
        rows_of = set(re.findall(r"Yrke (\d+)-\d", page))
        assert labels, "every page of the table shows the group it is in"
        assert set(labels) <= rows_of, f"a group heading without its rows: {page[-200:]!r}"
    split = [g for g in range(12) if sum(f"Yrke {g}-" in p for p in pages) > 1]
    assert split, "the sample must have a group running over a page break"
    for g in split:  # the heading is repeated on the next page
        assert sum(f"Enhet {g}\n" in p or f"Enhet {g} " in p for p in pages) > 1


@pytest.mark.pdf
def test_a_table_row_is_never_split_across_pages():
    lines = [f"R{i}a\nR{i}b\nR{i}c\nR{i}d\nR{i}e\nR{i}f" for i in range(40)]
    block = {
        "type": "table",
        "columns": ["Rad", "Text"],
        "rows": [[str(i), text] for i, text in enumerate(lines)],
    }
    pdf, _ = render_pdf(_doc([block]), timestamp=TS, strict=True)
    pages = _pages(pdf)
    assert sum("R0a" in p or "R39f" in p for p in pages) >= 1
    for i in range(40):
        first = next(k for k, p in enumerate(pages) if f"R{i}a" in p)
        last = next(k for k, p in enumerate(pages) if f"R{i}f" in p)
        assert first == last, f"row {i} is split over pages {first + 1} and {last + 1}"


@pytest.mark.pdf
@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"groups": "Enhet"}, "table groups must be a list"),
        ({"groups": [{"label": "A"}]}, "table group 0 must be (label, start)"),
        ({"groups": [{"label": "A", "start": 1}]}, "table group 0 start must be a row index"),
        (
            {"groups": [{"label": "A", "start": 0}, {"label": "B", "start": 0}]},
            "table group 1 start must be a row index",
        ),
        ({"groups": [{"label": "A", "start": 0}, {"label": "B", "start": 9}]}, "in 0 to 2"),
        ({"groups": [{"label": ["A"], "start": 0}]}, "table group 0 label must be text"),
        ({"names": [2]}, "table names must list column indexes 0 to 1"),
        ({"names": 0}, "table names must be a list of column indexes"),
        ({"lang": ["sv"]}, "table lang must list one language"),
        ({"lang": ["svenska", None]}, "two-letter language code"),
    ],
)
def test_malformed_table_fields_stop_with_a_clear_message(change, message):
    block = {"type": "table", "columns": ["a", "b"], "rows": [["1", "2"], ["3", "4"], ["5", "6"]]}
    with pytest.raises(PayEquityError, match=re.escape(message)) as info:
        render_pdf(_doc([{**block, **change}]), timestamp=TS)
    assert "\n" not in str(info.value)


@pytest.mark.pdf
def test_names_and_headers_never_hyphenate_and_amounts_never_split():
    names = ["Barn- och utbildningsförvaltningen/Administration", "Behandlingsassistent (351015)"]
    block = {
        "type": "table",
        "columns": ["Enhet", "Yrke", "Anställda", "Kostnad", "Bedömning", "Åtgärd", "Kvar"],
        "rows": [
            [names[0], names[1], "12", "SEK 10,183,774", "Förklarad " * 12, "Höjs " * 6, "1 %"]
        ]
        * 3,
        "names": [0, 1],
        "widths": [1, 1, 0.3, 0.5, 3, 1.5, 0.4],  # narrow given widths: the least widths win
    }
    pdf, _ = render_pdf(_doc([block], lang="en"), timestamp=TS, strict=True)
    text = "\n".join(_pages(pdf))
    broken = {a + b for a, b in HYPHENATED.findall(text)}
    assert not broken & {"utbildningsförvaltningen", "Behandlingsassistent", "Anställda"}
    assert "SEK 10,183,774" in text.replace("\u00a0", " ")


# --- the sample's reports -----------------------------------------------------------------------


def test_explanations_are_grouped_by_unit_without_a_unit_column(sample_run):
    doc = document(sample_run, None, {})
    (table,) = _tables(doc, "Förklaringar")
    assert "Enhet" not in table["columns"] and table["columns"][0] == "Jämförelse"
    assert table["names"] == [0]
    items = sample_run.tables["explanations"]
    flagged = items[items["item_kind"].isin(["equal_work", "equal_value"]) & items["flagged"]]
    units = flagged["unit"].fillna("").astype(str)
    names = unit_names(items["unit"].fillna("").astype(str))
    expected = [names[u] for u in sorted(set(units) - {""})]
    if (units == "").any():
        expected.insert(0, "Hela organisationen")
    assert [g["label"] for g in table["groups"]] == expected  # one heading per unit, in order
    starts = [g["start"] for g in table["groups"]]
    assert starts[0] == 0 and starts == sorted(set(starts)) and starts[-1] < len(table["rows"])


def test_every_long_table_with_units_is_grouped(sample_run):
    doc = document(sample_run, None, {})
    within = [t for t in _tables(doc, "Lika arbete") if t.get("caption", "").startswith("Flaggade")]
    (units,) = within
    assert units["columns"][0] == "Enhet" and units["groups"]  # units under their department
    assert all("/" not in r[0] for r in units["rows"])
    (annex,) = _tables(doc, "Bilaga: åtgärder per person")
    assert "Enhet" not in annex["columns"] and len(annex["groups"]) > 5
    for t in (t for s in doc["sections"] for t in s["blocks"] if t["type"] == "table"):
        assert "Enhet" not in t["columns"] or "groups" in t, t.get("caption")


def test_english_tables_set_swedish_names_and_register_text_in_swedish(sample_run):
    doc = document(_english(sample_run), None, {})
    assert doc["lang"] == "en" and doc["names_lang"] == "sv"
    (table,) = _tables(doc, "Explanations")
    assert table["names"] == [0]
    assert table["lang"][table["columns"].index("Assessment and explanation")] == "sv"
    (work,) = [t for t in _tables(doc, "Equal work") if t["columns"][0] == "Group"]
    assert work["names"] == [0]  # found without being told: every cell is a job's name


@pytest.mark.pdf
@pytest.mark.parametrize("language", ["sv", "en"])
def test_no_name_or_header_is_hyphenated_in_the_sample_overview(sample_run, language):
    run = sample_run if language == "sv" else _english(sample_run)
    text = "\n".join(_pages(overview_pdf(run)[0]))
    words = _name_words(run)
    broken = {a + b for a, b in HYPHENATED.findall(text)}
    assert broken & words == set()
    assert "Behandlingsassi" + "\u00ad" not in text and "utbild\u00ad" not in text
    doc = document(run, None, {})
    headers = {
        w
        for s in doc["sections"]
        for b in s["blocks"]
        if b["type"] == "table"
        for c in b["columns"]
        for w in re.split(r"[\s/()]+", c)
        if len(w) >= 9  # long words: short ones also occur, and may break, in the text
    }
    assert broken & headers == set()  # e.g. "Em-ploy-ees", "Könsne-utral"
    flat = text.replace("\u00a0", " ")
    assert not re.search(r"SEK\s*\n\s*[\d,]+", flat)  # "SEK 10,183,774" stays on one line
    assert not re.search(r"\d\s*\n\s*(kr|%)\b", flat)


# --- the pay spread ------------------------------------------------------------------------------


def _spread(doc: dict, title: str) -> dict:
    return next(t for t in _tables(doc, title) if t["columns"][:2] == ["Lönebegrepp", "Kön"])


def test_the_spread_table_shows_equal_work_csvs_figures(sample_run):
    doc = document(sample_run, None, {})
    table = _spread(doc, "Lika arbete")
    ew = sample_run.tables["equal_work"]
    org = ew[(ew["unit"].fillna("") == "") & ew["flagged"].astype(bool)]
    assert len(table["rows"]) == len(org)  # one row per flagged group and pay measure
    labels = {g["label"] for g in table["groups"]}
    assert labels == {_label(sample_run, g) for g in org["work_group"]}
    r = org.sort_values(["work_group", "pay_measure"]).iloc[0]
    row = table["rows"][0]  # the first group's first pay measure: women over men in each cell
    assert row[0] == {"base_salary": "Grundlön", "monthly_pay": "Månadslön"}[r.pay_measure]
    assert row[1] == "Kvinnor\nMän"
    assert row[2] == f"{fmt_number(r.n_women)}\n{fmt_number(r.n_men)}"
    for k, f in enumerate(("p10", "median", "p90", "min", "max"), start=3):
        assert row[k] == f"{fmt_kr(r[f'{f}_women'])}\n{fmt_kr(r[f'{f}_men'])}", f


def _label(run, group) -> str:
    from payequity.report._figures import job_labels

    return job_labels(run).get(str(group), str(group))


def test_the_spread_percentiles_are_those_of_the_people_in_the_group(sample_run):
    """Hand-check one flagged group: numpy's linear percentiles of its people's pay."""
    ew = sample_run.tables["equal_work"]
    r = ew[(ew["unit"].fillna("") == "") & ew["flagged"].astype(bool)].iloc[0]
    people = sample_run.results["equal_work"].people
    for code, who in (("F", "women"), ("M", "men")):
        pay = people[
            (people["work_group"].astype(str) == str(r.work_group))
            & (people["pay_measure"] == r.pay_measure)
            & (people["gender"] == code)
        ]["pay"].to_numpy(dtype=float)
        assert len(pay) == r[f"n_{who}"]
        p10, med, p90 = np.percentile(pay, [10, 50, 90])
        assert r[f"p10_{who}"] == pytest.approx(p10)
        assert r[f"median_{who}"] == pytest.approx(med)
        assert r[f"p90_{who}"] == pytest.approx(p90)
        assert r[f"min_{who}"] == pay.min() and r[f"max_{who}"] == pay.max()


def test_lowest_and_highest_pay_only_for_readers_who_see_people(sample_run):
    for audience, sees in (("hr", True), ("union", True), ("manager", False), ("public", False)):
        table = _spread(document(_audience(sample_run, audience), None, {}), "Lika arbete")
        assert ("Lägsta" in table["columns"]) is sees, audience
        assert ("Högsta" in table["columns"]) is sees, audience
        assert len(table["columns"]) == (8 if sees else 6)


def test_a_gender_of_one_person_shows_no_spread(sample_run):
    ew = sample_run.tables["equal_work"]
    one = ew[ew["flagged"].astype(bool) & (ew["n_men"] == 1) & (ew["unit"].fillna("") != "")]
    r = one.iloc[0]
    doc = document(sample_run, r.unit, {})
    table = _spread(doc, "Lika arbete")
    label = _label(sample_run, r.work_group)
    g = next(k for k, x in enumerate(table["groups"]) if x["label"] == label)
    row = table["rows"][table["groups"][g]["start"]]
    men = [c.split("\n")[1] for c in row[2:]]
    assert men[0] == "1"
    assert men[1] == "–" and men[3] == "–"  # no P10, no P90
    assert men[2] == fmt_kr(r.median_men)  # the person's pay
    assert "P10 och P90 visas för minst 5 personer" in table["note"]  # why the dashes
    assert "har 1 person är medianen personens lön" in table["note"]


def test_the_spread_is_explained_in_words(sample_run):
    section = next(
        s for s in document(sample_run, None, {})["sections"] if s["title"] == "Lika arbete"
    )
    text = " ".join(b.get("text", "") for b in section["blocks"])
    assert "P10 är den lön som de 10 % lägst betalda i gruppen tjänar mindre än" in text
    assert "P90 den som de 10 % högst betalda tjänar mer än" in text


def test_the_spread_chart_draws_people_and_extremes_only_when_asked(sample_run):
    import matplotlib.pyplot as plt
    from matplotlib.collections import PathCollection

    from payequity.charts import plot_pay_spread

    ew = sample_run.tables["equal_work"]
    people = sample_run.results["equal_work"].people
    flagged = ew[(ew["unit"].fillna("") == "") & ew["flagged"].astype(bool)]

    def points(ax) -> int:
        return sum(
            len(c.get_offsets())
            for c in ax.collections
            if isinstance(c, PathCollection) and c.get_sizes()[0] < 10
        )

    ax = plot_pay_spread(ew, people=people, extremes=True)
    shown = people.merge(flagged[["work_group", "pay_measure"]], on=["work_group", "pay_measure"])
    assert points(ax) == len(shown)  # every person of every flagged group is a point
    plt.close(ax.figure)
    ax = plot_pay_spread(ew)
    assert points(ax) == 0
    assert len(ax.get_yticks()) == len(flagged)
    plt.close(ax.figure)


# --- chart labels ---------------------------------------------------------------------------------


def _label_boxes(ax):
    from matplotlib.text import Annotation, Text

    fig = ax.figure
    fig.savefig(io.BytesIO(), format="png", dpi=150, bbox_inches="tight")  # as in the report
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    return [
        (a.get_text(), Text.get_window_extent(a, renderer))
        for a in ax.get_children()
        if isinstance(a, Annotation)
    ]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_value_chart_labels_never_overlap_and_every_job_is_named(language):
    import matplotlib.pyplot as plt
    from matplotlib.collections import PathCollection
    from matplotlib.transforms import Bbox

    from payequity.charts import plot_value_vs_pay

    ev = evaluate_jobs("data/sample/job_evaluation.csv", data=datasets.load_sample())
    ax = plot_value_vs_pay(ev, language=language)
    boxes = _label_boxes(ax)
    assert len(boxes) >= 20
    for i, (a, box_a) in enumerate(boxes):
        for b, box_b in boxes[i + 1 :]:
            assert not box_a.overlaps(box_b), f"{a!r} overlaps {b!r}"
    fig = ax.figure
    for c in ax.collections:  # no label on a marker (its own included)
        if not isinstance(c, PathCollection):
            continue
        r = np.sqrt(c.get_sizes()[0]) / 2 * fig.dpi / 72
        for x, y in ax.transData.transform(c.get_offsets()):
            marker = Bbox.from_extents(x - r, y - r, x + r, y + r)
            hit = [name for name, box in boxes if box.overlaps(marker)]
            assert hit == [], f"labels on a marker: {hit}"
    t = ev.table[ev.table["n"].fillna(0) > 0]
    named = {name for name, _ in boxes}
    key = " ".join(
        x.get_text() for x in ax.texts if "Numrerade" in x.get_text() or "Numbered" in x.get_text()
    )
    for title in t["job_title"].astype(str):  # named beside its marker, or numbered in the key
        assert title in named or re.search(rf"\b\d+ {re.escape(title)}\b", key), title
    plt.close(fig)


def test_place_labels_leaves_out_labels_with_no_room():
    import matplotlib.pyplot as plt

    from payequity.charts import place_labels

    _, ax = plt.subplots(figsize=(3, 2), layout="constrained")
    xs, ys = np.full(60, 0.5), np.full(60, 0.5)
    ax.scatter(xs, ys)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    names = np.array([f"Yrke nummer {i}" for i in range(60)])
    skipped = place_labels(ax, xs, ys, names, np.arange(60))
    boxes = _label_boxes(ax)
    assert skipped > 0 and len(boxes) == 60 - skipped
    for i, (_, a) in enumerate(boxes):
        assert not any(a.overlaps(b) for _, b in boxes[i + 1 :])
    plt.close(ax.figure)

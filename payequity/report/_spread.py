"""The pay spread within each flagged equal-work group: P10, median and P90 by gender — and the
lowest and highest pay and each person's pay for readers who may see people (hr and union,
DESIGN §5) — in a table under a heading per group and in a chart (``pay_spread.png``).

The figures are those of ``equal_work.csv`` (percentiles by linear interpolation between the
sorted pay, numpy's default), so the table and the data file always agree.
"""

from __future__ import annotations

import math

import pandas as pd

from ..charts import MIN_SPREAD  # one rule for the chart and the table: below it, "–"
from ._layout import grouped
from ._sections import Writer, _float

__all__ = ["MIN_SPREAD", "spread_blocks"]

_GENDERS = (("F", "women"), ("M", "men"))
# manager and public editions (DESIGN §5): a gender's median from 5 people, P10 and P90 from 21
_MIN_MEDIAN, _MIN_PERCENTILE = 5, 21


def spread_blocks(w: Writer) -> list[dict]:
    """The flagged groups' pay spread in the equal-work section; nothing when none is flagged."""
    t = w.work_table()
    t = t[(t["unit"] == w.scope) & t["flagged"]].sort_values(["work_group", "pay_measure"])
    if t.empty:
        return []
    extremes = w.hr_or_union
    rows, single = _rows(w, t, extremes)
    table_rows, groups = grouped(rows)
    columns = [
        w.tr("Lönebegrepp", "Pay"),
        w.tr("Kön", "Gender"),
        w.tr("Antal", "Number"),
        "P10",
        w.tr("Median", "Median"),
        "P90",
    ]
    if extremes:
        columns += [w.tr("Lägsta", "Lowest"), w.tr("Högsta", "Highest")]
    said = w.tr(
        "P10 är den lön som de 10 % lägst betalda i gruppen tjänar mindre än, P90 den som de 10 % "
        "högst betalda tjänar mer än; medianen delar gruppen i två lika stora halvor. Mellan P10 och "
        "P90 finns alltså de mittersta 80 % av lönerna.",
        "P10 is the pay the 10% lowest-paid in the group earn less than, P90 the pay the 10% "
        "highest-paid earn more than; the median splits the group into two halves of equal size. "
        "Between P10 and P90 lie the middle 80% of the pay.",
    )
    who = (
        w.tr(
            " Lägsta och högsta lön och varje persons lön (punkterna i diagrammet) visas bara i "
            "underlag för HR och fackliga företrädare.",
            " The lowest and highest pay and each person's pay (the points in the chart) are "
            "shown only in editions for HR and union representatives.",
        )
        if extremes
        else ""
    )
    shown_from = (
        ""
        if w.aggregate  # the edition's own, stricter rule follows
        else w.tr(
            f" P10 och P90 visas för minst {MIN_SPREAD} personer av ett kön; för färre säger de "
            "inget om spridningen.",
            f" P10 and P90 are shown for at least {MIN_SPREAD} people of a gender; for fewer "
            "they say nothing about the spread.",
        )
    )
    note = (
        w.tr(
            "Lön per månad omräknad till heltid. P10, median och P90 räknas med linjär "
            "interpolation mellan de sorterade lönerna.",
            "Pay a month converted to full time. P10, median and P90 are computed by linear "
            "interpolation between the sorted pay.",
        )
        + shown_from
        + w.tr(
            " Här står medianerna; medellönerna står i tabellen Lika arbete: alla grupper med "
            "både kvinnor och män ovan. Median och medellön skiljer sig när lönerna är ojämnt "
            "fördelade.",
            " This table has the medians; the mean pay is in the table Equal work: every group "
            "with both women and men above. Median and mean differ where pay is unevenly spread.",
        )
    )
    if w.aggregate:  # the edition's own rule (DESIGN §5), and what it leaves out
        note += w.tr(
            f" I denna utgåva visas ett köns median för minst {_MIN_MEDIAN} personer och P10 och "
            f"P90 för minst {_MIN_PERCENTILE}.",
            f" In this edition a gender's median is shown for at least {_MIN_MEDIAN} people and "
            f"P10 and P90 for at least {_MIN_PERCENTILE}.",
        )
        hidden = _hidden_spread(w, t)
        if hidden:
            note += " " + w.suppressed_note(hidden)
    elif single:  # an aggregate edition shows no one person's pay
        note += w.tr(
            " Där ett kön har 1 person är medianen personens lön.",
            " Where a gender has 1 person the median is that person's pay.",
        )
    return [
        w.heading(w.tr("Lönespridning i flaggade grupper", "Pay spread in flagged groups")),
        w.text(
            w.tr(
                "Medellönerna ovan säger inte hur lönerna sprider sig. För varje flaggad grupp "
                "visar diagrammet och tabellen kvinnornas och männens löner: ",
                "The mean pay above does not say how pay is spread. For each flagged group the "
                "chart and the table show women's and men's pay: ",
            )
            + said
            + who
        ),
        w.text(
            w.tr(
                "Diagrammet visas inte: alla grupper här har för få kvinnor eller män.",
                "The chart is not shown: every group here has too few women or men.",
            )
        )
        if w.aggregate and "pay_spread.png" not in w.figures
        else w.figure(
            "pay_spread.png",
            w.tr(
                "Lönespridning per kön i de flaggade grupperna (inom parentes antal kvinnor + män): "
                "tjock linje från P10 till P90, markering vid medianen"
                + (
                    ", tunn linje från lägsta till högsta lön, punkter för varje person."
                    if extremes
                    else "."
                ),
                "Pay spread by gender in the flagged groups (in brackets the number of women + "
                "men): a thick line from P10 to P90, a marker at the median"
                + (
                    ", a thin line from the lowest to the highest pay, a point for each person."
                    if extremes
                    else "."
                ),
            ),
        ),
        w.table(
            columns,
            table_rows,
            align=["left", "left"] + ["right"] * (len(columns) - 2),
            groups=groups,
            caption=w.tr(
                "Lönespridning per kön i flaggade grupper (lika arbete)",
                "Pay spread by gender in flagged groups (equal work)",
            ),
            note=note,
        ),
    ]


def _rows(w: Writer, t: pd.DataFrame, extremes: bool) -> tuple[list, bool]:
    """A row per flagged group and pay measure, tagged with the group's name; each cell holds
    the women's figure over the men's, so the two genders never part at a page break."""
    rows, single = [], False
    figures = ["p10", "median", "p90"] + (["min", "max"] if extremes else [])
    for r in t.itertuples():
        lines = []
        for code, who in _GENDERS:
            n = _float(getattr(r, f"n_{who}"))
            one = n == 1
            single |= one
            lines.append(
                [w.gender(code), w.num(n)]
                + [
                    "–"
                    if (one and f != "median") or (f in ("p10", "p90") and n < MIN_SPREAD)
                    else w.kr(getattr(r, f"{f}_{who}", math.nan))
                    for f in figures
                ]
            )
        cells = ["\n".join(pair) for pair in zip(*lines, strict=True)]
        rows.append((w.job(r.work_group), [w.pay_short(r.pay_measure).capitalize(), *cells]))
    return rows, single


def _hidden_spread(w: Writer, t: pd.DataFrame) -> int:
    """The figures of the spread table a manager or public edition leaves out: the suppressed
    P10, median and P90 that the table's own rule (a median from one person, P10 and P90 from
    ``MIN_SPREAD``) would have shown."""
    n = 0
    for _, who in _GENDERS:
        count = pd.to_numeric(t[f"n_{who}"], errors="coerce").fillna(0)
        n += w.suppressed("equal_work", t[count >= 1], [f"median_{who}"])
        n += w.suppressed("equal_work", t[count >= 1], [f"p10_{who}", f"p90_{who}"])
    return n

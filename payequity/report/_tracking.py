"""The overview's sections that track the work over the years: last year's follow-up, the
documentation checklist (DL 3:13–14) and the annex of measures by person."""

from __future__ import annotations

from ..actions import unit_names
from ..privacy import pseudonymises
from ._layout import grouped, unit_heading, unit_order
from ._sections import Writer

__all__ = ["documentation", "follow_up", "people_annex"]


def follow_up(w: Writer) -> dict:
    fu = w.run.tables.get("follow_up")
    blocks = []
    if fu is None:
        blocks.append(
            w.text(
                w.tr(
                    "Det finns ingen handlingsplan från förra året i arkivet. Förra årets uppföljning "
                    "ska redovisas (DL 3 kap. 13 § 6 p.): bifoga den eller ange att inga åtgärder krävdes.",
                    "There is no action plan of last year in the archive. Last year's follow-up must be "
                    "reported (DL ch. 3 s. 13 p. 6): attach it or state that no measures were needed.",
                )
            )
        )
    else:
        blocks.append(
            w.text(
                w.tr(
                    "Förra årets åtgärder jämförs med hur lönen faktiskt ändrats, utöver den allmänna "
                    "löneökningen (medianökningen i yrket bland dem utan åtgärd). Bara steg som har "
                    "trätt i kraft före referensdatumet räknas. Toleransen är halva "
                    "kvartilavståndet i den allmänna löneökningen, minst 0,1 procentenhet. "
                    "Genomförd: höjningen når det planerade minus toleransen; inte genomförd: "
                    "höjningen är högst toleransen; delvis: däremellan.",
                    "Last year's measures against how pay actually changed, beyond the general raise "
                    "(the median raise in the job among people without a measure). Only steps that "
                    "took effect before the reference date count. The tolerance is half the "
                    "interquartile range of the general raise, at least 0.1 percentage points. Done: "
                    "the raise reaches the plan less the tolerance; not done: the raise is at most "
                    "the tolerance; partly: in between.",
                )
            )
        )
        blocks.append(
            w.table(
                [
                    w.tr("Åtgärd", "Measure"),
                    w.tr("Yrke", "Job"),
                    w.tr("Planerat", "Planned"),
                    w.tr("Genomfört", "Realised"),
                    w.tr("Status", "Status"),
                ],
                [
                    [
                        str(r.measure_id),
                        w.job(r.job_code),
                        w.pct(r.planned),
                        w.pct(r.realised),
                        w.follow_status(r.status),
                    ]
                    for r in fu.itertuples()
                ],
                align=["left", "left", "right", "right", "left"],
                widths=[2.6, 2, 0.9, 0.9, 1.1],
                caption=w.tr(
                    "Uppföljning av förra årets handlingsplan",
                    "Follow-up of last year's action plan",
                ),
            )
        )
    yoy = w.run.tables.get("year_over_year")
    if yoy is not None and len(yoy):
        blocks.append(
            w.table(
                [
                    w.tr("År", "Year"),
                    w.tr("Ojusterad, medel", "Unadjusted, mean"),
                    w.tr("Ojusterad, median", "Unadjusted, median"),
                    w.tr("Justerad", "Adjusted"),
                    w.tr("Flaggade lika arbete*", "Flagged equal work*"),
                    w.tr("Flaggade likvärdigt*", "Flagged equal value*"),
                    w.tr("Åtgärder", "Measures"),
                ],
                [
                    [
                        str(int(r.year)),
                        w.pct(r.raw_mean_gap_pct),
                        w.pct(r.raw_median_gap_pct),
                        w.pct(r.adjusted_gap_pct, 2),
                        w.num(r.n_equal_work_flagged),
                        w.num(r.n_equal_value_flagged),
                        w.num(r.n_measures),
                    ]
                    for r in yoy.itertuples()
                ],
                align=["left"] + ["right"] * 6,
                widths=[0.7, 1, 1, 1, 1, 1, 0.9],
                note=w.tr(
                    "Skillnad: 100 × (kvinnor − män) / män, negativ när kvinnor har lägre lön. "
                    "* Hela organisationen, räknat per jämförelse (en grupp eller ett par av yrken "
                    "räknas en gång även när den är flaggad för både grundlön och månadslön).",
                    "Gap: 100 × (women − men) / men, negative when women earn less. * Whole "
                    "organisation, counted per comparison (a group or pair of jobs counts once even "
                    "when flagged on both base salary and monthly pay).",
                ),
                caption=w.tr(
                    "Löneskillnaderna år för år (hela organisationen)",
                    "The gaps year by year (whole organisation)",
                ),
            )
        )
        blocks.append(
            w.figure(
                "year_over_year.png", w.tr("Löneskillnaderna år för år.", "The gaps year by year.")
            )
        )
    return w.section(w.tr("Uppföljning", "Follow-up"), blocks)


def documentation(w: Writer) -> dict:
    r = w.results
    h, doc = r["headcount"], r["documentation"]
    tier = {
        "none": w.tr(
            "färre än 10 anställda: ingen dokumentationsplikt, men kartläggningen krävs",
            "fewer than 10 employees: no documentation duty, but the survey is required",
        ),
        "3:14": w.tr("10–24 anställda: DL 3 kap. 14 §", "10–24 employees: DL ch. 3 s. 14"),
        "3:13": w.tr(
            "25 eller fler anställda: DL 3 kap. 13 §", "25 or more employees: DL ch. 3 s. 13"
        ),
    }
    setting = w.tr(
        "inställningen för antal anställda vid årets början (se Metod och inställningar)",
        "the setting for employees at the start of the year (see Methods and settings)",
    )
    if w.run.config.actions.headcount is not None:
        basis = w.tr(f"Talet är angivet i {setting}.", f"The number is set in {setting}.")
    elif "hire_date" in w.frame.columns:
        basis = w.tr(
            "Räknat ur lönefilen: de som var anställda den 1 januari enligt "
            "anställningsdatum. Den som slutat före uttaget saknas i filen, så talet är "
            f"ett minsta antal; ange det rätta talet i {setting} om det behövs.",
            "Counted from the pay file: those employed on 1 January by hire date. "
            "People who left before the export are not in it, so this is a minimum; "
            f"set the right number in {setting} if needed.",
        )
    else:
        basis = w.tr(
            "Räknat ur lönefilen (utan anställningsdatum: alla i filen). Ange det rätta "
            f"talet i {setting} om det behövs.",
            "Counted from the pay file (no hire dates: everyone in it). Set the right "
            f"number in {setting} if needed.",
        )
    blocks = [
        w.text(
            w.tr(
                f"Antal anställda vid årets början: {w.num(h['n'])} ({tier[h['tier']]}). ",
                f"Employees at the start of the year: {w.num(h['n'])} ({tier[h['tier']]}). ",
            )
            + basis
        )
    ]
    t = doc.table
    rows = [
        [w.tr(a, b), str(law), w.checklist_status(s), w.plain(str(dsv if w.sv else d))]
        for a, b, law, s, d, dsv in zip(
            t["label_sv"],
            t["label_en"],
            t["law"],
            t["status"],
            t["detail"],
            t["detail_sv"],
            strict=True,
        )
    ]
    marks = [i for i, s in enumerate(t["status"]) if s in ("missing", "incomplete")]
    blocks.append(
        w.table(
            [w.tr("Punkt", "Item"), w.tr("Lagrum", "Law"), "Status", w.tr("Underlag", "Detail")],
            rows,
            align=["left", "left", "left", "left"],
            widths=[2, 1.2, 1, 3.2],
            highlight=marks,
            caption=w.tr("Dokumentationen punkt för punkt", "The documentation item by item"),
        )
    )
    s = w.run.tables.get("samverkan")
    if s is not None and len(s):
        blocks.append(
            w.table(
                [
                    w.tr("Datum", "Date"),
                    w.tr("Deltagare", "Participants"),
                    w.tr("Ämne", "Topic"),
                    w.tr("Information", "Information given"),
                ],
                [
                    [str(a), str(b), str(c), str(d)]
                    for a, b, c, d in s[["date", "participants", "topic", "information_given"]]
                    .fillna("")
                    .itertuples(index=False)
                ],
                widths=[0.9, 2.4, 1.6, 2.4],
                register=[1, 2, 3],  # the samverkan log's own words
                caption=w.tr("Samverkan (DL 3 kap. 11–12 §§)", "Cooperation (DL ch. 3 s. 11–12)"),
            )
        )
    return w.section(
        w.tr(
            "Dokumentation enligt diskrimineringslagen",
            "Documentation under the Discrimination Act",
        ),
        blocks,
    )


def people_annex(w: Writer) -> dict:
    p = w.plan_people()
    p = p.assign(_u=p["unit"].fillna("").astype(str).map(unit_order)).sort_values(
        ["_u", "job_code", "employee_id"], kind="stable"
    )
    names = unit_names(p["unit"].fillna("").astype(str))
    rows, groups = grouped(
        (
            unit_heading(w, str(r.unit) if r.unit == r.unit else "", names),
            [
                str(r.employee_id),
                w.job(r.job_code),
                w.kr(r.pay_before),
                w.kr(r.adjustment_total),
                w.kr(r.cost_yearly),
                str(r.years),
                str(int(r.due_year)),
            ],
        )
        for r in p.itertuples()
    )
    return w.section(
        w.tr("Bilaga: åtgärder per person", "Annex: measures by person"),
        [
            w.table(
                [
                    w.tr("Pseudonym", "Pseudonym")
                    if pseudonymises(w.run.manifest["audience"])
                    else w.tr("Anst.nr", "Employee"),
                    w.tr("Yrke", "Job"),
                    w.tr("Grundlön före", "Base pay before"),
                    w.tr("Höjning per månad", "Raise a month"),
                    w.tr("Kostnad per år", "Cost a year"),
                    w.tr("År", "Years"),
                    w.tr("Senast", "Due"),
                ],
                rows,
                align=["left", "left", "right", "right", "right", "left", "left"],
                groups=groups,
                size="small",
                note=w.tr(
                    "Personerna står under sin enhet (enhetens namn, med förvaltningen där namnet "
                    "finns i flera).",
                    "The people stand under their unit (the unit's name, with its department where "
                    "the name occurs in several).",
                ),
            )
        ],
    )

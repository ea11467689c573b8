"""The overview's sections that track the work over the years: last year's follow-up, the
documentation checklist (DL 3:13–14) and the annex of measures by person (in the overview, and
in a unit's report for its own people)."""

from __future__ import annotations

from ..actions import unit_names
from ..privacy import pseudonymises
from ._front import measures_count, plan_totals
from ._layout import grouped, unit_heading, unit_order
from ._org import glosses
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
                **_aggregate_note(w, "follow_up"),
            )
        )
    yoy = w.run.tables.get("year_over_year")
    m = w.plan_measures()
    this_year = (
        measures_count(
            w, int((m["kind"] == "person").sum()), int((m["kind"] == "equal_value").sum())
        )
        if len(m)
        else ""
    )
    if w.aggregate:  # the person measures are not in this edition's plan rows
        t = plan_totals(w, m)
        this_year = (
            measures_count(w, t["people"], t["jobs"])
            if t["any"] and t["people"] is not None
            else ""
        )
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
                    "räknas en gång även när den är flaggad för både grundlön och månadslön). "
                    "Åtgärder: personer som höjs individuellt och hela yrken som höjs"
                    + (f"; i år {this_year}." if this_year else "."),
                    "Gap: 100 × (women − men) / men, negative when women earn less. * Whole "
                    "organisation, counted per comparison (a group or pair of jobs counts once even "
                    "when flagged on both base salary and monthly pay). Measures: people raised "
                    "individually and whole jobs raised"
                    + (f"; this year {this_year}." if this_year else "."),
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


def _aggregate_note(w: Writer, table: str) -> dict:
    """A manager or public edition's note under a table of ``table``: its suppressed cells
    and that the person measures are left out; nothing in the hr and union editions."""
    if not w.aggregate:
        return {}
    note = w.tr(
        "Åtgärder för enskilda personer visas inte i denna utgåva.",
        "Measures for individual people are not shown in this edition.",
    )
    said = w.suppressed_note(w.suppressed(table))
    return {"note": f"{note} {said}" if said else note}


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
            + (" " + glosses(w, "samverkan", ("samverkan",)) if not w.sv else "")
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
    """The measures by person: the overview's annex, or in a unit's report the unit's own
    people (both only for hr and union; the union's ids are pseudonyms, as in the data files).
    Each row has what a reader needs to check the raise: gender, fte, pay before and after,
    the comparison that asked for it, and the cost rebuilt from the raise."""
    p = w.plan_people()
    p = p.assign(_u=p["unit"].fillna("").astype(str).map(unit_order)).sort_values(
        ["_u", "job_code", "employee_id"], kind="stable"
    )
    names = unit_names(p["unit"].fillna("").astype(str))
    gender = person_genders(w)
    said = _comparisons_said(w)
    years = sorted(set(p["years"].astype(str)))
    due = sorted({int(d) for d in p["due_year"]})
    per_year, per_due = len(years) > 1, len(due) > 1  # a column only where the rows differ
    rows, groups = grouped(
        (
            unit_heading(w, str(r.unit) if r.unit == r.unit else "", names),
            [
                str(r.employee_id),
                _person_gender(w, gender.get(str(r.employee_id), "")),
                w.job(r.job_code),
                w.pct(100 * float(r.fte_total), 1),
                w.kr(r.pay_before),
                w.kr(r.adjustment_total),
                w.kr(float(r.pay_before) + float(r.adjustment_total)),
                w.kr(r.cost_yearly),
                _comparison_words(w, said, r.item_keys, str(r.unit) if r.unit == r.unit else ""),
            ]
            + ([str(r.years)] if per_year else [])
            + ([str(int(r.due_year))] if per_due else []),
        )
        for r in p.itertuples()
    )
    o = 100 * float(w.results["action_plan"].overhead)
    overhead = w.pct(o, 0 if o == round(o) else 2)
    once = []
    if not per_year and years:
        once.append(w.tr(f"Alla höjningar görs {years[0]}", f"All raises are made in {years[0]}"))
    if not per_due and due:
        once.append(w.tr(f"ska vara genomförda senast {due[0]}", f"due by {due[0]} at the latest"))
    columns = [
        w.tr("Pseudonym", "Pseudonym")
        if pseudonymises(w.run.manifest["audience"])
        else w.tr("Anst.nr", "Employee"),
        w.tr("Kön", "Gender"),
        w.tr("Yrke", "Job"),
        w.tr("Syss.grad", "FTE"),
        w.tr("Grundlön före", "Base pay before"),
        w.tr("Höjning per månad", "Raise a month"),
        w.tr("Grundlön efter", "Base pay after"),
        w.tr("Kostnad per år", "Cost a year"),
        w.tr("Jämförelse som gav höjningen", "Comparison that called for it"),
    ]
    columns += [w.tr("År", "Years")] if per_year else []
    columns += [w.tr("Senast", "Due")] if per_due else []
    note = w.tr(
        "Grundlön och höjning per månad vid heltid; Grundlön efter = Grundlön före + Höjning per "
        "månad. Kostnad per år = Höjning per månad × sysselsättningsgrad × 12 × (1 + "
        f"lönebikostnader på {overhead}). Jämförelse: den grupp för lika arbete där personens "
        "skillnad flaggades, i personens enhet eller i hela organisationen."
        + (" " + w.join(once) + "." if once else "")
        + (
            " Personerna står under sin enhet (enhetens namn, med förvaltningen där namnet "
            "finns i flera)."
            if w.unit is None
            else ""
        ),
        "Base pay and raise a month at full time; Base pay after = Base pay before + Raise a "
        "month. Cost a year = Raise a month × FTE × 12 × (1 + payroll overhead of "
        f"{overhead}). Comparison: the equal-work group where the person's gap was flagged, in "
        "the person's unit or across the whole organisation."
        + (" " + w.join(once) + "." if once else "")
        + (
            " The people stand under their unit (the unit's name, with its department where "
            "the name occurs in several)."
            if w.unit is None
            else ""
        ),
    )
    n = len(columns)
    return w.section(
        w.tr("Bilaga: åtgärder per person", "Annex: measures by person"),
        [
            w.table(
                columns,
                rows,
                align=["left", "left", "left"] + ["right"] * 5 + ["left"] * (n - 8),
                groups=groups if w.unit is None else None,  # a unit's report is all one unit
                size="small",
                note=note,
            )
        ],
    )


def person_genders(w: Writer) -> dict[str, str]:
    """Each planned person's gender code by the id the plan shows (a pseudonym for the union):
    the plan as written is the plan as computed, row for row, so its ids map to the real ids
    and these to the pay data."""
    shown = w.run.tables["action_plan"]["employee_id"].astype(str)
    real = w.results["action_plan"].table["employee_id"].astype(str)
    f = w.run.data.frame
    by_id = dict(zip(f["employee_id"].astype(str), f["gender"].astype(str), strict=True))
    return {
        s: by_id.get(r, "") for s, r in zip(shown.to_numpy(), real.to_numpy(), strict=True) if s
    }


def _person_gender(w: Writer, code: str) -> str:
    return {"F": w.tr("Kvinna", "Woman"), "M": w.tr("Man", "Man")}.get(code, "–")


def _item_keys(keys: object) -> list[str]:
    return [k for k in dict.fromkeys(str(keys).split(";")) if k and k != "nan"]


def _comparisons_said(w: Writer) -> dict[str, tuple[str, str]]:
    """Each equal-work item's (unit, group), to say as "Undersköterska i hela organisationen"
    or "Undersköterska i enheten" (:func:`_comparison_words`)."""
    t = w.run.tables["explanations"]
    t = t[t["item_kind"] == "equal_work"]
    units = t["unit"].fillna("").astype(str)
    return {
        k: (u, str(g)) for k, u, g in zip(t["item_key"].astype(str), units, t["group"], strict=True)
    }


def _comparison_words(w: Writer, said: dict[str, tuple[str, str]], keys: object, unit: str) -> str:
    """The comparisons that called for a person's raise, in words: the group's job, and
    "i enheten" (the person's own unit) or "i hela organisationen"; each comparison once
    (its base-salary and monthly-pay items say the same)."""
    words = []
    for k in _item_keys(keys):
        if k not in said:
            continue
        u, group = said[k]
        where = (
            w.tr("hela organisationen", "the whole organisation")
            if not u
            else w.tr("enheten", "the unit")
            if u == unit
            else u
        )
        words.append(f"{w.job(group)} {w.tr('i', 'in')} {where}")
    return "; ".join(dict.fromkeys(words)) or "–"

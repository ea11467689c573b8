"""The action plan section: the rule, dates, responsible, cost and funding, the adjustments of
female-dominated jobs and of people, and the optimiser's cheapest alternative beside it."""

from __future__ import annotations

import pandas as pd

from ._front import measures_count, not_shown, plan_facts, plan_totals
from ._funding import from_organisation, funding_words, org_reach
from ._layout import unit_rows
from ._sections import Writer

__all__ = ["plan_section"]


def _target_words(w: Writer) -> str:
    target = str(w.run.config.actions.target)
    if target == "expected":
        held = w.controls_words(w.controls_used())
        return w.tr(
            "den lön gruppens regression ger personen som det andra könet"
            + (f", med samma {held}" if held else "")
            + ", eller, i grupper för små för regression, det andra könets medellön, där "
            "skillnaden delas mellan dem under den efter avstånd så att medellönerna möts. Så "
            "försvinner den skillnad som flaggan bygger på",
            "the pay the group's regression gives the person as the other gender"
            + (f", with the same {held}" if held else "")
            + ", or, in groups too small for a regression, the other gender's mean pay, the gap "
            "shared among those below it by distance so that the means meet. That removes the "
            "gap the flag is based on",
        )
    return w.tr(
        f"det andra könets {'median' if target == 'median' else 'medellön'} i gruppen",
        f"the other gender's {'median' if target == 'median' else 'mean'} pay in the group",
    )


def plan_section(w: Writer) -> dict:
    plan = w.results["action_plan"]
    m = w.plan_measures()
    first = str(plan.first_date) if plan.first_date else ""
    line = plan.group_target == "pay_line"
    blocks = [
        w.text(
            w.tr(
                "Skillnader som saknar förklaring, som har samband med kön eller där sambandet är "
                "oklart rättas. Lika arbete: var och en av det lägre betalda könet som har lägre lön "
                f"än målnivån höjs till den: {_target_words(w)}. Likvärdigt arbete: hela det "
                "kvinnodominerade yrket höjs"
                + (
                    " till jämförelseyrkets medellön när jämförelseyrket inte har högre värde; har "
                    "det högre värde höjs yrket till den lön som yrken utan kvinnodominans har vid "
                    "samma värde (lönelinjen), aldrig över jämförelseyrkets medellön."
                    if line
                    else " till jämförelseyrkets medellön."
                )
                + f" Kostnaden räknas med {w.pct(100 * plan.overhead, 0)} lönebikostnader. "
                f"Justeringarna träder i kraft vid lönerevisionen {first}"
                + (
                    " och, när budgeten inte räcker, vid lönerevisionerna samma dag de följande åren"
                    if plan.yearly_budget is not None
                    else ""
                )
                + ". Alla ska vara gjorda senast tre år efter att skillnaden hittades "
                "(DL 3 kap. 10 och 13 §§). Kolumnen Kvar efter åtgärd i avsnittet Förklaringar "
                "visar varje skillnad när hela planen är genomförd; det som återstår prövas igen "
                "vid nästa kartläggning.",
                "Differences without explanation, related to gender or unclear are corrected. Equal "
                "work: each person of the lower-paid gender paid below the target level is raised "
                f"to it: {_target_words(w)}. Equal value: the whole female-dominated job is "
                "raised"
                + (
                    " to the comparator's mean pay when the comparator's value is no higher; when it "
                    "is higher, to the pay jobs without a female majority have at the same value "
                    "(the pay line), never above the comparator's mean."
                    if line
                    else " to the comparator's mean pay."
                )
                + f" Cost includes {w.pct(100 * plan.overhead, 0)} payroll overhead. The "
                f"adjustments take effect at the pay review of {first}"
                + (
                    " and, where the budget is short, at the reviews on the same day in the "
                    "following years"
                    if plan.yearly_budget is not None
                    else ""
                )
                + ". Every adjustment is due at most three years after the difference was found "
                "(DL ch. 3 s. 10 and 13). The column Left after the measure in the section "
                "Explanations shows each gap with the whole plan paid; what remains is tested "
                "again at the next survey.",
            )
        )
    ]
    reach = org_reach(w)
    totals = plan_totals(w, m)
    if not totals["any"]:
        blocks.append(
            w.text(reach)
            if reach
            else w.text(w.tr("Inga åtgärder behövs.", "No measures are needed."))
        )
        funding = funding_words(w)
        if funding and reach:
            blocks.append(w.text(funding))
        return w.section(w.tr("Handlingsplan", "Action plan"), blocks)
    if reach:
        blocks.append(w.text(reach))
    rows = w.plan_rows()
    responsible = sorted(set(m["responsible"].astype(str))) if len(m) else []
    n_units = m.loc[m["unit"].astype(str) != "", "unit"].nunique() if len(m) else 0
    hidden = totals["hidden"]
    many = len(responsible) > 4
    if hidden is not None and (hidden.get("n_measures") or 0) > totals.get("small_groups", 0):
        # the person measures are not in the rows: their managers are not in the list either
        if w.unit is not None:
            responsible = sorted(set(responsible) | {w.tr("Enhetschefen", "The unit manager")})
        else:
            units = set(m.loc[m["unit"].astype(str) != "", "unit"].astype(str)) if len(m) else set()
            facts = (w.run.manifest.get("suppression") or {}).get("hidden_measures", {})
            units |= {u for u in (facts.get("by_unit") or {}) if u}
            n_units = len(units)
            many = n_units > 0  # the units' managers: said in words, not listed
    due = int(m["due_year"].max()) if len(m) else int(plan.year) + 3
    facts = plan_facts(w, m) + [
        [
            w.tr("Ansvariga", "Responsible"),
            "; ".join(responsible)
            if not many
            else w.tr(
                f"{w.run.config.actions.responsible} för åtgärder i hela organisationen; "
                f"enhetscheferna i de {w.num(n_units)} "
                "berörda enheterna för deras egna (se varje enhets rapport)",
                f"{w.run.config.actions.responsible} for organisation-wide measures; the unit "
                f"managers of the {w.num(n_units)} "
                "units concerned for their own (see each unit's report)",
            ),
        ],
        [w.tr("Senast klart", "Due by"), str(due)],
        [
            w.tr("Budget per år", "Yearly budget"),
            w.kr(plan.yearly_budget)
            if plan.yearly_budget is not None
            else w.tr(
                "ingen angiven: varje åtgärd betalas helt vid första lönerevisionen",
                "none set: each measure is paid in full at the first pay review",
            ),
        ],
    ]
    blocks.append({"type": "facts", "rows": facts})
    funding = funding_words(w)
    if funding:
        blocks.append(w.text(funding))
        blocks += _short_pots(w)
    if hidden is None:
        by_year = rows.groupby(["year", "effective_date"]).agg(
            n=("measure_id", "nunique"),
            people=("kind", lambda k: int((k == "person").sum())),
            jobs=("kind", lambda k: int((k == "equal_value").sum())),
            cost=("cost_yearly", "sum"),
        )
        year_rows = [
            [str(int(y)), str(d), measures_count(w, int(pe), int(jo)), w.kr(c)]
            for (y, d), (_, pe, jo, c) in by_year.iterrows()
        ]
        year_note: dict = {}
    else:
        year_rows, year_note = _year_rows_aggregate(w, rows, totals)
    blocks.append(
        w.table(
            [
                w.tr("År", "Year"),
                w.tr("Träder i kraft", "Takes effect"),
                w.tr("Åtgärder", "Measures"),
                w.tr("Kostnad per år för stegen", "Yearly cost of the steps"),
            ],
            year_rows,
            align=["left", "left", "right", "right"],
            widths=[0.8, 1.2, 2, 1.6],
            caption=w.tr("Tidsplan och kostnad per år", "Time plan and cost by year"),
            **year_note,
        )
    )
    if w.unit is None and "action_plan.png" in w.figures:
        blocks.append(
            w.figure(
                "action_plan.png",
                w.tr("Handlingsplanens kostnad per år.", "Cost of the action plan by year."),
            )
        )
    blocks += _group_table(w, m)
    blocks += _people_tables(w, m) if hidden is None else _people_aggregate(w, m, totals)
    if w.unit is None and "remediation.png" in w.figures:
        rem = w.results["remediation"]
        n = len(rem.groups)
        blocks.append(
            w.figure(
                "remediation.png",
                w.tr(
                    f"Som jämförelse: det billigaste sättet att ta bort skillnaden i grundlön i de "
                    f"{w.num(n)} grupper med lika arbete i hela organisationen som behöver åtgärd "
                    f"kostar {w.kr(rem.cost_yearly)} per år (linjärprogrammering). Det täcker inte "
                    "enheternas grupper, likvärdigt arbete eller personer under sin målnivå, som "
                    "handlingsplanen tar med. Diagrammet visar kvarvarande skillnad mot kostnad.",
                    f"For comparison: the cheapest way to remove the base-salary gap in the "
                    f"{w.num(n)} organisation-wide equal-work groups needing action costs "
                    f"{w.kr(rem.cost_yearly)} a year (linear programming). It does not cover the "
                    "units' groups, equal value or people below their target, which the action "
                    "plan includes. The chart shows the remaining gap against cost.",
                ),
            )
        )
    return w.section(w.tr("Handlingsplan", "Action plan"), blocks)


def _year_rows_aggregate(w: Writer, rows: pd.DataFrame, totals: dict) -> tuple[list, dict]:
    """The time plan of a manager or public edition: the group measures of the rows, with the
    person measures (and the small groups' amounts) from the pipeline's aggregate by year; a
    year's cost only where it is shown whole."""
    plan = w.results["action_plan"]
    hidden = totals["hidden"]
    by_year = hidden.get("by_year") or {}
    shown_years = {int(y) for y in rows["year"]} if len(rows) else set()
    years = sorted(shown_years | {int(y) for y in by_year})
    if not years and hidden.get("n_measures"):
        years = [int(plan.first_date.year) if plan.first_date else int(plan.year) + 1]
    out, hidden_cells = [], 0
    for y in years:
        here = rows[rows["year"].astype(int) == y] if len(rows) else rows
        groups = here.drop_duplicates("measure_id") if len(here) else here
        small = groups[groups["adjustment_total"].isna()] if len(groups) else groups
        jobs = int((groups["kind"] == "equal_value").sum()) if len(groups) else 0
        h = by_year.get(str(y))
        if h is None and w.unit is not None and len(years) == 1:
            h = hidden  # a unit's report: its measures without amounts, all in the one year
        h_measures = (h or {}).get("n_measures")
        people = max(int(h_measures) - len(small), 0) if h_measures is not None else None
        shown = float(here["cost_yearly"].fillna(0).sum()) if len(here) else 0.0
        if h is None and not len(small):
            cost = shown if hidden.get("n_measures") == 0 or w.unit is None else None
        elif h is None or h.get("cost_yearly") is None:
            cost = None
        else:
            cost = shown + float(h["cost_yearly"])
        hidden_cells += cost is None
        dates = sorted(set(here["effective_date"].astype(str))) if len(here) else []
        if not dates and plan.first_date:
            dates = [f"{y}{str(plan.first_date)[4:]}"]
        out.append(
            [
                str(y),
                ", ".join(dates) or "–",
                measures_count(w, people, jobs)
                if people is not None
                else w.count(jobs, ("yrke", "yrken"), ("job", "jobs"))
                + w.tr(" och personer", " and people"),
                w.kr(cost),
            ]
        )
    note = w.tr(
        "Kostnaden räknar med de individuella lönejusteringarna, som inte redovisas var för sig i "
        "denna utgåva.",
        "The cost includes the individual pay adjustments, which this edition does not list one "
        "by one.",
    )
    if hidden_cells:
        note += " " + w.suppressed_note(hidden_cells)
    return out, {"note": note}


def _people_aggregate(w: Writer, m: pd.DataFrame, totals: dict) -> list[dict]:
    """A manager or public edition's line for the person measures: how many people, at what
    cost in all (not shown where fewer than ``min_cell`` people stand behind it); no person, no
    job's sum of raises."""
    people = totals["people"]
    if people == 0:
        return []
    hidden = totals["hidden"]
    cost = hidden.get("cost_yearly")
    small = totals.get("small_groups", 0)
    if people is None:
        who = w.tr("personer under sin målnivå", "people below their target")
    else:
        who = w.count(people, ("person", "personer"), ("person", "people"))
    parts = [w.tr(f"individuella lönejusteringar för {who}", f"individual adjustments for {who}")]
    if small:
        staff = (hidden.get("small_groups") or {}).get("n_people")
        jobs = w.count(small, ("yrke", "yrken"), ("job", "jobs"))
        people = w.count(staff, ("person", "personer"), ("person", "people")) if staff else ""
        with_staff = f" ({people})" if staff else ""
        parts.append(
            w.tr(
                f"justeringen av {jobs} med få anställda{with_staff}",
                f"the adjustment of {jobs} with few staff{with_staff}",
            )
        )
    if cost is not None:
        said = w.tr(
            f"tillsammans {w.kr(cost)} per år inkl. lönebikostnader",
            f"together {w.kr(cost)} a year incl. overhead",
        )
    else:
        said = w.tr("kostnaden ", "the cost is ") + not_shown(w)
    text = w.tr(
        f"Åtgärder utan belopp i den här utgåvan: {w.join(parts)}; {said}. ",
        f"Measures without amounts in this edition: {w.join(parts)}; {said}. ",
    )
    if w.unit is not None and people:  # where a unit's individual raises come from
        text += w.tr(
            "De individuella justeringarna gäller personer i grupper som är flaggade i enheten "
            "eller i hela organisationen (se översikten). ",
            "The individual adjustments are for people in groups flagged in the unit or across "
            "the whole organisation (see the overview). ",
        )
    text += w.tr(
        "Enskilda personer och små gruppers belopp visas bara i underlag för HR och fackliga "
        "företrädare.",
        "Individual people and small groups' amounts are shown only in the editions for HR and "
        "union representatives.",
    )
    return [w.text(text)]


def _short_pots(w: Writer) -> list[dict]:
    """In the overview: the pots whose reserve does not pay their share of the first step."""
    f = w.results.get("plan_funding")
    if w.unit is not None or f is None or len(f) < 2:
        return []
    short = f[f["shortfall"] >= 1].sort_values("shortfall", ascending=False)
    if short.empty:
        return []
    if w.aggregate:  # a pot's need is its people's raises: a few people's pay
        return [
            w.text(
                w.tr(
                    "Vilka enheter det gäller och deras belopp redovisas i HR:s utgåva; varje "
                    "chef ser sin enhets pott i enhetens rapport.",
                    "Which units, and their amounts, are in HR's edition; each manager sees the "
                    "unit's pot in the unit's report.",
                )
            )
        ]
    rows, groups = unit_rows(
        w,
        {
            str(r.unit): [w.kr(r.plan_need), w.kr(r.plan_reserve), w.kr(r.shortfall)]
            for r in short.itertuples()
        },
    )
    return [
        w.table(
            [
                w.tr("Enhet", "Unit"),
                w.tr("Första steget kräver", "The first step needs"),
                w.tr("Reserv", "Reserve"),
                w.tr("Saknas", "Missing"),
            ],
            rows,
            align=["left", "right", "right", "right"],
            groups=groups,
            caption=w.tr(
                "Enheter där reserven inte räcker, kronor per månad",
                "Units where the reserve is short, kronor a month",
            ),
        )
    ]


def _group_table(w: Writer, m: pd.DataFrame) -> list[dict]:
    groups = m[m["kind"] == "equal_value"]
    if groups.empty:
        return []
    ev = w.run.tables.get("job_evaluation", pd.DataFrame())
    points = (
        dict(zip(ev["job_code"].astype(str), ev["points"], strict=True))
        if {"job_code", "points"} <= set(ev.columns)
        else {}
    )
    rows = [
        [
            w.job(r.job_code),
            r.unit or w.tr("Hela organisationen", "Whole organisation"),
            w.job(r.comparator_job),
            f"{w.num(points.get(str(r.job_code)))} / {w.num(points.get(str(r.comparator_job)))}",
            f"{w.kr(r.pay_before)} → {w.kr(r.target_pay)}",
            w.num(r.n_people),
            "–" if w.aggregate and pd.isna(r.adjustment_total) else w.kr(r.cost_yearly),
            f"{r.effective_date}, {r.responsible}",
        ]
        for r in groups.itertuples()
    ]
    return [
        w.table(
            [
                w.tr("Yrke", "Job"),
                w.tr("Omfattning", "Scope"),
                w.tr("Jämförs med", "Compared with"),
                w.tr("Värde (poäng)", "Value (points)"),
                w.tr("Medellön före → efter", "Mean pay before → after"),
                w.tr("Anställda", "Employees"),
                w.tr("Kostnad per år", "Cost a year"),
                w.tr("Träder i kraft, ansvarig", "Takes effect, responsible"),
            ],
            rows,
            align=["left", "left", "left", "right", "right", "right", "right", "left"],
            caption=w.tr(
                "Justeringar av kvinnodominerade yrken", "Adjustments of female-dominated jobs"
            ),
            note=w.tr(
                "Värde: det kvinnodominerade yrkets poäng / jämförelseyrkets poäng i "
                "arbetsvärderingen.",
                "Value: the female-dominated job's points / the comparator's points in the job "
                "evaluation.",
            )
            + _suppressed(w, "action_plan", ["pay_before", "target_pay", "cost_yearly"]),
        )
    ]


def _suppressed(w: Writer, table: str, columns: list[str]) -> str:
    """The suppression sentence for a table's note, with its leading space ("" when none):
    the hidden cells of the ``columns`` the table shows."""
    said = w.suppressed_note(w.suppressed(table, columns=columns)) if w.aggregate else ""
    return f" {said}" if said else ""


def _people_tables(w: Writer, m: pd.DataFrame) -> list[dict]:
    blocks: list[dict] = []
    people = m[m["kind"] == "person"]
    if w.unit is not None and len(people):
        via_org = from_organisation(people)
        if via_org.any():
            blocks.append(
                {
                    "type": "notice",
                    "tone": "info",
                    "text": w.tr(
                        f"{int(via_org.sum())} av personerna höjs på grund av en skillnad i hela "
                        "organisationens grupp, inte i enheten: se översiktens avsnitt Lika arbete.",
                        f"{int(via_org.sum())} of the people are raised because of a difference in the "
                        "organisation-wide group, not in the unit: see the overview's Equal work.",
                    ),
                }
            )
    if len(people):
        agg = (
            people.groupby("job_code")
            .agg(
                n=("employee_id", "size"),
                kr=("adjustment_total", "sum"),
                cost=("cost_yearly", "sum"),
            )
            .reset_index()
        )
        blocks.append(
            w.table(
                [
                    w.tr("Yrke", "Job"),
                    w.tr("Personer", "People"),
                    w.tr("Summa höjningar per månad", "Raises a month"),
                    w.tr("Kostnad per år", "Cost a year"),
                ],
                [
                    [w.job(j), w.num(n), w.kr(k), w.kr(c)]
                    for j, n, k, c in agg.itertuples(index=False)
                ],
                align=["left", "right", "right", "right"],
                widths=[3, 0.8, 1.4, 1.4],
                caption=w.tr(
                    "Individuella justeringar per yrke (lika arbete)",
                    "Individual adjustments by job (equal work)",
                ),
                note=w.tr(
                    "Varje person finns i bilagan Åtgärder per person"
                    + (" sist i denna rapport." if w.unit is not None else ".")
                    if w.hr_or_union
                    else "Enskilda personer visas bara i underlag för HR och fackliga företrädare.",
                    "Each person is listed in the annex Measures by person"
                    + (" at the end of this report." if w.unit is not None else ".")
                    if w.hr_or_union
                    else "Individual people are shown only in the editions for HR and union "
                    "representatives.",
                ),
            )
        )
    return blocks

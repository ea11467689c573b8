"""The report's content: a :class:`~payequity.pipeline.SurveyRun` as the document the typst
template lays out (``templates/report.typ``; the block types are documented there).

Every text and number is written here, translated and formatted ("32 500 kr", "96,4 %"); the
template only places it. Tables come from ``run.tables`` — the data files as written for the
audience, so a union report carries the same pseudonyms as its CSV files — and scalars from the
result objects. :func:`document` builds the overview (``unit=None``) or one unit's report.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..privacy import bound_by_confidentiality
from ._equal import equal_value, equal_work
from ._front import confidential, cover_facts, summary
from ._org import banner, documentation, eu, follow_up, organisation, people_annex
from ._sections import Writer, method_section, national_section, signatures_section

__all__ = ["document"]


def document(run: Any, unit: str | None = None, figures: dict[str, bytes] | None = None) -> dict:
    """The JSON document of the overview or of one unit (``unit`` = its key)."""
    w = Writer(run, unit, set(figures or {}))
    cfg, m = run.config, run.manifest
    title = w.tr(f"Lönekartläggning {m['year']}", f"Pay survey {m['year']}")
    audience = {
        "hr": w.tr("Underlag för HR", "For HR"),
        "union": w.tr("Underlag för fackliga företrädare", "For union representatives"),
    }.get(m["audience"], m["audience"])
    status = cfg.report.status
    doc: dict[str, Any] = {
        "lang": w.language,
        "title": title,
        "organisation": str(cfg.survey.organisation),
        "subtitle": w.tr("Hela organisationen", "The whole organisation")
        if unit is None
        else w.tr(f"Enhet: {unit}", f"Unit: {unit}"),
        "audience_label": audience,
        "status": status,
        "status_label": {"draft": w.tr("UTKAST", "DRAFT"), "final": w.tr("SLUTLIG", "FINAL")}[
            status
        ],
        "created": m["created_at"][:10],
        "footer": f"{cfg.survey.organisation} · {title}",
        "confidential": confidential(w) if bound_by_confidentiality(m["audience"]) else None,
        "banner": banner(w) if cfg.analysis.eu_directive else None,
        "cover_facts": cover_facts(w),
        "contents_title": w.tr("Innehåll", "Contents"),
        "page_label": w.tr("Sida", "Page"),
        "of_label": w.tr("av", "of"),
    }
    sections = [summary(w)]
    if unit is None:
        sections.append(_rules(w))
    sections += [equal_work(w), equal_value(w)]
    if unit is None:
        sections += [organisation(w), national_section(w), eu(w)]
    sections += [_explanations(w), _plan(w)]
    if unit is None:
        sections += [follow_up(w), documentation(w)]
    sections += [method_section(w), signatures_section(w)]
    if unit is None and w.hr_or_union and len(w.plan_people()):
        sections.append(people_annex(w))
    doc["sections"] = sections
    return doc


def _rules(w: Writer) -> dict:
    t = w.run.tables.get("rules_and_practice", pd.DataFrame())
    blocks = [
        w.text(
            w.tr(
                "Bestämmelser och praxis om löner och andra anställningsvillkor ska kartläggas och "
                "bedömas ur ett jämställdhetsperspektiv (DL 3 kap. 8 § 1 p.).",
                "Rules and practice on pay and other terms of employment are surveyed and assessed for "
                "gender neutrality (DL ch. 3 s. 8 p. 1).",
            )
        )
    ]
    if t.empty or (t["gender_neutral"].fillna("") == "").all():
        blocks.append(
            {
                "type": "notice",
                "tone": "warning",
                "text": w.tr(
                    "Bestämmelser och praxis är inte bedömda. Fyll i rules_and_practice.csv.",
                    "Rules and practice are not assessed. Fill in rules_and_practice.csv.",
                ),
            }
        )
    if len(t):
        rows = [
            [w.area(a), str(i), w.yes_no(g), str(s or ""), str(act or "")]
            for a, i, g, s, act in zip(
                t["area"],
                t["item"],
                t["gender_neutral"].fillna(""),
                t["assessment"].fillna(""),
                t["action"].fillna(""),
                strict=True,
            )
        ]
        blocks.append(
            w.table(
                [
                    w.tr("Område", "Area"),
                    w.tr("Regel eller praxis", "Rule or practice"),
                    w.tr("Könsneutral", "Gender-neutral"),
                    w.tr("Bedömning", "Assessment"),
                    w.tr("Åtgärd", "Action"),
                ],
                rows,
                widths=[1.2, 1.6, 0.8, 2.4, 1.8],
            )
        )
    return w.section(w.tr("Bestämmelser och praxis", "Rules and practice"), blocks)


def _explanations(w: Writer) -> dict:
    t = w.items()
    t = t[t["item_kind"].isin(["equal_work", "equal_value"]) & t["flagged"]]
    blocks = [
        w.text(
            w.tr(
                "Varje flaggad skillnad ska bedömas: har den sakliga skäl, och har den samband med kön? "
                "Förklaringarna skrivs i explanations.csv. Oflaggade skillnader har fått en automatisk "
                "bedömning (se datafilen explanations.csv).",
                "Every flagged difference is assessed: is there an objective reason, and is it related "
                "to gender? Explanations are written in explanations.csv. Unflagged differences have an "
                "automatic assessment (see the data file explanations.csv).",
            )
        )
    ]
    if t.empty:
        blocks.append(w.text(w.tr("Inga flaggade skillnader.", "No flagged differences.")))
        return w.section(w.tr("Förklaringar", "Explanations"), blocks)
    order = {"unexplained": 0, "gender_related": 1, "unclear": 2, "explained": 3}
    t = t.assign(_o=t["status"].map(order).fillna(9)).sort_values(["_o", "item_key"])
    rows = []
    for r in t.itertuples():
        what = (
            w.job(r.group)
            if r.item_kind == "equal_work"
            else f"{w.job(r.group)} – {w.job(r.comparator)}"
        )
        rows.append(
            [
                r.unit or w.tr("Hela organisationen", "Whole organisation"),
                what,
                w.pay_measure(r.pay_measure),
                w.pct(r.gap_pct),
                w.status(r.status),
                w.category(r.category),
                str(r.text or ""),
            ]
        )
    blocks.append(
        w.table(
            [
                w.tr("Enhet", "Unit"),
                w.tr("Grupp", "Group"),
                w.tr("Lönebegrepp", "Pay"),
                w.tr("Skillnad", "Gap"),
                w.tr("Bedömning", "Assessment"),
                w.tr("Skäl", "Reason"),
                w.tr("Förklaring", "Explanation"),
            ],
            rows,
            align=["left", "left", "left", "right", "left", "left", "left"],
            widths=[1.8, 1.6, 1, 0.7, 1.1, 0.9, 2.6],
            caption=w.tr(
                "Flaggade skillnader och deras bedömning",
                "Flagged differences and their assessment",
            ),
            note=w.tr(
                "Skillnad: kvinnornas lön i förhållande till männens (lika arbete) eller det "
                "kvinnodominerade yrkets lön i förhållande till jämförelseyrkets (likvärdigt).",
                "Gap: women's pay against men's (equal work) or the female-dominated job's "
                "against the comparator's (equal value).",
            ),
        )
    )
    return w.section(w.tr("Förklaringar", "Explanations"), blocks)


def _plan(w: Writer) -> dict:
    plan = w.results["action_plan"]
    m = w.plan_measures()
    blocks = [
        w.text(
            w.tr(
                "Skillnader som saknar förklaring, som har samband med kön eller där sambandet är oklart "
                "rättas. Lika arbete: var och en av det missgynnade könet under målnivån höjs. "
                "Likvärdigt arbete: hela det kvinnodominerade yrket höjs till jämförelseyrkets "
                f"medellön. Kostnaden räknas med {w.pct(100 * plan.overhead, 0)} lönebikostnader. "
                "Alla justeringar ska vara gjorda senast tre år efter att skillnaden hittades "
                "(DL 3 kap. 10 och 13 §§).",
                "Differences without explanation, related to gender or unclear are corrected. Equal "
                "work: each person of the disadvantaged gender below the target level is raised. Equal "
                "value: the whole female-dominated job is raised to the comparator's mean pay. Cost "
                f"includes {w.pct(100 * plan.overhead, 0)} payroll overhead. Every adjustment is due at "
                "most three years after the difference was found (DL ch. 3 s. 10 and 13).",
            )
        )
    ]
    if m.empty:
        blocks.append(w.text(w.tr("Inga åtgärder behövs.", "No measures are needed.")))
        return w.section(w.tr("Handlingsplan", "Action plan"), blocks)
    rows = w.plan_rows()
    blocks.append(
        {
            "type": "facts",
            "rows": [
                [w.tr("Åtgärder", "Measures"), w.num(len(m))],
                [
                    w.tr("Personer som höjs individuellt", "People raised individually"),
                    w.num(int((m["kind"] == "person").sum())),
                ],
                [
                    w.tr("Yrken som höjs", "Jobs raised"),
                    w.num(int((m["kind"] == "equal_value").sum())),
                ],
                [
                    w.tr("Kostnad per år när allt är genomfört", "Yearly cost when fully paid"),
                    w.kr(float(m["cost_yearly"].sum())),
                ],
                [w.tr("Senast klart", "Due by"), str(int(m["due_year"].max()))],
                [
                    w.tr("Budget per år", "Yearly budget"),
                    w.kr(plan.yearly_budget)
                    if plan.yearly_budget is not None
                    else w.tr("ingen angiven", "none set"),
                ],
            ],
        }
    )
    by_year = rows.groupby("year")["cost_yearly"].sum()
    blocks.append(
        w.table(
            [
                w.tr("År", "Year"),
                w.tr("Kostnad för årets nya justeringar", "Cost of the year's new steps"),
            ],
            [[str(int(y)), w.kr(c)] for y, c in by_year.items()],
            align=["left", "right"],
            widths=[1, 2],
            caption=w.tr("Tidsplan och kostnad per år", "Time plan and cost by year"),
        )
    )
    if w.unit is None:
        blocks.append(
            w.figure(
                "action_plan.png",
                w.tr("Handlingsplanens kostnad per år.", "Cost of the action plan by year."),
            )
        )
    groups = m[m["kind"] == "equal_value"]
    if len(groups):
        blocks.append(
            w.table(
                [
                    w.tr("Yrke", "Job"),
                    w.tr("Omfattning", "Scope"),
                    w.tr("Jämförs med", "Compared with"),
                    w.tr("Höjning per månad", "Raise a month"),
                    w.tr("Anställda", "Employees"),
                    w.tr("Kostnad per år", "Cost a year"),
                    w.tr("År", "Years"),
                    w.tr("Senast", "Due"),
                ],
                [
                    [
                        w.job(r.job_code),
                        r.unit or w.tr("Hela organisationen", "Whole organisation"),
                        w.job(r.comparator_job),
                        w.kr(r.adjustment_total),
                        w.num(r.n_people),
                        w.kr(r.cost_yearly),
                        str(r.years),
                        str(int(r.due_year)),
                    ]
                    for r in groups.itertuples()
                ],
                align=["left", "left", "left", "right", "right", "right", "left", "left"],
                widths=[1.8, 1.8, 1.8, 1, 0.8, 1.1, 0.8, 0.6],
                caption=w.tr(
                    "Justeringar av kvinnodominerade yrken", "Adjustments of female-dominated jobs"
                ),
            )
        )
    people = m[m["kind"] == "person"]
    if w.unit is not None and len(people):
        via_org = (
            people["item_keys"]
            .astype(str)
            .str.split(";")
            .map(lambda keys: any(k.startswith("/") for k in keys))
        )
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
                    "Varje person finns i bilagan Åtgärder per person."
                    if w.unit is None
                    else "Personerna listas i översiktens bilaga.",
                    "Each person is listed in the annex Measures by person."
                    if w.unit is None
                    else "The people are listed in the overview's annex.",
                ),
            )
        )
    if w.unit is None and "remediation.png" in w.figures:
        rem = w.results["remediation"]
        blocks.append(
            w.figure(
                "remediation.png",
                w.tr(
                    f"Det billigaste sättet att stänga de flaggade skillnaderna i lika arbete kostar "
                    f"{w.kr(rem.cost_yearly)} per år (linjärprogrammering): kvarvarande skillnad mot kostnad.",
                    f"The cheapest way to close the flagged equal-work differences costs "
                    f"{w.kr(rem.cost_yearly)} a year (linear programming): remaining gap against cost.",
                ),
            )
        )
    return w.section(w.tr("Handlingsplan", "Action plan"), blocks)

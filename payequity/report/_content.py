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

from ..actions import UNMEASURED_REASONS, comparison_of, unit_names
from ..privacy import bound_by_confidentiality
from ._equal import equal_value, equal_work
from ._front import (
    aggregate_notice,
    audience_label,
    confidential,
    cover_facts,
    personal_data,
    plan_totals,
    summary,
)
from ._layout import NAMES_LANG, grouped, unit_heading, unit_order
from ._org import banner, eu, glosses, organisation
from ._plan import plan_section
from ._sections import Writer, method_section, national_section, signatures_section
from ._tracking import documentation, follow_up, people_annex

__all__ = ["document"]


def document(run: Any, unit: str | None = None, figures: dict[str, bytes] | None = None) -> dict:
    """The JSON document of the overview or of one unit (``unit`` = its key)."""
    w = Writer(run, unit, set(figures or {}))
    cfg, m = run.config, run.manifest
    title = w.tr(f"Lönekartläggning {m['year']}", f"Pay survey {m['year']}")
    audience = audience_label(w, m["audience"])
    status = cfg.report.status
    doc: dict[str, Any] = {
        "lang": w.language,
        "names_lang": NAMES_LANG,
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
        "footer": f"{cfg.survey.organisation} · {title} · {audience}",
        "confidential": confidential(w)
        if bound_by_confidentiality(m["audience"])
        else personal_data(w)
        if m["audience"] == "hr"
        else aggregate_notice(w),
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
    sections += [_explanations(w), plan_section(w)]
    if unit is None:
        sections += [follow_up(w), documentation(w)]
    sections.append(method_section(w))
    if w.hr_or_union and len(w.plan_people()):  # a unit's report: the unit's own people
        sections.append(people_annex(w))
    sections.append(signatures_section(w))  # last: what is signed comes before it
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
                    "Bestämmelser och praxis är inte bedömda. Fyll i registret över bestämmelser "
                    "och praxis; en mall finns bland datafilerna.",
                    "Rules and practice are not assessed. Fill in the register of rules and "
                    "practice; a template is among the data files.",
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
                register=[1, 3, 4],  # the register's own words
                **_gloss_note(w, " ".join(" ".join(r) for r in rows)),
            )
        )
    return w.section(w.tr("Bestämmelser och praxis", "Rules and practice"), blocks)


def _gloss_note(w: Writer, text: str) -> dict:
    """The table's note glossing the Swedish agreements it names, in English (else none)."""
    said = glosses(w, text, ("HÖK", "OB-tillägg"))
    return {"note": said} if said else {}


def _flag_gap(w: Writer) -> dict[tuple[str, str, str], tuple[float, bool]]:
    """(unit, work group, pay measure) → :meth:`Writer.flag_gap` of that equal-work row."""
    return {
        (r.unit, str(r.work_group), str(r.pay_measure)): w.flag_gap(r)
        for r in w.work_table().itertuples()
    }


def _measure_words(w: Writer, keys: set[str], statuses: set[str], kind: str = "") -> str:
    """What the plan does for the items ``keys``: people raised, a job raised, or why not."""
    plan = w.run.tables["action_plan"]
    # as bool: an empty object Series would select columns, not rows
    match = plan["item_keys"].astype(str).str.split(";").map(lambda ks: bool(keys & set(ks)))
    hit = plan.loc[match.to_numpy(dtype=bool)]
    words = []
    people = hit.loc[hit["kind"] == "person", "measure_id"].nunique()
    if people:
        words.append(w.tr(f"{w.num(people)} personer höjs", f"{w.num(people)} people raised"))
        if people == 1:
            words[-1] = w.tr("1 person höjs", "1 person raised")
    for r in hit[hit["kind"] == "equal_value"].drop_duplicates("measure_id").itertuples():
        if r.adjustment_total != r.adjustment_total:  # a small job's amount: not shown
            words.append(
                w.tr(
                    "yrket höjs (beloppet visas inte: få anställda)",
                    "the job is raised (the amount is not shown: few staff)",
                )
            )
            continue
        words.append(
            w.tr(
                f"yrket höjs {w.kr(r.adjustment_total)} per månad",
                f"the job is raised {w.kr(r.adjustment_total)} a month",
            )
        )
    if words:
        return "; ".join(words)
    un = w.results["action_plan"].unmeasured
    reason = un.loc[un["item_key"].isin(keys), "reason"]
    if w.aggregate and reason.empty and not statuses <= {"explained"} and kind == "equal_work":
        # the person measures are not in this edition's plan: said without count or amount
        return w.tr(
            "de under målnivån höjs individuellt", "those below the target are raised individually"
        )
    if len(reason):
        sv, en = UNMEASURED_REASONS.get(str(reason.iloc[0]), ("", ""))
        return w.tr(f"Ingen åtgärd: {sv}", f"No measure: {en}")
    if statuses <= {"explained"}:
        return w.tr(
            "Ingen åtgärd: förklarad, utan samband med kön",
            "No measure: explained, not related to gender",
        )
    return "–"


def _explanations(w: Writer) -> dict:
    t = w.items()
    t = t[t["item_kind"].isin(["equal_work", "equal_value"]) & t["flagged"]]
    blocks = [
        w.text(
            w.tr(
                "Varje flaggad skillnad ska bedömas: har den sakliga skäl, och har den samband med "
                "kön? Arbetsgivaren skriver förklaringarna i förklaringsregistret tillsammans med de "
                "fackliga företrädarna. Oflaggade skillnader har fått en automatisk bedömning, som "
                "finns i datafilerna. Kolumnen Åtgärd visar vad handlingsplanen gör med varje "
                "flaggad jämförelse, eller varför den inte får någon åtgärd.",
                "Every flagged difference is assessed: is there an objective reason, and is it "
                "related to gender? The employer writes the explanations in the explanations "
                "register together with the union representatives. Unflagged differences have an "
                "automatic assessment, found in the data files. The column Measure shows what the "
                "action plan does with each flagged comparison, or why it gets no measure.",
            )
        )
    ]
    if t.empty:
        blocks.append(w.text(w.tr("Inga flaggade skillnader.", "No flagged differences.")))
        return w.section(w.tr("Förklaringar", "Explanations"), blocks)
    gaps = _flag_gap(w)
    every = w.items()
    effect = w.results.get("plan_effect")
    after = (
        dict(zip(effect["item_key"], effect["gap_after_pct"], strict=True))
        if effect is not None and len(effect)
        else {}
    )
    order = {"unexplained": 0, "gender_related": 1, "unclear": 2, "explained": 3}
    t = t.assign(_o=t["status"].map(order).fillna(9), _u=t["unit"].map(unit_order))
    t = t.sort_values(["_u", "_o", "item_key"])  # by unit, each unit's unexplained first
    leaves = unit_names(every["unit"])
    rows = []
    n_hidden = 0  # the gaps after the plan left out as the gaps are
    every_comparison = comparison_of(every)
    for key, g in t.groupby(comparison_of(t), sort=False):
        kind, unit, group, comparator = g.iloc[0][["item_kind", "unit", "group", "comparator"]]
        both = every[every_comparison == key]
        equal_work = kind == "equal_work"
        values, later, adjusted = [], [], False
        for measure in ("base_salary", "monthly_pay"):
            hit = both[both["pay_measure"] == measure]
            if hit.empty:
                values.append("–")
                continue
            if equal_work:
                gap, adj = gaps.get((unit, str(group), measure), (hit["gap_pct"].iloc[0], False))
                adjusted |= adj
            else:
                gap = float(hit["gap_pct"].iloc[0])
            flagged = bool(hit["flagged"].iloc[0])
            values.append(w.pct(gap) + ("*" if flagged else ""))
            n_hidden += int(w.aggregate and pd.isna(gap))
            hidden = w.aggregate and pd.isna(hit["gap_pct"].iloc[0])
            if hidden and flagged:  # the gap after the plan is the same small group's figure
                later.append("–")
                n_hidden += 1
            elif flagged and hit["item_key"].iloc[0] in after:
                later.append(w.pct(after[hit["item_key"].iloc[0]]))
        low = w.gender(comparator) if equal_work else w.tr("Yrket", "The job")
        # the gender paid less follows a hidden gap: counted with it
        n_hidden += int(w.aggregate and equal_work and low == "–" and pd.isna(comparator))
        what = w.job(group) if equal_work else f"{w.job(group)} – {w.job(comparator)}"
        statuses = ", ".join(sorted({w.status(s) for s in g["status"]}))
        if (g["source"] == "inherited").any():
            statuses += w.tr(" (organisationens bedömning)", " (the organisation's assessment)")
        texts = " ".join(sorted({str(x) for x in g["text"].fillna("") if str(x).strip()}))
        rows.append(
            (
                unit_heading(w, unit, leaves),
                [
                    what,
                    low,
                    " / ".join(values) + (w.tr(" (just.)", " (adj.)") if adjusted else ""),
                    f"{statuses}: {texts}" if texts else statuses,
                    _measure_words(w, set(g["item_key"].astype(str)), set(g["status"]), kind),
                    " / ".join(later) if later else "–",
                ],
            )
        )
    table_rows, groups = grouped(rows)
    columns = [
        w.tr("Jämförelse", "Comparison"),
        w.tr("Lägre lön", "Lower pay"),
        w.tr("Skillnad grundlön / månadslön", "Gap base salary / monthly pay"),
        w.tr("Bedömning och förklaring", "Assessment and explanation"),
        w.tr("Åtgärd", "Measure"),
        w.tr("Kvar efter åtgärd", "Left after the measure"),
    ]
    if w.aggregate:
        n_people = plan_totals(w, w.plan_measures())["people"] or 0
    else:
        n_people = w.plan_measures()
        n_people = int((n_people["kind"] == "person").sum()) if len(n_people) else 0
    suppressed = w.suppressed_note(n_hidden) if w.aggregate else ""
    blocks.append(
        w.table(
            columns,
            table_rows,
            align=["left", "left", "right", "left", "left", "right"],
            groups=groups if w.unit is None else None,  # a unit's report is all one unit
            names=[0],
            register=[3],
            size="small",
            caption=w.tr(
                "Flaggade jämförelser, deras bedömning och åtgärd",
                "Flagged comparisons, their assessment and measure",
            ),
            note=w.tr(
                "Skillnad: lika arbete, kvinnornas lön i förhållande till männens, den skillnad "
                "flaggningen bygger på (just. = justerad med regression, annars den råa "
                "skillnaden); likvärdigt arbete, det kvinnodominerade yrkets lön i förhållande "
                "till jämförelseyrkets. Negativ: kvinnorna (yrket) har lägre lön. * flaggad på "
                "det lönebegreppet. Kvar efter åtgärd: samma skillnad räknad om när hela "
                "handlingsplanen är genomförd."
                + (
                    " Jämförelserna står under sin enhet (enhetens namn, med förvaltningen där "
                    "namnet finns i flera), hela organisationens först."
                    if w.unit is None
                    else ""
                )
                + (
                    " En person kan höjas genom både organisationens och enhetens jämförelse "
                    f"men höjs en gång: planen höjer {w.num(n_people)} personer individuellt, "
                    "och därtill hela kvinnodominerade yrken (avsnittet Handlingsplan)."
                    if w.unit is None and n_people
                    else ""
                ),
                "Gap: equal work, women's pay against men's, the gap the flag is based on (adj. = "
                "adjusted by regression, else the raw gap); equal value, the female-dominated "
                "job's pay against the comparator's. Negative: the women (the job) earn less. "
                "* flagged on that pay measure. Left after the measure: the same gap recomputed "
                "with the whole action plan paid."
                + (
                    " The comparisons stand under their unit (the unit's name, with its "
                    "department where the name occurs in several), the whole organisation's first."
                    if w.unit is None
                    else ""
                )
                + (
                    " A person may be raised through both the organisation's and the unit's "
                    f"comparison but is raised once: the plan raises {w.num(n_people)} people "
                    "individually, and whole female-dominated jobs besides (section Action plan)."
                    if w.unit is None and n_people
                    else ""
                ),
            )
            + (f" {suppressed}" if suppressed else ""),
        )
    )
    return w.section(w.tr("Förklaringar", "Explanations"), blocks)

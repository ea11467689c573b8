"""The front of a report: the cover's facts, the confidentiality notice and the one-page summary
in plain words (what was surveyed, what was found, who is disadvantaged, what is planned)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..actions import comparison_of
from ._funding import funding_words, hidden_measures, unit_is_small
from ._sections import Writer

__all__ = [
    "comparisons",
    "confidential",
    "hidden_measures",
    "cost_words",
    "gender_count",
    "measures_count",
    "cover_facts",
    "personal_data",
    "plan_facts",
    "plan_people_by_gender",
    "plan_totals",
    "unit_is_small",
    "summary",
    "women_men",
]


def gender_count(w: Writer, n: int, code: str) -> str:
    """A count of women or men with the noun in the right number: "1 man", "7 kvinnor"."""
    sv = ("kvinna", "kvinnor") if code == "F" else ("man", "män")
    en = ("woman", "women") if code == "F" else ("man", "men")
    return w.count(int(n), sv, en)


def women_men(w: Writer, women: int, men: int, skip_zero: bool = False) -> str:
    """ "7 kvinnor och 1 man" / "7 women and 1 man"; ``skip_zero`` leaves out a gender of 0."""
    parts = [
        gender_count(w, n, code) for n, code in ((women, "F"), (men, "M")) if n or not skip_zero
    ]
    return w.tr(" och ", " and ").join(parts)


def cost_words(w: Writer, cost: float, payroll: float) -> str:
    """The plan's yearly cost and its share of the pay bill, the pay bill in brackets so it is
    never read as the cost: "20 738 214 kr per år (0,92 % av lönesumman, som är …)"."""
    if not payroll > 0:
        return w.tr(f"{w.kr(cost)} per år", f"{w.kr(cost)} a year")
    share = w.pct(100 * cost / payroll, 2)
    return w.tr(
        f"{w.kr(cost)} per år ({share} av lönesumman, som är {w.kr(payroll)} per år inkl. "
        "lönebikostnader)",
        f"{w.kr(cost)} a year ({share} of the pay bill, which is {w.kr(payroll)} a year incl. "
        "overhead)",
    )


def confidential(w: Writer) -> str:
    return w.tr(
        "Sekretess: innehåller uppgifter om enskilda arbetstagare (OSL 39 kap. 3 §; MBL 21 §). "
        "Får inte lämnas vidare. Anställningsnummer är ersatta med pseudonymer.",
        "Confidential: holds data on individual employees (OSL ch. 39 s. 3; MBL s. 21). Do not "
        "pass on. Employee numbers are replaced by pseudonyms.",
    )


def personal_data(w: Writer) -> str:
    """The hr edition's notice on every page (DESIGN §5)."""
    return w.tr(
        "Innehåller personuppgifter: lön och åtgärder för enskilda anställda. Hanteras enligt "
        "dataskyddsförordningen; lämna inte vidare utan behov.",
        "Contains personal data: pay and measures of individual employees. Handle under the "
        "GDPR; do not pass on without need.",
    )


def audience_label(w: Writer, audience: str) -> str:
    """Who the edition is for, as the cover and every page's foot say it."""
    return {
        "hr": w.tr("Underlag för HR", "For HR"),
        "union": w.tr("Underlag för fackliga företrädare", "For union representatives"),
        "manager": w.tr("Utgåva för chefer", "Edition for managers"),
        "public": w.tr("Offentlig utgåva", "Public edition"),
    }.get(audience, audience)


def aggregate_notice(w: Writer) -> str:
    """The manager and public editions' notice on every page: aggregates only (DESIGN §5)."""
    k = w.min_cell
    return w.tr(
        f"Endast sammanställda uppgifter: inga enskilda löner, och inga lönesiffror för grupper "
        f"med färre än {k} kvinnor eller {k} män.",
        f"Aggregates only: no individual's pay, and no pay figures for groups of fewer than {k} "
        f"women or {k} men.",
    )


def cover_facts(w: Writer) -> list[list[str]]:
    cfg, m = w.run.config, w.run.manifest
    f = w.frame
    return [
        [w.tr("Organisation", "Organisation"), str(cfg.survey.organisation)],
        [w.tr("År", "Year"), str(m["year"])],
        [w.tr("Referensdatum", "Reference date"), str(cfg.survey.reference_date)],
        [
            w.tr("Anställda", "Employees"),
            f"{w.num(len(f))} ("
            + women_men(w, (f["gender"] == "F").sum(), (f["gender"] == "M").sum()).replace(
                w.tr(" och ", " and "), ", "
            )
            + ")",
        ],
    ]


def comparisons(items: pd.DataFrame) -> pd.DataFrame:
    """One row per comparison (an equal-work group or an equal-value pair in a scope), its pay
    measures folded together: flagged on any, unexplained or needing action on any."""
    t = items[items["item_kind"].isin(["equal_work", "equal_value"])].copy()
    if t.empty:
        return pd.DataFrame(
            columns=[
                "item_kind",
                "unit",
                "group",
                "pair",
                "flagged",
                "open",
                "unclear",
                "needs_action",
                "low",
            ]
        )
    t["pair"] = np.where(t["item_kind"] == "equal_value", t["comparator"].astype(str), "")
    t["open"] = t["flagged"] & (t["status"] == "unexplained")
    t["unclear"] = t["flagged"] & (t["status"] == "unclear")
    g = t.groupby(comparison_of(t), sort=False)
    out = g.agg(
        item_kind=("item_kind", "first"),
        unit=("unit", "first"),
        group=("group", "first"),
        pair=("pair", "first"),
        flagged=("flagged", "any"),
        open=("open", "any"),
        unclear=("unclear", "any"),
        needs_action=("needs_action", "any"),
        low=("comparator", "first"),
    ).reset_index()
    return out


def _lower_paid(w: Writer, flagged: pd.DataFrame) -> str:
    """Women lower-paid in 3, men in 1: the gender each flagged comparison disadvantages."""
    women = int((flagged["low"] == "F").sum())
    men = int((flagged["low"] == "M").sum())
    said = w.tr(
        f"kvinnor har lägre lön i {w.num(women)}, män i {w.num(men)}",
        f"women earn less in {w.num(women)}, men in {w.num(men)}",
    )
    rest = len(flagged) - women - men
    if rest and w.aggregate:  # the gender paid less is not shown for small groups
        said += w.tr(f", i {w.num(rest)} visas det inte", f", not shown in {w.num(rest)}")
    return said


def plan_people_by_gender(w: Writer, people: pd.DataFrame) -> tuple[int, int]:
    """(women, men) raised individually: the gender each person's equal-work item
    disadvantages (from the items, so pseudonymised ids need no lookup)."""
    items = w.run.tables["explanations"]
    low = dict(zip(items["item_key"].astype(str), items["comparator"].astype(str), strict=True))
    genders = [
        next((low.get(k) for k in str(keys).split(";") if low.get(k) in ("F", "M")), "")
        for keys in people["item_keys"]
    ]
    return genders.count("F"), genders.count("M")


def summary(w: Writer) -> dict:
    r, f = w.results, w.frame
    ev_all = w.value_table()
    items = w.items()
    comp = comparisons(items)
    scope = comp[comp["unit"] == w.scope]
    work = scope[scope["item_kind"] == "equal_work"]
    value = scope[scope["item_kind"] == "equal_value"]
    plan = w.plan_measures()
    where = w.tr("enheten", "the unit") if w.unit else w.tr("organisationen", "the organisation")
    nw, nm = int((f["gender"] == "F").sum()), int((f["gender"] == "M").sum())
    blocks: list[dict] = [
        w.text(
            w.tr(
                f"Kartläggningen omfattar {w.num(len(f))} anställningar i {where}: "
                f"{women_men(w, nw, nm)} i {w.num(f['job_code'].nunique())} yrken. Lönerna avser "
                f"{w.run.config.survey.reference_date} och räknas om till heltid. Varje jämförelse "
                "görs på grundlön och på månadslön med fasta tillägg; en jämförelse räknas en gång "
                "och är flaggad om den är flaggad på något av lönebegreppen.",
                f"The survey covers {w.num(len(f))} employments in {where}: "
                f"{women_men(w, nw, nm)} in {w.num(f['job_code'].nunique())} jobs. Pay is at "
                f"{w.run.config.survey.reference_date}, converted to full time. Each comparison is "
                "made on base salary and on monthly pay with fixed supplements; it counts once and "
                "is flagged when it is flagged on either.",
            )
        )
    ]
    facts = []
    if w.unit is None:
        og = r["org_gap"]
        facts.append(
            [
                w.tr(
                    "Kvinnors medellön i procent av mäns (månadslön)",
                    "Women's mean pay as % of men's (monthly pay)",
                ),
                f"{w.pct(100 + og['raw_mean_gap_pct'])}: {w.gap_words(og['raw_mean_gap_pct'])}",
            ]
        )
        if og.get("adjusted_gap_pct") is not None:
            held = w.controls_words(list(og.get("controls") or []))
            facts.append(
                [
                    w.tr(f"När {held} hålls lika", f"With {held} held equal")
                    if held
                    else w.tr("Justerad skillnad", "Adjusted difference"),
                    w.tr(
                        f"{w.gap_words(og['adjusted_gap_pct'])} (95 % konfidensintervall, KI: "
                        f"{w.pct(og['ci_low'], 2)} till {w.pct(og['ci_high'], 2)})",
                        f"{w.gap_words(og['adjusted_gap_pct'])} (95% confidence interval, CI: "
                        f"{w.pct(og['ci_low'], 2)} to {w.pct(og['ci_high'], 2)})",
                    ),
                ]
            )
    flagged_work = work[work["flagged"].astype(bool)]
    fd_pairs = value.merge(
        ev_all[["female_dominated_job", "comparator_job", "kind"]].drop_duplicates(),
        left_on=["group", "pair"],
        right_on=["female_dominated_job", "comparator_job"],
        how="left",
    )
    same = fd_pairs[fd_pairs["kind"] == "equal_value"]
    lower = fd_pairs[fd_pairs["kind"] == "lower_value_higher_pay"]
    facts += [
        [
            w.tr(
                "Lika arbete: jämförelser (grupper med både kvinnor och män)",
                "Equal work: comparisons (groups with women and men)",
            ),
            w.num(len(work)),
        ],
        [
            w.tr(f"Lika arbete: flaggade i {where}", f"Equal work: flagged in {where}"),
            f"{w.num(len(flagged_work))}"
            + (f" ({_lower_paid(w, flagged_work)})" if len(flagged_work) else ""),
        ],
        [
            w.tr(
                f"Likvärdigt arbete: jämförelser / flaggade i {where}",
                f"Equal value: comparisons / flagged in {where}",
            ),
            f"{w.num(len(same))} / {w.num(int(same['flagged'].sum()))}",
        ],
        [
            w.tr(
                "Lägre värderat arbete med högre lön: jämförelser / flaggade",
                "Lower-valued work paid more: comparisons / flagged",
            ),
            f"{w.num(len(lower))} / {w.num(int(lower['flagged'].sum()))}",
        ],
    ]
    if w.unit is None:
        units = comp[(comp["unit"] != "") & comp["flagged"].astype(bool)]
        facts.append(
            [
                w.tr(
                    "Flaggade jämförelser inom enheterna (lika / likvärdigt arbete)",
                    "Flagged comparisons within units (equal work / equal value)",
                ),
                f"{w.num(int((units['item_kind'] == 'equal_work').sum()))} / "
                f"{w.num(int((units['item_kind'] == 'equal_value').sum()))}",
            ]
        )
    flagged_all = comp[comp["flagged"].astype(bool)]
    unexplained = int(flagged_all["open"].sum())
    unclear = int((flagged_all["unclear"] & ~flagged_all["open"]).sum())
    facts.append(
        [
            w.tr("Flaggade jämförelser utan förklaring", "Flagged comparisons without explanation")
            + (
                w.tr(" (organisationen och enheterna)", " (organisation and units)")
                if w.unit is None
                else ""
            ),
            w.tr(
                f"{w.num(unexplained)} av {w.num(len(flagged_all))}"
                + (f"; därtill {w.num(unclear)} med oklart samband med kön" if unclear else ""),
                f"{w.num(unexplained)} of {w.num(len(flagged_all))}"
                + (f"; and {w.num(unclear)} with an unclear link to gender" if unclear else ""),
            ),
        ]
    )
    facts += plan_facts(w, plan)
    if w.unit is None:
        fu = r.get("follow_up")
        facts.append(
            [
                w.tr("Uppföljning av förra årets plan", "Follow-up of last year's plan"),
                w.follow_up_counts(fu.counts)
                if fu is not None
                else w.tr(
                    "ingen plan från förra året i arkivet", "no plan of last year in the archive"
                ),
            ]
        )
        doc = r["documentation"]
        facts.append(
            [
                w.tr(
                    "Dokumentation enligt diskrimineringslagen (DL) 3 kap. 13–14 §§",
                    "Documentation under the Discrimination Act (DL) ch. 3 s. 13–14",
                ),
                w.tr("komplett", "complete")
                if doc.complete
                else w.tr("saknas eller ofullständigt: ", "missing or incomplete: ")
                + ", ".join(w.checklist_label(i) for i in doc.missing),
            ]
        )
    blocks.append({"type": "facts", "rows": facts})
    blocks.append(
        w.text(
            w.tr(
                "Varje skillnad mellan kvinnor och män i samma grupp har bedömts. Flaggade skillnader "
                "kräver en förklaring av arbetsgivaren tillsammans med de fackliga företrädarna. Det "
                "som inte kan förklaras med sakliga skäl, eller som har samband med kön, rättas i "
                "handlingsplanen inom högst tre år.",
                "Every difference between women and men in the same group has been assessed. Flagged "
                "differences need an explanation from the employer together with the union "
                "representatives. What objective reasons cannot explain, or what is related to gender, "
                "is corrected in the action plan within three years at most.",
            )
        )
    )
    funding = funding_words(w)
    if funding:
        blocks.append(w.text(funding))
    if unexplained:
        unmeasured = len(_unmeasured_comparisons(w))
        text = w.count(
            unexplained,
            ("flaggad jämförelse", "flaggade jämförelser"),
            ("flagged comparison", "flagged comparisons"),
        ) + w.tr(" saknar ännu förklaring. ", " have no explanation yet. ")
        text += w.tr(
            (
                "Tills den har förklarats rättas den"
                if unexplained == 1
                else "Tills de har förklarats rättas de"
            )
            + " i handlingsplanen"
            + (
                f"; {w.comparisons(unmeasured)} som behöver "
                "åtgärd får ingen åtgärd, med skälet i avsnittet Förklaringar."
                if unmeasured
                else "."
            ),
            ("Until explained it is" if unexplained == 1 else "Until explained they are")
            + " corrected in the action plan"
            + (
                f"; {w.comparisons(unmeasured)} needing action "
                "get no measure, with the reason in the section Explanations."
                if unmeasured
                else "."
            ),
        )
        blocks.append({"type": "notice", "tone": "warning", "text": text})
    return w.section(w.tr("Sammanfattning", "Summary"), blocks)


def _unmeasured_comparisons(w: Writer) -> pd.DataFrame:
    """Comparisons in scope that need action but have no measure (the plan says why)."""
    un = w.results["action_plan"].unmeasured
    items = w.items()
    t = items.merge(un[["item_kind", "item_key"]], on=["item_kind", "item_key"])
    return t[~comparison_of(t).duplicated()]


def plan_totals(w: Writer, plan: pd.DataFrame) -> dict:
    """The plan's measures in scope counted, and its yearly cost: ``people`` raised
    individually, ``women``/``men`` among them (None where the edition cannot tell), ``jobs``
    (female-dominated jobs raised) and their ``staff``, ``cost`` (None where it is not shown),
    ``hidden`` (:func:`hidden_measures`) and ``any`` (whether there are measures at all). In a
    manager or public edition the person measures are not in the plan's rows: they come in as
    the pipeline's aggregate, and the true total is the shown group costs plus that aggregate."""
    groups = plan[plan["kind"] == "equal_value"] if len(plan) else plan
    jobs = len(groups)
    staff = int(groups["n_people"].sum()) if jobs else 0
    hidden = hidden_measures(w)
    if hidden is None:
        people = plan[plan["kind"] == "person"] if len(plan) else plan
        women, men = plan_people_by_gender(w, people) if len(people) else (0, 0)
        cost = float(plan["cost_yearly"].sum()) if len(plan) else 0.0
        return {
            "people": len(people),
            "women": women,
            "men": men,
            "jobs": jobs,
            "staff": staff,
            "cost": cost,
            "hidden": None,
            "any": bool(len(plan)),
        }
    small = groups[groups["adjustment_total"].isna()] if jobs else groups  # amounts not shown
    n_measures, n_people = hidden.get("n_measures"), hidden.get("n_people")
    people = None if n_measures is None else max(int(n_measures) - len(small), 0)
    shown = float(groups["cost_yearly"].sum(min_count=1)) if jobs else 0.0
    shown = 0.0 if shown != shown else shown
    h_cost = hidden.get("cost_yearly")
    if n_measures == 0:
        cost: float | None = shown
    elif h_cost is None:
        cost = None
    else:
        cost = shown + float(h_cost)
    return {
        "people": people,
        "women": None,
        "men": None,
        "jobs": jobs,
        "staff": staff,
        "cost": cost,
        "hidden": hidden,
        "small_groups": len(small),
        "hidden_people": n_people,
        "any": bool(len(plan)) or bool(n_measures) or n_measures is None,
    }


def not_shown(w: Writer) -> str:
    """What stands where a figure of a small group is left out."""
    k = w.min_cell
    return w.tr(
        f"visas inte (bygger på färre än {k} personer)",
        f"not shown (rests on fewer than {k} people)",
    )


def plan_facts(w: Writer, plan: pd.DataFrame) -> list[list[str]]:
    """The plan in a few facts: who is raised, when, by whom, at what cost."""
    p = w.results["action_plan"]
    if w.aggregate:
        return _plan_facts_aggregate(w, plan)
    if plan.empty:
        return [
            [
                w.tr("Handlingsplan", "Action plan"),
                w.tr("inga egna åtgärder", "no measures of its own")
                if w.unit is not None
                else w.tr("inga åtgärder", "no measures"),
            ]
        ]
    people = plan[plan["kind"] == "person"]
    women, men = plan_people_by_gender(w, people)
    jobs = int((plan["kind"] == "equal_value").sum())
    cost = float(plan["cost_yearly"].sum())
    fte = w.frame["fte"].astype(float) if "fte" in w.frame else 1.0
    payroll = float((w.frame["base_salary"] * fte).sum()) * 12 * (1 + p.overhead)
    dates = sorted(set(plan["effective_date"].astype(str)))
    parts = []
    if women or men:
        parts.append(
            women_men(w, women, men, skip_zero=True)
            + w.tr(" höjs individuellt", " raised individually")
        )
    if jobs:
        staff = w.num(int(plan.loc[plan["kind"] == "equal_value", "n_people"].sum()))
        jobs_words = w.count(
            jobs,
            ("kvinnodominerat yrke", "kvinnodominerade yrken"),
            ("female-dominated job", "female-dominated jobs"),
        )
        parts.append(
            jobs_words + w.tr(f" ({staff} anställda) höjs", f" ({staff} employees) raised")
        )
    return [
        [
            w.tr("Handlingsplan: åtgärder", "Action plan: measures"),
            measures_count(w, len(people), jobs) + ": " + ", ".join(parts),
        ],
        [
            w.tr("Handlingsplan: träder i kraft", "Action plan: takes effect"),
            ", ".join(dates),
        ],
        [
            w.tr(
                "Handlingsplan: kostnad per år inkl. lönebikostnader",
                "Action plan: yearly cost incl. overhead",
            ),
            cost_words(w, cost, payroll),
        ],
    ]


def _plan_facts_aggregate(w: Writer, plan: pd.DataFrame) -> list[list[str]]:
    """:func:`plan_facts` in a manager or public edition: the person measures as a count, the
    cost as the true total (shown group costs and the aggregate of the rest) or not at all."""
    p = w.results["action_plan"]
    t = plan_totals(w, plan)
    if not t["any"]:
        return [
            [
                w.tr("Handlingsplan", "Action plan"),
                w.tr("inga egna åtgärder", "no measures of its own")
                if w.unit is not None
                else w.tr("inga åtgärder", "no measures"),
            ]
        ]
    parts = []
    people, jobs = t["people"], t["jobs"]
    if people is None:
        parts.append(w.tr("personer höjs individuellt", "people raised individually"))
    elif people:
        parts.append(
            w.count(people, ("person", "personer"), ("person", "people"))
            + w.tr(" höjs individuellt", " raised individually")
        )
    if jobs:
        jobs_words = w.count(
            jobs,
            ("kvinnodominerat yrke", "kvinnodominerade yrken"),
            ("female-dominated job", "female-dominated jobs"),
        )
        staff = w.num(t["staff"])
        parts.append(
            jobs_words + w.tr(f" ({staff} anställda) höjs", f" ({staff} employees) raised")
        )
    count = (
        measures_count(w, people, jobs)
        if people is not None
        else w.count(jobs, ("yrke", "yrken"), ("job", "jobs"))
        + w.tr(" och personer", " and people")
    )
    dates = sorted(set(plan["effective_date"].astype(str))) if len(plan) else []
    if not dates and p.first_date:
        dates = [str(p.first_date)]
    if t["cost"] is None:
        cost = w.tr("summan ", "the total is ") + not_shown(w)
    elif unit_is_small(w):
        cost = w.tr(f"{w.kr(t['cost'])} per år", f"{w.kr(t['cost'])} a year")
    else:
        fte = w.frame["fte"].astype(float) if "fte" in w.frame else 1.0
        payroll = float((w.frame["base_salary"] * fte).sum()) * 12 * (1 + p.overhead)
        cost = cost_words(w, t["cost"], payroll)
    return [
        [
            w.tr("Handlingsplan: åtgärder", "Action plan: measures"),
            count + ": " + ", ".join(parts),
        ],
        [
            w.tr("Handlingsplan: träder i kraft", "Action plan: takes effect"),
            ", ".join(dates) or "–",
        ],
        [
            w.tr(
                "Handlingsplan: kostnad per år inkl. lönebikostnader",
                "Action plan: yearly cost incl. overhead",
            ),
            cost,
        ],
    ]


def measures_count(w: Writer, people: int, jobs: int) -> str:
    """ "321 åtgärder (319 personer och 2 yrken)": a count of measures that says what it
    counts, since a measure is a person or a whole job."""
    n = people + jobs
    total = w.count(n, ("åtgärd", "åtgärder"), ("measure", "measures"))
    what = [
        x
        for x in (
            w.count(people, ("person", "personer"), ("person", "people")) if people else "",
            w.count(jobs, ("yrke", "yrken"), ("job", "jobs")) if jobs else "",
        )
        if x
    ]
    return f"{total} ({w.join(what)})" if what else total

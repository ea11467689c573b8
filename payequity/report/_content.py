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
        "confidential": _confidential(w) if m["audience"] == "union" else None,
        "banner": banner(w) if cfg.analysis.eu_directive else None,
        "cover_facts": _cover_facts(w),
        "contents_title": w.tr("Innehåll", "Contents"),
        "page_label": w.tr("Sida", "Page"),
        "of_label": w.tr("av", "of"),
    }
    sections = [_summary(w)]
    if unit is None:
        sections.append(_rules(w))
    sections += [_equal_work(w), _equal_value(w)]
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


def _confidential(w: Writer) -> str:
    return w.tr(
        "Sekretess: innehåller uppgifter om enskilda arbetstagare (OSL 39 kap. 3 §; MBL 21 §). "
        "Får inte lämnas vidare. Anställningsnummer är ersatta med pseudonymer.",
        "Confidential: holds data on individual employees (OSL ch. 39 s. 3; MBL s. 21). Do not "
        "pass on. Employee numbers are replaced by pseudonyms.",
    )


def _cover_facts(w: Writer) -> list[list[str]]:
    cfg, m = w.run.config, w.run.manifest
    f = w.frame
    inputs = m["inputs"][0]
    return [
        [w.tr("Organisation", "Organisation"), str(cfg.survey.organisation)],
        [w.tr("År", "Year"), str(m["year"])],
        [w.tr("Referensdatum", "Reference date"), str(cfg.survey.reference_date)],
        [
            w.tr("Anställda", "Employees"),
            w.tr(
                f"{w.num(len(f))} ({w.num((f['gender'] == 'F').sum())} kvinnor, "
                f"{w.num((f['gender'] == 'M').sum())} män)",
                f"{w.num(len(f))} ({w.num((f['gender'] == 'F').sum())} women, "
                f"{w.num((f['gender'] == 'M').sum())} men)",
            ),
        ],
        [w.tr("Lönefil", "Pay file"), f"{inputs['path']} (sha256 {inputs['sha256'][:12]}…)"],
    ]


def _summary(w: Writer) -> dict:
    r, f = w.results, w.frame
    ew = w.work_table()
    org = ew[ew["unit"] == w.scope]
    flagged_org = org[org["flagged"]]
    ev = w.value_table()
    items = w.items()
    groups = items[items["item_kind"].isin(["equal_work", "equal_value"]) & items["flagged"]]
    unexplained = int((groups["status"] == "unexplained").sum())
    plan = w.plan_measures()
    where = w.tr("enheten", "the unit") if w.unit else w.tr("organisationen", "the organisation")
    nw, nm = int((f["gender"] == "F").sum()), int((f["gender"] == "M").sum())
    blocks: list[dict] = [
        w.text(
            w.tr(
                f"Kartläggningen omfattar {w.num(len(f))} anställningar i {where}: {w.num(nw)} kvinnor "
                f"och {w.num(nm)} män i {w.num(f['job_code'].nunique())} yrken. Lönerna avser "
                f"{w.run.config.survey.reference_date} och räknas om till heltid.",
                f"The survey covers {w.num(len(f))} employments in {where}: {w.num(nw)} women and "
                f"{w.num(nm)} men in {w.num(f['job_code'].nunique())} jobs. Pay is at "
                f"{w.run.config.survey.reference_date}, converted to full time.",
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
                w.pct(100 + og["raw_mean_gap_pct"]),
            ]
        )
        if og.get("adjusted_gap_pct") is not None:
            facts.append(
                [
                    w.tr(
                        "Skillnad när yrke, ålder och anställningstid hålls lika",
                        "Difference with job, age and tenure held equal",
                    ),
                    w.tr(
                        f"{w.pct(og['adjusted_gap_pct'], 2)} (95 % KI {w.pct(og['ci_low'], 2)} "
                        f"till {w.pct(og['ci_high'], 2)})",
                        f"{w.pct(og['adjusted_gap_pct'], 2)} (95% CI {w.pct(og['ci_low'], 2)} "
                        f"to {w.pct(og['ci_high'], 2)})",
                    ),
                ]
            )
    units_ew = ew[(ew["unit"] != "") & ew["flagged"]] if w.unit is None else ew.iloc[0:0]
    all_ev = w.run.tables["equal_value"]
    units_ev = all_ev[all_ev["unit"].fillna("") != ""] if w.unit is None else all_ev.iloc[0:0]
    n_groups = org.loc[org["needs_assessment"], "work_group"].nunique()
    facts += [
        [
            w.tr(
                "Lika arbete: grupper med både kvinnor och män",
                "Equal work: groups with women and men",
            ),
            w.tr(
                f"{w.num(n_groups)} (var och en på grundlön och på månadslön)",
                f"{w.num(n_groups)} (each on base salary and on monthly pay)",
            ),
        ],
        [
            w.tr(
                f"Lika arbete: flaggade skillnader i {where}",
                f"Equal work: flagged differences in {where}",
            ),
            w.num(len(flagged_org)),
        ],
        [
            w.tr(
                f"Likvärdigt arbete: jämförelser / flaggade i {where}",
                f"Equal value: comparisons / flagged in {where}",
            ),
            f"{w.num(len(ev))} / {w.num(int(ev['flagged'].sum()) if len(ev) else 0)}",
        ],
    ]
    if w.unit is None:
        facts.append(
            [
                w.tr(
                    "Flaggade skillnader inom enheterna (lika / likvärdigt arbete)",
                    "Flagged differences within units (equal work / equal value)",
                ),
                f"{w.num(len(units_ew))} / {w.num(int(units_ev['flagged'].astype(bool).sum()))}",
            ]
        )
    facts += [
        [
            w.tr("Flaggade skillnader utan förklaring", "Flagged differences without explanation")
            + (
                w.tr(" (organisationen och enheterna)", " (organisation and units)")
                if w.unit is None
                else ""
            ),
            w.tr(
                f"{w.num(unexplained)} av {w.num(len(groups))}",
                f"{w.num(unexplained)} of {w.num(len(groups))}",
            ),
        ],
        [w.tr("Handlingsplan: åtgärder", "Action plan: measures"), w.num(len(plan))],
        [
            w.tr(
                "Handlingsplan: kostnad per år inkl. lönebikostnader",
                "Action plan: yearly cost incl. overhead",
            ),
            w.kr(float(plan["cost_yearly"].sum()) if len(plan) else 0.0),
        ],
    ]
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
                w.tr("Dokumentation (DL 3:13–14)", "Documentation (DL 3:13–14)"),
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
    if unexplained:
        blocks.append(
            {
                "type": "notice",
                "tone": "warning",
                "text": w.tr(
                    f"{unexplained} flaggade skillnader saknar ännu förklaring. De ingår i "
                    "handlingsplanen tills de har förklarats.",
                    f"{unexplained} flagged differences have no explanation yet. They are in the action "
                    "plan until explained.",
                ),
            }
        )
    return w.section(w.tr("Sammanfattning", "Summary"), blocks)


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


def _equal_work(w: Writer) -> dict:
    t = w.work_table()
    t = t[(t["unit"] == w.scope) & t["needs_assessment"]]
    s = w.run.results["equal_work"].settings
    blocks = [
        w.text(
            w.tr(
                "Kvinnor och män som gör samma eller nästan samma arbete jämförs grupp för grupp "
                "(DL 3 kap. 9 § 1 p.). Där båda könen har minst "
                f"{s.get('min_per_gender', 3)} personer prövas skillnaden med regression på "
                "logaritmerad lön med ålder och anställningstid som kontroller, och p-värdena justeras "
                f"för många test (Benjamini–Hochberg, {w.pct(100 * s.get('fdr', 0.05), 0)}). Mindre "
                f"grupper flaggas när kvinnornas lön avviker mer än {w.pct(100 * s.get('gap_threshold', 0.02), 0)} "
                "från männens.",
                "Women and men doing the same or nearly the same work are compared group by group "
                f"(DL ch. 3 s. 9 p. 1). Where both genders have at least {s.get('min_per_gender', 3)} "
                "people the difference is tested by a regression on log pay with age and tenure as "
                "controls, p-values adjusted for many tests (Benjamini–Hochberg, "
                f"{w.pct(100 * s.get('fdr', 0.05), 0)}). Smaller groups are flagged when women's pay "
                f"differs from men's by more than {w.pct(100 * s.get('gap_threshold', 0.02), 0)}.",
            )
        )
    ]
    blocks.append(
        w.figure(
            "gap_by_group.png",
            w.tr(
                "Kvinnors lön i procent av mäns per grupp (grundlön). Punkter med linje: justerat för "
                "ålder och anställningstid, med 95 % konfidensintervall; romber: grupper för små för "
                "regression (ojusterat). Flaggade grupper i orange och fetstil. Intervallen är inte "
                "justerade för många test; flaggningen är det (Benjamini–Hochberg).",
                "Women's pay as % of men's by group (base salary). Dots with lines: adjusted for age and "
                "tenure, with 95% confidence interval; diamonds: groups too small for a regression "
                "(unadjusted). Flagged groups in orange and bold. The intervals are not adjusted for "
                "many tests; the flags are (Benjamini–Hochberg).",
            ),
        )
    )
    rows, flags = [], []
    for i, r in enumerate(
        t.sort_values(
            ["flagged", "work_group", "pay_measure"], ascending=[False, True, True]
        ).itertuples()
    ):
        rows.append(
            [
                w.job(r.work_group),
                w.pay_measure(r.pay_measure),
                w.num(r.n_women),
                w.num(r.n_men),
                w.kr(r.mean_women),
                w.kr(r.mean_men),
                w.pct(r.women_pct_of_men),
                w.pct(r.adjusted_gap_pct),
                w.p(r.p_adjusted),
                w.tr("Ja", "Yes") if r.flagged else "",
            ]
        )
        if r.flagged:
            flags.append(i)
    blocks.append(
        w.table(
            [
                w.tr("Grupp", "Group"),
                w.tr("Lönebegrepp", "Pay"),
                w.tr("Kvinnor", "Women"),
                w.tr("Män", "Men"),
                w.tr("Medellön kvinnor", "Mean pay women"),
                w.tr("Medellön män", "Mean pay men"),
                w.tr("Kvinnor i % av män", "Women % of men"),
                w.tr("Justerad skillnad", "Adjusted gap"),
                w.tr("p (justerat)", "p (adjusted)"),
                w.tr("Flaggad", "Flagged"),
            ],
            rows,
            align=["left", "left"] + ["right"] * 7 + ["center"],
            highlight=flags,
            caption=w.tr(
                "Lika arbete: alla grupper med både kvinnor och män, flaggade först",
                "Equal work: every group with both women and men, flagged first",
            ),
            note=w.tr(
                "Justerad skillnad: kvinnors lön jämfört med mäns när ålder och "
                "anställningstid hålls lika; tomt där gruppen är för liten för regression.",
                "Adjusted gap: women's pay against men's with age and tenure held equal; "
                "empty where the group is too small for a regression.",
            ),
        )
    )
    if w.unit is None:
        units = w.work_table()
        units = (
            units[units["unit"] != ""]
            .groupby("unit")
            .agg(n=("needs_assessment", "sum"), flagged=("flagged", "sum"))
            .reset_index()
        )
        units = units[units["flagged"] > 0].sort_values("unit")
        if len(units):
            blocks.append(
                w.table(
                    [
                        w.tr("Enhet", "Unit"),
                        w.tr("Grupper × lönebegrepp", "Groups × pay measures"),
                        w.tr("Flaggade", "Flagged"),
                    ],
                    [[u, w.num(n), w.num(fl)] for u, n, fl in units.itertuples(index=False)],
                    align=["left", "right", "right"],
                    widths=[4, 1.2, 1],
                    caption=w.tr(
                        "Flaggade skillnader inom enheterna (se enheternas rapporter)",
                        "Flagged differences within units (see the unit reports)",
                    ),
                )
            )
    return w.section(w.tr("Lika arbete", "Equal work"), blocks)


def _equal_value(w: Writer) -> dict:
    ev = w.run.evaluation
    title = w.tr("Likvärdigt arbete", "Work of equal value")
    if ev is None:
        return w.section(
            title,
            [
                {
                    "type": "notice",
                    "tone": "warning",
                    "text": w.tr(
                        "Ingen arbetsvärdering är angiven (job_evaluation.path), så likvärdigt arbete kunde "
                        "inte analyseras. Lagen kräver analysen (DL 3 kap. 9 § 2–3 p.).",
                        "No job evaluation is configured (job_evaluation.path), so work of equal value "
                        "could not be analysed. The law requires it (DL ch. 3 s. 9 p. 2–3).",
                    ),
                }
            ],
        )
    jt = ev.table
    blocks = [
        w.text(
            w.tr(
                f"Arbetena är värderade med {w.model_name(ev)} "
                f"i band om {w.num(ev.band_width)} poäng. Ett yrke är kvinnodominerat när minst "
                f"{w.pct(100 * w.run.config.analysis.female_dominated_share, 0)} är kvinnor. Varje "
                "kvinnodominerat yrke jämförs med yrken som inte är kvinnodominerade och har högre "
                "lön: i samma band (likvärdigt arbete, DL 3 kap. 9 § 2 p.) och i lägre band (lägre "
                "krav men högre lön, 3 p.).",
                f"Jobs are evaluated with {w.model_name(ev)} in bands of {w.num(ev.band_width)} points. A job is female-dominated when at "
                f"least {w.pct(100 * w.run.config.analysis.female_dominated_share, 0)} are women. Each "
                "female-dominated job is compared with jobs that are not female-dominated and are paid "
                "more: in the same band (equal value, DL ch. 3 s. 9 p. 2) and in lower bands (lower "
                "demands but higher pay, p. 3).",
            )
        )
    ]
    if w.unit is None and ev.has_pay:
        sens = ev.sensitivity().set_index("band_width")
        bw = ev.band_width
        n = {k: int(sens.loc[k, "n_pairs"]) for k in (bw / 2, bw, bw * 2)}
        blocks.append(
            w.text(
                w.tr(
                    f"Bandbredden avgör vilka yrken som jämförs: med {w.num(bw)} poäng blir det "
                    f"{n[bw]} jämförelser, med {w.num(bw / 2)} poäng {n[bw / 2]} och med {w.num(bw * 2)} "
                    f"poäng {n[bw * 2]}. {len(ev.edge_pairs)} par av yrken ligger inom "
                    f"{w.num(ev.tolerance)} poäng från varandra på var sin sida om en bandgräns.",
                    f"The band width decides which jobs are compared: at {w.num(bw)} points there are "
                    f"{n[bw]} comparisons, at {w.num(bw / 2)} points {n[bw / 2]} and at {w.num(bw * 2)} "
                    f"points {n[bw * 2]}. {len(ev.edge_pairs)} pairs of jobs lie within "
                    f"{w.num(ev.tolerance)} points of each other across a band edge.",
                )
            )
        )
    if w.unit is None:
        blocks.append(
            w.figure(
                "value_vs_pay.png",
                w.tr(
                    "Arbetsvärde och medellön per yrke (grundlön).",
                    "Job value and mean pay by job (base salary).",
                ),
            )
        )
        rows = [
            [
                w.job(r.job_code),
                w.num(r.points, 0),
                str(int(r.band)),
                w.num(r.n),
                w.pct(100 * r.share_women if r.share_women == r.share_women else float("nan"), 0),
                w.tr("Ja", "Yes") if r.female_dominated == True else "",  # noqa: E712 - NaN is not True
            ]
            for r in jt.sort_values(["points", "job_code"]).itertuples()
        ]
        blocks.append(
            w.table(
                [
                    w.tr("Yrke", "Job"),
                    w.tr("Poäng", "Points"),
                    "Band",
                    w.tr("Anställda", "Employees"),
                    w.tr("Andel kvinnor", "Women"),
                    w.tr("Kvinnodominerat", "Female-dominated"),
                ],
                rows,
                align=["left", "right", "right", "right", "right", "center"],
                widths=[3, 0.8, 0.6, 0.9, 0.9, 1.2],
                caption=w.tr("Arbetsvärdering per yrke", "Job evaluation by job"),
            )
        )
        flagged = ev.flagged_checks
        if len(flagged):
            blocks.append(
                w.heading(
                    w.tr(
                        "Risker för könsbias i värderingen",
                        "Risks of gender bias in the evaluation",
                    )
                )
            )
            blocks.append(
                {"type": "list", "items": [w.bias_check(r) for r in flagged.itertuples()]}
            )
    t = w.value_table()
    if t.empty:
        blocks.append(
            w.text(
                w.tr(
                    "Inga jämförelser: inget kvinnodominerat yrke har lägre lön "
                    "än ett jämförbart yrke här.",
                    "No comparisons: no female-dominated job is paid less than a "
                    "comparable job here.",
                )
            )
        )
        return w.section(title, blocks)
    blocks.append(
        w.figure(
            "equal_value.png",
            w.tr(
                "Kvinnodominerade yrkens lön jämfört med yrken av lika eller lägre värde.",
                "Pay of female-dominated jobs against jobs of equal or lower value.",
            ),
        )
    )
    rows, flags = [], []
    for i, r in enumerate(
        t.sort_values(["flagged", "pay_gap_pct"], ascending=[False, True]).itertuples()
    ):
        rows.append(
            [
                w.job(r.female_dominated_job),
                w.job(r.comparator_job),
                w.tr("Lika värde", "Equal value")
                if r.kind == "equal_value"
                else w.tr("Lägre värde, högre lön", "Lower value, higher pay"),
                w.pay_measure(r.pay_measure),
                f"{w.num(r.n_fd)} / {w.num(r.n_cmp)}",
                w.kr(r.mean_pay_fd),
                w.kr(r.mean_pay_cmp),
                w.pct(r.pay_gap_pct),
                w.tr("Ja", "Yes") if r.flagged else "",
            ]
        )
        if r.flagged:
            flags.append(i)
    blocks.append(
        w.table(
            [
                w.tr("Kvinnodominerat yrke", "Female-dominated job"),
                w.tr("Jämförs med", "Compared with"),
                w.tr("Jämförelse", "Comparison"),
                w.tr("Lönebegrepp", "Pay"),
                w.tr("Antal", "Number"),
                w.tr("Medellön", "Mean pay"),
                w.tr("Medellön jämförelse", "Comparator mean"),
                w.tr("Skillnad", "Difference"),
                w.tr("Flaggad", "Flagged"),
            ],
            rows,
            align=["left", "left", "left", "left", "right", "right", "right", "right", "center"],
            highlight=flags,
            caption=w.tr(
                "Likvärdigt arbete och lägre krav men högre lön",
                "Equal value and lower demands but higher pay",
            ),
            note=w.tr(
                "Antal: anställda i det kvinnodominerade yrket / i jämförelseyrket.",
                "Number: employees in the female-dominated job / in the comparator job.",
            ),
        )
    )
    if w.unit is None:
        units = w.run.tables["equal_value"]
        units = units[(units["unit"].fillna("") != "") & units["flagged"].astype(bool)]
        if len(units):
            blocks.append(
                w.table(
                    [
                        w.tr("Enhet", "Unit"),
                        w.tr("Kvinnodominerat yrke", "Female-dominated job"),
                        w.tr("Jämförs med", "Compared with"),
                        w.tr("Lönebegrepp", "Pay"),
                        w.tr("Antal", "Number"),
                        w.tr("Skillnad", "Difference"),
                    ],
                    [
                        [
                            str(r.unit),
                            w.job(r.female_dominated_job),
                            w.job(r.comparator_job),
                            w.pay_measure(r.pay_measure),
                            f"{w.num(r.n_fd)} / {w.num(r.n_cmp)}",
                            w.pct(r.pay_gap_pct),
                        ]
                        for r in units.itertuples()
                    ],
                    align=["left", "left", "left", "left", "right", "right"],
                    caption=w.tr(
                        "Flaggade jämförelser inom enheterna (se enheternas rapporter)",
                        "Flagged comparisons within units (see the unit reports)",
                    ),
                )
            )
    return w.section(title, blocks)


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

"""The front of a report: the cover's facts, the confidentiality notice and the one-page summary
in plain words (what was surveyed, what was found, who is disadvantaged, what is planned)."""

from __future__ import annotations

from ._sections import Writer

__all__ = ["confidential", "cover_facts", "summary"]


def confidential(w: Writer) -> str:
    return w.tr(
        "Sekretess: innehåller uppgifter om enskilda arbetstagare (OSL 39 kap. 3 §; MBL 21 §). "
        "Får inte lämnas vidare. Anställningsnummer är ersatta med pseudonymer.",
        "Confidential: holds data on individual employees (OSL ch. 39 s. 3; MBL s. 21). Do not "
        "pass on. Employee numbers are replaced by pseudonyms.",
    )


def cover_facts(w: Writer) -> list[list[str]]:
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


def summary(w: Writer) -> dict:
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

"""The report's equal-work and equal-value sections: tables, figures and what they say."""

from __future__ import annotations

from ._sections import Writer

__all__ = ["equal_value", "equal_work"]


def equal_work(w: Writer) -> dict:
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


def equal_value(w: Writer) -> dict:
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

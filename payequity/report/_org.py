"""The overview's organisation-wide sections: the gap across the organisation, the EU
indicators, last year's follow-up, the documentation checklist and the annex of measures by
person (see :mod:`payequity.report._content`).

Every gap is also said in words. The EU indicators keep the directive's sign, 100·(men −
women)/men, the opposite of every other page, so they are labelled as the directive's figures and
said in words too. Settings and register files are named in words, never by key or file name.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from ..privacy import pseudonymises
from ._sections import Writer

__all__ = ["banner", "documentation", "eu", "follow_up", "organisation", "people_annex"]


def banner(w: Writer) -> str:
    return w.tr(
        "EU:s lönetransparensdirektiv (2023/970) är ännu inte genomfört i svensk lag (maj 2026). "
        "Indikatorerna enligt artikel 9 och prövningen enligt artikel 10 visas som förberedelse.",
        "The EU Pay Transparency Directive (2023/970) is not yet in force in Swedish law (May "
        "2026). The Article 9 indicators and the Article 10 test are shown as preparation.",
    )


def organisation(w: Writer) -> dict:
    og = w.results["org_gap"]
    held = w.controls_words(list(og.get("controls") or []))
    blocks = [
        w.text(
            w.tr(
                "Skillnaden mellan kvinnors och mäns månadslön (inklusive fasta tillägg) i hela "
                + (
                    f"organisationen, före och efter att {held} hålls lika."
                    if held
                    else "organisationen, före och efter justering (utan kontroller)."
                ),
                "The difference between women's and men's monthly pay (with fixed supplements) "
                + (
                    f"across the organisation, before and after {held} are held equal."
                    if held
                    else "across the organisation, before and after adjustment (no controls)."
                ),
            )
        )
    ]

    def said(x: Any, d: int = 1) -> str:
        return f"{w.pct(x, d)} ({w.gap_words(x, d)})"

    facts = [
        [
            w.tr("Ojusterad skillnad, medellön", "Unadjusted gap, mean"),
            said(og["raw_mean_gap_pct"]),
        ],
        [
            w.tr("Ojusterad skillnad, medianlön", "Unadjusted gap, median"),
            said(og["raw_median_gap_pct"]),
        ],
    ]
    if og.get("adjusted_gap_pct") is not None:
        facts += [
            [w.tr("Justerad skillnad", "Adjusted gap"), said(og["adjusted_gap_pct"], 2)],
            [
                w.tr("95 % konfidensintervall", "95% confidence interval"),
                w.tr(
                    f"{w.pct(og['ci_low'], 2)} till {w.pct(og['ci_high'], 2)}",
                    f"{w.pct(og['ci_low'], 2)} to {w.pct(og['ci_high'], 2)}",
                ),
            ],
            ["p", w.p(og["p_value"])],
            [w.tr("Anställda", "Employees"), w.num(og["n"])],
        ]
    ox = og.get("oaxaca")
    if ox:
        unit_ = w.tr("log-poäng (≈ %)", "log points (≈ %)")
        facts += [
            [
                w.tr("Oaxaca–Blinder: total skillnad", "Oaxaca–Blinder: total gap"),
                f"{w.num(100 * ox['gap'], 2)} {unit_}",
            ],
            [
                w.tr("varav förklarad", "of which explained"),
                f"{w.num(100 * ox['explained'], 2)} {unit_}",
            ],
            [
                w.tr("varav oförklarad", "of which unexplained"),
                f"{w.num(100 * ox['unexplained'], 2)} {unit_}",
            ],
        ]
    blocks.append({"type": "facts", "rows": facts})
    if og.get("note"):
        blocks.append(
            {
                "type": "notice",
                "tone": "info",
                "text": w.tr(
                    "Den justerade skillnaden och Oaxaca kunde inte beräknas (för lite data); de "
                    "ojusterade skillnaderna gäller.",
                    str(og["note"]),
                ),
            }
        )
    if ox:
        g, e, u = (w.gap_words(100 * ox[k], 2) for k in ("gap", "explained", "unexplained"))
        by = held or w.tr("kontrollerna", "the controls")
        blocks.append(
            w.text(
                w.tr(
                    f"I ord (log-poäng är ungefär procent) — totalt: {g}; förklarat av skillnader "
                    f"i {by}: {e}; oförklarat: {u}. Oaxaca räknar på logaritmerad lön (geometriska "
                    "medelvärden), därför skiljer sig totalen något från den ojusterade skillnaden "
                    "i medellön ovan.",
                    f"In words (log points are about percent) — in total: {g}; explained by "
                    f"differences in {by}: {e}; unexplained: {u}. Oaxaca works on log pay "
                    "(geometric means), so its total differs a little from the unadjusted gap in "
                    "mean pay above.",
                )
            )
        )
    blocks.append(
        w.figure(
            "oaxaca.png",
            w.tr(
                f"Oaxaca–Blinder: hur mycket av skillnaden som förklaras av {by if ox else held}, "
                "och hur mycket som inte förklaras.",
                f"Oaxaca–Blinder: how much of the difference {by if ox else held} explain, and how "
                "much stays unexplained.",
            ),
        )
    )
    blocks.append(
        w.text(
            w.tr(
                "Den oförklarade delen är oförklarad i statistisk mening. Den är inte ett mått på "
                "diskriminering, men den visar var det finns skäl att granska lönesättningen.",
                "The unexplained part is unexplained in a statistical sense. It is not a measure of "
                "discrimination, but it shows where pay setting deserves a closer look.",
            )
        )
    )
    return w.section(
        w.tr("Löneskillnader i hela organisationen", "Pay gaps across the organisation"), blocks
    )


def eu(w: Writer) -> dict:
    eu = w.results["eu"]
    t = eu.table
    on = bool(w.run.config.analysis.eu_directive)
    blocks = []
    if on:
        blocks.append({"type": "notice", "tone": "warning", "text": banner(w)})
    else:
        blocks.append(
            w.text(
                w.tr(
                    "EU-modulen är avstängd i inställningarna (se Metod och inställningar). "
                    "Indikatorerna visas som information.",
                    "The EU module is off in the settings (see Methods and settings). The "
                    "indicators are shown for information.",
                )
            )
        )
    blocks.append(
        w.text(
            w.tr(
                "Talen i detta avsnitt är direktivets: skillnaden räknas enligt direktivets "
                "definition, som andel av männens lön, positiv när män har högre lön. Det är "
                "motsatt tecken mot resten av rapporten, så varje skillnad sägs också i ord. "
                "Årslön = 12 × månadslön × sysselsättningsgrad + rörlig lön; timlön = årslön / "
                "(52 × veckoarbetstid × sysselsättningsgrad).",
                "The figures in this section are the directive's: the gap follows the directive's "
                "definition, as a share of men's pay, positive when men earn more. That is the "
                "opposite sign of the rest of the report, so each gap is also said in words. "
                "Annual pay = 12 × monthly pay × fte + variable pay; hourly pay = annual / (52 × "
                "weekly hours × fte).",
            )
        )
    )

    def value(ind: str, level: str) -> float:
        v = t[
            (t["indicator"] == ind) & (t["pay_level"] == level) & (t["category"].fillna("") == "")
        ]
        return float(v["value"].iloc[0]) if len(v) else float("nan")

    head = [(lv, value("a", lv)) for lv in ("annual", "hourly") if not math.isnan(value("a", lv))]
    if head:
        said = [
            w.tr(
                f"{w.pct(d)} räknat på {w.pay_level(lv)} ({w.gap_words(-d)})",
                f"{w.pct(d)} on {w.pay_level(lv)} pay ({w.gap_words(-d)})",
            )
            for lv, d in head
        ]
        blocks.append(
            w.text(
                w.tr(
                    "Löneskillnaden (a) enligt direktivets definition är " + w.join(said) + ".",
                    "The pay gap (a) by the directive's definition is " + w.join(said) + ".",
                )
            )
        )
    gap, comp = (
        w.tr("Löneskillnad", "Pay gap"),
        w.tr("Kompletterande eller rörliga ersättningar", "Complementary or variable pay"),
    )
    names = {
        k: f"({k}) {what}, {w.tr(how, how.replace('medel', 'mean'))}"
        for k, what, how in (
            ("a", gap, "medel"),
            ("b", comp, "medel"),
            ("c", gap, "median"),
            ("d", comp, "median"),
        )
    }
    rows = []
    for ind in "abcd":
        for level in ("annual", "hourly"):
            d = value(ind, level)
            if not math.isnan(d):
                words = w.gap_words(-d) if ind in "ac" else w.complementary_words(-d)
                rows.append([names[ind], w.pay_level(level), w.pct(d), words])
    e = t[t["indicator"] == "e"]
    for g, label in (("F", w.tr("kvinnor", "women")), ("M", w.tr("män", "men"))):
        v = e[e["gender"] == g]
        if len(v):
            rows.append(
                [
                    w.tr(
                        f"(e) Andel {label} med kompletterande eller rörliga ersättningar",
                        f"(e) Share of {label} with complementary or variable pay",
                    ),
                    "",
                    w.pct(float(v["value"].iloc[0])),
                    "",
                ]
            )
    blocks.append(
        w.table(
            [
                w.tr("Indikator", "Indicator"),
                w.tr("Lönenivå", "Pay level"),
                w.tr("Värde enligt direktivet", "Value by the directive"),
                w.tr("I ord", "In words"),
            ],
            rows,
            align=["left", "left", "right", "left"],
            widths=[2.6, 0.8, 1, 2.6],
            caption=w.tr(
                "Indikatorer (a)–(e) enligt direktivets definition (publiceras)",
                "Indicators (a)–(e) by the directive's definition (published)",
            ),
            note=w.tr(
                "Skillnaderna (a)–(d) är (män − kvinnor) i procent av männens lön: positiva när "
                "män har högre lön.",
                "The gaps (a)–(d) are (men − women) as % of men's pay: positive when men earn "
                "more.",
            ),
        )
    )
    blocks.append(
        w.figure(
            "quartiles.png",
            w.tr(
                "(f) Andel kvinnor och män i varje kvartil av timlönen (publiceras).",
                "(f) Share of women and men in each quartile of hourly pay (published).",
            ),
        )
    )
    g = t[(t["indicator"] == "g") & (t["pay_level"] == "hourly")]
    if len(g):
        rows = []
        for c in dict.fromkeys(g["category"].astype(str)):
            here = g[g["category"].astype(str) == c].set_index("component")

            def cell(comp: str, h: pd.DataFrame = here) -> float:
                return float(h.loc[comp, "value"]) if comp in h.index else float("nan")

            n = here.loc["all"] if "all" in here.index else here.iloc[0]
            rows.append(
                [
                    w.category_label(c),
                    w.num(n.get("n_women")),
                    w.num(n.get("n_men")),
                    w.pct(cell("basic")),
                    w.pct(cell("complementary")),
                    w.pct(cell("all")),
                    w.gap_words(-cell("all")),
                ]
            )
        blocks.append(
            w.table(
                [
                    w.tr("Kategori av arbetstagare", "Category of workers"),
                    w.tr("Kvinnor", "Women"),
                    w.tr("Män", "Men"),
                    w.tr("Grundlön", "Basic pay"),
                    w.tr("Kompletterande", "Complementary"),
                    w.tr("Totalt", "Total"),
                    w.tr("Totalt i ord", "Total in words"),
                ],
                rows,
                align=["left", "right", "right", "right", "right", "right", "left"],
                caption=w.tr(
                    "(g) Skillnad i medeltimlön per kategori enligt direktivets definition (till "
                    "arbetstagarna och deras företrädare; årslön i arbetsboken)",
                    "(g) Gap in mean hourly pay by category by the directive's definition (to the "
                    "workers and their representatives; annual pay in the workbook)",
                ),
                note=w.tr(
                    "Värden enligt direktivet: positiva när män har högre lön. Kompletterande: "
                    "bland dem som har sådana ersättningar.",
                    "Values by the directive: positive when men earn more. Complementary: among "
                    "those who receive it.",
                ),
            )
        )
    blocks.append(
        w.text(
            w.tr(
                "Indikatorerna bygger på lönen vid referensdatumet omräknad till helår, inte på "
                "föregående kalenderårs utbetalningar.",
                "The indicators use pay at the reference date as a full year, not the previous "
                "calendar year's payments.",
            )
        )
    )
    art10 = w.results.get("art10")
    if on and art10 is not None:
        blocks.append(
            w.text(
                w.tr(
                    "Artikel 10: gemensam lönebedömning krävs där skillnaden i en kategori är minst 5 %, "
                    "inte är motiverad och inte har åtgärdats inom sex månader från rapporteringen.",
                    "Article 10: a joint pay assessment is needed where a category's gap is at least 5%, "
                    "not justified and not remedied within six months of reporting.",
                )
                + " "
                + (
                    w.tr("Utlöst för: ", "Triggered for: ")
                    + ", ".join(w.category_label(c) for c in art10.categories)
                    if art10.triggered
                    else w.tr("Ingen kategori utlöser den.", "No category triggers it.")
                )
            )
        )
    return w.section(
        w.tr("EU:s lönetransparensdirektiv, artikel 9", "EU Pay Transparency Directive, Article 9"),
        blocks,
    )


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
    rows = [
        [
            str(r.employee_id),
            w.job(r.job_code),
            str(r.unit),
            w.kr(r.pay_before),
            w.kr(r.adjustment_total),
            w.kr(r.cost_yearly),
            str(r.years),
            str(int(r.due_year)),
        ]
        for r in p.itertuples()
    ]
    return w.section(
        w.tr("Bilaga: åtgärder per person", "Annex: measures by person"),
        [
            w.table(
                [
                    w.tr("Pseudonym", "Pseudonym")
                    if pseudonymises(w.run.manifest["audience"])
                    else w.tr("Anst.nr", "Employee"),
                    w.tr("Yrke", "Job"),
                    w.tr("Enhet", "Unit"),
                    w.tr("Grundlön före", "Base pay before"),
                    w.tr("Höjning per månad", "Raise a month"),
                    w.tr("Kostnad per år", "Cost a year"),
                    w.tr("År", "Years"),
                    w.tr("Senast", "Due"),
                ],
                rows,
                align=["left", "left", "left", "right", "right", "right", "left", "left"],
                widths=[1.3, 2, 2.4, 1, 1, 1, 0.8, 0.6],
                size="small",
            )
        ],
    )

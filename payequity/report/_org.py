"""The overview's organisation-wide sections: the gap across the organisation and the EU
indicators (see :mod:`payequity.report._content`; last year's follow-up, the documentation
checklist and the annex of measures by person are in :mod:`payequity.report._tracking`).

Every gap is also said in words. The EU indicators keep the directive's sign, 100·(men −
women)/men, the opposite of every other page, so they are labelled as the directive's figures and
said in words too. Settings and register files are named in words, never by key or file name.
"""

from __future__ import annotations

import math
import re
from typing import Any

import pandas as pd

from ._sections import Writer
from ._vocabulary import GLOSSES

__all__ = ["EU_OFF", "banner", "eu", "glosses", "log_points", "organisation"]

#: What the EU section says when the EU module is off (Swedish, English).
EU_OFF = (
    "Direktivets indikatorer redovisas här som information; kraven i direktivet tillämpas inte i "
    "årets kartläggning.",
    "The directive's indicators are reported here for information; the directive's requirements "
    "are not applied in this year's survey.",
)


def banner(w: Writer) -> str:
    return w.tr(
        "EU:s lönetransparensdirektiv (2023/970) är ännu inte genomfört i svensk lag (maj 2026). "
        "Indikatorerna enligt artikel 9 och prövningen enligt artikel 10 visas som förberedelse.",
        "The EU Pay Transparency Directive (2023/970) is not yet in force in Swedish law (May "
        "2026). The Article 9 indicators and the Article 10 test are shown as preparation.",
    )


def glosses(w: Writer, text: str, words: tuple[str, ...] = tuple(GLOSSES)) -> str:
    """In English, the glosses of the Swedish institutions and agreements among ``words`` that
    ``text`` names ("HÖK and AB: the central collective agreements for municipalities."); in
    Swedish, and when none is named, nothing."""
    if w.sv:
        return ""
    found = [GLOSSES[x] for x in words if re.search(rf"\b{re.escape(x)}\b", text, re.IGNORECASE)]
    return " ".join(f"{g}." for g in found)


def log_points(w: Writer, x: float) -> str:
    """A log difference ``x`` (log pay, women − men) in log points with its percent:
    "−2,23 log-poäng (≈ −2,2 %)", the percent ``100·(exp(x) − 1)``."""
    return w.tr(
        f"{w.num(100 * x, 2)} log-poäng (≈ {w.pct(100 * math.expm1(x))})",
        f"{w.num(100 * x, 2)} log points (≈ {w.pct(100 * math.expm1(x))})",
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
        facts += [
            [
                w.tr("Oaxaca–Blinder: total skillnad", "Oaxaca–Blinder: total gap"),
                log_points(w, ox["gap"]),
            ],
            [w.tr("varav förklarad", "of which explained"), log_points(w, ox["explained"])],
            [w.tr("varav oförklarad", "of which unexplained"), log_points(w, ox["unexplained"])],
        ]
        blocks.append(
            w.text(
                w.tr(
                    "Oaxaca–Blinder är en statistisk metod som delar skillnaden i två delar: den "
                    f"del som förklaras av att kvinnor och män skiljer sig i {held or 'kontrollerna'}"
                    ", och den del som blir kvar oförklarad. Den räknas i log-poäng: 100 × "
                    "skillnaden i logaritmerad lön, ett mått som för små skillnader är nästan "
                    "detsamma som procent. Inom parentes står log-poängen omräknade till procent, "
                    "100 × (e^(log-poäng/100) − 1).",
                    "Oaxaca–Blinder is a statistical method that splits the gap in two: the part "
                    "explained by women and men differing in "
                    f"{held or 'the controls'}, and the part left unexplained. It counts in log "
                    "points: 100 × the difference in log pay, a measure that for small gaps is "
                    "almost the same as percent. In brackets the log points converted to percent, "
                    "100 × (e^(log points/100) − 1).",
                )
            )
        )
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
                    f"I ord — totalt: {g}; förklarat av skillnader "
                    f"i {by}: {e}; oförklarat: {u}. Oaxaca räknar på logaritmerad lön (geometriska "
                    "medelvärden), därför skiljer sig totalen något från den ojusterade skillnaden "
                    "i medellön ovan.",
                    f"In words — in total: {g}; explained by "
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
    if not w.sv:  # the next section's sources, by their Swedish names
        blocks.append(
            w.text(
                "The next section compares with national figures from Medlingsinstitutet (the "
                "Swedish National Mediation Office) and SCB (Statistics Sweden)."
            )
        )
    return w.section(
        w.tr("Löneskillnader i hela organisationen", "Pay gaps across the organisation"), blocks
    )


def eu(w: Writer) -> dict:
    eu = w.results["eu"]
    t = eu.table
    on = bool(w.run.config.analysis.eu_directive)
    # "(publiceras)" only when the directive's requirements apply this year
    published = (" (publiceras)", " (published)") if on else ("", "")
    blocks = []
    if on:
        blocks.append({"type": "notice", "tone": "warning", "text": banner(w)})
    else:
        blocks.append(w.text(w.tr(*EU_OFF)))
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
                "Indikatorer (a)–(e) enligt direktivets definition" + published[0],
                "Indicators (a)–(e) by the directive's definition" + published[1],
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
                "(f) Andel kvinnor och män i varje kvartil av timlönen" + published[0] + ".",
                "(f) Share of women and men in each quartile of hourly pay" + published[1] + ".",
            ),
        )
    )
    g = t[(t["indicator"] == "g") & (t["pay_level"] == "hourly")]
    if len(g):
        rows = []
        hidden = 0  # cells left out in a manager or public edition
        for c in dict.fromkeys(g["category"].astype(str)):
            here = g[g["category"].astype(str) == c].set_index("component")

            def cell(comp: str, h: pd.DataFrame = here) -> float:
                return float(h.loc[comp, "value"]) if comp in h.index else float("nan")

            if w.aggregate:
                hidden += sum(
                    comp in here.index and math.isnan(cell(comp))
                    for comp in ("basic", "complementary", "all")
                )
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
                )
                + (f" {w.suppressed_note(hidden)}" if hidden else ""),
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
                    w.tr("Utlöst för: ", "Triggered for: ") + _art10_categories(w, art10)
                    if art10.triggered
                    else w.tr("Ingen kategori utlöser den.", "No category triggers it.")
                )
            )
        )
    return w.section(
        w.tr("EU:s lönetransparensdirektiv, artikel 9", "EU Pay Transparency Directive, Article 9"),
        blocks,
    )


def _art10_categories(w: Writer, art10: Any) -> str:
    """The categories that trigger Article 10, by name; in a manager or public edition a
    category whose gap is not shown (too few women or men) is counted, not named."""
    cats = [str(c) for c in art10.categories]
    if not w.aggregate:
        return ", ".join(w.category_label(c) for c in cats)
    t = art10.table
    gap = dict(zip(t["category"].astype(str), t["mean_gap_pct"], strict=True)) if len(t) else {}
    named = [c for c in cats if gap.get(c) == gap.get(c) and c in gap]
    small = len(cats) - len(named)
    words = [w.category_label(c) for c in named]
    if small:
        words.append(
            w.count(
                small,
                (
                    "kategori med för få kvinnor eller män för att namnges",
                    "kategorier med för få kvinnor eller män för att namnges",
                ),
                (
                    "category with too few women or men to be named",
                    "categories with too few women or men to be named",
                ),
            )
        )
    return w.join(words)

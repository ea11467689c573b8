"""The report writer's toolkit (:class:`Writer`: words, numbers, blocks, the run's tables in
scope) and the sections every report ends with: national figures, methods, signatures."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from .._format import fmt_kr, fmt_number, fmt_pct
from ..privacy import sees_people
from ._figures import job_labels

__all__ = ["Writer", "method_section", "national_section", "signatures_section"]

_PAY = {
    "base_salary": ("Grundlön", "Base salary"),
    "monthly_pay": ("Månadslön inkl. fasta tillägg", "Monthly pay incl. fixed supplements"),
}
_STATUS = {
    "explained": ("Förklarad, ej könsrelaterad", "Explained, not gender-related"),
    "gender_related": ("Samband med kön", "Related to gender"),
    "unclear": ("Oklart", "Unclear"),
    "unexplained": ("Saknar förklaring", "Unexplained"),
    "not_flagged": ("Ej flaggad", "Not flagged"),
    "no_item": ("Ingen post", "No item"),
}
_CATEGORY = {
    "job_value": ("Arbetets värde", "Job value"),
    "experience": ("Erfarenhet", "Experience"),
    "performance": ("Prestation", "Performance"),
    "market": ("Marknad", "Market"),
    "other": ("Annat", "Other"),
    "": ("", ""),
}
_AREA = {
    "collective_agreement": ("Kollektivavtal", "Collective agreement"),
    "pay_policy": ("Lönepolicy", "Pay policy"),
    "salary_criteria": ("Lönekriterier", "Pay criteria"),
    "supplements": ("Tillägg", "Supplements"),
    "benefits": ("Förmåner", "Benefits"),
    "other": ("Övrigt", "Other"),
}
_FOLLOW = {
    "done": ("Genomförd", "Done"),
    "partly": ("Delvis", "Partly"),
    "not_done": ("Inte genomförd", "Not done"),
    "left": ("Slutat", "Left"),
}
_CHECK = {
    "present": ("Finns", "Present"),
    "incomplete": ("Ofullständig", "Incomplete"),
    "missing": ("Saknas", "Missing"),
    "external": ("Dokumenteras separat", "Documented elsewhere"),
    "not_required": ("Krävs inte", "Not required"),
}


class Writer:
    """Words and numbers in the report's language, and the run's tables limited to the scope
    (the organisation, or one unit)."""

    def __init__(self, run: Any, unit: str | None, figures: set[str]):
        self.run, self.unit, self.figures = run, unit, figures
        self.language = str(run.config.survey.language)
        self.sv = self.language == "sv"
        self.results = run.results
        self.scope = unit or ""
        f = run.data.frame
        self.frame = f if unit is None else f[f[run.data.unit_column].astype(str) == unit]
        self.hr_or_union = sees_people(run.manifest["audience"])
        self.labels = job_labels(run)

    # words and numbers ----------------------------------------------------------------------
    def tr(self, sv: str, en: str) -> str:
        return sv if self.sv else en

    def num(self, x: Any, decimals: int = 0) -> str:
        return fmt_number(_float(x), decimals, self.language)

    def pct(self, x: Any, decimals: int = 1) -> str:
        return fmt_pct(_float(x), decimals, self.language)

    def kr(self, x: Any) -> str:
        return fmt_kr(_float(x), 0, self.language, str(self.run.config.data.currency))

    def p(self, x: Any) -> str:
        v = _float(x)
        if math.isnan(v):
            return "–"
        return ("< 0,001" if self.sv else "< 0.001") if v < 0.001 else self.num(v, 3)

    def gap_words(self, gap_pct: Any, decimals: int = 1) -> str:
        """A gap ``100·(women − men)/men`` said in words, so no reader needs a sign convention:
        "kvinnor har 3,8 % lägre lön än män" / "women earn 3.8 % less than men"."""
        v = _float(gap_pct)
        if math.isnan(v):
            return "–"
        size = self.pct(abs(v), decimals)
        if size == self.pct(0, decimals):
            return self.tr("kvinnor och män har samma lön", "women and men earn the same")
        if v < 0:
            return self.tr(
                f"kvinnor har {size} lägre lön än män", f"women earn {size} less than men"
            )
        return self.tr(f"kvinnor har {size} högre lön än män", f"women earn {size} more than men")

    def disadvantaged(self, gap_pct: Any) -> str:
        """The gender with the lower pay for a gap ``100·(women − men)/men``: "Kvinnor"/"Män"."""
        v = _float(gap_pct)
        if math.isnan(v) or v == 0:
            return "–"
        return self.tr("Kvinnor", "Women") if v < 0 else self.tr("Män", "Men")

    def job(self, code: Any) -> str:
        return self.labels.get(str(code), str(code))

    def _pick(self, table: dict, key: Any) -> str:
        pair = table.get(str(key) if key == key else "", (str(key), str(key)))
        return pair[0] if self.sv else pair[1]

    def pay_measure(self, m: Any) -> str:
        return self._pick(_PAY, m)

    def status(self, s: Any) -> str:
        return self._pick(_STATUS, s)

    def category(self, c: Any) -> str:
        return self._pick(_CATEGORY, c)

    def area(self, a: Any) -> str:
        return self._pick(_AREA, a)

    def follow_status(self, s: Any) -> str:
        return self._pick(_FOLLOW, s)

    def checklist_status(self, s: Any) -> str:
        return self._pick(_CHECK, s)

    def checklist_label(self, item: str) -> str:
        t = self.results["documentation"].table.set_index("item")
        return str(t.loc[item, "label_sv" if self.sv else "label_en"])

    def yes_no(self, v: Any) -> str:
        return {
            "yes": self.tr("Ja", "Yes"),
            "no": self.tr("Nej", "No"),
            "unclear": self.tr("Oklart", "Unclear"),
        }.get(str(v), self.tr("Ej bedömd", "Not assessed"))

    def bias_check(self, r: Any) -> str:
        """A flagged bias check of the job evaluation in the report's language."""
        if not self.sv:
            return str(r.message)
        subject, value, thr = str(r.subject), _float(r.value), _float(r.threshold)
        job = self.job(subject)
        text = {
            "evaluators": f"{job} har värderats av {self.num(value)} värderare; använd minst "
            f"{self.num(thr)}.",
            "evaluator_spread": f"Värderarnas poäng för {job} skiljer {self.num(value, 1)} poäng "
            "och hamnar i olika band: enas om nivåerna.",
            "weighting_test": f"Viktningstestet (ILO): kvoten {self.num(value, 2)} är under "
            f"{self.num(thr, 1)}; faktorer där kvinnodominerade yrken får höga "
            "poäng väger lätt.",
            "factor_weight": f"Faktorn {subject} har {self.pct(100 * value, 0)} av poängen, "
            "utanför det rimliga.",
            "subfactor_weight": f"Delfaktorn {subject} har vikten {self.pct(100 * value, 0)}.",
            "dead_subfactor": f"Delfaktorn {subject} har samma nivå för alla yrken och skiljer "
            "inte arbeten åt.",
            "band_scale": f"Bandbredden passar inte poängskalan ({self.num(value)} band).",
        }.get(str(r.check))
        return text or str(r.message)

    def model_name(self, ev: Any) -> str:
        if ev.job_model is None:
            return self.tr("externa poäng", "external points")
        if ev.job_model.name in ("eige_2026_default", "default"):
            return self.tr(
                "standardmodellen (EIGE 2026: fyra faktorer, 14 delfaktorer)",
                "the default model (EIGE 2026: four factors, 14 sub-factors)",
            )
        return self.tr(f"modellen {ev.job_model.name}", f"the {ev.job_model.name} model")

    def category_label(self, c: Any) -> str:
        """An EU category: value bands as "Band k (a–b poäng)", other columns as they are."""
        ev = self.run.evaluation
        if self.run.config.analysis.categories == "band" and ev is not None and str(c).isdigit():
            k, width = int(c), float(ev.band_width)
            pts = self.tr("poäng", "points")
            return f"Band {k} ({self.num(k * width)}–{self.num((k + 1) * width)} {pts})"
        return str(c)

    def follow_up_counts(self, counts: dict) -> str:
        return (
            ", ".join(f"{self.follow_status(k).lower()} {v}" for k, v in counts.items() if v) or "–"
        )

    # blocks ---------------------------------------------------------------------------------
    def text(self, s: str) -> dict:
        return {"type": "text", "text": s}

    def heading(self, s: str, level: int = 2) -> dict:
        return {"type": "heading", "text": s, "level": level}

    def section(self, title: str, blocks: list[dict]) -> dict:
        return {"title": title, "blocks": blocks}

    def figure(self, file: str, caption: str) -> dict:
        if file not in self.figures:
            return {
                "type": "notice",
                "tone": "info",
                "text": self.tr(
                    "Diagrammet har inget att visa här.", "The chart has nothing to show here."
                ),
            }
        return {"type": "figure", "file": file, "caption": caption, "width": "100%"}

    def table(
        self,
        columns: list[str],
        rows: list[list[str]],
        *,
        align: list[str] | None = None,
        widths: list[float] | None = None,
        caption: str | None = None,
        note: str | None = None,
        highlight: list[int] | None = None,
        size: str | None = None,
    ) -> dict:
        block: dict[str, Any] = {"type": "table", "columns": columns, "rows": rows}
        for k, v in (
            ("align", align),
            ("widths", widths),
            ("caption", caption),
            ("note", note),
            ("highlight", highlight),
            ("size", size),
        ):
            if v is not None:
                block[k] = v
        return block

    # the run's tables in scope --------------------------------------------------------------
    def work_table(self) -> pd.DataFrame:
        t = self.run.tables["equal_work"].copy()
        t["unit"] = t["unit"].fillna("").astype(str)
        t["flagged"] = t["flagged"].astype(bool)
        t["needs_assessment"] = t["needs_assessment"].astype(bool)
        return t

    def value_table(self) -> pd.DataFrame:
        t = self.run.tables["equal_value"].copy()
        t["unit"] = t["unit"].fillna("").astype(str)
        t["flagged"] = t["flagged"].astype(bool)
        return t[t["unit"] == self.scope]

    def items(self) -> pd.DataFrame:
        t = self.run.tables["explanations"].copy()
        t["unit"] = t["unit"].fillna("").astype(str)
        for c in ("flagged", "needs_action"):
            t[c] = t[c].astype(bool)
        return t if self.unit is None else t[t["unit"] == self.unit]

    def plan_rows(self) -> pd.DataFrame:
        t = self.run.tables["action_plan"].copy()
        t["unit"] = t["unit"].fillna("").astype(str)
        return t if self.unit is None else t[t["unit"] == self.unit]

    def plan_measures(self) -> pd.DataFrame:
        t = self.plan_rows()
        if t.empty:
            return t.assign(years="")
        g = t.groupby("measure_id", sort=False)
        out = g.first().reset_index()
        out["cost_yearly"] = g["cost_yearly"].sum().to_numpy()
        out["years"] = (
            g["year"]
            .agg(lambda s: f"{s.min()}" if s.min() == s.max() else f"{s.min()}–{s.max()}")
            .to_numpy()
        )
        return out

    def plan_people(self) -> pd.DataFrame:
        m = self.plan_measures()
        return m[m["kind"] == "person"].sort_values(["job_code", "employee_id"]) if len(m) else m


def _float(x: Any) -> float:
    try:
        return float(x)
    except (TypeError, ValueError):
        return float("nan")


#: National figures (law-and-method.md §6; F-G2): year, what, value, source.
NATIONAL = [
    (
        "2024",
        (
            "Kvinnors lön i % av mäns, ojusterat / standardvägt",
            "Women's pay as % of men's, unadjusted / standardised",
        ),
        (90, 95, 0),
        "SCB lönestrukturstatistik, via bulletin.nu",
    ),
    (
        "2023",
        (
            "Löneskillnad / oförklarad del, hela ekonomin",
            "Pay gap / unexplained part, whole economy",
        ),
        (10.0, 4.8, 1),
        "Medlingsinstitutet, Löneskillnaden mellan kvinnor och män 2023",
    ),
    (
        "2023",
        ("Oförklarad del, kommuner", "Unexplained part, municipalities"),
        (1.4, None, 1),
        "Medlingsinstitutet 2023",
    ),
    (
        "2022",
        (
            "Löneskillnad / oförklarad del, hela ekonomin",
            "Pay gap / unexplained part, whole economy",
        ),
        (9.9, 4.7, 1),
        "Medlingsinstitutet",
    ),
    (
        "2021",
        (
            "Kommuner: kvinnors lön i % av mäns, ojusterat / standardvägt",
            "Municipalities: women's pay as % of men's, unadjusted / standardised",
        ),
        (98, 99, 0),
        "SCB, Kvinnors lön som andel av mäns lön efter sektor 2003–2021",
    ),
]


def national_section(w: Writer) -> dict:
    og = w.results["org_gap"]
    rows = [
        [y, w.tr(*what), " / ".join(w.pct(x, d) for x in (a, b) if x is not None), src]
        for y, what, (a, b, d), src in NATIONAL
    ]
    rows.insert(
        0,
        [
            str(w.run.manifest["year"]),
            w.tr(
                f"{w.run.config.survey.organisation}: kvinnors månadslön i % av mäns, ojusterat",
                f"{w.run.config.survey.organisation}: women's monthly pay as % of men's, unadjusted",
            ),
            w.pct(100 + og["raw_mean_gap_pct"]),
            w.tr("Denna kartläggning", "This survey"),
        ],
    )
    return w.section(
        w.tr("Nationella jämförelsetal", "National reference figures"),
        [
            w.text(
                w.tr(
                    "Medlingsinstitutet och SCB jämför kvinnors och mäns lön med standardvägning: "
                    "genomsnittslönen i grupper efter yrke, sektor, utbildning, ålder och arbetstid, "
                    "vägd med gruppernas storlek. Talen är inte direkt jämförbara med en enskild "
                    "arbetsgivares siffror men visar läget i landet.",
                    "Medlingsinstitutet and SCB compare women's and men's pay by standard weighting: mean "
                    "pay in cells by occupation, sector, education, age and working time, weighted by "
                    "the cells' size. The figures are not directly comparable with one employer's but "
                    "show the national picture.",
                )
            ),
            w.table(
                [
                    w.tr("År", "Year"),
                    w.tr("Mått", "Measure"),
                    w.tr("Värde", "Value"),
                    w.tr("Källa", "Source"),
                ],
                rows,
                align=["left", "left", "right", "left"],
                widths=[0.6, 3, 1.1, 2.6],
            ),
            {
                "type": "notice",
                "tone": "info",
                "text": w.tr(
                    "Den oförklarade löneskillnaden är oförklarad i statistisk mening. Den är inte ett "
                    "mått på diskriminering.",
                    "The unexplained pay gap is unexplained in a statistical sense. It is not a measure "
                    "of discrimination.",
                ),
            },
        ],
    )


def method_section(w: Writer) -> dict:
    m = w.run.manifest
    defs = [
        (
            w.tr("Heltidslön", "Full-time pay"),
            w.tr(
                "Grundlön och fasta tillägg per månad omräknade till heltid.",
                "Monthly base salary and fixed supplements at full time.",
            ),
        ),
        (
            w.tr("Kvinnors lön i % av mäns", "Women's pay as % of men's"),
            w.tr(
                "100 × kvinnornas medellön / männens medellön.", "100 × women's mean / men's mean."
            ),
        ),
        (
            w.tr("Justerad skillnad", "Adjusted gap"),
            w.tr(
                "100 × (exp(b) − 1), där b är koefficienten för kvinna i en regression på "
                "logaritmerad lön med kontrollerna; negativ när kvinnor tjänar mindre.",
                "100 × (exp(b) − 1), b the coefficient of female in a regression of log pay on the "
                "controls; negative when women earn less.",
            ),
        ),
        (
            w.tr("Flaggad (lika arbete)", "Flagged (equal work)"),
            w.tr(
                "Signifikant justerad skillnad efter Benjamini–Hochberg inom enhet och lönebegrepp; "
                "i grupper för små för regression: kvinnornas lön avviker mer än gränsen.",
                "Significant adjusted gap after Benjamini–Hochberg within unit and pay measure; in "
                "groups too small for a regression: women's pay differs by more than the limit.",
            ),
        ),
        (
            w.tr("Flaggad (likvärdigt)", "Flagged (equal value)"),
            w.tr(
                "Det kvinnodominerade yrkets medellön är mer än gränsen under jämförelseyrkets.",
                "The female-dominated job's mean pay is more than the limit below the comparator's.",
            ),
        ),
        (
            w.tr("Målnivå (handlingsplan)", "Target level (action plan)"),
            w.tr(
                "Lika arbete: den lön som gruppens könsneutrala modell (ålder, anställningstid) "
                "väntar sig för personen (actions.target = expected), eller det andra könets median "
                "eller medelvärde i gruppen. Likvärdigt arbete: jämförelseyrkets medellön.",
                "Equal work: the pay the group's gender-neutral model (age, tenure) expects for the "
                "person (actions.target = expected), or the other gender's median or mean in the "
                "group. Equal value: the comparator job's mean pay.",
            ),
        ),
        (
            w.tr("Kvinnodominerat", "Female-dominated"),
            w.tr(
                "Minst analysis.female_dominated_share kvinnor i yrket i hela organisationen, eller "
                "markerat i arbetsvärderingen med skäl.",
                "At least analysis.female_dominated_share women in the job across the organisation, "
                "or marked in the job evaluation with a reason.",
            ),
        ),
        (
            w.tr("Kostnad per år", "Cost a year"),
            w.tr(
                "Höjning per månad × sysselsättningsgrad × 12 × (1 + lönebikostnader).",
                "Raise a month × fte × 12 × (1 + payroll overhead).",
            ),
        ),
    ]
    config = [
        [f"{sec}.{k}", _show(v)]
        for sec, values in m["config"].items()
        for k, v in values.items()
        if not isinstance(v, dict)
    ]
    config += [
        [f"{sec}.{k}", _show(v)]
        for sec, values in m["config"].items()
        for k, v in values.items()
        if isinstance(v, dict) and v
    ]
    inputs = [
        [
            str(i["path"]),
            str(i["sha256"])[:16] + "…",
            w.num(i["rows_read"]),
            w.num(i["rows_kept"]),
            w.num(i["rows_excluded"]),
        ]
        for i in m["inputs"]
    ]
    versions = ", ".join(f"{k} {v}" for k, v in m["versions"].items() if v)
    return w.section(
        w.tr("Metod och inställningar", "Method and settings"),
        [
            w.table(
                [w.tr("Begrepp", "Term"), w.tr("Definition", "Definition")],
                [list(d) for d in defs],
                widths=[1.4, 4],
            ),
            w.table(
                [
                    w.tr("Fil", "File"),
                    "sha256",
                    w.tr("Lästa", "Read"),
                    w.tr("Med", "Kept"),
                    w.tr("Uteslutna", "Excluded"),
                ],
                inputs,
                align=["left", "left", "right", "right", "right"],
                widths=[2.4, 2, 0.8, 0.8, 0.9],
                caption=w.tr("Indata", "Inputs"),
                size="small",
            ),
            w.table(
                [w.tr("Inställning", "Setting"), w.tr("Värde", "Value")],
                config,
                widths=[2, 4],
                caption=w.tr(
                    "Varje inställning som användes (survey.toml och standardvärden)",
                    "Every setting used (survey.toml and defaults)",
                ),
                size="small",
            ),
            w.text(w.tr("Programversioner: ", "Software versions: ") + versions),
        ],
    )


def _show(v: Any) -> str:
    if v is None:
        return "–"
    if isinstance(v, dict):
        return ", ".join(f"{k} = {_show(x)}" for k, x in v.items())
    if isinstance(v, list | tuple):
        return ", ".join(_show(x) for x in v)
    return str(v)


def signatures_section(w: Writer) -> dict:
    lines = [
        w.tr("Namnteckning", "Signature"),
        w.tr("Namnförtydligande", "Name in print"),
        w.tr("Ort och datum", "Place and date"),
    ]
    return w.section(
        w.tr("Underskrifter", "Signatures"),
        [
            w.text(
                w.tr(
                    f"Lönekartläggningen {w.run.manifest['year']} har genomförts i samverkan mellan "
                    "arbetsgivaren och de fackliga organisationerna. Underskrifterna bekräftar att parterna "
                    "har tagit del av resultatet, förklaringarna och handlingsplanen.",
                    f"The pay survey {w.run.manifest['year']} was carried out in cooperation between the "
                    "employer and the unions. The signatures confirm that the parties have seen the "
                    "results, the explanations and the action plan.",
                )
            ),
            *(
                [
                    w.text(
                        w.tr(
                            "Uppgifterna enligt EU-direktivets artikel 9 bekräftas av ledningen efter samråd med "
                            "arbetstagarnas företrädare (artikel 9.6).",
                            "The Article 9 figures are confirmed by management after consulting the workers' "
                            "representatives (Article 9(6)).",
                        )
                    )
                ]
                if w.run.config.analysis.eu_directive
                else []
            ),
            {
                "type": "signatures",
                "parties": [
                    {"role": w.tr("För arbetsgivaren", "For the employer"), "lines": lines},
                    {
                        "role": w.tr("För de fackliga organisationerna", "For the unions"),
                        "lines": lines,
                    },
                ],
            },
        ],
    )

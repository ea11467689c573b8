"""The sections every report ends with: the methods annex ("Metod och inställningar") and the
signatures — the parties' signatures in the overview, the unit manager's acknowledgement in a
unit's report (the parties sign the overview)."""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from .._format import fmt_kr, fmt_number, fmt_pct
from ..actions import union_organisations
from ..privacy import MIN_MEDIAN, MIN_PERCENTILE
from ._layout import unit_headings
from ._vocabulary import CHOICES, DEFINITIONS, SETTINGS, WORDS

if TYPE_CHECKING:
    from ._sections import Writer

__all__ = ["method_section", "setting_rows", "signatures_section", "suppression_blocks"]


# A definition's sentence about the EU section: left out where the report has none (a unit's).
_EU_SENTENCE = re.compile(r"\s*(EU-avsnittet|The EU section)[^.]*\.")


def method_section(w: Writer) -> dict:
    """The methods annex, "Metod och inställningar": the terms, the inputs and, in the overview,
    every setting used, each said in words with its value and, in a column of its own, its key
    (a unit's report refers to the overview's annex instead)."""
    m, cfg = w.run.manifest, w.run.config
    a, s = cfg.analysis, w.results["equal_work"].settings
    used = w.controls_used()
    controls = w.controls_words(used) or w.tr("inga kontroller", "no controls")
    thr = w.pct(100 * s.get("gap_threshold", a.gap_threshold), 0)
    share = w.pct(100 * a.female_dominated_share, 0)
    target = {
        "median": w.tr("det andra könets medianlön i gruppen", "the other gender's median pay"),
        "mean": w.tr("det andra könets medellön i gruppen", "the other gender's mean pay"),
    }.get(
        str(cfg.actions.target),
        w.tr(
            f"den lön gruppens regression ({controls}) ger personen som det andra könet; "
            "i grupper för små för regression det andra könets medellön, skillnaden delad så "
            "att medellönerna möts",
            f"the pay the group's regression ({controls}) gives the person as the other "
            "gender; in groups too small for a regression the other gender's mean pay, the gap "
            "shared so that the means meet",
        ),
    )
    values = {
        "held": w.held_equal(used),
        "share": f"{w.tr('Minst', 'At least') if a.female_dominated_inclusive else w.tr('Mer än', 'More than')} {share}",
        "min": s.get("min_per_gender", a.min_per_gender),
        "fdr": w.pct(100 * s.get("fdr", a.fdr), 0),
        "thr": thr,
        "target": target,
    }
    defs = [[term, _definition(w, text.format(**values))] for term, text in DEFINITIONS[w.language]]
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
    if w.unit is None:
        settings: dict = w.table(
            [
                w.tr("Inställning", "Setting"),
                w.tr("Värde", "Value"),
                w.tr("Nyckel i survey.toml", "Key in survey.toml"),
            ],
            setting_rows(m["config"], w.language, str(cfg.data.currency)),
            widths=[3, 2.2, 2.3],
            caption=w.tr(
                "Varje inställning som användes (angiven i survey.toml eller standardvärde)",
                "Every setting used (set in survey.toml or the default)",
            ),
            size="small",
        )
    else:
        settings = w.text(
            w.tr(
                "Inställningarna redovisas i översiktens bilaga Metod och inställningar.",
                "The settings are listed in the overview's annex Methods and settings.",
            )
        )
    terms = w.table(
        [w.tr("Begrepp", "Term"), w.tr("Definition", "Definition")], defs, widths=[1.4, 4]
    )
    if w.aggregate:  # files, checksums and settings keys are HR's working material
        return w.section(
            w.tr("Metod och inställningar", "Methods and settings"),
            [
                terms,
                w.text(
                    w.tr(
                        "Vilka filer som lästes, med kontrollsummor, och varje inställning som "
                        "användes redovisas i HR:s utgåva.",
                        "The files read, with checksums, and every setting used are listed in "
                        "HR's edition.",
                    )
                ),
                *suppression_blocks(w),
            ],
        )
    return w.section(
        w.tr("Metod och inställningar", "Methods and settings"),
        [
            terms,
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
            settings,
            w.text(w.tr("Programversioner: ", "Software versions: ") + versions),
        ],
    )


def suppression_blocks(w: Writer) -> list[dict]:
    """What a manager or public edition leaves out, and why, in plain words: the rules behind
    every "–" (DESIGN §5), and that the whole figures are in HR's edition."""
    k = w.num(w.min_cell)
    med, pct = w.num(MIN_MEDIAN), w.num(MIN_PERCENTILE)
    who = (
        w.tr("chefer", "managers")
        if w.run.manifest["audience"] == "manager"
        else w.tr("alla som vill läsa den", "anyone who wants to read it")
    )
    return [
        w.heading(
            w.tr(
                "Små grupper: vad denna utgåva inte visar",
                "Small groups: what this edition does not show",
            )
        ),
        w.text(
            w.tr(
                f"Denna utgåva är till för {who} och innehåller bara sammanställda uppgifter. "
                "Ingen ska kunna läsa ut en enskild persons lön, lönehöjning eller avvikelse ur "
                "den. Därför gäller följande, och där en siffra inte visas står ett streck (–):",
                f"This edition is meant for {who} and holds aggregates only. No one should be "
                "able to read an individual's pay, raise or deviation from it. So the following "
                "rules apply, and where a figure is not shown there is a dash (–):",
            )
        ),
        {
            "type": "list",
            "items": [
                w.tr(
                    f"Lönesiffror för kvinnorna eller männen i en grupp visas bara när gruppen har "
                    f"minst {k} personer av det könet. En skillnad mellan kvinnor och män visas "
                    f"bara när båda könen har minst {k}.",
                    f"Pay figures for the women or the men of a group are shown only where the "
                    f"group has at least {k} people of that gender. A gap between women and men is "
                    f"shown only where both genders have at least {k}.",
                ),
                w.tr(
                    f"Medianlön visas från {med} personer. P10 och P90 (lönen som de 10 % lägst "
                    f"betalda tjänar mindre än, och den som de 10 % högst betalda tjänar mer än) "
                    f"visas från {pct} personer.",
                    f"Median pay is shown from {med} people. P10 and P90 (the pay the lowest-paid "
                    f"10 % earn less than, and the pay the highest-paid 10 % earn more than) are "
                    f"shown from {pct} people.",
                ),
                w.tr(
                    "Lägsta och högsta lön visas aldrig: de är alltid en enskild persons lön.",
                    "The lowest and the highest pay are never shown: they are always one "
                    "person's pay.",
                ),
                w.tr(
                    "När en siffra döljs döljs också andra, så att den inte kan räknas fram ur "
                    "summor, totaler eller genom att jämföra hela organisationen med enheterna.",
                    "When a figure is hidden, others are hidden too, so that it cannot be worked "
                    "out from sums, totals or by comparing the whole organisation with its units.",
                ),
                w.tr(
                    "Uppgifter om enskilda personer är utelämnade: åtgärder per person, "
                    "personers höjningar och bilagan med åtgärder per person. De individuella "
                    "lönejusteringarna redovisas som antal personer och sammanlagd kostnad, och "
                    f"kostnaden bara när minst {k} personer står bakom den.",
                    "Data on individual people are left out: measures by person, people's raises "
                    "and the annex of measures by person. The individual pay adjustments are "
                    "given as a number of people and a total cost, and the cost only where at "
                    f"least {k} people stand behind it.",
                ),
                w.tr(
                    "Totalerna för hela organisationen, som handlingsplanens kostnad och "
                    "lönesumman, är de verkliga totalerna.",
                    "The totals for the whole organisation, such as the action plan's cost and "
                    "the pay bill, are the true totals.",
                ),
            ],
        },
        w.text(
            w.tr(
                "Alla siffror finns i HR:s utgåva av lönekartläggningen, som är den som "
                "arbetsgivaren och de fackliga organisationerna undertecknar.",
                "Every figure is in HR's edition of the pay survey, which is the one the employer "
                "and the unions sign.",
            )
        ),
    ]


def _definition(w: Writer, text: str) -> str:
    """A definition as this report says it: without the EU section where there is none (a
    unit's report), "FTE" in capitals in English."""
    if w.unit is not None:
        text = _EU_SENTENCE.sub("", text)
    return text if w.sv else re.sub(r"\bfte\b", "FTE", text)


def setting_rows(config: dict, language: str, currency: str = "SEK") -> list[list[str]]:
    """Every setting used (``manifest["config"]``) for the methods annex: rows of what it
    means, its value as people read it ("Ja", "60 %", "–") and its key in survey.toml. A folder
    is shown by its name only, never as a path relative to somewhere else."""
    i = 0 if language == "sv" else 1
    known = {key: n for n, key in enumerate(SETTINGS)}
    flat = [(f"{sec}.{k}", v) for sec, values in config.items() for k, v in dict(values).items()]
    flat.sort(key=lambda kv: known.get(kv[0], len(known)))
    rows = []
    for key, v in flat:
        meaning, kind = (SETTINGS[key][i], SETTINGS[key][2]) if key in SETTINGS else (key, "text")
        if kind in ("columns", "values") and isinstance(v, dict):
            for col, x in v.items():
                what = WORDS["column"].get(col, (col, col))[i]
                shown = (
                    ", ".join(f"{a} → {b}" for a, b in x.items())
                    if isinstance(x, dict)
                    else _show(x, language)
                )
                rows.append([f"{meaning} {what}", shown or "–", f"{key}.{col}"])
            continue
        rows.append([meaning, _value(key, kind, v, language, currency), key])
    return rows


def _folder(v: Any) -> str:
    """A folder by its name: "../../../../tmp/rv2/out" → "out"."""
    name = PurePath(str(v).replace("\\", "/")).name
    return name or str(v)


def _value(key: str, kind: str, v: Any, language: str, currency: str) -> str:
    i = 0 if language == "sv" else 1
    if v is None or (isinstance(v, str | list | tuple | dict) and not v):
        return "–"
    if isinstance(v, bool):
        return (("Nej", "No"), ("Ja", "Yes"))[v][i]
    if key.endswith(".dir") and isinstance(v, str | PurePath):
        return _folder(v)
    if kind in ("share", "pct", "points") and isinstance(v, int | float):
        x = 100 * float(v) if kind == "share" else float(v)
        d = next((d for d in range(4) if abs(round(x, d) - x) < 1e-9), 3)
        if kind == "points":
            return f"{fmt_number(x, d, language)} {('poäng', 'points')[i]}"
        return fmt_pct(x, d, language)
    if kind == "kr" and isinstance(v, int | float):
        return fmt_kr(float(v), 0, language, currency)
    if kind == "int" and isinstance(v, int | float):
        return fmt_number(float(v), 0, language)
    if kind == "choice" and str(v) in CHOICES.get(key, {}):
        return CHOICES[key][str(v)][i]
    if kind == "controls" and isinstance(v, list | tuple):
        inner = [c[2:-1] if c.startswith("C(") and c.endswith(")") else c for c in map(str, v)]
        return ", ".join(WORDS["control"].get(c, (c, c))[i] for c in inner)
    return _show(v, language)


def _show(v: Any, language: str) -> str:
    if v is None:
        return "–"
    if isinstance(v, bool):
        return (("Nej", "No"), ("Ja", "Yes"))[v][0 if language == "sv" else 1]
    if isinstance(v, dict):
        return ", ".join(f"{k}: {_show(x, language)}" for k, x in v.items())
    if isinstance(v, list | tuple):
        return ", ".join(_show(x, language) for x in v)
    return str(v)


def signatures_section(w: Writer) -> dict:
    """Signatures last. The overview: the employer and each union organisation of the samverkan
    log, each union with room for its opinion or reservation. A unit's report: the unit
    manager's acknowledgement (the parties sign the overview, not each unit's report)."""
    if w.aggregate and (w.unit is None or w.run.manifest["audience"] != "manager"):
        return _copy_for_information(w)
    if w.unit is not None:
        return _acknowledgement(w)
    unions = union_organisations(w.results.get("samverkan"))
    if not unions:
        unions = [w.tr("de fackliga organisationerna", "the unions")]
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
                    *(
                        {
                            "role": w.tr(f"För {org}", f"For {org}"),
                            "lines": lines,
                            "opinion": w.tr(
                                "Organisationens yttrande eller reservation (vid behov på bilaga)",
                                "The organisation's opinion or reservation (attach a sheet if needed)",
                            ),
                        }
                        for org in unions
                    ),
                ],
            },
        ],
    )


def _copy_for_information(w: Writer) -> dict:
    """A manager or public edition is a copy for information, not signed: it ends by saying
    which edition is signed (a manager's unit report keeps the manager's acknowledgement)."""
    return w.section(
        w.tr("Underskrifter", "Signatures"),
        [
            w.text(
                w.tr(
                    f"Denna utgåva undertecknas inte. Lönekartläggningen {w.run.manifest['year']} "
                    "undertecknas av arbetsgivaren och de fackliga organisationerna i HR:s utgåva, "
                    "som har alla siffror; denna utgåva är en kopia för information, med "
                    "uppgifter om små grupper och enskilda personer utelämnade (se Metod och "
                    "inställningar).",
                    f"This edition is not signed. The pay survey {w.run.manifest['year']} is "
                    "signed by the employer and the unions in HR's edition, which has every "
                    "figure; this edition is a copy for information, with data on small groups "
                    "and individual people left out (see Methods and settings).",
                )
            )
        ],
    )


def _acknowledgement(w: Writer) -> dict:
    """A unit's report ends with its manager's acknowledgement, under the unit's own name."""
    assert w.unit is not None
    name = unit_headings(w).get(w.unit) or w.unit
    return w.section(
        w.tr("Tagit del av", "Acknowledged"),
        [
            w.text(
                w.tr(
                    "Enhetschefen har tagit del av enhetens resultat, förklaringar och "
                    "handlingsplan. Arbetsgivaren och de fackliga organisationerna undertecknar "
                    + (
                        "lönekartläggningen i HR:s utgåva, som har alla siffror."
                        if w.aggregate
                        else "översikten för hela organisationen."
                    ),
                    "The unit manager has seen the unit's results, explanations and action plan. "
                    "The employer and the unions sign "
                    + (
                        "the pay survey in HR's edition, which has every figure."
                        if w.aggregate
                        else "the overview for the whole organisation."
                    ),
                )
            ),
            {
                "type": "signatures",
                "parties": [
                    {
                        "role": w.tr(f"Enhetschef, {name}", f"Unit manager, {name}"),
                        "lines": [
                            w.tr("Namnteckning", "Signature"),
                            w.tr("Namnförtydligande", "Name in print"),
                            w.tr("Datum", "Date"),
                        ],
                    }
                ],
            },
        ],
    )

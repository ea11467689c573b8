"""The report's equal-work and equal-value sections: tables, figures and what they say.

Each table shows the gap its flag is based on and says which (the adjusted gap where the group
was tested by regression, the raw gap otherwise) and who has the lower pay; the prose says each
flagged gap in words. Counts count comparisons — a group, or a pair of jobs, tested on two pay
measures is one comparison. The three analyses of DL 3:9 are always reported: equal work, equal
value and lower-valued work paid more, each under its own heading, with "Inga fall" where there
are none.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from ._evaluation import evaluation_blocks, model_name
from ._layout import grouped, unit_headings, unit_rows
from ._sections import Writer, _float
from ._spread import spread_blocks

__all__ = ["equal_value", "equal_work"]

_KINDS = ("equal_value", "lower_value_higher_pay")


def equal_work(w: Writer) -> dict:
    t = w.work_table()
    here = t[(t["unit"] == w.scope) & t["needs_assessment"]]
    s = w.run.results["equal_work"].settings
    used = w.controls_used()
    thr = w.pct(100 * s.get("gap_threshold", 0.02), 0)
    blocks = [
        w.text(
            w.tr(
                "Kvinnor och män som gör samma eller nästan samma arbete jämförs grupp för grupp "
                "(DL 3 kap. 9 § 1 p.). Där båda könen har minst "
                f"{s.get('min_per_gender', 3)} personer prövas skillnaden med regression på "
                f"logaritmerad lön {w.held_equal(used)}, och p-värdena justeras för många test "
                f"(Benjamini–Hochberg, {w.pct(100 * s.get('fdr', 0.05), 0)}). Mindre grupper "
                f"flaggas när kvinnornas lön avviker mer än {thr} från männens. Varje grupp prövas "
                "på grundlön och på månadslön och räknas som en jämförelse.",
                "Women and men doing the same or nearly the same work are compared group by group "
                f"(DL ch. 3 s. 9 p. 1). Where both genders have at least {s.get('min_per_gender', 3)} "
                f"people the difference is tested by a regression on log pay {w.held_equal(used)}, "
                "p-values adjusted for many tests (Benjamini–Hochberg, "
                f"{w.pct(100 * s.get('fdr', 0.05), 0)}). Smaller groups are flagged when women's "
                f"pay differs from men's by more than {thr}. Each group is tested on base salary "
                "and on monthly pay and counts as one comparison.",
            )
        ),
        _figure(
            w,
            "gap_by_group.png",
            w.tr(
                "Kvinnors lön i procent av mäns per grupp (grundlön). Punkter med linje: "
                f"regression {w.held_equal(used)}, med 95 % konfidensintervall; romber: grupper "
                "för små för regression (ojusterat). Flaggade grupper i orange och fetstil. "
                "Intervallen är inte justerade för många test; flaggningen är det "
                "(Benjamini–Hochberg).",
                "Women's pay as % of men's by group (base salary). Dots with lines: regression "
                f"{w.held_equal(used)}, with 95% confidence interval; diamonds: groups too small for "
                "a regression (unadjusted). Flagged groups in orange and bold. The intervals are not "
                "adjusted for many tests; the flags are (Benjamini–Hochberg).",
            ),
            rows=len(here),
        ),
    ]
    flagged_groups = set(here.loc[here["flagged"], "work_group"])
    n = here["work_group"].nunique()
    blocks.append(
        w.text(
            w.tr(
                f"Grupper med både kvinnor och män: {w.comparisons(n)}. ",
                f"Groups with both women and men: {w.comparisons(n)}. ",
            )
            + _flagged_count(w, len(flagged_groups))
        )
    )
    if flagged_groups:
        blocks.append({"type": "list", "items": _flagged_work(w, here, flagged_groups)})
    rows, flags = [], []
    order = here.assign(_f=~here["work_group"].isin(flagged_groups)).sort_values(
        ["_f", "work_group", "pay_measure"]
    )
    for i, r in enumerate(order.itertuples()):
        gap, adjusted = w.flag_gap(r)
        rows.append(
            [
                w.job(r.work_group),
                w.pay_short(r.pay_measure).capitalize(),
                f"{w.num(r.n_women)} / {w.num(r.n_men)}",
                w.kr(r.mean_women),
                w.kr(r.mean_men),
                w.pct(r.women_pct_of_men),
                w.pct(gap),
                w.basis(adjusted),
                w.disadvantaged(round(gap, 1)),  # as shown: "0,0 %" has no lower-paid gender
                w.p(r.p_adjusted) if adjusted else "–",
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
                w.tr("Kvinnor / män", "Women / men"),
                w.tr("Medellön kvinnor", "Mean pay women"),
                w.tr("Medellön män", "Mean pay men"),
                w.tr("Kvinnor i % av män", "Women % of men"),
                w.tr("Skillnad", "Gap"),
                w.tr("Grund", "Basis"),
                w.tr("Lägre lön", "Lower pay"),
                w.tr("p (justerat)", "p (adjusted)"),
                w.tr("Flaggad", "Flagged"),
            ],
            rows,
            align=["left", "left"] + ["right"] * 5 + ["left", "left", "right", "center"],
            highlight=flags,
            merge=[0],  # a group's rows (grundlön, månadslön) stay together on one page
            caption=w.tr(
                "Lika arbete: alla grupper med både kvinnor och män, flaggade jämförelser först",
                "Equal work: every group with both women and men, flagged comparisons first",
            ),
            note=w.tr(
                "Skillnad: den skillnad flaggan bygger på, 100 × (kvinnor − män) / män, negativ när "
                "kvinnor har lägre lön. Grund: Justerad är den justerade skillnaden från en "
                f"regression {w.held_equal(used)}; Rå är den råa skillnaden mellan medellönerna, i "
                f"grupper för små för regression, som flaggas när den är större än {thr} (se "
                "Begrepp i Metod och inställningar). Lägre lön: det kön som har lägre lön enligt "
                "Skillnad; den justerade skillnaden kan gå åt andra hållet än kolumnen Kvinnor i % "
                "av män, som jämför medellönerna utan hänsyn till annat. "
                "Månadslön: grundlön med fasta tillägg.",
                "Gap: the gap the flag is based on, 100 × (women − men) / men, negative when women "
                "earn less. Basis: Adjusted is the adjusted gap from a regression "
                f"{w.held_equal(used)}; Raw is the raw gap between the means, in groups too small "
                f"for a regression, flagged when it exceeds {thr} (see Terms in Methods and "
                "settings). Lower pay: the gender with the lower pay by Gap; the adjusted gap may run "
                "the other way than Women's pay as % of men's, which compares the means alone. "
                "Monthly pay: base salary with "
                "fixed supplements.",
            )
            + _hidden_note(w, _work_hidden(w, order)),
        )
    )
    blocks += spread_blocks(w)
    if w.unit is None:
        blocks += _work_units(w, t)
    return w.section(w.tr("Lika arbete", "Equal work"), blocks)


def _figure(w: Writer, file: str, caption: str, rows: int = 1) -> dict:
    """A figure; in a manager or public edition whose chart of ``rows`` comparisons is left out
    because every point of it is suppressed, a sentence that says so."""
    if w.aggregate and rows and file not in w.figures:
        return w.text(
            w.tr(
                "Diagrammet visas inte: varje jämförelse här bygger på för få personer, direkt "
                "eller via andra siffror.",
                "The chart is not shown: every comparison here rests on too few people, directly "
                "or through other figures.",
            )
        )
    return w.figure(file, caption)


def _work_hidden(w: Writer, rows: pd.DataFrame) -> int:
    """The figures of the equal-work table a manager or public edition leaves out, as the
    table shows them: the means and the ratio; the gap (adjusted, or the raw one from the
    ratio), its p-value and the gender paid less, which follows the gap."""
    shown = ["mean_women", "mean_men", "women_pct_of_men"]
    adjusted = rows["flag_rule"].astype(str) == "regression"
    reg, raw = rows[adjusted], rows[~adjusted]
    n = w.suppressed("equal_work", rows, shown)
    n += w.suppressed("equal_work", reg, ["adjusted_gap_pct", "p_adjusted"])
    n += w.suppressed("equal_work", reg, ["adjusted_gap_pct"])  # lower paid
    n += 2 * w.suppressed("equal_work", raw, ["women_pct_of_men"])  # gap, lower paid
    return n


def _hidden_note(w: Writer, n: int) -> str:
    """ " N värden visas inte (–): …" after a table's note; "" when none is hidden."""
    return " " + w.suppressed_note(n) if n else ""


def _flagged_count(w: Writer, k: int) -> str:
    if not k:
        return w.tr("Ingen jämförelse är flaggad.", "No comparison is flagged.")
    return w.tr(
        f"{w.comparisons(k)} {'är flaggad' if k == 1 else 'är flaggade'}:",
        f"{w.comparisons(k)} {'is' if k == 1 else 'are'} flagged:",
    )


def _flagged_work(w: Writer, here: pd.DataFrame, groups: set) -> list[str]:
    """Each flagged comparison: its gaps in words and the pay measures it is flagged for."""
    items = []
    for g in sorted(groups):
        rows = here[here["work_group"] == g].sort_values("pay_measure")
        parts = []
        for r in rows.itertuples():
            gap, adjusted = w.flag_gap(r)
            how = w.tr("justerad", "adjusted") if adjusted else w.tr("rå", "raw")
            how += "" if r.flagged else w.tr(", ej flaggad", ", not flagged")
            parts.append((r.pay_measure, gap, f" ({how})"))
        if len({p[2] for p in parts}) == 1:  # one basis: say it once
            parts = [(m, gap, "") for m, gap, _ in parts[:-1]] + [parts[-1]]
        flagged = w.join([w.pay_short(m) for m in rows.loc[rows["flagged"], "pay_measure"]])
        items.append(
            w.tr(f"{w.job(g)}, flaggad för {flagged}: ", f"{w.job(g)}, flagged for {flagged}: ")
            + _gaps_said(w, w.gap_words, parts, _SMALL_GROUP)
            + "."
        )
    return items


# why a gap of a manager or public edition is not shown (it is suppressed: DESIGN §5)
_SMALL_GROUP = ("gruppen har för få kvinnor eller män", "the group has too few women or men")
_SMALL_JOBS = ("yrkena har för få kvinnor eller män", "the jobs have too few women or men")


def _gaps_said(
    w: Writer, first: Any, parts: list[tuple[str, float, str]], why: tuple[str, str]
) -> str:
    """A gap said in words on each pay measure: the first in full (``first(gap)``: "kvinnor har
    5,5 % lägre lön än män på grundlön"), the others shortly ("och 5,4 % lägre på månadslön");
    a suppressed gap (NaN) is not quoted: the sentence says it is not shown and why."""
    shown = [p for p in parts if not math.isnan(_float(p[1]))]
    hidden = [p for p in parts if math.isnan(_float(p[1]))]
    said = []
    if shown:
        m0, gap0, how0 = shown[0]
        said.append(f"{first(gap0)} {w.tr('på', 'on')} {w.pay_short(m0)}{how0}")
    for m, gap, how in shown[1:]:
        lower = gap < 0
        word = w.tr("lägre" if lower else "högre", "less" if lower else "more")
        said.append(f"{w.pct(abs(gap))} {word} {w.tr('på', 'on')} {w.pay_short(m)}{how}")
    text = w.join(said)
    if hidden:
        on = w.join([w.pay_short(m) + how for m, _, how in hidden])
        text += ("; " if text else "") + w.tr(
            f"skillnaden på {on} visas inte eftersom {why[0]}",
            f"the gap on {on} is not shown because {why[1]}",
        )
    return text


def _work_units(w: Writer, t: pd.DataFrame) -> list[dict]:
    """The overview's count of flagged comparisons within the units."""
    t = t[(t["unit"] != "") & t["needs_assessment"]]
    n = t.groupby("unit")["work_group"].nunique()
    k = t[t["flagged"]].groupby("unit")["work_group"].nunique()
    if t.empty:  # no units: the organisation is the only one
        return []
    if k.empty:
        return [
            w.text(
                w.tr(
                    "Inom enheterna är ingen jämförelse flaggad.",
                    "Within the units no comparison is flagged.",
                )
            )
        ]
    total, units = int(k.sum()), w.count(len(k), ("enhet", "enheter"), ("unit", "units"))
    rows, groups = unit_rows(w, {u: [w.num(n[u]), w.num(x)] for u, x in sorted(k.items())})
    return [
        w.text(
            w.tr(
                f"Inom enheterna: {w.comparisons(total)} {'flaggad' if total == 1 else 'flaggade'} "
                f"i {units} (se enheternas rapporter).",
                f"Within the units: {w.comparisons(total)} flagged in {units} (see the unit reports).",
            )
        ),
        w.table(
            [
                w.tr("Enhet", "Unit"),
                w.tr("Jämförelser", "Comparisons"),
                w.tr("Flaggade jämförelser", "Flagged comparisons"),
            ],
            rows,
            align=["left", "right", "right"],
            groups=groups,
            caption=w.tr(
                "Flaggade jämförelser inom enheterna (lika arbete)",
                "Flagged comparisons within the units (equal work)",
            ),
            note=w.tr(
                "En jämförelse är en grupp, prövad på grundlön och på månadslön; den räknas en "
                "gång även när den flaggas för båda.",
                "A comparison is a group, tested on base salary and on monthly pay; it counts once "
                "even when flagged for both.",
            ),
        ),
    ]


def equal_value(w: Writer) -> dict:
    ev = w.run.evaluation
    title = w.tr("Likvärdigt arbete", "Work of equal value")
    if ev is None:
        blocks: list[dict] = [
            {
                "type": "notice",
                "tone": "warning",
                "text": w.tr(
                    "Ingen arbetsvärdering är angiven, så likvärdigt arbete och lägre värderat "
                    "arbete med högre lön kunde inte analyseras. Lagen kräver analyserna (DL 3 kap. "
                    "9 § 2–3 p.). Ange arbetsvärderingsfilen (se Metod och inställningar).",
                    "No job evaluation is given, so work of equal value and lower-valued work paid "
                    "more could not be analysed. The law requires them (DL ch. 3 s. 9 p. 2–3). Give "
                    "the job-evaluation file (see Methods and settings).",
                ),
            }
        ]
        for kind in _KINDS:
            blocks += [
                w.heading(_HEADINGS[kind][0 if w.sv else 1]),
                w.text(
                    w.tr(
                        "Kunde inte prövas: ingen arbetsvärdering.",
                        "Not tested: no job evaluation.",
                    )
                ),
            ]
        return w.section(title, blocks)
    blocks = [
        w.text(
            w.tr(
                f"Arbetena är värderade med {model_name(w, ev)} "
                f"i band om {w.num(ev.band_width)} poäng. Ett yrke är kvinnodominerat när minst "
                f"{w.pct(100 * w.run.config.analysis.female_dominated_share, 0)} är kvinnor. Varje "
                "kvinnodominerat yrke jämförs med yrken som inte är kvinnodominerade och har högre "
                "lön: i samma band (likvärdigt arbete, DL 3 kap. 9 § 2 p.) och i lägre band (lägre "
                "värderat arbete med högre lön, 3 p.). Varje par av yrken prövas på grundlön och på "
                "månadslön och räknas som en jämförelse.",
                f"Jobs are evaluated with {model_name(w, ev)} in bands of {w.num(ev.band_width)} "
                "points. A job is female-dominated when at least "
                f"{w.pct(100 * w.run.config.analysis.female_dominated_share, 0)} are women. Each "
                "female-dominated job is compared with jobs that are not female-dominated and are "
                "paid more: in the same band (equal value, DL ch. 3 s. 9 p. 2) and in lower bands "
                "(lower-valued work paid more, p. 3). Each pair of jobs is tested on base salary "
                "and on monthly pay and counts as one comparison.",
            )
        )
    ]
    if w.unit is None:
        blocks += evaluation_blocks(w, ev)
    t = w.value_table()
    if len(t):
        blocks.append(
            _figure(
                w,
                "equal_value.png",
                w.tr(
                    "Kvinnodominerade yrkens lön jämfört med yrken av lika eller lägre värde.",
                    "Pay of female-dominated jobs against jobs of equal or lower value.",
                ),
            )
        )
    everywhere = w.run.tables["equal_value"]
    for kind in _KINDS:
        blocks += _kind(w, t[t["kind"] == kind], everywhere[everywhere["kind"] == kind], kind)
    return w.section(title, blocks)


_HEADINGS = {
    "equal_value": (
        "Kvinnodominerat arbete mot arbete av lika värde",
        "Female-dominated work against work of equal value",
    ),
    "lower_value_higher_pay": (
        "Lägre värderat arbete med högre lön",
        "Lower-valued work paid more",
    ),
}
# The analysis a table of flagged comparisons within the units is about, for its caption.
_KIND_WORDS = {
    "equal_value": ("likvärdigt arbete", "work of equal value"),
    "lower_value_higher_pay": (
        "lägre värderat arbete med högre lön",
        "lower-valued work paid more",
    ),
}
_NONE = {
    "equal_value": (
        "inget kvinnodominerat arbete har lägre lön än ett arbete av lika värde som inte är "
        "kvinnodominerat.",
        "no female-dominated work is paid less than work of equal value that is not "
        "female-dominated.",
    ),
    "lower_value_higher_pay": (
        "inget kvinnodominerat arbete har lägre lön än ett lägre värderat arbete som inte är "
        "kvinnodominerat.",
        "no female-dominated work is paid less than lower-valued work that is not "
        "female-dominated.",
    ),
}


def _kind(w: Writer, t: pd.DataFrame, everywhere: pd.DataFrame, kind: str) -> list[dict]:
    """One analysis of equal value under its own heading: the cases in words and in a table,
    or the sentence that there are none; in the overview also the flagged cases in the units."""
    i = 0 if w.sv else 1
    blocks = [w.heading(_HEADINGS[kind][i])]
    if kind == "lower_value_higher_pay":
        blocks.append(
            w.text(
                w.tr(
                    "Här jämförs varje kvinnodominerat yrke med yrken i lägre värdeband som inte är "
                    "kvinnodominerade men har högre lön (DL 3 kap. 9 § 3 p.).",
                    "Here each female-dominated job is compared with jobs in lower value bands that "
                    "are not female-dominated but are paid more (DL ch. 3 s. 9 p. 3).",
                )
            )
        )
    units = everywhere[everywhere["unit"].fillna("") != ""] if w.unit is None else t.iloc[0:0]
    if t.empty:
        where = w.tr(" i hela organisationen", " across the organisation") if len(units) else ""
        blocks.append(w.text(w.tr(f"Inga fall{where}: ", f"No cases{where}: ") + _NONE[kind][i]))
    else:
        pairs = t.groupby(["female_dominated_job", "comparator_job"], sort=False)
        flagged = [k for k, p in pairs if p["flagged"].any()]
        blocks.append(w.text(_pairs_count(w, pairs.ngroups, len(flagged))))
        if flagged:
            blocks.append(
                {"type": "list", "items": [_pair_words(w, pairs.get_group(k)) for k in flagged]}
            )
        blocks.append(_value_table(w, t, kind))
    if len(units):
        blocks += _value_units(w, units, kind)
    return blocks


def _pairs_count(w: Writer, n: int, k: int) -> str:
    if not k:
        return w.tr(f"{w.comparisons(n)}, ingen flaggad.", f"{w.comparisons(n)}, none flagged.")
    if n == 1:
        return w.tr("1 jämförelse, flaggad:", "1 comparison, flagged:")
    return w.tr(
        f"{w.comparisons(n)}, varav {w.num(k)} {'flaggad' if k == 1 else 'flaggade'}:",
        f"{w.comparisons(n)}, {w.num(k)} of them flagged:",
    )


def _pair_words(w: Writer, p: pd.DataFrame) -> str:
    """A flagged pair of jobs: its gaps in words and the pay measures it is flagged for."""
    p = p.sort_values("pay_measure")
    r = p.iloc[0]
    parts = [(m, gap, "") for m, gap in zip(p["pay_measure"], p["pay_gap_pct"], strict=True)]
    flagged = w.join([w.pay_short(m) for m in p.loc[p["flagged"].astype(bool), "pay_measure"]])
    said = _gaps_said(
        w,
        lambda gap: _job_gap_words(w, r.female_dominated_job, r.comparator_job, gap),
        parts,
        _SMALL_JOBS,
    )
    if all(math.isnan(_float(g)) for g in p["pay_gap_pct"]):  # name the jobs all the same
        said = f"{w.job(r.female_dominated_job)} – {w.job(r.comparator_job)}: {said}"
    return said + w.tr(f"; flaggad för {flagged}.", f"; flagged for {flagged}.")


def _job_gap_words(w: Writer, fd: Any, cmp: Any, gap_pct: Any) -> str:
    """An equal-value gap ``100·(fd − cmp)/cmp`` in words: "Sjuksköterska (201010) har 8,3 %
    lägre lön än Ingenjör (171010)"."""
    v = _float(gap_pct)
    size, a, b = w.pct(abs(v)), w.job(fd), w.job(cmp)
    if math.isnan(v):
        return f"{a} – {b}"
    if v < 0:
        return w.tr(f"{a} har {size} lägre lön än {b}", f"{a} is paid {size} less than {b}")
    return w.tr(f"{a} har {size} högre lön än {b}", f"{a} is paid {size} more than {b}")


def _value_table(w: Writer, t: pd.DataFrame, kind: str) -> dict:
    rows, flags = [], []
    flagged_pairs = t.groupby(["female_dominated_job", "comparator_job"])["flagged"].transform(
        "any"
    )
    order = t.assign(_f=~flagged_pairs).sort_values(
        ["_f", "female_dominated_job", "comparator_job", "pay_measure"]
    )
    for i, r in enumerate(order.itertuples()):
        rows.append(
            [
                w.job(r.female_dominated_job),
                w.job(r.comparator_job),
                f"{w.num(r.value_fd)} / {w.num(r.value_cmp)}",
                w.pay_short(r.pay_measure).capitalize(),
                f"{w.num(r.n_fd)} / {w.num(r.n_cmp)}",
                w.kr(r.mean_pay_fd),
                w.kr(r.mean_pay_cmp),
                w.pct(r.pay_gap_pct),
                w.tr("Ja", "Yes") if r.flagged else "",
            ]
        )
        if r.flagged:
            flags.append(i)
    return w.table(
        [
            w.tr("Kvinnodominerat yrke", "Female-dominated job"),
            w.tr("Jämförs med", "Compared with"),
            w.tr("Poäng", "Points"),
            w.tr("Lönebegrepp", "Pay"),
            w.tr("Antal", "Number"),
            w.tr("Medellön", "Mean pay"),
            w.tr("Medellön jämförelse", "Comparator mean"),
            w.tr("Skillnad", "Gap"),
            w.tr("Flaggad", "Flagged"),
        ],
        rows,
        align=["left", "left", "right", "left", "right", "right", "right", "right", "center"],
        highlight=flags,
        caption=_HEADINGS[kind][0 if w.sv else 1],
        note=w.tr(
            "Poäng och antal: det kvinnodominerade yrket / jämförelseyrket. Skillnad: den "
            "skillnad flaggan bygger på, 100 × (kvinnodominerat − jämförelse) / jämförelse; "
            "negativ när det kvinnodominerade yrket har lägre lön. Månadslön: grundlön med fasta "
            "tillägg.",
            "Points and number: the female-dominated job / the comparator. Gap: the gap the flag "
            "is based on, 100 × (female-dominated − comparator) / comparator; negative when the "
            "female-dominated job is paid less. Monthly pay: base salary with fixed supplements.",
        )
        + _hidden_note(
            w, w.suppressed("equal_value", t, ["mean_pay_fd", "mean_pay_cmp", "pay_gap_pct"])
        ),
    )


def _value_units(w: Writer, units: pd.DataFrame, kind: str) -> list[dict]:
    """The overview's flagged comparisons of one kind within the units."""
    fl = units[units["flagged"].astype(bool)]
    keys = ["unit", "female_dominated_job", "comparator_job"]
    n = len(fl.drop_duplicates(keys))
    if not n:
        return [
            w.text(
                w.tr(
                    "Inom enheterna är ingen jämförelse flaggad.",
                    "Within the units no comparison is flagged.",
                )
            )
        ]
    n_units = fl["unit"].nunique()
    fl = fl.sort_values([*keys, "pay_measure"])
    heading = unit_headings(w)
    rows, groups = grouped(
        (
            heading.get(str(r.unit), str(r.unit)),
            [
                w.job(r.female_dominated_job),
                w.job(r.comparator_job),
                w.pay_short(r.pay_measure).capitalize(),
                f"{w.num(r.n_fd)} / {w.num(r.n_cmp)}",
                w.pct(r.pay_gap_pct),
            ],
        )
        for r in fl.itertuples()
    )
    return [
        w.text(
            w.tr(
                f"Inom enheterna: {w.comparisons(n)} {'flaggad' if n == 1 else 'flaggade'} i "
                f"{w.count(n_units, ('enhet', 'enheter'), ('unit', 'units'))} (se enheternas rapporter).",
                f"Within the units: {w.comparisons(n)} flagged in "
                f"{w.count(n_units, ('enhet', 'enheter'), ('unit', 'units'))} (see the unit reports).",
            )
        ),
        w.table(
            [
                w.tr("Kvinnodominerat yrke", "Female-dominated job"),
                w.tr("Jämförs med", "Compared with"),
                w.tr("Lönebegrepp", "Pay"),
                w.tr("Antal", "Number"),
                w.tr("Skillnad", "Gap"),
            ],
            rows,
            align=["left", "left", "left", "right", "right"],
            groups=groups,
            caption=w.tr(
                f"Flaggade jämförelser inom enheterna ({_KIND_WORDS[kind][0]})",
                f"Flagged comparisons within the units ({_KIND_WORDS[kind][1]})",
            ),
            note=w.suppressed_note(w.suppressed("equal_value", fl, ["pay_gap_pct"])) or None,
        ),
    ]

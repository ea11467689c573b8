"""The job evaluation as the equal-value section shows it: the model in words, the jobs by
value band and the bias checks (see :mod:`payequity.report._equal`)."""

from __future__ import annotations

from typing import Any

from ._sections import Writer, _float
from ._vocabulary import BIAS

__all__ = ["evaluation_blocks", "model_name"]


def evaluation_blocks(w: Writer, ev: Any) -> list[dict]:
    """The overview's job evaluation: the band width's effect, the jobs and the bias risks."""
    blocks: list[dict] = []
    if ev.has_pay:
        sens = ev.sensitivity().set_index("band_width")
        bw = ev.band_width
        n = {k: int(sens.loc[k, "n_pairs"]) for k in (bw / 2, bw, bw * 2)}
        edges = len(ev.edge_pairs)
        blocks.append(
            w.text(
                w.tr(
                    f"Bandbredden avgör vilka yrken som jämförs: med {w.num(bw)} poäng blir det "
                    f"{w.comparisons(n[bw])}, med {w.num(bw / 2)} poäng {w.comparisons(n[bw / 2])} och "
                    f"med {w.num(bw * 2)} poäng {w.comparisons(n[bw * 2])}. "
                    f"{w.num(edges)} par av yrken ligger inom {w.num(ev.tolerance)} poäng från "
                    "varandra på var sin sida om en bandgräns.",
                    f"The band width decides which jobs are compared: at {w.num(bw)} points there "
                    f"{'is' if n[bw] == 1 else 'are'} {w.comparisons(n[bw])}, at {w.num(bw / 2)} "
                    f"points {w.comparisons(n[bw / 2])} and at {w.num(bw * 2)} points "
                    f"{w.comparisons(n[bw * 2])}. {w.count(edges, ('par', 'par'), ('pair', 'pairs'))} "
                    f"of jobs {'lies' if edges == 1 else 'lie'} within {w.num(ev.tolerance)} points "
                    "of each other across a band edge.",
                )
            )
        )
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
        for r in ev.table.sort_values(["points", "job_code"]).itertuples()
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
                w.tr("Risker för könsbias i värderingen", "Risks of gender bias in the evaluation")
            )
        )
        blocks.append({"type": "list", "items": [_bias_check(w, r) for r in flagged.itertuples()]})
    return blocks


def model_name(w: Writer, ev: Any) -> str:
    if ev.job_model is None:
        return w.tr("externa poäng", "external points")
    if ev.job_model.name in ("eige_2026_default", "default"):
        return w.tr(
            "standardmodellen efter EU:s jämställdhetsinstitut EIGE (2026: fyra faktorer, 14 "
            "delfaktorer)",
            "the default model after the European Institute for Gender Equality, EIGE (2026: "
            "four factors, 14 sub-factors)",
        )
    return w.tr(f"modellen {ev.job_model.name}", f"the {ev.job_model.name} model")


def _bias_check(w: Writer, r: Any) -> str:
    """A flagged bias check of the job evaluation in the report's language."""
    value, thr = _float(r.value), _float(r.threshold)
    pair = BIAS.get(str(r.check))
    if pair is None:
        return str(r.message)
    return w.tr(*pair).format(
        job=w.job(r.subject),
        subject=r.subject,
        value=w.num(value),
        value1=w.num(value, 1),
        value2=w.num(value, 2),
        thr=w.num(thr),
        thr1=w.num(thr, 1),
        pct=w.pct(100 * value, 0),
    )

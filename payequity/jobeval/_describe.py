"""A job evaluation in words: what ``payequity validate`` and ``run`` print about it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._evaluate import JobEvaluation

__all__ = ["describe"]


def describe(ev: JobEvaluation) -> str:
    """Jobs, bands, gender-dominated jobs, band-edge pairs, sensitivity and the bias checks."""
    t = ev.table
    fd = int(t["female_dominated"].fillna(False).astype(bool).sum())
    md = int(t["male_dominated"].fillna(False).astype(bool).sum())
    lines = [
        f"job evaluation ({ev.job_model.name if ev.job_model else 'external points'}): "
        f"{len(t)} jobs in {t['band'].nunique()} bands of {ev.band_width:g} points; "
        f"{fd} female-dominated, {md} male-dominated; {len(ev.edge_pairs)} pairs within "
        f"{ev.tolerance:g} points of each other across a band edge"
    ]
    if len(ev.unevaluated):
        lines.append(
            f"  jobs in the pay data without evaluation: {', '.join(ev.unevaluated['job_code'])}"
        )
    if ev.not_in_data:
        lines.append(f"  evaluated jobs nobody in the pay data holds: {', '.join(ev.not_in_data)}")
    if ev.has_pay:
        sens = ev.sensitivity().set_index("band_width")
        w = ev.band_width
        lines.append(
            f"  comparisons of female-dominated jobs: {int(sens.loc[w, 'n_pairs'])} at band width "
            f"{w:g}; {int(sens.loc[w / 2, 'n_pairs'])} at {w / 2:g}, "
            f"{int(sens.loc[w * 2, 'n_pairs'])} at {w * 2:g}"
        )
    flagged = ev.flagged_checks
    lines.append(f"  bias checks: {len(flagged)} flagged of {len(ev.checks)}")
    lines += [f"    {r['check']}: {r['message']}" for _, r in flagged.iterrows()]
    weighting = ev.checks[ev.checks["check"] == "weighting_test"]
    if len(weighting) and not weighting["flagged"].iloc[0]:
        lines.append(f"    weighting_test: {weighting['message'].iloc[0]}")
    return "\n".join(lines)

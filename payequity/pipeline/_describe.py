"""Runs in words: what the ``payequity`` command prints, built from the result objects.

The CLI prints these texts and nothing of its own: :meth:`SurveyRun.describe`,
:meth:`Validation.describe` and :meth:`ReviewRun.describe` (``payequity review``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import SurveyConfig, load_config
from ..io import PayData, load_survey
from ._steps import evaluation_for, require_rows

if TYPE_CHECKING:
    from ..jobeval import JobEvaluation
    from ._run import SurveyRun
    from ._steps import SurveyResults

__all__ = ["Validation", "describe_evaluation", "describe_run", "validate"]


def describe_evaluation(ev: JobEvaluation | None) -> str:
    """The job evaluation in a few lines, or why there is none."""
    if ev is None:
        return (
            "job evaluation: none configured (job_evaluation.path); the equal-value analysis "
            "needs one"
        )
    return ev.describe()


def describe_run(run: SurveyRun) -> str:
    """What ``payequity run`` prints: data, job evaluation, flags, actions, files written."""
    f = run.data.frame
    units = [w for w in run.written if w.startswith("pdf/units/")]
    shown = [w for w in run.written if not w.startswith("pdf/units/")]
    if units:
        shown.append(f"{len(units)} unit PDFs in pdf/units/")
    audience = run.manifest["audience"]
    if run.editions:  # --audience all: the hr edition's story, then each folder
        audience = "all (" + ", ".join(f"{a}/" for a in run.editions) + " side by side)"
        counts = {a: len(e.written) for a, e in run.editions.items()}
        shown = [f"{a}/ ({n} files)" for a, n in counts.items()]
    lines = [
        f"{run.config.survey.organisation} {run.manifest['year']}, audience {audience}",
        run.data.describe(examples=0),
        f"{int((f['gender'] == 'F').sum())} women and {int((f['gender'] == 'M').sum())} men "
        f"in {f[run.data.unit_column].nunique()} units and {f['job_code'].nunique()} jobs",
        describe_evaluation(run.evaluation),
        _survey_text(run.results),
        _actions_text(run.results, run.manifest.get("suppression")),
        f"wrote {', '.join(shown)} to {run.out_dir}",
    ]
    from ._letters import overdue_requests

    today = dt.date.fromisoformat(str(run.manifest["created_at"])[:10])
    lines += [f"warning: {w}" for w in overdue_requests(run.config, run.out_dir, today)]
    return "\n".join(lines)


def _survey_text(results: SurveyResults) -> str:
    """The flags of the three legal analyses, in a few lines (organisation, then unit counts)."""
    ew = results.equal_work
    t = ew.table
    unit_flags = sum(int(r.table["flagged"].sum()) for r in results.equal_work_by_unit.values())
    lines = [
        f"equal work: {int(t['needs_assessment'].sum())} groups × pay measures need assessment "
        f"organisation-wide, {len(ew.flagged)} flagged; {unit_flags} flagged within units"
    ]
    if ew.settings.get("controls_absent"):
        lines.append(f"  controls not in the data: {', '.join(ew.settings['controls_absent'])}")
    for _, r in ew.flagged.iterrows():
        if r["flag_rule"] == "regression":
            how = f"adjusted gap {r['adjusted_gap_pct']:+.1f} % (BH p = {r['p_adjusted']:.2g})"
        else:
            pct = r["women_pct_of_men"]
            share = "not shown: small group" if pct != pct else f"{pct:.1f} %"
            how = f"women's pay as % of men's {share} (n = {r['n_women']}+{r['n_men']})"
        lines.append(f"  FLAG {r['work_group']} ({r['pay_measure']}): {how}")
    ev = results.equal_value
    if ev is None:
        lines.append("equal value: not run (no job evaluation configured)")
    else:
        lines.append(
            f"equal value: {len(ev.table)} pairs organisation-wide, {len(ev.flagged)} flagged"
        )
        for _, r in ev.flagged.iterrows():
            lines.append(
                f"  FLAG {r['female_dominated_job']} vs {r['comparator_job']} ({r['kind']}, "
                f"{r['pay_measure']}): {r['pay_gap_pct']:+.1f} %"
            )
    og = results.org_gap
    if og.note:
        lines.append(f"organisation-wide gap: {og.note}")
    else:
        a, o = og.adjusted, og.oaxaca
        lines.append(
            f"organisation-wide (monthly pay): raw mean gap {og.raw_mean_gap_pct:+.1f} %, "
            f"median {og.raw_median_gap_pct:+.1f} %; adjusted {a.gap_pct:+.2f} % "
            f"(95 % CI {a.ci_low:+.2f} to {a.ci_high:+.2f}, p = {a.p_value:.2g}); "
            f"Oaxaca ({o.weights}): explained {o.explained:+.4f}, unexplained "
            f"{o.unexplained:+.4f} of {o.gap:+.4f} log points"
        )
    eu = results.eu
    a = eu.table[(eu.table["indicator"] == "a") & (eu.table["pay_level"] == "hourly")]
    c = eu.table[(eu.table["indicator"] == "c") & (eu.table["pay_level"] == "hourly")]
    if len(a) and len(c):
        lines.append(
            f"EU Art. 9 (men − women, % of men, hourly): mean gap {a['value'].iloc[0]:.1f} %, "
            f"median gap {c['value'].iloc[0]:.1f} %" + (f"; {eu.reason}" if eu.reason else "")
        )
    return "\n".join(lines)


def _actions_text(results: SurveyResults, facts: dict | None = None) -> str:
    """Explanations, plan, follow-up and documentation in a few lines; ``facts``: the
    manifest's suppression (manager and public editions)."""
    a, plan = results.explanations, results.action_plan
    t = a.table[a.table["item_kind"] != "person"]
    flagged = t[t["flagged"].astype(bool)]
    status = flagged["status"].value_counts()
    lines = [
        f"explanations: {len(flagged)} flagged items; "
        + ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in status.items())
        + f"; {int((t['source'] == 'automatic').sum())} unflagged assessed automatically"
    ]
    m = plan.measures
    cost = f"{plan.cost_yearly:,.0f}".replace(",", " ")
    first, last = (
        (int(plan.table["year"].min()), int(plan.table["year"].max())) if len(m) else (0, 0)
    )
    paid = f"in {first}" if first == last else f"{first}–{last}"
    when = f"; paid {paid}, due by {int(m['due_year'].max())}" if len(m) else ""
    if facts is None:
        lines.append(
            f"action plan: {len(m)} measures ({int((m['kind'] == 'person').sum())} people, "
            f"{int((m['kind'] == 'equal_value').sum())} jobs), {cost} kr a year with "
            f"{100 * plan.overhead:g} % overhead{when}"
        )
    else:
        pm = facts["hidden_measures"]["total"]
        shown = plan.table.drop_duplicates("measure_id")
        shown = shown[shown["cost_yearly"].notna()]
        rest = "not shown" if pm["cost_yearly"] is None else _kr(pm["cost_yearly"]) + " kr a year"
        lines.append(
            f"action plan (this edition): {len(shown)} group measure(s) with amounts, "
            f"{_kr(shown['cost_yearly'].sum())} kr a year; measures for individuals and small "
            f"groups ({pm['n_people']} people): {rest}; with {100 * plan.overhead:g} % "
            f"overhead{when}"
        )
    fu = results.follow_up
    if fu is not None:
        lines.append(
            "follow-up of last year's plan: "
            + (", ".join(f"{n} {k}" for k, n in fu.counts.items()) or "no measures")
        )
    else:
        lines.append("follow-up: no plan of last year in the archive")
    h, doc = results.headcount, results.documentation
    lines.append(
        f"documentation: {h['n']} employees at 1 January, tier {h['tier']}; "
        + ("complete" if doc.complete else "missing or incomplete: " + ", ".join(doc.missing))
    )
    art10 = results.art10
    if art10 is not None and art10.triggered:
        lines.append(
            f"EU Art. 10 joint pay assessment triggered for: {', '.join(art10.categories)}"
        )
    lines += [f"warning: {w}" for w in results.action_warnings]
    return "\n".join(lines)


def _kr(x: float) -> str:
    return f"{x:,.0f}".replace(",", " ")


def _registers_text(cfg: SurveyConfig) -> str:
    """The registers beside survey.toml, read as the run reads them: rows and warnings."""
    from ..actions import load_explanations, load_rules_and_practice, load_samverkan

    a, lines = cfg.actions, []
    reg = load_explanations(a.explanations, explicit=cfg.is_explicit("actions.explanations"))
    lines.append(f"explanations: {len(reg.table)} rows")
    warnings = list(reg.warnings)
    for name, load in (
        ("rules_and_practice", load_rules_and_practice),
        ("samverkan", load_samverkan),
    ):
        rows, w = load(getattr(a, name), explicit=cfg.is_explicit(f"actions.{name}"))
        lines.append(f"{name}: {len(rows)} rows")
        warnings += w
    r = cfg.review
    if r.criteria is not None:  # the salary review's inputs, read as `payequity review` reads them
        from ..review import load_criteria, load_ratings

        criteria = load_criteria(r.criteria)
        lines.append(
            f"salary criteria: {len(criteria.criteria)} criteria, scale "
            f"{criteria.scale_min}–{criteria.scale_max}"
        )
        if r.ratings is not None:
            ratings, w = load_ratings(r.ratings, criteria)
            lines.append(f"ratings: {len(ratings)} employees")
            warnings += w
    return "\n".join(lines + [f"warning: {w}" for w in warnings])


@dataclass(frozen=True)
class Validation:
    """What ``payequity validate`` found: the data, the job evaluation, the registers read."""

    config: SurveyConfig
    data: PayData
    evaluation: Any
    registers: str

    @property
    def rows_excluded(self) -> int:
        return self.data.provenance.rows_excluded

    def describe(self) -> str:
        """The job evaluation and the registers in words (the data: ``data.describe()``)."""
        return describe_evaluation(self.evaluation) + "\n" + self.registers


def validate(config: SurveyConfig | str | Path, data: PayData | None = None) -> Validation:
    """Read everything the yearly run reads, write nothing; errors as the run would raise them.

    Parameters
    ----------
    config : SurveyConfig or path
    data : PayData, optional
        The pay data already loaded from this config (the CLI prints it before checking on).

    Examples
    --------
    >>> from payequity.pipeline import validate
    >>> v = validate("data/sample/survey.toml")
    >>> v.data.provenance.rows_read, v.rows_excluded, v.evaluation is not None
    (4000, 0, True)
    """
    cfg = config if isinstance(config, SurveyConfig) else load_config(config)
    data = require_rows(data if data is not None else load_survey(cfg))
    evaluation = evaluation_for(cfg, data)
    registers = _registers_text(cfg)  # a broken register stops here, as it would stop the run
    from ._letters import overdue_requests
    from ._run import resolve_timestamp

    late = overdue_requests(cfg, today=resolve_timestamp(None).date())
    registers += "".join(f"\nwarning: {w}" for w in late)
    return Validation(cfg, data, evaluation, registers)

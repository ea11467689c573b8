"""The yearly run's actions step: registers, assessment, plan, follow-up, documentation.

Called by :func:`payequity.pipeline.run` after the survey. Reads the registers beside
survey.toml (never writes them), last year's plan and snapshot from the archive, and returns the
result objects and the data files of DESIGN §7 (``action_plan.csv``, ``follow_up.csv``) plus
``explanations.csv``, ``rules_and_practice.csv`` and ``samverkan.csv`` (each register as used:
copy it beside survey.toml to start from), ``remediation_curve.csv`` (the optimiser's
cost against the remaining gap), ``year_over_year.csv``, ``documentation.csv`` and ``art10.csv``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd

from ..actions import (
    Evidence,
    ExplanationRegister,
    action_plan,
    art10_trigger,
    assess,
    comparison_of,
    documentation_checklist,
    documentation_tier,
    follow_up,
    gaps_after,
    headcount_january,
    load_explanations,
    load_rules_and_practice,
    load_samverkan,
    optimise_remediation,
    rules_template,
    year_over_year,
)
from ..config import SurveyConfig
from ..exceptions import PayEquityError
from ..io import PayData
from ..privacy import pseudonymise_ids, pseudonymise_measures, pseudonymises
from ..review import plan_funding
from ._files import work_tables

__all__ = ["actions_step", "action_tables", "archive_extras", "register_inputs"]

SNAPSHOT_COLUMNS = [
    "employee_id",
    "job_code",
    "unit",
    "gender",
    "fte",
    "base_salary",
    "monthly_pay",
]


def actions_step(
    cfg: SurveyConfig,
    data: PayData,
    evaluation: Any,
    results: dict[str, Any],
    *,
    year: int,
    created: dt.datetime,
    archives: list[Path],
) -> dict[str, Any]:
    """Everything after the survey; ``archives`` are the archive folders to look for last year
    in (the run's own first)."""
    a = cfg.actions
    language = cfg.survey.language
    explicit = cfg.is_explicit
    register = load_explanations(a.explanations, explicit=explicit("actions.explanations"))
    assessment = assess(
        [results["equal_work"], results["equal_work_by_unit"]],
        [results.get("equal_value"), results.get("equal_value_by_unit")],
        register,
        target=a.target,
        language=language,
    )
    last = _last_year(archives, year)
    previous_plan = _read_csv(last / "data" / "action_plan.csv") if last else None
    plan = action_plan(
        assessment,
        data,
        year=year,
        overhead=a.overhead,
        yearly_budget=a.yearly_budget,
        previous=previous_plan,
        evaluation=evaluation,
        reference_date=cfg.survey.reference_date,
        first_date=_first_date(cfg),
        responsible=a.responsible,
        language=language,
    )
    remediation = _remediation(assessment, data, a.overhead)
    followed = None
    snapshot = last / "snapshot.csv" if last else None
    if previous_plan is not None and snapshot is not None and snapshot.is_file():
        followed = follow_up(previous_plan, snapshot, data, year=year, overhead=a.overhead)
    rules, rules_warn = load_rules_and_practice(
        a.rules_and_practice, explicit=explicit("actions.rules_and_practice")
    )
    samverkan, samverkan_warn = load_samverkan(a.samverkan, explicit=explicit("actions.samverkan"))
    art10 = _art10(cfg, results.get("eu"), register, created)
    n, headcount_note = headcount_january(data, year, override=a.headcount)
    tier = documentation_tier(n)
    evidence = _evidence(cfg, evaluation, assessment, plan, followed, last, rules, samverkan, art10)
    checklist = documentation_checklist(tier, evidence)
    history = year_over_year(
        _history_archive(archives, year),
        year=year,
        current={
            "org_gap": results["org_gap"],
            "equal_work": results["equal_work"].table,
            "equal_value": getattr(results.get("equal_value"), "table", None),
            "action_plan": plan.table,
        },
    )
    warnings = assessment.warnings + plan.warnings + rules_warn + samverkan_warn
    if previous_plan is not None and followed is None:
        warnings.append(
            f"{last}: last year's plan has no snapshot.csv beside it, so it cannot be followed up"
        )
    return {
        "explanations": assessment,
        "explanation_register": register,
        "action_plan": plan,
        "remediation": remediation,
        "follow_up": followed,
        "year_over_year": history,
        "rules_and_practice": rules,
        "samverkan": samverkan,
        "art10": art10,
        "headcount": {"n": n, "note": headcount_note, "tier": tier},
        "documentation": checklist,
        "action_warnings": warnings,
        "previous_archive": last,
        "plan_funding": _funding(cfg, data, plan, warnings),
        "plan_effect": gaps_after(assessment, plan, data, work_tables(results)),
    }


def _funding(cfg: SurveyConfig, data: PayData, plan: Any, warnings: list[str]) -> Any:
    """The salary review's reserve against the plan's first step (None without a review pot)."""
    r = cfg.review
    if r.pot_pct is None and r.pot_per_head is None:
        return None
    try:
        return plan_funding(
            data,
            plan.table,
            share=r.action_plan_share,
            pot_pct=r.pot_pct,
            pot_per_head=r.pot_per_head,
            pot_unit=r.pot_unit,
            criteria=r.criteria,
            effective_date=r.effective_date,
        )
    except PayEquityError as exc:
        warnings.append(f"the salary review's reserve for the plan could not be worked out: {exc}")
        return None


def _first_date(cfg: SurveyConfig) -> dt.date | None:
    """``actions.first_date``, else the salary review's effective date when it is after the
    reference date (the plan's first step is paid at that review), else None (1 April after)."""
    if cfg.actions.first_date is not None:
        return cfg.actions.first_date
    review = cfg.review.effective_date
    if review is not None and review > cfg.survey.reference_date:
        return review
    return None


def _remediation(assessment: Any, data: PayData, overhead: float) -> Any:
    """The cheapest raises closing the organisation's equal-work gaps that need action (base
    salary, raw gap to 0 %), for the cost-vs-remaining-gap curve; None when none needs action."""
    t = assessment.table
    act = t[
        (t["item_kind"] == "equal_work")
        & (t["unit"] == "")
        & t["needs_action"].astype(bool)
        & (t["pay_measure"] == "base_salary")
    ]
    if act.empty:
        return None
    return optimise_remediation(data, groups=sorted(act["group"]), overhead=overhead)


def _history_archive(archives: list[Path], year: int) -> Path:
    """The first archive holding any earlier year (a trial run's own archive may hold none)."""
    for base in archives:
        if base.is_dir() and any(p.name.isdigit() and int(p.name) < year for p in base.iterdir()):
            return base
    return archives[0]


def _last_year(archives: list[Path], year: int) -> Path | None:
    for base in archives:
        folder = base / str(year - 1)
        if (folder / "data").is_dir():
            return folder
    return None


def _read_csv(path: Path) -> pd.DataFrame | None:
    if not path.is_file():
        return None
    try:
        return pd.read_csv(
            path,
            dtype={"employee_id": str, "job_code": str, "comparator_job": str, "unit": str},
            keep_default_na=False,
        )
    except (OSError, ValueError, pd.errors.ParserError) as exc:
        raise PayEquityError(f"{path}: cannot read last year's plan ({exc}); restore it") from None


def _art10(cfg: SurveyConfig, eu: Any, register: ExplanationRegister, created: dt.datetime):
    if eu is None or not (eu.table["indicator"] == "g").any():
        return None
    return art10_trigger(
        eu, register.table, reporting_date=cfg.analysis.reporting_date, as_of=created.date()
    )


def _evidence(cfg, evaluation, assessment, plan, followed, last, rules, samverkan, art10):
    t = assessment.table
    items = t[(t["item_kind"] != "person") & t["flagged"].astype(bool)]
    # a group or pair tested on both pay measures is one comparison, as the reports count it
    groups = (
        items.assign(open=items["status"] == "unexplained")
        .groupby(comparison_of(items))[["open", "needs_action"]]
        .any()
    )
    return Evidence(
        equal_work_done=True,
        equal_value_done=evaluation is not None,
        equal_value_reason=""
        if evaluation is not None
        else ("ingen arbetsvärdering" if cfg.survey.language == "sv" else "no job evaluation"),
        n_flagged=len(groups),
        n_flagged_unassessed=int(groups["open"].sum()),
        n_needing_action=int(groups["needs_action"].astype(bool).sum()),
        n_measures=len(plan.measures),
        plan_cost_yearly=plan.cost_yearly,
        max_due_ok=bool((plan.measures["due_year"] <= plan.measures["first_found_year"] + 3).all())
        if len(plan.measures)
        else True,
        follow_up=followed.counts if followed is not None else None,
        previous_year_archived=last is not None,
        rules_rows=len(rules),
        rules_unassessed=int((rules["gender_neutral"] == "").sum()) if len(rules) else 0,
        samverkan_rows=len(samverkan),
        samverkan_incomplete=int(
            ((samverkan["date"] == "") | (samverkan["participants"] == "")).sum()
        )
        if len(samverkan)
        else 0,
        eu_directive=bool(cfg.analysis.eu_directive),
        currency=str(cfg.data.currency),
        art10_triggered=tuple(art10.categories)
        if art10 is not None and art10.reporting_date is not None
        else None,
    )


def action_tables(state: Any, audience: str, key: str | None) -> dict[str, pd.DataFrame]:
    """The data files of the actions step by name, ids pseudonymised for the union."""
    from ..actions import RULES_FIELDS, SAMVERKAN_FIELDS

    hide = pseudonymises(audience) and key is not None

    def ids(frame: pd.DataFrame, *cols: str) -> pd.DataFrame:
        return pseudonymise_measures(frame, key, cols) if hide else frame

    tables: dict[str, pd.DataFrame] = {}
    t = state["explanations"].table.copy()
    if hide:
        person = t["item_kind"] == "person"
        t.loc[person, "item_key"] = pseudonymise_ids(t.loc[person, "item_key"], key)
    tables["explanations"] = t
    tables["action_plan"] = ids(state["action_plan"].table, "employee_id")
    if state["follow_up"] is not None:
        tables["follow_up"] = ids(state["follow_up"].table, "employee_id")
    if state["remediation"] is not None:
        tables["remediation_curve"] = state["remediation"].curve()
    tables["year_over_year"] = state["year_over_year"].table
    rules = state["rules_and_practice"]
    if rules.empty:  # the template to start from
        rules = rules_template("sv")
    tables["rules_and_practice"] = _register_frame(rules, RULES_FIELDS)
    tables["samverkan"] = _register_frame(state["samverkan"], SAMVERKAN_FIELDS)
    tables["documentation"] = state["documentation"].table
    if state["art10"] is not None:
        tables["art10"] = state["art10"].table
    return tables


def _register_frame(frame: pd.DataFrame, fields: list[Any]) -> pd.DataFrame:
    """A register in the form people edit: the fields first, no ``source_row``."""
    names = [f.name for f in fields]
    extra = [c for c in frame.columns if c not in [*names, "source_row"]]
    return frame.reindex(columns=names + extra)


def register_inputs(cfg: SurveyConfig, state: dict[str, Any]) -> list[dict[str, Any]]:
    """The registers the run read, for the manifest's inputs (F-I3: every input hashed)."""
    from ..io import file_sha256

    rows = {
        "explanations": len(state["explanation_register"].table),
        "samverkan": len(state["samverkan"]),
        "rules_and_practice": len(state["rules_and_practice"]),
    }
    out = []
    for name, n in rows.items():
        path = getattr(cfg.actions, name)
        if path is not None and Path(path).is_file():
            out.append(
                {
                    "path": Path(path),
                    "sha256": file_sha256(Path(path)),
                    "rows_read": n,
                    "rows_kept": n,
                    "rows_excluded": 0,
                }
            )
    return out


def archive_extras(cfg: SurveyConfig, data: PayData, csv_bytes: Any) -> dict[str, bytes]:
    """What next year's run needs beyond data/: the pay snapshot and the registers as read."""
    frame = data.frame.copy()
    frame["unit"] = frame[data.unit_column].astype(str)
    files = {"snapshot.csv": csv_bytes(frame[[c for c in SNAPSHOT_COLUMNS if c in frame]])}
    for name in ("explanations", "samverkan", "rules_and_practice"):
        path = getattr(cfg.actions, name)
        if path is not None and Path(path).is_file():
            files[f"registers/{Path(path).name}"] = Path(path).read_bytes()
    return files

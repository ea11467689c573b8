"""The yearly run as named steps: each a function with typed inputs and outputs.

:data:`SURVEY_STEPS` lists them in order. A step names the earlier outputs it needs and the
outputs it gives; :func:`run_steps` calls each in turn, times it and reports it to the progress
bar. The outputs become :class:`SurveyResults`, whose fields are typed and which reads like the
dict by name it replaces (``results["equal_work"]``).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import pandas as pd

from ..actions import (
    ActionPlan,
    Assessment,
    DocumentationResult,
    ExplanationRegister,
    FollowUpResult,
    RemediationResult,
    YearOverYear,
)
from ..config import SurveyConfig
from ..exceptions import ConfigError, DataFileError
from ..io import PayData, load_survey
from ..jobeval import JobEvaluation, evaluate_jobs
from ..survey import (
    PAY_MEASURES,
    DecompositionResult,
    EqualValueResult,
    EqualWorkResult,
    GapResult,
    IndicatorResult,
    OrgGapResult,
    equal_value,
    equal_work,
    eu_indicators,
    org_gap,
)
from ._actions import actions_step

__all__ = [
    "RunContext",
    "Step",
    "SURVEY_STEPS",
    "SurveyResults",
    "equal_work_options",
    "evaluation_for",
    "require_rows",
    "run_steps",
    "timed",
]


@dataclass(frozen=True)
class RunContext:
    """What every step may read: the config and the run's settings."""

    config: SurveyConfig
    audience: str
    key: str | None
    year: int
    created: dt.datetime
    out_dir: Path
    archive_dir: Path  # <archive>/<year>
    archives: tuple[Path, ...]  # where last year's plan is looked for, the run's own first


@dataclass(frozen=True)
class Step:
    """One named step: ``run(ctx, *needs) -> gives`` (a tuple when it gives several)."""

    name: str
    run: Callable[..., Any]
    needs: tuple[str, ...]
    gives: tuple[str, ...]


def require_rows(data: PayData) -> PayData:
    """The data, or a DataFileError when no row survived loading (the previous output is kept)."""
    p = data.provenance
    if p.rows_kept == 0:
        reasons = ", ".join(f"{k} {v}" for k, v in data.exclusion_counts().head(3).items())
        raise DataFileError(
            f"{p.file}: no usable rows ({p.rows_read} read"
            + (f", all excluded: {reasons}" if reasons else "")
            + "); fix the data or the mapping (payequity validate) — the previous output is kept"
        )
    return data


def evaluation_for(cfg: SurveyConfig, data: PayData) -> JobEvaluation | None:
    """The job evaluation the config names, or None when it names none."""
    je = cfg.job_evaluation
    if je.path is None:
        return None
    a = cfg.analysis
    model = je.model
    if model.lower().endswith(".toml"):  # a model file resolves like every other path
        model = str((cfg.base_dir / model).resolve())
    return evaluate_jobs(
        je.path,
        model=model,
        data=data,
        band_width=je.band_width,
        tolerance=je.tolerance,
        female_dominated_share=a.female_dominated_share,
        inclusive=a.female_dominated_inclusive,
        male_dominated_share=a.male_dominated_share,
        weight_floor=je.weight_floor,
    )


def load_step(ctx: RunContext) -> PayData:
    return require_rows(load_survey(ctx.config))


def evaluation_step(ctx: RunContext, data: PayData) -> JobEvaluation | None:
    return evaluation_for(ctx.config, data)


def equal_work_options(cfg: SurveyConfig) -> dict[str, Any]:
    """The ``[analysis]`` settings of :func:`~payequity.survey.equal_work`."""
    a = cfg.analysis
    return dict(
        controls=a.controls,
        min_per_gender=a.min_per_gender,
        fdr=a.fdr,
        gap_threshold=a.gap_threshold,
        person_threshold=a.person_threshold,
        cov_type=a.cov_type,
    )


def equal_work_step(
    ctx: RunContext, data: PayData
) -> tuple[EqualWorkResult, dict[str, EqualWorkResult]]:
    kw = dict(pay=list(PAY_MEASURES), **equal_work_options(ctx.config))
    return equal_work(data, **kw), equal_work(data, by="unit", **kw)


def equal_value_step(
    ctx: RunContext, data: PayData, evaluation: JobEvaluation | None
) -> tuple[EqualValueResult | None, dict[str, EqualValueResult]]:
    if evaluation is None:
        return None, {}
    kw = dict(pay=list(PAY_MEASURES), gap_threshold=ctx.config.analysis.gap_threshold)
    return equal_value(data, evaluation, **kw), equal_value(data, evaluation, by="unit", **kw)


def eu_step(ctx: RunContext, data: PayData, evaluation: JobEvaluation | None) -> IndicatorResult:
    """Art. 9 indicators; without a job evaluation, 'band' categories cannot exist: no (g)."""
    cfg = ctx.config
    categories = cfg.analysis.categories
    if categories == "band" and evaluation is None:
        categories = None
    elif categories != "band" and categories not in data.frame.columns:
        import difflib

        close = difflib.get_close_matches(categories, [str(c) for c in data.frame.columns], n=1)
        where = f"{cfg.path}: " if cfg.path else ""
        raise ConfigError(
            f"{where}analysis.categories = {categories!r} is not a column of the pay data"
            + (f"; did you mean {close[0]!r}?" if close else "; use 'band' or a column name")
        )
    return eu_indicators(
        data,
        evaluation=evaluation,
        categories=categories,
        quartile_ties=cfg.analysis.quartile_ties,
    )


def org_gap_step(ctx: RunContext, data: PayData) -> OrgGapResult:
    """DESIGN §5: monthly pay, log; controls plus C(work_group); Oaxaca on the same, pooled."""
    a = ctx.config.analysis
    return org_gap(
        data,
        controls=a.controls,
        cov_type=a.cov_type,
        bootstrap_reps=a.bootstrap_reps,
        seed=a.seed,
    )


def actions_of_step(
    ctx: RunContext,
    data: PayData,
    evaluation: JobEvaluation | None,
    equal_work: EqualWorkResult,
    equal_work_by_unit: dict[str, EqualWorkResult],
    equal_value: EqualValueResult | None,
    equal_value_by_unit: dict[str, EqualValueResult],
    eu: IndicatorResult,
    org_gap: OrgGapResult,
) -> dict[str, Any]:
    survey = {
        "equal_work": equal_work,
        "equal_work_by_unit": equal_work_by_unit,
        "equal_value": equal_value,
        "equal_value_by_unit": equal_value_by_unit,
        "eu": eu,
        "org_gap": org_gap,
    }
    return actions_step(
        ctx.config,
        data,
        evaluation,
        survey,
        year=ctx.year,
        created=ctx.created,
        archives=list(ctx.archives),
    )


_SURVEY = ("equal_work", "equal_work_by_unit", "equal_value", "equal_value_by_unit", "eu")
SURVEY_STEPS: tuple[Step, ...] = (
    Step("load data", load_step, (), ("data",)),
    Step("job evaluation", evaluation_step, ("data",), ("evaluation",)),
    Step("equal work", equal_work_step, ("data",), ("equal_work", "equal_work_by_unit")),
    Step(
        "equal value",
        equal_value_step,
        ("data", "evaluation"),
        ("equal_value", "equal_value_by_unit"),
    ),
    Step("EU indicators", eu_step, ("data", "evaluation"), ("eu",)),
    Step("organisation-wide gap", org_gap_step, ("data",), ("org_gap",)),
    Step("actions", actions_of_step, ("data", "evaluation", *_SURVEY, "org_gap"), ("actions",)),
)


@contextmanager
def timed(timings: dict[str, float], name: str) -> Iterator[None]:
    """``with timed(timings, name):`` records the block's seconds as ``timings[name]``."""
    start = time.perf_counter()
    yield
    timings[name] = time.perf_counter() - start


def run_steps(
    steps: tuple[Step, ...],
    ctx: RunContext,
    state: dict[str, Any],
    timings: dict[str, float],
    bar: Any = None,
) -> None:
    """Run each step on ``state`` (outputs added by name), timing it and updating ``bar``."""
    for step in steps:
        if bar is not None:
            bar.set_postfix_str(step.name)
        with timed(timings, step.name):
            out = step.run(ctx, *(state[n] for n in step.needs))
        if len(step.gives) == 1:
            state[step.gives[0]] = out
        else:
            state.update(zip(step.gives, out, strict=True))
        if bar is not None:
            bar.update()


@dataclass(frozen=True, eq=False)
class SurveyResults(Mapping):
    """The result objects of one run, typed; reads like a dict by name too.

    The survey: ``equal_work`` and ``equal_value`` (organisation) with ``*_by_unit`` (dict by
    unit), ``eu``, ``org_gap`` (and its parts ``adjusted_gap`` and ``oaxaca``). The actions:
    the assessed ``explanations`` and the ``explanation_register`` as read, ``action_plan``,
    ``remediation``, ``follow_up`` (None without last year's plan), ``year_over_year``, the
    ``rules_and_practice`` and ``samverkan`` registers, ``art10``, ``headcount``,
    ``documentation``, ``action_warnings`` and the ``previous_archive`` folder.
    """

    equal_work: EqualWorkResult
    equal_work_by_unit: dict[str, EqualWorkResult]
    equal_value: EqualValueResult | None
    equal_value_by_unit: dict[str, EqualValueResult]
    eu: IndicatorResult
    org_gap: OrgGapResult
    explanations: Assessment
    explanation_register: ExplanationRegister
    action_plan: ActionPlan
    remediation: RemediationResult | None
    follow_up: FollowUpResult | None
    year_over_year: YearOverYear
    rules_and_practice: pd.DataFrame
    samverkan: pd.DataFrame
    art10: Any
    headcount: dict[str, Any]
    documentation: DocumentationResult
    action_warnings: list[str]
    previous_archive: Path | None
    plan_funding: pd.DataFrame | None = None
    plan_effect: pd.DataFrame | None = None

    @property
    def adjusted_gap(self) -> GapResult | None:
        """The organisation-wide adjusted gap (None when it could not be estimated)."""
        return self.org_gap.adjusted

    @property
    def oaxaca(self) -> DecompositionResult | None:
        """The organisation-wide Oaxaca–Blinder decomposition (None when not estimated)."""
        return self.org_gap.oaxaca

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> SurveyResults:
        names = {f.name for f in fields(cls)}
        values = {k: v for k, v in state.items() if k in names}
        values |= {k: v for k, v in state["actions"].items() if k in names}
        return cls(**values)

    def _names(self) -> list[str]:
        return [f.name for f in fields(self)] + ["adjusted_gap", "oaxaca"]

    def __getitem__(self, name: str) -> Any:
        if name not in self._names():
            raise KeyError(name)
        return getattr(self, name)

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __len__(self) -> int:
        return len(self._names())

    def __repr__(self) -> str:
        return f"<SurveyResults {', '.join(self._names())}>"

"""payequity: salary review and pay-equity analysis (lönekartläggning).

Load pay data, apply job evaluation, run the yearly pay survey for unjustified gender gaps and
render reports. See the README for the quick start.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .actions import (
    ActionPlan,
    FollowUpResult,
    RemediationResult,
    action_plan,
    assess,
    follow_up,
    load_explanations,
    optimise_remediation,
    year_over_year,
)
from .config import SurveyConfig, load_config
from .exceptions import PayEquityError
from .io import PayData, load_pay_data, load_survey
from .jobeval import JobEvaluation, JobModel, evaluate_jobs, load_job_model
from .pipeline import SurveyRun, run
from .report import render_overview, render_unit, write_workbook
from .review import ReviewResult, load_criteria, load_ratings, salary_review
from .survey import (
    DecompositionResult,
    EqualValueResult,
    EqualWorkResult,
    GapResult,
    IndicatorResult,
    LogibResult,
    StandardizedResult,
    adjusted_gap,
    decompose,
    equal_value,
    equal_work,
    eu_indicators,
    logib,
    standardized_ratio,
)

try:
    __version__ = version("payequity")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"


def __getattr__(name: str):  # datasets is imported on first use, keeping `import payequity` light
    if name == "datasets":
        import importlib

        return importlib.import_module(".datasets", __name__)
    raise AttributeError(f"module 'payequity' has no attribute {name!r}")


__all__ = [
    "ActionPlan",
    "FollowUpResult",
    "RemediationResult",
    "action_plan",
    "assess",
    "follow_up",
    "load_explanations",
    "optimise_remediation",
    "year_over_year",
    "DecompositionResult",
    "EqualValueResult",
    "EqualWorkResult",
    "GapResult",
    "LogibResult",
    "IndicatorResult",
    "StandardizedResult",
    "JobEvaluation",
    "JobModel",
    "PayData",
    "PayEquityError",
    "SurveyConfig",
    "SurveyRun",
    "__version__",
    "adjusted_gap",
    "datasets",
    "decompose",
    "equal_value",
    "equal_work",
    "eu_indicators",
    "evaluate_jobs",
    "load_job_model",
    "load_config",
    "load_pay_data",
    "load_survey",
    "logib",
    "run",
    "standardized_ratio",
    "render_overview",
    "render_unit",
    "write_workbook",
    "ReviewResult",
    "load_criteria",
    "load_ratings",
    "salary_review",
]

"""payequity: salary review and pay-equity analysis (lönekartläggning).

Load pay data, apply job evaluation, run the yearly pay survey for unjustified gender gaps and
render reports. See the README for the quick start.
"""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError, version

_EXPORTS = {  # public name → the subpackage that defines it, imported on first use
    "action_plan": "actions",
    "ActionPlan": "actions",
    "adjusted_gap": "survey",
    "assess": "actions",
    "decompose": "survey",
    "DecompositionResult": "survey",
    "equal_value": "survey",
    "equal_work": "survey",
    "EqualValueResult": "survey",
    "EqualWorkResult": "survey",
    "eu_indicators": "survey",
    "evaluate_jobs": "jobeval",
    "follow_up": "actions",
    "FollowUpResult": "actions",
    "GapResult": "survey",
    "IndicatorResult": "survey",
    "JobEvaluation": "jobeval",
    "JobModel": "jobeval",
    "load_config": "config",
    "load_criteria": "review",
    "load_explanations": "actions",
    "load_job_model": "jobeval",
    "load_pay_data": "io",
    "load_ratings": "review",
    "load_survey": "io",
    "logib": "survey",
    "LogibResult": "survey",
    "optimise_remediation": "actions",
    "PayData": "io",
    "PayEquityError": "exceptions",
    "RemediationResult": "actions",
    "render_overview": "report",
    "render_unit": "report",
    "ReviewResult": "review",
    "run": "pipeline",
    "salary_review": "review",
    "standardized_ratio": "survey",
    "StandardizedResult": "survey",
    "SurveyConfig": "config",
    "SurveyRun": "pipeline",
    "write_workbook": "report",
    "year_over_year": "actions",
}

try:
    __version__ = version("payequity")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"


def __getattr__(name: str):
    """The public names are imported on first use, so `import payequity` and `payequity
    --help` do not load pandas, statsmodels and typst before they are needed."""
    if name == "datasets":
        return importlib.import_module(".datasets", __name__)
    if name in _EXPORTS:
        value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'payequity' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


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

"""Job evaluation (arbetsvärdering): job values, equal-value bands, gender composition, bias checks.

In: a job-evaluation file (one row per job, or per job and evaluator: the 14 sub-factor levels
of a factor model, or external points — DESIGN §3.2), a factor model (:func:`load_job_model`:
the EIGE 2026 default, equal weights, or your TOML), and optionally the pay data. Out: a
:class:`JobEvaluation` — points per job and factor, bands of equal value, head count and share
of women per job (female- and male-dominated), pairs near a band edge, band-width sensitivity
and the bias checks (ILO weighting test, weight floors, evaluators). The survey's equal-value
analysis and the EU categories of workers build on it.
"""

from __future__ import annotations

from ._evaluate import JobEvaluation, assign_bands, equal_value_pairs, evaluate_jobs
from ._model import CRITERIA, Factor, JobModel, SubFactor, load_job_model, model_from_dict

__all__ = [
    "CRITERIA",
    "Factor",
    "JobEvaluation",
    "JobModel",
    "SubFactor",
    "assign_bands",
    "equal_value_pairs",
    "evaluate_jobs",
    "load_job_model",
    "model_from_dict",
]

"""Job evaluation (arbetsvärdering): job values, equal-value bands, gender composition, bias checks."""

from __future__ import annotations

from ._evaluate import (
    JobEvaluation,
    assign_bands,
    equal_value_pairs,
    evaluate_jobs,
)

__all__ = [
    "JobEvaluation",
    "evaluate_jobs",
    "assign_bands",
    "equal_value_pairs",
]

"""The salary review (löneöversyn): shared salary criteria, ratings, the pot, the merit matrix,
and the gender check of the proposal before pay is set (job-evaluation.md §3–§4)."""

from __future__ import annotations

from ._review import (
    REVIEW_COLUMNS,
    SUMMARY_COLUMNS,
    MeritMatrix,
    PotError,
    ReviewResult,
    load_criteria,
    load_ratings,
    salary_review,
)

__all__ = [
    "salary_review",
    "ReviewResult",
    "load_criteria",
    "load_ratings",
    "MeritMatrix",
    "PotError",
    "REVIEW_COLUMNS",
    "SUMMARY_COLUMNS",
]

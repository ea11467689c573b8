"""The salary review (löneöversyn): shared salary criteria, ratings, the pot, the merit matrix,
and the gender check of the proposal before pay is set (job-evaluation.md §3–§4).

In: :class:`~payequity.io.PayData`, the criteria (TOML) and the managers' ratings (or their own
proposed salaries), a pot per unit, optionally the job evaluation, the explanations register and
last year's action plan. Out: one :class:`ReviewResult` — the proposed raises, each unit's pot
met to the krona, the gender check (flags, raises and ratings by gender, spread, the survey
recomputed on the proposed salaries) and ``.apply()``, the pay data after the review. Nothing is
written here: ``payequity.pipeline.run_review`` writes the ``review/`` folder.
"""

from __future__ import annotations

from ._checks import CHECK_LABELS, GENDER_COLUMNS
from ._criteria import Criteria, Criterion, load_criteria, load_ratings, overall_rating
from ._funding import plan_funding
from ._merit import MeritMatrix, PotError
from ._review import REVIEW_COLUMNS, SUMMARY_COLUMNS, ReviewResult, salary_review
from ._stages import plan_steps

__all__ = [
    "CHECK_LABELS",
    "GENDER_COLUMNS",
    "REVIEW_COLUMNS",
    "SUMMARY_COLUMNS",
    "Criteria",
    "Criterion",
    "MeritMatrix",
    "PotError",
    "ReviewResult",
    "load_criteria",
    "load_ratings",
    "overall_rating",
    "plan_funding",
    "plan_steps",
    "salary_review",
]

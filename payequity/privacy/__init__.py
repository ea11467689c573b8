"""Privacy: who may see what (DESIGN §5).

In: an audience (``hr``, ``union``, ``manager``, ``public``), the pseudonym key, and the tables
a run is about to write. Out: the rules each box applies before anything leaves the machine —
whether an audience gets person-level rows (hr and union only), whether ids are pseudonymised
(union), whether a key is needed (every audience but hr) — and the tables rewritten that way:
exclusions, people, the plan's person measures and the notes that name them; for manager and
public, the aggregates with small cells suppressed (:func:`aggregate_tables`). What a letter or
pay-talk statement holds is decided here too; ``report`` renders it.
"""

from __future__ import annotations

from ._aggregate import (
    PERSON_FILES,
    SMALL_TEXT,
    AudienceTables,
    aggregate_tables,
    job_counts,
    mask_free_text,
)
from ._audiences import (
    AUDIENCES,
    PERSON_LEVEL_AUDIENCES,
    bound_by_confidentiality,
    check_audience,
    needs_key,
    pseudonymise_exclusions,
    pseudonymise_ids,
    pseudonymise_measures,
    pseudonymises,
    sees_people,
)
from ._letters import (
    REGISTER_COLUMNS,
    REGISTER_STATUSES,
    Art7Figures,
    Category,
    Employment,
    Letter,
    OwnPay,
    categories_of,
    deadline,
    letter_for,
    overdue,
    own_pay,
    update_register,
)
from ._review import REVIEW_AGGREGATES, review_tables
from ._statements import (
    PayRange,
    Proposal,
    Rating,
    Statement,
    StatementJob,
    pay_range,
    statement_for,
)
from ._suppress import MIN_MEDIAN, MIN_PERCENTILE, Suppression, complement, suppress_equal_work

__all__ = [
    "REGISTER_COLUMNS",
    "REGISTER_STATUSES",
    "Art7Figures",
    "Category",
    "Employment",
    "Letter",
    "OwnPay",
    "PayRange",
    "Proposal",
    "Rating",
    "Statement",
    "StatementJob",
    "categories_of",
    "deadline",
    "letter_for",
    "overdue",
    "own_pay",
    "pay_range",
    "statement_for",
    "update_register",
    "AUDIENCES",
    "MIN_MEDIAN",
    "MIN_PERCENTILE",
    "AudienceTables",
    "PERSON_FILES",
    "SMALL_TEXT",
    "aggregate_tables",
    "mask_free_text",
    "REVIEW_AGGREGATES",
    "review_tables",
    "complement",
    "job_counts",
    "Suppression",
    "suppress_equal_work",
    "PERSON_LEVEL_AUDIENCES",
    "bound_by_confidentiality",
    "check_audience",
    "needs_key",
    "pseudonymise_exclusions",
    "pseudonymise_ids",
    "pseudonymise_measures",
    "pseudonymises",
    "sees_people",
]

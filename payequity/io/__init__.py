"""Loading pay data: read, map, validate and account for every row (DESIGN §3.1)."""

from __future__ import annotations

from ._load import (
    EXCLUSION_REASONS,
    PayData,
    Provenance,
    load_pay_data,
    load_survey,
)

__all__ = [
    "PayData",
    "Provenance",
    "load_pay_data",
    "load_survey",
    "EXCLUSION_REASONS",
]

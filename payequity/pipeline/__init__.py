"""The yearly run end to end: config → data → analyses → files (DESIGN §7)."""

from __future__ import annotations

from ._run import (
    ONLY_PARTS,
    SurveyRun,
    resolve_timestamp,
    run,
)

__all__ = [
    "SurveyRun",
    "run",
    "resolve_timestamp",
    "ONLY_PARTS",
]

"""The pay survey (lönekartläggning): the analyses DL 3:9 requires, as result objects."""

from __future__ import annotations

from ._analyses import (
    EQUAL_VALUE_COLUMNS,
    EQUAL_WORK_COLUMNS,
    PAY_MEASURES,
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

__all__ = [
    "EqualValueResult",
    "EqualWorkResult",
    "equal_value",
    "equal_work",
    "DecompositionResult",
    "EQUAL_VALUE_COLUMNS",
    "EQUAL_WORK_COLUMNS",
    "GapResult",
    "IndicatorResult",
    "LogibResult",
    "PAY_MEASURES",
    "StandardizedResult",
    "adjusted_gap",
    "decompose",
    "eu_indicators",
    "logib",
    "standardized_ratio",
]

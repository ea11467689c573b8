"""The pay survey (lönekartläggning): the analyses DL 3:9 and the EU directive ask for.

In: :class:`~payequity.io.PayData` (and a :class:`~payequity.jobeval.JobEvaluation` for equal
value and the EU categories). Out: one frozen result object per analysis — ``.table`` (tidy,
full precision), ``.summary()``, ``.plot()``, ``.model`` — and ``by="unit"`` a dict of them:
equal work per work group, equal value between female-dominated jobs and their comparators,
the adjusted gap, Logib, Oaxaca–Blinder, the organisation-wide gap of the yearly run, the EU
Art. 9 indicators and standardvägning. Pure functions: nothing is written, nothing printed.

``frame_and_unit``, ``check_people``, ``check_pay_measures`` and ``resolve_controls`` are the
checks every analysis makes first, public for the boxes below (the optimiser uses them).
"""

from __future__ import annotations

from ._analyses import (
    EQUAL_VALUE_COLUMNS,
    EQUAL_WORK_COLUMNS,
    EqualValueResult,
    EqualWorkResult,
    adjusted_gap,
    decompose,
    equal_value,
    equal_work,
    eu_indicators,
    standardized_ratio,
)
from ._eu import IndicatorResult, pay_levels
from ._gap import GapResult, LogibResult, logib
from ._inputs import (
    COV_TYPES,
    DEFAULT_CONTROLS,
    PAY_MEASURES,
    check_pay_measures,
    check_people,
    frame_and_unit,
    resolve_controls,
)
from ._oaxaca import DecompositionResult
from ._orggap import OrgGapResult, org_gap
from ._standard import StandardizedResult

__all__ = [
    "COV_TYPES",
    "DEFAULT_CONTROLS",
    "DecompositionResult",
    "EQUAL_VALUE_COLUMNS",
    "EQUAL_WORK_COLUMNS",
    "EqualValueResult",
    "EqualWorkResult",
    "GapResult",
    "IndicatorResult",
    "pay_levels",
    "LogibResult",
    "OrgGapResult",
    "PAY_MEASURES",
    "StandardizedResult",
    "adjusted_gap",
    "check_pay_measures",
    "check_people",
    "decompose",
    "equal_value",
    "equal_work",
    "eu_indicators",
    "frame_and_unit",
    "logib",
    "org_gap",
    "resolve_controls",
    "standardized_ratio",
]

"""What every analysis of the survey checks first: the frame, the pay measures, the people, the controls.

Public to the boxes below the survey (the optimiser in ``actions`` prepares its data the same way).
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd

from .._validation import require_gender_codes
from ..exceptions import SchemaError

if TYPE_CHECKING:
    from ..io import PayData

__all__ = [
    "COV_TYPES",
    "DEFAULT_CONTROLS",
    "PAY_MEASURES",
    "check_pay_measures",
    "check_people",
    "frame_and_unit",
    "resolve_controls",
]

PAY_MEASURES = ("base_salary", "monthly_pay")
COV_TYPES = ("nonrobust", "HC0", "HC1", "HC2", "HC3")
DEFAULT_CONTROLS = ("tenure_years", "age")


def frame_and_unit(data: PayData | pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """The frame of PayData (or a DataFrame as it is) and the name of its unit column.

    Text columns come as NumPy object arrays: the analyses split the frame into hundreds of
    groups, and every Arrow-backed string column copied to NumPy per group cost more than the
    arithmetic (a quarter of a 50 000-employee survey).
    """
    frame = data.frame if hasattr(data, "frame") else data
    unit = (
        data.unit_column
        if hasattr(data, "frame")
        else ("unit_path" if "unit_path" in data.columns else "unit")
    )
    text = [c for c, t in frame.dtypes.items() if isinstance(t, pd.StringDtype)]
    if text:
        frame = frame.astype(dict.fromkeys(text, object))
    return frame, unit


def check_pay_measures(pay: str | Sequence[str], frame: pd.DataFrame) -> list[str]:
    """The pay measures asked for, each a numeric column with positive values (else SchemaError)."""
    pays = [pay] if isinstance(pay, str) else list(pay)
    for p in pays:
        if p not in frame.columns:
            raise SchemaError(f"pay measure {p!r} is not a column; use one of {list(PAY_MEASURES)}")
        if not pd.api.types.is_numeric_dtype(frame[p]):
            raise SchemaError(f"pay measure {p!r} is not numeric; use one of {list(PAY_MEASURES)}")
        if (frame[p] <= 0).any() or frame[p].isna().any():
            raise SchemaError(
                f"pay measure {p!r} has values ≤ 0 or missing; load data with load_pay_data"
            )
    return pays


def check_people(frame: pd.DataFrame, columns: list[str]) -> None:
    """Each column present and filled in, gender coded F/M (else SchemaError)."""
    for col in columns:
        if col not in frame.columns:
            raise SchemaError(f"the pay data has no {col!r} column; load it with load_pay_data")
        missing = int(frame[col].isna().sum() + (frame[col].astype(str) == "").sum())
        if missing:
            raise SchemaError(f"{col!r} is missing in {missing} rows; fill it in or drop the rows")
    require_gender_codes(frame)


def resolve_controls(
    frame: pd.DataFrame, controls: str | Sequence[str] | None
) -> tuple[pd.DataFrame, list[str], list[str]]:
    """The controls present; a text column is dummy-coded against its most common value."""
    if controls is None:
        wanted = list(DEFAULT_CONTROLS)
    else:
        wanted = [controls] if isinstance(controls, str) else list(controls)
    # controls the data lacks are left out and named (DESIGN §4: those present are used)
    missing = []
    for c in (c for c in wanted if c not in frame.columns):
        close = difflib.get_close_matches(c, [str(x) for x in frame.columns], n=1)
        missing.append(c + (f" (did you mean {close[0]}?)" if close else ""))
    used, extra = [], {}
    for c in (c for c in wanted if c in frame.columns):
        col = frame[c]
        if pd.api.types.is_numeric_dtype(col) and not pd.api.types.is_bool_dtype(col):
            used.append(c)
            continue
        levels = col.astype(str).value_counts().index.tolist()
        for level in levels[1:]:  # the most common level is the base
            name = f"{c}={level}"
            extra[name] = (col.astype(str) == level).astype(float)
            used.append(name)
    if extra:
        frame = frame.assign(**extra)
    return frame, used, missing

"""Checks shared by the analyses: one place, one message."""

from __future__ import annotations

import pandas as pd

from .exceptions import SchemaError


def require_gender_codes(frame: pd.DataFrame, where: str = "the pay data") -> None:
    """Refuse gender codes other than F and M, rather than dropping or miscounting those rows.

    Examples
    --------
    >>> require_gender_codes(pd.DataFrame({"gender": ["F", "K"]}))
    Traceback (most recent call last):
    ...
    payequity.exceptions.SchemaError: gender in the pay data holds ['K'], not F/M; load it with load_pay_data and map the codes (values={'gender': {...}})
    """
    if "gender" not in frame.columns:
        raise SchemaError(f"{where} has no 'gender' column; load it with load_pay_data")
    odd = sorted(set(frame["gender"].astype(str)) - {"F", "M"})
    if odd:
        raise SchemaError(
            f"gender in {where} holds {odd[:3]}, not F/M; load it with load_pay_data and map "
            "the codes (values={'gender': {...}})"
        )

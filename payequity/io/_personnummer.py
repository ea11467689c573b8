"""Swedish personal identity numbers (personnummer, samordningsnummer): detect and mask.

A token is 10 or 12 digits, optionally with ``-`` or ``+`` before the last four, whose date part
is a valid date (the day may be +60 for a samordningsnummer). No checksum is required: a mistyped
number is still personal data.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

MASK = "[personnummer]"
_SEP = (
    "[-+\u2010\u2011\u2012\u2013\u2014\u2212]?"  # hyphen, plus, and the dashes of word processors
)
_TOKEN = re.compile(rf"(?<!\d)((?:\d{{2}})?\d{{6}}){_SEP}(\d{{4}})(?!\d)")
_ANY = rf"(?<!\d)(?:\d{{2}})?\d{{6}}{_SEP}\d{{4}}(?!\d)"
_WHOLE = re.compile(rf"\s*((?:\d{{2}})?\d{{6}}){_SEP}(\d{{4}})\s*")


def _valid_date(digits: str) -> bool:
    if len(digits) == 8:
        year, rest = int(digits[:4]), digits[4:]
    else:
        year, rest = 2000 + int(digits[:2]), digits[2:]  # century is irrelevant for validity
    month, day = int(rest[:2]), int(rest[2:])
    if day > 60:
        day -= 60
    try:
        dt.date(year if year > 0 else 2000, month, day)
    except ValueError:
        return False
    return True


def is_personnummer(value: object) -> bool:
    """True when the whole value is a personnummer or samordningsnummer.

    Examples
    --------
    >>> is_personnummer("19800101-1234"), is_personnummer("800101+1234"), is_personnummer("100001")
    (True, True, False)
    """
    m = _WHOLE.fullmatch(_as_text(value))
    return bool(m) and _valid_date(m.group(1))


def _as_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None or (isinstance(value, float) and value != value) else str(value)


def share_personnummer(values: pd.Series) -> float:
    """Share of the non-empty values of a column that are personnummer."""
    from ._read import as_text

    text = as_text(values)
    text = text[text != ""]
    if text.empty:
        return 0.0
    candidates = text[text.str.fullmatch(_WHOLE.pattern)]
    if candidates.empty:
        return 0.0
    return float(candidates.map(is_personnummer).sum()) / len(text)


def mask_text(value: str) -> tuple[str, int]:
    """Replace every personnummer token inside ``value``; return the text and the count."""
    count = 0

    def repl(m: re.Match[str]) -> str:
        nonlocal count
        if _valid_date(m.group(1)):
            count += 1
            return MASK
        return m.group(0)

    return _TOKEN.sub(repl, value), count


def contains_personnummer(values: pd.Series) -> pd.Series:
    """Boolean mask: which string values contain at least one personnummer token."""
    text = values.astype("string").fillna("")
    maybe = text.str.contains(_ANY, regex=True)
    out = pd.Series(False, index=values.index)
    if maybe.any():
        out[maybe] = text[maybe].map(lambda v: mask_text(v)[1] > 0)
    return out

"""Numbers the Swedish way for what people read: "32 500 kr", "96,4 %" (English on request)."""

from __future__ import annotations

import math

NBSP = "\u00a0"


def fmt_number(value: float, decimals: int = 0, language: str = "sv") -> str:
    """Group thousands and set the decimal mark for the language.

    Examples
    --------
    >>> fmt_number(32500), fmt_number(1234.5, 1), fmt_number(1234.5, 1, "en")
    ('32\\xa0500', '1\\xa0234,5', '1,234.5')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if round(value, decimals) == 0:  # no "−0,0"
        value = 0.0
    text = f"{value:,.{decimals}f}"
    if language == "sv":
        text = text.replace(",", NBSP).replace(".", ",")
    return text.replace("-", "−")


def fmt_kr(value: float, decimals: int = 0, language: str = "sv", currency: str = "SEK") -> str:
    """Money: "32 500 kr" in Swedish, "SEK 32,500" in English."""
    number = fmt_number(value, decimals, language)
    if number == "–":
        return number
    if language == "sv":
        return f"{number}{NBSP}{'kr' if currency == 'SEK' else currency}"
    return f"{currency} {number}"


def fmt_pct(value: float, decimals: int = 1, language: str = "sv") -> str:
    """A 0–100 percentage: "96,4 %" in Swedish, "96.4%" in English."""
    number = fmt_number(value, decimals, language)
    if number == "–":
        return number
    return f"{number}{NBSP}%" if language == "sv" else f"{number}%"

"""Loading pay data: read, map, validate and account for every row (DESIGN §3.1).

In: a payroll export (CSV, XLSX or Parquet) and the survey.toml's column and value mapping.
Out: :class:`PayData` — the canonical frame, every excluded row with its reason, warnings and
provenance (``rows_read == rows_kept + rows_excluded``). Personnummer never pass this box: a
column of them is dropped, an id column of them becomes keyed pseudonyms.

The table readers (``read_table``, ``parse_numbers``, ``parse_dates`` …) are public too: every
box that reads a file a person edits (job evaluation, registers, ratings) reads it through them.
"""

from __future__ import annotations

from ._load import EXCLUSION_REASONS, PayData, Provenance, load_pay_data, load_survey
from ._read import (
    RawTable,
    as_text,
    blank,
    detect_decimal,
    file_sha256,
    header_delimiter,
    parse_dates,
    parse_flags,
    parse_numbers,
    plain_text,
    read_table,
)

__all__ = [
    "EXCLUSION_REASONS",
    "mask_personnummer",
    "PayData",
    "Provenance",
    "load_pay_data",
    "load_survey",
    "RawTable",
    "as_text",
    "blank",
    "detect_decimal",
    "file_sha256",
    "header_delimiter",
    "parse_dates",
    "parse_flags",
    "parse_numbers",
    "plain_text",
    "read_table",
]


def mask_personnummer(text: str) -> tuple[str, int]:
    """``text`` with every personnummer-shaped token (a valid date part) replaced by
    ``[personnummer]``, and how many were replaced.

    Examples
    --------
    >>> mask_personnummer("Anna, 19800101-1234, har längre erfarenhet")
    ('Anna, [personnummer], har längre erfarenhet', 1)
    """
    from ._personnummer import mask_text

    return mask_text(text)

"""The audiences of a run and what each may see (DESIGN §5).

hr sees everything under its own ids; the union sees person-level rows under keyed pseudonyms
(and is bound by tystnadsplikt, MBL 21 §); manager and public get aggregates only, which needs
small-cell suppression (:mod:`._aggregate`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from .._pseudonym import pseudonym
from ..actions import measure_key
from ..config import AUDIENCES
from ..exceptions import ConfigError

__all__ = [
    "AUDIENCES",
    "bound_by_confidentiality",
    "PERSON_LEVEL_AUDIENCES",
    "check_audience",
    "needs_key",
    "pseudonymise_exclusions",
    "pseudonymise_ids",
    "pseudonymise_measures",
    "pseudonymises",
    "sees_people",
]

PERSON_LEVEL_AUDIENCES = ("hr", "union")  # the only audiences that get rows about persons
_PERSON_MEASURE = re.compile(r"(\d{4}-person-)([^\s,;()]+)")


def check_audience(audience: str) -> str:
    """The audience if a run can be made for it; else a ConfigError saying what to do.

    Examples
    --------
    >>> check_audience("union")
    'union'
    """
    if audience not in AUDIENCES:
        raise ConfigError(
            f"audience {audience!r} is not one of {', '.join(AUDIENCES)}; fix report.audience "
            "or --audience"
        )
    return audience


def sees_people(audience: str) -> bool:
    """Whether the audience gets person-level rows (exclusions, people, person measures)."""
    return audience in PERSON_LEVEL_AUDIENCES


def pseudonymises(audience: str) -> bool:
    """Whether employee ids are replaced by keyed pseudonyms for the audience (the union)."""
    return audience == "union"


def bound_by_confidentiality(audience: str) -> bool:
    """Whether the audience's documents carry the tystnadsplikt notice (MBL 21 §): the union."""
    return audience == "union"


def needs_key(audience: str) -> bool:
    """Whether output for the audience needs the pseudonym key (every audience but hr)."""
    return audience != "hr"


def pseudonymise_ids(values: pd.Series, key: str) -> pd.Series:
    """Each id as its keyed pseudonym; empty cells stay empty.

    Examples
    --------
    >>> pseudonymise_ids(pd.Series(["100123", ""]), "secret").tolist()
    ['bd38c43bb049', '']
    """
    return values.map(lambda v: pseudonym(str(v), key) if str(v) else "")


def pseudonymise_exclusions(
    exclusions: pd.DataFrame, key: str, id_columns: Iterable[str] = ()
) -> pd.DataFrame:
    """``exclusions.csv`` for the union: ids pseudonymised, also where an id is the bad value.

    ``id_columns`` are the source columns that hold ids (the manager id column): their values
    are ids too.
    """
    excl = exclusions.copy()
    # ids also stand in `value` where the id cell itself was the problem
    is_id = (excl["value"] == excl["employee_id"]) & (excl["value"] != "")
    is_id |= excl["column"].isin(list(id_columns))
    excl.loc[is_id, "value"] = excl.loc[is_id, "value"].map(lambda v: pseudonym(v, key))
    excl["employee_id"] = excl["employee_id"].map(lambda v: pseudonym(v, key))
    return excl


def pseudonymise_measures(frame: pd.DataFrame, key: str, id_columns: Iterable[str]) -> pd.DataFrame:
    """A plan-like table for the union: ids, person measure ids and the notes naming them."""
    frame = frame.copy()
    for c in id_columns:
        frame[c] = pseudonymise_ids(frame[c], key)
    if "measure_id" in frame.columns:
        frame["measure_id"] = frame["measure_id"].map(lambda m: _pseudo_measure(m, key))
    if "note" in frame.columns:  # notes name linked measures by id
        frame["note"] = frame["note"].map(
            lambda t: _PERSON_MEASURE.sub(lambda m: m[1] + pseudonym(m[2], key), str(t))
        )
    return frame


def _pseudo_measure(measure_id: str, key: str) -> str:
    """``<year>-person-<id>`` → ``<year>-person-<pseudonym>``; other measures as they are."""
    year, kind, rest = measure_key(measure_id)
    return f"{year}-{kind}-{pseudonym(rest, key)}" if kind == "person" else measure_id

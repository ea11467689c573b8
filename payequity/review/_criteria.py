"""Shared salary criteria (lönekriterier) as data, and the managers' ratings against them.

The catalogue is a TOML file (``review.criteria``; format in ``docs/dev/review-contract.md``):
a rating scale, the criteria with descriptions and weights, criteria for managers only, who takes
part (eligibility as a rule, job-evaluation.md §3.3) and optionally the merit matrix. Ratings
are one row per employee and one column per criterion (``review.ratings``, CSV or XLSX). A
person's overall rating is the weighted mean over the criteria that apply to them and were
rated, the weights normalised; the matrix row is that score rounded half up to a level.
"""

from __future__ import annotations

import difflib
import math
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..exceptions import ConfigError, DataFileError, SchemaError
from ..io import as_text, header_delimiter, read_table
from ._merit import MeritMatrix

__all__ = ["Criterion", "Criteria", "load_criteria", "load_ratings", "overall_rating"]

_APPLIES = ("all", "managers", "staff")
_ID = re.compile(r"[a-z][a-z0-9_]*")
_EMPLOYEE_HEADERS = ("employee_id", "anst.nr", "anstnr", "anställningsnummer", "id")


@dataclass(frozen=True)
class Criterion:
    """One salary criterion."""

    id: str
    name: str
    weight: float
    applies_to: str = "all"
    description: str = ""
    name_en: str = ""
    description_en: str = ""

    def applies(self, is_manager: bool) -> bool:
        """Whether the criterion applies to a manager (True) or to other staff (False)."""
        return self.applies_to == "all" or (self.applies_to == "managers") == is_manager


@dataclass(frozen=True)
class Criteria:
    """A catalogue of salary criteria, its rating scale, eligibility rule and merit matrix.

    Examples
    --------
    >>> c = load_criteria({"scale": {"min": 1, "max": 4, "expected": 2},
    ...                    "criterion": [{"id": "results", "name": "Resultat", "weight": 1}]})
    >>> c.ids, c.levels
    (['results'], [1, 2, 3, 4])
    """

    criteria: tuple[Criterion, ...]
    scale_min: int = 1
    scale_max: int = 4
    expected: int = 2
    labels: tuple[str, ...] = ()
    labels_en: tuple[str, ...] = ()
    eligibility: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    matrix: MeritMatrix | None = None
    source: str = "<mapping>"

    @property
    def ids(self) -> list[str]:
        return [c.id for c in self.criteria]

    @property
    def levels(self) -> list[int]:
        return list(range(self.scale_min, self.scale_max + 1))

    def label(self, level: int, language: str = "sv") -> str:
        """The level's label in the language, or the number when the scale has none."""
        labels = self.labels_en if language == "en" and self.labels_en else self.labels
        i = int(level) - self.scale_min
        return labels[i] if 0 <= i < len(labels) else str(level)

    def as_records(self) -> list[dict[str, Any]]:
        """The criteria as plain dicts (id, name, name_en, description, description_en, weight,
        applies_to)."""
        keys = ("id", "name", "name_en", "description", "description_en", "weight", "applies_to")
        return [{k: getattr(c, k) for k in keys} for c in self.criteria]


def read_toml(path: Path, key: str) -> dict[str, Any]:
    """A TOML file named by ``key`` in survey.toml; a missing or broken file stops with the fix."""
    if not path.is_file():
        raise ConfigError(f"{path}: no such file; correct {key} in survey.toml")
    try:
        return tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc}); fix the file") from None


def read_cells(source: str | Path | pd.DataFrame, key: str) -> tuple[str, pd.DataFrame]:
    """The cells of a CSV/XLSX input named by ``key`` (or a DataFrame), indexed by sheet row
    (header = row 1), and the name to use in messages."""
    if isinstance(source, pd.DataFrame):
        cells = source.astype(object).where(source.notna(), "")
        return key.split(".")[-1], cells.set_axis(range(2, len(cells) + 2))
    path = Path(source)
    if not path.is_file():
        raise DataFileError(f"{path}: no such file; correct {key} in survey.toml")
    return str(path), read_table(path, key=key, delimiter=header_delimiter(path)).cells


def load_criteria(source: str | Path | Mapping[str, Any] | Criteria) -> Criteria:
    """Read a criteria catalogue from a TOML file or an equivalent mapping.

    Parameters
    ----------
    source : path, mapping or Criteria
        The ``review.criteria`` file.

    Returns
    -------
    Criteria

    Raises
    ------
    ConfigError
        With the file, the key and the fix, for anything the catalogue cannot hold.

    Examples
    --------
    >>> spec = {"scale": {"min": 1, "max": 4, "expected": 2},
    ...         "criterion": [{"id": "results", "name": "Resultat", "weight": 2},
    ...                       {"id": "leadership", "name": "Ledarskap", "weight": 1,
    ...                        "applies_to": "managers"}]}
    >>> [c.id for c in load_criteria(spec).criteria if c.applies(False)]
    ['results']
    """
    if isinstance(source, Criteria):
        return source
    if isinstance(source, Mapping):
        spec, where = source, "criteria"
    else:
        where = str(source)
        spec = read_toml(Path(source), "review.criteria")
    unknown = sorted(set(spec) - {"scale", "criterion", "eligibility", "matrix"})
    if unknown:
        raise ConfigError(
            f"{where}: unknown table [{unknown[0]}]; use [scale], [[criterion]], [eligibility] "
            "and [matrix]"
        )
    scale = _scale(spec.get("scale", {}), where)
    items = spec.get("criterion")
    if not isinstance(items, list) or not items:
        raise ConfigError(f"{where}: no [[criterion]]; add at least one with id, name and weight")
    criteria = tuple(
        _criterion(item, f"{where}: criterion {i + 1}") for i, item in enumerate(items)
    )
    seen: set[str] = set()
    for c in criteria:
        if c.id in seen:
            raise ConfigError(f"{where}: criterion id {c.id!r} appears twice; give each its own id")
        seen.add(c.id)
    for manager in (False, True):
        if not any(c.applies(manager) for c in criteria):
            who = "managers" if manager else "staff"
            raise ConfigError(f'{where}: no criterion applies to {who}; set applies_to = "all"')
    eligibility = _eligibility(spec.get("eligibility", {}), where)
    matrix = (
        MeritMatrix.from_mapping(spec["matrix"], f"{where}: [matrix]") if "matrix" in spec else None
    )
    if matrix is not None:
        missing = [lv for lv in range(scale[0], scale[1] + 1) if lv not in matrix.multipliers]
        if missing:
            raise ConfigError(
                f"{where}: [matrix.multipliers] has no row for level {missing[0]}; add one per "
                "level of the scale"
            )
    return Criteria(criteria, *scale, eligibility=eligibility, matrix=matrix, source=where)


def _scale(spec: Any, where: str) -> tuple[int, int, int, tuple[str, ...], tuple[str, ...]]:
    if not isinstance(spec, Mapping):
        raise ConfigError(f"{where}: [scale] must be a table with min, max and expected")
    unknown = sorted(set(spec) - {"min", "max", "expected", "labels", "labels_en"})
    if unknown:
        raise ConfigError(f"{where}: [scale] has unknown key {unknown[0]!r}")
    lo, hi = spec.get("min", 1), spec.get("max", 4)
    expected = spec.get("expected", (lo + hi) // 2 if isinstance(lo, int) else 2)
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (lo, hi, expected)):
        raise ConfigError(f"{where}: [scale] min, max and expected must be whole numbers")
    if not lo < hi or not lo <= expected <= hi:
        raise ConfigError(
            f"{where}: [scale] needs min < max and expected between them (got {lo}, {hi}, "
            f"{expected})"
        )
    labels = []
    for key in ("labels", "labels_en"):
        value = spec.get(key, [])
        if not isinstance(value, list) or (value and len(value) != hi - lo + 1):
            raise ConfigError(
                f"{where}: [scale] {key} must list {hi - lo + 1} labels, one per level"
            )
        labels.append(tuple(str(v) for v in value))
    return lo, hi, expected, labels[0], labels[1]


def _criterion(item: Any, where: str) -> Criterion:
    if not isinstance(item, Mapping):
        raise ConfigError(f"{where}: must be a table with id, name and weight")
    known = {"id", "name", "name_en", "description", "description_en", "weight", "applies_to"}
    unknown = sorted(set(item) - known)
    if unknown:
        close = difflib.get_close_matches(unknown[0], sorted(known), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise ConfigError(f"{where}: unknown key {unknown[0]!r}{hint}")
    cid = item.get("id")
    if not isinstance(cid, str) or not _ID.fullmatch(cid):
        raise ConfigError(
            f'{where}: id = {cid!r}; give a lower-case identifier like "results" (it is the '
            "ratings file's column header)"
        )
    weight = item.get("weight")
    if isinstance(weight, bool) or not isinstance(weight, int | float) or not weight > 0:
        raise ConfigError(f"{where} ({cid}): weight = {weight!r}; give a number above 0")
    applies = item.get("applies_to", "all")
    if applies not in _APPLIES:
        raise ConfigError(f"{where} ({cid}): applies_to = {applies!r}; use all, managers or staff")
    text = {k: item.get(k, "") for k in ("name", "name_en", "description", "description_en")}
    bad = [k for k, v in text.items() if not isinstance(v, str)]
    if bad:
        raise ConfigError(f"{where} ({cid}): {bad[0]} must be text")
    return Criterion(
        cid,
        text["name"] or cid,
        float(weight),
        applies,
        text["description"],
        text["name_en"],
        text["description_en"],
    )


def _eligibility(spec: Any, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(spec, Mapping):
        raise ConfigError(f"{where}: [eligibility] must be a table like employment_form = [...]")
    out = {}
    for column, values in spec.items():
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise ConfigError(
                f"{where}: [eligibility] {column} must list the values that take part, like "
                '["Tillsvidare"]'
            )
        out[str(column)] = tuple(values)
    return out


def load_ratings(
    source: str | Path | pd.DataFrame, criteria: Criteria
) -> tuple[pd.DataFrame, list[str]]:
    """Read the ratings: ``employee_id`` and one float column per criterion id (NaN = not rated).

    Headers match a criterion's id or name, case-insensitively; other columns (comments) are
    ignored. A rating off the scale, a header that is no criterion, or an employee listed twice
    stops with the file, the row and the fix.

    Examples
    --------
    >>> c = load_criteria({"criterion": [{"id": "results", "name": "Resultat", "weight": 1}]})
    >>> r, w = load_ratings(pd.DataFrame({"Anst.nr": ["7"], "Resultat": ["3"]}), c)
    >>> r.to_dict("records")
    [{'employee_id': '7', 'results': 3.0}]
    """
    where, cells = read_cells(source, "review.ratings")
    headers = {str(h).strip().lower(): h for h in cells.columns}
    id_header = next((headers[h] for h in _EMPLOYEE_HEADERS if h in headers), None)
    if id_header is None:
        raise SchemaError(
            f"{where}: no employee_id column; the first header should be employee_id (or Anst.nr)"
        )
    lookup = {c.id: c.id for c in criteria.criteria} | {
        n.strip().lower(): c.id for c in criteria.criteria for n in (c.name, c.name_en) if n
    }
    out = pd.DataFrame({"employee_id": as_text(cells[id_header]).to_numpy()}, index=cells.index)
    warnings: list[str] = []
    for low, header in headers.items():
        if header == id_header or low in ("comment", "kommentar", "job_code", "namn", "name"):
            continue
        if low not in lookup:
            close = difflib.get_close_matches(low, list(lookup), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise SchemaError(
                f"{where}: column {header!r} is no criterion of {criteria.source}{hint}; rename "
                "it to a criterion id or remove it"
            )
        out[lookup[low]] = _levels(cells[header], header, criteria, where)
    for cid in criteria.ids:
        if cid not in out.columns:
            out[cid] = np.nan
            warnings.append(f"{where}: no column for criterion {cid!r}; nobody is rated on it")
    out = out[out["employee_id"] != ""]
    dup = out["employee_id"].duplicated(keep=False)
    if dup.any():
        rows = out.index[dup][:2].tolist()
        raise DataFileError(
            f"{where}, rows {rows[0]} and {rows[1]}: employee {out['employee_id'][dup].iloc[0]} "
            "is rated twice; keep one row per employee (ratings are per person, not per employment)"
        )
    return out[["employee_id", *criteria.ids]].reset_index(drop=True), warnings


def _levels(values: pd.Series, header: str, criteria: Criteria, where: str) -> np.ndarray:
    text = as_text(values).str.replace(",", ".", regex=False)
    numbers = pd.to_numeric(text.where(text != ""), errors="coerce")
    bad = (text != "") & (
        numbers.isna()
        | (numbers != numbers.round())
        | (numbers < criteria.scale_min)
        | (numbers > criteria.scale_max)
    )
    if bad.any():
        row = bad[bad].index[0]
        raise DataFileError(
            f"{where}, row {row}: {header} = {values[row]!r} is not a rating; give a whole "
            f"number from {criteria.scale_min} to {criteria.scale_max} or leave it blank"
        )
    return numbers.to_numpy(float)


def overall_rating(
    ratings: pd.DataFrame, is_manager: np.ndarray, criteria: Criteria
) -> tuple[np.ndarray, np.ndarray]:
    """The weighted score over the applicable, rated criteria, and "all"/"partly"/"none".

    Examples
    --------
    >>> c = load_criteria({"criterion": [{"id": "a", "name": "A", "weight": 3},
    ...                                  {"id": "b", "name": "B", "weight": 1}]})
    >>> score, rated = overall_rating(pd.DataFrame({"a": [4, np.nan], "b": [2, np.nan]}),
    ...                               np.array([False, False]), c)
    >>> score.tolist(), rated.tolist()
    ([3.5, nan], ['all', 'none'])
    """
    n = len(ratings)
    total, weights = np.zeros(n), np.zeros(n)
    expected_w = np.zeros(n)
    for c in criteria.criteria:
        applies = np.array([c.applies(bool(m)) for m in is_manager], dtype=bool)
        r = ratings[c.id].to_numpy(float) if c.id in ratings else np.full(n, np.nan)
        use = applies & ~np.isnan(r)
        total += np.where(use, c.weight * np.nan_to_num(r), 0.0)
        weights += np.where(use, c.weight, 0.0)
        expected_w += np.where(applies, c.weight, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        score = np.where(weights > 0, total / np.where(weights > 0, weights, 1), np.nan)
    rated = np.where(weights == 0, "none", np.where(weights < expected_w - 1e-12, "partly", "all"))
    return score, rated


def level_of(score: float, criteria: Criteria) -> int:
    """The score rounded half up to a level of the scale (1.5 → 2, also when the weighted
    mean comes out as 1.4999999999999998)."""
    level = math.floor(round(score, 9) + 0.5)
    return int(min(max(level, criteria.scale_min), criteria.scale_max))

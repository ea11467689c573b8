"""Job-evaluation factor models as data: load, validate and score (job-evaluation.md §1.10, §1.12).

A model is a TOML file of factors → sub-factors, each with an id, a weight (percent of the total
points), levels and a one-line description per level in Swedish and English. ``default`` (alias
``eige_2026_default``) and ``equal_weights`` ship with payequity.
"""

from __future__ import annotations

import difflib
import math
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

from .._summary import Summary
from ..exceptions import ConfigError

__all__ = ["CRITERIA", "Factor", "JobModel", "SubFactor", "load_job_model", "model_from_dict"]

#: The four criteria of DL 3:9 and Directive Art. 4(4); a model cannot remove them.
CRITERIA = {
    "skills": "Kunskap och färdigheter",
    "responsibility": "Ansvar",
    "effort": "Ansträngning",
    "working_conditions": "Arbetsförhållanden",
}
BUILTIN = {"default": "default", "eige_2026_default": "default", "equal_weights": "equal_weights"}


class JobModelError(ConfigError):
    """A job-evaluation model file is invalid."""


@dataclass(frozen=True)
class SubFactor:
    """One sub-factor: id, weight in percent of total points, level texts (sv/en)."""

    id: str
    factor: str
    weight: float
    name: dict[str, str]
    description: dict[str, str]
    levels: tuple[dict[str, str], ...]

    @property
    def n_levels(self) -> int:
        return len(self.levels)


@dataclass(frozen=True)
class Factor:
    id: str
    name: dict[str, str]
    subfactors: tuple[SubFactor, ...]

    @property
    def weight(self) -> float:
        return sum(s.weight for s in self.subfactors)


@dataclass(frozen=True, repr=False)
class JobModel:
    """A validated factor model.

    Points of a sub-factor at a level (job-evaluation.md §1.10), zero-based levels
    (``level_base = 0``, levels 0 … n−1): ``total · w/100 · level / (n − 1)``; one-based levels
    (``level_base = 1``, levels 1 … n): ``total · w/100 · level / n``.
    """

    name: str
    title: dict[str, str]
    source: str
    total_points: float
    level_base: int
    factors: tuple[Factor, ...]
    aliases: tuple[str, ...] = ()

    @property
    def subfactors(self) -> tuple[SubFactor, ...]:
        return tuple(s for f in self.factors for s in f.subfactors)

    @property
    def subfactor_ids(self) -> list[str]:
        return [s.id for s in self.subfactors]

    def level_range(self, sub: SubFactor) -> tuple[int, int]:
        """Lowest and highest level of a sub-factor."""
        return self.level_base, self.level_base + sub.n_levels - 1

    def points(self, sub: SubFactor, level: Any) -> Any:
        """Points of ``sub`` at ``level`` (a number or an array of levels)."""
        top = sub.n_levels - 1 if self.level_base == 0 else sub.n_levels
        return self.total_points * sub.weight / 100 * level / top

    def factor_weights(self) -> dict[str, float]:
        """Weight of each factor in percent."""
        return {f.id: f.weight for f in self.factors}

    def points_table(self, language: str = "sv") -> pd.DataFrame:
        """Every sub-factor level with its points and description (the table to publish)."""
        rows = []
        for f in self.factors:
            for s in f.subfactors:
                lo, _ = self.level_range(s)
                for i, text in enumerate(s.levels):
                    rows.append(
                        {
                            "factor": f.id,
                            "subfactor": s.id,
                            "weight_pct": s.weight,
                            "level": lo + i,
                            "points": self.points(s, lo + i),
                            "description": text.get(language, text.get("sv", "")),
                        }
                    )
        return pd.DataFrame(rows)

    def summary(self) -> Summary:
        table = pd.DataFrame(
            {
                "factor": [s.factor for s in self.subfactors],
                "subfactor": self.subfactor_ids,
                "weight_pct": [s.weight for s in self.subfactors],
                "levels": [s.n_levels for s in self.subfactors],
                "max_points": [self.points(s, self.level_range(s)[1]) for s in self.subfactors],
            }
        )
        facts = [
            ("model", self.name),
            ("total points", f"{self.total_points:g}"),
            ("levels", "zero-based" if self.level_base == 0 else "one-based"),
            ("factor weights", ", ".join(f"{k} {v:g} %" for k, v in self.factor_weights().items())),
            ("source", self.source),
        ]
        return Summary(f"Job-evaluation model {self.name}", facts, [("Sub-factors", table)])

    def _repr_html_(self) -> str:
        return self.summary()._repr_html_()

    def __repr__(self) -> str:
        return (
            f"<JobModel {self.name}: {len(self.factors)} factors, {len(self.subfactors)} "
            f"sub-factors, {self.total_points:g} points>"
        )


def load_job_model(name_or_path: str | Path = "default") -> JobModel:
    """Load a factor model by name (``default``, ``eige_2026_default``, ``equal_weights``) or path.

    Raises
    ------
    JobModelError
        Unknown name, unreadable file, or a model that breaks a rule (the four criteria, weights
        summing to 100 %, 2–9 levels per sub-factor); the message names the factor and the fix.

    Examples
    --------
    >>> from payequity import load_job_model
    >>> m = load_job_model("default")
    >>> m.total_points, len(m.subfactors), m.factor_weights()["skills"]
    (1200.0, 14, 40.0)
    """
    key = str(name_or_path)
    if key in BUILTIN:
        text = (
            resources.files("payequity").joinpath(f"models/{BUILTIN[key]}.toml").read_text("utf-8")
        )
        return model_from_dict(tomllib.loads(text), where=f"model {key!r}")
    path = Path(name_or_path)
    if path.suffix.lower() != ".toml" and not path.exists():
        close = difflib.get_close_matches(key, list(BUILTIN), n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        raise JobModelError(
            f"unknown job-evaluation model {key!r}; {hint}use 'default', 'equal_weights' or the "
            "path of a model TOML file"
        )
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError:
        raise JobModelError(
            f"{path}: job-evaluation model file not found; check the path"
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise JobModelError(f"{path}: not valid TOML ({exc}); fix the syntax") from None
    return model_from_dict(raw, where=str(path))


def model_from_dict(raw: dict[str, Any], *, where: str = "model") -> JobModel:
    """Validate a model given as a dict (the parsed TOML); see :func:`load_job_model`."""

    def known(d: dict[str, Any], keys: set[str], what: str) -> None:
        for k in d:
            if k not in keys:
                close = difflib.get_close_matches(k, sorted(keys), n=1)
                hint = f"did you mean {close[0]!r}?" if close else f"valid keys: {sorted(keys)}"
                raise JobModelError(f"{where}: unknown key {k!r} in {what}; {hint}")

    def ident(d: dict[str, Any], what: str) -> str:
        value = need(d, "id", what)
        if not isinstance(value, str) or not value.isidentifier():
            raise JobModelError(f"{where}: {what} id {value!r} must be a name like 'resp_people'")
        return value

    def need(d: dict[str, Any], key: str, what: str) -> Any:
        if key not in d:
            raise JobModelError(f"{where}: {what} lacks {key!r}; add it")
        return d[key]

    def texts(value: Any, what: str, *, both: bool = False) -> dict[str, str]:
        if isinstance(value, str) and not both:
            return {"sv": value, "en": value}
        ok = isinstance(value, dict) and all(isinstance(v, str) for v in value.values())
        if not ok or (both and not (value.get("sv") and value.get("en"))):
            want = (
                "{ sv = …, en = … } with both languages" if both else "a text or { sv = …, en = … }"
            )
            raise JobModelError(f"{where}: {what} must be {want}")
        return dict(value)

    known(
        raw,
        {"name", "aliases", "title", "source", "total_points", "level_base", "factors"},
        "the model",
    )
    total = need(raw, "total_points", "the model")
    if isinstance(total, bool) or not isinstance(total, int | float) or not 0 < total < math.inf:
        raise JobModelError(f"{where}: total_points must be a positive number, got {total!r}")
    base = raw.get("level_base", 0)
    if isinstance(base, bool) or base not in (0, 1):
        raise JobModelError(f"{where}: level_base must be 0 (zero-based) or 1, got {base!r}")
    factors, seen, seen_factors = [], set(), set()
    for fd in need(raw, "factors", "the model"):
        fid = ident(fd, "a factor")
        if fid in seen_factors:
            raise JobModelError(f"{where}: factor id {fid!r} is used twice; merge or rename them")
        seen_factors.add(fid)
        known(fd, {"id", "name", "subfactors"}, f"factor {fid!r}")
        subs = []
        for sd in need(fd, "subfactors", f"factor {fid!r}"):
            sid = ident(sd, f"a sub-factor of factor {fid!r}")
            known(sd, {"id", "weight", "name", "description", "levels"}, f"sub-factor {sid!r}")
            if sid in seen:
                raise JobModelError(f"{where}: sub-factor id {sid!r} is used twice; rename one")
            seen.add(sid)
            w = need(sd, "weight", f"sub-factor {sid!r} (factor {fid!r})")
            if isinstance(w, bool) or not isinstance(w, int | float) or not 0 <= w < math.inf:
                raise JobModelError(
                    f"{where}: sub-factor {sid!r} (factor {fid!r}) weight must be a number ≥ 0, "
                    f"got {w!r}"
                )
            levels = need(sd, "levels", f"sub-factor {sid!r} (factor {fid!r})")
            if not isinstance(levels, list) or not 2 <= len(levels) <= 9:
                n = len(levels) if isinstance(levels, list) else levels
                raise JobModelError(
                    f"{where}: sub-factor {sid!r} (factor {fid!r}) has {n} levels; give 2–9 levels"
                )
            subs.append(
                SubFactor(
                    id=sid,
                    factor=fid,
                    weight=float(w),
                    name=texts(sd.get("name", sid), f"name of {sid!r}"),
                    description=texts(sd.get("description", ""), f"description of {sid!r}"),
                    levels=tuple(
                        texts(t, f"level {i} text of {sid!r}", both=True)
                        for i, t in enumerate(levels)
                    ),
                )
            )
        if not subs:
            raise JobModelError(f"{where}: factor {fid!r} has no sub-factors; add at least one")
        factors.append(Factor(fid, texts(fd.get("name", fid), f"name of {fid!r}"), tuple(subs)))
    ids = [f.id for f in factors]
    for crit, sv in CRITERIA.items():
        if crit not in ids:
            raise JobModelError(
                f"{where}: factor {crit!r} ({sv}) is missing; the four criteria of DL 3:9 and "
                "Art. 4(4) cannot be removed: add it back with at least one sub-factor"
            )
        weight = next(f.weight for f in factors if f.id == crit)
        if weight <= 0:
            raise JobModelError(
                f"{where}: factor {crit!r} ({sv}) has weight 0; the four criteria cannot be "
                "removed: give its sub-factors weight"
            )
    total_w = sum(f.weight for f in factors)
    if abs(total_w - 100) > 1e-6:
        per = ", ".join(f"{f.id} {f.weight:g} %" for f in factors)
        raise JobModelError(
            f"{where}: sub-factor weights sum to {total_w:g} %, not 100 % ({per}); adjust them"
        )
    return JobModel(
        name=str(raw.get("name", where)),
        title=texts(raw.get("title", raw.get("name", "")), "title"),
        source=str(raw.get("source", "")),
        total_points=float(total),
        level_base=int(base),
        factors=tuple(factors),
        aliases=tuple(raw.get("aliases", ())),
    )

"""The survey configuration file (survey.toml): every key, its type and its default.

One file holds every convention a survey uses (DESIGN §4). :func:`load_config` reads it, fills in
the defaults, resolves relative paths against the file's folder and refuses unknown keys and
wrong types with a message that names the key and the closest valid one.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import os
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .exceptions import ConfigError

__all__ = ["AUDIENCES", "CANONICAL_COLUMNS", "SurveyConfig", "load_config", "config_from_dict"]

#: Canonical pay-data columns a source column can be mapped to (DESIGN §3.1).
CANONICAL_COLUMNS = (
    "employee_id",
    "gender",
    "unit",
    "unit_path",
    "job_code",
    "work_group",
    "fte",
    "base_salary",
    "supplements",
    "variable_pay",
    "birth_year",
    "age",
    "hire_date",
    "tenure_years",
    "weekly_hours",
    "job_title",
    "education",
    "employment_form",
    "is_manager",
    "manager_id",
    "leave_days",
)
REQUIRED_COLUMNS = ("gender", "unit", "job_code", "base_salary")
# who a run is for (DESIGN §5); the rules for each live in payequity.privacy
AUDIENCES = ("hr", "union", "manager", "public")

_REQUIRED = object()


@dataclass(frozen=True)
class _Key:
    kind: str  # str int float bool date path list choice columns values sheet
    default: Any = None
    choices: tuple[str, ...] = ()
    low: float | None = None  # inclusive bounds for numbers
    high: float | None = None
    help: str = ""


_SCHEMA: dict[str, dict[str, _Key]] = {
    "survey": {
        "organisation": _Key("str", _REQUIRED),
        "year": _Key("int", _REQUIRED, low=1900, high=2200),
        "reference_date": _Key("date", _REQUIRED),
        "language": _Key("choice", "sv", choices=("sv", "en")),
    },
    "data": {
        "path": _Key("path", _REQUIRED),
        "columns": _Key("columns", _REQUIRED),
        "values": _Key("values", {}),
        "sheet": _Key("sheet", None),
        "encoding": _Key("choice", None, choices=("utf-8", "utf-8-sig", "cp1252", "latin-1")),
        "delimiter": _Key("choice", None, choices=(";", ",", "\t", "|")),
        "decimal": _Key("choice", None, choices=(",", ".")),
        "date_format": _Key("str", None),
        "fte_unit": _Key("choice", None, choices=("percent", "fraction")),
        "pay_period": _Key("choice", "monthly", choices=("monthly", "annual")),
        "currency": _Key("str", "SEK"),
    },
    "job_evaluation": {
        "path": _Key("path", None),
        "model": _Key("str", "default"),
        "band_width": _Key("float", 120.0, low=1e-9),
        "tolerance": _Key("float", 60.0, low=0),
        "weight_floor": _Key("float", 0.05, low=0, high=1),
    },
    "analysis": {
        "female_dominated_share": _Key("float", 0.60, low=0.5, high=1),
        "female_dominated_inclusive": _Key("bool", True),
        "male_dominated_share": _Key("float", 0.40, low=0, high=0.5),
        "controls": _Key("list", ["tenure_years", "age"]),
        "min_per_gender": _Key("int", 3, low=2),
        "fdr": _Key("float", 0.05, low=1e-9, high=1),
        "gap_threshold": _Key("float", 0.02, low=0, high=1),
        "person_threshold": _Key("float", 0.05, low=0, high=1),
        "cov_type": _Key("choice", "nonrobust", choices=("nonrobust", "HC0", "HC1", "HC2", "HC3")),
        "bootstrap_reps": _Key("int", 499, low=0),
        "seed": _Key("int", 0, low=0),
        "categories": _Key("str", "band"),
        "quartile_ties": _Key("choice", "uk_reg13", choices=("uk_reg13",)),
        "eu_directive": _Key("bool", False),
        "reporting_date": _Key("date", None),
    },
    "actions": {
        "explanations": _Key("path", "explanations.csv"),
        "samverkan": _Key("path", "samverkan.csv"),
        "rules_and_practice": _Key("path", "rules_and_practice.csv"),
        "overhead": _Key("float", 0.40, low=0, high=5),
        "yearly_budget": _Key("float", None, low=0),
        "target": _Key("choice", "expected", choices=("expected", "median", "mean")),
        "headcount": _Key("int", None, low=0),
        "first_date": _Key("date", None),
        "responsible": _Key("str", "HR"),
    },
    "review": {
        "criteria": _Key("path", None),
        "ratings": _Key("path", None),
        "proposals": _Key("path", None),
        "pot_pct": _Key("float", None, low=0, high=100),
        "pot_per_head": _Key("float", None, low=0),
        "pot_unit": _Key("str", "unit"),
        "guarantee": _Key("float", 0.0, low=0),
        "cap": _Key("float", None, low=0),
        "matrix": _Key("str", "default"),
        "action_plan_share": _Key("float", 0.0, low=0, high=1),
        "effective_date": _Key("date", None),
    },
    "privacy": {
        "min_cell": _Key("int", 5, low=1),
        "key_file": _Key("path", None),
    },
    "letters": {
        # who answers questions about an Art. 7 letter: "HR-avdelningen, lon@kommun.se, 010-…"
        "contact": _Key("str", None),
    },
    "report": {
        "audience": _Key("choice", "hr", choices=AUDIENCES),
        "status": _Key("choice", "draft", choices=("draft", "final")),
    },
    "output": {"dir": _Key("path", _REQUIRED)},
    "archive": {"dir": _Key("path", "archive")},
}


class Section(Mapping[str, Any]):
    """A read-only section of the config: ``cfg.analysis.fdr`` or ``cfg.analysis["fdr"]``."""

    def __init__(self, name: str, values: dict[str, Any]):
        object.__setattr__(self, "_name", name)
        object.__setattr__(self, "_values", values)

    def __getattr__(self, key: str) -> Any:
        try:
            return self._values[key]
        except KeyError:
            raise AttributeError(f"config section [{self._name}] has no key {key!r}") from None

    def __setattr__(self, key: str, value: Any) -> None:
        raise AttributeError("SurveyConfig is read-only; use dataclasses.replace on a copy")

    def __getitem__(self, key: str) -> Any:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"[{self._name}] {self._values!r}"


@dataclass(frozen=True)
class SurveyConfig:
    """A validated survey.toml with every default filled in.

    Attributes
    ----------
    path : Path or None
        The file it was read from (None when built from a dict).
    base_dir : Path
        The folder relative paths were resolved against.
    sections : dict
        ``{section: {key: value}}`` with paths resolved to absolute :class:`~pathlib.Path`.
    explicit : frozenset of str
        The ``section.key`` names the file set itself (the rest are defaults).
    """

    path: Path | None
    base_dir: Path
    sections: dict[str, dict[str, Any]]
    explicit: frozenset[str] = field(default_factory=frozenset)

    def __getattr__(self, name: str) -> Section:
        sections = object.__getattribute__(self, "sections")
        if name in sections:
            return Section(name, sections[name])
        raise AttributeError(f"SurveyConfig has no section {name!r}")

    def get(self, dotted: str) -> Any:
        """Return a value by its dotted name, e.g. ``cfg.get("analysis.fdr")``."""
        section, _, key = dotted.partition(".")
        return self.sections[section][key]

    def is_explicit(self, dotted: str) -> bool:
        """True when the file set ``dotted`` itself rather than leaving the default."""
        return dotted in self.explicit

    def to_dict(self) -> dict[str, dict[str, Any]]:
        """Every value used, JSON-ready: paths relative to the config's folder where possible."""
        out: dict[str, dict[str, Any]] = {}
        for name, values in self.sections.items():
            out[name] = {k: _jsonable(v, self.base_dir) for k, v in values.items()}
        return out

    def __repr__(self) -> str:
        s = self.sections["survey"]
        where = self.path.name if self.path else "<dict>"
        return f"<SurveyConfig {where}: {s['organisation']} {s['year']}>"


def _jsonable(value: Any, base: Path) -> Any:
    if isinstance(value, Path):
        return Path(os.path.relpath(value, base)).as_posix()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _jsonable(v, base) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v, base) for v in value]
    return value


def load_config(path: str | Path) -> SurveyConfig:
    """Read and validate a survey.toml.

    Parameters
    ----------
    path : str or Path
        The survey.toml. Relative paths inside it resolve against its folder.

    Returns
    -------
    SurveyConfig
        Every key of DESIGN §4, defaults filled in.

    Raises
    ------
    ConfigError
        The file is missing or not TOML, a key is unknown (the message names the closest valid
        key), a value has the wrong type or range, or a required key is missing.

    Examples
    --------
    >>> from payequity import load_config
    >>> cfg = load_config("data/sample/survey.toml")
    >>> cfg.analysis.fdr, cfg.survey.reference_date.isoformat()
    (0.05, '2026-09-01')
    """
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: no such config file; pass the path of your survey.toml")
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text; save the config as UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc}); fix the syntax there") from None
    return config_from_dict(raw, base_dir=path.resolve().parent, source=path)


def config_from_dict(
    raw: Mapping[str, Any], *, base_dir: str | Path = ".", source: Path | None = None
) -> SurveyConfig:
    """Validate a config given as a dict (the parsed TOML); see :func:`load_config`."""
    where = str(source) if source is not None else "config"
    base = Path(base_dir).resolve()
    sections: dict[str, dict[str, Any]] = {}
    explicit: set[str] = set()
    for name in raw:
        if name not in _SCHEMA:
            raise ConfigError(_unknown(where, name, list(_SCHEMA), "section"))
        if not isinstance(raw[name], Mapping):
            raise ConfigError(f"{where}: [{name}] must be a table (a [{name}] section)")
    for name, keys in _SCHEMA.items():
        given = raw.get(name, {})
        values: dict[str, Any] = {}
        for key in given:
            if key not in keys:
                elsewhere = [f"{sec}.{key}" for sec, ks in _SCHEMA.items() if key in ks]
                if elsewhere:  # the right key in the wrong section
                    raise ConfigError(
                        f"{where}: unknown key {name}.{key}; did you mean {elsewhere[0]}?"
                    )
                valid = [f"{name}.{k}" for k in keys]
                raise ConfigError(_unknown(where, f"{name}.{key}", valid, "key"))
        for key, spec in keys.items():
            dotted = f"{name}.{key}"
            if key in given:
                values[key] = _check(where, dotted, spec, given[key], base)
                explicit.add(dotted)
            elif spec.default is _REQUIRED:
                raise ConfigError(
                    f"{where}: required key {dotted} is missing; add it under [{name}]"
                )
            elif spec.kind == "path" and spec.default is not None:
                values[key] = (base / spec.default).resolve()
            else:
                values[key] = _copy_default(spec.default)
        sections[name] = values
    _check_cross(where, sections)
    return SurveyConfig(path=source, base_dir=base, sections=sections, explicit=frozenset(explicit))


def _copy_default(value: Any) -> Any:
    if isinstance(value, list):
        return list(value)
    if isinstance(value, dict):
        return dict(value)
    return value


def _unknown(where: str, got: str, valid: list[str], what: str) -> str:
    close = difflib.get_close_matches(got, valid, n=1, cutoff=0.5)
    hint = f"did you mean {close[0]}?" if close else f"valid {what}s: {', '.join(valid)}"
    return f"{where}: unknown {what} {got}; {hint}"


def _type_error(where: str, dotted: str, want: str, value: Any) -> ConfigError:
    return ConfigError(
        f"{where}: {dotted} must be {want}, got {value!r} ({type(value).__name__}); fix it there"
    )


def _check(where: str, dotted: str, spec: _Key, value: Any, base: Path) -> Any:
    kind = spec.kind
    if kind in ("str", "choice", "path") and spec.default is None and value == "":
        return None
    if kind == "str":
        if not isinstance(value, str):
            raise _type_error(where, dotted, "a string", value)
        return value
    if kind == "choice":
        if not isinstance(value, str) or value not in spec.choices:
            close = difflib.get_close_matches(str(value), spec.choices, n=1, cutoff=0.3)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            choices = ", ".join(repr(c) for c in spec.choices)
            raise ConfigError(f"{where}: {dotted} must be one of {choices}, got {value!r}{hint}")
        return value
    if kind == "bool":
        if not isinstance(value, bool):
            raise _type_error(where, dotted, "true or false", value)
        return value
    if kind in ("int", "float"):
        ok = isinstance(value, int) if kind == "int" else isinstance(value, int | float)
        if not ok or isinstance(value, bool):
            raise _type_error(
                where, dotted, "a whole number" if kind == "int" else "a number", value
            )
        value = int(value) if kind == "int" else float(value)
        if not math.isfinite(value):
            raise ConfigError(f"{where}: {dotted} must be a finite number, got {value}; fix it")
        if (spec.low is not None and value < spec.low) or (
            spec.high is not None and value > spec.high
        ):
            lo = "-inf" if spec.low is None else f"{spec.low:g}"
            hi = "inf" if spec.high is None else f"{spec.high:g}"
            raise ConfigError(
                f"{where}: {dotted} = {value:g} is outside [{lo}, {hi}]; fix it there"
            )
        return value
    if kind == "date":
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise _type_error(where, dotted, "a date like 2026-09-01", value)
    if kind == "path":
        if not isinstance(value, str):
            raise _type_error(where, dotted, "a path (string)", value)
        return (base / Path(value).expanduser()).resolve()
    if kind == "list":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise _type_error(where, dotted, 'a list of strings like ["age"]', value)
        return list(value)
    if kind == "sheet":
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise _type_error(where, dotted, "a sheet name or 0-based sheet number", value)
        return value
    if kind == "columns":
        return _check_columns(where, dotted, value)
    if kind == "values":
        return _check_values(where, dotted, value)
    raise AssertionError(f"unhandled schema kind {kind}")  # pragma: no cover - schema bug


def _check_columns(where: str, dotted: str, value: Any) -> dict[str, str | list[str]]:
    if not isinstance(value, Mapping):
        raise _type_error(where, dotted, "a table of canonical = source header", value)
    out: dict[str, str | list[str]] = {}
    for canonical, source in value.items():
        if canonical not in CANONICAL_COLUMNS:
            valid = [f"{dotted}.{c}" for c in CANONICAL_COLUMNS]
            raise ConfigError(_unknown(where, f"{dotted}.{canonical}", valid, "key"))
        is_list = isinstance(source, list) and source and all(isinstance(s, str) for s in source)
        if not (isinstance(source, str) and source) and not is_list:
            raise _type_error(
                where, f"{dotted}.{canonical}", "a source header or a list of headers", source
            )
        out[canonical] = list(source) if is_list else source
    missing = [c for c in REQUIRED_COLUMNS if c not in out]
    if missing:
        raise ConfigError(
            f"{where}: {dotted} lacks {', '.join(missing)}; map each to its source header"
        )
    return out


def _check_values(where: str, dotted: str, value: Any) -> dict[str, dict[str, Any]]:
    if not isinstance(value, Mapping):
        raise _type_error(where, dotted, "a table of [data.values.<column>] tables", value)
    out: dict[str, dict[str, Any]] = {}
    for column, mapping in value.items():
        if column not in CANONICAL_COLUMNS:
            valid = [f"{dotted}.{c}" for c in CANONICAL_COLUMNS]
            raise ConfigError(_unknown(where, f"{dotted}.{column}", valid, "key"))
        if not isinstance(mapping, Mapping):
            raise _type_error(where, f"{dotted}.{column}", "a table of source = canonical", mapping)
        for src, dst in mapping.items():
            if not isinstance(dst, str | int | float | bool):
                raise _type_error(where, f"{dotted}.{column}.{src}", "a plain value", dst)
        out[column] = dict(mapping)
    return out


def _check_cross(where: str, sections: dict[str, dict[str, Any]]) -> None:
    fmt = sections["data"]["date_format"]
    if fmt is not None:
        try:  # a format must both write and read a date
            dt.datetime.strptime(dt.date(2026, 9, 1).strftime(fmt), fmt)
        except ValueError as exc:
            raise ConfigError(
                f"{where}: data.date_format {fmt!r} is not a date format ({exc}); use strptime "
                'codes such as "%m/%d/%Y"'
            ) from None
    a = sections["analysis"]
    if a["male_dominated_share"] >= a["female_dominated_share"]:
        raise ConfigError(
            f"{where}: analysis.male_dominated_share must be below "
            "analysis.female_dominated_share; lower it"
        )
    r = sections["review"]
    if r["pot_pct"] is not None and r["pot_per_head"] is not None:
        raise ConfigError(f"{where}: set review.pot_pct or review.pot_per_head, not both")
    gender = sections["data"]["values"].get("gender")
    if gender:
        bad = sorted({str(v) for v in gender.values()} - {"F", "M"})
        if bad:
            raise ConfigError(
                f"{where}: data.values.gender maps to {bad}; map each source value to 'F' or 'M'"
            )

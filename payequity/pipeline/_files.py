"""The bytes a run writes: data files as CSV and JSON, and the manifest (DESIGN §7).

Deterministic by construction: UTF-8, LF line ends, full float precision, sorted JSON keys, and
no clock but the run's timestamp — so the same inputs and timestamp give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import platform
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..config import SurveyConfig
from ..privacy import pseudonymise_exclusions, pseudonymise_ids, pseudonymises, sees_people
from ..survey import EQUAL_VALUE_COLUMNS, EQUAL_WORK_COLUMNS

if TYPE_CHECKING:
    from ..io import PayData
    from ..jobeval import JobEvaluation
    from ._steps import SurveyResults

__all__ = ["csv_bytes", "data_tables", "finite", "json_bytes", "manifest", "relative"]


def work_tables(results: Any) -> pd.DataFrame:
    """The equal-work tables of the organisation and every unit, one frame."""
    tables = [results["equal_work"].table]
    tables += [r.table for r in (results.get("equal_work_by_unit") or {}).values()]
    return pd.concat(tables, ignore_index=True)


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """A DataFrame as deterministic UTF-8 CSV bytes (LF, full float precision)."""
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")


def json_bytes(obj: Any) -> bytes:
    """JSON as the run writes it: indented, sorted keys, UTF-8 (pass it through :func:`finite`)."""
    return (json.dumps(obj, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


def finite(obj: Any) -> Any:
    """JSON has no NaN: missing numbers become null; numpy scalars plain numbers."""
    if isinstance(obj, dict):
        return {str(k): finite(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [finite(v) for v in obj]
    if hasattr(obj, "item") and not isinstance(obj, str):
        obj = obj.item()
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    return obj


def survey_tables(results: Mapping[str, Any]) -> dict[str, pd.DataFrame]:
    """``equal_work``, ``equal_value`` and ``eu_indicators`` as every audience's data files
    start: the organisation first, then the units (hr's, before any suppression)."""
    value = [results["equal_value"]] + list((results.get("equal_value_by_unit") or {}).values())
    tables = [r.table for r in value if r is not None]
    table = (
        pd.concat(tables, ignore_index=True)
        if tables
        else pd.DataFrame(columns=EQUAL_VALUE_COLUMNS)
    )
    # the listed columns first; head counts, bands and shares follow (DESIGN §7: more may follow)
    return {
        "equal_work": work_tables(results)[EQUAL_WORK_COLUMNS],
        "equal_value": table[
            EQUAL_VALUE_COLUMNS + [c for c in table.columns if c not in EQUAL_VALUE_COLUMNS]
        ],
        "eu_indicators": results["eu"].table,
    }


def data_tables(
    data: PayData, results: SurveyResults, audience: str, key: str | None
) -> dict[str, pd.DataFrame]:
    """The survey's data files by name, as the audience may see them.

    exclusions and people (person-level) only for hr and union, pseudonymised for the union;
    equal_work and equal_value with the organisation first, then the units.
    """
    files: dict[str, pd.DataFrame] = {}
    hide = pseudonymises(audience) and key is not None
    if sees_people(audience):
        excl = data.exclusions
        if hide:
            mgr = data.provenance.mapping.get("manager_id")
            id_columns = [mgr] if isinstance(mgr, str) else mgr or []
            excl = pseudonymise_exclusions(excl, key, id_columns)
        else:
            excl = excl.copy()
        files["exclusions"] = excl
    files |= survey_tables(results)
    if sees_people(audience):
        people = results.equal_work.people.copy()
        if hide:  # ids are never empty here: equal work refuses rows without one
            people["employee_id"] = pseudonymise_ids(people["employee_id"], key)
        files["people"] = people
    return files


def manifest(
    cfg: SurveyConfig,
    data: PayData,
    evaluation: JobEvaluation | None,
    audience: str,
    year: int,
    created: dt.datetime,
    out: Path,
) -> dict[str, Any]:
    """What ``manifest.json`` holds: when, for whom, every setting used, versions and inputs."""
    from importlib.metadata import PackageNotFoundError, version

    versions = {"python": platform.python_version()}
    for pkg in ("payequity", "pandas", "numpy", "scipy", "statsmodels", "matplotlib", "typst"):
        try:
            versions[pkg] = version(pkg)
        except PackageNotFoundError:
            versions[pkg] = None
    p = data.provenance
    config = cfg.to_dict()
    config["report"]["audience"] = audience  # the value used: --audience overrides the file
    config["survey"]["year"] = year
    detected = {k: v for k, v in p.details.items()}
    for k in ("encoding", "delimiter", "decimal", "fte_unit", "sheet"):
        if config["data"].get(k) is None and detected.get(k) is not None:
            config["data"][k] = detected[k]  # the value used, as detected
    config["output"]["dir"] = relative(out, cfg.base_dir)
    inputs = [
        {
            "path": relative(Path(p.file), cfg.base_dir),
            "sha256": p.sha256,
            "rows_read": p.rows_read,
            "rows_kept": p.rows_kept,
            "rows_excluded": p.rows_excluded,
            "exclusions": {str(k): int(v) for k, v in data.exclusion_counts().items()},
            "warnings": {str(k): int(v) for k, v in data.warning_counts().items()},
            "mapping": p.mapping,
            "dropped_columns": p.dropped_columns,
            "detected": detected,
        }
    ]
    if evaluation is not None:
        s = evaluation.settings
        inputs.append(
            {
                "path": relative(Path(s["source"]), cfg.base_dir),
                "sha256": s["sha256"],
                "rows_read": s["rows"],
                "rows_kept": s["rows"],
                "rows_excluded": 0,
            }
        )
    return {
        "created_at": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "audience": audience,
        "year": year,
        "config_file": relative(cfg.path, cfg.base_dir) if cfg.path else None,
        "config": config,
        "versions": versions,
        "inputs": inputs,
        "units": {},
    }


def relative(path: Path | str | None, base: Path) -> str | None:
    """``path`` relative to ``base`` (with ``..`` when outside it), in forward slashes."""
    if path is None:
        return None
    path = Path(path).resolve()
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return os.path.relpath(path, base).replace(os.sep, "/")

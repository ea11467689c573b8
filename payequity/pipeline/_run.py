"""The yearly run end to end: config → data → analyses → files (DESIGN §7).

:func:`run` loads the survey.toml and the pay data, runs what exists of the survey and writes
the output folder. Every part it owns is replaced atomically: files are written into a fresh
folder beside the output and swapped in only when all of them are complete, so a failure leaves
the previous files intact.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import platform
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .._pseudonym import pseudonym, read_key
from .._summary import Summary
from ..config import SurveyConfig, load_config
from ..exceptions import ConfigError, DataFileError, PayEquityError
from ..io import PayData, load_survey
from ..jobeval import JobEvaluation, evaluate_jobs
from ..report import overview_pdf, slugs, unit_pdf, write_workbook
from ..survey import (
    EQUAL_VALUE_COLUMNS,
    EQUAL_WORK_COLUMNS,
    PAY_MEASURES,
    adjusted_gap,
    decompose,
    equal_value,
    equal_work,
    eu_indicators,
)
from ._actions import action_tables, actions_step, archive_extras, register_inputs
from ._output import Staged, check_inputs_outside, write_all

__all__ = ["SurveyRun", "run", "resolve_timestamp", "ONLY_PARTS"]

ONLY_PARTS = ("data", "pdf", "xlsx")
AUDIENCES = ("hr", "union", "manager", "public")


@dataclass(frozen=True, repr=False)
class SurveyRun:
    """What one run produced.

    Attributes
    ----------
    config : SurveyConfig
    data : PayData
    evaluation : JobEvaluation or None
        The job evaluation, when the config names one.
    results : dict
        Result objects by name (``"equal_work"``, ...), as far as the survey is built.
    out_dir : Path
    manifest : dict
        What ``manifest.json`` holds.
    written : list of str
        The files written, relative to ``out_dir``.
    tables : dict of DataFrame
        The data files by name (``"equal_work"``, ``"action_plan"``, ...) as written for the
        audience (pseudonymised ids for the union), whatever ``only`` wrote.
    """

    config: SurveyConfig
    data: PayData
    evaluation: Any
    results: dict[str, Any]
    out_dir: Path
    manifest: dict[str, Any]
    written: list[str] = field(default_factory=list)
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)

    def __repr__(self) -> str:
        return f"<SurveyRun {self.config.survey.organisation} {self.manifest['year']} → {self.out_dir}>"

    def summary(self) -> Summary:
        """The run in a few lines: audience, rows, files written."""
        p = self.data.provenance
        facts = [
            ("organisation", str(self.config.survey.organisation)),
            ("year", str(self.manifest["year"])),
            ("audience", self.manifest["audience"]),
            ("rows read / kept / excluded", f"{p.rows_read} / {p.rows_kept} / {p.rows_excluded}"),
            ("output", str(self.out_dir)),
            ("files written", ", ".join(self.written) or "none"),
        ]
        return Summary("Survey run", facts, list(self.data.summary().tables))

    def _repr_html_(self) -> str:
        return self.summary()._repr_html_()


def resolve_timestamp(timestamp: str | dt.datetime | None) -> dt.datetime:
    """The run's timestamp: given, else ``SOURCE_DATE_EPOCH``, else now (UTC, whole seconds)."""
    if isinstance(timestamp, dt.datetime):
        ts = timestamp
    elif timestamp is not None:
        try:
            ts = dt.datetime.fromisoformat(str(timestamp).replace("Z", "+00:00"))
        except ValueError:
            raise ConfigError(
                f"--timestamp {timestamp!r} is not ISO 8601; use e.g. 2026-09-30T12:00:00Z"
            ) from None
    elif os.environ.get("SOURCE_DATE_EPOCH", "").strip():
        raw = os.environ["SOURCE_DATE_EPOCH"].strip()
        try:
            ts = dt.datetime.fromtimestamp(int(raw), tz=dt.UTC)
        except ValueError:
            raise ConfigError(f"SOURCE_DATE_EPOCH={raw!r} is not whole seconds; fix it") from None
    else:
        ts = dt.datetime.now(dt.UTC)
    if ts.tzinfo is None:
        ts = ts.replace(tzinfo=dt.UTC)
    return ts.astimezone(dt.UTC).replace(microsecond=0)


def run(
    config: SurveyConfig | str | Path,
    *,
    audience: str | None = None,
    year: int | None = None,
    out: str | Path | None = None,
    only: str | Iterable[str] | None = None,
    timestamp: str | dt.datetime | None = None,
    progress: bool = False,
) -> SurveyRun:
    """Run the yearly survey and write the output folder.

    Parameters
    ----------
    config : SurveyConfig or path
        The survey.toml (or a loaded config).
    audience : {"hr", "union", "manager", "public"}, optional
        Who the output is for; None = ``report.audience`` of the config. Person-level files go
        to hr and union only; non-hr runs need a pseudonym key.
    year : int, optional
        Overrides ``survey.year`` (the archive folder and the report's year).
    out : path, optional
        Overrides ``output.dir``.
    only : "data", "pdf", "xlsx" or several, optional
        Replace only these parts (``manifest.json`` is always rewritten).
    timestamp : ISO 8601 string or datetime, optional
        ``created_at``; None = ``SOURCE_DATE_EPOCH`` or now. Same inputs and timestamp give
        byte-identical data files.
    progress : bool
        Show a progress bar (the CLI turns it on for terminals).

    Returns
    -------
    SurveyRun

    Examples
    --------
    >>> import tempfile, payequity as pe
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     result = pe.run("data/sample/survey.toml", out=tmp, only="data",
    ...                     timestamp="2026-09-30T12:00:00Z")
    >>> result.manifest["inputs"][0]["rows_read"]
    4000
    """
    cfg = config if isinstance(config, SurveyConfig) else load_config(config)
    audience = audience or cfg.report.audience
    if audience not in AUDIENCES:
        raise ConfigError(f"audience {audience!r} is not one of {', '.join(AUDIENCES)}")
    parts = _parts(only)
    year = int(year if year is not None else cfg.survey.year)
    out_dir = Path(out).resolve() if out is not None else cfg.output.dir
    # a trial run with --out keeps its archive beside it, never over the real archive
    archive_dir = (out_dir / "archive" if out is not None else cfg.archive.dir) / str(year)
    check_inputs_outside(
        _input_paths(cfg),
        [out_dir / p for p in ("data", "pdf", "survey.xlsx", "manifest.json")]
        + [archive_dir / p for p in ("data", "registers", "snapshot.csv")],
    )
    created = resolve_timestamp(timestamp)
    if audience in ("manager", "public"):
        # aggregates for these audiences need small-cell suppression (DESIGN §5), not built yet
        raise ConfigError(
            f"the {audience} audience needs small-cell suppression, which payequity does not do "
            "yet; run with --audience hr or union and share no files outside them"
        )
    key = (
        read_key(cfg.privacy.key_file, purpose=f"write {audience} output")
        if audience != "hr"
        else None
    )

    steps: list[tuple[str, Callable[[], None]]] = []
    state: dict[str, Any] = {}
    steps.append(("load data", lambda: state.update(data=_require_rows(load_survey(cfg)))))
    steps.append(
        ("job evaluation", lambda: state.update(evaluation=_evaluation(cfg, state["data"])))
    )
    steps.append(("equal work", lambda: state.update(_equal_work(cfg, state["data"]))))
    steps.append(
        ("equal value", lambda: state.update(_equal_value(state["data"], state["evaluation"], cfg)))
    )
    steps.append(
        ("EU indicators", lambda: state.update(eu=_eu(state["data"], state["evaluation"], cfg)))
    )
    steps.append(("organisation-wide gap", lambda: state.update(_org_gap(state["data"], cfg))))
    # last year's plan: in the run's own archive, else (for a trial with --out) the configured one
    archives = list(dict.fromkeys([archive_dir.parent, cfg.archive.dir]))
    steps.append(
        (
            "actions",
            lambda: state.update(
                actions_step(
                    cfg,
                    state["data"],
                    state["evaluation"],
                    state,
                    year=year,
                    created=created,
                    archives=archives,
                )
            ),
        )
    )
    from tqdm.auto import tqdm

    with tqdm(total=len(steps) + 1, disable=not progress, desc="payequity run", unit="step") as bar:
        for label, step in steps:
            bar.set_postfix_str(label)
            step()
            bar.update()
        data: PayData = state.pop("data")
        evaluation = state.pop("evaluation")
        results = state
        tables = _data_tables(data, audience, key) | _survey_tables(results, audience, key)
        tables |= action_tables(results, audience, key)
        if evaluation is not None:
            tables["job_evaluation"] = evaluation.table
        files: dict[str, bytes] = {}
        if "data" in parts:
            files = {f"data/{name}.csv": csv_bytes(t) for name, t in tables.items()}
            files["data/org_gap.json"] = _json_bytes(_finite(results["org_gap"]))
        manifest = _manifest(cfg, data, evaluation, audience, year, created, out_dir)
        for item in register_inputs(cfg, results):
            manifest["inputs"].append(item | {"path": _rel(item["path"], cfg.base_dir)})
        if cfg.path is not None and Path(cfg.path).is_file():
            from ..io._read import file_sha256

            manifest["config_sha256"] = file_sha256(Path(cfg.path))
        units = sorted(set(data.frame[data.unit_column].astype(str)))
        names = slugs(units)
        if "pdf" in parts or _has_unit_pdfs(out_dir):
            manifest["units"] = {u: f"pdf/units/{names[u]}.pdf" for u in units}
        draft = SurveyRun(cfg, data, evaluation, results, out_dir, manifest, [], tables)
        if "xlsx" in parts:
            bar.set_postfix_str("workbook")
            files["survey.xlsx"] = write_workbook(draft)
        if "pdf" in parts:
            bar.total += len(units) + 1
            bar.set_postfix_str("overview PDF")
            files["pdf/overview.pdf"] = overview_pdf(draft)[0]
            bar.update()
            for u in units:
                bar.set_postfix_str(f"PDF {u}"[:40])
                files[manifest["units"][u]] = unit_pdf(draft, u)[0]
                bar.update()
        files["manifest.json"] = _json_bytes(manifest)
        bar.set_postfix_str("write")
        owned = [p for p in parts if p in ("data", "pdf")]  # folders replaced whole
        staged = [Staged(out_dir, files, owned, "output.dir")]
        if audience == "hr" and "data" in parts:  # hr runs archive the data files by year
            archived = {k: v for k, v in files.items() if k.startswith("data/")}
            archived.update(archive_extras(cfg, data, csv_bytes))
            staged.append(Staged(archive_dir, archived, ["data", "registers"], "archive.dir"))
        written = write_all(staged)[0]
        bar.update()
    return SurveyRun(cfg, data, evaluation, results, out_dir, manifest, written, tables)


def _has_unit_pdfs(out_dir: Path) -> bool:
    """Unit PDFs of an earlier run stay (``--only data``): the manifest keeps listing them."""
    return (out_dir / "pdf" / "units").is_dir()


def _input_paths(cfg: SurveyConfig) -> list[Path]:
    paths = [
        cfg.data.path,
        cfg.job_evaluation.path,
        cfg.actions.explanations,
        cfg.actions.samverkan,
        cfg.actions.rules_and_practice,
        cfg.review.criteria,
        cfg.review.ratings,
        cfg.review.proposals,
        cfg.privacy.key_file,
        cfg.path,
    ]
    return [Path(p) for p in paths if p is not None]


def _require_rows(data: PayData) -> PayData:
    p = data.provenance
    if p.rows_kept == 0:
        reasons = ", ".join(f"{k} {v}" for k, v in data.exclusion_counts().head(3).items())
        raise DataFileError(
            f"{p.file}: no usable rows ({p.rows_read} read"
            + (f", all excluded: {reasons}" if reasons else "")
            + "); fix the data or the mapping (payequity validate) — the previous output is kept"
        )
    return data


def _equal_work(cfg: SurveyConfig, data: PayData) -> dict[str, Any]:
    a = cfg.analysis
    kw = dict(
        pay=list(PAY_MEASURES),
        controls=a.controls,
        min_per_gender=a.min_per_gender,
        fdr=a.fdr,
        gap_threshold=a.gap_threshold,
        person_threshold=a.person_threshold,
        cov_type=a.cov_type,
    )
    return {
        "equal_work": equal_work(data, **kw),
        "equal_work_by_unit": equal_work(data, by="unit", **kw),
    }


def _equal_value(
    data: PayData, evaluation: JobEvaluation | None, cfg: SurveyConfig
) -> dict[str, Any]:
    if evaluation is None:
        return {"equal_value": None, "equal_value_by_unit": {}}
    kw = dict(pay=list(PAY_MEASURES), gap_threshold=cfg.analysis.gap_threshold)
    return {
        "equal_value": equal_value(data, evaluation, **kw),
        "equal_value_by_unit": equal_value(data, evaluation, by="unit", **kw),
    }


def _org_gap(data: PayData, cfg: SurveyConfig) -> dict[str, Any]:
    """DESIGN §5: monthly pay, log; controls plus C(work_group); Oaxaca on the same, pooled."""
    f = data.frame
    controls = []
    for c in cfg.analysis.controls:  # text columns enter as categories, absent ones are skipped
        inner = c[2:-1].strip() if c.startswith("C(") and c.endswith(")") else c
        if inner not in f.columns:
            continue
        numeric = pd.api.types.is_numeric_dtype(f[inner]) and not pd.api.types.is_bool_dtype(
            f[inner]
        )
        controls.append(c if c != inner or numeric else f"C({inner})")
    controls.append("C(work_group)")
    kw = dict(pay="monthly_pay", controls=controls, cov_type=cfg.analysis.cov_type)
    w = f.loc[f["gender"] == "F", "monthly_pay"]
    m = f.loc[f["gender"] == "M", "monthly_pay"]
    try:
        gap = adjusted_gap(data, **kw)
        oaxaca = decompose(
            data,
            pay="monthly_pay",
            controls=controls,
            weights="pooled",
            bootstrap_reps=cfg.analysis.bootstrap_reps,
            seed=cfg.analysis.seed,
        )
    except PayEquityError as exc:  # too little data for the models: the raw gaps still stand
        raw = {
            "raw_mean_gap_pct": 100 * (w.mean() - m.mean()) / m.mean()
            if len(w) and len(m)
            else None,
            "raw_median_gap_pct": 100 * (w.median() - m.median()) / m.median()
            if len(w) and len(m)
            else None,
            "adjusted_gap_pct": None,
            "ci_low": None,
            "ci_high": None,
            "p_value": None,
            "n": len(f),
            "controls": controls,
            "pay_measure": "monthly_pay",
            "oaxaca": None,
            "note": f"not estimated: {exc}",
        }
        return {"adjusted_gap": None, "oaxaca": None, "org_gap": raw}
    return {
        "adjusted_gap": gap,
        "oaxaca": oaxaca,
        "org_gap": {
            "raw_mean_gap_pct": 100 * (w.mean() - m.mean()) / m.mean(),
            "raw_median_gap_pct": 100 * (w.median() - m.median()) / m.median(),
            "adjusted_gap_pct": gap.gap_pct,
            "ci_low": gap.ci_low,
            "ci_high": gap.ci_high,
            "p_value": gap.p_value,
            "n": int(gap.n),
            "controls": controls,
            "pay_measure": "monthly_pay",
            "oaxaca": {
                "explained": oaxaca.explained,
                "unexplained": oaxaca.unexplained,
                "gap": oaxaca.gap,
                "weights": oaxaca.weights,
                "units": "log points, women − men",
                "table": oaxaca.table.to_dict(orient="records"),
            },
        },
    }


def _eu(data: PayData, evaluation: JobEvaluation | None, cfg: SurveyConfig) -> Any:
    """Art. 9 indicators; without a job evaluation, 'band' categories cannot exist: no (g)."""
    categories = cfg.analysis.categories
    if categories == "band" and evaluation is None:
        categories = None
    elif categories != "band" and categories not in data.frame.columns:
        import difflib

        close = difflib.get_close_matches(categories, [str(c) for c in data.frame.columns], n=1)
        where = f"{cfg.path}: " if cfg.path else ""
        raise ConfigError(
            f"{where}analysis.categories = {categories!r} is not a column of the pay data"
            + (f"; did you mean {close[0]!r}?" if close else "; use 'band' or a column name")
        )
    return eu_indicators(
        data, evaluation=evaluation, categories=categories, quartile_ties=cfg.analysis.quartile_ties
    )


def _survey_tables(
    results: dict[str, Any], audience: str, key: str | None
) -> dict[str, pd.DataFrame]:
    """equal_work and equal_value (organisation first, then units); people for hr/union."""
    files = {}
    work = [results["equal_work"].table] + [r.table for r in results["equal_work_by_unit"].values()]
    files["equal_work"] = pd.concat(work, ignore_index=True)[EQUAL_WORK_COLUMNS]
    value = [results["equal_value"]] + list(results["equal_value_by_unit"].values())
    tables = [r.table for r in value if r is not None]
    table = (
        pd.concat(tables, ignore_index=True)
        if tables
        else pd.DataFrame(columns=EQUAL_VALUE_COLUMNS)
    )
    # the listed columns first; head counts, bands and shares follow (DESIGN §7: more may follow)
    files["equal_value"] = table[
        EQUAL_VALUE_COLUMNS + [c for c in table.columns if c not in EQUAL_VALUE_COLUMNS]
    ]
    files["eu_indicators"] = results["eu"].table
    if audience in ("hr", "union"):  # person-level rows go to hr and union only
        people = results["equal_work"].people.copy()
        if audience == "union" and key is not None:
            people["employee_id"] = people["employee_id"].map(lambda v: pseudonym(v, key))
        files["people"] = people
    return files


def _evaluation(cfg: SurveyConfig, data: PayData) -> JobEvaluation | None:
    """The job evaluation the config names, or None when it names none."""
    je = cfg.job_evaluation
    if je.path is None:
        return None
    a = cfg.analysis
    model = je.model
    if model.lower().endswith(".toml"):  # a model file resolves like every other path
        model = str((cfg.base_dir / model).resolve())
    return evaluate_jobs(
        je.path,
        model=model,
        data=data,
        band_width=je.band_width,
        tolerance=je.tolerance,
        female_dominated_share=a.female_dominated_share,
        inclusive=a.female_dominated_inclusive,
        male_dominated_share=a.male_dominated_share,
        weight_floor=je.weight_floor,
    )


def _parts(only: str | Iterable[str] | None) -> list[str]:
    if only is None:
        return list(ONLY_PARTS)
    items = [only] if isinstance(only, str) else list(only)
    items = [p.strip() for item in items for p in str(item).split(",") if p.strip()]
    bad = [p for p in items if p not in ONLY_PARTS]
    if bad:
        raise ConfigError(f"--only {bad[0]!r} is not one of {', '.join(ONLY_PARTS)}")
    return items


def _data_tables(data: PayData, audience: str, key: str | None) -> dict[str, pd.DataFrame]:
    files: dict[str, pd.DataFrame] = {}
    if audience in ("hr", "union"):  # person-level rows go to hr and union only
        excl = data.exclusions.copy()
        if audience == "union" and key is not None:
            # ids also stand in `value` where the id cell itself was the problem
            is_id = (excl["value"] == excl["employee_id"]) & (excl["value"] != "")
            mgr = data.provenance.mapping.get("manager_id")
            is_id |= excl["column"].isin([mgr] if isinstance(mgr, str) else mgr or [])
            excl.loc[is_id, "value"] = excl.loc[is_id, "value"].map(lambda v: pseudonym(v, key))
            excl["employee_id"] = excl["employee_id"].map(lambda v: pseudonym(v, key))
        files["exclusions"] = excl
    return files


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """A DataFrame as deterministic UTF-8 CSV bytes (LF, full float precision)."""
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")


def _finite(obj: Any) -> Any:
    """JSON has no NaN: missing numbers become null; numpy scalars plain numbers."""
    if isinstance(obj, dict):
        return {str(k): _finite(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_finite(v) for v in obj]
    if hasattr(obj, "item") and not isinstance(obj, str):
        obj = obj.item()
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    return obj


def _json_bytes(obj: Any) -> bytes:
    return (json.dumps(obj, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


def _manifest(
    cfg: SurveyConfig,
    data: PayData,
    evaluation: JobEvaluation | None,
    audience: str,
    year: int,
    created: dt.datetime,
    out: Path,
) -> dict[str, Any]:
    from importlib.metadata import PackageNotFoundError, version

    versions = {"python": platform.python_version()}
    for pkg in ("payequity", "pandas", "numpy", "scipy", "statsmodels", "matplotlib", "typst"):
        try:
            versions[pkg] = version(pkg)
        except PackageNotFoundError:
            versions[pkg] = None
    p = data.provenance
    config = cfg.to_dict()
    config["survey"]["year"] = year
    detected = {k: v for k, v in p.details.items()}
    for k in ("encoding", "delimiter", "decimal", "fte_unit", "sheet"):
        if config["data"].get(k) is None and detected.get(k) is not None:
            config["data"][k] = detected[k]  # the value used, as detected
    config["output"]["dir"] = _rel(out, cfg.base_dir)
    inputs = [
        {
            "path": _rel(Path(p.file), cfg.base_dir),
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
                "path": _rel(Path(s["source"]), cfg.base_dir),
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
        "config_file": _rel(cfg.path, cfg.base_dir) if cfg.path else None,
        "config": config,
        "versions": versions,
        "inputs": inputs,
        "units": {},
    }


def _rel(path: Path | None, base: Path) -> str | None:
    if path is None:
        return None
    path = Path(path).resolve()
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return os.path.relpath(path, base).replace(os.sep, "/")

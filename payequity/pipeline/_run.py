"""The yearly run end to end: config → data → analyses → files (DESIGN §7).

:func:`run` loads the survey.toml and the pay data, runs what exists of the survey and writes
the output folder. Every part it owns is replaced atomically: files are written into a fresh
folder beside the output and swapped in only when all of them are complete, so a failure leaves
the previous files intact.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd

from .._pseudonym import read_key
from .._summary import Summary
from ..config import AUDIENCES, SurveyConfig, load_config
from ..exceptions import ConfigError
from ..io import PayData, file_sha256
from ..privacy import (
    check_audience,
    mask_free_text,
    needs_key,
    pseudonymises,
    sees_people,
)
from ..report import overview_pdf, slugs, write_workbook
from ._actions import action_tables, archive_extras, register_inputs
from ._files import csv_bytes, data_tables, finite, json_bytes, manifest, relative
from ._output import Staged, check_inputs_outside, write_all
from ._parallel import unit_pdfs
from ._progress import progress_bar
from ._steps import SURVEY_STEPS, RunContext, SurveyResults, run_steps, timed
from ._view import aggregate_view, audience_results, suppression_facts

__all__ = ["SurveyRun", "run", "resolve_timestamp", "ONLY_PARTS"]

ONLY_PARTS = ("data", "pdf", "xlsx")
SUPPRESSED = ["table", "row", "column", "reason"]


@dataclass(frozen=True, repr=False)
class SurveyRun:
    """What one run produced.

    Attributes
    ----------
    config : SurveyConfig
    data : PayData
    evaluation : JobEvaluation or None
        The job evaluation, when the config names one.
    results : SurveyResults
        The result objects, as typed fields (``results.equal_work``) or by name
        (``results["equal_work"]``).
    out_dir : Path
    manifest : dict
        What ``manifest.json`` holds.
    written : list of str
        The files written, relative to ``out_dir``.
    tables : dict of DataFrame
        The data files by name (``"equal_work"``, ``"action_plan"``, ...) as written for the
        audience (pseudonymised ids for the union), whatever ``only`` wrote.
    timings : dict of float
        Seconds per step of the run, in order (not in the manifest: it is not reproducible).
    suppressed : DataFrame
        The cells written empty for a manager or public run (``table``, ``row``, ``column``,
        ``reason``; rows of :attr:`tables`); empty for hr and union.
    editions : dict of SurveyRun
        ``audience="all"``: the run of each audience by name (this run is hr's); else empty.
    """

    config: SurveyConfig
    data: PayData
    evaluation: Any
    results: SurveyResults
    out_dir: Path
    manifest: dict[str, Any]
    written: list[str] = field(default_factory=list)
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    suppressed: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=SUPPRESSED))
    editions: dict[str, SurveyRun] = field(default_factory=dict)

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

    def describe(self) -> str:
        """The run in words, as ``payequity run`` prints it: data, flags, plan, files."""
        from ._describe import describe_run

        return describe_run(self)


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
    progress: bool | str = False,
    unit: str | None = None,
) -> SurveyRun:
    """Run the yearly survey and write the output folder.

    Parameters
    ----------
    config : SurveyConfig or path
        The survey.toml (or a loaded config).
    audience : {"hr", "union", "manager", "public", "all"}, optional
        Who the output is for; None = ``report.audience`` of the config. Person-level files go
        to hr and union only; manager and public get aggregates with small cells suppressed
        (``privacy.min_cell``); non-hr runs need a pseudonym key. ``"all"`` writes the four
        side by side in ``hr/``, ``union/``, ``manager/`` and ``public/`` of the output folder.
    year : int, optional
        Overrides ``survey.year`` (the archive folder and the report's year).
    out : path, optional
        Overrides ``output.dir``.
    only : "data", "pdf", "xlsx" or several, optional
        Replace only these parts (``manifest.json`` is always rewritten).
    timestamp : ISO 8601 string or datetime, optional
        ``created_at``; None = ``SOURCE_DATE_EPOCH`` or now. Same inputs and timestamp give
        byte-identical data files.
    progress : bool or {"bar", "lines"}
        ``True``/``"bar"``: a progress bar (the CLI's choice on a terminal); ``"lines"``: one
        line per finished step with its seconds on stderr (the CLI's choice in a log).
    unit : str, optional
        A manager run for this unit only: its rows and the organisation's, its unit PDF.

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
    audiences = _audiences(audience or cfg.report.audience, unit)
    parts = _parts(only)
    year = int(year if year is not None else cfg.survey.year)
    out_dir = Path(out).resolve() if out is not None else cfg.output.dir
    # a trial run with --out keeps its archive beside it, never over the real archive
    archive_dir = (out_dir / "archive" if out is not None else cfg.archive.dir) / str(year)
    folders = {a: out_dir / a if len(audiences) > 1 else out_dir for a in audiences}
    check_inputs_outside(
        _input_paths(cfg),
        [f / p for f in folders.values() for p in ("data", "pdf", "survey.xlsx", "manifest.json")]
        + [archive_dir / p for p in ("data", "registers", "snapshot.csv")],
    )
    created = resolve_timestamp(timestamp)
    needing = [a for a in audiences if needs_key(a)]
    key = read_key(cfg.privacy.key_file, purpose=f"write {needing[0]} output") if needing else None
    ctx = RunContext(
        config=cfg,
        audience=audiences[0],
        key=key,
        year=year,
        created=created,
        out_dir=folders[audiences[0]],
        archive_dir=archive_dir,
        # last year's plan: in the run's own archive, else (a trial with --out) the configured one
        archives=tuple(dict.fromkeys([archive_dir.parent, cfg.archive.dir])),
    )
    state: dict[str, Any] = {}
    timings: dict[str, float] = {}
    total = len(SURVEY_STEPS) + 1
    with progress_bar(progress, total, "payequity run") as bar:
        run_steps(SURVEY_STEPS, ctx, state, timings, bar)
        data: PayData = state["data"]
        evaluation = state["evaluation"]
        results = SurveyResults.from_state(state)
        editions: dict[str, tuple[SurveyRun, dict[str, bytes]]] = {}
        for a in audiences:
            actx = replace(ctx, audience=a, out_dir=folders[a])
            editions[a] = _documents(actx, data, evaluation, results, parts, timings, bar, unit)
        bar.set_postfix_str("write")
        with timed(timings, "write"):
            written = _write(ctx, data, {a: e[1] for a, e in editions.items()}, folders, parts)
        bar.update()
    runs = {
        a: replace(draft, out_dir=folders[a], written=written[a], timings=timings)
        for a, (draft, _) in editions.items()
    }
    if len(audiences) == 1:
        return runs[audiences[0]]
    everything = [f"{a}/{w}" for a in audiences for w in written[a]]
    return replace(runs["hr"], out_dir=out_dir, written=everything, editions=runs)


def _audiences(audience: str, unit: str | None) -> list[str]:
    """The audiences of one run: one, or the four side by side (``all``)."""
    found = list(AUDIENCES) if audience == "all" else [check_audience(audience)]
    if unit is not None and "manager" not in found:
        raise ConfigError(
            f"--unit {unit!r} is for the manager audience; add --audience manager (or all)"
        )
    return found


def _documents(
    ctx: RunContext,
    data: PayData,
    evaluation: Any,
    results: SurveyResults,
    parts: list[str],
    timings: dict[str, float],
    bar: Any,
    unit: str | None = None,
) -> tuple[SurveyRun, dict[str, bytes]]:
    """The files of one audience: data files, manifest, workbook and PDFs as ``parts`` asks."""
    cfg, audience, key, out_dir = ctx.config, ctx.audience, ctx.key, ctx.out_dir
    all_units = sorted(set(data.frame[data.unit_column].astype(str)))
    if unit is not None and unit not in all_units:
        raise ConfigError(
            f"--unit {unit!r} is not a unit of the pay data; give one of its "
            f"{len(all_units)} units, e.g. {all_units[0]!r}"
        )
    # --unit picks the unit PDF; the data files stay whole (the public edition has every unit's)
    scope = unit if audience == "manager" else None
    bar.set_postfix_str("data files" if audience == "hr" else f"data files ({audience})")
    with timed(timings, "data files"):
        tables = data_tables(data, results, audience, key)
        tables |= action_tables(results, audience, key)
        if evaluation is not None:
            tables["job_evaluation"] = evaluation.table
        if pseudonymises(audience):  # an id typed into free text is still an id
            tables = {name: t.copy() for name, t in tables.items()}
            for t in tables.values():
                mask_free_text(t)
        org_gap = finite(results.org_gap.to_dict())
        suppressed = pd.DataFrame(columns=SUPPRESSED)
        view = results
        if not sees_people(audience):
            agg = aggregate_view(cfg, data, tables, org_gap)
            tables, org_gap, suppressed = agg.tables, finite(agg.org_gap), agg.cells
            view = audience_results(results, agg)
        files: dict[str, bytes] = {}
        if "data" in parts:
            files = {f"data/{name}.csv": csv_bytes(t) for name, t in tables.items()}
            files["data/org_gap.json"] = json_bytes(org_gap)
        man = manifest(cfg, data, evaluation, audience, ctx.year, ctx.created, out_dir)
        for item in register_inputs(cfg, results):
            man["inputs"].append(item | {"path": relative(item["path"], cfg.base_dir)})
        if cfg.path is not None and Path(cfg.path).is_file():
            man["config_sha256"] = file_sha256(Path(cfg.path))
        if not sees_people(audience):
            plan = results.action_plan.table
            fu = results.follow_up.table if results.follow_up is not None else None
            man["suppression"] = suppression_facts(cfg, agg, scope, plan, fu)
        units = [scope] if scope is not None else all_units
        names = slugs(all_units)
        if "pdf" in parts or _has_unit_pdfs(out_dir):
            man["units"] = {u: f"pdf/units/{names[u]}.pdf" for u in units}
    draft = SurveyRun(
        cfg, data, evaluation, view, out_dir, man, [], tables, timings, suppressed=suppressed
    )
    if "xlsx" in parts:
        bar.set_postfix_str("workbook")
        with timed(timings, "workbook"):
            files["survey.xlsx"] = write_workbook(draft)
    if "pdf" in parts:
        bar.total += len(units) + 1
        bar.set_postfix_str("overview PDF")
        with timed(timings, "overview PDF"):
            files["pdf/overview.pdf"] = overview_pdf(draft)[0]
        bar.update()
        with timed(timings, "unit PDFs"):
            for u, pdf in unit_pdfs(draft, units):
                bar.set_postfix_str(f"PDF {u}"[:40])
                files[man["units"][u]] = pdf
                bar.update()
    files["manifest.json"] = json_bytes(man)
    return draft, files


def _write(
    ctx: RunContext,
    data: PayData,
    files: dict[str, dict[str, bytes]],
    folders: dict[str, Path],
    parts: list[str],
) -> dict[str, list[str]]:
    """Swap every audience's parts in atomically; an hr run archives the data files by year."""
    owned = [p for p in parts if p in ("data", "pdf")]  # folders replaced whole
    staged = [Staged(folders[a], f, owned, "output.dir") for a, f in files.items()]
    if "hr" in files and "data" in parts:
        archived = {k: v for k, v in files["hr"].items() if k.startswith("data/")}
        archived.update(archive_extras(ctx.config, data, csv_bytes))
        staged.append(Staged(ctx.archive_dir, archived, ["data", "registers"], "archive.dir"))
    done = write_all(staged)
    return dict(zip(files, done, strict=False))


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


def _parts(only: str | Iterable[str] | None) -> list[str]:
    if only is None:
        return list(ONLY_PARTS)
    items = [only] if isinstance(only, str) else list(only)
    items = [p.strip() for item in items for p in str(item).split(",") if p.strip()]
    bad = [p for p in items if p not in ONLY_PARTS]
    if bad:
        raise ConfigError(f"--only {bad[0]!r} is not one of {', '.join(ONLY_PARTS)}")
    return items

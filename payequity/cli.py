"""The ``payequity`` command: argument parsing only; the work is done by the library.

Exit codes (DESIGN §7): 0 success (whatever is flagged), 1 a user error with a one-line message
naming the file, key or row and the fix, 2 bad usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .exceptions import PayEquityError


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("payequity")
    except PackageNotFoundError:  # pragma: no cover - source tree without install
        return "unknown"


def _only(value: str) -> str:
    parts = [p.strip() for p in value.split(",") if p.strip()]
    bad = [p for p in parts if p not in ("data", "pdf", "xlsx")]
    if bad or not parts:
        raise argparse.ArgumentTypeError(f"{value!r}: give data, pdf or xlsx")
    return value


def _timestamp(value: str) -> str:
    import datetime as dt

    try:
        dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not ISO 8601; use e.g. 2026-09-30T12:00:00Z"
        ) from None
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="payequity",
        description="Pay-equity survey (lönekartläggning) and salary review for Swedish "
        "municipalities and the EU Pay Transparency Directive.",
        epilog="Exit codes: 0 success, 1 user error (the message says what to fix), 2 bad usage.",
    )
    parser.add_argument("--version", action="version", version=f"payequity {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("run", help="the yearly run: data files, manifest (and reports as built)")
    p.add_argument("config", type=Path, help="the survey.toml")
    p.add_argument(
        "--audience",
        choices=("hr", "union", "manager", "public"),
        help="who the output is for (default: report.audience)",
    )
    p.add_argument("--out", type=Path, help="output folder (overrides output.dir)")
    p.add_argument("--year", type=int, help="survey year (overrides survey.year)")
    p.add_argument(
        "--only",
        action="append",
        metavar="PART",
        type=_only,
        help="replace only data, pdf or xlsx (repeat or comma-separate)",
    )
    p.add_argument(
        "--timestamp", type=_timestamp, help="created_at as ISO 8601 UTC (or SOURCE_DATE_EPOCH)"
    )
    p.add_argument("--quiet", action="store_true", help="print nothing but errors")

    v = sub.add_parser("validate", help="load and check the pay data; count exclusions")
    v.add_argument("config", type=Path, help="the survey.toml")
    v.add_argument("--strict", action="store_true", help="exit 1 if any row is excluded")
    v.add_argument("--quiet", action="store_true", help="print nothing but errors")
    v.add_argument(
        "--examples",
        type=int,
        default=3,
        metavar="N",
        help="example rows shown per reason (default 3)",
    )

    r = sub.add_parser("review", help="the salary review: proposed raises, gender check, workbooks")
    r.add_argument("config", type=Path, help="the survey.toml")
    r.add_argument("--out", type=Path, help="output folder (overrides output.dir)")
    r.add_argument(
        "--timestamp",
        type=_timestamp,
        help="workbook creation time as ISO 8601 UTC (or SOURCE_DATE_EPOCH)",
    )
    r.add_argument("--quiet", action="store_true", help="print nothing but errors")

    s = sub.add_parser("sample", help="write the sample municipality into a folder")
    from . import datasets

    datasets.add_arguments(s)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``payequity`` command; returns the exit code."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch and not epoch.isdigit():  # checked first: numpy and scipy read it on import too
        print(
            f"payequity: error: SOURCE_DATE_EPOCH={epoch!r} is not whole seconds since 1970; "
            "fix or unset it",
            file=sys.stderr,
        )
        return 1
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        if args.command == "run":
            return _run(args)
        if args.command == "validate":
            return _validate(args)
        if args.command == "review":
            from .pipeline._review import review_text, run_review

            done = run_review(args.config, out=args.out, timestamp=args.timestamp)
            if not args.quiet:
                print(review_text(done))
            return 0
        if args.command == "sample":
            from . import datasets

            return datasets.run_from_args(args)
    except PayEquityError as exc:
        print(f"payequity: error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"payequity: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("payequity: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # no traceback reaches a user; PAYEQUITY_DEBUG=1 shows it
        if os.environ.get("PAYEQUITY_DEBUG"):
            raise
        print(
            f"payequity: internal error: {type(exc).__name__}: {exc} "
            "(rerun with PAYEQUITY_DEBUG=1 for details and report it)",
            file=sys.stderr,
        )
        return 1
    parser.error(f"unknown command {args.command}")  # pragma: no cover
    return 2


def _run(args: argparse.Namespace) -> int:
    from .pipeline import run

    result = run(
        args.config,
        audience=args.audience,
        year=args.year,
        out=args.out,
        only=args.only,
        timestamp=args.timestamp,
        progress=not args.quiet and sys.stderr.isatty(),
    )
    if not args.quiet:
        f = result.data.frame
        print(
            f"{result.config.survey.organisation} {result.manifest['year']}, audience "
            f"{result.manifest['audience']}"
        )
        print(_validation_text(result.data, examples=0))
        print(
            f"{int((f['gender'] == 'F').sum())} women and {int((f['gender'] == 'M').sum())} men "
            f"in {f[result.data.unit_column].nunique()} units and {f['job_code'].nunique()} jobs"
        )
        print(_evaluation_text(result.evaluation))
        print(_survey_text(result.results))
        print(_actions_text(result.results))
        units = [w for w in result.written if w.startswith("pdf/units/")]
        shown = [w for w in result.written if not w.startswith("pdf/units/")]
        if units:
            shown.append(f"{len(units)} unit PDFs in pdf/units/")
        print(f"wrote {', '.join(shown)} to {result.out_dir}")
    return 0


def _validate(args: argparse.Namespace) -> int:
    from .config import load_config
    from .io import load_survey
    from .pipeline._run import _evaluation, _require_rows

    cfg = load_config(args.config)
    data = load_survey(cfg)
    if not args.quiet:
        print(_validation_text(data, examples=args.examples))
    _require_rows(data)
    evaluation = _evaluation(cfg, data)
    registers = _registers_text(cfg)  # a broken register stops here, as it would stop the run
    if not args.quiet:
        print(_evaluation_text(evaluation))
        print(registers)
    if args.strict and data.provenance.rows_excluded:
        print(
            f"payequity: error: {data.provenance.rows_excluded} rows excluded (--strict); "
            "fix the rows listed above or the mapping",
            file=sys.stderr,
        )
        return 1
    return 0


def _evaluation_text(ev) -> str:  # noqa: ANN001 - JobEvaluation or None
    if ev is None:
        return (
            "job evaluation: none configured (job_evaluation.path); the equal-value analysis "
            "needs one"
        )
    t = ev.table
    fd = int(t["female_dominated"].fillna(False).astype(bool).sum())
    md = int(t["male_dominated"].fillna(False).astype(bool).sum())
    lines = [
        f"job evaluation ({ev.job_model.name if ev.job_model else 'external points'}): {len(t)} jobs in "
        f"{t['band'].nunique()} bands of {ev.band_width:g} points; {fd} female-dominated, "
        f"{md} male-dominated; {len(ev.edge_pairs)} pairs within {ev.tolerance:g} points of "
        "each other across a band edge"
    ]
    if len(ev.unevaluated):
        lines.append(
            f"  jobs in the pay data without evaluation: {', '.join(ev.unevaluated['job_code'])}"
        )
    if ev.not_in_data:
        lines.append(f"  evaluated jobs nobody in the pay data holds: {', '.join(ev.not_in_data)}")
    if ev.has_pay:
        sens = ev.sensitivity().set_index("band_width")
        w = ev.band_width
        lines.append(
            f"  comparisons of female-dominated jobs: {int(sens.loc[w, 'n_pairs'])} at band width "
            f"{w:g}; {int(sens.loc[w / 2, 'n_pairs'])} at {w / 2:g}, {int(sens.loc[w * 2, 'n_pairs'])} "
            f"at {w * 2:g}"
        )
    flagged = ev.flagged_checks
    lines.append(f"  bias checks: {len(flagged)} flagged of {len(ev.checks)}")
    lines += [f"    {r['check']}: {r['message']}" for _, r in flagged.iterrows()]
    weighting = ev.checks[ev.checks["check"] == "weighting_test"]
    if len(weighting) and not weighting["flagged"].iloc[0]:
        lines.append(f"    weighting_test: {weighting['message'].iloc[0]}")
    return "\n".join(lines)


def _survey_text(results: dict) -> str:
    """The flags of the three legal analyses, in a few lines (organisation, then unit counts)."""
    ew = results["equal_work"]
    t = ew.table
    by_unit = [r.table for r in results["equal_work_by_unit"].values()]
    unit_flags = sum(int(x["flagged"].sum()) for x in by_unit)
    lines = [
        f"equal work: {int(t['needs_assessment'].sum())} groups × pay measures need assessment "
        f"organisation-wide, {len(ew.flagged)} flagged; {unit_flags} flagged within units"
    ]
    if ew.settings.get("controls_absent"):
        lines.append(f"  controls not in the data: {', '.join(ew.settings['controls_absent'])}")
    for _, r in ew.flagged.iterrows():
        how = (
            f"adjusted gap {r['adjusted_gap_pct']:+.1f} % (BH p = {r['p_adjusted']:.2g})"
            if r["flag_rule"] == "regression"
            else f"women earn {r['women_pct_of_men']:.1f} % of men (n = {r['n_women']}+{r['n_men']})"
        )
        lines.append(f"  FLAG {r['work_group']} ({r['pay_measure']}): {how}")
    ev = results.get("equal_value")
    if ev is None:
        lines.append("equal value: not run (no job evaluation configured)")
    else:
        lines.append(
            f"equal value: {len(ev.table)} pairs organisation-wide, {len(ev.flagged)} flagged"
        )
        for _, r in ev.flagged.iterrows():
            lines.append(
                f"  FLAG {r['female_dominated_job']} vs {r['comparator_job']} ({r['kind']}, "
                f"{r['pay_measure']}): {r['pay_gap_pct']:+.1f} %"
            )
    og = results.get("org_gap")
    if og and og.get("note"):
        lines.append(f"organisation-wide gap: {og['note']}")
    elif og:
        o = og["oaxaca"]
        lines.append(
            f"organisation-wide (monthly pay): raw mean gap {og['raw_mean_gap_pct']:+.1f} %, "
            f"median {og['raw_median_gap_pct']:+.1f} %; adjusted {og['adjusted_gap_pct']:+.2f} % "
            f"(95 % CI {og['ci_low']:+.2f} to {og['ci_high']:+.2f}, p = {og['p_value']:.2g}); "
            f"Oaxaca ({o['weights']}): explained {o['explained']:+.4f}, unexplained "
            f"{o['unexplained']:+.4f} of {o['gap']:+.4f} log points"
        )
    eu = results.get("eu")
    if eu is not None:
        a = eu.table[(eu.table["indicator"] == "a") & (eu.table["pay_level"] == "hourly")]
        c = eu.table[(eu.table["indicator"] == "c") & (eu.table["pay_level"] == "hourly")]
        if len(a) and len(c):
            lines.append(
                f"EU Art. 9 (men − women, % of men, hourly): mean gap {a['value'].iloc[0]:.1f} %, "
                f"median gap {c['value'].iloc[0]:.1f} %" + (f"; {eu.reason}" if eu.reason else "")
            )
    return "\n".join(lines)


def _registers_text(cfg) -> str:  # noqa: ANN001 - SurveyConfig
    """The registers beside survey.toml, read as the run reads them: rows and warnings."""
    from .actions import load_explanations, load_rules_and_practice, load_samverkan

    a, lines = cfg.actions, []
    reg = load_explanations(a.explanations, explicit=cfg.is_explicit("actions.explanations"))
    lines.append(f"explanations: {len(reg.table)} rows")
    warnings = list(reg.warnings)
    for name, load in (
        ("rules_and_practice", load_rules_and_practice),
        ("samverkan", load_samverkan),
    ):
        rows, w = load(getattr(a, name), explicit=cfg.is_explicit(f"actions.{name}"))
        lines.append(f"{name}: {len(rows)} rows")
        warnings += w
    r = cfg.review
    if r.criteria is not None:  # the salary review's inputs, read as `payequity review` reads them
        from .review import load_criteria, load_ratings

        criteria = load_criteria(r.criteria)
        lines.append(
            f"salary criteria: {len(criteria.criteria)} criteria, scale "
            f"{criteria.scale_min}–{criteria.scale_max}"
        )
        if r.ratings is not None:
            ratings, w = load_ratings(r.ratings, criteria)
            lines.append(f"ratings: {len(ratings)} employees")
            warnings += w
    return "\n".join(lines + [f"warning: {w}" for w in warnings])


def _actions_text(results: dict) -> str:
    """Explanations, plan, follow-up and documentation in a few lines."""
    if "action_plan" not in results:
        return ""
    a, plan = results["explanations"], results["action_plan"]
    t = a.table[a.table["item_kind"] != "person"]
    flagged = t[t["flagged"].astype(bool)]
    status = flagged["status"].value_counts()
    lines = [
        f"explanations: {len(flagged)} flagged items; "
        + ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in status.items())
        + f"; {int((t['source'] == 'automatic').sum())} unflagged assessed automatically"
    ]
    m = plan.measures
    cost = f"{plan.cost_yearly:,.0f}".replace(",", " ")
    first, last = (
        (int(plan.table["year"].min()), int(plan.table["year"].max())) if len(m) else (0, 0)
    )
    paid = f"in {first}" if first == last else f"{first}–{last}"
    when = f"; paid {paid}, due by {int(m['due_year'].max())}" if len(m) else ""
    lines.append(
        f"action plan: {len(m)} measures ({int((m['kind'] == 'person').sum())} people, "
        f"{int((m['kind'] == 'equal_value').sum())} jobs), {cost} kr a year with "
        f"{100 * plan.overhead:g} % overhead{when}"
    )
    fu = results.get("follow_up")
    if fu is not None:
        lines.append(
            "follow-up of last year's plan: "
            + (", ".join(f"{n} {k}" for k, n in fu.counts.items()) or "no measures")
        )
    else:
        lines.append("follow-up: no plan of last year in the archive")
    h, doc = results["headcount"], results["documentation"]
    lines.append(
        f"documentation: {h['n']} employees at 1 January, tier {h['tier']}; "
        + ("complete" if doc.complete else "missing or incomplete: " + ", ".join(doc.missing))
    )
    art10 = results.get("art10")
    if art10 is not None and art10.triggered:
        lines.append(
            f"EU Art. 10 joint pay assessment triggered for: {', '.join(art10.categories)}"
        )
    lines += [f"warning: {w}" for w in results.get("action_warnings", [])]
    return "\n".join(lines)


def _decimal_hint(data) -> str:  # noqa: ANN001 - PayData
    """Excluded pay that looks like decimal commas in a decimal-point file: say how to fix it."""
    if data.provenance.details.get("decimal") != ".":
        return ""
    ex = data.exclusions
    values = ex.loc[ex["reason"] == "invalid_pay", "value"].astype(str)
    if values.str.fullmatch(r"-?[\d\s.]*\d,\d{1,2}").any():
        return (
            "hint: excluded pay like "
            f"{values[values.str.contains(',')].iloc[0]!r} looks like a decimal comma: set "
            'data.decimal = "," in survey.toml'
        )
    return ""


def _validation_text(data, *, examples: int) -> str:  # noqa: ANN001 - PayData
    p = data.provenance
    lines = [
        f"{p.file}: {p.rows_read} rows read, {p.rows_kept} kept, {p.rows_excluded} excluded"
        + (f" ({len(data.warnings)} warnings)" if len(data.warnings) else "")
    ]
    if p.dropped_columns:
        lines.append(f"dropped columns holding personnummer: {', '.join(p.dropped_columns)}")
    hint = _decimal_hint(data)
    if hint:
        lines.append(hint)
    for title, frame, col in (
        ("excluded rows by reason", data.exclusions, "reason"),
        ("warnings by kind", data.warnings, "warning"),
    ):
        if frame.empty:
            continue
        lines.append(f"{title}:")
        counts = frame[col].value_counts()
        width = max(len(str(k)) for k in counts.index)
        for kind, n in counts.items():
            lines.append(f"  {str(kind).ljust(width)}  {n}")
            for _, r in frame[frame[col] == kind].head(examples).iterrows():
                lines.append(f"    row {r['source_row']}: {r['column']} = {r['value']!r}")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

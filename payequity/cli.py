"""The ``payequity`` command: argument parsing only; the work and the words are the library's.

Exit codes (DESIGN §7): 0 success (whatever is flagged), 1 a user error with a one-line message
naming the file, key or row and the fix, 2 bad usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .config import AUDIENCES
from .exceptions import PayEquityError

PARTS = ("data", "pdf", "xlsx")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("payequity")
    except PackageNotFoundError:  # pragma: no cover - source tree without install
        return "unknown"


def _only(value: str) -> str:
    parts = [p.strip() for p in value.split(",") if p.strip()]
    if not parts or any(p not in PARTS for p in parts):
        raise argparse.ArgumentTypeError(f"{value!r}: give data, pdf or xlsx")
    return value


def _timestamp(value: str) -> str:
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

    def command(name: str, text: str, *, config: bool = True) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=text)
        if config:
            p.add_argument("config", type=Path, help="the survey.toml")
        return p

    quiet = {"action": "store_true", "help": "print nothing but errors"}
    p = command("run", "the yearly run: data files, manifest (and reports as built)")
    p.add_argument(
        "--audience", choices=AUDIENCES, help="who the output is for (default: report.audience)"
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
    p.add_argument("--quiet", **quiet)

    v = command("validate", "load and check the pay data; count exclusions")
    v.add_argument("--strict", action="store_true", help="exit 1 if any row is excluded")
    v.add_argument("--quiet", **quiet)
    v.add_argument(
        "--examples",
        type=int,
        default=3,
        metavar="N",
        help="example rows shown per reason (default 3)",
    )

    r = command("review", "the salary review: proposed raises, gender check, workbooks")
    r.add_argument("--out", type=Path, help="output folder (overrides output.dir)")
    r.add_argument(
        "--timestamp",
        type=_timestamp,
        help="workbook creation time as ISO 8601 UTC (or SOURCE_DATE_EPOCH)",
    )
    r.add_argument("--quiet", **quiet)

    s = command("sample", "write the sample municipality into a folder", config=False)
    from .datasets import (
        SAMPLE_OPTIONS,  # options as data, shared with python -m payequity.datasets
    )

    for flag, kwargs in SAMPLE_OPTIONS:
        s.add_argument(flag, **kwargs)
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
        return COMMANDS[args.command](args)
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


def _say(args: argparse.Namespace, text: str) -> None:
    if not args.quiet:
        print(text)


def _run(args: argparse.Namespace) -> int:
    from .pipeline import run

    progress = not args.quiet and sys.stderr.isatty()
    result = run(
        args.config,
        audience=args.audience,
        year=args.year,
        out=args.out,
        only=args.only,
        timestamp=args.timestamp,
        progress=progress,
    )
    _say(args, result.describe())
    return 0


def _validate(args: argparse.Namespace) -> int:
    from .config import load_config
    from .io import load_survey
    from .pipeline import validate

    cfg = load_config(args.config)
    data = load_survey(cfg)
    _say(args, data.describe(examples=args.examples))  # printed before an error stops the rest
    found = validate(cfg, data)
    _say(args, found.describe())
    if args.strict and found.rows_excluded:
        print(
            f"payequity: error: {found.rows_excluded} rows excluded (--strict); "
            "fix the rows listed above or the mapping",
            file=sys.stderr,
        )
        return 1
    return 0


def _review(args: argparse.Namespace) -> int:
    from .pipeline import run_review

    _say(args, run_review(args.config, out=args.out, timestamp=args.timestamp).describe())
    return 0


def _sample(args: argparse.Namespace) -> int:
    from . import datasets

    try:
        written = datasets.write_sample_folder(
            args.out,
            employees=args.employees,
            units=args.units,
            seed=args.seed,
            reports_dir=args.reports_dir,
            archive_dir=args.archive_dir,
        )
    except ValueError as exc:  # bad --employees/--units: usage error
        print(f"payequity sample: error: {exc}", file=sys.stderr)
        return 2
    print(written.describe())
    return 0


COMMANDS = {"run": _run, "validate": _validate, "review": _review, "sample": _sample}

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

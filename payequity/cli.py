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

from . import __version__
from .config import AUDIENCES
from .exceptions import ParameterError, PayEquityError

PARTS = ("data", "pdf", "xlsx")


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


def _ids(value: str) -> list[str]:
    ids = [p.strip() for p in value.split(",") if p.strip()]
    if not ids:
        raise argparse.ArgumentTypeError(f"{value!r}: give employee ids separated by commas")
    return ids


def _day(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date; use YYYY-MM-DD") from None


def _o(flag: str, text: str, **kwargs: object) -> tuple[str, dict]:
    return flag, kwargs | {"help": text}


_QUIET = _o("--quiet", "print nothing but errors", action="store_true")
_OUT = _o("--out", "output folder (overrides output.dir)", type=Path)
_TIME = "{} as ISO 8601 UTC (or SOURCE_DATE_EPOCH)"
_ONLY = {"type": _only, "action": "append", "metavar": "PART"}
_EXAMPLES = {"type": int, "default": 3, "metavar": "N"}
COMMANDS_HELP = {
    "run": "the yearly run: data files, manifest (and reports as built)",
    "validate": "load and check the pay data; count exclusions",
    "review": "the salary review: proposed raises, gender check, workbooks",
    "letters": "answer requests for pay information (EU directive Art. 7): letters, register",
    "statements": "pay-talk statements: one PDF per employee for the pay talk",
    "sample": "write the sample municipality into a folder",
}
OPTIONS = {  # per command: (flag, argparse keywords); every command but sample takes survey.toml
    "run": [
        _o(
            "--audience",
            "who the output is for (default: report.audience); all = the four side by side",
            choices=(*AUDIENCES, "all"),
        ),
        _o("--unit", "manager audience: this unit only (its rows and the organisation's)"),
        _OUT,
        _o("--year", "survey year (overrides survey.year)", type=int),
        _o("--only", "replace only data, pdf or xlsx (repeat or comma-separate)", **_ONLY),
        _o("--timestamp", _TIME.format("created_at"), type=_timestamp),
        _QUIET,
    ],
    "validate": [
        _o("--strict", "exit 1 if any row is excluded", action="store_true"),
        _QUIET,
        _o("--examples", "example rows shown per reason (default 3)", **_EXAMPLES),
    ],
    "review": [
        _o(
            "--audience",
            "who the review files are for (default: report.audience)",
            choices=AUDIENCES,
        ),
        _OUT,
        _o("--timestamp", _TIME.format("workbook creation time"), type=_timestamp),
        _QUIET,
    ],
    "letters": [
        _o("--ids", "employee ids who asked, comma-separated (as in the pay file)", type=_ids),
        _o("--ids-file", "a text file of employee ids, one a line", type=Path),
        _o("--requests", "a CSV/XLSX of requests: employee_id and request_date", type=Path),
        _o("--request-date", "the day the requests came in (YYYY-MM-DD)", type=_day),
        _o(
            "--notice",
            "also write the yearly notice of the right to information",
            action="store_true",
        ),
        _o("--register-only", "record the requests as open; write no letters", action="store_true"),
        _OUT,
        _o("--timestamp", _TIME.format("the answer's date"), type=_timestamp),
        _QUIET,
    ],
    "statements": [
        _o("--ids", "these employees only, comma-separated (as in the pay file)", type=_ids),
        _o("--unit", "this unit's employees only"),
        _OUT,
        _o("--timestamp", _TIME.format("the statements' date"), type=_timestamp),
        _QUIET,
    ],
}


def build_parser() -> argparse.ArgumentParser:
    from ._sample_options import SAMPLE_OPTIONS  # shared with python -m payequity.datasets

    parser = argparse.ArgumentParser(
        prog="payequity",
        description="Pay-equity survey (lönekartläggning) and salary review for Swedish "
        "municipalities and the EU Pay Transparency Directive.",
        epilog="Exit codes: 0 success, 1 user error (the message says what to fix), 2 bad usage.",
    )
    parser.add_argument("--version", action="version", version=f"payequity {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, text in COMMANDS_HELP.items():
        p = sub.add_parser(name, help=text)
        if name != "sample":
            p.add_argument("config", type=Path, help="the survey.toml")
        for flag, kwargs in OPTIONS.get(name, SAMPLE_OPTIONS):
            p.add_argument(flag, **kwargs)
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


def _pick(args: argparse.Namespace, names: str) -> dict[str, object]:
    return {n: getattr(args, n) for n in names.split()}


def _progress(args: argparse.Namespace) -> str | None:
    """A bar on a terminal, one line per step in a log, nothing with --quiet."""
    if args.quiet:
        return None
    return "bar" if sys.stderr.isatty() else "lines"


def _run(args: argparse.Namespace) -> int:
    from .pipeline import run

    progress = _progress(args)
    result = run(
        args.config, **_pick(args, "audience year out only timestamp unit"), progress=progress
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
        fix = "fix the rows listed above or the mapping"
        print(
            f"payequity: error: {found.rows_excluded} rows excluded (--strict); {fix}",
            file=sys.stderr,
        )
        return 1
    return 0


def _review(args: argparse.Namespace) -> int:
    from .pipeline import run_review

    done = run_review(args.config, out=args.out, timestamp=args.timestamp, audience=args.audience)
    _say(args, done.describe())
    return 0


def _letters(args: argparse.Namespace) -> int:
    from .pipeline import write_letters

    done = write_letters(
        args.config,
        **_pick(args, "ids ids_file requests request_date notice register_only out timestamp"),
    )
    _say(args, done.describe())
    return 0


def _statements(args: argparse.Namespace) -> int:
    from .pipeline import write_statements

    progress = _progress(args)
    done = write_statements(args.config, **_pick(args, "ids unit out timestamp"), progress=progress)
    _say(args, done.describe())
    return 0


def _sample(args: argparse.Namespace) -> int:
    from . import datasets

    try:
        options = _pick(args, "employees units seed reports_dir archive_dir")
        written = datasets.write_sample_folder(args.out, **options)
    except ParameterError as exc:  # bad --employees/--units: usage error
        print(f"payequity sample: error: {exc}", file=sys.stderr)
        return 2
    print(written.describe())
    return 0


COMMANDS = {
    "run": _run,
    "validate": _validate,
    "review": _review,
    "letters": _letters,
    "statements": _statements,
    "sample": _sample,
}

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

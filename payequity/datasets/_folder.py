"""A sample folder on disk: ``payequity sample`` and ``python -m payequity.datasets``.

The options are data (:data:`SAMPLE_OPTIONS`): the CLI builds its ``sample`` command from them,
and so does ``python -m payequity.datasets``, so both take the same options.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .._sample_options import SAMPLE_OPTIONS
from ..exceptions import ParameterError
from ._files import write_sample
from ._generate import generate_frame

__all__ = ["SAMPLE_OPTIONS", "SampleFolder", "main", "write_sample_folder"]


@dataclass(frozen=True)
class SampleFolder:
    """What :func:`write_sample_folder` wrote."""

    out: Path
    n_employees: int
    n_units: int
    seed: int

    def describe(self) -> str:
        """The one line ``payequity sample`` prints."""
        return (
            f"wrote {self.n_employees} employees in {self.n_units} units (seed {self.seed}) to "
            f"{self.out}: pay.csv, job_evaluation.csv, survey.toml, injected_gaps.json, "
            "explanations.csv, samverkan.csv, rules_and_practice.csv, criteria.toml, ratings.csv"
        )


def write_sample_folder(
    out: str | Path,
    *,
    employees: int = 4000,
    units: int | None = None,
    seed: int = 0,
    reports_dir: str = "reports",
    archive_dir: str | None = None,
) -> SampleFolder:
    """Generate the sample municipality and write it, with its survey.toml, into ``out``.

    ``reports_dir`` and ``archive_dir`` are the survey.toml's output and archive folders,
    relative to ``out`` (default ``reports`` and ``reports/archive``).

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     folder = write_sample_folder(tmp, employees=600, seed=2)
    >>> folder.n_employees, folder.n_units
    (600, 9)
    """
    reports = reports_dir.rstrip("/") or "."
    archive = archive_dir or f"{reports}/archive"
    frame, injected = generate_frame(employees, units, seed)
    write_sample(frame, injected, out, output_dir=reports, archive_dir=archive, seed=seed)
    return SampleFolder(Path(out), len(frame), int(frame["unit_path"].nunique()), seed)


def add_sample_options(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The options of :data:`SAMPLE_OPTIONS` on ``parser``."""
    for flag, kwargs in SAMPLE_OPTIONS:
        parser.add_argument(flag, **kwargs)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m payequity.datasets --out DIR [--employees N] ...``."""
    parser = argparse.ArgumentParser(
        prog="python -m payequity.datasets",
        description="Write the sample municipality (pay.csv, survey.toml, injected_gaps.json).",
    )
    args = add_sample_options(parser).parse_args(argv)
    try:
        folder = write_sample_folder(
            args.out,
            employees=args.employees,
            units=args.units,
            seed=args.seed,
            reports_dir=args.reports_dir,
            archive_dir=args.archive_dir,
        )
    except ParameterError as exc:  # bad --employees/--units: usage error
        print(f"payequity sample: error: {exc}", file=sys.stderr)
        return 2
    print(folder.describe())
    return 0

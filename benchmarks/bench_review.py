"""Time the salary review (DESIGN §10).

    python benchmarks/bench_review.py [--sizes 4000 20000]

Generates the sample municipality at each size (ratings and criteria included), runs the data
part of the survey (the review reads its action plan), then times the distribution alone
(``salary_review(..., whatif=False)``), the distribution with the what-if survey, and
``payequity review`` with its files (one workbook per manager). Not a test: the numbers depend
on the machine (reference: 2 cores, 24 GB).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench_run import sample_config  # the same sample set-up as the run's benchmark

import payequity as pe
from payequity.pipeline import run_review


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[4000, 20000])
    args = parser.parse_args()
    print(
        f"{'employees':>10} {'units':>6} {'matrix s':>9} {'what-if s':>10} {'command s':>10} "
        f"{'workbooks':>10}"
    )
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            toml = sample_config(tmp, n)
            pe.run(toml, only="data", timestamp="2026-10-30T12:00:00Z")
            data = pe.load_survey(toml)
            kw = dict(
                ratings=Path(tmp) / "ratings.csv",
                criteria=Path(tmp) / "criteria.toml",
                pot_pct=3.0,
                guarantee=300,
            )
            start = time.perf_counter()
            pe.salary_review(data, whatif=False, **kw)
            matrix = time.perf_counter() - start
            start = time.perf_counter()
            pe.salary_review(data, **kw)
            whatif = time.perf_counter() - start
            start = time.perf_counter()
            done = run_review(toml, timestamp="2027-03-01T00:00:00Z")
            command = time.perf_counter() - start
            books = sum(1 for w in done.written if w.startswith("review/managers/"))
            units = data.frame[data.unit_column].nunique()
            print(f"{n:>10} {units:>6} {matrix:>9.1f} {whatif:>10.1f} {command:>10.1f} {books:>10}")


if __name__ == "__main__":
    main()

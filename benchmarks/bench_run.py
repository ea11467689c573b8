"""Time the whole yearly run, documents included (DESIGN §10).

    python benchmarks/bench_run.py [--sizes 4000 20000]

Generates the sample municipality at each size (no Oaxaca bootstrap, to time the documents
rather than the resampling) and times ``payequity.run`` by part: data files only, the
workbook only, and the PDFs only (the overview and one PDF per unit). Not a test: the numbers
depend on the machine (reference: 2 cores, 24 GB).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import payequity as pe
from payequity.datasets import generate_frame, write_sample


def sample_config(tmp: str, n: int) -> Path:
    """The sample municipality of ``n`` employees in ``tmp``, without the Oaxaca bootstrap."""
    frame, injected = generate_frame(n, seed=0)
    write_sample(frame, injected, tmp)
    toml = Path(tmp) / "survey.toml"
    toml.write_text(toml.read_text("utf-8") + "\n[analysis]\nbootstrap_reps = 0\n", "utf-8")
    return toml


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[4000, 20000])
    args = parser.parse_args()
    print(f"{'employees':>10} {'units':>6} {'data s':>8} {'xlsx s':>8} {'pdf s':>8} {'pages':>6}")
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            toml = sample_config(tmp, n)
            times = {}
            for part in ("data", "xlsx", "pdf"):
                start = time.perf_counter()
                pe.run(toml, only=part, timestamp="2026-10-30T12:00:00Z")
                times[part] = time.perf_counter() - start
            from pypdf import PdfReader

            pages = len(PdfReader(Path(tmp) / "reports" / "pdf" / "overview.pdf").pages)
            units = len(list((Path(tmp) / "reports" / "pdf" / "units").glob("*.pdf")))
            print(
                f"{n:>10} {units:>6} {times['data']:>8.1f} {times['xlsx']:>8.1f} "
                f"{times['pdf']:>8.1f} {pages:>6}"
            )


if __name__ == "__main__":
    main()

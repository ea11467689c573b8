"""Time loading and validating pay data at several sizes (DESIGN §10).

    python benchmarks/bench_load.py [--sizes 4000 50000 200000] [--repeat 3]

Generates the sample municipality at each size (written as the Swedish CSV export), then
times ``load_survey`` (read, map, validate, derive) and ``payequity.run`` (load + manifest +
data files). Prints the best of ``--repeat`` runs per size. Not a test: numbers depend on the
machine (the reference machine has 2 cores and 24 GB).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from payequity import run
from payequity.datasets import generate_frame, write_sample
from payequity.io import load_survey


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[4000, 50000, 200000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'employees':>10} {'units':>6} {'csv MB':>7} {'load s':>8} {'run s':>8} {'rows/s':>10}")
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            frame, injected = generate_frame(n, seed=0)
            write_sample(frame, injected, tmp)
            cfg = Path(tmp) / "survey.toml"
            size = (Path(tmp) / "pay.csv").stat().st_size / 1e6
            load = best_of(args.repeat, lambda cfg=cfg: load_survey(cfg))
            out = Path(tmp) / "out"
            whole = best_of(
                args.repeat,
                lambda cfg=cfg, out=out: run(cfg, out=out, timestamp="2026-09-30T00:00:00Z"),
            )
            units = frame["unit_path"].nunique()
            print(f"{n:>10} {units:>6} {size:>7.1f} {load:>8.2f} {whole:>8.2f} {n / load:>10.0f}")


if __name__ == "__main__":
    main()

"""Time the survey analyses at several sizes (DESIGN §10).

    python benchmarks/bench_survey.py [--sizes 4000 20000 50000]

Generates the sample municipality at each size and times, best of ``--repeat``:
job evaluation, equal work for the organisation and per unit (both pay measures), and equal
value. Not a test: the numbers depend on the machine (reference: 2 cores, 24 GB).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import payequity as pe
from payequity.datasets import generate_frame, write_sample


def best_of(repeat: int, fn) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - start)
    return best, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[4000, 20000, 50000])
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    pays = ["base_salary", "monthly_pay"]
    print(
        f"{'employees':>10} {'units':>6} {'jobeval s':>10} {'work org s':>11} {'work units s':>13} {'value s':>8}"
    )
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            frame, injected = generate_frame(n, seed=0)
            write_sample(frame, injected, tmp)
            data = pe.load_survey(Path(tmp) / "survey.toml")
            t_ev, ev = best_of(
                args.repeat,
                lambda tmp=tmp, data=data: pe.evaluate_jobs(
                    Path(tmp) / "job_evaluation.csv", data=data
                ),
            )
            t_org, _ = best_of(args.repeat, lambda data=data: pe.equal_work(data, pay=pays))
            t_unit, _ = best_of(
                args.repeat, lambda data=data: pe.equal_work(data, pay=pays, by="unit")
            )
            t_val, _ = best_of(
                args.repeat, lambda data=data, ev=ev: pe.equal_value(data, ev, pay=pays)
            )
            units = data.frame["unit_path"].nunique()
            print(f"{n:>10} {units:>6} {t_ev:>10.2f} {t_org:>11.2f} {t_unit:>13.2f} {t_val:>8.2f}")


if __name__ == "__main__":
    main()

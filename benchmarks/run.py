"""The benchmark of issue 18: payequity against its reference points, as whole processes.

    python benchmarks/run.py --employees 50000 --units 500 [--repeat 3] [--no-documents]
                             [--out benchmarks/RESULTS.md]

Writes a generated municipality of that size (``payequity sample``) and measures, each as a
fresh process (wall time and peak memory, the median of ``--repeat`` runs):

- ``import pandas`` and ``import payequity``; ``payequity --help``;
- loading with validation (``payequity.load_survey``) against ``pandas.read_csv(engine="pyarrow")``
  of the same file;
- the equal-work fits of every (unit, work group) with both genders: payequity's
  ``equal_work(by="unit")`` against a loop of statsmodels formula fits over the same groups;
- the whole survey without documents (``payequity run --only data``) and, unless
  ``--no-documents``, with every document (``payequity run``).

The results, with the machine's description and the ratios, go to ``--out`` as Markdown.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# what each measurement runs in its own process; it prints {"seconds": …} as its last line
SNIPPETS = {
    "import pandas": "import pandas\nDONE()",
    "import payequity": "import payequity\nDONE()",
    "read_csv (pyarrow)": (
        "import pandas as pd\nt=T()\npd.read_csv(PAY, sep=';', engine='pyarrow')\nS(t)\nDONE()"
    ),
    "load with validation": ("import payequity as pe\nt=T()\npe.load_survey(TOML)\nS(t)\nDONE()"),
    "equal work, every unit": (
        "import payequity as pe\nd=pe.load_survey(TOML)\nt=T()\n"
        "pe.equal_work(d, by='unit', controls=['tenure_years', 'age'])\nS(t)\nDONE()"
    ),
    "statsmodels loop, same groups": (
        "import numpy as np, payequity as pe, statsmodels.formula.api as smf\n"
        "d=pe.load_survey(TOML); f=d.frame.assign(female=(d.frame['gender']=='F').astype(float),"
        " lny=np.log(d.frame['base_salary']))\n"
        "groups=[g for _, g in f.groupby([d.unit_column, 'work_group'])"
        " if g['female'].sum()>=3 and (1-g['female']).sum()>=3]\nt=T()\n"
        "for g in groups: smf.ols('lny ~ female + tenure_years + age', data=g).fit()\nS(t)\nDONE()"
    ),
}
PRELUDE = (
    "import json, sys, time, resource\n"
    "T=time.perf_counter\n"
    "INSIDE=[None]\n"
    "def S(t): INSIDE[0]=time.perf_counter()-t\n"
    "def DONE(): print(json.dumps({'seconds': INSIDE[0], 'peak_mb': "
    "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024}))\n"
)
CLI = (
    "from payequity.cli import main\n"
    "try:\n    rc = main(ARGS)\nexcept SystemExit as e:\n    rc = e.code or 0\n"
    "DONE()\nsys.exit(rc)\n"
)


def _measure(code: str, env: dict) -> tuple[float, float, float]:
    """(wall seconds of the process, seconds of its timed part or NaN, its peak memory MB)."""
    argv = [sys.executable, "-c", PRELUDE + code]
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"benchmark step failed:\n{code}\n{done.stderr[-2000:]}")
    last = json.loads(done.stdout.strip().splitlines()[-1])
    inside = float("nan") if last["seconds"] is None else float(last["seconds"])
    return wall, inside, float(last["peak_mb"])


def _median(runs: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    return tuple(statistics.median(r[i] for r in runs) for i in range(3))  # type: ignore[return-value]


def _machine() -> str:
    mem = ""
    try:
        with open("/proc/meminfo", encoding="utf-8") as fh:
            kb = int(fh.readline().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GB memory"
    except OSError:
        pass
    cpu = platform.processor() or platform.machine()
    return (
        f"{platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu}){mem}; "
        f"Python {platform.python_version()}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=50_000)
    parser.add_argument("--units", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-documents", action="store_true", help="skip the full run")
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name("RESULTS.md"))
    args = parser.parse_args(argv)
    env = dict(os.environ, PYTHONHASHSEED="0")
    with tempfile.TemporaryDirectory(prefix="payequity-bench-") as tmp:
        folder = Path(tmp)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "payequity.datasets",
                "--out",
                str(folder),
                "--employees",
                str(args.employees),
                "--units",
                str(args.units),
            ],
            check=True,
            capture_output=True,
        )
        toml, pay = folder / "survey.toml", folder / "pay.csv"
        # no bootstrap only where asked: the default survey.toml keeps analysis.bootstrap_reps
        prelude = f"TOML={str(toml)!r}\nPAY={str(pay)!r}\n"
        results: dict[str, tuple[float, float, float]] = {}
        for name, code in SNIPPETS.items():
            results[name] = _median([_measure(prelude + code, env) for _ in range(args.repeat)])

        def cli(*words: str) -> str:
            return prelude + f"ARGS={list(words)!r}\n" + CLI

        results["payequity --help"] = _median(
            [_measure(cli("--help"), env) for _ in range(args.repeat)]
        )
        run = (
            "run",
            str(toml),
            "--out",
            str(folder / "out"),
            "--quiet",
            "--timestamp",
            "2026-12-08T00:00:00Z",
        )
        results["run --only data"] = _median(
            [_measure(cli(*run, "--only", "data"), env) for _ in range(args.repeat)]
        )
        if not args.no_documents:
            results["run (every document)"] = _median([_measure(cli(*run), env)])
    args.out.write_text(_report(args, results), encoding="utf-8")
    print(args.out.read_text(encoding="utf-8"))
    return 0


def _report(args: argparse.Namespace, r: dict[str, tuple[float, float, float]]) -> str:
    def wall(name: str) -> float:
        return r[name][0]

    def inside(name: str) -> float:
        return r[name][1]

    lines = [
        "# Benchmark results",
        "",
        f"`python benchmarks/run.py --employees {args.employees} --units {args.units} "
        f"--repeat {args.repeat}{' --no-documents' if args.no_documents else ''}`, "
        f"{time.strftime('%Y-%m-%d')}. Machine: {_machine()}.",
        "",
        "Each row is a fresh process; the median of the runs. *Wall* is the whole process "
        "(start-up and import included), *inside* the timed part only, *peak* the process's "
        "largest resident memory.",
        "",
        "| measurement | wall s | inside s | peak MB |",
        "|---|---:|---:|---:|",
    ]
    for name, (w, i, m) in r.items():
        inner = "" if i != i else f"{i:.2f}"  # NaN: no inner timing
        lines.append(f"| {name} | {w:.2f} | {inner} | {m:.0f} |")
    ratios = [
        (
            "load with validation / read_csv (pyarrow)",
            inside("load with validation") / inside("read_csv (pyarrow)"),
            "≤ 2",
        ),
        (
            "statsmodels loop / equal work, every unit",
            inside("statsmodels loop, same groups") / inside("equal work, every unit"),
            "≥ 20",
        ),
        (
            "import payequity / import pandas",
            wall("import payequity") / wall("import pandas"),
            "≤ 1.2",
        ),
    ]
    lines += ["", "| ratio | value | target |", "|---|---:|---|"]
    lines += [f"| {name} | {value:.2f} | {target} |" for name, value, target in ratios]
    lines += [
        "",
        "Targets at 50 000 employees / 500 units (issue 18): `run --only data` < 5 s wall, "
        "the full run < 60 s; `payequity --help` < 0.5 s.",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())

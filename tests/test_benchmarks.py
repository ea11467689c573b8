"""The benchmark script runs (issue 18): a tiny smoke run, so `benchmarks/run.py` cannot rot.
The numbers themselves are machine-dependent and belong in benchmarks/RESULTS.md, not here."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_the_benchmark_script_writes_every_measurement_and_ratio(tmp_path):
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "benchmarks" / "run.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    out = tmp_path / "RESULTS.md"
    args = ["--employees", "400", "--units", "8", "--repeat", "1", "--no-documents"]
    assert bench.main([*args, "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    for row in (*bench.SNIPPETS, "payequity --help", "run --only data"):
        assert f"| {row} |" in text, row
    assert "| load with validation / read_csv (pyarrow) |" in text
    assert "cores" in text  # the machine is described

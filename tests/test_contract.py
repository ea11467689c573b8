"""The output folder and the public API against DESIGN.md, via ../shared/tools/check_contract.py."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import SAMPLE

import payequity as pe


def _check(shared, *args: str) -> subprocess.CompletedProcess[str]:
    tool = shared / "tools" / "check_contract.py"
    return subprocess.run(
        [sys.executable, str(tool), *args], capture_output=True, text=True, check=False
    )


@pytest.mark.pdf
def test_sample_run_output_meets_the_contract(shared, tmp_path):
    pe.run(SAMPLE / "survey.toml", out=tmp_path, timestamp="2026-09-30T12:00:00Z")
    done = _check(shared, str(tmp_path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 contract problems" in done.stdout


def test_public_api_meets_the_contract(shared):
    done = _check(shared, "--api")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 contract problems" in done.stdout

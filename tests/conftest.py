"""Shared fixtures: the shared data folder (DESIGN §9), the committed sample, a hypothesis profile."""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib
import pytest
from hypothesis import settings

matplotlib.use("Agg")  # tests draw charts without a screen

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "sample"

settings.register_profile("payequity", deadline=None, max_examples=60)
settings.load_profile("payequity")


def shared_dir() -> Path:
    return Path(os.environ.get("PAYEQUITY_SHARED", ROOT.parent / "shared")).resolve()


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared folder; skips (or fails under PAYEQUITY_REQUIRE_SHARED=1) when absent."""
    path = shared_dir()
    if not (path / "data").is_dir():
        msg = f"shared data not found at {path} (set PAYEQUITY_SHARED)"
        if os.environ.get("PAYEQUITY_REQUIRE_SHARED") == "1":
            pytest.fail(msg + "; PAYEQUITY_REQUIRE_SHARED=1 makes this a failure")
        pytest.skip(msg)
    return path


@pytest.fixture
def write(tmp_path):
    """Write a hand-made file: ``write("name.csv", text, encoding="utf-8")`` → its path."""

    def _write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode(encoding))
        return path

    return _write

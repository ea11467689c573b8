"""Shared fixtures: the shared data folder (DESIGN §9), the committed sample, a hypothesis profile.

The suite runs in one pytest invocation over the cores (``make test``: pytest-xdist with
``--dist loadfile``, so a file's module-scoped fixtures are computed once). To keep it fast:

- ``sample_run`` runs the committed sample once per worker (data files only); tests read it
  and never write into its folder (copy first when a test changes files);
- markers: ``pdf`` (renders PDFs) and ``slow`` (more than a few seconds without PDFs; also set
  here on tests using ``sample_run``, on doctests that run the sample and on the notebooks).
  ``make test-fast`` deselects both and skips the notebooks;
- on the workers, files holding slow or pdf tests are handed out first, so the many quick
  files fill in at the end and the cores finish together.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

# One BLAS thread per process, set before numpy loads (subprocesses and notebook kernels inherit
# it): the xdist workers already use every core, and OpenBLAS threads competing with the other
# worker made the suite about twice as slow. Set the variables yourself to override.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
# The xdist workers already use every core: unit PDFs are rendered one by one here (the pool
# of processes, payequity.pipeline._parallel, has a test of its own that sets this to 2).
os.environ.setdefault("PAYEQUITY_WORKERS", "1")

import matplotlib  # noqa: E402 - after the thread settings
import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

matplotlib.use("Agg")  # tests draw charts without a screen

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "sample"
SAMPLE_TS = "2026-09-30T12:00:00Z"

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


@pytest.fixture(scope="session")
def sample_run(tmp_path_factory):
    """The committed sample's yearly run, once per test run: ``pe.run(SAMPLE / "survey.toml",
    out=<empty folder>, only="data", timestamp=SAMPLE_TS)``.

    Its ``out_dir`` holds the data files, the manifest and the archive (``out_dir/archive``).
    Read only: a test that changes files works on a copy.
    """
    import payequity as pe

    out = tmp_path_factory.mktemp("sample_run")
    return pe.run(SAMPLE / "survey.toml", out=out, only="data", timestamp=SAMPLE_TS)


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


# --- scheduling: markers and the order of hand-out ----------------------------------------------

SHARED_RUNS = ("sample_run",)  # session fixtures that make a test slow
# the test files that use sample_run (by name): xdist hands them out as one unit, so one
# worker runs the sample
SAMPLE_RUN_FILES = tuple(
    path.relative_to(ROOT).as_posix()
    for path in sorted(Path(__file__).parent.glob("test_*.py"))
    if re.search(r"\bsample_run\b", path.read_text(encoding="utf-8"))
)


def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """``--dist loadfile`` with the SAMPLE_RUN_FILES as one work unit."""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class Scheduling(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            scope = super()._split_scope(nodeid)
            return "sample_run" if scope in SAMPLE_RUN_FILES else scope

    return Scheduling(config, log)


def _runs_the_sample(item: pytest.Item) -> bool:
    """A doctest that runs the yearly survey (``pe.run(...)``)."""
    dtest = getattr(item, "dtest", None)
    return dtest is not None and any("pe.run(" in ex.source for ex in dtest.examples)


@pytest.hookimpl(tryfirst=True)  # the marks set here count for -m (deselection comes later)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        names = getattr(item, "fixturenames", ())
        if (
            item.path.suffix == ".ipynb"
            or _runs_the_sample(item)
            or any(name in names for name in SHARED_RUNS)
        ):
            item.add_marker(pytest.mark.slow)
    if hasattr(config, "workerinput"):  # an xdist worker: its order is the order of hand-out
        items[:] = _heavy_files_first(items)


def _heavy_files_first(items: list[pytest.Item]) -> list[pytest.Item]:
    """xdist's work units in the order to hand them out: the SAMPLE_RUN_FILES (the biggest
    unit), then the files holding slow or pdf tests, then the quick ones to fill in at the end;
    the order otherwise kept."""
    files: dict[str, list[pytest.Item]] = {}
    for item in items:
        files.setdefault(item.nodeid.split("::")[0], []).append(item)

    def rank(name: str) -> int:
        if name in SAMPLE_RUN_FILES:
            return 0
        marked = (
            item.get_closest_marker("slow") or item.get_closest_marker("pdf")
            for item in files[name]
        )
        return 1 if any(marked) else 2

    return [item for name in sorted(files, key=rank) for item in files[name]]

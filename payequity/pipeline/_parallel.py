"""The unit PDFs rendered in parallel over the cores (issue 18).

Drawing a unit's charts and laying out its PDF takes about a second, all of it in Python, so
the units go to a pool of fresh processes (``spawn``: no typst or BLAS threads are inherited),
each given the run once. ``PAYEQUITY_WORKERS`` sets the number of processes (1: in this
process); by default one per core, and none below :data:`MIN_UNITS` units, where starting
the pool costs more than it saves. The bytes are the same as rendered one by one.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections.abc import Iterator
from typing import Any

from ..exceptions import ConfigError

__all__ = ["MIN_UNITS", "unit_pdfs", "workers_for"]

MIN_UNITS = 8
_RUN: Any = None


def workers_for(n_units: int) -> int:
    """How many processes render ``n_units`` unit PDFs (1: this process alone)."""
    raw = os.environ.get("PAYEQUITY_WORKERS", "").strip()
    if raw:
        if not raw.isdigit():
            raise ConfigError(
                f"PAYEQUITY_WORKERS={raw!r} is not a whole number; give the number of processes "
                "for the unit PDFs (1 renders them one by one) or unset it"
            )
        return max(1, min(int(raw), n_units))
    if n_units < MIN_UNITS:
        return 1
    return max(1, min(os.cpu_count() or 1, n_units))


def _start(blob: bytes) -> None:
    global _RUN
    _RUN = pickle.loads(blob)


def _render(unit: str) -> tuple[str, bytes]:
    from ..report import unit_pdf

    return unit, unit_pdf(_RUN, unit)[0]


def unit_pdfs(run: Any, units: list[str]) -> Iterator[tuple[str, bytes]]:
    """``(unit, pdf bytes)`` for each unit, in order, rendered over :func:`workers_for`
    processes."""
    workers = workers_for(len(units))
    if workers <= 1:
        from ..report import unit_pdf

        for u in units:
            yield u, unit_pdf(run, u)[0]
        return
    blob = pickle.dumps(run, protocol=pickle.HIGHEST_PROTOCOL)
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(workers, initializer=_start, initargs=(blob,)) as pool:
        yield from pool.imap(_render, units)

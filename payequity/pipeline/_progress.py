"""Progress a person can read: a bar on a terminal, one line per step in a log (cron).

``progress_bar(mode, total, desc)`` gives a tqdm bar (``"bar"``), a :class:`StepLines` that
writes one line per finished step with its elapsed seconds (``"lines"``), or a silent bar
(``None``/``False``). All three take the same calls: ``set_postfix_str(step)``, ``update()``
and ``total``.
"""

from __future__ import annotations

import re
import sys
import time
from typing import Any, TextIO

__all__ = ["StepLines", "progress_bar"]

_EACH = re.compile(r"^(PDF|statement) ")  # per-document steps: one line for all of them


class StepLines:
    """One line per step, written when the step ends: ``payequity run: equal work 12.5 s``.

    Per-document steps (``PDF <unit>``) are one step, "unit PDFs", with their count.
    """

    def __init__(self, desc: str, stream: TextIO | None = None):
        self.desc, self.stream = desc, stream or sys.stderr
        self.total = 0
        self.step: str | None = None
        self.count = 0
        self.started = time.perf_counter()

    def set_postfix_str(self, text: str) -> None:
        label = (
            ("unit PDFs" if text.startswith("PDF") else "statements") if _EACH.match(text) else text
        )
        if label != self.step:
            self._flush()
            self.step, self.count, self.started = label, 0, time.perf_counter()

    def update(self, n: int = 1) -> None:
        self.count += n
        if self.step not in ("unit PDFs", "statements"):
            self._flush()

    def _flush(self) -> None:
        many = self.step in ("unit PDFs", "statements")
        if self.step is not None:
            seconds = time.perf_counter() - self.started
            what = f"{self.step} ({self.count})" if many else self.step
            print(f"{self.desc}: {what} {seconds:.1f} s", file=self.stream, flush=True)
        self.step = None

    def close(self) -> None:
        self._flush()

    def __enter__(self) -> StepLines:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def progress_bar(mode: bool | str | None, total: int, desc: str, unit: str = "step") -> Any:
    """A bar for ``mode``: ``True``/``"bar"`` a tqdm bar, ``"lines"`` :class:`StepLines`,
    anything else a disabled bar."""
    if mode == "lines":
        return StepLines(desc)
    from tqdm.auto import tqdm

    return tqdm(total=total, disable=mode not in (True, "bar"), desc=desc, unit=unit)

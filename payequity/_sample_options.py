"""The options of ``payequity sample`` (= ``python -m payequity.datasets``), as data: a leaf,
so the CLI can build its help without importing the generator (and pandas)."""

from __future__ import annotations

from typing import Any

__all__ = ["SAMPLE_OPTIONS"]

#: ``(flag, argparse keyword arguments)`` of the sample generator's options.
SAMPLE_OPTIONS: tuple[tuple[str, dict[str, Any]], ...] = (
    ("--employees", {"type": int, "default": 4000, "help": "rows (default 4000)"}),
    ("--units", {"type": int, "default": None, "help": "enheter (default ~1 per 70)"}),
    ("--seed", {"type": int, "default": 0, "help": "random seed (default 0)"}),
    ("--out", {"required": True, "help": "folder to write into"}),
    (
        "--reports-dir",
        {"default": "reports", "help": "[output] dir in survey.toml (default reports)"},
    ),
    ("--archive-dir", {"default": None, "help": "[archive] dir (default <reports-dir>/archive)"}),
)

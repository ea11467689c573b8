"""A small summary object shared by result classes: prints as text, renders as HTML."""

from __future__ import annotations

import html
from dataclasses import dataclass, field

import pandas as pd


@dataclass(frozen=True)
class Summary:
    """Text and HTML summary of a result: a title, labelled facts and optional tables."""

    title: str
    facts: list[tuple[str, str]] = field(default_factory=list)
    tables: list[tuple[str, pd.DataFrame]] = field(default_factory=list)

    def as_text(self) -> str:
        lines = [self.title, "=" * len(self.title)]
        width = max((len(k) for k, _ in self.facts), default=0)
        lines += [f"{k.ljust(width)}  {v}" for k, v in self.facts]
        for caption, table in self.tables:
            lines += ["", caption, table.to_string(index=False) if len(table) else "(none)"]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.as_text()

    def __repr__(self) -> str:
        return self.as_text()

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><th style='text-align:left'>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>"
            for k, v in self.facts
        )
        parts = [f"<h4>{html.escape(self.title)}</h4><table>{rows}</table>"]
        for caption, table in self.tables:
            body = table.to_html(index=False, border=0) if len(table) else "<p>(none)</p>"
            parts.append(f"<p><b>{html.escape(caption)}</b></p>{body}")
        return "".join(parts)

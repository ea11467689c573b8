"""PayData in words: what ``payequity validate`` prints (rows read, kept, excluded, and why)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._load import PayData

__all__ = ["describe"]


def describe(data: PayData, *, examples: int = 3) -> str:
    """Rows read, kept and excluded; exclusions and warnings by kind with example rows."""
    p = data.provenance
    lines = [
        f"{p.file}: {p.rows_read} rows read, {p.rows_kept} kept, {p.rows_excluded} excluded"
        + (f" ({len(data.warnings)} warnings)" if len(data.warnings) else "")
    ]
    if p.dropped_columns:
        lines.append(f"dropped columns holding personnummer: {', '.join(p.dropped_columns)}")
    hint = _decimal_hint(data)
    if hint:
        lines.append(hint)
    for title, frame, col in (
        ("excluded rows by reason", data.exclusions, "reason"),
        ("warnings by kind", data.warnings, "warning"),
    ):
        if frame.empty:
            continue
        lines.append(f"{title}:")
        counts = frame[col].value_counts()
        width = max(len(str(k)) for k in counts.index)
        for kind, n in counts.items():
            lines.append(f"  {str(kind).ljust(width)}  {n}")
            for _, r in frame[frame[col] == kind].head(examples).iterrows():
                lines.append(f"    row {r['source_row']}: {r['column']} = {r['value']!r}")
    return "\n".join(lines)


def _decimal_hint(data: PayData) -> str:
    """Excluded pay that looks like decimal commas in a decimal-point file: say how to fix it."""
    if data.provenance.details.get("decimal") != ".":
        return ""
    ex = data.exclusions
    values = ex.loc[ex["reason"] == "invalid_pay", "value"].astype(str)
    if values.str.fullmatch(r"-?[\d\s.]*\d,\d{1,2}").any():
        return (
            "hint: excluded pay like "
            f"{values[values.str.contains(',')].iloc[0]!r} looks like a decimal comma: set "
            'data.decimal = "," in survey.toml'
        )
    return ""

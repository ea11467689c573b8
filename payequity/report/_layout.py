"""How the report's tables are laid out: groups of rows under a heading (a unit, a department),
columns of names that never hyphenate, and text copied from the registers in its own language.

The template's ``data-table`` (``templates/report.typ``) reads the fields built here:
``groups`` (a list of ``{label, start}``: a heading row before row ``start``), ``merge`` (the
indexes of columns whose equal cells in consecutive rows are merged into one cell, keeping those
rows together on a page), ``names`` (the indexes of columns whose cells are names — units, jobs —
set in ``names_lang`` and never hyphenated) and ``lang`` (one language code per column, for text
in another language than the report's; an English table with such columns says so in its note). Names and the registers' texts are in Swedish, the language of the pay data, so an
English report sets them with Swedish rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..actions import unit_names

if TYPE_CHECKING:
    from ._sections import Writer

__all__ = [
    "NAMES_LANG",
    "REGISTER_NOTE",
    "grouped",
    "known_names",
    "table_block",
    "unit_heading",
    "unit_headings",
    "unit_order",
    "unit_rows",
]

NAMES_LANG = "sv"  # the language of the pay data's names and of the registers: Swedish employers

_OPTIONS = (
    "align",
    "widths",
    "caption",
    "note",
    "highlight",
    "size",
    "groups",
    "merge",
    "names",
    "register",
)
# Said under a table of an English report with columns copied from the (Swedish) registers.
REGISTER_NOTE = "Text from the registers is shown as written, in Swedish."


def known_names(w: Writer) -> frozenset[str]:
    """Every job label and unit name a table cell may hold (the whole path, the unit's own
    name, and the words for the whole organisation)."""
    units = {str(u) for u in w.run.data.frame[w.run.data.unit_column].dropna().astype(str)}
    return frozenset(
        set(w.labels.values())
        | units
        | set(unit_names(units).values())
        | {w.tr("Hela organisationen", "Whole organisation")}
    )


def table_block(w: Writer, columns: list[str], rows: list[list[str]], options: dict) -> dict:
    """A table block for the template. ``names`` defaults to the columns whose every cell is a
    job or unit name; ``register`` lists columns of text copied from the registers (set in the
    names' language when the report is in another)."""
    unknown = set(options) - set(_OPTIONS)
    if unknown:
        raise TypeError(f"unknown table options: {', '.join(sorted(unknown))}")
    block: dict[str, Any] = {"type": "table", "columns": columns, "rows": rows}
    names = options.get("names")
    if names is None:
        names = _name_columns(w, len(columns), rows)
    register = options.get("register") or []
    for k in _OPTIONS[:8]:
        if options.get(k) is not None:
            block[k] = options[k]
    if w.language != NAMES_LANG and register:
        block["lang"] = [NAMES_LANG if j in register else None for j in range(len(columns))]
        if w.language == "en" and rows:
            note = block.get("note")
            block["note"] = f"{note} {REGISTER_NOTE}" if note else REGISTER_NOTE
    if names:
        block["names"] = sorted(names)
    return block


def _name_columns(w: Writer, n: int, rows: list[list[str]]) -> list[int]:
    known = w.names
    out = []
    for j in range(n):
        cells = [str(r[j]) for r in rows if str(r[j]) not in ("", "–")]
        if cells and all(c in known for c in cells):
            out.append(j)
    return out


def grouped(items: Iterable[tuple[str, list[str]]]) -> tuple[list[list[str]], list[dict]]:
    """Rows tagged with their group's label, in order, as the rows and ``groups`` of a table:
    a heading wherever the label changes."""
    rows: list[list[str]] = []
    groups: list[dict] = []
    for label, row in items:
        if not groups or groups[-1]["label"] != label:
            groups.append({"label": label, "start": len(rows)})
        rows.append(row)
    return rows, groups


def unit_order(unit: str) -> tuple[bool, str]:
    """Sort key of units: the whole organisation (empty unit) first, then by path."""
    return (unit != "", unit)


def unit_heading(w: Writer, unit: str, names: dict[str, str]) -> str:
    """A unit's group heading: its own name, the whole path where two units share the name."""
    return names.get(unit) or w.tr("Hela organisationen", "Whole organisation")


def unit_headings(w: Writer) -> dict[str, str]:
    """Every unit's own name (the last part of its path), the whole path where names collide
    (:func:`payequity.actions.unit_names` over all the run's units)."""
    return unit_names(w.run.data.frame[w.run.data.unit_column].dropna().astype(str))


def unit_rows(w: Writer, cells: dict[str, list[str]]) -> tuple[list[list[str]], list[dict] | None]:
    """A table of one row per unit (``cells``: unit → the row's other cells, in order): grouped
    by department (the first part of the path), in the given order within each, with each unit
    named within it; or, when some unit has no department, one row per unit by its own name
    and no groups."""
    if cells and all("/" in u for u in cells):
        items = sorted(((u.split("/", 1), c) for u, c in cells.items()), key=lambda x: x[0][0])
        return grouped((dept, [name, *c]) for (dept, name), c in items)
    names = unit_headings(w)
    return [[names.get(u, u) or unit_heading(w, u, names), *c] for u, c in cells.items()], None

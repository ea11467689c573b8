"""Render a report document (a JSON-ready dict) to PDF with typst (DESIGN §8).

The template ``templates/report.typ`` renders whatever ``data.json`` beside it describes; the
content builder produces every string already translated and formatted. Data is passed only as
JSON, never spliced into markup, so any character in the text prints literally. Fonts: only those
embedded in typst (Libertinus Serif), with system fonts ignored, so the PDF looks the same on
every machine; with a fixed timestamp the bytes are the same too.
"""

from __future__ import annotations

import json
import re
import tempfile
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import typst

from payequity.exceptions import PayEquityError

__all__ = ["BLOCK_TYPES", "render_pdf"]

BLOCK_TYPES = frozenset(
    {"text", "heading", "facts", "table", "figure", "notice", "list", "signatures", "pagebreak"}
)
_FALLBACK_TIMESTAMP = datetime(2000, 1, 1, tzinfo=UTC)
_ASSET_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_RESERVED = {"report.typ", "data.json"}


def _template() -> bytes:
    return resources.files("payequity").joinpath("templates", "report.typ").read_bytes()


def _font_paths() -> list[str]:
    fonts = resources.files("payequity").joinpath("templates", "fonts")
    return [str(fonts)] if fonts.is_dir() else []


def _fail(where: str, what: str) -> PayEquityError:
    return PayEquityError(f"report document: {where}: {what}")


def _check_text(value: Any, where: str) -> None:
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise _fail(where, f"expected text, got {type(value).__name__}")


def _check_block(block: Any, where: str, assets: dict[str, bytes]) -> None:
    if not isinstance(block, dict):
        raise _fail(where, f"a block must be an object, got {type(block).__name__}")
    kind = block.get("type")
    if kind not in BLOCK_TYPES:
        raise _fail(where, f"unknown block type {kind!r} (known: {', '.join(sorted(BLOCK_TYPES))})")
    where = f"{where} ({kind})"
    if kind in {"text", "notice"}:
        _check_text(block.get("text"), f"{where}.text")
        if kind == "notice" and block.get("tone", "info") not in {"info", "warning"}:
            raise _fail(where, f"tone must be 'info' or 'warning', got {block.get('tone')!r}")
    elif kind == "heading":
        _check_text(block.get("text"), f"{where}.text")
        if block.get("level", 2) not in {2, 3}:
            raise _fail(where, f"level must be 2 or 3, got {block.get('level')!r}")
    elif kind == "facts":
        _check_rows(block.get("rows"), 2, f"{where}.rows")
    elif kind == "list":
        items = block.get("items")
        if not isinstance(items, list):
            raise _fail(where, "items must be a list")
        for i, item in enumerate(items):
            _check_text(item, f"{where}.items[{i}]")
    elif kind == "table":
        _check_table(block, where)
    elif kind == "figure":
        name = block.get("file")
        if not isinstance(name, str) or name not in assets:
            known = ", ".join(sorted(assets)) or "none"
            raise _fail(where, f"image {name!r} is not among the assets given (given: {known})")
    elif kind == "signatures":
        parties = block.get("parties")
        if not isinstance(parties, list) or not parties:
            raise _fail(where, "parties must be a non-empty list")
        for i, party in enumerate(parties):
            if not isinstance(party, dict) or not isinstance(party.get("lines", []), list):
                raise _fail(where, f"party {i} must be {{role, lines: [...]}}")


def _check_rows(rows: Any, width: int, where: str) -> None:
    if not isinstance(rows, list):
        raise _fail(where, "must be a list of rows")
    for i, row in enumerate(rows):
        if not isinstance(row, list) or len(row) != width:
            got = len(row) if isinstance(row, list) else type(row).__name__
            raise _fail(where, f"row {i} must have {width} cells, has {got}")
        for cell in row:
            if cell is not None:
                _check_text(cell, f"{where}[{i}]")


def _check_table(block: dict, where: str) -> None:
    columns = block.get("columns")
    if not isinstance(columns, list) or not columns:
        raise _fail(where, "columns must be a non-empty list")
    n = len(columns)
    _check_rows(block.get("rows"), n, f"{where}.rows")
    align = block.get("align")
    if align is not None and (
        not isinstance(align, list)
        or len(align) != n
        or any(a not in {"left", "right", "center"} for a in align)
    ):
        raise _fail(where, f"align must list 'left', 'right' or 'center' for each of {n} columns")
    widths = block.get("widths")
    if widths is not None and (
        not isinstance(widths, list)
        or len(widths) != n
        or any(isinstance(w, bool) or not isinstance(w, int | float) or w <= 0 for w in widths)
    ):
        raise _fail(where, f"widths must be {n} positive numbers")
    if block.get("size", "normal") not in {"normal", "small"}:
        raise _fail(where, f"size must be 'normal' or 'small', got {block.get('size')!r}")
    merge = block.get("merge")
    if merge is not None and (
        not isinstance(merge, list)
        or any(isinstance(j, bool) or not isinstance(j, int) or not 0 <= j < n for j in merge)
    ):
        raise _fail(where, f"merge must be a list of column indexes 0 to {n - 1}")
    highlight = block.get("highlight")
    if highlight is not None and (
        not isinstance(highlight, list)
        or any(isinstance(i, bool) or not isinstance(i, int) for i in highlight)
    ):
        raise _fail(where, "highlight must be a list of row indexes")


def validate_document(document: dict, assets: dict[str, bytes] | None = None) -> None:
    """Raise :class:`PayEquityError` naming the first thing the template cannot render."""
    assets = assets or {}
    if not isinstance(document, dict):
        raise _fail("document", "must be an object")
    for name in assets:
        if not _ASSET_NAME.match(name) or name in _RESERVED:
            raise _fail("assets", f"{name!r} is not a plain file name")
    for key in ("title", "organisation"):
        _check_text(document.get(key), key)
    if document.get("lang", "sv") not in {"sv", "en"}:
        raise _fail("lang", f"must be 'sv' or 'en', got {document.get('lang')!r}")
    if document.get("layout", "report") not in {"report", "letter"}:
        raise _fail("layout", f"must be 'report' or 'letter', got {document.get('layout')!r}")
    if document.get("status", "draft") not in {"draft", "final"}:
        raise _fail("status", f"must be 'draft' or 'final', got {document.get('status')!r}")
    if document.get("cover_facts") is not None:
        _check_rows(document["cover_facts"], 2, "cover_facts")
    sections = document.get("sections")
    if not isinstance(sections, list):
        raise _fail("sections", "must be a list")
    for s, section in enumerate(sections):
        if not isinstance(section, dict):
            raise _fail(f"sections[{s}]", "must be an object {title, blocks}")
        _check_text(section.get("title"), f"sections[{s}].title")
        blocks = section.get("blocks", [])
        if not isinstance(blocks, list):
            raise _fail(f"sections[{s}].blocks", "must be a list")
        for b, block in enumerate(blocks):
            _check_block(block, f"sections[{s}].blocks[{b}]", assets)


def _default_timestamp(document: dict) -> datetime:
    created = document.get("created")
    if isinstance(created, str):
        try:
            day = date.fromisoformat(created[:10])
        except ValueError:
            return _FALLBACK_TIMESTAMP
        return datetime(day.year, day.month, day.day, tzinfo=UTC)
    return _FALLBACK_TIMESTAMP


def _one_line(message: str) -> str:
    return " ".join(str(message).split())


def _describe(item: Any) -> str:
    message = _one_line(getattr(item, "message", "") or str(item))
    hints = [_one_line(h) for h in getattr(item, "hints", None) or []]
    return "; ".join([message, *hints]) if hints else message


def render_pdf(
    document: dict,
    assets: dict[str, bytes] | None = None,
    *,
    timestamp: datetime | None = None,
    strict: bool = False,
) -> tuple[bytes, list[str]]:
    """Render ``document`` to PDF; returns ``(pdf_bytes, warnings)``.

    ``assets`` maps plain file names (the ``file`` of figure blocks) to their bytes. The PDF's
    timestamp is ``timestamp``, else the document's ``created`` date, else 2000-01-01, so the
    same inputs give byte-identical output. ``strict=True`` turns any typst warning into a
    :class:`PayEquityError`; a failed compile always raises one, with a one-line message.
    """
    assets = dict(assets or {})
    validate_document(document, assets)
    if timestamp is None:
        timestamp = _default_timestamp(document)
    elif timestamp.tzinfo is None:
        timestamp = timestamp.replace(tzinfo=UTC)
    try:
        payload = json.dumps(document, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise _fail("document", f"cannot be written as JSON: {exc}") from None
    with tempfile.TemporaryDirectory(prefix="payequity-typst-") as tmp:
        root = Path(tmp)
        (root / "report.typ").write_bytes(_template())
        (root / "data.json").write_text(payload, encoding="utf-8")
        for name, content in assets.items():
            (root / name).write_bytes(content)
        try:
            pdf, raw_warnings = typst.compile_with_warnings(
                str(root / "report.typ"),
                root=str(root),
                font_paths=_font_paths(),
                ignore_system_fonts=True,
                format="pdf",
                timestamp=timestamp,
            )
        except typst.TypstError as exc:
            raise PayEquityError(f"could not render the PDF report: {_describe(exc)}") from None
        except RuntimeError as exc:  # older typst bindings raise a bare RuntimeError
            raise PayEquityError(f"could not render the PDF report: {_describe(exc)}") from None
    warnings = [_describe(w) for w in raw_warnings]
    if strict and warnings:
        raise PayEquityError("PDF report rendered with warnings: " + " | ".join(warnings))
    if not isinstance(pdf, bytes):
        raise PayEquityError("could not render the PDF report: typst returned no PDF")
    return pdf, warnings

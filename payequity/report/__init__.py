"""Reports people read: the overview PDF, one PDF per unit, and the workbook (DESIGN §7)."""

from __future__ import annotations

from ._render import (
    overview_pdf,
    render_overview,
    render_unit,
    slug,
    slugs,
    unit_pdf,
    write_workbook,
)

__all__ = [
    "render_overview",
    "render_unit",
    "slugs",
    "write_workbook",
    "overview_pdf",
    "slug",
    "unit_pdf",
]

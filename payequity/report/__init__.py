"""Reports people read: the overview PDF, one PDF per unit, the survey workbook and the
managers' review workbooks (DESIGN §7).

In: a :class:`~payequity.pipeline.SurveyRun` (its result objects, tables and manifest) — or,
for a manager's workbook, the salary review's rows. Out: bytes (``overview_pdf``,
``unit_pdf``, ``write_workbook``, ``manager_workbook``) or a file (``render_overview``,
``render_unit``). PDFs are laid out by typst from ``payequity/templates/report.typ`` with the
content (every text, number and chart) built here, in Swedish unless ``survey.language = "en"``;
data reach typst as JSON, never spliced into markup. ``slug``/``slugs`` name the unit files.
"""

from __future__ import annotations

from ._letters import LetterWords, letter_document, notice_document
from ._manager_workbook import manager_workbook
from ._render import (
    overview_pdf,
    render_overview,
    render_unit,
    slug,
    slugs,
    unit_pdf,
    write_workbook,
)
from ._statements import statement_document

__all__ = [
    "LetterWords",
    "letter_document",
    "notice_document",
    "statement_document",
    "manager_workbook",
    "overview_pdf",
    "render_overview",
    "render_unit",
    "slug",
    "slugs",
    "unit_pdf",
    "write_workbook",
]

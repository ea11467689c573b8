"""Reports people read: the overview PDF, one PDF per unit, the survey workbook and the
managers' review workbooks (DESIGN §7).

In: a :class:`~payequity.pipeline.SurveyRun` (its result objects, tables and manifest) — or,
for a manager's workbook, the salary review's rows. Out: bytes (``overview_pdf``,
``unit_pdf``, ``write_workbook``, ``manager_workbook``) or a file (``render_overview``,
``render_unit``). PDFs are laid out by typst from ``payequity/templates/report.typ`` with the
content (every text, number and chart) built here, in Swedish unless ``survey.language = "en"``;
data reach typst as JSON, never spliced into markup. ``slug``/``slugs`` name the unit files.
The employee's own documents — the Art. 7 letter, the yearly notice of that right and the
pay-talk statement — are words and layout only (``letter_pdf``, ``notice_pdf``,
``statement_pdf``): what they hold is :mod:`payequity.privacy`'s decision.
"""

from __future__ import annotations

from ._letter_words import LetterWords
from ._letters import letter_document, letter_pdf
from ._manager_workbook import manager_workbook
from ._notice import notice_document, notice_pdf
from ._render import (
    overview_pdf,
    render_overview,
    render_unit,
    slug,
    slugs,
    unit_pdf,
    write_workbook,
)
from ._statements import statement_document, statement_pdf

__all__ = [
    "LetterWords",
    "letter_document",
    "letter_pdf",
    "notice_pdf",
    "statement_pdf",
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

"""The yearly run: survey.toml in, one output folder out (DESIGN §7).

In: a :class:`~payequity.config.SurveyConfig` (or the path of a survey.toml). Out: a
:class:`SurveyRun` — the data, the job evaluation, every result object as typed fields of
:class:`SurveyResults`, the manifest and the files written — and the folder itself:
``manifest.json``, ``data/``, ``survey.xlsx``, ``pdf/``, replaced atomically, archived by year.
The run is a list of named steps (:data:`SURVEY_STEPS`), each timed and shown on the progress
bar. :func:`run_review` does the same for the salary review's ``review/`` folder, and
:func:`validate` reads everything a run would read without writing anything.
:func:`write_letters` and :func:`write_statements` write the employee's own documents (Art. 7
letters with their register, pay-talk statements) into ``letters/`` and ``statements/``.
"""

from __future__ import annotations

from ._describe import Validation, validate
from ._files import csv_bytes
from ._letters import LettersRun, StatementsRun, overdue_requests, write_letters, write_statements
from ._review import NO_MANAGER, ReviewRun, run_review
from ._run import ONLY_PARTS, SurveyRun, resolve_timestamp, run
from ._steps import SURVEY_STEPS, RunContext, Step, SurveyResults, evaluation_for, require_rows

__all__ = [
    "LettersRun",
    "StatementsRun",
    "overdue_requests",
    "write_letters",
    "write_statements",
    "NO_MANAGER",
    "ONLY_PARTS",
    "ReviewRun",
    "RunContext",
    "SURVEY_STEPS",
    "Step",
    "SurveyResults",
    "SurveyRun",
    "Validation",
    "csv_bytes",
    "evaluation_for",
    "require_rows",
    "resolve_timestamp",
    "run",
    "run_review",
    "validate",
]

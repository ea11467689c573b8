"""The sample municipality: a deterministic generator of realistic fictional pay data.

In: a size, a seed and a year (and, for a later year, last year's people and plan). Out: the
pay data of a fictional kommun — about 4 000 employees in 8 förvaltningar, 25–35 jobs with
job-evaluation levels, injected unjustified gaps recorded in ``injected_gaps.json`` — as a
DataFrame, as :class:`~payequity.io.PayData`, or written as a folder with its survey.toml,
job evaluation, registers, criteria and ratings (``payequity sample``,
``python -m payequity.datasets``). The committed ``data/sample/`` is this generator's output.
"""

from __future__ import annotations

from ._files import CSV_HEADER, SURVEY_COLUMNS, write_sample
from ._folder import SAMPLE_OPTIONS, SampleFolder, add_sample_options, main, write_sample_folder
from ._generate import (
    BASE_YEAR,
    COLUMNS,
    EQUAL_VALUE_COMPARATOR,
    EQUAL_VALUE_FACTOR,
    EQUAL_VALUE_JOB,
    EQUAL_WORK_FACTOR,
    EQUAL_WORK_JOB,
    GENERAL_RAISE,
    generate_frame,
)
from ._sample import generate, load_sample

__all__ = [
    "BASE_YEAR",
    "COLUMNS",
    "CSV_HEADER",
    "EQUAL_VALUE_COMPARATOR",
    "EQUAL_VALUE_FACTOR",
    "EQUAL_VALUE_JOB",
    "EQUAL_WORK_FACTOR",
    "EQUAL_WORK_JOB",
    "GENERAL_RAISE",
    "SAMPLE_OPTIONS",
    "SURVEY_COLUMNS",
    "SampleFolder",
    "add_sample_options",
    "generate",
    "generate_frame",
    "load_sample",
    "main",
    "write_sample",
    "write_sample_folder",
]

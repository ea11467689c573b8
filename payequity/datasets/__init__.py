"""The sample municipality: a deterministic generator of realistic fictional pay data."""

from __future__ import annotations

from ._generate import (
    BASE_YEAR,
    COLUMNS,
    CSV_HEADER,
    EQUAL_VALUE_COMPARATOR,
    EQUAL_VALUE_FACTOR,
    EQUAL_VALUE_JOB,
    EQUAL_WORK_FACTOR,
    EQUAL_WORK_JOB,
    GENERAL_RAISE,
    SURVEY_COLUMNS,
    add_arguments,
    generate,
    generate_frame,
    load_sample,
    main,
    run_from_args,
    write_sample,
)

__all__ = [
    "EQUAL_WORK_JOB",
    "EQUAL_WORK_FACTOR",
    "EQUAL_VALUE_JOB",
    "EQUAL_VALUE_COMPARATOR",
    "EQUAL_VALUE_FACTOR",
    "BASE_YEAR",
    "GENERAL_RAISE",
    "COLUMNS",
    "CSV_HEADER",
    "SURVEY_COLUMNS",
    "add_arguments",
    "generate",
    "generate_frame",
    "load_sample",
    "main",
    "run_from_args",
    "write_sample",
]

"""The files a person keeps for the employee's documents: who asked for pay information
(``--ids-file``, ``--requests``), the register of requests, and the salary review's ratings and
proposal a pay-talk statement quotes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd

from ..config import SurveyConfig
from ..exceptions import DataFileError, SchemaError
from ..io import as_text, header_delimiter, parse_dates, read_table
from ..privacy import REGISTER_COLUMNS

__all__ = ["read_ids_file", "read_register", "read_requests", "review_inputs"]

_ID_HEADERS = ("employee_id", "anst.nr", "anstnr", "anställningsnummer", "id")
_DATE_HEADERS = ("request_date", "datum", "date", "begäran", "inkommen")


def read_ids_file(path: Path) -> list[tuple[str, str]]:
    """Ids one a line (commas and semicolons split too; ``#`` starts a comment), each with
    where it stands for messages."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        text = path.read_text(encoding="cp1252")
    except OSError as exc:
        raise DataFileError(
            f"{path}: cannot read the ids file ({exc.strerror}); fix --ids-file"
        ) from None
    out = []
    for n, line in enumerate(text.splitlines(), start=1):
        for part in line.split("#", 1)[0].replace(";", ",").split(","):
            if part.strip():
                out.append((part.strip(), f"{path}, line {n}"))
    if not out:
        raise DataFileError(f"{path}: no employee ids in the file; put one id a line")
    return out


def read_requests(source: str | Path | pd.DataFrame, default: dt.date | None) -> pd.DataFrame:
    """A requests file: ``employee_id`` (or Anst.nr) and optionally ``request_date``; rows
    without a date take ``default`` (``--request-date``)."""
    if isinstance(source, pd.DataFrame):
        cells, where = source.astype(object).set_axis(range(2, len(source) + 2)), "requests"
    else:
        path = Path(source)
        if not path.is_file():
            raise DataFileError(f"{path}: no such file; correct --requests")
        cells, where = (
            read_table(path, key="--requests", delimiter=header_delimiter(path)).cells,
            str(path),
        )
    headers = {str(h).strip().lower(): h for h in cells.columns}
    id_col = next((headers[h] for h in _ID_HEADERS if h in headers), None)
    if id_col is None:
        raise SchemaError(f"{where}: no employee_id column; name the ids' column employee_id")
    ids = as_text(cells[id_col])
    date_col = next((headers[h] for h in _DATE_HEADERS if h in headers), None)
    if date_col is not None:
        dates, bad = parse_dates(cells[date_col], None, column=str(date_col), path=where)
        if bad.any():
            row = bad.index[bad][0]
            raise DataFileError(
                f"{where}, row {row}: request date {cells.at[row, date_col]!r} is not a date; "
                "write it as YYYY-MM-DD"
            )
        days = [d.date() if pd.notna(d) else default for d in dates]
    else:
        days = [default] * len(cells)
    rows = [
        (i, d, f"{where}, row {r}") for r, i, d in zip(cells.index, ids, days, strict=True) if i
    ]
    missing = [w for _, d, w in rows if d is None]
    if missing:
        raise DataFileError(
            f"{missing[0]}: no request date; add a request_date column or give --request-date"
        )
    out = pd.DataFrame(rows, columns=["employee_id", "request_date", "where"])
    if out.empty:
        raise DataFileError(f"{where}: no requests in the file")
    return out.drop_duplicates(["employee_id", "request_date"])


def read_register(path: Path) -> pd.DataFrame | None:
    """``letters/register.csv`` as an earlier run wrote it (None when there is none)."""
    if not path.is_file():
        return None
    try:
        register = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, UnicodeDecodeError, ValueError) as exc:
        raise DataFileError(
            f"{path}: cannot read the register of requests ({exc}); restore it from a backup"
        ) from None
    missing = [c for c in REGISTER_COLUMNS[:4] if c not in register.columns]
    if missing:
        raise DataFileError(
            f"{path}: not a register of requests (lacks {', '.join(missing)}); restore it from a "
            "backup"
        )
    return register


def review_inputs(
    cfg: SurveyConfig, criteria: Any, frame: pd.DataFrame, out_dir: Path
) -> tuple[pd.DataFrame | None, pd.DataFrame | None, list[str]]:
    """The ratings (``review.ratings``) and the salary review's proposal (``review/raises.csv``
    in the output folder), with warnings when one of them cannot be used."""
    warnings: list[str] = []
    ratings = None
    if criteria is not None and cfg.review.ratings is not None:
        from ..review import load_ratings

        ratings, more = load_ratings(cfg.review.ratings, criteria)
        warnings += more
    elif cfg.review.ratings is None:
        warnings.append(
            "review.ratings is not set: the statements say that no ratings are registered"
        )
    path = out_dir / "review" / "raises.csv"
    if not path.is_file():
        return ratings, None, warnings
    try:
        review = pd.read_csv(
            path, dtype={"employee_id": str, "job_code": str}, keep_default_na=False
        )
    except (pd.errors.ParserError, UnicodeDecodeError, ValueError) as exc:
        raise DataFileError(
            f"{path}: cannot read the salary review ({exc}); rerun payequity review"
        ) from None
    need = {
        "employee_id",
        "job_code",
        "eligible",
        "raise",
        "raise_pct",
        "new_base_salary",
        "base_salary",
    }
    if not need <= set(review.columns):
        raise DataFileError(f"{path}: not the salary review's raises; rerun payequity review")
    now = frame[["employee_id", "job_code", "base_salary"]].astype(
        {"employee_id": str, "job_code": str}
    )
    both = review.merge(now, on=["employee_id", "job_code"], suffixes=("", "_now"))
    if not len(both):
        warnings.append(
            f"{path} holds nobody of the pay data (written for another audience or other data?): "
            "no proposed raises shown; rerun payequity review for hr"
        )
        return ratings, None, warnings
    stale = (
        pd.to_numeric(both["base_salary"], errors="coerce") - both["base_salary_now"]
    ).abs() > 0.5
    if stale.any():
        warnings.append(
            f"{path} was made from other pay data ({int(stale.sum())} base salaries differ): no "
            "proposed raises shown; rerun payequity review"
        )
        return ratings, None, warnings
    review["eligible"] = review["eligible"].astype(str).str.lower().isin(["true", "1"])
    return ratings, review, warnings

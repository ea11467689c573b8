"""Loading pay data: read, map, validate and account for every row (DESIGN §3.1).

:func:`load_pay_data` reads a CSV, XLSX or Parquet export, maps its columns and values onto the
canonical columns, excludes rows that cannot be used (each with its reason) and records warnings,
so that ``rows_read == rows_kept + rows_excluded`` always holds. :func:`load_survey` does the same
from a survey.toml.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .._pseudonym import read_key
from .._summary import Summary
from ..config import CANONICAL_COLUMNS, REQUIRED_COLUMNS, SurveyConfig, load_config
from ..exceptions import ParameterError, ParameterTypeError, PseudonymKeyError, SchemaError
from . import _personnummer as pnr
from ._canonical import Rows, derive_columns, extra_column, map_columns
from ._read import RawTable, detect_decimal, read_table

__all__ = ["PayData", "Provenance", "load_pay_data", "load_survey", "EXCLUSION_REASONS"]

EXCLUSION_REASONS = (
    "missing_gender",
    "unmapped_gender",
    "missing_job_code",
    "missing_unit",
    "invalid_pay",
    "invalid_fte",
    "invalid_date",
    "duplicate_key",
    "conflicting_person",
)
EXCLUSION_COLUMNS = ["source_row", "employee_id", "column", "value", "reason"]
WARNING_COLUMNS = ["source_row", "employee_id", "column", "value", "warning"]
_OPTIONS = {
    "sheet",
    "encoding",
    "delimiter",
    "decimal",
    "date_format",
    "fte_unit",
    "pay_period",
    "currency",
    "pseudonym_key",
}


@dataclass(frozen=True)
class Provenance:
    """Where the data came from and how every row was accounted for."""

    file: str
    sha256: str
    rows_read: int
    rows_kept: int
    rows_excluded: int
    mapping: dict[str, str | list[str]]
    dropped_columns: list[str]
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.file,
            "sha256": self.sha256,
            "rows_read": self.rows_read,
            "rows_kept": self.rows_kept,
            "rows_excluded": self.rows_excluded,
            "mapping": self.mapping,
            "dropped_columns": self.dropped_columns,
            **self.details,
        }


@dataclass(frozen=True, repr=False)
class PayData:
    """Canonical pay data: the kept rows, the excluded rows with reasons, warnings, provenance.

    Attributes
    ----------
    frame : DataFrame
        One row per kept employment, canonical columns first (DESIGN §3.1), then the other
        source columns under their own names; indexed by ``source_row``.
    exclusions : DataFrame
        ``source_row, employee_id, column, value, reason`` — one row per excluded source row.
    warnings : DataFrame
        ``source_row, employee_id, column, value, warning`` — kept rows that look odd.
    provenance : Provenance
    reference_date : date or None
        Age and tenure are measured at this date.
    currency : str
    """

    frame: pd.DataFrame
    exclusions: pd.DataFrame
    warnings: pd.DataFrame
    provenance: Provenance
    reference_date: dt.date | None = None
    currency: str = "SEK"

    @property
    def unit_column(self) -> str:
        """``unit_path`` when the data has it (the unit key), else ``unit``."""
        return "unit_path" if "unit_path" in self.frame.columns else "unit"

    def __len__(self) -> int:
        return len(self.frame)

    def __repr__(self) -> str:
        p = self.provenance
        return (
            f"<PayData {Path(p.file).name}: {p.rows_kept} rows kept of {p.rows_read} read, "
            f"{p.rows_excluded} excluded, {len(self.warnings)} warnings>"
        )

    def exclusion_counts(self) -> pd.Series:
        """Excluded rows per reason, most common first."""
        return self.exclusions["reason"].value_counts().rename("rows")

    def warning_counts(self) -> pd.Series:
        """Warnings per kind, most common first."""
        return self.warnings["warning"].value_counts().rename("rows")

    def summary(self) -> Summary:
        """Rows read, kept and excluded, exclusion reasons and warnings counted."""
        p = self.provenance
        f = self.frame
        facts = [
            ("file", p.file),
            ("rows read", str(p.rows_read)),
            ("rows kept", str(p.rows_kept)),
            ("rows excluded", str(p.rows_excluded)),
            (
                "women / men",
                f"{int((f['gender'] == 'F').sum())} / {int((f['gender'] == 'M').sum())}",
            ),
            ("units", str(f[self.unit_column].nunique())),
            ("jobs", str(f["job_code"].nunique())),
            ("reference date", str(self.reference_date) if self.reference_date else "none"),
        ]
        if p.dropped_columns:
            facts.append(("dropped columns", ", ".join(p.dropped_columns)))
        tables = [
            ("Exclusions by reason", self.exclusion_counts().rename_axis("reason").reset_index()),
            ("Warnings by kind", self.warning_counts().rename_axis("warning").reset_index()),
        ]
        return Summary("Pay data", facts, tables)

    def _repr_html_(self) -> str:
        return self.summary()._repr_html_()

    def describe(self, examples: int = 3) -> str:
        """The loading in words, as ``payequity validate`` prints it.

        Rows read, kept and excluded; exclusions and warnings by kind, with up to ``examples``
        rows each.
        """
        from ._describe import describe

        return describe(self, examples=examples)

    @classmethod
    def from_frame(
        cls,
        frame: pd.DataFrame,
        *,
        columns: Mapping[str, str | list[str]] | None = None,
        values: Mapping[str, Mapping[str, Any]] | None = None,
        reference_date: dt.date | str | None = None,
        source: str = "<DataFrame>",
        **loader_options: Any,
    ) -> PayData:
        """Validate an in-memory DataFrame by the same rules as a file.

        Row ``i`` (0-based) is reported as ``source_row`` ``i + 2``, as if a header were row 1.

        Examples
        --------
        >>> import pandas as pd
        >>> df = pd.DataFrame({"employee_id": ["1", "2"], "gender": ["F", "M"],
        ...                    "unit": ["A", "A"], "job_code": ["x", "x"],
        ...                    "base_salary": [30000, 31000]})
        >>> PayData.from_frame(df).provenance.rows_kept
        2
        """
        cells = frame.reset_index(drop=True).astype(object)
        cells = cells.where(cells.notna(), "")
        cells.index = pd.Index(range(2, len(cells) + 2), name="source_row")
        cells.columns = [str(c) for c in cells.columns]
        raw = RawTable(cells, Path(source), "", "frame")
        return _build(raw, columns, values, _ref_date(reference_date), dict(loader_options))


def load_pay_data(
    path: str | Path,
    *,
    columns: Mapping[str, str | list[str]] | None = None,
    values: Mapping[str, Mapping[str, Any]] | None = None,
    reference_date: dt.date | str | None = None,
    **loader_options: Any,
) -> PayData:
    """Load a pay-data export into canonical :class:`PayData`.

    Parameters
    ----------
    path : str or Path
        CSV (encoding and delimiter detected), XLSX or Parquet.
    columns : mapping, optional
        ``{canonical: source header}``; a list of headers is summed for numbers
        (``supplements``) and joined with ``/`` for text (``unit_path``). None: headers that
        already carry canonical names are used.
    values : mapping, optional
        ``{canonical: {source value: canonical value}}``, e.g. ``{"gender": {"K": "F"}}``.
    reference_date : date or ISO string, optional
        Age and tenure are derived at this date; without it they are not derived.
    **loader_options
        ``sheet``, ``encoding``, ``delimiter``, ``decimal``, ``date_format``, ``fte_unit``
        ("percent" | "fraction"), ``pay_period`` ("monthly" | "annual"), ``currency``,
        ``pseudonym_key`` (for an id column of personnummer; else ``PAYEQUITY_PSEUDONYM_KEY``).

    Returns
    -------
    PayData

    Raises
    ------
    DataFileError
        The file cannot be read as a whole.
    SchemaError
        A mapped header is not in the file, or a required column is not mapped.
    PseudonymKeyError
        The id column holds personnummer and no key was given.

    Examples
    --------
    >>> from payequity import load_pay_data
    >>> data = load_pay_data("data/sample/pay.csv",
    ...     columns={"employee_id": "Anst.nr", "gender": "Kön", "unit": "Enhet",
    ...              "job_code": "Befattningskod", "base_salary": "Månadslön heltid",
    ...              "supplements": ["Fast tillägg", "Ansvarstillägg"]},
    ...     values={"gender": {"K": "F", "M": "M"}}, reference_date="2026-09-01")
    >>> data.provenance.rows_read == data.provenance.rows_kept + data.provenance.rows_excluded
    True
    """
    unknown = sorted(set(loader_options) - _OPTIONS)
    if unknown:
        close = difflib.get_close_matches(unknown[0], sorted(_OPTIONS), n=1)
        hint = f"; did you mean {close[0]!r}?" if close else f"; options: {sorted(_OPTIONS)}"
        raise ParameterTypeError(f"load_pay_data() got an unknown option {unknown[0]!r}{hint}")
    raw = read_table(
        path,
        sheet=loader_options.get("sheet"),
        encoding=loader_options.get("encoding"),
        delimiter=loader_options.get("delimiter"),
    )
    return _build(raw, columns, values, _ref_date(reference_date), dict(loader_options))


def load_survey(config: SurveyConfig | str | Path) -> PayData:
    """Load the pay data a survey.toml describes (its ``[data]`` section)."""
    cfg = config if isinstance(config, SurveyConfig) else load_config(config)
    d = cfg.data
    options = {k: d[k] for k in ("sheet", "encoding", "delimiter", "decimal", "date_format")}
    options |= {"fte_unit": d.fte_unit, "pay_period": d.pay_period, "currency": d.currency}
    if cfg.privacy.key_file is not None:
        options["pseudonym_key"] = read_key(cfg.privacy.key_file)
    return load_pay_data(
        d.path,
        columns=d.columns,
        values=d["values"],
        reference_date=cfg.survey.reference_date,
        **{k: v for k, v in options.items() if v is not None},
    )


def _ref_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ParameterError(
            f"reference_date must be a date like 2026-09-01, got {value!r}; pass a "
            "datetime.date or an ISO date string"
        ) from None


# --- building ------------------------------------------------------------------------------------


def _resolve(header: str, available: list[str], raw: RawTable, key: str) -> str:
    header = unicodedata.normalize("NFC", header)
    if header in available:
        return header
    folded = {h.strip().casefold(): h for h in available}
    if header.strip().casefold() in folded:
        return folded[header.strip().casefold()]
    close = difflib.get_close_matches(header, available, n=1, cutoff=0.5)
    hint = f"closest header: {close[0]!r}" if close else f"headers: {', '.join(available[:12])}"
    if len(available) == 1:
        hint += (
            f"; the first row holds only {available[0]!r}: if that is a title, remove it so the "
            "header row comes first"
        )
    where = f"{raw.path} (sheet {raw.sheet!r})" if raw.sheet else str(raw.path)
    if raw.sheet and len(raw.sheets) > 1:
        hint += f"; set data.sheet if the data is on another sheet ({', '.join(raw.sheets)})"
    raise SchemaError(f"{where}: column {header!r} ({key}) not found; {hint}")


def _build(
    raw: RawTable,
    columns: Mapping[str, str | list[str]] | None,
    values: Mapping[str, Mapping[str, Any]] | None,
    ref: dt.date | None,
    opts: dict[str, Any],
) -> PayData:
    cells = raw.cells
    path = raw.path
    available = list(cells.columns)
    if columns is None:
        columns = {c: c for c in CANONICAL_COLUMNS if c in available}
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise SchemaError(
            f"{path}: required column(s) {', '.join(missing)} not mapped; "
            "add them to data.columns (canonical = source header)"
        )
    mapping: dict[str, list[str]] = {}
    for canonical, src in columns.items():
        headers = [src] if isinstance(src, str) else list(src)
        key = f"data.columns.{canonical}"
        mapping[canonical] = [_resolve(h, available, raw, key) for h in headers]

    # personnummer: scan every column once
    pnr_cols = [c for c in available if pnr.share_personnummer(cells[c]) > 0.5]
    pseudonymise = [c for c in ("employee_id", "manager_id") if c in mapping]
    if not any(h in pnr_cols for c in pseudonymise for h in mapping[c]):
        pseudonymise = []
    key = None
    if pseudonymise:
        key = opts.get("pseudonym_key") or os.environ.get("PAYEQUITY_PSEUDONYM_KEY", "").strip()
        if not key:
            canonical, col = next((c, h) for c in pseudonymise for h in mapping[c] if h in pnr_cols)
            raise PseudonymKeyError(
                f"{path}: column {col!r} ({canonical}) holds personnummer; set "
                "privacy.key_file in survey.toml or PAYEQUITY_PSEUDONYM_KEY so ids become "
                "keyed pseudonyms"
            )
    mapped_headers = {h for c, hs in mapping.items() if c not in pseudonymise for h in hs}
    bad_required = [c for c in REQUIRED_COLUMNS if any(h in pnr_cols for h in mapping[c])]
    if bad_required:
        raise SchemaError(
            f"{path}: column {mapping[bad_required[0]][0]!r} mapped to {bad_required[0]} holds "
            "personnummer; map the right column"
        )
    dropped = [c for c in pnr_cols if c in mapped_headers or c not in _all(mapping)]
    for canonical in [c for c, hs in mapping.items() if c not in pseudonymise]:
        if any(h in dropped for h in mapping[canonical]):
            del mapping[canonical]

    decimal = opts.get("decimal") or ("," if raw.delimiter == ";" else detect_decimal(cells))
    rows = Rows(cells.index)
    frame = map_columns(
        cells, mapping, values or {}, rows, decimal=decimal, opts=opts, path=path, key=key
    )
    frame = derive_columns(frame, cells, mapping, rows, ref=ref, opts=opts)

    # unmapped source columns keep their names (usable as controls), personnummer masked
    for c in available:
        if c in _all(mapping) or c in dropped:
            continue
        name = c if c not in frame.columns else f"{c}_source"
        frame[name] = extra_column(cells[c], decimal, rows, c)

    kept = rows.kept
    exclusions = pd.DataFrame(
        {
            "source_row": cells.index[~kept],
            "employee_id": frame.loc[~kept, "employee_id"].to_numpy(),
            "column": rows.column[~kept].to_numpy(),
            "value": rows.value[~kept].to_numpy(),
            "reason": rows.reason[~kept].to_numpy(),
        },
        columns=EXCLUSION_COLUMNS,
    )
    warns = (
        pd.concat(rows.warn) if rows.warn else pd.DataFrame(columns=["column", "value", "warning"])
    )
    warns = warns[warns.index.isin(cells.index[kept])]
    warns = warns.assign(employee_id=frame["employee_id"].reindex(warns.index))
    warns = warns.rename_axis("source_row").reset_index()
    warns = warns[WARNING_COLUMNS].sort_values(["source_row", "warning"], kind="stable")
    warns = warns.reset_index(drop=True)
    kept_frame = frame[kept.to_numpy()].copy()
    prov = Provenance(
        file=str(path),
        sha256=raw.sha256,
        rows_read=len(cells),
        rows_kept=int(kept.sum()),
        rows_excluded=int((~kept).sum()),
        mapping={c: (hs[0] if len(hs) == 1 else hs) for c, hs in mapping.items()},
        dropped_columns=dropped,
        details={
            "format": raw.fmt,
            "encoding": raw.encoding,
            "delimiter": raw.delimiter,
            "sheet": raw.sheet,
            "decimal": decimal,
            "blank_rows_skipped": len(raw.blank_rows),
            "generated_ids": "employee_id" not in mapping,
            "pseudonymised": pseudonymise,
            **frame.attrs.get("details", {}),
        },
    )
    kept_frame.attrs = {}
    return PayData(kept_frame, exclusions, warns, prov, ref, opts.get("currency", "SEK"))


def _all(mapping: Mapping[str, list[str]]) -> set[str]:
    return {h for hs in mapping.values() for h in hs}

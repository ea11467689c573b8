"""Reading the registers people edit beside survey.toml: explanations, samverkan, rules and
practice (CSV or XLSX).

A register is read with the same reader as the pay data (encoding, delimiter and sheet are
detected). Headers are matched case-insensitively; columns the register does not know are kept
as they are (people add their own notes). Coded cells accept English and Swedish words and
are stored in the English canonical form; a cell outside its list, or a date that is not a date,
stops the run with the file, the row and the fix. Blank rows are skipped.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..exceptions import DataFileError, SchemaError
from ..io import as_text, header_delimiter, parse_dates, read_table

__all__ = ["Field", "choices", "read_register"]


@dataclass(frozen=True)
class Field:
    """One register column.

    ``choices`` maps every accepted spelling (lower-case) to the canonical value; empty for free
    text. ``kind`` is "text", "choice" or "date".
    """

    name: str
    kind: str = "text"
    choices: dict[str, str] = field(default_factory=dict)
    required: bool = True


def choices(*canonical: str, **aliases: str) -> dict[str, str]:
    """A choice map: each canonical value to itself, plus ``alias=canonical`` pairs.

    Examples
    --------
    >>> choices("yes", "no", ja="yes")
    {'yes': 'yes', 'no': 'no', 'ja': 'yes'}
    """
    out = {c.lower(): c for c in canonical}
    out.update({k.replace("_", " ").lower(): v for k, v in aliases.items()})
    out.update({k.lower(): v for k, v in aliases.items()})
    return out


def read_register(
    path: str | Path | None,
    fields: list[Field],
    *,
    key: str,
    explicit: bool = True,
) -> tuple[pd.DataFrame, list[str]]:
    """Read a register into its canonical columns, plus ``source_row`` and any extra columns.

    Parameters
    ----------
    path : path or None
        The register; None gives an empty register.
    fields : list of Field
        The columns, in output order.
    key : str
        The config key that names the file (used in messages).
    explicit : bool
        Whether the path was set by the user. A missing file at an explicit path is an error; at
        the default path it gives an empty register and a warning.

    Returns
    -------
    frame, warnings
        Text columns hold ``""`` for blanks; date columns hold ISO strings.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = [Field("topic"), Field("answer", "choice", choices("yes", "no", ja="yes"))]
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     p = pathlib.Path(tmp, "r.csv")
    ...     _ = p.write_text("Topic;Answer\\nPay policy;Ja\\n", encoding="utf-8")
    ...     frame, warnings = read_register(p, f, key="actions.x")
    >>> frame[["source_row", "topic", "answer"]].to_dict("records")
    [{'source_row': 2, 'topic': 'Pay policy', 'answer': 'yes'}]
    """
    names = [f.name for f in fields]
    empty = pd.DataFrame(
        {"source_row": pd.Series(dtype="int64")} | {n: pd.Series(dtype=object) for n in names}
    )
    if path is None:
        return empty, []
    path = Path(path)
    if not path.is_file():
        if explicit:
            raise DataFileError(
                f"{path}: no such file; create it (the run writes a filled-in copy to "
                f"data/{path.stem}.csv to start from) or correct {key} in survey.toml"
            )
        return empty, [
            f"{path.name} not found beside survey.toml ({key}): counted as empty; start from "
            f"data/{Path(path).stem}.csv of this run"
        ]
    raw = read_table(path, key=key, delimiter=header_delimiter(path))
    cells = raw.cells
    lower = {str(c).strip().lower(): c for c in cells.columns}
    missing = [n for n in names if n not in lower and _required(fields, n)]
    if missing:
        close = difflib.get_close_matches(missing[0], list(lower), n=1)
        hint = f" (is {lower[close[0]]!r} meant to be {missing[0]!r}?)" if close else ""
        raise SchemaError(
            f"{path}: column {missing[0]!r} is missing{hint}; the register needs the columns "
            + ", ".join(names)
        )
    out = pd.DataFrame({"source_row": cells.index.to_numpy(dtype="int64")})
    for f in fields:
        if f.name not in lower:
            out[f.name] = ""
            continue
        values = cells[lower[f.name]]
        if f.kind == "date":
            try:
                dates, invalid = parse_dates(values, None, column=f.name, path=path)
            except DataFileError:  # a style of its own: the rows below name the first bad one
                dates = pd.Series(pd.NaT, index=values.index)
                invalid = values.map(lambda v: bool(str(v).strip()))
            if invalid.any():
                row = invalid[invalid].index[0]
                raise DataFileError(
                    f"{path}, row {row}: {f.name} = {values[row]!r} is not a date; "
                    "write it as YYYY-MM-DD"
                )
            out[f.name] = [d.date().isoformat() if pd.notna(d) else "" for d in dates]
            continue
        text = as_text(values).reset_index(drop=True)
        if f.kind == "choice":
            mapped = text.str.lower().map(lambda v, c=f.choices: c.get(" ".join(v.split()), None))
            bad = text.ne("") & mapped.isna()
            if bad.any():
                i = int(bad[bad].index[0])
                allowed = sorted(set(f.choices.values()))
                raise SchemaError(
                    f"{path}, row {out['source_row'][i]}: {f.name} = {text[i]!r} is not one of "
                    f"{', '.join(allowed)}; correct the cell"
                )
            text = mapped.fillna("")
        out[f.name] = text.to_numpy(dtype=object)
    for c in cells.columns:  # the user's own columns travel along untouched
        if str(c).strip().lower() not in [*names, "source_row"]:
            out[str(c)] = as_text(cells[c]).to_numpy(dtype=object)
    return out, []


def _required(fields: list[Field], name: str) -> bool:
    return next(f.required for f in fields if f.name == name)

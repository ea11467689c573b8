"""The explanations register as people keep it: its fields, and reading it (F-B6).

One row per item by its key (DESIGN §7), with category, text, evidence and whether the
difference is related to gender; CSV or XLSX, English or Swedish words. How the register is
applied to the survey's items is :mod:`._explain`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .._summary import Summary
from ..exceptions import SchemaError
from ._register import Field, choices, read_register

__all__ = [
    "CATEGORIES",
    "EXPLANATION_FIELDS",
    "ITEM_COLUMNS",
    "KINDS",
    "REGISTER_COLUMNS",
    "TARGETS",
    "ExplanationRegister",
    "load_explanations",
]

KINDS = ("equal_work", "equal_value", "person", "eu_category")
CATEGORIES = ("job_value", "experience", "performance", "market", "other")
TARGETS = ("expected", "median", "mean")
EXPLANATION_FIELDS = [
    Field(
        "item_kind",
        "choice",
        choices(
            *KINDS,
            lika_arbete="equal_work",
            likvärdigt_arbete="equal_value",
            individ="person",
            kategori="eu_category",
        ),
    ),
    Field("item_key"),
    Field(
        "category",
        "choice",
        choices(
            *CATEGORIES,
            arbetsvärdering="job_value",
            arbetets_värde="job_value",
            erfarenhet="experience",
            prestation="performance",
            marknad="market",
            marknadsläge="market",
            annat="other",
            övrigt="other",
        ),
    ),
    Field("text"),
    Field("evidence", required=False),
    Field(
        "gender_related",
        "choice",
        choices("yes", "no", "unclear", ja="yes", nej="no", oklart="unclear"),
    ),
    Field("author", required=False),
    Field("date", "date", required=False),
]
REGISTER_COLUMNS = [f.name for f in EXPLANATION_FIELDS]
ITEM_COLUMNS = REGISTER_COLUMNS + [
    "source",
    "flagged",
    "status",
    "needs_action",
    "unit",
    "group",
    "comparator",
    "pay_measure",
    "gap_pct",
    "register_row",
]
# an equal-work explanation that says the work differs is a grouping question, not a reason
_DIFFERENT_TASKS = re.compile(
    r"olika (arbets)?uppgifter|andra (arbets)?uppgifter|annat arbete|inte samma arbete|"
    r"different (tasks|duties|work|jobs?)|other (tasks|duties)|not the same (work|job)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ExplanationRegister:
    """The explanations register as read: ``table`` (the register columns, ``source_row`` and
    any of the user's own columns), ``warnings`` and the ``path`` it came from."""

    table: pd.DataFrame
    warnings: list[str] = field(default_factory=list)
    path: Path | None = None

    def summary(self) -> Summary:
        counts = self.table["item_kind"].value_counts().to_dict() if len(self.table) else {}
        facts = [("file", str(self.path) if self.path else "none"), ("rows", str(len(self.table)))]
        facts += [(f"  {k}", str(v)) for k, v in sorted(counts.items())]
        facts += [("warning", w) for w in self.warnings]
        return Summary("Explanations register", facts)

    def _repr_html_(self) -> str:
        return self.summary()._repr_html_()


def load_explanations(
    path: str | Path | None, *, explicit: bool = True, key: str = "actions.explanations"
) -> ExplanationRegister:
    """Read and check an explanations register (CSV or XLSX).

    Columns: ``item_kind`` (equal_work | equal_value | person | eu_category), ``item_key``,
    ``category`` (job_value | experience | performance | market | other), ``text``,
    ``evidence``, ``gender_related`` (yes | no | unclear; ja/nej/oklart are read too),
    ``author``, ``date``. Swedish words for kinds and categories are accepted. Rows the run
    wrote as ``source = automatic`` are skipped. Two rows for the same item are an error.

    Parameters
    ----------
    path : path or None
        The register; None gives an empty one.
    explicit : bool
        False when the path is only the default: a missing file is then an empty register with
        a warning instead of an error.
    key : str
        The config key named in messages.

    Returns
    -------
    ExplanationRegister

    Examples
    --------
    >>> import tempfile, pathlib
    >>> text = ("item_kind;item_key;category;text;evidence;gender_related;author;date\\n"
    ...         "lika arbete;/351015/base_salary;marknad;Svårrekryterat;;nej;HR;2026-10-01\\n")
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     p = pathlib.Path(tmp, "explanations.csv")
    ...     _ = p.write_text(text, encoding="utf-8")
    ...     reg = load_explanations(p)
    >>> reg.table.loc[0, ["item_kind", "category", "gender_related"]].tolist()
    ['equal_work', 'market', 'no']
    >>> "explanations.csv, row 2: market explains" in reg.warnings[0]
    True
    """
    table, warnings = read_register(path, EXPLANATION_FIELDS, key=key, explicit=explicit)
    if "source" in table.columns:  # the run's own untouched automatic texts are regenerated
        untouched = (table["category"] == "") & (table["gender_related"] == "")
        machine = table["source"].astype(str).str.strip().str.lower().isin(["automatic", "missing"])
        table = table[~(machine & untouched)]
    table = table[(table["item_kind"] != "") | (table["item_key"] != "")].reset_index(drop=True)
    name = str(path) if path is not None else "explanations"
    for _, r in table.iterrows():
        where = f"{name}, row {r['source_row']}"
        if r["item_kind"] == "" or r["item_key"] == "":
            raise SchemaError(f"{where}: item_kind and item_key are both needed; fill them in")
    dup = table.duplicated(["item_kind", "item_key"], keep=False)
    if dup.any():
        rows = table.loc[dup, ["item_kind", "item_key", "source_row"]]
        first = rows.iloc[0]
        others = rows[
            (rows["item_kind"] == first["item_kind"]) & (rows["item_key"] == first["item_key"])
        ]
        raise SchemaError(
            f"{name}, rows {', '.join(str(s) for s in others['source_row'])}: two explanations "
            f"for {first['item_kind']} {first['item_key']!r}; keep one"
        )
    for _, r in table.iterrows():
        warnings += _row_warnings(r, f"{name}, row {r['source_row']}")
    return ExplanationRegister(table, warnings, Path(path) if path is not None else None)


def _row_warnings(r: pd.Series, where: str) -> list[str]:
    out = []
    if r["category"] == "market" and not str(r["evidence"]).strip():
        out.append(
            f"{where}: market explains {r['item_key']!r} without evidence; name the pay "
            "statistics or recruitment record in the evidence column"
        )
    if r["item_kind"] == "equal_work" and (
        r["category"] == "job_value" or _DIFFERENT_TASKS.search(str(r["text"]))
    ):
        out.append(
            f"{where}: the explanation of {r['item_key']!r} says the work differs; people in "
            "one equal-work group do the same work, so regroup them through work_group instead"
        )
    return out

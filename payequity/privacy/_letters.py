"""What an employee's Art. 7 letter holds, and the register of requests (DESIGN §5, §7).

An employee may ask for their own pay level and the average pay levels, by gender, of the
workers doing the same work or work of equal value (EU Pay Transparency Directive, Art. 7),
answered in writing within two months. A letter reveals no other employee's pay: every average
in it is taken from the public edition of the same survey (:func:`aggregate_tables`), so a
category with fewer than ``min_cell`` women or men — or whose figure could be worked out from
other published figures — says so instead of a number, and letters together tell no more than
the public edition does. Only the employee's own pay is theirs alone.

- same work: the employee's work group across the organisation, full-time monthly pay
  (``equal_work``'s organisation rows, ``monthly_pay``) and the annual and hourly pay of the
  same people, shown for the work groups whose monthly figures are shown, less any whose
  figures the organisation's published averages (EU indicator (a)) would give back: the
  hidden work groups of a gender must hold at least two groups and ``min_cell`` people;
- equal value: the directive's category of workers (``analysis.categories``, the value band by
  default), annual and hourly pay as Art. 3 defines them (``eu_indicators`` (g), all components)
  and the full-time monthly pay of the same people, shown where the annual pay is (the same
  people, so the same suppression: a value band against its jobs, the bands against the
  organisation).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd

from .._pseudonym import pseudonym
from ..exceptions import ParameterError
from ..survey import pay_levels
from ._suppress import complement

__all__ = [
    "REGISTER_COLUMNS",
    "REGISTER_STATUSES",
    "Art7Figures",
    "Category",
    "Employment",
    "Letter",
    "OwnPay",
    "categories_of",
    "deadline",
    "letter_for",
    "overdue",
    "own_pay",
    "update_register",
]

REGISTER_COLUMNS = ["employee_id", "request_date", "deadline", "status", "letter_date", "note"]
# answered: the letter was written on letter_date, by the deadline; answered_late: after it;
# open: no letter yet, deadline ahead; past_due: no letter and the deadline has passed
REGISTER_STATUSES = ("answered", "answered_late", "open", "past_due")
_DEFAULTS = {"fte": 1.0, "supplements": 0.0, "variable_pay": 0.0, "weekly_hours": 40.0}


def deadline(request_date: dt.date) -> dt.date:
    """The last day to answer a request: two calendar months after it, the month's last day
    where the day does not exist (Art. 7(4)).

    Examples
    --------
    >>> deadline(dt.date(2026, 10, 1)), deadline(dt.date(2026, 12, 31))
    (datetime.date(2026, 12, 1), datetime.date(2027, 2, 28))
    """
    return (pd.Timestamp(request_date) + pd.DateOffset(months=2)).date()


@dataclass(frozen=True)
class Category:
    """One category's averages by gender, as the letter may show them.

    ``means`` maps a pay level (``monthly_pay``; ``annual``, ``hourly``) to (women, men): a
    number, or None where nobody of that gender is in the category or the figure is withheld
    (``withheld``: a gender present has fewer than ``min_cell`` people, or the figure could be
    worked out from other published ones).
    """

    kind: str  # "same_work" or "equal_value"
    code: str
    n_women: int
    n_men: int
    means: Mapping[str, tuple[float | None, float | None]]
    withheld: bool
    jobs: tuple[str, ...] = ()  # the jobs in the category (titles, else codes), most people first

    def count(self, gender: str) -> int:
        return self.n_women if gender == "F" else self.n_men


@dataclass(frozen=True)
class OwnPay:
    """One employment's pay: full-time monthly figures and the directive's pay levels."""

    unit: str  # the unit key (its path "Förvaltning/Enhet" when the data has one)
    unit_name: str  # the unit as people say it: "Enhet, Förvaltning"
    job_code: str
    job_title: str
    work_group: str
    category: str | None  # the directive's category of workers (a value band, or a column's value)
    fte: float
    base_salary: float  # full-time monthly
    supplements: float  # full-time monthly, fixed
    monthly_pay: float  # base_salary + supplements, full time
    variable_pay: float  # over the year
    weekly_hours: float
    monthly_actual: float  # monthly_pay · fte: what the employment pays a month
    annual: float  # 12 · fte · monthly_pay + variable_pay (Art. 3)
    hourly: float  # annual / (52 · weekly_hours · fte)


@dataclass(frozen=True)
class Employment:
    pay: OwnPay
    same_work: Category | None
    equal_value: Category | None


@dataclass(frozen=True)
class Letter:
    """Everything an Art. 7 letter says; :mod:`payequity.report` renders it."""

    employee_id: str
    pseudonym: str
    gender: str
    request_date: dt.date
    deadline: dt.date
    answered: dt.date
    employments: tuple[Employment, ...]
    equal_value_basis: str  # "band", "none" (no job evaluation), or the column's name
    band_width: float
    criteria: tuple[Mapping[str, Any], ...]  # the shared salary criteria (Art. 6), may be empty
    min_cell: int


class Art7Figures:
    """The averages a letter may quote, from the public edition's tables.

    Parameters
    ----------
    tables : dict of DataFrame
        :attr:`AudienceTables.tables` (the public edition's data files).
    basis : str
        ``"band"``, a column name, or ``"none"`` when there is no category of equal value.

    Examples
    --------
    >>> ew = pd.DataFrame({"unit": [""], "work_group": ["1"], "pay_measure": ["monthly_pay"],
    ...                    "n_women": [6], "n_men": [2], "mean_women": [float("nan")],
    ...                    "mean_men": [float("nan")]})
    >>> c = Art7Figures({"equal_work": ew}, "none").same_work("1")
    >>> c.withheld, c.means["monthly_pay"]
    (True, (None, None))
    """

    def __init__(
        self,
        tables: Mapping[str, pd.DataFrame],
        basis: str,
        frame: pd.DataFrame | None = None,
        min_cell: int = 5,
        categories: pd.Series | None = None,
    ):
        self.basis = basis
        self._work: dict[str, Category] = {}
        ew = tables.get("equal_work")
        if ew is not None and len(ew):
            org = ew[
                (ew["unit"].fillna("").astype(str) == "") & (ew["pay_measure"] == "monthly_pay")
            ]
            yearly = _work_levels(org, frame, min_cell)
            for r in org.itertuples(index=False):
                code = str(r.work_group)
                levels = {"monthly_pay": (r.mean_women, r.mean_men)} | yearly.get(code, {})
                self._work[code] = _category("same_work", code, r.n_women, r.n_men, levels)
        self._value: dict[str, Category] = {}
        eu = tables.get("eu_indicators")
        jobs = _jobs_by_category(frame, categories)
        monthly = _monthly_by_category(frame, categories)
        if basis != "none" and eu is not None and len(eu):
            g = eu[(eu["indicator"].astype(str) == "g") & (eu["component"].astype(str) == "all")]
            for code, rows in g.groupby(g["category"].astype(str), sort=False):
                levels = {
                    str(r.pay_level): (r.pay_women, r.pay_men) for r in rows.itertuples(index=False)
                }
                # full-time monthly means of the same people, shown where the annual ones are
                annual = levels.get("annual", (np.nan, np.nan))
                month = monthly.get(code, (np.nan, np.nan))
                levels = {
                    "monthly_pay": tuple(
                        m if pd.notna(a) else np.nan for m, a in zip(month, annual, strict=True)
                    )
                } | levels
                first = rows.iloc[0]
                cat = _category("equal_value", code, first["n_women"], first["n_men"], levels)
                self._value[code] = replace(cat, jobs=jobs.get(code, ()))

    def same_work(self, work_group: str) -> Category | None:
        return self._work.get(str(work_group))

    def equal_value(self, category: str | None) -> Category | None:
        return None if category is None else self._value.get(str(category))


def _monthly_by_category(
    frame: pd.DataFrame | None, categories: pd.Series | None
) -> dict[str, tuple[float, float]]:
    """Mean full-time monthly pay of women and of men per category."""
    if frame is None or categories is None or not len(frame) or "monthly_pay" not in frame:
        return {}
    cat = categories.astype(str).where(categories.notna())
    means = frame.groupby([cat, frame["gender"]])["monthly_pay"].mean()
    out = {}
    for code in cat.dropna().unique():
        out[str(code)] = (
            float(means.get((code, "F"), np.nan)),
            float(means.get((code, "M"), np.nan)),
        )
    return out


def _jobs_by_category(
    frame: pd.DataFrame | None, categories: pd.Series | None
) -> dict[str, tuple[str, ...]]:
    """The jobs of each category by name (title, else code), the most people first."""
    if frame is None or categories is None or not len(frame):
        return {}
    names = frame["job_code"].astype(str)
    if "job_title" in frame.columns:
        title = frame["job_title"].fillna("").astype(str)
        names = title.where(title != "", names)
    out = {}
    for code, group in names.groupby(categories.astype(str).where(categories.notna())):
        out[str(code)] = tuple(
            group.value_counts()
            .sort_index(kind="stable")
            .sort_values(ascending=False, kind="stable")
            .index
        )
    return out


def _work_levels(
    org: pd.DataFrame, frame: pd.DataFrame | None, min_cell: int
) -> dict[str, dict[str, tuple[float, float]]]:
    """Annual and hourly means by gender of each work group whose monthly means are shown,
    with complementary suppression (:func:`._suppress.complement`) against the organisation's
    published means: per gender, the hidden groups (the smallest shown added first) must be at
    least two and ``min_cell`` people, or none."""
    if frame is None or not len(frame) or "work_group" not in frame.columns:
        return {}
    f = frame.copy()
    for column, default in _DEFAULTS.items():
        if column not in f.columns:
            f[column] = default
    if "monthly_pay" not in f.columns:
        f["monthly_pay"] = f["base_salary"] + f["supplements"]
    levels = pay_levels(f)
    work = f["work_group"].astype(str)
    by_group = org.set_index(org["work_group"].astype(str))
    out: dict[str, dict[str, list[float]]] = {}
    for g, gender in (("women", "F"), ("men", "M")):
        n = pd.to_numeric(by_group[f"n_{g}"], errors="coerce").fillna(0)
        shown = by_group[f"mean_{g}"].notna() & (n > 0)
        # the organisation's published mean is the margin of the work groups' (indicator a)
        cells = pd.DataFrame(
            {
                "unit": ["", *n.index],
                "margin": "organisation",
                "value": [1.0, *np.where(shown, 1.0, np.nan)],
                "n": [float(n.sum()), *n],
            }
        )

        def hide(i: object, column: str, reason: str, cells: pd.DataFrame = cells) -> None:
            cells.at[i, column] = np.nan

        complement(cells, "value", "n", ["margin"], min_cell, hide)
        order = cells["unit"][1:][cells["value"][1:].notna()]
        mine = (f["gender"] == gender).to_numpy()
        for level in ("annual", "hourly"):
            means = levels.loc[mine, f"{level}_all"].groupby(work[mine]).mean()
            for c in order:
                pair = out.setdefault(c, {}).setdefault(level, [np.nan, np.nan])
                pair[0 if gender == "F" else 1] = float(means.get(c, np.nan))
    return {c: {k: (v[0], v[1]) for k, v in d.items()} for c, d in out.items()}


def _category(
    kind: str, code: str, n_women: Any, n_men: Any, levels: Mapping[str, tuple[Any, Any]]
) -> Category:
    nw, nm = _count(n_women), _count(n_men)
    means: dict[str, tuple[float | None, float | None]] = {}
    withheld = False
    for level, (w, m) in levels.items():
        pair = []
        for n, v in ((nw, w), (nm, m)):
            v = pd.to_numeric(v, errors="coerce")
            shown = n > 0 and pd.notna(v)
            withheld |= n > 0 and not shown
            pair.append(float(v) if shown else None)
        means[level] = (pair[0], pair[1])
    return Category(kind, code, nw, nm, means, withheld)


def _count(x: Any) -> int:
    v = pd.to_numeric(x, errors="coerce")
    return 0 if pd.isna(v) else int(v)


def categories_of(frame: pd.DataFrame, evaluation: Any, categories: str) -> tuple[pd.Series, str]:
    """Each employment's category of workers (Art. 7, 9(g)) and the basis: the job's value band
    (``categories="band"``, needs a job evaluation), or a column's value; ``"none"`` when there
    is no job evaluation to form bands from.

    Examples
    --------
    >>> f = pd.DataFrame({"job_code": ["1", "2"], "family": ["A", "B"]})
    >>> s, basis = categories_of(f, None, "band")
    >>> basis, bool(s.isna().all())
    ('none', True)
    """
    if categories == "band":
        if evaluation is None:
            return pd.Series(None, index=frame.index, dtype=object), "none"
        t = evaluation.table
        bands = dict(zip(t["job_code"].astype(str), t["band"].astype(int).astype(str), strict=True))
        return frame["job_code"].astype(str).map(bands), "band"
    if categories not in frame.columns:
        raise ParameterError(f"analysis.categories {categories!r} is not a column of the pay data")
    col = frame[categories]
    return col.astype(str).where(col.notna()), categories


def own_pay(row: Mapping[str, Any], category: str | None, unit_column: str = "unit") -> OwnPay:
    """One employment's pay from its canonical row (DESIGN §3.1, §5 pay levels)."""
    get = {k: float(row[k]) if k in row and pd.notna(row[k]) else d for k, d in _DEFAULTS.items()}
    base = float(row["base_salary"])
    monthly = float(row["monthly_pay"]) if pd.notna(row.get("monthly_pay")) else base
    fte, hours = get["fte"], get["weekly_hours"]
    one = pd.DataFrame([get | {"base_salary": base, "monthly_pay": monthly}])
    levels = pay_levels(one).iloc[0]  # the directive's pay levels, as the EU indicators count them
    title = row.get("job_title")
    unit = str(row.get(unit_column, row.get("unit", "")))
    name = str(row.get("unit", unit))
    if unit != name and unit.endswith("/" + name):  # a unit path: the unit first, then above it
        name = f"{name}, {unit[: -len(name) - 1]}"
    return OwnPay(
        unit=unit,
        unit_name=name,
        job_code=str(row["job_code"]),
        job_title="" if title is None or pd.isna(title) else str(title),
        work_group=str(row.get("work_group", row["job_code"])),
        category=None if category is None or pd.isna(category) else str(category),
        fte=fte,
        base_salary=base,
        supplements=get["supplements"],
        monthly_pay=monthly,
        variable_pay=get["variable_pay"],
        weekly_hours=hours,
        monthly_actual=monthly * fte,
        annual=float(levels["annual_all"]),
        hourly=float(levels["hourly_all"]),
    )


def employments(
    employee_id: str,
    frame: pd.DataFrame,
    figures: Art7Figures,
    categories: pd.Series,
    unit_column: str = "unit",
) -> tuple[Employment, ...]:
    """The employee's employments with their own pay and the two categories' averages."""
    rows = frame[frame["employee_id"].astype(str) == str(employee_id)]
    out = []
    for i, row in rows.iterrows():
        pay = own_pay(row, categories.get(i), unit_column)
        out.append(
            Employment(pay, figures.same_work(pay.work_group), figures.equal_value(pay.category))
        )
    return tuple(out)


def letter_for(
    employee_id: str,
    frame: pd.DataFrame,
    figures: Art7Figures,
    categories: pd.Series,
    *,
    key: str,
    request_date: dt.date,
    answered: dt.date,
    criteria: Iterable[Mapping[str, Any]] = (),
    band_width: float = 120,
    min_cell: int = 5,
    unit_column: str = "unit",
) -> Letter:
    """The Art. 7 letter to one employee (all their employments in ``frame``).

    Raises :class:`ParameterError` when the id has no row in the pay data.
    """
    jobs = employments(employee_id, frame, figures, categories, unit_column)
    if not jobs:
        raise ParameterError(f"employee {employee_id!r} is not in the pay data")
    gender = str(frame.loc[frame["employee_id"].astype(str) == str(employee_id), "gender"].iloc[0])
    return Letter(
        employee_id=str(employee_id),
        pseudonym=pseudonym(str(employee_id), key),
        gender=gender,
        request_date=request_date,
        deadline=deadline(request_date),
        answered=answered,
        employments=jobs,
        equal_value_basis=figures.basis,
        band_width=float(band_width),
        criteria=tuple(criteria),
        min_cell=int(min_cell),
    )


def update_register(
    previous: pd.DataFrame | None, requests: pd.DataFrame, today: dt.date
) -> pd.DataFrame:
    """The register after this batch: every earlier request kept, this batch's added or
    replaced (same pseudonym and request date), every status as of ``today``.

    ``requests``: ``employee_id`` (pseudonym), ``request_date`` (date), ``answered`` (bool: a
    letter was written today), ``note``.

    Examples
    --------
    >>> r = pd.DataFrame({"employee_id": ["a1"], "request_date": [dt.date(2026, 9, 1)],
    ...                   "answered": [False], "note": ["not in the pay data"]})
    >>> update_register(None, r, dt.date(2026, 12, 8))[["deadline", "status"]].values.tolist()
    [['2026-11-01', 'past_due']]
    """
    new = pd.DataFrame(
        {
            "employee_id": requests["employee_id"].astype(str),
            "request_date": [d.isoformat() for d in requests["request_date"]],
            "deadline": [deadline(d).isoformat() for d in requests["request_date"]],
            "status": "",
            "letter_date": np.where(requests["answered"].astype(bool), today.isoformat(), ""),
            "note": requests["note"].fillna("").astype(str),
        }
    )
    old = pd.DataFrame(columns=REGISTER_COLUMNS) if previous is None else previous
    old = old.reindex(columns=REGISTER_COLUMNS).fillna("").astype(str)
    both = pd.concat([old, new], ignore_index=True)
    both = both.drop_duplicates(["employee_id", "request_date"], keep="last")
    done = both["letter_date"] != ""
    late = done & (both["letter_date"] > both["deadline"])
    passed = ~done & (both["deadline"] < today.isoformat())
    both["status"] = np.select(
        [late, done, passed], ["answered_late", "answered", "past_due"], default="open"
    )
    return both.sort_values(["request_date", "employee_id"], kind="stable").reset_index(drop=True)[
        REGISTER_COLUMNS
    ]


def overdue(register: pd.DataFrame, today: dt.date) -> pd.DataFrame:
    """The requests with no letter whose deadline has passed by ``today``."""
    r = register.reindex(columns=REGISTER_COLUMNS).fillna("").astype(str)
    return r[(r["letter_date"] == "") & (r["deadline"] < today.isoformat())]

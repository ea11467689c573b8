"""The data files of a run as the manager and public audiences get them (DESIGN §5).

Every data file of hr except the person-level ones: ``exclusions`` and ``people`` are left out,
and so are the plan's person measures, the follow-up of person measures and the explanations of
single employees. What is left holds aggregates only, with small cells written empty:

- ``equal_work``: :func:`suppress_equal_work` (a gender's figures from ``min_cell`` people,
  medians from 5, P10/P90 from 21, no min/max, complementary suppression over the
  organisation-vs-units margin);
- job means (``equal_value``'s ``mean_pay_fd``/``mean_pay_cmp``, ``job_evaluation``'s
  ``mean_base_salary``/``mean_monthly_pay``): a mean over a job's women and men is shown only
  when every gender present in the job (in that unit) has ``min_cell`` people, since the other
  gender's published mean would give a small gender's pay back; then complementary suppression
  over the organisation-vs-units margin; a gap is blank with either of its means;
- the plan's group measures: the amounts (pay before, target, adjustment, cost) blank where a
  mean behind them is;
- ``eu_indicators``: the per-category rows (indicator g) of a category with fewer than
  ``min_cell`` of a gender, and complementary suppression against the organisation's rows and,
  for value bands, against the jobs in the band (:mod:`._margins`); the Art. 10 check's gap
  with them;
- ``follow_up``: a group measure of fewer than ``min_cell`` people keeps its status, not its
  amounts;
- ``org_gap``: the Oaxaca terms of a categorical control (one per work group) summed into one
  row per control, since a work group's term is its people's pay relative to the others.

A personnummer-shaped token in any text (a register, an explanation) is masked.
An explanation whose gap is suppressed keeps a person's text but loses its figure and, for equal
work, the gender paid less; an automatic assessment, which quotes the figures, is replaced by a
sentence saying the group is too small. The cost-against-gap curve is left out: it is built from
the people's raises, and its largest remaining gap is one group's gap.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..exceptions import ParameterError
from ..io import mask_personnummer
from ._margins import band_margins
from ._suppress import GAP_COLUMNS, cell_blanker, complement, suppress_equal_work

__all__ = [
    "AudienceTables",
    "mask_free_text",
    "DERIVED_FILES",
    "aggregate_tables",
    "job_counts",
    "PERSON_FILES",
    "SMALL_TEXT",
]

PERSON_FILES = ("exclusions", "people")  # never written for manager and public
# built from the people's raises, and its largest remaining gap is one group's gap: left out too
DERIVED_FILES = ("remediation_curve",)
_PLAN_AMOUNTS = [
    "pay_before",
    "target_pay",
    "adjustment_monthly",
    "adjustment_total",
    "cost_yearly",
]
_EU_GAP = ["value", "pay_women", "pay_men"]
_FOLLOW_UP_AMOUNTS = [
    "planned",
    "realised",
    "planned_kr",
    "realised_kr",
    "cost_planned",
    "cost_realised",
]
SMALL_TEXT = {
    "sv": "Gruppen är för liten för att lönesiffror ska visas i den här utgåvan; "
    "skillnaden är bedömd av HR.",
    "en": "The group is too small for pay figures to be shown in this edition; "
    "HR has assessed the difference.",
}


@dataclass(frozen=True)
class AudienceTables:
    """The data files for an aggregate audience and what was suppressed in them.

    Attributes
    ----------
    tables : dict of DataFrame
        By file name (``"equal_work"``, ...), suppressed cells NaN; person-level files left out.
    org_gap : dict
        ``org_gap.json`` with the Oaxaca terms of categorical controls summed.
    cells : DataFrame
        One row per suppressed cell: ``table``, ``row``, ``column``, ``reason``.
    dropped : dict of int
        Rows left out per table (person measures, single employees' explanations).
    """

    tables: dict[str, pd.DataFrame]
    org_gap: dict[str, Any]
    cells: pd.DataFrame
    dropped: dict[str, int] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        """Suppressed cells per table (every table of :attr:`tables`, 0 included)."""
        per = self.cells.groupby("table").size() if len(self.cells) else pd.Series(dtype=int)
        return {name: int(per.get(name, 0)) for name in self.tables}


def job_counts(frame: pd.DataFrame, unit_column: str = "unit") -> pd.DataFrame:
    """Women and men per job, organisation-wide (unit ``""``) and per unit.

    Examples
    --------
    >>> f = pd.DataFrame({"unit": ["A", "A", "B"], "job_code": ["1", "1", "1"],
    ...                   "gender": ["F", "M", "F"]})
    >>> job_counts(f).to_dict("records")[0]
    {'unit': '', 'job_code': '1', 'n_women': 2, 'n_men': 1}
    """
    f = pd.DataFrame(
        {
            "unit": frame[unit_column].fillna("").astype(str),
            "job_code": frame["job_code"].astype(str),
            "w": (frame["gender"] == "F").astype(int),
            "m": (frame["gender"] == "M").astype(int),
        }
    )
    org = f.assign(unit="")
    both = pd.concat([org, f], ignore_index=True)
    out = both.groupby(["unit", "job_code"], sort=True)[["w", "m"]].sum().reset_index()
    return out.rename(columns={"w": "n_women", "m": "n_men"})


def aggregate_tables(
    tables: dict[str, pd.DataFrame],
    org_gap: dict[str, Any],
    *,
    counts: pd.DataFrame,
    min_cell: int = 5,
    language: str = "sv",
    categories: str = "band",
) -> AudienceTables:
    """The data files of a run as the manager or public audience may see them (DESIGN §5).

    Parameters
    ----------
    tables : dict of DataFrame
        The hr run's data files by name.
    org_gap : dict
        ``org_gap.json`` as the hr run writes it.
    counts : DataFrame
        :func:`job_counts` of the pay data: women and men per (unit, job).
    min_cell : int
        ``privacy.min_cell``.
    language : {"sv", "en"}
        The language of the text that replaces an automatic assessment of a suppressed group.
    categories : str
        ``analysis.categories``: with ``"band"`` a band's figures are the margin of its jobs'
        (:func:`band_margins`).

    Returns
    -------
    AudienceTables

    Examples
    --------
    >>> ew = pd.DataFrame({"unit": [""], "work_group": ["1"], "pay_measure": ["base_salary"],
    ...                    "n_women": [2], "n_men": [9], "mean_women": [30000.0],
    ...                    "mean_men": [31000.0]})
    >>> out = aggregate_tables({"equal_work": ew, "people": ew}, {}, counts=job_counts(
    ...     pd.DataFrame({"unit": ["A"], "job_code": ["1"], "gender": ["F"]})))
    >>> sorted(out.tables), out.tables["equal_work"]["mean_women"].isna().tolist()
    (['equal_work'], [True])
    """
    if min_cell < 1:
        raise ParameterError(f"privacy.min_cell={min_cell}: give a whole number of at least 1")
    cells: list[tuple[str, object, str, str]] = []
    dropped: dict[str, int] = {}
    out: dict[str, pd.DataFrame] = {}
    for name, t in tables.items():
        if name in PERSON_FILES or name in DERIVED_FILES:
            continue
        out[name] = t.reset_index(drop=True)

    def blanker(name: str) -> Callable[[object, str, str], None]:
        return cell_blanker(out[name], name, cells)

    if "equal_work" in out:
        s = suppress_equal_work(out["equal_work"], min_cell=min_cell)
        out["equal_work"] = s.table
        cells += [("equal_work", r, c, why) for r, c, why in s.cells.itertuples(index=False)]
    hidden, _ = _link_job_means(out, counts, min_cell, blanker)
    _plan(out, hidden, min_cell, blanker, dropped)
    _explanations(out, language, blanker, dropped)
    _eu(out, counts, min_cell, blanker, categories == "band")
    if "follow_up" in out:
        fu = out["follow_up"]
        person = fu["measure_id"].astype(str).str.contains("-person-", regex=False)
        dropped["follow_up"] = int(person.sum())
        out["follow_up"] = fu[~person].reset_index(drop=True)
        blank = blanker("follow_up")
        few = pd.to_numeric(out["follow_up"].get("n_people"), errors="coerce") < min_cell
        for i in out["follow_up"].index[few.to_numpy()]:
            for column in _FOLLOW_UP_AMOUNTS:  # a small group's raises; the status stays
                blank(i, column, "small")
    for name, t in out.items():  # free text (registers, explanations) typed by people
        cells += [(name, i, c, "personnummer") for i, c in mask_free_text(t)]
    frame = pd.DataFrame(cells, columns=["table", "row", "column", "reason"])
    return AudienceTables(out, _org_gap(org_gap), frame, dropped)


# the columns people type into (registers, explanations); ids and pseudonyms are never masked:
# a 12-digit pseudonym can look like a personnummer
FREE_TEXT = (
    "text",
    "evidence",
    "description",
    "assessment",
    "action",
    "author",
    "participants",
    "organisations",
    "topic",
    "information_given",
    "item",
)


def mask_free_text(table: pd.DataFrame) -> list[tuple[object, str]]:
    """Mask every personnummer-shaped token in ``table``'s free-text columns (:data:`FREE_TEXT`),
    in place; return the (row, column) of each cell changed.

    Examples
    --------
    >>> t = pd.DataFrame({"text": ["Se 19800101-1234", "32 500 kr"]})
    >>> mask_free_text(t), t["text"].tolist()
    ([(0, 'text')], ['Se [personnummer]', '32 500 kr'])
    """
    changed = []
    for column in table.columns:
        if column in FREE_TEXT:
            text = table[column].astype(str)
            for i in table.index[text.str.contains(r"\d{6}", regex=True).to_numpy()]:
                masked, n = mask_personnummer(str(table.at[i, column]))
                if n:
                    table.at[i, column] = masked
                    changed.append((i, column))
    return changed


def _small(n_women: pd.Series, n_men: pd.Series, min_cell: int) -> pd.Series:
    """A mean over both genders hides a small one: shown only when every gender present has
    ``min_cell`` people (and the whole has too)."""
    w, m = (pd.to_numeric(s, errors="coerce").fillna(0) for s in (n_women, n_men))
    return ((w > 0) & (w < min_cell)) | ((m > 0) & (m < min_cell)) | (w + m < min_cell)


def _job_cells(out: dict, counts: pd.DataFrame) -> pd.DataFrame:
    """One row per job mean the tables publish: (unit, job, pay measure), its value, the job's
    women and men there (``n`` both)."""
    parts = []
    ev = out.get("equal_value")
    if ev is not None and len(ev):
        for side, job in (("fd", "female_dominated_job"), ("cmp", "comparator_job")):
            parts.append(
                pd.DataFrame(
                    {
                        "unit": ev["unit"].fillna("").astype(str),
                        "job_code": ev[job].astype(str),
                        "pay_measure": ev["pay_measure"].astype(str),
                        "value": pd.to_numeric(ev[f"mean_pay_{side}"], errors="coerce"),
                    }
                )
            )
    je = out.get("job_evaluation")
    if je is not None and len(je):
        for measure in ("base_salary", "monthly_pay"):
            if f"mean_{measure}" in je.columns:
                parts.append(
                    pd.DataFrame(
                        {
                            "unit": "",
                            "job_code": je["job_code"].astype(str),
                            "pay_measure": measure,
                            "value": pd.to_numeric(je[f"mean_{measure}"], errors="coerce"),
                        }
                    )
                )
    columns = ["unit", "job_code", "pay_measure", "value", "n_women", "n_men", "n"]
    if not parts:
        return pd.DataFrame(columns=columns)
    work = out.get("equal_work")
    if work is not None and len(work):  # a work group that is a job: its two means give its
        parts.append(_derived_job_means(work))  # job mean, published or not
    cells = pd.concat(parts, ignore_index=True)
    c = counts.assign(unit=counts["unit"].astype(str), job_code=counts["job_code"].astype(str))
    cells = cells.merge(c, on=["unit", "job_code"], how="inner")
    cells["n"] = cells["n_women"].fillna(0) + cells["n_men"].fillna(0)
    # a work group's means are a job's only where it holds exactly the job's people
    derived = cells["derived_n"].notna() if "derived_n" in cells else pd.Series(False, cells.index)
    cells = cells[~derived | (cells.get("derived_n") == cells["n"])]
    cells = cells.drop_duplicates(["unit", "job_code", "pay_measure"]).reset_index(drop=True)
    return cells[columns]


def _derived_job_means(work: pd.DataFrame) -> pd.DataFrame:
    """Job means an equal-work table gives by its gender means (where the work group is a job:
    :func:`_job_cells` keeps only those whose head count is the job's); NaN where a gender
    present has no mean shown."""
    nw, nm = (pd.to_numeric(work[f"n_{g}"], errors="coerce").fillna(0) for g in ("women", "men"))
    mw = pd.to_numeric(work["mean_women"], errors="coerce")
    mm = pd.to_numeric(work["mean_men"], errors="coerce")
    value = (nw * mw.fillna(0) + nm * mm.fillna(0)) / (nw + nm)
    value[((nw > 0) & mw.isna()) | ((nm > 0) & mm.isna())] = np.nan
    return pd.DataFrame(
        {
            "unit": work["unit"].fillna("").astype(str),
            "job_code": work["work_group"].astype(str),
            "pay_measure": work["pay_measure"].astype(str),
            "value": value,
            "derived_n": nw + nm,
        }
    )


def _hide_job_means(cells: pd.DataFrame, min_cell: int, extra: set) -> tuple[set, set]:
    """The hidden job means (small, linked to a hidden gender mean, or complementary) and the
    small ones among them."""
    cells = cells.copy()
    hidden: set[tuple[str, str, str]] = set()

    def hide(i: object, column: str, reason: str) -> None:
        if pd.notna(cells.at[i, "value"]):
            cells.at[i, "value"] = np.nan
            hidden.add(tuple(cells.loc[i, ["unit", "job_code", "pay_measure"]]))

    keys = list(cells[["unit", "job_code", "pay_measure"]].itertuples(index=False, name=None))
    small_rows = _small(cells["n_women"], cells["n_men"], min_cell)
    small = {k for k, is_small in zip(keys, small_rows, strict=True) if is_small}
    for i, k in enumerate(keys):
        if k in small or k in extra:
            hide(cells.index[i], "value", "small")
    complement(cells, "value", "n", ["job_code", "pay_measure"], min_cell, hide)
    return hidden, small


def _twins(work: pd.DataFrame | None, cells: pd.DataFrame) -> dict[tuple, object]:
    """Job means whose people are exactly an equal-work row's (work group = the job): the
    job mean and the two gender means give each other back. Key → the equal-work row."""
    if work is None or not len(work) or not len(cells):
        return {}
    n_job = {
        (u, j, m): n
        for u, j, m, n in cells[["unit", "job_code", "pay_measure", "n"]].itertuples(index=False)
    }
    out = {}
    unit = work["unit"].fillna("").astype(str)
    for i in work.index:
        key = (unit[i], str(work.at[i, "work_group"]), str(work.at[i, "pay_measure"]))
        n = float(work.at[i, "n_women"]) + float(work.at[i, "n_men"])
        if key in n_job and n_job[key] == n:
            out[key] = i
    return out


def _link_job_means(
    out: dict, counts: pd.DataFrame, min_cell: int, blanker: Callable
) -> tuple[set, set]:
    """Suppress job means and equal-work gender means together: a job mean goes where a gender
    mean of the same people is hidden, and where a job mean is hidden (small or complementary)
    but both gender means are shown, the smaller gender's goes, with complementary suppression
    again — until nothing changes. Returns the hidden job means and the small ones."""
    cells = _job_cells(out, counts)
    work = out.get("equal_work")
    twins = _twins(work, cells)
    blank_work = blanker("equal_work") if work is not None else None
    hidden: set = set()
    small: set = set()
    for _ in range(50):
        extra = {
            k
            for k, i in twins.items()
            if any(
                float(work.at[i, f"n_{g}"]) > 0 and pd.isna(work.at[i, f"mean_{g}"])
                for g in ("women", "men")
            )
        }
        hidden, small = _hide_job_means(cells, min_cell, extra)
        changed = False
        for k in sorted(hidden & set(twins)):
            i = twins[k]
            if work[["mean_women", "mean_men"]].loc[i].notna().all():
                g = "women" if float(work.at[i, "n_women"]) <= float(work.at[i, "n_men"]) else "men"
                blank_work(i, f"mean_{g}", "complementary")
                for gg in ("women", "men"):
                    complement(
                        work,
                        f"mean_{gg}",
                        f"n_{gg}",
                        ["work_group", "pay_measure"],
                        min_cell,
                        blank_work,
                    )
                changed = True
        if not changed:
            break
    if work is not None:
        for g in ("women", "men"):
            for i in work.index[work[f"mean_{g}"].isna()]:
                for column in ("median", "p10", "p90"):
                    blank_work(i, f"{column}_{g}", "complementary")
                for column in GAP_COLUMNS:
                    blank_work(i, column, "gap")
    _blank_job_means(out, hidden, small, blanker)
    return hidden, small


def _blank_job_means(out: dict, hidden: set, small: set, blanker: Callable) -> None:
    ev, je = out.get("equal_value"), out.get("job_evaluation")
    if ev is not None and len(ev):
        blank = blanker("equal_value")
        unit = ev["unit"].fillna("").astype(str)
        for i in ev.index:
            for side, job in (("fd", "female_dominated_job"), ("cmp", "comparator_job")):
                key = (unit[i], str(ev.at[i, job]), str(ev.at[i, "pay_measure"]))
                if key in hidden:
                    blank(i, f"mean_pay_{side}", "small" if key in small else "complementary")
            if pd.isna(ev.at[i, "mean_pay_fd"]) or pd.isna(ev.at[i, "mean_pay_cmp"]):
                blank(i, "pay_gap_pct", "gap")
    if je is not None and len(je):
        blank = blanker("job_evaluation")
        for i in je.index:
            for measure in ("base_salary", "monthly_pay"):
                key = ("", str(je.at[i, "job_code"]), measure)
                if key in hidden:
                    blank(i, f"mean_{measure}", "small" if key in small else "complementary")


def _plan(out: dict, hidden: set, min_cell: int, blanker: Callable, dropped: dict) -> None:
    """The plan without person measures; group measures' amounts blank where a mean behind
    them is suppressed."""
    plan = out.get("action_plan")
    if plan is None:
        return
    person = plan["employee_id"].fillna("").astype(str) != ""
    dropped["action_plan"] = int(person.sum())
    plan = out["action_plan"] = plan[~person].reset_index(drop=True)
    work = out.get("equal_work", pd.DataFrame())
    blank = blanker("action_plan")
    for i in plan.index:
        unit = str(plan.at[i, "unit"]) if pd.notna(plan.at[i, "unit"]) else ""
        job, cmp = str(plan.at[i, "job_code"]), plan.at[i, "comparator_job"]
        keys = [(unit, job, m) for m in ("base_salary", "monthly_pay")]
        if pd.notna(cmp) and str(cmp):
            keys += [(unit, _code(cmp), m) for m in ("base_salary", "monthly_pay")]
        gone = any(k in hidden for k in keys)
        if len(work) and not (pd.notna(cmp) and str(cmp)):  # an equal-work group measure
            in_unit = work["unit"].fillna("").astype(str) == unit
            rows = work[in_unit & (work["work_group"].astype(str) == job)]
            gone = gone or bool(rows[["mean_women", "mean_men"]].isna().any(axis=None))
        if gone or pd.to_numeric(plan.at[i, "n_people"], errors="coerce") < min_cell:
            for column in _PLAN_AMOUNTS:
                blank(i, column, "small")


def _code(x: Any) -> str:
    """A job code as the tables write it (a float read back from CSV loses nothing)."""
    if isinstance(x, float) and x.is_integer():
        return str(int(x))
    return str(x)


def _explanations(out: dict, language: str, blanker: Callable, dropped: dict) -> None:
    ex = out.get("explanations")
    if ex is None:
        return
    person = ex["item_kind"].astype(str) == "person"
    dropped["explanations"] = int(person.sum())
    ex = out["explanations"] = ex[~person].reset_index(drop=True)
    shown: dict[tuple, bool] = {}
    work = out.get("equal_work")
    if work is not None:
        for u, g, m, v in zip(
            work["unit"].fillna("").astype(str),
            work["work_group"].astype(str),
            work["pay_measure"].astype(str),
            work["women_pct_of_men"],
            strict=True,
        ):
            shown[("equal_work", u, g, m)] = pd.notna(v)
    value = out.get("equal_value")
    if value is not None:
        for u, g, c, m, v in zip(
            value["unit"].fillna("").astype(str),
            value["female_dominated_job"].astype(str),
            value["comparator_job"].astype(str),
            value["pay_measure"].astype(str),
            value["pay_gap_pct"],
            strict=True,
        ):
            shown[("equal_value", u, g, c, m)] = pd.notna(v)
    blank = blanker("explanations")
    text = SMALL_TEXT.get(language, SMALL_TEXT["sv"])
    for i in ex.index:
        kind = str(ex.at[i, "item_kind"])
        u = str(ex.at[i, "unit"]) if pd.notna(ex.at[i, "unit"]) else ""
        g, m = str(ex.at[i, "group"]), str(ex.at[i, "pay_measure"])
        cmp = str(ex.at[i, "comparator"])
        key = (kind, u, g, m) if kind == "equal_work" else (kind, u, g, cmp, m)
        if shown.get(key, True):
            continue
        blank(i, "gap_pct", "gap")
        if kind == "equal_work":  # which gender is paid less says which way the hidden gap goes
            blank(i, "comparator", "gap")
        if str(ex.at[i, "source"]) == "automatic":  # the automatic text quotes the figures
            ex.at[i, "text"] = text


def _eu(
    out: dict, counts: pd.DataFrame, min_cell: int, blanker: Callable, band_categories: bool
) -> None:
    """Per-category rows (indicator g) of small categories, with complementary suppression
    against the organisation's rows; the Art. 10 gaps with them."""
    eu = out.get("eu_indicators")
    if eu is None or not len(eu):
        return
    blank = blanker("eu_indicators")
    cat = eu["category"].fillna("").astype(str)
    by_cat = eu["indicator"].astype(str) == "g"
    for i in eu.index[by_cat & _small(eu["n_women"], eu["n_men"], min_cell)]:
        for column in _EU_GAP:
            blank(i, column, "small")
    if band_categories:  # a band's figure is the margin of its jobs' figures
        band_margins(eu, out.get("equal_work"), out.get("job_evaluation"), min_cell, blank)
    # the organisation's means (a: all, b: complementary) are the margins of the categories'
    margin = eu["indicator"].astype(str).isin(["a", "b"]) & (cat == "")
    rows = eu.index[by_cat | margin]
    frame = pd.DataFrame(
        {
            "unit": cat[rows],
            "component": eu.loc[rows, "component"].astype(str),
            "pay_level": eu.loc[rows, "pay_level"].astype(str),
        },
        index=rows,
    )
    for g in ("women", "men"):
        frame[f"pay_{g}"] = eu.loc[rows, f"pay_{g}"]
        frame[f"n_{g}"] = eu.loc[rows, f"n_{g}"]

        def hide(i: object, column: str, reason: str, g: str = g) -> None:
            frame.at[i, column] = np.nan
            blank(i, f"pay_{g}", reason)

        complement(frame, f"pay_{g}", f"n_{g}", ["component", "pay_level"], min_cell, hide)
    for i in eu.index[by_cat]:
        if pd.isna(eu.at[i, "pay_women"]) or pd.isna(eu.at[i, "pay_men"]):
            blank(i, "value", "gap")
    art = out.get("art10")
    if art is not None and len(art):
        gone = set(cat[by_cat & eu["value"].isna()])
        blank = blanker("art10")
        small = _small(art["n_women"], art["n_men"], min_cell)
        for i in art.index:
            if small[i] or str(art.at[i, "category"]) in gone:
                blank(i, "mean_gap_pct", "small" if small[i] else "complementary")


def _org_gap(og: dict[str, Any]) -> dict[str, Any]:
    """``org_gap.json`` with a categorical control's Oaxaca terms summed into one row."""
    og = dict(og)
    o = og.get("oaxaca")
    if not isinstance(o, dict) or not o.get("table"):
        return og
    t = pd.DataFrame(o["table"])
    t["term"] = t["term"].astype(str).str.replace(r"\[T\..*\]$", "", regex=True)
    summed = t.groupby(["component", "term"], sort=False)["value"].sum().reset_index()
    single = t.groupby(["component", "term"], sort=False).size().reset_index(name="k")
    summed = summed.merge(single, on=["component", "term"])
    rows = []
    for r in summed.itertuples(index=False):
        row = {"component": r.component, "term": r.term, "value": float(r.value)}
        if r.k == 1:  # a single term keeps its interval
            src = t[(t["component"] == r.component) & (t["term"] == r.term)].iloc[0]
            row |= {"ci_low": src.get("ci_low"), "ci_high": src.get("ci_high")}
        else:
            row |= {"ci_low": None, "ci_high": None}
        rows.append(row)
    og["oaxaca"] = dict(o) | {"table": rows}
    return og

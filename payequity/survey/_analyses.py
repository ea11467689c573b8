"""The pay survey (lönekartläggning): the analyses DL 3:9 requires, as result objects.

* :func:`equal_work` — women and men doing equal work (per work group);
* :func:`equal_value` — female-dominated jobs against jobs of equal value that are not
  female-dominated, and against jobs of lower value that are paid more;
* :func:`eu_indicators` — Article 9 (a)–(g) of Directive (EU) 2023/970;
* :func:`standardized_ratio` — women's pay as % of men's, standardised by cell weights.

Conventions (gap signs, flags, pairing) are those of DESIGN §5.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd

from .._summary import Summary
from ..exceptions import ParameterError, PayEquityError, SchemaError
from . import _eu, _gap, _oaxaca, _standard
from ._equalvalue import TABLE_COLUMNS as EQUAL_VALUE_COLUMNS
from ._equalvalue import equal_value_table, equal_value_tables
from ._equalwork import PEOPLE_COLUMNS, equal_work_table
from ._equalwork import TABLE_COLUMNS as EQUAL_WORK_COLUMNS
from ._eu import TABLE_COLUMNS as EU_COLUMNS
from ._eu import IndicatorResult
from ._gap import GapResult, LogibResult, logib
from ._oaxaca import DecompositionResult
from ._standard import StandardizedResult

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from ..io import PayData
    from ..jobeval import JobEvaluation

from ._inputs import (
    COV_TYPES,
    check_pay_measures,
    check_people,
    frame_and_unit,
    resolve_controls,
)

__all__ = ["EqualValueResult", "EqualWorkResult", "equal_value", "equal_work"]


@dataclass(frozen=True, repr=False)
class EqualWorkResult:
    """Equal work: one row per (unit, work group, pay measure) in :attr:`table`.

    Attributes
    ----------
    table : DataFrame
        The columns of ``equal_work.csv`` (DESIGN §7), then ``min_*``, ``max_*``, ``p10_*``,
        ``p90_*`` by gender, ``regression_tested``, ``flag_rule`` ("regression" | "raw" | ""),
        ``coef``, ``se``, ``df_resid``, ``controls``, ``min_detectable_gap_pct``.
    people : DataFrame
        ``unit, work_group, pay_measure, employee_id, gender, pay, expected_pay,
        deviation_pct, flagged``: each person against the gender-neutral model of the group.
    models : dict
        The statsmodels results by ``(unit, work_group, pay_measure)``.
    reason : str
        Why nothing could be analysed, when the table has no group with both genders.
    """

    table: pd.DataFrame
    people: pd.DataFrame
    models: dict[tuple[str, str, str], Any]
    settings: dict[str, Any] = field(default_factory=dict)
    reason: str = ""

    @property
    def model(self) -> dict[tuple[str, str, str], Any]:
        return self.models

    @property
    def flagged(self) -> pd.DataFrame:
        return self.table[self.table["flagged"].astype(bool)]

    def people_below(self, n: int = 20, pay: str = "base_salary") -> pd.DataFrame:
        """The ``n`` people furthest below their expected pay on one pay measure."""
        p = self.people[self.people["pay_measure"] == pay]
        return p.sort_values("deviation_pct", kind="stable").head(n)

    @property
    def controls_used(self) -> list[str]:
        """The controls that entered at least one group's regression."""
        used = {c for cs in self.table["controls"].dropna() for c in str(cs).split() if c}
        return [c for c in self.settings.get("controls", []) if c in used]

    def summary(self) -> Summary:
        t = self.table
        assessed = t[t["needs_assessment"].astype(bool)]
        reg = assessed[assessed["regression_tested"].astype(bool)]
        facts = [
            ("groups (unit × work group × pay measure)", str(len(t))),
            ("with both women and men (need assessment)", str(len(assessed))),
            ("regression-tested", f"{len(reg)} (BH at {self.settings.get('fdr', 0.05):g})"),
            ("flagged by regression", str(int(reg["flagged"].sum()))),
            (
                "flagged by the raw rule",
                str(int((assessed["flagged"] & ~assessed["regression_tested"]).sum())),
            ),
            (
                "people beyond the person threshold (base pay)",
                str(
                    int(
                        self.people.loc[
                            self.people["pay_measure"]
                            == self.settings.get("pays", ["base_salary"])[0],
                            "flagged",
                        ].sum()
                    )
                ),
            ),
            ("controls used", ", ".join(self.controls_used) or "none"),
        ]
        if self.settings.get("controls_absent"):
            facts.append(("controls not in the data", ", ".join(self.settings["controls_absent"])))
        if self.reason:
            facts.append(("note", self.reason))
        cols = [
            "unit",
            "work_group",
            "pay_measure",
            "n_women",
            "n_men",
            "women_pct_of_men",
            "adjusted_gap_pct",
            "p_adjusted",
            "flag_rule",
        ]
        return Summary("Equal work (lika arbete)", facts, [("Flagged groups", self.flagged[cols])])

    def _repr_html_(self) -> str:
        return self.summary()._repr_html_()

    def __repr__(self) -> str:
        return f"<EqualWorkResult {len(self.table)} groups, {len(self.flagged)} flagged>"

    def plot(self, ax: Axes | None = None, *, kind: str = "gap", **kwargs: Any) -> Axes:
        """``kind="gap"``: women's % of men's per group with CI (:func:`charts.plot_gap_by_group`);
        ``kind="distribution"``: pay by gender per group (:func:`charts.plot_pay_by_gender`)."""
        from .. import charts

        if kind == "distribution":
            return charts.plot_pay_by_gender(self, ax=ax, **kwargs)
        if kind == "gap":
            return charts.plot_gap_by_group(self, ax=ax, **kwargs)
        raise ParameterError(
            f"kind must be 'gap' or 'distribution', got {kind!r}; pass one of those"
        )


@dataclass(frozen=True, repr=False)
class EqualValueResult:
    """Equal value: one row per (unit, female-dominated job, comparator, pay measure)."""

    table: pd.DataFrame
    settings: dict[str, Any] = field(default_factory=dict)
    reason: str = ""
    model: Any = None

    @property
    def flagged(self) -> pd.DataFrame:
        return self.table[self.table["flagged"].astype(bool)]

    def summary(self) -> Summary:
        t = self.table
        facts = [
            ("pairs", str(len(t))),
            ("equal value (same band)", str(int((t["kind"] == "equal_value").sum()))),
            ("lower value, higher pay", str(int((t["kind"] == "lower_value_higher_pay").sum()))),
            (
                "flagged",
                f"{len(self.flagged)} (gap below −{100 * self.settings.get('gap_threshold', 0.02):g} %)",
            ),
        ]
        if self.reason:
            facts.append(("note", self.reason))
        if self.settings.get("not_evaluated"):
            facts.append(
                (
                    "jobs without evaluation (not compared)",
                    ", ".join(self.settings["not_evaluated"]),
                )
            )
        cols = [
            "unit",
            "female_dominated_job",
            "comparator_job",
            "kind",
            "pay_measure",
            "pay_gap_pct",
        ]
        return Summary(
            "Equal value (likvärdigt arbete)", facts, [("Flagged pairs", self.flagged[cols])]
        )

    def _repr_html_(self) -> str:
        return self.summary()._repr_html_()

    def __repr__(self) -> str:
        return f"<EqualValueResult {len(self.table)} pairs, {len(self.flagged)} flagged>"

    def plot(self, ax: Axes | None = None, **kwargs: Any) -> Axes:
        """Pay gap of each pair (:func:`charts.plot_equal_value`)."""
        from ..charts import plot_equal_value

        return plot_equal_value(self, ax=ax, **kwargs)


def equal_work(
    data: PayData | pd.DataFrame,
    *,
    pay: str | Sequence[str] = "base_salary",
    group: str = "work_group",
    controls: Sequence[str] | None = None,
    min_per_gender: int = 3,
    fdr: float = 0.05,
    gap_threshold: float = 0.02,
    person_threshold: float = 0.05,
    cov_type: str = "nonrobust",
    by: str | None = None,
) -> EqualWorkResult | dict[str, EqualWorkResult]:
    """Women and men doing equal work, per work group (DL 3:9 p. 1; DESIGN §5).

    Parameters
    ----------
    data : PayData or DataFrame
        Canonical pay data (``gender``, the ``group`` column, the pay measure, controls).
    pay : str or list of str
        ``"base_salary"``, ``"monthly_pay"`` or both (the yearly run uses both).
    group : str
        The equal-work grouping column (``work_group`` = ``job_code`` unless regrouped).
    controls : list of str, optional
        Regression controls; default ``["tenure_years", "age"]`` where present.
    min_per_gender : int
        Women and men needed in a group to run its regression.
    fdr : float
        Benjamini–Hochberg level across the regression-tested groups of a unit and pay measure.
    gap_threshold : float
        Raw rule for the other groups: flagged when ``|women_pct_of_men − 100| > 100·threshold``.
    person_threshold : float
        People more than this share below their expected pay are flagged.
    cov_type : str
        statsmodels covariance type ("nonrobust", "HC0" … "HC3").
    by : {"unit"}, optional
        Per unit: a dict of results keyed by unit (the unit key is ``unit_path`` when present).

    Returns
    -------
    EqualWorkResult, or dict of them with ``by="unit"``

    Examples
    --------
    >>> import payequity as pe
    >>> data = pe.datasets.load_sample()
    >>> res = pe.equal_work(data)
    >>> row = res.table.set_index("work_group").loc["351015"]  # the injected −6 % gap
    >>> bool(row["flagged"]), round(float(row["adjusted_gap_pct"]), 1)
    (True, -5.5)
    """
    frame, unit_col = frame_and_unit(data)
    check_people(frame, ["employee_id", "gender", group])
    pays = check_pay_measures(pay, frame)
    if cov_type not in COV_TYPES:
        raise ParameterError(
            f"cov_type must be one of {', '.join(COV_TYPES)}, got {cov_type!r}; pass one of those"
        )
    if not (isinstance(min_per_gender, int) and min_per_gender >= 2):
        raise ParameterError(
            f"min_per_gender must be a whole number ≥ 2, got {min_per_gender!r}; pass e.g. 3"
        )
    for name, value in (
        ("fdr", fdr),
        ("gap_threshold", gap_threshold),
        ("person_threshold", person_threshold),
    ):
        if not 0 < value <= 1:
            raise ParameterError(
                f"{name} must be in (0, 1], got {value!r}; pass a fraction above 0 such as "
                f"0.05 (in survey.toml: analysis.{name})"
            )
    frame, ctl, absent = resolve_controls(frame, controls)
    settings = dict(
        pays=pays,
        group=group,
        controls=ctl,
        min_per_gender=min_per_gender,
        fdr=fdr,
        gap_threshold=gap_threshold,
        person_threshold=person_threshold,
        cov_type=cov_type,
        controls_absent=absent,
    )
    kw = {k: v for k, v in settings.items() if k not in ("pays", "controls_absent")}

    def one(sub: pd.DataFrame, unit: str) -> EqualWorkResult:
        table, people, models = equal_work_table(sub, unit, pays=pays, **kw)
        reason = "" if table["needs_assessment"].any() else "no work group has both women and men"
        return EqualWorkResult(table, people, models, settings, reason)

    if by is None:
        return one(frame, "")
    if by != "unit":
        raise ParameterError(f"by must be None or 'unit', got {by!r}; pass one of those")
    return {str(u): one(sub, str(u)) for u, sub in frame.groupby(unit_col, sort=True)}


def equal_value(
    data: PayData | pd.DataFrame,
    evaluation: JobEvaluation,
    *,
    pay: str | Sequence[str] = "base_salary",
    gap_threshold: float = 0.02,
    by: str | None = None,
) -> EqualValueResult | dict[str, EqualValueResult]:
    """Female-dominated jobs against comparators of equal or lower value (DL 3:9 p. 2–3).

    Female- and male-dominated are decided organisation-wide by ``evaluation`` (share of women
    or the override). Per unit (``by="unit"``), pairs are formed among the jobs present in the
    unit, with the unit's mean pay.

    Examples
    --------
    >>> import payequity as pe
    >>> data = pe.datasets.load_sample()
    >>> ev = pe.evaluate_jobs("data/sample/job_evaluation.csv", data=data)
    >>> res = pe.equal_value(data, ev)
    >>> res.flagged[["female_dominated_job", "comparator_job", "kind"]].values.tolist()[:1]
    [['201010', '171010', 'equal_value']]
    """
    frame, unit_col = frame_and_unit(data)
    check_people(frame, ["job_code", "gender"])
    pays = check_pay_measures(pay, frame)
    jobs = evaluation.table
    if jobs["female_dominated"].isna().all():
        raise SchemaError(
            "the job evaluation has no gender composition: none of its job codes occurs in the "
            "pay data, or it was made without data; give the job-evaluation file the pay data's "
            "job codes (job_code), or call evaluate_jobs(..., data=pay_data)"
        )
    not_evaluated = sorted(set(frame["job_code"].astype(str)) - set(jobs["job_code"]))
    settings = {
        "pays": pays,
        "gap_threshold": gap_threshold,
        "band_width": evaluation.band_width,
        "not_evaluated": not_evaluated,
    }

    def one(sub: pd.DataFrame, unit: str, table: pd.DataFrame | None = None) -> EqualValueResult:
        if table is None:
            table = equal_value_table(sub, jobs, unit, pays=pays, gap_threshold=gap_threshold)
        fd = jobs["female_dominated"].fillna(False).astype(bool)
        present = jobs["job_code"].isin(sub["job_code"])
        reason = ""
        if not (fd & present).any():
            reason = "no female-dominated job here"
        elif table.empty:
            reason = (
                "no comparator is paid more than a female-dominated job in the same or a lower band"
            )
        return EqualValueResult(table, settings, reason)

    if by is None:
        return one(frame, "")
    if by != "unit":
        raise ParameterError(f"by must be None or 'unit', got {by!r}; pass one of those")
    tables = equal_value_tables(
        frame, jobs, frame[unit_col], pays=pays, gap_threshold=gap_threshold
    )
    return {
        str(u): one(sub, str(u), tables[str(u)]) for u, sub in frame.groupby(unit_col, sort=True)
    }


__all__ += [
    "EQUAL_VALUE_COLUMNS",
    "EQUAL_WORK_COLUMNS",
    "EU_COLUMNS",
    "PEOPLE_COLUMNS",
    "IndicatorResult",
    "StandardizedResult",
    "eu_indicators",
    "standardized_ratio",
    "GapResult",
    "LogibResult",
    "adjusted_gap",
    "logib",
    "DecompositionResult",
    "decompose",
    "UnitResults",
]


class UnitResults(dict):
    """Results keyed by unit; :attr:`skipped` gives the reason for each unit left out."""

    def __init__(self, results: dict[str, Any], skipped: dict[str, str]):
        super().__init__(results)
        self.skipped = skipped

    def __repr__(self) -> str:
        return f"<UnitResults {len(self)} units, {len(self.skipped)} skipped>"


def _per_unit(fn: Any, data: PayData | pd.DataFrame, **kw: Any) -> UnitResults:
    frame, unit_col = frame_and_unit(data)
    out, skipped = {}, {}
    for unit, sub in frame.groupby(unit_col, sort=True):
        try:
            out[str(unit)] = fn(sub, **kw)
        except PayEquityError as exc:  # too small or one gender only: say why
            skipped[str(unit)] = str(exc)
    return UnitResults(out, skipped)


def adjusted_gap(
    data: PayData | pd.DataFrame,
    *,
    pay: str = "base_salary",
    group: str = "gender",
    reference: Any = "M",
    controls: str | Sequence[str] = (),
    log: bool = True,
    cov_type: str = "nonrobust",
    kennedy: bool = False,
    confidence: float = 0.95,
    by: str | None = None,
) -> GapResult | UnitResults:
    """The adjusted gap (:func:`payequity.survey._gap.adjusted_gap`); ``by="unit"`` per unit.

    Examples
    --------
    >>> import payequity as pe
    >>> res = pe.adjusted_gap(pe.datasets.load_sample(), controls=["tenure_years", "age"])
    >>> res.n
    4000
    """
    kw = dict(
        pay=pay,
        group=group,
        reference=reference,
        controls=controls,
        log=log,
        cov_type=cov_type,
        kennedy=kennedy,
        confidence=confidence,
    )
    if by is None:
        return _gap.adjusted_gap(data, **kw)
    _check_by(by)
    return _per_unit(_gap.adjusted_gap, data, **kw)


def decompose(
    data: PayData | pd.DataFrame,
    *,
    pay: str = "base_salary",
    group: str = "gender",
    reference: Any = "M",
    controls: Sequence[str] = (),
    log: bool = True,
    kind: str = "twofold",
    weights: str = "pooled",
    bootstrap_reps: int = 0,
    seed: int = 0,
    by: str | None = None,
) -> DecompositionResult | UnitResults:
    """Oaxaca–Blinder (:func:`payequity.survey._oaxaca.decompose`); ``by="unit"`` per unit.

    Examples
    --------
    >>> import payequity as pe
    >>> res = pe.decompose(pe.datasets.load_sample(), controls=["tenure_years"])
    >>> abs(res.explained + res.unexplained - res.gap) < 1e-12
    True
    """
    kw = dict(
        pay=pay,
        group=group,
        reference=reference,
        controls=controls,
        log=log,
        kind=kind,
        weights=weights,
        bootstrap_reps=bootstrap_reps,
        seed=seed,
    )
    if by is None:
        return _oaxaca.decompose(data, **kw)
    _check_by(by)
    return _per_unit(_oaxaca.decompose, data, **kw)


def eu_indicators(
    data: PayData | pd.DataFrame,
    *,
    evaluation: JobEvaluation | None = None,
    categories: str | None = "band",
    quartile_ties: str = "uk_reg13",
    by: str | None = None,
) -> IndicatorResult | UnitResults:
    """Art. 9 (a)–(g) (:func:`payequity.survey._eu.eu_indicators`); ``by="unit"`` per unit.

    Examples
    --------
    >>> import payequity as pe
    >>> res = pe.eu_indicators(pe.datasets.load_sample(), categories=None)
    >>> sorted(set(res.table["indicator"]))
    ['a', 'b', 'c', 'd', 'e', 'f']
    """
    kw = dict(evaluation=evaluation, categories=categories, quartile_ties=quartile_ties)
    if by is None:
        return _eu.eu_indicators(data, **kw)
    _check_by(by)
    return _per_unit(_eu.eu_indicators, data, **kw)


def standardized_ratio(
    data: PayData | pd.DataFrame,
    *,
    cells: Sequence[str] | str = ("age_group", "job_code"),
    pay: str = "monthly_pay",
    by: str | None = None,
) -> StandardizedResult | UnitResults:
    """Standardvägning (:func:`payequity.survey._standard.standardized_ratio`); ``by="unit"`` per unit.

    Examples
    --------
    >>> import payequity as pe
    >>> res = pe.standardized_ratio(pe.datasets.load_sample())
    >>> 90 < res.standardized_ratio_pct < 110
    True
    """
    if by is None:
        return _standard.standardized_ratio(data, cells=cells, pay=pay)
    _check_by(by)
    return _per_unit(_standard.standardized_ratio, data, cells=cells, pay=pay)


def _check_by(by: str) -> None:
    if by != "unit":
        raise ParameterError(f"by must be None or 'unit', got {by!r}; pass one of those")

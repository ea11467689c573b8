"""Remediation optimiser: the cheapest individual raises that close flagged equal-work gaps.

One linear programme (``scipy.optimize.linprog``, HiGHS) over a monthly full-time raise
``r_i ≥ 0`` for each person of the disadvantaged gender in each group remedied. A raise never
lifts anyone above the advantaged gender's mean pay in the group (``r_i ≤ max(0, mean_adv −
pay_i)``) and, with ``max_raise_pct``, never exceeds that share of the person's pay. The yearly
cost of a raise is ``r_i·fte_i·12·(1 + overhead)``, as in the action plan (contract, actions).

Gaps here are the disadvantaged gender's shortfall, in percent of the advantaged gender's mean
pay, positive when the disadvantaged gender is behind (not DESIGN §5's women − men sign):

* ``gap="raw"``: ``100·(mean_adv − mean_dis)/mean_adv``; the disadvantaged gender has the
  lower mean pay. Linear in the raises: ``gap = gap_before − 100·Σ r_i / (n_dis·mean_adv)``.
* ``gap="adjusted"``: ``−100·b/mean_adv`` with ``b`` the disadvantaged gender's coefficient in a
  levels OLS of pay on an intercept, the gender indicator and the controls (collinear or
  incomplete controls of a group are left out, as in :func:`payequity.equal_work`). Since
  ``b = c·y`` with ``c`` the indicator's row of ``pinv(X)``, the gap is linear in the raises too.
  The disadvantaged gender is the one with the negative coefficient.

Without a budget the programme minimises the cost subject to ``gap ≤ target`` in every group.
With one it minimises ``Σ n_dis·s`` (``s ≥ gap − target``, ``s ≥ 0``: percentage points short,
weighted by head count, so the objective is the curve's weighted mean) within the budget, then
the cost at that least shortfall.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._format import fmt_kr, fmt_number, fmt_pct
from .._summary import Summary
from ..exceptions import ConfigError, ParameterError, SchemaError

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from ..io import PayData
    from ..survey import EqualWorkResult

__all__ = [
    "CURVE_COLUMNS",
    "GROUP_COLUMNS",
    "TABLE_COLUMNS",
    "RemediationResult",
    "optimise_remediation",
]

TABLE_COLUMNS = [
    "unit",
    "group",
    "employee_id",
    "gender",
    "fte",
    "pay",
    "raise_monthly",
    "new_pay",
    "cost_yearly",
]
GROUP_COLUMNS = [
    "group",
    "disadvantaged",
    "n_disadvantaged",
    "mean_before",
    "mean_advantaged",
    "gap_before_pct",
    "gap_after_pct",
    "target_gap_pct",
    "cost_yearly",
]
CURVE_COLUMNS = ["budget", "cost_yearly", "max_remaining_gap_pct", "mean_remaining_gap_pct"]
GAPS = ("raw", "adjusted")


@dataclass(frozen=True)
class _Group:
    """One group's part of the programme: variables ``start:stop``, gap linear in them."""

    name: str
    disadvantaged: str
    start: int
    stop: int
    a: np.ndarray  # gap in kronor (of mean pay or of the coefficient) gained per krona raised
    mean_before: float
    mean_adv: float
    gap_before: float
    controls: str

    @property
    def n(self) -> int:
        return self.stop - self.start

    def need(self, target: float) -> float:
        """Kronor (of mean pay or coefficient) still to gain to reach ``target``; ≤ 0: none."""
        return self.mean_adv * (self.gap_before - target) / 100

    def gap_after(self, r: np.ndarray) -> float:
        return self.gap_before - 100 * float(self.a @ r[self.start : self.stop]) / self.mean_adv


@dataclass(frozen=True)
class _Problem:
    groups: list[_Group]
    people: pd.DataFrame  # TABLE_COLUMNS up to pay
    weight: np.ndarray  # yearly cost of one krona of monthly raise, per person
    upper: np.ndarray
    target: float

    def gaps(self, r: np.ndarray) -> np.ndarray:
        return np.array([g.gap_after(r) for g in self.groups])


def _solve(p: _Problem, budget: float | None) -> tuple[np.ndarray, Any]:
    """Raises: cheapest reaching the target (``budget`` None), else least head-count-weighted
    shortfall (percentage points above the target) within ``budget``, then cheapest at that."""
    from scipy.optimize import linprog
    from scipy.sparse import coo_array, vstack

    short = [g for g in p.groups if g.need(p.target) > 0]
    nr, ns, slack = len(p.weight), len(short), int(budget is not None)
    if not short or budget == 0:
        return np.zeros(nr), None
    # a row per group short of the target, scaled by its head count n:
    # n·a·r + n·mean_adv/100·s ≥ n·need, s = percentage points above the target (budget only)
    rows = np.concatenate([np.full(g.n + slack, k) for k, g in enumerate(short)])
    cols = np.concatenate(
        [[*range(g.start, g.stop), *[nr + k] * slack] for k, g in enumerate(short)]
    )
    vals = np.concatenate([[*(-g.n * g.a), *[-g.n * g.mean_adv / 100] * slack] for g in short])
    a_ub = coo_array((vals, (rows, cols)), shape=(ns, nr + ns * slack))
    rhs = np.array([-g.n * g.need(p.target) for g in short])
    bounds = [(0.0, u) for u in p.upper] + [(0.0, None)] * (ns * slack)
    spend = np.concatenate([p.weight, np.zeros(ns * slack)])
    first = None
    if budget is not None:
        heads = np.concatenate([np.zeros(nr), [g.n for g in short]])
        if np.isfinite(budget):
            a_ub, rhs = vstack([a_ub, coo_array(spend[None, :])]), np.append(rhs, budget)
        first = linprog(heads, A_ub=a_ub, b_ub=rhs, bounds=bounds, method="highs")
        if first.status != 0:
            raise ConfigError(f"the remediation programme could not be solved: {first.message}")
        # then the cheapest raises with that least shortfall
        a_ub = vstack([a_ub, coo_array(heads[None, :])])
        rhs = np.append(rhs, first.fun * (1 + 1e-9) + 1e-9)
    res = linprog(spend, A_ub=a_ub, b_ub=rhs, bounds=bounds, method="highs")
    res = first if res.status != 0 and first is not None else res
    if res.status != 0:
        raise ConfigError(f"the remediation programme could not be solved: {res.message}")
    return np.clip(res.x[:nr], 0.0, p.upper), res


@dataclass(frozen=True, repr=False)
class RemediationResult:
    """Raises from :func:`optimise_remediation`.

    Attributes
    ----------
    table : DataFrame
        ``unit, group, employee_id, gender, fte, pay, raise_monthly, new_pay, cost_yearly``:
        every person of the disadvantaged gender in a remedied group (raised or not), at full
        precision (payroll rounds to whole kronor; rounding each raise up keeps a raw target).
        ``unit`` is the scope ("" = organisation); ``raise_monthly`` full-time kronor a month.
    groups : DataFrame
        ``group, disadvantaged, n_disadvantaged, mean_before, mean_advantaged, gap_before_pct,
        gap_after_pct, target_gap_pct, cost_yearly``, then ``controls`` (adjusted gap).
    cost_yearly : float
        Σ raise·fte·12·(1 + overhead), kronor a year.
    budget : float or None
    target_gap_pct : float
    gap : {"raw", "adjusted"}
    model : scipy.optimize.OptimizeResult or None
        The final linprog result (None when nothing needed raising).
    """

    table: pd.DataFrame
    groups: pd.DataFrame
    cost_yearly: float
    budget: float | None
    target_gap_pct: float
    gap: str
    model: Any = None
    settings: dict[str, Any] = field(default_factory=dict)
    _problem: _Problem | None = field(default=None, compare=False)

    def curve(self, points: int = 11) -> pd.DataFrame:
        """Remaining gap against cost, for budgets from 0 to the full cost of the target.

        Each budget is solved as with ``budget=``; ``cost_yearly`` is what is spent,
        ``mean_remaining_gap_pct`` weighted by ``n_disadvantaged``.
        """
        if not (isinstance(points, int) and points >= 2):
            raise ParameterError(
                f"points must be a whole number ≥ 2 (the budgets on the curve), got {points!r}; "
                "pass e.g. points=11"
            )
        p, rows = self._problem, []
        if p is None or not p.groups:
            return pd.DataFrame(columns=CURVE_COLUMNS, dtype=float)
        heads = np.array([g.n for g in p.groups], dtype=float)
        full = float(p.weight @ _solve(p, np.inf)[0])
        for b in np.linspace(0.0, full, points):
            r = _solve(p, float(b))[0]
            gaps = p.gaps(r)
            rows.append(
                (
                    float(b),
                    float(p.weight @ r),
                    float(gaps.max()),
                    float(heads @ gaps / heads.sum()),
                )
            )
        return pd.DataFrame(rows, columns=CURVE_COLUMNS)

    def summary(self, language: str = "sv") -> Summary:
        t, g, s = self.table, self.groups, self.settings
        raised = t[t["raise_monthly"] > 0]
        measure = "adjusted (levels OLS)" if self.gap == "adjusted" else "raw (mean pay)"
        facts = [
            ("gap measure", f"{measure}, pay measure {s.get('pay', '')}"),
            ("target gap", fmt_pct(self.target_gap_pct, 1, language)),
            (
                "budget per year",
                "none (cheapest reaching the target)"
                if self.budget is None
                else fmt_kr(self.budget, 0, language),
            ),
            ("groups remedied", str(len(g))),
            ("people raised", f"{len(raised)} of {len(t)}"),
            ("raises, monthly full-time", fmt_kr(float(t["raise_monthly"].sum()), 0, language)),
            (
                f"cost per year (overhead {fmt_number(100 * s.get('overhead', 0), 0, language)} %)",
                fmt_kr(self.cost_yearly, 0, language),
            ),
        ]
        facts += [("largest gap after", fmt_pct(float(g["gap_after_pct"].max()), 2, language))]
        facts += [("controls", ", ".join(s["controls"]))] if s.get("controls") else []
        shown = raised.sort_values("raise_monthly", ascending=False, kind="stable").head(20)
        return Summary(
            "Remediation (lönejusteringar)",
            facts,
            [("Groups", g.round(2)), ("Largest raises (20 at most)", shown.round(2))],
        )

    def _repr_html_(self) -> str:
        return self.summary()._repr_html_()

    def __repr__(self) -> str:
        return (
            f"<RemediationResult {len(self.groups)} groups, "
            f"{int((self.table['raise_monthly'] > 0).sum())} raised, "
            f"{self.cost_yearly:,.0f} kr/year>"
        )

    def plot(self, ax: Axes | None = None, language: str = "sv", **kwargs: Any) -> Axes:
        """Cost against remaining gap (:func:`charts.plot_remediation_curve`)."""
        from ..charts import plot_remediation_curve

        return plot_remediation_curve(self, ax=ax, language=language, **kwargs)


def optimise_remediation(
    data: PayData | pd.DataFrame,
    *,
    groups: EqualWorkResult | Sequence[str] | None = None,
    pay: str = "base_salary",
    group: str = "work_group",
    target_gap_pct: float = 0.0,
    budget: float | None = None,
    gap: str = "raw",
    controls: Sequence[str] = (),
    max_raise_pct: float | None = None,
    overhead: float = 0.40,
    unit: str | None = None,
) -> RemediationResult:
    """The cheapest individual raises that bring every flagged group to ``target_gap_pct``.

    Parameters
    ----------
    data : PayData or DataFrame
        ``employee_id``, ``gender`` (F/M), ``fte`` (1 when absent), the ``group`` column, the
        pay measure and the controls.
    groups : EqualWorkResult or list of str, optional
        Groups to remedy. None: those flagged by ``equal_work(data, pay=pay, group=group)``
        (its default settings) on the data in scope; an EqualWorkResult: its flagged rows on
        ``pay`` (a result for one unit sets ``unit``); a list: these group values.
    pay, group : str
        Pay measure and equal-work grouping column.
    target_gap_pct : float
        Largest remaining gap allowed, percent of the advantaged gender's mean pay.
    budget : float, optional
        Kronor a year (overhead included). Given: the raises that most reduce the gaps within
        it — least Σ n_dis·(gap − target)⁺ over the groups, then cheapest at that.
    gap : {"raw", "adjusted"}
        Mean-pay gap, or the levels-OLS gender coefficient with ``controls`` (module notes).
    controls : list of str
        Controls of the adjusted gap (text columns are dummy-coded).
    max_raise_pct : float, optional
        Largest raise, percent of the person's pay.
    overhead : float
        Payroll overhead on raises (0.40 = 40 %).
    unit : str, optional
        Restrict to one unit first (the unit column of the data); None = the organisation.

    Returns
    -------
    RemediationResult

    Raises
    ------
    ConfigError
        When the bounds cannot reach the target in a group (without ``budget``).

    Examples
    --------
    >>> import payequity as pe
    >>> res = optimise_remediation(pe.datasets.load_sample(), groups=["351015"])
    >>> row = res.groups.iloc[0]
    >>> row["disadvantaged"], round(float(row["gap_before_pct"]), 2)
    ('F', 5.6)
    >>> bool(abs(row["gap_after_pct"]) < 1e-6)  # the target, 0 %, is reached
    True
    >>> round(res.cost_yearly)  # kronor a year, 40 % overhead included
    2172559
    """
    from ..survey import check_pay_measures, check_people, frame_and_unit, resolve_controls

    if gap not in GAPS:
        raise ParameterError(f"gap must be 'raw' or 'adjusted', got {gap!r}; pass one of those")
    if not 0 <= target_gap_pct < 100:
        raise ParameterError(
            f"target_gap_pct must be in [0, 100) (percent of the advantaged gender's mean pay), "
            f"got {target_gap_pct!r}; pass e.g. 0 or 2"
        )
    for name, value in (
        ("budget", budget),
        ("max_raise_pct", max_raise_pct),
        ("overhead", overhead),
    ):
        if value is not None and not value >= 0:
            raise ParameterError(
                f"{name} must be a number ≥ 0 (overhead 0.40 = 40 %), got {value!r}; pass one, "
                "or None"
            )
    controls = [controls] if isinstance(controls, str) else list(controls)
    if controls and gap == "raw":
        raise ParameterError("controls apply to gap='adjusted'; drop them or set gap='adjusted'")
    frame, unit_col = frame_and_unit(data)
    check_people(frame, ["employee_id", "gender", group])  # present, complete, F/M
    check_pay_measures(pay, frame)
    names, unit = _which(groups, pay, unit)
    if unit is not None:
        if unit_col not in frame.columns:
            raise SchemaError(f"unit={unit!r} needs a {unit_col!r} column in the pay data")
        units = frame[unit_col].astype(str)
        if not (units == unit).any():
            raise ConfigError(f"unit {unit!r} is not in the {unit_col!r} column; check the name")
        frame = frame[units == unit]
    if names is None:
        from ..survey import equal_work

        flagged = equal_work(frame, pay=pay, group=group).flagged
        names = sorted(flagged.loc[flagged["pay_measure"] == pay, "work_group"].astype(str))
    frame, used, absent = resolve_controls(frame, controls)
    if absent:
        raise SchemaError(f"control {absent[0]} is not a column of the pay data; check the name")
    p = _build(
        frame,
        list(dict.fromkeys(names)),
        pay=pay,
        group=group,
        gap=gap,
        controls=used,
        max_raise_pct=max_raise_pct,
        overhead=overhead,
        target=float(target_gap_pct),
        unit="" if unit is None else unit,
    )
    if budget is None:
        for g in p.groups:
            reach = float(np.clip(g.a, 0, None) @ p.upper[g.start : g.stop])
            if g.need(p.target) > reach * (1 + 1e-9):
                best = g.gap_before - 100 * reach / g.mean_adv
                raise ConfigError(
                    f"group {g.name!r} cannot bring its {gap} gap down to {target_gap_pct:g} % "
                    f"within the bounds (at best {best:.2f} %); allow a larger max_raise_pct, set "
                    "target_gap_pct higher, or give a budget"
                )
    r, model = _solve(p, None if budget is None else float(budget))
    return _result(
        p,
        r,
        model,
        budget,
        gap,
        settings=dict(
            pay=pay,
            group=group,
            controls=used,
            max_raise_pct=max_raise_pct,
            overhead=overhead,
            unit="" if unit is None else unit,
            groups=list(names),
        ),
    )


def _which(
    groups: EqualWorkResult | Sequence[str] | None, pay: str, unit: str | None
) -> tuple[list[str] | None, str | None]:
    """Group names (None: flagged by equal_work later) and the unit in scope."""
    if groups is None:
        return None, unit
    if isinstance(groups, str):
        return [groups], unit
    if hasattr(groups, "flagged"):
        if not (groups.table["pay_measure"] == pay).any():
            raise ConfigError(f"the equal-work result has no rows on {pay!r}; pass pay= to match")
        rows = groups.flagged
        rows = rows[rows["pay_measure"] == pay]
        units = sorted(set(rows["unit"].astype(str)) - {""})
        if unit is None and len(units) > 1:
            raise ConfigError(f"the equal-work result covers units {units[:3]}; pass unit=")
        if unit is None and units:
            unit = units[0]
        rows = rows[rows["unit"].astype(str).isin(["", unit or ""])]
        return sorted(rows["work_group"].astype(str)), unit
    return [str(g) for g in groups], unit


def _build(
    frame: pd.DataFrame,
    names: list[str],
    *,
    pay: str,
    group: str,
    gap: str,
    controls: list[str],
    max_raise_pct: float | None,
    overhead: float,
    target: float,
    unit: str,
) -> _Problem:
    parts, people, start = [], [], 0
    keys = frame[group].astype(str)
    for name in names:
        sub = frame[keys == name]
        if sub.empty:
            raise ConfigError(f"group {name!r} is not in the {group!r} column; check the name")
        female = (sub["gender"] == "F").to_numpy()
        if female.all() or not female.any():
            raise ConfigError(f"group {name!r} has only one gender; no gap to remedy, drop it")
        y = sub[pay].to_numpy(float)
        if gap == "raw":
            dis = "F" if y[female].mean() <= y[~female].mean() else "M"
            used, c = "", None
        else:
            x = sub[controls].to_numpy(float) if controls else np.empty((len(y), 0))
            design, used = _design(female, x, controls)
            c = np.linalg.pinv(design)[1]  # coefficient of F = c·y
            dis = "F" if c @ y <= 0 else "M"
            c = c if dis == "F" else -c  # the indicator of M is 1 − F
        mask = female if dis == "F" else ~female
        mean_adv, mean_dis, n = float(y[~mask].mean()), float(y[mask].mean()), int(mask.sum())
        if c is None:
            a, gap_before = np.full(n, 1.0 / n), 100 * (mean_adv - mean_dis) / mean_adv
        else:
            a, gap_before = c[mask], -100 * float(c @ y) / mean_adv
        parts.append(_Group(name, dis, start, start + n, a, mean_dis, mean_adv, gap_before, used))
        start += n
        people.append(sub.loc[mask].assign(group=name))
    cols = ["employee_id", "gender", "fte", pay]
    table = (pd.concat(people) if people else frame.iloc[:0].assign(group="")).copy()
    if "fte" not in table.columns:
        table["fte"] = 1.0
    table = table[["group", *cols]].rename(columns={pay: "pay"}).reset_index(drop=True)
    table.insert(0, "unit", unit)
    table["employee_id"] = table["employee_id"].astype(str)
    table["gender"] = table["gender"].astype(str)
    mean_adv = np.concatenate([np.full(g.n, g.mean_adv) for g in parts]) if parts else np.zeros(0)
    pays = table["pay"].to_numpy(float)
    upper = np.maximum(0.0, mean_adv - pays)
    if max_raise_pct is not None:
        upper = np.minimum(upper, pays * max_raise_pct / 100)
    weight = table["fte"].to_numpy(float) * 12 * (1 + overhead)
    return _Problem(parts, table, weight, upper, target)


def _design(female: np.ndarray, x: np.ndarray, names: list[str]) -> tuple[np.ndarray, str]:
    """Intercept, F and the controls that are complete, not collinear, and leave a residual."""
    design, used = np.column_stack([np.ones(len(female)), female.astype(float)]), []
    for i, name in enumerate(names):
        col = x[:, i]
        trial = np.column_stack([design, col])
        if (
            np.isfinite(col).all()
            and len(col) - trial.shape[1] >= 1
            and np.linalg.matrix_rank(trial) == trial.shape[1]
        ):
            design, used = trial, [*used, name]
    return design, " ".join(used)


def _result(
    p: _Problem, r: np.ndarray, model: Any, budget: float | None, gap: str, settings: dict[str, Any]
) -> RemediationResult:
    table = p.people.copy()
    table["raise_monthly"] = r
    table["new_pay"] = table["pay"] + r
    table["cost_yearly"] = p.weight * r
    after = p.gaps(r) if p.groups else np.zeros(0)
    groups = pd.DataFrame(
        [
            (
                g.name,
                g.disadvantaged,
                g.n,
                g.mean_before,
                g.mean_adv,
                g.gap_before,
                a,
                p.target,
                float(p.weight[g.start : g.stop] @ r[g.start : g.stop]),
                g.controls,
            )
            for g, a in zip(p.groups, after, strict=True)
        ],
        columns=[*GROUP_COLUMNS, "controls"],
    )
    return RemediationResult(
        table[TABLE_COLUMNS], groups, float(p.weight @ r), budget, p.target, gap, model, settings, p
    )

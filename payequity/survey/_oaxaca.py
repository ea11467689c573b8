"""Oaxaca–Blinder decomposition of a pay gap (other group − reference group, DESIGN §5–§6).

OLS with an intercept per group, solved by least squares (minimum-norm where a design is
rank-deficient, like statsmodels' pinv), so results match statsmodels' ``OaxacaBlinder``.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._summary import Summary
from ..exceptions import InsufficientDataError, ParameterError, PayEquityWarning, SchemaError

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from ..io import PayData

__all__ = ["DecompositionResult", "decompose"]

WEIGHTS = ("pooled", "reference", "other", "half", "cotton")
KINDS = ("twofold", "threefold")
COMPONENTS = {
    "twofold": ("explained", "unexplained"),
    "threefold": ("endowments", "coefficients", "interaction"),
}
WITH_INTERCEPT = ("unexplained", "coefficients")  # the constant only enters these
INTERCEPT = "Intercept"
CONFIDENCE = 0.95
TABLE_COLUMNS = ["component", "term", "value", "ci_low", "ci_high"]
_CATEGORICAL = re.compile(r"^C\((.+)\)$")


@dataclass(frozen=True, repr=False)
class DecompositionResult:
    """An Oaxaca–Blinder decomposition: ``explained + unexplained = gap`` (other − reference).

    Attributes
    ----------
    table : DataFrame
        ``component, term, value, ci_low, ci_high``: each term's contribution (a numeric
        control, a dummy ``C(col)[T.level]``, or ``Intercept``, the constant's share, which
        only enters ``unexplained`` / ``coefficients``). Components: twofold ``explained``,
        ``unexplained``; threefold ``endowments``, ``coefficients``, ``interaction``. Values of
        a component sum to its total; CIs are NaN without a bootstrap.
    totals : DataFrame
        ``component, value, ci_low, ci_high`` per component and for ``gap``.
    explained, unexplained, gap : float
        Log points (``log=True``) or pay units. Threefold: explained = endowments,
        unexplained = coefficients + interaction (the twofold split with reference weights).
    n_reference, n_other : int
    weights, kind : str
        ``weights`` is ``"reference"`` for a threefold decomposition.
    mean_reference, mean_other : float
        Mean outcome (log pay when ``log=True``) per group.
    coef : DataFrame
        By term: ``mean_reference, mean_other, coef_reference, coef_other, coef_weighted`` (β*).
    draws : DataFrame or None
        Bootstrap replicates, columns ``(component, term)``; totals under term ``"total"``.
    model : dict
        The statsmodels OLS results of the reference group, the other group and the pooled
        regression with the group indicator (``"reference"``, ``"other"``, ``"pooled"``).
    """

    table: pd.DataFrame
    totals: pd.DataFrame
    explained: float
    unexplained: float
    gap: float
    n_reference: int
    n_other: int
    weights: str
    kind: str
    group: str
    reference: Any
    other: Any
    pay: str
    log: bool
    controls: tuple[str, ...]
    mean_reference: float
    mean_other: float
    coef: pd.DataFrame
    draws: pd.DataFrame | None
    bootstrap_reps: int
    seed: int
    confidence: float = CONFIDENCE
    model: Any = None

    def _total(self, component: str) -> float:
        hit = self.totals.loc[self.totals["component"] == component, "value"]
        return float(hit.iloc[0]) if len(hit) else float("nan")

    endowments = property(
        lambda self: self._total("endowments"), doc="Threefold: (X̄_o − X̄_r)·β_r; NaN for twofold."
    )
    coefficients = property(
        lambda self: self._total("coefficients"), doc="Threefold: X̄_r·(β_o − β_r); NaN for twofold."
    )
    interaction = property(
        lambda self: self._total("interaction"),
        doc="Threefold: (X̄_o − X̄_r)·(β_o − β_r); NaN for twofold.",
    )

    def summary(self, decimals: int = 4) -> Summary:
        """Text and HTML summary: the totals with CIs, then the contributions by term."""
        unit = "log points" if self.log else "pay units"
        facts = [
            ("outcome", f"log({self.pay})" if self.log else self.pay),
            (
                "groups",
                f"{self.other} (n={self.n_other}) − {self.reference} "
                f"(n={self.n_reference}), column '{self.group}'",
            ),
            ("decomposition", f"{self.kind}, {self.weights} weights"),
            ("controls", ", ".join(self.controls) or "none"),
        ]
        for row in self.totals.itertuples():
            text = f"{row.value:.{decimals}f} {unit}"
            if np.isfinite(row.ci_low):
                text += f"  [{row.ci_low:.{decimals}f}, {row.ci_high:.{decimals}f}]"
            facts.append((row.component, text))
        facts.append(
            (
                "intervals",
                f"{100 * self.confidence:g} % bootstrap percentile, "
                f"{self.bootstrap_reps} replicates, seed {self.seed}"
                if self.bootstrap_reps
                else "none (bootstrap_reps=0)",
            )
        )
        if any(_CATEGORICAL.match(c) for c in self.controls):
            facts.append(
                (
                    "note",
                    "C(col) dummies use the first level as base; the unexplained "
                    "split among them and the Intercept depends on that choice",
                )
            )
        caption = "Contributions by variable (.table has each term)"
        table = self.by_variable().round(decimals)
        return Summary("Oaxaca–Blinder decomposition", facts, [(caption, table)])

    def by_variable(self) -> pd.DataFrame:
        """``component, variable, value, ci_low, ci_high``: the dummies of each ``C(col)`` summed
        (its explained part does not depend on the base level), CIs from the same replicates."""
        variable = self.table["term"].str.replace(r"\[T\..*\]$", "", regex=True)
        t = self.table.assign(variable=variable)
        rows = []
        for (component, variable), part in t.groupby(["component", "variable"], sort=False):
            low = high = float("nan")
            if self.draws is not None:
                summed = self.draws.loc[:, [(component, term) for term in part["term"]]].sum(axis=1)
                low, high = np.percentile(
                    summed, [50 * (1 - self.confidence), 50 * (1 + self.confidence)]
                )
            rows.append((component, variable, part["value"].sum(), low, high))
        return pd.DataFrame(rows, columns=["component", "variable", "value", "ci_low", "ci_high"])

    def _repr_html_(self) -> str:
        return self.summary()._repr_html_()

    def __repr__(self) -> str:
        return (
            f"<DecompositionResult {self.kind}, {self.weights}: gap {self.gap:.4f} = explained "
            f"{self.explained:.4f} + unexplained {self.unexplained:.4f} "
            f"({self.other} − {self.reference}, n={self.n_other}+{self.n_reference})>"
        )

    def plot(self, ax: Axes | None = None, **kwargs: Any) -> Axes:
        """Bars of the explained part by variable and of the unexplained part
        (:func:`payequity.charts.plot_decomposition`)."""
        from ..charts import plot_decomposition

        return plot_decomposition(self, ax=ax, **kwargs)


def _check_option(name: str, value: Any, options: Sequence[str]) -> None:
    if value not in options:
        shown = ", ".join(repr(o) for o in options)
        raise ParameterError(
            f"The {name!r} parameter of decompose must be one of {shown}. Got {value!r} instead."
        )


def _columns(frame: pd.DataFrame, pay: str, group: str, controls: tuple[str, ...]) -> None:
    """Check that every used column exists, is complete and fits its role."""
    used = [(pay, "the pay column"), (group, "the group column")]
    for term in controls:
        m = _CATEGORICAL.match(term)
        used.append((m.group(1).strip() if m else term, f"control {term!r}"))
    for col, role in used:
        if col not in frame.columns:
            raise SchemaError(f"column {col!r} ({role}) is not in the data")
        missing = int(frame[col].isna().sum())
        if missing:
            raise SchemaError(
                f"column {col!r} ({role}) has {missing} missing values; drop or fill those rows "
                "first (decompose never drops rows silently)"
            )
    for term in controls:
        if not _CATEGORICAL.match(term) and not pd.api.types.is_numeric_dtype(frame[term]):
            raise SchemaError(
                f"control {term!r} is not numeric; write 'C({term})' to use it as a categorical"
            )
    if not pd.api.types.is_numeric_dtype(frame[pay]):
        raise SchemaError(f"pay column {pay!r} is not numeric")


def _other(frame: pd.DataFrame, group: str, reference: Any) -> Any:
    values = sorted(frame[group].unique().tolist(), key=str)
    if len(values) != 2:
        shown = ", ".join(repr(v) for v in values[:6]) + (" …" if len(values) > 6 else "")
        raise SchemaError(
            f"column {group!r} must have exactly two values for decompose; it has "
            f"{len(values)}: {shown}"
        )
    if reference not in values:
        raise SchemaError(
            f"The 'reference' parameter of decompose must be one of {values[0]!r}, "
            f"{values[1]!r} (values of column {group!r}). Got {reference!r} instead."
        )
    return values[1] if values[0] == reference else values[0]


def _levels(s: pd.Series) -> list[Any]:
    if isinstance(s.dtype, pd.CategoricalDtype):
        return [c for c in s.cat.categories if (s == c).any()]
    values = s.unique().tolist()
    try:
        return sorted(values)
    except TypeError:
        return sorted(values, key=str)


def _design(frame: pd.DataFrame, controls: tuple[str, ...]) -> tuple[np.ndarray, list[str]]:
    """Intercept, then each control: a numeric column or dummies for all but the first level."""
    cols, names = [np.ones(len(frame))], [INTERCEPT]
    for term in controls:
        m = _CATEGORICAL.match(term)
        if m:
            s = frame[m.group(1).strip()]
            for level in _levels(s)[1:]:
                cols.append((s == level).to_numpy(dtype=float))
                names.append(f"{term}[T.{level}]")
        else:
            cols.append(frame[term].to_numpy(dtype=float))
            names.append(term)
    return np.column_stack(cols), names


def _solve(x: np.ndarray, y: np.ndarray, fast: bool = False) -> np.ndarray:
    """Least squares, minimum-norm when rank-deficient: the pseudo-inverse solution, as
    statsmodels (lstsq gives the same cut-off and solution as ``pinv(x) @ y``, six times faster).

    ``fast`` (bootstrap replicates) solves the normal equations with the pseudo-inverse of
    ``x'x``: the same minimum-norm solution, ten times faster again, to about 1e-10 rather than
    1e-15 — far inside a bootstrap interval's own noise.
    """
    if fast:
        return np.linalg.pinv(x.T @ x, rcond=1e-12, hermitian=True) @ (x.T @ y)
    return np.linalg.lstsq(x, y, rcond=1e-15)[0]


def _parts(
    y_r: np.ndarray,
    x_r: np.ndarray,
    y_o: np.ndarray,
    x_o: np.ndarray,
    kind: str,
    weights: str,
    fast: bool = False,
) -> tuple[dict[str, np.ndarray], list[np.ndarray]]:
    """Per-term contributions by component; and [mean_r, mean_o, beta_r, beta_o, beta*]."""
    b_r, b_o = _solve(x_r, y_r, fast), _solve(x_o, y_o, fast)
    m_r, m_o = x_r.mean(axis=0), x_o.mean(axis=0)
    d = m_o - m_r
    if kind == "threefold":
        parts = {
            "endowments": d * b_r,
            "coefficients": m_r * (b_o - b_r),
            "interaction": d * (b_o - b_r),
        }
        return parts, [m_r, m_o, b_r, b_o, b_r]
    n_r, n_o = len(y_r), len(y_o)
    if weights == "reference":
        b = b_r
    elif weights == "other":
        b = b_o
    elif weights == "half":
        b = 0.5 * (b_r + b_o)
    elif weights == "cotton":
        b = (n_r * b_r + n_o * b_o) / (n_r + n_o)
    else:  # pooled, with the group indicator (Jann 2008); its coefficient is left out of β*
        indicator = np.r_[np.zeros(n_r), np.ones(n_o)]
        b = _solve(np.column_stack([np.vstack([x_r, x_o]), indicator]), np.r_[y_r, y_o], fast)[:-1]
    parts = {"explained": d * b, "unexplained": m_o * (b_o - b) + m_r * (b - b_r)}
    return parts, [m_r, m_o, b_r, b_o, b]


def _vector(parts: dict[str, np.ndarray], y_r: np.ndarray, y_o: np.ndarray) -> np.ndarray:
    """Contributions (the Intercept only where it enters), component totals, then the gap."""
    detail = [v if c in WITH_INTERCEPT else v[1:] for c, v in parts.items()]
    totals = [v.sum() for v in parts.values()]
    return np.concatenate([*detail, totals, [y_o.mean() - y_r.mean()]])


def _warn_rank(
    x_r: np.ndarray,
    x_o: np.ndarray,
    names: list[str],
    labels: tuple[str, str],
    uses: set[str],
    pooled: bool,
) -> None:
    problems = []
    for key, x, label in (("r", x_r, labels[0]), ("o", x_o, labels[1])):
        zero = ~x.any(axis=0)
        if np.linalg.matrix_rank(x[:, ~zero]) < (~zero).sum():
            problems.append(f"collinear controls within {label}")
        if zero.any() and key in uses:
            absent = [n for n, z in zip(names, zero, strict=True) if z]
            more = " …" if len(absent) > 3 else ""
            problems.append(
                f"{len(absent)} terms all zero within {label} ({', '.join(absent[:3])}{more})"
            )
    if pooled:
        x = np.column_stack([np.vstack([x_r, x_o]), np.r_[np.zeros(len(x_r)), np.ones(len(x_o))]])
        if np.linalg.matrix_rank(x) < x.shape[1]:
            problems.append("collinear controls (or a control that is the group) in the pooled fit")
    if problems:
        warnings.warn(
            "decompose: " + "; ".join(problems) + ". Coefficients that are not "
            "identified take the minimum-norm solution (as statsmodels' pinv), and "
            "the contributions that use them depend on that choice.",
            PayEquityWarning,
            stacklevel=3,
        )


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
) -> DecompositionResult:
    """Oaxaca–Blinder decomposition of the gap between two groups (other − reference).

    OLS fits ``y = X·β_g + e`` in the reference group r and the other group o (``y`` = log pay,
    or pay with ``log=False``; ``X`` = an intercept and the controls). OLS with an intercept
    passes through the means, so ``gap = ȳ_o − ȳ_r`` splits exactly into

    explained ``(X̄_o − X̄_r)·β*`` + unexplained ``X̄_o·(β_o − β*) + X̄_r·(β* − β_r)``,

    each a sum over terms, with the nondiscriminatory coefficients β* set by ``weights``.

    Parameters
    ----------
    data : PayData or DataFrame
    pay : str
        The pay column (> 0 when ``log=True``).
    group, reference : str, scalar
        A column with exactly two values, and the one subtracted (``"M"``: women − men).
    controls : sequence of str
        Numeric columns, or ``"C(col)"``: dummies ``C(col)[T.level]`` for every level but the
        first (sorted, or the categorical dtype's order), which is the base. A categorical's
        explained part summed over its dummies does not depend on the base; its split of the
        unexplained part with the Intercept does.
    log : bool
        Decompose mean log pay (log points) rather than mean pay.
    kind : {"twofold", "threefold"}
        ``threefold`` (Jann 2008 eq. 4, the reference group's view; ``weights`` is unused):
        endowments ``(X̄_o − X̄_r)·β_r`` + coefficients ``X̄_r·(β_o − β_r)`` + interaction
        ``(X̄_o − X̄_r)·(β_o − β_r)`` = gap.
    weights : {"pooled", "reference", "other", "half", "cotton"}
        β* of the twofold decomposition:

        - ``pooled`` (default): the X coefficients of one OLS over both groups *with* a group
          indicator, ``y = X·β* + δ·[other] + e`` (Jann 2008; Fortin 2008);
        - ``reference``: β* = β_r (Oaxaca 1973, Blinder 1973); ``other``: β* = β_o;
        - ``half``: β* = 0.5·β_r + 0.5·β_o (Reimers 1983);
        - ``cotton``: β* = (n_r·β_r + n_o·β_o) / (n_r + n_o) (Cotton 1988).
    bootstrap_reps, seed : int
        With ``bootstrap_reps > 0``, 95 % percentile intervals from that many resamples of rows
        drawn with replacement within each group by ``np.random.default_rng(seed)``.

    Returns
    -------
    DecompositionResult
        Scalars ``explained, unexplained, gap, n_reference, n_other, weights, kind``; ``table``
        with columns ``component, term, value, ci_low, ci_high`` (see the class).

    Raises
    ------
    SchemaError
        A column missing, with missing values or not numeric; ``group`` without exactly two
        values, ``reference`` not one of them; pay ≤ 0 with ``log=True``.
    InsufficientDataError
        A group has fewer than two rows.
    ValueError
        An unknown ``kind`` or ``weights``; a negative ``bootstrap_reps``.

    Warns
    -----
    PayEquityWarning
        A rank-deficient design (collinear controls, or a category absent from a group whose
        β enters β*): those coefficients take the minimum-norm solution.

    Notes
    -----
    Negative values mean the other group (women) is paid less (DESIGN §6). The results equal
    statsmodels' ``OaxacaBlinder(..., swap=False)`` with the other group first: ``two_fold``
    ``pooled``, ``reimers`` (half), ``cotton``, ``self_submitted`` with weight 0 (reference)
    or 1 (other), and ``three_fold``.

    References
    ----------
    B. Jann, "The Blinder–Oaxaca decomposition for linear regression models", Stata J. 8(4),
    2008. N. Fortin, "The gender wage gap among young adults in the US", JHR 43(4), 2008.

    Examples
    --------
    >>> from payequity import datasets
    >>> res = decompose(datasets.load_sample(), pay="monthly_pay",
    ...                 controls=["tenure_years", "age", "C(work_group)"])
    >>> res.kind, res.weights, res.n_other + res.n_reference
    ('twofold', 'pooled', 4000)
    >>> abs(res.explained + res.unexplained - res.gap) < 1e-12
    True
    >>> res.table.columns.tolist()
    ['component', 'term', 'value', 'ci_low', 'ci_high']
    """
    frame = data.frame if hasattr(data, "frame") else data
    if not isinstance(frame, pd.DataFrame):
        raise SchemaError(f"decompose needs PayData or a pandas DataFrame, not {type(data)}")
    _check_option("kind", kind, KINDS)
    _check_option("weights", weights, WEIGHTS)
    if not isinstance(bootstrap_reps, int | np.integer) or bootstrap_reps < 0:
        raise ParameterError(
            f"bootstrap_reps must be an integer ≥ 0. Got {bootstrap_reps!r} instead; pass e.g. "
            "499, or 0 for no bootstrap"
        )
    controls = (controls,) if isinstance(controls, str) else tuple(controls)
    controls = tuple(
        f"C({m.group(1).strip()})" if (m := _CATEGORICAL.match(c.strip())) else c for c in controls
    )
    _columns(frame, pay, group, controls)
    other = _other(frame, group, reference)
    y = frame[pay].to_numpy(dtype=float)
    if log:
        bad = int((y <= 0).sum())
        if bad:
            raise SchemaError(
                f"column {pay!r} has {bad} values ≤ 0, which have no logarithm; "
                "drop those rows or use log=False"
            )
        y = np.log(y)
    x, names = _design(frame, controls)
    is_ref = (frame[group] == reference).to_numpy(dtype=bool)
    x_r, x_o, y_r, y_o = x[is_ref], x[~is_ref], y[is_ref], y[~is_ref]
    for label, n in ((reference, len(y_r)), (other, len(y_o))):
        if n < max(2, x.shape[1] + 1):  # each group's own regression needs its coefficients
            raise InsufficientDataError(
                f"{group}={label!r} has {n} rows, too few for {x.shape[1]} coefficients; "
                f"decompose needs at least {max(2, x.shape[1] + 1)} (use fewer controls)"
            )
    if kind == "threefold":
        weights = "reference"
    uses = {"pooled": set(), "reference": {"r"}, "other": {"o"}}.get(weights, {"r", "o"})
    labels = (f"{group}={reference!r}", f"{group}={other!r}")
    pooled = kind == "twofold" and weights == "pooled"
    _warn_rank(x_r, x_o, names, labels, uses if kind == "twofold" else {"r", "o"}, pooled)

    parts, inputs = _parts(y_r, x_r, y_o, x_o, kind, weights)
    point = _vector(parts, y_r, y_o)
    components = COMPONENTS[kind]
    keys = [(c, t) for c in components for i, t in enumerate(names) if i or c in WITH_INTERCEPT]
    keys += [(c, "total") for c in components] + [("gap", "total")]
    low = high = np.full(len(point), np.nan)
    draws = None
    if bootstrap_reps:
        rng = np.random.default_rng(seed)
        reps = np.empty((bootstrap_reps, len(point)))
        for k in range(bootstrap_reps):
            i_r = rng.integers(0, len(y_r), len(y_r))
            i_o = rng.integers(0, len(y_o), len(y_o))
            p, _ = _parts(y_r[i_r], x_r[i_r], y_o[i_o], x_o[i_o], kind, weights, fast=True)
            reps[k] = _vector(p, y_r[i_r], y_o[i_o])
        tail = 100 * (1 - CONFIDENCE) / 2
        low, high = np.percentile(reps, [tail, 100 - tail], axis=0)
        draws = pd.DataFrame(
            reps, columns=pd.MultiIndex.from_tuples(keys, names=["component", "term"])
        )
    full = pd.DataFrame(
        {
            "component": [k[0] for k in keys],
            "term": [k[1] for k in keys],
            "value": point,
            "ci_low": low,
            "ci_high": high,
        }
    )
    is_total = full["term"].eq("total").to_numpy()
    table = full[~is_total].reset_index(drop=True)[TABLE_COLUMNS]
    totals = full[is_total].drop(columns="term").reset_index(drop=True)
    coef = pd.DataFrame(
        dict(
            zip(
                ["mean_reference", "mean_other", "coef_reference", "coef_other", "coef_weighted"],
                inputs,
                strict=True,
            )
        ),
        index=names,
    )
    coef.index.name = "term"
    values = totals["value"].to_numpy()
    return DecompositionResult(
        table=table,
        totals=totals,
        explained=float(values[0]),
        unexplained=float(values[1 : len(components)].sum()),
        gap=float(point[-1]),
        n_reference=len(y_r),
        n_other=len(y_o),
        weights=weights,
        kind=kind,
        group=group,
        reference=reference,
        other=other,
        pay=pay,
        log=log,
        controls=controls,
        mean_reference=float(y_r.mean()),
        mean_other=float(y_o.mean()),
        coef=coef,
        draws=draws,
        bootstrap_reps=int(bootstrap_reps),
        seed=seed,
        model=_models(x_r, y_r, x_o, y_o, names),
    )


def _models(
    x_r: np.ndarray, y_r: np.ndarray, x_o: np.ndarray, y_o: np.ndarray, names: list[str]
) -> dict[str, Any]:
    """The three OLS fits behind the decomposition, as statsmodels results."""
    import statsmodels.api as sm

    pooled_x = np.column_stack(
        [np.vstack([x_r, x_o]), np.r_[np.zeros(len(y_r)), np.ones(len(y_o))]]
    )
    with warnings.catch_warnings():  # rank deficiency is reported once, by decompose itself
        warnings.filterwarnings("ignore", message="The design matrix is rank-deficient")
        return {
            "reference": sm.OLS(y_r, pd.DataFrame(x_r, columns=names)).fit(),
            "other": sm.OLS(y_o, pd.DataFrame(x_o, columns=names)).fit(),
            "pooled": sm.OLS(
                np.r_[y_r, y_o], pd.DataFrame(pooled_x, columns=[*names, "group"])
            ).fit(),
        }

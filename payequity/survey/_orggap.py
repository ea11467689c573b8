"""The organisation-wide gap of the yearly run (DESIGN §5, ``org_gap.json``).

Monthly pay, log; the configured controls plus ``C(work_group)``; Oaxaca–Blinder on the same
model with pooled weights, in log points, women − men. When the models cannot be fitted (too
little data), the raw gaps still stand and the result says why.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from .._summary import Summary
from ..exceptions import InsufficientDataError, PayEquityError
from ._gap import GapResult, adjusted_gap
from ._inputs import frame_and_unit
from ._oaxaca import DecompositionResult, decompose

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from ..io import PayData

__all__ = ["OrgGapResult", "org_gap"]

PAY = "monthly_pay"
TABLE_COLUMNS = ["measure", "value", "ci_low", "ci_high", "p_value"]


@dataclass(frozen=True, eq=False, repr=False)
class OrgGapResult(Mapping):
    """The organisation-wide gap: raw mean and median, adjusted (with CI) and Oaxaca.

    Reads as the ``org_gap.json`` mapping too (``result["adjusted_gap_pct"]``,
    ``result.to_dict()``), so the file and the object say the same. ``*_pct`` on a 0–100 scale,
    women − men (negative: women earn less).

    Attributes
    ----------
    raw_mean_gap_pct, raw_median_gap_pct : float or None
    adjusted : GapResult or None
        The log-pay regression; None when it could not be fitted (see ``note``).
    oaxaca : DecompositionResult or None
    n : int
    controls : list of str
        The controls used, ``C(work_group)`` last.
    pay_measure : str
    note : str or None
        Why the models were not estimated, when they were not.
    """

    raw_mean_gap_pct: float | None
    raw_median_gap_pct: float | None
    adjusted: GapResult | None
    oaxaca: DecompositionResult | None
    n: int
    controls: list[str]
    pay_measure: str = PAY
    note: str | None = None

    @property
    def adjusted_gap_pct(self) -> float | None:
        return None if self.adjusted is None else self.adjusted.gap_pct

    @property
    def model(self) -> Any:
        """The statsmodels result of the regression, or None."""
        return None if self.adjusted is None else self.adjusted.model

    @property
    def table(self) -> pd.DataFrame:
        """One row per measure: raw mean, raw median, adjusted (with CI and p), Oaxaca parts."""
        d = self.to_dict()
        rows = [
            ("raw_mean_gap_pct", d["raw_mean_gap_pct"], None, None, None),
            ("raw_median_gap_pct", d["raw_median_gap_pct"], None, None, None),
            ("adjusted_gap_pct", d["adjusted_gap_pct"], d["ci_low"], d["ci_high"], d["p_value"]),
        ]
        for name in ("gap", "explained", "unexplained") if d["oaxaca"] else ():
            rows.append((f"oaxaca_{name}", d["oaxaca"][name], None, None, None))
        return pd.DataFrame(rows, columns=TABLE_COLUMNS).astype({"value": float})

    def to_dict(self) -> dict[str, Any]:
        """What ``org_gap.json`` holds (before NaN becomes null)."""
        gap, o = self.adjusted, self.oaxaca
        fitted = gap is not None and o is not None
        out = {
            "raw_mean_gap_pct": self.raw_mean_gap_pct,
            "raw_median_gap_pct": self.raw_median_gap_pct,
            "adjusted_gap_pct": gap.gap_pct if fitted else None,
            "ci_low": gap.ci_low if fitted else None,
            "ci_high": gap.ci_high if fitted else None,
            "p_value": gap.p_value if fitted else None,
            "n": int(gap.n) if fitted else self.n,
            "controls": self.controls,
            "pay_measure": self.pay_measure,
            "oaxaca": None,
        }
        if not fitted:
            return out | {"note": self.note}
        out["oaxaca"] = {
            "explained": o.explained,
            "unexplained": o.unexplained,
            "gap": o.gap,
            "weights": o.weights,
            "units": "log points, women − men",
            "table": o.table.to_dict(orient="records"),
        }
        return out

    # the Mapping protocol: the object reads as org_gap.json
    def __getitem__(self, key: str) -> Any:
        return self.to_dict()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.to_dict())

    def __len__(self) -> int:
        return len(self.to_dict())

    def summary(self) -> Summary:
        """The gaps in a few lines (prints as text, renders HTML)."""
        facts = [
            ("pay", f"{self.pay_measure}, log"),
            ("n", str(self.n)),
            ("controls", ", ".join(self.controls)),
            ("raw mean gap", _pct(self.raw_mean_gap_pct)),
            ("raw median gap", _pct(self.raw_median_gap_pct)),
        ]
        if self.adjusted is not None:
            a = self.adjusted
            facts.append(
                (
                    "adjusted gap",
                    f"{a.gap_pct:+.2f} % (95 % CI {a.ci_low:+.2f} to {a.ci_high:+.2f}, "
                    f"p = {a.p_value:.2g})",
                )
            )
        if self.oaxaca is not None:
            o = self.oaxaca
            facts.append(
                (
                    f"Oaxaca ({o.weights})",
                    f"explained {o.explained:+.4f}, unexplained {o.unexplained:+.4f} of "
                    f"{o.gap:+.4f} log points",
                )
            )
        if self.note:
            facts.append(("note", self.note))
        return Summary("Organisation-wide gap (women − men)", facts, [("Measures", self.table)])

    def _repr_html_(self) -> str:
        return self.summary()._repr_html_()

    def __repr__(self) -> str:
        adj = self.adjusted_gap_pct
        return (
            f"<OrgGapResult raw mean {_pct(self.raw_mean_gap_pct)}, adjusted "
            f"{_pct(adj)}, n={self.n}>"
        )

    def plot(self, ax: Axes | None = None, **kwargs: Any) -> Axes:
        """The Oaxaca parts (:func:`payequity.charts.plot_decomposition`)."""
        if self.oaxaca is None:
            raise InsufficientDataError(f"nothing to draw: the models were {self.note}")
        return self.oaxaca.plot(ax=ax, **kwargs)


def _pct(value: float | None) -> str:
    return "not estimated" if value is None else f"{value:+.1f} %"


def org_gap(
    data: PayData | pd.DataFrame,
    *,
    controls: Sequence[str] = ("tenure_years", "age"),
    cov_type: str = "nonrobust",
    bootstrap_reps: int = 499,
    seed: int = 0,
) -> OrgGapResult:
    """The organisation-wide gap as the yearly run computes it (``org_gap.json``).

    Controls absent from the data are skipped; a text column enters as a category
    (``C(col)``); ``C(work_group)`` is always added last.

    Parameters
    ----------
    data : PayData or DataFrame
    controls : sequence of str
        ``analysis.controls`` of the survey.toml.
    cov_type : str
        Covariance of the regression (``"nonrobust"``, ``"HC0"`` … ``"HC3"``).
    bootstrap_reps, seed : int
        Bootstrap replications of the Oaxaca intervals (0 = none) and their seed.

    Returns
    -------
    OrgGapResult

    Examples
    --------
    >>> import payequity as pe
    >>> from payequity.survey import org_gap
    >>> res = org_gap(pe.datasets.load_sample(), bootstrap_reps=0)
    >>> res.controls
    ['tenure_years', 'age', 'C(work_group)']
    >>> res["adjusted_gap_pct"] == res.adjusted.gap_pct
    True
    """
    f, _ = frame_and_unit(data)
    used = []
    for c in controls:
        inner = c[2:-1].strip() if c.startswith("C(") and c.endswith(")") else c
        if inner not in f.columns:
            continue
        col = f[inner]
        numeric = pd.api.types.is_numeric_dtype(col) and not pd.api.types.is_bool_dtype(col)
        used.append(c if c != inner or numeric else f"C({inner})")
    used.append("C(work_group)")
    w = f.loc[f["gender"] == "F", PAY]
    m = f.loc[f["gender"] == "M", PAY]
    both = len(w) and len(m)
    raw_mean = 100 * (w.mean() - m.mean()) / m.mean() if both else None
    raw_median = 100 * (w.median() - m.median()) / m.median() if both else None
    try:
        gap = adjusted_gap(data, pay=PAY, controls=used, cov_type=cov_type)
        oaxaca = decompose(
            data,
            pay=PAY,
            controls=used,
            weights="pooled",
            bootstrap_reps=bootstrap_reps,
            seed=seed,
        )
    except PayEquityError as exc:  # too little data for the models: the raw gaps still stand
        return OrgGapResult(
            raw_mean, raw_median, None, None, len(f), used, PAY, f"not estimated: {exc}"
        )
    return OrgGapResult(raw_mean, raw_median, gap, oaxaca, int(gap.n), used, PAY, None)

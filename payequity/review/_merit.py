"""The merit matrix and the distribution of a pot to the krona (job-evaluation.md §3.4).

A person's share of the pot follows the matrix cell of their overall rating and compa-ratio band
(the multiplier of the unit's pot percentage). The guarantee is paid first; what is left is spread
in proportion to each person's share above the guarantee, scaled so the unit's cost
``Σ raise·fte`` meets the pot; a cap stops a raise and hands the rest to the others
(water-filling). Raises are whole full-time kronor: each is rounded down, then one krona at a time
goes to the largest remainders (ties: table order) while it fits in the pot, so that
``0 ≤ pot − Σ raise·fte < 1`` whenever a krona to someone can still be afforded.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..exceptions import ConfigError, PayEquityError

__all__ = ["MeritMatrix", "distribute", "PotError", "BANDS"]

BANDS = ("low", "mid", "high")

#: job-evaluation.md §3.4, the toolkit's illustrative default (4-level Swedish scale).
_DEFAULT = {4: (1.9, 1.5, 1.2), 3: (1.4, 1.2, 0.9), 2: (1.2, 1.0, 0.7), 1: (0.3, 0.0, 0.0)}


class PotError(PayEquityError, ValueError):
    """The pot cannot be distributed under the guarantee and cap."""


@dataclass(frozen=True)
class MeritMatrix:
    """Multipliers of the pot percentage by overall rating level and compa-ratio band.

    ``bounds = (low, high)``: a compa-ratio below ``low`` is band "low", above ``high`` band
    "high", otherwise "mid".

    Examples
    --------
    >>> m = MeritMatrix.default()
    >>> m.band(0.85), m.band(1.0), m.band(1.2)
    ('low', 'mid', 'high')
    >>> m.multiplier(4, "low")
    1.9
    """

    multipliers: Mapping[int, tuple[float, float, float]]
    bounds: tuple[float, float] = (0.90, 1.10)

    @classmethod
    def default(cls) -> MeritMatrix:
        """The 4 × 3 matrix of job-evaluation.md §3.4."""
        return cls(dict(_DEFAULT))

    @classmethod
    def from_mapping(cls, spec: Mapping[str, Any], where: str) -> MeritMatrix:
        """Read ``{"bounds": [lo, hi], "multipliers": {"4": [a, b, c], ...}}``; ``where`` names
        the file and table in errors."""
        unknown = sorted(set(spec) - {"bounds", "multipliers"})
        if unknown:
            raise ConfigError(f"{where}: unknown key {unknown[0]!r}; use bounds and multipliers")
        bounds = spec.get("bounds", [0.90, 1.10])
        if (
            not isinstance(bounds, list)
            or len(bounds) != 2
            or not all(isinstance(b, int | float) and not isinstance(b, bool) for b in bounds)
            or not 0 < bounds[0] < bounds[1]
        ):
            raise ConfigError(
                f"{where}.bounds = {bounds!r}: give two rising compa-ratios like [0.90, 1.10]"
            )
        rows = spec.get("multipliers")
        if not isinstance(rows, Mapping) or not rows:
            raise ConfigError(
                f'{where}.multipliers: give one list per rating level, like "4" = [1.9, 1.5, 1.2]'
            )
        out: dict[int, tuple[float, float, float]] = {}
        for level, values in rows.items():
            try:
                lv = int(str(level))
            except ValueError:
                raise ConfigError(
                    f'{where}.multipliers.{level}: the key must be a rating level like "4"'
                ) from None
            ok = isinstance(values, list) and len(values) == 3
            if not ok or not all(
                isinstance(v, int | float) and not isinstance(v, bool) and v >= 0 for v in values
            ):
                raise ConfigError(
                    f"{where}.multipliers.{level} = {values!r}: give three multipliers ≥ 0, one "
                    "per compa-ratio band (low, mid, high)"
                )
            out[lv] = (float(values[0]), float(values[1]), float(values[2]))
        return cls(out, (float(bounds[0]), float(bounds[1])))

    def band(self, compa_ratio: float) -> str:
        """The compa-ratio band: "low", "mid" or "high"."""
        lo, hi = self.bounds
        return "low" if compa_ratio < lo else "high" if compa_ratio > hi else "mid"

    def multiplier(self, level: int, band: str) -> float:
        """The matrix cell; a level outside the matrix is an error naming the levels it has."""
        if level not in self.multipliers:
            raise ConfigError(
                f"the merit matrix has no row for rating level {level} (it has "
                f"{sorted(self.multipliers)}); add the row to [matrix.multipliers]"
            )
        return self.multipliers[level][BANDS.index(band)]


def distribute(
    shares: np.ndarray,
    fte: np.ndarray,
    pot: float,
    *,
    guarantee: float = 0.0,
    cap: float | None = None,
    where: str = "",
) -> np.ndarray:
    """Raises in whole full-time kronor whose cost ``Σ raise·fte`` meets ``pot`` to the krona.

    Parameters
    ----------
    shares : array
        Each person's raw raise before scaling (pot % · multiplier · base salary); only the
        part above the guarantee is scaled.
    fte : array
        Employment rates; a raise costs ``raise · fte``.
    pot : float
        Kronor a month to spend.
    guarantee, cap : float
        The smallest and largest raise in full-time kronor (guarantee rounded up, cap down).
    where : str
        Names the pot in errors ("unit Skolan A").

    Returns
    -------
    ndarray of int

    Examples
    --------
    >>> r = distribute(np.array([300.0, 600.0, 900.0]), np.array([1.0, 0.5, 1.0]), 1800.0)
    >>> r.tolist(), float((r * [1.0, 0.5, 1.0]).sum())
    ([360, 720, 1080], 1800.0)
    """
    shares = np.asarray(shares, float)
    fte = np.asarray(fte, float)
    n = len(shares)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    g = float(math.ceil(guarantee - 1e-9))
    c = float(math.floor(cap + 1e-9)) if cap is not None else math.inf
    if c < g:
        raise PotError(
            f"{where}: review.cap ({c:.0f} kr) is below review.guarantee ({g:.0f} kr); raise the "
            "cap or lower the guarantee in survey.toml"
        )
    floor_cost = g * fte.sum()
    if pot < floor_cost - 1e-9:
        raise PotError(
            f"{where}: the pot {pot:,.0f} kr is smaller than the guarantee of {g:.0f} kr for all "
            f"{n} people ({floor_cost:,.0f} kr); raise the pot or lower review.guarantee"
        )
    if cap is not None and c * fte.sum() < pot - 1e-9:
        raise PotError(
            f"{where}: the cap of {c:.0f} kr for all {n} people ({c * fte.sum():,.0f} kr) is below "
            f"the pot {pot:,.0f} kr; raise review.cap or lower the pot"
        )
    excess = np.maximum(shares - g, 0.0)
    excess = np.where(excess > 1e-6, excess, 0.0)  # below a millionth of a krona is nothing
    if (excess * fte).sum() <= 0:  # nobody above the guarantee: the rest goes equally
        excess = np.ones(n)
    excess = excess / excess.max()  # only the proportions matter; keeps the kinks finite
    try:
        exact = _fill(excess, fte, pot - floor_cost, c - g) + g
    except PotError as exc:
        raise PotError(f"{where}: {exc}") from None
    return _round(exact, fte, pot, c, where)


def _fill(excess: np.ndarray, fte: np.ndarray, amount: float, room: float) -> np.ndarray:
    """``min(room, k·excess)`` with k solved so that ``Σ fte·min(room, k·excess) = amount``."""
    if amount <= 0:
        return np.zeros_like(excess)
    if not math.isfinite(room):
        return excess * (amount / (excess * fte).sum())
    pos = excess > 0
    reach = float((fte[pos] * room).sum())
    if reach < amount - 1e-9:
        raise PotError(
            f"the cap stops everyone with a share above the guarantee before the pot is spent "
            f"({reach:,.0f} of {amount:,.0f} kr); raise review.cap or change the matrix"
        )
    # Σ fte·min(room, k·e) is piecewise linear in k with a kink where k·e reaches room: at the
    # j-th kink (sorted) the first j people are capped and the rest still grow with slope f·e
    e, f = excess[pos], fte[pos]
    order = np.argsort(room / e, kind="stable")
    e, f = e[order], f[order]
    kinks = room / e
    capped = room * np.cumsum(f)
    tail = np.concatenate([np.cumsum((f * e)[::-1])[::-1][1:], [0.0]])
    j = int(np.searchsorted(capped + kinks * tail >= amount - 1e-9, True))
    before = capped[j - 1] if j > 0 else 0.0
    k = (amount - before) / float((f * e)[j:].sum())
    return np.minimum(room, k * excess)


def _round(exact: np.ndarray, fte: np.ndarray, pot: float, cap: float, where: str) -> np.ndarray:
    """Round down, then hand out single kronor by largest remainder while they fit in the pot."""
    raises = np.floor(exact + 1e-9)
    left = pot - float((raises * fte).sum())
    order = np.argsort(-(exact - raises), kind="stable")
    given: list[int] = []
    while left >= fte.min() - 1e-9:
        gave = False
        for i in order:
            if fte[i] <= left + 1e-9 and raises[i] + 1 <= cap:
                raises[i] += 1
                left -= fte[i]
                given.append(i)
                gave = True
        if not gave:
            break
    # a krona given on an exact fit may overshoot the pot by a float rounding error (1973.8 kr
    # against 2171·0.8 + 474·0.5 = 1973.8000000000002): take back the last ones until it fits
    while given and float((raises * fte).sum()) > pot:
        raises[given.pop()] -= 1
    # likewise the first rounding's tolerance may lift 300.9999999999998 to 301 above the pot
    bumped = list(np.flatnonzero(raises > exact))
    while bumped and float((raises * fte).sum()) > pot:
        raises[bumped.pop()] -= 1
    return raises.astype(np.int64)

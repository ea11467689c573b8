"""Charts: ``plot_*(result, *, ax=None, ...) -> Axes``, one style for every chart.

In: a result object of any box (or its table); out: a matplotlib ``Axes``, drawn on the one
given or on a new figure. Colour-blind safe (Okabe–Ito) and readable in black and white: groups
differ by marker shape and fill as well as colour. Labels in Swedish by default
(``language="en"`` for English), numbers the Swedish way. matplotlib is imported inside the
functions, so ``import payequity`` stays light; nothing here calls ``plt.show()``. A leaf: any
box may draw with it, and it imports no box (result types appear in annotations only). The
shared style (``OKABE_ITO``, ``place_labels``) is public for notebooks that draw their own.
"""

from __future__ import annotations

from ._base import OKABE_ITO, place_labels
from ._eu import plot_quartiles, plot_standardized
from ._gap import plot_gap
from ._groups import plot_equal_value, plot_gap_by_group, plot_pay_by_gender
from ._oaxaca import plot_decomposition
from ._plan import plot_action_plan
from ._remediation import plot_remediation_curve
from ._review import plot_review_raises
from ._spread import MIN_SPREAD, plot_pay_spread
from ._value import plot_value_vs_pay
from ._yoy import plot_year_over_year

__all__ = [
    "MIN_SPREAD",
    "OKABE_ITO",
    "place_labels",
    "plot_action_plan",
    "plot_decomposition",
    "plot_equal_value",
    "plot_gap",
    "plot_gap_by_group",
    "plot_pay_by_gender",
    "plot_pay_spread",
    "plot_quartiles",
    "plot_remediation_curve",
    "plot_review_raises",
    "plot_standardized",
    "plot_value_vs_pay",
    "plot_year_over_year",
]

"""Charts: ``plot_*(result, *, ax=None, ...) -> Axes``, one style for every chart."""

from __future__ import annotations

from ._base import (
    OKABE_ITO,
    __getattr__,  # noqa: F401 - charts that live in other modules
    plot_action_plan,
    plot_equal_value,
    plot_gap_by_group,
    plot_pay_by_gender,
    plot_review_raises,
    plot_value_vs_pay,
)

__all__ = [
    "OKABE_ITO",
    "plot_equal_value",
    "plot_gap_by_group",
    "plot_pay_by_gender",
    "plot_value_vs_pay",
    "plot_action_plan",
    "plot_review_raises",
]

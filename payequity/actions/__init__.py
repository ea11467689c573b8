"""From findings to a documented survey: explanations, costed action plan, optimiser, archive,
follow-up and the documentation checklist (DL 3:10–14; law-and-method.md F-B5–F-B9, F-E1).

The pieces, in the order of the year:

1. :func:`assess` attaches the explanations register (:func:`load_explanations`) to the
   survey's items; unflagged items get an automatic assessment, flagged ones need a person's.
2. :func:`action_plan` costs and schedules the measures for what stays unexplained, unclear or
   related to gender, within three years and an optional yearly budget.
3. :func:`optimise_remediation` finds the cheapest raises that close flagged gaps (linprog).
4. :func:`follow_up` reads last year's plan and shows what was done; :func:`year_over_year`
   follows the main gaps across archived years.
5. The rest of the documentation: rules and practice, samverkan, head count and tier, the
   Art. 10 trigger and the DL 3:13/3:14 checklist.

In: the survey's result objects, the pay data and the registers people keep beside survey.toml.
Out: result objects (``Assessment``, ``ActionPlan``, ``RemediationResult``, ``FollowUpResult``,
``YearOverYear``, ``DocumentationResult``); nothing is written here. How a plan is read and
measured (``plan_frame``, ``plan_measures``, ``covered_positions``, ``general_raises``) is public
so the sample generator realises a plan exactly as the follow-up measures it.

Examples
--------
>>> import payequity as pe
>>> data = pe.datasets.generate(600, seed=1)
>>> items = assess(pe.equal_work(data))
>>> plan = action_plan(items, data, year=2026, overhead=0.4)
>>> list(plan.table.columns[:5])
['measure_id', 'job_code', 'employee_id', 'comparator_job', 'year']
"""

from __future__ import annotations

from ._checklist import DocumentationResult, Evidence, documentation_checklist
from ._documentation import (
    RULES_FIELDS,
    SAMVERKAN_FIELDS,
    Art10Result,
    art10_trigger,
    documentation_tier,
    headcount_january,
    load_rules_and_practice,
    load_samverkan,
    rules_template,
    union_organisations,
)
from ._effect import gaps_after
from ._explain import Assessment, assess, comparison_of
from ._explanations import EXPLANATION_FIELDS, ExplanationRegister, load_explanations
from ._followup import (
    FollowUpResult,
    check_plan_years,
    covered_positions,
    follow_up,
    general_raises,
    plan_frame,
    plan_measures,
)
from ._history import YearOverYear, year_over_year
from ._optimise import RemediationResult, optimise_remediation
from ._plan import PLAN_COLUMNS, UNMEASURED_REASONS, ActionPlan, action_plan, measure_key
from ._schedule import unit_names

__all__ = [
    "RULES_FIELDS",
    "SAMVERKAN_FIELDS",
    "check_plan_years",
    "covered_positions",
    "general_raises",
    "measure_key",
    "plan_frame",
    "plan_measures",
    "EXPLANATION_FIELDS",
    "PLAN_COLUMNS",
    "UNMEASURED_REASONS",
    "ActionPlan",
    "Art10Result",
    "Assessment",
    "DocumentationResult",
    "Evidence",
    "ExplanationRegister",
    "FollowUpResult",
    "RemediationResult",
    "YearOverYear",
    "action_plan",
    "art10_trigger",
    "assess",
    "comparison_of",
    "documentation_checklist",
    "documentation_tier",
    "follow_up",
    "gaps_after",
    "headcount_january",
    "load_explanations",
    "load_rules_and_practice",
    "load_samverkan",
    "optimise_remediation",
    "rules_template",
    "union_organisations",
    "unit_names",
    "year_over_year",
]

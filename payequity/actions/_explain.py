"""The explanations register (F-B6): every difference assessed, by a person or automatically.

The survey gives items: each equal-work group with both genders, each equal-value pair, and the
people an unexplained equal-work difference would lift. Their keys (DESIGN §7) do not change
from one run to the next, so an explanation written once stays attached to its item:

* equal work ``<unit>/<work_group>/<pay_measure>`` (unit "" = organisation);
* equal value ``<unit>/<fd_job>/<comparator_job>/<pay_measure>``;
* person ``<employee_id>``; and ``eu_category`` ``<category>`` for the Art. 10 trigger.

A flagged item needs a person's explanation: a category, a text and the decision whether the
difference is related to gender (``yes`` / ``no`` / ``unclear``). Flagged items that are
unexplained, ``unclear`` or ``yes`` need action and go into the action plan. Unflagged items get
an automatic assessment (``source = automatic``); a person's row with the same key overrides it.
Rows the run marked ``automatic`` are not read back, so copying ``data/explanations.csv`` beside
survey.toml as the register is safe: fill in the flagged rows and the automatic ones stay
automatic until you write your own text and clear ``source``.

People: when an equal-work item needs action, each person of the gender it disadvantages whose
pay is below the target becomes a person item in the plan. Targets: ``expected``, the pay the
group's regression (log pay on gender and the controls) predicts for the person as the other
gender, with the same age and tenure, the lifts scaled by one factor where they would carry the
adjusted gap past zero, so the adjusted gap is closed; where the group was too small
for a regression, the other gender's mean, the raw gap shared among those below it in proportion to
their distance, so the two means meet; ``median`` or ``mean``: that
level of the other gender in the group. A person's explanation with ``gender_related = no`` takes that
person out of the plan. An organisation's explanation is inherited only by a unit's item that is
flagged itself, and runs the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._format import fmt_pct
from .._summary import Summary
from ..exceptions import ConfigError
from ._explanations import (
    ITEM_COLUMNS,
    REGISTER_COLUMNS,
    TARGETS,
    ExplanationRegister,
    load_explanations,
)

__all__ = ["Assessment", "assess", "comparison_of"]

_PAY_SV = {"base_salary": "grundlön", "monthly_pay": "månadslön med fasta tillägg"}
_PAY_EN = {"base_salary": "base salary", "monthly_pay": "monthly pay with fixed supplements"}


@dataclass(frozen=True, repr=False)
class Assessment:
    """Every item of the survey with its assessment (``data/explanations.csv``).

    Attributes
    ----------
    table : DataFrame
        :data:`ITEM_COLUMNS`: the register columns first (so the file can be copied as the
        register), then ``source`` (person | inherited — from the organisation's row for the
        same group | automatic | missing), ``flagged``, ``status``
        (explained | gender_related | unclear | unexplained | not_flagged | no_item),
        ``needs_action``, ``unit``, ``group`` (work group or female-dominated job),
        ``comparator`` (comparator job, or the gender the difference disadvantages),
        ``pay_measure``, ``gap_pct`` (women's % of men's − 100, or the equal-value pay gap; for
        people the deviation from the target) and ``register_row``, the explanation's row in
        the register file.
    lifts : DataFrame
        The people an item needing action lifts: ``employee_id, unit, work_group,
        pay_measure, pay, target_pay, lift, item_key``, one row per person and item.
    warnings : list of str
    target : str
        How people are lifted: "expected", "median" or "mean".
    """

    table: pd.DataFrame
    lifts: pd.DataFrame
    warnings: list[str]
    target: str = "expected"

    @property
    def needs_action(self) -> pd.DataFrame:
        """The items that go into the action plan."""
        return self.table[self.table["needs_action"].astype(bool)]

    def counts(self) -> pd.DataFrame:
        """Items by kind and status."""
        return (
            self.table.groupby(["item_kind", "status"]).size().rename("n").reset_index()
            if len(self.table)
            else pd.DataFrame(columns=["item_kind", "status", "n"])
        )

    def summary(self) -> Summary:
        t = self.table
        flagged = t[t["flagged"].astype(bool) & (t["item_kind"] != "person")]
        facts = [
            ("items", str(int((t["item_kind"] != "person").sum()))),
            ("flagged", str(len(flagged))),
            (
                "flagged and explained (not gender-related)",
                str(int((flagged["status"] == "explained").sum())),
            ),
            ("flagged, needing action", str(int(flagged["needs_action"].sum()))),
            (
                "people in the plan through them",
                str(self.lifts["employee_id"].nunique() if len(self.lifts) else 0),
            ),
        ]
        facts += [("warning", w) for w in self.warnings]
        return Summary("Explanations", facts, [("Items by kind and status", self.counts())])

    def _repr_html_(self) -> str:
        return self.summary()._repr_html_()

    def __repr__(self) -> str:
        return self.summary().as_text()


def comparison_of(items: pd.DataFrame) -> pd.Series:
    """Each item's comparison: its key without the pay measure, so a group or pair tested on
    base salary and on monthly pay counts once (``<unit>/<work_group>``,
    ``<unit>/<fd_job>/<comparator_job>``); other items keep their key.

    Examples
    --------
    >>> import pandas as pd
    >>> items = pd.DataFrame({"item_kind": ["equal_work", "equal_value", "person"],
    ...     "item_key": ["U/101/base_salary", "/201/171/monthly_pay", "100157"]})
    >>> comparison_of(items).tolist()
    ['equal_work:U/101', 'equal_value:/201/171', 'person:100157']
    """
    keys = items["item_key"].astype(str)
    kinds = items["item_kind"].astype(str)
    grouped = kinds.isin(["equal_work", "equal_value"])
    keys = keys.where(~grouped, keys.str.rsplit("/", n=1).str[0])
    return kinds + ":" + keys


def _results(obj: Any) -> list[Any]:
    """An EqualWorkResult/EqualValueResult, a dict of them (by unit), or a list of either."""
    if obj is None:
        return []
    if isinstance(obj, Mapping):
        return [r for r in obj.values() if r is not None]
    if isinstance(obj, Iterable) and not hasattr(obj, "table"):
        return [r for item in obj for r in _results(item)]
    return [obj]


def assess(
    equal_work: Any,
    equal_value: Any = None,
    explanations: ExplanationRegister | pd.DataFrame | str | Path | None = None,
    *,
    target: str = "expected",
    language: str = "sv",
) -> Assessment:
    """Attach the explanations to the survey's items and decide which need action.

    Parameters
    ----------
    equal_work : EqualWorkResult, or a dict or list of them
        The organisation's result and the units' (``equal_work(..., by="unit")``).
    equal_value : EqualValueResult, or a dict or list of them, optional
    explanations : ExplanationRegister, DataFrame or path, optional
        The register (see :func:`load_explanations`).
    target : {"expected", "median", "mean"}
        The level people of the disadvantaged gender are lifted to when an equal-work item
        needs action: the pay the group's regression predicts for them as the other gender
        (the other gender's mean where no regression ran), or the other gender's median or
        mean.
    language : {"sv", "en"}
        Language of the automatic assessment texts.

    Returns
    -------
    Assessment

    Examples
    --------
    >>> import payequity as pe
    >>> data = pe.datasets.generate(400, seed=1)
    >>> a = assess(pe.equal_work(data))
    >>> sorted(set(a.table["status"]))
    ['not_flagged', 'unexplained']
    >>> bool(a.table.loc[a.table["status"] == "not_flagged", "text"].str.len().gt(0).all())
    True
    """
    if target not in TARGETS:
        raise ConfigError(f"target {target!r} is not one of {', '.join(TARGETS)}")
    if isinstance(explanations, ExplanationRegister):
        register = explanations
    elif isinstance(explanations, pd.DataFrame):
        register = ExplanationRegister(_as_register(explanations))
    else:
        register = load_explanations(explanations)
    work = _results(equal_work)
    items = [_work_items(r.table, language, r.settings.get("gap_threshold", 0.02)) for r in work]
    items += [_value_items(r.table, language) for r in _results(equal_value)]
    frame = pd.concat(items, ignore_index=True) if items else pd.DataFrame(columns=ITEM_COLUMNS)
    frame = _one_unit(frame)
    frame = _attach(frame, register.table)
    lifts = _lifts(frame, work, target)
    people = _person_items(lifts, register.table)
    frame = pd.concat([frame, people], ignore_index=True) if len(people) else frame
    people_out = (
        set(people.loc[~people["needs_action"].astype(bool), "item_key"]) if len(people) else set()
    )
    lifts = lifts[~lifts["employee_id"].astype(str).isin(people_out)].reset_index(drop=True)
    frame = _orphans(frame, register.table)
    warnings = list(register.warnings) + _summary_warnings(frame, lifts)
    frame = frame.rename(columns={"source_row": "register_row"})
    return Assessment(frame[ITEM_COLUMNS].reset_index(drop=True), lifts, warnings, target)


def _as_register(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for c in REGISTER_COLUMNS:
        out[c] = out[c].fillna("").astype(str) if c in out.columns else ""
    if "source_row" not in out.columns:
        out["source_row"] = np.arange(2, len(out) + 2)
    return out


def _work_items(table: pd.DataFrame, language: str, threshold: float = 0.02) -> pd.DataFrame:
    t = table[table["needs_assessment"].astype(bool)]
    unit = t["unit"].fillna("").astype(str)
    gap = t["women_pct_of_men"].astype(float) - 100
    adjusted = t["adjusted_gap_pct"].astype(float)
    against = np.where(
        adjusted.notna(), np.where(adjusted < 0, "F", "M"), np.where(gap < 0, "F", "M")
    )
    texts = [_work_text(r, language, threshold) for _, r in t.iterrows()]
    return pd.DataFrame(
        {
            "item_kind": "equal_work",
            "item_key": unit + "/" + t["work_group"].astype(str) + "/" + t["pay_measure"],
            "text": texts,
            "flagged": t["flagged"].astype(bool).to_numpy(),
            "unit": unit.to_numpy(),
            "group": t["work_group"].astype(str).to_numpy(),
            "comparator": against,
            "pay_measure": t["pay_measure"].to_numpy(),
            "gap_pct": gap.to_numpy(),
        }
    )


def _work_text(r: pd.Series, language: str, threshold: float) -> str:
    sv = language == "sv"
    pct = fmt_pct(float(r["women_pct_of_men"]), 1, language)
    pay = (_PAY_SV if sv else _PAY_EN)[r["pay_measure"]]
    if r["regression_tested"]:
        adj = fmt_pct(float(r["adjusted_gap_pct"]), 1, language)
        p = f"{float(r['p_adjusted']):.2f}".replace(".", "," if sv else ".")
        detail = (
            f"kvinnornas {pay} är {pct} av männens; den justerade skillnaden {adj} är inte "
            f"statistiskt säkerställd (justerat p = {p})"
            if sv
            else f"women's {pay} is {pct} of men's; the adjusted difference {adj} is not "
            f"statistically significant (adjusted p = {p})"
        )
    else:
        limit = fmt_pct(100 * threshold, 0, language)
        detail = (
            f"kvinnornas {pay} är {pct} av männens; gruppen är för liten för ett statistiskt test "
            f"och skillnaden ligger inom {limit}"
            if sv
            else f"women's {pay} is {pct} of men's; the group is too small for a statistical "
            f"test and the difference is within {limit}"
        )
    prefix = "Automatisk bedömning" if sv else "Automatic assessment"
    tail = "Ingen åtgärd föreslås." if sv else "No action proposed."
    return f"{prefix}: {detail}. {tail}"


def _value_items(table: pd.DataFrame, language: str) -> pd.DataFrame:
    sv = language == "sv"
    unit = table["unit"].fillna("").astype(str)
    key = (
        unit
        + "/"
        + table["female_dominated_job"].astype(str)
        + "/"
        + table["comparator_job"].astype(str)
        + "/"
        + table["pay_measure"]
    )
    texts = []
    for _, r in table.iterrows():
        gap = fmt_pct(float(r["pay_gap_pct"]), 1, language)
        texts.append(
            f"Automatisk bedömning: den kvinnodominerade gruppens lön ligger {gap} från "
            "jämförelsegruppens, inom gränsen. Ingen åtgärd föreslås."
            if sv
            else f"Automatic assessment: the female-dominated group's pay is {gap} from the "
            "comparator's, within the limit. No action proposed."
        )
    return pd.DataFrame(
        {
            "item_kind": "equal_value",
            "item_key": key.to_numpy(),
            "text": texts,
            "flagged": table["flagged"].astype(bool).to_numpy(),
            "unit": unit.to_numpy(),
            "group": table["female_dominated_job"].astype(str).to_numpy(),
            "comparator": table["comparator_job"].astype(str).to_numpy(),
            "pay_measure": table["pay_measure"].to_numpy(),
            "gap_pct": table["pay_gap_pct"].astype(float).to_numpy(),
        }
    )


def _attach(items: pd.DataFrame, register: pd.DataFrame) -> pd.DataFrame:
    """Register rows onto items; status and needs_action from DESIGN §5."""
    items = items.copy()
    for c in REGISTER_COLUMNS:
        if c not in ("item_kind", "item_key", "text"):
            items[c] = ""
    items["source"] = np.where(items["flagged"], "missing", "automatic")
    items.loc[items["flagged"], "text"] = ""
    items["source_row"] = pd.array([pd.NA] * len(items), dtype="Int64")
    if len(register):
        reg = register.set_index(["item_kind", "item_key"])
        # a unit's item without its own row takes the organisation's row for the same group
        org_key = _org_keys(items)
        for keys, source in ((items["item_key"], "person"), (org_key, "inherited")):
            idx = pd.MultiIndex.from_arrays([items["item_kind"], keys])
            hit = idx.isin(reg.index) & items["source"].isin(["missing", "automatic"])
            if source == "inherited":
                hit &= items["unit"].ne("").to_numpy()
                # only where the unit's difference runs the same way as the organisation's
                org = items[items["unit"] == ""].set_index(["item_kind", "item_key"])["comparator"]
                same = [
                    org.get((k, o), c) == c if k == "equal_work" else True
                    for k, o, c in zip(items["item_kind"], keys, items["comparator"], strict=True)
                ]
                hit &= np.asarray(same, dtype=bool)
                # an organisation's assessment speaks only for unit items that are flagged
                # themselves: it must not put an unflagged unit group into the plan
                hit &= items["flagged"].astype(bool).to_numpy()
            rows = reg.reindex(idx[hit])
            for c in REGISTER_COLUMNS[2:] + ["source_row"]:
                items.loc[hit, c] = rows[c].to_numpy()
            items.loc[hit, "source"] = source
    items["status"], items["needs_action"] = _status(items)
    return items


def _org_keys(items: pd.DataFrame) -> pd.Series:
    """The organisation-level key of each item: the unit part dropped (persons keep theirs)."""
    unit = items["unit"].astype(str)
    keys = items["item_key"].astype(str)
    grouped = items["item_kind"].isin(["equal_work", "equal_value"]) & unit.ne("")
    out = keys.copy()
    out[grouped] = [k[len(u) :] for k, u in zip(keys[grouped], unit[grouped], strict=True)]
    return out


def _one_unit(items: pd.DataFrame) -> pd.DataFrame:
    """With a single unit its items repeat the organisation's: keep the organisation's."""
    units = set(items.loc[items["item_kind"].isin(["equal_work", "equal_value"]), "unit"])
    units.discard("")
    if len(units) == 1:
        return items[items["unit"] == ""].reset_index(drop=True)
    return items


def _status(items: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """explained | gender_related | unclear | unexplained | not_flagged.

    A person's "yes" or "unclear" puts even an unflagged item into the plan (DL 3:10 asks for
    every difference connected with sex to be remedied)."""
    person = items["source"].isin(["person", "inherited"])
    text = items["text"].fillna("").astype(str)  # an empty register reads as floats
    complete = person & items["category"].ne("") & text.str.strip().ne("")
    rel = items["gender_related"]
    flagged = items["flagged"].astype(bool)
    status = np.select(
        [complete & rel.eq("yes"), person & rel.eq("unclear"), ~flagged, complete & rel.eq("no")],
        ["gender_related", "unclear", "not_flagged", "explained"],
        "unexplained",
    )
    needs = np.isin(status, ["gender_related", "unclear"]) | (
        flagged.to_numpy() & (status == "unexplained")
    )
    return status, needs


def _lifts(items: pd.DataFrame, work: list[Any], target: str) -> pd.DataFrame:
    """People of the disadvantaged gender below the target in equal-work items needing action."""
    cols = [
        "employee_id",
        "unit",
        "work_group",
        "pay_measure",
        "pay",
        "target_pay",
        "lift",
        "item_key",
    ]
    act = items[(items["item_kind"] == "equal_work") & items["needs_action"].astype(bool)]
    if act.empty:
        return pd.DataFrame(columns=cols)
    people = pd.concat([_as_other_gender(r) for r in work], ignore_index=True)
    tables = pd.concat([r.table for r in work], ignore_index=True)
    people["unit"] = people["unit"].fillna("").astype(str)
    tables["unit"] = tables["unit"].fillna("").astype(str)
    wanted = act[["unit", "group", "pay_measure", "comparator", "item_key"]].rename(
        columns={"group": "work_group", "comparator": "against"}
    )
    p = people.merge(wanted, on=["unit", "work_group", "pay_measure"])
    p = p[p["gender"] == p["against"]]
    level = "mean" if target == "expected" else target
    t = tables.merge(wanted, on=["unit", "work_group", "pay_measure"])
    women = t["against"] == "F"
    t = t.assign(
        other_level=np.where(women, t[f"{level}_men"], t[f"{level}_women"]),
        # what the lower-paid gender's mean lacks, times their number: the raw gap in kronor
        raw_need=np.where(women, t["n_women"], t["n_men"])
        * (
            np.where(women, t["mean_men"], t["mean_women"])
            - np.where(women, t["mean_women"], t["mean_men"])
        ),
    )[["unit", "work_group", "pay_measure", "other_level", "raw_need"]]
    p = p.merge(t, on=["unit", "work_group", "pay_measure"])
    if target == "expected":
        # the pay the group's regression expects for this person as the other gender; where
        # no regression ran (too few of one gender), the other gender's mean
        p = p.assign(target_pay=p["as_other"].fillna(p["other_level"]))
    else:
        p = p.assign(target_pay=p["other_level"])
    p = p.assign(lift=p["target_pay"] - p["pay"])
    p = p[p["lift"] > 0]
    if target == "expected" and len(p):
        # without a regression, lifting everyone below the other gender's mean up to it would
        # carry the lower-paid gender's mean past the other's: share the raw gap instead, in
        # proportion to each person's distance below, so the two means meet
        raw = p["as_other"].isna()
        total = p[raw].groupby("item_key")["lift"].transform("sum")
        scale = (p.loc[raw, "raw_need"] / total).clip(upper=1.0)
        p.loc[raw, "lift"] = p.loc[raw, "lift"] * scale
        p.loc[raw, "target_pay"] = p.loc[raw, "pay"] + p.loc[raw, "lift"]
        _close_adjusted(p, work)
        p = p[p["lift"] > 0]
    return p[cols].sort_values(["item_key", "employee_id"], kind="stable").reset_index(drop=True)


def _close_adjusted(p: pd.DataFrame, work: list[Any]) -> None:
    """Where a regression flagged the gap, lifting everyone below their pay as the other gender
    can carry the adjusted gap past zero: scale each item's lifts by one factor k so the
    refitted gender coefficient is zero (in place). The coefficient moves by ``a·Δlog pay``
    (``a`` the gender row of the design's pseudo-inverse), so k is found by bisection."""
    models = {
        ("" if u is None else str(u), str(g), pay): m
        for r in work
        for (u, g, pay), m in (getattr(r, "models", None) or {}).items()
    }
    fitted = p[p["as_other"].notna()]
    for (unit, group, pay), rows in fitted.groupby(["unit", "work_group", "pay_measure"]):
        model = models.get((unit, str(group), pay))
        if model is None:
            continue
        exog = np.asarray(model.model.exog, dtype=float)
        a = np.linalg.pinv(exog)[1]
        c = float(model.params[1])
        pos = rows["fit_row"].to_numpy(int)
        lift, pay_now = rows["lift"].to_numpy(float), rows["pay"].to_numpy(float)

        def coef(k: float, pos=pos, lift=lift, pay_now=pay_now, a=a, c=c) -> float:
            return c + float(a[pos] @ np.log1p(k * lift / pay_now))

        if np.sign(coef(1.0)) != -np.sign(c):  # does not overshoot: keep every lift
            continue
        lo, hi = 0.0, 1.0
        for _ in range(50):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if np.sign(coef(mid)) == np.sign(c) else (lo, mid)
        p.loc[rows.index, "lift"] = lift * hi
        p.loc[rows.index, "target_pay"] = pay_now + lift * hi


def _as_other_gender(result: Any) -> pd.DataFrame:
    """The result's people with ``as_other``: the pay the group's regression (log pay on
    gender and the controls) predicts for each person with the other gender, same controls;
    NaN where the group had no regression."""
    people = result.people.copy()
    people["as_other"] = np.nan
    people["fit_row"] = -1  # the person's row in the group's regression
    if people.empty or not getattr(result, "models", None):
        return people
    unit = people["unit"].fillna("").astype(str)
    for (u, g, pay), model in result.models.items():
        rows = np.flatnonzero(
            (unit == ("" if u is None else str(u))).to_numpy()
            & (people["work_group"].astype(str) == str(g)).to_numpy()
            & (people["pay_measure"] == pay).to_numpy()
        )
        exog = np.asarray(model.model.exog, dtype=float).copy()
        if len(rows) != len(exog):
            continue  # rows and fit do not line up: keep the fallback
        exog[:, 1] = 1.0 - exog[:, 1]  # column 1 is the female indicator
        people.iloc[rows, people.columns.get_loc("as_other")] = np.exp(exog @ model.params)
        people.iloc[rows, people.columns.get_loc("fit_row")] = np.arange(len(rows))
    return people


def _person_items(lifts: pd.DataFrame, register: pd.DataFrame) -> pd.DataFrame:
    """One person item per lifted person: in the plan unless explained as not gender-related."""
    if lifts.empty:
        return pd.DataFrame(columns=ITEM_COLUMNS)
    best = lifts.sort_values("lift", ascending=False, kind="stable").drop_duplicates("employee_id")
    best = best.sort_values("employee_id", kind="stable")
    items = pd.DataFrame(
        {
            "item_kind": "person",
            "item_key": best["employee_id"].astype(str).to_numpy(),
            "text": "",
            "flagged": True,
            "unit": best["unit"].to_numpy(),
            "group": best["work_group"].to_numpy(),
            "comparator": best["item_key"].to_numpy(),
            "pay_measure": best["pay_measure"].to_numpy(),
            "gap_pct": (100 * (best["pay"] / best["target_pay"] - 1)).to_numpy(),
        }
    )
    return _attach(items, register)


def _orphans(items: pd.DataFrame, register: pd.DataFrame) -> pd.DataFrame:
    """Register rows that match no item this year stay visible, marked no_item."""
    if register.empty:
        return items
    known = set(zip(items["item_kind"], items["item_key"], strict=True))
    mask = [
        (k, v) not in known
        for k, v in zip(register["item_kind"], register["item_key"], strict=True)
    ]
    rest = register[mask]
    if rest.empty:
        return items
    extra = rest[REGISTER_COLUMNS + ["source_row"]].assign(
        source="person",
        flagged=False,
        status="no_item",
        needs_action=False,
        unit="",
        group="",
        comparator="",
        pay_measure="",
        gap_pct=np.nan,
    )
    return pd.concat([items, extra], ignore_index=True)


def _summary_warnings(items: pd.DataFrame, lifts: pd.DataFrame) -> list[str]:
    out = []
    open_ = items[items["flagged"].astype(bool) & items["status"].eq("unexplained")]
    by_kind = open_[open_["item_kind"] != "person"]["item_kind"].value_counts()
    if len(by_kind):
        parts = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in by_kind.items())
        people = lifts["employee_id"].nunique()
        out.append(
            f"flagged items without an explanation: {parts}; they are in the action plan"
            + (f" ({people} people lifted)" if people else "")
            + " until explained in the explanations register"
        )
    orphans = items[items["status"] == "no_item"]
    if len(orphans):
        keys = ", ".join(repr(k) for k in orphans["item_key"].head(3))
        out.append(
            f"{len(orphans)} explanations match no item of this survey (e.g. {keys}); check "
            "the keys against data/explanations.csv"
        )
    return out

"""How the plan's first step is paid: the salary review's reserve against the need, in the
summary and the plan section (DL 3:10 asks for corrections to be funded, not only costed)."""

from __future__ import annotations

import pandas as pd

from ..review import plan_steps
from ._sections import Writer

__all__ = [
    "from_organisation",
    "funding_words",
    "hidden_measures",
    "org_reach",
    "unit_is_small",
]


def hidden_measures(w: Writer) -> dict | None:
    """In a manager or public edition, the measures it shows without amounts — every person
    measure and the group measures of small groups — as the pipeline sums them in the
    manifest (``suppression.hidden_measures``): ``n_people``, ``n_measures``, ``cost_yearly``
    (None where fewer than ``min_cell`` people stand behind it) of both together, their parts
    ``persons`` and ``small_groups`` (the same keys), and ``by_year`` (year → the same; the
    overview only). In a unit's report, the unit's own (``by_unit``). None in the hr and union
    editions. Unknown figures are None (an older manifest without the key)."""
    if not w.aggregate:
        return None
    s = w.run.manifest.get("suppression") or {}
    hm = s.get("hidden_measures")
    none = {"n_people": None, "n_measures": None, "cost_yearly": None}
    unknown = none | {"persons": none, "small_groups": none, "by_year": {}}
    if not isinstance(hm, dict):
        return _from_rows(w) or unknown

    def flat(d: dict) -> dict:
        return {
            **none,
            **d.get("total", {}),
            "persons": d.get("persons", none),
            "small_groups": d.get("small_groups", none),
        }

    if w.unit is None:
        return flat(hm) | {"by_year": {y: flat(v) for y, v in hm.get("by_year", {}).items()}}
    mine = (hm.get("by_unit") or {}).get(w.unit)
    if mine is None:  # the unit has no measure without amounts
        zero = {"n_people": 0, "n_measures": 0, "cost_yearly": 0.0}
        return zero | {"persons": zero, "small_groups": zero, "by_year": {}}
    return flat(mine) | {"by_year": {}}


def _from_rows(w: Writer) -> dict | None:
    """Without the manifest's sums: the person measures of the plan's rows in scope, where
    the rows still hold them; None where they do not."""
    rows = w.plan_rows()
    person = rows[rows["kind"] == "person"] if len(rows) else rows
    if person.empty:
        return None
    n = int(person["employee_id"].nunique())
    cost = float(person["cost_yearly"].sum()) if n >= w.min_cell else None
    years = {
        str(y): {
            "n_people": int(g["employee_id"].nunique()),
            "n_measures": int(g["measure_id"].nunique()),
        }
        | {
            "cost_yearly": float(g["cost_yearly"].sum())
            if g["employee_id"].nunique() >= w.min_cell
            else None
        }
        for y, g in person.groupby("year")
    }
    return {
        "n_people": n,
        "n_measures": int(person["measure_id"].nunique()),
        "cost_yearly": cost,
        "by_year": years if w.unit is None else {},
    }


def unit_is_small(w: Writer) -> bool:
    """A unit's report in a manager or public edition where the unit has fewer than
    ``min_cell`` women or men: its pay bill is not a figure to show."""
    if not w.aggregate or w.unit is None:
        return False
    g = w.frame["gender"].astype(str)
    return bool(min((g == "F").sum(), (g == "M").sum()) < w.min_cell)


def from_organisation(steps: pd.DataFrame) -> pd.Series:
    """Steps that come from an organisation-wide comparison: an organisation-wide group
    measure, or a person raised through an organisation-wide item (its key starts with "/")."""
    keys = steps["item_keys"].astype(str).str.split(";")
    via_org = keys.map(lambda ks: any(k.startswith("/") for k in ks))
    return (steps["unit"].astype(str) == "") | via_org


def _own_need(w: Writer, steps: pd.DataFrame) -> float:
    """Kronor a month of the first step's measures that come from the unit's own comparisons;
    the rest of a unit pot's need is organisation-wide measures on the unit's staff."""
    own = steps[(steps["unit"].astype(str) == w.unit) & ~from_organisation(steps)]
    return float((own["adjustment_monthly"] * own["fte_total"]).sum())


def org_reach(w: Writer) -> str | None:
    """In a unit's report: the organisation-wide group measures that raise the unit's staff
    (they are not the unit's own measures but are paid from its pot); None elsewhere."""
    if w.unit is None:
        return None
    plan = w.results["action_plan"].measures
    org = plan[(plan["unit"].astype(str) == "") & (plan["kind"] == "equal_value")]
    staff = w.frame[w.frame["job_code"].astype(str).isin(org["job_code"].astype(str))]
    if staff.empty:
        return None
    by = org.set_index(org["job_code"].astype(str))["adjustment_total"]
    kr = float((staff["job_code"].astype(str).map(by) * staff["fte"]).sum())
    cost = kr * 12 * (1 + w.results["action_plan"].overhead)
    jobs = ", ".join(w.job(j) for j in sorted(set(staff["job_code"].astype(str))))
    if w.aggregate and len(staff) < w.min_cell:  # a few people's cost gives their hours away
        return w.tr(
            f"Dessutom höjs {w.num(len(staff))} av enhetens anställda genom åtgärder för hela "
            f"organisationen ({jobs}); kostnaden för enheten visas inte (färre än "
            f"{w.min_cell} personer). Åtgärderna finns i översiktens handlingsplan.",
            f"In addition {w.num(len(staff))} of the unit's staff are raised by "
            f"organisation-wide measures ({jobs}); the unit's cost is not shown (fewer than "
            f"{w.min_cell} people). The measures are in the overview's action plan.",
        )
    return w.tr(
        f"Dessutom höjs {w.num(len(staff))} av enhetens anställda genom åtgärder för hela "
        f"organisationen ({jobs}): {w.kr(kr)} per månad, {w.kr(cost)} per år med "
        "lönebikostnader. De finns i översiktens handlingsplan.",
        f"In addition {w.num(len(staff))} of the unit's staff are raised by organisation-wide "
        f"measures ({jobs}): {w.kr(kr)} a month, {w.kr(cost)} a year with overhead. They are in "
        "the overview's action plan.",
    )


def _org_jobs(w: Writer, steps: pd.DataFrame) -> str:
    """The jobs of the unit's staff raised through organisation-wide comparisons."""
    org = steps[from_organisation(steps)]
    group = org[org["unit"].astype(str) == ""]["job_code"].astype(str)
    people = org[org["unit"].astype(str) == w.unit]["job_code"].astype(str)
    jobs = (set(group) & set(w.frame["job_code"].astype(str))) | set(people)
    return ", ".join(w.job(j) for j in sorted(jobs))


def funding_words(w: Writer) -> str | None:
    """The salary review's reserve against the first step, or None without a review pot."""
    f = w.results.get("plan_funding")
    plan = w.results["action_plan"]
    if f is None:
        return None
    total_need = float(f["plan_need"].sum())
    total_reserve = float(f["plan_reserve"].sum())
    if w.unit is not None:
        f = f[f["unit"].astype(str) == w.unit]
        if f.empty:
            return None
    need, reserve = float(f["plan_need"].sum()), float(f["plan_reserve"].sum())
    review_date = w.run.config.review.effective_date
    if total_need <= 0 and len(plan.table):
        return w.tr(
            f"Inget steg i handlingsplanen träder i kraft vid löneöversynen {review_date}; "
            "löneöversynens reserv för handlingsplanen används därför inte, och planens steg "
            "måste finansieras vid sina egna datum.",
            f"No step of the action plan takes effect at the salary review of {review_date}; "
            "the review's reserve for the plan is therefore not used, and the plan's steps must "
            "be funded at their own dates.",
        )
    if w.unit is not None and w.aggregate:
        return _unit_funding_aggregate(w, need, reserve, float(f["shortfall"].sum()), review_date)
    short_pots = f[f["shortfall"] >= 1]
    short = float(short_pots["shortfall"].sum())
    unused = float((f["plan_reserve"] - f["plan_paid"]).clip(lower=0).sum())
    share = w.pct(100 * float(w.run.config.review.action_plan_share), 0)
    # the steps this review pays, chosen as the review chooses them
    first = plan_steps(plan.table, review_date)
    when = str(first["effective_date"].iloc[0]) if len(first) else str(review_date)
    text = w.tr(
        f"Första steget ({when}) kräver {w.kr(need)} per månad (höjning × sysselsättningsgrad)",
        f"The first step ({when}) needs {w.kr(need)} a month (raise × fte)",
    )
    if w.unit is not None:
        org = need - _own_need(w, first)
        text += w.tr(" ur enhetens pott", " from the unit's pot")
        if org >= 1:
            text += w.tr(
                f", varav {w.kr(org)} för åtgärder för hela organisationen som gäller enhetens "
                f"anställda ({_org_jobs(w, first)})",
                f", of which {w.kr(org)} for organisation-wide measures on the unit's staff "
                f"({_org_jobs(w, first)})",
            )
    text += w.tr(
        f". Löneöversynen avsätter {share} av potten, {w.kr(reserve)} per månad, till "
        "handlingsplanen",
        f". The salary review sets aside {share} of the pot, {w.kr(reserve)} a month, for the "
        "action plan",
    )
    pots = len(f)
    text += (
        w.tr(f", fördelat på {w.num(pots)} enheters potter.", f", spread over {w.num(pots)} pots.")
        if pots > 1
        else "."
    )
    if short < 1:
        return text + w.tr(" Reserven räcker.", " The reserve is enough.")
    if pots > 1:
        text += w.tr(
            f" Reserven räcker inte i {w.num(len(short_pots))} av dem: där saknas sammanlagt "
            f"{w.kr(short)} per månad",
            f" The reserve is short in {w.num(len(short_pots))} of them: together "
            f"{w.kr(short)} a month is missing there",
        )
    else:
        text += w.tr(
            f" Reserven räcker inte: det saknas {w.kr(short)} per månad",
            f" The reserve is short by {w.kr(short)} a month",
        )
    text += w.tr(
        ", som måste finansieras utanför potten eller betalas vid en senare lönerevision inom "
        "tre år.",
        ", to be funded outside the pot or paid at a later pay review within three years.",
    )
    if pots > 1 and unused >= 1:
        text += w.tr(
            f" I de andra blir {w.kr(unused)} per månad av reserven över och går till den "
            "individuella lönesättningen.",
            f" In the others {w.kr(unused)} a month of the reserve is left over and goes to "
            "individual pay setting.",
        )
    if w.unit is None and pots > 1 and total_reserve >= total_need:
        text += w.tr(
            f" Räknat för hela organisationen räcker reserven ({w.kr(total_reserve)} mot "
            f"{w.kr(total_need)}): en gemensam reserv för handlingsplanen, i stället för en "
            "per enhet, skulle betala hela första steget.",
            f" Across the whole organisation the reserve is enough ({w.kr(total_reserve)} "
            f"against {w.kr(total_need)}): one reserve for the plan instead of one per unit "
            "would pay the whole first step.",
        )
    return text


def _unit_funding_aggregate(
    w: Writer, need: float, reserve: float, short: float, review_date: object
) -> str:
    """A unit's pot in a manager or public edition: whether its reserve pays the first step, in
    words only — its need is its people's raises, its reserve a share of its pay bill."""
    hidden = hidden_measures(w) or {}
    n = hidden.get("n_measures")
    shown = n == 0 or (n is not None and hidden.get("cost_yearly") is not None)
    if not shown or unit_is_small(w):
        k = w.min_cell
        return w.tr(
            f"Vad enhetens pott behöver till handlingsplanen vid löneöversynen {review_date} visas "
            f"inte i denna utgåva: beloppet bygger på färre än {k} personers höjningar eller "
            "löner. Det finns i HR:s utgåva.",
            f"What the unit's pot needs for the action plan at the salary review of {review_date} "
            f"is not shown in this edition: the amount rests on fewer than {k} people's raises "
            "or pay. It is in HR's edition.",
        )
    # no kronor: the need less the unit's plan cost is the organisation-wide measures on its
    # staff, a few people's raise × fte; the reserve is a share of the unit's pay bill
    if short < 1:
        return w.tr(
            f"Enhetens pott vid löneöversynen {review_date} räcker till handlingsplanens första "
            "steg. Beloppen finns i HR:s utgåva.",
            f"The unit's pot at the salary review of {review_date} pays the action plan's first "
            "step. The amounts are in HR's edition.",
        )
    return w.tr(
        f"Enhetens pott vid löneöversynen {review_date} räcker inte till handlingsplanens första "
        "steg; resten måste finansieras utanför potten eller betalas vid en senare lönerevision "
        "inom tre år. Beloppen finns i HR:s utgåva.",
        f"The unit's pot at the salary review of {review_date} does not pay the action plan's "
        "first step; the rest is to be funded outside the pot or paid at a later pay review "
        "within three years. The amounts are in HR's edition.",
    )

"""The gender check of a salary-review proposal before anything is decided
(job-evaluation.md §3.5).

Every check reads the review table (one row per employment, ``review._COLUMNS``) of the people
who take part. Flags go back to the manager with the group's context; the decision stays with
the manager. A flag row names the unit ("" = organisation), the check, its subject and a message
in English and Swedish.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .._format import fmt_kr, fmt_number, fmt_pct
from ..io import PayData

__all__ = [
    "gender_raises",
    "rating_distribution",
    "raise_regression",
    "spread",
    "whatif",
    "FLAG_COLUMNS",
    "Thresholds",
]

FLAG_COLUMNS = ["unit", "check", "subject", "value", "threshold", "message", "message_sv"]
GENDER_COLUMNS = [
    "scope",
    "unit",
    "job_code",
    "gender",
    "n",
    "mean_raise",
    "median_raise",
    "mean_raise_pct",
    "median_raise_pct",
    "share_raised",
    "share_above_median",
    "mean_rating",
]
WHATIF_COLUMNS = [
    "item_kind",
    "item_key",
    "unit",
    "group",
    "comparator",
    "pay_measure",
    "measure",
    "before",
    "after",
    "change",
    "flagged_before",
    "flagged_after",
    "status",
    "widens",
]


_MEASURE = {"base_salary": ("base salary", "grundlön"), "monthly_pay": ("monthly pay", "månadslön")}

#: What each check is called in the manager's workbook: (English, Swedish).
CHECK_LABELS = {
    "pot_overrun": ("Pot overrun", "Potten överskrids"),
    "lower_raise_equal_rating": (
        "Lower raises for women at equal rating",
        "Lägre höjning för kvinnor vid samma bedömning",
    ),
    "regression_gender": ("Gender term in the raise regression", "Kön påverkar höjningen"),
    "above_median_share": ("Share above the median raise", "Andel över medianhöjningen"),
    "rating_gap": ("Ratings differ by gender", "Bedömningarna skiljer sig mellan könen"),
    "widens_gap": ("Widens an unexplained gap", "Ökar en oförklarad skillnad"),
    "below_plan": ("Below the action plan", "Under handlingsplanens justering"),
}


class Thresholds:
    """When a check flags: ``raise_gap_pp`` (women's raise % below men's at equal rating, pp),
    ``share_gap_pp`` (gap in the share above the median raise, the French Index Égapro's
    10 pp), ``rating_gap`` (mean rating, levels), ``min_n`` (people of each gender) and
    ``alpha`` (the regression's gender term, which must also be at least ``material_pp``);
    a survey gap widens when it moves at least ``material_pp`` percentage points."""

    raise_gap_pp = 0.5
    share_gap_pp = 10.0
    rating_gap = 0.3
    min_n = 3
    min_n_share = 10  # the share and rating checks need this many of each gender
    alpha = 0.05
    material_pp = 0.1  # a regression term or a gap change smaller than this is noise
    median_tol_pp = 0.05  # "above the median raise" means clearly above, not by krona rounding
    min_n_rating = 5  # people of each gender compared at equal rating (job-evaluation.md §3.5)


def _scopes(table: pd.DataFrame) -> list[tuple[str, str, str, pd.DataFrame]]:
    """(scope, unit, job_code, rows): the organisation, each unit, each job within a unit."""
    out = [("organisation", "", "", table)]
    for unit, rows in table.groupby("unit", sort=True):
        out.append(("unit", str(unit), "", rows))
    for (unit, job), rows in table.groupby(["unit", "job_code"], sort=True):
        out.append(("job", str(unit), str(job), rows))
    return out


_LEVELS = (("organisation", []), ("unit", ["unit"]), ("job", ["unit", "job_code"]))


def gender_raises(table: pd.DataFrame) -> pd.DataFrame:
    """Raise in kronor and percent by gender per organisation, unit and job within a unit.

    ``share_above_median`` is the share of the gender whose raise (in percent) is above the
    median raise of everyone in the scope (by more than ``Thresholds.median_tol_pp``).
    """
    frames = []
    t = table.assign(_org="")
    for scope, keys in _LEVELS:
        by = keys or ["_org"]
        median = t.groupby(by)["raise_pct"].transform("median")
        d = t.assign(
            _above=(t["raise_pct"] > median + Thresholds.median_tol_pp).astype(float),
            _raised=(t["raise"] > 0).astype(float),
        )
        g = d.groupby([*by, "gender"])
        agg = pd.DataFrame(
            {
                "n": g.size(),
                "mean_raise": g["raise"].mean(),
                "median_raise": g["raise"].median(),
                "mean_raise_pct": g["raise_pct"].mean(),
                "median_raise_pct": g["raise_pct"].median(),
                "share_raised": 100 * g["_raised"].mean(),
                "share_above_median": 100 * g["_above"].mean(),
                "mean_rating": g["rating"].mean(),
            }
        )
        scopes = d[by].drop_duplicates().sort_values(by) if len(d) else pd.DataFrame({"_org": [""]})
        full = pd.MultiIndex.from_tuples(
            [(*s, gender) for s in scopes.itertuples(index=False) for gender in ("F", "M")],
            names=[*by, "gender"],
        )
        agg = agg.reindex(full).reset_index()
        agg["n"] = agg["n"].fillna(0).astype(int)
        agg["scope"] = scope
        for column in ("unit", "job_code"):
            agg[column] = agg[column].astype(str) if column in by else ""
        frames.append(agg[GENDER_COLUMNS])
    return pd.concat(frames, ignore_index=True)


def rating_distribution(table: pd.DataFrame, levels: Sequence[int]) -> pd.DataFrame:
    """People per overall rating level and gender, with the share of the gender, per
    organisation and unit."""
    rows = []
    for scope, unit, _, t in _scopes(table):
        if scope == "job":
            continue
        for gender in ("F", "M"):
            g = t[t["gender"] == gender]
            for level in levels:
                n = int((g["rating_level"] == level).sum())
                rows.append(
                    {
                        "scope": scope,
                        "unit": unit,
                        "gender": gender,
                        "rating_level": level,
                        "n": n,
                        "share": 100 * n / len(g) if len(g) else np.nan,
                    }
                )
    return pd.DataFrame(rows, columns=["scope", "unit", "gender", "rating_level", "n", "share"])


def raise_regression(
    table: pd.DataFrame, th: type[Thresholds] = Thresholds
) -> tuple[pd.DataFrame, Any]:
    """OLS of the raise in percent on rating level, compa-ratio band and gender, per
    organisation (with unit) and unit. ``coef_female`` is the women's raise minus the men's at
    equal rating and band, in percentage points. Returns the table and the organisation's fit."""
    import statsmodels.formula.api as smf  # on first use: importing it reads SOURCE_DATE_EPOCH

    rows, org_model = [], None
    for scope, unit, _, t in _scopes(table):
        if scope == "job":
            continue
        t = t[t["rating_level"].notna()].assign(
            female=lambda d: (d["gender"] == "F").astype(float),
            level=lambda d: d["rating_level"].astype(int).astype(str),
        )
        nw, nm = int((t["female"] == 1).sum()), int((t["female"] == 0).sum())
        terms = [
            c
            for c, col in (("C(level)", "level"), ("C(cr_band)", "cr_band"), ("C(unit)", "unit"))
            if t[col].nunique() > 1
        ]
        if scope == "unit":
            terms = [c for c in terms if c != "C(unit)"]
        df_resid = (
            len(t)
            - 2
            - sum(int(t[c[2:-1] if c != "C(level)" else "level"].nunique()) - 1 for c in terms)
        )
        row = {
            "scope": scope,
            "unit": unit,
            "n_women": nw,
            "n_men": nm,
            "coef_female": np.nan,
            "se": np.nan,
            "p_value": np.nan,
            "ci_low": np.nan,
            "ci_high": np.nan,
        }
        if min(nw, nm) >= th.min_n and df_resid >= 2 and t["raise_pct"].std() > 0:
            fit = smf.ols(" + ".join(["raise_pct ~ female", *terms]), data=t).fit()
            lo, hi = fit.conf_int().loc["female"]
            row.update(
                coef_female=fit.params["female"],
                se=fit.bse["female"],
                p_value=fit.pvalues["female"],
                ci_low=lo,
                ci_high=hi,
            )
            if scope == "organisation":
                org_model = fit
        rows.append(row)
    return pd.DataFrame(rows), org_model


def spread(before: pd.DataFrame, after: pd.DataFrame, units: pd.Series) -> pd.DataFrame:
    """P10, P50, P90 and P90/P10 of base salary before and after, per organisation and unit."""
    rows = []
    groups = [("", slice(None))] + [(str(u), units == u) for u in sorted(units.unique())]
    for unit, mask in groups:
        for stage, frame in (("before", before), ("after", after)):
            pay = frame.loc[mask, "base_salary"] if unit else frame["base_salary"]
            p10, p50, p90 = (float(pay.quantile(q)) for q in (0.1, 0.5, 0.9))
            rows.append(
                {
                    "unit": unit,
                    "stage": stage,
                    "n": len(pay),
                    "p10": p10,
                    "p50": p50,
                    "p90": p90,
                    "p90_p10": p90 / p10 if p10 else np.nan,
                }
            )
    return pd.DataFrame(rows)


def whatif(
    before: Mapping[str, Any],
    after: Mapping[str, Any],
    statuses: Mapping[str, str] | None,
    th: type[Thresholds] = Thresholds,
) -> pd.DataFrame:
    """The survey's items before and after the proposal, and whether the proposal widens an
    unjustified gap.

    ``before``/``after`` hold ``equal_work`` (list of results: organisation then units) and
    ``equal_value`` (list, possibly empty). Equal work compares women's pay as a percentage of
    men's (it widens when it moves further from 100); equal value the female-dominated job's gap
    to the comparator (it widens when it falls further below 0). ``statuses`` maps item keys to
    the explanations' status after the proposal; without it every flagged item is unjustified.
    """
    frames = []
    for kind, measure, cols in (
        ("equal_work", "women_pct_of_men", ["unit", "work_group", "pay_measure"]),
        (
            "equal_value",
            "pay_gap_pct",
            ["unit", "female_dominated_job", "comparator_job", "pay_measure"],
        ),
    ):
        b = _items(before.get(kind) or [], cols, measure)
        a = _items(after.get(kind) or [], cols, measure)
        if b.empty and a.empty:
            continue
        m = b.merge(a, on=cols, how="outer", suffixes=("_before", "_after"))
        m["item_kind"] = kind
        m["item_key"] = m[cols].astype(str).agg("/".join, axis=1)
        m["group"] = m[cols[1]]
        m["comparator"] = m["comparator_job"] if kind == "equal_value" else ""
        m["measure"] = measure
        m["before"], m["after"] = m[f"{measure}_before"], m[f"{measure}_after"]
        frames.append(m)
    if not frames:
        return pd.DataFrame(columns=WHATIF_COLUMNS)
    t = pd.concat(frames, ignore_index=True)
    t["flagged_before"] = t["flagged_before"].fillna(False).astype(bool)
    t["flagged_after"] = t["flagged_after"].fillna(False).astype(bool)
    t["change"] = t["after"] - t["before"]
    tol = th.material_pp
    worse = np.where(
        t["item_kind"] == "equal_work",
        (t["after"] - 100).abs() > (t["before"] - 100).abs() + tol,
        (t["after"] < 0) & (t["after"] < t["before"] - tol),
    )
    known = dict(statuses or {})
    status = pd.Series([known.get(k, "") for k in t["item_key"]], index=t.index, dtype=object)
    justified = status.isin(["explained"]) if statuses else pd.Series(False, index=t.index)
    t["status"] = status
    t["widens"] = worse & (t["flagged_before"] | t["flagged_after"]) & ~justified
    return t[WHATIF_COLUMNS]


def _items(results: list[Any], cols: list[str], measure: str) -> pd.DataFrame:
    tables = [r.table for r in results if r is not None and len(r.table)]
    if not tables:
        return pd.DataFrame(columns=[*cols, measure, "flagged"])
    t = pd.concat(tables, ignore_index=True)
    t["unit"] = t["unit"].fillna("").astype(str)
    return t[[*cols, measure, "flagged"]]


def flags(
    table: pd.DataFrame,
    units: pd.DataFrame,
    gender: pd.DataFrame,
    regression: pd.DataFrame,
    changes: pd.DataFrame,
    th: type[Thresholds] = Thresholds,
) -> pd.DataFrame:
    """Every check that calls for a second look, one row each (:data:`FLAG_COLUMNS`)."""
    rows: list[dict[str, Any]] = []

    def add(
        unit: str, check: str, subject: str, value: float, threshold: float, en: str, sv: str
    ) -> None:
        rows.append(
            {
                "unit": unit,
                "check": check,
                "subject": subject,
                "value": value,
                "threshold": threshold,
                "message": en,
                "message_sv": sv,
            }
        )

    for _, u in units.iterrows():
        over = u["total_raises"] - u["pot"]
        if over >= 1:
            add(
                u["unit"],
                "pot_overrun",
                "",
                over,
                0.0,
                f"the raises cost {fmt_kr(over, 0, 'en')} a month more than the pot",
                f"höjningarna kostar {fmt_kr(over, 0)} i månaden mer än potten",
            )
    gaps = _equal_rating_gaps(table)
    for scope, unit, job, _ in _scopes(table):
        where_en = f"unit {unit}" if unit else "the organisation"
        where_sv = f"enheten {unit}" if unit else "hela organisationen"
        if scope == "job":  # equal work within a unit: the equal-rating check only
            where_en, where_sv = f"job {job} in {where_en}", f"befattning {job} i {where_sv}"
        diff, n_w, n_m = gaps.get((scope, unit, job), (0.0, 0, 0))
        if min(n_w, n_m) >= th.min_n_rating and diff <= -th.raise_gap_pp:
            add(
                unit,
                "lower_raise_equal_rating",
                job,
                diff,
                -th.raise_gap_pp,
                f"in {where_en} women get {fmt_number(-diff, 2, 'en')} percentage points lower "
                f"raises than men with the same overall rating ({n_w} women, {n_m} men compared)",
                f"i {where_sv} får kvinnor {fmt_number(-diff, 2)} procentenheter lägre höjning än "
                f"män med samma samlade bedömning ({n_w} kvinnor och {n_m} män jämförda)",
            )
        if scope == "job":
            continue
        g = gender[(gender["scope"] == scope) & (gender["unit"] == unit)].set_index("gender")
        if {"F", "M"} <= set(g.index) and min(g.loc["F", "n"], g.loc["M", "n"]) >= th.min_n_share:
            gap = g.loc["F", "share_above_median"] - g.loc["M", "share_above_median"]
            if abs(gap) > th.share_gap_pp:
                who_en, who_sv = ("women", "kvinnor") if gap < 0 else ("men", "män")
                add(
                    unit,
                    "above_median_share",
                    "",
                    gap,
                    th.share_gap_pp,
                    f"in {where_en} fewer {who_en} get a raise above the median ("
                    f"{fmt_pct(g.loc['F', 'share_above_median'], 0, 'en')} of women, "
                    f"{fmt_pct(g.loc['M', 'share_above_median'], 0, 'en')} of men)",
                    f"i {where_sv} får färre {who_sv} en höjning över medianen ("
                    f"{fmt_pct(g.loc['F', 'share_above_median'], 0)} av kvinnorna, "
                    f"{fmt_pct(g.loc['M', 'share_above_median'], 0)} av männen)",
                )
            rgap = g.loc["F", "mean_rating"] - g.loc["M", "mean_rating"]
            if abs(rgap) >= th.rating_gap:
                add(
                    unit,
                    "rating_gap",
                    "",
                    rgap,
                    th.rating_gap,
                    f"in {where_en} women's mean overall rating is {fmt_number(rgap, 2, 'en')} "
                    "levels from men's: check the ratings for bias",
                    f"i {where_sv} skiljer sig kvinnornas genomsnittliga bedömning "
                    f"{fmt_number(rgap, 2)} nivåer från männens: granska bedömningarna",
                )
    below = table[table["notes"].str.contains("below_plan", regex=False)]
    for unit, people in below.groupby("unit"):
        add(
            str(unit),
            "below_plan",
            "",
            len(people),
            0.0,
            f"{len(people)} proposals in {unit or 'the organisation'} are below the action plan's "
            "adjustment: the proposal undoes an equal-pay correction",
            f"{len(people)} förslag i {unit or 'organisationen'} ligger under handlingsplanens "
            "lönejustering: förslaget tar tillbaka en jämställdhetsåtgärd",
        )
    for _, r in regression.iterrows():
        if r["p_value"] < th.alpha and r["coef_female"] <= -th.material_pp:
            where_en = f"unit {r['unit']}" if r["unit"] else "the organisation"
            where_sv = f"enheten {r['unit']}" if r["unit"] else "hela organisationen"
            add(
                r["unit"],
                "regression_gender",
                "",
                r["coef_female"],
                th.alpha,
                f"in {where_en} being a woman lowers the raise by "
                f"{fmt_number(-r['coef_female'], 2, 'en')} percentage points at equal rating and "
                f"pay position (p = {r['p_value']:.3f})",
                f"i {where_sv} ger kön kvinna {fmt_number(-r['coef_female'], 2)} procentenheter "
                f"lägre höjning vid samma bedömning och löneläge (p = "
                f"{fmt_number(r['p_value'], 3)})",
            )
    widened = changes[changes["widens"]].drop_duplicates(
        ["item_kind", "unit", "group", "comparator"]
    )
    for _, r in widened.iterrows():  # one flag per item: base salary, else monthly pay
        en, sv = _MEASURE[r["pay_measure"]]
        b_en, a_en = fmt_number(r["before"], 1, "en"), fmt_number(r["after"], 1, "en")
        b_sv, a_sv = fmt_number(r["before"], 1), fmt_number(r["after"], 1)
        if r["item_kind"] == "equal_work":
            msg_en = (
                f"equal work, job {r['group']}: women's {en} as a percentage of men's "
                f"{b_en} → {a_en}"
            )
            msg_sv = (
                f"lika arbete, befattning {r['group']}: kvinnornas {sv} i procent av "
                f"männens {b_sv} → {a_sv}"
            )
        else:
            msg_en = (
                f"equal value, female-dominated job {r['group']} against {r['comparator']}: "
                f"{en} gap {b_en} % → {a_en} %"
            )
            msg_sv = (
                f"likvärdigt arbete, kvinnodominerade {r['group']} mot {r['comparator']}: "
                f"skillnad i {sv} {b_sv} % → {a_sv} %"
            )
        add(
            r["unit"],
            "widens_gap",
            r["item_key"],
            r["change"],
            th.material_pp,
            f"the proposal widens an unexplained gap — {msg_en}",
            f"förslaget ökar en oförklarad skillnad — {msg_sv}",
        )
    return pd.DataFrame(rows, columns=FLAG_COLUMNS)


def _equal_rating_gaps(table: pd.DataFrame) -> dict[tuple[str, str, str], tuple[float, int, int]]:
    """Per (scope, unit, job): women's mean raise % minus men's within each cell of rating level
    and compa-ratio band (the matrix's own cells), averaged with the number of women in the
    cell as weight; and the women and men in cells where both are present."""
    t = table[table["rating_level"].notna()].assign(_org="")
    out = {}
    for scope, keys in _LEVELS:
        by = keys or ["_org"]
        cells = t.groupby([*by, "rating_level", "cr_band", "gender"])["raise_pct"]
        g = cells.agg(["mean", "size"]).unstack("gender")
        if ("size", "F") not in g.columns or ("size", "M") not in g.columns:
            continue
        g = g[g[("size", "F")].notna() & g[("size", "M")].notna()]
        w, m = g[("size", "F")], g[("size", "M")]
        sums = pd.DataFrame({"d": (g[("mean", "F")] - g[("mean", "M")]) * w, "w": w, "m": m})
        for key, r in sums.groupby(level=list(range(len(by)))).sum().iterrows():
            key = key if isinstance(key, tuple) else (key,)
            unit, job = (str(key[0]) if keys else ""), (str(key[1]) if len(keys) == 2 else "")
            out[(scope, unit, job)] = (float(r["d"] / r["w"]), int(r["w"]), int(r["m"]))
    return out


def apply_raises(data: PayData, new_base: pd.Series) -> PayData:
    """A copy of ``data`` with base salary (and monthly pay) at the new level."""
    import dataclasses

    frame = data.frame.copy()
    frame["base_salary"] = new_base.reindex(frame.index).astype(float)
    if "monthly_pay" in frame.columns:
        frame["monthly_pay"] = frame["base_salary"] + frame["supplements"]
    return dataclasses.replace(data, frame=frame)

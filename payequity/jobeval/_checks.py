"""Gender-bias checks on a job evaluation (job-evaluation.md §1.11; law-and-method.md F-C3).

Each check gives rows ``check, subject, value, threshold, flagged, message``:

* ``weighting_test`` — the ILO weighting test: the mean weight of the sub-factors on which
  female-dominated jobs score higher (mean level as a share of the top level) divided by the
  mean weight of those on which male-dominated jobs score higher; flagged below 0.8.
* ``factor_weight`` — each of the four criteria below ``weight_floor`` or above 50 % of points.
* ``subfactor_weight`` — a sub-factor with weight 0, or above 20 %.
* ``dead_subfactor`` — every evaluated job has the same level: it cannot affect the ranking.
* ``evaluators`` — a job evaluated by fewer than three evaluators.
* ``evaluator_spread`` — where several rated a job: the range of their total points; flagged
  when their totals fall in different bands.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._model import CRITERIA, JobModel

WEIGHTING_RATIO = 0.8
MIN_EVALUATORS = 3


def bias_checks(
    t: pd.DataFrame,
    levels: pd.DataFrame | None,
    jm: JobModel,
    external: bool,
    weight_floor: float,
    per_evaluator: pd.DataFrame | None,
    band_width: float,
) -> pd.DataFrame:
    rows: list[dict] = []

    def add(check, subject, value, threshold, flagged, message):
        rows.append(
            {
                "check": check,
                "subject": subject,
                "value": value,
                "threshold": threshold,
                "flagged": bool(flagged),
                "message": message,
            }
        )

    if external:
        add(
            "weighting_test",
            "model",
            np.nan,
            WEIGHTING_RATIO,
            False,
            "not run: external points carry no sub-factor levels",
        )
    else:
        ratio, message = weighting_test(t, levels, jm)
        add(
            "weighting_test",
            "model",
            ratio,
            WEIGHTING_RATIO,
            bool(np.isfinite(ratio) and ratio < WEIGHTING_RATIO),
            message,
        )
        for f in jm.factors:
            if f.id not in CRITERIA:
                continue
            share = f.weight / 100
            low, high = share < weight_floor, share > 0.5
            msg = (
                f"{f.id} has {f.weight:g} % of points"
                + (f", below the floor {weight_floor:.0%}" if low else "")
                + (", above 50 %" if high else "")
            )
            add("factor_weight", f.id, share, weight_floor, low or high, msg)
        for s in jm.subfactors:
            if s.weight == 0 or s.weight > 20:
                add(
                    "subfactor_weight",
                    s.id,
                    s.weight / 100,
                    0.0,
                    True,
                    f"{s.id} has weight {s.weight:g} %"
                    + (": it cannot count at all" if s.weight == 0 else ", above 20 %"),
                )
        if levels is not None and len(levels) > 1:
            for sid in levels.columns:
                if levels[sid].nunique() == 1:
                    add(
                        "dead_subfactor",
                        sid,
                        float(levels[sid].iloc[0]),
                        np.nan,
                        True,
                        f"every job has level {levels[sid].iloc[0]:g} in {sid}: it does not "
                        "affect the ranking; re-read the level descriptions",
                    )
    if len(t) > 2:
        span = float(t["points"].max() - t["points"].min())
        n_bands = int(t["band"].nunique())
        if n_bands == 1 or span / band_width > 25:
            add(
                "band_scale",
                "band_width",
                float(n_bands),
                band_width,
                True,
                f"points run {t['points'].min():g}–{t['points'].max():g}: a band width of "
                f"{band_width:g} gives {n_bands} band(s); set job_evaluation.band_width to about "
                "a tenth of the scale",
            )
    if "n_evaluators" in t and t["n_evaluators"].notna().any():
        for _, r in t[t["n_evaluators"] < MIN_EVALUATORS].iterrows():
            add(
                "evaluators",
                r["job_code"],
                float(r["n_evaluators"]),
                MIN_EVALUATORS,
                True,
                f"job {r['job_code']} was evaluated by {int(r['n_evaluators'])} evaluator(s); "
                f"use at least {MIN_EVALUATORS}",
            )
    else:
        add(
            "evaluators",
            "all jobs",
            np.nan,
            MIN_EVALUATORS,
            False,
            "not known: the file has no evaluator column (one row per job)",
        )
    if per_evaluator is not None:
        # the caller puts each evaluator's total in its band: no import back into jobeval
        spread = per_evaluator.groupby("job_code").agg(
            lo=("points", "min"),
            hi=("points", "max"),
            bands=("band", "nunique"),
            n=("points", "size"),
        )
        for code, r in spread[(spread["n"] > 1) & (spread["hi"] > spread["lo"])].iterrows():
            differ = r["bands"] > 1
            add(
                "evaluator_spread",
                code,
                float(r["hi"] - r["lo"]),
                band_width,
                differ,
                f"evaluators' totals for {code} range {r['lo']:.1f}–{r['hi']:.1f} points"
                + (" and fall in different bands: agree on the levels" if differ else ""),
            )
    return pd.DataFrame(
        rows, columns=["check", "subject", "value", "threshold", "flagged", "message"]
    )


def weighting_test(t: pd.DataFrame, levels: pd.DataFrame | None, jm: JobModel) -> tuple[float, str]:
    """The ILO weighting test (see the module docstring). Returns (ratio, message).

    Examples
    --------
    A model that weights what men's jobs score high on fails:

    >>> import pandas as pd
    >>> from payequity.jobeval._model import model_from_dict
    >>> lv3 = [{"sv": "låg", "en": "low"}, {"sv": "mellan", "en": "mid"}, {"sv": "hög", "en": "high"}]
    >>> def sub(i, w): return {"id": i, "weight": w, "levels": lv3}
    >>> m = model_from_dict({"total_points": 100, "factors": [
    ...     {"id": "skills", "subfactors": [sub("care", 10)]},
    ...     {"id": "responsibility", "subfactors": [sub("machines", 40)]},
    ...     {"id": "effort", "subfactors": [sub("lifting", 40)]},
    ...     {"id": "working_conditions", "subfactors": [sub("noise", 10)]}]})
    >>> t = pd.DataFrame({"job_code": ["f", "m"], "female_dominated": [True, False],
    ...                   "male_dominated": [False, True]})
    >>> lv = pd.DataFrame({"care": [2, 0], "machines": [0, 2], "lifting": [1, 2], "noise": [0, 1]},
    ...                   index=["f", "m"])
    >>> round(weighting_test(t, lv, m)[0], 3)  # 10 / mean(40, 40, 10)
    0.333
    """
    if levels is None:
        return np.nan, "not run: no sub-factor levels"
    fd = t.loc[t["female_dominated"].fillna(False).astype(bool), "job_code"]
    md = t.loc[t["male_dominated"].fillna(False).astype(bool), "job_code"]
    if fd.empty or md.empty:
        return np.nan, "not run: needs both female-dominated and male-dominated evaluated jobs"
    top = {s.id: jm.level_range(s)[1] for s in jm.subfactors}
    norm = levels.apply(lambda col: col / top[col.name])
    mean_f = norm.loc[norm.index.isin(fd)].mean()
    mean_m = norm.loc[norm.index.isin(md)].mean()
    weight = pd.Series({s.id: s.weight for s in jm.subfactors})
    favour_f = weight[mean_f > mean_m + 1e-12]
    favour_m = weight[mean_m > mean_f + 1e-12]
    if favour_m.empty:
        return np.inf, "passed: no sub-factor where male-dominated jobs score higher"
    if favour_f.empty:
        return 0.0, "flagged: no sub-factor where female-dominated jobs score higher"
    ratio = float(favour_f.mean() / favour_m.mean())
    verdict = "flagged" if ratio < WEIGHTING_RATIO else "passed"
    return ratio, (
        f"{verdict}: mean weight {favour_f.mean():.2f} % where female-dominated jobs score higher "
        f"({', '.join(favour_f.index)}) vs {favour_m.mean():.2f} % where male-dominated jobs do "
        f"({', '.join(favour_m.index)}); ratio {ratio:.2f}, flag below {WEIGHTING_RATIO}"
    )

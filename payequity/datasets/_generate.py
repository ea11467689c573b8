"""The sample municipality: a deterministic generator of realistic fictional pay data.

``Exempelkommun`` has eight förvaltningar, their enheter, and about thirty municipal jobs (see
:mod:`payequity.datasets._jobs`). Pay follows a gender-neutral line in job points (default factor
model, 1 200 points) plus a small market deviation per job, tenure, age and individual noise.
With ``gender_effect=True`` exactly two unjustified gaps are injected and returned as records
(the ``injected_gaps.json`` of the sample):

* ``equal_work``: women in :data:`EQUAL_WORK_JOB` (behandlingsassistent, a mixed job) earn 6 %
  less base salary than men in the same job;
* ``equal_value``: the female-dominated :data:`EQUAL_VALUE_JOB` (sjuksköterska) has a pay level
  10 % below the line, while its comparator of equal value, :data:`EQUAL_VALUE_COMPARATOR`
  (ingenjör, same points, not female-dominated), sits on the line.

Nothing else in pay, supplements, variable pay, fte, hours, age or tenure depends on gender.
Everything is drawn from one ``np.random.default_rng(seed)``: the same arguments give the same
frame and byte-identical files.

Examples
--------
>>> from payequity.datasets import generate_frame
>>> frame, injected = generate_frame(400, seed=1)
>>> len(frame), frame["unit_path"].str.split("/").str[0].nunique()
(400, 8)
>>> [gap["kind"] for gap in injected]
['equal_work', 'equal_value']
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from payequity.datasets import _jobs as sj
from payequity.datasets._plan import _apply_plan, _realise_plan
from payequity.exceptions import ParameterError, SchemaError

__all__ = ["COLUMNS", "generate_frame"]

#: Canonical columns of the generated frame, in order (``hire_date`` is ``datetime64[ns]``).
COLUMNS: tuple[str, ...] = (
    "employee_id",
    "gender",
    "birth_year",
    "unit",
    "unit_path",
    "job_code",
    "job_title",
    "fte",
    "base_salary",
    "supplements",
    "variable_pay",
    "weekly_hours",
    "hire_date",
    "employment_form",
    "is_manager",
    "manager_id",
    "fixed_supplement",
    "responsibility_supplement",
)
EQUAL_WORK_JOB = sj.JOBS_BY_TITLE["Behandlingsassistent"]
EQUAL_WORK_FACTOR = 0.94
EQUAL_VALUE_JOB = sj.JOBS_BY_TITLE["Sjuksköterska"]
EQUAL_VALUE_COMPARATOR = sj.JOBS_BY_TITLE["Ingenjör"]
EQUAL_VALUE_FACTOR = 0.90

BASE_YEAR = 2026  # the catalogue's pay levels are for this year
GENERAL_RAISE = 0.03  # yearly; also scales pay levels to other years
LEAVE_RATE = 0.08
MAX_AGE = 67
NOISE_SD = 0.035
UNIT_SD = 0.01
TENURE_EFFECT, TENURE_CAP, TENURE_CENTRE = 0.006, 20.0, 7.0
AGE_EFFECT, AGE_CENTRE = 0.0015, 42.0

_FTE = {
    "care": ((1.0, 0.9, 0.875, 0.8, 0.75, 0.6, 0.5), (0.40, 0.12, 0.08, 0.15, 0.15, 0.05, 0.05)),
    "school": ((1.0, 0.9, 0.875, 0.8, 0.75, 0.5), (0.70, 0.07, 0.03, 0.12, 0.05, 0.03)),
    "standard": ((1.0, 0.9, 0.8, 0.75, 0.5), (0.86, 0.04, 0.06, 0.02, 0.02)),
    "manager": ((1.0,), (1.0,)),
}
# profile -> (probability in shift units, probability elsewhere, low, high) of yearly kronor
_VARIABLE = {
    "ob": (0.9, 0.35, 6000.0, 30000.0),
    "jour": (0.2, 0.2, 3000.0, 20000.0),
    "other": (0.03, 0.03, 1000.0, 8000.0),
    "none": (0.0, 0.0, 0.0, 0.0),
}


def _round_half_up(x: float) -> int:
    return int(math.floor(x + 0.5))


def _year_factor(year: int) -> float:
    return (1.0 + GENERAL_RAISE) ** (year - BASE_YEAR)


def _ages(rng: np.random.Generator, codes: np.ndarray, shift: float = 0.0) -> np.ndarray:
    """Ages (whole years) from a normal per job truncated to [min_age, 67]."""
    mean, min_age = sj.job_attr(codes, "age_mean") + shift, sj.job_attr(codes, "min_age")
    lo = (min_age - mean) / 11.0
    hi = (MAX_AGE + 1 - mean) / 11.0
    u = rng.random(len(codes))
    from scipy.special import ndtr, ndtri  # imported here: `payequity --help` stays light

    z = ndtri(ndtr(lo) + u * (ndtr(hi) - ndtr(lo)))
    return np.clip(np.floor(mean + 11.0 * z), min_age, MAX_AGE).astype(int)


def _draw_person_fields(
    rng: np.random.Generator,
    codes: np.ndarray,
    is_manager: np.ndarray,
    shift: np.ndarray,
) -> dict[str, np.ndarray]:
    """fte, weekly hours, supplements and variable pay: gender-independent draws per person."""
    n = len(codes)
    fte_profile, var_profile = (
        sj.job_attr(codes, "fte_profile"),
        sj.job_attr(codes, "variable_profile"),
    )
    fte = np.empty(n)
    for profile, (values, probs) in _FTE.items():
        idx = fte_profile == profile
        fte[idx] = rng.choice(values, size=int(idx.sum()), p=probs)
    ob = var_profile == "ob"
    u = rng.random(n)
    hours = np.where(shift & ob & (u < 0.55), 38.25, np.where(shift & ob & (u > 0.92), 35.0, 40.0))
    staff = ~is_manager
    teacher = codes == sj.JOBS_BY_TITLE["Grundskollärare"]
    u1, u2 = rng.random(n), rng.random(n)
    fixed = np.where(teacher & staff & (u1 < 0.08), 5000.0, 0.0)  # förstelärare
    fixed = np.where(~teacher & staff & (u1 < 0.04), 50.0 * rng.integers(6, 31, n), fixed)
    resp = np.where(staff & (u2 < 0.03), 100.0 * rng.integers(5, 21, n), 0.0)
    variable = np.zeros(n)
    u3, amount = rng.random(n), rng.random(n)
    for profile, (p_shift, p_other, low, high) in _VARIABLE.items():
        idx = var_profile == profile
        p = np.where(shift | (hours != 40.0), p_shift, p_other)
        hit = idx & (u3 < p)
        variable[hit] = np.round((low + (high - low) * amount[hit]) * fte[hit], 2)
    return {
        "fte": fte,
        "weekly_hours": hours,
        "fixed_supplement": fixed,
        "responsibility_supplement": resp,
        "variable_pay": variable,
    }


def _base_salary(
    rng: np.random.Generator,
    codes: np.ndarray,
    female: np.ndarray,
    age: np.ndarray,
    tenure: np.ndarray,
    unit_effect: np.ndarray,
    year: int,
    gender_effect: bool,
) -> np.ndarray:
    """Monthly full-time base salary, whole kronor; gender enters only through the two gaps."""
    level = sj.job_attr(codes, "pay_level") * _year_factor(year)
    log_effect = (
        TENURE_EFFECT * (np.minimum(tenure, TENURE_CAP) - TENURE_CENTRE)
        + AGE_EFFECT * (np.clip(age, 25, 55) - AGE_CENTRE)
        + unit_effect
        + rng.normal(0.0, NOISE_SD, len(codes))
    )
    pay = level * np.exp(log_effect)
    if gender_effect:
        pay = np.where(codes == EQUAL_VALUE_JOB, pay * EQUAL_VALUE_FACTOR, pay)
        pay = np.where((codes == EQUAL_WORK_JOB) & female, pay * EQUAL_WORK_FACTOR, pay)
    return np.floor(pay + 0.5)


def _injected(gender_effect: bool) -> list[dict[str, Any]]:
    if not gender_effect:
        return []
    fd, cmp = sj.JOBS_BY_CODE[EQUAL_VALUE_JOB], sj.JOBS_BY_CODE[EQUAL_VALUE_COMPARATOR]
    intended = EQUAL_VALUE_FACTOR * fd.pay_level / cmp.pay_level
    return [
        {
            "kind": "equal_work",
            "unit": "",
            "work_group": EQUAL_WORK_JOB,
            "gap_pct": round(100.0 * (EQUAL_WORK_FACTOR - 1.0), 1),
        },
        {
            "kind": "equal_value",
            "unit": "",
            "female_dominated_job": EQUAL_VALUE_JOB,
            "comparator_job": EQUAL_VALUE_COMPARATOR,
            "gap_pct": round(100.0 * (intended - 1.0), 1),
        },
    ]


def _hire_dates(
    rng: np.random.Generator, birth_year: np.ndarray, age: np.ndarray, temp: np.ndarray, ref: date
) -> np.ndarray:
    """Hire dates: gamma-distributed tenure growing with age, short for Visstid, never before 18."""
    ref64 = np.datetime64(ref, "D")
    earliest = np.array([np.datetime64(f"{y + 19:04d}-01-01", "D") for y in birth_year])
    max_days = np.maximum((ref64 - earliest).astype(int), 0)
    mean = 0.33 * (age - 20) + 1.0
    years = np.where(temp, rng.uniform(0.05, 2.0, len(age)), rng.gamma(1.5, mean / 1.5))
    days = np.minimum(np.round(years * 365.25).astype(int), max_days)
    return ref64 - days.astype("timedelta64[D]")


def _finish(frame: pd.DataFrame) -> pd.DataFrame:
    """Types, component sum, column order and row order (förvaltning, enhet, employee_id)."""
    frame["supplements"] = frame["fixed_supplement"] + frame["responsibility_supplement"]
    frame["hire_date"] = pd.to_datetime(frame["hire_date"]).astype("datetime64[ns]")
    for col in (
        "fte",
        "base_salary",
        "supplements",
        "variable_pay",
        "weekly_hours",
        "fixed_supplement",
        "responsibility_supplement",
    ):
        frame[col] = frame[col].astype(float)
    frame["birth_year"] = frame["birth_year"].astype("int64")
    frame["is_manager"] = frame["is_manager"].astype(bool)
    frame["_forv"] = frame["unit_path"].str.split("/").str[0]
    frame = frame.sort_values(["_forv", "unit", "employee_id"], kind="mergesort")
    return frame.loc[:, list(COLUMNS)].reset_index(drop=True)


def _validate(n_employees: int, n_units: int | None) -> int:
    if n_units is None:
        n_units = max(8, _round_half_up(n_employees / 70))
    if n_units < 8:
        raise ParameterError(
            f"n_units (--units) must be at least 8 (one per förvaltning), got {n_units}; "
            "give 8 or more, or leave it out"
        )
    if n_employees < 2 * n_units:
        raise ParameterError(
            f"n_employees (--employees) must be at least 2 * n_units = {2 * n_units}, got "
            f"{n_employees}; give more employees or fewer units"
        )
    if n_employees > 899_999:
        raise ParameterError(
            f"n_employees (--employees) must be at most 899 999 (six-digit employee ids), got "
            f"{n_employees}; give fewer"
        )
    return n_units


def _fresh(n_employees: int, n_units: int, rng: np.random.Generator, year: int, ge: bool):
    units = sj.build_units(n_units)
    by_forv: dict[str, list[int]] = {}
    for i, u in enumerate(units):
        by_forv.setdefault(u["forvaltning"], []).append(i)
    # staff (managers excluded) by förvaltning share, then by unit size with random variation
    extra = sj.largest_remainder(n_employees - 2 * n_units, [f.share for f in sj.FORVALTNINGAR])
    weights = np.array([u["size"] for u in units]) * np.exp(rng.normal(0.0, 0.3, len(units)))
    staff = [0] * len(units)
    for forv, e in zip(sj.FORVALTNINGAR, extra, strict=True):
        idx = by_forv[forv.name]
        for i, c in zip(idx, sj.largest_remainder(e, weights[idx]), strict=True):
            staff[i] = 1 + c
    unit_effect = rng.normal(0.0, UNIT_SD, len(units))
    unit_ix, codes, manager = [], [], []
    for i, u in enumerate(units):
        mix_codes = list(u["mix"])
        p = np.array([u["mix"][c] for c in mix_codes], dtype=float)
        unit_ix += [i] * (1 + staff[i])
        codes += [u["manager"], *rng.choice(mix_codes, size=staff[i], p=p / p.sum()).tolist()]
        manager += [True] + [False] * staff[i]
    ui, codes_a, mgr = np.array(unit_ix), np.array(codes), np.array(manager)
    n = len(codes_a)
    female = np.zeros(n, dtype=bool)
    for code in sorted(set(codes)):  # exact share of women per job, in random positions
        idx = np.flatnonzero(codes_a == code)
        n_women = _round_half_up(sj.JOBS_BY_CODE[code].share_women * len(idx))
        female[rng.permutation(idx)[:n_women]] = True
    age = _ages(rng, codes_a)
    birth_year = year - age
    temp = ~mgr & (rng.random(n) < sj.job_attr(codes_a, "temp_share"))
    ref = date(year, 9, 1)
    hire = _hire_dates(rng, birth_year, age, temp, ref)
    tenure = (np.datetime64(ref, "D") - hire).astype(int) / 365.25
    shift = np.array([units[i]["shift"] for i in ui])
    fields = _draw_person_fields(rng, codes_a, mgr, shift)
    base = _base_salary(rng, codes_a, female, age, tenure, unit_effect[ui], year, ge)
    ids = np.array([f"{100001 + k}" for k in rng.permutation(n)], dtype=object)
    head = {i: ids[np.flatnonzero((ui == i) & mgr)[0]] for i in range(len(units))}
    chief = {u["forvaltning"]: head[i] for i, u in enumerate(units) if u["manager"] == sj.CHIEF}
    manager_id = [
        ""
        if (m and units[i]["manager"] == sj.CHIEF)
        else chief[units[i]["forvaltning"]]
        if m
        else head[i]
        for i, m in zip(ui, mgr, strict=True)
    ]
    frame = pd.DataFrame(
        {
            "employee_id": ids.astype(str),
            "gender": np.where(female, "F", "M"),
            "birth_year": birth_year,
            "unit": [units[i]["name"] for i in ui],
            "unit_path": [units[i]["path"] for i in ui],
            "job_code": codes_a,
            "job_title": sj.job_attr(codes_a, "title"),
            "base_salary": base,
            "hire_date": hire,
            "employment_form": np.where(temp, "Visstid", "Tillsvidare"),
            "is_manager": mgr,
            "manager_id": manager_id,
            **fields,
        }
    )
    return _finish(frame)


def _normalise_previous(frame: pd.DataFrame) -> pd.DataFrame:
    """Canonical columns of last year's frame (a generated frame or ``PayData.frame``)."""
    missing = {
        "employee_id",
        "gender",
        "birth_year",
        "unit",
        "job_code",
        "base_salary",
        "hire_date",
    } - set(frame.columns)
    if missing:
        raise SchemaError(
            f"previous frame lacks columns: {', '.join(sorted(missing))}; pass last year's "
            "generated data (generate(...) or its .frame)"
        )
    f = pd.DataFrame({"employee_id": frame["employee_id"].astype(str).to_numpy()})
    for col, default in (
        ("gender", None),
        ("birth_year", None),
        ("unit", None),
        ("unit_path", frame["unit"]),
        ("job_code", None),
        ("job_title", frame["job_code"]),
        ("fte", 1.0),
        ("base_salary", None),
        ("variable_pay", 0.0),
        ("weekly_hours", 40.0),
        ("hire_date", None),
        ("employment_form", "Tillsvidare"),
        ("is_manager", False),
        ("manager_id", ""),
    ):
        src = frame[col] if col in frame.columns else default
        f[col] = src.to_numpy() if isinstance(src, pd.Series) else src
    supp = np.asarray(frame.get("supplements", 0.0 * f["fte"]), dtype=float)
    f["fixed_supplement"] = np.asarray(frame.get("fixed_supplement", supp), dtype=float)
    f["responsibility_supplement"] = np.asarray(
        frame.get("responsibility_supplement", f["fixed_supplement"] - supp), dtype=float
    )
    f["job_code"] = f["job_code"].astype(str)
    f["manager_id"] = f["manager_id"].fillna("").astype(str).replace({"nan": "", "<NA>": ""})
    f["hire_date"] = pd.to_datetime(f["hire_date"])
    f["birth_year"] = f["birth_year"].astype("int64")
    f["is_manager"] = f["is_manager"].fillna(False).astype(bool)
    return f


def _next_year(
    prev: pd.DataFrame,
    rng: np.random.Generator,
    year: int,
    ge: bool,
    plan: tuple[pd.DataFrame, dict[str, float]] | None = None,
) -> pd.DataFrame:
    """Age ``prev`` by a year: leavers replaced one-for-one, the rest get a general raise (the
    people ``plan`` covers: the measured general raise plus the realised step)."""
    f = _normalise_previous(prev)
    last_ref = np.datetime64(date(year - 1, 9, 1), "D")
    if f["hire_date"].max() > pd.Timestamp(str(last_ref)):
        raise ParameterError(
            f"previous frame has hire dates after {last_ref}; is it from {year - 1}? Pass the "
            f"data of {year - 1}, or set year= to the year after the data's"
        )
    n = len(f)
    leave = (year - f["birth_year"].to_numpy() > MAX_AGE) | (rng.random(n) < LEAVE_RATE)
    raise_ = np.maximum(1.0 + GENERAL_RAISE + rng.normal(0.0, 0.012, n), 1.005)
    old = f["base_salary"].to_numpy(dtype=float).copy()
    f["base_salary"] = np.floor(f["base_salary"].to_numpy() * raise_ + 0.5)
    if plan is not None:
        _apply_plan(f, old, ~leave, *plan)
    f["variable_pay"] = np.round(f["variable_pay"].astype(float) * (1 + GENERAL_RAISE), 2)
    temp = f["employment_form"].eq("Visstid") & (rng.random(n) < 0.4)
    f.loc[temp, "employment_form"] = "Tillsvidare"
    new = f.loc[leave].copy()
    k = len(new)
    codes = new["job_code"].to_numpy()
    if not all(c in sj.JOBS_BY_CODE for c in codes):
        raise ParameterError(
            "previous frame has job codes outside the sample catalogue; pass data made by "
            "payequity.datasets.generate, not an organisation's own"
        )
    female = rng.random(k) < sj.job_attr(codes, "share_women")
    age = _ages(rng, codes, shift=-6.0)
    birth_year = year - age
    earliest = np.array([np.datetime64(f"{y + 19:04d}-01-01", "D") for y in birth_year])
    start = np.maximum(earliest, last_ref + 1)
    ref64 = np.datetime64(date(year, 9, 1), "D")
    span = (ref64 - start).astype(int)
    hire = start + np.floor(rng.random(k) * (span + 1)).astype("timedelta64[D]")
    mgr = new["is_manager"].to_numpy()
    temp_new = ~mgr & (rng.random(k) < 2 * sj.job_attr(codes, "temp_share"))
    shift = new["weekly_hours"].to_numpy() != 40.0
    fields = _draw_person_fields(rng, codes, mgr, shift)
    tenure = (ref64 - hire).astype(int) / 365.25
    base = _base_salary(rng, codes, female, age, tenure, np.zeros(k), year, ge)
    numeric = pd.to_numeric(f["employee_id"], errors="coerce")
    first = int(numeric.max()) + 1 if numeric.notna().any() else 100001
    ids = np.array([str(first + j) for j in rng.permutation(k)], dtype=object)
    new = new.assign(
        employee_id=ids,
        gender=np.where(female, "F", "M"),
        birth_year=birth_year,
        hire_date=hire,
        base_salary=base,
        employment_form=np.where(temp_new, "Visstid", "Tillsvidare"),
        **{
            c: fields[c]
            for c in ("fte", "fixed_supplement", "responsibility_supplement", "variable_pay")
        },
    )
    replaced = dict(zip(f.loc[leave, "employee_id"], ids, strict=True))
    frame = pd.concat([f.loc[~leave], new], ignore_index=True)
    frame["manager_id"] = frame["manager_id"].map(lambda m: replaced.get(m, m))
    return _finish(frame)


def generate_frame(
    n_employees: int = 4000,
    n_units: int | None = None,
    seed: int = 0,
    *,
    year: int = 2026,
    gender_effect: bool = True,
    previous_frame: pd.DataFrame | None = None,
    plan: Any = None,
    realise: Mapping[str, float] | None = None,
) -> tuple[pd.DataFrame, list[dict[str, Any]]]:
    """Generate the canonical frame of the sample municipality and the injected gaps (no I/O).

    Parameters
    ----------
    n_employees : int
        Rows (one employment each), managers included.
    n_units : int, optional
        Total number of enheter; default about one per 70 employees, at least 8.
    seed : int
        Seed of the only random generator used.
    year : int
        Survey year; the reference date is 1 September. Pay levels rise 3 % a year from 2026.
    gender_effect : bool
        Inject the two unjustified gaps; when False nothing depends on gender and the list is
        empty.
    previous_frame : DataFrame, optional
        Last year's frame (``year - 1``). Then ``n_employees`` and ``n_units`` are ignored: the
        same people are a year older (birth years and hire dates unchanged), about 8 % leave
        (everyone past 67 does) and are replaced one-for-one by new hires in the same enhet and
        job, and the rest get a general raise of about 3 % with individual spread. With
        ``gender_effect=False`` gaps already in the previous frame carry over; only new hires
        are drawn without them.
    plan : DataFrame, ActionPlan or path, optional
        Last year's action plan (the table of ``data/action_plan.csv``, year ``year − 1``);
        needs ``previous_frame``. The people a measure covers (a person measure: the
        ``employee_id`` in ``job_code``; a group measure: everyone in ``job_code``, within
        ``unit`` when set) who stay get exactly the general raise the follow-up
        (:func:`payequity.actions.follow_up`) measures — the median raise of the job's stayers
        without a measure, else the organisation's — plus the realised fraction of what is due
        at this year's follow-up (Σ ``adjustment_monthly`` of the steps whose
        ``effective_date`` ≤ 1 September of ``year``, the reference date; a plan without
        ``effective_date``: the steps of ``year − 1``; a person covered by several measures
        gets each one's), rounded to whole kronor. So the follow-up finds each measure done
        (fraction 1), partly done or not done (fraction 0), within its tolerance (a person
        measure inside a group measure takes the joint lift first, up to what it planned).
        Leaving stays random: people a measure covers may leave like anyone (the follow-up
        says ``left``). Everyone else's pay, and every random draw, is as without ``plan``.
    realise : mapping, optional
        ``measure_id → fraction`` in [0, 1] of the step that was paid; a measure of the plan
        left out is paid in full. A key that is not a measure of the plan is refused.

    Returns
    -------
    frame : DataFrame
        Columns :data:`COLUMNS`; ``hire_date`` is ``datetime64[ns]``, ``supplements`` is the sum
        of ``fixed_supplement`` and ``responsibility_supplement``; ``manager_id`` is ``""`` for
        the förvaltningschefer. Rows sorted by förvaltning, enhet, employee_id.
    injected : list of dict
        The injected gaps, as written to ``injected_gaps.json``.

    Examples
    --------
    >>> frame, _ = generate_frame(300, seed=2)
    >>> bool(frame["fte"].between(0, 1, inclusive="right").all())
    True
    >>> nxt, _ = generate_frame(seed=2, year=2027, previous_frame=frame)
    >>> len(nxt) == len(frame)
    True
    """
    if plan is None and realise is not None:
        raise ParameterError("realise needs the plan it realises: pass plan=last year's plan table")
    if plan is not None and previous_frame is None:
        raise ParameterError(
            "plan needs previous_frame: a plan is realised on last year's people; pass "
            "previous_frame (or previous=) too"
        )
    planned = _realise_plan(plan, realise, year) if plan is not None else None
    rng = np.random.default_rng(seed)
    if previous_frame is not None:
        frame = _next_year(previous_frame, rng, year, gender_effect, planned)
    else:
        frame = _fresh(n_employees, _validate(n_employees, n_units), rng, year, gender_effect)
    return frame, _injected(gender_effect)

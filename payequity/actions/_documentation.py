"""The rest of the documentation (DL 3:8 p. 1, 3:11–14; EU 2023/970 Art. 10).

* registers people fill in: ``rules_and_practice.csv`` (pay rules, criteria, supplements and
  benefits, each with a gender-neutrality assessment; DL 3:8 p. 1) and ``samverkan.csv`` (date,
  participants, topic, information given; 3:11–13);
* the head count at 1 January and the documentation tier it implies (3:13–14): fewer than 10
  employees ``"none"``, 10–24 ``"3:14"`` (the pay survey), 25 or more ``"3:13"`` (all active
  measures);
* the Art. 10 trigger: a category of workers with a mean gap (indicator g, component "all",
  the directive's sign) of at least 5 % either way, not justified, and the reporting date more than six
  calendar months back;
* the documentation checklist, item by item against 3:13 or 3:14.

Checklist statuses: ``present`` (what payequity can check is there), ``incomplete`` (started,
something named in ``detail`` is lacking), ``missing``, ``external`` (required, but documented
outside payequity: 3:13 p. 1–2, the risks and measures of the other active-measure areas, and a
triggered Art. 10 joint pay assessment, which is made with the workers' representatives),
``not_required`` (the tier does not ask for it; ``detail`` still says what the status would be).
The rules chosen:

* results (3:13 p. 3, 3:8–9): present when equal work and equal value were analysed and every
  flagged difference has a human explanation; incomplete when equal value was not analysed
  (the reason, e.g. no job evaluation, in ``detail``) or flagged differences lack an
  explanation; missing when equal work was not analysed.
* rules and practice (3:8 p. 1): missing without rows, incomplete while a row has no
  gender-neutrality assessment.
* adjustments (p. 4, 3:10): missing (with cost and time plan) when equal work was not
  analysed; present when nothing is flagged or no flagged item needs action
  ("no measures needed" is a result), or when the plan holds measures; incomplete while flagged
  items are unexplained (the plan covers them only provisionally); missing when items need
  action but the plan is empty.
* cost and time plan (p. 5): present with no measures needed (nothing to cost or schedule);
  with measures, the cost is missing without a figure and the time plan incomplete when a
  measure is due more than three years after it was found.
* follow-up (p. 6): missing when no previous plan was found; ``detail`` then says to attach last
  year's follow-up by hand (first year with payequity) or to state that last year had no
  measures. A previous plan without measures, or one followed up, is present; measures not done
  belong in this year's plan, which is not a gap in the account.
* cooperation (second para., 3:11–12): missing without samverkan rows, incomplete while a row
  lacks a date or participants.

The head count counts people in the pay export, so people who left before the export are not
in it: with hire dates it is a lower bound; ``override`` (from the config) wins.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._format import fmt_pct
from .._summary import Summary
from ..exceptions import ConfigError, SchemaError
from ._register import Field, choices, read_register

__all__ = [
    "Art10Result",
    "art10_trigger",
    "documentation_tier",
    "headcount_january",
    "load_rules_and_practice",
    "load_samverkan",
    "rules_template",
]

AREAS = (
    "collective_agreement",
    "pay_policy",
    "salary_criteria",
    "supplements",
    "benefits",
    "other",
)
_AREA_ALIASES = {
    "kollektivavtal": "collective_agreement",
    "avtal": "collective_agreement",
    "lönepolicy": "pay_policy",
    "policy": "pay_policy",
    "lönekriterier": "salary_criteria",
    "kriterier": "salary_criteria",
    "tillägg": "supplements",
    "förmåner": "benefits",
    "annat": "other",
    "övrigt": "other",
} | {a: a for a in AREAS}
_NEUTRAL = choices("yes", "no", "unclear", ja="yes", nej="no", oklart="unclear")
RULES_FIELDS = [
    Field("area", "choice", choices(*AREAS, **_AREA_ALIASES)),
    Field("item"),
    Field("description", required=False),
    Field("gender_neutral", "choice", _NEUTRAL),
    Field("assessment"),
    Field("action", required=False),
    Field("author", required=False),
    Field("date", "date", required=False),
]
SAMVERKAN_FIELDS = [
    Field("date", "date"),
    Field("participants"),
    Field("organisations", required=False),
    Field("topic"),
    Field("information_given"),
]
TIERS = ("none", "3:14", "3:13")
STATUSES = ("present", "incomplete", "missing", "external", "not_required")
ART10_COLUMNS = [
    "category",
    "mean_gap_pct",
    "n_women",
    "n_men",
    "gap_reached",
    "justified",
    "reporting_date",
    "deadline",
    "deadline_passed",
    "triggered",
]
CHECKLIST_COLUMNS = [
    "item",
    "law",
    "required",
    "status",
    "detail",
    "label_sv",
    "label_en",
    "detail_sv",
]

# area, item (sv), description (sv), item (en), description (en)
_TEMPLATE = [
    (
        "collective_agreement",
        "HÖK och AB",
        "Centrala kollektivavtal: lönebildningsregler, "
        "lägstalöner, villkor i Allmänna bestämmelser.",
        "Central agreements (HÖK, AB)",
        "Central collective agreements: pay-setting rules, minimum pay, General Provisions terms.",
    ),
    (
        "collective_agreement",
        "Lokala kollektivavtal",
        "Lokala avtal om lön, arbetstid och ersättningar.",
        "Local collective agreements",
        "Local agreements on pay, working time and allowances.",
    ),
    (
        "pay_policy",
        "Lönepolicy",
        "Principer för lönesättning, löneöversyn och lönesamtal.",
        "Pay policy",
        "Principles for pay setting, pay reviews and pay talks.",
    ),
    (
        "pay_policy",
        "Lönesättning vid nyanställning",
        "Hur ingångslön bestäms: vem beslutar, på "
        "vilket underlag (marknad, erfarenhet), utrymme för förhandling.",
        "Pay setting for new hires",
        "How starting pay is set: who decides, on what basis (market, experience), room "
        "for negotiation.",
    ),
    (
        "salary_criteria",
        "Gemensamma lönekriterier",
        "Kriterierna för individuell lönesättning och hur chefer tillämpar dem.",
        "Shared salary criteria",
        "The criteria for individual pay setting and how managers apply them.",
    ),
    (
        "salary_criteria",
        "Arbetsvärderingssystem",
        "Hur arbetens krav (kunskap, ansvar, "
        "ansträngning, arbetsförhållanden) värderas och likvärdiga arbeten grupperas.",
        "Job evaluation system",
        "How the demands of jobs (skills, responsibility, effort, "
        "working conditions) are valued and work of equal value is grouped.",
    ),
    (
        "supplements",
        "OB-tillägg",
        "Ersättning för obekväm arbetstid: vilka arbeten och tider.",
        "Unsocial hours supplement (OB)",
        "Pay for unsocial hours: which jobs and hours.",
    ),
    (
        "supplements",
        "Jour- och beredskapsersättning",
        "Ersättning för jour och beredskap.",
        "On-call pay",
        "Pay for on-call duty and standby.",
    ),
    (
        "supplements",
        "Ansvarstillägg",
        "Tillägg för särskilt ansvar: vem får det och varför.",
        "Responsibility supplement",
        "Supplements for extra responsibility: who gets them, why.",
    ),
    (
        "supplements",
        "Marknadstillägg",
        "Tillägg av marknadsskäl: underlag och tidsgräns.",
        "Market supplement",
        "Supplements for market reasons: evidence and time limit.",
    ),
    (
        "supplements",
        "Övertidsersättning",
        "Övertid och mertid: vem erbjuds och ersätts.",
        "Overtime pay",
        "Overtime and extra hours: who is offered them and how they are paid.",
    ),
    (
        "benefits",
        "Tjänstepension",
        "Pensionsavtal (AKAP-KR, KAP-KL) och särskilda lösningar.",
        "Occupational pension",
        "Pension agreements (AKAP-KR, KAP-KL) and special arrangements.",
    ),
    (
        "benefits",
        "Friskvårdsbidrag",
        "Belopp och villkor, även för deltid och visstid.",
        "Wellness grant",
        "Amount and terms, also for part-time and fixed-term staff.",
    ),
    (
        "benefits",
        "Bil- och cykelförmån",
        "Vem erbjuds förmånen och på vilka villkor.",
        "Car and bicycle benefit",
        "Who is offered the benefit and on what terms.",
    ),
    (
        "benefits",
        "Ledighetsvillkor",
        "Semester, föräldrapenningtillägg, tjänstledighet.",
        "Leave terms",
        "Holidays, parental pay top-up, leave of absence.",
    ),
    (
        "other",
        "Arbetstid och anställningsformer",
        "Heltid som norm, deltid, visstid och timanställning: vem erbjuds vad.",
        "Working time and forms of employment",
        "Full time as the norm, part time, fixed-term and hourly work: who is offered what.",
    ),
]


def load_rules_and_practice(
    path: str | Path | None, *, explicit: bool = True
) -> tuple[pd.DataFrame, list[str]]:
    """Read ``rules_and_practice.csv`` (:data:`RULES_FIELDS`; DL 3:8 p. 1).

    A blank ``gender_neutral`` means not yet assessed (one warning lists the rows), as does
    "no" without an ``action``. Missing file: see :func:`payequity.actions._register.read_register`.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     p = pathlib.Path(tmp, "rules_and_practice.csv")
    ...     _ = p.write_text("area;item;gender_neutral;assessment\\n"
    ...                      "Lönepolicy;Lönepolicy;ja;Könsneutral\\nTillägg;OB;;\\n",
    ...                      encoding="utf-8")
    ...     rules, warnings = load_rules_and_practice(p)
    >>> rules[["area", "gender_neutral"]].to_dict("records")
    [{'area': 'pay_policy', 'gender_neutral': 'yes'}, {'area': 'supplements', 'gender_neutral': ''}]
    >>> warnings
    ['rules_and_practice.csv: no gender_neutral assessment in rows 3; assess each rule']
    """
    frame, warnings = read_register(
        path, RULES_FIELDS, key="actions.rules_and_practice", explicit=explicit
    )
    name = Path(path).name if path is not None else "rules_and_practice.csv"
    blank = frame.loc[frame["gender_neutral"] == "", "source_row"].tolist()
    if blank:
        warnings.append(
            f"{name}: no gender_neutral assessment in rows "
            f"{', '.join(map(str, blank))}; assess each rule"
        )
    no_action = frame.loc[
        (frame["gender_neutral"] == "no") & (frame["action"] == ""), "source_row"
    ].tolist()
    if no_action:
        warnings.append(
            f"{name}: gender_neutral = no but no action in rows "
            f"{', '.join(map(str, no_action))}; say what will change"
        )
    return frame, warnings


def union_organisations(samverkan: pd.DataFrame) -> list[str]:
    """The union organisations of the samverkan log, in order of first appearance.

    From the ``organisations`` column (names separated by "," or ";"). A log without it follows
    the convention of ``participants`` as "employer side; union side": the names after the
    first ";", separated by ",".

    Examples
    --------
    >>> import pandas as pd
    >>> union_organisations(pd.DataFrame({"participants": ["HR-chef; Kommunal, Vision"]}))
    ['Kommunal', 'Vision']
    >>> union_organisations(pd.DataFrame({"participants": ["HR"], "organisations": ["Vision"]}))
    ['Vision']
    """
    if samverkan is None or samverkan.empty:
        return []
    if "organisations" in samverkan and samverkan["organisations"].fillna("").str.strip().any():
        cells = samverkan["organisations"].fillna("").astype(str)
        names = [n for c in cells for n in c.replace(";", ",").split(",")]
    else:
        cells = samverkan.get("participants", pd.Series(dtype=str)).fillna("").astype(str)
        names = [n for c in cells if ";" in c for n in c.split(";", 1)[1].split(",")]
    out: list[str] = []
    for n in (n.strip() for n in names):
        if n and n not in out:
            out.append(n)
    return out


def load_samverkan(
    path: str | Path | None, *, explicit: bool = True
) -> tuple[pd.DataFrame, list[str]]:
    """Read ``samverkan.csv`` (:data:`SAMVERKAN_FIELDS`): how the cooperation was done.

    A row with a blank date or blank participants gives a warning naming the row. The optional
    ``organisations`` column names the union organisations at the meeting, separated by commas
    or semicolons; they get a signature line each (:func:`union_organisations`).
    """
    frame, warnings = read_register(
        path, SAMVERKAN_FIELDS, key="actions.samverkan", explicit=explicit
    )
    name = Path(path).name if path is not None else "samverkan.csv"
    for row in frame.itertuples(index=False):
        lacking = [c for c in ("date", "participants") if getattr(row, c) == ""]
        if lacking:
            warnings.append(
                f"{name}, row {row.source_row}: {' and '.join(lacking)} blank; fill "
                "in when and with whom (DL 3:13 asks how the cooperation was done)"
            )
    return frame, warnings


def rules_template(language: str = "sv") -> pd.DataFrame:
    """A ``rules_and_practice.csv`` to start from: one row per rule or practice to review.

    Examples
    --------
    >>> t = rules_template()
    >>> sorted(set(t["area"])) == sorted(AREAS), bool(t["gender_neutral"].eq("").all())
    (True, True)
    >>> rules_template("en")["item"].iloc[0]
    'Central agreements (HÖK, AB)'
    """
    if language not in ("sv", "en"):
        raise ConfigError(f"language must be 'sv' or 'en', got {language!r}")
    i = 1 if language == "sv" else 3
    rows = [{"area": r[0], "item": r[i], "description": r[i + 1]} for r in _TEMPLATE]
    frame = pd.DataFrame(rows)
    for f in RULES_FIELDS[3:]:
        frame[f.name] = ""
    return frame[[f.name for f in RULES_FIELDS]]


def headcount_january(data: Any, year: int, *, override: int | None = None) -> tuple[int, str]:
    """Employees at 1 January of ``year`` (DL 3:13–14 count "at the start of the year").

    Distinct ``employee_id`` hired on or before 1 January (rows without a hire date count);
    everyone when the data have no ``hire_date``. Returns ``(count, note)``; the note states the
    basis. ``override`` (a count from the config) wins.

    Examples
    --------
    >>> df = pd.DataFrame({"employee_id": ["a", "a", "b", "c"],
    ...                    "hire_date": pd.to_datetime(["2020-01-01", "2020-01-01",
    ...                                                 "2026-01-01", "2026-01-02"])})
    >>> headcount_january(df, 2026)[0], headcount_january(df, 2026, override=30)[0]
    (2, 30)
    """
    jan1 = pd.Timestamp(int(year), 1, 1)
    if override is not None:
        if isinstance(override, bool) or not isinstance(override, int | np.integer) or override < 0:
            raise ConfigError(
                f"the head count override must be a whole number ≥ 0, got {override!r}"
            )
        n = int(override)
        return n, f"{n} employees at 1 January {year}, as given in the config"
    frame = data.frame if hasattr(data, "frame") else data
    if frame is None or "employee_id" not in frame.columns:
        raise SchemaError(
            "headcount_january needs an 'employee_id' column; load data with "
            "load_pay_data (or give the head count in the config)"
        )
    if "hire_date" not in frame.columns:
        n = int(frame["employee_id"].nunique())
        return n, (
            f"{n} employees at 1 January {year}: everyone in the pay data (no hire_date, "
            "so people hired later in the year count and people who left do not)"
        )
    hired = pd.to_datetime(frame["hire_date"], errors="coerce")
    keep = hired.isna() | (hired <= jan1)
    n = int(frame.loc[keep, "employee_id"].nunique())
    unknown = int(frame.loc[hired.isna(), "employee_id"].nunique())
    note = (
        f"{n} employees at 1 January {year}: people in the pay data hired on or before "
        "that day; people who left before the export are not in it, so this is a lower "
        "bound (give the count in the config if you know it)"
    )
    if unknown:
        note += f"; {unknown} without a hire date counted"
    return n, note


def documentation_tier(n: int) -> str:
    """The documentation duty for ``n`` employees at 1 January: "none", "3:14" or "3:13".

    Examples
    --------
    >>> [documentation_tier(n) for n in (9, 10, 24, 25)]
    ['none', '3:14', '3:14', '3:13']
    """
    if isinstance(n, bool) or not isinstance(n, int | np.integer) or n < 0:
        raise ConfigError(f"a head count must be a whole number ≥ 0, got {n!r}")
    return "none" if n < 10 else "3:14" if n < 25 else "3:13"


def _date(value: Any, name: str) -> dt.date:
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError):
        stamp = pd.NaT
    if pd.isna(stamp):
        raise ConfigError(f"{name} = {value!r} is not a date; write it as YYYY-MM-DD")
    return stamp.date()


@dataclass(frozen=True, repr=False)
class Art10Result:
    """The Art. 10 trigger per category of workers; ``table`` columns :data:`ART10_COLUMNS`."""

    table: pd.DataFrame
    as_of: dt.date
    reporting_date: dt.date | None
    deadline: dt.date | None
    months_since_reporting: int | None
    threshold_pct: float
    pay_level: str
    note: str = ""

    @property
    def triggered(self) -> bool:
        """Whether any category triggers a joint pay assessment."""
        return bool(self.table["triggered"].any())

    @property
    def categories(self) -> list[str]:
        """The categories that trigger it."""
        return self.table.loc[self.table["triggered"], "category"].tolist()

    def summary(self) -> Summary:
        facts = [
            ("reporting date", str(self.reporting_date or "–")),
            ("deadline (+6 months)", str(self.deadline or "–")),
            (
                "as of",
                f"{self.as_of} ({self.months_since_reporting} months since reporting)"
                if self.reporting_date
                else str(self.as_of),
            ),
            (
                "threshold",
                f"mean gap ≥ {fmt_pct(self.threshold_pct, 1, 'en')} ({self.pay_level} "
                "pay, 100·(men − women)/men)",
            ),
            ("joint pay assessment needed for", ", ".join(self.categories) or "no category"),
        ]
        if self.note:
            facts.append(("note", self.note))
        shown = self.table.assign(mean_gap_pct=self.table["mean_gap_pct"].round(2))
        return Summary(
            "EU Article 10: joint pay assessment trigger", facts, [("categories of workers", shown)]
        )

    def _repr_html_(self) -> str:
        return self.summary()._repr_html_()

    def __repr__(self) -> str:
        return f"<Art10Result triggered: {self.categories or 'none'}>"


def art10_trigger(
    indicators: Any,
    explanations: Any = None,
    *,
    reporting_date: Any = None,
    as_of: Any,
    threshold_pct: float = 5.0,
    pay_level: str = "hourly",
) -> Art10Result:
    """Which categories of workers trigger a joint pay assessment (Art. 10(1); F-E1).

    A category triggers when its mean gap (indicator g, component "all", ``pay_level``; the
    directive's sign) is at least ``threshold_pct`` in either direction (compared after rounding
    to 10 decimals; Art. 10(1)(a) speaks of a difference, whichever sex it favours),
    it is not justified (the explanations register has item_kind "eu_category", item_key = the
    category, and every such row says gender_related "no"), and ``as_of`` is more than six
    calendar months after ``reporting_date`` (the same day six months on is not yet past).

    Examples
    --------
    >>> g = pd.DataFrame({"indicator": "g", "category": ["1", "2"], "component": "all",
    ...                   "pay_level": "hourly", "value": [5.0, 4.99], "n_women": 4, "n_men": 3})
    >>> r = art10_trigger(g, reporting_date="2027-06-07", as_of="2027-12-08")
    >>> r.categories, r.table["gap_reached"].tolist()
    (['1'], [True, False])
    """
    if pay_level not in ("annual", "hourly"):
        raise ConfigError(f"pay_level must be 'annual' or 'hourly', got {pay_level!r}")
    t = getattr(indicators, "table", indicators)
    need = {"indicator", "category", "component", "pay_level", "value", "n_women", "n_men"}
    if not isinstance(t, pd.DataFrame) or need - set(t.columns):
        raise SchemaError(
            "art10_trigger needs the eu_indicators result (or its table, with "
            f"columns {', '.join(sorted(need))})"
        )
    g = t[(t["indicator"] == "g") & (t["component"] == "all") & (t["pay_level"] == pay_level)]
    as_of_d = _date(as_of, "as_of")
    rep = None if reporting_date is None else _date(reporting_date, "analysis.reporting_date")
    deadline = months = None
    note = ""
    if rep is None:
        note = (
            "no analysis.reporting_date: the six-month clock cannot run, nothing is "
            "triggered; set it to the date the Art. 9 report was submitted"
        )
    else:
        deadline = (pd.Timestamp(rep) + pd.DateOffset(months=6)).date()
        months = (as_of_d.year - rep.year) * 12 + as_of_d.month - rep.month
        months -= as_of_d.day < rep.day
    if not len(g):
        note = (note + "; " if note else "") + "no (g) rows: no categories of workers"
    justified = _justified(explanations)
    gap = g["value"].astype(float).to_numpy()
    # Art. 10(1)(a): "a difference ... of at least 5 %", whichever sex it favours
    reached = np.round(np.nan_to_num(np.abs(gap), nan=-np.inf), 10) >= round(
        float(threshold_pct), 10
    )
    ok = np.array([justified.get(str(c), False) for c in g["category"]], dtype=bool)
    passed = deadline is not None and as_of_d > deadline
    table = pd.DataFrame(
        {
            "category": g["category"].astype(str).to_numpy(),
            "mean_gap_pct": gap,
            "n_women": g["n_women"].to_numpy(),
            "n_men": g["n_men"].to_numpy(),
            "gap_reached": reached,
            "justified": ok,
            "reporting_date": rep.isoformat() if rep else "",
            "deadline": deadline.isoformat() if deadline else "",
            "deadline_passed": passed,
            "triggered": reached & ~ok & passed,
        },
        columns=ART10_COLUMNS,
    )
    return Art10Result(table, as_of_d, rep, deadline, months, float(threshold_pct), pay_level, note)


def _justified(explanations: Any) -> dict[str, bool]:
    """category → True when every eu_category row for it says gender_related "no"."""
    if explanations is None:
        return {}
    e = getattr(explanations, "table", explanations)
    need = {"item_kind", "item_key", "gender_related"}
    if not isinstance(e, pd.DataFrame) or need - set(e.columns):
        raise SchemaError(
            "explanations need the columns item_kind, item_key, gender_related; "
            "read them with load_explanations"
        )
    rows = e[e["item_kind"].astype(str).str.strip() == "eu_category"]
    related = rows["gender_related"].astype(str).str.strip().str.lower().isin({"no", "nej"})
    return related.groupby(rows["item_key"].astype(str).str.strip()).all().to_dict()

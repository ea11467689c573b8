"""Job catalogue and organisation of the fictional sample municipality (data only).

Used by :mod:`payequity.datasets`. Everything here is fictional: the job codes are AID-like
six-digit codes (not the official AID etiketter), and the names of units are invented.

Each job carries its job-evaluation levels in the 14 sub-factors of the default factor model
(job-evaluation.md §1.12, ids in :data:`SUBFACTORS` order) and its pay level is derived from a
gender-neutral line in job points, ``pay_line(points) * (1 + market_pct / 100)``.

Examples
--------
>>> from payequity.datasets._jobs import JOBS_BY_CODE, band
>>> job = JOBS_BY_CODE["207010"]
>>> job.title, round(job.points, 1), band(job.points)
('Undersköterska', 307.2, 2)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

#: Sub-factor ids of the default model, in file order.
SUBFACTORS: tuple[str, ...] = (
    "knowledge",
    "communication",
    "problem_solving",
    "planning",
    "physical_skills",
    "resp_people",
    "resp_equipment",
    "resp_information",
    "resp_finance",
    "mental_effort",
    "emotional_effort",
    "physical_effort",
    "environment",
    "working_hours",
)
#: Weights in percent of the total, in :data:`SUBFACTORS` order (sum 100).
WEIGHTS: tuple[float, ...] = (12, 8, 8, 6, 6, 12, 7, 8, 8, 5, 6, 4, 7, 3)
#: Highest level of each sub-factor (levels are zero-based).
MAX_LEVELS: tuple[int, ...] = (8, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5)
TOTAL_POINTS = 1200.0
BAND_WIDTH = 120.0

#: Gender-neutral pay line: ``PAY_LINE_BASE * exp(PAY_LINE_SLOPE * (points - PAY_LINE_ANCHOR))``.
PAY_LINE_BASE = 28_800.0
PAY_LINE_ANCHOR = 240.0
PAY_LINE_SLOPE = 0.00142


def subfactor_points(index: int, level: int) -> float:
    """Points of one sub-factor at a level: ``1200 * w / 100 * level / max_level``.

    Examples
    --------
    >>> subfactor_points(0, 8)
    144.0
    """
    if not 0 <= level <= MAX_LEVELS[index]:
        raise ValueError(f"level {level} of {SUBFACTORS[index]} outside 0..{MAX_LEVELS[index]}")
    return TOTAL_POINTS * WEIGHTS[index] / 100.0 * level / MAX_LEVELS[index]


def job_points(levels: tuple[int, ...] | list[int]) -> float:
    """Total job points of 14 sub-factor levels (default model, 1 200 points).

    Examples
    --------
    >>> job_points((8, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5))
    1200.0
    """
    if len(levels) != len(SUBFACTORS):
        raise ValueError(f"expected {len(SUBFACTORS)} levels, got {len(levels)}")
    return round(sum(subfactor_points(i, lv) for i, lv in enumerate(levels)), 6)


def band(points: float, width: float = BAND_WIDTH) -> int:
    """Band k holding points in ``(k*width, (k+1)*width]``; 0 points is band 0.

    Examples
    --------
    >>> band(120.0), band(120.1), band(0.0)
    (0, 1, 0)
    """
    return max(0, math.ceil(points / width) - 1)


def pay_line(points: float) -> float:
    """Gender-neutral monthly full-time pay at ``points`` (kronor, year 2026)."""
    return PAY_LINE_BASE * math.exp(PAY_LINE_SLOPE * (points - PAY_LINE_ANCHOR))


@dataclass(frozen=True)
class Job:
    """One job of the sample municipality.

    ``fte_profile`` and ``variable_profile`` name distributions in :mod:`payequity.datasets`.
    """

    code: str
    title: str
    share_women: float
    levels: tuple[int, ...]
    market_pct: float = 0.0
    age_mean: float = 44.0
    min_age: int = 19
    fte_profile: str = "standard"
    variable_profile: str = "other"
    temp_share: float = 0.04

    @property
    def points(self) -> float:
        """Job points in the default model."""
        return job_points(self.levels)

    @property
    def band(self) -> int:
        """Band of width 120 points."""
        return band(self.points)

    @property
    def line_pay(self) -> float:
        """Pay on the gender-neutral line at this job's points."""
        return pay_line(self.points)

    @property
    def pay_level(self) -> float:
        """2026 pay level: the line plus the job's market deviation, rounded to 100 kronor."""
        return float(round(self.line_pay * (1.0 + self.market_pct / 100.0), -2))


# Levels in SUBFACTORS order:
#   kn co ps pl pk rp re ri rf me em pe en wh
# A table, one record a line with aligned columns: the formatter leaves it as written.
# fmt: off
_J = Job
JOBS: tuple[Job, ...] = (
    _J("411010", "Lokalvårdare", 0.80, (1, 1, 1, 1, 1, 0, 1, 0, 0, 1, 1, 3, 2, 1), -0.5, 45, 19, "care", temp_share=0.08),
    _J("401020", "Måltidsbiträde", 0.85, (1, 1, 1, 1, 2, 0, 1, 0, 0, 1, 1, 3, 2, 1), -0.5, 42, 19, "care", temp_share=0.12),
    _J("207020", "Vårdbiträde", 0.80, (1, 2, 1, 1, 1, 1, 0, 0, 0, 1, 1, 3, 1, 2), 0.0, 38, 19, "care", "ob", 0.20),
    _J("351080", "Elevassistent", 0.70, (2, 2, 1, 1, 0, 1, 0, 1, 0, 1, 2, 1, 1, 0), 0.5, 34, 19, "care", temp_share=0.18),
    _J("351060", "Personlig assistent", 0.70, (1, 2, 1, 1, 2, 1, 0, 0, 0, 1, 1, 3, 1, 2), 0.0, 35, 19, "care", "ob", 0.20),
    _J("421020", "Vaktmästare", 0.15, (2, 1, 2, 1, 2, 0, 2, 1, 0, 1, 0, 3, 1, 1), 0.5, 47, 19, variable_profile="jour"),
    _J("341040", "Barnskötare", 0.90, (2, 2, 1, 2, 1, 1, 1, 1, 0, 2, 1, 2, 1, 1), -0.5, 43, 19, "care", temp_share=0.08),
    _J("361020", "Fritidsledare", 0.45, (2, 2, 2, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 2), 1.0, 36, 20, "school", temp_share=0.10),
    _J("401010", "Kock", 0.70, (3, 1, 2, 2, 2, 0, 2, 1, 0, 1, 0, 3, 2, 1), -1.5, 44, 20, "care"),
    _J("207010", "Undersköterska", 0.90, (2, 2, 2, 1, 2, 1, 1, 1, 0, 1, 1, 3, 1, 2), 0.0, 46, 20, "care", "ob", 0.08),
    _J("152010", "Administratör", 0.85, (4, 3, 2, 2, 1, 0, 1, 3, 1, 2, 0, 0, 0, 0), -0.5, 46, 20),
    _J("351015", "Behandlingsassistent", 0.55, (3, 2, 2, 2, 0, 2, 0, 2, 0, 2, 3, 2, 1, 2), -1.0, 41, 21, "school", "ob", 0.10),
    _J("421010", "Fastighetstekniker", 0.10, (3, 1, 3, 2, 3, 0, 3, 1, 1, 1, 0, 3, 2, 2), -1.0, 46, 21, variable_profile="jour"),
    _J("331030", "Fritidspedagog", 0.65, (5, 3, 2, 2, 1, 2, 1, 1, 0, 2, 2, 1, 1, 1), 0.5, 45, 23, "school"),
    _J("161010", "IT-tekniker", 0.20, (4, 2, 3, 2, 2, 0, 3, 3, 1, 2, 0, 0, 1, 1), 0.0, 41, 21, variable_profile="jour"),
    _J("361010", "Bibliotekarie", 0.75, (5, 3, 3, 3, 1, 0, 2, 3, 1, 2, 1, 0, 0, 1), 1.0, 47, 24),
    _J("151060", "Biståndshandläggare", 0.90, (6, 3, 3, 3, 0, 1, 0, 3, 1, 2, 2, 0, 1, 0), 0.5, 43, 24),
    _J("151020", "Nämndsekreterare", 0.75, (6, 4, 3, 4, 0, 0, 0, 4, 1, 3, 1, 0, 0, 1), 0.0, 45, 24),
    _J("341020", "Förskollärare", 0.95, (6, 3, 2, 3, 1, 2, 1, 1, 0, 3, 2, 1, 1, 1), 0.0, 45, 24, "school"),
    _J("171030", "Miljöinspektör", 0.65, (6, 3, 3, 3, 1, 1, 1, 3, 1, 3, 2, 1, 1, 1), 0.0, 43, 24),
    _J("351010", "Socialsekreterare", 0.85, (6, 3, 3, 3, 0, 2, 0, 3, 1, 3, 3, 0, 1, 1), 0.0, 43, 24, variable_profile="jour", temp_share=0.08),
    _J("151050", "Kommunikatör", 0.75, (6, 4, 3, 3, 1, 0, 1, 4, 1, 3, 2, 0, 1, 1), 0.0, 42, 24),
    _J("151030", "Ekonom", 0.70, (6, 4, 4, 3, 0, 0, 0, 4, 4, 3, 1, 0, 0, 0), 0.5, 44, 23),
    _J("171020", "Byggnadsinspektör", 0.40, (6, 3, 3, 3, 1, 1, 1, 3, 2, 2, 1, 0, 1, 1), -1.5, 44, 24),
    _J("151040", "HR-specialist", 0.85, (6, 4, 4, 4, 0, 1, 0, 4, 2, 3, 2, 0, 0, 0), 0.0, 45, 24),
    _J("331010", "Grundskollärare", 0.75, (6, 4, 3, 3, 1, 2, 1, 2, 1, 3, 2, 1, 1, 1), 0.0, 46, 24, "school", temp_share=0.06),
    _J("201010", "Sjuksköterska", 0.90, (6, 3, 4, 3, 2, 2, 1, 3, 1, 3, 3, 3, 2, 2), 0.0, 44, 24, "school", "ob"),
    _J("171010", "Ingenjör", 0.30, (6, 4, 4, 4, 1, 1, 2, 3, 4, 3, 1, 1, 1, 2), 0.0, 44, 24, variable_profile="jour"),
    _J("101020", "Enhetschef", 0.75, (6, 4, 4, 4, 0, 3, 1, 4, 4, 3, 2, 0, 1, 1), 0.0, 49, 28, "manager", "none", 0.0),
    _J("101030", "Rektor", 0.70, (7, 5, 4, 5, 0, 4, 1, 4, 4, 4, 2, 0, 1, 1), 0.0, 51, 32, "manager", "none", 0.0),
    _J("101010", "Förvaltningschef", 0.50, (8, 5, 5, 5, 0, 5, 2, 5, 5, 5, 4, 0, 2, 2), 0.0, 55, 38, "manager", "none", 0.0),
)
# fmt: on
del _J
JOBS_BY_CODE: dict[str, Job] = {job.code: job for job in JOBS}
JOBS_BY_TITLE: dict[str, str] = {job.title: job.code for job in JOBS}

CHIEF = "101010"  # förvaltningschef: manager of each förvaltning's first unit
UNIT_MANAGER = "101020"  # enhetschef
PRINCIPAL = "101030"  # rektor


@dataclass(frozen=True)
class UnitType:
    """A kind of unit: its manager's job, relative size, job mix and whether it works shifts."""

    manager: str
    size: float
    mix: dict[str, float]  # job title -> relative weight
    shift: bool = False


# A table, one record a line with aligned columns: the formatter leaves it as written.
# fmt: off
UNIT_TYPES: dict[str, UnitType] = {
    "office": UnitType(UNIT_MANAGER, 0.8, {"Administratör": 4, "Ekonom": 2, "HR-specialist": 1.5, "Nämndsekreterare": 1.5, "IT-tekniker": 0.5, "Kommunikatör": 0.5}, False),
    "chancery": UnitType(UNIT_MANAGER, 1.0, {"Nämndsekreterare": 3, "Administratör": 3, "Kommunikatör": 1, "Ekonom": 1}, False),
    "finance": UnitType(UNIT_MANAGER, 1.0, {"Ekonom": 6, "Administratör": 2}, False),
    "hr": UnitType(UNIT_MANAGER, 0.9, {"HR-specialist": 6, "Administratör": 2}, False),
    "it": UnitType(UNIT_MANAGER, 1.0, {"IT-tekniker": 7, "Ingenjör": 1, "Administratör": 1}, False),
    "communication": UnitType(UNIT_MANAGER, 0.6, {"Kommunikatör": 5, "Administratör": 1}, False),
    "contact": UnitType(UNIT_MANAGER, 0.8, {"Administratör": 6, "Kommunikatör": 1}, False),
    "preschool": UnitType(PRINCIPAL, 1.0, {"Förskollärare": 45, "Barnskötare": 50, "Elevassistent": 3}, False),
    "school": UnitType(PRINCIPAL, 1.6, {"Grundskollärare": 60, "Fritidspedagog": 13, "Elevassistent": 12, "Barnskötare": 3, "Administratör": 3, "Vaktmästare": 2, "Bibliotekarie": 1, "Behandlingsassistent": 2, "Sjuksköterska": 1}, False),
    "pupil_health": UnitType(UNIT_MANAGER, 0.6, {"Sjuksköterska": 5, "Behandlingsassistent": 2, "Socialsekreterare": 1, "Administratör": 1}, False),
    "social": UnitType(UNIT_MANAGER, 1.0, {"Socialsekreterare": 8, "Administratör": 1, "Behandlingsassistent": 1}, False),
    "residential": UnitType(UNIT_MANAGER, 0.8, {"Behandlingsassistent": 8, "Socialsekreterare": 1}, True),
    "benefits": UnitType(UNIT_MANAGER, 0.8, {"Socialsekreterare": 6, "Administratör": 2}, False),
    "disability": UnitType(UNIT_MANAGER, 0.9, {"Behandlingsassistent": 3, "Undersköterska": 3, "Personlig assistent": 2, "Vårdbiträde": 2}, True),
    "assistance": UnitType(UNIT_MANAGER, 1.0, {"Personlig assistent": 12, "Administratör": 0.3}, True),
    "home_care": UnitType(UNIT_MANAGER, 1.4, {"Undersköterska": 6, "Vårdbiträde": 4, "Administratör": 0.2}, True),
    "nursing_home": UnitType(UNIT_MANAGER, 1.5, {"Undersköterska": 7, "Vårdbiträde": 2, "Sjuksköterska": 0.5, "Måltidsbiträde": 0.3}, True),
    "home_nursing": UnitType(UNIT_MANAGER, 0.8, {"Sjuksköterska": 6, "Undersköterska": 2, "Administratör": 0.5}, True),
    "needs_assessment": UnitType(UNIT_MANAGER, 0.6, {"Biståndshandläggare": 7, "Administratör": 1}, False),
    "building": UnitType(UNIT_MANAGER, 0.6, {"Byggnadsinspektör": 6, "Administratör": 1.5, "Ingenjör": 1}, False),
    "technical": UnitType(UNIT_MANAGER, 1.0, {"Ingenjör": 4, "Fastighetstekniker": 3, "Vaktmästare": 2}, False),
    "property": UnitType(UNIT_MANAGER, 1.0, {"Fastighetstekniker": 5, "Vaktmästare": 3, "Ingenjör": 1.5}, False),
    "planning": UnitType(UNIT_MANAGER, 0.6, {"Ingenjör": 4, "Administratör": 1, "Byggnadsinspektör": 1}, False),
    "library": UnitType(UNIT_MANAGER, 0.6, {"Bibliotekarie": 6, "Administratör": 1}, False),
    "leisure": UnitType(UNIT_MANAGER, 0.7, {"Fritidsledare": 6, "Vaktmästare": 1}, False),
    "facilities": UnitType(UNIT_MANAGER, 0.5, {"Vaktmästare": 3, "Fastighetstekniker": 2, "Fritidsledare": 1}, False),
    "environment": UnitType(UNIT_MANAGER, 0.7, {"Miljöinspektör": 6, "Administratör": 1}, False),
    "catering": UnitType(UNIT_MANAGER, 0.9, {"Kock": 4, "Måltidsbiträde": 6}, False),
    "cleaning": UnitType(UNIT_MANAGER, 1.0, {"Lokalvårdare": 10}, False),
}
# fmt: on


@dataclass(frozen=True)
class Forvaltning:
    """A förvaltning: its share of staff, its first units in order, and name templates for more.

    Templates hold ``{area}`` (compass areas), ``{place}`` (place names) or ``{stem}`` (name
    stems for schools).
    """

    name: str
    share: float
    units: tuple[tuple[str, str], ...]  # (enhet name, unit type); the first is managed by the chief
    extra: tuple[tuple[str, str], ...]  # (name template, unit type)


# A table, one record a line with aligned columns: the formatter leaves it as written.
# fmt: off
AREAS: tuple[str, ...] = (
    "Norr", "Söder", "Öster", "Väster", "Centrum", "Nordost", "Sydväst", "Sydost", "Nordväst",
    "Hamnen", "Kyrkbyn",
)
PLACES: tuple[str, ...] = (
    "Solgläntan", "Ekbacken", "Björkhagen", "Tallåsen", "Granlunden", "Lindgården", "Sjöviken",
    "Ängsgården", "Hagaberg", "Kvarnbacken", "Strandgården", "Åkerlunden", "Ljungheden",
    "Rosengården", "Vallmon", "Furuhöjden", "Lövsta", "Norrgården", "Bäckadalen", "Klövervallen",
)
STEMS: tuple[str, ...] = (
    "Ekbacka", "Björkhaga", "Tallås", "Granlunda", "Lind", "Sjövik", "Ängs", "Haga", "Bergs",
    "Kvarn", "Strand", "Åker", "Ljung", "Ros", "Furu", "Lövsta", "Norrby", "Söderby", "Västerby",
    "Österby",
)
# fmt: on

FORVALTNINGAR: tuple[Forvaltning, ...] = (
    Forvaltning(
        "Kommunledningsförvaltningen",
        0.05,
        (
            ("Kansliet", "chancery"),
            ("Ekonomienheten", "finance"),
            ("HR-enheten", "hr"),
            ("IT-enheten", "it"),
            ("Kommunikationsenheten", "communication"),
            ("Kontaktcenter", "contact"),
            ("Upphandlingsenheten", "finance"),
            ("Löneenheten", "hr"),
        ),
        (("Servicecenter {area}", "contact"), ("IT-support {area}", "it")),
    ),
    Forvaltning(
        "Barn- och utbildningsförvaltningen",
        0.35,
        (
            ("Förvaltningskontoret", "office"),
            ("Förskoleområde Norr", "preschool"),
            ("Ekbackaskolan", "school"),
            ("Förskoleområde Söder", "preschool"),
            ("Centralskolan", "school"),
            ("Förskoleområde Öster", "preschool"),
            ("Björkhagaskolan", "school"),
            ("Elevhälsan", "pupil_health"),
            ("Förskoleområde Väster", "preschool"),
            ("Tallåsskolan", "school"),
            ("Administration", "office"),
        ),
        (
            ("Förskoleområde {area}", "preschool"),
            ("{stem}skolan", "school"),
            ("Förskolan {place}", "preschool"),
            ("{stem}skolan", "school"),
        ),
    ),
    Forvaltning(
        "Socialförvaltningen",
        0.10,
        (
            ("Förvaltningskontoret", "office"),
            ("Barn och unga", "social"),
            ("HVB Solrosen", "residential"),
            ("Försörjningsstöd", "benefits"),
            ("LSS-boende Ekbacken", "disability"),
            ("Personlig assistans", "assistance"),
            ("Vuxenenheten", "social"),
            ("Stödboendet", "residential"),
            ("Mottagningsenheten", "social"),
            ("Administration", "office"),
        ),
        (
            ("LSS-boende {place}", "disability"),
            ("Individ- och familjeomsorg {area}", "social"),
            ("Personlig assistans {area}", "assistance"),
        ),
    ),
    Forvaltning(
        "Vård- och omsorgsförvaltningen",
        0.30,
        (
            ("Förvaltningskontoret", "office"),
            ("Hemtjänst Norr", "home_care"),
            ("Särskilt boende Solgläntan", "nursing_home"),
            ("Biståndsenheten", "needs_assessment"),
            ("Hemsjukvården", "home_nursing"),
            ("Hemtjänst Söder", "home_care"),
            ("Särskilt boende Lindgården", "nursing_home"),
            ("Hemtjänst Öster", "home_care"),
            ("Särskilt boende Björkhagen", "nursing_home"),
            ("Personlig assistans", "assistance"),
            ("Hemtjänst Väster", "home_care"),
            ("Administration", "office"),
        ),
        (
            ("Hemtjänst {area}", "home_care"),
            ("Särskilt boende {place}", "nursing_home"),
            ("Hemsjukvård {area}", "home_nursing"),
            ("Särskilt boende {place}", "nursing_home"),
        ),
    ),
    Forvaltning(
        "Samhällsbyggnadsförvaltningen",
        0.05,
        (
            ("Förvaltningskontoret", "office"),
            ("Bygglovsenheten", "building"),
            ("Gatu- och parkenheten", "technical"),
            ("Fastighetsenheten", "property"),
            ("VA-enheten", "technical"),
            ("Planenheten", "planning"),
        ),
        (("Driftområde {area}", "technical"), ("Fastighetsförvaltning {area}", "property")),
    ),
    Forvaltning(
        "Kultur- och fritidsförvaltningen",
        0.035,
        (
            ("Förvaltningskontoret", "office"),
            ("Biblioteket", "library"),
            ("Fritidsgården Hagaberg", "leisure"),
            ("Idrottsanläggningar", "facilities"),
            ("Fritidsgården Centrum", "leisure"),
        ),
        (("Fritidsgården {place}", "leisure"), ("Filialbibliotek {area}", "library")),
    ),
    Forvaltning(
        "Miljö- och hälsoskyddsförvaltningen",
        0.025,
        (
            ("Förvaltningskontoret", "office"),
            ("Miljöskydd", "environment"),
            ("Livsmedelskontroll", "environment"),
            ("Hälsoskydd", "environment"),
        ),
        (("Tillsyn {area}", "environment"),),
    ),
    Forvaltning(
        "Serviceförvaltningen",
        0.09,
        (
            ("Förvaltningskontoret", "office"),
            ("Lokalvård Norr", "cleaning"),
            ("Måltidsservice Norr", "catering"),
            ("Lokalvård Söder", "cleaning"),
            ("Måltidsservice Söder", "catering"),
            ("Fastighetsservice", "property"),
            ("Administration", "contact"),
        ),
        (("Lokalvård {area}", "cleaning"), ("Måltidsservice {area}", "catering")),
    ),
)


def largest_remainder(total: int, weights: Sequence[float]) -> list[int]:
    """Split ``total`` into integers proportional to ``weights`` (ties to the earlier item)."""
    w = np.asarray(weights, dtype=float)
    raw = total * w / w.sum()
    base = np.floor(raw).astype(int)
    order = np.argsort(-(raw - base), kind="stable")
    base[order[: total - int(base.sum())]] += 1
    return base.tolist()


def build_units(n_units: int) -> list[dict[str, Any]]:
    """The enheter: förvaltning, name, job mix (code -> weight), manager job, shift, chief flag."""
    counts = [1 + c for c in largest_remainder(n_units - 8, [f.share for f in FORVALTNINGAR])]
    pools = {"area": AREAS, "place": PLACES, "stem": STEMS}
    units: list[dict[str, Any]] = []
    for forv, k in zip(FORVALTNINGAR, counts, strict=True):
        chosen = list(forv.units[:k])
        used = {name for name, _ in chosen}
        counters = dict.fromkeys(pools, 0)
        i = 0
        while len(chosen) < k:
            template, kind = forv.extra[i % len(forv.extra)]
            i += 1
            key = next(p for p in pools if "{" + p + "}" in template)
            c, pool = counters[key], pools[key]
            counters[key] += 1
            name = template.format(**{key: pool[c % len(pool)]})
            name += f" {c // len(pool) + 1}" if c >= len(pool) else ""
            if name not in used:
                used.add(name)
                chosen.append((name, kind))
        for j, (name, kind) in enumerate(chosen):
            utype = UNIT_TYPES[kind]
            mix: dict[str, float] = {}
            if k == 1:  # the only enhet does all the förvaltning's work
                for _, kind2 in forv.units:
                    t2 = UNIT_TYPES[kind2]
                    total = sum(t2.mix.values())
                    for title, w in t2.mix.items():
                        mix[title] = mix.get(title, 0.0) + t2.size * w / total
            else:
                mix = dict(utype.mix)
            units.append(
                {
                    "forvaltning": forv.name,
                    "name": name,
                    "path": f"{forv.name}/{name}",
                    "share": forv.share,
                    "size": utype.size,
                    "mix": {JOBS_BY_TITLE[t]: w for t, w in mix.items()},
                    "manager": CHIEF if j == 0 else utype.manager,
                    "shift": utype.shift
                    or (k == 1 and any(UNIT_TYPES[kd].shift for _, kd in forv.units)),
                }
            )
    return units


def job_attr(codes: Sequence[str] | np.ndarray, name: str) -> np.ndarray:
    """An attribute of :class:`Job` (e.g. ``"pay_level"``) for each job code in ``codes``."""
    values = {code: getattr(JOBS_BY_CODE[code], name) for code in set(codes)}
    return np.array([values[code] for code in codes])

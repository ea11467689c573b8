"""The words of ``survey.xlsx``: sheet names, category words and titles beside codes.

The data files keep their codes (``equal_work``, ``not_flagged``, ``base_salary``, ``F``); the
workbook is read by people, so each sheet is named in the report language, each category code
becomes a word and each job code gets its title in a column of its own. :data:`VALUES` says, per
column, which codes become which words; a column not listed keeps its values.
"""

from __future__ import annotations

import re

from ._vocabulary import GENDER, WORDS

__all__ = [
    "BOOL",
    "WHOLE",
    "key_words",
    "DATA_FILES",
    "SHEET_NAMES",
    "TITLE_COLUMNS",
    "VALUES",
    "controls_words",
    "org_gap_words",
]

#: Data file stem → sheet name (Swedish, English); each at most 31 characters (Excel's limit).
SHEET_NAMES: dict[str, tuple[str, str]] = {
    "equal_work": ("Lika arbete", "Equal work"),
    "people": ("Individer", "People"),
    "equal_value": ("Likvärdigt arbete", "Equal value"),
    "job_evaluation": ("Arbetsvärdering", "Job evaluation"),
    "org_gap": ("Hela organisationen", "Whole organisation"),
    "eu_indicators": ("EU-indikatorer", "EU indicators"),
    "art10": ("EU art. 10", "EU Art. 10"),
    "explanations": ("Förklaringar", "Explanations"),
    "action_plan": ("Handlingsplan", "Action plan"),
    "remediation_curve": ("Kostnad mot skillnad", "Cost against gap"),
    "follow_up": ("Uppföljning", "Follow-up"),
    "year_over_year": ("År för år", "Year over year"),
    "rules_and_practice": ("Bestämmelser och praxis", "Rules and practice"),
    "samverkan": ("Samverkan", "Cooperation"),
    "documentation": ("Dokumentation", "Documentation"),
    "exclusions": ("Undantagna rader", "Excluded rows"),
    "pay_ranges": ("Lönespann", "Pay ranges"),
}
#: Data file stem → its file in the output folder, when not ``data/<stem>.csv``.
DATA_FILES = {"org_gap": "data/org_gap.json"}

#: What an empty unit means in the tables.
WHOLE = ("Hela organisationen", "Whole organisation")

#: True/False as words.
BOOL = {True: ("Ja", "Yes"), False: ("Nej", "No")}

# A job code column → the header of the title column written right after it.
TITLE_COLUMNS: dict[str, tuple[str, str]] = {
    "work_group": ("Befattning", "Job title"),
    "job_code": ("Befattning", "Job title"),
    "group": ("Befattning", "Job title"),
    "female_dominated_job": ("Befattning, kvinnodominerat", "Job title, female-dominated"),
    "comparator_job": ("Befattning, jämförelse", "Job title, comparator"),
    "comparator": ("Jämförelse, befattning", "Comparator, job title"),
}

_PAY = {k: (sv.capitalize(), en.capitalize()) for k, (sv, en) in WORDS["pay_short"].items()}
_YES_NO = {
    "yes": ("Ja", "Yes"),
    "no": ("Nej", "No"),
    "unclear": ("Oklart", "Unclear"),
    "partly": ("Delvis", "Partly"),
}
_KIND = {
    "equal_work": ("Lika arbete", "Equal work"),
    "equal_value": ("Likvärdigt arbete", "Equal value"),
    "lower_value_higher_pay": ("Lägre värderat, högre lön", "Lower value, higher pay"),
    "person": ("Person", "Person"),
    "eu_category": ("EU-kategori", "EU category"),
}
_CATEGORY = {
    "job_value": ("Arbetets värde", "Job value"),
    "experience": ("Erfarenhet", "Experience"),
    "performance": ("Prestation", "Performance"),
    "market": ("Marknad", "Market"),
    "other": ("Annat", "Other"),
}
_SOURCE = {
    "person": ("Bedömd av person", "Assessed by a person"),
    "inherited": ("Ärvd från hela organisationen", "Inherited from the whole organisation"),
    "automatic": ("Automatisk bedömning", "Automatic assessment"),
    "missing": ("Saknas", "Missing"),
}
_RULE = {
    "regression": ("Justerad (regression)", "Adjusted (regression)"),
    "raw": ("Rå skillnad", "Raw gap"),
}
_COMPONENT = {
    "all": ("Hela lönen", "All pay"),
    "basic": ("Grundlön", "Basic pay"),
    "complementary": ("Kompletterande eller rörliga delar", "Complementary or variable pay"),
}
_LEVEL = {"annual": ("Årslön", "Annual pay"), "hourly": ("Timlön", "Hourly pay")}
_INDICATOR = {
    "a": ("a) Löneskillnad, medel", "a) Pay gap, mean"),
    "b": (
        "b) Löneskillnad, kompletterande eller rörliga delar, medel",
        "b) Pay gap, complementary or variable pay, mean",
    ),
    "c": ("c) Löneskillnad, median", "c) Pay gap, median"),
    "d": (
        "d) Löneskillnad, kompletterande eller rörliga delar, median",
        "d) Pay gap, complementary or variable pay, median",
    ),
    "e": (
        "e) Andel med kompletterande eller rörliga delar",
        "e) Share receiving complementary or variable pay",
    ),
    "f": ("f) Andel per lönekvartil", "f) Share in each pay quartile"),
    "g": ("g) Löneskillnad per kategori", "g) Pay gap per category of workers"),
}
_EXCLUDED = {
    "missing_gender": ("Kön saknas", "Gender missing"),
    "unmapped_gender": ("Okänd kod för kön", "Unknown gender code"),
    "missing_job_code": ("Arbetskod saknas", "Job code missing"),
    "missing_unit": ("Enhet saknas", "Unit missing"),
    "invalid_pay": ("Ogiltig lön", "Invalid pay"),
    "invalid_fte": ("Ogiltig sysselsättningsgrad", "Invalid employment rate"),
    "invalid_date": ("Ogiltigt datum", "Invalid date"),
    "duplicate_key": ("Dubblett", "Duplicate"),
    "conflicting_person": ("Motstridiga uppgifter om personen", "Conflicting data on the person"),
}
_COLUMN_WORDS = {k: (sv.capitalize(), en.capitalize()) for k, (sv, en) in WORDS["column"].items()}

#: (stem or "*", column) → {code: (Swedish, English)}; a stem's own entry wins over "*".
VALUES: dict[tuple[str, str], dict[str, tuple[str, str]]] = {
    ("*", "pay_measure"): _PAY,
    ("*", "gender"): GENDER,
    ("*", "kind"): _KIND,
    ("*", "item_kind"): _KIND,
    ("*", "flag_rule"): _RULE,
    ("*", "gender_related"): _YES_NO,
    ("*", "gender_neutral"): _YES_NO,
    ("*", "source"): _SOURCE,
    ("*", "area"): WORDS["area"],
    ("*", "component"): _COMPONENT,
    ("*", "pay_level"): _LEVEL,
    ("*", "indicator"): _INDICATOR,
    ("explanations", "category"): _CATEGORY,
    ("explanations", "status"): WORDS["status"],
    ("action_plan", "reason"): WORDS["status"],
    ("follow_up", "status"): WORDS["follow"],
    ("documentation", "status"): WORDS["check"],
    # an equal-work item's comparator is the gender paid less; an equal-value item's, a job
    ("explanations", "comparator"): {
        "F": (
            "Kvinnor lägre (justerad skillnad där den prövats, annars rå)",
            "Women lower (the adjusted gap where tested, else the raw gap)",
        ),
        "M": (
            "Män lägre (justerad skillnad där den prövats, annars rå)",
            "Men lower (the adjusted gap where tested, else the raw gap)",
        ),
    },
    ("exclusions", "reason"): _EXCLUDED,
    ("exclusions", "column"): _COLUMN_WORDS,
}

# org_gap.json's keys and words in words.
_ORG_KEYS = {
    "raw_mean_gap_pct": ("Rå löneskillnad, medel (%)", "Raw pay gap, mean (%)"),
    "raw_median_gap_pct": ("Rå löneskillnad, median (%)", "Raw pay gap, median (%)"),
    "adjusted_gap_pct": ("Justerad löneskillnad (%)", "Adjusted pay gap (%)"),
    "ci_low": ("Konfidensintervall, nedre (%)", "Confidence interval, lower (%)"),
    "ci_high": ("Konfidensintervall, övre (%)", "Confidence interval, upper (%)"),
    "p_value": ("p-värde", "p-value"),
    "n": ("Antal anställda", "Employees"),
    "pay_measure": ("Lönemått", "Pay measure"),
    "controls": ("Hålls lika (kontrollvariabler)", "Held equal (controls)"),
    "oaxaca.gap": ("Oaxaca–Blinder: hela skillnaden", "Oaxaca–Blinder: the whole gap"),
    "oaxaca.explained": ("Oaxaca–Blinder: förklarad del", "Oaxaca–Blinder: explained part"),
    "oaxaca.unexplained": ("Oaxaca–Blinder: oförklarad del", "Oaxaca–Blinder: unexplained part"),
    "oaxaca.weights": ("Oaxaca–Blinder: viktning", "Oaxaca–Blinder: weighting"),
    "oaxaca.units": ("Oaxaca–Blinder: enhet", "Oaxaca–Blinder: unit"),
}
_ORG_VALUES = {
    "log points, women − men": ("log-enheter, kvinnor − män", "log points, women − men"),
    "pooled": ("gemensam (båda könen)", "pooled (both genders)"),
    "women": ("kvinnornas", "women's"),
    "men": ("männens", "men's"),
}
_COMPONENTS = {
    "explained": ("förklarad", "explained"),
    "unexplained": ("oförklarad", "unexplained"),
}
_DUMMY = re.compile(r"^C\((\w+)\)\[T\.(.+)\]$")


def controls_words(value: str, lang: int, titles: dict[str, str] | None = None) -> str:
    """The controls of a regression in words: ``"tenure_years age"`` → "anställningstid, ålder".

    Examples
    --------
    >>> controls_words("tenure_years, age, C(work_group)", 0)
    'anställningstid, ålder, yrke (arbetsgrupp)'
    """
    parts = [p for p in re.split(r"[,\s]+", value.strip()) if p]
    return ", ".join(_term(p, lang, titles or {}) for p in parts)


def _term(term: str, lang: int, titles: dict[str, str]) -> str:
    term = term.strip()
    inner = re.fullmatch(r"C\((\w+)\)", term)
    name = inner.group(1) if inner else term
    dummy = _DUMMY.match(term)
    if dummy:
        label = WORDS["control"].get(dummy.group(1), (dummy.group(1),) * 2)[lang]
        code = dummy.group(2)
        title = titles.get(code)
        return f"{label}: {title} ({code})" if title else f"{label}: {code}"
    if name == "Intercept":
        return ("konstant", "intercept")[lang]
    return WORDS["control"].get(name, (name, name))[lang]


def key_words(key: str, lang: int) -> str:
    """An item key ``<unit>/<job code>/<pay measure>`` in words: "Hela organisationen, 351015,
    månadslön"; other text unchanged.

    Examples
    --------
    >>> key_words("Socialförvaltningen/HVB Solrosen/351015/base_salary", 0)
    'Socialförvaltningen/HVB Solrosen, 351015, grundlön'
    """
    unit, _, rest = key.rpartition("/")
    unit, _, job = unit.rpartition("/")
    if rest not in _PAY or not job:
        return key
    where = unit or WHOLE[lang]
    return f"{where}, {job}, {_PAY[rest][lang].lower()}"


def org_gap_words(key: str, lang: int, titles: dict[str, str] | None = None) -> str:
    """What a row of the whole-organisation sheet holds, in words.

    Examples
    --------
    >>> org_gap_words("oaxaca.explained.tenure_years", 0)
    'Oaxaca–Blinder, förklarad del: anställningstid'
    """
    if key in _ORG_KEYS:
        return _ORG_KEYS[key][lang]
    head, _, rest = key.partition(".")
    component, _, term = rest.partition(".")
    if head == "oaxaca" and component in _COMPONENTS and term:
        part = _COMPONENTS[component][lang]
        lead = f"Oaxaca–Blinder, {part} {'del' if lang == 0 else 'part'}"
        return f"{lead}: {_term(term, lang, titles or {})}"
    return key


def org_gap_value(key: str, value: object, lang: int) -> object:
    """A word value of the whole-organisation sheet in the report language."""
    if not isinstance(value, str):
        return value
    if key == "pay_measure":
        return _PAY.get(value, (value, value))[lang]
    if key == "controls":
        return controls_words(value, lang)
    return _ORG_VALUES.get(value, (value, value))[lang]

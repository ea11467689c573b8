"""The sample municipality's salary-review inputs: shared salary criteria and managers' ratings.

``criteria.toml`` and ``ratings.csv`` follow the review contract (docs/dev/review-contract.md).
Ratings are gender-neutral by construction: they depend on a latent performance per person
that is drawn independently of gender, pay and job.
"""

from __future__ import annotations

import tomllib
from datetime import date

import numpy as np
import pandas as pd

#: Added to the generator's seed so the ratings do not reuse the pay draws (issue 8).
SEED_OFFSET = 8008
#: Share of the people hired in the six months before the reference date left unrated.
UNRATED_SHARE = 0.02
#: Share of the rated people with one shared criterion left blank.
PARTLY_RATED_SHARE = 0.005
#: rating = clip(round(CENTRE + LATENT_WEIGHT * latent + NOISE_WEIGHT * noise), 1, 4)
CENTRE, LATENT_WEIGHT, NOISE_WEIGHT = 2.4, 0.8, 0.5

_CRITERIA = r'''# Illustrativa exempeldata: kommungemensamma lönekriterier för exempelkommunen, skrivna av
# payequity.datasets; ingen verklig kommuns lönepolicy. (Illustrative sample data.)

[scale]
min = 1
max = 4
expected = 2
labels = ["Når inte förväntan", "God (förväntad nivå)", "Mycket god", "Utmärkt"]
labels_en = ["Below expectations", "Good (expected level)", "Very good", "Excellent"]

[eligibility]
employment_form = ["Tillsvidare"]

[[criterion]]
id = "results"
name = "Resultat och måluppfyllelse"
name_en = "Results and goals"
description = """Bidrar till att verksamhetens mål nås och utför sina uppgifter med god \
kvalitet. Följer upp sitt arbete och tar lärdom av resultaten."""
description_en = """Contributes to reaching the organisation's goals and carries out the \
work with good quality. Follows up on the work and learns from the results."""
weight = 0.25
applies_to = "all"

[[criterion]]
id = "citizen_focus"
name = "Brukar- och medborgarfokus, bemötande"
name_en = "Citizen focus and treatment"
description = """Möter brukare, medborgare och kollegor med respekt, lyhördhet och \
professionalitet. Utgår från deras behov och ger ett gott bemötande."""
description_en = """Treats service users, citizens and colleagues with respect, \
attentiveness and professionalism. Starts from their needs."""
weight = 0.20
applies_to = "all"

[[criterion]]
id = "cooperation"
name = "Samarbete"
name_en = "Cooperation"
description = """Samarbetar konstruktivt inom och mellan enheter och delar med sig av \
kunskap. Bidrar till ett gott arbetsklimat."""
description_en = """Cooperates constructively within and across units and shares \
knowledge. Contributes to a good working climate."""
weight = 0.20
applies_to = "all"

[[criterion]]
id = "development"
name = "Utveckling och kompetens"
name_en = "Development and competence"
description = """Utvecklar sin kompetens och verksamheten, är öppen för förändring och \
bidrar med idéer till förbättringar."""
description_en = """Develops their own competence and the service, is open to change and \
contributes ideas for improvement."""
weight = 0.15
applies_to = "all"

[[criterion]]
id = "responsibility"
name = "Ansvar och initiativ"
name_en = "Responsibility and initiative"
description = """Tar ansvar för sina uppgifter och för helheten, tar initiativ och \
agerar utifrån kommunens riktlinjer."""
description_en = """Takes responsibility for the tasks and for the whole, shows \
initiative and acts within the municipality's guidelines."""
weight = 0.20
applies_to = "all"

[[criterion]]
id = "leadership"
name = "Ledarskap"
name_en = "Leadership"
description = """Leder, motiverar och utvecklar medarbetarna mot verksamhetens mål och tar \
ansvar för arbetsmiljö, ekonomi och tydlig kommunikation."""
description_en = """Leads, motivates and develops staff towards the organisation's goals \
and takes responsibility for work environment, budget and clear communication."""
weight = 0.30
applies_to = "managers"

[matrix]
bounds = [0.90, 1.10]
[matrix.multipliers]
"4" = [1.9, 1.5, 1.2]
"3" = [1.4, 1.2, 0.9]
"2" = [1.2, 1.0, 0.7]
"1" = [0.3, 0.0, 0.0]
'''


def criteria_toml() -> str:
    """The sample's catalogue of shared salary criteria, as ``criteria.toml`` text.

    Returns
    -------
    str
        TOML in the review contract's format: a 4-level ``[scale]`` (expected level 2),
        ``[eligibility]`` for tillsvidareanställda, five criteria for everyone (weights summing
        to 1), ``leadership`` for managers (weight 0.30) and the default ``[matrix]``.

    Examples
    --------
    >>> import tomllib
    >>> cfg = tomllib.loads(criteria_toml())
    >>> [c["id"] for c in cfg["criterion"]]
    ['results', 'citizen_focus', 'cooperation', 'development', 'responsibility', 'leadership']
    """
    return _CRITERIA


def sample_ratings(
    frame: pd.DataFrame, seed: int, *, reference_date: date = date(2026, 9, 1)
) -> pd.DataFrame:
    """Managers' ratings against the shared criteria for the sample's people.

    Each person has a latent performance ~ N(0, 1), drawn independently of gender; each
    criterion that applies to them is rated ``clip(round(2.4 + 0.8 * latent + 0.5 * noise),
    1, 4)`` with fresh noise ~ N(0, 1). :data:`UNRATED_SHARE` of the people hired in the six
    months before ``reference_date`` are left out (not rated yet); :data:`PARTLY_RATED_SHARE`
    of the rest have one shared criterion blank (partly rated).

    Parameters
    ----------
    frame : pandas.DataFrame
        The generator's canonical frame (``employee_id``, ``is_manager``, ``hire_date``, ...).
        A person with several employments is rated once (as a manager if any employment is).
    seed : int
        The generator's seed; the ratings use ``np.random.default_rng(seed + SEED_OFFSET)``.
    reference_date : datetime.date
        The survey's reference date (1 September of the survey year).

    Returns
    -------
    pandas.DataFrame
        ``employee_id`` then one nullable-integer column per criterion id of
        :func:`criteria_toml`; ``<NA>`` where a criterion does not apply or was not rated.
        One row per rated person, sorted by ``employee_id``.

    Examples
    --------
    >>> from payequity.datasets import generate_frame
    >>> frame, _ = generate_frame(300, seed=1)
    >>> r = sample_ratings(frame, seed=1)
    >>> list(r.columns)[:3], r["results"].between(1, 4).all()
    (['employee_id', 'results', 'citizen_focus'], np.True_)
    """
    criteria = tomllib.loads(_CRITERIA)["criterion"]
    ids = [c["id"] for c in criteria]
    people = (
        frame.assign(employee_id=frame["employee_id"].astype(str))
        .groupby("employee_id", sort=True)
        .agg(is_manager=("is_manager", "any"), hire_date=("hire_date", "min"))
        .reset_index()
    )
    n = len(people)
    rng = np.random.default_rng(seed + SEED_OFFSET)
    latent = rng.standard_normal(n)
    noise = rng.standard_normal((n, len(ids)))
    raw = np.rint(CENTRE + LATENT_WEIGHT * latent[:, None] + NOISE_WEIGHT * noise)
    ratings = pd.DataFrame(np.clip(raw, 1, 4).astype(int), columns=ids).astype("Int64")
    manager = people["is_manager"].to_numpy(dtype=bool)
    applies = {"all": np.ones(n, bool), "managers": manager, "staff": ~manager}
    for c in criteria:
        ratings.loc[~applies[c["applies_to"]], c["id"]] = pd.NA

    ref = pd.Timestamp(reference_date)
    recent = np.flatnonzero(
        (pd.to_datetime(people["hire_date"]) > ref - pd.DateOffset(months=6)).to_numpy()
    )
    n_unrated = max(1, round(UNRATED_SHARE * len(recent))) if len(recent) else 0
    unrated = rng.choice(recent, size=n_unrated, replace=False)
    rated = np.setdiff1d(np.arange(n), unrated)
    shared = [c["id"] for c in criteria if c["applies_to"] == "all"]
    n_partly = max(1, round(PARTLY_RATED_SHARE * len(rated)))
    for i in np.sort(rng.choice(rated, size=n_partly, replace=False)):
        ratings.loc[i, shared[int(rng.integers(len(shared)))]] = pd.NA

    out = pd.concat([people[["employee_id"]], ratings], axis=1).iloc[rated]
    return out.reset_index(drop=True)


def ratings_csv_rows(ratings: pd.DataFrame) -> list[list[str]]:
    """The rows of ``ratings.csv`` (header first): integers as text, blank where missing.

    Examples
    --------
    >>> r = pd.DataFrame({"employee_id": ["7"], "results": pd.array([None], dtype="Int64")})
    >>> ratings_csv_rows(r)
    [['employee_id', 'results'], ['7', '']]
    """
    body = [
        ["" if pd.isna(v) else str(int(v)) if k else str(v) for k, v in enumerate(row)]
        for row in ratings.itertuples(index=False)
    ]
    return [list(ratings.columns), *body]

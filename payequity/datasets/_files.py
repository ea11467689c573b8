"""Writing the sample municipality's files: a Swedish payroll export, the config, the gaps."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

ORGANISATION = "Exempelkommun"

#: Header of ``pay.csv``, in order.
CSV_HEADER: tuple[str, ...] = (
    "Anst.nr",
    "Kön",
    "Födelseår",
    "Förvaltning",
    "Enhet",
    "Befattningskod",
    "Befattning",
    "Syssgrad %",
    "Månadslön heltid",
    "Fast tillägg",
    "Ansvarstillägg",
    "Rörlig lön (år)",
    "Veckoarbetstid",
    "Anställningsdatum",
    "Anställningsform",
    "Chef",
    "Chefens anst.nr",
)

#: ``[data.columns]`` of the written survey.toml: canonical name -> pay.csv header(s).
SURVEY_COLUMNS: dict[str, str | tuple[str, ...]] = {
    "employee_id": "Anst.nr",
    "gender": "Kön",
    "birth_year": "Födelseår",
    "unit": "Enhet",
    "unit_path": ("Förvaltning", "Enhet"),
    "job_code": "Befattningskod",
    "job_title": "Befattning",
    "fte": "Syssgrad %",
    "base_salary": "Månadslön heltid",
    "supplements": ("Fast tillägg", "Ansvarstillägg"),
    "variable_pay": "Rörlig lön (år)",
    "weekly_hours": "Veckoarbetstid",
    "hire_date": "Anställningsdatum",
    "employment_form": "Anställningsform",
    "is_manager": "Chef",
    "manager_id": "Chefens anst.nr",
}


def _number(value: float, decimals: int = 2) -> str:
    """A number with a decimal comma and no trailing zeros: 100, 87,5, 38,25."""
    text = f"{value:.{decimals}f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def _toml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_sample(
    frame: pd.DataFrame,
    injected: list[dict[str, Any]],
    out: str | Path,
    *,
    output_dir: str = "reports",
    archive_dir: str = "reports/archive",
    year: int = 2026,
    seed: int = 0,
) -> None:
    """Write ``pay.csv``, ``job_evaluation.csv``, ``injected_gaps.json``, ``survey.toml``,
    the registers of :func:`write_registers` and the salary-review inputs ``criteria.toml`` and
    ``ratings.csv`` (:mod:`payequity.datasets._review`, drawn with ``seed``).

    ``pay.csv`` is a Swedish payroll export: UTF-8 with BOM, ``;``, decimal comma, LF line ends,
    the header :data:`CSV_HEADER`, gender as K/M, Syssgrad in percent, whole kronor (Rörlig lön
    with öre), Chef as Ja/Nej, rows sorted by Förvaltning, Enhet, Anst.nr. ``output_dir`` and
    ``archive_dir`` go into ``[output]`` and ``[archive]`` (relative to ``out``). ``ratings.csv``
    is written like ``pay.csv`` (BOM, ``;``, LF): whole-number ratings, blank where not rated.

    Examples
    --------
    >>> import tempfile
    >>> from payequity.datasets import generate_frame
    >>> frame, injected = generate_frame(100, seed=0)
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     write_sample(frame, injected, tmp)
    ...     sorted(p.name for p in Path(tmp).iterdir())
    ['criteria.toml', 'explanations.csv', 'injected_gaps.json', 'job_evaluation.csv', 'pay.csv', 'ratings.csv', 'rules_and_practice.csv', 'samverkan.csv', 'survey.toml']
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    f = frame.copy()
    f["_forv"] = f["unit_path"].astype(str).str.split("/").str[0]
    f = f.sort_values(["_forv", "unit", "employee_id"], kind="mergesort")
    hire = pd.to_datetime(f["hire_date"]).dt.strftime("%Y-%m-%d")
    rows = zip(
        f["employee_id"],
        f["gender"].map({"F": "K", "M": "M"}),
        f["birth_year"],
        f["_forv"],
        f["unit"],
        f["job_code"],
        f["job_title"],
        (_number(100.0 * v) for v in f["fte"]),
        (f"{v:.0f}" for v in f["base_salary"]),
        (f"{v:.0f}" for v in f["fixed_supplement"]),
        (f"{v:.0f}" for v in f["responsibility_supplement"]),
        ("0" if v == 0 else f"{v:.2f}".replace(".", ",") for v in f["variable_pay"]),
        (_number(v) for v in f["weekly_hours"]),
        hire,
        f["employment_form"],
        np.where(f["is_manager"], "Ja", "Nej"),
        f["manager_id"].fillna(""),
        strict=True,
    )
    with open(out / "pay.csv", "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";", lineterminator="\n")
        writer.writerow(CSV_HEADER)
        writer.writerows([str(v) for v in row] for row in rows)
    write_job_evaluation(out / "job_evaluation.csv", sorted(set(frame["job_code"])))
    text = json.dumps(injected, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    (out / "injected_gaps.json").write_text(text, encoding="utf-8")
    (out / "survey.toml").write_text(_survey_toml(year, output_dir, archive_dir), encoding="utf-8")
    write_registers(out, year)
    write_review(out, frame, seed, year)


def write_review(out: Path, frame: pd.DataFrame, seed: int, year: int) -> None:
    """The sample's salary-review inputs beside survey.toml: ``criteria.toml``, ``ratings.csv``."""
    from ._review import criteria_toml, ratings_csv_rows, sample_ratings

    with open(out / "criteria.toml", "w", encoding="utf-8", newline="\n") as fh:
        fh.write(criteria_toml())
    ratings = sample_ratings(frame, seed, reference_date=date(year, 9, 1))
    with open(out / "ratings.csv", "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, delimiter=";", lineterminator="\n").writerows(ratings_csv_rows(ratings))


def _survey_toml(year: int, output_dir: str, archive_dir: str) -> str:
    def value(v: str | tuple[str, ...]) -> str:
        return _toml_str(v) if isinstance(v, str) else f"[{', '.join(map(_toml_str, v))}]"

    return (
        "\n".join(
            [
                "# Survey configuration for the sample municipality (generated by payequity.datasets).",
                "[survey]",
                f"organisation = {_toml_str(ORGANISATION)}",
                f"year = {year}",
                f'reference_date = "{date(year, 9, 1).isoformat()}"',
                'language = "sv"',
                "",
                "[data]",
                'path = "pay.csv"',
                "",
                "[data.columns]",
                *(f"{k} = {value(v)}" for k, v in SURVEY_COLUMNS.items()),
                "",
                "[data.values.gender]",
                'K = "F"',
                'M = "M"',
                "",
                "[job_evaluation]",
                'path = "job_evaluation.csv"',
                'model = "default"',
                "",
                "[review]",
                'criteria = "criteria.toml"',
                'ratings = "ratings.csv"',
                "pot_pct = 3.0",
                "guarantee = 300",
                "action_plan_share = 0.25",
                f'effective_date = "{date(year + 1, 4, 1).isoformat()}"',
                "",
                "[letters]",
                "# who answers employees' questions about their pay information (Art. 7 letters)",
                'contact = "HR-avdelningen, lon@exempelkommun.example"',
                "",
                "[output]",
                f"dir = {_toml_str(output_dir)}",
                "",
                "[archive]",
                f"dir = {_toml_str(archive_dir)}",
            ]
        )
        + "\n"
    )


#: The evaluation committee: employer, line management and the union, as the law expects.
EVALUATORS = ("HR", "Chef", "Facklig företrädare")
#: Jobs the sample leaves with two evaluators, so the evaluator check has something to show.
TWO_EVALUATORS = ("101010", "421010")


def write_job_evaluation(path: Path, codes: list[str]) -> None:
    """The sample's job evaluation: each job rated by the committee in the default model.

    Every job's median level per sub-factor is its catalogue level, so the evaluated points
    equal the points the generator's pay line uses. Where evaluators disagree, one rates a
    sub-factor a level higher and another a level lower (seeded by the job code).
    """
    from . import _jobs as sj

    rows = []
    for code in codes:
        job = sj.JOBS_BY_CODE[code]
        rng = np.random.default_rng(int(code))
        ratings = [list(job.levels) for _ in EVALUATORS]
        if code not in TWO_EVALUATORS and rng.random() < 0.6:
            i = int(rng.integers(len(sj.SUBFACTORS)))
            if 0 < job.levels[i] < sj.MAX_LEVELS[i]:
                ratings[1][i] += 1
                ratings[2][i] -= 1
        who = EVALUATORS[:2] if code in TWO_EVALUATORS else EVALUATORS
        rows += [[code, job.title, name, *ratings[k]] for k, name in enumerate(who)]
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=";", lineterminator="\n")
        writer.writerow(["job_code", "job_title", "evaluator", *sj.SUBFACTORS])
        writer.writerows(rows)


#: The sample's explanations: the work of the survey group half done. The injected equal-work
#: gap (351015) is judged related to gender, the equal-value pair (201010 vs 171010) unclear,
#: so both stay in the action plan; 401010, where the women earn more, is explained.
_EXPLANATIONS = [
    (
        "equal_work",
        "/351015/{pay}",
        "other",
        "Skillnaden kvarstår när ålder och anställningstid hålls lika; ingen saklig grund har "
        "hittats. Kvinnornas löner justeras.",
        "Regressionsbilaga, lönekartläggning {year}",
        "ja",
    ),
    (
        "equal_work",
        "/401010/{pay}",
        "experience",
        "Kvinnorna i gruppen har fler år som specialister och fler handledaruppdrag.",
        "Kompetensregister och uppdragsförteckning {year}",
        "nej",
    ),
    (
        "equal_value",
        "/201010/171010/{pay}",
        "market",
        "Ingenjörer rekryteras i konkurrens med privat sektor; om det förklarar hela skillnaden "
        "mot sjuksköterskorna är inte utrett.",
        "SCB lönestatistik {prev}; rekryteringsuppföljning {prev}",
        "oklart",
    ),
]
_SAMVERKAN = [
    (
        "{year}-09-10",
        "HR-chef, löneanalytiker; Kommunal, Vision, Vårdförbundet",
        "Kommunal, Vision, Vårdförbundet",
        "Planering av lönekartläggningen",
        "Tidplan, metod, gruppindelning och arbetsvärdering",
    ),
    (
        "{year}-10-06",
        "HR-chef, löneanalytiker; Kommunal, Vision, Vårdförbundet, Sveriges Ingenjörer",
        "Kommunal, Vision, Vårdförbundet, Sveriges Ingenjörer",
        "Analys av skillnader",
        "Resultat för lika och likvärdigt arbete; förslag till förklaringar",
    ),
    (
        "{year}-10-27",
        "HR-chef; Kommunal, Vision, Vårdförbundet, Sveriges Ingenjörer",
        "Kommunal, Vision, Vårdförbundet, Sveriges Ingenjörer",
        "Handlingsplan",
        "Förslag till lönejusteringar, kostnad och tidplan",
    ),
]
_RULES = {  # item → (gender_neutral, assessment, action); the rest "ja", assessed as neutral
    "Marknadstillägg": (
        "oklart",
        "Tilläggen går oftare till män; grunden dokumenteras inte alltid.",
        "Dokumentera grund och tidsgräns för varje marknadstillägg",
    ),
    "Lönesättning vid nyanställning": (
        "oklart",
        "Ingångslönen förhandlas individuellt utan skriftligt underlag.",
        "Inför riktlinje för ingångslöner",
    ),
}


def write_registers(out: Path, year: int) -> None:
    """The sample's registers beside survey.toml: explanations, samverkan, rules and practice.

    They show a survey under way: a few explanations (one market explanation with evidence),
    three samverkan meetings, and every rule assessed, two of them as unclear.
    """
    from ..actions import rules_template

    header = [
        "item_kind",
        "item_key",
        "category",
        "text",
        "evidence",
        "gender_related",
        "author",
        "date",
    ]
    rows = [
        [
            kind,
            key.format(pay=pay),
            cat,
            text,
            ev.format(year=year, prev=year - 1),
            rel,
            "Lönekartläggningsgruppen",
            f"{year}-10-06",
        ]
        for kind, key, cat, text, ev, rel in _EXPLANATIONS
        for pay in ("base_salary", "monthly_pay")
    ]
    _write_csv(out / "explanations.csv", header, rows)
    meetings = [[d.format(year=year), *rest] for d, *rest in _SAMVERKAN]
    _write_csv(
        out / "samverkan.csv",
        ["date", "participants", "organisations", "topic", "information_given"],
        meetings,
    )
    rules = rules_template("sv")
    neutral = "Bedömd som könsneutral i utformning och tillämpning."
    cells = [_RULES.get(item, ("ja", neutral, "")) for item in rules["item"]]
    rules["gender_neutral"] = [c[0] for c in cells]
    rules["assessment"] = [c[1] for c in cells]
    rules["action"] = [c[2] for c in cells]
    rules["author"] = "HR och fackliga företrädare"
    rules["date"] = f"{year}-09-10"
    _write_csv(out / "rules_and_practice.csv", list(rules.columns), rules.values.tolist())


def _write_csv(path: Path, header: list[str], rows: list[list[Any]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=";", lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)

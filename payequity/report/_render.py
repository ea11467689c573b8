"""Reports people read: the overview PDF, one PDF per unit, and the workbook (DESIGN §7).

PDFs are laid out by typst from ``payequity/templates/report.typ``; the content (every text,
number and chart) comes from :mod:`payequity.report._content`, in Swedish unless
``survey.language = "en"``. The workbook holds every data file of the run, a sheet each.

Examples
--------
>>> import tempfile, pathlib, payequity as pe
>>> with tempfile.TemporaryDirectory() as tmp:
...     run = pe.run("data/sample/survey.toml", out=tmp, only="data",
...                  timestamp="2026-10-30T12:00:00Z")
...     _ = pe.write_workbook(run, pathlib.Path(tmp, "survey.xlsx"))
...     pathlib.Path(tmp, "survey.xlsx").stat().st_size > 10_000
True
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..pipeline import SurveyRun

__all__ = ["render_overview", "render_unit", "slugs", "write_workbook"]


def _created(run: SurveyRun) -> dt.datetime:
    return dt.datetime.fromisoformat(run.manifest["created_at"].replace("Z", "+00:00"))


def overview_pdf(run: SurveyRun, *, strict: bool = False) -> tuple[bytes, list[str]]:
    """The overview as PDF bytes and typst's warnings."""
    from ._content import document
    from ._figures import draw
    from ._typst import render_pdf

    figures = draw(run, None, str(run.config.survey.language))
    return render_pdf(document(run, None, figures), figures, timestamp=_created(run), strict=strict)


def unit_pdf(run: SurveyRun, unit: str, *, strict: bool = False) -> tuple[bytes, list[str]]:
    """One unit's report as PDF bytes and typst's warnings."""
    from ._content import document
    from ._figures import draw
    from ._typst import render_pdf

    if unit not in run.results["equal_work_by_unit"] and unit not in set(
        run.data.frame[run.data.unit_column].astype(str)
    ):
        from ..exceptions import ConfigError

        raise ConfigError(f"unit {unit!r} is not in the pay data; see run.data.frame")
    figures = (
        draw(run, unit, str(run.config.survey.language))
        if unit in run.results["equal_work_by_unit"]
        else {}
    )
    return render_pdf(document(run, unit, figures), figures, timestamp=_created(run), strict=strict)


def render_overview(run: SurveyRun, path: str | Path) -> Path:
    """Write the overview PDF of a run (whole organisation) to ``path``.

    Parameters
    ----------
    run : SurveyRun
        From :func:`payequity.run`.
    path : path
        Where to write the PDF.

    Returns
    -------
    Path
    """
    path = Path(path)
    path.write_bytes(overview_pdf(run)[0])
    return path


def render_unit(run: SurveyRun, unit: str, path: str | Path) -> Path:
    """Write one unit's PDF (the unit key, as in ``run.results["equal_work_by_unit"]``)."""
    path = Path(path)
    path.write_bytes(unit_pdf(run, unit)[0])
    return path


def write_workbook(run: SurveyRun, path: str | Path | None = None) -> bytes:
    """The workbook ``survey.xlsx``: every data file of the run, a sheet each, headers in the
    report's language; written to ``path`` when given. Returns the bytes."""
    from ._workbook import write_workbook_tables

    tables: dict[str, Any] = dict(run.tables)
    og = run.results.get("org_gap")
    if og is not None:
        tables["org_gap"] = og
    language = str(run.config.survey.language)
    title = f"{run.config.survey.organisation} {run.manifest['year']}"
    facts = run.manifest.get("suppression")
    if facts:  # manager and public: say which cells are empty and which rows left out
        title += " – " + _edition(run.manifest["audience"], language)
    return write_workbook_tables(
        tables,
        path,
        language=language,
        title=title,
        notes=_suppression_notes(facts, language, str(run.config.data.currency)) if facts else None,
        created=_created(run).replace(tzinfo=None),
        titles=_job_titles(run),
        units=_workplaces(run),
    )


def _edition(audience: str, language: str) -> str:
    words = {"manager": ("utgåva för chefer", "edition for managers")}
    pair = words.get(audience, ("offentlig utgåva", "public edition"))
    return pair[0] if language == "sv" else pair[1]


def _suppression_notes(facts: dict[str, Any], language: str, currency: str) -> dict[str, str]:
    """Per sheet: how many cells are empty by suppression, and the rows left out."""
    from .._format import fmt_kr, fmt_number

    sv, k = language == "sv", facts["min_cell"]
    notes: dict[str, str] = {}
    for stem, count in facts.get("cells", {}).items():
        n = fmt_number(count, 0, language)
        if count:
            notes[stem] = (
                f"{n} värden är tomma: de bygger på färre än {k} kvinnor eller {k} män, eller "
                "skulle gå att räkna fram ur andra värden."
                if sv
                else f"{n} values are empty: they rest on fewer than {k} women or {k} men, or "
                "could be worked out from other values."
            )
    left = {
        "action_plan": ("åtgärder för enskilda", "measures for individuals"),
        "explanations": ("förklaringar för enskilda", "explanations for individuals"),
        "follow_up": ("uppföljning av åtgärder för enskilda", "follow-up of individual measures"),
    }
    notes["org_gap"] = (
        "Oaxaca–Blinder-delarna för arbetsgrupperna är summerade till en rad: en enskild "
        "arbetsgrupps del speglar lönerna för just dess anställda."
        if sv
        else "The Oaxaca–Blinder parts of the work groups are summed into one row: a single "
        "work group's part reflects the pay of just its people."
    )
    pm = (facts.get("hidden_measures") or {}).get("total") or {}
    for stem, count in facts.get("rows_left_out", {}).items():
        if stem in left and count:
            what, n = left[stem][0 if sv else 1], fmt_number(count, 0, language)
            extra = (
                f"{n} rader med {what} ingår inte i den här utgåvan."
                if sv
                else f"{n} rows of {what} are not in this edition."
            )
            if stem == "action_plan" and pm.get("cost_yearly") is not None:
                people = fmt_number(pm["n_people"], 0, language)
                cost = fmt_kr(pm["cost_yearly"], 0, language, currency)
                extra += (
                    f" Tillsammans med åtgärderna för små grupper gäller de {people} personer "
                    f"och kostar {cost} per år med lönebikostnader."
                    if sv
                    else f" With the measures for small groups they concern {people} people "
                    f"and cost {cost} a year with payroll overhead."
                )
            notes[stem] = f"{notes[stem]} {extra}" if stem in notes else extra
    return notes


def _workplaces(run: SurveyRun) -> dict[str, str]:
    """Employee id → the unit the person works in (the first, for two employments)."""
    f = run.data.frame
    if not {"employee_id", "unit"} <= set(f.columns):
        return {}
    pairs = f[["employee_id", "unit"]].dropna().astype(str).drop_duplicates("employee_id")
    return dict(zip(pairs["employee_id"], pairs["unit"], strict=True))


def _job_titles(run: SurveyRun) -> dict[str, dict[str, str]]:
    """Job code → job title (:func:`._figures.job_titles`), and work group → title for the
    work groups whose people share one job title."""
    from ._figures import job_titles

    groups: dict[str, str] = {}
    f = run.data.frame
    if {"work_group", "job_title"} <= set(f.columns):
        named = f.dropna(subset=["job_title"]).astype({"work_group": str, "job_title": str})
        one = named.groupby("work_group")["job_title"].agg(
            lambda s: s.iloc[0] if s.nunique() == 1 else None
        )
        groups = {g: t for g, t in one.items() if t and t != g}
    return {"job": job_titles(run), "work_group": groups}


def slug(key: str) -> str:
    """A file name for a key (DESIGN §5): NFKD to ASCII, lower case, ``[a-z0-9-]``, ≤ 73.

    Examples
    --------
    >>> slug("Barn- och utbildningsförvaltningen/Sjövikskolan")
    'barn-och-utbildningsforvaltningen-sjovikskolan'
    >>> slug("///")
    'unit'
    """
    text = unicodedata.normalize("NFKD", str(key)).encode("ascii", "ignore").decode().lower()
    out, dash = [], False
    for ch in text:
        if ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    s = "".join(out).strip("-")[:73].strip("-")
    return s or "unit"


def slugs(keys: Iterable[str]) -> dict[str, str]:
    """Unique file names for keys: colliding slugs all get ``-`` + 6 hex of sha256 of the key.

    Examples
    --------
    >>> slugs(["A/B", "a-b", "C"])
    {'A/B': 'a-b-998d3e', 'a-b': 'a-b-d44362', 'C': 'c'}
    """
    keys = list(keys)
    base = {k: slug(k) for k in keys}
    count: dict[str, int] = {}
    for s in base.values():
        count[s] = count.get(s, 0) + 1
    out = {}
    for k, s in base.items():
        if count[s] > 1:
            s = f"{s[:66]}-{hashlib.sha256(k.encode('utf-8')).hexdigest()[:6]}"
        out[k] = s
    return out

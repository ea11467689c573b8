"""The pay-talk statement (lönesamtal) as a typst document: what :mod:`payequity.privacy`
decided a statement holds, worded for the employee and their manager."""

from __future__ import annotations

import datetime as dt

from ..privacy import PayRange, Statement
from ._letters import (
    LetterWords,
    category_blocks,
    column_words,
    criterion_name,
    criterion_text,
    employment_line,
    own_pay_blocks,
)

__all__ = ["statement_document"]


def statement_document(statement: Statement, words: LetterWords, created: dt.datetime) -> dict:
    """The typst document of one employee's pay-talk statement."""
    w = words
    s = statement
    facts = [
        [w.tr("Anställningsnummer", "Employee number"), s.employee_id],
        [w.tr("Lönen per", "Pay as of"), w.reference_date],
        [w.tr("Utskrivet", "Printed"), created.date().isoformat()],
    ]
    sections = []
    for job in s.jobs:
        pay = job.employment.pay
        head = w.tr("Din lön", "Your pay")
        if len(s.jobs) > 1:
            head += f" – {w.job(pay)}"
        blocks = [{"type": "text", "text": employment_line(w, pay)}]
        blocks += own_pay_blocks(w, pay)[:1]
        blocks += _range_blocks(w, job.job_range, job.band_range, pay.base_salary, s)
        if job.proposal is not None:
            blocks += _proposal_blocks(w, job.proposal)
        sections.append({"title": head, "blocks": blocks})
    sections.append(
        {
            "title": w.tr("Bedömning mot lönekriterierna", "Rating against the salary criteria"),
            "blocks": _rating_blocks(w, s),
        }
    )
    averages: list[dict] = [
        {
            "type": "text",
            "text": w.tr(
                "Samma uppgifter som du får om du begär löneinformation enligt artikel 7 i EU:s "
                "lönetransparensdirektiv: genomsnittslönen för kvinnor och män med samma arbete och med "
                "arbete av lika värde.",
                "The same figures you get when you ask for pay information under Article 7 of the EU Pay "
                "Transparency Directive: the average pay of women and men doing the same work and work "
                "of equal value.",
            ),
        }
    ]
    for job in s.jobs:
        averages += category_blocks(
            w, job.employment, s.gender, s.equal_value_basis, s.band_width, s.min_cell
        )
    sections.append(
        {
            "title": w.tr("Genomsnittslöner för kvinnor och män", "Average pay of women and men"),
            "blocks": averages,
        }
    )
    return {
        "layout": "letter",
        "lang": w.language,
        "title": w.tr("Underlag för lönesamtal", "Pay talk statement"),
        "subtitle": w.tr(
            "För dig och din chef inför lönesamtalet",
            "For you and your manager before the pay talk",
        ),
        "organisation": w.organisation,
        "status": "final",
        "cover_facts": facts,
        "created": created.date().isoformat(),
        "footer": w.footer(
            w.tr(
                "Personligt – till den anställda och chefen",
                "Personal – for the employee and the manager",
            )
        ),
        "page_label": w.tr("Sida", "Page"),
        "of_label": w.tr("av", "of"),
        "sections": sections,
    }


def _range_blocks(
    w: LetterWords, job: PayRange, band: PayRange | None, own: float, s: Statement
) -> list[dict]:
    rows = [_range_row(w, w.tr("Ditt arbete", "Your job"), job)]
    if band is not None:
        label = w.band(band.code, s.equal_value_basis, s.band_width)
        rows.append(
            _range_row(
                w,
                w.tr(f"Ditt värdeband: {label}", f"Your value band: {label}")
                if s.equal_value_basis == "band"
                else label,
                band,
            )
        )
    blocks: list[dict] = [
        {
            "type": "heading",
            "level": 2,
            "text": w.tr("Din grundlön jämfört med andras", "Your base pay against others'"),
        },
        {
            "type": "text",
            "text": w.tr(
                f"Din grundlön vid heltid är {w.kr(own)} i månaden. Tabellen visar hur grundlönen "
                "vid heltid sprider sig bland alla med samma arbete och i samma värdeband: en tiondel "
                "tjänar mindre än P10, hälften mindre än medianen och nio av tio mindre än P90. "
                "Siffrorna är avrundade till hela hundratal kronor.",
                f"Your base pay at full time is {w.kr(own)} a month. The table shows how base pay at "
                "full time spreads among everyone in the same job and the same value band: one in "
                "ten earns less than P10, half less than the median, and nine in ten less than P90. "
                "The figures are rounded to the nearest hundred.",
            ),
        },
        {
            "type": "table",
            "columns": ["", w.tr("Antal", "Number"), "P10", "Median", "P90"],
            "rows": rows,
            "align": ["left", "right", "right", "right", "right"],
            "widths": [0.4, 0.12, 0.16, 0.16, 0.16],
        },
    ]
    where = _position(w, own, job)
    if where:
        blocks.append({"type": "text", "text": where})
    if any(r.p10 is None or r.median is None for r in (job, band) if r is not None):
        blocks.append(
            {
                "type": "text",
                "text": w.tr(
                    "Ett streck (–) betyder att för få har arbetet för att visa siffran utan att den blir "
                    "en enskild persons lön: medianen visas från 5 personer, P10 och P90 från 21.",
                    "A dash (–) means too few hold the job to show the figure without it being one "
                    "person's pay: the median is shown from 5 people, P10 and P90 from 21.",
                ),
            }
        )
    return blocks


def _range_row(w: LetterWords, label: str, r: PayRange) -> list[str]:
    return [label, w.num(r.n), w.kr(r.p10), w.kr(r.median), w.kr(r.p90)]


def _position(w: LetterWords, own: float, r: PayRange) -> str:
    if r.median is None:
        return ""
    share = w.pct(100 * own / r.median, 0)
    if r.p10 is not None and own < r.p10:
        where = w.tr("under P10 för ditt arbete", "below P10 of your job")
    elif r.p90 is not None and own > r.p90:
        where = w.tr("över P90 för ditt arbete", "above P90 of your job")
    else:
        where = ""
    text = w.tr(
        f"Din grundlön är {share} av medianen för ditt arbete",
        f"Your base pay is {share} of your job's median",
    )
    return text + (f", {where}." if where else ".")


def _proposal_blocks(w: LetterWords, p) -> list[dict]:
    if not p.eligible:
        why = column_words(w, p.reason) if p.reason else ""
        return [
            {
                "type": "notice",
                "tone": "info",
                "text": w.tr(
                    "Du ingår inte i årets löneöversyn enligt reglerna för vem som omfattas"
                    + (f" ({why})." if why else "."),
                    "You are not part of this year's pay review under the rules for who takes part"
                    + (f" ({why})." if why else "."),
                ),
            }
        ]
    return [
        {
            "type": "notice",
            "tone": "info",
            "title": w.tr("Förslag i löneöversynen", "Proposal in the pay review"),
            "text": w.tr(
                f"Förslaget är {w.kr(p.raise_monthly)} mer i månaden vid heltid "
                f"({w.pct(p.raise_pct)}), en ny grundlön på {w.kr(p.new_base_salary)} från "
                f"{p.effective_date}. Det är ett förslag, inte ett beslut: lönen bestäms efter "
                "lönesamtalet.",
                f"The proposal is {w.kr(p.raise_monthly)} more a month at full time "
                f"({w.pct(p.raise_pct)}), a new base pay of {w.kr(p.new_base_salary)} from "
                f"{p.effective_date}. It is a proposal, not a decision: pay is set after the "
                "pay talk.",
            ),
        }
    ]


def _rating_blocks(w: LetterWords, s: Statement) -> list[dict]:
    if not s.criteria:
        return [
            {
                "type": "text",
                "text": w.tr(
                    "Inga lönekriterier och inga bedömningar är registrerade. Chefen går igenom "
                    "lönekriterierna med dig i samtalet.",
                    "No salary criteria and no ratings are registered. Your manager goes through the "
                    "salary criteria with you in the talk.",
                ),
            }
        ]
    scale = s.scale
    labels = scale.get("labels_en") if not w.sv and scale.get("labels_en") else scale.get("labels")
    labels = list(labels or [])

    def label(level: float | None) -> str:
        if level is None:
            return w.tr("ej bedömd", "not rated")
        i = int(round(level)) - int(scale.get("min", 1))
        word = labels[i] if 0 <= i < len(labels) else ""
        return f"{w.num(level)} – {word}" if word else w.num(level)

    blocks: list[dict] = []
    if not s.rated:
        blocks.append(
            {
                "type": "notice",
                "tone": "info",
                "text": w.tr(
                    "Inga bedömningar är registrerade för dig. Chefen går igenom lönekriterierna med dig "
                    "i samtalet.",
                    "No ratings are registered for you. Your manager goes through the salary criteria "
                    "with you in the talk.",
                ),
            }
        )
    else:
        lo, hi = int(scale.get("min", 1)), int(scale.get("max", 4))
        blocks.append(
            {
                "type": "text",
                "text": w.tr(
                    f"Chefens bedömning av hur du utför ditt arbete, på en skala från {lo} till {hi}, "
                    f"där {scale.get('expected', lo)} är den förväntade nivån.",
                    f"Your manager's rating of how you do your work, on a scale from {lo} to {hi}, where "
                    f"{scale.get('expected', lo)} is the expected level.",
                ),
            }
        )
        rows = [[criterion_name(w, r.criterion), label(r.level)] for r in s.ratings]
        blocks.append(
            {
                "type": "table",
                "columns": [w.tr("Lönekriterium", "Salary criterion"), w.tr("Bedömning", "Rating")],
                "rows": rows,
                "align": ["left", "left"],
                "widths": [0.55, 0.45],
            }
        )
    blocks.append(
        {"type": "heading", "level": 2, "text": w.tr("Lönekriterierna", "The salary criteria")}
    )
    blocks.append({"type": "list", "items": [criterion_text(w, c) for c in s.criteria]})
    return blocks

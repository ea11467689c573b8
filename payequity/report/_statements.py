"""The pay-talk statement (lönesamtal) as a typst document: what :mod:`payequity.privacy`
decided a statement holds, worded for the employee and their manager."""

from __future__ import annotations

import datetime as dt

from ..privacy import PayRange, Proposal, Statement, StatementJob
from ._letter_words import (
    LetterWords,
    column_words,
    criterion_name,
    criterion_text,
    job_evaluation_sentence,
)
from ._letters import category_blocks, own_pay_rows

__all__ = ["statement_document", "statement_pdf"]


def statement_document(statement: Statement, words: LetterWords, created: dt.datetime) -> dict:
    """The typst document of one employee's pay-talk statement."""
    w = words
    w.said.clear()
    s = statement
    facts = [
        [w.tr("Anställningsnummer", "Employee number"), s.employee_id],
        [w.tr("Uppgifterna gäller lönen den", "The figures are the pay of"), w.reference_date],
        [w.tr("Utskrivet", "Printed"), created.date().isoformat()],
    ]
    sections = []
    for job in s.jobs:
        pay = job.employment.pay
        head = w.tr("Din lön", "Your pay")
        if len(s.jobs) > 1:
            head += f" – {w.job_name(pay)}"
        blocks: list[dict] = []
        if not sections:
            blocks.append(
                w.text(
                    w.tr(
                        "Underlaget är till för dig och din chef inför lönesamtalet. Siffrorna gäller "
                        f"lönen den {w.reference_date}; ändringar efter den dagen syns inte.",
                        "This statement is for you and your manager before the pay talk. The figures are "
                        f"the pay of {w.reference_date}; changes after that day do not show.",
                    )
                )
            )
        blocks.append({"type": "facts", "rows": own_pay_rows(w, pay)})
        blocks.append(
            w.text(
                w.tr(
                    "Årslön och timlön räknas som EU:s lönetransparensdirektiv anger (artikel 3): årslön "
                    "= 12 × månadslön vid heltid × sysselsättningsgrad + rörlig lön; timlön = årslönen "
                    "delat med årets arbetstid.",
                    "Annual and hourly pay are counted as the EU Pay Transparency Directive says "
                    "(Article 3): annual pay = 12 × monthly pay at full time × employment rate + variable "
                    "pay; hourly pay = annual pay divided by the working time of the year.",
                )
            )
        )
        blocks += _range_blocks(w, job, s)
        if job.proposal is not None:
            blocks += _proposal_blocks(w, job.proposal, pay.fte)
        sections.append({"title": head, "blocks": blocks})
    sections.append(
        {
            "title": w.tr("Bedömning mot lönekriterierna", "Rating against the salary criteria"),
            "blocks": _rating_blocks(w, s),
        }
    )
    averages: list[dict] = [
        w.text(
            w.tr(
                "Samma uppgifter som du får om du begär löneinformation enligt artikel 7 i EU:s "
                "lönetransparensdirektiv: genomsnittslönen för kvinnor och män med samma arbete och med "
                "arbete av lika värde.",
                "The same figures you get when you ask for pay information under Article 7 of the EU Pay "
                "Transparency Directive: the average pay of women and men doing the same work and work "
                "of equal value.",
            )
        )
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


def statement_pdf(statement: Statement, words: LetterWords, created: dt.datetime) -> bytes:
    """One pay-talk statement as PDF bytes."""
    from ._typst import render_pdf

    return render_pdf(statement_document(statement, words, created), timestamp=created)[0]


def _range_blocks(w: LetterWords, job: StatementJob, s: Statement) -> list[dict]:
    pay = job.employment.pay
    own = pay.base_salary
    rows = [
        _range_row(
            w,
            w.tr(f"Ditt arbete: {w.job_name(pay)}", f"Your job: {w.job_name(pay)}"),
            job.job_range,
        )
    ]
    band = job.band_range
    same = band is not None and band.n == job.job_range.n
    if band is not None:
        label = w.band(band.code, s.equal_value_basis, s.band_width)
        rows.append(
            _range_row(
                w,
                w.tr(f"Ditt {label}", f"Your {label}") if s.equal_value_basis == "band" else label,
                band,
            )
        )
    text = w.tr(
        f"Din grundlön vid heltid är {w.kr(own)} i månaden. Tabellen visar hur grundlönen vid "
        "heltid fördelar sig bland alla med samma arbete och i samma värdeband: en av tio har "
        "lägre grundlön än P10, hälften lägre än medianen och nio av tio lägre än P90. Siffrorna är "
        "avrundade till hela hundratal kronor.",
        f"Your base pay at full time is {w.kr(own)} a month. The table shows how base pay at "
        "full time spreads among everyone in the same job and the same value band: one in ten "
        "earns less than P10, half less than the median, and nine in ten less than P90. The "
        "figures are rounded to the nearest hundred.",
    )
    if band is not None and s.equal_value_basis == "band":
        text = " ".join(x for x in (text, w.band_meaning("band")) if x)
    if same:
        text += " " + w.tr(
            "Inget annat arbete finns i ditt värdeband, så raderna är lika.",
            "No other job is in your value band, so the rows are the same.",
        )
    blocks: list[dict] = [
        w.heading(w.tr("Din grundlön jämfört med andras", "Your base pay against others'")),
        w.text(text),
        {
            "type": "table",
            "columns": ["", w.tr("Antal", "Number"), "P10", "Median", "P90"],
            "rows": rows,
            "align": ["left", "right", "right", "right", "right"],
            "widths": [0.4, 0.12, 0.16, 0.16, 0.16],
        },
    ]
    where = _position(w, own, job.job_range)
    if where:
        blocks.append(w.text(where))
    if any(r.p10 is None or r.median is None for r in (job.job_range, band) if r is not None):
        blocks.append(
            w.text(
                w.tr(
                    "Ett streck (–) betyder att gruppen är för liten: siffran skulle ligga för nära en "
                    "enskild persons lön. Medianen visas när gruppen har minst 5 personer, P10 och P90 "
                    "när den har minst 21.",
                    "A dash (–) means the group is too small: the figure would be too close to one "
                    "person's pay. The median is shown from 5 people, P10 and P90 from 21.",
                )
            )
        )
    return blocks


def _range_row(w: LetterWords, label: str, r: PayRange) -> list[str]:
    return [label, w.num(r.n), w.kr(r.p10), w.kr(r.median), w.kr(r.p90)]


def _position(w: LetterWords, own: float, r: PayRange) -> str:
    """Where the employee's base pay stands in the job's range, in words."""
    if r.median is None:
        return ""
    diff = 100 * (own / r.median - 1)
    size = w.pct(abs(diff), 0)
    if size == w.pct(0, 0):
        text = w.tr(
            "Din grundlön ligger vid medianen för ditt arbete.",
            "Your base pay is at your job's median.",
        )
    elif diff > 0:
        text = w.tr(
            f"Din grundlön är {size} högre än medianen för ditt arbete.",
            f"Your base pay is {size} above your job's median.",
        )
    else:
        text = w.tr(
            f"Din grundlön är {size} lägre än medianen för ditt arbete.",
            f"Your base pay is {size} below your job's median.",
        )
    if r.p90 is not None and own > r.p90:
        text += " " + w.tr(
            "Färre än en av tio med samma arbete har högre grundlön.",
            "Fewer than one in ten in the same job have a higher base pay.",
        )
    elif r.p10 is not None and own < r.p10:
        text += " " + w.tr(
            "Fler än nio av tio med samma arbete har högre grundlön.",
            "More than nine in ten in the same job have a higher base pay.",
        )
    return text


def _proposal_blocks(w: LetterWords, p: Proposal, fte: float) -> list[dict]:
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
    text = w.tr(
        f"Förslaget är {w.kr(p.raise_monthly)} mer i månaden vid heltid "
        f"({w.pct(p.raise_pct)}), vilket ger en ny grundlön vid heltid på "
        f"{w.kr(p.new_base_salary)} från {p.effective_date} (se bedömningen mot lönekriterierna "
        "nedan).",
        f"The proposal is {w.kr(p.raise_monthly)} more a month at full time "
        f"({w.pct(p.raise_pct)}), a new base pay at full time of {w.kr(p.new_base_salary)} "
        f"from {p.effective_date}.",
    )
    if fte != 1:
        rate = w.pct(100 * fte, 0)
        text += " " + w.tr(
            f"Vid din sysselsättningsgrad blir det {w.kr(p.raise_monthly * fte)} mer i månaden: "
            f"grundlönen vid {rate} går från {w.kr((p.new_base_salary - p.raise_monthly) * fte)} "
            f"till {w.kr(p.new_base_salary * fte)}.",
            f"At your employment rate ({rate}) that is {w.kr(p.raise_monthly * fte)} more a "
            f"month, a new base pay of {w.kr(p.new_base_salary * fte)}.",
        )
    if p.pot_pct is not None:
        text += " " + w.tr(
            f"Löneutrymmet, {w.pct(p.pot_pct)} av den totala lönesumman, fördelas olika mellan "
            "medarbetare; det är ingen höjning som alla får. Förslaget bygger på bedömningen mot "
            "lönekriterierna och på var din grundlön ligger jämfört med medianen och P90 ovan.",
            f"The pot, {w.pct(p.pot_pct)} of the total pay bill, is shared out unevenly; it is "
            "not a raise everyone gets. The proposal rests on your rating against the salary "
            "criteria and on where your base pay stands against the median and P90 above.",
        )
    text += " " + w.tr(
        "Det är ett förslag, inte ett beslut: lönen bestäms efter lönesamtalet.",
        "It is a proposal, not a decision: pay is set after the pay talk.",
    )
    return [
        {
            "type": "notice",
            "tone": "info",
            "title": w.tr("Förslag i löneöversynen", "Proposal in the pay review"),
            "text": text,
        }
    ]


def _rating_blocks(w: LetterWords, s: Statement) -> list[dict]:
    if not s.criteria:
        return [
            w.text(
                w.tr(
                    "Inga lönekriterier och inga bedömningar är registrerade. Chefen går igenom "
                    "lönekriterierna med dig i samtalet.",
                    "No salary criteria and no ratings are registered. Your manager goes through the "
                    "salary criteria with you in the talk.",
                )
            )
        ]
    scale = s.scale
    labels = scale.get("labels_en") if not w.sv and scale.get("labels_en") else scale.get("labels")
    labels = list(labels or [])
    lo, hi = int(scale.get("min", 1)), int(scale.get("max", 4))

    def label(level: float | None) -> str:
        i = int(round(level)) - lo
        word = labels[i] if 0 <= i < len(labels) else ""
        return f"{w.num(level)} – {word}" if word else w.num(level)

    steps = ", ".join(label(k) for k in range(lo, hi + 1))
    blocks: list[dict] = [
        w.text(
            w.tr(
                f"Chefen bedömer hur du utför ditt arbete på en skala från {lo} till {hi}: {steps}.",
                f"Your manager rates how you do your work on a scale from {lo} to {hi}: {steps}.",
            )
        )
    ]
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
    levels = {str(r.criterion.get("id")): r.level for r in s.ratings}

    def rating(c) -> str:
        level = levels.get(str(c.get("id")))
        if level is not None:
            return label(level)
        if not s.rated:
            return "–"
        if c.get("applies_to") in ("managers", "staff"):
            return w.tr("Gäller inte ditt arbete", "Does not apply to your job")
        return w.tr("Ej bedömd", "Not rated")

    rows = [[criterion_name(w, c), criterion_text(w, c), rating(c)] for c in s.criteria]
    blocks.append(
        {
            "type": "table",
            "columns": [
                w.tr("Lönekriterium", "Salary criterion"),
                w.tr("Vad som bedöms", "What is assessed"),
                w.tr("Bedömning", "Rating"),
            ],
            "rows": rows,
            "align": ["left", "left", "left"],
            "widths": [0.24, 0.52, 0.24],
        }
    )
    more = [w.text(job_evaluation_sentence(w))] if s.equal_value_basis == "band" else []
    return blocks + more

"""The Art. 7 letter as a typst document, and the blocks the pay-talk statement shares with it.

What a letter holds is decided in :mod:`payequity.privacy`; this module only words and lays it
out, in Swedish unless the survey's language is English. Every name (job, unit) and every
criterion's text reaches typst as JSON, so it prints literally.
"""

from __future__ import annotations

import datetime as dt
import math

from ..privacy import Category, Employment, Letter, OwnPay
from ._letter_words import DIRECTIVE, LetterWords, criteria_blocks

__all__ = ["category_blocks", "letter_document", "letter_pdf", "own_pay_rows", "pay_notes"]


def letter_document(letter: Letter, words: LetterWords, created: dt.datetime) -> dict:
    """The typst document of one Art. 7 letter."""
    w = words
    w.said.clear()
    facts = [
        [w.tr("Anställningsnummer", "Employee number"), letter.employee_id],
        [w.tr("Din begäran kom in", "Your request arrived"), letter.request_date.isoformat()],
        [w.tr("Sista dag för vårt svar", "Last day for our answer"), letter.deadline.isoformat()],
        [w.tr("Svaret lämnat", "Answered on"), letter.answered.isoformat()],
        [w.tr("Uppgifterna gäller lönen den", "The figures are the pay of"), w.reference_date],
        [w.tr("Frågor om svaret", "Questions about this answer"), w.contact],
    ]
    sections = []
    for job in letter.employments:
        head = w.tr("Din lön", "Your pay")
        if len(letter.employments) > 1:
            head += f" – {w.job_name(job.pay)}"
        blocks: list[dict] = []
        if not sections:
            blocks.append(w.text(_opening(w)))
        blocks.append({"type": "facts", "rows": own_pay_rows(w, job.pay)})
        blocks.append(w.text(pay_notes(w, job.pay)))
        blocks += category_blocks(
            w, job, letter.gender, letter.equal_value_basis, letter.band_width, letter.min_cell
        )
        sections.append({"title": head, "blocks": blocks})
    sections.append(
        {
            "title": w.tr("Hur lönen sätts", "How pay is set"),
            "blocks": criteria_blocks(w, letter.criteria, letter.equal_value_basis),
        }
    )
    sections.append(
        {
            "title": w.tr("Dina rättigheter", "Your rights"),
            "blocks": [{"type": "list", "items": rights(w)}],
        }
    )
    return {
        "layout": "letter",
        "lang": w.language,
        "title": w.tr("Svar på din begäran om löneinformation", "Your request for pay information"),
        "subtitle": w.tr(
            f"Enligt artikel 7 i EU:s lönetransparensdirektiv {DIRECTIVE}",
            f"Under Article 7 of the EU Pay Transparency Directive {DIRECTIVE}",
        ),
        "organisation": w.organisation,
        "status": "final",
        "cover_facts": facts,
        "created": created.date().isoformat(),
        "footer": w.footer(w.tr("Personligt – till den anställda", "Personal – for the employee")),
        "page_label": w.tr("Sida", "Page"),
        "of_label": w.tr("av", "of"),
        "sections": sections,
    }


def letter_pdf(letter: Letter, words: LetterWords, created: dt.datetime) -> bytes:
    """One Art. 7 letter as PDF bytes (the same bytes for the same letter and timestamp)."""
    from ._typst import render_pdf

    return render_pdf(letter_document(letter, words, created), timestamp=created)[0]


def _opening(w: LetterWords) -> str:
    return w.tr(
        "Du har bett om uppgifter om din lön och om genomsnittslönen för kvinnor och män som "
        "gör samma arbete som du eller ett arbete av lika värde. Här är svaret. Siffrorna gäller "
        f"lönen den {w.reference_date}; ändringar efter den dagen syns inte.",
        "You asked for your pay and for the average pay of women and men doing the same work "
        "as you or work of equal value. This is the answer. The figures are the pay of "
        f"{w.reference_date}; changes after that day do not show.",
    )


def own_pay_rows(w: LetterWords, pay: OwnPay) -> list[list[str]]:
    """The employment and the employee's own pay: full-time monthly figures, the pay at their
    employment rate, and the directive's pay levels."""
    rate = w.pct(100 * pay.fte, 0)
    rows = [
        [w.tr("Arbete", "Job"), w.job_name(pay)],
        [w.tr("Enhet", "Unit"), pay.unit_name],
        [w.tr("Sysselsättningsgrad", "Employment rate"), rate],
        [
            w.tr("Grundlön vid heltid, per månad", "Base pay at full time, a month"),
            w.kr(pay.base_salary),
        ],
        [
            w.tr("Fasta tillägg vid heltid, per månad", "Fixed supplements at full time, a month"),
            w.kr(pay.supplements),
        ],
        [w.tr("Månadslön vid heltid", "Monthly pay at full time"), w.kr(pay.monthly_pay)],
    ]
    if pay.fte != 1:
        rows.append(
            [w.tr(f"Månadslön vid {rate}", f"Monthly pay at {rate}"), w.kr(pay.monthly_actual)]
        )
    rows += [
        [w.tr("Rörlig lön, per år", "Variable pay, a year"), w.kr(pay.variable_pay)],
        [w.tr("Årslön", "Annual pay"), w.kr(pay.annual)],
        [w.tr("Timlön", "Hourly pay"), w.kr(pay.hourly, 2)],
    ]
    return rows


def pay_notes(w: LetterWords, pay: OwnPay) -> str:
    """How annual and hourly pay are counted."""
    hours = w.num(pay.weekly_hours, 0 if float(pay.weekly_hours).is_integer() else 1)
    return w.tr(
        "Årslön = 12 × månadslön vid heltid × sysselsättningsgrad + rörlig lön. Timlön = "
        f"årslönen delat med arbetstiden under ett år: 52 veckor × {hours} timmar (heltid) × "
        "sysselsättningsgrad. EU:s lönetransparensdirektiv anger lönenivå som årslön och timlön "
        "(artikel 3); timlönen är en jämförelsesiffra och kan skilja sig från den på "
        "lönebeskedet.",
        "Annual pay = 12 × monthly pay at full time × employment rate + variable pay. Hourly "
        f"pay = annual pay divided by the working time of a year: 52 weeks × {hours} hours "
        "(full time) × employment rate. The EU Pay Transparency Directive gives pay levels as "
        "annual and hourly pay (Article 3); the hourly pay is a figure for comparison and may "
        "differ from the one on your payslip.",
    )


_LEVELS = {  # pay level → (Swedish, English, decimals)
    "monthly_pay": ("månadslön vid heltid", "monthly pay at full time", 0),
    "annual": ("årslön", "annual pay", 0),
    "hourly": ("timlön", "hourly pay", 2),
}


def category_blocks(
    w: LetterWords, job: Employment, gender: str, basis: str, width: float, min_cell: int
) -> list[dict]:
    """The two comparisons of Art. 7: same work, then work of equal value."""
    pay = job.pay
    blocks: list[dict] = [
        w.heading(w.tr(f"Samma arbete: {w.job_name(pay)}", f"Same work: {w.job_name(pay)}"))
    ]
    same = job.same_work
    if same is None:
        blocks.append(
            w.text(
                w.tr(
                    "Lönekartläggningen har inga uppgifter om ditt arbete.",
                    "The pay survey has no figures for your job.",
                )
            )
        )
    else:
        blocks.append(
            w.text(
                w.tr(
                    f"Alla i {w.organisation} med samma arbete som du: "
                    f"{w.women_men(same.n_women, same.n_men)}, du inräknad.",
                    f"Everyone at {w.organisation} doing the same work as you: "
                    f"{w.women_men(same.n_women, same.n_men)}, you included.",
                )
            )
        )
        blocks += _means_table(w, same, ["monthly_pay", "annual", "hourly"], pay, gender, min_cell)
    if basis == "none":
        blocks += [
            w.heading(w.tr("Arbete av lika värde", "Work of equal value")),
            w.text(
                w.tr(
                    "Arbetsgivaren har ingen arbetsvärdering i underlaget för det här svaret. Utan "
                    "den går det inte att avgöra vilka andra arbeten som har samma värde som ditt, så "
                    "här finns bara jämförelsen med samma arbete ovan.",
                    "The employer has no job evaluation in the data behind this answer. Without one, "
                    "which other jobs are of equal value to yours cannot be decided, so only the "
                    "comparison with the same work above is given.",
                )
            ),
        ]
        return blocks
    label = w.band(pay.category, basis, width) if pay.category is not None else "–"
    blocks.append(
        w.heading(w.tr(f"Arbete av lika värde: {label}", f"Work of equal value: {label}"))
    )
    value = job.equal_value
    if value is None:
        blocks.append(
            w.text(
                w.tr(
                    "Ditt arbete ingår inte i arbetsvärderingen, så det finns ingen grupp av arbeten med "
                    f"lika värde att jämföra med. Fråga {w.contact} varför.",
                    "Your job is not in the job evaluation, so there is no group of jobs of equal value "
                    f"to compare with. Ask {w.contact} why.",
                )
            )
        )
        return blocks
    alone = (
        same is not None
        and tuple(value.jobs) == (w.job_name(pay),)
        and (value.n_women, value.n_men) == (same.n_women, same.n_men)
    )
    if alone:  # the band holds only this job: the same people as above
        words = [
            w.band_meaning(basis),
            w.tr(
                "Inget annat arbete har fått poäng i samma värdeband, så gruppen och dess "
                "genomsnitt är desamma som för samma arbete ovan.",
                "No other job scored within the same value band, so the group and its averages "
                "are the same as for the same work above.",
            ),
        ]
        blocks.append(w.text(" ".join(x for x in words if x)))
        return blocks
    words = [
        w.band_meaning(basis),
        _members(w, value, pay),
        w.tr(
            f"I gruppen finns {w.women_men(value.n_women, value.n_men)}, du inräknad.",
            f"The group holds {w.women_men(value.n_women, value.n_men)}, you included.",
        ),
    ]
    blocks.append(w.text(" ".join(x for x in words if x)))
    blocks += _means_table(w, value, ["monthly_pay", "annual", "hourly"], pay, gender, min_cell)
    return blocks


def _members(w: LetterWords, cat: Category, pay: OwnPay) -> str:
    others = [j for j in cat.jobs if j != w.job_name(pay)]
    if not others:
        return w.tr(
            f"Inget annat arbete har fått poäng i samma band; gruppen består bara av {w.job_name(pay)}.",
            f"No other job scored within the same band; the group holds only {w.job_name(pay)}.",
        )
    names = [_lower(j) for j in others[:4]]
    listed = w.tr(" och ", " and ").join(
        [", ".join(names[:-1]), names[-1]] if len(names) > 1 else names
    )
    return w.tr(
        f"I värdebandet finns också arbeten som {listed}.",
        f"The value band also holds jobs such as {listed}.",
    )


def _lower(title: str) -> str:
    """A job title in running text: "Undersköterska" → "undersköterska", "IT-tekniker" kept."""
    return title[:1].lower() + title[1:] if title[1:2].islower() else title


def _means_table(
    w: LetterWords, cat: Category, levels: list[str], pay: OwnPay, gender: str, min_cell: int
) -> list[dict]:
    rows = [[w.tr("Antal", "Number"), w.num(cat.n_women), w.num(cat.n_men)]]
    for level in levels:
        sv, en, decimals = _LEVELS[level]
        women, men = cat.means.get(level, (None, None))
        rows.append(
            [
                w.tr(f"Genomsnittlig {sv}", f"Average {en}"),
                _mean(w, women, cat.n_women, decimals),
                _mean(w, men, cat.n_men, decimals),
            ]
        )
    own = {"monthly_pay": pay.monthly_pay, "annual": pay.annual, "hourly": pay.hourly}
    for level in levels:
        sv, en, decimals = _LEVELS[level]
        mine = w.kr(own[level], decimals)
        rows.append(
            [w.tr(f"Din {sv}", f"Your {en}"), *(mine if g == gender else "" for g in ("F", "M"))]
        )
    out: list[dict] = []
    hourly = cat.means.get("hourly", (None, None))
    if pay.fte != 1 and "hourly" in levels and any(v is not None for v in hourly):
        averages = " och ".join(
            f"{w.kr(v, 2)} för {g}" for v, g in zip(hourly, ("kvinnor", "män"), strict=True) if v
        )
        averages_en = " and ".join(
            f"{w.kr(v, 2)} for {g}" for v, g in zip(hourly, ("women", "men"), strict=True) if v
        )
        rate = w.pct(100 * pay.fte, 0)
        out.append(
            w.text(
                w.tr(
                    f"Du arbetar {rate}, så jämför timlönen: din är {w.kr(pay.hourly, 2)}, genomsnittet "
                    f"är {averages}.",
                    f"You work {rate}, so compare the hourly pay: yours is {w.kr(pay.hourly, 2)}, the "
                    f"average is {averages_en}.",
                )
            )
        )
    out += [
        {
            "type": "table",
            "columns": ["", w.tr("Kvinnor", "Women"), w.tr("Män", "Men")],
            "rows": rows,
            "align": ["left", "right", "right"],
            "widths": [0.5, 0.25, 0.25],
        }
    ]
    if cat.withheld:
        out.append({"type": "notice", "tone": "info", "text": w.withheld(cat, min_cell)})
    shown = any(v is not None for pair in cat.means.values() for v in pair)
    note = w.tr(
        "Månadslönen vid heltid jämför lönen som om alla arbetade heltid. Årslönen beror på "
        "hur mycket man arbetar; jämför därför timlönen, som inte påverkas av deltid.",
        "Monthly pay at full time compares pay as if everyone worked full time. Annual pay "
        "depends on how much one works; compare the hourly pay, which part time does not "
        "change.",
    )
    if "annual" in levels and shown and w.once("annual", note, ""):
        out.append(w.text(note))
    return out


def _mean(w: LetterWords, value: float | None, n: int, decimals: int) -> str:
    if n == 0:
        return w.tr("ingen", "none")
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return w.tr("lämnas inte ut", "not given")
    return w.kr(value, decimals)


def rights(w: LetterWords) -> list[str]:
    """The employee's rights around the answer (Art. 7(2), (5), (6); Art. 25)."""
    return [
        w.tr(
            "Är något fel eller ofullständigt kan du, själv eller genom din fackliga "
            f"företrädare, be om ett förtydligande och få ett motiverat svar (artikel 7.2). "
            f"Vänd dig till {w.contact}.",
            "If anything is wrong or incomplete you may, yourself or through your union "
            "representative, ask for a clarification and get a reasoned answer (Article 7(2)). "
            f"Contact {w.contact}.",
        ),
        w.tr(
            "Uppgifterna om andras löner får du bara använda för att ta tillvara din rätt till "
            "lika lön för samma arbete eller arbete av lika värde (artikel 7.6). Din egen lön får du alltid "
            "berätta om (artikel 7.5).",
            "You may use the figures about others' pay only to exercise your right to equal pay "
            "for equal work or work of equal value (Article 7(6)). You may always tell anyone "
            "your own pay (Article 7(5)).",
        ),
        w.tr(
            "Ingen får behandlas sämre för att ha begärt uppgifterna (artikel 25). Om du tror "
            "att en löneskillnad beror på kön kan du få stöd av din fackliga företrädare eller "
            "Diskrimineringsombudsmannen (do.se).",
            "Nobody may be treated worse for asking (Article 25). If you think a pay difference "
            "is due to gender, your union representative or the equality body can support you.",
        ),
    ]

"""The employee's own documents as typst documents: the Art. 7 letter, the yearly notice of the
right to information, and the blocks the pay-talk statement shares with the letter.

What a letter holds is decided in :mod:`payequity.privacy`; this module only words and lays it
out, in Swedish unless the survey's language is English. Every name (job, unit) and every
criterion's text reaches typst as JSON, so it prints literally.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any

from .._format import fmt_kr, fmt_number, fmt_pct
from ..privacy import Category, Letter, OwnPay

__all__ = ["LetterWords", "letter_document", "notice_document"]

_DIRECTIVE = "(EU) 2023/970"
_COLUMN_WORDS = {"employment_form": ("anställningsform", "form of employment")}


class LetterWords:
    """Words and numbers of an employee's document in its language."""

    def __init__(self, language: str, currency: str, organisation: str, reference_date: Any):
        self.language = "en" if language == "en" else "sv"
        self.sv = self.language == "sv"
        self.currency = currency
        self.organisation = organisation
        self.reference_date = str(reference_date)[:10]

    def tr(self, sv: str, en: str) -> str:
        return sv if self.sv else en

    def kr(self, x: float | None, decimals: int = 0) -> str:
        return "–" if x is None else fmt_kr(float(x), decimals, self.language, self.currency)

    def num(self, x: float, decimals: int = 0) -> str:
        return fmt_number(float(x), decimals, self.language)

    def pct(self, x: float, decimals: int = 1) -> str:
        return fmt_pct(float(x), decimals, self.language)

    def women_men(self, women: int, men: int) -> str:
        return self.tr(
            f"{self.num(women)} kvinnor och {self.num(men)} män",
            f"{self.num(women)} women and {self.num(men)} men",
        )

    def job(self, pay: OwnPay) -> str:
        return f"{pay.job_title} ({pay.job_code})" if pay.job_title else pay.job_code

    def band(self, code: str, basis: str, width: float) -> str:
        """A category of workers in words: a value band with its points, or a column's value."""
        if basis == "band":
            k = int(code)
            lo, hi = self.num(k * width), self.num((k + 1) * width)
            return self.tr(f"värdeband {k} ({lo}–{hi} poäng)", f"value band {k} ({lo}–{hi} points)")
        return f"{basis}: {code}"

    def footer(self, what: str) -> str:
        return f"{self.organisation} · {what}"


def letter_document(letter: Letter, words: LetterWords, created: dt.datetime) -> dict:
    """The typst document of one Art. 7 letter."""
    w = words
    title = w.tr("Svar på din begäran om löneinformation", "Your request for pay information")
    facts = [
        [w.tr("Anställningsnummer", "Employee number"), letter.employee_id],
        [w.tr("Din begäran kom in", "Request received"), letter.request_date.isoformat()],
        [w.tr("Svar senast", "Answer due by"), letter.deadline.isoformat()],
        [w.tr("Svaret lämnat", "Answered on"), letter.answered.isoformat()],
        [w.tr("Lönen per", "Pay as of"), w.reference_date],
    ]
    sections = []
    for i, job in enumerate(letter.employments):
        head = w.tr("Din lön", "Your pay")
        if len(letter.employments) > 1:
            head += f" – {w.job(job.pay)}"
        blocks = [{"type": "text", "text": employment_line(w, job.pay)}]
        blocks += own_pay_blocks(w, job.pay)
        blocks += category_blocks(
            w, job, letter.gender, letter.equal_value_basis, letter.band_width, letter.min_cell
        )
        sections.append({"title": head, "blocks": blocks})
        if i == 0:
            sections[0]["blocks"].insert(0, {"type": "text", "text": _opening(w, letter)})
    sections.append(
        {
            "title": w.tr("Hur lönen sätts", "How pay is set"),
            "blocks": criteria_blocks(w, letter.criteria, letter.equal_value_basis),
        }
    )
    sections.append(
        {
            "title": w.tr("Om uppgifterna", "About this information"),
            "blocks": _rights_blocks(w, letter.min_cell),
        }
    )
    return {
        "layout": "letter",
        "lang": w.language,
        "title": title,
        "subtitle": w.tr(
            f"Enligt artikel 7 i EU:s lönetransparensdirektiv {_DIRECTIVE}",
            f"Under Article 7 of the EU Pay Transparency Directive {_DIRECTIVE}",
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


def _opening(w: LetterWords, letter: Letter) -> str:
    return w.tr(
        f"Du har bett om uppgifter om din lön och om genomsnittslönen för kvinnor och män som "
        f"gör samma arbete som du eller ett arbete av lika värde. Här är svaret. Uppgifterna "
        f"gäller lönen den {w.reference_date}.",
        f"You asked for your pay and for the average pay of women and men doing the same work "
        f"as you or work of equal value. This is the answer. The figures are the pay as of "
        f"{w.reference_date}.",
    )


def employment_line(w: LetterWords, pay: OwnPay) -> str:
    return w.tr(
        f"Arbete: {w.job(pay)}. Enhet: {pay.unit}. Sysselsättningsgrad: {w.pct(100 * pay.fte, 0)}.",
        f"Job: {w.job(pay)}. Unit: {pay.unit}. Employment rate: {w.pct(100 * pay.fte, 0)}.",
    )


def own_pay_blocks(w: LetterWords, pay: OwnPay) -> list[dict]:
    """The employee's own pay: full-time monthly figures and the directive's pay levels."""
    rows = [
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
            [
                w.tr(
                    f"Månadslön vid din sysselsättningsgrad ({w.pct(100 * pay.fte, 0)})",
                    f"Monthly pay at your employment rate ({w.pct(100 * pay.fte, 0)})",
                ),
                w.kr(pay.monthly_actual),
            ]
        )
    rows += [
        [w.tr("Rörlig lön under året", "Variable pay over the year"), w.kr(pay.variable_pay)],
        [w.tr("Årslön", "Annual pay"), w.kr(pay.annual)],
        [w.tr("Timlön", "Hourly pay"), w.kr(pay.hourly, 2)],
    ]
    hours = w.num(pay.weekly_hours, 0 if float(pay.weekly_hours).is_integer() else 1)
    note = w.tr(
        f"Årslön = 12 × månadslön vid heltid × sysselsättningsgrad + rörlig lön. Timlön = årslön "
        f"delad med arbetade timmar under ett år (52 veckor × {hours} timmar × "
        "sysselsättningsgrad). Så räknar direktivet lönenivå (artikel 3).",
        f"Annual pay = 12 × monthly pay at full time × employment rate + variable pay. Hourly "
        f"pay = annual pay divided by the hours of a year (52 weeks × {hours} hours × employment "
        "rate). This is the directive's pay level (Article 3).",
    )
    return [{"type": "facts", "rows": rows}, {"type": "text", "text": note}]


def category_blocks(
    w: LetterWords, job: Any, gender: str, basis: str, width: float, min_cell: int
) -> list[dict]:
    """The two comparisons of Art. 7: same work, then work of equal value."""
    pay = job.pay
    blocks: list[dict] = [
        {
            "type": "heading",
            "level": 2,
            "text": w.tr(f"Samma arbete: {w.job(pay)}", f"Same work: {w.job(pay)}"),
        }
    ]
    same = job.same_work
    if same is None:
        blocks.append(
            {
                "type": "text",
                "text": w.tr(
                    "Det finns inga uppgifter om ditt arbete i lönekartläggningen.",
                    "The pay survey has no figures for your job.",
                ),
            }
        )
    else:
        blocks.append(
            {
                "type": "text",
                "text": w.tr(
                    f"Alla i {w.organisation} med samma arbete som du: "
                    f"{w.women_men(same.n_women, same.n_men)}. Lön vid heltid, så att deltid inte "
                    "drar ner genomsnittet.",
                    f"Everyone at {w.organisation} doing the same work as you: "
                    f"{w.women_men(same.n_women, same.n_men)}. Pay at full time, so part-time work does "
                    "not pull the average down.",
                ),
            }
        )
        blocks += _means_table(
            w,
            same,
            [
                (
                    "monthly_pay",
                    w.tr("Genomsnittlig månadslön vid heltid", "Average monthly pay at full time"),
                    0,
                )
            ],
            [("monthly_pay", pay.monthly_pay)],
            gender,
            min_cell,
        )
    if basis == "none":
        blocks += [
            {
                "type": "heading",
                "level": 2,
                "text": w.tr("Arbete av lika värde", "Work of equal value"),
            },
            {
                "type": "text",
                "text": w.tr(
                    "Arbetsgivaren har ingen arbetsvärdering i underlaget för det här svaret. Utan "
                    "den går det inte att avgöra vilka andra arbeten som har samma värde som ditt, så "
                    "här finns bara jämförelsen med samma arbete ovan.",
                    "The employer has no job evaluation in the data behind this answer. Without one, "
                    "which other jobs are of equal value to yours cannot be decided, so only the "
                    "comparison with the same work above is given.",
                ),
            },
        ]
        return blocks
    label = w.band(pay.category, basis, width) if pay.category is not None else "–"
    blocks.append(
        {
            "type": "heading",
            "level": 2,
            "text": w.tr(f"Arbete av lika värde: {label}", f"Work of equal value: {label}"),
        }
    )
    value = job.equal_value
    if value is None:
        blocks.append(
            {
                "type": "text",
                "text": w.tr(
                    "Ditt arbete ingår inte i arbetsvärderingen, så det finns ingen grupp av arbeten med "
                    "lika värde att jämföra med. Fråga HR varför.",
                    "Your job is not in the job evaluation, so there is no group of jobs of equal value "
                    "to compare with. Ask HR why.",
                ),
            }
        )
        return blocks
    what = w.tr(
        "Arbeten som fått ungefär lika många poäng i arbetsvärderingen (kunskaper, ansvar, "
        "ansträngning och arbetsförhållanden) räknas här som arbeten av lika värde."
        if basis == "band"
        else "Arbeten i samma kategori räknas här som arbeten av lika värde.",
        "Jobs given about the same points in the job evaluation (skills, responsibility, effort "
        "and working conditions) count here as work of equal value."
        if basis == "band"
        else "Jobs in the same category count here as work of equal value.",
    )
    blocks.append(
        {
            "type": "text",
            "text": what
            + " "
            + w.tr(
                f"I gruppen finns {w.women_men(value.n_women, value.n_men)}, du inräknad. Lönen är "
                "årslön och timlön som direktivet räknar dem, med deltid och rörlig lön.",
                f"The group holds {w.women_men(value.n_women, value.n_men)}, you included. Pay is annual "
                "and hourly pay as the directive counts them, part time and variable pay included.",
            ),
        }
    )
    blocks += _means_table(
        w,
        value,
        [
            ("annual", w.tr("Genomsnittlig årslön", "Average annual pay"), 0),
            ("hourly", w.tr("Genomsnittlig timlön", "Average hourly pay"), 2),
        ],
        [("annual", pay.annual), ("hourly", pay.hourly)],
        gender,
        min_cell,
    )
    return blocks


def _means_table(
    w: LetterWords,
    cat: Category,
    levels: list[tuple[str, str, int]],
    own: list[tuple[str, float]],
    gender: str,
    min_cell: int,
) -> list[dict]:
    rows = [[w.tr("Antal", "Number"), w.num(cat.n_women), w.num(cat.n_men)]]
    for level, label, decimals in levels:
        women, men = cat.means.get(level, (None, None))
        rows.append(
            [label, _mean(w, women, cat.n_women, decimals), _mean(w, men, cat.n_men, decimals)]
        )
    mine = {"annual": 0, "hourly": 2, "monthly_pay": 0}
    rows.append(
        [
            w.tr("Din lön", "Your pay"),
            *(
                " / ".join(w.kr(v, mine[k]) for k, v in own) if g == gender else ""
                for g in ("F", "M")
            ),
        ]
    )
    out: list[dict] = [
        {
            "type": "table",
            "columns": ["", w.tr("Kvinnor", "Women"), w.tr("Män", "Men")],
            "rows": rows,
            "align": ["left", "right", "right"],
            "widths": [0.5, 0.25, 0.25],
        }
    ]
    if cat.withheld:
        out.append({"type": "notice", "tone": "info", "text": withheld_text(w, cat, min_cell)})
    return out


def _mean(w: LetterWords, value: float | None, n: int, decimals: int) -> str:
    if n == 0:
        return w.tr("ingen", "none")
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return w.tr("lämnas inte ut", "not given")
    return w.kr(value, decimals)


def withheld_text(w: LetterWords, cat: Category, min_cell: int) -> str:
    """Why a category's average is not given, in words."""
    small = [
        g
        for g, n in ((w.tr("kvinnor", "women"), cat.n_women), (w.tr("män", "men"), cat.n_men))
        if 0 < n < min_cell
    ]
    if small:
        who = w.tr(" och ".join(small), " and ".join(small))
        return w.tr(
            f"Genomsnitten lämnas inte ut: färre än {min_cell} {who} finns i gruppen, och ett "
            "genomsnitt över så få skulle visa enskilda personers lön. Det gäller båda "
            "könen, eftersom det ena genomsnittet tillsammans med andra uppgifter kan avslöja "
            "det andra.",
            f"The averages are not given: the group has fewer than {min_cell} {who}, and an "
            "average over so few would show individual people's pay. This applies to both "
            "genders, since one average together with other figures can reveal the other.",
        )
    return w.tr(
        "Ett genomsnitt lämnas inte ut: tillsammans med andra publicerade uppgifter i "
        "lönekartläggningen skulle det gå att räkna fram lönen för en grupp med färre än "
        f"{min_cell} personer.",
        "An average is not given: together with other figures published in the pay survey, "
        f"it would give away the pay of a group of fewer than {min_cell} people.",
    )


def criteria_blocks(
    w: LetterWords, criteria: tuple[Mapping[str, Any], ...], basis: str
) -> list[dict]:
    """What sets pay and its progression (Art. 6): the job's value and the salary criteria."""
    blocks: list[dict] = []
    if basis == "band":
        blocks.append(
            {
                "type": "text",
                "text": w.tr(
                    "Lönen sätts efter arbetets svårighet och efter hur du utför ditt arbete. Arbetets "
                    "svårighet bedöms i arbetsvärderingen: kunskaper och färdigheter, ansvar, ansträngning "
                    "och arbetsförhållanden.",
                    "Pay is set by the difficulty of the job and by how you do your work. The job's "
                    "difficulty is assessed in the job evaluation: skills, responsibility, effort and "
                    "working conditions.",
                ),
            }
        )
    if criteria:
        blocks.append(
            {
                "type": "text",
                "text": w.tr(
                    "Hur du utför ditt arbete bedöms mot de gemensamma lönekriterierna. Lönen utvecklas "
                    "vid den årliga löneöversynen efter den bedömningen, som chefen går igenom med dig i "
                    "lönesamtalet:",
                    "How you do your work is assessed against the shared salary criteria. Pay progresses "
                    "at the yearly pay review by that assessment, which your manager goes through with "
                    "you in the pay talk:",
                ),
            }
        )
        blocks.append({"type": "list", "items": [criterion_text(w, c) for c in criteria]})
    else:
        blocks.append(
            {
                "type": "text",
                "text": w.tr(
                    "Lönekriterierna står inte i underlaget för det här svaret. De finns i "
                    "arbetsgivarens lönepolicy, som HR lämnar ut.",
                    "The salary criteria are not in the data behind this answer. They are in the "
                    "employer's pay policy, which HR hands out.",
                ),
            }
        )
    return blocks


def criterion_name(w: LetterWords, c: Mapping[str, Any]) -> str:
    name = (c.get("name_en") or c.get("name")) if not w.sv else c.get("name")
    return str(name or c.get("id", ""))


def criterion_text(w: LetterWords, c: Mapping[str, Any]) -> str:
    """A criterion as "name: description" in the document's language."""
    text = (c.get("description_en") or c.get("description")) if not w.sv else c.get("description")
    name, text = criterion_name(w, c), " ".join(str(text or "").split())
    return f"{name}: {text}" if text else name


def _rights_blocks(w: LetterWords, min_cell: int) -> list[dict]:
    return [
        {
            "type": "list",
            "items": [
                w.tr(
                    f"Ett genomsnitt är summan av lönerna delad med antalet personer. Genomsnitt för "
                    f"grupper med färre än {min_cell} kvinnor eller {min_cell} män lämnas inte ut, så "
                    "att ingen enskilds lön kan räknas fram.",
                    f"An average is the sum of the pay divided by the number of people. Averages of "
                    f"groups with fewer than {min_cell} women or {min_cell} men are not given, so that "
                    "nobody's own pay can be worked out.",
                ),
                w.tr(
                    "Om något är fel eller ofullständigt kan du be om ett förtydligande och få ett "
                    "motiverat svar (artikel 7.6).",
                    "If anything is wrong or incomplete you may ask for a clarification and get a "
                    "reasoned answer (Article 7(6)).",
                ),
                w.tr(
                    "Uppgifter om andras lön i det här brevet får du använda för att ta tillvara din "
                    "rätt till lika lön. Du får alltid berätta om din egen lön (artikel 7.5).",
                    "You may use the figures about others' pay in this letter to exercise your right "
                    "to equal pay. You may always tell anyone your own pay (Article 7(5)).",
                ),
                w.tr(
                    "Du kan också be om uppgifterna genom din fackliga företrädare eller "
                    "Diskrimineringsombudsmannen.",
                    "You may also ask for this information through your union representative or the "
                    "equality body.",
                ),
            ],
        }
    ]


def notice_document(words: LetterWords, year: int, created: dt.datetime, min_cell: int) -> dict:
    """The yearly notice to all staff of the right to information (F-F2)."""
    w = words
    blocks = [
        {
            "type": "text",
            "text": w.tr(
                f"Alla som arbetar i {w.organisation} har rätt att få veta sin egen lön och "
                "genomsnittslönen för kvinnor och män som gör samma arbete eller ett arbete av lika "
                f"värde. Det följer av artikel 7 i EU:s lönetransparensdirektiv {_DIRECTIVE}. Den "
                f"här informationen lämnas till alla anställda varje år; den gäller {year}.",
                f"Everyone working at {w.organisation} has the right to know their own pay and the "
                "average pay of women and men doing the same work or work of equal value. This "
                f"follows from Article 7 of the EU Pay Transparency Directive {_DIRECTIVE}. This "
                f"notice is given to all staff every year; it is for {year}.",
            ),
        },
        {"type": "heading", "level": 2, "text": w.tr("Vad du får veta", "What you will learn")},
        {
            "type": "list",
            "items": [
                w.tr(
                    "Din lön: månadslön, årslön och timlön.",
                    "Your pay: monthly, annual and hourly.",
                ),
                w.tr(
                    "Genomsnittslönen för kvinnor och för män med samma arbete som du.",
                    "The average pay of women and of men doing the same work as you.",
                ),
                w.tr(
                    "Genomsnittslönen för kvinnor och för män med arbeten av lika värde som ditt, "
                    "enligt arbetsvärderingen.",
                    "The average pay of women and of men in jobs of equal value to yours, by the job "
                    "evaluation.",
                ),
                w.tr(
                    "Vad som avgör lönen och hur den utvecklas.",
                    "What sets pay and how it progresses.",
                ),
            ],
        },
        {"type": "heading", "level": 2, "text": w.tr("Så gör du", "How to ask")},
        {
            "type": "list",
            "items": [
                w.tr(
                    "Skriv till HR eller din chef och be om löneinformation enligt artikel 7. Du "
                    "behöver inte ange något skäl.",
                    "Write to HR or your manager asking for pay information under Article 7. You "
                    "need not give a reason.",
                ),
                w.tr(
                    "Du kan också fråga genom din fackliga företrädare eller "
                    "Diskrimineringsombudsmannen.",
                    "You may also ask through your union representative or the equality body.",
                ),
                w.tr(
                    "Du får ett skriftligt svar inom två månader från den dag din begäran kom in.",
                    "You get a written answer within two months of the day your request arrived.",
                ),
            ],
        },
        {"type": "heading", "level": 2, "text": w.tr("Bra att veta", "Good to know")},
        {
            "type": "list",
            "items": [
                w.tr(
                    f"Genomsnitt för grupper med färre än {min_cell} kvinnor eller {min_cell} män "
                    "lämnas inte ut, så att ingen enskilds lön kan räknas fram. Svaret säger då det "
                    "i stället för en siffra.",
                    f"Averages of groups with fewer than {min_cell} women or {min_cell} men are not "
                    "given, so that nobody's own pay can be worked out. The answer then says so "
                    "instead of giving a number.",
                ),
                w.tr(
                    "Ingen kan förbjuda dig att berätta om din egen lön.",
                    "Nobody may forbid you to tell anyone your own pay.",
                ),
                w.tr(
                    "Uppgifter om andras lön får användas för att ta tillvara rätten till lika lön.",
                    "Figures about others' pay may be used to exercise the right to equal pay.",
                ),
                w.tr(
                    "Om svaret är fel eller ofullständigt kan du be om ett förtydligande.",
                    "If the answer is wrong or incomplete you may ask for a clarification.",
                ),
            ],
        },
    ]
    return {
        "layout": "letter",
        "lang": w.language,
        "title": w.tr("Din rätt till information om lön", "Your right to information about pay"),
        "subtitle": w.tr(f"Information till alla anställda {year}", f"Notice to all staff, {year}"),
        "organisation": w.organisation,
        "status": "final",
        "created": created.date().isoformat(),
        "footer": w.footer(w.tr("Till alla anställda", "For all staff")),
        "page_label": w.tr("Sida", "Page"),
        "of_label": w.tr("av", "of"),
        "sections": [{"title": w.tr("Din rätt att fråga", "Your right to ask"), "blocks": blocks}],
    }


def column_words(w: LetterWords, reason: str) -> str:
    """An eligibility rule's reason ("employment_form = Visstid") in words."""
    column, _, value = reason.partition(" = ")
    name = _COLUMN_WORDS.get(column.strip(), (column.strip(), column.strip()))
    return f"{w.tr(*name)}: {value.strip()}" if value else reason

"""Words shared by the employee's own documents (letter, notice, pay-talk statement): numbers,
names of jobs, units and value bands, why a figure is withheld, the salary criteria, and the
employee's rights under Article 7 of the EU Pay Transparency Directive."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._format import fmt_kr, fmt_number, fmt_pct
from ..privacy import Category, OwnPay

__all__ = [
    "job_evaluation_sentence",
    "DIRECTIVE",
    "LetterWords",
    "column_words",
    "criteria_blocks",
    "criterion_name",
    "criterion_text",
]

DIRECTIVE = "(EU) 2023/970"
# gender code → (plural sv, plural en, possessive sv, possessive en)
_GENDER = {
    "F": ("kvinnor", "women", "kvinnornas", "the women's"),
    "M": ("män", "men", "männens", "the men's"),
}
_COLUMN_WORDS = {"employment_form": ("anställningsform", "form of employment")}


class LetterWords:
    """Words and numbers of an employee's document in its language.

    ``contact`` (``letters.contact``) is who answers questions; None: HR.
    """

    def __init__(
        self,
        language: str,
        currency: str,
        organisation: str,
        reference_date: Any,
        contact: str | None = None,
    ):
        self.language = "en" if language == "en" else "sv"
        self.sv = self.language == "sv"
        self.currency = currency
        self.organisation = organisation
        self.reference_date = str(reference_date)[:10]
        self.contact = contact or self.tr("HR-avdelningen", "the HR department")
        self.said: set[str] = set()  # notices already given in full in this document

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
        """ "Rektor (yrkeskod 101030)"."""
        code = self.tr(f"yrkeskod {pay.job_code}", f"job code {pay.job_code}")
        return f"{pay.job_title} ({code})" if pay.job_title else code

    def job_name(self, pay: OwnPay) -> str:
        return pay.job_title or pay.job_code

    def band(self, code: str, basis: str, width: float) -> str:
        """A category of workers in words: a value band with its points, or a column's value."""
        if basis == "band":
            k = int(code)
            lo, hi = self.num(k * width), self.num((k + 1) * width)
            return self.tr(f"värdeband {k} ({lo}–{hi} poäng)", f"value band {k} ({lo}–{hi} points)")
        return f"{basis}: {code}"

    def band_meaning(self, basis: str) -> str:
        """What a value band is, in one sentence."""
        if basis != "band":
            return self.tr(
                "Arbeten i samma kategori räknas här som arbeten av lika värde.",
                "Jobs in the same category count here as work of equal value.",
            )
        return self.once(
            "band",
            self.tr(
                "Ett värdeband är en grupp arbeten som fått ungefär lika många poäng i "
                "arbetsvärderingen, där poäng ges för krav på kunskaper och färdigheter, ansvar "
                "och ansträngning samt för arbetsförhållandena: fler poäng betyder högre krav.",
                "A value band holds the jobs given about the same points in the job evaluation, "
                "which scores the job's demands on skills, responsibility and effort and its "
                "working conditions: more points mean higher demands.",
            ),
            "",
        )

    # blocks, as :class:`payequity.report._sections.Writer` makes them ---------------------
    @staticmethod
    def text(s: str) -> dict:
        return {"type": "text", "text": s}

    @staticmethod
    def heading(s: str, level: int = 2) -> dict:
        return {"type": "heading", "text": s, "level": level}

    def footer(self, what: str) -> str:
        return f"{self.organisation} · {what}"

    def once(self, key: str, text: str, again: str) -> str:
        """``text`` the first time in a document, ``again`` after that."""
        if key in self.said:
            return again
        self.said.add(key)
        return text

    def withheld(self, cat: Category, min_cell: int) -> str:
        """Why a category's averages are not given, and where the employee can turn."""
        small = [
            (code, n) for code, n in (("F", cat.n_women), ("M", cat.n_men)) if 0 < n < min_cell
        ]
        route = self.tr(
            "Fackliga företrädare som deltar i lönekartläggningen kan granska siffrorna för din "
            "räkning, under tystnadsplikt.",
            "Union representatives taking part in the pay survey can check the figures for you, "
            "under a duty of confidentiality.",
        )
        if small:
            few = self.tr(" och ", " and ").join(
                f"{self.num(n)} {self.tr(*_GENDER[code][:2])}" for code, n in small
            )
            if len(small) == 2:
                text = self.tr(
                    f"Gruppen har bara {few}. Genomsnitt för så få personer kan visa enskildas "
                    f"lön och lämnas inte ut; de lämnas ut när gruppen har minst {min_cell} av "
                    f"varje kön. {route}",
                    f"The group has only {few}. Averages of so few people can show "
                    f"individuals' pay and are not given; they are given when the group has at "
                    f"least {min_cell} of each gender. {route}",
                )
            else:
                code = small[0][0]
                own = self.tr(*_GENDER[code][2:])
                other = self.tr(*_GENDER["M" if code == "F" else "F"][2:])
                text = self.tr(
                    f"Gruppen har bara {few}, så {own} genomsnitt kan visa enskildas lön och "
                    f"lämnas inte ut; det lämnas ut när gruppen har minst {min_cell} av varje kön. "
                    f"{other.capitalize()} genomsnitt lämnas inte heller ut, eftersom {own} "
                    "då skulle kunna räknas fram ur genomsnittet för hela gruppen, som "
                    f"lönekartläggningen redovisar. {route}",
                    f"The group has only {few}, so their average can show individuals' pay "
                    f"and is not given; it is given when the group has at least {min_cell} of each "
                    f"gender. {other.capitalize()} average is not given either, since theirs "
                    "could then be worked out from the whole group's average, which the pay survey "
                    f"shows. {route}",
                )
            return self.once(
                f"small:{cat.n_women}:{cat.n_men}",
                text,
                self.tr(
                    "Genomsnitten lämnas inte ut av samma skäl som ovan.",
                    "The averages are not given, for the same reason as above.",
                ),
            )
        return self.once(
            "derived",
            self.tr(
                "Ett genomsnitt som inte lämnas ut skulle, tillsammans med andra siffror som "
                "arbetsgivaren publicerar i lönekartläggningen, visa lönen för en annan grupp "
                f"med färre än {min_cell} personer. {route}",
                "An average not given would, together with other figures the employer publishes "
                f"in the pay survey, show the pay of another group of fewer than {min_cell} "
                f"people. {route}",
            ),
            self.tr(
                "Ett genomsnitt lämnas inte ut av samma skäl som ovan.",
                "An average is not given, for the same reason as above.",
            ),
        )


def criterion_name(w: LetterWords, c: Mapping[str, Any]) -> str:
    """A criterion's name in the document's language, "(gäller chefer)" when only for managers."""
    name = (c.get("name_en") or c.get("name")) if not w.sv else c.get("name")
    name = str(name or c.get("id", ""))
    if c.get("applies_to") == "managers":
        name += w.tr(" (gäller chefer)", " (managers only)")
    elif c.get("applies_to") == "staff":
        name += w.tr(" (gäller medarbetare utan chefsuppdrag)", " (staff who are not managers)")
    return name


def criterion_text(w: LetterWords, c: Mapping[str, Any]) -> str:
    """A criterion's description in the document's language."""
    text = (c.get("description_en") or c.get("description")) if not w.sv else c.get("description")
    return " ".join(str(text or "").split())


def job_evaluation_sentence(w: LetterWords) -> str:
    """Pay follows the job's demands, as the job evaluation assesses them."""
    return w.tr(
        "Lönen sätts efter arbetets krav och efter hur du utför ditt arbete. Arbetets krav "
        "bedöms i arbetsvärderingen: kunskaper och färdigheter, ansvar, ansträngning och "
        "arbetsförhållanden.",
        "Pay is set by the demands of the job and by how you do your work. The job's "
        "demands are assessed in the job evaluation: skills, responsibility, effort and "
        "working conditions.",
    )


def criteria_blocks(
    w: LetterWords, criteria: tuple[Mapping[str, Any], ...], basis: str
) -> list[dict]:
    """What sets pay and its progression (Art. 6): the job's demands and the salary criteria."""
    blocks: list[dict] = []
    if basis == "band":
        blocks.append(w.text(job_evaluation_sentence(w)))
    if criteria:
        blocks.append(
            w.text(
                w.tr(
                    "Hur du utför ditt arbete bedöms mot de gemensamma lönekriterierna. Lönen utvecklas "
                    "vid den årliga löneöversynen efter den bedömningen, som chefen går igenom med dig i "
                    "lönesamtalet:",
                    "How you do your work is assessed against the shared salary criteria. Pay progresses "
                    "at the yearly pay review by that assessment, which your manager goes through with "
                    "you in the pay talk:",
                )
            )
        )
        items = []
        for c in criteria:
            text = criterion_text(w, c)
            items.append(f"{criterion_name(w, c)}: {text}" if text else criterion_name(w, c))
        blocks.append({"type": "list", "items": items})
    else:
        blocks.append(
            w.text(
                w.tr(
                    "Lönekriterierna står inte i underlaget för det här svaret. De finns i "
                    f"arbetsgivarens lönepolicy, som du får från {w.contact}.",
                    "The salary criteria are not in the data behind this answer. They are in the "
                    f"employer's pay policy, which you can get from {w.contact}.",
                )
            )
        )
    return blocks


def column_words(w: LetterWords, reason: str) -> str:
    """An eligibility rule's reason ("employment_form = Visstid") in words."""
    column, _, value = reason.partition(" = ")
    name = _COLUMN_WORDS.get(column.strip(), (column.strip(), column.strip()))
    return f"{w.tr(*name)}: {value.strip()}" if value else reason

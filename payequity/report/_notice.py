"""The yearly notice to all staff of the right to pay information (Art. 7(3); F-F2)."""

from __future__ import annotations

import datetime as dt

from ._letter_words import DIRECTIVE, LetterWords

__all__ = ["notice_document", "notice_pdf"]


def notice_document(words: LetterWords, year: int, created: dt.datetime, min_cell: int) -> dict:
    """The typst document of the yearly notice."""
    w = words
    blocks = [
        w.text(
            w.tr(
                f"Alla som arbetar i {w.organisation} har rätt att få veta sin egen lön och "
                "genomsnittslönen för kvinnor och män som gör samma arbete eller ett arbete av lika "
                f"värde. Det följer av artikel 7 i EU:s lönetransparensdirektiv {DIRECTIVE}. Vi "
                "informerar om rätten varje år.",
                f"Everyone working at {w.organisation} has the right to know their own pay and the "
                "average pay of women and men doing the same work or work of equal value. This "
                f"follows from Article 7 of the EU Pay Transparency Directive {DIRECTIVE}. We tell "
                "all staff of this right every year.",
            )
        ),
        w.heading(w.tr("Vad du får veta", "What you will learn")),
        {
            "type": "list",
            "items": [
                w.tr(
                    "Din lön: per månad vid heltid, per år och per timme.",
                    "Your pay: a month at full time, a year and an hour.",
                ),
                w.tr(
                    "Genomsnittslönen för kvinnor och för män med samma arbete som du, per månad vid "
                    "heltid, per år och per timme.",
                    "The average pay of women and of men doing the same work as you, a month at "
                    "full time, a year and an hour.",
                ),
                w.tr(
                    "Genomsnittslönen för kvinnor och för män med arbeten av lika värde som ditt, "
                    "enligt arbetsvärderingen, per år och per timme.",
                    "The average pay of women and of men in jobs of equal value to yours, by the job "
                    "evaluation, a year and an hour.",
                ),
                w.tr(
                    "Vad som avgör lönen och hur den utvecklas: arbetsvärderingen och lönekriterierna.",
                    "What sets pay and how it progresses: the job evaluation and the salary criteria.",
                ),
            ],
        },
        w.heading(w.tr("Så gör du", "How to ask")),
        {
            "type": "list",
            "items": [
                w.tr(
                    f"Skriv till {w.contact} och be om löneinformation enligt artikel 7. Du behöver "
                    "inte ange något skäl, och det kostar ingenting.",
                    f"Write to {w.contact} asking for pay information under Article 7. You need not "
                    "give a reason, and it costs nothing.",
                ),
                w.tr(
                    "Du kan också fråga genom din fackliga företrädare eller "
                    "Diskrimineringsombudsmannen (do.se).",
                    "You may also ask through your union representative or the equality body.",
                ),
                w.tr(
                    "Du får ett skriftligt svar senast två månader efter den dag din begäran kom in. "
                    "Siffrorna gäller lönen vid den senaste lönekartläggningen.",
                    "You get a written answer no later than two months after the day your request "
                    "arrived. The figures are the pay at the latest pay survey.",
                ),
            ],
        },
        w.heading(w.tr("Bra att veta", "Good to know")),
        {
            "type": "list",
            "items": [
                w.tr(
                    f"Genomsnitt för grupper med färre än {min_cell} kvinnor eller {min_cell} män "
                    "lämnas inte ut, så att ingen enskilds lön kan räknas fram. I svaret står då att "
                    "uppgiften inte lämnas ut, varför, och vart du kan vända dig. Ibland lämnas "
                    "inte heller det andra könets genomsnitt ut, om det tillsammans med andra "
                    "redovisade siffror skulle visa den mindre gruppens lön.",
                    f"Averages of groups with fewer than {min_cell} women or {min_cell} men are not "
                    "given, so that nobody's own pay can be worked out. The answer then says that "
                    "the figure is not given, why, and where you can turn. Sometimes the other "
                    "gender's average is not given either, where together with other published "
                    "figures it would show the smaller group's pay.",
                ),
                w.tr(
                    "Ingen kan förbjuda dig att berätta om din egen lön.",
                    "Nobody may forbid you to tell anyone your own pay.",
                ),
                w.tr(
                    "Uppgifter om andras lön får bara användas för att ta tillvara rätten till lika "
                    "lön.",
                    "Figures about others' pay may be used only to exercise the right to equal pay.",
                ),
                w.tr(
                    "Ingen får behandlas sämre för att ha frågat (artikel 25).",
                    "Nobody may be treated worse for asking (Article 25).",
                ),
                w.tr(
                    "Om svaret är fel eller ofullständigt kan du be om ett förtydligande och få ett "
                    "motiverat svar.",
                    "If the answer is wrong or incomplete you may ask for a clarification and get a "
                    "reasoned answer.",
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


def notice_pdf(words: LetterWords, year: int, created: dt.datetime, min_cell: int) -> bytes:
    """The yearly notice of the right to information as PDF bytes."""
    from ._typst import render_pdf

    return render_pdf(notice_document(words, year, created, min_cell), timestamp=created)[0]

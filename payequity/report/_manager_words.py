"""What a manager's salary-review workbook says, Swedish and English side by side.

The texts of :mod:`payequity.report._manager_workbook` and :mod:`._manager_sheets`: the column
headers, the note words, the totals and their formulas, the proposal cells' input and error
messages, the criteria, checks and About sheets. Each entry is a pair (Swedish, English), index 0
and 1 as the workbook's language.
"""

from __future__ import annotations

__all__ = [
    "ABOUT",
    "APPLIES",
    "CHECKS",
    "COLUMNS",
    "CRITERIA_HEAD",
    "CRITERIA_NOTE",
    "FOLDED",
    "INPUT",
    "MEASURES",
    "METHOD",
    "NOTES",
    "OWN",
    "PLAN_PART",
    "POT",
    "REASON_WORDS",
    "TOTALS",
    "VERSUS",
]

# column of ReviewResult.table → (Swedish header, English header, kind); the criteria go after
# "fte", "motivation" is the manager's own free text. A Swedish word too long for its column is
# broken by hand where Swedish breaks it ("-" and a line break): load_proposals joins it again.
COLUMNS: list[tuple[str, str, str, str]] = [
    ("unit", "Enhet", "Unit", "unit"),
    ("employee_id", "Anställnings-\nnummer", "Employee ID", "id"),
    ("job_code", "Befattningskod", "Job code", "id"),
    ("job_title", "Befattning", "Job title", "title"),
    ("gender", "Kön", "Gender", "gender"),
    ("fte", "Sysselsätt-\nningsgrad", "FTE", "fte"),
    ("rating", "Samlad bedömning", "Overall rating", "dec"),
    ("rating_level", "Nivå", "Level", "int"),
    ("compa_ratio", "Lön i % av befatt-\nningens median", "Pay as % of the job's median", "compa"),
    ("base_salary", "Nuvarande lön", "Current salary", "kr"),
    ("plan_adjustment", "Åtgärd lönekart-\nläggning", "Pay survey adjustment", "kr"),
    ("raise", "Föreslagen höjning", "Proposed raise", "kr"),
    ("raise_pct", "Höjning %", "Raise %", "pct"),
    ("new_base_salary", "Ny lön", "New salary", "kr"),
    ("notes", "Noteringar", "Notes", "notes"),
    ("motivation", "Din motivering", "Your reasoning", "free"),
]
NOTES = {
    "not_rated": ("ej bedömd", "not rated"),
    "partly_rated": ("delvis bedömd", "partly rated"),
    "not_eligible": ("omfattas ej", "not eligible"),
    "guarantee": ("garantibelopp", "guarantee"),
    "capped": ("tak", "capped"),
    "plan": ("åtgärd enligt handlingsplan", "action plan measure"),
    "below_guarantee": ("under garantin", "below the guarantee"),
    "above_cap": ("över taket", "above the cap"),
    "decrease": ("sänkt lön", "pay decrease"),
    "no_proposal": ("inget förslag", "no proposal"),
    "below_plan": ("under handlingsplanens justering", "below the action plan's adjustment"),
}
# the "plan" note when the reserve pays only part of the plan's adjustment this time
PLAN_PART = (
    "{paid} av handlingsplanens {need_kr}; resten vid nästa revision",
    "{paid_kr} of the action plan's {need_kr}; the rest at the next review",
)
REASON_WORDS = ({"employment_form": "anställningsform"}, {"employment_form": "employment form"})
# total label → (column it stands in, formula over the table's rows, kind)
TOTALS = (
    (("Antal anställningar", "Employments"), "raise", "=COUNTA({employee_id})", "int"),
    (
        ("Kostnad/månad (Σ höjning × sysselsättningsgrad)", "Cost/month (Σ raise × FTE)"),
        "raise",
        "=SUMPRODUCT({raise},{fte})",
        "kr",
    ),
    (
        (
            "Lönesumma/månad efter revisionen (Σ ny lön × sysselsättningsgrad)",
            "Payroll/month after the review (Σ new salary × FTE)",
        ),
        "new_base_salary",
        "=SUMPRODUCT({new_base_salary},{fte})",
        "kr",
    ),
)
# below the totals when the units' pots are this workbook's alone: (pot, used, left)
POT = (
    ("Löneutrymme (enheternas pott)", "Använt (kostnad/månad)", "Kvar"),
    ("Pot (the units' salary budget)", "Used (cost/month)", "Left"),
)
# the proposal cells' validation: (input title, input message, error title, error message);
# Excel allows 32 characters in a title and 255 in a message
INPUT = (
    (
        "Föreslagen höjning",
        "Hela höjningen i kronor per månad för heltid, inklusive Åtgärd lönekartläggning, högst "
        "{cap} % av nuvarande lön. Ny lön, Höjning % och summorna räknas om.",
        "Ogiltig höjning",
        "Skriv ett helt antal kronor per månad för heltid: minst Åtgärd lönekartläggning på samma "
        "rad (handlingsplanens jämställdhetsjustering får inte tas tillbaka) och högst {cap} % av "
        "nuvarande lön.",
    ),
    (
        "Proposed raise",
        "The whole raise in kronor a month for full time, the pay survey adjustment included, at "
        "most {cap} % of the current salary. New salary, Raise % and the totals recalculate.",
        "Invalid raise",
        "Enter whole kronor a month for full time: at least the pay survey adjustment on the same "
        "row (the action plan's equal-pay adjustment must not be taken back) and at most {cap} % "
        "of the current salary.",
    ),
)
APPLIES = {
    "all": ("alla", "everyone"),
    "managers": ("chefer", "managers"),
    "staff": ("medarbetare utan chefsuppdrag", "staff who are not managers"),
}
# Kriterier: (criterion, description, applies to) then the weight column(s): one when every
# criterion applies to everyone, else one for staff and one for managers
CRITERIA_HEAD = (
    ("Kriterium", "Beskrivning", "Gäller", ("Vikt",), ("Vikt för medarbetare", "Vikt för chefer")),
    (
        "Criterion",
        "Description",
        "Applies to",
        ("Weight",),
        ("Weight for staff", "Weight for managers"),
    ),
)
CRITERIA_NOTE = (
    "Vikten är kriteriets andel av den samlade bedömningen. Saknas betyget på ett kriterium räknas "
    "de övriga kriteriernas vikter om så att de tillsammans väger 100 %.",
    "The weight is the criterion's share of the overall rating. Where a criterion is not rated, "
    "the weights of the others are rescaled to add up to 100 %.",
)
CHECKS = (
    (
        "Jämställdhetskontroll av lönerevisionsförslaget",
        (
            "Förslaget kontrolleras ur jämställdhetssynpunkt innan beslut fattas. Flaggorna nedan "
            "är underlag för dialog med HR.",
            "Beslutet om varje lön fattas fortfarande av dig som chef.",
            "Kontrollerna gäller förslaget som HR skickade; HR gör dem igen när du har lämnat "
            "tillbaka filen.",
            "Gäller dina medarbetare: Ja – befattningar eller personer i den här filen. Delvis – "
            "kontrollen gäller hela enheten, där en del av medarbetarna har en annan chef. Nej – "
            "andra chefers medarbetare i samma enhet; raden står här som underlag för dialogen "
            "med HR.",
        ),
        ("Gäller dina medarbetare", "Enhet", "Kontroll", "Avser", "Meddelande"),
        "Jämställdhetskontrollen flaggade ingenting i dina enheter.",
        "Hela organisationen",
    ),
    (
        "Gender check of the salary review proposal",
        (
            "The proposal is checked for gender bias before any decision is made. The flags below "
            "are input for the dialogue with HR.",
            "The decision on each salary still rests with you as the manager.",
            "The checks are of the proposal HR sent you; HR runs them again when you have returned "
            "the file.",
            "Concerns your staff: Yes – jobs or people in this file. Partly – the check is of the "
            "whole unit, where some of the staff have another manager. No – other managers' staff "
            "in the same unit; the row is here as input for the dialogue with HR.",
        ),
        ("Concerns your staff", "Unit", "Check", "Subject", "Message"),
        "The gender check flagged nothing in your units.",
        "Whole organisation",
    ),
)
# "Gäller dina medarbetare": yes, partly (n of total, where), no (where); where: unit, organisation
OWN = (
    (
        "Ja",
        "Delvis – {n} av {total} {where}",
        "Nej – gäller andra chefers förslag {where}",
        ("i enheten", "i organisationen"),
    ),
    (
        "Yes",
        "Partly – {n} of {total} {where}",
        "No – concerns other managers' proposals {where}",
        ("in the unit", "in the organisation"),
    ),
)
# a check's message without what the Kontroll column says already and without the unit's path
# (the Enhet column): (prefixes to drop, "<unit>" forms → replacement)
MESSAGE_TRIM = (
    (
        ("förslaget ökar en oförklarad skillnad — ",),
        (("enheten {unit}", "enheten"), (" i {unit} ", " i enheten ")),
    ),
    (
        ("the proposal widens an unexplained gap — ",),
        (("unit {unit}", "the unit"), (" in {unit} ", " in the unit ")),
    ),
)
# the pay measure of a survey item key (<unit path>/<job code>[/<comparator job>]/<measure>)
MEASURES = {
    "base_salary": ("grundlön", "base salary"),
    "monthly_pay": ("månadslön", "monthly pay"),
}
VERSUS = (" jämfört med ", " compared with ")
ABOUT = (
    (
        "Lönerevision {year} – förslag för chef",
        ("Organisation", "År", "Chef (id)", "Antal medarbetare", "Antal anställningar", "Skapad"),
        "Så använder du arbetsboken",
        (
            "1. Gå igenom förslaget på bladet Lönerevision: bedömningen per kriterium, nivån, lönen "
            "i förhållande till befattningens median och den föreslagna höjningen.",
            "2. Läs bladet Kontroller: jämställdhetskontrollen av förslaget görs innan beslut.",
            "3. Justera förslaget i dialog med HR; beslutet om lönen är ditt.",
            "4. Inget är beslutat förrän HR har läst in de beslutade lönerna i lönesystemet.",
            "Belopp är månadslöner i kronor för heltid; kostnaden per månad är höjningen gånger "
            "sysselsättningsgraden.",
        ),
        "Så ändrar du förslaget",
        "Gul cell",
        "Bara de gula cellerna går att ändra: Föreslagen höjning och Din motivering. Skriv hela "
        "höjningen i kronor per månad för heltid; den innefattar Åtgärd lönekartläggning.",
        (
            "Åtgärd lönekartläggning är handlingsplanens justering mot osakliga löneskillnader. "
            "Höjningen får inte vara lägre än den, inte vara högre än {cap} % av nuvarande lön och "
            "ska vara hela kronor; annars visas ett felmeddelande.",
            "I Din motivering kan du skriva varför du ändrar en höjning. Den är till för dialogen "
            "med HR och påverkar inte beräkningen.",
            "Den som inte omfattas av lönerevisionen (Noteringar: omfattas ej) har ingen gul cell: "
            "höjningen är bara handlingsplanens åtgärd, om någon.",
            "Höjning %, Ny lön och summorna under tabellen är formler och räknas om när du ändrar "
            "en höjning.",
            "Bladen är skyddade utan lösenord, så att inget annat ändras av misstag. Du kan ändå "
            "filtrera raderna och ändra kolumnbredder.",
            "{folded}: markera kolumnerna på båda sidor, högerklicka och välj Ta fram för att "
            "visa {them}.",
            "Lämna tillbaka filen till HR med bladen och kolumnerna som de är; HR läser in "
            "höjningarna direkt från bladet Lönerevision.",
        ),
    ),
    (
        "Salary review {year} – proposal for the manager",
        ("Organisation", "Year", "Manager (id)", "Staff", "Employments", "Created"),
        "How to use this workbook",
        (
            "1. Review the proposal on the Salary review sheet: the rating per criterion, the level, "
            "the pay against the job's median and the proposed raise.",
            "2. Read the Checks sheet: the gender check of the proposal is made before the decision.",
            "3. Adjust the proposal in dialogue with HR; the decision on pay is yours.",
            "4. Nothing is decided until HR has imported the decided salaries into the payroll system.",
            "Amounts are full-time monthly salaries in kronor; the cost per month is the raise times "
            "the FTE.",
        ),
        "How to change the proposal",
        "Yellow cell",
        "Only the yellow cells can be changed: Proposed raise and Your reasoning. Enter the whole "
        "raise in kronor a month for full time; it includes the pay survey adjustment.",
        (
            "The pay survey adjustment is the action plan's correction of unjustified pay gaps. The "
            "raise may not be lower than it, may not be more than {cap} % of the current salary and "
            "must be whole kronor; otherwise an error message is shown.",
            "In Your reasoning you can say why you change a raise. It is for the dialogue with HR "
            "and does not change the calculation.",
            "Someone who does not take part in the review (Notes: not eligible) has no yellow cell: "
            "their raise is the action plan's measure alone, if any.",
            "Raise %, New salary and the totals below the table are formulas and recalculate when "
            "you change a raise.",
            "The sheets are protected without a password, so that nothing else is changed by "
            "mistake. You can still filter the rows and change column widths.",
            "{folded}: select the columns on either side, right-click and choose Unhide to show "
            "{them}.",
            "Return the file to HR with its sheets and columns as they are; HR reads the raises "
            "straight from the Salary review sheet.",
        ),
    ),
)
# About: the folded columns of sheet 1, in words ("{folded}" and "{them}" of ABOUT's rules)
FOLDED = (
    {
        2: ("Befattningskod och Samlad bedömning är dolda kolumner", "dem"),
        1: ("Samlad bedömning är en dold kolumn", "den"),
    },
    {
        2: ("Job code and Overall rating are hidden columns", "them"),
        1: ("Overall rating is a hidden column", "it"),
    },
)
# About: how the proposal was made (the review's settings in words). Placeholders: {lo}, {hi}
# the pay position's band edges in %, {pct} the pot in % of the payroll, {kr} kronor per
# full-time head, {share} % reserved for the action plan, {g} the guarantee, {cap} the cap.
METHOD = (
    {
        "title": "Så togs förslaget fram",
        "scale": "Bedömningsskalan: varje kriterium bedöms från {min} till {max}{labels}.",
        "rating": "Samlad bedömning är det vägda medelvärdet av betygen på de kriterier som gäller "
        "för personen (vikterna står på bladet Kriterier). Nivå är den samlade bedömningen "
        "avrundad till närmaste hela steg på skalan (2,5 blir 3). Den som inte är bedömd får "
        "nivå {expected}.",
        "position": "Lön i % av befattningens median: nuvarande lön i procent av medianlönen för "
        "samma befattning (befattningskod) i hela organisationen.",
        "bands": "Löneläget: under {lo} % av medianen är det lågt, över {hi} % högt, däremellan "
        "mitt i.",
        "pot_pct": "Löneutrymme: {who} har {pct} % av lönesumman (lön × "
        "sysselsättningsgrad) för dem som omfattas av revisionen.",
        "pot_kr": "Löneutrymme: {who} har {kr} i månaden per heltid för dem som omfattas "
        "av revisionen.",
        "share": "{share} % av löneutrymmet går först till handlingsplanens åtgärder (Åtgärd "
        "lönekartläggning). Räcker det inte, betalas en del nu och resten vid nästa revision.",
        "matrix": "Det som är kvar av utrymmet fördelas efter matrisen nedan: en persons "
        "utgångsläge är lönen × enhetens procentsats × talet för personens nivå och löneläge. Ett "
        "högre tal ger en större del av utrymmet; förslagen skalas så att enhetens utrymme används "
        "på kronan när.",
        "guarantee": "Garantibelopp: alla som omfattas får minst {g} i månaden för heltid, "
        "utöver Åtgärd lönekartläggning; det som ligger över garantin skalas.",
        "cap": "Tak: ingen får mer än {cap} i månaden för heltid, utöver Åtgärd lönekartläggning.",
        "proposals": "Förslaget är chefernas egna förslag; HR har kontrollerat dem mot "
        "löneutrymmet och ur jämställdhetssynpunkt.",
        "shared": "Löneutrymmet räknas per enhet, och dina enheter har medarbetare med en annan "
        "chef. Därför visas inte utrymmet och det som är kvar av det här; HR har helheten.",
        "head": ("Nivå", "Lön under {lo} %", "{lo}–{hi} %", "Lön över {hi} %"),
        "who": {"unit": "varje enhet", "organisation": "hela organisationen", "": "varje pott"},
    },
    {
        "title": "How the proposal was made",
        "scale": "The rating scale: each criterion is rated from {min} to {max}{labels}.",
        "rating": "The overall rating is the weighted mean of the ratings on the criteria that "
        "apply to the person (the weights are on the Criteria sheet). The level is the overall "
        "rating rounded to the nearest whole step of the scale (2.5 becomes 3). Someone not rated "
        "gets level {expected}.",
        "position": "Pay as % of the job's median: the current salary as a percentage of the "
        "median salary of the same job (job code) in the whole organisation.",
        "bands": "Pay position: below {lo} % of the median it is low, above {hi} % high, in "
        "between in the middle.",
        "pot_pct": "Pot: {who} has {pct} % of the payroll (salary × FTE) of the people taking "
        "part in the review.",
        "pot_kr": "Pot: {who} has {kr} a month per full-time head of the people taking "
        "part in the review.",
        "share": "{share} % of the pot goes first to the action plan's measures (the pay survey "
        "adjustment). If it is not enough, part is paid now and the rest at the next review.",
        "matrix": "What is left of the pot is shared by the matrix below: a person's "
        "starting point is the salary × the unit's percentage × the number for their level and "
        "pay position. A higher number gives a larger part of the pot; the proposals are scaled "
        "so that the unit's pot is spent to the krona.",
        "guarantee": "Guarantee: everyone taking part gets at least {g} a month for full time, "
        "on top of the pay survey adjustment; what lies above the guarantee is scaled.",
        "cap": "Cap: nobody gets more than {cap} a month for full time, on top of the pay "
        "survey adjustment.",
        "proposals": "The proposal is the managers' own; HR has checked it against the pot and "
        "for gender bias.",
        "shared": "The pot is counted per unit, and your units have staff with another manager. "
        "So the pot and what is left of it are not shown here; HR has the whole picture.",
        "head": ("Level", "Pay below {lo} %", "{lo}–{hi} %", "Pay above {hi} %"),
        "who": {"unit": "each unit", "organisation": "the whole organisation", "": "each pot"},
    },
)

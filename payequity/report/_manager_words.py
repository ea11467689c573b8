"""What a manager's salary-review workbook says, Swedish and English side by side.

The texts of :mod:`payequity.report._manager_workbook`: the note words, the totals and their
formulas, the proposal cells' input and error messages, the criteria, checks and About sheets.
Each entry is a pair (Swedish, English), index 0 and 1 as the workbook's language.
"""

from __future__ import annotations

__all__ = [
    "ABOUT",
    "APPLIES",
    "CHECKS",
    "CRITERIA_HEAD",
    "CRITERIA_NOTE",
    "INPUT",
    "MEASURES",
    "NOTES",
    "REASON_WORDS",
    "TOTALS",
    "VERSUS",
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
REASON_WORDS = ({"employment_form": "anställningsform"}, {"employment_form": "employment form"})
# total label → (column it stands in, formula over the table's rows, kind)
TOTALS = (
    (("Antal anställningar", "Employments"), "raise", "=COUNTA({employee_id})", "int"),
    (
        ("Kostnad/månad (Σ höjning × syssgrad)", "Cost/month (Σ raise × FTE)"),
        "raise",
        "=SUMPRODUCT({raise},{fte})",
        "kr",
    ),
    (
        (
            "Lönesumma/månad efter revisionen (Σ ny lön × syssgrad)",
            "Payroll/month after the review (Σ new salary × FTE)",
        ),
        "new_base_salary",
        "=SUMPRODUCT({new_base_salary},{fte})",
        "kr",
    ),
)
# the proposal cells' validation: (input title, input message, error title, error message);
# Excel allows 32 characters in a title and 255 in a message
INPUT = (
    (
        "Föreslagen höjning",
        "Hela höjningen i kronor per månad för heltid, inklusive Åtgärd lönekartläggning. "
        "Ny lön, Höjning % och summorna räknas om.",
        "Ogiltig höjning",
        "Skriv ett helt antal kronor per månad för heltid, minst lika mycket som Åtgärd "
        "lönekartläggning på samma rad: handlingsplanens jämställdhetsjustering får inte tas "
        "tillbaka.",
    ),
    (
        "Proposed raise",
        "The whole raise in kronor a month for full time, the pay survey adjustment included. "
        "New salary, Raise % and the totals recalculate.",
        "Invalid raise",
        "Enter whole kronor a month for full time, at least the pay survey adjustment on the same "
        "row: the action plan's equal-pay adjustment must not be taken back.",
    ),
)
APPLIES = {
    "all": ("alla", "everyone"),
    "managers": ("chefer", "managers"),
    "staff": ("medarbetare utan chefsuppdrag", "staff who are not managers"),
}
CRITERIA_HEAD = (
    ("Id", "Kriterium", "Beskrivning", "Vikt", "Gäller"),
    ("Id", "Criterion", "Description", "Weight", "Applies to"),
)
CRITERIA_NOTE = (
    "Vikterna räknas om så att de kriterier som gäller för en person tillsammans väger 1. "
    "Id är kolumnrubriken i betygsfilen.",
    "The weights are rescaled so that the criteria that apply to a person add up to 1. "
    "Id is the column header in the ratings file.",
)
CHECKS = (
    (
        "Jämställdhetskontroll av lönerevisionsförslaget",
        "Förslaget kontrolleras ur jämställdhetssynpunkt innan beslut fattas. Flaggorna nedan är "
        "underlag för dialog med HR.",
        "Beslutet om varje lön fattas fortfarande av dig som chef.",
        ("Enhet", "Kontroll", "Avser", "Meddelande"),
        "Jämställdhetskontrollen flaggade ingenting i dina enheter.",
        "Hela organisationen",
    ),
    (
        "Gender check of the salary review proposal",
        "The proposal is checked for gender bias before any decision is made. The flags below are "
        "input for the dialogue with HR.",
        "The decision on each salary still rests with you as the manager.",
        ("Unit", "Check", "Subject", "Message"),
        "The gender check flagged nothing in your units.",
        "Whole organisation",
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
            "1. Gå igenom förslaget på bladet Lönerevision: bedömningen per kriterium, den samlade "
            "bedömningen, löneläget och den föreslagna höjningen.",
            "2. Läs bladet Kontroller: jämställdhetskontrollen av förslaget görs innan beslut.",
            "3. Justera förslaget i dialog med HR; beslutet om lönen är ditt.",
            "4. Inget är beslutat förrän HR har läst in de beslutade lönerna i lönesystemet.",
            "Belopp är månadslöner i kronor för heltid; kostnaden per månad är höjningen gånger "
            "sysselsättningsgraden.",
        ),
        "Så ändrar du förslaget",
        "Gul cell",
        "Bara de gula cellerna i kolumnen Föreslagen höjning går att ändra. Skriv hela höjningen "
        "i kronor per månad för heltid; den innefattar Åtgärd lönekartläggning.",
        (
            "Åtgärd lönekartläggning är handlingsplanens justering mot osakliga löneskillnader. "
            "Höjningen får inte vara lägre än den och ska vara hela kronor; annars visas ett "
            "felmeddelande.",
            "Höjning %, Ny lön och summorna under tabellen är formler och räknas om när du ändrar "
            "en höjning.",
            "Bladen är skyddade utan lösenord, så att inget annat ändras av misstag. Du kan ändå "
            "filtrera raderna och ändra kolumnbredder.",
            "Lämna tillbaka filen till HR med bladen och kolumnerna som de är; HR läser in "
            "höjningarna direkt från bladet Lönerevision.",
        ),
    ),
    (
        "Salary review {year} – proposal for the manager",
        ("Organisation", "Year", "Manager (id)", "Staff", "Employments", "Created"),
        "How to use this workbook",
        (
            "1. Review the proposal on the Salary review sheet: the rating per criterion, the overall "
            "rating, the pay position and the proposed raise.",
            "2. Read the Checks sheet: the gender check of the proposal is made before the decision.",
            "3. Adjust the proposal in dialogue with HR; the decision on pay is yours.",
            "4. Nothing is decided until HR has imported the decided salaries into the payroll system.",
            "Amounts are full-time monthly salaries in kronor; the cost per month is the raise times "
            "the FTE.",
        ),
        "How to change the proposal",
        "Yellow cell",
        "Only the yellow cells in the Proposed raise column can be changed. Enter the whole raise "
        "in kronor a month for full time; it includes the pay survey adjustment.",
        (
            "The pay survey adjustment is the action plan's correction of unjustified pay gaps. The "
            "raise may not be lower than it and must be whole kronor; otherwise an error message "
            "is shown.",
            "Raise %, New salary and the totals below the table are formulas and recalculate when "
            "you change a raise.",
            "The sheets are protected without a password, so that nothing else is changed by "
            "mistake. You can still filter the rows and change column widths.",
            "Return the file to HR with its sheets and columns as they are; HR reads the raises "
            "straight from the Salary review sheet.",
        ),
    ),
)

"""What the reports call things, Swedish and English side by side.

For ``survey.xlsx`` and the managers' workbooks: number formats, column headers and sheet texts,
so a column's header, kind and number format are decided in one place. For the PDF reports:
the category words (:data:`WORDS`) and every setting of survey.toml in words (:data:`SETTINGS`,
:data:`CHOICES`), so no reader meets a key before the methods annex.
"""

from __future__ import annotations

__all__ = [
    "BIAS",
    "CHOICES",
    "COLUMNS",
    "DEFINITIONS",
    "FORMATS",
    "GENDER",
    "GLOSSES",
    "NATIONAL",
    "SETTINGS",
    "SHEETS",
    "WORDS",
]


def _rows(text: str) -> list[list[str]]:
    """The rows of a table written as text, one line a row, cells separated by "|"."""
    return [[cell.strip() for cell in line.split("|")] for line in text.strip().splitlines()]


# kind → number format (Swedish, English). Stored codes use Excel's neutral syntax; the Swedish
# ones carry the Swedish locale, so '#,##0 "kr"' reads "32 500 kr" whatever the reader's locale. Percentages
# on the 0–100 scale get a literal " %" (Excel's % format would multiply by 100); shares that are
# fractions (0–1) get Excel's % format, which does.
_SV = "[$-41D]"  # Swedish locale: "32 500 kr", "96,4 %" in any spreadsheet program's locale
FORMATS = {
    "kr": (_SV + '#,##0 "kr"', '"SEK "#,##0'),
    "kr2": (_SV + '#,##0.00 "kr"', '"SEK "#,##0.00'),
    "pct": (_SV + '0.0" %"', '0.0"%"'),
    "share": (_SV + "0.0 %", "0.0%"),
    "p": (_SV + "0.0000", "0.0000"),
    "coef": (_SV + "0.0000", "0.0000"),
    "int": ("0", "0"),
    "dec": (_SV + "0.00", "0.00"),
    "pts": (_SV + "0.0", "0.0"),
    "num": (_SV + "#,##0.00", "#,##0.00"),
    "date": ("yyyy-mm-dd", "yyyy-mm-dd"),
}
_WIDTH = {
    "pct": 9,
    "share": 9,
    "p": 8,
    "coef": 9,
    "int": 7,
    "dec": 8,
    "pts": 8,
    "num": 11,
    "date": 11,
    "bool": 7,
}

#: The one gender code set of every workbook: code → (Swedish word, English word).
GENDER = {"F": ("Kvinna", "Woman"), "M": ("Man", "Man")}

#: Column name → (Swedish header, English header, kind). Kinds: kr/kr2 kronor, pct 0–100 percent,
#: share 0–1 fraction, p p-value, coef log points, int counts/years, dec/pts decimals, date,
#: bool, id (text, or whole numbers), text.
COLUMNS: dict[str, tuple[str, str, str]] = {
    "unit": ("Enhet", "Unit", "id"),
    "work_group": ("Arbetsgrupp", "Work group", "id"),
    "pay_measure": ("Lönemått", "Pay measure", "text"),
    "n_women": ("Antal kvinnor", "Women (n)", "int"),
    "n_men": ("Antal män", "Men (n)", "int"),
    "mean_women": ("Medellön kvinnor", "Mean pay, women", "kr"),
    "mean_men": ("Medellön män", "Mean pay, men", "kr"),
    "median_women": ("Medianlön kvinnor", "Median pay, women", "kr"),
    "median_men": ("Medianlön män", "Median pay, men", "kr"),
    "women_pct_of_men": ("Kvinnors lön i % av mäns", "Women's pay as % of men's", "pct"),
    "adjusted_gap_pct": ("Justerad löneskillnad", "Adjusted pay gap", "pct"),
    "ci_low": ("Konfidensintervall, nedre", "Confidence interval, lower", "pct"),
    "ci_high": ("Konfidensintervall, övre", "Confidence interval, upper", "pct"),
    "p_value": ("p-värde", "p-value", "p"),
    "p_adjusted": (
        "p-värde justerat för många test",
        "p-value adjusted for multiple tests",
        "p",
    ),
    "needs_assessment": ("Båda könen finns (bedöms)", "Both genders present (assessed)", "bool"),
    "flagged": ("Flaggad", "Flagged", "bool"),
    "min_women": ("Lägsta lön kvinnor", "Minimum pay, women", "kr"),
    "min_men": ("Lägsta lön män", "Minimum pay, men", "kr"),
    "max_women": ("Högsta lön kvinnor", "Maximum pay, women", "kr"),
    "max_men": ("Högsta lön män", "Maximum pay, men", "kr"),
    "p10_women": ("10:e percentil kvinnor", "10th percentile, women", "kr"),
    "p10_men": ("10:e percentil män", "10th percentile, men", "kr"),
    "p90_women": ("90:e percentil kvinnor", "90th percentile, women", "kr"),
    "p90_men": ("90:e percentil män", "90th percentile, men", "kr"),
    "regression_tested": ("Prövad med regression", "Regression tested", "bool"),
    "flag_rule": ("Flaggningsregel", "Flag rule", "text"),
    "coef": ("Koefficient (log)", "Coefficient (log)", "coef"),
    "se": ("Standardfel (log)", "Standard error (log)", "coef"),
    "df_resid": ("Frihetsgrader", "Residual degrees of freedom", "int"),
    "controls": ("Kontrollvariabler", "Controls", "text"),
    "min_detectable_gap_pct": ("Minsta upptäckbara skillnad", "Minimum detectable gap", "pct"),
    "female_dominated_job": ("Kvinnodominerat arbete", "Female-dominated job", "id"),
    "comparator_job": ("Jämförelsearbete", "Comparator job", "id"),
    "kind": ("Typ", "Kind", "text"),
    "value_fd": ("Arbetsvärde, kvinnodominerat", "Job value, female-dominated", "pts"),
    "value_cmp": ("Arbetsvärde, jämförelse", "Job value, comparator", "pts"),
    "mean_pay_fd": ("Medellön, kvinnodominerat", "Mean pay, female-dominated", "kr"),
    "mean_pay_cmp": ("Medellön, jämförelse", "Mean pay, comparator", "kr"),
    "pay_gap_pct": ("Löneskillnad", "Pay gap", "pct"),
    "band_fd": ("Värdeintervall, kvinnodominerat", "Value band, female-dominated", "int"),
    "band_cmp": ("Värdeintervall, jämförelse", "Value band, comparator", "int"),
    "n_fd": ("Antal, kvinnodominerat", "Headcount, female-dominated", "int"),
    "n_cmp": ("Antal, jämförelse", "Headcount, comparator", "int"),
    "share_women_fd": (
        "Andel kvinnor, kvinnodominerat",
        "Share of women, female-dominated",
        "share",
    ),
    "share_women_cmp": ("Andel kvinnor, jämförelse", "Share of women, comparator", "share"),
    "indicator": ("Indikator", "Indicator", "id"),
    "category": ("Kategori", "Category", "id"),
    "component": ("Lönedel", "Pay component", "text"),
    "pay_level": ("Årslön/timlön", "Annual/hourly", "text"),
    "gender": ("Kön", "Gender", "text"),
    "quartile": ("Kvartil", "Quartile", "int"),
    "value": ("Värde", "Value", "num"),
    "pay_women": ("Lön kvinnor", "Pay, women", "kr2"),
    "pay_men": ("Lön män", "Pay, men", "kr2"),
    "n": ("Antal", "Headcount", "int"),
    "share_women_pct": ("Andel kvinnor", "Share of women", "pct"),
    "share_men_pct": ("Andel män", "Share of men", "pct"),
    "min_hourly": ("Lägsta timlön", "Lowest hourly pay", "kr2"),
    "max_hourly": ("Högsta timlön", "Highest hourly pay", "kr2"),
    "source_row": ("Rad i källfilen", "Source row", "int"),
    "employee_id": ("Anställnings-id", "Employee ID", "id"),
    "column": ("Kolumn", "Column", "text"),
    "reason": ("Orsak", "Reason", "text"),
    "item_kind": ("Typ av post", "Item kind", "text"),
    "item_key": ("Post", "Item", "id"),
    "text": ("Förklaring", "Explanation", "text"),
    "evidence": ("Underlag", "Evidence", "text"),
    "gender_related": ("Könsrelaterad", "Gender-related", "text"),
    "author": ("Upprättad av", "Author", "text"),
    "date": ("Datum", "Date", "date"),
    "source": ("Källa", "Source", "text"),
    "status": ("Status", "Status", "text"),
    "needs_action": ("Kräver åtgärd", "Needs action", "bool"),
    "group": ("Grupp", "Group", "id"),
    "comparator": ("Jämförelse", "Comparator", "id"),
    "gap_pct": ("Löneskillnad", "Pay gap", "pct"),
    "register_row": ("Rad i registret", "Register row", "int"),
    "job_code": ("Arbetskod", "Job code", "id"),
    "points": ("Poäng", "Points", "pts"),
    "band": ("Värdeintervall", "Value band", "int"),
    "share_women": ("Andel kvinnor", "Share of women", "share"),
    "female_dominated": ("Kvinnodominerat", "Female-dominated", "bool"),
    "male_dominated": ("Mansdominerat", "Male-dominated", "bool"),
    "skills": ("Kunskaper och färdigheter", "Skills", "pts"),
    "responsibility": ("Ansvar", "Responsibility", "pts"),
    "effort": ("Ansträngning", "Effort", "pts"),
    "working_conditions": ("Arbetsförhållanden", "Working conditions", "pts"),
    "job_title": ("Befattning", "Job title", "text"),
    "n_evaluators": ("Antal värderare", "Evaluators", "int"),
    "mean_base_salary": ("Medel grundlön", "Mean base salary", "kr"),
    "mean_monthly_pay": ("Medel månadslön", "Mean monthly pay", "kr"),
    "override_reason": ("Skäl till ändring", "Override reason", "text"),
    "pay": ("Lön", "Pay", "kr"),
    "expected_pay": ("Förväntad lön", "Expected pay", "kr"),
    "deviation_pct": ("Avvikelse från förväntad lön", "Deviation from expected pay", "pct"),
    "measure_id": ("Åtgärds-id", "Measure ID", "id"),
    "year": ("År", "Year", "int"),
    "adjustment_monthly": ("Justering per månad", "Monthly adjustment", "kr"),
    "cost_yearly": (
        "Kostnad per år (inkl. lönebikostnader)",
        "Yearly cost (incl. payroll overhead)",
        "kr",
    ),
    "first_found_year": ("Först upptäckt år", "Year first found", "int"),
    "due_year": ("Klar senast år", "Due year", "int"),
    "responsible": ("Ansvarig", "Responsible", "text"),
    "item_keys": ("Poster", "Items", "text"),
    "n_people": ("Antal personer", "People", "int"),
    "fte_total": ("Summa sysselsättningsgrad", "Total FTE", "dec"),
    "pay_before": ("Lön före", "Pay before", "kr"),
    "target_pay": ("Mållön", "Target pay", "kr"),
    "adjustment_total": ("Total justering", "Total adjustment", "kr"),
    "planned": ("Planerad höjning", "Planned raise", "pct"),
    "realised": ("Genomförd höjning", "Realised raise", "pct"),
    "tolerance": ("Tolerans (procentenheter)", "Tolerance (percentage points)", "dec"),
    "planned_kr": ("Planerad höjning i kronor", "Planned raise in kronor", "kr"),
    "realised_kr": ("Genomförd höjning i kronor", "Realised raise in kronor", "kr"),
    "general_raise_pct": ("Allmän löneökning", "General raise", "pct"),
    "cost_planned": ("Planerad kostnad", "Planned cost", "kr"),
    "cost_realised": ("Genomförd kostnad", "Realised cost", "kr"),
    "note": ("Anmärkning", "Note", "text"),
    "raw_mean_gap_pct": ("Rå löneskillnad, medel", "Raw pay gap, mean", "pct"),
    "raw_median_gap_pct": ("Rå löneskillnad, median", "Raw pay gap, median", "pct"),
    "n_equal_work_flagged": (
        "Flaggade i hela organisationen, lika arbete",
        "Flagged organisation-wide, equal work",
        "int",
    ),
    "n_equal_value_flagged": (
        "Flaggade i hela organisationen, likvärdigt arbete",
        "Flagged organisation-wide, equal value",
        "int",
    ),
    "n_measures": ("Antal åtgärder", "Measures", "int"),
    "plan_cost_yearly": ("Handlingsplanens kostnad per år", "Plan cost per year", "kr"),
    "budget": ("Budget", "Budget", "kr"),
    "max_remaining_gap_pct": ("Största kvarvarande skillnad", "Largest remaining gap", "pct"),
    "mean_remaining_gap_pct": ("Genomsnittlig kvarvarande skillnad", "Mean remaining gap", "pct"),
    "area": ("Område", "Area", "text"),
    "item": ("Punkt", "Item", "text"),
    "description": ("Beskrivning", "Description", "text"),
    "gender_neutral": ("Könsneutral", "Gender-neutral", "text"),
    "assessment": ("Bedömning", "Assessment", "text"),
    "action": ("Åtgärd", "Action", "text"),
    "participants": ("Deltagare", "Participants", "text"),
    "organisations": ("Fackliga organisationer", "Union organisations", "text"),
    "topic": ("Ämne", "Topic", "text"),
    "information_given": ("Lämnad information", "Information given", "text"),
    "law": ("Lagrum", "Legal basis", "text"),
    "required": ("Krävs", "Required", "bool"),
    "detail": ("Detaljer", "Detail", "text"),
    "label": ("Benämning", "Label", "text"),
    "mean_gap_pct": ("Genomsnittlig löneskillnad", "Mean pay gap", "pct"),
    "gap_reached": ("Tröskeln nådd", "Threshold reached", "bool"),
    "justified": ("Motiverad", "Justified", "bool"),
    "reporting_date": ("Rapporteringsdatum", "Reporting date", "date"),
    "deadline": ("Tidsfrist", "Deadline", "date"),
    "deadline_passed": ("Tidsfristen passerad", "Deadline passed", "bool"),
    "triggered": ("Gemensam lönebedömning krävs", "Joint pay assessment required", "bool"),
    "key": ("Nyckel", "Key", "text"),
    "pot": ("Lönepott", "Pay pot", "kr"),
    "total_raises": ("Summa höjningar", "Total raises", "kr"),
    "n_employees": ("Antal anställda", "Employees", "int"),
    "new_base_salary": ("Ny grundlön", "New base salary", "kr"),
    "effective_date": ("Gäller från", "Effective date", "date"),
}
# the same name meaning something else in one file
_OVERRIDE: dict[tuple[str, str], tuple[str, str, str]] = {
    ("eu_indicators", "value"): (
        "Värde (skillnad enligt direktivet: positiv = kvinnor lägre; e, f: andel)",
        "Value (gap as the directive defines it: positive = women lower; e, f: share)",
        "pct",
    ),
    ("art10", "mean_gap_pct"): (
        "Genomsnittlig löneskillnad (enligt direktivet: positiv = kvinnor lägre)",
        "Mean pay gap (as the directive defines it: positive = women lower)",
        "pct",
    ),
    ("exclusions", "value"): ("Värde", "Value", "text"),
    ("rules_and_practice", "item"): ("Bestämmelse", "Rule", "text"),
    ("documentation", "item"): ("Kod", "Code", "text"),
    ("explanations", "category"): ("Kategori", "Category", "text"),
    ("org_gap", "ci_low"): ("Konfidensintervall, nedre", "Confidence interval, lower", "coef"),
    ("org_gap", "ci_high"): ("Konfidensintervall, övre", "Confidence interval, upper", "coef"),
}

#: Sheet order and what each holds (Swedish, English); other stems follow in the given order.
SHEETS: dict[str, tuple[str, str]] = {
    "equal_work": (
        "Lika arbete: lön för kvinnor och män per arbetsgrupp, i hela organisationen och i "
        "varje enhet",
        "Equal work: women's and men's pay per work group, organisation-wide and in each unit",
    ),
    "people": (
        "Individer i lika arbete: lön, förväntad lön och avvikelse; en rad per person och lönemått",
        "People in the equal-work analysis: pay, expected pay and deviation; a row per person "
        "and pay measure",
    ),
    "equal_value": (
        "Likvärdigt arbete: kvinnodominerade arbeten mot arbeten av lika eller lägre värde",
        "Equal value: female-dominated jobs against jobs of equal or lower value",
    ),
    "job_evaluation": (
        "Arbetsvärdering: poäng, värdeintervall och könsfördelning per arbete",
        "Job evaluation: points, value band and gender mix per job",
    ),
    "org_gap": (
        "Hela organisationen: rå och justerad löneskillnad; Oaxaca–Blinder i log-enheter",
        "Whole organisation: raw and adjusted gap; Oaxaca–Blinder in log points",
    ),
    "eu_indicators": (
        "EU-direktivet 2023/970 art. 9: indikatorerna a–g",
        "EU Directive 2023/970 art. 9: indicators a–g",
    ),
    "art10": (
        "EU-direktivet art. 10: gemensam lönebedömning per kategori",
        "EU Directive art. 10: joint pay assessment per category",
    ),
    "explanations": (
        "Förklaringar och bedömningar av skillnaderna",
        "Explanations and assessments of the gaps",
    ),
    "action_plan": (
        "Handlingsplan: lönejusteringar, kostnad och tidplan",
        "Action plan: pay adjustments, cost and time plan",
    ),
    "remediation_curve": (
        "Som jämförelse med planen: det billigaste sättet att ta bort skillnaden i grundlön i "
        "de grupper med lika arbete i hela organisationen som behöver åtgärd; kostnad mot "
        "kvarvarande skillnad (inte enheternas grupper, likvärdigt arbete eller personer)",
        "For comparison with the plan: the cheapest way to remove the base-salary gap in the "
        "organisation-wide equal-work groups needing action; cost against the remaining gap "
        "(not the units' groups, equal value or people)",
    ),
    "follow_up": ("Uppföljning av förra årets handlingsplan", "Follow-up of last year's plan"),
    "year_over_year": ("Utvecklingen år för år", "Year over year"),
    "rules_and_practice": (
        "Bestämmelser och praxis om lön och andra villkor",
        "Rules and practice on pay and other conditions",
    ),
    "samverkan": ("Samverkan med arbetstagarorganisationerna", "Cooperation with the unions"),
    "documentation": (
        "Dokumentationskrav (diskrimineringslagen 3 kap.)",
        "Documentation checklist (Discrimination Act ch. 3)",
    ),
    "exclusions": ("Rader som inte kom med i analysen, och varför", "Rows left out, and why"),
}

# --- the reports' words ----------------------------------------------------------------------

# Category words of the reports: kind | code | Swedish | English. Kinds: pay measures (pay, and
# pay_short for running text), an explanation's status and category, a rule's area, follow-up and
# checklist statuses, regression controls (other columns keep their names), canonical pay-data
# columns, and the registers people fill in (by their setting).
_WORDS = """
pay_short | base_salary | grundlön | base salary
pay_short | monthly_pay | månadslön | monthly pay
status | explained | Förklarad, ej könsrelaterad | Explained, not gender-related
status | gender_related | Samband med kön | Related to gender
status | unclear | Oklart | Unclear
status | unexplained | Saknar förklaring | Unexplained
status | not_flagged | Ej flaggad | Not flagged
status | no_item | Ingen post | No item
area | collective_agreement | Kollektivavtal | Collective agreement
area | pay_policy | Lönepolicy | Pay policy
area | salary_criteria | Lönekriterier | Pay criteria
area | supplements | Tillägg | Supplements
area | benefits | Förmåner | Benefits
area | other | Övrigt | Other
follow | done | Genomförd | Done
follow | partly | Delvis | Partly
follow | not_done | Inte genomförd | Not done
follow | left | Slutat | Left
check | present | Finns | Present
check | incomplete | Ofullständig | Incomplete
check | missing | Saknas | Missing
check | external | Dokumenteras separat | Documented elsewhere
check | not_required | Krävs inte | Not required
control | tenure_years | anställningstid | tenure
control | age | ålder | age
control | work_group | yrke (arbetsgrupp) | job (work group)
control | job_code | yrke | job
control | fte | sysselsättningsgrad | employment rate
control | is_manager | chefsuppdrag | managerial role
control | employment_form | anställningsform | form of employment
control | education | utbildning | education
control | unit | enhet | unit
column | employee_id | anställnings-id | employee id
column | gender | kön | gender
column | unit | enhet | unit
column | unit_path | förvaltning och enhet | department and unit
column | job_code | yrke (arbetskod) | job (job code)
column | job_title | befattning | job title
column | work_group | arbetsgrupp | work group
column | fte | sysselsättningsgrad | employment rate
column | base_salary | grundlön vid heltid | full-time base salary
column | supplements | fasta tillägg | fixed supplements
column | variable_pay | rörlig lön | variable pay
column | birth_year | födelseår | birth year
column | age | ålder | age
column | hire_date | anställningsdatum | hire date
column | tenure_years | anställningstid | tenure
column | weekly_hours | veckoarbetstid | weekly hours
column | employment_form | anställningsform | form of employment
column | education | utbildning | education
column | is_manager | chefsmarkering | manager flag
column | manager_id | chefens anställnings-id | manager's employee id
column | leave_days | ledighetsdagar | days of leave
register | actions.explanations | förklaringsregistret | the explanations register
register | actions.samverkan | samverkansregistret | the cooperation log
register | actions.rules_and_practice | registret över bestämmelser och praxis | the rules-and-practice register
register | data.path | lönefilen | the pay file
register | job_evaluation.path | arbetsvärderingsfilen | the job-evaluation file
"""
#: kind → {code: (Swedish, English)}.
WORDS: dict[str, dict[str, tuple[str, str]]] = {}
for _kind, _code, _sv, _en in _rows(_WORDS):
    WORDS.setdefault(_kind, {})[_code] = (_sv, _en)

# Every setting of survey.toml (DESIGN §4), in the order of the methods annex: key | kind | what
# it means in Swedish | in English. Kinds say how a value is shown: text, share (a 0–1 fraction,
# shown as %), pct (0–100), kr, points, bool, int, year, date, path, choice (words from
# CHOICES), controls, columns and values (a row per entry), list.
_SETTINGS = """
survey.organisation | text | Organisation | Organisation
survey.year | year | Kartläggningsår | Survey year
survey.reference_date | date | Referensdatum för lönerna | Reference date of the pay
survey.language | choice | Rapporternas språk | Language of the reports
survey.jurisdiction | choice | Rättslig ram för texterna | Legal framework of the texts
data.path | path | Lönefil | Pay file
data.columns | columns | Kolumn i lönefilen för | Pay-file column for
data.values | values | Omkodning av värden i kolumnen för | Value mapping of the column for
data.sheet | text | Kalkylblad i lönefilen | Sheet of the pay file
data.encoding | text | Teckenkodning | Character encoding
data.delimiter | choice | Fältavgränsare | Field delimiter
data.decimal | text | Decimaltecken | Decimal mark
data.date_format | text | Datumformat | Date format
data.fte_unit | choice | Sysselsättningsgrad anges som | Employment rate given as
data.pay_period | choice | Lönen i lönefilen anges per | Pay in the pay file is given per
data.months_per_year | int | Lönemånader per år | Pay months a year
data.weekly_hours | int | Veckoarbetstid vid heltid | Full-time weekly hours
data.fte_from | list | Sysselsättningsgrad härledd ur | Employment rate derived from
data.include | list | Rader som tas med | Rows kept
data.exclude | list | Rader som utesluts | Rows left out
data.currency | text | Valuta | Currency
job_evaluation.path | path | Arbetsvärderingsfil | Job-evaluation file
job_evaluation.model | choice | Värderingsmodell | Evaluation model
job_evaluation.band_width | points | Bandbredd i arbetsvärderingen | Band width of the job evaluation
job_evaluation.tolerance | points | Avstånd för granskning vid bandgränser | Distance for the band-edge review
job_evaluation.weight_floor | share | Minsta vikt för varje huvudfaktor | Least weight of each main factor
analysis.female_dominated_share | share | Andel kvinnor som gör ett yrke kvinnodominerat | Share of women that makes a job female-dominated
analysis.female_dominated_inclusive | bool | Exakt på gränsen räknas som kvinnodominerat | Exactly at the limit counts as female-dominated
analysis.male_dominated_share | share | Högsta andel kvinnor i ett mansdominerat yrke | Highest share of women in a male-dominated job
analysis.controls | controls | Kontroller som hålls lika i regressionerna | Controls held equal in the regressions
analysis.log | bool | Regression på logaritmerad lön | Regression on log pay
analysis.min_per_gender | int | Minsta antal av varje kön för regression | Least number of each gender for a regression
analysis.fdr | share | Nivå för justering för många test (Benjamini–Hochberg) | Level of the many-tests adjustment (Benjamini–Hochberg)
analysis.gap_threshold | share | Gräns för flaggning utan regression och i likvärdigt arbete | Flag limit without a regression and for equal value
analysis.person_threshold | share | Gräns för flaggning av enskild person | Flag limit for a single person
analysis.cov_type | choice | Standardfel i regressionerna | Standard errors of the regressions
analysis.bootstrap_reps | int | Antal bootstrapdragningar (Oaxaca–Blinder) | Bootstrap replications (Oaxaca–Blinder)
analysis.seed | int | Slumpfrö | Random seed
analysis.categories | choice | Kategorier av arbetstagare (EU-direktivet) | Categories of workers (EU directive)
analysis.quartile_ties | choice | Regel för lika löner vid kvartilgränser | Rule for equal pay at quartile edges
analysis.eu_directive | bool | Avsnitt och banderoll om EU-direktivet | EU directive section and banner
analysis.reporting_date | date | Rapporteringsdatum enligt EU-direktivet | Reporting date under the EU directive
actions.explanations | path | Förklaringsregister | Explanations register
actions.samverkan | path | Samverkansregister | Cooperation log
actions.rules_and_practice | path | Register över bestämmelser och praxis | Rules-and-practice register
actions.overhead | share | Lönebikostnader | Payroll overhead
actions.yearly_budget | kr | Budget per år för handlingsplanen | Yearly budget of the action plan
actions.target | choice | Målnivå för lika arbete | Target level for equal work
actions.headcount | int | Antal anställda vid årets början | Employees at the start of the year
actions.first_date | date | Datum för handlingsplanens första steg | Date of the action plan's first step
actions.responsible | text | Ansvarig när ingen chef är känd | Responsible when no manager is known
review.criteria | path | Lönekriterier | Pay criteria
review.ratings | path | Bedömningar mot lönekriterierna | Ratings against the criteria
review.proposals | path | Chefernas lönförslag | Managers' proposals
review.pot_pct | pct | Lönepott i procent av lönesumman | Pay pot as a percentage of payroll
review.pot_per_head | kr | Lönepott per anställd | Pay pot per head
review.pot_unit | choice | Lönepotten fördelas per | Pay pot shared out per
review.guarantee | kr | Garanterad höjning | Guaranteed raise
review.cap | kr | Högsta höjning | Largest raise
review.matrix | choice | Lönematris | Merit matrix
review.action_plan_share | share | Andel av potten till handlingsplanen | Share of the pot for the action plan
review.effective_date | date | Nya löner gäller från | New pay effective from
privacy.min_cell | int | Minsta antal av varje kön i en redovisad cell | Least number of each gender in a shown cell
privacy.key_file | path | Nyckelfil för pseudonymer | Pseudonym key file
letters.contact | text | Kontakt för frågor om löneinformation | Contact for questions about pay information
report.audience | choice | Mottagare | Audience
report.status | choice | Rapportens status | Status of the report
output.dir | path | Mapp för resultatet | Output folder
archive.dir | path | Arkivmapp | Archive folder
"""
#: key → (what it means in Swedish, in English, how its value is shown).
SETTINGS: dict[str, tuple[str, str, str]] = {
    key: (sv, en, kind) for key, kind, sv, en in _rows(_SETTINGS)
}

# Values of choice settings in words: key | value | Swedish | English.
_CHOICES = """
survey.language | sv | svenska | Swedish
survey.language | en | engelska | English
survey.jurisdiction | se | Sverige (diskrimineringslagen) | Sweden (Discrimination Act)
survey.jurisdiction | eu | EU-direktivet | the EU directive
survey.jurisdiction | none | ingen (endast statistik) | none (statistics only)
data.delimiter | \\t | tabb | tab
data.fte_unit | percent | procent | percent
data.fte_unit | fraction | andel | fraction
data.pay_period | monthly | månad | month
data.pay_period | annual | år | year
data.pay_period | hourly | timme | hour
data.pay_period | weekly | vecka | week
data.pay_period | biweekly | två veckor | two weeks
job_evaluation.model | default | standardmodellen (EIGE 2026) | the default model (EIGE 2026)
job_evaluation.model | eige_2026_default | standardmodellen (EIGE 2026) | the default model (EIGE 2026)
job_evaluation.model | equal_weights | lika vikter | equal weights
analysis.cov_type | nonrobust | vanliga | classical
analysis.categories | band | värdeband | value bands
analysis.quartile_ties | uk_reg13 | som brittiska regel 13 | as UK regulation 13
actions.target | expected | förväntad lön som det andra könet | expected pay as the other gender
actions.target | median | det andra könets median | the other gender's median
actions.target | mean | det andra könets medelvärde | the other gender's mean
review.pot_unit | unit | enhet | unit
review.matrix | default | standardmatrisen | the default matrix
report.audience | hr | HR | HR
report.audience | union | fackliga företrädare | union representatives
report.audience | manager | chefer | managers
report.audience | public | allmänheten | the public
report.status | draft | utkast | draft
report.status | final | slutlig | final
"""
#: key → {value: (Swedish, English)}.
CHOICES: dict[str, dict[str, tuple[str, str]]] = {}
for _key, _v, _sv, _en in _rows(_CHOICES):
    CHOICES.setdefault(_key, {})[_v.replace("\\t", "\t")] = (_sv, _en)


# National figures (law-and-method.md §6; F-G2): year | value | second value | decimals | what
# (Swedish) | (English) | source. Medlingsinstitutet's gaps are how much less women earn than men.
_NATIONAL = """
2024 | 90 | 95 | 0 | Kvinnors lön i % av mäns, ojusterat / standardvägt | Women's pay as % of men's, unadjusted / standardised | SCB lönestrukturstatistik, via bulletin.nu
2023 | 10.0 | 4.8 | 1 | Så mycket lägre lön kvinnor har än män, hela ekonomin: totalt / oförklarad del | How much less women earn than men, whole economy: total / unexplained part | Medlingsinstitutet, Löneskillnaden mellan kvinnor och män 2023
2023 | 1.4 | – | 1 | Så mycket lägre lön kvinnor har än män, kommuner: oförklarad del | How much less women earn than men, municipalities: unexplained part | Medlingsinstitutet 2023
2022 | 9.9 | 4.7 | 1 | Så mycket lägre lön kvinnor har än män, hela ekonomin: totalt / oförklarad del | How much less women earn than men, whole economy: total / unexplained part | Medlingsinstitutet
2021 | 98 | 99 | 0 | Kommuner: kvinnors lön i % av mäns, ojusterat / standardvägt | Municipalities: women's pay as % of men's, unadjusted / standardised | SCB, Kvinnors lön som andel av mäns lön efter sektor 2003–2021
"""
#: (year, (what in Swedish, in English), (value, second value or None, decimals), source).
NATIONAL = [
    (year, (sv, en), (float(a), None if b == "–" else float(b), int(d)), src)
    for year, a, b, d, sv, en, src in _rows(_NATIONAL)
]

# A flagged bias check of the job evaluation: check | Swedish | English, with {job} (the job's
# label), {subject}, {value}, {value1}, {value2} (0, 1, 2 decimals), {thr}, {thr1}, {pct}.
_BIAS = """
evaluators | {job} har värderats av {value} värderare; använd minst {thr}. | {job} was evaluated by {value} evaluator(s); use at least {thr}.
evaluator_spread | Värderarnas poäng för {job} skiljer {value1} poäng och hamnar i olika band: enas om nivåerna. | The evaluators' points for {job} differ by {value1} and fall in different bands: agree on the levels.
weighting_test | Viktningstestet (ILO): kvoten {value2} är under {thr1}; faktorer där kvinnodominerade yrken får höga poäng väger lätt. | The weighting test (ILO): the ratio {value2} is below {thr1}; factors where female-dominated jobs score high weigh little.
factor_weight | Faktorn {subject} har {pct} av poängen, utanför det rimliga. | The factor {subject} has {pct} of the points, outside what is reasonable.
subfactor_weight | Delfaktorn {subject} har vikten {pct}. | The sub-factor {subject} has the weight {pct}.
dead_subfactor | Delfaktorn {subject} har samma nivå för alla yrken och skiljer inte arbeten åt. | The sub-factor {subject} has the same level for every job and separates none.
band_scale | Bandbredden passar inte poängskalan ({value} band). | The band width does not fit the points scale ({value} bands).
"""
#: check → (Swedish template, English template).
BIAS = {check: (sv, en) for check, sv, en in _rows(_BIAS)}

# The terms of the methods annex: term | definition, Swedish lines first, then "en:" English; with
# {held} (what the regressions held equal), {share} ("Minst 60 %"), {min}, {fdr}, {thr}, {target}.
_DEFINITIONS = """
Heltidslön | Grundlön och fasta tillägg per månad omräknade till heltid.
Skillnad mellan kvinnor och män | 100 × (kvinnornas lön − männens lön) / männens lön: negativ när kvinnor har lägre lön. Varje skillnad sägs också i ord. EU-avsnittet följer direktivets definition, 100 × (män − kvinnor) / män, med motsatt tecken.
Kvinnors lön i % av mäns | 100 × kvinnornas medellön / männens medellön.
Justerad skillnad | 100 × (exp(b) − 1), där b är koefficienten för kvinna i en regression på logaritmerad lön {held}.
95 % konfidensintervall (KI) | Intervallet av skillnader som stämmer med data på 95 % nivå; det är inte justerat för många test.
Jämförelse | En grupp med både kvinnor och män (lika arbete) eller ett par av yrken (likvärdigt arbete). Den prövas på grundlön och på månadslön men räknas en gång, även när den flaggas för båda.
Grund för flaggan (lika arbete) | Justerad (regression): där båda könen har minst {min} personer flaggas gruppen när den justerade skillnaden är signifikant efter Benjamini–Hochberg ({fdr}) inom enhet och lönebegrepp. Rå skillnad: i mindre grupper flaggas gruppen när kvinnornas medellön avviker mer än {thr} från männens.
Kvinnodominerat | {share} kvinnor i yrket i hela organisationen, eller markerat i arbetsvärderingen med skäl.
Flaggad (likvärdigt arbete) | Det kvinnodominerade yrkets medellön är mer än {thr} under jämförelseyrkets, i samma värdeband (likvärdigt arbete) eller i ett lägre (lägre värderat arbete med högre lön).
Målnivå (handlingsplan) | Lika arbete: {target}. Likvärdigt arbete: jämförelseyrkets medellön när det inte har högre värde; annars den lön yrken utan kvinnodominans har vid det kvinnodominerade yrkets eget värde (lönelinjen), aldrig över jämförelseyrkets medellön.
Kostnad per år | Höjning per månad × sysselsättningsgrad × 12 × (1 + lönebikostnader).
en: Full-time pay | Monthly base salary and fixed supplements at full time.
en: Gap between women and men | 100 × (women's pay − men's pay) / men's pay: negative when women earn less. Each gap is also said in words. The EU section follows the directive's definition, 100 × (men − women) / men, with the opposite sign.
en: Women's pay as % of men's | 100 × women's mean / men's mean.
en: Adjusted gap | 100 × (exp(b) − 1), b the coefficient of female in a regression of log pay {held}.
en: 95% confidence interval (CI) | The range of gaps consistent with the data at the 95% level; it is not adjusted for many tests.
en: Comparison | A group with both women and men (equal work) or a pair of jobs (equal value). It is tested on base salary and on monthly pay but counted once, even when flagged for both.
en: Basis of the flag (equal work) | Adjusted (regression): where both genders have at least {min} people, the group is flagged when the adjusted gap is significant after Benjamini–Hochberg ({fdr}) within unit and pay measure. Raw gap: smaller groups are flagged when women's mean pay differs from men's by more than {thr}.
en: Female-dominated | {share} women in the job across the organisation, or marked in the job evaluation with a reason.
en: Flagged (equal value) | The female-dominated job's mean pay is more than {thr} below the comparator's, in the same value band (equal value) or a lower one (lower-valued work paid more).
en: Target level (action plan) | Equal work: {target}. Equal value: the comparator job's mean pay when its value is no higher; otherwise the pay jobs without a female majority have at the female-dominated job's own value (the pay line), never above the comparator's mean.
en: Cost a year | Raise a month × fte × 12 × (1 + payroll overhead).
"""
#: language → [(term, definition template)].
DEFINITIONS: dict[str, list[tuple[str, str]]] = {"sv": [], "en": []}
for _term, _text in _rows(_DEFINITIONS):
    _lang = "en" if _term.startswith("en:") else "sv"
    DEFINITIONS[_lang].append((_term.removeprefix("en:").strip(), _text))

# Swedish institutions and agreements an English reader meets in the registers' own words:
# word as written | its gloss, said once where an English report first uses it.
_GLOSSES = """
HÖK | HÖK and AB: the central collective agreements for municipalities
OB-tillägg | OB-tillägg: the unsocial-hours supplement
Medlingsinstitutet | Medlingsinstitutet: the Swedish National Mediation Office
SCB | SCB: Statistics Sweden
samverkan | Samverkan: consultation with the unions (DL ch. 3 s. 11–12)
"""
#: word → its gloss in English.
GLOSSES = dict((w, g) for w, g in _rows(_GLOSSES))

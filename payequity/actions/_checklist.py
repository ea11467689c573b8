"""The documentation checklist against DL 3:13 (≥ 25 employees) or 3:14 (10–24) (F-B9).

The status rules are those of :mod:`payequity.actions._documentation` (its docstring); details are
written in English (``detail``, the data file) and Swedish (``detail_sv``, the report).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from .._format import fmt_kr
from .._summary import Summary
from ..exceptions import ConfigError
from ._documentation import CHECKLIST_COLUMNS, TIERS, documentation_tier

__all__ = ["DocumentationResult", "Evidence", "documentation_checklist"]


@dataclass(frozen=True)
class Evidence:
    """What the run knows about each documentation item (see the module docstring)."""

    equal_work_done: bool = False
    equal_value_done: bool = False
    equal_value_reason: str = ""  # why not, e.g. "no job evaluation"
    n_flagged: int = 0  # flagged items (equal work, equal value, persons)
    n_flagged_unassessed: int = 0  # of which without a human explanation
    n_needing_action: int = 0  # flagged items whose explanation leaves them to the plan
    n_measures: int = 0
    plan_cost_yearly: float | None = None  # Σ cost_yearly of the plan; None = not computed
    max_due_ok: bool = True  # every measure due ≤ 3 years after it was found
    follow_up: Mapping[str, int] | None = None  # counts by status; None = no previous plan
    previous_year_archived: bool = False
    rules_rows: int = 0
    rules_unassessed: int = 0
    samverkan_rows: int = 0
    samverkan_incomplete: int = 0  # rows without date or participants
    eu_directive: bool = False
    art10_triggered: tuple[str, ...] | None = None  # categories; None = not evaluated
    currency: str = "SEK"  # of the cost estimate's amount


_ITEMS = [  # id, law, tiers requiring it, Swedish label, English label
    (
        "risks_obstacles",
        "3:13 p. 1",
        ("3:13",),
        "Risker och hinder (övriga områden)",
        "Risks and obstacles (other areas)",
    ),
    (
        "other_measures",
        "3:13 p. 2; 3:5–7",
        ("3:13",),
        "Åtgärder i övriga områden",
        "Measures in the other areas",
    ),
    (
        "results",
        "3:13 p. 3; 3:8–9",
        TIERS[1:],
        "Resultat av kartläggning och analys",
        "Results of the survey and analysis",
    ),
    (
        "rules_and_practice",
        "3:8 p. 1",
        TIERS[1:],
        "Bestämmelser och praxis om löner",
        "Rules and practice on pay",
    ),
    (
        "adjustments",
        "3:13 p. 4; 3:10",
        TIERS[1:],
        "Lönejusteringar och andra åtgärder",
        "Pay adjustments and other measures",
    ),
    ("cost", "3:13 p. 5", TIERS[1:], "Kostnadsberäkning", "Cost estimate"),
    (
        "time_plan",
        "3:13 p. 5; 3:10",
        TIERS[1:],
        "Tidsplan (högst tre år)",
        "Time plan (at most three years)",
    ),
    (
        "follow_up",
        "3:13 p. 6",
        TIERS[1:],
        "Uppföljning av föregående års åtgärder",
        "Follow-up of last year's measures",
    ),
    ("cooperation", "3:13 st. 2; 3:11–12", TIERS[1:], "Samverkan", "Cooperation"),
    (
        "joint_pay_assessment",
        "EU 2023/970 art. 10",
        (),
        "Gemensam lönebedömning (art. 10)",
        "Joint pay assessment (Art. 10)",
    ),
]


_STATUS_SV = {
    "present": "finns",
    "incomplete": "ofullständig",
    "missing": "saknas",
    "external": "dokumenteras utanför",
    "not_required": "krävs inte",
}


def _assess(item: str, e: Evidence, language: str = "en") -> tuple[str, str]:
    """(status, detail) of one item as if it were required; the detail in ``language``."""

    def tr(sv: str, en: str) -> str:
        return sv if language == "sv" else en

    need = max(e.n_needing_action, e.n_flagged_unassessed)
    unexplained = tr(
        f"{e.n_flagged_unassessed} av {e.n_flagged} flaggade saknar förklaring",
        f"{e.n_flagged_unassessed} of {e.n_flagged} flagged have no explanation",
    )
    if item in ("risks_obstacles", "other_measures"):
        return "external", tr(
            "del av dokumentationen av aktiva åtgärder utanför lönekartläggningen",
            "part of the active-measures documentation outside the pay survey",
        )
    if item == "results":
        if not e.equal_work_done:
            return "missing", tr("lika arbete inte analyserat", "equal work not analysed")
        if not e.equal_value_done:
            reason = e.equal_value_reason or tr("ingen orsak angiven", "no reason")
            return "incomplete", tr(
                f"likvärdigt arbete inte analyserat: {reason}",
                f"equal value not analysed: {reason}",
            )
        if e.n_flagged_unassessed:
            return "incomplete", unexplained
        return "present", tr(
            f"lika och likvärdigt arbete analyserat; {e.n_flagged} flaggade, förklarade",
            f"equal work and equal value analysed; {e.n_flagged} flagged, explained",
        )
    if item == "rules_and_practice":
        if not e.rules_rows:
            return "missing", tr(
                "registret över bestämmelser och praxis är tomt: utgå från mallen",
                "the register of rules and practice is empty: start from the template",
            )
        if e.rules_unassessed:
            return "incomplete", tr(
                f"{e.rules_unassessed} av {e.rules_rows} regler inte bedömda",
                f"{e.rules_unassessed} of {e.rules_rows} rules not assessed",
            )
        return "present", tr(f"{e.rules_rows} regler bedömda", f"{e.rules_rows} rules assessed")
    if item in ("adjustments", "cost", "time_plan"):
        if not e.equal_work_done:
            return "missing", tr("inga resultat att utgå från", "no survey results to base it on")
        if need and not e.n_measures:
            return "missing", tr(
                f"{need} flaggade behöver åtgärd men planen saknar åtgärder",
                f"{need} flagged items need action but the plan has no measure",
            )
        if not e.n_measures:
            why = (
                tr("inget flaggat", "nothing flagged")
                if not e.n_flagged
                else tr("inget flaggat behöver åtgärd", "no flagged item needs action")
            )
            return "present", tr(f"inga åtgärder behövs ({why})", f"no measures needed ({why})")
        if item == "adjustments":
            if e.n_flagged_unassessed:
                return "incomplete", unexplained + tr(
                    "; planen tar med dem tills vidare", "; the plan covers them provisionally"
                )
            return "present", tr(f"{e.n_measures} åtgärder", f"{e.n_measures} measures")
        if item == "cost":
            if e.plan_cost_yearly is None:
                return "missing", tr(
                    f"{e.n_measures} åtgärder utan kostnadsberäkning",
                    f"{e.n_measures} measures without a cost estimate",
                )
            kr = fmt_kr(e.plan_cost_yearly, language=language, currency=e.currency)
            return "present", tr(f"{kr} per år", f"{kr} a year")
        if not e.max_due_ok:
            return "incomplete", tr(
                "en åtgärd ska vara klar mer än tre år efter att den hittades",
                "a measure is due more than three years after it was found",
            )
        return "present", tr(
            "alla åtgärder klara inom tre år", "every measure due within three years"
        )
    if item == "follow_up":
        if e.follow_up is None:
            where = (
                tr(
                    "förra årets arkiv saknar handlingsplan",
                    "last year's archive holds no action plan",
                )
                if e.previous_year_archived
                else tr("inget arkiv från förra året", "no archive of last year")
            )
            return "missing", where + tr(
                ": bifoga förra årets uppföljning, eller ange att förra årets "
                "kartläggning inte krävde åtgärder",
                ": attach last year's follow-up by hand, or state that "
                "last year's survey needed no measures",
            )
        counts = {k: int(v) for k, v in e.follow_up.items() if v}
        if not counts:
            return "present", tr(
                "förra årets plan hade inga åtgärder", "last year's plan had no measures"
            )
        names = {
            "done": tr("genomförda", "done"),
            "partly": tr("delvis", "partly"),
            "not_done": tr("inte genomförda", "not_done"),
            "left": tr("slutat", "left"),
        }
        text = tr("uppföljd: ", "followed up: ") + ", ".join(
            f"{names.get(k, k)} {v}" for k, v in counts.items()
        )
        if counts.get("partly") or counts.get("not_done"):
            text += tr(
                "; det som inte genomförts hör till årets plan",
                "; what was not done belongs in this year's plan",
            )
        return "present", text
    if item == "cooperation":
        if not e.samverkan_rows:
            return "missing", tr(
                "samverkansregistret är tomt: för in datum, deltagare, ämne, information",
                "the samverkan log is empty: log date, participants, topic, information",
            )
        if e.samverkan_incomplete:
            return "incomplete", tr(
                f"{e.samverkan_incomplete} av {e.samverkan_rows} rader saknar datum eller deltagare",
                f"{e.samverkan_incomplete} of {e.samverkan_rows} entries lack a date or participants",
            )
        return "present", tr(
            f"{e.samverkan_rows} rader i samverkansregistret",
            f"{e.samverkan_rows} entries in the samverkan log",
        )
    # joint_pay_assessment
    if e.art10_triggered is None:
        return "incomplete", tr(
            "art. 10 inte prövad (inga kategorier av arbetstagare eller inget "
            "rapporteringsdatum enligt EU-direktivet angivet)",
            "Art. 10 trigger not evaluated (no categories of workers or no "
            "reporting date under the EU directive set)",
        )
    if e.art10_triggered:
        cats = ", ".join(e.art10_triggered)
        return "external", tr(
            f"gemensam lönebedömning med arbetstagarnas företrädare behövs för kategorierna {cats}",
            f"joint pay assessment with the workers' representatives needed for categories {cats}",
        )
    return "present", tr(
        "ingen kategori kräver gemensam lönebedömning",
        "no category triggers a joint pay assessment",
    )


@dataclass(frozen=True, repr=False)
class DocumentationResult:
    """The checklist against DL 3:13 or 3:14; ``table`` columns :data:`CHECKLIST_COLUMNS`."""

    tier: str
    table: pd.DataFrame
    evidence: Evidence = field(default_factory=Evidence)

    def _items(self, *statuses: str) -> list[str]:
        t = self.table
        return t.loc[t["required"] & t["status"].isin(statuses), "item"].tolist()

    @property
    def missing(self) -> list[str]:
        """Required items that are missing or incomplete."""
        return self._items("missing", "incomplete")

    @property
    def complete(self) -> bool:
        """No required item is missing or incomplete (external items are documented elsewhere)."""
        return not self.missing

    def summary(self, language: str = "en") -> Summary:
        sv = language == "sv"
        tier = {
            "none": "inget krav (< 10)" if sv else "none required (< 10)",
            "3:14": "3:14 (10–24)",
            "3:13": "3:13 (≥ 25)",
        }[self.tier]
        label = "label_sv" if sv else "label_en"
        facts = [
            ("dokumentationskrav" if sv else "documentation duty", tier),
            (
                "komplett" if sv else "complete",
                ("ja" if sv else "yes") if self.complete else ("nej" if sv else "no"),
            ),
            ("saknas" if sv else "missing", ", ".join(self.missing) or "–"),
        ]
        shown = self.table[[label, "law", "status", "detail"]]
        title = "Dokumentation (DL 3:13–14)" if sv else "Documentation checklist (DL 3:13–14)"
        return Summary(title, facts, [("", shown)])

    def _repr_html_(self) -> str:
        return self.summary()._repr_html_()

    def __repr__(self) -> str:
        return f"<DocumentationResult tier {self.tier}: missing {self.missing or 'nothing'}>"


def documentation_checklist(tier: str | int, evidence: Evidence) -> DocumentationResult:
    """The documentation item by item against DL 3:13 (≥ 25) or 3:14 (10–24) (F-B9).

    ``tier`` is "none", "3:14", "3:13" or a head count. Status rules: the module docstring.

    Examples
    --------
    >>> ev = Evidence(equal_work_done=True, equal_value_done=True, rules_rows=16,
    ...               samverkan_rows=3, follow_up={})
    >>> r = documentation_checklist(24, ev)
    >>> r.complete, r.table.loc[r.table["required"], "item"].tolist()[:2]
    (True, ['results', 'rules_and_practice'])
    >>> documentation_checklist("3:13", ev).table.set_index("item").loc["risks_obstacles", "status"]
    'external'
    """
    if not isinstance(tier, str):
        tier = documentation_tier(tier)
    if tier not in TIERS:
        raise ConfigError(f"tier must be one of {', '.join(TIERS)} or a head count, got {tier!r}")
    rows = []
    for item, law, tiers, label_sv, label_en in _ITEMS:
        required = tier in tiers or (
            item == "joint_pay_assessment" and evidence.eu_directive and tier != "none"
        )
        status, detail = _assess(item, evidence)
        detail_sv = _assess(item, evidence, "sv")[1]
        if not required and item == "joint_pay_assessment" and not evidence.eu_directive:
            status = "not_required"
            detail = (
                "the EU directive's joint pay assessment is not applied in this year's survey; "
                "the indicators are reported for information"
            )
            detail_sv = (
                "EU-direktivets gemensamma lönebedömning tillämpas inte i årets kartläggning; "
                "indikatorerna redovisas som information"
            )
        elif not required:
            why = "fewer than 10 employees" if tier == "none" else "3:14: the pay survey only"
            why_sv = "färre än 10 anställda" if tier == "none" else "3:14: bara lönekartläggningen"
            detail_sv = f"krävs inte ({why_sv}); vore {_STATUS_SV[status]}: {detail_sv}"
            status, detail = "not_required", f"not required ({why}); would be {status}: {detail}"
        rows.append((item, law, required, status, detail, label_sv, label_en, detail_sv))
    return DocumentationResult(tier, pd.DataFrame(rows, columns=CHECKLIST_COLUMNS), evidence)

"""The report writer's toolkit (:class:`Writer`: words, numbers, blocks, the run's tables in
scope) and the sections every report ends with: national figures, methods, signatures."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from pathlib import PurePath
from typing import Any

import pandas as pd

from .._format import fmt_kr, fmt_number, fmt_pct
from ..privacy import sees_people
from ._annex import method_section, signatures_section
from ._figures import job_labels
from ._layout import known_names, table_block
from ._vocabulary import NATIONAL, SETTINGS, WORDS

__all__ = ["Writer", "method_section", "national_section", "signatures_section"]


class Writer:
    """Words and numbers in the report's language, and the run's tables limited to the scope
    (the organisation, or one unit)."""

    def __init__(self, run: Any, unit: str | None, figures: set[str]):
        self.run, self.unit, self.figures = run, unit, figures
        self.language = str(run.config.survey.language)
        self.sv = self.language == "sv"
        self.results = run.results
        self.scope = unit or ""
        f = run.data.frame
        self.frame = f if unit is None else f[f[run.data.unit_column].astype(str) == unit]
        self.hr_or_union = sees_people(run.manifest["audience"])
        # manager and public: aggregates only, small cells suppressed (DESIGN §5)
        self.aggregate = not self.hr_or_union
        self.min_cell = int(run.config.privacy.min_cell)
        self.labels = job_labels(run)
        self.names = known_names(self)  # job and unit names: never hyphenated in tables

    # suppression (manager and public editions) ----------------------------------------------
    def suppressed(
        self,
        table: str,
        rows: pd.DataFrame | None = None,
        columns: Iterable[str] | None = None,
    ) -> int:
        """Cells of a data file written empty for this edition: in ``rows`` (rows of
        ``run.tables[table]``, their index kept), else in the report's scope (a unit's report:
        its rows; the overview: every row); only in ``columns`` when given (those a table
        shows). 0 in the hr and union editions."""
        cells = getattr(self.run, "suppressed", None)
        if not self.aggregate or cells is None or not len(cells):
            return 0
        c = cells[cells["table"] == table]
        if columns is not None:
            c = c[c["column"].isin(list(columns))]
        t = self.run.tables.get(table)
        if rows is None and self.unit is not None and t is not None and "unit" in t.columns:
            rows = t[t["unit"].fillna("").astype(str) == self.unit]
        if rows is not None and t is not None:
            where = set(t.index.get_indexer(rows.index).tolist()) - {-1}
            c = c[c["row"].astype(int).isin(where)]
        return len(c)

    def suppressed_note(self, n: int) -> str:
        """The sentence under a table with ``n`` suppressed cells ("" when none)."""
        if n <= 0:
            return ""
        k = self.min_cell
        return self.tr(
            f"{self.num(n)} {'värde visas' if n == 1 else 'värden visas'} inte (–): de bygger på "
            f"färre än {k} kvinnor eller {k} män, eller skulle gå att räkna fram ur andra "
            "siffror i rapporten.",
            f"{self.num(n)} {'value is' if n == 1 else 'values are'} not shown (–): they rest on "
            f"fewer than {k} women or {k} men, or could be worked out from other figures in the "
            "report.",
        )

    # words and numbers ----------------------------------------------------------------------
    def tr(self, sv: str, en: str) -> str:
        return sv if self.sv else en

    def num(self, x: Any, decimals: int = 0) -> str:
        return fmt_number(_float(x), decimals, self.language)

    def pct(self, x: Any, decimals: int = 1) -> str:
        return fmt_pct(_float(x), decimals, self.language)

    def kr(self, x: Any) -> str:
        return fmt_kr(_float(x), 0, self.language, str(self.run.config.data.currency))

    def p(self, x: Any) -> str:
        v = _float(x)
        if math.isnan(v):
            return "–"
        return ("< 0,001" if self.sv else "< 0.001") if v < 0.001 else self.num(v, 3)

    def gap_words(self, gap_pct: Any, decimals: int = 1) -> str:
        """A gap ``100·(women − men)/men`` said in words, so no reader needs a sign convention:
        "kvinnor har 3,8 % lägre lön än män" / "women earn 3.8 % less than men"."""
        v = _float(gap_pct)
        if math.isnan(v):
            return "–"
        size = self.pct(abs(v), decimals)
        if size == self.pct(0, decimals):
            return self.tr("kvinnor och män har samma lön", "women and men earn the same")
        if v < 0:
            return self.tr(
                f"kvinnor har {size} lägre lön än män", f"women earn {size} less than men"
            )
        return self.tr(f"kvinnor har {size} högre lön än män", f"women earn {size} more than men")

    def gender(self, code: Any) -> str:
        """A gender code as a word: "F" → "Kvinnor", "M" → "Män"."""
        return {"F": self.tr("Kvinnor", "Women"), "M": self.tr("Män", "Men")}.get(str(code), "–")

    def disadvantaged(self, gap_pct: Any) -> str:
        """The gender with the lower pay for a gap ``100·(women − men)/men``: "Kvinnor"/"Män"."""
        v = _float(gap_pct)
        if math.isnan(v) or v == 0:
            return "–"
        return self.gender("F" if v < 0 else "M")

    def job(self, code: Any) -> str:
        return self.labels.get(str(code), str(code))

    def _pick(self, kind: str, key: Any) -> str:
        pair = WORDS[kind].get(str(key) if key == key else "", (str(key), str(key)))
        return pair[0] if self.sv else pair[1]

    def pay_short(self, m: Any) -> str:
        """A pay measure in running text: "grundlön", "månadslön"."""
        return self._pick("pay_short", m)

    def status(self, s: Any) -> str:
        return self._pick("status", s)

    def area(self, a: Any) -> str:
        return self._pick("area", a)

    def follow_status(self, s: Any) -> str:
        return self._pick("follow", s)

    def checklist_status(self, s: Any) -> str:
        return self._pick("check", s)

    # counts, lists, controls and gaps in words ------------------------------------------------
    def count(self, n: Any, sv: tuple[str, str], en: tuple[str, str]) -> str:
        """A count with its noun in the right number: "1 jämförelse", "2 jämförelser"."""
        one, many = sv if self.sv else en
        return f"{self.num(n)} {one if int(n) == 1 else many}"

    def comparisons(self, n: Any) -> str:
        return self.count(n, ("jämförelse", "jämförelser"), ("comparison", "comparisons"))

    def join(self, items: list[str]) -> str:
        """Items joined as in prose: "a, b och c" / "a, b and c"."""
        items = [i for i in items if i]
        if len(items) < 2:
            return "".join(items)
        return f"{', '.join(items[:-1])} {self.tr('och', 'and')} {items[-1]}"

    def control(self, name: str) -> str:
        """A regression control in words: ``tenure_years`` → "anställningstid"; a column
        that is not a known one keeps its name; ``C(col)`` is the column ``col``."""
        inner = name[2:-1] if name.startswith("C(") and name.endswith(")") else name
        return self._pick("control", inner) if inner in WORDS["control"] else inner

    def controls_words(self, names: list[str]) -> str:
        """The controls in words, joined: "anställningstid och ålder"; "" when none."""
        return self.join(list(dict.fromkeys(self.control(str(c)) for c in names)))

    def controls_used(self) -> list[str]:
        """The controls that entered at least one equal-work regression in the scope."""
        t = self.work_table()
        rows = t.loc[(t["unit"] == self.scope) & t["regression_tested"].astype(bool), "controls"]
        listed = self.results["equal_work"].settings.get("controls", [])
        joined = [f" {c} " for c in rows.fillna("").astype(str)]
        return [c for c in listed if any(f" {c} " in j for j in joined)]

    def held_equal(self, names: list[str]) -> str:
        """What a regression held equal: "där anställningstid och ålder hålls lika", or that it
        had no controls."""
        if not names:
            return self.tr(
                "utan kontroller (inga kontrollvariabler fanns i underlaget)",
                "without controls (the data held no control variables)",
            )
        words = self.controls_words(names)
        return self.tr(f"där {words} hålls lika", f"with {words} held equal")

    def flag_gap(self, r: Any) -> tuple[float, bool]:
        """The gap an equal-work flag is based on, ``100·(women − men)/men``, and whether it is
        the adjusted one (the regression rule) rather than the raw gap."""
        if str(getattr(r, "flag_rule", "")) == "regression":
            return _float(r.adjusted_gap_pct), True
        return _float(r.women_pct_of_men) - 100, False

    def basis(self, adjusted: bool) -> str:
        """The basis of an equal-work flag, short for a table's column: "Justerad" (the
        regression's adjusted gap) or "Rå" (the raw gap); the table's note says which is which."""
        return self.tr("Justerad", "Adjusted") if adjusted else self.tr("Rå", "Raw")

    def pay_level(self, level: str) -> str:
        return self.tr("årslön", "annual") if level == "annual" else self.tr("timlön", "hourly")

    def complementary_words(self, gap_pct: float) -> str:
        """A gap ``100·(women − men)/men`` in complementary or variable pay, in words."""
        size = self.pct(abs(gap_pct))
        if math.isnan(gap_pct) or size == self.pct(0):
            return "–" if math.isnan(gap_pct) else self.tr("lika för kvinnor och män", "the same")
        less = gap_pct < 0
        return self.tr(
            f"kvinnor har {size} {'lägre' if less else 'högre'} sådana ersättningar än män",
            f"women receive {size} {'less' if less else 'more'} of it than men",
        )

    def category_label(self, c: Any) -> str:
        """An EU category: value bands as "Band k (a–b poäng)", other columns as they are."""
        ev = self.run.evaluation
        if self.run.config.analysis.categories == "band" and ev is not None and str(c).isdigit():
            k, width = int(c), float(ev.band_width)
            pts = self.tr("poäng", "points")
            return f"Band {k} ({self.num(k * width)}–{self.num((k + 1) * width)} {pts})"
        return str(c)

    def plain(self, text: str) -> str:
        """Text from another part of the library (the checklist's details) with setting keys
        and register file names said in words, for the pages before the methods annex."""
        cfg = self.run.manifest.get("config", {})
        for key, (sv, en) in WORDS["register"].items():
            sec, k = key.split(".")
            name = cfg.get(sec, {}).get(k)
            if name:
                text = re.sub(rf"\b{re.escape(PurePath(str(name)).name)}\b", self.tr(sv, en), text)

        def words(m: re.Match) -> str:
            if m.group(0) not in SETTINGS:
                return m.group(0)
            sv, en, _ = SETTINGS[m.group(0)]
            return self.tr(f"inställningen ”{sv}”", f"the setting “{en}”")

        return _KEY.sub(words, text)

    def checklist_label(self, item: str) -> str:
        t = self.results["documentation"].table.set_index("item")
        return str(t.loc[item, "label_sv" if self.sv else "label_en"])

    def yes_no(self, v: Any) -> str:
        return {
            "yes": self.tr("Ja", "Yes"),
            "no": self.tr("Nej", "No"),
            "unclear": self.tr("Oklart", "Unclear"),
        }.get(str(v), self.tr("Ej bedömd", "Not assessed"))

    def follow_up_counts(self, counts: dict) -> str:
        return (
            ", ".join(f"{self.follow_status(k).lower()} {v}" for k, v in counts.items() if v) or "–"
        )

    # blocks ---------------------------------------------------------------------------------
    def text(self, s: str) -> dict:
        return {"type": "text", "text": s}

    def heading(self, s: str, level: int = 2) -> dict:
        return {"type": "heading", "text": s, "level": level}

    def section(self, title: str, blocks: list[dict]) -> dict:
        return {"title": title, "blocks": blocks}

    def figure(self, file: str, caption: str) -> dict:
        if file not in self.figures:
            return {
                "type": "notice",
                "tone": "info",
                "text": self.tr(
                    "Diagrammet har inget att visa här.", "The chart has nothing to show here."
                ),
            }
        return {"type": "figure", "file": file, "caption": caption, "width": "100%"}

    def table(self, columns: list[str], rows: list[list[str]], **options: Any) -> dict:
        """A table block: ``align``, ``widths``, ``caption``, ``note``, ``highlight``, ``size``,
        ``groups`` (:func:`._layout.grouped`), ``names`` (columns of names; found when not
        given) and ``register`` (columns of the registers' text); see :mod:`._layout`."""
        return table_block(self, columns, rows, options)

    # the run's tables in scope --------------------------------------------------------------
    def work_table(self) -> pd.DataFrame:
        t = self.run.tables["equal_work"].copy()
        t["unit"] = t["unit"].fillna("").astype(str)
        t["flagged"] = t["flagged"].astype(bool)
        t["needs_assessment"] = t["needs_assessment"].astype(bool)
        return t

    def value_table(self) -> pd.DataFrame:
        t = self.run.tables["equal_value"].copy()
        t["unit"] = t["unit"].fillna("").astype(str)
        t["flagged"] = t["flagged"].astype(bool)
        return t[t["unit"] == self.scope]

    def items(self) -> pd.DataFrame:
        t = self.run.tables["explanations"].copy()
        t["unit"] = t["unit"].fillna("").astype(str)
        for c in ("flagged", "needs_action"):
            t[c] = t[c].astype(bool)
        return t if self.unit is None else t[t["unit"] == self.unit]

    def plan_rows(self) -> pd.DataFrame:
        t = self.run.tables["action_plan"].copy()
        t["unit"] = t["unit"].fillna("").astype(str)
        return t if self.unit is None else t[t["unit"] == self.unit]

    def plan_measures(self) -> pd.DataFrame:
        t = self.plan_rows()
        if t.empty:
            return t.assign(years="")
        g = t.groupby("measure_id", sort=False)
        out = g.first().reset_index()
        out["cost_yearly"] = g["cost_yearly"].sum().to_numpy()
        out["years"] = (
            g["year"]
            .agg(lambda s: f"{s.min()}" if s.min() == s.max() else f"{s.min()}–{s.max()}")
            .to_numpy()
        )
        return out

    def plan_people(self) -> pd.DataFrame:
        m = self.plan_measures()
        return m[m["kind"] == "person"].sort_values(["job_code", "employee_id"]) if len(m) else m


_KEY = re.compile(
    r"\b(?:survey|data|job_evaluation|analysis|actions|review|privacy|report|output|archive)"
    r"\.[a-z_]+\b"
)


def _float(x: Any) -> float:
    try:
        return float(x)
    except (TypeError, ValueError):
        return float("nan")


def national_section(w: Writer) -> dict:
    og = w.results["org_gap"]
    rows = [
        [y, w.tr(*what), " / ".join(w.pct(x, d) for x in (a, b) if x is not None), src]
        for y, what, (a, b, d), src in NATIONAL
    ]
    rows.insert(
        0,
        [
            str(w.run.manifest["year"]),
            w.tr(
                f"{w.run.config.survey.organisation}: kvinnors månadslön i % av mäns, ojusterat",
                f"{w.run.config.survey.organisation}: women's monthly pay as % of men's, unadjusted",
            ),
            w.pct(100 + og["raw_mean_gap_pct"]),
            w.tr("Denna kartläggning", "This survey"),
        ],
    )
    return w.section(
        w.tr("Nationella jämförelsetal", "National reference figures"),
        [
            w.text(
                w.tr(
                    "Medlingsinstitutet och SCB jämför kvinnors och mäns lön med standardvägning: "
                    "genomsnittslönen i grupper efter yrke, sektor, utbildning, ålder och arbetstid, "
                    "vägd med gruppernas storlek. Talen är inte direkt jämförbara med en enskild "
                    "arbetsgivares siffror men visar läget i landet.",
                    "Medlingsinstitutet and SCB compare women's and men's pay by standard weighting: mean "
                    "pay in cells by occupation, sector, education, age and working time, weighted by "
                    "the cells' size. The figures are not directly comparable with one employer's but "
                    "show the national picture.",
                )
            ),
            w.table(
                [
                    w.tr("År", "Year"),
                    w.tr("Mått", "Measure"),
                    w.tr("Värde", "Value"),
                    w.tr("Källa", "Source"),
                ],
                rows,
                align=["left", "left", "right", "left"],
                widths=[0.6, 3, 1.1, 2.6],
            ),
            {
                "type": "notice",
                "tone": "info",
                "text": w.tr(
                    "Den oförklarade löneskillnaden är oförklarad i statistisk mening. Den är inte ett "
                    "mått på diskriminering.",
                    "The unexplained pay gap is unexplained in a statistical sense. It is not a measure "
                    "of discrimination.",
                ),
            },
        ],
    )

"""The typst report template and its renderer (DESIGN §8): every block type, read back from the PDF."""

from __future__ import annotations

import io
import re
import time
from datetime import UTC, datetime

import pytest

from payequity.exceptions import PayEquityError
from payequity.report import _typst
from payequity.report._typst import render_pdf

pypdf = pytest.importorskip("pypdf")

SPECIAL = "#let x = 1 $a$ *b* _c_ <d> @e [f] ~ -- \\ // `g` {h} = i"
CONFIDENTIAL = "Sekretess: innehåller uppgifter om enskildas löner (OSL 39:3)"
TS = datetime(2026, 10, 30, tzinfo=UTC)


def pdf_text(pdf: bytes) -> str:
    """All text of a PDF, pages separated by form feeds."""
    return "\f".join(pdf_pages(pdf))


def pdf_pages(pdf: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [page.extract_text() or "" for page in reader.pages]


def squash(text: str) -> str:
    """Text without whitespace: pypdf splits and joins words in its own way."""
    return re.sub(r"\s+", "", text)


def chart_png() -> bytes:
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 3.2), dpi=100)
    ax.bar(["Kvinnor", "Män"], [32500, 33900], color=["0.35", "0.65"])
    ax.set_ylabel("Medianlön (kr)")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    plt.close(fig)
    return buffer.getvalue()


def big_table() -> dict:
    columns = [
        "Arbetsgrupp",
        "Befattning",
        "Antal kvinnor",
        "Antal män",
        "Medianlön kvinnor",
        "Medianlön män",
        "Skillnad",
        "Kvinnors lön i % av mäns",
        "Flagga",
    ]
    rows = []
    for i in range(150):
        women = 30000 + 37 * i
        men = 30500 + 41 * i
        rows.append(
            [
                f"Barn- och utbildningsförvaltningen/Skola {i}",
                f"Lärare årskurs {i % 9 + 1}",
                str(3 + i % 11),
                str(2 + i % 7),
                f"{women:,} kr".replace(",", "\u00a0"),
                f"{men:,} kr".replace(",", "\u00a0"),
                f"{women - men:,} kr".replace(",", "\u00a0").replace("-", "−"),
                f"{100 * women / men:.1f} %".replace(".", ","),
                "Ja" if i % 17 == 0 else "",
            ]
        )
    return {
        "type": "table",
        "columns": columns,
        "rows": rows,
        "caption": "Lika arbete per arbetsgrupp",
        "note": "Flaggade grupper (fetstil, grå) har en skillnad över 5 %.",
        "highlight": [i for i in range(150) if i % 17 == 0],
    }


def sample_document(**overrides) -> dict:
    doc = {
        "lang": "sv",
        "title": "Lönekartläggning 2026",
        "organisation": "Exempelkommun",
        "subtitle": "Enhet: Barn- och utbildningsförvaltningen/Sjövikskolan",
        "audience_label": "Underlag för HR",
        "status": "draft",
        "status_label": "UTKAST",
        "created": "2026-10-30",
        "footer": "Exempelkommun · Lönekartläggning 2026",
        "confidential": CONFIDENTIAL,
        "banner": "EU:s lönetransparensdirektiv (2023/970) är ännu inte infört i svensk lag; "
        "avsnitten om direktivet är vägledande.",
        "cover_facts": [
            ["Organisation", "Exempelkommun"],
            ["År", "2026"],
            ["Antal anställda", "4 812"],
            ["Kvinnor / män", "3 561 / 1 251"],
            ["Underlagets datum", "2026-09-30"],
        ],
        "contents_title": "Innehåll",
        "page_label": "Sida",
        "of_label": "av",
        "sections": [
            {
                "title": "Sammanfattning",
                "blocks": [
                    {
                        "type": "text",
                        "text": "Kartläggningen omfattar alla anställda med månadslön den 30 "
                        "september 2026. Kvinnors medianlön är 96,4 % av mäns.",
                    },
                    {"type": "text", "text": SPECIAL},
                    {
                        "type": "facts",
                        "rows": [
                            ["Medianlön kvinnor", "32 500 kr"],
                            ["Medianlön män", "33 700 kr"],
                            ["Kvinnors lön i % av mäns", "96,4 %"],
                        ],
                    },
                    {
                        "type": "notice",
                        "tone": "info",
                        "text": "Alla belopp är heltidsomräknade månadslöner inklusive fasta tillägg.",
                    },
                    {
                        "type": "notice",
                        "tone": "warning",
                        "text": "Tre arbetsgrupper har en oförklarad skillnad över 5 %. "
                        "De ska analyseras vidare.",
                    },
                    {"type": "heading", "level": 2, "text": "Åtgärder"},
                    {
                        "type": "list",
                        "items": [
                            "Justera lönerna i grupp 12 före 2027-04-01.",
                            "Se över lönekriterierna för förskollärare.",
                            "Följ upp nästa år.",
                        ],
                    },
                    {"type": "heading", "level": 3, "text": "Underrubrik på nivå tre"},
                    {"type": "text", "text": "Text under en underrubrik på nivå tre."},
                ],
            },
            {
                "title": "Lika arbete",
                "blocks": [
                    {"type": "heading", "level": 2, "text": "Grupper"},
                    big_table(),
                    {
                        "type": "table",
                        "columns": ["Kön", "Antal", "Andel"],
                        "rows": [["Kvinnor", "3 561", "74,0 %"], ["Män", "1 251", "26,0 %"]],
                        "align": ["left", "right", "right"],
                        "widths": [3, 1, 1],
                        "size": "small",
                    },
                ],
            },
            {
                "title": "Diagram",
                "blocks": [
                    {
                        "type": "figure",
                        "file": "chart.png",
                        "caption": "Medianlön per kön",
                        "width": "90%",
                    },
                    {"type": "pagebreak"},
                    {"type": "heading", "level": 2, "text": "Efter sidbrytning"},
                    {"type": "text", "text": "Text på en ny sida."},
                ],
            },
            {
                "title": "Underskrifter",
                "blocks": [
                    {"type": "text", "text": "Kartläggningen har genomförts i samverkan."},
                    {
                        "type": "signatures",
                        "parties": [
                            {
                                "role": "För arbetsgivaren",
                                "lines": ["Namn", "Befattning", "Ort och datum"],
                            },
                            {
                                "role": "För arbetstagarorganisationen",
                                "lines": ["Namn", "Organisation", "Ort och datum"],
                            },
                        ],
                    },
                ],
            },
        ],
    }
    doc.update(overrides)
    return doc


@pytest.fixture(scope="module")
def assets() -> dict[str, bytes]:
    return {"chart.png": chart_png()}


@pytest.fixture(scope="module")
def rendered(assets) -> tuple[bytes, float]:
    start = time.perf_counter()
    pdf, warnings = render_pdf(sample_document(), assets, timestamp=TS, strict=True)
    assert warnings == []
    return pdf, time.perf_counter() - start


@pytest.mark.pdf
def test_renders_every_block_type_without_warnings(rendered):
    pdf, seconds = rendered
    assert pdf.startswith(b"%PDF-")
    assert seconds < 20, f"compile took {seconds:.1f} s"


@pytest.mark.pdf
def test_cover_contents_and_sections(rendered):
    pages = pdf_pages(rendered[0])
    cover = squash(pages[0])
    for text in [
        "Lönekartläggning 2026",
        "Exempelkommun",
        "UTKAST",
        "Underlag för HR",
        "2026-10-30",
    ]:
        assert squash(text) in cover
    assert squash("Antal anställda") in cover
    assert squash("ännu inte infört i svensk lag") in cover
    contents = squash(pages[1])
    assert "Innehåll" in contents
    for title in ["1Sammanfattning", "1.1Åtgärder", "2Lika arbete", "3Diagram", "4Underskrifter"]:
        assert squash(title) in contents
    assert squash("Underrubrik på nivå tre") not in contents  # level 3 is not in the contents
    body = squash("\f".join(pages[2:]))
    for title in [
        "Sammanfattning",
        "Lika arbete",
        "Diagram",
        "Underskrifter",
        "Figur 1",
        "Tabell 1",
    ]:
        assert squash(title) in body


@pytest.mark.pdf
def test_sections_start_on_new_pages(rendered):
    pages = [squash(p) for p in pdf_pages(rendered[0])]
    body = pages[2:]  # after the cover and the contents
    titles = ["1Sammanfattning", "2Likaarbete", "3Diagram", "4Underskrifter"]
    starts = [next(i for i, p in enumerate(body) if t in p) for t in titles]
    assert starts[0] == 0
    assert starts == sorted(set(starts))  # each on its own page
    assert squash("Efter sidbrytning") not in body[starts[2]]  # the pagebreak block


@pytest.mark.pdf
def test_page_footer_and_header(rendered):
    pages = pdf_pages(rendered[0])
    n = len(pages)
    assert n >= 8
    assert f"Sida 1 av {n}" not in pages[0]  # the cover has no page footer
    for number, page in enumerate(pages[1:], start=2):
        assert squash(f"Sida {number} av {n}") in squash(page)
        assert squash("Exempelkommun · Lönekartläggning 2026") in squash(page)
        assert "UTKAST" in page


@pytest.mark.pdf
def test_long_table_breaks_with_repeated_header(rendered):
    pages = pdf_pages(rendered[0])
    with_rows = [squash(p) for p in pages if "Skola" in p]
    assert len(with_rows) >= 3  # 150 rows break across pages
    for page in with_rows:  # the header row is repeated on every page of the table
        assert "Arbetsgrupp" in page
        assert "Befattning" in page
    assert "Skola0" in with_rows[0]
    assert "Skola149" in with_rows[-1]


@pytest.mark.pdf
def test_special_characters_print_literally(rendered):
    text = pdf_text(rendered[0])
    assert squash(SPECIAL) in squash(text)


@pytest.mark.pdf
def test_confidential_on_every_page(rendered):
    pages = pdf_pages(rendered[0])
    for page in pages:
        assert squash(CONFIDENTIAL) in squash(page)


@pytest.mark.pdf
def test_no_confidential_line_when_null(assets):
    doc = sample_document(confidential=None, banner=None, status="final", status_label="SLUTLIG")
    pdf, warnings = render_pdf(doc, assets, timestamp=TS, strict=True)
    text = pdf_text(pdf)
    assert warnings == []
    assert "Sekretess" not in text
    assert "UTKAST" not in text
    assert "SLUTLIG" in text


@pytest.mark.pdf
def test_english_and_minimal_document():
    doc = {
        "lang": "en",
        "title": "Pay survey 2026",
        "organisation": "Example Municipality",
        "status": "final",
        "status_label": "",
        "page_label": "Page",
        "of_label": "of",
        "contents_title": "Contents",
        "sections": [{"title": "Only section", "blocks": []}],
    }
    pdf, warnings = render_pdf(doc, timestamp=TS, strict=True)
    pages = pdf_pages(pdf)
    assert warnings == []
    assert len(pages) == 3
    assert squash("Page 3 of 3") in squash(pages[2])
    assert "Contents" in pages[1]


@pytest.mark.pdf
def test_special_characters_everywhere():
    # Every place a string from the JSON lands prints it literally, never as markup.
    blocks = [
        {"type": "text", "text": f"Första stycket.\n\nAndra stycket {SPECIAL}"},
        {"type": "heading", "level": 2, "text": SPECIAL},
        {"type": "heading", "level": 3, "text": SPECIAL},
        {
            "type": "table",
            "columns": [SPECIAL, "b"],
            "rows": [[SPECIAL, "1"]],
            "caption": SPECIAL,
            "note": SPECIAL,
        },
        {"type": "list", "items": [SPECIAL]},
        {"type": "notice", "text": SPECIAL, "title": SPECIAL},
        {"type": "facts", "rows": [[SPECIAL, SPECIAL]]},
        {"type": "signatures", "parties": [{"role": SPECIAL, "lines": [SPECIAL]}]},
    ]
    doc = sample_document(
        title=SPECIAL,
        subtitle=SPECIAL,
        audience_label=SPECIAL,
        banner=SPECIAL,
        footer=SPECIAL,
        confidential=SPECIAL,
        cover_facts=[[SPECIAL, SPECIAL]],
        sections=[{"title": SPECIAL, "blocks": blocks}],
    )
    pdf, warnings = render_pdf(doc, timestamp=TS, strict=True)
    assert warnings == []
    raw = pdf_text(pdf)
    text = squash(raw)
    # cover: title, subtitle, audience, banner, facts ×2, confidential; contents: entry, header,
    # footer, confidential; body: 13 more (the level-3 heading, caption, note...)
    assert text.count(squash(SPECIAL)) >= 24
    assert "Första stycket.\nAndra stycket" in raw  # a blank line starts a new paragraph


@pytest.mark.pdf
def test_landscape_section(assets):
    wide = {
        "type": "table",
        "columns": ["Grupp"] + [f"Percentil {p}" for p in range(10, 100, 10)] + ["Medel", "Antal"],
        "rows": [
            [f"Grupp {i}"]
            + [f"{30000 + 100 * i + j:,} kr".replace(",", "\u00a0") for j in range(11)]
            for i in range(5)
        ],
    }
    doc = sample_document(sections=[{"title": "Bilaga", "landscape": True, "blocks": [wide]}])
    pdf, warnings = render_pdf(doc, assets, timestamp=TS, strict=True)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert warnings == []
    assert len(reader.pages) == 3
    landscape = reader.pages[2]
    assert landscape.mediabox.width > landscape.mediabox.height
    assert "Percentil 90" in landscape.extract_text()


@pytest.mark.pdf
def test_warnings_are_returned_or_raised(monkeypatch):
    template = _typst._template() + b'\n#text(font: "No Such Font", fallback: false)[x]\n'
    monkeypatch.setattr(_typst, "_template", lambda: template)
    doc = sample_document(sections=[])
    pdf, warnings = render_pdf(doc, timestamp=TS)
    assert pdf.startswith(b"%PDF-")
    assert warnings
    assert all("\n" not in w for w in warnings)
    with pytest.raises(PayEquityError, match="with warnings"):
        render_pdf(doc, timestamp=TS, strict=True)


@pytest.mark.pdf
def test_deterministic_bytes(assets, rendered):
    again, _ = render_pdf(sample_document(), assets, timestamp=TS)
    assert again == rendered[0]


@pytest.mark.pdf
def test_default_timestamp_is_the_created_date(assets):
    doc = sample_document(sections=[])
    first, _ = render_pdf(doc, assets)
    second, _ = render_pdf(doc, assets)
    assert first == second
    assert b"D:20261030" in first


@pytest.mark.pdf
def test_pdf_metadata_title(rendered):
    reader = pypdf.PdfReader(io.BytesIO(rendered[0]))
    assert reader.metadata.title == "Lönekartläggning 2026"


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ({"type": "chart"}, "unknown block type 'chart'"),
        ({"type": "table", "columns": ["a", "b"], "rows": [["1"]]}, "row 0 must have 2 cells"),
        ({"type": "table", "columns": ["a"], "rows": [], "align": ["middle"]}, "align"),
        ({"type": "figure", "file": "missing.png"}, "'missing.png' is not among the assets"),
        ({"type": "heading", "level": 1, "text": "x"}, "level must be 2 or 3"),
        ({"type": "table", "columns": ["a"], "rows": [], "size": "tiny"}, "size must be"),
        ({"type": "notice", "tone": "loud", "text": "x"}, "tone"),
        ({"type": "text", "text": {"nested": 1}}, "expected text"),
        ("not a block", "must be an object"),
    ],
)
def test_malformed_block_gives_clear_error(assets, block, message):
    doc = sample_document()
    doc["sections"][0]["blocks"].append(block)
    with pytest.raises(PayEquityError, match=re.escape(message)) as info:
        render_pdf(doc, assets, timestamp=TS)
    assert "sections[0].blocks[" in str(info.value)
    assert "\n" not in str(info.value)


def test_malformed_document_gives_clear_error(assets):
    with pytest.raises(PayEquityError, match="sections: must be a list"):
        render_pdf(sample_document(sections=None), assets, timestamp=TS)
    with pytest.raises(PayEquityError, match="status"):
        render_pdf(sample_document(status="done"), assets, timestamp=TS)


@pytest.mark.pdf
def test_template_rejects_unknown_block_itself(monkeypatch):
    # Even without the Python checks, the template stops with a readable one-line message.
    monkeypatch.setattr(_typst, "validate_document", lambda document, assets=None: None)
    doc = sample_document(sections=[{"title": "x", "blocks": [{"type": "chart"}]}])
    with pytest.raises(PayEquityError, match="unknown block type") as info:
        render_pdf(doc, timestamp=TS)
    assert "\n" not in str(info.value)


@pytest.mark.pdf
def test_typst_error_is_one_line(assets):
    # Bytes that are not an image get past validation; typst's error becomes one line.
    with pytest.raises(PayEquityError, match="could not render the PDF report") as info:
        render_pdf(sample_document(), {"chart.png": b"not a png"}, timestamp=TS)
    assert "\n" not in str(info.value)


def test_bad_asset_name_is_refused(assets):
    with pytest.raises(PayEquityError, match="plain file name"):
        render_pdf(sample_document(), {**assets, "../x.png": b""}, timestamp=TS)

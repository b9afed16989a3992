"""Detection markers that read a tagline's or a credit line's whole sentence hold however a page
ends that sentence: with its full stop or another mark that ends a sentence, with none (templates
and CMSes drop it), with blank space after it (a space, a no-break space) — and still not on prose
that quotes the line and goes on. Each page is checked as the command line checks it (prefiltered)
and in full, and both must agree."""

from __future__ import annotations

from typing import Any

import pytest

from compliance.document import parse_document
from compliance.engine import check_bytes, check_document
from compliance.findings import Report
from compliance.loading import load_packs

PACKS = tuple(load_packs())
OUTLETS = frozenset(o for pack in PACKS for o in pack.outlets)

# The ways pages end a sentence: the marks, none, blank space, a closing quote or bracket after
# the mark, a line break inside the block.
ENDS = [".", "", "!", "…", "...", " ", ".\u00a0", "\u00a0", " .", ".\u201d", ".)", "<br>Subscribe to our newsletter"]
# Prose quoting the line: the sentence goes on.
PROSE = [", according to a survey.", " in its reporting on hospitals.", "; the group said."]


def detected(html: str) -> tuple[str, ...]:
    data = html.encode()
    prefiltered = check_bytes(data, "html", PACKS, path="page.html")
    full = check_document(parse_document(data, "html", outlets=OUTLETS), PACKS, path="page.html")
    assert prefiltered.packs == full.packs

    def fired(report: Report) -> set[tuple[str, tuple[str, ...]]]:
        return {(d.pack, d.markers) for d in report.detections}

    assert fired(prefiltered) == fired(full)
    return tuple(prefiltered.packs)


def markers(html: str, pack: str) -> set[str]:
    report = check_bytes(html.encode(), "html", PACKS, path="page.html")
    return {m for d in report.detections if d.pack == pack for m in d.markers}


KFF = "KFF Health News is a national newsroom that produces in-depth journalism about health issues"
KHN_OLDER = "Kaiser Health News is a nonprofit news service covering health issues"


@pytest.mark.parametrize("tagline", [KFF, KHN_OLDER])
@pytest.mark.parametrize("end", ENDS)
def test_kff_tagline_as_the_last_paragraph_is_detected_however_its_sentence_ends(tagline: str, end: str) -> None:
    page = f"<p>By Sarah Jane Tribble</p><p>The story's last paragraph.</p><p>{tagline}{end}</p>"
    assert detected(page) == ("kff-health-news",)
    assert "tagline" in markers(page, "kff-health-news")


@pytest.mark.parametrize("end", PROSE)
def test_prose_quoting_the_kff_tagline_is_not_the_tagline(end: str) -> None:
    page = f"<p>By Jane Doe</p><p>{KFF}{end}</p><p>More of the story.</p>"
    assert detected(page) == ()


def test_kff_tagline_without_its_full_stop_gets_the_pack_and_its_rules(cli: Any, tmp_path: Any) -> None:
    page = tmp_path / "copy.html"
    page.write_text(f"<p>By Sarah Jane Tribble</p><p>{KFF}</p>", encoding="utf-8")
    run = cli("check", "--format", "json", str(page))
    assert run.code == 1, run.err
    entry = run.json()["files"][0]
    assert entry["packs"] == ["kff-health-news"]
    assert "kff-health-news/affiliation" in {f["rule"] for f in entry["findings"]}


PROPUBLICA = "ProPublica is a Pulitzer Prize-winning investigative newsroom"


@pytest.mark.parametrize(
    "end", [".", "", "!", " ", "\u00a0", ".\u00a0", ". Sign up for The Big Story newsletter.", "<br>Sign up for The Big Story newsletter."]
)
def test_propublica_promo_paragraph_is_detected_however_its_sentence_ends(end: str) -> None:
    page = f"<p>{PROPUBLICA}{end}</p><p>By Jane Doe</p><p>The story.</p>"
    assert "propublica" in detected(page)
    assert "promo" in markers(page, "propublica")


@pytest.mark.parametrize("end", PROSE)
def test_prose_quoting_propublica_promo_is_not_the_promo(end: str) -> None:
    page = f"<p>By Jane Doe</p><p>The story.</p><p>{PROPUBLICA}{end}</p>"
    assert "promo" not in markers(page, "propublica")


STATELINE = "Stateline is an initiative of The Pew Charitable Trusts"


@pytest.mark.parametrize("end", [".", "", "!", " ", "\u00a0", ".\u00a0"])
def test_stateline_attribution_line_counts_however_its_sentence_ends(end: str) -> None:
    page = f"<p>By Jane Doe</p><p>The story.</p><p>{STATELINE}{end}</p>"
    assert detected(page) == ("states-newsroom",)
    assert markers(page, "states-newsroom") == {"pew-attribution"}


def test_stateline_attribution_in_prose_is_no_attribution_line() -> None:
    page = f"<p>By Jane Doe</p><p>The story.</p><p>{STATELINE}, which funds it, says more.</p>"
    assert detected(page) == ()

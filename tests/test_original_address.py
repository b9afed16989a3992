"""The original story's address is chosen once: the finding of a rule names it, and the rule's
fix writes it (`{original-url}`: the block shown beside the finding, and `syndcheck fix`). When
several addresses are known (the `original_url` metadata, an original file's canonical URL), both
take the same one; an address the rule's link back does not take for the publisher's story (a
CMS's `canonical_url` naming the republisher's own page) is named and written by neither; an
original refused as another publisher's story gives neither its address."""

from __future__ import annotations

from typing import Any

import pytest

from compliance.checks import Context
from compliance.checks.link import original_address_for
from compliance.document import DocumentKind, parse_document
from compliance.engine import CheckSettings, check_bytes
from compliance.fixes import plan_fixes
from compliance.packfiles import load_packs
from tests.conftest import SAMPLES

PACKS = load_packs()
PROPUBLICA = [p for p in PACKS if p.id == "propublica"]
LINK_BACK = "creative-commons/source-link"
CANONICAL = "https://www.propublica.org/article/pipeline-weld-inspections-records"
ORIGINAL = SAMPLES / "originals" / "propublica-original.html"
OWN_PAGE = "https://ozarkvalley.example/news/pipeline-welds"
FAITHFUL = SAMPLES / "originals" / "propublica-faithful.md"
KFF_COPY = SAMPLES.parent / "tests" / "rule-fixtures" / "kff-health-news" / "compliant.html"
KFF_URL = "https://kffhealthnews.org/news/article/rural-hospitals-labor-delivery-closures-staffing-costs/"
# A copy without the link back nor the credit line: both rules fail, both have a fix writing the address.
COPIES: dict[DocumentKind, bytes] = {
    "html": b"<html><body><article><h1>Welds</h1><p>By Hollis Brandt, ProPublica</p><p>First paragraph of the story.</p>"
    b"<p>Second paragraph of the story.</p></article></body></html>",
    "markdown": b"# Welds\n\nBy Hollis Brandt, ProPublica\n\nFirst paragraph of the story.\n\nSecond paragraph of the story.\n",
}


def _original(wanted: str) -> Any:
    del wanted
    return parse_document(ORIGINAL.read_bytes(), "html")


def _named_and_written(kind: DocumentKind, meta: dict[str, str], *, auto_detect: bool = False) -> tuple[str, str, str, str]:
    """The address the link-back finding names, the one its block writes, the one `fix` writes
    for it, and the one the credit line's block writes."""
    full = {"medium": "online", **meta}
    report = check_bytes(COPIES[kind], kind, PROPUBLICA, path=f"copy.{kind}", auto_detect=auto_detect, meta=full, load_original=_original)
    findings = {f.rule: f for f in report.findings}
    link_back, credit = findings[LINK_BACK], findings["propublica/credit-line"]
    assert link_back.fix is not None and credit.fix is not None
    named = link_back.message.split("the original <", 1)[1].split(">", 1)[0] if "the original <" in link_back.message else ""
    settings = CheckSettings(packs=PROPUBLICA, path=f"copy.{kind}", auto_detect=auto_detect, meta=full, load_original=_original)
    plan = plan_fixes(COPIES[kind], kind, settings)
    # The credit line's block links the original too, which may leave the link back's own block
    # redundant: the address `fix` writes is in whichever it keeps.
    written = next((e.text for e in plan.edits if _address_in(e.text)), "")
    return named, _address_in(link_back.fix.text), _address_in(written), _address_in(credit.fix.text)


def _address_in(text: str) -> str:
    for opener, closer in (('href="', '"'), ("](", ")")):
        if opener in text:
            return text.split(opener, 1)[1].split(closer, 1)[0]
    return ""


@pytest.mark.parametrize("kind", ["html", "markdown"])
@pytest.mark.parametrize(
    ("meta", "address"),
    [
        # The metadata's address and the original's canonical URL differ: the metadata's, for all.
        ({"original_url": f"{CANONICAL}?utm_source=newsletter", "original": "propublica-original.html"}, f"{CANONICAL}?utm_source=newsletter"),
        ({"original-url": f"{CANONICAL}/amp/", "original": "propublica-original.html"}, f"{CANONICAL}/amp/"),
        # Only the original file: its canonical URL.
        ({"original": "propublica-original.html"}, CANONICAL),
        # Only the metadata.
        ({"original_url": CANONICAL}, CANONICAL),
        # A CMS's canonical_url naming the republisher's own page is not the original's: the
        # original's canonical URL is, for the finding and the fix alike.
        ({"original_url": OWN_PAGE, "original": "propublica-original.html"}, CANONICAL),
    ],
    ids=["utm-typed", "amp-typed", "file-only", "meta-only", "own-page"],
)
def test_the_finding_and_its_fix_name_one_address(kind: DocumentKind, meta: dict[str, str], address: str) -> None:
    named, shown, written, _credit = _named_and_written(kind, meta)
    assert named == shown == written == address


@pytest.mark.parametrize("kind", ["html", "markdown"])
@pytest.mark.parametrize(
    ("meta", "address"),
    [
        ({"original_url": f"{CANONICAL}?utm_source=newsletter", "original": "propublica-original.html"}, f"{CANONICAL}?utm_source=newsletter"),
        ({"original_url": OWN_PAGE, "original": "propublica-original.html"}, CANONICAL),
        ({"original_url": OWN_PAGE}, "[ORIGINAL URL]"),
    ],
    ids=["utm-typed", "own-page", "own-page-only"],
)
def test_a_rule_without_a_link_back_writes_the_address_its_packs_link_back_names(kind: DocumentKind, meta: dict[str, str], address: str) -> None:
    # ProPublica's credit line links "ProPublica" and has no link back of its own: it links what
    # the pack's link-back rule names, never the republisher's own page.
    named, shown, _written, credit = _named_and_written(kind, meta)
    assert credit == shown == address
    assert named == ("" if address.startswith("[") else address)


def _kff_original(wanted: str) -> Any:
    """KFF Health News' own page of a story (its address only in its canonical link)."""
    del wanted
    text = KFF_COPY.read_text(encoding="utf-8").replace('content="Ozark Valley News"', 'content="KFF Health News"')
    return parse_document(text.replace("<head>", f'<head>\n  <link rel="canonical" href="{KFF_URL}">', 1).encode(), "html")


def test_an_original_of_another_publisher_gives_the_fix_no_address() -> None:
    # KFF Health News' story given as a ProPublica copy's original is refused (original-mismatch):
    # neither the findings, nor their blocks, nor `fix` use its address.
    copy = FAITHFUL.read_bytes().replace(f"[ProPublica]({CANONICAL})".encode(), b"ProPublica")
    meta = {"medium": "online", "original": "kff-original.html"}
    report = check_bytes(copy, "markdown", PACKS, path="copy.md", meta=meta, load_original=_kff_original)
    assert "original-mismatch" in {n.code for n in report.notices}
    blocks = [f.fix.text for f in report.findings if f.fix is not None]
    assert blocks and not any("kffhealthnews.org" in text for text in blocks)
    plan = plan_fixes(copy, "markdown", CheckSettings(packs=PACKS, path="copy.md", meta=meta, load_original=_kff_original))
    assert not any("kffhealthnews.org" in edit.text for edit in plan.edits)
    # The link back is left for the editor, asking for the address, not written with another story's.
    reasons = {unfixed.rule: unfixed.reason for unfixed in plan.unfixed}
    assert reasons[LINK_BACK].startswith("needs the original story's URL")


def test_the_shared_choice_is_the_link_backs() -> None:
    doc = parse_document(COPIES["html"], "html")
    ctx = Context(doc, {"original_url": OWN_PAGE, "original": "x"}, _original("x"))
    rule = next(r for r in PROPUBLICA[0].rules if r.id == LINK_BACK)
    credit = next(r for r in PROPUBLICA[0].rules if r.id == "propublica/credit-line")
    assert ctx.original_addresses()[0] == ctx.original_address() == OWN_PAGE
    assert original_address_for([rule.check], ctx) == CANONICAL
    # A rule without a link back takes its pack's; with none anywhere, the first address known.
    assert original_address_for([credit.check, rule.check], ctx) == CANONICAL
    assert original_address_for([credit.check], ctx) == OWN_PAGE

"""The HTML report's block (`--format html`, the editor's page) for what is on the page but wrong
offers what `syndcheck fix` does there: for a credit link that names the original but goes
elsewhere, the link itself with the original's address (not the "Read the original story" block
a missing link gets); for a credit line in other words, the publisher's line to paste in its
place; for a copy printed once too often, the copy to take out and the line of the one that
stays."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import lxml.html
import pytest

STORY = "https://www.propublica.org/article/rates-rise"
CREDIT = f'This story was originally published by <a href="{STORY}">ProPublica</a>.'
PIXEL = '<script async src="https://pixel.propublica.org/pixel.js"></script>'
STORY_TEXT = "<p>Insurers raised rates for the third year in a row, state filings show.</p>"


def page(*middle: str) -> str:
    return "\n".join(["<article>", "<h1>Rates rise</h1>", "<p>By Jane Roe, ProPublica</p>", *middle, PIXEL, "</article>", ""])


def block_of(report: str, rule: str) -> tuple[str, str]:
    """(the words before the block, the block) of the finding of `rule` in an HTML report."""
    tree = lxml.html.fromstring(report)
    (item,) = tree.xpath(f"//li[contains(@class, 'finding')][code[@class='rule'] = '{rule}']")
    return item.xpath("string(.//p[@class='paste'])"), item.xpath("string(.//pre[@class='snippet'])")


@pytest.mark.parametrize(
    ("link", "mended"),
    [
        ('<a href="https://herald.example/rates-rise">ProPublica</a>', f'<a href="{STORY}">ProPublica</a>'),
        ("<a class='credit' href=/rates-rise rel=noopener>ProPublica</a>", f"<a class='credit' href={STORY} rel=noopener>ProPublica</a>"),
    ],
)
def test_a_credit_link_gone_elsewhere_gets_the_mended_link(cli: Any, tmp_path: Path, link: str, mended: str) -> None:
    path = tmp_path / "copy.html"
    path.write_text(page(f"<p>This story was originally published by {link}.</p>", STORY_TEXT), encoding="utf-8")
    report = cli("check", "--format", "html", "--pack", "propublica", f"--meta=original-url={STORY}", str(path)).out
    lead, block = block_of(report, "creative-commons/source-link")
    assert lead.startswith("Paste this in place of the link 'ProPublica' (to ")
    assert block == mended
    assert "Read the original story" not in report
    # The same link `fix` writes.
    cli("fix", "--write", "--pack", "propublica", f"--meta=original-url={STORY}", str(path))
    assert f"<p>This story was originally published by {mended}.</p>" in path.read_text(encoding="utf-8")


def test_a_markdown_credit_link_gone_elsewhere_gets_the_mended_link(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "copy.md"
    credit = "This story was originally published by [ProPublica](https://herald.example/rates-rise)."
    path.write_text(f"# Rates rise\n\nBy Jane Roe, ProPublica\n\n{credit}\n\nRates rose.\n\n{PIXEL}\n", encoding="utf-8")
    report = cli("check", "--format", "html", "--pack", "propublica", f"--meta=original-url={STORY}", str(path)).out
    lead = "Paste this in place of the link 'ProPublica' (to https://herald.example/rates-rise):"
    assert block_of(report, "creative-commons/source-link") == (lead, f"[ProPublica]({STORY})")


@pytest.mark.parametrize(
    ("credit", "rule"),
    [
        ('<p class="credit">Courtesy of ProPublica.</p>', "propublica/credit-line"),
        ("<p><em>This article first appeared on ProPublica.</em></p>", "propublica/credit-line-wording"),
    ],
)
def test_a_credit_line_in_other_words_gets_the_line_to_paste_in_its_place(cli: Any, tmp_path: Path, credit: str, rule: str) -> None:
    path = tmp_path / "copy.html"
    path.write_text(page(credit, STORY_TEXT), encoding="utf-8")
    report = cli("check", "--format", "html", "--pack", "propublica", f"--meta=original-url={STORY}", str(path)).out
    lead, block = block_of(report, rule)
    words = lxml.html.fromstring(credit).text_content()
    assert lead == f"Paste this in place of '{words}':"
    assert block == CREDIT


@pytest.mark.parametrize(
    ("copy", "shown"),
    [
        (f"<p>{CREDIT}</p>", f"<p>{CREDIT}</p>"),
        (f'<ul class="notes"><li>Corrected June 3.</li><li>{CREDIT}</li></ul>', f"<li>{CREDIT}</li>"),
    ],
)
def test_a_repeated_line_says_which_copy_to_take_out(cli: Any, tmp_path: Path, copy: str, shown: str) -> None:
    path = tmp_path / "copy.html"
    path.write_text(page(f"<p>{CREDIT}</p>", STORY_TEXT, copy), encoding="utf-8")
    report = cli("check", "--format", "html", "--pack", "propublica", str(path)).out
    lead, block = block_of(report, "propublica/credit-line-repeated")
    assert lead.startswith("Take this out, at marker ") and lead.endswith(" (a copy of line 4, which stays):")
    assert block == shown


def test_the_editors_page_offers_the_same_blocks(tmp_path: Path) -> None:
    pytest.importorskip("starlette", reason="the 'serve' extra is not installed (pip install 'syndication-compliance[serve]')")
    from starlette.testclient import TestClient

    from compliance.serve import ServeSettings
    from compliance.serve.app import create_app

    client = TestClient(create_app(ServeSettings(max_bytes=512 * 1024)), base_url="http://127.0.0.1:8080")
    article = page('<p>This story was originally published by <a href="https://herald.example/rates-rise">ProPublica</a>.</p>', STORY_TEXT)
    answer = client.post("/", files={"file": ("copy.html", article.encode(), "text/html")}, data={"original_url": STORY}).text
    assert block_of(answer, "creative-commons/source-link")[1] == f'<a href="{STORY}">ProPublica</a>'


NEEDLESS = "Nothing more to paste: the block for propublica/credit-line, pasted in place of what the page has, puts this right too."


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("copy.html", page('<p class="credit">Courtesy of ProPublica.</p>', STORY_TEXT)),
        ("copy.md", f"# Rates rise\n\nBy Jane Roe, ProPublica\n\nCourtesy of ProPublica.\n\nRates rose.\n\n{PIXEL}\n"),
    ],
)
def test_a_block_the_line_pasted_in_place_makes_needless_is_not_offered(cli: Any, tmp_path: Path, name: str, text: str) -> None:
    # The credit line without a link, replaced by the one that links the original: the link back's
    # "Read the original story" block would add a second link, as `fix` (which leaves it out) knows.
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    report = cli("check", "--format", "html", "--pack", "propublica", f"--meta=original-url={STORY}", str(path)).out
    assert block_of(report, "propublica/credit-line")[0] == "Paste this in place of 'Courtesy of ProPublica.':"
    assert block_of(report, "creative-commons/source-link") == (NEEDLESS, "")
    assert "Read the original story" not in report
    # What `fix` writes: the line in place, and no "Read the original story" line.
    cli("fix", "--write", "--pack", "propublica", f"--meta=original-url={STORY}", str(path))
    fixed = path.read_text(encoding="utf-8")
    assert "Courtesy of ProPublica." not in fixed and "Read the original story" not in fixed
    assert cli("check", "--pack", "propublica", str(path)).code == 0


def test_without_the_address_the_link_backs_block_is_still_offered(cli: Any, tmp_path: Path) -> None:
    # Near miss: the line pasted in place would link "[ORIGINAL URL]", not the original, so the
    # link back's block is still to paste.
    path = tmp_path / "copy.html"
    path.write_text(page('<p class="credit">Courtesy of ProPublica.</p>', STORY_TEXT), encoding="utf-8")
    report = cli("check", "--format", "html", "--pack", "propublica", str(path)).out
    lead, block = block_of(report, "creative-commons/source-link")
    assert lead == "Paste this after the end:" and block.startswith("<p>Read the original story on ")


def test_a_block_still_needed_beside_one_pasted_in_place_is_offered(cli: Any, tmp_path: Path) -> None:
    # Look-alike: the credit line in other words and no pixel: the line pasted in place does not
    # load the pixel, so its block stays to paste.
    path = tmp_path / "copy.html"
    path.write_text(page('<p class="credit">Courtesy of ProPublica.</p>', STORY_TEXT).replace(PIXEL + "\n", ""), encoding="utf-8")
    report = cli("check", "--format", "html", "--pack", "propublica", f"--meta=original-url={STORY}", str(path)).out
    lead, block = block_of(report, "propublica/pixel")
    assert lead.startswith("Paste this ") and "pixel.propublica.org" in block


def test_the_editors_page_judges_the_blocks_together_too(tmp_path: Path) -> None:
    pytest.importorskip("starlette", reason="the 'serve' extra is not installed (pip install 'syndication-compliance[serve]')")
    from starlette.testclient import TestClient

    from compliance.serve import ServeSettings
    from compliance.serve.app import create_app

    client = TestClient(create_app(ServeSettings(max_bytes=512 * 1024)), base_url="http://127.0.0.1:8080")
    article = page('<p class="credit">Courtesy of ProPublica.</p>', STORY_TEXT)
    answer = client.post("/", files={"file": ("copy.html", article.encode(), "text/html")}, data={"original_url": STORY}).text
    assert block_of(answer, "creative-commons/source-link") == (NEEDLESS, "")

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

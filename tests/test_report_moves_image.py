"""The HTML report's block (`--format html`, the editor's page) for an image a fix draws that the
page has in the wrong place, too small or hidden (DCNF's logo below the story, 2×1 px, hidden by
CSS) comes from the move `syndcheck fix` makes (`fixes._image_move`): the block with the page's
own address, and the lines to take out, in fix's own words, so that the page shows the image
once; a copy inside a paragraph of the story is said to be taken out of it by hand. Under the
block, where a value came from is said only for a value the block writes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import lxml.html
import pytest

LOGO = "https://dailycallernewsfoundation.org/wp-content/uploads/2021/05/dcnf-logo.png"
ALT = "Daily Caller News Foundation logo"
STORY = [
    "The Department of Energy on Monday finalized efficiency standards for home water heaters.",
    "The standards require most new electric water heaters to use heat pump technology by 2029.",
    "Content created by The Daily Caller News Foundation is available without charge to any eligible news publisher.",
]
ORIGINAL = (
    '<html><head><title>DOE rule</title><link rel="canonical" href="https://dailycallernewsfoundation.org/2024/05/06/doe-water-heaters/"></head>'
    f'<body><article><h1>DOE finalizes water heater rule</h1><p><img src="/wp-content/uploads/2021/05/dcnf-logo.png" alt="{ALT}"></p>'
    f'<p class="byline">By Nick Pope, Daily Caller News Foundation</p><p>{STORY[0]}</p><p>{STORY[1]}</p></article></body></html>'
)


def _items(report: str) -> list[Any]:
    return list(lxml.html.fromstring(report).xpath("//li[contains(@class, 'finding')]"))


def _said(item: Any) -> tuple[str, str, list[str]]:
    """(the words before the block, the block, each line said under it) of a finding."""
    notes = [" ".join(p.text_content().split()) for p in item.xpath(".//p[@class='fill' or @class='whence']")]
    return item.xpath("string(.//p[@class='paste'])"), item.xpath("string(.//pre[@class='snippet'])"), notes


# Each page: (file name, text, the rule, the lines fix takes out, as its note says them).
PAGES = {
    "HTML, the logo after the story": (
        "story.html",
        '<main><article><h1>DOE finalizes water heater rule</h1>\n<p class="byline">By Nick Pope</p>\n'
        f"<p>{STORY[0]}</p>\n<p>{STORY[1]}</p>\n"
        f'<figure class="wp-block-image"><img src="{LOGO}" alt="{ALT}"></figure>\n'
        f"<p>{STORY[2]}</p>\n</article></main>\n",
        "dcnf/affiliation",
        f"line 5, the <figure> of the image '{ALT}'",
    ),
    "HTML, a tiny logo above the byline": (
        "story.html",
        "<article><h1>DOE finalizes water heater rule</h1>\n"
        f'<div class="logo"><img width="2" height="1" src="{LOGO}" alt="{ALT}"></div>\n'
        f'<p class="byline">By Nick Pope, Daily Caller News Foundation</p>\n<p>{STORY[0]}</p>\n<p>{STORY[1]}</p>\n</article>\n',
        "dcnf/logo",
        f"line 2, the <div> of the image '{ALT}'",
    ),
    "HTML, a logo hidden by the page's CSS": (
        "story.html",
        "<html><head><title>t</title><style>.byline-logo{display:none}</style></head><body><article>\n<h1>DOE finalizes water heater rule</h1>\n"
        f'<p class="byline-logo"><img src="{LOGO}" alt="{ALT}"></p>\n'
        f'<p class="byline">By Nick Pope, Daily Caller News Foundation</p>\n<p>{STORY[0]}</p>\n<p>{STORY[1]}</p>\n</article></body></html>\n',
        "dcnf/logo",
        f"line 3, the <p> of the image '{ALT}'",
    ),
    "Markdown, the logo after the story": (
        "story.md",
        f"# DOE finalizes water heater rule\n\nBy Nick Pope\n\n{STORY[0]}\n\n{STORY[1]}\n\n![{ALT}]({LOGO})\n\n{STORY[2]}\n",
        "dcnf/affiliation",
        f"line 9, the image '{ALT}'",
    ),
}


@pytest.mark.parametrize("case", sorted(PAGES))
def test_the_report_says_to_take_out_what_fix_takes_out(cli: Any, tmp_path: Path, case: str) -> None:
    name, text, rule, taken = PAGES[case]
    story = tmp_path / name
    story.write_text(text, encoding="utf-8")
    fixed = cli("fix", "--pack", "dcnf", str(story))
    assert f"took out {taken} (moved before the byline)" in fixed.err, fixed.err
    report = cli("check", "--pack", "dcnf", "--format", "html", str(story)).out
    (item,) = [i for i in _items(report) if i.xpath("string(.//code[@class='rule'])") == rule]
    lead, block, notes = _said(item)
    assert lead == "Paste this before the byline:" and LOGO in block and "[LOGO URL]" not in block
    assert notes == [f"Then take out {taken}: this block moves that image before the byline, so that the page shows it once."]


def test_the_editors_page_says_so_too(tmp_path: Path) -> None:
    pytest.importorskip("starlette", reason="the 'serve' extra is not installed (pip install 'syndication-compliance[serve]')")
    from starlette.testclient import TestClient

    from compliance.serve import ServeSettings
    from compliance.serve.app import create_app

    client = TestClient(create_app(ServeSettings(max_bytes=512 * 1024)), base_url="http://127.0.0.1:8080")
    _, text, rule, taken = PAGES["HTML, the logo after the story"]
    answer = client.post("/", files={"file": ("copy.html", text.encode(), "text/html")}, data={"pack": "dcnf"}).text
    (item,) = [i for i in _items(answer) if i.xpath("string(.//code[@class='rule'])") == rule]
    assert f"Then take out {taken}: this block moves that image before the byline" in _said(item)[2][0]


def test_a_logo_in_a_paragraph_of_the_story_is_said_to_go_by_hand(cli: Any, tmp_path: Path) -> None:
    story = tmp_path / "story.html"
    story.write_text(
        "<article>\n<h1>DOE rule</h1>\n<p>By Nick Pope</p>\n"
        f'<p>{STORY[0]}</p>\n<p>A spokesperson objected. <img src="{LOGO}" alt="{ALT}"> The rule stands.</p>\n</article>\n',
        encoding="utf-8",
    )
    (item,) = [i for i in _items(cli("check", "--pack", "dcnf", "--format", "html", str(story)).out) if "dcnf/affiliation" in i.text_content()]
    assert _said(item)[2] == [f"The image '{ALT}' at line 5, inside a paragraph of the story, can go: take it out of that paragraph by hand, keeping the text."]


def test_a_page_without_the_logo_is_told_to_paste_it_and_nothing_more(cli: Any, tmp_path: Path) -> None:
    # Nothing on the page to move: no line to take out, and no address of the original in the block.
    story = tmp_path / "story.html"
    story.write_text(
        f'<article>\n<h1>DOE rule</h1>\n<p class="byline">By Nick Pope, Daily Caller News Foundation</p>\n<p>{STORY[0]}</p>\n</article>\n', encoding="utf-8"
    )
    original = tmp_path / "original.html"
    original.write_text(ORIGINAL, encoding="utf-8")
    report = cli("check", "--pack", "dcnf", "--original", str(original), "--format", "html", str(story)).out
    (item,) = [i for i in _items(report) if "dcnf/logo" in i.text_content()]
    lead, block, notes = _said(item)
    # The original's address resolved the logo's, and is no value of the block: nothing said of it.
    assert lead == "Paste this before the byline:" and LOGO in block and notes == []


def test_where_the_original_address_came_from_is_said_when_the_block_writes_it(cli: Any, tmp_path: Path) -> None:
    address = "https://www.propublica.org/article/rates-rise"
    original = tmp_path / "original.html"
    original.write_text(
        f'<html><head><title>Rates rise</title><link rel="canonical" href="{address}"></head><body><article><h1>Rates rise</h1>'
        "<p>By Jane Roe, ProPublica</p><p>Insurers raised rates for the third year in a row, state filings show.</p></article></body></html>",
        encoding="utf-8",
    )
    story = tmp_path / "copy.html"
    story.write_text(
        "<article>\n<h1>Rates rise</h1>\n<p>By Jane Roe, ProPublica</p>\n<p>Insurers raised rates for the third year in a row, state filings show.</p>\n"
        '<script async src="https://pixel.propublica.org/pixel.js"></script>\n</article>\n',
        encoding="utf-8",
    )
    report = cli("check", "--pack", "propublica", "--original", str(original), "--format", "html", str(story)).out
    (item,) = [i for i in _items(report) if i.xpath("string(.//code[@class='rule'])") == "propublica/credit-line"]
    _, block, notes = _said(item)
    assert address in block and "The original's address is from the canonical link of the original story given." in notes

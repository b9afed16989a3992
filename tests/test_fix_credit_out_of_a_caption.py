"""The story's credit written only in a photo's caption ("A cooling center in Phoenix. Republished
from The Conversation under a Creative Commons license.") is not the credit line: a reader takes
it for the photo's. `check` says where it is and what to do; `syndcheck fix` puts the publisher's
line in and takes the credit's sentence out of the caption (the caption's own words stay), rather
than printing a second credit (The Conversation's credit-repeated) or leaving the caption's copy;
the HTML report's block to paste says to take it out too. Where the cut cannot be made safely,
the note says what to take out by hand, and where. A caption whose credit names a picture
("Photo republished from …") credits the photo and stays."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import write

TC_STORY = "https://theconversation.com/heat-waves-are-the-deadliest-weather-disaster-234567"
TC_PAGE = """<html><head><meta charset="utf-8"><title>Heat waves</title></head><body><article>
<h1>Heat waves are the deadliest weather disaster</h1>
<p class="byline"><strong>Maria Alvarez</strong>, University of Michigan</p>
{caption}
<p>Heat waves kill more Americans than hurricanes, floods and tornadoes combined.</p>
<p>Cooling centers help, but only if people can reach them before indoor temperatures peak.</p>
<img src="https://counter.theconversation.com/content/234567/count.gif?distributor=republish-lightbox-basic" alt="The Conversation" width="1" height="1">
</article></body></html>
"""
TC_LINK = f'<a href="{TC_STORY}">The Conversation</a>'
SN_STORY = "https://mainemorningstar.com/2026/03/03/lawmakers-approve-culvert-fund/"
SN_PAGE = """<html><body><article>
<h1>Lawmakers approve culvert fund</h1>
<p class="byline">By Elsa Thibodeau, Maine Morning Star</p>
{caption}
<p>Maine lawmakers on Tuesday approved a $12 million fund to replace aging culverts.</p>
<p>The bill passed the House 98-45 and now heads to Gov. Janet Mills.</p>
</article></body></html>
"""
SN_LINK = f'<a href="{SN_STORY}">Maine Morning Star</a>'
HEAT = '<figure><img src="/uploads/heat.jpg"><figcaption>'
CULVERT = '<figure><img src="/uploads/culvert.jpg"><figcaption>'
CREDIT_RULES = {"the-conversation": "the-conversation/credit", "states-newsroom": "states-newsroom/credit"}


def _findings(cli: Any, path: Path, pack: str) -> dict[str, str]:
    (entry,) = cli("check", "--format", "json", "--pack", pack, str(path)).json()["files"]
    return {f["rule"]: f"{f['message']} {f['detail'] or ''}" for f in entry["findings"]}


def _text(markup: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


# (pack, page, caption, the caption's own words that stay or None when the caption goes whole,
# the credit's sentence)
CASES = [
    (
        "the-conversation",
        TC_PAGE,
        f"{HEAT}A cooling center in Phoenix. Republished from {TC_LINK} under a Creative Commons license.</figcaption></figure>",
        "A cooling center in Phoenix.",
        "Republished from The Conversation under a Creative Commons license.",
    ),
    (
        "the-conversation",
        TC_PAGE,
        '<div class="wp-caption"><img src="/uploads/heat.jpg" alt="Fans">'
        f'<p class="wp-caption-text">This article is republished from {TC_LINK} under a Creative Commons license.</p></div>',
        None,
        "This article is republished from The Conversation under a Creative Commons license.",
    ),
    (
        "states-newsroom",
        SN_PAGE,
        f"{CULVERT}A washed-out culvert in Hancock County. This story first appeared in the {SN_LINK}.</figcaption></figure>",
        "A washed-out culvert in Hancock County.",
        "This story first appeared in the Maine Morning Star.",
    ),
    (
        "states-newsroom",
        SN_PAGE,
        f"{CULVERT}<em>Town crews at work, March&nbsp;2.</em> This story first appeared in {SN_LINK}.</figcaption></figure>",
        "Town crews at work, March 2.",
        "This story first appeared in Maine Morning Star.",
    ),
]


@pytest.mark.parametrize(("pack", "page", "caption", "stays", "credit"), CASES)
def test_the_credit_comes_out_of_the_caption_and_the_line_goes_in(
    cli: Any, tmp_path: Path, pack: str, page: str, caption: str, stays: str | None, credit: str
) -> None:
    path = write(tmp_path, "story.html", page.format(caption=caption))
    rule = CREDIT_RULES[pack]
    # check: no credit line, and the caption's credit named, with its line and what to do.
    why = _findings(cli, path, pack)[rule]
    assert "(line 4) is a photo's caption" in why
    assert "take the credit out of the caption and give it a paragraph of its own" in why
    # the HTML report: the block to paste, and the caption's credit to take out.
    report = _text(cli("check", "--format", "html", "--pack", pack, str(path)).out)
    assert f"Then take '{credit}' out of the photo caption on line 4" in report
    run = cli("fix", "--write", "--pack", pack, str(path))
    assert "by hand" not in run.err
    fixed = path.read_text()
    text = _text(fixed)
    # The credit once, in a paragraph of its own, not in the caption any more.
    assert rule not in _findings(cli, path, pack)
    assert not [r for r in _findings(cli, path, pack) if "credit" in r]
    caption_now = re.search(r"<figcaption>.*?</figcaption>|<p class=\"wp-caption-text\">.*?</p>", fixed)
    if stays is None:
        assert caption_now is None
    else:
        assert caption_now is not None and _text(caption_now.group(0)) == stays
    assert "Conversation" in text or "Maine Morning Star" in text


def test_a_cut_that_would_break_the_markup_is_told_by_hand_with_what_and_where(cli: Any, tmp_path: Path) -> None:
    # The credit's sentence starts inside the caption's <em> and ends outside it: not cut.
    caption = f"{HEAT}<em>A cooling center in Phoenix. Republished from</em> {TC_LINK} under a Creative Commons license.</figcaption></figure>"
    path = write(tmp_path, "story.html", TC_PAGE.format(caption=caption))
    before = path.read_text()
    run = cli("fix", "--write", "--pack", "the-conversation", str(path))
    assert "take 'Republished from The Conversation under a Creative Commons…' out of the photo caption at line 4 by hand" in run.err
    assert path.read_text() == before


@pytest.mark.parametrize(
    ("pack", "page", "caption"),
    [
        ("the-conversation", TC_PAGE, f'<figure><img src="/uploads/heat.jpg"><figcaption>Photo republished from {TC_LINK}.</figcaption></figure>'),
        ("the-conversation", TC_PAGE, '<figure><img src="/uploads/heat.jpg"><figcaption>A cooling center in Phoenix.</figcaption></figure>'),
    ],
)
def test_a_pictures_own_credit_or_a_plain_caption_stays(cli: Any, tmp_path: Path, pack: str, page: str, caption: str) -> None:
    path = write(tmp_path, "story.html", page.format(caption=caption))
    assert "is a photo's caption" not in _findings(cli, path, pack)[CREDIT_RULES[pack]]
    assert "out of the photo caption" not in _text(cli("check", "--format", "html", "--pack", pack, str(path)).out)
    cli("fix", "--write", "--pack", pack, str(path))
    fixed = path.read_text()
    assert caption in fixed
    assert CREDIT_RULES[pack] not in _findings(cli, path, pack)

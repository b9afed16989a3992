"""`last: N` counts from the story's last paragraph: the page's furniture that a template prints
after it inside the article element (tags, sharing links, the author's bio, a comment prompt,
links to other stories, the article's footer) does not push a tagline away from the end."""

from __future__ import annotations

import pytest

from compliance.document import parse_document
from compliance.engine import check_document
from compliance.packs import load_pack
from tests.test_check_kinds import pack_around

_TAGLINE = "<p>KFF Health News is a national newsroom that produces in-depth journalism about health issues.</p>"
_STORY = "".join(f"<p>Paragraph {n}: the state's regulators approved the rate plan after a long hearing.</p>" for n in range(6))
_POSITION = "position:\n  check: {text: {phrase: KFF Health News is a national newsroom}}\n  last: 2\n"
_TEXT = "text:\n  phrase: KFF Health News is a national newsroom\n  last: 2\n"

_AFTER = {
    "topics and sharing": "<div class=submeta><span>Topics</span><ul><li><a href=/t/a>Health</a></li><li><a href=/t/b>Energy</a></li>"
    "<li><a href=/t/c>Michigan</a></li></ul><ul class=social><li><a href=/s/f>Share on Facebook</a></li><li><a href=/s/t>Share on X</a></li></ul></div>",
    "author bio and comment prompt": "<section class=article-author><div class=author-bio>Dan Goodin is the security editor at the paper.</div></section>"
    "<section class=comments-area><p>You must log in or create an account to comment.</p></section>",
    "previous and next": "<div class=prev-next-links><a href=/p>← Previous story</a> <a href=/n>Next story →</a></div>",
    "article footer": "<footer><h3>Related Stories</h3><p>Readers who liked this story also read these ones today.</p><h3>Sponsored</h3></footer>",
    "short lines and a counter": "<p><a href=?c=1>reader comments</a> 75</p><p>Reuse this content</p>",
}


def _failed(check: str, html: str) -> bool:
    pack = load_pack(pack_around(check), "end.yaml")
    return bool(check_document(parse_document(html.encode(), "html"), [pack], path="s.html", auto_detect=False).findings)


@pytest.mark.parametrize("check", [_POSITION, _TEXT], ids=["position", "text"])
@pytest.mark.parametrize("after", list(_AFTER.values()), ids=list(_AFTER))
def test_the_furniture_after_the_story_does_not_count(check: str, after: str) -> None:
    assert not _failed(check, f"<article><h1>Rates</h1>{_STORY}{_TAGLINE}{after}</article>")


@pytest.mark.parametrize("check", [_POSITION, _TEXT], ids=["position", "text"])
@pytest.mark.parametrize(
    "after",
    [
        # The story goes on after the tagline: it is not at the end.
        "<p>The commission will meet again next month to take up the second part of the plan.</p>" * 2,
        "<div class=entry-content><p>The commission will meet again next month to review the plan.</p>"
        "<p>It said so on Tuesday in a statement to the press.</p></div>",
    ],
)
def test_story_text_after_the_tagline_still_counts(check: str, after: str) -> None:
    assert _failed(check, f"<article><h1>Rates</h1>{_STORY}{_TAGLINE}{after}</article>")


def test_a_short_credit_line_after_the_furniture_is_within_the_end() -> None:
    check = "position:\n  check: {text: {phrase: Republished from KFF Health News}}\n  last: 1\n"
    assert not _failed(check, f"<article><h1>Rates</h1>{_STORY}<p>Republished from KFF Health News.</p>{_AFTER['previous and next']}</article>")
    assert _failed(check, f"<article><h1>Rates</h1><p>Republished from KFF Health News.</p>{_STORY}</article>")

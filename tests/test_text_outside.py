"""`text` with `outside`: blocks inside what a selector matches are left out (a photo's caption
states the photo's rights, not the story's), and the story's own label is still found."""

from __future__ import annotations

import pytest

from compliance.document import parse_document
from compliance.engine import check_document
from compliance.loading import load_packs
from compliance.packs import load_pack
from tests.test_check_kinds import pack_around

_FORBID = "text:\n  phrase: All rights reserved\n  ignore-case: true\n  max: 0\n  outside: 'figcaption, [class*=\"caption\"]'\n"
_REQUIRE = "text:\n  phrase: Originally published by the Gazette\n  outside: 'figcaption, [class*=\"caption\"]'\n"
_STORY = "<p>The council met on Tuesday and approved the budget after a long debate.</p>"


def _failed(check: str, body: str, kind: str = "html") -> bool:
    pack = load_pack(pack_around(check), "outside.yaml")
    doc = parse_document(body.encode(), kind)
    return bool(check_document(doc, [pack], path=f"story.{kind}", auto_detect=False).findings)


@pytest.mark.parametrize(
    ("caption", "failed"),
    [
        ("<figure><img src=a.jpg><figcaption>Dana Whitcomb/Valley Courier. All rights reserved.</figcaption></figure>", False),
        ("<div class='wp-caption'><img src=a.jpg><p class='wp-caption-text'>Ward. All rights reserved.</p></div>", False),
        ("<figure><figcaption><span><em>All rights reserved.</em></span></figcaption></figure>", False),
        ("<span class='image-caption__credit'>All Rights Reserved</span>", False),
        # The story's own label, by the byline or at its end, is not a caption.
        ("<p class='byline'>By Ana Ruiz. All Rights Reserved.</p>", True),
        ("<figure><img src=a.jpg></figure><p>All rights reserved.</p>", True),
        ("<div class='captioned-story'><p>All rights reserved.</p></div>", False),
    ],
)
def test_a_forbidden_text_inside_what_outside_names_is_left_out(caption: str, failed: bool) -> None:
    assert _failed(_FORBID, f"<article><h1>Budget</h1>{_STORY}{caption}</article>") is failed


def test_a_required_text_only_in_a_caption_is_missing_and_the_reason_says_where_it_looked() -> None:
    pack = load_pack(pack_around(_REQUIRE), "outside.yaml")
    html = f"<article><h1>Budget</h1>{_STORY}<figure><figcaption>Originally published by the Gazette</figcaption></figure></article>"
    (finding,) = check_document(parse_document(html.encode(), "html"), [pack], path="s.html", auto_detect=False).findings
    assert "outside figcaption" in finding.detail
    assert not _failed(_REQUIRE, f"<article><h1>Budget</h1>{_STORY}<p>Originally published by the Gazette</p></article>")


def test_text_articles_have_no_elements_and_keep_every_block() -> None:
    assert _failed(_FORBID, f"Budget\n\n{_STORY[3:-4]}\n\nAll rights reserved.\n", kind="text")


def test_kff_health_news_reads_a_photo_caption_as_the_photos_rights() -> None:
    (kff,) = [pack for pack in load_packs() if pack.id == "kff-health-news"]
    packs = [pack for pack in load_packs() if pack.id in {"kff-health-news", "creative-commons", "common"}]
    assert kff in packs
    tagline = "<p>KFF Health News is a national newsroom that produces in-depth journalism about health issues.</p>"
    head = "<article><h1>Budget</h1><p class=byline>By Ana Ruiz, KFF Health News</p>" + _STORY
    caption = "<figure><img src=a.jpg><figcaption>Dana Whitcomb/KFF Health News. All rights reserved.</figcaption></figure>"

    def rules(html: str) -> set[str]:
        report = check_document(parse_document(html.encode(), "html"), [kff], path="s.html", auto_detect=False)
        return {finding.rule for finding in report.findings}

    assert "creative-commons/all-rights-reserved" not in rules(head + caption + tagline + "</article>")
    assert "creative-commons/all-rights-reserved" in rules(head + "<p>© 2024 KFF Health News. All rights reserved.</p>" + tagline + "</article>")


def test_the_rule_packs_doc_example_of_outside_runs_as_described() -> None:
    from tests.test_docs import RULE_PACKS_DOC, fenced

    (example,) = [block for block in fenced(RULE_PACKS_DOC, "yaml") if "outside:" in block]
    caption = "<figure><img src=a.jpg><figcaption>Dana Whitcomb/Valley Courier. All rights reserved.</figcaption></figure>"
    credit = "<div class=wp-caption><p class=wp-caption-text>Dana Whitcomb/Valley Courier. All rights reserved.</p></div>"
    assert not _failed(example, f"<article><h1>Budget</h1>{_STORY}{caption}</article>")
    assert not _failed(example, f"<article><h1>Budget</h1>{_STORY}{credit}</article>")
    assert _failed(example, f"<article><h1>Budget</h1>{_STORY}<p>Dana Whitcomb/Valley Courier. All rights reserved.</p></article>")
    assert _failed(example, f"Budget\n\n{_STORY[3:-4]}\n\nAll rights reserved.\n", kind="text")

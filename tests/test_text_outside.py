"""`text` with `outside`: blocks inside what a selector matches are left out (a photo's caption
states the photo's rights, not the story's), and the story's own label is still found."""

from __future__ import annotations

from typing import Any

import pytest

from compliance.document import parse_document
from compliance.engine import check_document
from compliance.loading import load_packs
from compliance.packs import load_pack
from tests.conftest import ROOT
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


# A selector that takes in the whole scope: nothing is searched, so nothing is decided ---------

_ARTICLE = f"<html><body><article><h1>Budget</h1>{_STORY}<p>© 2024 Valley Courier. All rights reserved.</p></article></body></html>"


def _report(check: str, body: str, kind: str = "html", packs: Any = None) -> Any:
    pack = load_pack(pack_around(check), "outside.yaml")
    return check_document(parse_document(body.encode(), kind), packs or [pack], path=f"story.{kind}", auto_detect=False)


@pytest.mark.parametrize("selector", ["*", "html", "body", ":root", "article", ":not(p)", "figcaption, body", "div, *"])
@pytest.mark.parametrize("limit", ["max: 0", "min: 1"])
def test_an_outside_that_leaves_out_every_block_leaves_the_rule_not_checked(selector: str, limit: str) -> None:
    check = f"text:\n  phrase: All rights reserved\n  ignore-case: true\n  {limit}\n  outside: '{selector}'\n"
    report = _report(check, _ARTICLE)
    # Neither a pass of a prohibition nothing was searched for, nor a failure the page did not cause.
    assert (report.findings, report.passed) == ((), ())
    (notice,) = report.notices
    assert notice.code == "undecided"
    assert notice.unchecked_rules == ("example/rule",)
    assert notice.message == f"1 rule(s) not checked (example/rule): outside '{selector}' leaves out all 3 blocks of the article, so nothing was searched"


def test_the_note_names_the_blocks_of_a_first_or_last_scope_it_leaves_out() -> None:
    # The article's last block is story text, not a copyright line: after the story, a copyright
    # line is page furniture, which no "last" scope counts (`story.py`).
    ending = _ARTICLE.replace("<p>© 2024 Valley Courier. All rights reserved.</p>", "<p>Reprinted with permission. All rights reserved.</p>")
    last = _report("text:\n  phrase: All rights reserved\n  max: 0\n  last: 2\n  outside: 'p'\n", ending)
    assert last.notices[0].message.endswith("outside 'p' leaves out the last 2 blocks of the article, so nothing was searched")
    short = _report("text:\n  phrase: Budget\n  scope: headline\n  first: 3\n  outside: 'h1'\n", _ARTICLE)
    assert short.notices[0].message.endswith("outside 'h1' leaves out the 1 block of the headline, so nothing was searched")


@pytest.mark.parametrize(
    ("check", "body", "kind", "failed"),
    [
        # Part of the scope left out: searched as before, the label in the story still found.
        ("outside: 'figcaption'", _ARTICLE, "html", True),
        ("outside: 'div'", _ARTICLE.replace("<article>", "<article><div><p>Intro.</p></div>"), "html", True),
        # A selector matching nothing on this page leaves everything in.
        ("outside: '.no-such-class'", _ARTICLE, "html", True),
        # Text articles keep every block whatever the selector.
        ("outside: '*'", f"Budget\n\n{_STORY[3:-4]}\n\nAll rights reserved.\n", "text", True),
        ("outside: '*'", f"Budget\n\n{_STORY[3:-4]}\n", "text", False),
        # An empty scope (no headline) is decided as before, not said to be left out.
        ("scope: headline\n  outside: '*'", "<p>All rights reserved.</p>", "html", False),
    ],
)
def test_an_outside_that_leaves_something_to_search_decides_as_before(check: str, body: str, kind: str, failed: bool) -> None:
    report = _report(f"text:\n  phrase: All rights reserved\n  ignore-case: true\n  max: 0\n  {check}\n", body, kind)
    assert not [n for n in report.notices if n.code == "undecided"]
    assert bool(report.findings) is failed
    assert bool(report.passed) is not failed


def test_a_detection_marker_whose_outside_leaves_out_everything_does_not_fire() -> None:
    pack = load_pack(
        pack_around("text:\n  phrase: Budget\n")
        + "detect:\n  threshold: 1.0\n  markers:\n    - id: m\n      check:\n        text: {phrase: Budget, outside: 'html'}\n",
        "outside.yaml",
    )
    report = check_document(parse_document(_ARTICLE.encode(), "html"), [pack], path="s.html")
    assert report.packs == ()
    assert [d.markers for d in report.detections] == [()]


@pytest.mark.parametrize(
    ("selector", "element"),
    [
        *[("*", "<html>"), ("html", "<html>"), ("body", "<body>"), (":root", "<html>"), ("article", "<article>"), ("main", "<main>"), (":not(p)", "<html>")],
        *[("figcaption, body", "<body>"), ("BODY", "<body>"), ("html > body", "<body>")],
    ],
)
def test_validation_warns_of_an_outside_that_takes_in_the_whole_story(selector: str, element: str) -> None:
    pack = load_pack(pack_around(f"text:\n  phrase: All rights reserved\n  max: 0\n  outside: '{selector}'\n"), "p.yaml")
    (warning,) = pack.warnings
    assert warning.startswith(f"p.yaml:16:18: warning: rule 'example/rule': outside '{selector}' matches {element}, which holds the whole story")


@pytest.mark.parametrize("selector", ["figcaption", 'figcaption, [class*="caption"]', "div", "p", ".related article", "aside", "article aside"])
def test_validation_is_silent_about_an_outside_that_names_a_part_of_the_story(selector: str) -> None:
    pack = load_pack(pack_around(f"text:\n  phrase: All rights reserved\n  max: 0\n  outside: '{selector}'\n"), "p.yaml")
    assert pack.warnings == ()


def test_the_built_in_packs_outside_selectors_leave_the_story_in() -> None:
    # Validated as a newsroom's own packs are (the built-in ones are compiled on first use).
    packs = load_packs([ROOT / "rules"], builtin=False)
    assert "the-conversation" in {pack.id for pack in packs}
    assert [w for pack in packs for w in pack.warnings if "holds the whole story" in w] == []


def _left_out_by_ancestry(blocks: list[Any], matched: set[Any]) -> list[int]:
    """The blocks a selector's matches hold, read the long way: each block's element and its ancestors."""
    return [b.index for b in blocks if b.element is not None and any(e in matched for e in (b.element, *b.element.iterancestors()))]


@pytest.mark.parametrize("css", ['figcaption, [class*="caption"]', "article", "p", "div div", "li, figure, aside"])
def test_the_blocks_left_out_are_those_inside_what_the_selector_matches(css: str) -> None:
    # `outside_of` reads the blocks inside the matches from the matches down: the same blocks as
    # each block's element and ancestors name, on every sample page and rule fixture.
    from compliance.checks.text import outside_of
    from compliance.patterns import Selector, translate_selector

    selector = Selector(css, translate_selector(css))
    pages = sorted((ROOT / "samples").rglob("*.html")) + sorted((ROOT / "tests" / "rule-fixtures").rglob("*.html"))
    assert pages
    for page in pages:
        doc = parse_document(page.read_bytes(), "html")
        blocks = list(doc.blocks)
        kept = {b.index for b in outside_of(doc, blocks, selector)}
        assert sorted(b.index for b in blocks if b.index not in kept) == _left_out_by_ancestry(blocks, set(doc.select(selector))), page

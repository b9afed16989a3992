"""Plain-text and Markdown articles: runs of link syntax are read as `re.sub` reads them (in
linear time), a wrapper's lines before the story are not its body, and a finding of something
missing never points into the front matter."""

from __future__ import annotations

import random
import re

import pytest

from compliance.api import load_packs
from compliance.document.markdown import _parser
from compliance.document.plaintext import _markdown_line_text
from compliance.engine import check_bytes
from compliance.findings import Report
from compliance.fixes import _plain

_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_LINK = re.compile(r"(?<!!)\[([^\]]+)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)")
_PLAIN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def _line_by_regex(raw: str) -> str:
    text = _LINK.sub(r"\1", _IMAGE.sub("", raw))
    return _EMPHASIS.sub("", _HEADING.sub("", text))


def _plain_by_regex(text: str) -> str:
    import html

    text = html.unescape(re.sub(r"<[^>]*>", "", _PLAIN_LINK.sub(r"\1", text)))
    return " ".join(text.replace("*", " ").replace("_", " ").casefold().split())


HOSTILE = [
    "[" * 3000,
    "[" * 1500 + "x" + "]" * 1500,
    "![" * 1500,
    "](" * 1500,
    "[a](" * 800,
    "[a](b" * 800,
    '[a](b "' * 600,
    "<" * 3000,
    "a <b" * 700 + ">",
    "![x](" + "<" * 2000,
    "[a] (b)" * 400,
]
ORDINARY = [
    'See [the report](https://example.org/r) and ![a chart](c.png "Chart").',
    "![logo](<https://example.org/logo.png>) by [Ana Ruiz](https://example.org/ana)",
    '[a [nested](u) one](v) and [empty]() and [](x) and [spaced]( <y> "t" )',
    "Pro[Publica](http://x) <b>bold</b> &amp; [x](<)",
    '[a](b "unclosed and [c](d)',
]


@pytest.mark.parametrize("text", HOSTILE + ORDINARY)
def test_link_syntax_is_read_as_the_regular_expressions_read_it(text: str) -> None:
    assert _markdown_line_text(text) == _line_by_regex(text)
    assert _plain(text) == _plain_by_regex(text)


def test_random_link_syntax_reads_as_the_regular_expressions_read_it() -> None:
    rng = random.Random(54)
    for _ in range(20_000):
        text = "".join(rng.choice('![]()<> "ab\t') for _ in range(rng.randint(0, 16)))
        assert _markdown_line_text(text) == _line_by_regex(text), text
        assert _plain(text) == _plain_by_regex(text), text


@pytest.mark.parametrize("source", ["[" * 2000 + "\n", "x ![" * 500 + "\n", "[a] [b\n[c](d) [" * 50 + "\n", "![i](j) [k]\n\n[k]: /u\n[" * 20])
def test_markdown_reads_the_same_tokens_when_no_label_can_end(source: str) -> None:
    from markdown_it import MarkdownIt

    plain = MarkdownIt("commonmark")
    ours = [(t.type, t.content) for t in _parser().parse(source) for t in (t.children or [t])]
    theirs = [(t.type, t.content) for t in plain.parse(source) for t in (t.children or [t])]
    assert ours == theirs


def _check(text: str, kind: str) -> Report:
    return check_bytes(text.encode(), kind, load_packs(), path="story." + {"text": "txt", "markdown": "md", "html": "html"}[kind])


CREDIT = "This story was originally published by CalMatters. Sign up for their newsletters."
STORY = [
    "SACRAMENTO — State regulators on Wednesday moved to place a second basin on probation.",
    "The decision means farmers pumping in the subbasin could face state fees next year.",
    "Local agencies said they would appeal the decision in the coming weeks.",
]
WRAPPERS = [
    ["THE DELTA DISPATCH — Weekly newsletter, Dec. 4, 2026", "In this issue: water, schools, and a new bridge."],
    ["Morning Briefing", "Good morning. Today we look at the state's groundwater fight and what it means for you.", "-----"],
    ["You are reading the free edition of our newsletter, which is sent to all our readers every week."],
]


def _credit_finding(report: Report) -> list[str]:
    return [str(f.location) for f in report.findings if f.rule == "calmatters/credit-line"]


@pytest.mark.parametrize("wrapper", WRAPPERS)
@pytest.mark.parametrize("kind", ["text", "markdown"])
def test_a_wrappers_lead_in_before_the_story_is_not_its_body(wrapper: list[str], kind: str) -> None:
    title = "California's groundwater rules face their first real test"
    head = [("## " if kind == "markdown" else "") + title, "By Alejandro Lazo, CalMatters"]
    assert _credit_finding(_check("\n\n".join([*wrapper, *head, CREDIT, *STORY]) + "\n", kind)) == []
    # After the story's first paragraph it is not at the top, wrapper or not.
    assert _credit_finding(_check("\n\n".join([*wrapper, *head, STORY[0], CREDIT, *STORY[1:]]) + "\n", kind)) != []


@pytest.mark.parametrize("wrapper", WRAPPERS)
def test_an_html_newsletter_intro_before_the_headline_is_not_the_body(wrapper: list[str]) -> None:
    paragraphs = "".join(f"<p>{line}</p>" for line in wrapper)
    story = "".join(f"<p>{line}</p>" for line in STORY)
    head = "<h1>Groundwater rules face a test</h1><p>By Alejandro Lazo, CalMatters</p>"
    page = f"<html><body><article>{paragraphs}{head}<p>{CREDIT}</p>{story}</article></body></html>"
    assert _credit_finding(_check(page, "html")) == []


def test_a_credit_after_a_sign_off_byline_is_still_not_at_the_top() -> None:
    text = "\n\n".join(["Groundwater rules face a test", *STORY, CREDIT, "— Alejandro Lazo, CalMatters"]) + "\n"
    assert _credit_finding(_check(text, "text")) != []


FRONT = ['---\ntitle: "Rural hospitals are closing their maternity wards"\ndate: 2026-12-02\n---\n', "---\ntitle: A title\ntags: [a, b]\nextra: 1\n---\n"]


@pytest.mark.parametrize("front", FRONT)
@pytest.mark.parametrize("kind", ["text", "markdown"])
def test_a_missing_item_is_never_placed_in_the_front_matter(front: str, kind: str) -> None:
    body = "\n".join(
        [
            "",
            "When the labor and delivery unit closed in March, mothers in three counties lost the closest place to give birth.",
            "",
            "KFF Health News is a national newsroom that produces in-depth journalism about health issues.",
        ]
    )
    front_lines = front.count("\n")
    report = _check(front + body + "\n", kind)
    assert report.findings
    assert all(f.location.line > front_lines for f in report.findings), [(f.rule, str(f.location)) for f in report.findings]

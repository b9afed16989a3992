"""Every text block, image and link of a Markdown article carries the line of the source where it
is written, whatever construct before it runs across a line break (a code span, a link whose text,
destination or title spans lines, emphasis across a soft break, inline HTML, hard breaks, setext
headings, lazy continuation lines, front matter)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from compliance.api import check_markdown
from compliance.document import Document, parse_document

_PHASES = tuple(phase for phase in Phase if phase is not Phase.explain)
# No example database: nothing is written beside the checkout.
PROPERTY = settings(max_examples=150, deadline=None, database=None, phases=_PHASES)

# Words of Markdown text (w), raw HTML text (h), image alt text (a); link targets (u), titles (t).
WORD = re.compile(r"\b[wha]\d+\b")


def line_of(source: str, needle: str) -> int:
    """The 1-based line where `needle` (unique in the source) is written."""
    match = re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", source)
    assert match is not None, needle
    return source.count("\n", 0, match.start()) + 1


def lines_of_text(doc: Document) -> list[tuple[int, str]]:
    return [(b.line, b.text) for b in doc.blocks]


SPANNING = {
    "code span": ("A `w1\nw2` w3\nw4 here", [(1, "A w1"), (2, "w2 w3"), (3, "w4 here")]),
    "double-backtick code span with its spaces": ("A `` w1\nw2 `` w3\nw4", [(1, "A w1"), (2, "w2 w3"), (3, "w4")]),
    "link text": ("[w1\nw2](/u1) w3\nw4", [(1, "w1"), (2, "w2 w3"), (3, "w4")]),
    "link destination": ("[w1](\n/u1) w2\nw3", [(1, "w1"), (2, "w2"), (3, "w3")]),
    "link title": ('[w1](/u1 "t1\nt2") w2\nw3', [(1, "w1"), (2, "w2"), (3, "w3")]),
    "emphasis across a soft break": ("*w1\nw2* w3\nw4", [(1, "w1"), (2, "w2 w3"), (3, "w4")]),
    "inline HTML tag": ('w1 <span\nclass="c">w2</span> w3\nw4', [(1, "w1"), (2, "w2 w3"), (3, "w4")]),
    "inline HTML element": ("w1 <b>w2\nw3</b> w4\nw5", [(1, "w1 w2"), (2, "w3 w4"), (3, "w5")]),
    "inline HTML comment": ("w1 <!-- c\nd --> w2\nw3", [(1, "w1"), (2, "w2"), (3, "w3")]),
    "image alt text": ("![a1\na2](/u1.png) w1\nw2", [(2, "w1"), (3, "w2")]),
    "hard break with a backslash": ("w1\\\nw2\nw3", [(1, "w1"), (2, "w2"), (3, "w3")]),
    "hard break with two spaces": ("w1  \nw2\nw3", [(1, "w1"), (2, "w2"), (3, "w3")]),
    "setext heading": ("w1\nw2\n===\n\nw3", [(1, "w1"), (2, "w2"), (5, "w3")]),
    "list item with a lazy continuation line": ("- `w1\nw2` w3\nw4\n\nw5", [(1, "w1"), (2, "w2 w3"), (3, "w4"), (5, "w5")]),
    "list item whose text starts on the next line": ("-\n  w1 `w2\n  w3` w4", [(2, "w1 w2"), (3, "w3 w4")]),
    "blockquote with a lazy continuation line": ("> w1 `w2\nw3` w4\n> w5", [(1, "w1 w2"), (2, "w3 w4"), (3, "w5")]),
    "table (a paragraph in CommonMark)": ("| w1 | `w2 |\n| --- | w3` |\n| w4 | w5 |", [(1, "| w1 | w2 |"), (2, "| --- | w3 |"), (3, "| w4 | w5 |")]),
    # The title is the headline a CMS prints above the story, read at its line.
    "front matter": ("---\ntitle: x\n---\nw1 `w2\nw3` w4\nw5", [(2, "x"), (4, "w1 w2"), (5, "w3 w4"), (6, "w5")]),
    "CR LF line breaks": ("A `w1\r\nw2` w3\r\nw4 ![a1](/u1.png)", [(1, "A w1"), (2, "w2 w3"), (3, "w4")]),
    "lone CR line breaks": ("A `w1\rw2` w3\rw4", [(1, "A w1"), (2, "w2 w3"), (3, "w4")]),
    "raw HTML block text after its tag's line": ("<div>\nh1\n</div>\n\nw1", [(2, "h1"), (5, "w1")]),
}


@pytest.mark.parametrize(("source", "expected"), SPANNING.values(), ids=SPANNING.keys())
def test_text_after_a_construct_across_lines_keeps_its_line(source: str, expected: list[tuple[int, str]]) -> None:
    assert lines_of_text(parse_document(source, "markdown")) == expected


def test_images_and_links_after_a_code_span_across_lines_keep_their_lines() -> None:
    source = 'A `w1\nw2` ![a1](/u1.png) [w3](/u2)\n<img src="/u3.png" alt="a2"> <a href="/u4">w4</a>\n[w5](\n/u5) ![a3](/u6.png)'
    doc = parse_document(source, "markdown")
    assert [(i.line, i.alt) for i in doc.images] == [(2, "a1"), (3, "a2"), (5, "a3")]
    assert [(link.line, link.href) for link in doc.links] == [(2, "/u2"), (3, "/u4"), (4, "/u5")]


def test_a_raw_img_whose_attributes_span_lines_is_at_the_line_it_starts() -> None:
    source = 'w1\n\n<p>\n<img\n  src="/u1.png"\n  alt="a1">\n</p>\n\nw2 <img src="/u2.png"\n alt="a2"> w3'
    doc = parse_document(source, "markdown")
    assert [(i.line, i.alt) for i in doc.images] == [(4, "a1"), (9, "a2")]
    assert lines_of_text(doc) == [(1, "w1"), (9, "w2"), (10, "w3")]


def test_the_evidence_for_a_byline_after_a_code_span_across_lines_points_at_its_line() -> None:
    source = (
        "# Officials weigh new approach\n\nThe `plan\nwas` approved on Tuesday.\n"
        "By Jake Smith, Daily Caller News Foundation\n\nThe administration is weighing a new approach.\n"
    )
    report = check_markdown(source, packs=["dcnf"])
    (byline,) = [p for p in report.passed if p.rule == "dcnf/byline"]
    assert byline.location is not None and byline.location.line == 5


# Generated articles: pieces of inline text (some running across a line break) make lines,
# lines make blocks of every kind, each word unique so that its line in the source is known.


@st.composite
def articles(draw: Callable[[Any], Any], *, raw_html: bool = True) -> str:
    counter = iter(range(1, 10_000))

    def word(prefix: str = "w") -> str:
        return f"{prefix}{next(counter)}"

    def piece() -> str:
        kind = draw(st.sampled_from(PIECES if raw_html else MARKDOWN_PIECES))
        return kind(word)

    def line() -> str:
        return " ".join(piece() for _ in range(draw(st.integers(1, 3))))

    def lines(count: int) -> list[str]:
        return [line() for _ in range(count)]

    blocks: list[str] = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(BLOCKS if raw_html else MARKDOWN_BLOCKS))
        blocks.append(kind(lines(draw(st.integers(1, 3))), word))
    front = "---\ntitle: x\nreporter: y\n---\n" if draw(st.booleans()) else ""
    return front + "\n\n".join(blocks) + "\n"


PIECES: list[Callable[[Callable[..., str]], str]] = [
    lambda w: w(),
    lambda w: f"*{w()}*",
    lambda w: f"**{w()} {w()}**",
    lambda w: f"*{w()}\n{w()}*",
    lambda w: f"`{w()}`",
    lambda w: f"`{w()}\n{w()}`",
    lambda w: f"[{w()}](/{w('u')})",
    lambda w: f"[{w()}\n{w()}](/{w('u')})",
    lambda w: f"[{w()}](\n/{w('u')})",
    lambda w: f'[{w()}](/{w("u")} "{w("t")}\n{w("t")}")',
    lambda w: f"![{w('a')}](/{w('u')}.png)",
    lambda w: f"![{w('a')}\n{w('a')}](/{w('u')}.png)",
    lambda w: f'<span class="c">{w()}</span>',
    lambda w: f'<span\nclass="c">{w()}</span>',
    lambda w: f"<b>{w()}\n{w()}</b>",
    lambda w: f'<img alt="{w("a")}"\nsrc="/{w("u")}.png">',
    lambda w: f"{w()}\\\n{w()}",
    lambda w: f"{w()}  \n{w()}",
    lambda w: f"<https://example.com/{w('u')}>",
    lambda w: f"{w()} &amp; {w()}",
]

BLOCKS: list[Callable[[list[str], Callable[..., str]], str]] = [
    lambda lines, w: "\n".join(lines),
    lambda lines, w: f"# {w()} {w()}\n\n" + "\n".join(lines),
    lambda lines, w: "\n".join(lines) + "\n===",
    lambda lines, w: "- " + "\n".join(lines),
    lambda lines, w: "- " + "\n  ".join(lines),
    lambda lines, w: "1. " + "\n".join(lines) + f"\n2. {w()}",
    lambda lines, w: "> " + "\n".join(lines),
    lambda lines, w: "> " + "\n> ".join(lines),
    lambda lines, w: f"```\n{w()}\n{w()} {w()}\n```",
    lambda lines, w: f"    {w()}\n    {w()}",
    lambda lines, w: f"| {w()} | {w()} |\n| --- | --- |\n| {w()} | {w()} |",
    lambda lines, w: f'<div class="box">\n<p>{w("h")} {w("h")}</p>\n<img alt="{w("a")}"\n src="/{w("u")}.png">\n</div>',
]


# Markdown's own syntax only (an HTML comment, which shows and hides nothing, aside).
MARKDOWN_PIECES = [piece for piece in PIECES if "<" not in piece(lambda prefix="w": prefix) or "https" in piece(lambda prefix="w": prefix)] + [
    lambda w: f"![{w('a')}]()",
    lambda w: f"![{w('a')}](data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==)",
    lambda w: f'![{w("a")}](/{w("u")}.png "{w("t")}")',
    lambda w: f"[![{w('a')}](/{w('u')}.png) {w()}](/{w('u')})",
    lambda w: f"[{w()} `{w()}` *{w()}*\\\n{w()} &amp; {w()}](<https://example.com/{w('u')} x>)",
    lambda w: f"[{w()}`{w()}`{w()}](/{w('u')})",
    lambda w: f"[{w()}][{w('r')}]\n\n[{w('r')}]: /{w('u')}",
    lambda w: f"<!-- {w('c')} -->",
]
MARKDOWN_BLOCKS = [block for block in BLOCKS if "<div" not in block(["x"], lambda prefix="w": prefix)] + [lambda lines, w: f"<!-- {w('c')}\n{w('c')} -->"]


@PROPERTY
@given(articles())
def test_each_word_is_reported_at_the_line_where_it_is_written(source: str) -> None:
    doc = parse_document(source, "markdown")
    seen: list[str] = []
    for block in doc.blocks:
        words = WORD.findall(block.text)
        seen.extend(words)
        # Markdown text is one block per source line; raw HTML text one per element, at its first word.
        checked = words if not words or not words[0].startswith("h") else words[:1]
        assert [line_of(source, word) for word in checked] == [block.line] * len(checked), (block, source)
    for image in doc.images:
        first = WORD.findall(image.alt)[0]
        seen.extend(WORD.findall(image.alt))
        assert line_of(source, first) == image.line, (image, source)
    for link in doc.links:
        words = WORD.findall(link.text)
        target = link.href.rsplit("/", 1)[-1]
        expected = line_of(source, words[0]) if words else line_of(source, target)
        assert link.line == expected, (link, source)
    # Nothing was lost on the way: every word written is read (none of them is hidden).
    assert sorted(seen) == sorted(WORD.findall(source))


@PROPERTY
@given(articles(raw_html=False))
def test_markdown_without_raw_html_reads_as_its_rendered_html_does(source: str) -> None:
    """Without raw HTML the images and links are read from the tokens; with any, from the rendered
    HTML: an element that adds nothing (`<div></div>`) must change nothing."""
    alone = parse_document(source, "markdown")
    rendered = parse_document(source + "\n<div></div>\n", "markdown")
    assert alone.items == rendered.items
    assert [(link, link.text) for link in alone.links] == [(link, link.text) for link in rendered.links]

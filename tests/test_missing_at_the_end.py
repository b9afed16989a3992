"""A finding of something missing that belongs at the end of the story (a credit line after the
story, a tagline, a pixel: a rule whose fix goes `where: end`, a `position` or `text` check with
`last: N`) points at the story's end, the block `syndcheck fix` inserts after: in HTML the
article's last block, in Markdown and plain text the body's last line. Not at the front matter's
title line, nor at the article's opening tag. What belongs elsewhere, and what is found in the
wrong place, keeps its own place."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path
from typing import Any

import pytest

from compliance.checks import Context
from compliance.checks.story import end_location, story_end
from compliance.document import DocumentKind, parse_document
from compliance.engine import check_document
from compliance.findings import Location
from compliance.packs import Pack, load_pack
from tests.conftest import write


def _pack_text(rule: str) -> str:
    """A house pack with one rule (its YAML after `- id: house/rule`)."""
    return (
        "id: house\nname: House\npublisher: House\nterms_url: https://example.org/terms\nas_of: 2024-01-01\nsummary: s\nrules:\n"
        "  - id: house/rule\n    severity: error\n    message: Missing.\n    help: Add it.\n"
        + textwrap.indent(textwrap.dedent(rule).strip("\n"), " " * 4)
        + "\n"
    )


def _pack(rule: str) -> Pack:
    return load_pack(_pack_text(rule), "house.yaml")


# The story's end by kind: (source, line of its last body block).
MARKDOWN = (
    "---\ntitle: County approves budget\nauthor: Ana Ruiz\n---\n\n"
    "By Ana Ruiz\n\n"
    "The county board approved the budget on Tuesday after a long debate.\n\n"
    "Commissioners said the new plan keeps the library open on weekends\n"
    "and adds two deputies to the sheriff's office.\n"
)
MARKDOWN_HEADED = (
    "# County approves budget\n\nBy Ana Ruiz\n\nThe county board approved the budget on Tuesday after a long debate.\n\n"
    "## What comes next\n\n- A vote on the school levy in May.\n- A hearing on roads in June.\n\n\n"
)
TEXT = "County approves budget\n\nBy Ana Ruiz\n\nThe county board approved the budget on Tuesday.\nIt keeps the library open on weekends.\n\n"
HTML = (
    "<!doctype html>\n<html><body>\n<header><nav><a href='/'>Home</a></nav></header>\n<article>\n<h1>County approves budget</h1>\n"
    "<p class='byline'>By Ana Ruiz</p>\n<p>The county board approved the budget on Tuesday after a long debate.</p>\n"
    "<p>Commissioners said the new plan keeps the library open\non weekends.</p>\n<h2>Related</h2>\n</article>\n"
    "<footer><p>© 2024 The Gazette</p></footer>\n</body></html>\n"
)
ENDS: list[tuple[DocumentKind, str, int]] = [("markdown", MARKDOWN, 11), ("markdown", MARKDOWN_HEADED, 10), ("text", TEXT, 6), ("html", HTML, 8)]
# The article's start: in Markdown with front matter, the body's first line after it (a finding
# about the article never points into the front matter).
STARTS = {MARKDOWN: 6, MARKDOWN_HEADED: 1, TEXT: 1, HTML: 4}

# Rules whose thing belongs at the end, each another way of saying so.
AT_THE_END = {
    "fix-end": """
        check: {element: {selector: img, attributes: {src: 'counter\\.gif'}, scope: page, visible: any, label: counter pixel}}
        fix:
          insert: after
          where: end
          template: {html: '<img src="https://example.org/counter.gif">', markdown: '<img src="https://example.org/counter.gif">', text: 'Counted.'}
    """,
    "fix-end-text": """
        check: {text: {phrase: Originally published by The Gazette}}
        fix: {insert: after, where: end, template: 'Originally published by The Gazette.'}
    """,
    "position-last": """
        check: {position: {check: {text: {phrase: The Gazette is a nonprofit newsroom}}, last: 2}}
    """,
    "text-last": """
        check: {text: {phrase: Republished under a Creative Commons license, last: 3}}
    """,
    "any-of-links": """
        check: {any: [{link: {href: '^https://gazette\\.example/'}}, {element: {selector: img, attributes: {src: 'counter\\.gif'}, scope: page, visible: any}}]}
        fix: {insert: after, where: end, template: {html: '<p><a href="https://gazette.example/">The Gazette</a></p>', markdown: '[The Gazette](https://gazette.example/)'}}
    """,
}
# Rules whose thing does not belong at the end: they keep pointing at the article's start.
NOT_AT_THE_END = {
    "no-fix": """
        check: {text: {phrase: Originally published by The Gazette}}
    """,
    "fix-body": """
        check: {text: {phrase: Originally published by The Gazette}}
        fix: {insert: before, where: body, template: 'Originally published by The Gazette.'}
    """,
    "position-first": """
        check: {position: {check: {text: {phrase: The Gazette is a nonprofit newsroom}}, first: 2}}
    """,
    "text-first": """
        check: {text: {phrase: Republished under a Creative Commons license, first: 3}}
    """,
    "position-top": """
        check: {position: {check: {text: {phrase: The Gazette is a nonprofit newsroom}}, at: top}}
    """,
}


def _finding_line(kind: DocumentKind, source: str, rule: str) -> Location:
    report = check_document(parse_document(source.encode(), kind), [_pack(rule)], path=f"s.{kind}", auto_detect=False, meta={"medium": "online"})
    (finding,) = report.findings
    return finding.location


@pytest.mark.parametrize(
    ("kind", "source", "last_line", "rule"),
    # A plain-text copy is print: no link back is asked of it.
    [(*end, rule) for end in ENDS for rule in sorted(AT_THE_END) if not (rule == "any-of-links" and end[0] == "text")],
)
def test_a_missing_thing_that_belongs_at_the_end_points_at_the_storys_end(kind: DocumentKind, source: str, last_line: int, rule: str) -> None:
    location = _finding_line(kind, source, AT_THE_END[rule])
    assert location.line == last_line
    assert location.line != STARTS[source]


@pytest.mark.parametrize(("kind", "source", "last_line"), ENDS, ids=["markdown", "markdown-heading-last", "text", "html"])
@pytest.mark.parametrize("rule", sorted(NOT_AT_THE_END))
def test_what_does_not_belong_at_the_end_keeps_the_articles_start(kind: DocumentKind, source: str, last_line: int, rule: str) -> None:
    assert _finding_line(kind, source, NOT_AT_THE_END[rule]).line == STARTS[source] != last_line


def test_a_thing_found_outside_the_last_blocks_is_pointed_at_where_it_is() -> None:
    # Not missing but misplaced: the editor is shown the one to move.
    source = MARKDOWN.replace("By Ana Ruiz\n", "By Ana Ruiz\n\nThe Gazette is a nonprofit newsroom covering the county.\n")
    assert _finding_line("markdown", source, AT_THE_END["position-last"]).line == 8


@pytest.mark.parametrize(("kind", "source", "last_line"), ENDS, ids=["markdown", "markdown-heading-last", "text", "html"])
def test_the_finding_and_the_fix_share_one_answer(kind: DocumentKind, source: str, last_line: int) -> None:
    doc = parse_document(source.encode(), kind)
    end = story_end(doc)
    assert end is not None and doc.locate(end) == end_location(doc)
    assert end_location(doc).line == last_line
    # The block the fix shows is marked right after that block (the HTML report's "Paste this after
    # the end"), and `fix` inserts after that line.
    from compliance.fixes import _block_location, _Values, place_fix

    report = check_document(doc, [_pack(AT_THE_END["fix-end-text"])], path=f"s.{kind}", auto_detect=False)
    (finding,) = report.findings
    assert finding.location == doc.locate(end)
    assert finding.fix is not None and finding.fix.location == _block_location(doc, end, "after")

    pack = _pack(AT_THE_END["fix-end-text"])
    fix = pack.rules[0].fix
    assert fix is not None
    placed = place_fix(fix, doc, _Values({}, None), Context(doc))
    assert not isinstance(placed, str)
    inserted_after_line = doc.lines_source.count("\n", 0, placed[0]) + 1
    block_ends = last_line + (1 if kind == "html" and "on weekends.</p>" in source else 0)
    # Right after the block's line, or after the blank lines that follow it (the block then
    # takes their place rather than adding one more).
    assert inserted_after_line >= block_ends
    assert all(not line.strip() for line in doc.lines_source.splitlines()[block_ends : inserted_after_line - 1])


def test_an_article_without_a_paragraph_points_at_its_start() -> None:
    doc = parse_document(b"<!doctype html>\n<html><body>\n<article>\n<h1>Only a headline</h1>\n</article></body></html>\n", "html")
    assert story_end(doc) is None
    assert end_location(doc) == doc.article_location


def test_the_shipped_packs_point_at_the_end(cli: Any, tmp_path: Path) -> None:
    # ProPublica's pixel (a fix `where: end`) in a Markdown copy with front matter: the body's
    # last line, not the title line; KFF Health News' tagline (`position` `last: 1`) likewise.
    copy = write(
        tmp_path,
        "copy.md",
        "---\ntitle: Welds\nauthor: Hollis Brandt\n---\n\nBy Hollis Brandt, ProPublica\n\n"
        "This story was originally published by [ProPublica](https://www.propublica.org/article/welds).\n\n"
        "On the morning of March 14, a weld inspector signed off on 41 welds\nalong a new natural gas line, records show.\n",
    )
    (entry,) = cli("check", "--pack", "propublica", "--format", "json", str(copy)).json()["files"]
    assert [(f["rule"], f["line"]) for f in entry["findings"]] == [("propublica/pixel", 11)]
    kff = write(
        tmp_path,
        "kff.md",
        "---\ntitle: Rural Hospitals\nauthor: Tomás Ferreira, KFF Health News\n---\n\nBy Tomás Ferreira, KFF Health News\n\n"
        "*This story was originally published by [KFF Health News](https://kffhealthnews.org/news/article/rural-hospitals/).*\n\n"
        "When Kayla Brewer went into labor, the hospital near her house had stopped delivering babies.\n\n"
        '"I was timing contractions and watching the mile markers," said Brewer, who is 27 years old.\n',
    )
    (entry,) = cli("check", "--pack", "kff-health-news", "--format", "json", str(kff)).json()["files"]
    assert ("kff-health-news/tagline", 12) in [(f["rule"], f["line"]) for f in entry["findings"]]


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "sarif", "github", "gitlab", "junit"])
def test_every_format_gives_the_end_line(cli: Any, tmp_path: Path, fmt: str) -> None:
    pack = write(tmp_path, "house.yaml", _pack_text(AT_THE_END["fix-end"]))
    story = write(tmp_path, "story.md", MARKDOWN)
    out = cli("check", "--rules", str(pack), "--pack", "house", "--format", fmt, str(story)).out
    shown = {
        "text": "  11:1     error   house/rule",
        "concise": "story.md:11:1: error house/rule",
        "github": ",line=11,col=1,title=house/rule",
        "junit": 'name="house/rule" file="' + str(story) + '" line="11"',
    }
    if fmt in shown:
        assert shown[fmt] in out
    elif fmt == "json":
        (finding,) = json.loads(out)["files"][0]["findings"]
        assert (finding["line"], finding["column"]) == (11, 1)
    elif fmt == "sarif":
        (result,) = json.loads(out)["runs"][0]["results"]
        assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 11, "startColumn": 1}
    else:
        (issue,) = json.loads(out)
        assert issue["location"]["lines"]["begin"] == 11


# The Texas Tribune's copies, with the site's navigation before the story: (kind, source, the
# story's last line). The boilerplate the guidelines ask to end the story with belongs after it.
_TT_NAV = "".join(f"- [Section {n}](https://example.org/s{n})\n" for n in range(1, 6))
_TT_STORY = [
    (
        "text",
        "Menu item 1\nMenu item 2\n\nWater rates rise\n\nBy Dana Whitlock, The Texas Tribune\n\nThe district voted on Monday.\n\nBoard members agreed.\n",
        10,
    ),
    ("markdown", _TT_NAV + "\n# Water rates rise\n\nBy Dana Whitlock, The Texas Tribune\n\nThe district voted on Monday.\n\nBoard members agreed.\n", 13),
    (
        "html",
        "<html><body><header><nav><ul>\n<li><a href='/a'>Section A</a></li>\n<li><a href='/b'>Section B</a></li>\n</ul></nav></header>\n"
        "<div class='content'>\n<h2>Water rates rise</h2>\n<p>by Dana Whitlock, The Texas Tribune</p>\n<p>The district voted on Monday.</p>\n"
        "<p>Board members agreed.</p>\n</div></body></html>\n",
        9,
    ),
]


@pytest.mark.parametrize(("kind", "source", "last_line"), _TT_STORY, ids=[k for k, _, _ in _TT_STORY])
def test_the_tribunes_missing_boilerplate_points_at_the_storys_end(kind: DocumentKind, source: str, last_line: int) -> None:
    from compliance.loading import load_packs

    packs = [p for p in load_packs() if p.id == "texas-tribune"]
    report = check_document(parse_document(source.encode(), kind), packs, path=f"story.{kind}", auto_detect=False)
    (finding,) = [f for f in report.findings if f.rule == "texas-tribune/boilerplate"]
    assert finding.location == Location(last_line, 1)


# What a rule's help asks to end the story with: "End the story with …", "When possible, end the
# story with …".
_ENDS_THE_STORY = re.compile(r"(?:^|[.:;]\s+|possible,\s+)end the story with\b", re.IGNORECASE)


def test_every_shipped_rule_that_asks_to_end_the_story_points_at_its_end() -> None:
    # A `position` check with `last: N` places what is missing itself; a plain `text` or other
    # check needs `missing-at: end` (or a fix `where: end`), or it points at the article's start.
    from compliance.loading import load_packs

    asking = []
    for pack in load_packs():
        for rule in pack.rules:
            if not _ENDS_THE_STORY.search(" ".join((rule.help or "").split())):
                continue
            asking.append(rule.id)
            placed = rule.missing_at == "end" or (rule.fix is not None and rule.fix.where == "end")
            assert placed or (rule.check.kind == "position" and rule.check.params.last is not None), rule.id
    assert {"texas-tribune/boilerplate", "kff-health-news/tagline", "republication-tracker/attribution"} <= set(asking)


@pytest.mark.parametrize(
    ("limit", "said"),
    [
        ("last: 1", "within the last block of the article"),
        ("last: 3", "within the last 3 blocks of the article"),
        ("first: 1", "within the first block of the article"),
    ],
)
def test_a_thing_in_the_wrong_place_says_where_it_must_be_in_words(limit: str, said: str) -> None:
    # "the last block", not "the last 1 blocks".
    pack = _pack(f"check:\n  position:\n    check:\n      text: {{pattern: 'Tagline here'}}\n    {limit}\n")
    source = "<article><h1>T</h1><p>One.</p><p>Two.</p><p>Three.</p><p>Four.</p><p>Five.</p><p>Six.</p></article>"
    placed = "<p>Tagline here.</p>"
    text = source.replace("<p>Four.", placed + "<p>Four.") if limit.startswith("last") else source.replace("<p>Six.", placed + "<p>Six.")
    doc = parse_document(text.encode(), "html")
    (finding,) = check_document(doc, [pack], auto_detect=False, path="story.html").findings
    assert finding.detail.endswith(f"it must be {said}"), finding.detail

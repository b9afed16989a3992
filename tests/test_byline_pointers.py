"""When the article has no byline, the "no visible byline" detail points at a byline the page
holds elsewhere (an author box in a sidebar, a line after the article) and says why it was not
read; and, for a CMS payload that sent only a field of people (`authors`), that the field names
the reporter to credit, not a printed byline. Another story's byline, a reader's comment and a
card's byline are pointed at by nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from compliance.api import check_html

LOGO = '<img src="https://dailycallernewsfoundation.org/wp-content/uploads/2019/01/dcnf-logo.png" alt="Daily Caller News Foundation logo">'
LICENSE = (
    "All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available without"
    " charge to any legitimate news publisher. Contact licensing@dailycallernewsfoundation.org."
)
BODY = "".join(f"<p>Paragraph {n} says what the officials said about the plan and what it would cost the county next year.</p>" for n in range(3))
NONE = "no visible byline found in the article"


def _detail(after: str) -> str:
    page = f"<html><body>\n<main><article>\n<h1>Farm bill advances</h1>{LOGO}\n{BODY}<p>{LICENSE}</p></article>\n{after}\n</main></body></html>"
    (finding,) = [f for f in check_html(page, packs=["dcnf"]).findings if f.rule == "dcnf/byline"]
    assert finding.detail is not None
    return finding.detail


@pytest.mark.parametrize(
    ("after", "quoted", "where"),
    [
        (
            '<aside class="sidebar"><div class="author-box"><p class="byline">By Jake Smith, Daily Caller News Foundation</p></div></aside>',
            "'By Jake Smith, Daily Caller News Foundation' (line 5)",
            '<aside class="sidebar">, page chrome outside the story',
        ),
        # An author's name in author markup, without "By", in a sidebar widget.
        (
            '<div class="widget-area" role="complementary"><div class="author-name">Ana Ruiz</div></div>',
            "'Ana Ruiz' (line 5)",
            '<div class="widget-area">, page chrome outside the story',
        ),
        # A byline in another language after the article, in no chrome.
        (
            '<div class="post-meta"><p>Por Ana Ruiz, Daily Caller News Foundation</p></div>',
            "'Por Ana Ruiz, Daily Caller News Foundation' (line 5)",
            "the page outside the story",
        ),
    ],
)
def test_a_byline_outside_the_article_is_pointed_at(after: str, quoted: str, where: str) -> None:
    assert _detail(after) == (
        f"{NONE}; {quoted} reads as a byline but is in {where}: readers may not take it for the story's byline; put the byline in the story, under its headline"
    )


@pytest.mark.parametrize(
    "after",
    [
        # A reader's comment.
        '<div id="comments"><h3>Comments</h3><div class="comment"><p class="comment-author">By Jake Smith</p><p>Great story</p></div></div>',
        # Cards of other stories: in a list, or with a heading of their own.
        '<section class="related"><ul><li><a href="/a">Budget vote delayed</a><p class="byline">By Ana Ruiz</p></li></ul></section>',
        '<div class="card"><h3><a href="/b">Senate passes defense bill</a></h3><p class="byline">By Ana Ruiz</p></div>',
        # The next story an infinite-scroll theme appends: its own headline beside its byline.
        f'<div class="next-story"><h1>Senate passes defense bill</h1><p class="byline">By Ana Ruiz</p>{BODY}</div>',
        # A line after the article that names nobody.
        '<aside class="sidebar"><p class="byline">By Staff</p></aside>',
    ],
)
def test_another_storys_or_a_readers_byline_is_pointed_at_by_nothing(after: str) -> None:
    assert _detail(after) == NONE


def _payload(tmp_path: Path, **fields: Any) -> Path:
    html = f"{LOGO}{BODY}<p>{LICENSE}</p>"
    path = tmp_path / "cms.jsonl"
    path.write_text(json.dumps({"id": "s1", "content": html, **fields}) + "\n", encoding="utf-8")
    return path


def _messages(cli: Any, path: Path) -> dict[str, str]:
    entry = cli("check", "--input-kind", "cms-json", "--pack", "dcnf", "--format", "json", str(path)).json()["files"][0]
    return {f["rule"]: f["detail"] for f in entry["findings"]}


@pytest.mark.parametrize(
    ("field", "value"),
    [("authors", [{"display_name": "Jake Smith"}]), ("authors", ["Jake Smith", "Ana Ruiz"]), ("author", "Jake Smith"), ("reporters", [{"name": "Jake Smith"}])],
)
def test_a_payloads_field_of_people_is_named_as_the_reporter_not_a_byline(cli: Any, tmp_path: Path, field: str, value: Any) -> None:
    details = _messages(cli, _payload(tmp_path, **{field: value}))
    assert details["dcnf/byline"] == (
        f"{NONE}; the payload field '{field}' is read as the reporter to credit, not as a byline the page prints:"
        ' send the byline as printed in a \'byline\' field ("byline": "By NAME, OUTLET")'
    )
    assert details["dcnf/original-reporter"].startswith(f"the reporter given (payload field '{field}') is Jake Smith")


def test_a_payload_with_a_byline_field_or_the_reporter_key_gets_no_field_note(cli: Any, tmp_path: Path) -> None:
    with_byline = _messages(cli, _payload(tmp_path, authors=["Jake Smith"], byline="By Jake Smith, Daily Caller News Foundation"))
    assert "dcnf/byline" not in with_byline and "dcnf/original-reporter" not in with_byline
    # Sent under the key rules read: called by it, as --meta reporter= is.
    as_reporter = _messages(cli, _payload(tmp_path, reporter="Jake Smith"))
    assert as_reporter["dcnf/byline"] == NONE
    assert as_reporter["dcnf/original-reporter"].startswith("the reporter given ('reporter' metadata) is Jake Smith")


def _detail_of_top(top: str) -> str:
    page = f"<html><body>\n<main><article>\n<h1>Farm bill advances</h1>{LOGO}\n{top}\n{BODY}<p>{LICENSE}</p></article>\n</main></body></html>"
    (finding,) = [f for f in check_html(page, packs=["dcnf"]).findings if f.rule == "dcnf/byline"]
    assert finding.detail is not None
    return finding.detail


# A byline-shaped line refused for its length: found, and too long, not missing. Each: the line
# as written (by its opener or its byline markup), and how it begins in the detail.
OVERLONG = [
    ("<p>By " + "Jake" * 2000 + " Smith</p>", "byline 'By JakeJake"),
    ("<p>" + " ".join(f"Reporting by Ana Ruiz{n} and photos by Tom Li{n}." for n in range(40)) + "</p>", "byline 'Reporting by Ana Ruiz0"),
    ('<p class="byline">' + "; ".join(f"Words: Ana Ruiz{n}" for n in range(100)) + "</p>", "byline 'Words: Ana Ruiz0"),
    ('<div class="author-box"><span>' + " and ".join(f"Ana Ruiz{n}" for n in range(60)) + "</span></div>", "byline 'Ana Ruiz0"),
    ("<p>Por " + " y ".join(f"Ana Ruiz{n}" for n in range(60)) + "</p>", "byline 'Por Ana Ruiz0"),
]


@pytest.mark.parametrize(("top", "begins"), OVERLONG)
def test_a_byline_too_long_to_be_one_is_found_and_said_too_long(top: str, begins: str) -> None:
    detail = _detail_of_top(top)
    assert detail.startswith(begins), detail
    assert "(line 4) is too long to be a byline:" in detail
    assert "characters, where one runs to 320 at most" in detail
    assert NONE not in detail


@pytest.mark.parametrize(
    "top",
    [
        # A paragraph of prose that mentions "by" is no byline, however long.
        "<p>" + "The plan was drafted by the committee and approved by the board after a long debate. " * 8 + "</p>",
        # A short byline-shaped line that names no one is "no visible byline", as before.
        "",
    ],
)
def test_a_long_paragraph_of_prose_is_no_overlong_byline(top: str) -> None:
    assert _detail_of_top(top).startswith(NONE)


def test_the_documented_overlong_byline_reads_as_documented() -> None:
    from tests.conftest import ROOT

    doc = " ".join((ROOT / "docs" / "check-kinds.md").read_text(encoding="utf-8").split())
    said = doc.split('says it "', 1)[1].split('"', 1)[0]
    assert said == "is too long to be a byline"
    assert f"(line 4) {said}:" in _detail_of_top("<p>By " + "Ana" * 400 + " Ruiz</p>")

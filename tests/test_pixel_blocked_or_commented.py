"""A publisher's pixel or counter that is on the page but never loads as written is named with its
line and what stops it, never called missing with advice to paste it again: a script whose type no
browser runs, or whose address a loader not known by name keeps in a `data-*` attribute (WP
Meteor's `type="javascript/blocked" data-wpmeteor-src=…`), and a tag inside an HTML comment. The
verdict stays the rule's error, and `fix` leaves it, saying why; a pixel that loads still passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.api import check_html
from compliance.findings import Finding, Report

STORY = (
    "<p>On a hot afternoon, the difference between a street lined with mature oaks and one with bare pavement can be"
    " more than 10 degrees Fahrenheit at ground level, researchers found.</p>"
)
PROPUBLICA_BODY = (
    "<h1>County Jails Let Sick Inmates Wait Days for a Doctor</h1>"
    '<p class="byline">By Mara Ellison, ProPublica</p>'
    '<p><em>This story was originally published by <a href="https://www.propublica.org/article/county-jails">ProPublica</a>.</em></p>' + STORY
)
CONVERSATION_BODY = (
    "<h1>Why urban trees cool some neighborhoods more than others</h1>"
    '<p class="byline">Ines Marlowe, <em>University of Lakeshore</em></p>'
    + STORY
    + '<p>This article is republished from <a href="https://theconversation.com">'
    'The Conversation</a> under a <a href="https://creativecommons.org/licenses/by-nd/4.0/">Creative Commons license</a>. '
    'Read the <a href="https://theconversation.com/why-urban-trees-cool-231845">original article</a>.</p>'
)
PIXEL = "https://pixel.propublica.org/pixel.js"
COUNTER = "https://counter.theconversation.com/content/231845/count.gif?distributor=republish-lightbox-basic"


def _page(body: str, tag: str) -> str:
    # The tag stands on line 3 of the page.
    return f"<!doctype html><html><head><title>t</title></head><body><article>{body}\n\n{tag}\n</article></body></html>"


def _findings(report: Report, rule: str) -> list[Finding]:
    return [f for f in report.findings if f.rule == rule]


REWRITTEN_PIXELS = [
    # WP Meteor
    (f'<script type="javascript/blocked" data-wpmeteor-src="{PIXEL}" async></script>', ['type="javascript/blocked"', "data-wpmeteor-src"]),
    # an address only in a data attribute a loader reads, the type left runnable
    (f'<script async data-src="{PIXEL}"></script>', ["keeps its address only in data-src"]),
    ('<script defer data-lazy-script="//pixel.propublica.org/pixel.js"></script>', ["data-lazy-script"]),
    # a type no browser runs, with no consent manager named, its address in src
    (f'<script type="text/plain" async src="{PIXEL}"></script>', ['type="text/plain", which browsers do not run']),
    (f'<script type="text/x-delayed" data-delay-src="{PIXEL}"></script>', ['type="text/x-delayed"', "data-delay-src"]),
]


@pytest.mark.parametrize(("tag", "said"), REWRITTEN_PIXELS)
def test_a_pixel_a_loader_rewrote_is_named_with_its_line_and_what_stops_it(tag: str, said: list[str]) -> None:
    (finding,) = _findings(check_html(_page(PROPUBLICA_BODY, tag), packs=["propublica"]), "propublica/pixel")
    assert finding.message.startswith("The ProPublica tracking script (pixel.propublica.org/pixel.js) at line 3 is on the page but ")
    assert all(words in finding.message for words in said), finding.message
    assert "missing" not in finding.message and "Paste" not in finding.help
    assert "give it back the plain src and type" in finding.help
    assert finding.severity.label == "error" and finding.location.line == 3 and finding.fix is None and finding.held_back == "loader"


def test_a_counter_image_a_loader_rewrote_is_named_too() -> None:
    tag = f'<img data-wpmeteor-src="{COUNTER}" alt="The Conversation" width="1" height="1">'
    (finding,) = _findings(check_html(_page(CONVERSATION_BODY, tag), packs=["the-conversation"]), "the-conversation/counter")
    assert "at line 3 is on the page but keeps its address only in data-wpmeteor-src" in finding.message
    assert finding.held_back == "loader"


COMMENTED = [
    (f'<!-- <script async src="{PIXEL}"></script> -->', 3),
    (f'<!--\nProPublica pixel, off for now\n<script src="{PIXEL}" async></script>\n-->', 5),
    (f'<!--<script type="rocketlazyloadscript" data-rocket-src="{PIXEL}"></script>-->', 3),
]


@pytest.mark.parametrize(("tag", "line"), COMMENTED)
def test_a_pixel_in_a_comment_is_named_commented_out_at_its_line(tag: str, line: int) -> None:
    (finding,) = _findings(check_html(_page(PROPUBLICA_BODY, tag), packs=["propublica"]), "propublica/pixel")
    assert f"is commented out at line {line} " in finding.message, finding.message
    assert "missing" not in finding.message and "take out the comment's <!-- and -->" in finding.help
    assert finding.severity.label == "error" and finding.location.line == line and finding.held_back == "comment"


def test_a_counter_in_a_comment_is_named_commented_out() -> None:
    tag = f'<!-- <img src="{COUNTER}" alt="The Conversation" width="1" height="1"> -->'
    (finding,) = _findings(check_html(_page(CONVERSATION_BODY, tag), packs=["the-conversation"]), "the-conversation/counter")
    assert "is commented out at line 3" in finding.message


PASSING = [
    f'<script async src="{PIXEL}"></script>',
    f'<script type="module" src="{PIXEL}"></script>',
    f'<script type="text/javascript" data-cfasync="false" src="{PIXEL}"></script>',
    # a comment beside the pixel that loads is nothing
    f'<!-- ProPublica pixel: <script src="{PIXEL}"> below -->\n<script async src="{PIXEL}"></script>',
]


@pytest.mark.parametrize("tag", PASSING)
def test_a_pixel_that_loads_still_passes(tag: str) -> None:
    assert not _findings(check_html(_page(PROPUBLICA_BODY, tag), packs=["propublica"]), "propublica/pixel")


MISSING = [
    "",
    # another host's script, in a comment or rewritten, is not ProPublica's pixel
    '<!-- <script src="https://pixel.propublica.org.evil.example/pixel.js"></script> -->',
    '<script type="javascript/blocked" data-wpmeteor-src="https://example.com/pixel.js"></script>',
    # the address in a JSON block's text is data, not a tag
    f'<script type="application/json">{{"src":"{PIXEL}"}}</script>',
    # a comment that names the pixel in words holds no tag
    f"<!-- add {PIXEL} here -->",
]


@pytest.mark.parametrize("tag", MISSING)
def test_no_tag_of_the_pixel_is_still_missing(tag: str) -> None:
    (finding,) = _findings(check_html(_page(PROPUBLICA_BODY, tag), packs=["propublica"]), "propublica/pixel")
    assert "is missing from the page" in finding.message and not finding.held_back


@pytest.mark.parametrize(("tag", "reason"), [(REWRITTEN_PIXELS[0][0], "rewritten by a plugin"), (COMMENTED[0][0], "inside an HTML comment")])
def test_fix_leaves_it_and_says_why(tag: str, reason: str) -> None:
    from compliance.engine import CheckSettings
    from compliance.fixes import plan_fixes
    from compliance.loading import load_packs

    packs = [pack for pack in load_packs() if pack.id == "propublica"]
    plan = plan_fixes(_page(PROPUBLICA_BODY, tag).encode(), "html", CheckSettings(packs=packs, path="story.html", auto_detect=False))
    (unfixed,) = [u for u in plan.unfixed if u.rule == "propublica/pixel"]
    assert reason in unfixed.reason and plan.fixed == plan.original


def test_the_readme_examples_are_what_the_checker_reports() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    tag = readme.split("```html loader-held\n", 1)[1].split("\n```", 1)[0]
    shown = readme.split("```text loader-held\n", 1)[1].split("\n```", 1)[0]
    section = readme.split("```text loader-held\n", 1)[1].split("\n\n", 1)[1].split("\n\n", 1)[0]
    commented = section.split("`", 2)[1]
    said = " ".join(section.split('as "', 1)[1].rsplit('"', 1)[0].split())
    head = "<!doctype html>\n<html>\n<head><title>t</title></head>\n<body>\n<article>\n" + PROPUBLICA_BODY + "\n\n\n"
    finding = _findings(check_html(head + tag + "\n</article></body></html>", packs=["propublica"]), "propublica/pixel")[0]
    assert shown.split(maxsplit=2) == [finding.severity.label, finding.rule, finding.message]
    finding = _findings(check_html(head + commented + "\n</article></body></html>", packs=["propublica"]), "propublica/pixel")[0]
    assert finding.message == said


def test_a_logo_in_a_comment_is_missing_and_fix_puts_one_in() -> None:
    # A logo readers see is no tag counted twice: the finding is the missing logo's, which fix mends.
    from compliance.engine import CheckSettings
    from compliance.fixes import plan_fixes
    from compliance.loading import load_packs

    logo = "https://dailycallernewsfoundation.org/wp-content/uploads/2021/05/dcnf-logo.png"
    page = (
        "<article>\n<h1>Officials weigh new approach</h1>\n"
        f'<!-- <img src="{logo}" alt="Daily Caller News Foundation logo"> -->\n'
        '<p class="byline">By Jake Smith, Daily Caller News Foundation</p>\n'
        "<p>The administration is weighing a new approach, officials said on Wednesday.</p>\n</article>\n"
    )
    (finding,) = _findings(check_html(page, packs=["dcnf"]), "dcnf/logo")
    assert "missing" in finding.message and not finding.held_back
    packs = [pack for pack in load_packs() if pack.id == "dcnf"]
    settings = CheckSettings(packs=packs, path="story.html", auto_detect=False, meta={"logo-url": logo})
    plan = plan_fixes(page.encode(), "html", settings)
    assert any(edit.rule == "dcnf/logo" for edit in plan.edits) and not plan.unfixed

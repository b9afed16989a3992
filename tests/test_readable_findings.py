"""Findings an editor can read: `why:` lines in words, never a pack's regex or CSS selector."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from compliance.checks.base import Check
from compliance.describe import describe_pattern, describe_selector
from compliance.loading import load_packs
from compliance.patterns import Pattern, Selector

# Spellings that occur in regexes and selectors and not in an editor's sentence.
_REGEX_SYNTAX = re.compile(r"\\[sSbBdDwW.]|\(\?|\[\^|\.\*|\.\+|\]\*|\)\?|\)\*|\{\{|\w\|\w|\^\(|\$'|:not\(|\[\w+[~|^$*]?=")


def _sources(value: Any) -> Iterator[str]:
    """Every regex source and CSS selector inside a check's parameters."""
    if isinstance(value, Check):
        yield from _sources(value.params)
    elif isinstance(value, Pattern):
        yield value.source
        yield value.regex_text
    elif isinstance(value, Selector):
        yield value.css
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _sources(item)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            yield from _sources(getattr(value, name))


def _pack_syntax() -> set[str]:
    found = set()
    for pack in load_packs():
        for rule in pack.rules:
            for source in _sources(rule.check):
                # One-word selectors ("img") and phrases are ordinary words; what an editor must not
                # see is the written syntax.
                if len(source) > 3 and not re.fullmatch(r"[\w ]+", source):
                    found.add(source)
    return found


def test_no_why_line_of_the_samples_shows_a_regex_or_selector(cli: Any) -> None:
    run = cli("check", "--no-color", "samples/")
    why = [line.strip() for line in run.out.splitlines() if line.strip().startswith("why:")]
    assert len(why) >= 20, "the samples should produce many explained findings"
    syntax = _pack_syntax()
    offending = [line for line in why if _REGEX_SYNTAX.search(line) or any(source in line for source in syntax)]
    assert offending == []


def test_passed_prohibitions_read_as_absences_and_ok_lines_follow_the_article(cli: Any) -> None:
    run = cli("check", "--no-color", "samples/calmatters/compliant-wordpress.html")
    ok = [line.split() for line in run.out.splitlines() if "  ok  " in line]
    wire = next(line for line in run.out.splitlines() if "common/wire-photo" in line)
    assert wire.endswith("common/wire-photo  no wire or stock photo credit (Getty Images, AP, AFP, Reuters, Shutterstock, iStock) in the article")
    assert "satisfied" not in run.out
    # An absence has no place ("-"); what was found is listed where it is, top to bottom.
    assert wire.startswith("  -        ok      ")
    positions = [tuple(int(n) for n in fields[0].split(":")) for fields in ok if fields[0] != "-"]
    assert len(positions) == 5
    assert positions == sorted(positions)


def test_messages_about_a_place_explain_what_was_found_elsewhere(cli: Any) -> None:
    findings = cli("check", "--format", "json", "samples/global-voices/credit-at-bottom.html", "samples/calmatters/credit-line-missing-amp.html").json()
    details = {f["rule"]: f["detail"] for file in findings["files"] for f in file["findings"]}
    # The credit line's link at the bottom (line 142); the link at line 137 cites another story.
    expected = r'.* is at line 142, after the story\'s body begins \(line 128, "On the first .*"\): it must come before the first paragraph of the story'
    assert re.fullmatch(expected, details["creative-commons/source-link"])
    assert details["calmatters/credit-line"].endswith("anywhere in the article, outside photo captions")


def test_near_explains_both_places_and_the_required_layout(cli: Any) -> None:
    finding = cli("check", "--format", "json", "samples/dcnf/no-affiliation.html").json()["files"][0]["findings"][0]
    assert finding["detail"] == (
        "the DCNF logo (line 147) and the byline 'By Jake Smith' (line 126) are 19 blocks apart; the DCNF logo must be within 1 block of the byline"
    )


@pytest.mark.parametrize(
    ("regex", "reading"),
    [
        (r"This\s+story\s+was\s+originally\s+published\s+by\s+ProPublica\b", '"This story was originally published by ProPublica"'),
        (r"(This (story|commentary) was originally published by CalMatters)", '"This story was originally published by CalMatters"'),
        (r"((KFF Health News|Kaiser Health News|KHN))", '"KFF Health News", "Kaiser Health News" or "KHN"'),
        (r"^https?://(?:www\.)?propublica\.org/article/", '"https://propublica.org/article/"'),
        (r"not\s+subject\s+to\s+ProPublica's\s+Creative\s+Commons\s+licen[cs]e\s+until", '"not subject to ProPublica\'s Creative Commons licence until"'),
        (r"^\s*{{meta.reporter}}\s*$", '"{{meta.reporter}}"'),
        # A name that may go without its space reads as its owner writes it, in one word; a word
        # boundary before optional space is no letter of the name.
        (r"Cal\s*Matters", '"CalMatters"'),
        (r"(?:Cal\s*Matters|KHN)\s+logo", '"CalMatters logo"'),
        (r"\bKHN\b\s*logo", '"KHN logo"'),
        # No plain reading: the caller says so in words instead of showing the regex.
        (r"(?:Getty\s+Images|\bAFP\b)(?:[^.()\n]{0,80}?(?:Getty\s+Images|\bAFP\b))*", ""),
        (r"[A-Z][a-z]+\d{2,}", ""),
    ],
)
def test_patterns_are_described_as_the_text_they_look_for(regex: str, reading: str) -> None:
    assert describe_pattern(regex) == reading


@pytest.mark.parametrize(
    ("regex", "site", "reading"),
    [
        # An optional `www.` is kept where the publisher's site (its terms_url) writes it...
        (r"^https?://(?:www\.)?propublica\.org/article/", "www.propublica.org", '"https://www.propublica.org/article/"'),
        (r"^https?://(?:www\.)?example\.org/news/", "www.example.org", '"https://www.example.org/news/"'),
        # ...and left out where it does not, or before another host.
        (r"^https?://(?:www\.)?kffhealthnews\.org/news/", "kffhealthnews.org", '"https://kffhealthnews.org/news/"'),
        (r"^https?://(?:www\.)?kffhealthnews\.org/news/", "www.propublica.org", '"https://kffhealthnews.org/news/"'),
    ],
)
def test_an_address_is_described_as_the_publisher_writes_its_host(regex: str, site: str, reading: str) -> None:
    assert describe_pattern(regex, site) == reading


def test_a_finding_shows_the_address_the_help_and_fix_write(cli: Any, tmp_path: Path) -> None:
    # The detail quoted "https://propublica.org/article/" while the help and fix write the
    # publisher's "https://www.propublica.org/article/...".
    story = tmp_path / "story.md"
    credit = "This story was originally published by [ProPublica](https://www.propublica.org/)."
    story.write_text(f"# Welds\n\nBy Pat Doe, ProPublica\n\n{credit}\n\nFirst paragraph.\n", encoding="utf-8")
    findings = cli("check", "--pack", "propublica", "--format", "json", str(story)).json()["files"][0]["findings"]
    finding = next(f for f in findings if f["rule"] == "creative-commons/source-link")
    assert finding["detail"].startswith('no visible link to "https://www.propublica.org/article/" in the article')
    assert "https://www.propublica.org/article/" in finding["help"]


@pytest.mark.parametrize(
    ("css", "reading"),
    [
        ("img, amp-img", "image"),
        ("img, amp-img, amp-pixel, script", "image, tracking pixel or script"),
        ("p.byline", 'paragraph with class "byline"'),
        ("#republication-tracker-tool-source", 'element with id "republication-tracker-tool-source"'),
        ("article > p:first-child", "element the rule describes by a selector"),
        # A comma inside an attribute value or a pseudo-class's brackets does not split the group.
        ('img[alt="Logo, DCNF"], amp-img', "image with the attributes the rule names or image"),
        ("img:not(.ad, .promo)", "element the rule describes by a selector"),
        (":is(img, amp-img", "element the rule describes by a selector"),
    ],
)
def test_selectors_are_described_as_the_elements_they_look_for(css: str, reading: str) -> None:
    assert describe_selector(css) == reading


def test_the_documented_label_example_replaces_the_generated_description(tmp_path: Any, cli: Any) -> None:
    doc = (Path(__file__).parent.parent / "docs" / "rule-packs.md").read_text(encoding="utf-8")
    example = next(block for block in re.findall(r"```yaml\n(.*?)```", doc, re.DOTALL) if "id: gazette-labels" in block)
    pack = tmp_path / "gazette.yaml"
    pack.write_text(example, encoding="utf-8")
    story = tmp_path / "story.html"
    story.write_text("<article><p>By Ana Ruiz</p><p>This story first appeared in the Example Gazette.</p></article>", encoding="utf-8")
    run = cli("check", "--no-color", "--explain-detection", "--rules", str(pack), str(story))
    assert "why: no visible Gazette logo in the article" in run.out
    assert "(credit: the Gazette's credit line)" in run.out
    assert "why: no visible Gazette logo in the article" in doc


def _leaves(check: Check) -> Iterator[Check]:
    params = check.params
    if check.kind in ("any", "all"):
        for child in params:
            yield from _leaves(child)
    elif check.kind == "not":
        yield from _leaves(params)
    elif check.kind == "near":
        yield from _leaves(params.a)
        yield from _leaves(params.b)
    elif check.kind == "position":
        yield from _leaves(params.check)
    else:
        yield check


def test_the_built_in_packs_label_every_marker_and_describe_every_rule_check_in_words() -> None:
    from compliance.checks.base import describe_check

    packs = load_packs()
    assert [(p.id, m.id) for p in packs for m in p.markers if not m.label] == []
    neutral = [
        f"{rule.id} ({leaf.origin}:{leaf.line})"
        for pack in packs
        for rule in pack.rules
        for top in (rule.check, rule.when)
        if top is not None
        for leaf in _leaves(top)
        if "the rule describes by" in describe_check(leaf)
    ]
    assert neutral == []


@pytest.mark.parametrize("where", ["moved", "removed"])
def test_a_misplaced_and_a_missing_credit_line_say_which_in_the_message(cli: Any, tmp_path: Path, where: str) -> None:
    # The message is the one line that concise, GitHub and JUnit output show: it must tell a
    # credit line at the bottom from none at all.
    base = (Path(__file__).parent / "rule-fixtures" / "propublica" / "credit-line-at-bottom.html").read_text(encoding="utf-8")
    if where == "removed":
        base = re.sub(r"<p><em>This story was originally published by .*?</p>", "", base)
    story = tmp_path / "story.html"
    story.write_text(base, encoding="utf-8")
    (finding,) = [f for f in cli("check", "--format", "json", str(story)).json()["files"][0]["findings"] if f["rule"] == "propublica/credit-line"]
    expected = "no ProPublica credit line anywhere" if where == "removed" else "after the story's body begins"
    assert finding["message"].startswith('The credit line "This story was originally published by ProPublica." must be at the top of the story (')
    assert expected in finding["message"]

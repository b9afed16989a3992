"""A block to paste (and `syndcheck fix`) carries the link the publisher's terms ask for: where a
credit line must link to the original, the block links it when the original's URL is known (given
as metadata, as the original to compare with, or read from the original's canonical link, else
the page's own link back as the checks read it, which `fix`'s note names),
attribute-escaped; when it is not, the block holds `[ORIGINAL URL]` and says plainly that the
editor must fill it in, and `fix` writes no block with a made-up address."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from compliance.document import DocumentKind, parse_document
from compliance.engine import CheckSettings, check_bytes
from compliance.findings import FixBlock
from compliance.fixes import plan_fixes
from compliance.packfiles import load_packs
from tests.conftest import ROOT, SAMPLES

PACKS = load_packs()
PROPUBLICA = [p for p in PACKS if p.id == "propublica"]
URL = "https://www.propublica.org/article/pipeline-weld-inspections-records"
ORIGINAL = SAMPLES / "originals" / "propublica-original.html"
COPIES: dict[DocumentKind, bytes] = {
    "html": b"<html><body><article><h1>Welds</h1><p>By Pat Doe, ProPublica</p><p>First.</p><p>Second.</p></article></body></html>",
    "markdown": b"# Welds\n\nBy Pat Doe, ProPublica\n\nFirst paragraph.\n\nSecond paragraph.\n",
    "text": b"Welds\n\nBy Pat Doe, ProPublica\n\nFirst paragraph.\n\nSecond paragraph.\n",
}
LINKED = {
    "html": f'<p>This story was originally published by <a href="{URL}">ProPublica</a>.</p>',
    "markdown": f"This story was originally published by [ProPublica]({URL}).",
}


def _original(wanted: str) -> Any:
    del wanted
    return parse_document(ORIGINAL.read_bytes(), "html")


def credit_block(kind: DocumentKind, meta: dict[str, str], **given: Any) -> FixBlock:
    report = check_bytes(COPIES[kind], kind, PROPUBLICA, path=f"copy.{kind}", auto_detect=False, meta={"medium": "online", **meta}, **given)
    (finding,) = [f for f in report.findings if f.rule == "propublica/credit-line"]
    assert finding.fix is not None
    return finding.fix


# Every way the original's address is known: the metadata CMS payloads and the page give, the
# command line's, the original to compare with (its URL), an original file whose canonical link names it.
KNOWN = [
    ({"original_url": URL}, {}),
    ({"original-url": URL}, {}),
    ({"original": URL}, {"load_original": _original}),
    ({"original": "propublica-original.html"}, {"load_original": _original}),
]


@pytest.mark.parametrize("kind", ["html", "markdown"])
@pytest.mark.parametrize(("meta", "given"), KNOWN)
def test_the_credit_line_block_links_propublica_to_the_original_when_its_url_is_known(kind: DocumentKind, meta: dict[str, str], given: dict[str, Any]) -> None:
    block = credit_block(kind, meta, **given)
    assert block.text == LINKED[kind]
    assert block.fill_in == ()


@pytest.mark.parametrize("kind", ["html", "markdown"])
def test_without_the_url_the_block_holds_a_placeholder_and_says_to_fill_it_in(kind: DocumentKind) -> None:
    block = credit_block(kind, {})
    assert block.text == LINKED[kind].replace(URL, "[ORIGINAL URL]")
    (said,) = block.fill_in
    assert said.startswith("Replace [ORIGINAL URL] with the original story's URL before pasting, or give it and check again: --meta original-url=URL")


@pytest.mark.parametrize(
    ("meta", "said"),
    [
        ({"logo-url": ""}, "Replace [LOGO URL] with the logo URL before pasting, or give it and check again: the original story with its image"),
        ({"reporter": ""}, "Replace [REPORTER] with the reporter's name before pasting, or give it and check again: the original story (--original FILE)"),
    ],
)
def test_every_value_not_known_is_said_in_words_below_its_block(meta: dict[str, str], said: str) -> None:
    page = b"<html><body><article><h1>Rates rise</h1><p>Insurers raised rates.</p><p>More.</p></article></body></html>"
    dcnf = [p for p in PACKS if p.id == "dcnf"]
    report = check_bytes(page, "html", dcnf, path="s.html", auto_detect=False, meta=meta)
    fill_in = [line for f in report.findings if f.fix is not None for line in f.fix.fill_in]
    assert any(line.startswith(said) for line in fill_in), fill_in


def test_a_printed_copy_gets_the_credit_line_as_printed_without_a_link() -> None:
    # A plain-text copy is print, which takes no link: the line as ProPublica words it, nothing to fill in.
    for meta in ({}, {"original_url": URL}):
        block = credit_block("text", meta)
        assert block.text == "This story was originally published by ProPublica."
        assert block.fill_in == ()


@pytest.mark.parametrize(
    ("url", "written"),
    [
        (
            'https://www.propublica.org/article/x?a=1&b="><script>alert(1)</script>',
            "https://www.propublica.org/article/x?a=1&amp;b=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;",
        ),
        ("https://www.propublica.org/article/x?q='1'", "https://www.propublica.org/article/x?q=&#x27;1&#x27;"),
    ],
)
def test_the_address_is_attribute_escaped(url: str, written: str) -> None:
    assert credit_block("html", {"original_url": url}).text == f'<p>This story was originally published by <a href="{written}">ProPublica</a>.</p>'


@pytest.mark.parametrize(
    ("unsafe", "encoded"),
    [
        ("\u202e", "%E2%80%AE"),  # right-to-left override: the address would read reversed
        ("\u2066", "%E2%81%A6"),  # left-to-right isolate
        ("\u202d", "%E2%80%AD"),  # left-to-right override
    ],
)
@pytest.mark.parametrize("kind", ["html", "markdown"])
def test_an_invisible_or_bidi_character_in_the_address_is_percent_encoded(kind: DocumentKind, unsafe: str, encoded: str) -> None:
    # Shown as an escape (`\u202e`), the block would paste those six characters; encoded, it pastes the same address.
    block = credit_block(kind, {"original_url": f"{URL}-{unsafe}x"})
    assert f"{URL}-{encoded}x" in block.text
    assert unsafe not in block.text


@pytest.mark.parametrize("kind", ["html", "markdown"])
@pytest.mark.parametrize("url", [URL, f"{URL}?s=caf\u00e9", "https://www.propublica.org/article/\u65e5\u672c"])
def test_an_address_without_such_characters_is_written_as_given(kind: DocumentKind, url: str) -> None:
    assert url in credit_block(kind, {"original_url": url}).text


def test_fix_writes_the_encoded_address_into_the_file() -> None:
    settings = CheckSettings(packs=PROPUBLICA, path="s.md", meta={"medium": "online", "original_url": f"{URL}\u202e"}, auto_detect=False)
    plan = plan_fixes(COPIES["markdown"], "markdown", settings)
    assert f"({URL}%E2%80%AE)".encode() in plan.fixed
    assert "\u202e".encode() not in plan.fixed


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://www.propublica.org/x", "/article/x"])
def test_an_address_that_is_no_http_url_is_not_linked(url: str) -> None:
    # A CMS payload's or metadata file's value is not refused up front: the block keeps the placeholder.
    assert "[ORIGINAL URL]" in credit_block("html", {"original_url": url}).text


def test_the_html_report_says_the_placeholder_in_words(cli: Any, tmp_path: Path) -> None:
    copy = tmp_path / "copy.md"
    copy.write_bytes(COPIES["markdown"])
    run = cli("check", "--pack", "propublica", "--format", "html", str(copy))
    assert run.code == 1
    assert "This story was originally published by [ProPublica]([ORIGINAL URL])." in run.out
    assert re.search(
        r'<p class="fill">Replace \[ORIGINAL URL\] with the original story&#x27;s URL before pasting, or give it and check again: [^<]*\.</p>', run.out
    )
    given = cli("check", "--pack", "propublica", "--format", "html", "--meta", f"original-url={URL}", str(copy))
    assert f"This story was originally published by [ProPublica]({URL})." in given.out and 'class="fill"' not in given.out


# -- `syndcheck fix` --


@pytest.mark.parametrize("kind", ["html", "markdown"])
def test_fix_links_the_credit_line_and_adds_no_second_link_back(kind: DocumentKind) -> None:
    plan = plan_fixes(COPIES[kind], kind, CheckSettings(packs=PROPUBLICA, path=f"s.{kind}", auto_detect=False, meta={"original-url": URL}))
    assert [e.rule for e in plan.edits] == ["propublica/credit-line", "propublica/pixel"]
    assert plan.edits[0].text.strip() == LINKED[kind]
    assert {f.rule for f in plan.after.findings} & {"propublica/credit-line", "creative-commons/source-link"} == set()


@pytest.mark.parametrize("kind", ["html", "markdown"])
def test_fix_without_the_url_writes_no_made_up_link_and_says_what_to_give(kind: DocumentKind) -> None:
    plan = plan_fixes(COPIES[kind], kind, CheckSettings(packs=PROPUBLICA, path=f"s.{kind}", auto_detect=False))
    assert [e.rule for e in plan.edits] == ["propublica/pixel"]
    assert b"[ORIGINAL URL]" not in plan.fixed
    reasons = {u.rule: u.reason for u in plan.unfixed}
    assert reasons["propublica/credit-line"].startswith("needs the original story's URL: give --meta original-url=URL")


def test_fix_of_a_printed_copy_still_inserts_the_credit_line() -> None:
    plan = plan_fixes(COPIES["text"], "text", CheckSettings(packs=PROPUBLICA, path="s.txt", auto_detect=False))
    assert [e.text.strip() for e in plan.edits if e.rule == "propublica/credit-line"] == ["This story was originally published by ProPublica."]


def test_a_link_back_is_still_added_to_a_copy_whose_credit_line_is_already_there_unlinked() -> None:
    copy = b"# Welds\n\nBy Pat Doe, ProPublica\n\nThis story was originally published by ProPublica.\n\nFirst paragraph.\n\nSecond.\n"
    plan = plan_fixes(copy, "markdown", CheckSettings(packs=PROPUBLICA, path="s.md", auto_detect=False, meta={"original-url": URL}))
    assert [e.rule for e in plan.edits] == ["creative-commons/source-link", "propublica/pixel"]
    assert plan.edits[0].text.strip() == f"Read the original story on [ProPublica]({URL})."


def test_blocks_that_each_satisfy_their_own_rule_are_all_kept() -> None:
    # The byline, the linked credit line and the pixel: none makes another needless; only the separate link back is.
    page = b"<html><body><article><h1>Welds</h1><p>First.</p><p>Second.</p></article></body></html>"
    plan = plan_fixes(page, "html", CheckSettings(packs=PROPUBLICA, path="s.html", auto_detect=False, meta={"reporter": "Pat Doe", "original-url": URL}))
    assert [e.rule for e in plan.edits] == ["creative-commons/author", "propublica/credit-line", "propublica/pixel"]
    assert {f.rule for f in plan.after.findings} == {"propublica/original-in-head"}


# -- every pack: a block whose rule asks for a link to the original carries it --


def _link_rules() -> list[tuple[str, str, str]]:
    rows = []
    for path in sorted((ROOT / "rules").glob("*.yaml")):
        for pack in [p for p in PACKS if p.id == path.stem]:
            for rule in pack.rules:
                if rule.fix is None or not re.search(r"\blink\b[^.]*\bto the original\b", rule.help, re.IGNORECASE):
                    continue
                rows += [(rule.id, syntax, template) for syntax, template in rule.fix.templates if syntax in ("html", "markdown")]
    return rows


def test_some_fix_blocks_must_link_to_the_original() -> None:
    assert {rule for rule, *_ in _link_rules()} >= {"propublica/credit-line", "creative-commons/source-link"}


@pytest.mark.parametrize(("rule", "syntax", "template"), _link_rules())
def test_a_fix_whose_rule_asks_for_a_link_to_the_original_links_to_it(rule: str, syntax: str, template: str) -> None:
    link = r'<a href="\{original-url\}">' if syntax == "html" else r"\]\(\{original-url\}\)"
    assert re.search(link, template), (rule, syntax, template)


# -- the original's address from the page's own link back --

_BODY = "<p>By Pat Doe, ProPublica</p><p>Inspectors signed off on 41 welds along the line, records show.</p><p>Second paragraph of it.</p>"
_PIXEL = '<script async src="https://pixel.propublica.org/pixel.js"></script>'


def _propublica_page(after_story: str, head: str = "") -> bytes:
    return f"<html><head>{head}</head><body><article><h1>Welds</h1>{_BODY}{after_story}{_PIXEL}</article></body></html>".encode()


# ProPublica pages that link the original back (as its link-back rule reads it: a visible link to
# a ProPublica story) where no address of it is given, and how the note names the link.
PROPUBLICA_LINKED_BACK = {
    "a misplaced credit line": (
        f'<p>This story was originally published by <a href="{URL}">ProPublica</a>.</p>',
        f'<a href="{URL}">ProPublica</a> at line 1',
    ),
    "a misplaced credit line in other markup": (
        f'<div class="credit"><em>This story was originally published by <a href="{URL}?utm_source=x">ProPublica</a>.</em></div>',
        f'<a href="{URL}?utm_source=x">ProPublica</a> at line 1',
    ),
    "a link in the story's last words": (f'<p>Read <a href="{URL}">the full investigation</a>.</p>', f'<a href="{URL}">the full investigation</a> at line 1'),
}


@pytest.mark.parametrize("page", list(PROPUBLICA_LINKED_BACK), ids=list(PROPUBLICA_LINKED_BACK))
def test_fix_takes_the_originals_address_from_the_pages_own_link_back_and_says_so(page: str) -> None:
    after_story, named = PROPUBLICA_LINKED_BACK[page]
    plan = plan_fixes(_propublica_page(after_story), "html", CheckSettings(packs=PROPUBLICA, path="s.html", auto_detect=False))
    assert [u.rule for u in plan.unfixed] == []
    (credit,) = [e for e in plan.edits if e.rule == "propublica/credit-line" and e.text]
    assert credit.note.endswith(f"the original's address is the one the page links back to: {named}")
    assert "propublica/credit-line" not in {f.rule for f in plan.after.findings}


def test_an_address_given_is_written_before_the_pages_link_back_and_needs_no_note() -> None:
    page = _propublica_page(f'<p>Read <a href="{URL}-on-the-page">the full investigation</a>.</p>')
    plan = plan_fixes(page, "html", CheckSettings(packs=PROPUBLICA, path="s.html", auto_detect=False, meta={"original-url": URL}))
    (credit,) = [e for e in plan.edits if e.rule == "propublica/credit-line"]
    assert f'href="{URL}"' in credit.text and credit.note == ""


@pytest.mark.parametrize(
    ("after_story", "head"),
    [
        ('<p>More from <a href="https://www.propublica.org/">ProPublica</a>.</p>', ""),  # the publisher's home page, no story
        ('<p>Get <a href="https://www.propublica.org/newsletters/the-big-story">our newsletter</a>.</p>', ""),
        (f'<p>More from <a href="{URL}" hidden>ProPublica</a>.</p>', ""),  # a link no reader sees is no link back
        # A canonical link names the original only when it is the publisher's story
        # (tests/test_fix_original_from_head.py): the republisher's own page is not.
        ("", '<link rel="canonical" href="https://news.example/pipeline-welds">'),
    ],
)
def test_a_page_without_a_link_back_to_a_story_still_asks_for_the_address(after_story: str, head: str) -> None:
    plan = plan_fixes(_propublica_page(after_story, head), "html", CheckSettings(packs=PROPUBLICA, path="s.html", auto_detect=False))
    reasons = {u.rule: u.reason for u in plan.unfixed}
    assert reasons["propublica/credit-line"].startswith("needs the original story's URL")


def test_the_block_to_paste_links_the_pages_own_link_back() -> None:
    # The HTML report's block and `fix` read the address from the same place.
    page = _propublica_page(f'<p>Read <a href="{URL}">the full investigation</a>.</p>')
    report = check_bytes(page, "html", PROPUBLICA, path="s.html", auto_detect=False, meta={"medium": "online"})
    (finding,) = [f for f in report.findings if f.rule == "propublica/credit-line"]
    assert finding.fix is not None and finding.fix.text == LINKED["html"] and finding.fix.fill_in == ()


CONVERSATION = [p for p in PACKS if p.id == "the-conversation"]
_TC_URL = "https://theconversation.com/why-glaciers-retreat-987654"
_TC_CREDIT = '<p>This article is republished from <a href="https://theconversation.com">The Conversation</a> under a Creative Commons license.'
# The Conversation's pages whose link back names the article (as its counter-article rule reads
# it), the counter missing: the counter's article id is the number that ends that address.
CONVERSATION_LINKED_BACK = {
    "read the original article": ("", f' Read the <a href="{_TC_URL}">original article</a>.</p>', f'<a href="{_TC_URL}">original article</a> at line 1'),
    "the canonical link": (f'<link rel="canonical" href="{_TC_URL}">', "</p>", f'<link rel="canonical" href="{_TC_URL}">'),
    "the syndication-source link": (f'<meta name="syndication-source" content="{_TC_URL}">', "</p>", f'<meta name="syndication-source" content="{_TC_URL}">'),
}


@pytest.mark.parametrize("page", list(CONVERSATION_LINKED_BACK), ids=list(CONVERSATION_LINKED_BACK))
def test_fix_reads_the_counters_article_id_from_the_pages_link_back(page: str) -> None:
    head, credit_end, named = CONVERSATION_LINKED_BACK[page]
    html = (
        f"<html><head>{head}</head><body><article><h1>Why glaciers retreat</h1><p>By Aiko Tanaka, Hokkaido University</p>"
        f"<p>Glaciers in the Alps lost a tenth of their ice in two summers.</p>{_TC_CREDIT}{credit_end}</article></body></html>"
    )
    plan = plan_fixes(html.encode(), "html", CheckSettings(packs=CONVERSATION, path="s.html", auto_detect=False))
    (counter,) = [e for e in plan.edits if e.rule == "the-conversation/counter"]
    assert "counter.theconversation.com/content/987654/count.gif" in counter.text
    assert counter.note == f"the original's address is the one the page links back to: {named}"
    assert "the-conversation/counter" not in {f.rule for f in plan.after.findings}

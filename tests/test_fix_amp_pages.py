"""`syndcheck fix` on an AMP page writes AMP markup: the AMP HTML spec refuses `<img>`, a custom
`<script>` and `!important` in a `style` attribute (the validator rejects the page, AMP caches drop
it, and a counter or pixel then never loads). A fix's `amp` template is its block there; a fix
with none whose HTML block AMP refuses is not applied and says why. Pages that only look like AMP
(a `lang` or `class` that says "amp", a link to the AMP version) keep the HTML block."""

from __future__ import annotations

import pytest

from compliance.engine import CheckSettings
from compliance.errors import PackError
from compliance.fixes import plan_fixes
from compliance.packfiles import load_packs
from compliance.packs import load_pack

PACKS = load_packs()
CONVERSATION = [p for p in PACKS if p.id == "the-conversation"]
DCNF = [p for p in PACKS if p.id == "dcnf"]
ARTICLE_URL = "https://theconversation.com/why-glaciers-retreat-987654"


def _conversation_copy(html_tag: str, head: str = "") -> bytes:
    return (
        f'<!doctype html>\n{html_tag}<head><meta charset="utf-8"><title>Glaciers</title>{head}</head>\n<body><article>\n'
        "<h1>Why glaciers retreat</h1>\n"
        '<p class="byline">By Aiko Tanaka, Hokkaido University</p>\n'
        "<p>Glaciers in the Alps lost a tenth of their ice in two summers.</p>\n"
        "<p>Warmer nights leave no time for the snow to refreeze.</p>\n"
        '<p>This article is republished from <a href="https://theconversation.com">The Conversation</a> under a Creative Commons license.'
        f' Read the <a href="{ARTICLE_URL}">original article</a>.</p>\n'
        "</article></body></html>\n"
    ).encode()


def _counter_edit(page: bytes) -> str:
    plan = plan_fixes(page, "html", CheckSettings(packs=CONVERSATION, path="copy.html", auto_detect=False, meta={"original-url": ARTICLE_URL}))
    (edit,) = [e for e in plan.edits if e.rule == "the-conversation/counter"]
    assert "the-conversation/counter" not in {f.rule for f in plan.after.findings}
    return edit.text.strip()


@pytest.mark.parametrize("html_tag", ['<html ⚡ lang="en">', "<html amp>", '<html lang="fr" AMP>', "<html ⚡=''>"])
def test_an_amp_page_gets_the_counter_as_an_amp_pixel(html_tag: str) -> None:
    block = _counter_edit(_conversation_copy(html_tag))
    assert block == (
        '<amp-pixel src="https://counter.theconversation.com/content/987654/count.gif?distributor=republish-lightbox-basic" layout="nodisplay"></amp-pixel>'
    )


@pytest.mark.parametrize(
    ("html_tag", "head"),
    [
        ('<html lang="amp">', ""),
        ('<html class="amp no-js">', ""),
        ("<html data-amp>", ""),
        ('<html lang="en">', '<link rel="amphtml" href="https://riverside.example/glaciers/amp/">'),
    ],
)
def test_a_page_that_only_mentions_amp_keeps_the_html_counter(html_tag: str, head: str) -> None:
    block = _counter_edit(_conversation_copy(html_tag, head))
    assert block.startswith('<img src="https://counter.theconversation.com/content/987654/count.gif?')
    assert "!important" in block


def test_an_amp_page_gets_the_dcnf_logo_as_an_amp_img_with_its_size() -> None:
    page = (
        b'<html amp lang="en"><head><meta charset="utf-8"><title>Rates</title></head><body><article>\n'
        b"<h1>Fed holds rates</h1>\n"
        b'<p class="byline">By Jake Smith, Daily Caller News Foundation</p>\n'
        b"<p>The Federal Reserve left rates unchanged on Wednesday.</p>\n"
        b"<p>All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available without charge.</p>\n"
        b"</article></body></html>\n"
    )
    meta = {"logo-url": "https://dailycallernewsfoundation.org/wp-content/uploads/2019/01/dcnf-logo.png"}
    plan = plan_fixes(page, "html", CheckSettings(packs=DCNF, path="copy.html", auto_detect=False, meta=meta))
    (edit,) = [e for e in plan.edits if e.rule == "dcnf/logo"]
    assert edit.text.strip() == (
        '<p><amp-img src="https://dailycallernewsfoundation.org/wp-content/uploads/2019/01/dcnf-logo.png"'
        ' alt="Daily Caller News Foundation logo" width="300" height="60" layout="intrinsic"></amp-img></p>'
    )
    assert not {"dcnf/logo", "dcnf/affiliation"} & {f.rule for f in plan.after.findings}


PACK = """id: gazette
name: Gazette
publisher: Example Gazette
terms_url: https://gazette.example/terms
as_of: 2024-01-01
summary: test
rules:
  - id: gazette/beacon
    severity: error
    message: m
    help: h
    check: {{element: {{selector: 'img, amp-img, amp-pixel', attributes: {{src: 'beacon\\.gazette\\.example'}}, scope: page, visible: any}}}}
    fix:
      insert: after
      where: end
      template:
        html: '{html}'
"""


def test_a_fix_without_an_amp_template_is_not_put_on_an_amp_page_and_says_why() -> None:
    pack = load_pack(PACK.format(html='<img src="https://beacon.gazette.example/b.gif" alt="">'), "gazette.yaml")
    page = b"<html amp><body><article><h1>Budget</h1><p>The council met.</p><p>It voted.</p></article></body></html>"
    plan = plan_fixes(page, "html", CheckSettings(packs=[pack], path="copy.html", auto_detect=False))
    assert plan.edits == ()
    (unfixed,) = plan.unfixed
    assert unfixed.reason == "this is an AMP page, which does not take the fix's '<img', and the fix has no amp template"
    # The same page without the attribute is an ordinary page: the block goes in.
    plain = plan_fixes(page.replace(b" amp", b""), "html", CheckSettings(packs=[pack], path="copy.html", auto_detect=False))
    assert [e.rule for e in plain.edits] == ["gazette/beacon"]


def test_an_html_block_amp_takes_needs_no_amp_template() -> None:
    # A paragraph with a link is valid AMP as written.
    pack = load_pack(
        PACK.format(html='<p><a href="https://gazette.example">Gazette</a> <amp-pixel src="https://beacon.gazette.example/b.gif"></amp-pixel></p>'),
        "gazette.yaml",
    )
    page = b"<html \xe2\x9a\xa1><body><article><h1>Budget</h1><p>The council met.</p><p>It voted.</p></article></body></html>"
    plan = plan_fixes(page, "html", CheckSettings(packs=[pack], path="copy.html", auto_detect=False))
    assert [e.rule for e in plan.edits] == ["gazette/beacon"]


@pytest.mark.parametrize("amp", ['<img src="x.gif">', '<amp-img src="x.png" style="color: red !important">', '<script async src="x.js"></script>'])
def test_an_amp_template_amp_would_refuse_is_a_pack_error(amp: str) -> None:
    pack = PACK.format(html="<p>x</p>") + f"        amp: '{amp}'\n"
    with pytest.raises(PackError) as caught:
        load_pack(pack, "gazette.yaml")
    assert "the amp template of 'fix' holds" in str(caught.value)
    assert "which an AMP page does not take" in str(caught.value)

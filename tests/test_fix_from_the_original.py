"""`syndcheck fix` with the original story given: the line a rule requires (KFF Health News'
tagline) is the original's own, its words and links as the original prints them, in the copy's
syntax; the pack's template only without an original."""

from __future__ import annotations

from typing import Any

import pytest

from compliance.document import DocumentKind, parse_document
from compliance.fixes import fix_block, plan_fixes
from compliance.packfiles import load_packs
from tests.conftest import settings_with_original

PACKS = {pack.id: pack for pack in load_packs()}
KFF = [PACKS["creative-commons"], PACKS["kff-health-news"]]
# Without an original, the reporter the byline fix writes.
REPORTER = {"reporter": "Priya Raman"}
KFF_URL = "https://kffhealthnews.org/news/article/clinics-close-rural-counties/"
STORY = [
    "Three clinics closed this spring, leaving families an hour from care.",
    "Hospital leaders said they could not recruit enough nurses to staff the clinics.",
]
# The tagline as KFF Health News prints it today, with its two links, and an older original's.
TAGLINE_NOW = (
    '<a href="https://kffhealthnews.org">KFF Health News</a> is a national newsroom that produces in-depth journalism about health'
    ' issues and is one of the core operating programs at <a href="https://www.kff.org">KFF</a>—an independent source of health'
    " policy research, polling, and journalism."
)
TAGLINE_OLDER = (
    '<em><a href="/about-us/">Kaiser Health News</a> is a nonprofit news service covering health issues. It is an editorially'
    ' independent program of the <a href="https://www.kff.org">Kaiser Family Foundation</a>.</em>'
)
TEMPLATE = "KFF Health News is a national newsroom that produces in-depth journalism about health issues."


def _kff_original(tagline: str) -> str:
    return (
        f'<html><head><link rel="canonical" href="{KFF_URL}"><meta property="og:site_name" content="KFF Health News"></head>'
        "<body><article><h1>Clinics close in rural counties</h1>"
        '<p class="byline">By Priya Raman, KFF Health News</p>' + "".join(f"<p>{p}</p>" for p in STORY) + f"<p>{tagline}</p></article></body></html>"
    )


def _kff_copy(kind: DocumentKind) -> str:
    if kind == "html":
        return (
            "<html><body><article>\n<h1>Clinics close in rural counties</h1>\n"
            '<p class="byline">By Priya Raman, KFF Health News</p>\n'
            + "".join(f"<p>{p}</p>\n" for p in STORY)
            + f'<p>This article was originally published by <a href="{KFF_URL}">KFF Health News</a>.</p>\n'
            "</article></body></html>\n"
        )
    return "# Clinics close in rural counties\n\nBy Priya Raman, KFF Health News\n\n" + "".join(f"{p}\n\n" for p in STORY)


def _inserted(plan: Any, rule: str) -> str:
    return "".join(edit.text for edit in plan.edits if edit.rule == rule).strip()


@pytest.mark.parametrize(
    ("tagline", "html_block", "markdown_block"),
    [
        (
            TAGLINE_NOW,
            f"<p>{TAGLINE_NOW}</p>",
            "[KFF Health News](https://kffhealthnews.org) is a national newsroom that produces in-depth journalism about health issues and"
            " is one of the core operating programs at [KFF](https://www.kff.org)—an independent source of health policy research, polling,"
            " and journalism.",
        ),
        (
            # An older original: its emphasis kept, its link to its own about page made absolute.
            TAGLINE_OLDER,
            '<p><em><a href="https://kffhealthnews.org/about-us/">Kaiser Health News</a> is a nonprofit news service covering health issues.'
            ' It is an editorially independent program of the <a href="https://www.kff.org">Kaiser Family Foundation</a>.</em></p>',
            "*[Kaiser Health News](https://kffhealthnews.org/about-us/) is a nonprofit news service covering health issues. It is an"
            " editorially independent program of the [Kaiser Family Foundation](https://www.kff.org).*",
        ),
    ],
)
def test_the_tagline_put_in_is_the_originals_with_its_links(tagline: str, html_block: str, markdown_block: str) -> None:
    for kind, block in (("html", html_block), ("markdown", markdown_block)):
        plan = plan_fixes(_kff_copy(kind).encode(), kind, settings_with_original(KFF, kind, _kff_original(tagline), meta=REPORTER))
        assert _inserted(plan, "kff-health-news/tagline") == block, kind
        left = {f.rule for f in plan.after.findings}
        assert "kff-health-news/tagline" not in left
        # The original's text and every link of it: nothing for fidelity or the links to find.
        assert not left & {"kff-health-news/fidelity", "kff-health-news/original-links"}, plan.after.findings


def test_a_text_copy_gets_the_originals_words() -> None:
    plan = plan_fixes(_kff_copy("text").encode(), "text", settings_with_original(KFF, "text", _kff_original(TAGLINE_NOW), meta=REPORTER))
    assert _inserted(plan, "kff-health-news/tagline") == (
        "KFF Health News is a national newsroom that produces in-depth journalism about health issues and is one of the core"
        " operating programs at KFF—an independent source of health policy research, polling, and journalism."
    )


def test_without_an_original_the_packs_template_is_written() -> None:
    plan = plan_fixes(_kff_copy("html").encode(), "html", settings_with_original(KFF, "html", None, meta=REPORTER))
    assert _inserted(plan, "kff-health-news/tagline") == f"<p>{TEMPLATE}</p>"


def test_an_original_without_the_tagline_leaves_the_template() -> None:
    original = _kff_original("Contact the reporter at priya@example.org.")
    plan = plan_fixes(_kff_copy("html").encode(), "html", settings_with_original(KFF, "html", original, meta=REPORTER))
    assert _inserted(plan, "kff-health-news/tagline") == f"<p>{TEMPLATE}</p>"


def test_the_originals_markup_is_not_copied_beyond_words_links_and_emphasis() -> None:
    hostile = (
        '<a href="javascript:alert(1)" onclick="steal()">KFF Health News</a> is a national newsroom that produces in-depth journalism'
        ' about health issues<script>alert(2)</script> and is one of the core operating programs at <a href="https://www.kff.org"'
        ' style="color:red">KFF &lt;b&gt;</a>.'
    )
    plan = plan_fixes(_kff_copy("html").encode(), "html", settings_with_original(KFF, "html", _kff_original(hostile), meta=REPORTER))
    assert _inserted(plan, "kff-health-news/tagline") == (
        "<p>KFF Health News is a national newsroom that produces in-depth journalism about health issues and is one of the core"
        ' operating programs at <a href="https://www.kff.org">KFF &lt;b&gt;</a>.</p>'
    )


def test_the_report_offers_the_originals_tagline() -> None:
    from compliance.checks import Context

    doc = parse_document(_kff_copy("html"), "html")
    original = parse_document(_kff_original(TAGLINE_NOW), "html")
    rule = next(r for r in PACKS["kff-health-news"].rules if r.id == "kff-health-news/tagline")
    assert rule.fix is not None
    block = fix_block(rule.fix, Context(doc, {}, original), (rule.check,))
    assert block is not None and block.text == f"<p>{TAGLINE_NOW}</p>"


def test_a_tagline_written_loose_beside_the_storys_paragraphs_is_copied_alone() -> None:
    # The original prints its tagline as text of the story's own box, not in a paragraph of its
    # own: the block copied is the tagline's words and links, never the whole box.
    story = "".join(f"<p>{p}</p>" for p in STORY)
    original = (
        f'<html><head><link rel="canonical" href="{KFF_URL}"></head><body><article><h1>Clinics close in rural counties</h1>'
        f"<p>By Priya Raman, KFF Health News</p><div>{story}{TAGLINE_NOW}</div></article></body></html>"
    )
    plan = plan_fixes(_kff_copy("html").encode(), "html", settings_with_original(KFF, "html", original, meta=REPORTER))
    block = _inserted(plan, "kff-health-news/tagline")
    assert "is one of the core operating programs at" in block
    assert STORY[0] not in block and block.startswith("<p>") and block.count("<p>") == 1

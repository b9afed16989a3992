"""Online or print: HTML and Markdown copies are published online, so the terms that ask online
copies for a link back, a pixel or a counter are checked on them; a plain-text copy is print, and
those rules are reported as not checked, with why, never dropped. The article's `medium`
metadata (`--meta medium=`, front matter) says otherwise."""

from __future__ import annotations

from typing import Any

import pytest

from compliance.api import check_html, check_markdown, check_text
from compliance.errors import PackError
from compliance.findings import Report
from compliance.packs import load_pack

TT_LINK = "[The Texas Tribune](https://www.texastribune.org/2024/10/02/texas-county-jails-staffing-shortage/)"
TT_BOILERPLATE = (
    "*The Texas Tribune is a nonprofit, nonpartisan media organization that informs Texans — and engages with them —"
    " about public policy, politics, government and statewide issues.*"
)


def tribune(byline: str, *, front: str = "") -> str:
    """A Texas Tribune republication in Markdown (or text) whose byline line is `byline`."""
    story = "ODESSA — The Ector County jail has had 40 open guard positions since spring.\n\nCommissioners approved a raise."
    return f"{front}{byline}\n\n{story}\n\n{TT_BOILERPLATE}\n"


NINETEENTH_CREDIT = "*This article was originally published by {publisher}, an independent, nonprofit newsroom reporting on gender, politics and policy.*"
NINETEENTH_LINK = "[The 19th](https://19thnews.org/2024/09/child-care-centers-close/)"
NINETEENTH_PIXEL_IMG = '<img src="https://19thnews.org/?republication-pixel=true&post=12345" width="1" height="1" alt="">'


def nineteenth(credit_publisher: str, pixel: str) -> str:
    """A 19th republication in Markdown: the credit names `credit_publisher`, then `pixel`."""
    return (
        "By Jasmine Ortiz, The 19th\n\nThe small child care center Alma Reyes ran closed its doors last month.\n\n"
        "Reyes now works at a grocery store.\n\n" + NINETEENTH_CREDIT.format(publisher=credit_publisher) + f"\n\n{pixel}\n"
    )


CONVERSATION_CREDIT = (
    "This article is republished from [The Conversation](https://theconversation.com) under a"
    " [Creative Commons license](https://creativecommons.org/licenses/by-nd/4.0/). Read the"
    " [original article](https://theconversation.com/why-some-bird-species-are-getting-smaller-227001)."
)
COUNTER = "https://counter.theconversation.com/content/227001/count.gif?distributor=republish-lightbox-basic"


def conversation(counter: str) -> str:
    return (
        "Maria Chen, *University of Michigan*\n\nOver the past four decades, many migratory birds have gotten smaller.\n\n"
        f"Body mass declined in almost every species we studied.\n\n{CONVERSATION_CREDIT}\n\n{counter}\n"
    )


def errors_and_warnings(report: Report) -> list[str]:
    return sorted(f.rule for f in report.findings)


def not_checked(report: Report) -> list[str]:
    return sorted(rule for notice in report.notices for rule in notice.unchecked_rules)


# -- Markdown is an online copy: its online-only requirements are checked ---------------------


@pytest.mark.parametrize(
    ("source", "pack", "expected"),
    [
        # A link back removed, from the byline or the credit.
        (tribune("by Carla Mendez, The Texas Tribune"), "texas-tribune", ["texas-tribune/link"]),
        (nineteenth("The 19th", NINETEENTH_PIXEL_IMG), "the-19th", ["creative-commons/source-link"]),
        # The pixel removed: the link is there.
        (nineteenth(NINETEENTH_LINK, ""), "the-19th", ["the-19th/pixel"]),
        # The counter removed.
        (conversation(""), "the-conversation", ["the-conversation/counter"]),
        # The only link back hidden in raw HTML.
        (
            tribune("by Carla Mendez, The Texas Tribune") + f'\n<div style="display:none">\n\n{TT_LINK}\n\n</div>\n',
            "texas-tribune",
            ["texas-tribune/link"],
        ),
    ],
)
def test_a_markdown_copy_missing_an_online_requirement_fails(source: str, pack: str, expected: list[str]) -> None:
    report = check_markdown(source, packs=[pack], detect=False)
    assert errors_and_warnings(report) == expected
    assert not_checked(report) == []


@pytest.mark.parametrize(
    ("source", "pack"),
    [
        (tribune(f"by Carla Mendez, {TT_LINK}"), "texas-tribune"),
        (nineteenth(NINETEENTH_LINK, NINETEENTH_PIXEL_IMG), "the-19th"),
        # The pixel as the script of the Republish HTML, in a raw HTML block.
        (nineteenth(NINETEENTH_LINK, '<script src="https://19thnews.org/?republication-pixel=true&post=12345"></script>'), "the-19th"),
        (conversation(f"![]({COUNTER})"), "the-conversation"),
        (conversation(f'<img src="{COUNTER}" alt="The Conversation" width="1" height="1">'), "the-conversation"),
    ],
)
def test_a_compliant_markdown_copy_passes(source: str, pack: str) -> None:
    report = check_markdown(source, packs=[pack], detect=False)
    assert report.findings == ()
    assert not_checked(report) == []


def test_a_script_shown_as_code_is_no_pixel() -> None:
    # In a fenced block the script is text a reader sees, not a script the page runs.
    shown = nineteenth(NINETEENTH_LINK, '```html\n<script src="https://19thnews.org/?republication-pixel=true&post=1"></script>\n```')
    assert errors_and_warnings(check_markdown(shown, packs=["the-19th"])) == ["the-19th/pixel"]


def test_an_element_markdown_is_not_read_for_leaves_the_rule_not_checked() -> None:
    # A rule asking for an element by a selector Markdown's reading cannot answer (an id, a class):
    # not checked, and said, rather than a finding about something that may be there.
    pack = load_pack(
        "id: ex\nname: Ex\npublisher: Ex\nterms_url: https://example.org/terms\nas_of: 2024-01-01\nsummary: x\nrules:\n"
        "  - id: ex/wrapper\n    severity: error\n    message: m\n    help: h\n"
        "    check: {element: {selector: '.republish-wrapper', scope: page, visible: any}}\n",
        "ex.yaml",
    )
    report = check_markdown('<div class="republish-wrapper">\n\nStory.\n\n</div>\n', packs=[pack], detect=False)
    assert report.findings == ()
    assert not_checked(report) == ["ex/wrapper"]
    assert "read for its images, links and scripts: '.republish-wrapper' was not looked for" in report.notices[0].message


# -- Plain text is a print copy: the online-only rules are not checked, and a notice says so ----


def test_a_plain_text_copy_reports_the_online_rules_as_not_checked() -> None:
    report = check_text(tribune("by Carla Mendez, The Texas Tribune"), packs=["texas-tribune"])
    assert report.findings == ()
    assert not_checked(report) == ["texas-tribune/link"]
    (notice,) = [n for n in report.notices if n.code != "no-original"]
    assert notice.message == (
        "1 rule(s) not checked (texas-tribune/link): the copy is print (a plain-text file is a print copy; give --meta medium=online if it is published online)"
    )


def test_the_conversation_print_copy_names_its_online_rules() -> None:
    # The link back, the counter and the counter's article id are asked of online copies only.
    text = conversation("").replace("[The Conversation](https://theconversation.com)", "The Conversation")
    assert not_checked(check_text(text, packs=["the-conversation"])) == [
        "creative-commons/source-link",
        "the-conversation/counter",
        "the-conversation/counter-article",
    ]


@pytest.mark.parametrize("front", ["---\nmedium: online\n---\n", "---\nmedium: Online\n---\n"])
def test_front_matter_declares_a_text_copy_online(front: str) -> None:
    report = check_text(tribune("by Carla Mendez, The Texas Tribune", front=front), packs=["texas-tribune"])
    assert errors_and_warnings(report) == ["texas-tribune/link"]


def test_meta_declares_a_text_copy_online_and_an_html_page_print() -> None:
    text = tribune("by Carla Mendez, The Texas Tribune")
    assert errors_and_warnings(check_text(text, packs=["texas-tribune"], meta={"medium": "online"})) == ["texas-tribune/link"]
    html = "<article><p>by Carla Mendez, The Texas Tribune</p><p>ODESSA — The jail has open positions.</p></article>"
    assert "texas-tribune/link" in errors_and_warnings(check_html(html, packs=["texas-tribune"]))
    printed = check_html(html, packs=["texas-tribune"], meta={"medium": "print"})
    assert "texas-tribune/link" not in errors_and_warnings(printed)
    assert "the copy is print (its 'medium' metadata says print)" in printed.notices[0].message
    # A Markdown export for a print edition.
    assert not_checked(check_markdown(text, packs=["texas-tribune"], meta={"medium": "print"})) == ["texas-tribune/link"]


def test_a_medium_that_is_neither_leaves_the_rule_not_checked() -> None:
    report = check_markdown(tribune("by Carla Mendez, The Texas Tribune", front="---\nmedium: web\n---\n"), packs=["texas-tribune"])
    assert report.findings == ()
    assert not_checked(report) == ["texas-tribune/link"]
    assert "the article's 'medium' is 'web', neither 'online' nor 'print'" in report.notices[0].message


@pytest.mark.parametrize("given", ["web", "on-line", "1", "printed", "Online edition"])
def test_a_medium_given_on_the_command_line_that_is_neither_is_refused_before_any_article(cli: Any, given: str) -> None:
    # A typo would leave every online-only rule unchecked while the run passes: a user error.
    run = cli("check", "--meta", f"medium={given}", "samples/dcnf/no-logo.html")
    assert (run.code, run.out) == (2, "")
    assert run.err == (
        f"syndcheck: error: metadata 'medium' must be 'online' or 'print', got '{given}'"
        " — give medium=online for a copy published on the web, medium=print for one printed\n"
    )


@pytest.mark.parametrize("given", ["", "  "])
def test_an_empty_medium_is_a_medium_not_given(given: str) -> None:
    text = tribune("by Carla Mendez, The Texas Tribune")
    # The format says: Markdown is online, plain text print.
    assert errors_and_warnings(check_markdown(text, packs=["texas-tribune"], meta={"medium": given})) == ["texas-tribune/link"]
    assert not_checked(check_text(text, packs=["texas-tribune"], meta={"medium": given})) == ["texas-tribune/link"]


def test_a_rule_whose_other_condition_fails_on_print_says_print() -> None:
    # CalMatters' newsletter sentence: online, and only where the credit line is. A print copy
    # without the credit line is still reported as print, not checked.
    text = "By Dan Walters, CalMatters\n\nSACRAMENTO — Another insurer said it will stop writing policies.\n"
    assert "calmatters/newsletter-line" in not_checked(check_text(text, packs=["calmatters"]))
    # Online, a page without the credit line does not ask for the sentence (the credit rule does).
    online = check_markdown(text, packs=["calmatters"])
    assert "calmatters/newsletter-line" not in not_checked(online)
    assert "calmatters/newsletter-line" not in errors_and_warnings(online)


# -- The pack language: `medium: online` ------------------------------------------------------

_PACK = (
    "id: ex\nname: Ex\npublisher: Ex\nterms_url: https://example.org/terms\nas_of: 2024-01-01\nsummary: x\nrules:\n"
    "  - id: ex/rule\n    severity: error\n    message: m\n    help: h\n    when: {when}\n"
    "    check: {{text: {{phrase: Never written}}}}\n"
)


@pytest.mark.parametrize("when", ["{medium: online}", "{medium: {is: online}}", "{all: [{medium: online}, {text: {phrase: Story}}]}"])
def test_the_medium_condition_is_written_bare_or_as_a_mapping(when: str) -> None:
    pack = load_pack(_PACK.format(when=when), "ex.yaml")
    assert errors_and_warnings(check_markdown("Story.\n", packs=[pack], detect=False)) == ["ex/rule"]
    assert not_checked(check_text("Story.\n", packs=[pack], detect=False)) == ["ex/rule"]


def test_a_print_only_rule_is_not_checked_online() -> None:
    pack = load_pack(_PACK.format(when="{medium: print}"), "ex.yaml")
    assert errors_and_warnings(check_text("Story.\n", packs=[pack], detect=False)) == ["ex/rule"]
    report = check_html("<p>Story.</p>", packs=[pack], detect=False)
    assert report.findings == ()
    assert "the copy is online (an HTML page)" in report.notices[0].message


def test_an_unknown_medium_is_refused_with_the_choices() -> None:
    with pytest.raises(PackError, match="must be one of online, print, got 'web'"):
        load_pack(_PACK.format(when="{medium: web}"), "ex.yaml")


# -- A hidden link is located as a hidden element is ------------------------------------------


def test_a_hidden_link_back_names_its_line() -> None:
    html = (
        "<article>\n<p>by Carla Mendez, The Texas Tribune</p>\n<p>ODESSA — The jail has open positions.</p>\n"
        '<p hidden><a href="https://www.texastribune.org/2024/10/02/story/">The Texas Tribune</a></p>\n</article>'
    )
    (finding,) = (f for f in check_html(html, packs=["texas-tribune"]).findings if f.rule == "texas-tribune/link")
    assert finding.detail == (
        "no visible link to texastribune.org in the article; the one at line 4 is hidden (the `<p>` around it at line 4 has the `hidden` attribute)"
    )
    twice = html.replace("</article>", '<p hidden><a href="https://www.texastribune.org/">Tribune</a></p>\n</article>')
    (finding,) = (f for f in check_html(twice, packs=["texas-tribune"]).findings if f.rule == "texas-tribune/link")
    assert finding.detail is not None and finding.detail.endswith(
        "; 2 are hidden, the first at line 4 (the `<p>` around it at line 4 has the `hidden` attribute)"
    )


# -- The documented example -------------------------------------------------------------------


def test_the_rule_packs_doc_example_binds_online_copies_only() -> None:
    from tests.test_docs import RULE_PACKS_DOC, fenced

    (example,) = [block for block in fenced(RULE_PACKS_DOC, "yaml") if "id: desk-online" in block]
    pack = load_pack(example, "desk-online.yaml")
    story = "By Ana Ruiz\n\nThe council met.\n\nThis story first appeared in the Example Gazette.\n"
    linked = story.replace("the Example Gazette", "the [Example Gazette](https://gazette.example/news/council)")
    assert errors_and_warnings(check_markdown(story, packs=[pack], detect=False)) == ["desk-online/link"]
    assert check_markdown(linked, packs=[pack], detect=False).findings == ()
    printed = check_text(story, packs=[pack], detect=False)
    assert printed.findings == ()
    assert printed.notices[0].message.startswith("1 rule(s) not checked (desk-online/link): the copy is print")
    html = "<article><p>By Ana Ruiz</p><p>The council met.</p><p>This story first appeared in the Example Gazette.</p></article>"
    assert errors_and_warnings(check_html(html, packs=[pack], detect=False)) == ["desk-online/link"]


@pytest.mark.parametrize(("pixel", "expected"), [("", ["propublica/pixel"]), ('<script async src="https://pixel.propublica.org/pixel.js"></script>', [])])
def test_a_propublica_markdown_copy_is_asked_for_its_pixel_script(pixel: str, expected: list[str]) -> None:
    story = (
        "By Pat Doe, ProPublica\n\nThis story was originally published by [ProPublica](https://www.propublica.org/article/welds).\n\n"
        f"First paragraph of the story.\n\n{pixel}\n"
    )
    report = check_markdown(story, packs=["propublica"])
    assert errors_and_warnings(report) == expected
    # The page's own <html> and <head> are not a Markdown article's: the head rule does not apply
    # (the CMS writes the head), and no notice pretends it could.
    assert not_checked(report) == []

"""A publisher's credit line that the page hides still says whose story the page republishes:
detection applies the pack (and says why), and the pack's rules report the hidden credit. Pages
that hide nothing of a publisher's, or hide only a mention of one, stay no pack's.

The pages go through `check_bytes`, the command line's path: the literal prefilter reads them
first, so a hidden credit must also be among the prefilter's candidates."""

from __future__ import annotations

import re
from typing import Any

import pytest

from compliance.engine import check_bytes
from compliance.findings import Report, Severity
from compliance.loading import load_packs
from tests.conftest import ROOT

PACKS = load_packs()

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Farm towns plan for drought</title>
<style>.rp-hide {{ display: none }}
.screen-reader-text {{ clip: rect(1px, 1px, 1px, 1px); position: absolute; height: 1px; width: 1px; overflow: hidden }}</style>
{head}</head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Farm towns plan for drought</h1>
<p class="byline">By Aisha Njoroge</p>
{hidden}
<p>In Makueni County, where maize harvests failed three seasons in a row, farmers are planting sorghum again.</p>
<p>Extension workers say they plan to double the number of demonstration plots next year.</p>
</article>
</body></html>"""

# Each publisher's credit line, as its terms have republishers print it.
CREDITS = {
    "global-voices": 'This story by Aisha Njoroge originally appeared on <a href="https://globalvoices.org/2024/10/02/farm-towns/">Global Voices</a>.',
    "texas-tribune": 'This article originally appeared in <a href="https://www.texastribune.org/2024/10/02/farm-towns/">The Texas Tribune</a>.',
    "calmatters": 'This story was originally published by <a href="https://calmatters.org/2024/10/farm-towns/">CalMatters</a>.',
    "the-19th": 'This story was originally published by <a href="https://19thnews.org/2024/10/farm-towns/">The 19th</a>.',
    "the-conversation": "This article is republished from The Conversation under a Creative Commons license.",
    "dcnf": "All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available without charge.",
    "propublica": 'This story was originally published by <a href="https://www.propublica.org/article/farm-towns">ProPublica</a>.',
}

# The rule that reports each hidden credit ("the one at line 10 is hidden"). DCNF's terms ask for
# no license paragraph: its pack applies, and asks for the logo and affiliation the copy lacks.
REPORTED_BY = {
    "global-voices": "creative-commons/source-link",
    "texas-tribune": "texas-tribune/credit",
    "calmatters": "calmatters/credit-line",
    "the-19th": "the-19th/credit",
    "the-conversation": "the-conversation/credit",
    "dcnf": "dcnf/logo",
    "propublica": "propublica/credit-line",
}

# Ways pages hide a block: markup, inline CSS, a class the page's style sheet hides, a collapsed
# wrapper, and WordPress's screen-reader clip.
HIDINGS = {
    "hidden attribute": "<p hidden>{credit}</p>",
    "display none": '<p style="display:none">{credit}</p>',
    "class hidden by the style sheet": '<div class="rp-hide"><p><em>{credit}</em></p></div>',
    "visibility hidden": '<p style="visibility:hidden">{credit}</p>',
    "collapsed wrapper": '<div style="height:0;overflow:hidden"><p>{credit}</p></div>',
    "screen-reader clip": '<p class="screen-reader-text">{credit}</p>',
    # A box of the article is in the story's flow: a credit hidden there is hidden in the story.
    "hidden aside in the article": "<aside hidden><p>{credit}</p></aside>",
    "complementary box hidden by the style sheet": '<div role="complementary" class="rp-hide"><p>{credit}</p></div>',
    # Fallback content, which a browser that draws the element never draws.
    "in a meter": '<meter value="1"><p>{credit}</p></meter>',
    "in a progress bar": "<progress><p>{credit}</p></progress>",
    "in a video": '<video src="/clip.mp4"><p>{credit}</p></video>',
    "in a canvas": "<canvas><p>{credit}</p></canvas>",
    "in an object that shows a document": '<object data="/story.pdf" type="application/pdf"><p>{credit}</p></object>',
}


def run(hidden: str, *, head: str = "", kind: str = "html") -> Report:
    data = PAGE.format(hidden=hidden, head=head) if kind == "html" else hidden
    return check_bytes(data.encode(), kind, PACKS, path="story.html")  # type: ignore[arg-type]


def notice(report: Report, code: str) -> str:
    (message,) = [n.message for n in report.notices if n.code == code]
    return message


@pytest.mark.parametrize("pack", sorted(CREDITS))
@pytest.mark.parametrize("hiding", sorted(HIDINGS))
def test_a_hidden_credit_line_applies_its_publishers_pack(pack: str, hiding: str) -> None:
    report = run(HIDINGS[hiding].format(credit=CREDITS[pack]))
    assert report.packs == (pack,)
    assert "no-pack" not in {n.code for n in report.notices}
    assert notice(report, "hidden-markers").startswith(f"the {pack} pack applies on what the page hides from readers: ")
    # The hidden credit is what the pack's rules then report.
    (finding,) = [f for f in report.findings if f.rule == REPORTED_BY[pack]]
    assert finding.severity is Severity.ERROR
    assert ("hidden" in finding.detail) is (pack != "dcnf"), finding.detail


def test_the_notice_and_the_detection_say_which_marker_was_hidden_and_where() -> None:
    report = run(HIDINGS["hidden attribute"].format(credit=CREDITS["global-voices"]))
    (detection,) = [d for d in report.detections if d.pack == "global-voices"]
    assert detection.applied
    # The credit line's words and its link to the story, both hidden.
    assert detection.markers == ("credit-line", "credit-link")
    assert detection.hidden == ("credit-line", "credit-link")
    assert detection.labels == (
        'Global Voices\' credit line ("This story by … originally appeared on Global Voices"), hidden at line 11',
        'a credit line linking the Global Voices story, in any language (the link reads "Global Voices" or shows its logo), hidden at line 11',
    )
    assert notice(report, "hidden-markers").endswith("hidden at line 11")


def test_words_of_the_credit_hidden_inside_a_shown_line_apply_the_pack() -> None:
    # "This article originally appeared in ." is what a reader sees: the publisher is hidden.
    report = run('<p><em>This article originally appeared in <span style="display:none">The Texas Tribune</span>.</em></p>')
    assert report.packs == ("texas-tribune",)
    assert "texas-tribune/credit" in {f.rule for f in report.findings}


@pytest.mark.parametrize(
    ("hidden", "line"),
    [
        # A raw HTML block holding the credit.
        ('<div style="display:none">This story by Aisha Njoroge originally appeared on Global Voices on October 2, 2024.</div>', 8),
        # Markdown inside a raw HTML wrapper, as CMS exports hide a paragraph (blank lines around it).
        ("<div hidden>\n\nThis story by Aisha Njoroge originally appeared on [Global Voices](https://globalvoices.org/2024/10/02/x/).\n\n</div>", 10),
        # Inline raw HTML hiding the publisher's name inside the line.
        ('This story by Aisha Njoroge originally appeared on <span style="display:none">Global Voices</span>.', 8),
    ],
)
def test_a_credit_that_raw_html_hides_in_markdown_applies_the_pack(hidden: str, line: int) -> None:
    markdown = (
        "---\ntitle: Farm towns plan for drought\n---\n# Farm towns plan for drought\n\nBy Aisha Njoroge\n\n"
        f"{hidden}\n\n"
        "In Makueni County, where maize harvests failed three seasons in a row, farmers are planting sorghum again.\n"
    )
    report = run(markdown, kind="markdown")
    assert report.packs == ("global-voices",)
    assert notice(report, "hidden-markers").endswith(f"hidden at line {line}")


def test_a_markdown_credit_that_shows_applies_the_pack_without_the_notice() -> None:
    markdown = "# Farm towns\n\nThis story by Aisha Njoroge originally appeared on <b>Global Voices</b>.\n\nFarmers plant sorghum.\n"
    report = run(markdown, kind="markdown")
    assert report.packs == ("global-voices",)
    assert "hidden-markers" not in {n.code for n in report.notices}


def test_a_shown_credit_line_needs_no_hidden_marker_and_no_notice() -> None:
    report = run(f"<p><em>{CREDITS['global-voices']}</em></p>")
    assert report.packs == ("global-voices",)
    (detection,) = [d for d in report.detections if d.pack == "global-voices"]
    assert detection.hidden == ()
    assert "hidden-markers" not in {n.code for n in report.notices}


def test_a_hidden_copy_beside_a_shown_credit_changes_nothing() -> None:
    shown = f"<p><em>{CREDITS['texas-tribune']}</em></p>"
    alone = run(shown)
    both = run(shown + HIDINGS["display none"].format(credit=CREDITS["texas-tribune"]))
    assert both.packs == alone.packs == ("texas-tribune",)
    assert next(d for d in both.detections if d.pack == "texas-tribune").hidden == ()
    assert "hidden-markers" not in {n.code for n in both.notices}


@pytest.mark.parametrize(
    "hidden",
    [
        # Mentions of a publisher, hidden: no more a credit than when they show.
        "<p hidden>The figures were first reported by CalMatters last spring.</p>",
        '<p style="display:none">Several papers republished ProPublica\'s findings last week.</p>',
        '<div class="rp-hide"><p>She told the Daily Caller News Foundation on Monday that she would run.</p></div>',
        '<p class="screen-reader-text">Read more from The Texas Tribune and Global Voices.</p>',
        # A republish box's code for other sites to paste: a template or a text box is no text of the page.
        "<template><p>This article originally appeared in The Texas Tribune.</p></template>",
        "<textarea>&lt;p&gt;This story was originally published by CalMatters.&lt;/p&gt;</textarea>",
        # Hidden page furniture with no publisher at all.
        "<div hidden><p>Subscribe to our newsletter for more stories like this one.</p></div>",
    ],
)
def test_hidden_text_that_is_no_credit_applies_no_pack(hidden: str) -> None:
    report = run(hidden)
    assert report.packs == ()
    assert notice(report, "no-pack") == "no rule pack applies to this document (no publisher's markers found)"


def test_the_publishers_own_page_with_a_hidden_republish_box_is_an_original() -> None:
    # Its own pages hold the credit line republishers are to print, in a box shown on a click.
    head = '<meta property="og:url" content="https://www.texastribune.org/2024/10/02/farm-towns/"><meta property="og:site_name" content="The Texas Tribune">'
    report = run(HIDINGS["display none"].format(credit=CREDITS["texas-tribune"]), head=head)
    assert report.packs == ()
    assert {n.code for n in report.notices} == {"own-page"}


BOILERPLATE = (
    "The Texas Tribune is a nonprofit, nonpartisan media organization that informs Texans — and engages with them — "
    "about public policy, politics, government and statewide issues."
)
TAGLINE = (
    "KFF Health News is a national newsroom that produces in-depth journalism about health issues and is one of the core "
    "operating programs at KFF — the independent source for health policy research, polling, and journalism."
)


def test_a_closing_credit_hidden_before_the_story_is_not_looked_for() -> None:
    # The Tribune's boilerplate and KFF Health News' tagline count as markers only at the story's
    # end: hidden before its paragraphs, among the last blocks of a short story, they stand where
    # pages quote the publisher's words, not where a credit closes the story.
    for closing in (BOILERPLATE, TAGLINE):
        report = run(f'<p style="display:none">{closing}</p>')
        assert report.packs == (), closing


@pytest.mark.parametrize("hiding", sorted(HIDINGS))
@pytest.mark.parametrize(
    ("closing", "pack", "rule"), [(TAGLINE, "kff-health-news", "kff-health-news/tagline"), (BOILERPLATE, "texas-tribune", "texas-tribune/boilerplate")]
)
def test_a_closing_credit_hidden_after_the_story_applies_its_pack(hiding: str, closing: str, pack: str, rule: str) -> None:
    # A credit that closes the story, hidden where it stands (after the last paragraph): the
    # pack applies on it, and its rule says the one there is hidden.
    page = PAGE.format(hidden="", head="").replace("</article>", HIDINGS[hiding].format(credit=closing) + "\n</article>")
    report = check_bytes(page.encode(), "html", PACKS, path="story.html")
    assert report.packs == (pack,)
    assert notice(report, "hidden-markers").startswith(f"the {pack} pack applies on what the page hides from readers: ")
    (finding,) = [f for f in report.findings if f.rule == rule]
    assert "is hidden" in finding.detail, finding.detail


def test_explain_detection_shows_the_hidden_marker(cli: Any, tmp_path: Any) -> None:
    page = tmp_path / "story.html"
    page.write_text(PAGE.format(hidden=HIDINGS["hidden attribute"].format(credit=CREDITS["global-voices"]), head=""), encoding="utf-8")
    result = cli("check", "--explain-detection", str(page))
    assert result.code == 1
    assert "detection: global-voices applied, confidence 1.00 (credit-line: Global Voices' credit line" in result.out
    assert "), hidden at line 11)" in result.out
    assert "note: the global-voices pack applies on what the page hides from readers:" in result.out


def _checked_doc_example(cli: Any, tmp_path: Any, heading: str) -> tuple[str, str]:
    """The output of checking the first HTML example after `heading` in docs/rule-packs.md (exit
    1 asserted), and the note the text block after it documents."""
    doc = (ROOT / "docs" / "rule-packs.md").read_text(encoding="utf-8").split(heading, 1)[1]
    html = re.findall(r"```html\n(.*?)```", doc, re.DOTALL)[0]
    (note,) = re.findall(r"```text\n(.*?)\n```", doc, re.DOTALL)[:1]
    page = tmp_path / "story.html"
    page.write_text(html, encoding="utf-8")
    result = cli("check", str(page))
    assert result.code == 1
    return result.out, note


def test_the_rule_packs_doc_example_prints_the_documented_note(cli: Any, tmp_path: Any) -> None:
    out, note = _checked_doc_example(cli, tmp_path, "### A hidden credit line")
    assert f"  {note}\n" in out
    assert "creative-commons/source-link" in out


def test_a_hidden_credit_is_not_looked_for_on_a_page_a_pack_applies_to_on_what_readers_see() -> None:
    """A page that is one publisher's copy on what readers see is that copy: another publisher's
    credit hidden on it makes no second pack (and the search of hidden text is not made)."""
    from compliance.api import check_html

    tribune = "<p>This article originally appeared in The Texas Tribune at https://www.texastribune.org/2024/05/01/jail/.</p>"
    hidden_gv = (
        '<div style="display:none"><p>This story by Aisha Njoroge originally appeared on '
        '<a href="https://globalvoices.org/2024/10/02/farm-towns/">Global Voices</a>.</p></div>'
    )
    body = "<p>ODESSA — The county jail has open positions it cannot fill.</p>"
    page = f"<article><h1>Jail staffing</h1><p>By Carla Mendez, The Texas Tribune</p>{body}{hidden_gv}{tribune}</article>"
    report = check_html(page)
    assert "texas-tribune" in report.packs and "global-voices" not in report.packs
    assert [n.code for n in report.notices if n.code == "hidden-markers"] == []
    # Alone, the same hidden credit applies Global Voices.
    alone = check_html(f"<article><h1>Farm towns</h1><p>By Aisha Njoroge</p>{body}{hidden_gv}</article>")
    assert alone.packs == ("global-voices",)
    assert [n.code for n in alone.notices if n.code == "hidden-markers"] == ["hidden-markers"]


def test_the_rule_packs_doc_example_of_a_garbled_credit_prints_the_documented_note(cli: Any, tmp_path: Any) -> None:
    out, note = _checked_doc_example(cli, tmp_path, "A credit that bidirectional controls garble")
    assert f"  {note}\n" in out
    assert "dcnf/byline" in out and "syndcheck/bidi-controls" in out

"""What follows or sits among a story's paragraphs and is no text of the story: the Republication
Tracker plugin's footer after KFF Health News' tagline and beside CalMatters' credit line, a
publisher's bracketed newsletter promo, its "This story can be republished for free" box; and a
rights notice on the original (KFF Health News' "All Rights Reserved" label, ProPublica's embargo)
that a copy leaves out, which is reported as what it is: the story may not be republished, not a
cut of its text. Each both ways: the look-alike that is the story's text still counts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import write

KFF_URL = "https://kffhealthnews.org/news/article/rural-hospitals-cut-maternity-care/"
KFF_TAGLINE = (
    '<p><a href="https://kffhealthnews.org/about-us">KFF Health News</a> is a national newsroom that produces in-depth journalism about'
    " health issues and is one of the core operating programs at KFF—an independent source of health policy research, polling, and"
    " journalism.</p>"
)
KFF_STORY = (
    "<p>When the labor and delivery unit at the county hospital closed last spring, expectant mothers began driving 90 minutes to give birth.</p>"
    '<p>Hospital executives say they lost money on every birth, according to <a href="https://www.example.gov/report">a state report</a>.</p>'
    "<p>\u201cWe just couldn\u2019t staff it,\u201d said the hospital\u2019s chief executive.</p>"
)
# The footer the Republication Tracker plugin prints after the story (includes/shareable-content.php).
RTT_FOOTER = (
    f'<p>This <a href="{KFF_URL}">article</a> first appeared on <a href="https://kffhealthnews.org">KFF Health News</a> and is'
    ' republished here under a <a href="https://creativecommons.org/licenses/by-nc-nd/4.0/">Creative Commons'
    ' Attribution-NonCommercial-NoDerivatives 4.0 International License</a>.<img src="https://kffhealthnews.org/icon.png"'
    ' style="width:1em;height:1em;"><img id="republication-tracker-tool-source"'
    ' src="https://kffhealthnews.org/?republication-pixel=true&post=1843234" style="width:1px;height:1px;"></p>'
)
STORY_PARAGRAPH = "<p>The clinic will reopen next spring if the state approves the money, its director said in a statement.</p>"


def _kff_copy(body: str) -> str:
    return (
        "<html><head><title>Rural hospitals cut maternity care</title></head><body><article>"
        "<h1>Rural hospitals cut maternity care as costs climb</h1>"
        '<p class="byline">By Sarah Jane Tribble, KFF Health News</p>'
        f"<div class='entry-content'>{body}</div></article></body></html>"
    )


def _findings(cli: Any, *args: str) -> list[dict[str, Any]]:
    (entry,) = cli("check", "--format", "json", *args).json()["files"]
    findings: list[dict[str, Any]] = entry["findings"]
    return findings


@pytest.mark.parametrize(
    ("after", "at_end"),
    [
        # The plugin's footer, with its icon and pixel, is the credit linking the original.
        ([RTT_FOOTER], True),
        ([RTT_FOOTER.split("<img", 1)[0] + "</p>"], True),
        # A paragraph of the story after the tagline still ends it, footer or not.
        ([STORY_PARAGRAPH, RTT_FOOTER], False),
        ([RTT_FOOTER, STORY_PARAGRAPH], False),
        # Another site's footer is no credit of KFF Health News.
        ([RTT_FOOTER.replace(">KFF Health News</a>", ">Delta Beacon</a>")], False),
    ],
)
def test_the_plugin_footer_may_follow_kffs_tagline(cli: Any, tmp_path: Path, after: list[str], at_end: bool) -> None:
    copy = write(tmp_path, "copy.html", _kff_copy(KFF_STORY + KFF_TAGLINE + "".join(after)))
    rules = [f["rule"] for f in _findings(cli, "--pack", "kff-health-news", str(copy))]
    assert ("kff-health-news/tagline" in rules) is not at_end


def test_a_tagline_not_at_the_end_is_placed_among_the_storys_paragraphs(cli: Any, tmp_path: Path) -> None:
    copy = write(tmp_path, "copy.html", _kff_copy(KFF_STORY + KFF_TAGLINE + STORY_PARAGRAPH + RTT_FOOTER))
    (finding,) = [f for f in _findings(cli, "--pack", "kff-health-news", str(copy)) if f["rule"] == "kff-health-news/tagline"]
    # The headline, the byline and the plugin's footer are not counted: the story has 5 paragraphs.
    assert "(paragraph 4 of 5 of the story)" in finding["detail"], finding["detail"]


CM_URL = "https://calmatters.org/politics/2024/06/california-budget-transit/"
CM_TOP = (
    f'<p>This story was originally published by <a href="{CM_URL}">CalMatters</a>. Sign up for their'
    ' <a href="https://calmatters.org/newsletters/">newsletters</a>.</p>'
)
CM_STORY = "".join(f"<p>Paragraph {n} of the story says the Legislature passed the budget after a long debate.</p>" for n in range(3))


@pytest.mark.parametrize(
    ("end", "repeated"),
    [
        # The plugin's own footer after the story, which CalMatters' Republish HTML ends with.
        (
            f'<p>This <a href="{CM_URL}">article</a> first appeared on <a href="https://calmatters.org">CalMatters</a> and is republished'
            " here under a Creative Commons Attribution-NoDerivatives 4.0 International License.</p>",
            False,
        ),
        # The credit line in other words beside the prescribed one: printed twice.
        (f'<p>This article first appeared on <a href="{CM_URL}">CalMatters</a>.</p>', True),
        ("<p>Originally published by CalMatters.</p>", True),
    ],
)
def test_the_plugin_footer_is_no_second_calmatters_credit_line(cli: Any, tmp_path: Path, end: str, repeated: bool) -> None:
    copy = write(
        tmp_path,
        "copy.html",
        f"<html><body><article><h1>Budget passes</h1><p class='byline'>By Rosa Ibarra, CalMatters</p>{CM_TOP}{CM_STORY}{end}</article></body></html>",
    )
    rules = [f["rule"] for f in _findings(cli, "--pack", "calmatters", str(copy))]
    assert ("calmatters/credit-line-repeated" in rules) is repeated


def _page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body><article><h1>Spring runoff changes your tap water</h1>{body}</article></body></html>"


TC_STORY = [
    "<p>Every spring, some of my neighbors tell me their tap water tastes earthy, and they are not imagining it at all.</p>",
    "<p>I study how drinking water changes between the source and the tap, and spring is a busy season for that work.</p>",
    "<p>Changes in taste are usually not a sign that water is unsafe, but a sudden change in color is worth a call.</p>",
]


@pytest.mark.parametrize(
    ("line", "removed"),
    [
        # A publisher's promo set off in brackets, inviting to subscribe or sign up: no story text.
        (
            "<p><em>[<strong>Understand new developments in science, health and technology, each week.</strong>"
            ' <a href="https://theconversation.com/us/newsletters">Subscribe to The Conversation\u2019s science newsletter</a>.]</em></p>',
            False,
        ),
        ("<p>[Get the best of The Conversation, every weekend. Sign up for our weekly newsletter.]</p>", False),
        # A bracketed paragraph that calls for nothing, and a paragraph that speaks of newsletters, are the story's.
        ("<p>[The utility later said the change in taste came from a new treatment chemical it added in March.]</p>", True),
        ("<p>Subscribe to the utility's water-quality alerts, the engineer said, if you want to know when it changes.</p>", True),
    ],
)
def test_a_bracketed_promo_in_the_original_is_no_text_of_the_story(cli: Any, tmp_path: Path, line: str, removed: bool) -> None:
    original = write(tmp_path, "original.html", _page("".join([TC_STORY[0], TC_STORY[1], line, TC_STORY[2]])))
    copy = write(tmp_path, "copy.html", _page("".join(TC_STORY)))
    findings = _findings(cli, "--pack", "kff-health-news", "--original", str(original), str(copy))
    fidelity = [f for f in findings if f["rule"] == "kff-health-news/fidelity"]
    assert bool(fidelity) is removed, fidelity


def _kff_original(extra_top: str = "", extra_end: str = "") -> str:
    head = f'<link rel="canonical" href="{KFF_URL}"><meta property="og:site_name" content="KFF Health News">'
    return (
        f"<html><head>{head}</head><body><article><h1>Rural hospitals cut maternity care as costs climb</h1>"
        '<p class="byline">By Sarah Jane Tribble</p>'
        f"<div class='entry-content'>{extra_top}{KFF_STORY}{KFF_TAGLINE}{extra_end}</div></article></body></html>"
    )


KFF_COPY = _kff_copy(f'<p>This story was originally published by <a href="{KFF_URL}">KFF Health News</a>.</p>{KFF_STORY}{KFF_TAGLINE}')


@pytest.mark.parametrize(
    ("box", "findings"),
    [
        # KFF Health News' republication box on its own page: no story text, and its "details" link no link of the story.
        (f'<h3>USE OUR CONTENT</h3><p>This story can be republished for free (<a href="{KFF_URL}#republish">details</a>).</p>', []),
        # A paragraph of the story that speaks of publishing is the story's.
        (
            '<p>The state said its <a href="https://www.example.gov/audit">audit of the closures</a> may not be published before the'
            " legislature meets in January, and hospital groups have asked for it to be released sooner.</p>",
            ["kff-health-news/fidelity", "kff-health-news/original-links"],
        ),
    ],
)
def test_the_originals_republication_box_is_no_text_of_the_story(cli: Any, tmp_path: Path, box: str, findings: list[str]) -> None:
    original = write(tmp_path, "original.html", _kff_original(extra_end=box))
    copy = write(tmp_path, "copy.html", KFF_COPY)
    rules = [f["rule"] for f in _findings(cli, "--pack", "kff-health-news", "--original", str(original), str(copy))]
    assert sorted(rules) == findings


ARR_LABEL = "<p><em>This story is All Rights Reserved. It is not available for republication.</em></p>"


@pytest.mark.parametrize(
    ("label", "findings"),
    [
        # The story's label: it may not be republished, which the finding says (not "paste the line back").
        (ARR_LABEL, ["kff-health-news/original-all-rights-reserved"]),
        # The site's copyright line is no label of the story.
        ("<p>\u00a9 2024 KFF Health News. All Rights Reserved.</p>", []),
        ("", []),
    ],
)
def test_an_all_rights_reserved_original_may_not_be_republished(cli: Any, tmp_path: Path, label: str, findings: list[str]) -> None:
    original = write(tmp_path, "original.html", _kff_original(extra_top=label))
    copy = write(tmp_path, "copy.html", KFF_COPY)
    found = [f for f in _findings(cli, "--pack", "kff-health-news", "--original", str(original), str(copy)) if "rights" in f["rule"]]
    assert [f["rule"] for f in found] == findings
    if findings:
        assert found[0]["message"] == (
            'The original story is labelled "All Rights Reserved" ("This story is All Rights Reserved. It is not available for'
            ' republication."): KFF Health News does not allow it to be republished.'
        )


def test_a_copy_that_keeps_the_label_is_reported_once(cli: Any, tmp_path: Path) -> None:
    original = write(tmp_path, "original.html", _kff_original(extra_top=ARR_LABEL))
    copy = write(tmp_path, "copy.html", KFF_COPY.replace("<p>When the labor", ARR_LABEL + "<p>When the labor"))
    rules = [f["rule"] for f in _findings(cli, "--pack", "kff-health-news", "--original", str(original), str(copy))]
    assert rules == ["creative-commons/all-rights-reserved"]


PP_URL = "https://www.propublica.org/article/jail-detainees-begged-for-help"
PP_STORY = (
    "<p>The county said it had hired a new medical contractor in 2024, after a year of complaints from detainees.</p>"
    '<p>Records obtained by ProPublica show that detainees filed <a href="https://www.propublica.org/documents/grievances">hundreds'
    " of grievances</a> about medical care.</p>"
    "<p>The contract runs for three years, and the county can end it early if inspections find problems.</p>"
)


def _pp_original(notice: str) -> str:
    return (
        f'<html><head><link rel="canonical" href="{PP_URL}"><meta property="og:site_name" content="ProPublica"></head><body><article>'
        f'<h1>Inside the Jail</h1><p class="byline">By Ana Ruiz</p>{PP_STORY}{notice}</article></body></html>'
    )


def _pp_copy(notice: str = "") -> str:
    return (
        f"<html><head><meta name='syndication-source' content='{PP_URL}'>"
        "<script src='https://pixel.propublica.org/pixel.js' async></script></head><body><article><h1>Inside the Jail</h1>"
        f'<p class="byline">By Ana Ruiz, ProPublica</p><p>This story was originally published by <a href="{PP_URL}">ProPublica</a>.</p>'
        f"{PP_STORY}{notice}</article></body></html>"
    )


EMBARGO = "<p><em>This article is not subject to ProPublica\u2019s Creative Commons license until Oct. 3, 2099.</em></p>"


@pytest.mark.parametrize(
    ("notice", "today", "findings"),
    [
        # Under embargo on the day checked: the story may not run yet, whatever the copy leaves out.
        (EMBARGO, "2026-12-06", ["propublica/original-embargo"]),
        # The date has passed: the story is under the license, and the notice is no text of it.
        (EMBARGO, "2100-01-01", []),
        ("", "2026-12-06", []),
    ],
)
def test_an_embargoed_original_may_not_be_republished_before_its_date(cli: Any, tmp_path: Path, notice: str, today: str, findings: list[str]) -> None:
    original = write(tmp_path, "original.html", _pp_original(notice))
    copy = write(tmp_path, "copy.html", _pp_copy())
    found = _findings(cli, "--pack", "propublica", "--today", today, "--original", str(original), str(copy))
    assert [f["rule"] for f in found] == findings
    if findings:
        assert found[0]["message"].startswith("The original story is under ProPublica's embargo (\"This article is not subject to")
        assert "it may not be republished until the end of Oct. 3, 2099, so not before 2099-10-04" in found[0]["message"]


def test_a_copy_that_keeps_the_embargo_notice_is_reported_once(cli: Any, tmp_path: Path) -> None:
    original = write(tmp_path, "original.html", _pp_original(EMBARGO))
    copy = write(tmp_path, "copy.html", _pp_copy(EMBARGO))
    rules = [f["rule"] for f in _findings(cli, "--pack", "propublica", "--today", "2026-12-06", "--original", str(original), str(copy))]
    assert rules == ["propublica/embargo"]


# A sentence of the story that quotes or speaks of rights reserved: the story's text, no label.
ARR_IN_STORY = [
    "<p>The hospital mailed her a copy of its closure notice, stamped \u201cAll rights reserved,\u201d and told her to pay $45 for her records.</p>",
    "<p>All rights reserved under the 2019 lease belong to the county, not to the hospital, according to the lease.</p>",
    "<p>Under the contract, the operator said, all rights reserved to the county included the right to reopen the unit.</p>",
]
# The story's own label, a block whose words are the label.
ARR_LABELS = [
    ARR_LABEL,
    "<p><strong>All Rights Reserved</strong></p>",
    "<p>This article is all rights reserved.</p>",
    "<p><em>[All rights reserved.]</em></p>",
]


@pytest.mark.parametrize(("line", "labelled"), [(line, False) for line in ARR_IN_STORY] + [(line, True) for line in ARR_LABELS])
def test_only_the_originals_label_says_the_story_may_not_run(cli: Any, tmp_path: Path, line: str, labelled: bool) -> None:
    original = write(tmp_path, "original.html", _kff_original(extra_top=line))
    # The copy keeps the story's sentence and leaves the label out.
    copy = write(tmp_path, "copy.html", KFF_COPY if labelled else KFF_COPY.replace("<p>When the labor", line + "<p>When the labor"))
    rules = [f["rule"] for f in _findings(cli, "--pack", "kff-health-news", "--original", str(original), str(copy))]
    assert rules == (["kff-health-news/original-all-rights-reserved"] if labelled else [])


@pytest.mark.parametrize(("line", "labelled"), [(line, False) for line in ARR_IN_STORY] + [(line, True) for line in ARR_LABELS])
def test_only_the_copys_label_says_the_story_may_not_run(cli: Any, tmp_path: Path, line: str, labelled: bool) -> None:
    copy = write(tmp_path, "copy.html", KFF_COPY.replace("<p>When the labor", line + "<p>When the labor"))
    rules = [f["rule"] for f in _findings(cli, "--pack", "kff-health-news", str(copy))]
    assert ("creative-commons/all-rights-reserved" in rules) is labelled, rules


@pytest.mark.parametrize(
    ("line", "cut"),
    [(line, True) for line in ARR_IN_STORY]
    + [
        # A sentence of the story about another document's publishing is the story's too.
        ("<p>The county said the report may not be published before the board meets.</p>", True),
        # The story's rights label and republication box are no text of it.
        (ARR_LABEL, False),
        ("<p><strong>All Rights Reserved</strong></p>", False),
        ("<p>This story can be republished for free (details).</p>", False),
    ],
)
def test_a_story_sentence_about_rights_cut_or_added_is_an_edit(cli: Any, tmp_path: Path, line: str, cut: bool) -> None:
    # Between the story's paragraphs, where a cut or an addition is the story's.
    between = "<p>Hospital executives"
    original = write(tmp_path, "original.html", _kff_original())
    longer = write(tmp_path, "longer.html", _kff_original().replace(between, line + between))
    plain = write(tmp_path, "plain.html", KFF_COPY)
    added = write(tmp_path, "added.html", KFF_COPY.replace(between, line + between))
    for orig, copy, word in ((longer, plain, "removed"), (original, added, "added")):
        found = [f for f in _findings(cli, "--pack", "kff-health-news", "--original", str(orig), str(copy)) if f["rule"] == "kff-health-news/fidelity"]
        assert bool(found) is cut, (word, found)
        if cut:
            assert f"{word}: " in found[0]["message"]

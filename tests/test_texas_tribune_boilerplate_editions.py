"""The Texas Tribune's boilerplate in its current wording ("The Texas Tribune is a member-supported,
nonpartisan newsroom informing and engaging Texans on state politics and policy."), as the
Tribune's republish HTML ends a story today: it is the boilerplate the older guidelines ask for
"when possible", whether a paragraph of its own or joined to the credit line, and the note on a
copy without it asks for the current wording. A story that only mentions the Tribune has no
boilerplate; the boilerplate is no credit."""

from __future__ import annotations

import pytest

from compliance.api import check_html
from compliance.findings import Report
from compliance.packfiles import load_packs

RULE = "texas-tribune/boilerplate"
URL = "https://www.texastribune.org/2024/05/01/texas-house-vouchers/"
CURRENT = (
    "The Texas Tribune is a member-supported, nonpartisan newsroom informing and engaging Texans on state politics and policy. Learn more at texastribune.org."
)
OLDER = (
    "The Texas Tribune is a nonprofit, nonpartisan media organization that informs Texans — and engages with them — about public policy,"
    " politics, government and statewide issues."
)
STORY = (
    "<p>The Texas House on Thursday approved a bill that would let parents use public money for private school tuition.</p>"
    "<p>The 79-70 vote came after eight hours of debate, and Gov. Greg Abbott said he would sign it.</p>"
)


def _page(byline: str, *closing: str) -> str:
    end = "".join(f"<p><em>{line}</em></p>" for line in closing)
    return (
        '<html><head><meta property="og:site_name" content="Hill Country Herald"></head><body><article>'
        f'<h1>Texas House passes school voucher bill</h1><p class="byline">{byline}</p>{STORY}{end}</article></body></html>'
    )


CREDIT = f'This article originally appeared in The Texas Tribune at <a href="{URL}">{URL}</a>.'


def _rules(report: Report) -> set[str]:
    return {f.rule for f in report.findings}


@pytest.mark.parametrize(
    "closing",
    [
        (CREDIT, CURRENT),  # the republish HTML's two closing paragraphs
        # the credit line with the boilerplate as its apposition
        (
            f'This article originally appeared in <a href="{URL}">The Texas Tribune</a>, a member-supported, nonpartisan newsroom'
            " informing and engaging Texans on state politics and policy. Learn more at texastribune.org.",
        ),
        (CREDIT, CURRENT.upper()),  # set in capitals by a template
        (CREDIT, OLDER),  # the older guidelines' wording
    ],
)
def test_the_boilerplate_in_any_of_the_tribunes_wordings_is_the_boilerplate(closing: tuple[str, ...]) -> None:
    report = check_html(_page("By Jane Doe, The Texas Tribune", *closing), packs=["texas-tribune"])
    assert report.findings == ()
    assert RULE in {p.rule for p in report.passed}


@pytest.mark.parametrize(
    "closing",
    [
        "The Texas Tribune reported last week that the bill had stalled in committee for a decade.",
        "The Texas Tribune is a newsroom in Austin.",  # a mention, not its self-description
    ],
)
def test_a_story_that_only_mentions_the_tribune_is_asked_for_the_current_boilerplate(closing: str) -> None:
    report = check_html(_page("By Jane Doe, The Texas Tribune", CREDIT, closing), packs=["texas-tribune"])
    (finding,) = [f for f in report.findings if f.rule == RULE]
    assert finding.severity.name == "INFO"
    assert "member-supported, nonpartisan newsroom informing and engaging Texans" in finding.help
    assert finding.help.index("member-supported") < finding.help.index("nonprofit, nonpartisan media organization")


def test_a_copy_ending_with_the_current_boilerplate_is_a_tribune_copy_and_still_needs_credit() -> None:
    # The boilerplate identifies the Tribune's story (a detection marker, as the older wording is)
    # but does not credit it: the byline names no outlet and there is no credit line.
    report = check_html(_page("By Jane Doe", CURRENT))
    assert report.packs == ("texas-tribune",)
    assert "texas-tribune/credit" in _rules(report)
    assert RULE not in _rules(report)


def test_a_page_about_the_tribune_that_quotes_its_boilerplate_first_is_no_copy() -> None:
    page = (
        "<html><body><article><h1>About our partners</h1>"
        f"<p>{CURRENT}</p><p>We have shared stories with the Tribune since 2019, and our readers can find its reporting every week.</p>"
        "<p>Our newsroom covers the Hill Country's schools, courts and county government, with two reporters and an editor.</p>"
        "<p>Other partners include public radio stations across the region, who share our stories with their listeners.</p>"
        "<p>Questions about our partnerships go to the editor, whose address is on our contact page.</p>"
        "<p>We publish corrections at the foot of each story, with the date of the change.</p>"
        "</article></body></html>"
    )
    assert check_html(page).packs == ()


def test_the_pack_says_which_wordings_it_reads() -> None:
    pack = next(p for p in load_packs() if p.id == "texas-tribune")
    assert "member-supported" in pack.confidence

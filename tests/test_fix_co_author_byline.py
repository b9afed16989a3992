"""A Conversation copy whose byline credits a co-author the original does not name ("Maria
Alvarez, University of Michigan, and Tom Becker, Valley Times" for Maria Alvarez's story): the
institution rule asks for the original's authors' institutions only, and `syndcheck fix`, which
cannot edit such a byline in place, puts no second byline beside it and claims no fix: it says
which byline to edit, at which line, and what to write."""

from __future__ import annotations

import pytest

from compliance.document import DocumentKind
from compliance.engine import check_bytes
from compliance.fixes import plan_fixes
from compliance.packfiles import load_packs
from tests.conftest import settings_with_original

CONVERSATION = [p for p in load_packs() if p.id == "the-conversation"]


TC_URL = "https://theconversation.com/heat-waves-are-the-deadliest-weather-disaster-234567"
TC_CREDIT = (
    '<p>This article is republished from <a href="https://theconversation.com">The Conversation</a> under a Creative Commons license.'
    f' Read the <a href="{TC_URL}">original article</a>.</p>'
    '<img src="https://counter.theconversation.com/content/234567/count.gif" alt="The Conversation" width="1" height="1">'
)
TC_STORY = ["Heat waves kill more Americans than hurricanes, floods and tornadoes combined.", "Cooling centers help, but only if people can reach them."]


def _tc_original(authors: str) -> str:
    return (
        f'<html><head><link rel="canonical" href="{TC_URL}"><meta property="og:site_name" content="The Conversation"></head>'
        f'<body><article><h1>Heat waves</h1><p class="byline">{authors}</p><div itemprop="articleBody">'
        + "".join(f"<p>{p}</p>" for p in TC_STORY)
        + "</div></article></body></html>"
    )


def _tc_copy(byline: str, kind: DocumentKind = "html") -> str:
    if kind == "markdown":
        return f"# Heat waves\n\n{byline}\n\n" + "".join(f"{p}\n\n" for p in TC_STORY) + TC_CREDIT + "\n"
    return (
        f'<html><body><article>\n<h1>Heat waves</h1>\n<p class="byline">{byline}</p>\n'
        + "".join(f"<p>{p}</p>\n" for p in TC_STORY)
        + f"{TC_CREDIT}\n</article></body></html>\n"
    )


@pytest.mark.parametrize(
    ("author", "byline", "other", "kind"),
    [
        (
            "Maria Alvarez, University of Michigan",
            "<strong>Maria Alvarez</strong>, University of Michigan, and <strong>Tom Becker</strong>, Valley Times",
            "Tom Becker",
            "html",
        ),
        ("Kwame Mensah, University of Ghana", "By Kwame Mensah, University of Ghana, and Dan Cole, The Ledger", "Dan Cole", "html"),
        ("Anika Foss, Karolinska Institutet", "By Anika Foss, Karolinska Institutet, and Lena Berg, Harbor Daily", "Lena Berg", "markdown"),
    ],
)
def test_a_co_author_the_original_lacks_gets_no_second_byline_nor_an_institution_finding(author: str, byline: str, other: str, kind: DocumentKind) -> None:
    copy = _tc_copy(byline, kind)
    settings = settings_with_original(CONVERSATION, kind, _tc_original(author))
    plan = plan_fixes(copy.encode(), kind, settings)
    # No byline put in beside the one that stays: the page is left as it is.
    assert plan.fixed == copy.encode() and not plan.edits
    reasons = {u.rule: u.reason for u in plan.unfixed}
    # The byline stands on line 3 in either syntax.
    assert f"edit the byline at line 3: write 'By {author}' in place of " in reasons["the-conversation/original-reporter"], reasons
    # The institution rule asks for the original's authors' institutions, not the co-author's.
    report = check_bytes(copy.encode(), kind, CONVERSATION, path=f"copy.{kind}", auto_detect=False, meta=settings.meta, load_original=settings.load_original)
    assert "the-conversation/author-institution" not in {f.rule for f in report.findings}
    assert other in next(f.message for f in report.findings if f.rule == "the-conversation/original-reporter")


def test_without_an_original_a_co_author_without_an_institution_is_still_found() -> None:
    copy = _tc_copy("By Kwame Mensah, University of Ghana, and Dan Cole")
    report = check_bytes(copy.encode(), "html", CONVERSATION, path="copy.html", auto_detect=False)
    message = next(f.message for f in report.findings if f.rule == "the-conversation/author-institution")
    assert "Dan Cole" in message


def test_an_author_of_the_original_without_an_institution_is_still_found() -> None:
    original = _tc_original("Kwame Mensah, University of Ghana and Dan Cole, University of Lagos")
    copy = _tc_copy("By Kwame Mensah, University of Ghana, and Dan Cole")
    settings = settings_with_original(CONVERSATION, "html", original)
    report = check_bytes(copy.encode(), "html", CONVERSATION, path="copy.html", auto_detect=False, meta=settings.meta, load_original=settings.load_original)
    message = next(f.message for f in report.findings if f.rule == "the-conversation/author-institution")
    assert "Dan Cole" in message

"""A Global Voices partner post is marked by its introduction ("The following is a partner post
from …, Republished with permission."), not by a photo's caption or credit that says
"Republished with permission." about the picture."""

from __future__ import annotations

import pytest

from compliance.api import check_html
from tests.conftest import ROOT

COMPLIANT = (ROOT / "tests" / "rule-fixtures" / "global-voices" / "compliant.html").read_text(encoding="utf-8")
FIRST_BODY_PARAGRAPH = "        <p>On the first Saturday"
PICTURE = '<img src="https://globalvoices.org/wp-content/uploads/2024/04/cobani-fb.jpg" alt="Volunteers at the repair café">'
CAPTION = "Screenshot of a post by the library on Facebook. Republished with permission."


def _with(markup: str) -> str:
    """The compliant republication with `markup` before its first body paragraph."""
    assert FIRST_BODY_PARAGRAPH in COMPLIANT
    return COMPLIANT.replace(FIRST_BODY_PARAGRAPH, f"        {markup}\n{FIRST_BODY_PARAGRAPH}", 1)


def _partner_post_found(page: str) -> bool:
    report = check_html(page, packs=["global-voices"])
    if any(finding.rule == "global-voices/partner-post" for finding in report.findings):
        return True
    assert "global-voices/partner-post" in {passed.rule for passed in report.passed}
    return False


@pytest.mark.parametrize(
    "markup",
    [
        f"<figure>{PICTURE}<figcaption>{CAPTION}</figcaption></figure>",
        # A caption block inside the figure, as block editors write it.
        f"<figure>{PICTURE}<p>{CAPTION}</p></figure>",
        f'<figure class="wp-block-image">{PICTURE}<div><em>{CAPTION}</em></div></figure>',
        # A theme's caption or photo credit outside any figure.
        f'<div class="wp-caption">{PICTURE}<p class="wp-caption-text">{CAPTION}</p></div>',
        f'{PICTURE}<p class="photo-credit">Photo by Valentina Grosu. Republished with permission.</p>',
    ],
)
def test_a_caption_that_says_republished_with_permission_is_no_partner_post(markup: str) -> None:
    assert _partner_post_found(_with(markup)) is False


@pytest.mark.parametrize(
    "markup",
    [
        # The feed's introduction, in a paragraph or a blockquote of the story.
        "<p><em>The following is a partner post from Steppe Dispatch, written by Aigerim Seitkali. Republished with permission.</em></p>",
        "<blockquote><p>The following is a partner post from Steppe Dispatch. Republished with permission.</p></blockquote>",
        "<p>This story was republished by Global Voices as part of a content partnership with Steppe Dispatch.</p>",
    ],
)
def test_the_partner_posts_introduction_is_still_found(markup: str) -> None:
    assert _partner_post_found(_with(markup)) is True


def test_an_introduction_beside_a_captioned_photo_is_still_found() -> None:
    intro = "<p><em>The following is a partner post from Steppe Dispatch. Republished with permission.</em></p>"
    assert _partner_post_found(_with(f"{intro}<figure>{PICTURE}<figcaption>{CAPTION}</figcaption></figure>")) is True

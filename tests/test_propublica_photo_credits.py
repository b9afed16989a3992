"""propublica/photo-permission reads a photo credit where a CMS prints one (figcaption, WordPress's
caption text and Media Credit plugin, a credit class, a <small> under the image, the image's alt
text) and an image loaded from ProPublica's own image host; a credit to an agency or to the
republisher's own staff, a site's credit line and ProPublica's logo are no ProPublica photo."""

from __future__ import annotations

import pytest

from compliance.api import check_html

RULE = "propublica/photo-permission"


def _page(figure: str) -> str:
    return (
        '<html><body><article><h1>Welds</h1><p class="byline">By Hollis Brandt, ProPublica</p>'
        '<p class="credit">This story was originally published by <a href="https://www.propublica.org/article/welds">ProPublica</a>.</p>'
        f"{figure}<p>The inspector signed off on welds he never saw, the records show.</p>"
        '<script async src="https://pixel.propublica.org/pixel.js"></script></article></body></html>'
    )


def _warnings(figure: str) -> list[str]:
    report = check_html(_page(figure), packs=["propublica"])
    assert RULE in {f.rule for f in report.findings} | {p.rule for p in report.passed}
    return [f.rule for f in report.findings if f.rule == RULE]


@pytest.mark.parametrize(
    "figure",
    [
        '<figure><img src="/welds.jpg" alt="A welder"><figcaption>Jane Lee for ProPublica</figcaption></figure>',
        '<div class="wp-caption"><img src="/w.jpg" alt="A welder"><p class="wp-caption-text">A welder at work. (Jane Lee/ProPublica)</p></div>',
        '<figure class="wp-caption"><img src="/w.jpg" alt="A welder"><span class="media-credit">Jane Lee/ProPublica</span></figure>',
        '<figure><img src="/w.jpg" alt="A welder"><p class="credit">Credit: Jane Lee/ProPublica</p></figure>',
        '<figure><img src="/w.jpg" alt="A welder"><small>Mario Tama for ProPublica</small></figure>',
        '<p><img src="/w.jpg" alt="A welder"><br><small>Photo: ProPublica</small></p>',
        # A credit class outside a figure, with a photo credit's shape.
        '<img src="/w.jpg" alt="A welder"><div class="credit">Photo by Jane Lee / ProPublica</div>',
        # The credit in the alt text only.
        '<p><img src="/w.jpg" alt="Photo by Jane Lee/ProPublica"></p>',
        '<p><img src="/w.jpg" alt="Illustration: ProPublica"></p>',
        # An image on ProPublica's own image host, whatever its caption says (or with none).
        '<p><img src="https://img.assets-d.propublica.org/v5/images/welds.jpg?w=800" alt="A welder"></p>',
        '<p><img src="/blank.gif" data-src="https://assets-c3.propublica.org/images/articles/welds.jpg" alt="A welder"></p>',
    ],
)
def test_a_propublica_photo_warns(figure: str) -> None:
    assert _warnings(figure) == [RULE]


@pytest.mark.parametrize(
    "figure",
    [
        # Agency and stock credits are common/wire-photo's; the republisher's own photos are theirs.
        '<figure><img src="/w.jpg" alt="A welder"><figcaption>(AP Photo/Jacob Ford)</figcaption></figure>',
        '<figure><img src="/w.jpg" alt="A welder"><span class="media-credit">Getty Images</span></figure>',
        '<figure><img src="/w.jpg" alt="A welder"><p class="credit">Ana Ruiz/Valley Ledger</p></figure>',
        '<figure><img src="/w.jpg" alt="Photo by Ana Ruiz for the Valley Ledger"><small>Valley Ledger staff</small></figure>',
        # ProPublica's logo beside the credit line, and an alt text naming ProPublica otherwise.
        '<p><img src="https://assets.propublica.org/logos/propublica-logo.svg" alt="ProPublica"></p>',
        '<p><img src="/w.jpg" alt="A ProPublica reporter reads the inspection logs"></p>',
        # A <small> that is no caption; an image on propublica.org that is no photo host.
        "<p><small>Reporting for this story was supported by ProPublica's Local Reporting Network.</small></p>",
        '<p><img src="https://www.propublica.org/badge.png" alt="Republished from ProPublica badge"></p>',
    ],
)
def test_other_credits_and_the_credit_line_do_not_warn(figure: str) -> None:
    assert _warnings(figure) == []


# The story's credit line, in the forms the pack knows, that a copy put in a photo's caption:
# propublica/credit-line reports it as misplaced; it credits the story, not the photo.
STORY_CREDIT_IN_CAPTION = [
    '<figure><img src="/local/nh.jpg" alt="A nursing home"><figcaption>A nursing home in Delta. This story was originally published by <a href="https://www.propublica.org/article/welds">ProPublica</a>.</figcaption></figure>',
    '<figure><img src="/w.jpg" alt="A welder"><figcaption>This article first appeared in ProPublica.</figcaption></figure>',
    '<div class="wp-caption"><img src="/w.jpg" alt=""><p class="wp-caption-text">The Harlan yard (This story was republished from ProPublica.)</p></div>',
    '<figure><img src="/w.jpg" alt="A welder"><figcaption>The yard in May. &mdash; Adapted from reporting by ProPublica</figcaption></figure>',
    '<figure><img src="/w.jpg" alt=""><figcaption>Welders at the yard. <em>This story is based on a ProPublica investigation.</em></figcaption></figure>',
]
# A photo credit beside the story's credit line, or in a credit line's words: still ProPublica's photo.
PHOTO_CREDIT_NEAR_A_STORY_CREDIT = [
    '<figure><img src="/w.jpg" alt=""><figcaption>Photo by Jane Doe/ProPublica. This story was originally published by ProPublica.</figcaption></figure>',
    '<figure><img src="/w.jpg" alt="A welder"><figcaption>ProPublica photo</figcaption></figure>',
    '<figure><img src="/w.jpg" alt="A welder"><figcaption>A welder at work. Photo originally published by ProPublica.</figcaption></figure>',
    '<figure><img src="/w.jpg" alt="A welder"><figcaption>This story was originally published by ProPublica. (Mario Tama for ProPublica)</figcaption></figure>',
    '<figure><img src="/w.jpg" alt="A welder"><figcaption>Courtesy of ProPublica</figcaption></figure>',
]


@pytest.mark.parametrize("figure", STORY_CREDIT_IN_CAPTION)
def test_the_story_credit_line_in_a_caption_is_no_photo_credit(figure: str) -> None:
    assert _warnings(figure) == []


@pytest.mark.parametrize("figure", PHOTO_CREDIT_NEAR_A_STORY_CREDIT)
def test_a_photo_credit_beside_or_shaped_like_a_story_credit_still_warns(figure: str) -> None:
    assert _warnings(figure) == [RULE]


# ProPublica named in a caption's prose, the photo credited to someone else or to no one: no
# ProPublica photo.
PROPUBLICA_IN_CAPTION_PROSE = [
    '<figure><img src="/j3.jpg" alt="A jail"><figcaption>Deputies at the jail, where ProPublica counted 41 deaths. (Valley Times)</figcaption></figure>',
    '<figure><img src="/w.jpg" alt="A welder"><figcaption>Inmates told ProPublica about the beatings. Photo: Ana Ruiz/Valley Ledger</figcaption></figure>',
    '<figure><img src="/w.jpg" alt="A welder"><figcaption>The welder who spoke to ProPublica. (Mario Tama/Getty Images)</figcaption></figure>',
    '<figure><img src="/w.jpg" alt=""><figcaption>A ProPublica reporter at the yard. <span class="credit">Valley Ledger photo</span></figcaption></figure>',
    '<div class="wp-caption"><img src="/w.jpg" alt=""><p class="wp-caption-text">The county jail, which ProPublica investigated in 2024.</p></div>',
    '<figure><img src="/w.jpg" alt=""><figcaption>Records ProPublica obtained show the deaths — Valley Times</figcaption></figure>',
]
# ProPublica credited for the photo, in a caption or a credit element, in other shapes.
PROPUBLICA_CREDITED_IN_CAPTION = [
    '<figure><img src="/w.jpg" alt=""><figcaption>Deputies at the jail, where ProPublica counted 41 deaths. (Jane Doe/ProPublica)</figcaption></figure>',
    '<figure><img src="/w.jpg" alt=""><figcaption>A welder at the yard (Jane Lee, ProPublica)</figcaption></figure>',
    '<figure><img src="/w.jpg" alt=""><figcaption>A welder at the yard. ProPublica</figcaption></figure>',
    '<figure><img src="/w.jpg" alt=""><figcaption>A welder at the yard. Credit: Jane Lee, ProPublica</figcaption></figure>',
    '<figure><img src="/w.jpg" alt=""><figcaption>A welder at the yard. © 2024 ProPublica</figcaption></figure>',
    '<figure><img src="/w.jpg" alt=""><figcaption>The yard, where ProPublica found 12 faulty welds. ProPublica illustration</figcaption></figure>',
    '<figure><img src="/w.jpg" alt=""><figcaption>A welder at the yard.</figcaption><span class="photo-credit">ProPublica</span></figure>',
    '<figure><img src="/w.jpg" alt=""><figcaption>A welder at the yard. <span class="credit">Photo by Jane Lee for ProPublica</span></figcaption></figure>',
]


@pytest.mark.parametrize("figure", PROPUBLICA_IN_CAPTION_PROSE)
def test_propublica_in_a_captions_prose_is_no_photo_credit(figure: str) -> None:
    assert _warnings(figure) == []


@pytest.mark.parametrize("figure", PROPUBLICA_CREDITED_IN_CAPTION)
def test_propublica_credited_for_the_photo_in_a_caption_warns(figure: str) -> None:
    assert _warnings(figure) == [RULE]

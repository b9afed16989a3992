"""ProPublica's photo rule and the story's lead picture: WordPress themes put the featured image
beside the story rather than in it (Newspack's `<figure class="post-thumbnail">` above the
headline, GeneratePress's `.featured-image` above the content area), outside `<article>`; such a
picture credited to ProPublica is the story's photo all the same, and is reported. One photo is
one finding, however many of its caption's elements name ProPublica (a `<figcaption>` and the
credit `<span>` in it). Pictures that are the site's or another story's (the site's logo, a
"Most read" thumbnail, a picture with a story's teaser beside it) are not the story's."""

from __future__ import annotations

import pytest

from compliance.api import check_html
from compliance.findings import Report

RULE = "propublica/photo-permission"
CREDIT = '<p><em>This story was originally published by <a href="https://www.propublica.org/article/hospital-chain-sued-patients">ProPublica</a>.</em></p>'
BODY = (
    '<div class="entry-content">'
    f"{CREDIT}"
    "<p>Over five years, a nonprofit hospital chain in New Mexico filed more than 4,000 lawsuits against its own patients.</p>"
    "<p>Many of the patients qualified for free care under the chain's own charity policy, according to an analysis.</p>"
    '<script async src="https://pixel.propublica.org/pixel.js"></script>'
    "</div>"
)
HEADER = (
    '<header class="entry-header"><span class="cat-links"><a href="/category/health/">Health</a></span>'
    '<h1 class="entry-title">How a Hospital Chain Sued Thousands of Patients</h1>'
    '<div class="entry-meta"><span class="byline">by <span class="author vcard"><a href="/author/ml/">Maria Lopez, ProPublica</a></span></span></div>'
    "</header>"
)
SITE_HEADER = (
    '<header id="masthead" class="site-header"><div class="site-branding"><a href="/">'
    '<img src="/logo.png" alt="Valley Courier" width="300" height="60"></a></div></header>'
)


def _figure(credit: str = "Jane Lee for ProPublica") -> str:
    return (
        '<figure class="post-thumbnail"><img src="https://valleycourier.example/uploads/hospital.jpg" width="1200" height="800"'
        ' class="wp-post-image" alt="Patients wait in the emergency room">'
        f'<figcaption>Patients wait. <span class="image-credit">Credit: {credit}</span></figcaption></figure>'
    )


def _page(main: str) -> str:
    head = '<head><meta property="og:site_name" content="Valley Courier"></head>'
    return f'<html>{head}<body>{SITE_HEADER}<main id="main" class="site-main">{main}</main></body></html>'


ARTICLE = f'<div class="main-content"><article class="post">{BODY}</article></div>'


def _warnings(report: Report) -> list[str]:
    return [f.evidence or "" for f in report.findings if f.rule == RULE]


def _passes(report: Report) -> bool:
    return RULE in {p.rule for p in report.passed}


# Newspack's featured-image positions, and other themes' places for the lead picture.
LAYOUTS = {
    # "behind": the picture first, the header over it, the story below
    "newspack-behind": lambda fig: f'<div class="featured-image-behind">{fig}<div class="wrapper">{HEADER}</div></div>{ARTICLE}',
    # "above": the picture above the header
    "newspack-above": lambda fig: f'<div class="featured-image-above">{fig}{HEADER}</div>{ARTICLE}',
    # "large": the header, then the picture, then the story
    "newspack-large": lambda fig: f"{HEADER}{fig}{ARTICLE}",
    # the picture just before <article>, which holds the headline
    "before-article": lambda fig: f'{fig}<article class="post">{HEADER}{BODY}</article>',
    # GeneratePress: the featured image above the content area, in a box of its own
    "generatepress": lambda fig: (
        f'<div class="featured-image page-header-image-single grid-container">{fig.replace("<figure", "<div").replace("</figure>", "</div>")}</div>'
        f'<div class="content-area" id="primary"><article class="post">{HEADER}{BODY}</article></div>'
    ),
    # the picture inside the article's header
    "article-header": lambda fig: f'<article class="post">{HEADER.replace("</header>", fig + "</header>")}{BODY}</article>',
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_a_lead_picture_credited_to_propublica_is_one_warning_wherever_the_theme_puts_it(layout: str) -> None:
    report = check_html(_page(LAYOUTS[layout](_figure())), packs=["propublica"])
    warnings = _warnings(report)
    assert len(warnings) == 1, warnings
    assert "Jane Lee for ProPublica" in warnings[0]


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_the_sites_own_lead_picture_passes_wherever_the_theme_puts_it(layout: str) -> None:
    report = check_html(_page(LAYOUTS[layout](_figure("Dana Whitcomb/Valley Courier"))), packs=["propublica"])
    assert _warnings(report) == [] and _passes(report)


def test_a_photo_whose_caption_and_credit_both_name_propublica_is_one_warning() -> None:
    # WordPress's caption box with the Media Credit plugin's credit beside the caption text.
    photo = (
        '<div class="wp-caption"><span class="media-credit-container"><img src="/uploads/clinic.jpg" width="800" height="500" alt="">'
        '<span class="media-credit">Jane Lee/ProPublica</span></span><p class="wp-caption-text">The clinic in Gallup. (Jane Lee/ProPublica)</p></div>'
    )
    page = _page(f'<article class="post">{HEADER}{BODY.replace(CREDIT, CREDIT + photo)}</article>')
    assert len(_warnings(check_html(page, packs=["propublica"]))) == 1


def test_two_photos_credited_to_propublica_are_two_warnings() -> None:
    second = _figure("Mark Ruiz for ProPublica").replace("post-thumbnail", "wp-block-image")
    page = _page(f'{_figure()}<article class="post">{HEADER}{BODY.replace(CREDIT, CREDIT + second)}</article>')
    warnings = _warnings(check_html(page, packs=["propublica"]))
    assert len(warnings) == 2 and "Jane Lee" in warnings[0] and "Mark Ruiz" in warnings[1]


@pytest.mark.parametrize(
    "before",
    [
        # another story's thumbnail in a "Most read" sidebar before the story
        '<aside class="widget-area"><section class="widget"><figure><img src="/u/x.jpg" width="300" height="200" alt="">'
        "<figcaption>Jane Lee for ProPublica</figcaption></figure></section></aside>",
        # a teaser of another story: its picture with the teaser's own paragraph
        '<div class="promo"><figure><img src="/u/y.jpg" width="300" height="200" alt=""><figcaption>Jane Lee for ProPublica</figcaption></figure>'
        "<p>Read our earlier investigation into how the chain's charity policy was written and why so few patients were ever told about it.</p></div>",
        # a picture linking to the front page: the site's banner, not the story's
        '<div class="banner"><a href="/"><img src="/u/banner.jpg" width="900" height="120" alt="Photo by Jane Lee for ProPublica"></a></div>',
    ],
)
def test_pictures_before_the_story_that_are_not_its_own_are_left_alone(before: str) -> None:
    page = _page(f'{before}<article class="post">{HEADER}{BODY}</article>')
    report = check_html(page, packs=["propublica"])
    assert _warnings(report) == [] and _passes(report)


def test_a_picture_after_a_paragraph_before_the_story_is_not_its_lead_picture() -> None:
    # A long line of the page stands between them: the picture belongs to what is above it.
    between = "<p>Our newsroom is supported by readers like you; thank you for reading and for sharing our local reporting.</p>"
    page = _page(f'{_figure()}{between}<article class="post">{HEADER}{BODY}</article>')
    assert _warnings(check_html(page, packs=["propublica"])) == []

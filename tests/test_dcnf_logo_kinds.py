"""DCNF's logo in the ways republishers show it: every alt text that calls the image the
foundation's logo (not one string), a copy of the logo file named after the foundation, and the
logo painted by a stylesheet rule as a sized box's background; never The Daily Caller's logo, a
reporter's photo, a photo credited to DCNF or a file that merely holds "dcnf". A look-alike in the
logo's place is named in the failure with why it is not the logo, and detection reads the logo
as the rule does."""

from __future__ import annotations

import pytest

from compliance.api import check_html, check_text

LICENSE = (
    "All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available"
    " without charge to any legitimate news publisher that can provide a large audience."
)
STORY = (
    "<p>Senate Republicans on Tuesday pressed the Department of Energy to explain a string of efficiency rules for household appliances.</p>"
    "<p>The letter, signed by 14 senators, asks Energy Secretary Jennifer Granholm to provide the cost estimates the agency used.</p>"
)


def _page(logo: str, *, css: str = "", byline: str = "By Nick Pope, Daily Caller News Foundation", license_paragraph: bool = True) -> str:
    """A DCNF republication whose only logo is `logo`, right above `byline`, with `css` in a `<style>` block."""
    return (
        f"<!doctype html><html><head><title>Appliance rules – Lakeside Courier</title><style>{css}</style></head><body>"
        '<header class="site-header"><a href="/"><img src="/assets/courier-logo.svg" alt="Lakeside Courier" width="200" height="40"></a></header>'
        "<article><h1>Senate Republicans Press Energy Department On Appliance Rules</h1>\n"
        f'{logo}\n<p class="byline">{byline}</p>\n{STORY}'
        f"{f'<p>{LICENSE}</p>' if license_paragraph else ''}</article></body></html>"
    )


def _logo(html: str) -> tuple[bool, str]:
    """Whether dcnf/logo passes on the page, and the failure's reason ("" when it passes)."""
    report = check_html(html, packs=["dcnf"])
    failed = [finding for finding in report.findings if finding.rule == "dcnf/logo"]
    if failed:
        return False, failed[0].detail or ""
    assert "dcnf/logo" in {passed.rule for passed in report.passed}
    return True, ""


# What editors and CMSes write for the logo's alt text: the name then "logo" (joined by a space, a
# dash, a colon, a bar, a possessive, brackets), "logo" then the name ("of", "for", a colon, a
# dash), an abbreviation, a file name made alt text, and the words of other languages.
LOGO_ALTS = [
    "Daily Caller News Foundation logo",
    "Daily Caller News Foundation Logo",
    "DAILY CALLER NEWS FOUNDATION LOGO",
    "DCNF logo",
    "DCNF Logo",
    "The Daily Caller News Foundation logo",
    "Daily Caller News Foundation - logo",
    "Daily Caller News Foundation – Logo",
    "Daily Caller News Foundation | Logo",
    "Daily Caller News Foundation (logo)",
    "Daily Caller News Foundation logo image",
    "the Daily Caller News Foundation's logo",
    "The Daily Caller News Foundation’s logo",
    "DCNF's logo",
    "Daily Caller News Foundation (DCNF) logo",
    "Logo of the Daily Caller News Foundation",
    "The logo of the Daily Caller News Foundation",
    "Logo: Daily Caller News Foundation",
    "Logo - DCNF",
    "logo for the Daily Caller News Foundation",
    "daily-caller-news-foundation-logo",
    "DCNF_Logo",
    "dcnf-logo.png",
    "Logo de la Daily Caller News Foundation",
    "Logotipo de Daily Caller News Foundation",
    "Logo du Daily Caller News Foundation",
    "Logo der Daily Caller News Foundation",
    "Daily Caller News Foundation-Logo",
    "Logo della Daily Caller News Foundation",
    # The name alone, as republishers write it for the same image.
    "Daily Caller News Foundation",
]


@pytest.mark.parametrize("alt", LOGO_ALTS)
def test_every_wording_of_the_logos_alt_text_names_the_logo(alt: str) -> None:
    # On a picture whose file says nothing: the alt text alone names it.
    assert _logo(_page(f'<p><img src="/wp-content/uploads/2024/06/image-1.png" alt="{alt}" width="300" height="90"></p>')) == (True, "")


@pytest.mark.parametrize(
    ("alt", "why"),
    [
        # The for-profit Daily Caller's logo, not the foundation's (publisher-terms).
        ("Daily Caller logo", "names the Daily Caller or DCNF but does not call the image the foundation's logo"),
        ("The Daily Caller logo", "The Daily Caller's logo is the for-profit outlet's"),
        ("Logo of the Daily Caller", "does not call the image the foundation's logo"),
        # A reporter's photo, and a story photo credited to DCNF.
        ("Nick Pope, Daily Caller News Foundation", "a reporter's photo or a photo credited to DCNF is no logo"),
        ("(Photo by DCNF)", "a reporter's photo or a photo credited to DCNF is no logo"),
        ("Photo: Daily Caller News Foundation", "is not the DCNF logo"),
        ("Daily Caller News Foundation reporter Nick Pope", "is not the DCNF logo"),
    ],
)
def test_a_look_alike_alt_text_is_no_logo_and_the_failure_says_why(alt: str, why: str) -> None:
    passed, reason = _logo(_page(f'<p><img src="/media/2024/06/photo-1.jpg" alt="{alt}" width="300" height="90"></p>'))
    assert not passed
    assert f'<img alt="{alt}" src="/media/2024/06/photo-1.jpg"> (line 2) is not the DCNF logo' in reason
    assert why in reason


def test_the_logos_alt_text_on_a_picture_that_is_plainly_another_says_so() -> None:
    passed, reason = _logo(_page('<p><img src="/media/ledger-promo.png" alt="Daily Caller News Foundation logo" width="300" height="90"></p>'))
    assert not passed
    assert reason.endswith("the one at line 2 shows another picture (/media/ledger-promo.png): its alt text names the picture, it does not make it one")


@pytest.mark.parametrize(
    "src",
    [
        "/wp-content/uploads/2024/06/daily-caller-news-foundation.svg",
        "/wp-content/uploads/2024/06/daily-caller-news-foundation-300x90.png",
        "/wp-content/uploads/2024/06/dailycallernewsfoundation-logo.png",
        "/media/DCNF_Logo.png",
        "/media/DCNF-Logo-White@2x.png?ver=3",
        "/media/logo-dcnf.svg",
        "/media/dcnf.png",
        "/media/the-daily-caller-news-foundation-logo.svg",
        "/media/Daily Caller News Foundation Logo.png",
        "/media/Daily%20Caller%20News%20Foundation.png",
        "/wp-content/uploads/2024/06/daily-caller-news-foundation-scaled.png",
        "/wp-content/uploads/2024/06/daily-caller-news-foundation-e1718123456789.png",
    ],
)
def test_a_copy_of_the_logo_file_named_after_the_foundation_is_the_logo_whatever_its_alt(src: str) -> None:
    assert _logo(_page(f'<p><img src="{src}" alt="" width="300" height="90"></p>')) == (True, "")


@pytest.mark.parametrize(
    "src",
    [
        # A photo credited to DCNF, or one of its reporter, named with "dcnf" among other words.
        "/media/2024/06/dcnf-capitol-hearing.jpg",
        "/media/2024/06/DCNF_20240612_senate.jpg",
        "/media/2024/06/nick-pope-dcnf.jpg",
        "/media/2024/06/dcnf-photo.jpg",
        "/media/2024/06/photo-by-daily-caller-news-foundation.jpg",
    ],
)
def test_a_file_that_merely_holds_dcnf_is_no_logo_and_the_failure_says_why(src: str) -> None:
    passed, reason = _logo(_page(f'<p><img src="{src}" alt="" width="600" height="400"></p>'))
    assert not passed
    assert f'<img src="{src}"> (line 2) is not the DCNF logo: its file names DCNF but is not the logo\'s' in reason


@pytest.mark.parametrize("src", ["/media/daily-caller.png", "/media/dc-logo.png", "/media/daily-caller-logo.png"])
def test_the_daily_callers_files_are_not_dcnfs_logo(src: str) -> None:
    assert _logo(_page(f'<p><img src="{src}" alt="" width="300" height="90"></p>'))[0] is False


LOGO_CSS = "background:url(/wp-content/uploads/2024/06/dcnf-logo.png) no-repeat"


@pytest.mark.parametrize(
    ("css", "logo"),
    [
        # The reproducer: a link sized as a block by a class rule.
        (f".dcnf-logo{{display:block;width:300px;height:90px;{LOGO_CSS}}}", '<p><a class="dcnf-logo" href="https://dailycallernewsfoundation.org/"></a></p>'),
        (f".dcnf-logo{{display:inline-block;width:300px;height:90px;{LOGO_CSS}}}", '<p><a class="dcnf-logo" href="/"></a></p>'),
        # A block fills its container's width; a height, a padding or an aspect ratio gives it height.
        (f"#partner .logo{{height:60px;{LOGO_CSS}}}", '<div id="partner"><div class="logo"></div></div>'),
        (f".logo{{padding-bottom:30%;background-size:contain;{LOGO_CSS}}}", '<div class="logo"></div>'),
        (f".logo{{height:90px;{LOGO_CSS};background-size:300px 90px}}", '<div class="logo"></div>'),
        (f".logo{{aspect-ratio:10/3;{LOGO_CSS}}}", '<div class="logo"></div>'),
        # Floated, positioned or a flex item, an inline `<a>` is a block, sized by its width and height.
        (f".logo{{float:left;width:300px;height:90px;{LOGO_CSS}}}", '<p><a class="logo" href="/"></a></p>'),
        (f".box{{display:flex}} .logo{{width:300px;height:90px;{LOGO_CSS}}}", '<p class="box"><a class="logo" href="/"></a></p>'),
        # Image replacement: the words pushed out of a sized block.
        (f".logo{{display:block;width:300px;height:90px;text-indent:-9999px;overflow:hidden;{LOGO_CSS}}}", '<p><a class="logo" href="/">DCNF</a></p>'),
        # An image-set of the logo's sizes, and the longhand.
        (
            '.logo{display:block;height:90px;background-image:image-set("/u/dcnf-logo.png" 1x, url(/u/dcnf-logo@2x.png) 2x)}',
            '<p><span class="logo"></span></p>',
        ),
        # The logo file named after the foundation, in a style attribute.
        ("", '<div style="height:90px;background-image:url(/u/daily-caller-news-foundation.svg)"></div>'),
    ],
)
def test_the_logo_painted_by_the_pages_css_on_a_sized_box_counts(css: str, logo: str) -> None:
    assert _logo(_page(logo, css=css)) == (True, "")


@pytest.mark.parametrize(
    ("css", "logo", "why"),
    [
        # `width` and `height` do not size an inline box: an empty `<a>` paints nothing.
        (f".dcnf-logo{{width:300px;height:90px;{LOGO_CSS}}}", '<p><a class="dcnf-logo" href="/"></a></p>', "is an inline box (display: inline)"),
        (f".logo{{display:inline-block;height:90px;{LOGO_CSS}}}", '<p><span class="logo"></span></p>', "in a box of no width"),
        (f".logo{{display:block;width:300px;{LOGO_CSS}}}", '<div class="logo"></div>', "in a box of no height"),
        (f".logo{{height:90px;max-height:0;{LOGO_CSS}}}", '<div class="logo"></div>', "in a box of no height"),
        (f".logo{{width:300px;height:3px;{LOGO_CSS}}}", '<div class="logo"></div>', "in a box 3px high, too small to be seen"),
        (f".logo{{display:contents;{LOGO_CSS}}}", '<div class="logo"><span>x</span></div>', "has no box of its own (display: contents)"),
        # The picture painted at no size, or under an opaque gradient.
        (f".logo{{height:90px;{LOGO_CSS};background-size:0 0}}", '<div class="logo"></div>', "at a size of 0"),
        (f".logo{{height:90px;{LOGO_CSS};background-size:1px 1px}}", '<div class="logo"></div>', "1px across (its background-size), too small to be seen"),
        (f".logo{{height:90px;{LOGO_CSS};background-size:5px auto}}", '<div class="logo"></div>', "5px across (its background-size), too small to be seen"),
        (".logo{height:90px;background:linear-gradient(#fff,#fff),url(/u/dcnf-logo.png)}", '<div class="logo"></div>', "under an opaque gradient"),
        # Painted on some screens only, or not at all by the rule that wins the cascade.
        (
            f".logo{{height:90px}} @media (min-width: 900px){{.logo{{{LOGO_CSS}}}}}",
            '<div class="logo"></div>',
            "on some screens only (a rule in a media query)",
        ),
        (f".logo{{height:90px;{LOGO_CSS}}} div.logo{{background:none}}", '<div class="logo"></div>', "another rule wins the cascade and paints none"),
        (f".logo{{height:90px;{LOGO_CSS}}} div.logo{{background-image:url(/u/ledger-ad.png)}}", '<div class="logo"></div>', "paints /u/ledger-ad.png"),
        # Hidden, as an image would be.
        (f".logo{{height:90px;opacity:0;{LOGO_CSS}}}", '<div class="logo"></div>', "is hidden"),
    ],
)
def test_a_painted_logo_no_reader_sees_does_not_count_and_the_failure_says_why(css: str, logo: str, why: str) -> None:
    passed, reason = _logo(_page(logo, css=css))
    assert not passed
    assert reason.startswith("no visible DCNF logo in the article; the one at line 2 ")
    assert why in reason


def test_a_painted_logo_outside_the_article_or_of_another_file_does_not_count() -> None:
    css = f".dcnf-logo{{display:block;width:300px;height:90px;{LOGO_CSS}}}"
    sidebar = _page("", css=css).replace("</article>", '</article><aside class="sidebar"><a class="dcnf-logo" href="/"></a></aside>')
    assert _logo(sidebar)[0] is False
    other = ".dcnf-logo{display:block;width:300px;height:90px;background:url(/u/courier-logo.png)}"
    assert _logo(_page('<p><a class="dcnf-logo" href="/"></a></p>', css=other))[0] is False


def test_a_painted_logo_next_to_the_byline_gives_the_affiliation() -> None:
    css = f".dcnf-logo{{display:block;width:300px;height:90px;{LOGO_CSS}}}"
    report = check_html(_page('<p><a class="dcnf-logo" href="/"></a></p>', css=css, byline="By Nick Pope"), packs=["dcnf"])
    assert {"dcnf/logo", "dcnf/affiliation"} <= {passed.rule for passed in report.passed}
    unsized = check_html(_page('<p><a class="dcnf-logo" href="/"></a></p>', css=css.replace("display:block;", ""), byline="By Nick Pope"), packs=["dcnf"])
    assert {"dcnf/logo", "dcnf/affiliation"} <= {finding.rule for finding in unsized.findings}


@pytest.mark.parametrize(
    ("logo", "css"),
    [
        ('<p><img src="/u/image-1.png" alt="Logo of the Daily Caller News Foundation" width="300" height="90"></p>', ""),
        ('<p><img src="/u/daily-caller-news-foundation.svg" alt="" width="300" height="90"></p>', ""),
        ('<p><a class="dcnf-logo" href="/"></a></p>', f".dcnf-logo{{display:block;width:300px;height:90px;{LOGO_CSS}}}"),
    ],
)
def test_detection_reads_the_logo_as_the_rule_does(logo: str, css: str) -> None:
    # No license paragraph and no affiliation: the logo in the article alone applies the pack.
    report = check_html(_page(logo, css=css, byline="By Nick Pope", license_paragraph=False))
    assert "dcnf" in report.packs
    detection = next(d for d in report.detections if d.pack == "dcnf")
    assert set(detection.markers) == {"logo", "logo-in-article"}


@pytest.mark.parametrize(
    "logo",
    [
        '<p><img src="/u/dc.png" alt="Daily Caller logo" width="300" height="90"></p>',
        '<p><img src="/u/nick-pope.jpg" alt="Nick Pope, Daily Caller News Foundation" width="100" height="100"></p>',
        '<p><img src="/u/dcnf-capitol-hearing.jpg" alt="(Photo by DCNF)" width="600" height="400"></p>',
    ],
)
def test_a_look_alike_is_no_detection_marker(logo: str) -> None:
    report = check_html(_page(logo, byline="By Nick Pope", license_paragraph=False))
    assert "dcnf" not in report.packs


@pytest.mark.parametrize("line", ["Daily Caller News Foundation - logo", "Logo of the Daily Caller News Foundation", "[Image: DCNF logo]"])
def test_a_text_copy_writes_the_logo_as_a_line_of_any_of_its_alt_texts(line: str) -> None:
    text = f"Senate Republicans Press Energy Department\n\n{line}\n\nBy Nick Pope, Daily Caller News Foundation\n\n"
    text += f"The letter asks for cost estimates.\n\n{LICENSE}\n"
    report = check_text(text, packs=["dcnf"])
    assert "dcnf/logo" in {passed.rule for passed in report.passed}


def test_a_markdown_copys_look_alike_is_named_as_an_html_pages_is() -> None:
    from compliance.api import check_markdown

    story = f"By Nick Pope, Daily Caller News Foundation\n\nThe letter asks for cost estimates.\n\n{LICENSE}\n"
    report = check_markdown(f"# Appliance rules\n\n![Daily Caller logo](/media/dc.png)\n\n{story}", packs=["dcnf"])
    [finding] = [finding for finding in report.findings if finding.rule == "dcnf/logo"]
    assert "; ![Daily Caller logo](/media/dc.png) (line 3) is not the DCNF logo: its alt text names the Daily Caller" in (finding.detail or "")
    assert finding.location is not None and finding.location.line == 3
    logo = check_markdown(f"# Appliance rules\n\n![Logo: Daily Caller News Foundation](/media/image-1.png)\n\n{story}", packs=["dcnf"])
    assert "dcnf/logo" in {passed.rule for passed in logo.passed}

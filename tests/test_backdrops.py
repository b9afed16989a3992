"""Text laid over a picture (`compliance.document.backdrops`): a white byline or logo over a hero
photo or video is seen, on a page of a white background, whether the overlay is placed
absolutely, stacked in a grid, pulled up by a negative margin or an offset, or is a WordPress
Cover block's; white text on white with no picture behind it is still hidden. Also the displays
that render nothing (`table-column`, `table-column-group`; `contents` on an image) and the words
an `<svg>` draws with `<use>`. Each verdict here was confirmed in Chromium (the screenshots of
the pages the tests build show the byline over the picture, or nothing)."""

from __future__ import annotations

import base64

import pytest

from compliance.document import parse_document
from compliance.document.data_images import gif_transparent
from compliance.engine import check_document
from compliance.loading import load_packs

DCNF = [p for p in load_packs() if p.id == "dcnf"]
LOGO = (
    '<img src="https://dailycallernewsfoundation.org/wp-content/uploads/2019/01/dcnf-logo.png" alt="Daily Caller News Foundation logo" width="300" height="60">'
)
BYLINE = '<p class="byline">By Jake Smith, Daily Caller News Foundation</p>'
PHOTO = '<img src="https://localpaper.example/uploads/pipeline-1200x600.jpg" width="1200" height="600" alt="A pipeline">'
# A dark picture as a `data:` URL, as a page may inline its hero.
DARK_SVG = (
    "data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 width=%2212%22 height=%223%22%3E"
    "%3Crect width=%2212%22 height=%223%22 fill=%22%23234%22/%3E%3C/svg%3E"
)


def gif(pixel: int, transparent: int | None = None) -> str:
    """A one-pixel GIF as a `data:` URL: black (index 0) or dark blue (1), with a transparent
    colour index when given."""
    control = b"" if transparent is None else b"\x21\xf9\x04\x01\x00\x00" + bytes([transparent]) + b"\x00"
    # LZW codes of 3 bits: clear (4), the pixel, end (5).
    codes = 4 | pixel << 3 | 5 << 6
    data = b"GIF89a\x01\x00\x01\x00\x80\x00\x00" + b"\x00\x00\x00\x20\x28\x40" + control
    data += b"\x2c\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02" + codes.to_bytes(2, "little") + b"\x00\x3b"
    return "data:image/gif;base64," + base64.b64encode(data).decode()


SPACER = gif(0, transparent=0)
EMPTY_SVG = "data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 viewBox=%220 0 12 6%22%3E%3C/svg%3E"
LINKED = '<link rel="stylesheet" href="/wp-content/themes/magazine/style.css">'
LICENSE = (
    "<p><em>All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available"
    " without charge to any legitimate news publisher that can provide a large audience. All republished articles must include our"
    " logo, our reporter's byline and their DCNF affiliation. For any questions about our guidelines or partnering with us, please"
    " contact licensing@dailycallernewsfoundation.org.</em></p>"
)


def page(css: str, body: str, *, logo: str = LOGO, head: str = "") -> bytes:
    """A DCNF republication on a white page, with `css` and the hero or byline `body`."""
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pipeline rule shelved</title>'
        f"{head}<style>body{{background:#fff;color:#222}}{css}</style></head><body><main><article>"
        f'<h1>Energy Department shelves pipeline safety rule</h1>{logo}{body}<div class="article-body">'
        "<p>The Department of Energy has shelved a proposed pipeline safety rule after industry groups objected to its cost.</p>"
        "<p>“We heard the concerns and we are taking another look,” an agency spokesman said.</p>"
        "<p>The rule would have required operators to inspect lines every three years instead of seven.</p>"
        f"{LICENSE}</div></article></main></body></html>"
    ).encode()


def failed(data: bytes) -> dict[str, str]:
    """The DCNF rules the page fails, with their messages."""
    report = check_document(parse_document(data, "html"), DCNF, path="copy.html", auto_detect=False)
    return {finding.rule: finding.message for finding in report.findings if finding.rule in ("dcnf/byline", "dcnf/logo", "dcnf/affiliation")}


# The byline (or logo) over a picture: seen, whatever the page's white background.
OVER_A_PICTURE = {
    "placed absolutely in the hero": (
        ".hero{position:relative}.hero img{display:block;width:100%}.hero .byline{position:absolute;left:20px;bottom:12px;color:#fff}",
        f'<div class="hero">{PHOTO}{BYLINE}</div>',
    ),
    "with a linked stylesheet": (".hero{position:relative}.hero .byline{position:absolute;bottom:12px;color:#fff}", f'<div class="hero">{PHOTO}{BYLINE}</div>'),
    "in a caption box placed absolutely": (
        ".hero{position:relative}.hero .caption{position:absolute;inset:auto 0 0 0}.caption .byline{color:#fff}",
        f'<div class="hero">{PHOTO}<div class="caption">{BYLINE}</div></div>',
    ),
    "over a <picture>": (
        ".hero{position:relative}.hero .byline{position:absolute;bottom:12px;color:#fff}",
        f'<div class="hero"><picture><source srcset="/h.webp" type="image/webp">{PHOTO}</picture>{BYLINE}</div>',
    ),
    "over a <video>": (
        ".hero{position:relative}.hero .byline{position:absolute;bottom:12px;color:#fff}",
        f'<div class="hero"><video autoplay muted loop src="/bg.mp4"></video>{BYLINE}</div>',
    ),
    "over a data: picture": (
        ".hero{position:relative}.hero .byline{position:absolute;bottom:10px;color:#fff}",
        f'<div class="hero"><img src="{DARK_SVG}" width="1200" height="300" alt="">{BYLINE}</div>',
    ),
    "over a box with a background image": (
        ".hero{position:relative}.hero .art{height:300px;background:url(/h.jpg) center/cover}.hero .byline{position:absolute;bottom:10px;color:#fff}",
        f'<div class="hero"><div class="art"></div>{BYLINE}</div>',
    ),
    "stacked in one grid cell": (
        ".hero{display:grid}.hero>*{grid-area:1/1}.hero .byline{align-self:end;color:#fff}",
        f'<div class="hero">{PHOTO}{BYLINE}</div>',
    ),
    "pulled up by a negative margin": (
        ".hero img{display:block;width:100%}.hero .byline{margin-top:-60px;color:#fff;position:relative}",
        f'<div class="hero">{PHOTO}{BYLINE}</div>',
    ),
    "moved up by a relative offset": (".byline{position:relative;top:-50px;color:#fff}", f"<div>{PHOTO}</div>{BYLINE}"),
    "the hero setting the colour": (".hero{position:relative;color:#fff}.hero .byline{position:absolute;bottom:0}", f'<div class="hero">{PHOTO}{BYLINE}</div>'),
    "placed over the picture's lower part": (
        ".hero{position:relative}.hero .byline{position:absolute;top:500px;left:20px;color:#fff}",
        f'<div class="hero">{PHOTO}{BYLINE}</div>',
    ),
    "over a one-pixel picture its CSS sizes up": (
        ".hero{position:relative}.hero img{width:100%;height:300px}.hero .byline{position:absolute;bottom:10px;color:#fff}",
        '<div class="hero"><img src="https://localpaper.example/uploads/px.jpg" width="1" height="1" alt="">' + BYLINE + "</div>",
    ),
    "over a one-colour GIF stretched": (
        ".hero{position:relative}.hero .byline{position:absolute;bottom:10px;color:#fff}",
        f'<div class="hero"><img src="{gif(1)}" width="1200" height="300" alt="">{BYLINE}</div>',
    ),
    "in a grid cell the picture spans": (
        ".hero{display:grid}.hero img{grid-area:1/1/3/3;width:100%;height:auto}.hero .byline{grid-row:2;grid-column:2 / span 1;color:#fff}",
        f'<div class="hero">{PHOTO}{BYLINE}</div>',
    ),
    "under a text over a cover picture": (
        ".hero{position:relative}.hero img{position:absolute;inset:0;width:100%;height:100%}.hero .byline{position:relative;color:#fff}",
        f'<div class="hero">{PHOTO}{BYLINE}</div>',
    ),
}


@pytest.mark.parametrize("name", OVER_A_PICTURE)
def test_a_white_byline_over_a_picture_is_seen(name: str) -> None:
    css, body = OVER_A_PICTURE[name]
    head = LINKED if "linked" in name else ""
    assert failed(page(css, body, head=head)) == {}


def test_a_white_logo_placed_over_the_hero_is_seen() -> None:
    css = (
        ".hero{position:relative}.hero img.photo{display:block;width:100%}.hero .dcnf-logo{position:absolute;top:16px;left:16px;filter:brightness(0) invert(1)}"
    )
    hero = f'<div class="hero">{PHOTO.replace("<img ", "<img class=photo ")}{LOGO.replace("<img ", "<img class=dcnf-logo ")}</div>'
    assert failed(page(css, hero + BYLINE, logo="")) == {}


WP_COVER = (
    '<div class="wp-block-cover alignfull"><span aria-hidden="true" class="wp-block-cover__background has-background-dim"></span>'
    '<img class="wp-block-cover__image-background" alt="" src="https://pinehollow.example/uploads/pipeline.jpg">'
    '<div class="wp-block-cover__inner-container"><p class="byline has-base-color">By Jake Smith, Daily Caller News Foundation</p></div></div>'
)


def test_a_wordpress_cover_block_shows_its_white_text_over_its_picture() -> None:
    # The block library's CSS, linked, places the picture across the block under the inner container.
    head = '<link rel="stylesheet" id="wp-block-library-css" href="https://pinehollow.example/wp-includes/css/dist/block-library/style.min.css">'
    css = "body{--base:#fff}.has-base-color{color:var(--base)!important}"
    assert failed(page(css, WP_COVER, head=head)) == {}


# White text on white with no picture behind it: still hidden.
ON_WHITE = {
    "no picture at all": (".byline{color:#fff}", BYLINE),
    "placed absolutely in a box with no picture": (
        ".hero{position:relative}.byline{position:absolute;bottom:0;color:#fff}",
        f'<div class="hero"><p>Photo to come.</p>{BYLINE}</div>',
    ),
    # (Placed from the page itself, out of the way of the headline's words.)
    "placed absolutely on the page, the logo beside it": (".byline{position:absolute;left:0;top:1600px;color:#fff}", BYLINE),
    "over a picture the page hides": (
        ".hero{position:relative;height:200px}.hero img{display:none}.byline{position:absolute;bottom:0;color:#fff}",
        f'<div class="hero">{PHOTO}{BYLINE}</div>',
    ),
    "in a white box of its own over the picture": (
        ".hero{position:relative}.byline{position:absolute;bottom:0;color:#fff;background:#fff}",
        f'<div class="hero">{PHOTO}{BYLINE}</div>',
    ),
    "pulled up a hair": (".byline{margin-top:-2px;color:#fff}", f"<div>{PHOTO}</div>{BYLINE}"),
    "pulled up over an empty box": (".byline{margin-top:-40px;color:#fff}", f'{PHOTO}<div style="height:80px"></div>{BYLINE}'),
    "translated up by its own height": (".byline{transform:translateY(-100%);color:#fff}", f"<div>{PHOTO}</div>{BYLINE}"),
    "in a grid, not placed over the picture": (".hero{display:grid}.byline{color:#fff}", f'<div class="hero">{PHOTO}{BYLINE}</div>'),
    "beside a small picture placed in a corner": (
        ".hero{position:relative}.hero img{position:absolute;top:0;right:0}.byline{color:#fff;margin-right:60px}",
        f'<div class="hero"><img src="https://localpaper.example/uploads/icon.png" width="40" height="40" alt="">{BYLINE}</div>',
    ),
    "a cover block's classes with no stylesheet for them": (".has-base-color{color:#fff}", WP_COVER),
    # A picture that paints nothing a reader could read the text on.
    "over a one-pixel picture": (
        ".hero{position:relative}.byline{position:absolute;top:0;left:0;color:#fff}",
        '<div class="hero"><img src="https://localpaper.example/p.gif" width="1" height="1" alt="">' + BYLINE + "</div>",
    ),
    "over a picture its CSS sizes to nothing": (
        ".hero{position:relative}.hero img{width:0;height:0}.byline{position:absolute;top:0;color:#fff}",
        f'<div class="hero">{PHOTO}{BYLINE}</div>',
    ),
    "stacked in a grid cell with a one-pixel picture": (
        ".hero{display:grid}.hero>*{grid-area:1/1}.byline{color:#fff}",
        '<div class="hero"><img src="https://localpaper.example/p.gif" width="1" height="2" alt="">' + BYLINE + "</div>",
    ),
    "pulled up over a one-pixel picture": (
        ".byline{margin-top:-40px;color:#fff}",
        # (Clear of the logo above.)
        '<div style="margin-top:80px"><img src="https://localpaper.example/p.gif" width="1" height="1" alt=""></div>' + BYLINE,
    ),
    "over a transparent spacer GIF": (
        ".hero{position:relative}.byline{position:absolute;top:0;color:#fff}",
        f'<div class="hero"><img src="{SPACER}" width="1200" height="600" alt="">{BYLINE}</div>',
    ),
    "over an SVG that draws nothing": (
        ".hero{position:relative}.byline{position:absolute;top:0;color:#fff}",
        f'<div class="hero"><svg width="1200" height="600"><title>Hero</title><defs><rect id="r" width="9" height="9"/></defs></svg>{BYLINE}</div>',
    ),
    "over an empty SVG data picture": (
        ".hero{position:relative}.byline{position:absolute;top:0;color:#fff}",
        f'<div class="hero"><img src="{EMPTY_SVG}" width="1200" height="600" alt="">{BYLINE}</div>',
    ),
    "over an iframe of no size": (
        ".hero{position:relative}.byline{position:absolute;top:0;color:#fff}",
        f'<div class="hero"><iframe src="https://localpaper.example/embed" width="0" height="0" style="border:0"></iframe>{BYLINE}</div>',
    ),
    "over an iframe with no document": (
        ".hero{position:relative}.byline{position:absolute;top:0;color:#fff}",
        f'<div class="hero"><iframe width="600" height="300" style="border:0"></iframe>{BYLINE}</div>',
    ),
    # A picture that is not under the text.
    "placed below the picture": (
        # (Below the rest of the page too.)
        ".hero{position:relative}.byline{position:absolute;top:3000px;left:0;color:#fff}",
        f'<div class="hero">{PHOTO}{BYLINE}</div>',
    ),
    "placed beside the picture": (
        ".hero{position:relative}.byline{position:absolute;top:0;left:1300px;color:#fff}",
        f'<div class="hero">{PHOTO}{BYLINE}</div>',
    ),
    "in the grid column beside the picture": (
        ".hero{display:grid;grid-template-columns:1fr 1fr}.hero img{grid-area:1/1;width:100%;height:auto}.byline{grid-area:1/2;color:#fff}",
        f'<div class="hero">{PHOTO}{BYLINE}</div>',
    ),
    "in the grid row below the picture": (
        ".hero{display:grid}.hero img{grid-row:1;grid-column:1}.byline{grid-row:2 / 3;grid-column:1;color:#fff}",
        f'<div class="hero">{PHOTO}{BYLINE}</div>',
    ),
}


@pytest.mark.parametrize("name", ON_WHITE)
def test_a_white_byline_on_white_is_hidden(name: str) -> None:
    css, body = ON_WHITE[name]
    found = failed(page(css, body))
    assert "dcnf/byline" in found
    assert "is hidden (the page's CSS sets " in found["dcnf/byline"]
    assert "`color: #fff`" in found["dcnf/byline"]


def test_a_white_logo_placed_in_a_box_with_no_picture_is_missing() -> None:
    css = ".hero{position:relative}.hero .dcnf-logo{position:absolute;top:16px;filter:brightness(0) invert(1)}"
    hero = f'<div class="hero"><p>Photo to come.</p>{LOGO.replace("<img ", "<img class=dcnf-logo ")}</div>'
    assert "dcnf/logo" in failed(page(css, hero + BYLINE, logo=""))


# --- displays that render nothing --------------------------------------------------------------


@pytest.mark.parametrize("display", ["table-column", "table-column-group", "table-column !important"])
def test_a_table_column_display_hides_the_byline(display: str) -> None:
    found = failed(page(f".byline{{display:{display}}}", BYLINE))
    assert f"is hidden (the page's CSS sets `display: {display.split()[0]}" in found["dcnf/byline"]


def test_a_table_column_display_hides_the_logo_and_the_affiliation() -> None:
    assert "dcnf/logo" in failed(page(".l{display:table-column}", BYLINE, logo=f'<div class="l">{LOGO}</div>'))
    byline = '<p class="byline">By Jake Smith<span style="display:table-column">, Daily Caller News Foundation</span></p>'
    # (The logo stands at the end: next to the byline, its alt text would tie the name to DCNF.)
    logo_last = page("", byline, logo="").replace(b"</div></article>", f"<p>{LOGO}</p></div></article>".encode())
    assert "dcnf/affiliation" in failed(logo_last)
    assert "dcnf/affiliation" not in failed(logo_last.replace(b"display:table-column", b"display:table-cell"))


def test_display_contents_hides_an_image_but_not_what_a_box_holds() -> None:
    assert "dcnf/logo" in failed(page(".dcnf-logo{display:contents}", BYLINE, logo=LOGO.replace("<img ", '<img class="dcnf-logo" ')))
    assert failed(page(".w{display:contents}", f'<div class="w">{BYLINE}</div>', logo=f'<div class="w">{LOGO}</div>')) == {}


@pytest.mark.parametrize("display", ["table-cell", "table-row", "table-caption", "table"])
def test_the_other_table_displays_show_the_byline(display: str) -> None:
    assert failed(page(f".byline{{display:{display}}}", BYLINE)) == {}


# --- words an <svg> draws with <use> -----------------------------------------------------------

WORDS = "By Jake Smith, Daily Caller News Foundation"


@pytest.mark.parametrize(
    "svg",
    [
        f'<svg width="400" height="30"><defs><text id="t">{WORDS}</text></defs><use href="#t" x="0" y="20"/></svg>',
        f'<svg style="display:none"><symbol id="s"><text y="20">{WORDS}</text></symbol></svg><svg width="400" height="30"><use xlink:href="#s"/></svg>',
    ],
)
def test_text_a_use_draws_is_a_byline(svg: str) -> None:
    assert failed(page("", svg)) == {}


@pytest.mark.parametrize(
    "use",
    [
        '<use href="#t" x="-5000"/>',
        '<use href="#t" style="display:none"/>',
        '<use href="#t" fill="#fff"/>',
        "",
        '<use href="#t"/><rect width="400" height="30" fill="#fff"/>',
        '<use href="#nothing"/>',
    ],
)
def test_text_no_use_draws_where_seen_is_no_byline(use: str) -> None:
    svg = f'<svg width="400" height="30"><defs><text id="t" y="20">{WORDS}</text></defs>{use}</svg>'
    assert "dcnf/byline" in failed(page("", svg))


# --- a framework's helper class ------------------------------------------------------------------

BOOTSTRAP = '<link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/css/bootstrap.min.css">'


def test_bootstrap_s_focusable_visually_hidden_class_hides_the_byline_where_its_stylesheet_is_linked() -> None:
    byline = '<p class="byline visually-hidden-focusable">By Jake Smith, Daily Caller News Foundation</p>'
    assert "has the class `visually-hidden-focusable`" in failed(page("", byline, head=BOOTSTRAP))["dcnf/byline"]
    # On a whole page whose CSS is all read, a class it does not define hides nothing.
    assert failed(page("", byline)) == {}


CARD = (
    '<div class="card"><img class="card-img" src="https://localpaper.example/uploads/pipeline.jpg" alt="">'
    '<div class="card-img-overlay"><p class="byline">By Jake Smith, Daily Caller News Foundation</p></div></div>'
)


def test_bootstrap_s_card_overlay_shows_its_white_text_over_the_card_s_picture_where_bootstrap_is_linked() -> None:
    assert failed(page(".card-img-overlay .byline{color:#fff}", CARD, head=BOOTSTRAP)) == {}
    # Without a stylesheet to place it, the overlay is a block below the picture, on white.
    assert "dcnf/byline" in failed(page(".card-img-overlay .byline{color:#fff}", CARD))


# A framework's overlay is known by its class in any letter case (`class` tokens are read
# lowered), whatever else the page's classes hold; a class that only begins with its name is not it.
FRAMEWORK_OVERLAYS = [
    ("Card-Img-Overlay", '<div class="card"><img class="card-img" src="https://localpaper.example/uploads/pipeline.jpg" alt="">', "</div>"),
    (
        "carousel-caption d-none d-md-block",
        '<div class="carousel-item active"><img class="d-block w-100" src="https://localpaper.example/uploads/slide-1.jpg" alt="">',
        "</div>",
    ),
    ("CAROUSEL-CAPTION", '<div class="slide"><img src="https://localpaper.example/uploads/slide-2.jpg" alt="">', "</div>"),
]


@pytest.mark.parametrize(("overlay", "before", "after"), FRAMEWORK_OVERLAYS)
def test_a_framework_s_overlay_in_any_letter_case_shows_white_text_over_its_picture(overlay: str, before: str, after: str) -> None:
    body = f'{before}<div class="{overlay}"><p class="byline">By Jake Smith, Daily Caller News Foundation</p></div>{after}'
    assert failed(page(".byline{color:#fff}", body, head=BOOTSTRAP)) == {}


@pytest.mark.parametrize("near_miss", ["card-img-overlay-dark", "my-carousel-caption", "wp-block-cover__background-note"])
def test_a_class_that_only_holds_an_overlay_s_name_lays_nothing_over_the_picture(near_miss: str) -> None:
    body = f'<div class="card"><img src="https://localpaper.example/uploads/pipeline.jpg" alt=""><div class="{near_miss}">{BYLINE}</div></div>'
    assert "dcnf/byline" in failed(page(".byline{color:#fff}", body, head=BOOTSTRAP))


# --- what counts as a picture behind the text ----------------------------------------------------


def test_a_lazy_loader_s_spacer_placeholder_is_the_picture_it_loads() -> None:
    css = ".hero{position:relative}.byline{position:absolute;top:0;color:#fff}"
    lazy = f'<div class="hero"><img src="{SPACER}" data-src="https://localpaper.example/h.jpg" width="1200" height="600" alt="">{BYLINE}</div>'
    assert failed(page(css, lazy)) == {}
    picture = f'<div class="hero"><picture><source srcset="/h.webp"><img src="{SPACER}" width="1200" height="600" alt=""></picture>{BYLINE}</div>'
    assert failed(page(css, picture)) == {}


def test_a_picture_behind_something_before_it_is_not_judged_by_its_height() -> None:
    # The picture below a heading: an offset past its height may still land on it.
    css = ".hero{position:relative}.byline{position:absolute;top:700px;color:#fff}"
    assert failed(page(css, f'<div class="hero"><h2>Pipelines</h2>{PHOTO}{BYLINE}</div>')) == {}
    # Spaced down in its block by its own margin: the same.
    assert failed(page(css + ".hero img{margin-top:400px}", f'<div class="hero">{PHOTO}{BYLINE}</div>')) == {}


@pytest.mark.parametrize("top", ["100%", "150%"])
def test_a_byline_placed_past_the_block_s_bottom_is_not_over_its_picture(top: str) -> None:
    css = f".hero{{position:relative}}.byline{{position:absolute;top:{top};left:0;color:#fff}}"
    assert "is hidden (the page's CSS sets " in failed(page(css, f'<div class="hero">{PHOTO}{BYLINE}</div>'))["dcnf/byline"]


def test_grid_items_placed_by_names_may_share_a_cell() -> None:
    css = ".hero{display:grid;grid-template-areas:'a'}.hero img{grid-area:a}.byline{grid-area:a;color:#fff}"
    assert failed(page(css, f'<div class="hero">{PHOTO}{BYLINE}</div>')) == {}


@pytest.mark.parametrize(("pixel", "transparent", "expected"), [(0, 0, True), (1, 1, True), (0, 1, False), (1, 0, False), (0, None, False)])
def test_a_gif_is_transparent_only_when_every_pixel_is_its_transparent_colour(pixel: int, transparent: int | None, expected: bool) -> None:
    data = base64.b64decode(gif(pixel, transparent).partition(",")[2])
    assert gif_transparent(data) is expected
    assert gif_transparent(data[:-4]) is False or expected

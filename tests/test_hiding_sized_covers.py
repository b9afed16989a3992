"""A logo under a cover sized in absolute lengths (`paint_order`, `_Reader._over_pictures`): an
absolutely positioned box with an opaque background whose `left`, `top`, `width` and `height`
(in px, pt…) reach over all the picture that stands first in its containing block, painted
after it, hides it, as Chromium paints it — a promotion laid over the logo in its
`position: relative` wrapper. Harmless look-alikes are not read as covers: a badge in a corner,
a translucent box, one beside the picture or under it, one that paints nothing. The rows say,
for the markup (the logo's attributes in `{}`), whether the logo is hidden; tests/test_browser.py
asks Chromium whether it leaves ink, for each."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.document import parse_document
from compliance.engine import check_document
from tests.conftest import ROOT
from tests.test_hiding_families import LOGO_ALT, LOGO_SRC, PACKS, dcnf, logo_hidden

WRAP = '<div class="w" style="position:relative;width:300px;height:90px">{inner}</div>'
IMG = "<img {} width=300 height=90>"
BLOCK_IMG = '<img style="display:block" {} width=300 height=90>'
PROMO = "position:absolute;top:0;left:0;width:300px;height:90px;background:#c00"


def wrapped(inner: str, wrap: str = WRAP) -> str:
    return wrap.format(inner=inner)


# The markup of the logo's box (the logo's `src` and `alt` in `{}`) → whether the logo is hidden.
SIZED_COVERS: dict[str, bool] = {
    # The try-out's page: a "Subscribe" promotion the logo's size, over it in its wrapper.
    wrapped(f'{BLOCK_IMG}<a class="promo" href="/subscribe" style="{PROMO}">Subscribe for $1</a>'): True,
    # An inline logo (on the first line: a logo taller than the line's text starts at its top).
    wrapped(f'{IMG}<a href="/subscribe" style="{PROMO}">Subscribe</a>'): True,
    # In a link, the cover in points, larger and reaching past the wrapper's corner.
    wrapped(f'<a href="/">{IMG}</a><b style="position:absolute;top:-4pt;left:-4pt;width:240pt;height:75pt;background:#fff"></b>'): True,
    # Before the logo in the tree: a positioned box is painted after the flow, wherever it stands.
    wrapped(f'<span style="{PROMO}"></span>{IMG}'): True,
    # A `::after` of the wrapper, and a wrapper with a padding the cover's offsets match.
    "<style>.w::after{{content:'';position:absolute;top:0;left:0;width:300px;height:90px;background:#fff}}</style>" + wrapped(BLOCK_IMG): True,
    wrapped(
        f'{IMG}<i style="position:absolute;top:10px;left:10px;width:300px;height:90px;background:#fff"></i>',
        '<div style="position:relative;padding:10px">{inner}</div>',
    ): True,
    # Margins move the cover; above a logo positioned at `z-index: auto`.
    wrapped(f'{IMG}<i style="position:absolute;top:5px;left:5px;margin:-5px;width:300px;height:90px;background:#fff"></i>'): True,
    wrapped(f'<img style="position:relative" {{}} width=300 height=90><i style="{PROMO};z-index:1"></i>'): True,
    # A small inline logo on a line of 16px text: it may sit up to 1.6px lower, which the cover reaches.
    wrapped(f'<img {{}} width=60 height=20><i style="{PROMO.replace("90px", "22px")}"></i>'): True,
    # A cover that fills a wrapper sized in px (`inset: 0`): of the wrapper's size, over the logo.
    wrapped(f'{BLOCK_IMG}<a href="/subscribe" style="position:absolute;inset:0;background:#c00">Subscribe</a>'): True,
    # A block-level logo is read on a page that aligns boxes on their lines (an inline one is not).
    "<style>img{{vertical-align:middle}}</style>" + wrapped(f'{BLOCK_IMG}<i style="{PROMO}"></i>'): True,
    # --- seen ---
    # A smaller box (a badge in a corner), one a pixel short, or beside the logo, or below it.
    wrapped(f'{BLOCK_IMG}<i style="{PROMO.replace("300px", "80px").replace("90px", "20px")}"></i>'): False,
    wrapped(f'{BLOCK_IMG}<i style="{PROMO.replace("300px", "299px")}"></i>'): False,
    wrapped(f'{BLOCK_IMG}<i style="{PROMO.replace("left:0", "left:300px")}"></i>'): False,
    wrapped(f'{BLOCK_IMG}<i style="{PROMO.replace("top:0", "top:90px")}"></i>'): False,
    # A cover filling a wrapper shorter than the logo, which overflows it below.
    wrapped(f'{BLOCK_IMG}<i style="position:absolute;inset:0;background:#c00"></i>', WRAP.replace("90px", "60px")): False,
    # Transparent, translucent, or painting nothing (a link's box for the pointer only).
    wrapped(f'{BLOCK_IMG}<i style="{PROMO.replace("#c00", "transparent")}"></i>'): False,
    wrapped(f'{BLOCK_IMG}<i style="{PROMO.replace("#c00", "rgba(204,0,0,.5)")}"></i>'): False,
    wrapped(f'{BLOCK_IMG}<a href="/" style="position:absolute;top:0;left:0;width:300px;height:90px;pointer-events:auto"></a>'): False,
    wrapped(f'{BLOCK_IMG}<i style="{PROMO};display:none"></i>'): False,
    wrapped(f'{BLOCK_IMG}<i style="{PROMO};opacity:.5"></i>'): False,
    wrapped(f'{BLOCK_IMG}<i style="{PROMO};border-radius:20px"></i>'): False,
    # Under the logo: a negative `z-index`, or before a positioned logo in the tree, or below its `z-index`.
    wrapped(f'{BLOCK_IMG}<i style="{PROMO};z-index:-1"></i>'): False,
    wrapped(f'<i style="{PROMO}"></i><img style="display:block;position:relative" {{}} width=300 height=90>'): False,
    wrapped(f'<img style="display:block;position:relative;z-index:2" {{}} width=300 height=90><i style="{PROMO};z-index:1"></i>'): False,
    # The logo moved or larger than the cover: a margin, text before it, a height the cover misses,
    # a small logo on a tall line (it sits low on it), a logo centred in a wider box.
    wrapped(f'<img style="display:block;margin-left:20px" {{}} width=300 height=90><i style="{PROMO}"></i>'): False,
    wrapped(f'Logo: {IMG}<i style="{PROMO}"></i>'): False,
    wrapped(f'<img {{}} width=300 height=120><i style="{PROMO}"></i>'): False,
    wrapped(
        f'<img {{}} width=60 height=20><i style="{PROMO.replace("90px", "40px")}"></i>', '<div style="position:relative;line-height:80px">{inner}</div>'
    ): False,
    wrapped(f'{IMG}<i style="{PROMO}"></i>', '<div style="position:relative;width:600px;text-align:center">{inner}</div>'): False,
}

# Covers sized in `em` (of the cover's font size), `rem` (of the root's) or percentages of a block
# whose size is known: read as those in px, over the logo or short of it.
SIZED_COVERS.update(
    {
        wrapped(f'{BLOCK_IMG}<i style="position:absolute;top:0;left:0;width:20em;height:6em;background:#c00"></i>'): True,
        wrapped(f'{BLOCK_IMG}<i style="position:absolute;top:0;left:0;width:100%;height:90px;background:#c00"></i>'): True,
        wrapped(f'{BLOCK_IMG}<i style="position:absolute;top:0;left:0;width:100%;height:100%;background:#c00"></i>'): True,
        wrapped(f'{BLOCK_IMG}<i style="position:absolute;top:0;left:0;font-size:20px;width:15em;height:4.5em;background:#c00"></i>'): True,
        "<style>html{{font-size:20px}}</style>"
        + wrapped(f'{BLOCK_IMG}<i style="position:absolute;top:0;left:0;width:15rem;height:4.5rem;background:#c00"></i>'): True,
        wrapped(
            f'{BLOCK_IMG}<i style="position:absolute;top:0;left:0;width:100%;height:6em;background:#c00"></i>',
            '<div class="w" style="position:relative;width:300px">{inner}</div>',
        ): True,
        # Short of it: 288px, 99%, 200px at a 10px font, the root's 10px, half the block.
        wrapped(f'{BLOCK_IMG}<i style="position:absolute;top:0;left:0;width:18em;height:6em;background:#c00"></i>'): False,
        wrapped(f'{BLOCK_IMG}<i style="position:absolute;top:0;left:0;width:99%;height:90px;background:#c00"></i>'): False,
        wrapped(f'{BLOCK_IMG}<i style="position:absolute;top:0;left:0;font-size:10px;width:20em;height:6em;background:#c00"></i>'): False,
        "<style>html{{font-size:10px}}</style>"
        + wrapped(f'{BLOCK_IMG}<i style="position:absolute;top:0;left:0;width:15rem;height:4.5rem;background:#c00"></i>'): False,
        wrapped(f'{BLOCK_IMG}<i style="position:absolute;top:0;left:0;width:50%;height:100%;background:#c00"></i>'): False,
        wrapped(f'{BLOCK_IMG}<i style="position:absolute;top:0;left:5%;width:100%;height:100%;background:#c00"></i>'): False,
    }
)

# The font size an em is of, set by the `font` shorthand (its size, and its line height, which
# places an inline picture on its line): read as `font-size` and `line-height` are.
SIZED_COVERS.update(
    {
        "<style>body{{font:18px/1.6 Georgia,serif}}</style>"
        + wrapped(f'{IMG}<i style="position:absolute;top:0;left:0;width:20em;height:6em;background:#c00"></i>'): True,
        "<style>body{{font:18px/1.6 Georgia,serif}}</style>"
        + wrapped(f'{BLOCK_IMG}<i style="position:absolute;top:0;left:0;width:20em;height:6em;background:#c00"></i>'): True,
        # 200px by 60px at 10px: a badge in the corner.
        "<style>body{{font:10px/1.6 Georgia,serif}}</style>"
        + wrapped(f'{BLOCK_IMG}<i style="position:absolute;top:0;left:0;width:20em;height:6em;background:#c00"></i>'): False,
    }
)

# Rows the checker reads as seen where Chromium hides the logo: a cover whose size is of a block
# whose size is not known, a flex wrapper (its items are placed by it).
SIZED_COVERS_NOT_READ = [
    wrapped(
        f'{BLOCK_IMG}<i style="position:absolute;top:0;left:0;width:100%;height:90px;background:#c00"></i>',
        '<div class="w" style="position:relative">{inner}</div>',
    ),
    wrapped(f'{BLOCK_IMG}<i style="{PROMO}"></i>', '<div style="position:relative;display:flex;width:300px">{inner}</div>'),
    "<style>img{{vertical-align:middle}}</style>" + wrapped(f'{IMG}<i style="{PROMO}"></i>'),
    # A system font, whose size a browser takes from the platform.
    "<style>body{{font:menu}}</style>" + wrapped(f'{BLOCK_IMG}<i style="position:absolute;top:0;left:0;width:20em;height:6em;background:#c00"></i>'),
]


def _logo(markup: str) -> str:
    return markup.format(f"src={LOGO_SRC} {LOGO_ALT}")


@pytest.mark.parametrize("markup", list(SIZED_COVERS))
def test_a_logo_under_a_cover_sized_over_it_is_hidden(markup: str) -> None:
    assert logo_hidden(dcnf(logo=_logo(markup))) is SIZED_COVERS[markup]


@pytest.mark.parametrize("markup", SIZED_COVERS_NOT_READ)
def test_a_cover_of_a_size_not_read_leaves_the_logo_seen(markup: str) -> None:
    assert not logo_hidden(dcnf(logo=_logo(markup)))


def _detail(data: bytes) -> str:
    """The detail of the one `dcnf/logo` finding of a DCNF article."""
    report = check_document(parse_document(data, "html"), [PACKS["dcnf"]], path="article.html", auto_detect=False)
    (detail,) = [finding.detail for finding in report.findings if finding.rule == "dcnf/logo"]
    return detail or ""


def _why(markup: str) -> str:
    """The detail of the one `dcnf/logo` finding of the DCNF article with this logo markup."""
    return _detail(dcnf(logo=_logo(markup)))


def test_the_finding_names_the_cover_painted_over_the_logo() -> None:
    assert _why(next(iter(SIZED_COVERS))).endswith('hidden (the `<a class="promo">` at line 2 is painted over it)')


def test_a_cover_inside_a_box_around_the_logo_is_named_over_that_box() -> None:
    # The cover paints over the link the logo stands in, whole: the note names the link.
    markup = f'<div style="position:relative"><p><a href="/">{IMG}</a></p><i class="ad" style="position:absolute;inset:0;background:#fff"></i></div>'
    assert _why(markup).endswith('hidden (the `<i class="ad">` at line 2 is painted over the `<p>` around it at line 2)')


def test_the_cover_of_a_cli_check_is_named_in_its_json(cli: Any, tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_bytes(dcnf(logo=_logo(next(iter(SIZED_COVERS)))))
    run = cli("check", "--pack", "dcnf", "--select", "dcnf/logo", "--format", "json", str(page))
    (finding,) = run.json()["files"][0]["findings"]
    assert run.code == 1
    assert finding["detail"].endswith('hidden (the `<a class="promo">` at line 2 is painted over it)')


def test_only_the_pictures_first_in_a_cover_s_block_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    # A box of many pictures: the one at its top left is read, the others are not even matched.
    from compliance.document import paint_order

    read: list[Any] = []
    place = paint_order._picture_place

    def counted(image: Any, *args: Any, **kwargs: Any) -> Any:
        read.append(image)
        return place(image, *args, **kwargs)

    monkeypatch.setattr(paint_order, "_picture_place", counted)
    others = "".join(f"<p><img src=x{n}.png width=300 height=90 alt=''></p>" for n in range(50))
    assert logo_hidden(dcnf(logo=_logo(wrapped(f'{BLOCK_IMG}{others}<i style="{PROMO}"></i>'))))
    assert [image.get("alt") for image in read] == ["Daily Caller News Foundation logo"]


def test_the_readme_example_of_a_sized_cover_is_judged_as_it_says() -> None:
    section = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split("## What a reader sees", 1)[1].split("\n## ", 1)[0].split())
    example = (
        '<div style="position:relative"><img src=logo.png width=300 height=90 alt="…">'
        '<a href="/subscribe" style="position:absolute;top:0;left:0;width:300px;height:90px;background:#c00">Subscribe</a></div>'
    )
    assert f"`{example}`" in section
    assert 'the finding says "the `<a>` at line N is painted over it"' in section
    logo = example.replace("src=logo.png", f"src={LOGO_SRC}").replace('alt="…"', LOGO_ALT)
    assert _detail(dcnf(logo=logo)).endswith("hidden (the `<a>` at line 2 is painted over it)")
    # The README's cover filling a wrapper of a height of its own hides the logo too.
    wrapper = '<div style="position:relative;width:300px;height:90px">'
    assert f"`{wrapper}`" in section and "`inset: 0`" in section
    assert _detail(dcnf(logo=f'{wrapper}{BLOCK_IMG.format(f"src={LOGO_SRC} {LOGO_ALT}")}<i style="position:absolute;inset:0;background:#fff"></i></div>'))
    # The README's covers sized in em and in a percentage of a wrapper 300px wide hide it too.
    assert "(`width:20em;height:6em` is 320px by 96px)" in section
    assert '(`width:100%;height:90px` in `<div style="position:relative;width:300px">`)' in section
    image = BLOCK_IMG.format(f"src={LOGO_SRC} {LOGO_ALT}")
    sized = f'<div style="position:relative;width:300px">{image}<i style="position:absolute;top:0;left:0;{{}};background:#fff"></i></div>'
    assert logo_hidden(dcnf(logo=sized.format("width:20em;height:6em")))
    assert logo_hidden(dcnf(logo=sized.format("width:100%;height:90px")))
    assert not logo_hidden(dcnf(logo=sized.format("width:18em;height:6em")))
    # The badge the README names among the look-alikes, a corner of the logo, hides nothing.
    assert not logo_hidden(dcnf(logo=logo.replace("width:300px;height:90px", "width:80px;height:20px")))

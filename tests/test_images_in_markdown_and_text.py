"""A check that reads images reads a Markdown or plain-text copy's images as it reads an HTML
page's: a selector of images with conditions on the image itself (`img:not([src*="logo" i])`,
`img[width="1"]`) selects the `![alt](src)` and raw `<img>` images of Markdown, and, in plain
text, the lines that stand for images; ProPublica's photos from its image hosts warn in every
format, its logo in none."""

from __future__ import annotations

from typing import Any

import pytest

from compliance.api import check_html, check_markdown, check_text
from compliance.document import parse_document
from compliance.engine import check_document
from compliance.packs import load_pack
from tests.test_check_kinds import pack_around

RULE = "propublica/photo-permission"
_HEAD = "# Welds\n\nBy Hollis Brandt, ProPublica\n\nThis story was originally published by [ProPublica](https://www.propublica.org/article/welds).\n\n"
_TAIL = '\n\nThe inspector signed off on welds he never saw, the records show.\n\n<script async src="https://pixel.propublica.org/pixel.js"></script>\n'


def _markdown_warnings(image: str) -> list[str]:
    report = check_markdown(_HEAD + image + _TAIL, packs=["propublica"])
    assert RULE in {f.rule for f in report.findings} | {p.rule for p in report.passed}
    return [f.rule for f in report.findings if f.rule == RULE]


def _html_warnings(image: str) -> list[str]:
    page = (
        '<html><body><article><h1>Welds</h1><p class="byline">By Hollis Brandt, ProPublica</p>'
        '<p>This story was originally published by <a href="https://www.propublica.org/article/welds">ProPublica</a>.</p>'
        f"<p>{image}</p><p>The inspector signed off on welds he never saw, the records show.</p>"
        '<script async src="https://pixel.propublica.org/pixel.js"></script></article></body></html>'
    )
    return [f.rule for f in check_html(page, packs=["propublica"]).findings if f.rule == RULE]


# Each photo as Markdown writes it, and as the HTML page writes it.
_HOSTED = [
    (
        "![A welder](https://img.assets-d.propublica.org/v5/images/welds.jpg)",
        '<img src="https://img.assets-d.propublica.org/v5/images/welds.jpg" alt="A welder">',
    ),
    (
        "![A welder](https://assets.propublica.org/images/articles/welds.jpg?w=800)",
        '<img src="https://assets.propublica.org/images/articles/welds.jpg?w=800" alt="A welder">',
    ),
    (
        "![Pipeline at dusk](https://assets-c3.propublica.org/images/articles/pipe.jpg)",
        '<img src="https://assets-c3.propublica.org/images/articles/pipe.jpg" alt="Pipeline at dusk">',
    ),
    (
        '<img src="https://img.assets-d.propublica.org/v5/images/welds.jpg" alt="A welder">',
        '<img src="https://img.assets-d.propublica.org/v5/images/welds.jpg" alt="A welder">',
    ),
    ("![](https://img.assets.propublica.org/v5/images/map.png)", '<img src="https://img.assets.propublica.org/v5/images/map.png" alt="">'),
]


@pytest.mark.parametrize(("markdown", "html"), _HOSTED)
def test_a_photo_from_propublicas_image_host_warns_in_markdown_as_in_html(markdown: str, html: str) -> None:
    assert _html_warnings(html) == [RULE]
    assert _markdown_warnings(markdown) == [RULE]


@pytest.mark.parametrize(
    ("markdown", "html"),
    [
        # ProPublica's logo on its host is no photo, in either format.
        (
            "![ProPublica](https://assets.propublica.org/logos/propublica-logo.svg)",
            '<img src="https://assets.propublica.org/logos/propublica-logo.svg" alt="ProPublica">',
        ),
        (
            "![ProPublica logo](https://img.assets-d.propublica.org/v5/images/pp.png)",
            '<img src="https://img.assets-d.propublica.org/v5/images/pp.png" alt="ProPublica logo">',
        ),
        # The republisher's own photo.
        ("![A welder](https://valleyledger.example/img/welds.jpg)", '<img src="https://valleyledger.example/img/welds.jpg" alt="A welder">'),
    ],
)
def test_a_logo_or_another_sites_photo_does_not_warn_in_either_format(markdown: str, html: str) -> None:
    assert _html_warnings(html) == []
    assert _markdown_warnings(markdown) == []


# -- the check kind ---------------------------------------------------------------------------------

_NOT_LOGO = "element:\n  selector: 'img:not([src*=\"logo\" i]):not([alt*=\"logo\" i])'\n  attributes: {src: '^https://cdn\\.example\\.org/'}\n  max: 0\n"
_PIXEL = "element:\n  selector: 'img[width=\"1\"], amp-pixel'\n  attributes: {src: '^https://px\\.example\\.org/'}\n  visible: any\n"
_NOT_LOGO_ALT = "element:\n  selector: 'img:not([alt*=\"logo\" i])'\n  attributes: {alt: 'Photo: .*'}\n  max: 0\n"
_IN_FIGURE = "element:\n  selector: 'figure img'\n  attributes: {src: '^https://cdn\\.example\\.org/'}\n  max: 0\n"


def _failed(check: str, text: str, kind: Any) -> bool | None:
    """Whether the rule fails (True), passes (False) or is not checked (None)."""
    pack = load_pack(pack_around(check), "images.yaml")
    report = check_document(parse_document(text.encode(), kind), [pack], path="a", auto_detect=False)
    if any(f.rule == "example/rule" for f in report.findings):
        return True
    return False if any(p.rule == "example/rule" for p in report.passed) else None


@pytest.mark.parametrize(
    ("check", "text", "kind", "failed"),
    [
        # Conditions on the image's own address and alt text select Markdown images.
        (_NOT_LOGO, "Story.\n\n![Dam](https://cdn.example.org/dam.jpg)\n", "markdown", True),
        (_NOT_LOGO, 'Story.\n\n<img src="https://cdn.example.org/dam.jpg" alt="Dam">\n', "markdown", True),
        (_NOT_LOGO, "Story.\n\n![Dam][d]\n\n[d]: https://cdn.example.org/dam.jpg\n", "markdown", True),
        (_NOT_LOGO, "Story.\n\n![Site logo](https://cdn.example.org/mark.png)\n", "markdown", False),
        (_NOT_LOGO, "Story.\n\n![Dam](https://cdn.example.org/brand/logo-dam.png)\n", "markdown", False),
        (_NOT_LOGO, "Story.\n\n`![Dam](https://cdn.example.org/dam.jpg)`\n", "markdown", False),
        # A 1px counter by its width, in Markdown's raw HTML; another width is no counter.
        (_PIXEL, 'Story.\n\n<img src="https://px.example.org/c/1.gif" width="1" height="1" alt="">\n', "markdown", False),
        (_PIXEL, 'Story.\n\n<img src="https://px.example.org/c/1.gif" width="300" alt="">\n', "markdown", True),
        # Plain text keeps an image as a line of its alt text: the selector's conditions on the alt hold.
        (_NOT_LOGO_ALT, "Story.\n[Image: Photo: Jane Lee]\nMore.\n", "text", True),
        (_NOT_LOGO_ALT, "Story.\n[Image: Photo: logo of the Ledger]\nMore.\n", "text", False),
        # A selector that asks about the image's surroundings selects no Markdown image.
        (_IN_FIGURE, "Story.\n\n![Dam](https://cdn.example.org/dam.jpg)\n", "markdown", False),
    ],
)
def test_selectors_of_images_with_conditions_read_markdown_and_text_images(check: str, text: str, kind: Any, failed: bool) -> None:
    assert _failed(check, text, kind) is failed


def test_a_markdown_copy_is_checked_for_an_image_required_with_conditions_not_left_unchecked() -> None:
    # A requirement of such an image is looked for, not left undecided as an element the
    # Markdown article is not read for.
    assert _failed(_PIXEL, "Story.\n\nNo counter here.\n", "markdown") is True


def test_plain_text_copies_of_propublica_photos_by_credit_still_warn() -> None:
    text = (
        "Welds\n\nBy Hollis Brandt, ProPublica\n\nThis story was originally published by ProPublica.\n\n"
        "[Image: Photo by Jane Lee/ProPublica]\n\nThe inspector signed off on welds he never saw, the records show.\n"
    )
    report = check_text(text, packs=["propublica"])
    assert [f.rule for f in report.findings if f.rule == RULE] == [RULE]


@pytest.mark.parametrize(
    ("line", "warns"),
    [
        # An image by its bracketed label: its alt text read as an HTML image's.
        ("[Image: Photo by Jane Lee/ProPublica]", True),
        ("[image: A welder at work (Jane Lee for ProPublica)]", True),
        # A bare line or a bare bracket is an image only when the credit is all of it: a
        # sentence or an editor's note that names ProPublica is text.
        ("The photos were taken by Jane Lee for ProPublica last spring.", False),
        ("[Editor's note: Hollis Brandt reported this story for ProPublica.]", False),
    ],
)
def test_a_plain_text_image_line_is_read_for_a_credit_as_an_html_images_alt(line: str, warns: bool) -> None:
    text = (
        "Welds\n\nBy Hollis Brandt, ProPublica\n\nThis story was originally published by ProPublica.\n\n"
        f"{line}\n\nThe inspector signed off on welds he never saw, the records show.\n"
    )
    report = check_text(text, packs=["propublica"])
    assert [f.rule for f in report.findings if f.rule == RULE] == ([RULE] if warns else [])

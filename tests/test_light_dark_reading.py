"""`light-dark()` is written as the colour of the scheme a reader sees before the page's CSS is
read (`colour_scheme.read_light_dark`): the right arm in each scheme, nested ones too, and a
function that does not close, or with other than two arguments, left as written. A hostile page of
thousands of unclosed or nested functions is read as any other."""

from __future__ import annotations

import pytest
from lxml import html

from compliance.api import check_html
from compliance.document.colour_scheme import read_light_dark


def _read(style: str, scheme: str) -> str:
    root = html.fromstring(f'<div><p style="{style}">x</p></div>')
    read_light_dark(root, scheme)
    (paragraph,) = root.iter("p")
    return str(paragraph.get("style"))


@pytest.mark.parametrize(
    ("style", "light", "dark"),
    [
        ("color:light-dark(#000,#fff)", "color:#000", "color:#fff"),
        ("color:LIGHT-DARK(rgb(1,2,3), rgb(4,5,6))", "color:rgb(1,2,3)", "color:rgb(4,5,6)"),
        ("color:light-dark(light-dark(#111,#222), #fff)", "color:#111", "color:#fff"),
        # Not closed, three arguments, or cut by the end of a declaration: left as written.
        ("color:light-dark(#000,#fff", "color:light-dark(#000,#fff", "color:light-dark(#000,#fff"),
        ("color:light-dark(a,b,c)", "color:light-dark(a,b,c)", "color:light-dark(a,b,c)"),
        ("color:light-dark(#000;#fff)", "color:light-dark(#000;#fff)", "color:light-dark(#000;#fff)"),
    ],
)
def test_each_scheme_reads_its_arm(style: str, light: str, dark: str) -> None:
    assert (_read(style, "light"), _read(style, "dark")) == (light, dark)


def test_many_unclosed_functions_are_left_as_written() -> None:
    style = "color:light-dark(#000," + "light-dark(" * 50_000
    assert _read(style, "light") == style


def test_functions_nested_past_the_reading_depth_are_left_unread_without_failing() -> None:
    style = "color:" + "light-dark(#000," * 5_000 + "#fff" + ")" * 5_000
    # The first level is read; deep inside, what is left is as written, and nothing raises.
    assert _read(style, "dark").startswith("color:light-dark(#000,")
    assert _read(style, "light") == "color:#000"


def test_a_hostile_page_of_unclosed_functions_is_checked() -> None:
    page = (
        "<style>:root{color-scheme:light dark}</style><article><h1>Senate</h1>"
        '<p class="byline">By Jake Smith, Daily Caller News Foundation</p>'
        '<p style="color:light-dark(#000,' + "light-dark(" * 20_000 + '">The Senate passed the bill.</p></article>'
    )
    report = check_html(page, packs=["dcnf"])
    assert report.checked and "dcnf/byline" not in {f.rule for f in report.findings}

"""Stylesheets given as `data:` URLs (compliance.document.data_sheets)."""

from __future__ import annotations

import base64
import urllib.parse

import pytest

from compliance.document.data_sheets import MAX_DATA_SHEET_BYTES, data_sheet_text, with_data_imports
from tests.test_visibility import check, errors, page

_SRC = "https://dailycallernewsfoundation.org/wp-content/uploads/2021/05/dcnf-logo.png"
_ALT = "Daily Caller News Foundation logo"


def _b64(css: str) -> str:
    return "data:text/css;base64," + base64.b64encode(css.encode()).decode()


def _pct(css: str) -> str:
    return "data:text/css," + urllib.parse.quote(css)


def test_data_sheet_text_decodes_both_encodings() -> None:
    assert data_sheet_text(_b64(".x{display:none}")) == ".x{display:none}"
    assert data_sheet_text(_pct(".x{display:none}")) == ".x{display:none}"
    assert data_sheet_text("DATA:text/css;charset=utf-8,.a%7Bcolor:red%7D") == ".a{color:red}"


@pytest.mark.parametrize(
    "url",
    ["https://example.com/site.css", "data:text/plain,.x{display:none}", "data:,.x{display:none}", "data:text/css;base64", "data:text/css;base64,%%%"],
)
def test_other_or_bad_urls_give_no_sheet(url: str) -> None:
    assert not data_sheet_text(url)


def test_a_sheet_too_large_is_ignored() -> None:
    assert data_sheet_text(_pct("a" * (MAX_DATA_SHEET_BYTES + 1))) is None


def test_imports_come_before_the_sheet_with_their_media() -> None:
    sheet = f'@charset "utf-8"; @import url("{_pct(".a{x:1}")}"); @import "{_b64(".b{y:2}")}" print; .c{{z:3}}'
    assert list(with_data_imports(sheet)) == [".a{x:1}", "@media print {\n.b{y:2}\n}", sheet]


def test_an_import_after_a_rule_is_ignored() -> None:
    sheet = f'.c{{z:3}} @import url("{_pct(".a{display:none}")}");'
    assert list(with_data_imports(sheet)) == [sheet]


HIDING_DATA_SHEETS = {
    "a percent-encoded link in the body": ("", '<link rel="stylesheet" href="data:text/css,.mark%7Bdisplay:none%7D">{img}'),
    "a base64 link": ("", '<link rel="preload stylesheet" href="' + _b64("figure img{visibility:hidden}") + '"><figure>{img}</figure>'),
    "an import in a style block": ("@import url('" + _pct(".mark{opacity:0}") + "');", "{img}"),
    "an import in a linked data sheet": ("", '<link rel=stylesheet href="' + _b64('@import "' + _pct(".mark{display:none}") + '";') + '">{img}'),
}
SHOWING_DATA_SHEETS = {
    "a fetched stylesheet is not read": ("", '<link rel="stylesheet" href="https://cdn.example.org/hide.css">{img}'),
    "an alternate stylesheet": ("", '<link rel="alternate stylesheet" href="data:text/css,.mark%7Bdisplay:none%7D">{img}'),
    "a print stylesheet": ("", '<link rel="stylesheet" media="print" href="data:text/css,.mark%7Bdisplay:none%7D">{img}'),
    "a bad data URL": ("", '<link rel="stylesheet" href="data:text/css;base64,***">{img}'),
    "a data sheet inside noscript": ("", '<noscript><link rel="stylesheet" href="data:text/css,.mark%7Bdisplay:none%7D"></noscript>{img}'),
}


@pytest.mark.parametrize("case", sorted(HIDING_DATA_SHEETS))
def test_a_data_stylesheet_is_applied(case: str) -> None:
    css, logo = HIDING_DATA_SHEETS[case]
    assert "dcnf/logo" in errors(check(page(css=css, logo=logo.format(img=f'<img class="mark" src="{_SRC}" alt="{_ALT}">'))))


@pytest.mark.parametrize("case", sorted(SHOWING_DATA_SHEETS))
def test_a_stylesheet_not_applied_hides_nothing(case: str) -> None:
    css, logo = SHOWING_DATA_SHEETS[case]
    assert errors(check(page(css=css, logo=logo.format(img=f'<img class="mark" src="{_SRC}" alt="{_ALT}">')))) == []

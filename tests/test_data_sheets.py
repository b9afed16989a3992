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


def test_an_imports_layer_and_supports_conditions_wrap_its_sheet() -> None:
    a, b, c = _pct(".a{x:1}"), _b64(".b{y:2}"), _pct(".c{z:3}")
    sheet = f'@import url("{a}") layer(base.x); @import "{b}" layer supports(display: grid); '
    sheet += f"@import url({c}) LAYER(y) supports(not (display:bogus)) screen and (min-width: 0);"
    assert list(with_data_imports(sheet)) == [
        "@layer base.x {\n.a{x:1}\n}",
        "@layer  {\n@supports (display: grid) {\n.b{y:2}\n}\n}",
        "@layer y {\n@supports not (display:bogus) {\n@media screen and (min-width: 0) {\n.c{z:3}\n}\n}\n}",
        sheet,
    ]


def test_the_layer_statements_among_the_imports_keep_their_place() -> None:
    a, b = _pct(".a{x:1}"), _pct(".b{y:2}")
    sheet = f'@layer base, x; @import url("{a}") layer(x); @layer y; @import url("{b}") layer(z); .c{{z:3}}'
    assert list(with_data_imports(sheet)) == ["@layer base, x;", "@layer x {\n.a{x:1}\n}", "@layer y;", "@layer z {\n.b{y:2}\n}", sheet]


def test_an_import_after_a_rule_is_ignored() -> None:
    sheet = f'.c{{z:3}} @import url("{_pct(".a{display:none}")}");'
    assert list(with_data_imports(sheet)) == [sheet]


_IMPORT_HIDING = "@import url('" + _pct(".mark{display:none}") + "')"
HIDING_DATA_SHEETS = {
    "a percent-encoded link in the body": ("", '<link rel="stylesheet" href="data:text/css,.mark%7Bdisplay:none%7D">{img}'),
    "a base64 link": ("", '<link rel="preload stylesheet" href="' + _b64("figure img{visibility:hidden}") + '"><figure>{img}</figure>'),
    "an import in a style block": ("@import url('" + _pct(".mark{opacity:0}") + "');", "{img}"),
    "an import in a linked data sheet": ("", '<link rel=stylesheet href="' + _b64('@import "' + _pct(".mark{display:none}") + '";') + '">{img}'),
    "an import into a named layer": (_IMPORT_HIDING + " layer(x);", "{img}"),
    "an import into an anonymous layer": (_IMPORT_HIDING + " layer;", "{img}"),
    "an import every browser supports": (_IMPORT_HIDING + " supports(display:grid);", "{img}"),
    "an import under a supported condition": (_IMPORT_HIDING + " supports((display:grid) and (not (display:bogus)));", "{img}"),
    "an import with a layer, a condition and a screen query": (_IMPORT_HIDING + " layer(x) supports(display:flex) screen;", "{img}"),
    "a layered import in the layer ordered last": ("@layer y, x; " + _IMPORT_HIDING + " layer(x); @layer y{.mark{display:inline}}", "{img}"),
}
SHOWING_DATA_SHEETS = {
    "an import under a condition no browser supports": (_IMPORT_HIDING + " supports(display:bogus);", "{img}"),
    "an import under a negated supported condition": (_IMPORT_HIDING + " layer(x) supports(not (display:grid));", "{img}"),
    "a layered import a later rule of its layer overrides": (_IMPORT_HIDING + " layer(x); @layer x{.mark{display:inline}}", "{img}"),
    "a layered import a later layer overrides": (_IMPORT_HIDING + " layer(x); @layer y{.mark{display:inline}}", "{img}"),
    "a layered import an unlayered rule overrides": (_IMPORT_HIDING + " layer(x); .mark{display:inline}", "{img}"),
    "a layered import for print": (_IMPORT_HIDING + " layer(x) print;", "{img}"),
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


def test_the_readme_import_example_hides_the_byline_and_its_counter_examples_show_it() -> None:
    from tests.conftest import ROOT
    from tests.test_hiding_families import byline_hidden, dcnf

    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    example = '@import url("data:text/css,.by%7Bdisplay:none%7D") layer(x) supports(display:grid);'
    assert f"`{example}`" in readme and "`supports(display:bogus)`" in readme and "`.by{display:block}`" in readme
    byline = '<p class="by">By Maria Lopez</p>'
    assert byline_hidden(dcnf(head=f"<style>{example}</style>", byline=byline))
    assert not byline_hidden(dcnf(head=f"<style>{example.replace('display:grid', 'display:bogus')}</style>", byline=byline))
    assert not byline_hidden(dcnf(head=f"<style>{example} .by{{display:block}}</style>", byline=byline))

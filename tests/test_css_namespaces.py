"""A style sheet's `@namespace` rules applied to its selectors (compliance.document.namespaces):
with a default namespace other than XHTML's, a selector without a prefix hides no HTML element;
a prefix bound to XHTML's, or `*|`, hides one; an undeclared prefix drops the rule. Each row is
checked against Chromium in tests/test_browser.py."""

from __future__ import annotations

import pytest

from compliance.document.namespaces import with_namespaces_applied
from tests.test_visibility import check, errors, page

SVG = "@namespace url(http://www.w3.org/2000/svg);"
XHTML_AS_H = "@namespace h url(http://www.w3.org/1999/xhtml);"

# CSS → whether the byline (`<p class="byline">`) is hidden.
NAMESPACED_HIDING = {
    # A default namespace other than XHTML's: no unprefixed compound matches an HTML element.
    f"{SVG} .byline{{display:none}}": False,
    f"{SVG} p{{display:none}}": False,
    f"{SVG} *{{display:none}}": False,
    f"{SVG} [class=byline]{{display:none}}": False,
    f"{SVG} :is(.byline){{display:none}}": False,
    f"{SVG} article .byline{{display:none}}": False,
    f"{SVG} *|article .byline{{display:none}}": False,
    f"{SVG} @media all {{ .byline{{display:none}} }}": False,
    '@namespace "http://www.w3.org/2000/svg"; .byline{display:none}': False,
    "@namespace URL(http://www.w3.org/2000/svg); .byline{display:none}": False,
    "@NAMESPACE url(http://www.w3.org/2000/svg); .byline{display:none}": False,
    '@namespace url(""); .byline{display:none}': False,
    # Still in force after `@charset`, `@import`, an `@layer` statement or an unknown at-rule.
    f"@layer a; {SVG} .byline{{display:none}}": False,
    f'@charset "utf-8"; {SVG} .byline{{display:none}}': False,
    f"@foo; {SVG} .byline{{display:none}}": False,
    # Any namespace, XHTML's by prefix or by default: the byline is hidden.
    f"{SVG} *|p{{display:none}}": True,
    f"{SVG} *|*.byline{{display:none}}": True,
    f"{SVG} *|*[class=byline]{{display:none}}": True,
    f"{SVG} @media all {{ *|*.byline{{display:none}} }}": True,
    f"{SVG} *|p:not(.x){{display:none}}": True,
    f"{XHTML_AS_H} h|p.byline{{display:none}}": True,
    "@namespace url(http://www.w3.org/1999/xhtml); .byline{display:none}": True,
    # The last binding of a prefix, or of the default, counts.
    f"{SVG} @namespace url(http://www.w3.org/1999/xhtml); .byline{{display:none}}": True,
    f"{XHTML_AS_H} @namespace h url(http://www.w3.org/2000/svg); h|p{{display:none}}": False,
    # After a style rule or another at-rule, an `@namespace` is ignored.
    f".x{{color:red}} {SVG} .byline{{display:none}}": True,
    f"@media all {{ .x{{color:red}} }} {SVG} .byline{{display:none}}": True,
    f"{SVG} .byline{{display:none}} {XHTML_AS_H}": False,
    # No namespace, another one, an undeclared prefix (in any case): nothing matched, the rule dropped.
    f"{SVG} |p{{display:none}}": False,
    "@namespace x url(http://example.com/x); x|p{display:none}": False,
    f"{XHTML_AS_H} q|p.byline{{display:none}}": False,
    f"{XHTML_AS_H} q|p.byline, .byline{{display:none}}": False,
    f"{XHTML_AS_H} H|p.byline{{display:none}}": False,
    f"{SVG} svg|*{{display:none}}": False,
    f"{SVG} *|article *|.byline{{display:none}}": False,
}


@pytest.mark.parametrize(("css", "hidden"), NAMESPACED_HIDING.items())
def test_a_namespaced_selector_hides_the_byline_where_chromium_does(css: str, hidden: bool) -> None:
    assert ("dcnf/byline" in errors(check(page(css=css)))) is hidden


def test_a_sheet_without_namespaces_is_read_as_written() -> None:
    sheet = ".byline{display:none} svg|p{display:none}"
    assert with_namespaces_applied.__wrapped__(sheet) is sheet  # type: ignore[attr-defined]


def test_a_compound_of_svg_is_one_of_svgs_elements() -> None:
    written = with_namespaces_applied.__wrapped__(f"@namespace s url(http://www.w3.org/2000/svg); {SVG} s|rect, s|p, .logo{{opacity:0}}")  # type: ignore[attr-defined]
    selectors, _, block = written.partition("{")
    rect, svg_compound = selectors.split(", ", 1)
    assert rect == "rect" and block == "opacity:0}"
    assert svg_compound.startswith(":is(svg, g, ") and svg_compound.endswith(").logo") and " p," not in svg_compound


def test_an_svg_logo_under_a_default_svg_namespace_is_hidden() -> None:
    from compliance.document.html import parse_html
    from compliance.document.visibility import applied_sheets

    doc = parse_html(f'<style>{SVG} .logo{{display:none}}</style><p class="logo">By X</p><svg class="logo"><text>DCNF</text></svg>')
    root = doc.root
    assert root is not None
    (sheet,) = applied_sheets(root)
    from compliance.document.screen_hiding import _matched

    selector = sheet.partition("{")[0]
    assert [element.tag for element in _matched(root, selector)] == ["svg"]


def test_the_readme_names_namespaced_selectors_as_they_are_read() -> None:
    from tests.conftest import ROOT

    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert "`@namespace url(http://www.w3.org/2000/svg); .byline { display: none }`" in readme
    assert "`@namespace h url(http://www.w3.org/1999/xhtml); h|p.byline`" in readme
    assert NAMESPACED_HIDING[f"{SVG} .byline{{display:none}}"] is False
    assert errors(check(page(css="@namespace url(http://www.w3.org/2000/svg); .byline { display: none }"))) == []
    assert "dcnf/byline" in errors(check(page(css="@namespace h url(http://www.w3.org/1999/xhtml); h|p.byline { display: none }")))
    assert "dcnf/byline" in errors(check(page(css="@namespace url(http://www.w3.org/2000/svg); *|p { display: none }")))

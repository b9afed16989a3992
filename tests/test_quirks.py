"""Quirks mode: class and ID selectors match case-insensitively (compliance.document.quirks)."""

from __future__ import annotations

import pytest
from lxml import etree

from compliance.document.quirks import in_quirks_mode
from tests.test_visibility import LOGO, check, errors, page


def _root(html: bytes) -> object:
    return etree.fromstring(html, etree.HTMLParser(encoding="utf-8"))


@pytest.mark.parametrize(
    ("doctype", "quirks"),
    [
        (b"", True),
        (b'<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">', True),
        (b'<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">', True),
        (b'<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">', True),
        (b"<!doctype html>", False),
        (b"<!DOCTYPE html SYSTEM 'about:legacy-compat'>", False),
        (b'<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">', False),
        (b'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">', False),
    ],
)
def test_the_doctypes_of_quirks_mode(doctype: bytes, quirks: bool) -> None:
    assert in_quirks_mode(_root(doctype + b"<html><body><p>x</p></body></html>")) is quirks


def _without_doctype(html: bytes) -> bytes:
    return html.replace(b"<!doctype html>", b"", 1)


QUIRKS_HIDING = {
    "an upper-case class": ".BRAND{display:none}",
    "a mixed-case ID": "#Site-Logo{visibility:hidden}",
    "a class in a descendant selector": "ARTICLE .Brand{opacity:0}",
}


@pytest.mark.parametrize("case", sorted(QUIRKS_HIDING))
def test_without_a_doctype_class_and_id_selectors_ignore_case(case: str) -> None:
    logo = LOGO.format(attrs=' class="brand" id="site-logo"')
    html = page(css=QUIRKS_HIDING[case], logo=logo)
    assert "dcnf/logo" in errors(check(_without_doctype(html)))
    assert errors(check(html)) == []  # with `<!doctype html>`, the case counts


def test_a_colour_is_not_taken_for_an_id() -> None:
    byline = '<p class="byline" id="fff">By Jake Smith, Daily Caller News Foundation</p>'
    assert errors(check(_without_doctype(page(css=".byline{color:#FFF;background:#000}", byline=byline)))) == []

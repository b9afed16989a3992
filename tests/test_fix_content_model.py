"""A block `syndcheck fix` inserts beside an element that stands in a list, a description list or
a table goes where HTML's content models allow it: a `<p>` put straight inside `<ul>` or between
table rows is invalid (a browser moves it out of a table), and not where an editor wants it. It goes
beside the whole list or table when the element is its first item (a block before) or last (a
block after), else inside the item (list item, description, table cell), beside its text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import lxml.html
import pytest

from compliance.fixes import _place_inside, _where_blocks_may_go
from tests.conftest import write

LOGO = "https://dailycallernewsfoundation.org/l.png"
IMG = f'<p><img src="{LOGO}" alt="Daily Caller News Foundation logo"></p>'
BODY = "<p>The Department of Energy delayed a rule on gas furnaces on Monday, officials said in a statement released to reporters.</p>"
# Each container's children and the elements allowed as them.
ALLOWED = {
    "ul": {"li"},
    "ol": {"li"},
    "dl": {"dt", "dd", "div"},
    "table": {"caption", "colgroup", "thead", "tbody", "tfoot", "tr"},
    "tbody": {"tr"},
    "tr": {"td", "th"},
}


def _valid(text: str) -> None:
    for element in lxml.html.fromstring(text).iter(*ALLOWED):
        for child in element:
            if isinstance(child.tag, str):
                assert child.tag in ALLOWED[element.tag], f"<{child.tag}> inside <{element.tag}>"


def _logo_fix(cli: Any, tmp_path: Path, markup: str) -> tuple[Any, str]:
    page = write(tmp_path, "story.html", f"<article><h1>Energy rule delayed</h1>\n{markup}\n{BODY}\n</article>\n")
    run = cli("fix", "--pack", "dcnf", "--meta", f"logo-url={LOGO}", "--write", str(page))
    return run, page.read_text(encoding="utf-8")


CASES = {
    # The byline is the list's first item: the logo goes above the list.
    "first list item": (
        '<ul class="meta"><li class="byline">By Jake Smith</li><li>Monday</li></ul>',
        f'{IMG}\n<ul class="meta"><li class="byline">By Jake Smith</li>',
    ),
    "first item of an ordered list": (
        '<ol class="meta"><li class="byline">By Jake Smith</li><li>Monday</li></ol>',
        f'{IMG}\n<ol class="meta"><li class="byline">',
    ),
    # An item after another: the logo goes inside it, above its text, with nothing between them.
    "later list item": ('<ul class="meta"><li>Monday</li><li class="byline">By Jake Smith</li></ul>', f'<li class="byline">{IMG}By Jake Smith</li>'),
    "list item left unclosed": ('<ul class="meta"><li>Monday\n<li class="byline">By Jake Smith\n</ul>', f'<li class="byline">{IMG}By Jake Smith'),
    "description": (
        '<dl class="meta"><dt>Posted</dt><dd>Monday</dd><dt>Author</dt><dd class="byline">By Jake Smith</dd></dl>',
        f'<dd class="byline">{IMG}By Jake Smith</dd>',
    ),
    "table cell in a later row": (
        '<table><tr><td>Monday</td></tr><tr><td class="byline" title="a > b">By Jake Smith</td></tr></table>',
        f'<td class="byline" title="a > b">{IMG}By Jake Smith</td>',
    ),
    "table cell in the first row": ('<table><tr><td class="byline">By Jake Smith</td></tr><tr><td>Monday</td></tr></table>', f"{IMG}\n<table>"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_logo_before_a_byline_in_a_list_or_table_goes_where_html_allows_it(cli: Any, tmp_path: Path, case: str) -> None:
    markup, expected = CASES[case]
    run, fixed = _logo_fix(cli, tmp_path, markup)
    assert run.code == 0, run.err
    assert expected in fixed
    _valid(fixed)
    assert "fixed dcnf/logo: inserted" in run.err
    assert "not fixed" not in run.err


def test_a_byline_paragraph_in_a_list_item_keeps_its_place_beside_the_paragraph(cli: Any, tmp_path: Path) -> None:
    """The look-alike: a byline `<p>` inside a list item already stands where any block may; the
    logo goes right before it, inside the item, as before."""
    run, fixed = _logo_fix(cli, tmp_path, '<ul class="meta"><li>Monday</li><li><p class="byline">By Jake Smith</p></li></ul>')
    assert run.code == 0, run.err
    assert f'<li>{IMG}<p class="byline">By Jake Smith</p></li>' in fixed


def test_a_credit_line_before_a_story_that_opens_with_a_list_goes_before_the_list(cli: Any, tmp_path: Path) -> None:
    page = write(
        tmp_path,
        "story.html",
        "<article>\n<h1>Rates rise</h1>\n<ul><li>Aetna, 12 percent</li><li>Cigna, 9 percent</li></ul>\n<p>Insurers raised rates, filings show.</p>\n"
        '<script async src="https://pixel.propublica.org/pixel.js"></script></article>\n',
    )
    run = cli(
        "fix",
        "--pack",
        "propublica",
        "--meta",
        "original-url=https://www.propublica.org/article/rates-rise",
        "--meta",
        "reporter=Jane Roe",
        "--write",
        str(page),
    )
    fixed = page.read_text(encoding="utf-8")
    assert "ProPublica</a>.</p>\n<ul><li>Aetna" in fixed, run.err
    _valid(fixed)


def test_a_tagline_after_a_story_that_ends_with_a_list_goes_after_the_list(cli: Any, tmp_path: Path) -> None:
    page = write(
        tmp_path,
        "story.html",
        "<article>\n<h1>Rates rise</h1>\n<p>By Jane Roe, KFF Health News</p>\n<p>Insurers raised rates, filings show. They said:</p>\n"
        "<ul><li>Aetna raised its rates by 12 percent this year</li><li>Cigna raised its rates by 9 percent this year</li></ul>\n</article>\n",
    )
    run = cli("fix", "--pack", "kff-health-news", "--write", str(page))
    fixed = page.read_text(encoding="utf-8")
    assert "this year</li></ul>\n<p>KFF Health News is a national newsroom" in fixed, run.err
    _valid(fixed)


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ('<ul><li id="x">a</li><li>b</li></ul>', '<ul><li id="x">a[]</li><li>b</li></ul>'),
        ('<ul><li>a</li><li id="x">b</li></ul>', '<ul><li>a</li><li id="x">b</li></ul>[]'),
        ('<table><tr><td id="x">a</td><td>b</td></tr></table>', '<table><tr><td id="x">a[]</td><td>b</td></tr></table>'),
        ('<table><tr><td>a</td><td id="x">b</td></tr></table>', '<table><tr><td>a</td><td id="x">b</td></tr></table>[]'),
        (
            '<dl><div><dt>a</dt><dd id="x">b</dd></div><div><dt>c</dt></div></dl>',
            '<dl><div><dt>a</dt><dd id="x">b[]</dd></div><div><dt>c</dt></div></dl>',
        ),
        ('<div><p id="x">a</p><p>b</p></div>', '<div><p id="x">a</p>[]<p>b</p></div>'),
    ],
)
def test_where_a_block_after_an_element_goes(markup: str, expected: str) -> None:
    root = lxml.html.fromstring(f"<body>{markup}</body>")
    target, inside = _where_blocks_may_go(root.get_element_by_id("x"), "after")
    source = lxml.html.tostring(root, encoding="unicode").removeprefix("<body>").removesuffix("</body>")
    start = source.find(f"<{target.tag}" + (' id="x"' if target.get("id") == "x" else ""))
    if target.tag in ("ul", "table"):
        start = source.find(f"<{target.tag}>")
    if inside:
        placed = _place_inside(source, start, target.tag, "after", "[]")
        assert not isinstance(placed, str)
        at = placed[0]
    else:
        from compliance.fixes import _element_end

        end = _element_end(source, start, target.tag)
        assert end is not None
        at = end
    assert source[:at] + "[]" + source[at:] == expected

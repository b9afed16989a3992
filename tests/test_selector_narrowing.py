"""A selector list's members that name a tag or class the page lacks are spared their pass over
the page's tree (`Selector.narrowed`, `Document.select`): the elements selected are the same, in
the same order, as the whole list's."""

from __future__ import annotations

import pytest

from compliance.document import parse_document
from compliance.loading import load_packs
from compliance.patterns import Selector, selector_members, translate_selector

CAPTIONS = "figure:has(img, picture), .wp-caption, figcaption, figure .credit, .wp-caption small, img ~ small, [class*='credit']"


def _selector(css: str) -> Selector:
    return Selector(css, translate_selector(css), selector_members(css))


@pytest.mark.parametrize(
    ("css", "needs"),
    [
        ("figure:has(img, picture)", {"tag:figure"}),
        ("figure .credit", {"tag:figure", "class:credit"}),
        ("a.x > span.y + em", {"tag:a", "class:x", "tag:span", "class:y", "tag:em"}),
        ("img:not(.logo)", {"tag:img"}),
        ("[class*='credit']", set()),
        ("#byline", set()),
        ("*", set()),
        ("DIV.Credit", {"tag:div", "class:Credit"}),
    ],
)
def test_a_member_needs_the_names_its_compounds_give_outside_brackets(css: str, needs: set[str]) -> None:
    (member,) = selector_members(css)
    assert member.needs == needs


def test_narrowed_keeps_the_members_whose_names_are_on_the_page() -> None:
    selector = _selector(".credit, figure .credit, img ~ small")
    assert selector.narrowed(lambda name: True) is selector
    assert selector.narrowed(lambda name: False) is None
    kept = selector.narrowed(lambda name: name in {"class:credit", "tag:img"})
    assert kept is not None and [m.css for m in kept.members] == [".credit"]
    both = selector.narrowed(lambda name: name != "tag:figure")
    assert both is not None and [m.css for m in both.members] == [".credit", "img ~ small"]


def test_a_selector_without_members_or_with_case_insensitive_forms_is_not_narrowed() -> None:
    plain = Selector("img, amp-img", translate_selector("img, amp-img"))
    assert plain.narrowed(lambda name: False) is plain
    contains = _selector("p:contains('ProPublica'), .credit")
    assert "lower-case(" in contains.xpath and contains.narrowed(lambda name: False) is contains


PAGES = [
    # WordPress's caption box, a figure with a credit, a small under an image.
    '<figure class="wp-caption"><img src=a.jpg><figcaption class="wp-caption-text">Jane Lee/ProPublica</figcaption></figure>'
    "<p><img src=b.jpg><small>Photo: AP</small></p>",
    # Class names parted by tabs and line breaks, as XPath's normalize-space parts them.
    '<div class="x\tcredit\nmore"><span>Credit</span></div><figure><img src=c.jpg><span class="credit">Staff</span></figure>',
    # A class in another case is another class to a class selector; a no-break space is no separator.
    '<div class="Credit">A</div><div class="wp-caption\u00a0small">B</div><small>C</small>',
    # Inside a template and an SVG.
    '<template><figure><img src=d.jpg><figcaption>E</figcaption></figure></template><svg><text class="credit">F</text></svg>',
    # Nothing any member names.
    "<p>Only text.</p>",
]


@pytest.mark.parametrize("body", PAGES)
@pytest.mark.parametrize("doctype", ["<!doctype html>", ""])  # standards and quirks mode
def test_the_page_selects_what_the_whole_list_selects(body: str, doctype: str) -> None:
    doc = parse_document(f"{doctype}<html><body><article>{body}</article></body></html>".encode(), "html")
    for css in (CAPTIONS, ".credit, .credits", "figure .credit, .wp-caption small", "small"):
        selector = _selector(css)
        assert doc.select(selector) == tuple(selector(doc.root)), css


def test_the_built_in_packs_selectors_carry_their_members() -> None:
    selectors = {selector for pack in load_packs() for rule in pack.rules for selector in _selectors(rule.check)}
    assert len(selectors) >= 10 and all(selector.members for selector in selectors)
    assert all(selector.xpath == translate_selector(selector.css) for selector in selectors)


def _selectors(check: object) -> list[Selector]:
    """The selectors of a rule's check, through `all`/`any`/`not` and their parameters."""
    params = getattr(check, "params", None)
    if isinstance(params, tuple) and not hasattr(params, "_fields"):  # a list of checks, not a named tuple
        return [selector for inner in params for selector in _selectors(inner)]
    if hasattr(params, "params"):
        return _selectors(params)
    selector = getattr(params, "selector", None)
    return [selector] if isinstance(selector, Selector) else []


def test_has_name_reads_tags_and_classes_as_selectors_do() -> None:
    doc = parse_document(b'<html><body><figure class="wp-caption\tAlign"><img src=a.jpg></figure></body></html>', "html")
    assert doc.has_name("tag:figure") and doc.has_name("tag:img") and not doc.has_name("tag:small")
    assert doc.has_name("class:wp-caption") and doc.has_name("class:Align")
    assert not doc.has_name("class:align") and not doc.has_name("class:credit")
    assert doc.has_name("id:anything")  # not looked for: taken as present

"""Where a bidi override may reach (`bidi_override.override_reach`): the elements whose text the
walk reads in reverse must all be in it, and a page that names `-override` only in its URLs,
classes or attributes has none (its texts are read as written without a look at the cascade)."""

from __future__ import annotations

from typing import Any

import pytest

from compliance.document import parse_document
from compliance.document.bidi_override import may_override, override_reach, reversed_by_override
from compliance.document.visibility import PageStyle
from tests.test_hiding_families import BIDI_OVERRIDES


def _page(body: str, head: str = "") -> str:
    return f"<!doctype html><html><head>{head}</head><body><article><h1>Pipeline rule shelved</h1>{body}</article></body></html>"


def _reach_and_reversed(page: str) -> tuple[frozenset[Any], set[Any]]:
    """The page's override reach, and the elements whose own text an override reverses (read the
    long way, on every element with text of its own)."""
    root = parse_document(page.encode(), "html").root
    style = PageStyle.of(root)
    holders = [element for element in root.iter() if isinstance(element.tag, str) and any(text.strip() for text in _own_texts(element))]
    return override_reach(root, style), {element for element in holders if reversed_by_override(element, style)}


def _own_texts(element: Any) -> list[str]:
    """The texts directly in `element`: its text and its children's tails."""
    return [element.text or "", *(child.tail or "" for child in element)]


# Pages whose source names `-override` but no override: in a URL, a class, an attribute, the text.
NAMED_ONLY = [
    _page('<p><a href="https://example.com/css-bidi-override-guide">By Maria Lopez</a></p>'),
    _page('<p class="title-override">By Maria Lopez</p>'),
    _page('<p data-title-override="yes">By Maria Lopez</p>'),
    _page("<p>By Maria Lopez, who wrote about bidi-override last week</p>"),
    _page('<p><img src="/img/isolate-override.png" alt="">By Maria Lopez</p>'),
    # a rule names the class, but declares no override
    _page('<p class="by-override">By Maria Lopez</p>', "<style>.by-override{unicode-bidi:isolate;direction:rtl}</style>"),
    # an override keyword in another property, and in a custom property (`var()` is not read here)
    _page('<p class="by">By Maria Lopez</p>', "<style>.by{font-family:bidi-override;--bidi:bidi-override;direction:rtl}</style>"),
    _page("<p style=\"content:'bidi-override';direction:rtl\">By Maria Lopez</p>"),
]


@pytest.mark.parametrize("page", NAMED_ONLY)
def test_a_page_that_only_names_override_has_no_element_an_override_reaches(page: str) -> None:
    root = parse_document(page.encode(), "html").root
    assert may_override(page, root)
    reach, reversed_here = _reach_and_reversed(page)
    assert reach == frozenset()
    assert reversed_here == set()
    assert "By Maria Lopez" in [block.text[: len("By Maria Lopez")] for block in parse_document(page.encode(), "html").blocks]


# Overrides the cascade reads in other ways than the byline tests do: in a media query, by an
# escaped keyword, on every element, lost to a later rule or an embedding, in a rule and a `<bdo>`
# nested in each other, by a selector of several parts.
MORE = [
    ("@media (max-width:600px){.by{unicode-bidi:bidi-override;direction:rtl}}", '<p class="by">By Maria Lopez</p>', True),
    (r".by{unicode-bidi:b\69 di-override;direction:rtl}", '<p class="by">By Maria Lopez</p>', True),
    ("*{unicode-bidi:bidi-override;direction:rtl}", "<p>By Maria <b>Lopez</b></p>", True),
    (".by{unicode-bidi:bidi-override;direction:rtl} #by{unicode-bidi:normal}", '<p class="by" id="by">By Maria Lopez</p>', False),
    (".by{unicode-bidi:bidi-override!important;direction:rtl} #by{unicode-bidi:normal}", '<p class="by" id="by">By Maria Lopez</p>', True),
    ("article .by span{unicode-bidi:isolate-override}", '<p dir="rtl" class="by"><span>By Maria Lopez</span></p>', True),
    (".by{unicode-bidi:bidi-override;direction:rtl}", '<div class="by"><bdo dir="ltr"><span>By Maria Lopez</span></bdo></div>', False),
    (".wrap{unicode-bidi:bidi-override;direction:rtl}", '<div class="wrap"><span><bdo dir="rtl">By</bdo> Maria Lopez</span></div>', True),
]


@pytest.mark.parametrize(
    ("head", "body", "reversed_somewhere"),
    [*MORE, *(("", markup.format(B="By Maria Lopez"), hidden) for markup, hidden in BIDI_OVERRIDES.items())],
)
def test_every_element_whose_text_an_override_reverses_is_in_its_reach(head: str, body: str, reversed_somewhere: bool) -> None:
    reach, reversed_here = _reach_and_reversed(_page(body, f"<style>{head}</style>" if head else ""))
    assert reversed_here <= reach
    # (The byline tests' pages whose byline reads as written may reverse another text.)
    assert bool(reversed_here) if reversed_somewhere else not head or not reversed_here

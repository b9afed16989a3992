"""One reading of class and id names (`elements.names`): tokens split into BEM pieces, a piece's
namespace word (`c-`, `o-`, `js-`) left out, its words split at "-", "_" and camelCase. The article
region's parts (dialogs, republish boxes, teasers, the site's header and brand), the bylines'
places that are never the article's, and the story's deck and tail all ask through it; and a
document answers `in_story` and `in_republish_box` testing each element once."""

from __future__ import annotations

from typing import Any

import pytest

from compliance.document import parse_html
from compliance.document import region as region_module
from compliance.document.elements import name_words, names

MODAL = frozenset({"modal", "popup", "dialog", "lightbox"})
REPUBLISH = frozenset({"republish"})
SITE_HEADER = frozenset({"site-header", "masthead"})


def attributes(class_value: str | None = None, identifier: str | None = None) -> dict[str, str]:
    return {key: value for key, value in (("class", class_value), ("id", identifier)) if value is not None}


def test_a_value_is_read_as_the_words_of_each_bem_piece() -> None:
    assert name_words("c-site-header__inner republishBox js-related_posts REPUBLISH") == (
        ("site", "header"),
        ("inner",),
        ("republish", "box"),
        ("related", "posts"),
        ("republish",),
    )


@pytest.mark.parametrize(
    ("class_value", "identifier", "vocabulary", "named"),
    [
        ("c-modal__body", None, MODAL, True),
        ("share-popup", None, MODAL, True),
        ("dialogBox", None, MODAL, True),
        ("o-lightbox--open", None, MODAL, True),
        (None, "republish-modal", REPUBLISH, True),
        ("btn_republish", None, REPUBLISH, True),
        ("RepublishStoryButton", None, REPUBLISH, True),
        ("modalities", None, MODAL, False),
        ("republished-story", None, REPUBLISH, False),
        (None, "republication-tracker-tool-source", REPUBLISH, False),
        ("nonrepublishable", None, REPUBLISH, False),
        ("", "", REPUBLISH, False),
    ],
)
def test_a_name_is_a_word_of_a_piece_wherever_it_stands(class_value: str | None, identifier: str | None, vocabulary: frozenset[str], named: bool) -> None:
    assert names(attributes(class_value, identifier), vocabulary) is named


@pytest.mark.parametrize(
    ("class_value", "at", "named"),
    [
        ("c-site-header__inner", "whole", True),
        ("o-masthead", "whole", True),
        ("site-header-bar", "whole", False),
        ("site-header-bar", "ends", True),
        ("sticky-site-header", "ends", True),
        ("top-site-header-bar", "ends", False),
        ("top-site-header-bar", "anywhere", True),
    ],
)
def test_where_in_a_piece_a_name_stands(class_value: str, at: Any, named: bool) -> None:
    assert names(attributes(class_value), SITE_HEADER, at=at) is named


def test_ids_are_read_only_when_asked() -> None:
    element = attributes("entry", "republish-box")
    assert names(element, REPUBLISH)
    assert not names(element, REPUBLISH, ids=False)


@pytest.mark.parametrize(
    ("markup", "site_header"),
    [
        ('<div class="c-site-header__inner">x</div>', True),
        ('<header id="masthead">x</header>', True),
        ('<div class="siteHeader">x</div>', True),
        ('<div class="site-header-wrapper">x</div>', False),
        ('<div class="story-header">x</div>', False),
    ],
)
def test_a_site_header_is_named_by_a_whole_piece(markup: str, site_header: bool) -> None:
    doc = parse_html(f"<html><body>{markup}</body></html>")
    assert doc.root is not None
    assert region_module.is_site_header(doc.root.find("body")[0]) is site_header


def test_a_document_tests_each_element_once_for_its_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    # Markers' hits share their ancestors: a page of many hits pays for each element once.
    tested: list[Any] = []
    asking: list[str] = []  # the question being asked (`is_set_apart` asks `is_republish_box` too)
    real_box, real_apart = region_module.is_republish_box, region_module.is_set_apart

    def box(element: Any, *, hidden: bool = False) -> bool:
        if not asking:
            tested.append(("box", element))
        return real_box(element, hidden=hidden)

    def apart(element: Any, *, hidden: bool = False) -> bool:
        tested.append(("apart", element))
        asking.append("apart")
        try:
            return real_apart(element, hidden=hidden)
        finally:
            asking.pop()

    monkeypatch.setattr(region_module, "is_republish_box", box)
    monkeypatch.setattr(region_module, "is_set_apart", apart)
    paragraphs = "".join(f"<p>Paragraph {n} of the story, with a <a href='/x{n}'>link</a>.</p>" for n in range(40))
    doc = parse_html(f"<html><body><main><article><div><div class='entry-content'>{paragraphs}</div></div></article></main></body></html>")
    assert doc.root is not None
    links = list(doc.root.iter("a"))
    for _ in range(2):
        assert not any(doc.in_republish_box(link) for link in links)
        assert all(doc.in_story(link) for link in links)
    elements = sum(1 for _ in doc.root.iter())
    assert len(tested) == len(set(tested))  # no element tested twice for one question
    assert len(tested) <= 2 * elements

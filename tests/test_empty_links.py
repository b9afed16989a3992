"""A link back to the original is one a reader can see and click: an `<a>` with nothing inside it
(no text that shows, no visible image) takes up no room on the screen, whatever its `href`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.document import parse_html
from compliance.document.model import has_visible_characters
from tests.conftest import write

ORIGINAL = "https://www.propublica.org/article/rural-bills"
PAGE = """<html><body><article><h1>Hospital bills pile up</h1>
<p>By Ana Ruiz, ProPublica</p>
<p>This story was originally published by ProPublica.LINK</p>
<p>When Dana Whitlock opened her mailbox, she found a summons.</p>
<p>She is one of 2,300 patients the hospital has sued.</p>
<script async src="https://pixel.propublica.org/pixel.js"></script>
</article></body></html>
"""


def _source_link(cli: Any, tmp_path: Path, link: str) -> dict[str, Any] | None:
    """The source-link finding for the page with this link after the credit line (None: passed)."""
    path = write(tmp_path, "story.html", PAGE.replace("LINK", link))
    entry = cli("check", "-p", "propublica", "-f", "json", str(path)).json()["files"][0]
    found = [f for f in entry["findings"] if f["rule"] == "creative-commons/source-link"]
    if not found:
        assert "creative-commons/source-link" in {p["rule"] for p in entry["passed"]}
    return found[0] if found else None


@pytest.mark.parametrize(
    "inside",
    [
        "",
        "   \n ",
        "&#8203;&#8204;&#8205;&#xfeff;",
        "&nbsp;&#x2060;&#xad;",
        "&#x3164;&#x2800;",
        "&#x202e;&#x2066;&#x200f;",
        "<span></span><b> </b>",
        '<img src="https://www.propublica.org/logo.png" alt="ProPublica" width="1" height="1">',
        '<img src="https://www.propublica.org/logo.png" alt="ProPublica" style="display:none">',
    ],
)
def test_a_link_with_nothing_to_click_is_not_the_link_back(cli: Any, tmp_path: Path, inside: str) -> None:
    finding = _source_link(cli, tmp_path, f'<a href="{ORIGINAL}">{inside}</a>')
    assert finding is not None
    assert finding["line"] == 3
    assert finding["detail"] == (
        'no visible link to "https://www.propublica.org/article/" in the article; the link at line 3'
        f' (<a href="{ORIGINAL}">) has nothing to click: put the words or image a reader should click inside it'
    )


@pytest.mark.parametrize(
    "inside",
    [
        "ProPublica",
        " ProPublica&#8203; ",
        '<img src="https://www.propublica.org/logo.png" alt="ProPublica" width="120" height="30">',
        '<svg width="20" height="20"><title>ProPublica</title><path d="M0 0h20v20H0z"/></svg>',
    ],
)
def test_a_link_with_words_or_an_image_to_click_is_the_link_back(cli: Any, tmp_path: Path, inside: str) -> None:
    assert _source_link(cli, tmp_path, f' <a href="{ORIGINAL}">{inside}</a>') is None


def test_an_empty_link_does_not_count_as_keeping_a_link_of_the_original() -> None:
    doc = parse_html(f'<article><p>Read <a href="{ORIGINAL}"></a> and <a href="{ORIGINAL}">this</a>.</p></article>')
    assert [doc.has_something_to_click(link) for link in doc.links] == [False, True]


def test_visible_characters() -> None:
    assert not has_visible_characters(" \u200b\u200e\u202e\u2066\u3164\u00ad\t")
    assert has_visible_characters("\u200bA")
    assert has_visible_characters("\u2192")


def _visible_characters_reference(text: str) -> bool:
    """`has_visible_characters` as the Unicode categories say, with no fast path for ASCII."""
    import unicodedata

    blank = "\u115f\u1160\u3164\uffa0\u2800"
    return any(not c.isspace() and c not in blank and unicodedata.category(c) not in ("Cc", "Cf", "Zs", "Zl", "Zp", "Mn") for c in text)


@given(st.text(alphabet=st.characters(max_codepoint=0x7F)) | st.text())
@settings(max_examples=300)
def test_the_ascii_reading_of_visible_characters_agrees_with_the_unicode_one(text: str) -> None:
    assert has_visible_characters(text) is _visible_characters_reference(text)


@pytest.mark.parametrize(
    ("link", "around"),
    [
        (f'<a inert href="{ORIGINAL}">Read the original</a>', "it has"),
        (f'<span inert=""><a href="{ORIGINAL}">Read the original</a></span>', "the <span> at line 3 around it has"),
    ],
)
def test_an_inert_link_cannot_be_clicked_and_is_not_the_link_back(cli: Any, tmp_path: Path, link: str, around: str) -> None:
    # An inert subtree is drawn, but ignores readers' clicks and taps (HTML, 6.3).
    finding = _source_link(cli, tmp_path, link)
    assert finding is not None
    assert finding["detail"] == (
        'no visible link to "https://www.propublica.org/article/" in the article; the link at line 3'
        f' (<a href="{ORIGINAL}">) cannot be clicked: {around} the inert attribute, which makes what it holds ignore readers\''
        " clicks and taps; remove the attribute"
    )


def test_a_link_beside_an_inert_element_is_the_link_back(cli: Any, tmp_path: Path) -> None:
    assert _source_link(cli, tmp_path, f'<span inert>Share</span> <a href="{ORIGINAL}">Read the original</a>') is None

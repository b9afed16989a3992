"""A Markdown link whose address holds a character a link destination cannot (CommonMark 6.3: an
ASCII control character or a space, outside `<…>`) is shown by a renderer as text: the credit
line's words are read, and the link check says what is wrong with the link, not that it is
missing. Characters CommonMark reads in a link (white space around the address, U+0000, `<…>`)
leave a link."""

from __future__ import annotations

import pytest

from compliance.api import check_markdown
from compliance.document import parse_document

URL = "https://www.propublica.org/article/welds"
PIXEL = '<script async src="https://pixel.propublica.org/pixel.js"></script>'


def story(destination: str, *, raw_html: bool = True) -> str:
    """A ProPublica republication in Markdown whose credit line links to `destination` (line 5);
    with `raw_html`, the pixel script makes the reader render its HTML."""
    return (
        "# Welders hurt\n\nBy Pat Doe, ProPublica\n\n"
        f"This story was originally published by [ProPublica]({destination}).\n\n"
        "First paragraph of the story.\n\n" + (PIXEL + "\n" if raw_html else "")
    )


def failing(source: str) -> dict[str, str]:
    """The errors and warnings by rule, but for the pixel's (without raw HTML, the copy has none)."""
    report = check_markdown(source, packs=["propublica"])
    return {f.rule: f.message for f in report.findings if f.severity.name.lower() in ("error", "warning") and f.rule != "propublica/pixel"}


BROKEN = {
    "bell": (URL + "\x07", "U+0007 (a control character)"),
    "escape in the middle": ("https://www.propublica.org/art\x1bicle/welds", "U+001B (a control character)"),
    "delete": (URL + "\x7f", "U+007F (a control character)"),
    "tab in the middle": ("https://www.propublica.org/article/\twelds", "a tab"),
    "space in the middle": ("https://www.propublica.org/article/ welds", "a space"),
    "two kinds": ("https://www.propublica.org/\x01article/\x02welds\x01", "U+0001 (a control character) and U+0002 (a control character)"),
    # An address broken across lines (an editor wrapped it): the soft line break cuts its text.
    "line break in the middle": ("https://www.propublica.org/article/\nwelds", "a line break"),
    "CR LF in the middle": ("https://www.propublica.org/article/\r\nwelds", "a line break"),
    "line break and a bell": ("https://www.propublica.org/\x07article/\nwelds", "U+0007 (a control character) and a line break"),
}


@pytest.mark.parametrize("raw_html", [True, False], ids=["rendered", "tokens"])
@pytest.mark.parametrize(("destination", "named"), BROKEN.values(), ids=BROKEN.keys())
def test_a_link_shown_as_text_is_reported_as_broken_not_missing(destination: str, named: str, raw_html: bool) -> None:
    found = failing(story(destination, raw_html=raw_html))
    assert list(found) == ["creative-commons/source-link"], found
    message = found["creative-commons/source-link"]
    assert f"the link at line 5 ([ProPublica]({URL})) is shown as text, not a link: its address holds {named}" in message
    # Untrusted characters never reach the output: the address is quoted without them.
    assert not any(ord(char) < 0x20 or ord(char) == 0x7F for char in message)


def test_the_broken_link_is_read_where_it_stands_and_its_words_are_the_credit_line() -> None:
    doc = parse_document(story(URL + "\x07").encode(), "markdown")
    assert [(link.text, link.href, link.line, link.characters) for link in doc.broken_links] == [("ProPublica", URL, 5, "\x07")]
    assert "This story was originally published by ProPublica." in [block.text for block in doc.blocks]
    assert doc.links == ()
    report = check_markdown(story(URL + "\x07"), packs=["propublica"])
    source_link = next(f for f in report.findings if f.rule == "creative-commons/source-link")
    assert source_link.location.line == 5


READ = {
    "tab before the parenthesis": URL + "\t",
    "line break before the parenthesis": URL + "\n",
    "spaces around the address": f"  {URL}  ",
    "U+0000, read as U+FFFD": URL + "\x00",
    "a control character inside <…>": f"<{URL}\x07>",
    "a title after a tab": f'{URL}\t"The story"',
}


@pytest.mark.parametrize("destination", READ.values(), ids=READ.keys())
def test_what_commonmark_reads_as_a_link_is_a_link(destination: str) -> None:
    assert failing(story(destination)) == {}
    assert parse_document(story(destination).encode(), "markdown").broken_links == ()


NOT_LINKS = {
    "in a code span": f"`[ProPublica]({URL}\x07)`",
    "no address once cleaned": "[ProPublica](\x07)",
}


@pytest.mark.parametrize("text", NOT_LINKS.values(), ids=NOT_LINKS.keys())
def test_what_would_be_no_link_anyway_is_not_a_broken_link(text: str) -> None:
    doc = parse_document(f"# Title\n\nSee {text} for more.\n".encode(), "markdown")
    assert doc.broken_links == ()


def test_an_address_wrapped_in_a_paragraph_is_read_on_the_line_of_its_bracket() -> None:
    # The credit line is the paragraph's second line, in emphasis, its address wrapped twice:
    # the link's words are the credit line's, and the broken link is named at line 6.
    source = (
        "# Welders hurt\n\nBy Pat Doe, ProPublica\n\nSome words first,\n"
        "_This story was originally published by [ProPublica](https://www.propublica.org/\narticle/\nwelds)._\n\n"
        "First paragraph of the story.\n\n" + PIXEL + "\n"
    )
    doc = parse_document(source.encode(), "markdown")
    assert [(link.text, link.href, link.line, link.characters) for link in doc.broken_links] == [("ProPublica", URL, 6, "\n")]
    assert any(block.text.endswith("This story was originally published by ProPublica.") for block in doc.blocks), [block.text for block in doc.blocks]
    assert list(failing(source)) == ["creative-commons/source-link"]

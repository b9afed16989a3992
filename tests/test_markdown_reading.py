"""Markdown read as a CommonMark renderer shows it: the DCNF logo counts where a reader sees the
image, and only there (code, comments, raw HTML that hides it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.api import check_markdown
from compliance.document import parse_document
from compliance.inputs import sniff_kind, stdin_kind

LOGO_URL = "https://dailycallernewsfoundation.org/wp-content/uploads/2021/05/dcnf-logo.png"
ALT = "Daily Caller News Foundation logo"
LOGO = f"![{ALT}]({LOGO_URL})"


def article(logo_part: str) -> str:
    """A DCNF republication in Markdown whose logo is written as `logo_part` (from line 3)."""
    return (
        "# Officials weigh new approach\n\n"
        f"{logo_part}\n\n"
        "By Jake Smith, Daily Caller News Foundation\n\n"
        "The administration is weighing a new approach, officials said.\n\n"
        "Content created by The Daily Caller News Foundation is available without charge to any eligible news publisher"
        " that can provide a large audience. For licensing opportunities of our original content, please contact"
        " licensing@dailycallernewsfoundation.org.\n"
    )


def logo_findings(source: str) -> list[str]:
    report = check_markdown(source, packs=["dcnf"])
    return [f"{f.rule} {f.message}" for f in report.findings if f.rule == "dcnf/logo"]


SEEN = {
    "inline image": LOGO,
    "raw HTML img": f'<img src="{LOGO_URL}" alt="{ALT}">',
    "raw HTML img inside a paragraph": f'Our partner: <img alt="{ALT}" src="{LOGO_URL}">',
    "reference-style image": f"![{ALT}][dcnf]\n\n[dcnf]: {LOGO_URL}",
    "collapsed reference image": f"![{ALT}][]\n\n[{ALT}]: {LOGO_URL}",
    "image link": f"[{LOGO}](https://dailycallernewsfoundation.org/)",
    "blockquote": f"> {LOGO}",
    "nested list": f"- partners\n  - {LOGO}",
    "visible HTML div around Markdown": f'<div class="partner">\n\n{LOGO}\n\n</div>',
    "angle-bracket destination with a title": f'![{ALT}](<{LOGO_URL}> "DCNF")',
}

UNSEEN = {
    "indented code block": f"    {LOGO}",
    "inline code span": f"`{LOGO}`",
    "double-backtick code span": f"``{LOGO}``",
    "fenced code block": f"```\n{LOGO}\n```",
    "tilde fence": f"~~~~\n{LOGO}\n~~~~",
    "HTML pre block": f"<pre>\n{LOGO}\n</pre>",
    "hidden HTML div with blank lines": f'<div style="display:none">\n\n{LOGO}\n\n</div>',
    "hidden attribute on a div": f"<div hidden>\n\n{LOGO}\n\n</div>",
    "raw img hidden by its style": f'<img src="{LOGO_URL}" alt="{ALT}" style="display:none">',
    "HTML comment": f"<!-- {LOGO} -->",
    "HTML comment over blank lines": f"<!--\n\n{LOGO}\n\n-->",
    "HTML comment inside a paragraph": f"Partner: <!-- {LOGO} --> none",
    "escaped image syntax": f"\\!\\[{ALT}\\]({LOGO_URL})",
    "reference with no definition": f"![{ALT}][missing]",
    "a link, not an image": f"[{ALT}]({LOGO_URL})",
}


@pytest.mark.parametrize("logo_part", SEEN.values(), ids=SEEN.keys())
def test_a_logo_a_reader_sees_counts(logo_part: str) -> None:
    assert logo_findings(article(logo_part)) == []


@pytest.mark.parametrize("logo_part", UNSEEN.values(), ids=UNSEEN.keys())
def test_a_logo_a_reader_does_not_see_is_missing(logo_part: str) -> None:
    findings = logo_findings(article(logo_part))
    assert len(findings) == 1 and findings[0].startswith("dcnf/logo"), findings


def test_images_and_links_keep_their_markdown_source_lines() -> None:
    source = article(f'> intro\n>\n> [{LOGO}](https://dailycallernewsfoundation.org/)\n\n<p>\n<img src="{LOGO_URL}" alt="second">\n</p>')
    doc = parse_document(source, "markdown")
    assert [(i.line, i.alt) for i in doc.images] == [(5, ALT), (8, "second")]
    assert [(link.line, link.href) for link in doc.links] == [(5, "https://dailycallernewsfoundation.org/")]
    assert [(b.line, b.text) for b in doc.blocks][:2] == [(1, "Officials weigh new approach"), (3, "intro")]


def test_hidden_markdown_text_is_not_a_block_and_raw_html_text_is() -> None:
    source = '# Title\n\n<div style="display:none">\n\nBy Someone Hidden\n\n</div>\n\n<p>By Jake Smith, Daily Caller News Foundation</p>\n'
    doc = parse_document(source, "markdown")
    assert [(b.line, b.text) for b in doc.blocks] == [(1, "Title"), (9, "By Jake Smith, Daily Caller News Foundation")]
    assert [b.names for b in doc.bylines] == [("Jake Smith",)]


def test_the_whole_markdown_article_is_the_article_and_chrome_in_raw_html_is_not() -> None:
    source = (
        '# Title\n\n![first](/a.png)\n\n<div class="entry-content">\n\n'
        "A paragraph long enough to be taken for the body of an article by a page reader.\n\n![second](/b.png)\n\n</div>\n\n"
        '<aside class="sidebar">\n<img src="/c.png" alt="third">\n</aside>\n'
    )
    doc = parse_document(source, "markdown")
    assert [(i.alt, i.line, i.in_article) for i in doc.images] == [("first", 3, True), ("second", 9, True), ("third", 14, False)]


def test_a_hidden_logo_is_reported_as_hidden_at_its_source_line() -> None:
    report = check_markdown(article(f'<div style="display:none">\n\n{LOGO}\n\n</div>'), packs=["dcnf"])
    (finding,) = [f for f in report.findings if f.rule == "dcnf/logo"]
    assert finding.detail == "no visible DCNF logo in the article; the one at line 5 is hidden"


def test_markdown_is_sniffed_on_stdin_and_named_by_stdin_filename() -> None:
    markdown = article(LOGO).encode()
    assert sniff_kind(markdown) == "markdown"
    assert sniff_kind(b"By Jake Smith\nThe plan (see page 2) was approved.\n") == "text"
    assert sniff_kind(b"<!doctype html><p>x</p>") == "html"
    assert stdin_kind(b"plain words\n", "story.md") == "markdown"
    assert stdin_kind(markdown, "story.txt") == "text"
    assert stdin_kind(markdown, "story") == "markdown"


@pytest.mark.parametrize("arguments", [["-"], ["--stdin-filename", "story.md", "-"], ["--input-kind", "markdown", "-"]])
def test_markdown_on_stdin_passes_as_the_file_does(arguments: list[str], cli: Any) -> None:
    run = cli("check", "--pack", "dcnf", "--format", "json", *arguments, stdin=article(LOGO).encode())
    entry = run.json()["files"][0]
    assert entry["findings"] == [] and run.code == 0
    assert "dcnf/logo" in [p["rule"] for p in entry["passed"]]


def test_a_stdin_filename_of_text_reads_markdown_as_text(cli: Any) -> None:
    run = cli("check", "--pack", "dcnf", "--format", "json", "--stdin-filename", "story.txt", "-", stdin=article(LOGO).encode())
    assert [f["rule"] for f in run.json()["files"][0]["findings"]] == ["dcnf/logo"]


def test_fix_on_markdown_with_a_raw_html_logo_adds_nothing(cli: Any, tmp_path: Path) -> None:
    story = tmp_path / "story.md"
    story.write_text(article(f'<img src="{LOGO_URL}" alt="{ALT}">'), encoding="utf-8")
    run = cli("fix", "--pack", "dcnf", str(story))
    assert run.code == 0, run.out + run.err
    assert story.read_text(encoding="utf-8") == article(f'<img src="{LOGO_URL}" alt="{ALT}">')


def test_fix_on_markdown_sniffed_from_stdin_inserts_a_markdown_logo(cli: Any) -> None:
    source = article("Officials spoke on Tuesday.")
    run = cli("fix", "--pack", "dcnf", "--meta", f"logo-url={LOGO_URL}", "-", stdin=source.encode())
    assert run.code == 0, run.err
    assert run.out == source.replace("By Jake Smith", f"{LOGO}\n\nBy Jake Smith")


# Raw HTML inside a paragraph hides the text in it as it hides it in a page: what counts is what
# the HTML walk reads of the same markup.
STYLE_BLOCK = "<style>.gone { display: none }</style>"
INLINE_HIDING = {
    "display:none": ('<span style="display:none">', "</span>"),
    "hidden attribute": ("<span hidden>", "</span>"),
    "visibility:hidden": ('<span style="visibility: hidden">', "</span>"),
    "a class the page's style block hides": ('<span class="gone">', "</span>"),
    "a screen-reader-only class": ('<span class="sr-only">', "</span>"),
    "noscript": ("<noscript>", "</noscript>"),
    "nested inside a hidden span": ('<span hidden><em class="x">', "</em></span>"),
}
INLINE_SHOWING = {
    "aria-hidden (hidden from screen readers, not from the eye)": ('<span aria-hidden="true">', "</span>"),
    "a class no style hides": ('<span class="note">', "</span>"),
    "a hidden span closed before the text": ("<span hidden></span><b>", "</b>"),
}


def visible_texts(markdown_paragraph: str) -> tuple[list[str], list[str]]:
    """The block texts of a Markdown article with this paragraph, and of the page with the same
    paragraph in HTML (Markdown's own syntax left out of the paragraph)."""
    markdown = parse_document(f"# Title\n\n{STYLE_BLOCK}\n\n{markdown_paragraph}\n", "markdown")
    page = parse_document(f"<html><body><h1>Title</h1>{STYLE_BLOCK}<p>{markdown_paragraph}</p></body></html>", "html")
    return [b.text for b in markdown.blocks], [b.text for b in page.blocks]


@pytest.mark.parametrize(("opening", "closing"), INLINE_HIDING.values(), ids=INLINE_HIDING.keys())
def test_text_raw_html_hides_inside_a_paragraph_does_not_count(opening: str, closing: str) -> None:
    markdown, page = visible_texts(f"Seen {opening}By Hidden Person{closing} words.")
    assert markdown == page == ["Title", "Seen words."]


@pytest.mark.parametrize(("opening", "closing"), INLINE_SHOWING.values(), ids=INLINE_SHOWING.keys())
def test_text_raw_html_does_not_hide_inside_a_paragraph_counts(opening: str, closing: str) -> None:
    markdown, page = visible_texts(f"Seen {opening}By Shown Person{closing} words.")
    assert markdown == page == ["Title", "Seen By Shown Person words."]


def test_a_code_span_a_style_hides_does_not_count() -> None:
    doc = parse_document("<style>code { display: none }</style>\n\nSeen `By Hidden Person` words.\n", "markdown")
    assert [b.text for b in doc.blocks] == ["Seen words."]


def test_hidden_text_across_lines_keeps_the_lines_around_it() -> None:
    doc = parse_document('w1 <span style="display:none">w2\nw3</span> w4\nw5\n', "markdown")
    assert [(b.line, b.text) for b in doc.blocks] == [(1, "w1"), (2, "w4"), (3, "w5")]


def test_a_comment_in_the_article_cannot_pass_hidden_text_for_shown() -> None:
    # Comments like those the reader marks runs of text with, written into the article itself.
    source = "Seen <span hidden><!--syndcheck-text:0-->By Hidden Person</span> <!--syndcheck-text:0--> words.\n"
    assert [b.text for b in parse_document(source, "markdown").blocks] == ["Seen words."]


def test_a_byline_hidden_inline_is_not_the_byline() -> None:
    hidden = article(LOGO).replace(
        "By Jake Smith, Daily Caller News Foundation", 'From our partners.\n<span style="display:none">By Jake Smith, Daily Caller News Foundation</span>'
    )
    shown = article(LOGO).replace("By Jake Smith, Daily Caller News Foundation", "From our partners.\nBy Jake Smith, Daily Caller News Foundation")
    assert [b.names for b in parse_document(hidden, "markdown").bylines] == []
    assert [b.names for b in parse_document(shown, "markdown").bylines] == [("Jake Smith",)]


# Runs of delimiters that cannot all pair up: each `*` of a run is one inline token with the span
# of the whole run, and the reader once counted line breaks over that span for each of them (100 KB
# of `*` took 19 s, each doubling 4.3 times as long).
class _ScannedText(str):
    """A paragraph's text that tallies the characters its `count` and `find` scan."""

    scanned = 0

    def count(self, sub: str, start: int | None = 0, end: int | None = None) -> int:  # type: ignore[override]
        _ScannedText.scanned += len(self[start:end])
        return super().count(sub, start, end)

    def find(self, sub: str, start: int | None = 0, end: int | None = None) -> int:  # type: ignore[override]
        _ScannedText.scanned += len(self[start:end])
        return super().find(sub, start, end)


@pytest.mark.parametrize("children", [1_000, 10_000])
def test_the_lines_of_a_run_of_delimiters_are_found_without_scanning_the_paragraph_for_each(children: int) -> None:
    from types import SimpleNamespace

    from compliance.document.markdown import _SPAN, _child_lines

    content = _ScannedText("*" * children + "x\ny" + "*" * children)
    whole = {_SPAN: (0, len(content))}
    token = SimpleNamespace(content=content, children=[SimpleNamespace(meta=whole) for _ in range(children)])
    _ScannedText.scanned = 0
    lines = [(start, end) for _, start, end in _child_lines(token, 7)]  # type: ignore[arg-type]
    assert lines == [(7, 8)] * children
    # Each child's lines are looked up: the text is read once at most, whatever the number of children.
    assert _ScannedText.scanned <= len(content)


def test_a_run_of_delimiters_that_pair_up_with_none_is_read_as_text() -> None:
    body = ("Para.\n\n" + "*" * 20_000 + "x" + "_" * 20_000 + "\n").encode()
    assert [b.text for b in parse_document(body, "markdown").blocks][-1] == "*" * 20_000 + "x" + "_" * 20_000


# What an article without a file name opens with, and the kind it must be read as.
SNIFFED = [
    # Markdown that opens with what either format may open with: a comment, front matter, a tag.
    ("<!-- From the publisher's feed. -->\n\n# Headline\n\nBy Jo Doe\n\nText.\n", "markdown"),
    ("<!--\n  a comment\n  over lines\n-->\n# Headline\n\n[Read more](https://example.org/a)\n", "markdown"),
    ("---\ntitle: Headline\n---\n<!-- note -->\n\nBy Jo Doe\n\n![logo](https://example.org/l.png)\n", "markdown"),
    ('<p class="byline">By Jo Doe</p>\n\n# Headline\n\nText with <em>emphasis</em>.\n\nMore [text](https://example.org/).\n', "markdown"),
    ("<!-- only a comment before plain paragraphs -->\nBy Jo Doe\n\nThe plan was approved.\n", "markdown"),
    ("+++\ntitle = 'Headline'\n+++\nBy Jo Doe\n", "markdown"),
    # HTML, however it opens: a comment first does not make it Markdown, nor does a `# ` line in it.
    ("<!-- saved page -->\n<!doctype html>\n<html><body><p>x</p></body></html>\n", "html"),
    ("<!-- fragment -->\n<article>\n<h1>Headline</h1>\n<p>By Jo Doe</p>\n</article>\n", "html"),
    ('<div class="story">\n<h1>Headline</h1>\n<p>See [1](https://example.org/) and</p>\n<p># not a heading</p>\n</div>\n', "html"),
    ("\ufeff<html><p>x</p></html>", "html"),
    ("<p>By Jo Doe</p>\n<p>The plan was approved.</p>\n", "html"),
    # Text stays text, including its `<` that open no tag.
    ("By Jo Doe\nThe plan (see page 2) was approved.\n", "text"),
    ("Scores <5% were dropped; I <3 this town.\n", "text"),
    ("--- a dashed line is not front matter\nBy Jo Doe\n", "text"),
]


@pytest.mark.parametrize(("source", "kind"), SNIFFED, ids=[f"{kind}-{number}" for number, (_, kind) in enumerate(SNIFFED)])
def test_an_article_without_a_name_is_read_by_what_it_is_not_by_its_first_comment(source: str, kind: str) -> None:
    assert sniff_kind(source.encode("utf-8")) == kind


def test_every_shipped_sample_is_sniffed_as_its_suffix_says() -> None:
    from tests.conftest import SAMPLES

    suffixes = {".md": "markdown", ".html": "html", ".txt": "text"}
    wrong = [str(path) for path in sorted(SAMPLES.rglob("*")) if path.suffix in suffixes and sniff_kind(path.read_bytes()) != suffixes[path.suffix]]
    assert wrong == []


def test_markdown_opening_with_a_comment_on_stdin_gets_the_files_verdict(cli: Any) -> None:
    from tests.conftest import SAMPLES

    sample = SAMPLES / "originals" / "calmatters-headline-changed.md"
    assert sample.read_bytes().startswith(b"<!--")
    original = str(sample.parent / "calmatters-original.html")
    from_file = cli("check", "--format", "json", "--original", original, str(sample)).json()["files"][0]
    from_stdin = cli("check", "--format", "json", "--original", original, "-", stdin=sample.read_bytes()).json()["files"][0]
    assert [f["rule"] for f in from_stdin["findings"]] == [f["rule"] for f in from_file["findings"]]
    assert "calmatters/original-headline" in [f["rule"] for f in from_stdin["findings"]]

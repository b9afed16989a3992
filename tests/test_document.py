"""The parsed document: visible text, source positions, images, the article region, text and Markdown."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.document import Block, Document, Image, find_article_root, parse_document, parse_html
from compliance.document.plaintext import parse_text
from compliance.findings import Location

SEED = Path(__file__).resolve().parent.parent.parent / "shared" / "seed" / "000_ed54357ff46486a8.txt"

HEADLINE = "Council approves $40 million transit plan after two-year debate"
PARAGRAPHS = (
    "The city council voted 7-2 on Tuesday night to approve a $40 million plan that will add three bus rapid "
    "transit lines by 2027, ending a debate that stretched over two years.",
    "Supporters said the plan would cut commute times for thousands of residents on the east side, where many households do not own a car.",
    "Council member Ana Peña, who sponsored the measure, called it the most important transit decision the city has made in a generation.",
    "Opponents questioned the cost and said the city should first repair the roads it already has.",
)
CDN = "https://millbrookledger.example/wp-content/uploads/2024/06"


# ---------------------------------------------------------------------------------------------
# Page builders


def site_header() -> str:
    return (
        '  <header class="site-header">\n'
        f'    <a class="logo" href="/"><img src="{CDN}/ledger-logo.png" alt="The Millbrook Ledger"></a>\n'
        '    <nav class="main-navigation"><ul><li><a href="/news/">News</a></li><li><a href="/sports/">Sports</a></li></ul></nav>\n'
        "  </header>\n"
    )


def site_footer() -> str:
    return (
        '  <footer class="site-footer">\n'
        "    <p>© 2024 The Millbrook Ledger. All rights reserved.</p>\n"
        f'    <img src="{CDN}/footer-logo.png" alt="Ledger">\n'
        "  </footer>\n"
    )


# The site's stylesheet, which defines its visually-hidden helper classes (`sr-only`: not read).
THEME = '<link rel="stylesheet" href="/theme.css">'


def article_page(body: str, *, byline: str = '<p class="byline">By Jake Smith</p>', head: str = "") -> str:
    """A page with a site header, an <article> (headline, byline, `body`), a sidebar and a footer;
    `head`: more of its `<head>`."""
    return (
        f'<!DOCTYPE html>\n<html lang="en">\n<head>\n  <meta charset="utf-8">\n  <title>Transit plan</title>{head}\n</head>\n<body>\n'
        + site_header()
        + "  <main>\n    <article>\n"
        + f"      <h1>{HEADLINE}</h1>\n"
        + f"      {byline}\n"
        + body
        + "    </article>\n"
        + '    <aside class="sidebar"><h2>Most Read</h2><ol><li><a href="/school-calendar">School board delays vote on new calendar</a></li></ol></aside>\n'
        + "  </main>\n"
        + site_footer()
        + "</body>\n</html>\n"
    )


def paragraphs(*indexes: int) -> str:
    return "".join(f"      <p>{PARAGRAPHS[i]}</p>\n" for i in indexes)


def line_of(source: str, needle: str) -> int:
    """1-based line of the first occurrence of `needle` in `source`."""
    return source[: source.index(needle)].count("\n") + 1


def column_of(source: str, needle: str) -> int:
    """1-based column of the first occurrence of `needle` on its line."""
    offset = source.index(needle)
    return offset - (source.rfind("\n", 0, offset) + 1) + 1


def article_texts(doc: Document) -> list[str]:
    return [b.text for b in doc.article_blocks]


def html(source: str) -> Document:
    return parse_document(source, "html")


# ---------------------------------------------------------------------------------------------
# Visible text


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        (
            '<p>The mayor said <script>analytics.track("quote");</script>the plan was final.</p>',
            "The mayor said the plan was final.",
        ),
        ("<style>.pull-quote{color:#a31f34}</style><p>The mayor said the plan was final.</p>", "The mayor said the plan was final."),
        (
            "<template><p>Sponsored: Refinance today</p></template><p>The mayor said the plan was final.</p>",
            "The mayor said the plan was final.",
        ),
        ("<p>Supporters cheered<!-- ad slot 3 --> as the vote passed.</p>", "Supporters cheered as the vote passed."),
        ("<p><!-- wp:paragraph -->Supporters cheered as the vote passed.<!-- /wp:paragraph --></p>", "Supporters cheered as the vote passed."),
        ("<p>Supporters cheered <span hidden>(internal note: check quote)</span>as the vote passed.</p>", "Supporters cheered as the vote passed."),
        (
            '<p>Supporters cheered <span style="display:none">Advertisement</span>as the vote passed.</p>',
            "Supporters cheered as the vote passed.",
        ),
        (
            '<p>Supporters cheered <span style="color: red; visibility: hidden !important">Advertisement</span>as the vote passed.</p>',
            "Supporters cheered as the vote passed.",
        ),
        (
            '<p>Supporters cheered <span class="screen-reader-text">(opens in a new tab)</span>as the vote passed.</p>',
            "Supporters cheered as the vote passed.",
        ),
        ('<p>Supporters cheered <span class="sr-only">External link</span>as the vote passed.</p>', "Supporters cheered as the vote passed."),
        (
            "<p>&ldquo;This is historic,&rdquo; said council&nbsp;member Ana Pe&ntilde;a. &lsquo;Finally.&rsquo;</p>",
            "\"This is historic,\" said council member Ana Peña. 'Finally.'",
        ),
        ("<p>\u201cIt\u2019s done,\u201d she said.\u00a0\u00a0 The   vote\twas 7-2.</p>", '"It\'s done," she said. The vote was 7-2.'),
        ("<p>Millbrook City Hall<br>123 Main Street<br/>Millbrook, CA 95000</p>", "Millbrook City Hall\n123 Main Street\nMillbrook, CA 95000"),
        ('<p>The <strong>council</strong> voted <a href="/vote">7-2</a> on <em>Tuesday</em>.</p>', "The council voted 7-2 on Tuesday."),
        (
            "<p>The city council voted 7-2 on Tuesday night to approve\n        a $40 million plan that will add three\n"
            "        bus rapid transit lines by 2027.</p>",
            "The city council voted 7-2 on Tuesday night to approve a $40 million plan that will add three bus rapid transit lines by 2027.",
        ),
    ],
    ids=[
        "script",
        "style",
        "template",
        "comment-tail",
        "wp-block-comments",
        "hidden-attribute",
        "display-none",
        "visibility-hidden",
        "screen-reader-text",
        "sr-only",
        "entities",
        "typographic-quotes-and-spaces",
        "br",
        "inline-markup",
        "source-line-wrapping",
    ],
)
def test_visible_text_of_a_paragraph(snippet: str, expected: str) -> None:
    doc = html(article_page(f"      {snippet}\n" + paragraphs(0, 1), head=THEME))
    assert article_texts(doc) == [HEADLINE, "By Jake Smith", expected, PARAGRAPHS[0], PARAGRAPHS[1]]


@pytest.mark.parametrize(
    "hidden_block",
    [
        "<div hidden><p>Subscribe to read the full story.</p></div>",
        '<div style="display: none;"><p>Subscribe to read the full story.</p></div>',
        '<div class="sr-only"><p>Subscribe to read the full story.</p></div>',
        "<noscript><p>Subscribe to read the full story.</p></noscript>",
        "<!-- <p>Subscribe to read the full story.</p> -->",
        '<script type="text/template"><p>Subscribe to read the full story.</p></script>',
    ],
)
def test_hidden_blocks_are_not_visible_text(hidden_block: str) -> None:
    doc = html(article_page(paragraphs(0) + f"      {hidden_block}\n" + paragraphs(1), head=THEME))
    assert article_texts(doc) == [HEADLINE, "By Jake Smith", PARAGRAPHS[0], PARAGRAPHS[1]]
    assert all("Subscribe" not in b.text for b in doc.blocks)


def test_text_after_a_hidden_element_is_visible() -> None:
    doc = html(article_page('      <div class="story-text"><span hidden>Editor note: embargoed</span>Supporters cheered as the vote passed.</div>\n'))
    assert article_texts(doc)[2:] == ["Supporters cheered as the vote passed."]


@pytest.mark.parametrize(
    "markup",
    [
        '<div class="c-4fef7f"><p class="has-text-align-left">{text}</p></div>',
        '<section id="story-part-2" data-slot="body"><p aria-label="Paragraph">{text}</p></section>',
        '<div class="wp-block-group" id="main-text"><span class="c-1" data-id="7">{text}</span></div>',
    ],
    ids=["class-only", "id-and-data", "class-and-id"],
)
def test_attributes_the_walk_never_reads_change_nothing(markup: str) -> None:
    """A plain element whose attributes mark no hiding, chrome or byline reads as one without
    attributes (the walk takes its parent's frame, see `html._Walk._inert`)."""
    bare = html(article_page(f"      <div><p>{PARAGRAPHS[0]}</p></div>\n" + paragraphs(1)))
    marked = html(article_page(f"      {markup.format(text=PARAGRAPHS[0])}\n" + paragraphs(1)))
    assert article_texts(marked) == article_texts(bare) == [HEADLINE, "By Jake Smith", PARAGRAPHS[0], PARAGRAPHS[1]]
    assert [(b.text, b.in_article, b.heading) for b in marked.blocks] == [(b.text, b.in_article, b.heading) for b in bare.blocks]


@pytest.mark.parametrize(
    ("markup", "shown_in_article"),
    [
        ('<div class="c-1 sr-only">{text}</div>', False),  # a hiding helper class
        ('<div class="c-1 related-posts">{text}</div>', False),  # chrome by class
        ('<div id="comments" class="c-1">{text}</div>', False),  # readers' comments by id
        ('<div class="c-1" role="complementary">{text}</div>', False),  # chrome by role
        ('<div class="commentary">{text}</div>', True),  # a word that starts like "comment" is no chrome
    ],
    ids=["hiding-class", "chrome-class", "comments-id", "chrome-role", "near-miss-commentary"],
)
def test_attributes_that_hide_or_mark_chrome_still_count(markup: str, shown_in_article: bool) -> None:
    doc = html(article_page(f"      {markup.format(text=PARAGRAPHS[0])}\n" + paragraphs(1), head=THEME))
    assert (PARAGRAPHS[0] in article_texts(doc)) is shown_in_article


@pytest.mark.parametrize(
    "byline",
    [
        '<div class="c-2"><span class="author-name">Jake Smith</span></div>',
        '<p class="meta"><span class="byline">By <span class="c-3">Jake Smith</span></span></p>',
        '<p class="meta"><span class="entry-author">By <span class="fn">Jake Smith</span></span></p>',
    ],
)
def test_byline_classes_among_plain_classes_are_read(byline: str) -> None:
    doc = html(article_page(paragraphs(0, 1), byline=byline))
    assert [b.names for b in doc.bylines] == [("Jake Smith",)]


def _walked(doc: Document) -> tuple[object, ...]:
    """What the walk read of a page, element identities left out."""
    return (
        [(b.text, b.line, b.in_article, b.heading) for b in doc.blocks],
        [(i.sources, i.alt, i.visible, i.in_article) for i in doc.images],
        [(link.href, link.rel, link.visible, link.in_article, link.index, link.text, doc.has_something_to_click(link)) for link in doc.links],
        [(b.text, b.names, b.index) for b in doc.bylines],
        sorted((doc.locate_element(element), seen) for element, seen in doc._visibility.items()),
        doc._hides_text,
        sorted(doc.locate_element(element) for element in doc._outside),
        sorted(doc.locate_element(element) for element in doc._noscript_only),
    )


@pytest.mark.parametrize("page", sorted((Path(__file__).resolve().parent.parent / "samples").rglob("*.html")), ids=lambda p: p.parent.name + "/" + p.name)
def test_the_walk_reads_pages_as_without_its_shortcut(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The walk's shortcut for elements whose attributes it never reads (`_Walk._inert`) reads
    every sample page as the full reading of each element does."""
    from compliance.document import html as html_module

    data = page.read_bytes()
    fast = _walked(parse_html(data))
    monkeypatch.setattr(html_module._Walk, "_inert", lambda self, items: False)
    assert _walked(parse_html(data)) == fast


# Links of each kind the walk's shortcut for a plain `<a href>` (`_Walk._enter_plain_link`) takes
# or leaves to the full reading, each in a paragraph, with whether a reader sees it.
_LINK_KINDS = [
    ('<a href="https://example.org/a">the report</a>', True),
    ('<a href="/a" class="c-7 has-link-color">the report</a>', True),  # an inert class
    ('<a href="/a" id="ref-2" rel="noopener nofollow">the report</a>', True),  # an id and a `rel`
    ('<a href="/authors/jake-smith/a">Jake Smith</a>', True),  # an author's page: byline markup
    ('<a href="/a" rel="author">Jake Smith</a>', True),  # byline markup by `rel`
    ('<span class="byline">By <a href="/a">Jake Smith</a></span>', True),  # inside byline markup
    ('<a href="/a" class="sr-only">the report</a>', False),  # a hiding helper class
    ('<a href="/a" style="display:none">the report</a>', False),
    ('<span style="color:#fff;background:#fff"><a href="/a">the report</a></span>', True),  # the link colour shows it
    ('<span style="color:#fff;background:#fff"><a href="/a" style="color:#fff">the report</a></span>', False),
    ('<span style="font-size:0"><a href="/a">the report</a></span>', False),
    ('<noscript><a href="/a">the report</a></noscript>', False),  # shown only with scripts off
    ('<a href="/a" hidden>the report</a>', False),
    ('<a class="c-7">no address</a>', False),  # no link at all
]


@pytest.mark.parametrize(("link", "seen"), _LINK_KINDS, ids=[f"kind-{n}" for n in range(len(_LINK_KINDS))])
def test_the_walk_reads_links_as_without_its_shortcut(link: str, seen: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """An `<a href>` the walk opens by its shortcut is read as the full reading of it reads it:
    its link, its text, its byline markup, what is seen."""
    from compliance.document import html as html_module

    source = article_page(f"      <p>Read {link} today.</p>\n" + paragraphs(0, 1), head=THEME)
    doc = html(source)
    assert [found.visible for found in doc.links if found.href.endswith("/a")] == ([seen] if "href" in link else [])
    fast = _walked(doc)
    monkeypatch.setattr(html_module._Walk, "_enter_plain_link", lambda self, element, items, parent: False)
    assert _walked(html(source)) == fast


@pytest.mark.parametrize("page", sorted((Path(__file__).resolve().parent.parent / "samples").rglob("*.html")), ids=lambda p: p.parent.name + "/" + p.name)
def test_the_walk_reads_sample_links_as_without_its_shortcut(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every sample page reads alike with and without the shortcut for plain links."""
    from compliance.document import html as html_module

    data = page.read_bytes()
    fast = _walked(parse_html(data))
    monkeypatch.setattr(html_module._Walk, "_enter_plain_link", lambda self, element, items, parent: False)
    assert _walked(parse_html(data)) == fast


def test_headline_is_the_h1() -> None:
    doc = html(article_page(paragraphs(0, 1, 2)))
    assert doc.headline is not None
    assert (doc.headline.text, doc.headline.heading, doc.headline.in_article) == (HEADLINE, True, True)


@pytest.mark.parametrize(
    ("text", "markdown", "headline"),
    [
        # A first line that is the byline is no headline: the article has none.
        ("By Rosa Ibarra, CalMatters\n\nThe plan was created in 1968.\n", False, None),
        ("<!-- from the CMS -->\n\nBy Rosa Ibarra, CalMatters\n\nThe plan was created in 1968.\n", True, None),
        ("BY JANE DOE\n\nWASHINGTON — Lawmakers met.\n", False, None),
        # A headline line over the byline, or a Markdown heading, stays the headline.
        ("Insurer of last resort now covers most homes\n\nBy Rosa Ibarra, CalMatters\n\nThe plan.\n", False, "Insurer of last resort now covers most homes"),
        ("# Insurer covers most homes\n\nBy Rosa Ibarra, CalMatters\n\nThe plan.\n", True, "Insurer covers most homes"),
        ("The plan was created in 1968 as a temporary backstop.\n\nIt grew.\n", False, "The plan was created in 1968 as a temporary backstop."),
        # A headline that opens with "By" and names no one stays the headline.
        ("By the numbers: rates rise\n\nBy Rosa Ibarra, CalMatters\n\nInsurers raised rates.\n", False, "By the numbers: rates rise"),
        ("By Any Means Necessary: the fight over rates\n\nBy Rosa Ibarra, CalMatters\n\nText.\n", True, "By Any Means Necessary: the fight over rates"),
    ],
)
def test_a_text_or_markdown_article_whose_first_line_is_its_byline_has_no_headline(text: str, markdown: bool, headline: str | None) -> None:
    doc = parse_text(text, markdown=markdown)
    assert (doc.headline.text if doc.headline is not None else None) == headline
    if headline is None:  # the first line is read as the byline it is
        assert [byline.index for byline in doc.bylines[:1]] == [doc.blocks[0].index]


# ---------------------------------------------------------------------------------------------
# Source positions

POSITIONS_PAGE = """<!DOCTYPE html>
<html>
<head><title>Transit plan</title></head>
<body>
<article>
  <h1>Council approves transit plan</h1>
  <p class="byline">By Jake Smith</p>
    <p>First paragraph of the story.</p><p>Second paragraph on the same line.</p>
  <figure><img src="/bus.jpg" alt="A bus"><figcaption>A city bus.</figcaption></figure>
  <p>Third <a href="https://example.org/report">paragraph</a> with a link.</p>
</article>
</body>
</html>
"""


def test_blocks_carry_source_lines() -> None:
    doc = html(POSITIONS_PAGE)
    assert [(b.text, b.line) for b in doc.blocks] == [
        ("Council approves transit plan", 6),
        ("By Jake Smith", 7),
        ("First paragraph of the story.", 8),
        ("Second paragraph on the same line.", 8),
        ("A city bus.", 9),
        ("Third paragraph with a link.", 10),
    ]
    assert [(i.line, i.sources) for i in doc.images] == [(9, ("/bus.jpg",))]
    assert [(link.href, link.line, link.text) for link in doc.links] == [("https://example.org/report", 10, "paragraph")]


def test_locate_gives_the_column_of_the_start_tag() -> None:
    doc = html(POSITIONS_PAGE)
    blocks = {b.text: b for b in doc.blocks}
    assert doc.locate(blocks["Council approves transit plan"]) == Location(6, 3)
    assert doc.locate(blocks["First paragraph of the story."]) == Location(8, 5)
    assert doc.locate(blocks["Second paragraph on the same line."]) == Location(8, 41)
    assert doc.locate(blocks["A city bus."]) == Location(9, 43)
    assert doc.locate(doc.images[0]) == Location(9, 11)
    assert doc.locate(doc.links[0]) == Location(10, 12)
    assert doc.locate(doc.bylines[0]) == Location(7, 3)
    assert doc.article_location == Location(5, 1)


def test_locate_matches_the_source_on_a_realistic_page() -> None:
    source = article_page(paragraphs(0, 1, 2, 3))
    doc = html(source)
    for text in PARAGRAPHS:
        block = next(b for b in doc.blocks if b.text == text)
        needle = f"<p>{text}"
        assert doc.locate(block) == Location(line_of(source, needle), column_of(source, needle))
    logo = doc.images[0]
    assert doc.locate(logo) == Location(line_of(source, "<img"), column_of(source, "<img"))


def test_image_whose_start_tag_spans_lines_is_located_at_its_start_tag() -> None:
    source = article_page(
        paragraphs(0)
        + "      <figure>\n"
        + "        <img\n"
        + f'          src="{CDN}/bus-1024x683.jpg"\n'
        + '          alt="A city bus on Main Street"\n'
        + '          width="1024" height="683">\n'
        + "      </figure>\n"
        + paragraphs(1)
    )
    doc = html(source)
    bus = next(i for i in doc.images if i.alt == "A city bus on Main Street")
    # `Image.line` is lxml's line (where the start tag ends); reports use `locate`, the tag's start.
    assert bus.line == line_of(source, 'width="1024" height="683">')
    assert doc.locate(bus) == Location(line_of(source, "<img\n"), 9)


# ---------------------------------------------------------------------------------------------
# Images


@pytest.mark.parametrize(
    ("markup", "sources"),
    [
        (f'<img src="{CDN}/bus.jpg" alt="A city bus">', (f"{CDN}/bus.jpg",)),
        (
            f'<img src="{CDN}/bus-1024x683.jpg" srcset="{CDN}/bus-1024x683.jpg 1024w, {CDN}/bus-300x200.jpg 300w" '
            'sizes="(max-width: 1024px) 100vw, 1024px" alt="A city bus">',
            (f"{CDN}/bus-1024x683.jpg", f"{CDN}/bus-300x200.jpg"),
        ),
        (
            f'<img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" data-src="{CDN}/bus.jpg" '
            'class="lazyload" alt="A city bus">',
            (f"{CDN}/bus.jpg",),
        ),
        (
            f'<img src="data:image/svg+xml,%3Csvg%20xmlns=%22http://www.w3.org/2000/svg%22%3E%3C/svg%3E" data-lazy-src="{CDN}/bus.jpg" alt="A city bus">',
            (f"{CDN}/bus.jpg",),
        ),
        (
            f'<img class="lazyload" data-srcset="{CDN}/bus-640.jpg 640w, {CDN}/bus-1280.jpg 1280w" '
            'srcset="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="A city bus">',
            (f"{CDN}/bus-640.jpg", f"{CDN}/bus-1280.jpg"),
        ),
        (
            f'<amp-img src="{CDN}/bus.jpg" width="1024" height="683" layout="responsive" alt="A city bus"></amp-img>',
            (f"{CDN}/bus.jpg",),
        ),
        (
            f'<picture><source type="image/webp" srcset="{CDN}/bus.webp 1x, {CDN}/bus@2x.webp 2x"><img src="{CDN}/bus.jpg" alt="A city bus"></picture>',
            (f"{CDN}/bus.jpg", f"{CDN}/bus.webp", f"{CDN}/bus@2x.webp"),
        ),
        (
            f'<picture><source type="image/avif" data-srcset="{CDN}/bus.avif"><source type="image/webp" srcset="{CDN}/bus.webp">'
            f'<img src="{CDN}/bus.jpg" alt="A city bus"></picture>',
            (f"{CDN}/bus.jpg", f"{CDN}/bus.avif", f"{CDN}/bus.webp"),
        ),
    ],
    ids=["src", "srcset", "data-src", "data-lazy-src", "data-srcset", "amp-img", "picture-source", "picture-lazy-sources"],
)
def test_images_count_however_they_load(markup: str, sources: tuple[str, ...]) -> None:
    source = article_page(paragraphs(0) + f"      <figure>{markup}<figcaption>A city bus on Main Street.</figcaption></figure>\n" + paragraphs(1))
    doc = html(source)
    article_images = [i for i in doc.images if i.in_article]
    assert [(i.sources, i.alt, i.visible, i.line) for i in article_images] == [(sources, "A city bus", True, line_of(source, "<figure>"))]


@pytest.mark.parametrize(
    "markup",
    [
        # WP Rocket style: placeholder + data-lazy-src, real image in <noscript>.
        f'<img src="data:image/svg+xml,%3Csvg%3E%3C/svg%3E" data-lazy-src="{CDN}/bus.jpg" alt="A city bus">'
        f'<noscript><img src="{CDN}/bus.jpg" alt="A city bus"></noscript>',
        # lazysizes: data-src, noscript fallback with the same URL, whitespace in between.
        f'<img class="lazyload" data-src="{CDN}/bus.jpg" alt="A city bus">\n        <noscript><img src="{CDN}/bus.jpg" alt="A city bus"></noscript>',
        # AMP: the fallback sits inside amp-img.
        f'<amp-img src="{CDN}/bus.jpg" width="1024" height="683" layout="responsive" alt="A city bus">'
        f'<noscript><img src="{CDN}/bus.jpg" alt="A city bus"></noscript></amp-img>',
    ],
    ids=["data-lazy-src", "lazysizes", "amp"],
)
def test_noscript_fallback_is_the_same_image(markup: str) -> None:
    source = article_page(paragraphs(0) + f"      <figure>{markup}<figcaption>A city bus on Main Street.</figcaption></figure>\n" + paragraphs(1))
    doc = html(source)
    article_images = [i for i in doc.images if i.in_article]
    assert [(i.sources, i.alt, i.visible) for i in article_images] == [((f"{CDN}/bus.jpg",), "A city bus", True)]
    assert article_texts(doc) == [HEADLINE, "By Jake Smith", PARAGRAPHS[0], "A city bus on Main Street.", PARAGRAPHS[1]]


def test_noscript_fallback_adds_sources_the_lazy_image_lacks() -> None:
    markup = (
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" class="lazyload" alt="A city bus">'
        f'<noscript><img src="{CDN}/bus.jpg" srcset="{CDN}/bus-2x.jpg 2x" alt="A city bus"></noscript>'
    )
    doc = html(article_page(paragraphs(0) + f"      <figure>{markup}</figure>\n"))
    assert [(i.sources, i.visible, i.in_article) for i in doc.images if i.alt == "A city bus"] == [((f"{CDN}/bus.jpg", f"{CDN}/bus-2x.jpg"), True, True)]


def test_a_noscript_only_image_is_an_image() -> None:
    doc = html(article_page(paragraphs(0) + f'      <noscript><img src="{CDN}/chart.png" alt="Ridership chart"></noscript>\n' + paragraphs(1)))
    assert [(i.sources, i.alt, i.visible) for i in doc.images if i.in_article] == [((f"{CDN}/chart.png",), "Ridership chart", True)]


def test_data_uri_only_image_has_no_sources() -> None:
    pixel = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
    doc = html(article_page(paragraphs(0) + f'      <img src="{pixel}" alt="">\n'))
    assert [i.sources for i in doc.images if i.in_article] == [()]


@pytest.mark.parametrize(
    "markup",
    [
        f'<img src="{CDN}/bus.jpg" alt="A city bus" hidden>',
        f'<img src="{CDN}/bus.jpg" alt="A city bus" style="display:none">',
        f'<div style="display: none"><img src="{CDN}/bus.jpg" alt="A city bus"></div>',
        f'<div class="visually-hidden"><img src="{CDN}/bus.jpg" alt="A city bus"></div>',
        f'<span style="visibility:hidden"><img src="{CDN}/bus.jpg" alt="A city bus"></span>',
        # A tracking pixel: aria-hidden does not make display:none visible.
        f'<img src="{CDN}/bus.jpg" alt="A city bus" width="1" height="1" aria-hidden="true" style="display:none">',
    ],
    ids=["hidden-attribute", "display-none", "hidden-parent", "visually-hidden-parent", "visibility-hidden-parent", "aria-hidden-display-none"],
)
def test_hidden_images_are_recorded_as_not_visible(markup: str) -> None:
    doc = html(article_page(paragraphs(0) + f"      {markup}\n" + paragraphs(1), head=THEME))
    assert [(i.sources, i.visible, i.in_article) for i in doc.images if i.alt == "A city bus"] == [((f"{CDN}/bus.jpg",), False, True)]


def test_decorative_aria_hidden_image_is_still_visible() -> None:
    doc = html(article_page(paragraphs(0) + f'      <img src="{CDN}/divider.png" alt="" aria-hidden="true">\n'))
    assert [(i.sources, i.visible) for i in doc.images if i.in_article] == [((f"{CDN}/divider.png",), True)]


def test_image_width_and_height_are_kept() -> None:
    doc = html(article_page(f'      <img src="{CDN}/bus.jpg" alt="A city bus" width=" 1024 " height="683">\n'))
    bus = next(i for i in doc.images if i.alt == "A city bus")
    assert (bus.width, bus.height) == ("1024", "683")


# ---------------------------------------------------------------------------------------------
# Article region


@pytest.mark.parametrize(
    "chrome",
    [
        '<aside class="pullout"><p>Most Read: School board delays vote</p></aside>',
        '<nav class="series-nav"><p>Most Read: School board delays vote</p></nav>',
        '<div class="related"><p>Most Read: School board delays vote</p></div>',
        '<div class="share"><p>Most Read: School board delays vote</p></div>',
        '<div class="newsletter-signup"><p>Most Read: School board delays vote</p></div>',
        '<div class="most-read"><p>Most Read: School board delays vote</p></div>',
        '<div role="complementary"><p>Most Read: School board delays vote</p></div>',
        '<section class="widget widget_text"><p>Most Read: School board delays vote</p></section>',
    ],
    ids=["aside", "nav", "related", "share", "newsletter-signup", "most-read", "role-complementary", "widget"],
)
def test_chrome_inside_the_article_is_not_article_text(chrome: str) -> None:
    promo_image = f'<img src="{CDN}/promo.jpg" alt="Promo">'
    source = article_page(paragraphs(0, 1) + "      " + chrome.replace("</p>", "</p>" + promo_image) + "\n" + paragraphs(2, 3))
    doc = html(source)
    assert article_texts(doc) == [HEADLINE, "By Jake Smith", *PARAGRAPHS]
    promo = [b for b in doc.blocks if b.text == "Most Read: School board delays vote"]
    assert [(b.in_article, b.line) for b in promo] == [(False, line_of(source, "Most Read: School"))]
    assert [(i.in_article, i.visible) for i in doc.images if i.alt == "Promo"] == [(False, True)]


# One source line, as WordPress prints it: lazy image (WP Rocket), noscript fallback, caption.
WP_FIGURE = (
    '<figure class="wp-block-image size-large">'
    f'<img src="data:image/svg+xml,%3Csvg%3E%3C/svg%3E" data-lazy-src="{CDN}/bus-1024x683.jpg" '
    f'data-lazy-srcset="{CDN}/bus-1024x683.jpg 1024w, {CDN}/bus-300x200.jpg 300w" alt="A city bus on Main Street" width="1024" height="683">'
    f'<noscript><img src="{CDN}/bus-1024x683.jpg" alt="A city bus on Main Street" width="1024" height="683"></noscript>'
    "<figcaption>A city bus on Main Street. (Photo by Ana Peña/The Millbrook Ledger)</figcaption></figure>"
)
WORDPRESS_PAGE = f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<title>Council approves transit plan – The Millbrook Ledger</title>
<style>.screen-reader-text{{clip:rect(1px,1px,1px,1px);position:absolute}}</style>
<script>window.dataLayer = [{{"author": "Jake Smith"}}];</script>
</head>
<body class="post-template-default single single-post">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header">
  <div class="site-branding">
    <a href="/" rel="home"><img class="custom-logo" src="{CDN}/ledger-logo.png" alt="The Millbrook Ledger"></a>
    <p class="site-title"><a href="/">The Millbrook Ledger</a></p>
  </div>
  <nav id="site-navigation" class="main-navigation">
    <ul id="primary-menu"><li><a href="/news/">News</a></li><li><a href="/sports/">Sports</a></li></ul>
  </nav>
</header>
<div id="content" class="site-content">
  <main id="main" class="site-main">
    <article id="post-1234" class="post-1234 post type-post status-publish format-standard">
      <header class="entry-header">
        <h1 class="entry-title">{HEADLINE}</h1>
        <div class="entry-meta">
          <span class="byline">By <span class="author vcard"><a class="url fn n" href="/author/jake-smith/">Jake Smith</a></span></span>
        </div>
      </header>
      <div class="entry-content">
        {WP_FIGURE}
        <p>{PARAGRAPHS[0]}</p>
        <p>{PARAGRAPHS[1]}</p>
        <div class="sharedaddy sd-sharing-enabled">
          <h3 class="sd-title">Share this:</h3><ul><li><a href="https://twitter.com/share">Share on X</a></li></ul>
          <img src="{CDN}/share-icon.png" alt="Share">
        </div>
        <p>{PARAGRAPHS[2]}</p>
        <div class="newsletter"><p>Get the Ledger in your inbox every morning.</p></div>
        <p>{PARAGRAPHS[3]}</p>
        <div id="jp-relatedposts" class="jp-relatedposts">
          <h3>Related</h3><p><a href="/bus-fares">Bus fares to rise in July</a></p><img src="{CDN}/fares.jpg" alt="Fare box">
        </div>
      </div>
      <footer class="entry-footer"><span class="cat-links">Posted in <a href="/news/">News</a></span></footer>
    </article>
  </main>
  <aside id="secondary" class="widget-area">
    <section class="widget widget_recent_entries">
      <h2 class="widget-title">Most Read</h2>
      <ul><li><a href="/school-calendar">School board delays vote on new calendar</a></li></ul>
    <img src="{CDN}/ad-banner.jpg" alt="Advertisement"></section>
  </aside>
</div>
<footer id="colophon" class="site-footer"><p>© 2024 The Millbrook Ledger</p><img src="{CDN}/footer-logo.png" alt="Ledger"></footer>
</body>
</html>
"""


def test_wordpress_page_region() -> None:
    doc = html(WORDPRESS_PAGE)
    assert (doc.article_root.tag, doc.article_root.get("id")) == ("article", "post-1234")
    assert doc.article_line == line_of(WORDPRESS_PAGE, "<article")
    assert article_texts(doc) == [
        HEADLINE,
        "By Jake Smith",
        "A city bus on Main Street. (Photo by Ana Peña/The Millbrook Ledger)",
        *PARAGRAPHS[:2],
        PARAGRAPHS[2],
        PARAGRAPHS[3],
        "Posted in News",
    ]
    outside = [b.text for b in doc.blocks if not b.in_article]
    assert outside == [
        "The Millbrook Ledger",
        "News",
        "Sports",
        "Share this:",
        "Share on X",
        "Get the Ledger in your inbox every morning.",
        "Related",
        "Bus fares to rise in July",
        "Most Read",
        "School board delays vote on new calendar",
        "© 2024 The Millbrook Ledger",
    ]
    assert "Skip to content" not in [b.text for b in doc.blocks]


def test_wordpress_page_images() -> None:
    doc = html(WORDPRESS_PAGE)
    assert [(i.alt, i.sources, i.in_article, i.visible) for i in doc.images] == [
        ("The Millbrook Ledger", (f"{CDN}/ledger-logo.png",), False, True),
        ("A city bus on Main Street", (f"{CDN}/bus-1024x683.jpg", f"{CDN}/bus-300x200.jpg"), True, True),
        ("Share", (f"{CDN}/share-icon.png",), False, True),
        ("Fare box", (f"{CDN}/fares.jpg",), False, True),
        ("Advertisement", (f"{CDN}/ad-banner.jpg",), False, True),
        ("Ledger", (f"{CDN}/footer-logo.png",), False, True),
    ]
    bus = doc.images[1]
    assert (bus.line, bus.width, bus.height) == (line_of(WORDPRESS_PAGE, '<figure class="wp-block-image'), "1024", "683")


def test_wordpress_page_links_and_byline() -> None:
    doc = html(WORDPRESS_PAGE)
    assert [(link.href, link.in_article) for link in doc.links if link.text in {"Jake Smith", "Share on X", "News"}] == [
        ("/news/", False),
        ("/author/jake-smith/", True),
        ("https://twitter.com/share", False),
        ("/news/", True),
    ]
    assert [(b.text, b.names, b.source, b.line) for b in doc.bylines] == [
        ("By Jake Smith", ("Jake Smith",), "markup", line_of(WORDPRESS_PAGE, '<span class="byline">'))
    ]


BODY_CONTAINER_PAGE = f"""<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><title>Transit plan | Millbrook Ledger</title></head>
<body>
<div id="page">
  <div class="top-bar"><a href="/"><img src="/img/ledger-logo.svg" alt="Millbrook Ledger"></a> <a href="/subscribe">Subscribe</a></div>
  <div class="layout">
    <div class="col-main">
      <div class="kicker">Transportation</div>
      <h1>{HEADLINE}</h1>
      <div class="byline">By Jake Smith | Energy Reporter</div>
      <div class="article-body">
        <p>{PARAGRAPHS[0]}</p>
        <img src="/img/bus.jpg" alt="A city bus">
        <p>{PARAGRAPHS[1]}</p>
        <div class="related"><p>Related: <a href="/fares">Bus fares to rise</a></p></div>
        <p>{PARAGRAPHS[2]}</p>
      </div>
    </div>
    <div class="col-side">
      <div class="sidebar"><h3>Most Read</h3><p><a href="/school">School board delays vote on new calendar</a></p><img src="/img/ad.gif" alt="Ad"></div>
    </div>
  </div>
  <div class="bottom"><p>Copyright 2024 Millbrook Ledger</p></div>
</div>
</body>
</html>
"""


def test_body_container_without_article_grows_to_its_headline() -> None:
    doc = html(BODY_CONTAINER_PAGE)
    assert (doc.article_root.tag, doc.article_root.get("class")) == ("div", "col-main")
    assert article_texts(doc) == ["Transportation", HEADLINE, "By Jake Smith | Energy Reporter", *PARAGRAPHS[:3]]
    assert [b.text for b in doc.blocks if not b.in_article] == [
        "Subscribe",
        "Related: Bus fares to rise",
        "Most Read",
        "School board delays vote on new calendar",
        "Copyright 2024 Millbrook Ledger",
    ]
    assert [(i.alt, i.in_article) for i in doc.images] == [("Millbrook Ledger", False), ("A city bus", True), ("Ad", False)]
    assert [(b.names, b.reading.credit) for b in doc.bylines] == [(("Jake Smith",), "Energy Reporter")]


CARDS_PAGE = f"""<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><title>Transit plan</title></head>
<body>
<div class="masthead"><img src="/logo.png" alt="Millbrook Ledger"></div>
<div class="top-stories">
  <article class="card">
    <h3><a href="/budget">City budget heads to a vote</a></h3><p>The council will take up the $1.2 billion budget next week.</p>
    <img src="/budget.jpg" alt="City hall">
  </article>
  <article class="card"><h3><a href="/parks">Two parks to reopen this summer</a></h3><p>Repairs at Lincoln and Elm parks are nearly done.</p></article>
</div>
<div class="content">
  <article class="story">
    <h1>{HEADLINE}</h1>
    <p>By Jake Smith</p>
    <img src="/bus.jpg" alt="A city bus">
    <p>{PARAGRAPHS[0]}</p>
    <p>{PARAGRAPHS[1]}</p>
    <p>{PARAGRAPHS[2]}</p>
    <p>{PARAGRAPHS[3]}</p>
  </article>
  <div class="more-stories">
    <h2>More from the Ledger</h2>
    <article class="card">
      <h3><a href="/fares">Bus fares to rise in July</a></h3><p>Riders will pay 25 cents more per trip.</p><img src="/fares.jpg" alt="Fare box">
    </article>
    <article class="card"><h3><a href="/bridge">Bridge repairs to close lanes</a></h3><p>Work on the Oak Street bridge starts Monday.</p></article>
    <article class="card"><h3><a href="/bikes">Bike lanes planned for downtown</a></h3><p>The plan adds 12 miles of protected lanes.</p></article>
  </div>
</div>
</body>
</html>
"""


def test_biggest_article_wins_over_related_cards() -> None:
    doc = html(CARDS_PAGE)
    assert (doc.article_root.tag, doc.article_root.get("class")) == ("article", "story")
    assert article_texts(doc) == [HEADLINE, "By Jake Smith", *PARAGRAPHS]
    assert [(i.alt, i.in_article) for i in doc.images] == [
        ("Millbrook Ledger", False),
        ("City hall", False),
        ("A city bus", True),
        ("Fare box", False),
    ]
    assert "Bus fares to rise in July" in [b.text for b in doc.blocks if not b.in_article]
    assert doc.headline is not None and doc.headline.text == HEADLINE


NO_MARKUP_PAGE = f"""<html>
<head><title>Millbrook Ledger - Transit plan</title></head>
<body>
<div id="top">
  <div id="logo"><img src="/images/logo.gif" alt="Millbrook Ledger"></div>
  <div id="links"><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sports">Sports</a></div>
</div>
<div id="wrap">
  <div id="left">
    <h1>{HEADLINE}</h1>
    <div>By Jake Smith</div>
    <p>{PARAGRAPHS[0]}</p>
    <p><img src="/images/bus.jpg" alt="A city bus"></p>
    <p>{PARAGRAPHS[1]}</p>
    <p>{PARAGRAPHS[2]}</p>
    <p>{PARAGRAPHS[3]}</p>
  </div>
  <div id="right">
    <h3>Most Read</h3>
    <p><a href="/school">School board delays vote on new calendar</a></p>
    <p><a href="/fares">Bus fares to rise in July</a></p>
    <p><img src="/images/ad.gif" alt="Advertisement"></p>
  </div>
</div>
<div id="bottom"><p>Copyright 2024 Millbrook Ledger. All rights reserved.</p></div>
</body>
</html>
"""


def test_densest_block_of_paragraphs_without_semantic_markup() -> None:
    doc = html(NO_MARKUP_PAGE)
    assert (doc.article_root.tag, doc.article_root.get("id")) == ("div", "left")
    assert article_texts(doc) == [HEADLINE, "By Jake Smith", *PARAGRAPHS]
    assert [b.text for b in doc.blocks if not b.in_article] == [
        "Home | News | Sports",
        "Most Read",
        "School board delays vote on new calendar",
        "Bus fares to rise in July",
        "Copyright 2024 Millbrook Ledger. All rights reserved.",
    ]
    assert [(i.alt, i.in_article) for i in doc.images] == [("Millbrook Ledger", False), ("A city bus", True), ("Advertisement", False)]
    assert [b.names for b in doc.bylines] == [("Jake Smith",)]


def test_item_prop_article_body_grows_to_its_article() -> None:
    source = f"""<html><body>
<header role="banner"><p>The Millbrook Ledger</p></header>
<article itemscope itemtype="https://schema.org/NewsArticle">
  <h1 itemprop="headline">{HEADLINE}</h1>
  <p class="byline">By <span itemprop="author">Jake Smith</span></p>
  <div itemprop="articleBody">
    <p>{PARAGRAPHS[0]}</p>
    <nav class="in-story"><a href="/series">Part 1 of 3</a></nav>
    <p>{PARAGRAPHS[1]}</p>
  </div>
</article>
<article class="teaser"><h2>Another story with a much longer teaser</h2><p>{PARAGRAPHS[2]} {PARAGRAPHS[3]} {PARAGRAPHS[0]}</p></article>
</body></html>"""
    doc = html(source)
    assert doc.article_root.get("itemtype") == "https://schema.org/NewsArticle"
    assert article_texts(doc) == [HEADLINE, "By Jake Smith", PARAGRAPHS[0], PARAGRAPHS[1]]
    assert [b.names for b in doc.bylines] == [("Jake Smith",)]


def test_main_element_is_the_region_without_article_or_body_container() -> None:
    source = f"""<html><body>
<div class="site-header"><p>The Millbrook Ledger</p></div>
<div role="main">
  <h1>{HEADLINE}</h1>
  <div>{PARAGRAPHS[0]}</div>
</div>
<div class="site-footer"><p>Copyright 2024 Millbrook Ledger. {PARAGRAPHS[1]}</p></div>
</body></html>"""
    doc = html(source)
    assert doc.article_root.get("role") == "main"
    assert article_texts(doc) == [HEADLINE, PARAGRAPHS[0]]


def test_find_article_root_on_a_bare_tree() -> None:
    import lxml.html

    root = lxml.html.document_fromstring(CARDS_PAGE.encode())
    assert find_article_root(root).get("class") == "story"


@pytest.mark.parametrize(
    ("value", "chrome"),
    [
        # The site's calls to action placed after the story: donation appeals, newsletter sign-ups.
        ("wp-block-group donate-appeal", True),
        ("wp-block-newspack-blocks-donate", True),
        ("newspack-newsletters-subscribe", True),
        ("wp-block-jetpack-donations", True),
        ("mc4wp-form newsletter-signup", True),
        ("subscribe_form", True),
        ("footer-sign-up", True),
        # The story's own containers: paywall wrappers hold the story; words that only contain a part.
        ("entry-content subscription-content", False),
        ("subscriber-only", False),
        ("story-body", False),
        ("signupdate", False),
    ],
)
def test_calls_to_action_are_chrome_by_a_class_part(value: str, chrome: bool) -> None:
    from compliance.document.region import is_chrome

    assert is_chrome({"class": value}, "div") is chrome


def test_region_helpers_on_the_document() -> None:
    doc = html(WORDPRESS_PAGE)
    share = doc.root.xpath("//*[contains(@class, 'sharedaddy')]")[0]
    logo = doc.root.xpath("//img[@class='custom-logo']")[0]
    first_paragraph = doc.root.xpath("//div[@class='entry-content']/p")[0]
    skip_link = doc.root.xpath("//a[contains(@class, 'skip-link')]")[0]
    assert (doc.in_article(first_paragraph), doc.in_article(share), doc.in_article(logo)) == (True, False, False)
    assert (doc.is_visible(first_paragraph), doc.is_visible(skip_link)) == (True, False)
    assert doc.locate_element(first_paragraph) == Location(line_of(WORDPRESS_PAGE, f"<p>{PARAGRAPHS[0]}"), 9)


# ---------------------------------------------------------------------------------------------
# Plain text and Markdown

PLAIN_ARTICLE = (
    "Council approves $40 million transit plan after two-year debate\n"
    "\n"
    "By Jake Smith\n"
    "   \n" + PARAGRAPHS[0] + "\n\n" + "    \u201cIt\u2019s done,\u201d\u00a0she said.\n" + "\n" + PARAGRAPHS[1] + "\n"
)


def test_plain_text_lines_are_blocks_with_line_numbers() -> None:
    doc = parse_document(PLAIN_ARTICLE, "text")
    assert doc.kind == "text"
    assert [(b.line, b.text, b.in_article) for b in doc.blocks] == [
        (1, HEADLINE, True),
        (3, "By Jake Smith", True),
        (5, PARAGRAPHS[0], True),
        (7, '"It\'s done," she said.', True),
        (9, PARAGRAPHS[1], True),
    ]
    assert doc.headline == doc.blocks[0]
    assert doc.article_line == 1
    assert doc.locate(doc.blocks[3]) == Location(7, 5)
    assert [(b.line, b.names) for b in doc.bylines] == [(3, ("Jake Smith",))]


def test_plain_text_with_crlf_line_endings_and_bytes() -> None:
    doc = parse_document(PLAIN_ARTICLE.replace("\n", "\r\n").encode("utf-8"), "text")
    assert [(b.line, b.text) for b in doc.blocks][:3] == [(1, HEADLINE), (3, "By Jake Smith"), (5, PARAGRAPHS[0])]


def test_seed_article_as_plain_text() -> None:
    if not SEED.exists():
        pytest.skip(f"{SEED} is missing: the shared/ folder must sit beside the checkout")
    doc = parse_document(SEED.read_bytes(), "text")
    by_line = {b.line: b.text for b in doc.blocks}
    assert by_line[1] == "'Get Rid Of This Menace': Biden Admin Reportedly Considering Working With Taliban To Wipe Out ISIS"
    assert by_line[3] == "(Photo by WAKIL KOHSAR/AFP via Getty Images)"
    assert by_line[5] == "Daily Caller News Foundation logo"
    assert by_line[6] == "Jake Smith Contributor"
    assert by_line[7] == "Font Size:"
    assert 2 not in by_line and 4 not in by_line
    logo = next(b for b in doc.blocks if b.text == "Daily Caller News Foundation logo")
    assert (logo.line, doc.locate(logo)) == (5, Location(5, 1))
    assert [(b.line, b.names) for b in doc.bylines] == [(6, ("Jake Smith",))]
    assert doc.images == ()


MARKDOWN_ARTICLE = f"""---
title: "Council approves transit plan"
author: Jake Smith
tags: [transit, council]
---

# {HEADLINE}

By Jake Smith, *The Millbrook Ledger*

![A city bus on Main Street]({CDN}/bus.jpg "Bus")

{PARAGRAPHS[0]} Read the [full council report](https://millbrook.example/report.pdf).

**Supporters** said the plan would cut commute times.
"""


def test_markdown_article() -> None:
    doc = parse_document(MARKDOWN_ARTICLE, "markdown")
    assert doc.kind == "markdown"
    assert [(b.line, b.text, b.heading) for b in doc.blocks] == [
        # The front matter's title is the headline a CMS prints above the story, at its line.
        (2, "Council approves transit plan", True),
        (7, HEADLINE, True),
        (9, "By Jake Smith, The Millbrook Ledger", False),
        (13, PARAGRAPHS[0] + " Read the full council report.", False),
        (15, "Supporters said the plan would cut commute times.", False),
    ]
    assert [(i.line, i.sources, i.alt, i.visible, i.in_article) for i in doc.images] == [(11, (f"{CDN}/bus.jpg",), "A city bus on Main Street", True, True)]
    assert [(link.line, link.href, link.text) for link in doc.links] == [(13, "https://millbrook.example/report.pdf", "full council report")]
    assert doc.headline is not None and doc.headline.text == "Council approves transit plan"
    assert [(b.line, b.names, b.reading.credit) for b in doc.bylines] == [(9, ("Jake Smith",), "The Millbrook Ledger")]
    assert all("title:" not in b.text and "author:" not in b.text for b in doc.blocks)


def test_markdown_without_front_matter_and_items_in_order() -> None:
    source = f"# {HEADLINE}\n\n![Fare box](/img/fares.jpg)\n\n{PARAGRAPHS[0]}\n"
    doc = parse_text(source, markdown=True)
    assert [type(i) for i in doc.items] == [Block, Image, Block]
    assert [(i.index, i.line) for i in doc.items] == [(0, 1), (1, 3), (2, 5)]


def test_a_markdown_code_block_is_shown_as_written_and_is_not_the_articles_prose() -> None:
    logo = "![Daily Caller News Foundation logo](https://dailycallernewsfoundation.org/logo.png)"
    source = (
        f"# {HEADLINE}\n\n```markdown\n{logo}\nBy Jake Smith, Daily Caller News Foundation\n<!-- a comment in code -->\n```\n\n"
        f"~~~~\n```\nstill code: a shorter or other fence does not close it\n~~~~\n\n{PARAGRAPHS[0]}\n"
    )
    doc = parse_text(source, markdown=True)
    assert doc.images == () and doc.links == () and doc.bylines == ()
    assert [(b.line, b.text, b.in_article) for b in doc.blocks] == [
        (1, HEADLINE, True),
        (4, logo, False),
        (5, "By Jake Smith, Daily Caller News Foundation", False),
        (6, "<!-- a comment in code -->", False),
        (10, "```", False),
        (11, "still code: a shorter or other fence does not close it", False),
        (14, PARAGRAPHS[0], True),
    ]


def test_front_matter_in_plain_text_is_skipped_too() -> None:
    source = "---\nsource: Daily Caller News Foundation\n---\nBy Jake Smith\n" + PARAGRAPHS[0] + "\n"
    doc = parse_document(source, "text")
    assert [(b.line, b.text) for b in doc.blocks] == [(4, "By Jake Smith"), (5, PARAGRAPHS[0])]


# ---------------------------------------------------------------------------------------------
# Robustness: anything in, a document out


@pytest.mark.parametrize(
    ("data", "texts"),
    [
        (b"", []),
        (b"<p>Only a fragment, no html or body element.</p>", ["Only a fragment, no html or body element."]),
        (b"<html><body><p>Unclosed <b>bold <i>italic</p><p>next</body>", ["Unclosed bold italic", "next"]),
        (b"<p>Stray NUL\x00 byte in scraped text.</p>", ["Stray NUL byte in scraped text."]),
    ],
    ids=["empty", "fragment", "malformed", "nul"],
)
def test_parse_html_never_raises(data: bytes, texts: list[str]) -> None:
    doc = parse_html(data)
    assert doc.kind == "html"
    assert [b.text for b in doc.blocks] == texts


def test_a_nul_reads_as_the_html_tokenizer_reads_it() -> None:
    from lxml import etree

    page = b"<title>A\x00B</title><style>.by{dis\x00play:none}</style><!-- c\x00 --><p class=by>Jake\x00 Smith</p><textarea>t\x00</textarea>"
    tree = etree.tostring(parse_html(page).root, encoding=str)
    # Dropped from the text of the page; U+FFFD in raw text, escapable raw text and comments.
    assert "<title>A\ufffdB</title><style>.by{dis\ufffdplay:none}</style><!-- c\ufffd -->" in tree
    assert '<p class="by">Jake Smith</p><textarea>t\ufffd</textarea>' in tree


@pytest.mark.parametrize("void", ["embed src=v.mp4", "source src=a.mp4", "track src=a.vtt", "wbr", "keygen", "bgsound"])
def test_what_follows_a_void_element_is_read_as_its_parents(void: str) -> None:
    # libxml2 opens these as containers: the byline and the story after one were its content.
    doc = parse_html(f"<article><div><{void}><p>By Jake Smith</p><p>The council met on Tuesday.</p></div></article>".encode())
    assert [b.text for b in doc.blocks] == ["By Jake Smith", "The council met on Tuesday."]


def test_item_offsets_follow_visible_text() -> None:
    doc = html(POSITIONS_PAGE)
    joined = "\n".join(b.text for b in doc.blocks) + "\n"
    assert doc.item_offsets[-1] == len(joined)
    for item, offset in zip(doc.items, doc.item_offsets, strict=False):
        if isinstance(item, Block):
            assert joined[offset : offset + len(item.text)] == item.text


# ---------------------------------------------------------------------------------------------
# Shared work across the checks of one document


def test_a_selector_runs_once_per_document_and_keeps_document_order() -> None:
    doc = parse_html('<html><body><p>a</p><img src="/1.png"><div><img src="/2.png"></div></body></html>')
    runs: list[int] = []

    def images(root: object) -> list[object]:
        runs.append(1)
        return list(doc.root.iter("img"))

    first, second = doc.select(images), doc.select(images)
    assert [element.get("src") for element in first] == ["/1.png", "/2.png"]
    assert second == first
    assert len(runs) == 1


def test_a_text_document_has_no_elements_to_select() -> None:
    doc = parse_text("Headline\n\nBy Ana Peña\n")
    assert doc.select(lambda root: ["never asked"]) == ()


# ---------------------------------------------------------------------------------------------
# Body content that libxml2 leaves in an implied <head>


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        # A CMS export: a fragment that starts with its charset, then HTML5 sectioning elements.
        ("<meta charset='utf-8'>\n<article><h1>Roads</h1><p>By Jane Roe</p><p>Council met.</p></article>", ["Roads", "By Jane Roe", "Council met."]),
        ("<link rel='stylesheet' href='a.css'><main><p>First</p></main><p>Second</p>", ["First", "Second"]),
        ("<meta charset=utf-8><!-- an exported comment --><header><p>Top</p></header><section><p>Body</p></section>", ["Top", "Body"]),
        # Text that is not white space ends the head too, and keeps its place before what follows.
        ("<meta charset=utf-8>Dateline text <p>Para</p>", ["Dateline text", "Para"]),
        ("<meta charset=utf-8><article><p>A</p></article>tail text<p>B</p>", ["A", "tail text", "B"]),
        # An explicit head holding a section: moved before what the body already held, in order.
        ("<html><head><title>T</title><section><p>Early</p></section></head><body>Later text<p>Last</p></body></html>", ["Early", "Later text", "Last"]),
        # A head of head elements only is left alone.
        ("<html><head><title>T</title><meta name=x content=y><script>var a;</script></head><body><p>Only</p></body></html>", ["Only"]),
    ],
)
def test_what_a_browser_puts_in_the_body_is_read_there(page: str, expected: list[str]) -> None:
    doc = parse_html(page)
    assert [block.text for block in doc.blocks] == expected
    head = doc.root.find("head")
    left_in_head = [child.tag for child in (head if head is not None else ()) if isinstance(child.tag, str)]
    assert set(left_in_head) <= {"title", "meta", "link", "script", "style"}


def test_a_fragment_that_starts_with_its_charset_credits_its_byline() -> None:
    page = "<meta charset='utf-8'>\n<article><h1>Roads</h1><p>By Jane Roe, Daily Caller News Foundation</p><p>The council met on Tuesday.</p></article>"
    assert [byline.names for byline in parse_html(page).bylines] == [("Jane Roe",)]


@pytest.mark.parametrize(
    ("head", "href", "followed"),
    [
        ("", "//www.texastribune.org/", "https://www.texastribune.org/"),
        ("", " //www.texastribune.org/about ", "https://www.texastribune.org/about"),
        ('<base href="https://partner.example/news/">', "//www.texastribune.org/", "https://www.texastribune.org/"),
        ('<base href="http://partner.example/news/">', "//www.texastribune.org/", "http://www.texastribune.org/"),
        ('<base href="https://partner.example/news/">', "story.html", "https://partner.example/news/story.html"),
        ('<base href="https://partner.example/news/">', "/about", "https://partner.example/about"),
        ('<base href="https://partner.example/news/">', "https://www.texastribune.org/", "https://www.texastribune.org/"),
        ('<base href="/news/">', "//www.texastribune.org/", "https://www.texastribune.org/"),
        ("", "/about", "/about"),
        # A republication's canonical URL names the original's site, not the page's own.
        ('<link rel="canonical" href="https://www.texastribune.org/2024/08/14/story/">', "/about", "/about"),
        ("", "mailto:desk@partner.example", "mailto:desk@partner.example"),
    ],
)
def test_link_urls_are_read_as_a_browser_follows_them(head: str, href: str, followed: str) -> None:
    doc = html(f'<html><head>{head}</head><body><article><p>Read <a href="{href}">the original</a>.</p></article></body></html>')
    assert [link.href for link in doc.links] == [followed]


def test_a_protocol_relative_canonical_url_is_read_over_https() -> None:
    doc = html('<html><head><link rel="canonical" href="//www.propublica.org/article/x"></head><body><p>Story.</p></body></html>')
    assert doc.canonical == ("https://www.propublica.org/article/x",)


def test_a_protocol_relative_link_back_meets_the_link_rule(cli, tmp_path: Path) -> None:
    sample = (Path(__file__).parent.parent / "samples" / "texas-tribune" / "compliant-static.html").read_text(encoding="utf-8")
    assert 'href="https://www.texastribune.org/"' in sample
    page = tmp_path / "republished.html"
    # The byline's staff page becomes a path on the page's own site: the link back is the only one.
    republished = sample.replace('href="https://www.texastribune.org/"', 'href="//www.texastribune.org/"').replace(
        'href="https://www.texastribune.org/about/', 'href="/about/'
    )
    page.write_text(republished, encoding="utf-8")
    run = cli("check", "--pack", "texas-tribune", "--format", "json", str(page))
    (entry,) = run.json()["files"]
    assert [f["rule"] for f in entry["findings"]] == []
    assert "texas-tribune/link" in [p["rule"] for p in entry["passed"]]


# Every URL a page gives is resolved in one place, against one base: its links, its canonical URL
# and its URL-valued <meta> tags alike.
@pytest.mark.parametrize(
    ("head", "given", "followed"),
    [
        ('<base href="https://www.propublica.org/">', "/article/welds", "https://www.propublica.org/article/welds"),
        ('<base href="https://www.propublica.org/article/">', "welds", "https://www.propublica.org/article/welds"),
        ('<base href="http://www.propublica.org/">', "//www.propublica.org/article/welds", "http://www.propublica.org/article/welds"),
        ("", "//www.propublica.org/article/welds", "https://www.propublica.org/article/welds"),
        ("", "/article/welds", "/article/welds"),
        # The first <base> with an href sets the base, as in a browser; later ones are ignored.
        ('<base href="https://www.propublica.org/"><base href="https://partner.example/">', "article/welds", "https://www.propublica.org/article/welds"),
        ('<base target="_blank"><base href="https://www.propublica.org/">', "article/welds", "https://www.propublica.org/article/welds"),
        # An empty one is the page's own address, not known here: the next one does not count.
        ('<base href=""><base href="https://partner.example/">', "article/welds", "article/welds"),
        # A relative base on a page whose address is not known gives no base.
        ('<base href="/news/">', "article/welds", "article/welds"),
    ],
)
@pytest.mark.parametrize("name", ["syndication-source", "original-source", "og:url"])
def test_url_valued_meta_tags_resolve_as_links_do(head: str, given: str, followed: str, name: str) -> None:
    attribute = "property" if name.startswith("og:") else "name"
    doc = html(
        f'<html><head>{head}<meta {attribute}="{name}" content=" {given} "><link rel="canonical" href="{given}"></head>'
        f'<body><article><p>Read <a href="{given}">the original</a>.</p></article></body></html>'
    )
    assert doc.meta[name] == (followed,)
    assert doc.canonical == (followed,)
    assert [link.href for link in doc.links] == [followed]


def test_other_meta_tags_are_left_as_written() -> None:
    doc = html('<html><head><base href="https://partner.example/"><meta name="author" content="/staff/jane"></head><body><p>Story.</p></body></html>')
    assert doc.meta["author"] == ("/staff/jane",)


@pytest.mark.parametrize(
    ("head", "given", "followed"),
    [
        # A relative base resolves against the page's own address when it is known.
        ('<base href="/archive/">', "story.html", "https://partner.example/archive/story.html"),
        ('<base href="//cdn.partner.example/">', "story.html", "https://cdn.partner.example/story.html"),
        # Without a base, the page's own address is the base.
        ("", "/about", "https://partner.example/about"),
        ("", "story.html", "https://partner.example/news/story.html"),
        ('<base href="">', "story.html", "https://partner.example/news/story.html"),
        # An absolute base wins over the address; a base that is not http(s) falls back to it.
        ('<base href="https://www.propublica.org/">', "story.html", "https://www.propublica.org/story.html"),
        ('<base href="javascript:void(0)">', "story.html", "https://partner.example/news/story.html"),
        # A base a URL parser refuses falls back to the address too, as in browsers.
        ('<base href="https://[partner.example/">', "story.html", "https://partner.example/news/story.html"),
    ],
)
def test_a_pages_own_address_is_the_base_of_its_relative_urls(head: str, given: str, followed: str) -> None:
    page = (
        f'<html><head>{head}<meta name="syndication-source" content="{given}"><link rel="canonical" href="{given}">'
        f'<script type="application/ld+json">{_json_ld_urls(given)}</script></head>'
        f'<body><article><p><a href="{given}">Original</a></p></article></body></html>'
    )
    for doc in (
        parse_html(page, url="https://partner.example/news/index.html"),
        parse_document(page.encode(), "html", url="https://partner.example/news/index.html"),
    ):
        assert doc.meta["syndication-source"] == (followed,)
        assert doc.canonical == (followed,)
        assert [link.href for link in doc.links] == [followed]
        assert doc.json_ld == ({**_json_ld_urls_as(followed), "headline": given},)


def _json_ld_urls_as(url: str) -> dict[str, object]:
    """A NewsArticle whose URL-valued keys all hold `url`, each in another shape."""
    return {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": url,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "isPartOf": {"url": [url]},
        "headline": url,  # not a URL key: left as written
    }


def _json_ld_urls(given: str) -> str:
    import json

    return json.dumps(_json_ld_urls_as(given))


@pytest.mark.parametrize(
    ("head", "given", "followed"),
    [
        ('<base href="https://www.propublica.org/article/">', "welds", "https://www.propublica.org/article/welds"),
        ('<base href="https://www.propublica.org/">', "//cdn.propublica.org/a", "https://cdn.propublica.org/a"),
        ("", "//www.propublica.org/article/welds", "https://www.propublica.org/article/welds"),
        ("", "/article/welds", "/article/welds"),  # no base, no address: left as written
        ('<base href="https://[www.propublica.org/">', "/article/welds", "/article/welds"),  # a base no parser reads
    ],
)
def test_json_ld_urls_resolve_as_the_canonical_url_does(head: str, given: str, followed: str) -> None:
    ld = f'<script type="application/ld+json">{_json_ld_urls(given)}</script>'
    doc = html(f'<html><head>{head}<link rel="canonical" href="{given}">{ld}</head><body><p>Story.</p></body></html>')
    assert doc.canonical == (followed,)
    assert doc.json_ld == ({**_json_ld_urls_as(followed), "headline": given},)


def test_json_ld_blank_nodes_and_other_schemes_are_left_as_written() -> None:
    ld = '{"@graph": [{"@id": "_:b0", "url": "mailto:desk@example.org", "author": {"@id": "#jane", "name": "/not/a/url"}}]}'
    doc = html(
        f'<html><head><base href="https://partner.example/news/"><script type="application/ld+json">{ld}</script></head><body><p>Story.</p></body></html>'
    )
    assert doc.json_ld == (
        {"@graph": [{"@id": "_:b0", "url": "mailto:desk@example.org", "author": {"@id": "https://partner.example/news/#jane", "name": "/not/a/url"}}]},
    )


def test_a_syndication_source_relative_to_the_base_meets_the_link_rule() -> None:
    from compliance.engine import check_document
    from compliance.packs import load_pack

    pack = load_pack(
        "id: example\nname: Example\npublisher: Example\nterms_url: https://example.org/terms\nas_of: 2024-01-01\nsummary: S.\nrules:\n"
        "  - id: example/source\n    severity: error\n    message: No source.\n    help: Add it.\n"
        "    check: {link: {href: '^https://www\\.propublica\\.org/article/welds$', source: syndication-source}}\n",
        "example.yaml",
    )
    page = (
        '<html><head><base href="https://www.propublica.org/article/"><meta name="syndication-source" content="welds"></head>'
        "<body><article><p>Story.</p></article></body></html>"
    )
    report = check_document(parse_html(page), [pack], path="page.html", auto_detect=False)
    assert report.findings == ()
    assert [p.rule for p in report.passed] == ["example/source"]
    other = page.replace("https://www.propublica.org/article/", "https://partner.example/")
    assert [f.rule for f in check_document(parse_html(other), [pack], path="page.html", auto_detect=False).findings] == ["example/source"]


def test_the_walks_blocks_and_links_are_the_frozen_value_objects_their_constructors_make() -> None:
    # `new_block` and `new_link` skip the frozen dataclass's per-field `object.__setattr__`: what
    # they return must be that class, equal, with every field set, and as frozen.
    import dataclasses

    from compliance.document.model import Block, Link, new_block, new_link

    element = object()
    block_values = (3, "Reservoir levels fall", 12, True, False, element)
    link_values = ("https://example.org/a", None, ("author",), 7, True, False, 4, element)
    pairs = [(new_block(*block_values), Block(*block_values)), (new_link(*link_values), Link(*link_values))]
    for fast, reference in pairs:
        assert type(fast) is type(reference)
        assert fast == reference and hash(fast) == hash(reference) and repr(fast) == repr(reference)
        assert [getattr(fast, f.name) for f in dataclasses.fields(fast)] == [getattr(reference, f.name) for f in dataclasses.fields(reference)]
        with pytest.raises(dataclasses.FrozenInstanceError):
            fast.line = 1  # type: ignore[misc]
    assert pairs[0][0].element is element and pairs[1][0].element is element


# ---------------------------------------------------------------------------------------------
# Comments side by side: lxml's `iterwalk` reports a long run of them in a time that grows with
# the square of the run, so past `_LONGEST_COMMENT_RUN` the walk reads them from their siblings.

COMMENTED = (
    "<!doctype html><html><head><!-- h --><title>T</title></head><body><!-- a -->lead<!-- b --> words"
    "<article><h1>Head<!-- c -->line</h1><!-- d --><p>By <!-- e -->Jo Roe<!-- f --></p><!-- g -->after<?pi x?>pi tail"
    '<div style="display:none"><!-- i -->hidden tail<p>hidden</p></div><!-- j -->shown tail'
    "<p><!-- k --><!-- l -->two<b>bold</b><!-- m -->end</p></article><!-- n --></body></html>"
)


def _read(document: Document) -> tuple[list[tuple[str, int]], list[str]]:
    return [(block.text, block.line) for block in document.blocks], [repr(byline) for byline in document.bylines]


def test_comments_read_from_their_siblings_give_the_same_document(monkeypatch: pytest.MonkeyPatch) -> None:
    from compliance.document import html

    by_events = _read(parse_document(COMMENTED.encode(), "html"))
    monkeypatch.setattr(html, "_COMMENTS_BEFORE_LOOKING", 1)
    monkeypatch.setattr(html, "_LONGEST_COMMENT_RUN", 0)  # any comment ends a "long" run
    assert _read(parse_document(COMMENTED.encode(), "html")) == by_events
    assert [text for text, _ in by_events[0]][:3] == ["lead words", "Headline", "By Jo Roe"]
    assert "hidden tail" not in " ".join(text for text, _ in by_events[0]) and "shown tail" in " ".join(text for text, _ in by_events[0])


def test_a_long_run_of_comments_is_read_from_siblings(monkeypatch: pytest.MonkeyPatch) -> None:
    from compliance.document import html

    switched: list[bool] = []
    read_by_sibling = html._walk_reading_comments_by_sibling
    monkeypatch.setattr(html, "_walk_reading_comments_by_sibling", lambda *args: switched.append(True) or read_by_sibling(*args))
    runs = "".join(f"<!-- {i} -->w{i} " for i in range(3000))
    document = parse_document(f"<!doctype html><body><p>{runs}</p><p>By Jo Roe</p></body>".encode(), "html")
    assert switched == [True]
    assert [block.text for block in document.blocks] == [" ".join(f"w{i}" for i in range(3000)), "By Jo Roe"]

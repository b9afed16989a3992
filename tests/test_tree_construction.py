"""The page's tree is the one a browser builds, where libxml2's HTML 4 rules build another that
changes what a reader sees (compliance.document.nesting): an element libxml2 ends early (`<h4><p>`)
is kept open, one it keeps open (`<p><section>`, `<h2><h4>`) is ended, and what a table holds
outside its cells is put before it. Chromium's tree for every pair of elements here is compared
with the checker's in tests/test_browser.py."""

from __future__ import annotations

from typing import Any

import pytest
from lxml import etree

from compliance.document import nesting, parse_document
from tests.test_visibility import BYLINE, LOGO, check, errors, page

BARE_BYLINE = BYLINE.format(attrs=' class="byline"')

# A byline paragraph in an element a browser keeps open around it: hidden with that element.
HIDDEN_WITH_AN_ELEMENT_KEPT_OPEN = {
    "a hidden heading": ("", '<h4 style="display:none">{}</h4>'),
    "a hidden heading, by a class rule": (".gone{display:none}", '<h2 class="gone">{}</h2>'),
    "a hidden <small>": ("", '<small style="display:none">{}</small>'),
    "a transparent <b>": ("", '<b style="color:transparent">{}</b>'),
    "a hidden link around a table": ("", '<a href="/about" style="display:none"><table><tr><td>{}</td></tr></table></a>'),
    "a hidden <pre> around a list": ("", '<pre style="display:none"><ul><li>{}</li></ul></pre>'),
    "a hidden heading never ended": ("", '<h4 style="display:none">Title{}'),
    "a hidden link never ended, around a table": ("", '<a href="/about" style="display:none"><table><tr><td>{}</td></tr></table>'),
    "a hidden heading around a form": ("", '<h3 style="visibility:hidden"><form action="/s">{}</form></h3>'),
}
# A byline a browser shows outside a hidden element that libxml2 would have kept open around it.
SHOWN_OUTSIDE_AN_ELEMENT_ENDED = {
    "a hidden paragraph ended by a section": ("", '<p style="display:none">Related<section>{}</section></p>'),
    "a hidden paragraph ended by a header, in a class rule": (".gone{display:none}", '<p class="gone"><header>{}</header></p>'),
    "a hidden heading ended by a heading": ("", '<h2 style="display:none">Politics<h3>{}</h3></h2>'),
    "a hidden definition term ended by another": ("", '<dl><dt style="display:none">Author<dt>{}</dl>'),
    "a hidden table with the byline between its rows": ("", '<table style="display:none"><tr><td>1</td></tr>{}<tr><td>2</td></tr></table>'),
    "a hidden row with the byline in it, outside its cells": ("", '<table><tr style="display:none"><td>1</td>{}</tr></table>'),
    # A table's part outside any table: a browser drops its tag, and its style with it.
    "a hidden cell outside any table": ("", '<div><td style="display:none">{}</td></div>'),
    "a hidden caption outside any table, by a class rule": (".gone{display:none}", '<caption class="gone">{}</caption>'),
    # The next paragraph ends a hidden one through the elements libxml2 keeps open in it.
    "a hidden paragraph with a <font> open, ended by the next": ("", '<p style="display:none"><font>Related<p>{}</p>'),
    "a hidden paragraph with a link open, ended by a list": (".gone{display:none}", '<p class="gone"><a href="/x">Related<ul><li>{}</li></ul>'),
    # A paragraph or list item ends at the next, with whatever is open in it: a hidden `<span>`
    # left open does not hide what follows.
    "a hidden span left open in a paragraph": ("", '<p>Note: <span style="display:none">internal<p>x</p>{}'),
    "a hidden span left open, ended by a section": (".gone{display:none}", '<p>See <span class="gone">more<section>{}</section>'),
    "a hidden span in a span left open in a list item": ("", "<ul><li>a <span><span hidden>b<li>{}</ul>"),
    "a hidden span left open in a definition": ("", '<dl><dd>a <span style="opacity:0">b<dt>Author<dd>{}</dl>'),
    "a hidden span left open in a table's cell": ("", '<table><tr><td>a <span style="display:none">b<tr><td>{}</table>'),
    "a hidden span left open, ended by a rule": ("", '<p>Note <span style="display:none">internal<hr>{}'),
    # What follows a stray </body> or </html> stays where it is written, in the story.
    "a stray end of the body in the story": ("", "<p>Note</body>{}"),
    "a stray end of the document in the story": ("", "<p>Note <span>x</html>{}"),
}


@pytest.mark.parametrize("case", sorted(HIDDEN_WITH_AN_ELEMENT_KEPT_OPEN))
def test_a_byline_in_a_hidden_element_a_browser_keeps_open_is_hidden(case: str) -> None:
    css, wrapper = HIDDEN_WITH_AN_ELEMENT_KEPT_OPEN[case]
    assert errors(check(page(css=css, byline=wrapper.format(BARE_BYLINE)))) == ["dcnf/byline"]


@pytest.mark.parametrize("case", sorted(SHOWN_OUTSIDE_AN_ELEMENT_ENDED))
def test_a_byline_a_browser_puts_outside_a_hidden_element_is_seen(case: str) -> None:
    css, wrapper = SHOWN_OUTSIDE_AN_ELEMENT_ENDED[case]
    assert errors(check(page(css=css, byline=wrapper.format(BARE_BYLINE)))) == []


@pytest.mark.parametrize(
    ("markup", "kept_open"),
    [
        ("<p>a <span>b<p>c</p>", True),
        ("<p>a <span><em>b<div>c</div></em></span>", True),
        ("<ul><li>a <span>b<li>c</ul>", True),
        ("<ul><li>a<div>b<li>c</ul>", True),
        ("<dl><dt>a <q>b<dd>c</dl>", True),
        # A block directly in a paragraph is `close_as_browsers_do`'s; a button bounds the paragraph's
        # scope; a nested list or a section bounds the search for a list item.
        ("<p>a<section>b</section></p>", False),
        ("<p>a <button><div>b</div></button></p>", False),
        ("<ul><li>a<div><ul><li>b</ul></div><li>c</ul>", False),
        ("<ul><li>a<section><li>b</section></ul>", False),
        ("<p>a <span>b</span></p><div>c</div><ul><li>d<li>e</ul>", False),
        # A row in a cell, through an element left open in it; not one of a table nested in the cell.
        ("<table><tr><td>a <span>b<tr><td>c</table>", True),
        ("<table><tr><td>a <span>b<table><tr><td>c</table></span><tr><td>d</table>", False),
        ("<table><tr><td>a<tr><td>b</table>", False),
    ],
)
def test_a_paragraph_or_item_libxml2_keeps_open_past_what_ends_it_is_found(markup: str, kept_open: bool) -> None:
    from compliance.document import html

    root, _ = html._parse_payload(f"<!doctype html><html><body>{markup}</body></html>".encode())
    assert nesting.keeps_open_what_browsers_end(root) is kept_open


def test_in_quirks_mode_a_table_in_a_span_does_not_end_the_paragraph() -> None:
    from compliance.document import html

    root, _ = html._parse_payload(b"<html><body><p>a <span>b<table><tr><td>c</td></tr></table>")
    assert nesting.keeps_open_what_browsers_end(root, quirks=True) is False
    assert nesting.keeps_open_what_browsers_end(root, quirks=False) is True


def test_a_logo_in_a_hidden_heading_a_browser_keeps_open_is_missing() -> None:
    assert errors(check(page(logo=f'<h5 style="display:none"><p>{LOGO.format(attrs="")}</p></h5>'))) == ["dcnf/logo"]


def test_a_finding_in_an_element_kept_open_is_on_its_own_line() -> None:
    data = page(byline=f'<h4 style="display:none">\n\n{BARE_BYLINE}</h4>')
    (finding,) = [f for f in check(data).findings if f.rule == "dcnf/byline"]
    assert "line 7 is hidden" in finding.message
    assert data.decode().splitlines()[6].startswith('<p class="byline">')


def test_the_tree_holds_the_elements_by_their_own_names() -> None:
    document = parse_document(b"<!doctype html><body><h4 id=h>Title<p id=p>By Jo Roe</p>after</h4><table><tr><td>x</table></body>", "html")
    paragraph = document.root.xpath("//*[@id='p']")[0]
    assert paragraph.tag == "p" and paragraph.getparent().get("id") == "h" and paragraph.tail == "after"
    assert not any(str(element.tag).startswith(nesting.KEPT_OPEN_PREFIX) for element in document.root.iter())


def test_markup_libxml2_reads_as_a_browser_does_is_returned_as_it_is() -> None:
    source = "<div><h4>Title</h4><p>Text</p><b>bold</b></div>"
    assert nesting.keep_open_as_browsers_do(source) is source


def test_an_element_and_its_end_tag_are_renamed_where_it_starts_in_one_libxml2_ends() -> None:
    source = "<H4 class=x><P class=b>By</P><p>two</p></h4><p>out</p>"
    assert nesting.keep_open_as_browsers_do(source) == (
        "<H4 class=x><syndcheck-kept-P class=b>By</syndcheck-kept-P><syndcheck-kept-p>two</syndcheck-kept-p></h4><p>out</p>"
    )


def test_raw_text_and_comments_are_not_markup_to_rename() -> None:
    source = "<h4><script>'<p>'</script><!-- <p> --><textarea><p></textarea></h4>"
    assert nesting.keep_open_as_browsers_do(source) is source


def test_a_page_holding_the_kept_open_name_is_left_as_libxml2_reads_it() -> None:
    # Renaming back would turn the page's own <syndcheck-kept-p> into a paragraph.
    source = "<h4><p>By</p></h4><syndcheck-kept-p>x</syndcheck-kept-p>"
    assert nesting.keep_open_as_browsers_do(source) is source


def test_a_paragraph_in_a_paragraph_is_left_to_end_it() -> None:
    source = "<p><b>bold<p>next</p></b></p>"
    assert nesting.keep_open_as_browsers_do(source) is source


@pytest.mark.parametrize(
    ("messages", "early"),
    [
        (["Unexpected end tag : h4"], True),
        (["Unexpected end tag : small\n"], True),
        (["Unexpected end tag : div"], False),
        (["Tag section invalid", "htmlParseEntityRef: expecting ';'"], False),
        ([], False),
    ],
)
def test_libxml2_ended_an_element_early_when_its_end_tag_came_later(messages: list[str], early: bool) -> None:
    assert nesting.ends_early(messages) is early


def _body(markup: str) -> Any:
    root = etree.fromstring(f"<html><body>{markup}</body></html>".encode(), etree.HTMLParser(encoding="utf-8"))
    return root


def test_an_element_ended_moves_out_with_what_follows_it_before_an_empty_paragraph_its_end_tag_makes() -> None:
    root = _body("<div><p>a<section>b</section>c<em>d</em>e</p>f</div>")
    nesting.close_as_browsers_do(root)
    assert etree.tostring(root.find("body/div")).decode() == "<div><p>a</p><section>b</section>c<em>d</em>e<p/>f</div>"


def test_headings_each_end_the_one_they_start_in() -> None:
    root = _body("<h1>a<h2>b<h3>c</h3></h2></h1>")
    nesting.close_as_browsers_do(root)
    assert [(e.tag, e.text) for e in root.find("body")] == [("h1", "a"), ("h2", "b"), ("h3", "c")]


def test_what_a_table_holds_outside_its_cells_goes_before_it_in_order() -> None:
    root = _body("<div>x<table>one<tr><td>cell</td>two<span>three</span></tr> <!-- c --><p>four</p>five</table>z</div>")
    nesting.foster_parent(root)
    div = root.find("body/div")
    assert etree.tostring(div).decode() == ("<div>xonetwo<span>three</span><p>four</p>five<table><tr><td>cell</td></tr> <!-- c --></table>z</div>")


def test_elements_kept_open_past_the_depth_libxml2_reads_leave_the_rest_of_the_page_read() -> None:
    # Each <li> kept open in the heading before it nests 6,000 deep: libxml2 stops at 2,048, a browser
    # attaches what is deeper than 512 at that depth and shows it (see `flatten_deep_nesting`).
    data = ("<!doctype html><body></h1>" + "<h1><li>x" * 3000 + "<p>The end of the article.</p></body>").encode()
    document = parse_document(data, "html")
    assert document.truncated is None
    assert document.items[-1].text == "The end of the article."


def test_rows_and_cells_a_table_holds_directly_are_put_in_the_row_groups_and_rows_a_browser_adds() -> None:
    root = _body("<table><tr><td>a</td></tr><!-- c --><tr><td>b</td></tr><tfoot><td>f</td></tfoot></table>")
    nesting.add_implied_elements(root)
    table = etree.tostring(root.find("body/table")).decode()
    assert table == "<table><tbody><tr><td>a</td></tr><!-- c --><tr><td>b</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>"


def test_what_libxml2_puts_in_a_void_element_follows_it() -> None:
    root = _body("<div>a<embed src=v.mp4>b<p>c</p>d<wbr>e<source>f</div>g<svg><image href=b.png><title>t</title></image></svg>")
    nesting.unnest_void_elements(root)
    body = etree.tostring(root.find("body")).decode()
    # SVG's <image> holds its <title>: left as it is.
    assert body == '<body><div>a<embed src="v.mp4"/>b<p>c</p>d<wbr/>e<source/>f</div>g<svg><image href="b.png"><title>t</title></image></svg></body>'


def test_an_image_outside_svg_is_an_img_that_holds_nothing() -> None:
    root = _body("<p>x<image src=a.png>after <b>bold</b> more</p><svg><image href=b.png></image></svg>")
    nesting.unnest_void_elements(root)
    nesting.add_implied_elements(root)
    assert etree.tostring(root.find("body")).decode() == '<body><p>x<img src="a.png"/>after <b>bold</b> more</p><svg><image href="b.png"/></svg></body>'


def test_a_logo_written_as_an_image_element_is_an_image() -> None:
    logo = LOGO.format(attrs="").replace("<img ", "<image ")
    assert errors(check(page(logo=logo))) == []


def test_a_row_group_hidden_by_the_page_hides_rows_the_table_holds_directly() -> None:
    table = f"<table class=credit><tr><td>{BARE_BYLINE}</td></tr></table>"
    assert errors(check(page(css=".credit tbody{display:none}", byline=table))) == ["dcnf/byline"]


def test_a_stray_paragraph_end_keeps_the_words_around_it_apart() -> None:
    # A browser makes an empty paragraph of it: the name and the outlet are two lines, not one word.
    byline = '<div class="byline">By Jake Smith</p>Daily Caller News Foundation</div>'
    assert errors(check(page(byline=byline))) == []
    texts = [item.text for item in parse_document(page(byline=byline), "html").items if "Jake" in getattr(item, "text", "")]
    assert texts == ["By Jake Smith"]


@pytest.mark.parametrize(
    ("source", "expected", "rewritten"),
    [
        ("<div>a</p>b</div>", 1, "<div>a<p></p>b</div>"),
        ("<p>a</p></p><p>b</P>", 1, "<p>a</p><p></p><p>b</P>"),
        # A block's start tag ends the paragraph: its end tag after the block finds none open.
        ("<p>a<div>b</div>c</p>", 1, "<p>a<div>b</div>c<p></p>"),
        # A cell bounds the paragraph's scope: the end tag in it finds none.
        ("<p>a<span><table><tr><td>b</p>c</td></tr></table>", 1, "<p>a<span><table><tr><td>b<p></p>c</td></tr></table>"),
        ("<script>'</p>'</script><div>a</p>b</div>", 1, "<script>'</p>'</script><div>a<p></p>b</div>"),
        # A block in a button ends no paragraph outside it: the button bounds the paragraph's scope.
        ("<p>a<button><div>b</div></button>c</p></p>", 1, "<p>a<button><div>b</div></button>c</p><p></p>"),
    ],
)
def test_each_paragraph_end_with_no_paragraph_open_is_an_empty_paragraph(source: str, expected: int, rewritten: str) -> None:
    assert nesting.empty_paragraphs_for_stray_ends(source, expected) == rewritten


def test_stray_paragraph_ends_are_left_when_libxml2_counted_others() -> None:
    source = "<div>a</p>b</div>"
    assert nesting.empty_paragraphs_for_stray_ends(source, 2) is source


def test_a_tables_parts_outside_any_table_leave_what_they_hold_in_their_place() -> None:
    root = _body("<div>x<tr><td>a<b>b</b>c</td></tr>d<caption>e</caption></div><table><tr><td>in</td></tr></table>")
    nesting.drop_table_parts_outside_tables(root)
    assert etree.tostring(root.find("body")).decode() == "<body><div>xa<b>b</b>cde</div><table><tr><td>in</td></tr></table></body>"


@pytest.mark.parametrize(
    "markup",
    [
        "<table>\x08",
        "<table>x<td>a</td>\x01<p>y</p>\x02z</table>",
        "<p>a<section>b</section>c</p>\x08d",
        "<p><image src=a.png>\x07x</p>",
        "<div><td>\x0bz</td>\x0c</div>",
    ],
)
def test_words_moved_in_the_tree_may_hold_control_characters_libxml2_keeps(markup: str) -> None:
    # lxml refuses to set such characters as text; the words are moved without them.
    texts = [block.text for block in parse_document(f"<!doctype html><body>{markup}".encode(), "html").blocks]
    assert all(text.isprintable() for text in texts)


# A hidden formatting element that an element ended before its own end tag: a browser re-opens it
# around what follows (the HTML standard's "reconstruct the active formatting elements").
HIDDEN_BY_A_REOPENED_ELEMENT = {
    "a <b> ended by its paragraph's end tag": ("", '<p><b style="display:none">note</p>{}'),
    "an <em> ended by a block's end tag": ("", '<div><em style="display:none">note</div>{}'),
    "a <font> ended by a heading's end tag, by a class rule": (".gone{display:none}", '<h2><font class="gone">note</h2>{}'),
    "white text in a <font> ended by its paragraph": ("", '<p><font color="#fff">note</p>{}'),
    "a <b> fostered out of a table": ("", '<table><b style="display:none"><tr><td>x</td></tr></table>\n{}'),
    "a <nobr> under an <i>, re-opened together": ("", '<p><i><nobr style="visibility:hidden">note</p> {}'),
    "a <small> never ended, its paragraph ended": ("", '<p><small style="display:none">note</p><p class="byline">{}'),
    "a <small> ended by the next paragraph": ("", '<p><small style="display:none">note<p class="byline">{}'),
    # libxml2 ends these without a word; their end tags come after.
    "a <code> whose end tag comes after the byline": ("", '<p><code style="display:none">note</p><p class="byline">{}</p></code>'),
    "a <nobr> whose end tag comes after the byline": ("", '<p><nobr style="display:none">note</p><p class="byline">{}</p></nobr>'),
    # A paragraph ended by the next through elements libxml2 keeps open: the hidden one's
    # <font> is re-opened around the byline.
    "a <font> in a hidden paragraph the next one ends": (".gone{display:none}", '<p><font class="gone">note<p class="byline">{}'),
}


@pytest.mark.parametrize("case", sorted(HIDDEN_BY_A_REOPENED_ELEMENT))
def test_a_byline_after_a_hidden_formatting_element_a_browser_reopens_is_hidden(case: str) -> None:
    css, markup = HIDDEN_BY_A_REOPENED_ELEMENT[case]
    assert errors(check(page(css=css, byline=markup.format(BARE_BYLINE)))) == ["dcnf/byline"]


def test_a_logo_after_a_hidden_link_a_browser_reopens_is_missing() -> None:
    # The byline paragraph after it starts in the re-opened link too.
    assert errors(check(page(logo='<p><a href="#" style="display:none">x</p>' + LOGO.format(attrs="")))) == ["dcnf/byline", "dcnf/logo"]


@pytest.mark.parametrize(
    "markup",
    [
        '<table><tr><td><b style="display:none">x</td></tr></table>{}',  # a cell is a marker: nothing re-opens after it
        '<p><b style="display:none">note</b></p>{}',  # ended by its own end tag
        '<p><b style="display:none">note</p></b>{}',  # its end tag, out of place, still ends it
    ],
)
def test_a_hidden_formatting_element_ended_for_good_hides_nothing_after_it(markup: str) -> None:
    assert errors(check(page(byline=markup.format(BARE_BYLINE)))) == []


def test_formatting_elements_are_written_again_where_a_browser_reopens_them() -> None:
    source = '<p><B class="x"\nid=y>a</p>\n<p>b</p><div>c</div>'
    assert nesting.reopen_formatting_as_browsers_do(source) == '<p><B class="x"\nid=y>a</p><B class="x" id=y>\n<p>b</p><div>c</div>'
    # At most three alike since the last marker; one ended by its own end tag is not re-opened.
    assert nesting.reopen_formatting_as_browsers_do("<p><b><b><b><b>a</p>b") == "<p><b><b><b><b>a</p><b><b><b>b"
    assert nesting.reopen_formatting_as_browsers_do("<p><i>a</i></p>b") == "<p><i>a</i></p>b"
    # A list item with elements open in it is ended by the next as a browser ends it, they with
    # it (libxml2 ignores an item's end tag with a block open in it).
    assert nesting.reopen_formatting_as_browsers_do("<ul><li><b>a<li>b</ul>") == "<ul><li><b>a</b></li><li><b>b</ul>"
    assert nesting.reopen_formatting_as_browsers_do("<ul><li><div>a<li>b</ul>") == "<ul><li><div>a</div></li><li>b</ul>"


def test_a_page_that_would_reopen_without_end_is_left_as_libxml2_reads_it() -> None:
    # Each paragraph re-opens the 400 elements the <div> ended, and ends them.
    source = "<div>" + "".join(f"<b id={i}>" for i in range(400)) + "</div>" + "<p>x</p>" * 400
    assert nesting.reopen_formatting_as_browsers_do(source) is source


@pytest.mark.parametrize(
    ("messages", "source", "leaves"),
    [
        (["Opening and ending tag mismatch: p and b"], "<p><b>x</p>", True),
        (["Opening and ending tag mismatch: div and span"], "<div><span>x</div>", False),
        ([], "<p><STRONG>x<p>y", True),
        ([], '<p><a href="#">x</p>', True),  # libxml2 ends a link at its parent's end tag without a word
        ([], "<h4>x<p>y</p>", True),
        ([], "<h4>x</H4><pre>y</pre >", False),
        ([], "<p><A href=x>x</A> <b>y</b></p>", False),
        # An article's HTML in a script, a style's or a comment's text, is not markup.
        ([], '<p><b>x</b></p><script>var a = {"body": "<p><em>cut"};</script><!-- <i> --><style>/* <u> */</style>', False),
    ],
)
def test_a_page_is_read_again_when_it_may_leave_formatting_elements_open(messages: list[str], source: str, leaves: bool) -> None:
    root = etree.fromstring(source, etree.HTMLParser())
    assert nesting.leaves_elements_open(messages, source.encode(), root) is leaves


# Elements that are not void written self-closed: a browser opens them (the `/` is ignored).
@pytest.mark.parametrize(
    "markup",
    [
        '<div style="display:none"/>{}</div>',
        '<span class="gone"/>{}</span>',
        '<script src="/ads.js"/>{}<script></script>',
        "<title/>{}</title>",
        "<iframe/>{}</iframe>",
    ],
)
def test_a_byline_after_a_self_closed_element_a_browser_opens_is_in_it(markup: str) -> None:
    assert errors(check(page(css=".gone{display:none}", byline=markup.format(BARE_BYLINE)))) == ["dcnf/byline"]


def test_a_logo_in_a_self_closed_hidden_element_is_missing() -> None:
    assert errors(check(page(logo=f'<div style="display:none"/>{LOGO.format(attrs="")}</div>'))) == ["dcnf/logo"]


def test_only_the_slash_of_self_closed_html_elements_is_dropped() -> None:
    source = '<div a="b"/><br/><img src=x/><a href=x/>y</a><svg><circle r="1"/><p/></svg><svg/><math><mi/></math>'
    assert nesting.open_self_closed_elements(source) == '<div a="b" ><br/><img src=x/><a href=x/>y</a><svg><circle r="1"/><p ></svg><svg/><math><mi/></math>'
    assert nesting.open_self_closed_elements("<p>x<br/></p>") == "<p>x<br/></p>"
    assert not nesting.may_self_close_elements(b'<br/><img src="a"/><svg><path d="M0"/></svg><feBlend/>')
    assert nesting.may_self_close_elements(b'<p>x<span class="icon"/>')


def test_a_byline_after_a_form_started_in_a_hidden_form_is_hidden() -> None:
    # A browser ignores the second <form>: the byline stays in the first.
    assert errors(check(page(byline=f'<form style="display:none">x<form>{BARE_BYLINE}</form></form>'))) == ["dcnf/byline"]
    assert nesting.drop_nested_form_tags("<form a>x<FORM b>y</form></form><form>z</form>") == "<form a>xy</form></form><form>z</form>"


def test_a_hidden_form_in_a_table_hides_nothing_of_the_rows_written_in_it() -> None:
    markup = f'<table><form style="display:none"><tr><td>{BARE_BYLINE}</td></tr></form></table>'
    assert errors(check(page(byline=markup))) == []


@pytest.mark.parametrize("tag", ["body", "html"])
def test_a_start_tag_of_the_body_or_root_written_again_adds_its_attributes(tag: str) -> None:
    data = page(css=".hide-all .byline{display:none}", byline=f'{BARE_BYLINE}<{tag} class="hide-all" lang="en">')
    assert errors(check(data)) == ["dcnf/byline"]
    root = parse_document(b'<html lang="fr"><body id=a><p>x</p><body id=b class="c &amp; d"><html lang=en dir=rtl>', "html").root
    assert (root.get("lang"), root.get("dir"), root.find("body").get("id"), root.find("body").get("class")) == ("fr", "rtl", "a", "c & d")


def test_in_quirks_mode_a_table_stays_in_the_hidden_paragraph_it_starts_in() -> None:
    markup = '<p style="display:none">Related<table><tr><td class="byline">By Jake Smith, Daily Caller News Foundation</td></tr></table>'
    standards = page(byline=markup)
    quirks = standards.replace(b"<!doctype html>", b"")
    assert errors(check(standards)) == []
    assert errors(check(quirks)) == ["dcnf/byline"]


def test_a_style_in_mathml_is_not_a_style_sheet() -> None:
    assert errors(check(page(byline=f"{BARE_BYLINE}<math><style>.byline{{display:none}}</style></math>"))) == []
    assert errors(check(page(byline=f"{BARE_BYLINE}<svg><style>.byline{{display:none}}</style></svg>"))) == ["dcnf/byline"]
    # In a MathML text integration point (`<mtext>`, `<mi>`…), HTML is read as HTML.
    assert errors(check(page(byline=f"{BARE_BYLINE}<math><mtext><style>.byline{{display:none}}</style></mtext></math>"))) == ["dcnf/byline"]


@pytest.mark.parametrize("holder", ['<button style="display:none">{}</button>', '<select style="visibility:hidden"><option>{}</option></select>'])
def test_a_logo_in_a_hidden_control_is_missing(holder: str) -> None:
    assert errors(check(page(logo=holder.format(LOGO.format(attrs=""))))) == ["dcnf/logo"]


def test_a_logo_in_a_buttons_label_counts() -> None:
    assert errors(check(page(logo=f'<button type="button">{LOGO.format(attrs="")}</button>'))) == []


@pytest.mark.parametrize(
    "markup",
    ['<svg width="0" height="0">{}</svg>', '<svg><g><font color="#333">{}</font></g></svg>', "<math><mrow>{}</mrow></math>"],
)
def test_a_byline_written_in_svg_or_mathml_that_ends_it_is_seen(markup: str) -> None:
    byline = BARE_BYLINE if "font" not in markup else "By Jake Smith, Daily Caller News Foundation"
    assert errors(check(page(byline=markup.format(byline)))) == []


def test_html_in_an_integration_point_stays_in_svg() -> None:
    root = parse_document(b"<!doctype html><body><svg><foreignObject><p id=f>x</p></foreignObject><desc><b id=d>y</b></desc></svg>", "html").root
    assert {element.get("id"): next(element.iterancestors("svg"), None) is not None for element in root.iter("p", "b")} == {"f": True, "d": True}


def test_later_body_tags_add_a_bounded_number_of_attributes() -> None:
    markup = "<p>x</p>" + "".join(f"<body data-a{i}=1>" for i in range(1000))
    body = parse_document(f"<!doctype html><body class=c>{markup}".encode(), "html").root.find("body")
    assert body.get("class") == "c" and len(body.attrib) == 1 + nesting._MOST_ADDED_ATTRIBUTES


def test_a_paragraph_kept_open_in_a_formatting_element_is_ended_by_the_next() -> None:
    byline = '<b><b><p style="display:none">Related</p>' + BARE_BYLINE + "</b></b>"
    assert errors(check(page(byline=byline.replace("Related</p>", "Related")))) == []
    kept = nesting.KEPT_OPEN_PREFIX + "p"
    assert nesting.keep_open_as_browsers_do("<b><p>x<p>y</p></b>") == f"<b><{kept}>x</{kept}><{kept}>y</{kept}></b>"


def test_what_a_column_group_holds_but_columns_goes_before_the_table() -> None:
    markup = f'<table><colgroup style="display:none"><col>{BARE_BYLINE}</colgroup><tr><td>x</td></tr></table>'
    assert errors(check(page(byline=markup))) == []


@pytest.mark.parametrize(
    ("markup", "found"),
    [
        ("<p>a<table><tr><td>b</td></tr></table>", True),
        ("<p>a</p><!-- note --><table><tr><td>b</td></tr></table>", True),
        ("<div>a</div><table><tr><td>b</td></tr></table>", False),
        ("<table><tr><td>b</td></tr></table><p>a</p>", False),
        ("<p>a</p>" * 500, False),
    ],
)
def test_a_table_after_a_paragraph_is_found_as_the_xpath_of_each_paragraph_finds_it(markup: str, found: bool) -> None:
    from lxml import etree

    from compliance.document.html import _table_after_paragraph

    root = etree.fromstring(f"<html><body>{markup}</body></html>", etree.HTMLParser())
    assert _table_after_paragraph(root) is found
    assert bool(root.xpath("boolean(//p/following-sibling::*[1][self::table])")) is found


def test_a_pixel_written_after_the_end_of_the_document_is_on_the_page() -> None:
    # A CMS plugin that prints ProPublica's pixel after `</html>`: a browser runs it; libxml2
    # alone would drop it and the check would call it missing.
    from compliance.engine import check_bytes
    from compliance.loading import load_packs
    from tests.conftest import ROOT

    source = (ROOT / "samples" / "propublica" / "compliant-wordpress.html").read_text(encoding="utf-8")
    (pixel,) = [line for line in source.splitlines() if "pixel.propublica.org/pixel.js" in line]
    moved = source.replace(pixel + "\n", "", 1).replace("</html>", "</html>\n" + pixel.strip())
    report = check_bytes(moved.encode(), "html", load_packs(), path="after-html.html")
    assert report.packs == ("propublica",)
    assert [f.rule for f in report.findings] == []
    assert "propublica/pixel" in {p.rule for p in report.passed}


@pytest.mark.parametrize("after", ["<style>.byline{display:none}</style>", "<!-- cache -->\n<!--x--><style>.byline{display:none}</style>"])
def test_a_stylesheet_written_after_the_end_of_the_document_applies(after: str) -> None:
    # A comment after `</html>` ends at its own `-->`: what follows it is read into the page.
    assert errors(check(page(byline=BARE_BYLINE) + after.encode())) == ["dcnf/byline"]


def test_only_white_space_and_comments_after_the_end_of_the_document_leave_it_as_written() -> None:
    from compliance.document import html

    data = page(byline=BARE_BYLINE) + b"\n<!-- generated in 0.5 s -->\n<!-- unterminated"
    root, parser = html._parse_payload(data)
    assert nesting.reads_past_document_end(root, data, [e.message for e in parser.error_log]) is False
    assert errors(check(data)) == []


def framed_page(before_body: str, byline: str = "{}") -> bytes:
    """The DCNF page with markup written between its `</head>` and `<body>` tags, and around its
    byline (`byline`, with `{}` where the byline is)."""
    data = page(byline=byline.format(BARE_BYLINE))
    return data.replace(b"</head><body>", f"</head>{before_body}<body>".encode(), 1)


# A `<frameset>` start tag before anything that makes a body makes a frameset document: a
# browser drops the body, and nothing of the article shows (True); one in raw text, in SVG or
# a template, or after the body's text, an image or the `<body>` tag is ignored, with its end tag,
# and hides nothing (False). (before the body, around the byline) → hidden.
FRAMESET_DOCUMENTS = {
    "a frameset before the body": ("<frameset></frameset>", "{}", True),
    "frames before the body, in capitals": ('<FRAMESET cols="50%,50%"><FRAME src="/a"><frame src="/b"></FRAMESET>', "{}", True),
    "a frameset with content for browsers without frames": ("<frameset><frame src=/a><noframes><p>No frames</p></noframes></frameset>", "{}", True),
    "a frameset in a body with no text yet": ("<div>\n<!-- menu --><span>&#32;<frameset></frameset></span></div>", "{}", True),
    "a frameset after a hidden input and a script": ('<input type="hidden" name="t"><script>var a = "<p>x";</script><frameset></frameset>', "{}", True),
    "a frameset in noframes": ("<div><noframes><frameset></frameset></noframes></div>", "{}", False),
    "a frameset in a comment": ("<!-- <frameset></frameset> -->", "{}", False),
    "a frameset after the body's text": ("<div>Menu<frameset></frameset></div>", "{}", False),
    "a frameset after a no-break space": ("<div>&nbsp;<frameset></frameset></div>", "{}", False),
    "a frameset after an image": ('<img src="/x.png" alt=""><frameset></frameset>', "{}", False),
    "a frameset after a text input": ('<input type="text" name="q"><frameset></frameset>', "{}", False),
    "a frameset in the body": ("", "<frameset></frameset>{}", False),
    "a hidden frameset in the body, around the byline": ("", '<frameset style="display:none"><frame src="/a">{}</frameset>', False),
    "a frameset in svg": ("<svg><frameset></frameset></svg>", "{}", False),
    "a frameset in a template": ("<div><template><frameset></frameset></template></div>", "{}", False),
}


@pytest.mark.parametrize("case", sorted(FRAMESET_DOCUMENTS))
def test_nothing_of_the_body_of_a_frameset_document_is_seen(case: str) -> None:
    before_body, byline, hidden = FRAMESET_DOCUMENTS[case]
    assert errors(check(framed_page(before_body, byline))) == (["dcnf/byline", "dcnf/logo"] if hidden else [])


def test_a_frameset_document_holds_its_head_and_frames_only() -> None:
    root = parse_document(b"<!doctype html><title>t</title><div><frameset>x<frame><p>y</p><noframes>z</noframes></frameset><body><p>w", "html").root
    assert [element.tag for element in root.iter() if isinstance(element.tag, str)] == ["html", "head", "title", "frameset", "frame", "noframes"]
    assert not nesting.is_frameset_document("<p>a <frameset>") and nesting.is_frameset_document("<p> <frameset>")


def test_mathml_nested_thousands_deep_is_read_without_recursion() -> None:
    # Each <math> in a token element is read in the walk of the outermost one, and each element is
    # looked at once for what ends its <svg> or <math>.
    deep = "<math><mi>x" * 3000 + BARE_BYLINE
    assert errors(check(page(byline=deep))) == []
    root = parse_document(b"<!doctype html><body>" + b"<math><mi><svg><g>x" * 600 + b"<p id=p>y</p>", "html").root
    assert len(root.xpath("//*[@id='p']")) == 1


# html5lib-tests, tree-construction/tests21.dat and tests10.dat: a CDATA section is text in `<svg>`
# and `<math>`, a comment in HTML content (`[CDATA[…]]`) and after the `<svg>` has ended.
CDATA_TREES = {
    "<svg><![CDATA[foo]]>": ("svg", "foo"),
    "<math><![CDATA[foo]]>": ("math", "foo"),
    "<svg><![CDATA[</svg><p id=x>]]></svg>": ("svg", "</svg><p id=x>"),
    "<svg><g><![CDATA[a&b<c]]></g></svg>": ("g", "a&b<c"),
    "<svg><![CDATA[foo": ("svg", "foo"),
}


@pytest.mark.parametrize("markup", sorted(CDATA_TREES))
def test_a_cdata_section_in_foreign_content_is_its_text(markup: str) -> None:
    root = parse_document(f"<!doctype html><body>{markup}".encode(), "html").root
    tag, text = CDATA_TREES[markup]
    assert [(element.text, len(element)) for element in root.iter(tag)] == [(text, 0)]
    assert root.find(".//p") is None


@pytest.mark.parametrize("markup", ["<div><![CDATA[foo]]></div>", "<svg></svg><![CDATA[foo]]>"])
def test_a_cdata_section_in_html_content_is_a_comment(markup: str) -> None:
    root = parse_document(f"<!doctype html><body>{markup}".encode(), "html").root
    assert [comment.text for comment in root.iter(etree.Comment)] == ["[CDATA[foo]]"]


def test_a_cdata_section_in_an_svg_style_is_its_sheet() -> None:
    rewritten = nesting.foreign_cdata_as_text("<svg><style><![CDATA[a>b{}]]></style><![CDATA[<q>]]></svg>")
    assert rewritten == "<svg><style>a>b{}</style>&lt;q&gt;</svg>"

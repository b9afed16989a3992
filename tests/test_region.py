"""The article region on real page shapes: which element holds the story, whatever the layout
around it (a blog's comment thread, layout classes on `<body>`, a page-wide schema.org type, a
body without paragraphs, a publisher's prefixed body class)."""

from __future__ import annotations

import pytest

from compliance.document import Document, parse_html

HEADLINE = "Reservoir levels fall to a ten-year low as the dry season starts early"
STORY = (
    "Water managers said on Monday that the county's three reservoirs hold less than half of their capacity.",
    "The early start of the dry season left the catchments without the spring rain they usually get.",
    "Farmers in the valley have been asked to cut irrigation by a fifth until the autumn.",
)
LONG_COMMENT = " ".join(["I have lived here for forty years and never seen the lake this low, and nobody listens."] * 6)


def region(source: str) -> Document:
    return parse_html(source.encode("utf-8"))


def article_texts(doc: Document) -> list[str]:
    return [b.text for b in doc.article_blocks]


def story_paragraphs() -> str:
    return "".join(f"<p>{p}</p>" for p in STORY)


@pytest.mark.parametrize(
    "thread",
    [
        # WordPress: each comment is an <article> with its own .entry-content
        f'<section id="comments"><ol class="comment-list"><li><article class="comment"><div class="entry-content"><p>{LONG_COMMENT}</p>'
        f"<p>{LONG_COMMENT}</p></div></article></li></ol></section>",
        # a comment form and thread known only by their id
        f'<div id="respond"><p>{LONG_COMMENT}</p><p>{LONG_COMMENT}</p><p>{LONG_COMMENT}</p></div>',
        # Disqus-style container
        f'<div id="disqus_thread"><div class="post-content"><p>{LONG_COMMENT}</p><p>{LONG_COMMENT}</p></div></div>',
    ],
)
def test_a_longer_comment_thread_is_never_the_article(thread: str) -> None:
    doc = region(f"""<html><body><main><div class="post"><h1>{HEADLINE}</h1><div class="text">{story_paragraphs()}</div></div>{thread}</main></body></html>""")
    assert article_texts(doc)[-3:] == list(STORY)
    assert not any("forty years" in text for text in article_texts(doc))


def test_commentary_is_a_word_not_a_comment_section() -> None:
    doc = region(f"""<html><body><div class="commentary"><div class="entry-content"><h1>{HEADLINE}</h1>{story_paragraphs()}</div></div></body></html>""")
    assert article_texts(doc) == [HEADLINE, *STORY]


@pytest.mark.parametrize("layout", ["sidebar-primary", "has-sidebar widget-area", "menu-open"])
def test_layout_classes_around_the_article_do_not_make_it_chrome(layout: str) -> None:
    doc = region(
        f"""<html><body class="{layout}"><div class="wrap"><article class="post"><h1>{HEADLINE}</h1>{story_paragraphs()}</article>"""
        f"""<aside class="sidebar"><p>Most read this week</p></aside></div></body></html>"""
    )
    assert article_texts(doc) == [HEADLINE, *STORY]
    assert [b.text for b in doc.blocks if not b.in_article] == ["Most read this week"]


def test_a_page_wide_article_type_on_body_gives_way_to_the_post_item() -> None:
    doc = region(
        f"""<html><body itemscope itemtype="http://schema.org/Article"><div class="widget Blog">"""
        f"""<div class="post hentry" itemscope itemtype="http://schema.org/BlogPosting"><h3 class="post-title">{HEADLINE}</h3>"""
        f"""<div class="post-body entry-content">{story_paragraphs()}</div></div>"""
        f"""<div class="blog-pager"><p>Older posts: the council meeting, the bridge, the fair</p></div></div>"""
        f"""<div class="footer"><p>Powered by a blogging platform</p></div></body></html>"""
    )
    assert doc.article_root.get("itemtype") == "http://schema.org/BlogPosting"
    assert article_texts(doc) == [HEADLINE, *STORY]


def test_a_body_written_in_lines_without_paragraphs_is_found() -> None:
    lines = "<br>".join(STORY)
    doc = region(
        f"""<html><body><div class="sidebar-box"><p>Archive</p><p>Links to other blogs</p></div>"""
        f"""<div class="outer"><h3>{HEADLINE}</h3><div class="post-body entry-content">{lines}</div></div></body></html>"""
    )
    assert doc.article_root.get("class") in ("outer", "post-body entry-content")
    assert "\n".join(STORY) in "\n".join(article_texts(doc))
    assert "Archive" not in article_texts(doc)


def test_a_publishers_prefixed_body_class_is_a_body_container() -> None:
    doc = region(
        f"""<html><body><div class="cms-page"><div class="promo"><p>{LONG_COMMENT}</p><p>{LONG_COMMENT}</p></div>"""
        f"""<div class="ledger-article-body">{story_paragraphs()}</div></div></body></html>"""
    )
    assert doc.article_root.get("class") == "ledger-article-body"
    assert article_texts(doc) == list(STORY)


def test_teaser_articles_in_a_list_are_not_the_story() -> None:
    teasers = "".join(f"<li><article><h3>Earlier: story {n}</h3><p>The council met again on {n} June.</p></article></li>" for n in range(3))
    story = f"""<div class="story"><h1>{HEADLINE}</h1>{story_paragraphs()}</div>"""
    doc = region(f"""<html><body><div class="page">{story}<ol class="latest">{teasers}</ol></div></body></html>""")
    assert doc.article_root.get("class") == "story"
    assert article_texts(doc) == [HEADLINE, *STORY]


def test_of_two_blocks_of_paragraphs_with_as_much_text_the_first_is_the_article_on_every_run() -> None:
    # A section front without article markup: two story columns of equal length. Elements in a set
    # iterate in memory order, so a set once made the choice change from run to run.
    first = "".join(f"<p>{p}</p>" for p in STORY)
    second = "".join(f"<p>{p.upper()}</p>" for p in STORY)
    page = f"<html><body><div class='a'>{first}</div><div class='b'>{second}</div></body></html>"
    for _ in range(20):
        doc = region(page)
        assert doc.article_root is not None and doc.article_root.get("class") == "a"
        assert article_texts(doc) == list(STORY)

"""`same-id`, and The Conversation's counter for another article: the counter's address carries
the id of the article it counts, and the page's link back to the original carries the id of the
article republished (the number that ends its address). A counter pasted from another article's
republish HTML is reported (the-conversation/counter-article); this article's counter passes,
whichever link names the original, and a page with nothing to compare applies no such rule."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.document import parse_document
from compliance.engine import check_document
from compliance.errors import PackError
from compliance.packs import load_pack
from tests.conftest import write
from tests.test_check_kinds import pack_around

ID = "228114"
OTHER = "197402"
STORY = f"https://theconversation.com/why-honeybees-dance-for-their-sisters-{ID}"

PAGE = """<html><head><meta charset="utf-8"><title>Why honeybees dance</title>{head}</head><body><article>
<h1>Why honeybees dance for their sisters</h1>
<p class="byline">Jane Doe, University of Vermont</p>
<p>Honeybees dance to tell their sisters where the flowers are, as researchers have long known.</p>
<p>A forager's waggle run points the way and its length says how far the patch lies from the hive.</p>
{body}
{credit}
{counter}
</article></body></html>"""

FOOTER = (
    '<p>This article is republished from <a href="https://theconversation.com">The Conversation</a> under a Creative Commons'
    ' license. Read the <a href="{url}">original article</a>.</p>'
)


def counter(article_id: str, tag: str = "img") -> str:
    src = f"https://counter.theconversation.com/content/{article_id}/count.gif?distributor=republish-lightbox-basic"
    end = "" if tag == "img" else f"</{tag}>"
    return f'<{tag} src="{src}" alt="The Conversation" width="1" height="1">{end}'


def _checked(
    cli: Any, tmp_path: Path, *, head: str = "", body: str = "", credit: str = FOOTER.format(url=STORY), counter_html: str = "", kind: str = "html"
) -> dict[str, Any]:
    page = write(tmp_path, f"story.{kind}", PAGE.format(head=head, body=body, credit=credit, counter=counter_html))
    (entry,) = cli("check", "--format", "json", str(page)).json()["files"]
    return entry  # type: ignore[no-any-return]


def _verdict(entry: dict[str, Any]) -> str | None:
    """The rule's verdict: "failed", "passed", or None when it was not applied."""
    assert entry["packs"] == ["the-conversation"]
    if any(f["rule"] == "the-conversation/counter-article" for f in entry["findings"]):
        return "failed"
    if any(p["rule"] == "the-conversation/counter-article" for p in entry.get("passed", ())):
        return "passed"
    return None


@pytest.mark.parametrize(
    ("head", "credit", "counter_html"),
    [
        # The republish HTML's "original article" link, and the AMP page's counter.
        ("", FOOTER.format(url=STORY), counter(ID)),
        ("", FOOTER.format(url=STORY), counter(ID, "amp-img")),
        ("", FOOTER.format(url=STORY), counter(ID, "amp-pixel")),
        # An edition's address, with tracking parameters.
        ("", FOOTER.format(url=f"https://theconversation.com/uk/why-honeybees-dance-for-their-sisters-{ID}?utm_source=x"), counter(ID)),
        # No footer link: the canonical link, or a syndication-source, names the original.
        (f'<link rel="canonical" href="{STORY}">', "<p>This article is republished from The Conversation under a Creative Commons license.</p>", counter(ID)),
        (f'<meta name="syndication-source" content="{STORY}">', "<p>This article is republished from The Conversation.</p>", counter(ID)),
        # A credit line in another language linking the story by the publisher's name.
        ("", f'<p>Este artículo fue publicado originalmente en <a href="{STORY}">The Conversation</a>.</p>', counter(ID)),
        # The address of the original with a fragment.
        ("", FOOTER.format(url=STORY + "#comments"), counter(ID)),
        # A paragraph of the story links another article as "the original study": the canonical
        # link names the original.
        (
            f'<link rel="canonical" href="{STORY}">',
            "<p>The dance was decoded decades ago, and a team at a field station in the Alps went back to check the"
            f' <a href="https://theconversation.com/bees-can-count-to-four-{OTHER}">original study</a> with cameras, finding that'
            " foragers vary the length of each waggle run with the distance to the flowers in a way that matches it.</p>"
            "<p>This article is republished from The Conversation under a Creative Commons license.</p>",
            counter(ID),
        ),
        # Two counters, one for this article (a template's leftover beside the right one).
        ("", FOOTER.format(url=STORY), counter(OTHER) + counter(ID)),
    ],
)
def test_the_counter_for_the_article_linked_back_to_passes(cli: Any, tmp_path: Path, head: str, credit: str, counter_html: str) -> None:
    assert _verdict(_checked(cli, tmp_path, head=head, credit=credit, counter_html=counter_html)) == "passed"


@pytest.mark.parametrize(
    ("head", "credit", "counter_html"),
    [
        ("", FOOTER.format(url=STORY), counter(OTHER)),
        ("", FOOTER.format(url=STORY), counter(OTHER, "amp-img")),
        (
            f'<link rel="canonical" href="{STORY}">',
            "<p>This article is republished from The Conversation under a Creative Commons license.</p>",
            counter(OTHER),
        ),
        # An id that only begins or ends like the article's is another article's.
        ("", FOOTER.format(url=STORY), counter(ID + "7")),
        ("", FOOTER.format(url=STORY), counter(ID[1:])),
    ],
)
def test_a_counter_for_another_article_is_reported_with_both_ids(cli: Any, tmp_path: Path, head: str, credit: str, counter_html: str) -> None:
    entry = _checked(cli, tmp_path, head=head, credit=credit, counter_html=counter_html)
    assert _verdict(entry) == "failed"
    (finding,) = [f for f in entry["findings"] if f["rule"] == "the-conversation/counter-article"]
    assert finding["severity"] == "error"
    assert f"carries id {ID}" in finding["message"]
    assert "the counter carries id" in finding["message"] and f"the counter carries id {ID} " not in finding["message"]


def test_a_counter_only_in_noscript_for_this_article_passes_the_ids_and_is_reported_once(cli: Any, tmp_path: Path) -> None:
    # The counter is this article's: only the presence rule says it loads for no reader with
    # JavaScript on; the rule on the ids has nothing to add.
    entry = _checked(cli, tmp_path, counter_html=f"<noscript>{counter(ID)}</noscript>")
    assert _verdict(entry) == "passed"
    assert [(f["rule"], f["severity"]) for f in entry["findings"]] == [("the-conversation/counter", "warning")]
    assert "only in <noscript>" in entry["findings"][0]["detail"]


def test_without_the_original_the_message_does_not_say_which_of_counter_and_link_is_wrong(cli: Any, tmp_path: Path) -> None:
    # The link back may be the pasted one as well as the counter: the finding names both ids and
    # tells the editor to find which is this story's.
    entry = _checked(cli, tmp_path, counter_html=counter(OTHER))
    (finding,) = [f for f in entry["findings"] if f["rule"] == "the-conversation/counter-article"]
    assert finding["message"].startswith("The Conversation's page view counter and the original article's address carry different article ids:")
    assert "Find which of the two is this story's" in finding["help"]


@pytest.mark.parametrize(
    ("body", "credit", "counter_html"),
    [
        # No link back to the original: nothing to compare (the-conversation/link reports it).
        ("", "<p>This article is republished from The Conversation under a Creative Commons license.</p>", counter(OTHER)),
        # The story links another Conversation article in its text: not the original.
        (
            f'<p>Bees also <a href="https://theconversation.com/bees-can-count-to-four-{OTHER}">count to four</a>, a study found.</p>',
            "<p>This article is republished from The Conversation under a Creative Commons license.</p>",
            counter(OTHER),
        ),
        # No counter (the-conversation/counter reports it), or only the script hook, which carries no id.
        ("", FOOTER.format(url=STORY), ""),
        (
            "",
            FOOTER.format(url=STORY),
            '<script id="theconversation_tracker_hook" src="https://theconversation.com/javascripts/lib/content_tracker_hook.js" async></script>',
        ),
    ],
)
def test_nothing_to_compare_applies_no_counter_article_rule(cli: Any, tmp_path: Path, body: str, credit: str, counter_html: str) -> None:
    assert _verdict(_checked(cli, tmp_path, body=body, credit=credit, counter_html=counter_html)) is None


def test_a_print_copy_is_not_held_to_the_counter(cli: Any, tmp_path: Path) -> None:
    text = (
        "Why honeybees dance\n\nJane Doe, University of Vermont\n\nHoneybees dance.\n\n"
        f"This article is republished from The Conversation under a Creative Commons license. Read the original article: {STORY}\n"
    )
    page = write(tmp_path, "story.txt", text)
    (entry,) = cli("check", "--format", "json", str(page)).json()["files"]
    assert not any(f["rule"] == "the-conversation/counter-article" for f in entry["findings"])


# -- the check kind ---------------------------------------------------------------------------

_KIND = """same-id:
  a: {element: {selector: 'img', attributes: {src: '^https://px\\.example\\.org/'}, visible: any}}
  a-id: '/c/(\\d+)\\.gif'
  b: {link: {href: '^https://example\\.org/story-\\d+', source: any, visible: any, scope: page}}
  b-id: 'story-(\\d+)'
"""


def _kind_findings(html: str, check: str = _KIND) -> list[Any]:
    pack = load_pack(pack_around(check), "same-id.yaml")
    return list(check_document(parse_document(html.encode(), "html"), [pack], path="s.html", auto_detect=False).findings)


@pytest.mark.parametrize(
    ("html", "failed", "detail"),
    [
        ('<article><p>Text.</p><a href="https://example.org/story-12">Story</a><img src="https://px.example.org/c/12.gif"></article>', False, ""),
        ('<article><p>Text.</p><a href="https://example.org/story-12">Story</a><img src="https://px.example.org/c/13.gif"></article>', True, "carries id 13"),
        # Either missing: the check says which (a rule's `when` keeps it to pages with both).
        ('<article><p>Text.</p><img src="https://px.example.org/c/13.gif"></article>', True, "no link"),
        ('<article><p>Text.</p><a href="https://example.org/story-12">Story</a></article>', True, "no "),
        # An address whose pattern finds no id: nothing carries one.
        (
            '<article><p>Text.</p><a href="https://example.org/story-12">Story</a><img src="https://px.example.org/c/x.gif"></article>',
            True,
            "no id in the address of",
        ),
    ],
)
def test_the_kind_compares_the_ids_of_both_things(html: str, failed: bool, detail: str) -> None:
    findings = _kind_findings(html)
    assert bool(findings) is failed
    if failed:
        assert detail in findings[0].detail


def test_an_id_pattern_without_a_group_is_refused_when_the_pack_loads() -> None:
    with pytest.raises(PackError, match="each need a group"):
        load_pack(pack_around(_KIND.replace("'/c/(\\d+)\\.gif'", "'/c/\\d+\\.gif'")), "same-id.yaml")


MARKDOWN = """# Why honeybees dance for their sisters

Jane Doe, *University of Vermont*

Honeybees dance to tell their sisters where the flowers are, as researchers have long known.

This article is republished from [The Conversation](https://theconversation.com) under a Creative Commons license. Read the [original article]({story}).

{counter}
"""


@pytest.mark.parametrize(
    ("counter_markdown", "verdict"),
    [
        (f"![](https://counter.theconversation.com/content/{ID}/count.gif?distributor=republish-lightbox-basic)", "passed"),
        (counter(ID), "passed"),
        (f"![The Conversation](https://counter.theconversation.com/content/{OTHER}/count.gif)", "failed"),
        (counter(OTHER), "failed"),
    ],
)
def test_a_markdown_copys_counter_is_read_as_an_image_or_raw_html(cli: Any, tmp_path: Path, counter_markdown: str, verdict: str) -> None:
    # A Markdown image has no markup element: the id is read from the image's address all the same.
    page = write(tmp_path, "story.md", MARKDOWN.format(story=STORY, counter=counter_markdown))
    (entry,) = cli("check", "--format", "json", str(page)).json()["files"]
    assert _verdict(entry) == verdict


# -- a lazy-loaded counter: its id is read from the address it loads ----------------------------

PLACEHOLDER = "data:image/gif;base64,R0lGODlhAQABAAAAACw="


def lazy_counter(article_id: str, attribute: str, placeholder: str = PLACEHOLDER) -> str:
    src = f"https://counter.theconversation.com/content/{article_id}/count.gif?distributor=republish-lightbox-basic"
    return f'<img src="{placeholder}" {attribute}="{src}" class="lazyload" alt="The Conversation" width="1" height="1">'


@pytest.mark.parametrize("attribute", ["data-src", "data-lazy-src", "data-original"])
def test_a_lazy_loaded_counter_is_compared_by_the_address_it_loads(cli: Any, tmp_path: Path, attribute: str) -> None:
    loader = '<script src="/js/lazysizes.min.js" async></script>'  # the page's lazy-loader
    assert _verdict(_checked(cli, tmp_path, head=loader, counter_html=lazy_counter(ID, attribute))) == "passed"
    # A placeholder of the site's own (not a data: URL) is passed over as well.
    assert _verdict(_checked(cli, tmp_path, head=loader, counter_html=lazy_counter(ID, attribute, "/wp-content/blank.gif"))) == "passed"
    entry = _checked(cli, tmp_path, head=loader, counter_html=lazy_counter(OTHER, attribute))
    (finding,) = [f for f in entry["findings"] if f["rule"] == "the-conversation/counter-article"]
    assert f"the counter carries id {OTHER}" in finding["message"] and f"carries id {ID}" in finding["message"]
    # Placed at the counter, not at the article's start.
    assert finding["line"] == PAGE.splitlines().index("{counter}") + 1


def test_a_lazy_loaded_counter_in_srcset_is_compared_too(cli: Any, tmp_path: Path) -> None:
    src = f"https://counter.theconversation.com/content/{ID}/count.gif"
    counter_html = f'<img src="{PLACEHOLDER}" data-srcset="{src} 1x" alt="The Conversation" width="1" height="1">'
    loader = '<script src="/js/lazysizes.min.js" async></script>'  # the page's lazy-loader
    assert _verdict(_checked(cli, tmp_path, head=loader, counter_html=counter_html)) == "passed"


def test_an_address_without_an_id_is_named_and_placed_at_the_thing_found() -> None:
    html = '<article><p>Text.</p>\n<a href="https://example.org/story-12">Story</a>\n<img src="https://px.example.org/c/x.gif"></article>'
    (finding,) = _kind_findings(html)
    assert finding.detail.startswith("no id in the address of ") and "px.example.org/c/x.gif" in finding.detail
    assert "no the " not in finding.detail
    assert finding.location.line == 3


# -- with the original given: its own address names the article --------------------------------

HOME_CREDIT = '<p>This article is republished from <a href="https://theconversation.com">The Conversation</a> under a Creative Commons license.</p>'
ORIGINAL = """<html><head><meta charset="utf-8"><title>Why honeybees dance</title><link rel="canonical" href="{url}"></head>
<body><article><h1>Why honeybees dance for their sisters</h1><p class="byline">Jane Doe, University of Vermont</p>
<p>Honeybees dance to tell their sisters where the flowers are, as researchers have long known.</p>
<p>A forager's waggle run points the way and its length says how far the patch lies from the hive.</p>
</article></body></html>"""


def _checked_with_original(cli: Any, tmp_path: Path, *, counter_html: str, credit: str = HOME_CREDIT, url: str = STORY, via: str = "file") -> dict[str, Any]:
    page = write(tmp_path, "story.html", PAGE.format(head="", body="", credit=credit, counter=counter_html))
    if via == "file":
        original = write(tmp_path, "original.html", ORIGINAL.format(url=url))
        args = ["--original", str(original)]
    else:
        args = ["--meta", f"original_url={url}"]
    (entry,) = cli("check", "--format", "json", *args, str(page)).json()["files"]
    return entry  # type: ignore[no-any-return]


@pytest.mark.parametrize("via", ["file", "meta"])
def test_with_the_original_known_a_homepage_credit_is_no_escape(cli: Any, tmp_path: Path, via: str) -> None:
    entry = _checked_with_original(cli, tmp_path, counter_html=counter(OTHER), via=via)
    assert _verdict(entry) == "failed"
    (finding,) = [f for f in entry["findings"] if f["rule"] == "the-conversation/counter-article"]
    assert f"the counter carries id {OTHER}" in finding["message"]
    assert f"the original story's address carries id {ID}" in finding["message"]
    assert _verdict(_checked_with_original(cli, tmp_path, counter_html=counter(ID), via=via)) == "passed"


def test_the_originals_address_wins_over_a_link_to_another_story(cli: Any, tmp_path: Path) -> None:
    # The footer links another article (a template's leftover) and the counter matches that link:
    # the original's own address says which article is republished.
    other_story = f"https://theconversation.com/bees-can-count-to-four-{OTHER}"
    entry = _checked_with_original(cli, tmp_path, counter_html=counter(OTHER), credit=FOOTER.format(url=other_story))
    assert _verdict(entry) == "failed"
    assert _verdict(_checked_with_original(cli, tmp_path, counter_html=counter(ID), credit=FOOTER.format(url=other_story))) == "passed"


def test_an_original_whose_address_carries_no_id_leaves_the_page_link_to_decide(cli: Any, tmp_path: Path) -> None:
    # The original's canonical URL is a section page: no id; the page's own link decides.
    section = "https://theconversation.com/us/environment"
    assert _verdict(_checked_with_original(cli, tmp_path, counter_html=counter(ID), credit=FOOTER.format(url=STORY), url=section)) == "passed"
    assert _verdict(_checked_with_original(cli, tmp_path, counter_html=counter(OTHER), credit=FOOTER.format(url=STORY), url=section)) == "failed"
    # Nothing names the article: not compared, and the file says so.
    entry = _checked_with_original(cli, tmp_path, counter_html=counter(OTHER), url=section)
    assert _verdict(entry) is None
    assert any("counter-article" in str(notice) for notice in entry.get("notices", []))


def test_without_the_original_a_homepage_credit_is_named_in_the_not_compared_note(cli: Any, tmp_path: Path) -> None:
    page = write(tmp_path, "story.html", PAGE.format(head="", body="", credit=HOME_CREDIT, counter=counter(OTHER)))
    run = cli("check", str(page))
    assert "the-conversation/counter-article" in run.out.split("not compared:", 1)[1].splitlines()[0]

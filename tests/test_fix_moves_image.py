"""`syndcheck fix` moves an image a fix draws that the page already has in the wrong place (DCNF's
logo below the story, far from the byline it ties to the foundation): the block goes where the
template says, holding the page's own image tag as written (its address, size and class; or the
template's tag with the address the editor gives, which wins), and the old copy is taken out with
what holds it alone (a `<div>` holding nothing else too). A copy inside a paragraph of the story
stays, as does one whose taking out would fail another rule: the note says so."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

LOGO = "https://dailycallernewsfoundation.org/wp-content/uploads/2021/05/dcnf-logo.png"
ALT = "Daily Caller News Foundation logo"
GIVEN = "https://cdn.example/dcnf-logo.png"
STORY = [
    "The Department of Energy on Monday finalized efficiency standards for home water heaters.",
    "The standards require most new electric water heaters to use heat pump technology by 2029.",
    "Content created by The Daily Caller News Foundation is available without charge to any eligible news publisher.",
]
AMP_HEAD = (
    '<!doctype html><html ⚡ lang="en"><head><meta charset="utf-8"><title>Energy rule</title>'
    '<link rel="canonical" href="https://ridge.example/energy"><meta name="viewport" content="width=device-width">'
    '<script async src="https://cdn.ampproject.org/v0.js"></script></head><body>'
)

# Each page: (file name, text, the logo's line, what the fix writes before the byline, what it takes out).
PAGES = {
    "HTML, the image alone in the article": (
        "story.html",
        '<main><article><h1>DOE finalizes water heater rule</h1>\n<p class="byline">Nick Pope | Energy Reporter</p>\n'
        f"<p>{STORY[0]}</p>\n<p>{STORY[1]}</p>\n"
        f'<img src="{LOGO}" alt="{ALT}" width="150">\n'
        f"<p>{STORY[2]}</p>\n</article></main>\n",
        5,
        f'<p><img src="{LOGO}" alt="{ALT}" width="150"></p>',
        f"took out line 5, the <img> '{ALT}'",
    ),
    "HTML, the image in a paragraph of its own": (
        "story.html",
        "<article>\n<h1>DOE finalizes water heater rule</h1>\n<p>By Nick Pope</p>\n"
        f"<p>{STORY[0]}</p>\n<p><a href=\"https://dailycallernewsfoundation.org/\"><img src='/media/dcnf-logo.png' alt='DCNF logo'></a></p>\n"
        f"<p>{STORY[1]}</p>\n</article>\n",
        5,
        "<p><img src='/media/dcnf-logo.png' alt='DCNF logo'></p>",
        "took out line 5, the <p> of the image 'DCNF logo'",
    ),
    "Markdown": (
        "story.md",
        f"# DOE finalizes water heater rule\n\nNick Pope | Energy Reporter\n\n{STORY[0]}\n\n{STORY[1]}\n\n![{ALT}]({LOGO})\n\n{STORY[2]}\n",
        9,
        f"![{ALT}]({LOGO})",
        f"took out line 9, the image '{ALT}'",
    ),
    "AMP": (
        "story.html",
        f'{AMP_HEAD}\n<article><h1>DOE finalizes water heater rule</h1>\n<p class="byline">Nick Pope | Energy Reporter</p>\n'
        f"<p>{STORY[0]}</p>\n<p>{STORY[1]}</p>\n"
        f'<figure><amp-img src="{LOGO}" alt="{ALT}" width="300" height="60" layout="intrinsic"></amp-img></figure>\n'
        f"<p>{STORY[2]}</p>\n</article></body></html>\n",
        6,
        f'<p><amp-img src="{LOGO}" alt="{ALT}" width="300" height="60" layout="intrinsic"></amp-img></p>',
        f"took out line 6, the <figure> of the image '{ALT}'",
    ),
}


@pytest.mark.parametrize("case", sorted(PAGES))
def test_fix_moves_the_pages_own_logo_above_the_byline(cli: Any, tmp_path: Path, case: str) -> None:
    name, text, line, block, taken = PAGES[case]
    story = tmp_path / name
    story.write_text(text, encoding="utf-8")
    run = cli("fix", "--pack", "dcnf", str(story))
    assert "not fixed" not in run.err, run.err
    quoted = "'DCNF logo'" if "DCNF logo" in text else f"'{ALT}'"
    assert f"(moved the image {quoted} from line {line}, which is taken out)" in run.err
    assert f"{story}:{line}: would fix dcnf/affiliation: {taken} (moved before the byline)" in run.err
    written = cli("fix", "--write", "--pack", "dcnf", str(story))
    assert written.code == 0, written.err
    fixed = story.read_text(encoding="utf-8")
    # Once, where the template puts it: above the byline, and no longer below the story.
    assert fixed.count("dcnf-logo.png") == 1
    assert fixed.index(block) < fixed.index("Nick Pope") < fixed.index(STORY[0])
    assert cli("check", "--pack", "dcnf", str(story)).code == 0


def test_the_address_the_editor_gives_wins_and_the_old_copy_still_goes(cli: Any, tmp_path: Path) -> None:
    name, text, line, _, _ = PAGES["HTML, the image alone in the article"]
    story = tmp_path / name
    story.write_text(text, encoding="utf-8")
    run = cli("fix", "--write", "--pack", "dcnf", "--meta", f"logo-url={GIVEN}", str(story))
    assert run.code == 0, run.err
    assert f"(moved the image '{ALT}' from line {line}, which is taken out; written with the address given, not the page's)" in run.err
    fixed = story.read_text(encoding="utf-8")
    assert f'<p><img src="{GIVEN}" alt="{ALT}"></p>\n<p class="byline">' in fixed
    assert LOGO not in fixed


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        (
            "story.html",
            "<article>\n<h1>DOE rule</h1>\n<p>Nick Pope | Energy Reporter</p>\n"
            f'<p>{STORY[0]}</p>\n<p>A spokesperson objected. <img src="{LOGO}" alt="{ALT}"> The rule stands.</p>\n</article>\n',
            5,
        ),
        ("story.md", f"# DOE rule\n\nNick Pope | Energy Reporter\n\n{STORY[0]}\n\nA spokesperson objected.\n![{ALT}]({LOGO})\nThe rule stands.\n", 8),
    ],
)
def test_a_logo_in_a_paragraph_of_the_story_is_copied_and_the_old_one_left_to_the_editor(cli: Any, tmp_path: Path, name: str, text: str, line: int) -> None:
    story = tmp_path / name
    story.write_text(text, encoding="utf-8")
    run = cli("fix", "--write", "--pack", "dcnf", str(story))
    assert run.code == 0, run.err
    assert f"the image '{ALT}' at line {line}, inside a paragraph of the story, can go: take it out of that paragraph by hand, keeping the text" in run.err
    fixed = story.read_text(encoding="utf-8")
    # The story's text is all there; the logo is there twice until the editor takes one out.
    assert "A spokesperson objected." in fixed and "The rule stands." in fixed
    assert fixed.count(LOGO) == 2 and fixed.index(LOGO) < fixed.index("Nick Pope")


# A pack whose logo must also close the story: moving it from there would fail that rule.
GAZETTE = """\
id: gazette
name: Example Gazette
publisher: Example Gazette
terms_url: https://gazette.example/republish
as_of: 2024-06-01
summary: The Gazette's logo above the byline, and its logo closing the story.
rules:
  - id: gazette/logo-at-end
    severity: error
    message: The Gazette's logo does not close the story.
    help: Put the Gazette's logo at the end of the story.
    check:
      position:
        last: 1
        check:
          element: {selector: img, attributes: {alt: '^Example Gazette logo$'}}
  - id: gazette/logo-by-byline
    severity: error
    message: The Gazette's logo is not next to the byline.
    help: Put the Gazette's logo above the byline.
    check:
      near:
        a:
          element: {selector: img, attributes: {alt: '^Example Gazette logo$'}}
        b:
          byline: {}
        within-blocks: 1
    fix:
      insert: before
      where: byline
      template:
        html: '<p><img src="{logo}" alt="Example Gazette logo"></p>'
        markdown: '![Example Gazette logo]({logo})'
      values:
        logo: {original-image: '^Example Gazette logo$', meta: gazette-logo}
"""


def test_a_logo_another_rule_needs_where_it_is_stays_and_the_note_says_why(cli: Any, tmp_path: Path) -> None:
    pack = tmp_path / "gazette.yaml"
    pack.write_text(GAZETTE, encoding="utf-8")
    story = tmp_path / "story.html"
    story.write_text(
        "<article>\n<h1>Council passes budget</h1>\n<p>By Ana Ruiz</p>\n<p>The council approved the budget.</p>\n<p>It takes effect in July.</p>\n"
        '<p><img src="/gazette-logo.png" alt="Example Gazette logo"></p>\n</article>\n',
        encoding="utf-8",
    )
    assert cli("check", "--rules", str(pack), "--pack", "gazette", str(story)).code == 1
    run = cli("fix", "--write", "--rules", str(pack), "--pack", "gazette", str(story))
    assert run.code == 0, run.err
    assert "the image 'Example Gazette logo' at line 6 stays: taking it out would add a finding (gazette/logo-at-end)" in run.err
    fixed = story.read_text(encoding="utf-8")
    assert fixed.count('<p><img src="/gazette-logo.png" alt="Example Gazette logo"></p>') == 2


LAZY_TAG = (
    '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-lazy-src="{logo}" alt="{alt}" width="300" height="90"'
    ' class="wp-image-46102 lazyload{extra}" data-lazy-srcset="{logo} 300w">'
)


def wordpress_story(tag: str) -> str:
    """A WordPress story whose logo stands below the story in the editor's image block."""
    return (
        "<html><head><style>.was-hidden{display:none}</style></head><body><article>\n<h1>DOE finalizes water heater rule</h1>\n"
        f'<p class="byline">By Nick Pope</p>\n<p>{STORY[0]}</p>\n<p>{STORY[1]}</p>\n'
        f'<div class="wp-block-image"><figure class="aligncenter size-medium">{tag}</figure></div>\n'
        f"<p>{STORY[2]}</p>\n</article></body></html>\n"
    )


def test_the_moved_logo_keeps_its_own_tag_and_its_image_block_goes_with_it(cli: Any, tmp_path: Path) -> None:
    # Its size, class and lazy-load attributes as the page wrote them; the CMS's image block
    # (a <div> holding only its <figure>) is taken out whole, not left empty.
    tag = LAZY_TAG.format(logo=LOGO, alt=ALT, extra="")
    story = tmp_path / "story.html"
    story.write_text(wordpress_story(tag), encoding="utf-8")
    run = cli("fix", "--write", "--pack", "dcnf", str(story))
    assert run.code == 0, run.err
    assert f"took out line 6, the <div> of the image '{ALT}' (moved before the byline)" in run.err
    fixed = story.read_text(encoding="utf-8")
    assert f'<h1>DOE finalizes water heater rule</h1>\n<p>{tag}</p>\n<p class="byline">By Nick Pope</p>' in fixed
    assert "wp-block-image" not in fixed and "<figure" not in fixed and fixed.count("dcnf-logo.png") == 2  # src and srcset
    assert cli("check", "--pack", "dcnf", str(story)).code == 0


def test_a_hidden_logo_is_moved_as_the_templates_tag_not_as_its_own(cli: Any, tmp_path: Path) -> None:
    # Its own tag carries the class that hides it: moved so, it would still not show, so the
    # template's tag is written with the page's address.
    story = tmp_path / "story.html"
    story.write_text(wordpress_story(LAZY_TAG.format(logo=LOGO, alt=ALT, extra=" was-hidden")), encoding="utf-8")
    run = cli("fix", "--write", "--pack", "dcnf", str(story))
    assert run.code == 0, run.err
    fixed = story.read_text(encoding="utf-8")
    assert f'<h1>DOE finalizes water heater rule</h1>\n<p><img src="{LOGO}" alt="{ALT}"></p>\n' in fixed
    assert 'was-hidden"' not in fixed and "wp-block-image" not in fixed
    assert cli("check", "--pack", "dcnf", str(story)).code == 0

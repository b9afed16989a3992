"""A box that clips its one line of text hides the words past its edge: a line that does not wrap
cut off at the box's width, and a box one line high whose text surely wraps (`line_clip`). The
rows say, for the element `#it` of each page, whether its words are unseen, read as a lower bound
(every character at its narrowest); Chromium agrees with each (tests/test_browser.py)."""

from __future__ import annotations

import pytest

from compliance.document import parse_document
from compliance.engine import check_document
from tests.test_hiding_families import PACKS, byline_hidden, dcnf, findings

# The try-out's byline, cut off in a box 140px wide, its last word (`#it`) one no other text of the page holds.
NICK = "<p class=m><span class=by>By Nick Pope, Daily Caller News <b id=it>Service</b></span></p>"

# (the `<style>` rules, the markup of the article's byline) → whether the words of `#it` are unseen.
LINE_CLIP_ROWS: dict[tuple[str, str], bool] = {
    # A line that does not wrap, cut off at the box's width: the words that start past it.
    (".by{width:110px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}", "<p class=by>By Maria Lopez, Tribune Wire <b id=it>Service</b></p>"): True,
    (".by{width:100px;white-space:nowrap;overflow:hidden}", "<div class=by>By Maria Lopez <b>for the <span id=it>Springfield Ledger</span></b></div>"): True,
    (".by{max-width:13ch;white-space:nowrap;overflow:hidden}", "<p class=by>By Maria Lopez, Tribune <span id=it>Wire Service</span></p>"): True,
    (".by{width:8em;text-wrap-mode:nowrap;overflow-x:clip}", "<p class=by>Von Anna Schmidt, Rheinische <span id=it>Post</span></p>"): True,
    (".w{white-space:nowrap}.by{width:120px;overflow:hidden}", "<div class=w><p class=by>By Maria Lopez and Tom Reyes, <b id=it>Tribune</b></p></div>"): True,
    (".by{width:90px;white-space:pre;overflow:hidden;padding-right:4px}", "<p class=by>Por María López, <i id=it>Agencia EFE</i></p>"): True,
    # A font size inherited from a parent, in px, em, %, rem, a keyword or the `font` shorthand,
    # in a common face (the try-out's byline at 14px, where a condensed face would fit the last word).
    (".m{font-size:14px}.by{display:inline-block;max-width:140px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}", NICK): True,
    (".m{font-size:.875em}.by{display:inline-block;max-width:140px;white-space:nowrap;overflow:hidden}", NICK): True,
    (".m{font-size:87.5%}.by{display:inline-block;max-width:140px;white-space:nowrap;overflow:hidden}", NICK): True,
    ("html{font-size:14px}.by{display:inline-block;max-width:10rem;max-width:140px;white-space:nowrap;overflow:hidden}", NICK): True,
    (".m{font-size:small}.by{display:inline-block;max-width:140px;white-space:nowrap;overflow:hidden}", NICK): True,
    (".m{font:14px/1.4 Georgia,serif}.by{display:inline-block;max-width:140px;white-space:nowrap;overflow:hidden}", NICK): True,
    (".m{font:bold 14px Arial,Helvetica,sans-serif}.by{display:inline-block;max-width:140px;white-space:nowrap;overflow:hidden}", NICK): True,
    # At 12px too: its words start no closer than the narrowest common face draws them, with its kerning.
    (".m{font-size:12px}.by{display:inline-block;max-width:140px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}", NICK): True,
    (".m{font:italic 12px 'Times New Roman',serif}.by{display:inline-block;max-width:140px;white-space:nowrap;overflow:hidden}", NICK): True,
    # Capitals drawn as small letters are read as the narrower of the two.
    (".m{font-size:14px;text-transform:lowercase}.by{display:inline-block;max-width:140px;white-space:nowrap;overflow:hidden}", NICK): True,
    # A box one line high whose text surely wraps at its width: the words on a later line.
    (".by{width:120px;height:1.2em;overflow:hidden}", "<p class=by>By Maria Lopez, Tribune Wire <span id=it>Service</span></p>"): True,
    (".by{width:150px;max-height:1lh;overflow:hidden}", "<p class=by>By Maria Lopez and Tom Reyes of the <span id=it>Springfield Tribune</span></p>"): True,
    (".by{width:7em;line-height:20px;height:20px;overflow:clip}", "<div class=by>By Maria Lopez-Garcia, <b id=it>Tribune</b></div>"): True,
    # --- seen ---
    # Wide enough, or a word the edge cuts in two (part of it shows), or the line's first word.
    (".m{font-size:14px}.by{display:inline-block;max-width:300px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}", NICK): False,
    # A keyword's size is Chromium's (`x-small`: 10px), not the 16px of `medium`.
    (".m{font-size:x-small}.by{display:inline-block;max-width:170px;white-space:nowrap;overflow:hidden}", NICK): False,
    (".by{width:700px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}", "<p class=by>By Maria Lopez, <span id=it>Tribune</span></p>"): False,
    (".by{width:10px;white-space:nowrap;overflow:hidden}", "<p class=by><span id=it>Maria</span> Lopez</p>"): False,
    (".by{width:60px;height:1.2em;overflow:hidden}", "<p class=by><span id=it>Bylines</span> here</p>"): False,
    # Nothing clipped across, the line wraps in a box of any height or two lines high, a `<br>` starts a line again.
    (".by{width:100px;white-space:nowrap}", "<p class=by>By Maria Lopez, Tribune <span id=it>Wire Service</span></p>"): False,
    (".by{width:100px;overflow:hidden}", "<p class=by>By Maria Lopez, Tribune <span id=it>Wire Service</span></p>"): False,
    (".by{width:120px;line-height:20px;max-height:40px;overflow:hidden}", "<p class=by>By Maria Lopez, <span id=it>Tribune</span></p>"): False,
    (".by{width:100px;white-space:nowrap;overflow:hidden}", "<p class=by>By Maria Lopez, Tribune Wire<br><span id=it>Service</span></p>"): False,
    # An inline box sizes nothing; the line laid out right to left overflows to the left.
    (".by{width:100px;white-space:nowrap;overflow:hidden}", "<p><span class=by>By Maria Lopez, Tribune <span id=it>Wire Service</span></span></p>"): False,
    (".by{width:100px;white-space:nowrap;overflow:hidden;direction:rtl}", "<p class=by>By Maria Lopez, Tribune <span id=it>Wire Service</span></p>"): False,
}

# Rows the checker reads as seen where Chromium hides them: a width not read (a percentage), a
# box on the line with a font size of its own, a rule only some screens meet; and, where the
# text may be drawn in a face narrower than the common ones (one the page names, a browser's
# smaller font of `<small>`), a font too small for the narrowest faces to leave the word out; and
# a font of 11px, where they may fit it.
LINE_CLIP_NOT_READ = [
    (".m{font-size:14px;font-family:'Liberation Sans Narrow'}.by{display:inline-block;max-width:140px;white-space:nowrap;overflow:hidden}", NICK),
    (".by{display:inline-block;max-width:140px;white-space:nowrap;overflow:hidden}", NICK.replace("<p class=m>", "<p><small>").replace("</p>", "</small></p>")),
    (".m{font-size:11px}.by{display:inline-block;max-width:140px;white-space:nowrap;overflow:hidden}", NICK),
    (".by{width:10%;white-space:nowrap;overflow:hidden}", "<p class=by>By Maria Lopez, Tribune <span id=it>Wire Service</span></p>"),
    (".by{width:100px;white-space:nowrap;overflow:hidden}", '<p class=by>By Maria Lopez, <small style="font-size:12px">Tribune <b id=it>Wire</b></small></p>'),
    ("@media (min-width:600px){.by{width:100px;white-space:nowrap;overflow:hidden}}", "<p class=by>By Maria Lopez, Tribune <b id=it>Wire</b></p>"),
]


def page(css: str, byline: str) -> bytes:
    """The DCNF article with this byline markup and these rules (in an `<article>`, as Chromium's rows are)."""
    return dcnf(head=f"<style>{css}</style>", byline=byline)


def unseen(css: str, byline: str) -> bool:
    """Whether the words of the element `#it` are missing from the text the checker reads as seen."""
    document = parse_document(page(css, byline), "html")
    (target,) = document.root.xpath("//*[@id='it']")
    words = " ".join("".join(target.itertext()).split())
    seen = " ".join(" ".join(block.text for block in document.blocks).split())
    return words not in seen


@pytest.mark.parametrize(("css", "byline"), list(LINE_CLIP_ROWS))
def test_a_box_clipping_its_one_line_hides_the_words_surely_past_its_edge(css: str, byline: str) -> None:
    assert unseen(css, byline) is LINE_CLIP_ROWS[(css, byline)]


@pytest.mark.parametrize(("css", "byline"), LINE_CLIP_NOT_READ)
def test_a_clipped_line_read_in_a_way_not_worked_out_stays_seen(css: str, byline: str) -> None:
    assert not unseen(css, byline)


@pytest.mark.parametrize(
    "css",
    [
        ".byline{width:110px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}",
        ".byline{max-width:13ch;white-space:nowrap;overflow:hidden}",
        # (At 120px "Daily" wraps too, and a byline with no affiliation seen takes the logo beside it.)
        ".byline{height:1.2em;overflow:hidden;width:150px}",
        ".t{white-space:nowrap} .byline{width:100px;overflow:hidden}",
    ],
)
def test_an_affiliation_cut_off_by_a_one_line_box_is_not_visible(css: str) -> None:
    byline = '<div class=t><p class="byline">By Jake Smith, Daily Caller News Foundation</p></div>'
    assert findings(page(css, byline), "dcnf", "dcnf/affiliation")
    assert not byline_hidden(page(css, byline))
    # Near misses: a box wide enough for the whole line, or no clip.
    wide = css.replace("110px", "900px").replace("13ch", "90ch").replace("150px", "900px").replace("100px", "900px")
    assert not findings(page(wide, byline), "dcnf", "dcnf/affiliation")
    assert not findings(page(css.replace("hidden", "visible"), byline), "dcnf", "dcnf/affiliation")


def test_a_name_cut_off_by_a_one_line_box_is_no_credit() -> None:
    css = ".byline{width:24px;white-space:nowrap;overflow:hidden}"
    assert byline_hidden(page(css, '<p class="byline">By Jake Smith, Daily Caller News Foundation</p>'))
    assert not byline_hidden(page(css.replace("24px", "400px"), '<p class="byline">By Jake Smith, Daily Caller News Foundation</p>'))


# The try-out's page: the byline's font size (14px) set on its parent, the affiliation cut off.
TRY_OUT_CSS = (
    ".meta{font-size:14px}.byline{display:inline-block;max-width:140px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;vertical-align:bottom}"
)
TRY_OUT_BYLINE = '<p class="meta"><span class="byline">By Nick Pope, Daily Caller News Foundation</span></p>'


def test_an_affiliation_cut_off_in_a_font_size_set_on_the_parent_is_reported_with_the_box_that_cuts_it() -> None:
    report = check_document(parse_document(page(TRY_OUT_CSS, TRY_OUT_BYLINE), "html"), [PACKS["dcnf"]], path="article.html", auto_detect=False)
    (finding,) = [finding for finding in report.findings if finding.rule == "dcnf/affiliation"]
    assert finding.detail is not None
    assert finding.detail.endswith('hidden (the `<span class="byline">` at line 3 cuts off the words that run past its width)')
    # Near misses: a box wide enough at 14px, or the words in a narrow face the page names.
    assert not findings(page(TRY_OUT_CSS.replace("140px", "320px"), TRY_OUT_BYLINE), "dcnf", "dcnf/affiliation")
    narrow = TRY_OUT_CSS.replace("font-size:14px", "font-size:14px;font-family:'Liberation Sans Narrow'")
    assert not findings(page(narrow, TRY_OUT_BYLINE), "dcnf", "dcnf/affiliation")


@pytest.mark.parametrize(
    ("css", "faces"),
    [
        ("", (True, False)),
        ("body{font-family:Georgia,'Times New Roman',serif}", (True, False)),
        ('body{font:14px/1.5 "Helvetica Neue",Arial,sans-serif}', (True, False)),
        (".by{font-family:inherit;text-transform:uppercase}", (True, False)),
        (".x{text-transform:lowercase}", (True, True)),
        # A narrow or loaded face, a monospaced one (13px where no size is set), a stretch or small capitals.
        ('.x{font-family:"Arial Narrow",sans-serif}', (False, False)),
        ("@font-face{font-family:Brand;src:url(b.woff2)} body{font-family:Brand,Arial}", (False, False)),
        ("@font-face{font-family:Arial;src:url(condensed.woff2)} body{font-family:Arial}", (False, False)),
        (".x{font-family:monospace}", (False, False)),
        (".x{font-family:var(--face)}", (False, False)),
        (".x{font-stretch:condensed}", (False, False)),
        (".x{font:italic small-caps 12px serif}", (False, False)),
        (".x{font-variation-settings:'wdth' 75}", (False, False)),
    ],
)
def test_the_common_faces_are_read_only_on_a_page_that_names_no_other(css: str, faces: tuple[bool, bool]) -> None:
    from compliance.document.line_clip import _page_faces

    assert _page_faces(css.lower()) == faces


def test_the_readme_example_of_an_inherited_font_size_is_judged_as_it_says() -> None:
    from tests.conftest import ROOT

    section = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split("## What a reader sees", 1)[1].split("\n## ", 1)[0].split())
    parent, box = ".meta{font-size:12px}", ".byline{display:inline-block;max-width:140px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}"
    byline = '<span class="byline">By Nick Pope, Daily Caller News Foundation</span>'
    assert all(f"`{example}`" in section for example in (parent, box, byline))
    assert 'the finding says "the `<span class="byline">` at line N cuts off the words that run past its width"' in section
    (detail,) = [
        finding.detail
        for finding in check_document(
            parse_document(page(parent + box, f'<p class="meta">{byline}</p>'), "html"), [PACKS["dcnf"]], path="article.html", auto_detect=False
        ).findings
        if finding.rule == "dcnf/affiliation"
    ]
    assert detail is not None
    assert detail.endswith('hidden (the `<span class="byline">` at line 3 cuts off the words that run past its width)')


def test_a_byline_cut_short_says_which_box_cuts_it() -> None:
    # The name itself is cut: the byline reads "By Nick", which names no reporter; the finding says why.
    head = "<style>.by{width:40px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}</style>"
    (message,) = findings(dcnf(head=head, byline="<p class=by>By Nick Pope, Daily Caller News Foundation</p>"), "dcnf", "dcnf/byline")
    assert message.endswith('; a reader sees no more of it: the `<p class="by">` at line 3 cuts off the words that run past its width).')
    # A byline no box cuts says nothing of the sort.
    (message,) = findings(dcnf(byline="<p>By Nick</p>"), "dcnf", "dcnf/byline")
    assert "cuts off" not in message

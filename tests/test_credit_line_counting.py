"""Credit lines counted once, wherever and however they are printed.

- Every wording a pack's credit rule accepts is a credit line for its "printed twice" rule too
  (States Newsroom: "Courtesy of <outlet>" after "This story first appeared in <outlet>" is the
  credit twice), one language at a time.
- A photo's caption or credit ("Courtesy of The 19th" in a `<figcaption>`) credits the photo, not
  the story, in every pack whose credit rule reads credit wording: it neither credits the story
  nor counts as a second credit line.
- A rule that holds because nothing visible matched says so in the failures' words when a copy
  is there but hidden ("…; the one at line 28 is hidden (it has the `hidden` attribute)"), not that there is none.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, write

SN = "tests/rule-fixtures/states-newsroom/compliant.html"
SN_STORY = "https://mainemorningstar.com/2024/02/21/maine-lawmakers-weigh-cap-on-ambulance-bills/"
SN_CREDIT = f'<p><em>This story first appeared in the <a href="{SN_STORY}">Maine Morning Star</a>.</em></p>'
SN_END = "</div>\n    </article>"
TT = "tests/rule-fixtures/texas-tribune/credit-line-only.html"
NINETEENTH = "tests/rule-fixtures/the-19th/compliant.html"
NINETEENTH_STORY = "https://19thnews.org/2024/03/home-health-aides-paid-sick-leave-organizing/"
GV = "tests/rule-fixtures/global-voices/compliant.html"
GV_ANCHOR = "<p>By mid-afternoon most of them work again."


def _entry(cli: Any, tmp_path: Path, base: str, pack: str, *changes: tuple[str, str]) -> dict[str, Any]:
    source = (ROOT / base).read_text(encoding="utf-8")
    for old, new in changes:
        assert source.count(old) == 1, old
        source = source.replace(old, new)
    story = write(tmp_path, "story.html", source)
    (entry,) = cli("check", "--pack", pack, "--format", "json", str(story)).json()["files"]
    return entry


def _failed(entry: dict[str, Any]) -> list[str]:
    return sorted(f["rule"] for f in entry["findings"])


def _passed(entry: dict[str, Any], rule: str) -> str:
    (evidence,) = [p["evidence"] for p in entry["passed"] if p["rule"] == rule]
    return str(evidence)


@pytest.mark.parametrize(
    ("second", "twice"),
    [
        ("<p>Courtesy of the Maine Morning Star.</p>", True),
        ("<p>Republished with permission from the Maine Morning Star.</p>", True),
        ("<p><strong>Source: Maine Morning Star</strong></p>", True),
        ("<p>This story was produced by the Maine Morning Star, a nonprofit newsroom.</p>", True),
        # One credit line per language: a Spanish version's own credit is no second English one…
        ("<p>Cortesía de Maine Morning Star.</p>", False),
        ("<p>Artículo publicado originalmente por el Maine Morning Star.</p>", False),
        # …and prose that names the outlet, or another outlet's credit, is no credit line.
        ("<p>The Maine Morning Star reported the closures last year.</p>", False),
        ("<p>Courtesy of the governor's office.</p>", False),
        ("<p>Source: Maine Morning Star analysis of state ambulance records.</p>", False),
    ],
)
def test_every_credit_wording_the_credit_rule_accepts_counts_for_credit_twice(cli: Any, tmp_path: Path, second: str, twice: bool) -> None:
    entry = _entry(cli, tmp_path, SN, "states-newsroom", (SN_END, second + SN_END))
    assert ("states-newsroom/credit-twice" in _failed(entry)) is twice


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("<p>Cortesía de Maine Morning Star.</p>", "<p>Esta historia apareció primero en Maine Morning Star.</p>"),
        ("<p>Fuente: Maine Morning Star</p>", "<p>Traducido y republicado con permiso de Maine Morning Star.</p>"),
    ],
)
def test_two_spanish_credit_lines_in_different_words_are_the_credit_twice(cli: Any, tmp_path: Path, first: str, second: str) -> None:
    entry = _entry(cli, tmp_path, SN, "states-newsroom", (SN_END, first + second + SN_END))
    (finding,) = [f for f in entry["findings"] if f["rule"] == "states-newsroom/credit-twice"]
    assert "Maine Morning Star" in finding["message"]


CAPTION = '<figure><img src="/uploads/photo.jpg" alt="A photo."><figcaption>{}</figcaption></figure>'


@pytest.mark.parametrize(
    "caption",
    [
        CAPTION.format("Courtesy of the Maine Morning Star"),
        CAPTION.format("Photo courtesy of the Maine Morning Star. This story first appeared in the Maine Morning Star."),
        '<div class="wp-caption"><img src="/p.jpg" alt=""><p class="wp-caption-text">Courtesy of Maine Morning Star</p></div>',
        '<p class="image-credit">Source: Maine Morning Star</p>',
        # A credit paragraph inside a photo's figure, without a caption element.
        '<figure><img src="/uploads/photo.jpg" alt=""><p>Courtesy of the Maine Morning Star</p></figure>',
        '<figure><picture><source srcset="/p.webp"><img src="/p.jpg" alt=""></picture><p>Source: Maine Morning Star</p></figure>',
    ],
)
def test_a_photo_caption_naming_a_states_newsroom_outlet_neither_credits_the_story_nor_counts_twice(cli: Any, tmp_path: Path, caption: str) -> None:
    # In place of the credit line, it is no credit…
    assert "states-newsroom/credit" in _failed(_entry(cli, tmp_path, SN, "states-newsroom", (SN_CREDIT, caption)))
    # …and beside it, no second one.
    assert "states-newsroom/credit-twice" not in _failed(_entry(cli, tmp_path, SN, "states-newsroom", (SN_END, caption + SN_END)))


@pytest.mark.parametrize(
    "line",
    [
        '<p class="story-credit">Courtesy of the Maine Morning Star.</p>',
        # A figure that holds a box of text (a partner's credit box) is no photo. (A quotation's,
        # `<figure><blockquote>`, is a quoted credit, no credit of the story: test_credit_forms_detected.)
        "<figure><aside><p>Courtesy of the Maine Morning Star.</p></aside></figure>",
        '<figure class="credit-box"><div><p>Courtesy of the Maine Morning Star.</p></div></figure>',
    ],
)
def test_a_credit_line_in_a_block_classed_as_a_credit_but_not_a_photo_s_still_credits(cli: Any, tmp_path: Path, line: str) -> None:
    entry = _entry(cli, tmp_path, SN, "states-newsroom", (SN_CREDIT, line))
    assert "states-newsroom/credit" not in _failed(entry)


@pytest.mark.parametrize(
    ("base", "pack", "credit", "rule"),
    [
        (NINETEENTH, "the-19th", f'<p><em>This article was originally published by <a href="{NINETEENTH_STORY}">The 19th</a>.</em></p>', "the-19th/credit"),
    ],
)
def test_a_photo_caption_crediting_the_19th_is_no_credit_of_the_story(cli: Any, tmp_path: Path, base: str, pack: str, credit: str, rule: str) -> None:
    caption = CAPTION.format("Photo courtesy of The 19th. Originally published by The 19th.")
    assert rule in _failed(_entry(cli, tmp_path, base, pack, (credit, caption)))
    assert f"{pack}/credit-twice" not in _failed(_entry(cli, tmp_path, base, pack, (credit, credit + caption)))


def test_a_global_voices_credit_in_a_caption_is_not_printed_twice(cli: Any, tmp_path: Path) -> None:
    caption = CAPTION.format("This photo originally appeared on Global Voices.")
    entry = _entry(cli, tmp_path, GV, "global-voices", (GV_ANCHOR, caption + GV_ANCHOR))
    assert "global-voices/credit-twice" not in _failed(entry)
    # A second credit line of the story's own still is.
    entry = _entry(cli, tmp_path, GV, "global-voices", (GV_ANCHOR, "<p>This story originally appeared on Global Voices.</p>" + GV_ANCHOR))
    assert "global-voices/credit-twice" in _failed(entry)


@pytest.mark.parametrize(
    ("hiding", "hidden_by"),
    [
        ('style="display:none"', "its `style` attribute sets `display: none`"),
        ("hidden", "it has the `hidden` attribute"),
        ('style="visibility: hidden"', "its `style` attribute sets `visibility: hidden`"),
        ("popover", "it is a popover (the `popover` attribute), not shown until a script or a button opens it"),
    ],
)
def test_a_hidden_credit_line_is_said_to_be_hidden_where_nothing_visible_matched(cli: Any, tmp_path: Path, hiding: str, hidden_by: str) -> None:
    entry = _entry(cli, tmp_path, SN, "states-newsroom", (SN_CREDIT, SN_CREDIT.replace("<p>", f"<p {hiding}>")))
    evidence = _passed(entry, "states-newsroom/credit-twice")
    assert "; the one at line 28 is hidden (it" in evidence  # the pass line is shortened; the detail says by what
    assert evidence.startswith("no credit line in English")
    (finding,) = [f for f in entry["findings"] if f["rule"] == "states-newsroom/credit"]
    assert finding["detail"].endswith(f"; the one at line 28 is hidden ({hidden_by})")


@pytest.mark.parametrize(
    ("helper", "hidden_by"),
    [
        ("screen-reader-text", "it has the class `screen-reader-text`, which sites use to keep text off the screen, for screen readers only"),
        ("lead d-none", "it has the class `d-none`, which sites use to keep text off the screen, to hide what has it"),
    ],
)
def test_a_credit_line_hidden_by_a_theme_class_names_the_class(cli: Any, tmp_path: Path, helper: str, hidden_by: str) -> None:
    # The theme's stylesheet, which hides these classes, is linked and not read (a saved page).
    theme = ("</head>", '<link rel="stylesheet" href="/wp-content/themes/newsroom/style.css"></head>')
    entry = _entry(cli, tmp_path, SN, "states-newsroom", theme, (SN_CREDIT, SN_CREDIT.replace("<p>", f'<p class="{helper}">')))
    (finding,) = [f for f in entry["findings"] if f["rule"] == "states-newsroom/credit"]
    assert finding["detail"].endswith(f"; the one at line 28 is hidden ({hidden_by})")


def test_a_credit_line_in_a_hidden_span_of_a_shown_paragraph_is_named_at_the_span(cli: Any, tmp_path: Path) -> None:
    # The span is inline: its text is part of the paragraph's block, which shows (its other words).
    theme = ("</head>", '<link rel="stylesheet" href="/wp-content/themes/newsroom/style.css"></head>')
    inline = SN_CREDIT.replace("<p>", '<p>Filed Tuesday.\n<span class="sr-only">', 1).replace("</p>", "</span></p>")
    entry = _entry(cli, tmp_path, SN, "states-newsroom", theme, (SN_CREDIT, inline))
    (finding,) = [f for f in entry["findings"] if f["rule"] == "states-newsroom/credit"]
    assert finding["detail"].endswith(
        "; the one at line 29 is hidden (it has the class `sr-only`, which sites use to keep text off the screen, for screen readers only)"
    )


def test_a_credit_line_folded_in_a_closed_details_is_said_to_be_folded(cli: Any, tmp_path: Path) -> None:
    folded = f"<details><summary>About this story</summary>{SN_CREDIT.strip()}</details>"
    entry = _entry(cli, tmp_path, SN, "states-newsroom", (SN_CREDIT, folded))
    (finding,) = [f for f in entry["findings"] if f["rule"] == "states-newsroom/credit"]
    assert finding["detail"].endswith(
        "; the one at line 28 is hidden (the `<details>` around it at line 28 has no `open` attribute: a reader sees only its summary until they open it)"
    )
    # Open, it shows: nothing to report.
    entry = _entry(cli, tmp_path, SN, "states-newsroom", (SN_CREDIT, folded.replace("<details>", "<details open>")))
    assert "states-newsroom/credit" not in _failed(entry)


def test_a_visible_credit_line_or_none_at_all_says_no_more(cli: Any, tmp_path: Path) -> None:
    entry = _entry(cli, tmp_path, SN, "states-newsroom")
    assert _passed(entry, "states-newsroom/credit-twice").startswith("This story first appeared in the Maine Morning Star")
    entry = _entry(cli, tmp_path, SN, "states-newsroom", (SN_CREDIT, ""))
    assert "hidden" not in _passed(entry, "states-newsroom/credit-twice")


def test_a_prohibition_that_holds_names_a_hidden_match(cli: Any, tmp_path: Path) -> None:
    # Any "no X in the article" pass: a hidden wire-photo credit is there, only not shown.
    hidden = '<p style="display:none">Photo: Eric Gay/AP</p>'
    entry = _entry(cli, tmp_path, GV, "global-voices", (GV_ANCHOR, hidden + GV_ANCHOR))
    evidence = _passed(entry, "common/wire-photo")
    assert evidence.startswith("no wire or stock photo credit") and evidence.endswith(" is hidden (its `style` attribute sets `display: none`)")


def test_a_wrapper_classed_like_a_caption_around_the_whole_page_leaves_no_credit_out(cli: Any, tmp_path: Path) -> None:
    entry = _entry(cli, tmp_path, SN, "states-newsroom", ('<body class="single-post">', '<body class="single-post"><div class="has-captions">'))
    assert "states-newsroom/credit" not in _failed(entry)
    assert _passed(entry, "states-newsroom/credit").startswith("This story first appeared in the Maine Morning Star")


def test_a_text_article_keeps_every_line(cli: Any, tmp_path: Path) -> None:
    story = write(tmp_path, "story.txt", "Title\n\nThe story, as the original told it, in full.\n\nCourtesy of the Maine Morning Star.\n")
    (entry,) = cli("check", "--pack", "states-newsroom", "--format", "json", str(story)).json()["files"]
    assert "states-newsroom/credit" not in _failed(entry)


@pytest.mark.parametrize(
    ("second", "twice"),
    [
        ("<p>This story was first published on Global Voices.</p>", True),
        ("<p>THIS STORY ORIGINALLY APPEARED ON GLOBAL VOICES.</p>", True),
        # A translation's credit in its own language is that version's credit, not a second one…
        ("<p>Este artículo se publicó originalmente en Global Voices.</p>", False),
        ("<p>Cet article a été publié à l'origine sur Global Voices.</p>", False),
        # …and prose that mentions Global Voices is no credit line.
        ("<p>Global Voices covered the library's opening in 2022.</p>", False),
    ],
)
def test_a_second_global_voices_credit_in_the_same_language_is_the_credit_twice(cli: Any, tmp_path: Path, second: str, twice: bool) -> None:
    entry = _entry(cli, tmp_path, GV, "global-voices", (GV_ANCHOR, second + GV_ANCHOR))
    assert ("global-voices/credit-twice" in _failed(entry)) is twice


@pytest.mark.parametrize(
    "credits",
    [
        ("Este artículo se publicó originalmente en Global Voices.", "Publicado originalmente en Global Voices en Español."),
        ("Cet article a été publié à l'origine sur Global Voices.", "Article publie initialement sur Global Voices en Francais."),
        ("Este artigo foi publicado originalmente no Global Voices.", "Publicado originalmente no Global Voices em Português."),
    ],
)
def test_two_credits_to_global_voices_in_one_translation_s_language_are_the_credit_twice(cli: Any, tmp_path: Path, credits: tuple[str, str]) -> None:
    lines = "".join(f"<p>{line}</p>" for line in credits)
    entry = _entry(cli, tmp_path, GV, "global-voices", (GV_ANCHOR, lines + GV_ANCHOR))
    assert "global-voices/credit-twice" in _failed(entry)

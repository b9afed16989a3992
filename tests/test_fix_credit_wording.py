"""`syndcheck fix` and a credit line in other words: the publisher's line goes in its place, the
paragraph's own markup kept (its element and class, an `<em>` around the words; Markdown's
emphasis and quote marks), rather than a second, right line beside the wrong one. That is
ProPublica's reworded credit line (`propublica/credit-line-wording`, a fix with `insert:
replace`) and any credit a rule's finding quotes as the wording the page has instead (a `text`
check's `instead`: "Courtesy of ProPublica.", CalMatters' line in other words, The
Conversation's credit in Spanish). The note quotes what was replaced. A credit that shares its
paragraph with the story's text is not rewritten: the story's words are not the fix's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

STORY = "https://www.propublica.org/article/school-bus-inspections"
RIGHT = f'This story was originally published by <a href="{STORY}">ProPublica</a>.'
BODY = "<p>Half of the district's buses missed their yearly inspection, state records show.</p>\n<p>The district said it would catch up by June.</p>"
PIXEL = '<script async src="https://pixel.propublica.org/pixel.js"></script>'


def html_page(credit: str, *, at_end: bool = False) -> str:
    lines = ["<html><body><article>", "<h1>Buses missed inspections</h1>", "<p>By Mei Chen, ProPublica</p>"]
    lines += [BODY, credit] if at_end else [credit, BODY]
    return "\n".join([*lines, PIXEL, "</article></body></html>", ""])


def fix(cli: Any, path: Path, *more: str) -> Any:
    return cli("fix", "--write", "--pack", "propublica", f"--meta=original-url={STORY}", *more, str(path))


@pytest.mark.parametrize(
    ("credit", "kept", "rule"),
    [
        # reworded: propublica/credit-line-wording
        ('<p class="credit">This article was originally published by ProPublica.</p>', '<p class="credit">{}</p>', "credit-line-wording"),
        ("<p><em>This story first appeared on ProPublica.</em></p>", "<p><em>{}</em></p>", "credit-line-wording"),
        ("<div class='note'>\n  Republished from ProPublica.\n</div>", "<div class='note'>\n  {}\n</div>", "credit-line-wording"),
        # in a wire's words: the credit line's finding quotes it as the wording the page has instead
        (f'<p id="c1">Courtesy of <a href="{STORY}">ProPublica</a>.</p>', '<p id="c1">{}</p>', "credit-line"),
        ("<p><strong>Via ProPublica</strong></p>", "<p><strong>{}</strong></p>", "credit-line"),
    ],
)
def test_the_line_in_other_words_is_replaced_in_place(cli: Any, tmp_path: Path, credit: str, kept: str, rule: str) -> None:
    path = tmp_path / "copy.html"
    path.write_text(html_page(credit), encoding="utf-8")
    run = fix(cli, path)
    fixed = path.read_text(encoding="utf-8")
    assert run.code == 0, run.err
    assert kept.format(RIGHT) in fixed
    assert fixed.count("ProPublica</a>.") == 1 and fixed.count("originally published") == 1
    assert fixed.count("\n") == html_page(credit).count("\n")
    (note,) = [line for line in run.err.splitlines() if "fixed propublica/" in line]
    assert f"copy.html:{5 if '<div' in credit else 4}: fixed propublica/{rule}: replaced '" in note
    assert cli("check", "--pack", "propublica", f"--meta=original-url={STORY}", str(path)).code == 0


def test_the_note_quotes_the_line_replaced_cut_at_a_word_and_shown_safely(cli: Any, tmp_path: Path) -> None:
    long = "This article was originally published by ProPublica, the nonprofit newsroom \u202ethat investigates abuses of power."
    path = tmp_path / "copy.html"
    path.write_text(html_page(f"<p>{long}</p>"), encoding="utf-8")
    run = fix(cli, path)
    (note,) = [line for line in run.err.splitlines() if "credit-line-wording" in line]
    assert "copy.html:4: fixed propublica/credit-line-wording: replaced 'This article was originally published by ProPublica, the…' with " in note
    assert "\u202e" not in run.err


@pytest.mark.parametrize("eol", ["\n", "\r\n"])
@pytest.mark.parametrize(
    ("credit", "kept"),
    [
        ("*This article first appeared on ProPublica.*", "*{}*"),
        ("> Courtesy of ProPublica.", "> {}"),
        ("This story was first published by [ProPublica](https://www.propublica.org/article/school-bus-inspections).", "{}"),
    ],
)
def test_a_markdown_line_in_other_words_is_replaced_its_marks_and_line_breaks_kept(cli: Any, tmp_path: Path, eol: str, credit: str, kept: str) -> None:
    story = "Half of the district's buses missed their yearly inspection."
    lines = ["# Buses missed inspections", "", "By Mei Chen, ProPublica", "", credit, "", story, "", PIXEL, ""]
    path = tmp_path / "copy.md"
    path.write_bytes(eol.join(lines).encode())
    run = fix(cli, path)
    fixed = path.read_bytes().decode()
    assert run.code == 0, run.err
    right = f"This story was originally published by [ProPublica]({STORY})."
    assert eol + kept.format(right) + eol in fixed
    assert fixed.count("\n") == len(lines) - 1 and (eol == "\n" or fixed.count("\r\n") == len(lines) - 1)
    assert "copy.md:5: fixed propublica/" in run.err and ": replaced '" in run.err


def test_a_plain_text_line_in_other_words_is_replaced(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "copy.txt"
    credit = "  This article originally appeared in ProPublica."
    path.write_text(f"Buses missed inspections\n\nBy Mei Chen, ProPublica\n\n{credit}\n\nHalf of the buses missed it.\n", encoding="utf-8")
    run = fix(cli, path)
    assert "  This story was originally published by ProPublica.\n" in path.read_text(encoding="utf-8")
    assert "fixed propublica/credit-line-wording: replaced 'This article originally appeared in ProPublica.' with" in run.err


def test_a_line_in_other_words_below_the_story_goes_to_the_top(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "copy.html"
    path.write_text(html_page("<p>This article was first published by ProPublica.</p>", at_end=True), encoding="utf-8")
    run = fix(cli, path)
    fixed = path.read_text(encoding="utf-8")
    assert run.code == 0, run.err
    assert f"<p>By Mei Chen, ProPublica</p>\n<p>{RIGHT}</p>\n<p>Half" in fixed
    assert "first published" not in fixed
    assert "in place of 'This article was first published by ProPublica.' at line 6, which is taken out" in run.err


@pytest.mark.parametrize(
    "credit",
    [
        "<p>Courtesy of ProPublica. The district's buses were checked in March.</p>",
        "<p>This article was originally published by ProPublica. The district's buses were checked in March.</p>",
    ],
)
def test_a_credit_sharing_its_paragraph_with_the_story_is_not_rewritten(cli: Any, tmp_path: Path, credit: str) -> None:
    path = tmp_path / "copy.html"
    path.write_text(html_page(credit), encoding="utf-8")
    run = fix(cli, path)
    fixed = path.read_text(encoding="utf-8")
    assert credit in fixed
    assert "(line 4) shares its paragraph with other text" in run.err
    assert "replaced '" not in run.err


def test_calmatters_line_in_other_words_is_replaced_with_its_newsletter_sentence(cli: Any, tmp_path: Path) -> None:
    original = "https://calmatters.org/housing/2024/01/rents-rise/"
    credit = f'<p>This article first appeared in <a href="{original}">CalMatters</a>. Sign up for their newsletters.</p>'
    path = tmp_path / "copy.html"
    story = "<p>Rents rose again in 2023, state data show.</p>"
    path.write_text(f"<article>\n<h1>Rents rise</h1>\n<p>By Ana Ruiz, CalMatters</p>\n{credit}\n{story}\n</article>\n", encoding="utf-8")
    run = cli("fix", "--write", "--pack", "calmatters", f"--meta=original-url={original}", str(path))
    fixed = path.read_text(encoding="utf-8")
    newsletters = '<a href="https://calmatters.org/newsletters/">newsletters</a>'
    assert f'<p>This story was originally published by <a href="{original}">CalMatters</a>. Sign up for their {newsletters}.</p>\n' in fixed
    assert "first appeared" not in fixed and fixed.count("Sign up") == 1
    assert "fixed calmatters/credit-line: replaced 'This article first appeared in CalMatters. Sign up for…' with" in run.err


def test_the_conversations_credit_in_spanish_is_replaced_not_doubled(cli: Any, tmp_path: Path) -> None:
    original = "https://theconversation.com/insurers-raise-rates-123456"
    credit = f'<p>Este artículo fue publicado originalmente en <a href="{original}">The Conversation</a>.</p>'
    counter = '<img src="https://counter.theconversation.com/content/123456/count.gif" alt="The Conversation" width="1" height="1">'
    story = "<p>Insurers raised rates again, filings show.</p>"
    page = f"<article>\n<h1>Rates rise</h1>\n<p>Jane Roe, University of Example</p>\n{credit}\n{story}\n{counter}\n</article>\n"
    path = tmp_path / "copy.html"
    path.write_text(page, encoding="utf-8")
    run = cli("fix", "--write", "--pack", "the-conversation", str(path))
    fixed = path.read_text(encoding="utf-8")
    assert "Este artículo" not in fixed and fixed.count("republished from") == 1
    assert "fixed the-conversation/credit: replaced 'Este artículo fue publicado originalmente en The…' with" in run.err

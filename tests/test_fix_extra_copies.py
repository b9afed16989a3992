"""`syndcheck fix` and a thing printed more often than the terms allow (a credit line printed twice,
which `check` warns of): the copies after the first are taken out when each is a paragraph of its
own reading word for word as the one that stays; a copy in other words is left for the editor,
with a "not fixed" line that says why. Every rule left failing gets its line, a warning too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import rule_ids

URL = "https://www.propublica.org/article/harbor-dredging"
HTML_CREDIT = f'<p><em>This story was originally published by <a href="{URL}">ProPublica</a>.</em></p>'
MD_CREDIT = f"_This story was originally published by [ProPublica]({URL})._"


def html_page(*, top: str = HTML_CREDIT, bottom: str = HTML_CREDIT, extra: str = "") -> str:
    return f"""<html><body><article>
<h1>Harbor dredging stalls</h1>
<p>By Lee Ortiz, ProPublica</p>
{top}
<p>The harbor's dredging contract lapsed in March, port records show.</p>
<p>Ships now wait two days for high tide.</p>
{bottom}{extra}
<script async src="https://pixel.propublica.org/pixel.js"></script>
</article></body></html>
"""


def test_a_credit_line_printed_twice_loses_its_second_copy(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "copy.html"
    path.write_text(html_page(), encoding="utf-8")
    run = cli("fix", "--write", "--pack", "propublica", str(path))
    fixed = path.read_text(encoding="utf-8")
    assert run.code == 0, run.err
    taken = "took out line 7, the <p> 'This story was originally published by ProPublica.' (a copy of line 4, which stays)"
    assert f"fixed propublica/credit-line-repeated: {taken}" in run.err
    assert fixed.count("originally published") == 1
    assert fixed.index("originally published") < fixed.index("dredging contract")
    assert "\n\n" not in fixed  # the line is gone with it
    assert rule_ids(cli("check", "--format", "json", "--pack", "propublica", str(path)).json()["files"][0]) == ["propublica/original-in-head"]  # a note only


def test_three_copies_in_markdown_keep_the_first(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "copy.md"
    body = "The harbor's dredging contract lapsed in March, port records show.\n\nShips now wait two days for high tide."
    path.write_text(f"# Harbor dredging stalls\n\nBy Lee Ortiz, ProPublica\n\n{MD_CREDIT}\n\n{body}\n\n{MD_CREDIT}\n\nMore.\n\n{MD_CREDIT}\n", encoding="utf-8")
    run = cli("fix", "--write", "--pack", "propublica", "--meta=medium=print", str(path))
    fixed = path.read_text(encoding="utf-8")
    copy = "'This story was originally published by ProPublica.' (a copy of line 5, which stays)"
    assert f"took out line 11, {copy}" in run.err and f"took out line 15, {copy}" in run.err
    assert fixed == f"# Harbor dredging stalls\n\nBy Lee Ortiz, ProPublica\n\n{MD_CREDIT}\n\n{body}\n\nMore.\n"


def test_a_copy_in_other_words_is_left_with_a_reason(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "copy.html"
    other = f'<p>This article first appeared on <a href="{URL}">ProPublica</a>.</p>'
    path.write_text(html_page(bottom=other), encoding="utf-8")
    run = cli("fix", "--pack", "propublica", str(path))
    assert "not fixed: propublica/credit-line-repeated: the copy at line 7 is not a paragraph alone that reads as one that stays" in run.err
    assert "took out" not in run.err


def test_a_copy_inside_a_paragraph_of_the_story_stays(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "copy.html"
    inside = "<p>Ships now wait. This story was originally published by ProPublica. More follows.</p>"
    path.write_text(html_page(bottom=inside), encoding="utf-8")
    run = cli("fix", "--pack", "propublica", str(path))
    assert "took out" not in run.err and "-<p>Ships now wait." not in run.out


def test_a_warning_no_fix_covers_is_left_for_the_editor(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "copy.html"
    photo = '\n<figure><img src="https://example.org/harbor.jpg" alt="The harbor"><figcaption>Photo: Kim Ng/ProPublica</figcaption></figure>'
    path.write_text(html_page(bottom="", extra=photo), encoding="utf-8")
    run = cli("fix", "--pack", "propublica", str(path))
    assert "left for you: propublica/photo-permission: " in run.err
    assert run.code == 0  # a warning: below the exit code's threshold, all the same told


def test_a_copy_of_a_credit_line_moved_to_the_top_is_not_said_to_stay(cli: Any, tmp_path: Path) -> None:
    # The credit line only at the end, twice: one copy is moved to the top, the other taken out.
    # Each note is true of the file written: the line the removed copy repeats is moved, not kept.
    path = tmp_path / "copy.html"
    path.write_text(html_page(top="", bottom=f"{HTML_CREDIT}\n{HTML_CREDIT}"), encoding="utf-8")
    run = cli("fix", "--write", "--pack", "propublica", str(path))
    fixed = path.read_text(encoding="utf-8")
    assert fixed.count("originally published") == 1
    assert fixed.index("originally published") < fixed.index("dredging contract")
    moved = [note for note in run.err.splitlines() if "propublica/credit-line:" in note and "took out line" in note]
    repeated = [note for note in run.err.splitlines() if "propublica/credit-line-repeated:" in note]
    assert len(moved) == 1 and len(repeated) == 1, run.err
    moved_line = moved[0].split("took out line ", 1)[1].split(",")[0]
    assert f"(a copy of line {moved_line}, which is moved before the body)" in repeated[0], run.err
    assert "which stays" not in run.err


@pytest.mark.parametrize("newline", ["\r", "\r\n"], ids=["lone CR", "CR LF"])
def test_the_copy_that_stays_is_named_by_its_line_whatever_the_line_breaks(cli: Any, tmp_path: Path, newline: str) -> None:
    # An old Mac file breaks its lines with a lone CR: the note names the lines an editor sees.
    path = tmp_path / "copy.html"
    path.write_bytes(html_page().replace("\n", newline).encode())
    run = cli("fix", "--write", "--pack", "propublica", str(path))
    assert run.code == 0, run.err
    assert "took out line 7, the <p> 'This story was originally published by ProPublica.' (a copy of line 4, which stays)" in run.err


def test_the_copy_that_stays_is_named_as_the_file_read_has_it() -> None:
    from compliance.fixes import Edit, _kept_where

    source = "a\nb\nc\nd\n"
    # Two lines inserted at the start (offset 0): the text edited so far is "X\nY\na\nb\nc\nd\n".
    inserted = Edit("r", 0, 1, "X\nY\n", "before the body")
    assert _kept_where([inserted], 8, source) == "line 3"  # "c" in the edited text: line 3 of the file read
    assert _kept_where([inserted], 2, source) == "the one inserted before the body"
    moved = Edit("r", 0, 1, "X\nY\n", "before the body", note="moved here from line 4, which is taken out")
    assert _kept_where([moved], 0, source) == "the one moved before the body"
    assert _kept_where([], 4, source) == "line 3"


def test_the_note_says_which_element_it_took_out_of_a_line_holding_others(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "copy.html"
    notes = f'<ul class="notes"><li>Corrected June 3.</li><li>{HTML_CREDIT.removeprefix("<p><em>").removesuffix("</em></p>")}</li><li>Share it.</li></ul>'
    path.write_text(html_page(bottom=notes), encoding="utf-8")
    run = cli("fix", "--write", "--pack", "propublica", str(path))
    fixed = path.read_text(encoding="utf-8")
    assert '<ul class="notes"><li>Corrected June 3.</li><li>Share it.</li></ul>' in fixed
    assert "took out the <li> 'This story was originally published by ProPublica.' from line 7 (a copy of line 4, which stays)" in run.err
    assert "took out line 7" not in run.err


def test_a_long_copy_taken_out_is_quoted_cut_at_a_word(cli: Any, tmp_path: Path) -> None:
    long = "<p><em>This story was originally published by ProPublica, the nonprofit investigative newsroom in New York.</em></p>"
    path = tmp_path / "copy.html"
    path.write_text(html_page(top=long, bottom=long), encoding="utf-8")
    run = cli("fix", "--write", "--pack", "propublica", str(path))
    assert "took out line 7, the <p> 'This story was originally published by ProPublica, the…' (a copy of line 4, which stays)" in run.err


def test_when_the_copy_that_stays_shares_the_bylines_paragraph_the_note_names_that_one(cli: Any, tmp_path: Path) -> None:
    credit = HTML_CREDIT.removeprefix("<p>").removesuffix("</p>")
    page = html_page(top="", bottom=HTML_CREDIT).replace("<p>By Lee Ortiz, ProPublica</p>", f"<p>By Lee Ortiz, ProPublica<br>{credit}</p>")
    path = tmp_path / "copy.html"
    path.write_text(page, encoding="utf-8")
    run = cli("fix", "--pack", "propublica", str(path))
    assert (
        "not fixed: propublica/credit-line-repeated: the copy at line 7 is a paragraph alone, but the one that stays, at line 3, shares its paragraph"
        " with the byline ('By Lee Ortiz, ProPublica This story was originally…')" in run.err
    )
    assert "took out" not in run.err


def test_a_note_quotes_text_as_written_not_as_a_python_literal() -> None:
    # A Markdown escape keeps its one backslash; an apostrophe does not change the quotes.
    from compliance.fixes import _said

    assert _said("By Jake \\*Smith\\* O'Neil") == "'By Jake \\*Smith\\* O'Neil'"
    assert _said("two\n  lines") == "'two lines'"

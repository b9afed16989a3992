"""A story's credit box that a theme or an editor sets in a `<blockquote>` ("<blockquote><p>This
story was originally published by The Texas Tribune …</p></blockquote>") at the story's top or
end is the story's credit: its wording names the story or its publishing, or opens with
"Courtesy". A blockquote inside the story's text, with the story going on after it, quotes
someone else's text (a flyer the story quotes that cites the outlet), and a pull quote repeats a
line of the story: neither credits the page's story."""

from __future__ import annotations

import textwrap

import pytest

from compliance.document import parse_document
from compliance.engine import check_document
from compliance.findings import Severity
from compliance.loading import load_packs

PACKS = load_packs()
HEAD = """\
    <html><body><article>
    <h1>Lawmakers pass budget</h1>
    <p class="byline">By Jane Doe</p>
    """
BODY = """\
    <p>Lawmakers passed the state budget on Tuesday after a long debate that ran past midnight.</p>
    <p>The budget funds schools and roads for two years, the governor's office said.</p>
    """
TT_CREDIT = (
    '<p>This article originally appeared in <a href="https://www.texastribune.org/2024/05/01/budget/">The Texas Tribune</a>'
    " and is republished here under its terms.</p>"
)
TT_IN_QUOTE = f"<blockquote>{TT_CREDIT}</blockquote>"


def _result(page: str) -> tuple[tuple[str, ...], set[str]]:
    doc = parse_document(textwrap.dedent(page).encode(), "html")
    result = check_document(doc, PACKS, path="story.html", auto_detect=True)
    return tuple(result.packs), {f.rule for f in result.findings if f.severity == Severity.ERROR}


def _page(before: str = "", after: str = "") -> str:
    return HEAD + before + BODY + after + "</article></body></html>"


@pytest.mark.parametrize(
    "page",
    [
        # At the story's end, alone or as a box with the outlet's logo line, and with the page's
        # tail after it (tags, a copyright notice).
        _page(after=TT_IN_QUOTE),
        _page(after=f"<blockquote><p><strong>The Texas Tribune</strong></p>{TT_CREDIT}</blockquote>"),
        _page(after=TT_IN_QUOTE + '<div class="tags"><a href="/tag/budget">Budget</a></div><p>© 2024 Lone Star Daily.</p>'),
        # At the story's top, before its first paragraph.
        _page(before=TT_IN_QUOTE),
        # The credit as a paragraph, as before.
        _page(after=TT_CREDIT),
    ],
)
def test_a_credit_box_in_a_blockquote_at_the_top_or_end_credits_the_story(page: str) -> None:
    packs, errors = _result(page)
    assert packs == ("texas-tribune",)
    assert "texas-tribune/credit" not in errors


def test_a_courtesy_line_in_a_blockquote_at_the_end_applies_the_pack() -> None:
    packs, _ = _result(_page(after="<blockquote><p>Courtesy of the Daily Caller News Foundation.</p></blockquote>"))
    assert packs == ("dcnf",)


@pytest.mark.parametrize(
    "page",
    [
        # A flyer the story quotes, the story going on after it.
        _page(
            after="<p>The flyer handed out at the Capitol read:</p>"
            + TT_IN_QUOTE
            + "<p>Officials said the flyer was a fake and that the Tribune never ran such a story about the budget.</p>"
        ),
        # A pull quote, by its class, at the end as well.
        _page(after=f'<figure class="wp-block-pullquote"><blockquote>{TT_CREDIT}</blockquote></figure>'),
    ],
)
def test_a_quoted_credit_inside_the_story_still_credits_nothing(page: str) -> None:
    packs, errors = _result(page)
    assert packs == ("texas-tribune",)
    assert "texas-tribune/credit" in errors


@pytest.mark.parametrize(
    "quote",
    [
        # A quotation at the end that does not word a credit stays a quotation.
        "<blockquote><p>The Daily Caller News Foundation said the budget was a mistake for Texas.</p></blockquote>",
        # A courtesy line in a blockquote with the story going on after it, as before.
        "<blockquote><p>Article courtesy of the Daily Caller News Foundation.</p></blockquote><p>That line drew questions from readers.</p>",
    ],
)
def test_a_quotation_that_is_no_credit_box_applies_no_pack(quote: str) -> None:
    packs, _ = _result(_page(after=quote))
    assert packs == ()


def test_the_docs_examples_are_read_as_they_say() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    doc = " ".join((root / "docs" / "rule-packs.md").read_text(encoding="utf-8").split())
    assert '("This article was originally published by …", "Courtesy of the Daily Caller News Foundation.") is a credit box' in doc
    packs, _ = _result(_page(after="<blockquote><p>Courtesy of the Daily Caller News Foundation.</p></blockquote>"))
    assert packs == ("dcnf",)
    packs, _ = _result(
        _page(
            after='<blockquote><p>This article was originally published by <a href="https://www.propublica.org/article/budget">ProPublica</a>.</p></blockquote>'
        )
    )
    assert packs == ("propublica",)


# A credit box in a blockquote is the credit line alone, in its own words. A blockquote that
# quotes someone's text citing the outlet (in quotation marks, with an attribution, introduced by
# a sentence ending with a colon, set as a pull quote) credits what it quotes, at the story's top
# or end too.
QUOTED_CREDIT = (
    'This article originally appeared in <a href="https://www.texastribune.org/2024/05/01/budget/">The Texas Tribune</a>'
    " and is republished here under its terms."
)


@pytest.mark.parametrize(
    "page",
    [
        # In quotation marks, with the speaker after the closing mark, at the top.
        _page(before=f"<blockquote><p>\u201c{QUOTED_CREDIT[:-1]},\u201d the flyer read.</p></blockquote>"),
        # Set as a pull quote by the blockquote's own class, at the top.
        _page(before=f'<blockquote class="pullquote">{TT_CREDIT}</blockquote>'),
        # The credit's words inside the marks, after the words of the one who says them.
        _page(after=f"<blockquote><p>The flyer read: \u201c{QUOTED_CREDIT}\u201d</p></blockquote>"),
        # A closing mark with no opening one: the quotation opened before the line.
        _page(after=f"<blockquote><p>{QUOTED_CREDIT}\u201d</p></blockquote>"),
        _page(after=f'<blockquote><p>"{QUOTED_CREDIT}"</p></blockquote>'),
        _page(after=f"<blockquote><p>\u00ab{QUOTED_CREDIT}\u00bb</p></blockquote>"),
        # The box holds a quotation besides the credit.
        _page(before=f"<blockquote>{TT_CREDIT}<p>\u201cWe will fund the schools,\u201d the governor said.</p></blockquote>"),
        # An attribution: a dash line, a <cite> or <footer> of its own, a figure's caption.
        _page(after=f"<blockquote>{TT_CREDIT}<p>\u2014 a flyer handed out at the Capitol</p></blockquote>"),
        _page(after=f"<blockquote>{TT_CREDIT}<cite>A flyer handed out at the Capitol</cite></blockquote>"),
        _page(after=f"<blockquote>{TT_CREDIT}<footer>A flyer handed out at the Capitol</footer></blockquote>"),
        _page(after=f"<figure><blockquote>{TT_CREDIT}</blockquote><figcaption>A flyer handed out at the Capitol</figcaption></figure>"),
        # Introduced by a sentence ending with a colon: at the end, at the top, and with a short
        # line of the story after it.
        _page(after="<p>The Tribune asks partners to end each story with one line:</p>" + TT_IN_QUOTE),
        _page(before="<p>The flyer handed out at the Capitol read:</p>" + TT_IN_QUOTE),
        _page(after="<p>The flyer read:</p>" + TT_IN_QUOTE + "<p>The Tribune declined to comment.</p>"),
    ],
)
def test_a_quotation_of_a_credit_at_the_top_or_end_credits_nothing(page: str) -> None:
    packs, errors = _result(page)
    assert packs == ("texas-tribune",)
    assert "texas-tribune/credit" in errors


@pytest.mark.parametrize(
    "box",
    [
        # A title the credit quotes whole is the credit's own words.
        '<blockquote><p>This article, \u201cLawmakers pass budget,\u201d originally appeared in <a href="https://www.texastribune.org/2024/05/01/budget/">'
        "The Texas Tribune</a> and is republished here under its terms.</p></blockquote>",
        # A line of the box with a title in quotation marks besides the credit.
        f"<blockquote>{TT_CREDIT}<p>Sign up for \u201cThe Brief,\u201d the Tribune's daily newsletter.</p></blockquote>",
        # The outlet's name in a <cite> inside the credit's line.
        '<blockquote><p>This article originally appeared in <a href="https://www.texastribune.org/2024/05/01/budget/"><cite>The Texas Tribune</cite></a>'
        " and is republished here under its terms.</p></blockquote>",
        # A heading that labels the box.
        "<h3>Editor's note:</h3>" + TT_IN_QUOTE,
    ],
)
def test_a_credit_box_in_its_own_words_still_credits_the_story(box: str) -> None:
    packs, errors = _result(_page(after=box))
    assert packs == ("texas-tribune",)
    assert "texas-tribune/credit" not in errors


def test_fix_leaves_a_quoted_credit_inside_the_story_where_it_is() -> None:
    from compliance.engine import CheckSettings
    from compliance.fixes import apply_edits, plan_fixes

    quotation = "<blockquote><p>This story was originally published by ProPublica.</p></blockquote>"
    source = textwrap.dedent(
        _page(after="<p>The inspector's email to the company said:</p>" + quotation + "<p>The company declined to comment.</p>").replace(
            "Jane Doe", "Hollis Brandt, ProPublica"
        )
    )
    settings = CheckSettings(packs=PACKS, path="copy.html", meta={"original_url": "https://www.propublica.org/article/budget"})
    plan = plan_fixes(source.encode(), "html", settings)
    fixed = apply_edits(plan.text_before, plan.edits)
    assert "said:</p><blockquote><p>This story was originally published by ProPublica.</p>" in fixed
    assert not any(edit.removed for edit in plan.edits)
    assert fixed.index("This story was originally published by <a") < fixed.index("Lawmakers passed the state budget")


def test_the_docs_examples_of_a_quotation_are_read_as_they_say() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    doc = " ".join((root / "docs" / "rule-packs.md").read_text(encoding="utf-8").split())
    assert '("\u201cThis story was originally published by \u2026,\u201d the email read.")' in doc
    assert '("The outlet asks partners to end each story with one line:") quotes someone\'s text, and credits nothing' in doc
    link = '<a href="https://www.propublica.org/article/budget">ProPublica</a>'
    for quote in (
        f"<blockquote><p>\u201cThis story was originally published by {link},\u201d the email read.</p></blockquote>",
        f"<p>The outlet asks partners to end each story with one line:</p><blockquote><p>This story was originally published by {link}.</p></blockquote>",
    ):
        packs, errors = _result(_page(after=quote))
        assert packs == ("propublica",)
        assert "propublica/credit-line" in errors
        packs, errors = _result(_page(before=quote))
        assert "propublica/credit-line" in errors

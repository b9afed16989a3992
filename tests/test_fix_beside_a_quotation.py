"""`syndcheck fix` never puts a credit into a quotation: a story that ends (or opens) by quoting
someone gets the block after (or before) the whole `<blockquote>`, or the pull quote's `<figure>`,
not inside it, where it would read as the words of the person quoted and the rule would still
fail. An empty quotation or box at the end is left as it is, the block beside it."""

from __future__ import annotations

from typing import Any

import pytest

from compliance.document import DocumentKind
from compliance.engine import CheckSettings
from compliance.fixes import plan_fixes
from compliance.loading import load_packs

PACKS = {p.id: p for p in load_packs()}


def _plan(text: str, pack: str, kind: DocumentKind = "html", **meta: str) -> Any:
    return plan_fixes(text.encode(), kind, CheckSettings(packs=[PACKS[pack]], path=f"copy.{kind}", auto_detect=False, meta=meta))


def _page(body: str, byline: str) -> str:
    head = "<!doctype html><html><head><title>t</title></head><body><article>\n<h1>Lawmakers pass budget</h1>\n"
    return f'{head}<p class="byline">{byline}</p>\n{body}</article></body></html>\n'


STORY = "<p>Lawmakers passed the state budget on Tuesday after a long debate.</p>\n<p>The budget funds schools and roads for two years.</p>\n"
QUOTES = [
    '<blockquote><p>"We finally have a budget," the governor said.</p></blockquote>\n',
    '<blockquote class="wp-block-quote"><p>"It took too long, and the schools waited all spring for it."</p><cite>Sen. Ana Ruiz</cite></blockquote>\n',
    (
        '<blockquote>\n  <p>"The letter read, in full:"</p>\n'
        '  <blockquote><p>"We ask the legislature to fund the schools before anything else this year."</p></blockquote>\n</blockquote>\n'
    ),
]
# A pull quote repeats the story's words in a figure: the story's end is before it, never in it.
PULL_QUOTE = (
    '<figure class="wp-block-pullquote"><blockquote><p>"Schools come first, and this budget finally says so in dollars."</p>'
    "<cite>Rep. Lee</cite></blockquote></figure>\n"
)
CREDIT = "<p>This story first appeared in Nebraska Examiner.</p>\n"


@pytest.mark.parametrize("quote", QUOTES)
def test_a_credit_at_the_end_goes_after_a_closing_quotation(quote: str) -> None:
    plan = _plan(_page(STORY + quote, "By Jane Doe, Nebraska Examiner"), "states-newsroom")
    assert plan.fixed.decode() == _page(STORY + quote + CREDIT, "By Jane Doe, Nebraska Examiner")
    (edit,) = [e for e in plan.edits if e.rule == "states-newsroom/credit"]
    assert edit.place == "after the story's closing quotation"
    assert "states-newsroom/credit" not in {f.rule for f in plan.after.findings}


@pytest.mark.parametrize("quote", QUOTES)
def test_a_tagline_at_the_end_goes_after_a_closing_quotation(quote: str) -> None:
    tagline = "<p>KFF Health News is a national newsroom that produces in-depth journalism about health issues.</p>\n"
    plan = _plan(_page(STORY + quote, "By Priya Raman, KFF Health News"), "kff-health-news")
    assert plan.fixed.decode() == _page(STORY + quote + tagline, "By Priya Raman, KFF Health News")


@pytest.mark.parametrize("quote", [*QUOTES, PULL_QUOTE])
def test_a_credit_at_the_top_goes_before_an_opening_quotation(quote: str) -> None:
    pixel = '<script async src="https://pixel.propublica.org/pixel.js"></script>\n'
    url = "https://www.propublica.org/article/budget"
    credit = f'<p>This story was originally published by <a href="{url}">ProPublica</a>.</p>\n'
    plan = _plan(_page(quote + STORY + pixel, "By Mara Ellison, ProPublica"), "propublica", **{"original-url": url})
    assert "propublica/credit-line" not in {u.rule for u in plan.unfixed}
    assert plan.fixed.decode().startswith(_page(credit + quote, "By Mara Ellison, ProPublica").split(quote)[0] + quote)
    assert "propublica/credit-line" not in {f.rule for f in plan.after.findings}


@pytest.mark.parametrize(
    "empty",
    [
        "<blockquote></blockquote>\n",
        '<blockquote class="wp-block-quote">\n</blockquote>\n',
        "<blockquote><p>&nbsp;</p></blockquote>\n",
        '<div class="credit"></div>\n',
    ],
)
def test_an_empty_quotation_or_box_at_the_end_is_left_and_the_credit_goes_before_it(empty: str) -> None:
    plan = _plan(_page(STORY + empty, "By Jane Doe, Nebraska Examiner"), "states-newsroom")
    assert plan.fixed.decode() == _page(STORY + CREDIT + empty, "By Jane Doe, Nebraska Examiner")


def test_a_quotation_inside_the_story_does_not_move_the_end() -> None:
    # The story goes on after the quotation: the credit follows its last paragraph, as ever.
    body = QUOTES[0] + STORY
    plan = _plan(_page(body, "By Jane Doe, Nebraska Examiner"), "states-newsroom")
    assert plan.fixed.decode() == _page(body + CREDIT, "By Jane Doe, Nebraska Examiner")


def test_a_credit_at_the_end_is_never_put_into_a_closing_pull_quote() -> None:
    plan = _plan(_page(STORY + PULL_QUOTE, "By Jane Doe, Nebraska Examiner"), "states-newsroom")
    fixed = plan.fixed.decode()
    assert fixed.count(CREDIT) == 1 and CREDIT not in fixed[fixed.index("<figure") : fixed.index("</figure>")]
    assert "states-newsroom/credit" not in {f.rule for f in plan.after.findings}

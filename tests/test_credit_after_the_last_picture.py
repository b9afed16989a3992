"""A story's credit line right after its last picture, at the story's end ("<figure><img></figure>
<p>Courtesy of the Daily Caller News Foundation</p>" closing the story), is the story's credit
when it words the credit as the pack's credit line does, naming the licensor's outlet: the pack
applies and its credit rule counts it. A photographer's or an agency's credit there ("Courtesy of
Jane Roe", "Source: …"), a line in a chart's box with its picture, and a line after a picture
with the story going on after it stay the picture's credit and apply no pack."""

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
    <p>Lawmakers passed the state budget on Tuesday after a long debate that ran past midnight.</p>
    <p>The budget funds schools and roads for two years, the governor's office said.</p>
    """
PHOTO = '<figure><img src="/rally.jpg" alt="Protesters outside the Capitol" width="800" height="500"></figure>'
DCNF_LINE = "<p>Courtesy of the Daily Caller News Foundation</p>"


def _result(after: str, head: str = HEAD) -> tuple[tuple[str, ...], set[str]]:
    doc = parse_document(textwrap.dedent(head + after + "</article></body></html>").encode(), "html")
    result = check_document(doc, PACKS, path="story.html", auto_detect=True)
    return tuple(result.packs), {f.rule for f in result.findings if f.severity == Severity.ERROR}


@pytest.mark.parametrize(
    "after",
    [
        PHOTO + DCNF_LINE,
        '<p><img src="/rally.jpg" alt="Protesters outside the Capitol"></p>' + DCNF_LINE,
        PHOTO + "<p><em>Courtesy of the Daily Caller News Foundation.</em></p>",
        # The page's tail after it: tags, a copyright notice.
        PHOTO + DCNF_LINE + '<div class="tags"><a href="/tag/budget">Budget</a></div><p>© 2024 Lone Star Daily.</p>',
    ],
)
def test_the_credit_after_the_closing_picture_applies_the_pack(after: str) -> None:
    packs, errors = _result(after)
    assert packs == ("dcnf",)
    assert not any(rule.startswith("dcnf/credit") for rule in errors)


def test_a_correct_copy_with_a_closing_picture_passes() -> None:
    head = HEAD.replace(
        '<p class="byline">By Jane Doe</p>',
        '<img src="https://dailycallernewsfoundation.org/wp-content/uploads/dcnf-logo.png" alt="Daily Caller News Foundation logo" width="300" height="60">'
        '<p class="byline">By Jane Doe, Daily Caller News Foundation</p>',
    )
    packs, errors = _result(PHOTO + DCNF_LINE, head=head)
    assert packs == ("dcnf",)
    assert errors == set()


@pytest.mark.parametrize(
    "after",
    [
        # A photographer's or an agency's credit: no pack's credit wording.
        PHOTO + "<p>Courtesy of Jane Roe</p>",
        PHOTO + "<p>Courtesy: Associated Press</p>",
        PHOTO + "<p>Source: Daily Caller News Foundation</p>",
        # The story goes on after the picture's line, at a paragraph's length or in a short sentence.
        PHOTO + DCNF_LINE + "<p>More paragraphs follow about the rally and the crowd outside.</p>",
        PHOTO + DCNF_LINE + "<p>Lawmakers will return in January.</p>",
        # A chart's box holds its picture and its line.
        '<div class="chart"><img src="/c.png" alt="chart"><p class="chart-source">Courtesy of the Daily Caller News Foundation</p></div>',
    ],
)
def test_a_pictures_credit_still_applies_no_pack(after: str) -> None:
    packs, _ = _result(after)
    assert packs == ()


def test_the_docs_examples_are_read_as_they_say() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    for doc in ("README.md", "docs/rule-packs.md"):
        text = " ".join((root / doc).read_text(encoding="utf-8").split())
        assert '"Courtesy of the Daily Caller News Foundation" there' in text or '("Courtesy of the Daily Caller News Foundation" after a closing photo' in text
    assert _result(PHOTO + DCNF_LINE)[0] == ("dcnf",)
    assert _result(PHOTO + "<p>Courtesy of Jane Roe</p>")[0] == ()

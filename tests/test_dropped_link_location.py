"""A link of the original that the copy dropped is reported where its words still are: the copy's
paragraph that holds the link's text (the link taken off it), not the start of the article or the
`<body>` tag. Of several paragraphs holding the words, the one sharing most words with the
original's paragraph. A link whose words are gone too is reported at the article's start, as
the missing link back is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import write

ORIGINAL = """<!DOCTYPE html>
<html><head><title>Pipeline welds</title>
<link rel="canonical" href="https://www.propublica.org/article/pipeline-welds"></head>
<body><article><h1>Pipeline welds went uninspected</h1>
<p class="byline">By Jane Doe, ProPublica</p>
<p>Inspectors skipped hundreds of welds on the line, according to <a href="https://oig.example.gov/audit-2024">a federal audit</a> released in March.</p>
<p>The operator said the welds were sound and that <a href="https://operator.example.com/statement">its statement</a> covers every joint on the line.</p>
<p>Residents near the river said nobody told them about the skipped checks, which the audit counted by county.</p>
</article></body></html>"""

COPY = """<!DOCTYPE html>
<html><head><title>Pipeline welds</title></head>
<body>
<div class="site-header"><p>Riverton Ledger</p></div>
<article><h1>Pipeline welds went uninspected</h1>
<p class="byline">By Jane Doe, ProPublica</p>
<p>This story was originally published by <a href="https://www.propublica.org/article/pipeline-welds">ProPublica</a>.</p>
<p>Residents recalled a federal audit from years ago that found nothing, one of them said at a meeting.</p>
{first}
<p>The operator said the welds were sound and that {second} covers every joint on the line.</p>
<p>Residents near the river said nobody told them about the skipped checks, which the audit counted by county.</p>
<script src="https://pixel.propublica.org/pixel.js" async></script>
</article></body></html>"""

KEPT_FIRST = (
    '<p>Inspectors skipped hundreds of welds on the line, according to <a href="https://oig.example.gov/audit-2024">a federal audit</a> released in March.</p>'
)
UNLINKED_FIRST = "<p>Inspectors skipped hundreds of welds on the line, according to A Federal  Audit released in March.</p>"
KEPT_SECOND = '<a href="https://operator.example.com/statement">its statement</a>'


def _line_of(page: str, needle: str) -> int:
    return next(number for number, line in enumerate(page.splitlines(), 1) if needle in line)


def _dropped(cli: Any, tmp_path: Path, page: str) -> dict[str, int]:
    original = write(tmp_path, "original.html", ORIGINAL)
    copy = write(tmp_path, "copy.html", page)
    run = cli("check", "--format", "json", "--select", "propublica/original-links", "--original", str(original), str(copy))
    (entry,) = run.json()["files"]
    return {f["evidence"]: f["line"] for f in entry["findings"] if f["rule"] == "propublica/original-links"}


def test_a_dropped_link_is_located_at_the_paragraph_holding_its_words(cli: Any, tmp_path: Path) -> None:
    page = COPY.format(first=UNLINKED_FIRST, second=KEPT_SECOND)
    # The words kept in other case and spacing; the earlier paragraph naming "a federal audit" shares fewer words with the original's.
    assert _dropped(cli, tmp_path, page) == {"dropped link: a federal audit <https://oig.example.gov/audit-2024>": _line_of(page, "Inspectors skipped")}


def test_each_dropped_link_has_its_own_paragraph(cli: Any, tmp_path: Path) -> None:
    page = COPY.format(first=UNLINKED_FIRST, second="its statement")
    assert _dropped(cli, tmp_path, page) == {
        "dropped link: a federal audit <https://oig.example.gov/audit-2024>": _line_of(page, "Inspectors skipped"),
        "dropped link: its statement <https://operator.example.com/statement>": _line_of(page, "The operator said"),
    }


def test_a_dropped_link_whose_words_are_gone_is_located_at_the_article(cli: Any, tmp_path: Path) -> None:
    # Only part of the words ("federal") is kept: not the link's text, so no paragraph holds it.
    page = COPY.format(first="<p>Inspectors skipped hundreds of welds on the line, a federal review found in March.</p>", second=KEPT_SECOND)
    page = page.replace("a federal audit from years ago", "an old review")
    assert _dropped(cli, tmp_path, page) == {"dropped link: a federal audit <https://oig.example.gov/audit-2024>": _line_of(page, "<article>")}


def test_a_copy_that_keeps_every_link_has_no_finding(cli: Any, tmp_path: Path) -> None:
    assert _dropped(cli, tmp_path, COPY.format(first=KEPT_FIRST, second=KEPT_SECOND)) == {}

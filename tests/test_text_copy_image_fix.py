"""A plain-text copy carries an image as a line of its alt text (docs/samples.md): when such a
copy lacks an image a rule's fix places (the DCNF logo), the fix says to write that line where it
belongs, and the finding stands there, not at the headline; HTML and Markdown copies keep the
rule's own fix about the image."""

from __future__ import annotations

from compliance.api import check_html, check_markdown, check_text
from compliance.findings import Finding, Report
from tests.conftest import SAMPLES

HEADLINE = "Biden Admin Reportedly Considering Working With Taliban To Wipe Out ISIS"
BYLINE = "By Jake Smith, Daily Caller News Foundation"
STORY = "The Biden administration is reportedly considering an unusual move, NBC News reported on Wednesday."
LICENSE = (
    "All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available"
    " without charge to any legitimate news publisher that can provide a large audience."
)
TEXT_HELP = (
    'This is a plain-text copy, where an image stands as a line of its alt text: write "Daily Caller News Foundation logo"'
    " on a line of its own, directly before the byline. In the HTML or Markdown copy, place the image itself there."
)


def _logo(report: Report) -> Finding:
    (finding,) = [f for f in report.findings if f.rule == "dcnf/logo"]
    return finding


def test_a_text_copy_without_the_logo_line_is_told_to_write_it_above_the_byline() -> None:
    source = f"{HEADLINE}\n\n{BYLINE}\n\n{STORY}\n\n{LICENSE}\n"
    finding = _logo(check_text(source, packs=["dcnf"]))
    assert finding.help == TEXT_HELP
    assert finding.location.line == 3  # where the logo line belongs: over the byline, not the headline


def test_the_missing_logo_line_sample_is_placed_at_its_byline() -> None:
    source = (SAMPLES / "dcnf" / "missing-logo-line.txt").read_text(encoding="utf-8")
    finding = _logo(check_text(source, packs=["dcnf"]))
    assert finding.help == TEXT_HELP
    assert finding.location.line == 1 + source.split("\n").index(next(line for line in source.split("\n") if line.startswith("Jake Smith")))


def test_a_text_copy_without_a_byline_is_told_where_the_logo_line_goes_all_the_same() -> None:
    source = f"{HEADLINE}\n\n{STORY}\n\n{LICENSE}\n"
    finding = _logo(check_text(source, packs=["dcnf"]))
    assert "Daily Caller News Foundation logo" in finding.help and "CSS" not in finding.help


def test_markdown_and_html_copies_keep_the_rules_fix_about_the_image() -> None:
    markdown = _logo(check_markdown(f"# {HEADLINE}\n\n{BYLINE}\n\n{STORY}\n\n{LICENSE}\n", packs=["dcnf"]))
    html = _logo(check_html(f"<article><h1>{HEADLINE}</h1><p>{BYLINE}</p><p>{STORY}</p><p>{LICENSE}</p></article>", packs=["dcnf"]))
    for finding in (markdown, html):
        assert finding.help.startswith("Include the DCNF logo image") and "hidden with CSS" in finding.help


def test_a_text_copy_keeps_the_rules_fix_for_what_is_no_image() -> None:
    source = f"{HEADLINE}\n\nBy Jake Smith\n\n{STORY}\n\n{LICENSE}\n"
    report = check_text(source, packs=["dcnf"])
    (affiliation,) = [f for f in report.findings if f.rule == "dcnf/affiliation"]
    assert affiliation.help.startswith("Add the affiliation to the byline")

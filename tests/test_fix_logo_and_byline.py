"""A DCNF copy stripped of both the logo and the byline: each fix goes beside the other (the logo
above the byline, the byline below the logo), and with neither on the page, neither had a place,
so nothing was fixed. With no byline on the page, a byline block goes where a story's byline
stands (under the headline, or at the top of a story without one) and the logo then above it: the
copy meets DCNF's terms for logo, byline and affiliation (publisher-terms §2.1)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import write

LOGO = "https://dailycallernewsfoundation.org/x/dcnf-logo.png"
BODY = "The Department of Energy delayed a rule on gas furnaces on Monday, citing costs to households."
FOOTER = "All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available without charge."
BYLINE = "By Nick Pope, Daily Caller News Foundation"

STRIPPED = {
    "html with a headline": ("story.html", f"<article>\n<h1>Energy Department Delays Appliance Rule</h1>\n<p>{BODY}</p>\n<p>{FOOTER}</p>\n</article>\n"),
    "html without a headline": ("story.html", f"<html><body><article><p>{BODY}</p><p>{FOOTER}</p></article></body></html>"),
    "markdown": ("story.md", f"# Energy Department Delays Appliance Rule\n\n{BODY}\n\n{FOOTER}\n"),
    "plain text": ("story.txt", f"Energy Department Delays Appliance Rule\n\n{BODY}\n\n{FOOTER}\n"),
}


def _fix(cli: Any, page: Path, *more: str) -> Any:
    return cli("fix", "--pack", "dcnf", "--meta", "reporter=Nick Pope", "--meta", f"logo-url={LOGO}", *more, str(page))


@pytest.mark.parametrize("case", sorted(STRIPPED))
def test_the_logo_and_the_byline_both_missing_are_both_inserted_in_dcnfs_order(cli: Any, tmp_path: Path, case: str) -> None:
    name, text = STRIPPED[case]
    page = write(tmp_path, name, text)
    run = _fix(cli, page, "--write")
    assert run.code == 0, run.err
    fixed = page.read_text(encoding="utf-8")
    logo, byline, body = fixed.find(LOGO if not name.endswith(".txt") else "Daily Caller News Foundation logo"), fixed.find(BYLINE), fixed.find(BODY)
    assert -1 < logo < byline < body
    assert "not fixed" not in run.err
    assert "where a byline goes (the article has no DCNF logo to put it after)" in run.err
    after = cli("check", "--pack", "dcnf", "--format", "json", "--meta", "reporter=Nick Pope", str(page)).json()["files"][0]
    assert not {"dcnf/logo", "dcnf/byline", "dcnf/affiliation"} & {f["rule"] for f in after["findings"]}


def test_the_byline_goes_under_the_headline(cli: Any, tmp_path: Path) -> None:
    name, text = STRIPPED["html with a headline"]
    page = write(tmp_path, name, text)
    assert _fix(cli, page, "--write").code == 0
    lines = page.read_text(encoding="utf-8").splitlines()
    assert lines[1:4] == [
        "<h1>Energy Department Delays Appliance Rule</h1>",
        f'<p><img src="{LOGO}" alt="Daily Caller News Foundation logo"></p>',
        f'<p class="byline">{BYLINE}</p>',
    ]


def test_without_the_reporters_name_neither_is_made_up(cli: Any, tmp_path: Path) -> None:
    # The byline needs the name: not given, nothing goes in, and the notes say what to give.
    name, text = STRIPPED["html with a headline"]
    page = write(tmp_path, name, text)
    run = cli("fix", "--pack", "dcnf", "--meta", f"logo-url={LOGO}", str(page))
    assert run.out == ""
    assert f"{page}: not fixed: dcnf/byline: needs the reporter's name" in run.err
    assert f"{page}: not fixed: dcnf/logo: the article has no byline to put it before" in run.err


@pytest.mark.parametrize(
    ("reporter", "reads_as"),
    [("Nick Pope & Co", "names an outlet, not a reporter"), ("Nick <b>Pope", "names no reporter")],
)
@pytest.mark.parametrize("case", ["html with a headline", "markdown"])
def test_a_reporter_given_that_does_not_read_as_a_name_is_said_to_be_the_reason(cli: Any, tmp_path: Path, reporter: str, reads_as: str, case: str) -> None:
    """Not 'the article has no byline to put it before' nor 'no DCNF logo to put it after': the
    byline is tried where a byline goes, the note says what the rule finds with it made, and that
    the name given is no person's, with what to give instead; the value is escaped in the block."""
    name, text = STRIPPED[case]
    page = write(tmp_path, name, text)
    run = cli("fix", "--pack", "dcnf", "--meta", f"reporter={reporter}", "--meta", f"logo-url={LOGO}", str(page))
    assert run.code == 1
    instead = "give the reporter's name alone (--meta reporter='First Last') or the original story (--original FILE)"
    given = f"the reporter given ('{reporter}') does not read as a person's name; {instead}"
    lines = {line.split(": not fixed: ")[1].split(":")[0]: line for line in run.err.splitlines() if ": not fixed: " in line}
    assert f"does not satisfy the rule (with it made: byline 'By {reporter}, Daily Caller News Foundation' {reads_as}" in lines["dcnf/byline"]
    assert lines["dcnf/byline"].endswith(given)
    escaped = (
        reporter.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") if name.endswith(".html") else reporter.replace("<", "\\<").replace(">", "\\>")
    )
    opening = '<p class="byline">' if name.endswith(".html") else ""
    assert f"inserting '{opening}By {escaped}, Daily Caller News Foundation" in lines["dcnf/byline"]
    assert lines["dcnf/logo"].endswith(f"the article has no byline to put it before, and none could be put in: {given}")
    assert "no DCNF logo to put it after" not in run.err
    assert page.read_text(encoding="utf-8") == text


def test_a_name_that_reads_as_one_gets_no_such_note(cli: Any, tmp_path: Path) -> None:
    name, text = STRIPPED["html with a headline"]
    page = write(tmp_path, name, text)
    run = cli("fix", "--pack", "dcnf", "--meta", "reporter=Nick Pope-Smith", "--meta", f"logo-url={LOGO}", str(page))
    assert run.code == 1
    assert "not fixed" not in run.err and "person's name" not in run.err

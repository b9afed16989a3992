"""A note on the story between its byline and the credit line ("Editor's note:", a correction
box, "Update, Dec. 2, 2026:", "Clarification:", a contributor line) is no paragraph of the story:
the credit line under it is still at the top. A story paragraph above the credit line still
begins the body, however it opens."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import write

PP_CREDIT = '<p>This story was originally published by <a href="https://www.propublica.org/article/jail-deaths">ProPublica</a>.</p>'
PP_BODY = "<p>Sheriffs in Kentucky reported 41 deaths in county jails last year, far more than the state counted.</p>"

NOTES = [
    "<p>Editor&#39;s note: This story has been edited for length.</p>",
    "<p><em>Editor’s Note — This story was edited for style and length.</em></p>",
    "<p>Update, Dec. 2, 2026: This story has been updated to correct the spelling of the county.</p>",
    "<p>Clarification: An earlier version of this story misstated the title of a spokesperson.</p>",
    "<p>CORRECTION: The sheriff resigned on Tuesday, not Monday as an earlier version of this story said.</p>",
    '<div class="correction"><p>An earlier version of this story misstated the county where the jail stands.</p></div>',
    '<aside class="story-correction"><p>Dec. 2, 2026: We corrected the name of the county where the jail stands.</p></aside>',
    '<div id="editors-note"><p>The reporter of this story once worked for the sheriff’s office in Hardin County.</p></div>',
    "<p>Additional reporting by Tom Becker of the Valley Times.</p>",
    "<p>Editor's note: This story has been edited for length.</p>\n<p>Correction: An earlier version of this story gave the wrong count of deaths.</p>",
]
PROSE = [
    "<p>Correction officers in the county said they were never told of the deaths.</p>",
    "<p>Updated figures from the state show that 12 more people died in the jails last year.</p>",
    "<p>Note that the state does not count deaths in hospitals after an arrest, the report found.</p>",
    '<div class="story-body"><p>Deputies at the Hardin County jail ignored pleas for help, records show.</p></div>',
]


def _pp_page(*blocks: str) -> str:
    return (
        '<html><body><article><h1>Jail deaths go uncounted</h1>\n<p class="byline">By Pat Doe, ProPublica</p>\n'
        + "\n".join(blocks)
        + '\n<script async src="https://pixel.propublica.org/pixel.js"></script>\n</article></body></html>\n'
    )


def _verdict(cli: Any, tmp_path: Path, pack: str, name: str, text: str, rule: str) -> dict[str, Any] | None:
    path = write(tmp_path, name, text)
    entry = cli("check", "-p", pack, "-f", "json", str(path)).json()["files"][0]
    found = [f for f in entry["findings"] if f["rule"] == rule]
    if not found:
        assert rule in {p["rule"] for p in entry["passed"]}
    return found[0] if found else None


@pytest.mark.parametrize("note", NOTES)
def test_a_note_between_the_byline_and_the_credit_line_does_not_begin_the_story(cli: Any, tmp_path: Path, note: str) -> None:
    assert _verdict(cli, tmp_path, "propublica", "story.html", _pp_page(note, PP_CREDIT, PP_BODY), "propublica/credit-line") is None


@pytest.mark.parametrize("prose", PROSE)
def test_a_story_paragraph_above_the_credit_line_still_begins_the_story(cli: Any, tmp_path: Path, prose: str) -> None:
    finding = _verdict(cli, tmp_path, "propublica", "story.html", _pp_page(prose, PP_CREDIT, PP_BODY), "propublica/credit-line")
    assert finding is not None
    opening = prose.split(">", 2)[-1 if prose.startswith("<div") else 1][:20]
    assert f"after the story's body begins (line 3, \"{opening}" in finding["detail"]


def test_a_story_paragraph_after_a_note_and_above_the_credit_line_begins_the_story(cli: Any, tmp_path: Path) -> None:
    page = _pp_page(NOTES[0], PP_BODY, PP_CREDIT)
    finding = _verdict(cli, tmp_path, "propublica", "story.html", page, "propublica/credit-line")
    assert finding is not None
    assert "after the story's body begins (line 4, \"Sheriffs in Kentucky" in finding["detail"]


CM_HEAD = "# Jail deaths\n\nBy Pat Doe, CalMatters\n\n"
CM_CREDIT = "This story was originally published by [CalMatters](https://calmatters.org/justice/2026/12/jail-deaths/). Sign up for their [newsletters](https://calmatters.org/newsletters/).\n\n"
CM_BODY = "Sheriffs in California reported 41 deaths in county jails last year, far more than the state counted.\n"


@pytest.mark.parametrize(
    ("above", "fails"),
    [
        ("*Editor's note: This story has been edited for length.*\n\n", False),
        ("**Update, Dec. 2, 2026:** This story was updated to correct the name of the county.\n\n", False),
        ("Ana Ruiz contributed to this report.\n\n", False),
        ("Correction officers in the county said they were never told of the deaths.\n\n", True),
    ],
)
def test_calmatters_markdown_copy_with_a_note_above_its_credit_line(cli: Any, tmp_path: Path, above: str, fails: bool) -> None:
    finding = _verdict(cli, tmp_path, "calmatters", "story.md", CM_HEAD + above + CM_CREDIT + CM_BODY, "calmatters/credit-line")
    assert (finding is not None) is fails


HOUSE = (
    "id: house\nname: House\npublisher: Us\nterms_url: https://example.org/t\nas_of: 2024-01-01\nsummary: s\n"
    "rules:\n  - id: house/credit\n    severity: error\n    message: Credit not at the top.\n    help: Move it.\n"
    "    check:\n      position:\n        check: {text: {phrase: First published by the Courier}}\n        at: top\n"
)


@pytest.mark.parametrize(
    ("above", "code"),
    [
        ("<p>Editor's note: The names of two inmates have been withheld at their families’ request.</p>", 0),
        ('<section class="clarifications"><p>An earlier version of this story misstated the day of the vote.</p></section>', 0),
        ("<p>The county board voted on Tuesday to close the old jail by next spring.</p>", 1),
    ],
)
def test_a_users_pack_at_the_top_reads_notes_the_same_way(cli: Any, tmp_path: Path, above: str, code: int) -> None:
    pack = write(tmp_path, "house.yaml", HOUSE)
    page = write(
        tmp_path,
        "a.html",
        "<article><h1>The old jail will close</h1><p>By Ana Ruiz</p>"
        f"{above}<p>First published by the Courier.</p><p>The jail opened in 1931 and has failed every inspection since 2010.</p></article>",
    )
    assert cli("check", "-r", str(pack), "-p", "house", str(page)).code == code

""" "At the top" in publishers' terms means before the story's body text, however long the story:
a credit line after the first body paragraph of a short story is not at the top."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import write

CREDIT = '<p>This story was originally published by <a href="https://www.propublica.org/article/rural-bills">ProPublica</a>.</p>'
BODY = ["<p>When Dana Whitlock opened her mailbox, she found a summons.</p>", "<p>She is one of 2,300 patients the hospital has sued.</p>"]
PIXEL = '<script async src="https://pixel.propublica.org/pixel.js"></script>'


def _page(*blocks: str) -> str:
    return "<html><body><article><h1>Hospital bills pile up</h1>\n" + "\n".join(blocks) + f"\n{PIXEL}\n</article></body></html>\n"


def _credit_line(cli: Any, tmp_path: Path, html: str) -> dict[str, Any] | None:
    path = write(tmp_path, "story.html", html)
    entry = cli("check", "-p", "propublica", "-f", "json", str(path)).json()["files"][0]
    found = [f for f in entry["findings"] if f["rule"] == "propublica/credit-line"]
    if not found:
        assert "propublica/credit-line" in {p["rule"] for p in entry["passed"]}
    return found[0] if found else None


FIGURE = (
    '<figure><img src="https://example.org/a.jpg" alt="A hospital" width="600" height="400">'
    "<figcaption>The hospital sued 2,300 of its patients last year.</figcaption></figure>"
)
PROMO = (
    "<p>ProPublica is a Pulitzer Prize-winning investigative newsroom. Sign up for The Big Story newsletter to receive stories like this one in your inbox.</p>"
)
MORE = [f"<p>Paragraph {n} of the story says what the hospital did next, and why.</p>" for n in range(10)]


@pytest.mark.parametrize(
    "blocks",
    [
        ["<p>By Ana Ruiz, ProPublica</p>", *BODY, CREDIT],  # the user's page: the last paragraph
        ["<p>By Ana Ruiz, ProPublica</p>", BODY[0], CREDIT, BODY[1]],  # after the first paragraph
        ["<p>By Ana Ruiz, ProPublica</p>", BODY[0], CREDIT, BODY[1], *MORE],  # within 8 blocks of a long story
        [*BODY, "<p>By Ana Ruiz, ProPublica</p>", CREDIT],
    ],
)
def test_a_credit_line_after_the_body_begins_is_not_at_the_top(cli: Any, tmp_path: Path, blocks: list[str]) -> None:
    finding = _credit_line(cli, tmp_path, _page(*blocks))
    assert finding is not None
    first_body = 3 if blocks[0].startswith("<p>By") else 2
    assert finding["detail"] == (
        f"ProPublica credit line is at line {2 + blocks.index(CREDIT)}, after the story's body begins (line {first_body},"
        ' "When Dana Whitlock opened her mailbox, she found…"): it must come before the first paragraph of the story'
    )


@pytest.mark.parametrize(
    "head",
    [
        ["<p>By Ana Ruiz, ProPublica</p>", CREDIT],
        [CREDIT, "<p>By Ana Ruiz, ProPublica</p>"],
        ["<p>By Ana Ruiz, ProPublica</p>", "<p>WASHINGTON</p>", "<p>Updated May 3, 2024</p>", CREDIT],
        [FIGURE, CREDIT],
        ['<p class="article-dek">A hospital in rural Missouri sued thousands of its own patients.</p>', "<p>By Ana Ruiz, ProPublica</p>", CREDIT],
        ['<div class="standfirst"><p>A hospital in rural Missouri sued thousands of its own patients.</p></div>', CREDIT],
        ["<header><p>A hospital in rural Missouri sued thousands of its own patients.</p></header>", CREDIT],
        # ProPublica's republish HTML: the newsletter promo under the headline, then the story.
        [PROMO, CREDIT],
    ],
)
def test_a_credit_line_before_the_body_is_at_the_top_however_long_the_story(cli: Any, tmp_path: Path, head: list[str]) -> None:
    assert _credit_line(cli, tmp_path, _page(*head, *BODY)) is None
    assert _credit_line(cli, tmp_path, _page(*head, *BODY, *MORE, *MORE)) is None


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ("at: top\n        first: 3", "needs exactly one of 'at', 'first' or 'last'"),
        ("first: 3\n        allow-before: {text: {phrase: Promo}}", "'allow-before' of the 'position' check goes with 'at: top'"),
        ("at: bottom", "'at'"),
    ],
)
def test_position_options_that_contradict_are_a_user_error(cli: Any, tmp_path: Path, options: str, message: str) -> None:
    pack = write(
        tmp_path,
        "house.yaml",
        "id: house\nname: House\npublisher: Us\nterms_url: https://example.org/t\nas_of: 2024-01-01\nsummary: s\n"
        "rules:\n  - id: house/credit\n    severity: error\n    message: Credit missing.\n    help: Add it.\n"
        f"    check:\n      position:\n        check: {{text: {{phrase: Credit}}}}\n        {options}\n",
    )
    page = write(tmp_path, "a.html", "<article><p>Credit.</p></article>")
    run = cli("check", "-r", str(pack), "-p", "house", str(page))
    assert run.code == 2
    assert message in run.err
    assert "house.yaml:" in run.err
    assert len(run.err.strip().splitlines()) == 1


def test_the_rule_pack_guide_example_of_at_top_runs(cli: Any, tmp_path: Path) -> None:
    import textwrap

    from tests.test_docs import RULE_PACKS_DOC, fenced

    (example,) = [block for block in fenced(RULE_PACKS_DOC, "yaml") if "allow-before" in block]
    pack = write(
        tmp_path,
        "house.yaml",
        "id: house\nname: House\npublisher: Us\nterms_url: https://example.org/t\nas_of: 2024-01-01\nsummary: s\n"
        "rules:\n  - id: house/credit\n    severity: error\n    message: Credit not at the top.\n    help: Move it.\n    check:\n"
        + textwrap.indent(example, "      "),
    )

    def verdict(*blocks: str) -> int:
        page = write(tmp_path, "a.html", _page(*blocks))
        return int(cli("check", "-r", str(pack), "-p", "house", str(page)).code)

    assert verdict(PROMO, CREDIT, *BODY) == 0
    assert verdict(BODY[0], CREDIT, BODY[1]) == 1

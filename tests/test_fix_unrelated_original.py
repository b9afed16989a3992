"""`syndcheck fix` takes no fact from an original that shares nothing with the copy (another story,
the wrong file or URL given to --original), even where both are too short for the check's
`original-mismatch` test to call it another story: no reporter's name is written from it, and
one note says why. An original that shares the copy's text, headline or reporter still lends."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

LOGO = "https://dailycallernewsfoundation.org/x/dcnf-logo.png"
OTHER = "No company bid on the offshore wind leases offered in the Gulf of Maine on Tuesday."
COPY = "# Energy Department Delays Appliance Rule\n\nThe Department of Energy delayed a rule on gas furnaces on Monday, citing comments from manufacturers.\n"


def _original(tmp_path: Path, headline: str, text: str) -> Path:
    path = tmp_path / "original.html"
    path.write_text(
        '<html><head><link rel="canonical" href="https://dailycallernewsfoundation.org/2024/06/21/story/"></head><body><article>\n'
        f'<h1>{headline}</h1>\n<p class="byline">By Hailey Norwood, Daily Caller News Foundation</p>\n<p>{text}</p>\n</article></body></html>\n',
        encoding="utf-8",
    )
    return path


def _fix(cli: Any, tmp_path: Path, original: Path) -> tuple[str, str]:
    copy = tmp_path / "copy.md"
    copy.write_text(COPY, encoding="utf-8")
    run = cli("fix", "--write", "--pack", "dcnf", "--original", str(original), f"--meta=logo-url={LOGO}", str(copy))
    return copy.read_text(encoding="utf-8"), run.err


def test_a_short_original_of_another_story_lends_no_reporter(cli: Any, tmp_path: Path) -> None:
    original = _original(
        tmp_path, "Offshore wind lease sale draws no bids", "No company bid on the offshore wind leases offered in the Gulf of Maine on Tuesday."
    )
    fixed, said = _fix(cli, tmp_path, original)
    assert "Hailey Norwood" not in fixed and fixed == COPY
    assert (
        'copy.md: note: the original given ("Offshore wind lease sale draws no bids") shares no text, headline or reporter with this copy: '
        "it may be another story, so nothing is taken from it (no reporter's name, no link); "
        "give this copy's own original with --original FILE or the 'original' metadata key"
    ) in said
    assert "not fixed: dcnf/byline: needs the reporter's name" in said
    assert said.count("note: the original given") == 1


@pytest.mark.parametrize(
    ("headline", "text"),
    [
        # the copy's own story, its headline rewritten: it shares the text
        ("DOE pushes back furnace rule", "The Department of Energy delayed a rule on gas furnaces on Monday, citing comments from manufacturers."),
        # the same headline, the text cut differently
        ("Energy Department Delays Appliance Rule", "Manufacturers had asked for more time to retool their plants."),
    ],
)
def test_an_original_sharing_the_copys_text_or_headline_lends_its_reporter(cli: Any, tmp_path: Path, headline: str, text: str) -> None:
    fixed, said = _fix(cli, tmp_path, _original(tmp_path, headline, text))
    assert "By Hailey Norwood, Daily Caller News Foundation" in fixed, said
    assert "shares no text" not in said


@pytest.mark.parametrize(("byline", "lends"), [("By Hailey Norwood", True), ("By Sam Li", False), ("", False)])
def test_an_original_crediting_the_copys_reporter_lends(byline: str, lends: bool) -> None:
    from compliance.document import parse_document
    from compliance.engine import lends_nothing

    copy = parse_document(COPY.replace("\n\nThe", f"\n\n{byline}\n\nThe") if byline else COPY, "markdown")
    original = parse_document(
        "# Offshore wind lease sale draws no bids\n\nBy Hailey Norwood, Daily Caller News Foundation\n\n"
        "No company bid on the offshore wind leases offered in the Gulf of Maine on Tuesday.\n",
        "markdown",
    )
    assert lends_nothing(copy, original) is not lends


LICENSE = (
    "All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available without"
    " charge to any legitimate news publisher that can provide a large audience. All republished articles must include our logo, our"
    " reporter’s byline and their DCNF affiliation. For any questions about our guidelines or partnering with us, please contact"
    " licensing@dailycallernewsfoundation.org."
)
STOCK = "The Department of Energy did not immediately respond to a request for comment."


def _parse(markdown: str) -> Any:
    from compliance.document import parse_document

    return parse_document(markdown, "markdown")


def _dcnf() -> list[Any]:
    from compliance.api import load_packs

    return [pack for pack in load_packs() if pack.id == "dcnf"]


@pytest.mark.parametrize("shared", [LICENSE, STOCK, "*This story was first published by the Daily Caller News Foundation.*"])
def test_boilerplate_both_stories_carry_is_no_shared_text(shared: str) -> None:
    from compliance.engine import lends_nothing

    copy = _parse(COPY + f"\n{shared}\n")
    original = _parse(f"# Offshore wind lease sale draws no bids\n\nBy Hailey Norwood, Daily Caller News Foundation\n\n{OTHER}\n\n{shared}\n")
    assert lends_nothing(copy, original, _dcnf())


@pytest.mark.parametrize(
    "story",
    [
        # the copy's lead, with the licence paragraph after it
        "The Department of Energy delayed a rule on gas furnaces on Monday, citing comments from manufacturers.",
        # a sentence of the story round a stock phrase: the words outside it are the story's
        "Furnace makers in Ohio and Texas asked the department for two more years, and the department did not respond to their requests.",
    ],
)
def test_a_sentence_of_the_story_beside_the_boilerplate_is_shared_text(story: str) -> None:
    from compliance.engine import lends_nothing

    copy = _parse(COPY + f"\n{story}\n\n{LICENSE}\n")
    original = _parse(f"# DOE pushes back furnace rule\n\nBy Hailey Norwood, Daily Caller News Foundation\n\n{story}\n\n{LICENSE}\n")
    assert not lends_nothing(copy, original, _dcnf())


def test_fix_writes_no_reporter_from_another_story_sharing_the_licence_paragraph(cli: Any, tmp_path: Path) -> None:
    original = _original(tmp_path, "Offshore wind lease sale draws no bids", f"{OTHER}</p>\n<p><em>{LICENSE}</em>")
    copy = tmp_path / "copy.md"
    copy.write_text(COPY + f"\n*{LICENSE}*\n", encoding="utf-8")
    run = cli("fix", "--write", "--pack", "dcnf", "--original", str(original), f"--meta=logo-url={LOGO}", str(copy))
    assert "Hailey Norwood" not in copy.read_text(encoding="utf-8")
    assert 'note: the original given ("Offshore wind lease sale draws no bids") shares no text, headline or reporter' in run.err

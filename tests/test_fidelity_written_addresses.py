"""A copy that keeps the original's links by writing their addresses out after the linked words
(a plain-text or print copy: "a qualified person (https://…)") adds nothing to the story; an
address the original does not link to is compared as words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.fidelity_story import HEADLINE, check_fidelity, original_page

REGULATION = "https://www.ecfr.gov/current/title-49/part-192/section-192.241"
TRUST = "https://pstrust.org/"
# The same pages by other addresses: http, no trailing slash, a tracking parameter.
REGULATION_HTTP = REGULATION.replace("https", "http")
TRUST_TRACKED = TRUST.rstrip("/") + "?utm_source=x"
# The story with two links, and the words each link is on.
LINKED = [
    f'Federal rules require that welds be <a href="{REGULATION}">visually inspected by a qualified person</a>, and that a share of them be tested.',
    f'Faulty welds are a leading cause of failures, according to an <a href="{TRUST}">analysis of federal incident data</a> by the Pipeline Safety Trust.',
    "The inspections were performed by contractors hired by the pipeline companies themselves, a common arrangement in the industry.",
]


def _copy(first: str, second: str) -> str:
    """The story as a plain-text copy writes it: the two linked paragraphs given, the third as is."""
    return f"{HEADLINE}\n\nBy Jane Whitfield and Omar Delgado\n\n{first}\n\n{second}\n\n{LINKED[2]}\n"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # After the words, in brackets, angle brackets, after a colon, or bare; before a comma or a full stop.
        (
            f"Federal rules require that welds be visually inspected by a qualified person ({REGULATION}), and that a share of them be tested.",
            f"Faulty welds are a leading cause of failures, according to an analysis of federal incident data ({TRUST}) by the Pipeline Safety Trust.",
        ),
        (
            f"Federal rules require that welds be visually inspected by a qualified person <{REGULATION}>, and that a share of them be tested.",
            f"Faulty welds are a leading cause of failures, according to an analysis of federal incident data <{TRUST}> by the Pipeline Safety Trust.",
        ),
        (
            f"Federal rules require that welds be visually inspected by a qualified person: {REGULATION}, and that a share of them be tested.",
            f"Faulty welds are a leading cause of failures, according to an analysis of federal incident data: {TRUST} by the Pipeline Safety Trust.",
        ),
        (
            f"Federal rules require that welds be visually inspected by a qualified person {REGULATION}, and that a share of them be tested.",
            f"Faulty welds are a leading cause of failures, according to an analysis of federal incident data by the Pipeline Safety Trust. {TRUST}.",
        ),
        # The same pages by other addresses: http, no trailing slash, a tracking parameter.
        (
            f"Federal rules require that welds be visually inspected by a qualified person ({REGULATION_HTTP}), and that a share of them be tested.",
            f"Faulty welds are a leading cause of failures, according to an analysis of federal incident data ({TRUST_TRACKED}) by the Pipeline Safety Trust.",
        ),
    ],
    ids=["brackets", "angle-brackets", "colon", "bare", "same-pages"],
)
def test_addresses_of_the_originals_links_written_out_are_no_edit(cli: Any, tmp_path: Path, first: str, second: str) -> None:
    code, evidence = check_fidelity(cli, tmp_path, original_page(LINKED), _copy(first, second), name="copy.txt")
    assert (code, evidence) == (0, [])


def test_an_address_written_out_in_an_html_copy_is_no_edit_either(cli: Any, tmp_path: Path) -> None:
    story = [LINKED[0].replace(f'<a href="{REGULATION}">', "").replace("</a>", f" ({REGULATION})"), LINKED[1], LINKED[2]]
    page = original_page(story).replace('<article class="article">', '<article class="story">')
    code, evidence = check_fidelity(cli, tmp_path, original_page(LINKED), page)
    assert (code, evidence) == (0, [])


def test_an_address_the_original_does_not_link_to_is_an_edit(cli: Any, tmp_path: Path) -> None:
    guide = "https://example.org/our-pipeline-guide"
    first = f"Federal rules require that welds be visually inspected by a qualified person ({guide}), and that a share of them be tested."
    code, evidence = check_fidelity(
        cli, tmp_path, original_page(LINKED), _copy(first, LINKED[1].replace(f'<a href="{TRUST}">', "").replace("</a>", "")), name="copy.txt"
    )
    assert code == 1
    assert len(evidence) == 1
    assert guide in evidence[0]


def test_words_replaced_by_the_address_are_still_an_edit(cli: Any, tmp_path: Path) -> None:
    # The linked words are gone: the address keeps the link, not the story's words.
    first = f"Federal rules require that welds be {REGULATION}, and that a share of them be tested."
    code, evidence = check_fidelity(
        cli, tmp_path, original_page(LINKED), _copy(first, LINKED[1].replace(f'<a href="{TRUST}">', "").replace("</a>", "")), name="copy.txt"
    )
    assert code == 1
    assert len(evidence) == 1
    assert "visually inspected by a qualified person" in evidence[0]

"""The benchmark's generated pages (`benchmarks/corpus.py`) are read as what they are: each
republication is detected as its publisher's, with the findings its variant plants, and a local
story as no pack's. The benchmark's figures are only comparable from run to run while this holds:
a change that made two of its pages undetected once went unnoticed by every other test (their
shapes, such as a script's JSON holding `<a href=…` for kilobytes without a `>`, are in no sample)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from compliance.engine import check_bytes
from compliance.loading import load_packs

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from corpus import KB, LAYOUTS, PUBLISHERS, Generator

# The pack each publisher's republication is detected as (the flawed DCNF ones are DCNF's).
PACK_OF = {"dcnf": ("dcnf",), "dcnf-flawed": ("dcnf",), "propublica": ("propublica",), "conversation": ("the-conversation",), "local": ()}
# The rule each flawed DCNF variant breaks.
BROKEN_BY = {"no-logo": "dcnf/logo", "staff-byline": "dcnf/byline", "no-affiliation": "dcnf/affiliation"}


@pytest.mark.parametrize("seed", [20240627, 20240631])
@pytest.mark.parametrize("size", [20 * KB, 100 * KB])
def test_each_generated_page_is_detected_as_its_publishers(seed: int, size: int) -> None:
    packs = load_packs()
    generator = Generator(seed)
    for page in (generator.page(layout, publisher, size) for layout in LAYOUTS for publisher in PUBLISHERS):
        report = check_bytes(page.data, "html", packs, path=page.name)
        assert report.packs == PACK_OF[page.publisher], page.name
        rules = {finding.rule for finding in report.findings}
        if page.variant in BROKEN_BY:
            assert BROKEN_BY[page.variant] in rules, (page.name, rules)
        if page.publisher == "dcnf":
            assert rules == set(), (page.name, rules)

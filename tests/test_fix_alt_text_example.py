"""The note of a fix that needs an image's address (DCNF's `logo-url`) names the alt text of the
original's image by a concrete wording an editor can paste, never by the placeholder "text the rule
describes by a pattern": the alt text the fix itself writes when the rule's pattern finds it, else
the first of the pattern's alternatives that reads as plain text and that it finds; the neutral
phrase only when the pattern has no plain reading at all."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.describe import describe_pattern, plain_alternatives

STRIPPED = "# Energy Department Delays Appliance Rule\n\nThe Department of Energy delayed a rule on gas furnaces on Monday.\n"


@pytest.mark.parametrize("rule", ["dcnf/logo", "dcnf/affiliation"])
def test_the_dcnf_logo_note_gives_the_packs_alt_text(cli: Any, tmp_path: Path, rule: str) -> None:
    copy = tmp_path / "copy.md"
    # dcnf/affiliation fails (and so is fixed) where a byline stands without the affiliation.
    copy.write_text(STRIPPED.replace("\n\nThe", "\n\nBy Nick Pope\n\nThe") if rule == "dcnf/affiliation" else STRIPPED, encoding="utf-8")
    run = cli("fix", "--pack", "dcnf", "--meta=reporter=Nick Pope", str(copy))
    assert (
        f"not fixed: {rule}: needs 'logo-url': give the original story with its image whose alt text reads "
        '"Daily Caller News Foundation logo" (--original FILE) or --meta logo-url=VALUE'
    ) in run.err
    assert "describes by a pattern" not in run.err


GAZETTE = """\
id: gazette
name: Example Gazette
publisher: Example Gazette
terms_url: https://gazette.example/republish
as_of: 2024-06-01
summary: The Gazette's logo above the byline.
rules:
  - id: gazette/logo
    severity: error
    message: The Gazette's logo is missing.
    help: Put the Gazette's logo above the byline.
    check:
      element: {{selector: img, attributes: {{alt: '{alt}'}}}}
    fix:
      insert: before
      where: byline
      template:
        html: '<p><img src="{{logo}}" alt="Gazette"></p>'
        markdown: '![Gazette]({{logo}})'
      values:
        logo: {{original-image: '{alt}', meta: gazette-logo}}
"""


@pytest.mark.parametrize(
    ("alt", "reads"),
    [
        # the template's own alt text ("Gazette") is no match: the first plain alternative that is
        (r"^[A-Z][a-z]+ logo$|^Example Gazette logo$", "Example Gazette logo"),
        # an alternative that reads as more than it says ("logo…") is passed over for one the pattern finds
        (r"^(?:gazette\s+)?wordmark\b.+$|^\s*Example\s+Gazette\s+logo\s*$", "Example Gazette logo"),
        # no alternative reads as plain text: the neutral phrase, never the regex
        (r"^[A-Z][a-z]+ logo$", "text the rule describes by a pattern"),
    ],
)
def test_a_house_packs_note_gives_a_wording_its_pattern_finds(cli: Any, tmp_path: Path, alt: str, reads: str) -> None:
    pack = tmp_path / "gazette.yaml"
    pack.write_text(GAZETTE.format(alt=alt), encoding="utf-8")
    copy = tmp_path / "copy.md"
    copy.write_text("# Council passes budget\n\nBy Ana Ruiz\n\nThe council approved the budget on Tuesday night.\n", encoding="utf-8")
    run = cli("fix", "--rules", str(pack), "--pack", "gazette", str(copy))
    assert f"not fixed: gazette/logo: needs 'logo': give the original story with its image whose alt text reads \"{reads}\" (--original FILE)" in run.err


def test_plain_alternatives_are_each_alternative_that_reads_as_text() -> None:
    assert plain_alternatives(r"^[A-Z][a-z]+ logo$|^\s*Example\s+Gazette\s+logo\s*$|^(?:The\s+)?Gazette\s+(logo|wordmark)$") == [
        "Example Gazette logo",
        "Gazette logo",
    ]
    assert plain_alternatives(r"^[A-Z][a-z]+$") == []
    # The whole pattern still has no reading when one alternative has none.
    assert describe_pattern(r"^[A-Z][a-z]+ logo$|^Example Gazette logo$") == ""

"""`rules validate` warns of a URL pattern that another host can pass for (compliance.urlpatterns)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from compliance.packfiles import load_packs
from compliance.urlpatterns import loose_host
from tests.conftest import ROOT

PINNED = [
    r"^https?://(?:www\.)?propublica\.org/",
    r"^https?://(?:www\.)?texastribune\.org(?:/|$)",
    r"^https?://(?:[a-z0-9-]+\.)*dailycallernewsfoundation\.org/[^?]*logo",
    r"^https?://(?:www\.)?(?:kffhealthnews\.org|khn\.org)/news/",
    r"^https?://[^/]+\.propublica\.org/",  # any sub-domain of the publisher's own
    r"^https?://(?:www\.)?theconversation\.com(?:/(?:us|uk)?/?)?(?:[?#].*)?$",
    r"^(?:https?:)?//counter\.theconversation\.com/content/\d+/count\.gif",
    r"^https?://pixel\.propublica\.org:8443/",
    r"^https?://(?:www\.)?acme\.example(?=/)",  # a lookahead that lets only the path follow
    r"^https?://acme\.example\.?/",  # a host's trailing dot names the same host
]
NO_HOST = [r"[?&]republication-pixel=true\b", r"^https?://", r"^(?:[^?]*/)?[^/?]*dcnf[-_]?logo[^/?]*(?:\?|$)", r"\p{L}+\.org"]
LOOSE = [
    (r"propublica\.org/article/", "propublica.org", "not anchored at the start"),
    (r"^https?://(?:www\.)?propublica\.org", "propublica.org", "nothing ends the host"),
    (r"^https?://(?:www\.)?(?:kffhealthnews\.org|khn\.org)", "kffhealthnews.org", "nothing ends the host"),
    (r"^https?://.*propublica\.org/", "propublica.org", "may hold a '/'"),
    (r"^https?://[a-z]*propublica\.org/", "propublica.org", "a longer host"),
    (r"^https?://[a-z]*(?:www\.)?propublica\.org/", "propublica.org", "a longer host"),
    (r"^https?://propublica\.org:?", "propublica.org", "nothing ends the host"),
    (r"^.*propublica\.org/", "propublica.org", "does not start with the scheme"),
    (r"^https?://acme\.example(?!\.)", "acme.example", "nothing ends the host"),
    (r"^https?://acme\.example\.", "acme.example.", "nothing ends the host"),
]


@pytest.mark.parametrize("pattern", PINNED + NO_HOST)
def test_a_pinned_host_or_no_host_gives_no_warning(pattern: str) -> None:
    assert loose_host(pattern) is None


@pytest.mark.parametrize(("pattern", "host", "why"), LOOSE)
def test_a_host_another_host_can_pass_for_is_named(pattern: str, host: str, why: str) -> None:
    loose = loose_host(pattern)
    assert loose is not None and loose.host == host and why in loose.problem
    assert loose_host(loose.anchored) is None
    # The URL the warning gives as another host's is one the pattern matches (one ending in '…'
    # stands for any URL that holds what the pattern matches).
    example = re.search(r"https://\S+/…?", loose.problem)
    if example is not None:
        assert example.group().endswith("…") or re.search(pattern, example.group(), re.IGNORECASE), (pattern, example)


def test_the_built_in_packs_pin_every_host_they_name() -> None:
    assert [w for pack in load_packs([ROOT / "rules"], builtin=False) for w in pack.warnings] == []


def test_validate_warns_at_the_pattern_and_stays_valid(cli: Any, tmp_path: Path) -> None:
    pack = (ROOT / "docs" / "examples" / "lint-packs" / "loose-link.yaml").read_text(encoding="utf-8")
    pack = pack.replace("link: {href: 'gazette\\.example/stories/'}", "element: {selector: img, attributes: {data-src: '^https?://gazette\\.example'}}")
    path = tmp_path / "gazette.yaml"
    path.write_text(pack, encoding="utf-8")
    run = cli("rules", "validate", str(path))
    assert run.code == 0, run.err
    assert run.out.splitlines()[1] == (
        f"{path}:13:55: warning: rule 'gazette-link/link-back': the data-src pattern accepts other hosts: nothing ends the host after"
        " 'gazette.example', so https://gazette.example-attacker.example/ matches — pin the host down, as in '^https?://(?:www\\.)?gazette\\.example/'"
    )

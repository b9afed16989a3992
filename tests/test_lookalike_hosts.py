"""A link back whose host is spelt with look-alike letters ("prоpublica.org" with a Cyrillic о):
it looks right to an editor and takes a reader to another site. The link check still fails (a
browser goes to the address as spelt), and says which link, which letters, and where it goes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

SAMPLE = ROOT / "samples" / "propublica" / "compliant-wordpress.html"
ORIGINAL_HOST = "https://www.propublica.org/article/"

# How the host is spelt in the page's href: (name, host as written, the letter named, the host a browser goes to).
HOSTS = [
    ("cyrillic o", "www.pr\u043epublica.org", "U+043E CYRILLIC SMALL LETTER O", "www.xn--prpublica-12h.org"),
    ("greek omicron", "www.pr\u03bfpublica.org", "U+03BF GREEK SMALL LETTER OMICRON", "www.xn--prpublica-r1g.org"),
    ("cyrillic a, as punycode", "www.xn--propublic-8yh.org", "U+0430 CYRILLIC SMALL LETTER A", "www.xn--propublic-8yh.org"),
]


def _copy_with_host(tmp_path: Path, host: str) -> Path:
    page = SAMPLE.read_text(encoding="utf-8")
    assert page.count(ORIGINAL_HOST) >= 1
    story = tmp_path / "story.html"
    story.write_text(page.replace(ORIGINAL_HOST, f"https://{host}/article/"), encoding="utf-8")
    return story


def _source_link(run: Any) -> dict[str, Any]:
    (result,) = run.json()["files"]
    return next(f for f in result["findings"] if f["rule"] == "creative-commons/source-link")


@pytest.mark.parametrize(("name", "host", "letter", "fetched"), HOSTS, ids=[h[0] for h in HOSTS])
def test_a_link_back_to_a_look_alike_host_fails_naming_its_letters(cli: Any, tmp_path: Path, name: str, host: str, letter: str, fetched: str) -> None:
    story = _copy_with_host(tmp_path, host)
    run = cli("check", "--format", "json", str(story))
    assert run.code == 1, run.out
    finding = _source_link(run)
    assert finding["severity"] == "error"
    assert f"goes to {fetched}, not the address it looks like: its host is spelt with {letter}" in finding["message"]
    assert "write the address in plain letters" in finding["message"]
    # Placed at the link itself, the one to mend.
    line = next(n for n, text in enumerate(story.read_text(encoding="utf-8").splitlines(), 1) if f'<a href="https://{host}/article/' in text)
    assert finding["line"] == line


def test_with_the_original_given_the_look_alike_link_is_named_instead_of_a_missing_one(cli: Any, tmp_path: Path) -> None:
    story = _copy_with_host(tmp_path, HOSTS[0][1])
    original = tmp_path / "original.html"
    address = "https://www.propublica.org/article/pipeline-weld-inspections-records"
    original.write_text(
        f'<html><head><link rel="canonical" href="{address}"></head><body><article><h1>T</h1><p>Text.</p></article></body></html>', encoding="utf-8"
    )
    run = cli("check", "--format", "json", "--original", str(original), str(story))
    finding = _source_link(run)
    assert f"no visible link to the original <{address}>" in finding["message"]
    assert "goes to www.xn--prpublica-12h.org" in finding["message"]


def test_a_plain_host_of_another_site_gets_no_look_alike_clause(cli: Any, tmp_path: Path) -> None:
    # A link to the republisher's own site, or to a host that reads as no other: no letters to name.
    for host in ("www.lakeside-ledger.example", "www.\u043f\u0440\u0438\u043c\u0435\u0440.org"):
        run = cli("check", "--format", "json", str(_copy_with_host(tmp_path, host)))
        finding = _source_link(run)
        assert "look" not in finding["message"] and "spelt with" not in finding["message"], finding["message"]


def test_the_docs_quote_the_clause_as_printed(cli: Any, tmp_path: Path) -> None:
    docs = " ".join((ROOT / "docs" / "rule-packs.md").read_text(encoding="utf-8").split())
    quoted = docs.split("goes to www.xn--prpublica-12h.org", 1)[1].split("`", 1)[0]
    run = cli("check", "--format", "json", str(_copy_with_host(tmp_path, HOSTS[0][1])))
    message = _source_link(run)["message"]
    assert "the link at line 88 (" in message
    assert "goes to www.xn--prpublica-12h.org" + quoted in message

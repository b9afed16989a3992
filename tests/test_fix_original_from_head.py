"""`syndcheck fix` takes the original's address from the page head's canonical or
`syndication-source` link when neither `--original` nor `--meta original-url` gives it, even for a
publisher whose link back must be one readers see (ProPublica's): the head names the story all the
same. Only an address of the publisher's stories counts, as the link back reads them: a canonical
link naming the republisher's own page, or a page of the publisher's that is no story, is not the
original, and the fix still asks for the address."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

STORY = "https://www.propublica.org/article/bridge-inspections-lapsed"
BODY = """<body><article>
<h1>Bridge inspections lapsed</h1>
<p>By Ana Ruiz, ProPublica</p>
<p>State engineers skipped 112 bridge inspections in two years, records show.</p>
<p>The agency said it had too few inspectors.</p>
<script async src="https://pixel.propublica.org/pixel.js"></script>
</article></body></html>
"""


def page(head: str) -> str:
    return f"<!doctype html><html><head><title>Bridges</title>{head}</head>\n{BODY}"


@pytest.mark.parametrize(
    ("head", "tag"),
    [
        (f'<link rel="canonical" href="{STORY}">', '<link rel="canonical"'),
        (f'<meta name="syndication-source" content="{STORY}">', '<meta name="syndication-source"'),
        # the republisher's own canonical beside ProPublica's syndication-source: the latter is the original
        (f'<link rel="canonical" href="https://rivertownherald.example/news/bridges"><meta name="syndication-source" content="{STORY}">', "<meta"),
    ],
)
def test_the_heads_link_to_the_story_gives_the_original(cli: Any, tmp_path: Path, head: str, tag: str) -> None:
    path = tmp_path / "copy.html"
    path.write_text(page(head), encoding="utf-8")
    run = cli("fix", "--write", "--pack", "propublica", str(path))
    fixed = path.read_text(encoding="utf-8")
    assert run.code == 0, run.err
    assert f'<p>This story was originally published by <a href="{STORY}">ProPublica</a>.</p>' in fixed
    assert "the original's address is the one the page links back to: " + tag in run.err
    assert "rivertownherald" not in fixed[fixed.index("<body>") :]
    assert cli("check", "--pack", "propublica", str(path)).code == 0


@pytest.mark.parametrize(
    "head",
    [
        '<link rel="canonical" href="https://rivertownherald.example/news/bridges">',
        '<link rel="canonical" href="https://www.propublica.org/">',
        '<meta name="syndication-source" content="https://www.propublica.org/about/">',
    ],
)
def test_a_head_link_to_no_story_of_the_publisher_is_not_the_original(cli: Any, tmp_path: Path, head: str) -> None:
    path = tmp_path / "copy.html"
    path.write_text(page(head), encoding="utf-8")
    run = cli("fix", "--pack", "propublica", str(path))
    assert "not fixed: propublica/credit-line: needs the original story's URL" in run.err
    assert "+<p>This story" not in run.out


# A Markdown article's page head is written by its theme from the front matter: Jekyll layouts,
# Hexo and Forem read `canonical_url`, Hugo themes `canonicalURL` or `canonicalUrl`, Eleventy and
# Astro layouts `canonical`.
MARKDOWN_BODY = """
By Ana Ruiz, ProPublica

State engineers skipped 112 bridge inspections in two years, records show.

The agency said it had too few inspectors.

<script async src="https://pixel.propublica.org/pixel.js"></script>
"""


def markdown(front: str, body: str = MARKDOWN_BODY, eol: str = "\n") -> str:
    return f"---\ntitle: Bridge inspections lapsed\n{front}\n---\n{body}".replace("\n", eol)


@pytest.mark.parametrize("key", ["canonical_url", "canonicalURL", "canonicalUrl", "canonical", "Canonical-URL"])
@pytest.mark.parametrize("eol", ["\n", "\r\n"])
def test_the_front_matters_canonical_address_gives_the_original(cli: Any, tmp_path: Path, key: str, eol: str) -> None:
    path = tmp_path / "copy.md"
    path.write_bytes(markdown(f"{key}: {STORY}", eol=eol).encode())
    run = cli("fix", "--write", "--pack", "propublica", str(path))
    fixed = path.read_bytes().decode()
    assert run.code == 0, run.err
    assert f"This story was originally published by [ProPublica]({STORY}).{eol}" in fixed
    assert f"the original's address is the one the page links back to: the front matter's {key} ({STORY})" in run.err
    assert cli("check", "--pack", "propublica", str(path)).code == 0


def test_the_front_matters_canonical_address_points_a_credit_link_gone_elsewhere(cli: Any, tmp_path: Path) -> None:
    body = MARKDOWN_BODY.replace("\nState", "\nThis story was originally published by [ProPublica](https://rivertownherald.example/news/bridges).\n\nState")
    path = tmp_path / "copy.md"
    path.write_text(markdown(f"canonical_url: {STORY}", body), encoding="utf-8")
    checked = cli("check", "--pack", "propublica", str(path))
    assert '(<a href="https://rivertownherald.example/news/bridges">ProPublica</a>) names the original but goes elsewhere' in checked.out
    run = cli("fix", "--pack", "propublica", str(path))
    assert f"+This story was originally published by [ProPublica]({STORY})." in run.out
    assert "-This story was originally published by [ProPublica](https://rivertownherald.example/news/bridges)." in run.out


@pytest.mark.parametrize(
    "front",
    [
        "canonical_url: https://rivertownherald.example/news/bridges",
        "canonical_url: https://www.propublica.org/",
        "canonical: true",
        # not a key a theme writes as the canonical link
        f"source: {STORY}",
    ],
)
def test_a_front_matter_address_of_no_story_is_not_the_original(cli: Any, tmp_path: Path, front: str) -> None:
    path = tmp_path / "copy.md"
    path.write_text(markdown(front), encoding="utf-8")
    run = cli("fix", "--pack", "propublica", str(path))
    assert "not fixed: propublica/credit-line: needs the original story's URL" in run.err
    assert "+This story" not in run.out


# Every way the message names, each of which gives the address (the tests above, and these).
WAYS_NAMED = ("--meta original-url=URL", "(--original FILE)", "a link back to it", "canonical link", "syndication-source", "canonical_url", "original_url")


def test_the_note_asking_for_the_address_names_every_way_to_give_it(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "copy.md"
    path.write_text(markdown("author: Ana Ruiz"), encoding="utf-8")
    (note,) = [line for line in cli("fix", "--pack", "propublica", str(path)).err.splitlines() if "not fixed: propublica/credit-line" in line]
    assert note.startswith(f"{path}: not fixed: propublica/credit-line: needs the original story's URL: give ")
    assert [way for way in WAYS_NAMED if way not in note] == []


@pytest.mark.parametrize("key", ["canonical_url", "original_url"])
def test_each_front_matter_key_the_note_names_gives_the_original(cli: Any, tmp_path: Path, key: str) -> None:
    path = tmp_path / "copy.md"
    path.write_text(markdown(f"{key}: {STORY}"), encoding="utf-8")
    run = cli("fix", "--write", "--pack", "propublica", str(path))
    assert run.code == 0, run.err
    assert f"This story was originally published by [ProPublica]({STORY})." in path.read_text(encoding="utf-8")

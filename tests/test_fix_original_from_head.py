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

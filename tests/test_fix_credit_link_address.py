"""`syndcheck fix` and a credit line whose link names the original but goes elsewhere (a CMS rewrote
"ProPublica" to the republisher's own page), which `check` reports with "point it at the
original": once the original's address is known, the link's address is put right, its words and
other attributes kept, rather than a second "Read the original story" line added beside it. The
address is not guessed: without it, fix asks for it as before."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

STORY = "https://www.propublica.org/article/school-bus-inspections"
BODY = "<p>Half of the district's buses missed their yearly inspection, state records show.</p>\n<p>The district said it would catch up by June.</p>"
PIXEL = '<script async src="https://pixel.propublica.org/pixel.js"></script>'


def html_page(anchor: str, eol: str = "\n") -> str:
    lines = [
        "<html><body><article>",
        "<h1>Buses missed inspections</h1>",
        "<p>By Mei Chen, ProPublica</p>",
        f"<p><em>This story was originally published by {anchor}.</em></p>",
        BODY,
        PIXEL,
        "</article></body></html>",
        "",
    ]
    return eol.join(lines).replace("\n", eol)


@pytest.mark.parametrize(
    "anchor",
    [
        '<a href="https://valleyherald.example/2026/buses">ProPublica</a>',
        "<a class='credit' href='https://valleyherald.example/2026/buses?ref=top&amp;x=1' rel=noopener>ProPublica</a>",
        "<a href=/2026/buses>ProPublica</a>",  # a path of the republisher's own site
    ],
)
def test_the_credit_lines_link_is_pointed_at_the_original(cli: Any, tmp_path: Path, anchor: str) -> None:
    path = tmp_path / "copy.html"
    path.write_text(html_page(anchor), encoding="utf-8")
    run = cli("fix", "--write", "--pack", "propublica", f"--meta=original-url={STORY}", str(path))
    fixed = path.read_text(encoding="utf-8")
    assert run.code == 0, run.err
    assert "fixed creative-commons/source-link: replaced the address of the link 'ProPublica'" in run.err
    assert f"{STORY}" in fixed and "valleyherald" not in fixed and "/2026/buses" not in fixed
    assert "Read the original story" not in fixed
    # Only the address changed: the rest of the tag and the line as the editor wrote them.
    start, end = anchor.split("ProPublica")[0], "ProPublica</a>"
    head = start[: start.index("href")]
    assert fixed.count(head) == 1 and end in fixed and fixed.count("\n") == html_page(anchor).count("\n")
    assert cli("check", "--pack", "propublica", f"--meta=original-url={STORY}", str(path)).code == 0


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_a_markdown_credit_lines_link_is_mended_and_the_line_breaks_kept(cli: Any, tmp_path: Path, eol: str) -> None:
    path = tmp_path / "copy.md"
    credit = 'This story was originally published by [ProPublica](https://valleyherald.example/2026/buses "ProPublica").'
    body = "Half of the district's buses missed their yearly inspection, state records show."
    source = f"# Buses missed inspections\n\nBy Mei Chen, ProPublica\n\n{credit}\n\n{body}\n\n{PIXEL}\n"
    path.write_bytes(source.replace("\n", eol).encode())
    run = cli("fix", "--write", "--pack", "propublica", f"--meta=original-url={STORY}", "--meta=medium=online", str(path))
    assert run.code == 0, run.err
    expected = source.replace("https://valleyherald.example/2026/buses", STORY)
    assert path.read_bytes() == expected.replace("\n", eol).encode()


def test_without_the_originals_address_the_link_is_left_and_the_address_asked_for(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "copy.html"
    path.write_text(html_page('<a href="https://valleyherald.example/2026/buses">ProPublica</a>'), encoding="utf-8")
    run = cli("fix", "--pack", "propublica", str(path))
    assert "replaced the address" not in run.err
    assert "not fixed: creative-commons/source-link: needs the original story's URL" in run.err

"""Line endings: a page saved with LF, CR LF or lone CR (old Mac files) line breaks is reported at
the same lines and columns, and `fix` keeps the page's own line break."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.document.positions import lines_by_lf
from tests.conftest import write

# A DCNF story with no logo and a byline that does not name the foundation, and (in the license
# paragraph, on line 6) a Cyrillic "а" in "Dаily".
PAGE = """<html><body><article><h1>Pipeline rule shelved</h1>
<p>By Maria Lopez</p>
<p>The Department of Energy has shelved a proposed rule.</p>
<p>Industry groups had lobbied against it.</p>
  <p>Its authors say it is not dead.</p>
  <p>All content created by the D\u0430ily Caller News Foundation, an independent and nonpartisan newswire \
service, is available without charge to any legitimate news publisher that can provide a large audience. \
For licensing opportunities of our original content, please contact licensing@dailycallernewsfoundation.org.</p>
</article></body></html>
"""

TEXT_PAGE = """Pipeline rule shelved
By Maria Lopez
The Department of Energy has shelved a proposed rule.

All content created by the D\u0430ily Caller News Foundation.
"""

LINE_BREAKS = {"lf": "\n", "crlf": "\r\n", "cr": "\r"}


def _findings(cli: Any, path: Path, *args: str) -> list[tuple[str, int, int]]:
    run = cli("check", "--format", "json", *args, str(path))
    return sorted((f["rule"], f["line"], f["column"]) for f in run.json()["files"][0]["findings"])


@pytest.mark.parametrize("kind", ["html", "text"])
def test_every_line_break_gives_the_same_locations(cli: Any, tmp_path: Path, kind: str) -> None:
    page = PAGE if kind == "html" else TEXT_PAGE
    suffix = "html" if kind == "html" else "txt"
    found = {name: _findings(cli, write(tmp_path, f"{name}.{suffix}", page.replace("\n", eol).encode()), "--pack", "dcnf") for name, eol in LINE_BREAKS.items()}
    assert found["cr"] == found["crlf"] == found["lf"]
    # Not all on line 1: the byline's finding is on the byline's line, the look-alike on its own.
    lines = {rule: line for rule, line, _ in found["lf"]}
    assert lines["dcnf/affiliation"] == 2
    assert max(lines.values()) >= 5


def test_a_look_alike_letter_in_an_old_mac_page_is_located_on_its_line(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path, "cr.html", PAGE.replace("\n", "\r").encode())
    run = cli("check", "--format", "json", str(path))
    [disguise] = [f for f in run.json()["files"][0]["findings"] if "look" in f["rule"]]
    # Line 6 is `  <p>All content created by the Dаily …`: the Cyrillic letter is its 34th character.
    assert (disguise["line"], disguise["column"]) == (6, 34)
    assert "at 6:34" in disguise["message"]


def test_fix_keeps_an_old_mac_pages_line_breaks(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path, "cr.html", PAGE.replace("\u0430", "a").replace("\n", "\r").encode())
    run = cli("fix", "--write", "-m", "logo-url=https://dailycallernewsfoundation.org/logo.png", str(path))
    fixed = path.read_bytes()
    assert run.code == 0, run.err
    assert b"\n" not in fixed
    assert fixed.count(b"\r") == PAGE.count("\n") + 1  # the logo went in on a line of its own
    assert b'<p><img src="https://dailycallernewsfoundation.org/logo.png"' in fixed
    assert cli("check", str(path)).code == 0


def test_lines_by_lf_keeps_every_offset() -> None:
    source = "a\rb\r\nc\n\rd\r"
    view = lines_by_lf(source)
    assert len(view) == len(source)
    assert view == "a\nb\r\nc\n\nd\n"
    assert [i for i, c in enumerate(source) if c != "\r"] == [i for i, c in enumerate(view) if c not in "\r\n" or source[i] == "\n"]


@pytest.mark.parametrize(("kind", "eol"), [(kind, eol) for kind in ("text", "markdown") for eol in LINE_BREAKS.values()])
def test_front_matter_is_read_whatever_the_line_break(kind: str, eol: str) -> None:
    from compliance.document import parse_document

    article = eol.join(["---", "reporter: Ana Ruiz", "original: https://www.propublica.org/article/x", "---", "Headline", "", "By Ana Ruiz", ""])
    doc = parse_document(article.encode(), kind)  # type: ignore[arg-type]
    assert doc.front_matter == {"reporter": "Ana Ruiz", "original": "https://www.propublica.org/article/x"}
    # The front matter is not article text, and the article keeps its lines.
    assert [(b.text.lstrip("# "), b.line) for b in doc.blocks] == [("Headline", 5), ("By Ana Ruiz", 7)]

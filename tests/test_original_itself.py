"""The copy given as its own original (`check --original story.html story.html`, or a file, an
upload or stdin with its very text): compared with itself, every rule that compares would pass and
the page's own agency photos would read as "reused from the original". An `original-unavailable`
note says the original given is the copy itself, nothing is compared with it, as with an original
that cannot be read, and `fix` writes nothing from it."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from compliance.serve import ServeSettings
from compliance.serve.app import create_app
from tests.conftest import ROOT

# A DCNF copy with an agency photo and a byline: what comparing with itself "passed" or flagged.
COPY = ROOT / "samples" / "originals" / "dcnf-agency-photo.txt"
COMPARING = {"dcnf/original-reporter", "dcnf/reused-agency-photo"}
NOTE = "original story not compared: the original given is this copy itself (the same text), not the story it republishes"


def _entry(run: Any) -> dict[str, Any]:
    (entry,) = run.json()["files"]
    return entry  # type: ignore[no-any-return]


def _rules(entry: dict[str, Any]) -> set[str]:
    return {item["rule"] for item in entry["findings"] + entry["passed"]}


def _unavailable(entry: dict[str, Any]) -> list[str]:
    return [n["message"] for n in entry["notices"] if n["code"] == "original-unavailable"]


@pytest.mark.parametrize("how", ["the same file", "another file with its bytes", "stdin"])
def test_the_copy_as_its_own_original_is_said_and_not_compared(cli: Any, tmp_path: Path, how: str) -> None:
    copy = str(COPY)
    original = copy if how == "the same file" else str(tmp_path / COPY.name)
    if how != "the same file":
        Path(original).write_bytes(COPY.read_bytes())
    args = ("check", "--format", "json", "--original", original)
    run = cli(*args, "-", stdin=COPY.read_bytes()) if how == "stdin" else cli(*args, copy)
    entry = _entry(run)
    (note,) = _unavailable(entry)
    assert note.startswith(NOTE)
    assert not COMPARING & _rules(entry)
    assert "no-original" not in {n["code"] for n in entry["notices"]}


def test_a_copy_that_differs_from_the_original_by_a_word_is_compared(cli: Any, tmp_path: Path) -> None:
    # Not the copy itself: an edited copy of a story is compared with it, as before.
    edited = tmp_path / COPY.name
    text = COPY.read_text(encoding="utf-8")
    assert "Taliban" in text
    edited.write_text(text.replace("Taliban", "the Taliban", 1), encoding="utf-8")
    entry = _entry(cli("check", "--format", "json", "--original", str(COPY), str(edited)))
    assert not _unavailable(entry)
    assert _rules(entry) >= COMPARING


def test_fix_writes_nothing_from_the_copy_as_its_own_original(cli: Any) -> None:
    # What fix does with it is what it does with no original, and it prints the note.
    source = COPY.read_bytes()
    alone = cli("fix", "--stdin-filename", COPY.name, "-", stdin=source)
    itself = cli("fix", "--stdin-filename", COPY.name, "--original", str(COPY), "-", stdin=source)
    assert itself.out == alone.out
    assert f"note: {NOTE}" in itself.err


def test_the_editors_page_says_it_with_its_own_fields() -> None:
    client = TestClient(create_app(ServeSettings()), base_url="http://127.0.0.1:8080")
    data = COPY.read_bytes()
    answer = client.post("/", files={"file": (COPY.name, data, "text/plain"), "original_file": (COPY.name, data, "text/plain")})
    assert answer.status_code == 200
    text = html.unescape(re.sub(r"<[^>]+>", "\n", answer.text))
    # (This server fetches no page: an Original URL would not be compared with.)
    assert f"{NOTE} (upload the original story's saved page as the Original story file)" in text
    assert "--original" not in text.split("Result", 1)[-1]

"""`syndcheck fix` keeps the file's own line breaks, whatever they are (LF, CR LF, a lone CR of old
Mac files), in every edit it makes: a block inserted, a credit line moved, a copy taken out, a
name replaced. The property: fixing a file saved with CR LF or lone CR line breaks gives, byte for
byte, what fixing the same file saved with LF gives, with its line breaks written the same way; no
stray CR is left where a line was taken out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

URL = "https://www.propublica.org/article/welds"
CREDIT = {
    "md": f"This story was originally published by [ProPublica]({URL}).",
    "html": f'<p>This story was originally published by <a href="{URL}">ProPublica</a>.</p>',
    "txt": "This story was originally published by ProPublica.",
}
PIXEL = '<script async src="https://pixel.propublica.org/pixel.js"></script>'


def story(kind: str, *, byline: str = "By Pat Doe, ProPublica", top: bool = True, bottom: bool = False) -> str:
    """A ProPublica story in `kind` (md, html, txt) with LF line breaks, its credit line at the top
    and/or the bottom (or nowhere)."""
    paragraphs = ["Inspectors signed off on 41 welds in a single morning.", "Two of them later failed."]
    credit = [CREDIT[kind]]
    if kind == "html":
        body = [f"<p>{p}</p>" for p in paragraphs]
        lines = ["<html><body><article>", "<h1>Welds</h1>", f'<p class="byline">{byline}</p>']
        lines += [*(credit if top else []), *body, *(credit if bottom else []), PIXEL, "</article></body></html>"]
        return "\n".join(lines) + "\n"
    head = ["# Welds" if kind == "md" else "Welds", byline]
    tail = [PIXEL] if kind == "md" else []
    return "\n\n".join([*head, *(credit if top else []), *paragraphs, *(credit if bottom else []), *tail]) + "\n"


# Each edit fix makes, with the page that needs it and what fix says it did.
EDITS = {
    "insert": ({"top": False}, "inserted"),
    "move": ({"top": False, "bottom": True}, "took out"),
    "replace": ({"byline": "By Staff"}, "replaced 'Staff'"),
    "remove": ({"bottom": True}, "which stays"),  # a credit line printed twice
}
LINE_BREAKS = {"crlf": "\r\n", "cr": "\r"}


def _fixed(cli: Any, path: Path) -> tuple[bytes, str]:
    run = cli("fix", "--write", "--pack", "propublica", f"--meta=original-url={URL}", "--meta=reporter=Pat Doe", str(path))
    return path.read_bytes(), run.err


@pytest.mark.parametrize("eol", LINE_BREAKS)
@pytest.mark.parametrize("edit", EDITS)
@pytest.mark.parametrize("kind", ["md", "html", "txt"])
def test_every_edit_keeps_the_files_line_breaks(cli: Any, tmp_path: Path, kind: str, edit: str, eol: str) -> None:
    shape, said = EDITS[edit]
    source = story(kind, **shape)
    lf, lf_notes = _fixed(cli, _saved(tmp_path / "lf", kind, source))
    assert said in lf_notes and lf != source.encode() and b"\r" not in lf
    other, notes = _fixed(cli, _saved(tmp_path / eol, kind, source.replace("\n", LINE_BREAKS[eol])))
    assert said in notes
    assert other == lf.replace(b"\n", LINE_BREAKS[eol].encode())


def test_a_moved_credit_line_leaves_no_stray_carriage_return(cli: Any, tmp_path: Path) -> None:
    # The shape an editor's Windows machine saves: the credit line last, after a blank line.
    source = story("md", top=False, bottom=True).replace("\n", "\r\n")
    fixed, _ = _fixed(cli, _saved(tmp_path, "md", source))
    assert b"\r\r" not in fixed and fixed.count(b"\r") == fixed.count(b"\n")
    assert fixed.endswith(PIXEL.encode() + b"\r\n") and fixed.count(b"originally published") == 1


def _saved(folder: Path, kind: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"story.{kind}"
    path.write_bytes(text.encode())
    return path


def _note_lines(notes: str) -> list[str]:
    """The line each fix note names ("story.md:12: fixed …" → "12"), in order."""
    return [note.split(":", 2)[1] for note in notes.splitlines() if ": fixed " in note or ": would fix " in note]


@pytest.mark.parametrize("eol", LINE_BREAKS)
@pytest.mark.parametrize("edit", EDITS)
@pytest.mark.parametrize("kind", ["md", "html", "txt"])
def test_fix_notes_name_the_lines_check_counts_whatever_the_line_breaks(cli: Any, tmp_path: Path, kind: str, edit: str, eol: str) -> None:
    # A lone CR ends a line as LF does, for the notes of a file written and of one only previewed.
    shape, _ = EDITS[edit]
    source = story(kind, **shape)
    _, lf_notes = _fixed(cli, _saved(tmp_path / "lf", kind, source))
    _, notes = _fixed(cli, _saved(tmp_path / eol, kind, source.replace("\n", LINE_BREAKS[eol])))
    assert _note_lines(lf_notes) and _note_lines(notes) == _note_lines(lf_notes), (lf_notes, notes)
    preview = cli(
        "fix",
        "--pack",
        "propublica",
        f"--meta=original-url={URL}",
        "--meta=reporter=Pat Doe",
        str(_saved(tmp_path / "p", kind, source.replace("\n", LINE_BREAKS[eol]))),
    )
    lf_preview = cli("fix", "--pack", "propublica", f"--meta=original-url={URL}", "--meta=reporter=Pat Doe", str(_saved(tmp_path / "q", kind, source)))
    assert _note_lines(preview.err) == _note_lines(lf_preview.err), (lf_preview.err, preview.err)

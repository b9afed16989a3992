"""`text` with `instead`: a wording some copies print in place of the required text (a prescribed
credit line's translation) is named in the failure when it is in the scope, and never makes the
check pass; a copy without it is not told of it."""

from __future__ import annotations

import pytest

from compliance.document import parse_document
from compliance.engine import check_document
from compliance.findings import Finding
from compliance.packs import load_pack
from tests.test_check_kinds import pack_around

_CHECK = (
    "text:\n"
    "  pattern: 'Originally\\s+published\\s+by\\s+the\\s+Gazette'\n"
    "  ignore-case: true\n"
    '  label: line "Originally published by the Gazette"\n'
    "  instead: '^(?:Publicado\\s+originalmente\\s+por|Publi[ée]\\s+d.abord\\s+par)\\s+(?:la\\s+|le\\s+)?Gazette\\b'\n"
    "  instead-label: a translation of the line, which does not replace it\n"
)
_STORY = "<p>The council met on Tuesday and approved the budget after a long debate.</p>"


def _findings(body: str, kind: str = "html", check: str = _CHECK) -> list[Finding]:
    pack = load_pack(pack_around(check), "instead.yaml")
    doc = parse_document(body.encode(), kind)
    return list(check_document(doc, [pack], path=f"story.{kind}", auto_detect=False).findings)


@pytest.mark.parametrize(
    ("body", "kind", "line"),
    [
        (f"<article><h1>Budget</h1>{_STORY}<p>Publicado originalmente por la Gazette.</p></article>", "html", 1),
        (f"<article>\n<h1>Budget</h1>\n{_STORY}\n<p><em>PUBLIÉ D'ABORD PAR LE GAZETTE</em></p>\n</article>", "html", 4),
        ("# Budget\n\nThe council met on Tuesday.\n\nPublié d’abord par le Gazette.\n", "markdown", 5),
    ],
)
def test_a_stand_in_wording_is_quoted_with_its_line_and_what_it_is(body: str, kind: str, line: int) -> None:
    (finding,) = _findings(body, kind)
    base, _, note = finding.detail.partition("; ")
    assert base == 'no line "Originally published by the Gazette" in the article'
    assert note.startswith('"') and "GAZETTE" in note.upper()
    assert note.endswith(f"(line {line}) is a translation of the line, which does not replace it")
    # It is what the editor replaces: quoted as found, and pointed at.
    assert finding.evidence is not None and "GAZETTE" in finding.evidence.upper()
    assert finding.location.line == line


def test_a_copy_without_the_stand_in_quotes_nothing_found() -> None:
    (finding,) = _findings(f"<article><h1>Budget</h1>{_STORY}</article>")
    assert finding.evidence is None


@pytest.mark.parametrize(
    "body",
    [
        # No stand-in at all; one cited inside a sentence (the pattern asks for a block's start);
        # another newspaper's line in the same words.
        f"<article><h1>Budget</h1>{_STORY}</article>",
        f"<article><h1>Budget</h1>{_STORY}<p>El informe, publicado originalmente por la Gazette, fue citado.</p></article>",
        f"<article><h1>Budget</h1>{_STORY}<p>Publicado originalmente por El Diario.</p></article>",
    ],
)
def test_a_copy_without_the_stand_in_is_not_told_of_one(body: str) -> None:
    (finding,) = _findings(body)
    assert finding.detail == 'no line "Originally published by the Gazette" in the article'


def test_the_stand_in_never_makes_the_check_pass_and_the_text_does() -> None:
    spanish = "<p>Publicado originalmente por la Gazette.</p>"
    english = "<p>Originally published by the Gazette.</p>"
    assert _findings(f"<article><h1>Budget</h1>{_STORY}{spanish}</article>")
    assert not _findings(f"<article><h1>Budget</h1>{_STORY}{spanish}{english}</article>")


def test_without_a_label_the_stand_in_is_said_not_to_be_the_text() -> None:
    check = _CHECK.replace("  instead-label: a translation of the line, which does not replace it\n", "")
    (finding,) = _findings(f"<article><h1>Budget</h1>{_STORY}<p>Publicado originalmente por la Gazette.</p></article>", check=check)
    assert finding.detail.endswith('(line 1) is not line "Originally published by the Gazette"')

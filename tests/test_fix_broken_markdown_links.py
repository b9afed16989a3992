"""`syndcheck fix` and a Markdown credit line whose link a renderer shows as text because its
address holds a character a link's address cannot (a line break where an editor wrapped it, a
tab, a space, a control character): `check` names the broken link; `fix` takes the characters out
of the address, as the editor wrote it otherwise, rather than adding a second link beside the
text readers would see as "[ProPublica](https://…)"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

STORY = "https://www.propublica.org/article/harbor-dredging"
PIXEL = '<script async src="https://pixel.propublica.org/pixel.js"></script>'


def story(credit: str, eol: str = "\n") -> str:
    text = f"# Harbor dredging stalls\n\nBy Lee Ortiz, ProPublica\n\n{credit}\n\nThe dredging contract lapsed in March, port records show.\n\n{PIXEL}\n"
    return text.replace("\n", eol)


BROKEN = {
    "wrapped at a slash": ("https://www.propublica.org/article/\nharbor-dredging", "a line break"),
    "wrapped with indentation": ("https://www.propublica.org/article/\n   harbor-dredging", "a line break"),
    "a tab inside": ("https://www.propublica.org/article/\tharbor-dredging", "a tab"),
    "a bell at the end": (STORY + "\x07", "U+0007 (a control character)"),
}


@pytest.mark.parametrize("eol", ["\n", "\r\n"], ids=["LF", "CR LF"])
@pytest.mark.parametrize(("address", "named"), BROKEN.values(), ids=BROKEN.keys())
def test_the_broken_address_is_mended_in_place(cli: Any, tmp_path: Path, address: str, named: str, eol: str) -> None:
    path = tmp_path / "copy.md"
    written = story(f"_This story was originally published by [ProPublica]({address})._", eol)
    path.write_bytes(written.encode())
    before = cli("check", "--format", "json", "--pack", "propublica", str(path)).json()["files"][0]
    assert [f["rule"] for f in before["findings"] if f["severity"] == "error"] == ["creative-commons/source-link"]
    run = cli("fix", "--write", "--pack", "propublica", str(path))
    assert run.code == 0, run.err
    assert f"fixed creative-commons/source-link: replaced the address of the link 'ProPublica', which held {named}, with '{STORY}'" in run.err
    fixed = path.read_bytes().decode()
    # Only the address changed: the credit line's words, its emphasis and every other line stay.
    assert fixed == story(f"_This story was originally published by [ProPublica]({STORY})._", eol)
    assert "Read the original story" not in fixed
    assert cli("check", "--pack", "propublica", str(path)).code == 0


def test_a_broken_link_to_another_page_is_not_mended_into_a_credit(cli: Any, tmp_path: Path) -> None:
    # The broken link goes to the republisher's own page: mending it would not give the link
    # back the terms ask for, so it stays as it is and the link back is added as usual.
    path = tmp_path / "copy.md"
    path.write_text(story("_This story was originally published by [ProPublica](https://valleyherald.example/\nbuses)._"), encoding="utf-8")
    run = cli("fix", "--pack", "propublica", f"--meta=original-url={STORY}", str(path))
    assert "replaced the address of the link" not in run.err
    assert f"inserted 'Read the original story on [ProPublica]({STORY}).'" in run.err

"""`syndcheck fix` and a credit line hidden on some screens by an `@media` rule: the requirement
is met, and the remedy is the style sheet, which fix does not edit. So fix inserts no second copy
(which the other screens would show twice), takes out no copy of a responsive pair (one copy per
screen), and says "not fixed" with the query. Whatever the page's shape, what fix writes checks
no worse than what it read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

URL = "https://www.propublica.org/article/rural-hospital-closures"
CREDIT = f'This story was originally published by <a href="{URL}">ProPublica</a>.'


def page(css: str, credits: str) -> str:
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>Rural hospitals</title>
<link rel="canonical" href="{URL}"><style>{css}</style></head><body><article>
<h1>Three rural hospitals closed their maternity wards in one year</h1>
<p>By Teodora Lindqvist, ProPublica</p>
{credits}
<p>The nearest delivery room is now two hours away for thousands of families.</p>
<p>State records show the wards lost money for a decade.</p>
<script async src="https://pixel.propublica.org/pixel.js"></script>
</article></body></html>
"""


SHAPES = {
    # One copy, hidden on narrow screens.
    "hidden on phones": page("@media (max-width: 639px){.credit{display:none}}", f'<p class="credit">{CREDIT}</p>'),
    # One copy, hidden where there is no hover (touch screens), in a wrapper.
    "wrapper hidden on touch screens": page("@media (hover: none){.top{display:none}}", f'<div class="top"><p>{CREDIT}</p></div>'),
    # A responsive pair: one copy on every screen.
    "responsive pair": page(
        ".phone{display:none}@media (max-width: 639px){.desk{display:none}.phone{display:block}}",
        f'<p class="desk">{CREDIT}</p>\n<p class="phone">{CREDIT}</p>',
    ),
    # A pair and a copy on every screen: wide screens show two.
    "pair and a plain copy": page(
        ".phone{display:none}@media (max-width: 639px){.desk{display:none}.phone{display:block}}",
        f'<p class="desk">{CREDIT}</p>\n<p class="phone">{CREDIT}</p>\n<p>{CREDIT}</p>',
    ),
    # Two copies, both hidden in landscape.
    "two copies hidden alike": page("@media (orientation: landscape){.c{display:none}}", f'<p class="c">{CREDIT}</p>\n<p class="c">{CREDIT}</p>'),
    # No media rule at all, the credit printed twice.
    "plain copy twice": page("", f"<p>{CREDIT}</p>\n<p>{CREDIT}</p>"),
}


def _findings(cli: Any, path: Path) -> list[tuple[str, str]]:
    (result,) = cli("check", "--format", "json", "--pack", "propublica", str(path)).json()["files"]
    return sorted((f["rule"], f["severity"]) for f in result["findings"])


@pytest.mark.parametrize("shape", SHAPES.values(), ids=list(SHAPES))
def test_what_fix_writes_checks_no_worse_than_what_it_read(cli: Any, tmp_path: Path, shape: str) -> None:
    path = tmp_path / "story.html"
    path.write_text(shape, encoding="utf-8")
    before = _findings(cli, path)
    run = cli("fix", "--write", "--pack", "propublica", str(path))
    after = _findings(cli, path)
    # No finding the page did not have, and no more of any.
    assert all(after.count(finding) <= before.count(finding) for finding in after), (before, after, run.err)
    # Each line fix says it took out is one copy fewer in what it wrote.
    lines, fixed = shape.splitlines(), path.read_text(encoding="utf-8").splitlines()
    taken = [lines[int(note.split("took out line ", 1)[1].split(",")[0]) - 1] for note in run.err.splitlines() if "took out line " in note]
    for line in set(taken):
        assert fixed.count(line) == lines.count(line) - taken.count(line), run.err


def test_a_credit_line_hidden_on_some_screens_is_left_to_the_style_sheet(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "story.html"
    path.write_text(SHAPES["hidden on phones"], encoding="utf-8")
    run = cli("fix", "--pack", "propublica", str(path))
    assert run.out == "" or run.out.count("originally published") == 0, run.out  # nothing written
    assert (
        "not fixed: propublica/credit-line: it is hidden on the screens that meet @media (max-width: 639px); "
        "change the style sheet so that those screens show it"
    ) in run.err
    assert "inserted" not in run.err and "took out" not in run.err
    assert path.read_text(encoding="utf-8") == SHAPES["hidden on phones"]


def test_a_responsive_pair_is_left_as_it_is(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "story.html"
    path.write_text(SHAPES["responsive pair"], encoding="utf-8")
    run = cli("fix", "--write", "--pack", "propublica", str(path))
    assert run.code == 0, run.err
    assert "fixed" not in run.err.replace("not fixed", ""), run.err
    assert path.read_text(encoding="utf-8") == SHAPES["responsive pair"]
